//! The entries of long lists (a kind's pages, topics, years), rendered once per document and
//! language and kept between rebuilds.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use minijinja::{Value, context};
use rayon::prelude::*;

use super::v;
use crate::content::document::Document;
use crate::diagnostics::Diagnostic;
use crate::i18n::I18n;
use crate::outputs::Context;
use crate::site::Site;
use crate::theme::views::*;

/// The entries of long lists, each rendered once per document and language with `entry.html`
/// and kept between rebuilds while the document and the configuration stay the same: a list
/// page is then mostly a concatenation. Each entry keeps a hash of what it shows, so that a
/// list is rendered again only when one of its entries changed, not whenever a document in it
/// was edited.
#[derive(Default)]
pub struct EntryCache(HashMap<u64, DocEntries>);

/// One document's entries: the stamp they were rendered at and, per language of the site (in
/// the configured order), the hash of the entry's content and the entry.
struct DocEntries {
    stamp: u64,
    langs: Vec<(u64, Value)>,
}

/// A document's identity as a number (kind and slug), for the caches of rebuilds.
fn doc_key(d: &Document) -> u64 {
    let mut h = DefaultHasher::new();
    (d.kind, &d.slug).hash(&mut h);
    h.finish()
}

impl EntryCache {
    fn get(&self, site: &Site, doc: usize, lang: usize) -> Option<&(u64, Value)> {
        self.0
            .get(&doc_key(&site.documents[doc]))
            .and_then(|e| e.langs.get(lang))
    }

    /// The hash of each document's entry per language (in the site's orders), for the lists'
    /// fingerprints; empty for a document without entries.
    pub(super) fn hashes(&self, site: &Site) -> Vec<Vec<u64>> {
        site.documents
            .par_iter()
            .map(|d| {
                self.0
                    .get(&doc_key(d))
                    .map(|e| e.langs.iter().map(|(h, _)| *h).collect())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// Renders the entries of every document in every language that are missing or stale.
    pub(super) fn fill(&mut self, cx: &Context<'_>) -> Result<(), Diagnostic> {
        let site = cx.site;
        let global = cx.generation;
        let stamp = |doc: &Document| {
            let mut h = DefaultHasher::new();
            (global, doc.generation).hash(&mut h);
            for t in &doc.translations {
                if let Some(n) = t.notice() {
                    crate::site::is_active(t.date, n.expires, n.ended, site.now).hash(&mut h);
                }
            }
            h.finish()
        };
        let stale: Vec<(u64, u64, usize)> = site
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, d)| (doc_key(d), stamp(d), i))
            .filter(|(key, stamp, _)| self.0.get(key).is_none_or(|e| e.stamp != *stamp))
            .collect();
        let rendered: Vec<(u64, DocEntries)> = stale
            .par_iter()
            .map(|&(key, stamp, d)| {
                let langs = render_entries(cx, &site.documents[d])?;
                Ok((key, DocEntries { stamp, langs }))
            })
            .collect::<Result<_, Diagnostic>>()?;
        self.0.extend(rendered);
        if self.0.len() > site.documents.len() {
            let live: std::collections::HashSet<u64> =
                site.documents.iter().map(|d| doc_key(d)).collect();
            self.0.retain(|k, _| live.contains(k));
        }
        Ok(())
    }
}

/// A document's entry in every language of the site, each with the hash of what it shows.
fn render_entries(cx: &Context<'_>, doc: &Document) -> Result<Vec<(u64, Value)>, Diagnostic> {
    let site = cx.site;
    site.config
        .language_codes()
        .map(|lang| {
            let view = entry(site, cx.i18n, lang, doc);
            let mut h = DefaultHasher::new();
            view.hash(&mut h);
            let ctx = context! { e => v(&view), level => 2, lang => v(lang_view(site, lang)) };
            let html = crate::theme::templates::render(cx.templates, "entry.html", ctx)?;
            let value = context! { html => Value::from_safe_string(html), ..v(&view) };
            Ok((h.finish(), value))
        })
        .collect()
}

/// The entries of a long list, rendered already (see [`EntryCache`]).
pub(super) fn cached_entries(
    site: &Site,
    cache: &EntryCache,
    lang: &str,
    idx: &[usize],
) -> Vec<Value> {
    let Some(lang) = site.config.language_codes().position(|l| l == lang) else {
        return Vec::new();
    };
    idx.iter()
        .filter_map(|&i| cache.get(site, i, lang).map(|(_, e)| e.clone()))
        .collect()
}

/// The entries of a short list (the home page's latest), rendered with the page.
pub(super) fn entries(site: &Site, i18n: &I18n, lang: &str, idx: &[usize]) -> Vec<EntryView> {
    idx.iter()
        .map(|&i| entry(site, i18n, lang, &site.documents[i]))
        .collect()
}
