//! The service's one connection to the subscriber store, owned by one thread.
//!
//! SQLite takes one writer at a time; many connections taking turns would wait on each other's
//! locks (with sleeps). Instead, requests hand their work to this thread as closures, and it
//! runs whatever has arrived meanwhile in one transaction: each piece of work in its own
//! savepoint (a failed one is rolled back alone), then one commit for all. A request is
//! answered only after the commit, so what it was told is on disk. Under a crowd of sign-ups
//! this turns hundreds of small transactions a second into a few larger ones.

use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;

use rusqlite::Connection;
use tokio::sync::oneshot;

use crate::mail::store::{self, StoreError};

/// Work for the store thread: it does its part on the connection and returns how to answer
/// once the transaction is committed (`true`) or not (`false`).
type Job = Box<dyn FnOnce(&Connection) -> Answer + Send>;
type Answer = Box<dyn FnOnce(bool) + Send>;

/// Most pieces of work in one transaction.
const BATCH: usize = 256;

/// Why the store could not do something.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("the subscriber store could not save the change")]
    NotCommitted,
    #[error("the subscriber store has been closed")]
    Closed,
}

/// A handle to the store thread; cheap to clone.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Opens the store at `path` (creating and migrating it) and starts its thread.
    pub fn start(path: &Path) -> Result<(Writer, JoinHandle<()>), StoreError> {
        let conn = store::open(path)?;
        // The salt is made once here, not inside some request's transaction.
        store::salt(&conn)?;
        let (tx, rx) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("anslag-store".into())
            .spawn(move || run(conn, rx))
            .map_err(|e| StoreError::Corrupt(format!("cannot start the store thread: {e}")))?;
        Ok((Writer { jobs: tx }, thread))
    }

    /// Runs `f` on the store, in a savepoint of the current batch's transaction, and returns its
    /// result once the transaction is committed.
    pub async fn call<T, F>(&self, f: F) -> Result<T, WriteError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let result = in_savepoint(conn, f);
            Box::new(move |committed| {
                let answer = match result {
                    Ok(v) if committed => Ok(v),
                    Ok(_) => Err(WriteError::NotCommitted),
                    Err(e) => Err(WriteError::Store(e)),
                };
                let _ = tx.send(answer);
            })
        });
        self.jobs.send(job).map_err(|_| WriteError::Closed)?;
        rx.await.map_err(|_| WriteError::Closed)?
    }
}

fn in_savepoint<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    conn.execute_batch("SAVEPOINT request")?;
    match f(conn) {
        Ok(v) => {
            conn.execute_batch("RELEASE request")?;
            Ok(v)
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK TO request; RELEASE request");
            Err(e)
        }
    }
}

fn run(conn: Connection, jobs: mpsc::Receiver<Job>) {
    let mut batch: Vec<Job> = Vec::with_capacity(BATCH);
    while let Ok(first) = jobs.recv() {
        batch.push(first);
        while batch.len() < BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        // If the transaction cannot begin (another process holds the lock past the busy
        // timeout), each piece of work runs alone: its savepoint is then its own transaction,
        // committed by its release, and its result says whether that worked.
        let begun = conn.execute_batch("BEGIN IMMEDIATE").is_ok();
        let answers: Vec<Answer> = batch.drain(..).map(|job| job(&conn)).collect();
        let committed = !begun || conn.execute_batch("COMMIT").is_ok();
        if !conn.is_autocommit() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        for answer in answers {
            answer(committed);
        }
    }
    // Every handle is gone: the service is stopping. Fold the log into the database.
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn work_is_committed_together_and_a_failure_stays_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let (writer, thread) = Writer::start(&path).unwrap();
        writer
            .call(|c| Ok(c.execute_batch("CREATE TABLE t (x INTEGER UNIQUE)")?))
            .await
            .unwrap();
        let mut calls = Vec::new();
        for x in [1, 2, 2, 3] {
            let w = writer.clone();
            calls.push(tokio::spawn(async move {
                w.call(move |c| Ok(c.execute("INSERT INTO t VALUES (?1)", [x])?))
                    .await
            }));
        }
        let mut failed = 0;
        for c in calls {
            if c.await.unwrap().is_err() {
                failed += 1;
            }
        }
        assert_eq!(failed, 1, "the second 2 breaks the unique constraint");
        let n: i64 = writer
            .call(|c| Ok(c.query_row("SELECT count(*) FROM t", [], |r| r.get(0))?))
            .await
            .unwrap();
        assert_eq!(n, 3);
        drop(writer);
        thread.join().unwrap();
    }
}
