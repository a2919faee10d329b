//! Loading: walk `content/`, parse every document's front matter and Markdown in parallel,
//! group translations, validate, and report every problem at once.

pub mod aliases;
pub mod dates;
pub mod document;
pub mod front_matter;
pub mod load;
pub mod markdown;
pub mod minutes;
pub mod picture;
pub mod translation;
pub mod visibility;

pub use document::{Addresses, Document, Kind, Translation};
pub use load::{CONTENT_DIR, ContentCache, LoadOptions, Loaded, load};
