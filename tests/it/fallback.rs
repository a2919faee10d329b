//! Fallback languages (issue 17, point 8): with `fallback: [en, sv]` on German, a German reader
//! is shown a document missing in German in English, before Swedish (the default), on the pages
//! (the crisis banner and its "not available" links) and in mail, where the message is then
//! wholly English: `Content-Language`, subject and From name, read back with a real MIME parser
//! from what the real test SMTP server caught.

use std::process::Command;

use crate::common::mail::subscribe;
use crate::common::smtp::SmtpServer;
use crate::common::*;
use anslag::mail::Frequency;
use scraper::Html;

const EN_TITLE: &str = "All schools and preschools closed from Monday 23 November";

fn site(smtp_port: u16) -> TestSite {
    let site = TestSite::example();
    site.edit("site.yaml", "port: 2525", &format!("port: {smtp_port}"));
    site.edit(
        "site.yaml",
        "{ code: de, name: Deutsch }",
        "{ code: de, name: Deutsch, fallback: [en, sv] }",
    );
    site
}

#[test]
fn a_german_reader_gets_english_before_swedish_on_pages_and_in_mail() {
    let probe = TestSite::example();
    let dir = probe.tmp.path().join("mail");
    std::fs::create_dir_all(&dir).unwrap();
    let server = SmtpServer::start(&dir, &[]);
    let site = site(server.port);
    subscribe(&site, &[("de@test.example", "de", &[], Frequency::Weekly)]);
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["publish", "--no-compress", "--now", NOW, "--output"])
        .arg(site.out())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The page: the crisis banner on a German page shows the English title, and offers
    // English first.
    let page = Html::parse_document(
        &std::fs::read_to_string(site.out().join("de/notices/index.html")).unwrap(),
    );
    let title = select(&page, "#crisis-1 span[lang]")[0];
    assert_eq!(attr(title, "lang"), "en");
    assert_eq!(title.text().collect::<String>(), EN_TITLE);
    let banner = select(&page, ".crisis-banner")[0];
    let links: Vec<String> = select_in(banner, "a[hreflang]")
        .into_iter()
        .map(|a| attr(a, "hreflang"))
        .collect();
    assert_eq!(links[..2], ["en", "sv"], "{links:?}");

    // The crisis message: wholly English.
    let received = server.received();
    let parsed = crate::common::smtp::SmtpServer::parse(&received);
    let crisis = parsed
        .iter()
        .find(|p| p.has("importance"))
        .expect("a crisis message");
    assert!(crisis.defects.is_empty(), "{:?}", crisis.defects);
    assert_eq!(crisis.header("Content-Language"), "en");
    let subject: String = crisis
        .header("Subject")
        .chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect();
    assert_eq!(subject, format!("URGENT: {EN_TITLE}"));
    assert!(
        crisis.header("From").starts_with("Ekvik Municipality <"),
        "{}",
        crisis.header("From")
    );
    assert!(crisis.html().contains("lang=\"en\""));
    assert!(crisis.text().contains("/en/notices/schools-closed-water/"));
    assert!(
        crisis.text().contains("Not available in Deutsch"),
        "it says why it is not German:\n{}",
        crisis.text()
    );
}

#[test]
fn a_fallback_the_site_lacks_is_an_error_naming_the_line() {
    let site = TestSite::example();
    site.edit(
        "site.yaml",
        "{ code: de, name: Deutsch }",
        "{ code: de, name: Deutsch, fallback: [eng] }",
    );
    let run = site.build(&[]);
    assert!(!run.status.success());
    let stderr = &run.stderr;
    assert!(
        stderr.contains("the fallback `eng` of language `de` is not among the languages"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `en`?"), "{stderr}");
    assert!(stderr.contains("site.yaml:14"), "{stderr}");
}
