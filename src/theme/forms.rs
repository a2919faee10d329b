//! The subscribe and preferences forms' fields, shown by the site's own subscribe page
//! (`/{lang}/subscribe/`) and by the subscription service.

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use super::views::{dir_of, localized_view};
use crate::config::TopicKind;
use crate::config::mail::Frequency;
use crate::i18n::I18n;
use crate::site::Site;

fn v<T: Serialize>(x: T) -> Value {
    Value::from(Serde(x))
}

/// One choice of a form: a language, a topic or a frequency.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceView {
    pub id: String,
    pub value: String,
    pub label: String,
    /// The label's language, when it is not the page's (a topic named only in Swedish).
    pub lang: Option<String>,
    pub dir: &'static str,
    pub checked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicGroup {
    pub legend: String,
    pub choices: Vec<ChoiceView>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FormErrors {
    pub address: Option<String>,
    pub choice: Option<String>,
}

/// What `subscriptions/fields.html` shows.
#[derive(Debug, Clone, Serialize)]
pub struct FormView {
    /// Where the form posts.
    pub action: String,
    /// The address as typed (the subscribe form), or none (the preferences form).
    pub address: Option<String>,
    pub errors: FormErrors,
    pub languages: Vec<ChoiceView>,
    pub topic_groups: Vec<TopicGroup>,
    pub frequencies: Vec<ChoiceView>,
}

/// The choices a form shows as chosen.
pub struct Selected<'a> {
    pub language: &'a str,
    pub topics: &'a [String],
    pub frequency: Frequency,
}

const TOPIC_KINDS: [(TopicKind, &str); 5] = [
    (TopicKind::School, "sub-topics-school"),
    (TopicKind::Preschool, "sub-topics-preschool"),
    (TopicKind::Unit, "sub-topics-unit"),
    (TopicKind::Committee, "sub-topics-committee"),
    (TopicKind::Subject, "sub-topics-subject"),
];

/// The fields of the subscribe or preferences form for a page in `lang`.
pub fn form_view(
    site: &Site,
    i18n: &I18n,
    lang: &str,
    action: String,
    address: Option<String>,
    selected: &Selected,
) -> FormView {
    let config = &site.config;
    let languages = config
        .site
        .languages
        .iter()
        .map(|l| ChoiceView {
            id: format!("language-{}", l.code()),
            value: l.code().to_owned(),
            label: l.name.clone(),
            lang: Some(l.code().to_owned()),
            dir: l.dir.as_str(),
            checked: l.code() == selected.language,
        })
        .collect();
    let topic_groups = TOPIC_KINDS
        .iter()
        .filter_map(|(kind, key)| {
            let choices: Vec<ChoiceView> = config
                .site
                .topics
                .iter()
                .filter(|t| t.kind == *kind)
                .map(|t| {
                    let name = localized_view(site, &t.name, lang);
                    ChoiceView {
                        id: format!("topic-{}", t.id()),
                        value: t.id().to_owned(),
                        label: name.text,
                        lang: name.foreign.then_some(name.lang),
                        dir: name.dir,
                        checked: selected.topics.iter().any(|s| s == t.id()),
                    }
                })
                .collect();
            (!choices.is_empty()).then(|| TopicGroup {
                legend: i18n.t(lang, key, None),
                choices,
            })
        })
        .collect();
    let frequencies = [Frequency::Immediate, Frequency::Daily, Frequency::Weekly]
        .into_iter()
        .map(|f| ChoiceView {
            id: format!("frequency-{}", f.as_str()),
            value: f.as_str().to_owned(),
            label: i18n.t(lang, &format!("sub-frequency-{}", f.as_str()), None),
            lang: None,
            dir: dir_of(site, lang),
            checked: f == selected.frequency,
        })
        .collect();
    FormView {
        action,
        address,
        errors: FormErrors::default(),
        languages,
        topic_groups,
        frequencies,
    }
}

/// What the site's own subscribe page (`/{lang}/subscribe/`, rendered by the build) adds to
/// the page's context: the form, which posts to `{mail.service_url}/subscribe`; the service's
/// origin, which the page's Content-Security-Policy must allow as a form target; and the link
/// to the service's page for those already subscribed.
pub fn site_page(site: &Site, i18n: &I18n, lang: &str) -> Value {
    let Some(mail) = &site.config.site.mail else {
        return Value::UNDEFINED;
    };
    let service = mail.service_url.trim_end_matches('/');
    let form = form_view(
        site,
        i18n,
        lang,
        format!("{service}/subscribe"),
        Some(String::new()),
        &Selected {
            language: lang,
            topics: &[],
            frequency: Frequency::Immediate,
        },
    );
    context! {
        form => v(form),
        form_origin => v(origin_of(service)),
        manage_url => v(format!("{service}/subscribe?lang={lang}#manage-title")),
    }
}

/// `scheme://host[:port]` of a URL, lower case, without a default port: what browsers send as
/// `Origin`.
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim().to_ascii_lowercase();
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    if host.is_empty() || host.contains('@') {
        return None;
    }
    let host = match (scheme, host.rsplit_once(':')) {
        ("https", Some((h, "443"))) | ("http", Some((h, "80"))) => h,
        _ => host,
    };
    Some(format!("{scheme}://{host}"))
}
