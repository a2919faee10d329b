//! Keeping no more than is needed (data minimisation): a subscription never confirmed is
//! deleted after `mail.retention.pending_days`; one that ended (unsubscribed, or suppressed
//! after bounces) is reduced to the salted hash of its address after
//! `mail.retention.unsubscribed_days` — the hash that stops an import from bringing the address
//! back without newer consent. `anslag publish` applies it at every run, by its clock.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, params};

use super::store::{self, Result, timestamp};
use crate::config::mail::RetentionSettings;

/// What one pass removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Pending subscriptions deleted.
    pub pending: usize,
    /// Ended subscriptions reduced to the address hash.
    pub reduced: usize,
}

pub fn apply(conn: &Connection, keep: &RetentionSettings, now: DateTime<Utc>) -> Result<Pruned> {
    let pending_before = timestamp(now - Duration::days(i64::from(keep.pending_days)));
    // Their tokens, outbox rows and delivery records go with them (ON DELETE CASCADE).
    let pending = store::atomically(conn, || {
        Ok(conn.execute(
            "DELETE FROM subscribers WHERE status = 'pending' AND consent_at < ?1",
            params![pending_before],
        )?)
    })?;
    let ended_before = timestamp(now - Duration::days(i64::from(keep.unsubscribed_days)));
    // `bounced` is the status the bounce handling gives; the time it ended is when it was
    // suppressed, else when consent was given.
    let ended: Vec<String> = {
        let mut stmt = conn.prepare(
            "SELECT address FROM subscribers
             WHERE status IN ('unsubscribed', 'bounced')
               AND coalesce(unsubscribed_at, consent_at) < ?1",
        )?;
        stmt.query_map(params![ended_before], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    for address in &ended {
        store::erase_report(conn, address, now)?;
    }
    Ok(Pruned {
        pending,
        reduced: ended.len(),
    })
}
