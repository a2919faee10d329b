//! Photos that record where they were taken: a camera or phone writes the GPS position into
//! the photo's EXIF, and a photo of a preschool's yard tells where the children play. The build
//! never publishes it (every published image is encoded anew without metadata), but the
//! original still holds it wherever else it is sent: a warning, naming the file.

use super::{Context, Finding, finding};
use crate::diagnostics::Severity;

pub const CHECK: &str = "image-location";

pub fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for &i in &ctx.docs {
        for a in &ctx.site.documents[i].attachments {
            if !a.image.as_ref().is_some_and(|p| p.gps) {
                continue;
            }
            let file = a.source.strip_prefix(ctx.root).unwrap_or(&a.source);
            out.push(finding(
                Severity::Warning,
                CHECK,
                file,
                None,
                None,
                "this photo records the GPS position where it was taken",
                "the site publishes it without the position, but the file still holds it: remove it before sending the photo elsewhere (`exiftool -gps:all= FILE`), and turn off location in the camera",
            ));
        }
    }
}
