//! GNU gettext PO, as Weblate, Poedit and the Translate Toolkit read it: a message per segment,
//! `msgctxt` naming the document and the segment (`press/slug:body.3`), `#.` comments with the
//! context (kind, title, what the segment is) and the source's fingerprint at the export,
//! `#, fuzzy` on a translation whose source changed since. PO has no inline codes: a
//! translation must keep the source's link addresses, code spans and footnote references,
//! which the import checks.

use std::path::Path;

use polib::catalog::Catalog;
use polib::message::{Message, MessageFlags};
use polib::metadata::CatalogMetadata;

use super::import::{Imported, ImportedUnit};
use super::inline::{codes, pieces};
use super::units::{DocumentUnits, UnitState, kind_name};
use crate::content::document::Kind;
use crate::diagnostics::Diagnostic;

const SOURCE_NOTE: &str = "anslag-source: ";

/// One PO file holding `docs` (all from `source` into `lang`).
pub fn write(source: &str, lang: &str, docs: &[&DocumentUnits]) -> String {
    let mut meta = CatalogMetadata::new();
    meta.project_id_version = "anslag".into();
    meta.language = lang.into();
    meta.mime_version = "1.0".into();
    meta.content_type = "text/plain; charset=UTF-8".into();
    meta.content_transfer_encoding = "8bit".into();
    let mut catalog = Catalog::new(meta);
    for d in docs {
        for u in &d.units {
            let mut flags = MessageFlags::new();
            let mut notes = vec![
                format!("{}: {}", kind_name(d.kind), d.title),
                u.block.to_owned(),
            ];
            match u.state {
                UnitState::Stale => {
                    flags.add_flag("fuzzy");
                    notes.push("The source changed after this was translated.".into());
                }
                UnitState::Untracked => {
                    flags.add_flag("fuzzy");
                    notes.push("Not made with anslag: check it says what the source says.".into());
                }
                _ => {}
            }
            notes.push(format!("{SOURCE_NOTE}{source} {}", u.fingerprint));
            let message = Message::build_singular()
                .with_msgctxt(format!("{}:{}", d.name(), u.id))
                .with_msgid(u.source.clone())
                .with_msgstr(u.target.clone().unwrap_or_default())
                .with_extracted_comments(notes.join("\n"))
                .with_source(d.source_path.to_string_lossy().replace('\\', "/"))
                .with_flags(flags)
                .done();
            catalog.append_or_update(message);
        }
    }
    let mut buf = std::io::BufWriter::new(Vec::new());
    let _ = polib::po_file::write(&catalog, &mut buf);
    String::from_utf8(buf.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Reads a PO file written by [`write`] and filled in by a translator: one [`Imported`] per
/// document, in the order of the messages.
pub fn read(path: &Path, text: &str) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    // polib 0.3 panics on a comment line that is a bare `#` (which Python's polib and others
    // write above the header): such a line says nothing and is dropped. Any other panic of the
    // parser is an unreadable file, not a crash.
    let text: String = text
        .split_inclusive('\n')
        .filter(|l| l.trim_end() != "#")
        .collect();
    let parsed = std::panic::catch_unwind(|| polib::po_file::parse_from_reader(text.as_bytes()));
    let not_po = |e: String| {
        vec![
            Diagnostic::error(path, format!("not a PO file: {e}"))
                .hint("give the file as the translation tool saved it"),
        ]
    };
    let catalog = match parsed {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return Err(not_po(e.to_string())),
        Err(_) => return Err(not_po("the PO parser could not read it".into())),
    };
    let lang = catalog.metadata.language.clone();
    let mut out: Vec<Imported> = Vec::new();
    let mut problems = Vec::new();
    for m in catalog.messages() {
        let Some((doc, id)) = m.msgctxt().and_then(|c| c.rsplit_once(':')) else {
            continue;
        };
        let Some((kind, slug)) = doc
            .split_once('/')
            .and_then(|(k, s)| Kind::from_dir(k).map(|k| (k, s.to_owned())))
        else {
            problems.push(
                Diagnostic::error(path, format!("msgctxt `{doc}` names no document")).hint(
                    "msgctxt is KIND/SLUG:SEGMENT, as `anslag translations export` writes it",
                ),
            );
            continue;
        };
        let (source_lang, fingerprint) = m
            .extracted_comments()
            .lines()
            .find_map(|l| l.trim().strip_prefix(SOURCE_NOTE))
            .and_then(|s| s.split_once(' '))
            .map(|(l, f)| (l.to_owned(), Some(f.trim().to_owned())))
            .unwrap_or_default();
        let target = m.msgstr().ok().filter(|s| !s.is_empty()).map(str::to_owned);
        if let Some(t) = &target
            && !m.is_fuzzy()
            && let Some(missing) = lost_code(m.msgid(), t)
        {
            problems.push(
                Diagnostic::error(
                    path,
                    format!("unit `{id}` of `{doc}`: a broken inline code (`{missing}` is not in the translation)"),
                )
                .hint("keep every link address, `code` and footnote reference of the source as it is"),
            );
            continue;
        }
        let unit = ImportedUnit {
            id: id.to_owned(),
            fingerprint,
            translated: !m.is_fuzzy() && target.is_some(),
            target,
        };
        match out.last_mut() {
            Some(d) if d.kind == kind && d.slug == slug => d.units.push(unit),
            _ => out.push(Imported {
                kind,
                slug,
                source_lang,
                lang: lang.clone(),
                units: vec![unit],
            }),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A code of the source the translation does not have: a link's address, a code span, a
/// footnote reference (emphasis may differ in another language).
fn lost_code(source: &str, target: &str) -> Option<String> {
    let have = essential_codes(target);
    essential_codes(source)
        .into_iter()
        .find(|c| !have.contains(c))
}

fn essential_codes(markdown: &str) -> Vec<String> {
    codes(&pieces(markdown))
        .into_iter()
        .filter_map(|(_, start, end)| {
            if start.chars().all(|c| matches!(c, '*' | '_' | '~')) {
                None
            } else if end.is_empty() {
                Some(start)
            } else {
                Some(end)
            }
        })
        .collect()
}
