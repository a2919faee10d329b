//! The pages of the site, per language: home, a list per kind (paginated), a page per document,
//! per topic and per committee, a yearly archive, the official notice board; and the language
//! choice at the root and the 404 page.

mod context;
mod document;
mod entries;
mod fingerprint;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use minijinja::Value;
use minijinja::value::Serde;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::TopicKind;
use crate::content::document::Kind;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::{Site, urls};
use crate::write::{File, FileData};

pub use entries::EntryCache;
pub use fingerprint::PageFingerprints;

/// A serialisable value for a template.
fn v<T: Serialize>(x: T) -> Value {
    Value::from(Serde(x))
}

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
    /// The search page, over the language's search index (only with `outputs.search`).
    Search {
        lang: String,
    },
    Languages,
    NotFound,
}

impl Page {
    /// The language the page is in: `None` for the language choice and the 404 page, which
    /// stand outside every language's folder (they speak the default language).
    pub fn lang(&self) -> Option<&str> {
        match self {
            Page::Home { lang }
            | Page::KindList { lang, .. }
            | Page::Doc { lang, .. }
            | Page::Topic { lang, .. }
            | Page::Topics { lang }
            | Page::Archive { lang }
            | Page::Year { lang, .. }
            | Page::NoticeBoard { lang }
            | Page::Accessibility { lang }
            | Page::Subscribe { lang }
            | Page::Search { lang } => Some(lang),
            Page::Languages | Page::NotFound => None,
        }
    }
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
        if site.config.site.outputs.search {
            pages.push(Page::Search { lang: lang.clone() });
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
        Page::Search { lang } => urls::search(lang),
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
    let cfg = &site.config.site;
    (cfg.paginate, cfg.mail.is_some(), cfg.outputs.search).hash(&mut h);
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

/// What a (possibly partial) page rendering produced; the files went to the sink.
pub struct RenderedPages {
    /// Every file the pages and attachments occupy, rendered this time or not.
    pub paths: Vec<String>,
    /// Fingerprint of each page's inputs, for the next incremental rendering.
    pub fingerprints: PageFingerprints,
}

/// Renders the pages whose inputs changed since `previous` (all pages when `None`). A page's
/// fingerprint covers what it shows: the documents (by generation) or, for long lists, their
/// entries (by content), its place in lists, and what every page shows (configuration,
/// templates, the crisis banner, the day). Each page goes to `sink` as soon as it is rendered,
/// and every attachment too.
pub fn render_pages(
    cx: &super::Context<'_>,
    plan: &Arc<Plan>,
    previous: Option<&PageFingerprints>,
    entries: &mut EntryCache,
    sink: &dyn crate::write::Sink,
) -> Result<RenderedPages, Diagnostics> {
    entries.fill(cx).map_err(|d| Diagnostics(vec![d]))?;
    let entries = &*entries;
    let fps = fingerprint::of_pages(cx, plan, entries);
    let todo = fingerprint::changed(plan, &fps, previous);
    let mut errs = Diagnostics::default();
    errs.extend(write_pages(cx, entries, &todo, sink));
    let mut paths: Vec<String> = plan.pages.iter().map(|p| p.path.clone()).collect();
    for doc in &cx.site.documents {
        // Images are an output of their own (`outputs::images`).
        for a in doc.attachments.iter().filter(|a| a.image.is_none()) {
            let path = urls::output_path(&a.url);
            paths.push(path.clone());
            let copy = File {
                path: path.clone(),
                data: FileData::Copy(a.source.clone()),
            };
            if let Err(e) = sink.put(copy) {
                errs.push(not_written(path, e));
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

/// Renders `pages` in parallel, each into `sink` as soon as it is done; returns what failed.
fn write_pages(
    cx: &super::Context<'_>,
    entries: &EntryCache,
    pages: &[&Planned],
    sink: &dyn crate::write::Sink,
) -> Vec<Diagnostic> {
    pages
        .par_iter()
        .filter_map(|p| {
            if let Some(bar) = cx.progress {
                bar.inc(1);
            }
            let (template, ctx) = context::context_for(cx, entries, &p.page, &p.url);
            let html = match crate::theme::templates::render(cx.templates, template, ctx) {
                Ok(h) => h,
                Err(d) => return Some(d),
            };
            sink.put(File {
                path: p.path.clone(),
                data: FileData::Bytes(html.into_bytes()),
            })
            .err()
            .map(|e| not_written(p.path.clone(), e))
        })
        .collect()
}

fn not_written(path: String, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("cannot write the page: {e}"))
        .hint("check the output folder's permissions and free space")
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
                .filter(|a| a.image.is_none())
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
