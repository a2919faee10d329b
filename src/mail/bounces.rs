//! Bounces and complaints: what comes back to the return path of each message
//! ([`verp`]), read by [`parse`], and what it does to the subscriber store.
//!
//! Who a report is about is taken, in this order, from the signed return path it was sent
//! to (the outbox row names the address, whatever the reporting server wrote), from
//! `Original-Recipient`, then `Final-Recipient` (RFC 3464), then `X-Failed-Recipients`; a
//! complaint (RFC 5965) from `Original-Rcpt-To`, then the returned message's `To:`. A return
//! path whose signature is wrong for its (stored) row makes the whole message ignored, with a
//! warning: it was made by someone without the link key. One whose row is gone (erased) is
//! passed over.
//!
//! - a hard bounce (5.x.x) suppresses the address at once;
//! - soft bounces (4.x.x) suppress it when `mail.bounces.soft_limit` of them arrive within
//!   `mail.bounces.soft_days` days (by the one clock);
//! - a complaint unsubscribes.
//!
//! Suppressed means status `bounced`, its queued rows failed, and the address's salted hash
//! kept in `suppressed`, so that `anslag subscribers import` cannot bring it back without
//! consent given after the suppression. Each report is recorded once (by a hash of the
//! message), so importing a mailbox twice counts nothing twice.

pub mod command;
pub mod parse;
pub mod verp;

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use self::parse::{Failure, Kind};
use super::links::LinkKey;
use super::settings::MailSettings;
use super::store::{self, Result, timestamp};
use super::subscribers::mask;

/// What one message did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handled {
    /// A bounce or complaint, recorded; what followed for each recipient it names (none for a
    /// report of delay or success).
    Processed(Vec<Effect>),
    /// Neither a bounce nor a complaint.
    NotABounce,
    /// It carried a return path of ours whose signature is wrong (row `row`): nothing done.
    Forged { row: i64 },
}

/// What a report did for one recipient; addresses are masked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Suppressed: a hard bounce, or the soft one that reached the limit.
    Suppressed {
        address: String,
        kind: Kind,
        status: Option<String>,
    },
    /// A soft bounce counted: `count` within the window, below the limit.
    Counted { address: String, count: u32 },
    /// A complaint: unsubscribed.
    Unsubscribed { address: String },
    /// Already suppressed or unsubscribed: recorded, nothing more to do.
    AlreadyOff { address: String, kind: Kind },
    /// Not a subscriber (recorded by hash all the same).
    Unknown { address: String, kind: Kind },
    /// This report was recorded before (a mailbox imported again).
    Repeated { address: String },
    /// The report names no recipient and carries no return path.
    Unattributed { kind: Kind },
}

impl Effect {
    /// Whether it changed anything: `receive --keep` keeps the messages that did not.
    pub fn acted(&self) -> bool {
        !matches!(self, Effect::Unattributed { .. } | Effect::Repeated { .. })
    }
}

impl std::fmt::Display for Effect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Effect::Suppressed {
                address,
                kind,
                status,
            } => write!(
                f,
                "{address}: suppressed ({} bounce{})",
                kind.as_str(),
                status.as_ref().map(|s| format!(" {s}")).unwrap_or_default()
            ),
            Effect::Counted { address, count } => {
                write!(
                    f,
                    "{address}: soft bounce counted ({count} within the window)"
                )
            }
            Effect::Unsubscribed { address } => write!(f, "{address}: complaint, unsubscribed"),
            Effect::AlreadyOff { address, kind } => write!(
                f,
                "{address}: {} recorded; already not sent to",
                kind.as_str()
            ),
            Effect::Unknown { address, kind } => {
                write!(f, "{address}: {} recorded; not a subscriber", kind.as_str())
            }
            Effect::Repeated { address } => write!(f, "{address}: this report was recorded before"),
            Effect::Unattributed { kind } => write!(
                f,
                "a {} report that names no recipient and carries no return path: nothing done",
                kind.as_str()
            ),
        }
    }
}

/// Reads one message and applies it to the store, in one transaction.
pub fn handle(
    conn: &Connection,
    key: &LinkKey,
    settings: &MailSettings,
    raw: &[u8],
    now: DateTime<Utc>,
) -> Result<Handled> {
    let Some(report) = parse::read(raw, settings.bounce_address.as_deref()) else {
        return Ok(Handled::NotABounce);
    };
    let mut verified = None;
    let mut forged = None;
    for t in &report.tokens {
        match row_address(conn, t.row)? {
            Some(address) if key.verify_bounce_signature(&t.signature, t.row, &address) => {
                verified = Some((t.row, address));
                break;
            }
            Some(_) => forged = Some(t.row),
            // Erased, or never ours: the report's own fields say who.
            None => {}
        }
    }
    if let (None, Some(row)) = (&verified, forged) {
        return Ok(Handled::Forged { row });
    }
    let digest = hex(&Sha256::digest(raw));
    store::atomically(conn, || {
        let mut effects = Vec::new();
        match verified {
            // One message, one recipient: the return path says who, the report what.
            Some((row, address)) => {
                if let Some(f) = worst(&report.failures) {
                    effects.push(apply(conn, settings, &address, Some(row), f, &digest, now)?);
                }
            }
            None => {
                for f in &report.failures {
                    let Some(address) = &f.address else {
                        effects.push(Effect::Unattributed { kind: f.kind });
                        continue;
                    };
                    effects.push(apply(conn, settings, address, None, f, &digest, now)?);
                }
            }
        }
        Ok(Handled::Processed(effects))
    })
}

/// The recipient of outbox row `row`, if it is still stored.
fn row_address(conn: &Connection, row: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT address FROM outbox WHERE id = ?1", [row], |r| {
            r.get(0)
        })
        .optional()?)
}

/// A complaint before a hard bounce before a soft one.
fn worst(failures: &[Failure]) -> Option<&Failure> {
    let rank = |k: Kind| match k {
        Kind::Complaint => 0,
        Kind::Hard => 1,
        Kind::Soft => 2,
    };
    failures.iter().min_by_key(|f| rank(f.kind))
}

fn apply(
    conn: &Connection,
    settings: &MailSettings,
    address: &str,
    row: Option<i64>,
    f: &Failure,
    report: &str,
    now: DateTime<Utc>,
) -> Result<Effect> {
    let address = address.trim().to_lowercase();
    let shown = mask(&address);
    let hash = store::address_hash(conn, &address)?;
    let new = conn.execute(
        "INSERT OR IGNORE INTO bounces (address_hash, outbox_id, kind, status_code, received_at, report)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![hash, row, f.kind.as_str(), f.status, timestamp(now), report],
    )?;
    if new == 0 {
        return Ok(Effect::Repeated { address: shown });
    }
    let status: Option<String> = conn
        .query_row(
            "SELECT status FROM subscribers WHERE address = ?1",
            [&address],
            |r| r.get(0),
        )
        .optional()?;
    let on = matches!(status.as_deref(), Some("pending" | "confirmed"));
    let kind = f.kind;
    let off = || {
        if status.is_some() {
            Effect::AlreadyOff {
                address: shown.clone(),
                kind,
            }
        } else {
            Effect::Unknown {
                address: shown.clone(),
                kind,
            }
        }
    };
    let suppressed = || Effect::Suppressed {
        address: shown.clone(),
        kind,
        status: f.status.clone(),
    };
    match kind {
        Kind::Complaint => {
            if !on {
                return Ok(off());
            }
            conn.execute(
                "UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?2 WHERE address = ?1",
                params![address, timestamp(now)],
            )?;
            stop_queued(
                conn,
                &address,
                "not sent: the recipient reported a message as spam",
            )?;
            Ok(Effect::Unsubscribed {
                address: shown.clone(),
            })
        }
        Kind::Hard => {
            suppress(conn, &address, &hash, "a hard bounce", now)?;
            Ok(if on { suppressed() } else { off() })
        }
        Kind::Soft => {
            let rules = &settings.bounces;
            let since = now - Duration::days(i64::from(rules.soft_days));
            let count: u32 = conn.query_row(
                "SELECT count(*) FROM bounces WHERE address_hash = ?1 AND kind = 'soft' AND received_at >= ?2",
                params![hash, timestamp(since)],
                |r| r.get(0),
            )?;
            if count < rules.soft_limit.max(1) {
                return Ok(if on {
                    Effect::Counted {
                        address: shown.clone(),
                        count,
                    }
                } else {
                    off()
                });
            }
            let why = format!("{count} soft bounces within {} days", rules.soft_days);
            suppress(conn, &address, &hash, &why, now)?;
            Ok(if on { suppressed() } else { off() })
        }
    }
}

/// Suppresses the address: status `bounced` (unless they had left anyway), its queued rows
/// failed, its hash kept.
fn suppress(
    conn: &Connection,
    address: &str,
    hash: &str,
    why: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE subscribers SET status = 'bounced', unsubscribed_at = ?2
         WHERE address = ?1 AND status IN ('pending', 'confirmed')",
        params![address, timestamp(now)],
    )?;
    conn.execute(
        "INSERT INTO suppressed (hash, suppressed_at, reason) VALUES (?1, ?2, ?3)
         ON CONFLICT (hash) DO UPDATE SET suppressed_at = excluded.suppressed_at, reason = excluded.reason",
        params![hash, timestamp(now), why],
    )?;
    stop_queued(conn, address, "not sent: mail to the address bounced")
}

/// Rows still waiting for the address will not be sent.
fn stop_queued(conn: &Connection, address: &str, why: &str) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET state = 'failed', last_error = ?2 WHERE address = ?1 AND state = 'pending'",
        params![address, why],
    )?;
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
