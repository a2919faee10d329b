//! RSS 2.0, with `content:encoded` for the full text, `dc:language` per item and `atom:link`
//! for the feed itself and each item's translations.

use std::collections::BTreeMap;

use rss::extension::atom::{AtomExtension, Link};
use rss::extension::dublincore::DublinCoreExtension;
use rss::{Category, Channel, Guid, Item};

use super::{FeedData, FeedItem, alternate};
use crate::site::urls;

pub fn write(feed: &FeedData<'_>) -> Result<Vec<u8>, String> {
    let items = feed.items.iter().map(item).collect();
    let mut namespaces = BTreeMap::new();
    namespaces.insert(
        "atom".to_owned(),
        rss::extension::atom::NAMESPACE.to_owned(),
    );
    namespaces.insert(
        "content".to_owned(),
        "http://purl.org/rss/1.0/modules/content/".to_owned(),
    );
    namespaces.insert(
        "dc".to_owned(),
        rss::extension::dublincore::NAMESPACE.to_owned(),
    );
    let channel = Channel {
        title: feed.title.clone(),
        link: feed.home.clone(),
        description: feed.description.clone(),
        language: Some(feed.lang.clone()),
        last_build_date: Some(feed.updated.to_rfc2822()),
        generator: Some("anslag".into()),
        items,
        namespaces,
        atom_ext: Some(AtomExtension {
            links: vec![Link {
                href: urls::feed(&feed.base, urls::Feed::Rss),
                rel: "self".into(),
                mime_type: Some("application/rss+xml".into()),
                ..Default::default()
            }],
        }),
        ..Default::default()
    };
    channel
        .pretty_write_to(Vec::new(), b' ', 1)
        .map_err(|e| e.to_string())
}

/// An item, with `atom:link`s to its page in every language.
fn item(i: &FeedItem<'_>) -> Item {
    Item {
        title: Some(i.title.clone()),
        link: Some(i.url.clone()),
        description: Some(i.summary.clone()),
        guid: Some(Guid {
            value: i.url.clone(),
            permalink: true,
        }),
        pub_date: Some(i.date.to_rfc2822()),
        content: Some(i.content_html.clone()),
        enclosure: i.image.as_ref().map(|e| rss::Enclosure {
            url: e.url.clone(),
            length: e.size.to_string(),
            mime_type: e.mime.clone(),
        }),
        categories: i
            .categories
            .iter()
            .map(|c| Category {
                name: c.clone(),
                domain: None,
            })
            .collect(),
        dublin_core_ext: Some(DublinCoreExtension {
            languages: vec![i.t.lang.clone()],
            ..Default::default()
        }),
        atom_ext: Some(AtomExtension {
            links: i
                .translations
                .iter()
                .map(|(lang, url)| alternate(lang, url))
                .collect(),
        }),
        ..Default::default()
    }
}
