//! A stale translation says so: on its page, in its feed items, in its API record, and in the
//! crisis banner of a stale crisis notice. The example site's English drinking-water press
//! release is stale on purpose (its Swedish source changed a paragraph after it was translated).

use std::path::Path;
use std::process::Command;

use crate::common::{NOW, TestSite, attr, page, select, text};

const PRESS: &str = "press/drinking-water-schools-closed";
const CRISIS_SV: &str = "content/notices/2026-11-22-schools-closed-water.sv.md";
const CRISIS_AR: &str = "content/notices/2026-11-22-schools-closed-water.ar.md";

fn json(path: &Path) -> serde_json::Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_stale_page_feed_item_and_api_record_say_so_and_link_to_the_source() {
    let site = TestSite::example();
    site.build(&[]).assert_ok();
    let out = site.out();

    let en = page(&out, &format!("en/{PRESS}/index.html"));
    let notes = select(&en, ".translation-stale[role=note]");
    assert_eq!(notes.len(), 1, "one notice on the stale page");
    let note = text(notes[0]);
    assert!(
        note.starts_with("This translation may be out of date. The original (Svenska) was changed on November 22, 2026."),
        "{note}"
    );
    let link = select(&en, ".translation-stale a")[0];
    assert_eq!(attr(link, "href"), format!("/sv/{PRESS}/"));
    assert_eq!(attr(link, "hreflang"), "sv");
    // The source and an up-to-date translation have none.
    let sv = page(&out, &format!("sv/{PRESS}/index.html"));
    assert!(select(&sv, ".translation-stale").is_empty());
    let fi = page(&out, "fi/notices/schools-closed-water/index.html");
    assert!(select(&fi, ".translation-stale").is_empty());

    let feed = feed_rs::parser::parse(&std::fs::read(out.join("en/press/atom.xml")).unwrap()[..])
        .expect("the Atom feed parses");
    let entry = feed
        .entries
        .iter()
        .find(|e| e.id.ends_with(&format!("/en/{PRESS}/")))
        .expect("the stale release is in the feed");
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .unwrap();
    let fragment = scraper::Html::parse_fragment(body);
    let first = select(&fragment, "p")[0];
    assert!(
        text(first).starts_with("This translation may be out of date."),
        "{body}"
    );
    let a = select(&fragment, "p a")[0];
    assert_eq!(
        attr(a, "href"),
        format!("https://www.ekvik.example/sv/{PRESS}/")
    );
    let json_feed = json(&out.join("en/press/feed.json"));
    let item = json_feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["id"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/en/{PRESS}/"))
        })
        .unwrap();
    assert!(
        item["content_html"]
            .as_str()
            .unwrap()
            .contains("may be out of date"),
        "{item}"
    );

    let api = out.join("api/v1");
    let record = json(&api.join(format!("documents/{PRESS}/en.json")));
    assert_eq!(
        record["translation"],
        serde_json::json!({
            "source": "sv",
            "status": "stale",
            "source_changed": "2026-11-22T08:00:00+01:00",
        })
    );
    assert_eq!(
        json(&api.join(format!("documents/{PRESS}/sv.json")))["translation"],
        serde_json::Value::Null
    );
    assert_eq!(
        json(&api.join("documents/notices/schools-closed-water/ar.json"))["translation"]["status"],
        "untracked"
    );
    let schema = json(&api.join("schema/document.json"));
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the document schema");
    let errors: Vec<String> = validator
        .iter_errors(&record)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut wrong = record.clone();
    wrong["translation"]["status"] = "old".into();
    assert!(!validator.is_valid(&wrong), "the schema names the statuses");
}

#[test]
fn a_stale_crisis_banner_links_to_the_source_in_the_readers_language() {
    let site = TestSite::example();
    let root = site.root();
    let marked = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(&root)
        .args(["--now", NOW, "translations", "mark", CRISIS_AR])
        .output()
        .unwrap();
    assert!(marked.status.success());
    site.edit(
        CRISIS_SV,
        "expires: 2026-12-31T23:59:00+01:00\n",
        "expires: 2026-12-31T23:59:00+01:00\nupdated: 2026-11-22T11:30:00+01:00\n",
    );
    site.edit(CRISIS_SV, "minst en vecka", "minst två veckor");
    site.build(&[]).assert_ok();
    let out = site.out();

    let ar = page(&out, "ar/index.html");
    let banner = select(&ar, ".crisis-banner .translation-stale");
    assert_eq!(banner.len(), 1, "the Arabic banner says the text is stale");
    assert!(text(banner[0]).starts_with("قد تكون هذه الترجمة قديمة"));
    let a = select(&ar, ".crisis-banner .translation-stale a")[0];
    assert_eq!(attr(a, "href"), "/sv/notices/schools-closed-water/");
    // Other languages' banners are not stale: they were not marked as made from the source.
    let fi = page(&out, "fi/index.html");
    assert!(select(&fi, ".crisis-banner .translation-stale").is_empty());
}
