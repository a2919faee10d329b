//! The JSON API under `/api/v1/`: built by the real binary from the example site, every file
//! checked against its published JSON Schema, against the HTML of the same build, and for what
//! must never be published.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use scraper::{Html, Selector};
use serde_json::Value;
use tempfile::TempDir;

use crate::common::temp_dir;

const NOW: &str = "2026-11-22T12:00:00+01:00";
const BASE: &str = "https://www.ekvik.example";
const API: &str = "https://www.ekvik.example/api/v1/";
const LANGS: [&str; 11] = [
    "sv", "en", "da", "nb", "fi", "de", "pl", "uk", "so", "ar", "fa",
];

fn build_into(out: &Path) {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .args(["build", "--quiet", "--site", root, "--output"])
        .arg(out)
        .args(["--now", NOW])
        .output()
        .expect("run the anslag binary");
    assert!(
        run.status.success(),
        "the build failed ({}):\n{}\n{}",
        run.status,
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

/// The example site, built once for all the tests of this file.
fn out() -> &'static Path {
    static OUT: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    &OUT.get_or_init(|| {
        let dir = temp_dir();
        let out = dir.path().join("public");
        build_into(&out);
        (dir, out)
    })
    .1
}

/// Every file under `dir`, by path relative to it (with `/`), with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, acc: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, acc);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy();
                acc.insert(rel.replace('\\', "/"), std::fs::read(&p).unwrap());
            }
        }
    }
    let mut acc = BTreeMap::new();
    walk(dir, dir, &mut acc);
    acc
}

/// Every JSON file of the API, by path relative to `api/v1/`, parsed.
fn api_files() -> &'static BTreeMap<String, Value> {
    static FILES: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    FILES.get_or_init(|| {
        files(&out().join("api/v1"))
            .into_iter()
            .map(|(rel, bytes)| {
                assert!(rel.ends_with(".json"), "not a JSON file: api/v1/{rel}");
                let v: Value = serde_json::from_slice(&bytes)
                    .unwrap_or_else(|e| panic!("api/v1/{rel} is not JSON: {e}"));
                (rel, v)
            })
            .collect()
    })
}

fn api(rel: &str) -> &'static Value {
    api_files()
        .get(rel)
        .unwrap_or_else(|| panic!("api/v1/{rel} was not written"))
}

/// The file an absolute API URL stands for, relative to `api/v1/`.
fn api_rel(url: &str) -> &str {
    url.strip_prefix(API)
        .unwrap_or_else(|| panic!("{url} is not an absolute URL of the API"))
}

fn strings<'a>(v: &'a Value, acc: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => acc.push(s),
        Value::Array(a) => a.iter().for_each(|x| strings(x, acc)),
        Value::Object(o) => o.values().for_each(|x| strings(x, acc)),
        _ => {}
    }
}

#[test]
fn every_file_validates_against_its_schema() {
    let files = api_files();
    let schema_names = ["index", "document", "list", "notice-board", "alerts"];
    let mut validators = BTreeMap::new();
    for name in schema_names {
        let schema = api(&format!("schema/{name}.json"));
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "schema/{name}.json"
        );
        assert_eq!(schema["$id"], format!("{API}schema/{name}.json"));
        jsonschema::draft202012::meta::validate(schema)
            .unwrap_or_else(|e| panic!("schema/{name}.json is not a valid schema: {e}"));
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(schema)
            .unwrap_or_else(|e| panic!("schema/{name}.json: {e}"));
        validators.insert(format!("{API}schema/{name}.json"), validator);
    }
    let mut used = BTreeSet::new();
    for (rel, v) in files.iter().filter(|(r, _)| !r.starts_with("schema/")) {
        let url = v["$schema"]
            .as_str()
            .unwrap_or_else(|| panic!("api/v1/{rel} has no $schema"));
        let validator = validators
            .get(url)
            .unwrap_or_else(|| panic!("api/v1/{rel}: unknown $schema {url}"));
        let errors: Vec<String> = validator
            .iter_errors(v)
            .map(|e| format!("  at {}: {e}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "api/v1/{rel} does not match {url}:\n{}",
            errors.join("\n")
        );
        used.insert(url);
    }
    assert_eq!(
        used.len(),
        schema_names.len(),
        "a schema is used by no file"
    );

    // The schemas are strict about what is always there: a document without its kind's
    // members, or with a member of the wrong type, is rejected.
    let doc = api("documents/minutes/oresundsudvalget/da.json");
    let mut broken = doc.clone();
    broken.as_object_mut().unwrap().remove("agenda_items");
    assert!(!validators[&format!("{API}schema/document.json")].is_valid(&broken));
    let mut broken = doc.clone();
    broken["agenda_items"][5]["closed"] = Value::from("yes");
    assert!(!validators[&format!("{API}schema/document.json")].is_valid(&broken));
}

#[test]
fn index_describes_the_site_and_links_every_list_and_schema() {
    let index = api("index.json");
    assert_eq!(index["api_version"], "v1");
    assert_eq!(index["generated_at"], NOW);
    assert_eq!(index["site"]["base_url"], BASE);
    assert_eq!(index["site"]["default_language"], "sv");
    let langs: Vec<&str> = index["site"]["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(langs, LANGS);
    let ar = &index["site"]["languages"][9];
    assert_eq!(
        (ar["name"].as_str(), ar["dir"].as_str()),
        (Some("العربية"), Some("rtl"))
    );
    assert_eq!(index["site"]["title"]["fi"], "Ekvikin kunta");
    let committee = index["site"]["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "oresundsudvalget")
        .unwrap();
    assert_eq!(committee["kind"], "committee");
    assert_eq!(committee["names"]["da"], "Øresundsudvalget");
    assert_eq!(committee["names"].as_object().unwrap().len(), LANGS.len());

    // Every list, schema and collection file is linked from the index, and every link leads
    // to a file of the build.
    let mut links = Vec::new();
    strings(&index["links"], &mut links);
    let linked: BTreeSet<&str> = links.iter().map(|u| api_rel(u)).collect();
    for rel in &linked {
        assert!(
            api_files().contains_key(*rel),
            "index.json links to missing {rel}"
        );
    }
    let not_linked: Vec<&String> = api_files()
        .keys()
        .filter(|r| !r.starts_with("documents/") && !linked.contains(r.as_str()))
        .collect();
    assert!(
        not_linked.is_empty(),
        "not linked from index.json: {not_linked:?}"
    );
    assert_eq!(
        index["links"]["lists"]["so"]["committees"]["oresundsudvalget"],
        format!("{API}so/committees/oresundsudvalget.json")
    );
}

#[test]
fn every_link_in_the_api_leads_to_a_file_of_the_build() {
    let out = out();
    let mut checked = 0;
    for (rel, v) in api_files()
        .iter()
        .filter(|(r, _)| !r.starts_with("schema/"))
    {
        let mut all = Vec::new();
        strings(v, &mut all);
        for s in all.into_iter().filter(|s| s.starts_with(BASE)) {
            let path = s[BASE.len()..].split('#').next().unwrap();
            let file = if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path.to_owned()
            };
            assert!(
                out.join(file.trim_start_matches('/')).is_file(),
                "api/v1/{rel} links to {s}, which the build did not write"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
}

/// The entries of an HTML list (all its pages): title and whether it links to the reader's
/// language.
fn html_entries(out: &Path, first_page: &str) -> Vec<(String, bool)> {
    let entry = Selector::parse("main li.entry .entry-title").unwrap();
    let link = Selector::parse("a").unwrap();
    let mut entries = Vec::new();
    let mut page = 1;
    loop {
        let rel = if page == 1 {
            format!("{first_page}index.html")
        } else {
            format!("{first_page}page/{page}/index.html")
        };
        let Ok(text) = std::fs::read_to_string(out.join(rel.trim_start_matches('/'))) else {
            break;
        };
        let html = Html::parse_document(&text);
        for e in html.select(&entry) {
            let title = e.text().collect::<String>().trim().to_owned();
            entries.push((title, e.select(&link).next().is_some()));
        }
        page += 1;
    }
    assert!(page > 1, "no HTML page at {first_page}");
    entries
}

#[test]
fn lists_hold_what_the_html_lists_hold() {
    let out = out();
    let index = api("index.json");
    let mut lists = 0;
    for lang in LANGS {
        let l = &index["links"]["lists"][lang];
        let mut urls: Vec<&str> = ["press", "minutes", "notices"]
            .iter()
            .map(|k| l[k].as_str().unwrap())
            .collect();
        for group in ["topics", "committees"] {
            urls.extend(
                l[group]
                    .as_object()
                    .unwrap()
                    .values()
                    .map(|u| u.as_str().unwrap()),
            );
        }
        for url in urls {
            let list = api(api_rel(url));
            assert_eq!(list["lang"], lang);
            let page = list["url"].as_str().unwrap().strip_prefix(BASE).unwrap();
            let docs = list["documents"].as_array().unwrap();
            let from_api: Vec<(String, bool)> = docs
                .iter()
                .map(|d| {
                    (
                        d["title"].as_str().unwrap().to_owned(),
                        d["translated"] == true,
                    )
                })
                .collect();
            assert_eq!(
                from_api,
                html_entries(out, page),
                "{url} differs from the HTML page {page}"
            );
            assert_eq!(list["count"], docs.len());
            // Newest first.
            let dates: Vec<chrono::DateTime<chrono::FixedOffset>> = docs
                .iter()
                .map(|d| chrono::DateTime::parse_from_rfc3339(d["date"].as_str().unwrap()).unwrap())
                .collect();
            assert!(
                dates.windows(2).all(|w| w[0] >= w[1]),
                "{url} is not newest first"
            );
            for d in docs {
                // The summary is in the language shown, and its document file exists.
                let shown = d["lang"].as_str().unwrap();
                assert_eq!(d["translated"] == true, shown == lang, "{url}: {d}");
                let file = api(api_rel(d["api"].as_str().unwrap()));
                assert_eq!(file["lang"], shown);
                assert_eq!(file["title"], d["title"]);
            }
            lists += 1;
        }
    }
    assert_eq!(lists, LANGS.len() * (3 + 11));
    let total: usize = ["press", "minutes", "notices"]
        .iter()
        .map(|k| api(&format!("sv/{k}.json"))["count"].as_u64().unwrap() as usize)
        .sum();
    assert_eq!(total, 10, "every published document is listed");
}

#[test]
fn somali_lists_show_untranslated_press_releases_in_their_own_language() {
    let press = api("so/press.json");
    let docs = press["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4, "{press:#}");
    for d in docs {
        assert_eq!(d["translated"], false, "{d}");
        assert_ne!(d["lang"], "so");
        assert!(
            d["languages"]
                .as_array()
                .unwrap()
                .iter()
                .all(|l| l["lang"] != "so")
        );
    }
    let calendar = docs
        .iter()
        .find(|d| d["slug"] == "gemensam-skolkalender")
        .unwrap();
    assert_eq!(calendar["lang"], "sv");
    assert_eq!(
        calendar["languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["lang"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["sv", "da"]
    );
    // A notice written in Somali is shown in Somali.
    let notices = api("so/notices.json");
    let planning = notices["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["slug"] == "preschool-planning-day")
        .unwrap();
    assert_eq!(
        (planning["lang"].as_str(), planning["translated"].as_bool()),
        (Some("so"), Some(true))
    );
    assert_eq!(
        planning["api"],
        format!("{API}documents/notices/preschool-planning-day/so.json")
    );
}

#[test]
fn danish_minutes_publish_the_closed_item_as_a_heading_only() {
    let m = api("documents/minutes/oresundsudvalget/da.json");
    assert_eq!(m["kind"], "minutes");
    assert_eq!(m["lang"], "da");
    assert_eq!(m["url"], format!("{BASE}/da/minutes/oresundsudvalget/"));
    assert_eq!(m["committee"]["id"], "oresundsudvalget");
    assert_eq!(m["committee"]["name"], "Øresundsudvalget");
    assert_eq!(m["meeting"]["start"], "2026-09-16T16:30:00+02:00");
    assert_eq!(m["approved"], "2026-09-23");
    assert_eq!(m["attendees"].as_array().unwrap().len(), 9);
    let items = m["agenda_items"].as_array().unwrap();
    assert_eq!(items.len(), 7);
    let closed: Vec<&Value> = items.iter().filter(|i| i["closed"] == true).collect();
    assert_eq!(closed.len(), 1);
    let six = &items[5];
    assert_eq!(six["number"], "6");
    assert_eq!(six["closed"], true);
    assert!(six["case"].is_null());
    assert!(six["decision_html"].is_null());
    assert_eq!(six["body_html"], "");
    assert_eq!(six["attachments"], Value::Array(Vec::new()));
    let four = &items[3];
    assert_eq!(four["case"], "00.30.10-S00-5-26");
    assert!(
        four["decision_html"]
            .as_str()
            .unwrap()
            .contains("Indstillingen godkendt")
    );
    assert_eq!(four["attachments"][0]["name"], "bilag-1-budgetoversigt.pdf");
    assert_eq!(four["attachments"][0]["mime"], "application/pdf");
    assert_eq!(
        four["attachments"][0]["url"],
        format!("{BASE}/files/minutes/oresundsudvalget/bilag-1-budgetoversigt.pdf")
    );
    let size = std::fs::metadata(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/minutes/2026-09-16-oresundsudvalget/bilag-1-budgetoversigt.pdf"),
    )
    .unwrap()
    .len();
    assert_eq!(four["attachments"][0]["size"], size);
    // Links inside the HTML work from anywhere.
    assert!(four["body_html"].as_str().unwrap().contains(&format!(
        "href=\"{BASE}/files/minutes/oresundsudvalget/bilag-1-budgetoversigt.pdf\""
    )));
    let names: Vec<&str> = m["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["bilag-1-budgetoversigt.pdf", "bilag-2-elevudveksling.csv"]
    );
    let md = m["markdown"].as_str().unwrap();
    assert!(md.contains("## Punkt 6: Lukket punkt: Personalesag"));
    assert!(md.contains("## Punkt 7: Eventuelt"));
}

#[test]
fn nothing_of_a_closed_item_is_published_anywhere_in_the_api() {
    let all = files(&out().join("api"));
    assert!(all.len() > 100);
    for secret in [
        "Fortrolig oplysning om tjenestemand Eskildsen",
        "81.02.00-G01-9-26",
        "bilag-3-fortroligt",
        "Sagen behandles videre af personaleafdelingen",
    ] {
        for (rel, bytes) in &all {
            assert!(
                !String::from_utf8_lossy(bytes).contains(secret),
                "api/{rel} contains {secret:?}"
            );
        }
    }
}

#[test]
fn the_crisis_notice_is_in_alerts_in_every_language_it_exists_in() {
    let alerts = api("alerts.json");
    assert_eq!(alerts["generated_at"], NOW);
    let list = alerts["alerts"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{alerts:#}");
    let a = &list[0];
    assert_eq!(a["slug"], "schools-closed-water");
    assert_eq!(a["urgency"], "crisis");
    assert_eq!(a["lang"], "sv");
    let langs: Vec<&str> = a["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["sv", "en", "fi", "pl", "uk", "so", "ar", "fa"]);
    let ar = &a["languages"][6];
    assert_eq!(ar["dir"], "rtl");
    assert_eq!(
        ar["url"],
        format!("{BASE}/ar/notices/schools-closed-water/")
    );
    assert_eq!(
        ar["api"],
        format!("{API}documents/notices/schools-closed-water/ar.json")
    );
    let doc = api("documents/notices/schools-closed-water/ar.json");
    assert_eq!(doc["kind"], "notices");
    assert_eq!(doc["urgency"], "crisis");
    assert_eq!(doc["active"], true);
    assert_eq!(doc["translations"].as_array().unwrap().len(), 8);
}

#[test]
fn notice_board_lists_the_minutes_under_appeal() {
    let board = api("notice-board.json");
    assert_eq!(board["appeal_days"], 21);
    let entries = board["entries"].as_array().unwrap();
    // The HTML notice board of the same build lists the same minutes.
    let text = std::fs::read_to_string(out().join("sv/notice-board/index.html")).unwrap();
    let html = Html::parse_document(&text);
    let html_entries = html
        .select(&Selector::parse("main li.entry").unwrap())
        .count();
    let links: BTreeSet<String> = html
        .select(&Selector::parse("main a[href]").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(entries.len(), html_entries, "{board:#}");
    assert!(!entries.is_empty());
    for e in entries {
        let url = e["minutes"]["languages"][0]["url"].as_str().unwrap();
        assert!(
            links.contains(url.strip_prefix(BASE).unwrap()),
            "{url} is not on the HTML board"
        );
        assert_eq!(e["minutes"]["kind"], "minutes");
        assert!(e["posted"].as_str().unwrap() <= e["appeal_until"].as_str().unwrap());
        assert_eq!(
            e["committee"]["names"].as_object().unwrap().len(),
            LANGS.len()
        );
    }
}

#[test]
fn every_translation_has_a_document_file_and_nothing_else_does() {
    let mut expected = BTreeSet::new();
    for kind in ["press", "minutes", "notices"] {
        for d in api(&format!("sv/{kind}.json"))["documents"]
            .as_array()
            .unwrap()
        {
            for l in d["languages"].as_array().unwrap() {
                expected.insert(api_rel(l["api"].as_str().unwrap()).to_owned());
            }
        }
    }
    let written: BTreeSet<String> = api_files()
        .keys()
        .filter(|r| r.starts_with("documents/"))
        .cloned()
        .collect();
    assert_eq!(written, expected);
    for rel in &written {
        let d = api(rel);
        let own = d["translations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["lang"] == d["lang"])
            .unwrap_or_else(|| panic!("{rel} does not list its own language"));
        assert_eq!(own["api"], d["api"]);
        assert_eq!(format!("{API}{rel}"), d["api"].as_str().unwrap());
        assert!(
            !d["html"].as_str().unwrap().contains("href=\"/"),
            "{rel}: relative link"
        );
    }
    let press = api("documents/press/drinking-water-schools-closed/en.json");
    assert_eq!(press["kind"], "press");
    assert!(press["contacts"].as_array().is_some_and(|c| !c.is_empty()));
    assert!(press["markdown"].as_str().unwrap().len() > 100);
}

#[test]
fn two_builds_write_byte_identical_api_files() {
    let tmp = temp_dir();
    let again = tmp.path().join("public");
    build_into(&again);
    let a = files(&out().join("api"));
    let b = files(&again.join("api"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    let differ: Vec<&String> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(
        differ.is_empty(),
        "these differ between two builds: {differ:?}"
    );
}

/// Every HTML field of the API (`html`, `body_html`, `decision_html`) links only absolutely; a
/// footnote or other anchor is its document's page plus `#id`.
#[test]
fn every_link_in_api_html_is_absolute() {
    fn html_fields<'a>(v: &'a Value, acc: &mut Vec<&'a str>) {
        match v {
            Value::Array(a) => a.iter().for_each(|x| html_fields(x, acc)),
            Value::Object(o) => o.iter().for_each(|(k, x)| match x.as_str() {
                Some(s) if k.ends_with("html") => acc.push(s),
                _ => html_fields(x, acc),
            }),
            _ => {}
        }
    }
    let links = Selector::parse("a[href], img[src]").unwrap();
    let mut anchors = 0;
    for (rel, v) in api_files()
        .iter()
        .filter(|(r, _)| r.starts_with("documents/"))
    {
        let page = v["url"].as_str().unwrap();
        let mut fields = Vec::new();
        html_fields(v, &mut fields);
        for el in fields.iter().flat_map(|h| {
            Html::parse_fragment(h)
                .select(&links)
                .map(|e| e.attr("href").or(e.attr("src")).unwrap().to_owned())
                .collect::<Vec<_>>()
        }) {
            assert!(
                ["https://", "mailto:", "tel:"]
                    .iter()
                    .any(|s| el.starts_with(s)),
                "api/v1/{rel} links {el}"
            );
            anchors += usize::from(el.starts_with(&format!("{page}#")));
        }
    }
    assert!(anchors > 0, "no footnote anchor found in the API");
}

/// Issue 20: a press release's photo is in its API file, as a newsroom needs it: the original
/// and the shared size, each a file of the same build with its type, size and dimensions, the
/// alt text in the document's language, credit and licence.
#[test]
fn a_press_release_gives_its_photo_with_credit_licence_and_files() {
    for (lang, alt) in [("sv", "Ekviks vattenverk"), ("en", "Ekvik waterworks")] {
        let rel = format!("documents/press/drinking-water-schools-closed/{lang}.json");
        let image = &api(&rel)["image"];
        assert!(
            image["alt"].as_str().is_some_and(|a| a.starts_with(alt)),
            "{rel}: alt {}",
            image["alt"]
        );
        assert!(image["credit"].is_string(), "{rel}: no credit");
        assert!(image["licence"].is_string(), "{rel}: no licence");
        for which in ["original", "share"] {
            let f = &image[which];
            let url = f["url"]
                .as_str()
                .unwrap_or_else(|| panic!("{rel}: {which}"));
            let path = url
                .strip_prefix(BASE)
                .unwrap_or_else(|| panic!("{rel}: {url} is not absolute"));
            let bytes = std::fs::read(out().join(path.trim_start_matches('/')))
                .unwrap_or_else(|e| panic!("{rel}: {which} {url} not published: {e}"));
            assert_eq!(f["size"], bytes.len() as u64, "{rel}: {which} size");
            assert_eq!(f["type"], "image/jpeg", "{rel}: {which}");
            assert!(f["width"].as_u64().is_some_and(|w| w > 0), "{rel}: {which}");
            assert!(
                f["height"].as_u64().is_some_and(|h| h > 0),
                "{rel}: {which}"
            );
        }
    }
    // A press release without `image:` says so with null.
    let other = api_files()
        .iter()
        .find(|(rel, v)| {
            rel.starts_with("documents/press/")
                && v["kind"] == "press"
                && !rel.contains("drinking-water")
        })
        .map(|(_, v)| v)
        .expect("another press release");
    assert!(other["image"].is_null());
}
