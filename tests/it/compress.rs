//! `anslag build --compress`: a `.gz` and a `.br` beside each HTML, CSS, XML, JSON, text,
//! calendar and feed file that decompress to the file's bytes, none beside attachments, and
//! both kept right when the site is built again after an edit (a new build, or a rebuild
//! through the serve path).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::common::*;
use anslag::build::{BuildOptions, Builder};
use anslag::write;

const COMPRESSED: [&str; 8] = ["html", "css", "xml", "json", "txt", "ics", "atom", "rss"];
const PRESS: &str = "content/press/2026-11-01-ny-matsal.sv.md";

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &bytes[..], &mut out).expect("valid brotli");
    out
}

fn ext(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Checks that every file that should have compressed copies has both, that they decompress to
/// its bytes, and that nothing else has any. Returns how many files have copies.
fn assert_compressed(files: &BTreeMap<PathBuf, Vec<u8>>) -> usize {
    let mut count = 0;
    for (path, bytes) in files {
        let e = ext(path);
        if e == "gz" || e == "br" {
            let original = path.with_extension("");
            assert!(
                files.contains_key(&original),
                "{} has no original",
                path.display()
            );
            assert!(
                COMPRESSED.contains(&ext(&original).as_str()),
                "{} should not be compressed",
                original.display()
            );
            continue;
        }
        let gz = PathBuf::from(format!("{}.gz", path.display()));
        let br = PathBuf::from(format!("{}.br", path.display()));
        if COMPRESSED.contains(&e.as_str()) {
            let (Some(g), Some(b)) = (files.get(&gz), files.get(&br)) else {
                panic!("{} has no .gz or no .br", path.display());
            };
            assert!(
                gunzip(g) == *bytes,
                "{} differs from its .gz",
                path.display()
            );
            assert!(
                unbrotli(b) == *bytes,
                "{} differs from its .br",
                path.display()
            );
            count += 1;
        } else {
            assert!(
                !files.contains_key(&gz) && !files.contains_key(&br),
                "{} should have no compressed copies",
                path.display()
            );
        }
    }
    count
}

#[test]
fn compressed_copies_decompress_to_the_files_and_follow_edits() {
    let site = TestSite::fixture("minimal");
    site.build(&[]).assert_ok();
    let plain = snapshot(&site.out());
    assert!(
        plain
            .keys()
            .all(|p| !matches!(ext(p).as_str(), "gz" | "br")),
        "no compressed copies without --compress"
    );

    site.build(&["--compress"]).assert_ok();
    let first = snapshot(&site.out());
    let count = assert_compressed(&first);
    assert!(count > 30, "{count} files compressed");
    for p in [
        "index.html",
        "sitemap.xml",
        "robots.txt",
        "api/v1/index.json",
        "sv/feed.xml",
    ] {
        assert!(first.contains_key(Path::new(&format!("{p}.gz"))), "{p}.gz");
        assert!(first.contains_key(Path::new(&format!("{p}.br"))), "{p}.br");
    }
    assert!(
        first
            .keys()
            .any(|p| p.starts_with("static") && ext(p) == "br"),
        "the stylesheet is compressed"
    );
    assert!(
        first
            .keys()
            .any(|p| p.starts_with("files") && ext(p) != "gz" && ext(p) != "br"),
        "the fixture has attachments"
    );

    // An edit, built again: the changed page's copies are new, the others still match.
    site.edit(PRESS, "\n---\n", "\n---\nEn ny mening om matsalen.\n\n");
    site.build(&["--compress"]).assert_ok();
    let second = snapshot(&site.out());
    assert_compressed(&second);
    let page = Path::new("sv/press/ny-matsal/index.html");
    assert_ne!(first[page], second[page], "the page changed");
    let text = String::from_utf8_lossy(&gunzip(
        &second[Path::new("sv/press/ny-matsal/index.html.gz")],
    ))
    .into_owned();
    assert!(
        text.contains("En ny mening om matsalen."),
        "the .gz is the new page"
    );
}

#[test]
fn rebuilds_through_the_serve_path_update_the_compressed_copies() {
    let site = TestSite::fixture("minimal");
    let out = site.tmp.path().join("preview");
    let mut builder = Builder::new(BuildOptions {
        root: site.root(),
        output: out.clone(),
        clock: anslag::site::clock::Clock::from_flag(Some(NOW)).unwrap(),
        drafts: true,
        compress: true,
    });
    let mut written = write::Written::new();
    let mut rebuild = |builder: &mut Builder| {
        let sink = write::Changed::new(&out, std::mem::take(&mut written), true).unwrap();
        let r = builder
            .rebuild_into(&sink)
            .unwrap_or_else(|d| panic!("{d}"));
        let (w, files, _) = sink.finish(Some(&r.paths));
        written = w;
        files
    };
    assert!(rebuild(&mut builder) > 30);
    let first = snapshot(&out);
    assert_compressed(&first);

    site.edit(PRESS, "\n---\n", "\n---\nÄnnu en mening.\n\n");
    let files = rebuild(&mut builder);
    assert!(
        files >= 1 && files < first.len() / 3,
        "{files} files written"
    );
    let second = snapshot(&out);
    assert_compressed(&second);
    let br = &second[Path::new("sv/press/ny-matsal/index.html.br")];
    assert!(String::from_utf8_lossy(&unbrotli(br)).contains("Ännu en mening."));
}

#[test]
fn publish_writes_the_compressed_copies_unless_told_not_to() {
    // `publish` builds for the web server: compressed copies by default (here a dry run, which
    // sends nothing and writes the messages into a folder instead).
    let site = TestSite::example();
    let publish = |out: &Path, extra: &[&str]| {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_anslag"))
            .arg("--site")
            .arg(site.root())
            .args(["publish", "--now", NOW, "--output"])
            .arg(out)
            .arg("--dry-run")
            .args(extra)
            .output()
            .expect("run anslag publish");
        assert!(
            run.status.success(),
            "publish failed:\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
    };
    let eml = site.tmp.path().join("eml");
    let out = site.tmp.path().join("published");
    publish(&out, &[eml.to_str().unwrap()]);
    assert!(assert_compressed(&snapshot(&out)) > 100);

    let plain = site.tmp.path().join("plain");
    publish(
        &plain,
        &[
            site.tmp.path().join("eml2").to_str().unwrap(),
            "--no-compress",
        ],
    );
    let files = snapshot(&plain);
    assert!(files.keys().any(|p| ext(p) == "html"));
    assert!(!files.keys().any(|p| ext(p) == "gz" || ext(p) == "br"));
}
