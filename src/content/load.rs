//! From files to documents. Three passes: read and parse every file (in parallel), group the
//! translations and attachments, then render every visible translation's Markdown (in parallel)
//! now that every link target is known.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::DateTime;
use chrono_tz::Tz;
use rayon::prelude::*;
use serde_saphyr::Spanned;

use super::document::*;
use super::front_matter::{self, FrontMatter};
use super::markdown::{self, Ids, RenderOptions, Resolver};
use super::visibility::Visibility;
use super::{dates, minutes};
use crate::config::{Config, TopicKind, is_slug};
use crate::diagnostics::{Diagnostic, Diagnostics, from_yaml, line_col, nearest};

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
    text: String,
    body_offset: usize,
    fm: FrontMatter,
    date: DateTime<Tz>,
    draft: bool,
}

impl Parsed {
    /// Decided anew at every load, never kept: an embargo that has passed since the file was
    /// parsed no longer hides it.
    fn visibility(&self, opts: LoadOptions) -> Visibility {
        Visibility::at(self.draft, self.date, opts.now)
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
}

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
    docs: HashMap<(Kind, String), (u64, Rendering)>,
    generation: u64,
    /// The files under `content/` as the last load found them (when the walk found nothing
    /// wrong), kept up to date from [`ContentCache::note_changes`] instead of walked again.
    listing: Option<Listing>,
    /// The attachments' stamps as the last load saw them.
    attachment_stamps: HashMap<PathBuf, Stamp>,
    /// What changed on disk since the last load, when a watcher tells.
    changes: Changes,
    tracking: bool,
    /// How the last whole load grouped the files (only when tracking changes).
    grouped: Option<Grouped>,
}

/// What the next load knows about changes on disk since the last one.
#[derive(Debug, Default)]
enum Changes {
    /// Anything may have changed: walk `content/` and look at every file.
    #[default]
    Unknown,
    /// Only these paths (relative to the site) changed.
    Known(Vec<PathBuf>),
}

/// The Markdown files and the other files under `content/`, each in path order (the order of
/// a walk sorted by file name).
#[derive(Debug, Clone, Default)]
struct Listing {
    md: KindFiles,
    other: KindFiles,
}

impl Listing {
    /// Brings the listing up to date with files that changed, were created or were removed.
    /// False when a change needs a walk of the whole folder: a folder created or removed, a
    /// link, or a file where the walk would report a problem.
    /// Otherwise tells whether a file came or went (not only changed).
    fn update(&mut self, root: &Path, changed: &[PathBuf]) -> Option<bool> {
        let mut moved = false;
        for rel in changed {
            let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
            let (Some(top), Some(dir), Some(name)) = (parts.next(), parts.next(), rel.file_name())
            else {
                return None;
            };
            let kind = Kind::from_dir(&dir)?;
            if top != CONTENT_DIR || rel.components().count() < 3 {
                return None;
            }
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue; // editor and system files, which the walk skips too
            }
            let list = if name.ends_with(".md") {
                &mut self.md
            } else {
                &mut self.other
            };
            let at = list.binary_search_by(|(_, p)| p.as_path().cmp(rel));
            let gone = |e: &std::io::Error| e.kind() == std::io::ErrorKind::NotFound;
            match (std::fs::symlink_metadata(root.join(rel)), at) {
                (Ok(m), Ok(_)) if m.is_file() => {}
                (Ok(m), Err(i)) if m.is_file() => {
                    list.insert(i, (kind, rel.clone()));
                    moved = true;
                }
                (Err(e), Ok(i)) if gone(&e) => {
                    list.remove(i);
                    moved = true;
                }
                // A folder that went away takes its files with it: walk.
                (Err(e), Err(_))
                    if gone(&e)
                        && !self
                            .md
                            .iter()
                            .chain(&self.other)
                            .any(|(_, p)| p.starts_with(rel)) => {}
                _ => return None,
            }
        }
        Some(moved)
    }
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
        let generation = self.generation;
        let mut diags = Diagnostics::default();
        let content = root.join(CONTENT_DIR);
        // Told what changed: last load's files, updated; else a walk of the folder.
        let mut told: Option<(Listing, HashSet<PathBuf>)> = None;
        if let (Changes::Known(changed), Some(mut listing)) = (changes, self.listing.take())
            && let Some(moved) = listing.update(root, &changed)
        {
            let changed: HashSet<PathBuf> = changed.into_iter().collect();
            if !moved {
                // Files only edited: perhaps no need to look at the others.
                self.listing = Some(listing);
                if let Some(loaded) = self.load_edits(root, config, opts, &changed) {
                    return loaded;
                }
                listing = self.listing.clone().unwrap_or_default();
            }
            told = Some((listing, changed));
        }
        let (listing, changed) = match told {
            Some((listing, changed)) => (listing, Some(changed)),
            None => {
                let before = diags.0.len();
                let (md, other) = walk(root, &content, &mut diags);
                let listing = Listing { md, other };
                // A walk that found problems is no base to update: the next load walks again.
                if diags.0.len() == before {
                    self.listing = Some(listing.clone());
                }
                (listing, None)
            }
        };
        if changed.is_some() {
            self.listing = Some(listing.clone());
        }
        let (md_files, other_files) = (listing.md, listing.other);
        // A file's stamp: from the last load when it is not among the files told to have changed.
        let restamp = |rel: &PathBuf, cached: Option<Stamp>| match (&changed, cached) {
            (Some(c), Some(st)) if !c.contains(rel) => st,
            _ => stamp(&root.join(rel)),
        };

        // Parse the files that are new or changed since the last load.
        let stamps: Vec<Stamp> = md_files
            .par_iter()
            .map(|(_, rel)| restamp(rel, self.files.get(rel).map(|(st, _)| *st)))
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
        for (_, rel) in &md_files {
            if let Some((st, r)) = self.files.get(rel) {
                match r.as_ref() {
                    Ok(_) => parsed.push((*st, r.clone())),
                    Err(d) => diags.extend(d.iter().cloned()),
                }
            }
        }

        // Group translations by (kind, slug); two files for the same language are duplicates.
        let mut groups: BTreeMap<(Kind, String), Vec<StampedParse>> = BTreeMap::new();
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
        let parsed_of = |v: &Vec<StampedParse>| -> Vec<ParseResult> {
            v.iter().map(|(_, r)| r.clone()).collect()
        };

        // Attachments: files in a folder named like a document's stem, beside it.
        let mut stems: HashMap<(Kind, PathBuf), String> = HashMap::new();
        for ((kind, slug), ps) in &groups {
            for (_, r) in ps {
                if let Ok(p) = r.as_ref() {
                    let dir = p.path.parent().unwrap_or(Path::new("")).join(&p.stem);
                    stems.insert((*kind, dir), slug.clone());
                }
            }
        }
        let mut attachments: HashMap<(Kind, String), Vec<(Attachment, Stamp)>> = HashMap::new();
        let mut attachment_stamps = HashMap::with_capacity(other_files.len());
        for (kind, rel) in other_files {
            let parent = rel.parent().unwrap_or(Path::new("")).to_path_buf();
            let Some(slug) = stems.get(&(kind, parent)) else {
                diags.push(Diagnostic::error(&rel, "this file belongs to no document").hint(
                    "put attachments and images in a folder named like their document without the language (e.g. 2026-09-16-meeting/ beside 2026-09-16-meeting.da.md)",
                ));
                continue;
            };
            let name = rel
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // Names that differ only by case would be one file on a case-insensitive file
            // system (macOS, Windows) or web server: one attachment would replace the other.
            if let Some(same) = attachments.get(&(kind, slug.clone())).and_then(|files| {
                files
                    .iter()
                    .find(|(a, _)| a.name.to_lowercase() == name.to_lowercase())
            }) {
                diags.push(
                    Diagnostic::error(
                        &rel,
                        format!(
                            "`{name}` differs from `{}` only by upper and lower case",
                            same.0.name
                        ),
                    )
                    .hint(
                        "on many computers and web servers they would be the same file; rename one",
                    ),
                );
                continue;
            }
            let st = restamp(&rel, self.attachment_stamps.get(&rel).copied());
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
                },
                st,
            ));
        }

        // What links may point at: visible translations; hidden ones give a better hint.
        let mut index: HashMap<(Kind, String), Vec<String>> = HashMap::new();
        let mut hidden: HashMap<(Kind, String), String> = HashMap::new();
        for ((kind, slug), ps) in &groups {
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
        // Every document's links depend on the whole index: when it changes, all are rendered.
        let index_hash = {
            let mut keys: Vec<String> = index
                .iter()
                .map(|((k, s), l)| format!("{}/{s}:{}", k.dir(), l.join(",")))
                .collect();
            keys.extend(
                hidden
                    .iter()
                    .map(|((k, s), w)| format!("{}/{s}!{w}", k.dir())),
            );
            keys.sort();
            hash_of(&keys)
        };
        let until = groups
            .values()
            .flatten()
            .filter_map(|(_, r)| match r.as_ref().as_ref().ok()?.visibility(opts) {
                Visibility::Embargoed(at) => Some(at),
                _ => None,
            })
            .min();
        let linking = Linking {
            index,
            hidden,
            index_hash,
            since: Some(opts.now),
            until,
        };
        // Kept for rebuilds told what changed: an edit that moves no file and renames nothing
        // then renders its document without grouping every file again.
        let mut grouped = (self.tracking && diags.0.is_empty()).then(Grouped::default);

        let mut todo = Vec::new();
        let mut kept: Vec<((Kind, String), Rendering)> = Vec::new();
        for (key, ps) in groups {
            let files = attachments.remove(&key).unwrap_or_default();
            let inputs = inputs_hash(&ps, &files, linking.index_hash, opts);
            match self.docs.get(&key) {
                Some((h, r)) if *h == inputs => kept.push((key.clone(), r.clone())),
                _ => todo.push((key.clone(), inputs, parsed_of(&ps), files.clone())),
            }
            if let Some(g) = grouped.as_mut() {
                for (_, r) in &ps {
                    if let Ok(p) = r.as_ref() {
                        g.file_group.insert(p.path.clone(), key.clone());
                    }
                }
                g.attachments.insert(key.clone(), files);
                g.groups.insert(key, ps);
            }
        }
        let rendered: Vec<((Kind, String), u64, Rendering)> = todo
            .into_par_iter()
            .map(|(key, inputs, ps, files)| {
                let r = render_document(&key, &ps, files, &linking, config, opts, generation);
                (key, inputs, r)
            })
            .collect();

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
        self.attachment_stamps = attachment_stamps;
        self.grouped = grouped.map(|g| Grouped { linking, ..g });
        diags.sort();
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Loaded { documents, changed })
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
        let mut edits = Vec::new();
        for rel in changed {
            if rel
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            let (old, _) = self.files.get(rel)?;
            let key = grouped.file_group.get(rel)?;
            let st = stamp(&root.join(rel));
            if st != *old {
                edits.push((rel, st, key.clone()));
            }
        }
        let fresh: Vec<_> = edits
            .into_par_iter()
            .map(|(rel, st, key)| {
                let parsed = parse_file(root, key.0, rel, config, opts);
                (rel, st, key, Arc::new(parsed))
            })
            .collect();
        let mut affected = std::collections::BTreeSet::new();
        let mut same = true;
        for (rel, st, key, new) in fresh {
            let old = self.files.insert(rel.clone(), (st, new.clone()));
            same &= match (old.as_ref().map(|(_, o)| o.as_ref()), new.as_ref()) {
                (Some(Ok(a)), Ok(b)) => {
                    (a.kind, &a.slug, &a.lang, &a.stem, a.visibility(opts))
                        == (b.kind, &b.slug, &b.lang, &b.stem, b.visibility(opts))
                }
                _ => false,
            };
            if let Some(slot) = grouped.groups.get_mut(&key).and_then(|ps| {
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
        if !same {
            // The whole load groups the files again (they are parsed already).
            self.grouped = None;
            return None;
        }
        let generation = self.generation;
        let linking = &grouped.linking;
        let todo: Vec<_> = affected
            .into_iter()
            .filter_map(|key| {
                let ps = grouped.groups.get(&key)?;
                let files = grouped.attachments.get(&key).cloned().unwrap_or_default();
                let inputs = inputs_hash(ps, &files, linking.index_hash, opts);
                let parsed = ps.iter().map(|(_, r)| r.clone()).collect::<Vec<_>>();
                Some((key, inputs, parsed, files))
            })
            .filter(|(key, inputs, _, _)| self.docs.get(key).is_none_or(|(h, _)| h != inputs))
            .collect();
        let rendered: Vec<_> = todo
            .into_par_iter()
            .map(|(key, inputs, ps, files)| {
                let r = render_document(&key, &ps, files, linking, config, opts, generation);
                (key, inputs, r)
            })
            .collect();
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
            })
        })
    }
}

/// What links between documents resolve against: the visible translations of every document
/// and why the others are hidden; `index_hash` changes when either does.
#[derive(Default)]
struct Linking {
    index: HashMap<(Kind, String), Vec<String>>,
    hidden: HashMap<(Kind, String), String>,
    index_hash: u64,
    /// The moments between which the index holds: made at `since`, until the next embargo
    /// lifts. A load outside them builds the index anew.
    since: Option<DateTime<Tz>>,
    until: Option<DateTime<Tz>>,
}

impl Linking {
    fn holds_at(&self, now: DateTime<Tz>) -> bool {
        self.since.is_some_and(|s| s <= now) && self.until.is_none_or(|u| now < u)
    }
}

/// The files grouped into documents, as the last whole load left them.
#[derive(Default)]
struct Grouped {
    groups: BTreeMap<(Kind, String), Vec<StampedParse>>,
    attachments: HashMap<(Kind, String), Vec<(Attachment, Stamp)>>,
    /// The document each Markdown file belongs to.
    file_group: HashMap<PathBuf, (Kind, String)>,
    linking: Linking,
}

/// What a document's rendering depends on besides its files' text: their paths and stamps,
/// visibility, attachments, and the link index.
fn inputs_hash(
    ps: &[StampedParse],
    files: &[(Attachment, Stamp)],
    index_hash: u64,
    opts: LoadOptions,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (st, r) in ps {
        if let Ok(p) = r.as_ref() {
            (p.path.as_os_str(), st, p.visibility(opts)).hash(&mut h);
        }
    }
    for (a, st) in files {
        (&a.name, st).hash(&mut h);
    }
    index_hash.hash(&mut h);
    h.finish()
}

/// Renders one document's visible translations (in the configured order of languages).
fn render_document(
    (kind, slug): &(Kind, String),
    ps: &[ParseResult],
    files: Vec<(Attachment, Stamp)>,
    linking: &Linking,
    config: &Config,
    opts: LoadOptions,
    generation: u64,
) -> Rendering {
    let kind = *kind;
    let names: HashSet<String> = files.iter().map(|(a, _)| a.name.clone()).collect();
    let mut diags = Vec::new();
    let mut withheld = HashSet::new();
    let mut translations = Vec::new();
    for p in ps
        .iter()
        .filter_map(|r| r.as_ref().as_ref().ok())
        .filter(|p| p.visibility(opts).is_published() || opts.drafts)
    {
        let resolver = DocResolver {
            index: &linking.index,
            hidden: &linking.hidden,
            lang: &p.lang,
            default_lang: config.default_language(),
            kind,
            slug,
            files: &names,
            addresses: opts.addresses,
        };
        match render_translation(p, config, opts, &resolver, &mut withheld) {
            Ok(t) => translations.push(t),
            Err(d) => diags.extend(d),
        }
    }
    let order = |lang: &str| {
        config
            .language_codes()
            .position(|c| c == lang)
            .unwrap_or(usize::MAX)
    };
    translations.sort_by_key(|t| order(&t.lang));
    if translations.is_empty() {
        return (None, diags);
    }
    // Files linked only from closed items are never published.
    let attachments = files
        .into_iter()
        .map(|(a, _)| a)
        .filter(|a| !withheld.contains(&a.name))
        .collect();
    let doc = Document {
        kind,
        slug: slug.clone(),
        translations,
        attachments,
        generation,
    };
    (Some(Arc::new(doc)), diags)
}

fn hash_of(items: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    items.hash(&mut h);
    h.finish()
}

/// Lists the Markdown files and the other files under `content/`, by kind. Symlinks and files
/// outside the three kinds' folders are errors.
/// Files of one kind, relative to the site root.
type KindFiles = Vec<(Kind, PathBuf)>;

fn walk(root: &Path, content: &Path, diags: &mut Diagnostics) -> (KindFiles, KindFiles) {
    let mut md = Vec::new();
    let mut other = Vec::new();
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(CONTENT_DIR, "the content folder is missing")
                .hint("create content/press, content/minutes and content/notices"),
        );
        return (md, other);
    }
    for entry in walkdir::WalkDir::new(content).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| rel(root, p))
                    .unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
                diags.push(Diagnostic::error(path, format!("cannot read: {e}")));
                continue;
            }
        };
        let path = rel(root, entry.path());
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') && entry.depth() > 0 {
            continue; // editor and system files (.DS_Store, .#draft.md)
        }
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::error(&path, "symbolic links are not followed").hint(
                    "copy the file into content/ instead; a link could reach outside the site",
                ),
            );
            continue;
        }
        if entry.depth() == 0 || entry.file_type().is_dir() {
            if entry.depth() == 1 && Kind::from_dir(&name).is_none() {
                diags.push(
                    Diagnostic::error(&path, format!("unknown section `{name}`"))
                        .hint("documents go in content/press, content/minutes or content/notices"),
                );
            }
            continue;
        }
        let kind = path
            .components()
            .nth(1)
            .and_then(|c| Kind::from_dir(&c.as_os_str().to_string_lossy()));
        let Some(kind) = kind else {
            if entry.depth() == 1 {
                diags.push(
                    Diagnostic::error(&path, "a file directly in content/ belongs to no section")
                        .hint("move it to content/press, content/minutes or content/notices"),
                );
            }
            continue;
        };
        if name.ends_with(".md") {
            md.push((kind, path));
        } else {
            other.push((kind, path));
        }
    }
    (md, other)
}

fn rel(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

/// `2026-03-12-slug.sv.md` → (stem `2026-03-12-slug`, slug `slug`, language `sv`).
fn file_name_parts(
    name: &str,
    config: &Config,
) -> Result<(String, String, String), (String, String)> {
    let base = name.trim_end_matches(".md");
    let (stem, lang) = match base.rsplit_once('.') {
        Some((stem, lang)) => (stem, lang.to_owned()),
        None => (base, config.default_language().to_owned()),
    };
    if config.language(&lang).is_none() {
        let codes: Vec<&str> = config.language_codes().collect();
        let mut hint = format!("the site's languages are: {}", codes.join(", "));
        if let Some(n) = nearest(&lang, codes.iter().copied()) {
            hint = format!("did you mean `{n}`? {hint}");
        }
        return Err((
            format!("unknown language code `{lang}` in the file name"),
            hint,
        ));
    }
    let slug = strip_date(stem);
    if !is_slug(slug) {
        return Err((
            format!("`{stem}` is not a valid file name for a document"),
            "use lower-case letters a-z, digits and - (e.g. 2026-03-12-schools-close.sv.md)".into(),
        ));
    }
    Ok((stem.to_owned(), slug.to_owned(), lang))
}

fn strip_date(stem: &str) -> &str {
    let b = stem.as_bytes();
    let is_date = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-';
    if is_date { &stem[11..] } else { stem }
}

/// The largest Markdown file read: far beyond any real document, small enough that a build
/// of a mistaken file (a database dump saved as `.md`) stays within memory.
pub const MAX_DOCUMENT_BYTES: u64 = 10_000_000;
/// Topics one document may name.
pub const MAX_TOPICS: usize = 200;

pub use crate::config::{Bounded, read_bounded};

fn parse_file(
    root: &Path,
    kind: Kind,
    path: &Path,
    config: &Config,
    opts: LoadOptions,
) -> Result<Parsed, Vec<Diagnostic>> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, slug, lang) = file_name_parts(&name, config)
        .map_err(|(m, h)| vec![Diagnostic::error(path, m).at(1, None).hint(h)])?;
    let bytes = read_bounded(&root.join(path), MAX_DOCUMENT_BYTES).map_err(|e| {
        vec![match e {
            Bounded::TooLarge(size) => Diagnostic::error(
                path,
                format!(
                    "the file is {:.1} MB; a document may be at most {} MB",
                    size as f64 / 1e6,
                    MAX_DOCUMENT_BYTES / 1_000_000
                ),
            )
            .hint("split it into several documents, or attach the long text as a file (a PDF beside the document)"),
            Bounded::Io(e) => Diagnostic::error(path, format!("cannot read: {e}")),
        }]
    })?;
    parse_bytes(kind, path, (stem, slug, lang), bytes, config, opts)
}

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
        addresses: opts.addresses,
    };
    render_translation(&p, config, opts, &resolver, &mut HashSet::new())
}

fn parse_bytes(
    kind: Kind,
    path: &Path,
    (stem, slug, lang): (String, String, String),
    bytes: Vec<u8>,
    config: &Config,
    opts: LoadOptions,
) -> Result<Parsed, Vec<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        vec![
            Diagnostic::error(path, "the file is not UTF-8 text")
                .at(line, Some(col))
                .hint("save it as UTF-8 (most editors offer it under \"Save as… / Encoding\")"),
        ]
    })?;
    let split = front_matter::split(&text)
        .map_err(|m| vec![Diagnostic::error(path, m).at(1, Some(1)).hint("start the file with a line `---`, the YAML front matter (title, date, summary…), and another line `---`").with_source(&text)])?;
    let fm: FrontMatter =
        serde_saphyr::from_str_with_options(split.yaml, front_matter::yaml_options())
            .map_err(|e| vec![from_yaml(path, &e, split.yaml_first_line - 1, &text)])?;
    let mut errs = Vec::new();
    let tz = config.tz;
    let here = |s: &serde_saphyr::Location| {
        (
            s.line() as usize + split.yaml_first_line - 1,
            s.column() as usize,
        )
    };
    let mut err_at = |loc: (usize, usize), msg: String, hint: String| {
        errs.push(
            Diagnostic::error(path, msg)
                .at(loc.0, Some(loc.1).filter(|c| *c > 0))
                .hint(hint)
                .with_source(&text),
        );
    };

    if fm.title.value.trim().is_empty() {
        err_at(
            here(&fm.title.referenced),
            "the title is empty".into(),
            "write the document's title".into(),
        );
    }
    let date = match dates::parse(&fm.date.value, tz) {
        Ok(d) => Some(d),
        Err(m) => {
            err_at(
                here(&fm.date.referenced),
                format!("invalid date: {m}"),
                format!("write dates like {}", dates::EXAMPLE),
            );
            None
        }
    };
    let mut date_of = |v: &Option<Spanned<String>>, key: &str| -> Option<DateTime<Tz>> {
        let s = v.as_ref()?;
        match dates::parse(&s.value, tz) {
            Ok(d) => Some(d),
            Err(m) => {
                err_at(
                    here(&s.referenced),
                    format!("invalid {key}: {m}"),
                    format!("write dates like {}", dates::EXAMPLE),
                );
                None
            }
        }
    };
    let _ = date_of(&fm.updated, "updated");
    let _ = date_of(&fm.expires, "expires");
    let _ = date_of(&fm.ended, "ended");
    let _ = date_of(&fm.approved, "approved");
    let _ = date_of(&fm.posted, "posted");
    if let Some(m) = &fm.meeting {
        let _ = date_of(&Some(m.start.clone()), "meeting start");
        let _ = date_of(&m.end, "meeting end");
    }
    if fm.topics.len() > MAX_TOPICS {
        err_at(
            here(&fm.topics[MAX_TOPICS].referenced),
            format!(
                "the document names {} topics; at most {MAX_TOPICS} are allowed",
                fm.topics.len()
            ),
            "name the few topics the document is about: readers choose topics to get less, not everything".into(),
        );
    }
    // Past the limit, that one error says it all.
    let checked = if fm.topics.len() > MAX_TOPICS {
        0
    } else {
        fm.topics.len()
    };
    for t in fm.topics.iter().take(checked) {
        if config.topic(&t.value).is_none() {
            let ids: Vec<&str> = config.site.topics.iter().map(|t| t.id()).collect();
            let hint = match nearest(&t.value, ids.iter().copied()) {
                Some(n) => {
                    format!("did you mean `{n}`? Topics are listed under `topics:` in site.yaml")
                }
                None => "topics must be listed under `topics:` in site.yaml".into(),
            };
            err_at(
                here(&t.referenced),
                format!("unknown topic `{}`", t.value),
                hint,
            );
        }
    }
    for (key, owner) in fm.kind_keys() {
        if owner != kind.dir() {
            let line = front_matter::key_line(&split, key).unwrap_or(1);
            err_at(
                (line, 1),
                format!("`{key}` is not a field of {}", kind.dir()),
                format!("`{key}` belongs in {owner}; remove it here"),
            );
        }
    }
    match kind {
        Kind::Notices => {
            let urgency = fm.urgency.as_ref().map(|u| u.value).unwrap_or_default();
            if urgency != front_matter::Urgency::Normal && fm.expires.is_none() {
                let line = front_matter::key_line(&split, "urgency").unwrap_or(1);
                err_at(
                    (line, 1),
                    format!("a {} notice needs `expires:`", urgency.as_str()),
                    "add `expires: 2026-03-20T18:00:00+01:00` so the banner and alert end in time"
                        .into(),
                );
            }
        }
        Kind::Minutes => {
            match &fm.committee {
                None => err_at((1, 1), "missing required field `committee`".into(), "name the committee's topic id from site.yaml, e.g. `committee: kommunstyrelsen`".into()),
                Some(c) => match config.topic(&c.value) {
                    Some(t) if t.kind == TopicKind::Committee => {}
                    Some(_) => err_at(here(&c.referenced), format!("topic `{}` is not a committee", c.value), "give it `kind: committee` in site.yaml, or name a committee".into()),
                    None => {
                        let ids = config.site.topics.iter().filter(|t| t.kind == TopicKind::Committee).map(|t| t.id());
                        let hint = nearest(&c.value, ids).map_or("committees are topics with `kind: committee` in site.yaml".into(), |n| format!("did you mean `{n}`?"));
                        err_at(here(&c.referenced), format!("unknown committee `{}`", c.value), hint);
                    }
                },
            }
            if fm.meeting.is_none() {
                err_at(
                    (1, 1),
                    "missing required field `meeting`".into(),
                    "add `meeting: { start: 2026-09-02T16:30:00+02:00, place: Room 2, City Hall }`"
                        .into(),
                );
            }
        }
        Kind::Press => {}
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let date = date.unwrap_or(opts.now);
    let draft = fm.draft;
    let body_offset = split.body_offset;
    Ok(Parsed {
        kind,
        slug,
        stem,
        lang,
        path: path.to_path_buf(),
        text,
        body_offset,
        fm,
        date,
        draft,
    })
}

struct DocResolver<'a> {
    index: &'a HashMap<(Kind, String), Vec<String>>,
    hidden: &'a HashMap<(Kind, String), String>,
    lang: &'a str,
    default_lang: &'a str,
    kind: Kind,
    slug: &'a str,
    files: &'a HashSet<String>,
    addresses: &'a dyn Addresses,
}

impl Resolver for DocResolver<'_> {
    fn document(&self, target: &str) -> Result<String, String> {
        let Some((kind, slug)) = target.split_once('/') else {
            return Err(
                "write links to documents as @/KIND/SLUG, e.g. @/notices/schools-close".into(),
            );
        };
        let Some(kind) = Kind::from_dir(kind) else {
            return Err(format!(
                "`{kind}` is not a kind of document: use press, minutes or notices"
            ));
        };
        let key = (kind, slug.to_owned());
        match self.index.get(&key) {
            Some(langs) => {
                let lang = [self.lang, self.default_lang]
                    .into_iter()
                    .find(|l| langs.iter().any(|x| x == l))
                    .unwrap_or(&langs[0]);
                Ok(self.addresses.document(lang, kind, slug))
            }
            None => match self.hidden.get(&key) {
                Some(why) => Err(format!("the document exists but is not published: {why}")),
                None => {
                    let slugs = self
                        .index
                        .keys()
                        .filter(|(k, _)| *k == kind)
                        .map(|(_, s)| s.as_str());
                    Err(match nearest(slug, slugs) {
                        Some(n) => format!(
                            "no {} document is called `{slug}`; did you mean `@/{}/{n}`?",
                            kind.dir(),
                            kind.dir()
                        ),
                        None => format!(
                            "no {} document is called `{slug}` (the slug is the file name without date and language)",
                            kind.dir()
                        ),
                    })
                }
            },
        }
    }
    fn has_file(&self, name: &str) -> bool {
        self.files.contains(name)
    }
    fn file_url(&self, name: &str) -> String {
        self.addresses.file(self.kind, self.slug, name)
    }
}

fn problems_to_diags(p: &Parsed, problems: Vec<markdown::Problem>) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|pr| {
            let (line, col) = line_col(&p.text, pr.offset);
            Diagnostic::error(&p.path, pr.message)
                .at(line, Some(col))
                .hint(pr.hint)
                .with_source(&p.text)
        })
        .collect()
}

fn render_translation(
    p: &Parsed,
    config: &Config,
    opts: LoadOptions,
    resolver: &DocResolver<'_>,
    withheld: &mut HashSet<String>,
) -> Result<Translation, Vec<Diagnostic>> {
    let tz = config.tz;
    let fm = &p.fm;
    let body = &p.text[p.body_offset..];
    let ropts = RenderOptions {
        allow_html: config.site.markdown.allow_html,
        shift: u8::from(markdown::uses_h1(body)),
        isolate_ltr: config
            .language(&p.lang)
            .is_some_and(|l| l.dir == crate::config::Direction::Rtl),
    };
    let mut ids = Ids::default();
    let mut problems = Vec::new();
    let mut headings = Vec::new();
    let mut links = Vec::new();
    let mut images = Vec::new();
    let date_opt =
        |v: &Option<Spanned<String>>| v.as_ref().and_then(|s| dates::parse(&s.value, tz).ok());
    let day = |v: &Option<Spanned<String>>| date_opt(v).map(|d| d.date_naive());
    let mut absorb = |r: markdown::Rendered| {
        problems.extend(r.problems);
        headings.extend(r.headings);
        links.extend(r.links);
        images.extend(r.images);
        (r.html, r.files)
    };

    let (body_html, public_markdown, extra) = match p.kind {
        Kind::Minutes => {
            let s = minutes::structure(body, &config.site.minutes.decision_headings);
            let (preamble, _) = absorb(markdown::render(
                &body[s.preamble.clone()],
                p.body_offset,
                &ropts,
                resolver,
                &mut ids,
            ));
            let mut items = Vec::new();
            for item in &s.items {
                let id = ids.unique(
                    item.id
                        .as_deref()
                        .unwrap_or(&markdown::slugify(&item.label)),
                );
                if item.closed {
                    withheld.extend(linked_files(&body[item.body.clone()]));
                    items.push(AgendaItem {
                        label: item.label.clone(),
                        number: item.number.clone(),
                        title: config
                            .site
                            .minutes
                            .closed_titles
                            .then(|| item.title.clone())
                            .filter(|t| !t.is_empty()),
                        case: None,
                        id,
                        closed: true,
                        body_html: String::new(),
                        decision_html: None,
                        attachments: Vec::new(),
                    });
                    continue;
                }
                let (body_html, files) = absorb(markdown::render(
                    &body[item.body.clone()],
                    p.body_offset + item.body.start,
                    &ropts,
                    resolver,
                    &mut ids,
                ));
                // The decision alone, for feeds and the API; ids here are throwaway.
                let decision_html = item.decision.clone().map(|r| {
                    markdown::render(
                        &body[r.clone()],
                        p.body_offset + r.start,
                        &ropts,
                        resolver,
                        &mut Ids::default(),
                    )
                    .html
                });
                items.push(AgendaItem {
                    label: item.label.clone(),
                    number: item.number.clone(),
                    title: Some(item.title.clone()),
                    case: item.case.clone(),
                    id,
                    closed: false,
                    body_html,
                    decision_html,
                    attachments: dedup(files),
                });
            }
            let meeting = fm.meeting.as_ref().map(|m| Meeting {
                start: dates::parse(&m.start.value, tz).unwrap_or(p.date),
                end: m.end.as_ref().and_then(|e| dates::parse(&e.value, tz).ok()),
                place: m.place.clone(),
            });
            let approved = day(&fm.approved);
            let info = MinutesInfo {
                committee: fm
                    .committee
                    .as_ref()
                    .map(|c| c.value.clone())
                    .unwrap_or_default(),
                meeting: meeting.unwrap_or(Meeting {
                    start: p.date,
                    end: None,
                    place: String::new(),
                }),
                attendees: fm.attendees.clone().unwrap_or_default(),
                approved,
                posted: day(&fm.posted).or(approved),
                kept_at: fm.kept_at.clone(),
                items,
            };
            let public = minutes::public_markdown(body, &s, config.site.minutes.closed_titles);
            (preamble, public, Extra::Minutes(info))
        }
        kind => {
            let (html, _) = absorb(markdown::render(
                body,
                p.body_offset,
                &ropts,
                resolver,
                &mut ids,
            ));
            let extra = if kind == Kind::Press {
                Extra::Press {
                    contacts: fm.contacts.clone().unwrap_or_default(),
                }
            } else {
                Extra::Notices(NoticeInfo {
                    urgency: fm.urgency.as_ref().map(|u| u.value).unwrap_or_default(),
                    expires: date_opt(&fm.expires),
                    ended: date_opt(&fm.ended),
                    instruction: fm.instruction.clone(),
                })
            };
            (html, body.to_owned(), extra)
        }
    };
    if !problems.is_empty() {
        return Err(problems_to_diags(p, problems));
    }
    Ok(Translation {
        lang: p.lang.clone(),
        url: opts.addresses.document(&p.lang, p.kind, &p.slug),
        path: p.path.clone(),
        title: fm.title.value.trim().to_owned(),
        summary: fm.summary.trim().to_owned(),
        date: p.date,
        updated: date_opt(&fm.updated),
        topics: fm.topics.iter().map(|t| t.value.clone()).collect(),
        draft: fm.draft,
        embargoed: matches!(p.visibility(opts), Visibility::Embargoed(_)),
        body_html,
        public_markdown,
        headings,
        links,
        images,
        allow_personal_numbers: fm.allow_personal_numbers.clone(),
        extra,
    })
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
    v
}

/// Relative file names linked or shown from a piece of Markdown (without rendering it).
fn linked_files(src: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new_ext(src, markdown::parser_options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .filter(|d| {
            !d.contains(':') && !d.starts_with('/') && !d.starts_with('#') && !d.starts_with('@')
        })
        .map(|d| d.split('#').next().unwrap_or_default().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_date_prefix() {
        assert_eq!(strip_date("2026-03-12-schools-close"), "schools-close");
        assert_eq!(strip_date("schools-close"), "schools-close");
        assert_eq!(strip_date("2026-03-12"), "2026-03-12");
    }

    #[test]
    fn linked_files_ignores_urls_and_documents() {
        let f = linked_files(
            "[a](bilag-3.pdf) [b](https://x.example/y.pdf) [c](@/press/x) ![d](foto.jpg#x)",
        );
        assert_eq!(f, ["bilag-3.pdf", "foto.jpg"]);
    }
}
