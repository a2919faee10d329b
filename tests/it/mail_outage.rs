//! A relay that cannot be reached (issue 17, point 1): `anslag publish` says so in one line
//! within `mail.smtp.connect_timeout`, keeps every row queued and exits 75 (EX_TEMPFAIL); the
//! next run sends it all. Crisis messages retry every 30 s at most, with no cap on attempts;
//! `--retry-now` makes them due at once.

use std::net::TcpListener;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::common::mail::{STORE, outbox_attempts, outbox_states, subscribe};
use crate::common::smtp::SmtpServer;
use crate::common::{NOW, TestSite};
use anslag::mail::Frequency;

const PEOPLE: &[(&str, &str, &[&str], Frequency)] = &[
    ("sv@test.example", "sv", &[], Frequency::Daily),
    ("en@test.example", "en", &[], Frequency::Immediate),
    ("ar@test.example", "ar", &[], Frequency::Weekly),
];

/// The example site, its relay at `port` with a connection timeout of `timeout` seconds.
fn site(port: u16, timeout: u64) -> TestSite {
    let site = TestSite::example();
    site.edit(
        "site.yaml",
        "port: 2525",
        &format!("port: {port}\n    connect_timeout: {timeout}"),
    );
    subscribe(&site, PEOPLE);
    site
}

fn publish(site: &TestSite, now: &str, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["publish", "--no-compress", "--now", now, "--output"])
        .arg(site.out())
        .args(extra)
        .output()
        .expect("run anslag publish")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A port nobody listens on.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Asserts a relay-down exit: status 75, one line naming host, port and why, every row
/// pending and never tried.
fn assert_kept(site: &TestSite, out: &Output, port: u16, why: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(75), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line: {err}");
    assert!(
        lines[0].contains(&format!("cannot reach the mail relay 127.0.0.1:{port}")),
        "{err}"
    );
    assert!(lines[0].contains(why), "{err}");
    let states = outbox_states(site);
    // A crisis message and a first digest each.
    assert_eq!(states.len(), 2 * PEOPLE.len(), "{states:?}");
    assert!(states.values().all(|s| s == "pending"), "{states:?}");
    assert!(
        outbox_attempts(site).values().all(|&a| a == 0),
        "nothing was tried"
    );
}

#[test]
fn a_refused_connection_keeps_everything_and_the_next_run_sends_it() {
    let port = free_port();
    let site = site(port, 2);
    let started = Instant::now();
    let out = publish(&site, NOW, &[]);
    // The build takes a few seconds on a loaded machine; before, this took minutes.
    assert!(started.elapsed() < Duration::from_secs(25));
    assert_kept(&site, &out, port, "refused");

    // The relay is back on the same port: the next run sends everything, once.
    let dir = site.tmp.path().join("mail");
    std::fs::create_dir_all(&dir).unwrap();
    let server = SmtpServer::start(&dir, &["--port", &port.to_string()]);
    let out = publish(&site, NOW, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(server.received().len(), 2 * PEOPLE.len());
    assert!(outbox_states(&site).values().all(|s| s == "sent"));
}

#[test]
fn a_relay_that_never_answers_is_given_up_on_within_the_timeout() {
    // Accepts connections and says nothing, like a black hole behind a firewall.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for conn in listener.incoming() {
            held.push(conn);
        }
    });
    let site = site(port, 1);
    let started = Instant::now();
    let out = publish(&site, NOW, &[]);
    let took = started.elapsed();
    assert_kept(&site, &out, port, "no answer within 1 s");
    // One probe of 1 s after the build, not a minute per connection.
    assert!(took < Duration::from_secs(25), "took {took:?}");
}

#[test]
fn crisis_messages_retry_every_30_s_without_a_cap_and_retry_now_sends_at_once() {
    let dir = crate::common::temp_dir();
    let server = SmtpServer::start(dir.path(), &["--defer-always", "en@test.example"]);
    let site = site(server.port, 5);
    let out = publish(&site, NOW, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let key = ("en@test.example".to_string(), "crisis".to_string());
    assert_eq!(outbox_states(&site)[&key], "pending");

    // However many tries failed, the next is at most 30 s away and the row stays pending.
    let conn = rusqlite::Connection::open(site.path(STORE)).unwrap();
    conn.execute(
        "UPDATE outbox SET attempts = 40 WHERE address = 'en@test.example'",
        [],
    )
    .unwrap();
    let later = "2026-11-22T12:10:00+01:00";
    let out = publish(&site, later, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(outbox_states(&site)[&key], "pending");
    let (attempts, next): (i64, String) = conn
        .query_row(
            "SELECT attempts, next_attempt_at FROM outbox WHERE address = 'en@test.example'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(attempts > 40);
    let next = chrono::DateTime::parse_from_rfc3339(&next).unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(later).unwrap();
    // The run waits up to 60 s for retries (tried at +5, +20, +50 s), then leaves the next
    // try, 30 s after the last, to the next run: a digest would wait 2 hours.
    assert!(next - at <= chrono::Duration::seconds(90), "{next} {at}");

    // Nothing is due at the same moment; --retry-now makes the waiting row due anyway.
    let out = publish(&site, later, &[]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing changed"));
    let out = publish(&site, later, &["--retry-now"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again: i64 = conn
        .query_row(
            "SELECT attempts FROM outbox WHERE address = 'en@test.example'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(again > attempts, "tried again at once");
}
