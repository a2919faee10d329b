//! anslag's integration tests, as one test binary: a module per area, and `common`, the helpers
//! they share. One binary is linked once, not once per area, and runs all the areas' tests side
//! by side.
//!
//! So the tests share one process: none may change what is process-wide. Environment variables
//! go to the commands a test runs (`Command::env`), never `std::env::set_var`; no test changes
//! the current folder; servers pick a free port and say which.

mod common;

mod api;
mod atomic_output;
mod authoring;
mod bounces;
mod cap;
mod check;
mod closed_items;
mod compress;
mod crash_safety;
mod errors;
mod example_site;
mod fallback;
mod feeds;
mod fuzz_regressions;
mod images;
mod incremental;
mod limits;
mod mail_compose;
mod mail_outage;
mod mail_report;
mod mail_send;
mod mail_tls;
mod on_time;
mod pipeline;
mod publish_watch;
mod reads;
mod redirects;
mod retention;
mod schedule;
mod search;
mod serve;
mod service_data;
mod service_hold;
mod sitemap_calendar;
mod stale_notice;
mod subscribers;
mod subscriptions;
mod templates;
mod theme;
mod translation_exchange;
mod translations;
mod withdrawal;
