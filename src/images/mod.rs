//! Images as they are published: decoded with bounded memory, turned upright, resized to the
//! site's widths (never up) and encoded as WebP and in their own format (JPEG, or PNG for
//! images with sharp edges or transparency), with no metadata but the colour profile: EXIF
//! (GPS, camera, owner, time), XMP and IPTC never reach the output, since every published file,
//! the full-size original included, is encoded anew from the pixels.
//!
//! Processing is slow and its result depends only on the file's bytes and the settings, so it
//! is kept on disk under `.anslag/cache/images/`, by a hash of both ([`prepare`]): a rebuild
//! with unchanged images decodes none. The cache is safe to delete.

mod encode;
mod exif;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{AnimationDecoder, DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;

/// The folder of the cache, relative to the site's folder.
pub const CACHE_DIR: &str = ".anslag/cache/images";

/// Changes whenever processing does (an encoder setting, the resizing filter): the cache of an
/// older anslag is then not used.
const PROCESSING_VERSION: u32 = 2;

/// Larger images are refused before they are decoded: a camera's photo has 24–60 megapixels,
/// a "decompression bomb" (a tiny file declaring 30 000 × 30 000 pixels) far more.
const MAX_PIXELS: u64 = 100_000_000;

/// Larger files are not read at all.
const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// What the site asks of its images (`images:` in `site.yaml`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    /// The widths to publish, in pixels, ascending.
    pub widths: Vec<u32>,
    /// WebP and JPEG quality of the resized images (1–100).
    pub quality: u8,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            widths: vec![480, 960, 1600],
            quality: 80,
        }
    }
}

/// A format an image is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Webp,
    Jpeg,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// One published size of an image in one format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    pub size: u64,
}

impl Variant {
    /// Its file's name in the cache entry.
    fn file_name(&self) -> String {
        format!("{}.{}", self.width, self.format.extension())
    }
}

/// A processed image: its published files, in the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Processed {
    /// Of the original, upright.
    pub width: u32,
    pub height: u32,
    /// The image's own format, of the original and the fallback sizes.
    pub format: Format,
    /// Bytes of the full-size original as published (metadata removed).
    pub original_size: u64,
    /// The resized images, by width then format (WebP first).
    pub variants: Vec<Variant>,
    /// The source held a GPS position (which is not published).
    pub gps: bool,
    /// The cache entry holding the files.
    #[serde(skip)]
    pub dir: PathBuf,
}

impl Processed {
    /// The file of the full-size original, metadata removed.
    pub fn original_file(&self) -> PathBuf {
        self.dir
            .join(format!("original.{}", self.format.extension()))
    }

    pub fn variant_file(&self, v: &Variant) -> PathBuf {
        self.dir.join(v.file_name())
    }
}

/// Whether a file is one to publish as an image, by its name.
pub fn is_image(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some("jpg" | "jpeg" | "png" | "gif" | "webp")
    )
}

/// The processed image of the file `source` (shown in messages as `shown`): from the cache
/// under `cache` when it holds it, else made and put there. The flag tells whether it was made.
pub fn prepare(
    source: &Path,
    shown: &Path,
    settings: &Settings,
    cache: &Path,
) -> Result<(Processed, bool), Diagnostic> {
    let unreadable = |e: std::io::Error| {
        Diagnostic::error(shown, format!("cannot read the image: {e}"))
            .hint("check that the file exists and can be read")
    };
    let size = std::fs::metadata(source).map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            shown,
            format!("the image is {} MB, too large to publish", size >> 20),
        )
        .hint("export it from the photo program at a smaller size (a few MB is plenty)"));
    }
    let bytes = std::fs::read(source).map_err(unreadable)?;
    let dir = cache.join(key(&bytes, settings));
    if let Some(mut p) = std::fs::read(dir.join("image.json"))
        .ok()
        .and_then(|j| serde_json::from_slice::<Processed>(&j).ok())
    {
        p.dir = dir;
        return Ok((p, false));
    }
    let made = process(&bytes, settings).map_err(|p| p.at(shown))?;
    store(&dir, made).map(|p| (p, true)).map_err(|e| {
        Diagnostic::error(shown, format!("cannot keep the processed image: {e}")).hint(format!(
            "check that {} can be written (it is safe to delete)",
            cache.display()
        ))
    })
}

/// The name of an image's cache entry: a hash of its bytes and of everything that shapes what
/// is made of them.
fn key(bytes: &[u8], settings: &Settings) -> String {
    let mut h = blake3::Hasher::new();
    h.update(&PROCESSING_VERSION.to_le_bytes());
    for w in &settings.widths {
        h.update(&w.to_le_bytes());
    }
    h.update(&[settings.quality]);
    h.update(bytes);
    h.finalize().to_hex()[..32].to_owned()
}

/// Writes a processed image into its cache entry, whole or not at all: into a folder of its
/// own first, renamed into place (another build doing the same at once is no harm).
fn store(dir: &Path, made: Made) -> std::io::Result<Processed> {
    let parent = dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let tmp = tempfile_dir(parent)?;
    let mut p = made.processed;
    p.dir = dir.to_path_buf();
    for (name, bytes) in &made.files {
        std::fs::write(tmp.join(name), bytes)?;
    }
    std::fs::write(tmp.join("image.json"), serde_json::to_vec(&p)?)?;
    if std::fs::rename(&tmp, dir).is_err() {
        // Made meanwhile by another build: theirs is the same.
        let _ = std::fs::remove_dir_all(&tmp);
        if !dir.join("image.json").exists() {
            return Err(std::io::Error::other("the cache entry could not be made"));
        }
    }
    Ok(p)
}

fn tempfile_dir(parent: &Path) -> std::io::Result<PathBuf> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    let dir = parent.join(format!(".tmp-{}", u64::from_le_bytes(bytes)));
    std::fs::create_dir(&dir)?;
    Ok(dir)
}

/// A problem with an image's content, before it is given its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: String,
}

impl Problem {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            hint: hint.into(),
        }
    }

    fn at(self, file: &Path) -> Diagnostic {
        Diagnostic::error(file, self.message).hint(self.hint)
    }
}

/// An image decoded: its pixels upright, and what is kept of its metadata.
pub struct Decoded {
    pub image: DynamicImage,
    pub format: ImageFormat,
    pub icc: Option<Vec<u8>>,
    pub gps: bool,
}

/// Decodes an image file's bytes within bounded memory: its format told by its content, its
/// size checked before any pixel is decoded, an animation refused. The fuzz target's entry.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| Problem::new(format!("cannot read the image: {e}"), "export it again"))?;
    let format = match reader.format() {
        Some(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::Gif | ImageFormat::WebP)) => {
            f
        }
        Some(f) => {
            return Err(Problem::new(
                format!("{f:?} images are not published"),
                "save it as JPEG (photos) or PNG (maps, diagrams)",
            ));
        }
        None => {
            return Err(Problem::new(
                "this file is not an image (its content is no JPEG, PNG, GIF or WebP)",
                "the name says it is an image: export it again from the photo program, or rename it if it is another kind of file",
            ));
        }
    };
    let broken = |e: image::ImageError| {
        Problem::new(
            format!("the image cannot be decoded: {e}"),
            "the file may be cut short or damaged: export or copy it again",
        )
    };
    if format == ImageFormat::Gif && is_animated_gif(bytes) {
        return Err(Problem::new(
            "animated GIFs are not published",
            "an animation that cannot be paused fails WCAG 2.2.2; publish a still image (PNG) or a video with controls",
        ));
    }
    if format == ImageFormat::Jpeg && is_cut_short(bytes) {
        return Err(Problem::new(
            "the image cannot be decoded: the JPEG is cut short (it ends inside the picture)",
            "the file may have been copied or uploaded only in part: copy it again",
        ));
    }
    let mut decoder = reader.into_decoder().map_err(broken)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(Problem::new(
            format!(
                "the image is {w} × {h} pixels, more than {} megapixels",
                MAX_PIXELS / 1_000_000
            ),
            "export it at a smaller size: 3000 pixels across is more than any screen or print in a newspaper needs",
        ));
    }
    decoder.set_limits(limits()).map_err(broken)?;
    let icc = decoder.icc_profile().ok().flatten();
    let gps = decoder
        .exif_metadata()
        .ok()
        .flatten()
        .is_some_and(|e| exif::has_gps(&e));
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(broken)?;
    image.apply_orientation(orientation);
    Ok(Decoded {
        image,
        format,
        icc,
        gps,
    })
}

/// The memory one decoding may take: a 100-megapixel RGBA image and some.
fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(40_000);
    l.max_image_height = Some(40_000);
    l.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    l
}

/// Whether a JPEG ends before its picture does: after the start of its last scan (`FF DA`)
/// there is no end marker (`FF D9`). The decoder itself fills what is missing with grey.
fn is_cut_short(bytes: &[u8]) -> bool {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    last_scan.is_some_and(|at| !bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]))
}

/// Whether a GIF has more than one frame.
fn is_animated_gif(bytes: &[u8]) -> bool {
    let Ok(mut decoder) = image::codecs::gif::GifDecoder::new(Cursor::new(bytes)) else {
        return false;
    };
    if decoder.set_limits(limits()).is_err() {
        return false;
    }
    decoder.into_frames().take(2).count() > 1
}

/// A processed image before it is in the cache: its description and its files' bytes.
struct Made {
    processed: Processed,
    files: Vec<(String, Vec<u8>)>,
}

/// Decodes, resizes and encodes an image.
fn process(bytes: &[u8], settings: &Settings) -> Result<Made, Problem> {
    let decoded = decode(bytes)?;
    let (width, height) = (decoded.image.width(), decoded.image.height());
    let format = encode::own_format(&decoded);
    let pixels = encode::Pixels::of(decoded.image, decoded.icc);
    let original = pixels.encode(format, settings.quality.max(90))?;
    let mut files = Vec::new();
    let mut variants = Vec::new();
    for w in widths(width, &settings.widths) {
        let resized = pixels.resized(w)?;
        for f in [Format::Webp, format] {
            let data = resized.encode(f, settings.quality)?;
            let v = Variant {
                width: resized.width,
                height: resized.height,
                format: f,
                size: data.len() as u64,
            };
            files.push((v.file_name(), data));
            variants.push(v);
        }
    }
    let variants = lighter_than_wider(variants);
    files.retain(|(name, _)| variants.iter().any(|v| v.file_name() == *name));
    let processed = Processed {
        width,
        height,
        format,
        original_size: original.len() as u64,
        variants,
        gps: decoded.gps,
        dir: PathBuf::new(),
    };
    files.push((format!("original.{}", format.extension()), original));
    Ok(Made { processed, files })
}

/// The variants worth offering: a size whose file is no lighter than a wider one of the same
/// format is left out, since the wider one then costs less to send. (A map or a diagram with
/// few colours compresses well at its own size, while resizing blends new colours into every
/// edge: its 960-pixel PNG was four times the bytes of the 1200-pixel original.) The widest of
/// each format is always kept. `variants` come by width, narrowest first.
fn lighter_than_wider(variants: Vec<Variant>) -> Vec<Variant> {
    let mut kept: Vec<Variant> = Vec::with_capacity(variants.len());
    for v in variants.into_iter().rev() {
        let heavier = kept
            .iter()
            .any(|k| k.format == v.format && k.width > v.width && k.size <= v.size);
        if !heavier {
            kept.push(v);
        }
    }
    kept.reverse();
    kept
}

/// The widths to publish of an image `width` pixels across: the site's that are narrower, and
/// the image's own when it is narrower than the widest (an image is never made larger).
pub fn widths(width: u32, wanted: &[u32]) -> Vec<u32> {
    let max = wanted.iter().copied().max().unwrap_or(width);
    let mut out: Vec<u32> = wanted.iter().copied().filter(|w| *w < width).collect();
    out.push(width.min(max));
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_wider_than_the_image() {
        assert_eq!(widths(4000, &[480, 960, 1600]), [480, 960, 1600]);
        assert_eq!(widths(1000, &[480, 960, 1600]), [480, 960, 1000]);
        assert_eq!(widths(320, &[480, 960, 1600]), [320]);
        assert_eq!(widths(960, &[480, 960, 1600]), [480, 960]);
    }

    #[test]
    fn a_size_heavier_than_a_wider_one_is_left_out() {
        let v = |width, format, size| Variant {
            width,
            height: width / 2,
            format,
            size,
        };
        let made = vec![
            v(480, Format::Webp, 3_000),
            v(480, Format::Png, 19_000),
            v(960, Format::Webp, 7_000),
            v(960, Format::Png, 43_000),
            v(1200, Format::Webp, 11_000),
            v(1200, Format::Png, 10_000),
        ];
        assert_eq!(
            lighter_than_wider(made),
            [
                v(480, Format::Webp, 3_000),
                v(960, Format::Webp, 7_000),
                v(1200, Format::Webp, 11_000),
                v(1200, Format::Png, 10_000),
            ]
        );
        // Photos get lighter as they get narrower: every size stays.
        let photo = vec![
            v(480, Format::Jpeg, 40_000),
            v(480, Format::Webp, 30_000),
            v(960, Format::Jpeg, 120_000),
            v(960, Format::Webp, 90_000),
        ];
        assert_eq!(lighter_than_wider(photo.clone()), photo);
    }

    #[test]
    fn not_an_image_says_so() {
        let e = decode(b"hello, this is text").err().map(|p| p.message);
        assert!(e.is_some_and(|m| m.contains("not an image")));
    }
}
