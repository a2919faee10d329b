//! What a translation was made from. A document's text is cut into segments — title, summary,
//! instruction, and each block of the body (heading, paragraph, list item, table cell; an agenda
//! item's heading is a heading) — and each segment gets a short fingerprint. A translation
//! records the language it was translated from and the fingerprints of the source's segments it
//! was made from (`translation: { from, source }` in its front matter); comparing them with the
//! source's segments today says whether it is up to date and which segments changed.
//!
//! Segment ids are stable names (`title`, `summary`, `instruction`, `body.N` for the Nth block
//! of the body), so that an export to XLIFF or PO can name a unit by them; each segment also
//! keeps its byte range in the Markdown, from pulldown-cmark's offsets.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::DateTime;
use chrono_tz::Tz;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::document::{Document, Translation};

/// One translatable piece of a translation's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// `title`, `summary`, `instruction` or `body.N`.
    pub id: String,
    /// The Markdown of the segment.
    pub text: String,
    /// Where it is in the body's Markdown (body segments only).
    pub range: Option<Range<usize>>,
    /// What it is: `title`, `summary`, `instruction`, `heading`, `paragraph`, `list item` or
    /// `table cell`.
    pub block: &'static str,
    /// Where its inline text is in the body's Markdown: the block without its marker (`## `,
    /// `- `, `1. `), what a translator translates (body segments only).
    pub inner: Option<Range<usize>>,
}

impl Segment {
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.text)
    }

    /// The text a translator sees: the inline Markdown of the block, without its marker.
    pub fn inline_text<'a>(&'a self, markdown: &'a str) -> &'a str {
        match &self.inner {
            Some(r) => &markdown[r.clone()],
            None => &self.text,
        }
    }
}

/// `translation:` in a translation's front matter: what it was translated from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceRecord {
    /// The language translated from (`None`: the site's default language).
    pub from: Option<String>,
    /// Fingerprint of each segment of the source, by segment id, as it was translated.
    pub fingerprints: BTreeMap<String, String>,
}

/// A short fingerprint of a segment's text: whitespace differences (rewrapping a paragraph) do
/// not count as a change. Twelve hex digits of BLAKE3 are plenty to tell versions of one segment
/// apart, and short enough to keep the front matter readable.
pub fn fingerprint(text: &str) -> String {
    let normal: Vec<&str> = text.split_whitespace().collect();
    let hash = blake3::hash(normal.join(" ").as_bytes());
    hash.to_hex()[..12].to_owned()
}

/// The segments of a translation, in reading order.
pub fn segments(t: &Translation) -> Vec<Segment> {
    let mut out = vec![plain("title", &t.title), plain("summary", &t.summary)];
    if let Some(i) = t.notice().and_then(|n| n.instruction.as_deref()) {
        out.push(plain("instruction", i.trim()));
    }
    out.extend(body_segments(&t.public_markdown));
    out
}

fn plain(id: &str, text: &str) -> Segment {
    Segment {
        id: id.to_owned(),
        text: text.to_owned(),
        range: None,
        block: match id {
            "title" => "title",
            "summary" => "summary",
            _ => "instruction",
        },
        inner: None,
    }
}

/// The blocks of a Markdown body. A segment is the outermost heading, paragraph, list item or
/// table cell: a list item's nested list stays in it, a block quote's paragraphs are each one.
/// Code blocks and HTML are not text to translate and are no segments.
pub fn body_segments(markdown: &str) -> Vec<Segment> {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES);
    let mut out = Vec::new();
    let mut open: Option<(TagEnd, usize)> = None;
    let mut block = "paragraph";
    // The span of the inline events of the open block.
    let mut inner: Option<Range<usize>> = None;
    for (event, range) in parser.into_offset_iter() {
        match (&event, &open) {
            (Event::Start(tag), None) => {
                if let Some(end) = segment_end(tag) {
                    block = match end {
                        TagEnd::Heading(_) => "heading",
                        TagEnd::Item => "list item",
                        TagEnd::TableCell => "table cell",
                        _ => "paragraph",
                    };
                    open = Some((end, range.start));
                    inner = None;
                }
            }
            (Event::End(end), Some((want, start))) if end == want => {
                let range = *start..range.end;
                let text = markdown[range.clone()].trim();
                if !text.is_empty() {
                    out.push(Segment {
                        id: format!("body.{}", out.len()),
                        text: text.to_owned(),
                        range: Some(range),
                        block,
                        inner: inner.take(),
                    });
                }
                open = None;
            }
            (e, Some(_)) if is_inline(e) => {
                inner = Some(match inner.take() {
                    Some(r) => r.start.min(range.start)..r.end.max(range.end),
                    None => range,
                });
            }
            _ => {}
        }
    }
    out
}

/// An event of a block's inline text (as opposed to a nested block's start or end).
pub fn is_inline(e: &Event<'_>) -> bool {
    match e {
        Event::Start(t) => matches!(
            t,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ),
        Event::End(t) => matches!(
            t,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::InlineMath(_) => true,
        _ => false,
    }
}

/// The end tag of a block that is a segment.
fn segment_end(tag: &Tag<'_>) -> Option<TagEnd> {
    Some(match tag {
        Tag::Heading { level, .. } => TagEnd::Heading(*level),
        Tag::Paragraph => TagEnd::Paragraph,
        Tag::Item => TagEnd::Item,
        Tag::TableCell => TagEnd::TableCell,
        _ => return None,
    })
}

/// The fingerprints of a translation's segments, as `translations mark` records them.
pub fn fingerprints(t: &Translation) -> BTreeMap<String, String> {
    segments(t)
        .into_iter()
        .map(|s| {
            let f = s.fingerprint();
            (s.id, f)
        })
        .collect()
}

/// Where a translation stands against its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// It is the source (or nothing says it was translated from another language).
    Source,
    /// The document does not exist in the language.
    Missing,
    /// Translated from a source that has not changed since.
    UpToDate { source: String },
    /// The source changed since: these segments (ids) changed, were added or removed.
    Stale {
        source: String,
        changed: Vec<String>,
        /// The source's `updated:`, else its `date:`.
        source_changed: DateTime<Tz>,
    },
    /// A translation that records no source (made before tracking, or not marked).
    Untracked { source: String },
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Source => "source",
            Status::Missing => "missing",
            Status::UpToDate { .. } => "up-to-date",
            Status::Stale { .. } => "stale",
            Status::Untracked { .. } => "untracked",
        }
    }
    pub fn is_stale(&self) -> bool {
        matches!(self, Status::Stale { .. })
    }
}

/// The language a translation was made from: what it records, else the site's default.
pub fn source_lang<'a>(t: &'a Translation, default_lang: &'a str) -> &'a str {
    t.source
        .as_ref()
        .and_then(|s| s.from.as_deref())
        .unwrap_or(default_lang)
}

/// Where the document's translation in `lang` stands. The source's change date is its
/// `updated:` (else `date:`), not its file's time, so that a build at a fixed `--now` is the same
/// on every checkout.
pub fn status(doc: &Document, lang: &str, default_lang: &str) -> Status {
    let Some(t) = doc.get(lang) else {
        return Status::Missing;
    };
    let from = source_lang(t, default_lang);
    if from == lang {
        return Status::Source;
    }
    let Some(source) = doc.get(from) else {
        return Status::Source;
    };
    let Some(record) = &t.source else {
        return Status::Untracked {
            source: from.to_owned(),
        };
    };
    let now = fingerprints(source);
    let mut changed: Vec<String> = now
        .iter()
        .filter(|(id, f)| record.fingerprints.get(*id) != Some(*f))
        .map(|(id, _)| id.clone())
        .collect();
    changed.extend(
        record
            .fingerprints
            .keys()
            .filter(|id| !now.contains_key(*id))
            .cloned(),
    );
    if changed.is_empty() {
        Status::UpToDate {
            source: from.to_owned(),
        }
    } else {
        Status::Stale {
            source: from.to_owned(),
            changed,
            source_changed: source.updated.unwrap_or(source.date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_blocks_are_segments_with_offsets() {
        let md = "# Skolor\n\nSkolorna är stängda\ntill fredag.\n\n- ett\n- två\n\n| a | b |\n|---|---|\n| c | d |\n\n```\nkod\n```\n";
        let s = body_segments(md);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "# Skolor",
                "Skolorna är stängda\ntill fredag.",
                "- ett",
                "- två",
                "a",
                "b",
                "c",
                "d"
            ]
        );
        assert_eq!(s[1].id, "body.1");
        let r = s[1].range.clone().unwrap();
        assert!(md[r].starts_with("Skolorna"));
        let inline: Vec<&str> = s.iter().map(|s| s.inline_text(md)).collect();
        assert_eq!(inline[0], "Skolor");
        assert_eq!(inline[1], "Skolorna är stängda\ntill fredag.");
        assert_eq!(inline[2], "ett");
    }

    #[test]
    fn rewrapping_is_no_change_but_a_word_is() {
        assert_eq!(
            fingerprint("stängda\ntill fredag."),
            fingerprint("stängda till  fredag.")
        );
        assert_ne!(
            fingerprint("stängda till fredag."),
            fingerprint("stängda till onsdag.")
        );
    }
}
