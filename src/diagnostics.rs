//! Errors for people: every problem a user can cause names the file, the line (and column where
//! known), says what was expected and gives a hint. A build collects all of them before it stops.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
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
    /// The offending source line, shown with a caret under `column`.
    pub source_line: Option<String>,
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
        if let Some(line) = self.line {
            self.source_line = text.lines().nth(line.saturating_sub(1)).map(str::to_owned);
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        write!(f, "  --> {}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        writeln!(f)?;
        if let (Some(line), Some(src)) = (self.line, &self.source_line) {
            let gutter = " ".repeat(line.to_string().len());
            writeln!(f, "{gutter} |")?;
            writeln!(f, "{line} | {src}")?;
            if let Some(col) = self.column {
                let pad: String = src
                    .chars()
                    .take(col.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                writeln!(f, "{gutter} | {pad}^")?;
            }
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = hint: {hint}")?;
        }
        Ok(())
    }
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

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
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
        other => (
            first_line(&other.to_string()),
            Some(yaml_hint(&other.to_string())),
        ),
    };
    let mut d = Diagnostic::error(file, message);
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
    }
}
