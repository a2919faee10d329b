//! Redirects from the old addresses of moved documents (`aliases:` in a translation's front
//! matter) to their pages: a small HTML page at each old address of a page (a `meta refresh`
//! and `rel=canonical` to the new address, a link for readers whose browser does not follow
//! it, no script, `noindex`), and two maps of every redirect for web servers that answer with
//! a real `301`: `_redirects` (Netlify, Cloudflare Pages) and `_redirects.nginx.conf`, a `map`
//! for nginx to include. Both maps are written even when no document has an alias, so that a
//! server configuration that includes one never points at nothing.
//!
//! An old address may not be the address of a page of the site, another alias, or one of the
//! build's own files: each such alias is an error at its line. Redirect pages are no pages of
//! the site: they are in no list, feed, sitemap or API file.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use crate::content::aliases::is_page;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::outputs::html::{Page, page_url, plan};
use crate::site::{Site, urls};
use crate::theme::templates::escape;
use crate::write::{File, FileData};

/// One old address and where it moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The old site path.
    pub from: String,
    /// The translation's page, a site path.
    pub to: String,
    pub lang: String,
    pub title: String,
    /// The translation's file and the line of the alias, for messages.
    pub file: PathBuf,
    pub line: usize,
}

pub fn render(site: &Site, i18n: &I18n) -> Result<Vec<File>, Diagnostics> {
    let redirects = redirects(site)?;
    let mut files: Vec<File> = redirects
        .iter()
        .filter(|r| is_page(&r.from))
        .map(|r| File {
            path: urls::output_path(&r.from),
            data: FileData::Bytes(redirect_page(site, i18n, r).into_bytes()),
        })
        .collect();
    files.push(File {
        path: urls::output_path(&urls::redirects_map()),
        data: FileData::Bytes(redirects_file(&redirects).into_bytes()),
    });
    files.push(File {
        path: urls::output_path(&urls::redirects_nginx()),
        data: FileData::Bytes(nginx_map(&redirects).into_bytes()),
    });
    Ok(files)
}

/// Everything the redirects are made of: every translation's address, title and aliases, and
/// the pages an alias may not take (the lists' lengths, the years, the topics).
pub fn fingerprint(site: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for doc in &site.documents {
        for t in &doc.translations {
            (&t.url, &t.title, &t.aliases).hash(&mut h);
        }
    }
    for idx in site.by_kind.values() {
        idx.len().hash(&mut h);
    }
    for (topic, idx) in &site.by_topic {
        (topic, idx.len()).hash(&mut h);
    }
    site.by_year.keys().for_each(|y| y.hash(&mut h));
    h.finish()
}

/// Every redirect of the site, by old address; an alias that takes another's address is an
/// error, all of them reported.
pub fn redirects(site: &Site) -> Result<Vec<Redirect>, Diagnostics> {
    // What each address of a page is, for the message when an alias takes it.
    let mut taken: HashMap<String, String> = plan(site)
        .iter()
        .map(|page| {
            let what = match page {
                Page::Doc { lang, doc } => match site.documents[*doc].get(lang) {
                    Some(t) => format!("the page of {}", t.path.display()),
                    None => "a page of the site".into(),
                },
                _ => "a page of the site".into(),
            };
            (page_url(site, page), what)
        })
        .collect();
    let mut errs = Diagnostics::default();
    let mut found = Vec::new();
    for doc in &site.documents {
        for t in &doc.translations {
            for a in &t.aliases {
                let error = |message: String, hint: &str| {
                    Diagnostic::error(&t.path, message)
                        .at(a.line, None)
                        .hint(hint)
                };
                if urls::is_reserved(&site.config, &a.path, !is_page(&a.path)) {
                    errs.push(error(
                        format!("the alias `{}` is an address of the build's own files", a.path),
                        "an alias is an old address of a page; feeds, the API, alerts and attachments keep theirs",
                    ));
                } else if let Some(what) = taken.get(&a.path) {
                    errs.push(error(
                        format!("the alias `{}` is already {what}", a.path),
                        "an old address can lead to one page only: remove the alias here or there",
                    ));
                } else {
                    taken.insert(
                        a.path.clone(),
                        format!("an alias in {} line {}", t.path.display(), a.line),
                    );
                    found.push(Redirect {
                        from: a.path.clone(),
                        to: t.url.clone(),
                        lang: t.lang.clone(),
                        title: t.title.clone(),
                        file: t.path.clone(),
                        line: a.line,
                    });
                }
            }
        }
    }
    if errs.has_errors() {
        errs.sort();
        return Err(errs);
    }
    found.sort_by(|a, b| a.from.cmp(&b.from));
    Ok(found)
}

/// The page at an old address: in the translation's language and direction, leading to its
/// page at once (and by a link for whoever stays).
pub fn redirect_page(site: &Site, i18n: &I18n, r: &Redirect) -> String {
    let to = escape(&urls::absolute(&site.config, &r.to)).into_owned();
    let dir = site
        .config
        .language(&r.lang)
        .map_or("ltr", |l| l.dir.as_str());
    format!(
        "<!DOCTYPE html>\n\
         <html lang=\"{lang}\" dir=\"{dir}\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <title>{title}</title>\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; base-uri 'none'\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={to}\">\n\
         <link rel=\"canonical\" href=\"{to}\">\n\
         </head>\n\
         <body>\n\
         <p>{moved} <a href=\"{to}\">{title}</a></p>\n\
         </body>\n\
         </html>\n",
        lang = escape(&r.lang),
        title = escape(&r.title),
        moved = escape(&i18n.t(&r.lang, "redirect-moved", None)),
    )
}

/// `_redirects`: one `from to 301` line a redirect.
pub fn redirects_file(redirects: &[Redirect]) -> String {
    let mut out = String::from(
        "# The old addresses of moved pages (aliases in their front matter), written by anslag.\n",
    );
    for r in redirects {
        out.push_str(&format!("{} {} 301\n", r.from, r.to));
    }
    out
}

/// `_redirects.nginx.conf`: `$anslag_redirect` is the new address of an old one, else empty.
pub fn nginx_map(redirects: &[Redirect]) -> String {
    let mut out = String::from(
        "# The old addresses of moved pages (aliases in their front matter), written by anslag.\n\
         # Include it inside `http { }`, and answer in the site's `server { }` with\n\
         #     if ($anslag_redirect) { return 301 $anslag_redirect; }\n\
         map $uri $anslag_redirect {\n",
    );
    for r in redirects {
        // Quoted: a path may hold letters nginx would otherwise read as syntax.
        out.push_str(&format!("    \"{}\" \"{}\";\n", r.from, r.to));
    }
    out.push_str("}\n");
    out
}
