//! Agenda items dealt with behind closed doors: their body, case number and the files linked
//! only from them must appear in no file of the output at all (pages, feeds, data, copies of
//! attachments), while the item's number and the localized "closed" label stay on the page.

use std::path::Path;

use crate::common::*;

/// Fails naming every file of the output that contains one of `needles` (searched in the bytes
/// of every file, whatever its type; invalid UTF-8 is replaced, which keeps every needle intact).
fn assert_nowhere(out: &Path, needles: &[&str]) {
    let files = snapshot(out);
    assert!(files.len() > 20, "the output is nearly empty");
    let mut found = Vec::new();
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for needle in needles {
            if text.contains(needle) {
                found.push(format!("{needle:?} in {}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "published: {found:#?}");
}

/// The closed item of the example site's Danish minutes (`content/minutes/
/// 2026-09-16-oresundsudvalget.da.md`, "Punkt 6").
const SECRETS: &[&str] = &[
    "Fortrolig oplysning om tjenestemand Eskildsen",
    "Eskildsen",
    "81.02.00-G01-9-26",
    "bilag-3-fortroligt",
    "Fortroligt notat",
    "ansættelsesretlig vurdering",
    "Sagen behandles videre af personaleafdelingen",
];

fn check_example_output(out: &Path) {
    assert_nowhere(out, SECRETS);
    // Nor is the withheld attachment published under another name.
    let secret_pdf = std::fs::read(
        example_site().join("content/minutes/2026-09-16-oresundsudvalget/bilag-3-fortroligt.pdf"),
    )
    .unwrap();
    for (path, bytes) in snapshot(out) {
        assert!(
            bytes != secret_pdf,
            "{} is the confidential attachment",
            path.display()
        );
    }

    // The item itself is on the page: its number, its title and the Danish "closed" label.
    let doc = page(out, "da/minutes/oresundsudvalget/index.html");
    let items = select(&doc, "section.agenda-item.closed");
    assert_eq!(items.len(), 1, "one closed item");
    let item = items[0];
    let heading = text(select_in(item, "h2")[0]);
    assert!(heading.starts_with("Punkt 6"), "{heading}");
    assert!(
        heading.contains("Personalesag"),
        "closed_titles: true publishes the title: {heading}"
    );
    let label = text(select_in(item, ".closed-label")[0]);
    assert!(label.contains("Lukket punkt"), "{label}");
    // In the agenda too, marked as closed.
    let agenda: Vec<String> = select(&doc, "nav.agenda li")
        .into_iter()
        .map(text)
        .collect();
    assert!(
        agenda
            .iter()
            .any(|l| l.starts_with("Punkt 6") && l.contains("(Lukket punkt)")),
        "{agenda:?}"
    );
    // The open items around it are published in full.
    let page_text = page_text(&doc);
    assert!(
        page_text.contains("Søren Fogh spurgte til"),
        "punkt 7 is missing"
    );
    assert!(
        page_text.contains("00.30.10-S00-5-26"),
        "open case numbers are published"
    );
}

#[test]
fn closed_item_of_the_example_site_is_published_nowhere() {
    let tmp = temp_dir();
    let out = tmp.path().join("public");
    build(&example_site(), &out, &[]).assert_ok();
    check_example_output(&out);
}

#[test]
fn closed_item_stays_closed_in_a_drafts_build() {
    let tmp = temp_dir();
    let out = tmp.path().join("public");
    build(&example_site(), &out, &["--drafts"]).assert_ok();
    check_example_output(&out);
}

#[test]
fn closed_titles_false_withholds_the_title_of_the_example_item() {
    let site = TestSite::example();
    site.edit("site.yaml", "closed_titles: true", "closed_titles: false");
    site.build(&[]).assert_ok();
    let out = site.out();
    let mut needles = SECRETS.to_vec();
    needles.push("Personalesag");
    assert_nowhere(&out, &needles);
    let doc = page(&out, "da/minutes/oresundsudvalget/index.html");
    let item = select(&doc, "section.agenda-item.closed")[0];
    assert_eq!(text(select_in(item, "h2")[0]), "Punkt 6");
    assert!(text(select_in(item, ".closed-label")[0]).contains("Lukket punkt"));
}

/// The minimal fixture's minutes: "§ 2 Sekretessärende: Hemlig titel Kvastfening" is closed and
/// links `bilaga-2-hemlig.csv`; "§ 1" is open and links `bilaga-1-ritning.csv`.
const FIXTURE_SECRETS: &[&str] = &[
    "Zyxwvut Hemligsson",
    "Hemligt beslut",
    "STY-2026/99",
    "bilaga-2-hemlig",
];

#[test]
fn closed_item_of_the_fixture_is_published_nowhere() {
    let site = TestSite::fixture("minimal");
    site.build(&[]).assert_ok();
    let out = site.out();
    assert_nowhere(&out, FIXTURE_SECRETS);
    assert!(
        out.join("files/minutes/styrelsen/bilaga-1-ritning.csv")
            .is_file()
    );
    assert!(
        !out.join("files/minutes/styrelsen/bilaga-2-hemlig.csv")
            .exists()
    );
    let doc = page(&out, "sv/minutes/styrelsen/index.html");
    let item = select(&doc, "section.agenda-item.closed")[0];
    assert_eq!(attr(item, "aria-labelledby"), "p2");
    let heading = text(select_in(item, "h2")[0]);
    assert!(
        heading.starts_with("§ 2") && heading.contains("Kvastfening"),
        "{heading}"
    );
    // The Swedish label.
    assert!(text(select_in(item, ".closed-label")[0]).contains("Ärende bakom stängda dörrar"));
    // The open item keeps its case number and attachment.
    let open = select(&doc, "section.agenda-item:not(.closed)");
    assert_eq!(open.len(), 1);
    assert!(text(open[0]).contains("STY-2026/1"));
}

#[test]
fn closed_titles_false_withholds_the_title_in_the_fixture() {
    let site = TestSite::fixture("minimal");
    site.edit("site.yaml", "closed_titles: true", "closed_titles: false");
    site.build(&[]).assert_ok();
    let out = site.out();
    let mut needles = FIXTURE_SECRETS.to_vec();
    needles.extend(["Kvastfening", "Sekretessärende"]);
    assert_nowhere(&out, &needles);
    let doc = page(&out, "sv/minutes/styrelsen/index.html");
    let item = select(&doc, "section.agenda-item.closed")[0];
    assert_eq!(text(select_in(item, "h2")[0]), "§ 2");
    assert!(text(select_in(item, ".closed-label")[0]).contains("Ärende bakom stängda dörrar"));
    // The open item is untouched.
    assert!(page_text(&doc).contains("Ny matsal på Ekskolan"));
}
