//! `anslag check`: everything about a site that a build does not stop for, but a person should
//! look at before publishing, in one report (text or JSON). Each family of checks has its own
//! module; every finding names a stable check id, the file, and the line and column where the
//! problem has a place.
//!
//! | check id | severity | what |
//! |---|---|---|
//! | `broken-anchor` | error | `@/kind/slug#id` or `#id` names no heading, agenda item or footnote of the page |
//! | `notice-translation-missing` | error | a crisis or important notice in force lacks one of the site's languages |
//! | `image-missing-alt` | error | an image without alt text |
//! | `skipped-heading-level` | warning | a heading more than one level below the one before it |
//! | `vague-link-text` | warning | "click here", "läs mer"… or no text at all |
//! | `table-without-header` | warning | a table whose header cells are all empty |
//! | `personal-number` | error | a Swedish personal identity or coordination number, or a Danish CPR number |
//! | `personal-number-allow-unused` | warning | an `allow_personal_numbers` entry that matches nothing |
//! | `readability` | warning | LIX above `check.lix_max` (Nordic languages) |
//! | `closed-item-leakage` | error/warning | a closed agenda item's case number or title in another document |
//! | `alias-taken` | error | an alias that is another page's address, another alias or the build's own file, drafts and embargoed documents included |
//! | `foreign-embed` | error | an iframe, script, image, video, audio, source or link element (or a Markdown image) loading from another host |
//! | `alert-event-generic` | warning | a translation of a notice alerted now whose CAP `event` is only the generic word for its level (no `alert.event`) |
//! | `page-removed` | warning | a document page of the last build (`public/`) that the content no longer makes |
//!
//! [`errors_for_build`] runs only what must stop a build: personal identity numbers. Nothing else
//! blocks publishing, since a build that stops also holds back a crisis notice.

mod accessibility;
mod alert_event;
mod coverage;
mod embeds;
mod image_location;
mod leakage;
mod links;
pub mod personal_numbers;
mod readability;
mod removed;
mod stale;

use std::ops::Range;
use std::path::Path;

use rayon::prelude::*;
use serde_json::json;

pub use coverage::CoverageTable;

use crate::content::document::{Document, Translation};
use crate::content::minutes;
use crate::diagnostics::{Diagnostic, Severity, line_col};
use crate::site::Site;

/// One problem found by a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Stable id of the check, e.g. `broken-anchor`.
    pub check: &'static str,
    pub diagnostic: Diagnostic,
}

/// Everything `anslag check` found.
#[derive(Debug, Clone)]
pub struct Report {
    /// Errors first, then warnings and information; by file and line within each.
    pub findings: Vec<Finding>,
    /// Translations per language and kind.
    pub coverage: CoverageTable,
}

/// Runs every check on a loaded site, comparing its pages with the last build in `public/`.
pub fn check_site(root: &Path, site: &Site) -> Report {
    check_site_against(root, site, &root.join("public"))
}

/// Runs every check on a loaded site; `previous` is the output folder of the last build, whose
/// document pages must still be made.
pub fn check_site_against(root: &Path, site: &Site, previous: &Path) -> Report {
    let ctx = Context::new(root, site);
    let mut findings = Vec::new();
    links::check(&ctx, &mut findings);
    coverage::check(&ctx, &mut findings);
    stale::check(&ctx, &mut findings);
    alert_event::check(&ctx, &mut findings);
    accessibility::check(&ctx, &mut findings);
    personal_numbers::check(&ctx, &mut findings);
    readability::check(&ctx, &mut findings);
    leakage::check(&ctx, &mut findings);
    aliases_taken(site, &mut findings);
    embeds::check(&ctx, &mut findings);
    image_location::check(&ctx, &mut findings);
    removed::check(&ctx, previous, &mut findings);
    sort(&mut findings);
    Report {
        findings,
        coverage: CoverageTable::of(site),
    }
}

pub const ALIAS_TAKEN: &str = "alias-taken";

/// The aliases a build would stop for, found here before an embargo lifts: the site is loaded
/// with drafts and embargoed documents, so an old address that a document yet to come takes
/// is found today, not by the build at that moment.
fn aliases_taken(site: &Site, out: &mut Vec<Finding>) {
    if let Err(errs) = crate::outputs::redirects::redirects(site) {
        out.extend(errs.0.into_iter().map(|diagnostic| Finding {
            severity: Severity::Error,
            check: ALIAS_TAKEN,
            diagnostic,
        }));
    }
}

/// What must stop a build: personal identity numbers in documents, attachment names and text
/// attachments (not allowed by the document's `allow_personal_numbers`).
pub fn errors_for_build(root: &Path, site: &Site) -> Vec<Diagnostic> {
    let ctx = Context::new(root, site);
    let mut findings = Vec::new();
    personal_numbers::check(&ctx, &mut findings);
    sort(&mut findings);
    findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.diagnostic)
        .collect()
}

/// [`errors_for_build`] for some of the site's documents (indexes into `site.documents`): the
/// errors found in each, for a build that remembers those of the others.
pub fn errors_for_build_in(
    root: &Path,
    site: &Site,
    docs: &[usize],
) -> Vec<(usize, Vec<Diagnostic>)> {
    if docs.is_empty() {
        return Vec::new();
    }
    let ctx = Context::for_documents(root, site, docs, false);
    let findings = personal_numbers::check_each(&ctx);
    findings
        .into_iter()
        .map(|(doc, mut f)| {
            sort(&mut f);
            let errors = f
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.diagnostic)
                .collect();
            (doc, errors)
        })
        .collect()
}

fn sort(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            (
                f.severity,
                f.diagnostic.origin.clone(),
                f.diagnostic.line,
                f.diagnostic.column,
                f.check,
                f.diagnostic.message.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    findings.dedup();
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The findings of one check.
    pub fn of(&self, check: &str) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.check == check)
    }

    /// A report for people: every finding as a located diagnostic with its check id, the
    /// translation coverage table, and a summary line.
    pub fn to_text(&self, colour: bool) -> String {
        let paint = |code: &str, s: &str| {
            if colour {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s.to_owned()
            }
        };
        let mut out = String::new();
        for f in &self.findings {
            let (label, code) = match f.severity {
                Severity::Error => ("error", "1;31"),
                Severity::Warning => ("warning", "1;33"),
                Severity::Info => ("info", "1;36"),
            };
            let text = f.diagnostic.to_string();
            // The diagnostic's first line is `label: message`: add the check id to the label.
            let rest = text
                .strip_prefix(label)
                .and_then(|r| r.strip_prefix(':'))
                .unwrap_or(&text);
            out.push_str(&paint(code, &format!("{label}[{}]", f.check)));
            out.push(':');
            out.push_str(rest);
            out.push('\n');
        }
        out.push_str(&paint("1;36", "info[translation-coverage]"));
        out.push_str(": translations per language and kind\n");
        out.push_str(&self.coverage.to_text());
        out.push('\n');
        let (e, w) = (self.count(Severity::Error), self.count(Severity::Warning));
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let summary = format!(
            "{}, {}",
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings")
        );
        out.push_str(&if e > 0 {
            paint("1;31", &format!("check failed: {summary}"))
        } else {
            format!("check passed: {summary}")
        });
        out.push('\n');
        out
    }

    /// The report for programs.
    pub fn to_json(&self) -> serde_json::Value {
        let findings: Vec<serde_json::Value> = self
            .findings
            .iter()
            .map(|f| {
                let d = &f.diagnostic;
                json!({
                    "severity": severity_name(f.severity),
                    "check": f.check,
                    "file": d.file().map(|f| f.to_string_lossy().replace('\\', "/")),
                    "line": d.line,
                    "column": d.column,
                    "message": d.message,
                    "hint": d.hint,
                    "source_line": d.source_line,
                })
            })
            .collect();
        json!({
            "findings": findings,
            "coverage": self.coverage.to_json(),
            "summary": {
                "errors": self.count(Severity::Error),
                "warnings": self.count(Severity::Warning),
                "infos": self.count(Severity::Info),
            },
        })
    }
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// A finding in `file`; with the file's text and a byte offset it is located and quotes the line.
pub(crate) fn finding(
    severity: Severity,
    check: &'static str,
    file: &Path,
    text: Option<&str>,
    offset: Option<usize>,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Finding {
    let mut d = Diagnostic::error(file, message).hint(hint);
    d.severity = severity;
    if let (Some(text), Some(offset)) = (text, offset) {
        let (line, col) = line_col(text, offset);
        d = d.at(line, Some(col)).with_source(text);
    }
    Finding {
        severity,
        check,
        diagnostic: d,
    }
}

/// A closed agenda item as written in the source of minutes.
#[derive(Debug, Clone)]
pub(crate) struct Closed {
    /// "Punkt 6", "§ 2".
    pub label: String,
    pub title: String,
    pub case: Option<String>,
    /// The heading line and the body, as byte ranges of the file.
    pub heading: Range<usize>,
    pub body: Range<usize>,
}

/// One translation's source file, read once for all checks.
pub(crate) struct Source<'a> {
    /// Index of the document in `site.documents`.
    pub doc: usize,
    pub t: &'a Translation,
    /// The whole file, as the loader read it (`Translation::file_text`).
    pub text: &'a str,
    /// Byte offset of the Markdown body.
    pub body: usize,
    /// Closed agenda items (minutes only).
    pub closed: Vec<Closed>,
}

impl Source<'_> {
    /// The parts of the body that are published: everything but closed items' bodies.
    pub fn public_ranges(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut pos = self.body;
        for c in &self.closed {
            out.push(pos..c.body.start);
            pos = c.body.end;
        }
        out.push(pos..self.text.len());
        out.retain(|r| r.start < r.end);
        out
    }

    /// Whether a byte offset lies in a closed item (its heading's attributes or its body).
    pub fn is_withheld(&self, offset: usize) -> bool {
        self.closed
            .iter()
            .any(|c| (c.heading.start..c.body.end).contains(&offset))
    }

    pub fn lang(&self) -> &str {
        &self.t.lang
    }
}

/// The site and the source of every translation in it.
pub(crate) struct Context<'a> {
    pub root: &'a Path,
    pub site: &'a Site,
    pub sources: Vec<Source<'a>>,
    /// The documents checked (indexes into `site.documents`).
    pub docs: Vec<usize>,
}

impl<'a> Context<'a> {
    fn new(root: &'a Path, site: &'a Site) -> Context<'a> {
        let all: Vec<usize> = (0..site.documents.len()).collect();
        Context::for_documents(root, site, &all, true)
    }

    /// A context for some documents; `all_closed`: find the closed agenda items of every set of
    /// minutes, not only of those where a personal identity number might be.
    fn for_documents(
        root: &'a Path,
        site: &'a Site,
        docs: &[usize],
        all_closed: bool,
    ) -> Context<'a> {
        let decision_headings = &site.config.site.minutes.decision_headings;
        let pairs: Vec<(usize, &'a Translation, bool)> = docs
            .iter()
            .map(|&i| (i, &site.documents[i]))
            .flat_map(|(i, d)| {
                let doc: &'a Document = d;
                let minutes = doc.kind == crate::content::Kind::Minutes;
                doc.translations.iter().map(move |t| (i, t, minutes))
            })
            .collect();
        let sources = pairs
            .into_par_iter()
            .map(|(doc, t, is_minutes)| {
                // The file as the loader read it: no check opens it again.
                let (text, body) = (t.file_text.as_str(), t.body_offset);
                // Closed items matter to the build's check only where a number might be.
                let closed = if is_minutes && (all_closed || personal_numbers::has_digit_run(text))
                {
                    let s = minutes::structure(&text[body..], decision_headings);
                    s.items
                        .into_iter()
                        .filter(|i| i.closed)
                        .map(|i| Closed {
                            label: i.label,
                            title: i.title,
                            case: i.case,
                            heading: body + i.heading.start..body + i.heading.end,
                            body: body + i.body.start..body + i.body.end,
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                Source {
                    doc,
                    t,
                    text,
                    body,
                    closed,
                }
            })
            .collect();
        Context {
            root,
            site,
            sources,
            docs: docs.to_vec(),
        }
    }
}

/// Byte-wise text with its lower-case form, mapping positions back: for case-insensitive search.
pub(crate) struct Folded {
    pub lower: String,
    /// For each byte of `lower`, the offset of its character in the original.
    map: Vec<usize>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut lower = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            for l in c.to_lowercase() {
                let before = lower.len();
                lower.push(l);
                map.extend(std::iter::repeat_n(i, lower.len() - before));
            }
        }
        Folded { lower, map }
    }

    /// Offset in the original text of a byte offset in `lower`.
    pub fn original(&self, i: usize) -> usize {
        self.map
            .get(i)
            .copied()
            .unwrap_or_else(|| self.map.last().map_or(0, |&l| l + 1))
    }

    /// Original offsets of every occurrence of `needle` (lower-case) that is not part of a
    /// longer word or code: the characters around it are neither letters nor digits, nor a
    /// joining `-`, `/` or `.` followed by one.
    pub fn find_bounded(&self, needle: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if needle.is_empty() {
            return out;
        }
        let hay = &self.lower;
        let mut from = 0;
        while let Some(pos) = hay[from..].find(needle) {
            let start = from + pos;
            let end = start + needle.len();
            let before = hay[..start].chars().rev().take(2).collect::<Vec<_>>();
            let after = hay[end..].chars().take(2).collect::<Vec<_>>();
            let word = |c: &char| c.is_alphanumeric();
            let joined = |v: &[char]| {
                v.first().is_some_and(word)
                    || (v.first().is_some_and(|c| matches!(c, '-' | '/' | '.'))
                        && v.get(1).is_some_and(word))
            };
            if !joined(&before) && !joined(&after) {
                out.push(self.original(start));
            }
            from = start + needle.chars().next().map_or(1, char::len_utf8);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_search_respects_boundaries_and_maps_offsets() {
        let text = "Ärende BUN-2026/318 och BUN-2026/3180, bun-2026/318.";
        let f = Folded::new(text);
        let hits = f.find_bounded("bun-2026/318");
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert_eq!(&text[hits[0]..hits[0] + 3], "BUN");
        assert_eq!(&text[hits[1]..hits[1] + 3], "bun");
        assert!(
            Folded::new("BUN-2026/318-2")
                .find_bounded("bun-2026/318")
                .is_empty()
        );
        let f = Folded::new("ÅÄÖ Personalesag");
        assert_eq!(f.find_bounded("personalesag"), [7]);
    }
}
