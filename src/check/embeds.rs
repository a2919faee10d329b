//! Embeds from other hosts: an `<iframe>`, `<script>`, `<img>`, `<video>`, `<audio>`,
//! `<source>`, `<link>` (or `<embed>`, `<object>`) — or a Markdown image — whose address is on
//! another host makes every reader's browser ask that host for it, which tells the host who reads
//! what (and breaks the site's Content-Security-Policy). An error, at the address's line.

use pulldown_cmark::{Event, Parser, Tag};

use super::{Context, Finding, Source, finding};
use crate::content::markdown::{decode_attribute, html_attributes, parser_options};
use crate::diagnostics::Severity;

pub const CHECK: &str = "foreign-embed";

/// The attributes through which each element loads something when the page is shown.
fn loads(tag: &str, attribute: &str) -> bool {
    matches!(
        (tag, attribute),
        (
            "iframe" | "script" | "img" | "video" | "audio" | "source" | "embed" | "track",
            "src"
        ) | ("img" | "source", "srcset")
            | ("video", "poster")
            | ("link", "href")
            | ("object", "data")
    )
}

/// The host of an absolute or scheme-relative web address, in lower case.
fn host(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = ["https://", "http://", "//"]
        .into_iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    Some(host.split(':').next().unwrap_or(host).to_owned())
}

pub fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let own = host(&ctx.site.config.base_url);
    for src in &ctx.sources {
        for (element, url, at) in embeds(src) {
            // `srcset` holds several addresses, each followed by its width.
            for part in url.split(',') {
                let address = part.split_whitespace().next().unwrap_or("");
                let Some(h) = host(address) else { continue };
                if Some(&h) == own.as_ref() {
                    continue;
                }
                out.push(finding(
                    Severity::Error,
                    CHECK,
                    &src.t.path,
                    Some(src.text),
                    Some(at),
                    format!("`<{element}>` loads `{address}` from another host ({h})"),
                    "every reader's browser would ask that host for it, telling it who reads the page: put the file beside the document and refer to it by name, or link to it instead of embedding it",
                ));
            }
        }
    }
}

/// The element, address and byte offset of everything the published parts of a source load.
fn embeds(src: &Source<'_>) -> Vec<(String, String, usize)> {
    let mut found = Vec::new();
    if src.text.is_empty() {
        return found;
    }
    for range in src.public_ranges() {
        let base = range.start;
        for (event, r) in Parser::new_ext(&src.text[range], parser_options()).into_offset_iter() {
            let at = base + r.start;
            match event {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    found.push(("img".to_owned(), dest_url.to_string(), at));
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    for a in html_attributes(&html) {
                        if loads(&a.tag, &a.name) {
                            let value = decode_attribute(&html[a.value.clone()]);
                            found.push((a.tag, value, at + a.value.start));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_addresses() {
        assert_eq!(
            host("https://www.YouTube.com/embed/x").as_deref(),
            Some("www.youtube.com")
        );
        assert_eq!(host("//cdn.example:8080?x").as_deref(), Some("cdn.example"));
        assert_eq!(host("photo.png"), None);
        assert_eq!(host("/static/a.css"), None);
        assert!(loads("iframe", "src") && loads("link", "href") && !loads("a", "href"));
    }
}
