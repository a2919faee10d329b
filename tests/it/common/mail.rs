//! The subscriber store and outbox of a test site, for the mail tests.

use std::collections::{BTreeMap, HashMap};

use anslag::mail::{Frequency, store};
use chrono::{DateTime, TimeZone, Utc};
use rusqlite::Connection;

use super::TestSite;

/// `mail.store` of the example site.
pub const STORE: &str = ".anslag/subscribers.sqlite";

/// When the test subscribers agreed.
pub fn consent() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 8, 0, 0).unwrap()
}

/// Adds confirmed subscribers: (address, language, topics, frequency). Returns their ids.
pub fn subscribe(
    site: &TestSite,
    people: &[(&str, &str, &[&str], Frequency)],
) -> HashMap<String, i64> {
    let conn = store::open(&site.path(STORE)).unwrap();
    let mut ids = HashMap::new();
    for (address, lang, topics, frequency) in people {
        let topics: Vec<String> = topics.iter().map(|t| t.to_string()).collect();
        let (s, _) =
            store::subscribe(&conn, address, lang, &topics, *frequency, "test", consent()).unwrap();
        assert!(store::confirm(&conn, s.id, consent()).unwrap());
        ids.insert(address.to_string(), s.id);
    }
    ids
}

/// Each outbox row's state, by (address, kind).
pub fn outbox_states(site: &TestSite) -> BTreeMap<(String, String), String> {
    outbox_column(site, "state")
}

/// Each outbox row's count of attempts, by (address, kind).
pub fn outbox_attempts(site: &TestSite) -> BTreeMap<(String, String), i64> {
    outbox_column(site, "attempts")
}

fn outbox_column<T: rusqlite::types::FromSql>(
    site: &TestSite,
    column: &str,
) -> BTreeMap<(String, String), T> {
    let conn = Connection::open(site.path(STORE)).unwrap();
    let mut stmt = conn
        .prepare(&format!("SELECT address, kind, {column} FROM outbox"))
        .unwrap();
    stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}
