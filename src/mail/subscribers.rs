//! `anslag subscribers import FILE.csv | export ADDRESS | erase ADDRESS | list`: the operator's
//! side of the subscriber store.
//!
//! Nothing here prints an address in clear except `export`, whose point is to show a person
//! their data: reports and errors mask addresses (`a***@ekvik.example`), so that logs of these
//! commands hold no personal data.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, TransactionBehavior};

use super::store::{self, Imported, StoreError};
use super::{Frequency, normalise_address};
use crate::config::{CONFIG_FILE, Config};
use crate::diagnostics::{Diagnostic, Diagnostics, nearest};

/// A subcommand of `anslag subscribers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubscribersCommand {
    /// Adds or updates subscribers from a CSV file with a consent column.
    Import { file: PathBuf },
    /// Prints everything stored about one person as JSON (the GDPR right of access).
    Export { address: String },
    /// Deletes everything stored about one person but a salted hash of the address.
    Erase { address: String },
    /// Prints counts per status, language and topic; never addresses.
    List,
}

/// An import file larger than this is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// A row with a field longer than this is refused.
pub const MAX_FIELD_BYTES: usize = 1024;

/// What a subcommand prints, and whether it did all it was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    pub text: String,
    /// False when an import refused rows (after storing the rest): exit status 1.
    pub complete: bool,
}

impl std::ops::Deref for Printed {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for Printed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<String> for Printed {
    fn from(text: String) -> Printed {
        Printed {
            text,
            complete: true,
        }
    }
}

/// Runs a subcommand and returns what to print, or the problems (exit status 1).
pub fn run(
    root: &Path,
    config: &Config,
    cmd: SubscribersCommand,
    now: DateTime<Utc>,
) -> Result<Printed, Diagnostics> {
    let path = store_path(root, config)?;
    let shown = shown_path(root, &path);
    let mut conn = store::open(&path).map_err(|e| {
        one(Diagnostic::error(&shown, format!("cannot open the subscriber store: {e}")).hint(
            "check that its folder can be written to; `store:` under `mail:` in site.yaml says where it is",
        ))
    })?;
    let db = |e: StoreError| one(Diagnostic::error(&shown, e.to_string()));
    match cmd {
        SubscribersCommand::Import { file } => {
            let report = import(&mut conn, config, &file, now)?;
            Ok(Printed {
                text: report.to_string(),
                complete: report.refused.is_empty(),
            })
        }
        SubscribersCommand::Export { address } => {
            let normalised = parse_address(&address, &shown)?;
            match store::export(&conn, &normalised).map_err(db)? {
                Some(data) => Ok((serde_json::to_string_pretty(&data)
                    .expect("JSON values serialise")
                    + "\n")
                    .into()),
                None => Err(one(
                    Diagnostic::error(
                        &shown,
                        format!("nothing is stored about {}", mask(&normalised)),
                    )
                    .hint("check the spelling of the address; the answer to the person is that no data about them is held"),
                )),
            }
        }
        SubscribersCommand::Erase { address } => {
            let normalised = parse_address(&address, &shown)?;
            let e = store::erase_report(&conn, &normalised, now).map_err(db)?;
            Ok(erase_message(&mask(&normalised), e, now).into())
        }
        SubscribersCommand::List => {
            let counts = store::counts(&conn).map_err(db)?;
            Ok(list_message(config, &shown, &counts).into())
        }
    }
}

fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics(vec![d])
}

fn parse_address(raw: &str, shown: &Path) -> Result<String, Diagnostics> {
    normalise_address(raw).map_err(|why| {
        one(
            Diagnostic::error(shown, format!("`{}` is not an address: {why}", mask(raw)))
                .hint("give the address as the person wrote it, e.g. anna.svensson@example.org"),
        )
    })
}

/// `path` relative to the site root where it is inside it, for messages.
fn shown_path(root: &Path, path: &Path) -> PathBuf {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    path.strip_prefix(normalise(&root))
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

// ---------------------------------------------------------------------------------------------
// Where the store is.
// ---------------------------------------------------------------------------------------------

/// Folders of the site a store must not be in, and why.
const FORBIDDEN: &[(&str, &str)] = &[
    ("public", "the output folder, which is published"),
    ("content", "the content folder, which is published"),
    ("static", "copied into the output, which is published"),
    (
        "themes",
        "the theme folder, whose files are copied into the output",
    ),
    (
        ".anslag/preview",
        "the preview's output, which `anslag serve` serves",
    ),
];

/// The subscriber store's path: `mail.store` in `site.yaml`, relative to the site root.
/// Refuses a site without a `mail:` section and a store inside a folder whose files are
/// published (`public/`, `content/`, `static/`, `themes/`, the preview), following symbolic
/// links, so that subscribers' addresses can never end up on the web.
pub fn store_path(root: &Path, config: &Config) -> Result<PathBuf, Diagnostics> {
    let shown = Path::new(CONFIG_FILE);
    let Some(mail) = &config.site.mail else {
        return Err(one(
            Diagnostic::error(shown, "site.yaml has no `mail:` section, so there is no subscriber store")
                .hint("add a `mail:` section with `store: subscribers/subscribers.sqlite` (a path outside public/ and content/) and the other mail settings; see the README"),
        ));
    };
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).unwrap_or_default();
    let err = |message: String, hint: &str| {
        let mut d = Diagnostic::error(shown, message).hint(hint);
        if let Some((line, col)) = store_line(&text) {
            d = d.at(line, Some(col)).with_source(&text);
        }
        one(d)
    };
    let raw = mail.store.trim();
    if raw.is_empty() {
        return Err(err(
            "`store:` under `mail:` is empty".into(),
            "give the path of the subscriber store, e.g. `store: subscribers/subscribers.sqlite`, outside public/ and content/",
        ));
    }
    let root_abs = normalise(&std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf()));
    let path = normalise(&root_abs.join(raw));
    let real_path = resolve_links(&path);
    for (dir, what) in FORBIDDEN {
        let forbidden = root_abs.join(dir);
        if path.starts_with(&forbidden) || real_path.starts_with(resolve_links(&forbidden)) {
            return Err(err(
                format!(
                    "the subscriber store `{raw}` is inside {dir}/, {what}: subscribers' addresses would be published"
                ),
                "set `store:` under `mail:` to a path outside the site's published folders, e.g. `store: subscribers/subscribers.sqlite`, or an absolute path such as /var/lib/anslag/subscribers.sqlite",
            ));
        }
    }
    if path == root_abs {
        return Err(err(
            format!("the subscriber store `{raw}` is the site folder itself"),
            "give the path of a file, e.g. `store: subscribers/subscribers.sqlite`",
        ));
    }
    Ok(path)
}

/// Line and column of `store:` in the `mail:` section of site.yaml's text, if it is there.
fn store_line(text: &str) -> Option<(usize, usize)> {
    let mut in_mail = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indented = trimmed.len() < line.len();
        if !indented {
            in_mail = line.starts_with("mail:");
            if in_mail && let Some(col) = line.find("store:") {
                return Some((i + 1, line[..col].chars().count() + 1));
            }
        } else if in_mail && trimmed.starts_with("store:") {
            return Some((i + 1, line.len() - trimmed.len() + 1));
        }
    }
    None
}

/// Removes `.` and resolves `..` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` with symbolic links resolved in the part of it that exists.
fn resolve_links(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut p = path;
    loop {
        if let Ok(real) = p.canonicalize() {
            return rest.iter().rev().fold(real, |acc, c| acc.join(c));
        }
        match (p.parent(), p.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                p = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Masking.
// ---------------------------------------------------------------------------------------------

/// An address as it may appear in a report or a log: the first character of the part before
/// `@`, then `***`, then the domain (`a***@ekvik.example`). Control characters are replaced, so
/// that a malicious value cannot forge lines in a log.
pub fn mask(raw: &str) -> String {
    let raw = raw.trim().to_lowercase();
    let raw = raw.as_str();
    if raw.is_empty() {
        return "(empty)".into();
    }
    let clean = |s: &str, max: usize| -> String {
        s.chars()
            .take(max)
            .map(|c| {
                if c.is_control() || c.is_whitespace() {
                    '?'
                } else {
                    c
                }
            })
            .collect()
    };
    match raw.rsplit_once('@') {
        Some((local, domain)) => format!("{}***@{}", clean(local, 1), clean(domain, 64)),
        None => format!("{}***", clean(raw, 1)),
    }
}

/// `text` (a server's reply, an error) with every address in it masked as [`mask`] does, e.g.
/// `550 5.1.1 <alice@ekvik.example>: Recipient address rejected` →
/// `550 5.1.1 <a***@ekvik.example>: …`. Control characters become `?`, so that a reply cannot
/// forge lines in a log.
pub fn mask_in(text: &str) -> String {
    let local = |c: char| c.is_alphanumeric() || "._%+-!#$&'*/=?^`{|}~".contains(c);
    let domain = |c: char| c.is_alphanumeric() || c == '.' || c == '-';
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '@' {
            out.push(if chars[i].is_control() { '?' } else { chars[i] });
            i += 1;
            continue;
        }
        // The local part is what `out` ends with; the domain what follows.
        let start = out
            .char_indices()
            .rev()
            .take_while(|&(_, c)| local(c))
            .last()
            .map_or(out.len(), |(at, _)| at);
        let mut end = i + 1;
        while end < chars.len() && domain(chars[end]) {
            end += 1;
        }
        while end > i + 1 && chars[end - 1] == '.' {
            end -= 1;
        }
        let host: String = chars[i + 1..end].iter().collect();
        if start == out.len() || host.is_empty() {
            out.push('@');
            i += 1;
            continue;
        }
        let address = format!("{}@{host}", &out[start..]);
        out.truncate(start);
        out.push_str(&mask(&address));
        i = end;
    }
    out
}

/// A value from the file as it may be quoted in a report: short, masked if it looks like an
/// address, on one line.
fn quote(value: &str) -> String {
    if value.contains('@') {
        return mask(value);
    }
    let mut s: String = value
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if value.chars().count() > 40 {
        s.push('…');
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Import.
// ---------------------------------------------------------------------------------------------

/// One row that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The row's line in the file (1-based; the header is line 1).
    pub line: u64,
    /// The masked address.
    pub address: String,
    /// Why, in words; several reasons are separated by `; `.
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The file's name, as given.
    pub file: String,
    pub added: usize,
    pub updated: usize,
    pub refused: Vec<Refusal>,
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{}: {} added, {} updated, {} refused",
            self.file,
            self.added,
            self.updated,
            self.refused.len()
        )?;
        if !self.refused.is_empty() {
            writeln!(f, "Refused rows (nothing was stored from them):")?;
            for r in &self.refused {
                writeln!(f, "  line {}: {}: {}", r.line, r.address, r.reason)?;
            }
        }
        Ok(())
    }
}

const COLUMNS: [&str; 6] = [
    "address",
    "language",
    "topics",
    "frequency",
    "consent",
    "source",
];
const REQUIRED: [&str; 3] = ["address", "language", "consent"];

/// Reads a CSV file of subscribers and stores the rows that pass, confirmed, in one
/// transaction: all accepted rows or, on an error of the file or the store, none.
///
/// Columns (header row required, in any order, names in any case): `address`, `language`,
/// `topics` (ids separated by `;` or `|`; empty: everything), `frequency` (`immediate`,
/// `daily`, `weekly`; empty: immediate), `consent` (when the person consented: RFC 3339, a
/// local date and time or a date, in the site's time zone; required), `source` (where consent
/// was given; empty: `import:FILENAME`). Fields may be separated by `,`, `;` or tabs (what the
/// header line uses).
pub fn import(
    conn: &mut Connection,
    config: &Config,
    file: &Path,
    now: DateTime<Utc>,
) -> Result<ImportReport, Diagnostics> {
    let err = |message: String, hint: &str| one(Diagnostic::error(file, message).hint(hint));
    let cannot_read = |e: std::io::Error| {
        err(
            format!("cannot read the file: {e}"),
            "check the path; it is relative to the folder you run anslag in",
        )
    };
    let too_big = || {
        err(
            format!(
                "the file is larger than {} MB",
                MAX_FILE_BYTES / 1024 / 1024
            ),
            "split it into smaller files and import them one by one",
        )
    };
    let f = std::fs::File::open(file).map_err(cannot_read)?;
    if f.metadata().map_err(cannot_read)?.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    import_bytes(conn, config, file, &bytes, now)
}

/// [`import`] of a file's bytes, already read (`file` names it in messages). For fuzzing and
/// tests.
pub fn import_bytes(
    conn: &mut Connection,
    config: &Config,
    file: &Path,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<ImportReport, Diagnostics> {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        one(Diagnostic::error(file, format!("line {line} is not UTF-8 text"))
            .at(line, None)
            .hint("save the file as UTF-8 CSV (in Excel: Save as → CSV UTF-8; in LibreOffice: character set Unicode (UTF-8))"))
    })?;
    let rows = parse_csv(text, file)?;
    let source = format!("import:{name}");

    let mut report = ImportReport {
        file: name,
        ..ImportReport::default()
    };
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| db_error(file, e.into()))?;
    let mut seen: HashMap<String, u64> = HashMap::new();
    for row in rows {
        let refuse = |reasons: Vec<String>| Refusal {
            line: row.line,
            address: mask(row.get("address")),
            reason: reasons.join("; "),
        };
        if let Some(long) = row.fields.iter().find(|(_, v)| v.len() > MAX_FIELD_BYTES) {
            report.refused.push(refuse(vec![format!(
                "the `{}` field is longer than {MAX_FIELD_BYTES} bytes",
                long.0
            )]));
            continue;
        }
        let checked = check_row(&row, config, now, &source, &mut seen);
        let row_ok = match checked {
            Ok(r) => r,
            Err(reasons) => {
                report.refused.push(refuse(reasons));
                continue;
            }
        };
        let outcome = store::import_confirmed(
            &tx,
            &row_ok.address,
            &row_ok.language,
            &row_ok.topics,
            row_ok.frequency,
            row_ok.consent_at,
            &row_ok.source,
        )
        .map_err(|e| db_error(file, e))?;
        match outcome {
            Imported::Added => report.added += 1,
            Imported::Updated => report.updated += 1,
            Imported::Refused(reason) => report.refused.push(refuse(vec![reason])),
        }
    }
    tx.commit().map_err(|e| db_error(file, e.into()))?;
    Ok(report)
}

fn db_error(file: &Path, e: StoreError) -> Diagnostics {
    one(
        Diagnostic::error(file, format!("nothing was imported: {e}"))
            .hint("the store is unchanged; fix the problem and run the import again"),
    )
}

/// One data row: its line and its fields by column name.
struct Row {
    line: u64,
    fields: Vec<(&'static str, String)>,
}

impl Row {
    fn get(&self, column: &str) -> &str {
        self.fields
            .iter()
            .find(|(c, _)| *c == column)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Parses the file into rows, or says where it is malformed.
fn parse_csv(text: &str, file: &Path) -> Result<Vec<Row>, Diagnostics> {
    let first = text.lines().next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(first))
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| malformed(file, e))?.clone();
    let columns = columns(&headers, file)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| malformed(file, e))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line());
        let fields = columns
            .iter()
            .zip(record.iter())
            .map(|(c, v)| (*c, v.to_owned()))
            .collect();
        rows.push(Row { line, fields });
    }
    Ok(rows)
}

/// The separator the header line uses: a comma, else a semicolon (spreadsheets in Swedish and
/// other languages with a decimal comma), else a tab; a comma if none.
fn delimiter(header: &str) -> u8 {
    if header.contains(',') {
        b','
    } else if header.contains(';') {
        b';'
    } else if header.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// A CSV error as the one problem of the file, at its line when known.
fn malformed(file: &Path, e: csv::Error) -> Diagnostics {
    let line = e.position().map(|p| p.line() as usize);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this line has {len} fields but the header has {expected_len}"),
        _ => format!("the file is not valid CSV: {e}"),
    };
    let mut d = Diagnostic::error(file, message).hint(
        "quote a field that contains the separator or a line break, e.g. \"hamnskolan;skolmat\"; nothing was imported",
    );
    if let Some(line) = line {
        d = d.at(line, None);
    }
    one(d)
}

/// The columns the header line names, in its order; every problem of it at once.
fn columns(headers: &csv::StringRecord, file: &Path) -> Result<Vec<&'static str>, Diagnostics> {
    if headers.iter().all(str::is_empty) {
        return Err(one(Diagnostic::error(file, "the file is empty").hint(
            format!(
                "the first line must name the columns: {}",
                COLUMNS.join(",")
            ),
        )));
    }
    let mut columns: Vec<&'static str> = Vec::new();
    let mut problems = Diagnostics::default();
    for h in headers.iter() {
        let h = h.trim().to_lowercase();
        match COLUMNS.iter().find(|c| **c == h) {
            Some(c) if columns.contains(c) => problems.push(
                Diagnostic::error(file, format!("the column `{c}` is there twice"))
                    .at(1, None)
                    .hint("remove one of them"),
            ),
            Some(c) => columns.push(c),
            None => problems.push(unknown_column(file, &h)),
        }
    }
    for r in REQUIRED {
        if !columns.contains(&r) {
            let why = if r == "consent" {
                " (when each person consented: the proof that they may be sent messages)"
            } else {
                ""
            };
            problems.push(
                Diagnostic::error(file, format!("the column `{r}` is missing{why}"))
                    .at(1, None)
                    .hint(format!(
                        "the first line must name the columns; required: {}",
                        REQUIRED.join(", ")
                    )),
            );
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(columns)
}

/// A header `h` (trimmed, lower case) that is no column, with the column it may have meant.
fn unknown_column(file: &Path, h: &str) -> Diagnostic {
    let hint = match nearest(h, COLUMNS) {
        Some(n) => format!("did you mean `{n}`? "),
        None if matches!(h, "email" | "e-mail" | "mail" | "e-post" | "epost") => {
            "the address column is called `address`. ".into()
        }
        None => String::new(),
    };
    Diagnostic::error(file, format!("unknown column `{}`", quote(h)))
        .at(1, None)
        .hint(format!(
            "{hint}{} columns are: {} (anslag stores nothing else about a person)",
            if hint.is_empty() { "the" } else { "The" },
            COLUMNS.join(", ")
        ))
}

/// A row that passed every check of the file and the site's configuration.
struct Checked {
    address: String,
    language: String,
    topics: Vec<String>,
    frequency: Frequency,
    consent_at: DateTime<Utc>,
    source: String,
}

/// Checks a row against the site's languages and topics; every reason it is refused.
fn check_row(
    row: &Row,
    config: &Config,
    now: DateTime<Utc>,
    default_source: &str,
    seen: &mut HashMap<String, u64>,
) -> Result<Checked, Vec<String>> {
    // Each field is checked even when one before it is wrong: the refusal gives every reason.
    let mut reasons = Vec::new();
    let address = checked_address(row, seen, &mut reasons);
    let consent_at = consent_time(row.get("consent"), config, now, &mut reasons);
    let language = row.get("language");
    check_language(language, config, &mut reasons);
    let topics = known_topics(row.get("topics"), config, &mut reasons);
    let frequency = frequency(row.get("frequency"), &mut reasons);
    let source = match row.get("source") {
        "" => default_source.to_owned(),
        s => s.to_owned(),
    };

    match (address, consent_at, frequency) {
        (Some(address), Some(consent_at), Some(frequency)) if reasons.is_empty() => Ok(Checked {
            address,
            language: language.to_owned(),
            topics,
            frequency,
            consent_at,
            source,
        }),
        _ => Err(reasons),
    }
}

/// The row's address, normalised, unless it is none or was on an earlier line (`seen`: the
/// addresses so far and their lines).
fn checked_address(
    row: &Row,
    seen: &mut HashMap<String, u64>,
    reasons: &mut Vec<String>,
) -> Option<String> {
    match normalise_address(row.get("address")) {
        Ok(a) => {
            if let Some(first) = seen.get(&a) {
                reasons.push(format!(
                    "the same address is on line {first}: each person once per file"
                ));
            } else {
                seen.insert(a.clone(), row.line);
            }
            Some(a)
        }
        Err(why) => {
            reasons.push(format!("not an address: {why}"));
            None
        }
    }
}

/// When the person consented: required, a date or time, not after `now`.
fn consent_time(
    raw: &str,
    config: &Config,
    now: DateTime<Utc>,
    reasons: &mut Vec<String>,
) -> Option<DateTime<Utc>> {
    if raw.is_empty() {
        reasons.push(
            "no consent: the `consent` field is empty, and nobody is subscribed without a record of when they agreed".into(),
        );
        return None;
    }
    match crate::content::dates::parse(raw, config.tz) {
        Ok(t) if t.with_timezone(&Utc) > now => {
            reasons.push(format!(
                "the consent time `{}` is in the future",
                quote(raw)
            ));
            None
        }
        Ok(t) => Some(t.with_timezone(&Utc)),
        Err(_) => {
            reasons.push(format!(
                "the consent `{}` is not a date: write e.g. 2026-03-01 or 2026-03-01T09:30:00+01:00",
                quote(raw)
            ));
            None
        }
    }
}

/// The language must be one of the site's.
fn check_language(language: &str, config: &Config, reasons: &mut Vec<String>) {
    let codes: Vec<&str> = config.language_codes().collect();
    if language.is_empty() {
        reasons.push(format!("no language: give one of {}", codes.join(", ")));
    } else if config.language(language).is_none() {
        let suggestion = nearest(language, codes.iter().copied())
            .map_or(String::new(), |n| format!(" (did you mean `{n}`?)"));
        reasons.push(format!(
            "unknown language `{}`{suggestion}: the site's languages are {}",
            quote(language),
            codes.join(", ")
        ));
    }
}

/// The topics of the field (separated by `;` or `|`) that the site has; a reason for each
/// other one.
fn known_topics(raw: &str, config: &Config, reasons: &mut Vec<String>) -> Vec<String> {
    let mut topics = Vec::new();
    for t in raw
        .split([';', '|'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        if config.topic(t).is_some() {
            topics.push(t.to_owned());
        } else {
            let suggestion = nearest(t, config.site.topics.iter().map(|t| t.id()))
                .map_or(String::new(), |n| format!(" (did you mean `{n}`?)"));
            reasons.push(format!(
                "unknown topic `{}`{suggestion}: topics are ids from site.yaml",
                quote(t)
            ));
        }
    }
    topics
}

/// The frequency, immediate when the field is empty.
fn frequency(raw: &str, reasons: &mut Vec<String>) -> Option<Frequency> {
    if raw.is_empty() {
        return Some(Frequency::Immediate);
    }
    let f = Frequency::parse(raw);
    if f.is_none() {
        reasons.push(format!(
            "unknown frequency `{}`: use immediate, daily or weekly",
            quote(raw)
        ));
    }
    f
}

// ---------------------------------------------------------------------------------------------
// Erase and list.
// ---------------------------------------------------------------------------------------------

fn erase_message(masked: &str, e: store::Erasure, now: DateTime<Utc>) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let kept = format!(
        "Kept: only a salted hash of the address, so that it cannot be imported again without consent given after {}.",
        now.format("%Y-%m-%d %H:%M UTC")
    );
    if !e.found() {
        return format!("Nothing was stored about {masked}. {kept}\n");
    }
    let mut what = Vec::new();
    if e.subscriber {
        what.push("the subscriber record".to_owned());
    }
    if e.outbox > 0 {
        what.push(plural(
            e.outbox,
            "queued or sent message",
            "queued or sent messages",
        ));
    }
    if e.delivered > 0 {
        what.push(plural(e.delivered, "delivery record", "delivery records"));
    }
    if e.tokens > 0 {
        what.push(plural(e.tokens, "link token", "link tokens"));
    }
    let mut out = format!(
        "Erased everything stored about {masked}: {}.\n{kept}\n",
        what.join(", ")
    );
    if !e.log_emptied {
        out.push_str(
            "Note: another program (the subscription service or `anslag publish`) was reading the store, so an old copy of the deleted rows stays in its write-ahead log (the `-wal` file) until that program's next checkpoint; run the erasure again when it has stopped to be sure.\n",
        );
    }
    out
}

fn list_message(config: &Config, store: &Path, c: &store::Counts) -> String {
    use std::fmt::Write;
    let default = config.default_language();
    let mut out = String::new();
    let mut table = |title: &str, rows: Vec<(String, u64)>| {
        let width = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        let _ = writeln!(out, "{title}");
        for (k, n) in rows {
            let pad = width - k.chars().count();
            let _ = writeln!(out, "  {k}{}  {n:>7}", " ".repeat(pad));
        }
        out.push('\n');
    };
    let total: u64 = c.by_status.values().sum();
    table(
        &format!("Subscribers in {}: {total}", store.display()),
        c.by_status.iter().map(|(k, n)| (k.clone(), *n)).collect(),
    );
    let mut langs: Vec<(String, u64)> = config
        .site
        .languages
        .iter()
        .map(|l| {
            (
                format!("{} ({})", l.name, l.code()),
                c.by_language.get(l.code()).copied().unwrap_or(0),
            )
        })
        .collect();
    for (code, n) in &c.by_language {
        if config.language(code).is_none() {
            langs.push((format!("{code} (not in site.yaml)"), *n));
        }
    }
    table("Confirmed, by language:", langs);
    let mut topics: Vec<(String, u64)> = config
        .site
        .topics
        .iter()
        .map(|t| {
            (
                format!("{} ({})", t.name.get(default, default), t.id()),
                c.by_topic.get(t.id()).copied().unwrap_or(0),
            )
        })
        .collect();
    for (id, n) in &c.by_topic {
        if config.topic(id).is_none() {
            topics.push((format!("{id} (not in site.yaml)"), *n));
        }
    }
    topics.push(("every topic (chose none)".into(), c.all_topics));
    table("Confirmed, by topic chosen:", topics);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_addresses_inside_text() {
        assert_eq!(
            mask_in("550 5.1.1 <Alice.B@ekvik.example>: Recipient address rejected"),
            "550 5.1.1 <a***@ekvik.example>: Recipient address rejected"
        );
        assert_eq!(
            mask_in("to a@x.se, b+c@y.example. Done\r\nforged"),
            "to a***@x.se, b***@y.example. Done??forged"
        );
        assert_eq!(mask_in("no address @ all @"), "no address @ all @");
        assert_eq!(mask_in("åsa@kommun.se"), "å***@kommun.se");
    }

    #[test]
    fn masks_addresses() {
        assert_eq!(mask("anna.svensson@Ekvik.Example"), "a***@ekvik.example");
        assert_eq!(mask(""), "(empty)");
        assert_eq!(mask("no-at-sign"), "n***");
        assert_eq!(mask("a@b.example\r\nBcc: x"), "a***@b.example??bcc:?x");
        assert_eq!(quote("x@y.example"), "x***@y.example");
    }

    #[test]
    fn finds_the_store_line() {
        let text =
            "title: X\nmail:\n  from: a@b.example\n  # store: old\n  store: public/s.sqlite\n";
        assert_eq!(store_line(text), Some((5, 3)));
        assert_eq!(store_line("mail: { store: x }\n"), Some((1, 9)));
        assert_eq!(store_line("store: x\n"), None);
    }

    #[test]
    fn normalises_paths_lexically() {
        assert_eq!(
            normalise(Path::new("/site/./data/../public/s.sqlite")),
            PathBuf::from("/site/public/s.sqlite")
        );
    }
}
