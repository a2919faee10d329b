//! The shapes of the JSON API, version 1. These types are both what is serialised into the files
//! and what the JSON Schemas under `api/v1/schema/` are derived from, so the published schema
//! and the published data cannot drift apart. The doc comments become the schemas'
//! `description`s: they are the reference documentation of every member.
//!
//! Compatibility within v1: members may be added (clients must ignore members they do not
//! know), nothing is removed, renamed, retyped or given a new meaning. Anything else is v2.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

/// The kind of a document; also the path segment of its pages and files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Press,
    Minutes,
    Notices,
}

/// What a topic is. Topics of kind `committee` are listed under `committees/`, the others
/// under `topics/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TopicKind {
    School,
    Preschool,
    Unit,
    Committee,
    Subject,
}

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    Ltr,
    Rtl,
}

/// How urgent a notice is. `crisis` notices are also in `alerts.json` while they are active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    Normal,
    Important,
    Crisis,
}

/// What a list file lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ListKind {
    Press,
    Minutes,
    Notices,
    Topic,
    Committee,
}

// ---------------------------------------------------------------------------------------------
// index.json

/// `api/v1/index.json`: the entry point. Describes the site and links to every list and schema.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexFile {
    /// Absolute URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    #[schemars(extend("format" = "uri"))]
    pub schema: String,
    /// The API version, `v1`: also the folder every file of this version is in.
    pub api_version: String,
    /// The moment the site was built for (RFC 3339). Embargoes, expiry, the notice board and
    /// the alerts are as of this moment.
    #[schemars(extend("format" = "date-time"))]
    pub generated_at: String,
    pub site: SiteInfo,
    pub links: IndexLinks,
}

/// The site: its name, address, languages and topics.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SiteInfo {
    /// The site's title, by language code (every language of the site has an entry).
    pub title: BTreeMap<String, String>,
    /// The organisation's name, by language code.
    pub organisation: BTreeMap<String, String>,
    /// Absolute URL of the site, without a trailing slash.
    #[schemars(extend("format" = "uri"))]
    pub base_url: String,
    /// Code of the default language: documents missing in a language are shown in it (or in
    /// their first language).
    pub default_language: String,
    /// The languages of the site, in the site's order.
    pub languages: Vec<LanguageInfo>,
    /// The topics (schools, preschools, units, committees, subjects), in the site's order.
    pub topics: Vec<TopicInfo>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct LanguageInfo {
    /// BCP 47 language code, as used in every path (`sv`, `ar`).
    pub code: String,
    /// The language's name in itself ("Svenska", "العربية").
    pub name: String,
    pub dir: Dir,
    /// Absolute URL of the site's home page in this language.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TopicInfo {
    /// Identifier, as used in paths and in documents' `topics`.
    pub id: String,
    pub kind: TopicKind,
    /// The topic's name, by language code (every language of the site has an entry).
    pub names: BTreeMap<String, String>,
    /// Number of documents about the topic (for a committee: also its minutes).
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexLinks {
    /// This file.
    #[serde(rename = "self")]
    #[schemars(extend("format" = "uri"))]
    pub this: String,
    /// Absolute URLs of the JSON Schemas of each type of file.
    pub schemas: SchemaLinks,
    /// The official notice board (`notice-board.json`).
    #[schemars(extend("format" = "uri"))]
    pub notice_board: String,
    /// Active crisis notices (`alerts.json`).
    #[schemars(extend("format" = "uri"))]
    pub alerts: String,
    /// The lists in each language, by language code.
    pub lists: BTreeMap<String, LanguageLists>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SchemaLinks {
    #[schemars(extend("format" = "uri"))]
    pub index: String,
    #[schemars(extend("format" = "uri"))]
    pub document: String,
    #[schemars(extend("format" = "uri"))]
    pub list: String,
    #[schemars(extend("format" = "uri"))]
    pub notice_board: String,
    #[schemars(extend("format" = "uri"))]
    pub alerts: String,
}

/// Absolute URLs of the list files of one language.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct LanguageLists {
    #[schemars(extend("format" = "uri"))]
    pub press: String,
    #[schemars(extend("format" = "uri"))]
    pub minutes: String,
    #[schemars(extend("format" = "uri"))]
    pub notices: String,
    /// By topic id (topics that are not committees).
    pub topics: BTreeMap<String, String>,
    /// By committee id.
    pub committees: BTreeMap<String, String>,
}

// ---------------------------------------------------------------------------------------------
// documents/{kind}/{slug}/{lang}.json

/// `api/v1/documents/{kind}/{slug}/{lang}.json`: one document in one language, with its full
/// text. Exists only for the languages the document is written in.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DocumentFile {
    /// Absolute URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    #[schemars(extend("format" = "uri"))]
    pub schema: String,
    /// The document's identifier within its kind (its file name without date and language).
    pub slug: String,
    /// The language of this text.
    pub lang: String,
    pub dir: Dir,
    pub title: String,
    pub summary: String,
    /// Publication (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub date: String,
    /// Last substantial change (RFC 3339), if any.
    #[schemars(extend("format" = "date-time"))]
    pub updated: Option<String>,
    /// The topics the document is about.
    pub topics: Vec<TopicRef>,
    /// Absolute URL of the HTML page.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
    /// Absolute URL of this file.
    #[schemars(extend("format" = "uri"))]
    pub api: String,
    /// Marked as a draft (only in builds made with `--drafts`).
    pub draft: bool,
    /// Dated in the future (only in builds made with `--drafts`).
    pub embargoed: bool,
    /// Once the document is withdrawn: when and why (in this language). A withdrawn document
    /// keeps its file and page but is in no list.
    pub withdrawn: Option<Withdrawn>,
    /// The Markdown source of the body (without front matter). For minutes, closed agenda items
    /// are reduced to their heading: their text is never published.
    pub markdown: String,
    /// The rendered body, sanitised, with site links made absolute. For minutes this is the
    /// text before the first agenda item; the items are in `agenda_items`.
    pub html: String,
    /// Every language the document exists in (this one included), in the site's order.
    pub translations: Vec<Version>,
    /// For a translation: the language it was translated from and whether it is up to date
    /// with it. `null` for the source text itself.
    pub translation: Option<TranslationState>,
    /// `kind` and the facts of that kind.
    #[serde(flatten)]
    pub details: Details,
}

/// A document's withdrawal.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Withdrawn {
    /// When it was withdrawn (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub date: String,
    /// Why, in the document's language.
    pub reason: String,
}

/// A translation against its source (see `anslag translations status`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TranslationState {
    /// The language it was translated from.
    pub source: String,
    pub status: TranslationStatus,
    /// When a stale translation's source changed (its `updated`, else its `date`; RFC 3339);
    /// `null` unless stale.
    #[schemars(extend("format" = "date-time"))]
    pub source_changed: Option<String>,
}

/// `up-to-date`: made from the source as it is; `stale`: the source changed since, the text
/// may say what is no longer true; `untracked`: it records no source to compare with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TranslationStatus {
    UpToDate,
    Stale,
    Untracked,
}

/// A topic a document is about, named in the document's language.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TopicRef {
    pub id: String,
    pub kind: TopicKind,
    pub name: String,
    /// Absolute URL of the topic's (or committee's) list in the document's language.
    #[schemars(extend("format" = "uri"))]
    pub api: String,
    /// Absolute URL of the topic's (or committee's) HTML page in the document's language.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
}

/// One language version of a document.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Version {
    pub lang: String,
    /// Absolute URL of the document file in that language.
    #[schemars(extend("format" = "uri"))]
    pub api: String,
    /// Absolute URL of the HTML page in that language.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
}

/// The facts of each kind of document.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Details {
    /// A press release.
    Press {
        /// Who to contact about it.
        contacts: Vec<Contact>,
        /// Its photo (`image:` in its front matter), `null` when it has none or is withdrawn.
        image: Option<PressImage>,
    },
    /// Minutes of a committee meeting.
    Minutes(Box<MinutesDetails>),
    /// A notice to guardians.
    Notices(NoticeDetails),
}

/// A press release's photo: what a newsroom needs to use it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PressImage {
    /// The text alternative, in the document's language.
    pub alt: String,
    /// Who to credit.
    pub credit: Option<String>,
    /// Under what licence it may be used.
    pub licence: Option<String>,
    /// The full-size original, with no metadata (no position, camera or owner).
    pub original: ImageFile,
    /// The widest published size in the image's own format, as feeds carry it.
    pub share: ImageFile,
}

/// One published file of an image.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ImageFile {
    /// Absolute URL.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
    /// Media type (`image/jpeg`, `image/png`).
    #[serde(rename = "type")]
    pub mime: String,
    /// Size in bytes.
    pub size: u64,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NoticeDetails {
    pub urgency: Urgency,
    /// When the notice stops applying (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub expires: Option<String>,
    /// When the notice was withdrawn early (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub ended: Option<String>,
    /// What the reader must do, in one or two sentences.
    pub instruction: Option<String>,
    /// In force at `generated_at`: published, not expired, not ended.
    pub active: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MinutesDetails {
    pub committee: CommitteeRef,
    pub meeting: Meeting,
    pub attendees: Vec<Attendee>,
    /// Date the minutes were approved (`YYYY-MM-DD`).
    #[schemars(extend("format" = "date"))]
    pub approved: Option<String>,
    /// Date the minutes were posted on the official notice board (`YYYY-MM-DD`).
    #[schemars(extend("format" = "date"))]
    pub posted: Option<String>,
    /// Where the signed minutes are kept.
    pub kept_at: Option<String>,
    /// The agenda, in order. Closed items carry only their number, label, title (if the site
    /// publishes closed titles) and `closed: true`.
    pub agenda_items: Vec<AgendaItem>,
    /// Every published file of the minutes. Files linked only from closed items are never
    /// published.
    pub attachments: Vec<Attachment>,
}

/// The committee that met, named in the document's language.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CommitteeRef {
    pub id: String,
    pub name: String,
    /// Absolute URL of the committee's list in the document's language.
    #[schemars(extend("format" = "uri"))]
    pub api: String,
    /// Absolute URL of the committee's HTML page in the document's language.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Meeting {
    #[schemars(extend("format" = "date-time"))]
    pub start: String,
    #[schemars(extend("format" = "date-time"))]
    pub end: Option<String>,
    pub place: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Attendee {
    pub name: String,
    pub role: Option<String>,
    pub party: Option<String>,
    /// Called but absent.
    pub absent: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AgendaItem {
    /// The item's anchor on the HTML page.
    pub id: String,
    /// Its number as written (`6`, `112`).
    pub number: String,
    /// Its label as written (`Punkt 6`, `§ 112`).
    pub label: String,
    /// The case number; always null for a closed item.
    pub case: Option<String>,
    /// The title; null for a closed item whose title the site does not publish.
    pub title: Option<String>,
    /// Treated behind closed doors: nothing but number, label and title is published.
    pub closed: bool,
    /// The decision alone (HTML); always null for a closed item.
    pub decision_html: Option<String>,
    /// The item's full text (HTML); always empty for a closed item.
    pub body_html: String,
    /// Absolute URL of the item on the HTML page.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
    /// The files linked from this item.
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Attachment {
    /// File name.
    pub name: String,
    /// Absolute URL of the file.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
    /// Size in bytes.
    pub size: u64,
    /// Media type, e.g. `application/pdf`.
    pub mime: String,
}

// ---------------------------------------------------------------------------------------------
// {lang}/{kind}.json, {lang}/topics/{id}.json, {lang}/committees/{id}.json

/// `api/v1/{lang}/{press,minutes,notices}.json`, `api/v1/{lang}/topics/{id}.json` and
/// `api/v1/{lang}/committees/{id}.json`: every document of a kind, topic or committee for a
/// reader of `lang`, newest first. Documents not written in `lang` are included in their
/// primary language and have `translated: false`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ListFile {
    /// Absolute URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    #[schemars(extend("format" = "uri"))]
    pub schema: String,
    /// The reader's language.
    pub lang: String,
    /// What is listed.
    pub list: ListKind,
    /// The topic's or committee's id (null for the lists of a kind).
    pub id: Option<String>,
    /// The list's heading in `lang`.
    pub title: String,
    /// Absolute URL of the HTML list.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
    /// Absolute URL of this file.
    #[schemars(extend("format" = "uri"))]
    pub api: String,
    /// Number of documents.
    pub count: usize,
    /// Newest first.
    pub documents: Vec<Summary>,
}

/// A document as a list shows it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Summary {
    pub kind: DocKind,
    pub slug: String,
    /// The language of `title` and `summary`: the list's language, or the document's primary
    /// language when it is not written in the list's.
    pub lang: String,
    pub dir: Dir,
    /// Whether the document exists in the list's language.
    pub translated: bool,
    pub title: String,
    pub summary: String,
    /// Publication (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub date: String,
    /// Last substantial change (RFC 3339), if any.
    #[schemars(extend("format" = "date-time"))]
    pub updated: Option<String>,
    /// Absolute URL of the HTML page in `lang`.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
    /// Absolute URL of the document file in `lang`.
    #[schemars(extend("format" = "uri"))]
    pub api: String,
    /// Every language the document exists in, in the site's order.
    pub languages: Vec<Version>,
    /// Notices only: their urgency.
    pub urgency: Option<Urgency>,
    /// Notices only: in force at the time of the build.
    pub active: Option<bool>,
    pub draft: bool,
    pub embargoed: bool,
}

// ---------------------------------------------------------------------------------------------
// notice-board.json

/// `api/v1/notice-board.json`: the official notice board: approved minutes whose appeal period
/// runs at `generated_at`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NoticeBoardFile {
    /// Absolute URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    #[schemars(extend("format" = "uri"))]
    pub schema: String,
    /// The moment the board is as of (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub generated_at: String,
    /// Length of the appeal period in days.
    pub appeal_days: u32,
    /// Newest first.
    pub entries: Vec<BoardEntry>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct BoardEntry {
    /// The minutes announced.
    pub minutes: DocumentRef,
    pub committee: CommitteeNames,
    /// Start of the meeting (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub meeting: String,
    /// Date approved (`YYYY-MM-DD`).
    #[schemars(extend("format" = "date"))]
    pub approved: Option<String>,
    /// Date posted on the notice board (`YYYY-MM-DD`).
    #[schemars(extend("format" = "date"))]
    pub posted: String,
    /// Last day of the appeal period (`YYYY-MM-DD`).
    #[schemars(extend("format" = "date"))]
    pub appeal_until: String,
    /// Where the signed minutes are kept.
    pub kept_at: Option<String>,
}

/// A document and the languages it exists in.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DocumentRef {
    pub kind: DocKind,
    pub slug: String,
    /// Its primary language (the default language if it exists in it).
    pub lang: String,
    /// Its title in the primary language.
    pub title: String,
    pub languages: Vec<TitledVersion>,
}

/// One language version of a document, with its title.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TitledVersion {
    pub lang: String,
    pub title: String,
    /// Absolute URL of the document file in that language.
    #[schemars(extend("format" = "uri"))]
    pub api: String,
    /// Absolute URL of the HTML page in that language.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
}

/// A committee, named in every language of the site.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CommitteeNames {
    pub id: String,
    /// By language code.
    pub names: BTreeMap<String, String>,
}

// ---------------------------------------------------------------------------------------------
// alerts.json

/// `api/v1/alerts.json`: crisis notices in force at `generated_at`, newest first. Poll this
/// file to learn of a crisis; an empty `alerts` means none is in force.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AlertsFile {
    /// Absolute URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    #[schemars(extend("format" = "uri"))]
    pub schema: String,
    /// The moment the alerts are as of (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub generated_at: String,
    pub alerts: Vec<Alert>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Alert {
    pub slug: String,
    pub urgency: Urgency,
    /// Publication (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub date: String,
    /// Last substantial change (RFC 3339), if any.
    #[schemars(extend("format" = "date-time"))]
    pub updated: Option<String>,
    /// When the notice stops applying (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub expires: Option<String>,
    /// When it was ended early or withdrawn (RFC 3339): it stays listed, with `active` false,
    /// for 24 hours after.
    #[schemars(extend("format" = "date-time"))]
    pub ended: Option<String>,
    /// In force at the time of the build.
    pub active: bool,
    /// The primary language (the default language if the notice exists in it).
    pub lang: String,
    /// The notice in every language it exists in, in the site's order.
    pub languages: Vec<AlertVersion>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AlertVersion {
    pub lang: String,
    pub dir: Dir,
    pub title: String,
    pub summary: String,
    /// What the reader must do.
    pub instruction: Option<String>,
    /// Absolute URL of the document file in that language.
    #[schemars(extend("format" = "uri"))]
    pub api: String,
    /// Absolute URL of the HTML page in that language.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
}
