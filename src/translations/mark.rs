//! `anslag translations mark FILE`: records in a translation made by hand the language it was
//! translated from and the fingerprints of the source as it is now, so that a later change of
//! the source shows it stale. Only the `translation:` key of the front matter is written; the
//! rest of the file (comments, order of keys, body) stays byte for byte.

use std::path::{Path, PathBuf};

use crate::content::front_matter;
use crate::content::translation::{fingerprints, source_lang};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::Site;

/// What `mark` recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The file written, relative to the site.
    pub path: PathBuf,
    pub from: String,
    pub segments: usize,
}

/// Records in `file` (a translation of the loaded `site`) its source: `from`, else what it
/// records already, else the site's default language.
pub fn mark(
    root: &Path,
    site: &Site,
    file: &Path,
    from: Option<&str>,
) -> Result<Marked, Diagnostics> {
    let one = |d: Diagnostic| Diagnostics(vec![d]);
    let rel = relative(root, file).ok_or_else(|| {
        one(Diagnostic::error(file, "no such document in the site").hint(
            "give the path of a translation under content/, e.g. content/press/2026-11-01-slug.en.md",
        ))
    })?;
    let (doc, t) = site
        .documents
        .iter()
        .find_map(|d| {
            d.translations
                .iter()
                .find(|t| t.path == rel)
                .map(|t| (d, t))
        })
        .ok_or_else(|| {
            one(
                Diagnostic::error(&rel, "this file is not a loaded translation")
                    .hint("is it a draft, or not named SLUG.LANG.md?"),
            )
        })?;
    let default = site.default_language();
    let from = from.unwrap_or_else(|| source_lang(t, default)).to_owned();
    if from == t.lang {
        return Err(one(Diagnostic::error(
            &rel,
            format!("this is the {from} text itself, not a translation"),
        )
        .hint(
            "mark a translation; give the language it was translated from with --from",
        )));
    }
    let source = doc.get(&from).ok_or_else(|| {
        one(Diagnostic::error(
            &rel,
            format!("the document has no {from} text to translate from"),
        )
        .hint("give the language it was translated from with --from"))
    })?;
    let prints = fingerprints(source);
    let path = root.join(&rel);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| one(Diagnostic::error(&rel, format!("cannot read it: {e}"))))?;
    let new = with_record(&text, &from, &prints).map_err(|m| one(Diagnostic::error(&rel, m)))?;
    std::fs::write(&path, new)
        .map_err(|e| one(Diagnostic::error(&rel, format!("cannot write it: {e}"))))?;
    Ok(Marked {
        path: rel,
        from,
        segments: prints.len(),
    })
}

/// The path of `file` relative to the site root, whether given from here or from the site.
fn relative(root: &Path, file: &Path) -> Option<PathBuf> {
    let root = root.canonicalize().ok()?;
    [file.to_path_buf(), root.join(file)]
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .find_map(|p| p.strip_prefix(&root).ok().map(Path::to_path_buf))
}

/// `text` with its front matter's `translation:` block replaced (or added at the end of the
/// front matter).
pub fn with_record(
    text: &str,
    from: &str,
    prints: &std::collections::BTreeMap<String, String>,
) -> Result<String, &'static str> {
    let split = front_matter::split(text)?;
    let yaml_start = split.yaml.as_ptr() as usize - text.as_ptr() as usize;
    let yaml_end = yaml_start + split.yaml.len();
    let mut kept = String::new();
    let mut skipping = false;
    for line in split.yaml.split_inclusive('\n') {
        let indented = line.starts_with([' ', '\t']) || line.trim().is_empty();
        if skipping && indented {
            continue;
        }
        skipping = line
            .strip_prefix("translation")
            .is_some_and(|r| r.trim_start().starts_with(':'));
        if !skipping {
            kept.push_str(line);
        }
    }
    if !kept.is_empty() && !kept.ends_with('\n') {
        kept.push('\n');
    }
    kept.push_str(&format!("translation:\n  from: {from}\n  source:\n"));
    for (id, f) in prints {
        // Quoted: a fingerprint of digits only would otherwise be read as a number.
        kept.push_str(&format!("    {id}: \"{f}\"\n"));
    }
    let head = &text[..yaml_start];
    let tail = &text[yaml_end..];
    Ok(format!("{head}{kept}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_translation_key_is_written() {
        let text = "---\ntitle: Hej # a comment\ntranslation:\n  from: da\n  source:\n    title: \"x\"\nsummary: S\n---\nBody\n";
        let prints = [("title".to_owned(), "0123".to_owned())].into();
        let out = with_record(text, "sv", &prints).unwrap();
        assert_eq!(
            out,
            "---\ntitle: Hej # a comment\nsummary: S\ntranslation:\n  from: sv\n  source:\n    title: \"0123\"\n---\nBody\n"
        );
    }
}
