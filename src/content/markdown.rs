//! Markdown to HTML: CommonMark with tables, footnotes, strikethrough and heading attributes.
//! Headings get stable ids, links between documents (`@/kind/slug`) and to attached files are
//! resolved and checked, and raw HTML is sanitised unless the site trusts it.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Ids already used on one page; headings get `-2`, `-3`… when their text repeats.
#[derive(Debug, Default)]
pub struct Ids(HashMap<String, usize>);

impl Ids {
    pub fn unique(&mut self, wanted: &str) -> String {
        let base = if wanted.is_empty() {
            "section".to_owned()
        } else {
            wanted.to_owned()
        };
        let n = self.0.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}-{n}") }
    }
}

/// A URL-safe id from heading text; keeps letters of every script so Arabic headings get ids.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingInfo {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// Byte offset in the file.
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `@/kind/slug`: another document.
    Document,
    /// `/sv/...`: a path on this site.
    SitePath,
    /// `#id`: a place on the same page.
    Anchor,
    /// A file beside the document.
    File,
    External,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub dest: String,
    pub kind: LinkKind,
    /// The link's text (for the vague-link-text check).
    pub text: String,
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub src: String,
    pub alt: String,
    pub offset: usize,
}

/// A problem in the Markdown, at a byte offset of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
    pub hint: String,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<HeadingInfo>,
    pub links: Vec<LinkRef>,
    pub images: Vec<ImageRef>,
    pub files: Vec<String>,
    pub problems: Vec<Problem>,
}

/// How links leave this document.
pub trait Resolver {
    /// URL of `@/kind/slug` (without `#anchor`) for the reader's language, or a hint why not.
    fn document(&self, target: &str) -> Result<String, String>;
    /// Whether a file of this name lies beside the document.
    fn has_file(&self, name: &str) -> bool;
    /// Public URL of a file beside the document.
    fn file_url(&self, name: &str) -> String;
    /// The published sizes of an image beside the document, when it is one.
    fn picture(&self, _name: &str) -> Option<crate::content::picture::Source<'_>> {
        None
    }
}

pub struct RenderOptions {
    pub allow_html: bool,
    /// Added to every heading level (1 when the body uses `#`, so that the page title stays the
    /// only `h1`).
    pub shift: u8,
    /// The document is in a right-to-left language: wrap phone numbers, e-mail addresses, web
    /// addresses, Latin codes and names (`BUN 2026/77`, dates) in `<bdi dir="ltr">`, so that the
    /// bidirectional algorithm does not reorder their parts (`+46 31 390 06 55` would otherwise
    /// show as `55 06 390 31 +46`). In a left-to-right document runs of Arabic or Hebrew script
    /// get `<bdi dir="rtl">` instead (see [`isolated_runs`]).
    pub right_to_left: bool,
}

/// Opens the isolation of a run found by [`isolated_runs`]; numbers alone (phone numbers, dates)
/// get the class `tel`, which the theme keeps on one line.
fn bdi_open(run: &str, right_to_left: bool) -> &'static str {
    if !right_to_left {
        return "<bdi dir=\"rtl\">";
    }
    let numeric = run.chars().all(|c| {
        c.is_ascii_digit()
            || ('\u{0660}'..='\u{0669}').contains(&c)
            || ('\u{06F0}'..='\u{06F9}').contains(&c)
            || matches!(c, ' ' | '-' | '+' | '\u{a0}')
    });
    if numeric {
        "<bdi dir=\"ltr\" class=\"tel\">"
    } else {
        "<bdi dir=\"ltr\">"
    }
}

/// The runs of `text` to isolate from text around them: in right-to-left text the runs that
/// keep left-to-right order ([`ltr_runs`]), in left-to-right text the runs of right-to-left
/// script ([`rtl_runs`]).
pub fn isolated_runs(text: &str, right_to_left: bool) -> Vec<std::ops::Range<usize>> {
    if right_to_left {
        ltr_runs(text)
    } else {
        rtl_runs(text)
    }
}

/// The byte ranges of `text` that keep left-to-right order whatever surrounds them: e-mail and
/// web addresses, phone numbers (`+46 31 390 06 55`, `031-390 06 00`: seven digits or more, or
/// six after `+`, in groups) and Latin codes with a digit and a letter, `-` or `/` (case numbers
/// such as `BUN-2026/318` or `17.01.00-A00-3-26`, ISO dates), and runs of Latin words with the
/// digits and punctuation between them (`BUN 2026/77`, `E. coli`, `Anna Berg`).
pub fn ltr_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = email_addresses(text);
    found.extend(web_addresses(text));
    found.extend(phone_numbers(text));
    found.extend(codes(text));
    found.extend(latin_runs(text));
    // Earliest first; overlapping ranges (a code within a Latin run) become one.
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for r in found {
        match runs.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => runs.push(r),
        }
    }
    runs
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c < '\u{0250}' || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// Runs that start with a Latin letter and go on over Latin letters, ASCII digits and the
/// punctuation inside names, codes and addresses; punctuation and spaces join only when Latin
/// or a digit follows them.
fn latin_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| cs.get(k).map_or(text.len(), |c| c.0);
    let strong = |k: usize| {
        cs.get(k)
            .is_some_and(|&(_, c)| is_latin_letter(c) || c.is_ascii_digit())
    };
    let inner = |k: usize| {
        cs.get(k)
            .is_some_and(|&(_, c)| "-/.:_@+&'’#%=?~".contains(c))
    };
    let space = |k: usize| cs.get(k).is_some_and(|&(_, c)| matches!(c, ' ' | '\u{a0}'));
    let mut found = Vec::new();
    let mut k = 0;
    while k < cs.len() {
        let word_start = k == 0 || !cs[k - 1].1.is_alphanumeric();
        if !(word_start && cs.get(k).is_some_and(|&(_, c)| is_latin_letter(c))) {
            k += 1;
            continue;
        }
        let (mut j, mut end) = (k, k);
        loop {
            if strong(j) {
                j += 1;
                end = j;
            } else {
                // Up to three marks and spaces (`E. coli`, `a / b`) between strong characters.
                let n = (0..3).take_while(|&n| inner(j + n) || space(j + n)).count();
                if n == 0 || !strong(j + n) {
                    break;
                }
                j += n;
            }
        }
        // Not the start of a word in another script (`Aبc`).
        if !cs.get(end).is_some_and(|&(_, c)| c.is_alphanumeric()) {
            found.push(at(k)..at(end));
        }
        k = end.max(k + 1);
    }
    found
}

/// A character of Hebrew or Arabic script (letters, marks, digits, punctuation).
fn is_rtl_script(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Runs of Hebrew or Arabic script in left-to-right text: from a right-to-left letter to the
/// last character of that script, over the spaces, digits and punctuation between them
/// (`مدرسة النور`), so that a number or word after the run is not pulled into it.
pub fn rtl_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<std::ops::Range<usize>> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if is_rtl_script(c) {
            match open.as_mut() {
                Some(r) => r.end = end,
                None if c.is_alphabetic() => open = Some(i..end),
                None => {}
            }
        } else if !(c.is_whitespace() || c.is_ascii_digit() || "-/.,:;'\"()!?".contains(c)) {
            // A letter of another script, or a symbol, ends the run.
            found.extend(open.take());
        }
    }
    found.extend(open);
    found
}

/// E-mail addresses: around each `@`.
fn email_addresses(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-';
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let mut start = at;
        while start > 0 && local(b[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < b.len() && domain(b[end]) {
            end += 1;
        }
        while end > at + 1 && b[end - 1] == b'.' {
            end -= 1;
        }
        if start < at && text[at + 1..end].contains('.') {
            found.push(start..end);
        }
    }
    found
}

/// Web addresses, to the next space.
fn web_addresses(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    for scheme in ["https://", "http://"] {
        for (start, _) in text.match_indices(scheme) {
            let mut end = text[start..]
                .find(char::is_whitespace)
                .map_or(text.len(), |n| start + n);
            while end > start && b".,;:!?)".contains(&b[end - 1]) {
                end -= 1;
            }
            found.push(start..end);
        }
    }
    found
}

/// Phone numbers: groups of digits (Latin, Arabic-Indic or Persian) separated by one space or
/// dash.
fn phone_numbers(text: &str) -> Vec<std::ops::Range<usize>> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| cs.get(k).map_or(text.len(), |c| c.0);
    let is_digit = |k: usize| {
        cs.get(k).is_some_and(|&(_, c)| {
            c.is_ascii_digit()
                || ('\u{0660}'..='\u{0669}').contains(&c)
                || ('\u{06F0}'..='\u{06F9}').contains(&c)
        })
    };
    let word = |k: usize| cs.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    let mut found = Vec::new();
    let mut k = 0;
    while k < cs.len() {
        let plus = cs[k].1 == '+';
        if (is_digit(k) || (plus && is_digit(k + 1))) && (k == 0 || !word(k - 1)) {
            let mut j = k + usize::from(plus);
            let (mut digits, mut groups) = (0, 0);
            loop {
                let g = j;
                while is_digit(j) {
                    j += 1;
                }
                digits += j - g;
                groups += 1;
                if matches!(cs.get(j), Some((_, ' ' | '-' | '\u{a0}'))) && is_digit(j + 1) {
                    j += 1;
                } else {
                    break;
                }
            }
            if !word(j) && groups > 1 && (digits >= 7 || (plus && digits >= 6)) {
                found.push(at(k)..at(j));
            }
            k = j.max(k + 1);
            continue;
        }
        k += 1;
    }
    found
}

/// Codes: letters and digits joined by `-`, `/` or `.`, with a digit and a letter, `-` or `/`.
fn codes(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let alnum = |i: usize| i < b.len() && b[i].is_ascii_alphanumeric();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if word_start && alnum(i) {
            let mut j = i;
            let (mut has_digit, mut marked) = (false, false);
            loop {
                while alnum(j) {
                    has_digit |= b[j].is_ascii_digit();
                    marked |= b[j].is_ascii_alphabetic();
                    j += 1;
                }
                if j + 1 < b.len() && b"-/.".contains(&b[j]) && alnum(j + 1) {
                    marked |= b[j] != b'.';
                    j += 1;
                } else {
                    break;
                }
            }
            // Not a word of a longer non-ASCII word (`2026م`).
            let whole = text[j..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if has_digit
                && marked
                && whole
                && j - i > 2
                && text[i..j].contains(|c: char| !c.is_ascii_digit())
            {
                found.push(i..j);
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    found
}

/// Plain text as HTML, with its [`isolated_runs`] in `<bdi>`: Latin runs in text of a
/// right-to-left language, right-to-left runs in any other.
pub fn isolated_html(text: &str, right_to_left: bool) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for r in isolated_runs(text, right_to_left) {
        escape_into(&mut out, &text[at..r.start]);
        out.push_str(bdi_open(&text[r.clone()], right_to_left));
        escape_into(&mut out, &text[r.clone()]);
        out.push_str("</bdi>");
        at = r.end;
    }
    escape_into(&mut out, &text[at..]);
    out
}

/// [`isolated_html`] with phone numbers as `tel:` links and e-mail addresses as `mailto:` links:
/// for a notice's instruction, which a parent on a phone acts on at once.
pub fn contact_html(text: &str, right_to_left: bool) -> String {
    let mut links: Vec<(std::ops::Range<usize>, String)> = email_addresses(text)
        .into_iter()
        .map(|r| {
            let href = format!("mailto:{}", &text[r.clone()]);
            (r, href)
        })
        .chain(phone_numbers(text).into_iter().map(|r| {
            let href = format!("tel:{}", dial_string(&text[r.clone()]));
            (r, href)
        }))
        .collect();
    links.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (r, href) in links {
        if r.start < at {
            continue;
        }
        out.push_str(&isolated_html(&text[at..r.start], right_to_left));
        out.push_str("<a href=\"");
        escape_into(&mut out, &href);
        out.push_str(if href.starts_with("tel:") {
            "\" class=\"tel\">"
        } else {
            "\">"
        });
        out.push_str(&isolated_html(&text[r.clone()], right_to_left));
        out.push_str("</a>");
        at = r.end;
    }
    out.push_str(&isolated_html(&text[at..], right_to_left));
    out
}

/// A phone number as a `tel:` address wants it: `+` and Latin digits only.
fn dial_string(number: &str) -> String {
    number
        .chars()
        .filter_map(|c| match c {
            '+' => Some('+'),
            '0'..='9' => Some(c),
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
            _ => None,
        })
        .collect()
}

/// `& < > "` escaped, `'` not: the pages' text as it has always been written.
fn escape_into(out: &mut String, s: &str) {
    html_escape::encode_double_quoted_attribute_to_string(s, out);
}

/// Whether the body uses level-1 headings (then every level is shifted down by one).
pub fn uses_h1(src: &str) -> bool {
    // A level-1 heading needs a line that starts, after indentation and container markers,
    // with `#` and a space (or is just `#`), or a setext underline of `=`: without one, the
    // Markdown need not be parsed.
    let candidate = src.lines().any(|line| {
        let rest = line.trim_start_matches([
            ' ', '\t', '>', '-', '*', '+', '.', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8',
            '9',
        ]);
        rest.strip_prefix('#')
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
            || (!rest.is_empty() && rest.trim_end().chars().all(|c| c == '='))
    });
    candidate
        && Parser::new_ext(src, parser_options()).any(|e| {
            matches!(
                e,
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                })
            )
        })
}

fn shifted(level: HeadingLevel, by: u8) -> HeadingLevel {
    let n = (level as u8 + by).min(6);
    HeadingLevel::try_from(n as usize).unwrap_or(HeadingLevel::H6)
}

fn is_external(dest: &str) -> bool {
    let scheme_end = dest.find(':');
    let slash = dest.find('/');
    matches!((scheme_end, slash), (Some(c), Some(s)) if c < s)
        || dest.starts_with("mailto:")
        || dest.starts_with("tel:")
        || dest.starts_with("//")
}

/// Renders `src`, which starts at byte `base` of its file.
pub fn render(
    src: &str,
    base: usize,
    opts: &RenderOptions,
    resolver: &dyn Resolver,
    ids: &mut Ids,
) -> Rendered {
    let mut r = Renderer {
        opts,
        resolver,
        ids,
        out: Rendered::default(),
        events: Vec::new(),
        heading: None,
        link_text: None,
        image: None,
        raw_html: false,
        in_code_block: false,
        table: None,
    };
    for (event, range) in Parser::new_ext(src, parser_options()).into_offset_iter() {
        r.event(event, base + range.start);
    }
    r.finish()
}

/// The state of one [`render`]: the events to write as HTML, and what is open among them.
struct Renderer<'a, 'r> {
    opts: &'r RenderOptions,
    resolver: &'r dyn Resolver,
    ids: &'r mut Ids,
    out: Rendered,
    events: Vec<Event<'a>>,
    /// A heading's events are held until its end, when its text gives its id.
    heading: Option<OpenHeading<'a>>,
    /// The open link (its index in `out.links`) and its text so far.
    link_text: Option<(usize, String)>,
    /// The open image's offset, source and title.
    image: Option<(usize, String, String)>,
    raw_html: bool,
    in_code_block: bool,
    /// Where the open table starts in `events`: at its end its cells are looked at as a whole.
    table: Option<usize>,
}

struct OpenHeading<'a> {
    level: HeadingLevel,
    /// Written as `{#id}`.
    id: Option<String>,
    offset: usize,
    inner: Vec<Event<'a>>,
}

impl<'a> Renderer<'a, '_> {
    /// Takes one event of the parser, at byte `offset` of the file. One match over the kinds of
    /// event, each handled in a line or by a method.
    fn event(&mut self, event: Event<'a>, offset: usize) {
        let event = match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some(OpenHeading {
                    level,
                    id: id.map(|s| s.to_string()),
                    offset,
                    inner: Vec::new(),
                });
                return;
            }
            Event::End(TagEnd::Heading(_)) => return self.end_heading(),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => self.start_link(link_type, dest_url, title, id, offset),
            Event::End(TagEnd::Link) => {
                if let Some((i, text)) = self.link_text.take() {
                    self.out.links[i].text = text;
                }
                Event::End(TagEnd::Link)
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => self.start_image(link_type, dest_url, title, id, offset),
            Event::End(TagEnd::Image) => {
                if self.end_image() {
                    return;
                }
                Event::End(TagEnd::Image)
            }
            Event::End(TagEnd::Table) => {
                self.push(event);
                return self.end_table();
            }
            Event::Start(Tag::Table(aligns)) => {
                self.table = Some(self.events.len());
                // Alignment would be an inline style, which the Content-Security-Policy forbids.
                Event::Start(Tag::Table(
                    aligns
                        .iter()
                        .map(|_| pulldown_cmark::Alignment::None)
                        .collect(),
                ))
            }
            Event::Html(t) => {
                self.raw_html = true;
                Event::Html(self.raw_links(t, offset))
            }
            Event::InlineHtml(t) => {
                self.raw_html = true;
                Event::InlineHtml(self.raw_links(t, offset))
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.in_code_block = true;
                event
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code_block = false;
                event
            }
            Event::Text(t) if !self.in_code_block && self.image.is_none() => {
                let runs = isolated_runs(&t, self.opts.right_to_left);
                if runs.is_empty() {
                    Event::Text(t)
                } else {
                    return self.isolated_text(t, runs);
                }
            }
            other => other,
        };
        self.push(event);
    }

    /// Adds an event, to the open link's text too when it is text.
    fn push(&mut self, event: Event<'a>) {
        if let Some((_, text)) = self.link_text.as_mut()
            && let Event::Text(t) | Event::Code(t) = &event
        {
            text.push_str(t);
        }
        self.emit(event);
    }

    /// Adds an event to the open heading, or else to the page.
    fn emit(&mut self, event: Event<'a>) {
        match self.heading.as_mut() {
            Some(h) => h.inner.push(event),
            None => self.events.push(event),
        }
    }

    /// Writes the heading with its unique id, its level shifted.
    fn end_heading(&mut self) {
        let Some(OpenHeading {
            level,
            id,
            offset,
            inner,
        }) = self.heading.take()
        else {
            return;
        };
        let text = plain_text(&inner);
        let id = self.ids.unique(&id.unwrap_or_else(|| slugify(&text)));
        let level = shifted(level, self.opts.shift);
        self.out.headings.push(HeadingInfo {
            level: level as u8,
            id: id.clone(),
            text,
            offset,
        });
        self.events.push(Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(id)),
            classes: Vec::new(),
            attrs: Vec::new(),
        }));
        self.events.extend(inner);
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    /// Puts the table just ended in a frame of its own that scrolls sideways when the table is
    /// wider than the page (so that no word or number need break), labelled by the heading above
    /// it (or its column headings) and focusable, so that keyboard users can scroll it too; its
    /// columns of numbers get the class `num` (right-aligned, tabular figures, one line).
    fn end_table(&mut self) {
        let Some(start) = self.table.take() else {
            return;
        };
        let numeric = numeric_columns(&self.events[start..]);
        let label = match self.out.headings.last() {
            Some(h) => format!("aria-labelledby=\"{}\"", attribute(&h.id)),
            None => format!(
                "aria-label=\"{}\"",
                attribute(&head_text(&self.events[start..]))
            ),
        };
        let (mut head, mut column) = (false, 0);
        for e in &mut self.events[start..] {
            match e {
                Event::Start(Tag::TableHead) => (head, column) = (true, 0),
                Event::End(TagEnd::TableHead) => head = false,
                Event::Start(Tag::TableRow) => column = 0,
                Event::Start(Tag::TableCell) => {
                    if numeric.get(column) == Some(&true) {
                        let open = if head {
                            "<th class=\"num\">"
                        } else {
                            "<td class=\"num\">"
                        };
                        *e = Event::InlineHtml(CowStr::Borrowed(open));
                    }
                    column += 1;
                }
                _ => {}
            }
        }
        let open = format!("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" {label}>\n");
        self.events.insert(start, Event::Html(CowStr::from(open)));
        self.events.push(Event::Html(CowStr::Borrowed("</div>\n")));
    }

    /// Raw HTML with the addresses of its links and images (`<a href>`, `<img src>`) resolved as
    /// Markdown ones are: files beside the document, `@/kind/slug`, unsafe schemes refused.
    fn raw_links(&mut self, html: CowStr<'a>, offset: usize) -> CowStr<'a> {
        let mut out = String::new();
        let mut at = 0;
        for a in html_attributes(&html) {
            let image = match (a.tag.as_str(), a.name.as_str()) {
                ("a", "href") => false,
                ("img", "src") => true,
                _ => continue,
            };
            let value = decode_attribute(&html[a.value.clone()]);
            let mut url = if image {
                image_url(&value, offset + a.value.start, self.resolver, &mut self.out)
            } else {
                classify(&value, offset + a.value.start, self.resolver, &mut self.out).1
            };
            let picture = (image && url != "#" && !is_external(&value) && !value.starts_with('/'))
                .then(|| self.resolver.picture(&percent_decode(&value)))
                .flatten();
            if url == value && picture.is_none() {
                continue;
            }
            out.push_str(&html[at..a.value.start]);
            at = a.value.end;
            if let Some(p) = &picture {
                url = p.fallback_url().unwrap_or(url);
            }
            // Percent-encoded as the Markdown writer encodes addresses (`bilag%201.pdf`).
            let url = percent_encoding::utf8_percent_encode(&url, HREF).to_string();
            escape_into(&mut out, &url);
            if let Some(p) = picture {
                // The sizes go after the quote closing `src`, `width` and `height` unless the
                // tag has its own.
                let quoted = matches!(html.as_bytes().get(at), Some(b'"' | b'\''));
                if quoted {
                    out.push_str(&html[at..at + 1]);
                    at += 1;
                }
                let tag_start = html[..a.value.start].rfind('<').unwrap_or(0);
                let tag_end = html[at..].find('>').map_or(html.len(), |n| at + n);
                let tag = html[tag_start..tag_end].to_ascii_lowercase();
                let sized = tag.contains("width=") || tag.contains("height=");
                out.push_str(&p.img_attributes(true, sized));
            }
        }
        if at == 0 {
            return html;
        }
        out.push_str(&html[at..]);
        CowStr::from(out)
    }

    /// Resolves the link's address and opens it (its text follows until its end).
    fn start_link(
        &mut self,
        link_type: pulldown_cmark::LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
        offset: usize,
    ) -> Event<'a> {
        let dest = dest_url.to_string();
        let (kind, url) = if link_type == pulldown_cmark::LinkType::Email {
            (LinkKind::External, dest.clone()) // `<a@b.example>`: the HTML writer adds mailto:
        } else {
            classify(&dest, offset, self.resolver, &mut self.out)
        };
        self.out.links.push(LinkRef {
            dest,
            kind,
            text: String::new(),
            offset,
        });
        self.link_text = Some((self.out.links.len() - 1, String::new()));
        Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::from(url),
            title,
            id,
        })
    }

    /// Resolves the image's source when it is a file beside the document.
    fn start_image(
        &mut self,
        link_type: pulldown_cmark::LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
        offset: usize,
    ) -> Event<'a> {
        let src_attr = dest_url.to_string();
        let url = image_url(&src_attr, offset, self.resolver, &mut self.out);
        self.image = Some((offset, src_attr, title.to_string()));
        Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::from(url),
            title,
            id,
        })
    }

    /// Closes an image: a processed one becomes its `<picture>` (in place of the image's
    /// events, its alt text included), any other stays an `<img>`. Returns whether it was.
    fn end_image(&mut self) -> bool {
        let Some((at, src_attr, title)) = self.image.take() else {
            return false;
        };
        // The alt text is the image's inner text, collected below.
        let alt = alt_text(&self.events);
        // (In a heading the image's events are the heading's: it stays an `<img>`.)
        let picture =
            (self.heading.is_none() && !is_external(&src_attr) && !src_attr.starts_with('/'))
                .then(|| self.resolver.picture(&percent_decode(&src_attr)))
                .flatten()
                .map(|p| p.html(&alt, &title, true));
        self.out.images.push(ImageRef {
            src: src_attr,
            alt,
            offset: at,
        });
        let Some(html) = picture else { return false };
        if let Some(start) = self
            .events
            .iter()
            .rposition(|e| matches!(e, Event::Start(Tag::Image { .. })))
        {
            self.events.truncate(start);
        }
        self.events.push(Event::InlineHtml(CowStr::from(html)));
        true
    }

    /// Text with its [`isolated_runs`] (none empty) isolated.
    fn isolated_text(&mut self, t: CowStr<'a>, runs: Vec<std::ops::Range<usize>>) {
        if let Some((_, text)) = self.link_text.as_mut() {
            text.push_str(&t);
        }
        let mut at = 0;
        for r in runs {
            if r.start > at {
                self.emit(Event::Text(CowStr::from(t[at..r.start].to_owned())));
            }
            let open = bdi_open(&t[r.clone()], self.opts.right_to_left);
            self.emit(Event::InlineHtml(CowStr::Borrowed(open)));
            self.emit(Event::Text(CowStr::from(t[r.clone()].to_owned())));
            self.emit(Event::InlineHtml(CowStr::Borrowed("</bdi>")));
            at = r.end;
        }
        if at < t.len() {
            self.emit(Event::Text(CowStr::from(t[at..].to_owned())));
        }
    }

    fn finish(mut self) -> Rendered {
        pulldown_cmark::html::push_html(&mut self.out.html, self.events.into_iter());
        if self.raw_html && !self.opts.allow_html {
            self.out.html = sanitize(&self.out.html);
        }
        self.out
    }
}

/// For each column of a table's events: whether every cell of its body that is not empty holds a
/// number (and one does).
fn numeric_columns(events: &[Event<'_>]) -> Vec<bool> {
    let mut columns: Vec<Option<bool>> = Vec::new();
    let (mut head, mut column, mut cell) = (false, 0, None::<usize>);
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Start(Tag::TableHead) => head = true,
            Event::End(TagEnd::TableHead) => head = false,
            Event::Start(Tag::TableRow) => column = 0,
            Event::Start(Tag::TableCell) => cell = Some(i + 1),
            Event::End(TagEnd::TableCell) => {
                if let Some(from) = cell.take() {
                    if columns.len() <= column {
                        columns.resize(column + 1, None);
                    }
                    let text = plain_text(&events[from..i]);
                    if !head && !text.is_empty() {
                        let prev = columns[column].unwrap_or(true);
                        columns[column] = Some(prev && is_number(&text));
                    }
                }
                column += 1;
            }
            _ => {}
        }
    }
    columns.into_iter().map(|c| c == Some(true)).collect()
}

/// Whether a table cell holds a number: digits of any script with the separators of amounts,
/// dates and percentages, perhaps a currency sign before or a short unit after (`1 200 000 kr`).
pub fn is_number(text: &str) -> bool {
    let t = text.trim();
    let unit = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '.')
        .last()
        .map_or(t.len(), |(i, _)| i);
    let t = if t.len() - unit <= 6 {
        t[..unit].trim_end()
    } else {
        t
    };
    let t = t.trim_start_matches(['€', '$', '£']).trim_start();
    t.chars().any(char::is_numeric)
        && t.chars().all(|c| {
            c.is_numeric()
                || " \u{a0}\u{202f}.,:'+-\u{2212}\u{2013}%\u{2030}/\u{066b}\u{066c}".contains(c)
        })
}

/// The text of a table's header cells, as a label when no heading names the table.
fn head_text(events: &[Event<'_>]) -> String {
    let from = events
        .iter()
        .position(|e| matches!(e, Event::Start(Tag::TableHead)))
        .unwrap_or(0);
    let to = events
        .iter()
        .position(|e| matches!(e, Event::End(TagEnd::TableHead)))
        .unwrap_or(from);
    let mut cells = Vec::new();
    let mut cell = from;
    for (i, e) in events.iter().enumerate().take(to).skip(from) {
        match e {
            Event::Start(Tag::TableCell) => cell = i + 1,
            Event::End(TagEnd::TableCell) => cells.push(plain_text(&events[cell..i])),
            _ => {}
        }
    }
    cells.join(", ")
}

fn attribute(s: &str) -> String {
    let mut out = String::new();
    escape_into(&mut out, s);
    out
}

/// The text of the events since the last image start: an image's alt text.
fn alt_text(events: &[Event<'_>]) -> String {
    let start = events
        .iter()
        .rposition(|e| matches!(e, Event::Start(Tag::Image { .. })))
        .map_or(0, |i| i + 1);
    plain_text(&events[start..])
}

fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_owned()
}

/// A scheme that runs code or hides content where a reader expects a page: `javascript:`,
/// `vbscript:`, and `data:` but for images. Browsers ignore spaces and control characters in a
/// scheme (`java\tscript:`), so this does too.
pub fn unsafe_scheme(dest: &str, image: bool) -> Option<&'static str> {
    let folded: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .into_iter()
        .find(|s| folded.starts_with(s))
        .filter(|s| !(image && *s == "data:" && folded.starts_with("data:image/")))
}

fn unsafe_problem(dest: &str, scheme: &str, offset: usize, out: &mut Rendered) {
    let shown: String = dest.chars().take(40).collect();
    out.problems.push(Problem {
        offset,
        message: format!("unsafe link scheme `{scheme}` in `{shown}`"),
        hint: "links may lead to https:, mailto: and tel: addresses, to @/kind/slug or to files beside the document; `data:` is allowed only for images".into(),
    });
}

/// The address of an image: a file beside the document resolved, an unsafe scheme refused.
fn image_url(src: &str, offset: usize, resolver: &dyn Resolver, out: &mut Rendered) -> String {
    if let Some(scheme) = unsafe_scheme(src, true) {
        unsafe_problem(src, scheme, offset, out);
        "#".into()
    } else if is_external(src) || src.starts_with('/') {
        src.to_owned()
    } else {
        file_link(src, offset, resolver, out)
    }
}

fn classify(
    dest: &str,
    offset: usize,
    resolver: &dyn Resolver,
    out: &mut Rendered,
) -> (LinkKind, String) {
    if let Some(scheme) = unsafe_scheme(dest, false) {
        unsafe_problem(dest, scheme, offset, out);
        (LinkKind::External, String::from("#"))
    } else if let Some(target) = dest.strip_prefix("@/") {
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target, None),
        };
        match resolver.document(path.trim_end_matches('/')) {
            Ok(mut url) => {
                if let Some(a) = anchor {
                    url.push('#');
                    url.push_str(a);
                }
                (LinkKind::Document, url)
            }
            Err(hint) => {
                out.problems.push(Problem {
                    offset,
                    message: format!("broken internal link `{dest}`"),
                    hint,
                });
                (LinkKind::Document, String::from("#"))
            }
        }
    } else if dest.starts_with('#') {
        (LinkKind::Anchor, dest.to_owned())
    } else if is_external(dest) {
        (LinkKind::External, dest.to_owned())
    } else if dest.starts_with('/') {
        (LinkKind::SitePath, dest.to_owned())
    } else {
        (LinkKind::File, file_link(dest, offset, resolver, out))
    }
}

fn file_link(dest: &str, offset: usize, resolver: &dyn Resolver, out: &mut Rendered) -> String {
    let (name, anchor) = match dest.split_once('#') {
        Some((n, a)) => (n, Some(a)),
        None => (dest, None),
    };
    let name = percent_decode(name);
    if name.contains("..") || name.contains('/') || name.is_empty() {
        out.problems.push(Problem {
            offset,
            message: format!("link `{dest}` leaves the document's folder"),
            hint: "link to another document with @/kind/slug, or put the file in the folder named like the document"
                .into(),
        });
        return "#".into();
    }
    if !resolver.has_file(&name) {
        out.problems.push(Problem {
            offset,
            message: format!("link to a missing file `{name}`"),
            hint: "attachments and images go in a folder named like the document (without the language), beside it; links between documents are written @/kind/slug".into(),
        });
        return "#".into();
    }
    out.files.push(name.clone());
    let mut url = resolver.file_url(&name);
    if let Some(a) = anchor {
        url.push('#');
        url.push_str(a);
    }
    url
}

/// What an address written into raw HTML has percent-encoded (besides what is not ASCII).
const HREF: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'\\')
    .add(b'^')
    .add(b'{')
    .add(b'}')
    .add(b'|');

/// An attribute of a tag in raw HTML, with the byte range of its value (without quotes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAttribute {
    /// Lower case.
    pub tag: String,
    /// Lower case.
    pub name: String,
    pub value: std::ops::Range<usize>,
}

/// The attributes with values of the start tags in a piece of raw HTML (comments skipped): a
/// small scanner, enough to find the addresses a tag holds.
pub fn html_attributes(html: &str) -> Vec<RawAttribute> {
    let b = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|n| i + n) {
        if html[lt..].starts_with("<!--") {
            i = html[lt..].find("-->").map_or(b.len(), |n| lt + n + 3);
            continue;
        }
        let mut j = lt + 1;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if j == lt + 1 {
            i = lt + 1;
            continue;
        }
        let tag = html[lt + 1..j].to_ascii_lowercase();
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let name_start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && !b"=>/".contains(&b[j]) {
                j += 1;
            }
            let name = html[name_start..j].to_ascii_lowercase();
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= b.len() || b[j] != b'=' {
                continue;
            }
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let value = match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[j + 1..].find(q as char).map_or(b.len(), |n| j + 1 + n);
                    let v = j + 1..end;
                    j = (end + 1).min(b.len());
                    v
                }
                _ => {
                    let start = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    start..j
                }
            };
            found.push(RawAttribute {
                tag: tag.clone(),
                name,
                value,
            });
        }
        i = j.max(lt + 1);
    }
    found
}

/// An attribute's value with its character references decoded (`&amp;` → `&`).
pub fn decode_attribute(value: &str) -> String {
    html_escape::decode_html_entities(value).into_owned()
}

/// `%XX` decoded; a `%` without two hex digits stays as written, and text that would not be
/// UTF-8 once decoded is kept as written.
pub(crate) fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .map_or_else(|_| s.to_owned(), |c| c.into_owned())
}

/// Removes scripts, event handlers, frames and styles from HTML written by users, keeping the
/// structure Markdown produces (ids, footnotes, tables).
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class", "lang", "dir"])
        // Processed images (`content::picture`).
        .add_tags(["picture", "source"])
        .add_tag_attributes("img", ["srcset", "sizes", "loading", "decoding"])
        .add_tag_attributes("source", ["type", "srcset", "sizes"])
        // The frame around tables (see `end_table`).
        .add_tag_attributes("div", ["role", "tabindex", "aria-label", "aria-labelledby"])
        .link_rel(None)
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct R;
    impl Resolver for R {
        fn document(&self, target: &str) -> Result<String, String> {
            if target == "notices/water" {
                Ok("/sv/notices/water/".into())
            } else {
                Err("no such document".into())
            }
        }
        fn has_file(&self, name: &str) -> bool {
            name == "bilag 1.pdf"
        }
        fn file_url(&self, name: &str) -> String {
            format!("/files/minutes/m/{name}")
        }
    }

    fn md(src: &str) -> Rendered {
        render(
            src,
            0,
            &RenderOptions {
                allow_html: false,
                shift: 0,
                right_to_left: false,
            },
            &R,
            &mut Ids::default(),
        )
    }

    #[test]
    fn headings_get_stable_unique_ids() {
        let r = md(
            "## Beslut\n\n## Beslut\n\n## Punkt 6 {#punkt-6 .closed case=\"A-1\"}\n\n## مدارس مغلقة\n",
        );
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["beslut", "beslut-2", "punkt-6", "مدارس-مغلقة"]);
        assert!(
            r.html.contains("<h2 id=\"punkt-6\">Punkt 6</h2>"),
            "{}",
            r.html
        );
        assert!(
            !r.html.contains("case="),
            "attributes other than id are not HTML: {}",
            r.html
        );
    }

    #[test]
    fn links_resolve_and_broken_ones_are_reported() {
        let mail = md("Write to <kansliet@ekvik.example>.");
        assert!(
            mail.problems.is_empty() && mail.html.contains("mailto:kansliet@ekvik.example"),
            "{}",
            mail.html
        );
        let r = md(
            "[water](@/notices/water#what-to-do) [gone](@/press/nope) [bilaga](bilag%201.pdf) [x](missing.pdf)",
        );
        assert!(
            r.html.contains("href=\"/sv/notices/water/#what-to-do\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"/files/minutes/m/bilag%201.pdf\""),
            "{}",
            r.html
        );
        assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
        assert!(r.problems[0].message.contains("@/press/nope"));
        assert_eq!(r.problems[0].offset, 36);
        assert_eq!(r.links[0].text, "water");
    }

    #[test]
    fn images_keep_alt_text() {
        let r = md("![Children crossing the road](https://img.example/a.png)");
        assert!(
            r.html.contains("alt=\"Children crossing the road\""),
            "{}",
            r.html
        );
        assert_eq!(r.images[0].alt, "Children crossing the road");
    }

    #[test]
    fn raw_html_is_sanitised_unless_allowed() {
        let src = "Hi <script>alert(1)</script><b onclick=\"x()\">bold</b>\n\n<iframe src=\"https://evil.example\"></iframe>\n";
        let r = md(src);
        assert!(
            !r.html.contains("script") && !r.html.contains("onclick") && !r.html.contains("iframe"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<b>bold</b>"), "{}", r.html);
        let trusted = render(
            src,
            0,
            &RenderOptions {
                allow_html: true,
                shift: 0,
                right_to_left: false,
            },
            &R,
            &mut Ids::default(),
        );
        assert!(trusted.html.contains("<iframe"));
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let r = md("| a | b |\n|:--|--:|\n| x | 2 |\n\nText[^n] ~~old~~\n\n[^n]: Note.\n");
        assert!(r.html.contains("<th>a</th>"), "{}", r.html);
        assert!(!r.html.contains("style="), "{}", r.html);
        assert!(r.html.contains("<del>old</del>"));
        assert!(r.html.contains("footnote-definition"));
    }

    #[test]
    fn tables_scroll_in_a_labelled_frame_and_numbers_align() {
        let src = "## Budget 2027\n\n| Post | Belopp | Period |\n|---|---|---|\n| Skolskjuts | 1.200.000 kr | Efterårsferie |\n| Lärare | 41 000 | 2026-10-19 |\n| Övrigt |  | v. 42 |\n";
        let r = md(src);
        assert!(
            r.html.starts_with("<h2 id=\"budget-2027\">Budget 2027</h2>\n<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"budget-2027\">\n<table>"),
            "{}",
            r.html
        );
        assert!(
            r.html.trim_end().ends_with("</table>\n</div>"),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("<th>Post</th><th class=\"num\">Belopp</th><th>Period</th>"),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("<td class=\"num\">1.200.000 kr</td><td>Efterårsferie</td>"),
            "{}",
            r.html
        );
        // Without a heading above it the table is named by its column headings; the frame's
        // attributes survive the sanitiser.
        let r = md("<b>x</b>\n\n| Dag | Tid |\n|---|---|\n| måndag | 08.30 |\n");
        assert!(
            r.html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Dag, Tid\">"),
            "{}",
            r.html
        );
        for n in [
            "1 200 000",
            "1.200.000 kr",
            "12,5 %",
            "€ 40",
            "٤١ ٠٠٠",
            "−3",
            "08.30–16.00",
        ] {
            assert!(is_number(n), "{n}");
        }
        for w in ["Efterårsferie", "v. 42", "BUN-2026/77", "", "kr"] {
            assert!(!is_number(w), "{w}");
        }
    }

    #[test]
    fn h1_bodies_are_shifted() {
        assert!(uses_h1("# A\n"));
        let r = render(
            "# A\n## B\n",
            0,
            &RenderOptions {
                allow_html: false,
                shift: 1,
                right_to_left: false,
            },
            &R,
            &mut Ids::default(),
        );
        assert!(
            r.html.contains("<h2 id=\"a\">A</h2>") && r.html.contains("<h3 id=\"b\">B</h3>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn ltr_runs_find_phones_mail_and_codes() {
        let text = "اتصل بالرقم +46 31 390 06 55 أو nodomsorg@ekvik.example، القضية BUN-2026/318 و17.01.00-A00-3-26 في 2026-11-22 من 6:30 إلى 18:00 عام 2026 (E. coli) 031-390 06 00 https://ekvik.example/a.";
        let runs: Vec<&str> = ltr_runs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            runs,
            [
                "+46 31 390 06 55",
                "nodomsorg@ekvik.example",
                "BUN-2026/318",
                "17.01.00-A00-3-26",
                "2026-11-22",
                "E. coli",
                "031-390 06 00",
                "https://ekvik.example/a",
            ]
        );
        // Latin runs with spaces are isolated whole.
        let text = "رقم القضية BUN 2026/77، المسؤولة Anna Berg (anna.berg@ekvik.example).";
        let runs: Vec<&str> = ltr_runs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            runs,
            ["BUN 2026/77", "Anna Berg", "anna.berg@ekvik.example"]
        );
        assert!(ltr_runs("23 نوفمبر 41 000 نفر").is_empty());
        let fa = "با شمارهٔ ۰۳۱-۳۹۰ ۰۶ ۵۵ تماس بگیرید";
        assert_eq!(
            ltr_runs(fa).into_iter().map(|r| &fa[r]).collect::<Vec<_>>(),
            ["۰۳۱-۳۹۰ ۰۶ ۵۵"]
        );
        assert_eq!(
            isolated_html("رقم <> +46 31 390 06 55", true),
            "رقم &lt;&gt; <bdi dir=\"ltr\" class=\"tel\">+46 31 390 06 55</bdi>"
        );
        assert_eq!(isolated_html("+46 31 390 06 55", false), "+46 31 390 06 55");
        // The mirror: Arabic inside Swedish text, the number after it left outside.
        assert_eq!(
            isolated_html("Skolan heter مدرسة النور 2026 och ligger i Ekvik.", false),
            "Skolan heter <bdi dir=\"rtl\">مدرسة النور</bdi> 2026 och ligger i Ekvik."
        );
        assert!(rtl_runs("Ärende BUN 2026/77, Åsa Öberg").is_empty());
    }

    #[test]
    fn right_to_left_bodies_isolate_numbers_and_addresses() {
        let opts = RenderOptions {
            allow_html: false,
            shift: 0,
            right_to_left: true,
        };
        let src = "## رقم +46 31 390 06 50\n\nاتصل بالرقم +46 31 390 06 55 أو <nodomsorg@ekvik.example>.\n\n```\n+46 31 390 06 55\n```\n";
        let r = render(src, 0, &opts, &R, &mut Ids::default());
        assert!(
            r.html
                .contains("اتصل بالرقم <bdi dir=\"ltr\" class=\"tel\">+46 31 390 06 55</bdi> أو"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<a href=\"mailto:nodomsorg@ekvik.example\"><bdi dir=\"ltr\">nodomsorg@ekvik.example</bdi></a>"),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("<pre><code>+46 31 390 06 55\n</code></pre>"),
            "{}",
            r.html
        );
        assert_eq!(r.headings[0].text, "رقم +46 31 390 06 50");
        assert!(
            r.html.contains(
                "<h2 id=\"رقم-46-31-390-06-50\">رقم <bdi dir=\"ltr\" class=\"tel\">+46 31 390 06 50</bdi></h2>"
            ),
            "{}",
            r.html
        );
        assert_eq!(r.links[0].text, "nodomsorg@ekvik.example");
    }

    #[test]
    fn latin_runs_in_arabic_and_arabic_in_swedish_are_isolated_whole() {
        let opts = |right_to_left| RenderOptions {
            allow_html: false,
            shift: 0,
            right_to_left,
        };
        let r = render(
            "القضية BUN 2026/77 لدى Anna Berg.",
            0,
            &opts(true),
            &R,
            &mut Ids::default(),
        );
        assert_eq!(
            r.html,
            "<p>القضية <bdi dir=\"ltr\">BUN 2026/77</bdi> لدى <bdi dir=\"ltr\">Anna Berg</bdi>.</p>\n"
        );
        let r = render(
            "Ärende BUN 2026/77 gäller مدرسة النور 2026.",
            0,
            &opts(false),
            &R,
            &mut Ids::default(),
        );
        assert_eq!(
            r.html,
            "<p>Ärende BUN 2026/77 gäller <bdi dir=\"rtl\">مدرسة النور</bdi> 2026.</p>\n"
        );
    }

    #[test]
    fn raw_html_addresses_resolve_and_unsafe_schemes_are_refused() {
        let r = md(
            "<img src=\"bilag%201.pdf\" alt=\"x\"> <a href='@/notices/water'>w</a> <img src=\"photo.png\">\n",
        );
        assert!(
            r.html.contains("src=\"/files/minutes/m/bilag%201.pdf\"")
                && r.html.contains("href=\"/sv/notices/water/\""),
            "{}",
            r.html
        );
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert!(r.problems[0].message.contains("missing file `photo.png`"));
        assert_eq!(r.problems[0].offset, 76);

        let r = md(
            "[a](javascript:alert(1)) [b](JaVaScript:x) [c](vbscript:x) [d](data:text/html,x) ![e](data:image/png;base64,AA) <a href=\"java&#9;script:y\">f</a>\n",
        );
        let messages: Vec<_> = r.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages.len(), 5, "{messages:?}");
        assert!(
            messages.iter().all(|m| m.starts_with("unsafe link scheme")),
            "{messages:?}"
        );
        assert!(!r.html.contains("javascript"), "{}", r.html);
        let r = md("![e](data:image/png;base64,AA)");
        assert!(
            r.problems.is_empty() && r.html.contains("data:image/png"),
            "{}",
            r.html
        );
    }

    #[test]
    fn html_attributes_are_found_with_their_places() {
        let html = "<!-- <img src=x> --><IFRAME width=5 SRC='https://a.example/v'></iframe><img\nsrc=\"b.png\" alt>";
        let found: Vec<_> = html_attributes(html)
            .into_iter()
            .map(|a| (a.tag, a.name, html[a.value].to_owned()))
            .collect();
        assert_eq!(
            found,
            [
                ("iframe".into(), "width".into(), "5".into()),
                ("iframe".into(), "src".into(), "https://a.example/v".into()),
                ("img".into(), "src".into(), "b.png".into()),
            ]
        );
    }

    #[test]
    fn instructions_link_phone_numbers_and_addresses() {
        assert_eq!(
            contact_html(
                "Ring 031-390 06 55 eller skriv till a.b@ekvik.example.",
                false
            ),
            "Ring <a href=\"tel:0313900655\" class=\"tel\">031-390 06 55</a> eller skriv till <a href=\"mailto:a.b@ekvik.example\">a.b@ekvik.example</a>."
        );
        assert_eq!(
            contact_html("اتصلوا بالرقم +46 31 390 06 55", true),
            "اتصلوا بالرقم <a href=\"tel:+46313900655\" class=\"tel\"><bdi dir=\"ltr\" class=\"tel\">+46 31 390 06 55</bdi></a>"
        );
        assert!(contact_html("۰۳۱-۳۹۰ ۰۶ ۵۵", true).contains("href=\"tel:0313900655\""));
    }

    #[test]
    fn percent_decoding_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decode("bilag%201.pdf"), "bilag 1.pdf");
        assert_eq!(percent_decode("v%C3%A4g"), "väg");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("a%zz%2"), "a%zz%2");
        // Not UTF-8 once decoded: the text as written.
        assert_eq!(percent_decode("a%20%ff"), "a%20%ff");
    }
}
