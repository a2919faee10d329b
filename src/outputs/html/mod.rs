//! The pages of the site, per language: home, a list per kind (paginated), a page per document,
//! per topic and per committee, a yearly archive, the official notice board; and the language
//! choice at the root and the 404 page.

use minijinja::value::Serde;
use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use minijinja::{Value, context};

/// A serialisable value for a template.
fn v<T: Serialize>(x: T) -> Value {
    Value::from(Serde(x))
}
use rayon::prelude::*;
use serde::Serialize;

use crate::config::TopicKind;
use crate::content::document::{Document, Kind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{I18n, args};
use crate::outputs::feeds::{Scope, feed_links};
use crate::site::{Site, urls};
use crate::theme::views::*;
use crate::write::{File, FileData};

/// Facts of the build that every page needs.
pub struct Assets {
    /// URL of the one stylesheet (its name carries a hash of its content, so it can be cached
    /// for ever).
    pub stylesheet: String,
}

/// A page to render: which template, at which path, in which language, about what.
#[derive(Debug, Clone)]
pub enum Page {
    Home {
        lang: String,
    },
    KindList {
        lang: String,
        kind: Kind,
        page: usize,
    },
    Doc {
        lang: String,
        doc: usize,
    },
    Topic {
        lang: String,
        topic: usize,
    },
    Topics {
        lang: String,
    },
    Archive {
        lang: String,
    },
    Year {
        lang: String,
        year: i32,
    },
    NoticeBoard {
        lang: String,
    },
    /// The accessibility statement.
    Accessibility {
        lang: String,
    },
    /// The subscribe form, posting to the subscription service (only with a `mail:` section).
    Subscribe {
        lang: String,
    },
    Languages,
    NotFound,
}

/// Warnings about the site's pages, for the build to print: a site without an accessibility
/// statement still builds, and its statement page says that the statement is missing.
pub fn warnings(config: &crate::config::Config) -> Vec<Diagnostic> {
    if config.site.accessibility.is_some() {
        return Vec::new();
    }
    vec![
        Diagnostic {
            severity: crate::diagnostics::Severity::Warning,
            ..Diagnostic::error(
                crate::config::CONFIG_FILE,
                "no accessibility statement: site.yaml has no `accessibility:` section, so the statement pages only say that it is missing",
            )
        }
        .hint(
            "public bodies in the EU must publish one; add `accessibility:` with `status`, `prepared`, `limitations` and `enforcement: { name, url }`",
        ),
    ]
}

pub fn plan(site: &Site) -> Vec<Page> {
    let mut pages = vec![Page::Languages, Page::NotFound];
    for lang in site.config.language_codes() {
        let lang = lang.to_owned();
        pages.push(Page::Home { lang: lang.clone() });
        for kind in Kind::ALL {
            let n = site.by_kind.get(&kind).map_or(0, Vec::len);
            for page in 1..=n.div_ceil(site.config.site.paginate).max(1) {
                pages.push(Page::KindList {
                    lang: lang.clone(),
                    kind,
                    page,
                });
            }
        }
        for (i, doc) in site.documents.iter().enumerate() {
            if doc.get(&lang).is_some() {
                pages.push(Page::Doc {
                    lang: lang.clone(),
                    doc: i,
                });
            }
        }
        for topic in 0..site.config.site.topics.len() {
            pages.push(Page::Topic {
                lang: lang.clone(),
                topic,
            });
        }
        pages.push(Page::Topics { lang: lang.clone() });
        pages.push(Page::Archive { lang: lang.clone() });
        for year in site.by_year.keys() {
            pages.push(Page::Year {
                lang: lang.clone(),
                year: *year,
            });
        }
        pages.push(Page::NoticeBoard { lang: lang.clone() });
        if site.config.site.mail.is_some() {
            pages.push(Page::Subscribe { lang: lang.clone() });
        }
        pages.push(Page::Accessibility { lang });
    }
    pages
}

/// The site path of a page (`/sv/press/`), used for links, canonical URLs and checks.
pub fn page_url(site: &Site, page: &Page) -> String {
    match page {
        Page::Home { lang } => urls::home(lang),
        Page::KindList { lang, kind, page } => urls::kind_list(lang, *kind, *page),
        Page::Doc { lang, doc } => site.documents[*doc].url(lang),
        Page::Topic { lang, topic } => {
            let t = &site.config.site.topics[*topic];
            urls::topic(lang, t.id(), t.kind)
        }
        Page::Topics { lang } => urls::topics(lang),
        Page::Archive { lang } => urls::archive(lang),
        Page::Year { lang, year } => urls::year(lang, *year),
        Page::NoticeBoard { lang } => urls::notice_board(lang),
        Page::Accessibility { lang } => urls::accessibility(lang),
        Page::Subscribe { lang } => urls::subscribe(lang),
        Page::Languages => urls::root(),
        Page::NotFound => urls::not_found(),
    }
}

/// A page with its address and the file it is written to.
pub struct Planned {
    pub page: Page,
    pub url: String,
    pub path: String,
}

/// The site's pages with their addresses. It stays the same while the documents, their
/// languages, the topics and the years do, so rebuilds keep it.
pub struct Plan {
    key: u64,
    pub pages: Vec<Planned>,
}

impl Plan {
    /// The site's plan: `previous` when it still holds.
    pub fn of(site: &Site, previous: Option<Arc<Plan>>) -> Arc<Plan> {
        let key = plan_key(site);
        if let Some(p) = previous.filter(|p| p.key == key) {
            return p;
        }
        let pages = plan(site)
            .into_par_iter()
            .map(|page| {
                let url = page_url(site, &page);
                let path = urls::output_path(&url);
                Planned { page, url, path }
            })
            .collect();
        Arc::new(Plan { key, pages })
    }

    /// Every site path of a page, for checking links written as `/sv/...`.
    pub fn urls(&self) -> std::collections::HashSet<&str> {
        self.pages.iter().map(|p| p.url.as_str()).collect()
    }
}

/// What the plan depends on: the languages, topics, years and pagination, and each document's
/// place, kind, slug and languages.
fn plan_key(site: &Site) -> u64 {
    let mut h = DefaultHasher::new();
    for lang in site.config.language_codes() {
        lang.hash(&mut h);
    }
    for t in &site.config.site.topics {
        (t.id(), t.kind == TopicKind::Committee).hash(&mut h);
    }
    (site.config.site.paginate, site.config.site.mail.is_some()).hash(&mut h);
    for y in site.by_year.keys() {
        y.hash(&mut h);
    }
    for d in &site.documents {
        (d.kind, &d.slug).hash(&mut h);
        for t in &d.translations {
            t.lang.hash(&mut h);
        }
    }
    h.finish()
}

/// The entries of long lists (a kind's pages, topics, years), each rendered once per document
/// and language with `entry.html` and kept between rebuilds while the document and the
/// configuration stay the same: a list page is then mostly a concatenation. Each entry keeps a
/// hash of what it shows, so that a list is rendered again only when one of its entries
/// changed, not whenever a document in it was edited.
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

    /// Renders the entries of every document in every language that are missing or stale.
    fn fill(
        &mut self,
        site: &Site,
        templates: &crate::theme::templates::Templates,
        i18n: &I18n,
        global: u64,
    ) -> Result<(), Diagnostic> {
        let langs: Vec<&str> = site.config.language_codes().collect();
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
                let langs = langs
                    .iter()
                    .map(|&lang| {
                        let view = entry(site, i18n, lang, &site.documents[d]);
                        let mut h = DefaultHasher::new();
                        view.hash(&mut h);
                        let ctx = context! { e => v(&view), level => 2, lang => v(lang_view(site, lang)) };
                        let html = crate::theme::templates::render(templates, "entry.html", ctx)?;
                        let value = context! { html => Value::from_safe_string(html), ..v(&view) };
                        Ok((h.finish(), value))
                    })
                    .collect::<Result<_, Diagnostic>>()?;
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

/// What a (possibly partial) page rendering produced; the files went to the sink.
pub struct RenderedPages {
    /// Every file the pages and attachments occupy, rendered this time or not.
    pub paths: Vec<String>,
    /// Fingerprint of each page's inputs, for the next incremental rendering.
    pub fingerprints: PageFingerprints,
}

/// The fingerprint of each page of a plan, in the plan's order.
pub struct PageFingerprints {
    plan: Arc<Plan>,
    fps: Vec<u64>,
}

impl PageFingerprints {
    /// A lookup of the fingerprints of `plan`'s pages: by position when the plan is the same,
    /// else by address.
    fn lookup(&self, plan: &Arc<Plan>) -> impl Fn(usize, &str) -> Option<u64> + Sync + '_ {
        let same = Arc::ptr_eq(&self.plan, plan);
        let by_url: HashMap<&str, u64> = if same {
            HashMap::new()
        } else {
            self.plan
                .pages
                .iter()
                .map(|p| p.url.as_str())
                .zip(self.fps.iter().copied())
                .collect()
        };
        move |i, url| {
            if same {
                self.fps.get(i).copied()
            } else {
                by_url.get(url).copied()
            }
        }
    }
}

/// Renders the pages whose inputs changed since `previous` (all pages when `None`). A page's
/// fingerprint covers what it shows: the documents (by generation) or, for long lists, their
/// entries (by content), its place in lists, and `global` (configuration, templates, the
/// crisis banner, the day). Each page goes to `sink` as soon as it is rendered, and every
/// attachment too.
#[allow(clippy::too_many_arguments)]
pub fn render_pages(
    cx: &super::Context<'_>,
    plan: &Arc<Plan>,
    previous: Option<&PageFingerprints>,
    entries: &mut EntryCache,
    sink: &dyn crate::write::Sink,
) -> Result<RenderedPages, Diagnostics> {
    let (site, templates, i18n, assets) = (cx.site, cx.templates, cx.i18n, cx.assets);
    let (global, progress) = (cx.generation, cx.progress);
    entries
        .fill(site, templates, i18n, global)
        .map_err(|d| Diagnostics(vec![d]))?;
    let entries = &*entries;
    let global = fingerprint_global(site, assets, global);
    let docs_fp: Vec<u64> = site
        .documents
        .iter()
        .map(|d| {
            let mut h = DefaultHasher::new();
            (d.kind, &d.slug, d.generation).hash(&mut h);
            h.finish()
        })
        .collect();
    // The hash of each document's entry per language, for the lists' fingerprints.
    let entry_fps: Vec<Vec<u64>> = site
        .documents
        .par_iter()
        .map(|d| {
            entries
                .0
                .get(&doc_key(d))
                .map(|e| e.langs.iter().map(|(h, _)| *h).collect())
                .unwrap_or_default()
        })
        .collect();
    let fps: Vec<u64> = plan
        .pages
        .par_iter()
        .map(|p| fingerprint(site, &entry_fps, &p.page, &p.url, &docs_fp, global))
        .collect();
    let before = previous.map(|p| p.lookup(plan));
    let todo: Vec<&Planned> = plan
        .pages
        .iter()
        .zip(&fps)
        .enumerate()
        .filter(|(i, (p, fp))| before.as_ref().is_none_or(|b| b(*i, &p.url) != Some(**fp)))
        .map(|(_, (p, _))| p)
        .collect();
    drop(before);
    let written = |path: String, e: std::io::Error| {
        Diagnostic::error(path, format!("cannot write the page: {e}"))
            .hint("check the output folder's permissions and free space")
    };
    let mut errs = Diagnostics::default();
    let results: Vec<Diagnostic> = todo
        .par_iter()
        .filter_map(|p| {
            if let Some(bar) = progress {
                bar.inc(1);
            }
            let (template, ctx) = context_for(site, i18n, assets, entries, &p.page, &p.url);
            let html = match crate::theme::templates::render(templates, template, ctx) {
                Ok(h) => h,
                Err(d) => return Some(d),
            };
            sink.put(File {
                path: p.path.clone(),
                data: FileData::Bytes(html.into_bytes()),
            })
            .err()
            .map(|e| written(p.path.clone(), e))
        })
        .collect();
    errs.extend(results);
    let mut paths: Vec<String> = plan.pages.iter().map(|p| p.path.clone()).collect();
    for doc in &site.documents {
        for a in &doc.attachments {
            let path = urls::output_path(&a.url);
            paths.push(path.clone());
            let copy = File {
                path: path.clone(),
                data: FileData::Copy(a.source.clone()),
            };
            if let Err(e) = sink.put(copy) {
                errs.push(written(path, e));
            }
        }
    }
    errs.sort();
    if errs.has_errors() {
        return Err(errs);
    }
    Ok(RenderedPages {
        paths,
        fingerprints: PageFingerprints {
            plan: plan.clone(),
            fps,
        },
    })
}

fn fingerprint_global(site: &Site, assets: &Assets, global: u64) -> u64 {
    let mut h = DefaultHasher::new();
    global.hash(&mut h);
    assets.stylesheet.hash(&mut h);
    site.now.date_naive().hash(&mut h);
    site.drafts.hash(&mut h);
    for &i in &site.crisis {
        site.documents[i].slug.hash(&mut h);
        site.documents[i].generation.hash(&mut h);
    }
    h.finish()
}

/// Everything a page shows, as a number: the documents (by generation, `docs` holds a number
/// per document) and the facts of lists.
fn fingerprint(
    site: &Site,
    entry_fps: &[Vec<u64>],
    page: &Page,
    url: &str,
    docs_fp: &[u64],
    global: u64,
) -> u64 {
    let mut h = DefaultHasher::new();
    global.hash(&mut h);
    let docs = |h: &mut DefaultHasher, idx: &[usize]| {
        idx.len().hash(h);
        for &i in idx {
            h.write_u64(docs_fp[i]);
        }
    };
    // A long list shows the documents' entries only: an edit that leaves an entry as it was
    // leaves the list as it was.
    let listed = |h: &mut DefaultHasher, lang: &str, idx: &[usize]| {
        let lang = site.config.language_codes().position(|l| l == lang);
        idx.len().hash(h);
        for &i in idx {
            match lang.and_then(|l| entry_fps[i].get(l)) {
                Some(e) => h.write_u64(*e),
                None => h.write_u64(docs_fp[i]),
            }
        }
    };
    match page {
        Page::Home { .. } => {
            for idx in site.by_kind.values() {
                docs(&mut h, &idx[..idx.len().min(5)]);
            }
            site.notice_board.len().hash(&mut h);
        }
        Page::KindList { kind, page, lang } => {
            let idx = site.by_kind.get(kind).map_or(&[][..], Vec::as_slice);
            let per = site.config.site.paginate;
            idx.len().div_ceil(per).hash(&mut h);
            listed(
                &mut h,
                lang,
                &idx[((page - 1) * per).min(idx.len())..(page * per).min(idx.len())],
            );
        }
        Page::Doc { doc, .. } => docs(&mut h, &[*doc]),
        Page::Topic { topic, lang } => {
            let id = site.config.site.topics[*topic].id();
            listed(
                &mut h,
                lang,
                site.by_topic.get(id).map_or(&[][..], Vec::as_slice),
            );
        }
        Page::Topics { .. } => {
            for idx in site.by_topic.values() {
                idx.len().hash(&mut h);
            }
        }
        Page::Archive { .. } => {
            for (y, idx) in &site.by_year {
                (y, idx.len()).hash(&mut h);
            }
        }
        Page::Year { year, lang } => listed(
            &mut h,
            lang,
            site.by_year.get(year).map_or(&[][..], Vec::as_slice),
        ),
        Page::NoticeBoard { .. } => {
            let idx: Vec<usize> = site.notice_board.iter().map(|e| e.doc).collect();
            docs(&mut h, &idx);
        }
        Page::Languages | Page::NotFound => {}
        #[allow(unreachable_patterns)]
        _ => site.documents.len().hash(&mut h),
    }
    // The page's identity: the same documents on two pages are two fingerprints.
    url.hash(&mut h);
    h.finish()
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Serialize)]
struct TopicView {
    id: String,
    name: String,
    url: String,
    count: usize,
    committee: bool,
}

fn topic_view(site: &Site, lang: &str, t: &crate::config::Topic) -> TopicView {
    TopicView {
        id: t.id().to_owned(),
        name: t.name.get(lang, site.default_language()).to_owned(),
        url: urls::topic(lang, t.id(), t.kind),
        count: site.by_topic.get(t.id()).map_or(0, Vec::len),
        committee: t.kind == TopicKind::Committee,
    }
}

/// Links to the same page in every language (for pages that exist in all of them).
fn all_language_links(site: &Site, lang: &str, url: &str) -> Vec<LangLink> {
    site.config
        .site
        .languages
        .iter()
        .map(|l| LangLink {
            code: l.code().to_owned(),
            name: l.name.clone(),
            dir: l.dir.as_str(),
            url: urls::in_language(url, lang, l.code()),
            current: l.code() == lang,
        })
        .collect()
}

fn nav(i18n: &I18n, lang: &str, url: &str) -> Vec<NavItem> {
    let items = [
        (urls::home(lang), "nav-home"),
        (urls::kind_list(lang, Kind::Notices, 1), "nav-notices"),
        (urls::kind_list(lang, Kind::Press, 1), "nav-press"),
        (urls::kind_list(lang, Kind::Minutes, 1), "nav-minutes"),
        (urls::notice_board(lang), "nav-notice-board"),
        (urls::topics(lang), "nav-topics"),
        (urls::archive(lang), "nav-archive"),
    ];
    items
        .into_iter()
        .map(|(u, key)| {
            let current = if u == urls::home(lang) {
                url == u
            } else {
                url.starts_with(&u)
            };
            NavItem {
                label: i18n.t(lang, key, None),
                url: u,
                current,
            }
        })
        .collect()
}

/// What every page of `lang` shares: the language, the chrome, the crisis banner.
fn base(
    site: &Site,
    i18n: &I18n,
    assets: &Assets,
    lang: &str,
    url: &str,
    title: &str,
    alternates: Vec<LangLink>,
) -> Value {
    let cfg = &site.config;
    let default = cfg.default_language();
    let org = &cfg.site.organisation;
    let site_feeds = feed_links(site, i18n, lang, &Scope::All);
    let page_feeds = page_scope(lang, url)
        .map(|s| feed_links(site, i18n, lang, &s))
        .unwrap_or_default();
    context! {
        site_feeds => v(site_feeds),
        page_feeds => v(page_feeds),
        lang => v(lang_view(site, lang)),
        page_title => v(title),
        url => v(url),
        canonical => v(urls::absolute(cfg, url)),
        alternates => v(alternates),
        site => context! {
            title => v(cfg.site.title.get(lang, default)),
            base_url => v(&cfg.base_url),
            home => v(urls::home(lang)),
        },
        organisation => context! {
            name => v(org.name.get(lang, default)),
            address => v(&org.address),
            phone => v(&org.phone),
            email => v(&org.email),
        },
        nav => v(nav(i18n, lang, url)),
        crisis => v(crisis_views(site, lang)),
        accessibility_url => v(urls::accessibility(lang)),
        // For templates' links: the URL scheme stays in `site::urls`.
        notice_board_url => v(urls::notice_board(lang)),
        topics_url => v(urls::topics(lang)),
        subscribe_url => v(cfg.site.mail.as_ref().map(|_| urls::subscribe(lang))),
        stylesheet => v(&assets.stylesheet),
        drafts => v(site.drafts),
    }
}

/// The narrower feed a page belongs to, read from its path: a kind's list or document, a
/// topic's or committee's page.
fn page_scope(lang: &str, url: &str) -> Option<Scope> {
    Some(match urls::section(lang, url)? {
        urls::Section::Kind(kind) => Scope::Kind(kind),
        urls::Section::Topic(id) => Scope::Topic(id.to_owned()),
    })
}

/// The entries of a long list, rendered already (see [`EntryCache`]).
fn cached_entries(site: &Site, cache: &EntryCache, lang: &str, idx: &[usize]) -> Vec<Value> {
    let Some(lang) = site.config.language_codes().position(|l| l == lang) else {
        return Vec::new();
    };
    idx.iter()
        .filter_map(|&i| cache.get(site, i, lang).map(|(_, e)| e.clone()))
        .collect()
}

fn entries(site: &Site, i18n: &I18n, lang: &str, idx: &[usize]) -> Vec<EntryView> {
    idx.iter()
        .map(|&i| entry(site, i18n, lang, &site.documents[i]))
        .collect()
}

fn context_for(
    site: &Site,
    i18n: &I18n,
    assets: &Assets,
    cache: &EntryCache,
    page: &Page,
    url: &str,
) -> (&'static str, Value) {
    let default = site.default_language().to_owned();
    match page {
        Page::Home { lang } => {
            let sections: Vec<Value> = [Kind::Notices, Kind::Press, Kind::Minutes]
                .into_iter()
                .map(|k| {
                    let idx = site.by_kind.get(&k).cloned().unwrap_or_default();
                    let latest: Vec<usize> = idx.into_iter().take(5).collect();
                    context! {
                        kind => v(k),
                        title => v(i18n.t(lang, &format!("nav-{}", k.dir()), None)),
                        url => v(urls::kind_list(lang, k, 1)),
                        entries => v(entries(site, i18n, lang, &latest)),
                    }
                })
                .collect();
            let title = site.config.site.title.get(lang, &default).to_owned();
            let base = base(
                site,
                i18n,
                assets,
                lang,
                url,
                &title,
                all_language_links(site, lang, url),
            );
            (
                "home.html",
                context! { sections => v(sections), board_count => v(site.notice_board.len()), ..base },
            )
        }
        Page::KindList { lang, kind, page } => {
            let idx = site.by_kind.get(kind).cloned().unwrap_or_default();
            let per = site.config.site.paginate;
            let total = idx.len().div_ceil(per).max(1);
            let slice: Vec<usize> = idx
                .iter()
                .copied()
                .skip((page - 1) * per)
                .take(per)
                .collect();
            let title = i18n.t(lang, &format!("nav-{}", kind.dir()), None);
            let pagination = Pagination {
                current: *page,
                total,
                previous: (*page > 1).then(|| urls::kind_list(lang, *kind, page - 1)),
                next: (*page < total).then(|| urls::kind_list(lang, *kind, page + 1)),
            };
            let base = base(
                site,
                i18n,
                assets,
                lang,
                url,
                &title,
                all_language_links(site, lang, url),
            );
            (
                "list.html",
                context! { heading => v(title), count => v(idx.len()), entries => Value::from(cached_entries(site, cache, lang, &slice)), pagination => v(pagination), feed_kind => v(kind), ..base },
            )
        }
        Page::Topic { lang, topic } => {
            let t = &site.config.site.topics[*topic];
            let idx = site.by_topic.get(t.id()).cloned().unwrap_or_default();
            let name = t.name.get(lang, &default).to_owned();
            let base = base(
                site,
                i18n,
                assets,
                lang,
                url,
                &name,
                all_language_links(site, lang, url),
            );
            (
                "list.html",
                context! { heading => v(name), count => v(idx.len()), entries => Value::from(cached_entries(site, cache, lang, &idx)), topic => v(topic_view(site, lang, t)), ..base },
            )
        }
        Page::Topics { lang } => {
            let title = i18n.t(lang, "nav-topics", None);
            let topics: Vec<TopicView> = site
                .config
                .site
                .topics
                .iter()
                .map(|t| topic_view(site, lang, t))
                .collect();
            let base = base(
                site,
                i18n,
                assets,
                lang,
                url,
                &title,
                all_language_links(site, lang, url),
            );
            ("topics.html", context! { topics => v(topics), ..base })
        }
        Page::Archive { lang } => {
            let title = i18n.t(lang, "archive-title", None);
            let years: Vec<Value> = site
                .by_year
                .iter()
                .rev()
                .map(|(y, idx)| context! { year => v(y), url => v(urls::year(lang, *y)), count => v(idx.len()) })
                .collect();
            let base = base(
                site,
                i18n,
                assets,
                lang,
                url,
                &title,
                all_language_links(site, lang, url),
            );
            ("archive.html", context! { years => v(years), ..base })
        }
        Page::Year { lang, year } => {
            let idx = site.by_year.get(year).cloned().unwrap_or_default();
            let title = i18n.t(
                lang,
                "archive-year",
                Some(&args([("year", year.to_string().into())])),
            );
            let base = base(
                site,
                i18n,
                assets,
                lang,
                url,
                &title,
                all_language_links(site, lang, url),
            );
            (
                "list.html",
                context! { heading => v(title), count => v(idx.len()), entries => Value::from(cached_entries(site, cache, lang, &idx)), ..base },
            )
        }
        Page::NoticeBoard { lang } => {
            let title = i18n.t(lang, "nav-notice-board", None);
            let board: Vec<Value> = site
                .notice_board
                .iter()
                .map(|e| {
                    let doc = &site.documents[e.doc];
                    let t = doc.for_reader(lang, &default);
                    let m = t.minutes();
                    let committee = m.and_then(|m| site.config.topic(&m.committee)).map(|c| c.name.get(lang, &default).to_owned()).unwrap_or_default();
                    let meeting = m.map(|m| i18n.date(lang, m.meeting.start.date_naive())).unwrap_or_default();
                    context! {
                        entry => v(entry(site, i18n, lang, doc)),
                        text => v(i18n.t(lang, "notice-board-entry", Some(&args([("committee", committee.into()), ("date", meeting.into())])))),
                        approved => v(m.and_then(|m| m.approved).map(|d| day_view(i18n, lang, d))),
                        posted => v(day_view(i18n, lang, e.posted)),
                        appeal_until => v(day_view(i18n, lang, e.appeal_until)),
                        kept_at => v(m.and_then(|m| m.kept_at.clone())),
                    }
                })
                .collect();
            let base = base(
                site,
                i18n,
                assets,
                lang,
                url,
                &title,
                all_language_links(site, lang, url),
            );
            ("notice_board.html", context! { board => v(board), ..base })
        }
        Page::Doc { lang, doc } => {
            doc_context(site, i18n, assets, lang, &site.documents[*doc], url)
        }
        Page::Accessibility { lang } => {
            let title = i18n.t(lang, "a11y-title", None);
            let base = base(
                site,
                i18n,
                assets,
                lang,
                url,
                &title,
                all_language_links(site, lang, url),
            );
            (
                "accessibility.html",
                context! { statement => v(statement_view(site, i18n, lang)), ..base },
            )
        }
        Page::Subscribe { lang } => {
            let title = i18n.t(lang, "sub-title", None);
            let base = base(
                site,
                i18n,
                assets,
                lang,
                url,
                &title,
                all_language_links(site, lang, url),
            );
            let form = crate::theme::forms::site_page(site, i18n, lang);
            ("subscribe.html", context! { ..form, ..base })
        }
        Page::Languages => {
            let title = site.config.site.title.get(&default, &default).to_owned();
            let langs: Vec<LangLink> = site
                .config
                .site
                .languages
                .iter()
                .map(|l| LangLink {
                    code: l.code().to_owned(),
                    name: l.name.clone(),
                    dir: l.dir.as_str(),
                    url: urls::home(l.code()),
                    current: false,
                })
                .collect();
            let base = base(site, i18n, assets, &default, url, &title, langs.clone());
            ("languages.html", context! { languages => v(langs), ..base })
        }
        Page::NotFound => {
            let title = i18n.t(&default, "not-found-title", None);
            let langs: Vec<LangLink> = site
                .config
                .site
                .languages
                .iter()
                .map(|l| LangLink {
                    code: l.code().to_owned(),
                    name: l.name.clone(),
                    dir: l.dir.as_str(),
                    url: urls::home(l.code()),
                    current: false,
                })
                .collect();
            let base = base(site, i18n, assets, &default, url, &title, Vec::new());
            ("404.html", context! { languages => v(langs), ..base })
        }
    }
}

fn doc_context(
    site: &Site,
    i18n: &I18n,
    assets: &Assets,
    lang: &str,
    doc: &Document,
    url: &str,
) -> (&'static str, Value) {
    let default = site.default_language();
    let Some(t) = doc.get(lang) else {
        return ("404.html", Value::UNDEFINED);
    };
    let topics: Vec<TopicView> = t
        .topics
        .iter()
        .filter_map(|id| site.config.topic(id))
        .map(|tp| topic_view(site, lang, tp))
        .collect();
    let attachments: Vec<AttachmentView> = doc
        .attachments
        .iter()
        .map(|a| attachment_view(i18n, lang, a))
        .collect();
    let notice = t.notice().map(|n| {
        context! {
            urgency => v(n.urgency.as_str()),
            urgency_label => v(i18n.t(lang, &format!("urgency-{}", n.urgency.as_str()), None)),
            expires => v(n.expires.map(|e| DateView { iso: e.to_rfc3339(), text: i18n.date_time(lang, &e) })),
            active => v(crate::site::is_active(t.date, n.expires, n.ended, site.now)),
            instruction => v(&n.instruction),
            instruction_html => v(n.instruction.as_deref().map(|i| text_html(site, lang, i))),
        }
    });
    let minutes = t.minutes().map(|m| {
        let committee = site.config.topic(&m.committee).map(|c| topic_view(site, lang, c));
        let items: Vec<Value> = m
            .items
            .iter()
            .map(|it| {
                let files: Vec<&AttachmentView> = attachments.iter().filter(|a| it.attachments.contains(&a.name)).collect();
                context! {
                    label => v(&it.label), number => v(&it.number), title => v(&it.title), case => v(&it.case), id => v(&it.id),
                    closed => v(it.closed), body_html => v(&it.body_html), attachments => v(files),
                }
            })
            .collect();
        context! {
            committee => v(committee),
            start => v(DateView { iso: m.meeting.start.to_rfc3339(), text: i18n.date_time(lang, &m.meeting.start) }),
            end => v(m.meeting.end.map(|e| DateView { iso: e.to_rfc3339(), text: i18n.date_time(lang, &e) })),
            place => v(&m.meeting.place),
            present => v(m.attendees.iter().filter(|a| !a.absent).collect::<Vec<_>>()),
            absent => v(m.attendees.iter().filter(|a| a.absent).collect::<Vec<_>>()),
            approved => v(m.approved.map(|d| day_view(i18n, lang, d))),
            items => v(items),
        }
    });
    let boilerplate = (doc.kind == Kind::Press)
        .then(|| {
            site.config
                .site
                .organisation
                .boilerplate
                .get(lang, default)
                .to_owned()
        })
        .filter(|b| !b.is_empty());
    let base = base(
        site,
        i18n,
        assets,
        lang,
        url,
        &t.title,
        translation_links(site, doc, lang),
    );
    let ctx = context! {
        doc => context! {
            kind => v(doc.kind),
            kind_label => v(kind_label(i18n, lang, doc.kind)),
            section_url => v(urls::kind_list(lang, doc.kind, 1)),
            section_title => v(i18n.t(lang, &format!("nav-{}", doc.kind.dir()), None)),
            title => v(&t.title),
            summary => v(&t.summary),
            summary_html => v(text_html(site, lang, &t.summary)),
            date => v(date_view(i18n, lang, &t.date)),
            updated => v(t.updated.map(|u| date_view(i18n, lang, &u))),
            body_html => v(&t.body_html),
            topics => v(topics),
            contacts => v(t.contacts()),
            boilerplate => v(boilerplate),
            notice => v(notice),
            minutes => v(minutes),
            attachments => v(attachments),
            draft => v(t.draft),
            embargoed => v(t.embargoed.then(|| date_view(i18n, lang, &t.date))),
        },
        ..base
    };
    ("document.html", ctx)
}

/// The pages in every language and the documents' attachments. Keeps the plan and each
/// page's fingerprint, so that a rebuild renders only the pages whose inputs changed.
#[derive(Default)]
pub struct Pages {
    plan: Option<Arc<Plan>>,
    fingerprints: Option<PageFingerprints>,
    entries: EntryCache,
}

impl super::Output for Pages {
    fn name(&self) -> &'static str {
        "pages"
    }

    fn plan(&mut self, cx: &super::Context<'_>) -> Result<Vec<String>, Diagnostics> {
        let plan = Plan::of(cx.site, self.plan.take());
        let mut paths: Vec<String> = plan.pages.iter().map(|p| p.path.clone()).collect();
        paths.extend(
            cx.site
                .documents
                .iter()
                .flat_map(|d| d.attachments.iter())
                .map(|a| a.url.trim_start_matches('/').to_owned()),
        );
        self.plan = Some(plan);
        Ok(paths)
    }

    fn render(
        &mut self,
        cx: &super::Context<'_>,
        sink: &dyn crate::write::Sink,
    ) -> Result<(), Diagnostics> {
        let plan = match &self.plan {
            Some(p) => p.clone(),
            None => Plan::of(cx.site, None),
        };
        // Dropped until the rendering succeeds: after a failure everything renders again.
        let previous = self.fingerprints.take();
        let rendered = render_pages(cx, &plan, previous.as_ref(), &mut self.entries, sink)?;
        self.fingerprints = Some(rendered.fingerprints);
        Ok(())
    }

    fn forget(&mut self) {
        self.plan = None;
        self.entries = EntryCache::default();
    }
}
