//! Translation coverage. A crisis or important notice that is still in force must exist in every
//! language of the site (an error per missing language: the notice exists to reach every
//! guardian); for everything else, the report shows how many documents of each kind exist in
//! each language.

use super::{Context, Finding, finding};
use crate::content::document::{Kind, Urgency};
use crate::content::front_matter;
use crate::diagnostics::Severity;
use crate::site::Site;

pub const CHECK: &str = "notice-translation-missing";

/// Documents per language and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageTable {
    pub kinds: Vec<Kind>,
    /// Documents of each kind, in any language (in the order of `kinds`).
    pub totals: Vec<usize>,
    /// Per language of the site, in the site's order: (code, translations of each kind).
    pub rows: Vec<(String, Vec<usize>)>,
    /// Stale translations per language of the site, in the order of `rows`.
    pub stale: Vec<usize>,
}

impl CoverageTable {
    pub fn of(site: &Site) -> CoverageTable {
        let kinds = Kind::ALL.to_vec();
        let totals = kinds
            .iter()
            .map(|k| site.documents.iter().filter(|d| d.kind == *k).count())
            .collect();
        let rows = site
            .config
            .language_codes()
            .map(|lang| {
                let counts = kinds
                    .iter()
                    .map(|k| {
                        site.documents
                            .iter()
                            .filter(|d| d.kind == *k && d.get(lang).is_some())
                            .count()
                    })
                    .collect();
                (lang.to_owned(), counts)
            })
            .collect();
        let stale_rows = crate::site::translations::rows(site, None);
        let stale = site
            .config
            .language_codes()
            .map(|lang| {
                stale_rows
                    .iter()
                    .filter(|r| r.lang == lang && r.status.is_stale())
                    .count()
            })
            .collect();
        CoverageTable {
            kinds,
            totals,
            rows,
            stale,
        }
    }

    /// Translations of a kind in a language.
    pub fn get(&self, lang: &str, kind: Kind) -> Option<usize> {
        let k = self.kinds.iter().position(|x| *x == kind)?;
        self.rows.iter().find(|(l, _)| l == lang).map(|(_, c)| c[k])
    }

    /// A plain-text table: one row per language, a column per kind with `count/total`.
    pub fn to_text(&self) -> String {
        let header: Vec<String> = std::iter::once("language".to_owned())
            .chain(self.kinds.iter().map(|k| k.dir().to_owned()))
            .chain(["stale".to_owned()])
            .collect();
        let mut rows = vec![header];
        for ((lang, counts), stale) in self.rows.iter().zip(&self.stale) {
            let mut row = vec![lang.clone()];
            for (c, t) in counts.iter().zip(&self.totals) {
                row.push(if *t == 0 {
                    "–".to_owned()
                } else {
                    format!("{c}/{t} ({}%)", c * 100 / t)
                });
            }
            row.push(stale.to_string());
            rows.push(row);
        }
        let widths: Vec<usize> = (0..rows[0].len())
            .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for row in rows {
            out.push_str("  ");
            for (i, cell) in row.iter().enumerate() {
                let pad = widths[i] - cell.chars().count();
                if i == 0 {
                    out.push_str(cell);
                    out.push_str(&" ".repeat(pad));
                } else {
                    out.push_str("  ");
                    out.push_str(&" ".repeat(pad));
                    out.push_str(cell);
                }
            }
            out.push('\n');
        }
        out
    }

    pub fn to_json(&self) -> serde_json::Value {
        let kinds: Vec<&str> = self.kinds.iter().map(|k| k.dir()).collect();
        let languages: serde_json::Map<String, serde_json::Value> = self
            .rows
            .iter()
            .map(|(lang, counts)| {
                let by_kind: serde_json::Map<String, serde_json::Value> = kinds
                    .iter()
                    .zip(counts)
                    .map(|(k, c)| ((*k).to_owned(), (*c).into()))
                    .collect();
                (lang.clone(), by_kind.into())
            })
            .collect();
        let totals: serde_json::Map<String, serde_json::Value> = kinds
            .iter()
            .zip(&self.totals)
            .map(|(k, c)| ((*k).to_owned(), (*c).into()))
            .collect();
        let stale: serde_json::Map<String, serde_json::Value> = self
            .rows
            .iter()
            .zip(&self.stale)
            .map(|((lang, _), n)| (lang.clone(), (*n).into()))
            .collect();
        serde_json::json!({ "totals": totals, "languages": languages, "stale": stale })
    }
}

/// Crisis and important notices that are not expired or ended must exist in every language.
pub fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let site = ctx.site;
    let default = site.default_language();
    for (i, doc) in site.documents.iter().enumerate() {
        if doc.kind != Kind::Notices {
            continue;
        }
        let primary = doc.primary(default);
        let Some(notice) = primary.notice() else {
            continue;
        };
        let urgency = doc
            .translations
            .iter()
            .filter_map(|t| t.notice().map(|n| n.urgency))
            .max()
            .unwrap_or(notice.urgency);
        if urgency == Urgency::Normal {
            continue;
        }
        // Once a notice is over, a translation no longer reaches anyone.
        let over = |t: Option<chrono::DateTime<chrono_tz::Tz>>| t.is_some_and(|t| t <= site.now);
        if over(notice.expires) || over(notice.ended) {
            continue;
        }
        let Some(src) = ctx
            .sources
            .iter()
            .find(|s| s.doc == i && s.t.lang == primary.lang)
        else {
            continue;
        };
        let split = front_matter::split(src.text).ok();
        let offset = split
            .as_ref()
            .and_then(|s| front_matter::key_line(s, "urgency"))
            .and_then(|line| line_offset(src.text, line));
        let have: Vec<&str> = doc.translations.iter().map(|t| t.lang.as_str()).collect();
        let required = site.config.site.check.notice_languages.as_ref();
        for lang in site.config.site.languages.iter() {
            let code = lang.code();
            if have.contains(&code) || required.is_some_and(|r| !r.iter().any(|c| c == code)) {
                continue;
            }
            let file = sibling(&primary.path, &primary.lang, code);
            out.push(finding(
                Severity::Error,
                CHECK,
                &primary.path,
                Some(src.text),
                offset,
                format!(
                    "the {} notice `{}` is missing in {} ({code})",
                    urgency.as_str(),
                    doc.slug,
                    lang.name
                ),
                format!(
                    "add {file}; until then readers of {code} get the notice in {}",
                    have.join(", ")
                ),
            ));
        }
    }
}

/// Byte offset of the start of a 1-based line.
fn line_offset(text: &str, line: usize) -> Option<usize> {
    if line == 1 {
        return Some(0);
    }
    text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)
}

/// The file name a translation into `lang` would have, beside `path` (`….sv.md` → `….da.md`).
fn sibling(path: &std::path::Path, lang: &str, to: &str) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = name.trim_end_matches(".md");
    // A file without a language suffix is in the default language.
    let stem = base.strip_suffix(&format!(".{lang}")).unwrap_or(base);
    path.with_file_name(format!("{stem}.{to}.md"))
        .to_string_lossy()
        .replace('\\', "/")
}
