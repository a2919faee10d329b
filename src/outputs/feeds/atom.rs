//! Atom 1.0 (RFC 4287): ids are the pages' URLs, each entry links its translations.

use atom_syndication::{Category, Content, Entry, Feed, Generator, Link, Person, Text};

use super::{FeedData, FeedItem, alternate};
use crate::site::urls;

pub fn write(feed: &FeedData<'_>) -> Result<Vec<u8>, String> {
    let self_url = urls::feed(&feed.base, urls::Feed::Atom);
    let entries = feed.items.iter().map(|i| entry(i, &feed.lang)).collect();
    let feed = Feed {
        title: Text::plain(feed.title.clone()),
        id: self_url.clone(),
        updated: feed.updated,
        authors: vec![Person {
            name: feed.author.clone(),
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
                href: feed.home.clone(),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ],
        generator: Some(Generator {
            value: "anslag".into(),
            ..Default::default()
        }),
        lang: Some(feed.lang.clone()),
        entries,
        ..Default::default()
    };
    feed.write_to(Vec::new()).map_err(|e| e.to_string())
}

/// An item as an entry; it links its page in every language. An entry of another language than
/// the feed's says so on its title, summary and content: `atom_syndication` writes no
/// `xml:lang` on the entry itself, and the texts would otherwise inherit the feed's.
fn entry(i: &FeedItem<'_>, feed_lang: &str) -> Entry {
    let lang = (i.t.lang != feed_lang).then(|| i.t.lang.clone());
    let text = |value: &str| Text {
        lang: lang.clone(),
        ..Text::plain(value.to_owned())
    };
    let mut links = vec![alternate(&i.t.lang, &i.url)];
    links.extend(
        i.translations
            .iter()
            .filter(|(lang, _)| *lang != i.t.lang)
            .map(|(lang, url)| alternate(lang, url)),
    );
    links.extend(i.image.as_ref().map(|e| atom_syndication::Link {
        href: e.url.clone(),
        rel: "enclosure".into(),
        mime_type: Some(e.mime.clone()),
        length: Some(e.size.to_string()),
        ..Default::default()
    }));
    Entry {
        title: text(&i.title),
        id: i.url.clone(),
        updated: i.updated,
        published: Some(i.date),
        summary: Some(text(&i.summary)),
        content: Some(Content {
            value: Some(i.content_html.clone()),
            content_type: Some("html".into()),
            lang: Some(i.t.lang.clone()),
            ..Default::default()
        }),
        categories: i
            .categories
            .iter()
            .map(|c| Category {
                term: c.clone(),
                ..Default::default()
            })
            .collect(),
        links,
        ..Default::default()
    }
}
