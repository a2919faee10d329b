//! The search index: one Pagefind index per language of the site (`/pagefind/{lang}/`), built
//! from the site model with Pagefind as a library, and the search page's script beside them.
//!
//! A language's index holds the documents written in that language, each as one record: its
//! title, summary, body and (for minutes) the public part of every agenda item, with its kind,
//! topics, committee and case numbers as filters and its date as the sort key. What the model
//! holds is already public (closed agenda items are stripped when loaded); on top of that no
//! draft, embargoed or withdrawn document is indexed, even in a build with `--drafts`, so a
//! preview's index shows nothing that the published site would not.
//!
//! Pagefind's API is async: each language is indexed on a small current-thread runtime of its
//! own, the languages in parallel. The index is rendered whole, again only when a document's
//! text, its visibility or the site's configuration changed ([`fingerprint`]).

mod record;
mod text;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::site::{Site, urls};
use crate::write::{File, FileData};

pub use record::{Record, records};

/// The search page's script: a small page of our own over Pagefind's JS API (its UI strings
/// come from the page, which has them from our locales).
const SCRIPT: &str = include_str!("search.js");

/// What the index depends on besides the configuration and locales (which the build adds):
/// every document's text (by the load that produced it) and whether it may be shown.
pub fn fingerprint(site: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for doc in &site.documents {
        (doc.kind, &doc.slug, doc.generation, doc.is_withdrawn()).hash(&mut h);
        for t in &doc.translations {
            (&t.lang, t.draft, t.embargoed).hash(&mut h);
        }
    }
    h.finish()
}

/// Every language's index and the search script.
pub fn render(site: &Site, i18n: &I18n) -> Result<Vec<File>, Diagnostics> {
    let langs: Vec<&str> = site.config.language_codes().collect();
    let per_language: Vec<Result<Vec<File>, Diagnostic>> = langs
        .par_iter()
        .map(|lang| index_language(lang, &records(site, i18n, lang)))
        .collect();
    let mut files = vec![File {
        path: urls::output_path(&urls::search_script()),
        data: FileData::Bytes(SCRIPT.as_bytes().to_vec()),
    }];
    let mut errs = Diagnostics::default();
    for r in per_language {
        match r {
            Ok(f) => files.extend(f),
            Err(d) => errs.push(d),
        }
    }
    if errs.has_errors() {
        return Err(errs);
    }
    Ok(files)
}

/// The files of one language's index, under its folder.
pub fn index_language(lang: &str, records: &[Record]) -> Result<Vec<File>, Diagnostic> {
    // The folder in the output: the index's site path without its leading `/`.
    let index = urls::search_index(lang);
    let dir = index.trim_start_matches('/');
    let failed = |e: anyhow::Error| {
        Diagnostic::error(
            dir,
            format!("cannot build the search index: {e:#}"),
        )
        .hint("this is a fault of anslag or Pagefind, not of the content; `outputs.search: false` in site.yaml builds the site without search")
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| failed(e.into()))?;
    let files = runtime
        .block_on(pagefind_files(lang, records))
        .map_err(failed)?;
    let own_wasm_name = format!("wasm.{lang}.pagefind");
    let own_wasm = files
        .iter()
        .any(|f| f.filename.as_os_str() == own_wasm_name.as_str());
    Ok(files
        .into_iter()
        .filter(|f| wanted(&f.filename, own_wasm))
        .map(|f| File {
            path: format!("{dir}{}", f.filename.to_string_lossy().replace('\\', "/")),
            data: FileData::Bytes(f.contents),
        })
        .collect())
}

async fn pagefind_files(
    lang: &str,
    records: &[Record],
) -> anyhow::Result<Vec<pagefind::api::SyntheticFile>> {
    let options = pagefind::options::PagefindServiceConfig::builder()
        .force_language(lang.to_owned())
        .build();
    let mut index = pagefind::api::PagefindIndex::new(Some(options))?;
    for r in records {
        index
            .add_custom_record(
                r.url.clone(),
                r.content.clone(),
                lang.to_owned(),
                Some(r.meta.clone()),
                Some(r.filters.clone()),
                Some(BTreeMap::from([("date".to_owned(), r.date.clone())])),
            )
            .await?;
    }
    index.get_files().await
}

/// Pagefind's files that the search page uses: its search API, its worker, the WebAssembly
/// and the index itself; not its own user interfaces and playground, which the site does not
/// serve, nor the WebAssembly for languages without a stemmer (`wasm.unknown`) when the
/// index's language has one of its own (`own_wasm`).
fn wanted(name: &std::path::Path, own_wasm: bool) -> bool {
    let name = name.to_string_lossy();
    !(name.contains("-ui.")
        || name.contains("highlight")
        || name.starts_with("playground")
        || (own_wasm && name == "wasm.unknown.pagefind"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_search_api_and_the_index_are_kept() {
        for kept in [
            "pagefind.js",
            "pagefind-worker.js",
            "pagefind-entry.json",
            "wasm.sv.pagefind",
            "index/sv_1a2b.pf_index",
            "fragment/sv_3c4d.pf_fragment",
            "filter/sv_5e6f.pf_filter",
            "pagefind.sv_7a8b.pf_meta",
        ] {
            assert!(wanted(std::path::Path::new(kept), true), "{kept}");
        }
        for left in [
            "pagefind-ui.js",
            "pagefind-ui.css",
            "pagefind-modular-ui.js",
            "pagefind-component-ui.css",
            "pagefind-highlight.js",
            "playground/index.html",
            "wasm.unknown.pagefind",
        ] {
            assert!(!wanted(std::path::Path::new(left), true), "{left}");
        }
        // A language without a stemmer searches with the WebAssembly for any language.
        assert!(wanted(std::path::Path::new("wasm.unknown.pagefind"), false));
    }
}
