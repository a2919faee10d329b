//! Resizing and encoding pixels; nothing of the source's metadata is written but the colour
//! profile.

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, PngEncoder};
use image::{DynamicImage, ExtendedColorType, ImageEncoder, ImageFormat};

use super::{Decoded, Format, Problem};

/// The format an image keeps beside WebP: JPEG for photos, PNG for what a PNG or GIF holds
/// (maps, diagrams: sharp edges, few colours) and for anything with transparency.
pub(super) fn own_format(d: &Decoded) -> Format {
    match d.format {
        ImageFormat::Jpeg => Format::Jpeg,
        ImageFormat::WebP if !d.image.color().has_alpha() => Format::Jpeg,
        _ => Format::Png,
    }
}

/// 8-bit pixels, RGB or RGBA, with the colour profile they are in.
pub(super) struct Pixels {
    pub width: u32,
    pub height: u32,
    alpha: bool,
    data: Vec<u8>,
    icc: Option<Vec<u8>>,
}

impl Pixels {
    pub fn of(image: DynamicImage, icc: Option<Vec<u8>>) -> Pixels {
        let (width, height) = (image.width(), image.height());
        let alpha = image.color().has_alpha();
        let data = if alpha {
            image.into_rgba8().into_raw()
        } else {
            image.into_rgb8().into_raw()
        };
        Pixels {
            width,
            height,
            alpha,
            data,
            icc,
        }
    }

    fn pixel_type(&self) -> PixelType {
        if self.alpha {
            PixelType::U8x4
        } else {
            PixelType::U8x3
        }
    }

    /// The image `width` pixels across (its height in proportion), or itself when it is no
    /// wider.
    pub fn resized(&self, width: u32) -> Result<Pixels, Problem> {
        if width >= self.width {
            return Ok(Pixels {
                data: self.data.clone(),
                icc: self.icc.clone(),
                ..*self
            });
        }
        let height = ((u64::from(self.height) * u64::from(width) + u64::from(self.width) / 2)
            / u64::from(self.width))
        .max(1) as u32;
        let failed = |e: &dyn std::fmt::Display| {
            Problem::new(
                format!("the image cannot be resized: {e}"),
                "export it again",
            )
        };
        let src = ImageRef::new(self.width, self.height, &self.data, self.pixel_type())
            .map_err(|e| failed(&e))?;
        let mut dst = Image::new(width, height, self.pixel_type());
        // Lanczos: sharp text on maps and diagrams; alpha is premultiplied by the resizer.
        let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
        Resizer::new()
            .resize(&src, &mut dst, &options)
            .map_err(|e| failed(&e))?;
        Ok(Pixels {
            width,
            height,
            alpha: self.alpha,
            data: dst.into_vec(),
            icc: self.icc.clone(),
        })
    }

    /// The pixels encoded as `format`, with their colour profile and nothing else.
    pub fn encode(&self, format: Format, quality: u8) -> Result<Vec<u8>, Problem> {
        let failed = |e: &dyn std::fmt::Display| {
            Problem::new(
                format!("the image cannot be encoded: {e}"),
                "export it again as an 8-bit RGB JPEG or PNG",
            )
        };
        let colour = if self.alpha {
            ExtendedColorType::Rgba8
        } else {
            ExtendedColorType::Rgb8
        };
        let mut out = Vec::new();
        match format {
            Format::Jpeg => {
                let mut e = JpegEncoder::new_with_quality(&mut out, quality);
                if let Some(icc) = &self.icc {
                    // An encoder that cannot embed it publishes the pixels as they are.
                    let _ = e.set_icc_profile(icc.clone());
                }
                // JPEG has no transparency: an RGBA source of a JPEG (a WebP) is opaque.
                let rgb;
                let (data, colour) = if self.alpha {
                    rgb = self
                        .data
                        .chunks_exact(4)
                        .flat_map(|p| [p[0], p[1], p[2]])
                        .collect::<Vec<u8>>();
                    (&rgb[..], ExtendedColorType::Rgb8)
                } else {
                    (&self.data[..], colour)
                };
                e.write_image(data, self.width, self.height, colour)
                    .map_err(|e| failed(&e))?;
            }
            Format::Png => {
                let mut e = PngEncoder::new_with_quality(
                    &mut out,
                    CompressionType::Default,
                    image::codecs::png::FilterType::Adaptive,
                );
                if let Some(icc) = &self.icc {
                    let _ = e.set_icc_profile(icc.clone());
                }
                e.write_image(&self.data, self.width, self.height, colour)
                    .map_err(|e| failed(&e))?;
            }
            Format::Webp => {
                let layout = if self.alpha {
                    webp::PixelLayout::Rgba
                } else {
                    webp::PixelLayout::Rgb
                };
                let encoded = webp::Encoder::new(&self.data, layout, self.width, self.height)
                    .encode(f32::from(quality));
                out = match &self.icc {
                    Some(icc) => with_icc(&encoded, icc, self.width, self.height, self.alpha),
                    None => encoded.to_vec(),
                };
            }
        }
        Ok(out)
    }
}

/// A WebP file from libwebp with an ICC profile added: the simple format (one `VP8 `/`VP8L`
/// chunk) has no room for one, so the file becomes the extended one, a `VP8X` chunk flagging
/// the profile, then the `ICCP` chunk, then the rest (libwebp's simple encoder cannot add it).
fn with_icc(webp: &[u8], icc: &[u8], width: u32, height: u32, alpha: bool) -> Vec<u8> {
    const ICC_FLAG: u8 = 0x20;
    const ALPHA_FLAG: u8 = 0x10;
    if webp.len() < 20 || &webp[..4] != b"RIFF" || &webp[8..12] != b"WEBP" {
        return webp.to_vec();
    }
    let chunks = &webp[12..];
    let mut body = Vec::with_capacity(webp.len() + icc.len() + 32);
    let rest = if &chunks[..4] == b"VP8X" {
        let mut vp8x = chunks[..18].to_vec();
        vp8x[8] |= ICC_FLAG;
        body.extend_from_slice(&vp8x);
        &chunks[18..]
    } else {
        body.extend_from_slice(b"VP8X");
        body.extend_from_slice(&10u32.to_le_bytes());
        body.push(ICC_FLAG | if alpha { ALPHA_FLAG } else { 0 });
        body.extend_from_slice(&[0, 0, 0]);
        body.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
        body.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
        chunks
    };
    body.extend_from_slice(b"ICCP");
    body.extend_from_slice(&(icc.len() as u32).to_le_bytes());
    body.extend_from_slice(icc);
    if icc.len() % 2 == 1 {
        body.push(0);
    }
    body.extend_from_slice(rest);
    let mut out = Vec::with_capacity(body.len() + 12);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&((body.len() + 4) as u32).to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend_from_slice(&body);
    out
}
