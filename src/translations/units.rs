//! What goes to a translator: per document and target language, a unit per segment of the
//! source (`content::translation`) with its inline text, the fingerprint it has now, and the
//! current translation of it where there is one. XLIFF (`xliff.rs`) and PO (`po.rs`) write the
//! same units; the import (`import.rs`) reads them back into the same shape.

use std::path::PathBuf;

use crate::content::document::{Document, Kind};
use crate::content::translation::{Segment, segments, source_lang};
use crate::site::Site;

/// One document to translate into one language.
#[derive(Debug, Clone)]
pub struct DocumentUnits {
    pub kind: Kind,
    pub slug: String,
    /// The source's title, for the translator's context.
    pub title: String,
    pub source_lang: String,
    pub lang: String,
    /// The source's file, relative to the site.
    pub source_path: PathBuf,
    pub units: Vec<Unit>,
}

impl DocumentUnits {
    /// `press/slug`: how files and messages name the document.
    pub fn name(&self) -> String {
        format!("{}/{}", self.kind.dir(), self.slug)
    }
}

/// Where a unit's translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitState {
    /// Translated from the source as it is.
    Translated,
    /// Translated, but the source changed since.
    Stale,
    /// A translation that records no source: it may or may not say the same.
    Untracked,
    /// Not translated yet.
    New,
}

impl UnitState {
    pub fn is_done(self) -> bool {
        self == UnitState::Translated
    }
    pub fn as_str(self) -> &'static str {
        match self {
            UnitState::Translated => "translated",
            UnitState::Stale => "stale",
            UnitState::Untracked => "untracked",
            UnitState::New => "new",
        }
    }
}

/// One segment to translate.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The segment's id (`title`, `body.3`).
    pub id: String,
    /// What the segment is (`heading`, `list item`).
    pub block: &'static str,
    /// The source's inline Markdown.
    pub source: String,
    /// The source segment's fingerprint at the export: the import refuses the unit if the
    /// source has changed since.
    pub fingerprint: String,
    /// The current translation's inline Markdown of the segment.
    pub target: Option<String>,
    pub state: UnitState,
}

/// Every document to translate into each of `langs`: all units, or only those not up to date.
/// Withdrawn documents are left out, and minutes with closed agenda items: the site does not
/// publish all of their text, so they are translated by hand.
pub fn plan(site: &Site, langs: &[String], only_changed: bool) -> Vec<DocumentUnits> {
    let default = site.default_language();
    let mut out = Vec::new();
    let closed = |d: &Document| {
        d.translations.iter().any(|t| {
            t.minutes()
                .is_some_and(|m| m.items.iter().any(|i| i.closed))
        })
    };
    for lang in langs {
        for doc in site
            .documents
            .iter()
            .filter(|d| !d.is_withdrawn() && !closed(d))
        {
            let Some(d) = document_units(doc, lang, default) else {
                continue;
            };
            if only_changed && d.units.iter().all(|u| u.state.is_done()) {
                continue;
            }
            let mut d = d;
            if only_changed {
                d.units.retain(|u| !u.state.is_done());
            }
            out.push(d);
        }
    }
    out
}

/// The units of `doc` in `lang`; `None` if `lang` is the document's source.
pub fn document_units(doc: &Document, lang: &str, default: &str) -> Option<DocumentUnits> {
    let existing = doc.get(lang);
    let from = existing.map_or_else(
        || {
            if doc.get(default).is_some() {
                default
            } else {
                &doc.translations[0].lang
            }
        },
        |t| source_lang(t, default),
    );
    if from == lang {
        return None;
    }
    let source = doc.get(from)?;
    let record = existing.and_then(|t| t.source.as_ref());
    let targets: Vec<(Segment, String)> = existing
        .map(|t| {
            segments(t)
                .into_iter()
                .map(|s| {
                    let text = s.inline_text(&t.public_markdown).to_owned();
                    (s, text)
                })
                .collect()
        })
        .unwrap_or_default();
    let units = segments(source)
        .into_iter()
        .map(|s| {
            let fingerprint = s.fingerprint();
            let target = targets
                .iter()
                .find(|(t, _)| t.id == s.id)
                .map(|(_, text)| text.clone());
            let state = match (record, &target) {
                (_, None) => UnitState::New,
                (None, Some(_)) => UnitState::Untracked,
                (Some(r), Some(_)) if r.fingerprints.get(&s.id) == Some(&fingerprint) => {
                    UnitState::Translated
                }
                (Some(_), Some(_)) => UnitState::Stale,
            };
            Unit {
                source: s.inline_text(&source.public_markdown).to_owned(),
                id: s.id,
                block: s.block,
                fingerprint,
                target,
                state,
            }
        })
        .collect();
    Some(DocumentUnits {
        kind: doc.kind,
        slug: doc.slug.clone(),
        title: source.title.clone(),
        source_lang: from.to_owned(),
        lang: lang.to_owned(),
        source_path: source.path.clone(),
        units,
    })
}

/// The English name of a kind, for notes to translators.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Press => "press release",
        Kind::Minutes => "minutes of a meeting",
        Kind::Notices => "notice to the public",
    }
}
