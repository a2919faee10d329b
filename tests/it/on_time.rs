//! Every scheduled change happens at the moment `anslag schedule` says, in everything the build
//! writes: an embargo lifting, a crisis notice expiring, one ended early, minutes coming onto
//! the official notice board and leaving it. Each test takes the moment from
//! `anslag schedule --format json`, builds the same site a second before it and at it (the
//! fixed clock, `--now`), and looks at what changed: pages, lists, feeds, the sitemap, the API,
//! the crisis banner on every page, the notice board.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::common::{NOW, TestSite, build, hrefs, html_files, page, select, text};

const BASE: &str = "https://test.example";

/// The minimal site with a change of each kind ahead of [`NOW`]: a press release under embargo,
/// a crisis notice ended before it expires, and the minutes posted on the notice board later
/// (the site's own crisis notice expires too).
fn site() -> TestSite {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/press/2026-12-01-ny-skolgard.sv.md",
        "---\ntitle: Ekskolan får en ny skolgård\ndate: 2026-12-01T09:00:00+01:00\nsummary: Skolgården byggs om under våren.\ntopics: [ekskolan]\n---\nSkolgården byggs om.\n",
    );
    site.write(
        "content/notices/2026-11-21-storm.sv.md",
        "---\ntitle: Stormen stoppar skolskjutsarna\ndate: 2026-11-21T08:00:00+01:00\nsummary: Inga skolskjutsar går under stormen.\ntopics: [ekskolan]\nurgency: crisis\nexpires: 2026-12-20T18:00:00+01:00\nended: 2026-11-25T15:00:00+01:00\n---\nStormen gör vägarna farliga.\n",
    );
    site.edit(
        "content/minutes/2026-11-10-styrelsen.sv.md",
        "posted: 2026-11-13",
        "posted: 2026-11-24",
    );
    site
}

/// The moment `anslag schedule` gives for `what` of `document` (`kind/slug`), seen at [`NOW`].
fn moment(site: &TestSite, what: &str, document: &str) -> DateTime<FixedOffset> {
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["--now", NOW, "schedule", "--format", "json"])
        .output()
        .expect("run anslag schedule");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let schedule: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let change = schedule["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["what"] == what && c["document"] == document)
        .unwrap_or_else(|| panic!("the schedule has no {what} of {document}: {schedule}"));
    DateTime::parse_from_rfc3339(change["at"].as_str().unwrap()).unwrap()
}

/// The site built a second before `at` and at `at` (with `extra` flags): the two output
/// folders.
fn around(site: &TestSite, at: DateTime<FixedOffset>, extra: &[&str]) -> (PathBuf, PathBuf) {
    let tag = extra.join("");
    let before = site.tmp.path().join(format!("before{tag}"));
    let after = site.tmp.path().join(format!("after{tag}"));
    for (out, now) in [(&before, at - TimeDelta::seconds(1)), (&after, at)] {
        let now = now.to_rfc3339();
        let mut args = vec!["--now", now.as_str()];
        args.extend(extra);
        build(&site.root(), out, &args).assert_ok();
    }
    (before, after)
}

fn json(out: &Path, rel: &str) -> serde_json::Value {
    let path = out.join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap()
}

/// The links of the entries of a feed (RSS, Atom or JSON Feed), read by feed-rs.
fn feed_links(out: &Path, rel: &str) -> BTreeSet<String> {
    let bytes = std::fs::read(out.join(rel)).unwrap();
    let feed = feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{rel}: {e}"));
    feed.entries
        .iter()
        .flat_map(|e| e.links.iter().map(|l| l.href.clone()))
        .collect()
}

/// The `<loc>`s of `sitemap.xml`.
fn sitemap_locs(out: &Path) -> BTreeSet<String> {
    use quick_xml::events::Event;
    let xml = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut locs, mut in_loc) = (BTreeSet::new(), false);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => in_loc = e.name().as_ref() == b"loc",
            Event::Text(t) if in_loc => {
                locs.insert(t.decode().unwrap().into_owned());
            }
            Event::End(_) => in_loc = false,
            Event::Eof => break,
            _ => {}
        }
    }
    locs
}

/// Where a Swedish document of `kind` appears in the output: its page, its kind's list, the
/// language's three feeds, the sitemap, its API file and its kind's API list.
fn where_published(out: &Path, kind: &str, slug: &str) -> Vec<&'static str> {
    let url = format!("/sv/{kind}/{slug}/");
    let absolute = format!("{BASE}{url}");
    let mut found = Vec::new();
    if out.join(format!("sv/{kind}/{slug}/index.html")).is_file() {
        found.push("page");
    }
    if hrefs(&page(out, &format!("sv/{kind}/index.html")), "main a").contains(&url) {
        found.push("list");
    }
    for (feed, name) in [
        ("sv/feed.xml", "rss"),
        ("sv/atom.xml", "atom"),
        ("sv/feed.json", "json feed"),
    ] {
        if feed_links(out, feed).contains(&absolute) {
            found.push(name);
        }
    }
    if sitemap_locs(out).contains(&absolute) {
        found.push("sitemap");
    }
    if out
        .join(format!("api/v1/documents/{kind}/{slug}/sv.json"))
        .is_file()
    {
        found.push("api document");
    }
    let list = json(out, &format!("api/v1/sv/{kind}.json"));
    if list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["slug"] == slug)
    {
        found.push("api list");
    }
    found
}

const EVERYWHERE: [&str; 8] = [
    "page",
    "list",
    "rss",
    "atom",
    "json feed",
    "sitemap",
    "api document",
    "api list",
];

#[test]
fn an_embargoed_press_release_appears_everywhere_at_its_date() {
    let site = site();
    let at = moment(&site, "published", "press/ny-skolgard");
    assert_eq!(at.to_rfc3339(), "2026-12-01T09:00:00+01:00");
    let (before, after) = around(&site, at, &[]);
    assert_eq!(
        where_published(&before, "press", "ny-skolgard"),
        [] as [&str; 0]
    );
    assert_eq!(where_published(&after, "press", "ny-skolgard"), EVERYWHERE);

    // A build with drafts shows it before, marked as under embargo; at its date the mark goes.
    let (before, after) = around(&site, at, &["--drafts"]);
    let status = |out: &Path| -> Vec<String> {
        let doc = page(out, "sv/press/ny-skolgard/index.html");
        select(&doc, ".status").into_iter().map(text).collect()
    };
    let marked = status(&before);
    assert!(
        marked.iter().any(|s| s.starts_with("Under embargo till")),
        "{marked:?}"
    );
    assert_eq!(status(&after), [] as [String; 0]);
}

/// How many pages of the site there are, and how many show a crisis banner that leads to
/// the notice `slug`.
/// Counts the pages other than the notice's own (there the notice itself stands in for its
/// banner) and those of them whose banner leads to the notice.
fn banners(out: &Path, slug: &str) -> (usize, usize) {
    let leads = format!("/notices/{slug}/");
    let own = format!("notices/{slug}/");
    let pages: Vec<_> = html_files(out)
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains(&own))
        .collect();
    let with = pages
        .iter()
        .filter(|p| {
            let doc = page(out, &p.to_string_lossy());
            select(&doc, "section.crisis-banner a")
                .into_iter()
                .any(|a| a.value().attr("href").is_some_and(|h| h.contains(&leads)))
        })
        .count();
    (pages.len(), with)
}

/// Whether the notice `slug` is among the alerts in force: the Atom index of alerts and the
/// API's alerts.
fn alerted(out: &Path, slug: &str) -> (bool, bool) {
    let cap = format!("{BASE}/alerts/{slug}.xml");
    let api = json(out, "api/v1/alerts.json");
    (
        feed_links(out, "alerts/index.atom").contains(&cap),
        api["alerts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["slug"] == slug),
    )
}

/// The crisis banner is on every page of every language a second before `at` and on none at
/// it; the alert is in force, then not.
/// An expired alert leaves the alert lists at `at`; one ended early stays there with its
/// `Cancel` (for a day, tested in tests/it/cap.rs), so that aggregators see it end.
fn assert_crisis_ends(site: &TestSite, at: DateTime<FixedOffset>, slug: &str, ended: bool) {
    let (before, after) = around(site, at, &[]);
    let (pages, with) = banners(&before, slug);
    assert!(pages > 30, "only {pages} pages");
    assert_eq!(with, pages, "a second before, every page has the banner");
    assert_eq!(banners(&after, slug), (pages, 0), "at the moment, none has");
    assert_eq!(alerted(&before, slug), (true, true));
    assert_eq!(alerted(&after, slug), (ended, ended));
    if ended {
        let cap = std::fs::read_to_string(after.join(format!("alerts/{slug}.xml"))).unwrap();
        assert!(cap.contains("<msgType>Cancel</msgType>"), "{cap}");
    }
    // The notice itself stays published.
    assert!(
        after
            .join(format!("sv/notices/{slug}/index.html"))
            .is_file()
    );
}

#[test]
fn a_crisis_notice_leaves_every_page_when_it_expires() {
    let site = site();
    let at = moment(&site, "expires", "notices/water-outage");
    assert_eq!(at.to_rfc3339(), "2026-12-31T18:00:00+01:00");
    assert_crisis_ends(&site, at, "water-outage", false);
}

#[test]
fn a_crisis_notice_leaves_every_page_when_it_is_ended() {
    let site = site();
    let at = moment(&site, "ends", "notices/storm");
    assert_eq!(at.to_rfc3339(), "2026-11-25T15:00:00+01:00");
    assert_crisis_ends(&site, at, "storm", true);
}

/// Whether the minutes are on the notice board: its page (in Swedish) and the API's.
fn on_the_board(out: &Path) -> (bool, bool) {
    let board = hrefs(&page(out, "sv/notice-board/index.html"), "main a");
    let api = json(out, "api/v1/notice-board.json");
    (
        board.contains(&"/sv/minutes/styrelsen/".to_owned()),
        api["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["minutes"]["slug"] == "styrelsen"),
    )
}

#[test]
fn minutes_come_onto_the_notice_board_on_the_day_they_are_posted() {
    let site = site();
    let at = moment(&site, "on-notice-board", "minutes/styrelsen");
    assert_eq!(at.to_rfc3339(), "2026-11-24T00:00:00+01:00");
    let (before, after) = around(&site, at, &[]);
    assert_eq!(on_the_board(&before), (false, false));
    assert_eq!(on_the_board(&after), (true, true));
}

#[test]
fn minutes_leave_the_notice_board_after_the_last_day_of_appeal() {
    let site = site();
    let at = moment(&site, "off-notice-board", "minutes/styrelsen");
    // Posted 2026-11-24, 21 days of appeal: 2026-12-15 is the last day.
    assert_eq!(at.to_rfc3339(), "2026-12-16T00:00:00+01:00");
    let (before, after) = around(&site, at, &[]);
    assert_eq!(on_the_board(&before), (true, true));
    assert_eq!(on_the_board(&after), (false, false));
    // The minutes stay published.
    assert!(after.join("sv/minutes/styrelsen/index.html").is_file());
}
