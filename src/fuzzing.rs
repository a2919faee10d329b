//! Entry points for the fuzz targets in `fuzz/` and their regression test
//! (`tests/it/fuzz_regressions.rs`): each takes arbitrary bytes, runs them through the same code a
//! build, an import or the subscription service runs, and checks what must hold whatever the
//! input: no panic, and every error names where it is.
//!
//! `bash fuzz/run.sh` runs every target for a bounded time; crashing inputs are kept in
//! `fuzz/regressions/TARGET/` and replayed by `cargo test`.

use std::path::Path;
use std::sync::OnceLock;

use chrono::{TimeZone, Utc};

use crate::config::{self, Config};
use crate::content::document::Kind;
use crate::content::load::{LoadOptions, document_from_bytes};
use crate::diagnostics::Diagnostic;

/// A fuzz target's entry point.
pub type Target = fn(&[u8]);

/// The fuzz targets, by name.
pub const TARGETS: &[(&str, Target)] = &[
    ("front_matter", front_matter),
    ("markdown_minutes", markdown_minutes),
    ("site_yaml", site_yaml),
    ("subscriber_csv", subscriber_csv),
    ("service_form", service_form),
    ("image_decode", image_decode),
];

/// A small valid site (the test fixture's `site.yaml`).
fn config() -> &'static Config {
    static C: OnceLock<Config> = OnceLock::new();
    C.get_or_init(|| {
        config::parse(
            include_str!("../tests/fixtures/minimal/site.yaml"),
            Path::new(config::CONFIG_FILE),
        )
        .expect("the fixture's site.yaml is valid")
    })
}

fn options() -> LoadOptions {
    let c = config();
    LoadOptions {
        now: c.tz.from_utc_datetime(
            &Utc.with_ymd_and_hms(2026, 11, 22, 11, 0, 0)
                .unwrap()
                .naive_utc(),
        ),
        drafts: true,
        addresses: &crate::site::urls::Scheme,
    }
}

fn located(d: &[Diagnostic], file: &str) {
    for e in d {
        assert!(
            e.file().is_some_and(|f| f.to_string_lossy().contains(file)),
            "an error without its file: {e}"
        );
        assert!(!e.message.is_empty());
    }
}

/// A whole document file: front matter and Markdown, as a press release.
pub fn front_matter(data: &[u8]) {
    let name = "2026-11-01-fuzz.sv.md";
    if let Err(d) = document_from_bytes(config(), Kind::Press, name, data.to_vec(), options()) {
        located(&d, name);
    }
}

/// Markdown with heading attributes and minutes structure: the input is the body of a minutes
/// document with valid front matter.
pub fn markdown_minutes(data: &[u8]) {
    const FRONT: &str = "---\ntitle: Protokoll\ndate: 2026-11-12T09:00:00+01:00\nsummary: S.\ncommittee: styrelsen\nmeeting:\n  start: 2026-11-10T18:00:00+01:00\n  place: Salen\napproved: 2026-11-12\n---\n";
    let mut bytes = FRONT.as_bytes().to_vec();
    bytes.extend_from_slice(data);
    let name = "2026-11-10-fuzz.sv.md";
    match document_from_bytes(config(), Kind::Minutes, name, bytes, options()) {
        Err(d) => located(&d, name),
        Ok(t) => {
            // A closed item's body never reaches the public text.
            if let Some(m) = t.minutes() {
                for item in m.items.iter().filter(|i| i.closed) {
                    assert!(item.body_html.is_empty(), "a closed item kept its body");
                }
            }
        }
    }
}

/// `site.yaml`.
pub fn site_yaml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(d) = config::parse(text, Path::new(config::CONFIG_FILE)) {
        located(&d.0, config::CONFIG_FILE);
    }
}

/// A subscriber CSV import into an empty in-memory store.
pub fn subscriber_csv(data: &[u8]) {
    let Ok(mut conn) = rusqlite::Connection::open_in_memory() else {
        return;
    };
    if crate::mail::store::migrate(&mut conn).is_err() {
        return;
    }
    let file = Path::new("fuzz.csv");
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 11, 0, 0).unwrap();
    match crate::mail::subscribers::import_bytes(&mut conn, config(), file, data, now) {
        Err(d) => located(&d.0, "fuzz.csv"),
        Ok(report) => {
            let stored: i64 = conn
                .query_row("SELECT count(*) FROM subscribers", [], |r| r.get(0))
                .unwrap_or(-1);
            assert_eq!(
                stored as usize, report.added,
                "the report and the store disagree"
            );
            // No report shows an address in clear.
            for r in &report.refused {
                assert!(
                    r.address == "(empty)" || r.address.contains("***"),
                    "an address in clear: {}",
                    r.address
                );
            }
        }
    }
}

/// The subscription service's form parser: a request body.
pub fn service_form(data: &[u8]) {
    use crate::subscriptions::forms;
    if let Ok(fields) = forms::parse_urlencoded(data)
        && let Ok(form) = forms::preferences_form(&fields)
    {
        let _ = forms::check_address(&form);
    }
}

/// An image file's bytes, as the build decodes an image beside a document: an image within the
/// limits, or a problem said with a hint; never a panic or unbounded memory.
pub fn image_decode(data: &[u8]) {
    match crate::images::decode(data) {
        Ok(d) => assert!(
            u64::from(d.image.width()) * u64::from(d.image.height()) <= 100_000_000,
            "a decoded image above the limit"
        ),
        Err(p) => assert!(!p.message.is_empty() && !p.hint.is_empty()),
    }
}
