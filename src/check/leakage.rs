//! Closed-item leakage: a closed agenda item publishes only its number (and its title if
//! `minutes.closed_titles` allows); its case number must not turn up in another document, nor
//! its title when titles are withheld. The site model drops what is withheld, so closed items
//! are read from the minutes' sources, and every other document's source is searched except the
//! closed items of its own.
//!
//! A case number found elsewhere is an error; so is a withheld title. A title the site publishes
//! anyway is a warning: the other document may tie the closed matter to what it says.

use rayon::prelude::*;

use super::{Closed, Context, Finding, Folded, finding};
use crate::diagnostics::Severity;

pub const CHECK: &str = "closed-item-leakage";

/// Titles shorter than this ("Övrigt", "Personale") are too common words to search for.
pub const MIN_TITLE_CHARS: usize = 10;

struct Needle<'a> {
    doc: usize,
    item: &'a Closed,
    file: &'a std::path::Path,
    /// Lower case.
    text: String,
    is_case: bool,
}

pub fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let closed_titles = ctx.site.config.site.minutes.closed_titles;
    let mut needles: Vec<Needle<'_>> = Vec::new();
    for src in &ctx.sources {
        for item in &src.closed {
            if let Some(case) = item
                .case
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                needles.push(Needle {
                    doc: src.doc,
                    item,
                    file: &src.t.path,
                    text: case.to_lowercase(),
                    is_case: true,
                });
            }
            let title = item.title.trim();
            if title.chars().count() >= MIN_TITLE_CHARS {
                needles.push(Needle {
                    doc: src.doc,
                    item,
                    file: &src.t.path,
                    text: title.to_lowercase(),
                    is_case: false,
                });
            }
        }
    }
    // The same closed item in several translations: search each text once.
    needles.sort_by(|a, b| (a.doc, &a.text).cmp(&(b.doc, &b.text)));
    needles.dedup_by(|a, b| a.doc == b.doc && a.text == b.text);
    if needles.is_empty() {
        return;
    }
    let found: Vec<Vec<Finding>> = ctx
        .sources
        .par_iter()
        .map(|src| {
            let mut found = Vec::new();
            let folded = Folded::new(src.text);
            for n in needles.iter().filter(|n| n.doc != src.doc) {
                for at in folded.find_bounded(&n.text) {
                    if src.is_withheld(at) {
                        continue;
                    }
                    let (severity, what) = match (n.is_case, closed_titles) {
                        (true, _) => (Severity::Error, "case number"),
                        (false, false) => (Severity::Error, "withheld title"),
                        (false, true) => (Severity::Warning, "title"),
                    };
                    let shown = if n.is_case {
                        n.item.case.clone().unwrap_or_default()
                    } else {
                        n.item.title.clone()
                    };
                    found.push(finding(
                        severity,
                        CHECK,
                        &src.t.path,
                        Some(src.text),
                        Some(at),
                        format!(
                            "the {what} `{shown}` of the closed item {} in {} appears in this document",
                            n.item.label,
                            n.file.display()
                        ),
                        if n.is_case {
                            "a closed item's case number is not published; remove it here, or refer to the item only by its number"
                        } else {
                            "check that this document does not reveal what the closed item withholds; refer to the item only by its number"
                        },
                    ));
                }
            }
            found
        })
        .collect();
    out.extend(found.into_iter().flatten());
}
