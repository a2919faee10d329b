//! Which pages a rebuild renders again: each page's fingerprint covers what it shows, and a
//! page whose fingerprint is the last rendering's is left as it is.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use super::entries::EntryCache;
use super::{Page, Plan, Planned};
use crate::outputs::Context;
use crate::site::Site;

/// The fingerprint of each page of a plan, in the plan's order.
pub struct PageFingerprints {
    pub(super) plan: Arc<Plan>,
    pub(super) fps: Vec<u64>,
}

impl PageFingerprints {
    /// A lookup of the fingerprints of `plan`'s pages: by position when the plan is the same,
    /// else by address.
    fn lookup(&self, plan: &Arc<Plan>) -> impl Fn(usize, &str) -> Option<u64> + Sync + '_ {
        let same = Arc::ptr_eq(&self.plan, plan);
        let by_url: HashMap<&str, u64> = if same {
            HashMap::new()
        } else {
            self.plan
                .pages
                .iter()
                .map(|p| p.url.as_str())
                .zip(self.fps.iter().copied())
                .collect()
        };
        move |i, url| {
            if same {
                self.fps.get(i).copied()
            } else {
                by_url.get(url).copied()
            }
        }
    }
}

/// The fingerprint of each page of `plan`, in its order. `entries` must be filled.
pub(super) fn of_pages(cx: &Context<'_>, plan: &Plan, entries: &EntryCache) -> Vec<u64> {
    let site = cx.site;
    let inputs = Inputs {
        site,
        docs: site
            .documents
            .iter()
            .map(|d| {
                let mut h = DefaultHasher::new();
                (d.kind, &d.slug, d.generation).hash(&mut h);
                h.finish()
            })
            .collect(),
        entries: entries.hashes(site),
        global: global(cx),
    };
    plan.pages
        .par_iter()
        .map(|p| inputs.page(&p.page, &p.url))
        .collect()
}

/// The pages of `plan` whose fingerprint (in `fps`) is not the one they had in `previous`:
/// every page when there is no previous rendering.
pub(super) fn changed<'p>(
    plan: &'p Arc<Plan>,
    fps: &[u64],
    previous: Option<&PageFingerprints>,
) -> Vec<&'p Planned> {
    let before = previous.map(|p| p.lookup(plan));
    plan.pages
        .iter()
        .zip(fps)
        .enumerate()
        .filter(|(i, (p, fp))| before.as_ref().is_none_or(|b| b(*i, &p.url) != Some(**fp)))
        .map(|(_, (p, _))| p)
        .collect()
}

/// What every page shows: the configuration, locales, templates and theme (the generation),
/// the stylesheet, the day, drafts or not, and the crisis banner.
fn global(cx: &Context<'_>) -> u64 {
    let site = cx.site;
    let mut h = DefaultHasher::new();
    cx.generation.hash(&mut h);
    cx.assets.stylesheet.hash(&mut h);
    site.now.date_naive().hash(&mut h);
    site.drafts.hash(&mut h);
    for &i in &site.crisis {
        site.documents[i].slug.hash(&mut h);
        site.documents[i].generation.hash(&mut h);
    }
    h.finish()
}

/// What the pages' fingerprints are made of, computed once per rendering.
struct Inputs<'a> {
    site: &'a Site,
    /// Per document: its identity and generation.
    docs: Vec<u64>,
    /// Per document: the hash of its entry in each language (see [`EntryCache::hashes`]).
    entries: Vec<Vec<u64>>,
    /// See [`global`].
    global: u64,
}

impl Inputs<'_> {
    /// Everything a page shows, as a number: the documents (by generation) and the facts of
    /// lists.
    fn page(&self, page: &Page, url: &str) -> u64 {
        let site = self.site;
        let mut h = DefaultHasher::new();
        self.global.hash(&mut h);
        match page {
            Page::Home { .. } => {
                for idx in site.by_kind.values() {
                    self.docs(&mut h, &idx[..idx.len().min(5)]);
                }
                site.notice_board.len().hash(&mut h);
            }
            Page::KindList { kind, page, lang } => {
                let idx = site.by_kind.get(kind).map_or(&[][..], Vec::as_slice);
                let per = site.config.site.paginate;
                idx.len().div_ceil(per).hash(&mut h);
                self.listed(
                    &mut h,
                    lang,
                    &idx[((page - 1) * per).min(idx.len())..(page * per).min(idx.len())],
                );
            }
            Page::Doc { doc, .. } => self.docs(&mut h, &[*doc]),
            Page::Topic { topic, lang } => {
                let id = site.config.site.topics[*topic].id();
                self.listed(
                    &mut h,
                    lang,
                    site.by_topic.get(id).map_or(&[][..], Vec::as_slice),
                );
            }
            Page::Topics { .. } => {
                for idx in site.by_topic.values() {
                    idx.len().hash(&mut h);
                }
            }
            Page::Archive { .. } => {
                for (y, idx) in &site.by_year {
                    (y, idx.len()).hash(&mut h);
                }
            }
            Page::Year { year, lang } => self.listed(
                &mut h,
                lang,
                site.by_year.get(year).map_or(&[][..], Vec::as_slice),
            ),
            Page::NoticeBoard { .. } => {
                let idx: Vec<usize> = site.notice_board.iter().map(|e| e.doc).collect();
                self.docs(&mut h, &idx);
            }
            Page::Languages | Page::NotFound => {}
            #[allow(unreachable_patterns)]
            _ => site.documents.len().hash(&mut h),
        }
        // The page's identity: the same documents on two pages are two fingerprints.
        url.hash(&mut h);
        h.finish()
    }

    /// The documents a page shows in full (or in entries rendered with the page).
    fn docs(&self, h: &mut DefaultHasher, idx: &[usize]) {
        idx.len().hash(h);
        for &i in idx {
            h.write_u64(self.docs[i]);
        }
    }

    /// The documents of a long list, which shows their entries only: an edit that leaves an
    /// entry as it was leaves the list as it was.
    fn listed(&self, h: &mut DefaultHasher, lang: &str, idx: &[usize]) {
        let lang = self.site.config.language_codes().position(|l| l == lang);
        idx.len().hash(h);
        for &i in idx {
            match lang.and_then(|l| self.entries[i].get(l)) {
                Some(e) => h.write_u64(*e),
                None => h.write_u64(self.docs[i]),
            }
        }
    }
}
