//! `anslag build`: configuration → content → site model → pages → output, stopping before any
//! output is written if anything is wrong, and reporting every problem found.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::DateTime;
use chrono_tz::Tz;

use crate::content::markdown::LinkKind;
use crate::content::{ContentCache, LoadOptions, dates};
use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::i18n::I18n;
use crate::render::pages::Assets;
use crate::render::{Output, OutputData, templates};
use crate::site::Site;
use crate::{config, output, render};

type Renderer<'a> = &'a (dyn Fn(&Site, &I18n) -> Result<Vec<Output>, Diagnostics> + Sync);

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    /// The moment the site is built for (embargoes, expiry, notice board); default: now.
    pub now: Option<String>,
    pub drafts: bool,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub documents: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    /// Time per phase, for `--verbose`.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// Everything a rebuild produced.
pub struct Rebuild {
    pub site: Site,
    /// The files rendered this time (all of them on a first build).
    pub outputs: Vec<Output>,
    /// Every file of the site, rendered this time or not.
    pub paths: Vec<String>,
    /// Documents rendered anew.
    pub changed_documents: usize,
    pub report: BuildReport,
}

/// What stays valid while `site.yaml`, locales, templates and the theme do not change.
struct Environment {
    key: u64,
    config: config::Config,
    i18n: Arc<I18n>,
    templates: templates::Templates,
    warnings: Vec<Diagnostic>,
}

/// A build that remembers: the second and later rebuilds parse and render only what changed
/// (`anslag serve`); the first renders everything (`anslag build`).
pub struct Builder {
    pub opts: BuildOptions,
    env: Option<Environment>,
    content: ContentCache,
    fingerprints: Option<HashMap<String, u64>>,
    feed_fingerprints: Option<HashMap<String, u64>>,
    generation: u64,
    progress: bool,
}

impl Builder {
    pub fn new(opts: BuildOptions) -> Builder {
        Builder {
            opts,
            env: None,
            content: ContentCache::default(),
            fingerprints: None,
            feed_fingerprints: None,
            generation: 0,
            progress: false,
        }
    }

    /// Show a progress bar on standard error while pages render (for long builds).
    pub fn with_progress(mut self, on: bool) -> Builder {
        self.progress = on;
        self
    }

    /// Loads and renders what changed since the last rebuild. On error nothing is kept, so the
    /// next rebuild starts from the last good state.
    pub fn rebuild(&mut self) -> Result<Rebuild, Diagnostics> {
        let mut report = BuildReport::default();
        let t = Instant::now();
        let key = environment_key(&self.opts.root);
        if self.env.as_ref().is_none_or(|e| e.key != key) {
            let config = config::load(&self.opts.root)?;
            let (i18n, warnings) = I18n::load(&self.opts.root, &config)?;
            let i18n = Arc::new(i18n);
            let templates = templates::environment(&self.opts.root, &config, i18n.clone())?;
            self.env = Some(Environment {
                key,
                config,
                i18n,
                templates,
                warnings,
            });
            self.content = ContentCache::default();
            self.fingerprints = None;
            self.feed_fingerprints = None;
            self.generation += 1;
        }
        let Some(env) = self.env.as_ref() else {
            unreachable!("set above")
        };
        report.warnings.extend(env.warnings.iter().cloned());
        report.warnings.extend(render::pages::warnings(&env.config));
        let now = now_at(self.opts.now.as_deref(), env.config.tz)?;
        let opts = LoadOptions {
            now,
            drafts: self.opts.drafts,
        };
        report
            .timings
            .push(("configuration and locales", t.elapsed()));

        let t = Instant::now();
        let loaded = self.content.load(&self.opts.root, &env.config, opts)?;
        let changed_documents = loaded.changed.len();
        let site = Site::new(env.config.clone(), loaded.documents, opts);
        report.timings.push(("content", t.elapsed()));
        check_site_links(&self.opts.root, &site)?;
        // What must never be published (personal identity numbers) stops the build.
        let build_errors = crate::check::errors_for_build(&self.opts.root, &site);
        if !build_errors.is_empty() {
            return Err(Diagnostics(build_errors));
        }

        let t = Instant::now();
        let (mut outputs, stylesheet) = static_files(&self.opts.root, &site.config.site.theme);
        let mut paths: Vec<String> = outputs.iter().map(|o| o.path.clone()).collect();
        let assets = Assets { stylesheet };
        // A bar only where it helps: a terminal, and enough pages to wait for.
        let bar = (self.progress && site.documents.len() >= 500).then(|| {
            let bar = indicatif::ProgressBar::new(render::pages::page_count(&site) as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} pages")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_message("Rendering");
            bar
        });
        let pages = render::pages::render_pages(
            &site,
            &env.templates,
            &env.i18n,
            &assets,
            self.fingerprints.as_ref(),
            self.generation,
            bar.as_ref(),
        );
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        let pages = pages?;
        report.timings.push(("pages", t.elapsed()));
        outputs.extend(pages.outputs);
        paths.extend(pages.paths);

        // The other outputs are renderers over the same model; each reports all its problems.
        let mut errs = Diagnostics::default();
        // Feeds are many and small: only those that hold a changed document are rendered.
        let t = Instant::now();
        let feeds = crate::feeds::render_changed(
            &site,
            &env.i18n,
            self.feed_fingerprints.as_ref(),
            self.generation,
        );
        report.timings.push(("feeds", t.elapsed()));
        let feed_fingerprints = match feeds {
            Ok(f) => {
                paths.extend(f.paths);
                outputs.extend(f.outputs);
                Some(f.fingerprints)
            }
            Err(d) => {
                errs.extend(d.0);
                None
            }
        };
        let renderers: [(&str, Renderer); 4] = [
            ("api", &crate::api::render),
            ("alerts", &crate::alerts::render),
            ("sitemap", &crate::sitemap::render),
            ("calendar", &crate::calendar::render),
        ];
        for (name, renderer) in renderers {
            let t = Instant::now();
            match renderer(&site, &env.i18n) {
                Ok(o) => {
                    paths.extend(o.iter().map(|o| o.path.clone()));
                    outputs.extend(o);
                }
                Err(d) => errs.extend(d.0),
            }
            report.timings.push((name, t.elapsed()));
        }
        if errs.has_errors() {
            return Err(errs);
        }
        self.fingerprints = Some(pages.fingerprints);
        self.feed_fingerprints = feed_fingerprints;
        report.documents = site.documents.len();
        report.files = paths.len();
        Ok(Rebuild {
            site,
            outputs,
            paths,
            changed_documents,
            report,
        })
    }
}

/// A fingerprint of everything outside `content/` that shapes the site: `site.yaml`, locales,
/// templates, the theme and static files (by name, size and time of change).
fn environment_key(root: &Path) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut visit = |p: &Path| {
        for e in walkdir::WalkDir::new(p)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if let Ok(m) = e.metadata() {
                (e.path(), m.len(), m.modified().ok()).hash(&mut h);
            }
        }
    };
    visit(&root.join(config::CONFIG_FILE));
    for dir in [
        crate::i18n::LOCALES_DIR,
        templates::TEMPLATES_DIR,
        "themes",
        "static",
    ] {
        visit(&root.join(dir));
    }
    h.finish()
}

/// Loads the site for `anslag check`: drafts and embargoed documents included, so that they are
/// checked before they go out.
pub fn load_for_check(root: &Path, now: Option<&str>) -> Result<Site, Diagnostics> {
    let config = config::load(root)?;
    let now = now_at(now, config.tz)?;
    Site::load(root, config, LoadOptions { now, drafts: true })
}

/// Loads the site and renders it, without writing anything.
pub fn render_all(opts: &BuildOptions) -> Result<(Site, Vec<Output>, BuildReport), Diagnostics> {
    let r = Builder::new(opts.clone()).rebuild()?;
    Ok((r.site, r.outputs, r.report))
}

/// Builds the site into `opts.output`, atomically.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    build_with(Builder::new(opts.clone()))
}

/// Builds with a configured builder (e.g. with a progress bar), atomically.
pub fn build_with(builder: Builder) -> Result<BuildReport, Diagnostics> {
    build_site(builder).map(|(_, report)| report)
}

/// Builds with a configured builder, atomically, and returns the site model too (for
/// `anslag publish`, which sends what it holds).
pub fn build_site(mut builder: Builder) -> Result<(Site, BuildReport), Diagnostics> {
    let opts = builder.opts.clone();
    let r = builder.rebuild()?;
    let (site, outputs, mut report) = (r.site, r.outputs, r.report);
    let t = Instant::now();
    output::write_atomically(&opts.output, &outputs).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(&opts.output, format!("cannot write the site: {e}")).hint("the previous site was left as it was; check the folder's permissions and free space")])
    })?;
    report.timings.push(("write", t.elapsed()));
    Ok((site, report))
}

fn now_at(arg: Option<&str>, tz: Tz) -> Result<DateTime<Tz>, Diagnostics> {
    match arg {
        None => Ok(chrono::Utc::now().with_timezone(&tz)),
        Some(s) => dates::parse(s, tz).map_err(|m| {
            Diagnostics(vec![
                Diagnostic::error("--now", m)
                    .hint(format!("write the time like {}", dates::EXAMPLE)),
            ])
        }),
    }
}

/// The theme's static files, the stylesheet named by a hash of its content so that it can be
/// cached for ever. Returns the outputs and the stylesheet's URL.
fn static_files(root: &Path, theme: &str) -> (Vec<Output>, String) {
    let mut files: Vec<(String, Vec<u8>)> = templates::EMBEDDED_STATIC
        .iter()
        .map(|(n, b)| ((*n).to_owned(), b.to_vec()))
        .collect();
    for dir in [
        root.join("themes").join(theme).join("static"),
        root.join("static"),
    ] {
        for e in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if !e.file_type().is_file() {
                continue;
            }
            let rel = e
                .path()
                .strip_prefix(&dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            if let Ok(bytes) = std::fs::read(e.path()) {
                match files.iter_mut().find(|(n, _)| *n == rel) {
                    Some(f) => f.1 = bytes,
                    None => files.push((rel, bytes)),
                }
            }
        }
    }
    let mut stylesheet = String::from("/static/style.css");
    let outputs = files
        .into_iter()
        .map(|(name, bytes)| {
            let path = if name == "style.css" {
                let hash = blake3::hash(&bytes).to_hex();
                let hashed = format!("static/style.{}.css", &hash[..10]);
                stylesheet = format!("/{hashed}");
                hashed
            } else {
                format!("static/{name}")
            };
            Output {
                path,
                data: OutputData::Bytes(bytes),
            }
        })
        .collect();
    (outputs, stylesheet)
}

/// Links written as site paths (`/sv/press/`) must lead to a page or file of this build.
fn check_site_links(root: &Path, site: &Site) -> Result<(), Diagnostics> {
    let urls = render::pages::all_urls(site);
    let files: std::collections::HashSet<&str> = site
        .documents
        .iter()
        .flat_map(|d| d.attachments.iter().map(|a| a.url.as_str()))
        .collect();
    let mut errs = Diagnostics::default();
    for doc in &site.documents {
        for t in &doc.translations {
            for link in t.links.iter().filter(|l| l.kind == LinkKind::SitePath) {
                let path = link.dest.split(['#', '?']).next().unwrap_or_default();
                let as_dir = if path.ends_with('/')
                    || path.rsplit('/').next().is_some_and(|s| s.contains('.'))
                {
                    path.to_owned()
                } else {
                    format!("{path}/")
                };
                let ok = urls.contains(&as_dir)
                    || urls.contains(path)
                    || files.contains(path)
                    || path.starts_with("/static/")
                    || path.starts_with("/feeds/")
                    || path.starts_with("/api/")
                    || path.starts_with("/alerts/")
                    || path.starts_with("/calendar/");
                if !ok {
                    let text = std::fs::read_to_string(root.join(&t.path)).unwrap_or_default();
                    let (line, col) = line_col(&text, link.offset);
                    errs.push(
                        Diagnostic::error(&t.path, format!("broken internal link `{}`: no page has that address", link.dest))
                            .at(line, Some(col))
                            .hint("link to documents with @/KIND/SLUG so the link follows the reader's language")
                            .with_source(&text),
                    );
                }
            }
        }
    }
    errs.sort();
    if errs.has_errors() { Err(errs) } else { Ok(()) }
}
