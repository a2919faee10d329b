//! What each `<info>` of an alert says beyond the notice's text: category, event, response,
//! urgency, severity, certainty, audience and area, from the notice's `alert:` front matter,
//! else `alerts.defaults` and `alerts.area` of `site.yaml`, else the defaults of its level.
//!
//! The values (category, response, severity, certainty, the area's polygon and geocodes) are
//! the primary translation's, so that every language's `<info>` describes the same event; a
//! translation may repeat them but not say otherwise. The texts (event, audience, the area's
//! description) are each translation's own, else `site.yaml`'s in that language, else the
//! locale's; never another language's, except a notice's own area described only in its
//! primary language.

use crate::config::alerts::{self as settings, Category, Certainty, Geocode, Point, Response};
use crate::config::alerts::{LevelDefaults, Severity};
use crate::content::document::{Translation, Urgency};
use crate::content::front_matter::AlertFm;
use crate::diagnostics::Diagnostic;
use crate::i18n::I18n;
use crate::site::Site;

use super::Alert;

/// The alert's values and texts in one language.
pub struct Info<'a> {
    pub category: Category,
    pub event: String,
    pub response: Response,
    pub urgency: &'static str,
    pub severity: Severity,
    pub certainty: Certainty,
    pub audience: Option<String>,
    pub area_description: String,
    pub polygon: &'a [Point],
    pub geocodes: &'a [Geocode],
}

fn alert_fm(t: &Translation) -> Option<&AlertFm> {
    t.notice()?.alert.as_deref().map(|a| &a.fm)
}

fn level(alert: &Alert<'_>) -> LevelDefaults {
    match alert.notice.urgency {
        Urgency::Crisis => settings::CRISIS,
        _ => settings::IMPORTANT,
    }
}

/// What the `<info>` of translation `t` says.
pub fn info<'a>(site: &'a Site, i18n: &I18n, alert: &Alert<'a>, t: &'a Translation) -> Info<'a> {
    let config = &site.config;
    let (default, lang) = (config.default_language(), t.lang.as_str());
    let defaults = &config.site.alerts.defaults;
    let level = level(alert);
    let primary = alert_fm(alert.primary);
    let own = alert_fm(t);
    let text = |v: Option<&serde_saphyr::Spanned<String>>| v.map(|s| s.value.trim().to_owned());
    let in_lang =
        |l: &crate::config::Localized| l.has(lang).then(|| l.get(lang, default).to_owned());

    let event = text(own.and_then(|a| a.event.as_ref()))
        .or_else(|| in_lang(&defaults.event))
        .unwrap_or_else(|| {
            let key = match alert.notice.urgency {
                Urgency::Crisis => "crisis-label",
                _ => "urgency-important",
            };
            i18n.t(lang, key, None)
        });
    let audience = text(own.and_then(|a| a.audience.as_ref()))
        .or_else(|| in_lang(&defaults.audience))
        .or_else(|| {
            i18n.has(lang, "alert-audience")
                .then(|| i18n.t(lang, "alert-audience", None))
        });

    let (area_description, polygon, geocodes) = area(site, primary, own, lang);

    Info {
        category: primary
            .and_then(|a| a.category)
            .or(defaults.category)
            .unwrap_or(Category::Other),
        event,
        response: primary
            .and_then(|a| a.response)
            .or(defaults.response)
            .unwrap_or(level.response),
        urgency: level.urgency,
        severity: primary
            .and_then(|a| a.severity)
            .or(defaults.severity)
            .unwrap_or(level.severity),
        certainty: primary
            .and_then(|a| a.certainty)
            .or(defaults.certainty)
            .unwrap_or(level.certainty),
        audience,
        area_description,
        polygon,
        geocodes,
    }
}

/// The area in `lang`: the notice's own (described in this translation, else in the primary
/// one), else the site's (described in this language, else by the organisation's name).
fn area<'a>(
    site: &'a Site,
    primary: Option<&'a AlertFm>,
    own: Option<&'a AlertFm>,
    lang: &str,
) -> (String, &'a [Point], &'a [Geocode]) {
    let config = &site.config;
    let default = config.default_language();
    if let Some(area) = primary.and_then(|a| a.area.as_ref()) {
        let described = own.and_then(|a| a.area.as_ref()).unwrap_or(area);
        let description = described.description.value.trim().to_owned();
        return (description, &area.polygon, &area.geocodes);
    }
    let site_area = &config.site.alerts.area;
    let description = if site_area.description.has(lang) {
        site_area.description.get(lang, default)
    } else {
        config.site.organisation.name.get(lang, default)
    };
    (
        description.to_owned(),
        &site_area.polygon,
        &site_area.geocodes,
    )
}

/// Every translation that gives a value of the alert gives the primary translation's: one
/// event, one category, one area in every language.
pub fn check_agreement(alert: &Alert<'_>) -> Vec<Diagnostic> {
    let primary = alert_fm(alert.primary);
    let mut errs = Vec::new();
    for t in alert
        .translations
        .iter()
        .filter(|t| t.lang != alert.primary.lang)
    {
        let Some(spec) = t.notice().and_then(|n| n.alert.as_deref()) else {
            continue;
        };
        let (own, line) = (&spec.fm, &spec.line);
        let area_values = |a: Option<&AlertFm>| {
            a.and_then(|a| a.area.as_ref()).map(|area| {
                let points: Vec<[f64; 2]> = area.polygon.iter().map(|p| p.value).collect();
                let codes: Vec<(&str, &str)> = area
                    .geocodes
                    .iter()
                    .map(|g| (g.name.value.as_str(), g.value.value.as_str()))
                    .collect();
                format!("{points:?} {codes:?}")
            })
        };
        let fields = [
            (
                "category",
                own.category.map(Category::as_str),
                primary.and_then(|a| a.category).map(Category::as_str),
            ),
            (
                "response",
                own.response.map(Response::as_str),
                primary.and_then(|a| a.response).map(Response::as_str),
            ),
            (
                "severity",
                own.severity.map(Severity::as_str),
                primary.and_then(|a| a.severity).map(Severity::as_str),
            ),
            (
                "certainty",
                own.certainty.map(Certainty::as_str),
                primary.and_then(|a| a.certainty).map(Certainty::as_str),
            ),
        ];
        for (key, here, there) in fields {
            if here.is_some() && here != there {
                errs.push(disagreement(alert, t, *line, key, here, there));
            }
        }
        let (here, there) = (area_values(Some(own)), area_values(primary));
        if here.is_some() && here != there {
            let (p, plang) = (&alert.primary.path, &alert.primary.lang);
            errs.push(
                Diagnostic::error(
                    &t.path,
                    format!("alert.area has another polygon or other geocodes than in the {plang} translation"),
                )
                .at(*line, None)
                .hint(format!(
                    "{} decides the area; here give the same polygon and geocodes with this language's `description:`, or leave `area:` out",
                    p.display()
                )),
            );
        }
    }
    errs
}

fn disagreement(
    alert: &Alert<'_>,
    t: &Translation,
    line: usize,
    key: &str,
    here: Option<&str>,
    there: Option<&str>,
) -> Diagnostic {
    let (p, plang) = (&alert.primary.path, &alert.primary.lang);
    Diagnostic::error(
        &t.path,
        format!(
            "alert.{key} is `{}` here but {} in the {plang} translation",
            here.unwrap_or("?"),
            there.map_or("not set".to_owned(), |v| format!("`{v}`"))
        ),
    )
    .at(line, None)
    .hint(format!(
        "one alert describes one event in every language: {} decides it; give the same `{key}:` here or leave it out",
        p.display()
    ))
}
