//! Writing the site: everything goes to a fresh folder beside the output on the same
//! filesystem ([`Staging`]), and only a complete build is swapped in, in one atomic
//! `renameat2(EXCHANGE)`. A failed or killed build leaves the previous site untouched.
//!
//! Files are handed to a [`Sink`] as soon as they are rendered, from the threads that render
//! them, so that a build never holds the whole site in memory and writing overlaps rendering.
//! With compression on, each HTML, CSS, XML, JSON, text, calendar and feed file gets a `.gz`
//! and a `.br` beside it (see [`compress`]), made in the same threads; a file whose bytes are
//! the same as in the previous build takes the previous build's compressed copies instead of
//! being compressed again.

pub mod compress;
pub mod generations;

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

pub use generations::Generations;

/// One file of the output, relative to the output folder.
#[derive(Debug)]
pub struct File {
    pub path: String,
    pub data: FileData,
}

#[derive(Debug)]
pub enum FileData {
    Bytes(Vec<u8>),
    /// A file copied as it is (attachments).
    Copy(PathBuf),
}

/// Takes the files of the site as they are rendered (from many threads at once).
pub trait Sink: Sync {
    /// Takes a file, with precompressed copies if the sink makes them and its file type
    /// gains from them.
    fn put(&self, file: File) -> io::Result<()> {
        let compress = compress::wanted(&file.path);
        self.put_with(file, compress)
    }
    /// Takes a file, with precompressed copies if the sink makes them and `compress` (what
    /// the output that made it wants).
    fn put_with(&self, file: File, compress: bool) -> io::Result<()>;
}

/// Hands every file to `sink`; an error names the file that could not be written.
pub fn put_all(sink: &dyn Sink, files: Vec<File>) -> Result<(), crate::diagnostics::Diagnostics> {
    let mut errs = crate::diagnostics::Diagnostics::default();
    for f in files {
        let path = f.path.clone();
        if let Err(e) = sink.put(f) {
            errs.push(
                crate::diagnostics::Diagnostic::error(&path, format!("cannot write: {e}"))
                    .hint("check the output folder's permissions and free space"),
            );
        }
    }
    if errs.has_errors() { Err(errs) } else { Ok(()) }
}

/// Keeps every file in memory, for callers that want the outputs themselves (tests, mail).
#[derive(Default)]
pub struct Collect(Mutex<Vec<File>>);

impl Collect {
    pub fn into_outputs(self) -> Vec<File> {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Collect {
    fn put_with(&self, output: File, _compress: bool) -> io::Result<()> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(output);
        Ok(())
    }
}

/// Writes each file into a folder (a [`Staging`] folder for a build), compressing what should be.
pub struct Folder {
    dir: PathBuf,
    compress: bool,
    /// The previous build, whose compressed files are reused for files that did not change.
    previous: Option<PathBuf>,
}

impl Folder {
    pub fn new(dir: &Path, compress: bool, previous: Option<&Path>) -> Folder {
        Folder {
            dir: dir.to_path_buf(),
            compress,
            previous: previous.filter(|p| p.is_dir()).map(Path::to_path_buf),
        }
    }
}

impl Sink for Folder {
    fn put_with(&self, o: File, wanted: bool) -> io::Result<()> {
        let dest = destination(&self.dir, &o.path)?;
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        write_one(&dest, &o.data)?;
        if self.compress
            && let FileData::Bytes(bytes) = &o.data
            && wanted
        {
            let reused = self
                .previous
                .as_deref()
                .is_some_and(|prev| compress::reuse(&prev.join(&o.path), bytes, &dest));
            if !reused {
                compress::write_beside(&dest, bytes)?;
            }
        }
        Ok(())
    }
}

/// The file `rel` of the output folder `dir`; paths that would leave it are refused.
fn destination(dir: &Path, rel: &str) -> io::Result<PathBuf> {
    let r = Path::new(rel);
    if r.is_absolute()
        || r.components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(io::Error::other(format!(
            "refusing to write outside the output folder: {rel}"
        )));
    }
    Ok(dir.join(r))
}

fn write_one(dest: &Path, data: &FileData) -> io::Result<()> {
    match data {
        FileData::Bytes(b) => std::fs::write(dest, b),
        FileData::Copy(src) => std::fs::copy(src, dest).map(|_| ()),
    }
    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dest.display())))
}

/// Writes `dest` under a temporary name beside it, then renames it into place.
fn replace_one(dest: &Path, data: &FileData) -> io::Result<()> {
    let mut tmp = dest.as_os_str().to_owned();
    tmp.push(".anslag-tmp");
    let tmp = PathBuf::from(tmp);
    let r = write_one(&tmp, data).and_then(|()| std::fs::rename(&tmp, dest));
    if r.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    r
}

/// A folder beside the output that a build writes into; [`Staging::commit`] swaps it in
/// atomically. Dropped without a commit, it is removed and the output is left as it was.
pub struct Staging {
    out_dir: PathBuf,
    parent: PathBuf,
    name: String,
    tmp: PathBuf,
    committed: bool,
}

impl Staging {
    pub fn new(out_dir: &Path) -> io::Result<Staging> {
        let (out_dir, parent, name) = placed(out_dir)?;
        if out_dir.exists() && !out_dir.is_dir() {
            return Err(io::Error::other(format!(
                "{} exists and is not a folder",
                out_dir.display()
            )));
        }
        std::fs::create_dir_all(&parent)?;
        remove_leftovers(&parent, &name);
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp)?;
        }
        std::fs::create_dir(&tmp)?;
        Ok(Staging {
            out_dir,
            parent,
            name,
            tmp,
            committed: false,
        })
    }

    /// The folder to write the new site into.
    pub fn dir(&self) -> &Path {
        &self.tmp
    }

    /// The output folder that the new site replaces.
    pub fn output(&self) -> &Path {
        &self.out_dir
    }

    /// Swaps the new site in.
    pub fn commit(mut self) -> io::Result<()> {
        self.committed = true;
        let r = swap_in(&self.tmp, &self.out_dir, &self.parent, &self.name);
        if r.is_err() {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
        r
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Writes `outputs` as the new content of `out_dir`.
pub fn write_atomically(out_dir: &Path, outputs: &[File]) -> io::Result<()> {
    let staging = Staging::new(out_dir)?;
    write_all(staging.dir(), &outputs.iter().collect::<Vec<_>>(), false)?;
    staging.commit()
}

/// The output folder made absolute, the folder it is in (where staging folders go beside it),
/// and its name.
fn placed(out_dir: &Path) -> io::Result<(PathBuf, PathBuf, String)> {
    let out_dir = absolute(out_dir)?;
    let parent = out_dir
        .parent()
        .ok_or_else(|| io::Error::other("the output folder has no parent folder"))?
        .to_path_buf();
    let name = out_dir
        .file_name()
        .ok_or_else(|| io::Error::other("the output folder has no name"))?
        .to_string_lossy()
        .into_owned();
    Ok((out_dir, parent, name))
}

fn absolute(p: &Path) -> io::Result<PathBuf> {
    if p.is_absolute() {
        Ok(p.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(p))
    }
}

/// Folders of builds that were killed half-way, and spares of publishers that ended.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let tmp_prefix = format!(".{name}.tmp-");
    let old_prefix = format!(".{name}.old-");
    let spare_prefix = format!(".{name}.spare-");
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if let Some(pid) = n
            .strip_prefix(&tmp_prefix)
            .or_else(|| n.strip_prefix(&old_prefix))
            .or_else(|| n.strip_prefix(&spare_prefix))
        {
            // Another build that is still running owns its folder.
            if pid.parse::<u32>().is_ok_and(process_alive) && pid != std::process::id().to_string()
            {
                continue;
            }
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

fn write_all(dir: &Path, outputs: &[&File], compress: bool) -> io::Result<()> {
    outputs.par_iter().try_for_each(|o| {
        let dest = destination(dir, &o.path)?;
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        write_one(&dest, &o.data)?;
        match &o.data {
            FileData::Bytes(b) if compress && compress::wanted(&o.path) => {
                compress::write_beside(&dest, b)
            }
            _ => Ok(()),
        }
    })
}

fn swap_in(tmp: &Path, out_dir: &Path, parent: &Path, name: &str) -> io::Result<()> {
    if !out_dir.exists() {
        return std::fs::rename(tmp, out_dir);
    }
    match rustix::fs::renameat_with(
        rustix::fs::CWD,
        tmp,
        rustix::fs::CWD,
        out_dir,
        rustix::fs::RenameFlags::EXCHANGE,
    ) {
        Ok(()) => {
            // `tmp` now holds the previous site.
            remove_tree(tmp);
            Ok(())
        }
        Err(_) => {
            // No atomic exchange on this filesystem: two renames, with a moment without a site.
            let old = parent.join(format!(".{name}.old-{}", std::process::id()));
            std::fs::rename(out_dir, &old)?;
            std::fs::rename(tmp, out_dir)?;
            remove_tree(&old);
            Ok(())
        }
    }
}

/// Removes a previous site, its top-level folders in parallel (a large site has tens of
/// thousands of files).
fn remove_tree(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        let entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        entries.par_iter().for_each(|p| {
            if p.is_dir() {
                let _ = std::fs::remove_dir_all(p);
            } else {
                let _ = std::fs::remove_file(p);
            }
        });
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The content of a file as written: a hash of its bytes, or of a copied file's path and stamp.
pub type Written = HashMap<String, blake3::Hash>;

fn content_hash(data: &FileData) -> blake3::Hash {
    match data {
        FileData::Bytes(b) => blake3::hash(b),
        FileData::Copy(src) => {
            let meta = std::fs::metadata(src).ok();
            let stamp = format!(
                "{}:{:?}:{:?}",
                src.display(),
                meta.as_ref().map(|m| m.len()),
                meta.and_then(|m| m.modified().ok())
            );
            blake3::hash(stamp.as_bytes())
        }
    }
}

/// Writes into a folder only the files whose content differs from what was written there
/// before (`anslag serve`, `anslag publish --watch`): files that did not change keep their time
/// stamps. A file is replaced (unlinked, then written), never rewritten in place, because the
/// folder may share it through a hard link with the site being served ([`Generations`]). It
/// holds the record of what was written while a rebuild runs; [`Changed::finish`] gives it back.
pub struct Changed {
    dir: PathBuf,
    compress: bool,
    written: Written,
    /// A folder holding an earlier site, whose compressed copies are taken for files whose
    /// bytes are the same.
    previous: Option<PathBuf>,
    /// Leave the compressed copies of the files written for later ([`Finished::deferred`]).
    defer: bool,
    fresh: Mutex<Vec<(String, blake3::Hash)>>,
    deferred: Mutex<Vec<String>>,
}

/// What a rebuild changed in a [`Changed`] folder.
pub struct Finished {
    /// What the folder holds now.
    pub written: Written,
    /// The files written.
    pub fresh: Vec<String>,
    /// The files removed because they are no longer part of the site.
    pub removed: Vec<String>,
    /// Files written without the compressed copies they should have.
    pub deferred: Vec<String>,
}

impl Changed {
    pub fn new(dir: &Path, written: Written, compress: bool) -> io::Result<Changed> {
        std::fs::create_dir_all(dir)?;
        Ok(Changed {
            dir: dir.to_path_buf(),
            compress,
            written,
            previous: None,
            defer: false,
            fresh: Mutex::new(Vec::new()),
            deferred: Mutex::new(Vec::new()),
        })
    }

    /// Writes the files without their compressed copies (removing the old ones), and lists
    /// them: compressing a rebuild's lists and feeds takes many times as long as rendering
    /// them, and a change must not wait for it.
    pub fn deferring_compression(mut self) -> Changed {
        self.defer = self.compress;
        self
    }

    /// Takes compressed copies from `previous` (an earlier site) for files that did not change.
    pub fn reusing(mut self, previous: Option<&Path>) -> Changed {
        self.previous = previous.filter(|p| p.is_dir()).map(Path::to_path_buf);
        self
    }

    /// The record of what is in the folder now, and how many files were written; with
    /// `paths` (every file of a good build) the files that are no longer part of the site are
    /// removed too, and counted.
    pub fn finish(self, paths: Option<&[String]>) -> (Written, usize, usize) {
        let f = self.finish_listed(paths);
        (f.written, f.fresh.len(), f.removed.len())
    }

    /// [`Changed::finish`], naming the files written and removed.
    pub fn finish_listed(self, paths: Option<&[String]>) -> Finished {
        let fresh = self.fresh.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut written = self.written;
        let names = fresh.iter().map(|(p, _)| p.clone()).collect();
        written.extend(fresh);
        let removed = paths.map_or_else(Vec::new, |p| remove_gone(&self.dir, p, &mut written));
        let deferred = self
            .deferred
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        Finished {
            written,
            fresh: names,
            removed,
            deferred,
        }
    }

    /// The files written so far, for a rebuild that failed: the folder differs from its
    /// record there.
    pub fn abandon(self) -> Vec<String> {
        let fresh = self.fresh.into_inner().unwrap_or_else(|e| e.into_inner());
        fresh.into_iter().map(|(p, _)| p).collect()
    }
}

impl Sink for Changed {
    fn put_with(&self, o: File, wanted: bool) -> io::Result<()> {
        let h = content_hash(&o.data);
        if self.written.get(&o.path) == Some(&h) {
            return Ok(());
        }
        let dest = destination(&self.dir, &o.path)?;
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // Written beside its place and renamed there: a new inode (a file shared by hard link
        // with the live site is never rewritten), and a folder served while it is written
        // (`anslag serve`) gives a reader the old file or the new one, never half of one.
        replace_one(&dest, &o.data)?;
        if self.compress
            && let FileData::Bytes(b) = &o.data
            && wanted
        {
            if self.defer {
                compress::remove_beside(&dest);
                self.deferred
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(o.path.clone());
            } else {
                let reused = self
                    .previous
                    .as_deref()
                    .is_some_and(|prev| compress::reuse(&prev.join(&o.path), b, &dest));
                if !reused {
                    compress::write_beside(&dest, b)?;
                }
            }
        }
        self.fresh
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((o.path, h));
        Ok(())
    }
}

/// Removes the files written before that are not among `paths` (with their compressed
/// copies, and the folders they leave empty); returns them.
fn remove_gone(dir: &Path, paths: &[String], written: &mut Written) -> Vec<String> {
    // Mostly nothing went: then every path is on record and there are as many (paths are
    // distinct), which is cheaper to see than the difference.
    if written.len() == paths.len() && paths.iter().all(|p| written.contains_key(p)) {
        return Vec::new();
    }
    let keep: HashSet<&str> = paths.iter().map(String::as_str).collect();
    let gone: Vec<String> = written
        .keys()
        .filter(|p| !keep.contains(p.as_str()))
        .cloned()
        .collect();
    for p in &gone {
        remove_with_copies(dir, p);
        written.remove(p);
    }
    gone
}

/// Removes `rel` and its `.gz` and `.br` from `dir`, and the folders that leaves empty: a
/// web server answers an empty folder with 403, not 404.
fn remove_with_copies(dir: &Path, rel: &str) {
    let file = dir.join(rel);
    for ext in ["", ".gz", ".br"] {
        let mut f = file.clone().into_os_string();
        f.push(ext);
        let _ = std::fs::remove_file(f);
    }
    let mut parent = file.parent();
    while let Some(p) = parent.filter(|p| *p != dir && p.starts_with(dir)) {
        if std::fs::remove_dir(p).is_err() {
            break;
        }
        parent = p.parent();
    }
}

/// Writes into `out_dir` the outputs whose content differs from what was written before, and
/// removes the files that are no longer part of the site (`paths` lists all of them). For
/// `anslag serve`: files that did not change keep their time stamps. Returns how many files
/// were written and removed.
pub fn write_changed(
    out_dir: &Path,
    outputs: &[File],
    paths: &[String],
    written: &mut Written,
) -> io::Result<(usize, usize)> {
    write_changed_with(out_dir, outputs, paths, written, false)
}

/// [`write_changed`], with `.gz` and `.br` beside the files that should have them when
/// `compress` is set.
pub fn write_changed_with(
    out_dir: &Path,
    outputs: &[File],
    paths: &[String],
    written: &mut Written,
    compress: bool,
) -> io::Result<(usize, usize)> {
    std::fs::create_dir_all(out_dir)?;
    let todo: Vec<(&File, blake3::Hash)> = outputs
        .par_iter()
        .map(|o| (o, content_hash(&o.data)))
        .filter(|(o, h)| written.get(&o.path) != Some(h))
        .collect();
    let changed: Vec<&File> = todo.iter().map(|(o, _)| *o).collect();
    write_all(out_dir, &changed, compress)?;
    for (o, h) in &todo {
        written.insert(o.path.clone(), *h);
    }
    let removed = remove_gone(out_dir, paths, written);
    Ok((todo.len(), removed.len()))
}
