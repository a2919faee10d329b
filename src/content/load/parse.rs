//! One Markdown file to a [`Parsed`]: its name, its bytes, its front matter checked.

use std::path::Path;

use chrono::DateTime;
use chrono_tz::Tz;
use serde_saphyr::Spanned;

use super::{Bounded, LoadOptions, Parsed, read_bounded};
use crate::config::{Config, TopicKind, is_slug};
use crate::content::dates;
use crate::content::document::Kind;
use crate::content::front_matter::{self, FrontMatter};
use crate::diagnostics::{Diagnostic, from_yaml, line_col, nearest};

/// `2026-03-12-slug.sv.md` → (stem `2026-03-12-slug`, slug `slug`, language `sv`).
pub(super) fn file_name_parts(
    name: &str,
    config: &Config,
) -> Result<(String, String, String), (String, String)> {
    let base = name.trim_end_matches(".md");
    let (stem, lang) = match base.rsplit_once('.') {
        Some((stem, lang)) => (stem, lang.to_owned()),
        None => (base, config.default_language().to_owned()),
    };
    if config.language(&lang).is_none() {
        let codes: Vec<&str> = config.language_codes().collect();
        let mut hint = format!("the site's languages are: {}", codes.join(", "));
        if let Some(n) = nearest(&lang, codes.iter().copied()) {
            hint = format!("did you mean `{n}`? {hint}");
        }
        return Err((
            format!("unknown language code `{lang}` in the file name"),
            hint,
        ));
    }
    let slug = strip_date(stem);
    if !is_slug(slug) {
        return Err((
            format!("`{stem}` is not a valid file name for a document"),
            "use lower-case letters a-z, digits and - (e.g. 2026-03-12-schools-close.sv.md)".into(),
        ));
    }
    Ok((stem.to_owned(), slug.to_owned(), lang))
}

fn strip_date(stem: &str) -> &str {
    let b = stem.as_bytes();
    let is_date = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-';
    if is_date { &stem[11..] } else { stem }
}

/// The largest Markdown file read: far beyond any real document, small enough that a build
/// of a mistaken file (a database dump saved as `.md`) stays within memory.
pub const MAX_DOCUMENT_BYTES: u64 = 10_000_000;
/// Topics one document may name.
pub const MAX_TOPICS: usize = 200;

pub(super) fn parse_file(
    root: &Path,
    kind: Kind,
    path: &Path,
    config: &Config,
    opts: LoadOptions,
) -> Result<Parsed, Vec<Diagnostic>> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, slug, lang) = file_name_parts(&name, config)
        .map_err(|(m, h)| vec![Diagnostic::error(path, m).at(1, None).hint(h)])?;
    let bytes = read_bounded(&root.join(path), MAX_DOCUMENT_BYTES).map_err(|e| {
        vec![match e {
            Bounded::TooLarge(size) => Diagnostic::error(
                path,
                format!(
                    "the file is {:.1} MB; a document may be at most {} MB",
                    size as f64 / 1e6,
                    MAX_DOCUMENT_BYTES / 1_000_000
                ),
            )
            .hint("split it into several documents, or attach the long text as a file (a PDF beside the document)"),
            Bounded::Io(e) => Diagnostic::error(path, format!("cannot read: {e}")),
        }]
    })?;
    parse_bytes(kind, path, (stem, slug, lang), bytes, config, opts)
}

pub(super) fn parse_bytes(
    kind: Kind,
    path: &Path,
    (stem, slug, lang): (String, String, String),
    bytes: Vec<u8>,
    config: &Config,
    opts: LoadOptions,
) -> Result<Parsed, Vec<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        vec![
            Diagnostic::error(path, "the file is not UTF-8 text")
                .at(line, Some(col))
                .hint("save it as UTF-8 (most editors offer it under \"Save as… / Encoding\")"),
        ]
    })?;
    let split = front_matter::split(&text)
        .map_err(|m| vec![Diagnostic::error(path, m).at(1, Some(1)).hint("start the file with a line `---`, the YAML front matter (title, date, summary…), and another line `---`").with_source(&text)])?;
    let fm: FrontMatter =
        serde_saphyr::from_str_with_options(split.yaml, front_matter::yaml_options())
            .map_err(|e| vec![from_yaml(path, &e, split.yaml_first_line - 1, &text)])?;
    let mut errs = Vec::new();
    let tz = config.tz;
    let here = |s: &serde_saphyr::Location| {
        (
            s.line() as usize + split.yaml_first_line - 1,
            s.column() as usize,
        )
    };
    let mut err_at = |loc: (usize, usize), msg: String, hint: String| {
        errs.push(
            Diagnostic::error(path, msg)
                .at(loc.0, Some(loc.1).filter(|c| *c > 0))
                .hint(hint)
                .with_source(&text),
        );
    };

    if fm.title.value.trim().is_empty() {
        err_at(
            here(&fm.title.referenced),
            "the title is empty".into(),
            "write the document's title".into(),
        );
    }
    let date = match dates::parse(&fm.date.value, tz) {
        Ok(d) => Some(d),
        Err(m) => {
            err_at(
                here(&fm.date.referenced),
                format!("invalid date: {m}"),
                format!("write dates like {}", dates::EXAMPLE),
            );
            None
        }
    };
    let mut date_of = |v: &Option<Spanned<String>>, key: &str| -> Option<DateTime<Tz>> {
        let s = v.as_ref()?;
        match dates::parse(&s.value, tz) {
            Ok(d) => Some(d),
            Err(m) => {
                err_at(
                    here(&s.referenced),
                    format!("invalid {key}: {m}"),
                    format!("write dates like {}", dates::EXAMPLE),
                );
                None
            }
        }
    };
    let _ = date_of(&fm.updated, "updated");
    let _ = date_of(&fm.expires, "expires");
    let _ = date_of(&fm.ended, "ended");
    let _ = date_of(&fm.approved, "approved");
    let _ = date_of(&fm.posted, "posted");
    if let Some(m) = &fm.meeting {
        let _ = date_of(&Some(m.start.clone()), "meeting start");
        let _ = date_of(&m.end, "meeting end");
    }
    if fm.topics.len() > MAX_TOPICS {
        err_at(
            here(&fm.topics[MAX_TOPICS].referenced),
            format!(
                "the document names {} topics; at most {MAX_TOPICS} are allowed",
                fm.topics.len()
            ),
            "name the few topics the document is about: readers choose topics to get less, not everything".into(),
        );
    }
    // Past the limit, that one error says it all.
    let checked = if fm.topics.len() > MAX_TOPICS {
        0
    } else {
        fm.topics.len()
    };
    for t in fm.topics.iter().take(checked) {
        if config.topic(&t.value).is_none() {
            let ids: Vec<&str> = config.site.topics.iter().map(|t| t.id()).collect();
            let hint = match nearest(&t.value, ids.iter().copied()) {
                Some(n) => {
                    format!("did you mean `{n}`? Topics are listed under `topics:` in site.yaml")
                }
                None => "topics must be listed under `topics:` in site.yaml".into(),
            };
            err_at(
                here(&t.referenced),
                format!("unknown topic `{}`", t.value),
                hint,
            );
        }
    }
    for (key, owner) in fm.kind_keys() {
        if owner != kind.dir() {
            let line = front_matter::key_line(&split, key).unwrap_or(1);
            err_at(
                (line, 1),
                format!("`{key}` is not a field of {}", kind.dir()),
                format!("`{key}` belongs in {owner}; remove it here"),
            );
        }
    }
    match kind {
        Kind::Notices => {
            let urgency = fm.urgency.as_ref().map(|u| u.value).unwrap_or_default();
            if urgency != front_matter::Urgency::Normal && fm.expires.is_none() {
                let line = front_matter::key_line(&split, "urgency").unwrap_or(1);
                err_at(
                    (line, 1),
                    format!("a {} notice needs `expires:`", urgency.as_str()),
                    "add `expires: 2026-03-20T18:00:00+01:00` so the banner and alert end in time"
                        .into(),
                );
            }
        }
        Kind::Minutes => {
            match &fm.committee {
                None => err_at((1, 1), "missing required field `committee`".into(), "name the committee's topic id from site.yaml, e.g. `committee: kommunstyrelsen`".into()),
                Some(c) => match config.topic(&c.value) {
                    Some(t) if t.kind == TopicKind::Committee => {}
                    Some(_) => err_at(here(&c.referenced), format!("topic `{}` is not a committee", c.value), "give it `kind: committee` in site.yaml, or name a committee".into()),
                    None => {
                        let ids = config.site.topics.iter().filter(|t| t.kind == TopicKind::Committee).map(|t| t.id());
                        let hint = nearest(&c.value, ids).map_or("committees are topics with `kind: committee` in site.yaml".into(), |n| format!("did you mean `{n}`?"));
                        err_at(here(&c.referenced), format!("unknown committee `{}`", c.value), hint);
                    }
                },
            }
            if fm.meeting.is_none() {
                err_at(
                    (1, 1),
                    "missing required field `meeting`".into(),
                    "add `meeting: { start: 2026-09-02T16:30:00+02:00, place: Room 2, City Hall }`"
                        .into(),
                );
            }
        }
        Kind::Press => {}
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let date = date.unwrap_or(opts.now);
    let draft = fm.draft;
    let body_offset = split.body_offset;
    Ok(Parsed {
        kind,
        slug,
        stem,
        lang,
        path: path.to_path_buf(),
        text,
        body_offset,
        fm,
        date,
        draft,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_date_prefix() {
        assert_eq!(strip_date("2026-03-12-schools-close"), "schools-close");
        assert_eq!(strip_date("schools-close"), "schools-close");
        assert_eq!(strip_date("2026-03-12"), "2026-03-12");
    }
}
