//! The service's pages, rendered from the theme's `subscriptions/*.html` templates in the
//! reader's language, and the subscribe form's fields, which the site's own subscribe page
//! (`/{lang}/subscribe/`) shares.
//!
//! Every answer carries the same security headers: a Content-Security-Policy that allows only
//! the service's own stylesheet and forms, no referrer to other sites (links carry tokens), no
//! framing, no caching of anything personal. Nothing sets a cookie.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use fluent_bundle::FluentValue;
use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use super::forms::{Choices, Problems};
use crate::i18n::{I18n, args};
use crate::mail::Frequency;
use crate::mail::compose::CONFIRM_VALID_HOURS;
use crate::site::{Site, urls};
use crate::theme::templates::{self, Templates};
use crate::theme::views::{LangLink, lang_view};

fn v<T: Serialize>(x: T) -> Value {
    Value::from(Serde(x))
}

pub use crate::theme::forms::{ChoiceView, FormErrors, FormView, Selected, TopicGroup, form_view};

/// The language the reader asked for: `?lang=`, else the best of `Accept-Language` that the site
/// has, else the site's default language.
pub fn negotiate(site: &Site, asked: Option<&str>, accept_language: Option<&str>) -> String {
    let config = &site.config;
    if let Some(l) = asked.filter(|l| config.language(l).is_some()) {
        return l.to_owned();
    }
    let mut ranges: Vec<(f32, usize, &str)> = accept_language
        .unwrap_or_default()
        .split(',')
        .take(32)
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.split(';');
            let tag = bits.next()?.trim();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0 && !tag.is_empty()).then_some((q, i, tag))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, tag) in ranges {
        let tag = tag.to_ascii_lowercase();
        let primary = tag.split('-').next().unwrap_or_default();
        // Norwegian: `no` and `nn` readers read bokmål.
        let primary = if matches!(primary, "no" | "nn") {
            "nb"
        } else {
            primary
        };
        if let Some(l) = config
            .site
            .languages
            .iter()
            .find(|l| l.code().eq_ignore_ascii_case(&tag) || l.code() == primary)
        {
            return l.code().to_owned();
        }
    }
    config.default_language().to_owned()
}

/// A link shown on a message page.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub url: String,
    pub label: String,
}

/// What a message page says.
#[derive(Debug, Clone, Serialize)]
pub struct MessageView {
    pub kind: &'static str,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub links: Vec<LinkView>,
}

/// The outcome pages and error pages of the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// After the subscribe or link form, whatever happened (the same for every address).
    Sent,
    Confirmed,
    Saved,
    Unsubscribed,
    /// After a subscriber erased everything stored about them.
    Erased,
    /// A confirmation link that has expired, was used, or never existed.
    ConfirmLinkInvalid,
    /// A preferences or unsubscribe link that does not verify.
    LinkInvalid,
    BadForm,
    TooLarge,
    UnsupportedType,
    TooManyRequests,
    ForeignOrigin,
    Unavailable,
    NotFound,
}

impl Message {
    pub fn status(self) -> StatusCode {
        match self {
            Message::Sent
            | Message::Confirmed
            | Message::Saved
            | Message::Unsubscribed
            | Message::Erased => StatusCode::OK,
            Message::ConfirmLinkInvalid | Message::LinkInvalid => StatusCode::GONE,
            Message::BadForm => StatusCode::BAD_REQUEST,
            Message::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Message::UnsupportedType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Message::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Message::ForeignOrigin => StatusCode::FORBIDDEN,
            Message::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Message::NotFound => StatusCode::NOT_FOUND,
        }
    }
}

/// Renders the service's pages; made once at start.
pub struct Pages {
    pub site: Arc<Site>,
    pub i18n: Arc<I18n>,
    pub templates: Arc<Templates>,
    /// The path of `mail.service_url` (`""` or `/prenumeration`), before every route.
    pub prefix: String,
    /// The stylesheet's path on the service.
    pub stylesheet: String,
    /// The page after the subscribe and link forms, per language: the same bytes for everyone.
    sent: HashMap<String, String>,
}

impl Pages {
    pub fn new(
        site: Arc<Site>,
        i18n: Arc<I18n>,
        templates: Arc<Templates>,
        prefix: String,
        stylesheet: String,
    ) -> Result<Pages, crate::diagnostics::Diagnostic> {
        let mut pages = Pages {
            site,
            i18n,
            templates,
            prefix,
            stylesheet,
            sent: HashMap::new(),
        };
        let mut sent = HashMap::new();
        for code in pages.site.config.language_codes() {
            sent.insert(
                code.to_owned(),
                pages.message_html(code, Message::Sent, &[])?,
            );
        }
        pages.sent = sent;
        Ok(pages)
    }

    pub fn path(&self, rest: &str) -> String {
        format!("{}{rest}", self.prefix)
    }

    fn t(&self, lang: &str, key: &str) -> String {
        self.i18n.t(lang, key, None)
    }

    fn organisation(&self, lang: &str) -> String {
        let c = &self.site.config;
        c.site
            .organisation
            .name
            .get(lang, c.default_language())
            .to_owned()
    }

    /// What every page shares. `here` (a path on the service) gives the language switcher
    /// links to the same page in each language; none on answers to a form.
    fn base(&self, lang: &str, title: &str, here: Option<&str>, error: bool) -> Value {
        let c = &self.site.config;
        let default = c.default_language();
        let org = &c.site.organisation;
        let alternates: Vec<LangLink> = here
            .map(|path| {
                c.site
                    .languages
                    .iter()
                    .map(|l| LangLink {
                        code: l.code().to_owned(),
                        name: l.name.clone(),
                        dir: l.dir.as_str(),
                        url: format!("{path}?lang={}", l.code()),
                        current: l.code() == lang,
                    })
                    .collect()
            })
            .unwrap_or_default();
        context! {
            lang => v(lang_view(&self.site, lang)),
            page_title => v(title),
            error => v(error),
            alternates => v(alternates),
            stylesheet => v(&self.stylesheet),
            site => context! {
                title => v(c.site.title.get(lang, default)),
                base_url => v(&c.base_url),
                home => v(urls::absolute(c, &urls::home(lang))),
            },
            organisation => context! {
                name => v(org.name.get(lang, default)),
                address => v(&org.address),
                phone => v(&org.phone),
                email => v(&org.email),
            },
        }
    }

    fn render(&self, name: &str, ctx: Value) -> Result<String, crate::diagnostics::Diagnostic> {
        templates::render(&self.templates, name, ctx)
    }

    /// The subscribe page, with what was typed and what is wrong with it.
    pub fn subscribe(
        &self,
        lang: &str,
        address: &str,
        choices: Option<&Choices>,
        problems: &Problems,
        manage_error: bool,
    ) -> Result<String, crate::diagnostics::Diagnostic> {
        let title = self.t(lang, "sub-title");
        let selected = Selected {
            language: choices.map_or(lang, |c| c.language.as_str()),
            topics: choices.map_or(&[][..], |c| c.topics.as_slice()),
            frequency: choices.map_or(Frequency::Immediate, |c| c.frequency),
        };
        let mut form = form_view(
            &self.site,
            &self.i18n,
            lang,
            self.path("/subscribe"),
            Some(address.to_owned()),
            &selected,
        );
        if problems.address.is_some() && !manage_error {
            form.errors.address = Some(self.t(lang, "sub-error-address"));
        }
        if problems.choice {
            form.errors.choice = Some(self.t(lang, "sub-error-choice"));
        }
        let error = problems.any();
        let base = self.base(lang, &title, Some(&self.path("/subscribe")), error);
        self.render(
            "subscriptions/subscribe.html",
            context! {
                form => v(form),
                manage_action => v(self.path("/manage")),
                manage_error => v(manage_error.then(|| self.t(lang, "sub-error-address"))),
                ..base
            },
        )
    }

    /// The page a confirmation link opens: a button.
    pub fn confirm(
        &self,
        lang: &str,
        token: &str,
    ) -> Result<String, crate::diagnostics::Diagnostic> {
        let path = self.path(&format!("/confirm/{token}"));
        let base = self.base(lang, &self.t(lang, "sub-confirm-title"), Some(&path), false);
        // The language goes along, so that the answer to a link that has just expired is in it.
        self.render(
            "subscriptions/confirm.html",
            context! { action => v(format!("{path}?lang={lang}")), ..base },
        )
    }

    /// The page an unsubscribe link opens: a button.
    pub fn unsubscribe(
        &self,
        lang: &str,
        token: &str,
        address: &str,
        preferences_url: &str,
    ) -> Result<String, crate::diagnostics::Diagnostic> {
        let path = self.path(&format!("/unsubscribe/{token}"));
        let base = self.base(
            lang,
            &self.t(lang, "sub-unsubscribe-title"),
            Some(&path),
            false,
        );
        self.render(
            "subscriptions/unsubscribe.html",
            context! {
                action => v(format!("{path}?lang={lang}")),
                address => v(address),
                preferences_url => v(preferences_url),
                ..base
            },
        )
    }

    /// The page the erase link of the preferences page opens: what erasing does, and a button.
    pub fn erase(
        &self,
        lang: &str,
        token: &str,
        address: &str,
    ) -> Result<String, crate::diagnostics::Diagnostic> {
        let path = self.path(&format!("/erase/{token}"));
        let base = self.base(lang, &self.t(lang, "sub-erase-title"), Some(&path), false);
        self.render(
            "subscriptions/erase.html",
            context! {
                action => v(format!("{path}?lang={lang}")),
                address => v(address),
                preferences_url => v(format!("{}?lang={lang}", self.path(&format!("/preferences/{token}")))),
                ..base
            },
        )
    }

    /// The preferences page of a subscriber.
    #[allow(clippy::too_many_arguments)]
    pub fn preferences(
        &self,
        lang: &str,
        token: &str,
        address: &str,
        selected: &Selected,
        unsubscribed: bool,
        unsubscribe_url: &str,
        choice_error: bool,
    ) -> Result<String, crate::diagnostics::Diagnostic> {
        let path = self.path(&format!("/preferences/{token}"));
        let mut form = form_view(&self.site, &self.i18n, lang, path.clone(), None, selected);
        if choice_error {
            form.errors.choice = Some(self.t(lang, "sub-error-choice"));
        }
        let base = self.base(
            lang,
            &self.t(lang, "sub-preferences-title"),
            Some(&path),
            choice_error,
        );
        self.render(
            "subscriptions/preferences.html",
            context! {
                form => v(form),
                address => v(address),
                unsubscribed => v(unsubscribed),
                unsubscribe_url => v(unsubscribe_url),
                subscribe_url => v(format!("{}?lang={lang}", self.path("/subscribe"))),
                data_url => v(self.path(&format!("/data/{token}"))),
                erase_url => v(format!("{}?lang={lang}", self.path(&format!("/erase/{token}")))),
                ..base
            },
        )
    }

    /// The page after the subscribe and link forms, the same bytes for every address.
    pub fn sent(&self, lang: &str) -> String {
        match self.sent.get(lang) {
            Some(html) => html.clone(),
            None => self
                .sent
                .get(self.site.config.default_language())
                .cloned()
                .unwrap_or_default(),
        }
    }

    /// An outcome or error page. `links` adds links for the page (the preferences page after
    /// confirming, say).
    pub fn message_html(
        &self,
        lang: &str,
        message: Message,
        links: &[LinkView],
    ) -> Result<String, crate::diagnostics::Diagnostic> {
        let (kind, heading, paragraphs, to_subscribe) = self.message_text(lang, message);
        let mut links = links.to_vec();
        if to_subscribe {
            links.push(LinkView {
                url: format!("{}?lang={lang}", self.path("/subscribe")),
                label: self.t(lang, "sub-link-new"),
            });
        }
        // Not marked as an error in the title: the heading says so (unlike a form with mistakes).
        let base = self.base(lang, &heading, None, false);
        self.render(
            "subscriptions/message.html",
            context! {
                message => v(MessageView { kind, heading: heading.clone(), paragraphs, links }),
                ..base
            },
        )
    }

    /// What a message page says: its kind (for the theme), heading and paragraphs, and whether
    /// it links to the subscribe page (after the page's own links).
    fn message_text(
        &self,
        lang: &str,
        message: Message,
    ) -> (&'static str, String, Vec<String>, bool) {
        let tr = |key: &str| self.t(lang, key);
        let with_organisation = |key: &str| {
            let organisation = FluentValue::from(self.organisation(lang));
            self.i18n
                .t(lang, key, Some(&args([("organisation", organisation)])))
        };
        let page = |kind, heading: &str, paragraphs, to_subscribe| {
            (kind, tr(heading), paragraphs, to_subscribe)
        };
        let error = |text: &str, to_subscribe| {
            page("error", "sub-error-title", vec![tr(text)], to_subscribe)
        };
        match message {
            Message::Sent => {
                let hours = args([("hours", FluentValue::from(CONFIRM_VALID_HOURS))]);
                let expires = self.i18n.t(lang, "mail-confirm-expires", Some(&hours));
                let paragraphs = vec![tr("sub-sent-text"), expires, tr("sub-sent-spam")];
                page("sent", "sub-sent-title", paragraphs, false)
            }
            Message::Confirmed => {
                let paragraphs = vec![with_organisation("sub-confirmed-text")];
                page("confirmed", "sub-confirmed-title", paragraphs, false)
            }
            Message::Saved => page(
                "saved",
                "sub-saved-title",
                vec![tr("sub-saved-text")],
                false,
            ),
            Message::Unsubscribed => {
                let paragraphs = vec![with_organisation("sub-unsubscribed-text")];
                page("unsubscribed", "sub-unsubscribed-title", paragraphs, true)
            }
            Message::Erased => {
                let paragraphs = vec![with_organisation("sub-erased-text")];
                page("erased", "sub-erased-title", paragraphs, true)
            }
            Message::ConfirmLinkInvalid => {
                let paragraphs = vec![tr("sub-link-invalid-text"), tr("sub-link-invalid-action")];
                page("link-invalid", "sub-link-invalid-title", paragraphs, true)
            }
            Message::LinkInvalid => {
                let paragraphs = vec![tr("sub-link-broken-text")];
                page("link-invalid", "sub-link-invalid-title", paragraphs, true)
            }
            Message::BadForm | Message::UnsupportedType => error("sub-error-form", true),
            Message::TooLarge => error("sub-error-too-large", true),
            Message::TooManyRequests => error("sub-error-too-many", false),
            Message::ForeignOrigin => error("sub-error-origin", true),
            Message::Unavailable => error("sub-error-unavailable", false),
            Message::NotFound => page("error", "not-found-title", vec![tr("not-found-text")], true),
        }
    }

    /// The label of the link to the preferences page.
    pub fn preferences_label(&self, lang: &str) -> String {
        self.t(lang, "sub-confirmed-preferences")
    }
}

/// An HTML page with the service's headers. `private` pages (anything reached by a token, or
/// answering a form) are never cached.
pub fn html_response(status: StatusCode, lang: &str, html: String) -> Response {
    let mut r = Response::new(Body::from(html));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(l) = HeaderValue::from_str(lang) {
        h.insert(header::CONTENT_LANGUAGE, l);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    security_headers(h);
    r
}

/// The headers every answer carries.
pub fn security_headers(h: &mut axum::http::HeaderMap) {
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    // Links hold tokens: never send them to another site. `same-origin`, not `no-referrer`:
    // with `no-referrer`, browsers send `Origin: null` with the forms' posts.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
}
