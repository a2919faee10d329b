//! `anslag build`: configuration → content → site model → pages → output, stopping before any
//! output is written if anything is wrong, and reporting every problem found.

pub mod watch;

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::content::markdown::LinkKind;
use crate::content::{ContentCache, LoadOptions};
use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::i18n::I18n;
use crate::outputs::html::Assets;
use crate::outputs::{Context, Output};
use crate::site::Site;
use crate::site::clock::Clock;
use crate::theme::templates;
use crate::write::File;
use crate::write::Sink;
use crate::{config, write};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    /// The moment the site is built for (embargoes, expiry, notice board): the clock's now.
    pub clock: Clock,
    pub drafts: bool,
    /// Write a `.gz` and a `.br` beside each HTML, CSS, XML, JSON, text, calendar and feed
    /// file, for web servers that send precompressed files (nginx `gzip_static`).
    pub compress: bool,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub documents: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    /// Images processed, and found processed in the cache, for `--verbose`.
    pub images: crate::content::load::ImageWork,
    /// Time per phase, for `--verbose`.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// Everything a rebuild produced.
pub struct Rebuild {
    pub site: Site,
    /// The files rendered this time (all of them on a first build); empty when they went to a
    /// sink ([`Builder::rebuild_into`]).
    pub outputs: Vec<File>,
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
    assets: Assets,
    warnings: Vec<Diagnostic>,
}

/// A build that remembers: the second and later rebuilds parse and render only what changed
/// (`anslag serve`); the first renders everything (`anslag build`).
pub struct Builder {
    pub opts: BuildOptions,
    env: Option<Environment>,
    content: ContentCache,
    /// Every output, made anew with the environment: each keeps what its next rendering can
    /// reuse.
    outputs: Vec<Box<dyn Output>>,
    /// The fingerprint and files of each output that gave a fingerprint, as last rendered.
    last: LastRendering,
    /// The errors that stop a build (personal identity numbers), per document and the day
    /// they were looked for: found again only for documents that changed.
    build_errors: ErrorCache,
    generation: u64,
    /// A watcher tells every change ([`Builder::track_changes`]).
    tracking: bool,
    /// The site's folder, canonical, to make the watcher's absolute paths relative.
    canonical_root: Option<PathBuf>,
    /// Something outside `content/` may have changed since the last rebuild.
    environment_changed: bool,
    progress: bool,
    /// Keep what the next rebuild can reuse (`anslag serve`); a one-time build lets each phase's
    /// caches go as soon as the phase is done, to keep its memory low.
    keep: bool,
}

impl Builder {
    pub fn new(opts: BuildOptions) -> Builder {
        Builder {
            opts,
            env: None,
            content: ContentCache::default(),
            outputs: Vec::new(),
            last: HashMap::new(),
            build_errors: HashMap::new(),
            generation: 0,
            tracking: false,
            canonical_root: None,
            environment_changed: true,
            progress: false,
            keep: true,
        }
    }

    /// Show a progress bar on standard error while pages render (for long builds).
    pub fn with_progress(mut self, on: bool) -> Builder {
        self.progress = on;
        self
    }

    /// A promise that every change to the site's files will be told through
    /// [`Builder::note_changes`] before the next rebuild (`anslag serve` watches them): rebuilds
    /// then examine only what changed instead of every file.
    pub fn track_changes(&mut self) {
        self.tracking = true;
        self.canonical_root = std::fs::canonicalize(&self.opts.root).ok();
        self.content.track_changes();
    }

    /// Files created, changed or removed since the last rebuild (absolute, or relative to the
    /// site's folder); `None` when the watcher lost track of them.
    pub fn note_changes(&mut self, paths: Option<&[PathBuf]>) {
        let relative: Option<Vec<PathBuf>> = paths.map(|ps| {
            ps.iter()
                .map(|p| {
                    self.canonical_root
                        .as_deref()
                        .and_then(|r| p.strip_prefix(r).ok())
                        .or_else(|| p.strip_prefix(&self.opts.root).ok())
                        .unwrap_or(p)
                        .to_path_buf()
                })
                .collect()
        });
        self.environment_changed |= relative.as_ref().is_none_or(|ps| {
            ps.iter()
                .any(|p| !p.starts_with(crate::content::CONTENT_DIR))
        });
        self.content
            .note_changes(&self.opts.root, relative.as_deref());
    }

    /// Loads and renders what changed since the last rebuild, and returns the files rendered.
    /// On error nothing is kept, so the next rebuild starts from the last good state.
    pub fn rebuild(&mut self) -> Result<Rebuild, Diagnostics> {
        let sink = write::Collect::default();
        let mut r = self.rebuild_into(&sink)?;
        r.outputs = sink.into_outputs();
        Ok(r)
    }

    /// Loads and renders what changed since the last rebuild, handing each file to `sink` as
    /// soon as it is rendered. On error nothing is kept, so the next rebuild starts from the
    /// last good state (what went to the sink is then to be thrown away).
    pub fn rebuild_into(&mut self, sink: &dyn Sink) -> Result<Rebuild, Diagnostics> {
        let mut report = BuildReport::default();
        let t = Instant::now();
        mark_phase("configuration and locales");
        self.prepare_environment()?;
        let Some(env) = self.env.as_ref() else {
            unreachable!("set above")
        };
        report.warnings.extend(env.warnings.iter().cloned());
        report
            .warnings
            .extend(crate::outputs::html::warnings(&env.config));
        let opts = LoadOptions {
            now: self.opts.clock.now(env.config.tz),
            drafts: self.opts.drafts,
            addresses: &crate::site::urls::Scheme,
        };
        report
            .timings
            .push(("configuration and locales", t.elapsed()));

        let t = Instant::now();
        mark_phase("content");
        let loaded = self.content.load(&self.opts.root, &env.config, opts)?;
        let changed_documents = loaded.changed.len();
        let next_embargo = loaded.next_embargo;
        report.images = loaded.images;
        if !self.keep {
            // The parsed files are only kept for the next rebuild.
            self.content = ContentCache::default();
        }
        let mut site = Site::new(
            env.config.clone(),
            loaded.documents,
            opts,
            self.opts.clock.clone(),
        );
        site.next_embargo = next_embargo;
        report.timings.push(("content", t.elapsed()));

        // A bar only where it helps: a terminal, and enough pages to wait for.
        let bar = (self.progress && site.documents.len() >= 500).then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} pages")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_message("Rendering");
            bar
        });
        let cx = Context {
            site: &site,
            i18n: &env.i18n,
            templates: &env.templates,
            assets: &env.assets,
            generation: self.generation,
            progress: bar.as_ref(),
        };
        // The plans (which render the small outputs) and the search for what must never be
        // published (personal identity numbers) read the site only: they run side by side.
        let t = Instant::now();
        mark_phase("plans and personal numbers");
        let (plans, (build_errors, numbers_time)) = rayon::join(
            || plan_outputs(&mut self.outputs, &self.last, &cx),
            || {
                let t = Instant::now();
                let errs = find_build_errors(&mut self.build_errors, &self.opts.root, &site);
                (errs, t.elapsed())
            },
        );
        let plans = plans?;
        report.timings.push(("plans", t.elapsed()));
        check_site_links(&self.opts.root, &site, &plans)?;
        // What must never be published stops the build.
        if !build_errors.is_empty() {
            return Err(Diagnostics(build_errors));
        }
        report.timings.push(("personal numbers", numbers_time));
        if let Some(b) = &bar {
            b.set_length(plans.iter().map(|p| p.paths.len() as u64).sum());
        }

        let rendered = render_outputs(&mut self.outputs, self.keep, &cx, plans, sink, &mut report);
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        let (paths, last) = match rendered {
            Ok(r) => r,
            Err(errs) => {
                // Every output renders everything again next time.
                self.env = None;
                return Err(errs);
            }
        };
        self.last = last;
        report.documents = site.documents.len();
        report.files = paths.len();
        Ok(Rebuild {
            site,
            outputs: Vec::new(),
            paths,
            changed_documents,
            report,
        })
    }

    /// Loads `site.yaml`, locales, templates and the theme when any of them changed (or on the
    /// first build); every cache built on them is dropped then.
    fn prepare_environment(&mut self) -> Result<(), Diagnostics> {
        // Told that nothing outside content/ changed, the environment stays as it is.
        let key = match &self.env {
            Some(env) if self.tracking && !self.environment_changed => env.key,
            _ => environment_key(&self.opts.root),
        };
        if self.env.as_ref().is_none_or(|e| e.key != key) {
            let config = config::load(&self.opts.root)?;
            let (i18n, warnings) = I18n::load(&self.opts.root, &config)?;
            let i18n = Arc::new(i18n);
            let templates = templates::environment(&self.opts.root, &config, i18n.clone())?;
            let (statics, stylesheet) =
                crate::outputs::assets::load(&self.opts.root, &config.site.theme);
            self.outputs = crate::outputs::all(&config, statics);
            self.env = Some(Environment {
                key,
                config,
                i18n,
                templates,
                assets: Assets { stylesheet },
                warnings,
            });
            self.content = ContentCache::default();
            if self.tracking {
                self.content.track_changes();
            }
            self.last.clear();
            self.build_errors.clear();
            self.generation += 1;
        }
        self.environment_changed = !self.tracking;
        Ok(())
    }
}

/// Renders every output whose plan is not the last rendering's into `sink`; returns every
/// file of the site and the fingerprints to keep, or all the problems found.
///
/// Each output renders in a task of its own, all at once: the parallel loops inside one
/// output end with a tail where few cores are busy, and work-stealing fills it with another
/// output's work. Each output's time is its own task's, from its start to its end; the outputs
/// share the cores meanwhile, so the times add up to more than "outputs" (the whole).
fn render_outputs(
    outputs: &mut [Box<dyn Output>],
    keep: bool,
    cx: &Context<'_>,
    plans: Vec<Planned>,
    sink: &dyn Sink,
    report: &mut BuildReport,
) -> Result<(Vec<String>, LastRendering), Diagnostics> {
    let started = Instant::now();
    mark_phase("outputs");
    let mut done: Vec<(Result<(), Diagnostics>, std::time::Duration)> = Vec::new();
    done.resize_with(outputs.len(), || (Ok(()), std::time::Duration::ZERO));
    rayon::scope(|s| {
        for ((output, plan), slot) in outputs.iter_mut().zip(&plans).zip(&mut done) {
            s.spawn(move |_| {
                let t = Instant::now();
                if !plan.reused {
                    let sink = Chosen {
                        inner: sink,
                        compress: output.compressible(),
                    };
                    slot.0 = output.render(cx, &sink);
                }
                if !keep {
                    output.forget();
                }
                slot.1 = t.elapsed();
            });
        }
    });
    let mut errs = Diagnostics::default();
    let mut paths = Vec::new();
    let mut last = HashMap::new();
    for ((output, plan), (result, time)) in outputs.iter().zip(plans).zip(done) {
        if let Err(d) = result {
            errs.extend(d.0);
        }
        if let Some(fp) = plan.fingerprint {
            last.insert(output.name(), (fp, plan.paths.clone()));
        }
        paths.extend(plan.paths);
        report.timings.push((output.name(), time));
    }
    report.timings.push(("outputs", started.elapsed()));
    if errs.has_errors() {
        Err(errs)
    } else {
        Ok((paths, last))
    }
}

/// Per output that gives a fingerprint: the last rendering's fingerprint and files.
type LastRendering = HashMap<&'static str, (u64, Vec<String>)>;

/// An output's plan for one rebuild.
struct Planned {
    paths: Vec<String>,
    fingerprint: Option<u64>,
    /// The fingerprint is the last rendering's: nothing to render.
    reused: bool,
}

/// Every output's plan, all errors collected. An output whose fingerprint is the last
/// rendering's keeps that rendering's paths and is not planned again.
fn plan_outputs(
    outputs: &mut [Box<dyn Output>],
    last: &LastRendering,
    cx: &Context<'_>,
) -> Result<Vec<Planned>, Diagnostics> {
    use rayon::prelude::*;
    let planned: Vec<Result<Planned, Diagnostics>> = outputs
        .par_iter_mut()
        .map(|o| plan_output(o.as_mut(), last, cx))
        .collect();
    let mut errs = Diagnostics::default();
    let mut plans = Vec::with_capacity(outputs.len());
    for p in planned {
        match p {
            Ok(p) => plans.push(p),
            Err(d) => errs.extend(d.0),
        }
    }
    if errs.has_errors() {
        Err(errs)
    } else {
        Ok(plans)
    }
}

/// One output's plan: the last rendering's when its fingerprint is the same.
fn plan_output(
    o: &mut dyn Output,
    last: &LastRendering,
    cx: &Context<'_>,
) -> Result<Planned, Diagnostics> {
    let fingerprint = o.fingerprint(cx).map(|f| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (f, cx.generation).hash(&mut h);
        h.finish()
    });
    match (fingerprint, last.get(o.name())) {
        (Some(fp), Some((old, paths))) if fp == *old => Ok(Planned {
            paths: paths.clone(),
            fingerprint,
            reused: true,
        }),
        _ => o.plan(cx).map(|paths| Planned {
            paths,
            fingerprint,
            reused: false,
        }),
    }
}

/// A sink that makes precompressed copies of the files its output wants compressed.
struct Chosen<'a> {
    inner: &'a dyn Sink,
    compress: fn(&str) -> bool,
}

impl Sink for Chosen<'_> {
    fn put_with(&self, file: crate::write::File, _: bool) -> std::io::Result<()> {
        let wanted = (self.compress)(&file.path);
        self.inner.put_with(file, wanted)
    }
}

/// The errors that stop a build, per document, with the load that rendered it and the day.
type ErrorCache =
    HashMap<(crate::content::Kind, String), (u64, chrono::NaiveDate, Vec<Diagnostic>)>;

/// What stops the build: personal identity numbers in documents and attachments, looked
/// for again only in documents that changed (or when the day changes).
fn find_build_errors(cache: &mut ErrorCache, root: &Path, site: &Site) -> Vec<Diagnostic> {
    let today = site.now.date_naive();
    let stale: Vec<usize> = site
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            cache
                .get(&(d.kind, d.slug.clone()))
                .is_none_or(|(g, day, _)| *g != d.generation || *day != today)
        })
        .map(|(i, _)| i)
        .collect();
    let found = crate::check::errors_for_build_in(root, site, &stale);
    let mut kept = HashMap::with_capacity(site.documents.len());
    for d in &site.documents {
        let key = (d.kind, d.slug.clone());
        if let Some(v) = cache.remove(&key) {
            kept.insert(key, v);
        }
    }
    for (i, diags) in found {
        let d = &site.documents[i];
        kept.insert((d.kind, d.slug.clone()), (d.generation, today, diags));
    }
    *cache = kept;
    let mut all = Diagnostics(
        cache
            .values()
            .flat_map(|(_, _, d)| d.iter().cloned())
            .collect(),
    );
    all.sort();
    all.0
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
pub fn load_for_check(root: &Path, clock: &Clock) -> Result<Site, Diagnostics> {
    let config = config::load(root)?;
    Site::load(root, config, clock, true)
}

/// Loads the site and renders it, without writing anything.
pub fn render_all(opts: &BuildOptions) -> Result<(Site, Vec<File>, BuildReport), Diagnostics> {
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
    builder.keep = false;
    let write_error = |e: std::io::Error| {
        Diagnostics(vec![Diagnostic::error(&opts.output, format!("cannot write the site: {e}")).hint("the previous site was left as it was; check the folder's permissions and free space")])
    };
    // Files are written into a folder beside the output while they are rendered; a failed
    // build drops the folder, a good one is swapped in at once.
    let staging = write::Staging::new(&opts.output).map_err(write_error)?;
    let sink = write::Folder::new(staging.dir(), opts.compress, Some(staging.output()));
    let r = builder.rebuild_into(&sink)?;
    let (site, mut report) = (r.site, r.report);
    let t = Instant::now();
    mark_phase("swap");
    staging.commit().map_err(write_error)?;
    report.timings.push(("swap", t.elapsed()));
    mark_phase("done");
    Ok((site, report))
}

/// With `ANSLAG_PHASE_MARKS` set (benches/scale.sh; not documented for users), a line on
/// standard error as each phase starts, so that a sampler of the process's memory can tell
/// which phase each sample belongs to (`--verbose` gives durations only, at the end).
fn mark_phase(name: &str) {
    if std::env::var_os("ANSLAG_PHASE_MARKS").is_some() {
        eprintln!("anslag-phase: {name}");
    }
}

/// Links written as site paths (`/sv/press/`, `/sv/feed.xml`) must lead to a file that one of
/// the outputs plans to write.
fn check_site_links(root: &Path, site: &Site, plans: &[Planned]) -> Result<(), Diagnostics> {
    let files: HashSet<&str> = plans
        .iter()
        .flat_map(|p| p.paths.iter().map(String::as_str))
        .collect();
    // A folder's address is its index page; an address without a slash may name either.
    let written = |path: &str| {
        files.contains(crate::site::urls::output_path(path).as_str())
            || (!path.ends_with('/')
                && files.contains(crate::site::urls::output_path(&format!("{path}/")).as_str()))
    };
    let mut errs = Diagnostics::default();
    for doc in &site.documents {
        for t in &doc.translations {
            for link in t.links.iter().filter(|l| l.kind == LinkKind::SitePath) {
                let path = link.dest.split(['#', '?']).next().unwrap_or_default();
                if !written(path) {
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
