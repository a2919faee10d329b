//! The structure of minutes: agenda items are the top headings of the body
//! (`## Punkt 6: Title {#punkt-6 .closed case="…"}` or `## § 20 Title {case="…"}`), each with a
//! number, a case number, a body and a decision subsection. A `.closed` item keeps only its
//! number (and title if the site allows): its body is never rendered or published.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::markdown::parser_options;

/// An agenda item as found in the source, before rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSource {
    /// "Punkt 6", "§ 112": how the item is referred to.
    pub label: String,
    /// "6", "112".
    pub number: String,
    pub title: String,
    pub id: Option<String>,
    pub case: Option<String>,
    pub closed: bool,
    /// The heading line, in the body.
    pub heading: Range<usize>,
    /// Everything after the heading up to the next item, in the body.
    pub body: Range<usize>,
    /// The decision subsection's content, in the body.
    pub decision: Option<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structure {
    /// Text before the first item.
    pub preamble: Range<usize>,
    pub items: Vec<ItemSource>,
}

struct RawHeading {
    level: HeadingLevel,
    range: Range<usize>,
    text: String,
    id: Option<String>,
    classes: Vec<String>,
    attrs: Vec<(String, Option<String>)>,
}

fn headings(body: &str) -> Vec<RawHeading> {
    let mut out = Vec::new();
    let mut current: Option<RawHeading> = None;
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                current = Some(RawHeading {
                    level,
                    range,
                    text: String::new(),
                    id: id.map(|s| s.to_string()),
                    classes: classes.iter().map(|c| c.to_string()).collect(),
                    attrs: attrs
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.as_ref().map(|v| unquote(v))))
                        .collect(),
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(mut h) = current.take() {
                    h.text = h.text.trim().to_owned();
                    out.push(h);
                }
            }
            _ => {}
        }
    }
    out
}

fn unquote(v: &str) -> String {
    v.trim_matches(|c| c == '"' || c == '\'').to_owned()
}

/// Splits "§ 112 Title", "Punkt 6: Title", "6. Title" into (label, number, title).
pub fn parse_item_heading(text: &str) -> Option<(String, String, String)> {
    let text = text.trim();
    let trim_title = |s: &str| {
        s.trim_start_matches([':', '.', '-', '–', '—', ' '])
            .trim()
            .to_owned()
    };
    if let Some(rest) = text.strip_prefix('§') {
        let rest = rest.trim_start();
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
            .unwrap_or(rest.len());
        let number = rest[..end].trim_end_matches('.');
        if number.chars().any(|c| c.is_ascii_digit()) {
            return Some((
                format!("§ {number}"),
                number.to_owned(),
                trim_title(&rest[end..]),
            ));
        }
    }
    if let Some((head, title)) = text.split_once(':') {
        let words: Vec<&str> = head.split_whitespace().collect();
        if (1..=3).contains(&words.len())
            && let Some(number) = words
                .iter()
                .rev()
                .find(|w| w.chars().any(|c| c.is_ascii_digit()))
        {
            return Some((
                head.trim().to_owned(),
                number.trim_end_matches('.').to_owned(),
                trim_title(title),
            ));
        }
    }
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if digits > 0 && text[digits..].starts_with(['.', ')']) {
        let number = &text[..digits];
        return Some((
            number.to_owned(),
            number.to_owned(),
            trim_title(&text[digits + 1..]),
        ));
    }
    None
}

/// Finds the agenda items of a minutes body. `decision_headings` are the titles of the decision
/// subsection (compared without case and trailing colon).
pub fn structure(body: &str, decision_headings: &[String]) -> Structure {
    let heads = headings(body);
    let top = if heads.iter().any(|h| h.level == HeadingLevel::H1) {
        HeadingLevel::H1
    } else {
        HeadingLevel::H2
    };
    let tops: Vec<usize> = heads
        .iter()
        .enumerate()
        .filter(|(_, h)| h.level == top)
        .map(|(i, _)| i)
        .collect();
    let preamble_end = tops.first().map_or(body.len(), |&i| heads[i].range.start);
    let mut items = Vec::new();
    for (n, &hi) in tops.iter().enumerate() {
        let h = &heads[hi];
        let end = tops
            .get(n + 1)
            .map_or(body.len(), |&j| heads[j].range.start);
        let attr = |k: &str| {
            h.attrs
                .iter()
                .find(|(key, _)| key == k)
                .and_then(|(_, v)| v.clone())
        };
        let (label, number, title) = match (parse_item_heading(&h.text), attr("number")) {
            (Some((l, _, t)), Some(num)) => (l, num, t),
            (Some(parsed), None) => parsed,
            (None, Some(num)) => (num.clone(), num, h.text.clone()),
            (None, None) => {
                let num = (n + 1).to_string();
                (num.clone(), num, h.text.clone())
            }
        };
        // The decision: a subsection one level below the item whose title is a decision heading.
        let sub = top as u8 + 1;
        let decision = heads
            .iter()
            .enumerate()
            .skip(hi + 1)
            .take_while(|(_, x)| x.range.start < end)
            .find_map(|(k, x)| {
                let title = x.text.trim_end_matches(':').trim();
                (x.level as u8 == sub
                    && decision_headings.iter().any(|d| {
                        d.eq_ignore_ascii_case(title) || d.to_lowercase() == title.to_lowercase()
                    }))
                .then(|| {
                    let stop = heads[k + 1..]
                        .iter()
                        .find(|y| y.range.start < end && (y.level as u8) <= sub)
                        .map_or(end, |y| y.range.start.min(end));
                    x.range.end..stop
                })
            });
        items.push(ItemSource {
            label,
            number,
            title,
            id: h.id.clone(),
            case: attr("case"),
            closed: h.classes.iter().any(|c| c == "closed"),
            heading: h.range.clone(),
            body: h.range.end..end,
            decision,
        });
    }
    Structure {
        preamble: 0..preamble_end,
        items,
    }
}

/// The body as it may be published: closed items reduced to their heading (with the title only
/// if `closed_titles`), nothing else of them.
pub fn public_markdown(body: &str, s: &Structure, closed_titles: bool) -> String {
    let mut out = String::with_capacity(body.len());
    let mut pos = 0;
    for item in s.items.iter().filter(|i| i.closed) {
        out.push_str(&body[pos..item.heading.start]);
        let hashes = body[item.heading.clone()]
            .chars()
            .take_while(|&c| c == '#')
            .collect::<String>();
        let hashes = if hashes.is_empty() {
            "##".to_owned()
        } else {
            hashes
        };
        let id = item
            .id
            .as_ref()
            .map(|i| format!("#{i} "))
            .unwrap_or_default();
        if closed_titles && !item.title.is_empty() {
            out.push_str(&format!(
                "{hashes} {}: {} {{{id}.closed}}\n\n",
                item.label, item.title
            ));
        } else {
            out.push_str(&format!("{hashes} {} {{{id}.closed}}\n\n", item.label));
        }
        pos = item.body.end;
    }
    out.push_str(&body[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DA: &str = "Indledning.\n\n## Punkt 1: Godkendelse {#punkt-1 case=\"00.01.00-P35\"}\n\nTekst.\n\n### Beslutning\n\nGodkendt.\n\n### Bemærkning\n\nEn note.\n\n## Punkt 2: Lukket punkt: Personalesag {#punkt-2 .closed case=\"81.02.00-G01\"}\n\nHemmelig tekst.\n\n### Beslutning\n\nHemmelig beslutning.\n\n## Punkt 3: Eventuelt\n\nIntet.\n";

    #[test]
    fn parses_item_headings() {
        assert_eq!(
            parse_item_heading("§ 112 Skolskjuts vintern"),
            Some(("§ 112".into(), "112".into(), "Skolskjuts vintern".into()))
        );
        assert_eq!(
            parse_item_heading("Punkt 6: IT support"),
            Some(("Punkt 6".into(), "6".into(), "IT support".into()))
        );
        assert_eq!(
            parse_item_heading("4. Budget"),
            Some(("4".into(), "4".into(), "Budget".into()))
        );
        assert_eq!(parse_item_heading("Övrigt"), None);
        assert_eq!(parse_item_heading("Note: the building is closed"), None);
    }

    #[test]
    fn finds_items_cases_closed_and_decisions() {
        let s = structure(DA, &["Beslutning".into()]);
        assert_eq!(&DA[s.preamble.clone()], "Indledning.\n\n");
        assert_eq!(s.items.len(), 3);
        let one = &s.items[0];
        assert_eq!(
            (one.number.as_str(), one.case.as_deref(), one.closed),
            ("1", Some("00.01.00-P35"), false)
        );
        assert_eq!(DA[one.decision.clone().unwrap()].trim(), "Godkendt.");
        assert!(s.items[1].closed);
        assert_eq!(s.items[2].title, "Eventuelt");
        assert!(s.items[2].decision.is_none());
    }

    #[test]
    fn public_markdown_drops_closed_bodies() {
        let s = structure(DA, &["Beslutning".into()]);
        let public = public_markdown(DA, &s, true);
        assert!(!public.contains("Hemmelig"), "{public}");
        assert!(!public.contains("81.02.00-G01"), "{public}");
        assert!(
            public.contains("## Punkt 2: Lukket punkt: Personalesag {#punkt-2 .closed}"),
            "{public}"
        );
        assert!(public.contains("Intet."));
        let untitled = public_markdown(DA, &s, false);
        assert!(!untitled.contains("Personalesag"), "{untitled}");
    }
}
