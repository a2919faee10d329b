//! The durable outbox: one row per (message, recipient), moving
//!
//! ```text
//! pending ──claim──▶ claimed ──250 after DATA──▶ sent
//!    ▲                  │  ├──5xx──────────────▶ failed    (permanent, recorded per address)
//!    │                  │  └──connection lost after the body started──▶ unknown
//!    └──4xx / no connection, with back-off──┘
//! ```
//!
//! A row is claimed by one run (its `claimed_by`), which holds an exclusive lock on a file of
//! its own for as long as it lives ([`RunLock`]). When a run dies, another sees that the lock is
//! free and takes its rows back: a row whose body had not started to go out (`data_at` unset)
//! is pending again, one whose body had started is `unknown`, since the server may have
//! accepted it. `unknown` rows are sent again only if they are urgent (a crisis message: a
//! duplicate is better than a parent not told), never for digests. So a run killed at any
//! moment and started again sends everything that is left, nothing that the server confirmed,
//! and at most the messages in flight at the kill a second time.
//!
//! Queuing is idempotent: `(message_key, address)` is unique, and what a digest holds is
//! recorded in `delivered` in the same transaction, so running `anslag publish` twice queues
//! nothing new.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::store::{self, Result, StoreError, timestamp};
use super::{Frequency, Subscriber};

/// What a row sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageKind {
    /// A crisis notice, to everyone at once.
    Crisis,
    /// New documents for a subscriber (immediately, daily or weekly).
    Digest,
    /// The double opt-in message of the subscription service.
    Confirm,
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Crisis => "crisis",
            MessageKind::Digest => "digest",
            MessageKind::Confirm => "confirm",
        }
    }
    pub fn parse(s: &str) -> Option<MessageKind> {
        match s {
            "crisis" => Some(MessageKind::Crisis),
            "digest" => Some(MessageKind::Digest),
            "confirm" => Some(MessageKind::Confirm),
            _ => None,
        }
    }
}

/// A row taken by a run, with what composing it needs.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub message_key: String,
    pub kind: MessageKind,
    pub subscriber_id: Option<i64>,
    pub address: String,
    pub language: String,
    pub urgent: bool,
    /// `kind/slug` of each document, in the order they are shown.
    pub documents: Vec<String>,
    pub attempts: u32,
    /// `<…@…>`, the same on every attempt, so that a mail program can drop a duplicate.
    pub message_id: String,
    /// For [`MessageKind::Confirm`]: the confirmation token, made at claim time and stored
    /// only as a hash; it is in memory only for as long as the message is being sent.
    pub confirm_token: Option<String>,
}

/// How a send ended, for [`record`].
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The server said 250 after the body.
    Sent,
    /// The server refused for good (5xx), or the message cannot be made.
    Failed(String),
    /// Try again later: a 4xx, or no connection before the body started.
    Retry(String),
    /// The connection broke after the body started and before the reply.
    Unknown(String),
}

/// Message keys of `confirm` rows that carry a confirmed subscriber's links instead of a
/// confirmation (the subscription service queues them: `manage:{id}:{time}`); they count
/// against the same per-address limit and need no confirmation token.
pub const MANAGE_KEY_PREFIX: &str = "manage:";

/// Attempts before a row that keeps failing temporarily is given up as `failed`.
pub const MAX_ATTEMPTS: u32 = 10;

/// The wait before attempt `n + 1` after `n` temporary failures: 5 s, 30 s, 2 min, 10 min,
/// 30 min, then every 2 hours.
pub fn backoff(attempts: u32) -> Duration {
    match attempts {
        0 | 1 => Duration::seconds(5),
        2 => Duration::seconds(30),
        3 => Duration::minutes(2),
        4 => Duration::minutes(10),
        5 => Duration::minutes(30),
        _ => Duration::hours(2),
    }
}

/// The longest wait between two tries of a crisis message: it is retried on its own short
/// schedule (5 s, 15 s, then every 30 s), with no cap on attempts for as long as its notice is
/// in force ([`withdraw_crisis`] ends it).
pub const CRISIS_RETRY: Duration = Duration::seconds(30);

/// The wait before the next try of a row after `attempts` temporary failures.
pub fn retry_after(urgent: bool, attempts: u32) -> Duration {
    if urgent {
        match attempts {
            0 | 1 => Duration::seconds(5),
            2 => Duration::seconds(15),
            _ => CRISIS_RETRY,
        }
    } else {
        backoff(attempts)
    }
}

/// Makes every row that waits for its back-off due now (`anslag publish --retry-now`).
/// Returns how many there were.
pub fn retry_now(conn: &Connection) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE outbox SET next_attempt_at = NULL
         WHERE (state = 'pending' OR (state = 'unknown' AND urgent = 1))
           AND next_attempt_at IS NOT NULL",
        [],
    )?)
}

/// Ends the tries of crisis rows whose notice (in this version) is no longer in force:
/// `in_force` holds the message keys of the crisis notices in force now. Returns how many.
pub fn withdraw_crisis(conn: &Connection, in_force: &[String]) -> Result<usize> {
    let keys = serde_json::to_string(in_force).expect("strings are JSON");
    Ok(conn.execute(
        "UPDATE outbox SET state = 'failed',
            last_error = 'not sent: the notice is no longer in force in this version'
         WHERE kind = 'crisis' AND (state = 'pending' OR state = 'unknown')
           AND message_key NOT IN (SELECT value FROM json_each(?1))",
        [keys],
    )?)
}

/// How long a claim lasts if its run can no longer be asked whether it lives (a lock file on a
/// file system without locks): then the row is treated as that run having died.
pub const LEASE: Duration = Duration::minutes(15);

/// One row to queue.
pub struct NewRow<'a> {
    pub message_key: &'a str,
    pub kind: MessageKind,
    pub subscriber: &'a Subscriber,
    pub urgent: bool,
    pub documents: &'a [String],
}

/// Queues one row, unless `(message_key, address)` is queued already; records its documents as
/// delivered to the subscriber in the same transaction. Returns whether it was queued.
pub fn queue(conn: &Connection, row: &NewRow, now: DateTime<Utc>) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO outbox (message_key, kind, subscriber_id, address, language,
                urgent, documents, state, queued_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8)",
        )?
        .execute(params![
            row.message_key,
            row.kind.as_str(),
            row.subscriber.id,
            row.subscriber.address,
            row.subscriber.language,
            row.urgent,
            serde_json::to_string(row.documents).expect("strings are JSON"),
            timestamp(now),
        ])?;
    if n == 0 {
        return Ok(false);
    }
    let mut delivered = conn.prepare_cached(
        "INSERT OR IGNORE INTO delivered (subscriber_id, document) VALUES (?1, ?2)",
    )?;
    for d in row.documents {
        delivered.execute(params![row.subscriber.id, d])?;
    }
    Ok(true)
}

/// Queues a confirmation message for a pending subscriber (the subscription service); the
/// token is made when the message is claimed for sending. Returns whether it was queued (a
/// second request in the same second queues nothing).
pub fn queue_confirmation(conn: &Connection, sub: &Subscriber, now: DateTime<Utc>) -> Result<bool> {
    let key = format!("confirm:{}:{}", sub.id, timestamp(now));
    store::atomically(conn, || {
        queue(
            conn,
            &NewRow {
                message_key: &key,
                kind: MessageKind::Confirm,
                subscriber: sub,
                urgent: false,
                documents: &[],
            },
            now,
        )
    })
}

/// Confirmation messages queued for `address` since `since`: the subscription service's limit
/// per target address, so that no one can be flooded with confirmation requests.
pub fn confirmations_since(conn: &Connection, address: &str, since: DateTime<Utc>) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM outbox WHERE kind = 'confirm' AND address = ?1 AND queued_at >= ?2",
        params![address, timestamp(since)],
        |r| r.get(0),
    )?)
}

/// The documents already delivered (or queued) to each subscriber.
pub fn delivered(conn: &Connection) -> Result<HashMap<i64, HashSet<String>>> {
    let mut out: HashMap<i64, HashSet<String>> = HashMap::new();
    let mut stmt = conn.prepare("SELECT subscriber_id, document FROM delivered")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, doc) = row?;
        out.entry(id).or_default().insert(doc);
    }
    Ok(out)
}

/// Subscribers who already have a row for `message_key` (a digest of this day or week).
pub fn queued_for(conn: &Connection, message_key: &str) -> Result<HashSet<i64>> {
    let mut stmt = conn.prepare(
        "SELECT subscriber_id FROM outbox WHERE message_key = ?1 AND subscriber_id IS NOT NULL",
    )?;
    let rows = stmt.query_map([message_key], |r| r.get::<_, i64>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What [`recover`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Recovered {
    /// Claimed by a dead run before their body started: pending again.
    pub requeued: usize,
    /// Claimed by a dead run after their body started: now `unknown`.
    pub unknown: usize,
}

/// Takes back the rows of runs that died (their lock is free, or their lease ran out long
/// ago). Call with this run's lock held.
pub fn recover(conn: &Connection, runs: &Path, me: &str, now: DateTime<Utc>) -> Result<Recovered> {
    let owners: Vec<(String, Option<String>)> = {
        let mut stmt = conn.prepare(
            "SELECT claimed_by, max(lease_until) FROM outbox WHERE state = 'claimed' GROUP BY claimed_by",
        )?;
        stmt.query_map([], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get(1)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    let mut out = Recovered::default();
    let now_s = timestamp(now);
    for (owner, lease) in owners {
        if owner == me {
            continue;
        }
        let lease_over = lease.is_none_or(|l| l < timestamp(now - LEASE));
        if !(run_is_dead(runs, &owner) || lease_over) {
            continue;
        }
        store::atomically(conn, || {
            out.unknown += conn.execute(
                "UPDATE outbox SET state = 'unknown', claimed_by = NULL, lease_until = NULL,
                    last_error = 'the run sending it stopped after the message started to go out',
                    next_attempt_at = ?2
                 WHERE state = 'claimed' AND claimed_by IS ?1 AND data_at IS NOT NULL",
                params![none_if_empty(&owner), now_s],
            )?;
            out.requeued += conn.execute(
                "UPDATE outbox SET state = 'pending', claimed_by = NULL, lease_until = NULL
                 WHERE state = 'claimed' AND claimed_by IS ?1 AND data_at IS NULL",
                params![none_if_empty(&owner)],
            )?;
            Ok(())
        })?;
        let _ = std::fs::remove_file(runs.join(format!("{owner}.lock")));
    }
    Ok(out)
}

fn none_if_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// The rows due at `now` at one urgency, soonest due first (never tried before retried), read
/// in order from the index `outbox_due` (store migration 5): its WHERE is this query's first
/// term, word for word, and its columns are the equality, the range and the order, so that a
/// claim reads `limit` entries however many rows wait, and sorts nothing.
pub const DUE_ROWS: &str = "SELECT id FROM outbox
    WHERE (state = 'pending' OR (state = 'unknown' AND urgent = 1))
      AND urgent = ?1 AND ifnull(next_attempt_at, '') <= ?2
    ORDER BY ifnull(next_attempt_at, ''), id
    LIMIT ?3";

/// Claims up to `limit` rows that are due at `now`: pending rows whose back-off has passed, and
/// urgent `unknown` rows; urgent ones first, then the soonest due (new rows first, then by
/// id). Confirmation rows get their token here (valid
/// [`crate::mail::compose::CONFIRM_VALID_HOURS`] hours).
pub fn claim(
    conn: &Connection,
    run: &str,
    limit: usize,
    now: DateTime<Utc>,
    message_id_domain: &str,
) -> Result<Vec<Claimed>> {
    let now_s = timestamp(now);
    store::atomically(conn, || {
        // Not `with_capacity(limit)`: a dry run claims everything (`usize::MAX`).
        let mut ids: Vec<i64> = Vec::new();
        let mut due = conn.prepare_cached(DUE_ROWS)?;
        for urgent in [true, false] {
            let left = limit - ids.len();
            if left == 0 {
                break;
            }
            let left = i64::try_from(left).unwrap_or(i64::MAX);
            let rows = due.query_map(params![urgent, now_s, left], |r| r.get(0))?;
            for id in rows {
                ids.push(id?);
            }
        }
        drop(due);
        let order: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut stmt = conn.prepare_cached(
            "UPDATE outbox SET state = 'claimed', claimed_by = ?1, lease_until = ?2,
                attempts = attempts + 1, data_at = NULL
             WHERE id IN (SELECT value FROM json_each(?3))
             RETURNING id, message_key, kind, subscriber_id, address, language, urgent,
                documents, attempts, message_id",
        )?;
        let ids_json = serde_json::to_string(&ids).expect("numbers are JSON");
        let rows = stmt.query_map(params![run, timestamp(now + LEASE), ids_json], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, u32>(8)?,
                r.get::<_, Option<String>>(9)?,
            ))
        })?;
        let mut claimed = Vec::new();
        for row in rows {
            let (id, key, kind, subscriber_id, address, language, urgent, docs, attempts, mid) =
                row?;
            let kind = MessageKind::parse(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("outbox row {id} has kind `{kind}`")))?;
            let documents: Vec<String> = serde_json::from_str(&docs)
                .map_err(|e| StoreError::Corrupt(format!("outbox row {id}: {e}")))?;
            claimed.push(Claimed {
                id,
                message_key: key,
                kind,
                subscriber_id,
                address,
                language,
                urgent,
                documents,
                attempts,
                message_id: mid.unwrap_or_else(|| message_id(id, message_id_domain)),
                confirm_token: None,
            });
        }
        drop(stmt);
        // RETURNING does not keep the order the rows were chosen in.
        claimed.sort_by_key(|c| order.get(&c.id).copied().unwrap_or(usize::MAX));
        let mut set_mid = conn.prepare_cached(
            "UPDATE outbox SET message_id = ?2 WHERE id = ?1 AND message_id IS NULL",
        )?;
        for c in &mut claimed {
            set_mid.execute(params![c.id, c.message_id])?;
            if let (MessageKind::Confirm, Some(sub)) = (c.kind, c.subscriber_id)
                && !c.message_key.starts_with(MANAGE_KEY_PREFIX)
            {
                let hours = i64::from(crate::mail::compose::CONFIRM_VALID_HOURS);
                c.confirm_token = Some(store::issue_token(
                    conn,
                    sub,
                    "confirm",
                    Some(now + Duration::hours(hours)),
                )?);
            }
        }
        Ok(claimed)
    })
}

/// A Message-ID for a row: the same on every attempt.
fn message_id(row: i64, domain: &str) -> String {
    let mut random = [0u8; 9];
    // A clash of Message-IDs between two stores is harmless but avoidable.
    let _ = getrandom::fill(&mut random);
    format!("<{row}.{}@{domain}>", store::base64url(&random))
}

/// Records that the bodies of these rows are about to go out: from here on, a run that dies
/// leaves them `unknown`, not pending.
pub fn begin_data(conn: &Connection, ids: &[i64], now: DateTime<Utc>) -> Result<()> {
    store::atomically(conn, || {
        let mut stmt = conn.prepare_cached("UPDATE outbox SET data_at = ?2 WHERE id = ?1")?;
        for id in ids {
            stmt.execute(params![id, timestamp(now)])?;
        }
        Ok(())
    })
}

/// Records how sends ended, in one transaction.
pub fn record(conn: &Connection, outcomes: &[(i64, Outcome)], now: DateTime<Utc>) -> Result<()> {
    let now_s = timestamp(now);
    store::atomically(conn, || {
        for (id, outcome) in outcomes {
            match outcome {
                Outcome::Sent => {
                    conn.prepare_cached(
                        "UPDATE outbox SET state = 'sent', sent_at = ?2, claimed_by = NULL,
                            lease_until = NULL, last_error = NULL WHERE id = ?1",
                    )?
                    .execute(params![id, now_s])?;
                }
                Outcome::Failed(e) => {
                    conn.prepare_cached(
                        "UPDATE outbox SET state = 'failed', last_error = ?2, claimed_by = NULL,
                            lease_until = NULL WHERE id = ?1",
                    )?
                    .execute(params![id, clip(e)])?;
                }
                Outcome::Unknown(e) => {
                    conn.prepare_cached(
                        "UPDATE outbox SET state = CASE WHEN urgent = 1 AND attempts >= ?4
                                THEN 'failed' ELSE 'unknown' END,
                            last_error = ?2, claimed_by = NULL, lease_until = NULL,
                            next_attempt_at = ?3 WHERE id = ?1",
                    )?
                    .execute(params![
                        id,
                        clip(e),
                        timestamp(now + backoff(0)),
                        MAX_ATTEMPTS
                    ])?;
                }
                Outcome::Retry(e) => {
                    let (attempts, urgent): (u32, bool) = conn
                        .query_row(
                            "SELECT attempts, urgent FROM outbox WHERE id = ?1",
                            [id],
                            |r| Ok((r.get(0)?, r.get(1)?)),
                        )
                        .optional()?
                        .unwrap_or((MAX_ATTEMPTS, false));
                    // A crisis message is tried for as long as its notice is in force.
                    if attempts >= MAX_ATTEMPTS && !urgent {
                        conn.prepare_cached(
                            "UPDATE outbox SET state = 'failed', last_error = ?2, claimed_by = NULL,
                                lease_until = NULL WHERE id = ?1",
                        )?
                        .execute(params![id, format!("gave up after {attempts} attempts: {}", clip(e))])?;
                    } else {
                        conn.prepare_cached(
                            "UPDATE outbox SET state = 'pending', last_error = ?2, claimed_by = NULL,
                                lease_until = NULL, data_at = NULL, next_attempt_at = ?3
                             WHERE id = ?1",
                        )?
                        .execute(params![
                            id,
                            clip(e),
                            timestamp(now + retry_after(urgent, attempts))
                        ])?;
                    }
                }
            }
        }
        Ok(())
    })
}

/// Gives this run's claims back (pending) when it stops early: on purpose, or because the
/// server refused every connection. A row whose body never started was not tried, so its
/// claim does not count as an attempt (a week of a broken certificate must not use up the
/// attempts of every queued message).
pub fn release(conn: &Connection, run: &str) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE outbox SET state = CASE WHEN data_at IS NULL THEN 'pending' ELSE 'unknown' END,
            attempts = CASE WHEN data_at IS NULL AND attempts > 0 THEN attempts - 1
                ELSE attempts END,
            claimed_by = NULL, lease_until = NULL
         WHERE state = 'claimed' AND claimed_by = ?1",
        [run],
    )?)
}

/// When the next row waiting for its back-off is due, if any.
pub fn next_due(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    let next: Option<String> = conn.query_row(
        "SELECT min(next_attempt_at) FROM outbox
         WHERE state = 'pending' OR (state = 'unknown' AND urgent = 1)",
        [],
        |r| r.get(0),
    )?;
    Ok(next.and_then(|s| {
        DateTime::parse_from_rfc3339(&s)
            .ok()
            .map(|d| d.with_timezone(&Utc))
    }))
}

/// From when the outbox wants a run, if it holds anything to send: a row that waits for its
/// back-off from then, a new row or a claimed one whose run may have died (its lease) from
/// when it was queued or claimed, an urgent row of unknown fate at once.
pub fn wanted_from(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    let at: Option<String> = conn.query_row(
        "SELECT min(CASE
            WHEN state = 'claimed' THEN coalesce(lease_until, '')
            WHEN state = 'unknown' THEN ''
            ELSE coalesce(next_attempt_at, '') END)
         FROM outbox
         WHERE state IN ('pending', 'claimed') OR (state = 'unknown' AND urgent = 1)",
        [],
        |r| r.get(0),
    )?;
    Ok(at.map(|s| {
        DateTime::parse_from_rfc3339(&s)
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }))
}

/// Rows per state.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct StateCounts {
    pub pending: usize,
    pub claimed: usize,
    pub sent: usize,
    pub failed: usize,
    pub unknown: usize,
}

pub fn state_counts(conn: &Connection) -> Result<StateCounts> {
    let mut c = StateCounts::default();
    let mut stmt = conn.prepare("SELECT state, count(*) FROM outbox GROUP BY state")?;
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
    })? {
        let (state, n) = row?;
        match state.as_str() {
            "pending" => c.pending = n,
            "claimed" => c.claimed = n,
            "sent" => c.sent = n,
            "failed" => c.failed = n,
            "unknown" => c.unknown = n,
            _ => {}
        }
    }
    Ok(c)
}

/// Deletes sent and failed rows older than `before`: the outbox holds addresses, and a record
/// of what was sent is needed only for a while.
pub fn purge(conn: &Connection, before: DateTime<Utc>) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM outbox WHERE state IN ('sent', 'failed') AND queued_at < ?1",
        [timestamp(before)],
    )?)
}

/// An error as stored: addresses in it masked (a server's reply often quotes the recipient),
/// and short.
fn clip(e: &str) -> String {
    super::subscribers::mask_in(e).chars().take(500).collect()
}

/// The digests due at `now` for subscribers of `frequency`: the message key of the latest
/// digest time at or before `now` (daily: `digest_time` every day; weekly: `digest_time` on
/// `weekly_day`), in the site's time zone. `immediate` is due at every run.
pub fn digest_key(
    frequency: Frequency,
    now: DateTime<chrono_tz::Tz>,
    digest_time: chrono::NaiveTime,
    weekly_day: chrono::Weekday,
) -> String {
    use chrono::Datelike;
    match frequency {
        Frequency::Immediate => format!("digest:immediate:{}", timestamp(now.with_timezone(&Utc))),
        Frequency::Daily => {
            let mut day = now.date_naive();
            if now.time() < digest_time {
                day = day.pred_opt().unwrap_or(day);
            }
            format!("digest:daily:{day}")
        }
        Frequency::Weekly => {
            let mut day = now.date_naive();
            let back =
                (7 + day.weekday().num_days_from_monday() - weekly_day.num_days_from_monday()) % 7;
            day -= Duration::days(i64::from(back));
            if back == 0 && now.time() < digest_time {
                day -= Duration::days(7);
            }
            format!("digest:weekly:{day}")
        }
    }
}

/// The lock a sending run holds for as long as it lives: `STORE.runs/RUN.lock`, locked with
/// `flock`. Another run that finds it unlocked knows this run died.
pub struct RunLock {
    pub id: String,
    pub dir: PathBuf,
    file: Option<std::fs::File>,
}

impl RunLock {
    pub fn acquire(store: &Path) -> std::io::Result<RunLock> {
        let dir = runs_dir(store);
        std::fs::create_dir_all(&dir)?;
        let mut random = [0u8; 9];
        getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
        let id = format!("{}-{}", std::process::id(), store::base64url(&random));
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .open(dir.join(format!("{id}.lock")))?;
        rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive)?;
        Ok(RunLock {
            id,
            dir,
            file: Some(file),
        })
    }

    /// Lets go of the lock as a killed process would: the lock file stays, unlocked (tests).
    pub fn abandon(mut self) {
        self.file = None;
    }
}

impl Drop for RunLock {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let _ = rustix::fs::flock(&file, rustix::fs::FlockOperation::Unlock);
            let _ = std::fs::remove_file(self.dir.join(format!("{}.lock", self.id)));
        }
    }
}

/// `STORE.runs/` beside the store.
pub fn runs_dir(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".runs");
    store.with_file_name(name)
}

/// Whether the run `id` has died: its lock file is gone or can be locked.
fn run_is_dead(runs: &Path, id: &str) -> bool {
    if id.is_empty() || id.contains(['/', '\\']) || id.starts_with('.') {
        return true;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .open(runs.join(format!("{id}.lock")))
    {
        Err(_) => true,
        Ok(f) => {
            let free =
                rustix::fs::flock(&f, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_ok();
            if free {
                let _ = rustix::fs::flock(&f, rustix::fs::FlockOperation::Unlock);
            }
            free
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::Status;
    use chrono::TimeZone;

    fn sub(conn: &Connection, address: &str) -> Subscriber {
        let (s, _) = store::subscribe(
            conn,
            address,
            "sv",
            &[],
            Frequency::Daily,
            "test",
            Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
        )
        .unwrap();
        store::confirm(
            conn,
            s.id,
            Utc.with_ymd_and_hms(2026, 11, 1, 0, 1, 0).unwrap(),
        )
        .unwrap();
        store::by_id(conn, s.id).unwrap().unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 11, 0, 0).unwrap()
    }

    #[test]
    fn claiming_reads_the_due_index_in_order_and_sorts_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("s.sqlite")).unwrap();
        // Enough rows for the planner to prefer an index if one fits.
        for i in 0..200 {
            let s = sub(&conn, &format!("p{i}@example.org"));
            let row = NewRow {
                message_key: "k",
                kind: MessageKind::Digest,
                subscriber: &s,
                urgent: i % 7 == 0,
                documents: &[],
            };
            queue(&conn, &row, now()).unwrap();
        }
        conn.execute_batch("ANALYZE").unwrap();
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {DUE_ROWS}"))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map(params![true, timestamp(now()), 50], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("\n");
        assert!(plan.contains("USING INDEX outbox_due"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        // Urgent first, then by id while nothing has been retried.
        let c = claim(&conn, "run", 40, now(), "example.org").unwrap();
        assert_eq!(c.len(), 40);
        let urgent = c.iter().take_while(|c| c.urgent).count();
        assert_eq!(urgent, 29);
        assert!(c[..urgent].windows(2).all(|w| w[0].id < w[1].id));
        assert!(
            c[urgent..]
                .windows(2)
                .all(|w| w[0].id < w[1].id && !w[1].urgent)
        );
    }

    #[test]
    fn queueing_twice_queues_once_and_records_delivery() {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("s.sqlite")).unwrap();
        let s = sub(&conn, "a@example.org");
        assert_eq!(s.status, Status::Confirmed);
        let docs = vec!["press/x".to_owned()];
        let row = NewRow {
            message_key: "digest:daily:2026-11-22",
            kind: MessageKind::Digest,
            subscriber: &s,
            urgent: false,
            documents: &docs,
        };
        assert!(queue(&conn, &row, now()).unwrap());
        assert!(!queue(&conn, &row, now()).unwrap());
        assert!(delivered(&conn).unwrap()[&s.id].contains("press/x"));
        assert_eq!(
            queued_for(&conn, "digest:daily:2026-11-22").unwrap(),
            HashSet::from([s.id])
        );
    }

    #[test]
    fn rows_move_through_their_states() {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("s.sqlite")).unwrap();
        let mut ids = Vec::new();
        for (i, urgent) in [(0, false), (1, true), (2, false), (3, false), (4, true)] {
            let s = sub(&conn, &format!("p{i}@example.org"));
            queue(
                &conn,
                &NewRow {
                    message_key: "k",
                    kind: if urgent {
                        MessageKind::Crisis
                    } else {
                        MessageKind::Digest
                    },
                    subscriber: &s,
                    urgent,
                    documents: &[],
                },
                now(),
            )
            .unwrap();
            ids.push(s.id);
        }
        let rows = claim(&conn, "run", 10, now(), "example.org").unwrap();
        assert_eq!(rows.len(), 5);
        assert!(rows[0].urgent && rows[1].urgent, "urgent rows first");
        assert!(rows.iter().all(|r| r.message_id.ends_with("@example.org>")));
        // Nothing more to claim while they are claimed.
        assert!(
            claim(&conn, "run", 10, now(), "example.org")
                .unwrap()
                .is_empty()
        );
        let by_addr = |a: &str| rows.iter().find(|r| r.address == a).unwrap().id;
        begin_data(
            &conn,
            &[by_addr("p1@example.org"), by_addr("p2@example.org")],
            now(),
        )
        .unwrap();
        record(
            &conn,
            &[
                (by_addr("p0@example.org"), Outcome::Sent),
                (by_addr("p1@example.org"), Outcome::Unknown("reset".into())),
                (by_addr("p2@example.org"), Outcome::Unknown("reset".into())),
                (
                    by_addr("p3@example.org"),
                    Outcome::Retry("451 later".into()),
                ),
                (
                    by_addr("p4@example.org"),
                    Outcome::Failed("550 no such user".into()),
                ),
            ],
            now(),
        )
        .unwrap();
        let c = state_counts(&conn).unwrap();
        assert_eq!((c.sent, c.unknown, c.pending, c.failed), (1, 2, 1, 1));
        // Not yet: both the retry and the unknown urgent row wait for their back-off.
        assert!(
            claim(&conn, "run", 10, now(), "example.org")
                .unwrap()
                .is_empty()
        );
        let later = now() + Duration::minutes(1);
        let again = claim(&conn, "run", 10, later, "example.org").unwrap();
        let addrs: HashSet<&str> = again.iter().map(|r| r.address.as_str()).collect();
        // The urgent unknown row is retried, the digest's unknown row is not.
        assert_eq!(addrs, HashSet::from(["p1@example.org", "p3@example.org"]));
        let first_mid = rows.iter().find(|r| r.address == "p1@example.org").unwrap();
        let second_mid = again
            .iter()
            .find(|r| r.address == "p1@example.org")
            .unwrap();
        assert_eq!(
            first_mid.message_id, second_mid.message_id,
            "same Message-ID on a retry"
        );
        assert_eq!(second_mid.attempts, 2);
    }

    #[test]
    fn a_dead_runs_rows_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let store_path = dir.path().join("s.sqlite");
        let conn = store::open(&store_path).unwrap();
        for i in 0..3 {
            let s = sub(&conn, &format!("p{i}@example.org"));
            queue(
                &conn,
                &NewRow {
                    message_key: "k",
                    kind: MessageKind::Digest,
                    subscriber: &s,
                    urgent: false,
                    documents: &[],
                },
                now(),
            )
            .unwrap();
        }
        let dead = RunLock::acquire(&store_path).unwrap();
        let rows = claim(&conn, &dead.id, 10, now(), "example.org").unwrap();
        begin_data(&conn, &[rows[0].id], now()).unwrap();
        let alive = RunLock::acquire(&store_path).unwrap();
        // While the first run lives, its rows stay its own.
        let r = recover(&conn, &alive.dir, &alive.id, now()).unwrap();
        assert_eq!(r, Recovered::default());
        // It dies without releasing anything: the lock file stays, unlocked.
        let lock_file = dead.dir.join(format!("{}.lock", dead.id));
        dead.abandon();
        assert!(lock_file.exists());
        let r = recover(&conn, &alive.dir, &alive.id, now()).unwrap();
        assert_eq!(
            r,
            Recovered {
                requeued: 2,
                unknown: 1
            }
        );
        assert!(!lock_file.exists());
        assert_eq!(
            claim(&conn, &alive.id, 10, now(), "example.org")
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn released_rows_that_were_never_tried_keep_their_attempts() {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("s.sqlite")).unwrap();
        for i in 0..2 {
            let s = sub(&conn, &format!("p{i}@example.org"));
            queue(
                &conn,
                &NewRow {
                    message_key: "k",
                    kind: MessageKind::Crisis,
                    subscriber: &s,
                    urgent: true,
                    documents: &[],
                },
                now(),
            )
            .unwrap();
        }
        let rows = claim(&conn, "run", 10, now(), "example.org").unwrap();
        begin_data(&conn, &[rows[1].id], now()).unwrap();
        assert_eq!(release(&conn, "run").unwrap(), 2);
        let c = state_counts(&conn).unwrap();
        assert_eq!((c.pending, c.unknown, c.claimed), (1, 1, 0));
        let again = claim(&conn, "run", 10, now(), "example.org").unwrap();
        let attempts = |id| again.iter().find(|r| r.id == id).unwrap().attempts;
        assert_eq!(
            attempts(rows[0].id),
            1,
            "never tried: this is its first attempt"
        );
        assert_eq!(
            attempts(rows[1].id),
            2,
            "its body had started: that was an attempt"
        );
    }

    #[test]
    fn digest_keys_follow_the_clock() {
        use chrono::{NaiveTime, Weekday};
        let tz: chrono_tz::Tz = "Europe/Stockholm".parse().unwrap();
        let seven = NaiveTime::from_hms_opt(7, 0, 0).unwrap();
        let at = |d, h| tz.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap();
        // Sunday 22 November 2026.
        assert_eq!(
            digest_key(Frequency::Daily, at(22, 6), seven, Weekday::Mon),
            "digest:daily:2026-11-21"
        );
        assert_eq!(
            digest_key(Frequency::Daily, at(22, 7), seven, Weekday::Mon),
            "digest:daily:2026-11-22"
        );
        assert_eq!(
            digest_key(Frequency::Weekly, at(22, 12), seven, Weekday::Mon),
            "digest:weekly:2026-11-16"
        );
        assert_eq!(
            digest_key(Frequency::Weekly, at(23, 6), seven, Weekday::Mon),
            "digest:weekly:2026-11-16"
        );
        assert_eq!(
            digest_key(Frequency::Weekly, at(23, 8), seven, Weekday::Mon),
            "digest:weekly:2026-11-23"
        );
    }
}
