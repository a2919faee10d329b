//! `sitemap.xml`, `robots.txt` and the iCalendar feeds of committee meetings, checked on the
//! output of the real `anslag` binary building the example site.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike};
use quick_xml::events::Event as Xml;
use quick_xml::{Reader, XmlVersion};
use tempfile::TempDir;

use crate::common::temp_dir;

const NOW: &str = "2026-11-22T12:00:00+01:00";
const BASE: &str = "https://www.ekvik.example";
/// The example's languages, in the order of site.yaml; `sv` is the default.
const LANGS: [&str; 11] = [
    "sv", "en", "da", "nb", "fi", "de", "pl", "uk", "so", "ar", "fa",
];
const KINDS: [&str; 3] = ["press", "minutes", "notices"];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds `site` into `out` as of [`NOW`], panicking with the output if the build fails.
fn build(site: &Path, out: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("build")
        .arg("--site")
        .arg(site)
        .arg("--output")
        .arg(out)
        .args(["--now", NOW])
        .output()
        .expect("run anslag");
    assert!(
        run.status.success(),
        "the build failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

/// The example site built once for all the tests of this file.
fn example() -> &'static Path {
    static OUT: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    &OUT.get_or_init(|| {
        let tmp = temp_dir();
        let out = tmp.path().join("out");
        build(&repo(), &out);
        (tmp, out)
    })
    .1
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every file under `dir`, relative to it.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                all.push(e.path().strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    all.sort();
    all
}

/// The site paths of the HTML pages written (`sv/press/index.html` → `/sv/press/`).
fn html_pages(out: &Path) -> BTreeSet<String> {
    files(out)
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "index.html"))
        // Redirect pages at old addresses are no pages of the site.
        .filter(|p| {
            !crate::common::is_redirect_page(&std::fs::read_to_string(out.join(p)).unwrap())
        })
        .map(|p| {
            let s = p.to_string_lossy().replace('\\', "/");
            format!("/{}", s.strip_suffix("index.html").unwrap())
        })
        .collect()
}

#[derive(Debug, Default, Clone)]
struct Url {
    loc: String,
    lastmod: Option<String>,
    /// `(hreflang, href)` in document order.
    alternates: Vec<(String, String)>,
}

impl Url {
    fn langs(&self) -> BTreeSet<&str> {
        self.alternates
            .iter()
            .map(|(l, _)| l.as_str())
            .filter(|l| *l != "x-default")
            .collect()
    }
    fn x_default(&self) -> Vec<&str> {
        self.alternates
            .iter()
            .filter(|(l, _)| l == "x-default")
            .map(|(_, h)| h.as_str())
            .collect()
    }
    /// The site path (`/sv/press/`).
    fn path(&self) -> &str {
        self.loc.strip_prefix(BASE).unwrap()
    }
}

/// A name as text (quick-xml gives names as bytes).
fn utf8(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_owned()).expect("names are UTF-8")
}

/// Parses a sitemap with quick-xml: the root element's attributes and every `<url>`.
fn parse_sitemap(xml: &str) -> (String, BTreeMap<String, String>, Vec<Url>) {
    let mut r = Reader::from_str(xml);
    r.config_mut().trim_text(true);
    let (mut root, mut root_attrs) = (String::new(), BTreeMap::new());
    let mut urls: Vec<Url> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    loop {
        match r.read_event().expect("sitemap.xml is well-formed XML") {
            Xml::Start(e) | Xml::Empty(e) if root.is_empty() => {
                root = utf8(e.name().as_ref());
                for a in e.attributes() {
                    let a = a.unwrap();
                    root_attrs.insert(
                        utf8(a.key.as_ref()),
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    );
                }
                path.push(root.clone());
            }
            Xml::Start(e) => {
                let name = utf8(e.name().as_ref());
                if name == "url" {
                    urls.push(Url::default());
                }
                text.clear();
                path.push(name);
            }
            Xml::Empty(e) => {
                assert_eq!(e.name().as_ref(), b"xhtml:link", "unexpected empty element");
                let mut attrs = BTreeMap::new();
                for a in e.attributes() {
                    let a = a.unwrap();
                    attrs.insert(
                        utf8(a.key.as_ref()),
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    );
                }
                assert_eq!(attrs["rel"], "alternate");
                urls.last_mut()
                    .expect("xhtml:link inside <url>")
                    .alternates
                    .push((attrs["hreflang"].clone(), attrs["href"].clone()));
            }
            Xml::Text(t) => text.push_str(&t.xml10_content().unwrap()),
            Xml::GeneralRef(g) => {
                let name = g.decode().unwrap();
                text.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity &{other};"),
                });
            }
            Xml::End(_) => {
                let name = path.pop().unwrap();
                let url = urls.last_mut();
                match (name.as_str(), url) {
                    ("loc", Some(u)) => u.loc = std::mem::take(&mut text),
                    ("lastmod", Some(u)) => u.lastmod = Some(std::mem::take(&mut text)),
                    _ => {}
                }
            }
            Xml::Eof => break,
            _ => {}
        }
    }
    (root, root_attrs, urls)
}

fn sitemap() -> &'static [Url] {
    static URLS: OnceLock<Vec<Url>> = OnceLock::new();
    URLS.get_or_init(|| parse_sitemap(&read(example(), "sitemap.xml")).2)
}

/// `/sv/notices/schools-closed-water/` → `Some(("sv", "notices", "schools-closed-water"))`.
fn doc_page(path: &str) -> Option<(&str, &str, &str)> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match parts.as_slice() {
        [lang, kind, slug] if KINDS.contains(kind) && *slug != "page" => Some((lang, kind, slug)),
        _ => None,
    }
}

#[test]
fn sitemap_is_a_sitemaps_org_urlset_with_xhtml_links() {
    let (root, attrs, urls) = parse_sitemap(&read(example(), "sitemap.xml"));
    assert_eq!(root, "urlset");
    assert_eq!(
        attrs.get("xmlns").map(String::as_str),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    assert_eq!(
        attrs.get("xmlns:xhtml").map(String::as_str),
        Some("http://www.w3.org/1999/xhtml")
    );
    assert!(!urls.is_empty());
    let text = read(example(), "sitemap.xml");
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
}

#[test]
fn sitemap_lists_every_html_page_once_and_not_the_404_page() {
    let out = example();
    let locs: Vec<&str> = sitemap().iter().map(|u| u.loc.as_str()).collect();
    let unique: BTreeSet<&str> = locs.iter().copied().collect();
    assert_eq!(unique.len(), locs.len(), "a page is listed twice");

    let listed: BTreeSet<String> = sitemap().iter().map(|u| u.path().to_owned()).collect();
    // Every `index.html` of the output, the root language chooser included, but the search
    // pages (which show nothing of their own to a crawler).
    let mut pages = html_pages(out);
    pages.retain(|p| !p.ends_with("/search/"));
    assert!(pages.contains("/"), "the root language chooser is written");
    let missing: Vec<&String> = pages.difference(&listed).collect();
    let extra: Vec<&String> = listed.difference(&pages).collect();
    assert!(missing.is_empty(), "pages not in the sitemap: {missing:?}");
    assert!(extra.is_empty(), "sitemap entries with no page: {extra:?}");

    assert!(out.join("404.html").is_file());
    assert!(!listed.iter().any(|p| p.contains("404")), "{listed:?}");
    // Every language has its pages listed.
    for lang in LANGS {
        assert!(listed.contains(&format!("/{lang}/")), "/{lang}/");
        assert!(listed.contains(&format!("/{lang}/notice-board/")));
    }
    // The embargoed press release (dated 2027) is neither built nor listed.
    assert!(!listed.iter().any(|p| p.contains("elevenkat-2026")));
}

#[test]
fn every_address_is_absolute_under_the_base_url() {
    for u in sitemap() {
        assert!(u.loc.starts_with(&format!("{BASE}/")), "{}", u.loc);
        for (lang, href) in &u.alternates {
            assert!(href.starts_with(&format!("{BASE}/")), "{lang}: {href}");
        }
    }
}

#[test]
fn document_pages_list_exactly_their_translations_and_x_default() {
    let out = example();
    let pages = html_pages(out);
    let mut docs = 0;
    for u in sitemap() {
        let Some((lang, kind, slug)) = doc_page(u.path()) else {
            continue;
        };
        docs += 1;
        // The translations are the languages in which the document's page was written.
        let translations: Vec<&str> = LANGS
            .iter()
            .copied()
            .filter(|l| pages.contains(&format!("/{l}/{kind}/{slug}/")))
            .collect();
        assert!(translations.contains(&lang));
        let expected: Vec<(String, String)> = translations
            .iter()
            .map(|l| (l.to_string(), format!("{BASE}/{l}/{kind}/{slug}/")))
            .collect();
        let listed: Vec<(String, String)> = u
            .alternates
            .iter()
            .filter(|(l, _)| l != "x-default")
            .cloned()
            .collect();
        assert_eq!(listed, expected, "alternates of {}", u.loc);
        // x-default: the default language's version, else the first translation.
        let default = if translations.contains(&"sv") {
            "sv"
        } else {
            translations[0]
        };
        assert_eq!(
            u.x_default(),
            [format!("{BASE}/{default}/{kind}/{slug}/")],
            "x-default of {}",
            u.loc
        );
        // Documents carry their last change as a W3C datetime.
        let lastmod = u.lastmod.as_deref().unwrap_or_else(|| panic!("{}", u.loc));
        chrono::DateTime::parse_from_rfc3339(lastmod)
            .unwrap_or_else(|e| panic!("{}: lastmod {lastmod}: {e}", u.loc));
    }
    assert!(docs >= 20, "only {docs} document pages in the sitemap");

    let by_path: BTreeMap<&str, &Url> = sitemap().iter().map(|u| (u.path(), u)).collect();
    let crisis = by_path["/ar/notices/schools-closed-water/"];
    assert_eq!(
        crisis.langs(),
        BTreeSet::from(["ar", "en", "fa", "fi", "pl", "so", "sv", "uk"])
    );
    assert_eq!(
        crisis.x_default(),
        [format!("{BASE}/sv/notices/schools-closed-water/")]
    );
    assert_eq!(crisis.lastmod.as_deref(), Some("2026-11-22T07:30:00+01:00"));
    // Minutes only in Danish: the Danish page is its own x-default.
    let danish = by_path["/da/minutes/oresundsudvalget/"];
    assert_eq!(danish.langs(), BTreeSet::from(["da"]));
    assert_eq!(
        danish.x_default(),
        [format!("{BASE}/da/minutes/oresundsudvalget/")]
    );
    assert!(!by_path.contains_key("/sv/minutes/oresundsudvalget/"));
    // `updated` wins over `date`.
    assert_eq!(
        by_path["/en/notices/school-transport-roadworks/"]
            .lastmod
            .as_deref(),
        Some("2026-11-20T10:15:00+01:00")
    );
}

#[test]
fn other_pages_list_every_language_and_x_default() {
    let mut checked = 0;
    for u in sitemap() {
        let path = u.path();
        if path == "/" || doc_page(path).is_some() {
            continue;
        }
        checked += 1;
        let (lang, rest) = path[1..].split_once('/').unwrap();
        assert!(LANGS.contains(&lang), "{path}");
        let expected: Vec<(String, String)> = LANGS
            .iter()
            .map(|l| (l.to_string(), format!("{BASE}/{l}/{rest}")))
            // A home page's `x-default` is the language chooser.
            .chain([(
                "x-default".to_owned(),
                match rest {
                    "" => format!("{BASE}/"),
                    _ => format!("{BASE}/sv/{rest}"),
                },
            )])
            .collect();
        assert_eq!(u.alternates, expected, "alternates of {path}");
    }
    assert!(checked >= LANGS.len() * 8, "only {checked} pages");
}

#[test]
fn language_clusters_are_reciprocal() {
    let by_loc: BTreeMap<&str, &Url> = sitemap().iter().map(|u| (u.loc.as_str(), u)).collect();
    for u in sitemap().iter().filter(|u| u.path() != "/") {
        assert!(
            u.alternates.iter().any(|(_, h)| *h == u.loc),
            "{} does not list itself",
            u.loc
        );
        for (lang, href) in &u.alternates {
            let other = by_loc
                .get(href.as_str())
                .unwrap_or_else(|| panic!("{} names {lang} {href}, not in the sitemap", u.loc));
            assert_eq!(
                other.alternates, u.alternates,
                "{} and {href} disagree",
                u.loc
            );
        }
    }
    // The root language chooser is in the home pages' cluster, as their `x-default`.
    let root = by_loc[format!("{BASE}/").as_str()];
    assert_eq!(
        root.alternates,
        by_loc[format!("{BASE}/sv/").as_str()].alternates
    );
}

#[test]
fn robots_txt_allows_all_and_names_the_sitemap() {
    let robots = read(example(), "robots.txt");
    let lines: Vec<&str> = robots.lines().collect();
    assert!(lines.contains(&"User-agent: *"), "{robots}");
    assert!(lines.contains(&"Allow: /"), "{robots}");
    assert!(!lines.iter().any(|l| l.starts_with("Disallow: /")));
    assert!(
        lines.contains(&format!("Sitemap: {BASE}/sitemap.xml").as_str()),
        "{robots}"
    );
}

// ---- iCalendar ----

/// Checks the raw lines of an .ics file (CRLF, folded at 75 octets) and parses it.
fn parse_ics(text: &str, name: &str) -> Calendar {
    assert!(text.ends_with("\r\n"), "{name}: no final CRLF");
    for (i, line) in text[..text.len() - 2].split("\r\n").enumerate() {
        assert!(
            line.len() <= 75,
            "{name}:{}: {} octets: {line:?}",
            i + 1,
            line.len()
        );
        assert!(
            !line.contains(['\r', '\n']),
            "{name}:{}: bare line break",
            i + 1
        );
        assert!(!line.is_empty(), "{name}:{}: empty line", i + 1);
    }
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    Calendar::from_str(text).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

fn ics(out: &Path, id: &str) -> Calendar {
    let rel = format!("calendar/{id}.ics");
    parse_ics(&read(out, &rel), &rel)
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DatePerhapsTime {
    DatePerhapsTime::DateTime(CalendarDateTime::Utc(
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap(),
    ))
}

fn events(cal: &Calendar) -> Vec<&Event> {
    cal.events().collect()
}

fn prop<'a>(e: &'a Event, key: &str) -> &'a str {
    e.property_value(key)
        .unwrap_or_else(|| panic!("no {key} in {e:?}"))
}

/// The `summary:` of a content file's front matter.
fn summary_of(rel: &str) -> String {
    let text = std::fs::read_to_string(repo().join(rel)).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("summary: "))
        .unwrap()
        .to_owned()
}

/// The value and `LANGUAGE` parameter of an event's TEXT property.
fn text_in(e: &Event, key: &str) -> (String, String) {
    let p = e
        .properties()
        .get(key)
        .unwrap_or_else(|| panic!("no {key} in {e:?}"));
    let lang = p
        .params()
        .get("LANGUAGE")
        .unwrap_or_else(|| panic!("{key} has no LANGUAGE: {p:?}"));
    (p.value().to_owned(), lang.value().to_owned())
}

/// The calendar's `NAME`s (RFC 7986) by their `LANGUAGE`.
fn names(cal: &Calendar) -> BTreeMap<String, String> {
    cal.properties
        .iter()
        .filter(|p| p.key() == "NAME")
        .map(|p| {
            let lang = p.params().get("LANGUAGE").expect("NAME has a LANGUAGE");
            (lang.value().to_owned(), p.value().to_owned())
        })
        .collect()
}

#[test]
fn calendars_have_the_calendar_properties() {
    let out = example();
    for (id, name, da) in [
        (
            "barn-och-utbildningsnamnden",
            "Barn- och utbildningsnämnden",
            "Børne- og Uddannelsesudvalget",
        ),
        ("oresundsudvalget", "Öresundsutskottet", "Øresundsudvalget"),
        (
            "meetings",
            "Ekviks kommun – Sammanträde",
            "Ekvik Kommune – Møde",
        ),
    ] {
        let cal = ics(out, id);
        assert_eq!(cal.property_value("VERSION"), Some("2.0"), "{id}");
        assert_eq!(cal.property_value("CALSCALE"), Some("GREGORIAN"), "{id}");
        assert!(
            cal.property_value("PRODID")
                .is_some_and(|p| p.contains("anslag"))
        );
        assert_eq!(cal.property_value("X-WR-CALNAME"), Some(name), "{id}");
        // The name in every language of the site, each marked with its language.
        let names = names(&cal);
        assert_eq!(
            names.keys().map(String::as_str).collect::<BTreeSet<_>>(),
            BTreeSet::from(LANGS),
            "{id}"
        );
        assert_eq!(names["sv"], name, "{id}");
        assert_eq!(names["da"], da, "{id}");
        // RFC 5545 §3.4: a calendar holds at least one component.
        assert!(!events(&cal).is_empty(), "{id} is empty");
        for e in events(&cal) {
            // Every text says its language; every link stands alone.
            for key in ["SUMMARY", "LOCATION", "DESCRIPTION"] {
                assert!(LANGS.contains(&text_in(e, key).1.as_str()), "{id} {key}");
            }
            assert!(prop(e, "URL").starts_with(&format!("{BASE}/")), "{id}");
        }
    }
    let written: Vec<String> = files(&out.join("calendar"))
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    // Kommunstyrelsen has no meetings published: no (empty) calendar.
    assert_eq!(
        written,
        [
            "barn-och-utbildningsnamnden.ics",
            "meetings.ics",
            "oresundsudvalget.ics"
        ]
    );
    for rel in &written {
        let text = read(out, &format!("calendar/{rel}"));
        assert!(text.contains("\r\nBEGIN:VEVENT\r\n"), "{rel} has no event");
    }
}

#[test]
fn meetings_calendar_has_both_meetings_in_utc() {
    let out = example();
    let cal = ics(out, "meetings");
    let evs = events(&cal);
    assert_eq!(evs.len(), 2, "{cal}");

    // 2026-09-16 16:30–18:00 Europe/Stockholm (CEST, +02:00).
    let e = evs[0];
    assert_eq!(e.get_start(), Some(utc(2026, 9, 16, 14, 30)));
    assert_eq!(e.get_end(), Some(utc(2026, 9, 16, 16, 0)));
    assert_eq!(prop(e, "DTSTART"), "20260916T143000Z");
    assert_eq!(
        e.get_uid(),
        Some("minutes-oresundsudvalget@www.ekvik.example")
    );
    // DTSTAMP is the document's date (2026-09-23T12:00:00+02:00), not the clock.
    assert_eq!(
        e.get_timestamp(),
        Some(Utc.with_ymd_and_hms(2026, 9, 23, 10, 0, 0).unwrap())
    );
    // Minutes only in Danish: the event speaks Danish, and says so, in the calendar of all too.
    assert_eq!(
        text_in(e, "SUMMARY"),
        ("Øresundsudvalget – Møde".into(), "da".into())
    );
    // The comma comes back from its escape.
    assert_eq!(
        text_in(e, "LOCATION"),
        ("Mødelokale 2, Ekvik Rådhus".into(), "da".into())
    );
    assert_eq!(text_in(e, "DESCRIPTION").1, "da");
    assert_eq!(
        prop(e, "URL"),
        format!("{BASE}/da/minutes/oresundsudvalget/")
    );
    assert_eq!(
        e.get_description(),
        Some(summary_of("content/minutes/2026-09-16-oresundsudvalget.da.md").as_str())
    );

    // 2026-11-10 18:00–20:10 Europe/Stockholm (CET, +01:00).
    let e = evs[1];
    assert_eq!(e.get_start(), Some(utc(2026, 11, 10, 17, 0)));
    assert_eq!(e.get_end(), Some(utc(2026, 11, 10, 19, 10)));
    assert_eq!(prop(e, "DTSTART"), "20261110T170000Z");
    assert_eq!(
        e.get_uid(),
        Some("minutes-barn-och-utbildningsnamnden@www.ekvik.example")
    );
    assert_eq!(
        e.get_timestamp(),
        Some(Utc.with_ymd_and_hms(2026, 11, 13, 8, 0, 0).unwrap())
    );
    assert_eq!(
        text_in(e, "SUMMARY"),
        (
            "Barn- och utbildningsnämnden – Sammanträde".into(),
            "sv".into()
        )
    );
    assert_eq!(
        text_in(e, "LOCATION"),
        ("Sessionssalen, Ekviks rådhus".into(), "sv".into())
    );
    assert_eq!(text_in(e, "DESCRIPTION").1, "sv");
    assert_eq!(
        prop(e, "URL"),
        format!("{BASE}/sv/minutes/barn-och-utbildningsnamnden/")
    );
    // A description longer than a line: folded, and whole again once unfolded.
    let description = summary_of("content/minutes/2026-11-10-barn-och-utbildningsnamnden.sv.md");
    assert!(description.len() > 75);
    assert_eq!(e.get_description(), Some(description.as_str()));
}

#[test]
fn committee_calendars_hold_their_own_meetings() {
    let out = example();
    let uids = |id: &str| -> Vec<String> {
        events(&ics(out, id))
            .iter()
            .map(|e| e.get_uid().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        uids("oresundsudvalget"),
        ["minutes-oresundsudvalget@www.ekvik.example"]
    );
    assert_eq!(
        uids("barn-och-utbildningsnamnden"),
        ["minutes-barn-och-utbildningsnamnden@www.ekvik.example"]
    );
    // A committee without minutes has no calendar rather than an empty one.
    assert!(!out.join("calendar/kommunstyrelsen.ics").exists());
    // The same event is the same in the committee's calendar and in the calendar of all.
    let all = ics(out, "meetings");
    let one = ics(out, "oresundsudvalget");
    assert_eq!(
        format!("{:?}", events(&all)[0]),
        format!("{:?}", events(&one)[0])
    );
}

#[test]
fn a_second_build_gives_the_same_sitemap_and_calendars() {
    let first = example();
    let tmp = temp_dir();
    let second = tmp.path().join("out");
    build(&repo(), &second);
    let mut compared = 0;
    for rel in files(first) {
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel.ends_with(".ics") || rel == "sitemap.xml" || rel == "robots.txt" {
            assert_eq!(
                read(first, &rel),
                read(&second, &rel),
                "{rel} differs between two builds"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 5);
    let uids = |out: &Path| -> Vec<String> {
        events(&ics(out, "meetings"))
            .iter()
            .map(|e| e.get_uid().unwrap().to_owned())
            .collect()
    };
    assert_eq!(uids(first), uids(&second));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn meeting_without_end_lasts_two_hours_and_text_is_escaped() {
    let tmp = temp_dir();
    let site = tmp.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::copy(repo().join("site.yaml"), site.join("site.yaml")).unwrap();
    for dir in ["content", "locales", "themes", "templates", "static"] {
        if repo().join(dir).is_dir() {
            copy_dir(&repo().join(dir), &site.join(dir));
        }
    }
    let danish = site.join("content/minutes/2026-09-16-oresundsudvalget.da.md");
    edit(&danish, "  end: 2026-09-16T18:00:00+02:00\n", "");
    let place = r"Sal 1; plan 2, \ norra flygeln – اتاق جلسه شماره ۲ در ساختمان شهرداری";
    edit(
        &danish,
        "place: Mødelokale 2, Ekvik Rådhus",
        &format!("place: '{place}'"),
    );
    let out = tmp.path().join("out");
    build(&site, &out);

    let text = read(&out, "calendar/oresundsudvalget.ics");
    let cal = parse_ics(&text, "oresundsudvalget.ics");
    let e = events(&cal)[0];
    assert_eq!(e.get_start(), Some(utc(2026, 9, 16, 14, 30)));
    assert_eq!(e.get_end(), Some(utc(2026, 9, 16, 16, 30)));
    assert_eq!(e.get_location(), Some(place));
    // RFC 5545 §3.3.11: backslash, semicolon and comma escaped.
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains(r"LOCATION;LANGUAGE=da:Sal 1\; plan 2\, \\ norra flygeln"),
        "{unfolded}"
    );
}

/// A site without minutes has no calendars at all, rather than empty ones.
#[test]
fn a_site_without_meetings_has_no_calendars() {
    let tmp = temp_dir();
    let site = tmp.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::copy(repo().join("site.yaml"), site.join("site.yaml")).unwrap();
    // One press release that links nothing: no minutes anywhere.
    let press = "content/press/2026-10-20-elevhalsan-forstarks.sv.md";
    std::fs::create_dir_all(site.join("content/press")).unwrap();
    std::fs::copy(repo().join(press), site.join(press)).unwrap();
    let out = tmp.path().join("out");
    build(&site, &out);
    assert!(out.join("index.html").exists());
    let calendars: Vec<PathBuf> = files(&out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ics"))
        .collect();
    assert!(calendars.is_empty(), "{calendars:?}");
}

/// The language chooser at `/` and every language's home are one another's alternates, and
/// `x-default` of the home pages is the chooser, not the default language's home.
#[test]
fn the_root_and_the_home_pages_are_alternates_with_the_root_as_x_default() {
    let root = sitemap().iter().find(|u| u.path() == "/").unwrap();
    assert_eq!(
        root.langs().len(),
        11,
        "the root lists every language's home"
    );
    for u in sitemap()
        .iter()
        .filter(|u| u.path() == "/" || u.path() == "/sv/" || u.path() == "/ar/")
    {
        assert_eq!(u.x_default(), [format!("{BASE}/")], "{}", u.path());
    }
}
