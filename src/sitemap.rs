//! (being written)

use crate::diagnostics::Diagnostics;
use crate::i18n::I18n;
use crate::render::Output;
use crate::site::Site;

pub fn render(_site: &Site, _i18n: &I18n) -> Result<Vec<Output>, Diagnostics> {
    Ok(Vec::new())
}
