//! The theme's static files (the stylesheet, fonts, images), overridden by the site's own.

use std::path::Path;

use super::{Context, Output};
use crate::diagnostics::Diagnostics;
use crate::site::urls;
use crate::theme::templates;
use crate::write::{File, FileData, Sink};

/// The static files of a build, read once per theme.
pub struct StaticFiles(Vec<File>);

impl Output for StaticFiles {
    fn name(&self) -> &'static str {
        "static files"
    }

    fn plan(&mut self, _cx: &Context<'_>) -> Result<Vec<String>, Diagnostics> {
        Ok(self.0.iter().map(|f| f.path.clone()).collect())
    }

    fn render(&mut self, _cx: &Context<'_>, sink: &dyn Sink) -> Result<(), Diagnostics> {
        let files = self
            .0
            .iter()
            .map(|f| File {
                path: f.path.clone(),
                data: match &f.data {
                    FileData::Bytes(b) => FileData::Bytes(b.clone()),
                    FileData::Copy(p) => FileData::Copy(p.clone()),
                },
            })
            .collect();
        crate::write::put_all(sink, files)
    }
}

/// The theme's static files, the stylesheet named by a hash of its content so that it can be
/// cached for ever. Returns the outputs and the stylesheet's URL.
pub fn load(root: &Path, theme: &str) -> (StaticFiles, String) {
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
    let mut stylesheet = urls::static_file("style.css");
    let files = files
        .into_iter()
        .map(|(name, bytes)| {
            let url = if name == "style.css" {
                let hash = blake3::hash(&bytes).to_hex();
                stylesheet = urls::stylesheet(&hash[..10]);
                stylesheet.clone()
            } else {
                urls::static_file(&name)
            };
            File {
                path: urls::output_path(&url),
                data: FileData::Bytes(bytes),
            }
        })
        .collect();
    (StaticFiles(files), stylesheet)
}
