//! `anslag publish`: build the site, then queue and send what is due.
//!
//! - Every crisis notice in force goes at once to every confirmed subscriber, in their
//!   language, whatever their topics and frequency (urgent: sent again after an `unknown`).
//!   Its message key holds the notice's version (`updated:` or its date), so an updated notice
//!   goes out again and an unchanged one never twice.
//! - Digests: `immediate` subscribers get what is new at every run; `daily` ones once a day
//!   after `mail.digest_time`; `weekly` ones once a week after `digest_time` on
//!   `mail.weekly_day` (site time zone). A digest holds the published documents of the last
//!   [`DIGEST_WINDOW_DAYS`] days that match the subscriber's topics and that they have not been
//!   sent.
//! - Queuing happens in one transaction and records what each subscriber was sent, so running
//!   `anslag publish` twice in a row queues and sends nothing new.
//! - `--dry-run DIR` writes the messages a run would send as `.eml` files and changes nothing.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveTime, Utc, Weekday};
use serde::Serialize;

pub mod lock;
mod stamp;
pub mod watch;

pub use lock::PublishLock;

use crate::build::{BuildOptions, BuildReport, Builder, build_site};
use crate::config::CONFIG_FILE;
use crate::config::mail::MailSettings;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::mail::compose::{SiteComposer, document_id};
use crate::mail::links::LinkKey;
use crate::mail::outbox::{self, MessageKind, NewRow};
use crate::mail::send::{self, SendOptions, SendReport};
use crate::mail::store::{self, timestamp};
use crate::mail::{Frequency, subscribers};
use crate::site::Site;
use crate::theme::templates;

/// A digest brings documents published at most this many days ago.
pub const DIGEST_WINDOW_DAYS: i64 = 30;
/// Sent and failed outbox rows are kept this long, then deleted (they hold addresses).
pub const OUTBOX_KEEP_DAYS: i64 = 90;

#[derive(Debug, Clone)]
pub struct PublishOptions {
    pub build: BuildOptions,
    /// Write `.eml` files here instead of sending.
    pub dry_run: Option<PathBuf>,
    pub progress: bool,
    /// SMTP connections (default: `mail.smtp.connections`).
    pub connections: Option<usize>,
    /// Make every message that waits for its back-off due at once (`--retry-now`).
    pub retry_now: bool,
}

/// Why a publish stopped, and what kind of failure it was (the exit status tells them apart).
#[derive(Debug)]
pub struct PublishError {
    pub kind: FailureKind,
    pub diagnostics: Diagnostics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The site or the store is wrong, or something else failed.
    Failed,
    /// The mail relay cannot be reached: the site is built, everything stays queued and a
    /// later run sends it (exit status 75, EX_TEMPFAIL).
    RelayUnreachable,
}

impl From<Diagnostics> for PublishError {
    fn from(diagnostics: Diagnostics) -> PublishError {
        PublishError {
            kind: FailureKind::Failed,
            diagnostics,
        }
    }
}

/// What a run queued.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Queued {
    pub crisis: usize,
    pub digests: usize,
}

#[derive(Debug, Default)]
pub struct PublishReport {
    pub build: BuildReport,
    /// `None` when `site.yaml` has no `mail:` section.
    pub queued: Option<Queued>,
    pub sent: Option<SendReport>,
    /// Subscriptions removed for their age (`mail.retention`).
    pub pruned: Option<crate::mail::retention::Pruned>,
    /// After sending: what became of the messages the last run queued, per language.
    pub delivery: Option<crate::mail::report::DeliveryReport>,
    /// `.eml` files written by a dry run.
    pub dry_run_files: usize,
    /// Nothing changed and nothing fell due since the last run: nothing was built or sent.
    pub unchanged: bool,
}

/// Builds, queues and sends (or writes `.eml` files with `dry_run`). When nothing changed and
/// nothing fell due since the last run, it does nothing at all ([`PublishReport::unchanged`]).
pub fn publish(opts: &PublishOptions) -> Result<PublishReport, PublishError> {
    let _lock = PublishLock::acquire(&opts.build.output).map_err(one)?;
    let inputs = stamp::Inputs::read(&opts.build);
    if opts.dry_run.is_none() && !opts.retry_now && inputs.unchanged(&opts.build) {
        return Ok(PublishReport {
            unchanged: true,
            ..PublishReport::default()
        });
    }
    // A run that is stopped half-way must not look done to the next one.
    inputs.forget();
    let builder = Builder::new(opts.build.clone()).with_progress(opts.progress);
    let (site, build) = build_site(builder)?;
    let site = Arc::new(site);
    let mut report = PublishReport {
        build,
        ..PublishReport::default()
    };
    let runtime = runtime()?;
    let (_stop, stop_rx) = tokio::sync::watch::channel(false);
    let delivered = deliver(&site, opts, &runtime, stop_rx, &mut report)?;
    if opts.dry_run.is_none() {
        let built_for = site.now.with_timezone(&Utc);
        inputs.record(
            &opts.build.output,
            built_for,
            next_moment(&site, &delivered),
            &delivered,
        );
    }
    Ok(report)
}

/// What a run left for the next one to look at.
#[derive(Debug, Default, Clone)]
pub struct Delivered {
    /// The store's count of subscriber changes that queuing saw (`None` without mail).
    pub subscriber_changes: Option<i64>,
    /// When the outbox wants the next run (rows waiting for their back-off), if ever.
    pub outbox_from: Option<DateTime<Utc>>,
    /// When digests are due (`None` without mail).
    pub digests: Option<crate::site::schedule::DigestTimes>,
}

/// The first moment after the run at which something falls due: the site changes by itself,
/// digests are due, or a deferred message is to be tried again.
pub fn next_moment(site: &Site, delivered: &Delivered) -> Option<DateTime<Utc>> {
    let site_next =
        crate::site::schedule::next(site, delivered.digests).map(|t| t.with_timezone(&Utc));
    site_next.into_iter().chain(delivered.outbox_from).min()
}

/// The runtime that sends mail and listens for signals.
fn runtime() -> Result<tokio::runtime::Runtime, Diagnostics> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| one(Diagnostic::failure(format!("cannot start: {e}"))))
}

/// Queues and sends what `site` makes due (or writes `.eml` files with `dry_run`); nothing
/// without a `mail:` section. `stop` ends the sending early, with every unsent row kept.
pub fn deliver(
    site: &Arc<Site>,
    opts: &PublishOptions,
    runtime: &tokio::runtime::Runtime,
    stop: tokio::sync::watch::Receiver<bool>,
    report: &mut PublishReport,
) -> Result<Delivered, PublishError> {
    let Some(settings) = site.config.site.mail.clone() else {
        return Ok(Delivered::default());
    };
    let root = &opts.build.root;
    let store_path = subscribers::store_path(root, &site.config)?;
    let schedule = Schedule::from_settings(&settings, root)?;
    crate::mail::compose::check_dkim(&settings).map_err(one)?;
    crate::mail::bounces::verp::check(&settings).map_err(one)?;
    let key = LinkKey::load(&store_path).map_err(|e| {
        let d = Diagnostic::error(&store_path, e.to_string());
        one(match e {
            // Its message says what to do.
            crate::mail::links::KeyError::Mismatch { .. } => d,
            _ => d.hint(format!(
                "set {} or make the folder of the store writable",
                crate::mail::links::KEY_ENV
            )),
        })
    })?;
    let (i18n, _) = I18n::load(root, &site.config)?;
    let i18n = Arc::new(i18n);
    let templates = Arc::new(templates::environment(root, &site.config, i18n.clone())?);
    let composer = Arc::new(SiteComposer::new(
        site.clone(),
        i18n,
        templates,
        settings.clone(),
        key,
    ));
    let conn = store::open(&store_path).map_err(|e| store_error(&store_path, e.into()))?;
    let now = site.clock.now_utc(site.config.tz);

    if let Some(dir) = &opts.dry_run {
        // Everything in one transaction that is rolled back: the store stays as it was.
        conn.execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| store_error(&store_path, e.into()))?;
        let result = dry_run(&conn, site, &schedule, &composer, dir, now);
        let _ = conn.execute_batch("ROLLBACK");
        let (queued, files) = result.map_err(|e| match e {
            DryRunError::Store(e) => store_error(&store_path, e),
            DryRunError::Io(p, e) => one(Diagnostic::error(&p, format!("cannot write: {e}"))),
        })?;
        report.queued = Some(queued);
        report.dry_run_files = files;
        return Ok(Delivered::default());
    }

    let (queued, changes) = store::atomically(&conn, || {
        let changes = store::subscriber_changes(&conn)?;
        let queued = queue_due(&conn, site, &schedule, now)?;
        if opts.retry_now {
            outbox::retry_now(&conn)?;
        }
        Ok((queued, changes))
    })
    .map_err(|e| store_error(&store_path, e))?;
    let _ = outbox::purge(&conn, now - Duration::days(OUTBOX_KEEP_DAYS));
    report.pruned = Some(
        crate::mail::retention::apply(&conn, &settings.retention, now)
            .map_err(|e| store_error(&store_path, e))?,
    );
    let _ = store::purge_tokens(&conn, now);
    drop(conn);
    report.queued = Some(queued);

    let mut send_opts = SendOptions::new(&settings, root, site.clock.clone(), site.config.tz);
    send_opts.progress = opts.progress;
    if let Some(n) = opts.connections {
        send_opts.connections = n.max(1);
    }
    let sent = runtime
        .block_on(send::run(&store_path, &settings, composer, send_opts, stop))
        .map_err(|e| {
            if let send::SendError::Unreachable { .. } = e {
                // One line: what cannot be reached and why; the rows are all kept.
                return PublishError {
                    kind: FailureKind::RelayUnreachable,
                    diagnostics: one(Diagnostic::failure(format!(
                        "{e}; nothing was sent, every message stays queued for the next `anslag publish`"
                    ))),
                };
            }
            let kept = "nothing was lost: what was queued stays in the outbox and the next `anslag publish` sends it";
            let hint = match e.hint() {
                Some(what) => format!("{what}; {kept}"),
                None => kept.to_owned(),
            };
            one(Diagnostic::error(CONFIG_FILE, format!("cannot send: {e}")).hint(hint)).into()
        })?;
    report.sent = Some(sent);
    let conn = store::open(&store_path).ok();
    let outbox_from = conn
        .as_ref()
        .and_then(|c| outbox::wanted_from(c).ok())
        .unwrap_or(Some(now));
    report.delivery = conn.as_ref().and_then(|c| {
        crate::mail::report::report(c, &crate::mail::report::Selection::LastRun).ok()
    });
    Ok(Delivered {
        subscriber_changes: Some(changes),
        outbox_from,
        digests: Some(schedule.digest_times()),
    })
}

/// When digests are due.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    pub digest_time: NaiveTime,
    pub weekly_day: Weekday,
}

impl Schedule {
    pub fn digest_times(&self) -> crate::site::schedule::DigestTimes {
        crate::site::schedule::DigestTimes {
            time: self.digest_time,
            weekly_day: self.weekly_day,
        }
    }

    pub fn from_settings(s: &MailSettings, root: &Path) -> Result<Schedule, Diagnostics> {
        let text = std::fs::read_to_string(root.join(CONFIG_FILE)).unwrap_or_default();
        let at = |key: &str, message: String, hint: &str| {
            let mut d = Diagnostic::error(CONFIG_FILE, message).hint(hint);
            if let Some(line) = text.lines().position(|l| l.trim_start().starts_with(key)) {
                d = d.at(line + 1, None).with_source(&text);
            }
            one(d)
        };
        let digest_time =
            NaiveTime::parse_from_str(s.digest_time.trim(), "%H:%M").map_err(|_| {
                at(
                    "digest_time:",
                    format!("`digest_time: {}` is not a time of day", s.digest_time),
                    "write it as HH:MM in the site's time zone, e.g. `digest_time: \"07:00\"`",
                )
            })?;
        let weekly_day = s.weekly_day.trim().parse::<Weekday>().map_err(|_| {
            at(
                "weekly_day:",
                format!("`weekly_day: {}` is not a day of the week", s.weekly_day),
                "write monday, tuesday, wednesday, thursday, friday, saturday or sunday",
            )
        })?;
        Ok(Schedule {
            digest_time,
            weekly_day,
        })
    }
}

/// Queues what is due at `now` (the caller holds a transaction): crisis notices in force to
/// everyone, then the digests that are due. Returns how many rows were queued.
pub fn queue_due(
    conn: &rusqlite::Connection,
    site: &Site,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> store::Result<Queued> {
    let subscribers = store::confirmed(conn)?;
    let default = site.default_language();
    let mut queued = Queued::default();
    let mut in_force = Vec::new();

    for &i in &site.crisis {
        let doc = &site.documents[i];
        let primary = doc.primary(default);
        if primary.draft || primary.embargoed {
            continue;
        }
        let version = primary.updated.unwrap_or(primary.date).with_timezone(&Utc);
        let id = document_id(doc);
        let key = format!("crisis:{id}@{}", timestamp(version));
        let documents = [id];
        in_force.push(key.clone());
        for sub in &subscribers {
            let row = NewRow {
                message_key: &key,
                kind: MessageKind::Crisis,
                subscriber: sub,
                urgent: true,
                documents: &documents,
            };
            if outbox::queue(conn, &row, now)? {
                queued.crisis += 1;
            }
        }
    }
    outbox::withdraw_crisis(conn, &in_force)?;

    let delivered = outbox::delivered(conn)?;
    let window = site.now - Duration::days(DIGEST_WINDOW_DAYS);
    let mut keys: Vec<(Frequency, String, HashSet<i64>)> = Vec::new();
    for f in [Frequency::Immediate, Frequency::Daily, Frequency::Weekly] {
        let key = outbox::digest_key(f, site.now, schedule.digest_time, schedule.weekly_day);
        let already = outbox::queued_for(conn, &key)?;
        keys.push((f, key, already));
    }
    let empty = HashSet::new();
    let candidates = crate::mail::compose::digest_candidates(site, window);
    // `kind/slug` of each candidate, made once.
    let ids: HashMap<usize, String> = candidates
        .iter()
        .map(|&i| (i, document_id(&site.documents[i])))
        .collect();
    for sub in &subscribers {
        let Some((_, key, already)) = keys.iter().find(|(f, _, _)| *f == sub.frequency) else {
            continue;
        };
        if already.contains(&sub.id) {
            continue;
        }
        let sent = delivered.get(&sub.id).unwrap_or(&empty);
        let docs = crate::mail::compose::digest_documents_among(site, &candidates, sub, &|i, _| {
            sent.contains(&ids[&i])
        });
        if docs.is_empty() {
            continue;
        }
        let doc_ids: Vec<String> = docs.iter().map(|d| document_id(d)).collect();
        let row = NewRow {
            message_key: key,
            kind: MessageKind::Digest,
            subscriber: sub,
            urgent: false,
            documents: &doc_ids,
        };
        if outbox::queue(conn, &row, now)? {
            queued.digests += 1;
        }
    }
    Ok(queued)
}

enum DryRunError {
    Store(store::StoreError),
    Io(PathBuf, std::io::Error),
}

impl From<store::StoreError> for DryRunError {
    fn from(e: store::StoreError) -> Self {
        DryRunError::Store(e)
    }
}

/// Queues, composes every due row and writes it to `dir` as `ROW-KIND.eml`. The caller rolls
/// the transaction back.
fn dry_run(
    conn: &rusqlite::Connection,
    site: &Site,
    schedule: &Schedule,
    composer: &SiteComposer,
    dir: &Path,
    now: DateTime<Utc>,
) -> Result<(Queued, usize), DryRunError> {
    use send::Compose;
    let queued = queue_due(conn, site, schedule, now)?;
    std::fs::create_dir_all(dir).map_err(|e| DryRunError::Io(dir.to_owned(), e))?;
    let domain = site
        .config
        .site
        .mail
        .as_ref()
        .and_then(|m| m.from.parse::<lettre::message::Mailbox>().ok())
        .map(|m| m.email.domain().to_owned())
        .unwrap_or_else(|| "anslag.invalid".into());
    let rows = outbox::claim(conn, "dry-run", usize::MAX >> 1, now, &domain)?;
    let mut files = 0;
    for row in &rows {
        let path = dir.join(format!(
            "{:06}-{}-{}.eml",
            row.id,
            row.kind.as_str(),
            row.language
        ));
        let bytes = match composer.compose(row) {
            Ok(m) => m.formatted(),
            Err(e) => format!("X-Anslag-Error: {e}\r\n\r\n").into_bytes(),
        };
        std::fs::write(&path, bytes).map_err(|e| DryRunError::Io(path.clone(), e))?;
        files += 1;
    }
    Ok((queued, files))
}

fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics(vec![d])
}

fn store_error(path: &Path, e: store::StoreError) -> Diagnostics {
    one(Diagnostic::error(path, e.to_string()).hint(
        "the site was built; nothing was sent. Check that the store is readable and not damaged (`anslag subscribers list`), then run `anslag publish` again",
    ))
}
