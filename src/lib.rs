//! anslag: a municipality's press releases, minutes and notices to guardians, from one folder
//! of Markdown to an accessible static site in many languages.
//!
//! The pipeline: [`config`] and [`content`] load and validate everything into a [`site::Site`]
//! model; [`render`] turns the model into pages; [`output`] writes them atomically.

pub mod build;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod output;
pub mod render;
pub mod site;
