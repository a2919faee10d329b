//! Errors for people: every problem a user can cause names the file, the line (and column where
//! known), says what was expected and gives a hint. A build collects all of them before it stops.
//! A problem that is not in a file names the flag or setting it is in, or nothing when it is a
//! failure while running. They are drawn for the terminal by annotate-snippets, like rustc's.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// For the record (`anslag check`'s translation coverage); never fails anything.
    Info,
}

/// Where a problem is, as the user would go and look for it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A file, by the path the user knows (relative to the site root where possible).
    File(PathBuf),
    /// A setting of a file by its dotted key (`mail.smtp.host` in site.yaml): for a value found
    /// wrong after the file was read, when its line is no longer known.
    Setting { file: PathBuf, key: String },
    /// A command-line flag (`--now`).
    Flag(String),
    /// Nothing the user could point at: a failure while running (a refused address).
    Nowhere,
}

impl Origin {
    /// The file the problem is in, if it is in one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Origin::File(file) | Origin::Setting { file, .. } => Some(file),
            Origin::Flag(_) | Origin::Nowhere => None,
        }
    }
}

/// One problem found in the user's files, command line or run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub origin: Origin,
    /// 1-based line, when the problem has a place in the file.
    pub line: Option<usize>,
    /// 1-based column in characters (Unicode scalar values), as [`line_col`], the YAML parser
    /// and rustc count: a vowel mark, a ZWNJ and each part of an emoji sequence count as one,
    /// so does a double-width CJK character. The caret is placed from it by display width.
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
    /// The offending source line, shown with a caret under `column` (a window of it, when
    /// it is long).
    pub source_line: Option<String>,
    /// Characters of the line left out before the quoted window, less one for the ellipsis.
    pub source_offset: usize,
}

impl Diagnostic {
    /// An error at `origin`.
    pub fn new(origin: Origin, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            origin,
            line: None,
            column: None,
            message: message.into(),
            hint: None,
            source_line: None,
            source_offset: 0,
        }
    }

    /// An error in `file`.
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(Origin::File(file.into()), message)
    }

    /// An error in the value of the setting `key` of `file`.
    pub fn setting(
        file: impl Into<PathBuf>,
        key: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        let (file, key) = (file.into(), key.into());
        Self::new(Origin::Setting { file, key }, message)
    }

    /// An error in the command-line flag `flag` (`--now`).
    pub fn flag(flag: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Origin::Flag(flag.into()), message)
    }

    /// An error with no place in the user's files or command line: a failure while running.
    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(Origin::Nowhere, message)
    }

    pub fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Attaches the text of the file so the message can quote the offending line.
    pub fn with_source(mut self, text: &str) -> Self {
        if let Some(line) = self.line
            && let Some(l) = text.lines().nth(line.saturating_sub(1))
        {
            let (quoted, offset) = window(l, self.column);
            self.source_line = Some(quoted);
            self.source_offset = offset;
        }
        self
    }

    /// The file the problem is in, if it is in one.
    pub fn file(&self) -> Option<&Path> {
        self.origin.file()
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The colours of the diagnostics on a terminal (the arrow and gutter in blue, as rustc's).
const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const INFO: Style = AnsiColor::Cyan.on_default().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();

fn renderer(colour: bool) -> Renderer {
    if !colour {
        return Renderer::plain();
    }
    Renderer::styled()
        .error(ERROR)
        .warning(WARNING)
        .info(INFO)
        .line_num(GUTTER)
}

impl Diagnostic {
    /// The message as text for a terminal, drawn by annotate-snippets like rustc's and coloured
    /// when `colour` is set:
    ///
    /// ```text
    /// error: message
    ///  --> file:line:column
    ///   |
    /// 5 | the quoted line
    ///   |     ^
    ///   |
    ///   = hint: hint
    /// ```
    ///
    /// A flag or a setting prefixes the message (`error: --now: …`); a failure has no place.
    pub fn render(&self, colour: bool) -> String {
        let renderer = renderer(colour);
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let title = match &self.origin {
            Origin::Setting { key, .. } => format!("{key}: {}", self.message),
            Origin::Flag(flag) => format!("{flag}: {}", self.message),
            Origin::File(_) | Origin::Nowhere => self.message.clone(),
        };
        // Hints quote the user's words: clean them as annotate-snippets cleans the rest.
        let hint = self.hint.as_deref().map(|h| {
            Level::HELP
                .with_name("hint")
                .message(annotate_snippets::normalize_untrusted_str(h))
        });
        let mut out = match (self.file(), self.line, &self.source_line) {
            (Some(file), Some(line), Some(quoted)) => {
                let head =
                    renderer.render(&[Group::with_title(level.clone().primary_title(title))]);
                let body = Group::with_level(level)
                    .element(self.snippet(line, quoted))
                    .elements(hint);
                let place = self.place(file, line, colour);
                format!("{head}\n{place}\n{}", renderer.render(&[body]))
            }
            (file, _, _) => {
                let group = Group::with_title(level.primary_title(title))
                    .elements(file.map(|file| self.origin_at(file)))
                    .elements(hint);
                renderer.render(&[group])
            }
        };
        out.push('\n');
        out
    }

    /// ` --> file:line:column` for a diagnostic that quotes its line. It is written here, not
    /// by annotate-snippets, which would count the column in the quoted window of a long line
    /// and leave the line out when there is no column.
    fn place(&self, file: &Path, line: usize, colour: bool) -> String {
        let mut place = format!("{}:{line}", file.display());
        if let Some(column) = self.column {
            place.push_str(&format!(":{column}"));
        }
        let place = annotate_snippets::normalize_untrusted_str(&place);
        let arrow = if colour {
            format!("{GUTTER}-->{GUTTER:#}")
        } else {
            "-->".to_owned()
        };
        // Aligned with the gutter, as wide as the line number.
        let indent = " ".repeat(line.to_string().len());
        format!("{indent}{arrow} {place}")
    }

    /// ` --> file:line:column` drawn by annotate-snippets, for a diagnostic without a quote.
    fn origin_at<'a>(&self, file: &Path) -> annotate_snippets::Origin<'a> {
        let origin = annotate_snippets::Origin::path(file.display().to_string());
        match (self.line, self.column) {
            (Some(line), Some(column)) => origin.line(line).char_column(column),
            (Some(line), None) => origin.line(line),
            (None, _) => origin,
        }
    }

    /// The quoted line with a caret under the column; annotate-snippets places it from the
    /// character's byte range by display width (wide CJK and emoji, zero-width vowel marks, ZWJ
    /// sequences shown as their parts). It adds widths character by character, so a skin-tone
    /// modifier or an emoji variation selector earlier in the line puts the caret a column or
    /// two right of where terminals that join them draw the character.
    fn snippet<'a>(
        &self,
        line: usize,
        quoted: &'a str,
    ) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
        let snippet = Snippet::source(quoted).line_start(line);
        match self.column {
            Some(column) => {
                let span = char_span(quoted, column.saturating_sub(self.source_offset));
                snippet.annotation(AnnotationKind::Primary.span(span))
            }
            // Without a column the line is shown without a caret.
            None => snippet.annotation(AnnotationKind::Visible.span(0..quoted.len())),
        }
    }
}

/// The bytes of the character at 1-based `column` of `line`; an empty range at the end of the
/// line when the column is past it (a missing value, a file cut short).
fn char_span(line: &str, column: usize) -> Range<usize> {
    match line.char_indices().nth(column.saturating_sub(1)) {
        Some((i, c)) => i..i + c.len_utf8(),
        None => line.len()..line.len(),
    }
}

/// Problems shown per file; the rest are counted.
pub const PER_FILE: usize = 20;

/// Characters of a source line quoted in full; a longer line is quoted as a window around the
/// column, so that a 70 000-character line does not print (or fill memory) 10 000 times.
pub const QUOTE_CHARS: usize = 120;

/// The part of `line` to quote, and how many characters were cut from its start (the
/// ellipsis that replaces them counts as one).
fn window(line: &str, column: Option<usize>) -> (String, usize) {
    let len = line.chars().count();
    if len <= QUOTE_CHARS {
        return (line.to_owned(), 0);
    }
    let col = column.unwrap_or(1).max(1) - 1;
    let start = col.saturating_sub(QUOTE_CHARS / 2).min(len - QUOTE_CHARS);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(line.chars().skip(start).take(QUOTE_CHARS));
    if start + QUOTE_CHARS < len {
        out.push('…');
    }
    (out, start.saturating_sub(1))
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Whether to colour what goes to standard error: on a terminal, unless `NO_COLOR` is set.
pub fn colour_stderr() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// All the problems of one build, in a stable order (by file, then line).
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.origin, a.line, a.column, &a.message)
                .cmp(&(&b.origin, b.line, b.column, &b.message))
        });
        self.0.dedup();
    }
}

impl Diagnostics {
    /// Every problem as text (see [`render`]).
    pub fn render(&self, colour: bool) -> String {
        render(&self.0, colour)
    }

    /// Prints every problem to standard error (see [`eprint`]).
    pub fn eprint(&self) {
        eprint(&self.0);
    }
}

/// Every problem as text, at most [`PER_FILE`] of them per file (with a line saying how many
/// more there are), so that one broken file cannot bury the others.
pub fn render(diagnostics: &[Diagnostic], colour: bool) -> String {
    let mut shown: std::collections::HashMap<&Path, usize> = std::collections::HashMap::new();
    let mut out = String::new();
    for d in diagnostics {
        let n = d.file().map(|file| {
            let n = shown.entry(file).or_default();
            *n += 1;
            *n
        });
        if n.is_none_or(|n| n <= PER_FILE) {
            out.push_str(&d.render(colour));
            out.push('\n');
        }
    }
    let mut files: Vec<(&Path, usize)> = shown.into_iter().filter(|(_, n)| *n > PER_FILE).collect();
    files.sort();
    for (file, n) in files {
        out.push_str(&format!(
            "note: {} more problems in {} are not shown; fix these first\n\n",
            n - PER_FILE,
            file.display()
        ));
    }
    out
}

/// Prints `diagnostics` to standard error as [`render`] draws them, in colour on a terminal
/// unless `NO_COLOR` is set: the one way the command line shows problems.
pub fn eprint(diagnostics: &[Diagnostic]) {
    eprint!("{}", render(diagnostics, colour_stderr()));
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostics {}

/// The best suggestion among `candidates` for a misspelt `word`, if one is close enough: a small
/// edit distance for short words (language codes), Jaro-Winkler similarity for longer ones.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let max_edits = if word.chars().count() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::levenshtein(word, c),
                strsim::jaro_winkler(word, c),
                c,
            )
        })
        .filter(|(edits, score, _)| *edits <= max_edits || *score > 0.85)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, _, c)| c)
}

/// Turns a YAML error into a diagnostic located in `file`; `line_offset` is the number of lines
/// before the YAML text in the file (front matter starts after the opening `---`).
pub fn from_yaml(
    file: &Path,
    err: &serde_saphyr::Error,
    line_offset: usize,
    text: &str,
) -> Diagnostic {
    use serde_saphyr::Error as E;
    let inner = err.without_snippet();
    let (message, hint) = match inner {
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            let hint = match nearest(field, expected.iter().copied()) {
                Some(n) => format!(
                    "did you mean `{n}`? Valid keys here: {}",
                    expected.join(", ")
                ),
                None => format!("valid keys here: {}", expected.join(", ")),
            };
            (format!("unknown key `{field}`"), Some(hint))
        }
        E::SerdeMissingField { field, .. } => (
            format!("missing required field `{field}`"),
            Some(format!("add a line `{field}: …`")),
        ),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let hint = match nearest(variant, expected.iter().copied()) {
                Some(n) => format!("did you mean `{n}`? Allowed: {}", expected.join(", ")),
                None => format!("allowed values: {}", expected.join(", ")),
            };
            (format!("unknown value `{variant}`"), Some(hint))
        }
        other => {
            // The parser's own "at line L, column C" counts from the start of the YAML, not the
            // file: the diagnostic's location replaces it.
            let mut text = first_line(&other.to_string());
            if let Some(loc) = err.location() {
                let suffix = format!(" at line {}, column {}", loc.line(), loc.column());
                if let Some(stripped) = text.strip_suffix(&suffix) {
                    text = stripped.to_owned();
                }
            }
            (text, Some(yaml_hint(&other.to_string())))
        }
    };
    let mut d = Diagnostic::error(file, message);
    if matches!(inner, E::SerdeMissingField { .. }) {
        // The parser places a missing field on the mapping's last key, which reads as if that
        // key were wrong: point at the start of the front matter (or file) instead.
        return match hint {
            Some(h) => d.at(line_offset.max(1), None).hint(h).with_source(text),
            None => d.at(line_offset.max(1), None).with_source(text),
        };
    }
    if let Some(loc) = err.location() {
        let line = loc.line() as usize;
        let col = loc.column() as usize;
        if line > 0 {
            d = d.at(line + line_offset, (col > 0).then_some(col));
        }
    }
    if let Some(h) = hint {
        d = d.hint(h);
    }
    d.with_source(text)
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).trim().to_owned()
}

fn yaml_hint(msg: &str) -> String {
    if msg.contains("null") {
        "give the field a value, or remove the line".into()
    } else if msg.contains("mapping values") || msg.contains("indent") {
        "check the indentation, and quote values that contain `: `".into()
    } else {
        "check the YAML syntax near this line; quote values that contain `:` or `#`".into()
    }
}

/// 1-based line and column of a byte offset in `text`, the column in characters (see
/// [`Diagnostic::column`]).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_suggests_close_words_only() {
        assert_eq!(
            nearest("titel", ["title", "date", "summary"]),
            Some("title")
        );
        assert_eq!(nearest("zzzz", ["title", "date"]), None);
        assert_eq!(nearest("sw", ["sv", "ar", "en"]), Some("sv"));
        assert_eq!(
            nearest("bjorkbacken-skola", ["bjorkbackens-skola", "hamnskolan"]),
            Some("bjorkbackens-skola")
        );
    }

    #[test]
    fn line_col_counts_characters() {
        let t = "ab\nåäö x";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, t.find('x').unwrap()), (2, 5));
    }

    /// Renders, without colour, an error at the first `target` in the line `line`, and returns
    /// the text with the display columns of the caret and of `target` in the quoted line, both
    /// measured with unicode-width as a terminal lays them out.
    fn caret_and_target(line: &str, target: &str) -> (String, usize, usize) {
        use unicode_width::UnicodeWidthStr;
        let text = format!("---\n{line}\n");
        let (l, c) = line_col(&text, text.find(target).expect("the target is in the line"));
        let out = Diagnostic::error("a.md", "bad")
            .at(l, Some(c))
            .with_source(&text)
            .render(false);
        assert!(out.contains(&format!(" --> a.md:{l}:{c}\n")), "{out}");
        let lines: Vec<&str> = out.lines().collect();
        let quoted = lines
            .iter()
            .position(|s| s.starts_with(&format!("{l} | ")))
            .expect("the line is quoted");
        let caret = lines[quoted + 1].find('^').expect("a caret");
        let at = lines[quoted].find(target).expect("the target is quoted");
        let widths = (
            lines[quoted + 1][..caret].width(),
            lines[quoted][..at].width(),
        );
        (out, widths.0, widths.1)
    }

    #[test]
    fn caret_after_arabic_vowel_marks() {
        let line = "title: مَرْحَبًا بِكُمْ فِي الْمَدِينَةِ: x";
        let (out, caret, target) = caret_and_target(line, "x");
        assert_eq!(caret, target, "{out}");
        // The column counts the vowel marks, as the YAML parser does.
        assert!(
            out.contains(&format!("a.md:2:{}", line.chars().count())),
            "{out}"
        );
    }

    #[test]
    fn caret_after_persian_zwnj() {
        let (out, caret, target) =
            caret_and_target("title: می\u{200c}خواهم به\u{200c}روز باشم x", "x");
        assert_eq!(caret, target, "{out}");
    }

    #[test]
    fn caret_after_cjk() {
        let (out, caret, target) =
            caret_and_target("title: 東京都の新しい図書館が開館します x", "x");
        assert_eq!(caret, target, "{out}");
        // Under a wide character, the caret is under its first half.
        let (out, caret, target) = caret_and_target("title: 東京都の新しい図書館", "館");
        assert_eq!(caret, target, "{out}");
    }

    #[test]
    fn caret_after_emoji_and_zwj_sequences() {
        // annotate-snippets shows a ZWJ sequence as its parts, each as wide as the caret allows.
        let (out, caret, target) = caret_and_target("title: 🎉 👨\u{200d}👩\u{200d}👧 x", "x");
        assert_eq!(caret, target, "{out}");
        // Its column counts the ZWJs, as every character.
        assert!(out.contains("a.md:2:16"), "{out}");
    }

    #[test]
    fn a_long_line_is_quoted_as_a_window_with_the_true_column() {
        let line = format!(
            "topics: [{}]",
            (0..3000)
                .map(|i| format!("t{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let (out, caret, target) = caret_and_target(&line, "t2000,");
        assert_eq!(caret, target, "{out}");
        let column = line[..line.find("t2000,").unwrap()].chars().count() + 1;
        assert!(out.contains(&format!("a.md:2:{column}")), "{out}");
        assert!(out.lines().all(|l| l.chars().count() < 140), "{out}");
        // Wide characters too: annotate-snippets cuts the window again to the terminal's width.
        let line = format!("{}館{}", "東京".repeat(200), "都".repeat(200));
        let (out, caret, target) = caret_and_target(&line, "館");
        assert_eq!(caret, target, "{out}");
    }

    #[test]
    fn a_line_without_a_column_is_quoted_without_a_caret() {
        let d = Diagnostic::error("a.md", "bad")
            .at(2, None)
            .with_source("x\nab cd\n");
        let s = d.to_string();
        assert!(s.contains(" --> a.md:2\n"), "{s}");
        assert!(s.contains("2 | ab cd\n"), "{s}");
        assert!(!s.contains('^'), "{s}");
    }

    #[test]
    fn a_caret_past_the_end_or_an_empty_line_is_drawn() {
        let s = Diagnostic::error("a.md", "cut short")
            .at(1, Some(4))
            .with_source("abc")
            .to_string();
        assert!(
            s.contains(" --> a.md:1:4\n") && s.contains("  |    ^\n"),
            "{s}"
        );
        let s = Diagnostic::error("a.md", "empty")
            .at(2, None)
            .with_source("a\n\nb")
            .to_string();
        assert!(s.contains(" --> a.md:2\n"), "{s}");
    }

    #[test]
    fn places_that_are_not_files() {
        let flag = Diagnostic::flag("--now", "`x` is not a date").hint("write it like 2026-01-01");
        let s = flag.to_string();
        assert!(s.starts_with("error: --now: `x` is not a date\n"), "{s}");
        assert!(
            !s.contains("-->") && s.contains("= hint: write it like"),
            "{s}"
        );

        let s = Diagnostic::failure("cannot send to `a@b`: refused").to_string();
        assert_eq!(s, "error: cannot send to `a@b`: refused\n");

        let s = Diagnostic::setting("site.yaml", "mail.smtp.host", "no such host").to_string();
        assert!(
            s.starts_with("error: mail.smtp.host: no such host\n"),
            "{s}"
        );
        assert!(s.contains("--> site.yaml\n"), "{s}");
    }

    #[test]
    fn display_shows_source_and_caret() {
        let d = Diagnostic::error("a.md", "bad")
            .at(2, Some(3))
            .hint("fix it")
            .with_source("x\nab cd\n");
        let s = d.to_string();
        assert!(s.contains("--> a.md:2:3"), "{s}");
        assert!(s.contains("2 | ab cd"), "{s}");
        assert!(s.contains("  |   ^"), "{s}");
        assert!(s.contains("hint: fix it"), "{s}");
        let coloured = d.render(true);
        assert!(
            coloured.contains("\u{1b}[") && coloured.contains("ab cd"),
            "{coloured}"
        );
    }
}
