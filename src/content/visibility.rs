//! What a document is at a given moment: the one place that decides by time. Everything that
//! depends on the clock (embargoes, drafts, notices in force, the notice board) asks here, for
//! the moment being built; nothing that is cached holds the answer.

use chrono::{DateTime, Duration, NaiveDate};
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

/// Whether a document withdrawn at `withdrawn` (if ever) is withdrawn at `now`. Until then it is
/// an ordinary document; from then on its page stays with the withdrawal notice, and it leaves
/// lists, digests and the sitemap.
pub fn is_withdrawn(withdrawn: Option<DateTime<Tz>>, now: DateTime<Tz>) -> bool {
    withdrawn.is_some_and(|w| w <= now)
}

/// How long an alert that was ended early (cancelled, or withdrawn) stays in the lists of
/// alerts with its `Cancel`, so that systems polling them see it end.
pub const ENDED_ALERT_LISTED: Duration = Duration::hours(24);

/// Whether an alert is listed at `now` (the alerts' Atom feed, the API's alert list): while in
/// force, and for [`ENDED_ALERT_LISTED`] after an early end; an expired one drops out at
/// `expires`.
pub fn alert_listed(
    date: DateTime<Tz>,
    expires: Option<DateTime<Tz>>,
    ended: Option<DateTime<Tz>>,
    now: DateTime<Tz>,
) -> bool {
    in_force(date, expires, ended, now)
        || ended.is_some_and(|e| {
            e <= now && now < e + ENDED_ALERT_LISTED && expires.is_none_or(|x| e < x)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: i64) -> DateTime<Tz> {
        chrono_tz::Europe::Stockholm
            .with_ymd_and_hms(2026, 11, 22, 0, 0, 0)
            .unwrap()
            + Duration::hours(h)
    }

    #[test]
    fn withdrawn_from_its_moment_on() {
        assert!(!is_withdrawn(None, at(5)));
        assert!(!is_withdrawn(Some(at(6)), at(5)));
        assert!(is_withdrawn(Some(at(6)), at(6)));
    }

    #[test]
    fn an_ended_alert_stays_listed_for_a_day_an_expired_one_not() {
        let (date, expires) = (at(0), Some(at(100)));
        assert!(alert_listed(date, expires, Some(at(10)), at(9)));
        assert!(alert_listed(date, expires, Some(at(10)), at(33)));
        assert!(!alert_listed(date, expires, Some(at(10)), at(34)));
        assert!(alert_listed(date, expires, None, at(99)));
        assert!(!alert_listed(date, expires, None, at(100)));
        // Ended after it expired: it had expired, nothing is cancelled.
        assert!(!alert_listed(date, Some(at(5)), Some(at(10)), at(11)));
    }
}
