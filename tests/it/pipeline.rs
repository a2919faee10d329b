//! The build as one pipeline: links are checked against what the outputs write, and time comes
//! from the one clock, so an embargo that passes while the preview runs lifts on the next
//! rebuild of anything.

use crate::common;

use std::path::Path;

use anslag::build::{BuildOptions, Builder};
use anslag::site::clock::Clock;
use anslag::write;

const NOW: &str = "2026-11-22T12:00:00+01:00";

fn site_with(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    common::copy_dir(&fixture, dir.path());
    for (rel, text) in extra {
        std::fs::write(dir.path().join(rel), text).unwrap();
    }
    dir
}

fn builder(root: &Path, out: &Path, clock: Clock, drafts: bool) -> Builder {
    Builder::new(BuildOptions {
        root: root.to_path_buf(),
        output: out.to_path_buf(),
        clock,
        drafts,
        compress: false,
    })
}

const LINKS: &str = "---
title: Flöden
date: 2026-11-02T10:00:00+01:00
summary: Var du hittar flödena.
---
Följ [RSS](/sv/feed.xml), [Atom](/sv/press/atom.xml), [API](/api/v1/index.json),
[larm](/alerts/index.atom) och [sidan](/sv/press/).
";

#[test]
fn links_to_feeds_api_and_alerts_build() {
    let site = site_with(&[("content/press/2026-11-02-floden.sv.md", LINKS)]);
    let out = site.path().join("public");
    let clock = Clock::from_flag(Some(NOW)).unwrap();
    let r = builder(site.path(), &out, clock, false).rebuild();
    assert!(
        r.is_ok(),
        "{}",
        r.err().map(|e| e.to_string()).unwrap_or_default()
    );
}

#[test]
fn a_link_to_a_file_no_output_writes_is_an_error() {
    let broken = LINKS.replace("/sv/feed.xml", "/sv/feed.rss");
    let site = site_with(&[("content/press/2026-11-02-floden.sv.md", &broken)]);
    let out = site.path().join("public");
    let clock = Clock::from_flag(Some(NOW)).unwrap();
    let err = match builder(site.path(), &out, clock, false).rebuild() {
        Ok(_) => panic!("a link to /sv/feed.rss built"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("broken internal link `/sv/feed.rss`"), "{err}");
    assert_eq!(err.matches("broken internal link").count(), 1, "{err}");
}

const LATER: &str = "---
title: Nytt bibliotek
date: 2026-11-22T13:00:00+01:00
summary: Biblioteket öppnar.
---
Biblioteket öppnar i december.
";

#[test]
fn an_embargo_that_passes_while_the_preview_runs_lifts_on_the_next_rebuild() {
    let site = site_with(&[("content/press/2026-11-22-bibliotek.sv.md", LATER)]);
    let out = tempfile::tempdir().unwrap();
    let clock = Clock::from_flag(Some(NOW)).unwrap();
    // As `anslag serve` builds: drafts and embargoed documents shown, marked.
    let mut b = builder(site.path(), out.path(), clock.clone(), true);
    b.track_changes();
    let page = |b: &mut Builder| -> String {
        let sink = write::Collect::default();
        b.rebuild_into(&sink).unwrap_or_else(|e| panic!("{e}"));
        let files = sink.into_outputs();
        // Only what changed is rendered: the last rendering of the page is what is served.
        files
            .into_iter()
            .find(|f| f.path == "sv/press/bibliotek/index.html")
            .map(|f| match f.data {
                write::FileData::Bytes(b) => String::from_utf8(b).unwrap(),
                write::FileData::Copy(_) => String::new(),
            })
            .unwrap_or_default()
    };
    let first = page(&mut b);
    assert!(first.contains("Under embargo"), "{first}");

    // An hour later someone edits another document: the rebuild is of that file only, yet the
    // embargo has passed and the page must say so.
    let clock_later = chrono::DateTime::parse_from_rfc3339("2026-11-22T13:30:00+01:00").unwrap();
    clock.wait_until(clock_later.with_timezone(&chrono::Utc), chrono_tz::UTC);
    let other = site.path().join("content/press/2026-11-01-ny-matsal.sv.md");
    let text = std::fs::read_to_string(&other).unwrap();
    std::fs::write(&other, format!("{text}\nEn rad till.\n")).unwrap();
    b.note_changes(Some(&[other]));
    let second = page(&mut b);
    assert!(!second.is_empty(), "the page was not rendered again");
    assert!(!second.contains("Under embargo"), "{second}");
}

const FEWER: &str = "
outputs:
  feeds: { json: false, topics: false, items: 2, content: summary }
  api: false
";

fn with_outputs(yaml: &str, extra: &[(&str, &str)]) -> tempfile::TempDir {
    let site = site_with(extra);
    let config = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}{yaml}")).unwrap();
    site
}

fn rebuild(site: &Path) -> Result<Vec<write::File>, String> {
    let out = site.join("public");
    let clock = Clock::from_flag(Some(NOW)).unwrap();
    builder(site, &out, clock, false)
        .rebuild()
        .map(|r| r.outputs)
        .map_err(|e| e.to_string())
}

fn text(files: &[write::File], path: &str) -> String {
    let f = files.iter().find(|f| f.path == path);
    match f.map(|f| &f.data) {
        Some(write::FileData::Bytes(b)) => String::from_utf8(b.clone()).unwrap(),
        _ => panic!("no {path}"),
    }
}

#[test]
fn outputs_left_out_write_nothing_and_are_not_linked() {
    let site = with_outputs(FEWER, &[]);
    let files = rebuild(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.contains(&"sv/feed.xml"), "{paths:?}");
    assert!(paths.contains(&"sv/press/atom.xml"), "{paths:?}");
    assert!(
        !paths.iter().any(|p| p.ends_with("feed.json")),
        "JSON Feed written"
    );
    assert!(!paths.iter().any(|p| p.starts_with("api/")), "API written");
    assert!(
        !paths
            .iter()
            .any(|p| p.contains("/topics/") && p.ends_with(".xml")),
        "topic feeds written"
    );
    // Still there: the outputs not named.
    assert!(paths.iter().any(|p| p.starts_with("alerts/")), "{paths:?}");
    assert!(paths.contains(&"sitemap.xml"));
    let home = text(&files, "sv/index.html");
    assert!(home.contains("application/rss+xml"), "{home}");
    assert!(!home.contains("application/feed+json"), "{home}");
    // Bounded, and summaries only.
    let rss = text(&files, "sv/feed.xml");
    assert_eq!(rss.matches("<item>").count(), 2, "{rss}");
    assert!(
        rss.contains("<p>Ekskolan är stängd fredag 20 november eftersom vattnet är avstängt.</p>"),
        "{rss}"
    );
    assert!(
        !rss.contains("Vattnet är avstängt i hela skolan"),
        "the full text is in the feed: {rss}"
    );
}

#[test]
fn a_link_to_an_output_left_out_is_broken() {
    let site = with_outputs(FEWER, &[("content/press/2026-11-02-floden.sv.md", LINKS)]);
    let err = rebuild(site.path()).expect_err("built with a link to the API");
    assert!(
        err.contains("broken internal link `/api/v1/index.json`"),
        "{err}"
    );
}

#[test]
fn an_unknown_key_under_outputs_is_an_error() {
    let site = with_outputs("\noutputs:\n  feeds: { rss: false, itmes: 5 }\n", &[]);
    let err = rebuild(site.path()).expect_err("built with a misspelt key");
    assert!(err.contains("unknown key `itmes`"), "{err}");
    assert!(err.contains("site.yaml"), "{err}");
}

#[test]
fn a_second_publish_stops_at_once_while_one_runs() {
    let site = site_with(&[]);
    let out = site.path().join("public");
    let publish = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_anslag"))
            .args(["--site", &site.path().to_string_lossy(), "publish"])
            .args(["--output", &out.to_string_lossy(), "--now", NOW])
            .output()
            .expect("run anslag publish")
    };
    let held = anslag::publish::PublishLock::acquire(&out).expect("the lock is free");
    let second = publish();
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("another `anslag publish` is running")
            && stderr.contains(&std::process::id().to_string()),
        "{stderr}"
    );
    assert!(!out.exists(), "the second run built the site");
    drop(held);
    let third = publish();
    assert!(
        third.status.success(),
        "{}",
        String::from_utf8_lossy(&third.stderr)
    );
    assert!(out.join("sv/index.html").exists());
}
