//! The default theme on the example site built by the real binary: landmarks, one `h1` and no
//! skipped heading levels, the skip link and the crisis banner first, no scripts and nothing
//! from other hosts, the Content-Security-Policy, the accessibility statement in every language
//! and in every footer, the weight of a notice page, and numbers kept in order in right-to-left
//! text. (The same pages are checked in a real browser by `.ci/browser-checks.sh`.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use scraper::{ElementRef, Html, Selector};
use tempfile::TempDir;

const NOW: &str = "2026-11-22T12:00:00+01:00";
const LANGS: [&str; 11] = [
    "sv", "en", "da", "nb", "fi", "de", "pl", "uk", "so", "ar", "fa",
];
const BASE_URL: &str = "https://www.ekvik.example";
/// A notice page and the stylesheet, before compression. (Raised from 30 000 when the crisis
/// notice got its map: the `<picture>` with both formats' `srcset` is about 1 kB of markup. With
/// the image itself, the page must stay under 100 kB transferred: see `example_site`.)
const WEIGHT_BUDGET: u64 = 32_000;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn anslag(site: &Path, out: &Path) -> Run {
    let o = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("build")
        .arg("--site")
        .arg(site)
        .arg("--output")
        .arg(out)
        .arg("--now")
        .arg(NOW)
        .output()
        .expect("run anslag");
    Run {
        ok: o.status.success(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// The example site, built once for all tests of this file.
fn site() -> &'static Path {
    static SITE: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    &SITE
        .get_or_init(|| {
            let tmp = crate::common::temp_dir();
            let out = tmp.path().join("public");
            let run = anslag(&repo(), &out);
            assert!(run.ok, "build failed:\n{}\n{}", run.stdout, run.stderr);
            (tmp, out)
        })
        .1
}

/// Every HTML file of the built site, by its path relative to the output folder.
fn pages() -> &'static BTreeMap<String, String> {
    static PAGES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let root = site();
        let mut pages = BTreeMap::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "html") {
                    let rel = p
                        .strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    let html = std::fs::read_to_string(&p).unwrap();
                    // Redirect pages at old addresses are no pages of the theme.
                    if !crate::common::is_redirect_page(&html) {
                        pages.insert(rel, html);
                    }
                }
            }
        }
        assert!(pages.len() > 200, "only {} pages", pages.len());
        pages
    })
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn select<'a>(doc: &'a Html, s: &str) -> Vec<ElementRef<'a>> {
    doc.select(&sel(s)).collect()
}

fn attr<'a>(e: ElementRef<'a>, name: &str) -> &'a str {
    e.value().attr(name).unwrap_or("")
}

fn text(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn first_child_element(e: ElementRef<'_>) -> Option<ElementRef<'_>> {
    e.children().find_map(ElementRef::wrap)
}

fn next_element(e: ElementRef<'_>) -> Option<ElementRef<'_>> {
    e.next_siblings().find_map(ElementRef::wrap)
}

#[test]
fn every_page_has_landmarks_one_h1_and_no_skipped_heading_levels() {
    for (rel, html) in pages() {
        let doc = Html::parse_document(html);
        assert_eq!(select(&doc, "h1").len(), 1, "{rel}: one h1");
        assert_eq!(select(&doc, "main").len(), 1, "{rel}: one main");
        assert_eq!(select(&doc, "main#main").len(), 1, "{rel}: main#main");
        assert_eq!(select(&doc, "body > header").len(), 1, "{rel}: header");
        assert_eq!(select(&doc, "body > footer").len(), 1, "{rel}: footer");
        let navs = select(&doc, "header nav");
        assert!(!navs.is_empty(), "{rel}: no nav in the header");
        for n in select(&doc, "nav") {
            assert!(
                !attr(n, "aria-label").is_empty() || !attr(n, "aria-labelledby").is_empty(),
                "{rel}: a nav without a name"
            );
        }
        // Headings go down one level at a time. The crisis banner's h2 comes before the h1: a
        // region beside the page's content, as on GOV.UK, so the count starts at level 1.
        let mut previous = 1;
        let mut seen_h1 = false;
        for h in select(&doc, "h1, h2, h3, h4, h5, h6") {
            let level: usize = h.value().name()[1..].parse().unwrap();
            assert!(
                level <= previous + 1,
                "{rel}: h{previous} is followed by h{level} \"{}\"",
                text(h)
            );
            assert!(!text(h).is_empty(), "{rel}: an empty h{level}");
            seen_h1 |= level == 1;
            if seen_h1 || level == 1 {
                previous = level;
            }
        }
    }
}

#[test]
fn the_skip_link_comes_first_and_the_crisis_banner_right_after_it() {
    for (rel, html) in pages() {
        let doc = Html::parse_document(html);
        let body = select(&doc, "body")[0];
        let skip = first_child_element(body).expect("an element in body");
        assert_eq!(
            skip.value().name(),
            "a",
            "{rel}: the skip link is not first"
        );
        assert_eq!(attr(skip, "href"), "#main", "{rel}");
        assert!(attr(skip, "class").contains("skip-link"), "{rel}");
        assert!(!text(skip).is_empty(), "{rel}: empty skip link");

        // The example's crisis notice runs on NOW: every page has its banner, right after the
        // skip link, named by its heading, with a link; but the notice's own page, where the
        // banner gives way to the notice.
        let banner = next_element(skip).expect("something after the skip link");
        if rel.contains("/notices/schools-closed-water/") {
            assert_eq!(banner.value().name(), "header", "{rel}");
            continue;
        }
        assert!(
            attr(banner, "class").contains("crisis-banner"),
            "{rel}: the crisis banner does not follow the skip link"
        );
        assert_eq!(banner.value().name(), "section", "{rel}");
        assert_eq!(attr(banner, "role"), "region", "{rel}: not a region");
        assert!(
            attr(banner, "aria-live").is_empty() && attr(banner, "role") != "alert",
            "{rel}: the banner is a region, not an alert"
        );
        let id = attr(banner, "aria-labelledby");
        let heading = banner
            .select(&sel("h2"))
            .find(|h| attr(*h, "id") == id)
            .unwrap_or_else(|| panic!("{rel}: the banner is not labelled by its heading"));
        assert!(!text(heading).is_empty(), "{rel}");
        assert!(
            banner.select(&sel("a[href]")).next().is_some(),
            "{rel}: the banner has no link"
        );
    }
}

/// Whether a URL stays on the site: a path, an anchor, or the site's own absolute address.
fn same_site(url: &str) -> bool {
    (url.starts_with('/') && !url.starts_with("//"))
        || url.starts_with('#')
        || url == BASE_URL
        || url.starts_with(&format!("{BASE_URL}/"))
}

#[test]
fn pages_load_nothing_from_other_hosts_and_run_no_script() {
    for (rel, html) in pages() {
        // The search pages alone have a script, the site's own (tests/it/search.rs).
        if rel.contains("/search/") {
            continue;
        }
        assert!(!html.contains("<script"), "{rel}: a script");
        let doc = Html::parse_document(html);
        for (s, a) in [
            ("link[href]", "href"),
            ("img[src]", "src"),
            ("img[srcset]", "srcset"),
            ("script[src]", "src"),
            ("iframe[src]", "src"),
            ("source[src]", "src"),
            ("video[src]", "src"),
            ("audio[src]", "src"),
            ("object[data]", "data"),
        ] {
            for e in select(&doc, s) {
                let url = attr(e, a);
                assert!(same_site(url), "{rel}: <{s}> loads {url}");
            }
        }
        assert!(
            select(&doc, "[style]").is_empty() && select(&doc, "style").is_empty(),
            "{rel}: inline styles (the Content-Security-Policy forbids them)"
        );
        let csp: Vec<_> = select(&doc, "meta[http-equiv='Content-Security-Policy']");
        assert_eq!(csp.len(), 1, "{rel}: no Content-Security-Policy");
        let mut policy = attr(csp[0], "content").to_owned();
        // The subscribe page's form posts to the subscription service: its one other origin,
        // as a form target only.
        if rel.ends_with("/subscribe/index.html") {
            let allowed = "form-action 'self' https://prenumeration.ekvik.example;";
            assert!(policy.contains(allowed), "{rel}: {policy}");
            policy = policy.replace(allowed, "form-action 'self';");
        }
        assert!(policy.contains("default-src 'none'"), "{rel}: {policy}");
        assert!(
            !policy.contains("http") && !policy.contains('*') && !policy.contains("unsafe"),
            "{rel}: the policy lets in other hosts: {policy}"
        );
        for directive in ["style-src 'self'", "img-src 'self'", "base-uri 'none'"] {
            assert!(policy.contains(directive), "{rel}: {policy}");
        }
    }
    // The one stylesheet asks for nothing either.
    let css = stylesheet();
    let text = std::fs::read_to_string(&css).unwrap();
    assert!(
        !text.contains("@import") && !text.contains("url("),
        "{}",
        css.display()
    );
}

fn stylesheet() -> PathBuf {
    let dir = site().join("static");
    let sheets: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    assert_eq!(sheets.len(), 1, "one stylesheet: {sheets:?}");
    let name = sheets[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    // Its name carries a hash of its content, so it can be cached for ever.
    assert!(
        name.starts_with("style.") && name.len() > "style..css".len() + 7,
        "{name}"
    );
    sheets[0].clone()
}

#[test]
fn every_page_uses_the_one_stylesheet() {
    let css = format!(
        "/static/{}",
        stylesheet().file_name().unwrap().to_string_lossy()
    );
    for (rel, html) in pages() {
        let doc = Html::parse_document(html);
        let sheets: Vec<&str> = select(&doc, "link[rel='stylesheet']")
            .into_iter()
            .map(|l| attr(l, "href"))
            .collect();
        assert_eq!(sheets, [css.as_str()], "{rel}");
    }
}

#[test]
fn a_notice_page_and_the_stylesheet_weigh_less_than_32_kb() {
    let css = std::fs::metadata(stylesheet()).unwrap().len();
    let (largest, size) = pages()
        .iter()
        .filter(|(rel, _)| {
            let parts: Vec<&str> = rel.split('/').collect();
            parts.len() == 4 && parts[1] == "notices" && parts[3] == "index.html"
        })
        .map(|(rel, html)| (rel.clone(), html.len() as u64))
        .max_by_key(|(_, n)| *n)
        .expect("notice pages");
    let total = size + css;
    println!("largest notice page {largest}: {size} B + stylesheet {css} B = {total} B");
    assert!(
        total < WEIGHT_BUDGET,
        "{largest} ({size} B) and the stylesheet ({css} B) weigh {total} B, over {WEIGHT_BUDGET} B"
    );
}

#[test]
fn the_accessibility_statement_exists_in_every_language_and_every_footer_links_to_it() {
    let pages = pages();
    for lang in LANGS {
        let rel = format!("{lang}/accessibility/index.html");
        let html = pages.get(&rel).unwrap_or_else(|| panic!("no {rel}"));
        let doc = Html::parse_document(html);
        assert_eq!(attr(select(&doc, "html")[0], "lang"), lang);
        // The parts the EU model statement asks for.
        for id in [
            "status",
            "limitations",
            "feedback",
            "enforcement",
            "preparation",
        ] {
            assert_eq!(
                select(&doc, &format!("main h2#{id}")).len(),
                1,
                "{rel}: no #{id}"
            );
        }
        assert_eq!(select(&doc, "main .conformance-partial").len(), 1, "{rel}");
        assert_eq!(select(&doc, "main ul.limitations > li").len(), 2, "{rel}");
        assert!(
            select(&doc, "main a[href='https://www.digg.se/tdosanmalan']").len() == 1,
            "{rel}: no link to the enforcement body"
        );
        assert!(
            select(&doc, "main a[href='mailto:tillganglighet@ekvik.example']").len() == 1,
            "{rel}: no e-mail address for reports"
        );
        let dates: Vec<&str> = select(&doc, "main time")
            .into_iter()
            .map(|t| attr(t, "datetime"))
            .collect();
        assert_eq!(dates, ["2026-09-01", "2026-11-02"], "{rel}");
        // Every text is in the page's language (site.yaml has all 11).
        assert!(select(&doc, "main [lang]").is_empty(), "{rel}");
    }
    for (rel, html) in pages {
        let doc = Html::parse_document(html);
        let lang = attr(select(&doc, "html")[0], "lang");
        let href = format!("/{lang}/accessibility/");
        let links = select(&doc, &format!("footer a[href='{href}']"));
        assert_eq!(links.len(), 1, "{rel}: the footer does not link to {href}");
        let title = Html::parse_document(&pages[&format!("{lang}/accessibility/index.html")]);
        assert_eq!(text(links[0]), text(select(&title, "h1")[0]), "{rel}");
    }
}

/// The text nodes of `doc` that contain `needle`, and whether each is inside a `<bdi>`.
fn occurrences(doc: &Html, needle: &str) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    for node in doc.tree.nodes() {
        if let Some(t) = node.value().as_text()
            && t.contains(needle)
        {
            let isolated = node
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "bdi"));
            found.push((t.to_string(), isolated));
        }
    }
    found
}

#[test]
fn phone_numbers_and_addresses_in_right_to_left_notices_are_isolated() {
    for lang in ["ar", "fa"] {
        let rel = format!("{lang}/notices/schools-closed-water/index.html");
        let doc = Html::parse_document(&pages()[&rel]);
        for needle in [
            "+46 31 390 06 55",
            "+46 31 390 06 50",
            "nodomsorg@ekvik.example",
        ] {
            let found = occurrences(&doc, needle);
            assert!(!found.is_empty(), "{rel}: no {needle}");
            for (t, isolated) in found {
                assert!(isolated, "{rel}: {needle} is not in a <bdi>: {t:?}");
            }
        }
        // The instruction, shown in the notice's box, too.
        let instruction = select(&doc, ".instruction bdi");
        assert!(
            instruction.iter().any(|b| text(*b) == "+46 31 390 06 55"),
            "{rel}: the instruction's phone number is not isolated"
        );
    }
    // Left-to-right pages do not need it in their text.
    let doc = Html::parse_document(&pages()["sv/notices/schools-closed-water/index.html"]);
    assert!(select(&doc, "main bdi[dir='ltr']").is_empty());
}

#[test]
fn right_to_left_pages_are_marked_and_the_theme_uses_logical_properties() {
    for lang in ["ar", "fa"] {
        let doc = Html::parse_document(&pages()[&format!("{lang}/index.html")]);
        let html = select(&doc, "html")[0];
        assert_eq!(attr(html, "dir"), "rtl");
    }
    // A physical left or right in the stylesheet would not mirror in right-to-left pages.
    let css = std::fs::read_to_string(stylesheet()).unwrap();
    for physical in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
        " left:",
        " right:",
    ] {
        assert!(!css.contains(physical), "the stylesheet uses `{physical}`");
    }
    for media in [
        "prefers-color-scheme: dark",
        "prefers-reduced-motion: reduce",
        "@media print",
        ":focus-visible",
    ] {
        assert!(css.contains(media), "the stylesheet lacks `{media}`");
    }
}

/// A copy of the minimal fixture site with `extra` appended to its site.yaml.
fn fixture_with(extra: &str) -> TempDir {
    let tmp = crate::common::temp_dir();
    let from = repo().join("tests/fixtures/minimal");
    let mut stack = vec![from.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            let to = tmp.path().join(p.strip_prefix(&from).unwrap());
            if p.is_dir() {
                std::fs::create_dir_all(&to).unwrap();
                stack.push(p);
            } else {
                std::fs::copy(&p, &to).unwrap();
            }
        }
    }
    let yaml = tmp.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}\n{extra}")).unwrap();
    tmp
}

#[test]
fn a_site_without_a_statement_builds_warns_and_says_it_is_missing() {
    let tmp = fixture_with("");
    let out = tmp.path().join("public");
    let run = anslag(tmp.path(), &out);
    assert!(run.ok, "{}\n{}", run.stdout, run.stderr);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        all.contains("warning: no accessibility statement"),
        "no warning:\n{all}"
    );
    let html = std::fs::read_to_string(out.join("en/accessibility/index.html")).unwrap();
    let doc = Html::parse_document(&html);
    let main = text(select(&doc, "main")[0]);
    assert!(
        main.contains("does not have an accessibility statement yet"),
        "{main}"
    );
    // Readers can still reach the organisation.
    assert_eq!(
        select(&doc, "main a[href='mailto:kommun@test.example']").len(),
        1,
        "{main}"
    );
}

#[test]
fn an_incomplete_statement_is_an_error_naming_each_missing_field() {
    let tmp = fixture_with("accessibility:\n  limitations: []\n  reviewed: 2026-13-01\n");
    let run = anslag(tmp.path(), &tmp.path().join("public"));
    assert!(!run.ok, "the build should fail:\n{}", run.stdout);
    let e = &run.stderr;
    for wanted in [
        "the accessibility statement has no `status`",
        "the accessibility statement has no `prepared` date",
        "`2026-13-01` is not a date",
        "names no enforcement body",
        "--> site.yaml:",
        "= hint: add `status: full`, `partial` or `none`",
    ] {
        assert!(e.contains(wanted), "lacks {wanted:?}:\n{e}");
    }
    // Missing fields are reported at the section's first line, a bad value at its own.
    let n = std::fs::read_to_string(tmp.path().join("site.yaml"))
        .unwrap()
        .lines()
        .count();
    assert!(
        e.contains(&format!("site.yaml:{}:1\n", n - 2))
            && e.contains(&format!("site.yaml:{n}:13\n")),
        "the lines {} and {n} are not named:\n{e}",
        n - 2
    );

    let tmp = fixture_with(
        "accessibility:\n  status: partial\n  prepared: 2026-09-01\n  enforcement: { name: Digg, url: www.digg.se }\n",
    );
    let run = anslag(tmp.path(), &tmp.path().join("public"));
    assert!(!run.ok);
    assert!(
        run.stderr.contains("no limitations are listed")
            && run.stderr.contains("`www.digg.se` is not an absolute URL"),
        "{}",
        run.stderr
    );

    // Complete, with defaults: the standard and the organisation's contact details.
    let tmp = fixture_with(
        "accessibility:\n  status: full\n  prepared: 2026-09-01\n  enforcement: { name: Digg, url: https://www.digg.se/tdosanmalan }\n",
    );
    let out = tmp.path().join("public");
    let run = anslag(tmp.path(), &out);
    assert!(run.ok, "{}", run.stderr);
    assert!(!run.stderr.contains("accessibility"), "{}", run.stderr);
    let html = std::fs::read_to_string(out.join("en/accessibility/index.html")).unwrap();
    let doc = Html::parse_document(&html);
    let status = text(select(&doc, ".conformance-full")[0]);
    assert_eq!(
        status,
        "This website fully complies with EN 301 549 V3.2.1 (WCAG 2.1 AA)."
    );
    assert_eq!(
        select(&doc, "main a[href='mailto:kommun@test.example']").len(),
        1
    );
    assert_eq!(select(&doc, "main ul.limitations").len(), 0);
}

/// Issue 16, item 1: the crisis notice's own page, phone first. No banner; the title, the
/// instruction with `tel:` and `mailto:` links, then the language switcher (out of the header),
/// then the body.
#[test]
fn the_crisis_notice_page_puts_the_instruction_first() {
    let mut seen = 0;
    for (rel, html) in pages() {
        if !rel.contains("/notices/schools-closed-water/") {
            continue;
        }
        seen += 1;
        let doc = Html::parse_document(html);
        assert!(select(&doc, ".crisis-banner").is_empty(), "{rel}: a banner");
        assert!(
            select(&doc, "header .language-switcher").is_empty(),
            "{rel}: the switcher is still in the header"
        );
        let order: Vec<String> = select(&doc, "article > *")
            .into_iter()
            .map(|e| {
                let class = attr(e, "class");
                match class.split(' ').next() {
                    Some(c) if !c.is_empty() => c.to_owned(),
                    _ => e.value().name().to_owned(),
                }
            })
            .collect();
        let at = |name: &str| {
            order
                .iter()
                .position(|c| c == name)
                .unwrap_or_else(|| panic!("{rel}: no {name} in {order:?}"))
        };
        assert!(
            at("h1") < at("instruction")
                && at("instruction") + 1 == at("language-switcher")
                && at("language-switcher") < at("meta")
                && at("meta") < at("body"),
            "{rel}: {order:?}"
        );
        let links: Vec<&str> = select(&doc, ".instruction a")
            .into_iter()
            .map(|a| attr(a, "href"))
            .collect();
        assert!(
            links.contains(&"mailto:nodomsorg@ekvik.example"),
            "{rel}: {links:?}"
        );
        assert!(
            links.iter().any(|h| h.starts_with("tel:+46313900")),
            "{rel}: {links:?}"
        );
        let languages = select(&doc, "article .language-switcher a[lang][dir][hreflang]");
        assert_eq!(languages.len(), 8, "{rel}");
    }
    assert_eq!(seen, 8);
}

/// Issue 16, item 2: on `/` and on pages in a language the notice lacks (Danish), the banner
/// offers every language the notice exists in, each named in itself with `lang` and `dir`.
#[test]
fn banners_offer_every_language_where_the_reader_may_not_read_the_default() {
    for rel in [
        "index.html",
        "404.html",
        "da/index.html",
        "da/press/index.html",
    ] {
        let doc = Html::parse_document(&pages()[rel]);
        let links: Vec<(String, &str, &str)> = select(&doc, ".crisis-banner li a")
            .into_iter()
            .map(|a| (text(a), attr(a, "lang"), attr(a, "dir")))
            .collect();
        assert_eq!(links.len(), 8, "{rel}: {links:?}");
        assert!(
            links.contains(&("العربية".into(), "ar", "rtl")),
            "{rel}: {links:?}"
        );
        assert!(
            links.contains(&("Svenska".into(), "sv", "ltr")),
            "{rel}: {links:?}"
        );
    }
    // A reader of a language the notice is in gets the one link, to it in that language.
    let doc = Html::parse_document(&pages()["ar/index.html"]);
    let links: Vec<&str> = select(&doc, ".crisis-banner a")
        .into_iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(links, ["/ar/notices/schools-closed-water/"]);
}
