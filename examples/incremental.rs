//! Times rebuilds the way `anslag serve` makes them: one `build::Builder` kept between builds,
//! its files written as they are rendered by an `write::Changed` sink (only those that changed). Builds the site once, rebuilds with nothing
//! changed, then edits one document (appends a sentence, then takes it away again) and times
//! each rebuild. The document is left as it was.
//!
//! ```sh
//! cargo run --release --example incremental -- --site /dev/shm/corpus [--out DIR] [--runs 10] [--now TIME]
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anslag::build::{BuildOptions, Builder};
use anslag::write;

const USAGE: &str = "usage: incremental --site DIR [--out DIR] [--runs N] [--now TIME] [--doc FILE]
  --site DIR   the site (site.yaml, content/)
  --out DIR    where to write the preview (default: /dev/shm/anslag-incremental)
  --runs N     edits to time (default 10)
  --now TIME   build as of this moment (RFC 3339), as `anslag build --now`
  --doc FILE   the document to edit, relative to the site (default: one in the middle of content/press)
  --verbose    print the time of each phase of each rebuild";

fn main() {
    let mut site = None;
    let mut out = PathBuf::from("/dev/shm/anslag-incremental");
    let mut runs = 10usize;
    let mut now = None;
    let mut doc = None;
    let mut verbose = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| fail(&format!("{a} needs a value")))
        };
        match a.as_str() {
            "--site" => site = Some(PathBuf::from(value())),
            "--out" => out = PathBuf::from(value()),
            "--runs" => {
                runs = value()
                    .parse()
                    .unwrap_or_else(|e| fail(&format!("--runs: {e}")))
            }
            "--now" => now = Some(value()),
            "--doc" => doc = Some(PathBuf::from(value())),
            "--verbose" => verbose = true,
            _ => fail(&format!("unknown argument `{a}`")),
        }
    }
    let site = site.unwrap_or_else(|| fail("--site is required"));
    let doc = site.join(doc.unwrap_or_else(|| middle_document(&site)));
    let original = std::fs::read_to_string(&doc)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", doc.display())));
    if out.exists() {
        std::fs::remove_dir_all(&out).unwrap_or_else(|e| fail(&e.to_string()));
    }

    // As `anslag serve` does: drafts included, one builder, only changed files written.
    let mut builder = Builder::new(BuildOptions {
        root: site.clone(),
        output: out.clone(),
        clock: anslag::site::clock::Clock::from_flag(now.as_deref()).unwrap_or_else(|e| {
            eprintln!("--now: {e}");
            std::process::exit(2)
        }),
        drafts: true,
        compress: false,
    });
    // As `anslag serve` does: the watcher tells the builder which files changed.
    builder.track_changes();
    let mut written = HashMap::new();
    let mut rebuild = |label: &str, changed: &[PathBuf]| -> Duration {
        let t = Instant::now();
        builder.note_changes(Some(changed));
        let sink = write::Changed::new(&out, std::mem::take(&mut written), false)
            .unwrap_or_else(|e| fail(&format!("cannot write: {e}")));
        let r = builder
            .rebuild_into(&sink)
            .unwrap_or_else(|d| fail(&format!("the build failed:\n{d}")));
        let (now_written, files, removed) = sink.finish(Some(&r.paths));
        written = now_written;
        let took = t.elapsed();
        if verbose {
            for (phase, d) in &r.report.timings {
                println!("{phase:>40}: {:8.1} ms", d.as_secs_f64() * 1000.0);
            }
        }
        println!(
            "{label:>22}: {:8.1} ms  ({} document{} rendered, {files} files written, {removed} removed)",
            took.as_secs_f64() * 1000.0,
            r.changed_documents,
            if r.changed_documents == 1 { "" } else { "s" },
        );
        took
    };
    rebuild("first build", &[]);
    let unchanged: Vec<Duration> = (0..3).map(|_| rebuild("no change", &[])).collect();
    let mut edits = Vec::new();
    for i in 0..runs {
        // A real edit: other bytes, and a new modification time.
        let text = if i % 2 == 0 {
            format!("{original}\nOne more sentence, added by the benchmark.\n")
        } else {
            original.clone()
        };
        std::fs::write(&doc, text).unwrap_or_else(|e| fail(&e.to_string()));
        edits.push(rebuild("one document edited", std::slice::from_ref(&doc)));
    }
    std::fs::write(&doc, &original).unwrap_or_else(|e| fail(&e.to_string()));
    println!(
        "median: no-change rebuild {:.1} ms, one-document rebuild {:.1} ms ({})",
        median(unchanged).as_secs_f64() * 1000.0,
        median(edits).as_secs_f64() * 1000.0,
        doc.strip_prefix(&site).unwrap_or(&doc).display()
    );
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// A press release from the middle of the archive: on a topic page and a year page, not on
/// the home page.
fn middle_document(site: &Path) -> PathBuf {
    let dir = site.join("content").join("press");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", dir.display())))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sv.md"))
        .collect();
    names.sort();
    let name = names
        .get(names.len() / 2)
        .unwrap_or_else(|| fail("no press release to edit"));
    Path::new("content").join("press").join(name)
}

fn fail(msg: &str) -> ! {
    eprintln!("error: {msg}\n\n{USAGE}");
    std::process::exit(2)
}
