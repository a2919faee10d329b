//! The site's URL scheme, and the one place that knows it: every address a build writes (pages,
//! lists, documents and their files, feeds, the JSON API, CAP alerts, calendars, the sitemap)
//! is made here, so that changing the scheme is a change of this file and its tests.
//!
//! Addresses are made as site paths (`/sv/press/`), the form written in pages. [`absolute`]
//! puts `base_url` before one, for what is read away from the site (feeds, the API, alerts, the
//! sitemap, mail); [`output_path`] names the file in the output folder that serves it
//! (`sv/press/index.html`). Content is loaded before the site model exists and may not import
//! it: it asks for its two addresses through [`Scheme`], its [`Addresses`].

use crate::config::{Config, TopicKind};
use crate::content::{Addresses, Kind};

/// The scheme as content's [`Addresses`], handed to the load in its options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scheme;

impl Addresses for Scheme {
    fn document(&self, lang: &str, kind: Kind, slug: &str) -> String {
        document(lang, kind, slug)
    }
    fn file(&self, kind: Kind, slug: &str, name: &str) -> String {
        file(kind, slug, name)
    }
    fn image(&self, kind: Kind, slug: &str, name: &str, width: Option<u32>, ext: &str) -> String {
        image(kind, slug, name, width, ext)
    }
}

// Pages.

/// The root of the site: the choice of language.
pub fn root() -> String {
    "/".into()
}

/// The page a web server shows for a path that has none.
pub fn not_found() -> String {
    "/404.html".into()
}

/// A language's home page, the folder of all its pages and of its feeds of everything.
pub fn home(lang: &str) -> String {
    format!("/{lang}/")
}

/// Page `page` (counted from 1) of the list of a kind of document.
pub fn kind_list(lang: &str, kind: Kind, page: usize) -> String {
    if page <= 1 {
        format!("/{lang}/{}/", kind.dir())
    } else {
        format!("/{lang}/{}/page/{page}/", kind.dir())
    }
}

/// A document's page in one of its languages.
pub fn document(lang: &str, kind: Kind, slug: &str) -> String {
    format!("/{lang}/{}/{slug}/", kind.dir())
}

/// The folder of a topic's pages: committees have their own.
fn topic_folder(kind: TopicKind) -> &'static str {
    if kind == TopicKind::Committee {
        "committees"
    } else {
        "topics"
    }
}

/// A topic's or committee's page.
pub fn topic(lang: &str, id: &str, kind: TopicKind) -> String {
    format!("/{lang}/{}/{id}/", topic_folder(kind))
}

/// The list of every topic and committee.
pub fn topics(lang: &str) -> String {
    format!("/{lang}/topics/")
}

pub fn archive(lang: &str) -> String {
    format!("/{lang}/archive/")
}

/// The archive of one year.
pub fn year(lang: &str, year: i32) -> String {
    format!("/{lang}/archive/{year}/")
}

/// The official notice board.
pub fn notice_board(lang: &str) -> String {
    format!("/{lang}/notice-board/")
}

/// The accessibility statement.
pub fn accessibility(lang: &str) -> String {
    format!("/{lang}/accessibility/")
}

/// The subscribe form.
pub fn subscribe(lang: &str) -> String {
    format!("/{lang}/subscribe/")
}

/// The search page: the only page with script (it searches the language's index).
pub fn search(lang: &str) -> String {
    format!("/{lang}/search/")
}

// The search index.

/// The folder of a language's search index, with Pagefind's script and WebAssembly.
pub fn search_index(lang: &str) -> String {
    format!("/pagefind/{lang}/")
}

/// The search page's own script, over Pagefind's (shared by every language).
pub fn search_script() -> String {
    "/pagefind/search.js".into()
}

/// The same page in language `to`, for a page of language `from` that exists in every
/// language (everything but documents, which have only their translations). A path outside
/// `from` gives `to`'s home page.
pub fn in_language(url: &str, from: &str, to: &str) -> String {
    let rest = url.strip_prefix(&home(from)).unwrap_or_default();
    format!("{}{rest}", home(to))
}

/// What a page of a language is about, read from its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section<'a> {
    /// A kind's list (any page of it) or one of its documents.
    Kind(Kind),
    /// A topic's or committee's page, by id.
    Topic(&'a str),
}

/// The section of a page of `lang`, if it is in one.
pub fn section<'a>(lang: &str, url: &'a str) -> Option<Section<'a>> {
    let rest = url.strip_prefix(&home(lang))?;
    let mut parts = rest.split('/');
    match (parts.next()?, parts.next()) {
        ("topics" | "committees", Some(id)) if !id.is_empty() => Some(Section::Topic(id)),
        (kind, _) => Kind::from_dir(kind).map(Section::Kind),
    }
}

/// A place on a page, by the `id` of its element.
pub fn anchor(url: &str, id: &str) -> String {
    format!("{url}#{id}")
}

/// A file published beside a document (an attachment, an image).
pub fn file(kind: Kind, slug: &str, name: &str) -> String {
    format!("/files/{}/{slug}/{name}", kind.dir())
}

/// An image beside a document as published: `width` pixels across, or the full-size original
/// (`None`), in the format of extension `ext`, beside the other files of the document
/// (`photo.jpg` is `photo-480.webp`, `photo-480.jpg`… and `photo.jpg`; `map.gif` is `map.png`).
pub fn image(kind: Kind, slug: &str, name: &str, width: Option<u32>, ext: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    match width {
        Some(w) => file(kind, slug, &format!("{stem}-{w}.{ext}")),
        None => file(kind, slug, &format!("{stem}.{ext}")),
    }
}

/// A file of the theme's `static/` folder.
pub fn static_file(name: &str) -> String {
    format!("/static/{name}")
}

/// The stylesheet, named by a hash of its content so that it can be cached for ever.
pub fn stylesheet(hash: &str) -> String {
    static_file(&format!("style.{hash}.css"))
}

// Feeds.

/// The formats of feed, each a file in the folder of the page it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    Rss,
    Atom,
    Json,
}

impl Feed {
    pub fn file_name(self) -> &'static str {
        match self {
            Feed::Rss => "feed.xml",
            Feed::Atom => "atom.xml",
            Feed::Json => "feed.json",
        }
    }
}

/// A feed in the folder `dir` (a site path or an absolute URL ending in `/`: [`home`],
/// [`kind_list`] page 1 or [`topic`]).
pub fn feed(dir: &str, format: Feed) -> String {
    format!("{dir}{}", format.file_name())
}

// The JSON API.

/// The version of the API and the name of its folder under `/api/`. Any incompatible change
/// to a path or a member of a file is a new version folder, never a change of this one.
pub const API_VERSION: &str = "v1";

/// The folder of the API's files.
pub fn api_dir() -> String {
    format!("/api/{API_VERSION}/")
}

fn api(rel: &str) -> String {
    format!("{}{rel}", api_dir())
}

/// The index of the API: the site, its languages and topics, links to every list and schema.
pub fn api_index() -> String {
    api("index.json")
}

pub fn api_notice_board() -> String {
    api("notice-board.json")
}

pub fn api_alerts() -> String {
    api("alerts.json")
}

/// The JSON Schema of a kind of file of the API.
pub fn api_schema(name: &str) -> String {
    api(&format!("schema/{name}.json"))
}

/// A document in one language, in full.
pub fn api_document(kind: Kind, slug: &str, lang: &str) -> String {
    api(&format!("documents/{}/{slug}/{lang}.json", kind.dir()))
}

/// The list of a kind for a reader of `lang`.
pub fn api_kind_list(lang: &str, kind: Kind) -> String {
    api(&format!("{lang}/{}.json", kind.dir()))
}

/// The list of a topic or committee for a reader of `lang`.
pub fn api_topic_list(lang: &str, id: &str, kind: TopicKind) -> String {
    api(&format!("{lang}/{}/{id}.json", topic_folder(kind)))
}

// CAP alerts.

/// A notice's current CAP message.
pub fn alert(slug: &str) -> String {
    format!("/alerts/{slug}.xml")
}

/// One message of a notice's history, by its CAP identifier.
pub fn alert_version(slug: &str, identifier: &str) -> String {
    format!("/alerts/{slug}/{identifier}.xml")
}

/// The Atom feed of the alerts in force.
pub fn alerts_index() -> String {
    "/alerts/index.atom".into()
}

// Calendars.

/// The id of the calendar of every committee's meetings (so no committee may have it).
pub const ALL_MEETINGS: &str = "meetings";

/// A committee's calendar, or with [`ALL_MEETINGS`] every committee's.
pub fn calendar(id: &str) -> String {
    format!("/calendar/{id}.ics")
}

// For crawlers.

pub fn sitemap() -> String {
    "/sitemap.xml".into()
}

/// Part `n` (from 1) of a sitemap too large for one file; beside `sitemap.xml`, as a sitemap may
/// only list URLs at or below its own folder.
pub fn sitemap_part(n: usize) -> String {
    format!("/sitemap-{n}.xml")
}

pub fn robots() -> String {
    "/robots.txt".into()
}

// Redirects from old addresses (aliases).

/// The redirect map for static hosts that read one (Netlify, Cloudflare Pages): `_redirects` at
/// the root of the output.
pub fn redirects_map() -> String {
    "/_redirects".into()
}

/// The redirect map for nginx: a `map` block to include inside `http { }`.
pub fn redirects_nginx() -> String {
    "/_redirects.nginx.conf".into()
}

/// Whether a path is one the site's own files are at, or under a folder of them: the API,
/// alerts, calendars, attachments, the theme's files, the files at the root. `in_languages`:
/// any path under a language's folder too, where the feeds are beside the pages. (An alias
/// there would shadow a file the build writes.)
pub fn is_reserved(config: &Config, path: &str, in_languages: bool) -> bool {
    let folders = [
        api_dir(),
        alert(""),
        calendar(""),
        file(Kind::Press, "", ""),
        static_file(""),
    ];
    let top = |p: &str| {
        let rest = p.trim_start_matches('/');
        format!("/{}/", rest.split('/').next().unwrap_or_default())
    };
    let root_files = [
        not_found(),
        sitemap(),
        robots(),
        redirects_map(),
        redirects_nginx(),
    ];
    folders.iter().any(|f| top(f) == top(path))
        || root_files.contains(&path.to_owned())
        || path.starts_with("/sitemap-")
        || (in_languages && config.language_codes().any(|l| path.starts_with(&home(l))))
}

// The two other forms of an address.

/// The absolute URL of a site path (`https://example.org/sv/press/`).
pub fn absolute(config: &Config, path: &str) -> String {
    format!("{}{path}", config.base_url)
}

/// The file of the output folder that serves a site path: a folder's `index.html`
/// (`/sv/press/` is `sv/press/index.html`, `/` is `index.html`), any other path its own file.
pub fn output_path(url: &str) -> String {
    let p = url.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') {
        format!("{p}index.html")
    } else {
        p.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages() {
        assert_eq!(root(), "/");
        assert_eq!(not_found(), "/404.html");
        assert_eq!(home("sv"), "/sv/");
        assert_eq!(topics("sv"), "/sv/topics/");
        assert_eq!(archive("sv"), "/sv/archive/");
        assert_eq!(year("sv", 2026), "/sv/archive/2026/");
        assert_eq!(notice_board("sv"), "/sv/notice-board/");
        assert_eq!(accessibility("en"), "/en/accessibility/");
        assert_eq!(subscribe("en"), "/en/subscribe/");
        assert_eq!(search("ar"), "/ar/search/");
        assert_eq!(search_index("ar"), "/pagefind/ar/");
        assert_eq!(search_script(), "/pagefind/search.js");
    }

    #[test]
    fn lists_and_their_pages() {
        assert_eq!(kind_list("sv", Kind::Press, 1), "/sv/press/");
        assert_eq!(kind_list("sv", Kind::Press, 0), "/sv/press/");
        assert_eq!(kind_list("sv", Kind::Minutes, 3), "/sv/minutes/page/3/");
    }

    #[test]
    fn topics_and_committees() {
        assert_eq!(
            topic("sv", "skola", TopicKind::Subject),
            "/sv/topics/skola/"
        );
        assert_eq!(
            topic("sv", "bun", TopicKind::Committee),
            "/sv/committees/bun/"
        );
        assert_eq!(topic("fi", "x", TopicKind::School), "/fi/topics/x/");
    }

    #[test]
    fn documents_and_their_files() {
        assert_eq!(document("sv", Kind::Notices, "water"), "/sv/notices/water/");
        assert_eq!(
            file(Kind::Minutes, "m", "bilaga 1.pdf"),
            "/files/minutes/m/bilaga 1.pdf"
        );
        assert_eq!(anchor("/sv/minutes/m/", "p3"), "/sv/minutes/m/#p3");
        // Content gets the same addresses through the trait.
        let a: &dyn Addresses = &Scheme;
        assert_eq!(a.document("en", Kind::Press, "x"), "/en/press/x/");
        assert_eq!(a.file(Kind::Press, "x", "a.png"), "/files/press/x/a.png");
    }

    #[test]
    fn other_languages_and_sections() {
        assert_eq!(
            in_language("/sv/press/page/2/", "sv", "en"),
            "/en/press/page/2/"
        );
        assert_eq!(in_language("/sv/", "sv", "ar"), "/ar/");
        assert_eq!(in_language("/", "sv", "en"), "/en/");
        assert_eq!(
            section("sv", "/sv/press/page/2/"),
            Some(Section::Kind(Kind::Press))
        );
        assert_eq!(
            section("sv", "/sv/notices/water/"),
            Some(Section::Kind(Kind::Notices))
        );
        assert_eq!(
            section("sv", "/sv/committees/bun/"),
            Some(Section::Topic("bun"))
        );
        assert_eq!(section("sv", "/sv/topics/"), None);
        assert_eq!(section("sv", "/sv/archive/2026/"), None);
        assert_eq!(section("sv", "/en/press/"), None);
    }

    #[test]
    fn static_files() {
        assert_eq!(static_file("style.css"), "/static/style.css");
        assert_eq!(stylesheet("0123456789"), "/static/style.0123456789.css");
    }

    #[test]
    fn feeds() {
        assert_eq!(feed("/sv/", Feed::Rss), "/sv/feed.xml");
        assert_eq!(feed("/sv/press/", Feed::Atom), "/sv/press/atom.xml");
        assert_eq!(
            feed("https://x.example/sv/topics/t/", Feed::Json),
            "https://x.example/sv/topics/t/feed.json"
        );
    }

    #[test]
    fn api_files() {
        assert_eq!(api_dir(), "/api/v1/");
        assert_eq!(api_index(), "/api/v1/index.json");
        assert_eq!(api_notice_board(), "/api/v1/notice-board.json");
        assert_eq!(api_alerts(), "/api/v1/alerts.json");
        assert_eq!(api_schema("list"), "/api/v1/schema/list.json");
        assert_eq!(
            api_document(Kind::Press, "x", "sv"),
            "/api/v1/documents/press/x/sv.json"
        );
        assert_eq!(
            api_kind_list("sv", Kind::Notices),
            "/api/v1/sv/notices.json"
        );
        assert_eq!(
            api_topic_list("sv", "bun", TopicKind::Committee),
            "/api/v1/sv/committees/bun.json"
        );
        assert_eq!(
            api_topic_list("sv", "skola", TopicKind::Subject),
            "/api/v1/sv/topics/skola.json"
        );
    }

    #[test]
    fn alerts() {
        assert_eq!(alert("water"), "/alerts/water.xml");
        assert_eq!(
            alert_version("water", "urn:oid:1.2"),
            "/alerts/water/urn:oid:1.2.xml"
        );
        assert_eq!(alerts_index(), "/alerts/index.atom");
    }

    #[test]
    fn calendars() {
        assert_eq!(calendar("bun"), "/calendar/bun.ics");
        assert_eq!(calendar(ALL_MEETINGS), "/calendar/meetings.ics");
    }

    #[test]
    fn for_crawlers() {
        assert_eq!(sitemap(), "/sitemap.xml");
        assert_eq!(sitemap_part(2), "/sitemap-2.xml");
        assert_eq!(robots(), "/robots.txt");
    }

    #[test]
    fn redirects() {
        assert_eq!(redirects_map(), "/_redirects");
        assert_eq!(redirects_nginx(), "/_redirects.nginx.conf");
        let site = "base_url: https://x.example/\ntimezone: Europe/Stockholm\ndefault_language: sv\nlanguages:\n  - { code: sv, name: Svenska }\ntitle: X\norganisation:\n  name: X\n";
        let config = crate::config::parse(site, std::path::Path::new("site.yaml")).unwrap();
        for own in [
            "/api/v1/x/",
            "/files/press/a/b.pdf",
            "/static/x.css",
            "/alerts/a.xml",
            "/calendar/x.ics",
            "/robots.txt",
            "/_redirects",
            "/sitemap-2.xml",
        ] {
            assert!(is_reserved(&config, own, false), "{own}");
        }
        assert!(is_reserved(&config, "/sv/feed.xml", true));
        assert!(!is_reserved(&config, "/sv/press/old/", false));
        assert!(!is_reserved(&config, "/nyheter/visa.aspx", true));
        assert!(!is_reserved(&config, "/apis/", true));
    }

    #[test]
    fn absolute_and_output_paths() {
        let site = "base_url: https://x.example/\ntimezone: Europe/Stockholm\ndefault_language: sv\nlanguages:\n  - { code: sv, name: Svenska }\ntitle: X\norganisation:\n  name: X\n";
        let config = crate::config::parse(site, std::path::Path::new("site.yaml")).unwrap();
        assert_eq!(
            absolute(&config, "/sv/press/"),
            "https://x.example/sv/press/"
        );
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/sv/press/"), "sv/press/index.html");
        assert_eq!(output_path("/404.html"), "404.html");
        assert_eq!(output_path("/sv/feed.xml"), "sv/feed.xml");
        assert_eq!(
            output_path("/files/minutes/m/bilaga.pdf"),
            "files/minutes/m/bilaga.pdf"
        );
    }
}
