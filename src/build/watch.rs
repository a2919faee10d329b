//! Watching the site's files for the processes that keep the site up to date
//! (`anslag serve`, `anslag publish --watch`): one stream of events for a rebuild loop to
//! wait on, telling files that changed (debounced: one batch per save), the moment the site
//! changes by itself (an embargo lifts, a notice expires) and a request to stop.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use chrono::{DateTime, Utc};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::site::clock::Clock;

/// Folders and files whose changes trigger a rebuild.
pub const WATCHED: [&str; 6] = [
    "content",
    "site.yaml",
    "themes",
    "templates",
    "locales",
    "static",
];

/// What a rebuild loop wakes up for.
#[derive(Debug)]
pub enum Event {
    /// Files changed (absolute paths); `None` when the watcher lost track of which.
    Changed(Option<Vec<PathBuf>>),
    /// The moment waited for has come.
    Due,
    /// Asked to stop (a signal), or the watcher went away.
    Stop,
}

enum Message {
    Files(DebounceEventResult),
    Stop,
}

/// Asks a [`Watcher`]'s loop to stop, from another thread (a signal handler's).
#[derive(Clone)]
pub struct Stopper(Sender<Message>);

impl Stopper {
    pub fn stop(&self) {
        let _ = self.0.send(Message::Stop);
    }
}

/// Watches the site's folder (all of [`WATCHED`]), leaving out what the site writes itself.
pub struct Watcher {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    tx: Sender<Message>,
    rx: Receiver<Message>,
    root: PathBuf,
    /// Folders whose changes are the site's own writing (the output).
    ignored: Vec<PathBuf>,
}

impl Watcher {
    /// Starts watching `root` (canonical); changes under `ignored` are never told.
    pub fn start(
        root: &Path,
        ignored: &[PathBuf],
    ) -> notify_debouncer_full::notify::Result<Watcher> {
        let (tx, rx) = channel::<Message>();
        let files = tx.clone();
        let mut debouncer = new_debouncer(Duration::from_millis(100), None, move |r| {
            let _ = files.send(Message::Files(r));
        })?;
        for name in WATCHED {
            let path = root.join(name);
            if path.is_dir() {
                debouncer.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        // site.yaml is watched through its folder: editors often replace the file on save.
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        Ok(Watcher {
            _debouncer: debouncer,
            tx,
            rx,
            root: root.to_path_buf(),
            ignored: ignored.to_vec(),
        })
    }

    pub fn stopper(&self) -> Stopper {
        Stopper(self.tx.clone())
    }

    /// Waits for the next change of the site's files, for `due` (by `clock`; a fixed clock
    /// never moves, so nothing is due by it), or for a request to stop.
    pub fn next(&self, due: Option<DateTime<Utc>>, clock: &Clock) -> Event {
        let due = due.filter(|_| !clock.is_fixed());
        loop {
            let message = match due {
                Some(at) => {
                    let wait = clock.wait_until(at, chrono_tz::UTC);
                    if wait.is_zero() {
                        return Event::Due;
                    }
                    match self.rx.recv_timeout(wait) {
                        Ok(m) => m,
                        // Woken a little early is not due yet: the loop looks again.
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => return Event::Stop,
                    }
                }
                None => match self.rx.recv() {
                    Ok(m) => m,
                    Err(_) => return Event::Stop,
                },
            };
            match message {
                Message::Stop => return Event::Stop,
                Message::Files(batch) => {
                    if let Some(event) = self.relevant(batch) {
                        return event;
                    }
                }
            }
        }
    }

    /// The rebuild a batch of file events calls for, if any: only changes count (reading a
    /// file, as a build does, is an event too), and only to the site's own files.
    fn relevant(&self, batch: DebounceEventResult) -> Option<Event> {
        let Ok(events) = batch else {
            // The watcher lost track (e.g. too many changes at once): look at everything.
            return Some(Event::Changed(None));
        };
        if events.iter().any(|e| e.event.need_rescan()) {
            return Some(Event::Changed(None));
        }
        let paths: Vec<PathBuf> = events
            .iter()
            .filter(|e| {
                matches!(
                    e.event.kind,
                    EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                )
            })
            .flat_map(|e| e.event.paths.iter())
            .filter(|p| !self.ignored.iter().any(|dir| p.starts_with(dir)))
            .cloned()
            .collect();
        let relevant = paths.iter().any(|p| {
            let rel = p.strip_prefix(&self.root).unwrap_or(p);
            rel.components()
                .next()
                .is_some_and(|c| WATCHED.iter().any(|w| c.as_os_str() == *w))
        });
        if std::env::var_os("ANSLAG_DEBUG_WATCH").is_some() {
            eprintln!("changed: {paths:?} (relevant: {relevant})");
        }
        relevant.then_some(Event::Changed(Some(paths)))
    }
}
