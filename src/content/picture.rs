//! The markup of a processed image: a `<picture>` offering WebP and the image's own format in
//! every published width (`srcset`, `sizes`), its `width` and `height` so that the page does not
//! shift as it loads, loaded lazily below the first screen and decoded off the main thread.

use crate::content::Addresses;
use crate::content::document::Kind;
use crate::images::{Format, Processed, Variant};

/// How wide an image shows: the text column (41rem) less nothing, else the screen less its
/// margins (the theme's `--col` and `.wrap` padding).
pub const SIZES: &str = "(min-width: 43rem) 41rem, calc(100vw - 2rem)";

/// Where a picture's files are.
pub struct Source<'a> {
    pub kind: Kind,
    pub slug: &'a str,
    pub name: String,
    pub image: &'a Processed,
    pub addresses: &'a dyn Addresses,
}

impl Source<'_> {
    fn url(&self, v: &Variant) -> String {
        self.addresses.image(
            self.kind,
            self.slug,
            &self.name,
            Some(v.width),
            v.format.extension(),
        )
    }

    /// `srcset` of one format.
    pub fn srcset(&self, format: Format) -> String {
        self.image
            .variants
            .iter()
            .filter(|v| v.format == format)
            .map(|v| format!("{} {}w", self.url(v), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The size in the image's own format that old browsers (without `srcset`) load: the
    /// largest up to 960 pixels across.
    pub fn fallback(&self) -> Option<&Variant> {
        let own = self
            .image
            .variants
            .iter()
            .filter(|v| v.format == self.image.format);
        own.clone()
            .rfind(|v| v.width <= 960)
            .or_else(|| own.clone().next())
    }

    /// The fallback's address.
    pub fn fallback_url(&self) -> Option<String> {
        self.fallback().map(|v| self.url(v))
    }

    /// The widest size in the image's own format (for previews when shared).
    pub fn largest(&self) -> Option<(String, &Variant)> {
        let v = self
            .image
            .variants
            .iter()
            .rfind(|v| v.format == self.image.format)?;
        Some((self.url(v), v))
    }

    /// The attributes added to an `<img>` (after its `src`): `srcset`, `sizes`, the loading
    /// hints, and `width` and `height` unless the tag has them.
    pub fn img_attributes(&self, lazy: bool, sized: bool) -> String {
        let mut s = format!(
            " srcset=\"{}\" sizes=\"{SIZES}\"",
            attr(&self.srcset(self.image.format))
        );
        if let (Some(v), false) = (self.fallback(), sized) {
            s.push_str(&format!(" width=\"{}\" height=\"{}\"", v.width, v.height));
        }
        if lazy {
            s.push_str(" loading=\"lazy\"");
        }
        s.push_str(" decoding=\"async\"");
        s
    }

    /// The whole `<picture>`. `lazy`: below the first screen (every image but a lead one).
    pub fn html(&self, alt: &str, title: &str, lazy: bool) -> String {
        let title = if title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", attr(title))
        };
        format!(
            "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{SIZES}\"><img src=\"{}\" alt=\"{}\"{title}{}></picture>",
            attr(&self.srcset(Format::Webp)),
            attr(&self.fallback_url().unwrap_or_default()),
            attr(alt),
            self.img_attributes(lazy, false),
        )
    }
}

fn attr(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s).into_owned()
}
