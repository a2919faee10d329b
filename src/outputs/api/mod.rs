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
//! File is deterministic: struct members in declaration order, maps sorted by key, lists in
//! the model's order, and no time but the build's `site.now`, so two builds of the same content
//! for the same `--now` are byte-identical.
//!
//! Confidentiality: the text comes only from `Translation::public_markdown` and the rendered
//! HTML of the model, where closed agenda items were already reduced to their heading and the
//! files linked only from them withheld. Nothing here reads source files.

pub mod schema;
pub mod types;

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{self, Direction, Topic};
use crate::content::document::{self, Document, Extra, Kind, Translation};
use crate::content::visibility::alert_listed;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::plain_text::absolute_links;
use crate::site::{Site, is_active, urls};
use crate::write::{File, FileData};
use types::*;

pub use crate::site::urls::API_VERSION;

/// The kinds of file the API has, each with its JSON Schema at `api/v1/schema/{name}.json`.
pub const SCHEMAS: [&str; 5] = ["index", "document", "list", "notice-board", "alerts"];

/// Renders every file of the API.
pub fn render(site: &Site, i18n: &I18n) -> Result<Vec<File>, Diagnostics> {
    let sink = crate::write::Collect::default();
    render_changed(site, i18n, &mut Cache::default(), 0, &sink)?;
    Ok(sink.into_outputs())
}

/// What the API's files were rendered from, kept between rebuilds (`anslag serve`): each file's
/// fingerprint, and each document's summary in each language as it appears in the lists.
#[derive(Default)]
pub struct Cache {
    files: HashMap<String, u64>,
    /// Per document (by [`doc_key`]): the state it was summarised at and, per language of
    /// the site in order, a hash of its summary and the pretty JSON indented for a list.
    summaries: HashMap<u64, (u64, Summaries)>,
}

/// A document's summaries, one per language of the site: a hash of each and its JSON.
type Summaries = Vec<(u64, Arc<str>)>;

/// A document's identity as a number (kind and slug), for the cache.
fn doc_key(d: &Document) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (d.kind, &d.slug).hash(&mut h);
    h.finish()
}

/// A file of the API to render.
enum Job<'a> {
    Index,
    NoticeBoard,
    Alerts,
    Schema(&'static str),
    KindList(&'a str, Kind),
    TopicList(&'a str, &'a Topic),
    /// A document (and its index in `site.documents`) in one language.
    Document(usize, &'a Document, &'a Translation),
}

/// Renders the files of the API whose inputs changed since the last rendering with `cache`
/// (all of them with an empty cache), handing each to `sink`; returns the paths of every file
/// of the API. `global` changes with the configuration.
pub fn render_changed(
    site: &Site,
    i18n: &I18n,
    cache: &mut Cache,
    global: u64,
    sink: &dyn crate::write::Sink,
) -> Result<Vec<String>, Diagnostics> {
    let api = Api { site, i18n };
    let jobs = jobs(site);
    let states: Vec<u64> = site
        .documents
        .par_iter()
        .map(|d| doc_state(site, d) ^ global)
        .collect();
    api.summarise_changed(cache, &states).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(
            urls::api_dir().trim_matches('/').to_owned(),
            format!("cannot write the JSON API: {e}"),
        )])
    })?;
    let lists = Lists::of(site, &cache.summaries);
    let planned: Vec<(String, u64)> = jobs
        .par_iter()
        .map(|job| api.plan(job, &states, &lists.summaries, global))
        .collect();
    let todo: Vec<usize> = (0..jobs.len())
        .filter(|&i| cache.files.get(&planned[i].0) != Some(&planned[i].1))
        .collect();
    let errs = api.write(&jobs, &planned, &todo, &lists, sink);
    if !errs.is_empty() {
        return Err(Diagnostics(errs));
    }
    let paths = planned
        .iter()
        .map(|(url, _)| urls::output_path(url))
        .collect();
    cache.files = planned.into_iter().collect();
    Ok(paths)
}

/// The documents' summaries as the lists show them, from which the lists are spliced.
struct Lists<'a> {
    /// The site's languages, in order: the summaries of a document are in this order.
    langs: Vec<&'a str>,
    /// Per document, in the site's order: its summaries (empty if it has none).
    summaries: Vec<&'a [(u64, Arc<str>)]>,
}

impl<'a> Lists<'a> {
    fn of(site: &'a Site, summaries: &'a HashMap<u64, (u64, Summaries)>) -> Lists<'a> {
        Lists {
            langs: site.config.language_codes().collect(),
            summaries: site
                .documents
                .iter()
                .map(|d| {
                    summaries
                        .get(&doc_key(d))
                        .map_or(&[][..], |(_, v)| v.as_slice())
                })
                .collect(),
        }
    }

    /// The JSON of the documents `idx` in a list for a reader of `lang`.
    fn fragments(&self, lang: &str, idx: Option<&Vec<usize>>) -> Vec<Arc<str>> {
        let Some(l) = self.langs.iter().position(|x| *x == lang) else {
            return Vec::new();
        };
        idx.into_iter()
            .flatten()
            .filter_map(|&d| self.summaries[d].get(l).map(|(_, j)| j.clone()))
            .collect()
    }
}

/// What a document's files show besides its own text: whether each notice is in force now.
fn doc_state(site: &Site, doc: &Document) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (doc.kind, &doc.slug, doc.generation).hash(&mut h);
    for t in &doc.translations {
        if let Some(n) = t.notice() {
            is_active(t.date, n.expires, n.ended, site.now).hash(&mut h);
        }
    }
    h.finish()
}

/// A summary as an element of a list's `documents`, indented as `serde_json` pretty-prints it
/// there.
fn list_item(summary: &Summary) -> Result<Arc<str>, serde_json::Error> {
    let text = serde_json::to_string_pretty(summary)?;
    Ok(text.replace('\n', "\n    ").into())
}

/// A list file with its documents spliced in from [`list_item`]s: the same bytes as
/// [`json`] of the whole list (`documents` is the last member).
fn list_json(list: &ListFile, items: &[Arc<str>]) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(list)?;
    const EMPTY_END: &[u8] = b"[]\n}";
    if items.is_empty() || !bytes.ends_with(EMPTY_END) {
        bytes.push(b'\n');
        return Ok(bytes);
    }
    bytes.truncate(bytes.len() - EMPTY_END.len());
    bytes.reserve(items.iter().map(|i| i.len() + 6).sum::<usize>() + 8);
    bytes.push(b'[');
    for (n, item) in items.iter().enumerate() {
        bytes.extend_from_slice(if n == 0 { b"\n    " } else { b",\n    " });
        bytes.extend_from_slice(item.as_bytes());
    }
    bytes.extend_from_slice(b"\n  ]\n}\n");
    Ok(bytes)
}

/// Pretty-printed JSON with a final newline.
fn json<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
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

/// Where the document's text in `lang` stands against its source; `None` for the source.
fn translation_state(doc: &Document, lang: &str, default_lang: &str) -> Option<TranslationState> {
    use crate::content::translation::{Status, status};
    let (source, status, changed) = match status(doc, lang, default_lang) {
        Status::UpToDate { source } => (source, TranslationStatus::UpToDate, None),
        Status::Untracked { source } => (source, TranslationStatus::Untracked, None),
        Status::Stale {
            source,
            source_changed,
            ..
        } => (
            source,
            TranslationStatus::Stale,
            Some(rfc3339(&source_changed)),
        ),
        Status::Source | Status::Missing => return None,
    };
    Some(TranslationState {
        source,
        status,
        source_changed: changed,
    })
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
    /// Summarises again, in every language, the documents whose state (in `states`, in the
    /// site's order) changed since `cache` was filled, and forgets the documents that are gone.
    /// Every document appears in the lists of every language: its summaries are made once per
    /// change of the document, and the lists are spliced from them.
    fn summarise_changed(
        &self,
        cache: &mut Cache,
        states: &[u64],
    ) -> Result<(), serde_json::Error> {
        let site = self.site;
        let langs: Vec<&str> = site.config.language_codes().collect();
        let fresh: Vec<(u64, (u64, Summaries))> = site
            .documents
            .par_iter()
            .zip(states)
            .map(|(d, &state)| (doc_key(d), state, d))
            .filter(|(key, state, _)| cache.summaries.get(key).is_none_or(|(s, _)| s != state))
            .map(|(key, state, d)| {
                let items = langs
                    .iter()
                    .map(|lang| {
                        let json = list_item(&self.summary(lang, d))?;
                        let mut h = std::collections::hash_map::DefaultHasher::new();
                        json.hash(&mut h);
                        Ok((h.finish(), json))
                    })
                    .collect::<Result<Vec<_>, serde_json::Error>>()?;
                Ok((key, (state, items)))
            })
            .collect::<Result<Vec<_>, serde_json::Error>>()?;
        cache.summaries.extend(fresh);
        if cache.summaries.len() > site.documents.len() {
            let live: std::collections::HashSet<u64> =
                site.documents.iter().map(|d| doc_key(d)).collect();
            cache.summaries.retain(|k, _| live.contains(k));
        }
        Ok(())
    }

    /// Writes the files of the jobs `todo` (positions in `jobs` and in `planned`, their site
    /// paths and fingerprints) into `sink`, in parallel; returns what failed.
    fn write(
        &self,
        jobs: &[Job<'_>],
        planned: &[(String, u64)],
        todo: &[usize],
        lists: &Lists<'_>,
        sink: &dyn crate::write::Sink,
    ) -> Vec<Diagnostic> {
        let schemas = schema::all(|n| self.schema_url(n));
        todo.par_iter()
            .filter_map(|&i| {
                let bytes = self.file(&jobs[i], lists, &schemas)?;
                let path = urls::output_path(&planned[i].0);
                let result = bytes.map_err(|e| e.to_string()).and_then(|b| {
                    sink.put(File {
                        path: path.clone(),
                        data: FileData::Bytes(b),
                    })
                    .map_err(|e| e.to_string())
                });
                result.err().map(|e| {
                    Diagnostic::error(path, format!("cannot write the JSON API file: {e}"))
                })
            })
            .collect()
    }

    /// The bytes of a job's file; `None` for a schema [`schema::all`] does not have.
    fn file(
        &self,
        job: &Job<'_>,
        lists: &Lists<'_>,
        schemas: &[(&'static str, schemars::Schema)],
    ) -> Option<Result<Vec<u8>, serde_json::Error>> {
        let site = self.site;
        Some(match job {
            Job::Index => json(&self.index()),
            Job::NoticeBoard => json(&self.notice_board()),
            Job::Alerts => json(&self.alerts()),
            Job::Schema(name) => json(&schemas.iter().find(|(n, _)| n == name)?.1),
            Job::KindList(lang, kind) => {
                let list = self.kind_list(lang, *kind);
                list_json(&list, &lists.fragments(lang, site.by_kind.get(kind)))
            }
            Job::TopicList(lang, topic) => {
                let list = self.topic_list(lang, topic);
                list_json(&list, &lists.fragments(lang, site.by_topic.get(topic.id())))
            }
            Job::Document(_, doc, t) => json(&self.document(doc, t)),
        })
    }

    /// The site path of a job's file and the fingerprint of what it shows. A list's fingerprint is that of its documents'
    /// summaries, so an edit that leaves the summary as it was leaves the lists alone.
    fn plan(
        &self,
        job: &Job<'_>,
        states: &[u64],
        summaries: &[&[(u64, Arc<str>)]],
        global: u64,
    ) -> (String, u64) {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        global.hash(&mut h);
        let docs = |h: &mut std::collections::hash_map::DefaultHasher,
                    lang: &str,
                    idx: Option<&Vec<usize>>| {
            let l = self.site.config.language_codes().position(|x| x == lang);
            for &i in idx.into_iter().flatten() {
                match l.and_then(|l| summaries[i].get(l)) {
                    Some((fp, _)) => fp.hash(h),
                    None => states[i].hash(h),
                }
            }
        };
        match job {
            // These carry the build's moment (`generated_at`): always rendered.
            Job::Index | Job::NoticeBoard | Job::Alerts => self.site.now.hash(&mut h),
            Job::Schema(_) => {}
            Job::KindList(lang, kind) => docs(&mut h, lang, self.site.by_kind.get(kind)),
            Job::TopicList(lang, topic) => docs(&mut h, lang, self.site.by_topic.get(topic.id())),
            Job::Document(i, _, _) => states[*i].hash(&mut h),
        }
        let path = job_path(job);
        path.hash(&mut h);
        (path, h.finish())
    }

    fn default_lang(&self) -> &str {
        self.site.default_language()
    }

    /// Absolute URL of a site path.
    fn abs(&self, path: &str) -> String {
        urls::absolute(&self.site.config, path)
    }

    fn image_file(&self, f: &document::ImageFile) -> ImageFile {
        ImageFile {
            url: self.abs(&f.url),
            mime: f.mime.clone(),
            size: f.size,
            width: f.width,
            height: f.height,
        }
    }

    fn schema_url(&self, name: &str) -> String {
        self.abs(&urls::api_schema(name))
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
                api: self.abs(&urls::api_document(doc.kind, &doc.slug, &t.lang)),
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
                api: self.abs(&urls::api_document(doc.kind, &doc.slug, &t.lang)),
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
                url: self.abs(&urls::home(l.code())),
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
            .map(|lang| (lang.to_owned(), self.language_lists(lang)))
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
                this: self.abs(&urls::api_index()),
                schemas: SchemaLinks {
                    index: self.schema_url("index"),
                    document: self.schema_url("document"),
                    list: self.schema_url("list"),
                    notice_board: self.schema_url("notice-board"),
                    alerts: self.schema_url("alerts"),
                },
                notice_board: self.abs(&urls::api_notice_board()),
                alerts: self.abs(&urls::api_alerts()),
                lists,
            },
        }
    }

    /// The addresses of the lists for a reader of `lang`.
    fn language_lists(&self, lang: &str) -> LanguageLists {
        let (mut topics, mut committees) = (BTreeMap::new(), BTreeMap::new());
        for t in &self.site.config.site.topics {
            let url = self.abs(&urls::api_topic_list(lang, t.id(), t.kind));
            if t.kind == config::TopicKind::Committee {
                committees.insert(t.id().to_owned(), url);
            } else {
                topics.insert(t.id().to_owned(), url);
            }
        }
        LanguageLists {
            press: self.abs(&urls::api_kind_list(lang, Kind::Press)),
            minutes: self.abs(&urls::api_kind_list(lang, Kind::Minutes)),
            notices: self.abs(&urls::api_kind_list(lang, Kind::Notices)),
            topics,
            committees,
        }
    }

    fn topic_ref(&self, lang: &str, t: &Topic) -> TopicRef {
        TopicRef {
            id: t.id().to_owned(),
            kind: topic_kind(t.kind),
            name: t.name.get(lang, self.default_lang()).to_owned(),
            api: self.abs(&urls::api_topic_list(lang, t.id(), t.kind)),
            url: self.abs(&urls::topic(lang, t.id(), t.kind)),
        }
    }

    fn document(&self, doc: &Document, t: &Translation) -> DocumentFile {
        let lang = t.lang.as_str();
        let cfg = &self.site.config;
        let page = doc.url(lang);
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
            api: self.abs(&urls::api_document(doc.kind, &doc.slug, lang)),
            draft: t.draft,
            embargoed: t.embargoed,
            withdrawn: t
                .withdrawal
                .as_ref()
                .filter(|_| t.withdrawn)
                .map(|w| Withdrawn {
                    date: rfc3339(&w.date),
                    reason: w.reason.clone(),
                }),
            // Only ever the public text: closed agenda items are reduced to their heading.
            markdown: t.public_markdown.to_string(),
            html: absolute_links(&t.body_html, &cfg.base_url, &self.abs(&page)),
            translations: self.versions(doc),
            translation: translation_state(doc, lang, self.default_lang()),
            details: self.details(doc, t, &page),
        }
    }

    /// What a document's kind adds: a press release's contacts, a notice's urgency and dates,
    /// a meeting's minutes. `page` is the document's site path in `t`'s language.
    fn details(&self, doc: &Document, t: &Translation, page: &str) -> Details {
        match &t.extra {
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
                image: t
                    .image
                    .as_ref()
                    .filter(|_| !t.withdrawn)
                    .map(|im| PressImage {
                        alt: im.alt.clone(),
                        credit: im.credit.clone(),
                        licence: im.licence.clone(),
                        original: self.image_file(&im.original),
                        share: self.image_file(&im.share),
                    }),
            },
            Extra::Notices(n) => Details::Notices(NoticeDetails {
                urgency: urgency(n.urgency),
                expires: n.expires.as_ref().map(rfc3339),
                ended: n.ended.as_ref().map(rfc3339),
                instruction: n.instruction.clone(),
                active: is_active(t.date, n.expires, n.ended, self.site.now),
            }),
            Extra::Minutes(m) => Details::Minutes(Box::new(self.minutes(doc, &t.lang, page, m))),
        }
    }

    fn minutes(
        &self,
        doc: &Document,
        lang: &str,
        page: &str,
        m: &document::MinutesInfo,
    ) -> MinutesDetails {
        MinutesDetails {
            committee: self.committee_ref(lang, &m.committee),
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
            agenda_items: m
                .items
                .iter()
                .map(|it| self.agenda_item(doc, page, it))
                .collect(),
            attachments: doc.attachments.iter().map(|a| self.attachment(a)).collect(),
        }
    }

    /// The committee that met, also when the configuration no longer has it (its id is then
    /// its name).
    fn committee_ref(&self, lang: &str, id: &str) -> CommitteeRef {
        match self.site.config.topic(id) {
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
                id: id.to_owned(),
                name: id.to_owned(),
                api: self.abs(&urls::api_topic_list(
                    lang,
                    id,
                    config::TopicKind::Committee,
                )),
                url: self.abs(&urls::topic(lang, id, config::TopicKind::Committee)),
            },
        }
    }

    /// An agenda item; a closed one shows only its heading.
    fn agenda_item(&self, doc: &Document, page: &str, it: &document::AgendaItem) -> AgendaItem {
        let base_url = &self.site.config.base_url;
        let page_url = self.abs(page);
        AgendaItem {
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
                    .map(|h| absolute_links(h, base_url, &page_url))
            },
            body_html: if it.closed {
                String::new()
            } else {
                absolute_links(&it.body_html, base_url, &page_url)
            },
            url: self.abs(&urls::anchor(page, &it.id)),
            attachments: if it.closed {
                Vec::new()
            } else {
                it.attachments
                    .iter()
                    .filter_map(|n| doc.attachments.iter().find(|a| &a.name == n))
                    .map(|a| self.attachment(a))
                    .collect()
            },
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
            api: self.abs(&urls::api_document(doc.kind, &doc.slug, &t.lang)),
            languages: self.versions(doc),
            urgency: notice.map(|n| urgency(n.urgency)),
            active: notice.map(|n| is_active(t.date, n.expires, n.ended, self.site.now)),
            draft: t.draft,
            embargoed: t.embargoed,
        }
    }

    /// A kind's list without its documents, which [`list_json`] splices in.
    fn kind_list(&self, lang: &str, kind: Kind) -> ListFile {
        let idx = self.site.by_kind.get(&kind).map_or(&[][..], Vec::as_slice);
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
            url: self.abs(&urls::kind_list(lang, kind, 1)),
            api: self.abs(&urls::api_kind_list(lang, kind)),
            count: idx.len(),
            documents: Vec::new(),
        }
    }

    /// A topic's list without its documents, which [`list_json`] splices in.
    fn topic_list(&self, lang: &str, topic: &Topic) -> ListFile {
        let idx = self
            .site
            .by_topic
            .get(topic.id())
            .map_or(&[][..], Vec::as_slice);
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
            url: self.abs(&urls::topic(lang, topic.id(), topic.kind)),
            api: self.abs(&urls::api_topic_list(lang, topic.id(), topic.kind)),
            count: idx.len(),
            documents: Vec::new(),
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

    /// The crisis notices in force, and for a day those ended early or withdrawn (see
    /// `visibility::alert_listed`).
    fn alerts(&self) -> AlertsFile {
        let now = self.site.now;
        let alerts = self
            .site
            .documents
            .iter()
            .filter(|d| d.kind == Kind::Notices)
            .filter_map(|doc| {
                let primary = doc.primary(self.default_lang());
                let n = primary.notice()?;
                let listed = n.urgency == document::Urgency::Crisis
                    && !primary.draft
                    && !primary.embargoed
                    && alert_listed(primary.date, n.expires, n.ended, now);
                if !listed {
                    return None;
                }
                Some(Alert {
                    slug: doc.slug.clone(),
                    urgency: urgency(n.urgency),
                    date: rfc3339(&primary.date),
                    updated: primary.updated.as_ref().map(rfc3339),
                    expires: n.expires.as_ref().map(rfc3339),
                    ended: n.ended.filter(|e| *e <= now).as_ref().map(rfc3339),
                    active: is_active(primary.date, n.expires, n.ended, now),
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
                            api: self.abs(&urls::api_document(doc.kind, &doc.slug, &t.lang)),
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

/// A job's file, as a site path.
fn job_path(job: &Job<'_>) -> String {
    match job {
        Job::Index => urls::api_index(),
        Job::NoticeBoard => urls::api_notice_board(),
        Job::Alerts => urls::api_alerts(),
        Job::Schema(name) => urls::api_schema(name),
        Job::KindList(lang, kind) => urls::api_kind_list(lang, *kind),
        Job::TopicList(lang, topic) => urls::api_topic_list(lang, topic.id(), topic.kind),
        Job::Document(_, doc, t) => urls::api_document(doc.kind, &doc.slug, &t.lang),
    }
}

/// Every file of the API, as a job each.
fn jobs(site: &Site) -> Vec<Job<'_>> {
    let mut jobs: Vec<Job<'_>> = vec![Job::Index, Job::NoticeBoard, Job::Alerts];
    jobs.extend(SCHEMAS.iter().map(|n| Job::Schema(n)));
    for lang in site.config.language_codes() {
        jobs.extend(Kind::ALL.iter().map(|k| Job::KindList(lang, *k)));
        jobs.extend(
            site.config
                .site
                .topics
                .iter()
                .map(|t| Job::TopicList(lang, t)),
        );
    }
    for (i, doc) in site.documents.iter().enumerate() {
        jobs.extend(doc.translations.iter().map(|t| Job::Document(i, doc, t)));
    }
    jobs
}

/// The JSON API, with the fingerprint of each file's inputs and each document's summaries:
/// a rebuild writes only the files that changed.
#[derive(Default)]
pub struct ApiFiles {
    cache: Cache,
}

impl super::Output for ApiFiles {
    fn name(&self) -> &'static str {
        "api"
    }

    fn plan(&mut self, cx: &super::Context<'_>) -> Result<Vec<String>, Diagnostics> {
        Ok(jobs(cx.site)
            .iter()
            .map(|job| urls::output_path(&job_path(job)))
            .collect())
    }

    fn render(
        &mut self,
        cx: &super::Context<'_>,
        sink: &dyn crate::write::Sink,
    ) -> Result<(), Diagnostics> {
        let mut cache = std::mem::take(&mut self.cache);
        let result = render_changed(cx.site, cx.i18n, &mut cache, cx.generation, sink);
        // Kept only after a good rendering: after a failure every file is written again.
        if result.is_ok() {
            self.cache = cache;
        }
        result.map(|_| ())
    }

    fn forget(&mut self) {
        self.cache = Cache::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spliced_lists_are_what_serde_writes() {
        let summary = |slug: &str| Summary {
            kind: DocKind::Press,
            slug: slug.into(),
            lang: "sv".into(),
            dir: Dir::Ltr,
            translated: true,
            title: "Rubrik \"citerad\"\nrad".into(),
            summary: "Sammanfattning".into(),
            date: "2026-11-22T08:00:00+01:00".into(),
            updated: None,
            url: "https://x.example/sv/press/a/".into(),
            api: "https://x.example/api/v1/documents/press/a/sv.json".into(),
            languages: vec![Version {
                lang: "sv".into(),
                api: "https://x.example/api/v1/documents/press/a/sv.json".into(),
                url: "https://x.example/sv/press/a/".into(),
            }],
            urgency: None,
            active: None,
            draft: false,
            embargoed: false,
        };
        for n in [0, 1, 3] {
            let documents: Vec<Summary> = (0..n).map(|i| summary(&format!("s{i}"))).collect();
            let mut list = ListFile {
                schema: "https://x.example/api/v1/schema/list.json".into(),
                lang: "sv".into(),
                list: ListKind::Press,
                id: None,
                title: "Press".into(),
                url: "https://x.example/sv/press/".into(),
                api: "https://x.example/api/v1/sv/press.json".into(),
                count: n,
                documents,
            };
            let whole = json(&list).unwrap();
            let items: Vec<Arc<str>> = list
                .documents
                .iter()
                .map(|s| list_item(s).unwrap())
                .collect();
            list.documents.clear();
            assert_eq!(
                String::from_utf8(list_json(&list, &items).unwrap()).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }
}
