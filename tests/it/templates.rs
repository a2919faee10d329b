//! A site's own templates override the theme's, and mistakes in them are reported with the
//! template's file and line.

use crate::common::*;

const MARKER: &str = "<!-- anslag-test: the site's own base.html -->";

/// The default theme's base template, as shipped in the repository.
fn theme_base() -> String {
    std::fs::read_to_string(example_site().join("themes/default/templates/base.html")).unwrap()
}

fn with_marker(marker: &str) -> String {
    let base = theme_base();
    assert!(base.contains("<head>"));
    base.replacen("<head>", &format!("<head>\n{marker}"), 1)
}

/// The number of HTML pages of the output, and how many contain `needle`.
fn pages_containing(out: &std::path::Path, needle: &str) -> (usize, usize) {
    let pages = html_files(out);
    let with = pages
        .iter()
        .filter(|p| {
            std::fs::read_to_string(out.join(p))
                .unwrap()
                .contains(needle)
        })
        .count();
    (pages.len(), with)
}

#[test]
fn a_site_template_overrides_the_theme() {
    let site = TestSite::fixture("minimal");
    site.build(&[]).assert_ok();
    let (_, with) = pages_containing(&site.out(), MARKER);
    assert_eq!(with, 0, "the marker is there without the override");

    site.write("templates/base.html", with_marker(MARKER));
    site.build(&[]).assert_ok();
    let (total, with) = pages_containing(&site.out(), MARKER);
    assert!(total > 20);
    assert_eq!(with, total, "every page extends base.html");
    // The rest of the theme still works.
    let doc = page(&site.out(), "sv/press/ny-matsal/index.html");
    assert_eq!(text(select(&doc, "h1")[0]), "Ekskolan får ny matsal");
}

#[test]
fn a_theme_folder_overrides_the_built_in_theme_and_the_site_overrides_both() {
    let site = TestSite::fixture("minimal");
    site.edit("site.yaml", "paginate: 10", "paginate: 10\ntheme: mine");
    let theme_marker = "<!-- anslag-test: theme mine -->";
    site.write("themes/mine/templates/base.html", with_marker(theme_marker));
    site.build(&[]).assert_ok();
    let (total, with) = pages_containing(&site.out(), theme_marker);
    assert_eq!(with, total);

    site.write("templates/base.html", with_marker(MARKER));
    site.build(&[]).assert_ok();
    let (total, with) = pages_containing(&site.out(), MARKER);
    assert_eq!(with, total);
    assert_eq!(pages_containing(&site.out(), theme_marker).1, 0);
}

#[test]
fn a_template_syntax_error_names_the_site_template_and_line() {
    let site = TestSite::fixture("minimal");
    site.build(&[]).assert_ok();
    let before = snapshot(&site.out());
    let mut broken: Vec<String> = theme_base().lines().map(str::to_owned).collect();
    // Line 5: an unclosed expression.
    broken.insert(4, "<meta name=\"x\" content=\"{{ lang.code }\">".to_owned());
    site.write("templates/base.html", broken.join("\n"));
    let run = site.build(&[]);
    run.assert_failed();
    let d = single_error(&run, "templates/base.html");
    assert_eq!(d.line, Some(5), "{}", run.stderr);
    assert!(d.message.contains("template"), "{}", run.stderr);
    assert!(d.hint.is_some(), "{}", run.stderr);
    assert_eq!(
        snapshot(&site.out()),
        before,
        "the failed build changed the output"
    );
}

#[test]
fn an_unclosed_block_names_the_template_and_line() {
    let rel = "templates/topics.html";
    let text = "{% extends \"base.html\" %}\n{% block main %}\n<h1>Topics</h1>\n{% for t in topics %}\n<p>{{ t.name }}</p>\n{% endblock %}\n";
    let (run, _site) = build_with_file(rel, text);
    run.assert_failed();
    let d = single_error(&run, rel);
    assert!(
        d.line.is_some_and(|l| (4..=6).contains(&l)),
        "{}",
        run.stderr
    );
    assert!(d.hint.is_some(), "{}", run.stderr);
}

#[test]
fn an_undefined_variable_in_a_site_template_names_it() {
    let rel = "templates/topics.html";
    let text = "{% extends \"base.html\" %}\n{% block main %}\n<h1>Topics</h1>\n<p>{{ no_such_thing.name }}</p>\n{% endblock %}\n";
    let (run, _site) = build_with_file(rel, text);
    run.assert_failed();
    let d = single_error(&run, rel);
    assert!(d.message.contains("no_such_thing"), "{}", run.stderr);
    assert_eq!(d.line, Some(4), "{}", run.stderr);
}

#[test]
fn an_undefined_variable_in_a_theme_template_names_the_theme_file() {
    let site = TestSite::fixture("minimal");
    site.edit("site.yaml", "paginate: 10", "paginate: 10\ntheme: mine");
    let rel = "themes/mine/templates/topics.html";
    site.write(
        rel,
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ no_such_thing.name }}</p>\n{% endblock %}\n",
    );
    let run = site.build(&[]);
    run.assert_failed();
    let d = single_error(&run, rel);
    assert_eq!(d.line, Some(3), "{}", run.stderr);
}
