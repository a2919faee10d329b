//! Watching the site's files for the processes that keep the site up to date
//! (`anslag serve`, `anslag publish --watch`): one stream of events for a rebuild loop to
//! wait on, telling files that changed (a burst of file events at a time: one save), the
//! moment the site changes by itself (an embargo lifts, a notice expires) and a request to stop.
//!
//! There is no fixed debounce: a rebuild starts as soon as the burst of events that began it is
//! over, which for an editor's save is within a few milliseconds. A burst is over when every file
//! written in it has been closed (or renamed) and nothing followed for [`GRACE`]; a file still
//! open for writing holds it for up to [`OPEN_WRITE`], and no burst lasts longer than
//! [`LONGEST`]. Events that arrive while a rebuild runs wait in the channel and make the next
//! burst at once, so the last event is always followed by a rebuild that reads the final bytes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

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

/// How long a burst waits for more once its files are closed: an atomic save renames its
/// temporary file over the document right after closing it, and the two belong together.
const GRACE: Duration = Duration::from_millis(2);
/// How long a burst waits for more while a file written in it is still open: a program that
/// writes a file in several pieces (or truncates it, then writes) is not done yet.
const OPEN_WRITE: Duration = Duration::from_millis(20);
/// The longest a burst collects: a stream of changes that never pauses (a checkout of many
/// files) is rebuilt in steps, not starved.
const LONGEST: Duration = Duration::from_millis(100);
/// Beyond this many files, a rebuild looks at everything: a walk of `content/` costs no more
/// than updating the listing file by file.
const MOST_PATHS: usize = 1_000;

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
    File(notify::Result<notify::Event>),
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
    _watcher: RecommendedWatcher,
    tx: Sender<Message>,
    rx: Receiver<Message>,
    root: PathBuf,
    /// Folders whose changes are the site's own writing (the output).
    ignored: Vec<PathBuf>,
}

impl Watcher {
    /// Starts watching `root` (canonical); changes under `ignored` are never told.
    pub fn start(root: &Path, ignored: &[PathBuf]) -> notify::Result<Watcher> {
        let (tx, rx) = channel::<Message>();
        let files = tx.clone();
        let mut watcher = notify::recommended_watcher(move |e| {
            let _ = files.send(Message::File(e));
        })?;
        for name in WATCHED {
            let path = root.join(name);
            if path.is_dir() {
                watcher.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        // site.yaml is watched through its folder: editors often replace the file on save.
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        Ok(Watcher {
            _watcher: watcher,
            tx,
            rx,
            root: root.to_path_buf(),
            ignored: ignored.to_vec(),
        })
    }

    pub fn stopper(&self) -> Stopper {
        Stopper(self.tx.clone())
    }

    /// Waits for the next change of the site's files (the whole burst it begins), for `due`
    /// (by `clock`; a fixed clock never moves, so nothing is due by it), or for a request to
    /// stop.
    pub fn next(&self, due: Option<DateTime<Utc>>, clock: &Clock) -> Event {
        let due = due.filter(|_| !clock.is_fixed());
        loop {
            let mut burst = Burst::new();
            match self.first_change(due, clock, &mut burst) {
                Some(event) => return event,
                None => {
                    if let Some(stop) = self.rest_of(&mut burst) {
                        return stop;
                    }
                }
            }
            if std::env::var_os("ANSLAG_DEBUG_WATCH").is_some() {
                eprintln!("changed: {burst:?}");
            }
            // A burst can come to nothing: a file made and removed again (vim's `4913`).
            if let Some(event) = burst.into_event() {
                return event;
            }
        }
    }

    /// Waits until an event changes one of the site's files, and puts it in `burst`; or
    /// returns what came first instead (due, stop).
    fn first_change(
        &self,
        due: Option<DateTime<Utc>>,
        clock: &Clock,
        burst: &mut Burst,
    ) -> Option<Event> {
        loop {
            let message = match due {
                Some(at) => {
                    let wait = clock.wait_until(at, chrono_tz::UTC);
                    if wait.is_zero() {
                        return Some(Event::Due);
                    }
                    match self.rx.recv_timeout(wait) {
                        Ok(m) => m,
                        // Woken a little early is not due yet: the loop looks again.
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => return Some(Event::Stop),
                    }
                }
                None => match self.rx.recv() {
                    Ok(m) => m,
                    Err(_) => return Some(Event::Stop),
                },
            };
            match message {
                Message::Stop => return Some(Event::Stop),
                Message::File(e) => {
                    if burst.add(e, |p| self.concerns_site(p)) {
                        return None;
                    }
                }
            }
        }
    }

    /// Adds the rest of the burst's events; `Some(Stop)` if asked to stop meanwhile.
    fn rest_of(&self, burst: &mut Burst) -> Option<Event> {
        while let Some(wait) = burst.wait() {
            match self.rx.recv_timeout(wait) {
                Ok(Message::File(e)) => {
                    burst.add(e, |p| self.concerns_site(p));
                }
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    return Some(Event::Stop);
                }
                Err(RecvTimeoutError::Timeout) => return None,
            }
        }
        None
    }

    /// Whether a change to `p` is a change to the site: in one of [`WATCHED`], not in the
    /// output.
    fn concerns_site(&self, p: &Path) -> bool {
        if self.ignored.iter().any(|dir| p.starts_with(dir)) {
            return false;
        }
        let rel = p.strip_prefix(&self.root).unwrap_or(p);
        rel.components()
            .next()
            .is_some_and(|c| WATCHED.iter().any(|w| c.as_os_str() == *w))
    }
}

/// The file events of one burst, folded into what changed.
#[derive(Debug)]
struct Burst {
    /// Per path, in the order first seen: whether its first event made it (created, renamed
    /// to) and its last removed it (removed, renamed away). A path made and removed within the
    /// burst came to nothing: an editor's temporary file.
    paths: Vec<PathBuf>,
    fate: HashMap<PathBuf, (bool, bool)>,
    /// Files written in this burst that have not been closed (or renamed) yet.
    open: HashSet<PathBuf>,
    /// The watcher lost track (its queue overflowed, or it failed): look at everything.
    lost: bool,
    started: Instant,
    last: Instant,
}

/// What an event does to one of its paths.
#[derive(Clone, Copy)]
enum Effect {
    /// The path was changed: `made` (created, renamed to), `gone` (removed, renamed away);
    /// `writing`: opened for writing (`Some(true)`), complete (`Some(false)`), or as it was.
    Change {
        made: bool,
        gone: bool,
        writing: Option<bool>,
    },
    /// A file written was closed.
    Closed,
}

impl Burst {
    fn new() -> Burst {
        let now = Instant::now();
        Burst {
            paths: Vec::new(),
            fate: HashMap::new(),
            open: HashSet::new(),
            lost: false,
            started: now,
            last: now,
        }
    }

    /// Adds an event, for the paths that `concerns` says are the site's; true if it changed
    /// something (reading a file, as a build does, is an event too, and changes nothing).
    fn add(
        &mut self,
        event: notify::Result<notify::Event>,
        concerns: impl Fn(&Path) -> bool,
    ) -> bool {
        let event = match event {
            Ok(e) if !e.need_rescan() => e,
            _ => {
                self.lost = true;
                self.last = Instant::now();
                return true;
            }
        };
        let mut changed = false;
        for (i, path) in event.paths.iter().enumerate() {
            let Some(effect) = effect_of(&event.kind, i) else {
                continue;
            };
            if !concerns(path) {
                continue;
            }
            changed |= !matches!(effect, Effect::Closed);
            self.note(path, effect);
        }
        if changed {
            self.last = Instant::now();
        }
        changed
    }

    fn note(&mut self, path: &Path, effect: Effect) {
        let (made, gone, writing) = match effect {
            Effect::Closed => (false, false, Some(false)),
            Effect::Change {
                made,
                gone,
                writing,
            } => (made, gone, writing),
        };
        match writing {
            Some(true) => {
                self.open.insert(path.to_path_buf());
            }
            Some(false) => {
                self.open.remove(path);
            }
            None => {}
        }
        if matches!(effect, Effect::Closed) {
            return;
        }
        match self.fate.get_mut(path) {
            Some((_, last_gone)) => *last_gone = gone,
            None => {
                self.paths.push(path.to_path_buf());
                self.fate.insert(path.to_path_buf(), (made, gone));
            }
        }
    }

    /// How much longer to wait for more events of this burst; `None` when it is over.
    fn wait(&self) -> Option<Duration> {
        if self.lost {
            return None;
        }
        let quiet = if self.open.is_empty() {
            GRACE
        } else {
            OPEN_WRITE
        };
        let until = (self.last + quiet).min(self.started + LONGEST);
        let left = until.saturating_duration_since(Instant::now());
        (!left.is_zero()).then_some(left)
    }

    /// The rebuild the burst calls for: none if it came to nothing.
    fn into_event(self) -> Option<Event> {
        if self.lost {
            return Some(Event::Changed(None));
        }
        let fate = self.fate;
        let paths: Vec<PathBuf> = self
            .paths
            .into_iter()
            .filter(|p| fate.get(p).is_none_or(|(made, gone)| !(*made && *gone)))
            .collect();
        match paths.len() {
            0 => None,
            n if n > MOST_PATHS => Some(Event::Changed(None)),
            _ => Some(Event::Changed(Some(paths))),
        }
    }
}

/// What an event of `kind` does to its `i`-th path; `None` for events that change nothing.
fn effect_of(kind: &EventKind, i: usize) -> Option<Effect> {
    let change = |made, gone, writing| {
        Some(Effect::Change {
            made,
            gone,
            writing,
        })
    };
    match kind {
        EventKind::Create(CreateKind::File) => change(true, false, Some(true)),
        EventKind::Create(_) => change(true, false, None),
        EventKind::Modify(ModifyKind::Data(_)) => change(false, false, Some(true)),
        // A file renamed is complete (an atomic save's last step).
        EventKind::Modify(ModifyKind::Name(RenameMode::From)) => change(false, true, Some(false)),
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => change(true, false, Some(false)),
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
            change(i != 0, i == 0, Some(false))
        }
        EventKind::Modify(_) => change(false, false, None),
        EventKind::Remove(_) => change(false, true, Some(false)),
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Some(Effect::Closed),
        EventKind::Access(_) | EventKind::Any | EventKind::Other => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{DataChange, RemoveKind};

    fn ev(kind: EventKind, paths: &[&str]) -> notify::Result<notify::Event> {
        let mut e = notify::Event::new(kind);
        for p in paths {
            e = e.add_path(PathBuf::from(p));
        }
        Ok(e)
    }

    fn burst(events: Vec<notify::Result<notify::Event>>) -> Burst {
        let mut b = Burst::new();
        for e in events {
            b.add(e, |p| p.starts_with("/site/content"));
        }
        b
    }

    fn paths(b: Burst) -> Option<Vec<PathBuf>> {
        match b.into_event() {
            Some(Event::Changed(p)) => p,
            other => panic!("{other:?}"),
        }
    }

    const DOC: &str = "/site/content/press/2026-11-01-a.sv.md";
    const TMP: &str = "/site/content/press/2026-11-01-a.sv.md.tmp";

    #[test]
    fn an_atomic_save_is_the_document_alone_and_complete() {
        let b = burst(vec![
            ev(EventKind::Create(CreateKind::File), &[TMP]),
            ev(EventKind::Modify(ModifyKind::Data(DataChange::Any)), &[TMP]),
            ev(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &[TMP],
            ),
            ev(
                EventKind::Modify(ModifyKind::Name(RenameMode::From)),
                &[TMP],
            ),
            ev(EventKind::Modify(ModifyKind::Name(RenameMode::To)), &[DOC]),
            ev(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &[TMP, DOC],
            ),
        ]);
        assert!(b.open.is_empty(), "nothing is left open");
        assert!(b.wait().is_some_and(|w| w <= GRACE));
        assert_eq!(paths(b), Some(vec![PathBuf::from(DOC)]));
    }

    #[test]
    fn vims_probe_and_backup_come_to_nothing() {
        let probe = "/site/content/press/4913";
        let backup = "/site/content/press/2026-11-01-a.sv.md~";
        let b = burst(vec![
            ev(EventKind::Create(CreateKind::File), &[probe]),
            ev(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &[probe],
            ),
            ev(EventKind::Remove(RemoveKind::File), &[probe]),
        ]);
        assert!(b.into_event().is_none(), "the probe alone rebuilds nothing");
        let b = burst(vec![
            ev(
                EventKind::Modify(ModifyKind::Name(RenameMode::From)),
                &[DOC],
            ),
            ev(
                EventKind::Modify(ModifyKind::Name(RenameMode::To)),
                &[backup],
            ),
            ev(EventKind::Create(CreateKind::File), &[DOC]),
            ev(EventKind::Modify(ModifyKind::Data(DataChange::Any)), &[DOC]),
            ev(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &[DOC],
            ),
            ev(EventKind::Remove(RemoveKind::File), &[backup]),
        ]);
        assert_eq!(paths(b), Some(vec![PathBuf::from(DOC)]));
    }

    #[test]
    fn a_file_still_being_written_holds_the_burst_longer() {
        let b = burst(vec![ev(
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            &[DOC],
        )]);
        assert!(b.wait().is_some_and(|w| w > GRACE && w <= OPEN_WRITE));
        // Reading files (a build does) and files outside the site change nothing.
        let mut b = Burst::new();
        assert!(!b.add(
            ev(EventKind::Access(AccessKind::Open(AccessMode::Any)), &[DOC]),
            |p| p.starts_with("/site/content"),
        ));
        assert!(!b.add(
            ev(
                EventKind::Modify(ModifyKind::Data(DataChange::Any)),
                &["/site/.anslag/preview/index.html"]
            ),
            |p| p.starts_with("/site/content"),
        ));
    }

    #[test]
    fn a_lost_watcher_or_a_storm_looks_at_everything() {
        let overflow =
            Ok(notify::Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan));
        let b = burst(vec![overflow]);
        assert!(b.wait().is_none(), "no waiting for more");
        assert_eq!(paths(b), None);
        assert_eq!(
            paths(burst(vec![Err(notify::Error::generic("gone"))])),
            None
        );
        let storm = (0..=MOST_PATHS)
            .map(|i| {
                ev(
                    EventKind::Remove(RemoveKind::File),
                    &[&format!("/site/content/press/{i}.md")],
                )
            })
            .collect();
        assert_eq!(paths(burst(storm)), None);
    }
}
