//! The HTML anslag renders, read back: a small tag scanner, and plain text for the outputs that
//! cannot carry HTML, a CAP alert's `description` and an email's text part.
//!
//! The input is anslag's own output (rendered from Markdown and sanitised), so a scanner is
//! enough: no scripts, no unbalanced quoting. One converter serves both outputs; [`Flavour`]
//! holds where they differ on purpose:
//!
//! - links: email writes `text <address>` and makes anchors and relative links absolute; CAP
//!   writes `text (address)`, because alerting systems show the text as it is and it holds no
//!   `<`, and leaves anchors and relative links out (they mean nothing off the page);
//! - headings: underlined with `=` or `-` in email; plain paragraphs in CAP;
//! - tables: in email a record per row (`header: value` lines), which reads well aloud; in CAP
//!   a line per row, cells between ` | `;
//! - lists: nested lists indented by 3 in email, with wrapped lines hanging under the text; by
//!   2 in CAP, next lines from the margin;
//! - images: `alt <address>` in email, `[alt]` in CAP;
//! - no-break spaces become spaces in email (its text is wrapped later) and stay in CAP;
//!   `<bdi>` becomes Unicode isolates and `<del>` `~~` in email; CAP writes footnote marks as
//!   `[1]`.

/// Which output the text is for: see the module's comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour<'a> {
    /// An email's text part; links are made absolute against `page_url`, the document's page.
    Email { page_url: &'a str },
    /// A CAP alert's `description`.
    Cap,
}

/// `html` as plain text in `flavour`; site paths in links (`/sv/press/x/`) are made absolute
/// with `base_url`.
pub fn html_to_text(html: &str, base_url: &str, flavour: Flavour) -> String {
    let mut w = TextWriter::new(flavour, base_url);
    for tok in tokens(html) {
        match tok {
            Token::Text(t) => w.text(t),
            Token::Start { name, attrs } => w.start(&name, &attrs),
            Token::End(name) => w.end(&name),
        }
    }
    w.flush();
    w.blocks.join("\n\n")
}

// ---------------------------------------------------------------------------------------------
// The scanner.

/// One piece of HTML.
#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    Text(&'a str),
    Start {
        name: String,
        /// Names lower-cased, values with character references decoded.
        attrs: Vec<(String, String)>,
    },
    End(String),
}

/// `html` as tokens. Comments, doctypes and processing instructions are dropped, and so are
/// `script`, `style`, `template` and `title` with what they hold.
pub(crate) fn tokens(html: &str) -> Vec<Token<'_>> {
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

/// Decodes character references: the named ones HTML writers use and every numeric one.
pub(crate) fn decode_entities(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

/// Makes a link of a document absolute: site paths get the site's address, `#anchor` the
/// page's. Other schemes (`https:`, `mailto:`, `tel:`) stay as they are.
pub(crate) fn absolute(href: &str, base_url: &str, page_url: &str) -> String {
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

/// Makes the site links and sources of an HTML fragment absolute (`href="/files/…"` gets the
/// site's address, `href="#fn1"` the page's, `page_url`), so that the fragment works wherever a
/// feed reader or an API client shows it. The fragment is anslag's serialised HTML (every
/// attribute value in double quotes, `<` in text escaped), so a small scanner suffices.
pub(crate) fn absolute_links(html: &str, base_url: &str, page_url: &str) -> String {
    // Most fragments link nowhere on the site itself.
    if !html.contains("=\"/") && !html.contains("=\"#") {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let (mut in_tag, mut in_quote) = (false, false);
    // Only `<`, `>` and `"` matter; the text between them is copied as it is.
    let mut copied = 0;
    for i in memchr::memchr3_iter(b'<', b'>', b'"', html.as_bytes()) {
        match html.as_bytes()[i] {
            b'<' if !in_tag => in_tag = true,
            b'>' if in_tag && !in_quote => in_tag = false,
            b'"' if in_tag => {
                in_quote = !in_quote;
                let before = &html[..i];
                let rest = &html[i + 1..];
                let is_link = ["href=", "src="].iter().any(|a| {
                    before
                        .strip_suffix(a)
                        .is_some_and(|b| b.ends_with(char::is_whitespace))
                });
                let prefix = if rest.starts_with('/') && !rest.starts_with("//") {
                    Some(base_url.trim_end_matches('/'))
                } else if rest.starts_with('#') {
                    Some(page_url)
                } else {
                    None
                };
                let is_srcset = before
                    .strip_suffix("srcset=")
                    .is_some_and(|b| b.ends_with(char::is_whitespace));
                if in_quote && is_srcset {
                    // Every address of the list (`/a-480.webp 480w, /a-960.webp 960w`).
                    let end = i + 1 + rest.find('"').unwrap_or(rest.len());
                    out.push_str(&html[copied..=i]);
                    let list: Vec<String> = html[i + 1..end]
                        .split(',')
                        .map(|c| {
                            let c = c.trim();
                            if c.starts_with('/') && !c.starts_with("//") {
                                format!("{}{c}", base_url.trim_end_matches('/'))
                            } else {
                                c.to_owned()
                            }
                        })
                        .collect();
                    out.push_str(&list.join(", "));
                    copied = end;
                } else if let Some(prefix) = prefix.filter(|_| in_quote && is_link) {
                    out.push_str(&html[copied..=i]);
                    out.push_str(prefix);
                    copied = i + 1;
                }
            }
            _ => {}
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// The address CAP prints after a link's text: absolute for site paths, the address of
/// `mailto:` and the number of `tel:`; none for anchors and relative links.
fn cap_address(href: &str, base_url: &str) -> Option<String> {
    if href.is_empty() || href.starts_with('#') {
        None
    } else if href.starts_with('/') && !href.starts_with("//") {
        Some(format!("{base_url}{href}"))
    } else if let Some(mail) = href.strip_prefix("mailto:") {
        Some(mail.to_owned())
    } else if let Some(tel) = href.strip_prefix("tel:") {
        Some(tel.to_owned())
    } else if href.contains(':') {
        Some(href.to_owned())
    } else {
        None
    }
}

/// First strong isolate, left-to-right isolate and pop directional isolate: `<bdi>` in text.
const FSI: char = '\u{2068}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const PDI: char = '\u{2069}';

/// Characters that take no width of their own: direction marks and isolates, joiners, and the
/// combining marks of Latin and Arabic script (harakat).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, FSI | LRI | RLI | PDI | '\u{200b}'..='\u{200f}' | '\u{0300}'..='\u{036f}' | '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}')
}

// ---------------------------------------------------------------------------------------------
// The writer: paragraphs are gathered, then written as blocks separated by a blank line; the
// items of a list make one block.

struct TextWriter<'a> {
    flavour: Flavour<'a>,
    base_url: &'a str,
    blocks: Vec<String>,
    /// The paragraph being written (inline text, whitespace not yet collapsed).
    para: String,
    /// Prefix of the paragraph's first line (list marker) and indentation of the others.
    prefix: Option<String>,
    lists: Vec<Option<u32>>,
    /// Open links: the `href` and where the link's text starts.
    links: Vec<(Option<String>, usize)>,
    /// Cells of the table being read: rows of (is header, text).
    table: Option<Vec<Vec<(bool, String)>>>,
    cell: Option<(bool, String)>,
    heading: Option<char>,
    pre: bool,
    /// The last block is a list that is still open.
    list_open: bool,
    /// Open `<sup>`s, whether each is a footnote mark (CAP writes those in brackets).
    sups: Vec<bool>,
}

impl<'a> TextWriter<'a> {
    fn new(flavour: Flavour<'a>, base_url: &'a str) -> Self {
        TextWriter {
            flavour,
            base_url,
            blocks: Vec::new(),
            para: String::new(),
            prefix: None,
            lists: Vec::new(),
            links: Vec::new(),
            table: None,
            cell: None,
            heading: None,
            pre: false,
            list_open: false,
            sups: Vec::new(),
        }
    }

    fn email(&self) -> bool {
        matches!(self.flavour, Flavour::Email { .. })
    }

    fn buf(&mut self) -> &mut String {
        match &mut self.cell {
            Some((_, s)) => s,
            None => &mut self.para,
        }
    }

    fn text(&mut self, t: &str) {
        let t = decode_entities(t);
        self.push_text(&t);
    }

    /// Writes `t` with its white space collapsed (kept as it is in `<pre>`).
    fn push_text(&mut self, t: &str) {
        if self.pre {
            self.para.push_str(t);
            return;
        }
        let nbsp = if self.email() { ' ' } else { '\u{a0}' };
        let buf = self.buf();
        for c in t.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !buf.ends_with(' ') && !buf.ends_with('\n') && !buf.is_empty() {
                    buf.push(' ');
                }
            } else if c == '\u{a0}' {
                buf.push(nbsp);
            } else {
                buf.push(c);
            }
        }
    }

    fn indent(&self) -> String {
        let width = if self.email() { 3 } else { 2 };
        " ".repeat(self.lists.len().saturating_sub(1) * width)
    }

    fn flush(&mut self) {
        let para = std::mem::take(&mut self.para);
        let prefix = self.prefix.take();
        if self.pre {
            let text = para.trim_matches('\n');
            if !text.is_empty() {
                let text = if self.email() {
                    text.to_owned()
                } else {
                    text.lines()
                        .map(str::trim_end)
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                self.blocks.push(text);
            }
            return;
        }
        let email = self.email();
        let mut lines: Vec<&str> = para.split('\n').map(str::trim).collect();
        if !email {
            // CAP never has a blank line inside a paragraph.
            lines.retain(|l| !l.is_empty());
        }
        let text = lines.join("\n");
        let text = text.trim();
        if text.is_empty() {
            // A list item whose text comes in a paragraph of its own keeps its marker for it.
            self.prefix = prefix;
            return;
        }
        // CAP indents only a list item's first line, by its marker.
        let indent = if email || prefix.is_some() {
            self.indent()
        } else {
            String::new()
        };
        let mut block = String::new();
        let first_prefix = prefix.clone().unwrap_or_default();
        let (indent_next, hang) = if email {
            (indent.clone(), " ".repeat(first_prefix.chars().count()))
        } else {
            (String::new(), String::new())
        };
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                block.push('\n');
                block.push_str(&indent_next);
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

    fn start(&mut self, name: &str, attrs: &[(String, String)]) {
        let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let email = self.email();
        match name {
            "p" | "div" | "section" | "figure" | "dl" | "details" | "blockquote" => self.flush(),
            "article" | "header" | "footer" | "aside" | "figcaption" | "dt" | "dd" | "address"
            | "summary"
                if email =>
            {
                self.flush()
            }
            "h1" | "h2" => {
                self.flush();
                self.heading = email.then_some('=');
            }
            "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = email.then_some('-');
            }
            "pre" => {
                self.flush();
                self.pre = true;
            }
            "hr" => {
                self.flush();
                if email {
                    self.blocks.push("* * *".into());
                }
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
                let href = get("href").map(str::to_owned);
                let at = self.buf().len();
                self.links.push((href, at));
            }
            "img" => {
                let alt = get("alt").unwrap_or("").trim().to_owned();
                if alt.is_empty() {
                } else if let Flavour::Email { page_url } = self.flavour {
                    self.text(&alt);
                    if let Some(src) = get("src").map(|s| absolute(s, self.base_url, page_url)) {
                        self.buf().push_str(&format!(" <{src}>"));
                    }
                } else {
                    self.push_text(&format!("[{alt}]"));
                }
            }
            "sup" => {
                let footnote = !email && get("class").is_some_and(|c| c.contains("footnote"));
                if footnote {
                    self.push_text("[");
                }
                self.sups.push(footnote);
            }
            "bdi" if email => {
                let c = match get("dir") {
                    Some("ltr") => LRI,
                    Some("rtl") => RLI,
                    _ => FSI,
                };
                self.buf().push(c);
            }
            "del" | "s" | "strike" if email => self.buf().push_str("~~"),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        let email = self.email();
        match name {
            "p" | "div" | "section" | "figure" | "dl" | "details" | "blockquote" | "h1" | "h2"
            | "h3" | "h4" | "h5" | "h6" | "li" => self.flush(),
            "article" | "header" | "footer" | "aside" | "figcaption" | "dt" | "dd" | "address"
            | "summary"
                if email =>
            {
                self.flush()
            }
            // CAP puts each on a line of its own, without a blank line.
            "dt" | "dd" | "caption" if !email => self.buf().push('\n'),
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
                    if email {
                        self.write_records(rows);
                    } else {
                        self.write_rows(rows);
                    }
                }
            }
            "a" => {
                if let Some((Some(href), at)) = self.links.pop() {
                    self.end_link(&href, at);
                }
            }
            "sup" => {
                let footnote = self.sups.pop() == Some(true);
                if footnote {
                    self.buf().push(']');
                }
            }
            "bdi" if email => self.buf().push(PDI),
            "del" | "s" | "strike" if email => self.buf().push_str("~~"),
            _ => {}
        }
    }

    /// Writes a link's address after its text (`at` is where the text starts), unless the text
    /// already is the address.
    fn end_link(&mut self, href: &str, at: usize) {
        let base_url = self.base_url;
        match self.flavour {
            Flavour::Email { page_url } => {
                let href = absolute(href, base_url, page_url);
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
            Flavour::Cap => {
                let text = self.buf().get(at..).unwrap_or("").trim().to_owned();
                if let Some(shown) = cap_address(href, base_url)
                    && !text.is_empty()
                    && text != shown
                    && text != href.strip_prefix("mailto:").unwrap_or(href)
                    && text != href.strip_prefix("tel:").unwrap_or(href)
                {
                    self.push_text(&format!(" ({shown})"));
                }
            }
        }
    }

    /// A table as a list of records: with a header row, each row is written as
    /// `header: value` lines, which reads well in plain text and aloud.
    fn write_records(&mut self, rows: Vec<Vec<(bool, String)>>) {
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

    /// A table a row a line, cells between ` | `.
    fn write_rows(&mut self, rows: Vec<Vec<(bool, String)>>) {
        let lines: Vec<String> = rows
            .iter()
            .filter(|r| !r.is_empty())
            .map(|row| {
                let mut line = String::new();
                for (n, (_, cell)) in row.iter().enumerate() {
                    if n > 0 {
                        line.truncate(line.trim_end().len());
                        line.push_str(" | ");
                    }
                    line.push_str(cell);
                }
                line.trim_end().to_owned()
            })
            .collect();
        if !lines.is_empty() {
            self.blocks.push(lines.join("\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn site_links_and_anchors_become_absolute() {
        let html = r##"<p><a href="/files/a.pdf">a</a> <a href="//cdn.example/x">b</a> <a href="#p1">c</a> <img src="/files/b.png" alt=""> href="/text" <span title="a > b" data-x=" href=/y">x</span> <a href="https://o.example/#x">d</a></p>"##;
        assert_eq!(
            super::absolute_links(html, "https://x.example", "https://x.example/sv/n/"),
            r##"<p><a href="https://x.example/files/a.pdf">a</a> <a href="//cdn.example/x">b</a> <a href="https://x.example/sv/n/#p1">c</a> <img src="https://x.example/files/b.png" alt=""> href="/text" <span title="a > b" data-x=" href=/y">x</span> <a href="https://o.example/#x">d</a></p>"##
        );
    }

    #[test]
    fn every_address_of_a_srcset_becomes_absolute() {
        let html = r#"<picture><source type="image/webp" srcset="/f/a-480.webp 480w, /f/a-960.webp 960w"><img src="/f/a-480.jpg" srcset="/f/a-480.jpg 480w,https://o.example/b.jpg 960w" alt=""></picture>"#;
        assert_eq!(
            super::absolute_links(html, "https://x.example", "https://x.example/sv/n/"),
            r#"<picture><source type="image/webp" srcset="https://x.example/f/a-480.webp 480w, https://x.example/f/a-960.webp 960w"><img src="https://x.example/f/a-480.jpg" srcset="https://x.example/f/a-480.jpg 480w, https://o.example/b.jpg 960w" alt=""></picture>"#
        );
    }

    use super::*;

    const BASE: &str = "https://www.ekvik.example";
    const PAGE: &str = "https://www.ekvik.example/sv/notices/x/";
    const EMAIL: Flavour = Flavour::Email { page_url: PAGE };

    #[test]
    fn cap_paragraphs_headings_and_inline_markup() {
        let html = "<p>Vid en <strong>rutinkontroll</strong> hittades E.&nbsp;coli &amp; mer.</p>\n<h2 id=\"a\">Det h&#228;r g&#xE4;ller</h2>\n<p>Två\nrader.</p>\n";
        assert_eq!(
            html_to_text(html, BASE, Flavour::Cap),
            "Vid en rutinkontroll hittades E.\u{a0}coli & mer.\n\nDet här gäller\n\nTvå rader."
        );
    }

    #[test]
    fn cap_lists_tables_and_links() {
        let html = "<ul>\n<li>Ett</li>\n<li>Två<ol start=\"3\"><li>a</li><li>b</li></ol></li>\n</ul>\n<p>Se <a href=\"/sv/press/x/\">pressmeddelandet</a> och <a href=\"mailto:a@b.example\">a@b.example</a>, <a href=\"#top\">upp</a>.</p>\n<table><thead><tr><th>Vad</th><th>Var</th></tr></thead><tbody>\n<tr><td>Telefon</td><td>+46 1</td></tr>\n</tbody></table>\n<!-- note --><script>alert(1)</script><p>Slut<br />rad</p>";
        assert_eq!(
            html_to_text(html, BASE, Flavour::Cap),
            "- Ett\n- Två\n  3. a\n  4. b\n\nSe pressmeddelandet (https://www.ekvik.example/sv/press/x/) och a@b.example, upp.\n\nVad | Var\nTelefon | +46 1\n\nSlut\nrad"
        );
    }

    #[test]
    fn cap_footnote_marks_and_images() {
        let html = "<p>Mer<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup> och <img src=\"/k.png\" alt=\" Karta \"></p>";
        assert_eq!(html_to_text(html, BASE, Flavour::Cap), "Mer[1] och [Karta]");
    }

    #[test]
    fn email_has_lists_tables_and_full_urls() {
        let t = html_to_text(
            "<h2 id=\"a\">Det här gäller</h2>\n<ul>\n<li>Skolor är <strong>stängda</strong>.</li>\n<li>Mejla <a href=\"mailto:a@b.example\">a@b.example</a> eller läs <a href=\"/sv/x/\">meddelandet</a>.</li>\n</ul>\n<ol><li>Ett</li><li>Två</li></ol><table><thead><tr><th>Vad</th><th>När</th></tr></thead><tbody><tr><td>Telefon</td><td>7&ndash;20</td></tr></tbody></table><p>Slut &amp; klart</p>",
            BASE,
            EMAIL,
        );
        assert_eq!(
            t,
            "Det här gäller\n==============\n\n- Skolor är stängda.\n- Mejla a@b.example eller läs meddelandet <https://www.ekvik.example/sv/x/>.\n\n1. Ett\n2. Två\n\n- Vad: Telefon\n  När: 7–20\n\nSlut & klart"
        );
    }

    #[test]
    fn scripts_and_comments_vanish() {
        for flavour in [EMAIL, Flavour::Cap] {
            let t = html_to_text(
                "<p>a<!-- x --><script>alert(1)</script>b</p>",
                BASE,
                flavour,
            );
            assert_eq!(t, "ab");
        }
        assert_eq!(decode_entities("&#x41;&#66;&bogus;&"), "AB&bogus;&");
        assert_eq!(
            decode_entities("A & B &unknown; &#65;"),
            "A & B &unknown; A"
        );
    }
}
