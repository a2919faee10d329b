//! JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), with the translations of each item in
//! the `_anslag` extension object.

use serde::Serialize;

use super::FeedData;
use crate::site::urls;

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: String,
    description: &'a str,
    language: &'a str,
    authors: Vec<Author<'a>>,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    summary: &'a str,
    content_html: &'a str,
    /// A press release's photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    date_published: String,
    date_modified: String,
    language: &'a str,
    tags: &'a [String],
    _anslag: Extension<'a>,
}

#[derive(Serialize)]
struct Extension<'a> {
    kind: &'static str,
    translations: Vec<Translation<'a>>,
}

#[derive(Serialize)]
struct Translation<'a> {
    language: &'a str,
    url: &'a str,
}

pub fn write(feed: &FeedData<'_>) -> Result<Vec<u8>, String> {
    let json = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &feed.title,
        home_page_url: &feed.home,
        feed_url: urls::feed(&feed.base, urls::Feed::Json),
        description: &feed.description,
        language: &feed.lang,
        authors: vec![Author { name: &feed.author }],
        items: feed
            .items
            .iter()
            .map(|i| JsonItem {
                id: &i.url,
                url: &i.url,
                title: &i.title,
                summary: &i.summary,
                content_html: &i.content_html,
                image: i.image.as_ref().map(|e| e.url.as_str()),
                date_published: i.date.to_rfc3339(),
                date_modified: i.updated.to_rfc3339(),
                language: &i.t.lang,
                tags: &i.categories,
                _anslag: Extension {
                    kind: i.doc.kind.dir(),
                    translations: i
                        .translations
                        .iter()
                        .map(|(l, u)| Translation {
                            language: l,
                            url: u,
                        })
                        .collect(),
                },
            })
            .collect(),
    };
    serde_json::to_vec_pretty(&json).map_err(|e| e.to_string())
}
