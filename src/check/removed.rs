//! Pages that would disappear: document pages of the previous build (in its output folder,
//! `public/` unless told) that the content no longer makes, because a file was deleted, renamed
//! or turned back into a draft. Public bodies must keep what they published retrievable, so
//! each is a warning that suggests `withdrawn:` (the page stays, with the reason) or
//! `aliases:` (the old address leads to the new one).
//!
//! The previous build is the record of what was published: every `{lang}/{kind}/{slug}/index.html`
//! in it. A redirect page written there (an alias) is no document and is not counted.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Context, Finding, finding};
use crate::content::CONTENT_DIR;
use crate::content::document::Kind;
use crate::diagnostics::Severity;
use crate::site::urls;

pub(super) fn check(ctx: &Context<'_>, previous: &Path, findings: &mut Vec<Finding>) {
    let site = ctx.site;
    let made: HashSet<String> = site
        .documents
        .iter()
        .flat_map(|d| d.translations.iter())
        .filter(|t| !t.draft && !t.embargoed)
        .map(|t| t.url.clone())
        .collect();
    for (lang, kind, slug) in published_pages(previous, site.config.language_codes()) {
        let url = urls::document(&lang, kind, &slug);
        if made.contains(&url) {
            continue;
        }
        let folder = PathBuf::from(CONTENT_DIR).join(kind.dir());
        findings.push(finding(
            Severity::Warning,
            "page-removed",
            &folder,
            None,
            None,
            format!(
                "{} was published by the last build ({}) but the content no longer makes it: the address will stop working",
                urls::absolute(&site.config, &url),
                previous.display()
            ),
            format!(
                "public bodies must keep what they published retrievable: restore the file and add `withdrawn: {{ date: …, reason: … }}` to its front matter (the page stays, with the reason), or, if it moved, list `{url}` under `aliases:` of the document that replaces it"
            ),
        ));
    }
}

/// The document pages in a build's output folder: (language, kind, slug) of every
/// `{lang}/{kind}/{slug}/index.html` that is not a redirect. None when there is no folder.
fn published_pages<'a>(
    out: &Path,
    langs: impl Iterator<Item = &'a str>,
) -> Vec<(String, Kind, String)> {
    let mut pages = Vec::new();
    for lang in langs {
        for kind in Kind::ALL {
            let Ok(dir) = std::fs::read_dir(out.join(lang).join(kind.dir())) else {
                continue;
            };
            let mut slugs: Vec<String> = dir
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .filter(|s| is_document_page(&out.join(lang).join(kind.dir()).join(s)))
                .collect();
            slugs.sort();
            pages.extend(slugs.into_iter().map(|s| (lang.to_owned(), kind, s)));
        }
    }
    pages
}

/// Whether a folder holds a page (`index.html`) that is not a redirect to another address.
fn is_document_page(dir: &Path) -> bool {
    match std::fs::read(dir.join("index.html")) {
        Ok(bytes) => {
            let head = &bytes[..bytes.len().min(4096)];
            !String::from_utf8_lossy(head)
                .to_ascii_lowercase()
                .contains("http-equiv=\"refresh\"")
        }
        Err(_) => false,
    }
}
