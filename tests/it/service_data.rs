//! A parent's own data through the preferences link (issue 17, point 8): the real service, a
//! real HTTP client. The page links to a JSON download of everything stored about them and to
//! an erase page; following that link erases nothing, a post from another site is refused, and
//! the button erases everything but the salted hash.

use anslag::mail::links::{LinkKey, Purpose};
use anslag::mail::{Frequency, store};
use serde_json::Value;

use crate::common::mail::subscribe;
use crate::common::smtp::SmtpServer;
use crate::common::*;
use crate::subscriptions::{
    SERVICE_URL, Service, answer, client, get, html, mail_dir, post_form, site, stored,
};

#[test]
fn a_subscriber_downloads_their_data_and_erases_themselves_after_confirming() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site(server.port);
    let address = "lina.berg@example.org";
    let ids = subscribe(&site, &[(address, "de", &["hamnskolan"], Frequency::Daily)]);
    let id = ids[address];
    let key = LinkKey::load(&site.path(crate::common::mail::STORE)).unwrap();
    let token = key.token(Purpose::Preferences, id, address);
    let service = Service::start(&site, &[("ANSLAG_NOW", NOW)]);

    // The preferences page links to both, in the subscriber's language.
    let (status, _, body) = answer(get(&service.url(&format!("/preferences/{token}"))));
    assert_eq!(status, 200);
    let page = html(&body);
    assert_eq!(attr(select(&page, "html")[0], "lang"), "de");
    let links = hrefs(&page, "main a");
    let data = links
        .iter()
        .find(|h| h.starts_with("/data/"))
        .expect("a link to the data");
    let erase = links
        .iter()
        .find(|h| h.starts_with("/erase/"))
        .expect("a link to erase");

    // The download: everything stored, as the export command prints it.
    let r = get(&service.url(data));
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(r.headers()["cache-control"], "no-store");
    let json: Value = serde_json::from_str(&r.text().unwrap()).unwrap();
    assert_eq!(json["address"], address);
    assert_eq!(json["subscriber"]["language"], "de");
    assert_eq!(
        json["subscriber"]["topics"],
        serde_json::json!(["hamnskolan"])
    );
    assert_eq!(json["subscriber"]["status"], "confirmed");
    // Not with a token for another purpose, nor a forged one.
    let unsubscribe = key.token(Purpose::Unsubscribe, id, address);
    assert_eq!(
        get(&service.url(&format!("/data/{unsubscribe}")))
            .status()
            .as_u16(),
        410
    );

    // Following the erase link asks; it erases nothing.
    let (status, _, body) = answer(get(&service.url(erase)));
    assert_eq!(status, 200);
    let page = html(&body);
    let form = select(&page, "main form")[0];
    assert_eq!(attr(form, "method"), "post");
    let action = attr(form, "action");
    assert!(stored(&site, address).is_some());
    // A post from another site's page, and one without the page's field, erase nothing.
    let (status, _, _) = answer(post_form(
        &service.url(&action),
        &[("confirm", "erase")],
        &[("origin", "https://evil.example")],
    ));
    assert_eq!(status, 403);
    let (status, _, _) = answer(post_form(
        &service.url(&action),
        &[],
        &[("origin", SERVICE_URL)],
    ));
    assert_eq!(status, 400);
    assert!(stored(&site, address).is_some());

    // The button.
    let (status, _, body) = answer(post_form(
        &service.url(&action),
        &[("confirm", "erase")],
        &[("origin", SERVICE_URL)],
    ));
    assert_eq!(status, 200, "{body}");
    assert_eq!(attr(select(&html(&body), "html")[0], "lang"), "de");
    assert!(stored(&site, address).is_none());
    let conn = store::open(&site.path(crate::common::mail::STORE)).unwrap();
    let left = store::export(&conn, address)
        .unwrap()
        .expect("the erasure is recorded");
    assert!(left["subscriber"].is_null() && left["erased"]["erased_at"].is_string());
    // The links stop working.
    let r = client().get(service.url(data)).send().unwrap();
    assert_eq!(r.status().as_u16(), 410);
    assert!(
        !service.log().contains(address),
        "an address in clear in the log"
    );
}
