//! Issue 21, point 2: a build reads each source once. The real binary builds a copy of the
//! example site under `strace`; every Markdown file of `content/` must be opened exactly once
//! (the checks work on the text the loader read, not on a second reading of the file).

use std::collections::BTreeMap;
use std::process::Command;

use crate::common::*;

#[test]
fn a_build_opens_each_markdown_file_once() {
    let site = TestSite::example();
    let content = site.path("content");
    let trace = site.path("trace.txt");
    let run = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=open,openat,openat2", "-o"])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_anslag"))
        .args(["--quiet", "--now", NOW, "build", "--site"])
        .arg(site.root())
        .arg("--output")
        .arg(site.out())
        .output()
        .expect("strace (Debian's strace package; .ci/run installs it)");
    assert!(
        run.status.success(),
        "the build failed under strace: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let log = std::fs::read_to_string(&trace).expect("strace's log");

    // Every successful open of a file under content/, by its path.
    let prefix = format!("\"{}/", content.display());
    let mut opened: BTreeMap<String, usize> = BTreeMap::new();
    for line in log.lines().filter(|l| !l.contains("= -1 ")) {
        if let Some(at) = line.find(&prefix) {
            let rest = &line[at + 1..];
            let path = &rest[..rest.find('"').unwrap_or(rest.len())];
            *opened.entry(path.to_owned()).or_default() += 1;
        }
    }
    let markdown: Vec<String> = walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().display().to_string())
        .collect();
    assert!(
        markdown.len() >= 20,
        "the example has {} files",
        markdown.len()
    );
    let wrong: Vec<String> = markdown
        .iter()
        .filter(|p| opened.get(*p).copied().unwrap_or(0) != 1)
        .map(|p| format!("{p}: opened {} times", opened.get(p).copied().unwrap_or(0)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
