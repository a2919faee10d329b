//! Writing the site: everything goes to a fresh folder beside the output on the same
//! filesystem, and only a complete build is swapped in, in one atomic `renameat2(EXCHANGE)`.
//! A failed or killed build leaves the previous site untouched.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::{Output, OutputData};

/// Writes `outputs` as the new content of `out_dir`.
pub fn write_atomically(out_dir: &Path, outputs: &[Output]) -> io::Result<()> {
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
    let refs: Vec<&Output> = outputs.iter().collect();
    if let Err(e) = write_all(&tmp, &refs) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    swap_in(&tmp, &out_dir, &parent, &name)
}

fn absolute(p: &Path) -> io::Result<PathBuf> {
    if p.is_absolute() {
        Ok(p.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(p))
    }
}

/// Folders of builds that were killed half-way.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let tmp_prefix = format!(".{name}.tmp-");
    let old_prefix = format!(".{name}.old-");
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if let Some(pid) = n
            .strip_prefix(&tmp_prefix)
            .or_else(|| n.strip_prefix(&old_prefix))
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

fn write_all(tmp: &Path, outputs: &[&Output]) -> io::Result<()> {
    outputs.par_iter().try_for_each(|o| {
        let rel = Path::new(&o.path);
        if rel.is_absolute()
            || rel
                .components()
                .any(|c| matches!(c, std::path::Component::ParentDir))
        {
            return Err(io::Error::other(format!(
                "refusing to write outside the output folder: {}",
                o.path
            )));
        }
        let dest = tmp.join(rel);
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir)?;
        }
        match &o.data {
            OutputData::Bytes(b) => std::fs::write(&dest, b),
            OutputData::Copy(src) => std::fs::copy(src, &dest).map(|_| ()),
        }
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dest.display())))
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
            let _ = std::fs::remove_dir_all(tmp);
            Ok(())
        }
        Err(_) => {
            // No atomic exchange on this filesystem: two renames, with a moment without a site.
            let old = parent.join(format!(".{name}.old-{}", std::process::id()));
            std::fs::rename(out_dir, &old)?;
            std::fs::rename(tmp, out_dir)?;
            let _ = std::fs::remove_dir_all(old);
            Ok(())
        }
    }
}

/// The content of a file as written: a hash of its bytes, or of a copied file's path and stamp.
type Written = std::collections::HashMap<String, blake3::Hash>;

fn content_hash(data: &OutputData) -> blake3::Hash {
    match data {
        OutputData::Bytes(b) => blake3::hash(b),
        OutputData::Copy(src) => {
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

/// Writes into `out_dir` the outputs whose content differs from what was written before, and
/// removes the files that are no longer part of the site (`paths` lists all of them). For
/// `anslag serve`: files that did not change keep their time stamps. Returns how many files
/// were written and removed.
pub fn write_changed(
    out_dir: &Path,
    outputs: &[Output],
    paths: &[String],
    written: &mut Written,
) -> io::Result<(usize, usize)> {
    std::fs::create_dir_all(out_dir)?;
    let todo: Vec<(&Output, blake3::Hash)> = outputs
        .iter()
        .map(|o| (o, content_hash(&o.data)))
        .filter(|(o, h)| written.get(&o.path) != Some(h))
        .collect();
    let changed: Vec<&Output> = todo.iter().map(|(o, _)| *o).collect();
    write_all(out_dir, &changed)?;
    for (o, h) in &todo {
        written.insert(o.path.clone(), *h);
    }
    let keep: std::collections::HashSet<&str> = paths.iter().map(String::as_str).collect();
    let gone: Vec<String> = written
        .keys()
        .filter(|p| !keep.contains(p.as_str()))
        .cloned()
        .collect();
    for p in &gone {
        let _ = std::fs::remove_file(out_dir.join(p));
        written.remove(p);
    }
    Ok((todo.len(), gone.len()))
}
