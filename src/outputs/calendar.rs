//! iCalendar (RFC 5545) feeds of committee meetings: `calendar/{committee}.ics` for every
//! committee with a meeting and `calendar/meetings.ics` for all of them, one `VEVENT` per set of
//! minutes. A committee without meetings has no calendar: RFC 5545 requires a component, and an
//! empty `VCALENDAR` is one that validators and some clients refuse.
//!
//! An event speaks the language of the minutes that stand for it (the default language's, else
//! the first translation's), and says so: `SUMMARY`, `LOCATION` and `DESCRIPTION` carry
//! `LANGUAGE=` (a Danish committee's meeting is titled in Danish, also in the calendar of all).
//! The calendar's own name is given in every language of the site (RFC 7986 `NAME`, one per
//! `LANGUAGE`), and in the default language as `X-WR-CALNAME` for clients that read only that.
//!
//! Times are written in UTC (`DTSTART:20260916T143000Z`), converted from the meeting's zone,
//! so that no `VTIMEZONE` is needed and every client shows them in its reader's zone. Nothing
//! depends on the clock: `UID` is `minutes-{slug}@{host}` and `DTSTAMP` is when the minutes
//! were last changed (`updated`, else `date`), so a build of the same content gives the same
//! bytes and a subscriber's client updates events instead of duplicating them.
//!
//! The `icalendar` crate escapes TEXT values; lines are folded here (see [`fold`]) because the
//! crate can leave a continuation line of 76 octets.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

use crate::content::document::{Document, Kind, MinutesInfo, Translation};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::site::{Site, urls};
use crate::write::{File, FileData};

/// The id of the calendar of all committees' meetings (`calendar/meetings.ics`).
pub const ALL: &str = urls::ALL_MEETINGS;
/// The length of a meeting whose minutes give no end.
const DEFAULT_LENGTH_HOURS: i64 = 2;
/// How often subscribers' clients should fetch a calendar again.
const REFRESH: &str = "PT12H";

struct Meeting<'a> {
    committee: &'a str,
    start: DateTime<Utc>,
    slug: &'a str,
    event: Event,
}

/// What the calendars are made of, as a number: the minutes (by the load that rendered them).
/// The calendars are the same while it is (the configuration aside).
pub fn fingerprint(site: &Site) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for &i in site.by_kind.get(&Kind::Minutes).into_iter().flatten() {
        let doc = &site.documents[i];
        (&doc.slug, doc.generation).hash(&mut h);
    }
    h.finish()
}

pub fn render(site: &Site, i18n: &I18n) -> Result<Vec<File>, Diagnostics> {
    let default = site.default_language();
    let host = host(&site.config.base_url);
    let mut errs = Diagnostics::default();

    for c in site.committees().filter(|c| c.id() == ALL) {
        let loc = &c.id.referenced;
        errs.push(
            Diagnostic::error(
                crate::config::CONFIG_FILE,
                format!("committee id `{ALL}` is taken by the calendar of all meetings"),
            )
            .at(loc.line() as usize, Some(loc.column() as usize))
            .hint(format!(
                "{} holds every committee's meetings; give this committee another id",
                urls::calendar(ALL)
            )),
        );
    }

    let mut meetings: Vec<Meeting> = Vec::new();
    for &i in site.by_kind.get(&Kind::Minutes).into_iter().flatten() {
        let doc = &site.documents[i];
        let t = doc.primary(default);
        let Some(m) = t.minutes() else { continue };
        match event(site, i18n, &host, doc, t, m) {
            Ok(event) => meetings.push(Meeting {
                committee: &m.committee,
                start: m.meeting.start.with_timezone(&Utc),
                slug: &doc.slug,
                event,
            }),
            Err(d) => errs.push(d),
        }
    }
    if errs.has_errors() {
        errs.sort();
        return Err(errs);
    }
    meetings.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.slug.cmp(b.slug)));

    let mut outputs = Vec::new();
    for c in site.committees() {
        let events: Vec<&Meeting> = meetings.iter().filter(|m| m.committee == c.id()).collect();
        if events.is_empty() {
            continue;
        }
        let names = names(site, |lang| c.name.get(lang, default).to_owned());
        outputs.push(output(c.id(), calendar(&names, events)));
    }
    if !meetings.is_empty() {
        let org = &site.config.site.organisation.name;
        let names = names(site, |lang| {
            format!(
                "{} – {}",
                org.get(lang, default),
                i18n.t(lang, "minutes-meeting", None)
            )
        });
        outputs.push(output(ALL, calendar(&names, meetings.iter().collect())));
    }
    Ok(outputs)
}

/// A calendar's name in every language of the site, the default language's first.
fn names(site: &Site, name: impl Fn(&str) -> String) -> Vec<(String, String)> {
    let default = site.default_language();
    let others = site
        .config
        .site
        .languages
        .iter()
        .map(|l| l.code())
        .filter(|l| *l != default);
    std::iter::once(default)
        .chain(others)
        .map(|l| (l.to_owned(), name(l)))
        .collect()
}

fn output(id: &str, text: String) -> File {
    File {
        path: urls::output_path(&urls::calendar(id)),
        data: FileData::Bytes(text.into_bytes()),
    }
}

/// A whole `VCALENDAR`, folded, with CRLF line ends. `names`: (language, name), the default
/// language's first.
fn calendar(names: &[(String, String)], meetings: Vec<&Meeting>) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new(
        "PRODID",
        format!(
            "-//anslag//NONSGML anslag {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
    ))
    .append_property(Property::new("VERSION", "2.0"))
    .append_property(Property::new("CALSCALE", "GREGORIAN"));
    for (lang, name) in names {
        cal.append_property(in_language("NAME", &escape(&text(name)), lang));
    }
    if let Some((_, name)) = names.first() {
        cal.append_property(Property::new("X-WR-CALNAME", escape(&text(name))));
    }
    cal.append_property(
        Property::new("REFRESH-INTERVAL", REFRESH)
            .add_parameter("VALUE", "DURATION")
            .done(),
    )
    .append_property(Property::new("X-PUBLISHED-TTL", REFRESH));
    for m in meetings {
        cal.push(m.event.clone());
    }
    fold(&cal.to_string())
}

/// A property whose text is in `lang` (`SUMMARY;LANGUAGE=da:…`).
fn in_language(key: &str, value: &str, lang: &str) -> Property {
    Property::new(key, value)
        .add_parameter("LANGUAGE", lang)
        .done()
}

/// The `VEVENT` of one set of minutes, from the translation that stands for it, in its language.
fn event(
    site: &Site,
    i18n: &I18n,
    host: &str,
    doc: &Document,
    t: &Translation,
    m: &MinutesInfo,
) -> Result<Event, Diagnostic> {
    let (default, lang) = (site.default_language(), t.lang.as_str());
    let start = m.meeting.start.with_timezone(&Utc);
    let end = match m.meeting.end {
        Some(end) if end <= m.meeting.start => {
            return Err(Diagnostic::error(
                &t.path,
                format!(
                    "the meeting ends ({}) before it starts ({})",
                    end.to_rfc3339_opts(SecondsFormat::Secs, true),
                    m.meeting.start.to_rfc3339_opts(SecondsFormat::Secs, true)
                ),
            )
            .hint("`meeting: end:` must be later than `meeting: start:`; leave it out if the end is not known"));
        }
        Some(end) => end.with_timezone(&Utc),
        None => start + Duration::hours(DEFAULT_LENGTH_HOURS),
    };
    let committee = site
        .config
        .topic(&m.committee)
        .map_or(m.committee.as_str(), |c| c.name.get(lang, default));
    let summary = format!("{committee} – {}", i18n.t(lang, "minutes-meeting", None));
    let changed = t.updated.unwrap_or(t.date).with_timezone(&Utc);
    let mut e = Event::new();
    e.uid(&format!("{}-{}@{host}", doc.kind.dir(), doc.slug))
        .timestamp(changed)
        .last_modified(changed)
        .starts(start)
        .ends(end)
        .append_property(in_language("SUMMARY", &text(&summary), lang))
        .append_property(in_language("LOCATION", &text(&m.meeting.place), lang))
        .url(&urls::absolute(&site.config, &doc.url(lang)))
        .append_property(in_language("DESCRIPTION", &text(&t.summary), lang));
    Ok(e.done())
}

/// Text fit for an iCalendar TEXT value once escaped: line breaks as `\n`, no other control
/// characters (RFC 5545 allows none but HTAB in TEXT).
fn text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// A TEXT value escaped (RFC 5545 §3.3.11), for properties the `icalendar` crate does not know
/// as TEXT (`NAME`, `X-WR-CALNAME`) and so writes as they are.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// The host of `base_url` (`https://www.ekvik.example:8080/x` → `www.ekvik.example`), for UIDs.
fn host(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let hostport = authority.rsplit('@').next().unwrap_or_default();
    let host = if let Some(v6) = hostport.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        hostport.split(':').next().unwrap_or_default()
    };
    host.to_ascii_lowercase()
}

/// Folds every content line to at most 75 octets (RFC 5545 §3.1): a long line is split, on a
/// character boundary, into a first line of at most 75 octets and continuation lines of a
/// space and at most 74 octets. Lines already folded are unfolded first; lines end in CRLF.
pub fn fold(ics: &str) -> String {
    const LIMIT: usize = 75;
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 25);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let mut rest = line;
        let mut limit = LIMIT;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Lenient readers trim lines: keep spaces away from the ends of folded lines.
            let at_space = |c: usize| rest[..c].ends_with(' ') || rest[c..].starts_with(' ');
            if at_space(cut)
                && let Some(better) = (limit / 2..cut)
                    .rev()
                    .find(|&c| rest.is_char_boundary(c) && !at_space(c))
            {
                cut = better;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = LIMIT - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        for len in [74, 75, 76, 149, 150, 151, 223, 224, 300] {
            for ch in ["a", "å", "ش", "€", "😀"] {
                let value: String = ch.repeat(len / ch.len());
                let line = format!("DESCRIPTION:{value}");
                let folded = fold(&format!("BEGIN:VCALENDAR\r\n{line}\r\nEND:VCALENDAR\r\n"));
                assert!(folded.ends_with("\r\n"));
                for l in folded.split("\r\n") {
                    assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
                }
                assert!(!folded.replace("\r\n", "").contains(['\r', '\n']));
                let unfolded = folded.replace("\r\n ", "");
                assert!(
                    unfolded.contains(&format!("\r\n{line}\r\n")),
                    "{len} × {ch}"
                );
            }
        }
    }

    #[test]
    fn the_crates_folding_is_replaced() {
        // A line of exactly 150 octets: the crate folds it into 75 + " " + 75 (76 octets).
        let mut e = Event::new();
        e.uid("x").timestamp(DateTime::<Utc>::UNIX_EPOCH);
        e.description(&"a".repeat(150 - "DESCRIPTION:".len()));
        let mut cal = Calendar::empty();
        cal.push(e.done());
        // (icalendar 0.17.17 writes a continuation line of 76 octets here.)
        let folded = fold(&cal.to_string());
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded}");
    }

    #[test]
    fn text_loses_control_characters() {
        assert_eq!(text("a\r\nb\rc\u{7}d\te"), "a\nb\ncd\te");
    }

    #[test]
    fn names_are_escaped_as_text() {
        assert_eq!(escape(r"Bygg, miljö; \ hamn"), r"Bygg\, miljö\; \\ hamn");
    }

    #[test]
    fn host_of_base_url() {
        assert_eq!(host("https://www.ekvik.example"), "www.ekvik.example");
        assert_eq!(host("http://u@Example.org:8080/kommun"), "example.org");
        assert_eq!(host("http://[::1]:8000"), "::1");
    }
}
