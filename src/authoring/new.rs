//! `anslag new press|minutes|notice TITLE [--lang sv,en] [--crisis]`: one file per language,
//! named by date and slug, with every front-matter field filled in or commented. New documents
//! are drafts until the author removes `draft: true`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Timelike};
use chrono_tz::Tz;

use crate::config::{Config, TopicKind};
use crate::content::Kind;
use crate::diagnostics::{Diagnostic, Diagnostics, nearest};

pub struct NewOptions<'a> {
    pub kind: Kind,
    pub title: &'a str,
    /// Languages to write; empty: the default language (all languages for a crisis notice).
    pub langs: Vec<String>,
    pub crisis: bool,
    pub now: DateTime<Tz>,
}

/// Writes the new document's files and returns their paths (relative to the site root).
pub fn new_document(
    root: &Path,
    config: &Config,
    opts: &NewOptions<'_>,
) -> Result<Vec<PathBuf>, Diagnostics> {
    if opts.crisis && opts.kind != Kind::Notices {
        return Err(Diagnostics(vec![
            Diagnostic::flag("--crisis", "only notices can be crisis notices")
                .hint("anslag new notice \"Title\" --crisis"),
        ]));
    }
    let langs: Vec<String> = if !opts.langs.is_empty() {
        opts.langs.clone()
    } else if opts.crisis {
        // A crisis notice must reach everyone: start it in every language of the site.
        config.language_codes().map(str::to_owned).collect()
    } else {
        vec![config.default_language().to_owned()]
    };
    let mut errs = Diagnostics::default();
    for l in &langs {
        if config.language(l).is_none() {
            let codes: Vec<&str> = config.language_codes().collect();
            let mut hint = format!("the site's languages are: {}", codes.join(", "));
            if let Some(n) = nearest(l, codes.iter().copied()) {
                hint = format!("did you mean `{n}`? {hint}");
            }
            errs.push(Diagnostic::flag("--lang", format!("unknown language `{l}`")).hint(hint));
        }
    }
    let now = opts
        .now
        .with_second(0)
        .and_then(|d| d.with_nanosecond(0))
        .unwrap_or(opts.now);
    let stem = format!(
        "{}-{}",
        now.format("%Y-%m-%d"),
        super::slug_from_title(opts.title)
    );
    let dir = Path::new(crate::content::load::CONTENT_DIR).join(opts.kind.dir());
    let paths: Vec<PathBuf> = langs
        .iter()
        .map(|l| dir.join(format!("{stem}.{l}.md")))
        .collect();
    for p in &paths {
        if root.join(p).exists() {
            errs.push(
                Diagnostic::error(p, "the file exists already")
                    .hint("choose another title, or edit that file"),
            );
        }
    }
    if errs.has_errors() {
        return Err(errs);
    }
    std::fs::create_dir_all(root.join(&dir)).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(
            &dir,
            format!("cannot create the folder: {e}"),
        )])
    })?;
    for (lang, path) in langs.iter().zip(&paths) {
        let text = document_text(config, opts, lang, now);
        std::fs::write(root.join(path), text).map_err(|e| {
            Diagnostics(vec![Diagnostic::error(path, format!("cannot write: {e}"))])
        })?;
    }
    Ok(paths)
}

fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn topics_comment(config: &Config, kind: Option<TopicKind>) -> String {
    let ids: Vec<&str> = config
        .site
        .topics
        .iter()
        .filter(|t| kind.is_none_or(|k| t.kind == k))
        .map(|t| t.id())
        .collect();
    if ids.is_empty() {
        "none defined in site.yaml yet".into()
    } else {
        ids.join(", ")
    }
}

fn document_text(config: &Config, opts: &NewOptions<'_>, lang: &str, now: DateTime<Tz>) -> String {
    let mut t = String::from("---\n");
    let _ = writeln!(t, "title: {}", yaml_str(opts.title));
    let _ = writeln!(
        t,
        "date: {}            # publication time; a future time is an embargo",
        now.to_rfc3339()
    );
    let _ = writeln!(
        t,
        "summary: \"\"            # one sentence for lists, feeds and email: write it"
    );
    let _ = writeln!(
        t,
        "topics: []               # any of: {}",
        topics_comment(config, None)
    );
    let _ = writeln!(t, "draft: true              # remove this line to publish");
    let _ = writeln!(
        t,
        "# updated: {}   # after a substantial change",
        now.to_rfc3339()
    );
    match opts.kind {
        Kind::Press => {
            t.push_str(
                "contacts:\n  - name: \"\"\n    role: \"\"\n    phone: \"\"\n    email: \"\"\n",
            );
        }
        Kind::Notices => {
            let urgency = if opts.crisis { "crisis" } else { "normal" };
            let _ = writeln!(
                t,
                "urgency: {urgency}          # normal | important | crisis (a banner on every page, sent at once)"
            );
            let expires = now
                + if opts.crisis {
                    Duration::days(3)
                } else {
                    Duration::days(30)
                };
            let _ = writeln!(
                t,
                "expires: {}   # required for important and crisis notices",
                expires.to_rfc3339()
            );
            let _ = writeln!(
                t,
                "instruction: \"\"         # what the reader must do, in one or two sentences"
            );
            t.push_str("# ended: …               # if the notice is withdrawn before it expires\n");
            t.push_str(concat!(
                "# alert:                  # what alerting systems get (CAP), for important and crisis notices\n",
                "#   event: \"\"              # the kind of event, specific: \"Contaminated drinking water\"\n",
                "#   audience: \"\"           # who it is for\n",
                "#   category: Safety       # Geo Met Safety Security Rescue Fire Health Env Transport Infra CBRNE Other\n",
                "#   response: Prepare      # Shelter Evacuate Prepare Execute Avoid Monitor Assess AllClear None\n",
                "#   severity: Severe       # Extreme Severe Moderate Minor\n",
                "#   certainty: Observed    # Observed Likely Possible Unlikely\n",
            ));
        }
        Kind::Minutes => {
            let committees = topics_comment(config, Some(TopicKind::Committee));
            let first = config
                .site
                .topics
                .iter()
                .find(|t| t.kind == TopicKind::Committee)
                .map_or("", |t| t.id());
            let _ = writeln!(
                t,
                "committee: {}   # one of: {committees}",
                if first.is_empty() {
                    "\"\"".to_owned()
                } else {
                    first.to_owned()
                }
            );
            let _ = writeln!(
                t,
                "meeting:\n  start: {}\n  # end: …\n  place: \"\"",
                now.to_rfc3339()
            );
            t.push_str("attendees:\n  - { name: \"\", role: \"\", party: \"\" }\n  # - { name: \"\", absent: true }\n");
            t.push_str("# approved: 2026-01-31    # approval date: puts the minutes on the official notice board\n");
            t.push_str("# posted: 2026-02-01      # posted on the notice board (default: approved)\n# kept_at: \"\"             # where the signed minutes are kept\n");
        }
    }
    t.push_str("---\n\n");
    match opts.kind {
        Kind::Minutes => {
            let decision = decision_heading(config, lang);
            let _ = write!(
                t,
                "## § 1 First item {{#p1 case=\"CASE-NUMBER\"}}\n\nWhat the item is about.\n\n### {decision}\n\nWhat was decided.\n\n<!-- A closed item publishes only its number and title:\n## § 2 Title {{#p2 .closed case=\"CASE-NUMBER\"}} -->\n"
            );
        }
        _ => t.push_str("Write the text here. Use `##` for sections.\n"),
    }
    t
}

/// The decision heading in the document's language, from the site's list.
fn decision_heading(config: &Config, lang: &str) -> String {
    let by_lang = [
        ("sv", "Beslut"),
        ("da", "Beslutning"),
        ("nb", "Vedtak"),
        ("fi", "Päätös"),
        ("de", "Beschluss"),
        ("en", "Decision"),
    ];
    let wanted = by_lang.iter().find(|(l, _)| *l == lang).map(|(_, h)| *h);
    let list = &config.site.minutes.decision_headings;
    wanted
        .filter(|w| list.iter().any(|h| h == w))
        .map(str::to_owned)
        .or_else(|| list.first().cloned())
        .unwrap_or_else(|| "Decision".into())
}
