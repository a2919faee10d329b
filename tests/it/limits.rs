//! Limits (issue 9): hostile or mistaken input gets a clear error, not a crash or unbounded
//! memory: a 100 MB Markdown file, a document with 100 000 headings, a front matter with
//! 10 000 topics, paths leading outside `content/`, a file that is not UTF-8, names that
//! differ only by case, an oversized `site.yaml`.

use crate::common::{TestSite, single_error};

const FRONT: &str = "---\ntitle: T\ndate: 2026-11-01T10:00:00+01:00\nsummary: S.\n---\n";

#[test]
fn a_100_mb_markdown_file_is_refused_before_it_is_read() {
    let site = TestSite::fixture("minimal");
    let paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(20) + "\n\n";
    let mut body = String::from(FRONT);
    while body.len() < 100_000_000 {
        body.push_str(&paragraph);
    }
    site.write("content/press/2026-11-02-huge.sv.md", &body);
    let run = site.build(&[]);
    run.assert_failed();
    let e = single_error(&run, "content/press/2026-11-02-huge.sv.md");
    assert!(e.message.contains("at most 10 MB"), "{}", e.message);
    assert!(!site.out().exists(), "nothing was written");
}

#[test]
fn a_document_with_100_000_headings_builds() {
    let site = TestSite::fixture("minimal");
    let mut body = String::from(FRONT);
    for i in 0..100_000 {
        body.push_str(&format!("## Rubrik {i}\n\nText.\n\n"));
    }
    site.write("content/press/2026-11-02-rubriker.sv.md", &body);
    site.build(&[]).assert_ok();
    let page = std::fs::read_to_string(site.out().join("sv/press/rubriker/index.html")).unwrap();
    assert!(page.contains("id=\"rubrik-99999\""));
}

#[test]
fn ten_thousand_topics_give_one_clear_error() {
    let site = TestSite::fixture("minimal");
    let topics: Vec<String> = (0..10_000).map(|i| format!("t{i}")).collect();
    site.write(
        "content/press/2026-11-02-amnen.sv.md",
        format!(
            "---\ntitle: T\ndate: 2026-11-01T10:00:00+01:00\nsummary: S.\ntopics: [{}]\n---\nx\n",
            topics.join(", ")
        ),
    );
    let run = site.build(&[]);
    run.assert_failed();
    assert!(
        run.stderr.contains("names 10000 topics; at most 200"),
        "{}",
        &run.stderr[..run.stderr.len().min(2000)]
    );
    // One error, quoting a window of the 70 000-character line.
    assert!(
        run.stderr.len() < 4096,
        "{} bytes of errors",
        run.stderr.len()
    );
    assert_eq!(run.errors().len(), 1, "{}", run.stderr);
}

#[test]
fn many_errors_in_one_file_are_shown_twenty_at_a_time() {
    let site = TestSite::fixture("minimal");
    let topics: Vec<String> = (0..150).map(|i| format!("okänt{i}")).collect();
    site.write(
        "content/press/2026-11-02-amnen.sv.md",
        format!(
            "---\ntitle: T\ndate: 2026-11-01T10:00:00+01:00\nsummary: S.\ntopics: [{}]\n---\nx\n",
            topics.join(", ")
        ),
    );
    let run = site.build(&[]);
    run.assert_failed();
    assert_eq!(run.errors().len(), 20, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("130 more problems in content/press/2026-11-02-amnen.sv.md")
    );
    assert!(run.stderr.contains("the build failed with 150 errors"));
    // Each quotes a window of the long line, with the caret under its topic.
    for line in run.stderr.lines().filter(|l| l.starts_with("5 |")) {
        assert!(line.chars().count() < 140, "{line}");
    }
}

#[test]
fn paths_leading_outside_content_are_refused() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/press/2026-11-02-ut.sv.md",
        format!("{FRONT}[a](../../site.yaml) ![b](../../../etc/passwd) [c](files/../../../../etc/hostname)\n"),
    );
    let run = site.build(&[]);
    run.assert_failed();
    let errors = run.errors();
    assert_eq!(errors.len(), 3, "{}", run.stderr);
    assert!(
        errors
            .iter()
            .all(|e| e.message.contains("leaves the document's folder"))
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_in_content_are_refused() {
    let site = TestSite::fixture("minimal");
    std::os::unix::fs::symlink(
        "/etc/hostname",
        site.path("content/press/2026-11-02-l.sv.md"),
    )
    .unwrap();
    std::fs::create_dir_all(site.path("content/press/2026-11-01-ny-matsal")).unwrap();
    std::os::unix::fs::symlink("/etc", site.path("content/press/2026-11-01-ny-matsal/etc"))
        .unwrap();
    let run = site.build(&[]);
    run.assert_failed();
    let errors = run.errors();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert!(
        errors
            .iter()
            .all(|e| e.message.contains("symbolic links are not followed"))
    );
    assert!(!run.stderr.contains("localhost") && !run.stdout.contains("root:"));
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_its_line() {
    let site = TestSite::fixture("minimal");
    let mut bytes = FRONT.as_bytes().to_vec();
    bytes.extend_from_slice(b"Sm\xe5land och \xf6ar\n");
    site.write("content/press/2026-11-02-latin.sv.md", bytes);
    let run = site.build(&[]);
    run.assert_failed();
    let e = single_error(&run, "content/press/2026-11-02-latin.sv.md");
    assert!(e.message.contains("not UTF-8"));
    assert_eq!(e.line, Some(6));

    let site = TestSite::fixture("minimal");
    let mut yaml = std::fs::read(site.path("site.yaml")).unwrap();
    yaml.extend_from_slice(b"# \xff\n");
    site.write("site.yaml", yaml);
    let run = site.build(&[]);
    run.assert_failed();
    assert!(
        single_error(&run, "site.yaml")
            .message
            .contains("not UTF-8")
    );
}

#[test]
fn names_that_differ_only_by_case_are_refused() {
    // Document names are lower case only, so two documents cannot clash.
    let site = TestSite::fixture("minimal");
    site.write(
        "content/press/2026-11-02-Matsal.sv.md",
        format!("{FRONT}a\n"),
    );
    let run = site.build(&[]);
    run.assert_failed();
    let e = single_error(&run, "content/press/2026-11-02-Matsal.sv.md");
    assert!(e.hint.as_deref().unwrap_or("").contains("lower-case"));
    // Attachments keep their names, so two that differ only by case are refused.
    let site = TestSite::fixture("minimal");
    site.write(
        "content/press/2026-11-01-ny-matsal/Ritning.pdf",
        b"%PDF-1.4 a",
    );
    site.write(
        "content/press/2026-11-01-ny-matsal/ritning.pdf",
        b"%PDF-1.4 b",
    );
    let run = site.build(&[]);
    run.assert_failed();
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(errors[0].message.contains("only by upper and lower case"));
}

#[test]
fn an_oversized_site_yaml_is_refused() {
    let site = TestSite::fixture("minimal");
    let mut yaml = site.read("site.yaml");
    yaml.push_str(&format!("# {}\n", "x".repeat(1_100_000)));
    site.write("site.yaml", yaml);
    let run = site.build(&[]);
    run.assert_failed();
    assert!(
        single_error(&run, "site.yaml")
            .message
            .contains("at most 1000000")
    );
}
