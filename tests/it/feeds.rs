//! Feeds: every feed of the example site parses with a real feed parser (feed-rs), carries what
//! the specs require (which feed readers forgive), and holds the right items.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::*;
use feed_rs::model::FeedType;

const LANGS: [&str; 11] = [
    "sv", "en", "da", "nb", "fi", "de", "pl", "uk", "so", "ar", "fa",
];

fn built() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &OUT.get_or_init(|| {
        let dir = temp_dir();
        let out = dir.path().join("public");
        build(&example_site(), &out, &[]).assert_ok();
        (dir, out)
    })
    .1
}

fn feed_files(out: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name == "feed.xml" || name == "atom.xml" || name == "feed.json")
                && !p.starts_with(out.join("alerts"))
        })
        .collect()
}

fn parse(path: &Path) -> feed_rs::model::Feed {
    let bytes = std::fs::read(path).unwrap();
    feed_rs::parser::parse(&bytes[..])
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

#[test]
fn every_feed_parses_in_its_format() {
    let files = feed_files(built());
    // 11 languages × (all + 3 kinds + 11 topics) × 3 formats.
    assert_eq!(files.len(), 11 * 15 * 3, "feeds found: {}", files.len());
    for f in &files {
        let feed = parse(f);
        let expected = match f.file_name().unwrap().to_str().unwrap() {
            "feed.xml" => FeedType::RSS2,
            "atom.xml" => FeedType::Atom,
            _ => FeedType::JSON,
        };
        assert_eq!(feed.feed_type, expected, "{}", f.display());
        assert!(feed.title.is_some(), "{} has no title", f.display());
        for e in &feed.entries {
            assert!(
                !e.id.is_empty() && e.title.is_some(),
                "{}: entry without id or title",
                f.display()
            );
            assert!(
                e.published.is_some() || e.updated.is_some(),
                "{}: entry without date",
                f.display()
            );
        }
    }
}

#[test]
fn language_feeds_hold_every_document_with_the_active_crisis_first() {
    for lang in LANGS {
        for file in ["feed.xml", "atom.xml", "feed.json"] {
            let feed = parse(&built().join(lang).join(file));
            // 10 published documents (the embargoed press release is not built).
            assert_eq!(feed.entries.len(), 10, "{lang}/{file}");
            let first = &feed.entries[0];
            let link = first
                .links
                .iter()
                .map(|l| l.href.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                link.contains("/notices/schools-closed-water/"),
                "{lang}/{file}: first item is {link}"
            );
        }
    }
    // In Swedish the crisis notice is in Swedish; in German (no translation) in Swedish too, but
    // with links to all eight translations.
    let de = parse(&built().join("de/atom.xml"));
    let crisis = &de.entries[0];
    let hreflangs: Vec<&str> = crisis
        .links
        .iter()
        .filter_map(|l| l.href_lang.as_deref())
        .collect();
    assert_eq!(hreflangs.len(), 8, "{hreflangs:?}");
    for l in ["sv", "en", "ar", "fa", "so", "uk", "pl", "fi"] {
        assert!(hreflangs.contains(&l), "{l} missing in {hreflangs:?}");
    }
}

#[test]
fn kind_topic_and_committee_feeds_hold_only_their_documents() {
    let press = parse(&built().join("sv/press/feed.json"));
    assert_eq!(press.entries.len(), 4);
    for e in &press.entries {
        assert!(
            e.links.iter().any(|l| l.href.contains("/sv/press/")),
            "{:?}",
            e.links
        );
    }
    let minutes = parse(&built().join("en/minutes/atom.xml"));
    assert_eq!(minutes.entries.len(), 2);
    // The committee's minutes and the press release tagged with the committee.
    let committee = parse(&built().join("da/committees/oresundsudvalget/feed.xml"));
    assert_eq!(committee.entries.len(), 2);
    assert!(committee.entries.iter().any(|e| {
        e.links
            .iter()
            .any(|l| l.href.ends_with("/da/minutes/oresundsudvalget/"))
    }));
    let school = parse(&built().join("sv/topics/hamnskolan/atom.xml"));
    assert!(
        school
            .entries
            .iter()
            .all(|e| e.categories.iter().any(|c| c.term == "Hamnskolan")),
        "every item is about the school"
    );
}

#[test]
fn items_carry_content_categories_and_language() {
    let feed = parse(&built().join("ar/feed.json"));
    let crisis = &feed.entries[0];
    // feed-rs does not read JSON Feed's item language; the raw item carries it.
    let raw: serde_json::Value =
        serde_json::from_slice(&std::fs::read(built().join("ar/feed.json")).unwrap()).unwrap();
    assert_eq!(raw["items"][0]["language"], "ar");
    assert_eq!(
        raw["items"][0]["_anslag"]["translations"]
            .as_array()
            .map(Vec::len),
        Some(8)
    );
    let content = crisis
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .unwrap_or_default();
    assert!(content.contains("<p>"), "full HTML content: {content}");
    assert!(!crisis.categories.is_empty());
    // The Danish minutes carry their agenda, with the closed item only as its label.
    let minutes = parse(&built().join("da/minutes/feed.xml"));
    let m = minutes
        .entries
        .iter()
        .find(|e| e.links.iter().any(|l| l.href.contains("oresundsudvalget")))
        .unwrap();
    let body = m
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .unwrap_or_default();
    assert!(
        body.contains("Punkt 3") && body.contains("Lukket punkt"),
        "{body}"
    );
    assert!(
        !body.contains("Eskildsen") && !body.contains("81.02.00-G01-9-26"),
        "closed item leaked: {body}"
    );
}

/// What readers forgive but the specs require, checked on the raw XML.
#[test]
fn required_elements_are_present() {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    for path in feed_files(built())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
    {
        let xml = std::fs::read_to_string(&path).unwrap();
        let mut reader = Reader::from_str(&xml);
        let mut stack: Vec<String> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => {
                    stack.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                    seen.push(stack.join("/"));
                }
                Event::Empty(e) => seen.push(format!(
                    "{}/{}",
                    stack.join("/"),
                    String::from_utf8_lossy(e.name().as_ref())
                )),
                Event::Text(t)
                    if stack
                        .last()
                        .is_some_and(|s| s == "pubDate" || s == "updated") =>
                {
                    let s: String = t.decode().unwrap().into_owned();
                    if stack.last().unwrap() == "pubDate" {
                        chrono::DateTime::parse_from_rfc2822(&s)
                            .unwrap_or_else(|e| panic!("{}: pubDate {s}: {e}", path.display()));
                    } else {
                        chrono::DateTime::parse_from_rfc3339(&s)
                            .unwrap_or_else(|e| panic!("{}: updated {s}: {e}", path.display()));
                    }
                }
                Event::End(_) => {
                    stack.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        let has = |p: &str| seen.iter().any(|s| s == p);
        if xml.contains("<rss") {
            for p in [
                "rss/channel/title",
                "rss/channel/link",
                "rss/channel/description",
            ] {
                assert!(has(p), "{}: no {p}", path.display());
            }
            let items = seen.iter().filter(|s| *s == "rss/channel/item").count();
            assert_eq!(
                items,
                seen.iter()
                    .filter(|s| *s == "rss/channel/item/guid")
                    .count(),
                "{}: item without guid",
                path.display()
            );
            assert_eq!(
                items,
                seen.iter()
                    .filter(|s| *s == "rss/channel/item/pubDate")
                    .count(),
                "{}: item without pubDate",
                path.display()
            );
        } else {
            for p in ["feed/id", "feed/title", "feed/updated"] {
                assert!(has(p), "{}: no {p}", path.display());
            }
            let entries = seen.iter().filter(|s| *s == "feed/entry").count();
            for p in ["feed/entry/id", "feed/entry/title", "feed/entry/updated"] {
                assert_eq!(
                    entries,
                    seen.iter().filter(|s| *s == p).count(),
                    "{}: entry without {p}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn html_pages_announce_their_feeds() {
    let home = std::fs::read_to_string(built().join("sv/index.html")).unwrap();
    for (mime, href) in [
        ("application/rss+xml", "/sv/feed.xml"),
        ("application/atom+xml", "/sv/atom.xml"),
        ("application/feed+json", "/sv/feed.json"),
    ] {
        assert!(
            home.contains(&format!("type=\"{mime}\""))
                && home.contains(&format!("href=\"{href}\"")),
            "home lacks {href}"
        );
    }
    let press = std::fs::read_to_string(built().join("en/press/index.html")).unwrap();
    assert!(
        press.contains("href=\"/en/press/atom.xml\""),
        "kind page announces its own feed"
    );
    let committee =
        std::fs::read_to_string(built().join("da/committees/oresundsudvalget/index.html")).unwrap();
    assert!(committee.contains("href=\"/da/committees/oresundsudvalget/feed.json\""));
}

#[test]
fn feeds_are_identical_across_builds() {
    let dir = temp_dir();
    let again = dir.path().join("public");
    build(&example_site(), &again, &[]).assert_ok();
    for f in feed_files(built()) {
        let rel = f.strip_prefix(built()).unwrap();
        assert_eq!(
            std::fs::read(&f).unwrap(),
            std::fs::read(again.join(rel)).unwrap(),
            "{} differs",
            rel.display()
        );
    }
}

/// Issue 16: a case number with a space in Arabic text, and Arabic in Swedish text, are
/// isolated whole on the page and in the feeds' HTML (which email HTML shares).
#[test]
fn bidirectional_runs_are_isolated_whole_in_pages_and_feeds() {
    let site = TestSite::example();
    let front = |title: &str| {
        format!(
            "---\ntitle: {title}\ndate: 2026-11-21T09:00:00+01:00\nsummary: {title}.\ntopics: [hamnskolan]\nurgency: normal\n---\n"
        )
    };
    site.write(
        "content/notices/2026-11-21-bidi.ar.md",
        front("إشعار") + "رقم القضية BUN 2026/77 لدى Anna Berg.\n",
    );
    site.write(
        "content/notices/2026-11-21-bidi.sv.md",
        front("Meddelande") + "Ärendet gäller مدرسة النور 2026 i Ekvik.\n",
    );
    site.build(&[]).assert_ok();
    let read = |rel: &str| std::fs::read_to_string(site.out().join(rel)).unwrap();
    let ltr = "<bdi dir=\"ltr\">BUN 2026/77</bdi>";
    let rtl = "<bdi dir=\"rtl\">مدرسة النور</bdi> 2026";
    assert!(read("ar/notices/bidi/index.html").contains(ltr));
    assert!(read("sv/notices/bidi/index.html").contains(rtl));
    for (lang, want) in [("ar", ltr), ("sv", rtl)] {
        let feed: serde_json::Value =
            serde_json::from_str(&read(&format!("{lang}/feed.json"))).unwrap();
        let item = feed["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["url"].as_str().unwrap().ends_with("/notices/bidi/"))
            .unwrap_or_else(|| panic!("{lang}: no item"));
        let html = item["content_html"].as_str().unwrap();
        assert!(html.contains(want), "{lang}: {html}");
    }
}

/// Every link and source in an item's content is absolute, so that it works in a reader; an
/// anchor (a footnote, an agenda item) is the item's page plus `#id`.
#[test]
fn every_link_in_item_content_is_absolute() {
    let links = scraper::Selector::parse("a[href], img[src]").unwrap();
    let mut anchors = 0;
    for f in feed_files(built()) {
        for e in parse(&f).entries {
            let Some(body) = e.content.as_ref().and_then(|c| c.body.as_deref()) else {
                continue;
            };
            let page = &e.links[0].href;
            for el in scraper::Html::parse_fragment(body).select(&links) {
                let v = el.attr("href").or(el.attr("src")).unwrap();
                assert!(
                    ["https://", "mailto:", "tel:"]
                        .iter()
                        .any(|s| v.starts_with(s)),
                    "{}: {page} links {v}",
                    f.display()
                );
                if let Some(own) = v.strip_prefix(page.as_str()) {
                    anchors += usize::from(own.starts_with('#'));
                }
            }
        }
    }
    assert!(
        anchors > 0,
        "no footnote or agenda anchor found in any feed"
    );
}

/// An Atom entry in another language than its feed's says so on its title and summary (they
/// would inherit the feed's `xml:lang`); one in the feed's language does not repeat it.
#[test]
fn atom_entries_of_another_language_carry_it() {
    let xml = std::fs::read_to_string(built().join("so/atom.xml")).unwrap();
    let titles = entry_titles(&xml);
    assert!(
        titles
            .iter()
            .any(|(lang, title)| lang.as_deref() == Some("sv") && title.contains("Skolor"))
    );
    for (lang, _) in &titles {
        assert_ne!(
            lang.as_deref(),
            Some("so"),
            "an entry repeats the feed's language"
        );
    }
}

/// Each entry's `title` with its `xml:lang`, read with quick-xml.
fn entry_titles(xml: &str) -> Vec<(Option<String>, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut out, mut in_entry) = (Vec::new(), false);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"entry" => in_entry = true,
            Event::Start(e) if in_entry && e.name().as_ref() == b"title" => {
                let lang = e
                    .try_get_attribute("xml:lang")
                    .unwrap()
                    .map(|a| String::from_utf8(a.value.to_vec()).unwrap());
                let text = reader
                    .read_text(e.name())
                    .unwrap()
                    .decode()
                    .unwrap()
                    .into_owned();
                out.push((lang, text));
                in_entry = false;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}
