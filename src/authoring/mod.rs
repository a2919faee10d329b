//! Helping authors start: `anslag new` writes a document with every field filled in or
//! explained, in each asked language; `anslag init` makes a new site to edit.

pub mod init;
pub mod new;

/// An ASCII slug from a title in any script: "Förskolorna stänger" → `forskolorna-stanger`.
pub fn slug_from_title(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_lowercase();
    let mut slug = String::new();
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        "document".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_in_any_script() {
        assert_eq!(
            slug_from_title("Förskolorna stänger på måndag!"),
            "forskolorna-stanger-pa-mandag"
        );
        assert_eq!(slug_from_title("Ærø: Skoler lukker"), "aero-skoler-lukker");
        assert!(crate::config::is_slug(&slug_from_title("إغلاق المدارس")));
        assert_eq!(slug_from_title("!!!"), "document");
    }
}
