//! `anslag serve`: the real program on a copy of the example site, driven over HTTP. An edit
//! shows up within a bounded time, only what it affects is written again, and a broken edit
//! shows its error while the last good build stays served.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

use crate::common::*;

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .args([
            "--site",
            &site.to_string_lossy(),
            "serve",
            "--listen",
            "127.0.0.1:0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start anslag serve");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://").nth(1) {
                let addr = rest.split('/').next().unwrap_or_default().to_owned();
                let _ = tx.send(format!("http://{addr}"));
            }
        }
    });
    let base = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server announces its address");
    Server { child, base }
}

fn get(url: &str) -> (u16, String) {
    let r = reqwest::blocking::get(url).expect("request");
    (r.status().as_u16(), r.text().unwrap_or_default())
}

/// Polls `url` until its body satisfies `pred`; panics saying `what` after `limit`.
fn wait_for(url: &str, limit: Duration, what: &str, pred: impl Fn(&str) -> bool) {
    wait_until(limit, what, || pred(&get(url).1));
}

fn mtime(p: &Path) -> SystemTime {
    std::fs::metadata(p)
        .and_then(|m| m.modified())
        .expect("file exists")
}

#[test]
fn edits_show_up_and_only_affected_files_are_rewritten() {
    let site = TestSite::example();
    let server = start(&site.root());
    let preview = site.root().join(".anslag/preview");

    let page = format!("{}/sv/notices/school-photography/", server.base);
    let (status, body) = get(&page);
    assert_eq!(status, 200);
    assert!(
        body.contains("/__anslag/reload.js"),
        "the reload script is added"
    );
    assert!(
        body.contains("script-src 'self'"),
        "and allowed by the page's policy"
    );
    // The embargoed press release is shown in the preview, marked as such.
    let (status, embargoed) = get(&format!("{}/sv/press/elevenkat-2026/", server.base));
    assert_eq!(status, 200);
    assert!(
        embargoed.contains("class=\"status\""),
        "marked as embargoed"
    );

    // The untouched page's time stamp set far back: written again, it would be now, whatever
    // the grain of the file system's time stamps.
    let untouched = preview.join("sv/press/elevhalsan-forstarks/index.html");
    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&untouched)
        .and_then(|f| f.set_modified(long_ago))
        .expect("set the page's time stamp");
    let before = mtime(&untouched);
    assert_eq!(before, long_ago);

    site.edit(
        "content/notices/2026-11-05-school-photography.sv.md",
        "title: Skolfotografering",
        "title: Ny fotodag för skolfoto",
    );
    wait_for(
        &page,
        Duration::from_secs(20),
        "the edit shows up on the page",
        |b| b.contains("Ny fotodag för skolfoto"),
    );
    // The list that contains it changed too, and the untouched document's page was not rewritten.
    let (_, list) = get(&format!("{}/sv/notices/", server.base));
    assert!(list.contains("Ny fotodag för skolfoto"));
    assert_eq!(
        mtime(&untouched),
        before,
        "an untouched document's page is not written again"
    );
}

#[test]
fn a_broken_edit_shows_the_error_and_keeps_the_last_good_build() {
    let site = TestSite::example();
    let server = start(&site.root());
    let page = format!("{}/sv/notices/school-photography/", server.base);
    let (_, good) = get(&page);
    assert!(good.contains("<h1>"));

    site.edit(
        "content/notices/2026-11-05-school-photography.sv.md",
        "title:",
        "titel:",
    );
    wait_for(
        &page,
        Duration::from_secs(20),
        "the error is shown on the page",
        |b| b.contains("anslag-build-error"),
    );
    let (status, body) = get(&page);
    assert_eq!(status, 200, "the last good build is still served");
    assert!(
        body.contains("unknown key `titel`")
            && body.contains("2026-11-05-school-photography.sv.md"),
        "{body}"
    );
    assert!(body.contains("<h1>Skolfotografering"), "with its content");

    site.edit(
        "content/notices/2026-11-05-school-photography.sv.md",
        "titel:",
        "title:",
    );
    wait_for(
        &page,
        Duration::from_secs(20),
        "fixing the file clears the error",
        |b| !b.contains("anslag-build-error"),
    );
}

#[test]
fn paths_outside_the_preview_are_refused() {
    let site = TestSite::example();
    let server = start(&site.root());
    let (status, body) = get(&format!("{}/..%2f..%2fsite.yaml", server.base));
    assert_eq!(status, 404);
    assert!(!body.contains("base_url"));
}

/// The preview keeps time: an embargo that lifts while `anslag serve` runs, with nothing
/// edited, is gone from the page within a few seconds of its moment.
#[test]
fn an_embargo_lifts_in_the_preview_at_its_moment() {
    let site = TestSite::fixture("minimal");
    let at = chrono::Utc::now() + chrono::Duration::seconds(3);
    let doc = format!(
        "---\ntitle: Nytt bibliotek\ndate: {}\nsummary: Biblioteket öppnar.\n---\nBiblioteket öppnar i december.\n",
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    std::fs::write(
        site.root().join("content/press/2026-12-01-bibliotek.sv.md"),
        doc,
    )
    .unwrap();
    let server = start(&site.root());
    let page = format!("{}/sv/press/bibliotek/", server.base);
    let (status, body) = get(&page);
    assert_eq!(status, 200);
    assert!(body.contains("Under embargo"), "{body}");
    // Deadline: 5 s after the embargo's moment.
    let limit = (at - chrono::Utc::now()).to_std().unwrap_or_default() + Duration::from_secs(5);
    wait_for(&page, limit, "the embargo to lift in the preview", |b| {
        b.contains("Biblioteket öppnar") && !b.contains("Under embargo")
    });
}
