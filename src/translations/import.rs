//! `anslag translations import FILE...`: writes what a translator sent back (XLIFF or PO) into
//! the `.LANG.md` files. An existing translation is updated in place: each translated segment's
//! inline text replaces the old one where it stands, so everything else (comments, the order of
//! keys, line breaks, an untranslated segment) stays byte for byte; a new translation starts
//! from the source's file. The `translation:` record gets the source's fingerprint for each
//! unit translated, and keeps the old one for a unit that was not (it stays stale).
//!
//! A unit whose source changed since the export is refused (the translator saw an older text),
//! unless `--force`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::mark::with_record;
use crate::content::document::{Kind, Translation};
use crate::content::front_matter;
use crate::content::translation::{body_segments, segments, source_lang};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::Site;

/// One document in one language, as read from an import file.
#[derive(Debug, Clone)]
pub struct Imported {
    pub kind: Kind,
    pub slug: String,
    pub source_lang: String,
    pub lang: String,
    pub units: Vec<ImportedUnit>,
}

#[derive(Debug, Clone)]
pub struct ImportedUnit {
    pub id: String,
    /// The source segment's fingerprint at the export.
    pub fingerprint: Option<String>,
    /// The target's Markdown, codes restored.
    pub target: Option<String>,
    /// Marked translated (not new, stale or fuzzy) and not empty.
    pub translated: bool,
}

/// What the import did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Relative to the site.
    pub path: PathBuf,
    /// Units translated, of all units read for it.
    pub translated: usize,
    pub units: usize,
    /// Whether the file changed (a round trip with no edits changes none).
    pub changed: bool,
    pub created: bool,
}

/// Reads `files` (`.xlf`/`.xliff` or `.po`) and writes the translations they hold.
pub fn import(
    root: &Path,
    site: &Site,
    files: &[PathBuf],
    force: bool,
) -> Result<Vec<Written>, Diagnostics> {
    let mut docs = Vec::new();
    let mut problems = Diagnostics::default();
    for f in files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Diagnostic::error(f, format!("cannot read it: {e}")));
                continue;
            }
        };
        let read = match f.extension().and_then(|e| e.to_str()) {
            Some("po") => super::po::read(f, &text),
            _ => super::xliff::read(f, &text),
        };
        match read {
            Ok(d) => docs.extend(d.into_iter().map(|d| (f.clone(), d))),
            Err(d) => problems.extend(d),
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    let mut planned = Vec::new();
    for (file, d) in &docs {
        match plan(root, site, file, d, force) {
            Ok(p) => planned.extend(p),
            Err(d) => problems.extend(d),
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    // Nothing is written unless every file can be: a half-imported batch would leave some
    // documents translated from one version and some from another.
    let mut out = Vec::new();
    for (written, text) in planned {
        if written.changed {
            let path = root.join(&written.path);
            std::fs::write(&path, text).map_err(|e| {
                Diagnostics(vec![Diagnostic::error(
                    &written.path,
                    format!("cannot write it: {e}"),
                )])
            })?;
        }
        out.push(written);
    }
    Ok(out)
}

/// The new text of the translation `d` is for, and what it does; `None` for a translation that
/// does not exist and gets no translated unit.
fn plan(
    root: &Path,
    site: &Site,
    file: &Path,
    d: &Imported,
    force: bool,
) -> Result<Option<(Written, String)>, Vec<Diagnostic>> {
    let err = |m: String, hint: &str| vec![Diagnostic::error(file, m).hint(hint.to_owned())];
    let name = format!("{}/{}", d.kind.dir(), d.slug);
    let doc = site
        .documents
        .iter()
        .find(|x| x.kind == d.kind && x.slug == d.slug)
        .ok_or_else(|| {
            err(
                format!("`{name}`: no such document in the site"),
                "was it renamed or deleted since the export?",
            )
        })?;
    let source = doc.get(&d.source_lang).ok_or_else(|| {
        err(
            format!("`{name}` has no {} text to translate from", d.source_lang),
            "export again from the site as it is",
        )
    })?;
    if d.lang.is_empty() || site.config.language(&d.lang).is_none() || d.lang == d.source_lang {
        return Err(err(
            format!("`{name}`: `{}` is not a language to translate into", d.lang),
            "the file's target language must be one of the site's other languages",
        ));
    }
    let existing = doc.get(&d.lang);
    if let Some(t) = existing
        && source_lang(t, site.default_language()) != d.source_lang
    {
        return Err(err(
            format!(
                "`{name}` in {} is translated from {}, not {}",
                d.lang,
                source_lang(t, site.default_language()),
                d.source_lang
            ),
            "export again from the site as it is",
        ));
    }
    let now: BTreeMap<String, String> = segments(source)
        .into_iter()
        .map(|s| {
            let f = s.fingerprint();
            (s.id, f)
        })
        .collect();
    let mut refused = Vec::new();
    for u in d.units.iter().filter(|u| u.translated) {
        match now.get(&u.id) {
            None => refused.push(Diagnostic::error(file, format!("unit `{}` of `{name}`: the source has no such segment any more", u.id)).hint("export again and translate the new text")),
            Some(f) if !force && u.fingerprint.as_deref() != Some(f.as_str()) => refused.push(
                Diagnostic::error(file, format!("unit `{}` of `{name}`: the source changed since the export", u.id))
                    .hint("export again and translate the new text, or import with --force to take the translation as it is"),
            ),
            _ => {}
        }
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let translated: Vec<&ImportedUnit> = d.units.iter().filter(|u| u.translated).collect();
    if existing.is_none() && translated.is_empty() {
        // Nothing translated yet: no file in the source's words under the target's name.
        return Ok(None);
    }
    let (path, text, created) = match existing {
        Some(t) => (t.path.clone(), read(root, &t.path)?, false),
        None => (
            translation_path(&source.path, &d.source_lang, &d.lang),
            new_from_source(&read(root, &source.path)?)
                .map_err(|m| err(m.to_owned(), "fix the source's front matter"))?,
            true,
        ),
    };
    let template = existing.unwrap_or(source);
    check_body_is_public(template, &text, file)?;
    let mut new = replace_segments(&text, template, &translated).map_err(|m| {
        err(
            format!("`{name}` in {}: {m}", d.lang),
            "export again, or translate the file by hand and run `anslag translations mark`",
        )
    })?;
    let mut prints: BTreeMap<String, String> = existing
        .and_then(|t| t.source.as_ref())
        .map(|r| r.fingerprints.clone())
        .unwrap_or_default();
    for u in &translated {
        if let Some(f) = now.get(&u.id) {
            prints.insert(u.id.clone(), f.clone());
        }
    }
    prints.retain(|id, _| now.contains_key(id));
    if !prints.is_empty() || existing.is_some_and(|t| t.source.is_some()) {
        new = with_record(&new, &d.source_lang, &prints)
            .map_err(|m| err(m.to_owned(), "fix the front matter"))?;
    }
    let changed = new != text || created;
    Ok(Some((
        Written {
            path,
            translated: translated.len(),
            units: d.units.len(),
            changed,
            created,
        },
        new,
    )))
}

fn read(root: &Path, rel: &Path) -> Result<String, Vec<Diagnostic>> {
    std::fs::read_to_string(root.join(rel))
        .map_err(|e| vec![Diagnostic::error(rel, format!("cannot read it: {e}"))])
}

/// `content/press/2026-11-22-slug.sv.md` → `….ar.md`.
fn translation_path(source: &Path, from: &str, lang: &str) -> PathBuf {
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(&format!(".{from}.md"))
        .map(str::to_owned)
        .unwrap_or_else(|| name.trim_end_matches(".md").to_owned());
    source.with_file_name(format!("{stem}.{lang}.md"))
}

/// A new translation's text: the source's, without what belongs to the source alone (its old
/// addresses, its own `translation:` record).
fn new_from_source(text: &str) -> Result<String, &'static str> {
    let split = front_matter::split(text)?;
    let yaml_start = split.yaml.as_ptr() as usize - text.as_ptr() as usize;
    let yaml_end = yaml_start + split.yaml.len();
    let kept = without_keys(split.yaml, &["aliases", "translation"]);
    Ok(format!(
        "{}{kept}{}",
        &text[..yaml_start],
        &text[yaml_end..]
    ))
}

/// The YAML with the top-level `keys` (and their indented lines) left out.
fn without_keys(yaml: &str, keys: &[&str]) -> String {
    let mut kept = String::new();
    let mut skipping = false;
    for line in yaml.split_inclusive('\n') {
        let indented = line.starts_with([' ', '\t']);
        if skipping && indented {
            continue;
        }
        skipping = keys.iter().any(|k| is_key(line, k));
        if !skipping {
            kept.push_str(line);
        }
    }
    kept
}

fn is_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|r| r.trim_start().starts_with(':'))
}

/// Minutes with closed items publish less than their file holds: their text never left the
/// site, so it cannot come back either.
fn check_body_is_public(t: &Translation, text: &str, file: &Path) -> Result<(), Vec<Diagnostic>> {
    let body = front_matter::split(text).map(|s| s.body).unwrap_or("");
    if body != t.public_markdown {
        return Err(vec![
            Diagnostic::error(
                file,
                format!(
                    "`{}` holds closed agenda items: it is not imported",
                    t.path.display()
                ),
            )
            .hint("translate minutes with closed items by hand"),
        ]);
    }
    Ok(())
}

/// `text` (a translation's file, or a new one's copy of the source) with the translated units
/// put in place: a front-matter text replaced as a whole, a body segment's inline text where
/// it stands. A unit whose segment the file does not have (its body is built differently from
/// the source's) cannot be placed.
fn replace_segments(
    text: &str,
    t: &Translation,
    units: &[&ImportedUnit],
) -> Result<String, String> {
    let split = front_matter::split(text).map_err(str::to_owned)?;
    let body_at = split.body_offset;
    let body = body_segments(split.body);
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut yaml = split.yaml.to_owned();
    for u in units {
        let Some(target) = &u.target else { continue };
        match u.id.as_str() {
            "title" | "summary" | "instruction" => {
                let now = match u.id.as_str() {
                    "title" => Some(t.title.as_str()),
                    "summary" => Some(t.summary.as_str()),
                    _ => t.notice().and_then(|n| n.instruction.as_deref()),
                };
                if now.map(str::trim) != Some(target.trim()) {
                    yaml = with_value(&yaml, &u.id, target);
                }
            }
            id => {
                let s = body
                    .iter()
                    .find(|s| s.id == id)
                    .ok_or_else(|| format!("unit `{id}` has no place in the file"))?;
                let inner = s
                    .inner
                    .clone()
                    .ok_or_else(|| format!("unit `{id}` has no text in the file"))?;
                edits.push((body_at + inner.start..body_at + inner.end, target.clone()));
            }
        }
    }
    let mut out = text.to_owned();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0.start));
    for (r, s) in edits {
        out.replace_range(r, &s);
    }
    let yaml_start = split.yaml.as_ptr() as usize - text.as_ptr() as usize;
    out.replace_range(yaml_start..yaml_start + split.yaml.len(), &yaml);
    Ok(out)
}

/// The YAML with the value of the top-level `key` replaced by `value` (a quoted string, valid
/// YAML whatever it holds), or added at the end.
fn with_value(yaml: &str, key: &str, value: &str) -> String {
    let quoted = serde_json::to_string(value.trim()).unwrap_or_default();
    let line = format!("{key}: {quoted}\n");
    let mut out = String::new();
    let mut skipping = false;
    let mut done = false;
    for l in yaml.split_inclusive('\n') {
        if skipping && l.starts_with([' ', '\t']) {
            continue;
        }
        skipping = is_key(l, key);
        if skipping {
            out.push_str(&line);
            done = true;
        } else {
            out.push_str(l);
        }
    }
    if !done {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

/// A line of the import's report.
pub fn describe(w: &Written) -> String {
    let what = if w.created {
        "Created"
    } else if w.changed {
        "Updated"
    } else {
        "Unchanged"
    };
    format!(
        "{what} {} ({} of {} units translated)",
        w.path.display(),
        w.translated,
        w.units
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_replaced_with_its_continuation_lines() {
        let y = "title: Gammal\nsummary: >-\n  Lång\n  text\ndate: 2026-01-01\n";
        assert_eq!(
            with_value(y, "summary", "Ny \"text\""),
            "title: Gammal\nsummary: \"Ny \\\"text\\\"\"\ndate: 2026-01-01\n"
        );
        assert_eq!(
            translation_path(Path::new("content/press/2026-11-22-a.sv.md"), "sv", "ar"),
            Path::new("content/press/2026-11-22-a.ar.md")
        );
    }
}
