//! Translations that know their source: `anslag translations status|mark`, and the check of
//! stale translations, on copies of the example site with a fixed clock.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{NOW, TestSite};

const CRISIS_SV: &str = "content/notices/2026-11-22-schools-closed-water.sv.md";
const CRISIS_AR: &str = "content/notices/2026-11-22-schools-closed-water.ar.md";

fn anslag(site: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site)
        .args(["--now", NOW])
        .args(args)
        .output()
        .expect("run anslag")
}

fn status(site: &Path) -> Vec<serde_json::Value> {
    let out = anslag(site, &["translations", "status", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["translations"].as_array().expect("a list").clone()
}

fn row<'a>(rows: &'a [serde_json::Value], doc: &str, lang: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| {
            format!(
                "{}/{}",
                r["kind"].as_str().unwrap(),
                r["slug"].as_str().unwrap()
            ) == doc
                && r["lang"] == lang
        })
        .unwrap_or_else(|| panic!("no row for {doc} {lang}"))
}

#[test]
fn the_example_site_has_one_stale_press_release_and_still_passes_the_check() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = status(site);
    let stale = row(&rows, "press/drinking-water-schools-closed", "en");
    assert_eq!(stale["status"], "stale");
    assert_eq!(stale["source"], "sv");
    assert_eq!(stale["changed"], serde_json::json!(["body.3"]));
    assert_eq!(stale["source_changed"], "2026-11-22T08:00:00+01:00");
    assert_eq!(
        row(&rows, "notices/schools-closed-water", "ar")["status"],
        "untracked"
    );
    assert_eq!(
        row(&rows, "press/elevenkat-2026", "en")["status"],
        "missing"
    );

    let example = TestSite::example();
    let out = anslag(
        &example.root(),
        &[
            "check",
            "--format",
            "json",
            "-o",
            &example.out().display().to_string(),
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let stale: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "translation-stale")
        .collect();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert_eq!(stale[0]["severity"], "warning");
    assert_eq!(report["coverage"]["stale"]["en"], 1);
    assert_eq!(report["coverage"]["stale"]["ar"], 0);
}

#[test]
fn mark_records_the_source_and_a_changed_crisis_notice_fails_the_check() {
    let site = TestSite::example();
    let root = site.root();
    let before = site.read(CRISIS_AR);
    let out = anslag(
        &root,
        &[
            "translations",
            "mark",
            &root.join(CRISIS_AR).display().to_string(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = site.read(CRISIS_AR);
    // Only the `translation:` block is added, at the end of the front matter.
    let added = after.replacen(&before[..before[4..].find("\n---\n").unwrap() + 5], "", 1);
    assert!(
        after.starts_with(&before[..before[4..].find("\n---\n").unwrap() + 5]),
        "{after}"
    );
    assert!(
        added.starts_with("translation:\n  from: sv\n  source:\n"),
        "{added}"
    );
    assert!(after.ends_with(&before[before[4..].find("\n---\n").unwrap() + 5..]));
    assert_eq!(
        row(&status(&root), "notices/schools-closed-water", "ar")["status"],
        "up-to-date"
    );

    // The Swedish notice changes a word of its body: the Arabic text no longer says the same.
    let sv = site.read(CRISIS_SV);
    let body_at = sv[4..].find("\n---\n").unwrap() + 9;
    let changed = format!(
        "{}Uppdatering: skolorna är stängda till fredag.\n\n{}",
        &sv[..body_at],
        &sv[body_at..]
    );
    site.write(CRISIS_SV, changed);
    let ar = row(&status(&root), "notices/schools-closed-water", "ar").clone();
    assert_eq!(ar["status"], "stale", "{ar}");

    let out = anslag(
        &root,
        &[
            "check",
            "--format",
            "json",
            "-o",
            &site.out().display().to_string(),
        ],
    );
    assert!(
        !out.status.success(),
        "a stale crisis notice must fail the check"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let error = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "translation-stale" && f["severity"] == "error")
        .unwrap_or_else(|| panic!("no error: {report}"));
    assert!(
        error.to_string().contains("schools-closed-water"),
        "{error}"
    );

    // Marked again once brought up to date, it passes.
    let out = anslag(&root, &["translations", "mark", CRISIS_AR]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        row(&status(&root), "notices/schools-closed-water", "ar")["status"],
        "up-to-date"
    );
}

#[test]
fn marking_the_source_itself_is_refused() {
    let site = TestSite::example();
    let out = anslag(&site.root(), &["translations", "mark", CRISIS_SV]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a translation"), "{err}");
}
