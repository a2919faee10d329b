//! The publish lock: one publisher per output folder.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// Held while a publish runs, so that a second one (a cron job that overlaps, a second
/// watcher) stops at once instead of building and sending beside it: an exclusive `flock` on
/// a file beside the output folder (whose folder a build must be able to write anyway, for
/// its staging folder). The system releases it when the process ends, however it ends.
pub struct PublishLock {
    _file: std::fs::File,
}

/// `.{name}.{suffix}` beside the output folder `name`: what a publisher keeps about an output
/// lives outside it, where the web server does not serve it.
pub fn beside_output(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    output
        .parent()
        .unwrap_or(Path::new("."))
        .join(format!(".{name}.{suffix}"))
}

impl PublishLock {
    pub fn path(output: &Path) -> PathBuf {
        beside_output(output, "publish.lock")
    }

    pub fn acquire(output: &Path) -> Result<PublishLock, Diagnostic> {
        use std::io::{Read, Seek, Write};
        let path = PublishLock::path(output);
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| {
                Diagnostic::error(&path, format!("cannot open the publish lock: {e}"))
                    .hint("the folder that holds the output must be writable")
            })?;
        if rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_err() {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            return Err(Diagnostic::error(
                &path,
                format!(
                    "another `anslag publish` is running for {} (process {})",
                    output.display(),
                    pid.trim()
                ),
            )
            .hint("nothing was built or sent; it publishes what is due itself, so there is nothing to do (with `publish --watch` running, cron is not needed)"));
        }
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        Ok(PublishLock { _file: file })
    }
}
