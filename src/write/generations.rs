//! Publishing again and again (`anslag publish --watch`) without writing the whole site each
//! time, and still swapping it in whole.
//!
//! Beside the output lives a spare: a complete copy of the site, its files hard links to the
//! live ones where they are the same. A rebuild writes only what changed into the spare (always
//! replacing a file, never rewriting it in place, so the live site's inodes are never touched),
//! and the spare is then exchanged with the output in one `renameat2(EXCHANGE)`: readers see
//! the old site or the new one, never a mix. The old site becomes the next spare, behind by the
//! files that rebuild changed; those are brought up to date (linked from the live site) before
//! the next rebuild writes into it. A rebuild that fails leaves the live site alone, and the
//! files it wrote into the spare are brought back the same way.
//!
//! The first rebuild of a process writes everything into a fresh folder (it cannot know what
//! an earlier process left in the output); the spare is then made by linking every file.
//!
//! Later rebuilds swap their files in without the precompressed copies (the old copies are
//! removed, so none of older bytes is served: the web server sends the file as it is), and
//! [`Generations::compress_deferred`] swaps the copies in right after: Brotli at quality 9
//! over a rebuild's lists and feeds takes many times as long as rendering them, and an embargo
//! lifting must not wait for it.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Changed, Written, placed, remove_leftovers, remove_tree, remove_with_copies};

/// The suffixes of the copies beside a file.
const COPIES: [&str; 3] = ["", ".gz", ".br"];

/// The live site and its spare.
pub struct Generations {
    live: PathBuf,
    parent: PathBuf,
    name: String,
    compress: bool,
    /// A complete copy of the live site except for `stale`; `None` before the first swap.
    spare: Option<PathBuf>,
    /// Files (site paths) in which the spare differs from the live site.
    stale: HashSet<String>,
    /// What the live site holds.
    written: Written,
    /// Files of the live site still without the compressed copies they should have.
    uncompressed: HashSet<String>,
}

/// One rebuild's folder: hand [`Pass::sink`] to the builder, then [`Generations::commit`] or
/// [`Generations::discard`] it.
pub struct Pass {
    sink: Changed,
    dir: PathBuf,
    /// A fresh folder (the first rebuild), not the spare.
    fresh: bool,
}

impl Pass {
    pub fn sink(&self) -> &Changed {
        &self.sink
    }
}

/// What a commit changed in the live site.
#[derive(Debug, Default, Clone, Copy)]
pub struct Swapped {
    pub written: usize,
    pub removed: usize,
}

impl Generations {
    pub fn new(output: &Path, compress: bool) -> io::Result<Generations> {
        let (live, parent, name) = placed(output)?;
        std::fs::create_dir_all(&parent)?;
        remove_leftovers(&parent, &name);
        Ok(Generations {
            live,
            parent,
            name,
            compress,
            spare: None,
            stale: HashSet::new(),
            written: Written::new(),
            uncompressed: HashSet::new(),
        })
    }

    /// A folder to write the next site into: the spare brought up to date, or (the first
    /// time) a fresh folder that takes compressed copies from the output where it can.
    pub fn begin(&mut self) -> io::Result<Pass> {
        if let Some(spare) = self.spare.clone() {
            self.sync_spare(&spare)?;
            let sink =
                Changed::new(&spare, self.written.clone(), self.compress)?.deferring_compression();
            return Ok(Pass {
                sink,
                dir: spare,
                fresh: false,
            });
        }
        let dir = self.folder("tmp");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        let sink = Changed::new(&dir, Written::new(), self.compress)?.reusing(Some(&self.live));
        Ok(Pass {
            sink,
            dir,
            fresh: true,
        })
    }

    /// Swaps the pass in as the live site; `paths` are every file of the new site.
    pub fn commit(&mut self, pass: Pass, paths: &[String]) -> io::Result<Swapped> {
        let finished = pass.sink.finish_listed(Some(paths));
        let swapped = Swapped {
            written: finished.fresh.len(),
            removed: finished.removed.len(),
        };
        if pass.fresh {
            if let Err(e) = super::swap_in(&pass.dir, &self.live, &self.parent, &self.name) {
                let _ = std::fs::remove_dir_all(&pass.dir);
                return Err(e);
            }
            self.written = finished.written;
            return Ok(swapped);
        }
        exchange(&pass.dir, &self.live, &self.parent, &self.name)?;
        // The spare now holds the site as it was: behind by what this pass changed.
        for gone in &finished.removed {
            self.uncompressed.remove(gone);
        }
        self.uncompressed.extend(finished.deferred);
        self.stale.extend(finished.fresh);
        self.stale.extend(finished.removed);
        self.written = finished.written;
        Ok(swapped)
    }

    /// Makes the compressed copies that the last passes left for later, and swaps them in
    /// (the site itself stays as it is). Returns how many files got them.
    pub fn compress_deferred(&mut self) -> io::Result<usize> {
        let Some(spare) = self.spare.clone().filter(|_| !self.uncompressed.is_empty()) else {
            return Ok(0);
        };
        self.sync_spare(&spare)?;
        let todo: Vec<String> = self.uncompressed.iter().cloned().collect();
        let made = todo.par_iter().try_for_each(|rel| {
            let bytes = std::fs::read(self.live.join(rel))?;
            super::compress::write_beside(&spare.join(rel), &bytes)
        });
        // Whatever happened, the spare's copies of these files are not the live ones.
        self.stale.extend(todo.iter().cloned());
        made?;
        exchange(&spare, &self.live, &self.parent, &self.name)?;
        self.uncompressed.clear();
        Ok(todo.len())
    }

    /// Throws a failed pass away; the live site stays as it was.
    pub fn discard(&mut self, pass: Pass) {
        let written = pass.sink.abandon();
        if pass.fresh {
            let _ = std::fs::remove_dir_all(&pass.dir);
        } else {
            self.stale.extend(written);
        }
    }

    /// Makes the spare when there is none yet (after the first swap), so that the next rebuild
    /// need not wait for it: a folder of hard links to every file of the live site.
    pub fn prepare(&mut self) -> io::Result<()> {
        if self.spare.is_some() || !self.live.is_dir() {
            return Ok(());
        }
        let spare = self.folder("spare");
        if spare.exists() {
            std::fs::remove_dir_all(&spare)?;
        }
        if let Err(e) = link_tree(&self.live, &spare) {
            remove_tree(&spare);
            return Err(e);
        }
        self.spare = Some(spare);
        self.stale.clear();
        Ok(())
    }

    /// What the live site holds (site path → hash of its bytes).
    pub fn written(&self) -> &Written {
        &self.written
    }

    /// Brings the files in which the spare is behind up to date from the live site.
    fn sync_spare(&mut self, spare: &Path) -> io::Result<()> {
        let stale: Vec<String> = self.stale.drain().collect();
        stale.par_iter().try_for_each(|rel| {
            remove_with_copies(spare, rel);
            for suffix in COPIES {
                let from = self.live.join(format!("{rel}{suffix}"));
                if from.is_file() {
                    let to = spare.join(format!("{rel}{suffix}"));
                    if let Some(dir) = to.parent() {
                        std::fs::create_dir_all(dir)?;
                    }
                    std::fs::hard_link(&from, &to)?;
                }
            }
            Ok(())
        })
    }

    /// `.{name}.{what}-{pid}` beside the output: a later build removes it if this process
    /// is gone.
    fn folder(&self, what: &str) -> PathBuf {
        self.parent
            .join(format!(".{}.{what}-{}", self.name, std::process::id()))
    }
}

impl Drop for Generations {
    fn drop(&mut self) {
        if let Some(spare) = &self.spare {
            remove_tree(spare);
        }
    }
}

/// A copy of the folder `from` at `to` whose files are hard links to those of `from`.
fn link_tree(from: &Path, to: &Path) -> io::Result<()> {
    let mut files = Vec::new();
    for e in walkdir::WalkDir::new(from) {
        let e = e.map_err(io::Error::other)?;
        let rel = e.path().strip_prefix(from).map_err(io::Error::other)?;
        if e.file_type().is_dir() {
            std::fs::create_dir_all(to.join(rel))?;
        } else {
            files.push(rel.to_path_buf());
        }
    }
    files
        .par_iter()
        .try_for_each(|rel| std::fs::hard_link(from.join(rel), to.join(rel)))
}

/// Exchanges two folders in one step where the filesystem can; else two renames (a moment
/// without a site, as the first build's swap has on such filesystems).
fn exchange(a: &Path, b: &Path, parent: &Path, name: &str) -> io::Result<()> {
    let exchanged = rustix::fs::renameat_with(
        rustix::fs::CWD,
        a,
        rustix::fs::CWD,
        b,
        rustix::fs::RenameFlags::EXCHANGE,
    );
    if exchanged.is_ok() {
        return Ok(());
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    std::fs::rename(b, &old)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&old, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{File, FileData, Sink};

    fn put(pass: &Pass, path: &str, text: &str) {
        pass.sink()
            .put(File {
                path: path.into(),
                data: FileData::Bytes(text.as_bytes().to_vec()),
            })
            .unwrap();
    }

    fn read(dir: &Path, rel: &str) -> Option<String> {
        std::fs::read_to_string(dir.join(rel)).ok()
    }

    #[test]
    fn each_pass_swaps_in_a_whole_site_and_never_touches_the_live_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let mut g = Generations::new(&out, false).unwrap();
        let paths = |ps: &[&str]| ps.iter().map(|p| p.to_string()).collect::<Vec<_>>();

        let pass = g.begin().unwrap();
        put(&pass, "index.html", "one");
        put(&pass, "a/index.html", "a1");
        g.commit(pass, &paths(&["index.html", "a/index.html"]))
            .unwrap();
        g.prepare().unwrap();
        assert_eq!(read(&out, "index.html").as_deref(), Some("one"));

        // Second pass: change one file, drop another, add one.
        let before = std::fs::metadata(out.join("index.html")).unwrap();
        let pass = g.begin().unwrap();
        put(&pass, "index.html", "two");
        put(&pass, "b/index.html", "b1");
        // The live site is as it was until the commit.
        assert_eq!(read(&out, "index.html").as_deref(), Some("one"));
        assert_eq!(read(&out, "b/index.html"), None);
        let s = g
            .commit(pass, &paths(&["index.html", "b/index.html"]))
            .unwrap();
        assert_eq!((s.written, s.removed), (2, 1));
        assert_eq!(read(&out, "index.html").as_deref(), Some("two"));
        assert_eq!(read(&out, "a/index.html"), None);
        assert!(!out.join("a").exists(), "an emptied folder goes too");
        // The file that was live was replaced, not rewritten: the old inode still says "one".
        use std::os::unix::fs::MetadataExt;
        let spare = g.spare.clone().unwrap();
        let old = std::fs::metadata(spare.join("index.html")).unwrap();
        assert_eq!(old.ino(), before.ino());
        assert_eq!(read(&spare, "index.html").as_deref(), Some("one"));

        // Third pass changes nothing but one file; the spare catches up first.
        let pass = g.begin().unwrap();
        put(&pass, "index.html", "three");
        put(&pass, "b/index.html", "b1");
        let s = g
            .commit(pass, &paths(&["index.html", "b/index.html"]))
            .unwrap();
        assert_eq!((s.written, s.removed), (1, 0));
        assert_eq!(read(&out, "b/index.html").as_deref(), Some("b1"));
        assert_eq!(read(&out, "a/index.html"), None);

        // A failed pass leaves the live site, and the next pass starts from it.
        let pass = g.begin().unwrap();
        put(&pass, "index.html", "broken");
        g.discard(pass);
        assert_eq!(read(&out, "index.html").as_deref(), Some("three"));
        let pass = g.begin().unwrap();
        put(&pass, "c.txt", "c");
        g.commit(pass, &paths(&["index.html", "b/index.html", "c.txt"]))
            .unwrap();
        assert_eq!(read(&out, "index.html").as_deref(), Some("three"));
        assert_eq!(read(&out, "c.txt").as_deref(), Some("c"));
    }

    #[test]
    fn compressed_copies_follow_the_files_they_belong_to() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let mut g = Generations::new(&out, true).unwrap();
        let paths = vec!["index.html".to_string()];
        let pass = g.begin().unwrap();
        put(&pass, "index.html", "one");
        g.commit(pass, &paths).unwrap();
        g.prepare().unwrap();
        let gz = out.join("index.html.gz");
        assert!(gz.exists(), "the first build compresses at once");

        let pass = g.begin().unwrap();
        put(&pass, "index.html", "two");
        g.commit(pass, &paths).unwrap();
        assert_eq!(read(&out, "index.html").as_deref(), Some("two"));
        assert!(!gz.exists(), "a copy of the old bytes is still served");
        assert_eq!(g.compress_deferred().unwrap(), 1);
        let mut text = String::new();
        use std::io::Read;
        flate2::read::GzDecoder::new(std::fs::File::open(&gz).unwrap())
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "two");
        assert_eq!(g.compress_deferred().unwrap(), 0);

        // The next pass starts from a spare that has caught up.
        let pass = g.begin().unwrap();
        put(&pass, "other.html", "x");
        g.commit(pass, &["index.html".into(), "other.html".into()])
            .unwrap();
        assert!(gz.exists(), "an unchanged file keeps its copies");
        assert_eq!(read(&out, "index.html").as_deref(), Some("two"));
    }
}
