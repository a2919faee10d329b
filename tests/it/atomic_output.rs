//! The output folder is replaced all at once or not at all: a failed build leaves the previous
//! site byte for byte as it was, and no half-written folders remain beside it.

use std::path::Path;

use crate::common::*;

/// Names in the output's parent folder that look like the build's working folders.
fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out.tmp-") || n.starts_with(".out.old-"))
        .collect()
}

const PRESS: &str = "content/press/2026-11-01-ny-matsal.sv.md";

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = TestSite::fixture("minimal");
    let out = site.out();
    site.build(&[]).assert_ok();
    let before = snapshot(&out);
    assert!(before.len() > 20, "{} files", before.len());
    assert!(leftovers(site.tmp.path()).is_empty());

    // Break the Swedish press release, and change another document so that a (wrong) partial
    // write would show.
    let good = site.read(PRESS);
    site.edit(PRESS, "title:", "titel:");
    site.edit(
        "content/notices/2026-11-20-water-outage.sv.md",
        "Vattnet är avstängt",
        "Vattnet är fortfarande avstängt",
    );
    let run = site.build(&[]);
    run.assert_failed();
    assert!(run.stderr.contains(PRESS), "{}", run.stderr);
    assert!(run.stderr.contains("was left as it was"), "{}", run.stderr);
    let after = snapshot(&out);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the set of files changed"
    );
    for (path, bytes) in &before {
        assert!(bytes == &after[path], "{} changed", path.display());
    }
    assert!(
        leftovers(site.tmp.path()).is_empty(),
        "{:?}",
        leftovers(site.tmp.path())
    );

    // Fixed: the next build replaces the output, with exactly the files a fresh build writes.
    site.write(PRESS, &good);
    site.build(&[]).assert_ok();
    let updated = snapshot(&out);
    let page = String::from_utf8_lossy(&updated[Path::new("sv/notices/water-outage/index.html")])
        .into_owned();
    assert!(
        page.contains("Vattnet är fortfarande avstängt"),
        "the output was not updated"
    );
    assert_ne!(updated, before);
    let fresh_dir = site.tmp.path().join("fresh");
    build(&site.root(), &fresh_dir, &[]).assert_ok();
    assert_eq!(updated, snapshot(&fresh_dir));
    assert!(
        leftovers(site.tmp.path()).is_empty(),
        "{:?}",
        leftovers(site.tmp.path())
    );
}

#[test]
fn files_that_are_no_longer_built_disappear_from_the_output() {
    let site = TestSite::fixture("minimal");
    let out = site.out();
    site.build(&[]).assert_ok();
    assert!(out.join("en/press/ny-matsal/index.html").is_file());
    std::fs::write(out.join("stray.txt"), "not part of the site").unwrap();

    site.remove("content/press/2026-11-01-ny-matsal.en.md");
    site.build(&[]).assert_ok();
    assert!(!out.join("en/press/ny-matsal").exists());
    assert!(!out.join("stray.txt").exists());
    assert!(out.join("sv/press/ny-matsal/index.html").is_file());
}

#[test]
fn folders_left_by_a_killed_build_are_removed() {
    let site = TestSite::fixture("minimal");
    // No process has this id (above the kernel's pid_max), so its folders are stale.
    let stale_tmp = site.tmp.path().join(".out.tmp-4000000000");
    let stale_old = site.tmp.path().join(".out.old-4000000000");
    for dir in [&stale_tmp, &stale_old] {
        std::fs::create_dir_all(dir.join("sv")).unwrap();
        std::fs::write(dir.join("sv/index.html"), "half a site").unwrap();
    }
    site.build(&[]).assert_ok();
    assert!(
        !stale_tmp.exists() && !stale_old.exists(),
        "{:?}",
        leftovers(site.tmp.path())
    );
    assert!(site.out().join("sv/index.html").is_file());
}

#[test]
fn an_output_path_that_is_a_file_is_an_error() {
    let site = TestSite::fixture("minimal");
    std::fs::write(site.out(), "precious").unwrap();
    let run = site.build(&[]);
    run.assert_failed();
    assert_eq!(std::fs::read_to_string(site.out()).unwrap(), "precious");
    assert!(
        leftovers(site.tmp.path()).is_empty(),
        "{:?}",
        leftovers(site.tmp.path())
    );
}
