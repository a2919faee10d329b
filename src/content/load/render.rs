//! Parsed translations to a [`Document`]: their Markdown rendered with links resolved against
//! the whole site.

use crate::content::translation::SourceRecord;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::DateTime;
use chrono_tz::Tz;
use serde_saphyr::Spanned;

use super::{Linking, LoadOptions, ParseResult, Parsed, Rendering, Stamp};
use crate::config::Config;
use crate::content::document::*;
use crate::content::markdown::{
    self, HeadingInfo, Ids, ImageRef, LinkRef, RenderOptions, Resolver,
};
use crate::content::picture::Source;
use crate::content::visibility::Visibility;
use crate::content::{dates, minutes};
use crate::diagnostics::{Diagnostic, line_col, nearest};
use crate::images::Processed;

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
    let images: HashMap<String, Arc<Processed>> = files
        .iter()
        .filter_map(|(a, _)| Some((a.name.clone(), a.image.clone()?)))
        .collect();
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
            images: &images,
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
    if let Some(d) = withdrawal_disagrees(&translations) {
        diags.push(d);
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

/// A document is withdrawn as a whole: when one translation says `withdrawn:`, each must, at
/// the same moment (each with the reason in its own language). The error, at the first
/// translation that does not.
fn withdrawal_disagrees(translations: &[Translation]) -> Option<Diagnostic> {
    let first = translations.iter().find(|t| t.withdrawal.is_some())?;
    let date = first.withdrawal.as_ref()?.date;
    let odd = translations
        .iter()
        .find(|t| t.withdrawal.as_ref().map(|w| w.date) != Some(date))?;
    let message = match &odd.withdrawal {
        None => format!(
            "{} is withdrawn but this translation has no `withdrawn:`",
            first.path.display()
        ),
        Some(w) => format!(
            "`withdrawn.date` is {} here but {} in {}",
            w.date.to_rfc3339(),
            date.to_rfc3339(),
            first.path.display()
        ),
    };
    Some(
        Diagnostic::error(&odd.path, message)
            .at(1, None)
            .hint(format!(
                "a document is withdrawn in all its languages at once: give every translation `withdrawn: {{ date: {}, reason: … }}` with the reason in its language",
                date.to_rfc3339()
            )),
    )
}

pub(super) struct DocResolver<'a> {
    pub(super) index: &'a HashMap<(Kind, String), Vec<String>>,
    pub(super) hidden: &'a HashMap<(Kind, String), String>,
    pub(super) lang: &'a str,
    pub(super) default_lang: &'a str,
    pub(super) kind: Kind,
    pub(super) slug: &'a str,
    pub(super) files: &'a HashSet<String>,
    /// The files that are images, processed.
    pub(super) images: &'a HashMap<String, Arc<Processed>>,
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
        match self.images.get(name) {
            // An image's own address is that of its original with the metadata removed.
            Some(p) => self
                .addresses
                .image(self.kind, self.slug, name, None, p.format.extension()),
            None => self.addresses.file(self.kind, self.slug, name),
        }
    }
    fn picture(&self, name: &str) -> Option<Source<'_>> {
        Some(Source {
            kind: self.kind,
            slug: self.slug,
            name: name.to_owned(),
            image: self.images.get(name)?,
            addresses: self.addresses,
        })
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

/// Renders one translation: its Markdown, with links resolved by `resolver`, and its front
/// matter as the page's fields. Files linked only from closed agenda items go to `withheld`.
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
    let mut pieces = Pieces::new(p, config, resolver);
    let (body_html, public_markdown, extra) = match p.kind {
        Kind::Minutes => {
            let (preamble, public, info) = render_minutes(p, config, &mut pieces, withheld);
            // Minutes without closed items publish their whole body: held once.
            let public = if public == body {
                p.text.from_offset(p.body_offset)
            } else {
                public.into()
            };
            (preamble, public, Extra::Minutes(info))
        }
        Kind::Press => {
            let (html, _) = pieces.render(body, p.body_offset);
            let contacts = fm.contacts.clone().unwrap_or_default();
            (
                html,
                p.text.from_offset(p.body_offset),
                Extra::Press { contacts },
            )
        }
        Kind::Notices => {
            let (html, _) = pieces.render(body, p.body_offset);
            // A withdrawn notice ends when it is withdrawn (the banner goes, alerting systems
            // get a cancellation), or earlier if `ended:` says so.
            let ended = [date_of(&fm.ended, tz), p.withdrawn]
                .into_iter()
                .flatten()
                .min();
            let info = NoticeInfo {
                urgency: fm.urgency.as_ref().map(|u| u.value).unwrap_or_default(),
                expires: date_of(&fm.expires, tz),
                ended,
                instruction: fm.instruction.clone(),
                alert: fm.alert.clone().map(|fm| {
                    Box::new(AlertSpec {
                        fm,
                        line: p.alert_line,
                    })
                }),
            };
            (
                html,
                p.text.from_offset(p.body_offset),
                Extra::Notices(info),
            )
        }
    };
    if !pieces.problems.is_empty() {
        return Err(problems_to_diags(p, pieces.problems));
    }
    let lead_image = match &fm.image {
        Some(fm_image) => Some(lead_image(p, fm_image, resolver).map_err(|d| vec![d])?),
        None => None,
    };
    Ok(Translation {
        lang: p.lang.clone(),
        url: opts.addresses.document(&p.lang, p.kind, &p.slug),
        path: p.path.clone(),
        title: fm.title.value.trim().to_owned(),
        summary: fm.summary.trim().to_owned(),
        date: p.date,
        updated: date_of(&fm.updated, tz),
        topics: fm.topics.iter().map(|t| t.value.clone()).collect(),
        image: lead_image,
        draft: fm.draft,
        embargoed: matches!(p.visibility(opts), Visibility::Embargoed(_)),
        withdrawal: p
            .withdrawn
            .zip(fm.withdrawn.as_ref())
            .map(|(date, w)| Withdrawal {
                date,
                reason: w.reason.value.trim().to_owned(),
            }),
        withdrawn: p.is_withdrawn(opts),
        body_html,
        public_markdown,
        file_text: p.text.clone(),
        body_offset: p.body_offset,
        headings: pieces.headings,
        links: pieces.links,
        images: pieces.images,
        aliases: p.aliases.clone(),
        allow_personal_numbers: fm.allow_personal_numbers.clone(),
        source: fm.translation.as_ref().map(|t| SourceRecord {
            from: t.from.clone(),
            fingerprints: t.source.clone(),
        }),
        extra,
    })
}

/// A press release's `image:`: a processed image beside it.
fn lead_image(
    p: &Parsed,
    fm: &crate::content::front_matter::ImageFm,
    resolver: &DocResolver<'_>,
) -> Result<LeadImage, Diagnostic> {
    let name = fm.file.value.trim();
    let Some(source) = resolver.picture(name) else {
        let at = p.text[..p.body_offset]
            .find("\nimage:")
            .map_or(1, |i| line_col(&p.text, i + 1).0);
        let others: Vec<&str> = resolver.images.keys().map(String::as_str).collect();
        let hint = match nearest(name, others.iter().copied()) {
            Some(n) => format!("did you mean `{n}`?"),
            None => "put the photo (JPEG, PNG, GIF or WebP) in the folder named like the document, beside it, and name it in `file:`".to_owned(),
        };
        return Err(Diagnostic::error(
            &p.path,
            format!("`image.file`: `{name}` is no image beside the document"),
        )
        .at(at, None)
        .hint(hint)
        .with_source(&p.text));
    };
    let processed = source.image;
    let file = |url: String, v: Option<&crate::images::Variant>| match v {
        Some(v) => ImageFile {
            url,
            mime: v.format.mime().to_owned(),
            size: v.size,
            width: v.width,
            height: v.height,
        },
        None => ImageFile {
            url,
            mime: processed.format.mime().to_owned(),
            size: processed.original_size,
            width: processed.width,
            height: processed.height,
        },
    };
    let original = file(resolver.file_url(name), None);
    let share = match source.largest() {
        Some((url, v)) => file(url, Some(v)),
        None => original.clone(),
    };
    let alt = fm.alt.trim().to_owned();
    Ok(LeadImage {
        html: source.html(&alt, "", false),
        alt,
        credit: fm.credit.clone(),
        licence: fm.licence.clone(),
        original,
        share,
    })
}

/// A date of the front matter, checked when the file was parsed.
fn date_of(v: &Option<Spanned<String>>, tz: Tz) -> Option<DateTime<Tz>> {
    v.as_ref().and_then(|s| dates::parse(&s.value, tz).ok())
}

/// One translation's Markdown, rendered in pieces (minutes: the preamble, then each agenda
/// item) with heading ids unique across the pieces, and what the pieces report gathered.
struct Pieces<'a> {
    opts: RenderOptions,
    resolver: &'a dyn Resolver,
    ids: Ids,
    problems: Vec<markdown::Problem>,
    headings: Vec<HeadingInfo>,
    links: Vec<LinkRef>,
    images: Vec<ImageRef>,
}

impl<'a> Pieces<'a> {
    fn new(p: &Parsed, config: &Config, resolver: &'a dyn Resolver) -> Pieces<'a> {
        let body = &p.text[p.body_offset..];
        Pieces {
            opts: RenderOptions {
                allow_html: config.site.markdown.allow_html,
                shift: u8::from(markdown::uses_h1(body)),
                right_to_left: config
                    .language(&p.lang)
                    .is_some_and(|l| l.dir == crate::config::Direction::Rtl),
            },
            resolver,
            ids: Ids::default(),
            problems: Vec::new(),
            headings: Vec::new(),
            links: Vec::new(),
            images: Vec::new(),
        }
    }

    /// Renders `src`, which starts at byte `base` of the file: its HTML and the files it links.
    fn render(&mut self, src: &str, base: usize) -> (String, Vec<String>) {
        let r = markdown::render(src, base, &self.opts, self.resolver, &mut self.ids);
        self.problems.extend(r.problems);
        self.headings.extend(r.headings);
        self.links.extend(r.links);
        self.images.extend(r.images);
        (r.html, r.files)
    }

    /// Renders a copy of part of a piece: its ids are throwaway, its problems already told.
    fn render_copy(&self, src: &str, base: usize) -> String {
        markdown::render(src, base, &self.opts, self.resolver, &mut Ids::default()).html
    }
}

/// A minutes' body: the preamble (the page's body), each agenda item apart (a closed one with
/// nothing but its heading, the files it links withheld), and the Markdown that may be
/// published.
fn render_minutes(
    p: &Parsed,
    config: &Config,
    pieces: &mut Pieces<'_>,
    withheld: &mut HashSet<String>,
) -> (String, String, MinutesInfo) {
    let body = &p.text[p.body_offset..];
    let closed_titles = config.site.minutes.closed_titles;
    let s = minutes::structure(body, &config.site.minutes.decision_headings);
    let (preamble, _) = pieces.render(&body[s.preamble.clone()], p.body_offset);
    let mut items = Vec::new();
    for item in &s.items {
        let id = pieces.ids.unique(
            item.id
                .as_deref()
                .unwrap_or(&markdown::slugify(&item.label)),
        );
        items.push(if item.closed {
            withheld.extend(linked_files(&body[item.body.clone()]));
            closed_item(item, id, closed_titles)
        } else {
            open_item(item, id, p, pieces)
        });
    }
    let info = minutes_info(p, config.tz, items);
    let public = minutes::public_markdown(body, &s, closed_titles);
    (preamble, public, info)
}

fn closed_item(item: &minutes::ItemSource, id: String, closed_titles: bool) -> AgendaItem {
    AgendaItem {
        label: item.label.clone(),
        number: item.number.clone(),
        title: closed_titles
            .then(|| item.title.clone())
            .filter(|t| !t.is_empty()),
        case: None,
        id,
        closed: true,
        body_html: String::new(),
        decision_html: None,
        attachments: Vec::new(),
    }
}

fn open_item(
    item: &minutes::ItemSource,
    id: String,
    p: &Parsed,
    pieces: &mut Pieces<'_>,
) -> AgendaItem {
    let body = &p.text[p.body_offset..];
    let (body_html, files) =
        pieces.render(&body[item.body.clone()], p.body_offset + item.body.start);
    // The decision alone, for feeds and the API.
    let decision_html = item
        .decision
        .clone()
        .map(|r| pieces.render_copy(&body[r.clone()], p.body_offset + r.start));
    AgendaItem {
        label: item.label.clone(),
        number: item.number.clone(),
        title: Some(item.title.clone()),
        case: item.case.clone(),
        id,
        closed: false,
        body_html,
        decision_html,
        attachments: dedup(files),
    }
}

/// The minutes' fields of the front matter.
fn minutes_info(p: &Parsed, tz: Tz, items: Vec<AgendaItem>) -> MinutesInfo {
    let fm = &p.fm;
    let day = |v: &Option<Spanned<String>>| date_of(v, tz).map(|d| d.date_naive());
    let meeting = fm.meeting.as_ref().map(|m| Meeting {
        start: dates::parse(&m.start.value, tz).unwrap_or(p.date),
        end: m.end.as_ref().and_then(|e| dates::parse(&e.value, tz).ok()),
        place: m.place.clone(),
    });
    let approved = day(&fm.approved);
    MinutesInfo {
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
    }
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
