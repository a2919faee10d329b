//! A document's content as one piece of HTML, as a feed item and an email show it.

use crate::content::document::Translation;
use crate::content::markdown::isolated_html;
use crate::i18n::I18n;

/// The full HTML of a translation: for minutes, the agenda items too (closed ones as label).
/// Headings and case numbers are isolated as the body is (see `isolated_html`), by the
/// translation's direction.
pub fn content_html(i18n: &I18n, t: &Translation, right_to_left: bool) -> String {
    let Some(m) = t.minutes() else {
        return t.body_html.clone();
    };
    let mut html = t.body_html.clone();
    for it in &m.items {
        let heading = match &it.title {
            Some(title) => format!("{}: {}", it.label, title),
            None => it.label.clone(),
        };
        html.push_str(&format!(
            "<h2 id=\"{}\">{}</h2>\n",
            escape(&it.id),
            isolated_html(&heading, right_to_left)
        ));
        if it.closed {
            html.push_str(&format!(
                "<p><strong>{}.</strong> {}</p>\n",
                escape(&i18n.t(&t.lang, "item-closed", None)),
                escape(&i18n.t(&t.lang, "item-closed-note", None))
            ));
            continue;
        }
        if let Some(case) = &it.case {
            // As on the page: a case number is isolated whole, whatever its script.
            html.push_str(&format!(
                "<p>{}: <bdi>{}</bdi></p>\n",
                escape(&i18n.t(&t.lang, "item-case", None)),
                escape(case)
            ));
        }
        html.push_str(&it.body_html);
    }
    html
}

fn escape(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s).into_owned()
}
