//! XLIFF 2.1 (OASIS, core only), as translation agencies' tools read and write it: a `<file>`
//! per document, a `<unit>` per segment named by the segment's id, and inline Markdown as
//! codes (`<ph>` standing alone, `<pc>` around text) whose Markdown is in the unit's
//! `<originalData>`, so that a link's address cannot be edited, only moved.
//!
//! anslag's own facts ride in attributes of its namespace, which XLIFF allows on a unit: the
//! source segment's fingerprint at the export (`anslag:source`).

use std::collections::BTreeMap;
use std::path::Path;

use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use super::import::{Imported, ImportedUnit};
use super::inline::{Piece, pieces};
use super::units::{DocumentUnits, UnitState, kind_name};
use crate::content::document::Kind;
use crate::diagnostics::Diagnostic;

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";
pub const ANSLAG_NAMESPACE: &str = "urn:anslag:translations:1";

/// One XLIFF document holding `docs` (all from `source` into `lang`).
pub fn write(source: &str, lang: &str, docs: &[&DocumentUnits]) -> String {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!(
        "<xliff xmlns=\"{NAMESPACE}\" xmlns:anslag=\"{ANSLAG_NAMESPACE}\" version=\"2.1\" srcLang=\"{}\" trgLang=\"{}\">\n",
        escape(source),
        escape(lang)
    ));
    for d in docs {
        x.push_str(&format!(
            "<file id=\"{}.{}\" original=\"{}\" xml:space=\"preserve\">\n",
            d.kind.dir(),
            escape(&d.slug),
            escape(d.source_path.to_string_lossy().replace('\\', "/"))
        ));
        x.push_str(&format!(
            "<notes><note category=\"anslag:kind\">{}</note><note category=\"anslag:title\">{}</note></notes>\n",
            kind_name(d.kind),
            escape(&d.title)
        ));
        for u in &d.units {
            unit(&mut x, u);
        }
        x.push_str("</file>\n");
    }
    x.push_str("</xliff>\n");
    x
}

fn unit(x: &mut String, u: &super::units::Unit) {
    let source = pieces(&u.source);
    let mut data = BTreeMap::new();
    collect_data(&source, &mut data);
    let target = u.target.as_deref().map(|t| {
        let mut p = pieces(t);
        // The translation's codes take the ids of the source's codes with the same Markdown,
        // so that a tool can match them; others (a link localised to another page) get ids of
        // their own.
        renumber(&mut p, &data, &mut (1000 + data.len()));
        collect_data(&p, &mut data);
        p
    });
    x.push_str(&format!(
        "<unit id=\"{}\" anslag:source=\"{}\">\n<notes><note category=\"anslag:block\">{}</note>",
        escape(&u.id),
        escape(&u.fingerprint),
        u.block
    ));
    match u.state {
        UnitState::Stale => x.push_str(
            "<note category=\"anslag:stale\">The source changed after this was translated: bring the target up to date with the source, then mark it translated.</note>",
        ),
        UnitState::Untracked => x.push_str(
            "<note category=\"anslag:untracked\">The target was not made with anslag: check it says what the source says, then mark it translated.</note>",
        ),
        _ => {}
    }
    x.push_str("</notes>\n");
    if !data.is_empty() {
        x.push_str("<originalData>");
        for (id, d) in &data {
            x.push_str(&format!("<data id=\"{id}\">{}</data>", escape(d)));
        }
        x.push_str("</originalData>\n");
    }
    let state = match u.state {
        UnitState::Translated => " state=\"translated\"",
        UnitState::Stale => " state=\"initial\" subState=\"anslag:stale\"",
        UnitState::Untracked => " state=\"initial\" subState=\"anslag:untracked\"",
        UnitState::New => " state=\"initial\"",
    };
    x.push_str(&format!("<segment{state}><source>"));
    inline(x, &source);
    x.push_str("</source>");
    if let Some(t) = &target {
        x.push_str("<target>");
        inline(x, t);
        x.push_str("</target>");
    }
    x.push_str("</segment>\n</unit>\n");
}

fn collect_data(pieces: &[Piece], data: &mut BTreeMap<String, String>) {
    for p in pieces {
        match p {
            Piece::Text(_) => {}
            Piece::Ph { id, data: d } => {
                data.insert(format!("d{id}"), d.clone());
            }
            Piece::Pc {
                id,
                start,
                end,
                inner,
            } => {
                data.insert(format!("d{id}s"), start.clone());
                data.insert(format!("d{id}e"), end.clone());
                collect_data(inner, data);
            }
        }
    }
}

fn renumber(pieces: &mut [Piece], source: &BTreeMap<String, String>, next: &mut usize) {
    // The id of the source's code `d{id}{suffix}` holding `want`.
    let find = |suffix: &str, want: &str| {
        source
            .iter()
            .filter(|(_, v)| *v == want)
            .find_map(|(k, _)| k.strip_prefix('d')?.strip_suffix(suffix)?.parse().ok())
    };
    for p in pieces {
        match p {
            Piece::Text(_) => {}
            Piece::Ph { id, data } => {
                *id = find("", data).unwrap_or_else(|| {
                    *next += 1;
                    *next
                });
            }
            Piece::Pc {
                id,
                start,
                end,
                inner,
            } => {
                *id = match (find("s", start), find("e", end)) {
                    (Some(a), Some(b)) if a == b => a,
                    _ => {
                        *next += 1;
                        *next
                    }
                };
                renumber(inner, source, next);
            }
        }
    }
}

fn inline(x: &mut String, pieces: &[Piece]) {
    for p in pieces {
        match p {
            Piece::Text(t) => x.push_str(&escape(t)),
            Piece::Ph { id, .. } => {
                x.push_str(&format!("<ph id=\"{id}\" dataRef=\"d{id}\"/>"));
            }
            Piece::Pc { id, inner, .. } => {
                x.push_str(&format!(
                    "<pc id=\"{id}\" dataRefStart=\"d{id}s\" dataRefEnd=\"d{id}e\">"
                ));
                inline(x, inner);
                x.push_str("</pc>");
            }
        }
    }
}

/// A target's pieces as read, before its codes are looked up in the unit's original data.
enum Read {
    Text(String),
    Ph(String),
    Pc(String, String, Vec<Read>),
}

/// What one unit held while reading.
#[derive(Default)]
struct UnitRead {
    id: String,
    fingerprint: Option<String>,
    data: BTreeMap<String, String>,
    state: Option<String>,
    target: Option<Vec<Read>>,
}

/// Where the reader is.
#[derive(Default)]
struct Reading {
    out: Vec<Imported>,
    problems: Vec<String>,
    src_lang: String,
    trg_lang: String,
    unit: Option<UnitRead>,
    /// The `<data>` being read.
    data_id: Option<String>,
    /// The target's open codes (the target itself at the bottom), while in a target.
    stack: Option<Vec<(String, String, Vec<Read>)>>,
}

impl Reading {
    fn open(&mut self, e: &BytesStart<'_>) {
        match local(e).as_str() {
            "xliff" => {
                self.src_lang = attr(e, "srcLang").unwrap_or_default();
                self.trg_lang = attr(e, "trgLang").unwrap_or_default();
            }
            "file" => {
                let id = attr(e, "id").unwrap_or_default();
                match id
                    .split_once('.')
                    .and_then(|(k, s)| Kind::from_dir(k).map(|k| (k, s.to_owned())))
                {
                    Some((kind, slug)) => self.out.push(Imported {
                        kind,
                        slug,
                        source_lang: self.src_lang.clone(),
                        lang: self.trg_lang.clone(),
                        units: Vec::new(),
                    }),
                    None => self
                        .problems
                        .push(format!("<file id=\"{id}\"> names no document (KIND.SLUG)")),
                }
            }
            "unit" => {
                self.unit = Some(UnitRead {
                    id: attr(e, "id").unwrap_or_default(),
                    fingerprint: attr_local(e, "source"),
                    ..UnitRead::default()
                })
            }
            "data" => self.data_id = attr(e, "id"),
            "segment" => {
                if let Some(u) = self.unit.as_mut() {
                    u.state = attr(e, "state");
                }
            }
            "target" => self.stack = Some(vec![(String::new(), String::new(), Vec::new())]),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "data" => self.data_id = None,
            "target" => {
                if let (Some(u), Some(mut stack)) = (self.unit.as_mut(), self.stack.take()) {
                    u.target = stack.pop().map(|(_, _, p)| p);
                }
            }
            "unit" => {
                let Some(u) = self.unit.take() else { return };
                match finish_unit(u) {
                    Ok(u) => match self.out.last_mut() {
                        Some(doc) => doc.units.push(u),
                        None => self.problems.push("a <unit> outside any <file>".into()),
                    },
                    Err(m) => self.problems.push(m),
                }
            }
            _ => {}
        }
    }

    /// An element inside a target: a code, or a character given by its code point.
    fn inline(&mut self, e: &BytesStart<'_>, empty: bool) {
        let Some(stack) = self.stack.as_mut() else {
            return;
        };
        let name = local(e);
        let refs = || {
            (
                attr(e, "dataRefStart").unwrap_or_default(),
                attr(e, "dataRefEnd").unwrap_or_default(),
            )
        };
        match (name.as_str(), empty) {
            ("pc", false) => {
                let (s, en) = refs();
                stack.push((s, en, Vec::new()));
            }
            ("pc", true) => {
                let (s, en) = refs();
                if let Some(top) = stack.last_mut() {
                    top.2.push(Read::Pc(s, en, Vec::new()));
                }
            }
            ("ph", _) => {
                if let Some(top) = stack.last_mut() {
                    top.2.push(Read::Ph(attr(e, "dataRef").unwrap_or_default()));
                }
            }
            ("cp", _) => {
                if let Some(c) = attr(e, "hex")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32)
                {
                    self.text(&c.to_string());
                }
            }
            _ => {}
        }
    }

    fn end_inline(&mut self, name: &str) -> bool {
        let Some(stack) = self.stack.as_mut() else {
            return false;
        };
        if name == "pc" && stack.len() > 1 {
            if let Some((s, en, inner)) = stack.pop()
                && let Some(top) = stack.last_mut()
            {
                top.2.push(Read::Pc(s, en, inner));
            }
            return true;
        }
        false
    }

    fn text(&mut self, s: &str) {
        if let (Some(id), Some(u)) = (&self.data_id, self.unit.as_mut()) {
            u.data.entry(id.clone()).or_default().push_str(s);
        } else if let Some(top) = self.stack.as_mut().and_then(|s| s.last_mut()) {
            if let Some(Read::Text(t)) = top.2.last_mut() {
                t.push_str(s);
            } else {
                top.2.push(Read::Text(s.to_owned()));
            }
        }
    }
}

/// Reads an XLIFF 2 file written by [`write`] and filled in by a translator's tool. A code in a
/// target that names no original data, or the wrong kind of it, is a broken code: the unit is
/// named in the error.
pub fn read(path: &Path, text: &str) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut r = Reading::default();
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let line = text[..(reader.buffer_position() as usize).min(text.len())]
                    .matches('\n')
                    .count()
                    + 1;
                return Err(vec![
                    Diagnostic::error(path, format!("not well-formed XML: {e}"))
                        .at(line, None)
                        .hint("give the file as the translation tool saved it"),
                ]);
            }
        };
        match event {
            Event::Eof => break,
            Event::Start(e) if r.stack.is_some() => r.inline(&e, false),
            Event::Empty(e) if r.stack.is_some() => r.inline(&e, true),
            Event::Start(e) => r.open(&e),
            Event::Empty(e) => {
                r.open(&e);
                r.close(&local(&e));
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if !r.end_inline(&name) {
                    r.close(&name);
                }
            }
            Event::Text(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                r.text(&s);
            }
            Event::GeneralRef(g) => {
                let name = String::from_utf8_lossy(&g).into_owned();
                r.text(&entity(&name));
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                r.text(&s);
            }
            _ => {}
        }
    }
    if r.problems.is_empty() {
        Ok(r.out)
    } else {
        Err(r
            .problems
            .into_iter()
            .map(|m| {
                Diagnostic::error(path, m).hint(
                    "keep every code (<ph>, <pc>) of the source as the tool shows it; do not type or edit them",
                )
            })
            .collect())
    }
}

/// The text of an entity reference (`&lt;`, `&#x202B;`).
fn entity(name: &str) -> String {
    match name {
        "lt" => "<".to_owned(),
        "gt" => ">".to_owned(),
        "amp" => "&".to_owned(),
        "quot" => "\"".to_owned(),
        "apos" => "'".to_owned(),
        n => n
            .strip_prefix("#x")
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32)
            .map(String::from)
            .unwrap_or_default(),
    }
}

/// The unit's target as Markdown, its codes looked up.
fn finish_unit(u: UnitRead) -> Result<ImportedUnit, String> {
    let target = match &u.target {
        Some(t) => {
            let mut md = String::new();
            restore(&u, t, &mut md)?;
            Some(md)
        }
        None => None,
    };
    let done = matches!(
        u.state.as_deref(),
        Some("translated" | "reviewed" | "final")
    );
    Ok(ImportedUnit {
        translated: done && target.as_deref().is_some_and(|t| !t.trim().is_empty()),
        id: u.id,
        fingerprint: u.fingerprint,
        target,
    })
}

fn restore(u: &UnitRead, pieces: &[Read], md: &mut String) -> Result<(), String> {
    let get = |r: &str, kind: &str| {
        let ok = match kind {
            "ph" => !r.ends_with('s') && !r.ends_with('e'),
            "start" => r.ends_with('s'),
            _ => r.ends_with('e'),
        };
        u.data.get(r).filter(|_| ok).ok_or_else(|| {
            format!(
                "unit `{}`: a broken inline code (`{r}` is no {kind} code of this unit)",
                u.id
            )
        })
    };
    for p in pieces {
        match p {
            Read::Text(t) => md.push_str(t),
            Read::Ph(r) => md.push_str(get(r, "ph")?),
            Read::Pc(s, e, inner) => {
                md.push_str(get(s, "start")?);
                restore(u, inner, md)?;
                md.push_str(get(e, "end")?);
            }
        }
    }
    Ok(())
}

fn local(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// An attribute without a prefix.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .map(|a| unescaped(&a.value))
}

/// An attribute of another namespace (`anslag:source`), whatever prefix a tool gave it.
fn attr_local(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.prefix().is_some() && a.key.local_name().as_ref() == name.as_bytes())
        .map(|a| unescaped(&a.value))
}

fn unescaped(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(raw);
    quick_xml::escape::unescape(&s)
        .map(|v| v.into_owned())
        .unwrap_or_else(|_| s.into_owned())
}

#[cfg(test)]
mod tests {
    use super::super::units::Unit;
    use super::*;

    fn doc(target: Option<&str>, state: UnitState) -> DocumentUnits {
        DocumentUnits {
            kind: Kind::Notices,
            slug: "skolor".into(),
            title: "Skolor <stängda> & mer".into(),
            source_lang: "sv".into(),
            lang: "ar".into(),
            source_path: "content/notices/2026-11-22-skolor.sv.md".into(),
            units: vec![Unit {
                id: "body.1".into(),
                block: "list item",
                source: "Läs [beslutet](https://ekvik.example/b?a=1&b=2) och ring `112`.".into(),
                fingerprint: "0123456789ab".into(),
                target: target.map(str::to_owned),
                state,
            }],
        }
    }

    #[test]
    fn a_written_file_reads_back_with_its_codes_restored() {
        let d = doc(
            Some("اقرأ [القرار](https://ekvik.example/b?a=1&b=2) واتصل بـ `112`."),
            UnitState::Translated,
        );
        let x = write("sv", "ar", &[&d]);
        assert!(x.contains("<data id=\"d1e\">](https://ekvik.example/b?a=1&amp;b=2)</data>"));
        assert!(x.contains("<segment state=\"translated\">"));
        let read = read(Path::new("ar.xlf"), &x).unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(
            (read[0].kind, read[0].slug.as_str()),
            (Kind::Notices, "skolor")
        );
        let u = &read[0].units[0];
        assert!(u.translated);
        assert_eq!(u.fingerprint.as_deref(), Some("0123456789ab"));
        assert_eq!(u.target.as_deref(), d.units[0].target.as_deref());
    }

    #[test]
    fn a_stale_unit_is_not_translated_and_a_broken_code_names_its_unit() {
        let d = doc(
            Some("Gammal [text](https://ekvik.example/b?a=1&b=2)."),
            UnitState::Stale,
        );
        let x = write("sv", "ar", &[&d]);
        assert!(x.contains("state=\"initial\" subState=\"anslag:stale\""));
        assert!(!read(Path::new("ar.xlf"), &x).unwrap()[0].units[0].translated);
        let broken = x
            .replace(
                "state=\"initial\" subState=\"anslag:stale\"",
                "state=\"translated\"",
            )
            .replace(
                "<target>Gammal <pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\">",
                "<target>Gammal <pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d2e\">",
            );
        let err = read(Path::new("ar.xlf"), &broken).unwrap_err();
        assert!(err[0].message.contains("unit `body.1`"), "{:?}", err);
    }
}
