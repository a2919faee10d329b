//! Withdrawal (`withdrawn: { date, reason }`) through time with a fixed clock, on the minimal
//! fixture: before its date the document is an ordinary one; from it on its page stays, with
//! the notice in the page's language (Arabic too) over its original text, and it leaves the
//! lists, topic pages, sitemap, the API's lists and digests, while the feeds show it once more
//! marked as withdrawn and the API's document file says `withdrawn`. Translations that disagree
//! are an error; `anslag schedule` lists the moment; `anslag check` warns of a deleted page.

use std::path::Path;
use std::process::Command;

use anslag::mail::{Frequency, Status, Subscriber};
use chrono::{TimeZone, Utc};

use crate::common::{TestSite, page, page_text, select, single_error, text};

const NOTICE_SV: &str = "content/notices/2026-11-20-water-outage.sv.md";
const NOTICE_AR: &str = "content/notices/2026-11-20-water-outage.ar.md";
const SLUG: &str = "water-outage";
const WITHDRAWN_AT: &str = "2026-11-25T10:00:00+01:00";
const BEFORE: &str = "2026-11-25T09:59:59+01:00";
const AFTER: &str = "2026-11-25T12:00:00+01:00";
const REASON_SV: &str = "Beskedet gällde fel skola.";
const REASON_AR: &str = "كان الإعلان يخص مدرسة أخرى.";

/// The minimal site with the crisis notice withdrawn at [`WITHDRAWN_AT`] in both its languages.
fn withdrawn_site() -> TestSite {
    let site = TestSite::fixture("minimal");
    for (file, reason) in [(NOTICE_SV, REASON_SV), (NOTICE_AR, REASON_AR)] {
        site.edit(
            file,
            "\nurgency:",
            &format!("\nwithdrawn:\n  date: {WITHDRAWN_AT}\n  reason: \"{reason}\"\nurgency:"),
        );
    }
    site
}

fn built(site: &TestSite, now: &str) {
    site.build(&["--now", now]).assert_ok();
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn json(out: &Path, rel: &str) -> serde_json::Value {
    serde_json::from_str(&read(out, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn feed(out: &Path, rel: &str) -> feed_rs::model::Feed {
    feed_rs::parser::parse(read(out, rel).as_bytes()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Whether a list page links the notice's page.
fn links_notice(out: &Path, rel: &str, lang: &str) -> bool {
    let doc = page(out, rel);
    let href = format!("/{lang}/notices/{SLUG}/");
    select(&doc, "main a")
        .iter()
        .any(|a| a.value().attr("href") == Some(href.as_str()))
}

#[test]
fn before_its_date_a_withdrawal_changes_nothing() {
    let site = withdrawn_site();
    built(&site, BEFORE);
    let out = site.out();
    let doc = page(&out, &format!("sv/notices/{SLUG}/index.html"));
    assert!(select(&doc, ".withdrawn").is_empty(), "no notice yet");
    assert!(links_notice(&out, "sv/notices/index.html", "sv"));
    assert!(read(&out, "sitemap.xml").contains(&format!("/sv/notices/{SLUG}/")));
    let api = json(&out, &format!("api/v1/documents/notices/{SLUG}/sv.json"));
    assert!(api["withdrawn"].is_null(), "not yet withdrawn in the API");
    assert!(
        !page_text(&doc).contains(REASON_SV),
        "the reason is not public before"
    );
}

#[test]
fn from_its_date_the_page_stays_with_the_notice_and_the_document_leaves_the_lists() {
    let site = withdrawn_site();
    built(&site, AFTER);
    let out = site.out();

    // The page, at the same address, with the notice in its language over the original text.
    for (lang, reason, word, original) in [
        ("sv", REASON_SV, "Återkallat", "Vattnet är avstängt"),
        ("ar", REASON_AR, "سُحب في", "المياه مقطوعة"),
    ] {
        let doc = page(&out, &format!("{lang}/notices/{SLUG}/index.html"));
        let notice = select(&doc, "main .withdrawn");
        assert_eq!(notice.len(), 1, "{lang}: one withdrawal notice");
        let said = text(notice[0]);
        assert!(
            said.contains(word) && said.contains(reason),
            "{lang}: {said}"
        );
        assert!(
            said.contains("2026"),
            "{lang}: the date is written out: {said}"
        );
        assert!(
            page_text(&doc).contains(original),
            "{lang}: the original text stays"
        );
        assert!(
            select(&doc, ".crisis-banner").is_empty(),
            "{lang}: a withdrawn crisis notice is not in force"
        );
    }

    // Out of the lists, the topic page, the home page and the sitemap.
    assert!(!links_notice(&out, "sv/notices/index.html", "sv"));
    assert!(!links_notice(&out, "ar/notices/index.html", "ar"));
    assert!(!links_notice(&out, "sv/topics/ekskolan/index.html", "sv"));
    assert!(!links_notice(&out, "sv/index.html", "sv"));
    assert!(!read(&out, "sitemap.xml").contains(&format!("/notices/{SLUG}/")));

    // The API keeps the document with its withdrawal; its lists do not have it.
    let api = json(&out, &format!("api/v1/documents/notices/{SLUG}/ar.json"));
    assert_eq!(api["withdrawn"]["date"], WITHDRAWN_AT);
    assert_eq!(api["withdrawn"]["reason"], REASON_AR);
    let list = json(&out, "api/v1/sv/notices.json");
    assert!(
        list["documents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["slug"] != SLUG),
        "not in the API's list"
    );

    // The feeds show it once more, marked, dated by the withdrawal, with the notice.
    for (rel, mark) in [
        ("sv/notices/atom.xml", "Återkallat: "),
        ("ar/atom.xml", "مسحوب: "),
    ] {
        let f = feed(&out, rel);
        let entry = f
            .entries
            .iter()
            .find(|e| e.id.contains(SLUG))
            .unwrap_or_else(|| panic!("{rel}: the withdrawn notice is still in the feed"));
        let title = &entry.title.as_ref().unwrap().content;
        assert!(title.starts_with(mark), "{rel}: {title}");
        assert_eq!(
            entry.updated.unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap(),
            "{rel}: updated at the withdrawal"
        );
        let content = entry.content.as_ref().and_then(|c| c.body.clone()).unwrap();
        assert!(content.contains("2026"), "{rel}: {content}");
    }
    let rss = feed(&out, "sv/feed.xml");
    assert!(
        rss.entries.iter().any(|e| e
            .title
            .as_ref()
            .unwrap()
            .content
            .starts_with("Återkallat: ")),
        "RSS marks it too"
    );
}

#[test]
fn a_withdrawn_document_is_not_in_a_digest() {
    let site = withdrawn_site();
    let subscriber = Subscriber {
        id: 1,
        address: "person@example.org".into(),
        language: "sv".into(),
        topics: Vec::new(),
        frequency: Frequency::Weekly,
        status: Status::Confirmed,
        consent_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        consent_source: "form".into(),
    };
    let slugs = |now: &str| -> Vec<String> {
        let config = anslag::config::load(&site.root()).unwrap();
        let clock = anslag::site::clock::Clock::from_flag(Some(now)).unwrap();
        let loaded = anslag::site::Site::load(&site.root(), config, &clock, false).unwrap();
        anslag::mail::compose::digest_documents(&loaded, &subscriber, &|_| false)
            .iter()
            .map(|d| d.slug.clone())
            .collect()
    };
    assert!(
        slugs(BEFORE).contains(&SLUG.to_owned()),
        "in the digest before"
    );
    assert!(!slugs(AFTER).contains(&SLUG.to_owned()), "never after");
}

#[test]
fn translations_must_agree_on_the_withdrawal() {
    // Only the Swedish translation is withdrawn.
    let site = TestSite::fixture("minimal");
    site.edit(
        NOTICE_SV,
        "\nurgency:",
        &format!("\nwithdrawn: {{ date: {WITHDRAWN_AT}, reason: \"{REASON_SV}\" }}\nurgency:"),
    );
    let run = site.build(&["--now", AFTER]);
    run.assert_failed();
    let e = single_error(&run, NOTICE_AR);
    assert!(e.message.contains("withdrawn"), "{}", e.message);
    assert!(
        e.message.contains(NOTICE_SV),
        "names the withdrawn file: {}",
        e.message
    );

    // A different date in the Arabic translation.
    site.edit(
        NOTICE_AR,
        "\nurgency:",
        &format!(
            "\nwithdrawn: {{ date: 2026-11-26T10:00:00+01:00, reason: \"{REASON_AR}\" }}\nurgency:"
        ),
    );
    let run = site.build(&["--now", AFTER]);
    run.assert_failed();
    let e = single_error(&run, NOTICE_AR);
    assert!(e.message.contains("withdrawn.date"), "{}", e.message);
}

#[test]
fn a_withdrawal_before_publication_or_without_a_reason_is_an_error() {
    let site = TestSite::fixture("minimal");
    site.edit(
        NOTICE_SV,
        "\nurgency:",
        "\nwithdrawn: { date: 2026-11-19T10:00:00+01:00, reason: \"\" }\nurgency:",
    );
    let run = site.build(&["--now", AFTER]);
    run.assert_failed();
    let errors = run.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("before it is published")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.message.contains("reason")),
        "{errors:?}"
    );
}

#[test]
fn the_schedule_lists_the_withdrawal() {
    let site = withdrawn_site();
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["schedule", "--format", "json", "--now", BEFORE])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = s["changes"].as_array().unwrap();
    let w = changes
        .iter()
        .find(|c| c["what"] == "withdrawn")
        .expect("the withdrawal is a change");
    assert_eq!(w["at"], WITHDRAWN_AT);
    assert_eq!(w["document"], format!("notices/{SLUG}"));
    assert_eq!(w["languages"], serde_json::json!(["sv", "ar"]));
    assert!(
        !changes
            .iter()
            .any(|c| c["what"] == "ends" && c["document"] == format!("notices/{SLUG}")),
        "the withdrawal is told once, not again as an end"
    );
    let unlisted = changes
        .iter()
        .find(|c| c["what"] == "alert-unlisted")
        .expect("the cancelled alert leaves the lists a day later");
    assert_eq!(unlisted["at"], "2026-11-26T10:00:00+01:00");
}

/// `anslag check --output DIR`: its findings with the id `page-removed`.
fn removed_pages(site: &TestSite) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["check", "--format", "json", "--now", AFTER, "--output"])
        .arg(site.out())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let findings = report["findings"].as_array().expect("findings");
    findings
        .iter()
        .filter(|f| f["check"] == "page-removed")
        .map(|f| format!("{} | {}", f["message"], f["hint"]))
        .collect()
}

#[test]
fn check_warns_of_a_published_page_the_content_no_longer_makes() {
    let site = TestSite::fixture("minimal");
    built(&site, AFTER);
    assert!(removed_pages(&site).is_empty(), "nothing removed yet");

    // The English translation of the press release is deleted.
    site.remove("content/press/2026-11-01-ny-matsal.en.md");
    let found = removed_pages(&site);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("https://test.example/en/press/ny-matsal/"),
        "{}",
        found[0]
    );
    assert!(
        found[0].contains("withdrawn:"),
        "suggests withdrawal: {}",
        found[0]
    );
    assert!(found[0].contains("aliases:"), "and aliases: {}", found[0]);

    // Withdrawn instead, the page stays: nothing to warn of.
    let site = withdrawn_site();
    built(&site, AFTER);
    assert!(removed_pages(&site).is_empty());
}
