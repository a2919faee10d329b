//! Rebuilds through the serve path, told which files changed (`Builder::track_changes`), give
//! the same site as a whole build of the same files, whatever the edit: a body, a title (the
//! lists change), a new or removed translation, a renamed document, a draft, an attachment, a
//! broken file and its fix, and changes the watcher lost track of.

use std::path::{Path, PathBuf};

use crate::common::*;
use anslag::build::{BuildOptions, Builder, Rebuild};
use anslag::write;

const BODY: &str = "content/press/2026-10-20-elevhalsan-forstarks.sv.md";
const NOTICE: &str = "content/notices/2026-11-19-preschool-planning-day.sv.md";

/// A builder kept between rebuilds, writing into its own preview folder as `anslag serve` does.
struct Preview {
    builder: Builder,
    out: PathBuf,
    written: write::Written,
}

impl Preview {
    fn new(root: &Path, out: &Path, tracking: bool) -> Preview {
        let mut builder = Builder::new(BuildOptions {
            root: root.to_path_buf(),
            output: out.to_path_buf(),
            clock: anslag::site::clock::Clock::from_flag(Some(NOW)).unwrap(),
            drafts: true,
            compress: false,
        });
        if tracking {
            builder.track_changes();
        }
        Preview {
            builder,
            out: out.to_path_buf(),
            written: write::Written::new(),
        }
    }

    fn rebuild(&mut self) -> Result<Rebuild, String> {
        let sink = write::Changed::new(&self.out, std::mem::take(&mut self.written), false)
            .expect("preview folder");
        match self.builder.rebuild_into(&sink) {
            Ok(r) => {
                self.written = sink.finish(Some(&r.paths)).0;
                Ok(r)
            }
            Err(d) => {
                self.written = sink.finish(None).0;
                Err(d.to_string())
            }
        }
    }
}

struct Check {
    site: TestSite,
    preview: Preview,
    fresh: usize,
}

impl Check {
    fn new() -> Check {
        let site = TestSite::example();
        let mut preview = Preview::new(&site.root(), &site.tmp.path().join("preview"), true);
        preview.rebuild().expect("first build");
        Check {
            site,
            preview,
            fresh: 0,
        }
    }

    /// Tells the builder what changed, rebuilds, and compares the preview with a whole build
    /// of the same files made by a new builder. Returns the rebuild.
    fn after(&mut self, changed: &[&str]) -> Rebuild {
        let paths: Vec<PathBuf> = changed.iter().map(|p| self.site.path(p)).collect();
        self.preview.builder.note_changes(Some(&paths));
        let r = self
            .preview
            .rebuild()
            .unwrap_or_else(|e| panic!("rebuild after {changed:?}:\n{e}"));
        self.compare(changed);
        r
    }

    fn compare(&mut self, what: &[&str]) {
        self.fresh += 1;
        let out = self.site.tmp.path().join(format!("whole-{}", self.fresh));
        Preview::new(&self.site.root(), &out, false)
            .rebuild()
            .expect("whole build");
        let (got, want) = (snapshot(&self.preview.out), snapshot(&out));
        let differ: Vec<&PathBuf> = want
            .iter()
            .filter(|(p, b)| got.get(*p) != Some(b))
            .map(|(p, _)| p)
            .chain(got.keys().filter(|p| !want.contains_key(*p)))
            .collect();
        assert!(
            differ.is_empty(),
            "after {what:?} the rebuild differs from a whole build in {} files: {:?}",
            differ.len(),
            &differ[..differ.len().min(10)]
        );
        std::fs::remove_dir_all(&out).ok();
    }
}

fn page(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn rebuilds_told_what_changed_equal_whole_builds() {
    let mut c = Check::new();
    let out = c.preview.out.clone();

    // A body edit renders one document and leaves the lists alone.
    c.site.edit(
        BODY,
        "## Vad förändras",
        "Ett nytt stycke.\n\n## Vad förändras",
    );
    let r = c.after(&[BODY]);
    assert_eq!(r.changed_documents, 1);
    assert!(page(&out, "sv/press/elevhalsan-forstarks/index.html").contains("Ett nytt stycke."));

    // A new title shows in every list that holds the document, in every language.
    c.site.edit(
        BODY,
        "title: Elevhälsan förstärks med fyra nya tjänster",
        "title: Elevhälsan får fyra nya tjänster",
    );
    c.after(&[BODY]);
    assert!(page(&out, "sv/press/index.html").contains("Elevhälsan får fyra nya tjänster"));
    assert!(page(&out, "en/press/index.html").contains("Elevhälsan får fyra nya tjänster"));

    // A new translation, then a removed one.
    let en = BODY.replace(".sv.md", ".en.md");
    let text = c.site.read(BODY).replace(
        "title: Elevhälsan får fyra nya tjänster",
        "title: Student health gets four new posts",
    );
    c.site.write(&en, text);
    c.after(&[&en]);
    assert!(
        out.join("en/press/elevhalsan-forstarks/index.html")
            .exists()
    );
    c.site.remove(&en);
    c.after(&[&en]);
    assert!(
        !out.join("en/press/elevhalsan-forstarks/index.html")
            .exists()
    );

    // A renamed file is a new slug: the old pages go.
    let renamed = BODY.replace("elevhalsan-forstarks", "elevhalsan-vaxer");
    std::fs::rename(c.site.path(BODY), c.site.path(&renamed)).unwrap();
    c.after(&[BODY, &renamed]);
    assert!(out.join("sv/press/elevhalsan-vaxer/index.html").exists());
    assert!(
        !out.join("sv/press/elevhalsan-forstarks/index.html")
            .exists()
    );

    // A draft is hidden from links and marked; the notice's end moves it off the lists of
    // notices in force.
    c.site
        .edit(&renamed, "---\ntitle:", "---\ndraft: true\ntitle:");
    c.after(&[&renamed]);
    c.site.edit(
        NOTICE,
        "expires: 2027-01-08T18:00:00+01:00",
        "expires: 2026-11-20T18:00:00+01:00",
    );
    c.after(&[NOTICE]);

    // An attachment added beside a document, then a new folder of them.
    let attachment = "content/press/2026-10-05-frukost-hamnskolan/meny.txt";
    c.site.write(attachment, "Gröt, smörgås, frukt.\n");
    c.after(&[attachment]);
    assert!(out.join("files/press/frukost-hamnskolan/meny.txt").exists());
    let folder = "content/press/2026-10-20-elevhalsan-vaxer";
    c.site.write(&format!("{folder}/bild.txt"), "en bild\n");
    c.after(&[folder, &format!("{folder}/bild.txt")]);
    assert!(out.join("files/press/elevhalsan-vaxer/bild.txt").exists());

    // A broken file fails the rebuild and keeps the last good preview; its fix builds.
    c.site.edit(NOTICE, "urgency: normal", "urgency: [normal");
    c.preview.builder.note_changes(Some(&[c.site.path(NOTICE)]));
    assert!(c.preview.rebuild().is_err());
    c.site
        .edit(NOTICE, "urgency: [normal", "urgency: important");
    c.after(&[NOTICE]);

    // Files changed behind the watcher's back: told that it lost track, the builder looks at
    // everything.
    c.site
        .edit(&renamed, "Ett nytt stycke.", "Ett annat stycke.");
    c.site
        .remove("content/press/2026-09-17-gemensam-skolkalender.da.md");
    c.preview.builder.note_changes(None);
    c.preview.rebuild().expect("rebuild after lost track");
    c.compare(&["(lost track)"]);
}

#[test]
fn an_edit_the_builder_was_not_told_of_is_picked_up_when_not_tracking() {
    // Without `track_changes` a rebuild looks at every file, as before.
    let site = TestSite::example();
    let out = site.tmp.path().join("preview");
    let mut preview = Preview::new(&site.root(), &out, false);
    preview.rebuild().expect("first build");
    site.edit(
        BODY,
        "## Vad förändras",
        "Ett tyst stycke.\n\n## Vad förändras",
    );
    let r = preview.rebuild().expect("rebuild");
    assert_eq!(r.changed_documents, 1);
    assert!(page(&out, "sv/press/elevhalsan-forstarks/index.html").contains("Ett tyst stycke."));
}

#[test]
fn an_embargo_lifting_renders_that_document_alone_and_gives_the_whole_build() {
    use anslag::site::clock::Clock;
    let site = TestSite::fixture("minimal");
    let later = "2026-11-22T13:00:00+01:00";
    site.write(
        "content/press/2026-11-22-later.sv.md",
        format!("---\ntitle: Senare\ndate: {later}\nsummary: Snart.\n---\nText.\n"),
    );
    let out = site.tmp.path().join("published");
    let clock = Clock::from_flag(Some(NOW)).unwrap();
    let opts = |clock: &Clock, out: &Path| BuildOptions {
        root: site.root(),
        output: out.to_path_buf(),
        clock: clock.clone(),
        drafts: false,
        compress: false,
    };
    let mut builder = Builder::new(opts(&clock, &out));
    builder.track_changes();
    let mut written = write::Written::new();
    let mut rebuild = |builder: &mut Builder| {
        let sink = write::Changed::new(&out, std::mem::take(&mut written), false).unwrap();
        let r = builder.rebuild_into(&sink).expect("rebuild");
        written = sink.finish(Some(&r.paths)).0;
        r
    };
    let first = rebuild(&mut builder);
    let page = "sv/press/later/index.html";
    assert!(!out.join(page).exists(), "published before its embargo");
    // A build without drafts leaves the document out, and still knows when it is due.
    let due = chrono::DateTime::parse_from_rfc3339(later).unwrap();
    assert_eq!(first.site.next_embargo.map(|t| t.fixed_offset()), Some(due));
    assert_eq!(
        anslag::site::schedule::next(&first.site, None).map(|t| t.fixed_offset()),
        Some(due)
    );

    clock.wait_until(due.to_utc(), chrono_tz::UTC);
    builder.note_changes(Some(&[]));
    let lifted = rebuild(&mut builder);
    assert_eq!(
        lifted.changed_documents, 1,
        "only the document that appeared"
    );
    assert!(out.join(page).exists());

    let whole = site.tmp.path().join("whole");
    Builder::new(opts(&Clock::from_flag(Some(later)).unwrap(), &whole))
        .rebuild_into(&write::Changed::new(&whole, write::Written::new(), false).unwrap())
        .expect("whole build");
    assert_eq!(snapshot(&out), snapshot(&whole));
}
