//! Parsed translations to a [`Document`]: their Markdown rendered with links resolved against
//! the whole site.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_saphyr::Spanned;

use super::{Linking, LoadOptions, ParseResult, Parsed, Rendering, Stamp};
use crate::config::Config;
use crate::content::document::*;
use crate::content::markdown::{self, Ids, RenderOptions, Resolver};
use crate::content::visibility::Visibility;
use crate::content::{dates, minutes};
use crate::diagnostics::{Diagnostic, line_col, nearest};

/// Renders one document's visible translations (in the configured order of languages).
pub(super) fn render_document(
    (kind, slug): &(Kind, String),
    ps: &[ParseResult],
    files: Vec<(Attachment, Stamp)>,
    linking: &Linking,
    config: &Config,
    opts: LoadOptions,
    generation: u64,
) -> Rendering {
    let kind = *kind;
    let names: HashSet<String> = files.iter().map(|(a, _)| a.name.clone()).collect();
    let mut diags = Vec::new();
    let mut withheld = HashSet::new();
    let mut translations = Vec::new();
    for p in ps
        .iter()
        .filter_map(|r| r.as_ref().as_ref().ok())
        .filter(|p| p.visibility(opts).is_published() || opts.drafts)
    {
        let resolver = DocResolver {
            index: &linking.index,
            hidden: &linking.hidden,
            lang: &p.lang,
            default_lang: config.default_language(),
            kind,
            slug,
            files: &names,
            addresses: opts.addresses,
        };
        match render_translation(p, config, opts, &resolver, &mut withheld) {
            Ok(t) => translations.push(t),
            Err(d) => diags.extend(d),
        }
    }
    let order = |lang: &str| {
        config
            .language_codes()
            .position(|c| c == lang)
            .unwrap_or(usize::MAX)
    };
    translations.sort_by_key(|t| order(&t.lang));
    if translations.is_empty() {
        return (None, diags);
    }
    // Files linked only from closed items are never published.
    let attachments = files
        .into_iter()
        .map(|(a, _)| a)
        .filter(|a| !withheld.contains(&a.name))
        .collect();
    let doc = Document {
        kind,
        slug: slug.clone(),
        translations,
        attachments,
        generation,
    };
    (Some(Arc::new(doc)), diags)
}

pub(super) struct DocResolver<'a> {
    pub(super) index: &'a HashMap<(Kind, String), Vec<String>>,
    pub(super) hidden: &'a HashMap<(Kind, String), String>,
    pub(super) lang: &'a str,
    pub(super) default_lang: &'a str,
    pub(super) kind: Kind,
    pub(super) slug: &'a str,
    pub(super) files: &'a HashSet<String>,
    pub(super) addresses: &'a dyn Addresses,
}

impl Resolver for DocResolver<'_> {
    fn document(&self, target: &str) -> Result<String, String> {
        let Some((kind, slug)) = target.split_once('/') else {
            return Err(
                "write links to documents as @/KIND/SLUG, e.g. @/notices/schools-close".into(),
            );
        };
        let Some(kind) = Kind::from_dir(kind) else {
            return Err(format!(
                "`{kind}` is not a kind of document: use press, minutes or notices"
            ));
        };
        let key = (kind, slug.to_owned());
        match self.index.get(&key) {
            Some(langs) => {
                let lang = [self.lang, self.default_lang]
                    .into_iter()
                    .find(|l| langs.iter().any(|x| x == l))
                    .unwrap_or(&langs[0]);
                Ok(self.addresses.document(lang, kind, slug))
            }
            None => match self.hidden.get(&key) {
                Some(why) => Err(format!("the document exists but is not published: {why}")),
                None => {
                    let slugs = self
                        .index
                        .keys()
                        .filter(|(k, _)| *k == kind)
                        .map(|(_, s)| s.as_str());
                    Err(match nearest(slug, slugs) {
                        Some(n) => format!(
                            "no {} document is called `{slug}`; did you mean `@/{}/{n}`?",
                            kind.dir(),
                            kind.dir()
                        ),
                        None => format!(
                            "no {} document is called `{slug}` (the slug is the file name without date and language)",
                            kind.dir()
                        ),
                    })
                }
            },
        }
    }
    fn has_file(&self, name: &str) -> bool {
        self.files.contains(name)
    }
    fn file_url(&self, name: &str) -> String {
        self.addresses.file(self.kind, self.slug, name)
    }
}

fn problems_to_diags(p: &Parsed, problems: Vec<markdown::Problem>) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|pr| {
            let (line, col) = line_col(&p.text, pr.offset);
            Diagnostic::error(&p.path, pr.message)
                .at(line, Some(col))
                .hint(pr.hint)
                .with_source(&p.text)
        })
        .collect()
}

pub(super) fn render_translation(
    p: &Parsed,
    config: &Config,
    opts: LoadOptions,
    resolver: &DocResolver<'_>,
    withheld: &mut HashSet<String>,
) -> Result<Translation, Vec<Diagnostic>> {
    let tz = config.tz;
    let fm = &p.fm;
    let body = &p.text[p.body_offset..];
    let ropts = RenderOptions {
        allow_html: config.site.markdown.allow_html,
        shift: u8::from(markdown::uses_h1(body)),
        isolate_ltr: config
            .language(&p.lang)
            .is_some_and(|l| l.dir == crate::config::Direction::Rtl),
    };
    let mut ids = Ids::default();
    let mut problems = Vec::new();
    let mut headings = Vec::new();
    let mut links = Vec::new();
    let mut images = Vec::new();
    let date_opt =
        |v: &Option<Spanned<String>>| v.as_ref().and_then(|s| dates::parse(&s.value, tz).ok());
    let day = |v: &Option<Spanned<String>>| date_opt(v).map(|d| d.date_naive());
    let mut absorb = |r: markdown::Rendered| {
        problems.extend(r.problems);
        headings.extend(r.headings);
        links.extend(r.links);
        images.extend(r.images);
        (r.html, r.files)
    };

    let (body_html, public_markdown, extra) = match p.kind {
        Kind::Minutes => {
            let s = minutes::structure(body, &config.site.minutes.decision_headings);
            let (preamble, _) = absorb(markdown::render(
                &body[s.preamble.clone()],
                p.body_offset,
                &ropts,
                resolver,
                &mut ids,
            ));
            let mut items = Vec::new();
            for item in &s.items {
                let id = ids.unique(
                    item.id
                        .as_deref()
                        .unwrap_or(&markdown::slugify(&item.label)),
                );
                if item.closed {
                    withheld.extend(linked_files(&body[item.body.clone()]));
                    items.push(AgendaItem {
                        label: item.label.clone(),
                        number: item.number.clone(),
                        title: config
                            .site
                            .minutes
                            .closed_titles
                            .then(|| item.title.clone())
                            .filter(|t| !t.is_empty()),
                        case: None,
                        id,
                        closed: true,
                        body_html: String::new(),
                        decision_html: None,
                        attachments: Vec::new(),
                    });
                    continue;
                }
                let (body_html, files) = absorb(markdown::render(
                    &body[item.body.clone()],
                    p.body_offset + item.body.start,
                    &ropts,
                    resolver,
                    &mut ids,
                ));
                // The decision alone, for feeds and the API; ids here are throwaway.
                let decision_html = item.decision.clone().map(|r| {
                    markdown::render(
                        &body[r.clone()],
                        p.body_offset + r.start,
                        &ropts,
                        resolver,
                        &mut Ids::default(),
                    )
                    .html
                });
                items.push(AgendaItem {
                    label: item.label.clone(),
                    number: item.number.clone(),
                    title: Some(item.title.clone()),
                    case: item.case.clone(),
                    id,
                    closed: false,
                    body_html,
                    decision_html,
                    attachments: dedup(files),
                });
            }
            let meeting = fm.meeting.as_ref().map(|m| Meeting {
                start: dates::parse(&m.start.value, tz).unwrap_or(p.date),
                end: m.end.as_ref().and_then(|e| dates::parse(&e.value, tz).ok()),
                place: m.place.clone(),
            });
            let approved = day(&fm.approved);
            let info = MinutesInfo {
                committee: fm
                    .committee
                    .as_ref()
                    .map(|c| c.value.clone())
                    .unwrap_or_default(),
                meeting: meeting.unwrap_or(Meeting {
                    start: p.date,
                    end: None,
                    place: String::new(),
                }),
                attendees: fm.attendees.clone().unwrap_or_default(),
                approved,
                posted: day(&fm.posted).or(approved),
                kept_at: fm.kept_at.clone(),
                items,
            };
            let public = minutes::public_markdown(body, &s, config.site.minutes.closed_titles);
            (preamble, public, Extra::Minutes(info))
        }
        kind => {
            let (html, _) = absorb(markdown::render(
                body,
                p.body_offset,
                &ropts,
                resolver,
                &mut ids,
            ));
            let extra = if kind == Kind::Press {
                Extra::Press {
                    contacts: fm.contacts.clone().unwrap_or_default(),
                }
            } else {
                Extra::Notices(NoticeInfo {
                    urgency: fm.urgency.as_ref().map(|u| u.value).unwrap_or_default(),
                    expires: date_opt(&fm.expires),
                    ended: date_opt(&fm.ended),
                    instruction: fm.instruction.clone(),
                })
            };
            (html, body.to_owned(), extra)
        }
    };
    if !problems.is_empty() {
        return Err(problems_to_diags(p, problems));
    }
    Ok(Translation {
        lang: p.lang.clone(),
        url: opts.addresses.document(&p.lang, p.kind, &p.slug),
        path: p.path.clone(),
        title: fm.title.value.trim().to_owned(),
        summary: fm.summary.trim().to_owned(),
        date: p.date,
        updated: date_opt(&fm.updated),
        topics: fm.topics.iter().map(|t| t.value.clone()).collect(),
        draft: fm.draft,
        embargoed: matches!(p.visibility(opts), Visibility::Embargoed(_)),
        body_html,
        public_markdown,
        headings,
        links,
        images,
        allow_personal_numbers: fm.allow_personal_numbers.clone(),
        extra,
    })
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
    v
}

/// Relative file names linked or shown from a piece of Markdown (without rendering it).
fn linked_files(src: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new_ext(src, markdown::parser_options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .filter(|d| {
            !d.contains(':') && !d.starts_with('/') && !d.starts_with('#') && !d.starts_with('@')
        })
        .map(|d| d.split('#').next().unwrap_or_default().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_files_ignores_urls_and_documents() {
        let f = linked_files(
            "[a](bilag-3.pdf) [b](https://x.example/y.pdf) [c](@/press/x) ![d](foto.jpg#x)",
        );
        assert_eq!(f, ["bilag-3.pdf", "foto.jpg"]);
    }
}
