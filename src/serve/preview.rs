//! The preview folder, kept from one `anslag serve` to the next so that the next one serves at
//! once, and the record of what it holds: a manifest beside it (`.preview.manifest` for a
//! preview in `preview/`) with the hash of every file.
//!
//! A manifest rather than hashing the files on disk: at 10 000 documents the preview is about a
//! gigabyte, which takes a second of both cores to read and hash, while the manifest (a line
//! per file) is read in milliseconds. It is only as good as it is exact, so it exists only
//! while it is: it is removed before a rebuild writes anything and written again after the
//! rebuild, and so is missing after a serve that was killed half-way. The first rebuild of a
//! serve renders every file and compares it with the record; without a manifest (or one of
//! another version), every file is unknown, written again if the site still has it and removed
//! if not. Either way, what is left after that rebuild is exactly the site's.

use std::io;
use std::path::{Path, PathBuf};

use crate::write::Written;

/// The manifest's first line: what wrote it, and in which format.
const HEADER: &str = concat!("anslag preview manifest 1, ", env!("CARGO_PKG_VERSION"));

/// The hash of a file whose content is not known: no content has it, so the file is written
/// again if the site has it, and removed if not.
const UNKNOWN: blake3::Hash = blake3::Hash::from_bytes([0; 32]);

/// The manifest of the preview in `dir`: beside it, not in it, so it is never served.
fn manifest(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.with_file_name(format!(".{name}.manifest"))
}

/// What the preview in `dir` holds: every file in it, with its hash as recorded, or
/// [`UNKNOWN`]. Returns too whether there was an exact record (a manifest of this version).
pub fn previous(dir: &Path) -> (Written, bool) {
    let text = std::fs::read_to_string(manifest(dir)).unwrap_or_default();
    let mut lines = text.lines();
    let exact = lines.next() == Some(HEADER);
    let recorded: Written = if exact {
        lines
            .filter_map(|l| {
                let (hash, path) = l.split_once(' ')?;
                Some((path.to_owned(), blake3::Hash::from_hex(hash).ok()?))
            })
            .collect()
    } else {
        Written::new()
    };
    let mut written = Written::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        // Names that are not UTF-8 are no file of the site's; they stay.
        let Some(rel) = entry.path().strip_prefix(dir).ok().and_then(Path::to_str) else {
            continue;
        };
        let hash = recorded.get(rel).copied().unwrap_or(UNKNOWN);
        written.insert(rel.to_owned(), hash);
    }
    (written, exact)
}

/// Removes the record: the preview is about to change.
pub fn forget(dir: &Path) {
    let _ = std::fs::remove_file(manifest(dir));
}

/// Records what the preview holds (written whole, then renamed into place).
pub fn record(dir: &Path, written: &Written) -> io::Result<()> {
    let mut text = String::with_capacity(written.len() * 120);
    text.push_str(HEADER);
    text.push('\n');
    for (path, hash) in written {
        // A name with a line break would make two lines of nonsense: left out, it is unknown
        // next time.
        if path.contains('\n') {
            continue;
        }
        text.push_str(&hash.to_hex());
        text.push(' ');
        text.push_str(path);
        text.push('\n');
    }
    let to = manifest(dir);
    let tmp = to.with_extension("manifest.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_trusted_only_for_the_files_there_and_only_when_exact() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("preview");
        std::fs::create_dir_all(dir.join("sv")).unwrap();
        std::fs::write(dir.join("sv/index.html"), "a").unwrap();
        std::fs::write(dir.join("stale.html"), "b").unwrap();
        let (written, exact) = previous(&dir);
        assert!(!exact, "no manifest: nothing is known");
        assert_eq!(written.get("sv/index.html"), Some(&UNKNOWN));
        assert_eq!(written.get("stale.html"), Some(&UNKNOWN));

        let mut recorded = Written::new();
        recorded.insert("sv/index.html".into(), blake3::hash(b"a"));
        recorded.insert("gone.html".into(), blake3::hash(b"c"));
        record(&dir, &recorded).unwrap();
        let (written, exact) = previous(&dir);
        assert!(exact);
        assert_eq!(written.get("sv/index.html"), Some(&blake3::hash(b"a")));
        assert_eq!(written.get("stale.html"), Some(&UNKNOWN), "not recorded");
        assert!(
            !written.contains_key("gone.html"),
            "recorded, but not there"
        );

        // Removed before a rebuild writes: a serve killed then leaves nothing to trust.
        forget(&dir);
        assert!(!previous(&dir).1);
        // Another version's record is not read.
        std::fs::write(manifest(&dir), "anslag preview manifest 0\n").unwrap();
        assert!(!previous(&dir).1);
    }
}
