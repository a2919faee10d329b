//! Sending (issue 5, "Sending" and "Tests"): `anslag publish` against a real SMTP server on
//! loopback (`tests/smtp/server.py`, Python's aiosmtpd), with what it received read back by a
//! real MIME parser: every subscriber gets the crisis notice once, in their language; digests
//! when due; temporary failures retried, permanent ones recorded, lost replies handled as the
//! README says; a run killed half-way and started again sends the rest and nothing twice but
//! what was in flight.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::Duration;

use crate::common::mail::{STORE, outbox_states, subscribe};
use crate::common::mime::Parsed;
use crate::common::smtp::{Received, SmtpServer};
use crate::common::{self, NOW, TestSite};
use anslag::mail::Frequency;
use anslag::mail::links::{LinkKey, Purpose};

const CRISIS_SLUG: &str = "schools-closed-water";

/// The example site, its `mail.smtp` pointed at `port`.
fn site(port: u16) -> TestSite {
    let site = TestSite::example();
    site.edit("site.yaml", "port: 2525", &format!("port: {port}"));
    site
}

fn publish(site: &TestSite, extra: &[&str]) -> Output {
    // Compressed copies are tested in tests/it/compress.rs; here they would only take time.
    let mut args = vec!["publish", "--no-compress", "--now", NOW];
    if extra.contains(&"--now") {
        args.truncate(2);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(&args)
        .arg("--output")
        .arg(site.out())
        .args(extra)
        .output()
        .expect("run anslag publish");
    assert!(
        out.status.success(),
        "publish failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Received messages by recipient, parsed.
fn by_recipient(received: &[Received]) -> BTreeMap<String, Vec<Parsed>> {
    let parsed = SmtpServer::parse(received);
    let mut out: BTreeMap<String, Vec<Parsed>> = BTreeMap::new();
    for (r, p) in received.iter().zip(parsed) {
        assert_eq!(r.to.len(), 1, "one recipient per message");
        out.entry(r.to[0].clone()).or_default().push(p);
    }
    out
}

fn is_crisis(p: &Parsed) -> bool {
    p.has("importance")
}

fn tmp(site: &TestSite, name: &str) -> PathBuf {
    let p = site.tmp.path().join(name);
    std::fs::create_dir_all(&p).unwrap();
    p
}

#[test]
fn publish_sends_the_crisis_notice_to_everyone_in_their_language_once() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&tmp(&probe, "mail"), &[]);
    let site = site(server.port);
    let people: &[(&str, &str, &[&str], Frequency)] = &[
        ("sv@test.example", "sv", &[], Frequency::Daily),
        ("en@test.example", "en", &[], Frequency::Immediate),
        ("ar@test.example", "ar", &[], Frequency::Weekly),
        ("fa@test.example", "fa", &["hamnskolan"], Frequency::Daily),
        ("so@test.example", "so", &[], Frequency::Immediate),
        ("uk@test.example", "uk", &[], Frequency::Daily),
        ("de@test.example", "de", &[], Frequency::Daily),
    ];
    let ids = subscribe(&site, people);
    let out = publish(&site, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Queued 7 crisis"), "{stdout}");

    let received = server.received();
    let mail = by_recipient(&received);
    let key = LinkKey::load(&site.path(STORE)).unwrap();
    for (address, lang, _, _) in people {
        let msgs = &mail[*address];
        let crisis: Vec<&Parsed> = msgs.iter().filter(|p| is_crisis(p)).collect();
        assert_eq!(crisis.len(), 1, "{address}: one crisis message");
        let c = crisis[0];
        assert!(c.defects.is_empty(), "{address}: {:?}", c.defects);
        // German: the notice does not exist in it, so the message is in Swedish, the default.
        let sent_lang = if *lang == "de" { "sv" } else { *lang };
        assert_eq!(c.header("Content-Language"), sent_lang);
        assert_eq!(c.header("Priority"), "urgent");
        assert_eq!(c.header("Auto-Submitted"), "auto-generated");
        assert_eq!(
            c.header("List-Unsubscribe-Post"),
            "List-Unsubscribe=One-Click"
        );
        assert!(c.header("Message-ID").ends_with("@ekvik.example>"));
        // The unsubscribe link is the subscriber's own and verifies with the store's key.
        let link = c.header("List-Unsubscribe");
        let token = link
            .trim_matches(['<', '>'])
            .strip_prefix("https://prenumeration.ekvik.example/unsubscribe/")
            .unwrap_or_else(|| panic!("{address}: {link}"));
        assert!(key.verify(token, Purpose::Unsubscribe, ids[*address], address));
        assert!(
            c.text().contains(token),
            "the footer links to the same page"
        );
        // Text then HTML, the HTML in the reader's language and direction.
        assert_eq!(c.parts.len(), 2);
        assert_eq!(c.parts[0].0, "text/plain");
        assert_eq!(c.parts[1].0, "text/html");
        let dir = if ["ar", "fa"].contains(lang) {
            "rtl"
        } else {
            "ltr"
        };
        assert!(
            c.html().contains(&format!("lang=\"{sent_lang}\""))
                && c.html().contains(&format!("dir=\"{dir}\"")),
            "{address}: lang/dir"
        );
        assert!(
            c.text()
                .contains(&format!("/{sent_lang}/notices/{CRISIS_SLUG}/")),
            "{address}: the text part links to the notice"
        );
        // And a digest for everyone (the example has news since their consent).
        let digests = msgs.iter().filter(|p| !is_crisis(p)).count();
        assert_eq!(digests, 1, "{address}: one digest");
        for m in msgs {
            assert!(
                !m.text().contains("Eskildsen"),
                "a closed item's text was sent"
            );
            assert!(
                !m.text().contains("81.02.00-G01-9-26"),
                "a closed item's case number was sent"
            );
        }
    }
    // The crisis notice was not in the sv reader's digest again.
    assert_eq!(received.len(), 2 * people.len());
    assert!(outbox_states(&site).values().all(|s| s == "sent"));

    // Running it again does nothing at all: nothing changed.
    let out = publish(&site, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Nothing changed and nothing fell due"),
        "{stdout}"
    );
    // Made to run anyway (`--retry-now` passes that check), it queues and sends nothing new.
    let out = publish(&site, &["--retry-now"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Queued 0 crisis and 0 digest"), "{stdout}");
    server.wait_until_idle();
    assert_eq!(server.received().len(), received.len());
}

#[test]
fn failures_are_retried_recorded_or_resent_as_the_readme_says() {
    let probe = TestSite::example();
    let server = SmtpServer::start(
        &tmp(&probe, "mail"),
        &[
            "--reject",
            "rejected@test.example",
            "--defer",
            "deferred@test.example",
            "--drop-after",
            "dropped@test.example",
            // The crisis message, whichever of the two reaches the server first.
            "--drop-only-if",
            "Priority: urgent",
        ],
    );
    let site = site(server.port);
    subscribe(
        &site,
        &[
            ("rejected@test.example", "sv", &[], Frequency::Daily),
            ("deferred@test.example", "en", &[], Frequency::Daily),
            ("dropped@test.example", "uk", &[], Frequency::Daily),
        ],
    );
    let out = publish(&site, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The permanent failure is reported, with the address masked.
    assert!(
        stderr.contains("r***@test.example") && stderr.contains("550"),
        "{stderr}"
    );
    assert!(!stderr.contains("rejected@"), "{stderr}");
    // Masked everywhere (issue 17): the server's replies quote the address (as Postfix does),
    // and neither the output nor the store's error texts may show it.
    let everything = format!("{stderr}{}", String::from_utf8_lossy(&out.stdout));
    let errors: String = rusqlite::Connection::open(site.path(STORE))
        .unwrap()
        .query_row(
            "SELECT group_concat(last_error, ' | ') FROM outbox",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        errors.contains("<r***@test.example>: Recipient address rejected"),
        "{errors}"
    );
    for text in [&everything, &errors] {
        for address in ["rejected@", "deferred@", "dropped@"] {
            assert!(!text.contains(address), "{address} in clear: {text}");
        }
    }

    let mail = by_recipient(&server.received());
    assert!(!mail.contains_key("rejected@test.example"));
    // 451 first: retried after the back-off, in the same run.
    let deferred = &mail["deferred@test.example"];
    assert_eq!(deferred.iter().filter(|p| is_crisis(p)).count(), 1);
    assert_eq!(deferred.len(), 2);
    // The reply to the crisis message was lost after the server kept it: a crisis message is
    // sent again (a duplicate, with the same Message-ID), a digest would not be.
    let dropped = &mail["dropped@test.example"];
    let crisis: Vec<&Parsed> = dropped.iter().filter(|p| is_crisis(p)).collect();
    assert_eq!(crisis.len(), 2, "the urgent message is sent again");
    assert_eq!(
        crisis[0].header("Message-ID"),
        crisis[1].header("Message-ID")
    );
    assert_eq!(dropped.len(), 3);

    let states = outbox_states(&site);
    let state = |a: &str, k: &str| states[&(a.to_string(), k.to_string())].as_str();
    assert_eq!(state("rejected@test.example", "crisis"), "failed");
    assert_eq!(state("rejected@test.example", "digest"), "failed");
    assert_eq!(state("deferred@test.example", "crisis"), "sent");
    assert_eq!(state("dropped@test.example", "crisis"), "sent");
}

#[test]
fn a_digest_whose_reply_was_lost_is_not_sent_again() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&tmp(&probe, "mail"), &["--drop-after", "lost@test.example"]);
    let site = site(server.port);
    subscribe(&site, &[("lost@test.example", "sv", &[], Frequency::Daily)]);
    // After the crisis notice has expired, with the embargoed press release out.
    let now = ["--now", "2027-01-20T12:00:00+01:00"];
    let out = publish(&site, &now);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Queued 0 crisis and 1 digest"), "{stdout}");
    assert!(stdout.contains("unknown 1"), "{stdout}");
    let received = server.received();
    assert_eq!(received.len(), 1);
    let states = outbox_states(&site);
    assert_eq!(
        states[&("lost@test.example".into(), "digest".into())],
        "unknown"
    );
    publish(&site, &now);
    server.wait_until_idle();
    assert_eq!(server.received().len(), 1, "a digest is never sent twice");
}

#[test]
fn dry_run_writes_the_messages_and_changes_nothing() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&tmp(&probe, "mail"), &[]);
    let site = site(server.port);
    subscribe(
        &site,
        &[
            ("a@test.example", "sv", &[], Frequency::Daily),
            ("b@test.example", "ar", &[], Frequency::Weekly),
        ],
    );
    let dir = site.tmp.path().join("eml");
    let out = publish(&site, &["--dry-run", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("4 messages written"), "{stdout}");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 4);
    let parsed = common::mime::parse_files(&files);
    assert!(
        parsed
            .iter()
            .all(|p| p.defects.is_empty() && p.parts.len() == 2)
    );
    assert_eq!(parsed.iter().filter(|p| is_crisis(p)).count(), 2);
    assert!(server.received().is_empty());
    assert!(outbox_states(&site).is_empty(), "the store is unchanged");
    // The real run then sends the same.
    publish(&site, &[]);
    assert_eq!(server.wait_for(4, Duration::from_secs(5)).len(), 4);
}

/// A send killed half-way (SIGKILL, a child process) and started again: every subscriber gets
/// the crisis message, only the messages in flight at the kill come twice, no digest twice.
#[test]
fn a_killed_send_resumes_without_sending_twice() {
    const PEOPLE: usize = 150;
    const CONNECTIONS: usize = 4;
    let probe = TestSite::example();
    let server = SmtpServer::start(&tmp(&probe, "mail"), &["--delay", "0.02"]);
    let site = site(server.port);
    let addresses: Vec<String> = (0..PEOPLE)
        .map(|i| format!("p{i:03}@test.example"))
        .collect();
    let langs = ["sv", "en", "ar", "fa", "so", "uk", "pl", "fi"];
    let people: Vec<(&str, &str, &[&str], Frequency)> = addresses
        .iter()
        .enumerate()
        .map(|(i, a)| {
            (
                a.as_str(),
                langs[i % langs.len()],
                &[][..],
                Frequency::Daily,
            )
        })
        .collect();
    subscribe(&site, &people);

    let child_started = std::time::Instant::now();
    let mut child = spawn_publish(&site, CONNECTIONS);
    let before = server.received().len();
    server.wait_for(before + 30, Duration::from_secs(60));
    child.kill().expect("kill the publishing process");
    let _ = child.wait();
    let at_kill = server.received().len();
    assert!(
        at_kill < before + PEOPLE,
        "the run finished before it was killed ({at_kill} messages after {:?})",
        child_started.elapsed()
    );
    // Let the server finish what was in flight, then resume.
    server.wait_until_idle();
    let out = publish(&site, &["--connections", &CONNECTIONS.to_string()]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Took back"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let received = server.received();
    let mut crisis: HashMap<String, usize> = HashMap::new();
    let mut digests: HashMap<String, usize> = HashMap::new();
    for (r, p) in received.iter().zip(SmtpServer::parse(&received)) {
        let counts = if is_crisis(&p) {
            &mut crisis
        } else {
            &mut digests
        };
        *counts.entry(r.to[0].clone()).or_default() += 1;
    }
    let dup_crisis: usize = crisis.values().map(|n| n - 1).sum();
    for a in &addresses {
        assert!(
            crisis.get(a).copied().unwrap_or(0) >= 1,
            "{a} never got the crisis message"
        );
        assert!(
            digests.get(a).copied().unwrap_or(0) <= 1,
            "{a} got a digest twice"
        );
    }
    assert!(
        dup_crisis <= CONNECTIONS,
        "{dup_crisis} duplicates, more than the {CONNECTIONS} messages in flight"
    );
    let states = outbox_states(&site);
    let missing_digests: Vec<&String> = addresses
        .iter()
        .filter(|a| !digests.contains_key(*a))
        .collect();
    for a in &missing_digests {
        assert_eq!(states[&((*a).clone(), "digest".into())], "unknown");
    }
    assert!(missing_digests.len() <= CONNECTIONS);
    assert!(states.values().all(|s| s == "sent" || s == "unknown"));
}

fn spawn_publish(site: &TestSite, connections: usize) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["publish", "--no-compress", "--now", NOW, "--connections"])
        .arg(connections.to_string())
        .arg("--output")
        .arg(site.out())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start anslag publish")
}
