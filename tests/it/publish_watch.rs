//! Publishing that keeps time (issue 15, items 2 and 3): `anslag publish --watch` publishes an
//! embargoed document within seconds of its moment on the real clock, holds the publish lock
//! while it runs, stops cleanly on SIGTERM with nothing queued lost; `anslag publish` with
//! nothing to do writes nothing, and does its work again when anything changed or fell due.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use chrono::{SecondsFormat, Utc};

use crate::common::mail::{STORE, outbox_states, subscribe};
use crate::common::smtp::SmtpServer;
use crate::common::{NOW, TestSite, wait_until};
use anslag::mail::Frequency;

fn anslag(site: &TestSite) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_anslag"));
    c.arg("--site").arg(site.root());
    c
}

/// A running `anslag publish --watch`, killed if the test fails before it stops it.
struct Running(Option<Child>);

impl Running {
    fn id(&self) -> u32 {
        self.0.as_ref().map_or(0, Child::id)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(c) = self.0.as_mut() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Starts `anslag publish --watch` (no compressed copies: they are tested elsewhere).
fn start_watch(site: &TestSite, extra: &[&str]) -> Running {
    let child = anslag(site)
        .args(["publish", "--watch", "--no-compress", "--output"])
        .arg(site.out())
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start anslag publish --watch");
    Running(Some(child))
}

fn terminate(child: &Running) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
}

/// Waits for the child to end; its exit status and what it printed.
fn wait_for_exit(mut running: Running, limit: Duration) -> (std::process::ExitStatus, String) {
    let mut child = running.0.take().expect("running");
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            let out = child.wait_with_output().expect("read its output");
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            return (status, text);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("anslag publish --watch did not stop within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Folders beside the output that a publisher made (staging, spare).
fn leftovers(site: &TestSite) -> Vec<String> {
    std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.") && !n.ends_with(".lock") && !n.ends_with(".json"))
        .collect()
}

#[test]
fn an_embargo_lifts_in_the_published_site_within_seconds_of_its_moment() {
    let site = TestSite::fixture("minimal");
    let child = start_watch(&site, &[]);
    let home = site.out().join("sv/index.html");
    wait_until(Duration::from_secs(60), "the first publish", || {
        home.exists()
    });

    // While it runs, nobody else publishes into the same folder.
    let second = anslag(&site)
        .args(["publish", "--output"])
        .arg(site.out())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("another `anslag publish` is running")
            && stderr.contains(&child.id().to_string()),
        "{stderr}"
    );

    // A press release under embargo until three seconds from now.
    let embargo = Utc::now() + chrono::Duration::seconds(3);
    let at = embargo.to_rfc3339_opts(SecondsFormat::Secs, true);
    let embargo = chrono::DateTime::parse_from_rfc3339(&at).unwrap();
    site.write(
        "content/press/2026-12-02-embargo.sv.md",
        format!("---\ntitle: Embargot släpps\ndate: {at}\nsummary: Snart.\n---\nNu.\n"),
    );
    let page = site.out().join("sv/press/embargo/index.html");
    let deadline = embargo + chrono::Duration::seconds(5);
    while !page.exists() {
        assert!(
            Utc::now() < deadline,
            "the page was not published within 5 s of its embargo"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let seen = Utc::now();
    assert!(
        seen >= embargo,
        "published before its embargo ({seen} < {embargo})"
    );
    let list = std::fs::read_to_string(site.out().join("sv/press/index.html")).unwrap();
    assert!(list.contains("Embargot släpps"), "the list holds it too");

    terminate(&child);
    let (status, output) = wait_for_exit(child, Duration::from_secs(20));
    assert!(status.success(), "{output}");
    assert!(page.exists() && home.exists(), "the published site stays");
    assert_eq!(leftovers(&site), Vec::<String>::new(), "{output}");
}

#[test]
fn a_change_to_a_file_is_published_whole_while_readers_see_one_site_or_the_other() {
    let site = TestSite::fixture("minimal");
    let child = start_watch(&site, &["--now", NOW]);
    let page = site.out().join("sv/press/ny-matsal/index.html");
    wait_until(Duration::from_secs(60), "the first publish", || {
        page.exists()
    });
    let live = std::fs::read(&page).unwrap();
    // Hold the page the web server is serving open, as a reader's request would.
    let inode = inode_of(&page);

    site.edit(
        "content/press/2026-11-01-ny-matsal.sv.md",
        "title: Ekskolan får ny matsal",
        "title: Ekskolan får en större matsal",
    );
    wait_until(Duration::from_secs(30), "the edit is published", || {
        std::fs::read_to_string(&page).is_ok_and(|t| t.contains("en större matsal"))
    });
    // The new site came in whole: the list shows the new title too, and the old page file was
    // replaced, not rewritten under the reader.
    let list = std::fs::read_to_string(site.out().join("sv/press/index.html")).unwrap();
    assert!(list.contains("en större matsal"));
    assert_ne!(inode_of(&page), inode);
    assert!(!live.is_empty());

    // Removing a document removes its pages, and the folder they were in.
    site.remove("content/press/2026-11-01-ny-matsal.en.md");
    let en = site.out().join("en/press/ny-matsal");
    let deadline = Instant::now() + Duration::from_secs(30);
    while en.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    terminate(&child);
    let (status, output) = wait_for_exit(child, Duration::from_secs(20));
    assert!(
        !en.exists(),
        "the removal was not published within 30 s:\n{output}"
    );
    assert!(status.success(), "{output}");
}

fn inode_of(p: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).unwrap().ino()
}

/// Every file of a folder with its time of change.
fn stamps(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e.path().to_path_buf(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect()
}

fn publish(site: &TestSite, now: &str) -> String {
    let out = anslag(site)
        .args(["publish", "--no-compress", "--now", now, "--output"])
        .arg(site.out())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{text}");
    text
}

const NOTHING: &str = "Nothing changed and nothing fell due";

#[test]
fn a_publish_with_nothing_to_do_writes_nothing_and_one_with_something_does_it() {
    let site = TestSite::fixture("minimal");
    let first = publish(&site, NOW);
    assert!(!first.contains(NOTHING), "{first}");
    let before = stamps(&site.out());
    let again = publish(&site, NOW);
    assert!(again.contains(NOTHING), "{again}");
    assert_eq!(
        stamps(&site.out()),
        before,
        "a publish with nothing to do wrote"
    );

    // Time passes, but not up to the next scheduled moment: still nothing to do.
    let schedule = anslag(&site)
        .args(["--now", NOW, "schedule", "--format", "json"])
        .output()
        .unwrap();
    let schedule: serde_json::Value = serde_json::from_slice(&schedule.stdout).unwrap();
    let next = schedule["changes"][0]["at_utc"]
        .as_str()
        .unwrap_or_else(|| panic!("no scheduled moment in {schedule}"))
        .to_owned();
    let next = chrono::DateTime::parse_from_rfc3339(&next).unwrap();
    let just_before = (next - chrono::Duration::seconds(1)).to_rfc3339();
    assert!(publish(&site, &just_before).contains(NOTHING));
    // At the moment, it publishes.
    let at = next.to_rfc3339();
    let due = publish(&site, &at);
    assert!(!due.contains(NOTHING), "{due}");
    assert!(publish(&site, &at).contains(NOTHING));

    // An edit is a change.
    site.edit(
        "content/press/2026-11-01-ny-matsal.sv.md",
        "300 elever",
        "320 elever",
    );
    let edited = publish(&site, &at);
    assert!(!edited.contains(NOTHING), "{edited}");
    let page = std::fs::read_to_string(site.out().join("sv/press/ny-matsal/index.html")).unwrap();
    assert!(page.contains("320 elever"));

    // A site built by another command into the same folder is not taken for the last publish.
    assert!(publish(&site, &at).contains(NOTHING));
    let build = anslag(&site)
        .args(["--now", &at, "build", "--output"])
        .arg(site.out())
        .output()
        .unwrap();
    assert!(build.status.success());
    assert!(!publish(&site, &at).contains(NOTHING));
}

/// The example site with its relay at `port`.
fn mail_site(port: u16) -> TestSite {
    let site = TestSite::example();
    site.edit("site.yaml", "port: 2525", &format!("port: {port}"));
    site
}

#[test]
fn a_new_subscriber_is_something_to_do_for_a_publish() {
    let probe = TestSite::example();
    let dir = probe.tmp.path().join("mail");
    std::fs::create_dir_all(&dir).unwrap();
    let server = SmtpServer::start(&dir, &[]);
    let site = mail_site(server.port);
    subscribe(&site, &[("a@test.example", "sv", &[], Frequency::Weekly)]);
    assert!(!publish(&site, NOW).contains(NOTHING));
    server.wait_until_idle();
    let sent_to_a = server
        .received()
        .iter()
        .filter(|r| r.to == ["a@test.example"])
        .count();
    assert!(sent_to_a > 0);
    assert!(publish(&site, NOW).contains(NOTHING));

    // Someone subscribes while the crisis notice is in force: the next run sends it to them.
    subscribe(&site, &[("b@test.example", "en", &[], Frequency::Weekly)]);
    let run = publish(&site, NOW);
    assert!(!run.contains(NOTHING), "{run}");
    server.wait_until_idle();
    let to_a = |all: &[crate::common::smtp::Received]| {
        all.iter().filter(|r| r.to == ["a@test.example"]).count()
    };
    assert_eq!(
        to_a(&server.received()),
        sent_to_a,
        "the run for the newcomer sent to a again"
    );
    assert!(
        server.received().iter().any(|r| r.to == ["b@test.example"]),
        "the new subscriber got nothing"
    );
}

#[test]
fn sigterm_while_sending_stops_cleanly_and_loses_nothing() {
    let probe = TestSite::example();
    let dir = probe.tmp.path().join("mail");
    std::fs::create_dir_all(&dir).unwrap();
    // A slow relay, so that SIGTERM comes while most messages are still queued.
    let server = SmtpServer::start(&dir, &["--delay", "0.2"]);
    let site = mail_site(server.port);
    let people: Vec<(String, Frequency)> = (0..30)
        .map(|i| (format!("p{i}@test.example"), Frequency::Weekly))
        .collect();
    let people: Vec<(&str, &str, &[&str], Frequency)> = people
        .iter()
        .map(|(a, f)| (a.as_str(), "sv", &[][..], *f))
        .collect();
    subscribe(&site, &people);

    let child = start_watch(&site, &["--now", NOW, "--connections", "2"]);
    wait_until(
        Duration::from_secs(120),
        "the first messages arrive",
        || server.received().len() >= 2,
    );
    terminate(&child);
    let (status, output) = wait_for_exit(child, Duration::from_secs(30));
    assert!(status.success(), "{output}");
    assert!(site.out().join("sv/index.html").exists(), "{output}");

    let states = outbox_states(&site);
    let count = |s: &str| states.values().filter(|v| *v == s).count();
    assert_eq!(count("claimed"), 0, "rows left claimed: {states:?}");
    assert_eq!(count("unknown"), 0, "{states:?}");
    assert!(
        count("pending") > 0,
        "everything went before the stop: {states:?}"
    );
    let received = server.received().len();
    assert_eq!(count("sent"), received, "{states:?}");

    // The next run sends the rest, and nobody gets the crisis notice twice.
    publish(&site, NOW);
    server.wait_until_idle();
    let all = server.received();
    let parsed = SmtpServer::parse(&all);
    let mut to: Vec<String> = all
        .iter()
        .zip(&parsed)
        .filter(|(_, p)| p.has("importance"))
        .map(|(r, _)| r.to[0].clone())
        .collect();
    to.sort();
    let before = to.len();
    to.dedup();
    assert_eq!(before, to.len(), "someone got it twice");
    assert_eq!(to.len(), people.len());
    assert!(site.path(STORE).exists());
}
