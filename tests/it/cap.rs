//! CAP 1.2 alerts: the example site's crisis notice becomes a CAP message in all eight of its
//! languages that validates against the OASIS schema; `updated:` and `ended:` make Update and
//! Cancel messages that reference the earlier ones; the Atom index and the API's alert list show
//! the alerts in force and, for 24 hours after, those ended early (or withdrawn) with their
//! Cancel; an expired alert drops out at `expires`.
//!
//! Runs the real binary on the example site, or on copies of its `site.yaml` and `content/` with
//! the crisis notice edited. Needs `xmllint` (Debian/Ubuntu: `apt-get install -y libxml2-utils`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use tempfile::TempDir;

use crate::common::temp_dir;

const NOW: &str = "2026-11-22T12:00:00+01:00";
const CAP_NS: &str = "urn:oasis:names:tc:emergency:cap:1.2";
const SLUG: &str = "schools-closed-water";
const BASE: &str = "https://www.ekvik.example";
const SENDER: &str = "kommun@ekvik.example";
const ALERT_ID: &str = "ekvik.example-schools-closed-water-20261122T063000Z";
const ALERT_SENT: &str = "2026-11-22T07:30:00+01:00";
const LANGS: [&str; 8] = ["sv", "en", "fi", "pl", "uk", "so", "ar", "fa"];

// ---------------------------------------------------------------------------------------------
// Helpers

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds `site` as of `now` into a new folder and returns (the temporary folder, the output).
fn build(site: &Path, now: &str) -> (TempDir, PathBuf) {
    let tmp = temp_dir();
    let out = tmp.path().join("public");
    let o = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("build")
        .arg("--site")
        .arg(site)
        .arg("--output")
        .arg(&out)
        .args(["--now", now, "--quiet"])
        .output()
        .expect("run anslag");
    assert!(
        o.status.success(),
        "the build failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (tmp, out)
}

/// A copy of the example site (`site.yaml` and `content/`) in a temporary folder.
fn site_copy() -> TempDir {
    let tmp = temp_dir();
    std::fs::copy(repo().join("site.yaml"), tmp.path().join("site.yaml")).unwrap();
    copy_dir(&repo().join("content"), &tmp.path().join("content"));
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// Adds front-matter lines after the `date:` line of every translation of the crisis notice.
fn edit_notice(site: &Path, lines: &str) {
    for lang in LANGS {
        let path = site
            .join("content/notices")
            .join(format!("2026-11-22-{SLUG}.{lang}.md"));
        let text = std::fs::read_to_string(&path).unwrap();
        let (head, tail) = text.split_once("\ndate: ").expect("a date line");
        let (date, rest) = tail.split_once('\n').unwrap();
        let edited = format!("{head}\ndate: {date}\n{lines}\n{rest}");
        std::fs::write(&path, edited).unwrap();
    }
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

/// An element of a parsed document: its local name, namespace, attributes, text and children.
#[derive(Debug, Default)]
struct Node {
    name: String,
    ns: Option<String>,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn all(&self, name: &str) -> impl Iterator<Item = &Node> + use<'_> {
        let name = name.to_owned();
        self.children.iter().filter(move |c| c.name == name)
    }
    fn child(&self, name: &str) -> &Node {
        self.all(name)
            .next()
            .unwrap_or_else(|| panic!("<{}> has no <{name}>", self.name))
    }
    fn text_of(&self, name: &str) -> &str {
        &self.child(name).text
    }
    fn names(&self) -> Vec<&str> {
        self.children.iter().map(|c| c.name.as_str()).collect()
    }
}

/// A name or namespace as text (quick-xml gives them as bytes).
fn utf8(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_owned()).expect("names are UTF-8")
}

/// Parses XML with quick-xml into a tree, resolving namespaces; panics on malformed XML.
fn parse(xml: &str) -> Node {
    let mut reader = NsReader::from_str(xml);
    let mut stack = vec![Node::default()];
    loop {
        let (ns, event) = reader.read_resolved_event().expect("well-formed XML");
        let ns = match ns {
            ResolveResult::Bound(n) => Some(utf8(n.as_ref())),
            _ => None,
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let mut node = Node {
                    name: utf8(e.local_name().as_ref()),
                    ns,
                    ..Default::default()
                };
                for a in e.attributes() {
                    let a = a.unwrap();
                    node.attrs.insert(
                        utf8(a.key.as_ref()),
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    );
                }
                if matches!(event, Event::Start(_)) {
                    stack.push(node);
                } else {
                    stack.last_mut().unwrap().children.push(node);
                }
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Text(t) => {
                let s = t.xml10_content().unwrap();
                stack.last_mut().unwrap().text.push_str(&s);
            }
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().unwrap() {
                    stack.last_mut().unwrap().text.push(c);
                    continue;
                }
                let c = match &*r.decode().unwrap() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity &{other};"),
                };
                stack.last_mut().unwrap().text.push_str(c);
            }
            Event::CData(t) => {
                let s = t.decode().unwrap();
                stack.last_mut().unwrap().text.push_str(&s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut doc = stack.pop().unwrap();
    assert_eq!(doc.children.len(), 1, "one root element");
    doc.children.pop().unwrap()
}

/// Validates with xmllint against the OASIS CAP 1.2 schema (kept in `tests/schemas/`, whose
/// README says where it comes from).
fn assert_valid_cap(file: &Path) {
    let schema = repo().join("tests/schemas/CAP-v1.2-schema.xsd");
    assert!(
        schema.is_file(),
        "the CAP 1.2 schema is missing at {}",
        schema.display()
    );
    let o = match Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(file)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!(
            "cannot run xmllint ({e}): it is needed to validate CAP alerts against the OASIS \
             schema; install it with `apt-get update && apt-get install -y libxml2-utils`"
        ),
    };
    assert!(
        o.status.success(),
        "{} does not validate against the CAP 1.2 schema:\n{}{}",
        file.display(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `YYYY-MM-DDThh:mm:ss±hh:mm`, the only form CAP allows.
fn assert_cap_time(s: &str) {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.into_iter().all(|i| b[i].is_ascii_digit());
    assert!(
        b.len() == 25
            && digits(0..4)
            && b[4] == b'-'
            && digits(5..7)
            && b[7] == b'-'
            && digits(8..10)
            && b[10] == b'T'
            && digits(11..13)
            && b[13] == b':'
            && digits(14..16)
            && b[16] == b':'
            && digits(17..19)
            && (b[19] == b'+' || b[19] == b'-')
            && digits(20..22)
            && b[22] == b':'
            && digits(23..25),
        "`{s}` is not a CAP time with a numeric offset"
    );
}

fn atom(out: &Path) -> feed_rs::model::Feed {
    let xml = read(out, "alerts/index.atom");
    feed_rs::parser::parse(xml.as_bytes()).expect("alerts/index.atom is a valid feed")
}

/// The title of an index entry's link to its CAP message (`CAP Alert`, `CAP Cancel`…).
fn cap_link_title(entry: &feed_rs::model::Entry) -> String {
    entry
        .links
        .iter()
        .find(|l| l.media_type.as_deref() == Some("application/cap+xml"))
        .and_then(|l| l.title.clone())
        .expect("a titled link to the CAP message")
}

/// The alert list of the API: (slug, active, ended) of each alert.
fn api_alerts(out: &Path) -> Vec<(String, bool, Option<String>)> {
    let v: serde_json::Value = serde_json::from_str(&read(out, "api/v1/alerts.json")).unwrap();
    v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["slug"].as_str().unwrap().to_owned(),
                a["active"].as_bool().unwrap(),
                a["ended"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tests

const ALERT_ORDER: [&str; 7] = [
    "identifier",
    "sender",
    "sent",
    "status",
    "msgType",
    "scope",
    "info",
];

const INFO_ORDER: [&str; 20] = [
    "language",
    "category",
    "event",
    "responseType",
    "urgency",
    "severity",
    "certainty",
    "audience",
    "effective",
    "expires",
    "senderName",
    "headline",
    "description",
    "instruction",
    "web",
    "contact",
    "area",
    "areaDesc",
    "polygon",
    "geocode",
];

#[test]
fn crisis_notice_is_a_valid_cap_alert_in_every_language() {
    let (_tmp, out) = build(&repo(), NOW);
    let file = out.join(format!("alerts/{SLUG}.xml"));
    let xml = read(&out, &format!("alerts/{SLUG}.xml"));
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert_valid_cap(&file);

    let alert = parse(&xml);
    assert_eq!(alert.name, "alert");
    assert_eq!(alert.ns.as_deref(), Some(CAP_NS));
    assert!(
        alert
            .children
            .iter()
            .all(|c| c.ns.as_deref() == Some(CAP_NS))
    );
    let mut order = alert.names();
    order.dedup();
    assert_eq!(order, ALERT_ORDER);
    assert_eq!(alert.text_of("identifier"), ALERT_ID);
    assert_eq!(alert.text_of("sender"), SENDER);
    assert_eq!(alert.text_of("sent"), ALERT_SENT);
    assert_cap_time(alert.text_of("sent"));
    assert!(!alert.text_of("sent").ends_with('Z'));
    assert_eq!(alert.text_of("status"), "Actual");
    assert_eq!(alert.text_of("msgType"), "Alert");
    assert_eq!(alert.text_of("scope"), "Public");
    assert_eq!(alert.all("references").count(), 0);

    let infos: Vec<&Node> = alert.all("info").collect();
    assert_eq!(infos.len(), 8, "one <info> per language of the notice");
    let mut langs: Vec<&str> = infos.iter().map(|i| i.text_of("language")).collect();
    langs.sort_unstable();
    let mut expected = LANGS.to_vec();
    expected.sort_unstable();
    assert_eq!(langs, expected);

    for info in &infos {
        let lang = info.text_of("language");
        let mut names = info.names();
        names.extend(info.child("area").names());
        names.retain(|n| *n != "areaDesc" && *n != "geocode");
        let expected: Vec<&str> = INFO_ORDER
            .iter()
            .copied()
            .filter(|n| *n != "areaDesc" && *n != "geocode")
            .collect();
        assert_eq!(names, expected, "elements of <info> for {lang}");
        // The Swedish (primary) translation's `alert:` decides the values for every language.
        assert_eq!(info.text_of("category"), "Health");
        assert_eq!(info.text_of("responseType"), "Execute");
        assert_eq!(info.text_of("urgency"), "Immediate");
        assert_eq!(info.text_of("severity"), "Severe");
        assert_eq!(info.text_of("certainty"), "Observed");
        assert_eq!(info.text_of("effective"), ALERT_SENT);
        assert_eq!(info.text_of("expires"), "2026-12-31T23:59:00+01:00");
        for t in [
            "event",
            "audience",
            "senderName",
            "headline",
            "description",
            "instruction",
        ] {
            assert!(!info.text_of(t).trim().is_empty(), "{lang}: empty <{t}>");
        }
        let description = info.text_of("description");
        assert!(
            !description.contains('<') && !description.contains("&amp;"),
            "{lang}: the description is not plain text:\n{description}"
        );
        assert!(
            description.contains("+46 31 390 06 55"),
            "{lang}: body text"
        );
        assert!(description.contains("\n- "), "{lang}: list items on lines");
        assert_eq!(
            info.text_of("web"),
            format!("{BASE}/{lang}/notices/{SLUG}/")
        );
        assert_eq!(info.text_of("contact"), "+46 31 390 06 00");
        let area = info.child("area");
        assert!(!area.text_of("areaDesc").is_empty());
        let geocode = area.child("geocode");
        assert_eq!(geocode.text_of("valueName"), "SE-kommunkod");
        assert_eq!(geocode.text_of("value"), "9999");
        assert_eq!(
            area.text_of("polygon"),
            "55.9412,12.7786 55.9687,12.8544 55.9301,12.9372 55.8846,12.8913 55.8978,12.7911 55.9412,12.7786"
        );
    }
    let by_lang = |l: &str| *infos.iter().find(|i| i.text_of("language") == l).unwrap();
    let sv = by_lang("sv");
    assert_eq!(
        sv.text_of("headline"),
        "Alla skolor och förskolor stängda från måndag 23 november"
    );
    assert_eq!(
        sv.text_of("event"),
        "Förorenat dricksvatten, skolor stängda"
    );
    assert_eq!(
        sv.text_of("audience"),
        "Vårdnadshavare och alla som får kommunalt vatten i Ekvik"
    );
    assert_eq!(sv.text_of("senderName"), "Ekviks kommun");
    assert_eq!(sv.child("area").text_of("areaDesc"), "Ekviks kommun");
    assert!(sv.text_of("description").starts_with(
        "Alla kommunala skolor, förskolor och fritidshem i Ekvik håller stängt från måndag 23 november"
    ));
    assert!(
        sv.text_of("description")
            .contains("Upplysningstelefon | +46 31 390 06 50 | Alla dagar kl. 7–20")
    );
    assert!(
        sv.text_of("description")
            .contains("(https://www.ekvik.example/sv/press/drinking-water-schools-closed/)")
    );
    assert!(sv.text_of("instruction").starts_with("Håll barnen hemma"));
    let ar = by_lang("ar");
    assert_eq!(ar.text_of("senderName"), "بلدية إيكفيك");
    // No area configured in Arabic: the organisation's name in Arabic.
    assert_eq!(ar.child("area").text_of("areaDesc"), "بلدية إيكفيك");
    assert!(ar.text_of("headline").starts_with("إغلاق جميع المدارس"));
    // Each language's event and audience are its own translation's.
    assert_eq!(ar.text_of("event"), "مياه شرب ملوثة وإغلاق المدارس");
    assert_eq!(
        by_lang("en").text_of("event"),
        "Contaminated drinking water, schools closed"
    );
    assert_eq!(
        by_lang("fi").text_of("audience"),
        "Huoltajat ja kaikki Ekvikin kunnallisen veden käyttäjät"
    );

    // The same message is kept under its identifier, so that references resolve.
    let versioned = read(&out, &format!("alerts/{SLUG}/{ALERT_ID}.xml"));
    assert_eq!(versioned, xml);
    // Normal notices are not alerted; important ones only when configured.
    assert!(!out.join("alerts/school-photography.xml").exists());
    assert!(!out.join("alerts/school-transport-roadworks.xml").exists());
}

#[test]
fn atom_index_lists_the_alert_in_force_and_links_its_cap_message() {
    let (_tmp, out) = build(&repo(), NOW);
    let raw = read(&out, "alerts/index.atom");
    let feed = atom(&out);
    assert_eq!(feed.id, format!("{BASE}/alerts/index.atom"));
    assert!(feed.title.is_some());
    assert!(feed.updated.is_some());
    assert_eq!(feed.entries.len(), 1, "{raw}");
    let entry = &feed.entries[0];
    assert_eq!(
        entry.title.as_ref().unwrap().content,
        "Alla skolor och förskolor stängda från måndag 23 november"
    );
    let cap = entry
        .links
        .iter()
        .find(|l| l.media_type.as_deref() == Some("application/cap+xml"))
        .expect("a link to the CAP message");
    assert_eq!(cap.href, format!("{BASE}/alerts/{SLUG}.xml"));
    assert_eq!(cap.rel.as_deref(), Some("alternate"));
    let path = cap.href.strip_prefix(BASE).unwrap().trim_start_matches('/');
    assert!(out.join(path).is_file(), "the linked CAP file exists");

    // The raw XML: an Atom 1.0 feed whose dates are RFC 3339.
    let root = parse(&raw);
    assert_eq!(root.name, "feed");
    assert_eq!(root.ns.as_deref(), Some("http://www.w3.org/2005/Atom"));
    assert_eq!(root.text_of("updated"), ALERT_SENT);
    let e = root.child("entry");
    assert_eq!(e.text_of("updated"), ALERT_SENT);
    assert!(
        e.all("link")
            .any(|l| l.attrs.get("type").map(String::as_str) == Some("application/cap+xml"))
    );
    assert!(root.child("author").text_of("name") == "Ekviks kommun");
}

#[test]
fn expired_alert_leaves_the_index_empty_but_keeps_its_message() {
    let (_tmp, out) = build(&repo(), "2027-01-05T12:00:00+01:00");
    let feed = atom(&out);
    assert!(feed.entries.is_empty(), "no alert is in force after expiry");
    assert_eq!(
        parse(&read(&out, "alerts/index.atom")).text_of("updated"),
        "2026-12-31T23:59:00+01:00",
        "the feed changed when the alert expired"
    );
    let alert = parse(&read(&out, &format!("alerts/{SLUG}.xml")));
    assert_eq!(alert.text_of("msgType"), "Alert");
}

#[test]
fn updated_notice_is_an_update_referencing_the_original_alert() {
    let site = site_copy();
    edit_notice(site.path(), "updated: 2026-11-22T10:15:00+01:00");
    let (_tmp, out) = build(site.path(), NOW);
    let file = out.join(format!("alerts/{SLUG}.xml"));
    assert_valid_cap(&file);
    let alert = parse(&read(&out, &format!("alerts/{SLUG}.xml")));
    assert_eq!(alert.text_of("msgType"), "Update");
    assert_eq!(alert.text_of("sent"), "2026-11-22T10:15:00+01:00");
    let id = "ekvik.example-schools-closed-water-20261122T091500Z";
    assert_eq!(alert.text_of("identifier"), id);
    assert_eq!(
        alert.text_of("references"),
        format!("{SENDER},{ALERT_ID},{ALERT_SENT}")
    );
    assert_eq!(alert.all("info").count(), 8);
    // Element order: references come after scope, before info.
    let mut order = alert.names();
    order.dedup();
    assert_eq!(
        order,
        [
            "identifier",
            "sender",
            "sent",
            "status",
            "msgType",
            "scope",
            "references",
            "info"
        ]
    );

    // The original alert still resolves, and so does the update under its identifier.
    let original_path = out.join(format!("alerts/{SLUG}/{ALERT_ID}.xml"));
    assert_valid_cap(&original_path);
    let original = parse(&read(&out, &format!("alerts/{SLUG}/{ALERT_ID}.xml")));
    assert_eq!(original.text_of("msgType"), "Alert");
    assert_eq!(original.text_of("sent"), ALERT_SENT);
    assert!(out.join(format!("alerts/{SLUG}/{id}.xml")).is_file());

    let feed = atom(&out);
    assert_eq!(feed.entries.len(), 1);
    assert_eq!(
        parse(&read(&out, "alerts/index.atom"))
            .child("entry")
            .text_of("updated"),
        "2026-11-22T10:15:00+01:00"
    );

    // An update later than the build's moment is not sent yet.
    let (_tmp2, before) = build(site.path(), "2026-11-22T09:00:00+01:00");
    let alert = parse(&read(&before, &format!("alerts/{SLUG}.xml")));
    assert_eq!(alert.text_of("msgType"), "Alert");
    assert!(!before.join(format!("alerts/{SLUG}/{id}.xml")).exists());
}

#[test]
fn ended_notice_is_a_cancel_referencing_the_latest_message() {
    // Ended after an update: the cancellation references the update.
    let site = site_copy();
    edit_notice(
        site.path(),
        "updated: 2026-11-22T10:15:00+01:00\nended: 2026-11-22T11:00:00+01:00",
    );
    let (_tmp, out) = build(site.path(), NOW);
    assert_valid_cap(&out.join(format!("alerts/{SLUG}.xml")));
    let alert = parse(&read(&out, &format!("alerts/{SLUG}.xml")));
    assert_eq!(alert.text_of("msgType"), "Cancel");
    assert_eq!(alert.text_of("sent"), "2026-11-22T11:00:00+01:00");
    assert_eq!(
        alert.text_of("identifier"),
        "ekvik.example-schools-closed-water-20261122T100000Z"
    );
    assert_eq!(
        alert.text_of("references"),
        format!(
            "{SENDER},ekvik.example-schools-closed-water-20261122T091500Z,2026-11-22T10:15:00+01:00"
        )
    );
    for id in [
        ALERT_ID,
        "ekvik.example-schools-closed-water-20261122T091500Z",
        "ekvik.example-schools-closed-water-20261122T100000Z",
    ] {
        let f = out.join(format!("alerts/{SLUG}/{id}.xml"));
        assert!(f.is_file(), "{id} is kept");
        assert_valid_cap(&f);
    }
    let feed = atom(&out);
    assert_eq!(
        feed.entries.len(),
        1,
        "an ended alert stays listed with its Cancel for a day"
    );
    assert_eq!(
        cap_link_title(&feed.entries[0]),
        "CAP Cancel",
        "the entry names its latest message"
    );

    // Ended without an update: the cancellation references the alert.
    let site = site_copy();
    edit_notice(site.path(), "ended: 2026-11-22T11:00:00+01:00");
    let (_tmp, out) = build(site.path(), NOW);
    let alert = parse(&read(&out, &format!("alerts/{SLUG}.xml")));
    assert_eq!(alert.text_of("msgType"), "Cancel");
    assert_eq!(
        alert.text_of("references"),
        format!("{SENDER},{ALERT_ID},{ALERT_SENT}")
    );
}

#[test]
fn notice_ended_before_it_was_published_is_an_error() {
    let site = site_copy();
    edit_notice(site.path(), "ended: 2026-11-22T07:00:00+01:00");
    let out = temp_dir();
    let o = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("build")
        .arg("--site")
        .arg(site.path())
        .arg("--output")
        .arg(out.path().join("public"))
        .args(["--now", NOW])
        .output()
        .expect("run anslag");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("2026-11-22-{SLUG}.sv.md"))
            && stderr.contains("ended")
            && stderr.contains("before it was published"),
        "{stderr}"
    );
    assert!(!out.path().join("public").exists(), "nothing is written");
}

#[test]
fn important_notices_are_alerted_when_configured() {
    let site = site_copy();
    let yaml = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
    assert!(yaml.contains("include_important: false"));
    std::fs::write(
        site.path().join("site.yaml"),
        yaml.replace("include_important: false", "include_important: true"),
    )
    .unwrap();
    let (_tmp, out) = build(site.path(), NOW);
    let file = out.join("alerts/school-transport-roadworks.xml");
    assert_valid_cap(&file);
    let alert = parse(&read(&out, "alerts/school-transport-roadworks.xml"));
    // The notice has `updated:`, so its current message is an update.
    assert_eq!(alert.text_of("msgType"), "Update");
    assert_eq!(alert.text_of("sent"), "2026-11-20T10:15:00+01:00");
    let infos: Vec<&Node> = alert.all("info").collect();
    assert_eq!(infos.len(), 8, "sv en ar fa so uk pl fi");
    for info in infos {
        // No `alert:` in the notice: `alerts.defaults`, then the defaults of its level.
        assert_eq!(info.text_of("category"), "Safety");
        assert_eq!(info.text_of("responseType"), "Monitor");
        assert_eq!(info.text_of("urgency"), "Expected");
        assert_eq!(info.text_of("severity"), "Moderate");
        assert_eq!(info.text_of("certainty"), "Likely");
        assert!(!info.text_of("audience").is_empty());
        assert!(info.child("area").all("polygon").count() == 1);
    }
    // Both are in force: the crisis comes first.
    let feed = atom(&out);
    assert_eq!(feed.entries.len(), 2);
    assert!(
        feed.entries[0]
            .links
            .iter()
            .any(|l| l.href.ends_with(&format!("/alerts/{SLUG}.xml")))
    );
}

#[test]
fn alerts_are_reproducible() {
    let (_a, one) = build(&repo(), NOW);
    let (_b, two) = build(&repo(), NOW);
    let files = |root: &Path| {
        let mut v = Vec::new();
        let mut stack = vec![root.join("alerts")];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    v.push((
                        p.strip_prefix(root).unwrap().to_path_buf(),
                        std::fs::read(&p).unwrap(),
                    ));
                }
            }
        }
        v.sort();
        v
    };
    let (a, b) = (files(&one), files(&two));
    assert!(a.len() >= 3, "alerts/index.atom and the messages: {a:?}");
    assert!(a == b, "two builds at the same moment differ");
}

/// One notice through time with a fixed clock: alerted, updated, cancelled, and a day after the
/// cancellation gone from the index and the API's list (its messages stay).
#[test]
fn an_alert_ends_visibly_and_leaves_the_lists_a_day_after() {
    let site = site_copy();
    edit_notice(
        site.path(),
        "updated: 2026-11-22T10:15:00+01:00\nended: 2026-11-22T14:00:00+01:00",
    );
    let steps = [
        ("2026-11-22T09:00:00+01:00", Some("CAP Alert"), true),
        ("2026-11-22T12:00:00+01:00", Some("CAP Update"), true),
        ("2026-11-22T14:00:00+01:00", Some("CAP Cancel"), false),
        ("2026-11-23T13:59:59+01:00", Some("CAP Cancel"), false),
        ("2026-11-23T14:00:00+01:00", None, false),
    ];
    for (now, listed, active) in steps {
        let (_tmp, out) = build(site.path(), now);
        let feed = atom(&out);
        let api = api_alerts(&out);
        match listed {
            Some(title) => {
                assert_eq!(feed.entries.len(), 1, "listed at {now}");
                assert_eq!(cap_link_title(&feed.entries[0]), title, "at {now}");
                assert_eq!(api.len(), 1, "in the API's list at {now}");
                assert_eq!(api[0].0, SLUG);
                assert_eq!(api[0].1, active, "active at {now}");
                assert_eq!(
                    api[0].2.as_deref(),
                    (!active).then_some("2026-11-22T14:00:00+01:00"),
                    "ended at {now}"
                );
            }
            None => {
                assert!(feed.entries.is_empty(), "gone from the index at {now}");
                assert!(api.is_empty(), "gone from the API's list at {now}");
                assert_eq!(
                    parse(&read(&out, "alerts/index.atom")).text_of("updated"),
                    "2026-11-23T14:00:00+01:00",
                    "the index changed when the alert left it"
                );
                let alert = parse(&read(&out, &format!("alerts/{SLUG}.xml")));
                assert_eq!(alert.text_of("msgType"), "Cancel", "the message stays");
            }
        }
    }
}

/// An alert that simply expires is listed until `expires` and not a moment longer.
#[test]
fn an_expired_alert_drops_out_at_its_expiry() {
    for (now, listed) in [
        ("2026-12-31T23:58:59+01:00", true),
        ("2026-12-31T23:59:00+01:00", false),
    ] {
        let (_tmp, out) = build(&repo(), now);
        assert_eq!(atom(&out).entries.len(), usize::from(listed), "at {now}");
        assert_eq!(api_alerts(&out).len(), usize::from(listed), "API at {now}");
    }
}

/// A withdrawn crisis notice is cancelled at its withdrawal, referencing its latest message.
#[test]
fn a_withdrawn_crisis_notice_is_cancelled() {
    let site = site_copy();
    for lang in LANGS {
        // Each translation gives the reason in its language; the test needs only the date.
        edit_notice_one(
            site.path(),
            lang,
            &format!(
                "withdrawn: {{ date: 2026-11-22T13:00:00+01:00, reason: \"Reason in {lang}.\" }}"
            ),
        );
    }
    let (_tmp, before) = build(site.path(), NOW);
    let alert = parse(&read(&before, &format!("alerts/{SLUG}.xml")));
    assert_eq!(alert.text_of("msgType"), "Alert", "not withdrawn yet");

    let (_tmp, out) = build(site.path(), "2026-11-22T13:30:00+01:00");
    assert_valid_cap(&out.join(format!("alerts/{SLUG}.xml")));
    let alert = parse(&read(&out, &format!("alerts/{SLUG}.xml")));
    assert_eq!(alert.text_of("msgType"), "Cancel");
    assert_eq!(alert.text_of("sent"), "2026-11-22T13:00:00+01:00");
    assert_eq!(
        alert.text_of("references"),
        format!("{SENDER},{ALERT_ID},{ALERT_SENT}")
    );
    let feed = atom(&out);
    assert_eq!(feed.entries.len(), 1);
    assert_eq!(cap_link_title(&feed.entries[0]), "CAP Cancel");
    assert!(!api_alerts(&out)[0].1, "not in force");
}

/// Adds front-matter lines after the `date:` line of one translation of the crisis notice.
fn edit_notice_one(site: &Path, lang: &str, lines: &str) {
    let path = site
        .join("content/notices")
        .join(format!("2026-11-22-{SLUG}.{lang}.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    let (head, tail) = text.split_once("\ndate: ").expect("a date line");
    let (date, rest) = tail.split_once('\n').unwrap();
    std::fs::write(&path, format!("{head}\ndate: {date}\n{lines}\n{rest}")).unwrap();
}

// ---------------------------------------------------------------------------------------------
// What aggregators (Google Public Alerts and the like) ask beyond the schema

/// Every message of `out` checked against the aggregators' rules: the time fields they read,
/// one `<info>` per language, nothing `Unknown`, a specific event, a response, an audience, and
/// an area they can place (a polygon of at most six decimals, or a geocode).
fn assert_aggregator_rules(out: &Path) {
    let mut checked = 0;
    let mut paths = Vec::new();
    let mut dirs = vec![out.join("alerts")];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "xml") {
                paths.push(path);
            }
        }
    }
    for path in paths {
        let alert = parse(&std::fs::read_to_string(&path).unwrap());
        let name = path.display();
        let infos: Vec<&Node> = alert.all("info").collect();
        let mut langs: Vec<&str> = infos.iter().map(|i| i.text_of("language")).collect();
        let count = langs.len();
        langs.sort_unstable();
        langs.dedup();
        assert_eq!(langs.len(), count, "{name}: one <info> per language");
        for info in infos {
            let lang = info.text_of("language");
            for key in ["urgency", "severity", "certainty"] {
                assert_ne!(info.text_of(key), "Unknown", "{name} {lang}: {key}");
            }
            for key in [
                "expires",
                "description",
                "responseType",
                "audience",
                "event",
            ] {
                assert!(
                    !info.text_of(key).trim().is_empty(),
                    "{name} {lang}: no <{key}>"
                );
            }
            assert_ne!(info.text_of("category"), "Other", "{name} {lang}");
            // Not the generic word for the notice's level ("Krismeddelande", "Crisis message").
            let generic = [
                "Krismeddelande",
                "Crisis message",
                "رسالة طوارئ",
                "پیام اضطراری",
                "Fariin degdeg ah",
                "Кризове повідомлення",
                "Komunikat kryzysowy",
                "Kriisitiedote",
            ];
            assert!(
                !generic.contains(&info.text_of("event")),
                "{name} {lang}: generic event `{}`",
                info.text_of("event")
            );
            let area = info.child("area");
            assert!(!area.text_of("areaDesc").is_empty());
            assert!(
                area.all("polygon").count() + area.all("geocode").count() > 0,
                "{name} {lang}: an area without polygon or geocode"
            );
            for polygon in area.all("polygon") {
                let points: Vec<&str> = polygon.text.split(' ').collect();
                assert!(points.len() >= 4, "{name}: {}", polygon.text);
                assert_eq!(points.first(), points.last(), "{name}: a closed ring");
                for coordinate in points.iter().flat_map(|p| p.split(',')) {
                    let decimals = coordinate.split_once('.').map_or(0, |(_, d)| d.len());
                    assert!(
                        decimals <= 6,
                        "{name}: {coordinate} has {decimals} decimals"
                    );
                    coordinate.parse::<f64>().expect("a number");
                }
            }
        }
        checked += 1;
    }
    // The current message and its copy under its identifier, at least.
    assert!(checked >= 2, "only {checked} messages");
}

#[test]
fn the_example_alert_meets_the_aggregators_rules() {
    let (_tmp, out) = build(&repo(), NOW);
    assert_aggregator_rules(&out);
    let infos = parse(&read(&out, &format!("alerts/{SLUG}.xml")));
    assert_eq!(infos.all("info").count(), 8);
}

/// Replaces `from` by `to` in a file of the site, which must contain it.
fn replace_in(site: &Path, rel: &str, from: &str, to: &str) {
    let path = site.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn notice_file(lang: &str) -> String {
    format!("content/notices/2026-11-22-{SLUG}.{lang}.md")
}

/// A notice with its own area: its polygon (written with more decimals than CAP needs, rounded
/// to six) and description in every language, the site's area nowhere.
#[test]
fn a_notice_gives_its_own_area() {
    let site = site_copy();
    for (lang, description) in [("sv", "Hamnen"), ("en", "The harbour")] {
        replace_in(
            site.path(),
            &notice_file(lang),
            "alert:\n",
            &format!(
                "alert:\n  area:\n    description: {description}\n    polygon: [[55.91, 12.80], [55.92, 12.8012345678], [55.915, 12.81], [55.91, 12.80]]\n"
            ),
        );
    }
    let (_tmp, out) = build(site.path(), NOW);
    assert_valid_cap(&out.join(format!("alerts/{SLUG}.xml")));
    assert_aggregator_rules(&out);
    let alert = parse(&read(&out, &format!("alerts/{SLUG}.xml")));
    for info in alert.all("info") {
        let lang = info.text_of("language");
        let area = info.child("area");
        assert_eq!(
            area.text_of("polygon"),
            "55.91,12.8 55.92,12.801235 55.915,12.81 55.91,12.8",
            "{lang}"
        );
        assert_eq!(
            area.all("geocode").count(),
            0,
            "{lang}: not the site's area"
        );
        let expected = match lang {
            "en" => "The harbour",
            // Described only in Swedish and English: the primary translation's words.
            _ => "Hamnen",
        };
        assert_eq!(area.text_of("areaDesc"), expected, "{lang}");
    }
}

/// Runs a build of `site` that must fail, and returns what it printed.
fn failing_build(site: &Path) -> String {
    let out = temp_dir();
    let o = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("build")
        .arg("--site")
        .arg(site)
        .arg("--output")
        .arg(out.path().join("public"))
        .args(["--now", NOW])
        .output()
        .expect("run anslag");
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(!out.path().join("public").exists(), "nothing is written");
    stderr
}

#[test]
fn an_unknown_severity_is_an_error_at_its_line() {
    let site = site_copy();
    replace_in(
        site.path(),
        &notice_file("sv"),
        "severity: Severe",
        "severity: Unknown",
    );
    let stderr = failing_build(site.path());
    let line = std::fs::read_to_string(site.path().join(notice_file("sv")))
        .unwrap()
        .lines()
        .position(|l| l.contains("severity: Unknown"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("{}:{line}:", notice_file("sv"))),
        "{stderr}"
    );
    assert!(stderr.contains("unknown value `Unknown`"), "{stderr}");
    assert!(
        stderr.contains("Extreme, Severe, Moderate, Minor"),
        "{stderr}"
    );
}

#[test]
fn an_open_polygon_in_site_yaml_is_an_error() {
    let site = site_copy();
    replace_in(
        site.path(),
        "site.yaml",
        "      - [55.8978, 12.7911]\n      - [55.9412, 12.7786]\n",
        "      - [55.8978, 12.7911]\n",
    );
    let stderr = failing_build(site.path());
    assert!(
        stderr.contains("alerts.area: the polygon is not closed"),
        "{stderr}"
    );
    assert!(stderr.contains("site.yaml:"), "{stderr}");
    assert!(stderr.contains("closed ring"), "{stderr}");
}

#[test]
fn a_translation_that_contradicts_the_alert_is_an_error() {
    let site = site_copy();
    replace_in(
        site.path(),
        &notice_file("ar"),
        "alert:\n",
        "alert:\n  severity: Extreme\n",
    );
    let stderr = failing_build(site.path());
    assert!(stderr.contains(&notice_file("ar")), "{stderr}");
    assert!(
        stderr.contains("alert.severity is `Extreme` here but `Severe` in the sv translation"),
        "{stderr}"
    );
}

#[test]
fn a_normal_notice_cannot_have_an_alert() {
    let site = site_copy();
    let file = "content/notices/2026-11-05-school-photography.sv.md";
    replace_in(
        site.path(),
        file,
        "\n---\n",
        "\nalert: { event: Skolfoto }\n---\n",
    );
    let stderr = failing_build(site.path());
    assert!(stderr.contains(file), "{stderr}");
    assert!(
        stderr.contains("`alert:` is for crisis and important notices"),
        "{stderr}"
    );
}

/// A translation without `alert.event` gets `alerts.defaults.event` in its language, else the
/// locale's word, never another language's event; `anslag check` warns of the generic word.
#[test]
fn an_event_left_out_falls_back_in_the_same_language_and_check_warns() {
    let site = site_copy();
    for lang in ["fi", "pl"] {
        let path = site.path().join(notice_file(lang));
        let text = std::fs::read_to_string(&path).unwrap();
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with("  event: "))
            .collect();
        std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    }
    replace_in(
        site.path(),
        "site.yaml",
        "  defaults:\n",
        "  defaults:\n    event: { pl: Zagrożenie dla zdrowia }\n",
    );
    let (_tmp, out) = build(site.path(), NOW);
    let alert = parse(&read(&out, &format!("alerts/{SLUG}.xml")));
    let event = |lang: &str| {
        alert
            .all("info")
            .find(|i| i.text_of("language") == lang)
            .unwrap()
            .text_of("event")
            .to_owned()
    };
    assert_eq!(event("fi"), "Kriisitiedote");
    assert_eq!(event("pl"), "Zagrożenie dla zdrowia");
    assert_eq!(event("sv"), "Förorenat dricksvatten, skolor stängda");

    let o = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.path())
        .args(["--now", NOW, "check"])
        .output()
        .expect("run anslag check");
    let report =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    let warned: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("warning[alert-event-generic]"))
        .collect();
    assert_eq!(warned.len(), 1, "{report}");
    assert!(warned[0].contains(" in fi "), "{report}");
    assert!(
        report.contains(&format!("{}:9:1", notice_file("fi"))),
        "{report}"
    );
}
