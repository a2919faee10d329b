//! Sending what the service queues: a background task that runs [`crate::mail::send::run`]
//! whenever a confirmation is queued (woken by a [`Notify`]) and every 30 seconds, and stops it
//! when the service stops (the message being sent is finished, the rest stays queued).
//!
//! The service queues two kinds of message, both as `confirm` rows of the outbox (so that the
//! per-address limit counts both): the double opt-in confirmation, composed by
//! [`SiteComposer`], and, for an address that is already confirmed, a message with links to its
//! preferences and unsubscribe pages (message key `manage:…`), composed here. A run claims
//! every due row, also digests and crisis messages that `anslag publish` queued: those are
//! composed from the site as it is at that moment, loaded once per run when the first of them
//! comes, so that a service started days ago never sends yesterday's text.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use crate::config::mail::MailSettings;
use crate::i18n::I18n;
use crate::mail::compose::SiteComposer;
use crate::mail::links::LinkKey;
use crate::mail::outbox::{Claimed, MessageKind};
use crate::mail::send::{self, Compose, SendOptions};
use crate::site::Site;
use crate::theme::templates::Templates;

pub use crate::mail::outbox::MANAGE_KEY_PREFIX;

/// How often the sender looks at the outbox when nothing wakes it.
pub const INTERVAL: Duration = Duration::from_secs(30);

/// What composing needs, loaded when the service starts.
#[derive(Clone)]
pub struct MailParts {
    pub root: PathBuf,
    pub site: Arc<Site>,
    pub i18n: Arc<I18n>,
    pub templates: Arc<Templates>,
    pub settings: MailSettings,
    pub key: LinkKey,
}

/// Composes one run's rows: link messages here, confirmations with the site loaded at start,
/// everything else with the site loaded fresh for the run.
pub struct ServiceComposer {
    parts: MailParts,
    started: SiteComposer,
    fresh: OnceLock<Result<SiteComposer, String>>,
}

impl ServiceComposer {
    pub fn new(parts: MailParts) -> ServiceComposer {
        let started = SiteComposer::new(
            parts.site.clone(),
            parts.i18n.clone(),
            parts.templates.clone(),
            parts.settings.clone(),
            parts.key.clone(),
        );
        ServiceComposer {
            parts,
            started,
            fresh: OnceLock::new(),
        }
    }

    /// The site as it is now, for digests and crisis messages.
    fn fresh(&self) -> Result<&SiteComposer, String> {
        let load = || {
            let p = &self.parts;
            let config = crate::config::load(&p.root).map_err(|d| d.to_string())?;
            let site =
                Site::load(&p.root, config, &p.site.clock, false).map_err(|d| d.to_string())?;
            Ok(SiteComposer::new(
                Arc::new(site),
                p.i18n.clone(),
                p.templates.clone(),
                p.settings.clone(),
                p.key.clone(),
            ))
        };
        self.fresh
            .get_or_init(|| {
                // Loading takes a while: let the runtime move other tasks off this thread.
                use tokio::runtime::{Handle, RuntimeFlavor};
                match Handle::try_current().map(|h| h.runtime_flavor()) {
                    Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(load),
                    _ => load(),
                }
            })
            .as_ref()
            .map_err(|e| format!("cannot load the site to compose the message: {e}"))
    }
}

impl Compose for ServiceComposer {
    fn compose(&self, row: &Claimed) -> Result<lettre::Message, String> {
        match row.kind {
            // Confirmations and link messages.
            MessageKind::Confirm => self.started.compose(row),
            _ => self.fresh()?.compose(row),
        }
    }
}

/// The running sender.
pub struct Sender {
    wake: Arc<Notify>,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Sender {
    /// Starts the background task. `log` gets one line per run that did something.
    pub fn start(
        store: &Path,
        parts: MailParts,
        log: impl Fn(String) + Send + Sync + 'static,
    ) -> Sender {
        let wake = Arc::new(Notify::new());
        let (stop_tx, stop_rx) = watch::channel(false);
        let task = tokio::spawn(run_loop(
            store.to_owned(),
            parts,
            wake.clone(),
            stop_rx,
            Arc::new(log),
        ));
        Sender {
            wake,
            stop: stop_tx,
            task,
        }
    }

    /// Something was queued: send it soon.
    pub fn wake(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    /// Stops the task: a message being sent is finished, the rest stays queued. Waits at most
    /// `within`.
    pub async fn stop(self, within: Duration) {
        let _ = self.stop.send(true);
        let _ = tokio::time::timeout(within, self.task).await;
    }
}

async fn run_loop(
    store: PathBuf,
    parts: MailParts,
    wake: Arc<Notify>,
    mut stop: watch::Receiver<bool>,
    log: Arc<dyn Fn(String) + Send + Sync>,
) {
    loop {
        if *stop.borrow() {
            return;
        }
        let mut opts = SendOptions::new(
            &parts.settings,
            &parts.root,
            parts.site.clock.clone(),
            parts.site.config.tz,
        );
        // Rows waiting for a back-off are left for a later run: this task comes back anyway.
        opts.wait_for_retries = Duration::ZERO;
        opts.progress = false;
        let composer: Arc<dyn Compose> = Arc::new(ServiceComposer::new(parts.clone()));
        match send::run(&store, &parts.settings, composer, opts, stop.clone()).await {
            Ok(r) if r.sent + r.failed + r.retry + r.unknown > 0 => {
                let mut line = format!(
                    "sent {} message(s); {} failed, {} to retry, {} unknown",
                    r.sent, r.failed, r.retry, r.unknown
                );
                // Addresses are masked by the sender.
                for (who, why) in r.failures.iter().take(5) {
                    line.push_str(&format!("\n  failed: {who}: {why}"));
                }
                log(line);
            }
            Ok(_) => {}
            Err(e) => match e.hint() {
                Some(hint) => log(format!("error: sending stopped: {e}\n  hint: {hint}")),
                None => log(format!("error: sending stopped: {e}")),
            },
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(INTERVAL) => {}
            r = stop.changed() => if r.is_err() || *stop.borrow() { return },
        }
    }
}
