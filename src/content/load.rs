//! From files to documents. Three passes: read and parse every file (in parallel), group the
//! translations and attachments, then render every visible translation's Markdown (in parallel)
//! now that every link target is known.
//!
//! This file holds the cache that keeps parses and renderings between loads and decides what
//! to do again; `listing` finds the files, `parse` reads one file, `render` renders one
//! document.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::DateTime;
use chrono_tz::Tz;
use rayon::prelude::*;

use super::document::*;
use super::front_matter::FrontMatter;
use super::visibility::Visibility;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};

mod images;
mod listing;
mod parse;
mod render;

pub use images::ImageWork;
use listing::{KindFiles, Listing, walk};
pub use parse::{MAX_DOCUMENT_BYTES, MAX_TOPICS, strip_date};
use parse::{file_name_parts, parse_bytes, parse_file};
use render::{DocResolver, render_document, render_translation};

pub const CONTENT_DIR: &str = "content";

#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    pub now: DateTime<Tz>,
    /// Build drafts and embargoed documents too (marked as such).
    pub drafts: bool,
    /// The site's addresses of pages and files, for links and attachments.
    pub addresses: &'static dyn Addresses,
}

/// A document file, read and parsed but not yet rendered.
struct Parsed {
    kind: Kind,
    slug: String,
    /// File stem without the language: names the attachment folder.
    stem: String,
    lang: String,
    path: PathBuf,
    /// The file, held for the translation too (`Translation::file_text`): read once a build.
    text: SharedText,
    body_offset: usize,
    fm: FrontMatter,
    date: DateTime<Tz>,
    draft: bool,
    aliases: Vec<Alias>,
    /// When `withdrawn:` says, checked to come after `date`.
    withdrawn: Option<DateTime<Tz>>,
    /// The line of `alert:` in the file (1 when there is none), for problems found later.
    alert_line: usize,
}

impl Parsed {
    /// Decided anew at every load, never kept: an embargo that has passed since the file was
    /// parsed no longer hides it.
    fn visibility(&self, opts: LoadOptions) -> Visibility {
        Visibility::at(self.draft, self.date, opts.now)
    }

    /// Decided anew at every load too: a withdrawal that takes effect renders the document anew.
    fn is_withdrawn(&self, opts: LoadOptions) -> bool {
        super::visibility::is_withdrawn(self.withdrawn, opts.now)
    }
}

/// Loads every document of the site in `root`; `Err` holds all problems found.
pub fn load(
    root: &Path,
    config: &Config,
    opts: LoadOptions,
) -> Result<Vec<Arc<Document>>, Diagnostics> {
    ContentCache::default()
        .load(root, config, opts)
        .map(|l| l.documents)
}

/// A file's identity for the cache: its modification time and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Stamp(Option<std::time::SystemTime>, u64);

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok();
    Stamp(
        meta.as_ref().and_then(|m| m.modified().ok()),
        meta.map_or(0, |m| m.len()),
    )
}

/// What a load produced.
pub struct Loaded {
    pub documents: Vec<Arc<Document>>,
    /// Documents rendered anew by this load (all of them on the first).
    pub changed: HashSet<(Kind, String)>,
    /// The first moment at which an embargoed translation is published. A load without drafts
    /// leaves embargoed translations out, so this is the only trace of them that a publisher
    /// waiting for the moment can see.
    pub next_embargo: Option<DateTime<Tz>>,
    /// How many images this load processed, and how many it found processed.
    pub images: ImageWork,
}

/// A document by kind and slug.
type DocKey = (Kind, String);
/// Each document's attachments, with the stamps they were seen at.
type Attachments = HashMap<DocKey, Vec<(Attachment, Stamp)>>;
type Rendering = (Option<Arc<Document>>, Vec<Diagnostic>);
/// A file's parse, shared between loads: the document or its problems.
type ParseResult = Arc<Result<Parsed, Vec<Diagnostic>>>;
/// A parsed file with the stamp it was parsed at.
type StampedParse = (Stamp, ParseResult);

/// Parsed files and rendered documents kept between loads, so that a rebuild after an edit
/// parses the changed files and renders the changed documents only. Valid for one
/// configuration: make a new cache when `site.yaml` changes.
#[derive(Default)]
pub struct ContentCache {
    files: HashMap<PathBuf, StampedParse>,
    docs: HashMap<DocKey, (u64, Rendering)>,
    generation: u64,
    /// The files under `content/` as the last load found them (when the walk found nothing
    /// wrong), kept up to date from [`ContentCache::note_changes`] instead of walked again.
    listing: Option<Listing>,
    /// The attachments' stamps as the last load saw them.
    attachment_stamps: HashMap<PathBuf, Stamp>,
    /// The images processed by the last load.
    images: images::Kept,
    /// What changed on disk since the last load, when a watcher tells.
    changes: Changes,
    tracking: bool,
    /// How the last whole load grouped the files (only when tracking changes).
    grouped: Option<Grouped>,
}

/// The files to load, and those a watcher told changed (`None`: any may have).
type Listed = (Listing, Option<HashSet<PathBuf>>);

/// What the next load knows about changes on disk since the last one.
#[derive(Debug, Default)]
enum Changes {
    /// Anything may have changed: walk `content/` and look at every file.
    #[default]
    Unknown,
    /// Only these paths (relative to the site) changed.
    Known(Vec<PathBuf>),
}

impl ContentCache {
    /// A promise that every change under `content/` will be told through
    /// [`ContentCache::note_changes`] (as a file watcher does): loads then examine only the
    /// files that changed instead of walking the folder and examining every file.
    pub fn track_changes(&mut self) {
        self.tracking = true;
        self.changes = Changes::Known(Vec::new());
    }

    /// Files that changed on disk, relative to the site's folder or absolute under `root`;
    /// `None` when the watcher lost track (the next load looks at everything).
    pub fn note_changes(&mut self, root: &Path, paths: Option<&[PathBuf]>) {
        match (paths, &mut self.changes) {
            (Some(paths), Changes::Known(known)) => known.extend(
                paths
                    .iter()
                    .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf()),
            ),
            (Some(_), Changes::Unknown) => {}
            (None, c) => *c = Changes::Unknown,
        }
    }

    /// Loads every document, examining only what changed since the last load: the files on
    /// disk are listed, the new and changed ones parsed, then all grouped into documents and
    /// the documents whose inputs changed rendered again.
    pub fn load(
        &mut self,
        root: &Path,
        config: &Config,
        opts: LoadOptions,
    ) -> Result<Loaded, Diagnostics> {
        let next = if self.tracking {
            Changes::Known(Vec::new())
        } else {
            Changes::Unknown
        };
        let changes = std::mem::replace(&mut self.changes, next);
        self.generation += 1;
        let mut diags = Diagnostics::default();
        let (listing, changed) = match self.list_files(root, config, opts, changes, &mut diags) {
            ControlFlow::Break(loaded) => return loaded,
            ControlFlow::Continue(listed) => listed,
        };
        let changed = changed.as_ref();
        let parsed = self.parse_new_files(root, &listing.md, changed, config, opts, &mut diags);
        let groups = group_translations(parsed, &mut diags);
        let (mut attachments, attachment_stamps) =
            self.attachments(root, &groups, listing.other, changed, opts, &mut diags);
        let (images, image_work) = images::process(
            root,
            config,
            opts.addresses,
            &mut attachments,
            &self.images,
            &mut diags,
        );
        self.images = images;
        let linking = Linking::new(&groups, opts);
        // Kept for rebuilds told what changed: an edit that moves no file and renames nothing
        // then renders its document without grouping every file again.
        let mut grouped = (self.tracking && diags.0.is_empty()).then(Grouped::default);
        let (kept, jobs) =
            self.plan_rendering(groups, attachments, &linking, opts, grouped.as_mut());
        let rendered = render_jobs(jobs, &linking, config, opts, self.generation);
        let (documents, changed) = self.keep_renderings(kept, rendered, &mut diags);
        self.attachment_stamps = attachment_stamps;
        let next_embargo = linking.until;
        self.grouped = grouped.map(|g| Grouped { linking, ..g });
        diags.sort();
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Loaded {
            documents,
            changed,
            next_embargo,
            images: image_work,
        })
    }

    /// The files under `content/` and, when a watcher told, which of them changed. `Break`
    /// holds the whole load when only edits were told and [`ContentCache::load_edits`] could
    /// finish it alone.
    fn list_files(
        &mut self,
        root: &Path,
        config: &Config,
        opts: LoadOptions,
        changes: Changes,
        diags: &mut Diagnostics,
    ) -> ControlFlow<Result<Loaded, Diagnostics>, Listed> {
        // Told what changed: last load's files, updated; else a walk of the folder.
        if let (Changes::Known(changed), Some(mut listing)) = (changes, self.listing.take())
            && let Some(moved) = listing.update(root, &changed)
        {
            let changed: HashSet<PathBuf> = changed.into_iter().collect();
            if !moved {
                // Files only edited: perhaps no need to look at the others.
                self.listing = Some(listing);
                if let Some(loaded) = self.load_edits(root, config, opts, &changed) {
                    return ControlFlow::Break(loaded);
                }
                listing = self.listing.clone().unwrap_or_default();
            }
            self.listing = Some(listing.clone());
            return ControlFlow::Continue((listing, Some(changed)));
        }
        let before = diags.0.len();
        let (md, other) = walk(root, &root.join(CONTENT_DIR), diags);
        let listing = Listing { md, other };
        // A walk that found problems is no base to update: the next load walks again.
        if diags.0.len() == before {
            self.listing = Some(listing.clone());
        }
        ControlFlow::Continue((listing, None))
    }

    /// Parses the Markdown files that are new or changed since the last load and forgets the
    /// files that are gone. Returns the files that parsed, in path order; the problems of
    /// those that did not go to `diags`.
    fn parse_new_files(
        &mut self,
        root: &Path,
        md_files: &KindFiles,
        changed: Option<&HashSet<PathBuf>>,
        config: &Config,
        opts: LoadOptions,
        diags: &mut Diagnostics,
    ) -> Vec<StampedParse> {
        let stamps: Vec<Stamp> = md_files
            .par_iter()
            .map(|(_, rel)| {
                let cached = self.files.get(rel).map(|(st, _)| *st);
                current_stamp(root, changed, rel, cached)
            })
            .collect();
        let stale: Vec<usize> = (0..md_files.len())
            .filter(|&i| {
                self.files
                    .get(&md_files[i].1)
                    .is_none_or(|(s, _)| *s != stamps[i])
            })
            .collect();
        let fresh: Vec<(usize, Result<Parsed, Vec<Diagnostic>>)> = stale
            .par_iter()
            .map(|&i| {
                (
                    i,
                    parse_file(root, md_files[i].0, &md_files[i].1, config, opts),
                )
            })
            .collect();
        for (i, r) in fresh {
            self.files
                .insert(md_files[i].1.clone(), (stamps[i], Arc::new(r)));
        }
        let present: HashSet<&PathBuf> = md_files.iter().map(|(_, p)| p).collect();
        self.files.retain(|p, _| present.contains(p));

        let mut parsed: Vec<StampedParse> = Vec::new();
        for (_, rel) in md_files {
            if let Some((st, r)) = self.files.get(rel) {
                match r.as_ref() {
                    Ok(_) => parsed.push((*st, r.clone())),
                    Err(d) => diags.extend(d.iter().cloned()),
                }
            }
        }
        parsed
    }

    /// Gives every file that is not Markdown to the document beside whose file its folder
    /// lies. Returns each document's attachments, and every attachment's stamp for the next
    /// load.
    fn attachments(
        &self,
        root: &Path,
        groups: &BTreeMap<DocKey, Vec<StampedParse>>,
        other_files: KindFiles,
        changed: Option<&HashSet<PathBuf>>,
        opts: LoadOptions,
        diags: &mut Diagnostics,
    ) -> (Attachments, HashMap<PathBuf, Stamp>) {
        let folders = attachment_folders(groups);
        let mut attachments: Attachments = HashMap::new();
        let mut attachment_stamps = HashMap::with_capacity(other_files.len());
        for (kind, rel) in other_files {
            let parent = rel.parent().unwrap_or(Path::new("")).to_path_buf();
            let Some(slug) = folders.get(&(kind, parent)) else {
                diags.push(Diagnostic::error(&rel, "this file belongs to no document").hint(
                    "put attachments and images in a folder named like their document without the language (e.g. 2026-09-16-meeting/ beside 2026-09-16-meeting.da.md)",
                ));
                continue;
            };
            let name = rel
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let siblings = attachments.get(&(kind, slug.clone()));
            if let Some(clash) = case_clash(&rel, &name, siblings) {
                diags.push(clash);
                continue;
            }
            let st = current_stamp(
                root,
                changed,
                &rel,
                self.attachment_stamps.get(&rel).copied(),
            );
            attachment_stamps.insert(rel.clone(), st);
            let mime = mime_guess::from_path(&rel)
                .first_or_octet_stream()
                .essence_str()
                .to_owned();
            let url = opts.addresses.file(kind, slug, &name);
            attachments.entry((kind, slug.clone())).or_default().push((
                Attachment {
                    name,
                    source: root.join(&rel),
                    size: st.1,
                    mime,
                    url,
                    image: None,
                },
                st,
            ));
        }
        (attachments, attachment_stamps)
    }

    /// Sorts the documents into those whose rendering by an earlier load still holds (their
    /// inputs are the same) and those to render anew; records each document in `grouped`
    /// when the grouping is kept for edits.
    fn plan_rendering(
        &self,
        groups: BTreeMap<DocKey, Vec<StampedParse>>,
        mut attachments: Attachments,
        linking: &Linking,
        opts: LoadOptions,
        mut grouped: Option<&mut Grouped>,
    ) -> (Vec<(DocKey, Rendering)>, Vec<RenderJob>) {
        let mut todo = Vec::new();
        let mut kept = Vec::new();
        for (key, ps) in groups {
            let files = attachments.remove(&key).unwrap_or_default();
            let inputs = inputs_hash(&ps, &files, linking, opts);
            match self.docs.get(&key) {
                Some((h, r)) if *h == inputs => kept.push((key.clone(), r.clone())),
                _ => todo.push(RenderJob {
                    key: key.clone(),
                    inputs,
                    parsed: parses(&ps),
                    files: files.clone(),
                }),
            }
            if let Some(g) = grouped.as_deref_mut() {
                g.add(key, ps, files);
            }
        }
        (kept, todo)
    }

    /// Keeps this load's renderings for the next load, and returns the documents (the kept
    /// ones, then the rendered ones) and which documents changed.
    fn keep_renderings(
        &mut self,
        kept: Vec<(DocKey, Rendering)>,
        rendered: Vec<(DocKey, u64, Rendering)>,
        diags: &mut Diagnostics,
    ) -> (Vec<Arc<Document>>, HashSet<DocKey>) {
        let mut changed = HashSet::new();
        let mut documents = Vec::new();
        let mut docs = HashMap::with_capacity(kept.len() + rendered.len());
        for (key, (doc, d)) in kept {
            diags.extend(d.iter().cloned());
            documents.extend(doc.clone());
            let h = self.docs.get(&key).map_or(0, |(h, _)| *h);
            docs.insert(key, (h, (doc, d)));
        }
        for (key, inputs, (doc, d)) in rendered {
            diags.extend(d.iter().cloned());
            documents.extend(doc.clone());
            changed.insert(key.clone());
            docs.insert(key, (inputs, (doc, d)));
        }
        // Documents that disappeared count as changed too: pages that listed them must go.
        for key in self.docs.keys() {
            if !docs.contains_key(key) {
                changed.insert(key.clone());
            }
        }
        self.docs = docs;
        (documents, changed)
    }

    /// A load told that only these files changed, when they are Markdown files seen before
    /// whose kind, slug, language and visibility stay the same (the common edit): parses and
    /// renders their documents only. `None` when the change needs a whole load.
    fn load_edits(
        &mut self,
        root: &Path,
        config: &Config,
        opts: LoadOptions,
        changed: &HashSet<PathBuf>,
    ) -> Option<Result<Loaded, Diagnostics>> {
        let grouped = self.grouped.as_mut()?;
        if !grouped.linking.holds_at(opts.now) {
            return None;
        }
        let edits = grouped.edited_files(&self.files, root, changed)?;
        let fresh: Vec<_> = edits
            .into_par_iter()
            .map(|(rel, st, key)| {
                let parsed = parse_file(root, key.0, rel, config, opts);
                (rel, st, key, Arc::new(parsed))
            })
            .collect();
        let Some(affected) = grouped.replace_parses(&mut self.files, fresh, opts) else {
            // The whole load groups the files again (they are parsed already).
            self.grouped = None;
            return None;
        };
        let jobs = grouped.stale_jobs(affected, &self.docs, opts);
        let rendered = render_jobs(jobs, &grouped.linking, config, opts, self.generation);
        let mut changed_docs = HashSet::new();
        for (key, inputs, r) in rendered {
            changed_docs.insert(key.clone());
            self.docs.insert(key, (inputs, r));
        }
        let mut diags = Diagnostics::default();
        let mut documents = Vec::with_capacity(grouped.groups.len());
        for key in grouped.groups.keys() {
            if let Some((_, (doc, d))) = self.docs.get(key) {
                diags.extend(d.iter().cloned());
                documents.extend(doc.clone());
            }
        }
        diags.sort();
        Some(if diags.has_errors() {
            Err(diags)
        } else {
            Ok(Loaded {
                documents,
                changed: changed_docs,
                next_embargo: grouped.linking.until,
                images: ImageWork::default(),
            })
        })
    }
}

/// A file's stamp: the one the last load saw (`cached`) when a watcher told which files
/// changed and this one is not among them; else read from disk.
fn current_stamp(
    root: &Path,
    changed: Option<&HashSet<PathBuf>>,
    rel: &PathBuf,
    cached: Option<Stamp>,
) -> Stamp {
    match (changed, cached) {
        (Some(c), Some(st)) if !c.contains(rel) => st,
        _ => stamp(&root.join(rel)),
    }
}

/// Groups translations by (kind, slug); two files for the same language are duplicates: the
/// second is reported and left out.
fn group_translations(
    parsed: Vec<StampedParse>,
    diags: &mut Diagnostics,
) -> BTreeMap<DocKey, Vec<StampedParse>> {
    let mut groups: BTreeMap<DocKey, Vec<StampedParse>> = BTreeMap::new();
    for (st, r) in parsed {
        let Ok(p) = r.as_ref() else { continue };
        let group = groups.entry((p.kind, p.slug.clone())).or_default();
        if let Some(first) = group
            .iter()
            .filter_map(|(_, q)| q.as_ref().as_ref().ok())
            .find(|q| q.lang == p.lang)
        {
            diags.push(
                Diagnostic::error(&p.path, format!("duplicate slug `{}` in {}: {} is already {}", p.slug, p.kind.dir(), first.path.display(), p.slug))
                    .at(1, None)
                    .hint("two files of the same kind and language may not share a slug (the file name after the date); rename one"),
            );
            continue;
        }
        group.push((st, r));
    }
    groups
}

/// Attachments are files in a folder named like a document's stem, beside it: these folders,
/// each with the slug of its document.
fn attachment_folders(
    groups: &BTreeMap<DocKey, Vec<StampedParse>>,
) -> HashMap<(Kind, PathBuf), String> {
    let mut folders = HashMap::new();
    for ((kind, slug), ps) in groups {
        for (_, r) in ps {
            if let Ok(p) = r.as_ref() {
                let dir = p.path.parent().unwrap_or(Path::new("")).join(&p.stem);
                folders.insert((*kind, dir), slug.clone());
            }
        }
    }
    folders
}

/// Names that differ only by case would be one file on a case-insensitive file system (macOS,
/// Windows) or web server: one attachment would replace the other. The error, when `name`
/// clashes so with one of the document's attachments found before.
fn case_clash(
    rel: &Path,
    name: &str,
    siblings: Option<&Vec<(Attachment, Stamp)>>,
) -> Option<Diagnostic> {
    let same = siblings?
        .iter()
        .find(|(a, _)| a.name.to_lowercase() == name.to_lowercase())?;
    Some(
        Diagnostic::error(
            rel,
            format!(
                "`{name}` differs from `{}` only by upper and lower case",
                same.0.name
            ),
        )
        .hint("on many computers and web servers they would be the same file; rename one"),
    )
}

/// A document to render anew: its files' parses and attachments, and the hash of its inputs
/// to keep with the rendering.
struct RenderJob {
    key: DocKey,
    inputs: u64,
    parsed: Vec<ParseResult>,
    files: Vec<(Attachment, Stamp)>,
}

/// Renders the documents in parallel, against the links of the whole site.
fn render_jobs(
    jobs: Vec<RenderJob>,
    linking: &Linking,
    config: &Config,
    opts: LoadOptions,
    generation: u64,
) -> Vec<(DocKey, u64, Rendering)> {
    jobs.into_par_iter()
        .map(|job| {
            let r = render_document(
                &job.key,
                &job.parsed,
                job.files,
                linking,
                config,
                opts,
                generation,
            );
            (job.key, job.inputs, r)
        })
        .collect()
}

fn parses(ps: &[StampedParse]) -> Vec<ParseResult> {
    ps.iter().map(|(_, r)| r.clone()).collect()
}

/// What links between documents resolve against: the visible translations of every document
/// and why the others are hidden.
#[derive(Default)]
struct Linking {
    index: HashMap<DocKey, Vec<String>>,
    hidden: HashMap<DocKey, String>,
    /// The moments between which the index holds: made at `since`, until the next embargo
    /// lifts or withdrawal takes effect. A load outside them builds the index anew.
    since: Option<DateTime<Tz>>,
    until: Option<DateTime<Tz>>,
}

impl Linking {
    /// What links may point at: visible translations; hidden ones give a better hint.
    fn new(groups: &BTreeMap<DocKey, Vec<StampedParse>>, opts: LoadOptions) -> Linking {
        let mut index: HashMap<DocKey, Vec<String>> = HashMap::new();
        let mut hidden: HashMap<DocKey, String> = HashMap::new();
        for ((kind, slug), ps) in groups {
            for (_, r) in ps {
                let Ok(p) = r.as_ref() else { continue };
                match p.visibility(opts).reason() {
                    None => index
                        .entry((*kind, slug.clone()))
                        .or_default()
                        .push(p.lang.clone()),
                    Some(why) => {
                        hidden.insert((*kind, slug.clone()), why);
                    }
                }
            }
        }
        // A withdrawal to come renders its document anew too: a load of edits after it is
        // a whole load.
        let until = groups
            .values()
            .flatten()
            .filter_map(|(_, r)| {
                let p = r.as_ref().as_ref().ok()?;
                let embargo = match p.visibility(opts) {
                    Visibility::Embargoed(at) => Some(at),
                    _ => None,
                };
                let withdrawal = p.withdrawn.filter(|w| *w > opts.now);
                embargo.into_iter().chain(withdrawal).min()
            })
            .min();
        Linking {
            index,
            hidden,
            since: Some(opts.now),
            until,
        }
    }

    /// Whether the index still holds at `now`; a load of edits only keeps it, so it must.
    fn holds_at(&self, now: DateTime<Tz>) -> bool {
        self.since.is_some_and(|s| s <= now) && self.until.is_none_or(|u| now < u)
    }
}

/// The files grouped into documents, as the last whole load left them.
#[derive(Default)]
struct Grouped {
    groups: BTreeMap<DocKey, Vec<StampedParse>>,
    attachments: Attachments,
    /// The document each Markdown file belongs to.
    file_group: HashMap<PathBuf, DocKey>,
    linking: Linking,
}

impl Grouped {
    /// Records a document as the whole load grouped it.
    fn add(&mut self, key: DocKey, ps: Vec<StampedParse>, files: Vec<(Attachment, Stamp)>) {
        for (_, r) in &ps {
            if let Ok(p) = r.as_ref() {
                self.file_group.insert(p.path.clone(), key.clone());
            }
        }
        self.attachments.insert(key.clone(), files);
        self.groups.insert(key, ps);
    }

    /// The changed files whose stamp is not the one they were parsed at, with their
    /// documents; `None` when one of them is not a Markdown file of these documents (a new
    /// file, an attachment, one that failed to parse or was left out). Editor and system files
    /// are passed over.
    fn edited_files<'a>(
        &self,
        files: &HashMap<PathBuf, StampedParse>,
        root: &Path,
        changed: &'a HashSet<PathBuf>,
    ) -> Option<Vec<(&'a PathBuf, Stamp, DocKey)>> {
        let mut edits = Vec::new();
        for rel in changed {
            if rel
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            let (old, _) = files.get(rel)?;
            let key = self.file_group.get(rel)?;
            let st = stamp(&root.join(rel));
            if st != *old {
                edits.push((rel, st, key.clone()));
            }
        }
        Some(edits)
    }

    /// Puts the edited files' new parses in place, in `files` and in their documents.
    /// Returns the documents affected; `None` when an edit moved a file out of its place in
    /// the grouping (see [`same_place`]), or a parse failed: then the files must be grouped
    /// again. Every parse is put in `files` either way, for that whole load.
    fn replace_parses(
        &mut self,
        files: &mut HashMap<PathBuf, StampedParse>,
        fresh: Vec<(&PathBuf, Stamp, DocKey, ParseResult)>,
        opts: LoadOptions,
    ) -> Option<BTreeSet<DocKey>> {
        let mut affected = BTreeSet::new();
        let mut same = true;
        for (rel, st, key, new) in fresh {
            let old = files.insert(rel.clone(), (st, new.clone()));
            same &= match (old.as_ref().map(|(_, o)| o.as_ref()), new.as_ref()) {
                (Some(Ok(a)), Ok(b)) => same_place(a, b, opts),
                _ => false,
            };
            if let Some(slot) = self.groups.get_mut(&key).and_then(|ps| {
                ps.iter_mut().find(|(_, r)| {
                    r.as_ref()
                        .as_ref()
                        .is_ok_and(|p| p.path.as_path() == rel.as_path())
                })
            }) {
                *slot = (st, new);
            } else {
                same = false;
            }
            affected.insert(key);
        }
        same.then_some(affected)
    }

    /// The affected documents whose inputs differ from those of their kept rendering.
    fn stale_jobs(
        &self,
        affected: BTreeSet<DocKey>,
        docs: &HashMap<DocKey, (u64, Rendering)>,
        opts: LoadOptions,
    ) -> Vec<RenderJob> {
        affected
            .into_iter()
            .filter_map(|key| {
                let ps = self.groups.get(&key)?;
                let files = self.attachments.get(&key).cloned().unwrap_or_default();
                let inputs = inputs_hash(ps, &files, &self.linking, opts);
                let parsed = parses(ps);
                Some(RenderJob {
                    key,
                    inputs,
                    parsed,
                    files,
                })
            })
            .filter(|job| docs.get(&job.key).is_none_or(|(h, _)| *h != job.inputs))
            .collect()
    }
}

/// Whether a file's new parse leaves it where the old one was: in the same document, language
/// and attachment folder, and as visible.
fn same_place(a: &Parsed, b: &Parsed, opts: LoadOptions) -> bool {
    (
        a.kind,
        &a.slug,
        &a.lang,
        &a.stem,
        a.visibility(opts),
        a.is_withdrawn(opts),
    ) == (
        b.kind,
        &b.slug,
        &b.lang,
        &b.stem,
        b.visibility(opts),
        b.is_withdrawn(opts),
    )
}

/// What a document's rendering depends on besides its files' text: their paths and stamps,
/// visibility, attachments, and what its links to other documents resolve to.
fn inputs_hash(
    ps: &[StampedParse],
    files: &[(Attachment, Stamp)],
    linking: &Linking,
    opts: LoadOptions,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut targets = BTreeSet::new();
    for (st, r) in ps {
        if let Ok(p) = r.as_ref() {
            (
                p.path.as_os_str(),
                st,
                p.visibility(opts),
                p.is_withdrawn(opts),
            )
                .hash(&mut h);
            targets.extend(link_targets(&p.text));
        }
    }
    for (a, st) in files {
        (&a.name, st).hash(&mut h);
    }
    // What the links resolve to: the languages each target is visible in, or why it is not.
    for key in &targets {
        (key, linking.index.get(key), linking.hidden.get(key)).hash(&mut h);
    }
    h.finish()
}

/// The documents a file links to (`@/kind/slug`), as far as its text tells. A rendering
/// depends on the visibility of these only, so that a document appearing (an embargo lifting)
/// renders again the documents that link to it, not every document. Read from the raw text, a
/// mention in a code block counts too; that only renders one document more.
fn link_targets(text: &str) -> impl Iterator<Item = DocKey> + '_ {
    memchr::memmem::find_iter(text.as_bytes(), b"@/").filter_map(move |i| {
        let rest = &text[i + 2..];
        let end = rest
            .find(|c: char| {
                c.is_whitespace()
                    || matches!(c, '#' | '?' | ')' | '"' | '\'' | '<' | '>' | ']' | '`')
            })
            .unwrap_or(rest.len());
        let (kind, slug) = rest[..end].split_once('/')?;
        Some((Kind::from_dir(kind)?, slug.to_owned()))
    })
}

pub use crate::config::{Bounded, read_bounded};

/// Parses and renders one document's file as a build does, from its bytes, without a site
/// around it: links to other documents are reported as missing. For fuzzing and tests.
pub fn document_from_bytes(
    config: &Config,
    kind: Kind,
    file_name: &str,
    bytes: Vec<u8>,
    opts: LoadOptions,
) -> Result<Translation, Vec<Diagnostic>> {
    let path = Path::new(CONTENT_DIR).join(kind.dir()).join(file_name);
    let parts = file_name_parts(file_name, config)
        .map_err(|(m, h)| vec![Diagnostic::error(&path, m).at(1, None).hint(h)])?;
    let slug = parts.1.clone();
    let p = parse_bytes(kind, &path, parts, bytes, config, opts)?;
    let (index, hidden, files) = (HashMap::new(), HashMap::new(), HashSet::new());
    let resolver = DocResolver {
        index: &index,
        hidden: &hidden,
        lang: &p.lang,
        default_lang: config.default_language(),
        kind,
        slug: &slug,
        files: &files,
        images: &HashMap::new(),
        addresses: opts.addresses,
    };
    render_translation(&p, config, opts, &resolver, &mut HashSet::new())
}
