//! `anslag check` through the library: one test per kind of finding on the fixture site
//! `tests/fixtures/check` (each asserting the check id, file and line), the build's error part,
//! the report's text and JSON forms, and the example site, which must have no errors.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anslag::check::{self, Finding, Report};
use anslag::content::Kind;
use anslag::diagnostics::Severity;
use anslag::site::Site;

/// The moment the sites are checked for (the crisis notices are in force).
const NOW: &str = "2026-11-22T12:00:00+01:00";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

fn load(root: &Path) -> Site {
    load_with(root, false)
}

fn load_with(root: &Path, drafts: bool) -> Site {
    let config = anslag::config::load(root).unwrap_or_else(|e| panic!("{e}"));
    let clock = anslag::site::clock::Clock::from_flag(Some(NOW)).unwrap();
    Site::load(root, config, &clock, drafts).unwrap_or_else(|e| panic!("{e}"))
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| load(&fixture()))
}

fn report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| check::check_site(&fixture(), site()))
}

fn file(f: &Finding) -> String {
    f.diagnostic
        .file()
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// The findings of `check` in `path` (relative to content/), as (line, message).
fn found(check: &str, path: &str) -> Vec<(Option<usize>, String)> {
    let want = format!("content/{path}");
    report()
        .of(check)
        .filter(|f| file(f) == want)
        .map(|f| (f.diagnostic.line, f.diagnostic.message.clone()))
        .collect()
}

/// Asserts exactly one finding of `check` in `path`, on `line`, with `severity`; returns it.
fn one(check: &str, path: &str, line: usize, severity: Severity) -> &'static Finding {
    let want = format!("content/{path}");
    let all: Vec<&Finding> = report().of(check).filter(|f| file(f) == want).collect();
    assert_eq!(
        all.len(),
        1,
        "{check} in {path}: {all:#?}\n{}",
        report().to_text(false)
    );
    let f = all[0];
    assert_eq!(f.diagnostic.line, Some(line), "{}", f.diagnostic);
    assert!(f.diagnostic.column.is_some(), "{}", f.diagnostic);
    assert_eq!(f.severity, severity, "{}", f.diagnostic);
    assert_eq!(f.diagnostic.severity, severity, "{}", f.diagnostic);
    assert!(f.diagnostic.hint.is_some(), "{}", f.diagnostic);
    f
}

#[test]
fn anchor_to_a_missing_agenda_item_of_another_document() {
    let f = one(
        "broken-anchor",
        "press/2026-11-01-matsal.sv.md",
        7,
        Severity::Error,
    );
    assert!(
        f.diagnostic.message.contains("@/minutes/styrelsen#p3"),
        "{}",
        f.diagnostic
    );
    assert!(
        f.diagnostic.message.contains("/sv/minutes/styrelsen/"),
        "{}",
        f.diagnostic
    );
    assert_eq!(f.diagnostic.column, Some(98), "{}", f.diagnostic);
    assert!(
        f.diagnostic
            .hint
            .as_deref()
            .unwrap()
            .contains("did you mean `#p"),
        "{}",
        f.diagnostic
    );
    // `#p1` exists, in Swedish and in the English page's link; the footnote `#ritning` too.
    assert!(found("broken-anchor", "press/2026-11-01-matsal.en.md").is_empty());
}

#[test]
fn anchor_to_a_missing_heading_of_the_same_page() {
    let f = one(
        "broken-anchor",
        "notices/2026-11-20-water-outage.sv.md",
        14,
        Severity::Error,
    );
    assert!(f.diagnostic.message.contains("`#mat`"), "{}", f.diagnostic);
    assert!(
        f.diagnostic.message.contains("this page"),
        "{}",
        f.diagnostic
    );
}

#[test]
fn crisis_notice_missing_in_a_language_is_an_error_per_language() {
    let all = found(
        "notice-translation-missing",
        "notices/2026-11-20-water-outage.sv.md",
    );
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all.iter().all(|(line, _)| *line == Some(6)), "{all:?}");
    assert!(
        all.iter().any(|(_, m)| m.contains("English (en)")),
        "{all:?}"
    );
    assert!(all.iter().any(|(_, m)| m.contains("Dansk (da)")), "{all:?}");
    let f = report().of("notice-translation-missing").next().unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.diagnostic
            .hint
            .as_deref()
            .unwrap()
            .contains("2026-11-20-water-outage."),
        "{}",
        f.diagnostic
    );
    // An important notice that has expired is no longer checked.
    assert!(
        found(
            "notice-translation-missing",
            "notices/2026-10-01-old-notice.sv.md"
        )
        .is_empty()
    );
    assert_eq!(report().of("notice-translation-missing").count(), 2);
}

#[test]
fn coverage_table_counts_translations_per_language_and_kind() {
    let c = &report().coverage;
    assert_eq!(c.get("sv", Kind::Press), Some(4));
    assert_eq!(c.get("en", Kind::Press), Some(1));
    assert_eq!(c.get("da", Kind::Press), Some(1));
    assert_eq!(c.get("ar", Kind::Notices), Some(1));
    assert_eq!(c.get("sv", Kind::Minutes), Some(1));
    assert_eq!(c.get("ar", Kind::Minutes), Some(0));
    let text = report().to_text(false);
    assert!(text.contains("info[translation-coverage]"), "{text}");
    assert!(text.contains("4/5 (80%)"), "{text}");
}

#[test]
fn image_without_alt_text() {
    let f = one(
        "image-missing-alt",
        "press/2026-11-01-matsal.sv.md",
        9,
        Severity::Error,
    );
    assert!(
        f.diagnostic.message.contains("ritning.png"),
        "{}",
        f.diagnostic
    );
}

#[test]
fn embeds_from_other_hosts_are_errors() {
    let got = found("foreign-embed", "press/2026-11-04-skolskjuts.sv.md");
    let want = [
        (
            10,
            "`<iframe>` loads `https://video.example/embed/1` from another host (video.example)",
        ),
        (
            12,
            "`<img>` loads `//cdn.example/karta.png` from another host (cdn.example)",
        ),
        (
            14,
            "`<script>` loads `https://analytics.example/a.js` from another host (analytics.example)",
        ),
    ];
    assert_eq!(
        got,
        want.map(|(l, m)| (Some(l), m.to_owned())),
        "{}",
        report().to_text(false)
    );
    assert!(
        report()
            .of("foreign-embed")
            .all(|f| f.severity == Severity::Error)
    );
}

#[test]
fn skipped_heading_level() {
    let f = one(
        "skipped-heading-level",
        "press/2026-11-01-matsal.sv.md",
        15,
        Severity::Warning,
    );
    assert!(
        f.diagnostic.message.contains("from level 2 to level 4"),
        "{}",
        f.diagnostic
    );
}

#[test]
fn vague_link_text() {
    let f = one(
        "vague-link-text",
        "press/2026-11-01-matsal.sv.md",
        7,
        Severity::Warning,
    );
    assert!(
        f.diagnostic.message.contains("`läs mer`"),
        "{}",
        f.diagnostic
    );
}

#[test]
fn table_without_header_row() {
    one(
        "table-without-header",
        "press/2026-11-01-matsal.sv.md",
        17,
        Severity::Warning,
    );
}

#[test]
fn swedish_personal_identity_number_in_a_document() {
    let f = one(
        "personal-number",
        "press/2026-11-02-intyg.sv.md",
        7,
        Severity::Error,
    );
    let d = &f.diagnostic;
    assert_eq!(d.column, Some(23), "{d}");
    assert!(
        d.message.contains("Swedish personal identity number"),
        "{d}"
    );
    // Neither the message nor the quoted line repeats the whole number.
    assert!(d.message.contains("811218-****"), "{d}");
    assert!(!d.to_string().contains("9876"), "{d}");
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .contains("allow_personal_numbers"),
        "{d}"
    );
    // The allowed number (640823-3234) and the case numbers, dates and phone numbers are not
    // reported.
    assert!(d.to_string().contains("640823-3234"), "{d}");
}

#[test]
fn danish_cpr_number_in_a_document() {
    let f = one(
        "personal-number",
        "press/2026-11-03-cpr.da.md",
        6,
        Severity::Error,
    );
    assert!(
        f.diagnostic.message.contains("Danish CPR number"),
        "{}",
        f.diagnostic
    );
}

#[test]
fn personal_number_in_an_attachment_name_and_a_text_attachment() {
    let name: Vec<&Finding> = report()
        .of("personal-number")
        .filter(|f| file(f).ends_with(".pdf"))
        .collect();
    assert_eq!(name.len(), 1, "{name:#?}");
    assert_eq!(
        file(name[0]),
        "content/press/2026-11-02-intyg/intyg-121212-****.pdf"
    );
    assert_eq!(name[0].severity, Severity::Error);
    let csv = one(
        "personal-number",
        "press/2026-11-02-intyg/elever.csv",
        2,
        Severity::Error,
    );
    assert!(
        csv.diagnostic.message.contains("19811218-****"),
        "{}",
        csv.diagnostic
    );
}

#[test]
fn unused_allow_list_entry_is_a_warning() {
    let f = one(
        "personal-number-allow-unused",
        "press/2026-11-02-intyg.sv.md",
        5,
        Severity::Warning,
    );
    assert!(
        f.diagnostic.message.contains("`010180…`"),
        "{}",
        f.diagnostic
    );
    assert!(
        !f.diagnostic.to_string().contains("010180-0000"),
        "{}",
        f.diagnostic
    );
}

#[test]
fn closed_items_are_not_scanned_for_personal_numbers() {
    // The closed item's body holds a personal identity number; it is never published.
    assert!(found("personal-number", "minutes/2026-11-10-styrelsen.sv.md").is_empty());
}

#[test]
fn closed_item_case_number_and_title_in_another_document() {
    let all: Vec<&Finding> = report()
        .of("closed-item-leakage")
        .filter(|f| file(f) == "content/press/2026-11-04-skolskjuts.sv.md")
        .collect();
    assert_eq!(all.len(), 2, "{all:#?}");
    let case = all
        .iter()
        .find(|f| f.diagnostic.message.contains("case number"))
        .unwrap();
    assert_eq!(case.severity, Severity::Error);
    assert_eq!(
        (case.diagnostic.line, case.diagnostic.column),
        (Some(8), Some(35))
    );
    assert!(
        case.diagnostic.message.contains("STY-2026/99"),
        "{}",
        case.diagnostic
    );
    assert!(
        case.diagnostic.message.contains("§ 2"),
        "{}",
        case.diagnostic
    );
    // The site publishes closed items' titles: the title is a warning.
    let title = all
        .iter()
        .find(|f| f.diagnostic.message.contains("title"))
        .unwrap();
    assert_eq!(title.severity, Severity::Warning);
    assert_eq!(title.diagnostic.line, Some(8));
    // The minutes themselves are not leaking.
    assert!(found("closed-item-leakage", "minutes/2026-11-10-styrelsen.sv.md").is_empty());
    assert_eq!(report().of("closed-item-leakage").count(), 2);
}

#[test]
fn hard_text_gets_a_readability_warning() {
    let f = one(
        "readability",
        "press/2026-11-05-utredning.sv.md",
        6,
        Severity::Warning,
    );
    assert!(f.diagnostic.message.contains("LIX"), "{}", f.diagnostic);
    assert!(
        f.diagnostic.message.contains("above 50"),
        "{}",
        f.diagnostic
    );
    // Short or plain texts are not flagged.
    assert_eq!(
        report().of("readability").count(),
        1,
        "{}",
        report().to_text(false)
    );
}

#[test]
fn no_other_findings() {
    let mut all: Vec<(String, &str, Option<usize>)> = report()
        .findings
        .iter()
        .map(|f| (file(f), f.check, f.diagnostic.line))
        .collect();
    all.sort();
    let rows: [(&str, &str, Option<usize>); 21] = [
        // The crisis notice has no `alert.event`: its CAP event is "Krismeddelande".
        (
            "notices/2026-11-20-water-outage.ar.md",
            "alert-event-generic",
            Some(6),
        ),
        (
            "notices/2026-11-20-water-outage.sv.md",
            "alert-event-generic",
            Some(6),
        ),
        (
            "notices/2026-11-20-water-outage.sv.md",
            "broken-anchor",
            Some(14),
        ),
        (
            "notices/2026-11-20-water-outage.sv.md",
            "notice-translation-missing",
            Some(6),
        ),
        (
            "notices/2026-11-20-water-outage.sv.md",
            "notice-translation-missing",
            Some(6),
        ),
        ("press/2026-11-01-matsal.sv.md", "broken-anchor", Some(7)),
        (
            "press/2026-11-01-matsal.sv.md",
            "image-missing-alt",
            Some(9),
        ),
        (
            "press/2026-11-01-matsal.sv.md",
            "skipped-heading-level",
            Some(15),
        ),
        (
            "press/2026-11-01-matsal.sv.md",
            "table-without-header",
            Some(17),
        ),
        ("press/2026-11-01-matsal.sv.md", "vague-link-text", Some(7)),
        ("press/2026-11-02-intyg.sv.md", "personal-number", Some(7)),
        (
            "press/2026-11-02-intyg.sv.md",
            "personal-number-allow-unused",
            Some(5),
        ),
        (
            "press/2026-11-02-intyg/elever.csv",
            "personal-number",
            Some(2),
        ),
        (
            "press/2026-11-02-intyg/intyg-121212-****.pdf",
            "personal-number",
            None,
        ),
        ("press/2026-11-03-cpr.da.md", "personal-number", Some(6)),
        (
            "press/2026-11-04-skolskjuts.sv.md",
            "closed-item-leakage",
            Some(8),
        ),
        (
            "press/2026-11-04-skolskjuts.sv.md",
            "closed-item-leakage",
            Some(8),
        ),
        (
            "press/2026-11-04-skolskjuts.sv.md",
            "foreign-embed",
            Some(10),
        ),
        (
            "press/2026-11-04-skolskjuts.sv.md",
            "foreign-embed",
            Some(12),
        ),
        (
            "press/2026-11-04-skolskjuts.sv.md",
            "foreign-embed",
            Some(14),
        ),
        ("press/2026-11-05-utredning.sv.md", "readability", Some(6)),
    ];
    let mut want: Vec<(String, &str, Option<usize>)> = rows
        .iter()
        .map(|(f, c, l)| (format!("content/{f}"), *c, *l))
        .collect();
    want.sort();
    assert_eq!(all, want, "{}", report().to_text(false));
}

#[test]
fn errors_are_listed_first_and_the_report_fails() {
    let r = report();
    assert!(r.has_errors());
    let first_warning = r
        .findings
        .iter()
        .position(|f| f.severity != Severity::Error)
        .unwrap();
    assert!(
        r.findings[first_warning..]
            .iter()
            .all(|f| f.severity != Severity::Error)
    );
    let text = r.to_text(false);
    assert!(text.contains("error[personal-number]: "), "{text}");
    assert!(
        text.contains("--> content/press/2026-11-03-cpr.da.md:6:"),
        "{text}"
    );
    assert!(text.contains("warning[readability]: "), "{text}");
    assert!(
        text.contains("check failed: 13 errors, 8 warnings"),
        "{text}"
    );
    assert!(!text.contains('\x1b'));
    assert!(
        r.to_text(true)
            .contains("\x1b[1;31merror[personal-number]\x1b[0m:")
    );
}

#[test]
fn json_report_has_every_finding_and_the_coverage() {
    let r = report();
    let j = r.to_json();
    let findings = j["findings"].as_array().unwrap();
    assert_eq!(findings.len(), r.findings.len());
    let cpr = findings
        .iter()
        .find(|f| f["file"] == "content/press/2026-11-03-cpr.da.md")
        .unwrap();
    assert_eq!(cpr["check"], "personal-number");
    assert_eq!(cpr["severity"], "error");
    assert_eq!(cpr["line"], 6);
    assert!(
        cpr["hint"]
            .as_str()
            .unwrap()
            .contains("allow_personal_numbers")
    );
    assert_eq!(j["summary"]["errors"], 13);
    assert_eq!(j["summary"]["warnings"], 8);
    assert_eq!(j["coverage"]["languages"]["sv"]["press"], 4);
    assert_eq!(j["coverage"]["totals"]["press"], 5);
}

#[test]
fn the_build_stops_for_personal_numbers_only() {
    let errors = check::errors_for_build(&fixture(), site());
    let mut got: Vec<(String, Option<usize>)> = errors
        .iter()
        .map(|d| {
            (
                d.file().unwrap().to_string_lossy().replace('\\', "/"),
                d.line,
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("content/press/2026-11-02-intyg.sv.md".to_owned(), Some(7)),
            (
                "content/press/2026-11-02-intyg/elever.csv".to_owned(),
                Some(2)
            ),
            (
                "content/press/2026-11-02-intyg/intyg-121212-****.pdf".to_owned(),
                None
            ),
            ("content/press/2026-11-03-cpr.da.md".to_owned(), Some(6)),
        ]
    );
    assert!(errors.iter().all(|d| d.is_error()));
}

/// The repository's example site (Ekvik) has no errors: its urgent notices exist in every
/// language of `check.notice_languages`, and nothing else is wrong.
#[test]
fn the_example_site_has_no_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // With drafts, embargoed documents are checked before they are published too.
    for drafts in [false, true] {
        let site = load_with(root, drafts);
        let r = check::check_site(root, &site);
        assert!(check::errors_for_build(root, &site).is_empty());
        assert!(!r.has_errors(), "{}", r.to_text(false));
        // Nothing closed leaks, no identity numbers, no broken anchors.
        for check in [
            "closed-item-leakage",
            "personal-number",
            "broken-anchor",
            "image-missing-alt",
        ] {
            assert_eq!(r.of(check).count(), 0, "{check}: {}", r.to_text(false));
        }
    }
}
