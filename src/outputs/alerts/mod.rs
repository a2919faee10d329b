//! CAP 1.2 alerts (OASIS Common Alerting Protocol) for crisis notices, and for important ones
//! when `alerts.include_important` is set, so that alerting systems, radio and apps can pass the
//! message on in every language it exists in.
//!
//! Without stored state, a notice's history comes from its front matter: its first message is an
//! `Alert` sent at `date`; `updated` (after `date`) makes an `Update` that references the alert;
//! `ended` (an early end) makes a `Cancel` that references the latest earlier message. Messages
//! dated after the build's `now` are not sent yet. Every message is published at
//! `alerts/{slug}/{identifier}.xml` so that references resolve; the latest also at
//! `alerts/{slug}.xml`. `alerts/index.atom` lists the alerts in force now, with their latest
//! message (the `Alert` or its `Update`), and an alert ended early for 24 hours more with its
//! `Cancel` (see `visibility::alert_listed`); an expired one drops out at `expires`. A
//! withdrawn notice (`withdrawn:`) ends at its withdrawal: it is cancelled then.
//!
//! Drafts and embargoed translations (in a `--drafts` build) never go into an alert.

mod cap;
mod values;

use atom_syndication::{Category, Entry, Feed, Generator, Link, Person, Text};
use chrono::{DateTime, FixedOffset, SubsecRound, Utc};
use chrono_tz::Tz;

use crate::config::CONFIG_FILE;
use crate::content::document::{Document, Kind, NoticeInfo, Translation, Urgency};
use crate::content::visibility::{ENDED_ALERT_LISTED, alert_listed};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::site::{Site, is_active, urls};
use crate::write::{File, FileData};

pub use cap::NAMESPACE;

/// The media type of a CAP message.
pub const CAP_MIME: &str = "application/cap+xml";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MsgType {
    Alert,
    Update,
    Cancel,
}

impl MsgType {
    pub fn as_str(self) -> &'static str {
        match self {
            MsgType::Alert => "Alert",
            MsgType::Update => "Update",
            MsgType::Cancel => "Cancel",
        }
    }
}

/// One CAP message of a notice's history.
#[derive(Debug, Clone)]
pub struct Version {
    pub msg_type: MsgType,
    pub sent: DateTime<Tz>,
    /// `{host}-{slug}-{sent in UTC}`, e.g. `ekvik.example-schools-closed-water-20261122T063000Z`.
    pub identifier: String,
}

/// A notice that is alerted, with its history.
#[derive(Debug)]
pub struct Alert<'a> {
    pub doc: &'a Document,
    /// The published translations, in the order of the site's languages.
    pub translations: Vec<&'a Translation>,
    /// The translation that decides dates and urgency: the default language's, else the first.
    pub primary: &'a Translation,
    pub notice: &'a NoticeInfo,
    /// Oldest first; the last is the current message.
    pub versions: Vec<Version>,
}

impl Alert<'_> {
    pub fn current(&self) -> &Version {
        self.versions
            .last()
            .expect("an alert has at least one message")
    }

    /// Whether the notice is in force at `now`.
    pub fn is_active(&self, now: DateTime<Tz>) -> bool {
        is_active(
            self.primary.date,
            self.notice.expires,
            self.notice.ended,
            now,
        )
    }

    /// Whether the alerts' feed lists it at `now`: in force, or ended early less than a day ago.
    pub fn is_listed(&self, now: DateTime<Tz>) -> bool {
        alert_listed(
            self.primary.date,
            self.notice.expires,
            self.notice.ended,
            now,
        )
    }
}

/// The time as CAP writes it: RFC 3339 with a numeric offset (never `Z`), whole seconds.
pub fn cap_time(dt: &DateTime<Tz>) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// The CAP `sender`: `alerts.sender`, else the organisation's email, else the site's host.
pub fn sender(site: &Site) -> String {
    let config = &site.config.site;
    config
        .alerts
        .sender
        .as_deref()
        .or(config.organisation.email.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map_or_else(|| host(&site.config.base_url).to_owned(), str::to_owned)
}

/// The host of the base URL without a leading `www.`, for identifiers.
fn identifier_host(base_url: &str) -> &str {
    let h = host(base_url);
    h.strip_prefix("www.").unwrap_or(h)
}

fn host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match authority.rsplit_once(':') {
        Some((h, port))
            if !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit())
                && (!h.starts_with('[') || h.ends_with(']')) =>
        {
            h
        }
        _ => authority,
    }
}

/// CAP forbids spaces, commas and the XML specials `<` and `&` in senders and identifiers (they
/// are joined with commas and spaces in `references`).
fn cap_token_ok(s: &str) -> bool {
    !s.is_empty()
        && !s
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, ',' | '<' | '&'))
}

/// Every alerted notice with its history, newest first (the site's order).
pub fn alerts(site: &Site) -> Result<Vec<Alert<'_>>, Diagnostics> {
    let host = identifier_host(&site.config.base_url);
    let mut errs = Diagnostics::default();
    let mut out = Vec::new();
    // Withdrawn notices too, which are in no list: they are cancelled.
    for doc in site.documents.iter().filter(|d| d.kind == Kind::Notices) {
        let Some(mut alert) = alerted(site, doc) else {
            continue;
        };
        let date = alert.primary.date;
        if let Some(ended) = alert.notice.ended
            && ended <= date
        {
            errs.push(
                Diagnostic::error(
                    &alert.primary.path,
                    format!(
                        "the notice ended ({}) before it was published ({})",
                        cap_time(&ended),
                        cap_time(&date)
                    ),
                )
                .hint("`ended` is when a notice is withdrawn early: it must come after `date`; to stop publishing the notice, remove it or mark it `draft: true`"),
            );
            continue;
        }
        let disagreements = values::check_agreement(&alert);
        if !disagreements.is_empty() {
            errs.extend(disagreements);
            continue;
        }
        alert.versions = history(site, host, &alert);
        out.push(alert);
    }
    if errs.has_errors() {
        Err(errs)
    } else {
        Ok(out)
    }
}

/// A notice as an alert without its history yet; `None` when it is not alerted: it has no
/// published translation, or its urgency is normal, or important without
/// `alerts.include_important`.
fn alerted<'a>(site: &Site, doc: &'a Document) -> Option<Alert<'a>> {
    let translations: Vec<&Translation> = doc
        .translations
        .iter()
        .filter(|t| !t.draft && !t.embargoed && t.notice().is_some())
        .collect();
    let primary = *translations
        .iter()
        .find(|t| t.lang == site.default_language())
        .or(translations.first())?;
    let notice = primary.notice()?;
    let alerted = match notice.urgency {
        Urgency::Crisis => true,
        Urgency::Important => site.config.site.alerts.include_important,
        Urgency::Normal => false,
    };
    alerted.then_some(Alert {
        doc,
        translations,
        primary,
        notice,
        versions: Vec::new(),
    })
}

/// The messages of an alert sent by the build's `now`: the alert at `date`, an update at the
/// latest `updated` of a translation (before an early end), a cancel at `ended`.
fn history(site: &Site, host: &str, alert: &Alert<'_>) -> Vec<Version> {
    let (date, notice) = (alert.primary.date, alert.notice);
    let version = |msg_type, sent: DateTime<Tz>| Version {
        msg_type,
        sent,
        identifier: format!(
            "{host}-{}-{}",
            alert.doc.slug,
            sent.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ")
        ),
    };
    let mut versions = vec![version(MsgType::Alert, date)];
    let ended = notice.ended.filter(|e| *e <= site.now);
    let updated = alert
        .translations
        .iter()
        .filter_map(|t| t.updated)
        .filter(|u| *u > date && *u <= site.now && ended.is_none_or(|e| *u < e))
        .max();
    if let Some(u) = updated {
        versions.push(version(MsgType::Update, u));
    }
    if let Some(e) = ended {
        versions.push(version(MsgType::Cancel, e));
    }
    versions
}

/// Every CAP message and the Atom feed of the alerts in force.
/// What the alert files show: the alerts (by document generation), their messages, which are
/// in force and the index's `updated`. The files are the same while this stays the same, so
/// rebuilds need not write them again (rendering them means converting every alerted notice to
/// text in every language).
pub fn fingerprint(site: &Site) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match alerts(site) {
        // Errors are found again by rendering.
        Err(_) => site.now.hash(&mut h),
        Ok(alerts) => {
            if alerts.is_empty() {
                // The index's `updated` is then the build's moment.
                site.now.hash(&mut h);
            }
            for a in &alerts {
                (a.doc.kind, &a.doc.slug, a.doc.generation).hash(&mut h);
                (a.is_active(site.now), a.is_listed(site.now)).hash(&mut h);
                a.notice.expires.filter(|e| *e <= site.now).hash(&mut h);
                for v in &a.versions {
                    (v.msg_type.as_str(), v.sent, &v.identifier).hash(&mut h);
                }
            }
        }
    }
    h.finish()
}

pub fn render(site: &Site, i18n: &I18n) -> Result<Vec<File>, Diagnostics> {
    let sender = sender(site);
    if !cap_token_ok(&sender) {
        return Err(Diagnostics(vec![
            Diagnostic::error(
                CONFIG_FILE,
                format!("the alert sender `{sender}` contains a space, comma, `<` or `&`"),
            )
            .hint("set `alerts.sender` to an id without them, e.g. kommun@ekvik.example"),
        ]));
    }
    let alerts = alerts(site)?;
    let mut outputs = Vec::new();
    let mut errs = Diagnostics::default();
    for alert in &alerts {
        for (i, v) in alert.versions.iter().enumerate() {
            let bytes = match cap::write(site, i18n, alert, i, &sender) {
                Ok(b) => b,
                Err(e) => {
                    errs.push(Diagnostic::error(
                        &alert.primary.path,
                        format!("cannot write the CAP alert: {e}"),
                    ));
                    break;
                }
            };
            if i + 1 == alert.versions.len() {
                outputs.push(File {
                    path: urls::output_path(&urls::alert(&alert.doc.slug)),
                    data: FileData::Bytes(bytes.clone()),
                });
            }
            outputs.push(File {
                path: urls::output_path(&urls::alert_version(&alert.doc.slug, &v.identifier)),
                data: FileData::Bytes(bytes),
            });
        }
    }
    match index(site, i18n, &alerts) {
        Ok(bytes) => outputs.push(File {
            path: urls::output_path(&urls::alerts_index()),
            data: FileData::Bytes(bytes),
        }),
        Err(e) => errs.push(Diagnostic::error(
            CONFIG_FILE,
            format!("cannot write the alert feed: {e}"),
        )),
    }
    if errs.has_errors() {
        Err(errs)
    } else {
        Ok(outputs)
    }
}

fn fixed(dt: &DateTime<Tz>) -> DateTime<FixedOffset> {
    dt.trunc_subsecs(0).fixed_offset()
}

/// The Atom 1.0 feed of the alerts listed at the build's `now` (in force, or cancelled less than
/// a day ago), each entry linking its current CAP message.
fn index(site: &Site, i18n: &I18n, alerts: &[Alert<'_>]) -> Result<Vec<u8>, String> {
    let config = &site.config;
    let default = config.default_language();
    let org = &config.site.organisation;
    let org_name = org.name.get(default, default);
    let self_url = urls::absolute(config, &urls::alerts_index());
    let now = site.now;

    // Crisis before important, each newest first.
    let mut active: Vec<&Alert<'_>> = alerts.iter().filter(|a| a.is_listed(now)).collect();
    active.sort_by_key(|a| std::cmp::Reverse(a.notice.urgency));

    // The feed last changed when a message was sent, an alert expired or a cancelled one
    // dropped out, whichever came last.
    let updated = alerts
        .iter()
        .flat_map(|a| {
            a.versions
                .iter()
                .map(|v| v.sent)
                .chain(a.notice.expires)
                .chain(a.notice.ended.map(|e| e + ENDED_ALERT_LISTED))
                .filter(|t| *t <= now)
        })
        .max()
        .unwrap_or(now);

    let entries = active.iter().map(|a| index_entry(config, a)).collect();
    let feed = Feed {
        title: Text::plain(index_title(i18n, default, org_name)),
        id: self_url.clone(),
        updated: fixed(&updated),
        authors: vec![Person {
            name: org_name.to_owned(),
            email: org.email.clone(),
            uri: Some(urls::absolute(config, &urls::root())),
            ..Default::default()
        }],
        links: vec![
            Link {
                href: self_url,
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
            Link {
                href: urls::absolute(config, &urls::kind_list(default, Kind::Notices, 1)),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                hreflang: Some(default.to_owned()),
                ..Default::default()
            },
        ],
        generator: Some(Generator {
            value: "anslag".into(),
            ..Default::default()
        }),
        lang: Some(default.to_owned()),
        entries,
        ..Default::default()
    };
    let mut bytes = feed.write_to(Vec::new()).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The feed's title: the locale's `alerts-feed-title`, else the organisation's name (a locale
/// need not have it).
fn index_title(i18n: &I18n, lang: &str, org_name: &str) -> String {
    if i18n.has(lang, "alerts-feed-title") {
        let args = crate::i18n::args([("organisation", org_name.into())]);
        i18n.t(lang, "alerts-feed-title", Some(&args))
    } else {
        format!("{org_name}: CAP")
    }
}

/// An alert in the feed: its current CAP message and its pages in every language.
fn index_entry(config: &crate::config::Config, a: &Alert<'_>) -> Entry {
    let current = a.current();
    let mut links = vec![Link {
        href: urls::absolute(config, &urls::alert(&a.doc.slug)),
        rel: "alternate".into(),
        mime_type: Some(CAP_MIME.into()),
        title: Some(format!("CAP {}", current.msg_type.as_str())),
        ..Default::default()
    }];
    links.extend(a.translations.iter().map(|t| Link {
        href: urls::absolute(config, &a.doc.url(&t.lang)),
        rel: "related".into(),
        hreflang: Some(t.lang.clone()),
        mime_type: Some("text/html".into()),
        ..Default::default()
    }));
    Entry {
        title: Text {
            lang: Some(a.primary.lang.clone()),
            ..Text::plain(a.primary.title.clone())
        },
        id: urls::absolute(
            config,
            &urls::alert_version(&a.doc.slug, &current.identifier),
        ),
        updated: fixed(&current.sent),
        published: Some(fixed(&a.primary.date)),
        summary: Some(Text {
            lang: Some(a.primary.lang.clone()),
            ..Text::plain(a.primary.summary.clone())
        }),
        categories: vec![Category {
            term: a.notice.urgency.as_str().into(),
            ..Default::default()
        }],
        links,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_tokens() {
        assert_eq!(host("https://www.ekvik.example"), "www.ekvik.example");
        assert_eq!(
            identifier_host("https://www.ekvik.example:8443/x"),
            "ekvik.example"
        );
        assert_eq!(host("http://[::1]"), "[::1]");
        assert_eq!(host("http://[::1]:8080/"), "[::1]");
        assert!(cap_token_ok("kommun@ekvik.example"));
        assert!(!cap_token_ok("Ekvik kommun"));
        assert!(!cap_token_ok("a,b"));
    }

    #[test]
    fn cap_times_have_numeric_offsets() {
        let tz: Tz = "Europe/Stockholm".parse().unwrap();
        let dt = chrono::TimeZone::with_ymd_and_hms(&tz, 2026, 11, 22, 7, 30, 0).unwrap();
        assert_eq!(cap_time(&dt), "2026-11-22T07:30:00+01:00");
        let utc = dt.with_timezone(&chrono_tz::UTC);
        assert_eq!(cap_time(&utc), "2026-11-22T06:30:00+00:00");
    }
}
