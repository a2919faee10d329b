//! Composing email (issue 5, "Messages"): crisis notices and digests from the example site,
//! rendered to bytes with lettre and read back by a real MIME parser (Python's `email`
//! package), then checked for structure, headers, language, accessibility and what must never
//! be sent (a closed agenda item's text and case number).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use anslag::build::{BuildOptions, render_all};
use anslag::content::document::Document;
use anslag::i18n::{I18n, args};
use anslag::mail::compose::{
    self, CONFIRM_VALID_HOURS, Composed, Envelope, MailContext, PREFERENCES_PLACEHOLDER,
    UNSUBSCRIBE_PLACEHOLDER,
};
use anslag::mail::settings::{DkimSettings, MailSettings, SmtpSettings};
use anslag::mail::{Frequency, Status, Subscriber};
use anslag::site::Site;
use anslag::theme::templates::{self, Templates};
use chrono::{DateTime, TimeZone, Utc};
use fluent_bundle::FluentValue;
use scraper::{Html, Selector};
use tempfile::TempDir;

use crate::common::mime::{Parsed, parse};

const NOW: &str = "2026-11-22T12:00:00+01:00";
const BASE: &str = "https://www.ekvik.example";
const SERVICE: &str = "https://prenumeration.ekvik.example";
/// The closed item of the Øresund Committee's minutes: its text and its case number.
const CLOSED_TEXT: &str = "Fortrolig oplysning om tjenestemand Eskildsen";
const CLOSED_CASE: &str = "81.02.00-G01-9-26";
const CRISIS: &str = "schools-closed-water";

struct Fixture {
    _out: TempDir,
    site: Site,
    i18n: Arc<I18n>,
    templates: Templates,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example site's model, its strings and templates, loaded the way a build loads them.
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let out = crate::common::temp_dir();
        let (site, _, _) = render_all(&BuildOptions {
            root: root(),
            output: out.path().join("public"),
            clock: anslag::site::clock::Clock::from_flag(Some(NOW)).unwrap(),
            drafts: false,
            compress: false,
        })
        .unwrap_or_else(|e| panic!("the example site does not build:\n{e}"));
        let (i18n, _) = I18n::load(&root(), &site.config)
            .unwrap_or_else(|e| panic!("the locales do not load:\n{e}"));
        let i18n = Arc::new(i18n);
        let templates = templates::environment(&root(), &site.config, i18n.clone())
            .unwrap_or_else(|e| panic!("the templates do not compile:\n{e}"));
        Fixture {
            _out: out,
            site,
            i18n,
            templates,
        }
    })
}

fn settings(dkim: Option<DkimSettings>) -> MailSettings {
    MailSettings {
        store: ".anslag/subscribers.sqlite".into(),
        from: "Ekviks kommun <nyheter@ekvik.example>".into(),
        reply_to: Some("kommun@ekvik.example".into()),
        list_id: "nyheter.ekvik.example".into(),
        service_url: SERVICE.into(),
        digest_time: "07:00".into(),
        weekly_day: "monday".into(),
        smtp: SmtpSettings {
            host: "127.0.0.1".into(),
            port: Some(2525),
            security: Default::default(),
            username_env: None,
            password_env: None,
            connections: 1,
            ca_file: None,
            connect_timeout: 10,
        },
        dkim,
        service: Default::default(),
        bounce_address: None,
        bounces: Default::default(),
        retention: Default::default(),
    }
}

fn ctx<'a>(f: &'a Fixture, settings: &'a MailSettings) -> MailContext<'a> {
    MailContext {
        site: &f.site,
        i18n: &f.i18n,
        templates: &f.templates,
        settings,
    }
}

fn subscriber(id: i64, lang: &str, topics: &[&str], consent: DateTime<Utc>) -> Subscriber {
    Subscriber {
        id,
        address: format!("person{id}@example.org"),
        language: lang.into(),
        topics: topics.iter().map(|t| (*t).to_owned()).collect(),
        frequency: Frequency::Weekly,
        status: Status::Confirmed,
        consent_at: consent,
        consent_source: "form".into(),
    }
}

fn early() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

fn doc<'a>(f: &'a Fixture, slug: &str) -> &'a Document {
    f.site
        .documents
        .iter()
        .find(|d| d.slug == slug)
        .unwrap_or_else(|| panic!("no document {slug}"))
}

fn unsubscribe_url(id: i64) -> String {
    format!("{SERVICE}/unsubscribe/tok{id}?l=x&v=1")
}

fn preferences_url(id: i64) -> String {
    format!("{SERVICE}/preferences/tok{id}")
}

/// Addresses the message as the sender will, and renders it to bytes.
fn send(ctx: &MailContext, composed: &Composed, id: i64, urgent: bool) -> (Vec<u8>, String) {
    let to = format!("person{id}@example.org");
    let message_id = format!("<msg{id}.{}@ekvik.example>", composed.lang);
    let unsub = unsubscribe_url(id);
    let prefs = preferences_url(id);
    let m = compose::message(
        ctx,
        composed,
        &Envelope {
            to: &to,
            message_id: &message_id,
            date: Utc.with_ymd_and_hms(2026, 11, 22, 6, 45, 0).unwrap(),
            unsubscribe_url: Some(&unsub),
            preferences_url: Some(&prefs),
            urgent,
            return_path: None,
        },
    )
    .unwrap_or_else(|e| panic!("cannot build the message: {e}"));
    let bytes = m.formatted();
    // To look at the messages: ANSLAG_TEST_MAIL_DUMP=/some/folder cargo test --test mail_compose
    if let Some(dir) = std::env::var_os("ANSLAG_TEST_MAIL_DUMP") {
        let name = format!(
            "{}-{id}-{}.eml",
            composed.lang,
            if urgent { "crisis" } else { "digest" }
        );
        std::fs::write(Path::new(&dir).join(name), &bytes).expect("write the message");
    }
    (bytes, message_id)
}

/// What every message must be: multipart/alternative with UTF-8 text then HTML, the list
/// headers, `lang` and `dir` on `<html>`, presentation tables, no images, absolute links.
fn check_common(p: &Parsed, message_id: &str, lang: &str, dir: &str, unsubscribe: Option<&str>) {
    assert!(p.defects.is_empty(), "MIME defects: {:?}", p.defects);
    assert_eq!(p.content_type, "multipart/alternative");
    let types: Vec<&str> = p.parts.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(types, ["text/plain", "text/html"]);
    for (t, charset, _) in &p.parts {
        assert_eq!(charset, "utf-8", "charset of {t}");
    }

    // `mail.from` names the organisation in the default language: the message names it in its
    // own (site.yaml's `organisation.name`).
    let organisation = match lang {
        "sv" => "Ekviks kommun",
        "en" => "Ekvik Municipality",
        "da" => "Ekvik Kommune",
        "so" => "Degmada Ekvik",
        "ar" => "بلدية إيكفيك",
        "fa" => "شهرداری اکویک",
        other => panic!("no organisation name for {other} in this test"),
    };
    assert_eq!(
        p.header("From"),
        format!("{organisation} <nyheter@ekvik.example>")
    );
    assert_eq!(p.header("Reply-To"), "kommun@ekvik.example");
    assert!(p.header("To").ends_with("@example.org"));
    assert_eq!(p.header("Date"), "Sun, 22 Nov 2026 06:45:00 +0000");
    assert_eq!(p.header("Message-ID"), message_id);
    assert_eq!(p.header("List-Id"), "Ekviks kommun <nyheter.ekvik.example>");
    assert_eq!(p.header("Auto-Submitted"), "auto-generated");
    assert_eq!(p.header("Content-Language"), lang);
    assert_eq!(p.header("MIME-Version"), "1.0");
    match unsubscribe {
        Some(u) => {
            assert!(u.starts_with("https://"));
            assert_eq!(p.header("List-Unsubscribe"), format!("<{u}>"));
            assert_eq!(
                p.header("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click"
            );
        }
        None => {
            assert!(!p.has("List-Unsubscribe") && !p.has("List-Unsubscribe-Post"));
        }
    }

    let html = p.html();
    let text = p.text();
    assert!(
        html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
        "no <html lang=\"{lang}\" dir=\"{dir}\">"
    );
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    assert_eq!(root.value().attr("lang"), Some(lang));
    assert_eq!(root.value().attr("dir"), Some(dir));
    // Layout tables are presentation; only a document's own data tables (with headers) are not.
    let tables: Vec<_> = doc.select(&Selector::parse("table").unwrap()).collect();
    let th = Selector::parse("th").unwrap();
    let layout = tables
        .iter()
        .filter(|t| t.value().attr("role") == Some("presentation"))
        .count();
    assert!(layout >= 2, "the layout is not made of presentation tables");
    for t in &tables {
        assert!(
            t.value().attr("role") == Some("presentation") || t.select(&th).next().is_some(),
            "a layout table without role=\"presentation\": {}",
            t.html().chars().take(200).collect::<String>()
        );
    }
    assert!(
        !html.to_ascii_lowercase().contains("<img"),
        "an image in the HTML"
    );
    assert!(
        !html.contains("<style") && !html.contains("<link"),
        "CSS not inlined"
    );
    for a in doc.select(&Selector::parse("[href], [src]").unwrap()) {
        let url = a.value().attr("href").or(a.value().attr("src")).unwrap();
        assert!(
            url.starts_with("https://") || url.starts_with("mailto:") || url.starts_with("tel:"),
            "a link that is not absolute: {url}"
        );
        assert!(!url.contains("anslag.invalid"), "a placeholder left: {url}");
    }
    for el in doc.select(&Selector::parse("[style]").unwrap()) {
        let style = el.value().attr("style").unwrap();
        assert!(!style.contains("url("), "a style loads something: {style}");
    }

    check_text_urls(text);
    for line in text.lines() {
        // Isolates, joiners and combining marks (Arabic harakat) take no width.
        let width = line
            .chars()
            .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2066}'..='\u{2069}' | '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}'))
            .count();
        assert!(
            width <= 72 || line.contains("://") || !line.trim().contains(' '),
            "a long line in the text part: {line:?}"
        );
    }
    assert!(
        !text.contains("anslag.invalid"),
        "a placeholder left in the text"
    );

    for part in [text, html] {
        assert!(
            !part.contains(CLOSED_TEXT),
            "the closed item's text was sent"
        );
        assert!(
            !part.contains(CLOSED_CASE),
            "the closed item's case number was sent"
        );
    }
}

/// Every address in the text part is written out in full.
fn check_text_urls(text: &str) {
    for raw in text.split(|c: char| c.is_whitespace() || "<>()[]\"".contains(c)) {
        let token =
            raw.trim_matches(|c: char| ",.;:!?\u{2066}\u{2067}\u{2068}\u{2069}".contains(c));
        if token.contains("://") {
            assert!(
                token.starts_with("https://"),
                "not an absolute HTTPS URL: {token}"
            );
        }
        for prefix in ["/sv/", "/en/", "/da/", "/ar/", "/so/", "/files/", "#"] {
            assert!(
                !(token.starts_with(prefix) && token.len() > prefix.len()),
                "a relative link in the text part: {token}"
            );
        }
    }
}

/// Text with its lines joined, for finding a sentence that the text part wraps.
fn flat(s: &str) -> String {
    s.replace(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn crisis_notices_go_out_in_each_language_with_an_urgent_subject() {
    let f = fixture();
    let s = settings(None);
    let c = ctx(f, &s);
    let notice = doc(f, CRISIS);
    assert!(
        notice.get("da").is_none(),
        "the example's crisis notice exists in Danish"
    );
    // (subscriber's language, the message's direction, the language the notice is shown in,
    // the urgent marker)
    let cases = [
        ("ar", "rtl", "ar", "عاجل"),
        ("so", "ltr", "so", "DEGDEG"),
        ("da", "ltr", "sv", "BRÅDSKANDE"),
        ("sv", "ltr", "sv", "BRÅDSKANDE"),
    ];
    for (n, (lang, dir, shown, urgent)) in cases.into_iter().enumerate() {
        let id = n as i64 + 1;
        // Topics and frequency do not matter for a crisis notice.
        let sub = subscriber(id, lang, &["skolmat"], early());
        let composed =
            compose::crisis(&c, &sub.language, notice).unwrap_or_else(|e| panic!("{lang}: {e}"));
        // The message is in the language of the text sent (issue 17): subject,
        // Content-Language and From name too.
        assert_eq!(composed.lang, shown);
        let (bytes, message_id) = send(&c, &composed, id, true);
        let p = parse(&bytes);
        let unsub = unsubscribe_url(id);
        check_common(&p, &message_id, shown, dir, Some(&unsub));
        assert_eq!(p.header("Importance"), "high");
        assert_eq!(p.header("Priority"), "urgent");

        let tr = notice.get(shown).unwrap();
        let subject = p.header("Subject");
        let clean: String = subject
            .chars()
            .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
            .collect();
        assert!(
            clean.starts_with(&format!("{urgent}: ")),
            "{lang}: subject {subject:?}"
        );
        assert!(
            clean.contains(&tr.title),
            "{lang}: subject {subject:?} lacks the title"
        );

        let (text, html) = (p.text(), p.html());
        // The whole notice, its instruction and the way to the page and the reader's links.
        let instruction = tr.notice().unwrap().instruction.as_deref().unwrap();
        assert!(
            flat(text).contains(&flat(&tr.title)),
            "{lang}: title not in the text"
        );
        assert!(
            flat(text).contains(&flat(instruction)),
            "{lang}: the instruction is not in the text"
        );
        let page = format!("{BASE}/{shown}/notices/{CRISIS}/");
        assert!(
            text.contains(&page) && html.contains(&page),
            "{lang}: no link to {page}"
        );
        assert!(text.contains(&unsub) && text.contains(&preferences_url(id)));
        assert!(
            html.contains(&unsub.replace('&', "&amp;")),
            "{lang}: unsubscribe link"
        );
        let doc_html = Html::parse_document(html);
        let block = doc_html
            .select(&Selector::parse(&format!("div[lang=\"{shown}\"]")).unwrap())
            .next()
            .unwrap_or_else(|| panic!("{lang}: no block in lang={shown}"));
        let shown_dir = if shown == "ar" { "rtl" } else { "ltr" };
        assert_eq!(block.value().attr("dir"), Some(shown_dir));
        let h1 = block
            .select(&Selector::parse("h1").unwrap())
            .next()
            .unwrap();
        assert_eq!(h1.text().collect::<String>(), tr.title);
        // The notice's own table is there, as text records in the plain part.
        assert!(
            block
                .select(&Selector::parse("table th").unwrap())
                .next()
                .is_some()
        );

        if lang == "da" {
            // In Swedish, the language sent, it says that it is not in the reader's.
            let expected = "Finns inte på Dansk. Finns på: Svenska, English, Suomi, Polski, Українська, Soomaali, العربية, فارسی.";
            assert!(
                flat(text).contains(expected),
                "no fallback label in the text to the Danish reader:\n{text}"
            );
            let label = doc_html
                .select(&Selector::parse("p").unwrap())
                .map(|p| p.text().collect::<String>())
                .find(|t| t.starts_with("Finns inte på"))
                .expect("no fallback label in the HTML to the Danish reader");
            assert_eq!(label, expected);
            assert!(
                html.contains("<bdi lang=\"ar\" dir=\"rtl\">العربية</bdi>"),
                "names not isolated"
            );
            // The message's own words are Swedish too, as its Content-Language says.
            assert!(
                text.contains("Det här behöver du göra")
                    && text.contains("Avsluta prenumerationen")
            );
        } else {
            assert!(!text.contains("Finns inte på") && !text.contains("Not available in"));
        }
    }
}

#[test]
fn digests_hold_exactly_the_matching_documents() {
    let f = fixture();
    let slugs = |docs: Vec<&Document>| docs.iter().map(|d| d.slug.clone()).collect::<Vec<_>>();
    let none = |_: &Document| false;

    // A committee is a topic: its minutes, and what is tagged with it. The crisis notice in
    // force comes first whatever the topics.
    let da = subscriber(10, "da", &["oresundsudvalget"], early());
    assert_eq!(
        slugs(compose::digest_documents(&f.site, &da, &none)),
        [CRISIS, "oresundsudvalget", "gemensam-skolkalender"]
    );
    let sv = subscriber(11, "sv", &["skolskjuts"], early());
    assert_eq!(
        slugs(compose::digest_documents(&f.site, &sv, &none)),
        [
            CRISIS,
            "school-transport-roadworks",
            "barn-och-utbildningsnamnden"
        ]
    );
    // Everything since consent, less what was sent already; never what was published before.
    let en = subscriber(
        12,
        "en",
        &[],
        Utc.with_ymd_and_hms(2026, 11, 10, 0, 0, 0).unwrap(),
    );
    let sent = |d: &Document| d.slug == CRISIS;
    assert_eq!(
        slugs(compose::digest_documents(&f.site, &en, &sent)),
        [
            "drinking-water-schools-closed",
            "preschool-planning-day",
            "school-transport-roadworks",
            "barn-och-utbildningsnamnden"
        ]
    );
    let late = subscriber(
        13,
        "sv",
        &["hamnskolan"],
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
    );
    assert_eq!(
        slugs(compose::digest_documents(&f.site, &late, &none)),
        [CRISIS]
    );
    assert!(compose::digest_documents(&f.site, &late, &sent).is_empty());

    let s = settings(None);
    let c = ctx(f, &s);
    let all: Vec<&str> = f.site.documents.iter().map(|d| d.slug.as_str()).collect();
    for (sub, frequency) in [
        (&da, Frequency::Weekly),
        (&sv, Frequency::Daily),
        (&en, Frequency::Immediate),
    ] {
        let docs = compose::digest_documents(&f.site, sub, &sent);
        let composed = compose::digest(&c, &sub.language, &docs, frequency).unwrap();
        let (bytes, message_id) = send(&c, &composed, sub.id, false);
        let p = parse(&bytes);
        check_common(
            &p,
            &message_id,
            &sub.language,
            "ltr",
            Some(&unsubscribe_url(sub.id)),
        );
        assert!(!p.has("Importance"), "a digest is not urgent");
        let (text, html) = (p.text(), p.html());
        let site_title = f.site.config.site.title.get(&sub.language, "sv");
        let expected_subject = f.i18n.t(
            &sub.language,
            "mail-digest-subject",
            Some(&args([
                ("site", FluentValue::from(site_title.to_owned())),
                ("count", FluentValue::from(docs.len())),
            ])),
        );
        assert_eq!(p.header("Subject"), expected_subject);
        // Exactly the matching documents: each one's page is linked, no other document's.
        for slug in &all {
            let d = doc(f, slug);
            let tr = d.for_reader(&sub.language, "sv");
            let url = format!("{BASE}{}", d.url(&tr.lang));
            let wanted = docs.iter().any(|x| x.slug == *slug);
            assert_eq!(
                text.contains(&url),
                wanted,
                "{}: {slug} in the text: {wanted}",
                sub.language
            );
            assert_eq!(
                html.contains(&url),
                wanted,
                "{}: {slug} in the HTML: {wanted}",
                sub.language
            );
            if wanted {
                assert!(flat(text).contains(&flat(&tr.title)), "{slug}: title");
            }
        }
    }
    assert_eq!(
        compose::digest_documents(&f.site, &da, &sent).len(),
        2,
        "the Danish digest without the crisis notice"
    );

    // The Danish digest shows the closed item only as its heading and label.
    let docs = compose::digest_documents(&f.site, &da, &none);
    let composed = compose::digest(&c, &da.language, &docs, Frequency::Weekly).unwrap();
    let (bytes, message_id) = send(&c, &composed, da.id, false);
    let p = parse(&bytes);
    check_common(&p, &message_id, "da", "ltr", Some(&unsubscribe_url(da.id)));
    let text = p.text();
    assert!(
        text.contains("Punkt 6: Lukket punkt: Personalesag (Lukket punkt)"),
        "{text}"
    );
    assert!(text.contains("Punkt 3: Fælles skolekalender fra skoleåret 2027/28"));
    // The crisis notice does not exist in Danish: labelled, shown in Swedish.
    assert!(
        flat(text).contains("Findes ikke på Dansk. Findes på: Svenska"),
        "{text}"
    );
    let html = Html::parse_document(p.html());
    let blocks: Vec<_> = html
        .select(&Selector::parse("div[lang][dir]").unwrap())
        .map(|e| e.value().attr("lang").unwrap().to_owned())
        .collect();
    assert_eq!(blocks, ["sv", "da", "da"]);
    // Nothing to send is an error, not an empty message.
    assert!(compose::digest(&c, &da.language, &[], Frequency::Daily).is_err());
}

#[test]
fn the_confirmation_message_has_its_link_and_says_when_it_expires() {
    let f = fixture();
    let s = settings(None);
    let c = ctx(f, &s);
    let url = "https://prenumeration.ekvik.example/confirm/abc123?x=1&y=2";
    let composed = compose::confirmation(&c, "ny@example.org", "fa", url).unwrap();
    let m = compose::message(
        &c,
        &composed,
        &Envelope {
            to: "ny@example.org",
            message_id: "<confirm.1@ekvik.example>",
            date: Utc.with_ymd_and_hms(2026, 11, 22, 6, 45, 0).unwrap(),
            unsubscribe_url: None,
            preferences_url: None,
            urgent: false,
            return_path: None,
        },
    )
    .unwrap();
    let bytes = m.formatted();
    if let Some(dir) = std::env::var_os("ANSLAG_TEST_MAIL_DUMP") {
        std::fs::write(Path::new(&dir).join("fa-confirm.eml"), &bytes).unwrap();
    }
    let p = parse(&bytes);
    check_common(&p, "<confirm.1@ekvik.example>", "fa", "rtl", None);
    let (text, html) = (p.text(), p.html());
    assert!(text.contains(url), "{text}");
    assert!(html.contains(&format!("href=\"{}\"", url.replace('&', "&amp;"))));
    let expires = f.i18n.t(
        "fa",
        "mail-confirm-expires",
        Some(&args([("hours", FluentValue::from(CONFIRM_VALID_HOURS))])),
    );
    assert!(expires.contains('۴'), "Persian digits: {expires}");
    assert!(flat(text).contains(&flat(&expires)) && html.contains(&expires));
    assert!(text.contains("ny@example.org"));
    assert!(!text.contains(PREFERENCES_PLACEHOLDER) && !text.contains(UNSUBSCRIBE_PLACEHOLDER));
    let subject = p.header("Subject");
    assert!(subject.contains("شهرداری اکویک"), "{subject}");
}

fn openssl(args: &[&str]) -> String {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .expect("run openssl to make a DKIM key");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The DKIM keys of [`messages_are_dkim_signed_when_a_key_is_configured`], each in the
/// environment variable that `mail.dkim.key_env` names, and the algorithm it signs with.
const DKIM_KEYS: [(&str, &str); 3] = [
    ("ANSLAG_TEST_DKIM_RSA", "rsa-sha256"),
    ("ANSLAG_TEST_DKIM_RSA_PKCS1", "rsa-sha256"),
    ("ANSLAG_TEST_DKIM_ED25519", "ed25519-sha256"),
];

/// Set in the child process that [`messages_are_dkim_signed_when_a_key_is_configured`] runs.
const DKIM_CHILD: &str = "ANSLAG_TEST_DKIM_CHILD";

/// The library reads a DKIM key from the environment, and this process's environment is shared
/// with the tests running beside this one: setting variables in it is not safe. So the test
/// runs itself again, alone, in a child process of this test binary, with the keys (made here
/// with openssl) in the child's environment from its start.
#[test]
fn messages_are_dkim_signed_when_a_key_is_configured() {
    if std::env::var_os(DKIM_CHILD).is_some() {
        return dkim_signing_with_the_keys_in_the_environment();
    }
    let pems = [
        openssl(&[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
        ]),
        openssl(&["genrsa", "-traditional", "2048"]),
        openssl(&["genpkey", "-algorithm", "ed25519"]),
    ];
    // libtest names tests by their path without the crate's name.
    let (_, module) = module_path!().split_once("::").unwrap();
    let name = format!("{module}::messages_are_dkim_signed_when_a_key_is_configured");
    let mut child = Command::new(std::env::current_exe().expect("the test binary's path"));
    child.args([&name, "--exact", "--test-threads=1"]);
    child.env(DKIM_CHILD, "1");
    for ((var, _), pem) in DKIM_KEYS.iter().zip(&pems) {
        child.env(var, pem);
    }
    let out = child.output().expect("run the test binary");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "in the child process:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn dkim_signing_with_the_keys_in_the_environment() {
    let f = fixture();
    for (var, algorithm) in &DKIM_KEYS {
        let pem = std::env::var(var).unwrap_or_else(|_| panic!("{var} is not set"));
        let s = settings(Some(DkimSettings {
            domain: "ekvik.example".into(),
            selector: "anslag2026".into(),
            key_env: (*var).into(),
        }));
        compose::check_dkim(&s).unwrap_or_else(|e| panic!("{var}: {e}"));
        let c = ctx(f, &s);
        let sub = subscriber(20, "sv", &[], early());
        let composed = compose::crisis(&c, &sub.language, doc(f, CRISIS)).unwrap();
        let (bytes, message_id) = send(&c, &composed, 20, true);
        if let Some(dir) = std::env::var_os("ANSLAG_TEST_MAIL_DUMP") {
            // The message and its throwaway key, to verify the signature with another tool.
            std::fs::write(Path::new(&dir).join(format!("{var}.eml")), &bytes).unwrap();
            std::fs::write(Path::new(&dir).join(format!("{var}.pem")), pem).unwrap();
        }
        let p = parse(&bytes);
        check_common(&p, &message_id, "sv", "ltr", Some(&unsubscribe_url(20)));
        let sig = p
            .header("DKIM-Signature")
            .replace(['\r', '\n', ' ', '\t'], "");
        let tags: BTreeMap<&str, &str> =
            sig.split(';').filter_map(|kv| kv.split_once('=')).collect();
        assert_eq!(tags.get("d"), Some(&"ekvik.example"), "{sig}");
        assert_eq!(tags.get("s"), Some(&"anslag2026"), "{sig}");
        assert_eq!(tags.get("a"), Some(algorithm), "{sig}");
        assert_eq!(tags.get("c"), Some(&"relaxed/relaxed"), "{sig}");
        let signed: Vec<&str> = tags["h"].split(':').collect();
        for h in [
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "list-id",
            "list-unsubscribe",
            "list-unsubscribe-post",
        ] {
            assert!(signed.contains(&h), "{h} is not signed: {sig}");
        }
        assert!(tags["bh"].len() >= 40 && tags["b"].len() >= 80, "{sig}");
    }

    // A configured key that is missing is a clear error, not an unsigned message.
    let s = settings(Some(DkimSettings {
        domain: "ekvik.example".into(),
        selector: "anslag2026".into(),
        key_env: "ANSLAG_TEST_DKIM_NOT_SET".into(),
    }));
    let e = compose::check_dkim(&s).unwrap_err().to_string();
    assert!(
        e.contains("ANSLAG_TEST_DKIM_NOT_SET") && e.contains("not set"),
        "{e}"
    );
    let c = ctx(f, &s);
    let composed =
        compose::confirmation(&c, "a@example.org", "sv", "https://p.example/c/1").unwrap();
    let r = compose::message(
        &c,
        &composed,
        &Envelope {
            to: "a@example.org",
            message_id: "<x@ekvik.example>",
            date: Utc::now(),
            unsubscribe_url: None,
            preferences_url: None,
            urgent: false,
            return_path: None,
        },
    );
    assert!(r.is_err());
}

#[test]
fn the_templates_ship_with_the_theme() {
    for name in ["layout", "digest", "crisis", "confirm", "manage"] {
        for ext in ["html", "txt"] {
            let n = format!("mail/{name}.{ext}");
            assert!(
                templates::EMBEDDED.iter().any(|(e, _)| *e == n),
                "{n} is not compiled in"
            );
            assert!(
                Path::new(&root())
                    .join("themes/default/templates")
                    .join(&n)
                    .is_file()
            );
        }
    }
}
