//! Rendering: the site model to files. Every page is an independent job, rendered in parallel
//! from shared references to the immutable model; the templates were compiled once.

pub mod pages;
pub mod templates;
pub mod views;

use std::path::PathBuf;

/// One file of the output, relative to the output folder.
#[derive(Debug)]
pub struct Output {
    pub path: String,
    pub data: OutputData,
}

#[derive(Debug)]
pub enum OutputData {
    Bytes(Vec<u8>),
    /// A file copied as it is (attachments).
    Copy(PathBuf),
}

pub use pages::render_site;
