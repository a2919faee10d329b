//! Splits a document into YAML front matter and Markdown body, and parses the front matter
//! strictly: unknown keys are errors with the nearest valid key suggested.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::config::alerts::{Category, Certainty, Geocode, Point, Response, Severity};
pub use crate::config::yaml_options;

/// The parts of a Markdown file.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Line of the file where the YAML starts (1-based): errors inside it are shifted by this - 1.
    pub yaml_first_line: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file, for line numbers of Markdown problems.
    pub body_offset: usize,
}

/// Finds the front matter between a first line `---` and the next line `---` (or `...`).
pub fn split(text: &str) -> Result<Split<'_>, &'static str> {
    let start = if let Some(rest) = text.strip_prefix("---\n") {
        text.len() - rest.len()
    } else if let Some(rest) = text.strip_prefix("---\r\n") {
        text.len() - rest.len()
    } else {
        return Err("the file does not start with front matter");
    };
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if trimmed == "---" || trimmed == "..." {
            let body_offset = pos + line.len();
            return Ok(Split {
                yaml: &text[start..pos],
                yaml_first_line: 2,
                body: &text[body_offset..],
                body_offset,
            });
        }
        pos += line.len();
    }
    Err("the front matter is not closed")
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, Default, PartialOrd, Ord,
)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    #[default]
    Normal,
    Important,
    Crisis,
}

impl Urgency {
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Normal => "normal",
            Urgency::Important => "important",
            Urgency::Crisis => "crisis",
        }
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingFm {
    pub start: Spanned<String>,
    #[serde(default)]
    pub end: Option<Spanned<String>>,
    pub place: String,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub party: Option<String>,
    #[serde(default)]
    pub absent: bool,
}

/// `withdrawn: { date, reason }`: the document is withdrawn from that moment (its page stays,
/// with the reason, in this translation's language).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithdrawnFm {
    pub date: Spanned<String>,
    pub reason: Spanned<String>,
}

/// `alert:` of a crisis or important notice: what its CAP alert says beyond the text. The
/// texts (`event`, `audience`, `area.description`) are in this translation's language; the
/// values are decided by the notice's primary translation (see `outputs::alerts`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertFm {
    /// The kind of event, specific ("Contaminated drinking water", not "Crisis").
    #[serde(default)]
    pub event: Option<Spanned<String>>,
    #[serde(default)]
    pub category: Option<Category>,
    /// What people are asked to do (CAP `responseType`).
    #[serde(default)]
    pub response: Option<Response>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub certainty: Option<Certainty>,
    /// Who the alert is for.
    #[serde(default)]
    pub audience: Option<Spanned<String>>,
    /// The notice's own area, instead of `alerts.area`.
    #[serde(default)]
    pub area: Option<AreaFm>,
}

/// `alert: { area: … }`: a notice's own area, in words and as a polygon and/or geocodes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaFm {
    pub description: Spanned<String>,
    #[serde(default)]
    pub polygon: Vec<Point>,
    #[serde(default)]
    pub geocodes: Vec<Geocode>,
}

/// `image: { file, alt, credit, licence }`: a press release's photo, a file beside it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageFm {
    pub file: Spanned<String>,
    pub alt: String,
    /// Who took or made it ("Foto: Anna Berg").
    #[serde(default)]
    pub credit: Option<String>,
    /// On what terms others may use it ("CC BY 4.0", "Fri att använda med byline").
    #[serde(default)]
    pub licence: Option<String>,
}

/// Every key a document may have. Kind-specific keys are checked against the document's kind
/// after parsing, so that a misplaced key gets its own clear message.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Spanned<String>,
    pub date: Spanned<String>,
    pub summary: String,
    #[serde(default)]
    pub topics: Vec<Spanned<String>>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub updated: Option<Spanned<String>>,
    /// Old addresses of this translation's page, which redirect to it (`content::aliases`).
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Withdrawn from a moment on (any kind of document).
    #[serde(default)]
    pub withdrawn: Option<WithdrawnFm>,
    // Press releases.
    #[serde(default)]
    pub contacts: Option<Vec<Contact>>,
    /// The press release's photo, offered to the press at full size.
    #[serde(default)]
    pub image: Option<ImageFm>,
    // Notices.
    #[serde(default)]
    pub urgency: Option<Spanned<Urgency>>,
    #[serde(default)]
    pub expires: Option<Spanned<String>>,
    /// A notice withdrawn before it expired (alerting systems get a cancellation).
    #[serde(default)]
    pub ended: Option<Spanned<String>>,
    #[serde(default)]
    pub instruction: Option<String>,
    /// What the notice's CAP alert says beyond its text (crisis and important notices).
    #[serde(default)]
    pub alert: Option<AlertFm>,
    // Minutes.
    #[serde(default)]
    pub committee: Option<Spanned<String>>,
    #[serde(default)]
    pub meeting: Option<MeetingFm>,
    #[serde(default)]
    pub attendees: Option<Vec<Attendee>>,
    #[serde(default)]
    pub approved: Option<Spanned<String>>,
    #[serde(default)]
    pub posted: Option<Spanned<String>>,
    #[serde(default)]
    pub kept_at: Option<String>,
    /// Personal identity numbers this document may publish (`anslag check` refuses others).
    #[serde(default)]
    pub allow_personal_numbers: Vec<String>,
    /// What this translation was made from (`content::translation`).
    #[serde(default)]
    pub translation: Option<TranslationFm>,
}

/// `translation: { from: sv, source: { title: <fingerprint>, body.0: … } }`, written by
/// `anslag translations mark` (and later by the import of a translated file).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFm {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub source: std::collections::BTreeMap<String, String>,
}

impl FrontMatter {
    /// Keys that are set and belong only to some kinds: (key, kinds it belongs to).
    pub fn kind_keys(&self) -> Vec<(&'static str, &'static str)> {
        let mut v = Vec::new();
        let mut add = |set: bool, key, kind| {
            if set {
                v.push((key, kind))
            }
        };
        add(self.contacts.is_some(), "contacts", "press");
        add(self.image.is_some(), "image", "press");
        add(self.urgency.is_some(), "urgency", "notices");
        add(self.expires.is_some(), "expires", "notices");
        add(self.ended.is_some(), "ended", "notices");
        add(self.instruction.is_some(), "instruction", "notices");
        add(self.alert.is_some(), "alert", "notices");
        add(self.committee.is_some(), "committee", "minutes");
        add(self.meeting.is_some(), "meeting", "minutes");
        add(self.attendees.is_some(), "attendees", "minutes");
        add(self.approved.is_some(), "approved", "minutes");
        add(self.posted.is_some(), "posted", "minutes");
        add(self.kept_at.is_some(), "kept_at", "minutes");
        v
    }
}

/// The line (1-based, in the file) of a top-level `key:` in the front matter, for messages about
/// keys whose value carries no location.
pub fn key_line(split: &Split<'_>, key: &str) -> Option<usize> {
    split
        .yaml
        .lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map(|i| i + split.yaml_first_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let t = "---\ntitle: A\n---\nBody\n";
        let s = split(t).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(&t[s.body_offset..], "Body\n");
        assert_eq!(key_line(&s, "title"), Some(2));
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_an_error() {
        assert!(split("title: A\n").is_err());
        assert!(split("---\ntitle: A\n").is_err());
    }
}
