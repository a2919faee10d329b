//! `anslag bounces receive` (one message on standard input, from a Postfix `pipe` transport or
//! a `.forward`) and `anslag bounces import MAILDIR|MBOX`.
//!
//! Exit statuses of `receive` are chosen for the mail system that runs it, which must never
//! lose a message: 0 when it was processed (or kept with `--keep`); 75 (`EX_TEMPFAIL`) when the
//! site, the store or the keep folder could not be used, so that Postfix keeps the message
//! queued and tries again later; 1 when it is not a bounce or complaint (or carries a forged
//! return path) and no `--keep` folder was given, so that Postfix returns it to its sender
//! with the reason, as it does for any status but 0 and 75.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{Effect, Handled, handle};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::mail::links::LinkKey;
use crate::mail::settings::MailSettings;
use crate::mail::store;
use crate::mail::subscribers::store_path;

/// `EX_TEMPFAIL` (sysexits.h): Postfix defers the message and delivers it again later.
pub const EX_TEMPFAIL: u8 = 75;
/// Not a bounce, nothing kept: Postfix returns the message to its sender.
pub const NOT_A_BOUNCE: u8 = 1;

/// A message bigger than this is not read as a bounce (a report returns at most the
/// original's headers or a copy of a message of ours).
pub const MAX_MESSAGE_BYTES: u64 = 20 * 1024 * 1024;

/// What the commands need: the store, the link key, the mail settings.
pub struct Opened {
    conn: Connection,
    key: LinkKey,
    settings: MailSettings,
}

/// Opens the store and its link key for the site in `root`.
pub fn open(root: &Path, config: &Config) -> Result<Opened, Diagnostics> {
    let path = store_path(root, config)?;
    let settings = config
        .site
        .mail
        .clone()
        .expect("store_path refuses a site without mail:");
    let conn = store::open(&path).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(
            &path,
            format!("cannot open the subscriber store: {e}"),
        )])
    })?;
    let key = LinkKey::load(&path).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(&path, e.to_string()).hint(
            "return paths are signed with the link key of `anslag publish`",
        )])
    })?;
    Ok(Opened {
        conn,
        key,
        settings,
    })
}

/// `anslag bounces receive`: reads one message from `input`; returns the exit status.
pub fn receive(
    opened: Result<Opened, Diagnostics>,
    input: &mut dyn Read,
    keep: Option<&Path>,
    now: DateTime<Utc>,
) -> u8 {
    let opened = match opened {
        Ok(o) => o,
        Err(d) => {
            d.eprint();
            eprintln!(
                "anslag: the message was not read; exit status 75 asks the mail system to deliver it again later"
            );
            return EX_TEMPFAIL;
        }
    };
    let mut raw = Vec::new();
    if let Err(e) = input.take(MAX_MESSAGE_BYTES + 1).read_to_end(&mut raw) {
        eprintln!("anslag: cannot read the message from standard input: {e}");
        return EX_TEMPFAIL;
    }
    let handled = if raw.len() as u64 > MAX_MESSAGE_BYTES {
        Ok(Handled::NotABounce)
    } else {
        handle(&opened.conn, &opened.key, &opened.settings, &raw, now)
    };
    let handled = match handled {
        Ok(h) => h,
        Err(e) => {
            eprintln!("anslag: {e}; exit status 75 asks the mail system to deliver it again later");
            return EX_TEMPFAIL;
        }
    };
    let unused = match &handled {
        Handled::Processed(effects) => {
            for e in effects {
                println!("{e}");
            }
            if effects.is_empty() {
                println!("a report of delay or delivery: nothing to do");
            }
            !effects.iter().any(Effect::acted)
        }
        Handled::NotABounce => {
            eprintln!("anslag: not a bounce or complaint; this address receives only those");
            true
        }
        Handled::Forged { row } => {
            eprintln!("{}", forged_warning(*row));
            true
        }
    };
    if !unused {
        return 0;
    }
    match keep {
        Some(dir) => match keep_in_maildir(dir, &raw, now) {
            Ok(path) => {
                println!("kept in {}", path.display());
                0
            }
            Err(e) => {
                eprintln!(
                    "anslag: cannot keep the message in `{}`: {e}; exit status 75 asks the mail system to deliver it again later",
                    dir.display()
                );
                EX_TEMPFAIL
            }
        },
        None if matches!(handled, Handled::Processed(_)) => 0,
        None => NOT_A_BOUNCE,
    }
}

fn forged_warning(row: i64) -> String {
    format!(
        "warning: the message carries a return path for outbox row {row} whose signature is wrong (forged, or signed with another link key): ignored, nothing changed"
    )
}

/// What `anslag bounces import` found.
#[derive(Debug, Default)]
pub struct Imported {
    pub messages: usize,
    pub reports: usize,
    pub not_bounces: usize,
    pub forged: usize,
    pub effects: Vec<Effect>,
}

impl std::fmt::Display for Imported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for e in &self.effects {
            writeln!(f, "{e}")?;
        }
        writeln!(
            f,
            "{} messages: {} bounces and complaints, {} not bounces (left where they are), {} with a forged return path (ignored)",
            self.messages, self.reports, self.not_bounces, self.forged
        )
    }
}

/// `anslag bounces import PATH`: every message of a Maildir (a folder with `cur/` and `new/`)
/// or an mbox file (a file that does not start with `From ` is one message). The mailbox is
/// only read, never changed.
pub fn import(opened: &Opened, path: &Path, now: DateTime<Utc>) -> Result<Imported, Diagnostics> {
    let fail = |e: String, hint: &str| Diagnostics(vec![Diagnostic::error(path, e).hint(hint)]);
    let messages = read_mailbox(path).map_err(|e| {
        fail(
            format!("cannot read the mailbox: {e}"),
            "give a Maildir folder (with cur/ and new/) or an mbox file",
        )
    })?;
    let mut out = Imported::default();
    for raw in messages {
        let raw = raw.map_err(|e| {
            fail(
                format!("cannot read a message: {e}"),
                "check the mailbox's permissions",
            )
        })?;
        out.messages += 1;
        match handle(&opened.conn, &opened.key, &opened.settings, &raw, now) {
            Ok(Handled::Processed(effects)) => {
                out.reports += 1;
                out.effects.extend(effects);
            }
            Ok(Handled::NotABounce) => out.not_bounces += 1,
            Ok(Handled::Forged { row }) => {
                eprintln!("{}", forged_warning(row));
                out.forged += 1;
            }
            Err(e) => {
                return Err(fail(
                    format!(
                        "{e} (after {} messages; importing again counts nothing twice)",
                        out.messages - 1
                    ),
                    "the store may be busy; run the import again",
                ));
            }
        }
    }
    Ok(out)
}

type Messages = Box<dyn Iterator<Item = std::io::Result<Vec<u8>>>>;

fn read_mailbox(path: &Path) -> std::io::Result<Messages> {
    use mail_parser::mailbox::{maildir, mbox};
    if path.is_dir() {
        let it = maildir::MessageIterator::new(path)?;
        return Ok(Box::new(it.map(|m| m.map(|m| m.unwrap_contents()))));
    }
    let bytes = std::fs::read(path)?;
    if !bytes.starts_with(b"From ") {
        return Ok(Box::new(std::iter::once(Ok(bytes))));
    }
    let it = mbox::MessageIterator::new(std::io::Cursor::new(bytes));
    Ok(Box::new(it.map(|m| m.map(|m| m.unwrap_contents()))))
}

/// Delivers `raw` into the Maildir `dir` (made if missing): written under `tmp/`, then moved
/// into `new/`, so that a reader never sees half a message.
pub fn keep_in_maildir(dir: &Path, raw: &[u8], now: DateTime<Utc>) -> std::io::Result<PathBuf> {
    for sub in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    let mut random = [0u8; 6];
    getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
    let name = format!(
        "{}.P{}R{}.anslag",
        now.timestamp(),
        std::process::id(),
        random
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let tmp = dir.join("tmp").join(&name);
    std::fs::write(&tmp, raw)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    let new = dir.join("new").join(&name);
    std::fs::rename(&tmp, &new)?;
    Ok(new)
}
