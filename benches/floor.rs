//! The machine's floor for "read, parse, write": what a static-site generator cannot go below on
//! this machine for a given site. It reads the site's Markdown files, parses and renders them
//! with pulldown-cmark (anslag's options, `content::markdown::parser_options`) and writes as many
//! files of the same sizes, at the same paths, as another build wrote (a listing of anslag's
//! output), filled with the rendered HTML, on rayon's threads (one per core, as anslag) — and
//! nothing else: no front matter parsed, no templates, no links, no feeds, no checks.
//!
//! ```sh
//! find OUT -type f -printf '%s %P\n' > sizes.txt       # OUT: anslag's output of the site
//! cargo run --profile dist --example floor -- --site DIR --sizes sizes.txt --out /dev/shm/floor
//! ```
//!
//! Built as an example (`[[example]]` in Cargo.toml, no test harness): `benches/build.sh`
//! builds it with the same profile as anslag, at a fixed path, and `cargo build --examples`
//! keeps it compiling.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

// The same allocator as anslag (src/main.rs), so that the floor does not lose on it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: floor --site DIR (--sizes FILE | --like DIR) --out DIR
  --site DIR    the site whose content/**/*.md to read and render
  --sizes FILE  the files to write: lines of `SIZE PATH` (find OUT -type f -printf '%s %P\\n')
  --like DIR    or: write the files this folder holds, with their sizes (listed first, timed)
  --out DIR     where to write them (emptied first; put it in /dev/shm)";

fn main() {
    let args = Args::parse(std::env::args().skip(1)).unwrap_or_else(|e| fail(&e));
    let started = Instant::now();
    let sizes = match &args.files {
        Files::Listing(file) => read_listing(file),
        Files::Like(dir) => list_folder(dir),
    }
    .unwrap_or_else(|e| fail(&e));

    let t = Instant::now();
    let markdown = markdown_files(&args.site.join("content")).unwrap_or_else(|e| fail(&e));
    let html = render(&markdown).unwrap_or_else(|e| fail(&e));
    let read_ms = t.elapsed().as_secs_f64() * 1000.0;
    if html.iter().all(String::is_empty) {
        fail("no Markdown rendered to anything: nothing to fill the files with");
    }

    let t = Instant::now();
    let written = write(&args.out, &sizes, &html).unwrap_or_else(|e| fail(&e));
    let write_ms = t.elapsed().as_secs_f64() * 1000.0;
    let source: usize = html.iter().map(String::len).sum();
    println!(
        "floor: {} Markdown files read and rendered ({:.1} MB of HTML) in {read_ms:.0} ms; \
         {} files ({written} bytes) written in {write_ms:.0} ms; {:.0} ms in all, {} threads",
        markdown.len(),
        source as f64 / 1e6,
        sizes.len(),
        started.elapsed().as_secs_f64() * 1000.0,
        rayon::current_num_threads()
    );
}

fn fail(message: &str) -> ! {
    eprintln!("floor: {message}\n\n{USAGE}");
    std::process::exit(2)
}

enum Files {
    Listing(PathBuf),
    Like(PathBuf),
}

struct Args {
    site: PathBuf,
    files: Files,
    out: PathBuf,
}

impl Args {
    fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
        let (mut site, mut files, mut out) = (None, None, None);
        while let Some(a) = it.next() {
            let mut value = || {
                it.next()
                    .map(PathBuf::from)
                    .ok_or(format!("{a} needs a value"))
            };
            match a.as_str() {
                "--site" => site = Some(value()?),
                "--sizes" => files = Some(Files::Listing(value()?)),
                "--like" => files = Some(Files::Like(value()?)),
                "--out" => out = Some(value()?),
                _ => return Err(format!("unknown argument `{a}`")),
            }
        }
        Ok(Args {
            site: site.ok_or("--site is required")?,
            files: files.ok_or("--sizes or --like is required")?,
            out: out.ok_or("--out is required")?,
        })
    }
}

/// The files to write, from lines of `SIZE PATH`.
fn read_listing(file: &Path) -> Result<Vec<(usize, String)>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let at = || format!("{}:{}: expected `SIZE PATH`", file.display(), i + 1);
            let (size, path) = line.split_once(' ').ok_or_else(at)?;
            Ok((size.parse().map_err(|_| at())?, path.to_owned()))
        })
        .collect()
}

/// Every file under `dir`, with its size and path relative to `dir`.
fn list_folder(dir: &Path) -> Result<Vec<(usize, String)>, String> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_type().is_file() {
            let size = entry.metadata().map_err(|e| e.to_string())?.len() as usize;
            let rel = entry.path().strip_prefix(dir).map_err(|e| e.to_string())?;
            files.push((size, rel.to_string_lossy().into_owned()));
        }
    }
    Ok(files)
}

/// The Markdown files under `dir`, in a stable order.
fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "md") {
            paths.push(entry.into_path());
        }
    }
    Ok(paths)
}

/// Each file's body (after its `---` front matter) rendered to HTML, in parallel.
fn render(paths: &[PathBuf]) -> Result<Vec<String>, String> {
    let options = anslag::content::markdown::parser_options();
    paths
        .par_iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let body = body(&text);
            let mut html = String::with_capacity(body.len() * 3 / 2);
            pulldown_cmark::html::push_html(
                &mut html,
                pulldown_cmark::Parser::new_ext(body, options),
            );
            Ok(html)
        })
        .collect()
}

/// The text after the front matter (`---` lines), or all of it when there is none.
fn body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
        .unwrap_or(text)
}

/// Writes the files into `out` (emptied first) in parallel; returns the bytes written.
fn write(out: &Path, sizes: &[(usize, String)], html: &[String]) -> Result<usize, String> {
    let io = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| io(out, e))?;
    }
    // Folders first, each once, so that the writing threads only create files.
    let mut dirs: Vec<PathBuf> = sizes
        .iter()
        .filter_map(|(_, p)| Path::new(p).parent().map(|d| out.join(d)))
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    dirs.par_iter()
        .try_for_each(|d| std::fs::create_dir_all(d).map_err(|e| io(d, e)))?;
    sizes
        .par_iter()
        .enumerate()
        .map(|(i, (size, rel))| {
            let dest = out.join(rel);
            std::fs::write(&dest, fill(html, i, *size)).map_err(|e| io(&dest, e))?;
            Ok(*size)
        })
        .sum()
}

/// `size` bytes of rendered HTML, documents one after another from the `start`th.
fn fill(html: &[String], start: usize, size: usize) -> Vec<u8> {
    let mut buf = Vec::with_capacity(size);
    for h in html.iter().cycle().skip(start % html.len()) {
        if buf.len() == size {
            break;
        }
        let take = h.len().min(size - buf.len());
        buf.extend_from_slice(&h.as_bytes()[..take]);
    }
    buf
}
