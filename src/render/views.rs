//! What templates see: small, owned, serialisable views of the model in one language, with
//! dates and sizes already formatted for the reader.

use serde::Serialize;

use crate::content::document::{Attachment, Document, Kind, Translation};
use crate::i18n::{I18n, args};
use crate::site::{Site, is_active};

#[derive(Debug, Clone, Serialize)]
pub struct LangView {
    pub code: String,
    pub name: String,
    pub dir: &'static str,
}

/// A link to a page in a language.
#[derive(Debug, Clone, Serialize)]
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

#[derive(Debug, Clone, Serialize)]
pub struct CrisisView {
    pub title: String,
    pub title_lang: String,
    pub title_dir: &'static str,
    pub summary: String,
    /// The notice in the reader's language, if it exists in it.
    pub url: Option<String>,
    /// Otherwise: the languages it exists in.
    pub others: Vec<LangLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// For `<time datetime>`.
    pub iso: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    pub title: String,
    pub title_lang: String,
    pub title_dir: &'static str,
    pub summary: String,
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

pub fn kind_label(i18n: &I18n, lang: &str, kind: Kind) -> String {
    i18n.t(lang, &format!("kind-{}", kind.dir()), None)
}

pub fn entry(site: &Site, i18n: &I18n, lang: &str, doc: &Document) -> EntryView {
    let t: &Translation = doc.for_reader(lang, site.default_language());
    let here = doc.get(lang).is_some();
    let notice = t.notice();
    EntryView {
        title: t.title.clone(),
        title_lang: t.lang.clone(),
        title_dir: dir_of(site, &t.lang),
        summary: t.summary.clone(),
        kind: doc.kind,
        kind_label: kind_label(i18n, lang, doc.kind),
        date: date_view(i18n, lang, &t.date),
        url: here.then(|| doc.url(lang)),
        others: if here {
            Vec::new()
        } else {
            translation_links(site, doc, lang)
        },
        urgency: notice.map(|n| n.urgency.as_str()),
        active: notice.is_some_and(|n| is_active(t.date, n.expires, n.ended, site.now)),
        draft: t.draft,
        embargoed: t.embargoed,
    }
}

pub fn crisis_views(site: &Site, lang: &str) -> Vec<CrisisView> {
    site.crisis
        .iter()
        .map(|&i| {
            let doc = &site.documents[i];
            let t = doc.for_reader(lang, site.default_language());
            let here = doc.get(lang).is_some();
            CrisisView {
                title: t.title.clone(),
                title_lang: t.lang.clone(),
                title_dir: dir_of(site, &t.lang),
                summary: t.summary.clone(),
                url: here.then(|| doc.url(lang)),
                others: if here {
                    Vec::new()
                } else {
                    translation_links(site, doc, lang)
                },
            }
        })
        .collect()
}

pub fn attachment_view(i18n: &I18n, lang: &str, a: &Attachment) -> AttachmentView {
    let size = if a.size >= 1_000_000 {
        let mb = format!("{:.1}", a.size as f64 / 1_000_000.0);
        i18n.t(
            lang,
            "attachment-size-mb",
            Some(&args([("size", i18n.number(lang, &mb).into())])),
        )
    } else {
        let kb = format!("{}", a.size.div_ceil(1000).max(1));
        i18n.t(
            lang,
            "attachment-size-kb",
            Some(&args([("size", i18n.number(lang, &kb).into())])),
        )
    };
    let format = a
        .name
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
