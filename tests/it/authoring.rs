//! `anslag init` and `anslag new`: what they write builds, and says what to fill in.

use std::process::Command;

use crate::common::*;

fn anslag(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_anslag"))
        .args(args)
        .output()
        .expect("run anslag")
}

#[test]
fn init_makes_a_site_that_builds_and_refuses_a_used_folder() {
    let tmp = temp_dir();
    let dir = tmp.path().join("site");
    let out = anslag(&["init", &dir.to_string_lossy()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "site.yaml",
        "content/press",
        "content/minutes",
        "content/notices",
    ] {
        assert!(dir.join(f).exists(), "{f} missing");
    }
    build(
        &dir,
        &tmp.path().join("public"),
        &["--now", "2026-01-21T12:00:00+01:00"],
    )
    .assert_ok();
    let html =
        std::fs::read_to_string(tmp.path().join("public/en/minutes/council/index.html")).unwrap();
    assert!(
        html.contains("KF-2026/1"),
        "the example minutes have their agenda item"
    );

    let again = anslag(&["init", &dir.to_string_lossy()]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
}

#[test]
fn new_writes_a_draft_per_language_that_builds_once_filled_in() {
    let site = TestSite::example();
    let root = site.root();
    let out = anslag(&[
        "--site",
        &root.to_string_lossy(),
        "new",
        "notice",
        "Skolorna stänger – vattenläcka",
        "--crisis",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<_> = std::fs::read_dir(root.join("content/notices"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("skolorna-stanger-vattenlacka"))
        .collect();
    // A crisis notice starts in every language of the site.
    assert_eq!(files.len(), 11, "{files:?}");
    let sv = files.iter().find(|f| f.ends_with(".sv.md")).unwrap();
    let text = std::fs::read_to_string(root.join("content/notices").join(sv)).unwrap();
    for needle in [
        "title: \"Skolorna stänger – vattenläcka\"",
        "urgency: crisis",
        "expires:",
        "instruction:",
        "draft: true",
        "summary:",
    ] {
        assert!(text.contains(needle), "{needle} missing in\n{text}");
    }
    // As a draft it does not stop the build nor get published.
    site.build(&[]).assert_ok();
    assert!(
        !site
            .out()
            .join("sv/notices/skolorna-stanger-vattenlacka")
            .exists()
    );
    // Filled in and published, it is the crisis banner.
    let published = text
        .replace("draft: true", "draft: false")
        .replace("summary: \"\"", "summary: \"Skolorna är stängda.\"");
    let published = published.replace(
        &published[published.find("date: ").unwrap()
            ..published.find("            # publication").unwrap()],
        "date: 2026-11-22T10:00:00+01:00",
    );
    let published = published.replace(
        &published[published.find("expires: ").unwrap()..published.find("   # required").unwrap()],
        "expires: 2026-11-30T10:00:00+01:00",
    );
    std::fs::write(root.join("content/notices").join(sv), published).unwrap();
    site.build(&[]).assert_ok();
    let page = std::fs::read_to_string(site.out().join("en/index.html")).unwrap();
    assert!(
        page.contains("/sv/notices/skolorna-stanger-vattenlacka/"),
        "the new crisis notice is in the banner"
    );
}

#[test]
fn new_refuses_unknown_languages_and_existing_files() {
    let site = TestSite::example();
    let root = site.root().to_string_lossy().into_owned();
    let bad = anslag(&["--site", &root, "new", "press", "Hej", "--lang", "sw"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("did you mean `sv`"));
    assert!(
        anslag(&["--site", &root, "new", "press", "Hej"])
            .status
            .success()
    );
    let twice = anslag(&["--site", &root, "new", "press", "Hej"]);
    assert!(
        !twice.status.success(),
        "an existing file is never overwritten"
    );
    assert!(String::from_utf8_lossy(&twice.stderr).contains("exists already"));
}
