//! The delivery report (issue 17, point 7): `anslag publish` against the real test SMTP server
//! (one address refused with 550, one deferred with 451), then `anslag report` for the notice,
//! by id and by file, as JSON parsed here and as text; and the summary `publish` prints.

use std::process::Command;

use crate::common::mail::subscribe;
use crate::common::smtp::SmtpServer;
use crate::common::{NOW, TestSite};
use anslag::mail::Frequency;
use serde_json::Value;

fn report(site: &TestSite, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .arg("report")
        .args(args)
        .output()
        .expect("run anslag report");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_report_counts_each_languages_messages_of_a_notice() {
    let probe = TestSite::example();
    let dir = probe.tmp.path().join("mail");
    std::fs::create_dir_all(&dir).unwrap();
    let server = SmtpServer::start(
        &dir,
        &[
            "--reject",
            "gone@test.example",
            "--defer-always",
            "later@test.example",
        ],
    );
    let site = TestSite::example();
    site.edit("site.yaml", "port: 2525", &format!("port: {}", server.port));
    // Each gets the crisis notice and the week's digest (which holds other documents).
    let weekly = Frequency::Weekly;
    subscribe(
        &site,
        &[
            ("sv1@test.example", "sv", &[], weekly),
            ("gone@test.example", "sv", &[], weekly),
            ("ar1@test.example", "ar", &[], weekly),
            ("ar2@test.example", "ar", &[], weekly),
            ("later@test.example", "ar", &[], weekly),
            ("en1@test.example", "en", &[], weekly),
        ],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["publish", "--no-compress", "--now", NOW, "--output"])
        .arg(site.out())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The summary at the end of the run, a line per language.
    assert!(
        stdout.contains("Delivery of the messages queued at 2026-11-22T11:00:00Z"),
        "{stdout}"
    );
    let ar_line = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("ar "))
        .unwrap_or_else(|| panic!("no line for ar:\n{stdout}"));
    let numbers: Vec<&str> = ar_line.split_whitespace().collect();
    assert_eq!(
        &numbers[..8],
        ["ar", "6", "0", "2", "4", "0", "0", "0"],
        "{ar_line}"
    );

    // What the server caught, per language.
    let received = server.received();
    let caught = |prefix: &str| {
        received
            .iter()
            .filter(|r| r.to[0].starts_with(prefix))
            .count() as u64
    };
    assert_eq!((caught("sv1"), caught("ar"), caught("en1")), (2, 4, 2));

    let json: Value = serde_json::from_str(&report(
        &site,
        &["notices/schools-closed-water", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["document"], "notices/schools-closed-water");
    let counts = |lang: &str, field: &str| json["languages"][lang][field].as_u64().unwrap();
    for (lang, queued, sent, deferred, failed) in
        [("sv", 2, 1, 0, 1), ("ar", 3, 2, 1, 0), ("en", 1, 1, 0, 0)]
    {
        assert_eq!(counts(lang, "queued"), queued, "{lang}");
        assert_eq!(counts(lang, "sent"), sent, "{lang}");
        assert_eq!(counts(lang, "deferred"), deferred, "{lang}");
        assert_eq!(counts(lang, "failed"), failed, "{lang}");
        assert_eq!(counts(lang, "waiting"), 0, "{lang}");
        assert_eq!(counts(lang, "bounced"), 0, "{lang}");
        assert_eq!(counts(lang, "unknown"), 0, "{lang}");
        assert_eq!(
            json["languages"][lang]["last_sent_at"],
            "2026-11-22T11:00:00Z"
        );
    }
    assert_eq!(json["languages"].as_object().unwrap().len(), 3);
    assert_eq!(json["total"]["queued"], 6);
    assert_eq!(json["total"]["sent"], 4);

    // Named by one of its files, as text; and the last run.
    let text = report(
        &site,
        &["content/notices/2026-11-22-schools-closed-water.ar.md"],
    );
    assert!(
        text.starts_with("Delivery of notices/schools-closed-water:"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().take(5).eq(["all", "6", "0", "1", "4"])),
        "{text}"
    );
    let last: Value = serde_json::from_str(&report(&site, &["--format", "json"])).unwrap();
    // The last run queued the digests too: what the server caught is what it says was sent.
    for (lang, n) in [
        ("sv", caught("sv1")),
        ("ar", caught("ar")),
        ("en", caught("en1")),
    ] {
        assert_eq!(last["languages"][lang]["sent"], n, "{lang}");
    }
    assert_eq!(last["total"]["queued"], 12);
    assert_eq!(last["queued_at"], "2026-11-22T11:00:00Z");

    // A name that nothing carries says so.
    let none = report(&site, &["notices/no-such-notice"]);
    assert!(
        none.contains("no messages") && none.contains("no message in the outbox carries it"),
        "{none}"
    );
}
