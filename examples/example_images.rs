//! Makes the example site's two images (issue 20), both invented: a photo-like picture of
//! Ekvik's waterworks for the press release on the drinking water, and a simple road map of
//! the water tanks for the crisis notice. The files are committed; run this only to make them
//! anew:
//!
//!     cargo run --example example_images
//!
//! Deterministic (a fixed pseudo-random sequence), so the same files come out every time.
//!
//! `cargo run --example example_images -- --photos N DIR` writes instead `N` camera-size
//! photos (4000 × 3000, JPEG) into `DIR`, for `benches/images.sh`.

use image::{ImageEncoder, Rgb, RgbImage};

const PHOTO: &str = "content/press/2026-11-22-drinking-water-schools-closed/vattenverket.jpg";
const MAP: &str = "content/notices/2026-11-22-schools-closed-water/karta-vattentankar.png";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n, dir] = &args[..]
        && flag == "--photos"
    {
        let n: u32 = n.parse().expect("a number of photos");
        for i in 0..n {
            let mut img = photo(4000, 3000);
            // Each photo its own: a shade of its own, so that no two are the same file.
            for p in img.pixels_mut().step_by(7) {
                p.0[0] = p.0[0].wrapping_add(i as u8);
            }
            let mut jpeg = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
                .write_image(img.as_raw(), 4000, 3000, image::ExtendedColorType::Rgb8)
                .expect("encode the photo");
            std::fs::write(format!("{dir}/photo-{i:03}.jpg"), jpeg).expect("write the photo");
        }
        return;
    }
    let photo = photo(1800, 1200);
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 82)
        .write_image(
            photo.as_raw(),
            photo.width(),
            photo.height(),
            image::ExtendedColorType::Rgb8,
        )
        .expect("encode the photo");
    write(PHOTO, &jpeg);
    let map = map(1200, 800);
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(
            map.as_raw(),
            map.width(),
            map.height(),
            image::ExtendedColorType::Rgb8,
        )
        .expect("encode the map");
    write(MAP, &png);
}

fn write(path: &str, bytes: &[u8]) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    println!("{} ({} kB)", path.display(), bytes.len() / 1000);
}

/// A small linear congruential generator: noise without a dependency.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 40) as f32) / ((1u64 << 24) as f32) - 0.5
    }
}

fn mix(a: [f32; 3], b: [f32; 3], t: f32) -> [f32; 3] {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t.clamp(0.0, 1.0))
}

/// A grey morning over the strait: sky, the low brick waterworks with its tower, the shore,
/// the water in front; a little grain as a camera has.
fn photo(w: u32, h: u32) -> RgbImage {
    let mut noise = Noise(20261122);
    let (wf, hf) = (w as f32, h as f32);
    RgbImage::from_fn(w, h, |x, y| {
        let (u, v) = (x as f32 / wf, y as f32 / hf);
        let horizon = 0.55 + 0.02 * (u * 9.0).sin();
        let mut c = if v < horizon {
            mix([150.0, 170.0, 190.0], [215.0, 220.0, 225.0], v / horizon)
        } else {
            let ripple = 6.0 * ((v * 180.0).sin() * (u * 40.0).cos());
            let base = mix(
                [95.0, 120.0, 135.0],
                [40.0, 60.0, 75.0],
                (v - horizon) / (1.0 - horizon),
            );
            base.map(|c| c + ripple)
        };
        // The building: a long low block and a tower on the shore.
        let block = (0.18..0.62).contains(&u) && (0.40..horizon).contains(&v);
        let tower = (0.48..0.55).contains(&u) && (0.22..horizon).contains(&v);
        if block || tower {
            c = [140.0, 75.0, 60.0];
            let window =
                ((u * 60.0).fract() < 0.35) && ((v * 40.0).fract() < 0.4) && v < horizon - 0.04;
            if window {
                c = [60.0, 65.0, 70.0];
            }
        }
        let roof = (0.16..0.64).contains(&u) && (0.38..0.40).contains(&v);
        if roof {
            c = [70.0, 70.0, 72.0];
        }
        let shore = v >= horizon && v < horizon + 0.03;
        if shore {
            c = [120.0, 115.0, 100.0];
        }
        let grain = noise.next() * 10.0;
        Rgb(c.map(|c| (c + grain).clamp(0.0, 255.0) as u8))
    })
}

/// Distance from a point to a segment.
fn distance(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

/// Roads of Ekvik on land, the sea to the west, and the two water tanks as red rings.
fn map(w: u32, h: u32) -> RgbImage {
    let main_roads = [
        ((150.0, 100.0), (600.0, 380.0)),
        ((600.0, 380.0), (1150.0, 420.0)),
        ((600.0, 380.0), (560.0, 780.0)),
    ];
    let streets = [
        ((300.0, 190.0), (420.0, 620.0)),
        ((420.0, 620.0), (900.0, 640.0)),
        ((800.0, 400.0), (860.0, 120.0)),
        ((860.0, 120.0), (1150.0, 160.0)),
        ((700.0, 390.0), (760.0, 640.0)),
    ];
    let tanks = [(600.0, 380.0), (820.0, 640.0)];
    RgbImage::from_fn(w, h, |x, y| {
        let p = (x as f32, y as f32);
        let coast = 110.0 + 40.0 * (p.1 / 90.0).sin();
        let mut c = if p.0 < coast {
            [170, 205, 230]
        } else {
            [242, 238, 228]
        };
        if streets.iter().any(|(a, b)| distance(p, *a, *b) < 5.0) {
            c = [255, 255, 255];
        }
        if main_roads.iter().any(|(a, b)| distance(p, *a, *b) < 9.0) {
            c = [250, 200, 90];
        }
        for t in tanks {
            let d = ((p.0 - t.0).powi(2) + (p.1 - t.1).powi(2)).sqrt();
            if d < 26.0 && d > 14.0 {
                c = [200, 30, 30];
            } else if d <= 14.0 {
                c = [255, 255, 255];
            }
        }
        Rgb(c)
    })
}
