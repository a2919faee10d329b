//! Where every translation of the site stands against its source
//! (`content::translation::status`), per document and language: the view behind
//! `anslag translations status`, the check and the coverage table.

use super::Site;
use crate::content::document::Kind;
use crate::content::translation::{self, Status};

/// One document in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index into `site.documents`.
    pub doc: usize,
    pub kind: Kind,
    pub slug: String,
    pub lang: String,
    pub status: Status,
}

/// Every document in each of the site's languages (or only `lang`), sources left out: in the
/// order of the documents, then of the languages.
pub fn rows(site: &Site, lang: Option<&str>) -> Vec<Row> {
    let default = site.default_language();
    let mut out = Vec::new();
    for (i, doc) in site.documents.iter().enumerate() {
        for code in site.config.language_codes() {
            if lang.is_some_and(|l| l != code) {
                continue;
            }
            let status = translation::status(doc, code, default);
            if status == Status::Source {
                continue;
            }
            out.push(Row {
                doc: i,
                kind: doc.kind,
                slug: doc.slug.clone(),
                lang: code.to_owned(),
                status,
            });
        }
    }
    out
}
