//! One Markdown file to a [`Parsed`]: its name, its bytes, its front matter checked.

use std::path::Path;

use chrono::DateTime;
use chrono_tz::Tz;
use serde_saphyr::Spanned;

use super::{Bounded, LoadOptions, Parsed, read_bounded};
use crate::config::alerts;
use crate::config::{Config, TopicKind, is_slug};
use crate::content::Addresses;
use crate::content::aliases;
use crate::content::dates;
use crate::content::document::{Alias, Kind};
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

/// A file's stem without its leading `YYYY-MM-DD-`: the document's slug.
pub fn strip_date(stem: &str) -> &str {
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

/// Parses a document's bytes: UTF-8 text, front matter split off and read, then every field
/// checked. `Err` holds the first problem that stops the reading, or else every field's.
pub(super) fn parse_bytes(
    kind: Kind,
    path: &Path,
    (stem, slug, lang): (String, String, String),
    bytes: Vec<u8>,
    config: &Config,
    opts: LoadOptions,
) -> Result<Parsed, Vec<Diagnostic>> {
    let text = utf8_text(path, bytes)?;
    let split = front_matter::split(&text)
        .map_err(|m| vec![Diagnostic::error(path, m).at(1, Some(1)).hint("start the file with a line `---`, the YAML front matter (title, date, summary…), and another line `---`").with_source(&text)])?;
    let fm: FrontMatter =
        serde_saphyr::from_str_with_options(split.yaml, front_matter::yaml_options())
            .map_err(|e| vec![from_yaml(path, &e, split.yaml_first_line - 1, &text)])?;
    let mut check = Fields {
        path,
        text: &text,
        split: &split,
        errs: Vec::new(),
    };
    check.title(&fm);
    let date = check.dates(&fm, config.tz);
    let withdrawn = check.withdrawn(&fm, date, config.tz);
    check.topics(&fm.topics, config);
    check.kind_keys(&fm, kind);
    let aliases = check.aliases(&fm, (kind, &lang, &slug), opts.addresses);
    match kind {
        Kind::Notices => check.notice(&fm),
        Kind::Minutes => check.minutes(&fm, config),
        Kind::Press => {}
    }
    if !check.errs.is_empty() {
        return Err(check.errs);
    }
    let date = date.unwrap_or(opts.now);
    let alert_line = check.key_line("alert");
    let draft = fm.draft;
    let body_offset = split.body_offset;
    Ok(Parsed {
        kind,
        slug,
        stem,
        lang,
        path: path.to_path_buf(),
        text: text.into(),
        body_offset,
        fm,
        date,
        draft,
        aliases,
        withdrawn,
        alert_line,
    })
}

fn utf8_text(path: &Path, bytes: Vec<u8>) -> Result<String, Vec<Diagnostic>> {
    String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        vec![
            Diagnostic::error(path, "the file is not UTF-8 text")
                .at(line, Some(col))
                .hint("save it as UTF-8 (most editors offer it under \"Save as… / Encoding\")"),
        ]
    })
}

/// The checks of a document's front matter fields, which collect every problem (each at its
/// place in the file) rather than stop at the first.
struct Fields<'a> {
    path: &'a Path,
    text: &'a str,
    split: &'a front_matter::Split<'a>,
    errs: Vec<Diagnostic>,
}

impl Fields<'_> {
    /// Line and column in the file of a place in the YAML.
    fn here(&self, s: &serde_saphyr::Location) -> (usize, usize) {
        (
            s.line() as usize + self.split.yaml_first_line - 1,
            s.column() as usize,
        )
    }

    /// The line of a key of the front matter, for problems with the key itself.
    fn key_line(&self, key: &str) -> usize {
        front_matter::key_line(self.split, key).unwrap_or(1)
    }

    fn error(&mut self, loc: (usize, usize), msg: String, hint: String) {
        self.errs.push(
            Diagnostic::error(self.path, msg)
                .at(loc.0, Some(loc.1).filter(|c| *c > 0))
                .hint(hint)
                .with_source(self.text),
        );
    }

    fn title(&mut self, fm: &FrontMatter) {
        if fm.title.value.trim().is_empty() {
            self.error(
                self.here(&fm.title.referenced),
                "the title is empty".into(),
                "write the document's title".into(),
            );
        }
    }

    /// Checks every date of the front matter; returns the document's date when it is valid.
    fn dates(&mut self, fm: &FrontMatter, tz: Tz) -> Option<DateTime<Tz>> {
        let date = self.date(Some(&fm.date), "date", tz);
        let _ = self.date(fm.updated.as_ref(), "updated", tz);
        let _ = self.date(fm.expires.as_ref(), "expires", tz);
        let _ = self.date(fm.ended.as_ref(), "ended", tz);
        let _ = self.date(fm.approved.as_ref(), "approved", tz);
        let _ = self.date(fm.posted.as_ref(), "posted", tz);
        if let Some(m) = &fm.meeting {
            let _ = self.date(Some(&m.start), "meeting start", tz);
            let _ = self.date(m.end.as_ref(), "meeting end", tz);
        }
        date
    }

    /// `withdrawn: { date, reason }`: a valid date after the document's, and a reason.
    fn withdrawn(
        &mut self,
        fm: &FrontMatter,
        date: Option<DateTime<Tz>>,
        tz: Tz,
    ) -> Option<DateTime<Tz>> {
        let w = fm.withdrawn.as_ref()?;
        if w.reason.value.trim().is_empty() {
            self.error(
                self.here(&w.reason.referenced),
                "the reason of the withdrawal is empty".into(),
                "say in a sentence, in this translation's language, why the document is withdrawn; readers see it on the page".into(),
            );
        }
        let at = self.date(Some(&w.date), "withdrawn date", tz)?;
        if let Some(d) = date
            && at <= d
        {
            self.error(
                self.here(&w.date.referenced),
                format!(
                    "the document is withdrawn ({}) before it is published ({})",
                    at.to_rfc3339(),
                    d.to_rfc3339()
                ),
                "`withdrawn.date` is when a published document is withdrawn: it must come after `date`; to stop a document that was never published, mark it `draft: true`".into(),
            );
            return None;
        }
        Some(at)
    }

    fn date(&mut self, v: Option<&Spanned<String>>, key: &str, tz: Tz) -> Option<DateTime<Tz>> {
        let s = v?;
        match dates::parse(&s.value, tz) {
            Ok(d) => Some(d),
            Err(m) => {
                self.error(
                    self.here(&s.referenced),
                    format!("invalid {key}: {m}"),
                    format!("write dates like {}", dates::EXAMPLE),
                );
                None
            }
        }
    }

    fn topics(&mut self, topics: &[Spanned<String>], config: &Config) {
        if topics.len() > MAX_TOPICS {
            self.error(
                self.here(&topics[MAX_TOPICS].referenced),
                format!(
                    "the document names {} topics; at most {MAX_TOPICS} are allowed",
                    topics.len()
                ),
                "name the few topics the document is about: readers choose topics to get less, not everything".into(),
            );
            // Past the limit, that one error says it all.
            return;
        }
        for t in topics {
            if config.topic(&t.value).is_none() {
                let ids: Vec<&str> = config.site.topics.iter().map(|t| t.id()).collect();
                let hint = match nearest(&t.value, ids.iter().copied()) {
                    Some(n) => {
                        format!(
                            "did you mean `{n}`? Topics are listed under `topics:` in site.yaml"
                        )
                    }
                    None => "topics must be listed under `topics:` in site.yaml".into(),
                };
                self.error(
                    self.here(&t.referenced),
                    format!("unknown topic `{}`", t.value),
                    hint,
                );
            }
        }
    }

    /// Keys of another kind of document (`committee:` in a press release).
    fn kind_keys(&mut self, fm: &FrontMatter, kind: Kind) {
        for (key, owner) in fm.kind_keys() {
            if owner != kind.dir() {
                self.error(
                    (self.key_line(key), 1),
                    format!("`{key}` is not a field of {}", kind.dir()),
                    format!("`{key}` belongs in {owner}; remove it here"),
                );
            }
        }
    }

    /// Each alias read into its site path; one that is this page's own address is an error.
    fn aliases(
        &mut self,
        fm: &FrontMatter,
        (kind, lang, slug): (Kind, &str, &str),
        addresses: &dyn Addresses,
    ) -> Vec<Alias> {
        let own = addresses.document(lang, kind, slug);
        let mut found = Vec::new();
        for a in &fm.aliases {
            let at = self.here(&a.referenced);
            match aliases::resolve(&a.value, kind, lang, addresses) {
                Ok(path) if path == own => self.error(
                    at,
                    format!("the alias `{}` is this page's own address", a.value),
                    "an alias is an address the page had before it moved; remove this one".into(),
                ),
                Ok(path) => found.push(Alias { path, line: at.0 }),
                Err((message, hint)) => self.error(at, message, hint),
            }
        }
        found
    }

    fn notice(&mut self, fm: &FrontMatter) {
        let urgency = fm.urgency.as_ref().map(|u| u.value).unwrap_or_default();
        if let Some(a) = &fm.alert {
            self.alert(a, urgency);
        }
        if urgency != front_matter::Urgency::Normal && fm.expires.is_none() {
            self.error(
                (self.key_line("urgency"), 1),
                format!("a {} notice needs `expires:`", urgency.as_str()),
                "add `expires: 2026-03-20T18:00:00+01:00` so the banner and alert end in time"
                    .into(),
            );
        }
    }

    /// `alert:`: only for notices that can be alerted, its texts not empty, its area complete.
    fn alert(&mut self, a: &front_matter::AlertFm, urgency: front_matter::Urgency) {
        if urgency == front_matter::Urgency::Normal {
            self.error(
                (self.key_line("alert"), 1),
                "`alert:` is for crisis and important notices; this one is normal".into(),
                "set `urgency: crisis` (or `important`), or remove `alert:`".into(),
            );
        }
        let texts = [("event", &a.event), ("audience", &a.audience)];
        for (key, v) in texts
            .into_iter()
            .filter_map(|(k, v)| Some((k, v.as_ref()?)))
        {
            if v.value.trim().is_empty() {
                self.error(
                    self.here(&v.referenced),
                    format!("alert.{key} is empty"),
                    format!("say it in this translation's language, or remove `{key}:`"),
                );
            }
        }
        let Some(area) = &a.area else { return };
        if area.description.value.trim().is_empty() {
            self.error(
                self.here(&area.description.referenced),
                "alert.area.description is empty".into(),
                "name the area in words, in this translation's language".into(),
            );
        }
        if area.polygon.is_empty() && area.geocodes.is_empty() {
            self.error(
                self.here(&area.description.referenced),
                "the alert's area has neither a polygon nor geocodes".into(),
                "alerting systems place an alert by them: add `polygon:` (a closed ring of `[latitude, longitude]`) or `geocodes:`, or leave `area:` out to use `alerts.area` of site.yaml".into(),
            );
        }
        let problems = alerts::check_polygon(&area.polygon)
            .into_iter()
            .chain(alerts::check_geocodes(&area.geocodes));
        for (at, message, hint) in problems {
            self.error(
                self.here(&at),
                format!("alert.area: {message}"),
                hint.into(),
            );
        }
    }

    fn minutes(&mut self, fm: &FrontMatter, config: &Config) {
        self.committee(fm.committee.as_ref(), config);
        if fm.meeting.is_none() {
            self.error(
                (1, 1),
                "missing required field `meeting`".into(),
                "add `meeting: { start: 2026-09-02T16:30:00+02:00, place: Room 2, City Hall }`"
                    .into(),
            );
        }
    }

    fn committee(&mut self, committee: Option<&Spanned<String>>, config: &Config) {
        let Some(c) = committee else {
            self.error(
                (1, 1),
                "missing required field `committee`".into(),
                "name the committee's topic id from site.yaml, e.g. `committee: kommunstyrelsen`"
                    .into(),
            );
            return;
        };
        match config.topic(&c.value) {
            Some(t) if t.kind == TopicKind::Committee => {}
            Some(_) => self.error(
                self.here(&c.referenced),
                format!("topic `{}` is not a committee", c.value),
                "give it `kind: committee` in site.yaml, or name a committee".into(),
            ),
            None => {
                let ids = config
                    .site
                    .topics
                    .iter()
                    .filter(|t| t.kind == TopicKind::Committee)
                    .map(|t| t.id());
                let hint = nearest(&c.value, ids).map_or(
                    "committees are topics with `kind: committee` in site.yaml".into(),
                    |n| format!("did you mean `{n}`?"),
                );
                self.error(
                    self.here(&c.referenced),
                    format!("unknown committee `{}`", c.value),
                    hint,
                );
            }
        }
    }
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
