//! `anslag translations export --lang ar[,fa] --format xliff|po --out DIR`: what there is to
//! translate, one file per target language (`ar.xlf`; `da-ar.xlf` for documents written in
//! another language than the site's default), or one per document and language with
//! `--per-document` (`ar/press.slug.xlf`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::units::{DocumentUnits, plan};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::Site;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xliff,
    Po,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Xliff => "xlf",
            Format::Po => "po",
        }
    }
}

pub struct ExportOptions<'a> {
    pub langs: &'a [String],
    pub only_changed: bool,
    pub format: Format,
    pub out: &'a Path,
    pub per_document: bool,
}

/// A file written, with the number of documents and units in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    pub documents: usize,
    pub units: usize,
}

pub fn export(site: &Site, o: &ExportOptions<'_>) -> Result<Vec<Exported>, Diagnostics> {
    for l in o.langs {
        if site.config.language(l).is_none() {
            return Err(Diagnostics(vec![
                Diagnostic::flag(
                    "--lang",
                    format!("`{l}` is not one of the site's languages"),
                )
                .hint(format!(
                    "the site's languages: {}",
                    site.config.language_codes().collect::<Vec<_>>().join(", ")
                )),
            ]));
        }
    }
    let docs = plan(site, o.langs, o.only_changed);
    let default = site.default_language();
    // File name → its documents (all from one source language into one target language).
    let mut files: BTreeMap<PathBuf, Vec<&DocumentUnits>> = BTreeMap::new();
    for d in &docs {
        let ext = o.format.extension();
        let pair = if d.source_lang == default {
            d.lang.clone()
        } else {
            format!("{}-{}", d.source_lang, d.lang)
        };
        let name = if o.per_document {
            PathBuf::from(&pair).join(format!("{}.{}.{ext}", d.kind.dir(), d.slug))
        } else {
            PathBuf::from(format!("{pair}.{ext}"))
        };
        files.entry(name).or_default().push(d);
    }
    let mut out = Vec::new();
    for (name, docs) in files {
        let (source, lang) = (&docs[0].source_lang, &docs[0].lang);
        let text = match o.format {
            Format::Xliff => super::xliff::write(source, lang, &docs),
            Format::Po => super::po::write(source, lang, &docs),
        };
        let path = o.out.join(&name);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            return Err(Diagnostics(vec![Diagnostic::error(
                &path,
                format!("cannot write it: {e}"),
            )]));
        }
        out.push(Exported {
            path,
            documents: docs.len(),
            units: docs.iter().map(|d| d.units.len()).sum(),
        });
    }
    Ok(out)
}
