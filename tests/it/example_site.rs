//! The repository's example site (the fictional municipality of Ekvik) built by the real binary:
//! languages and directions, the crisis banner, embargoes, translations and their links, minutes
//! with attachments, the official notice board, dates per locale, pagination and reproducibility.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::*;
use tempfile::TempDir;

const LANGS: [&str; 11] = [
    "sv", "en", "da", "nb", "fi", "de", "pl", "uk", "so", "ar", "fa",
];
const RTL: [&str; 2] = ["ar", "fa"];
/// The languages the crisis notice `schools-closed-water` is written in.
const CRISIS_LANGS: [&str; 8] = ["sv", "en", "fi", "pl", "uk", "so", "ar", "fa"];
const BASE_URL: &str = "https://www.ekvik.example";

/// One build of the example site, kept for the whole test binary.
struct Built {
    _tmp: TempDir,
    out: PathBuf,
}

fn build_example(extra: &[&str]) -> Built {
    let tmp = temp_dir();
    let out = tmp.path().join("public");
    build(&example_site(), &out, extra).assert_ok();
    Built { _tmp: tmp, out }
}

/// The example site built for `NOW`.
fn site() -> &'static Path {
    static SITE: OnceLock<Built> = OnceLock::new();
    &SITE.get_or_init(|| build_example(&[])).out
}

/// The example site built for `NOW` with `--drafts`.
fn site_with_drafts() -> &'static Path {
    static SITE: OnceLock<Built> = OnceLock::new();
    &SITE.get_or_init(|| build_example(&["--drafts"])).out
}

fn file_names(out: &Path) -> Vec<String> {
    snapshot(out)
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect()
}

#[test]
fn builds_a_home_page_per_language_with_lang_and_dir() {
    let out = site();
    for lang in LANGS {
        let doc = page(out, &format!("{lang}/index.html"));
        let html = select(&doc, "html");
        assert_eq!(html.len(), 1);
        assert_eq!(attr(html[0], "lang"), lang, "{lang}/index.html");
        let dir = if RTL.contains(&lang) { "rtl" } else { "ltr" };
        assert_eq!(attr(html[0], "dir"), dir, "{lang}/index.html");
    }
    // The language choice at the root and the 404 page are in the default language.
    for root_page in ["index.html", "404.html"] {
        let doc = page(out, root_page);
        assert_eq!(attr(select(&doc, "html")[0], "lang"), "sv", "{root_page}");
    }
    // The root page offers every language.
    let root = page(out, "index.html");
    let links: BTreeSet<String> = hrefs(&root, "main a").into_iter().collect();
    for lang in LANGS {
        assert!(
            links.contains(&format!("/{lang}/")),
            "/ lacks a link to /{lang}/: {links:?}"
        );
    }
}

#[test]
fn every_page_of_every_language_shows_the_crisis_banner() {
    let out = site();
    let pages = html_files(out);
    assert!(pages.len() > 200, "only {} pages", pages.len());
    let everywhere: BTreeSet<String> = CRISIS_LANGS
        .iter()
        .map(|l| format!("/{l}/notices/schools-closed-water/"))
        .collect();
    for l in CRISIS_LANGS {
        assert!(
            out.join(format!("{l}/notices/schools-closed-water/index.html"))
                .is_file()
        );
    }
    let mut seen_langs = BTreeSet::new();
    for rel in pages {
        let doc = page(out, &rel.to_string_lossy());
        let lang = attr(select(&doc, "html")[0], "lang");
        seen_langs.insert(lang.clone());
        let banners = select(&doc, "section.crisis-banner");
        // On the notice's own page the banner gives way to the notice (issue 16).
        if rel.starts_with(format!("{lang}/notices/schools-closed-water/")) {
            assert!(banners.is_empty(), "{}: a banner", rel.display());
            continue;
        }
        // `/` and the 404 page are in no particular language: every language is offered.
        let any_language = rel == Path::new("index.html") || rel == Path::new("404.html");
        assert_eq!(
            banners.len(),
            1,
            "{}: {} crisis banners",
            rel.display(),
            banners.len()
        );
        let banner = banners[0];
        assert_eq!(attr(banner, "role"), "region", "{}", rel.display());
        // The banner names itself by its heading.
        let labelled_by = attr(banner, "aria-labelledby");
        assert!(
            !labelled_by.is_empty()
                && select_in(banner, &format!("h2[id='{labelled_by}']")).len() == 1,
            "{}: the banner is not labelled by its heading",
            rel.display()
        );
        let links: BTreeSet<String> = select_in(banner, "a")
            .into_iter()
            .map(|a| attr(a, "href"))
            .collect();
        if CRISIS_LANGS.contains(&lang.as_str()) && !any_language {
            let direct = select_in(banner, "a.crisis-link");
            assert_eq!(direct.len(), 1, "{}: no link to the notice", rel.display());
            assert_eq!(
                attr(direct[0], "href"),
                format!("/{lang}/notices/schools-closed-water/"),
                "{}",
                rel.display()
            );
        } else {
            // Not in the reader's language: the banner lists the languages it exists in.
            assert!(
                select_in(banner, "a.crisis-link").is_empty(),
                "{}",
                rel.display()
            );
            assert_eq!(links, everywhere, "{}", rel.display());
            for a in select_in(banner, "a") {
                let code = attr(a, "hreflang");
                assert!(CRISIS_LANGS.contains(&code.as_str()), "{}", rel.display());
                assert_eq!(attr(a, "lang"), code);
            }
        }
    }
    let expected: BTreeSet<String> = LANGS.iter().map(|l| l.to_string()).collect();
    assert_eq!(seen_langs, expected);
}

#[test]
fn the_embargoed_press_release_is_built_only_with_drafts() {
    let out = site();
    for name in file_names(out) {
        assert!(
            !name.contains("elevenkat"),
            "embargoed file written: {name}"
        );
    }
    // Nor is it listed or linked anywhere.
    for (rel, bytes) in snapshot(out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("elevenkat") && !text.contains("Elevenkäten"),
            "{} mentions the embargoed press release",
            rel.display()
        );
    }

    let drafts = site_with_drafts();
    let doc = page(drafts, "sv/press/elevenkat-2026/index.html");
    let status: Vec<String> = select(&doc, ".status").into_iter().map(text).collect();
    assert!(
        status.iter().any(|s| s.contains("15 januari 2027")),
        "the draft build does not mark the embargo: {status:?}"
    );
    let list = page(drafts, "sv/press/index.html");
    assert!(hrefs(&list, "a").contains(&"/sv/press/elevenkat-2026/".to_owned()));
}

#[test]
fn language_switcher_links_only_existing_translations() {
    let out = site();
    // In Swedish and English only.
    let doc = page(out, "en/notices/school-photography/index.html");
    let switcher = hrefs(&doc, "nav.language-switcher a");
    assert_eq!(
        switcher,
        [
            "/sv/notices/school-photography/",
            "/en/notices/school-photography/"
        ]
    );
    let current = select(&doc, "nav.language-switcher a[aria-current='page']");
    assert_eq!(current.len(), 1);
    assert_eq!(attr(current[0], "hreflang"), "en");

    // The crisis notice: eight translations, in the site's language order.
    let doc = page(out, "fa/notices/schools-closed-water/index.html");
    let switcher = hrefs(&doc, "nav.language-switcher a");
    let expected: Vec<String> = CRISIS_LANGS
        .iter()
        .map(|l| format!("/{l}/notices/schools-closed-water/"))
        .collect();
    let mut in_site_order = expected.clone();
    in_site_order.sort_by_key(|u| {
        LANGS
            .iter()
            .position(|l| u[1..].starts_with(&format!("{l}/")))
    });
    assert_eq!(switcher, in_site_order);
    for href in &switcher {
        assert!(
            out.join(&href[1..]).join("index.html").is_file(),
            "{href} is not built"
        );
    }

    // Danish only: no switcher at all, and no page in other languages.
    let doc = page(out, "da/minutes/oresundsudvalget/index.html");
    assert!(select(&doc, "nav.language-switcher").is_empty());
    for lang in LANGS.iter().filter(|l| **l != "da") {
        assert!(
            !out.join(format!("{lang}/minutes/oresundsudvalget"))
                .exists()
        );
    }
}

#[test]
fn pages_have_canonical_and_hreflang_alternates() {
    let out = site();
    for rel in html_files(out) {
        let doc = page(out, &rel.to_string_lossy());
        let canonical = hrefs(&doc, "head link[rel='canonical']");
        assert_eq!(
            canonical,
            [format!("{BASE_URL}{}", url_of(&rel))],
            "{}",
            rel.display()
        );
    }
    let doc = page(out, "en/notices/school-photography/index.html");
    let alternates: Vec<(String, String)> = select(&doc, "head link[rel='alternate'][hreflang]")
        .into_iter()
        .map(|l| (attr(l, "hreflang"), attr(l, "href")))
        .collect();
    assert_eq!(
        alternates,
        [
            (
                "sv".to_owned(),
                format!("{BASE_URL}/sv/notices/school-photography/")
            ),
            (
                "en".to_owned(),
                format!("{BASE_URL}/en/notices/school-photography/")
            ),
        ]
    );
    // A page that exists in every language has an alternate for each.
    let doc = page(out, "de/press/index.html");
    let langs: Vec<String> = select(&doc, "head link[rel='alternate'][hreflang]")
        .into_iter()
        .map(|l| attr(l, "hreflang"))
        .collect();
    assert_eq!(langs, LANGS);
}

#[test]
fn danish_minutes_list_their_attachments_with_size_and_type() {
    let out = site();
    let doc = page(out, "da/minutes/oresundsudvalget/index.html");
    let section = select(
        &doc,
        "section[aria-labelledby='attachments-heading'] ul.attachments li",
    );
    let items: Vec<(String, String, String)> = section
        .iter()
        .map(|li| {
            let a = select_in(*li, "a")[0];
            (attr(a, "href"), attr(a, "type"), text(*li))
        })
        .collect();
    assert_eq!(items.len(), 2, "{items:?}");
    let (href, mime, label) = &items[0];
    assert_eq!(
        href,
        "/files/minutes/oresundsudvalget/bilag-1-budgetoversigt.pdf"
    );
    assert_eq!(mime, "application/pdf");
    assert_eq!(label, "bilag-1-budgetoversigt.pdf (PDF, 2 kB)");
    let (href, mime, label) = &items[1];
    assert_eq!(
        href,
        "/files/minutes/oresundsudvalget/bilag-2-elevudveksling.csv"
    );
    assert_eq!(mime, "text/csv");
    assert_eq!(label, "bilag-2-elevudveksling.csv (CSV, 1 kB)");

    let sources = example_site().join("content/minutes/2026-09-16-oresundsudvalget");
    for name in ["bilag-1-budgetoversigt.pdf", "bilag-2-elevudveksling.csv"] {
        let published = out.join("files/minutes/oresundsudvalget").join(name);
        assert_eq!(
            std::fs::read(&published).unwrap_or_else(|e| panic!("{}: {e}", published.display())),
            std::fs::read(sources.join(name)).unwrap(),
            "{name} is not published as it is"
        );
    }
}

fn notice_board_links(out: &Path) -> Vec<String> {
    hrefs(&page(out, "sv/notice-board/index.html"), "main a")
}

#[test]
fn swedish_minutes_are_on_the_notice_board_until_the_appeal_period_ends() {
    let out = site();
    let doc = page(out, "sv/notice-board/index.html");
    assert_eq!(
        hrefs(&doc, "main a"),
        ["/sv/minutes/barn-och-utbildningsnamnden/"]
    );
    let facts: Vec<String> = select(&doc, "main .facts li")
        .into_iter()
        .map(text)
        .collect();
    assert!(
        facts.iter().any(|f| f.contains("13 november 2026")),
        "posted: {facts:?}"
    );
    assert!(
        facts.iter().any(|f| f.contains("4 december 2026")),
        "appeal until: {facts:?}"
    );

    // After the appeal period.
    let later = build_example(&["--now", "2026-12-10T12:00:00+01:00"]);
    assert!(notice_board_links(&later.out).is_empty());
    let text = page_text(&page(&later.out, "sv/notice-board/index.html"));
    assert!(!text.contains("4 december 2026"), "{text}");
    assert!(
        text.contains("Det finns inget på anslagstavlan just nu."),
        "{text}"
    );
}

#[test]
fn the_notice_board_shows_minutes_from_posting_to_the_last_day_of_appeal() {
    // The fixture's minutes were posted 2026-11-13; 21 days of appeal end on 2026-12-04.
    let site = TestSite::fixture("minimal");
    let board = |now: &str| {
        site.build(&["--now", now]).assert_ok();
        notice_board_links(&site.out())
    };
    let listed = ["/sv/minutes/styrelsen/"];
    assert!(
        board("2026-11-12T23:00:00+01:00").is_empty(),
        "before posting"
    );
    assert_eq!(
        board("2026-11-13T00:30:00+01:00"),
        listed,
        "the day of posting"
    );
    assert_eq!(
        board("2026-12-04T23:00:00+01:00"),
        listed,
        "the last day of appeal"
    );
    assert!(
        board("2026-12-05T00:30:00+01:00").is_empty(),
        "the day after"
    );
}

/// The text of the `<time>` elements of a page whose `datetime` starts with `prefix`.
fn times(out: &Path, rel: &str, prefix: &str) -> Vec<String> {
    let doc = page(out, rel);
    select(&doc, "time")
        .into_iter()
        .filter(|t| attr(*t, "datetime").starts_with(prefix))
        .map(text)
        .collect()
}

#[test]
fn dates_are_formatted_per_locale() {
    let out = site();
    let rel = "notices/schools-closed-water/index.html";
    let sv = times(out, &format!("sv/{rel}"), "2026-11-22");
    assert!(sv.iter().any(|t| t.contains("22 november 2026")), "{sv:?}");
    let sv = times(
        out,
        "sv/minutes/barn-och-utbildningsnamnden/index.html",
        "2026-11-10",
    );
    assert!(sv.iter().any(|t| t.contains("10 november 2026")), "{sv:?}");

    let da = times(out, "da/minutes/oresundsudvalget/index.html", "2026-09-16");
    assert!(
        da.iter().any(|t| t.contains("16. september 2026")),
        "{da:?}"
    );
    // Documents in other languages are dated in the reader's language.
    let da = times(out, "da/notices/index.html", "2026-11-22");
    assert!(da.iter().any(|t| t.contains("22. november 2026")), "{da:?}");
    let de = times(out, "de/notices/index.html", "2026-11-22");
    assert!(de.iter().any(|t| t.contains("22. November 2026")), "{de:?}");

    // Arabic: the Gregorian month name. CLDR 46 (CLDR-17553) made Latin digits the default for
    // plain `ar`, which ICU4X 2.x follows, so the year is "2026"; `ar-EG`-style locales would
    // give Arabic-Indic "٢٠٢٦". Either is correct CLDR output; English or ISO dates are not.
    let ar = times(out, &format!("ar/{rel}"), "2026-11-22");
    assert!(
        ar.iter()
            .any(|t| t.contains("نوفمبر 2026") || t.contains("نوفمبر ٢٠٢٦")),
        "{ar:?}"
    );
    assert!(
        ar.iter()
            .all(|t| !t.contains("November") && !t.contains("2026-11-22")),
        "{ar:?}"
    );

    // Persian with `fa-u-ca-gregory`: the Gregorian year in Persian digits, not 1405 (the
    // Solar Hijri year), and the Gregorian month name (نوامبر), not آذر.
    let fa = times(out, &format!("fa/{rel}"), "2026-11-22");
    assert!(
        fa.iter()
            .any(|t| t.contains("۲۰۲۶") && t.contains("نوامبر")),
        "{fa:?}"
    );
    let fa_page = page_text(&page(out, &format!("fa/{rel}")));
    for wrong in ["۱۴۰۵", "1405", "آذر"] {
        assert!(!fa_page.contains(wrong), "the fa page shows {wrong}");
    }
}

#[test]
fn a_document_missing_in_a_language_is_listed_as_not_available() {
    let out = site();
    let de = page(out, "de/press/index.html");
    let sv = page(out, "sv/press/index.html");
    let de_entries = select(&de, "ul.entries > li");
    assert_eq!(de_entries.len(), select(&sv, "ul.entries > li").len());
    assert_eq!(de_entries.len(), 4);
    for entry in &de_entries {
        let note = select_in(*entry, "p.not-available");
        assert_eq!(note.len(), 1, "{}", entry.html());
        assert!(
            text(note[0]).contains("Nicht auf Deutsch verfügbar"),
            "{}",
            text(note[0])
        );
        let links = select_in(note[0], "a");
        assert!(!links.is_empty());
        for a in links {
            let href = attr(a, "href");
            assert!(
                href.starts_with(&format!("/{}/press/", attr(a, "hreflang"))),
                "{href}"
            );
            assert!(
                out.join(&href[1..]).join("index.html").is_file(),
                "{href} is not built"
            );
        }
        // The title is marked with the language it is written in.
        let title = select_in(*entry, ".entry-title span[lang]");
        assert_eq!(title.len(), 1);
    }
    let water = de_entries
        .iter()
        .find(|e| text(**e).contains("bakteriefynd"))
        .expect("the drinking-water press release is listed in German");
    let note = select_in(*water, "p.not-available")[0];
    let links: Vec<String> = select_in(note, "a")
        .into_iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(
        links,
        [
            "/sv/press/drinking-water-schools-closed/",
            "/en/press/drinking-water-schools-closed/"
        ]
    );
    assert!(!out.join("de/press/drinking-water-schools-closed").exists());
}

#[test]
fn lists_paginate_when_there_are_more_documents_than_paginate() {
    let site = TestSite::fixture("minimal");
    site.edit("site.yaml", "paginate: 10", "paginate: 1");
    for (date, slug) in [("2026-11-05", "andra"), ("2026-11-06", "tredje")] {
        site.write(
            &format!("content/press/{date}-{slug}.sv.md"),
            format!("---\ntitle: Nyhet {slug}\ndate: {date}\nsummary: Om {slug}.\n---\nText.\n"),
        );
    }
    site.build(&[]).assert_ok();
    let out = site.out();

    // Three press releases, newest first, one per page.
    let pages = [
        "sv/press/index.html",
        "sv/press/page/2/index.html",
        "sv/press/page/3/index.html",
    ];
    let titles: Vec<Vec<String>> = pages
        .iter()
        .map(|p| {
            let doc = page(&out, p);
            select(&doc, "ul.entries .entry-title")
                .into_iter()
                .map(text)
                .collect()
        })
        .collect();
    assert_eq!(
        titles,
        [
            vec!["Nyhet tredje"],
            vec!["Nyhet andra"],
            vec!["Ekskolan får ny matsal"]
        ]
    );
    assert!(!out.join("sv/press/page/4").exists());
    assert!(
        !out.join("sv/press/page/1").exists(),
        "page 1 is the list itself"
    );

    let first = page(&out, pages[0]);
    assert!(select(&first, "a[rel='prev']").is_empty());
    assert_eq!(hrefs(&first, "a[rel='next']"), ["/sv/press/page/2/"]);
    let middle = page(&out, pages[1]);
    assert_eq!(hrefs(&middle, "a[rel='prev']"), ["/sv/press/"]);
    assert_eq!(hrefs(&middle, "a[rel='next']"), ["/sv/press/page/3/"]);
    let last = page(&out, pages[2]);
    assert!(select(&last, "a[rel='next']").is_empty());
    // Every language paginates, even where the documents are not translated.
    assert!(out.join("ar/press/page/3/index.html").is_file());
    // One document of a kind: one page, no pagination.
    let notices = page(&out, "sv/notices/index.html");
    assert!(select(&notices, "nav.pagination").is_empty());
    assert!(!out.join("sv/notices/page").exists());
}

#[test]
fn building_twice_gives_identical_output() {
    let again = build_example(&[]);
    let first = snapshot(site());
    let second = snapshot(&again.out);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>(),
        "the two builds wrote different files"
    );
    for (path, bytes) in &first {
        assert!(
            bytes == &second[path],
            "{} differs between builds",
            path.display()
        );
    }
}

// Images (issue 20).

const PRESS_PHOTO: &str = "/files/press/drinking-water-schools-closed/vattenverket";

#[test]
fn a_press_release_shows_its_photo_with_credit_licence_and_download() {
    let doc = page(site(), "sv/press/drinking-water-schools-closed/index.html");
    let figure = select(&doc, "figure.lead-image");
    assert_eq!(figure.len(), 1);
    let img = select_in(figure[0], "picture img")[0];
    assert!(attr(img, "alt").starts_with("Ekviks vattenverk"));
    // On the first screen: not lazy.
    assert_eq!(attr(img, "loading"), "");
    let caption = text(select_in(figure[0], "figcaption")[0]);
    assert!(caption.contains("Foto: Ekviks kommun"), "{caption}");
    assert!(
        caption.contains("Licens: Fri att använda med fotobyline"),
        "{caption}"
    );
    let download = select_in(figure[0], "figcaption a[download]")[0];
    assert_eq!(attr(download, "href"), format!("{PRESS_PHOTO}.jpg"));
    assert!(
        text(download).contains("JPEG, 1\u{a0}800 × 1\u{a0}200")
            || text(download).contains("JPEG, 1 800 × 1 200"),
        "{}",
        text(download)
    );
    let meta = |css: &str| attr(select(&doc, css)[0], "content");
    assert_eq!(
        meta("meta[property='og:image']"),
        format!("{BASE_URL}{PRESS_PHOTO}-1600.jpg")
    );
    assert_eq!(meta("meta[property='og:image:width']"), "1600");
    assert_eq!(meta("meta[name='twitter:card']"), "summary_large_image");
    assert!(site().join(format!("{}.jpg", &PRESS_PHOTO[1..])).is_file());
}

#[test]
fn feeds_carry_the_press_photo() {
    let out = site();
    let photo = format!("{BASE_URL}{PRESS_PHOTO}-1600.jpg");
    let size = std::fs::metadata(out.join(format!("{}-1600.jpg", &PRESS_PHOTO[1..])))
        .unwrap()
        .len();
    let rss = feed_rs::parser::parse(&std::fs::read(out.join("sv/feed.xml")).unwrap()[..]).unwrap();
    let atom =
        feed_rs::parser::parse(&std::fs::read(out.join("sv/atom.xml")).unwrap()[..]).unwrap();
    let item = |f: &feed_rs::model::Feed| {
        f.entries
            .iter()
            .find(|e| e.id.contains("drinking-water-schools-closed"))
            .cloned()
            .expect("the press release is in the feed")
    };
    let media = &item(&rss).media[0].content[0];
    assert_eq!(
        media.url.as_ref().map(|u| u.to_string()),
        Some(photo.clone())
    );
    assert_eq!(media.size, Some(size));
    assert_eq!(
        media.content_type.as_ref().map(|m| m.to_string()),
        Some("image/jpeg".into())
    );
    let link = item(&atom)
        .links
        .into_iter()
        .find(|l| l.rel.as_deref() == Some("enclosure"))
        .expect("an Atom enclosure");
    assert_eq!(link.href, photo);
    assert_eq!(link.length, Some(size));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("sv/feed.json")).unwrap()).unwrap();
    let item = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["id"]
                .as_str()
                .unwrap()
                .contains("drinking-water-schools-closed")
        })
        .unwrap();
    assert_eq!(item["image"], photo);
    // Every address of a picture in a feed's content is absolute, those of `srcset` too.
    let content = item["content_html"].as_str().unwrap();
    assert!(
        !content.contains("=\"/files") && !content.contains(", /files"),
        "{content}"
    );
}

/// At 360 CSS pixels on a screen of 2 device pixels per CSS pixel, the crisis notice with its
/// map comes to less than 100 kB: the page, its stylesheet, and the size of each picture a
/// browser picks from `srcset` and `sizes` (the narrowest at least 2 × 328 pixels wide).
#[test]
fn the_crisis_notice_with_its_map_is_light_on_a_phone() {
    let out = site();
    let rel = "sv/notices/schools-closed-water/index.html";
    let doc = page(out, rel);
    let file = |url: &str| {
        std::fs::metadata(out.join(url.trim_start_matches('/')))
            .unwrap()
            .len()
    };
    let mut total = file(rel);
    total += file(&attr(select(&doc, "link[rel=stylesheet]")[0], "href"));
    let pictures = select(&doc, "picture source[type='image/webp']");
    assert_eq!(pictures.len(), 1, "the notice has its map");
    for source in pictures {
        let candidates: Vec<(u32, String)> = attr(source, "srcset")
            .split(", ")
            .map(|c| {
                let (url, w) = c.split_once(' ').unwrap();
                (w.trim_end_matches('w').parse().unwrap(), url.to_owned())
            })
            .collect();
        let (_, url) = candidates
            .iter()
            .find(|(w, _)| *w >= 656)
            .unwrap_or(candidates.last().unwrap());
        total += file(url);
    }
    assert!(
        total < 100_000,
        "the crisis notice weighs {total} bytes at 360 px"
    );
}
