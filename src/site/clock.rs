//! The one clock. `main` makes it once (the system clock, or the moment given with `--now`) and
//! hands it down to building, checking, serving, publishing, mail and the subscription service;
//! nothing else reads the wall clock. A fixed clock makes every output, email included,
//! reproducible, and lets tests of time run without waiting: waiting on it moves it forward
//! at once instead of sleeping.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Where time comes from; cheap to clone (clones of a fixed clock share its time).
#[derive(Debug, Clone)]
pub struct Clock(Source);

#[derive(Debug, Clone)]
enum Source {
    System,
    Fixed(Arc<Mutex<Fixed>>),
}

/// A fixed moment and how far waits have moved it on.
#[derive(Debug, Clone, Copy)]
struct Fixed {
    start: Start,
    advanced: chrono::Duration,
}

/// `--now` with an offset is an instant; without one it is a time in the site's zone.
#[derive(Debug, Clone, Copy)]
enum Start {
    Instant(DateTime<Utc>),
    Local(NaiveDateTime),
}

/// How to write a moment for `--now`.
pub const EXAMPLE: &str = "2026-11-22T12:00:00+01:00, 2026-11-22 12:00 or 2026-11-22";

impl Clock {
    pub fn system() -> Clock {
        Clock(Source::System)
    }

    pub fn fixed(at: DateTime<Utc>) -> Clock {
        Clock::starting(Start::Instant(at))
    }

    fn starting(start: Start) -> Clock {
        Clock(Source::Fixed(Arc::new(Mutex::new(Fixed {
            start,
            advanced: chrono::Duration::zero(),
        }))))
    }

    /// The clock for a `--now` flag: the system clock without one, else fixed at that moment
    /// (RFC 3339, or a local date and time, or a date, taken in the site's zone).
    pub fn from_flag(now: Option<&str>) -> Result<Clock, String> {
        let Some(s) = now.map(str::trim) else {
            return Ok(Clock::system());
        };
        if let Ok(d) = DateTime::parse_from_rfc3339(s) {
            return Ok(Clock::fixed(d.with_timezone(&Utc)));
        }
        crate::content::dates::parse_local(s).map(|naive| Clock::starting(Start::Local(naive)))
    }

    pub fn is_fixed(&self) -> bool {
        matches!(self.0, Source::Fixed(_))
    }

    /// The time now, in the site's zone.
    pub fn now(&self, tz: Tz) -> DateTime<Tz> {
        match &self.0 {
            // The one place that reads the wall clock.
            Source::System => Utc::now().with_timezone(&tz),
            Source::Fixed(f) => {
                let f = *f.lock().unwrap_or_else(|e| e.into_inner());
                start_in(f.start, tz) + f.advanced
            }
        }
    }

    pub fn now_utc(&self, tz: Tz) -> DateTime<Utc> {
        self.now(tz).with_timezone(&Utc)
    }

    /// How long to sleep until `until`. A fixed clock is moved on to `until` instead, and
    /// nothing needs to sleep.
    pub fn wait_until(&self, until: DateTime<Utc>, tz: Tz) -> Duration {
        match &self.0 {
            Source::System => (until - Utc::now()).to_std().unwrap_or_default(),
            Source::Fixed(f) => {
                let mut f = f.lock().unwrap_or_else(|e| e.into_inner());
                let now = start_in(f.start, tz).with_timezone(&Utc) + f.advanced;
                if until > now {
                    f.advanced += until - now;
                }
                Duration::ZERO
            }
        }
    }
}

/// A local start in the site's zone; a time the clocks skip (spring forward) is taken as the
/// first moment after the gap, the repeated hour (autumn) as its first occurrence.
fn start_in(start: Start, tz: Tz) -> DateTime<Tz> {
    match start {
        Start::Instant(t) => t.with_timezone(&tz),
        Start::Local(naive) => tz
            .from_local_datetime(&naive)
            .earliest()
            .or_else(|| {
                tz.from_local_datetime(&(naive + chrono::Duration::hours(1)))
                    .earliest()
            })
            .unwrap_or_else(|| tz.from_utc_datetime(&naive)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> Tz {
        "Europe/Stockholm".parse().unwrap()
    }

    #[test]
    fn a_fixed_clock_reads_the_same_until_waited_on() {
        let c = Clock::from_flag(Some("2026-11-22T12:00:00+01:00")).unwrap();
        assert_eq!(c.now(tz()).to_rfc3339(), "2026-11-22T12:00:00+01:00");
        assert_eq!(c.now(tz()), c.now(tz()));
        let later = c.now_utc(tz()) + chrono::Duration::seconds(30);
        assert_eq!(c.wait_until(later, tz()), Duration::ZERO);
        assert_eq!(c.clone().now_utc(tz()), later);
        // Waiting for a moment already past changes nothing.
        c.wait_until(later - chrono::Duration::hours(1), tz());
        assert_eq!(c.now_utc(tz()), later);
    }

    #[test]
    fn local_moments_are_in_the_sites_zone() {
        let c = Clock::from_flag(Some("2026-07-01")).unwrap();
        assert_eq!(c.now(tz()).to_rfc3339(), "2026-07-01T00:00:00+02:00");
        let c = Clock::from_flag(Some("2026-03-29 02:30")).unwrap();
        assert_eq!(c.now(tz()).to_rfc3339(), "2026-03-29T03:30:00+02:00");
        assert!(Clock::from_flag(Some("2026-13-01")).is_err());
        assert!(!Clock::from_flag(None).unwrap().is_fixed());
    }

    /// The promise of this module: no other code reads the wall clock.
    #[test]
    fn nothing_else_reads_the_wall_clock() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let this = src.join("site").join("clock.rs");
        let mut found = Vec::new();
        for e in walkdir::WalkDir::new(&src).into_iter().flatten() {
            if e.path() == this || e.path().extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(e.path()).unwrap();
            for (n, line) in text.lines().enumerate() {
                if ["Utc::now", "SystemTime::now", "Local::now"]
                    .iter()
                    .any(|w| line.contains(w))
                {
                    found.push(format!("{}:{}: {}", e.path().display(), n + 1, line.trim()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "read the time from the Clock instead:\n{}",
            found.join("\n")
        );
    }
}
