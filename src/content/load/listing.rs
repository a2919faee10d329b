//! Which files are under `content/`: a walk of the folder, or the last walk brought up to date
//! with the changes a watcher told.

use std::path::{Path, PathBuf};

use super::{CONTENT_DIR, Kind};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Files of one kind, relative to the site root.
pub(super) type KindFiles = Vec<(Kind, PathBuf)>;

/// The Markdown files and the other files under `content/`, each in path order (the order of
/// a walk sorted by file name).
#[derive(Debug, Clone, Default)]
pub(super) struct Listing {
    pub(super) md: KindFiles,
    pub(super) other: KindFiles,
}

impl Listing {
    /// Brings the listing up to date with files that changed, were created or were removed.
    /// False when a change needs a walk of the whole folder: a folder created or removed, a
    /// link, or a file where the walk would report a problem.
    /// Otherwise tells whether a file came or went (not only changed).
    pub(super) fn update(&mut self, root: &Path, changed: &[PathBuf]) -> Option<bool> {
        let mut moved = false;
        for rel in changed {
            let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
            let (Some(top), Some(dir), Some(name)) = (parts.next(), parts.next(), rel.file_name())
            else {
                return None;
            };
            let kind = Kind::from_dir(&dir)?;
            if top != CONTENT_DIR || rel.components().count() < 3 {
                return None;
            }
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue; // editor and system files, which the walk skips too
            }
            let list = if name.ends_with(".md") {
                &mut self.md
            } else {
                &mut self.other
            };
            let at = list.binary_search_by(|(_, p)| p.as_path().cmp(rel));
            let gone = |e: &std::io::Error| e.kind() == std::io::ErrorKind::NotFound;
            match (std::fs::symlink_metadata(root.join(rel)), at) {
                (Ok(m), Ok(_)) if m.is_file() => {}
                (Ok(m), Err(i)) if m.is_file() => {
                    list.insert(i, (kind, rel.clone()));
                    moved = true;
                }
                (Err(e), Ok(i)) if gone(&e) => {
                    list.remove(i);
                    moved = true;
                }
                // A folder that went away takes its files with it: walk.
                (Err(e), Err(_))
                    if gone(&e)
                        && !self
                            .md
                            .iter()
                            .chain(&self.other)
                            .any(|(_, p)| p.starts_with(rel)) => {}
                _ => return None,
            }
        }
        Some(moved)
    }
}

/// Lists the Markdown files and the other files under `content/`, by kind. Symlinks and files
/// outside the three kinds' folders are errors.
pub(super) fn walk(root: &Path, content: &Path, diags: &mut Diagnostics) -> (KindFiles, KindFiles) {
    let mut md = Vec::new();
    let mut other = Vec::new();
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(CONTENT_DIR, "the content folder is missing")
                .hint("create content/press, content/minutes and content/notices"),
        );
        return (md, other);
    }
    for entry in walkdir::WalkDir::new(content).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| rel(root, p))
                    .unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
                diags.push(Diagnostic::error(path, format!("cannot read: {e}")));
                continue;
            }
        };
        let path = rel(root, entry.path());
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') && entry.depth() > 0 {
            continue; // editor and system files (.DS_Store, .#draft.md)
        }
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::error(&path, "symbolic links are not followed").hint(
                    "copy the file into content/ instead; a link could reach outside the site",
                ),
            );
            continue;
        }
        if entry.depth() == 0 || entry.file_type().is_dir() {
            if entry.depth() == 1 && Kind::from_dir(&name).is_none() {
                diags.push(
                    Diagnostic::error(&path, format!("unknown section `{name}`"))
                        .hint("documents go in content/press, content/minutes or content/notices"),
                );
            }
            continue;
        }
        let kind = path
            .components()
            .nth(1)
            .and_then(|c| Kind::from_dir(&c.as_os_str().to_string_lossy()));
        let Some(kind) = kind else {
            if entry.depth() == 1 {
                diags.push(
                    Diagnostic::error(&path, "a file directly in content/ belongs to no section")
                        .hint("move it to content/press, content/minutes or content/notices"),
                );
            }
            continue;
        };
        if name.ends_with(".md") {
            md.push((kind, path));
        } else {
            other.push((kind, path));
        }
    }
    (md, other)
}

fn rel(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}
