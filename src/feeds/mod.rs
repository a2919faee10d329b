//! Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 per language, for everything, per kind, per topic
//! and per committee. Items carry the full content (closed agenda items only as their label),
//! topics as categories, and links to the document's translations. Active crisis notices come
//! first. XML is written by the `rss` and `atom_syndication` crates.

mod atom;
mod json;
mod rss;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::config::TopicKind;
use crate::content::document::{Document, Kind, Translation};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::render::pages::{kind_url, topic_url};
use crate::render::{Output, OutputData};
use crate::site::{Site, is_active};

/// What a feed covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Kind(Kind),
    Topic(String),
}

/// The three formats, each with its file name and media type.
pub const FORMATS: [(&str, &str, &str); 3] = [
    ("feed.xml", "application/rss+xml", "RSS"),
    ("atom.xml", "application/atom+xml", "Atom"),
    ("feed.json", "application/feed+json", "JSON Feed"),
];

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
        Scope::All => format!("/{lang}/"),
        Scope::Kind(k) => kind_url(lang, *k, 1),
        Scope::Topic(id) => {
            let kind = site.config.topic(id).map_or(TopicKind::Subject, |t| t.kind);
            topic_url(lang, id, kind)
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
    let dir = scope_dir(site, lang, scope);
    let title = scope_title(site, i18n, lang, scope);
    FORMATS
        .iter()
        .map(|(file, mime, format)| FeedLink {
            url: format!("{dir}{file}"),
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
    /// Absolute URL of the item's page (its id, too: stable across builds).
    pub url: String,
    pub content_html: String,
    pub categories: Vec<String>,
    /// Every translation: (language, absolute URL).
    pub translations: Vec<(String, String)>,
    pub date: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
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

fn scopes(site: &Site) -> Vec<(Scope, Vec<usize>)> {
    let mut v = vec![(Scope::All, (0..site.documents.len()).collect())];
    for (k, idx) in &site.by_kind {
        v.push((Scope::Kind(*k), idx.clone()));
    }
    for (id, idx) in &site.by_topic {
        v.push((Scope::Topic(id.clone()), idx.clone()));
    }
    v
}

/// The full HTML of a translation: for minutes, the agenda items too (closed ones as label).
pub fn content_html(i18n: &I18n, t: &Translation) -> String {
    let Some(m) = t.minutes() else {
        return t.body_html.clone();
    };
    let mut html = t.body_html.clone();
    for it in &m.items {
        let heading = match &it.title {
            Some(title) => format!("{}: {}", it.label, title),
            None => it.label.clone(),
        };
        html.push_str(&format!(
            "<h2 id=\"{}\">{}</h2>\n",
            escape(&it.id),
            escape(&heading)
        ));
        if it.closed {
            html.push_str(&format!(
                "<p><strong>{}.</strong> {}</p>\n",
                escape(&i18n.t(&t.lang, "item-closed", None)),
                escape(&i18n.t(&t.lang, "item-closed-note", None))
            ));
            continue;
        }
        if let Some(case) = &it.case {
            html.push_str(&format!(
                "<p>{}: {}</p>\n",
                escape(&i18n.t(&t.lang, "item-case", None)),
                escape(case)
            ));
        }
        html.push_str(&it.body_html);
    }
    html
}

fn escape(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s).into_owned()
}

/// The documents of a feed, in order: active crisis notices first, then newest first.
fn feed_docs<'a>(site: &'a Site, idx: &[usize]) -> Vec<&'a Document> {
    let default = site.default_language();
    let mut docs: Vec<&Document> = idx.iter().map(|&i| &*site.documents[i]).collect();
    // Active crisis notices first; otherwise newest first (the site's order).
    docs.sort_by_key(|d| {
        let t = d.primary(default);
        !t.notice().is_some_and(|n| {
            n.urgency == crate::content::document::Urgency::Crisis
                && is_active(t.date, n.expires, n.ended, site.now)
        })
    });
    docs.truncate(site.config.site.feed_limit);
    docs
}

fn feed_data<'a>(
    site: &'a Site,
    i18n: &I18n,
    lang: &str,
    scope: &Scope,
    docs: Vec<&'a Document>,
) -> FeedData<'a> {
    let default = site.default_language();
    let items: Vec<FeedItem<'a>> = docs
        .into_iter()
        .map(|doc| {
            let t = doc.for_reader(lang, default);
            let categories = t
                .topics
                .iter()
                .chain(t.minutes().map(|m| &m.committee))
                .filter_map(|id| site.config.topic(id))
                .map(|tp| tp.name.get(lang, default).to_owned())
                .collect();
            FeedItem {
                doc,
                t,
                url: site.config.absolute(&doc.url(&t.lang)),
                content_html: content_html(i18n, t),
                categories,
                translations: doc
                    .translations
                    .iter()
                    .map(|x| (x.lang.clone(), site.config.absolute(&doc.url(&x.lang))))
                    .collect(),
                date: t.date.fixed_offset(),
                updated: t.updated.unwrap_or(t.date).fixed_offset(),
            }
        })
        .collect();
    let updated = items
        .iter()
        .map(|i| i.updated)
        .max()
        .unwrap_or_else(|| site.now.fixed_offset());
    let dir = scope_dir(site, lang, scope);
    FeedData {
        lang: lang.to_owned(),
        title: scope_title(site, i18n, lang, scope),
        home: site.config.absolute(&dir),
        base: site.config.absolute(&dir),
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

pub fn render(site: &Site, i18n: &I18n) -> Result<Vec<Output>, Diagnostics> {
    render_changed(site, i18n, None, 0).map(|r| r.outputs)
}

/// What a (possibly partial) rendering of the feeds produced.
pub struct RenderedFeeds {
    /// The feeds rendered this time.
    pub outputs: Vec<Output>,
    /// Every feed file, rendered this time or not.
    pub paths: Vec<String>,
    /// Fingerprint of each feed's inputs, for the next rebuild.
    pub fingerprints: std::collections::HashMap<String, u64>,
}

/// Renders the feeds whose documents changed since `previous` (all when `None`): after an edit,
/// only the feeds that hold the edited document. `global` changes with the configuration.
pub fn render_changed(
    site: &Site,
    i18n: &I18n,
    previous: Option<&std::collections::HashMap<String, u64>>,
    global: u64,
) -> Result<RenderedFeeds, Diagnostics> {
    use rayon::prelude::*;
    use std::hash::{Hash, Hasher};
    let scopes = scopes(site);
    let jobs: Vec<(String, &Scope, &Vec<usize>)> = site
        .config
        .language_codes()
        .flat_map(|l| scopes.iter().map(move |(s, idx)| (l.to_owned(), s, idx)))
        .collect();
    type Job = Result<(String, u64, Option<Vec<Output>>), Diagnostic>;
    let results: Vec<Job> = jobs
        .par_iter()
        .map(|(lang, scope, idx)| {
            let docs = feed_docs(site, idx);
            let dir = scope_dir(site, lang, scope);
            let dir = dir.trim_start_matches('/').to_owned();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (global, &dir).hash(&mut h);
            for d in &docs {
                (d.kind, &d.slug, d.generation).hash(&mut h);
            }
            if docs.is_empty() {
                site.now.hash(&mut h); // an empty feed is dated by the build
            }
            let fp = h.finish();
            if previous.is_some_and(|p| p.get(&dir) == Some(&fp)) {
                return Ok((dir, fp, None));
            }
            let data = feed_data(site, i18n, lang, scope, docs);
            let err = |format: &str, e: String| {
                Diagnostic::error(
                    format!("{dir}{format}"),
                    format!("cannot write the feed: {e}"),
                )
            };
            let outputs = vec![
                Output {
                    path: format!("{dir}feed.xml"),
                    data: OutputData::Bytes(rss::write(&data).map_err(|e| err("feed.xml", e))?),
                },
                Output {
                    path: format!("{dir}atom.xml"),
                    data: OutputData::Bytes(atom::write(&data).map_err(|e| err("atom.xml", e))?),
                },
                Output {
                    path: format!("{dir}feed.json"),
                    data: OutputData::Bytes(json::write(&data).map_err(|e| err("feed.json", e))?),
                },
            ];
            Ok((dir, fp, Some(outputs)))
        })
        .collect();
    let mut rendered = RenderedFeeds {
        outputs: Vec::new(),
        paths: Vec::new(),
        fingerprints: Default::default(),
    };
    let mut errs = Diagnostics::default();
    for r in results {
        match r {
            Ok((dir, fp, outputs)) => {
                rendered
                    .paths
                    .extend(FORMATS.iter().map(|(file, _, _)| format!("{dir}{file}")));
                rendered.outputs.extend(outputs.into_iter().flatten());
                rendered.fingerprints.insert(dir, fp);
            }
            Err(d) => errs.push(d),
        }
    }
    if errs.has_errors() {
        Err(errs)
    } else {
        Ok(rendered)
    }
}
