//! Moved documents keep their addresses: `aliases:` in a translation's front matter gives a
//! redirect page at each old address of a page, and the two redirect maps (`_redirects`, and
//! `_redirects.nginx.conf`, which the README's nginx configuration includes and which nginx
//! itself checks and serves here: nginx is installed by `.ci/run`). Every mistake an author
//! can make with an alias stops the build with an error at its line.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::{
    TestSite, attr, example_site, hrefs, html_files, line_of, page, select, single_error, snapshot,
    text, wait_until,
};

const BASE: &str = "https://test.example";
const PRESS_SV: &str = "content/press/2026-11-01-ny-matsal.sv.md";
const PRESS_EN: &str = "content/press/2026-11-01-ny-matsal.en.md";
const NOTICE_AR: &str = "content/notices/2026-11-20-water-outage.ar.md";

/// The minimal site, its press release with a slug, a path, an old `.html` page and another
/// system's address as aliases in Swedish, a slug in English, and a slug in Arabic for the
/// notice (right to left).
fn site_with_aliases() -> TestSite {
    let site = TestSite::fixture("minimal");
    site.edit(
        PRESS_SV,
        "topics: [ekskolan, skolmat]\n",
        "topics: [ekskolan, skolmat]\naliases:\n  - matsal-ekskolan\n  - /sv/nyheter/ny-matsal\n  - /arkiv/matsal.html\n  - /nyheter/visa.aspx\n",
    );
    site.edit(
        PRESS_EN,
        "topics: [ekskolan, skolmat]\n",
        "topics: [ekskolan, skolmat]\naliases: [dining-hall]\n",
    );
    site.edit(
        NOTICE_AR,
        "topics: [ekskolan]\n",
        "topics: [ekskolan]\naliases: [water]\n",
    );
    site
}

/// The redirect page at `rel`: it leads, by refresh, canonical link and a visible link, to
/// `to` (a site path, whose page the build wrote), in `lang` and `dir`, with no script and
/// not to be indexed.
fn assert_redirects(out: &Path, rel: &str, to: &str, lang: &str, dir: &str) {
    let doc = page(out, rel);
    let target = format!("{BASE}{to}");
    let refresh = select(&doc, "head meta[http-equiv='refresh']");
    assert_eq!(refresh.len(), 1, "{rel}: one refresh");
    assert_eq!(
        attr(refresh[0], "content"),
        format!("0; url={target}"),
        "{rel}"
    );
    assert_eq!(
        hrefs(&doc, "head link[rel='canonical']"),
        std::slice::from_ref(&target),
        "{rel}"
    );
    assert_eq!(
        hrefs(&doc, "body a"),
        [target],
        "{rel}: a link for whoever stays"
    );
    let robots = select(&doc, "head meta[name='robots']");
    assert_eq!(attr(robots[0], "content"), "noindex", "{rel}");
    assert!(select(&doc, "script").is_empty(), "{rel}: no script");
    let csp = select(&doc, "head meta[http-equiv='Content-Security-Policy']");
    assert!(
        attr(csp[0], "content").starts_with("default-src 'none'"),
        "{rel}"
    );
    let html = select(&doc, "html")[0];
    assert_eq!(
        (attr(html, "lang"), attr(html, "dir")),
        (lang.into(), dir.into()),
        "{rel}"
    );
    assert!(!text(select(&doc, "title")[0]).is_empty(), "{rel}: a title");
    let new_page = out.join(to.trim_start_matches('/')).join("index.html");
    assert!(new_page.is_file(), "{rel} leads to {to}, which has no page");
}

#[test]
fn old_addresses_lead_to_the_page_that_moved() {
    let site = site_with_aliases();
    site.build(&[]).assert_ok();
    let out = site.out();
    let sv = "/sv/press/ny-matsal/";
    assert_redirects(&out, "sv/press/matsal-ekskolan/index.html", sv, "sv", "ltr");
    assert_redirects(&out, "sv/nyheter/ny-matsal/index.html", sv, "sv", "ltr");
    assert_redirects(&out, "arkiv/matsal.html", sv, "sv", "ltr");
    let en = "/en/press/ny-matsal/";
    assert_redirects(&out, "en/press/dining-hall/index.html", en, "en", "ltr");
    let ar = "/ar/notices/water-outage/";
    assert_redirects(&out, "ar/notices/water/index.html", ar, "ar", "rtl");
    let doc = page(&out, "sv/press/matsal-ekskolan/index.html");
    assert!(
        text(select(&doc, "body p")[0]).starts_with("Sidan har flyttat"),
        "the words are the translation's language"
    );
    // Another system's address is only in the maps: a file there would be served as HTML by
    // no server.
    assert!(!out.join("nyheter/visa.aspx").exists());

    let map = std::fs::read_to_string(out.join("_redirects")).unwrap();
    let lines: Vec<&str> = map.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        lines,
        [
            "/ar/notices/water/ /ar/notices/water-outage/ 301",
            "/arkiv/matsal.html /sv/press/ny-matsal/ 301",
            "/en/press/dining-hall/ /en/press/ny-matsal/ 301",
            "/nyheter/visa.aspx /sv/press/ny-matsal/ 301",
            "/sv/nyheter/ny-matsal/ /sv/press/ny-matsal/ 301",
            "/sv/press/matsal-ekskolan/ /sv/press/ny-matsal/ 301",
        ]
    );
    let nginx = std::fs::read_to_string(out.join("_redirects.nginx.conf")).unwrap();
    assert!(nginx.contains("map $uri $anslag_redirect {\n"), "{nginx}");
    assert!(
        nginx.contains("    \"/nyheter/visa.aspx\" \"/sv/press/ny-matsal/\";\n"),
        "{nginx}"
    );
}

#[test]
fn redirect_pages_are_no_pages_of_the_site() {
    let site = site_with_aliases();
    site.build(&[]).assert_ok();
    let out = site.out();
    // Everything but the redirect pages and maps themselves: sitemap, feeds, lists, API.
    for (rel, bytes) in snapshot(&out) {
        let rel = rel.to_string_lossy().replace('\\', "/");
        let redirect = rel.starts_with("_redirects")
            || [
                "matsal-ekskolan",
                "nyheter/",
                "arkiv/",
                "dining-hall",
                "notices/water/",
            ]
            .iter()
            .any(|old| rel.contains(old));
        if redirect {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for old in [
            "matsal-ekskolan",
            "/sv/nyheter/",
            "dining-hall",
            "/ar/notices/water/",
        ] {
            assert!(!text.contains(old), "{rel} names the old address {old}");
        }
    }
    // And the helpers that visit every page of a site leave them out.
    assert!(
        !html_files(&out)
            .iter()
            .any(|p| p.to_string_lossy().contains("matsal-ekskolan"))
    );
}

/// Builds the minimal site with `aliases` added to the Swedish press release: the one error,
/// which names the release and the alias's line, and its message and hint.
fn alias_error(aliases: &str, needle: &str) -> (String, String) {
    let site = TestSite::fixture("minimal");
    site.edit(
        PRESS_SV,
        "topics: [ekskolan, skolmat]\n",
        &format!("topics: [ekskolan, skolmat]\naliases:\n{aliases}"),
    );
    let run = site.build(&[]);
    let d = single_error(&run, PRESS_SV);
    assert_eq!(
        d.line,
        Some(line_of(&site.read(PRESS_SV), needle)),
        "{}",
        run.stderr
    );
    assert!(!site.out().exists(), "nothing is written");
    (d.message, d.hint.unwrap_or_default())
}

#[test]
fn an_alias_that_is_another_page_is_an_error() {
    let (m, h) = alias_error("  - /en/press/ny-matsal/\n", "/en/press/ny-matsal/");
    assert!(
        m.contains("is already the page of content/press/2026-11-01-ny-matsal.en.md"),
        "{m}"
    );
    assert!(h.contains("one page only"), "{h}");
    let (m, _) = alias_error("  - /sv/notice-board/\n", "/sv/notice-board/");
    assert!(m.contains("is already a page of the site"), "{m}");
}

#[test]
fn an_alias_that_is_another_alias_is_an_error() {
    let (m, _) = alias_error("  - gammal\n  - /sv/press/gammal/\n", "/sv/press/gammal/");
    assert!(
        m.contains("`/sv/press/gammal/` is already an alias in content/press/2026-11-01-ny-matsal.sv.md line"),
        "{m}"
    );
}

#[test]
fn an_alias_that_is_its_own_address_is_an_error() {
    let (m, h) = alias_error("  - ny-matsal\n", "- ny-matsal");
    assert!(m.contains("is this page's own address"), "{m}");
    assert!(h.contains("remove"), "{h}");
}

#[test]
fn an_alias_outside_the_site_is_an_error() {
    for (alias, needle) in [
        ("https://test.example/sv/gammal/", "https:"),
        ("//other.example/x/", "//other"),
    ] {
        let (m, h) = alias_error(&format!("  - \"{alias}\"\n"), needle);
        assert!(m.contains("is not an address of this site"), "{m}");
        assert!(h.contains("without https://"), "{h}");
    }
}

#[test]
fn a_malformed_alias_is_an_error() {
    for (alias, says) in [
        ("/sv/a b/", "character ` `"),
        ("/sv/../x/", "`..`"),
        ("/sv/?id=4", "query"),
        ("/sv/m%C3%B6te/", "percent-encoded"),
        ("Gammal Titel", "neither a slug nor a path"),
    ] {
        let (m, _) = alias_error(&format!("  - \"{alias}\"\n"), alias);
        assert!(m.contains(says), "{alias}: {m}");
    }
}

#[test]
fn an_alias_among_the_builds_own_files_is_an_error() {
    for alias in ["/api/v1/gammal/", "/sv/feed.xml", "/static/x.css"] {
        let (m, h) = alias_error(&format!("  - \"{alias}\"\n"), alias);
        assert!(
            m.contains("is an address of the build's own files"),
            "{alias}: {m}"
        );
        assert!(h.contains("keep theirs"), "{h}");
    }
}

// nginx, for real: the README's configuration (benches/nginx.conf) with the site's map.

/// benches/nginx.conf for the output `out`, on `port`, with its own files in `work`.
fn nginx_conf(out: &Path, work: &Path, port: u16) -> std::path::PathBuf {
    let conf = std::fs::read_to_string(example_site().join("benches/nginx.conf")).unwrap();
    assert!(conf.contains("include /srv/anslag/public/_redirects.nginx.conf;"));
    assert!(conf.contains("return 301 $anslag_redirect;"));
    let conf = conf
        .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
        .replace("/srv/anslag/public", &out.to_string_lossy())
        .replace("/tmp/anslag-nginx", &work.join("nginx").to_string_lossy());
    let path = work.join("nginx.conf");
    std::fs::write(&path, conf).unwrap();
    path
}

fn nginx() -> Command {
    let nginx = ["/usr/sbin/nginx", "nginx"]
        .into_iter()
        .find(|n| Command::new(n).arg("-v").output().is_ok())
        .expect("nginx is needed to test the redirect map: apt-get install -y nginx-light (.ci/run installs it)");
    Command::new(nginx)
}

/// `nginx -t` on the README's configuration with the map of `site`'s build.
/// Its folder, configuration file and port.
fn nginx_accepts(site: &TestSite) -> (std::path::PathBuf, std::path::PathBuf, u16) {
    let work = site.tmp.path().join("nginx");
    std::fs::create_dir_all(&work).unwrap();
    // nginx's workers run as another user: they must reach the files.
    allow_all(site.tmp.path());
    let port = free_port();
    let conf = nginx_conf(&site.out(), &work, port);
    let o = nginx()
        .args(["-t", "-q", "-p"])
        .arg(&work)
        .arg("-c")
        .arg(&conf)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "nginx rejects the configuration:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (work, conf, port)
}

fn allow_all(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
    for e in walk(dir) {
        let mode = if e.is_dir() { 0o755 } else { 0o644 };
        let _ = std::fs::set_permissions(&e, std::fs::Permissions::from_mode(mode));
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            all.extend(walk(&p));
        }
        all.push(p);
    }
    all
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Stops nginx when the test ends, passed or not.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The status line and `Location` of a GET of `path`.
fn get(port: u16, path: &str) -> Option<(String, Option<String>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: www.test.example\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    s.read_to_string(&mut response).ok()?;
    let mut lines = response.lines();
    let status = lines.next()?.to_owned();
    let location = lines
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix("Location: ").map(str::to_owned));
    Some((status, location))
}

#[test]
fn nginx_answers_an_old_address_with_a_301() {
    let site = site_with_aliases();
    site.build(&[]).assert_ok();
    let (work, conf, port) = nginx_accepts(&site);
    let child = nginx()
        .arg("-p")
        .arg(&work)
        .arg("-c")
        .arg(&conf)
        .args(["-g", "daemon off;"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _nginx = Running(child);
    wait_until(Duration::from_secs(10), "nginx answers", || {
        get(port, "/sv/").is_some()
    });
    for (old, new) in [
        ("/sv/press/matsal-ekskolan/", "/sv/press/ny-matsal/"),
        ("/nyheter/visa.aspx", "/sv/press/ny-matsal/"),
        ("/ar/notices/water/", "/ar/notices/water-outage/"),
    ] {
        let (status, location) = get(port, old).unwrap();
        assert!(status.contains(" 301 "), "{old}: {status}");
        assert_eq!(
            location.as_deref(),
            Some(format!("http://www.test.example:{port}{new}").as_str()),
            "{old}"
        );
    }
    let (status, _) = get(port, "/sv/press/ny-matsal/").unwrap();
    assert!(status.contains(" 200 "), "the new page is served: {status}");
}

#[test]
fn nginx_accepts_the_map_of_a_site_without_aliases() {
    let site = TestSite::fixture("minimal");
    site.build(&[]).assert_ok();
    let map = std::fs::read_to_string(site.out().join("_redirects.nginx.conf")).unwrap();
    assert!(map.contains("map $uri $anslag_redirect {\n}\n"), "{map}");
    nginx_accepts(&site);
}

#[test]
fn check_finds_an_alias_that_a_document_under_embargo_will_take() {
    // The alias is the address of a press release published only on 2026-12-01: the build of
    // today passes, the build of that day would stop; `anslag check` says so today.
    let site = TestSite::fixture("minimal");
    site.write(
        "content/press/2026-12-01-ny-skolgard.sv.md",
        "---\ntitle: Ny skolgård\ndate: 2026-12-01T09:00:00+01:00\nsummary: S.\n---\nText.\n",
    );
    site.edit(
        PRESS_SV,
        "topics: [ekskolan, skolmat]\n",
        "topics: [ekskolan, skolmat]\naliases: [ny-skolgard]\n",
    );
    site.build(&[]).assert_ok();
    let later = site.tmp.path().join("later");
    crate::common::build(
        &site.root(),
        &later,
        &["--now", "2026-12-01T09:00:00+01:00"],
    )
    .assert_failed();
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["--now", crate::common::NOW, "check", "--format", "json"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "check fails on the clash");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let taken: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "alias-taken")
        .collect();
    assert_eq!(taken.len(), 1, "{report}");
    assert_eq!(taken[0]["file"], PRESS_SV);
    assert_eq!(taken[0]["line"], line_of(&site.read(PRESS_SV), "aliases:"));
    assert!(
        taken[0]["message"]
            .as_str()
            .unwrap()
            .contains("content/press/2026-12-01-ny-skolgard.sv.md"),
        "{report}"
    );
}
