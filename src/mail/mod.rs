//! Email beside the pipeline: the subscriber store, composing messages from the site model,
//! and a durable outbox that sends them over SMTP, each message to each person once.
//!
//! - [`store`]: SQLite (rusqlite, bundled): subscribers, erased addresses, the outbox; versioned
//!   migrations.
//! - [`compose`]: digests and crisis messages per subscriber, in their language, as
//!   multipart/alternative text and HTML.
//! - [`outbox`] and [`send`]: rows `pending → claimed → sent | failed | unknown`, sent over a
//!   pool of SMTP connections with lettre.
//! - [`retention`]: never-confirmed and ended subscriptions removed after their time.
//! - [`report`]: what became of a notice's messages, per language (`anslag report`).
//! - [`tls`]: the certificates sending trusts (`mail.smtp.ca_file`).
//! - [`bounces`]: signed per-message return paths, and what bounces and complaints do.

pub mod bounces;
pub mod compose;
pub mod links;
pub mod outbox;
pub mod report;
pub mod retention;
pub mod send;
pub use crate::config::mail as settings;
pub mod store;
pub mod subscribers;
pub mod tls;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use crate::config::mail::Frequency;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Asked to subscribe, has not confirmed (double opt-in).
    Pending,
    Confirmed,
    Unsubscribed,
    /// Suppressed: hard bounces, or too many soft ones (see [`bounces`]). Sent nothing; an
    /// import brings them back only with consent given after the suppression.
    Bounced,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Confirmed => "confirmed",
            Status::Unsubscribed => "unsubscribed",
            Status::Bounced => "bounced",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "pending" => Some(Status::Pending),
            "confirmed" => Some(Status::Confirmed),
            "unsubscribed" => Some(Status::Unsubscribed),
            "bounced" => Some(Status::Bounced),
            _ => None,
        }
    }
}

/// Everything stored about one person, and nothing else.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subscriber {
    pub id: i64,
    /// Lower-cased, trimmed.
    pub address: String,
    pub language: String,
    /// Topic ids from `site.yaml`; empty means everything.
    pub topics: Vec<String>,
    pub frequency: Frequency,
    pub status: Status,
    pub consent_at: DateTime<Utc>,
    /// Where consent was given: `form`, `import:FILE`, ….
    pub consent_source: String,
}

/// Normalises an address for storage and comparison, or says why it is not one. Refuses what
/// could inject headers (line breaks, control characters) and over-long addresses (RFC 5321).
pub fn normalise_address(raw: &str) -> Result<String, &'static str> {
    let a = raw.trim();
    if a.is_empty() {
        return Err("the address is empty");
    }
    if a.len() > 254 {
        return Err("the address is longer than 254 characters");
    }
    if a.chars().any(|c| {
        c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | ',' | ';' | '"' | '(' | ')' | '[' | ']' | '\\'
            )
    }) {
        return Err("the address contains characters an address cannot have");
    }
    let Some((local, domain)) = a.rsplit_once('@') else {
        return Err("the address has no @");
    };
    if local.is_empty() || local.len() > 64 {
        return Err("the part before @ is empty or longer than 64 characters");
    }
    if domain.len() < 3
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.contains("..")
    {
        return Err("the part after @ is not a domain");
    }
    // lettre's parser is the final judge of what it can send to.
    if a.parse::<lettre::Address>().is_err() {
        return Err("the address is not valid");
    }
    Ok(a.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_normalised_or_refused() {
        assert_eq!(
            normalise_address("  Anna.Svensson@Ekvik.Example "),
            Ok("anna.svensson@ekvik.example".into())
        );
        for bad in [
            "",
            "no-at-sign",
            "a@b",
            "a@@b.example",
            "a@b.example\r\nBcc: x@y.example",
            "a b@c.example",
            "<a@b.example>",
            "a@.example",
        ] {
            assert!(normalise_address(bad).is_err(), "{bad:?} accepted");
        }
        assert!(normalise_address(&format!("{}@b.example", "a".repeat(65))).is_err());
    }
}
