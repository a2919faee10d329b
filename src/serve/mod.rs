//! `anslag serve`: a live preview for authors. Serves the preview on loopback at once (the one
//! the last serve left, if any), builds the site into it (drafts and embargoed documents
//! included, marked as such; only files whose bytes differ are written), watches the site's
//! files, rebuilds only what an edit affects, and reloads open pages over server-sent events. A
//! broken edit shows its errors in the terminal and on the page, while the last good build stays
//! served.

mod http;
mod preview;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use tokio::sync::broadcast;

use crate::build::watch::{Event, Watcher};
use crate::build::{BuildOptions, Builder};
use crate::write;

pub struct ServeOptions {
    pub root: PathBuf,
    /// Where the preview is written (not `public/`: a preview holds drafts).
    pub output: PathBuf,
    pub listen: SocketAddr,
    pub clock: crate::site::clock::Clock,
}

/// A message to open pages.
#[derive(Debug, Clone)]
pub enum Notice {
    /// A good rebuild, with its number ([`State::generation`]).
    Reload(u64),
    Failed(String),
}

/// What the HTTP side needs to know.
pub struct State {
    pub out_dir: PathBuf,
    /// The errors of the last rebuild, if it failed.
    pub error: RwLock<Option<String>>,
    pub notices: broadcast::Sender<Notice>,
    /// Good rebuilds so far: a page served before the last one reloads as soon as it listens.
    pub generation: AtomicU64,
    /// Set when the first build has finished (well or not): until then a request for a file
    /// not written yet waits for it.
    pub ready: tokio::sync::watch::Sender<bool>,
}

pub fn serve(opts: ServeOptions) -> anyhow::Result<()> {
    let root = std::fs::canonicalize(&opts.root)?;
    let out_dir = absolute(&opts.output)?;
    if out_dir == root.join("public") || out_dir == absolute(&opts.root.join("public"))? {
        anyhow::bail!(
            "the preview cannot be written to {}: it holds drafts, and public/ is what gets published",
            out_dir.display()
        );
    }
    let (notices, _) = broadcast::channel(16);
    let state = Arc::new(State {
        out_dir: out_dir.clone(),
        error: RwLock::new(None),
        notices,
        generation: AtomicU64::new(0),
        ready: tokio::sync::watch::Sender::new(false),
    });
    let mut builder = Builder::new(BuildOptions {
        root: opts.root.clone(),
        output: out_dir.clone(),
        clock: opts.clock.clone(),
        drafts: true,
        compress: false,
    });
    // The watcher below tells the builder every change, so a rebuild looks at those files only.
    builder.track_changes();
    // Watching starts before the first build, so that an edit made while it runs is not lost.
    let watcher = Watcher::start(&root, std::slice::from_ref(&out_dir))?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        // Serving first: what the last serve left is served while the first build runs.
        let listener = http::bind(opts.listen).await?;
        let (watch_state, clock) = (state.clone(), opts.clock.clone());
        std::thread::spawn(move || {
            let (written, _) = preview::previous(&watch_state.out_dir);
            let mut watch = Watch {
                builder,
                state: watch_state,
                written,
            };
            let next = watch.rebuild();
            watch.state.ready.send_replace(true);
            watch.run(&watcher, &clock, next);
        });
        http::run(listener, state).await
    })
}

/// The preview's rebuild loop: its builder, what it wrote, and where.
struct Watch {
    builder: Builder,
    state: Arc<State>,
    /// What the preview holds.
    written: write::Written,
}

impl Watch {
    /// Rebuilds after every batch of relevant changes and at every moment the site changes by
    /// itself (`next`: the preview keeps time), until the watcher goes away.
    fn run(
        &mut self,
        watcher: &Watcher,
        clock: &crate::site::clock::Clock,
        mut next: Option<chrono::DateTime<chrono::Utc>>,
    ) {
        loop {
            match watcher.next(next, clock) {
                Event::Stop => return,
                Event::Due => self.builder.note_changes(Some(&[])),
                Event::Changed(paths) => self.builder.note_changes(paths.as_deref()),
            }
            next = self.rebuild();
        }
    }

    /// One rebuild (see [`rebuild`]), with the preview's record removed while it writes and
    /// written again after: it is exact then, if the rebuild failed too.
    fn rebuild(&mut self) -> Option<chrono::DateTime<chrono::Utc>> {
        preview::forget(&self.state.out_dir);
        let next = rebuild(&mut self.builder, &self.state, &mut self.written);
        if let Err(e) = preview::record(&self.state.out_dir, &self.written) {
            eprintln!(
                "warning: cannot record what the preview holds: {e}; the next serve writes it all again"
            );
        }
        next
    }
}

fn absolute(p: &Path) -> std::io::Result<PathBuf> {
    if p.is_absolute() {
        Ok(p.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(p))
    }
}

/// One rebuild: on success the changed files are written and pages reload; on failure the
/// errors are printed and shown on the pages, and the last good build stays. Returns the next
/// moment at which the site changes by itself, after a good rebuild; after a failed one
/// nothing is due until the next edit (retrying a broken site at once would only fail again).
fn rebuild(
    builder: &mut Builder,
    state: &State,
    written: &mut write::Written,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let started = Instant::now();
    // Files go to the preview as they are rendered; those that did not change are not touched.
    let sink = match write::Changed::new(
        &state.out_dir,
        std::mem::take(written),
        builder.opts.compress,
    ) {
        // Served while it is written: `Changed` replaces every file whole.
        Ok(s) => s,
        Err(e) => {
            report_failure(
                state,
                format!("error: cannot write the preview: {e}\n"),
                true,
            );
            return None;
        }
    };
    match builder.rebuild_into(&sink) {
        Ok(r) => {
            let (now_written, files, removed) = sink.finish(Some(&r.paths));
            *written = now_written;
            if let Ok(mut e) = state.error.write() {
                *e = None;
            }
            println!(
                "Rebuilt in {} ms: {} document{} rendered, {files} file{} written, {removed} removed",
                started.elapsed().as_millis(),
                r.changed_documents,
                if r.changed_documents == 1 { "" } else { "s" },
                if files == 1 { "" } else { "s" },
            );
            let generation = state.generation.fetch_add(1, Ordering::SeqCst) + 1;
            let _ = state.notices.send(Notice::Reload(generation));
            crate::site::schedule::next(&r.site, None).map(|t| t.with_timezone(&chrono::Utc))
        }
        Err(diags) => {
            // Whatever was written before the problem showed is on record, so that the next
            // good rebuild replaces it.
            *written = sink.finish(None).0;
            diags.eprint();
            report_failure(state, diags.to_string(), false);
            None
        }
    }
}

fn report_failure(state: &State, text: String, print: bool) {
    if print {
        eprint!("{text}");
    }
    eprintln!("The last good build is still served.");
    if let Ok(mut e) = state.error.write() {
        *e = Some(text.clone());
    }
    let _ = state.notices.send(Notice::Failed(text));
}
