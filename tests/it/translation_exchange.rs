//! `anslag translations export|import` through the tools translators use: XLIFF 2.1 filled in
//! with the Translate Toolkit (as an agency's tool would), PO filled in with polib and checked
//! with `pocount` and `pofilter` (as Weblate and Poedit would), on copies of the example site.
//! The XLIFF files are validated against the OASIS core schema (`tests/schemas/xliff-2.1/`) with
//! xmllint. Needs `python3` with `translate-toolkit` and `polib`, and `xmllint` (`.ci/run`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{NOW, TestSite, attr, page, select, snapshot, temp_dir, text};

const CRISIS_SV: &str = "content/notices/2026-11-22-schools-closed-water.sv.md";
const CRISIS_AR: &str = "content/notices/2026-11-22-schools-closed-water.ar.md";
const PRESS_SV: &str = "content/press/2026-11-22-drinking-water-schools-closed.sv.md";

fn anslag(site: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site)
        .args(["--now", NOW])
        .args(args)
        .output()
        .expect("run anslag")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn failed(out: Output) -> String {
    assert!(
        !out.status.success(),
        "expected a failure: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn tool(program: &str, args: &[&Path]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} ({e}): .ci/run installs it"));
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/translations")
        .join(name)
}

/// Runs a helper script of `tests/translations/` with python3.
fn python(name: &str, args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg(script(name))
        .args(args)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{name}: {} (.ci/run installs translate-toolkit and polib)",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn export(site: &Path, out: &Path, extra: &[&str]) -> String {
    let out = out.display().to_string();
    let mut args = vec!["translations", "export", "--out", &out];
    args.extend(extra);
    ok(anslag(site, &args))
}

fn status(site: &Path, doc: &str, lang: &str) -> String {
    let out = ok(anslag(
        site,
        &["translations", "status", "--format", "json", "--lang", lang],
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["translations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            format!(
                "{}/{}",
                r["kind"].as_str().unwrap(),
                r["slug"].as_str().unwrap()
            ) == doc
        })
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| panic!("no row for {doc}"))
}

/// The `<file>` element of `doc` (`press.slug`) in an XLIFF text.
fn xliff_file<'a>(xliff: &'a str, doc: &str) -> &'a str {
    let at = xliff
        .find(&format!("<file id=\"{doc}\""))
        .unwrap_or_else(|| panic!("no <file> for {doc}"));
    let end = xliff[at..].find("</file>").unwrap();
    &xliff[at..at + end]
}

fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn xliff_validates_against_the_oasis_schema_and_a_round_trip_without_edits_changes_no_byte() {
    let site = TestSite::example();
    let root = site.root();
    ok(anslag(&root, &["translations", "mark", CRISIS_AR]));
    let tmp = temp_dir();
    let (one, each) = (tmp.path().join("one"), tmp.path().join("each"));
    let said = export(&root, &one, &["--lang", "ar,en,fa"]);
    assert!(said.contains("ar.xlf"), "{said}");
    export(&root, &each, &["--lang", "ar", "--per-document"]);
    assert!(each.join("ar/notices.schools-closed-water.xlf").is_file());

    let schema =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/xliff-2.1/xliff_core_2.0.xsd");
    let files: Vec<PathBuf> = files_in(&one, "xlf")
        .into_iter()
        .chain(files_in(&each, "xlf"))
        .collect();
    assert!(files.len() > 3);
    for f in &files {
        let out = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(f)
            .output()
            .expect("xmllint (.ci/run installs it)");
        assert!(
            out.status.success(),
            "{} is not valid XLIFF 2: {}",
            f.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    // The stale English press release: translated units and the one whose source changed.
    let en = std::fs::read_to_string(one.join("en.xlf")).unwrap();
    let press = xliff_file(&en, "press.drinking-water-schools-closed");
    let body3 = &press[press.find("<unit id=\"body.3\"").unwrap()..];
    let body3 = &body3[..body3.find("</unit>").unwrap()];
    assert!(
        body3.contains("<segment state=\"initial\" subState=\"anslag:stale\">"),
        "{body3}"
    );
    assert!(
        body3.contains("<note category=\"anslag:stale\">"),
        "{body3}"
    );
    assert!(body3.contains("<target>The waterworks"), "{body3}");
    assert!(press.contains("<unit id=\"title\""));
    assert!(press.contains("<segment state=\"translated\">"));
    assert!(press.contains("<note category=\"anslag:kind\">press release</note>"));
    // A link is a code: its address is original data, not text to edit.
    let ar = std::fs::read_to_string(one.join("ar.xlf")).unwrap();
    let notice = xliff_file(&ar, "notices.schools-closed-water");
    assert!(notice.contains("<data id=\"d1s\">"), "{notice}");
    assert!(notice.contains("<pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\">"));

    let before = snapshot(&root.join("content"));
    let files: Vec<String> = files_in(&one, "xlf")
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut args = vec!["translations", "import"];
    args.extend(files.iter().map(String::as_str));
    let said = ok(anslag(&root, &args));
    assert!(said.lines().all(|l| l.starts_with("Unchanged ")), "{said}");
    assert_eq!(
        before,
        snapshot(&root.join("content")),
        "no file byte changes"
    );
}

#[test]
fn an_agency_round_trip_through_the_translate_toolkit_brings_the_stale_notice_up_to_date() {
    let site = TestSite::example();
    let root = site.root();
    ok(anslag(&root, &["translations", "mark", CRISIS_AR]));
    site.edit(CRISIS_SV, "minst en vecka", "minst två veckor");
    assert_eq!(status(&root, "notices/schools-closed-water", "ar"), "stale");

    let tmp = temp_dir();
    export(&root, tmp.path(), &["--lang", "ar", "--only-changed"]);
    let xlf = tmp.path().join("ar.xlf");
    let exported = std::fs::read_to_string(&xlf).unwrap();
    let notice = xliff_file(&exported, "notices.schools-closed-water");
    assert_eq!(
        notice.matches("<unit ").count(),
        1,
        "only the changed segment: {notice}"
    );
    assert!(notice.contains("minst två veckor"));

    let filled = tmp.path().join("filled.xlf");
    let units = python(
        "fill_xliff.py",
        &[
            &xlf.display().to_string(),
            &filled.display().to_string(),
            "ÖVERSATT: ",
        ],
    );
    assert!(
        units
            .lines()
            .any(|l| l.starts_with("notices.schools-closed-water/body.")),
        "{units}"
    );
    let said = ok(anslag(
        &root,
        &["translations", "import", &filled.display().to_string()],
    ));
    assert!(
        said.contains(&format!("Updated {CRISIS_AR} (1 of 1 units translated)")),
        "{said}"
    );
    assert!(said.contains("Created content/press/2026-11-22-drinking-water-schools-closed.ar.md"));
    assert_eq!(
        status(&root, "notices/schools-closed-water", "ar"),
        "up-to-date"
    );
    assert_eq!(
        status(&root, "press/drinking-water-schools-closed", "ar"),
        "up-to-date"
    );

    site.build(&[]).assert_ok();
    let out = site.out();
    let ar = page(&out, "ar/notices/schools-closed-water/index.html");
    let items: Vec<String> = select(&ar, ".body li").into_iter().map(text).collect();
    assert!(
        items
            .iter()
            .any(|i| i.starts_with("ÖVERSATT: ") && i.contains("minst två veckor")),
        "{items:?}"
    );
    assert!(select(&ar, ".translation-stale").is_empty());
    // The new Arabic press release kept its link to the notice, which the translator could
    // not edit.
    let press = page(&out, "ar/press/drinking-water-schools-closed/index.html");
    assert!(text(select(&press, "h1")[0]).starts_with("ÖVERSATT: "));
    let links: Vec<String> = select(&press, ".body a")
        .into_iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert!(
        links
            .iter()
            .any(|h| h.ends_with("/notices/schools-closed-water/")),
        "{links:?}"
    );
    let api = json(&out.join("api/v1/documents/notices/schools-closed-water/ar.json"));
    assert_eq!(api["translation"]["status"], "up-to-date");
    let feed = feed_rs::parser::parse(&std::fs::read(out.join("ar/notices/atom.xml")).unwrap()[..])
        .unwrap();
    let entry = feed
        .entries
        .iter()
        .find(|e| e.id.ends_with("/ar/notices/schools-closed-water/"))
        .unwrap();
    let body = entry.content.as_ref().and_then(|c| c.body.clone()).unwrap();
    assert!(
        body.contains("ÖVERSATT: ") && !body.contains("قد تكون هذه الترجمة قديمة"),
        "{body}"
    );
}

#[test]
fn a_broken_inline_code_and_a_source_changed_since_the_export_are_refused() {
    let site = TestSite::example();
    let root = site.root();
    let tmp = temp_dir();
    export(&root, tmp.path(), &["--lang", "ar"]);
    let filled = tmp.path().join("filled.xlf");
    python(
        "fill_xliff.py",
        &[
            &tmp.path().join("ar.xlf").display().to_string(),
            &filled.display().to_string(),
            "AR ",
        ],
    );
    let good = std::fs::read_to_string(&filled).unwrap();
    let before = snapshot(&root.join("content"));

    // A tool (or a hand) that points a code of a target at data the unit does not have.
    let code = "dataRefEnd=\"d1e\"";
    let in_target = good
        .match_indices(code)
        .map(|(i, _)| i)
        .find(|&i| good[..i].rfind("<target") > good[..i].rfind("<source"))
        .expect("a target with a link");
    let broken = format!(
        "{}dataRefEnd=\"d9e\"{}",
        &good[..in_target],
        &good[in_target + code.len()..]
    );
    let bad = tmp.path().join("broken.xlf");
    std::fs::write(&bad, broken).unwrap();
    let err = failed(anslag(
        &root,
        &["translations", "import", &bad.display().to_string()],
    ));
    assert!(err.contains("a broken inline code"), "{err}");
    assert!(err.contains("unit `body."), "names the unit: {err}");
    assert_eq!(
        before,
        snapshot(&root.join("content")),
        "nothing is written"
    );

    // The source changes after the export: its units are refused, unless forced.
    site.edit(
        PRESS_SV,
        "Ledningen är avstängd",
        "Ledningen är nu avstängd",
    );
    let err = failed(anslag(
        &root,
        &["translations", "import", &filled.display().to_string()],
    ));
    assert!(err.contains("unit `body.3` of `press/drinking-water-schools-closed`: the source changed since the export"), "{err}");
    assert_eq!(before.len(), snapshot(&root.join("content")).len());
    let said = ok(anslag(
        &root,
        &[
            "translations",
            "import",
            "--force",
            &filled.display().to_string(),
        ],
    ));
    assert!(
        said.contains("Created content/press/2026-11-22-drinking-water-schools-closed.ar.md"),
        "{said}"
    );
}

#[test]
fn a_weblate_round_trip_through_polib_pocount_and_pofilter() {
    let site = TestSite::example();
    let root = site.root();
    let tmp = temp_dir();
    export(
        &root,
        tmp.path(),
        &["--lang", "en", "--format", "po", "--only-changed"],
    );
    let po = tmp.path().join("en.po");
    let text_po = std::fs::read_to_string(&po).unwrap();
    let stale = &text_po[text_po
        .find("msgctxt \"press/drinking-water-schools-closed:body.3\"")
        .unwrap()
        - 200..];
    assert!(stale.contains("#, fuzzy"), "{stale}");
    assert!(stale.contains("#. anslag-source: sv "), "{stale}");
    let counts = tool("pocount", &[&po]);
    let fuzzy = counts
        .lines()
        .find(|l| l.contains("Fuzzy:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("{counts}"));
    assert!(fuzzy >= 1, "{counts}");

    // As it was exported, the file changes nothing.
    let before = snapshot(&root.join("content"));
    let said = ok(anslag(
        &root,
        &["translations", "import", &po.display().to_string()],
    ));
    assert!(said.lines().all(|l| l.starts_with("Unchanged ")), "{said}");
    assert_eq!(before, snapshot(&root.join("content")));

    let filled = tmp.path().join("filled.po");
    python(
        "fill_po.py",
        &[
            &po.display().to_string(),
            &filled.display().to_string(),
            "EN: ",
        ],
    );
    let failures = tmp.path().join("failures.po");
    tool("pofilter", &[Path::new("--test=urls"), &filled, &failures]);
    let flagged = std::fs::read_to_string(&failures).unwrap_or_default();
    assert!(
        !flagged.contains("msgctxt"),
        "pofilter found lost addresses: {flagged}"
    );

    let said = ok(anslag(
        &root,
        &["translations", "import", &filled.display().to_string()],
    ));
    assert!(said.contains("Updated content/press/2026-11-22-drinking-water-schools-closed.en.md (1 of 1 units translated)"), "{said}");
    assert_eq!(
        status(&root, "press/drinking-water-schools-closed", "en"),
        "up-to-date"
    );
    site.build(&[]).assert_ok();
    let out = site.out();
    let en = page(&out, "en/press/drinking-water-schools-closed/index.html");
    assert!(
        select(&en, ".translation-stale").is_empty(),
        "the notice is gone"
    );
    assert!(
        select(&en, ".body p")
            .into_iter()
            .any(|p| text(p).starts_with("EN: Vattenverket"))
    );
    let api = json(&out.join("api/v1/documents/press/drinking-water-schools-closed/en.json"));
    assert_eq!(api["translation"]["status"], "up-to-date");
    let feed =
        feed_rs::parser::parse(&std::fs::read(out.join("en/press/atom.xml")).unwrap()[..]).unwrap();
    let entry = feed
        .entries
        .iter()
        .find(|e| e.id.ends_with("/en/press/drinking-water-schools-closed/"))
        .unwrap();
    let body = entry.content.as_ref().and_then(|c| c.body.clone()).unwrap();
    assert!(
        body.contains("EN: Vattenverket") && !body.contains("may be out of date"),
        "{body}"
    );
}

#[test]
fn a_po_translation_that_loses_a_link_address_is_refused_naming_the_unit() {
    let site = TestSite::example();
    let root = site.root();
    let tmp = temp_dir();
    export(&root, tmp.path(), &["--lang", "fi", "--format", "po"]);
    let careless = tmp.path().join("careless.po");
    python(
        "fill_po.py",
        &[
            &tmp.path().join("fi.po").display().to_string(),
            &careless.display().to_string(),
            "FI ",
            "--drop-links",
        ],
    );
    let before = snapshot(&root.join("content"));
    let err = failed(anslag(
        &root,
        &["translations", "import", &careless.display().to_string()],
    ));
    assert!(err.contains("a broken inline code"), "{err}");
    assert!(err.contains("unit `body."), "{err}");
    assert_eq!(before, snapshot(&root.join("content")));
}
