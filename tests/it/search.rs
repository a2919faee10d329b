//! Search (issue 19): a Pagefind index per language under `/pagefind/{lang}/`, a search page per
//! language, the only pages with script, and a search form in every page's header. What must
//! not be public is in no file of the index: the index's files are compressed, so they are read
//! decompressed here (a search in the real browser is `tests/browser/search.mjs`).

use std::io::Read;
use std::path::Path;

use crate::common::*;

/// The text of every file of the search index, decompressed (Pagefind gzips its index, its
/// fragments with each page's text, its filters and its metadata), lower case.
fn index_text(out: &Path) -> String {
    let dir = out.join("pagefind");
    assert!(dir.is_dir(), "no search index in {}", out.display());
    let mut all = String::new();
    for (path, bytes) in snapshot(&dir) {
        let name = path.to_string_lossy();
        if !(name.contains(".pf_") || name.ends_with(".pagefind")) {
            continue;
        }
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut plain)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        all.push_str(&String::from_utf8_lossy(&plain).to_lowercase());
        all.push('\n');
    }
    all
}

fn assert_not_indexed(index: &str, words: &[&str]) {
    let found: Vec<&&str> = words
        .iter()
        .filter(|w| index.contains(&w.to_lowercase()))
        .collect();
    assert!(found.is_empty(), "in the search index: {found:?}");
}

fn assert_indexed(index: &str, words: &[&str]) {
    let missing: Vec<&&str> = words
        .iter()
        .filter(|w| !index.contains(&w.to_lowercase()))
        .collect();
    assert!(missing.is_empty(), "not in the search index: {missing:?}");
}

/// The closed item of the Danish minutes ("Punkt 6"): its body and case number.
const CLOSED: &[&str] = &[
    "Eskildsen",
    "tjenestemand",
    "81.02.00-G01-9-26",
    "ansættelsesretlig",
    "bilag-3-fortroligt",
    "personaleafdelingen",
];

/// Words only the embargoed press release has (published 15 January 2027).
const EMBARGOED: &[&str] = &["Elevenkäten", "Nästan nio av tio elever", "elevenkat-2026"];

#[test]
fn the_index_holds_what_the_site_publishes_and_nothing_else() {
    let site = TestSite::example();
    site.build(&["--now", NOW]).assert_ok();
    let index = index_text(&site.out());
    assert_not_indexed(&index, CLOSED);
    assert_not_indexed(&index, EMBARGOED);
    // What the pages show is found: open items with their case numbers, the closed item's
    // title (the site publishes closed titles), Arabic text.
    assert_indexed(
        &index,
        &[
            "Søren Fogh",
            "elevudveksling",
            "BUN-2026/318",
            "00.01.00-P35-4-26",
            "Personalesag",
            "الحافلات المدرسية",
        ],
    );

    // One index per language, each of the documents written in it.
    for (lang, documents) in [("sv", 9), ("da", 2), ("ar", 2)] {
        let entry: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(
                site.out()
                    .join(format!("pagefind/{lang}/pagefind-entry.json")),
            )
            .unwrap(),
        )
        .unwrap();
        let languages = entry["languages"].as_object().unwrap();
        assert_eq!(languages.keys().collect::<Vec<_>>(), [lang], "{entry}");
        assert_eq!(languages[lang]["page_count"], documents, "{lang}: {entry}");
    }
}

#[test]
fn a_preview_with_drafts_indexes_no_draft_and_no_embargoed_document() {
    let site = TestSite::example();
    site.edit(
        "content/press/2026-10-20-elevhalsan-forstarks.sv.md",
        "\nsummary:",
        "\ndraft: true\nsummary:",
    );
    site.build(&["--now", NOW, "--drafts"]).assert_ok();
    // Both have their pages in the preview…
    assert!(
        site.out()
            .join("sv/press/elevenkat-2026/index.html")
            .is_file()
    );
    assert!(
        site.out()
            .join("sv/press/elevhalsan-forstarks/index.html")
            .is_file()
    );
    // …and neither is in its index.
    let index = index_text(&site.out());
    assert_not_indexed(&index, EMBARGOED);
    assert_not_indexed(&index, &["elevhalsan-forstarks", "fyra nya tjänster"]);
}

#[test]
fn a_withdrawn_document_leaves_the_index() {
    let site = TestSite::example();
    let file = "content/press/2026-10-20-elevhalsan-forstarks.sv.md";
    site.build(&["--now", NOW]).assert_ok();
    assert_indexed(&index_text(&site.out()), &["elevhalsan-forstarks"]);
    site.edit(
        file,
        "\nsummary:",
        "\nwithdrawn: { date: 2026-11-01T10:00:00+01:00, reason: Fel uppgifter. }\nsummary:",
    );
    site.build(&["--now", NOW]).assert_ok();
    assert_not_indexed(&index_text(&site.out()), &["elevhalsan-forstarks"]);
}

#[test]
fn a_closed_title_the_site_does_not_publish_is_not_indexed() {
    let site = TestSite::example();
    site.edit("site.yaml", "closed_titles: true", "closed_titles: false");
    site.build(&["--now", NOW]).assert_ok();
    let index = index_text(&site.out());
    assert_not_indexed(&index, &["Personalesag"]);
    assert_not_indexed(&index, CLOSED);
    assert_indexed(&index, &["Punkt 6", "Punkt 7 eventuelt"]);
}

/// The page's Content-Security-Policy, from its meta element.
fn csp(out: &Path, rel: &str) -> String {
    let doc = page(out, rel);
    attr(
        select(&doc, "meta[http-equiv=Content-Security-Policy]")[0],
        "content",
    )
}

#[test]
fn the_search_pages_alone_have_script() {
    let site = TestSite::example();
    site.build(&["--now", NOW]).assert_ok();
    let out = site.out();
    for lang in ["sv", "ar", "fa", "so"] {
        let rel = format!("{lang}/search/index.html");
        let policy = csp(&out, &rel);
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'")
                && policy.contains("connect-src 'self'")
                && policy.starts_with("default-src 'none'"),
            "{rel}: {policy}"
        );
        let doc = page(&out, &rel);
        assert_eq!(select(&doc, "script").len(), 1, "{rel}: one script");
        assert_eq!(
            attr(select(&doc, "script")[0], "src"),
            "/pagefind/search.js"
        );
        let results = select(&doc, "#search-results")[0];
        assert_eq!(attr(results, "data-index"), format!("/pagefind/{lang}/"));
        // The filters: every kind, every topic and committee.
        assert_eq!(select(&doc, "#search-kind option").len(), 1 + 3, "{rel}");
        assert!(select(&doc, "#search-topic option").len() > 10, "{rel}");
        let form = select(&doc, "form#search-form")[0];
        assert_eq!(attr(form, "method"), "get");
        assert_eq!(attr(form, "action"), format!("/{lang}/search/"));
        // Without script, where else to look.
        assert!(
            !select(&doc, "#search-without-script a[href]").is_empty(),
            "{rel}"
        );
        assert!(
            !page_text(&doc).contains("search-"),
            "{rel}: a message key instead of its text"
        );
    }
    assert_eq!(
        attr(
            select(&page(&out, "ar/search/index.html"), "html")[0],
            "dir"
        ),
        "rtl"
    );
    assert!(out.join("pagefind/search.js").is_file());

    // Every other page: no script, a policy without it, and the search form in its header.
    let mut pages = 0;
    for file in html_files(&out) {
        let rel = file.to_string_lossy().into_owned();
        let html = std::fs::read_to_string(out.join(&file)).unwrap();
        if is_redirect_page(&html) || rel.contains("/search/") {
            continue;
        }
        pages += 1;
        assert!(!html.contains("<script"), "{rel} has a script");
        assert!(!csp(&out, &rel).contains("script-src"), "{rel}");
        let doc = scraper::Html::parse_document(&html);
        let forms = select(&doc, "header form.header-search[method=get]");
        assert_eq!(forms.len(), 1, "{rel}: the header's search form");
        let lang = attr(select(&doc, "html")[0], "lang");
        assert_eq!(
            attr(forms[0], "action"),
            format!("/{lang}/search/"),
            "{rel}"
        );
        assert_eq!(
            select_in(forms[0], "input[type=search][name=q]").len(),
            1,
            "{rel}"
        );
    }
    assert!(pages > 200, "{pages} pages");
}

#[test]
fn outputs_search_false_leaves_search_out() {
    let site = TestSite::example();
    site.edit("site.yaml", "outputs:\n", "outputs:\n  search: false\n");
    site.build(&["--now", NOW]).assert_ok();
    let out = site.out();
    assert!(!out.join("pagefind").exists());
    assert!(!out.join("sv/search").exists());
    for file in html_files(&out) {
        let html = std::fs::read_to_string(out.join(&file)).unwrap();
        assert!(!html.contains("<script"), "{}", file.display());
        assert!(!html.contains("header-search"), "{}", file.display());
    }
}

#[test]
fn rebuilds_through_the_serve_path_index_again_only_when_text_changed() {
    use anslag::build::{BuildOptions, Builder, Rebuild};
    const BODY: &str = "content/press/2026-10-20-elevhalsan-forstarks.sv.md";
    let site = TestSite::example();
    let mut builder = Builder::new(BuildOptions {
        root: site.root(),
        output: site.out(),
        clock: anslag::site::clock::Clock::from_flag(Some(NOW)).unwrap(),
        drafts: false,
        compress: false,
    });
    builder.track_changes();
    let indexed = |r: &Rebuild| r.outputs.iter().any(|f| f.path.starts_with("pagefind/"));
    assert!(indexed(&builder.rebuild().unwrap()), "the first build");

    builder.note_changes(Some(&[]));
    let again = builder.rebuild().unwrap();
    assert!(!indexed(&again), "nothing changed: the index is kept");
    assert!(again.paths.iter().any(|p| p == "pagefind/sv/pagefind.js"));

    site.edit(
        BODY,
        "\n---\n",
        "\n---\nSkolbiblioteket får en ny bibliotekarie.\n\n",
    );
    builder.note_changes(Some(&[site.path(BODY)]));
    let edited = builder.rebuild().unwrap();
    assert!(indexed(&edited), "a document's text changed");
}
