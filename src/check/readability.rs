//! Readability per document and language: LIX (läsbarhetsindex) for the Nordic languages,
//! computed on the published prose of the body (paragraphs and lists; headings, tables and code
//! are left out, as they are no running text):
//!
//! LIX = words / sentences + 100 × long words / words, where a long word has more than six
//! letters. Around 40 is ordinary news text, above 50 hard, above 60 very hard. A document above
//! `check.lix_max` in `site.yaml` (default 50) gets a warning pointing at its hardest paragraph.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{Context, Finding, Source, finding};
use crate::content::markdown::parser_options;
use crate::diagnostics::Severity;

pub const CHECK: &str = "readability";

/// Languages LIX is made for.
pub const LIX_LANGUAGES: &[&str] = &["sv", "da", "nb", "nn", "no", "fi"];

/// Texts shorter than this give no meaningful LIX.
pub const MIN_WORDS: usize = 30;
/// Paragraphs shorter than this are not named as the hardest one.
const MIN_PARAGRAPH_WORDS: usize = 12;

/// Counts for LIX.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub long_words: usize,
    pub sentences: usize,
}

impl Counts {
    pub fn lix(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        self.words as f64 / self.sentences.max(1) as f64
            + 100.0 * self.long_words as f64 / self.words as f64
    }

    fn add(&mut self, o: Counts) {
        self.words += o.words;
        self.long_words += o.long_words;
        self.sentences += o.sentences;
    }
}

/// Counts one block of running text (a paragraph or list item): its end ends a sentence.
pub fn count(text: &str) -> Counts {
    let mut c = Counts::default();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut open = false; // words since the last sentence end
    while i < chars.len() {
        let ch = chars[i];
        if ch.is_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            let letters = chars[start..i].iter().filter(|c| c.is_alphabetic()).count();
            if letters > 0 {
                c.words += 1;
                open = true;
                if letters > 6 {
                    c.long_words += 1;
                }
            }
            continue;
        }
        if matches!(ch, '.' | '!' | '?' | ':' | '؟' | '۔') && open {
            // A sentence ends where the next word does not go on in lower case
            // ("t.ex. när", "den 16. september" go on).
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            let spaced = chars.get(i + 1).is_none_or(|c| c.is_whitespace());
            if spaced && next.is_none_or(|n| !n.is_lowercase()) {
                c.sentences += 1;
                open = false;
            }
        }
        i += 1;
    }
    if open {
        c.sentences += 1;
    }
    c
}

/// The running-text blocks of a source's published body: (byte offset in the file, text).
fn blocks(src: &Source<'_>) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for range in src.public_ranges() {
        let base = range.start;
        let mut skip = 0usize; // inside headings, tables, code blocks
        let mut current: Option<(usize, String)> = None;
        let flush = |cur: &mut Option<(usize, String)>, out: &mut Vec<(usize, String)>| {
            if let Some((at, t)) = cur.take()
                && !t.trim().is_empty()
            {
                out.push((at, t));
            }
        };
        for (event, r) in Parser::new_ext(&src.text[range], parser_options()).into_offset_iter() {
            match event {
                Event::Start(Tag::Heading { .. } | Tag::Table(_) | Tag::CodeBlock(_)) => {
                    flush(&mut current, &mut out);
                    skip += 1;
                }
                Event::End(TagEnd::Heading(_) | TagEnd::Table | TagEnd::CodeBlock) => {
                    skip = skip.saturating_sub(1);
                }
                Event::Start(Tag::Paragraph | Tag::Item) => flush(&mut current, &mut out),
                Event::End(TagEnd::Paragraph | TagEnd::Item) => flush(&mut current, &mut out),
                Event::Text(t) | Event::Code(t) if skip == 0 => {
                    current
                        .get_or_insert_with(|| (base + r.start, String::new()))
                        .1
                        .push_str(&t);
                }
                Event::SoftBreak | Event::HardBreak if skip == 0 => {
                    if let Some((_, t)) = current.as_mut() {
                        t.push(' ');
                    }
                }
                _ => {}
            }
        }
        flush(&mut current, &mut out);
    }
    out
}

pub fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let max = ctx.site.config.site.check.lix_max;
    for src in &ctx.sources {
        let primary = src.lang().split('-').next().unwrap_or_default();
        if !LIX_LANGUAGES.contains(&primary) || src.text.is_empty() {
            continue;
        }
        let mut total = Counts::default();
        let mut hardest: Option<(f64, usize)> = None;
        for (at, text) in blocks(src) {
            let c = count(&text);
            total.add(c);
            if c.words >= MIN_PARAGRAPH_WORDS && hardest.is_none_or(|(l, _)| c.lix() > l) {
                hardest = Some((c.lix(), at));
            }
        }
        if total.words < MIN_WORDS {
            continue;
        }
        let lix = total.lix();
        if lix <= max {
            continue;
        }
        let (offset, where_) = match hardest {
            Some((l, at)) => (
                at,
                format!("the hardest paragraph (LIX {l:.0}) starts here; "),
            ),
            None => (src.body, String::new()),
        };
        out.push(finding(
            Severity::Warning,
            CHECK,
            &src.t.path,
            Some(src.text),
            Some(offset),
            format!(
                "the text is hard to read: LIX {lix:.0} is above {max} ({} words in {} sentences, {} % long words)",
                total.words,
                total.sentences,
                total.long_words * 100 / total.words
            ),
            format!(
                "{where_}shorter sentences and shorter, everyday words bring it down (the limit is `check: {{ lix_max: … }}` in site.yaml)"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_long_words_and_sentences() {
        let c =
            count("Skolan är stängd i dag. Barnen ska vara hemma! Varför? Vattnet är förorenat.");
        assert_eq!(c.words, 13);
        assert_eq!(c.sentences, 4);
        // stängd (6) is not long; förorenat (9) and Vattnet (7) are.
        assert_eq!(c.long_words, 2);
        assert!((c.lix() - (13.0 / 4.0 + 200.0 / 13.0)).abs() < 1e-9);
    }

    #[test]
    fn abbreviations_and_ordinals_do_not_end_sentences() {
        assert_eq!(
            count("Mødet holdes den 16. september på rådhuset.").sentences,
            1
        );
        assert_eq!(count("Ta med t.ex. en flaska vatten.").sentences, 1);
        assert_eq!(count("Öppet kl. 8–20 alla dagar").sentences, 2);
        assert_eq!(count("Numbers 12 345 are no words.").words, 4);
        assert_eq!(count("").sentences, 0);
    }

    #[test]
    fn easy_text_scores_low_and_hard_text_high() {
        let easy = count(
            "Skolan är stängd. Barnen ska vara hemma. Koka vattnet innan ni dricker det. Vi ringer er i morgon.",
        );
        assert!(easy.lix() < 30.0, "{}", easy.lix());
        let hard = count(
            "Förvaltningens sammanfattande konsekvensbeskrivning beträffande verksamhetsövergripande organisationsförändringar förutsätter kompletterande beslutsunderlag avseende personalförsörjningsstrategiska överväganden inom utbildningsförvaltningens ansvarsområde",
        );
        assert!(hard.lix() > 60.0, "{}", hard.lix());
    }
}
