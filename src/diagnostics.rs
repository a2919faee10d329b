//! Errors for people: every problem a user can cause names the file, the line (and column where
//! known), says what was expected and gives a hint. A build collects all of them before it stops.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// For the record (`anslag check`'s translation coverage); never fails anything.
    Info,
}

/// One problem found in the user's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path as the user knows it (relative to the site root where possible).
    pub file: PathBuf,
    /// 1-based line, when the problem has a place in the file.
    pub line: Option<usize>,
    /// 1-based column (in characters).
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
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
            source_line: None,
            source_offset: 0,
        }
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

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// The message as text for a terminal, coloured like rustc's when `colour` is set.
    pub fn render(&self, colour: bool) -> String {
        use anstyle::{AnsiColor, Style};
        let paint = |style: Style, text: &str| {
            if colour {
                format!("{}{text}{}", style.render(), style.render_reset())
            } else {
                text.to_owned()
            }
        };
        let (label, tone) = match self.severity {
            Severity::Error => ("error", AnsiColor::Red),
            Severity::Warning => ("warning", AnsiColor::Yellow),
            Severity::Info => ("info", AnsiColor::Cyan),
        };
        let strong = Style::new().bold();
        let accent = Style::new().fg_color(Some(tone.into())).bold();
        let blue = Style::new().fg_color(Some(AnsiColor::Blue.into())).bold();
        let mut out = format!(
            "{}{}\n",
            paint(accent, label),
            paint(strong, &format!(": {}", self.message))
        );
        let mut place = self.file.display().to_string();
        if let Some(line) = self.line {
            place.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                place.push_str(&format!(":{col}"));
            }
        }
        out.push_str(&format!("  {} {place}\n", paint(blue, "-->")));
        if let (Some(line), Some(src)) = (self.line, &self.source_line) {
            let gutter = " ".repeat(line.to_string().len());
            out.push_str(&format!("{gutter} {}\n", paint(blue, "|")));
            out.push_str(&format!("{} {src}\n", paint(blue, &format!("{line} |"))));
            if let Some(col) = self.column {
                // The quoted line may be a window of a long one (see `window`).
                let col = col.saturating_sub(self.source_offset);
                let pad: String = src
                    .chars()
                    .take(col.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                out.push_str(&format!(
                    "{gutter} {} {pad}{}\n",
                    paint(blue, "|"),
                    paint(accent, "^")
                ));
            }
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("  {} {hint}\n", paint(blue, "= hint:")));
        }
        out
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
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        self.0.dedup();
    }
}

impl Diagnostics {
    /// Every problem as text, at most [`PER_FILE`] of them per file (with a line saying how
    /// many more there are), so that one broken file cannot bury the others.
    pub fn render(&self, colour: bool) -> String {
        let mut shown: std::collections::HashMap<&Path, usize> = std::collections::HashMap::new();
        let mut out = String::new();
        for d in &self.0 {
            let n = shown.entry(d.file.as_path()).or_default();
            *n += 1;
            if *n <= PER_FILE {
                out.push_str(&d.render(colour));
                out.push('\n');
            }
        }
        let mut files: Vec<(&Path, usize)> =
            shown.into_iter().filter(|(_, n)| *n > PER_FILE).collect();
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

/// 1-based line and column of a byte offset in `text`.
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
