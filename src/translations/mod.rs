//! `anslag translations`: the status of every translation against its source; `mark`, which
//! records in a translation made by hand the source it was made from; `export` of what is to
//! translate as XLIFF 2.1 or PO, and `import` of what a translator sent back.

pub mod export;
pub mod import;
pub mod inline;
pub mod mark;
pub mod po;
pub mod units;
pub mod xliff;

use crate::content::translation::Status;
use crate::site::Site;
use crate::site::translations::{Row, rows};

pub use mark::mark;

/// The rows of `anslag translations status`.
pub fn status(site: &Site, lang: Option<&str>) -> Vec<Row> {
    rows(site, lang)
}

/// One line per document and language: `kind/slug  lang  status`, with the changed segments
/// and the source's change date of a stale one.
pub fn to_text(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        let name = format!("{}/{}", r.kind.dir(), r.slug);
        out.push_str(&format!("{name:<48} {:<4} {}", r.lang, r.status.as_str()));
        match &r.status {
            Status::Stale {
                source,
                changed,
                source_changed,
            } => out.push_str(&format!(
                " (the {source} original changed on {}: {})",
                source_changed.format("%Y-%m-%d"),
                changed.join(", ")
            )),
            Status::UpToDate { source } | Status::Untracked { source } => {
                out.push_str(&format!(" (from {source})"))
            }
            _ => {}
        }
        out.push('\n');
    }
    out
}

pub fn to_json(rows: &[Row]) -> serde_json::Value {
    let items: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let mut v = serde_json::json!({
                "kind": r.kind.dir(),
                "slug": r.slug,
                "lang": r.lang,
                "status": r.status.as_str(),
            });
            match &r.status {
                Status::Stale {
                    source,
                    changed,
                    source_changed,
                } => {
                    v["source"] = source.as_str().into();
                    v["changed"] = changed.clone().into();
                    v["source_changed"] = source_changed.to_rfc3339().into();
                }
                Status::UpToDate { source } | Status::Untracked { source } => {
                    v["source"] = source.as_str().into();
                }
                _ => {}
            }
            v
        })
        .collect();
    serde_json::json!({ "translations": items })
}
