//! Images (issue 20) on the minimal fixture site with a photo made here: published in every
//! width as WebP and JPEG inside a `<picture>`, no GPS, EXIF, XMP or IPTC left in any file (as
//! `exiftool`, a real reader, sees them), turned upright, taken from the cache on a rebuild,
//! and every kind of bad image refused with its file named.

use std::path::{Path, PathBuf};
use std::process::Command;

use image::{ImageEncoder, Rgb, RgbImage};

use crate::common::{NOW, TestSite, attr, page, select};

const DOC: &str = "content/press/2026-11-01-ny-matsal.sv.md";
const PHOTO: &str = "content/press/2026-11-01-ny-matsal/matsal.jpg";
const PAGE: &str = "sv/press/ny-matsal/index.html";
const FILES: &str = "files/press/ny-matsal";

/// A photo-like JPEG, `w` × `h`, of smooth gradients.
fn photo(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| {
        Rgb([
            (x * 255 / w) as u8,
            (y * 255 / h) as u8,
            ((x + y) % 256) as u8,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

fn exiftool(args: &[&str], file: &Path) -> String {
    let out = Command::new("exiftool")
        .args(args)
        .arg(file)
        .output()
        .expect("exiftool is installed (libimage-exiftool-perl; .ci/run installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The fixture site with a 2400 × 1600 photo, as a phone writes it: rotated (EXIF orientation
/// 6: shown a quarter turn clockwise, so 1600 × 2400 upright), with its GPS position, the
/// owner's name in EXIF, XMP and IPTC.
fn site_with_photo() -> TestSite {
    let site = TestSite::fixture("minimal");
    site.write(PHOTO, photo(2400, 1600));
    exiftool(
        &[
            "-q",
            "-overwrite_original",
            "-GPSLatitude=55.6",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=12.9",
            "-GPSLongitudeRef=E",
            "-Artist=Camera Owner",
            "-Orientation#=6",
            "-XMP-dc:Creator=Camera Owner",
            "-IPTC:By-line=Camera Owner",
        ],
        &site.path(PHOTO),
    );
    site.edit(
        DOC,
        "Ekskolan får en ny matsal med plats för 300 elever.",
        "Ekskolan får en ny matsal med plats för 300 elever.\n\n![Matsalen sedd från entrén](matsal.jpg)\n\n<img src=\"matsal.jpg\" alt=\"Igen\">",
    );
    site
}

fn published(out: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(out.join(FILES))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_size_in_two_formats_without_any_metadata() {
    let site = site_with_photo();
    site.build(&[]).assert_ok();
    let out = site.out();
    let names: Vec<String> = published(&out)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "matsal-1600.jpg",
            "matsal-1600.webp",
            "matsal-480.jpg",
            "matsal-480.webp",
            "matsal-960.jpg",
            "matsal-960.webp",
            "matsal.jpg"
        ]
    );
    for file in published(&out) {
        let tags = exiftool(&["-a", "-G1", "-s"], &file);
        for group in ["[GPS]", "[IFD0]", "[ExifIFD]", "[XMP", "[IPTC]"] {
            assert!(
                !tags.contains(group),
                "{} holds {group} metadata:\n{tags}",
                file.display()
            );
        }
        assert!(
            !tags.contains("Camera Owner"),
            "{}:\n{tags}",
            file.display()
        );
    }
    // Turned upright: the original is as tall as the photo was wide.
    let size = exiftool(&["-s3", "-ImageSize"], &out.join(FILES).join("matsal.jpg"));
    assert_eq!(size.trim(), "1600x2400");
    let size = exiftool(
        &["-s3", "-ImageSize"],
        &out.join(FILES).join("matsal-480.webp"),
    );
    assert_eq!(size.trim(), "480x720");
}

#[test]
fn a_picture_with_every_width_and_its_size() {
    let site = site_with_photo();
    site.build(&[]).assert_ok();
    let doc = page(&site.out(), PAGE);
    let pictures = select(&doc, "picture");
    assert_eq!(pictures.len(), 1, "the Markdown image is a <picture>");
    let source = &select(&doc, "picture source")[0];
    assert_eq!(attr(*source, "type"), "image/webp");
    assert_eq!(
        attr(*source, "srcset"),
        format!(
            "/{FILES}/matsal-480.webp 480w, /{FILES}/matsal-960.webp 960w, /{FILES}/matsal-1600.webp 1600w"
        )
    );
    for img in select(&doc, ".document img") {
        assert!(attr(img, "srcset").contains(&format!("/{FILES}/matsal-1600.jpg 1600w")));
        assert!(!attr(img, "sizes").is_empty());
        assert_eq!(attr(img, "src"), format!("/{FILES}/matsal-960.jpg"));
        assert_eq!(
            (attr(img, "width"), attr(img, "height")),
            ("960".into(), "1440".into())
        );
        assert_eq!(attr(img, "loading"), "lazy");
        assert_eq!(attr(img, "decoding"), "async");
    }
    assert_eq!(select(&doc, ".document img").len(), 2, "the raw <img> too");
}

#[test]
fn a_rebuild_takes_every_image_from_the_cache() {
    let site = site_with_photo();
    let first = site.build(&["-v"]);
    first.assert_ok();
    assert!(
        first
            .stderr
            .contains("Images: 1 processed, 0 from the cache"),
        "{}",
        first.stderr
    );
    std::fs::remove_dir_all(site.out()).unwrap();
    let second = site.build(&["-v"]);
    second.assert_ok();
    assert!(
        second
            .stderr
            .contains("Images: 0 processed, 1 from the cache"),
        "{}",
        second.stderr
    );
    assert!(site.out().join(FILES).join("matsal-480.webp").is_file());
    // The cache is safe to delete: the next build makes the images again.
    std::fs::remove_dir_all(site.root().join(".anslag/cache")).unwrap();
    let third = site.build(&["-v"]);
    assert!(
        third
            .stderr
            .contains("Images: 1 processed, 0 from the cache"),
        "{}",
        third.stderr
    );
}

#[test]
fn check_warns_of_a_photo_with_its_position() {
    let site = site_with_photo();
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .args(["--now", NOW, "check", "--site"])
        .arg(site.root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let all = format!("{stdout}{stderr}");
    let line = all
        .lines()
        .position(|l| l.contains("GPS position"))
        .unwrap_or_else(|| panic!("no warning of the GPS position:\n{all}"));
    let near: String = all.lines().skip(line).take(3).collect();
    assert!(near.contains("matsal.jpg"), "{near}");
}

/// A site whose press release shows the image `name` with these bytes: the build's errors.
fn build_with_image(name: &str, bytes: Vec<u8>) -> String {
    let site = TestSite::fixture("minimal");
    site.write(&format!("content/press/2026-11-01-ny-matsal/{name}"), bytes);
    site.edit(
        DOC,
        "Ekskolan får en ny matsal",
        &format!("![Bild]({name})\n\nEkskolan får en ny matsal"),
    );
    let run = site.build(&[]);
    run.assert_failed();
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(
        errors[0].file.as_deref().is_some_and(|f| f.ends_with(name)),
        "{}",
        run.stderr
    );
    run.stderr
}

#[test]
fn a_file_that_is_not_an_image() {
    let e = build_with_image("matsal.jpg", b"Hej! Det har ar ingen bild.".to_vec());
    assert!(e.contains("not an image"), "{e}");
}

#[test]
fn a_truncated_jpeg() {
    let mut jpeg = photo(800, 600);
    jpeg.truncate(jpeg.len() / 3);
    let e = build_with_image("matsal.jpg", jpeg);
    assert!(e.contains("cannot be decoded"), "{e}");
}

/// A PNG that declares 30 000 × 30 000 pixels in a few hundred bytes.
fn png_bomb() -> Vec<u8> {
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&[0; 3], 1, 1, image::ExtendedColorType::Rgb8)
        .unwrap();
    // IHDR's width and height, then its CRC over type and data.
    png[16..20].copy_from_slice(&30_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&30_000u32.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&png[12..29]);
    png[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    png
}

#[test]
fn a_decompression_bomb() {
    let e = build_with_image("karta.png", png_bomb());
    assert!(e.contains("30000 × 30000 pixels"), "{e}");
}

#[test]
fn an_animated_gif() {
    let mut gif = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut gif);
        for shade in [0u8, 255] {
            let frame = image::RgbaImage::from_pixel(8, 8, image::Rgba([shade, 0, 0, 255]));
            enc.encode_frame(image::Frame::new(frame)).unwrap();
        }
    }
    let e = build_with_image("blink.gif", gif);
    assert!(e.contains("animated"), "{e}");
}
