//! One CAP 1.2 message (OASIS Common Alerting Protocol, `urn:oasis:names:tc:emergency:cap:1.2`)
//! written with quick-xml, its elements in the order the schema prescribes: an `<info>` block per
//! language the notice exists in, each with its `<area>`.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Alert, MsgType, cap_time, values};
use crate::config::alerts as settings;
use crate::content::document::Translation;
use crate::i18n::I18n;
use crate::plain_text::{Flavour, html_to_text};
use crate::site::{Site, urls};

pub const NAMESPACE: &str = "urn:oasis:names:tc:emergency:cap:1.2";

/// The message of `alert.versions[index]`.
pub fn write(
    site: &Site,
    i18n: &I18n,
    alert: &Alert<'_>,
    index: usize,
    sender: &str,
) -> io::Result<Vec<u8>> {
    let version = &alert.versions[index];
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("alert")
        .with_attribute(("xmlns", NAMESPACE))
        .write_inner_content(|w| {
            el(w, "identifier", &version.identifier)?;
            el(w, "sender", sender)?;
            el(w, "sent", &cap_time(&version.sent))?;
            el(w, "status", "Actual")?;
            el(w, "msgType", version.msg_type.as_str())?;
            el(w, "scope", "Public")?;
            let referenced = match version.msg_type {
                MsgType::Alert => None,
                // An update names the original alert; a cancellation the latest earlier message.
                MsgType::Update => alert.versions.first(),
                MsgType::Cancel => index.checked_sub(1).map(|i| &alert.versions[i]),
            };
            if let Some(r) = referenced {
                el(
                    w,
                    "references",
                    &format!("{sender},{},{}", r.identifier, cap_time(&r.sent)),
                )?;
            }
            for t in &alert.translations {
                info(w, site, i18n, alert, t)?;
            }
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

fn info(
    w: &mut Writer<Vec<u8>>,
    site: &Site,
    i18n: &I18n,
    alert: &Alert<'_>,
    t: &Translation,
) -> io::Result<()> {
    let config = &site.config;
    let org = &config.site.organisation;
    let default = config.default_language();
    let lang = t.lang.as_str();
    let notice = t.notice().unwrap_or(alert.notice);
    let v = values::info(site, i18n, alert, t);
    w.create_element("info").write_inner_content(|w| {
        el(w, "language", lang)?;
        el(w, "category", v.category.as_str())?;
        el(w, "event", &v.event)?;
        el(w, "responseType", v.response.as_str())?;
        el(w, "urgency", v.urgency)?;
        el(w, "severity", v.severity.as_str())?;
        el(w, "certainty", v.certainty.as_str())?;
        if let Some(a) = &v.audience {
            el(w, "audience", a)?;
        }
        el(w, "effective", &cap_time(&t.date))?;
        if let Some(e) = notice.expires.as_ref() {
            el(w, "expires", &cap_time(e))?;
        }
        let name = org.name.get(lang, default);
        if !name.is_empty() {
            el(w, "senderName", name)?;
        }
        el(w, "headline", &t.title)?;
        el(w, "description", &description(t, &config.base_url))?;
        if let Some(i) = notice
            .instruction
            .as_deref()
            .filter(|i| !i.trim().is_empty())
        {
            el(w, "instruction", i.trim())?;
        }
        el(w, "web", &urls::absolute(config, &alert.doc.url(lang)))?;
        if let Some(p) = org.phone.as_deref().filter(|p| !p.trim().is_empty()) {
            el(w, "contact", p.trim())?;
        }
        w.create_element("area").write_inner_content(|w| {
            el(w, "areaDesc", &v.area_description)?;
            if !v.polygon.is_empty() {
                el(w, "polygon", &settings::polygon_text(v.polygon))?;
            }
            for g in v.geocodes {
                w.create_element("geocode").write_inner_content(|w| {
                    el(w, "valueName", g.name.value.trim())?;
                    el(w, "value", g.value.value.trim())
                })?;
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

/// The summary, then the body as plain text.
fn description(t: &Translation, base_url: &str) -> String {
    let body = html_to_text(&t.body_html, base_url, Flavour::Cap);
    let summary = t.summary.trim();
    match (summary.is_empty(), body.is_empty()) {
        (_, true) => summary.to_owned(),
        (true, false) => body,
        (false, false) => format!("{summary}\n\n{body}"),
    }
}

/// `<name>text</name>`, the text escaped and stripped of characters XML 1.0 cannot carry.
fn el(w: &mut Writer<Vec<u8>>, name: &str, text: &str) -> io::Result<()> {
    let clean: String = text.chars().filter(|&c| xml_char(c)).collect();
    w.create_element(name)
        .write_text_content(BytesText::new(&clean))?;
    Ok(())
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}
