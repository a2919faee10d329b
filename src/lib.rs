//! anslag: a municipality's press releases, minutes and notices to guardians, from one folder
//! of Markdown to an accessible static site in many languages.
//!
//! The pipeline: [`config`] and [`content`] load and validate everything into a [`site::Site`]
//! model; [`render`] turns the model into pages, and [`feeds`], [`api`], [`alerts`], [`sitemap`]
//! and [`calendar`] into the other outputs; [`output`] writes them atomically.

// A diagnostic carries a located, quoted message; it travels only on the cold error path.
#![allow(clippy::result_large_err)]

pub mod alerts;
pub mod api;
pub mod authoring;
pub mod build;
pub mod calendar;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod feeds;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod mail;
pub mod output;
pub mod plain_text;
pub mod render;
pub mod serve;
pub mod site;
pub mod sitemap;
pub mod subscriptions;
