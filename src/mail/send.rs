//! Sending the outbox over SMTP with lettre, over several connections at once.
//!
//! One run ([`run`]) holds a [`RunLock`], takes back the rows of runs that died, then:
//!
//! - a dispatcher claims due rows in small batches and hands them to the connections;
//! - each of `smtp.connections` workers keeps one SMTP connection (lettre's
//!   `AsyncSmtpConnection`), composes a row's message and sends it command by command, so that
//!   it knows whether the body had started when something broke: before, the row is retried;
//!   after, it is `unknown` (see [`crate::mail::outbox`]);
//! - one database thread owns the SQLite connection and commits what the workers report in
//!   groups (one transaction for everything that arrived meanwhile), and answers a worker only
//!   once its report is on disk: a row is marked as having started its body before the body
//!   goes out.
//!
//! A failure that every connection would meet again (an untrusted certificate, no STARTTLS, a
//! refused login) stops the run with an error that says what to change; the rows it had
//! claimed go back to the queue as they were. Other connection failures (the network, a
//! timeout, a 4xx answer) are temporary: the row is retried after its back-off.
//!
//! lettre never sets `TCP_NODELAY`, so on its own each message waits ~40 ms for a delayed ACK
//! between the body and the final dot (Nagle). For plain and STARTTLS connections the TCP
//! stream is opened here with `TCP_NODELAY` and handed to lettre; implicit TLS (port 465) uses
//! lettre's own stream and so needs more connections for the same rate.

use crate::site::clock::Clock;
use chrono_tz::Tz;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use serde::Serialize;
use tokio::sync::{mpsc, oneshot, watch};

use super::outbox::{self, Claimed, Outcome, Recovered, RunLock};
use super::settings::{MailSettings, Security, SmtpSettings};
use super::store;
use super::tls::{self, CaFile};

/// Makes the message for a claimed row. Implemented by [`crate::mail::compose::SiteComposer`].
pub trait Compose: Send + Sync {
    /// The message, or why it cannot be made (the row then fails for good).
    fn compose(&self, row: &Claimed) -> Result<lettre::Message, String>;
}

/// How a run sends.
#[derive(Debug, Clone)]
pub struct SendOptions {
    /// SMTP connections at once (default: `mail.smtp.connections`).
    pub connections: usize,
    /// Show a progress bar (on a terminal, for long sends).
    pub progress: bool,
    /// Rows that wait for a back-off due within this time from the start of the run are waited
    /// for; later ones are left for the next run.
    pub wait_for_retries: Duration,
    /// Time allowed for each SMTP command.
    pub timeout: Duration,
    /// Time allowed for reaching the relay: the TCP connection and its greeting
    /// (`mail.smtp.connect_timeout`).
    pub connect_timeout: Duration,
    /// `mail.smtp.ca_file`, resolved against the site folder.
    pub ca_file: Option<CaFile>,
    /// The time rows are due and recorded by, in the site's zone.
    pub clock: Clock,
    pub tz: Tz,
}

impl SendOptions {
    /// The options `settings` give, for the site in the folder `root`.
    pub fn new(settings: &MailSettings, root: &Path, clock: Clock, tz: Tz) -> SendOptions {
        SendOptions {
            connections: settings.smtp.connections.clamp(1, 512) as usize,
            progress: false,
            wait_for_retries: Duration::from_secs(60),
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(settings.smtp.connect_timeout.max(1)),
            ca_file: CaFile::resolve(settings.smtp.ca_file.as_deref(), root),
            clock,
            tz,
        }
    }
}

/// What a run did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct SendReport {
    pub sent: usize,
    pub failed: usize,
    /// Rows that failed temporarily and wait for a later attempt.
    pub retry: usize,
    pub unknown: usize,
    /// Rows taken back from runs that died.
    pub recovered: Recovered,
    /// Rows still waiting for their back-off after this run.
    pub waiting: usize,
    #[serde(skip)]
    pub elapsed: Duration,
    /// Permanent failures: masked address and the server's answer.
    pub failures: Vec<(String, String)>,
}

/// Why a run could not send at all.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("{0}")]
    Store(#[from] store::StoreError),
    #[error("cannot use the subscriber store's run folder `{path}`: {error}")]
    Lock {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{0}")]
    Config(String),
    /// The settings and the server do not fit: every connection would fail the same way
    /// (`ca_file` unreadable, an untrusted certificate, no STARTTLS, a refused login).
    #[error("{message}")]
    Settings { message: String, hint: String },
    /// The relay cannot be reached (refused, no answer within `mail.smtp.connect_timeout`, no
    /// greeting): nothing more was tried, every unsent row stays queued.
    #[error("cannot reach the mail relay {host}:{port}: {error}")]
    Unreachable {
        host: String,
        port: u16,
        error: String,
    },
}

impl SendError {
    /// What to do about it, when there is something to say.
    pub fn hint(&self) -> Option<&str> {
        match self {
            SendError::Settings { hint, .. } => Some(hint),
            _ => None,
        }
    }
}

impl From<tls::TlsSetupError> for SendError {
    fn from(e: tls::TlsSetupError) -> SendError {
        SendError::Settings {
            message: e.message,
            hint: e.hint,
        }
    }
}

/// Ends a run early: the caller's stop, or a worker's [`SendError::Settings`] (the first one
/// is kept).
struct Halt {
    tx: watch::Sender<bool>,
    why: Mutex<Option<SendError>>,
}

impl Halt {
    /// A halt nobody has called yet, and a receiver that sees it called.
    fn new() -> (Arc<Halt>, watch::Receiver<bool>) {
        let (tx, halted) = watch::channel(false);
        let halt = Arc::new(Halt {
            tx,
            why: Mutex::new(None),
        });
        (halt, halted)
    }

    fn stop(&self) {
        let _ = self.tx.send(true);
    }

    fn refuse(&self, e: SendError) {
        if let Ok(mut why) = self.why.lock() {
            why.get_or_insert(e);
        }
        self.stop();
    }

    fn take(&self) -> Option<SendError> {
        self.why.lock().ok().and_then(|mut why| why.take())
    }
}

/// How the dispatcher's task ended: its own result, or the task's panic.
type Dispatched = Result<Result<(), SendError>, tokio::task::JoinError>;

/// Sends every due row of the outbox in `store`, then returns. `stop` ends the run early: the
/// connections finish the message they are sending and the rest stays queued. So does a
/// [`SendError::Settings`] met on connecting, which the run then returns.
pub async fn run(
    store_path: &Path,
    settings: &MailSettings,
    composer: Arc<dyn Compose>,
    opts: SendOptions,
    stop: watch::Receiver<bool>,
) -> Result<SendReport, SendError> {
    let started = std::time::Instant::now();
    let smtp = Arc::new(Smtp::new(&settings.smtp, &opts)?);
    let lock = RunLock::acquire(store_path).map_err(|error| SendError::Lock {
        path: outbox::runs_dir(store_path),
        error,
    })?;
    let domain = message_id_domain(settings);
    let (db, db_thread) = Db::start(store_path.to_owned(), opts.clock.clone(), opts.tz)?;
    let recovered = db.recover(&lock).await?;
    let total = db.due().await?;
    // Nothing is claimed before the relay has answered once.
    let first = if total > 0 {
        match smtp.probe().await {
            Ok(c) => Some(c),
            Err(e) => {
                db.close();
                let _ = db_thread.join();
                return Err(e);
            }
        }
    } else {
        None
    };
    let bar = progress_bar(opts.progress && total >= 200, total);

    let (halt, mut halted) = Halt::new();
    let forward_stop = forward_stop(stop, halt.clone());
    // The workers first, then the dispatcher that feeds them.
    let workers = Workers::start(opts.connections, first, &db, &smtp, &composer, &halt);
    let dispatcher = tokio::spawn(
        Dispatcher::new(&db, &lock, &opts, domain, workers.jobs, halted.clone()).run(),
    );

    let mut report = SendReport {
        recovered,
        ..SendReport::default()
    };
    let mut dispatcher = Some(dispatcher);
    let mut dispatched = tally(
        &mut report,
        workers.done,
        &mut dispatcher,
        &mut halted,
        bar.as_ref(),
    )
    .await;

    // Winding down, in this order: the workers, the dispatcher, the claims left over, the
    // database thread, and last the lock (while it is held, no other run takes this run's
    // rows back as those of a dead one).
    for w in workers.handles {
        let _ = w.await;
    }
    // With every worker gone the dispatcher cannot wait on the queue: it ends soon.
    if let Some(d) = dispatcher {
        dispatched = Some(d.await);
    }
    forward_stop.abort();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    // Rows claimed but never started (a stop, a refusal) go back to the queue.
    db.release(&lock.id).await?;
    report.waiting = db.due().await?;
    db.close();
    let _ = db_thread.join();
    drop(lock);
    finish(report, halt.take(), dispatched, started)
}

/// The caller's stop halts the run too.
fn forward_stop(mut stop: watch::Receiver<bool>, halt: Arc<Halt>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        while !*stop.borrow_and_update() {
            if stop.changed().await.is_err() {
                return;
            }
        }
        halt.stop();
    })
}

/// The connections of a run, and the two channels between them and the run.
struct Workers {
    /// Where the dispatcher hands over claimed rows.
    jobs: mpsc::Sender<Claimed>,
    /// What each row came to, and its address.
    done: mpsc::UnboundedReceiver<(Outcome, String)>,
    handles: Vec<tokio::task::JoinHandle<()>>,
}

impl Workers {
    /// `first` is a connection already open, for the first worker.
    fn start(
        connections: usize,
        mut first: Option<AsyncSmtpConnection>,
        db: &Db,
        smtp: &Arc<Smtp>,
        composer: &Arc<dyn Compose>,
        halt: &Arc<Halt>,
    ) -> Workers {
        let (jobs_tx, jobs_rx) = mpsc::channel::<Claimed>(connections);
        let jobs_rx = Arc::new(tokio::sync::Mutex::new(jobs_rx));
        let (done_tx, done_rx) = mpsc::unbounded_channel::<(Outcome, String)>();
        let mut handles = Vec::new();
        for _ in 0..connections.max(1) {
            let (jobs, db, smtp, composer, done, halt) = (
                jobs_rx.clone(),
                db.clone(),
                smtp.clone(),
                composer.clone(),
                done_tx.clone(),
                halt.clone(),
            );
            let conn = first.take();
            handles.push(tokio::spawn(async move {
                worker(conn, jobs, db, smtp, composer, done, halt).await
            }));
        }
        drop(done_tx);
        // Only the workers hold the queue: once they have all stopped, the dispatcher's next
        // send fails instead of waiting for room forever.
        drop(jobs_rx);
        Workers {
            jobs: jobs_tx,
            done: done_rx,
            handles,
        }
    }
}

/// Claims due rows while there are any, and waits for back-offs that end soon.
struct Dispatcher {
    db: Db,
    /// This run's id, which its claims carry.
    run: String,
    batch: usize,
    /// Rows that come due after this are left for the next run.
    until: chrono::DateTime<Utc>,
    clock: Clock,
    tz: Tz,
    domain: String,
    jobs: mpsc::Sender<Claimed>,
    halted: watch::Receiver<bool>,
    /// False once the halt's sender is gone, so that its `changed` is no longer waited on.
    halt_open: bool,
}

impl Dispatcher {
    fn new(
        db: &Db,
        lock: &RunLock,
        opts: &SendOptions,
        domain: String,
        jobs: mpsc::Sender<Claimed>,
        halted: watch::Receiver<bool>,
    ) -> Dispatcher {
        Dispatcher {
            db: db.clone(),
            run: lock.id.clone(),
            batch: opts.connections.max(1) * 2,
            until: opts.clock.now_utc(opts.tz)
                + chrono::Duration::from_std(opts.wait_for_retries)
                    .unwrap_or(chrono::Duration::MAX),
            clock: opts.clock.clone(),
            tz: opts.tz,
            domain,
            jobs,
            halted,
            halt_open: true,
        }
    }

    async fn run(mut self) -> Result<(), SendError> {
        loop {
            // Closed: every worker has stopped (a store error), so nothing would send.
            if *self.halted.borrow() || self.jobs.is_closed() {
                return Ok(());
            }
            let rows = self.db.claim(&self.run, self.batch, &self.domain).await?;
            if rows.is_empty() {
                if self.wait_for_due().await? {
                    continue;
                }
                return Ok(());
            }
            for row in rows {
                // Rows not handed over stay claimed by this run, which releases them.
                if *self.halted.borrow() || self.jobs.send(row).await.is_err() {
                    return Ok(());
                }
            }
        }
    }

    /// With nothing to claim: waits a little when rows may come due soon and says whether to
    /// look again (`false`: the run has sent all it will).
    async fn wait_for_due(&mut self) -> Result<bool, SendError> {
        // Rows still being sent may come back for a retry soon.
        if self.db.in_flight(&self.run).await? > 0 {
            tokio::time::sleep(Duration::from_millis(20)).await;
            return Ok(true);
        }
        let next = self.db.next_due().await?;
        let Some(next) = next else { return Ok(false) };
        // The run waits until `until` at most, in all: a crisis message that the server keeps
        // deferring is retried without end, but by the next run, not this one.
        if next > self.until {
            return Ok(false);
        }
        // A fixed clock moves on to the moment instead of being slept for.
        let delay = self.clock.wait_until(next, self.tz);
        // Some rows may still be in flight and come back for a retry: look again at least
        // every second.
        let nap = delay.clamp(Duration::from_millis(50), Duration::from_secs(1));
        tokio::select! {
            _ = tokio::time::sleep(nap) => {}
            r = self.halted.changed(), if self.halt_open => self.halt_open = r.is_ok(),
        }
        Ok(true)
    }
}

/// Counts what the workers report until they have all stopped. The dispatcher usually ends
/// first: how it ended is returned, and `dispatcher` is then `None`.
async fn tally(
    report: &mut SendReport,
    mut done: mpsc::UnboundedReceiver<(Outcome, String)>,
    dispatcher: &mut Option<tokio::task::JoinHandle<Result<(), SendError>>>,
    halted: &mut watch::Receiver<bool>,
    bar: Option<&indicatif::ProgressBar>,
) -> Option<Dispatched> {
    let mut dispatched = None;
    let mut halt_open = true;
    loop {
        tokio::select! {
            done = done.recv() => match done {
                Some((outcome, address)) => {
                    report.count(outcome, &address);
                    if let Some(b) = bar {
                        b.inc(1);
                    }
                }
                None => break,
            },
            r = async { dispatcher.as_mut().expect("polled only while running").await }, if dispatcher.is_some() => {
                *dispatcher = None;
                dispatched = Some(r);
            }
            r = halted.changed(), if halt_open => halt_open = r.is_ok(),
        }
    }
    dispatched
}

impl SendReport {
    fn count(&mut self, outcome: Outcome, address: &str) {
        match outcome {
            Outcome::Sent => self.sent += 1,
            Outcome::Failed(e) => {
                self.failed += 1;
                self.failures.push((
                    super::subscribers::mask(address),
                    super::subscribers::mask_in(&e),
                ));
            }
            Outcome::Retry(_) => self.retry += 1,
            Outcome::Unknown(_) => self.unknown += 1,
        }
    }
}

/// The run's result once it has wound down: a refusal first (it says what to change), then
/// the dispatcher's error, else the report.
fn finish(
    mut report: SendReport,
    refusal: Option<SendError>,
    dispatched: Option<Dispatched>,
    started: std::time::Instant,
) -> Result<SendReport, SendError> {
    if let Some(e) = refusal {
        return Err(match e {
            SendError::Settings { message, hint } if report.sent > 0 => SendError::Settings {
                message: format!("{message} ({} messages were sent before)", report.sent),
                hint,
            },
            e => e,
        });
    }
    match dispatched {
        Some(Ok(Err(e))) => return Err(e),
        Some(Err(e)) => return Err(SendError::Config(format!("the dispatcher stopped: {e}"))),
        _ => {}
    }
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The domain of `mail.from`, for Message-IDs.
fn message_id_domain(settings: &MailSettings) -> String {
    settings
        .from
        .parse::<lettre::message::Mailbox>()
        .map(|m| m.email.domain().to_owned())
        .unwrap_or_else(|_| "anslag.invalid".into())
}

fn progress_bar(show: bool, total: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !show || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "sending {bar:30} {pos}/{len} messages, {per_sec}, about {eta} left",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

// ---------------------------------------------------------------------------------------------
// One SMTP connection per worker.

async fn worker(
    mut conn: Option<AsyncSmtpConnection>,
    jobs: Arc<tokio::sync::Mutex<mpsc::Receiver<Claimed>>>,
    db: Db,
    smtp: Arc<Smtp>,
    composer: Arc<dyn Compose>,
    done: mpsc::UnboundedSender<(Outcome, String)>,
    halt: Arc<Halt>,
) {
    let halted = halt.tx.subscribe();
    // Consecutive temporary failures on this connection: it slows down (the server may be
    // throttling us).
    let mut strikes = 0u32;
    loop {
        if *halted.borrow() {
            break;
        }
        let row = { jobs.lock().await.recv().await };
        let Some(row) = row else { break };
        // A row taken while the run halted stays claimed; the run gives it back.
        if *halted.borrow() {
            break;
        }
        let outcome = match composer.compose(&row) {
            Err(e) => Outcome::Failed(format!("cannot compose the message: {e}")),
            Ok(msg) => match smtp.send(&mut conn, &db, &row, &msg).await {
                Ok(outcome) => outcome,
                Err(refused) => {
                    // Nothing of this row reached the server: it goes back to the queue
                    // when the run releases its claims.
                    halt.refuse(refused);
                    break;
                }
            },
        };
        match &outcome {
            Outcome::Retry(_) | Outcome::Unknown(_) => {
                strikes += 1;
                let pause = Duration::from_millis(100 * 2u64.pow(strikes.min(8)));
                tokio::time::sleep(pause).await;
            }
            _ => strikes = 0,
        }
        if db.record(row.id, outcome.clone()).await.is_err() {
            break;
        }
        let _ = done.send((outcome, row.address));
    }
    if let Some(mut c) = conn {
        let _ = tokio::time::timeout(Duration::from_secs(5), c.quit()).await;
    }
}

/// Why no connection could be made.
enum ConnectError {
    /// The relay cannot be reached: refused, no answer, no greeting.
    Unreachable(String),
    /// Worth another try later: a 4xx answer, a broken STARTTLS or login.
    Temporary(String),
    /// Every connection would fail the same way: the run stops (a [`SendError::Settings`]).
    Refused(SendError),
}

impl ConnectError {
    fn refused(message: String, hint: impl Into<String>) -> ConnectError {
        ConnectError::Refused(SendError::Settings {
            message,
            hint: hint.into(),
        })
    }
}

struct Smtp {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    /// The names of the environment variables the credentials come from, for messages.
    credential_vars: String,
    /// Built once per run: reading `ca_file` and the root store for each connection would be
    /// wasted work.
    tls: TlsParameters,
    hello: ClientId,
    timeout: Duration,
    connect_timeout: Duration,
    /// Connections in a row, over all workers, that could not reach the relay: at
    /// [`UNREACHABLE_STREAK`] the run stops instead of working through the queue in vain.
    unreachable_streak: std::sync::atomic::AtomicU32,
}

/// Failed connections in a row after which a run takes the relay for down.
const UNREACHABLE_STREAK: u32 = 3;

impl Smtp {
    fn new(s: &SmtpSettings, opts: &SendOptions) -> Result<Smtp, SendError> {
        let env = |name: &Option<String>, what: &str| -> Result<Option<String>, SendError> {
            match name {
                None => Ok(None),
                Some(var) => std::env::var(var).map(Some).map_err(|_| {
                    SendError::Config(format!(
                        "mail.smtp.{what}_env names the environment variable `{var}`, which is not set: set it to the SMTP {what} before sending"
                    ))
                }),
            }
        };
        let user = env(&s.username_env, "username")?;
        let password = env(&s.password_env, "password")?;
        let credentials = match (user, password) {
            (Some(u), Some(p)) => Some(Credentials::new(u, p)),
            (None, None) => None,
            _ => {
                return Err(SendError::Config(
                    "mail.smtp needs both username_env and password_env, or neither".into(),
                ));
            }
        };
        if credentials.is_some() && s.security == Security::None {
            return Err(SendError::Config(
                "mail.smtp has a password but `security: none`: the password would cross the network in clear; use starttls or tls".into(),
            ));
        }
        let credential_vars = format!(
            "`{}` and `{}`",
            s.username_env.as_deref().unwrap_or_default(),
            s.password_env.as_deref().unwrap_or_default()
        );
        Ok(Smtp {
            host: s.host.clone(),
            port: s.port.unwrap_or(match s.security {
                Security::Starttls => 587,
                Security::Tls => 465,
                Security::None => 25,
            }),
            security: s.security,
            credentials,
            credential_vars,
            // Also with `security: none`, so that a wrong `ca_file` is reported at once.
            tls: tls::parameters(&s.host, opts.ca_file.as_ref())?,
            hello: ClientId::default(),
            timeout: opts.timeout,
            connect_timeout: opts.connect_timeout,
            unreachable_streak: Default::default(),
        })
    }

    /// A TLS refusal under `e` as a [`ConnectError::Refused`]; anything else is temporary.
    fn tls_failure(&self, e: TimedError, what: String) -> ConnectError {
        if let TimedError::Smtp(inner) = &e
            && let Some(r) = tls::refusal(inner, &self.host, self.port)
        {
            return ConnectError::refused(r.message, r.hint);
        }
        if what.is_empty() {
            ConnectError::Temporary(e.to_string())
        } else {
            ConnectError::Temporary(format!("{what}: {e}"))
        }
    }

    /// A plain connection that the relay has greeted, within `connect_timeout` in all; `Err`
    /// says why not (refused, no answer, no greeting).
    async fn greeted(&self) -> Result<AsyncSmtpConnection, String> {
        let ct = self.connect_timeout;
        let open = async {
            let tcp = tokio::net::TcpStream::connect((self.host.as_str(), self.port))
                .await
                .map_err(|e| e.to_string())?;
            // See the module's comment: without it, each message waits for a delayed ACK.
            let _ = tcp.set_nodelay(true);
            AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &self.hello)
                .await
                .map_err(|e| format!("no greeting: {e}"))
        };
        match tokio::time::timeout(ct, open).await {
            Ok(r) => r,
            Err(_) => Err(format!(
                "no answer within {} s (mail.smtp.connect_timeout)",
                ct.as_secs()
            )),
        }
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, ConnectError> {
        let (t, ct) = (self.timeout, self.connect_timeout);
        let (host, port) = (self.host.as_str(), self.port);
        let mut conn = match self.security {
            Security::Tls => timed(
                ct,
                AsyncSmtpConnection::connect_tokio1(
                    (host, port),
                    Some(ct),
                    &self.hello,
                    Some(self.tls.clone()),
                    None,
                ),
            )
            .await
            .map_err(|e| match self.tls_failure(e, String::new()) {
                ConnectError::Temporary(e) => ConnectError::Unreachable(e),
                other => other,
            })?,
            Security::None | Security::Starttls => {
                let mut conn = self.greeted().await.map_err(ConnectError::Unreachable)?;
                if self.security == Security::Starttls {
                    if !conn.can_starttls() {
                        return Err(ConnectError::refused(
                            format!(
                                "{host}:{port} does not offer STARTTLS, and `security: starttls` forbids sending in clear"
                            ),
                            "point mail.smtp.host and port at the relay's submission port (usually 587), or use `security: tls` if it takes implicit TLS (usually port 465)",
                        ));
                    }
                    timed(t, conn.starttls(self.tls.clone(), &self.hello))
                        .await
                        .map_err(|e| {
                            if e.is_permanent() {
                                ConnectError::refused(
                                    format!("{host}:{port} refused STARTTLS: {e}"),
                                    "ask the relay's administrators why it offers STARTTLS but refuses it",
                                )
                            } else {
                                self.tls_failure(e, format!("STARTTLS with {host}:{port} failed"))
                            }
                        })?;
                }
                conn
            }
        };
        if let Some(c) = &self.credentials {
            timed(t, conn.auth(&[Mechanism::Plain, Mechanism::Login], c))
                .await
                .map_err(|e| self.login_failure(e))?;
        }
        self.unreachable_streak.store(0, Ordering::Relaxed);
        Ok(conn)
    }

    fn unreachable(&self, error: String) -> SendError {
        SendError::Unreachable {
            host: self.host.clone(),
            port: self.port,
            error,
        }
    }

    /// One connection before anything is claimed: a relay that cannot be reached stops the
    /// run at once, within `connect_timeout`, with every row left as it was.
    async fn probe(&self) -> Result<AsyncSmtpConnection, SendError> {
        match self.connect().await {
            Ok(c) => Ok(c),
            Err(ConnectError::Unreachable(e)) => Err(self.unreachable(e)),
            Err(ConnectError::Temporary(e)) => Err(self.unreachable(e)),
            Err(ConnectError::Refused(e)) => Err(e),
        }
    }

    /// A refused login stops the run (another try would be refused too, and may lock the
    /// account); a 4xx answer or a broken connection is temporary.
    fn login_failure(&self, e: TimedError) -> ConnectError {
        let (host, port, vars) = (&self.host, self.port, &self.credential_vars);
        match &e {
            TimedError::Smtp(inner) if inner.is_permanent() => ConnectError::refused(
                format!("{host}:{port} refused the login: {e}"),
                format!(
                    "check the user name and password in the environment variables {vars} (named by mail.smtp.username_env and password_env)"
                ),
            ),
            TimedError::Smtp(inner) if inner.is_client() => ConnectError::refused(
                format!("{host}:{port} offers no login anslag can use (AUTH PLAIN or LOGIN): {e}"),
                "remove mail.smtp.username_env and password_env if the relay takes mail without a login, or ask its administrators to allow AUTH PLAIN or LOGIN over TLS",
            ),
            _ => ConnectError::Temporary(format!("the login at {host}:{port} failed: {e}")),
        }
    }

    /// Sends one message on the worker's connection (opening one if needed) and says how it
    /// ended. Any error drops the connection: the next message opens a new one. `Err` is a
    /// refusal that stops the run; nothing of the row reached the server.
    async fn send(
        &self,
        conn: &mut Option<AsyncSmtpConnection>,
        db: &Db,
        row: &Claimed,
        msg: &lettre::Message,
    ) -> Result<Outcome, SendError> {
        if conn.as_ref().is_some_and(|c| c.has_broken()) {
            *conn = None;
        }
        if conn.is_none() {
            match self.connect().await {
                Ok(c) => *conn = Some(c),
                Err(ConnectError::Unreachable(e)) => {
                    let streak = 1 + self.unreachable_streak.fetch_add(1, Ordering::Relaxed);
                    if streak >= UNREACHABLE_STREAK {
                        return Err(self.unreachable(e));
                    }
                    return Ok(Outcome::Retry(format!(
                        "cannot reach {}:{}: {e}",
                        self.host, self.port
                    )));
                }
                Err(ConnectError::Temporary(e)) => return Ok(Outcome::Retry(e)),
                Err(ConnectError::Refused(e)) => return Err(e),
            }
        }
        Ok(self.send_on(conn, db, row, msg).await)
    }

    async fn send_on(
        &self,
        conn: &mut Option<AsyncSmtpConnection>,
        db: &Db,
        row: &Claimed,
        msg: &lettre::Message,
    ) -> Outcome {
        let Some(c) = conn.as_mut() else {
            return Outcome::Retry("no connection".into());
        };
        let envelope = msg.envelope();
        let bytes = msg.formatted();
        let t = self.timeout;

        let mut params = Vec::new();
        let non_ascii = envelope
            .from()
            .is_some_and(|a| !AsRef::<str>::as_ref(a).is_ascii())
            || envelope
                .to()
                .iter()
                .any(|a| !AsRef::<str>::as_ref(a).is_ascii());
        if non_ascii {
            if !c.server_info().supports_feature(Extension::SmtpUtfEight) {
                *conn = None;
                return Outcome::Failed(
                    "the address has characters beyond ASCII and the server does not support SMTPUTF8".into(),
                );
            }
            params.push(MailParameter::SmtpUtfEight);
        }
        if !bytes.is_ascii() {
            if !c.server_info().supports_feature(Extension::EightBitMime) {
                *conn = None;
                return Outcome::Failed("the server does not accept 8-bit messages".into());
            }
            params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        let before_body = async {
            timed(t, c.command(Mail::new(envelope.from().cloned(), params))).await?;
            for to in envelope.to() {
                timed(t, c.command(Rcpt::new(to.clone(), vec![]))).await?;
            }
            timed(t, c.command(Data)).await
        };
        if let Err(e) = before_body.await {
            *conn = None;
            return refused(&e).unwrap_or_else(|| Outcome::Retry(e.to_string()));
        }
        // From here on, a break leaves the row `unknown`: record that before the body goes.
        if let Err(e) = db.begin_data(row.id).await {
            *conn = None;
            return Outcome::Retry(format!("the store did not record the send: {e}"));
        }
        let Some(c) = conn.as_mut() else {
            return Outcome::Retry("no connection".into());
        };
        match timed(t, c.message(&bytes)).await {
            Ok(_) => Outcome::Sent,
            Err(e) => {
                *conn = None;
                refused(&e).unwrap_or_else(|| Outcome::Unknown(e.to_string()))
            }
        }
    }
}

/// Runs an SMTP step with a time limit; running out of time is a (non-response) error.
async fn timed<T>(
    t: Duration,
    f: impl std::future::Future<Output = Result<T, lettre::transport::smtp::Error>>,
) -> Result<T, TimedError> {
    match tokio::time::timeout(t, f).await {
        Ok(r) => r.map_err(TimedError::Smtp),
        Err(_) => Err(TimedError::Timeout(t)),
    }
}

#[derive(Debug)]
enum TimedError {
    Smtp(lettre::transport::smtp::Error),
    Timeout(Duration),
}

impl std::fmt::Display for TimedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimedError::Smtp(e) => write!(f, "{e}"),
            TimedError::Timeout(t) => write!(f, "no answer within {t:?}"),
        }
    }
}

impl TimedError {
    fn is_transient(&self) -> bool {
        matches!(self, TimedError::Smtp(e) if e.is_transient())
    }
    fn is_permanent(&self) -> bool {
        matches!(self, TimedError::Smtp(e) if e.is_permanent())
    }
}

/// The server's refusal as an outcome: 4xx → retry, 5xx → failed; `None` for anything that is
/// not an answer from the server (a broken connection, a timeout).
fn refused(e: &TimedError) -> Option<Outcome> {
    if e.is_transient() {
        Some(Outcome::Retry(e.to_string()))
    } else if e.is_permanent() {
        Some(Outcome::Failed(e.to_string()))
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// The database thread.

enum Cmd {
    Recover(String, PathBuf, oneshot::Sender<store::Result<Recovered>>),
    Due(oneshot::Sender<store::Result<usize>>),
    Claim(
        String,
        usize,
        String,
        oneshot::Sender<store::Result<Vec<Claimed>>>,
    ),
    BeginData(i64, oneshot::Sender<store::Result<()>>),
    Record(i64, Outcome, oneshot::Sender<store::Result<()>>),
    NextDue(oneshot::Sender<store::Result<Option<chrono::DateTime<Utc>>>>),
    Release(String, oneshot::Sender<store::Result<usize>>),
    InFlight(String, oneshot::Sender<store::Result<usize>>),
}

/// A handle on the database thread.
#[derive(Clone)]
struct Db(std::sync::mpsc::Sender<Cmd>);

impl Db {
    fn start(
        path: PathBuf,
        clock: Clock,
        tz: Tz,
    ) -> Result<(Db, std::thread::JoinHandle<()>), SendError> {
        let conn = store::open(&path).map_err(store::StoreError::from)?;
        let (tx, rx) = std::sync::mpsc::channel::<Cmd>();
        let handle = std::thread::Builder::new()
            .name("anslag-outbox".into())
            .spawn(move || db_thread(conn, rx, &clock, tz))
            .map_err(|e| SendError::Config(format!("cannot start the outbox thread: {e}")))?;
        Ok((Db(tx), handle))
    }

    async fn ask<T>(
        &self,
        make: impl FnOnce(oneshot::Sender<store::Result<T>>) -> Cmd,
    ) -> store::Result<T> {
        let (tx, rx) = oneshot::channel();
        self.0
            .send(make(tx))
            .map_err(|_| store::StoreError::Corrupt("the outbox thread stopped".into()))?;
        rx.await
            .map_err(|_| store::StoreError::Corrupt("the outbox thread stopped".into()))?
    }

    async fn recover(&self, lock: &RunLock) -> store::Result<Recovered> {
        let (id, dir) = (lock.id.clone(), lock.dir.clone());
        self.ask(|tx| Cmd::Recover(id, dir, tx)).await
    }
    async fn due(&self) -> store::Result<usize> {
        self.ask(Cmd::Due).await
    }
    async fn claim(&self, run: &str, n: usize, domain: &str) -> store::Result<Vec<Claimed>> {
        let (run, domain) = (run.to_owned(), domain.to_owned());
        self.ask(|tx| Cmd::Claim(run, n, domain, tx)).await
    }
    async fn begin_data(&self, id: i64) -> store::Result<()> {
        self.ask(|tx| Cmd::BeginData(id, tx)).await
    }
    async fn record(&self, id: i64, outcome: Outcome) -> store::Result<()> {
        self.ask(|tx| Cmd::Record(id, outcome, tx)).await
    }
    async fn next_due(&self) -> store::Result<Option<chrono::DateTime<Utc>>> {
        self.ask(Cmd::NextDue).await
    }
    async fn release(&self, run: &str) -> store::Result<usize> {
        let run = run.to_owned();
        self.ask(|tx| Cmd::Release(run, tx)).await
    }
    async fn in_flight(&self, run: &str) -> store::Result<usize> {
        let run = run.to_owned();
        self.ask(|tx| Cmd::InFlight(run, tx)).await
    }
    fn close(self) {}
}

/// Serves commands in groups: everything that arrived while the last group was committed goes
/// into one transaction, and each sender hears back only after the commit.
fn db_thread(
    conn: rusqlite::Connection,
    rx: std::sync::mpsc::Receiver<Cmd>,
    clock: &Clock,
    tz: Tz,
) {
    while let Ok(first) = rx.recv() {
        let mut group = vec![first];
        while let Ok(more) = rx.try_recv() {
            group.push(more);
            if group.len() >= 512 {
                break;
            }
        }
        // Writes of the group share one transaction; claims, recovery and queries run on
        // their own (each is its own transaction in `outbox`).
        let (writes, others) = Writes::take_from(group);
        writes.commit(&conn, clock.now_utc(tz));
        for cmd in others {
            answer(&conn, cmd, clock.now_utc(tz));
        }
    }
}

/// The writes of a group, committed together, and who waits to hear that they are on disk.
#[derive(Default)]
struct Writes {
    begin_ids: Vec<i64>,
    records: Vec<(i64, Outcome)>,
    replies_begin: Vec<oneshot::Sender<store::Result<()>>>,
    replies_record: Vec<oneshot::Sender<store::Result<()>>>,
}

impl Writes {
    /// The writes in `group`, and the other commands in their order.
    fn take_from(group: Vec<Cmd>) -> (Writes, Vec<Cmd>) {
        let mut writes = Writes::default();
        let mut others = Vec::new();
        for cmd in group {
            match cmd {
                Cmd::BeginData(id, tx) => {
                    writes.begin_ids.push(id);
                    writes.replies_begin.push(tx);
                }
                Cmd::Record(id, outcome, tx) => {
                    writes.records.push((id, outcome));
                    writes.replies_record.push(tx);
                }
                other => others.push(other),
            }
        }
        (writes, others)
    }

    /// One transaction for all of them, then every reply (the same error to each, if any).
    fn commit(self, conn: &rusqlite::Connection, now: chrono::DateTime<Utc>) {
        let Writes {
            begin_ids,
            records,
            replies_begin,
            replies_record,
        } = self;
        if begin_ids.is_empty() && records.is_empty() {
            return;
        }
        let r = store::atomically(conn, || {
            if !records.is_empty() {
                outbox::record(conn, &records, now)?;
            }
            if !begin_ids.is_empty() {
                outbox::begin_data(conn, &begin_ids, now)?;
            }
            Ok(())
        });
        let err = r.err().map(|e| e.to_string());
        for tx in replies_begin.into_iter().chain(replies_record) {
            let _ = tx.send(match &err {
                None => Ok(()),
                Some(e) => Err(store::StoreError::Corrupt(e.clone())),
            });
        }
    }
}

/// Runs a command other than a write and sends its answer.
fn answer(conn: &rusqlite::Connection, cmd: Cmd, now: chrono::DateTime<Utc>) {
    match cmd {
        Cmd::Recover(me, dir, tx) => {
            let _ = tx.send(outbox::recover(conn, &dir, &me, now));
        }
        Cmd::Due(tx) => {
            let _ = tx.send(count(
                conn,
                "SELECT count(*) FROM outbox WHERE state = 'pending' OR (state = 'unknown' AND urgent = 1)",
                "",
            ));
        }
        Cmd::Claim(run, n, domain, tx) => {
            let _ = tx.send(outbox::claim(conn, &run, n, now, &domain));
        }
        Cmd::NextDue(tx) => {
            let _ = tx.send(outbox::next_due(conn));
        }
        Cmd::Release(run, tx) => {
            let _ = tx.send(outbox::release(conn, &run));
        }
        Cmd::InFlight(run, tx) => {
            let _ = tx.send(count(
                conn,
                "SELECT count(*) FROM outbox WHERE state = 'claimed' AND claimed_by = ?1",
                &run,
            ));
        }
        // Taken out of the group before: see `Writes::take_from`.
        Cmd::BeginData(..) | Cmd::Record(..) => {}
    }
}

/// A count of outbox rows; `sql` may use `?1` (given `arg`).
fn count(conn: &rusqlite::Connection, sql: &str, arg: &str) -> store::Result<usize> {
    let mut stmt = conn.prepare_cached(sql)?;
    let n: i64 = if sql.contains("?1") {
        stmt.query_row([arg], |r| r.get(0))?
    } else {
        stmt.query_row([], |r| r.get(0))?
    };
    Ok(n as usize)
}
