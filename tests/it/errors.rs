//! One test per class of mistake an author can make. Each copies the minimal fixture, makes that
//! one mistake, builds, and checks that the build fails, writes nothing, and prints one error
//! naming the file, the line (and column where there is one) and a hint.

use crate::common::*;

const PRESS: &str = "content/press/2026-11-02-test.sv.md";

/// Checks what every failed build must do: exit non-zero and leave the output alone.
fn failed(run: &Run, site: &TestSite) {
    run.assert_failed();
    assert!(
        !site.out().exists(),
        "a failed build wrote {}",
        site.out().display()
    );
    assert!(
        run.stderr.contains("was left as it was"),
        "no closing line:\n{}",
        run.stderr
    );
}

fn hint(d: &Diag) -> &str {
    d.hint
        .as_deref()
        .unwrap_or_else(|| panic!("no hint: {d:?}"))
}

#[test]
fn invalid_yaml_syntax_in_front_matter() {
    let text = "---\ntitle: Test\ndate: 2026-11-02\nsummary: a: b\n---\nBody.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert_eq!((d.line, d.column), (Some(4), Some(11)), "{}", run.stderr);
    assert_eq!(d.source_line.as_deref(), Some("summary: a: b"));
    assert!(hint(&d).contains("quote"), "{}", run.stderr);
}

#[test]
fn unclosed_quote_in_front_matter() {
    let text = "---\ntitle: \"Test\ndate: 2026-11-02\nsummary: S\n---\nBody.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert_eq!(d.line, Some(2), "{}", run.stderr);
    hint(&d);
}

#[test]

fn yaml_syntax_message_does_not_contradict_its_location() {
    let text = "---\ntitle: Test\ndate: 2026-11-02\nsummary: a: b\n---\nBody.\n";
    let (run, _site) = build_with_file(PRESS, text);
    let d = single_error(&run, PRESS);
    assert_eq!(d.line, Some(4));
    // Today: "mapping values are not allowed in this context at line 3, column 11".
    assert!(
        !d.message.contains("at line"),
        "the message carries a second, different position: {}",
        run.stderr
    );
}

#[test]
fn unknown_front_matter_key_suggests_the_nearest() {
    let text = "---\ntitel: Test\ndate: 2026-11-02\nsummary: S\n---\nBody.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert!(d.message.contains("`titel`"), "{}", run.stderr);
    assert_eq!((d.line, d.column), (Some(2), Some(1)), "{}", run.stderr);
    assert!(hint(&d).contains("did you mean `title`?"), "{}", run.stderr);
}

#[test]
fn missing_required_field() {
    let text = "---\ntitle: Test\ndate: 2026-11-02\ntopics: [ekskolan]\n---\nBody.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert!(d.message.contains("`summary`"), "{}", run.stderr);
    // Somewhere in the front matter (lines 1 to 5, the closing `---`).
    assert!(
        d.line.is_some_and(|l| (1..=5).contains(&l)),
        "{}",
        run.stderr
    );
    assert!(hint(&d).contains("summary:"), "{}", run.stderr);
}

#[test]

fn missing_required_field_points_at_the_front_matter_not_at_another_key() {
    let text = "---\ntitle: Test\ndate: 2026-11-02\ntopics: [ekskolan]\n---\nBody.\n";
    let (run, _site) = build_with_file(PRESS, text);
    let d = single_error(&run, PRESS);
    // Today: line 4, `topics: [ekskolan]`, which is not wrong.
    assert_eq!(d.line, Some(1), "{}", run.stderr);
}

#[test]
fn missing_committee_in_minutes() {
    let rel = "content/minutes/2026-11-11-extra.sv.md";
    let text = "---\ntitle: Protokoll\ndate: 2026-11-12\nsummary: S\nmeeting: { start: 2026-11-11T18:00:00+01:00, place: Salen }\n---\n## § 1 Punkt\n\nText.\n";
    let (run, site) = build_with_file(rel, text);
    failed(&run, &site);
    let d = single_error(&run, rel);
    assert!(d.message.contains("`committee`"), "{}", run.stderr);
    assert_eq!(d.line, Some(1));
    assert!(hint(&d).contains("committee: "), "{}", run.stderr);
}

#[test]
fn invalid_date() {
    let text = "---\ntitle: Test\ndate: 2026-13-45\nsummary: S\n---\nBody.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert!(d.message.contains("2026-13-45"), "{}", run.stderr);
    assert_eq!((d.line, d.column), (Some(3), Some(7)), "{}", run.stderr);
    assert!(hint(&d).contains("2026-03-12"), "{}", run.stderr);
}

#[test]
fn invalid_date_in_another_field() {
    let rel = "content/notices/2026-11-02-test.sv.md";
    let text = "---\ntitle: Test\ndate: 2026-11-02\nsummary: S\nurgency: important\nexpires: 2026-11-31\n---\nBody.\n";
    let (run, site) = build_with_file(rel, text);
    failed(&run, &site);
    let d = single_error(&run, rel);
    assert!(d.message.contains("expires"), "{}", run.stderr);
    assert_eq!((d.line, d.column), (Some(6), Some(10)), "{}", run.stderr);
    hint(&d);
}

#[test]
fn unknown_language_code_in_the_file_name() {
    let rel = "content/press/2026-11-02-x.sw.md";
    let text = "---\ntitle: Test\ndate: 2026-11-02\nsummary: S\n---\nBody.\n";
    let (run, site) = build_with_file(rel, text);
    failed(&run, &site);
    let d = single_error(&run, rel);
    assert!(d.message.contains("`sw`"), "{}", run.stderr);
    assert_eq!(d.line, Some(1));
    assert!(hint(&d).contains("did you mean `sv`?"), "{}", run.stderr);
}

#[test]
fn unknown_topic_suggests_the_nearest() {
    let text = "---\ntitle: Test\ndate: 2026-11-02\nsummary: S\ntopics: [ekskolan, skolmatt]\n---\nBody.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert!(d.message.contains("`skolmatt`"), "{}", run.stderr);
    assert_eq!((d.line, d.column), (Some(5), Some(20)), "{}", run.stderr);
    assert!(
        hint(&d).contains("did you mean `skolmat`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn duplicate_slugs() {
    // The fixture has content/press/2026-11-01-ny-matsal.sv.md.
    let rel = "content/press/2026-10-15-ny-matsal.sv.md";
    let text = "---\ntitle: Test\ndate: 2026-10-15\nsummary: S\n---\nBody.\n";
    let (run, site) = build_with_file(rel, text);
    failed(&run, &site);
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    let d = &errors[0];
    assert!(d.message.contains("`ny-matsal`"), "{}", run.stderr);
    // One file is named as the place, the other in the message.
    let (a, b) = (rel, "content/press/2026-11-01-ny-matsal.sv.md");
    let file = d.file.as_deref().unwrap();
    assert!(file == a || file == b, "{}", run.stderr);
    let other = if file == a { b } else { a };
    assert!(d.message.contains(other), "{}", run.stderr);
    assert_eq!(d.line, Some(1));
    assert!(hint(d).contains("rename"), "{}", run.stderr);
}

#[test]
fn broken_internal_link() {
    let text = "---\ntitle: Test\ndate: 2026-11-02\nsummary: S\n---\nFirst paragraph.\n\nSee [x](@/notices/does-not-exist) here.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert!(
        d.message.contains("@/notices/does-not-exist"),
        "{}",
        run.stderr
    );
    assert_eq!((d.line, d.column), (Some(8), Some(5)), "{}", run.stderr);
    hint(&d);
    // Shown like rustc: the line, and a caret under the link.
    assert!(
        run.stderr
            .contains("8 | See [x](@/notices/does-not-exist) here.\n  |     ^\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn broken_link_to_a_near_slug_suggests_it() {
    let text =
        "---\ntitle: Test\ndate: 2026-11-02\nsummary: S\n---\nSee [x](@/press/ny-matsall).\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert_eq!((d.line, d.column), (Some(6), Some(5)), "{}", run.stderr);
    assert!(
        d.message.contains("@/press/ny-matsal`") || hint(&d).contains("@/press/ny-matsal`"),
        "{}",
        run.stderr
    );
}

#[test]
fn kind_specific_key_in_the_wrong_kind() {
    let text = "---\ntitle: Test\ndate: 2026-11-02\nsummary: S\nurgency: crisis\n---\nBody.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert!(d.message.contains("`urgency`"), "{}", run.stderr);
    assert_eq!((d.line, d.column), (Some(5), Some(1)), "{}", run.stderr);
    assert!(hint(&d).contains("notices"), "{}", run.stderr);
}

#[test]
fn crisis_notice_without_expires() {
    let rel = "content/notices/2026-11-21-test.sv.md";
    let text = "---\ntitle: Test\ndate: 2026-11-21\nsummary: S\ntopics: [ekskolan]\nurgency: crisis\n---\nBody.\n";
    let (run, site) = build_with_file(rel, text);
    failed(&run, &site);
    let d = single_error(&run, rel);
    assert!(d.message.contains("expires"), "{}", run.stderr);
    assert_eq!(d.line, Some(6), "{}", run.stderr);
    assert!(hint(&d).contains("expires: "), "{}", run.stderr);
}

#[test]
fn unknown_key_in_site_yaml() {
    let site = TestSite::fixture("minimal");
    site.edit("site.yaml", "paginate: 10", "paginate: 10\npaginat: 3");
    let line = line_of(&site.read("site.yaml"), "paginat: 3");
    let run = site.build(&[]);
    failed(&run, &site);
    let d = single_error(&run, "site.yaml");
    assert!(d.message.contains("`paginat`"), "{}", run.stderr);
    assert_eq!((d.line, d.column), (Some(line), Some(1)), "{}", run.stderr);
    assert!(
        hint(&d).contains("did you mean `paginate`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn non_utf8_file() {
    let mut bytes = b"---\ntitle: Test\ndate: 2026-11-02\nsummary: S\n---\nFirst.\n\nBad ".to_vec();
    bytes.extend([0xe5, 0xe4]); // "åä" in Latin-1
    bytes.extend(b" here.\n");
    let (run, site) = build_with_file(PRESS, bytes);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert!(d.message.contains("UTF-8"), "{}", run.stderr);
    assert_eq!((d.line, d.column), (Some(8), Some(5)), "{}", run.stderr);
    assert!(hint(&d).contains("UTF-8"), "{}", run.stderr);
}

#[test]
fn file_without_front_matter() {
    let text = "title: Test\ndate: 2026-11-02\n\nBody.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert!(d.message.contains("front matter"), "{}", run.stderr);
    assert_eq!(d.line, Some(1), "{}", run.stderr);
    assert!(hint(&d).contains("---"), "{}", run.stderr);
}

#[test]
fn unclosed_front_matter() {
    let text = "---\ntitle: Test\ndate: 2026-11-02\nsummary: S\n\nBody.\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let d = single_error(&run, PRESS);
    assert!(d.message.contains("not closed"), "{}", run.stderr);
    hint(&d);
}

#[test]
fn three_mistakes_in_three_files_are_all_reported() {
    let site = TestSite::fixture("minimal");
    let bad_key = "content/press/2026-11-02-a.sv.md";
    let bad_date = "content/notices/2026-11-03-b.sv.md";
    let bad_link = "content/press/2026-11-04-c.en.md";
    site.write(
        bad_key,
        "---\ntitel: A\ndate: 2026-11-02\nsummary: S\n---\nBody.\n",
    );
    site.write(
        bad_date,
        "---\ntitle: B\ndate: 2026-02-30\nsummary: S\n---\nBody.\n",
    );
    site.write(
        bad_link,
        "---\ntitle: C\ndate: 2026-11-04\nsummary: S\n---\nSee [x](@/notices/nope).\n",
    );
    let run = site.build(&[]);
    failed(&run, &site);
    let errors = run.errors();
    let places: Vec<(String, Option<usize>)> = errors
        .iter()
        .map(|d| (d.file.clone().unwrap(), d.line))
        .collect();
    let mut expected = vec![
        (bad_key.to_owned(), Some(2)),
        (bad_date.to_owned(), Some(3)),
        (bad_link.to_owned(), Some(6)),
    ];
    expected.sort();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(sorted, expected, "{}", run.stderr);
    assert!(errors.iter().all(|d| d.hint.is_some()), "{}", run.stderr);
    assert!(
        run.stderr.contains("the build failed with 3 errors;"),
        "{}",
        run.stderr
    );
}

/// Issue 16: a `javascript:` link is refused as an unsafe scheme (not "a missing file"), and a
/// raw `<img>` with a relative path is checked as a Markdown image is.
#[test]
fn unsafe_link_schemes_and_missing_files_in_raw_html() {
    let text = "---\ntitle: Test\ndate: 2026-11-02\nsummary: S\n---\n[Klicka](javascript:alert(1))\n\n<img src=\"photo.png\" alt=\"Foto\">\n";
    let (run, site) = build_with_file(PRESS, text);
    failed(&run, &site);
    let errors = run.errors();
    let got: Vec<(Option<usize>, &str)> = errors
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(6),
                "unsafe link scheme `javascript:` in `javascript:alert(1)`"
            ),
            (Some(8), "link to a missing file `photo.png`"),
        ],
        "{}",
        run.stderr
    );
}
