//! Data minimisation (issue 17, point 8): `anslag publish` deletes subscriptions never
//! confirmed after `mail.retention.pending_days` and reduces ended ones to the address hash
//! after `unsubscribed_days`, by its clock (`--now`); younger ones stay.

use std::process::Command;

use crate::common::mail::STORE;
use crate::common::smtp::SmtpServer;
use crate::common::{NOW, TestSite};
use anslag::mail::{Frequency, store};
use chrono::{DateTime, Duration, Utc};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn publish(site: &TestSite, now: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["publish", "--no-compress", "--now", now, "--output"])
        .arg(site.out())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn publish_deletes_old_pending_and_reduces_old_unsubscribed_to_the_hash() {
    let probe = TestSite::example();
    let dir = probe.tmp.path().join("mail");
    std::fs::create_dir_all(&dir).unwrap();
    let server = SmtpServer::start(&dir, &[]);
    let site = TestSite::example();
    site.edit("site.yaml", "port: 2525", &format!("port: {}", server.port));
    let now = t(NOW);
    let conn = store::open(&site.path(STORE)).unwrap();
    let add = |address: &str, at: DateTime<Utc>| {
        store::subscribe(&conn, address, "sv", &[], Frequency::Weekly, "test", at)
            .unwrap()
            .0
    };
    // Pending for 8 days and for 6.
    add("old.pending@test.example", now - Duration::days(8));
    add("new.pending@test.example", now - Duration::days(6));
    // Unsubscribed 31 days ago and 29 days ago.
    for (address, days) in [("old.left@test.example", 31), ("new.left@test.example", 29)] {
        let s = add(address, now - Duration::days(100));
        store::confirm(&conn, s.id, now - Duration::days(100)).unwrap();
        store::unsubscribe_at(&conn, s.id, now - Duration::days(days)).unwrap();
    }
    drop(conn);

    let stdout = publish(&site, NOW);
    assert!(
        stdout.contains("Removed for their age: 1 subscriptions never confirmed; 1 ended ones reduced to the address hash"),
        "{stdout}"
    );
    let conn = store::open(&site.path(STORE)).unwrap();
    let status = |a: &str| {
        store::by_address(&conn, a)
            .unwrap()
            .map(|s| s.status.as_str())
    };
    assert_eq!(status("old.pending@test.example"), None);
    assert_eq!(status("new.pending@test.example"), Some("pending"));
    assert_eq!(status("old.left@test.example"), None);
    assert_eq!(status("new.left@test.example"), Some("unsubscribed"));
    // The ended one is kept as its hash (an import needs newer consent); the never-confirmed
    // one leaves nothing.
    let export = |a: &str| store::export(&conn, a).unwrap();
    assert!(export("old.left@test.example").unwrap()["erased"]["erased_at"].is_string());
    assert!(export("old.pending@test.example").is_none());
    let clear: i64 = conn
        .query_row(
            "SELECT count(*) FROM outbox WHERE address LIKE 'old.%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(clear, 0, "no outbox row keeps a removed address");
}
