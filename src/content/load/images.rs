//! The images among a load's attachments, processed (`crate::images`): each made once and then
//! taken from the cache on disk, or from the last load when its file has not changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::{Attachments, Stamp};
use crate::config::Config;
use crate::content::Addresses;
use crate::diagnostics::Diagnostics;
use crate::images::{self, Processed};

/// How much image work a load did: images made, and images found already made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImageWork {
    pub made: usize,
    pub reused: usize,
}

/// Each image's processing as the last load left it, by its file (relative to the site).
pub(super) type Kept = HashMap<PathBuf, (Stamp, Arc<Processed>)>;

/// Processes the images among `attachments` in parallel, gives each its processing and its
/// published address, and returns what the next load may reuse.
pub(super) fn process(
    root: &Path,
    config: &Config,
    addresses: &dyn Addresses,
    attachments: &mut Attachments,
    kept: &Kept,
    diags: &mut Diagnostics,
) -> (Kept, ImageWork) {
    let settings = config.site.images.processing();
    let cache = root.join(images::CACHE_DIR);
    let mut todo: Vec<_> = attachments
        .iter_mut()
        .flat_map(|((kind, slug), files)| files.iter_mut().map(move |f| (*kind, slug, f)))
        .filter(|(_, _, (a, _))| images::is_image(&a.name))
        .collect();
    let results: Vec<_> = todo
        .par_iter()
        .map(|(_, _, (a, st))| {
            let rel = a
                .source
                .strip_prefix(root)
                .unwrap_or(&a.source)
                .to_path_buf();
            match kept.get(&rel) {
                Some((s, p)) if s == st => Ok((rel, p.clone(), false)),
                _ => images::prepare(&a.source, &rel, &settings, &cache)
                    .map(|(p, made)| (rel, Arc::new(p), made)),
            }
        })
        .collect();
    let mut next = Kept::new();
    let mut work = ImageWork::default();
    for ((kind, slug, (a, st)), r) in todo.iter_mut().zip(results) {
        match r {
            Ok((rel, p, made)) => {
                if made {
                    work.made += 1;
                } else {
                    work.reused += 1;
                }
                let ext = p.format.extension();
                a.url = addresses.image(*kind, slug, &a.name, None, ext);
                a.mime = p.format.mime().to_owned();
                a.size = p.original_size;
                a.image = Some(p.clone());
                next.insert(rel, (*st, p));
            }
            Err(d) => diags.push(d),
        }
    }
    (next, work)
}
