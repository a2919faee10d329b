//! Reading what a form sends: `application/x-www-form-urlencoded` bodies parsed by a plain
//! function (no framework, so that it can be fuzzed on its own), then the fields of each form
//! checked against `site.yaml`. Nothing here touches the store.
//!
//! Every limit is explicit: the body is capped before it gets here (8 KiB), a form has at most
//! [`MAX_FIELDS`] fields, a field that must appear once may not appear twice, and the address is
//! judged by [`crate::mail::normalise_address`] (no line breaks or other characters that could
//! end up in a mail header, at most 254 characters).

use crate::config::Config;
use crate::mail::{Frequency, normalise_address};

/// The most fields a form may send (the subscribe form has one per topic, plus five).
pub const MAX_FIELDS: usize = 256;

/// Why a body is not a form this service can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("a `%` in the form is not followed by two hexadecimal digits")]
    BadEscape,
    #[error("the form is not UTF-8 text")]
    NotUtf8,
    #[error("the form has more than {MAX_FIELDS} fields")]
    TooManyFields,
    #[error("the field `{0}` appears more than once")]
    Repeated(&'static str),
}

/// Parses an `application/x-www-form-urlencoded` body into its fields, in order: `+` is a
/// space, `%XX` a byte; names and values must be UTF-8. Empty pieces (`a=1&&b=2`) are skipped;
/// a piece without `=` is a field with an empty value. Never panics, whatever the bytes.
pub fn parse_urlencoded(body: &[u8]) -> Result<Vec<(String, String)>, FormError> {
    let mut fields = Vec::new();
    for piece in body.split(|&b| b == b'&') {
        if piece.is_empty() {
            continue;
        }
        if fields.len() == MAX_FIELDS {
            return Err(FormError::TooManyFields);
        }
        let (name, value) = match piece.iter().position(|&b| b == b'=') {
            Some(i) => (&piece[..i], &piece[i + 1..]),
            None => (piece, &[][..]),
        };
        fields.push((decode(name)?, decode(value)?));
    }
    Ok(fields)
}

fn decode(bytes: &[u8]) -> Result<String, FormError> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = bytes.get(i + 1).and_then(|&b| hex(b));
                let lo = bytes.get(i + 2).and_then(|&b| hex(b));
                let (Some(hi), Some(lo)) = (hi, lo) else {
                    return Err(FormError::BadEscape);
                };
                out.push(hi << 4 | lo);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| FormError::NotUtf8)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The value of a field that may appear at most once.
fn single<'a>(
    fields: &'a [(String, String)],
    name: &'static str,
) -> Result<Option<&'a str>, FormError> {
    let mut found = fields.iter().filter(|(n, _)| n == name);
    let first = found.next().map(|(_, v)| v.as_str());
    if found.next().is_some() {
        return Err(FormError::Repeated(name));
    }
    Ok(first)
}

/// Field names, shared with the templates.
pub mod field {
    pub const ADDRESS: &str = "address";
    pub const LANGUAGE: &str = "language";
    pub const TOPIC: &str = "topic";
    pub const FREQUENCY: &str = "frequency";
    /// The language of the page the form was on (the answer is in it).
    pub const UI: &str = "ui";
    /// The honeypot: hidden from people, filled in by bots.
    pub const HONEYPOT: &str = "website";
}

/// What the subscribe and preferences forms send, as sent (not yet checked).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreferencesForm {
    /// As typed (the subscribe and link forms only).
    pub address: Option<String>,
    pub language: Option<String>,
    pub topics: Vec<String>,
    pub frequency: Option<String>,
    pub ui: Option<String>,
    /// The honeypot field had something in it: a bot.
    pub honeypot: bool,
}

/// Reads the fields of the subscribe, link and preferences forms; other fields (a button's
/// name, say) are ignored.
pub fn preferences_form(fields: &[(String, String)]) -> Result<PreferencesForm, FormError> {
    let opt = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    Ok(PreferencesForm {
        address: single(fields, field::ADDRESS)?.map(String::from),
        language: opt(single(fields, field::LANGUAGE)?),
        topics: fields
            .iter()
            .filter(|(n, v)| n == field::TOPIC && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
            .collect(),
        frequency: opt(single(fields, field::FREQUENCY)?),
        ui: opt(single(fields, field::UI)?),
        honeypot: single(fields, field::HONEYPOT)?.is_some_and(|v| !v.trim().is_empty()),
    })
}

/// A form's values after checking: what may be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    pub language: String,
    /// Sorted, without duplicates; empty means everything.
    pub topics: Vec<String>,
    pub frequency: Frequency,
}

/// What is wrong with a form, field by field, for the person who filled it in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    /// Why the address is not one ([`normalise_address`]'s reason).
    pub address: Option<&'static str>,
    /// A language, topic or frequency that is not among the choices offered.
    pub choice: bool,
}

impl Problems {
    pub fn any(&self) -> bool {
        self.address.is_some() || self.choice
    }
}

/// Checks the choices against the site: a language of the site (default: `default_language`),
/// topic ids of `site.yaml` (no more than there are), a known frequency (default: immediate).
pub fn check_choices(
    form: &PreferencesForm,
    config: &Config,
    default_language: &str,
) -> Result<Choices, Problems> {
    let mut problems = Problems::default();
    let language = match &form.language {
        None => default_language.to_owned(),
        Some(l) if config.language(l).is_some() => l.clone(),
        Some(_) => {
            problems.choice = true;
            String::new()
        }
    };
    let mut topics = form.topics.clone();
    topics.sort();
    topics.dedup();
    if topics.len() > config.site.topics.len() || topics.iter().any(|t| config.topic(t).is_none()) {
        problems.choice = true;
    }
    let frequency = match form.frequency.as_deref() {
        None => Some(Frequency::Immediate),
        Some(f) => Frequency::parse(f),
    };
    let Some(frequency) = frequency else {
        problems.choice = true;
        return Err(problems);
    };
    if problems.any() {
        return Err(problems);
    }
    Ok(Choices {
        language,
        topics,
        frequency,
    })
}

/// The address of a form, normalised, or why it is not one.
pub fn check_address(form: &PreferencesForm) -> Result<String, &'static str> {
    normalise_address(form.address.as_deref().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn urlencoded_bodies_are_decoded() {
        assert_eq!(
            parse_urlencoded(b"address=anna%40ekvik.example&topic=a&topic=b&x&&y=").unwrap(),
            f(&[
                ("address", "anna@ekvik.example"),
                ("topic", "a"),
                ("topic", "b"),
                ("x", ""),
                ("y", "")
            ])
        );
        assert_eq!(
            parse_urlencoded("n=%D8%B3%D9%84%D8%A7%D9%85+ok".as_bytes()).unwrap(),
            f(&[("n", "سلام ok")])
        );
        assert_eq!(parse_urlencoded(b"").unwrap(), vec![]);
        assert_eq!(parse_urlencoded(b"a=%4"), Err(FormError::BadEscape));
        assert_eq!(parse_urlencoded(b"a=%zz"), Err(FormError::BadEscape));
        assert_eq!(parse_urlencoded(b"a=%ff"), Err(FormError::NotUtf8));
        assert_eq!(parse_urlencoded(b"a=\xff"), Err(FormError::NotUtf8));
        let many = "a=1&".repeat(MAX_FIELDS + 1);
        assert_eq!(
            parse_urlencoded(many.as_bytes()),
            Err(FormError::TooManyFields)
        );
    }

    #[test]
    fn the_parser_never_panics() {
        // A small deterministic generator: every byte, and runs of the characters that matter.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let len = (x % 40) as usize;
            let mut body = Vec::with_capacity(len);
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let b = match x % 8 {
                    0 => b'%',
                    1 => b'&',
                    2 => b'=',
                    3 => b'+',
                    4 => b"0123456789abcdefABCDEF"[(x >> 8) as usize % 22],
                    _ => (x >> 16) as u8,
                };
                body.push(b);
            }
            let _ = parse_urlencoded(&body).map(|fields| preferences_form(&fields));
        }
    }

    #[test]
    fn single_fields_may_not_repeat_and_the_honeypot_is_seen() {
        let form = preferences_form(&f(&[
            ("address", " a@b.example "),
            ("topic", "x"),
            ("topic", " "),
            ("topic", "y"),
            ("frequency", ""),
            ("website", ""),
            ("submit", "1"),
        ]))
        .unwrap();
        assert_eq!(form.address.as_deref(), Some(" a@b.example "));
        assert_eq!(form.topics, vec!["x", "y"]);
        assert_eq!(form.frequency, None);
        assert!(!form.honeypot);
        assert_eq!(check_address(&form), Ok("a@b.example".into()));
        assert!(
            preferences_form(&f(&[("website", "http://spam.example")]))
                .unwrap()
                .honeypot
        );
        assert_eq!(
            preferences_form(&f(&[("address", "a"), ("address", "b")])),
            Err(FormError::Repeated("address"))
        );
        let injected =
            preferences_form(&f(&[("address", "a@b.example\r\nBcc: c@d.example")])).unwrap();
        assert!(check_address(&injected).is_err());
    }
}
