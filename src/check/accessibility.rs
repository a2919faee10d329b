//! Accessibility of the text itself (WCAG 2.1, which the EU Web Accessibility Directive requires
//! of public bodies):
//!
//! - images without alt text: an error. A screen reader says nothing, or the file name, and the
//!   image's content is lost (1.1.1, level A). An image in a press release, minutes or notice
//!   always carries content; decorative images belong in the theme, not in documents.
//! - skipped heading levels: a warning (1.3.1, 2.4.6). A body starts at `h2` under the page's
//!   `h1`; each heading may go at most one level deeper than the one before it.
//! - vague link text ("click here", "läs mer", "اضغط هنا") or none: a warning (2.4.4). Lists of
//!   links read out of context say nothing; the sentence around the link may still explain it.
//! - tables whose header cells are all empty: a warning (1.3.1). The table keeps its cells, but
//!   no one can tell what a column means.

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{Context, Finding, Source, finding};
use crate::content::markdown::{parser_options, uses_h1};
use crate::diagnostics::Severity;

pub const CHECK_ALT: &str = "image-missing-alt";
pub const CHECK_HEADINGS: &str = "skipped-heading-level";
pub const CHECK_LINK_TEXT: &str = "vague-link-text";
pub const CHECK_TABLE: &str = "table-without-header";

/// Link texts that say nothing about where the link goes, per language (lower case, without
/// punctuation). Every list applies to every document: documents quote other languages too.
pub const VAGUE_LINK_TEXTS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "click here",
            "here",
            "click",
            "read more",
            "more",
            "learn more",
            "see more",
            "more info",
            "more information",
            "link",
            "this link",
            "this",
            "details",
            "continue",
            "continue reading",
            "go",
            "this page",
        ],
    ),
    (
        "sv",
        &[
            "klicka här",
            "här",
            "klicka",
            "läs mer",
            "läs mer här",
            "mer",
            "mer info",
            "mer information",
            "länk",
            "denna länk",
            "den här länken",
            "se mer",
            "fortsätt läsa",
            "läs vidare",
        ],
    ),
    (
        "da",
        &[
            "klik her",
            "her",
            "klik",
            "læs mere",
            "læs mere her",
            "mere",
            "mere info",
            "mere information",
            "link",
            "dette link",
            "se mere",
            "læs videre",
        ],
    ),
    (
        "nb",
        &[
            "klikk her",
            "her",
            "klikk",
            "les mer",
            "les mer her",
            "mer",
            "mer info",
            "mer informasjon",
            "lenke",
            "denne lenken",
            "se mer",
            "les videre",
        ],
    ),
    (
        "fi",
        &[
            "klikkaa tästä",
            "napsauta tästä",
            "tästä",
            "täältä",
            "tässä",
            "lue lisää",
            "lisää",
            "lisätietoja",
            "linkki",
            "tämä linkki",
            "katso lisää",
        ],
    ),
    (
        "de",
        &[
            "hier klicken",
            "klicken sie hier",
            "hier",
            "klicken",
            "mehr",
            "weiterlesen",
            "mehr lesen",
            "mehr erfahren",
            "mehr infos",
            "mehr informationen",
            "link",
            "dieser link",
            "details",
        ],
    ),
    (
        "pl",
        &[
            "kliknij tutaj",
            "kliknij tu",
            "tutaj",
            "tu",
            "kliknij",
            "więcej",
            "czytaj więcej",
            "czytaj dalej",
            "dowiedz się więcej",
            "link",
            "ten link",
            "szczegóły",
        ],
    ),
    (
        "uk",
        &[
            "тут",
            "натисніть тут",
            "клацніть тут",
            "тисніть тут",
            "детальніше",
            "докладніше",
            "більше",
            "читати далі",
            "читати більше",
            "посилання",
            "це посилання",
        ],
    ),
    (
        "so",
        &[
            "halkan",
            "riix halkan",
            "halkan riix",
            "guji halkan",
            "halkan guji",
            "wax badan",
            "akhri wax badan",
            "akhri wax dheeraad ah",
            "xiriir",
            "link",
        ],
    ),
    (
        "ar",
        &[
            "اضغط هنا",
            "انقر هنا",
            "هنا",
            "اضغط",
            "انقر",
            "اقرأ المزيد",
            "المزيد",
            "لمزيد من المعلومات",
            "رابط",
            "هذا الرابط",
            "التفاصيل",
        ],
    ),
    (
        "fa",
        &[
            "اینجا",
            "اینجا کلیک کنید",
            "کلیک کنید",
            "کلیک",
            "اینجا را کلیک کنید",
            "بیشتر",
            "بیشتر بخوانید",
            "ادامه مطلب",
            "ادامه",
            "لینک",
            "پیوند",
            "این لینک",
            "جزئیات",
        ],
    ),
];

fn vague_texts() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        VAGUE_LINK_TEXTS
            .iter()
            .flat_map(|(_, l)| l.iter().copied())
            .collect()
    })
}

/// Lower case, spaces collapsed, punctuation and symbols trimmed from both ends ("Läs mer »"
/// → "läs mer", "…اقرأ المزيد" → "اقرأ المزيد").
pub fn normalise_link_text(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a link's text says nothing about its target.
pub fn is_vague(text: &str) -> bool {
    vague_texts().contains(normalise_link_text(text).as_str())
}

pub fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for src in &ctx.sources {
        images(src, out);
        link_texts(src, out);
        structure(src, out);
    }
}

fn images(src: &Source<'_>, out: &mut Vec<Finding>) {
    for img in &src.t.images {
        if img.alt.trim().is_empty() {
            out.push(finding(
                Severity::Error,
                CHECK_ALT,
                &src.t.path,
                Some(src.text),
                Some(img.offset),
                format!("the image `{}` has no alt text", img.src),
                "describe what the image shows between the brackets: ![Bar chart: 64 % eat breakfast at home](chart.png)",
            ));
        }
    }
}

fn link_texts(src: &Source<'_>, out: &mut Vec<Finding>) {
    for link in &src.t.links {
        let message = if link.text.trim().is_empty() {
            format!("the link to `{}` has no text", link.dest)
        } else if is_vague(&link.text) {
            format!(
                "the link text `{}` does not say where the link goes",
                link.text.trim()
            )
        } else {
            continue;
        };
        out.push(finding(
            Severity::Warning,
            CHECK_LINK_TEXT,
            &src.t.path,
            Some(src.text),
            Some(link.offset),
            message,
            "name the target in the link: [the minutes of 10 November](@/minutes/…) rather than [read more](@/minutes/…); screen readers list links out of context",
        ));
    }
}

/// Heading levels and table headers, from the published parts of the source.
fn structure(src: &Source<'_>, out: &mut Vec<Finding>) {
    if src.text.is_empty() {
        return;
    }
    let shift = u8::from(uses_h1(&src.text[src.body..]));
    let mut previous = 1u8; // the page title
    for range in src.public_ranges() {
        let base = range.start;
        let mut table: Option<(usize, bool, bool)> = None; // (offset, in head, head has text)
        for (event, r) in Parser::new_ext(&src.text[range], parser_options()).into_offset_iter() {
            let at = base + r.start;
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    let level = (level as u8 + shift).min(6);
                    if level > previous + 1 {
                        let want = previous + 1;
                        let hashes = "#".repeat(usize::from(want.saturating_sub(shift).max(1)));
                        out.push(finding(
                            Severity::Warning,
                            CHECK_HEADINGS,
                            &src.t.path,
                            Some(src.text),
                            Some(at),
                            format!(
                                "the heading skips from level {previous} to level {level}{}",
                                if previous == 1 { " (the page title is level 1)" } else { "" }
                            ),
                            format!(
                                "make it a level-{want} heading (`{hashes} …`): screen-reader users move through a page by its headings"
                            ),
                        ));
                    }
                    previous = level;
                }
                Event::Start(Tag::Table(_)) => table = Some((at, false, false)),
                Event::Start(Tag::TableHead) => {
                    if let Some(t) = table.as_mut() {
                        t.1 = true;
                    }
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some(tb) = table.as_mut()
                        && tb.1
                        && !t.trim().is_empty()
                    {
                        tb.2 = true;
                    }
                }
                Event::Start(Tag::Image { .. }) => {
                    if let Some(tb) = table.as_mut()
                        && tb.1
                    {
                        tb.2 = true;
                    }
                }
                Event::End(TagEnd::TableHead) => {
                    if let Some((offset, _, has_text)) = table.take()
                        && !has_text
                    {
                        out.push(finding(
                            Severity::Warning,
                            CHECK_TABLE,
                            &src.t.path,
                            Some(src.text),
                            Some(offset),
                            "the table has no header row: its first row's cells are all empty",
                            "name every column in the first row (| Day | Time |) followed by |---|---|; screen readers read the header with each cell",
                        ));
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_link_texts_in_many_languages() {
        for t in [
            "click here",
            "Here",
            "Read more…",
            "Läs mer »",
            "läs mer",
            "klicka här",
            "Här",
            "Læs mere",
            "mere",
            "klik her",
            "Les mer",
            "Lue lisää",
            "hier",
            "Mehr",
            "Weiterlesen",
            "tutaj",
            "Więcej",
            "тут",
            "Детальніше",
            "halkan",
            "اضغط هنا",
            "اینجا",
            "(here)",
            "  read   more ",
        ] {
            assert!(is_vague(t), "{t}");
        }
        for t in [
            "the minutes of 10 November",
            "Läs mer om skolskjutsen",
            "mehr über die Schulen",
            "här finns protokollet",
            "Bilag 1: Budgetoversigt",
            "Hereford",
            "nodomsorg@ekvik.example",
        ] {
            assert!(!is_vague(t), "{t}");
        }
    }
}
