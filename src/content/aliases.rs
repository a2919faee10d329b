//! A document's old addresses (`aliases:` in its front matter), read into the site paths that
//! redirect to it. Each is written by a person, so each is checked here, alone: whether two
//! aliases or an alias and a page share an address is for the site model to say, which knows
//! every page.
//!
//! A bare slug (`old-name`) is the address that slug had as the same kind in the same language
//! (`/sv/press/old-name/`). A path (`/sv/press/old-url/`) is taken as given: it names a page,
//! and a page's address ends in `/` (added when it is missing) unless its last part is an
//! `.html` file; a last part with another extension (`/nyheter/visa.aspx`) is an old address
//! of another system, which redirects only where the web server reads the redirect maps.

use super::Addresses;
use super::document::Kind;
use crate::config::is_slug;

/// What an alias is not, as a message and a hint.
pub type Problem = (String, String);

/// The site path of `raw`, an alias of the translation of `kind`/`lang`.
pub fn resolve(
    raw: &str,
    kind: Kind,
    lang: &str,
    addresses: &dyn Addresses,
) -> Result<String, Problem> {
    let a = raw.trim();
    if a.is_empty() {
        return Err((
            "an alias is empty".into(),
            "write the old address, e.g. `old-name` or `/sv/press/old-name/`, or remove the line"
                .into(),
        ));
    }
    if a.starts_with("//") || has_scheme(a) {
        return Err((
            format!("the alias `{a}` is not an address of this site"),
            "an alias is an old address of this site: a path such as /sv/press/old-name/ (without https:// and the host), or a slug".into(),
        ));
    }
    if !a.starts_with('/') {
        return if is_slug(a) {
            Ok(addresses.document(lang, kind, a))
        } else {
            Err((
                format!("the alias `{a}` is neither a slug nor a path"),
                "write a slug the document had (lower-case letters a-z, digits and -), or a path that starts with /".into(),
            ))
        };
    }
    path(a)
}

/// A path alias, checked part by part and ended with `/` when it names a page.
fn path(a: &str) -> Result<String, Problem> {
    let malformed = |why: &str, hint: &str| Err((format!("the alias `{a}` {why}"), hint.into()));
    if a.contains(['?', '#']) {
        return malformed(
            "has a query or a fragment",
            "an alias is a path only: leave out what follows ? or #",
        );
    }
    if a.contains('%') {
        return malformed(
            "is percent-encoded",
            "write the path as readers see it: /sv/möte/ rather than /sv/m%C3%B6te/",
        );
    }
    let parts: Vec<&str> = a[1..].split('/').collect();
    let last = parts.last().copied().unwrap_or_default();
    let inner = &parts[..parts.len().saturating_sub(1)];
    if inner.iter().any(|p| p.is_empty()) || parts.iter().any(|p| *p == "." || *p == "..") {
        return malformed(
            "has an empty, `.` or `..` part",
            "write the path the old page had, from the site's root, e.g. /sv/press/old-name/",
        );
    }
    if let Some(c) = a.chars().find(|c| !allowed(*c)) {
        return malformed(
            &format!("has the character `{c}`, which no address of the site has"),
            "use letters, digits and - . _ ~ between the slashes",
        );
    }
    // A folder, or a file (an `.html` page or another system's): as written.
    if last.is_empty() || last.contains('.') {
        Ok(a.to_owned())
    } else {
        Ok(format!("{a}/"))
    }
}

fn allowed(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | '_' | '~')
}

/// `https:`, `mailto:`…: a URL scheme before any `/`.
fn has_scheme(a: &str) -> bool {
    a.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && !scheme.contains('/')
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Whether the alias names a page (which gets a redirect page of its own), not another
/// system's file (which redirects only through the web server's map).
pub fn is_page(path: &str) -> bool {
    path.ends_with('/') || path.ends_with(".html") || path.ends_with(".htm")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Scheme;
    impl Addresses for Scheme {
        fn document(&self, lang: &str, kind: Kind, slug: &str) -> String {
            format!("/{lang}/{}/{slug}/", kind.dir())
        }
        fn file(&self, _: Kind, _: &str, _: &str) -> String {
            unreachable!()
        }
        fn image(&self, _: Kind, _: &str, _: &str, _: Option<u32>, _: &str) -> String {
            unreachable!()
        }
    }

    fn ok(raw: &str) -> String {
        resolve(raw, Kind::Press, "sv", &Scheme).unwrap()
    }

    fn err(raw: &str) -> String {
        resolve(raw, Kind::Press, "sv", &Scheme).unwrap_err().0
    }

    #[test]
    fn a_slug_is_the_same_kind_and_language() {
        assert_eq!(ok("old-name"), "/sv/press/old-name/");
        assert_eq!(
            resolve("gammal", Kind::Notices, "ar", &Scheme).unwrap(),
            "/ar/notices/gammal/"
        );
    }

    #[test]
    fn a_path_is_taken_as_given_and_a_page_ends_in_a_slash() {
        assert_eq!(ok("/sv/press/old-url/"), "/sv/press/old-url/");
        assert_eq!(ok("/sv/press/old-url"), "/sv/press/old-url/");
        assert_eq!(ok("/nyheter/möte.html"), "/nyheter/möte.html");
        assert_eq!(ok("/nyheter/visa.aspx"), "/nyheter/visa.aspx");
        assert!(is_page("/sv/press/old-url/"));
        assert!(is_page("/a.html"));
        assert!(!is_page("/nyheter/visa.aspx"));
    }

    #[test]
    fn what_is_not_an_alias() {
        assert!(err("").contains("empty"));
        assert!(err("https://x.example/sv/press/a/").contains("not an address of this site"));
        assert!(err("//x.example/a/").contains("not an address of this site"));
        assert!(err("mailto:a@x.example").contains("not an address of this site"));
        assert!(err("Old Name").contains("neither a slug nor a path"));
        assert!(err("/sv//press/").contains("empty"));
        assert!(err("/sv/../etc/").contains("`..`"));
        assert!(err("/sv/press/a/..").contains("`..`"));
        assert!(err("/sv/?id=3").contains("query"));
        assert!(err("/sv/m%C3%B6te/").contains("percent-encoded"));
        assert!(err("/sv/a b/").contains("character ` `"));
        assert!(err("/sv/a;b/").contains("character `;`"));
    }
}
