//! Anchors of internal links: `@/kind/slug#id` and `#id` must name a heading, an agenda item or a
//! footnote of the page the link leads to (in the reader's language, as the link resolves).
//! Links to documents and site paths themselves are already checked by the build.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, Parser, Tag};

use super::{Context, Finding, Source, finding};
use crate::content::Kind;
use crate::content::document::Document;
use crate::content::markdown::{LinkKind, LinkRef, parser_options, percent_decode};
use crate::diagnostics::{Severity, nearest};

pub const CHECK: &str = "broken-anchor";

/// Ids the default theme's document page has besides those of the text.
const THEME_IDS: &[&str] = &[
    "main",
    "attendees",
    "agenda-heading",
    "attachments-heading",
    "contacts-heading",
    "about-heading",
    "topics-heading",
    "translations-heading",
];

fn theme_id(id: &str) -> bool {
    THEME_IDS.contains(&id)
        || id
            .strip_prefix("crisis-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Every id on the page of one translation.
fn page_ids(src: &Source<'_>) -> HashSet<String> {
    let mut ids: HashSet<String> = src.t.headings.iter().map(|h| h.id.clone()).collect();
    if let Some(m) = src.t.minutes() {
        ids.extend(m.items.iter().map(|i| i.id.clone()));
    }
    for r in src.public_ranges() {
        for e in Parser::new_ext(&src.text[r], parser_options()) {
            if let Event::Start(Tag::FootnoteDefinition(label)) = e {
                ids.insert(label.to_string());
            }
        }
    }
    ids
}

pub fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let site = ctx.site;
    let default = site.default_language();
    let by_slug: HashMap<(Kind, &str), usize> = site
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| ((d.kind, d.slug.as_str()), i))
        .collect();
    let by_page: HashMap<(usize, &str), &Source<'_>> = ctx
        .sources
        .iter()
        .map(|s| ((s.doc, s.t.lang.as_str()), s))
        .collect();
    let mut ids_cache: HashMap<(usize, String), HashSet<String>> = HashMap::new();

    for src in &ctx.sources {
        for link in &src.t.links {
            let Some((target, anchor)) = link_target(link, src.doc, &by_slug) else {
                continue;
            };
            let anchor = percent_decode(anchor);
            if anchor.is_empty() || theme_id(&anchor) {
                continue;
            }
            // The translation the link leads a reader of this language to.
            let doc = &site.documents[target];
            let lang = [src.lang(), default]
                .into_iter()
                .find(|l| doc.get(l).is_some())
                .unwrap_or(&doc.translations[0].lang)
                .to_owned();
            let Some(page) = by_page.get(&(target, lang.as_str())) else {
                continue;
            };
            let ids = ids_cache
                .entry((target, lang.clone()))
                .or_insert_with(|| page_ids(page));
            if ids.contains(&anchor) {
                continue;
            }
            let here = target == src.doc && lang == src.t.lang;
            let place = if here {
                "this page".to_owned()
            } else {
                format!("the page {}", doc.url(&lang))
            };
            out.push(finding(
                Severity::Error,
                CHECK,
                &src.t.path,
                Some(src.text),
                Some(link.offset),
                format!(
                    "broken anchor `{}`: {place} has no heading, agenda item or footnote `{anchor}`",
                    link.dest
                ),
                anchor_hint(&anchor, ids, doc, &lang, src.lang()),
            ));
        }
    }
}

/// The document a link with an anchor leads to (by its index; `here`: the linking one) and
/// the anchor, still percent-encoded. `None` for any other link, and for a document link that
/// does not resolve (the build reports those).
fn link_target<'l>(
    link: &'l LinkRef,
    here: usize,
    by_slug: &HashMap<(Kind, &str), usize>,
) -> Option<(usize, &'l str)> {
    match link.kind {
        LinkKind::Anchor => Some((here, &link.dest[1..])),
        LinkKind::Document => {
            let (path, anchor) = link.dest[2..].split_once('#')?;
            let path = path.trim_end_matches('/');
            let (kind, slug) = path.split_once('/')?;
            let kind = Kind::from_dir(kind)?;
            let &target = by_slug.get(&(kind, slug))?;
            Some((target, anchor))
        }
        _ => None,
    }
}

/// What to do about a broken `anchor` on the `lang` page of `doc` (`ids`: the ids it has), for
/// a link from a page in `from_lang`.
fn anchor_hint(
    anchor: &str,
    ids: &HashSet<String>,
    doc: &Document,
    lang: &str,
    from_lang: &str,
) -> String {
    let mut hint = match nearest(anchor, ids.iter().map(String::as_str)) {
        Some(n) => format!("did you mean `#{n}`? "),
        None => String::new(),
    };
    // Other translations that do have it: the link resolves to this language only.
    let elsewhere: Vec<&str> = doc
        .translations
        .iter()
        .filter(|t| t.lang != lang)
        .filter(|t| {
            t.headings.iter().any(|h| h.id == anchor)
                || t.minutes()
                    .is_some_and(|m| m.items.iter().any(|i| i.id == anchor))
        })
        .map(|t| t.lang.as_str())
        .collect();
    if !elsewhere.is_empty() {
        hint.push_str(&format!(
            "the {} translation has it, but readers of {} are led to the {lang} page; give the headings the same id with {{#{anchor}}}. ",
            elsewhere.join(", "),
            from_lang
        ));
    }
    hint.push_str("ids come from heading text or {#id}, agenda items' {#id} and footnote names");
    hint
}
