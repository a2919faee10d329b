//! The subscriber store: one SQLite file (never inside the site's output), opened with WAL and a
//! busy timeout so that `anslag publish` and the subscription service can share it. The schema
//! is created and upgraded by numbered migrations, each applied once in a transaction.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Frequency, Status, Subscriber, normalise_address};

/// Migrations in order; `user_version` holds how many have been applied. Never edit an applied
/// migration: add a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: subscribers, erased addresses, the outbox, tokens of the subscription service.
    r#"
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE subscribers (
        id INTEGER PRIMARY KEY,
        address TEXT NOT NULL UNIQUE,
        language TEXT NOT NULL,
        topics TEXT NOT NULL DEFAULT '[]',          -- JSON array of topic ids; [] = everything
        frequency TEXT NOT NULL CHECK (frequency IN ('immediate', 'daily', 'weekly')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
        consent_at TEXT NOT NULL,                   -- RFC 3339, UTC
        consent_source TEXT NOT NULL
    );
    -- Salted hashes of erased addresses: stops re-import without new consent, reveals nothing.
    CREATE TABLE erased (hash TEXT PRIMARY KEY, erased_at TEXT NOT NULL);
    -- One row per (message, recipient). `message_key` names what is sent (e.g.
    -- `crisis:notices/schools-closed-water@2026-11-22T06:30:00Z` or `digest:daily:2026-11-23`),
    -- so that queuing twice queues nothing new.
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        message_key TEXT NOT NULL,
        subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE CASCADE,
        address TEXT NOT NULL,
        language TEXT NOT NULL,
        urgent INTEGER NOT NULL DEFAULT 0,          -- crisis: `unknown` rows are retried
        state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'failed', 'unknown')),
        lease_until TEXT,                           -- for `claimed`: when another run may take it
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,                       -- back-off after a temporary failure
        last_error TEXT,
        message_id TEXT,
        queued_at TEXT NOT NULL,
        sent_at TEXT,
        UNIQUE (message_key, address)
    );
    CREATE INDEX outbox_state ON outbox (state, next_attempt_at);
    -- What each subscriber has been sent, so that a digest holds only what is new to them.
    CREATE TABLE delivered (
        subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
        document TEXT NOT NULL,                     -- `kind/slug`
        PRIMARY KEY (subscriber_id, document)
    );
    -- Tokens of the subscription service (confirm, preferences, unsubscribe), stored as hashes.
    CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL,
        expires_at TEXT,
        used_at TEXT
    );
    "#,
    // 2: when a subscriber withdrew consent, so that an import of an older list cannot
    // subscribe them again (a row's consent must be newer than this).
    r#"
    ALTER TABLE subscribers ADD COLUMN unsubscribed_at TEXT;  -- RFC 3339, UTC; NULL unless unsubscribed
    "#,
    // 3: what an outbox row sends, and which run has it (see `outbox`).
    r#"
    ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'digest'
        CHECK (kind IN ('crisis', 'digest', 'confirm'));
    ALTER TABLE outbox ADD COLUMN documents TEXT NOT NULL DEFAULT '[]';  -- JSON: `kind/slug`, in order
    ALTER TABLE outbox ADD COLUMN claimed_by TEXT;   -- the run that claimed it (its lock file)
    ALTER TABLE outbox ADD COLUMN data_at TEXT;      -- when its body started to go out
    CREATE INDEX outbox_claimed ON outbox (claimed_by) WHERE state = 'claimed';
    CREATE INDEX outbox_confirm ON outbox (address, queued_at) WHERE kind = 'confirm';
    CREATE INDEX outbox_key ON outbox (message_key);
    "#,
    // 4: a count of changes to subscribers, so that `anslag publish` can tell at a glance that
    // nobody subscribed, confirmed, changed preferences or left since its last run.
    r#"
    INSERT OR IGNORE INTO meta (key, value) VALUES ('subscriber_changes', '0');
    CREATE TRIGGER subscribers_inserted AFTER INSERT ON subscribers BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'subscriber_changes';
    END;
    CREATE TRIGGER subscribers_updated AFTER UPDATE ON subscribers BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'subscriber_changes';
    END;
    CREATE TRIGGER subscribers_deleted AFTER DELETE ON subscribers BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'subscriber_changes';
    END;
    "#,
    // 5: claiming costs O(batch) (`outbox::claim` reads this index in order, exactly its
    // WHERE and ORDER BY); bounces and complaints, and the status `bounced`. SQLite cannot
    // change a CHECK, so `subscribers` is rebuilt (with foreign keys off, see `migrate`).
    r#"
    CREATE INDEX outbox_due ON outbox (urgent, ifnull(next_attempt_at, ''), id)
        WHERE state = 'pending' OR (state = 'unknown' AND urgent = 1);
    CREATE TABLE subscribers_new (
        id INTEGER PRIMARY KEY,
        address TEXT NOT NULL UNIQUE,
        language TEXT NOT NULL,
        topics TEXT NOT NULL DEFAULT '[]',
        frequency TEXT NOT NULL CHECK (frequency IN ('immediate', 'daily', 'weekly')),
        status TEXT NOT NULL
            CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced')),
        consent_at TEXT NOT NULL,
        consent_source TEXT NOT NULL,
        unsubscribed_at TEXT                        -- also when suppressed for bounces
    );
    INSERT INTO subscribers_new SELECT id, address, language, topics, frequency, status,
        consent_at, consent_source, unsubscribed_at FROM subscribers;
    DROP TABLE subscribers;
    ALTER TABLE subscribers_new RENAME TO subscribers;
    CREATE TRIGGER subscribers_inserted AFTER INSERT ON subscribers BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'subscriber_changes';
    END;
    CREATE TRIGGER subscribers_updated AFTER UPDATE ON subscribers BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'subscriber_changes';
    END;
    CREATE TRIGGER subscribers_deleted AFTER DELETE ON subscribers BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'subscriber_changes';
    END;
    -- Each bounce or complaint received, by the address's salted hash (so that counting soft
    -- bounces survives the row being reduced or erased), with what it said.
    -- `report` is a hash of the message, so that importing a mailbox twice counts nothing twice.
    CREATE TABLE bounces (
        id INTEGER PRIMARY KEY,
        address_hash TEXT NOT NULL,
        outbox_id INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('hard', 'soft', 'complaint')),
        status_code TEXT,                           -- RFC 3463, e.g. 5.1.1
        received_at TEXT NOT NULL,
        report TEXT NOT NULL,
        UNIQUE (report, address_hash)
    );
    CREATE INDEX bounces_address ON bounces (address_hash, received_at);
    -- Addresses suppressed for bounces, as salted hashes: an import cannot bring them back
    -- without consent given after `suppressed_at`.
    CREATE TABLE suppressed (hash TEXT PRIMARY KEY, suppressed_at TEXT NOT NULL, reason TEXT NOT NULL);
    "#,
];

/// How many times subscribers changed (see migration 4).
pub fn subscriber_changes(conn: &Connection) -> Result<i64> {
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'subscriber_changes'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Opens (creating if needed) the store and brings its schema up to date.
pub fn open(path: &Path) -> rusqlite::Result<Connection> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        let _ = std::fs::create_dir_all(dir);
    }
    create_private(path);
    let mut conn = Connection::open(path)?;
    // Deleted rows are overwritten, so that an erased address leaves no bytes in the file.
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Applies the migrations not applied yet, each in its own transaction.
///
/// Foreign keys are off while migrating (SQLite ignores the pragma inside a transaction), so
/// that a table can be rebuilt without its `DROP` deleting the rows that refer to it; each
/// migration is checked against them before it commits.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let applied: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if applied.max(0) as usize >= MIGRATIONS.len() {
        return Ok(());
    }
    let foreign_keys: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let result = apply_migrations(conn, applied.max(0) as usize);
    conn.pragma_update(None, "foreign_keys", foreign_keys)?;
    result
}

fn apply_migrations(conn: &mut Connection, applied: usize) -> rusqlite::Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        let broken: Option<String> = tx
            .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()?;
        if let Some(table) = broken {
            return Err(rusqlite::Error::ToSqlConversionFailure(Box::new(
                std::io::Error::other(format!(
                    "migration {} would leave rows of `{table}` pointing nowhere",
                    i + 1
                )),
            )));
        }
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// The store's secret salt for hashes of erased addresses and tokens, made on first use.
pub fn salt(conn: &Connection) -> rusqlite::Result<String> {
    if let Some(s) = conn
        .query_row("SELECT value FROM meta WHERE key = 'salt'", [], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
    {
        return Ok(s);
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| {
        rusqlite::Error::ToSqlConversionFailure(Box::new(std::io::Error::other(e.to_string())))
    })?;
    let s: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?1)",
        [&s],
    )?;
    conn.query_row("SELECT value FROM meta WHERE key = 'salt'", [], |r| {
        r.get(0)
    })
}

/// Creates the store file readable by its owner only (it holds personal data); SQLite gives its
/// `-wal` and `-shm` files the same permissions.
fn create_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        if !path.exists() {
            let _ = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path);
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

// ---------------------------------------------------------------------------------------------
// Subscribers, erasure, tokens.
// ---------------------------------------------------------------------------------------------

/// What went wrong in the store, in words for the person running anslag.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the subscriber store: {0}")]
    Db(#[from] rusqlite::Error),
    /// The address given is not one ([`normalise_address`] says why).
    #[error("{0}")]
    InvalidAddress(&'static str),
    #[error("the operating system gave no random numbers: {0}")]
    Random(String),
    /// A row that this version cannot read (changed by hand, or by a newer anslag).
    #[error("the subscriber store holds something unexpected: {0}")]
    Corrupt(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What [`subscribe`] did, for the caller's logic only: what a person who filled in the form
/// is shown must be the same in every case, so that the form does not reveal who subscribes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A new subscriber, pending confirmation: send the confirmation message.
    Created,
    /// Already asked and not yet confirmed: the preferences were updated; send the
    /// confirmation message again.
    AlreadyPending,
    /// Already confirmed: nothing was changed (a form that anyone can fill in must not change a
    /// confirmed subscriber's preferences); send a message with a link to the preferences page.
    AlreadyConfirmed,
    /// Had unsubscribed: pending again with the new preferences; send the confirmation message.
    Resubscribed,
}

/// What [`import_confirmed`] did with one row of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    Added,
    Updated,
    /// Not stored, and why (the reason names no address).
    Refused(String),
}

/// What [`erase_report`] deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erasure {
    pub subscriber: bool,
    pub outbox: usize,
    pub delivered: usize,
    pub tokens: usize,
    /// Whether the write-ahead log was emptied, so that no old copy of the deleted rows is left
    /// in the files. False when another connection was reading at that moment (or the erasure
    /// ran inside the caller's transaction): the log is emptied at a later checkpoint.
    pub log_emptied: bool,
}

impl Erasure {
    /// Whether anything at all was stored about the person.
    pub fn found(&self) -> bool {
        self.subscriber || self.outbox + self.delivered + self.tokens > 0
    }
}

/// Subscriber numbers for `anslag subscribers list`: never addresses.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Every status, also those with no subscribers.
    pub by_status: BTreeMap<String, u64>,
    /// Confirmed subscribers per language code.
    pub by_language: BTreeMap<String, u64>,
    /// Confirmed subscribers who chose each topic.
    pub by_topic: BTreeMap<String, u64>,
    /// Confirmed subscribers who chose no topics, and so receive everything.
    pub all_topics: u64,
}

/// A time as stored: RFC 3339 in UTC to the second (`2026-11-22T06:30:00Z`), so that stored
/// times compare correctly as text.
pub fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn parse_time(idx: usize, s: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

fn bad_value(idx: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, what.into())
}

/// Sorted, without duplicates or empty ids.
fn clean_topics(topics: &[String]) -> Vec<String> {
    let mut t: Vec<String> = topics
        .iter()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    t.sort();
    t.dedup();
    t
}

fn topics_json(topics: &[String]) -> String {
    serde_json::to_string(&clean_topics(topics)).expect("a list of strings is JSON")
}

const SUBSCRIBER_COLUMNS: &str =
    "id, address, language, topics, frequency, status, consent_at, consent_source";

fn subscriber_from_row(r: &rusqlite::Row) -> rusqlite::Result<Subscriber> {
    let topics: String = r.get(3)?;
    let frequency: String = r.get(4)?;
    let status: String = r.get(5)?;
    let consent_at: String = r.get(6)?;
    Ok(Subscriber {
        id: r.get(0)?,
        address: r.get(1)?,
        language: r.get(2)?,
        topics: serde_json::from_str(&topics)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(3, Type::Text, Box::new(e)))?,
        frequency: Frequency::parse(&frequency)
            .ok_or_else(|| bad_value(4, format!("unknown frequency `{frequency}`")))?,
        status: Status::parse(&status)
            .ok_or_else(|| bad_value(5, format!("unknown status `{status}`")))?,
        consent_at: parse_time(6, &consent_at)?,
        consent_source: r.get(7)?,
    })
}

/// Runs `f` in a transaction: `BEGIN IMMEDIATE` (so that a writer never fails half-way on a
/// lock another process holds) or, inside a transaction the caller opened, a savepoint. Either
/// everything `f` did stays or none of it.
pub(crate) fn atomically<T>(conn: &Connection, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let outermost = conn.is_autocommit();
    let (begin, commit, rollback) = if outermost {
        ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
    } else {
        (
            "SAVEPOINT anslag_store",
            "RELEASE anslag_store",
            "ROLLBACK TO anslag_store; RELEASE anslag_store",
        )
    };
    conn.execute_batch(begin)?;
    let result = f().and_then(|v| {
        conn.execute_batch(commit)?;
        Ok(v)
    });
    if result.is_err() && (!outermost || !conn.is_autocommit()) {
        let _ = conn.execute_batch(rollback);
    }
    result
}

/// `sha256(salt || data)` in hex: what the store keeps instead of erased addresses and tokens.
fn salted_hash(salt: &str, data: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update(data.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Inserts a pending subscriber, or updates one who is pending or had unsubscribed; a
/// confirmed subscriber is left as they are. See [`Outcome`] for what the caller must do.
/// `source` says where consent is being given (`form`, …); `now` is stored as the consent time
/// until [`confirm`] replaces it with the time of confirmation.
pub fn subscribe(
    conn: &Connection,
    address: &str,
    language: &str,
    topics: &[String],
    frequency: Frequency,
    source: &str,
    now: DateTime<Utc>,
) -> Result<(Subscriber, Outcome)> {
    let address = normalise_address(address).map_err(StoreError::InvalidAddress)?;
    let topics = topics_json(topics);
    let now_s = timestamp(now);
    atomically(conn, || {
        let existing: Option<(i64, String)> = conn
            .query_row(
                "SELECT id, status FROM subscribers WHERE address = ?1",
                [&address],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (id, outcome) = match existing {
            None => {
                conn.execute(
                    "INSERT INTO subscribers (address, language, topics, frequency, status, consent_at, consent_source)
                     VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6)",
                    params![address, language, topics, frequency.as_str(), now_s, source],
                )?;
                (conn.last_insert_rowid(), Outcome::Created)
            }
            Some((id, status)) if status == Status::Confirmed.as_str() => {
                (id, Outcome::AlreadyConfirmed)
            }
            Some((id, status)) => {
                conn.execute(
                    "UPDATE subscribers SET language = ?2, topics = ?3, frequency = ?4,
                     status = 'pending', consent_at = ?5, consent_source = ?6 WHERE id = ?1",
                    params![id, language, topics, frequency.as_str(), now_s, source],
                )?;
                let outcome = if status == Status::Pending.as_str() {
                    Outcome::AlreadyPending
                } else {
                    Outcome::Resubscribed
                };
                (id, outcome)
            }
        };
        let s = by_id(conn, id)?.expect("the row was just written");
        Ok((s, outcome))
    })
}

/// Confirms a pending subscriber (double opt-in): the consent time becomes `now`. True if the
/// subscriber is confirmed afterwards; false if there is no such subscriber or they have
/// unsubscribed (a confirmation link must not undo an unsubscription).
pub fn confirm(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<bool> {
    conn.execute(
        "UPDATE subscribers SET status = 'confirmed', consent_at = ?2, unsubscribed_at = NULL
         WHERE id = ?1 AND status = 'pending'",
        params![id, timestamp(now)],
    )?;
    Ok(by_id(conn, id)?.is_some_and(|s| s.status == Status::Confirmed))
}

/// Unsubscribes, recording when consent was withdrawn: an import whose consent is older than
/// this cannot subscribe the person again. True if the subscriber exists.
pub fn unsubscribe_at(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<bool> {
    conn.execute(
        "UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?2
         WHERE id = ?1 AND status != 'unsubscribed'",
        params![id, timestamp(now)],
    )?;
    Ok(by_id(conn, id)?.is_some())
}

/// Changes what a subscriber receives (from the token-protected preferences page). True if
/// the subscriber exists. Languages and topics are checked against `site.yaml` by the caller.
pub fn update_preferences(
    conn: &Connection,
    id: i64,
    language: &str,
    topics: &[String],
    frequency: Frequency,
) -> Result<bool> {
    let n = conn.execute(
        "UPDATE subscribers SET language = ?2, topics = ?3, frequency = ?4 WHERE id = ?1",
        params![id, language, topics_json(topics), frequency.as_str()],
    )?;
    Ok(n > 0)
}

/// The subscriber with this address (normalised first); none if it is not an address.
pub fn by_address(conn: &Connection, address: &str) -> Result<Option<Subscriber>> {
    let Ok(address) = normalise_address(address) else {
        return Ok(None);
    };
    Ok(conn
        .query_row(
            &format!("SELECT {SUBSCRIBER_COLUMNS} FROM subscribers WHERE address = ?1"),
            [&address],
            subscriber_from_row,
        )
        .optional()?)
}

pub fn by_id(conn: &Connection, id: i64) -> Result<Option<Subscriber>> {
    Ok(conn
        .query_row(
            &format!("SELECT {SUBSCRIBER_COLUMNS} FROM subscribers WHERE id = ?1"),
            [id],
            subscriber_from_row,
        )
        .optional()?)
}

/// Every confirmed subscriber, by id: those who are sent messages.
pub fn confirmed(conn: &Connection) -> Result<Vec<Subscriber>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {SUBSCRIBER_COLUMNS} FROM subscribers WHERE status = 'confirmed' ORDER BY id"
    ))?;
    let rows = stmt.query_map([], subscriber_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Stores a subscriber from an import, confirmed: `consent_at` (from the list) is the proof of
/// consent. `address` must be normalised and the language and topics checked by the caller.
///
/// Refused: an erased address, unless this consent is newer than the erasure; an address
/// suppressed for bounces, unless this consent is newer than the suppression; a subscriber who
/// unsubscribed, unless this consent is newer than the unsubscription. An existing subscriber
/// gets the row's preferences; their stored consent is replaced only by a newer one (or if they
/// had not confirmed).
pub fn import_confirmed(
    conn: &Connection,
    address: &str,
    language: &str,
    topics: &[String],
    frequency: Frequency,
    consent_at: DateTime<Utc>,
    source: &str,
) -> Result<Imported> {
    let day = |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    if let Some(erased_at) = erased_at(conn, address)?
        && consent_at <= erased_at
    {
        return Ok(Imported::Refused(format!(
            "the address was erased on {}, and this row's consent ({}) is not newer: it cannot be imported without consent given after the erasure",
            day(erased_at),
            day(consent_at)
        )));
    }
    if let Some(at) = suppressed_at(conn, address)?
        && consent_at <= at
    {
        return Ok(Imported::Refused(format!(
            "mail to the address bounced, and it was suppressed on {}; this row's consent ({}) is not newer: only consent given after that can add it again",
            day(at),
            day(consent_at)
        )));
    }
    let topics = topics_json(topics);
    let existing: Option<(i64, String, String, Option<String>)> = conn
        .query_row(
            "SELECT id, status, consent_at, unsubscribed_at FROM subscribers WHERE address = ?1",
            [address],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((id, status, stored_consent, unsubscribed_at)) = existing else {
        conn.execute(
            "INSERT INTO subscribers (address, language, topics, frequency, status, consent_at, consent_source)
             VALUES (?1, ?2, ?3, ?4, 'confirmed', ?5, ?6)",
            params![address, language, topics, frequency.as_str(), timestamp(consent_at), source],
        )?;
        return Ok(Imported::Added);
    };
    let stored_consent = parse_time(2, &stored_consent)?;
    if let Some(u) = &unsubscribed_at {
        let since = parse_time(3, u)?;
        if consent_at <= since {
            return Ok(Imported::Refused(format!(
                "the person unsubscribed on {}, and this row's consent ({}) is older: only consent given after unsubscribing can subscribe them again",
                day(since),
                day(consent_at)
            )));
        }
    } else if status == Status::Unsubscribed.as_str() && consent_at <= stored_consent {
        return Ok(Imported::Refused(format!(
            "the person has unsubscribed, and this row's consent ({}) is not newer than theirs",
            day(consent_at)
        )));
    }
    let take_consent = status != Status::Confirmed.as_str() || consent_at > stored_consent;
    conn.execute(
        "UPDATE subscribers SET language = ?2, topics = ?3, frequency = ?4, status = 'confirmed',
         unsubscribed_at = NULL,
         consent_at = CASE WHEN ?5 THEN ?6 ELSE consent_at END,
         consent_source = CASE WHEN ?5 THEN ?7 ELSE consent_source END
         WHERE id = ?1",
        params![
            id,
            language,
            topics,
            frequency.as_str(),
            take_consent,
            timestamp(consent_at),
            source
        ],
    )?;
    Ok(Imported::Updated)
}

/// When this address was erased, if it was (by its salted hash).
pub fn erased_at(conn: &Connection, address: &str) -> Result<Option<DateTime<Utc>>> {
    let Ok(address) = normalise_address(address) else {
        return Ok(None);
    };
    let hash = salted_hash(&salt(conn)?, &address);
    let at: Option<String> = conn
        .query_row(
            "SELECT erased_at FROM erased WHERE hash = ?1",
            [&hash],
            |r| r.get(0),
        )
        .optional()?;
    Ok(at.map(|s| parse_time(0, &s)).transpose()?)
}

/// `sha256(salt || address)` of a normalised address: how the store names an address it must
/// not keep (erased, suppressed, bounced).
pub(crate) fn address_hash(conn: &Connection, address: &str) -> Result<String> {
    Ok(salted_hash(&salt(conn)?, address))
}

/// When this address was suppressed for bounces, if it was (by its salted hash).
pub fn suppressed_at(conn: &Connection, address: &str) -> Result<Option<DateTime<Utc>>> {
    let Ok(address) = normalise_address(address) else {
        return Ok(None);
    };
    let at: Option<String> = conn
        .query_row(
            "SELECT suppressed_at FROM suppressed WHERE hash = ?1",
            [address_hash(conn, &address)?],
            |r| r.get(0),
        )
        .optional()?;
    Ok(at.map(|s| parse_time(0, &s)).transpose()?)
}

/// Whether this address was erased.
pub fn is_erased(conn: &Connection, address: &str) -> Result<bool> {
    Ok(erased_at(conn, address)?.is_some())
}

/// Erases everything stored about the person ([`erase_report`]); true if anything was stored.
pub fn erase(conn: &Connection, address: &str, now: DateTime<Utc>) -> Result<bool> {
    Ok(erase_report(conn, address, now)?.found())
}

/// Deletes the subscriber and every row that concerns them (tokens, delivery records, outbox
/// rows by subscriber and by address) in one transaction, and keeps only
/// `sha256(salt || address)` with the time, so that the address cannot be imported again
/// without newer consent. The hash is kept even when nothing was stored (the person asked not to
/// be added). Deleted bytes are overwritten (`secure_delete`) and the write-ahead log is
/// emptied, so that the address is not left in the files either.
pub fn erase_report(conn: &Connection, address: &str, now: DateTime<Utc>) -> Result<Erasure> {
    let address = normalise_address(address).map_err(StoreError::InvalidAddress)?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    let hash = salted_hash(&salt(conn)?, &address);
    let mut erasure = atomically(conn, || {
        let id: Option<i64> = conn
            .query_row(
                "SELECT id FROM subscribers WHERE address = ?1",
                [&address],
                |r| r.get(0),
            )
            .optional()?;
        let mut e = Erasure::default();
        if let Some(id) = id {
            e.tokens = conn.execute("DELETE FROM tokens WHERE subscriber_id = ?1", [id])?;
            e.delivered = conn.execute("DELETE FROM delivered WHERE subscriber_id = ?1", [id])?;
        }
        e.outbox = conn.execute(
            "DELETE FROM outbox WHERE subscriber_id = ?1 OR address = ?2 OR lower(address) = ?2",
            params![id, address],
        )?;
        // Bounces are kept by the same hash; the erasure's own hash stops re-import now.
        conn.execute("DELETE FROM bounces WHERE address_hash = ?1", [&hash])?;
        conn.execute("DELETE FROM suppressed WHERE hash = ?1", [&hash])?;
        if let Some(id) = id {
            e.subscriber = conn.execute("DELETE FROM subscribers WHERE id = ?1", [id])? > 0;
        }
        conn.execute(
            "INSERT INTO erased (hash, erased_at) VALUES (?1, ?2)
             ON CONFLICT (hash) DO UPDATE SET erased_at = excluded.erased_at",
            params![hash, timestamp(now)],
        )?;
        Ok(e)
    })?;
    if conn.is_autocommit() {
        // Copies the overwritten pages into the database and empties the log. Another
        // connection reading at this moment can keep old pages in the log until a later
        // checkpoint: reported, not an error.
        let busy = conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap_or(1);
        let wal_mode = conn
            .pragma_query_value(None, "journal_mode", |r| r.get::<_, String>(0))
            .is_ok_and(|m| m.eq_ignore_ascii_case("wal"));
        erasure.log_emptied = busy == 0 || !wal_mode;
    }
    Ok(erasure)
}

/// The rows of a query as JSON objects, every column by name.
fn rows_json(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<serde_json::Value>> {
    use rusqlite::types::ValueRef;
    use serde_json::Value;
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().map(String::from).collect();
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut m = serde_json::Map::new();
        for (i, name) in names.iter().enumerate() {
            let v = match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => n.into(),
                ValueRef::Real(f) => f.into(),
                ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                ValueRef::Blob(b) => b
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
                    .into(),
            };
            m.insert(name.clone(), v);
        }
        out.push(Value::Object(m));
    }
    Ok(out)
}

/// Everything stored about one person (the GDPR right of access), or none if nothing is: the
/// subscriber row (every column), the outbox rows addressed to them, the documents they have
/// been sent, their tokens (purpose, expiry and use only: the stored hash is no use to them),
/// and the time of an earlier erasure of their address. Nothing about anyone else.
pub fn export(conn: &Connection, address: &str) -> Result<Option<serde_json::Value>> {
    use serde_json::{Value, json};
    let Ok(address) = normalise_address(address) else {
        return Ok(None);
    };
    let mut subscriber = rows_json(
        conn,
        "SELECT * FROM subscribers WHERE address = ?1",
        [&address],
    )?
    .pop();
    let id = subscriber
        .as_ref()
        .and_then(|s| s.get("id"))
        .and_then(Value::as_i64);
    if let Some(Value::Object(s)) = &mut subscriber
        && let Some(Value::String(t)) = s.get("topics")
        && let Ok(list) = serde_json::from_str::<Value>(t)
    {
        s.insert("topics".into(), list);
    }
    let outbox = rows_json(
        conn,
        "SELECT * FROM outbox WHERE subscriber_id = ?1 OR address = ?2 OR lower(address) = ?2 ORDER BY id",
        params![id, address],
    )?;
    let delivered: Vec<Value> = rows_json(
        conn,
        "SELECT document FROM delivered WHERE subscriber_id = ?1 ORDER BY document",
        [id],
    )?
    .into_iter()
    .filter_map(|mut r| r.get_mut("document").map(Value::take))
    .collect();
    let tokens = rows_json(
        conn,
        "SELECT purpose, expires_at, used_at FROM tokens WHERE subscriber_id = ?1 ORDER BY rowid",
        [id],
    )?;
    let erased = erased_at(conn, &address)?;
    let hash = address_hash(conn, &address)?;
    let bounces = rows_json(
        conn,
        "SELECT kind, status_code, received_at, outbox_id FROM bounces WHERE address_hash = ?1 ORDER BY id",
        [&hash],
    )?;
    let suppressed = rows_json(
        conn,
        "SELECT suppressed_at, reason FROM suppressed WHERE hash = ?1",
        [&hash],
    )?
    .pop();
    if subscriber.is_none() && outbox.is_empty() && erased.is_none() && bounces.is_empty() {
        return Ok(None);
    }
    Ok(Some(json!({
        "address": address,
        "subscriber": subscriber,
        "outbox": outbox,
        "delivered": delivered,
        "tokens": tokens,
        "bounces": bounces,
        "suppressed": suppressed,
        "erased": erased.map(|t| json!({
            "erased_at": timestamp(t),
            "kept": "a salted hash of the address, so that it is not imported again without new consent",
        })),
    })))
}

/// Subscribers per status, and confirmed subscribers per language and per topic.
pub fn counts(conn: &Connection) -> Result<Counts> {
    let mut c = Counts::default();
    for s in [
        Status::Pending,
        Status::Confirmed,
        Status::Unsubscribed,
        Status::Bounced,
    ] {
        c.by_status.insert(s.as_str().to_owned(), 0);
    }
    let group = |sql: &str, into: &mut BTreeMap<String, u64>| -> Result<()> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (k, n) = row?;
            into.insert(k, n.max(0) as u64);
        }
        Ok(())
    };
    group(
        "SELECT status, count(*) FROM subscribers GROUP BY status",
        &mut c.by_status,
    )?;
    group(
        "SELECT language, count(*) FROM subscribers WHERE status = 'confirmed' GROUP BY language",
        &mut c.by_language,
    )?;
    group(
        "SELECT t.value, count(*) FROM subscribers s, json_each(s.topics) t
         WHERE s.status = 'confirmed' GROUP BY t.value",
        &mut c.by_topic,
    )?;
    c.all_topics = conn.query_row(
        "SELECT count(*) FROM subscribers WHERE status = 'confirmed' AND json_array_length(topics) = 0",
        [],
        |r| r.get::<_, i64>(0),
    )?
    .max(0) as u64;
    Ok(c)
}

/// URL-safe base64 without padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Bytes of randomness in a token: 256 bits.
const TOKEN_BYTES: usize = 32;

/// Makes a token for a link in a message (`purpose`: `confirm`, `preferences`, `unsubscribe`,
/// …), valid until `expires_at` (none: until used or the subscriber is erased). Returns the
/// token, 43 URL-safe characters from the operating system's random numbers; the store keeps
/// only `sha256(salt || token)`, so that a copy of the store cannot be used to act for anyone.
pub fn issue_token(
    conn: &Connection,
    subscriber_id: i64,
    purpose: &str,
    expires_at: Option<DateTime<Utc>>,
) -> Result<String> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Random(e.to_string()))?;
    let token = base64url(&bytes);
    conn.execute(
        "INSERT INTO tokens (hash, subscriber_id, purpose, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            salted_hash(&salt(conn)?, &token),
            subscriber_id,
            purpose,
            expires_at.map(timestamp)
        ],
    )?;
    Ok(token)
}

/// The subscriber a token was issued to, if it was issued for `purpose`, has not expired at
/// `now` and has not been used. With `single_use` it is marked used (atomically: of two
/// requests with the same token, one succeeds); without, it stays valid until it expires.
pub fn take_token(
    conn: &Connection,
    token: &str,
    purpose: &str,
    now: DateTime<Utc>,
    single_use: bool,
) -> Result<Option<i64>> {
    if token.is_empty() || token.len() > 256 {
        return Ok(None);
    }
    let hash = salted_hash(&salt(conn)?, token.trim());
    let now = timestamp(now);
    let valid = "hash = ?1 AND purpose = ?2 AND used_at IS NULL AND (expires_at IS NULL OR expires_at > ?3)";
    let sql = if single_use {
        format!("UPDATE tokens SET used_at = ?3 WHERE {valid} RETURNING subscriber_id")
    } else {
        format!("SELECT subscriber_id FROM tokens WHERE {valid}")
    };
    Ok(conn
        .query_row(&sql, params![hash, purpose, now], |r| r.get(0))
        .optional()?)
}

/// Deletes tokens that have expired or been used before `now`: they are of no use to anyone.
/// Returns how many.
pub fn purge_tokens(conn: &Connection, now: DateTime<Utc>) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM tokens WHERE expires_at <= ?1 OR used_at IS NOT NULL",
        [timestamp(now)],
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_once_and_salt_is_stable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let conn = open(&path).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v as usize, MIGRATIONS.len());
        let s = salt(&conn).unwrap();
        drop(conn);
        let conn = open(&path).unwrap();
        assert_eq!(salt(&conn).unwrap(), s);
        assert_eq!(s.len(), 64);
    }

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn memory() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrate(&mut conn).unwrap();
        conn
    }

    fn topics(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn later_migrations_upgrade_an_existing_store() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO subscribers (address, language, frequency, status, consent_at, consent_source)
             VALUES ('a@b.example', 'sv', 'daily', 'confirmed', '2026-01-01T00:00:00Z', 'form')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO delivered (subscriber_id, document) VALUES (1, 'press/x')",
            [],
        )
        .unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrate(&mut conn).unwrap();
        // Rebuilding `subscribers` (migration 5) deleted nothing that refers to it.
        let kept: i64 = conn
            .query_row("SELECT count(*) FROM delivered", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, 1);
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v as usize, MIGRATIONS.len());
        let s = by_address(&conn, "A@B.example").unwrap().unwrap();
        assert_eq!(s.frequency, Frequency::Daily);
        assert!(unsubscribe_at(&conn, s.id, t("2026-02-01T00:00:00Z")).unwrap());
        migrate(&mut conn).unwrap();
    }

    #[test]
    fn subscribe_outcomes_and_double_opt_in() {
        let conn = memory();
        let now = t("2026-11-22T12:00:00Z");
        let (s, o) = subscribe(
            &conn,
            " Anna@Ekvik.Example",
            "sv",
            &topics(&["b", "a", "a"]),
            Frequency::Daily,
            "form",
            now,
        )
        .unwrap();
        assert_eq!(o, Outcome::Created);
        assert_eq!(
            (s.address.as_str(), s.status),
            ("anna@ekvik.example", Status::Pending)
        );
        assert_eq!(s.topics, topics(&["a", "b"]));
        let (s2, o) = subscribe(
            &conn,
            "anna@ekvik.example",
            "en",
            &[],
            Frequency::Weekly,
            "form",
            now,
        )
        .unwrap();
        assert_eq!(
            (o, s2.id, s2.language.as_str()),
            (Outcome::AlreadyPending, s.id, "en")
        );
        assert!(confirmed(&conn).unwrap().is_empty());
        let later = t("2026-11-22T12:05:00Z");
        assert!(confirm(&conn, s.id, later).unwrap());
        let c = by_id(&conn, s.id).unwrap().unwrap();
        assert_eq!((c.status, c.consent_at), (Status::Confirmed, later));
        // A form anyone can fill in does not change a confirmed subscriber.
        let (s3, o) = subscribe(
            &conn,
            "anna@ekvik.example",
            "ar",
            &topics(&["x"]),
            Frequency::Immediate,
            "form",
            now,
        )
        .unwrap();
        assert_eq!(
            (o, s3.language.as_str(), s3.status),
            (Outcome::AlreadyConfirmed, "en", Status::Confirmed)
        );
        assert_eq!(confirmed(&conn).unwrap(), vec![c.clone()]);
        assert!(
            update_preferences(&conn, s.id, "ar", &topics(&["x"]), Frequency::Immediate).unwrap()
        );
        assert_eq!(by_id(&conn, s.id).unwrap().unwrap().language, "ar");
        assert!(unsubscribe_at(&conn, s.id, later).unwrap());
        assert_eq!(
            by_id(&conn, s.id).unwrap().unwrap().status,
            Status::Unsubscribed
        );
        let (_, o) = subscribe(
            &conn,
            "anna@ekvik.example",
            "sv",
            &[],
            Frequency::Daily,
            "form",
            now,
        )
        .unwrap();
        assert_eq!(o, Outcome::Resubscribed);
        assert_eq!(by_id(&conn, s.id).unwrap().unwrap().status, Status::Pending);
        assert!(matches!(
            subscribe(
                &conn,
                "not an address",
                "sv",
                &[],
                Frequency::Daily,
                "form",
                now
            ),
            Err(StoreError::InvalidAddress(_))
        ));
        assert!(!unsubscribe_at(&conn, 999, now).unwrap());
        assert!(!confirm(&conn, 999, now).unwrap());
        assert!(!update_preferences(&conn, 999, "sv", &[], Frequency::Daily).unwrap());
    }

    #[test]
    fn confirming_does_not_undo_an_unsubscription() {
        let conn = memory();
        let now = t("2026-11-22T12:00:00Z");
        let (s, _) = subscribe(
            &conn,
            "a@b.example",
            "sv",
            &[],
            Frequency::Daily,
            "form",
            now,
        )
        .unwrap();
        unsubscribe_at(&conn, s.id, now).unwrap();
        assert!(!confirm(&conn, s.id, now).unwrap());
        assert_eq!(
            by_id(&conn, s.id).unwrap().unwrap().status,
            Status::Unsubscribed
        );
    }

    #[test]
    fn import_respects_erasure_and_unsubscription() {
        let conn = memory();
        let (jan, feb, mar, apr) = (
            t("2026-01-01T00:00:00Z"),
            t("2026-02-01T00:00:00Z"),
            t("2026-03-01T00:00:00Z"),
            t("2026-04-01T00:00:00Z"),
        );
        let imp = |at| {
            import_confirmed(
                &conn,
                "a@b.example",
                "sv",
                &[],
                Frequency::Daily,
                at,
                "import:x.csv",
            )
            .unwrap()
        };
        assert_eq!(imp(jan), Imported::Added);
        assert_eq!(imp(jan), Imported::Updated);
        let id = by_address(&conn, "a@b.example").unwrap().unwrap().id;
        unsubscribe_at(&conn, id, feb).unwrap();
        assert!(
            matches!(imp(jan), Imported::Refused(r) if r.contains("unsubscribed on 2026-02-01"))
        );
        assert_eq!(imp(mar), Imported::Updated);
        let s = by_id(&conn, id).unwrap().unwrap();
        assert_eq!((s.status, s.consent_at), (Status::Confirmed, mar));
        // An older consent does not replace a newer one.
        assert_eq!(imp(feb), Imported::Updated);
        assert_eq!(by_id(&conn, id).unwrap().unwrap().consent_at, mar);
        assert!(erase(&conn, "A@b.example", mar).unwrap());
        assert!(is_erased(&conn, "a@B.example").unwrap());
        assert!(matches!(imp(mar), Imported::Refused(r) if r.contains("erased on 2026-03-01")));
        assert_eq!(imp(apr), Imported::Added);
    }

    #[test]
    fn tokens_expire_are_single_use_and_keep_their_purpose() {
        let conn = memory();
        let now = t("2026-11-22T12:00:00Z");
        let (s, _) = subscribe(
            &conn,
            "a@b.example",
            "sv",
            &[],
            Frequency::Daily,
            "form",
            now,
        )
        .unwrap();
        let tok = issue_token(&conn, s.id, "confirm", Some(t("2026-11-23T12:00:00Z"))).unwrap();
        assert_eq!(tok.len(), 43);
        assert!(
            tok.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{tok}"
        );
        assert_ne!(tok, issue_token(&conn, s.id, "confirm", None).unwrap());
        assert_eq!(
            take_token(&conn, &tok, "unsubscribe", now, true).unwrap(),
            None
        );
        assert_eq!(
            take_token(&conn, "forged", "confirm", now, true).unwrap(),
            None
        );
        assert_eq!(
            take_token(&conn, &tok, "confirm", t("2026-11-23T12:00:00Z"), true).unwrap(),
            None
        );
        assert_eq!(
            take_token(&conn, &tok, "confirm", now, false).unwrap(),
            Some(s.id)
        );
        assert_eq!(
            take_token(&conn, &tok, "confirm", now, true).unwrap(),
            Some(s.id)
        );
        assert_eq!(take_token(&conn, &tok, "confirm", now, true).unwrap(), None);
        assert_eq!(
            take_token(&conn, &tok, "confirm", now, false).unwrap(),
            None
        );
        let stored: String = conn
            .query_row("SELECT hash FROM tokens LIMIT 1", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stored.len(), 64);
        assert_ne!(stored, tok);
        let unsub = issue_token(&conn, s.id, "unsubscribe", None).unwrap();
        assert_eq!(
            take_token(
                &conn,
                &unsub,
                "unsubscribe",
                t("2099-01-01T00:00:00Z"),
                false
            )
            .unwrap(),
            Some(s.id)
        );
        assert_eq!(purge_tokens(&conn, now).unwrap(), 1);
    }

    #[test]
    fn base64url_matches_rfc_4648() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn counts_per_status_language_and_topic() {
        let conn = memory();
        let now = t("2026-11-22T12:00:00Z");
        for (a, lang, tp) in [
            ("a@x.example", "sv", vec!["s1", "s2"]),
            ("b@x.example", "sv", vec![]),
            ("c@x.example", "ar", vec!["s1"]),
        ] {
            import_confirmed(
                &conn,
                a,
                lang,
                &topics(&tp),
                Frequency::Daily,
                now,
                "import",
            )
            .unwrap();
        }
        subscribe(
            &conn,
            "d@x.example",
            "en",
            &topics(&["s1"]),
            Frequency::Daily,
            "form",
            now,
        )
        .unwrap();
        let c = counts(&conn).unwrap();
        assert_eq!(c.by_status["confirmed"], 3);
        assert_eq!(c.by_status["pending"], 1);
        assert_eq!(c.by_status["unsubscribed"], 0);
        assert_eq!(
            c.by_language,
            BTreeMap::from([("ar".into(), 1), ("sv".into(), 2)])
        );
        assert_eq!(
            c.by_topic,
            BTreeMap::from([("s1".into(), 2), ("s2".into(), 1)])
        );
        assert_eq!(c.all_topics, 1);
    }

    #[test]
    fn erase_inside_an_outer_transaction_uses_a_savepoint() {
        let mut conn = memory();
        let now = t("2026-11-22T12:00:00Z");
        subscribe(
            &conn,
            "a@b.example",
            "sv",
            &[],
            Frequency::Daily,
            "form",
            now,
        )
        .unwrap();
        let tx = conn.transaction().unwrap();
        assert!(erase(&tx, "a@b.example", now).unwrap());
        tx.rollback().unwrap();
        assert!(by_address(&conn, "a@b.example").unwrap().is_some());
        assert!(!is_erased(&conn, "a@b.example").unwrap());
    }
}
