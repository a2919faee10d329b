//! When the built site will change by itself: the moments after which a build gives another
//! site than now — an embargo lifting, a notice expiring or ending, an entry coming onto or
//! leaving the notice board, a crisis alert expiring, a document withdrawn, an ended alert
//! leaving the alert lists a day later — and when digests fall due. Whatever
//! keeps the site right over time (`anslag schedule`, a watching publish, the preview) reads
//! the moments here.

use std::path::PathBuf;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::Serialize;

use super::Site;
use crate::content::document::{Document, Urgency};
use crate::content::visibility::ENDED_ALERT_LISTED;

/// One moment at which the site changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// In the site's time zone.
    pub at: DateTime<Tz>,
    pub what: What,
    /// `kind/slug`; none for digests.
    pub document: Option<String>,
    /// The file of the document in its first language.
    pub file: Option<PathBuf>,
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum What {
    /// The embargo lifts: the document appears on the site, in the feeds and lists.
    Published,
    /// A notice expires (for a crisis notice: the banner and its alert end).
    Expires,
    /// A notice was ended early (`ended:`) at this moment.
    Ends,
    /// The document is withdrawn (`withdrawn:`): its page shows why, it leaves the lists.
    Withdrawn,
    /// An alert ended early (or withdrawn) a day ago leaves the alerts' feed and API list.
    AlertUnlisted,
    /// Minutes come onto the official notice board.
    OnNoticeBoard,
    /// The appeal period is over: the minutes leave the notice board.
    OffNoticeBoard,
    /// A daily or weekly digest falls due (with email configured).
    DailyDigest,
    WeeklyDigest,
}

impl What {
    pub fn describe(self) -> &'static str {
        match self {
            What::Published => "published (embargo lifts)",
            What::Expires => "expires",
            What::Ends => "ends",
            What::Withdrawn => "withdrawn",
            What::AlertUnlisted => "ended alert leaves the alert lists",
            What::OnNoticeBoard => "onto the notice board",
            What::OffNoticeBoard => "off the notice board",
            What::DailyDigest => "daily digest due",
            What::WeeklyDigest => "weekly digest due",
        }
    }
}

/// When digests go out: `mail.digest_time` every day, and on `mail.weekly_day`.
#[derive(Debug, Clone, Copy)]
pub struct DigestTimes {
    pub time: NaiveTime,
    pub weekly_day: Weekday,
}

/// Every change after the site's moment (`site.now`), soonest first. The site must be loaded
/// with drafts and embargoed documents (as `anslag check` loads it); drafts never change by
/// themselves and are left out.
pub fn upcoming(site: &Site, digests: Option<DigestTimes>) -> Vec<Change> {
    let now = site.now;
    let mut changes: Vec<Change> = site
        .documents
        .iter()
        .flat_map(|d| document_changes(site, d))
        .filter(|c| c.at > now)
        .collect();
    if let Some(times) = digests {
        changes.extend(digest_changes(now, times));
    }
    changes
        .sort_by(|a, b| (a.at, &a.document, a.what as u8).cmp(&(b.at, &b.document, b.what as u8)));
    changes
}

/// The first moment after the site's at which it changes, if any: for a site built without
/// drafts too, whose embargoed translations only the load saw ([`Site::next_embargo`]).
pub fn next(site: &Site, digests: Option<DigestTimes>) -> Option<DateTime<Tz>> {
    let listed = upcoming(site, digests).first().map(|c| c.at);
    let hidden = site.next_embargo.filter(|&at| at > site.now);
    listed.into_iter().chain(hidden).min()
}

/// A document's moments, one per moment and kind of change, with the languages it concerns.
fn document_changes(site: &Site, doc: &Document) -> Vec<Change> {
    let tz = site.config.tz;
    let mut found: Vec<(DateTime<Tz>, What, &str, &std::path::Path)> = Vec::new();
    for t in doc.translations.iter().filter(|t| !t.draft) {
        let mut add = |at: DateTime<Tz>, what| found.push((at, what, &t.lang, &t.path));
        if t.embargoed {
            add(t.date, What::Published);
        }
        let withdrawn = t.withdrawal.as_ref().map(|w| w.date);
        if let Some(w) = withdrawn {
            add(w, What::Withdrawn);
        }
        if let Some(n) = t.notice() {
            // Withdrawn before it expires, it has ended by then.
            if let Some(e) = n.expires.filter(|e| withdrawn.is_none_or(|w| *e < w)) {
                add(e, What::Expires);
            }
            // A withdrawal ends a notice too; it is told once, as the withdrawal.
            if let Some(e) = n.ended.filter(|e| Some(*e) != withdrawn) {
                add(e, What::Ends);
            }
            if let Some(e) = n.ended
                && n.urgency != Urgency::Normal
                && n.expires.is_none_or(|x| e < x)
            {
                add(e + ENDED_ALERT_LISTED, What::AlertUnlisted);
            }
        }
        if let Some(m) = t.minutes()
            && let Some(posted) = m.posted
        {
            let days = u64::from(site.config.site.minutes.appeal_days);
            let until = posted.checked_add_days(Days::new(days)).unwrap_or(posted);
            add(midnight(tz, posted), What::OnNoticeBoard);
            if let Some(after) = until.succ_opt() {
                add(midnight(tz, after), What::OffNoticeBoard);
            }
        }
    }
    let mut changes: Vec<Change> = Vec::new();
    for (at, what, lang, path) in found {
        match changes.iter_mut().find(|c| c.at == at && c.what == what) {
            Some(c) => c.languages.push(lang.to_owned()),
            None => changes.push(Change {
                at,
                what,
                document: Some(format!("{}/{}", doc.kind.dir(), doc.slug)),
                file: Some(path.to_path_buf()),
                languages: vec![lang.to_owned()],
            }),
        }
    }
    changes
}

/// The next daily and the next weekly digest after `now`.
fn digest_changes(now: DateTime<Tz>, times: DigestTimes) -> Vec<Change> {
    let tz = now.timezone();
    let at = |day: NaiveDate| {
        tz.from_local_datetime(&day.and_time(times.time))
            .earliest()
            .unwrap_or_else(|| tz.from_utc_datetime(&day.and_time(times.time)))
    };
    let today = now.date_naive();
    let days = (0..=7).filter_map(|n| today.checked_add_days(Days::new(n)));
    let daily = days.clone().map(at).find(|t| *t > now);
    let weekly = days
        .filter(|d| d.weekday() == times.weekly_day)
        .map(at)
        .find(|t| *t > now);
    [(daily, What::DailyDigest), (weekly, What::WeeklyDigest)]
        .into_iter()
        .filter_map(|(at, what)| {
            at.map(|at| Change {
                at,
                what,
                document: None,
                file: None,
                languages: Vec::new(),
            })
        })
        .collect()
}

fn midnight(tz: Tz, day: NaiveDate) -> DateTime<Tz> {
    tz.from_local_datetime(&day.and_time(NaiveTime::MIN))
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&day.and_time(NaiveTime::MIN)))
}

/// The changes as lines for a person: the time in the site's zone and in UTC, what changes,
/// the document and its languages, and the file.
pub fn to_text(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "Nothing changes by itself: no embargo, expiry, withdrawal, notice-board period or digest lies ahead.\n".into();
    }
    let mut out = String::new();
    for c in changes {
        let utc = c.at.with_timezone(&Utc);
        let mut line = format!(
            "{}  ({} UTC)  {}",
            c.at.format("%Y-%m-%d %H:%M %Z"),
            utc.format("%Y-%m-%d %H:%M"),
            c.what.describe()
        );
        if let Some(d) = &c.document {
            line.push_str(&format!("  {d} [{}]", c.languages.join(", ")));
        }
        if let Some(f) = &c.file {
            line.push_str(&format!("  {}", f.display()));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The changes as JSON for programs: each with `at` (RFC 3339 in the site's zone), `at_utc`,
/// `what`, `document`, `file` and `languages`.
pub fn to_json(changes: &[Change]) -> serde_json::Value {
    let items: Vec<serde_json::Value> = changes
        .iter()
        .map(|c| {
            serde_json::json!({
                "at": c.at.to_rfc3339(),
                "at_utc": c.at.with_timezone(&Utc).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "what": c.what,
                "document": c.document,
                "file": c.file.as_ref().map(|f| f.to_string_lossy().replace('\\', "/")),
                "languages": c.languages,
            })
        })
        .collect();
    serde_json::json!({ "changes": items })
}
