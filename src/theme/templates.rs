//! The one template engine: minijinja with auto-escaping. Templates are looked up in the site's
//! `templates/`, then its `themes/{theme}/templates/`, then the default theme compiled into
//! anslag, and compiled once per build.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentValue;
use minijinja::value::Kwargs;
use minijinja::{Environment, Error, ErrorKind, State, Value};

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;

/// The default theme, so that a site works with no theme folder at all.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "entries.html",
        include_str!("../../themes/default/templates/entries.html"),
    ),
    (
        "entry.html",
        include_str!("../../themes/default/templates/entry.html"),
    ),
    (
        "home.html",
        include_str!("../../themes/default/templates/home.html"),
    ),
    (
        "list.html",
        include_str!("../../themes/default/templates/list.html"),
    ),
    (
        "document.html",
        include_str!("../../themes/default/templates/document.html"),
    ),
    (
        "topics.html",
        include_str!("../../themes/default/templates/topics.html"),
    ),
    (
        "archive.html",
        include_str!("../../themes/default/templates/archive.html"),
    ),
    (
        "notice_board.html",
        include_str!("../../themes/default/templates/notice_board.html"),
    ),
    (
        "languages.html",
        include_str!("../../themes/default/templates/languages.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "accessibility.html",
        include_str!("../../themes/default/templates/accessibility.html"),
    ),
    (
        "language_switcher.html",
        include_str!("../../themes/default/templates/language_switcher.html"),
    ),
    (
        "mail/layout.html",
        include_str!("../../themes/default/templates/mail/layout.html"),
    ),
    (
        "mail/layout.txt",
        include_str!("../../themes/default/templates/mail/layout.txt"),
    ),
    (
        "mail/digest.html",
        include_str!("../../themes/default/templates/mail/digest.html"),
    ),
    (
        "mail/digest.txt",
        include_str!("../../themes/default/templates/mail/digest.txt"),
    ),
    (
        "mail/crisis.html",
        include_str!("../../themes/default/templates/mail/crisis.html"),
    ),
    (
        "mail/crisis.txt",
        include_str!("../../themes/default/templates/mail/crisis.txt"),
    ),
    (
        "mail/confirm.html",
        include_str!("../../themes/default/templates/mail/confirm.html"),
    ),
    (
        "mail/confirm.txt",
        include_str!("../../themes/default/templates/mail/confirm.txt"),
    ),
    (
        "subscribe.html",
        include_str!("../../themes/default/templates/subscribe.html"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "subscriptions/layout.html",
        include_str!("../../themes/default/templates/subscriptions/layout.html"),
    ),
    (
        "subscriptions/fields.html",
        include_str!("../../themes/default/templates/subscriptions/fields.html"),
    ),
    (
        "subscriptions/honeypot.html",
        include_str!("../../themes/default/templates/subscriptions/honeypot.html"),
    ),
    (
        "subscriptions/subscribe.html",
        include_str!("../../themes/default/templates/subscriptions/subscribe.html"),
    ),
    (
        "subscriptions/confirm.html",
        include_str!("../../themes/default/templates/subscriptions/confirm.html"),
    ),
    (
        "subscriptions/preferences.html",
        include_str!("../../themes/default/templates/subscriptions/preferences.html"),
    ),
    (
        "subscriptions/unsubscribe.html",
        include_str!("../../themes/default/templates/subscriptions/unsubscribe.html"),
    ),
    (
        "subscriptions/erase.html",
        include_str!("../../themes/default/templates/subscriptions/erase.html"),
    ),
    (
        "subscriptions/message.html",
        include_str!("../../themes/default/templates/subscriptions/message.html"),
    ),
    (
        "mail/manage.html",
        include_str!("../../themes/default/templates/mail/manage.html"),
    ),
    (
        "mail/manage.txt",
        include_str!("../../themes/default/templates/mail/manage.txt"),
    ),
];

pub const EMBEDDED_STATIC: &[(&str, &[u8])] = &[(
    "style.css",
    include_bytes!("../../themes/default/static/style.css"),
)];

pub const TEMPLATES_DIR: &str = "templates";

/// Where each template came from, for error messages.
struct Source {
    name: String,
    shown: PathBuf,
    text: String,
}

fn collect(root: &Path, config: &Config) -> Vec<Source> {
    let mut sources: Vec<Source> = EMBEDDED
        .iter()
        .map(|(n, t)| Source {
            name: (*n).to_owned(),
            shown: Path::new("themes/default/templates").join(n),
            text: (*t).to_owned(),
        })
        .collect();
    let theme_dir = Path::new("themes")
        .join(&config.site.theme)
        .join(TEMPLATES_DIR);
    for dir in [theme_dir, PathBuf::from(TEMPLATES_DIR)] {
        // Templates are named by their path under the folder (`base.html`, `mail/digest.html`).
        for e in walkdir::WalkDir::new(root.join(&dir))
            .max_depth(2)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if !e.file_type().is_file() {
                continue;
            }
            let Ok(rel) = e.path().strip_prefix(root.join(&dir)) else {
                continue;
            };
            let name = rel.to_string_lossy().replace('\\', "/");
            if !name.ends_with(".html") && !name.ends_with(".txt") && !name.ends_with(".xml") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(e.path()) else {
                continue;
            };
            let shown = dir.join(rel);
            match sources.iter_mut().find(|s| s.name == name) {
                Some(s) => *s = Source { name, shown, text },
                None => sources.push(Source { name, shown, text }),
            }
        }
    }
    sources
}

/// The compiled templates and the file each came from.
pub struct Templates {
    pub env: Environment<'static>,
    origins: std::collections::HashMap<String, PathBuf>,
}

impl Templates {
    fn shown(&self, name: &str) -> PathBuf {
        self.origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| Path::new(TEMPLATES_DIR).join(name))
    }
}

/// Text for HTML, in an element or a quoted attribute (pages and messages): html-escape's
/// `& < > "`, and `'` as `&#39;`, the form the pages have always had (html-escape writes
/// `&#x27;`), so that they stay the same byte for byte.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.contains('\'') {
        return html_escape::encode_double_quoted_attribute(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, part) in s.split('\'').enumerate() {
        if i > 0 {
            out.push_str("&#39;");
        }
        html_escape::encode_double_quoted_attribute_to_string(part, &mut out);
    }
    Cow::Owned(out)
}

/// Compiles every template once, reporting all template errors.
pub fn environment(
    root: &Path,
    config: &Config,
    i18n: Arc<I18n>,
) -> Result<Templates, Diagnostics> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // minijinja's HTML escaping also escapes `/`, which turns every URL into `&#x2f;sv&#x2f;…`:
    // valid, but heavier and unreadable. Escaping `& < > " '` is all HTML needs.
    env.set_formatter(|out, state, value| {
        if *state.auto_escape() == minijinja::AutoEscape::Html
            && value.kind() == minijinja::value::ValueKind::String
            && !value.is_safe()
        {
            let s = value.as_str().unwrap_or_default();
            return out
                .write_str(&escape(s))
                .map_err(|_| Error::new(ErrorKind::WriteFailure, "cannot write the page"));
        }
        minijinja::escape_formatter(out, state, value)
    });
    let mut errs = Diagnostics::default();
    let sources = collect(root, config);
    for s in &sources {
        if let Err(e) = env.add_template_owned(s.name.clone(), s.text.clone()) {
            errs.push(template_error(&e, &s.shown, &s.text));
        }
    }
    let t_i18n = i18n.clone();
    env.add_function(
        "t",
        move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, Error> {
            let lang = current_lang(state)?;
            let mut args = fluent_bundle::FluentArgs::new();
            for k in kwargs.args() {
                let v: Value = kwargs.get(k)?;
                let fv = match v.as_i64() {
                    Some(n) if v.is_number() => FluentValue::from(n),
                    _ => FluentValue::from(v.to_string()),
                };
                args.set(k.to_owned(), fv);
            }
            Ok(t_i18n.t(&lang, key, Some(&args)))
        },
    );
    let n_i18n = i18n;
    env.add_filter(
        "number",
        move |state: &State, v: Value| -> Result<String, Error> {
            Ok(n_i18n.number(&current_lang(state)?, &v.to_string()))
        },
    );
    if errs.has_errors() {
        return Err(errs);
    }
    let origins = sources.into_iter().map(|s| (s.name, s.shown)).collect();
    Ok(Templates { env, origins })
}

fn current_lang(state: &State) -> Result<String, Error> {
    state
        .lookup("lang")
        .and_then(|l| l.get_attr("code").ok())
        .and_then(|c| c.as_str().map(str::to_owned))
        .ok_or_else(|| {
            Error::new(
                ErrorKind::UndefinedError,
                "`lang.code` is not set for this page",
            )
        })
}

/// A template error as a diagnostic naming the template file and line.
pub fn template_error(e: &Error, shown: &Path, text: &str) -> Diagnostic {
    let mut d = Diagnostic::error(
        shown,
        format!(
            "template error: {}",
            e.detail().unwrap_or(&e.kind().to_string())
        ),
    );
    if let Some(line) = e.line() {
        d = d.at(line, None).with_source(text);
    }
    d.hint("see the minijinja template syntax; a site's own templates/ folder overrides the theme's files")
}

/// Renders a template, turning its error into a diagnostic naming the template.
pub fn render(templates: &Templates, name: &str, ctx: Value) -> Result<String, Diagnostic> {
    let tmpl = templates
        .env
        .get_template(name)
        .map_err(|e| Diagnostic::error(templates.shown(name), e.to_string()))?;
    tmpl.render(ctx).map_err(|e| {
        let file = e.name().unwrap_or(name).to_owned();
        let mut d = Diagnostic::error(
            templates.shown(&file),
            format!(
                "template error: {}",
                e.detail().unwrap_or(&e.kind().to_string())
            ),
        );
        if let Some(line) = e.line() {
            d = d.at(line, None);
        }
        d.hint("a template asks for something the page does not have")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_writes_the_entities_the_pages_always_had() {
        assert_eq!(
            escape("'a' & \"b\" <c>"),
            "&#39;a&#39; &amp; &quot;b&quot; &lt;c&gt;"
        );
        assert_eq!(escape("Hay'adda"), "Hay&#39;adda");
        assert!(matches!(
            escape("/sv/notices/"),
            Cow::Borrowed("/sv/notices/")
        ));
    }
}
