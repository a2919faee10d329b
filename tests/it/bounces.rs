//! Bounces and complaints (issue 17, point 6): real-shaped reports from Postfix, Exim, Gmail
//! and Microsoft (`tests/fixtures/bounces/`, fictional addresses) fed to the real binary, one
//! at a time on standard input (`anslag bounces receive`) and many from an mbox file or a
//! Maildir (`anslag bounces import`); what they did read back from the store. The return paths
//! in them are the real ones: made with the store's link key for real outbox rows, or taken
//! from what `anslag publish` sent to a real SMTP server.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use anslag::mail::bounces::verp;
use anslag::mail::links::LinkKey;
use anslag::mail::outbox::{self, MessageKind, NewRow};
use anslag::mail::{Frequency, Status, store};
use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::common::mail::{STORE, subscribe};
use crate::common::smtp::SmtpServer;
use crate::common::{NOW, TestSite};

const BOUNCE: &str = "bounce@ekvik.example";

/// The example site with `mail.bounce_address` set.
fn site() -> TestSite {
    let site = TestSite::example();
    site.edit(
        "site.yaml",
        "  reply_to: kommun@ekvik.example\n",
        &format!("  reply_to: kommun@ekvik.example\n  bounce_address: {BOUNCE}\n"),
    );
    site
}

/// The people of the fixtures, and whether the return path names them (an outbox row is made
/// for those).
const PEOPLE: &[(&str, bool)] = &[
    ("erik.holm@mejl.example", true),      // Postfix, 5.1.1
    ("maja.lund@stuga.example", true),     // Postfix, 4.2.2 given up
    ("nils.ek@tjanst.example", true),      // Postfix, delayed: nothing
    ("sara.berg@fjord.example", false),    // Exim, X-Failed-Recipients
    ("johan.strand@gmejl.example", false), // Gmail, Final-Recipient
    ("lena.wik@hotmejl.example", true),    // Microsoft, 5.1.10
    ("olle.sand@hotmejl.example", true),   // Microsoft JMRP complaint
    ("karin.alm@yahu.example", false),     // ARF with Original-Rcpt-To
];

/// Subscribes everyone and queues a row for those the return path names; returns each
/// person's return path (the one `anslag publish` would give that row).
fn setup(site: &TestSite) -> BTreeMap<&'static str, (i64, String)> {
    let people: Vec<(&str, &str, &[&str], Frequency)> = PEOPLE
        .iter()
        .map(|(a, _)| (*a, "sv", &[][..], Frequency::Daily))
        .collect();
    subscribe(site, &people);
    let conn = store::open(&site.path(STORE)).unwrap();
    let key = LinkKey::load(&site.path(STORE)).unwrap();
    let mut out = BTreeMap::new();
    for (address, named) in PEOPLE {
        if !named {
            continue;
        }
        let sub = store::by_address(&conn, address).unwrap().unwrap();
        let row = NewRow {
            message_key: "digest:daily:2026-11-22",
            kind: MessageKind::Digest,
            subscriber: &sub,
            urgent: false,
            documents: &[],
        };
        assert!(outbox::queue(&conn, &row, now()).unwrap());
        let id: i64 = conn
            .query_row("SELECT id FROM outbox WHERE address = ?1", [address], |r| {
                r.get(0)
            })
            .unwrap();
        let rp = verp::return_path(BOUNCE, &key, id, address).unwrap();
        out.insert(*address, (id, rp));
    }
    out
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .unwrap()
        .with_timezone(&Utc)
}

/// A fixture with its return path (and, for the repeated soft bounce, its date and number).
fn fixture(name: &str, return_path: &str, n: u32) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bounces")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .replace("{{RETURN_PATH}}", return_path)
        .replace("{{N}}", &n.to_string())
        .replace(
            "{{DATE}}",
            &format!("Mon, {} Nov 2026 07:31:02 +0100", 22 + n),
        )
        .replace("\n", "\r\n")
        .into_bytes()
}

/// Every fixture, in an order that ends with everyone's final status.
fn all_messages(rp: &BTreeMap<&str, (i64, String)>) -> Vec<(String, Vec<u8>)> {
    let of = |a: &str| rp[a].1.clone();
    let forged_row = rp["erik.holm@mejl.example"].0.to_string();
    let mut m = vec![
        ("forged".to_owned(), {
            let text = String::from_utf8(fixture("forged.eml", "", 0)).unwrap();
            text.replace("{{ROW}}", &forged_row).into_bytes()
        }),
        (
            "postfix-hard".into(),
            fixture("postfix-hard.eml", &of("erik.holm@mejl.example"), 0),
        ),
        (
            "postfix-delayed".into(),
            fixture("postfix-delayed.eml", &of("nils.ek@tjanst.example"), 0),
        ),
        ("exim-plain".into(), fixture("exim-plain.eml", "", 0)),
        ("gmail-hard".into(), fixture("gmail-hard.eml", "", 0)),
        (
            "microsoft-hard".into(),
            fixture("microsoft-hard.eml", &of("lena.wik@hotmejl.example"), 0),
        ),
        (
            "arf-microsoft".into(),
            fixture("arf-microsoft.eml", &of("olle.sand@hotmejl.example"), 0),
        ),
        ("arf-yahoo".into(), fixture("arf-yahoo.eml", "", 0)),
        ("human-reply".into(), fixture("human-reply.eml", "", 0)),
    ];
    for n in 1..=3 {
        m.push((
            format!("postfix-expired-{n}"),
            fixture("postfix-expired.eml", &of("maja.lund@stuga.example"), n),
        ));
    }
    m
}

fn statuses(site: &TestSite) -> BTreeMap<String, Status> {
    let conn = store::open(&site.path(STORE)).unwrap();
    PEOPLE
        .iter()
        .map(|(a, _)| {
            let s = store::by_address(&conn, a).unwrap().unwrap();
            (a.to_string(), s.status)
        })
        .collect()
}

fn expected_final() -> BTreeMap<String, Status> {
    [
        ("erik.holm@mejl.example", Status::Bounced),
        ("maja.lund@stuga.example", Status::Bounced),
        ("nils.ek@tjanst.example", Status::Confirmed),
        ("sara.berg@fjord.example", Status::Bounced),
        ("johan.strand@gmejl.example", Status::Bounced),
        ("lena.wik@hotmejl.example", Status::Bounced),
        ("olle.sand@hotmejl.example", Status::Unsubscribed),
        ("karin.alm@yahu.example", Status::Unsubscribed),
    ]
    .into_iter()
    .map(|(a, s)| (a.to_owned(), s))
    .collect()
}

fn anslag(site: &TestSite, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run anslag");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn receive(site: &TestSite, now: &str, raw: &[u8], extra: &[&str]) -> Output {
    let mut args = vec!["--now", now, "bounces", "receive"];
    args.extend_from_slice(extra);
    anslag(site, &args, Some(raw))
}

fn text(o: &Output) -> String {
    format!(
        "status {:?}\n{}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// No address in clear in what the commands print.
fn assert_masked(o: &Output) {
    let all = text(o);
    for (a, _) in PEOPLE {
        assert!(!all.contains(a), "{a} in clear:\n{all}");
    }
}

#[test]
fn receive_reads_each_kind_of_report_and_exits_as_postfix_needs() {
    let site = site();
    let rp = setup(&site);
    let messages = all_messages(&rp);
    for (name, raw) in &messages {
        let o = receive(&site, NOW, raw, &[]);
        assert_masked(&o);
        let want = match name.as_str() {
            "forged" | "human-reply" => 1,
            _ => 0,
        };
        assert_eq!(o.status.code(), Some(want), "{name}: {}", text(&o));
        if name == "forged" {
            assert!(text(&o).contains("warning:"), "{}", text(&o));
            assert!(text(&o).contains("signature is wrong"), "{}", text(&o));
            // Ignored: the person it names is still sent to.
            assert_eq!(statuses(&site)["erik.holm@mejl.example"], Status::Confirmed);
        }
        if name == "postfix-expired-2" {
            assert_eq!(
                statuses(&site)["maja.lund@stuga.example"],
                Status::Confirmed,
                "two soft bounces are below the limit of three"
            );
        }
    }
    assert_eq!(statuses(&site), expected_final());
    // A suppressed address's waiting rows are not sent.
    let conn = Connection::open(site.path(STORE)).unwrap();
    let state: String = conn
        .query_row(
            "SELECT state FROM outbox WHERE address = 'erik.holm@mejl.example'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(state, "failed");
    // The person's bounces are theirs to see, and go with an erasure.
    let o = anslag(
        &site,
        &["subscribers", "export", "erik.holm@mejl.example"],
        None,
    );
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o)));
    assert_eq!(v["bounces"][0]["kind"], "hard", "{v}");
    assert_eq!(v["bounces"][0]["status_code"], "5.1.1", "{v}");
    assert_eq!(v["suppressed"]["reason"], "a hard bounce", "{v}");
    let before = bounce_rows(&site);
    let o = anslag(
        &site,
        &[
            "--now",
            NOW,
            "subscribers",
            "erase",
            "erik.holm@mejl.example",
        ],
        None,
    );
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(bounce_rows(&site), before - 1);
    // Kept rather than returned: exit 0, the message in the Maildir.
    let keep = site.tmp.path().join("kept");
    let human = &messages.iter().find(|(n, _)| n == "human-reply").unwrap().1;
    let o = receive(&site, NOW, human, &["--keep", keep.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let kept: Vec<_> = std::fs::read_dir(keep.join("new"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(&std::fs::read(kept[0].path()).unwrap(), human);
}

#[test]
fn soft_bounces_count_within_the_window_by_the_clock() {
    let site = site();
    let rp = setup(&site);
    let maja = "maja.lund@stuga.example";
    let feed = |now: &str, n: u32| {
        let o = receive(
            &site,
            now,
            &fixture("postfix-expired.eml", &rp[maja].1, n),
            &[],
        );
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        statuses(&site)[maja]
    };
    assert_eq!(feed(NOW, 1), Status::Confirmed);
    assert_eq!(feed(NOW, 2), Status::Confirmed);
    // 20 days later the first two are out of the 14-day window.
    let later = "2026-12-12T12:00:00+01:00";
    assert_eq!(feed(later, 3), Status::Confirmed);
    assert_eq!(feed(later, 4), Status::Confirmed);
    assert_eq!(feed(later, 5), Status::Bounced);
}

#[test]
fn receive_without_a_usable_store_asks_postfix_to_try_again() {
    let site = site();
    let rp = setup(&site);
    // The store's folder made unwritable is what a full or broken disk looks like: here, a
    // file where the store should be a database.
    std::fs::write(site.path(STORE), "not a database").unwrap();
    let raw = fixture("postfix-hard.eml", &rp["erik.holm@mejl.example"].1, 0);
    let o = receive(&site, NOW, &raw, &[]);
    assert_eq!(o.status.code(), Some(75), "{}", text(&o));
}

fn mbox(messages: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (_, raw) in messages {
        out.extend_from_slice(b"From MAILER-DAEMON Sun Nov 22 07:31:02 2026\n");
        let text = String::from_utf8_lossy(raw).replace("\r\n", "\n");
        for line in text.lines() {
            // mboxrd quoting, undone by the reader.
            if line.trim_start_matches('>').starts_with("From ") {
                out.push(b'>');
            }
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    out
}

fn import(site: &TestSite, path: &Path) -> Output {
    anslag(
        site,
        &["--now", NOW, "bounces", "import", path.to_str().unwrap()],
        None,
    )
}

fn bounce_rows(site: &TestSite) -> i64 {
    let conn = Connection::open(site.path(STORE)).unwrap();
    conn.query_row("SELECT count(*) FROM bounces", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn import_reads_an_mbox_and_counts_nothing_twice() {
    let site = site();
    let rp = setup(&site);
    let file = site.tmp.path().join("bounces.mbox");
    std::fs::write(&file, mbox(&all_messages(&rp))).unwrap();
    let o = import(&site, &file);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_masked(&o);
    let out = text(&o);
    assert!(
        out.contains("12 messages: 10 bounces and complaints, 1 not bounces (left where they are), 1 with a forged return path (ignored)"),
        "{out}"
    );
    assert!(
        out.contains("e***@mejl.example: suppressed (hard bounce 5.1.1)"),
        "{out}"
    );
    assert_eq!(statuses(&site), expected_final());
    let rows = bounce_rows(&site);
    let o = import(&site, &file);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("recorded before"), "{}", text(&o));
    assert_eq!(bounce_rows(&site), rows);
    assert_eq!(statuses(&site), expected_final());
}

#[test]
fn import_reads_a_maildir() {
    let site = site();
    let rp = setup(&site);
    let dir = site.tmp.path().join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    for (i, (name, raw)) in all_messages(&rp).iter().enumerate() {
        let folder = if i % 2 == 0 { "new" } else { "cur" };
        std::fs::write(dir.join(folder).join(format!("1795847462.{i}.{name}")), raw).unwrap();
    }
    let o = import(&site, &dir);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(statuses(&site), expected_final());
    // Only read: every message is still there.
    let left = ["cur", "new"]
        .iter()
        .map(|f| std::fs::read_dir(dir.join(f)).unwrap().count())
        .sum::<usize>();
    assert_eq!(left, 12);
}

#[test]
fn a_bounced_address_is_not_imported_again_without_newer_consent() {
    let site = site();
    let rp = setup(&site);
    let raw = fixture("postfix-hard.eml", &rp["erik.holm@mejl.example"].1, 0);
    let bounced_on = "2026-11-20T12:00:00+01:00";
    assert_eq!(receive(&site, bounced_on, &raw, &[]).status.code(), Some(0));
    // What retention leaves of a bounced row: the hash only.
    let conn = store::open(&site.path(STORE)).unwrap();
    conn.execute(
        "DELETE FROM subscribers WHERE address = 'erik.holm@mejl.example'",
        [],
    )
    .unwrap();
    let csv = |consent: &str| {
        let f = site.tmp.path().join(format!("list-{}.csv", &consent[..10]));
        std::fs::write(
            &f,
            format!("address,language,consent\nerik.holm@mejl.example,sv,{consent}\n"),
        )
        .unwrap();
        let o = anslag(
            &site,
            &["--now", NOW, "subscribers", "import", f.to_str().unwrap()],
            None,
        );
        (
            text(&o),
            store::by_address(&conn, "erik.holm@mejl.example").unwrap(),
        )
    };
    let (out, sub) = csv("2026-11-01T08:00:00+01:00");
    assert!(sub.is_none(), "imported again:\n{out}");
    assert!(out.contains("bounced"), "{out}");
    assert!(!out.contains("erik.holm@mejl.example"), "{out}");
    // Consent given after the bounce brings the address back.
    let (out, sub) = csv("2026-11-21T08:00:00+01:00");
    assert_eq!(sub.map(|s| s.status), Some(Status::Confirmed), "{out}");
}

#[test]
fn publish_sends_from_a_signed_return_path_that_bounces_come_back_to() {
    let site = site();
    let dir = site.tmp.path().join("mail");
    std::fs::create_dir_all(&dir).unwrap();
    let server = SmtpServer::start(&dir, &[]);
    site.edit("site.yaml", "port: 2525", &format!("port: {}", server.port));
    let people: Vec<(&str, &str, &[&str], Frequency)> = PEOPLE
        .iter()
        .map(|(a, _)| (*a, "sv", &[][..], Frequency::Daily))
        .collect();
    subscribe(&site, &people);
    let o = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["publish", "--no-compress", "--now", NOW, "--output"])
        .arg(site.out())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    let received = server.wait_for(PEOPLE.len(), Duration::from_secs(60));
    let mut senders = std::collections::HashSet::new();
    for r in &received {
        assert!(
            r.from.starts_with("bounce+") && r.from.ends_with("@ekvik.example"),
            "{}",
            r.from
        );
        assert!(
            senders.insert(r.from.clone()),
            "one return path per message"
        );
    }
    let erik = received
        .iter()
        .find(|r| r.to == ["erik.holm@mejl.example"])
        .expect("a message to erik");
    let raw = fixture("postfix-hard.eml", &erik.from, 0);
    let o = receive(&site, NOW, &raw, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(statuses(&site)["erik.holm@mejl.example"], Status::Bounced);
    assert_eq!(
        statuses(&site)["lena.wik@hotmejl.example"],
        Status::Confirmed
    );
    // The delivery report counts the bounced message as bounced, no longer as sent.
    let o = anslag(&site, &["report", "--format", "json"], None);
    assert!(o.status.success(), "{}", text(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let total = &report["total"];
    assert_eq!(total["bounced"], 1, "{report}");
    assert_eq!(
        total["sent"],
        total["queued"].as_u64().unwrap() - 1,
        "{report}"
    );
}
