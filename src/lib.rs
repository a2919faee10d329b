//! anslag: a municipality's press releases, minutes and notices to guardians, from one folder
//! of Markdown to an accessible static site in many languages.
//!
//! The pipeline, each stage importing only those before it: [`config`] and [`content`] load
//! and validate everything; [`site`] is the model (documents, URLs, the clock); [`outputs`] turn
//! the model into pages, feeds, the API, alerts, the sitemap and calendars; [`write`] writes
//! them atomically; [`build`] runs the stages. Beside the pipeline: [`mail`] (the subscriber
//! store and email) and [`subscriptions`] (the service the forms post to), which share the
//! [`theme`] with the pages; [`publish`] builds and then sends.

// A diagnostic carries a located, quoted message; it travels only on the cold error path.
#![allow(clippy::result_large_err)]

pub mod authoring;
pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod images;
pub mod mail;
pub mod outputs;
pub mod plain_text;
pub mod publish;
pub mod serve;
pub mod site;
pub mod subscriptions;
pub mod theme;
pub mod translations;
pub mod write;
