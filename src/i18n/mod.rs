//! Words and dates in the reader's language: UI strings from `locales/{lang}.ftl` (Project Fluent,
//! with CLDR plural rules), dates and numbers formatted per locale by ICU4X.
//!
//! The strings shipped with anslag are compiled in; a site's own `locales/{lang}.ftl` replaces
//! them message by message. A missing message falls back to the site's default language, then
//! to English.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate, Timelike};
use chrono_tz::Tz;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets;
use icu_datetime::input::{Date, DateTime as IcuDateTime, Time};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, line_col};

/// The UI strings shipped with anslag.
pub const BUILTIN: &[(&str, &str)] = &[
    ("en", include_str!("../../locales/en.ftl")),
    ("sv", include_str!("../../locales/sv.ftl")),
    ("da", include_str!("../../locales/da.ftl")),
    ("nb", include_str!("../../locales/nb.ftl")),
    ("fi", include_str!("../../locales/fi.ftl")),
    ("de", include_str!("../../locales/de.ftl")),
    ("pl", include_str!("../../locales/pl.ftl")),
    ("uk", include_str!("../../locales/uk.ftl")),
    ("so", include_str!("../../locales/so.ftl")),
    ("ar", include_str!("../../locales/ar.ftl")),
    ("fa", include_str!("../../locales/fa.ftl")),
];

pub const LOCALES_DIR: &str = "locales";

struct Lang {
    bundle: FluentBundle<FluentResource>,
    date: DateTimeFormatter<fieldsets::YMD>,
    date_time: DateTimeFormatter<fieldsets::YMDT>,
    decimal: DecimalFormatter,
}

/// Everything needed to speak each of the site's languages.
pub struct I18n {
    langs: HashMap<String, Lang>,
    /// Where to look when a message is missing: default language, then English.
    fallback: Vec<String>,
}

impl I18n {
    /// Loads the strings for every language of the site; a site's `locales/` folder overrides.
    pub fn load(root: &Path, config: &Config) -> Result<(I18n, Vec<Diagnostic>), Diagnostics> {
        let mut errs = Diagnostics::default();
        let mut warnings = Vec::new();
        let mut langs = HashMap::new();
        let mut codes: Vec<(String, String)> = config
            .site
            .languages
            .iter()
            .map(|l| (l.code().to_owned(), l.locale().to_owned()))
            .collect();
        if !codes.iter().any(|(c, _)| c == "en") {
            codes.push(("en".into(), "en".into()));
        }
        for (code, locale_str) in codes {
            let rtl = config
                .language(&code)
                .is_some_and(|l| l.dir == crate::config::Direction::Rtl);
            let locale: Locale = locale_str.parse().unwrap_or(Locale::UNKNOWN);
            let langid = code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks keep names and numbers in place inside right-to-left text; in
            // left-to-right text they only add invisible characters.
            bundle.set_use_isolating(rtl);
            bundle.set_formatter(Some(format_number));
            let builtin = BUILTIN.iter().find(|(c, _)| *c == code).map(|(_, s)| *s);
            if let Some(src) = builtin
                && let Ok(res) = FluentResource::try_new(src.to_owned())
            {
                bundle.add_resource_overriding(res);
            }
            let site_file = root.join(LOCALES_DIR).join(format!("{code}.ftl"));
            let shown = Path::new(LOCALES_DIR).join(format!("{code}.ftl"));
            match std::fs::read_to_string(&site_file) {
                Ok(text) => {
                    match FluentResource::try_new(text.clone()) {
                        Ok(res) => bundle.add_resource_overriding(res),
                        Err((_, parse_errors)) => {
                            for e in parse_errors {
                                let (line, col) = line_col(&text, e.pos.start);
                                errs.push(Diagnostic::error(&shown, format!("Fluent syntax error: {}", e.kind)).at(line, Some(col)).hint("see https://projectfluent.org/fluent/guide/ for the syntax").with_source(&text));
                            }
                        }
                    }
                }
                Err(_) if builtin.is_none() => warnings.push(
                    Diagnostic {
                        severity: crate::diagnostics::Severity::Warning,
                        ..Diagnostic::error(
                            &shown,
                            format!("no UI strings for language `{code}`: pages use English words"),
                        )
                    }
                    .hint(format!("translate locales/en.ftl into {}", shown.display())),
                ),
                Err(_) => {}
            }
            let date = DateTimeFormatter::try_new(locale.clone().into(), fieldsets::YMD::long());
            let date_time = DateTimeFormatter::try_new(
                locale.clone().into(),
                fieldsets::YMD::long().with_time_hm(),
            );
            let decimal = DecimalFormatter::try_new(locale.clone().into(), Default::default());
            match (date, date_time, decimal) {
                (Ok(date), Ok(date_time), Ok(decimal)) => {
                    langs.insert(
                        code,
                        Lang {
                            bundle,
                            date,
                            date_time,
                            decimal,
                        },
                    );
                }
                _ => errs.push(
                    Diagnostic::error(
                        crate::config::CONFIG_FILE,
                        format!("no date formats for locale `{locale_str}`"),
                    )
                    .hint("use a locale that CLDR knows, e.g. sv, en-GB, fa-u-ca-gregory"),
                ),
            }
        }
        if errs.has_errors() {
            return Err(errs);
        }
        let mut fallback = vec![config.default_language().to_owned()];
        if fallback[0] != "en" {
            fallback.push("en".into());
        }
        Ok((I18n { langs, fallback }, warnings))
    }

    /// The message `key` in `lang`, with arguments.
    pub fn t(&self, lang: &str, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for code in std::iter::once(lang).chain(self.fallback.iter().map(String::as_str)) {
            let Some(l) = self.langs.get(code) else {
                continue;
            };
            let Some(msg) = l.bundle.get_message(key) else {
                continue;
            };
            let Some(pattern) = msg.value() else { continue };
            let mut errors = Vec::new();
            return l
                .bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        key.to_owned()
    }

    /// Whether `key` exists for `lang` without falling back.
    pub fn has(&self, lang: &str, key: &str) -> bool {
        self.langs
            .get(lang)
            .is_some_and(|l| l.bundle.has_message(key))
    }

    /// "2 september 2026", in the reader's language and calendar.
    pub fn date(&self, lang: &str, d: NaiveDate) -> String {
        let Some(l) = self.lang(lang) else {
            return d.to_string();
        };
        match Date::try_new_iso(d.year(), d.month() as u8, d.day() as u8) {
            Ok(date) => l.date.format(&date).to_string(),
            Err(_) => d.to_string(),
        }
    }

    /// "2 september 2026 16:30", local time of the site.
    pub fn date_time(&self, lang: &str, dt: &DateTime<Tz>) -> String {
        let Some(l) = self.lang(lang) else {
            return dt.to_rfc3339();
        };
        let d = dt.date_naive();
        let date = Date::try_new_iso(d.year(), d.month() as u8, d.day() as u8);
        let time = Time::try_new(dt.hour() as u8, dt.minute() as u8, 0, 0);
        match (date, time) {
            (Ok(date), Ok(time)) => l.date_time.format(&IcuDateTime { date, time }).to_string(),
            _ => dt.to_rfc3339(),
        }
    }

    /// A number in the reader's digits and separators ("1,5" in Swedish, "١٫٥" in Arabic).
    pub fn number(&self, lang: &str, value: &str) -> String {
        match (self.lang(lang), value.parse::<Decimal>()) {
            (Some(l), Ok(d)) => l.decimal.format(&d).to_string(),
            _ => value.to_owned(),
        }
    }

    fn lang(&self, lang: &str) -> Option<&Lang> {
        self.langs
            .get(lang)
            .or_else(|| self.fallback.iter().find_map(|c| self.langs.get(c)))
    }
}

/// Fluent's own number formatting writes ASCII digits; this gives plural-selected numbers the
/// locale's digits too.
fn format_number(
    value: &FluentValue<'_>,
    memo: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let text = n.as_string().into_owned();
    let decimal: Decimal = text.parse().ok()?;
    memo.with_try_get::<NumberFormat, _, _>((), |f| {
        f.0.as_ref().map(|f| f.format(&decimal).to_string())
    })
    .ok()
    .flatten()
}

struct NumberFormat(Option<DecimalFormatter>);

impl intl_memoizer::Memoizable for NumberFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let locale: Option<Locale> = lang.to_string().parse().ok();
        Ok(NumberFormat(locale.and_then(|l| {
            DecimalFormatter::try_new(l.into(), Default::default()).ok()
        })))
    }
}

/// Builds Fluent arguments from name/value pairs.
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> FluentArgs<'a> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        a.set(k, v);
    }
    a
}
