//! The documents' images as published: every size in WebP and in the image's own format, and
//! the full-size original, all with their metadata removed (`crate::images`). They were
//! processed when the content was loaded and wait in the cache: this output copies them.

use super::{Context, Output};
use crate::content::document::Attachment;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::urls;
use crate::write::{File, FileData, Sink};

#[derive(Default)]
pub struct Images;

/// Each file an image attachment is published as: its output path and the cache file.
fn files(cx: &Context<'_>) -> Vec<File> {
    let mut out = Vec::new();
    for doc in &cx.site.documents {
        for a in &doc.attachments {
            let Some(p) = &a.image else { continue };
            out.push(File {
                path: urls::output_path(&a.url),
                data: FileData::Copy(p.original_file()),
            });
            for v in &p.variants {
                out.push(File {
                    path: urls::output_path(&variant_url(doc.kind, &doc.slug, a, v)),
                    data: FileData::Copy(p.variant_file(v)),
                });
            }
        }
    }
    out
}

/// The site path of one size of an image.
pub fn variant_url(
    kind: crate::content::Kind,
    slug: &str,
    a: &Attachment,
    v: &crate::images::Variant,
) -> String {
    urls::image(kind, slug, &a.name, Some(v.width), v.format.extension())
}

impl Output for Images {
    fn name(&self) -> &'static str {
        "images"
    }

    fn fingerprint(&self, cx: &Context<'_>) -> Option<u64> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for f in files(cx) {
            f.path.hash(&mut h);
            if let FileData::Copy(p) = &f.data {
                p.hash(&mut h);
            }
        }
        Some(h.finish())
    }

    fn plan(&mut self, cx: &Context<'_>) -> Result<Vec<String>, Diagnostics> {
        Ok(files(cx).into_iter().map(|f| f.path).collect())
    }

    fn render(&mut self, cx: &Context<'_>, sink: &dyn Sink) -> Result<(), Diagnostics> {
        let mut errs = Diagnostics::default();
        for f in files(cx) {
            let path = f.path.clone();
            if let Err(e) = sink.put(f) {
                errs.push(
                    Diagnostic::error(path, format!("cannot write the image: {e}")).hint(
                        "check the output folder's permissions and free space; the cache under .anslag/cache/ is safe to delete",
                    ),
                );
            }
        }
        if errs.has_errors() {
            return Err(errs);
        }
        Ok(())
    }

    /// Already compressed.
    fn compressible(&self) -> fn(&str) -> bool {
        |_| false
    }
}
