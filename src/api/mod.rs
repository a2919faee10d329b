//! The open JSON API under `/api/v1/`: the same site model as the HTML, as static JSON files
//! that anyone may fetch, cache and build on (see `docs/api.md`).
//!
//! - `api/v1/index.json`: the site, its languages and topics, links to every list and schema;
//! - `api/v1/documents/{kind}/{slug}/{lang}.json`: a document in one language, in full;
//! - `api/v1/{lang}/{press,minutes,notices}.json`, `api/v1/{lang}/topics/{id}.json`,
//!   `api/v1/{lang}/committees/{id}.json`: lists for a reader of `lang`, newest first;
//! - `api/v1/notice-board.json` and `api/v1/alerts.json`;
//! - `api/v1/schema/{index,document,list,notice-board,alerts}.json`: JSON Schemas (draft
//!   2020-12) derived from the types in [`types`] that the files are serialised from.
//!
//! Stability: [`API_VERSION`] names the folder. Within a version members may only be added;
//! any incompatible change (removing, renaming or retyping a member, changing its meaning or
//! a path) is a new version folder (`/api/v2/`), built beside the old one for a while.
//!
//! Output is deterministic: struct members in declaration order, maps sorted by key, lists in
//! the model's order, and no time but the build's `site.now`, so two builds of the same content
//! for the same `--now` are byte-identical.
//!
//! Confidentiality: the text comes only from `Translation::public_markdown` and the rendered
//! HTML of the model, where closed agenda items were already reduced to their heading and the
//! files linked only from them withheld. Nothing here reads source files.

pub mod schema;
pub mod types;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{self, Direction, Topic};
use crate::content::document::{self, Document, Extra, Kind, Translation};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::render::pages::{kind_url, topic_url};
use crate::render::{Output, OutputData};
use crate::site::{Site, is_active};
use types::*;

/// The version of the API, and the name of its folder under `/api/`. Any incompatible change
/// to a path or a member of a file is a new version folder, never a change of this one.
pub const API_VERSION: &str = "v1";

/// The kinds of file the API has, each with its JSON Schema at `api/v1/schema/{name}.json`.
pub const SCHEMAS: [&str; 5] = ["index", "document", "list", "notice-board", "alerts"];

/// Renders every file of the API.
pub fn render(site: &Site, i18n: &I18n) -> Result<Vec<Output>, Diagnostics> {
    let api = Api { site, i18n };
    let mut files: Vec<(String, Result<Vec<u8>, serde_json::Error>)> = Vec::new();

    files.push(("index.json".into(), json(&api.index())));
    files.push(("notice-board.json".into(), json(&api.notice_board())));
    files.push(("alerts.json".into(), json(&api.alerts())));
    for (name, schema) in schema::all(|n| api.schema_url(n)) {
        files.push((format!("schema/{name}.json"), json(&schema)));
    }
    for lang in site.config.language_codes() {
        for kind in Kind::ALL {
            let list = api.kind_list(lang, kind);
            files.push((list_path(lang, kind.dir()), json(&list)));
        }
        for topic in &site.config.site.topics {
            let list = api.topic_list(lang, topic);
            files.push((topic_list_path(lang, topic), json(&list)));
        }
    }
    let api = &api;
    let docs: Vec<(String, Result<Vec<u8>, serde_json::Error>)> = site
        .documents
        .par_iter()
        .flat_map_iter(|doc| {
            doc.translations.iter().map(move |t| {
                (
                    doc_path(doc.kind, &doc.slug, &t.lang),
                    json(&api.document(doc, t)),
                )
            })
        })
        .collect();
    files.extend(docs);

    let mut errs = Diagnostics::default();
    let mut outputs = Vec::with_capacity(files.len());
    for (rel, bytes) in files {
        match bytes {
            Ok(b) => outputs.push(Output {
                path: format!("api/{API_VERSION}/{rel}"),
                data: OutputData::Bytes(b),
            }),
            Err(e) => errs.push(Diagnostic::error(
                format!("api/{API_VERSION}/{rel}"),
                format!("cannot write the JSON API file: {e}"),
            )),
        }
    }
    if errs.has_errors() {
        Err(errs)
    } else {
        Ok(outputs)
    }
}

/// Pretty-printed JSON with a final newline.
fn json<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Path of a document file, relative to `api/v1/`.
pub fn doc_path(kind: Kind, slug: &str, lang: &str) -> String {
    format!("documents/{}/{slug}/{lang}.json", kind.dir())
}

/// Path of the list of a kind, relative to `api/v1/`.
fn list_path(lang: &str, kind: &str) -> String {
    format!("{lang}/{kind}.json")
}

/// Path of the list of a topic or committee, relative to `api/v1/`.
fn topic_list_path(lang: &str, topic: &Topic) -> String {
    let folder = if topic.kind == config::TopicKind::Committee {
        "committees"
    } else {
        "topics"
    };
    format!("{lang}/{folder}/{}.json", topic.id())
}

/// Makes root-relative links and sources of an HTML fragment (`href="/files/…"`) absolute, so
/// that the fragment works wherever a client shows it. The fragment is serialised HTML (every
/// attribute value in double quotes, `<` in text escaped), so a small scanner suffices.
fn absolute_links(html: &str, base_url: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let (mut in_tag, mut in_quote) = (false, false);
    for (i, c) in html.char_indices() {
        out.push(c);
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag && !in_quote => in_tag = false,
            '"' if in_tag => {
                in_quote = !in_quote;
                let before = &html[..i];
                let rest = &html[i + 1..];
                let is_link = ["href=", "src="].iter().any(|a| {
                    before
                        .strip_suffix(a)
                        .is_some_and(|b| b.ends_with(char::is_whitespace))
                });
                if in_quote && is_link && rest.starts_with('/') && !rest.starts_with("//") {
                    out.push_str(base_url);
                }
            }
            _ => {}
        }
    }
    out
}

fn dir(d: Direction) -> Dir {
    match d {
        Direction::Ltr => Dir::Ltr,
        Direction::Rtl => Dir::Rtl,
    }
}

fn doc_kind(k: Kind) -> DocKind {
    match k {
        Kind::Press => DocKind::Press,
        Kind::Minutes => DocKind::Minutes,
        Kind::Notices => DocKind::Notices,
    }
}

fn topic_kind(k: config::TopicKind) -> TopicKind {
    match k {
        config::TopicKind::School => TopicKind::School,
        config::TopicKind::Preschool => TopicKind::Preschool,
        config::TopicKind::Unit => TopicKind::Unit,
        config::TopicKind::Committee => TopicKind::Committee,
        config::TopicKind::Subject => TopicKind::Subject,
    }
}

fn urgency(u: document::Urgency) -> Urgency {
    match u {
        document::Urgency::Normal => Urgency::Normal,
        document::Urgency::Important => Urgency::Important,
        document::Urgency::Crisis => Urgency::Crisis,
    }
}

fn rfc3339(d: &chrono::DateTime<chrono_tz::Tz>) -> String {
    d.to_rfc3339()
}

/// The API's view of the site: URLs and conversions from the model.
struct Api<'a> {
    site: &'a Site,
    i18n: &'a I18n,
}

impl Api<'_> {
    fn default_lang(&self) -> &str {
        self.site.default_language()
    }

    /// Absolute URL of a site path.
    fn abs(&self, path: &str) -> String {
        self.site.config.absolute(path)
    }

    /// Absolute URL of a file of the API, by its path relative to `api/v1/`.
    fn api_url(&self, rel: &str) -> String {
        self.abs(&format!("/api/{API_VERSION}/{rel}"))
    }

    fn schema_url(&self, name: &str) -> String {
        self.api_url(&format!("schema/{name}.json"))
    }

    fn dir_of(&self, lang: &str) -> Dir {
        self.site
            .config
            .language(lang)
            .map_or(Dir::Ltr, |l| dir(l.dir))
    }

    /// A localised text in every language of the site.
    fn per_language(&self, text: &config::Localized) -> BTreeMap<String, String> {
        self.site
            .config
            .language_codes()
            .map(|l| (l.to_owned(), text.get(l, self.default_lang()).to_owned()))
            .collect()
    }

    fn versions(&self, doc: &Document) -> Vec<Version> {
        doc.translations
            .iter()
            .map(|t| Version {
                lang: t.lang.clone(),
                api: self.api_url(&doc_path(doc.kind, &doc.slug, &t.lang)),
                url: self.abs(&doc.url(&t.lang)),
            })
            .collect()
    }

    fn titled_versions(&self, doc: &Document) -> Vec<TitledVersion> {
        doc.translations
            .iter()
            .map(|t| TitledVersion {
                lang: t.lang.clone(),
                title: t.title.clone(),
                api: self.api_url(&doc_path(doc.kind, &doc.slug, &t.lang)),
                url: self.abs(&doc.url(&t.lang)),
            })
            .collect()
    }

    fn attachment(&self, a: &document::Attachment) -> Attachment {
        Attachment {
            name: a.name.clone(),
            url: self.abs(&a.url),
            size: a.size,
            mime: a.mime.clone(),
        }
    }

    fn index(&self) -> IndexFile {
        let cfg = &self.site.config;
        let languages = cfg
            .site
            .languages
            .iter()
            .map(|l| LanguageInfo {
                code: l.code().to_owned(),
                name: l.name.clone(),
                dir: dir(l.dir),
                url: self.abs(&format!("/{}/", l.code())),
            })
            .collect();
        let topics = cfg
            .site
            .topics
            .iter()
            .map(|t| TopicInfo {
                id: t.id().to_owned(),
                kind: topic_kind(t.kind),
                names: self.per_language(&t.name),
                count: self.site.by_topic.get(t.id()).map_or(0, Vec::len),
            })
            .collect();
        let lists = cfg
            .language_codes()
            .map(|lang| {
                let (mut topics, mut committees) = (BTreeMap::new(), BTreeMap::new());
                for t in &cfg.site.topics {
                    let url = self.api_url(&topic_list_path(lang, t));
                    if t.kind == config::TopicKind::Committee {
                        committees.insert(t.id().to_owned(), url);
                    } else {
                        topics.insert(t.id().to_owned(), url);
                    }
                }
                let lists = LanguageLists {
                    press: self.api_url(&list_path(lang, Kind::Press.dir())),
                    minutes: self.api_url(&list_path(lang, Kind::Minutes.dir())),
                    notices: self.api_url(&list_path(lang, Kind::Notices.dir())),
                    topics,
                    committees,
                };
                (lang.to_owned(), lists)
            })
            .collect();
        IndexFile {
            schema: self.schema_url("index"),
            api_version: API_VERSION.to_owned(),
            generated_at: rfc3339(&self.site.now),
            site: SiteInfo {
                title: self.per_language(&cfg.site.title),
                organisation: self.per_language(&cfg.site.organisation.name),
                base_url: cfg.base_url.clone(),
                default_language: self.default_lang().to_owned(),
                languages,
                topics,
            },
            links: IndexLinks {
                this: self.api_url("index.json"),
                schemas: SchemaLinks {
                    index: self.schema_url("index"),
                    document: self.schema_url("document"),
                    list: self.schema_url("list"),
                    notice_board: self.schema_url("notice-board"),
                    alerts: self.schema_url("alerts"),
                },
                notice_board: self.api_url("notice-board.json"),
                alerts: self.api_url("alerts.json"),
                lists,
            },
        }
    }

    fn topic_ref(&self, lang: &str, t: &Topic) -> TopicRef {
        TopicRef {
            id: t.id().to_owned(),
            kind: topic_kind(t.kind),
            name: t.name.get(lang, self.default_lang()).to_owned(),
            api: self.api_url(&topic_list_path(lang, t)),
            url: self.abs(&topic_url(lang, t.id(), t.kind)),
        }
    }

    fn document(&self, doc: &Document, t: &Translation) -> DocumentFile {
        let lang = t.lang.as_str();
        let cfg = &self.site.config;
        let page = doc.url(lang);
        let details = match &t.extra {
            Extra::Press { contacts } => Details::Press {
                contacts: contacts
                    .iter()
                    .map(|c| Contact {
                        name: c.name.clone(),
                        role: c.role.clone(),
                        phone: c.phone.clone(),
                        email: c.email.clone(),
                    })
                    .collect(),
            },
            Extra::Notices(n) => Details::Notices(NoticeDetails {
                urgency: urgency(n.urgency),
                expires: n.expires.as_ref().map(rfc3339),
                ended: n.ended.as_ref().map(rfc3339),
                instruction: n.instruction.clone(),
                active: is_active(t.date, n.expires, n.ended, self.site.now),
            }),
            Extra::Minutes(m) => {
                let committee = match cfg.topic(&m.committee) {
                    Some(c) => {
                        let r = self.topic_ref(lang, c);
                        CommitteeRef {
                            id: r.id,
                            name: r.name,
                            api: r.api,
                            url: r.url,
                        }
                    }
                    None => CommitteeRef {
                        id: m.committee.clone(),
                        name: m.committee.clone(),
                        api: self.api_url(&format!("{lang}/committees/{}.json", m.committee)),
                        url: self.abs(&format!("/{lang}/committees/{}/", m.committee)),
                    },
                };
                let agenda_items = m
                    .items
                    .iter()
                    .map(|it| AgendaItem {
                        id: it.id.clone(),
                        number: it.number.clone(),
                        label: it.label.clone(),
                        // The model already holds closed items so; say it twice.
                        case: if it.closed { None } else { it.case.clone() },
                        title: it.title.clone(),
                        closed: it.closed,
                        decision_html: if it.closed {
                            None
                        } else {
                            it.decision_html
                                .as_deref()
                                .map(|h| absolute_links(h, &cfg.base_url))
                        },
                        body_html: if it.closed {
                            String::new()
                        } else {
                            absolute_links(&it.body_html, &cfg.base_url)
                        },
                        url: self.abs(&format!("{page}#{}", it.id)),
                        attachments: if it.closed {
                            Vec::new()
                        } else {
                            it.attachments
                                .iter()
                                .filter_map(|n| doc.attachments.iter().find(|a| &a.name == n))
                                .map(|a| self.attachment(a))
                                .collect()
                        },
                    })
                    .collect();
                Details::Minutes(Box::new(MinutesDetails {
                    committee,
                    meeting: Meeting {
                        start: rfc3339(&m.meeting.start),
                        end: m.meeting.end.as_ref().map(rfc3339),
                        place: m.meeting.place.clone(),
                    },
                    attendees: m
                        .attendees
                        .iter()
                        .map(|a| Attendee {
                            name: a.name.clone(),
                            role: a.role.clone(),
                            party: a.party.clone(),
                            absent: a.absent,
                        })
                        .collect(),
                    approved: m.approved.map(|d| d.to_string()),
                    posted: m.posted.map(|d| d.to_string()),
                    kept_at: m.kept_at.clone(),
                    agenda_items,
                    attachments: doc.attachments.iter().map(|a| self.attachment(a)).collect(),
                }))
            }
        };
        DocumentFile {
            schema: self.schema_url("document"),
            slug: doc.slug.clone(),
            lang: lang.to_owned(),
            dir: self.dir_of(lang),
            title: t.title.clone(),
            summary: t.summary.clone(),
            date: rfc3339(&t.date),
            updated: t.updated.as_ref().map(rfc3339),
            topics: t
                .topics
                .iter()
                .filter_map(|id| cfg.topic(id))
                .map(|tp| self.topic_ref(lang, tp))
                .collect(),
            url: self.abs(&page),
            api: self.api_url(&doc_path(doc.kind, &doc.slug, lang)),
            draft: t.draft,
            embargoed: t.embargoed,
            // Only ever the public text: closed agenda items are reduced to their heading.
            markdown: t.public_markdown.clone(),
            html: absolute_links(&t.body_html, &cfg.base_url),
            translations: self.versions(doc),
            details,
        }
    }

    fn summary(&self, lang: &str, doc: &Document) -> Summary {
        let t = doc.for_reader(lang, self.default_lang());
        let notice = t.notice();
        Summary {
            kind: doc_kind(doc.kind),
            slug: doc.slug.clone(),
            lang: t.lang.clone(),
            dir: self.dir_of(&t.lang),
            translated: doc.get(lang).is_some(),
            title: t.title.clone(),
            summary: t.summary.clone(),
            date: rfc3339(&t.date),
            updated: t.updated.as_ref().map(rfc3339),
            url: self.abs(&doc.url(&t.lang)),
            api: self.api_url(&doc_path(doc.kind, &doc.slug, &t.lang)),
            languages: self.versions(doc),
            urgency: notice.map(|n| urgency(n.urgency)),
            active: notice.map(|n| is_active(t.date, n.expires, n.ended, self.site.now)),
            draft: t.draft,
            embargoed: t.embargoed,
        }
    }

    fn summaries(&self, lang: &str, idx: &[usize]) -> Vec<Summary> {
        idx.iter()
            .map(|&i| self.summary(lang, &self.site.documents[i]))
            .collect()
    }

    fn kind_list(&self, lang: &str, kind: Kind) -> ListFile {
        let idx = self.site.by_kind.get(&kind).map_or(&[][..], Vec::as_slice);
        let documents = self.summaries(lang, idx);
        ListFile {
            schema: self.schema_url("list"),
            lang: lang.to_owned(),
            list: match kind {
                Kind::Press => ListKind::Press,
                Kind::Minutes => ListKind::Minutes,
                Kind::Notices => ListKind::Notices,
            },
            id: None,
            title: self.i18n.t(lang, &format!("nav-{}", kind.dir()), None),
            url: self.abs(&kind_url(lang, kind, 1)),
            api: self.api_url(&list_path(lang, kind.dir())),
            count: documents.len(),
            documents,
        }
    }

    fn topic_list(&self, lang: &str, topic: &Topic) -> ListFile {
        let idx = self
            .site
            .by_topic
            .get(topic.id())
            .map_or(&[][..], Vec::as_slice);
        let documents = self.summaries(lang, idx);
        ListFile {
            schema: self.schema_url("list"),
            lang: lang.to_owned(),
            list: if topic.kind == config::TopicKind::Committee {
                ListKind::Committee
            } else {
                ListKind::Topic
            },
            id: Some(topic.id().to_owned()),
            title: topic.name.get(lang, self.default_lang()).to_owned(),
            url: self.abs(&topic_url(lang, topic.id(), topic.kind)),
            api: self.api_url(&topic_list_path(lang, topic)),
            count: documents.len(),
            documents,
        }
    }

    fn document_ref(&self, doc: &Document) -> DocumentRef {
        let primary = doc.primary(self.default_lang());
        DocumentRef {
            kind: doc_kind(doc.kind),
            slug: doc.slug.clone(),
            lang: primary.lang.clone(),
            title: primary.title.clone(),
            languages: self.titled_versions(doc),
        }
    }

    fn notice_board(&self) -> NoticeBoardFile {
        let entries = self
            .site
            .notice_board
            .iter()
            .filter_map(|e| {
                let doc = &self.site.documents[e.doc];
                let m = doc.primary(self.default_lang()).minutes()?;
                let names = self
                    .site
                    .config
                    .topic(&m.committee)
                    .map(|c| self.per_language(&c.name))
                    .unwrap_or_default();
                Some(BoardEntry {
                    minutes: self.document_ref(doc),
                    committee: CommitteeNames {
                        id: m.committee.clone(),
                        names,
                    },
                    meeting: rfc3339(&m.meeting.start),
                    approved: m.approved.map(|d| d.to_string()),
                    posted: e.posted.to_string(),
                    appeal_until: e.appeal_until.to_string(),
                    kept_at: m.kept_at.clone(),
                })
            })
            .collect();
        NoticeBoardFile {
            schema: self.schema_url("notice-board"),
            generated_at: rfc3339(&self.site.now),
            appeal_days: self.site.config.site.minutes.appeal_days,
            entries,
        }
    }

    fn alerts(&self) -> AlertsFile {
        let alerts = self
            .site
            .crisis
            .iter()
            .filter_map(|&i| {
                let doc = &self.site.documents[i];
                let primary = doc.primary(self.default_lang());
                let n = primary.notice()?;
                Some(Alert {
                    slug: doc.slug.clone(),
                    urgency: urgency(n.urgency),
                    date: rfc3339(&primary.date),
                    updated: primary.updated.as_ref().map(rfc3339),
                    expires: n.expires.as_ref().map(rfc3339),
                    lang: primary.lang.clone(),
                    languages: doc
                        .translations
                        .iter()
                        .map(|t| AlertVersion {
                            lang: t.lang.clone(),
                            dir: self.dir_of(&t.lang),
                            title: t.title.clone(),
                            summary: t.summary.clone(),
                            instruction: t.notice().and_then(|n| n.instruction.clone()),
                            api: self.api_url(&doc_path(doc.kind, &doc.slug, &t.lang)),
                            url: self.abs(&doc.url(&t.lang)),
                        })
                        .collect(),
                })
            })
            .collect();
        AlertsFile {
            schema: self.schema_url("alerts"),
            generated_at: rfc3339(&self.site.now),
            alerts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_relative_links_become_absolute() {
        let html = r##"<p><a href="/files/a.pdf">a</a> <a href="//cdn.example/x">b</a> <a href="#p1">c</a> <img src="/files/b.png" alt=""> href="/text" <span title="a > b" data-x=" href=/y">x</span></p>"##;
        assert_eq!(
            absolute_links(html, "https://x.example"),
            r##"<p><a href="https://x.example/files/a.pdf">a</a> <a href="//cdn.example/x">b</a> <a href="#p1">c</a> <img src="https://x.example/files/b.png" alt=""> href="/text" <span title="a > b" data-x=" href=/y">x</span></p>"##
        );
    }
}
