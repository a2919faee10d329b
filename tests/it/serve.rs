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
    /// The lines it prints after its address.
    lines: std::sync::mpsc::Receiver<String>,
}

impl Server {
    /// Waits until the first build is done (it says how long it took).
    fn built(&self) {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(60))
                .expect("the first build ends");
            if line.starts_with("Rebuilt in") {
                return;
            }
        }
    }
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
            let _ = tx.send(line);
        }
    });
    let base = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the server announces its address");
        if let Some(rest) = line.split("http://").nth(1) {
            break format!("http://{}", rest.split('/').next().unwrap_or_default());
        }
    };
    Server {
        child,
        base,
        lines: rx,
    }
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

    server.built();
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

const PHOTO: &str = "content/notices/2026-11-05-school-photography.sv.md";

/// The Swedish school photography notice with `body` as its text.
fn photo_notice(site: &TestSite, body: &str) -> String {
    let text = site.read(PHOTO);
    let end = text[3..].find("\n---\n").expect("front matter") + 3 + "\n---\n".len();
    format!("{}{body}\n", &text[..end])
}

/// A request made while the first build runs, for a page it has not written yet, gets the
/// page when it is written (the server answers before the build is done).
#[test]
fn a_page_asked_for_during_the_first_build_is_waited_for() {
    let site = TestSite::example();
    let server = start(&site.root());
    let (status, body) = get(&format!("{}/sv/notices/school-photography/", server.base));
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("<h1>Skolfotografering"), "{body}");
    // A page that is no part of the site is still 404, once the build is done.
    let (status, _) = get(&format!("{}/sv/no-such-page/", server.base));
    assert_eq!(status, 404);
}

/// Twenty writes in a row, faster than a rebuild: the page ends with the last.
#[test]
fn a_burst_of_writes_ends_with_the_last_one_served() {
    let site = TestSite::example();
    let server = start(&site.root());
    let page = format!("{}/sv/notices/school-photography/", server.base);
    assert_eq!(get(&page).0, 200);
    for i in 1..=20 {
        site.write(
            PHOTO,
            photo_notice(&site, &format!("Skriven gång nummer{i:02}.")),
        );
    }
    wait_for(
        &page,
        Duration::from_secs(20),
        "the last write to show",
        |b| b.contains("nummer20"),
    );
    // And it stays: no rebuild of an earlier write comes after.
    let (_, body) = get(&page);
    assert!(body.contains("nummer20") && !body.contains("nummer19"));
}

/// An editor's atomic save: vim's probe file, a temporary file written and renamed over the
/// document.
#[test]
fn an_atomic_save_shows_up() {
    let site = TestSite::example();
    let server = start(&site.root());
    let page = format!("{}/sv/notices/school-photography/", server.base);
    assert_eq!(get(&page).0, 200);
    let probe = site.path("content/notices/4913");
    std::fs::write(&probe, "").unwrap();
    std::fs::remove_file(&probe).unwrap();
    // As JetBrains editors name it: a name the site would take for an attachment, if it stayed.
    let tmp = site.path("content/notices/2026-11-05-school-photography.sv.md___jb_tmp___");
    std::fs::write(&tmp, photo_notice(&site, "Sparad som en editor sparar.")).unwrap();
    std::fs::rename(&tmp, site.path(PHOTO)).unwrap();
    wait_for(
        &page,
        Duration::from_secs(20),
        "the saved text to show",
        |b| b.contains("Sparad som en editor sparar."),
    );
}

/// The preview a serve leaves is served by the next at once, even while its first build
/// fails; once the site builds, the preview is made right: what the site no longer has is
/// removed, and without the record of what the preview holds (a serve killed half-way) every
/// file is written again.
#[test]
fn the_last_preview_is_served_at_once_and_then_made_right() {
    let site = TestSite::example();
    let preview = site.root().join(".anslag/preview");
    let gone = "sv/press/elevhalsan-forstarks/index.html";
    {
        let server = start(&site.root());
        assert_eq!(get(&format!("{}/{gone}", server.base)).0, 200);
        wait_until(Duration::from_secs(20), "the preview's record", || {
            site.root().join(".anslag/.preview.manifest").exists()
        });
    }
    // While no serve runs: a document removed, another broken, a file in the preview the site
    // never had.
    site.remove("content/press/2026-10-20-elevhalsan-forstarks.sv.md");
    site.edit(PHOTO, "title:", "titel:");
    std::fs::write(preview.join("stale.html"), "<p>stale</p>").unwrap();

    let server = start(&site.root());
    let page = format!("{}/sv/notices/school-photography/", server.base);
    let (status, body) = get(&page);
    assert_eq!(status, 200, "the last preview is served: {body}");
    assert!(body.contains("<h1>Skolfotografering"), "{body}");
    wait_for(
        &page,
        Duration::from_secs(20),
        "the build's error on the page",
        |b| b.contains("anslag-build-error"),
    );
    assert_eq!(
        get(&format!("{}/{gone}", server.base)).0,
        200,
        "kept while it fails"
    );

    site.edit(PHOTO, "titel:", "title:");
    wait_for(&page, Duration::from_secs(20), "a good build", |b| {
        !b.contains("anslag-build-error")
    });
    assert!(
        !preview.join(gone).exists(),
        "a page the site no longer has is removed"
    );
    assert!(
        !preview.join("stale.html").exists(),
        "so is a file it never had"
    );
    assert_eq!(get(&format!("{}/{gone}", server.base)).0, 404);
    wait_until(Duration::from_secs(5), "the record", || {
        site.root().join(".anslag/.preview.manifest").exists()
    });
    drop(server);

    // A serve killed half-way leaves no record: then no file of the preview is trusted.
    std::fs::remove_file(site.root().join(".anslag/.preview.manifest")).unwrap();
    let own = preview.join("sv/notices/school-photography/index.html");
    std::fs::write(&own, "<p>half-written</p>").unwrap();
    let server = start(&site.root());
    let page = format!("{}/sv/notices/school-photography/", server.base);
    wait_for(
        &page,
        Duration::from_secs(20),
        "the page written again",
        |b| b.contains("<h1>Skolfotografering"),
    );
}
