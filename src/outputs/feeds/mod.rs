//! Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 per language, for everything, per kind, per topic
//! and per committee. Items carry the full content (closed agenda items only as their label),
//! topics as categories, and links to the document's translations. Active crisis notices come
//! first. XML is written by the `rss` and `atom_syndication` crates.

mod atom;
mod json;
mod rss;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::config::{FeedContent, TopicKind};
use crate::content::document::{Document, Kind, Translation};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::site::Site;
use crate::site::urls::{self, Feed};
use crate::write::{File, FileData};

/// What a feed covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Kind(Kind),
    Topic(String),
}

/// The three formats, each with its file, media type and name.
pub const FORMATS: [(Feed, &str, &str); 3] = [
    (Feed::Rss, "application/rss+xml", "RSS"),
    (Feed::Atom, "application/atom+xml", "Atom"),
    (Feed::Json, "application/feed+json", "JSON Feed"),
];

/// The formats the site writes (`outputs.feeds`).
fn formats(site: &Site) -> impl Iterator<Item = &'static (Feed, &'static str, &'static str)> {
    let f = &site.config.site.outputs.feeds;
    let on = [f.rss, f.atom, f.json];
    FORMATS.iter().zip(on).filter(|(_, on)| *on).map(|(x, _)| x)
}

/// Whether the site has feeds of this scope (`outputs.feeds.kinds`, `.topics`).
fn has_scope(site: &Site, scope: &Scope) -> bool {
    let f = &site.config.site.outputs.feeds;
    match scope {
        Scope::All => true,
        Scope::Kind(_) => f.kinds,
        Scope::Topic(_) => f.topics,
    }
}

/// A feed for `<link rel="alternate">` on an HTML page and in the footer.
#[derive(Debug, Clone, Serialize)]
pub struct FeedLink {
    pub url: String,
    pub mime: &'static str,
    pub format: &'static str,
    pub title: String,
}

/// The folder of a scope's feeds and of its HTML page (`/sv/`, `/sv/press/`, `/sv/topics/x/`).
pub fn scope_dir(site: &Site, lang: &str, scope: &Scope) -> String {
    match scope {
        Scope::All => urls::home(lang),
        Scope::Kind(k) => urls::kind_list(lang, *k, 1),
        Scope::Topic(id) => {
            let kind = site.config.topic(id).map_or(TopicKind::Subject, |t| t.kind);
            urls::topic(lang, id, kind)
        }
    }
}

fn scope_title(site: &Site, i18n: &I18n, lang: &str, scope: &Scope) -> String {
    let site_title = site.config.site.title.get(lang, site.default_language());
    match scope {
        Scope::All => site_title.to_owned(),
        Scope::Kind(k) => format!(
            "{site_title}: {}",
            i18n.t(lang, &format!("nav-{}", k.dir()), None)
        ),
        Scope::Topic(id) => {
            let name = site
                .config
                .topic(id)
                .map_or(id.as_str(), |t| t.name.get(lang, site.default_language()));
            format!("{site_title}: {name}")
        }
    }
}

/// The feeds of a scope in a language, for autodiscovery links.
pub fn feed_links(site: &Site, i18n: &I18n, lang: &str, scope: &Scope) -> Vec<FeedLink> {
    if !has_scope(site, scope) {
        return Vec::new();
    }
    let dir = scope_dir(site, lang, scope);
    let title = scope_title(site, i18n, lang, scope);
    formats(site)
        .map(|(file, mime, format)| FeedLink {
            url: urls::feed(&dir, *file),
            mime,
            format,
            title: format!("{title} ({format})"),
        })
        .collect()
}

/// One item of a feed: a document in the reader's language, or its primary translation.
pub struct FeedItem<'a> {
    pub doc: &'a Document,
    pub t: &'a Translation,
    /// The translation's title and summary; once withdrawn, marked so and the notice.
    pub title: String,
    pub summary: String,
    /// Absolute URL of the item's page (its id, too: stable across builds).
    pub url: String,
    pub content_html: String,
    pub categories: Vec<String>,
    /// Every translation: (language, absolute URL).
    pub translations: Vec<(String, String)>,
    pub date: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    /// A press release's photo (its widest size in its own format): the enclosure.
    pub image: Option<Enclosure>,
}

/// A file an item carries: absolute URL, type and size in bytes.
pub struct Enclosure {
    pub url: String,
    pub mime: String,
    pub size: u64,
}

/// A link to an item's page in `lang`, as Atom entries and RSS items (through the Atom
/// extension) carry it.
pub fn alternate(lang: &str, url: &str) -> atom_syndication::Link {
    atom_syndication::Link {
        href: url.to_owned(),
        rel: "alternate".into(),
        hreflang: Some(lang.to_owned()),
        mime_type: Some("text/html".into()),
        ..Default::default()
    }
}

/// A feed, ready to be written in each format.
pub struct FeedData<'a> {
    pub lang: String,
    pub title: String,
    /// Absolute URL of the HTML page of the scope.
    pub home: String,
    /// Absolute URL of the feed folder; each format appends its file name.
    pub base: String,
    pub description: String,
    pub author: String,
    pub updated: DateTime<FixedOffset>,
    pub items: Vec<FeedItem<'a>>,
}

/// Each feed's documents in the site's order: the lists' documents and, so that readers
/// polling the feed see them go, those withdrawn (marked as such, see [`feed_item`]).
fn scopes(site: &Site) -> Vec<(Scope, Vec<usize>)> {
    let default = site.default_language();
    let with_withdrawn = |idx: &[usize], belongs: &dyn Fn(&Document) -> bool| {
        let mut v: Vec<usize> = idx.to_vec();
        v.extend(
            site.withdrawn
                .iter()
                .filter(|&&i| belongs(&site.documents[i])),
        );
        v.sort_unstable();
        v
    };
    let mut v = vec![(Scope::All, (0..site.documents.len()).collect())];
    for (k, idx) in &site.by_kind {
        v.push((Scope::Kind(*k), with_withdrawn(idx, &|d| d.kind == *k)));
    }
    for (id, idx) in &site.by_topic {
        let in_topic = |d: &Document| crate::site::topics_of(d, default).contains(&id.as_str());
        v.push((Scope::Topic(id.clone()), with_withdrawn(idx, &in_topic)));
    }
    v.retain(|(scope, _)| has_scope(site, scope));
    v
}

/// The documents of a feed, in order: active crisis notices first, then newest first (the
/// site's order), at most `outputs.feeds.items`; as indexes into `site.documents`.
fn feed_docs(site: &Site, idx: &[usize]) -> Vec<usize> {
    let crisis = |i: &usize| site.crisis.contains(i);
    idx.iter()
        .filter(|i| crisis(i))
        .chain(idx.iter().filter(|i| !crisis(i)))
        .take(site.config.site.outputs.feeds.items)
        .copied()
        .collect()
}

/// One document as an item of a feed in `lang`: in that language, or its primary one.
fn feed_item<'a>(
    site: &'a Site,
    i18n: &I18n,
    lang: &str,
    doc: &'a Document,
    with_content: bool,
) -> FeedItem<'a> {
    let default = site.default_language();
    let t = doc.for_reader(lang, default);
    let categories = t
        .topics
        .iter()
        .chain(t.minutes().map(|m| &m.committee))
        .filter_map(|id| site.config.topic(id))
        .map(|tp| tp.name.get(lang, default).to_owned())
        .collect();
    let withdrawn = t.withdrawal.as_ref().filter(|_| t.withdrawn);
    let notice = withdrawn.map(|w| {
        let args = crate::i18n::args([
            ("date", i18n.date_time(&t.lang, &w.date).into()),
            ("reason", w.reason.clone().into()),
        ]);
        i18n.t(&t.lang, "withdrawn-notice", Some(&args))
    });
    let title = match withdrawn {
        Some(_) => {
            let args = crate::i18n::args([("title", t.title.clone().into())]);
            i18n.t(&t.lang, "withdrawn-title", Some(&args))
        }
        None => t.title.clone(),
    };
    FeedItem {
        doc,
        t,
        title,
        summary: notice.clone().unwrap_or_else(|| t.summary.clone()),
        url: urls::absolute(&site.config, &doc.url(&t.lang)),
        content_html: if !with_content {
            String::new()
        } else if let Some(n) = &notice {
            format!("<p><strong>{}</strong></p>", html_escape::encode_text(n))
        } else {
            stale_html(site, i18n, t, doc)
                + &match site.config.site.outputs.feeds.content {
                    // A reader shows the item off the site: every link absolute, footnotes on the page.
                    FeedContent::Full => crate::plain_text::absolute_links(
                        &crate::theme::document::content_html(
                            i18n,
                            t,
                            crate::theme::views::is_rtl(site, &t.lang),
                        ),
                        &site.config.base_url,
                        &urls::absolute(&site.config, &doc.url(&t.lang)),
                    ),
                    FeedContent::Summary => format!(
                        "<p>{}</p>",
                        crate::theme::views::text_html(site, &t.lang, &t.summary)
                    ),
                }
        },
        categories,
        translations: doc
            .translations
            .iter()
            .map(|x| {
                (
                    x.lang.clone(),
                    urls::absolute(&site.config, &doc.url(&x.lang)),
                )
            })
            .collect(),
        date: t.date.fixed_offset(),
        updated: item_updated(t).fixed_offset(),
        image: t
            .image
            .as_ref()
            .filter(|_| withdrawn.is_none())
            .map(|im| Enclosure {
                url: urls::absolute(&site.config, &im.share.url),
                mime: im.share.mime.clone(),
                size: im.share.size,
            }),
    }
}

/// A stale translation's notice (see `theme::views::stale_view`) as the item's first
/// paragraph, linking to the source; empty for any other.
fn stale_html(site: &Site, i18n: &I18n, t: &Translation, doc: &Document) -> String {
    let Some(s) = crate::theme::views::stale_view(site, i18n, &t.lang, doc) else {
        return String::new();
    };
    format!(
        "<p><strong>{}</strong> <a href=\"{}\" hreflang=\"{}\">{}</a></p>",
        html_escape::encode_text(&s.text),
        html_escape::encode_double_quoted_attribute(&urls::absolute(&site.config, &s.source.url)),
        html_escape::encode_double_quoted_attribute(&s.source.code),
        html_escape::encode_text(&s.read),
    )
}

/// When a feed item last changed: at its withdrawal, else its last update, else its date.
fn item_updated(t: &Translation) -> DateTime<chrono_tz::Tz> {
    match &t.withdrawal {
        Some(w) if t.withdrawn => w.date,
        _ => t.updated.unwrap_or(t.date),
    }
}

/// A feed of `docs` (indexes into `site.documents`) in `lang`, with its items when `with_items`
/// (else only the feed itself, dated as with its items).
fn feed_data<'a>(
    site: &'a Site,
    i18n: &I18n,
    lang: &str,
    scope: &Scope,
    docs: &[usize],
    with_items: bool,
) -> FeedData<'a> {
    let default = site.default_language();
    let updated = docs
        .iter()
        .map(|&i| item_updated(site.documents[i].for_reader(lang, default)).fixed_offset())
        .max()
        .unwrap_or_else(|| site.now.fixed_offset());
    let items: Vec<FeedItem<'a>> = if with_items {
        docs.iter()
            .map(|&i| feed_item(site, i18n, lang, &site.documents[i], true))
            .collect()
    } else {
        Vec::new()
    };
    let dir = scope_dir(site, lang, scope);
    FeedData {
        lang: lang.to_owned(),
        title: scope_title(site, i18n, lang, scope),
        home: urls::absolute(&site.config, &dir),
        base: urls::absolute(&site.config, &dir),
        description: scope_title(site, i18n, lang, scope),
        author: site
            .config
            .site
            .organisation
            .name
            .get(lang, default)
            .to_owned(),
        updated,
        items,
    }
}

/// An item as each format writes it, made once per document and reader's language and spliced
/// into every feed that holds it (see [`Format::splice`]).
/// Each item is kept in two parts around its full text, which stays in [`Contents`] once for
/// all reader languages (only the parts are held per language).
struct Fragments<'a> {
    /// Per format (RSS, Atom, JSON): the item before and after its text.
    parts: [(Vec<u8>, Vec<u8>); 3],
    /// The text between the parts, as each format writes it (none: the item is whole).
    content: Option<&'a [Vec<u8>; 3]>,
}

impl Fragments<'_> {
    /// The item in `format`, as the pieces to write one after the other.
    fn pieces(&self, format: Format) -> [&[u8]; 3] {
        let i = format as usize;
        let (before, after) = &self.parts[i];
        let text = self.content.map_or(&[][..], |c| c[i].as_slice());
        [before, text, after]
    }
}

/// How each format's writer lays out its items, so that items written alone can be put
/// together into the same bytes as a feed written whole.
#[derive(Clone, Copy)]
enum Format {
    Rss,
    Atom,
    Json,
}

impl Format {
    fn write(self, feed: &FeedData<'_>) -> Result<Vec<u8>, String> {
        match self {
            Format::Rss => rss::write(feed),
            Format::Atom => atom::write(feed),
            Format::Json => json::write(feed),
        }
    }

    /// The item of a feed written with exactly one.
    fn item(self, one: &[u8]) -> Option<Vec<u8>> {
        let (open, close): (&[u8], &[u8]) = match self {
            Format::Rss => (b"<item>", b"</item>"),
            Format::Atom => (b"<entry>", b"</entry>"),
            Format::Json => (JSON_ITEMS, JSON_END),
        };
        let start = find(one, open)?
            + if matches!(self, Format::Json) {
                open.len()
            } else {
                0
            };
        let end = rfind(one, close)?
            + if matches!(self, Format::Json) {
                0
            } else {
                close.len()
            };
        (start < end).then(|| one[start..end].to_vec())
    }

    /// A feed written without items, with `items` put where the writer puts them.
    fn splice(self, mut shell: Vec<u8>, items: &[[&[u8]; 3]]) -> Option<Vec<u8>> {
        if items.is_empty() {
            return Some(shell);
        }
        let size: usize = items
            .iter()
            .map(|i| i.iter().map(|p| p.len()).sum::<usize>() + 8)
            .sum();
        match self {
            Format::Rss | Format::Atom => {
                let (before, sep): (&[u8], &[u8]) = match self {
                    Format::Rss => (b"\n </channel>", b"\n  "),
                    _ => (b"</feed>", b""),
                };
                let at = rfind(&shell, before)?;
                let tail = shell.split_off(at);
                shell.reserve(size + tail.len());
                for item in items {
                    shell.extend_from_slice(sep);
                    for piece in item {
                        shell.extend_from_slice(piece);
                    }
                }
                shell.extend_from_slice(&tail);
                Some(shell)
            }
            Format::Json => {
                const EMPTY: &[u8] = b"[]\n}";
                if !shell.ends_with(EMPTY) {
                    return None;
                }
                shell.truncate(shell.len() - EMPTY.len());
                shell.reserve(size + 8);
                shell.push(b'[');
                for (n, item) in items.iter().enumerate() {
                    shell.extend_from_slice(if n == 0 { b"\n    " } else { b",\n    " });
                    for piece in item {
                        shell.extend_from_slice(piece);
                    }
                }
                shell.extend_from_slice(JSON_END);
                Some(shell)
            }
        }
    }
}

/// Where the items of a JSON Feed start and end (`items` is its last member).
const JSON_ITEMS: &[u8] = b"\n  \"items\": [\n    ";
const JSON_END: &[u8] = b"\n  ]\n}";

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(hay, needle)
}

/// An item in each format, written as the only item of a feed and cut out of it. Its full
/// text comes from `contents`, written once per translation for the readers of every language
/// whose items hold it (a document in one language is in the feeds of all ten).
fn fragments<'c, 's>(
    site: &'s Site,
    i18n: &I18n,
    lang: &str,
    doc: usize,
    contents: &'c Contents<'s>,
) -> Option<Fragments<'c>> {
    let document = &site.documents[doc];
    let t = document.for_reader(lang, site.default_language());
    let content = contents.get(&(doc, t.lang.as_str()));
    let mut one = feed_data(site, i18n, lang, &Scope::All, &[], false);
    let mut item = feed_item(site, i18n, lang, document, content.is_none());
    if content.is_some() {
        item.content_html = CONTENT_MARK.to_owned();
    }
    one.items = vec![item];
    let cut = |f: Format| {
        let item = f.write(&one).ok().and_then(|b| f.item(&b))?;
        match content {
            None => Some((item, Vec::new())),
            Some(_) => split_once(&item, CONTENT_MARK.as_bytes()),
        }
    };
    Some(Fragments {
        parts: [cut(Format::Rss)?, cut(Format::Atom)?, cut(Format::Json)?],
        content,
    })
}

/// Stands for an item's full text while the item is written, to be replaced by the text as
/// the format writes it. Letters only, so that every format writes it as it is.
const CONTENT_MARK: &str = "ANSLAGFEEDCONTENTa7c3e9";
const CONTENT_START: &str = "ANSLAGFEEDSTARTb81f20";
const CONTENT_END: &str = "ANSLAGFEEDENDc4d5e6";

/// A translation's full text as RSS, Atom and JSON write it, by (document, language).
type Contents<'a> = std::collections::HashMap<(usize, &'a str), [Vec<u8>; 3]>;

/// The full text of `t` as each format writes it: what the writers put between two marks around
/// it (escaping works character by character, so the text's bytes do not depend on what is
/// around them). `None` when the marks could not be found (a text that holds them).
fn written_content(
    site: &Site,
    i18n: &I18n,
    doc: &Document,
    t: &Translation,
) -> Option<[Vec<u8>; 3]> {
    let mut one = feed_data(site, i18n, &t.lang, &Scope::All, &[], false);
    let mut item = feed_item(site, i18n, &t.lang, doc, true);
    if item.content_html.contains(CONTENT_START) || item.content_html.contains(CONTENT_END) {
        return None;
    }
    item.content_html = format!("{CONTENT_START}{}{CONTENT_END}", item.content_html);
    one.items = vec![item];
    let between = |f: Format| {
        let b = f.write(&one).ok()?;
        let start = find(&b, CONTENT_START.as_bytes())? + CONTENT_START.len();
        let end = rfind(&b, CONTENT_END.as_bytes())?;
        (start <= end).then(|| b[start..end].to_vec())
    };
    Some([
        between(Format::Rss)?,
        between(Format::Atom)?,
        between(Format::Json)?,
    ])
}

/// `bytes` before and after the one occurrence of `mark`; `None` unless it occurs once.
fn split_once(bytes: &[u8], mark: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let at = find(bytes, mark)?;
    if rfind(bytes, mark) != Some(at) {
        return None;
    }
    Some((bytes[..at].to_vec(), bytes[at + mark.len()..].to_vec()))
}

pub fn render(site: &Site, i18n: &I18n) -> Result<Vec<File>, Diagnostics> {
    let sink = crate::write::Collect::default();
    render_changed(site, i18n, None, 0, &sink)?;
    Ok(sink.into_outputs())
}

/// What a (possibly partial) rendering of the feeds produced; the files went to the sink.
pub struct RenderedFeeds {
    /// Every feed file, rendered this time or not.
    pub paths: Vec<String>,
    /// Fingerprint of each feed's inputs, for the next rebuild.
    pub fingerprints: std::collections::HashMap<String, u64>,
}

/// A feed to write: the documents of a scope, for readers of one language.
struct Job<'a> {
    lang: &'a str,
    scope: &'a Scope,
    /// The feed's documents, in order (see [`feed_docs`]).
    docs: &'a [usize],
    /// The feed's folder (a site path), which names it among the fingerprints.
    dir: String,
    /// What the feed shows, as a number.
    fingerprint: u64,
}

/// Renders the feeds whose documents changed since `previous` (all when `None`): after an edit,
/// only the feeds that hold the edited document. `global` changes with the configuration. Each
/// file goes to `sink` as soon as it is written.
pub fn render_changed(
    site: &Site,
    i18n: &I18n,
    previous: Option<&std::collections::HashMap<String, u64>>,
    global: u64,
    sink: &dyn crate::write::Sink,
) -> Result<RenderedFeeds, Diagnostics> {
    // The documents of each scope, the same in every language.
    let scopes: Vec<(Scope, Vec<usize>)> = scopes(site)
        .into_iter()
        .map(|(s, idx)| {
            let docs = feed_docs(site, &idx);
            (s, docs)
        })
        .collect();
    let jobs = jobs(site, &scopes, global);
    let todo: Vec<&Job<'_>> = jobs
        .iter()
        .filter(|j| previous.is_none_or(|p| p.get(&j.dir) != Some(&j.fingerprint)))
        .collect();
    let contents = contents(site, i18n, &todo);
    let mut errs = Diagnostics::default();
    // One language at a time, so that only its items are held.
    for lang in site.config.language_codes() {
        let todo: Vec<&Job<'_>> = todo.iter().copied().filter(|j| j.lang == lang).collect();
        errs.extend(render_feeds(site, i18n, &todo, &contents, sink));
    }
    if errs.has_errors() {
        return Err(errs);
    }
    let mut rendered = RenderedFeeds {
        paths: Vec::new(),
        fingerprints: Default::default(),
    };
    for job in jobs {
        rendered.paths.extend(
            formats(site).map(|(file, _, _)| urls::output_path(&urls::feed(&job.dir, *file))),
        );
        rendered.fingerprints.insert(job.dir, job.fingerprint);
    }
    Ok(rendered)
}

/// Every feed of the site, each scope in each language, with the fingerprint of its documents.
fn jobs<'a>(site: &'a Site, scopes: &'a [(Scope, Vec<usize>)], global: u64) -> Vec<Job<'a>> {
    use rayon::prelude::*;
    use std::hash::{Hash, Hasher};
    let feeds: Vec<(&str, &Scope, &[usize])> = site
        .config
        .language_codes()
        .flat_map(|l| scopes.iter().map(move |(s, docs)| (l, s, docs.as_slice())))
        .collect();
    feeds
        .into_par_iter()
        .map(|(lang, scope, docs)| {
            let dir = scope_dir(site, lang, scope);
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (global, &dir).hash(&mut h);
            for &i in docs {
                let d = &site.documents[i];
                (d.kind, &d.slug, d.generation).hash(&mut h);
            }
            if docs.is_empty() {
                site.now.hash(&mut h); // an empty feed is dated by the build
            }
            Job {
                lang,
                scope,
                docs,
                dir,
                fingerprint: h.finish(),
            }
        })
        .collect()
}

/// The full text of every translation the feeds `todo` show, as each format writes it: once
/// per translation for the readers of every language whose items hold it.
fn contents<'s>(site: &'s Site, i18n: &I18n, todo: &[&Job<'s>]) -> Contents<'s> {
    use rayon::prelude::*;
    let default = site.default_language();
    let mut texts: Vec<(usize, &str)> = todo
        .iter()
        .flat_map(|j| {
            j.docs.iter().map(move |&d| {
                (
                    d,
                    site.documents[d].for_reader(j.lang, default).lang.as_str(),
                )
            })
        })
        .collect();
    texts.sort_unstable();
    texts.dedup();
    texts
        .par_iter()
        .filter_map(|&(d, lang)| {
            let doc = &site.documents[d];
            let t = doc.get(lang)?;
            written_content(site, i18n, doc, t).map(|c| ((d, lang), c))
        })
        .collect()
}

/// Writes the feeds `todo`, their items made once each (per document and reader's language)
/// and spliced in; returns what failed.
fn render_feeds(
    site: &Site,
    i18n: &I18n,
    todo: &[&Job<'_>],
    contents: &Contents,
    sink: &dyn crate::write::Sink,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut wanted: Vec<(usize, &str)> = todo
        .iter()
        .flat_map(|j| j.docs.iter().map(move |&d| (d, j.lang)))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let made: Made = wanted
        .par_iter()
        .filter_map(|&(d, lang)| fragments(site, i18n, lang, d, contents).map(|f| ((d, lang), f)))
        .collect();
    todo.par_iter()
        .filter_map(|job| write_feed(site, i18n, job, &made, sink).err())
        .collect()
}

/// The items made for the feeds being written, by (document, reader's language).
type Made<'c, 'l> = std::collections::HashMap<(usize, &'l str), Fragments<'c>>;

/// Writes a feed in each format the site has: its items spliced from `made` into the feed
/// written without them, or, when they cannot be, the feed written whole.
fn write_feed(
    site: &Site,
    i18n: &I18n,
    job: &Job<'_>,
    made: &Made<'_, '_>,
    sink: &dyn crate::write::Sink,
) -> Result<(), Diagnostic> {
    let (lang, scope, docs) = (job.lang, job.scope, job.docs);
    let shell = feed_data(site, i18n, lang, scope, docs, false);
    let mut whole: Option<FeedData<'_>> = None;
    for (file, format) in [
        (Feed::Rss, Format::Rss),
        (Feed::Atom, Format::Atom),
        (Feed::Json, Format::Json),
    ]
    .into_iter()
    .filter(|(file, _)| formats(site).any(|(f, _, _)| f == file))
    {
        let path = urls::output_path(&urls::feed(&job.dir, file));
        let items: Option<Vec<[&[u8]; 3]>> = docs
            .iter()
            .map(|&d| made.get(&(d, lang)).map(|f| f.pieces(format)))
            .collect();
        let spliced = items.and_then(|items| {
            format
                .write(&shell)
                .ok()
                .and_then(|b| format.splice(b, &items))
        });
        // Written whole when the items could not be cut out and put back.
        let bytes = match spliced {
            Some(b) => b,
            None => {
                let feed =
                    whole.get_or_insert_with(|| feed_data(site, i18n, lang, scope, docs, true));
                format.write(feed).map_err(|e| {
                    Diagnostic::error(path.clone(), format!("cannot write the feed: {e}"))
                })?
            }
        };
        sink.put(File {
            path: path.clone(),
            data: FileData::Bytes(bytes),
        })
        .map_err(|e| Diagnostic::error(path, format!("cannot write the feed: {e}")))?;
    }
    Ok(())
}

/// Every feed file of the site: each format for each scope in each language.
fn planned_paths(site: &Site) -> Vec<String> {
    let scopes = scopes(site);
    site.config
        .language_codes()
        .flat_map(|lang| {
            scopes.iter().flat_map(move |(scope, _)| {
                let dir = scope_dir(site, lang, scope);
                formats(site).map(move |(file, _, _)| urls::output_path(&urls::feed(&dir, *file)))
            })
        })
        .collect()
}

/// The feeds, with the fingerprint of each feed's inputs: a rebuild writes only the feeds that
/// hold a changed document.
#[derive(Default)]
pub struct Feeds {
    fingerprints: Option<std::collections::HashMap<String, u64>>,
}

impl super::Output for Feeds {
    fn name(&self) -> &'static str {
        "feeds"
    }

    fn plan(&mut self, cx: &super::Context<'_>) -> Result<Vec<String>, Diagnostics> {
        Ok(planned_paths(cx.site))
    }

    fn render(
        &mut self,
        cx: &super::Context<'_>,
        sink: &dyn crate::write::Sink,
    ) -> Result<(), Diagnostics> {
        let previous = self.fingerprints.take();
        let rendered = render_changed(cx.site, cx.i18n, previous.as_ref(), cx.generation, sink)?;
        self.fingerprints = Some(rendered.fingerprints);
        Ok(())
    }
}
