//! `anslag build`: configuration → content → site model → pages → output, stopping before any
//! output is written if anything is wrong, and reporting every problem found.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::DateTime;
use chrono_tz::Tz;

use crate::content::markdown::LinkKind;
use crate::content::{LoadOptions, dates};
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

/// Loads the site and renders it, without writing anything.
pub fn render_all(opts: &BuildOptions) -> Result<(Site, Vec<Output>, BuildReport), Diagnostics> {
    let mut report = BuildReport::default();
    let t = Instant::now();
    let config = config::load(&opts.root)?;
    let now = now(opts.now.as_deref(), config.tz)?;
    let (i18n, warnings) = I18n::load(&opts.root, &config)?;
    report.warnings.extend(warnings);
    let i18n = Arc::new(i18n);
    report
        .timings
        .push(("configuration and locales", t.elapsed()));

    let t = Instant::now();
    let env = templates::environment(&opts.root, &config, i18n.clone());
    let site = Site::load(
        &opts.root,
        config,
        LoadOptions {
            now,
            drafts: opts.drafts,
        },
    );
    let (env, site) = match (env, site) {
        (Ok(e), Ok(s)) => (e, s),
        (e, s) => {
            let mut all = Diagnostics::default();
            if let Err(d) = e {
                all.extend(d.0);
            }
            if let Err(d) = s {
                all.extend(d.0);
            }
            return Err(all);
        }
    };
    report.timings.push(("content", t.elapsed()));
    check_site_links(&opts.root, &site)?;

    let t = Instant::now();
    let (mut outputs, stylesheet) = static_files(&opts.root, &site.config.site.theme);
    let assets = Assets { stylesheet };
    // Every output is a renderer over the same model; each reports all its problems.
    let mut errs = Diagnostics::default();
    let renderers: [(&str, Renderer); 6] = [
        ("pages", &|s, i| render::render_site(s, &env, i, &assets)),
        ("feeds", &crate::feeds::render),
        ("api", &crate::api::render),
        ("alerts", &crate::alerts::render),
        ("sitemap", &crate::sitemap::render),
        ("calendar", &crate::calendar::render),
    ];
    for (name, renderer) in renderers {
        let t = Instant::now();
        match renderer(&site, &i18n) {
            Ok(o) => outputs.extend(o),
            Err(d) => errs.extend(d.0),
        }
        report.timings.push((name, t.elapsed()));
    }
    if errs.has_errors() {
        return Err(errs);
    }
    report.timings.push(("render (all)", t.elapsed()));
    report.documents = site.documents.len();
    report.files = outputs.len();
    Ok((site, outputs, report))
}

/// Builds the site into `opts.output`, atomically.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let (_, outputs, mut report) = render_all(opts)?;
    let t = Instant::now();
    output::write_atomically(&opts.output, &outputs).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(&opts.output, format!("cannot write the site: {e}")).hint("the previous site was left as it was; check the folder's permissions and free space")])
    })?;
    report.timings.push(("write", t.elapsed()));
    Ok(report)
}

fn now(arg: Option<&str>, tz: Tz) -> Result<DateTime<Tz>, Diagnostics> {
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
                    || path.starts_with("/api/") || path.starts_with("/alerts/") || path.starts_with("/calendar/");
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
