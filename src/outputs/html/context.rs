//! What a page is rendered with: the template's context. Every page shares [`base`] (the
//! language, the chrome, the crisis banner); each kind of page adds its own members.

use minijinja::{Value, context};
use serde::Serialize;

use super::document;
use super::entries::{EntryCache, cached_entries, entries};
use super::{Page, v};
use crate::config::{Topic, TopicKind};
use crate::content::document::Kind;
use crate::i18n::{I18n, args};
use crate::outputs::Context;
use crate::outputs::feeds::{Scope, feed_links};
use crate::site::{Site, urls};
use crate::theme::views::*;

/// What a page has of its own, besides what every page shares.
pub(super) struct OwnContext {
    pub template: &'static str,
    pub title: String,
    /// The members the page's template reads beside those of [`base`].
    pub members: Value,
}

/// The template of a page and the context it is rendered with.
pub(super) fn context_for(
    cx: &Context<'_>,
    cache: &EntryCache,
    page: &Page,
    url: &str,
) -> (&'static str, Value) {
    let site = cx.site;
    let lang = page.lang().unwrap_or(site.default_language());
    let own = match page {
        Page::Home { .. } => home(cx, lang),
        Page::KindList { kind, page, .. } => kind_list(cx, cache, lang, *kind, *page),
        Page::Topic { topic, .. } => topic_list(cx, cache, lang, &site.config.site.topics[*topic]),
        Page::Topics { .. } => topics(cx, lang),
        Page::Archive { .. } => archive(cx, lang),
        Page::Year { year, .. } => year_list(cx, cache, lang, *year),
        Page::NoticeBoard { .. } => notice_board(cx, lang),
        Page::Accessibility { .. } => accessibility(cx, lang),
        Page::Subscribe { .. } => subscribe(cx, lang),
        Page::Search { .. } => search(cx, lang),
        Page::Languages => languages(cx),
        Page::NotFound => not_found(cx),
        Page::Doc { doc, .. } => match document::page(cx, lang, &site.documents[*doc]) {
            Some(own) => own,
            // The plan has a document's page only in the languages it is written in.
            None => return ("404.html", Value::UNDEFINED),
        },
    };
    let base = base(cx, page, lang, url, &own.title);
    (own.template, context! { ..own.members, ..base })
}

/// The page's links to itself in the other languages, for the language switcher.
fn alternates(site: &Site, page: &Page, lang: &str, url: &str) -> Vec<LangLink> {
    match page {
        // A document exists in the languages it was translated into.
        Page::Doc { doc, .. } => translation_links(site, &site.documents[*doc], lang),
        Page::Languages => home_links(site),
        Page::NotFound => Vec::new(),
        _ => all_language_links(site, lang, url),
    }
}

fn home(cx: &Context<'_>, lang: &str) -> OwnContext {
    let (site, i18n) = (cx.site, cx.i18n);
    let sections: Vec<Value> = [Kind::Notices, Kind::Press, Kind::Minutes]
        .into_iter()
        .map(|k| {
            let idx = site.by_kind.get(&k).cloned().unwrap_or_default();
            let latest: Vec<usize> = idx.into_iter().take(5).collect();
            context! {
                kind => v(k),
                title => v(i18n.t(lang, &format!("nav-{}", k.dir()), None)),
                url => v(urls::kind_list(lang, k, 1)),
                entries => v(entries(site, i18n, lang, &latest)),
            }
        })
        .collect();
    OwnContext {
        template: "home.html",
        title: site
            .config
            .site
            .title
            .get(lang, site.default_language())
            .to_owned(),
        members: context! { sections => v(sections), board_count => v(site.notice_board.len()) },
    }
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
}

/// One page of a kind's list (press, minutes, notices).
fn kind_list(
    cx: &Context<'_>,
    cache: &EntryCache,
    lang: &str,
    kind: Kind,
    page: usize,
) -> OwnContext {
    let site = cx.site;
    let idx = site.by_kind.get(&kind).cloned().unwrap_or_default();
    let per = site.config.site.paginate;
    let total = idx.len().div_ceil(per).max(1);
    let slice: Vec<usize> = idx
        .iter()
        .copied()
        .skip((page - 1) * per)
        .take(per)
        .collect();
    let title = cx.i18n.t(lang, &format!("nav-{}", kind.dir()), None);
    let pagination = Pagination {
        current: page,
        total,
        previous: (page > 1).then(|| urls::kind_list(lang, kind, page - 1)),
        next: (page < total).then(|| urls::kind_list(lang, kind, page + 1)),
    };
    OwnContext {
        template: "list.html",
        members: context! {
            heading => v(&title),
            count => v(idx.len()),
            entries => Value::from(cached_entries(site, cache, lang, &slice)),
            pagination => v(pagination),
            feed_kind => v(kind),
        },
        title,
    }
}

/// A topic's or committee's list.
fn topic_list(cx: &Context<'_>, cache: &EntryCache, lang: &str, t: &Topic) -> OwnContext {
    let site = cx.site;
    let idx = site.by_topic.get(t.id()).cloned().unwrap_or_default();
    let name = t.name.get(lang, site.default_language()).to_owned();
    OwnContext {
        template: "list.html",
        members: context! {
            heading => v(&name),
            count => v(idx.len()),
            entries => Value::from(cached_entries(site, cache, lang, &idx)),
            topic => v(topic_view(site, lang, t)),
        },
        title: name,
    }
}

fn topics(cx: &Context<'_>, lang: &str) -> OwnContext {
    let site = cx.site;
    let topics: Vec<TopicView> = site
        .config
        .site
        .topics
        .iter()
        .map(|t| topic_view(site, lang, t))
        .collect();
    OwnContext {
        template: "topics.html",
        title: cx.i18n.t(lang, "nav-topics", None),
        members: context! { topics => v(topics) },
    }
}

fn archive(cx: &Context<'_>, lang: &str) -> OwnContext {
    let years: Vec<Value> = cx
        .site
        .by_year
        .iter()
        .rev()
        .map(|(y, idx)| context! { year => v(y), url => v(urls::year(lang, *y)), count => v(idx.len()) })
        .collect();
    OwnContext {
        template: "archive.html",
        title: cx.i18n.t(lang, "archive-title", None),
        members: context! { years => v(years) },
    }
}

/// A year's list in the archive.
fn year_list(cx: &Context<'_>, cache: &EntryCache, lang: &str, year: i32) -> OwnContext {
    let site = cx.site;
    let idx = site.by_year.get(&year).cloned().unwrap_or_default();
    let title = cx.i18n.t(
        lang,
        "archive-year",
        Some(&args([("year", year.to_string().into())])),
    );
    OwnContext {
        template: "list.html",
        members: context! {
            heading => v(&title),
            count => v(idx.len()),
            entries => Value::from(cached_entries(site, cache, lang, &idx)),
        },
        title,
    }
}

/// The official notice board: the minutes whose appeal period runs.
fn notice_board(cx: &Context<'_>, lang: &str) -> OwnContext {
    let (site, i18n) = (cx.site, cx.i18n);
    let default = site.default_language();
    let board: Vec<Value> = site
        .notice_board
        .iter()
        .map(|e| {
            let doc = &site.documents[e.doc];
            let t = doc.in_order(&site.config.reader_order(lang));
            let m = t.minutes();
            let committee = m.and_then(|m| site.config.topic(&m.committee)).map(|c| c.name.get(lang, default).to_owned()).unwrap_or_default();
            let meeting = m.map(|m| i18n.date(lang, m.meeting.start.date_naive())).unwrap_or_default();
            context! {
                entry => v(entry(site, i18n, lang, doc)),
                text => v(i18n.t(lang, "notice-board-entry", Some(&args([("committee", committee.into()), ("date", meeting.into())])))),
                approved => v(m.and_then(|m| m.approved).map(|d| day_view(i18n, lang, d))),
                posted => v(day_view(i18n, lang, e.posted)),
                appeal_until => v(day_view(i18n, lang, e.appeal_until)),
                kept_at => v(m.and_then(|m| m.kept_at.clone())),
            }
        })
        .collect();
    OwnContext {
        template: "notice_board.html",
        title: i18n.t(lang, "nav-notice-board", None),
        members: context! { board => v(board) },
    }
}

fn accessibility(cx: &Context<'_>, lang: &str) -> OwnContext {
    OwnContext {
        template: "accessibility.html",
        title: cx.i18n.t(lang, "a11y-title", None),
        members: context! { statement => v(statement_view(cx.site, cx.i18n, lang)) },
    }
}

fn subscribe(cx: &Context<'_>, lang: &str) -> OwnContext {
    OwnContext {
        template: "subscribe.html",
        title: cx.i18n.t(lang, "sub-title", None),
        members: crate::theme::forms::site_page(cx.site, cx.i18n, lang),
    }
}

/// The search page: the form with its filters, and what the script needs (the index's folder,
/// the words it shows). Its members `kinds` and `topics` are the filters' choices.
fn search(cx: &Context<'_>, lang: &str) -> OwnContext {
    let (site, i18n) = (cx.site, cx.i18n);
    let kinds: Vec<Value> = Kind::ALL
        .into_iter()
        .map(
            |k| context! { id => k.dir(), name => i18n.t(lang, &format!("nav-{}", k.dir()), None) },
        )
        .collect();
    let topics: Vec<TopicView> = site
        .config
        .site
        .topics
        .iter()
        .map(|t| topic_view(site, lang, t))
        .collect();
    OwnContext {
        template: "search.html",
        title: i18n.t(lang, "search-title", None),
        members: context! {
            kinds => v(kinds),
            topics => v(topics),
            index_url => v(urls::search_index(lang)),
            script_url => v(urls::search_script()),
            kind_lists => v(Kind::ALL.map(|k| context! {
                name => i18n.t(lang, &format!("nav-{}", k.dir()), None),
                url => urls::kind_list(lang, k, 1),
            })),
            archive_url => v(urls::archive(lang)),
            // The count of results is put in by the script.
            count_text => v(i18n.t(lang, "search-count", Some(&args([("count", "%COUNT%".into())])))),
            scripts => true,
        },
    }
}

/// The language choice at the root, in the default language.
fn languages(cx: &Context<'_>) -> OwnContext {
    let default = cx.site.default_language();
    OwnContext {
        template: "languages.html",
        title: cx.site.config.site.title.get(default, default).to_owned(),
        members: context! { languages => v(home_links(cx.site)) },
    }
}

/// The 404 page, in the default language: it is served at any address.
fn not_found(cx: &Context<'_>) -> OwnContext {
    OwnContext {
        template: "404.html",
        title: cx
            .i18n
            .t(cx.site.default_language(), "not-found-title", None),
        members: context! { languages => v(home_links(cx.site)) },
    }
}

#[derive(Serialize)]
pub(super) struct TopicView {
    id: String,
    name: String,
    url: String,
    count: usize,
    committee: bool,
}

pub(super) fn topic_view(site: &Site, lang: &str, t: &Topic) -> TopicView {
    TopicView {
        id: t.id().to_owned(),
        name: t.name.get(lang, site.default_language()).to_owned(),
        url: urls::topic(lang, t.id(), t.kind),
        count: site.by_topic.get(t.id()).map_or(0, Vec::len),
        committee: t.kind == TopicKind::Committee,
    }
}

/// Links to the same page in every language (for pages that exist in all of them).
fn all_language_links(site: &Site, lang: &str, url: &str) -> Vec<LangLink> {
    language_links(site, Some(lang), |code| urls::in_language(url, lang, code))
}

/// Links to the home page of every language, none of them current: for the pages outside
/// every language.
fn home_links(site: &Site) -> Vec<LangLink> {
    language_links(site, None, urls::home)
}

/// A link per language of the site to `url_of(code)`, `current` marking the page's own.
fn language_links(
    site: &Site,
    current: Option<&str>,
    url_of: impl Fn(&str) -> String,
) -> Vec<LangLink> {
    site.config
        .site
        .languages
        .iter()
        .map(|l| LangLink {
            code: l.code().to_owned(),
            name: l.name.clone(),
            dir: l.dir.as_str(),
            url: url_of(l.code()),
            current: current == Some(l.code()),
        })
        .collect()
}

fn nav(i18n: &I18n, lang: &str, url: &str) -> Vec<NavItem> {
    let items = [
        (urls::home(lang), "nav-home"),
        (urls::kind_list(lang, Kind::Notices, 1), "nav-notices"),
        (urls::kind_list(lang, Kind::Press, 1), "nav-press"),
        (urls::kind_list(lang, Kind::Minutes, 1), "nav-minutes"),
        (urls::notice_board(lang), "nav-notice-board"),
        (urls::topics(lang), "nav-topics"),
        (urls::archive(lang), "nav-archive"),
    ];
    items
        .into_iter()
        .map(|(u, key)| {
            let current = if u == urls::home(lang) {
                url == u
            } else {
                url.starts_with(&u)
            };
            NavItem {
                label: i18n.t(lang, key, None),
                url: u,
                current,
            }
        })
        .collect()
}

/// What every page of `lang` shares: the language, the chrome, the crisis banner.
fn base(cx: &Context<'_>, page: &Page, lang: &str, url: &str, title: &str) -> Value {
    let (site, i18n) = (cx.site, cx.i18n);
    let alternates = alternates(site, page, lang, url);
    let page_doc = match page {
        Page::Doc { doc, .. } => Some(*doc),
        _ => None,
    };
    // A crisis notice's own page puts what to do first on a phone: no banner above it, and the
    // language switcher after the instruction instead of in the header.
    let crisis_page = page_doc.is_some_and(|d| site.crisis.contains(&d));
    let cfg = &site.config;
    let default = cfg.default_language();
    let org = &cfg.site.organisation;
    let site_feeds = feed_links(site, i18n, lang, &Scope::All);
    let page_feeds = page_scope(lang, url)
        .map(|s| feed_links(site, i18n, lang, &s))
        .unwrap_or_default();
    context! {
        site_feeds => v(site_feeds),
        page_feeds => v(page_feeds),
        lang => v(lang_view(site, lang)),
        page_title => v(title),
        url => v(url),
        canonical => v(urls::absolute(cfg, url)),
        alternates => v(alternates),
        site => context! {
            title => v(cfg.site.title.get(lang, default)),
            base_url => v(&cfg.base_url),
            home => v(urls::home(lang)),
        },
        organisation => context! {
            name => v(org.name.get(lang, default)),
            address => v(&org.address),
            phone => v(&org.phone),
            email => v(&org.email),
        },
        nav => v(nav(i18n, lang, url)),
        crisis => v(crisis_views(site, i18n, lang, page_doc, page.lang().is_none())),
        crisis_page => v(crisis_page),
        accessibility_url => v(urls::accessibility(lang)),
        // For templates' links: the URL scheme stays in `site::urls`.
        notice_board_url => v(urls::notice_board(lang)),
        topics_url => v(urls::topics(lang)),
        subscribe_url => v(cfg.site.mail.as_ref().map(|_| urls::subscribe(lang))),
        // The form in the header of every page (not on the search page, which has its own).
        search_url => v(cfg.site.outputs.search.then(|| urls::search(lang))),
        search_page => v(matches!(page, Page::Search { .. })),
        stylesheet => v(&cx.assets.stylesheet),
        drafts => v(site.drafts),
    }
}

/// The narrower feed a page belongs to, read from its path: a kind's list or document, a
/// topic's or committee's page.
fn page_scope(lang: &str, url: &str) -> Option<Scope> {
    Some(match urls::section(lang, url)? {
        urls::Section::Kind(kind) => Scope::Kind(kind),
        urls::Section::Topic(id) => Scope::Topic(id.to_owned()),
    })
}
