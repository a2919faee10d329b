//! Personal identity numbers must not be published: Swedish personal identity numbers
//! (personnummer) and coordination numbers (samordningsnummer), and Danish CPR numbers, in any
//! document's source (front matter included), in attachment file names and in text attachments.
//!
//! To keep case numbers ("BUN-2026/318", "00.01.00-P35-4-26"), dates, phone numbers and order
//! numbers from triggering, a number must have exactly the shape of an identity number, with
//! no digit (or digit-separator-digit) directly before or after it, and pass the checks of its
//! kind:
//!
//! - Swedish, `YYMMDD-NNNN` (under 100 years old), `YYMMDD+NNNN` (100 or older),
//!   `YYYYMMDD-NNNN` or `YYYYMMDDNNNN`: a valid date of birth that is not in the future, or for
//!   a coordination number the day plus 60; and the Luhn check digit over the ten-digit form.
//! - Danish, `DDMMYY-SSSS`: a valid date of birth, not in the future, in the century that the
//!   first serial digit gives (0–3: 1900s; 4 and 9: 2000s if YY ≤ 36, else 1900s; 5–8: 2000s if
//!   YY ≤ 57, else 1800s). The modulus-11 check is not required: numbers issued since 2007 need
//!   not pass it.
//!
//! Persian and Arabic-Indic digits count as digits, so a number written in them is found too.

use std::collections::HashSet;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::{Context, Finding, Source, finding};
use crate::content::document::Attachment;
use crate::diagnostics::Severity;

pub const CHECK: &str = "personal-number";
pub const CHECK_ALLOW_UNUSED: &str = "personal-number-allow-unused";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    SwedishPersonal,
    SwedishCoordination,
    DanishCpr,
}

impl IdKind {
    pub fn describe(self) -> &'static str {
        match self {
            IdKind::SwedishPersonal => "a Swedish personal identity number (personnummer)",
            IdKind::SwedishCoordination => "a Swedish coordination number (samordningsnummer)",
            IdKind::DanishCpr => "a Danish CPR number",
        }
    }
}

/// An identity number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub kind: IdKind,
    /// The ten digits that identify the person (`YYMMDDNNNN`, `DDMMYYSSSS`), for the allow-list.
    pub key: String,
    /// The number as shown in messages: date part kept, the rest masked (`811218-****`).
    pub masked: String,
}

/// The value of a decimal digit in any of the scripts documents are written in (for the
/// allow-list entries; the scan reads bytes, [`digit_at`]).
fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8), // Arabic-Indic
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8), // Persian
        _ => None,
    }
}

/// The value of the decimal digit whose character starts at byte `i`, and the character's
/// length: ASCII, Arabic-Indic (U+0660–U+0669, `D9 A0`–`D9 A9` in UTF-8) or Persian
/// (U+06F0–U+06F9, `DB B0`–`DB B9`). Lead bytes only match, so any byte position may be asked.
fn digit_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match *b.get(i)? {
        c @ b'0'..=b'9' => Some((c - b'0', 1)),
        0xD9 => match *b.get(i + 1)? {
            c @ 0xA0..=0xA9 => Some((c - 0xA0, 2)),
            _ => None,
        },
        0xDB => match *b.get(i + 1)? {
            c @ 0xB0..=0xB9 => Some((c - 0xB0, 2)),
            _ => None,
        },
        _ => None,
    }
}

/// The length of the character at byte `i` if it joins the digit groups of codes
/// ("2026-11-22", "12.500", "A/12"): `-` `+` `/` `.` `,` `:` or a dash U+2010–U+2013. A number
/// glued to other digits by one of them is part of something longer.
fn join_at(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'-' | b'+' | b'/' | b'.' | b',' | b':' => Some(1),
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x90..=0x93)) => Some(3),
        _ => None,
    }
}

/// The byte where the character before byte `i` starts.
fn char_before(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i.checked_sub(1)?;
    while j > 0 && b[j] & 0xC0 == 0x80 {
        j -= 1;
    }
    Some(j)
}

/// Whether `text` has six digits in a row, as every identity number does: most texts have none.
pub fn has_digit_run(text: &str) -> bool {
    let b = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        match digit_at(b, i) {
            Some((_, len)) => {
                run += 1;
                if run == 6 {
                    return true;
                }
                i += len;
            }
            None => {
                run = 0;
                i += 1;
            }
        }
    }
    false
}

/// A run of digits in a text: its bytes, how many digits, and the values of the first twelve
/// (no identity number has more).
struct Run {
    start: usize,
    end: usize,
    count: usize,
    values: [u8; 12],
}

impl Run {
    /// The run of digits starting at byte `start` (none if no digit starts there).
    fn at(b: &[u8], start: usize) -> Option<Run> {
        let mut run = Run {
            start,
            end: start,
            count: 0,
            values: [0; 12],
        };
        while let Some((value, len)) = digit_at(b, run.end) {
            if let Some(v) = run.values.get_mut(run.count) {
                *v = value;
            }
            run.count += 1;
            run.end += len;
        }
        (run.count > 0).then_some(run)
    }
}

/// Every identity number in `text`, for people born up to `today`. Works on the bytes, without
/// allocating but for what it finds: it runs over every source of a build.
pub fn find(text: &str, today: NaiveDate) -> Vec<Match> {
    if !has_digit_run(text) {
        return Vec::new();
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(run) = Run::at(b, i) else {
            i += 1;
            continue;
        };
        let (stop, found) = identify(b, &run, today);
        if let Some(m) = found
            && !glued_before(b, run.start)
            && !glued_after(b, stop)
        {
            out.push(Match {
                start: run.start,
                end: stop,
                ..m
            });
        }
        i = stop;
    }
    out
}

/// Glued to earlier digits: "2026-811218-9876", "12.811218-9876".
fn glued_before(b: &[u8], start: usize) -> bool {
    char_before(b, start).is_some_and(|j| {
        join_at(b, j).is_some() && char_before(b, j).is_some_and(|k| digit_at(b, k).is_some())
    })
}

/// Glued to later digits: "811218-98761", "811218-9876-2".
fn glued_after(b: &[u8], stop: usize) -> bool {
    digit_at(b, stop).is_some()
        || join_at(b, stop).is_some_and(|len| digit_at(b, stop + len).is_some())
}

/// Whether a run of digits (with the group of four after it, if the shape has one) is an
/// identity number: the byte where the number's shape ends, and the number (its range unset).
fn identify(b: &[u8], run: &Run, today: NaiveDate) -> (usize, Option<Match>) {
    // A separated second group: exactly four digits after `-` or `+`.
    let second = match b.get(run.end) {
        Some(&sep @ (b'-' | b'+')) => Run::at(b, run.end + 1)
            .filter(|r| r.count == 4)
            .map(|r| (char::from(sep), r)),
        _ => None,
    };
    let v = &run.values;
    match (run.count, second) {
        (6, Some((sep, r))) => {
            let mut ten = [0; 10];
            ten[..6].copy_from_slice(&v[..6]);
            ten[6..].copy_from_slice(&r.values[..4]);
            let kind = swedish_short(&ten, sep, today)
                .or_else(|| (sep == '-' && danish_cpr(&ten, today)).then_some(IdKind::DanishCpr));
            (
                r.end,
                kind.map(|k| found(k, &ten, format!("{}{sep}****", digits(&ten[..6])))),
            )
        }
        (8, Some(('-', r))) => {
            let mut twelve = [0; 12];
            twelve[..8].copy_from_slice(&v[..8]);
            twelve[8..].copy_from_slice(&r.values[..4]);
            (r.end, long(&twelve, today))
        }
        (12, _) => (run.end, long(v, today)),
        _ => (run.end, None),
    }
}

/// A twelve-digit Swedish number (`YYYYMMDD-NNNN` or `YYYYMMDDNNNN`), if it is one.
fn long(twelve: &[u8; 12], today: NaiveDate) -> Option<Match> {
    let kind = swedish_long(twelve, today)?;
    Some(found(
        kind,
        &twelve[2..],
        format!("{}-****", digits(&twelve[..8])),
    ))
}

fn found(kind: IdKind, ten: &[u8], masked: String) -> Match {
    Match {
        start: 0,
        end: 0,
        kind,
        key: digits(ten),
        masked,
    }
}

/// Digit values as ASCII digits.
fn digits(values: &[u8]) -> String {
    values.iter().map(|d| char::from(b'0' + d)).collect()
}

/// The Luhn check over the ten-digit form: the last digit checks the nine before it.
pub fn luhn_ok(ten: &[u8]) -> bool {
    if ten.len() != 10 {
        return false;
    }
    let sum: u32 = ten[..9]
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let p = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    (10 - sum % 10) % 10 == u32::from(ten[9])
}

fn num(d: &[u8]) -> u32 {
    d.iter().fold(0, |n, &x| n * 10 + u32::from(x))
}

/// A valid Swedish date of birth: (date, is a coordination number).
fn swedish_date(year: i32, month: u32, day: u32) -> Option<(NaiveDate, bool)> {
    let (day, coordination) = if (61..=91).contains(&day) {
        (day - 60, true)
    } else {
        (day, false)
    };
    NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, coordination))
}

fn swedish_kind(coordination: bool) -> IdKind {
    if coordination {
        IdKind::SwedishCoordination
    } else {
        IdKind::SwedishPersonal
    }
}

/// `YYMMDD-NNNN` / `YYMMDD+NNNN` as ten digits: the separator gives the century (`+` for people
/// of 100 or more).
pub fn swedish_short(ten: &[u8], sep: char, today: NaiveDate) -> Option<IdKind> {
    if ten.len() != 10 || !luhn_ok(ten) {
        return None;
    }
    let (yy, mm, dd) = (num(&ten[0..2]) as i32, num(&ten[2..4]), num(&ten[4..6]));
    let mut year = today.year() / 100 * 100 + yy;
    if year > today.year() {
        year -= 100;
    }
    // Born later this year than today: a century earlier.
    if let Some((d, _)) = swedish_date(year, mm, dd)
        && d > today
    {
        year -= 100;
    }
    if sep == '+' {
        year -= 100;
    }
    let (date, coordination) = swedish_date(year, mm, dd)?;
    (date <= today).then_some(swedish_kind(coordination))
}

/// `YYYYMMDDNNNN` as twelve digits (the century written out).
pub fn swedish_long(twelve: &[u8], today: NaiveDate) -> Option<IdKind> {
    if twelve.len() != 12 || !matches!(num(&twelve[0..2]), 18..=20) || !luhn_ok(&twelve[2..]) {
        return None;
    }
    let (year, mm, dd) = (
        num(&twelve[0..4]) as i32,
        num(&twelve[4..6]),
        num(&twelve[6..8]),
    );
    let (date, coordination) = swedish_date(year, mm, dd)?;
    (date <= today && today.year() - year < 150).then_some(swedish_kind(coordination))
}

/// `DDMMYY-SSSS` as ten digits: a valid date in the century the first serial digit gives.
pub fn danish_cpr(ten: &[u8], today: NaiveDate) -> bool {
    if ten.len() != 10 {
        return false;
    }
    let (dd, mm, yy) = (num(&ten[0..2]), num(&ten[2..4]), num(&ten[4..6]) as i32);
    let century = match ten[6] {
        0..=3 => 1900,
        4 | 9 if yy <= 36 => 2000,
        4 | 9 => 1900,
        _ if yy <= 57 => 2000,
        _ => 1800,
    };
    NaiveDate::from_ymd_opt(century + yy, mm, dd).is_some_and(|d| d <= today)
}

/// The allow-list form of an entry written by a person: its last ten digits.
pub fn allow_key(entry: &str) -> Option<String> {
    let digits: Vec<u8> = entry.chars().filter_map(digit).collect();
    match digits.len() {
        10 | 12 => Some(
            digits[digits.len() - 10..]
                .iter()
                .map(|d| char::from(b'0' + d))
                .collect(),
        ),
        _ => None,
    }
}

/// The text with every match masked, for quoting a source line without repeating the number.
fn masked_text(text: &str, matches: &[Match]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for m in matches {
        out.push_str(&text[pos..m.start]);
        out.push_str(&m.masked);
        pos = m.end;
    }
    out.push_str(&text[pos..]);
    out
}

const HINT: &str = "remove it (personal identity numbers may not be published), or, if publishing it is lawful, add it to `allow_personal_numbers: [...]` in the document's front matter";

/// Finds personal identity numbers in every document (source, attachment names, text
/// attachments) and allow-list entries that match nothing.
pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    out.extend(check_each(ctx).into_iter().flat_map(|(_, f)| f));
}

/// The findings of each document of the context, found in parallel.
pub(crate) fn check_each(ctx: &Context<'_>) -> Vec<(usize, Vec<Finding>)> {
    use rayon::prelude::*;
    let mut by_doc: std::collections::HashMap<usize, Vec<&Source<'_>>> =
        std::collections::HashMap::new();
    for s in &ctx.sources {
        by_doc.entry(s.doc).or_default().push(s);
    }
    ctx.docs
        .par_iter()
        .map(|&doc_index| {
            let mut out = Vec::new();
            let sources = by_doc.get(&doc_index).cloned().unwrap_or_default();
            check_document(ctx, doc_index, &sources, &mut out);
            (doc_index, out)
        })
        .collect()
}

fn check_document(
    ctx: &Context<'_>,
    doc_index: usize,
    sources: &[&Source<'_>],
    out: &mut Vec<Finding>,
) {
    let today = ctx.site.now.date_naive();
    let doc = &ctx.site.documents[doc_index];
    let allowed = allow_entries(sources);
    let mut report = Report {
        allow: allowed.iter().map(|(k, _, _)| k.as_str()).collect(),
        used: HashSet::new(),
    };
    for s in sources {
        // Not the allow-list itself, nor closed agenda items, which are never published.
        let list = allow_list_range(&s.text[..s.body]);
        let matches = find(s.text, today)
            .into_iter()
            .filter(|m| !list.as_ref().is_some_and(|r| r.contains(&m.start)))
            .filter(|m| !s.is_withheld(m.start))
            .collect();
        report.numbers(&s.t.path, Some(s.text), matches, out);
    }
    for a in &doc.attachments {
        report.attachment(ctx.root, a, today, out);
    }
    let used = report.used;
    for (key, entry, s) in &allowed {
        if !used.contains(key) {
            out.push(unused_entry(entry, s, today));
        }
    }
}

/// Every `allow_personal_numbers` entry of the document's translations: its key (empty if it
/// is no number), the entry as written, and the translation that lists it.
fn allow_entries<'s>(sources: &[&'s Source<'s>]) -> Vec<(String, String, &'s Source<'s>)> {
    let mut allowed = Vec::new();
    for s in sources {
        for entry in &s.t.allow_personal_numbers {
            allowed.push((allow_key(entry).unwrap_or_default(), entry.clone(), *s));
        }
    }
    allowed
}

/// Reports the numbers that the document's allow-list does not cover, and notes those it
/// does, so that unused entries can be reported at the end.
struct Report<'a> {
    allow: HashSet<&'a str>,
    used: HashSet<String>,
}

impl Report<'_> {
    /// The numbers found in `file`, whose `text` is quoted with them masked (none: a name).
    fn numbers(
        &mut self,
        file: &Path,
        text: Option<&str>,
        matches: Vec<Match>,
        out: &mut Vec<Finding>,
    ) {
        let (shown, kept): (Vec<Match>, Vec<Match>) = matches
            .into_iter()
            .partition(|m| !self.allow.contains(m.key.as_str()));
        self.used.extend(kept.into_iter().map(|m| m.key));
        if shown.is_empty() {
            return;
        }
        let safe = text.map(|t| masked_text(t, &shown));
        for m in &shown {
            let message = format!("{} `{}` must not be published", m.kind.describe(), m.masked);
            let f = match (text, &safe) {
                (Some(t), Some(safe)) => {
                    let mut f = finding(
                        Severity::Error,
                        CHECK,
                        file,
                        Some(t),
                        Some(m.start),
                        message,
                        HINT,
                    );
                    // Quote the line with the number masked: reports end up in logs.
                    f.diagnostic = f.diagnostic.with_source(safe);
                    f
                }
                _ => finding(Severity::Error, CHECK, file, None, None, message, HINT),
            };
            out.push(f);
        }
    }

    /// The numbers in an attachment's file name (shown masked), and in its text if it is text
    /// and not too large to read.
    fn attachment(
        &mut self,
        root: &Path,
        a: &Attachment,
        today: NaiveDate,
        out: &mut Vec<Finding>,
    ) {
        let rel = a
            .source
            .strip_prefix(root)
            .unwrap_or(&a.source)
            .to_path_buf();
        let name_matches = find(&a.name, today);
        if !name_matches.is_empty() {
            let shown = rel.with_file_name(masked_text(&a.name, &name_matches));
            self.numbers(&shown, None, name_matches, out);
        }
        if is_text(&a.mime)
            && a.size <= TEXT_LIMIT
            && let Ok(text) = std::fs::read_to_string(&a.source)
        {
            let matches = find(&text, today);
            self.numbers(&rel, Some(&text), matches, out);
        }
    }
}

/// A warning for an allow-list entry that matched nothing, quoting the source with every
/// number masked.
fn unused_entry(entry: &str, s: &Source<'_>, today: NaiveDate) -> Finding {
    let line = front_matter_line(&s.text[..s.body], "allow_personal_numbers");
    let shown =
        allow_key(entry).map_or_else(|| "an entry".to_owned(), |k| format!("`{}…`", &k[..6]));
    let mut f = finding(
        Severity::Warning,
        CHECK_ALLOW_UNUSED,
        &s.t.path,
        Some(s.text),
        line,
        format!(
            "{shown} of `allow_personal_numbers` matches no number in the document or its attachments"
        ),
        "remove entries that are no longer needed: the list itself keeps the number in the source",
    );
    f.diagnostic = f
        .diagnostic
        .with_source(&masked_text(s.text, &find(s.text, today)));
    f
}

/// Text attachments larger than this are not read.
const TEXT_LIMIT: u64 = 20 * 1024 * 1024;

fn is_text(mime: &str) -> bool {
    mime.starts_with("text/") || mime.ends_with("json") || mime.ends_with("xml")
}

/// The bytes of the `allow_personal_numbers` entry of the front matter: its line and the
/// indented or `-` lines under it.
fn allow_list_range(text: &str) -> Option<std::ops::Range<usize>> {
    let start = front_matter_line(text, "allow_personal_numbers")?;
    let mut end = start;
    for (i, line) in text[start..].split_inclusive('\n').enumerate() {
        if i > 0 && !line.starts_with([' ', '\t', '-']) {
            break;
        }
        end += line.len();
    }
    Some(start..end)
}

/// Byte offset of a top-level front-matter key's line.
fn front_matter_line(text: &str, key: &str) -> Option<usize> {
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(':'))
        {
            return Some(pos);
        }
        pos += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn kinds(text: &str) -> Vec<IdKind> {
        find(text, today()).into_iter().map(|m| m.kind).collect()
    }

    /// Appends the Luhn check digit to nine digits.
    fn with_check(nine: &str) -> String {
        for c in 0..10u8 {
            let s = format!("{nine}{c}");
            let d: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
            if luhn_ok(&d) {
                return s;
            }
        }
        unreachable!()
    }

    #[test]
    fn luhn_matches_known_numbers() {
        let d = |s: &str| s.bytes().map(|b| b - b'0').collect::<Vec<_>>();
        assert!(luhn_ok(&d("8112189876")));
        assert!(!luhn_ok(&d("8112189875")));
        assert_eq!(with_check("811218987"), "8112189876");
        assert_eq!(with_check("640823323"), "6408233234");
        assert!(luhn_ok(&d("1212121212")));
    }

    #[test]
    fn finds_swedish_personal_identity_numbers() {
        use IdKind::*;
        assert_eq!(kinds("Personnummer 811218-9876."), [SwedishPersonal]);
        assert_eq!(kinds("19811218-9876"), [SwedishPersonal]);
        assert_eq!(kinds("198112189876"), [SwedishPersonal]);
        assert_eq!(kinds("(640823-3234)"), [SwedishPersonal]);
        assert_eq!(kinds("121212-1212"), [SwedishPersonal]);
        // 100 years or older: `+`.
        assert_eq!(kinds("Född 1912: 121212+1212"), [SwedishPersonal]);
        // Born on 29 February of a leap year (2000), and in the front matter's YAML.
        let leap = with_check("000229123");
        assert_eq!(
            kinds(&format!("summary: \"{}-{}\"", &leap[..6], &leap[6..])),
            [SwedishPersonal]
        );
        // Persian digits.
        assert_eq!(kinds("۸۱۱۲۱۸-۹۸۷۶"), [SwedishPersonal]);
        let m = &find("x 811218-9876 y", today())[0];
        assert_eq!(
            (m.start, m.end, m.masked.as_str(), m.key.as_str()),
            (2, 13, "811218-****", "8112189876")
        );
        let long = &find("19811218-9876", today())[0];
        assert_eq!(long.masked, "19811218-****");
    }

    #[test]
    fn finds_coordination_numbers() {
        // Day 18 + 60 = 78.
        let n = with_check("811278987");
        let text = format!("Samordningsnummer {}-{}", &n[..6], &n[6..]);
        assert_eq!(kinds(&text), [IdKind::SwedishCoordination]);
        // 1990-01-02 as a coordination number, in the twelve-digit form.
        let n12 = format!("19{}", with_check("900162123"));
        assert_eq!(kinds(&n12), [IdKind::SwedishCoordination]);
        // Day 92 - 60 = 32 is no date.
        let bad = with_check("811292987");
        assert_eq!(kinds(&format!("{}-{}", &bad[..6], &bad[6..])), []);
    }

    /// Ten digits of `DDMMYY-SSSS`.
    fn cpr(s: &str) -> bool {
        let d: Vec<u8> = s
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        danish_cpr(&d, today())
    }

    #[test]
    fn finds_danish_cpr_with_each_century_rule() {
        // 0–3: 1900s. 29 February 1996 exists, 29 February 1900 does not.
        assert!(cpr("290296-1234"));
        assert!(!cpr("290200-3111"));
        assert!(cpr("010130-2000")); // 1930, not 2030
        // 4 and 9: 2000s if YY ≤ 36 (29 February 2000 exists), else 1900s.
        assert!(cpr("290200-4000"));
        assert!(cpr("290200-9000"));
        assert!(!cpr("010136-4000")); // 2036: in the future
        assert!(cpr("010137-4000")); // 1937
        assert!(cpr("010150-9000")); // 1950
        // 5–8: 2000s if YY ≤ 57, else 1800s (29 February 1800 does not exist).
        assert!(cpr("290200-5000"));
        assert!(cpr("290200-8000"));
        assert!(!cpr("010157-6000")); // 2057: in the future
        assert!(cpr("010158-6000")); // 1858
        assert!(cpr("290260-7000")); // 1860 is a leap year
        assert!(!cpr("290261-7000"));
        // Impossible dates.
        assert!(!cpr("320178-0000"));
        assert!(!cpr("311178-0000"));
        assert!(!cpr("001078-0000"));
        assert!(!cpr("011378-0000"));
        // Modulus 11 is not required: 010180-0000 fails it (weights 4,3,2,7,6,5,4,3,2,1 give 16).
        assert!(cpr("010180-0000"));
        // In text: a number that is no Swedish number (no Luhn) is a CPR number.
        let ms = find("CPR-nr. 310578-0123, se bilag.", today());
        assert_eq!(ms.len(), 1, "{ms:?}");
        assert_eq!(
            (ms[0].kind, ms[0].masked.as_str()),
            (IdKind::DanishCpr, "310578-****")
        );
        // Danish numbers are written with `-` only.
        assert!(find("310578+0123", today()).is_empty());
    }

    /// Strings that look like numbers but are no identity numbers.
    const NOT_NUMBERS: &[&str] = &[
        // Case numbers.
        "BUN-2026/318",
        "BUN-2026/45",
        "00.01.00-P35-4-26",
        "17.01.00-A00-3-26",
        "81.02.00-G01-9-26",
        "STY-2026/99",
        "KS 2026/1234-12",
        "Dnr 2026-000123",
        "Sag nr. 2026-004512",
        // Dates and times.
        "2026-11-22",
        "2026-11-22T07:30:00+01:00",
        "2026-11-22 07:30",
        "22.11.2026",
        "22/11/2026",
        "20261122",
        "20261122T073000Z",
        "kl. 6.30–18.00",
        "7.45–8.15",
        "30 november 2026 – 26 februari 2027",
        // Phone numbers.
        "+46 31 390 06 55",
        "031-390 06 55",
        "031-3900655",
        "070-174 06 12",
        "0701740612",
        "+46701740612",
        "+4631390065500",
        "08-123 456 78",
        "+45 33 12 34 56",
        "33123456",
        "+46 (0)31-390 06 00",
        // Amounts and quantities.
        "1.200.000 kr.",
        "812 000 tkr",
        "41 000 invånare",
        "420 000 kronor",
        "2,4 miljoner",
        "−3 400",
        "1 900 personer",
        "۴۱٬۰۰۰ نفر",
        // Organisation numbers, giro, postal codes, order numbers, ISBN.
        "Org.nr 212000-1142",
        "556677-8899",
        "Bankgiro 5050-1055",
        "Plusgiro 90 20 01-9",
        "234 56 Ekvik",
        "Order 811218-98761",
        "Order 1811218-9876",
        "Faktura 811218-9876-2",
        "Ärende 12-811218-9876",
        "Ref. 2026.811218-9876",
        "ISBN 978-91-1-301234-5",
        "EAN 7311041013342",
        // The right shape but failing the checks.
        "811218-9875",   // Luhn fails and 81 is no day
        "811318-9876",   // month 13
        "811292-9870",   // day 92 - 60 = 32
        "211218129876",  // century 21
        "17811218-9876", // century 17, and 13 digits
        "991231-9999",   // Luhn fails and 99 is no day
    ];

    #[test]
    fn ignores_numbers_that_are_not_identity_numbers() {
        for s in NOT_NUMBERS {
            assert_eq!(find(s, today()), [], "{s}");
            assert_eq!(find(&format!("Text {s}, text."), today()), [], "{s}");
        }
    }

    /// The scan as it was before it read bytes (characters collected into a vector): the byte
    /// scan must find exactly what it found.
    mod reference {
        use super::super::{IdKind, Match, danish_cpr, swedish_long, swedish_short};
        use chrono::NaiveDate;

        /// The value of a decimal digit in any of the scripts documents are written in.
        fn digit(c: char) -> Option<u8> {
            match c {
                '0'..='9' => Some(c as u8 - b'0'),
                '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8), // Arabic-Indic
                '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8), // Persian
                _ => None,
            }
        }

        /// Characters that join the digit groups of codes ("2026-11-22", "12.500", "A/12"): a number
        /// glued to other digits by one of them is part of something longer.
        fn joins(c: char) -> bool {
            matches!(
                c,
                '-' | '+' | '/' | '.' | ',' | ':' | '\u{2010}'..='\u{2013}'
            )
        }

        /// Whether `text` has six digits in a row, as every identity number does: most texts have none.
        pub fn has_digit_run(text: &str) -> bool {
            let mut run = 0;
            text.chars().any(|c| {
                run = if digit(c).is_some() { run + 1 } else { 0 };
                run >= 6
            })
        }

        /// Every identity number in `text`, for people born up to `today`.
        pub fn find(text: &str, today: NaiveDate) -> Vec<Match> {
            if !has_digit_run(text) {
                return Vec::new();
            }
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let at = |i: usize| chars.get(i).map(|&(_, c)| c);
            let is_digit = |i: usize| at(i).and_then(digit).is_some();
            let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
            let mut out = Vec::new();
            let mut i = 0;
            while i < chars.len() {
                if !is_digit(i) {
                    i += 1;
                    continue;
                }
                let start = i;
                let mut end = i;
                while is_digit(end) {
                    end += 1;
                }
                let run = end - start;
                // Not glued to earlier digits: "2026-811218-9876", "12.811218-9876".
                let glued_before =
                    start >= 2 && at(start - 1).is_some_and(joins) && is_digit(start - 2);
                let digits = |from: usize, n: usize| -> Vec<u8> {
                    (from..from + n)
                        .map(|k| at(k).and_then(digit).unwrap_or(0))
                        .collect()
                };
                // A separated second group: exactly four digits after `-` or `+`.
                let second = match at(end) {
                    Some(sep @ ('-' | '+')) => {
                        let s = end + 1;
                        let mut e = s;
                        while is_digit(e) {
                            e += 1;
                        }
                        (e - s == 4).then_some((sep, s, e))
                    }
                    _ => None,
                };
                let (stop, found) = match (run, second) {
                    (6, Some((sep, s, e))) => {
                        let mut d = digits(start, 6);
                        d.extend(digits(s, 4));
                        let found = swedish_short(&d, sep, today).or_else(|| {
                            (sep == '-' && danish_cpr(&d, today)).then_some(IdKind::DanishCpr)
                        });
                        (e, found.map(|k| (k, d, sep)))
                    }
                    (8, Some(('-', s, e))) => {
                        let mut d = digits(start, 8);
                        d.extend(digits(s, 4));
                        (
                            e,
                            swedish_long(&d, today).map(|k| (k, d[2..].to_vec(), '-')),
                        )
                    }
                    (12, _) => {
                        let d = digits(start, 12);
                        (
                            end,
                            swedish_long(&d, today).map(|k| (k, d[2..].to_vec(), '-')),
                        )
                    }
                    _ => (end, None),
                };
                let glued_after = at(stop).is_some_and(|c| digit(c).is_some())
                    || (at(stop).is_some_and(joins) && is_digit(stop + 1));
                if let Some((kind, ten, sep)) = found
                    && !glued_before
                    && !glued_after
                {
                    let key: String = ten.iter().map(|d| char::from(b'0' + d)).collect();
                    let masked = if run == 6 {
                        format!("{}{sep}****", &key[..6])
                    } else {
                        let century: String = digits(start, 2)
                            .iter()
                            .map(|d| char::from(b'0' + d))
                            .collect();
                        format!("{century}{}-****", &key[..6])
                    };
                    out.push(Match {
                        start: offset(start),
                        end: offset(stop),
                        kind,
                        key,
                        masked,
                    });
                }
                i = stop.max(start + 1);
            }
            out
        }
    }

    #[test]
    fn byte_scan_finds_what_the_character_scan_found() {
        let n = "811218-9876";
        let pieces = [
            n,
            "19811218-9876",
            "198112189876",
            "121212+1212",
            "310578-0123",
            "۸۱۱۲۱۸-۹۸۷۶",
            "٨١١٢١٨-٩٨٧٦",
            "8",
            "-",
            "+",
            "/",
            ".",
            ",",
            ":",
            "\u{2013}",
            "\u{2014}",
            " ",
            "\n",
            "\r\n",
            "å",
            "€",
            "日本",
            "ä1",
            "x",
            "0",
            "2026-",
            "–9",
            "١",
            "\u{06F9}",
            "-1",
            "9876",
            "811218",
            "\u{0669}\u{06F0}",
        ];
        let mut texts: Vec<String> = NOT_NUMBERS.iter().map(|s| s.to_string()).collect();
        // Every sequence of up to three pieces, and each number with two pieces on each side.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                }
                for m in &pieces[..7] {
                    texts.push(format!("{a}{b}{m}{b}{a}"));
                    texts.push(format!("{a}{m}{b}"));
                }
            }
        }
        let mut found = 0;
        for t in &texts {
            let expected = reference::find(t, today());
            assert_eq!(find(t, today()), expected, "{t:?}");
            assert_eq!(has_digit_run(t), reference::has_digit_run(t), "{t:?}");
            found += expected.len();
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn offsets_are_bytes_and_columns_characters() {
        // Multi-byte characters before the number: the range is in bytes, the column counts
        // characters (as diagnostics show it).
        let text = "Åsa Öberg, född ۱۳۶۰, har nr 811218-9876\r\nnästa 121212-1212\n";
        let ms = find(text, today());
        assert_eq!(ms.len(), 2, "{ms:?}");
        assert_eq!(&text[ms[0].start..ms[0].end], "811218-9876");
        assert_eq!(&text[ms[1].start..ms[1].end], "121212-1212");
        let at = |m: &Match| crate::diagnostics::line_col(text, m.start);
        assert_eq!(at(&ms[0]), (1, 30));
        assert_eq!(at(&ms[1]), (2, 7));
        // At the end of a line (LF or CRLF) and of the text.
        for end in ["\n", "\r\n", ""] {
            let t = format!("rad\n811218-9876{end}");
            let ms = find(&t, today());
            assert_eq!(ms.len(), 1, "{t:?}");
            assert_eq!((ms[0].start, ms[0].end), (4, 15));
        }
        // Persian and Arabic-Indic digits take two bytes each.
        let t = "é ٨١١٢١٨-٩٨٧٦.";
        let m = &find(t, today())[0];
        assert_eq!(
            (m.start, m.end, m.masked.as_str()),
            (3, 3 + 21, "811218-****")
        );
        // A dash (U+2013) before joins it to earlier digits; one after a space does not.
        assert_eq!(find("2026\u{2013}811218-9876", today()), []);
        assert_eq!(
            kinds("2026 \u{2013} 811218-9876"),
            [IdKind::SwedishPersonal]
        );
    }

    #[test]
    fn finds_each_format_in_the_scripts_it_knows() {
        use IdKind::*;
        // Danish CPR, and the twelve-digit Swedish form, in Arabic-Indic digits.
        assert_eq!(kinds("CPR ٣١٠٥٧٨-٠١٢٣"), [DanishCpr]);
        assert_eq!(kinds("١٩٨١١٢١٨٩٨٧٦"), [SwedishPersonal]);
        // Digits of two scripts in one number count as one run (as characters did).
        assert_eq!(kinds("81۱۲18-9876"), [SwedishPersonal]);
        // Several in one line, with a joining character between them: the second is glued.
        assert_eq!(
            kinds("811218-9876 och 121212-1212"),
            [SwedishPersonal, SwedishPersonal]
        );
        assert_eq!(kinds("811218-9876/121212-1212"), []);
        // Finnish and Norwegian numbers are not known: `131052-308T`, `01018012345`.
        assert_eq!(kinds("131052-308T 01018012345"), []);
    }

    #[test]
    fn allow_list_entries_match_both_forms() {
        assert_eq!(allow_key("811218-9876").as_deref(), Some("8112189876"));
        assert_eq!(allow_key("19811218-9876").as_deref(), Some("8112189876"));
        assert_eq!(allow_key("198112189876").as_deref(), Some("8112189876"));
        assert_eq!(allow_key("81-12"), None);
        let m = &find("19811218-9876", today())[0];
        assert_eq!(m.key, "8112189876");
    }

    #[test]
    fn the_example_site_has_no_identity_numbers() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = 0;
        for e in walkdir::WalkDir::new(root.join("content"))
            .into_iter()
            .flatten()
        {
            let name = e.file_name().to_string_lossy().into_owned();
            assert_eq!(find(&name, today()), [], "{}", e.path().display());
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                assert_eq!(find(&text, today()), [], "{}", e.path().display());
                files += 1;
            }
        }
        let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
        assert_eq!(find(&config, today()), []);
        assert!(files > 10);
    }
}
