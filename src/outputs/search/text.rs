//! The words of rendered HTML, for the index: tags become spaces (so that `<td>1</td><td>2</td>`
//! stays two words), entities are decoded. The HTML is our own rendering of Markdown, so a tag
//! never holds a `>` of its own (attribute values have it escaped).

/// The text of `html`, whitespace kept as it was between the tags.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        rest = match rest[start..].find('>') {
            Some(end) => &rest[start + end + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    html_escape::decode_html_entities(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_part_words_and_entities_are_decoded() {
        let html = "<h2 id=\"p1\">§ 1 Val</h2>\n<table><tr><td>12</td><td>13</td></tr></table><p>A &amp; B &lt;C&gt; <bdi>BUN-2026/3</bdi></p>";
        let words: Vec<String> = text_of(html)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        assert_eq!(
            words,
            [
                "§",
                "1",
                "Val",
                "12",
                "13",
                "A",
                "&",
                "B",
                "<C>",
                "BUN-2026/3"
            ]
        );
    }

    #[test]
    fn an_unclosed_tag_ends_the_text() {
        assert_eq!(text_of("word <p class=\"x").trim(), "word");
    }
}
