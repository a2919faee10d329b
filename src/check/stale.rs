//! Stale translations (`content::translation`): the source changed after the translation was
//! made. An error for a crisis or important notice in force in one of `check.notice_languages`
//! (guardians would act on what is no longer true), a warning for any other.

use super::{Context, Finding, finding};
use crate::content::document::{Document, Urgency};
use crate::content::front_matter;
use crate::content::translation::Status;
use crate::diagnostics::Severity;
use crate::site::Site;
use crate::site::translations::rows;

pub const CHECK: &str = "translation-stale";

pub fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let site = ctx.site;
    let required = site.config.site.check.notice_languages.as_ref();
    for row in rows(site, None) {
        let Status::Stale {
            source,
            changed,
            source_changed,
        } = &row.status
        else {
            continue;
        };
        if !ctx.docs.contains(&row.doc) {
            continue;
        }
        let doc = &site.documents[row.doc];
        let Some(t) = doc.get(&row.lang) else {
            continue;
        };
        let urgent =
            urgent_in_force(site, doc) && required.is_none_or(|r| r.iter().any(|c| c == &row.lang));
        let text = ctx
            .sources
            .iter()
            .find(|s| s.doc == row.doc && s.t.lang == row.lang)
            .map(|s| s.text);
        let offset = text.and_then(|text| {
            let split = front_matter::split(text).ok()?;
            let line = front_matter::key_line(&split, "translation")?;
            text.split_inclusive('\n')
                .take(line - 1)
                .map(str::len)
                .sum::<usize>()
                .into()
        });
        let what = if urgent {
            format!("the {} notice", notice_urgency(doc).as_str())
        } else {
            "the translation".to_owned()
        };
        out.push(finding(
            if urgent {
                Severity::Error
            } else {
                Severity::Warning
            },
            CHECK,
            &t.path,
            text,
            offset,
            format!(
                "{what} `{}` in {} is out of date: the {source} original changed on {} ({})",
                doc.slug,
                row.lang,
                source_changed.format("%Y-%m-%d"),
                changed.join(", ")
            ),
            format!(
                "bring the changed segments up to date, then run `anslag translations mark {}`",
                t.path.display()
            ),
        ));
    }
}

fn notice_urgency(doc: &Document) -> Urgency {
    doc.translations
        .iter()
        .filter_map(|t| t.notice().map(|n| n.urgency))
        .max()
        .unwrap_or_default()
}

/// A crisis or important notice that has not expired or ended.
fn urgent_in_force(site: &Site, doc: &Document) -> bool {
    if notice_urgency(doc) == Urgency::Normal {
        return false;
    }
    let over = |t: Option<chrono::DateTime<chrono_tz::Tz>>| t.is_some_and(|t| t <= site.now);
    doc.translations
        .iter()
        .filter_map(|t| t.notice())
        .all(|n| !over(n.expires) && !over(n.ended))
}
