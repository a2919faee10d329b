//! Alerts that name their event only by the generic word for their level: a translation of an
//! alerted notice without `alert.event`, in a language `alerts.defaults.event` does not cover,
//! gets the locale's "Crisis message" as its CAP `event`, which aggregators rank low or drop.

use super::{Context, Finding, finding};
use crate::content::front_matter;
use crate::diagnostics::Severity;

pub const CHECK: &str = "alert-event-generic";

pub fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let site = ctx.site;
    // Errors in the alerts are the build's to report.
    let Ok(alerts) = crate::outputs::alerts::alerts(site) else {
        return;
    };
    let defaults = &site.config.site.alerts.defaults.event;
    for alert in alerts.iter().filter(|a| a.is_active(site.now)) {
        for t in &alert.translations {
            let own = t
                .notice()
                .and_then(|n| n.alert.as_deref())
                .is_some_and(|a| a.fm.event.is_some());
            if own || defaults.has(&t.lang) {
                continue;
            }
            // Only the documents checked have their sources read.
            let Some(text) = ctx
                .sources
                .iter()
                .find(|s| std::ptr::eq(s.t, *t))
                .map(|s| s.text)
            else {
                continue;
            };
            let offset = key_offset(text, &["alert", "urgency"]);
            out.push(finding(
                Severity::Warning,
                CHECK,
                &t.path,
                Some(text),
                offset,
                format!(
                    "the CAP alert of `{}` in {} names its event only by the generic word for its level",
                    alert.doc.slug, t.lang
                ),
                "say what happened in this translation's language, e.g. `alert: { event: \"Contaminated drinking water\" }`; alerting systems show it as the alert's kind",
            ));
        }
    }
}

/// The byte offset of the line of the first of `keys` in the front matter.
fn key_offset(text: &str, keys: &[&str]) -> Option<usize> {
    let split = front_matter::split(text).ok()?;
    let line = keys
        .iter()
        .find_map(|k| front_matter::key_line(&split, k))?;
    Some(
        text.split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum(),
    )
}
