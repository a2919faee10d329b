//! What templates see: small, owned, serialisable views of the model in one language, with
//! dates and sizes already formatted for the reader.

use serde::Serialize;

use crate::config::Localized;
use crate::content::document::{Attachment, Document, Kind, Translation};
use crate::content::markdown::isolated_html;
use crate::content::translation::{self, Status};
use crate::i18n::{I18n, args};
use crate::site::{Site, is_active};

#[derive(Debug, Clone, Serialize)]
pub struct LangView {
    pub code: String,
    pub name: String,
    pub dir: &'static str,
}

/// A link to a page in a language.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct LangLink {
    pub code: String,
    pub name: String,
    pub dir: &'static str,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub url: String,
    pub label: String,
    pub current: bool,
}

/// A text from `site.yaml` in the reader's language, or in the language it falls back to.
#[derive(Debug, Clone, Serialize)]
pub struct TextView {
    pub text: String,
    pub lang: String,
    pub dir: &'static str,
    /// Not in the page's language: mark it up with `lang` and `dir`.
    pub foreign: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CrisisView {
    pub title: String,
    pub title_lang: String,
    pub title_dir: &'static str,
    pub summary: String,
    /// The summary as HTML, phone numbers and the like isolated in right-to-left text.
    pub summary_html: String,
    /// The notice in the reader's language, if it exists in it.
    pub url: Option<String>,
    /// Otherwise: the languages it exists in.
    pub others: Vec<LangLink>,
    /// The reader's translation is out of date: where its source is.
    pub stale: Option<StaleView>,
}

/// A translation whose source changed since it was made: the reader is told so in their
/// language, and led to the source.
#[derive(Debug, Clone, Serialize)]
pub struct StaleView {
    /// "This translation may be out of date. The original (Svenska) was changed on …".
    pub text: String,
    /// The link's text ("Read the original").
    pub read: String,
    /// The source's page, and its language as it names itself.
    pub source: LangLink,
    pub changed: DateView,
}

#[derive(Debug, Clone, Hash, Serialize)]
pub struct DateView {
    /// For `<time datetime>`.
    pub iso: String,
    pub text: String,
}

#[derive(Debug, Clone, Hash, Serialize)]
pub struct EntryView {
    pub title: String,
    pub title_lang: String,
    pub title_dir: &'static str,
    pub summary: String,
    /// The summary as HTML, phone numbers and the like isolated in right-to-left text.
    pub summary_html: String,
    pub kind: Kind,
    pub kind_label: String,
    pub date: DateView,
    /// The page in the reader's language, if the document exists in it.
    pub url: Option<String>,
    /// The languages the document exists in, when not in the reader's.
    pub others: Vec<LangLink>,
    pub urgency: Option<&'static str>,
    pub active: bool,
    pub draft: bool,
    pub embargoed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    pub name: String,
    pub url: String,
    pub size: String,
    pub format: String,
    pub mime: String,
}

pub fn dir_of(site: &Site, code: &str) -> &'static str {
    site.config.language(code).map_or("ltr", |l| l.dir.as_str())
}

pub fn is_rtl(site: &Site, code: &str) -> bool {
    dir_of(site, code) == "rtl"
}

/// Plain text of a document in `lang` as HTML, with phone numbers, addresses and codes isolated
/// when the language is right-to-left.
pub fn text_html(site: &Site, lang: &str, text: &str) -> String {
    isolated_html(text, is_rtl(site, lang))
}

/// A per-language text of `site.yaml` for a page in `lang`, with the language it is really in.
pub fn localized_view(site: &Site, text: &Localized, lang: &str) -> TextView {
    let default = site.default_language();
    let really = if text.by_lang.contains_key(lang) || text.all.is_some() {
        lang
    } else if text.by_lang.contains_key(default) {
        default
    } else {
        text.by_lang.keys().next().map_or(lang, String::as_str)
    };
    TextView {
        text: text.get(lang, default).to_owned(),
        lang: really.to_owned(),
        dir: dir_of(site, really),
        foreign: really != lang,
    }
}

pub fn lang_view(site: &Site, code: &str) -> LangView {
    let l = site.config.language(code);
    LangView {
        code: code.to_owned(),
        name: l.map_or(code, |l| l.name.as_str()).to_owned(),
        dir: dir_of(site, code),
    }
}

pub fn date_view(i18n: &I18n, lang: &str, d: &chrono::DateTime<chrono_tz::Tz>) -> DateView {
    DateView {
        iso: d.to_rfc3339(),
        text: i18n.date(lang, d.date_naive()),
    }
}

pub fn day_view(i18n: &I18n, lang: &str, d: chrono::NaiveDate) -> DateView {
    DateView {
        iso: d.to_string(),
        text: i18n.date(lang, d),
    }
}

/// The languages a document exists in, as links to them.
pub fn translation_links(site: &Site, doc: &Document, current: &str) -> Vec<LangLink> {
    doc.translations
        .iter()
        .map(|t| {
            let l = site.config.language(&t.lang);
            LangLink {
                code: t.lang.clone(),
                name: l.map_or(t.lang.as_str(), |l| l.name.as_str()).to_owned(),
                dir: dir_of(site, &t.lang),
                url: doc.url(&t.lang),
                current: t.lang == current,
            }
        })
        .collect()
}

/// The languages a document exists in, as links, for a reader of `lang` it does not exist in:
/// the reader's fallbacks first, in their order (`Config::reader_order`), then the others.
pub fn reader_links(site: &Site, doc: &Document, lang: &str) -> Vec<LangLink> {
    let order = site.config.reader_order(lang);
    let mut links = translation_links(site, doc, lang);
    links.sort_by_key(|l| {
        order
            .iter()
            .position(|o| *o == l.code)
            .unwrap_or(usize::MAX)
    });
    links
}

pub fn kind_label(i18n: &I18n, lang: &str, kind: Kind) -> String {
    i18n.t(lang, &format!("kind-{}", kind.dir()), None)
}

pub fn entry(site: &Site, i18n: &I18n, lang: &str, doc: &Document) -> EntryView {
    let t: &Translation = doc.in_order(&site.config.reader_order(lang));
    let here = doc.get(lang).is_some();
    let notice = t.notice();
    EntryView {
        title: t.title.clone(),
        title_lang: t.lang.clone(),
        title_dir: dir_of(site, &t.lang),
        summary: t.summary.clone(),
        summary_html: text_html(site, &t.lang, &t.summary),
        kind: doc.kind,
        kind_label: kind_label(i18n, lang, doc.kind),
        date: date_view(i18n, lang, &t.date),
        url: here.then(|| doc.url(lang)),
        others: if here {
            Vec::new()
        } else {
            reader_links(site, doc, lang)
        },
        urgency: notice.map(|n| n.urgency.as_str()),
        active: notice.is_some_and(|n| is_active(t.date, n.expires, n.ended, site.now)),
        draft: t.draft,
        embargoed: t.embargoed,
    }
}

/// The banners of the crisis notices in force on a page of `lang`. On the page of a crisis
/// notice itself its banner gives way to the notice (`page_doc`). A page in no particular
/// language (`/`, the 404 page), and a page in a language a notice lacks, offer every language
/// the notice exists in.
pub fn crisis_views(
    site: &Site,
    i18n: &I18n,
    lang: &str,
    page_doc: Option<usize>,
    any_language: bool,
) -> Vec<CrisisView> {
    site.crisis
        .iter()
        .filter(|&&i| Some(i) != page_doc)
        .map(|&i| {
            let doc = &site.documents[i];
            let t = doc.in_order(&site.config.reader_order(lang));
            let here = doc.get(lang).is_some() && !any_language;
            CrisisView {
                title: t.title.clone(),
                title_lang: t.lang.clone(),
                title_dir: dir_of(site, &t.lang),
                summary: t.summary.clone(),
                summary_html: text_html(site, &t.lang, &t.summary),
                url: here.then(|| doc.url(lang)),
                others: if here {
                    Vec::new()
                } else {
                    reader_links(site, doc, lang)
                },
                stale: if here {
                    stale_view(site, i18n, lang, doc)
                } else {
                    None
                },
            }
        })
        .collect()
}

/// The notice on the document's text in `lang` when its source changed since it was
/// translated (`content::translation::status`), in the reader's language: the source language
/// by its own name, the date as the page writes dates.
pub fn stale_view(site: &Site, i18n: &I18n, lang: &str, doc: &Document) -> Option<StaleView> {
    let Status::Stale {
        source,
        source_changed,
        ..
    } = translation::status(doc, lang, site.default_language())
    else {
        return None;
    };
    let name = site
        .config
        .language(&source)
        .map_or(source.as_str(), |l| l.name.as_str())
        .to_owned();
    let changed = date_view(i18n, lang, &source_changed);
    let text = i18n.t(
        lang,
        "translation-stale",
        Some(&args([
            ("language", name.clone().into()),
            ("date", changed.text.clone().into()),
        ])),
    );
    Some(StaleView {
        text,
        read: i18n.t(lang, "translation-stale-read", None),
        source: LangLink {
            dir: dir_of(site, &source),
            url: doc.url(&source),
            code: source,
            name,
            current: false,
        },
        changed,
    })
}

/// A file's size as the reader's language writes it (`120 kB`, `1,4 MB`).
pub fn size_text(i18n: &I18n, lang: &str, bytes: u64) -> String {
    if bytes >= 1_000_000 {
        let mb = format!("{:.1}", bytes as f64 / 1_000_000.0);
        i18n.t(
            lang,
            "attachment-size-mb",
            Some(&args([("size", i18n.number(lang, &mb).into())])),
        )
    } else {
        let kb = format!("{}", bytes.div_ceil(1000).max(1));
        i18n.t(
            lang,
            "attachment-size-kb",
            Some(&args([("size", i18n.number(lang, &kb).into())])),
        )
    }
}

pub fn attachment_view(i18n: &I18n, lang: &str, a: &Attachment) -> AttachmentView {
    let size = size_text(i18n, lang, a.size);
    // By the published file: an image may be published in another format than it came in.
    let format = a
        .url
        .rsplit_once('.')
        .map_or_else(|| a.mime.clone(), |(_, ext)| ext.to_uppercase());
    AttachmentView {
        name: a.name.clone(),
        url: a.url.clone(),
        size,
        format,
        mime: a.mime.clone(),
    }
}

/// The accessibility statement in one language (see [`crate::config::AccessibilitySettings`]).
#[derive(Debug, Clone, Serialize)]
pub struct StatementView {
    /// Whether `site.yaml` has a statement; without one the page says so and how to get help.
    pub present: bool,
    /// `full`, `partial` or `none`.
    pub status: Option<&'static str>,
    pub standard: TextView,
    pub law: Option<TextView>,
    pub limitations: Vec<TextView>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub enforcement_name: Option<TextView>,
    pub enforcement_url: Option<String>,
    pub prepared: Option<DateView>,
    pub reviewed: Option<DateView>,
    /// `self-assessment` or `third-party`.
    pub method: &'static str,
    /// The website's host name, as readers know it.
    pub website: String,
}

pub fn statement_view(site: &Site, i18n: &I18n, lang: &str) -> StatementView {
    use crate::config::{AssessmentMethod, DEFAULT_ACCESSIBILITY_STANDARD};
    let cfg = &site.config;
    let org = &cfg.site.organisation;
    let website = cfg
        .base_url
        .split_once("://")
        .map_or(cfg.base_url.as_str(), |(_, host)| host)
        .to_owned();
    let a = cfg.site.accessibility.as_ref().map(|a| &a.value);
    let standard = a
        .and_then(|a| a.standard.as_ref())
        .map(|s| localized_view(site, s, lang))
        .unwrap_or_else(|| TextView {
            text: DEFAULT_ACCESSIBILITY_STANDARD.to_owned(),
            lang: lang.to_owned(),
            dir: dir_of(site, lang),
            foreign: false,
        });
    let contact = a.map(|a| &a.contact);
    let explicit = contact.is_some_and(|c| c.email.is_some() || c.phone.is_some());
    StatementView {
        present: a.is_some(),
        status: a.and_then(|a| a.status.as_ref()).map(|s| s.value.as_str()),
        standard,
        law: a
            .filter(|a| a.law.all.is_some() || !a.law.by_lang.is_empty())
            .map(|a| localized_view(site, &a.law, lang)),
        limitations: a.map_or_else(Vec::new, |a| {
            a.limitations
                .iter()
                .map(|l| localized_view(site, l, lang))
                .collect()
        }),
        // The statement's own contact, else the organisation's.
        email: if explicit {
            contact.and_then(|c| c.email.clone())
        } else {
            org.email.clone()
        },
        phone: if explicit {
            contact.and_then(|c| c.phone.clone())
        } else {
            org.phone.clone()
        },
        url: contact
            .and_then(|c| c.url.as_ref())
            .map(|u| u.value.clone()),
        enforcement_name: a
            .and_then(|a| a.enforcement.as_ref())
            .map(|e| localized_view(site, &e.name, lang)),
        enforcement_url: a
            .and_then(|a| a.enforcement.as_ref())
            .and_then(|e| e.url.as_ref())
            .map(|u| u.value.clone()),
        prepared: a
            .and_then(|a| a.prepared_date())
            .map(|d| day_view(i18n, lang, d)),
        reviewed: a
            .and_then(|a| a.reviewed_date())
            .map(|d| day_view(i18n, lang, d)),
        method: match a.map(|a| a.method) {
            Some(AssessmentMethod::ThirdParty) => "third-party",
            _ => "self-assessment",
        },
        website,
    }
}
