//! The outputs: each turns the site model into files — pages, feeds, the JSON API, CAP alerts,
//! the sitemap and robots.txt, calendars, images, redirects from old addresses, the search index,
//! the theme's static files. Every one implements [`Output`]: it says which files it will write
//! for a site (its plan, which the link check and the removal of old files read), may give a
//! fingerprint of everything it reads, and renders into a sink. [`all`] lists them in the order
//! a build runs them; adding an output is one module and one line there.

pub mod alerts;
pub mod api;
pub mod assets;
pub mod calendar;
pub mod feeds;
pub mod html;
pub mod images;
pub mod redirects;
pub mod search;
pub mod sitemap;

use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::i18n::I18n;
use crate::site::Site;
use crate::theme::templates::Templates;
use crate::write::{File, Sink};

/// What every output renders from.
pub struct Context<'a> {
    pub site: &'a Site,
    pub i18n: &'a I18n,
    pub templates: &'a Templates,
    pub assets: &'a html::Assets,
    /// Changes whenever the configuration, locales, templates or theme do: every output then
    /// renders everything anew.
    pub generation: u64,
    /// Counts pages rendered, on long builds.
    pub progress: Option<&'a indicatif::ProgressBar>,
}

/// One kind of output of a site.
pub trait Output: Send {
    /// Its name, for timings and messages.
    fn name(&self) -> &'static str;

    /// A fingerprint of everything it reads, when it can say so cheaply: a rebuild whose
    /// fingerprint is the last one's neither plans nor renders it again. `None`: the output
    /// looks at what changed itself (pages, feeds and API files each have their own).
    fn fingerprint(&self, _cx: &Context<'_>) -> Option<u64> {
        None
    }

    /// Every file it will write for this site, relative to the output folder.
    fn plan(&mut self, cx: &Context<'_>) -> Result<Vec<String>, Diagnostics>;

    /// Writes into `sink` the files of its plan that changed since its last rendering (all of
    /// them the first time).
    fn render(&mut self, cx: &Context<'_>, sink: &dyn Sink) -> Result<(), Diagnostics>;

    /// Which of its files get precompressed copies (when the build makes them).
    fn compressible(&self) -> fn(&str) -> bool {
        crate::write::compress::wanted
    }

    /// Lets go of what only a next rebuild would reuse (a one-time build keeps memory low).
    fn forget(&mut self) {}
}

/// Every output the site has (`outputs:` in `site.yaml` leaves some out), in the order a
/// build renders them.
pub fn all(config: &Config, statics: assets::StaticFiles) -> Vec<Box<dyn Output>> {
    let on = &config.site.outputs;
    let mut outputs: Vec<Box<dyn Output>> =
        vec![Box::new(statics), Box::new(html::Pages::default())];
    outputs.push(Box::new(images::Images));
    if on.feeds.any() {
        outputs.push(Box::new(feeds::Feeds::default()));
    }
    if on.api {
        outputs.push(Box::new(api::ApiFiles::default()));
    }
    if on.alerts {
        outputs.push(Box::new(Small::new(
            "alerts",
            alerts::render,
            alerts::fingerprint,
        )));
    }
    // Old addresses keep leading readers to the pages that moved: always on.
    outputs.push(Box::new(Small::new(
        "redirects",
        redirects::render,
        redirects::fingerprint,
    )));
    if on.sitemap {
        outputs.push(Box::new(Small::new(
            "sitemap",
            sitemap::render,
            sitemap::fingerprint,
        )));
    }
    if on.calendar {
        outputs.push(Box::new(Small::new(
            "calendar",
            calendar::render,
            calendar::fingerprint,
        )));
    }
    if on.search {
        outputs.push(Box::new(Small::new(
            "search",
            search::render,
            search::fingerprint,
        )));
    }
    outputs
}

/// An output of a few small files, rendered whole when its fingerprint changes: its plan is
/// the rendering itself, kept until [`Output::render`] writes it.
pub struct Small {
    name: &'static str,
    render: fn(&Site, &I18n) -> Result<Vec<File>, Diagnostics>,
    fingerprint: fn(&Site) -> u64,
    rendered: Vec<File>,
}

impl Small {
    pub fn new(
        name: &'static str,
        render: fn(&Site, &I18n) -> Result<Vec<File>, Diagnostics>,
        fingerprint: fn(&Site) -> u64,
    ) -> Small {
        Small {
            name,
            render,
            fingerprint,
            rendered: Vec::new(),
        }
    }
}

impl Output for Small {
    fn name(&self) -> &'static str {
        self.name
    }

    fn fingerprint(&self, cx: &Context<'_>) -> Option<u64> {
        Some((self.fingerprint)(cx.site))
    }

    fn plan(&mut self, cx: &Context<'_>) -> Result<Vec<String>, Diagnostics> {
        self.rendered = (self.render)(cx.site, cx.i18n)?;
        Ok(self.rendered.iter().map(|f| f.path.clone()).collect())
    }

    fn render(&mut self, _cx: &Context<'_>, sink: &dyn Sink) -> Result<(), Diagnostics> {
        crate::write::put_all(sink, std::mem::take(&mut self.rendered))
    }
}
