//! `anslag subscriptions serve`: the small HTTP service that the site's forms post to. A static
//! site cannot take a form, so this service subscribes people (double opt-in), confirms them,
//! lets them change what they get and leave in one click, and sends the confirmation messages.
//!
//! - [`routes`]: the endpoints, the origin check and the answers that must not differ;
//! - [`connections`]: the accept loop, and the timeouts and the cap that hold slow clients;
//! - [`forms`]: reading and checking form posts (a plain parser, fuzzable on its own);
//! - [`limits`]: the client address behind trusted proxies and the per-client rate limit;
//! - [`pages`]: the pages, from the theme's `subscriptions/*.html` in the reader's language;
//! - [`writer`]: the one thread that owns the store connection and commits in batches;
//! - [`sender`]: the background task that sends what is queued.
//!
//! Configuration comes from `site.yaml` (`mail:`, and `mail.service:` for the limits) and the
//! environment, which overrides it ([`Policy::from_settings`]). The link key comes from
//! `ANSLAG_LINK_KEY` or the key file beside the store ([`crate::mail::links`]).
//!
//! For tests only, `ANSLAG_NOW` (RFC 3339) sets the service's clock: the moment it stores as
//! consent and checks confirmation links against. Never set it in production.

pub mod connections;
pub mod forms;
pub mod limits;
pub mod pages;
pub mod routes;
pub mod sender;
pub mod writer;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use chrono::{DateTime, Utc};
use tokio::sync::{Notify, watch};

use crate::config::mail::{MailSettings, ServiceSettings};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::mail::links::LinkKey;
use crate::site::Site;
pub use crate::site::clock::Clock;
use limits::{IpRange, RateLimiter};
use pages::Pages;
use writer::Writer;

/// Where the service listens unless told otherwise.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8025";

/// How long requests under way may take to finish once the service is asked to stop.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// The environment variables the service reads.
pub mod env {
    /// `host:port` to listen on, when `--listen` is not given.
    pub const LISTEN: &str = "ANSLAG_SERVICE_LISTEN";
    /// Comma-separated addresses or CIDR ranges; overrides `mail.service.trusted_proxies`.
    pub const TRUSTED_PROXIES: &str = "ANSLAG_SERVICE_TRUSTED_PROXIES";
    /// Overrides `mail.service.rate_per_minute` (0: no limit).
    pub const RATE_PER_MINUTE: &str = "ANSLAG_SERVICE_RATE_PER_MINUTE";
    /// Overrides `mail.service.emails_per_address`.
    pub const EMAILS_PER_ADDRESS: &str = "ANSLAG_SERVICE_EMAILS_PER_ADDRESS";
    /// Comma-separated origins; overrides `mail.service.allowed_origins`.
    pub const ALLOWED_ORIGINS: &str = "ANSLAG_SERVICE_ALLOWED_ORIGINS";
    /// Tests only: the service's clock (RFC 3339), where `--now` is not given.
    pub const NOW: &str = "ANSLAG_NOW";
}

/// How to run the service.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The service's clock: the moment it stores as consent, token times and rate windows.
    pub clock: Clock,
    /// Where to listen (default: [`env::LISTEN`], else [`DEFAULT_LISTEN`]).
    pub listen: Option<SocketAddr>,
    /// Send queued messages from this process (default). Without, they stay queued for another
    /// process (`anslag publish`, or a second service with sending on).
    pub send: bool,
    pub quiet: bool,
    pub verbose: bool,
}

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// Problems in `site.yaml`, the content, the locales or the templates.
    #[error("{}", .0.render(false))]
    Site(Diagnostics),
    #[error("{0}")]
    Setting(String),
    #[error("{0}")]
    Key(#[from] crate::mail::links::KeyError),
    #[error("{0}")]
    Store(#[from] crate::mail::store::StoreError),
    #[error("cannot listen on {addr}: {error}")]
    Listen {
        addr: SocketAddr,
        error: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl From<Diagnostics> for StartError {
    fn from(d: Diagnostics) -> StartError {
        StartError::Site(d)
    }
}

impl From<Diagnostic> for StartError {
    fn from(d: Diagnostic) -> StartError {
        StartError::Site(Diagnostics(vec![d]))
    }
}

/// Limits and trust, from `mail.service` and the environment.
#[derive(Debug, Clone)]
pub struct Policy {
    pub trusted_proxies: Vec<IpRange>,
    pub rate_per_minute: u32,
    pub emails_per_address: u32,
    /// Origins (`https://host[:port]`, lower case) whose pages may post to the service.
    pub allowed_origins: Vec<String>,
}

impl Policy {
    /// The settings with the environment's overrides (`var` looks a variable up).
    pub fn from_settings(
        mail: &MailSettings,
        base_url: &str,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Policy, StartError> {
        let s: &ServiceSettings = &mail.service;
        let list = |name: &str, from_file: &[String]| -> Vec<String> {
            match var(name) {
                Some(v) => v
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                None => from_file.to_vec(),
            }
        };
        let number = |name: &str, from_file: u32| -> Result<u32, StartError> {
            match var(name) {
                Some(v) => v.trim().parse().map_err(|_| {
                    StartError::Setting(format!("{name} must be a whole number, not `{v}`"))
                }),
                None => Ok(from_file),
            }
        };
        let mut trusted_proxies = Vec::new();
        for p in list(env::TRUSTED_PROXIES, &s.trusted_proxies) {
            trusted_proxies.push(IpRange::parse(&p).ok_or_else(|| {
                StartError::Setting(format!(
                    "mail.service.trusted_proxies: `{p}` is not an IP address or range (like 127.0.0.1, ::1 or 10.0.0.0/8)"
                ))
            })?);
        }
        let mut allowed_origins = Vec::new();
        for o in [base_url.to_owned(), mail.service_url.clone()]
            .into_iter()
            .chain(list(env::ALLOWED_ORIGINS, &s.allowed_origins))
        {
            let origin = origin_of(&o).ok_or_else(|| {
                StartError::Setting(format!(
                    "`{o}` is not a web address (like https://www.example.org): check mail.service_url and mail.service.allowed_origins"
                ))
            })?;
            if !allowed_origins.contains(&origin) {
                allowed_origins.push(origin);
            }
        }
        Ok(Policy {
            trusted_proxies,
            rate_per_minute: number(env::RATE_PER_MINUTE, s.rate_per_minute)?,
            emails_per_address: number(env::EMAILS_PER_ADDRESS, s.emails_per_address)?,
            allowed_origins,
        })
    }
}

pub use crate::theme::forms::origin_of;

/// The path of `mail.service_url` (`https://x.example/prenumeration/` → `/prenumeration`), which
/// every route of the service is below.
pub fn service_prefix(service_url: &str) -> Result<String, StartError> {
    let bad = || {
        StartError::Setting(format!(
            "mail.service_url `{service_url}` is not a web address (like https://prenumeration.example.org)"
        ))
    };
    origin_of(service_url).ok_or_else(bad)?;
    let rest = service_url.split_once("://").ok_or_else(bad)?.1;
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    if path.contains("//") || path.contains("/../") || path.contains('{') {
        return Err(bad());
    }
    Ok(path.trim_end_matches('/').to_owned())
}

/// Lines for the operator, on stderr. Never an address in clear: callers mask them.
#[derive(Debug, Clone)]
pub struct Log {
    quiet: bool,
    verbose: bool,
    /// Lines are stamped by the service's clock (UTC: the zone a server's logs are read in).
    clock: Clock,
    /// Rejected links logged in the current minute (its start, and the count), so that a
    /// flood of guessed tokens cannot flood the log.
    rejected: Arc<std::sync::Mutex<(i64, u32)>>,
}

/// Rejected links logged per minute at most.
const REJECTED_PER_MINUTE: u32 = 10;

impl Log {
    /// Every line masks the addresses in it, whoever wrote it.
    fn line(&self, text: &str) {
        let text = crate::mail::subscribers::mask_in(text);
        eprintln!(
            "{} {text}",
            self.clock
                .now_utc(chrono_tz::UTC)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
    }
    /// What an operator wants to see: starting, stopping, what was sent.
    pub fn info(&self, text: impl AsRef<str>) {
        if !self.quiet {
            self.line(text.as_ref());
        }
    }
    /// Every event (`--verbose`).
    pub fn detail(&self, text: impl AsRef<str>) {
        if self.verbose {
            self.line(text.as_ref());
        }
    }
    pub fn error(&self, text: impl AsRef<str>) {
        self.line(&format!("error: {}", text.as_ref()));
    }
    /// A link token that was refused, and why: at most [`REJECTED_PER_MINUTE`] lines a minute
    /// (the last one says that more are left out), whatever `--quiet` says.
    pub fn rejected_link(&self, text: impl AsRef<str>) {
        let minute = self.clock.now_utc(chrono_tz::UTC).timestamp() / 60;
        let n = {
            let Ok(mut r) = self.rejected.lock() else {
                return;
            };
            if r.0 != minute {
                *r = (minute, 0);
            }
            r.1 += 1;
            r.1
        };
        match n {
            n if n < REJECTED_PER_MINUTE => self.line(&format!("warning: {}", text.as_ref())),
            REJECTED_PER_MINUTE => self.line(&format!(
                "warning: {} (more rejected links in this minute are not logged)",
                text.as_ref()
            )),
            _ => {}
        }
    }
}

impl Service {
    /// The time now by the service's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now_utc(self.pages.site.config.tz)
    }
}

/// Everything the endpoints share.
pub struct Service {
    pub pages: Pages,
    pub settings: MailSettings,
    pub key: LinkKey,
    pub writer: Writer,
    pub limiter: RateLimiter,
    pub policy: Policy,
    pub clock: Clock,
    /// Wakes the sender after something is queued (none: this process does not send).
    pub wake: Option<Arc<Notify>>,
    pub log: Log,
    /// The site's stylesheet, served at `pages.stylesheet`.
    pub css: Bytes,
}

/// The theme's stylesheet (a site's `static/style.css` or its theme's replaces the built-in
/// one, as in a build), and its path on the service, named by a hash of its content.
fn stylesheet(root: &Path, theme: &str, prefix: &str) -> (Bytes, String) {
    let mut css: Vec<u8> = crate::theme::templates::EMBEDDED_STATIC
        .iter()
        .find(|(n, _)| *n == "style.css")
        .map(|(_, b)| b.to_vec())
        .unwrap_or_default();
    for dir in [
        root.join("themes").join(theme).join("static"),
        root.join("static"),
    ] {
        if let Ok(bytes) = std::fs::read(dir.join("style.css")) {
            css = bytes;
        }
    }
    let hash = blake3::hash(&css).to_hex();
    // The site's address of it, below the service's prefix.
    let path = format!("{prefix}{}", crate::site::urls::stylesheet(&hash[..10]));
    (Bytes::from(css), path)
}

/// Starts the service and runs it until SIGTERM or SIGINT.
pub fn serve(opts: ServeOptions) -> Result<(), StartError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("anslag-service")
        .build()?;
    runtime.block_on(run(opts))
}

async fn run(opts: ServeOptions) -> Result<(), StartError> {
    let log = Log {
        quiet: opts.quiet,
        verbose: opts.verbose,
        clock: opts.clock.clone(),
        rejected: Default::default(),
    };
    let started = start(&opts, &log)?;
    let service = &started.service;
    let listen = listen_address(opts.listen)?;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|error| StartError::Listen {
            addr: listen,
            error,
        })?;
    let local = listener.local_addr()?;
    let mut hold =
        connections::Hold::from_settings(&service.settings.service).map_err(StartError::Setting)?;
    hold.fit_open_files(&log);
    let app = routes::router(service.clone()).layer(axum::middleware::from_fn_with_state(
        hold.body_timeout,
        connections::whole_body,
    ));
    // Printed even with --quiet: with port 0, it is the only way to learn the address.
    println!(
        "Subscription service on http://{local}{}/ (public address {}; {}SIGTERM or Ctrl+C stops)",
        service.pages.prefix,
        service.settings.service_url,
        if opts.send { "" } else { "not sending; " }
    );
    log.detail(format!(
        "limits: {} posts a minute per client, {} emails a day per address; {} connections at once, {} s for headers, {} s for a body, {} s idle",
        service.policy.rate_per_minute,
        service.policy.emails_per_address,
        hold.max_connections,
        hold.header_timeout.as_secs(),
        hold.body_timeout.as_secs(),
        hold.idle_timeout.as_secs()
    ));

    let result = serve_until_stopped(listener, app, hold, &log).await;
    let Started {
        service,
        sender,
        store_thread,
    } = started;
    if let Some(s) = sender {
        s.stop(SHUTDOWN_GRACE).await;
    }
    drop(service);
    // The store thread commits what it holds and ends when the last handle is gone; a request
    // still open after the grace period may hold one, so do not wait for it for ever.
    let joined = tokio::task::spawn_blocking(move || store_thread.join());
    if tokio::time::timeout(Duration::from_secs(5), joined)
        .await
        .is_err()
    {
        log.info("the store is still in use by a request that did not finish");
    }
    log.info("stopped");
    result.map_err(StartError::Io)
}

/// What the service runs on, before it listens. Should listening fail, the fields are dropped
/// in their order here, the same as when `run` held them itself.
struct Started {
    service: Arc<Service>,
    /// Sends what is queued (none: this process does not send).
    sender: Option<sender::Sender>,
    /// The thread that owns the store connection (see [`writer`]).
    store_thread: std::thread::JoinHandle<()>,
}

/// Loads the site, its texts and templates, the link key and the store, and starts the
/// sender; every problem of the configuration is found here, before listening.
fn start(opts: &ServeOptions, log: &Log) -> Result<Started, StartError> {
    let root = opts.root.clone();
    let clock = opts.clock.clone();
    let config = crate::config::load(&root)?;
    let store_path = crate::mail::subscribers::store_path(&root, &config)?;
    let Some(settings) = config.site.mail.clone() else {
        return Err(StartError::Setting(
            "site.yaml has no `mail:` section: there is nothing to subscribe to".into(),
        ));
    };
    let policy = Policy::from_settings(&settings, &config.base_url, |n| std::env::var(n).ok())?;
    let prefix = service_prefix(&settings.service_url)?;
    let (i18n, warnings) = I18n::load(&root, &config)?;
    for w in &warnings {
        eprintln!("{}", w.render(crate::diagnostics::colour_stderr()));
    }
    let i18n = Arc::new(i18n);
    let templates = Arc::new(crate::theme::templates::environment(
        &root,
        &config,
        i18n.clone(),
    )?);
    let (css, css_path) = stylesheet(&root, &config.site.theme, &prefix);
    let site = Arc::new(Site::load(&root, config, &clock, false)?);
    let key = LinkKey::load(&store_path)?;
    let (writer, store_thread) = Writer::start(&store_path)?;
    let pages = Pages::new(
        site.clone(),
        i18n.clone(),
        templates.clone(),
        prefix.clone(),
        css_path,
    )?;

    let sender = opts.send.then(|| {
        let parts = sender::MailParts {
            root: root.clone(),
            site: site.clone(),
            i18n: i18n.clone(),
            templates: templates.clone(),
            settings: settings.clone(),
            key: key.clone(),
        };
        let log = log.clone();
        sender::Sender::start(&store_path, parts, move |line| log.info(line))
    });
    let service = Arc::new(Service {
        pages,
        settings,
        key,
        writer,
        limiter: RateLimiter::new(policy.rate_per_minute),
        policy,
        clock,
        wake: sender.as_ref().map(sender::Sender::wake),
        log: log.clone(),
        css,
    });
    Ok(Started {
        service,
        sender,
        store_thread,
    })
}

/// `--listen`, else [`env::LISTEN`], else [`DEFAULT_LISTEN`].
fn listen_address(listen: Option<SocketAddr>) -> Result<SocketAddr, StartError> {
    match listen {
        Some(a) => Ok(a),
        None => std::env::var(env::LISTEN)
            .ok()
            .unwrap_or_else(|| DEFAULT_LISTEN.into())
            .trim()
            .parse()
            .map_err(|_| {
                StartError::Setting(format!(
                    "{} must be an address like 127.0.0.1:8025",
                    env::LISTEN
                ))
            }),
    }
}

/// Serves until SIGTERM or SIGINT, then lets the requests under way finish for
/// [`SHUTDOWN_GRACE`] at most.
async fn serve_until_stopped(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    hold: connections::Hold,
    log: &Log,
) -> std::io::Result<()> {
    let (stop_tx, stop_rx) = watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop_tx.send(true);
    });
    connections::serve(listener, app, hold, stop_rx, log).await
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {}
        _ = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_and_prefixes_come_from_urls() {
        assert_eq!(
            origin_of("https://Prenumeration.Ekvik.example/x"),
            Some("https://prenumeration.ekvik.example".into())
        );
        assert_eq!(
            origin_of("https://a.example:443"),
            Some("https://a.example".into())
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8025/"),
            Some("http://127.0.0.1:8025".into())
        );
        assert_eq!(origin_of("ftp://a.example"), None);
        assert_eq!(origin_of("https://"), None);
        assert_eq!(service_prefix("https://p.example").unwrap(), "");
        assert_eq!(service_prefix("https://p.example/").unwrap(), "");
        assert_eq!(
            service_prefix("https://www.example/prenumeration/").unwrap(),
            "/prenumeration"
        );
        assert!(service_prefix("prenumeration").is_err());
    }
}
