//! What a document is at a given moment: the one place that decides by time. Everything that
//! depends on the clock (embargoes, drafts, notices in force, the notice board) asks here, for
//! the moment being built; nothing that is cached holds the answer.

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

/// Whether a translation is published at a moment, and why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Visibility {
    Published,
    Draft,
    /// Dated in the future: it appears at that moment.
    Embargoed(DateTime<Tz>),
}

impl Visibility {
    /// A document marked `draft`, dated `date`, at `now`.
    pub fn at(draft: bool, date: DateTime<Tz>, now: DateTime<Tz>) -> Visibility {
        if draft {
            Visibility::Draft
        } else if date > now {
            Visibility::Embargoed(date)
        } else {
            Visibility::Published
        }
    }

    pub fn is_published(self) -> bool {
        self == Visibility::Published
    }

    /// Why it is not published, as a link's error says it.
    pub fn reason(self) -> Option<String> {
        match self {
            Visibility::Published => None,
            Visibility::Draft => Some("it is a draft".to_owned()),
            Visibility::Embargoed(d) => Some(format!("it is embargoed until {}", d.to_rfc3339())),
        }
    }
}

/// Whether a notice is in force at `now`: published, not expired, not ended early.
pub fn in_force(
    date: DateTime<Tz>,
    expires: Option<DateTime<Tz>>,
    ended: Option<DateTime<Tz>>,
    now: DateTime<Tz>,
) -> bool {
    date <= now && expires.is_none_or(|e| now < e) && ended.is_none_or(|e| now < e)
}

/// Whether minutes posted on `posted` are on the notice board on `today` (the appeal period
/// runs to `appeal_until`, that day included).
pub fn on_notice_board(posted: NaiveDate, appeal_until: NaiveDate, today: NaiveDate) -> bool {
    posted <= today && today <= appeal_until
}
