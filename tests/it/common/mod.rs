//! Helpers shared by the integration tests: run the real `anslag` binary on fixture sites copied
//! into temporary folders, read what it wrote, and pick its diagnostics apart.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::Once;
use std::time::{Duration, Instant};

use scraper::{ElementRef, Html, Selector};
use tempfile::TempDir;

pub mod mail;
pub mod mime;
pub mod smtp;
pub mod tls;

/// The moment every build is made for, so that embargoes, expiry and the notice board give the
/// same result on any day.
pub const NOW: &str = "2026-11-22T12:00:00+01:00";

/// The repository root, which is also the example site (site.yaml, content/, locales/, themes/).
pub fn example_site() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    example_site().join("tests").join("fixtures").join(name)
}

/// A temporary folder under cargo's per-test-crate temp folder (inside target/).
///
/// Folders kept for a whole test binary (in a `OnceLock`) are never dropped, so their names carry
/// the test process's id, and the first call in a process removes those of processes that have
/// ended (where `/proc` tells).
pub fn temp_dir() -> TempDir {
    static SWEEP: Once = Once::new();
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
    SWEEP.call_once(|| remove_stale_temp_dirs(root));
    tempfile::Builder::new()
        .prefix(&format!("anslag-test-{}-", std::process::id()))
        .tempdir_in(root)
        .expect("create a temporary folder")
}

fn remove_stale_temp_dirs(root: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let pid = name
            .strip_prefix("anslag-test-")
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok());
        if let Some(pid) = pid
            && pid != std::process::id()
            && !Path::new(&format!("/proc/{pid}")).exists()
        {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Waits until `done` holds, looking every few milliseconds; panics saying what did not happen
/// if it still does not after `timeout`. For what another process (a server, a build) does in
/// its own time: the test waits for the state it can see, never for a guessed while.
pub fn wait_until(timeout: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(
            Instant::now() < deadline,
            "waited {timeout:?} in vain until {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// What one run of `anslag` did.
#[derive(Debug)]
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with the program's output unless the build succeeded.
    pub fn assert_ok(&self) -> &Self {
        assert!(
            self.status.success(),
            "the build failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
            self.status,
            self.stdout,
            self.stderr
        );
        self
    }

    /// Panics unless the build failed with a non-zero exit code.
    pub fn assert_failed(&self) -> &Self {
        assert!(
            !self.status.success() && self.status.code().is_some_and(|c| c != 0),
            "the build should have failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
            self.status,
            self.stdout,
            self.stderr
        );
        self
    }

    /// The errors printed, without the closing summary line.
    pub fn errors(&self) -> Vec<Diag> {
        parse_diagnostics(&self.stderr)
            .into_iter()
            .filter(|d| d.severity == "error" && d.file.is_some())
            .collect()
    }
}

/// Runs `anslag build --site SITE --output OUT --now NOW [extra…]`.
pub fn build(site: &Path, out: &Path, extra: &[&str]) -> Run {
    let mut args: Vec<&str> = Vec::new();
    if !extra.contains(&"--now") {
        args.extend(["--now", NOW]);
    }
    args.extend(extra);
    run_anslag(site, out, &args)
}

/// Runs `anslag build --site SITE --output OUT ARGS…` exactly as given.
pub fn run_anslag(site: &Path, out: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("build")
        .arg("--site")
        .arg(site)
        .arg("--output")
        .arg(out)
        .args(args)
        .output()
        .expect("run the anslag binary");
    Run {
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A fresh copy of `tests/fixtures/NAME` in a temporary folder; the site is in `site/` inside
/// it, so the output can go beside it.
pub struct TestSite {
    pub tmp: TempDir,
}

/// Points the site's image cache at one shared by every copy of the example site in this run:
/// its entries are named by a hash of the image and the settings and made whole or not at all
/// (`images::prepare`), so sharing is safe, and it spares each copy processing its photos anew.
/// The tests of the cache itself use sites of their own.
fn share_image_cache(site: &Path) {
    let shared = Path::new(env!("CARGO_TARGET_TMPDIR")).join("example-image-cache");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::create_dir_all(site.join(".anslag")).unwrap();
    std::os::unix::fs::symlink(&shared, site.join(".anslag/cache")).unwrap();
}

impl TestSite {
    pub fn fixture(name: &str) -> TestSite {
        let tmp = temp_dir();
        copy_dir(&fixture(name), &tmp.path().join("site"));
        TestSite { tmp }
    }

    /// A copy of the repository's example site (its site files only, not target/ or public/).
    pub fn example() -> TestSite {
        let tmp = temp_dir();
        let site = tmp.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        let root = example_site();
        std::fs::copy(root.join("site.yaml"), site.join("site.yaml")).unwrap();
        for dir in ["content", "locales", "themes", "templates", "static"] {
            if root.join(dir).is_dir() {
                copy_dir(&root.join(dir), &site.join(dir));
            }
        }
        share_image_cache(&site);
        TestSite { tmp }
    }

    pub fn root(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    /// The default output folder of the tests, beside the site.
    pub fn out(&self) -> PathBuf {
        self.tmp.path().join("out")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// Writes (or overwrites) a file of the site, creating its folder.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        self
    }

    /// Replaces `from` by `to` in a file of the site; panics if `from` is not there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1))
    }

    /// Builds into `out()`.
    pub fn build(&self, extra: &[&str]) -> Run {
        build(&self.root(), &self.out(), extra)
    }
}

/// Copies the minimal fixture, writes one file into it and builds it: the run, and the site so
/// that the test can look at it further.
pub fn build_with_file(rel: &str, contents: impl AsRef<[u8]>) -> (Run, TestSite) {
    let site = TestSite::fixture("minimal");
    site.write(rel, contents);
    let run = site.build(&[]);
    (run, site)
}

/// Every file under `dir`, by path relative to it, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files);
    files
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let entry = entry.unwrap();
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            files.insert(rel, std::fs::read(&path).unwrap());
        }
    }
}

/// The pages of an output folder (its `.html` files but the redirect pages at old addresses,
/// which only lead on to a page), relative to it, sorted.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    snapshot(dir)
        .into_iter()
        .filter(|(p, bytes)| {
            p.extension().is_some_and(|e| e == "html")
                && !is_redirect_page(&String::from_utf8_lossy(bytes))
        })
        .map(|(p, _)| p)
        .collect()
}

/// Whether an HTML file is a redirect page at an old address (`aliases:`), no page of the site.
pub fn is_redirect_page(html: &str) -> bool {
    html.contains("<meta http-equiv=\"refresh\"")
}

/// The site path a file is served at: `sv/press/index.html` → `/sv/press/`.
pub fn url_of(rel: &Path) -> String {
    let s = rel.to_string_lossy().replace('\\', "/");
    match s.strip_suffix("index.html") {
        Some(dir) => format!("/{dir}"),
        None => format!("/{s}"),
    }
}

/// Reads and parses an HTML page of an output folder.
pub fn page(out: &Path, rel: &str) -> Html {
    let path = out.join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Html::parse_document(&text)
}

pub fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let sel = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    doc.select(&sel).collect()
}

pub fn select_in<'a>(el: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let sel = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    el.select(&sel).collect()
}

/// The text of an element, whitespace collapsed.
pub fn text(el: ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn attr(el: ElementRef<'_>, name: &str) -> String {
    el.value().attr(name).unwrap_or_default().to_owned()
}

/// The `href`s of the elements `css` selects, decoded from HTML.
pub fn hrefs(doc: &Html, css: &str) -> Vec<String> {
    select(doc, css)
        .into_iter()
        .map(|a| attr(a, "href"))
        .collect()
}

/// The text of a whole page (all text nodes, whitespace collapsed), as a reader sees it.
pub fn page_text(doc: &Html) -> String {
    text(doc.root_element())
}

/// One diagnostic as printed on stderr:
///
/// ```text
/// error: message
///  --> file:line:col
///   |
/// 5 | source line
///   |     ^
///   |
///   = hint: hint
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diag {
    pub severity: String,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub source_line: Option<String>,
    pub hint: Option<String>,
}

pub fn parse_diagnostics(stderr: &str) -> Vec<Diag> {
    let mut out: Vec<Diag> = Vec::new();
    for line in stderr.lines() {
        let header = line
            .strip_prefix("error: ")
            .map(|m| ("error", m))
            .or_else(|| line.strip_prefix("warning: ").map(|m| ("warning", m)));
        if let Some((severity, message)) = header {
            out.push(Diag {
                severity: severity.to_owned(),
                message: message.to_owned(),
                file: None,
                line: None,
                column: None,
                source_line: None,
                hint: None,
            });
            continue;
        }
        let Some(d) = out.last_mut() else { continue };
        // The arrow and the hint are indented as deep as the line number is wide.
        if let Some(loc) = line.trim_start().strip_prefix("--> ") {
            let (file, l, c) = split_location(loc);
            d.file = Some(file);
            d.line = l;
            d.column = c;
        } else if let Some(h) = line.trim_start().strip_prefix("= hint: ") {
            d.hint = Some(h.to_owned());
        } else if let (Some(n), Some((num, src))) = (d.line, line.split_once(" | "))
            && num.trim() == n.to_string()
        {
            d.source_line = Some(src.to_owned());
        }
    }
    out
}

/// `content/a.md:5:20` → (`content/a.md`, 5, 20); the numbers are optional.
fn split_location(loc: &str) -> (String, Option<usize>, Option<usize>) {
    let mut parts: Vec<&str> = loc.rsplitn(3, ':').collect();
    parts.reverse();
    let nums: Vec<Option<usize>> = parts.iter().map(|p| p.parse().ok()).collect();
    match (parts.len(), nums.as_slice()) {
        (3, [_, Some(l), Some(c)]) => (parts[0].to_owned(), Some(*l), Some(*c)),
        (3, [_, _, Some(l)]) => (format!("{}:{}", parts[0], parts[1]), Some(*l), None),
        (2, [_, Some(l)]) => (parts[0].to_owned(), Some(*l), None),
        _ => (loc.to_owned(), None, None),
    }
}

/// The only error of a failed build, checked to name `file`; panics with stderr otherwise.
pub fn single_error(run: &Run, file: &str) -> Diag {
    run.assert_failed();
    let errors = run.errors();
    assert_eq!(
        errors.len(),
        1,
        "expected exactly one error, got {}:\n{}",
        errors.len(),
        run.stderr
    );
    let d = errors.into_iter().next().unwrap();
    assert_eq!(
        d.file.as_deref(),
        Some(file),
        "the error names the wrong file:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("the build failed with 1 error;"),
        "no summary line:\n{}",
        run.stderr
    );
    d
}

/// The 1-based number of the first line of `text` that contains `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in the text"))
        + 1
}
