//! `sitemap.xml` (sitemaps.org 0.9 with `xhtml:link` language alternates) and `robots.txt`.
//!
//! Every HTML page of the build is listed except the 404 page and the search pages: each page of a language with its
//! versions in the other languages (a document: the translations it has; any other page: every
//! language of the site) and `x-default` pointing at the default language's version (a document
//! that is not in the default language: its first translation). The root language chooser and
//! the language home pages are one another's alternates, `x-default` the chooser. Document pages carry `<lastmod>` (`updated`, else
//! `date`). The order is the page plan's, so the file is the same for the same content.
//!
//! A sitemap may hold at most 50,000 URLs and 50 MB; past that, `sitemap.xml` becomes a sitemap
//! index of `sitemap-1.xml`, `sitemap-2.xml`, … (beside it, as sitemaps may only list URLs at
//! or below their own folder).

use std::io;

use chrono::SecondsFormat;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::outputs::html::{Page, page_url, plan};
use crate::site::{Site, urls};
use crate::write::{File, FileData};

pub const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
pub const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
/// The limits of one sitemap file (sitemaps.org).
const MAX_URLS: usize = 50_000;
const MAX_BYTES: usize = 50 * 1024 * 1024;

/// One `<url>` of the sitemap, its addresses absolute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub loc: String,
    /// W3C datetime (RFC 3339).
    pub lastmod: Option<String>,
    /// `(hreflang, href)`, the site's language order, `x-default` last.
    pub alternates: Vec<(String, String)>,
}

pub fn render(site: &Site, _i18n: &I18n) -> Result<Vec<File>, Diagnostics> {
    let entries = entries(site);
    let files = sitemap_files(&site.config, &entries, MAX_URLS, MAX_BYTES).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(
            urls::output_path(&urls::sitemap()),
            format!("cannot write the sitemap: {e}"),
        )])
    })?;
    let mut outputs: Vec<File> = files
        .into_iter()
        .map(|(path, bytes)| File {
            path,
            data: FileData::Bytes(bytes),
        })
        .collect();
    outputs.push(File {
        path: urls::output_path(&urls::robots()),
        data: FileData::Bytes(robots_txt(&site.config).into_bytes()),
    });
    Ok(outputs)
}

/// What the sitemap is made of, as a number: the pages (documents and their translations, the
/// lists' lengths, the years) and the documents' dates. The sitemap is the same while it is
/// (the configuration aside).
pub fn fingerprint(site: &Site) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for doc in &site.documents {
        (doc.kind, &doc.slug, doc.is_withdrawn()).hash(&mut h);
        for t in &doc.translations {
            (&t.lang, t.updated.unwrap_or(t.date)).hash(&mut h);
        }
    }
    for (kind, idx) in &site.by_kind {
        (kind, idx.len()).hash(&mut h);
    }
    for year in site.by_year.keys() {
        year.hash(&mut h);
    }
    h.finish()
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots_txt(config: &Config) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        urls::absolute(config, &urls::sitemap())
    )
}

/// The sitemap's entries: every HTML page but the 404 page, in the order of the page plan.
pub fn entries(site: &Site) -> Vec<Entry> {
    let cfg = &site.config;
    let default = site.default_language();
    let mut entries = Vec::new();
    for page in plan(site) {
        let url = page_url(site, &page);
        let entry = match &page {
            // The search page shows nothing of its own to a crawler.
            Page::NotFound | Page::Search { .. } => continue,
            // The language chooser stands for every language's home page, and is their
            // `x-default`: the page for a reader whose language the site cannot tell.
            Page::Languages => Entry {
                loc: urls::absolute(cfg, &url),
                lastmod: None,
                alternates: home_alternates(site, &url),
            },
            Page::Home { .. } => Entry {
                loc: urls::absolute(cfg, &url),
                lastmod: None,
                alternates: home_alternates(site, &page_url(site, &Page::Languages)),
            },
            Page::Doc { lang, doc } => {
                let doc = &site.documents[*doc];
                // A withdrawn document keeps its page but is no longer offered to search engines.
                if doc.is_withdrawn() {
                    continue;
                }
                let Some(t) = doc.get(lang) else { continue };
                let mut alternates: Vec<(String, String)> = doc
                    .translations
                    .iter()
                    .map(|t| (t.lang.clone(), urls::absolute(cfg, &doc.url(&t.lang))))
                    .collect();
                alternates.push((
                    "x-default".into(),
                    urls::absolute(cfg, &doc.url(&doc.primary(default).lang)),
                ));
                Entry {
                    loc: urls::absolute(cfg, &url),
                    lastmod: Some(
                        t.updated
                            .unwrap_or(t.date)
                            .to_rfc3339_opts(SecondsFormat::Secs, true),
                    ),
                    alternates,
                }
            }
            // Pages that exist in every language at the same path after the language.
            Page::KindList { lang, .. }
            | Page::Topic { lang, .. }
            | Page::Topics { lang }
            | Page::Archive { lang }
            | Page::Year { lang, .. }
            | Page::NoticeBoard { lang }
            | Page::Accessibility { lang }
            | Page::Subscribe { lang } => {
                let in_language =
                    |to: &str| urls::absolute(cfg, &urls::in_language(&url, lang, to));
                let mut alternates: Vec<(String, String)> = cfg
                    .language_codes()
                    .map(|code| (code.to_owned(), in_language(code)))
                    .collect();
                alternates.push(("x-default".into(), in_language(default)));
                Entry {
                    loc: urls::absolute(cfg, &url),
                    lastmod: None,
                    alternates,
                }
            }
        };
        entries.push(entry);
    }
    entries
}

/// The alternates of the home pages: each language's home, `x-default` the language chooser at
/// `chooser`.
fn home_alternates(site: &Site, chooser: &str) -> Vec<(String, String)> {
    let cfg = &site.config;
    let mut alternates: Vec<(String, String)> = cfg
        .language_codes()
        .map(|code| {
            let home = page_url(
                site,
                &Page::Home {
                    lang: code.to_owned(),
                },
            );
            (code.to_owned(), urls::absolute(cfg, &home))
        })
        .collect();
    alternates.push(("x-default".into(), urls::absolute(cfg, chooser)));
    alternates
}

/// The sitemap files, `(path, bytes)`: one `sitemap.xml` when the entries fit in one file of
/// at most `max_urls` URLs and `max_bytes` bytes, else `sitemap.xml` as an index of
/// `sitemap-N.xml`.
pub fn sitemap_files(
    config: &Config,
    entries: &[Entry],
    max_urls: usize,
    max_bytes: usize,
) -> io::Result<Vec<(String, Vec<u8>)>> {
    // Room for the declaration, `<urlset …>` and `</urlset>`.
    const FRAME: usize = 512;
    let max_urls = max_urls.max(1);
    // Most sites fit in one file: write it once, and split only when it does not fit.
    if entries.len() <= max_urls {
        let whole = urlset(entries)?;
        if whole.len() <= max_bytes {
            return Ok(vec![(urls::output_path(&urls::sitemap()), whole)]);
        }
    }
    let mut chunks: Vec<&[Entry]> = Vec::new();
    let (mut start, mut bytes) = (0, FRAME);
    for (i, e) in entries.iter().enumerate() {
        let size = entry_size(e)?;
        if i > start && (i - start >= max_urls || bytes + size > max_bytes) {
            chunks.push(&entries[start..i]);
            (start, bytes) = (i, FRAME);
        }
        bytes += size;
    }
    chunks.push(&entries[start..]);

    if chunks.len() == 1 {
        return Ok(vec![(
            urls::output_path(&urls::sitemap()),
            urlset(entries)?,
        )]);
    }
    let mut files = Vec::with_capacity(chunks.len() + 1);
    let mut index = Vec::with_capacity(chunks.len());
    for (n, chunk) in chunks.iter().enumerate() {
        let url = urls::sitemap_part(n + 1);
        let lastmod = chunk
            .iter()
            .filter_map(|e| e.lastmod.as_deref())
            .max_by(|a, b| {
                let parse = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
                parse(a).cmp(&parse(b))
            });
        index.push((urls::absolute(config, &url), lastmod.map(str::to_owned)));
        files.push((urls::output_path(&url), urlset(chunk)?));
    }
    files.insert(
        0,
        (urls::output_path(&urls::sitemap()), sitemap_index(&index)?),
    );
    Ok(files)
}

fn new_writer() -> io::Result<Writer<Vec<u8>>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

fn finish(w: Writer<Vec<u8>>) -> Vec<u8> {
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

/// A `<urlset>` of `entries`.
fn urlset(entries: &[Entry]) -> io::Result<Vec<u8>> {
    let mut w = new_writer()?;
    w.create_element("urlset")
        .with_attributes([("xmlns", SITEMAP_NS), ("xmlns:xhtml", XHTML_NS)])
        .write_inner_content(|w| {
            for e in entries {
                write_url(w, e)?;
            }
            Ok(())
        })?;
    Ok(finish(w))
}

/// A `<sitemapindex>` of `(loc, lastmod)`.
fn sitemap_index(sitemaps: &[(String, Option<String>)]) -> io::Result<Vec<u8>> {
    let mut w = new_writer()?;
    w.create_element("sitemapindex")
        .with_attribute(("xmlns", SITEMAP_NS))
        .write_inner_content(|w| {
            for (loc, lastmod) in sitemaps {
                w.create_element("sitemap").write_inner_content(|w| {
                    w.create_element("loc")
                        .write_text_content(BytesText::new(loc))?;
                    if let Some(m) = lastmod {
                        w.create_element("lastmod")
                            .write_text_content(BytesText::new(m))?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(finish(w))
}

fn write_url(w: &mut Writer<Vec<u8>>, e: &Entry) -> io::Result<()> {
    w.create_element("url").write_inner_content(|w| {
        w.create_element("loc")
            .write_text_content(BytesText::new(&e.loc))?;
        if let Some(m) = &e.lastmod {
            w.create_element("lastmod")
                .write_text_content(BytesText::new(m))?;
        }
        for (lang, href) in &e.alternates {
            w.create_element("xhtml:link")
                .with_attributes([
                    ("rel", "alternate"),
                    ("hreflang", lang.as_str()),
                    ("href", href.as_str()),
                ])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The bytes an entry takes in a `<urlset>` (with a little more for the indentation there).
fn entry_size(e: &Entry) -> io::Result<usize> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_url(&mut w, e)?;
    let bytes = w.into_inner();
    let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
    Ok(bytes.len() + 2 * lines + 1)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use quick_xml::Reader;
    use quick_xml::events::Event as XmlEvent;

    use super::*;

    const SITE: &str = "base_url: https://x.example/\ntimezone: Europe/Stockholm\ndefault_language: sv\nlanguages:\n  - { code: sv, name: Svenska }\n  - { code: ar, name: العربية, dir: rtl }\ntitle: X\norganisation:\n  name: X\n";

    fn config() -> Config {
        crate::config::parse(SITE, Path::new("site.yaml")).unwrap()
    }

    fn entry(n: usize) -> Entry {
        Entry {
            loc: format!("https://x.example/sv/press/p{n}/"),
            lastmod: Some(format!("2026-01-{:02}T10:00:00+01:00", n % 28 + 1)),
            alternates: vec![
                ("sv".into(), format!("https://x.example/sv/press/p{n}/")),
                (
                    "x-default".into(),
                    format!("https://x.example/sv/press/p{n}/"),
                ),
            ],
        }
    }

    /// `(root element, locs)` of a sitemap or sitemap index.
    fn read(bytes: &[u8]) -> (String, Vec<String>) {
        let mut r = Reader::from_reader(bytes);
        let (mut root, mut locs, mut in_loc) = (String::new(), Vec::new(), false);
        loop {
            match r.read_event().unwrap() {
                XmlEvent::Start(s) => {
                    let name = String::from_utf8(s.name().as_ref().to_owned()).unwrap();
                    in_loc = name == "loc";
                    if root.is_empty() {
                        root = name;
                    }
                }
                XmlEvent::Text(t) if in_loc => locs.push(t.xml10_content().unwrap().into_owned()),
                XmlEvent::End(_) => in_loc = false,
                XmlEvent::Eof => break,
                _ => {}
            }
        }
        (root, locs)
    }

    #[test]
    fn one_file_when_it_fits() {
        let entries: Vec<Entry> = (0..5).map(entry).collect();
        let files = sitemap_files(&config(), &entries, MAX_URLS, MAX_BYTES).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        let (root, locs) = read(&files[0].1);
        assert_eq!(root, "urlset");
        assert_eq!(locs.len(), 5);
    }

    #[test]
    fn splits_by_count_into_an_index() {
        let entries: Vec<Entry> = (0..7).map(entry).collect();
        let files = sitemap_files(&config(), &entries, 3, MAX_BYTES).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        let (root, locs) = read(&files[0].1);
        assert_eq!(root, "sitemapindex");
        assert_eq!(
            locs,
            [
                "https://x.example/sitemap-1.xml",
                "https://x.example/sitemap-2.xml",
                "https://x.example/sitemap-3.xml"
            ]
        );
        let all: Vec<String> = files[1..].iter().flat_map(|f| read(&f.1).1).collect();
        let expected: Vec<String> = entries.iter().map(|e| e.loc.clone()).collect();
        assert_eq!(all, expected, "every entry once, in order");
    }

    #[test]
    fn splits_by_size() {
        let entries: Vec<Entry> = (0..40).map(entry).collect();
        let limit = 4096;
        let files = sitemap_files(&config(), &entries, MAX_URLS, limit).unwrap();
        assert!(files.len() > 2, "{} files", files.len());
        for (name, bytes) in &files[1..] {
            assert!(bytes.len() <= limit, "{name} has {} bytes", bytes.len());
        }
        let all: Vec<String> = files[1..].iter().flat_map(|f| read(&f.1).1).collect();
        assert_eq!(all.len(), 40);
    }

    #[test]
    fn robots_names_the_sitemap() {
        assert_eq!(
            robots_txt(&config()),
            "User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap.xml\n"
        );
    }
}
