//! A segment's inline Markdown as text and codes, the way XLIFF carries it: the words are text a
//! translator edits; a link's `](https://…)`, a code span, a footnote reference or a hard break
//! is a code the translator can move but not change. Cut by pulldown-cmark's events and their
//! offsets, so that joining the pieces again gives the Markdown back byte for byte.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

use crate::content::translation::is_inline;

/// A piece of a segment's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A code standing alone: `data` is its Markdown (a code span, `[^1]`, an autolink).
    Ph {
        id: usize,
        data: String,
    },
    /// A code around text: emphasis, strong, a link (`[` … `](url)`).
    Pc {
        id: usize,
        start: String,
        end: String,
        inner: Vec<Piece>,
    },
}

/// The pieces of the inline Markdown `text`.
pub fn pieces(text: &str) -> Vec<Piece> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(text, opts)
        .into_offset_iter()
        .filter(|(e, _)| is_inline(e) && !matches!(e, Event::End(_)))
        .collect();
    // Only inline events: parsed alone, a heading's text "1. Inledning" reads as a list, whose
    // marker is then kept as text. End events are found through their Start's range.
    let mut ids = 0;
    let mut out = Vec::new();
    let mut i = 0;
    walk(text, &events, &mut i, 0..text.len(), &mut ids, &mut out);
    out
}

/// Converts the events from `*i` that lie in `span`, appending to `out`; gaps between events
/// (delimiters the events do not cover) are kept as text.
fn walk(
    text: &str,
    events: &[(Event<'_>, Range<usize>)],
    i: &mut usize,
    span: Range<usize>,
    ids: &mut usize,
    out: &mut Vec<Piece>,
) {
    let mut pos = span.start;
    while *i < events.len() && events[*i].1.start < span.end {
        let (event, r) = (&events[*i].0, events[*i].1.clone());
        *i += 1;
        if r.start > pos {
            push_text(out, &text[pos..r.start]);
        }
        let start = r.start.max(pos);
        match event {
            Event::Text(_) | Event::SoftBreak => push_text(out, &text[start..r.end]),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::Start(Tag::Link {
                link_type: LinkType::Inline | LinkType::Reference | LinkType::Collapsed,
                ..
            }) => {
                *ids += 1;
                let id = *ids;
                let mut inner = Vec::new();
                let first = events.get(*i).map(|(_, c)| c.start).filter(|&s| s < r.end);
                let (open_end, close_start) = match first {
                    Some(first) => {
                        let mut last = first;
                        let mut j = *i;
                        while j < events.len() && events[j].1.start < r.end {
                            last = last.max(events[j].1.end);
                            j += 1;
                        }
                        walk(text, events, i, first..last, ids, &mut inner);
                        (first, last)
                    }
                    None => (r.end, r.end),
                };
                out.push(Piece::Pc {
                    id,
                    start: text[start..open_end].to_owned(),
                    end: text[close_start..r.end].to_owned(),
                    inner,
                });
            }
            _ => {
                // Codes that stand alone: code spans, footnote references, hard breaks, inline
                // HTML, images and autolinks (whose text is their address), with what they
                // hold.
                *ids += 1;
                while *i < events.len() && events[*i].1.start < r.end {
                    *i += 1;
                }
                out.push(Piece::Ph {
                    id: *ids,
                    data: text[start..r.end].to_owned(),
                });
            }
        }
        pos = r.end.max(pos);
    }
    if pos < span.end {
        push_text(out, &text[pos..span.end]);
    }
}

fn push_text(out: &mut Vec<Piece>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Text(t)) = out.last_mut() {
        t.push_str(s);
    } else {
        out.push(Piece::Text(s.to_owned()));
    }
}

/// The Markdown of pieces: the inverse of [`pieces`].
pub fn markdown(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Ph { data, .. } => out.push_str(data),
            Piece::Pc {
                start, end, inner, ..
            } => {
                out.push_str(start);
                out.push_str(&markdown(inner));
                out.push_str(end);
            }
        }
    }
    out
}

/// Every code's id and its Markdown (`start` and `end` of a paired one), in order: what a
/// translation must keep.
pub fn codes(pieces: &[Piece]) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for p in pieces {
        match p {
            Piece::Text(_) => {}
            Piece::Ph { id, data } => out.push((*id, data.clone(), String::new())),
            Piece::Pc {
                id,
                start,
                end,
                inner,
            } => {
                out.push((*id, start.clone(), end.clone()));
                out.extend(codes(inner));
            }
        }
    }
    out.sort_by_key(|c| c.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_emphasis_and_code_are_codes_and_the_markdown_comes_back() {
        for md in [
            "Mejla till <nodomsorg@ekvik.example> eller ring **+46 31 390 06 55**.",
            "Läs [beslutet](https://ekvik.example/beslut \"Beslut\") och *koka* `vatten`[^1].",
            "Vanlig text utan kod.",
            "Två\nrader  \nmed brytning, [tom]() och ***båda***.",
            "Escaped \\*stjärna\\* &amp; ![bild](a.png).",
            "1. Inledning med *betoning*",
        ] {
            let p = pieces(md);
            assert_eq!(markdown(&p), md, "{p:?}");
        }
        let p = pieces("Läs [beslutet](https://ekvik.example/b) nu.");
        assert_eq!(
            p,
            [
                Piece::Text("Läs ".into()),
                Piece::Pc {
                    id: 1,
                    start: "[".into(),
                    end: "](https://ekvik.example/b)".into(),
                    inner: vec![Piece::Text("beslutet".into())],
                },
                Piece::Text(" nu.".into()),
            ]
        );
        let p = pieces("Ring `112` eller <a@b.example>.");
        assert!(matches!(&p[1], Piece::Ph { data, .. } if data == "`112`"));
        assert!(matches!(&p[3], Piece::Ph { data, .. } if data == "<a@b.example>"));
    }
}
