//! A publish with nothing to do costs next to nothing, so that cron can run `anslag publish`
//! every minute: each good run records what it saw (a fingerprint of the site's files, the
//! output it swapped in, the subscribers' change count, and the first moment after it at which
//! something falls due) in `.{output}.publish.json` beside the output. The next run compares
//! by looking at file stamps only, and finds nothing to do when everything is as recorded and
//! that moment has not come. A run removes the record before it starts, so a run stopped
//! half-way never looks done.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Delivered;
use crate::build::BuildOptions;
use crate::build::watch::WATCHED;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Record {
    /// [`Inputs::fingerprint`], in hex.
    inputs: String,
    /// The output folder's inode: a build by another command swaps in another folder.
    output: u64,
    /// The moment the site was built for.
    built_for: DateTime<Utc>,
    /// The first moment after it at which something falls due.
    next: Option<DateTime<Utc>>,
    /// The store's count of subscriber changes (with mail).
    subscriber_changes: Option<i64>,
}

/// What a run finds before it builds.
pub struct Inputs {
    record: PathBuf,
    fingerprint: u64,
    /// The subscriber store, when `site.yaml` names one.
    store: Option<PathBuf>,
    tz: chrono_tz::Tz,
}

impl Inputs {
    /// Looks at the stamps (path, length, time of change) of every file the site is made of,
    /// and at what the build is asked to do; reads no file but `site.yaml`.
    pub fn read(opts: &BuildOptions) -> Inputs {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        env!("CARGO_PKG_VERSION").hash(&mut h);
        // A new binary (an upgrade) builds anew.
        if let Ok(exe) = std::env::current_exe() {
            stamp(&exe).hash(&mut h);
        }
        (opts.drafts, opts.compress, &opts.output).hash(&mut h);
        for name in WATCHED {
            for e in walkdir::WalkDir::new(opts.root.join(name))
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                (e.path(), stamp(e.path())).hash(&mut h);
            }
        }
        let config = crate::config::load(&opts.root).ok();
        let store = config
            .as_ref()
            .filter(|c| c.site.mail.is_some())
            .and_then(|c| crate::mail::subscribers::store_path(&opts.root, c).ok());
        Inputs {
            record: record_path(&opts.output),
            fingerprint: h.finish(),
            store,
            tz: config.map_or(chrono_tz::UTC, |c| c.tz),
        }
    }

    /// Whether the last run saw all this, and nothing fell due since.
    pub fn unchanged(&self, opts: &BuildOptions) -> bool {
        let Some(record) = std::fs::read(&self.record)
            .ok()
            .and_then(|b| serde_json::from_slice::<Record>(&b).ok())
        else {
            return false;
        };
        let now = opts.clock.now_utc(self.tz);
        record.inputs == format!("{:016x}", self.fingerprint)
            && inode(&opts.output) == Some(record.output)
            && record.built_for <= now
            && record.next.is_none_or(|next| now < next)
            && self.subscribers_as(record.subscriber_changes, now)
    }

    /// Whether the store is as the last run left it: the same subscriber changes and nothing
    /// waiting in the outbox by now.
    fn subscribers_as(&self, recorded: Option<i64>, now: DateTime<Utc>) -> bool {
        let (Some(path), Some(recorded)) = (&self.store, recorded) else {
            return self.store.is_none() && recorded.is_none();
        };
        let Ok(conn) =
            rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        else {
            return false;
        };
        let changes = crate::mail::store::subscriber_changes(&conn).ok();
        let waiting = crate::mail::outbox::wanted_from(&conn);
        changes == Some(recorded) && matches!(waiting, Ok(w) if w.is_none_or(|at| now < at))
    }

    /// Removes the last run's record.
    pub fn forget(&self) {
        let _ = std::fs::remove_file(&self.record);
    }

    /// Removes the record of the last run into `output`.
    pub fn forget_at(output: &Path) {
        let _ = std::fs::remove_file(record_path(output));
    }

    /// Records a good run of a site built for `built_for`. Best effort: without a record the
    /// next run only does its work.
    pub fn record(
        &self,
        output: &Path,
        built_for: DateTime<Utc>,
        next: Option<DateTime<Utc>>,
        run: &Delivered,
    ) {
        let Some(output) = inode(output) else {
            return;
        };
        let record = Record {
            inputs: format!("{:016x}", self.fingerprint),
            output,
            built_for,
            next,
            subscriber_changes: run.subscriber_changes,
        };
        if let Ok(json) = serde_json::to_vec_pretty(&record) {
            let tmp = self.record.with_extension("json.tmp");
            if std::fs::write(&tmp, json).is_ok() {
                let _ = std::fs::rename(&tmp, &self.record);
            }
        }
    }
}

fn record_path(output: &Path) -> PathBuf {
    super::lock::beside_output(output, "publish.json")
}

fn stamp(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

fn inode(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_dir())
        .map(|m| m.ino())
}
