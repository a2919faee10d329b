//! A document's HTML made fit for email, and the same HTML as plain text.
//!
//! The input is what anslag renders from Markdown (and sanitises), so a small tag scanner is
//! enough: no scripts, no unbalanced quoting. Email clients ignore style sheets, so every
//! element gets its style inline; links become absolute; images become a link to the image,
//! named by their alt text, so that nothing needs an image to be read and nothing is loaded
//! when the message is opened.

/// One piece of HTML.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    Start {
        name: String,
        /// Names lower-cased, values with character references decoded.
        attrs: Vec<(String, String)>,
    },
    End(String),
}

fn tokens(html: &str) -> Vec<Token<'_>> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    let mut skip_until: Option<&'static str> = None;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &html[i..];
        // Comments, doctypes and processing instructions are dropped.
        let special_end = if rest.starts_with("<!--") {
            Some(rest.find("-->").map_or(html.len(), |e| i + e + 3))
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            Some(rest.find('>').map_or(html.len(), |e| i + e + 1))
        } else {
            None
        };
        if let Some(end) = special_end {
            if skip_until.is_none() && text_start < i {
                out.push(Token::Text(&html[text_start..i]));
            }
            i = end;
            text_start = i;
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = i + if closing { 2 } else { 1 };
        if name_start >= b.len() || !b[name_start].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let (tag, end) = scan_tag(html, name_start);
        if let Some(until) = skip_until {
            if closing && tag.name == until {
                skip_until = None;
                text_start = end;
            }
            i = end;
            continue;
        }
        if text_start < i {
            out.push(Token::Text(&html[text_start..i]));
        }
        i = end;
        text_start = end;
        if closing {
            out.push(Token::End(tag.name));
        } else if matches!(tag.name.as_str(), "script" | "style" | "template" | "title") {
            // Raw text that must never reach a message.
            skip_until = Some(match tag.name.as_str() {
                "script" => "script",
                "style" => "style",
                "template" => "template",
                _ => "title",
            });
        } else {
            out.push(Token::Start {
                name: tag.name,
                attrs: tag.attrs,
            });
        }
    }
    if skip_until.is_none() && text_start < html.len() {
        out.push(Token::Text(&html[text_start..]));
    }
    out
}

struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

/// Reads a tag from its name to its `>`; returns it and the index after the `>`.
fn scan_tag(html: &str, name_start: usize) -> (Tag, usize) {
    let b = html.as_bytes();
    let mut i = name_start;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        let a = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = html[a..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let v = i + 1;
                i = v;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = decode_entities(&html[v..i.min(b.len())]);
                i = (i + 1).min(b.len());
            } else {
                let v = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = decode_entities(&html[v..i]);
            }
        }
        if !attr.is_empty() {
            attrs.push((attr, value));
        }
    }
    (Tag { name, attrs }, i)
}

/// Decodes the character references anslag's HTML can hold.
pub(super) fn decode_entities(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Makes a link of a document absolute: site paths get the site's address, `#anchor` the
/// page's. Other schemes (`https:`, `mailto:`, `tel:`) stay as they are.
pub(super) fn absolute(href: &str, base_url: &str, page_url: &str) -> String {
    let href = href.trim();
    if let Some(rest) = href.strip_prefix("//") {
        format!("https://{rest}")
    } else if href.starts_with('/') {
        format!("{}{href}", base_url.trim_end_matches('/'))
    } else if href.starts_with('#') {
        format!("{page_url}{href}")
    } else if href.is_empty() {
        page_url.to_owned()
    } else if href.contains(':') {
        href.to_owned()
    } else {
        // A path relative to the page.
        format!("{page_url}{href}")
    }
}

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

/// First strong isolate, left-to-right isolate and pop directional isolate: `<bdi>` in text.
const FSI: char = '\u{2068}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const PDI: char = '\u{2069}';

#[derive(Default)]
struct TextWriter {
    blocks: Vec<String>,
    /// The paragraph being written (inline text, whitespace not yet collapsed).
    para: String,
    /// Prefix of the paragraph's first line (list marker) and indentation of the others.
    prefix: Option<String>,
    lists: Vec<Option<u32>>,
    links: Vec<(String, usize)>,
    /// Cells of the table being read: rows of (is header, text).
    table: Option<Vec<Vec<(bool, String)>>>,
    cell: Option<(bool, String)>,
    heading: Option<char>,
    pre: bool,
    /// The last block is a list that is still open.
    list_open: bool,
}

impl TextWriter {
    fn buf(&mut self) -> &mut String {
        match &mut self.cell {
            Some((_, s)) => s,
            None => &mut self.para,
        }
    }

    fn text(&mut self, t: &str) {
        let t = decode_entities(t);
        if self.pre {
            self.para.push_str(&t);
            return;
        }
        let buf = self.buf();
        for c in t.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !buf.ends_with(' ') && !buf.ends_with('\n') && !buf.is_empty() {
                    buf.push(' ');
                }
            } else if c == '\u{a0}' {
                buf.push(' ');
            } else {
                buf.push(c);
            }
        }
    }

    fn indent(&self) -> String {
        " ".repeat(self.lists.len().saturating_sub(1) * 3)
    }

    fn flush(&mut self) {
        let para = std::mem::take(&mut self.para);
        let prefix = self.prefix.take();
        if self.pre {
            let text = para.trim_matches('\n');
            if !text.is_empty() {
                self.blocks.push(text.to_owned());
            }
            return;
        }
        let lines: Vec<&str> = para.split('\n').map(str::trim).collect();
        let text = lines.join("\n");
        let text = text.trim();
        if text.is_empty() {
            // A list item whose text comes in a paragraph of its own keeps its marker for it.
            self.prefix = prefix;
            return;
        }
        let indent = self.indent();
        let mut block = String::new();
        let first_prefix = prefix.clone().unwrap_or_default();
        let hang = " ".repeat(first_prefix.chars().count());
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                block.push('\n');
                block.push_str(&indent);
                block.push_str(&hang);
            } else {
                block.push_str(&indent);
                block.push_str(&first_prefix);
            }
            block.push_str(line);
        }
        if let Some(u) = self.heading.take() {
            let width = text.chars().filter(|c| !is_invisible(*c)).count().min(72);
            block.push('\n');
            block.push_str(&u.to_string().repeat(width.max(3)));
        }
        // The items of a list are one block: no blank line between them.
        let in_list = !self.lists.is_empty();
        match self.blocks.last_mut() {
            Some(last) if in_list && self.list_open => {
                last.push('\n');
                last.push_str(&block);
            }
            _ => {
                self.blocks.push(block);
                self.list_open = in_list;
            }
        }
    }

    fn start(&mut self, name: &str, attrs: &[(String, String)], base_url: &str, page_url: &str) {
        let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        match name {
            "p" | "div" | "section" | "article" | "header" | "footer" | "aside" | "figure"
            | "figcaption" | "dl" | "dt" | "dd" | "address" | "details" | "summary" => self.flush(),
            "h1" | "h2" => {
                self.flush();
                self.heading = Some('=');
            }
            "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = Some('-');
            }
            "blockquote" => self.flush(),
            "pre" => {
                self.flush();
                self.pre = true;
            }
            "hr" => {
                self.flush();
                self.blocks.push("* * *".into());
            }
            "br" => self.buf().push('\n'),
            "ul" => {
                self.flush();
                self.list_open &= !self.lists.is_empty();
                self.lists.push(None);
            }
            "ol" => {
                self.flush();
                self.list_open &= !self.lists.is_empty();
                let start = get("start").and_then(|s| s.parse().ok()).unwrap_or(1);
                self.lists.push(Some(start));
            }
            "li" => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "- ".to_owned(),
                };
                self.prefix = Some(marker);
            }
            "table" => {
                self.flush();
                self.table = Some(Vec::new());
            }
            "tr" => {
                if let Some(t) = &mut self.table {
                    t.push(Vec::new());
                }
            }
            "th" | "td" => self.cell = Some((name == "th", String::new())),
            "a" => {
                let href = get("href")
                    .map(|h| absolute(h, base_url, page_url))
                    .unwrap_or_default();
                let at = self.buf().len();
                self.links.push((href, at));
            }
            "img" => {
                let alt = get("alt").unwrap_or("").trim().to_owned();
                let src = get("src").map(|s| absolute(s, base_url, page_url));
                if !alt.is_empty() {
                    self.text(&alt);
                    if let Some(src) = src {
                        self.buf().push_str(&format!(" <{src}>"));
                    }
                }
            }
            "bdi" => {
                let c = match get("dir") {
                    Some("ltr") => LRI,
                    Some("rtl") => RLI,
                    _ => FSI,
                };
                self.buf().push(c);
            }
            "del" | "s" | "strike" => self.buf().push_str("~~"),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" | "div" | "section" | "article" | "header" | "footer" | "aside" | "figure"
            | "figcaption" | "dl" | "dt" | "dd" | "address" | "details" | "summary" | "h1"
            | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "li" => self.flush(),
            "pre" => {
                self.flush();
                self.pre = false;
            }
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
                self.list_open &= !self.lists.is_empty();
            }
            "th" | "td" => {
                if let (Some(cell), Some(t)) = (self.cell.take(), &mut self.table)
                    && let Some(row) = t.last_mut()
                {
                    row.push((cell.0, cell.1.trim().to_owned()));
                }
            }
            "table" => {
                if let Some(rows) = self.table.take() {
                    self.write_table(rows);
                }
            }
            "a" => {
                if let Some((href, at)) = self.links.pop() {
                    let buf = self.buf();
                    let text = buf.get(at..).unwrap_or("").trim().to_owned();
                    let shown = href
                        .strip_prefix("mailto:")
                        .or_else(|| href.strip_prefix("tel:"));
                    let plain_text: String = text.chars().filter(|c| !is_invisible(*c)).collect();
                    let same = plain_text == href || shown.is_some_and(|s| plain_text == s);
                    if !href.is_empty() && !same {
                        buf.push_str(&format!(" <{}>", shown.unwrap_or(&href)));
                    }
                }
            }
            "bdi" => self.buf().push(PDI),
            "del" | "s" | "strike" => self.buf().push_str("~~"),
            _ => {}
        }
    }

    /// A table as a list of records: with a header row, each row is written as
    /// `header: value` lines, which reads well in plain text and aloud.
    fn write_table(&mut self, rows: Vec<Vec<(bool, String)>>) {
        let rows: Vec<_> = rows.into_iter().filter(|r| !r.is_empty()).collect();
        let header: Option<Vec<String>> = rows
            .first()
            .filter(|r| r.iter().all(|(th, _)| *th))
            .map(|r| r.iter().map(|(_, t)| t.clone()).collect());
        let body = if header.is_some() {
            &rows[1..]
        } else {
            &rows[..]
        };
        let mut lines = Vec::new();
        for row in body {
            for (n, (_, cell)) in row.iter().enumerate() {
                let marker = if n == 0 { "- " } else { "  " };
                let line = match header.as_ref().and_then(|h| h.get(n)) {
                    Some(h) if !h.is_empty() => format!("{marker}{h}: {cell}"),
                    _ => format!("{marker}{cell}"),
                };
                lines.push(line);
            }
        }
        if !lines.is_empty() {
            self.blocks.push(lines.join("\n"));
        }
    }
}

/// Characters that take no width of their own: direction marks and isolates, joiners, and the
/// combining marks of Latin and Arabic script (harakat).
fn is_invisible(c: char) -> bool {
    matches!(c, FSI | LRI | RLI | PDI | '\u{200b}'..='\u{200f}' | '\u{0300}'..='\u{036f}' | '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}')
}

/// A document's HTML as plain text: paragraphs, lists, headings underlined, tables as records,
/// every link written out in full after its text.
pub(super) fn to_text(html: &str, base_url: &str, page_url: &str) -> String {
    let mut w = TextWriter::default();
    for tok in tokens(html) {
        match tok {
            Token::Text(t) => w.text(t),
            Token::Start { name, attrs } => w.start(&name, &attrs, base_url, page_url),
            Token::End(name) => w.end(&name),
        }
    }
    w.flush();
    w.blocks.join("\n\n")
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
    fn text_has_lists_tables_and_full_urls() {
        let t = to_text(
            "<h2 id=\"a\">Det här gäller</h2>\n<ul>\n<li>Skolor är <strong>stängda</strong>.</li>\n<li>Mejla <a href=\"mailto:a@b.example\">a@b.example</a> eller läs <a href=\"/sv/x/\">meddelandet</a>.</li>\n</ul>\n<ol><li>Ett</li><li>Två</li></ol><table><thead><tr><th>Vad</th><th>När</th></tr></thead><tbody><tr><td>Telefon</td><td>7&ndash;20</td></tr></tbody></table><p>Slut &amp; klart</p>",
            BASE,
            PAGE,
        );
        assert_eq!(
            t,
            "Det här gäller\n==============\n\n- Skolor är stängda.\n- Mejla a@b.example eller läs meddelandet <https://www.ekvik.example/sv/x/>.\n\n1. Ett\n2. Två\n\n- Vad: Telefon\n  När: 7–20\n\nSlut & klart"
        );
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

    #[test]
    fn scripts_and_comments_vanish() {
        let t = to_text("<p>a<!-- x --><script>alert(1)</script>b</p>", BASE, PAGE);
        assert_eq!(t, "ab");
        assert_eq!(decode_entities("&#x41;&#66;&bogus;&"), "AB&bogus;&");
    }
}
