//! A document's page: its text, and what its kind adds (a notice's urgency, a meeting's
//! agenda, a press release's boilerplate).

use minijinja::{Value, context};

use super::context::{OwnContext, TopicView, topic_view};
use super::v;
use crate::content::document::{Document, Kind, LeadImage, MinutesInfo, NoticeInfo, Translation};
use crate::content::markdown::contact_html;
use crate::outputs::Context;
use crate::site::urls;
use crate::theme::views::*;

/// A document's page in `lang`; `None` when it is not written in `lang`.
pub(super) fn page(cx: &Context<'_>, lang: &str, doc: &Document) -> Option<OwnContext> {
    let (site, i18n) = (cx.site, cx.i18n);
    let t = doc.get(lang)?;
    let topics: Vec<TopicView> = t
        .topics
        .iter()
        .filter_map(|id| site.config.topic(id))
        .map(|tp| topic_view(site, lang, tp))
        .collect();
    let attachments: Vec<AttachmentView> = doc
        .attachments
        .iter()
        .map(|a| attachment_view(i18n, lang, a))
        .collect();
    let notice = t.notice().map(|n| notice(cx, lang, t, n));
    let minutes = t.minutes().map(|m| minutes(cx, lang, m, &attachments));
    let members = context! {
        doc => context! {
            kind => v(doc.kind),
            kind_label => v(kind_label(i18n, lang, doc.kind)),
            section_url => v(urls::kind_list(lang, doc.kind, 1)),
            section_title => v(i18n.t(lang, &format!("nav-{}", doc.kind.dir()), None)),
            title => v(&t.title),
            summary => v(&t.summary),
            summary_html => v(text_html(site, lang, &t.summary)),
            date => v(date_view(i18n, lang, &t.date)),
            updated => v(t.updated.map(|u| date_view(i18n, lang, &u))),
            body_html => v(&t.body_html),
            topics => v(topics),
            contacts => v(t.contacts()),
            image => v(t.image.as_ref().map(|im| lead_image(cx, lang, im))),
            boilerplate => v(boilerplate(cx, lang, doc)),
            notice => v(notice),
            minutes => v(minutes),
            attachments => v(attachments),
            draft => v(t.draft),
            embargoed => v(t.embargoed.then(|| date_view(i18n, lang, &t.date))),
            withdrawn => v(withdrawn_view(i18n, t)),
            stale => v(stale_view(site, i18n, lang, doc)),
        },
    };
    Some(OwnContext {
        template: "document.html",
        title: t.title.clone(),
        members,
    })
}

/// A press release's photo: its picture, credit and licence, the download of its original,
/// and what a page shared elsewhere shows of it (absolute addresses).
fn lead_image(cx: &Context<'_>, lang: &str, im: &LeadImage) -> Value {
    let i18n = cx.i18n;
    let number = |n: u32| i18n.number(lang, &n.to_string());
    let o = &im.original;
    let format = o.mime.trim_start_matches("image/").to_uppercase();
    let download = crate::i18n::args([
        ("format", format.into()),
        ("width", number(o.width).into()),
        ("height", number(o.height).into()),
        ("size", size_text(i18n, lang, o.size).into()),
    ]);
    let credit = im.credit.as_ref().map(|c| {
        i18n.t(
            lang,
            "image-credit",
            Some(&crate::i18n::args([("credit", c.clone().into())])),
        )
    });
    let licence = im.licence.as_ref().map(|l| {
        i18n.t(
            lang,
            "image-licence",
            Some(&crate::i18n::args([("licence", l.clone().into())])),
        )
    });
    context! {
        html => v(&im.html),
        alt => v(&im.alt),
        credit => v(credit),
        licence => v(licence),
        download_url => v(&o.url),
        download_text => v(i18n.t(lang, "image-download", Some(&download))),
        share_url => v(urls::absolute(&cx.site.config, &im.share.url)),
        share_mime => v(&im.share.mime),
        share_width => v(im.share.width),
        share_height => v(im.share.height),
    }
}

/// The withdrawal notice, once the document is withdrawn: when (as the page writes times) and
/// why, in the translation's language.
fn withdrawn_view(i18n: &crate::i18n::I18n, t: &Translation) -> Option<Value> {
    let w = t.withdrawal.as_ref().filter(|_| t.withdrawn)?;
    let args = crate::i18n::args([
        ("date", i18n.date_time(&t.lang, &w.date).into()),
        ("reason", w.reason.clone().into()),
    ]);
    Some(context! {
        iso => v(w.date.to_rfc3339()),
        text => v(i18n.t(&t.lang, "withdrawn-notice", Some(&args))),
    })
}

/// A notice's urgency, expiry and instruction.
fn notice(cx: &Context<'_>, lang: &str, t: &Translation, n: &NoticeInfo) -> Value {
    let (site, i18n) = (cx.site, cx.i18n);
    context! {
        urgency => v(n.urgency.as_str()),
        urgency_label => v(i18n.t(lang, &format!("urgency-{}", n.urgency.as_str()), None)),
        expires => v(n.expires.map(|e| DateView { iso: e.to_rfc3339(), text: i18n.date_time(lang, &e) })),
        active => v(crate::site::is_active(t.date, n.expires, n.ended, site.now)),
        instruction => v(&n.instruction),
        instruction_html => v(n
            .instruction
            .as_deref()
            .map(|i| contact_html(i, is_rtl(site, lang)))),
    }
}

/// A meeting's committee, time, place, attendance and agenda; each agenda item lists the
/// attachments it names.
fn minutes(cx: &Context<'_>, lang: &str, m: &MinutesInfo, attachments: &[AttachmentView]) -> Value {
    let (site, i18n) = (cx.site, cx.i18n);
    let committee = site
        .config
        .topic(&m.committee)
        .map(|c| topic_view(site, lang, c));
    let items: Vec<Value> = m
        .items
        .iter()
        .map(|it| {
            let files: Vec<&AttachmentView> = attachments.iter().filter(|a| it.attachments.contains(&a.name)).collect();
            context! {
                label => v(&it.label), number => v(&it.number), title => v(&it.title), case => v(&it.case), id => v(&it.id),
                closed => v(it.closed), body_html => v(&it.body_html), attachments => v(files),
            }
        })
        .collect();
    context! {
        committee => v(committee),
        start => v(DateView { iso: m.meeting.start.to_rfc3339(), text: i18n.date_time(lang, &m.meeting.start) }),
        end => v(m.meeting.end.map(|e| DateView { iso: e.to_rfc3339(), text: i18n.date_time(lang, &e) })),
        place => v(&m.meeting.place),
        present => v(m.attendees.iter().filter(|a| !a.absent).collect::<Vec<_>>()),
        absent => v(m.attendees.iter().filter(|a| a.absent).collect::<Vec<_>>()),
        approved => v(m.approved.map(|d| day_view(i18n, lang, d))),
        items => v(items),
    }
}

/// The organisation's paragraph under a press release, when it has one in `lang`.
fn boilerplate(cx: &Context<'_>, lang: &str, doc: &Document) -> Option<String> {
    let site = cx.site;
    (doc.kind == Kind::Press)
        .then(|| {
            site.config
                .site
                .organisation
                .boilerplate
                .get(lang, site.default_language())
                .to_owned()
        })
        .filter(|b| !b.is_empty())
}
