//! The site model: the validated configuration and every published document, with the indexes
//! every renderer needs (by kind, topic, committee and year; active crisis notices; the official
//! notice board). Built once per build, then only read. Its addresses, every one of them, are
//! made by [`urls`].

pub mod clock;
pub mod schedule;
pub mod translations;
pub mod urls;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Days, NaiveDate};
use chrono_tz::Tz;

use crate::config::{Config, TopicKind};
use crate::content::document::{Kind, Urgency};
use crate::content::{self, Document, LoadOptions};
use crate::diagnostics::Diagnostics;
use clock::Clock;

/// An approved set of minutes announced on the official notice board.
#[derive(Debug, Clone)]
pub struct BoardEntry {
    pub doc: usize,
    pub posted: NaiveDate,
    /// Last day of the appeal period.
    pub appeal_until: NaiveDate,
}

pub struct Site {
    pub config: Config,
    /// The clock the site was built by: mail composed from the site reads it for its dates.
    pub clock: Clock,
    /// Newest first.
    pub documents: Vec<Arc<Document>>,
    pub now: DateTime<Tz>,
    pub drafts: bool,
    pub by_kind: BTreeMap<Kind, Vec<usize>>,
    pub by_topic: BTreeMap<String, Vec<usize>>,
    /// Newest year first when iterated in reverse.
    pub by_year: BTreeMap<i32, Vec<usize>>,
    /// Active crisis notices, newest first.
    pub crisis: Vec<usize>,
    /// Entries whose appeal period runs now.
    pub notice_board: Vec<BoardEntry>,
    /// The first moment at which a translation left out for its embargo is published (a site
    /// built without drafts holds no other trace of it); set by the build that loaded it.
    pub next_embargo: Option<DateTime<Tz>>,
    /// Documents withdrawn at `now`, newest first: they keep their pages (and a last feed
    /// entry) but are in none of the lists above.
    pub withdrawn: Vec<usize>,
}

impl Site {
    /// Loads the site as it is at the clock's now (drafts and embargoed documents too with
    /// `drafts`).
    pub fn load(
        root: &Path,
        config: Config,
        clock: &Clock,
        drafts: bool,
    ) -> Result<Site, Diagnostics> {
        let opts = LoadOptions {
            now: clock.now(config.tz),
            drafts,
            addresses: &urls::Scheme,
        };
        let documents = content::load(root, &config, opts)?;
        Ok(Site::new(config, documents, opts, clock.clone()))
    }

    pub fn new(
        config: Config,
        mut documents: Vec<Arc<Document>>,
        opts: LoadOptions,
        clock: Clock,
    ) -> Site {
        let default = config.default_language().to_owned();
        documents.sort_by(|a, b| {
            b.primary(&default)
                .date
                .cmp(&a.primary(&default).date)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        let mut by_kind: BTreeMap<Kind, Vec<usize>> =
            Kind::ALL.iter().map(|k| (*k, Vec::new())).collect();
        let mut by_topic: BTreeMap<String, Vec<usize>> = config
            .site
            .topics
            .iter()
            .map(|t| (t.id().to_owned(), Vec::new()))
            .collect();
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        let mut crisis = Vec::new();
        let mut notice_board = Vec::new();
        let mut withdrawn = Vec::new();
        for (i, doc) in documents.iter().enumerate() {
            if doc.is_withdrawn() {
                withdrawn.push(i);
                continue;
            }
            by_kind.entry(doc.kind).or_default().push(i);
            let primary = doc.primary(&default);
            for t in topics_of(doc, &default) {
                by_topic.entry(t.to_owned()).or_default().push(i);
            }
            by_year.entry(primary.date.year()).or_default().push(i);
            if let Some(n) = primary.notice()
                && n.urgency == Urgency::Crisis
                && is_active(primary.date, n.expires, n.ended, opts.now)
            {
                crisis.push(i);
            }
            if let Some(m) = primary.minutes()
                && let Some(posted) = m.posted
            {
                let appeal_until = posted
                    .checked_add_days(Days::new(u64::from(config.site.minutes.appeal_days)))
                    .unwrap_or(posted);
                let today = opts.now.date_naive();
                if crate::content::visibility::on_notice_board(posted, appeal_until, today) {
                    notice_board.push(BoardEntry {
                        doc: i,
                        posted,
                        appeal_until,
                    });
                }
            }
        }
        Site {
            config,
            clock,
            documents,
            now: opts.now,
            drafts: opts.drafts,
            by_kind,
            by_topic,
            by_year,
            crisis,
            notice_board,
            next_embargo: None,
            withdrawn,
        }
    }

    pub fn default_language(&self) -> &str {
        self.config.default_language()
    }

    /// Committees that have minutes or are configured, in configuration order.
    pub fn committees(&self) -> impl Iterator<Item = &crate::config::Topic> {
        self.config
            .site
            .topics
            .iter()
            .filter(|t| t.kind == TopicKind::Committee)
    }
}

/// The topics a document is listed under: its translations' topics and, for minutes, the
/// committee; sorted, each once.
pub fn topics_of<'d>(doc: &'d Document, default_lang: &str) -> Vec<&'d str> {
    let mut topics: Vec<&str> = doc
        .translations
        .iter()
        .flat_map(|t| t.topics.iter().map(String::as_str))
        .collect();
    if let Some(m) = doc.primary(default_lang).minutes() {
        topics.push(&m.committee);
    }
    topics.sort_unstable();
    topics.dedup();
    topics
}

pub use crate::content::visibility::in_force as is_active;
