//! `anslag publish --watch`: a publisher that keeps time. It holds the publish lock for as long
//! as it runs, publishes once at the start, and then again whenever something is due: when the
//! site's files change (once a save is done) and at each moment the site changes by itself (an
//! embargo lifts, a notice expires, a digest falls due, a deferred message is to be tried again).
//!
//! Rebuilds are incremental (the builder keeps what did not change) and every one is swapped in
//! whole ([`Generations`]). SIGTERM or SIGINT stops it cleanly: a rebuild in progress finishes
//! and is swapped in (it takes well under a second), sending stops after the messages in flight
//! and every unsent row stays queued for the next run.

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};

use super::{PublishLock, PublishOptions, PublishReport, deliver, next_moment, one, runtime};
use crate::build::Builder;
use crate::build::watch::{Event, Stopper, Watcher};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::write::Generations;

/// Runs until SIGTERM or SIGINT. Errors are those that stop it from starting; a rebuild or a
/// send that fails is reported and the site as last published stays.
pub fn watch(opts: &PublishOptions, quiet: bool) -> Result<(), Diagnostics> {
    let _lock = PublishLock::acquire(&opts.build.output).map_err(one)?;
    let root = std::fs::canonicalize(&opts.build.root).map_err(|e| {
        one(Diagnostic::error(
            &opts.build.root,
            format!("cannot open the site's folder: {e}"),
        ))
    })?;
    let output = std::path::absolute(&opts.build.output).unwrap_or(opts.build.output.clone());
    let cannot_write = |e: std::io::Error| {
        one(
            Diagnostic::error(&output, format!("cannot write the site: {e}"))
                .hint("the folder that holds the output must be writable"),
        )
    };
    // What a one-time publish recorded no longer tells what this one will publish.
    super::stamp::Inputs::forget_at(&output);
    let mut generations = Generations::new(&output, opts.build.compress).map_err(cannot_write)?;
    let watcher = Watcher::start(&root, std::slice::from_ref(&output)).map_err(|e| {
        one(Diagnostic::failure(format!(
            "cannot watch the site's files: {e}"
        )))
    })?;
    let runtime = runtime()?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    listen_for_signals(&runtime, watcher.stopper(), stop_tx);

    let mut builder = Builder::new(opts.build.clone()).with_progress(opts.progress);
    builder.track_changes();
    let mut publisher = Publisher {
        opts,
        quiet,
        runtime: &runtime,
        stop: stop_rx,
        warned: String::new(),
    };
    let clock = opts.build.clock.clone();
    let mut next = publisher.pass(&mut builder, &mut generations);
    if !quiet {
        println!(
            "Watching {} for changes and for what falls due",
            root.display()
        );
    }
    loop {
        // The compressed copies of what the last pass wrote (the site itself was swapped in
        // without waiting for them), and, the first time, the spare of the next swap.
        if let Err(e) = generations.compress_deferred() {
            eprintln!(
                "warning: cannot write the compressed copies: {e}; the files are served as they are"
            );
        }
        if let Err(e) = generations.prepare() {
            eprintln!("warning: cannot prepare the next rebuild beside the output: {e}");
        }
        if let Some(at) = next.filter(|_| !quiet && !clock.is_fixed()) {
            println!("Next: {}", at.to_rfc3339());
        }
        match watcher.next(next, &clock) {
            Event::Stop => break,
            Event::Due => builder.note_changes(Some(&[])),
            Event::Changed(paths) => builder.note_changes(paths.as_deref()),
        }
        if *publisher.stop.borrow() {
            break;
        }
        next = publisher.pass(&mut builder, &mut generations);
    }
    if !quiet {
        println!("Stopped; the site as last published stays, and what was not sent stays queued");
    }
    Ok(())
}

/// Tells the loop to stop on SIGTERM (systemd, `kill`) and SIGINT (Ctrl-C), and stops sending.
fn listen_for_signals(
    runtime: &tokio::runtime::Runtime,
    stopper: Stopper,
    stop: tokio::sync::watch::Sender<bool>,
) {
    runtime.spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut term) = signal(SignalKind::terminate()) else {
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
        let _ = stop.send(true);
        stopper.stop();
    });
}

struct Publisher<'a> {
    opts: &'a PublishOptions,
    quiet: bool,
    runtime: &'a tokio::runtime::Runtime,
    stop: tokio::sync::watch::Receiver<bool>,
    /// The warnings last printed.
    warned: String,
}

impl Publisher<'_> {
    /// One rebuild, swapped in whole, then what it makes due is sent. Returns the next moment
    /// at which something falls due; after a failed rebuild, none until the next edit (the
    /// same files would only fail again).
    fn pass(
        &mut self,
        builder: &mut Builder,
        generations: &mut Generations,
    ) -> Option<DateTime<Utc>> {
        let started = Instant::now();
        let pass = match generations.begin() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("error: cannot write the site: {e}");
                return None;
            }
        };
        let rebuilt = match builder.rebuild_into(pass.sink()) {
            Ok(r) => r,
            Err(diags) => {
                generations.discard(pass);
                diags.eprint();
                eprintln!("The site as last published stays.");
                return None;
            }
        };
        let swapped = match generations.commit(pass, &rebuilt.paths) {
            Ok(s) => s,
            Err(e) => {
                eprintln!(
                    "error: cannot swap the new site in: {e}; the site as last published stays"
                );
                return None;
            }
        };
        // Warnings once, not at every rebuild: they are about the site's files, not the moment.
        let warnings = format!("{:?}", rebuilt.report.warnings);
        if warnings != self.warned {
            crate::diagnostics::eprint(&rebuilt.report.warnings);
            self.warned = warnings;
        }
        if !self.quiet {
            println!(
                "Published in {} ms: {} document{} rendered, {} file{} written, {} removed",
                started.elapsed().as_millis(),
                rebuilt.changed_documents,
                if rebuilt.changed_documents == 1 {
                    ""
                } else {
                    "s"
                },
                swapped.written,
                if swapped.written == 1 { "" } else { "s" },
                swapped.removed,
            );
        }
        let site = Arc::new(rebuilt.site);
        let mut report = PublishReport::default();
        match deliver(
            &site,
            self.opts,
            self.runtime,
            self.stop.clone(),
            &mut report,
        ) {
            Ok(delivered) => {
                if !self.quiet {
                    print_mail(&report);
                }
                next_moment(&site, &delivered)
            }
            Err(e) => {
                e.diagnostics.eprint();
                // The site is published; the mail waits in the outbox (a relay outage is no
                // reason to stop). Try again on the crisis schedule.
                let retry = site.clock.now_utc(site.config.tz) + crate::mail::outbox::CRISIS_RETRY;
                next_moment(&site, &super::Delivered::default())
                    .into_iter()
                    .chain([retry])
                    .min()
            }
        }
    }
}

fn print_mail(report: &PublishReport) {
    if let Some(q) = &report.queued
        && q.crisis + q.digests > 0
    {
        println!(
            "Queued {} crisis message{} and {} digest{}",
            q.crisis,
            if q.crisis == 1 { "" } else { "s" },
            q.digests,
            if q.digests == 1 { "" } else { "s" },
        );
    }
    if let Some(s) = &report.sent
        && s.sent + s.retry + s.failed + s.unknown > 0
    {
        println!(
            "Sent {}, to try again {}, failed {}, unknown {}",
            s.sent, s.retry, s.failed, s.unknown
        );
    }
}
