//! The content model: a document (one press release, set of minutes or notice) exists in one or
//! more languages; each translation carries its own text and the facts of its kind.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

pub use super::front_matter::{Attendee, Contact, Urgency};
use super::markdown::{HeadingInfo, ImageRef, LinkRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Press,
    Minutes,
    Notices,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Press, Kind::Minutes, Kind::Notices];

    /// The folder under `content/` and the path segment of its pages.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Press => "press",
            Kind::Minutes => "minutes",
            Kind::Notices => "notices",
        }
    }

    pub fn from_dir(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.dir() == s)
    }
}

/// A file published beside a document (an appendix to minutes, an image).
#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    pub name: String,
    #[serde(skip)]
    pub source: PathBuf,
    pub size: u64,
    pub mime: String,
    pub url: String,
    /// An image, processed: `url`, `mime` and `size` are then of its full-size original as
    /// published (metadata removed), its other sizes in here.
    #[serde(skip)]
    pub image: Option<std::sync::Arc<crate::images::Processed>>,
}

/// A press release's photo (`image:` in its front matter), shown first on its page, offered to
/// the press at full size and shown when the page is shared or its feed read.
#[derive(Debug, Clone, Serialize)]
pub struct LeadImage {
    pub alt: String,
    pub credit: Option<String>,
    pub licence: Option<String>,
    /// Its `<picture>`, loaded at once: it is on the first screen.
    pub html: String,
    /// The full-size original, metadata removed.
    pub original: ImageFile,
    /// The widest size in the image's own format: for previews where the page is shared, and
    /// for feeds.
    pub share: ImageFile,
}

/// One published file of an image.
#[derive(Debug, Clone, Serialize)]
pub struct ImageFile {
    /// A site path.
    pub url: String,
    pub mime: String,
    pub size: u64,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub start: DateTime<Tz>,
    pub end: Option<DateTime<Tz>>,
    pub place: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    pub label: String,
    pub number: String,
    /// `None` for a closed item whose title the site does not publish.
    pub title: Option<String>,
    /// `None` for a closed item: its case number is not published.
    pub case: Option<String>,
    pub id: String,
    pub closed: bool,
    /// Empty for a closed item.
    pub body_html: String,
    pub decision_html: Option<String>,
    /// Names of the attachments linked from this item.
    pub attachments: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MinutesInfo {
    pub committee: String,
    pub meeting: Meeting,
    pub attendees: Vec<Attendee>,
    pub approved: Option<NaiveDate>,
    /// Posted on the official notice board (defaults to the approval date).
    pub posted: Option<NaiveDate>,
    pub kept_at: Option<String>,
    pub items: Vec<AgendaItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoticeInfo {
    pub urgency: Urgency,
    pub expires: Option<DateTime<Tz>>,
    pub ended: Option<DateTime<Tz>>,
    pub instruction: Option<String>,
    /// `alert:` of the front matter (boxed: most notices have none).
    #[serde(skip)]
    pub alert: Option<Box<AlertSpec>>,
}

/// A notice's `alert:` front matter as written, and the line of the file it is on.
#[derive(Debug, Clone)]
pub struct AlertSpec {
    pub fm: super::front_matter::AlertFm,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Extra {
    Press { contacts: Vec<Contact> },
    Notices(NoticeInfo),
    Minutes(MinutesInfo),
}

/// A withdrawal (`withdrawn:` in front matter): when, and why in the translation's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Withdrawal {
    pub date: DateTime<Tz>,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Translation {
    pub lang: String,
    /// The site path of this translation's page.
    pub url: String,
    /// Source file, relative to the site root.
    pub path: PathBuf,
    pub title: String,
    pub summary: String,
    pub date: DateTime<Tz>,
    pub updated: Option<DateTime<Tz>>,
    pub topics: Vec<String>,
    /// A press release's photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<LeadImage>,
    /// Marked as a draft (only built with `--drafts`).
    pub draft: bool,
    /// Dated in the future (only built with `--drafts`).
    pub embargoed: bool,
    /// To be withdrawn, or withdrawn, at its date (every translation of a document at the same).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<Withdrawal>,
    /// Withdrawn at the moment loaded (decided by `visibility::is_withdrawn`).
    pub withdrawn: bool,
    pub body_html: String,
    /// The Markdown that may be published: closed agenda items reduced to their heading. For
    /// press releases and notices the body of `file_text`, not a copy of it.
    pub public_markdown: SharedText,
    /// The whole file as the loader read it, front matter included, so that the checks
    /// (`check`, and the build's personal-number check) need not open it again. Never
    /// published: minutes' closed items are in it; not serialized, so no template sees it.
    #[serde(skip)]
    pub file_text: SharedText,
    /// Byte offset of the Markdown body in `file_text`.
    #[serde(skip)]
    pub body_offset: usize,
    #[serde(skip)]
    pub headings: Vec<HeadingInfo>,
    #[serde(skip)]
    pub links: Vec<LinkRef>,
    #[serde(skip)]
    pub images: Vec<ImageRef>,
    /// Old addresses of this page, which redirect to it.
    #[serde(skip)]
    pub aliases: Vec<Alias>,
    /// Personal identity numbers the document may publish (front matter); never published.
    #[serde(skip)]
    pub allow_personal_numbers: Vec<String>,
    /// What it was translated from, as its front matter records (`content::translation`).
    #[serde(skip)]
    pub source: Option<super::translation::SourceRecord>,
    pub extra: Extra,
}

/// Text held once and shared: a translation's file as the loader read it, or a part of it (its
/// body). Cloning shares it, so the load's cache, [`Translation::file_text`] and, for press
/// releases and notices, [`Translation::public_markdown`] are one allocation of the file: at
/// 100 000 documents a second copy of every body would cost as much as all of them.
#[derive(Clone, Default)]
pub struct SharedText {
    text: Arc<String>,
    range: Range<usize>,
}

impl SharedText {
    /// The text from byte `start` on (at the character boundary before it), not copied.
    pub fn from_offset(&self, start: usize) -> SharedText {
        let start = self.range.start + self.as_str().floor_char_boundary(start);
        SharedText {
            text: self.text.clone(),
            range: start..self.range.end,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text[self.range.clone()]
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> SharedText {
        let range = 0..text.len();
        SharedText {
            text: Arc::new(text),
            range,
        }
    }
}

impl std::ops::Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &SharedText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedText {}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedText> for &str {
    fn eq(&self, other: &SharedText) -> bool {
        *self == other.as_str()
    }
}

impl std::hash::Hash for SharedText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for SharedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for SharedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl Serialize for SharedText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An old address of a translation's page (`aliases:` in its front matter).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Alias {
    /// The site path, resolved (`content::aliases::resolve`).
    pub path: String,
    /// The line of the front matter it is written on.
    pub line: usize,
}

impl Translation {
    pub fn notice(&self) -> Option<&NoticeInfo> {
        match &self.extra {
            Extra::Notices(n) => Some(n),
            _ => None,
        }
    }
    pub fn minutes(&self) -> Option<&MinutesInfo> {
        match &self.extra {
            Extra::Minutes(m) => Some(m),
            _ => None,
        }
    }
    pub fn contacts(&self) -> &[Contact] {
        match &self.extra {
            Extra::Press { contacts } => contacts,
            _ => &[],
        }
    }
}

/// One document in all the languages it exists in.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub kind: Kind,
    pub slug: String,
    /// In the order of the site's languages.
    pub translations: Vec<Translation>,
    pub attachments: Vec<Attachment>,
    /// The load that rendered this document: pages that show it are rendered again when it
    /// changes, and only then.
    #[serde(skip)]
    pub generation: u64,
}

impl Document {
    pub fn get(&self, lang: &str) -> Option<&Translation> {
        self.translations.iter().find(|t| t.lang == lang)
    }

    /// The translation that stands for the document: the default language's, else the first.
    pub fn primary(&self, default_lang: &str) -> &Translation {
        self.get(default_lang).unwrap_or(&self.translations[0])
    }

    /// The translation to show a reader of `lang`: theirs, else the primary one.
    pub fn for_reader(&self, lang: &str, default_lang: &str) -> &Translation {
        self.get(lang).unwrap_or_else(|| self.primary(default_lang))
    }

    /// The translation to show a reader whose languages are `order` (their own first; see
    /// `Config::reader_order`): the first of them it exists in, else the first translation.
    pub fn in_order(&self, order: &[&str]) -> &Translation {
        order
            .iter()
            .find_map(|l| self.get(l))
            .unwrap_or(&self.translations[0])
    }

    /// Whether the document is withdrawn at the moment it was loaded (its translations agree).
    pub fn is_withdrawn(&self) -> bool {
        self.translations.iter().any(|t| t.withdrawn)
    }

    /// The site path of the document's page in `lang`, as the load was told it
    /// ([`Translation::url`]). A document has pages only in its languages: another gets the
    /// page of its first translation.
    pub fn url(&self, lang: &str) -> String {
        self.get(lang).unwrap_or(&self.translations[0]).url.clone()
    }
}

/// The two addresses content needs while it loads, for links written as `@/kind/slug` and to
/// attached files. The site's URL scheme implements it (`site::urls::Scheme`): content is
/// loaded before the site model and may not import it.
pub trait Addresses: std::fmt::Debug + Sync {
    /// The site path of a document's page in `lang` (`/sv/press/slug/`).
    fn document(&self, lang: &str, kind: Kind, slug: &str) -> String;
    /// The site path of a file published beside a document.
    fn file(&self, kind: Kind, slug: &str, name: &str) -> String;
    /// The site path of an image beside a document, `width` pixels across or full size
    /// (`None`), in the format of extension `ext`.
    fn image(&self, kind: Kind, slug: &str, name: &str, width: Option<u32>, ext: &str) -> String;
}
