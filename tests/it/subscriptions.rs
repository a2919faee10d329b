//! The subscription service (issue 6): the real `anslag subscriptions serve` on a loopback port,
//! with a copy of the example site whose `mail.smtp` points at a real SMTP server on loopback
//! (`tests/smtp/server.py`, aiosmtpd), driven by a real HTTP client. Confirmation links are
//! taken from the messages the SMTP server caught, read back with Python's MIME parser; what
//! is stored is counted in the SQLite store itself.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::mime::Parsed;
use crate::common::smtp::SmtpServer;
use crate::common::*;
use anslag::mail::{Frequency, store};
use chrono::{TimeZone, Utc};
use reqwest::blocking::{Client, Response};
use rusqlite::Connection;
use scraper::Html;

pub(crate) const STORE: &str = ".anslag/subscribers.sqlite";
/// `mail.service_url` of the example site: the links in the messages start with it.
pub(crate) const SERVICE_URL: &str = "https://prenumeration.ekvik.example";

/// The example site with its mail going to `smtp_port`.
pub(crate) fn site(smtp_port: u16) -> TestSite {
    let site = TestSite::example();
    site.edit("site.yaml", "port: 2525", &format!("port: {smtp_port}"));
    site
}

pub(crate) fn mail_dir(site: &TestSite) -> PathBuf {
    let p = site.tmp.path().join("mail");
    std::fs::create_dir_all(&p).unwrap();
    p
}

/// A running `anslag subscriptions serve`.
pub(crate) struct Service {
    child: Child,
    pub(crate) base: String,
    log: Arc<Mutex<String>>,
}

impl Service {
    pub(crate) fn start(site: &TestSite, env: &[(&str, &str)]) -> Service {
        Service::start_with(site, env, Command::new(env!("CARGO_BIN_EXE_anslag")))
    }

    /// Starts it with `cmd`: the binary, or a program that runs it (such as `prlimit … anslag`).
    pub(crate) fn start_with(site: &TestSite, env: &[(&str, &str)], mut cmd: Command) -> Service {
        cmd.arg("--site")
            .arg(site.root())
            .arg("--verbose")
            .args(["subscriptions", "serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for var in [
            "ANSLAG_NOW",
            "ANSLAG_LINK_KEY",
            "ANSLAG_SERVICE_RATE_PER_MINUTE",
            "ANSLAG_SERVICE_EMAILS_PER_ADDRESS",
            "ANSLAG_SERVICE_TRUSTED_PROXIES",
            "ANSLAG_SERVICE_ALLOWED_ORIGINS",
            "ANSLAG_SERVICE_LISTEN",
        ] {
            cmd.env_remove(var);
        }
        cmd.envs(env.iter().copied());
        let mut child = cmd.spawn().expect("start anslag subscriptions serve");
        let log = Arc::new(Mutex::new(String::new()));
        let mut stderr = child.stderr.take().expect("stderr");
        let sink = log.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("http://").nth(1) {
                    let addr = rest.split('/').next().unwrap_or_default().to_owned();
                    let _ = tx.send(format!("http://{addr}"));
                }
            }
        });
        let base = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(b) => b,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                // All it wrote, read to the end of its stderr.
                wait_until(Duration::from_secs(10), "its stderr is read", || {
                    reader.is_finished()
                });
                panic!("the service did not start:\n{}", log.lock().unwrap());
            }
        };
        Service { child, base, log }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A link from a message, on this service.
    pub(crate) fn local(&self, link: &str) -> String {
        let path = link
            .strip_prefix(SERVICE_URL)
            .unwrap_or_else(|| panic!("{link} is not a link to the service"));
        self.url(path)
    }

    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// SIGTERM, then waits for the process to end; its exit status.
    fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("run kill");
        let mut status = None;
        wait_until(
            Duration::from_secs(20),
            "the service stops on SIGTERM",
            || {
                status = self.child.try_wait().unwrap();
                status.is_some()
            },
        );
        status.unwrap()
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn client() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// `application/x-www-form-urlencoded`, every byte but the unreserved ones escaped.
fn encode(fields: &[(&str, &str)]) -> String {
    let esc = |s: &str| -> String {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", esc(k), esc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub(crate) fn post(
    url: &str,
    body: impl Into<reqwest::blocking::Body>,
    headers: &[(&str, &str)],
) -> Response {
    let mut req = client()
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    // Answers that cannot know the reader's language fall back to the browser's.
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("accept-language"))
    {
        req = req.header("accept-language", "en");
    }
    req.send().expect("post")
}

pub(crate) fn post_form(url: &str, fields: &[(&str, &str)], headers: &[(&str, &str)]) -> Response {
    post(url, encode(fields), headers)
}

pub(crate) fn get(url: &str) -> Response {
    client().get(url).send().expect("get")
}

/// Status, the headers that do not vary by the second, and the body.
pub(crate) fn answer(r: Response) -> (u16, BTreeMap<String, String>, String) {
    let status = r.status().as_u16();
    let headers = r
        .headers()
        .iter()
        .filter(|(k, _)| k.as_str() != "date")
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
        .collect();
    (status, headers, r.text().unwrap())
}

pub(crate) fn html(body: &str) -> Html {
    Html::parse_document(body)
}

/// `lang` and `dir` of the page's `<html>`.
fn lang_dir(doc: &Html) -> (String, String) {
    let root = select(doc, "html")[0];
    (attr(root, "lang"), attr(root, "dir"))
}

/// The store, read while the service may be writing it (the tests poll it).
pub(crate) fn db(site: &TestSite) -> Connection {
    let conn = Connection::open(site.path(STORE)).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn
}

pub(crate) fn count(site: &TestSite, sql: &str) -> i64 {
    db(site).query_row(sql, [], |r| r.get(0)).unwrap()
}

/// (status, language, topics JSON, frequency) of the subscriber with this address.
pub(crate) fn stored(site: &TestSite, address: &str) -> Option<(String, String, String, String)> {
    db(site)
        .query_row(
            "SELECT status, language, topics, frequency FROM subscribers WHERE address = ?1",
            [address],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .ok()
}

/// The messages the server caught for `address`, parsed.
fn mail_to(server: &SmtpServer, address: &str) -> Vec<Parsed> {
    let mine: Vec<_> = server
        .received()
        .into_iter()
        .filter(|r| r.to == [address.to_owned()])
        .collect();
    SmtpServer::parse(&mine)
}

/// Waits until `address` has had `n` messages; they, parsed.
pub(crate) fn wait_for_mail(server: &SmtpServer, address: &str, n: usize) -> Vec<Parsed> {
    let count = || {
        server
            .received()
            .iter()
            .filter(|r| r.to == [address.to_owned()])
            .count()
    };
    let what = format!("{address} has had {n} messages");
    wait_until(Duration::from_secs(30), &what, || count() >= n);
    mail_to(server, address)
}

/// Waits until the service has sent every message it queued (no row of the outbox is waiting or
/// being sent). The requests that queued them have been answered, so their rows are there.
pub(crate) fn wait_until_sent(site: &TestSite) {
    let unsent = "SELECT count(*) FROM outbox WHERE state IN ('pending', 'claimed')";
    wait_until(
        Duration::from_secs(30),
        "the service has sent what it queued",
        || count(site, unsent) == 0,
    );
}

/// The first link in a text that starts with `prefix`.
pub(crate) fn link(text: &str, prefix: &str) -> String {
    let start = text
        .find(prefix)
        .unwrap_or_else(|| panic!("no link {prefix}… in:\n{text}"));
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '>' || c == '"')
        .next()
        .unwrap()
        .to_owned()
}

pub(crate) fn confirm_link(message: &Parsed) -> String {
    link(message.text(), &format!("{SERVICE_URL}/confirm/"))
}

// -------------------------------------------------------------------------------------------

/// The whole path for one person in one language: the subscribe form, the confirmation message,
/// the page a mail scanner would reach (confirms nothing), the button, a link to the
/// preferences by email, changing them, and leaving with a mail program's one-click request.
fn whole_path(service: &Service, server: &SmtpServer, site: &TestSite, lang: &str, address: &str) {
    let dir = if lang == "ar" { "rtl" } else { "ltr" };
    // The service's own subscribe page, in the asked language.
    let (status, headers, body) = answer(get(&service.url(&format!("/subscribe?lang={lang}"))));
    assert_eq!(status, 200);
    assert!(!headers.contains_key("set-cookie"));
    assert!(headers["content-security-policy"].contains("form-action 'self'"));
    let page = html(&body);
    assert_eq!(lang_dir(&page), (lang.to_owned(), dir.to_owned()));
    assert_eq!(hrefs(&page, "link[rel=stylesheet]").len(), 1);
    assert!(select(&page, "script").is_empty(), "no JavaScript");
    assert_eq!(
        attr(select(&page, "form.subscribe-form")[0], "action"),
        "/subscribe"
    );
    let css = get(&service.url(&hrefs(&page, "link[rel=stylesheet]")[0]));
    assert_eq!(css.status().as_u16(), 200);

    let r = post_form(
        &service.url("/subscribe"),
        &[
            ("address", &address.to_uppercase()),
            ("language", lang),
            ("topic", "hamnskolan"),
            ("frequency", "daily"),
            ("ui", lang),
            ("website", ""),
        ],
        &[("origin", SERVICE_URL)],
    );
    let (status, _, body) = answer(r);
    assert_eq!(status, 200);
    assert_eq!(lang_dir(&html(&body)).0, lang);
    assert_eq!(
        stored(site, address),
        Some((
            "pending".into(),
            lang.into(),
            "[\"hamnskolan\"]".into(),
            "daily".into()
        ))
    );

    // The confirmation message, in the chosen language.
    let message = wait_for_mail(server, address, 1).remove(0);
    assert_eq!(message.header("content-language"), lang);
    assert!(
        message
            .html()
            .contains(&format!("lang=\"{lang}\" dir=\"{dir}\""))
    );
    let confirm = service.local(&confirm_link(&message));
    // What a mail scanner does: follow the link. It confirms nothing.
    let (status, headers, body) = answer(get(&confirm));
    assert_eq!(status, 200);
    assert_eq!(headers["cache-control"], "no-store");
    let page = html(&body);
    assert_eq!(lang_dir(&page), (lang.to_owned(), dir.to_owned()));
    let form = select(&page, "main form")[0];
    assert_eq!(attr(form, "method"), "post");
    assert_eq!(stored(site, address).unwrap().0, "pending");
    // The button.
    let (status, _, body) = answer(post(
        &service.url(&attr(form, "action")),
        "",
        &[("origin", SERVICE_URL)],
    ));
    assert_eq!(status, 200, "{body}");
    assert_eq!(stored(site, address).unwrap().0, "confirmed");
    let page = html(&body);
    assert_eq!(lang_dir(&page).0, lang);
    assert!(
        hrefs(&page, "main a")
            .iter()
            .any(|h| h.starts_with("/preferences/")),
        "the confirmed page links to the preferences"
    );

    // A link to the preferences, by email (the form for those already subscribed).
    let (status, _, _) = answer(post_form(
        &service.url("/manage"),
        &[("address", address), ("ui", lang)],
        &[],
    ));
    assert_eq!(status, 200);
    let message = wait_for_mail(server, address, 2).remove(1);
    assert_eq!(message.header("content-language"), lang);
    assert!(
        !message.text().contains("/confirm/"),
        "a confirmed subscriber is not asked to confirm again"
    );
    let preferences = service.local(&link(
        message.text(),
        &format!("{SERVICE_URL}/preferences/"),
    ));
    let unsubscribe = message
        .header("list-unsubscribe")
        .trim_matches(|c| c == '<' || c == '>')
        .to_owned();
    assert_eq!(
        message.header("list-unsubscribe-post"),
        "List-Unsubscribe=One-Click"
    );

    // The preferences page shows the choices; change them.
    let (status, _, body) = answer(get(&preferences));
    assert_eq!(status, 200);
    let page = html(&body);
    assert_eq!(lang_dir(&page), (lang.to_owned(), dir.to_owned()));
    assert_eq!(select(&page, "#topic-hamnskolan[checked]").len(), 1);
    assert_eq!(select(&page, "#frequency-daily[checked]").len(), 1);
    assert!(select(&page, "input[name=address]").is_empty());
    let action = attr(select(&page, "main form")[0], "action");
    let (status, _, body) = answer(post_form(
        &service.url(&action),
        &[
            ("language", lang),
            ("topic", "skolmat"),
            ("topic", "kommunstyrelsen"),
            ("frequency", "weekly"),
            ("ui", lang),
        ],
        &[("origin", &service.base), ("sec-fetch-site", "same-origin")],
    ));
    assert_eq!(status, 200, "{body}");
    assert_eq!(lang_dir(&html(&body)).0, lang);
    assert_eq!(
        stored(site, address),
        Some((
            "confirmed".into(),
            lang.into(),
            "[\"kommunstyrelsen\",\"skolmat\"]".into(),
            "weekly".into()
        ))
    );

    // The unsubscribe page asks; a mail program's one-click request (RFC 8058) unsubscribes.
    let (status, _, body) = answer(get(&service.local(&unsubscribe)));
    assert_eq!(status, 200);
    assert_eq!(lang_dir(&html(&body)).0, lang);
    assert_eq!(stored(site, address).unwrap().0, "confirmed");
    let (status, _, body) = answer(post(
        &service.local(&unsubscribe),
        "List-Unsubscribe=One-Click",
        &[],
    ));
    assert_eq!(status, 200);
    assert_eq!(lang_dir(&html(&body)).0, lang);
    assert_eq!(stored(site, address).unwrap().0, "unsubscribed");
    let at: Option<String> = db(site)
        .query_row(
            "SELECT unsubscribed_at FROM subscribers WHERE address = ?1",
            [address],
            |r| r.get(0),
        )
        .unwrap();
    assert!(at.is_some(), "the time of the unsubscription is kept");
    // Doing it again changes nothing and still says so.
    let (status, _, _) = answer(post(
        &service.local(&unsubscribe),
        "List-Unsubscribe=One-Click",
        &[],
    ));
    assert_eq!(status, 200);
}

#[test]
fn subscribe_confirm_change_and_leave_in_swedish_and_arabic() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site(server.port);
    let service = Service::start(&site, &[]);
    whole_path(&service, &server, &site, "sv", "anna.svensson@example.org");
    whole_path(&service, &server, &site, "ar", "layla@example.org");
    let log = service.log();
    for address in ["anna.svensson@example.org", "layla@example.org"] {
        assert!(
            !log.contains(address),
            "an address in clear in the log:\n{log}"
        );
    }
    assert!(log.contains("a***@example.org"), "{log}");
}

#[test]
fn the_sites_own_subscribe_page_posts_to_the_service() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site(server.port);
    site.build(&[]).assert_ok();
    // Every page links the subscribe page of its language.
    let home = page(&site.out(), "uk/index.html");
    assert!(hrefs(&home, "footer a").contains(&"/uk/subscribe/".to_owned()));
    let doc = page(&site.out(), "uk/subscribe/index.html");
    let (_, dir) = lang_dir(&doc);
    assert_eq!(dir, "ltr");
    let form = select(&doc, "form.subscribe-form")[0];
    assert_eq!(attr(form, "action"), format!("{SERVICE_URL}/subscribe"));
    let csp = attr(
        select(&doc, "meta[http-equiv=Content-Security-Policy]")[0],
        "content",
    );
    assert!(
        csp.contains(&format!("form-action 'self' {SERVICE_URL};")),
        "{csp}"
    );
    // Submit the form as a browser would: every field with its value, the first radio
    // button checked, the page's language chosen.
    let mut fields: Vec<(String, String)> = Vec::new();
    for input in select_in(form, "input") {
        let (name, value, kind) = (
            attr(input, "name"),
            attr(input, "value"),
            attr(input, "type"),
        );
        match kind.as_str() {
            "checkbox" if value == "oresundsudvalget" => fields.push((name, value)),
            "checkbox" => {}
            "radio" if input.value().attr("checked").is_none() => {}
            "email" => fields.push((name, "olena@example.org".into())),
            _ => fields.push((name, value)),
        }
    }
    let selected = select_in(form, "select option[selected]");
    fields.push(("language".into(), attr(selected[0], "value")));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let service = Service::start(&site, &[]);
    let (status, _, body) = answer(post_form(
        &service.url("/subscribe"),
        &pairs,
        &[
            ("origin", "https://www.ekvik.example"),
            ("sec-fetch-site", "same-site"),
        ],
    ));
    assert_eq!(status, 200, "{body}");
    assert_eq!(lang_dir(&html(&body)).0, "uk");
    assert_eq!(
        stored(&site, "olena@example.org"),
        Some((
            "pending".into(),
            "uk".into(),
            "[\"oresundsudvalget\"]".into(),
            "immediate".into()
        ))
    );
    let message = wait_for_mail(&server, "olena@example.org", 1).remove(0);
    assert_eq!(message.header("content-language"), "uk");

    // A site without `mail:` has no subscribe page and no link to one.
    let plain = TestSite::fixture("minimal");
    plain.build(&[]).assert_ok();
    assert!(
        !html_files(&plain.out())
            .iter()
            .any(|p| p.to_string_lossy().contains("subscribe"))
    );
}

#[test]
fn a_confirmation_link_works_once_and_for_48_hours() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site(server.port);
    let service = Service::start(&site, &[]);
    for address in ["used@example.org", "late@example.org"] {
        let (status, _, _) = answer(post_form(
            &service.url("/subscribe"),
            &[("address", address), ("language", "en")],
            &[],
        ));
        assert_eq!(status, 200);
    }
    let used = confirm_link(&wait_for_mail(&server, "used@example.org", 1)[0]);
    let late = confirm_link(&wait_for_mail(&server, "late@example.org", 1)[0]);

    // Used once, then never again.
    assert_eq!(post(&service.local(&used), "", &[]).status().as_u16(), 200);
    let (status, _, body) = answer(post(&service.local(&used), "", &[]));
    assert_eq!(status, 410);
    let page = html(&body);
    assert_eq!(text(select(&page, "h1")[0]), "This link no longer works");
    assert!(
        hrefs(&page, "main a")
            .iter()
            .any(|h| h.starts_with("/subscribe?lang=en"))
    );
    assert_eq!(get(&service.local(&used)).status().as_u16(), 410);
    assert_eq!(stored(&site, "used@example.org").unwrap().0, "confirmed");

    // 47 hours later, as the service's clock sees it, the other link still works; after 49 it
    // does not, and the page says how to get a new one.
    let after = |hours: i64| (Utc::now() + chrono::Duration::hours(hours)).to_rfc3339();
    drop(service);
    let service = Service::start(&site, &[("ANSLAG_NOW", &after(47))]);
    assert_eq!(get(&service.local(&late)).status().as_u16(), 200);
    drop(service);
    let service = Service::start(&site, &[("ANSLAG_NOW", &after(49))]);
    assert_eq!(get(&service.local(&late)).status().as_u16(), 410);
    let (status, _, body) = answer(post(&service.local(&late), "", &[]));
    assert_eq!(status, 410);
    let page = html(&body);
    assert_eq!(text(select(&page, "h1")[0]), "This link no longer works");
    assert!(page_text(&page).contains("fill in the subscribe form again"));
    assert_eq!(stored(&site, "late@example.org").unwrap().0, "pending");
}

#[test]
fn the_answer_is_the_same_for_new_pending_and_confirmed_addresses() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site(server.port);
    {
        let conn = store::open(&site.path(STORE)).unwrap();
        let then = Utc.with_ymd_and_hms(2026, 10, 1, 8, 0, 0).unwrap();
        let (c, _) = store::subscribe(
            &conn,
            "confirmed@example.org",
            "sv",
            &[],
            Frequency::Daily,
            "test",
            then,
        )
        .unwrap();
        assert!(store::confirm(&conn, c.id, then).unwrap());
        let (m, _) = store::subscribe(
            &conn,
            "member@example.org",
            "sv",
            &[],
            Frequency::Daily,
            "test",
            then,
        )
        .unwrap();
        assert!(store::confirm(&conn, m.id, then).unwrap());
        store::subscribe(
            &conn,
            "pending@example.org",
            "sv",
            &[],
            Frequency::Daily,
            "test",
            then,
        )
        .unwrap();
    }
    let service = Service::start(&site, &[]);
    let ask = |path: &str, address: &str| {
        answer(post_form(
            &service.url(path),
            &[
                ("address", address),
                ("language", "sv"),
                ("topic", "skolmat"),
                ("ui", "sv"),
            ],
            &[("origin", SERVICE_URL)],
        ))
    };
    let new = ask("/subscribe", "new@example.org");
    assert_eq!(new.0, 200);
    assert_eq!(ask("/subscribe", "pending@example.org"), new, "pending");
    assert_eq!(ask("/subscribe", "confirmed@example.org"), new, "confirmed");
    assert_eq!(ask("/subscribe", "not-an-address@@example.org").0, 400);
    // The link form too: the same for an address nobody subscribed and a subscriber.
    let unknown = ask("/manage", "nobody@example.org");
    assert_eq!(
        unknown, new,
        "the link form answers like the subscribe form"
    );
    assert_eq!(ask("/manage", "member@example.org"), unknown);

    // What was sent: confirmations to the new and the pending address, a link to the
    // preferences (not a confirmation, and no change) to the confirmed one, nothing to nobody.
    let confirm_new = wait_for_mail(&server, "new@example.org", 1);
    assert!(confirm_new[0].text().contains("/confirm/"));
    assert!(
        wait_for_mail(&server, "pending@example.org", 1)[0]
            .text()
            .contains("/confirm/")
    );
    for address in ["confirmed@example.org", "member@example.org"] {
        let m = &wait_for_mail(&server, address, 1)[0];
        assert!(m.text().contains("/preferences/") && !m.text().contains("/confirm/"));
    }
    assert_eq!(
        stored(&site, "confirmed@example.org"),
        Some(("confirmed".into(), "sv".into(), "[]".into(), "daily".into())),
        "a form anyone can fill in does not change a confirmed subscriber"
    );
    wait_until_sent(&site);
    assert!(mail_to(&server, "nobody@example.org").is_empty());
    assert_eq!(
        count(
            &site,
            "SELECT count(*) FROM subscribers WHERE address = 'nobody@example.org'"
        ),
        0
    );
}

#[test]
fn rate_limits_per_client_and_per_address_answer_alike_or_say_wait() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site(server.port);
    let service = Service::start(&site, &[("ANSLAG_SERVICE_RATE_PER_MINUTE", "5")]);
    let from = |client: &str, address: &str| {
        answer(post_form(
            &service.url("/subscribe"),
            &[("address", address), ("language", "en")],
            &[("x-forwarded-for", client)],
        ))
    };
    // Per client (behind the trusted proxy on loopback): five posts a minute.
    for i in 0..5 {
        assert_eq!(from("203.0.113.9", &format!("c{i}@example.org")).0, 200);
    }
    let (status, headers, body) = from("203.0.113.9", "c5@example.org");
    assert_eq!(status, 429);
    assert!(headers["retry-after"].parse::<u64>().unwrap() >= 1);
    assert!(body.contains("Wait a minute"));
    assert!(stored(&site, "c5@example.org").is_none(), "nothing stored");
    assert_eq!(
        from("203.0.113.10", "c6@example.org").0,
        200,
        "another client"
    );
    // A client's own X-Forwarded-For is not believed: only the proxy's last entry counts.
    assert_eq!(from("198.51.100.1, 203.0.113.9", "c7@example.org").0, 429);

    wait_until_sent(&site);
    drop(service);

    // Per address: whoever asks, three emails a day at most, and the answer never changes.
    // Requests for one address in the same second of the service's clock queue one message (the
    // second is in the message's key), so each request here is made a second later than the
    // last on the service's clock: by a service started with `ANSLAG_NOW`, which fixes it.
    let start = Utc::now();
    let ask_at = |second: i64| {
        let now = (start + chrono::Duration::seconds(second)).to_rfc3339();
        let env = [
            ("ANSLAG_NOW", now.as_str()),
            ("ANSLAG_SERVICE_RATE_PER_MINUTE", "5"),
        ];
        let service = Service::start(&site, &env);
        let answer = answer(post_form(
            &service.url("/subscribe"),
            &[("address", "target@example.org"), ("language", "en")],
            &[("x-forwarded-for", &format!("198.51.100.{}", 20 + second))],
        ));
        // Sent before the service is stopped, which would leave the message half-sent.
        wait_until_sent(&site);
        answer
    };
    let first = ask_at(0);
    for second in 1..6 {
        assert_eq!(ask_at(second), first);
    }
    wait_for_mail(&server, "target@example.org", 3);
    assert_eq!(mail_to(&server, "target@example.org").len(), 3);
    assert_eq!(
        count(
            &site,
            "SELECT count(*) FROM outbox WHERE address = 'target@example.org'"
        ),
        3
    );
}

#[test]
fn malformed_and_oversized_input_gets_a_clear_answer_and_nothing_is_stored() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site(server.port);
    let service = Service::start(&site, &[("ANSLAG_SERVICE_RATE_PER_MINUTE", "0")]);
    let subscribe = service.url("/subscribe");

    // Not addresses: the form again, saying what is wrong, at the field and above the form.
    for bad in [
        "not-an-address",
        "a@b.example\r\nBcc: victim@example.org",
        "a@b.example\nBcc: victim@example.org",
        &format!("{}@example.org", "a".repeat(250)),
        "",
    ] {
        let (status, _, body) = answer(post_form(
            &subscribe,
            &[("address", bad), ("language", "sv")],
            &[],
        ));
        assert_eq!(status, 400, "{bad:?}");
        let page = html(&body);
        assert_eq!(lang_dir(&page).0, "sv");
        assert!(attr(select(&page, "title")[0], "x").is_empty());
        assert!(
            text(select(&page, "title")[0]).starts_with("Fel:"),
            "{bad:?}"
        );
        assert_eq!(hrefs(&page, ".error-summary a"), vec!["#address"]);
        assert_eq!(attr(select(&page, "#address")[0], "aria-invalid"), "true");
        assert!(text(select(&page, "#address-error")[0]).contains("namn@exempel.se"));
    }
    // Choices that the form does not offer.
    for (field, value) in [
        ("language", "xx"),
        ("topic", "no-such-topic"),
        ("frequency", "hourly"),
    ] {
        let (status, _, body) = answer(post_form(
            &subscribe,
            &[("address", "ok@example.org"), (field, value), ("ui", "en")],
            &[],
        ));
        assert_eq!(status, 400, "{field}={value}");
        assert!(
            body.contains("Choose a language, topics and how often"),
            "{field}"
        );
    }
    // Bodies that are not a form this service reads.
    let cases: Vec<(&str, Vec<u8>, &str, u16, &str)> = vec![
        (
            "too large",
            encode(&[("address", "big@example.org"), ("x", &"y".repeat(9000))]).into_bytes(),
            "application/x-www-form-urlencoded",
            413,
            "too much text",
        ),
        (
            "bad escape",
            b"address=%zz".to_vec(),
            "application/x-www-form-urlencoded",
            400,
            "could not be read",
        ),
        (
            "not UTF-8",
            b"address=a%FF%FE@example.org".to_vec(),
            "application/x-www-form-urlencoded",
            400,
            "could not be read",
        ),
        (
            "twice",
            b"address=a%40example.org&address=b%40example.org".to_vec(),
            "application/x-www-form-urlencoded",
            400,
            "could not be read",
        ),
        (
            "JSON",
            br#"{"address":"json@example.org"}"#.to_vec(),
            "application/json",
            415,
            "could not be read",
        ),
    ];
    for (what, body, content_type, want, says) in cases {
        let r = client()
            .post(&subscribe)
            .header("content-type", content_type)
            .header("accept-language", "en-GB,en;q=0.9")
            .body(body)
            .send()
            .unwrap();
        let (status, headers, body) = answer(r);
        assert_eq!(status, want, "{what}");
        assert_eq!(headers["content-language"], "en", "{what}");
        assert!(body.contains(says), "{what}: {body}");
    }
    // A bot that fills in the hidden field is told it worked.
    let normal = answer(post_form(
        &subscribe,
        &[("address", "human@example.org"), ("ui", "en")],
        &[],
    ));
    let bot = answer(post_form(
        &subscribe,
        &[
            ("address", "bot@example.org"),
            ("ui", "en"),
            ("website", "http://spam.example"),
        ],
        &[],
    ));
    assert_eq!(bot, normal);
    // Posts from another site's page.
    for headers in [
        vec![("origin", "https://evil.example")],
        vec![("origin", "null")],
        vec![("sec-fetch-site", "cross-site")],
    ] {
        let (status, _, body) = answer(post_form(
            &subscribe,
            &[("address", "csrf@example.org")],
            &headers,
        ));
        assert_eq!(status, 403, "{headers:?}");
        assert!(body.contains("another website"));
    }
    // Links that are not links of ours.
    let real = {
        let conn = store::open(&site.path(STORE)).unwrap();
        let (s, _) = store::subscribe(
            &conn,
            "linked@example.org",
            "sv",
            &[],
            Frequency::Daily,
            "test",
            Utc::now(),
        )
        .unwrap();
        store::confirm(&conn, s.id, Utc::now()).unwrap();
        s.id
    };
    let forged = format!(
        "{}.{}",
        anslag::mail::store::base64url(&real.to_be_bytes()),
        "A".repeat(43)
    );
    for path in [
        "/preferences/garbage".to_owned(),
        format!("/preferences/{forged}"),
        format!("/unsubscribe/{forged}"),
        "/confirm/not-a-token".to_owned(),
        format!("/confirm/{}", "x".repeat(300)),
    ] {
        assert_eq!(
            get(&service.url(&path)).status().as_u16(),
            410,
            "GET {path}"
        );
        let r = post_form(&service.url(&path), &[("language", "en")], &[]);
        assert_eq!(r.status().as_u16(), 410, "POST {path}");
    }
    assert_eq!(stored(&site, "linked@example.org").unwrap().0, "confirmed");
    assert_eq!(get(&service.url("/no/such/page")).status().as_u16(), 404);

    wait_until_sent(&site);
    assert_eq!(
        count(&site, "SELECT count(*) FROM subscribers"),
        2,
        "human@ and linked@ only"
    );
    assert_eq!(
        count(
            &site,
            "SELECT count(*) FROM outbox WHERE address != 'human@example.org'"
        ),
        0
    );
    assert!(mail_to(&server, "bot@example.org").is_empty());
}

#[test]
fn health_answers_and_sigterm_stops_the_service_cleanly() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site(server.port);
    let service = Service::start(&site, &[]);
    let (status, headers, body) = answer(get(&service.url("/health")));
    assert_eq!((status, body.trim()), (200, r#"{"status":"ok"}"#));
    assert_eq!(headers["content-type"], "application/json");
    let status = service.terminate();
    assert!(status.success(), "{status}");
}

/// Issue 17, point 2: `publish` and the service cannot use different link keys without saying
/// so, and a refused link is logged with its reason (masked).
#[test]
fn a_link_key_mismatch_stops_publish_and_serve_and_a_refused_link_is_logged() {
    use anslag::mail::links::{LinkKey, Purpose};
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site(server.port);
    let ids =
        crate::common::mail::subscribe(&site, &[("kim@test.example", "sv", &[], Frequency::Daily)]);
    // The service uses the key file beside the store, and records its fingerprint.
    let service = Service::start(&site, &[]);
    // A link signed with another key, as a publish that saw another key would have sent.
    let other = LinkKey::from_bytes([7; 32]);
    let token = other.token(
        Purpose::Unsubscribe,
        ids["kim@test.example"],
        "kim@test.example",
    );
    let (status, _, _) = answer(get(&service.url(&format!("/unsubscribe/{token}"))));
    assert_eq!(status, 410);
    wait_until(Duration::from_secs(10), "the refusal is logged", || {
        service.log().contains("refused a unsubscribe link")
    });
    let log = service.log();
    assert!(log.contains("signed with another link key"), "{log}");
    assert!(
        log.contains("k***@test.example") && !log.contains("kim@"),
        "{log}"
    );
    let (status, _, _) = answer(get(&service.url("/preferences/garbage")));
    assert_eq!(status, 410);
    wait_until(Duration::from_secs(10), "the malformed one too", || {
        service
            .log()
            .contains("refused a preferences link: the token is malformed")
    });
    drop(service);

    // Another key from the environment: both refuse to start, and say what to do.
    let other_hex = "07".repeat(32);
    let publish = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["publish", "--no-compress", "--now", NOW, "--output"])
        .arg(site.out())
        .env("ANSLAG_LINK_KEY", &other_hex)
        .output()
        .unwrap();
    let serve = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["subscriptions", "serve", "--listen", "127.0.0.1:0"])
        .env("ANSLAG_LINK_KEY", &other_hex)
        .output()
        .unwrap();
    for out in [&publish, &serve] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("is not the key this store's links are signed with")
                && err.contains("unset ANSLAG_LINK_KEY"),
            "{err}"
        );
    }
    assert!(server.received().is_empty(), "nothing was sent");
}
