//! The service's endpoints, all below the path of `mail.service_url`:
//!
//! | method and path | what it does |
//! |---|---|
//! | `GET /`, `GET /subscribe?lang=xx` | the subscribe form |
//! | `POST /subscribe` | subscribes (pending) and queues a confirmation; the same answer for every address |
//! | `POST /manage` | queues a link to the preferences page for a confirmed address; the same answer for every address |
//! | `GET /confirm/{token}` | a page with a button (a GET confirms nothing: mail scanners follow links) |
//! | `POST /confirm/{token}` | confirms; the token works once, for 48 hours |
//! | `GET`, `POST /preferences/{token}` | shows and changes language, topics and frequency |
//! | `GET /unsubscribe/{token}` | a page with a button |
//! | `POST /unsubscribe/{token}` | unsubscribes: the button, or a mail program's RFC 8058 one-click `POST` |
//! | `GET /data/{token}` | everything stored about the subscriber, as a JSON download (the preferences link's token) |
//! | `GET /erase/{token}` | a page that says what erasing does, with a button |
//! | `POST /erase/{token}` | erases everything about the subscriber but a salted hash of the address |
//! | `GET /health` | whether the store answers |
//!
//! Every `POST` except the one-click unsubscription must come from a page of the service or the
//! site (`Origin`, else `Sec-Fetch-Site`), so that another site cannot make a visitor's browser
//! post for it; and counts against its client's rate limit.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::Service;
use super::forms::{self, Choices, PreferencesForm, Problems};
use super::limits::client_address;
use super::pages::{LinkView, Message, Selected, html_response, negotiate, security_headers};
use super::sender::MANAGE_KEY_PREFIX;
use crate::mail::links::{LinkKey, Purpose};
use crate::mail::outbox::{self, MessageKind, NewRow};
use crate::mail::store::{self, Outcome, StoreError, timestamp};
use crate::mail::subscribers::mask;
use crate::mail::{Status, Subscriber};

/// The largest request body the service reads.
pub const BODY_LIMIT: usize = 8 * 1024;

pub fn router(svc: Arc<Service>) -> Router {
    let p = svc.pages.prefix.clone();
    let mut r = Router::new()
        .route(&format!("{p}/"), get(subscribe_page))
        .route(
            &format!("{p}/subscribe"),
            get(subscribe_page).post(subscribe),
        )
        .route(&format!("{p}/manage"), post(manage))
        .route(
            &format!("{p}/confirm/{{token}}"),
            get(confirm_page).post(confirm),
        )
        .route(
            &format!("{p}/preferences/{{token}}"),
            get(preferences_page).post(save_preferences),
        )
        .route(
            &format!("{p}/unsubscribe/{{token}}"),
            get(unsubscribe_page).post(unsubscribe),
        )
        .route(&format!("{p}/data/{{token}}"), get(download_data))
        .route(&format!("{p}/erase/{{token}}"), get(erase_page).post(erase))
        .route(&format!("{p}/health"), get(health))
        .route(&svc.pages.stylesheet, get(stylesheet));
    if !p.is_empty() {
        r = r.route(&p, get(subscribe_page));
    }
    r.fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(svc)
}

type Svc = State<Arc<Service>>;

// ---------------------------------------------------------------------------------------------
// Helpers.

fn header_str(headers: &HeaderMap, name: impl axum::http::header::AsHeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// `lang` of the query string, if any.
fn query_lang(query: Option<&str>) -> Option<String> {
    let fields = forms::parse_urlencoded(query?.as_bytes()).ok()?;
    fields
        .into_iter()
        .find(|(n, _)| n == "lang")
        .map(|(_, v)| v)
}

fn lang_for(svc: &Service, asked: Option<&str>, headers: &HeaderMap) -> String {
    negotiate(
        &svc.pages.site,
        asked,
        header_str(headers, header::ACCEPT_LANGUAGE),
    )
}

/// A subscriber's language if the site still has it, else what the request asks for.
fn subscriber_lang(
    svc: &Service,
    sub: &Subscriber,
    asked: Option<&str>,
    headers: &HeaderMap,
) -> String {
    let own = svc
        .pages
        .site
        .config
        .language(&sub.language)
        .map(|_| sub.language.as_str());
    lang_for(svc, asked.or(own), headers)
}

/// A rendered page, or, if the template fails, a plain error (and a line in the log).
fn page(
    svc: &Service,
    status: StatusCode,
    lang: &str,
    html: Result<String, crate::diagnostics::Diagnostic>,
) -> Response {
    match html {
        Ok(html) => html_response(status, lang, html),
        Err(d) => {
            svc.log
                .error(format!("a page could not be made: {}", d.message));
            let mut r = (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The page could not be made. Please try again later.\n",
            )
                .into_response();
            security_headers(r.headers_mut());
            r
        }
    }
}

fn message(svc: &Service, lang: &str, m: Message) -> Response {
    message_with(svc, lang, m, &[])
}

fn message_with(svc: &Service, lang: &str, m: Message, links: &[LinkView]) -> Response {
    let mut r = page(
        svc,
        m.status(),
        lang,
        svc.pages.message_html(lang, m, links),
    );
    if matches!(m, Message::TooManyRequests | Message::Unavailable) {
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    }
    r
}

/// The answer to the subscribe and link forms: the same bytes for every address.
fn sent(svc: &Service, lang: &str) -> Response {
    html_response(StatusCode::OK, lang, svc.pages.sent(lang))
}

fn unavailable(svc: &Service, lang: &str, e: impl std::fmt::Display) -> Response {
    svc.log.error(format!("the subscriber store failed: {e}"));
    message(svc, lang, Message::Unavailable)
}

/// Whether a `POST` comes from a page of ours: its `Origin` is the service's, the site's, one
/// configured, or the host it was sent to; without `Origin` (or with `null`), unless the
/// browser says it comes from another site (`Sec-Fetch-Site`). Programs that send neither
/// header are not browsers, and so not the victims of forged requests.
pub fn from_our_pages(headers: &HeaderMap, allowed: &[String]) -> bool {
    let fetch_site = header_str(headers, "sec-fetch-site");
    match header_str(headers, header::ORIGIN)
        .map(|o| o.trim().trim_end_matches('/').to_ascii_lowercase())
    {
        Some(o) if o == "null" => matches!(fetch_site, Some("same-origin" | "same-site")),
        Some(o) => {
            allowed.contains(&o)
                || o.split_once("://").is_some_and(|(_, host)| {
                    header_str(headers, header::HOST).is_some_and(|h| h.eq_ignore_ascii_case(host))
                })
        }
        None if headers.contains_key(header::ORIGIN) => false,
        None => fetch_site != Some("cross-site"),
    }
}

/// The checks every form post passes: where it comes from, and the client's rate limit.
fn guard(
    svc: &Service,
    peer: SocketAddr,
    headers: &HeaderMap,
    lang: &str,
) -> Result<IpAddr, Response> {
    let client = client_address(peer.ip(), headers, &svc.policy.trusted_proxies);
    if !from_our_pages(headers, &svc.policy.allowed_origins) {
        svc.log.detail(format!(
            "refused a post from another site ({})",
            header_str(headers, header::ORIGIN).unwrap_or("no Origin")
        ));
        return Err(message(svc, lang, Message::ForeignOrigin));
    }
    if let Err(wait) = svc.limiter.check(client, Instant::now()) {
        svc.log.detail(format!("rate limit reached by {client}"));
        let mut r = message(svc, lang, Message::TooManyRequests);
        let secs = wait.as_secs().max(1).to_string();
        if let Ok(v) = HeaderValue::from_str(&secs) {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return Err(r);
    }
    Ok(client)
}

/// The fields of a form post, or the page that says what is wrong with it.
fn read_form(
    svc: &Service,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    lang: &str,
) -> Result<Vec<(String, String)>, Response> {
    let urlencoded = header_str(headers, header::CONTENT_TYPE).is_some_and(|ct| {
        ct.split(';').next().is_some_and(|m| {
            m.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
    });
    if !urlencoded {
        return Err(message(svc, lang, Message::UnsupportedType));
    }
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(message(svc, lang, Message::TooLarge));
        }
        Err(_) => return Err(message(svc, lang, Message::BadForm)),
    };
    forms::parse_urlencoded(&body).map_err(|e| {
        svc.log.detail(format!("a form could not be read: {e}"));
        message(svc, lang, Message::BadForm)
    })
}

/// The language to answer a form in: the page's it came from, else its chosen language.
fn form_lang(svc: &Service, form: &PreferencesForm, fallback: String) -> String {
    let config = &svc.pages.site.config;
    [form.ui.as_deref(), form.language.as_deref()]
        .into_iter()
        .flatten()
        .find(|l| config.language(l).is_some())
        .map_or(fallback, str::to_owned)
}

/// What a form post queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Queued {
    Yes,
    /// Nothing new (the same message queued this very second, or nothing to send).
    No,
    /// The address has had its emails for today.
    Limited,
}

/// Queues a confirmation (pending) or a link to the preferences (confirmed), unless the address
/// has had `per_address` of them in the last 24 hours.
fn queue_message(
    conn: &Connection,
    sub: &Subscriber,
    confirmed: bool,
    per_address: u32,
    now: DateTime<Utc>,
) -> Result<Queued, StoreError> {
    if outbox::confirmations_since(conn, &sub.address, now - Duration::hours(24))? >= per_address {
        return Ok(Queued::Limited);
    }
    let queued = if confirmed {
        let key = format!("{MANAGE_KEY_PREFIX}{}:{}", sub.id, timestamp(now));
        outbox::queue(
            conn,
            &NewRow {
                message_key: &key,
                kind: MessageKind::Confirm,
                subscriber: sub,
                urgent: false,
                documents: &[],
            },
            now,
        )?
    } else {
        outbox::queue_confirmation(conn, sub, now)?
    };
    Ok(if queued { Queued::Yes } else { Queued::No })
}

fn report_queued(svc: &Service, what: &str, address: &str, queued: Queued) {
    match queued {
        Queued::Yes => {
            if let Some(w) = &svc.wake {
                w.notify_one();
            }
            svc.log
                .detail(format!("{what}: queued a message to {}", mask(address)));
        }
        Queued::Limited => svc.log.detail(format!(
            "{what}: {} has had {} emails in 24 hours; nothing sent",
            mask(address),
            svc.policy.emails_per_address
        )),
        Queued::No => {}
    }
}

/// The subscriber a link token names, if it verifies for `purpose`; else why not.
fn verified(
    key: &LinkKey,
    token: &str,
    purpose: Purpose,
    sub: Option<Subscriber>,
) -> Result<Subscriber, String> {
    match sub {
        None => Err("it names no subscriber in the store (erased, or never there)".into()),
        Some(s) if key.verify(token, purpose, s.id, &s.address) => Ok(s),
        Some(s) => Err(format!(
            "its signature does not fit subscriber {} ({}): signed with another link key (fingerprint of this one: {}), for another purpose, or altered",
            s.id,
            mask(&s.address),
            key.fingerprint()
        )),
    }
}

/// Logs a refused link token (masked, rate-limited) with its reason.
fn log_rejected(svc: &Service, purpose: Purpose, why: &str) {
    svc.log
        .rejected_link(format!("refused a {} link: {why}", purpose.as_str()));
}

fn link_path(svc: &Service, purpose: Purpose, sub: &Subscriber) -> String {
    let token = svc.key.token(purpose, sub.id, &sub.address);
    svc.pages.path(&format!("/{}/{token}", purpose.as_str()))
}

fn selected(sub: &Subscriber) -> Selected<'_> {
    Selected {
        language: &sub.language,
        topics: &sub.topics,
        frequency: sub.frequency,
    }
}

// ---------------------------------------------------------------------------------------------
// Subscribing.

async fn subscribe_page(State(svc): Svc, RawQuery(q): RawQuery, headers: HeaderMap) -> Response {
    let lang = lang_for(&svc, query_lang(q.as_deref()).as_deref(), &headers);
    let html = svc
        .pages
        .subscribe(&lang, "", None, &Problems::default(), false);
    page(&svc, StatusCode::OK, &lang, html)
}

async fn subscribe(
    State(svc): Svc,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let lang = lang_for(&svc, None, &headers);
    let client = match guard(&svc, peer, &headers, &lang) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let fields = match read_form(&svc, &headers, body, &lang) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let form = match forms::preferences_form(&fields) {
        Ok(f) => f,
        Err(e) => {
            svc.log
                .detail(format!("a subscribe form could not be read: {e}"));
            return message(&svc, &lang, Message::BadForm);
        }
    };
    let lang = form_lang(&svc, &form, lang);
    if form.honeypot {
        svc.log.detail(format!(
            "the hidden field was filled in (from {client}); nothing stored"
        ));
        return sent(&svc, &lang);
    }
    let config = &svc.pages.site.config;
    let choices = forms::check_choices(&form, config, &lang);
    let address = forms::check_address(&form);
    let (address, choices) = match (address, choices) {
        (Ok(a), Ok(c)) => (a, c),
        (address, choices) => {
            let problems = Problems {
                address: address.err(),
                choice: choices.as_ref().is_err(),
            };
            let typed = form.address.as_deref().unwrap_or_default();
            let html = svc
                .pages
                .subscribe(&lang, typed, choices.as_ref().ok(), &problems, false);
            return page(&svc, StatusCode::BAD_REQUEST, &lang, html);
        }
    };
    let now = svc.now();
    let per_address = svc.policy.emails_per_address;
    let a = address.clone();
    let result = svc
        .writer
        .call(move |conn| subscribe_job(conn, &a, &choices, per_address, now))
        .await;
    match result {
        Ok(q) => report_queued(&svc, "subscribe", &address, q),
        Err(e) => return unavailable(&svc, &lang, e),
    }
    sent(&svc, &lang)
}

fn subscribe_job(
    conn: &Connection,
    address: &str,
    choices: &Choices,
    per_address: u32,
    now: DateTime<Utc>,
) -> Result<Queued, StoreError> {
    let (sub, outcome) = store::subscribe(
        conn,
        address,
        &choices.language,
        &choices.topics,
        choices.frequency,
        "form",
        now,
    )?;
    queue_message(
        conn,
        &sub,
        outcome == Outcome::AlreadyConfirmed,
        per_address,
        now,
    )
}

async fn manage(
    State(svc): Svc,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let lang = lang_for(&svc, None, &headers);
    let client = match guard(&svc, peer, &headers, &lang) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let fields = match read_form(&svc, &headers, body, &lang) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let form = match forms::preferences_form(&fields) {
        Ok(f) => f,
        Err(_) => return message(&svc, &lang, Message::BadForm),
    };
    let lang = form_lang(&svc, &form, lang);
    if form.honeypot {
        svc.log.detail(format!(
            "the hidden field was filled in (from {client}); nothing stored"
        ));
        return sent(&svc, &lang);
    }
    let address = match forms::check_address(&form) {
        Ok(a) => a,
        Err(reason) => {
            let problems = Problems {
                address: Some(reason),
                choice: false,
            };
            let html = svc.pages.subscribe(&lang, "", None, &problems, true);
            return page(&svc, StatusCode::BAD_REQUEST, &lang, html);
        }
    };
    let now = svc.now();
    let per_address = svc.policy.emails_per_address;
    let a = address.clone();
    let result = svc
        .writer
        .call(move |conn| match store::by_address(conn, &a)? {
            Some(sub) if sub.status == Status::Confirmed => {
                queue_message(conn, &sub, true, per_address, now)
            }
            Some(sub) if sub.status == Status::Pending => {
                queue_message(conn, &sub, false, per_address, now)
            }
            _ => Ok(Queued::No),
        })
        .await;
    match result {
        Ok(q) => report_queued(&svc, "link", &address, q),
        Err(e) => return unavailable(&svc, &lang, e),
    }
    sent(&svc, &lang)
}

// ---------------------------------------------------------------------------------------------
// Confirming.

async fn confirm_page(
    State(svc): Svc,
    Path(token): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let asked = query_lang(q.as_deref());
    let now = svc.now();
    let t = token.clone();
    let found = svc
        .writer
        .call(
            move |conn| match store::take_token(conn, &t, "confirm", now, false)? {
                Some(id) => store::by_id(conn, id),
                None => Ok(None),
            },
        )
        .await;
    match found {
        Ok(Some(sub)) if sub.status != Status::Unsubscribed => {
            let lang = subscriber_lang(&svc, &sub, asked.as_deref(), &headers);
            page(
                &svc,
                StatusCode::OK,
                &lang,
                svc.pages.confirm(&lang, &token),
            )
        }
        Ok(_) => {
            let lang = lang_for(&svc, asked.as_deref(), &headers);
            message(&svc, &lang, Message::ConfirmLinkInvalid)
        }
        Err(e) => unavailable(&svc, &lang_for(&svc, asked.as_deref(), &headers), e),
    }
}

async fn confirm(
    State(svc): Svc,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let lang = lang_for(&svc, query_lang(q.as_deref()).as_deref(), &headers);
    if let Err(r) = guard(&svc, peer, &headers, &lang) {
        return r;
    }
    let now = svc.now();
    let result = svc
        .writer
        .call(move |conn| {
            let Some(id) = store::take_token(conn, &token, "confirm", now, true)? else {
                return Ok(None);
            };
            if !store::confirm(conn, id, now)? {
                return Ok(None);
            }
            store::by_id(conn, id)
        })
        .await;
    match result {
        Ok(Some(sub)) => {
            svc.log.detail(format!("confirmed {}", mask(&sub.address)));
            let lang = subscriber_lang(&svc, &sub, None, &headers);
            let link = LinkView {
                url: link_path(&svc, Purpose::Preferences, &sub),
                label: svc.pages.preferences_label(&lang),
            };
            message_with(&svc, &lang, Message::Confirmed, &[link])
        }
        Ok(None) => message(&svc, &lang, Message::ConfirmLinkInvalid),
        Err(e) => unavailable(&svc, &lang, e),
    }
}

// ---------------------------------------------------------------------------------------------
// Preferences and unsubscribing: links signed with the link key, not stored.

/// The subscriber a link token names and verifies for, looked up in the store.
/// The answer to a signed link that is not (or no longer) valid, in the language asked or
/// negotiated: the subscriber is not known, so not theirs.
fn link_invalid(svc: &Service, asked: Option<&str>, headers: &HeaderMap) -> Response {
    message(svc, &lang_for(svc, asked, headers), Message::LinkInvalid)
}

async fn by_link(
    svc: &Service,
    token: &str,
    purpose: Purpose,
) -> Result<Option<Subscriber>, super::writer::WriteError> {
    let Some(id) = LinkKey::subscriber_id(token) else {
        log_rejected(svc, purpose, "the token is malformed");
        return Ok(None);
    };
    let sub = svc.writer.call(move |conn| store::by_id(conn, id)).await?;
    match verified(&svc.key, token, purpose, sub) {
        Ok(s) => Ok(Some(s)),
        Err(why) => {
            log_rejected(svc, purpose, &why);
            Ok(None)
        }
    }
}

async fn preferences_page(
    State(svc): Svc,
    Path(token): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let asked = query_lang(q.as_deref());
    match by_link(&svc, &token, Purpose::Preferences).await {
        Ok(Some(sub)) => {
            let lang = subscriber_lang(&svc, &sub, asked.as_deref(), &headers);
            let html = svc.pages.preferences(
                &lang,
                &token,
                &sub.address,
                &selected(&sub),
                sub.status == Status::Unsubscribed,
                &link_path(&svc, Purpose::Unsubscribe, &sub),
                false,
            );
            page(&svc, StatusCode::OK, &lang, html)
        }
        Ok(None) => link_invalid(&svc, asked.as_deref(), &headers),
        Err(e) => unavailable(&svc, &lang_for(&svc, asked.as_deref(), &headers), e),
    }
}

async fn save_preferences(
    State(svc): Svc,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let lang = lang_for(&svc, None, &headers);
    if let Err(r) = guard(&svc, peer, &headers, &lang) {
        return r;
    }
    let fields = match read_form(&svc, &headers, body, &lang) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Ok(form) = forms::preferences_form(&fields) else {
        return message(&svc, &lang, Message::BadForm);
    };
    let sub = match by_link(&svc, &token, Purpose::Preferences).await {
        Ok(Some(sub)) => sub,
        Ok(None) => return message(&svc, &lang, Message::LinkInvalid),
        Err(e) => return unavailable(&svc, &lang, e),
    };
    let lang = form_lang(&svc, &form, subscriber_lang(&svc, &sub, None, &headers));
    let unsubscribe = link_path(&svc, Purpose::Unsubscribe, &sub);
    if sub.status == Status::Unsubscribed {
        let html = svc.pages.preferences(
            &lang,
            &token,
            &sub.address,
            &selected(&sub),
            true,
            &unsubscribe,
            false,
        );
        return page(&svc, StatusCode::CONFLICT, &lang, html);
    }
    let choices = match forms::check_choices(&form, &svc.pages.site.config, &sub.language) {
        Ok(c) => c,
        Err(_) => {
            let html = svc.pages.preferences(
                &lang,
                &token,
                &sub.address,
                &selected(&sub),
                false,
                &unsubscribe,
                true,
            );
            return page(&svc, StatusCode::BAD_REQUEST, &lang, html);
        }
    };
    let id = sub.id;
    let c = choices.clone();
    let saved = svc
        .writer
        .call(move |conn| store::update_preferences(conn, id, &c.language, &c.topics, c.frequency))
        .await;
    match saved {
        Ok(true) => {
            let lang = choices.language.as_str();
            let link = LinkView {
                url: svc.pages.path(&format!("/preferences/{token}")),
                label: svc.pages.preferences_label(lang),
            };
            message_with(&svc, lang, Message::Saved, &[link])
        }
        Ok(false) => message(&svc, &lang, Message::LinkInvalid),
        Err(e) => unavailable(&svc, &lang, e),
    }
}

async fn unsubscribe_page(
    State(svc): Svc,
    Path(token): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let asked = query_lang(q.as_deref());
    match by_link(&svc, &token, Purpose::Unsubscribe).await {
        Ok(Some(sub)) => {
            let lang = subscriber_lang(&svc, &sub, asked.as_deref(), &headers);
            if sub.status == Status::Unsubscribed {
                return message(&svc, &lang, Message::Unsubscribed);
            }
            let html = svc.pages.unsubscribe(
                &lang,
                &token,
                &sub.address,
                &link_path(&svc, Purpose::Preferences, &sub),
            );
            page(&svc, StatusCode::OK, &lang, html)
        }
        Ok(None) => link_invalid(&svc, asked.as_deref(), &headers),
        Err(e) => unavailable(&svc, &lang_for(&svc, asked.as_deref(), &headers), e),
    }
}

/// The unsubscribe button and RFC 8058 one-click unsubscription (`List-Unsubscribe=One-Click`
/// from a mail program): the signed link is the authority, so neither the origin nor the body
/// is checked, and no rate limit applies (a mail provider may send many).
async fn unsubscribe(
    State(svc): Svc,
    Path(token): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let fallback = lang_for(&svc, query_lang(q.as_deref()).as_deref(), &headers);
    let Some(id) = LinkKey::subscriber_id(&token) else {
        log_rejected(&svc, Purpose::Unsubscribe, "the token is malformed");
        return message(&svc, &fallback, Message::LinkInvalid);
    };
    let key = svc.key.clone();
    let now = svc.now();
    let result = svc
        .writer
        .call(move |conn| {
            let sub = match verified(&key, &token, Purpose::Unsubscribe, store::by_id(conn, id)?) {
                Ok(sub) => sub,
                Err(why) => return Ok(Err(why)),
            };
            store::unsubscribe_at(conn, sub.id, now)?;
            Ok(Ok(sub))
        })
        .await;
    match result {
        Ok(Err(why)) => {
            log_rejected(&svc, Purpose::Unsubscribe, &why);
            message(&svc, &fallback, Message::LinkInvalid)
        }
        Ok(Ok(sub)) => {
            if sub.status != Status::Unsubscribed {
                svc.log
                    .detail(format!("unsubscribed {}", mask(&sub.address)));
            }
            let lang = subscriber_lang(&svc, &sub, None, &headers);
            message(&svc, &lang, Message::Unsubscribed)
        }
        Err(e) => unavailable(&svc, &fallback, e),
    }
}

// ---------------------------------------------------------------------------------------------
// A subscriber's own data: download and erase, behind the preferences link.

/// Everything stored about the subscriber (as `anslag subscribers export` prints it), to save.
async fn download_data(
    State(svc): Svc,
    Path(token): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let lang = lang_for(&svc, query_lang(q.as_deref()).as_deref(), &headers);
    let sub = match by_link(&svc, &token, Purpose::Preferences).await {
        Ok(Some(sub)) => sub,
        Ok(None) => return message(&svc, &lang, Message::LinkInvalid),
        Err(e) => return unavailable(&svc, &lang, e),
    };
    let address = sub.address.clone();
    let data = svc
        .writer
        .call(move |conn| store::export(conn, &address))
        .await;
    let json = match data {
        Ok(Some(data)) => serde_json::to_string_pretty(&data).unwrap_or_default() + "\n",
        Ok(None) => return message(&svc, &lang, Message::LinkInvalid),
        Err(e) => return unavailable(&svc, &lang, e),
    };
    svc.log
        .detail(format!("sent {} their data", mask(&sub.address)));
    let mut r = (StatusCode::OK, json).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"subscription-data.json\""),
    );
    // Personal data: no cache may keep a copy.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    security_headers(h);
    r
}

async fn erase_page(
    State(svc): Svc,
    Path(token): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let asked = query_lang(q.as_deref());
    match by_link(&svc, &token, Purpose::Preferences).await {
        Ok(Some(sub)) => {
            let lang = subscriber_lang(&svc, &sub, asked.as_deref(), &headers);
            let html = svc.pages.erase(&lang, &token, &sub.address);
            page(&svc, StatusCode::OK, &lang, html)
        }
        Ok(None) => link_invalid(&svc, asked.as_deref(), &headers),
        Err(e) => unavailable(&svc, &lang_for(&svc, asked.as_deref(), &headers), e),
    }
}

/// The button of the erase page: a form post from our pages (as every form), with the field the
/// page sends, so that following a link erases nothing.
async fn erase(
    State(svc): Svc,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let lang = lang_for(&svc, query_lang(q.as_deref()).as_deref(), &headers);
    if let Err(r) = guard(&svc, peer, &headers, &lang) {
        return r;
    }
    let fields = match read_form(&svc, &headers, body, &lang) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !fields.iter().any(|(n, v)| n == "confirm" && v == "erase") {
        return message(&svc, &lang, Message::BadForm);
    }
    let sub = match by_link(&svc, &token, Purpose::Preferences).await {
        Ok(Some(sub)) => sub,
        Ok(None) => return message(&svc, &lang, Message::LinkInvalid),
        Err(e) => return unavailable(&svc, &lang, e),
    };
    let lang = subscriber_lang(&svc, &sub, query_lang(q.as_deref()).as_deref(), &headers);
    let address = sub.address.clone();
    let now = svc.now();
    match svc
        .writer
        .call(move |conn| store::erase_report(conn, &address, now))
        .await
    {
        Ok(_) => {
            svc.log
                .info(format!("erased {} at their request", mask(&sub.address)));
            message(&svc, &lang, Message::Erased)
        }
        Err(e) => unavailable(&svc, &lang, e),
    }
}

// ---------------------------------------------------------------------------------------------
// Health, the stylesheet, everything else.

async fn health(State(svc): Svc) -> Response {
    let answer = svc
        .writer
        .call(|conn| Ok(conn.query_row("SELECT count(*) FROM meta", [], |r| r.get::<_, i64>(0))?))
        .await;
    let (status, body) = match answer {
        Ok(_) => (StatusCode::OK, "{\"status\":\"ok\"}\n"),
        Err(e) => {
            svc.log.error(format!("health check: {e}"));
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "{\"status\":\"unavailable\"}\n",
            )
        }
    };
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    security_headers(h);
    r
}

async fn stylesheet(State(svc): Svc) -> Response {
    let mut r = svc.css.clone().into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    security_headers(h);
    r
}

async fn not_found(State(svc): Svc, RawQuery(q): RawQuery, headers: HeaderMap) -> Response {
    let lang = lang_for(&svc, query_lang(q.as_deref()).as_deref(), &headers);
    message(&svc, &lang, Message::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.insert(*k, HeaderValue::from_static(v));
        }
        m
    }

    #[test]
    fn posts_must_come_from_our_pages() {
        let allowed = vec!["https://www.ekvik.example".to_owned()];
        assert!(from_our_pages(
            &h(&[("origin", "https://www.ekvik.example")]),
            &allowed
        ));
        assert!(from_our_pages(
            &h(&[
                ("origin", "http://127.0.0.1:8025"),
                ("host", "127.0.0.1:8025")
            ]),
            &allowed
        ));
        assert!(!from_our_pages(
            &h(&[("origin", "https://evil.example")]),
            &allowed
        ));
        assert!(!from_our_pages(
            &h(&[
                ("origin", "https://evil.example"),
                ("host", "127.0.0.1:8025")
            ]),
            &allowed
        ));
        assert!(from_our_pages(&h(&[]), &allowed), "not a browser");
        assert!(from_our_pages(
            &h(&[("sec-fetch-site", "same-origin")]),
            &allowed
        ));
        assert!(!from_our_pages(
            &h(&[("sec-fetch-site", "cross-site")]),
            &allowed
        ));
        assert!(!from_our_pages(&h(&[("origin", "null")]), &allowed));
        assert!(from_our_pages(
            &h(&[("origin", "null"), ("sec-fetch-site", "same-origin")]),
            &allowed
        ));
    }

    #[test]
    fn the_query_names_the_language() {
        assert_eq!(query_lang(Some("lang=ar&x=1")), Some("ar".into()));
        assert_eq!(query_lang(Some("%zz")), None);
        assert_eq!(query_lang(None), None);
    }
}
