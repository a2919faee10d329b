//! Plain text from the HTML of a rendered body, for CAP's `description`: tags are dropped,
//! entities decoded, paragraphs and headings separated by a blank line, list items on lines of
//! their own (`- ` or `1. `), table rows as `cell | cell`, and links followed by their absolute
//! address when it differs from the link text.

/// The text of `html`; site paths in links (`/sv/press/x/`) are made absolute with `base_url`.
pub fn html_to_text(html: &str, base_url: &str) -> String {
    let mut out = Out::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.text(&decode_entities(&rest[..lt]));
        let after = &rest[lt..];
        if let Some(body) = after.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |e| &body[e + 3..]);
            continue;
        }
        let Some(end) = tag_end(after) else {
            // A lone `<` (never written by the Markdown renderer): it is text.
            out.text(after);
            rest = "";
            break;
        };
        let tag = Tag::parse(&after[1..end - 1]);
        rest = &after[end..];
        if matches!(tag.name.as_str(), "script" | "style") && !tag.closing {
            let close = format!("</{}", tag.name);
            rest = find_ascii_ci(rest, &close)
                .map_or("", |i| &rest[i..])
                .split_once('>')
                .map_or("", |(_, r)| r);
            continue;
        }
        out.tag(&tag, base_url);
    }
    out.text(&decode_entities(rest));
    out.finish()
}

/// Where the tag starting at `s[0] == '<'` ends (just past its `>`), skipping quoted values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[derive(Debug, Default)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    /// Parses the inside of `<…>`.
    fn parse(inner: &str) -> Tag {
        let inner = inner.trim_end_matches('/').trim();
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(r) => (true, r.trim_start()),
            None => (false, inner),
        };
        let name_end = inner
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut s = inner[name_end..].trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        while !s.is_empty() {
            let key_end = s
                .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
                .unwrap_or(s.len());
            let key = s[..key_end].to_ascii_lowercase();
            s = s[key_end..].trim_start();
            let mut value = String::new();
            if let Some(r) = s.strip_prefix('=') {
                let r = r.trim_start();
                let (v, after) = match r.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let body = &r[1..];
                        let e = body.find(q).unwrap_or(body.len());
                        (&body[..e], body.get(e + 1..).unwrap_or(""))
                    }
                    _ => {
                        let e = r.find(char::is_whitespace).unwrap_or(r.len());
                        (&r[..e], &r[e..])
                    }
                };
                value = decode_entities(v);
                s = after;
            }
            if !key.is_empty() {
                attrs.push((key, value));
            }
            s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        }
        Tag {
            name,
            closing,
            attrs,
        }
    }

    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
enum List {
    Bullets,
    Numbers(u64),
}

#[derive(Debug, Default)]
struct Out {
    s: String,
    /// Whitespace seen since the last character written.
    space: bool,
    /// Line breaks wanted before the next text (1: new line, 2: blank line).
    breaks: usize,
    /// Written at the start of the next text (a list item's bullet).
    prefix: String,
    lists: Vec<List>,
    pre: usize,
    /// Open links: the output length at the start and the address.
    links: Vec<(usize, Option<String>)>,
    /// Cells written in the current table row.
    cells: usize,
}

impl Out {
    fn brk(&mut self, n: usize) {
        self.breaks = self.breaks.max(n);
        self.space = false;
    }

    /// Writes what is pending before the next visible character.
    fn flush(&mut self) {
        if self.breaks > 0 {
            let trimmed = self.s.trim_end_matches([' ', '\t']).len();
            self.s.truncate(trimmed);
            if !self.s.is_empty() {
                let have = self.s.len() - self.s.trim_end_matches('\n').len();
                for _ in have..self.breaks {
                    self.s.push('\n');
                }
            }
            self.breaks = 0;
            self.space = false;
        }
        if !self.prefix.is_empty() {
            self.s.push_str(&std::mem::take(&mut self.prefix));
            self.space = false;
        }
        if self.space && !self.s.is_empty() && !self.s.ends_with(['\n', ' ']) {
            self.s.push(' ');
        }
        self.space = false;
    }

    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            if !t.is_empty() {
                self.flush();
                self.s.push_str(t);
            }
            return;
        }
        for c in t.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                self.space = true;
            } else {
                self.flush();
                self.s.push(c);
            }
        }
    }

    fn tag(&mut self, tag: &Tag, base_url: &str) {
        let para = if self.lists.is_empty() { 2 } else { 1 };
        match (tag.name.as_str(), tag.closing) {
            ("p" | "div" | "blockquote" | "figure" | "dl" | "details" | "section", _) => {
                self.brk(para)
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "hr" | "table", _) => self.brk(2),
            ("pre", false) => {
                self.brk(para);
                self.pre += 1;
            }
            ("pre", true) => {
                self.pre = self.pre.saturating_sub(1);
                self.brk(para);
            }
            ("br", _) => self.brk(1),
            ("ul", false) => {
                self.brk(para);
                self.lists.push(List::Bullets);
            }
            ("ol", false) => {
                self.brk(para);
                let start = tag.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1);
                self.lists.push(List::Numbers(start));
            }
            ("ul" | "ol", true) => {
                self.lists.pop();
                let para = if self.lists.is_empty() { 2 } else { 1 };
                self.brk(para);
            }
            ("li", false) => {
                self.brk(1);
                let indent = "  ".repeat(self.lists.len().saturating_sub(1));
                let bullet = match self.lists.last_mut() {
                    Some(List::Numbers(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_owned(),
                };
                self.prefix = format!("{indent}{bullet}");
            }
            ("li" | "dt" | "dd" | "caption", _) => self.brk(1),
            ("tr", false) => {
                self.brk(1);
                self.cells = 0;
            }
            ("td" | "th", false) => {
                if self.cells > 0 {
                    self.flush();
                    let trimmed = self.s.trim_end_matches(' ').len();
                    self.s.truncate(trimmed);
                    self.s.push_str(" | ");
                }
                self.cells += 1;
            }
            ("img", false) => {
                if let Some(alt) = tag.attr("alt").filter(|a| !a.trim().is_empty()) {
                    self.text(&format!("[{}]", alt.trim()));
                }
            }
            ("sup", false) if tag.attr("class").is_some_and(|c| c.contains("footnote")) => {
                self.text("[");
                self.links.push((usize::MAX, None));
            }
            ("sup", true) if self.links.last().is_some_and(|l| l.0 == usize::MAX) => {
                self.links.pop();
                self.s.push(']');
            }
            ("a", false) => {
                // Breaks, a bullet and a space belong before the link text.
                self.flush();
                let href = tag.attr("href").map(str::to_owned);
                self.links.push((self.s.len(), href));
            }
            ("a", true) => {
                if let Some((start, Some(href))) = self.links.pop() {
                    let text = self.s.get(start..).unwrap_or("").trim().to_owned();
                    if let Some(shown) = link_address(&href, base_url)
                        && !text.is_empty()
                        && text != shown
                        && text != href.strip_prefix("mailto:").unwrap_or(&href)
                        && text != href.strip_prefix("tel:").unwrap_or(&href)
                    {
                        self.text(&format!(" ({shown})"));
                    }
                }
            }
            _ => {}
        }
    }

    fn finish(self) -> String {
        let lines: Vec<&str> = self.s.lines().map(str::trim_end).collect();
        lines.join("\n").trim().to_owned()
    }
}

/// The address to print after a link's text: absolute for site paths, none for anchors.
fn link_address(href: &str, base_url: &str) -> Option<String> {
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
        // A relative link (a file beside the document) means nothing outside the page.
        None
    }
}

/// Decodes character references: the named ones HTML writers use and every numeric one.
pub fn decode_entities(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://x.example";

    #[test]
    fn paragraphs_headings_and_inline_markup() {
        let html = "<p>Vid en <strong>rutinkontroll</strong> hittades E.&nbsp;coli &amp; mer.</p>\n<h2 id=\"a\">Det h&#228;r g&#xE4;ller</h2>\n<p>Två\nrader.</p>\n";
        assert_eq!(
            html_to_text(html, BASE),
            "Vid en rutinkontroll hittades E.\u{a0}coli & mer.\n\nDet här gäller\n\nTvå rader."
        );
    }

    #[test]
    fn lists_tables_and_links() {
        let html = "<ul>\n<li>Ett</li>\n<li>Två<ol start=\"3\"><li>a</li><li>b</li></ol></li>\n</ul>\n<p>Se <a href=\"/sv/press/x/\">pressmeddelandet</a> och <a href=\"mailto:a@b.example\">a@b.example</a>, <a href=\"#top\">upp</a>.</p>\n<table><thead><tr><th>Vad</th><th>Var</th></tr></thead><tbody>\n<tr><td>Telefon</td><td>+46 1</td></tr>\n</tbody></table>\n<!-- note --><script>alert(1)</script><p>Slut<br />rad</p>";
        assert_eq!(
            html_to_text(html, BASE),
            "- Ett\n- Två\n  3. a\n  4. b\n\nSe pressmeddelandet (https://x.example/sv/press/x/) och a@b.example, upp.\n\nVad | Var\nTelefon | +46 1\n\nSlut\nrad"
        );
    }

    #[test]
    fn entities_that_are_not_entities_stay() {
        assert_eq!(
            decode_entities("A & B &unknown; &#65;"),
            "A & B &unknown; A"
        );
    }
}
