//! Composing email from the site model: a digest of what is new for a subscriber, a crisis
//! notice for everyone, and the double opt-in confirmation, each as multipart/alternative plain
//! text and HTML, in the reader's language.
//!
//! Composing and addressing are two steps, so that a message is composed once per language and
//! addressed to each recipient cheaply (a crisis notice goes to everyone at once):
//!
//! 1. [`digest`], [`crisis`] and [`confirmation`] render the theme's `mail/*.html` and
//!    `mail/*.txt` templates into a [`Composed`] message. Its footer links to the subscriber's
//!    preferences and unsubscribe pages hold placeholders.
//! 2. [`message`] fills in the recipient's links and builds the MIME message with every header
//!    (`List-Id`, `List-Unsubscribe` and RFC 8058 one-click unsubscription, `Auto-Submitted`, …),
//!    signed with DKIM when `mail.dkim` is configured.
//!
//! Every link is absolute, the HTML has its styles inline and no images, the text part writes
//! every address out in full, and nothing tracks the reader. Minutes appear as their summary
//! and agenda; a closed item only as its heading and the "closed item" label, exactly as
//! [`crate::theme::document::content_html`] shows them, never its text or case number.

mod dkim;
mod html;
mod site;

pub use site::{SiteComposer, document_id};

use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;
use lettre::message::dkim::{DkimCanonicalization, DkimCanonicalizationType, DkimConfig};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use serde::Serialize;

use crate::config::CONFIG_FILE;
use crate::config::mail::{DkimSettings, MailSettings};
use crate::content::document::{Document, MinutesInfo, Translation, Urgency};
use crate::diagnostics::Diagnostic;
use crate::i18n::{I18n, args};
use crate::mail::{Frequency, Subscriber};
use crate::site::{Site, urls};
use crate::theme::templates::{self, Templates};
use crate::theme::views::{LangView, dir_of, lang_view, text_html};

/// Everything composing needs, shared by all the messages of a run.
pub struct MailContext<'a> {
    pub site: &'a Site,
    pub i18n: &'a I18n,
    pub templates: &'a Templates,
    pub settings: &'a MailSettings,
}

/// A message composed for one language, not yet addressed.
///
/// `text` and `html` hold [`UNSUBSCRIBE_PLACEHOLDER`] and [`PREFERENCES_PLACEHOLDER`] where the
/// recipient's own links go; [`message`] (or [`Composed::personalised`]) fills them in.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    /// The reader's language (`Content-Language`).
    pub lang: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Where the recipient's unsubscribe link goes in a composed message.
pub const UNSUBSCRIBE_PLACEHOLDER: &str = "https://anslag.invalid/unsubscribe";
/// Where the recipient's preferences link goes in a composed message.
pub const PREFERENCES_PLACEHOLDER: &str = "https://anslag.invalid/preferences";
/// How long the link of a confirmation message works; the subscription service must expire its
/// confirm tokens after the same time.
pub const CONFIRM_VALID_HOURS: u32 = 48;
/// Where the plain text part is wrapped.
pub const TEXT_WIDTH: usize = 72;

impl Composed {
    /// The text and HTML parts with the recipient's links filled in. Without a link of their
    /// own, the footer links to the subscription service's home page (`mail.service_url`).
    pub fn personalised(&self, unsubscribe_url: &str, preferences_url: &str) -> (String, String) {
        let text = self
            .text
            .replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url)
            .replace(PREFERENCES_PLACEHOLDER, preferences_url);
        let html = self
            .html
            .replace(UNSUBSCRIBE_PLACEHOLDER, &html::escape(unsubscribe_url))
            .replace(PREFERENCES_PLACEHOLDER, &html::escape(preferences_url));
        (text, html)
    }
}

/// The recipient of one message and what varies per recipient.
pub struct Envelope<'a> {
    pub to: &'a str,
    /// `<unique@host>`.
    pub message_id: &'a str,
    pub date: DateTime<Utc>,
    /// The recipient's one-click unsubscribe link (HTTPS): a GET shows a page that asks, a POST
    /// of `List-Unsubscribe=One-Click` unsubscribes (RFC 8058).
    pub unsubscribe_url: Option<&'a str>,
    pub preferences_url: Option<&'a str>,
    /// A crisis message: `Importance: high` and `Priority: urgent`.
    pub urgent: bool,
    /// The SMTP envelope sender (`MAIL FROM`), where bounces go: the row's signed return path
    /// when `mail.bounce_address` is set (see [`crate::mail::bounces::verp`]); none: `From`.
    pub return_path: Option<&'a str>,
}

/// Documents for a subscriber's digest: published documents that match their topics (none
/// chosen = everything; a committee is a topic and brings its minutes), that `already_sent`
/// does not know, and that were published after the subscriber gave consent (the first digest
/// does not bring the whole archive); newest first, with crisis notices in force first. A
/// crisis notice in force comes whatever the subscriber's topics and whenever it was published.
pub fn digest_documents<'s>(
    site: &'s Site,
    sub: &Subscriber,
    already_sent: &dyn Fn(&Document) -> bool,
) -> Vec<&'s Document> {
    let all: Vec<usize> = (0..site.documents.len()).collect();
    digest_documents_among(site, &all, sub, &|_, d| already_sent(d))
}

/// The documents (indexes into `site.documents`, in site order) that a digest may bring at
/// all: published and not withdrawn, and dated `since` or later, or crisis notices in force. Working out once
/// per run spares looking at the whole archive for each of many subscribers.
pub fn digest_candidates(site: &Site, since: DateTime<chrono_tz::Tz>) -> Vec<usize> {
    let default = site.default_language();
    (0..site.documents.len())
        .filter(|&i| {
            let doc = &site.documents[i];
            let p = doc.primary(default);
            !p.draft
                && !p.embargoed
                && !doc.is_withdrawn()
                && p.date <= site.now
                && (p.date >= since || site.crisis.contains(&i))
        })
        .collect()
}

/// [`digest_documents`] among `candidates` only (see [`digest_candidates`]); `already_sent`
/// is given each document's index too.
pub fn digest_documents_among<'s>(
    site: &'s Site,
    candidates: &[usize],
    sub: &Subscriber,
    already_sent: &dyn Fn(usize, &Document) -> bool,
) -> Vec<&'s Document> {
    let default = site.default_language();
    let mut crisis = Vec::new();
    let mut others = Vec::new();
    for &i in candidates {
        let Some(doc) = site.documents.get(i) else {
            continue;
        };
        let primary = doc.primary(default);
        // A withdrawn document is never sent after its withdrawal.
        if primary.draft || primary.embargoed || primary.date > site.now || doc.is_withdrawn() {
            continue;
        }
        let in_force = site.crisis.contains(&i);
        if !in_force
            && (primary.date.with_timezone(&Utc) < sub.consent_at
                || !matches_topics(doc, default, &sub.topics))
        {
            continue;
        }
        if already_sent(i, doc) {
            continue;
        }
        if in_force {
            crisis.push(&**doc);
        } else {
            others.push(&**doc);
        }
    }
    crisis.extend(others);
    crisis
}

fn matches_topics(doc: &Document, default: &str, topics: &[String]) -> bool {
    if topics.is_empty() {
        return true;
    }
    let committee = doc.primary(default).minutes().map(|m| &m.committee);
    doc.translations
        .iter()
        .flat_map(|t| t.topics.iter())
        .chain(committee)
        .any(|t| topics.contains(t))
}

/// A digest of `docs` for a subscriber whose language is `language`, in the first of their
/// languages that one of the documents exists in ([`message_lang`]); each document in the first
/// of their languages it exists in, with a note where that is not the message's. An empty
/// digest is an error: there is nothing to send.
pub fn digest(
    ctx: &MailContext,
    language: &str,
    docs: &[&Document],
    frequency: Frequency,
) -> Result<Composed, Diagnostic> {
    if docs.is_empty() {
        return Err(Diagnostic::failure("a digest has no documents")
            .hint("send a digest only when digest_documents finds something new"));
    }
    let reader = reader_lang(ctx.site, language);
    let lang = message_lang(ctx.site, language, docs);
    let site = site_view(ctx, &lang);
    let subject = one_line(&ctx.i18n.t(
        &lang,
        "mail-digest-subject",
        Some(&args([
            ("site", FluentValue::from(site.title.clone())),
            ("count", FluentValue::from(docs.len())),
        ])),
    ));
    let documents: Vec<DocView> = docs
        .iter()
        .map(|d| doc_view(ctx, &lang, &reader, d, false))
        .collect();
    let ctx_value = minijinja::context! {
        lang => ser(&lang_view(ctx.site, &lang)),
        subject => &subject,
        site => ser(&site),
        documents => ser(&documents),
        count => documents.len(),
        frequency => frequency.as_str(),
        crisis => false,
        unsubscribe_url => UNSUBSCRIBE_PLACEHOLDER,
        preferences_url => PREFERENCES_PLACEHOLDER,
    };
    render_pair(ctx, "mail/digest", lang, subject, ctx_value)
}

/// A crisis notice for a subscriber whose language is `language`: wholly (subject, text,
/// `Content-Language`, From name) in the first of their languages (`Config::reader_order`)
/// that the notice exists in; the subject says it is urgent.
pub fn crisis(ctx: &MailContext, language: &str, doc: &Document) -> Result<Composed, Diagnostic> {
    let reader = reader_lang(ctx.site, language);
    let lang = message_lang(ctx.site, language, &[doc]);
    let site = site_view(ctx, &lang);
    let document = doc_view(ctx, &lang, &reader, doc, true);
    let subject = one_line(&ctx.i18n.t(
        &lang,
        "mail-crisis-subject",
        Some(&args([(
            "title",
            FluentValue::from(document.title.clone()),
        )])),
    ));
    let ctx_value = minijinja::context! {
        lang => ser(&lang_view(ctx.site, &lang)),
        subject => &subject,
        site => ser(&site),
        document => ser(&document),
        crisis => true,
        unsubscribe_url => UNSUBSCRIBE_PLACEHOLDER,
        preferences_url => PREFERENCES_PLACEHOLDER,
    };
    render_pair(ctx, "mail/crisis", lang, subject, ctx_value)
}

/// The double opt-in message: a link that confirms the subscription, valid for
/// [`CONFIRM_VALID_HOURS`] hours.
pub fn confirmation(
    ctx: &MailContext,
    address: &str,
    lang: &str,
    confirm_url: &str,
) -> Result<Composed, Diagnostic> {
    let lang = reader_lang(ctx.site, lang);
    let site = site_view(ctx, &lang);
    let subject = one_line(&ctx.i18n.t(
        &lang,
        "mail-confirm-subject",
        Some(&args([("site", FluentValue::from(site.title.clone()))])),
    ));
    let ctx_value = minijinja::context! {
        lang => ser(&lang_view(ctx.site, &lang)),
        subject => &subject,
        site => ser(&site),
        address => address,
        confirm_url => confirm_url,
        hours => CONFIRM_VALID_HOURS,
    };
    render_pair(ctx, "mail/confirm", lang, subject, ctx_value)
}

/// The message a confirmed subscriber gets when they (or anyone) ask the subscription service
/// for their links: where to change preferences and where to unsubscribe. The links are the
/// placeholders, filled in per recipient like a digest's.
pub fn manage(ctx: &MailContext, address: &str, lang: &str) -> Result<Composed, Diagnostic> {
    let lang = reader_lang(ctx.site, lang);
    let site = site_view(ctx, &lang);
    let subject = one_line(&ctx.i18n.t(
        &lang,
        "mail-manage-subject",
        Some(&args([("site", FluentValue::from(site.title.clone()))])),
    ));
    let ctx_value = minijinja::context! {
        lang => ser(&lang_view(ctx.site, &lang)),
        subject => &subject,
        site => ser(&site),
        address => address,
        preferences_url => PREFERENCES_PLACEHOLDER,
        unsubscribe_url => UNSUBSCRIBE_PLACEHOLDER,
    };
    render_pair(ctx, "mail/manage", lang, subject, ctx_value)
}

/// The MIME message for one recipient: multipart/alternative (text, then HTML) with From,
/// Reply-To, To, Subject, Date, Message-ID, List-Id, List-Unsubscribe and
/// List-Unsubscribe-Post (with an unsubscribe link), Auto-Submitted, Content-Language, and a
/// DKIM signature when `mail.dkim` is configured.
pub fn message(
    ctx: &MailContext,
    composed: &Composed,
    env: &Envelope,
) -> Result<lettre::Message, Diagnostic> {
    message_prepared(ctx, composed, &Prepared::new(composed), env)
}

/// A composed message's two parts encoded (quoted-printable) once, with the places of the
/// recipient's links left open: addressing it to each of many recipients then costs a copy,
/// not an encoding of the whole body.
#[derive(Debug, Clone)]
pub struct Prepared {
    text: Vec<Piece>,
    html: Vec<Piece>,
}

#[derive(Debug, Clone)]
enum Piece {
    Encoded(Vec<u8>),
    Unsubscribe,
    Preferences,
}

impl Prepared {
    pub fn new(c: &Composed) -> Prepared {
        Prepared {
            text: pieces(&c.text),
            html: pieces(&c.html),
        }
    }

    /// The encoded part with the links filled in. Each link stands on encoded lines of its
    /// own, joined by soft line breaks, so that no line grows past the limit of the encoding
    /// and the decoded text is exactly the text with the links in place.
    fn assemble(pieces: &[Piece], unsubscribe: &str, preferences: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Encoded(b) => b.len(),
                    _ => 256,
                })
                .sum(),
        );
        for p in pieces {
            match p {
                Piece::Encoded(b) => out.extend_from_slice(b),
                Piece::Unsubscribe | Piece::Preferences => {
                    let url = if matches!(p, Piece::Unsubscribe) {
                        unsubscribe
                    } else {
                        preferences
                    };
                    out.extend_from_slice(b"=\r\n");
                    out.extend_from_slice(&quoted_printable(url));
                    out.extend_from_slice(b"=\r\n");
                }
            }
        }
        out
    }
}

/// Splits a part at the link placeholders and encodes the rest.
fn pieces(s: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let next = [
            (UNSUBSCRIBE_PLACEHOLDER, Piece::Unsubscribe),
            (PREFERENCES_PLACEHOLDER, Piece::Preferences),
        ]
        .into_iter()
        .filter_map(|(placeholder, piece)| {
            rest.find(placeholder).map(|at| (at, placeholder, piece))
        })
        .min_by_key(|(at, _, _)| *at);
        let Some((at, placeholder, piece)) = next else {
            out.push(Piece::Encoded(quoted_printable(rest)));
            return out;
        };
        out.push(Piece::Encoded(quoted_printable(&rest[..at])));
        out.push(piece);
        rest = &rest[at + placeholder.len()..];
    }
}

/// Quoted-printable with CRLF line ends, by lettre's own encoder.
fn quoted_printable(s: &str) -> Vec<u8> {
    use lettre::message::header::ContentTransferEncoding;
    match lettre::message::Body::new_with_encoding(
        s.to_owned(),
        ContentTransferEncoding::QuotedPrintable,
    ) {
        Ok(b) => b.into_vec(),
        // Quoted-printable accepts any input; lettre gives the input back only for 7bit/8bit.
        Err(_) => Vec::new(),
    }
}

/// [`message`] with the parts prepared already (see [`Prepared`]).
pub fn message_prepared(
    ctx: &MailContext,
    composed: &Composed,
    prepared: &Prepared,
    env: &Envelope,
) -> Result<lettre::Message, Diagnostic> {
    let s = ctx.settings;
    let default = ctx.site.default_language();
    let organisation = &ctx.site.config.site.organisation.name;
    let mut from: Mailbox = s
        .from
        .parse()
        .map_err(|e| setting_error("mail.from", format!("`{}` is not an address: {e}", s.from)))?;
    // The organisation's name in the message's language: when `mail.from` names none, and
    // when it names the organisation in the default language (the name a reader of another
    // language would otherwise see in a message in theirs).
    if from
        .name
        .as_deref()
        .is_none_or(|n| n == organisation.get(default, default))
    {
        from.name = Some(organisation.get(&composed.lang, default).to_owned());
    }
    let to: lettre::Address = env
        .to
        .parse()
        .map_err(|e| Diagnostic::failure(format!("cannot send to `{}`: {e}", env.to)))?;
    let message_id = checked_message_id(env.message_id)?;
    let service = s.service_url.trim_end_matches('/').to_owned() + "/";
    let unsubscribe = match env.unsubscribe_url {
        Some(u) => Some(checked_link(u, "unsubscribe")?),
        None => None,
    };
    let preferences = match env.preferences_url {
        Some(u) => checked_link(u, "preferences")?,
        None => service.clone(),
    };

    let mut b = lettre::Message::builder();
    if let Some(rp) = env.return_path {
        let sender: lettre::Address = rp.parse().map_err(|e| {
            Diagnostic::failure(format!("the return path `{rp}` is not an address: {e}"))
        })?;
        let envelope = lettre::address::Envelope::new(Some(sender), vec![to.clone()])
            .map_err(|e| Diagnostic::failure(format!("cannot address the message: {e}")))?;
        b = b.envelope(envelope);
    }
    let mut b = b
        .from(from)
        .to(Mailbox::new(None, to))
        .subject(one_line(&composed.subject))
        .date(SystemTime::from(env.date))
        .message_id(Some(message_id));
    if let Some(r) = &s.reply_to {
        let reply_to: Mailbox = r
            .parse()
            .map_err(|e| setting_error("mail.reply_to", format!("`{r}` is not an address: {e}")))?;
        b = b.reply_to(reply_to);
    }
    b = list_headers(b, ctx, composed, env, unsubscribe.as_deref())?;
    let unsubscribe_link = unsubscribe.as_deref().unwrap_or(&service);
    let text = Prepared::assemble(&prepared.text, unsubscribe_link, &preferences);
    let html = Prepared::assemble(
        &prepared.html,
        &html::escape(unsubscribe_link),
        &html::escape(&preferences),
    );
    let mut msg = b
        .multipart(alternative(text, html))
        .map_err(|e| Diagnostic::failure(format!("cannot build the message: {e}")))?;
    if let Some(d) = &s.dkim {
        let config = dkim_config(d, &msg)?;
        msg.sign(&config);
    }
    Ok(msg)
}

/// The headers of a message from a list (RFC 2369, RFC 8058, RFC 3834) and its language and
/// urgency.
fn list_headers(
    mut b: lettre::message::MessageBuilder,
    ctx: &MailContext,
    composed: &Composed,
    env: &Envelope,
    unsubscribe: Option<&str>,
) -> Result<lettre::message::MessageBuilder, Diagnostic> {
    let s = ctx.settings;
    let default = ctx.site.default_language();
    let organisation = &ctx.site.config.site.organisation.name;
    b = b.raw_header(raw(
        "List-Id",
        list_id(organisation.get(default, default), &s.list_id)?,
    ));
    if let Some(u) = unsubscribe {
        b = b
            .raw_header(raw("List-Unsubscribe", format!("<{u}>")))
            .raw_header(raw(
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    b = b
        .raw_header(raw("Auto-Submitted", "auto-generated".into()))
        // Out-of-office and other automatic replies to a list help no one.
        .raw_header(raw("X-Auto-Response-Suppress", "OOF, AutoReply".into()))
        .raw_header(raw("Content-Language", composed.lang.clone()));
    if env.urgent {
        b = b
            .raw_header(raw("Importance", "high".into()))
            .raw_header(raw("Priority", "urgent".into()));
    }
    Ok(b)
}

/// The plain text and HTML parts, each already quoted-printable.
fn alternative(text: Vec<u8>, html: Vec<u8>) -> MultiPart {
    use lettre::message::header::{ContentTransferEncoding, ContentType};
    use lettre::message::{Body, SinglePart};
    let qp = |bytes| Body::dangerous_pre_encoded(bytes, ContentTransferEncoding::QuotedPrintable);
    MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(qp(text)),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(qp(html)),
        )
}

/// Checks that the DKIM key is there and can be read, so that a run can stop before sending
/// anything. Nothing to check without `mail.dkim`.
pub fn check_dkim(settings: &MailSettings) -> Result<(), Diagnostic> {
    match &settings.dkim {
        Some(d) => read_dkim_key(d).map(|_| ()),
        None => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// Views for the templates.

#[derive(Debug, Clone, Serialize)]
struct SiteView {
    title: String,
    /// The home page in the reader's language.
    url: String,
    organisation: String,
    address: Option<String>,
    phone: Option<String>,
    email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct LinkView {
    code: String,
    name: String,
    dir: &'static str,
    url: String,
}

#[derive(Debug, Clone, Serialize)]
struct AgendaView {
    heading: String,
    closed: bool,
}

/// A document as a message shows it: in the reader's language or its primary one.
#[derive(Debug, Clone, Serialize)]
struct DocView {
    kind: &'static str,
    kind_label: String,
    urgency: Option<&'static str>,
    urgency_label: Option<String>,
    /// The language the document is shown in.
    lang: LangView,
    /// Not in the reader's language: `fallback` says so in theirs.
    foreign: bool,
    fallback: Option<String>,
    fallback_html: Option<String>,
    title: String,
    summary: String,
    summary_html: String,
    url: String,
    published: String,
    expires: Option<String>,
    instruction: Option<String>,
    instruction_html: Option<String>,
    topics: Vec<String>,
    /// Minutes: "Minutes of …, meeting of …".
    meeting: Option<String>,
    /// Minutes: the agenda, a closed item as its heading only.
    agenda: Vec<AgendaView>,
    /// "Closed item", in the document's language.
    closed_label: String,
    /// The document in the other languages it exists in.
    others: Vec<LinkView>,
    /// The whole text (crisis messages only).
    body_html: Option<String>,
    body_text: Option<String>,
}

/// Stands for the list of languages while the label is escaped for HTML (a private-use
/// character, in no text).
const LIST_MARKER: char = '\u{f8ff}';

fn reader_lang(site: &Site, code: &str) -> String {
    if site.config.language(code).is_some() {
        code.to_owned()
    } else {
        site.default_language().to_owned()
    }
}

/// The language a message to a reader of `reader` is written in: the first of their languages
/// (theirs, their fallbacks, the default) that one of `docs` exists in, so that the subject,
/// `Content-Language` and From name are those of the text actually sent.
fn message_lang(site: &Site, reader: &str, docs: &[&Document]) -> String {
    site.config
        .reader_order(reader)
        .into_iter()
        .find(|l| docs.iter().any(|d| d.get(l).is_some()))
        .map_or_else(|| reader_lang(site, reader), str::to_owned)
}

fn site_view(ctx: &MailContext, lang: &str) -> SiteView {
    let c = &ctx.site.config;
    let default = c.default_language();
    let o = &c.site.organisation;
    SiteView {
        title: c.site.title.get(lang, default).to_owned(),
        url: urls::absolute(c, &urls::home(lang)),
        organisation: o.name.get(lang, default).to_owned(),
        address: o.address.clone(),
        phone: o.phone.clone(),
        email: o.email.clone(),
    }
}

/// A document in a message in `lang` to a reader of `reader`: in the first of the reader's
/// languages it exists in, with a note (in `lang`) where that is not the reader's own.
fn doc_view(ctx: &MailContext, lang: &str, reader: &str, doc: &Document, full: bool) -> DocView {
    let site = ctx.site;
    let i18n = ctx.i18n;
    let t: &Translation = doc.in_order(&site.config.reader_order(reader));
    let foreign = t.lang != lang;
    let rtl = dir_of(site, &t.lang) == "rtl";
    let url = urls::absolute(&site.config, &doc.url(&t.lang));
    let (fallback, fallback_html) = if t.lang != reader {
        let (text, html) = not_available(ctx, lang, reader, doc);
        (Some(text), Some(html))
    } else {
        (None, None)
    };
    let notice = t.notice();
    let urgency = notice.and_then(|n| match n.urgency {
        Urgency::Crisis => Some("crisis"),
        Urgency::Important => Some("important"),
        Urgency::Normal => None,
    });
    let date_arg = |key: &str, date: String| {
        i18n.t(lang, key, Some(&args([("date", FluentValue::from(date))])))
    };
    let minutes = t.minutes();
    let meeting = minutes.map(|m| meeting_line(ctx, lang, m));
    let agenda = minutes.map(agenda_views).unwrap_or_default();
    let topics = topic_names(site, lang, t);
    let others = other_languages(site, doc, t);
    let (body_html, body_text) = if full {
        let (html, text) = whole_text(ctx, t, &url);
        (Some(html), Some(text))
    } else {
        (None, None)
    };
    let instruction = notice.and_then(|n| n.instruction.clone());
    DocView {
        kind: doc.kind.dir(),
        kind_label: i18n.t(lang, &format!("kind-{}", doc.kind.dir()), None),
        urgency,
        urgency_label: urgency.map(|u| i18n.t(lang, &format!("urgency-{u}"), None)),
        lang: lang_view(site, &t.lang),
        foreign,
        fallback,
        fallback_html,
        title: t.title.clone(),
        summary: t.summary.clone(),
        summary_html: text_html(site, &t.lang, &t.summary),
        url,
        published: date_arg("published", i18n.date(lang, t.date.date_naive())),
        expires: notice
            .and_then(|n| n.expires)
            .map(|e| date_arg("expires", i18n.date_time(lang, &e))),
        instruction_html: instruction
            .as_deref()
            .map(|s| crate::content::markdown::contact_html(s, rtl)),
        instruction,
        topics,
        meeting,
        agenda,
        closed_label: i18n.t(&t.lang, "item-closed", None),
        others,
        body_html,
        body_text,
    }
}

/// "Not available in {language}. Available in: {languages}", as text and as HTML, for a
/// document shown in another language than the reader's. Each language's name is isolated (a
/// `<bdi>` with its own `lang` and `dir` in HTML, Unicode isolates in text), so that names in
/// other scripts keep their place in the list.
fn not_available(ctx: &MailContext, lang: &str, missing: &str, doc: &Document) -> (String, String) {
    let (site, i18n) = (ctx.site, ctx.i18n);
    let sep = i18n.t(lang, "mail-list-separator", None);
    let names: Vec<LangView> = doc
        .translations
        .iter()
        .map(|x| lang_view(site, &x.lang))
        .collect();
    let label = |language: String, languages: String| {
        i18n.t(
            lang,
            "mail-not-available",
            Some(&args([
                ("language", FluentValue::from(language)),
                ("languages", FluentValue::from(languages)),
            ])),
        )
    };
    let text_list: Vec<String> = names
        .iter()
        .map(|n| format!("\u{2068}{}\u{2069}", n.name))
        .collect();
    let text = label(lang_view(site, missing).name, text_list.join(&sep));
    let html_list: Vec<String> = names
        .iter()
        .map(|n| {
            format!(
                "<bdi lang=\"{}\" dir=\"{}\">{}</bdi>",
                html::escape(&n.code),
                n.dir,
                html::escape(&n.name)
            )
        })
        .collect();
    let html = html::escape(&label(
        lang_view(site, missing).name,
        LIST_MARKER.to_string(),
    ))
    .replace(LIST_MARKER, &html_list.join(&html::escape(&sep)));
    (text, html)
}

/// Minutes: "Minutes of {committee}, meeting of {date}", in the reader's language.
fn meeting_line(ctx: &MailContext, lang: &str, m: &MinutesInfo) -> String {
    let (site, i18n) = (ctx.site, ctx.i18n);
    let default = site.default_language();
    let committee = site
        .config
        .topic(&m.committee)
        .map_or(m.committee.clone(), |c| {
            c.name.get(lang, default).to_owned()
        });
    i18n.t(
        lang,
        "notice-board-entry",
        Some(&args([
            ("committee", FluentValue::from(committee)),
            (
                "date",
                FluentValue::from(i18n.date(lang, m.meeting.start.date_naive())),
            ),
        ])),
    )
}

/// The agenda as `theme::document::content_html` shows the items: "label: title", a closed one
/// labelled, nothing of its text.
fn agenda_views(m: &MinutesInfo) -> Vec<AgendaView> {
    m.items
        .iter()
        .map(|it| AgendaView {
            heading: match &it.title {
                Some(title) => format!("{}: {}", it.label, title),
                None => it.label.clone(),
            },
            closed: it.closed,
        })
        .collect()
}

/// The names of the document's topics in the reader's language; minutes are also under their
/// committee.
fn topic_names(site: &Site, lang: &str, t: &Translation) -> Vec<String> {
    let default = site.default_language();
    let mut topic_ids: Vec<&String> = t.topics.iter().collect();
    if let Some(m) = t.minutes()
        && !topic_ids.contains(&&m.committee)
    {
        topic_ids.push(&m.committee);
    }
    topic_ids
        .into_iter()
        .filter_map(|id| site.config.topic(id))
        .map(|tp| tp.name.get(lang, default).to_owned())
        .collect()
}

/// Links to the document in the languages other than the one shown.
fn other_languages(site: &Site, doc: &Document, t: &Translation) -> Vec<LinkView> {
    doc.translations
        .iter()
        .filter(|x| x.lang != t.lang)
        .map(|x| {
            let v = lang_view(site, &x.lang);
            LinkView {
                code: v.code,
                name: v.name,
                dir: v.dir,
                url: urls::absolute(&site.config, &doc.url(&x.lang)),
            }
        })
        .collect()
}

/// The whole text of `t` as HTML and as plain text (crisis messages), its links absolute.
fn whole_text(ctx: &MailContext, t: &Translation, url: &str) -> (String, String) {
    let site = ctx.site;
    let rtl = crate::theme::views::is_rtl(site, &t.lang);
    let content = crate::theme::document::content_html(ctx.i18n, t, rtl);
    (
        html::email_html(&content, &site.config.base_url, url),
        crate::plain_text::html_to_text(
            &content,
            &site.config.base_url,
            crate::plain_text::Flavour::Email { page_url: url },
        ),
    )
}

fn ser<T: Serialize>(v: &T) -> minijinja::Value {
    minijinja::Value::from(minijinja::value::Serde(v))
}

fn render_pair(
    ctx: &MailContext,
    name: &str,
    lang: String,
    subject: String,
    value: minijinja::Value,
) -> Result<Composed, Diagnostic> {
    let html = templates::render(ctx.templates, &format!("{name}.html"), value.clone())?;
    let text = templates::render(ctx.templates, &format!("{name}.txt"), value)?;
    Ok(Composed {
        lang,
        subject,
        text: html::tidy_text(&text, TEXT_WIDTH),
        html,
    })
}

// ---------------------------------------------------------------------------------------------
// Headers.

/// A subject or header text on one line.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

fn raw(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

fn setting_error(key: &str, message: String) -> Diagnostic {
    Diagnostic::setting(CONFIG_FILE, key, message).hint("see the `mail:` section of site.yaml")
}

/// `List-Id: Phrase <list.id>` (RFC 2919), the organisation's name as the phrase.
fn list_id(phrase: &str, id: &str) -> Result<String, Diagnostic> {
    let id = id.trim();
    let valid = !id.is_empty()
        && id.contains('.')
        && id
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"-._".contains(&c))
        && !id.starts_with('.')
        && !id.ends_with('.');
    if !valid {
        return Err(
            setting_error("mail.list_id", format!("`{id}` is not a list identifier"))
                .hint("write it like a host name under your domain, e.g. nyheter.ekvik.example"),
        );
    }
    let phrase = one_line(phrase);
    let atext =
        |c: char| c.is_ascii_alphanumeric() || c == ' ' || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let phrase = if phrase.is_empty() || !phrase.is_ascii() || phrase.chars().all(atext) {
        // Non-ASCII phrases are written as encoded words by lettre.
        phrase
    } else {
        format!("\"{}\"", phrase.replace('\\', "\\\\").replace('"', "\\\""))
    };
    Ok(if phrase.is_empty() {
        format!("<{id}>")
    } else {
        format!("{phrase} <{id}>")
    })
}

fn checked_message_id(id: &str) -> Result<String, Diagnostic> {
    let inner = id.strip_prefix('<').and_then(|s| s.strip_suffix('>'));
    match inner {
        Some(s)
            if s.contains('@')
                && s.is_ascii()
                && !s
                    .bytes()
                    .any(|c| c <= b' ' || c == 0x7f || b"<>\"\\()[],;:".contains(&c)) =>
        {
            Ok(id.to_owned())
        }
        _ => Err(Diagnostic::failure(format!("`{id}` is not a Message-ID"))
            .hint("write it as <unique-part@host>")),
    }
}

/// A link for the footer and `List-Unsubscribe`: absolute HTTPS (plain HTTP only to this
/// machine, for tests), nothing that could break a header.
fn checked_link(url: &str, what: &str) -> Result<String, Diagnostic> {
    let local = ["http://localhost", "http://127.0.0.1", "http://[::1]"]
        .iter()
        .any(|p| url.starts_with(p));
    let ok = (url.starts_with("https://") || local)
        && url.len() > "https://".len()
        && url.is_ascii()
        && !url
            .bytes()
            .any(|c| c <= b' ' || c == b'<' || c == b'>' || c == b'"' || c == 0x7f);
    if ok {
        Ok(url.to_owned())
    } else {
        Err(Diagnostic::setting(
            CONFIG_FILE,
            "mail.service_url",
            format!("the {what} link `{url}` is not an absolute HTTPS address"),
        )
        .hint("mail.service_url must start with https:// (RFC 8058 requires HTTPS)"))
    }
}

// ---------------------------------------------------------------------------------------------
// DKIM.

/// The headers signed when present: those a reader sees and those RFC 8058 requires to be
/// signed (`List-Unsubscribe`, `List-Unsubscribe-Post`).
const SIGNED_HEADERS: &[&str] = &[
    "From",
    "Reply-To",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "List-Id",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "Auto-Submitted",
    "Content-Language",
    "Importance",
    "Priority",
    "MIME-Version",
];

/// Keys read once per run, by the settings that name them and the headers signed.
type DkimCache = Vec<(String, Arc<DkimConfig>)>;
static DKIM_CACHE: Mutex<DkimCache> = Mutex::new(Vec::new());

fn read_dkim_key(
    d: &DkimSettings,
) -> Result<(String, lettre::message::dkim::DkimSigningKey), Diagnostic> {
    let key = std::env::var(&d.key_env).ok().filter(|k| !k.trim().is_empty()).ok_or_else(|| {
        setting_error(
            "mail.dkim.key_env",
            format!(
                "DKIM signing is configured, but the environment variable `{}` that should hold the private key is not set",
                d.key_env
            ),
        )
        .hint(format!(
            "export {}=\"$(cat dkim-private.pem)\" (PEM, RSA or Ed25519), or remove `dkim:` to send unsigned",
            d.key_env
        ))
    })?;
    let signing = dkim::signing_key(&key).map_err(|e| {
        setting_error(
            "mail.dkim.key_env",
            format!("the private key in `{}`: {e}", d.key_env),
        )
    })?;
    Ok((key, signing))
}

fn dkim_config(d: &DkimSettings, msg: &lettre::Message) -> Result<Arc<DkimConfig>, Diagnostic> {
    let headers: Vec<&'static str> = SIGNED_HEADERS
        .iter()
        .copied()
        .filter(|h| msg.headers().get_raw(h).is_some())
        .collect();
    let (key_text, key) = read_dkim_key(d)?;
    let cache_key = format!(
        "{}\n{}\n{}\n{key_text}",
        d.domain,
        d.selector,
        headers.join(":")
    );
    let mut cache = DKIM_CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, c)) = cache.iter().find(|(k, _)| *k == cache_key) {
        return Ok(c.clone());
    }
    let config = Arc::new(DkimConfig::new(
        d.selector.clone(),
        d.domain.clone(),
        key,
        headers
            .into_iter()
            .map(HeaderName::new_from_ascii_str)
            .collect(),
        DkimCanonicalization {
            header: DkimCanonicalizationType::Relaxed,
            body: DkimCanonicalizationType::Relaxed,
        },
    ));
    if cache.len() >= 16 {
        cache.remove(0);
    }
    cache.push((cache_key, config.clone()));
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_id_phrases_are_quoted_when_needed() {
        assert_eq!(
            list_id("Ekviks kommun", "nyheter.ekvik.example").unwrap(),
            "Ekviks kommun <nyheter.ekvik.example>"
        );
        assert_eq!(
            list_id("St. Ives Council", "news.example").unwrap(),
            "\"St. Ives Council\" <news.example>"
        );
        assert!(list_id("X", "not an id").is_err());
    }

    #[test]
    fn message_ids_and_links_are_checked() {
        assert!(checked_message_id("<a.b@ekvik.example>").is_ok());
        for bad in ["a@b", "<a b@c>", "<ab>", "<a@b>\r\nBcc: x@y"] {
            assert!(checked_message_id(bad).is_err(), "{bad}");
        }
        assert!(checked_link("https://p.example/u?t=1&x=2", "x").is_ok());
        assert!(checked_link("http://p.example/u", "x").is_err());
        assert!(checked_link("https://p.example/u\r\nX: y", "x").is_err());
    }

    #[test]
    fn placeholders_are_escaped_in_html() {
        let c = Composed {
            lang: "sv".into(),
            subject: "s".into(),
            text: format!("{UNSUBSCRIBE_PLACEHOLDER}\n{PREFERENCES_PLACEHOLDER}"),
            html: format!("<a href=\"{UNSUBSCRIBE_PLACEHOLDER}\">"),
        };
        let (t, h) = c.personalised("https://s.example/u?a=1&b=2", "https://s.example/p");
        assert_eq!(t, "https://s.example/u?a=1&b=2\nhttps://s.example/p");
        assert_eq!(h, "<a href=\"https://s.example/u?a=1&amp;b=2\">");
    }
}
