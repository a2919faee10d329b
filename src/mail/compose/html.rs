//! A document's HTML made fit for email, and rendered plain text tidied for the text part (the
//! HTML → text conversion is [`crate::plain_text`], shared with CAP alerts).
//!
//! Email clients ignore style sheets, so every element gets its style inline; links become
//! absolute; images become a link to the image, named by their alt text, so that nothing needs
//! an image to be read and nothing is loaded when the message is opened.

use crate::plain_text::{Token, absolute, is_invisible, tokens};

pub(super) use crate::theme::templates::escape;

/// Attributes that mean something in a message; everything else (ids, classes) is dropped.
const KEPT_ATTRS: &[&str] = &[
    "href", "lang", "dir", "hreflang", "title", "colspan", "rowspan", "scope", "headers", "start",
    "reversed", "datetime", "abbr", "cite",
];

const LINK_STYLE: &str = "color:#0b4f9c;text-decoration:underline;";

fn style_for(name: &str) -> Option<&'static str> {
    Some(match name {
        "h1" | "h2" => "margin:24px 0 8px;font-size:20px;line-height:1.3;font-weight:bold;",
        "h3" => "margin:20px 0 6px;font-size:17px;line-height:1.3;font-weight:bold;",
        "h4" | "h5" | "h6" => "margin:16px 0 4px;font-size:16px;line-height:1.3;font-weight:bold;",
        "p" => "margin:0 0 12px;",
        "ul" | "ol" => "margin:0 0 12px;",
        "li" => "margin:0 0 6px;",
        "table" => "border-collapse:collapse;margin:0 0 16px;width:100%;",
        "th" => {
            "border:1px solid #6b7480;padding:6px 8px;background-color:#f2f4f7;font-weight:bold;vertical-align:top;"
        }
        "td" => "border:1px solid #6b7480;padding:6px 8px;vertical-align:top;",
        "blockquote" => "margin:0 0 12px;padding:0 12px;border-inline-start:4px solid #d3d8df;",
        "pre" => {
            "margin:0 0 12px;padding:8px;background-color:#f2f4f7;white-space:pre-wrap;font-family:Menlo,Consolas,monospace;font-size:14px;"
        }
        "code" => "font-family:Menlo,Consolas,monospace;font-size:14px;",
        "hr" => "border:0;border-top:1px solid #d3d8df;margin:16px 0;",
        "a" => LINK_STYLE,
        "sup" => "line-height:0;",
        _ => return None,
    })
}

/// A document's HTML for the HTML part: inline styles, absolute links, no images, no ids.
pub(super) fn email_html(html: &str, base_url: &str, page_url: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 4);
    for tok in tokens(html) {
        match tok {
            Token::Text(t) => out.push_str(t),
            Token::End(name) => {
                if !is_void(&name) && !is_dropped(&name) {
                    out.push_str("</");
                    out.push_str(&name);
                    out.push('>');
                }
            }
            Token::Start { name, attrs } => {
                let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
                if name == "img" {
                    // Named by its alt text, as a link to the image: readable without images and
                    // nothing fetched on opening.
                    let alt = get("alt").unwrap_or("").trim();
                    if let Some(src) = get("src")
                        && !alt.is_empty()
                    {
                        out.push_str(&format!(
                            "<a href=\"{}\" style=\"{LINK_STYLE}\">{}</a>",
                            escape(&absolute(src, base_url, page_url)),
                            escape(alt)
                        ));
                    } else {
                        out.push_str(&escape(alt));
                    }
                    continue;
                }
                if is_dropped(&name) {
                    continue;
                }
                out.push('<');
                out.push_str(&name);
                for (k, v) in &attrs {
                    if !KEPT_ATTRS.contains(&k.as_str()) {
                        continue;
                    }
                    let v = if k == "href" || k == "cite" {
                        absolute(v, base_url, page_url)
                    } else {
                        v.clone()
                    };
                    out.push_str(&format!(" {k}=\"{}\"", escape(&v)));
                }
                if let Some(style) = style_for(&name) {
                    out.push_str(&format!(" style=\"{style}\""));
                }
                out.push('>');
            }
        }
    }
    out
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "hr"
            | "img"
            | "input"
            | "meta"
            | "link"
            | "source"
            | "track"
            | "wbr"
            | "col"
            | "area"
            | "base"
            | "embed"
            | "param"
    )
}

/// Elements whose tags are dropped (their text is kept): nothing active or loaded in a message.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "img"
            | "picture"
            | "source"
            | "video"
            | "audio"
            | "track"
            | "iframe"
            | "object"
            | "embed"
            | "param"
            | "form"
            | "input"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "link"
            | "meta"
            | "base"
            | "svg"
            | "canvas"
            | "map"
            | "area"
    )
}

/// Tidies rendered plain text: no trailing spaces, at most one blank line in a row, lines
/// wrapped at `width` characters where there is a space (a URL is never broken; a list item's
/// or an indented line's continuation is indented like it).
pub(crate) fn tidy_text(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut blank = 0;
    for line in text.lines() {
        // "-- " opens a footer (a signature block) and keeps its space.
        let line = if line == "-- " { line } else { line.trim_end() };
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        wrap_line(line, width, &mut out);
    }
    out.push('\n');
    out
}

fn wrap_line(line: &str, width: usize, out: &mut String) {
    let visible = |s: &str| s.chars().filter(|c| !is_invisible(*c)).count();
    if visible(line) <= width {
        out.push_str(line);
        return;
    }
    let indent = line.len() - line.trim_start_matches(' ').len();
    let after = &line[indent..];
    let marker = list_marker(after);
    let hang = " ".repeat(indent + marker);
    let mut current = String::new();
    let mut current_len = 0;
    let head = &line[..indent + marker];
    let body = &line[indent + marker..];
    current.push_str(head);
    current_len += visible(head);
    let mut line_has_word = false;
    // Groups of digits stay together: a phone number (`+46 31 390 06 55`) or a large number
    // (`41 000`) is not broken over two lines.
    let mut words: Vec<String> = Vec::new();
    for w in body.split(' ').filter(|w| !w.is_empty()) {
        let digits = |s: &str| s.chars().filter(|c| !is_invisible(*c)).collect::<String>();
        match words.last_mut() {
            Some(last)
                if digits(last).ends_with(|c: char| c.is_ascii_digit())
                    && digits(w).starts_with(|c: char| c.is_ascii_digit())
                    && digits(w)
                        .chars()
                        .all(|c| c.is_ascii_digit() || ".,;:)".contains(c)) =>
            {
                last.push(' ');
                last.push_str(w);
            }
            _ => words.push(w.to_owned()),
        }
    }
    for word in &words {
        let wl = visible(word);
        if line_has_word && current_len + 1 + wl > width {
            out.push_str(&current);
            out.push('\n');
            current.clear();
            current.push_str(&hang);
            current_len = hang.len();
            line_has_word = false;
        }
        if line_has_word {
            current.push(' ');
            current_len += 1;
        }
        current.push_str(word);
        current_len += wl;
        line_has_word = true;
    }
    out.push_str(&current);
}

/// The length of a list marker at the start of `s` (`- `, `* `, `12. `), or 0.
fn list_marker(s: &str) -> usize {
    if s.starts_with("- ") || s.starts_with("* ") {
        return 2;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 && s[digits..].starts_with(". ") {
        return digits + 2;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://www.ekvik.example";
    const PAGE: &str = "https://www.ekvik.example/sv/notices/x/";

    #[test]
    fn links_become_absolute_and_images_links() {
        let h = email_html(
            "<p id=\"a\" class=\"b\">Se <a href=\"/sv/press/y/\">pressmeddelandet</a> &amp; <a href=\"#kokning\">kokning</a>.</p><p><img src=\"/files/press/y/d.png\" alt=\"Diagram\" /></p>",
            BASE,
            PAGE,
        );
        assert!(
            h.contains("href=\"https://www.ekvik.example/sv/press/y/\""),
            "{h}"
        );
        assert!(
            h.contains("href=\"https://www.ekvik.example/sv/notices/x/#kokning\""),
            "{h}"
        );
        assert!(
            !h.contains("<img") && !h.contains("id=") && !h.contains("class="),
            "{h}"
        );
        assert!(h.contains(">Diagram</a>") && h.contains("&amp;"), "{h}");
        assert!(h.contains("<p style=\"margin:0 0 12px;\">"), "{h}");
    }

    #[test]
    fn long_lines_wrap_with_hanging_indent_and_urls_whole() {
        let url = format!("https://www.ekvik.example/{}", "a".repeat(90));
        let text = format!("- {} {url} slut\n\n\n\nnästa   ", "ord ".repeat(30));
        let w = tidy_text(&text, 72);
        for line in w.lines() {
            assert!(line.chars().count() <= 72 || line.trim() == url, "{line:?}");
        }
        assert!(
            w.lines().nth(1).is_some_and(|l| l.starts_with("  ord")),
            "{w}"
        );
        assert!(w.contains(&format!("\n  {url}\n")), "{w}");
        assert!(w.ends_with("slut\n\nnästa\n"), "{w:?}");
    }
}
