//! What a language's index holds: one record per document written in it, made from the site
//! model. This is the one place that decides what search may find.

use std::collections::BTreeMap;

use super::text::text_of;
use crate::content::document::{Document, MinutesInfo, Translation};
use crate::i18n::I18n;
use crate::site::{Site, topics_of};

/// One document in one language, as Pagefind indexes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The site path of the translation's page.
    pub url: String,
    /// Every word search may find, plain text.
    pub content: String,
    /// What a result shows: `title`, `kind`, `date` (as the reader's language writes it),
    /// `datetime` (ISO 8601, for `<time>`), `language` (its name in itself).
    pub meta: BTreeMap<String, String>,
    /// `kind` (its folder name), `topic` (ids, the committee's too), `committee`, `case`.
    pub filters: BTreeMap<String, Vec<String>>,
    /// The sort key: the publication date, ISO 8601 (sorts as text).
    pub date: String,
}

/// The records of `lang`'s index: its documents that the published site shows, newest first.
pub fn records(site: &Site, i18n: &I18n, lang: &str) -> Vec<Record> {
    site.documents
        .iter()
        .filter(|doc| !doc.is_withdrawn())
        .filter_map(|doc| Some((doc, doc.get(lang)?)))
        .filter(|(_, t)| !t.draft && !t.embargoed)
        .map(|(doc, t)| record(site, i18n, doc, t))
        .collect()
}

fn record(site: &Site, i18n: &I18n, doc: &Document, t: &Translation) -> Record {
    let lang = t.lang.as_str();
    let language = site
        .config
        .site
        .languages
        .iter()
        .find(|l| l.code() == lang)
        .map_or(lang, |l| l.name.as_str());
    let meta = BTreeMap::from([
        ("title".to_owned(), t.title.clone()),
        (
            "kind".to_owned(),
            i18n.t(lang, &format!("kind-{}", doc.kind.dir()), None),
        ),
        ("date".to_owned(), i18n.date(lang, t.date.date_naive())),
        ("datetime".to_owned(), t.date.date_naive().to_string()),
        ("language".to_owned(), language.to_owned()),
    ]);
    let mut filters = BTreeMap::from([
        ("kind".to_owned(), vec![doc.kind.dir().to_owned()]),
        (
            "topic".to_owned(),
            topics_of(doc, site.default_language())
                .into_iter()
                .map(str::to_owned)
                .collect(),
        ),
    ]);
    let mut content = format!("{}\n{}\n", t.title, t.summary);
    if let Some(n) = t.notice()
        && let Some(instruction) = &n.instruction
    {
        content.push_str(instruction);
        content.push('\n');
    }
    content.push_str(&text_of(&t.body_html));
    if let Some(m) = t.minutes() {
        filters.insert("committee".to_owned(), vec![m.committee.clone()]);
        let cases = agenda_text(m, &mut content);
        if !cases.is_empty() {
            filters.insert("case".to_owned(), cases);
        }
    }
    Record {
        url: t.url.clone(),
        content,
        meta,
        filters,
        date: t.date.naive_local().format("%Y-%m-%dT%H:%M").to_string(),
    }
}

/// Appends the public text of every agenda item to `content`; returns the case numbers, each
/// once. A closed item gives its label and the title the model kept (none when the site does
/// not publish closed titles): the model has already dropped its case number and body.
fn agenda_text(m: &MinutesInfo, content: &mut String) -> Vec<String> {
    let mut cases: Vec<String> = Vec::new();
    for it in &m.items {
        content.push('\n');
        content.push_str(&it.label);
        if let Some(title) = &it.title {
            content.push(' ');
            content.push_str(title);
        }
        content.push('\n');
        if it.closed {
            continue;
        }
        if let Some(case) = &it.case {
            content.push_str(case);
            content.push('\n');
            if !cases.contains(case) {
                cases.push(case.clone());
            }
        }
        // The body holds the decision too.
        content.push_str(&text_of(&it.body_html));
    }
    cases
}
