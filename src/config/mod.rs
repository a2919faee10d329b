//! `site.yaml`: the organisation, its languages and topics, and the settings of every stage.
//! Parsed strictly (unknown keys are errors) and validated once; everything downstream reads the
//! validated [`SiteConfig`].

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

pub mod alerts;
pub mod mail;

pub use alerts::AlertSettings;

use crate::diagnostics::{Diagnostic, Diagnostics, from_yaml, nearest};

/// Text given per language (`{sv: …, en: …}`), or one string for all languages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Localized {
    pub all: Option<String>,
    pub by_lang: BTreeMap<String, String>,
}

impl Localized {
    /// The text in `lang`, else in `fallback` (the site's default language), else any.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        self.by_lang
            .get(lang)
            .or(self.all.as_ref())
            .or_else(|| self.by_lang.get(fallback))
            .or_else(|| self.by_lang.values().next())
            .map_or("", String::as_str)
    }

    /// Whether the text exists in `lang` itself (not by fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.all.is_some() || self.by_lang.contains_key(lang)
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Localized;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a map from language code to text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Localized, E> {
                Ok(Localized {
                    all: Some(v.to_owned()),
                    by_lang: BTreeMap::new(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Localized, A::Error> {
                let mut by_lang = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    by_lang.insert(k, v);
                }
                Ok(Localized { all: None, by_lang })
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub code: Spanned<String>,
    /// The language's name in itself ("Svenska", "العربية").
    pub name: String,
    #[serde(default)]
    pub dir: Direction,
    /// BCP 47 locale for dates and numbers when it differs from `code` (e.g. `fa-u-ca-gregory`).
    #[serde(default)]
    pub locale: Option<Spanned<String>>,
    /// Languages to show a reader of this one, in order, where a document does not exist in
    /// it (before the default language): `fallback: [en, sv]`.
    #[serde(default)]
    pub fallback: Vec<Spanned<String>>,
}

impl Language {
    pub fn code(&self) -> &str {
        &self.code.value
    }
    pub fn locale(&self) -> &str {
        self.locale.as_ref().map_or(self.code(), |l| &l.value)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicKind {
    School,
    Preschool,
    Unit,
    Committee,
    Subject,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Spanned<String>,
    pub kind: TopicKind,
    pub name: Localized,
}

impl Topic {
    pub fn id(&self) -> &str {
        &self.id.value
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: Localized,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// "About the organisation", shown under every press release.
    #[serde(default)]
    pub boilerplate: Localized,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MinutesSettings {
    /// Titles of the subsection of an agenda item that holds its decision, in any language.
    pub decision_headings: Vec<String>,
    /// Whether a closed item's title is published (its body never is).
    pub closed_titles: bool,
    /// Length of the appeal period after posting on the notice board.
    pub appeal_days: u32,
}

impl Default for MinutesSettings {
    fn default() -> Self {
        MinutesSettings {
            decision_headings: [
                "Beslut",
                "Beslutning",
                "Decision",
                "Vedtak",
                "Päätös",
                "Beschluss",
            ]
            .map(String::from)
            .to_vec(),
            closed_titles: true,
            appeal_days: 21,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownSettings {
    /// Trust raw HTML in documents. Off by default: raw HTML is sanitised.
    pub allow_html: bool,
}

/// Settings of `anslag check`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckSettings {
    /// Warn about documents in Nordic languages whose readability index (LIX) is above this.
    pub lix_max: f64,
    /// The languages every crisis and important notice must exist in (default: all the site's
    /// languages): those the organisation has promised urgent messages in.
    pub notice_languages: Option<Vec<String>>,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            lix_max: 50.0,
            notice_languages: None,
        }
    }
}

/// Whether the website meets the accessibility standard (the statement's "compliance status").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Conformance {
    Full,
    Partial,
    None,
}

impl Conformance {
    pub fn as_str(self) -> &'static str {
        match self {
            Conformance::Full => "full",
            Conformance::Partial => "partial",
            Conformance::None => "none",
        }
    }
}

/// How the website was assessed for the accessibility statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssessmentMethod {
    #[default]
    SelfAssessment,
    ThirdParty,
}

/// Where readers report accessibility problems (default: the organisation's e-mail and phone).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilityContact {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// A form or page for reports: an absolute URL or a path on this site.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
}

/// The authority that enforces the accessibility requirements.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnforcementBody {
    #[serde(default)]
    pub name: Localized,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
}

/// `accessibility:`, the accessibility statement that the EU Web Accessibility Directive
/// (2016/2102) requires of public bodies; one page per language at `/{lang}/accessibility/`.
/// Required: `status`, `prepared`, `enforcement` (name and URL), and `limitations` unless the
/// status is `full`. Fields are optional here so that every missing one is reported at once.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilitySettings {
    /// `full`, `partial` or `none`.
    #[serde(default)]
    pub status: Option<Spanned<Conformance>>,
    /// The standard assessed against (default [`DEFAULT_ACCESSIBILITY_STANDARD`]).
    #[serde(default)]
    pub standard: Option<Localized>,
    /// The national law that sets the requirements, e.g. the Swedish Act (2018:1937).
    #[serde(default)]
    pub law: Localized,
    /// Known problems, each a text per language.
    #[serde(default)]
    pub limitations: Vec<Localized>,
    #[serde(default)]
    pub contact: AccessibilityContact,
    #[serde(default)]
    pub enforcement: Option<EnforcementBody>,
    /// When the statement was prepared (`2026-09-01`).
    #[serde(default)]
    pub prepared: Option<Spanned<String>>,
    /// When it was last reviewed.
    #[serde(default)]
    pub reviewed: Option<Spanned<String>>,
    #[serde(default)]
    pub method: AssessmentMethod,
}

pub const DEFAULT_ACCESSIBILITY_STANDARD: &str = "EN 301 549 V3.2.1 (WCAG 2.1 AA)";

impl AccessibilitySettings {
    pub fn prepared_date(&self) -> Option<chrono::NaiveDate> {
        self.prepared.as_ref().and_then(|d| parse_day(&d.value))
    }
    pub fn reviewed_date(&self) -> Option<chrono::NaiveDate> {
        self.reviewed.as_ref().and_then(|d| parse_day(&d.value))
    }
}

fn parse_day(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Makes an error of site.yaml at a line and column, with a hint.
type ErrorAt<'a> = &'a dyn Fn((usize, usize), String, &str) -> Diagnostic;

/// Every problem of the `accessibility:` section (`at`: where the section starts).
fn check_accessibility(
    a: &AccessibilitySettings,
    at: (usize, usize),
    org: &Organisation,
    err: ErrorAt<'_>,
) -> Vec<Diagnostic> {
    let mut errs = Vec::new();
    errs.extend(check_conformance(a, at, err));
    errs.extend(check_statement_dates(a, at, err));
    errs.extend(check_enforcement(a, at, err));
    errs.extend(check_contact(a, at, org, err));
    errs
}

/// A `status`, and limitations listed unless it is `full`.
fn check_conformance(
    a: &AccessibilitySettings,
    at: (usize, usize),
    err: ErrorAt<'_>,
) -> Option<Diagnostic> {
    match &a.status {
        None => Some(err(
            at,
            "the accessibility statement has no `status`".into(),
            "add `status: full`, `partial` or `none`: how far the website meets the standard",
        )),
        Some(s) if s.value != Conformance::Full && a.limitations.is_empty() => Some(err(
            yaml_at(&s.referenced),
            format!(
                "the accessibility status is `{}` but no limitations are listed",
                s.value.as_str()
            ),
            "list what is not accessible under `limitations:`, each item a text per language ({ sv: …, en: … })",
        )),
        Some(_) => None,
    }
}

/// `prepared` (required) and `reviewed`, each a date.
fn check_statement_dates(
    a: &AccessibilitySettings,
    at: (usize, usize),
    err: ErrorAt<'_>,
) -> Vec<Diagnostic> {
    let mut errs = Vec::new();
    for (field, date, required) in [
        ("prepared", &a.prepared, true),
        ("reviewed", &a.reviewed, false),
    ] {
        match date {
            None if required => errs.push(err(
                at,
                format!("the accessibility statement has no `{field}` date"),
                "add `prepared: 2026-09-01`, the day the statement was prepared",
            )),
            Some(d) if parse_day(&d.value).is_none() => errs.push(err(
                yaml_at(&d.referenced),
                format!("`{}` is not a date", d.value),
                "write the date like 2026-09-01",
            )),
            _ => {}
        }
    }
    errs
}

/// An enforcement body with a name and an absolute URL.
fn check_enforcement(
    a: &AccessibilitySettings,
    at: (usize, usize),
    err: ErrorAt<'_>,
) -> Vec<Diagnostic> {
    let Some(e) = &a.enforcement else {
        return vec![err(
            at,
            "the accessibility statement names no enforcement body".into(),
            "add `enforcement: { name: …, url: https://… }`: the authority readers can turn to",
        )];
    };
    let mut errs = Vec::new();
    if e.name.all.is_none() && e.name.by_lang.is_empty() {
        errs.push(err(
            at,
            "the enforcement body has no `name`".into(),
            "add `name:` under `enforcement:`, one text or one per language",
        ));
    }
    match &e.url {
        None => errs.push(err(
            at,
            "the enforcement body has no `url`".into(),
            "add `url: https://…` under `enforcement:`, the page where readers can complain",
        )),
        Some(u) if !is_web_url(&u.value) => errs.push(err(
            yaml_at(&u.referenced),
            format!("`{}` is not an absolute URL", u.value),
            "write it like https://www.example.org/complaints",
        )),
        Some(_) => {}
    }
    errs
}

/// A way to report a problem (the statement's own or the organisation's), its URL usable.
fn check_contact(
    a: &AccessibilitySettings,
    at: (usize, usize),
    org: &Organisation,
    err: ErrorAt<'_>,
) -> Vec<Diagnostic> {
    let mut errs = Vec::new();
    if let Some(u) = &a.contact.url
        && !is_web_url(&u.value)
        && !u.value.starts_with('/')
    {
        errs.push(err(
            yaml_at(&u.referenced),
            format!(
                "`{}` is neither an absolute URL nor a path on this site",
                u.value
            ),
            "write it like https://www.example.org/feedback or /sv/contact/",
        ));
    }
    let contact = &a.contact;
    if contact.email.is_none()
        && contact.phone.is_none()
        && contact.url.is_none()
        && org.email.is_none()
        && org.phone.is_none()
    {
        errs.push(err(
            at,
            "the accessibility statement gives no way to report a problem".into(),
            "add `contact: { email: …, phone: …, url: … }` (or the organisation's email or phone)",
        ));
    }
    errs
}

fn is_web_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && s.len() > "https://".len()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub base_url: Spanned<String>,
    pub timezone: Spanned<String>,
    pub default_language: Spanned<String>,
    pub languages: Vec<Language>,
    pub title: Localized,
    pub organisation: Organisation,
    #[serde(default)]
    pub topics: Vec<Topic>,
    #[serde(default)]
    pub minutes: MinutesSettings,
    #[serde(default)]
    pub markdown: MarkdownSettings,
    #[serde(default)]
    pub alerts: AlertSettings,
    /// Thresholds of `anslag check`.
    #[serde(default)]
    pub check: CheckSettings,
    /// The accessibility statement; without it the build warns and the page says it is missing.
    #[serde(default)]
    pub accessibility: Option<Spanned<AccessibilitySettings>>,
    /// Email to subscribers (`anslag publish`, `anslag subscribers`); absent: no email.
    #[serde(default)]
    pub mail: Option<mail::MailSettings>,
    #[serde(default = "default_paginate")]
    pub paginate: usize,
    /// Which outputs the site has besides its pages, and how large its feeds are.
    #[serde(default)]
    pub outputs: OutputSettings,
    /// Theme folder name under `themes/` (the built-in default when the folder is absent).
    #[serde(default = "default_theme")]
    pub theme: String,
    /// How images are resized and encoded.
    #[serde(default)]
    pub images: ImageSettings,
}

/// `images:`: the widths images are published at and their quality.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImageSettings {
    /// Widths in pixels; an image narrower than one is not made wider.
    pub widths: Vec<u32>,
    /// Quality of the WebP and JPEG files, 1–100.
    pub quality: u8,
}

impl Default for ImageSettings {
    fn default() -> ImageSettings {
        let d = crate::images::Settings::default();
        ImageSettings {
            widths: d.widths,
            quality: d.quality,
        }
    }
}

impl ImageSettings {
    /// The settings as image processing takes them (widths ascending, once each).
    pub fn processing(&self) -> crate::images::Settings {
        let mut widths = self.widths.clone();
        widths.sort_unstable();
        widths.dedup();
        crate::images::Settings {
            widths,
            quality: self.quality,
        }
    }
}

fn default_paginate() -> usize {
    10
}
/// `outputs:`: every output but the pages can be left out, and feeds can be bounded.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputSettings {
    pub feeds: FeedSettings,
    /// The JSON API under `/api/`.
    pub api: bool,
    /// CAP alerts of crisis (and important) notices under `/alerts/`.
    pub alerts: bool,
    /// iCalendar files of the committees' meetings under `/calendar/`.
    pub calendar: bool,
    /// `sitemap.xml` and `robots.txt`.
    pub sitemap: bool,
    /// The search index under `/pagefind/`, a search page per language and the search form
    /// in every page's header.
    pub search: bool,
}

impl Default for OutputSettings {
    fn default() -> OutputSettings {
        OutputSettings {
            feeds: FeedSettings::default(),
            api: true,
            alerts: true,
            calendar: true,
            sitemap: true,
            search: true,
        }
    }
}

/// `outputs.feeds`: the formats, the scopes beyond the whole site, and their size.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FeedSettings {
    pub rss: bool,
    pub atom: bool,
    pub json: bool,
    /// A feed per kind of document (press releases, minutes, notices).
    pub kinds: bool,
    /// A feed per topic and committee.
    pub topics: bool,
    /// Items per feed (crisis notices in force first, then the newest).
    pub items: usize,
    /// `full`: each item holds the whole text; `summary`: only its summary.
    pub content: FeedContent,
}

impl Default for FeedSettings {
    fn default() -> FeedSettings {
        FeedSettings {
            rss: true,
            atom: true,
            json: true,
            kinds: true,
            topics: true,
            items: 20,
            content: FeedContent::Full,
        }
    }
}

impl FeedSettings {
    /// Whether the site has any feed at all.
    pub fn any(&self) -> bool {
        self.rss || self.atom || self.json
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedContent {
    Full,
    Summary,
}
fn default_theme() -> String {
    "default".into()
}

/// The validated configuration with the derived facts everything else needs.
#[derive(Debug, Clone)]
pub struct Config {
    pub site: SiteConfig,
    pub base_url: String,
    pub tz: chrono_tz::Tz,
}

impl Config {
    pub fn default_language(&self) -> &str {
        &self.site.default_language.value
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.site.languages.iter().find(|l| l.code() == code)
    }

    /// The languages to show a reader of `lang` a document in, in order: theirs, its
    /// `fallback` list, the default language; each once. A code the site lacks gives the default.
    pub fn reader_order<'a>(&'a self, lang: &'a str) -> Vec<&'a str> {
        let mut order: Vec<&str> = Vec::new();
        if let Some(l) = self.language(lang) {
            order.push(l.code());
            order.extend(l.fallback.iter().map(|f| f.value.as_str()));
        }
        order.push(self.default_language());
        let mut seen = std::collections::HashSet::new();
        order.retain(|c| seen.insert(*c));
        order
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.site.languages.iter().map(Language::code)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.site.topics.iter().find(|t| t.id() == id)
    }
}

pub const CONFIG_FILE: &str = "site.yaml";
/// The largest `site.yaml` read (settings, not content: a megabyte holds thousands of topics).
pub const MAX_CONFIG_BYTES: u64 = 1_000_000;

/// YAML options used for every file a user writes: strict, and bounded against alias bombs and
/// runaway nesting.
pub fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: 200_000,
        },
    }
}

/// Why a file of the site could not be read.
pub enum Bounded {
    TooLarge(u64),
    Io(std::io::Error),
}

/// Reads a file unless it is larger than `max` bytes (checked before and while reading, so a
/// file that grows meanwhile is caught too).
pub fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, Bounded> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(Bounded::Io)?;
    let size = file.metadata().map_err(Bounded::Io)?.len();
    if size > max {
        return Err(Bounded::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(Bounded::Io)?;
    if bytes.len() as u64 > max {
        return Err(Bounded::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads and validates `site.yaml` in `root`, reporting every problem found.
pub fn load(root: &Path) -> Result<Config, Diagnostics> {
    let path = root.join(CONFIG_FILE);
    let shown = Path::new(CONFIG_FILE);
    let bytes = read_bounded(&path, MAX_CONFIG_BYTES).map_err(|e| {
        Diagnostics(vec![match e {
            Bounded::Io(e) => Diagnostic::error(shown, format!("cannot read the site configuration: {e}")).hint(
                "run anslag in the folder that holds site.yaml, or pass --site DIR (`anslag init DIR` makes a new site)",
            ),
            Bounded::TooLarge(n) => Diagnostic::error(
                shown,
                format!("site.yaml is {n} bytes; it may be at most {MAX_CONFIG_BYTES}"),
            )
            .hint("site.yaml holds settings, languages and topics; content goes in content/"),
        }])
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        let (line, col) = crate::diagnostics::line_col(&valid, usize::MAX);
        Diagnostics(vec![
            Diagnostic::error(shown, "site.yaml is not UTF-8 text")
                .at(line, Some(col))
                .hint("save it as UTF-8 (most editors offer it under \"Save as… / Encoding\")"),
        ])
    })?;
    parse(&text, shown)
}

pub fn parse(text: &str, shown: &Path) -> Result<Config, Diagnostics> {
    let site: SiteConfig = serde_saphyr::from_str_with_options(text, yaml_options())
        .map_err(|e| Diagnostics(vec![from_yaml(shown, &e, 0, text)]))?;
    let err = |loc: (usize, usize), msg: String, hint: &str| {
        Diagnostic::error(shown, msg)
            .at(loc.0, Some(loc.1))
            .hint(hint)
            .with_source(text)
    };
    // Every check runs, so that one build reports all the problems of site.yaml at once.
    let mut errs = Diagnostics::default();
    let base_url = site.base_url.value.trim_end_matches('/').to_owned();
    errs.extend(check_base_url(&site.base_url, &base_url, &err));
    let tz = time_zone(&site.timezone, &err).unwrap_or_else(|e| {
        errs.push(e);
        chrono_tz::UTC
    });
    errs.extend(check_languages(&site.languages, shown, &err));
    errs.extend(check_default_language(&site, &err));
    errs.extend(check_fallbacks(&site.languages, &err));
    errs.extend(check_topics(&site.topics, &err));
    errs.extend(check_alert_area(&site.alerts.area, &err));
    if let Some(a) = &site.accessibility {
        // A missing field is reported at the section's `accessibility:` line.
        let section = text
            .lines()
            .position(|l| l.starts_with("accessibility:"))
            .map_or(yaml_at(&a.referenced), |i| (i + 1, 1));
        errs.extend(check_accessibility(
            &a.value,
            section,
            &site.organisation,
            &err,
        ));
    }
    errs.extend(check_notice_languages(&site, shown));
    if site.paginate == 0 {
        errs.push(
            Diagnostic::error(shown, "paginate must be at least 1")
                .hint("the number of documents per list page, e.g. 10"),
        );
    }
    errs.extend(check_images(&site.images, shown));
    if errs.has_errors() {
        return Err(errs);
    }
    Ok(Config { site, base_url, tz })
}

/// `images.widths` must name at least one sensible width, `images.quality` be a percentage.
fn check_images(images: &ImageSettings, shown: &Path) -> Vec<Diagnostic> {
    let mut errs = Vec::new();
    if images.widths.is_empty() || images.widths.iter().any(|w| !(16..=8192).contains(w)) {
        errs.push(
            Diagnostic::setting(
                shown,
                "images.widths",
                "each image width must be 16–8192 pixels, and there must be one",
            )
            .hint("the default is [480, 960, 1600]: a phone, a laptop, a large screen"),
        );
    }
    if !(1..=100).contains(&images.quality) {
        errs.push(
            Diagnostic::setting(shown, "images.quality", "the image quality must be 1–100")
                .hint("80 keeps photos sharp at a quarter of the size of 95"),
        );
    }
    errs
}

/// The line and column of a YAML location.
fn yaml_at(l: &serde_saphyr::Location) -> (usize, usize) {
    (l.line() as usize, l.column() as usize)
}

/// `base_url` (`trimmed`: without its trailing slashes) must be absolute.
fn check_base_url(
    base_url: &Spanned<String>,
    trimmed: &str,
    err: ErrorAt<'_>,
) -> Option<Diagnostic> {
    if trimmed.starts_with("https://") || trimmed.starts_with("http://") {
        return None;
    }
    Some(err(
        yaml_at(&base_url.referenced),
        format!("base_url `{}` is not an absolute URL", base_url.value),
        "write it like https://www.example.org",
    ))
}

fn time_zone(timezone: &Spanned<String>, err: ErrorAt<'_>) -> Result<chrono_tz::Tz, Diagnostic> {
    timezone.value.parse::<chrono_tz::Tz>().map_err(|_| {
        err(
            yaml_at(&timezone.referenced),
            format!("unknown time zone `{}`", timezone.value),
            "use an IANA time zone name such as Europe/Stockholm",
        )
    })
}

/// At least one language, each with a valid code listed once and a valid locale if it has one.
fn check_languages(languages: &[Language], shown: &Path, err: ErrorAt<'_>) -> Vec<Diagnostic> {
    let mut errs = Vec::new();
    if languages.is_empty() {
        errs.push(
            Diagnostic::error(shown, "no languages are listed")
                .hint("add `languages:` with at least one `- { code: sv, name: Svenska }`"),
        );
    }
    let mut seen = std::collections::HashSet::new();
    for lang in languages {
        if lang
            .code()
            .parse::<icu_locale_core::LanguageIdentifier>()
            .is_err()
            || lang.code().contains('_')
        {
            errs.push(err(
                yaml_at(&lang.code.referenced),
                format!("`{}` is not a language code", lang.code()),
                "use a BCP 47 code such as sv, en, ar or pt-BR",
            ));
        }
        if !seen.insert(lang.code()) {
            errs.push(err(
                yaml_at(&lang.code.referenced),
                format!("language `{}` is listed twice", lang.code()),
                "remove one of them",
            ));
        }
        if let Some(loc) = &lang.locale
            && loc.value.parse::<icu_locale_core::Locale>().is_err()
        {
            errs.push(err(
                yaml_at(&loc.referenced),
                format!("`{}` is not a locale", loc.value),
                "use a BCP 47 locale such as fa-u-ca-gregory",
            ));
        }
    }
    errs
}

/// Each `fallback` names another of the site's languages.
fn check_fallbacks(languages: &[Language], err: ErrorAt<'_>) -> Vec<Diagnostic> {
    let codes: Vec<&str> = languages.iter().map(Language::code).collect();
    let mut errs = Vec::new();
    for lang in languages {
        for f in &lang.fallback {
            if f.value == lang.code() {
                errs.push(err(
                    yaml_at(&f.referenced),
                    format!("language `{}` names itself as its fallback", lang.code()),
                    "list the languages to show where a document does not exist in this one",
                ));
            } else if !codes.contains(&f.value.as_str()) {
                let mut hint = format!("a fallback must be one of: {}", codes.join(", "));
                if let Some(n) = nearest(&f.value, codes.iter().copied()) {
                    hint = format!("did you mean `{n}`? {hint}");
                }
                errs.push(err(
                    yaml_at(&f.referenced),
                    format!(
                        "the fallback `{}` of language `{}` is not among the languages",
                        f.value,
                        lang.code()
                    ),
                    &hint,
                ));
            }
        }
    }
    errs
}

/// `default_language` must be one of the languages (nothing to say when there are none: that
/// is reported already).
fn check_default_language(site: &SiteConfig, err: ErrorAt<'_>) -> Option<Diagnostic> {
    let codes: Vec<&str> = site.languages.iter().map(Language::code).collect();
    if codes.is_empty() || codes.contains(&site.default_language.value.as_str()) {
        return None;
    }
    let mut hint = format!("the default language must be one of: {}", codes.join(", "));
    if let Some(n) = nearest(&site.default_language.value, codes.iter().copied()) {
        hint = format!("did you mean `{n}`? {hint}");
    }
    Some(err(
        yaml_at(&site.default_language.referenced),
        format!(
            "default_language `{}` is not among the languages",
            site.default_language.value
        ),
        &hint,
    ))
}

/// Each topic id a slug, and listed once.
fn check_topics(topics: &[Topic], err: ErrorAt<'_>) -> Vec<Diagnostic> {
    let mut errs = Vec::new();
    let mut topic_ids = std::collections::HashSet::new();
    for t in topics {
        if !is_slug(t.id()) {
            errs.push(err(
                yaml_at(&t.id.referenced),
                format!("topic id `{}` is not a slug", t.id()),
                "use lower-case letters a-z, digits and -",
            ));
        }
        if !topic_ids.insert(t.id()) {
            errs.push(err(
                yaml_at(&t.id.referenced),
                format!("topic `{}` is listed twice", t.id()),
                "topic ids must be unique",
            ));
        }
    }
    errs
}

/// `alerts.area`: its polygon a closed ring, its geocodes complete.
fn check_alert_area(area: &alerts::Area, err: ErrorAt<'_>) -> Vec<Diagnostic> {
    alerts::check_polygon(&area.polygon)
        .into_iter()
        .chain(alerts::check_geocodes(&area.geocodes))
        .map(|(at, message, hint)| err(yaml_at(&at), format!("alerts.area: {message}"), hint))
        .collect()
}

/// `check.notice_languages` may name only the site's languages.
fn check_notice_languages(site: &SiteConfig, shown: &Path) -> Vec<Diagnostic> {
    let codes: std::collections::HashSet<&str> =
        site.languages.iter().map(Language::code).collect();
    site.check
        .notice_languages
        .iter()
        .flatten()
        .filter(|code| !codes.contains(code.as_str()))
        .map(|code| {
            Diagnostic::error(
                shown,
                format!("check.notice_languages names `{code}`, which is not among the languages"),
            )
            .hint("list codes from `languages:`")
        })
        .collect()
}

/// Lower-case ASCII letters, digits and single inner dashes: safe in a URL and a file name.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "base_url: https://x.example/\ntimezone: Europe/Stockholm\ndefault_language: sv\nlanguages:\n  - { code: sv, name: Svenska }\n  - { code: ar, name: العربية, dir: rtl }\ntitle: X\norganisation:\n  name: { sv: X kommun, en: X Municipality }\n";

    #[test]
    fn parses_minimal_config() {
        let c = parse(MINIMAL, Path::new("site.yaml")).unwrap();
        assert_eq!(c.base_url, "https://x.example");
        assert_eq!(c.language("ar").unwrap().dir, Direction::Rtl);
        assert_eq!(c.site.organisation.name.get("en", "sv"), "X Municipality");
        assert_eq!(c.site.organisation.name.get("fi", "sv"), "X kommun");
        assert_eq!(c.site.title.get("fi", "sv"), "X");
    }

    #[test]
    fn unknown_key_names_line_and_suggests() {
        let text = MINIMAL.replace("title: X", "titel: X");
        let e = parse(&text, Path::new("site.yaml")).unwrap_err();
        let d = &e.0[0];
        assert_eq!(d.line, Some(7), "{d}");
        assert!(d.hint.as_deref().unwrap().contains("`title`"), "{d}");
    }

    #[test]
    fn bad_default_language_and_timezone_are_both_reported() {
        let text = MINIMAL
            .replace("default_language: sv", "default_language: sw")
            .replace("Europe/Stockholm", "Europe/Stokholm");
        let e = parse(&text, Path::new("site.yaml")).unwrap_err();
        assert_eq!(e.error_count(), 2, "{e}");
        assert!(e.to_string().contains("did you mean `sv`"), "{e}");
    }
}
