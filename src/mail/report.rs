//! `anslag report`: what became of the messages of one notice (or of the last run), per
//! language, read from the outbox: so that someone can answer "did the Arabic-speaking parents
//! get the closure notice?" without reading the store by hand.
//!
//! Each row lands in exactly one column: `waiting` (not tried yet, or being sent), `deferred`
//! (waiting after a temporary failure), `sent`, `failed`, `bounced` (sent, and a bounce came
//! back for it), `unknown` (the connection broke after the message went out).
//! `queued` is their sum.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};
use serde::Serialize;

use super::store::Result;

/// Which rows to report on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every message that carries this document (`kind/slug`): its crisis message and the
    /// digests that hold it.
    Document(String),
    /// What the last `anslag publish` queued (the rows with the latest queuing time, besides
    /// confirmations).
    LastRun,
}

/// One language's counts (or all languages').
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub queued: u64,
    pub waiting: u64,
    pub deferred: u64,
    pub sent: u64,
    pub failed: u64,
    pub bounced: u64,
    pub unknown: u64,
    /// When the last of them went out (RFC 3339, UTC).
    pub last_sent_at: Option<String>,
}

impl Counts {
    fn add(&mut self, state: &str, tried: bool, n: u64, last: Option<String>) {
        self.queued += n;
        match state {
            "pending" if tried => self.deferred += n,
            "pending" | "claimed" => self.waiting += n,
            "sent" => self.sent += n,
            "failed" => self.failed += n,
            "bounced" => self.bounced += n,
            // `unknown`, and any state a later version adds: not known to have arrived.
            _ => self.unknown += n,
        }
        if last > self.last_sent_at {
            self.last_sent_at = last;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeliveryReport {
    /// The document reported on (`kind/slug`), or none for the last run.
    pub document: Option<String>,
    /// For the last run: when it queued (RFC 3339, UTC).
    pub queued_at: Option<String>,
    /// Per language of the subscriber, in the order of their codes.
    pub languages: BTreeMap<String, Counts>,
    pub total: Counts,
}

/// `kind/slug` from what a person types: a document id (`notices/schools-closed-water`), or the
/// path of one of its files (`content/notices/2026-11-22-schools-closed-water.en.md`).
pub fn document_id(given: &str) -> String {
    let p = given.trim().replace('\\', "/");
    let p = p.trim_start_matches("./");
    let p = p.strip_prefix("content/").unwrap_or(p);
    let p = p.strip_suffix(".md").unwrap_or(p);
    let (dir, file) = p.rsplit_once('/').unwrap_or(("", p));
    // A language suffix (`slug.en`): the slug is what comes before it.
    let stem = match file.rsplit_once('.') {
        Some((stem, lang)) if (2..=3).contains(&lang.len()) => stem,
        _ => file,
    };
    let slug = crate::content::load::strip_date(stem);
    if dir.is_empty() {
        slug.to_owned()
    } else {
        format!("{dir}/{slug}")
    }
}

/// A row's state for the report: `bounced` when a bounce (not a complaint: that message
/// arrived) came back for it after it was sent (see `mail::bounces`), else its outbox state.
const BOUNCED_OR_STATE: &str = "CASE WHEN EXISTS (SELECT 1 FROM bounces
    WHERE bounces.outbox_id = outbox.id AND bounces.kind != 'complaint') THEN 'bounced'
    ELSE state END";

/// The counts of the selected rows.
pub fn report(conn: &Connection, selection: &Selection) -> Result<DeliveryReport> {
    let (filter, arg, queued_at) = match selection {
        Selection::Document(id) => (
            "EXISTS (SELECT 1 FROM json_each(outbox.documents) WHERE value = ?1)",
            id.clone(),
            None,
        ),
        Selection::LastRun => {
            let last: Option<String> = conn.query_row(
                "SELECT max(queued_at) FROM outbox WHERE kind != 'confirm'",
                [],
                |r| r.get(0),
            )?;
            (
                "kind != 'confirm' AND queued_at = ?1",
                last.clone().unwrap_or_default(),
                last,
            )
        }
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT language, {BOUNCED_OR_STATE}, attempts > 0, count(*), max(sent_at) FROM outbox
         WHERE {filter} GROUP BY 1, 2, 3"
    ))?;
    let mut report = DeliveryReport {
        document: match selection {
            Selection::Document(id) => Some(id.clone()),
            Selection::LastRun => None,
        },
        queued_at,
        languages: BTreeMap::new(),
        total: Counts::default(),
    };
    let rows = stmt.query_map(params![arg], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    for row in rows {
        let (language, state, tried, n, last) = row?;
        let n = n.max(0) as u64;
        report
            .languages
            .entry(language)
            .or_default()
            .add(&state, tried, n, last.clone());
        report.total.add(&state, tried, n, last);
    }
    Ok(report)
}

impl DeliveryReport {
    /// A table: a line per language and one for all.
    pub fn text(&self) -> String {
        let what = match (&self.document, &self.queued_at) {
            (Some(d), _) => format!("Delivery of {d}"),
            (None, Some(at)) => format!("Delivery of the messages queued at {at}"),
            (None, None) => "Nothing has been queued yet".to_owned(),
        };
        let mut out = format!("{what}:\n");
        if self.total.queued == 0 {
            out.push_str("  no messages\n");
            return out;
        }
        out.push_str(&format!(
            "  {:<8} {:>7} {:>7} {:>8} {:>7} {:>6} {:>7} {:>7}  last sent\n",
            "language", "queued", "waiting", "deferred", "sent", "failed", "bounced", "unknown"
        ));
        let line = |name: &str, c: &Counts| {
            format!(
                "  {:<8} {:>7} {:>7} {:>8} {:>7} {:>6} {:>7} {:>7}  {}\n",
                name,
                c.queued,
                c.waiting,
                c.deferred,
                c.sent,
                c.failed,
                c.bounced,
                c.unknown,
                c.last_sent_at.as_deref().unwrap_or("-")
            )
        };
        for (lang, c) in &self.languages {
            out.push_str(&line(lang, c));
        }
        out.push_str(&line("all", &self.total));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_named_by_its_id_or_any_of_its_files() {
        for given in [
            "notices/schools-closed-water",
            "content/notices/schools-closed-water.md",
            "./content/notices/2026-11-22-schools-closed-water.en.md",
            "notices/schools-closed-water.sv.md",
        ] {
            assert_eq!(
                document_id(given),
                "notices/schools-closed-water",
                "{given}"
            );
        }
    }

    #[test]
    fn every_row_lands_in_one_column() {
        let mut c = Counts::default();
        c.add("pending", false, 2, None);
        c.add("claimed", true, 1, None);
        c.add("pending", true, 3, None);
        c.add("sent", true, 4, Some("2026-11-22T10:00:00Z".into()));
        c.add("sent", true, 1, Some("2026-11-22T09:00:00Z".into()));
        c.add("failed", true, 5, None);
        c.add("bounced", true, 6, None);
        c.add("unknown", true, 7, None);
        assert_eq!(
            (
                c.queued, c.waiting, c.deferred, c.sent, c.failed, c.bounced, c.unknown
            ),
            (29, 3, 3, 5, 5, 6, 7)
        );
        assert_eq!(c.last_sent_at.as_deref(), Some("2026-11-22T10:00:00Z"));
    }
}
