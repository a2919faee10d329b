//! Dates as authors write them: RFC 3339 with an offset, or a local date and time (taken in the
//! site's time zone), or a bare date (midnight in the site's time zone).

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

pub const EXAMPLE: &str = "2026-03-12T13:00:00+01:00, 2026-03-12 13:00 or 2026-03-12";

pub fn parse(s: &str, tz: Tz) -> Result<DateTime<Tz>, String> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Ok(d.with_timezone(&tz));
    }
    local(parse_local(s)?, tz, s)
}

/// A date and time without an offset, or a bare date (its midnight), as authors write them.
pub fn parse_local(s: &str) -> Result<NaiveDateTime, String> {
    let s = s.trim();
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(naive);
        }
    }
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => Ok(d.and_time(chrono::NaiveTime::MIN)),
        Err(e) => Err(format!("`{s}` is not a valid date ({e})")),
    }
}

fn local(naive: NaiveDateTime, tz: Tz, s: &str) -> Result<DateTime<Tz>, String> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(d) => Ok(d),
        // The hour repeated when clocks go back: the first one is meant.
        LocalResult::Ambiguous(first, _) => Ok(first),
        LocalResult::None => Err(format!(
            "`{s}` does not exist in {tz}: the clocks skip that hour"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_forms() {
        let tz: Tz = "Europe/Stockholm".parse().unwrap();
        let a = parse("2026-03-12T13:00:00+01:00", tz).unwrap();
        let b = parse("2026-03-12 13:00", tz).unwrap();
        assert_eq!(a, b);
        assert_eq!(
            parse("2026-07-01", tz).unwrap().to_rfc3339(),
            "2026-07-01T00:00:00+02:00"
        );
        assert!(parse("2026-13-01", tz).is_err());
        assert!(parse("2026-03-29 02:30", tz).is_err());
    }
}
