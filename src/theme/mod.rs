//! How the site looks, shared by the pages, the email and the subscription service: the
//! templates (compiled once, overridable by the site), the views templates see, and the HTML
//! pieces more than one of them shows.

pub mod document;
pub mod forms;
pub mod templates;
pub mod views;
