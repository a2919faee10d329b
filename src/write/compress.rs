//! Precompressed copies for static hosting: `page.html.gz` (gzip, level 9) and `page.html.br`
//! (Brotli, quality 9) beside each file a web server would otherwise compress on every request,
//! so that nginx's `gzip_static` and `brotli_static` send them as they are.
//!
//! Brotli's quality 9 is a measured trade: within a few per cent of quality 11 on these pages,
//! at a small fraction of the time, which matters for sites of tens of thousands of files.

use std::io::{self, Write};
use std::path::Path;

/// Extensions of the files that get compressed copies: text a browser, feed reader or program
/// fetches. Images, PDFs and other attachments are compressed already or are sent as they are.
pub const EXTENSIONS: [&str; 8] = ["html", "css", "xml", "json", "txt", "ics", "atom", "rss"];

const GZIP_LEVEL: u32 = 9;
const BROTLI_QUALITY: u32 = 9;
const BROTLI_WINDOW: u32 = 22;

/// Whether the file at `path` (relative to the output) should get compressed copies.
pub fn wanted(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext))
}

pub fn gzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3 + 64),
        flate2::Compression::new(GZIP_LEVEL),
    );
    enc.write_all(bytes)?;
    enc.finish()
}

pub fn brotli(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() / 4 + 64);
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: BROTLI_WINDOW as i32,
        size_hint: bytes.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    p.into()
}

/// Writes `dest.gz` and `dest.br` for the bytes of `dest`.
pub fn write_beside(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    for (suffix, data) in [(".gz", gzip(bytes)?), (".br", brotli(bytes)?)] {
        let path = with_suffix(dest, suffix);
        // A new file, never one shared with the previous build through a hard link.
        let _ = std::fs::remove_file(&path);
        std::fs::write(path, data)?;
    }
    Ok(())
}

/// Removes `dest.gz` and `dest.br`, so that no copy of older bytes is served for `dest`.
pub fn remove_beside(dest: &Path) {
    for suffix in [".gz", ".br"] {
        let _ = std::fs::remove_file(with_suffix(dest, suffix));
    }
}

/// Takes the compressed copies of `previous` for `dest` when `previous` holds exactly `bytes`
/// (the file did not change since the last build): a hard link where the filesystem allows,
/// else a copy. Returns whether both copies were taken.
pub fn reuse(previous: &Path, bytes: &[u8], dest: &Path) -> bool {
    let same = std::fs::metadata(previous).is_ok_and(|m| m.len() == bytes.len() as u64)
        && std::fs::read(previous).is_ok_and(|old| old == bytes);
    if !same {
        return false;
    }
    // The copies beside a file of the output were made from it by the build that swapped both
    // in (a build writes everything or nothing).
    let has = |ext: &str| with_suffix(previous, ext).is_file();
    if !has(".gz") || !has(".br") {
        return false;
    }
    [".gz", ".br"].iter().all(|suffix| {
        let (from, to) = (with_suffix(previous, suffix), with_suffix(dest, suffix));
        // Replaced, never copied over: `to` may be a hard link shared with the site served.
        let _ = std::fs::remove_file(&to);
        std::fs::hard_link(&from, &to).is_ok() || std::fs::copy(&from, &to).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn only_text_for_hosts_is_compressed() {
        for p in [
            "index.html",
            "sv/feed.xml",
            "api/v1/index.json",
            "robots.txt",
            "calendar/x.ics",
            "static/style.0123456789.css",
            "alerts/index.atom",
        ] {
            assert!(wanted(p), "{p}");
        }
        for p in [
            "files/minutes/x/bilaga.pdf",
            "files/press/y/foto.png",
            "files/minutes/x/tabell.csv",
            "index.html.gz",
            "README",
        ] {
            assert!(!wanted(p), "{p}");
        }
    }

    #[test]
    fn round_trip() {
        let text = "<p>Skolorna stänger – المدارس مغلقة</p>\n".repeat(200);
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip(text.as_bytes()).unwrap()[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(text.as_bytes()).unwrap()[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
    }
}
