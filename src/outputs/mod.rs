//! The outputs: each turns the site model into files (pages, feeds, the JSON API, CAP alerts,
//! the sitemap and robots.txt, calendars).

pub mod alerts;
pub mod api;
pub mod calendar;
pub mod feeds;
pub mod html;
pub mod sitemap;
