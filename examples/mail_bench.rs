//! Email benchmarks (issue 5, "Speed"); `benches/mail.sh` runs both with the numbers of the issue.
//!
//! ```sh
//! # Compose a digest for each of N subscribers across the site's languages and topics:
//! cargo run --release --example mail_bench -- compose --site DIR --subscribers 100000
//! # Queue a crisis notice for N subscribers and send it to an SMTP server on loopback
//! # (e.g. Postfix's smtp-sink):
//! cargo run --release --example mail_bench -- send --site DIR --subscribers 20000 --port 2526 --connections 64
//! # The same with each subscriber's digest queued too (about two messages per subscriber):
//! cargo run --release --example mail_bench -- send --site DIR --subscribers 100000 --digests 1
//! ```
//!
//! `--site` is a site with a `mail:` section (the benchmark script uses the corpus of
//! `examples/corpus.rs`: 10 languages, 50 topics). Both print messages per second. The store is
//! a throwaway one in a temporary folder; nothing is written into the site.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anslag::build::{BuildOptions, render_all};
use anslag::i18n::I18n;
use anslag::mail::compose::{SiteComposer, digest_documents_among, document_id};
use anslag::mail::links::LinkKey;
use anslag::mail::outbox::{self, Claimed, MessageKind, NewRow};
use anslag::mail::send::{self, Compose, SendOptions};
use anslag::mail::{Frequency, Status, Subscriber, store};
use anslag::site::Site;
use anslag::theme::templates;
use chrono::{Duration, Utc};
use rayon::prelude::*;

const NOW: &str = "2026-11-22T12:00:00+01:00";

struct Args {
    mode: String,
    site: PathBuf,
    subscribers: usize,
    port: u16,
    connections: usize,
    /// `send`: queue each subscriber's digest besides the crisis message.
    digests: bool,
}

fn args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mode = it.next().ok_or("give a mode: compose or send")?;
    let mut a = Args {
        mode,
        site: PathBuf::from("."),
        subscribers: 100_000,
        port: 2526,
        connections: 64,
        digests: false,
    };
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let num = || value.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--site" => a.site = PathBuf::from(&value),
            "--subscribers" => a.subscribers = num()?,
            "--port" => a.port = num()? as u16,
            "--connections" => a.connections = num()?,
            "--digests" => a.digests = num()? != 0,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(a)
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let result = match a.mode.as_str() {
        "compose" => compose(&a),
        "send" => send(&a),
        m => Err(format!("unknown mode {m}: compose or send")),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

struct Loaded {
    site: Arc<Site>,
    composer: Arc<SiteComposer>,
    _tmp: tempfile::TempDir,
}

fn load(a: &Args, port: Option<u16>) -> Result<Loaded, String> {
    let tmp = tempfile::Builder::new()
        .prefix("anslag-mail-bench-")
        .tempdir()
        .map_err(|e| e.to_string())?;
    let t = Instant::now();
    let (mut site, _, _) = render_all(&BuildOptions {
        root: a.site.clone(),
        output: tmp.path().join("public"),
        clock: anslag::site::clock::Clock::from_flag(Some(NOW)).unwrap(),
        drafts: false,
        compress: false,
    })
    .map_err(|e| format!("the site does not build:\n{e}"))?;
    let mail = site
        .config
        .site
        .mail
        .as_mut()
        .ok_or("the site has no mail: section")?;
    // A throwaway store, and the loopback server.
    mail.store = tmp.path().join("store.sqlite").display().to_string();
    if let Some(p) = port {
        mail.smtp.host = "127.0.0.1".into();
        mail.smtp.port = Some(p);
        mail.smtp.security = anslag::mail::settings::Security::None;
        mail.smtp.username_env = None;
        mail.smtp.password_env = None;
    }
    let settings = mail.clone();
    let (i18n, _) = I18n::load(&a.site, &site.config).map_err(|e| e.to_string())?;
    let i18n = Arc::new(i18n);
    let templates = Arc::new(
        templates::environment(&a.site, &site.config, i18n.clone()).map_err(|e| e.to_string())?,
    );
    eprintln!(
        "loaded {} documents in {:.2} s",
        site.documents.len(),
        t.elapsed().as_secs_f64()
    );
    let site = Arc::new(site);
    let composer = Arc::new(SiteComposer::new(
        site.clone(),
        i18n,
        templates,
        settings,
        LinkKey::from_bytes([42; 32]),
    ));
    Ok(Loaded {
        site,
        composer,
        _tmp: tmp,
    })
}

/// Subscribers spread over the site's languages and topics: one to three topics each (a tenth
/// with none: everything), every frequency.
fn subscribers(site: &Site, n: usize) -> Vec<Subscriber> {
    let langs: Vec<String> = site
        .config
        .site
        .languages
        .iter()
        .map(|l| l.code.value.clone())
        .collect();
    let topics: Vec<String> = site
        .config
        .site
        .topics
        .iter()
        .map(|t| t.id.value.clone())
        .collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        // xorshift: deterministic, good enough to spread subscribers.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let consent = site.now.with_timezone(&Utc) - Duration::days(60);
    (0..n)
        .map(|i| {
            let k = if i % 10 == 0 {
                0
            } else {
                1 + next() as usize % 3
            };
            let mut chosen: Vec<String> = (0..k)
                .map(|_| topics[next() as usize % topics.len()].clone())
                .collect();
            chosen.sort();
            chosen.dedup();
            Subscriber {
                id: i as i64 + 1,
                address: format!("reader{i}@bench.example"),
                language: langs[i % langs.len()].clone(),
                topics: chosen,
                frequency: [Frequency::Daily, Frequency::Weekly, Frequency::Immediate][i % 3],
                status: Status::Confirmed,
                consent_at: consent,
                consent_source: "bench".into(),
            }
        })
        .collect()
}

fn compose(a: &Args) -> Result<(), String> {
    let l = load(a, None)?;
    let subs = subscribers(&l.site, a.subscribers);
    let window = l.site.now - Duration::days(anslag::publish::DIGEST_WINDOW_DAYS);
    let candidates = anslag::mail::compose::digest_candidates(&l.site, window);
    // Twice: the first run warms the composer's cache of composed messages per language and
    // set of documents, as a long send does after its first few thousand messages; both are
    // reported.
    for round in ["first pass", "second pass"] {
        let t = Instant::now();
        let (messages, bytes, documents) = subs
            .par_iter()
            .map(|sub| {
                let docs = digest_documents_among(&l.site, &candidates, sub, &|_, _| false);
                if docs.is_empty() {
                    return Ok::<_, String>((0, 0, 0));
                }
                let row = Claimed {
                    id: sub.id,
                    message_key: "digest:daily:2026-11-22".into(),
                    kind: MessageKind::Digest,
                    subscriber_id: Some(sub.id),
                    address: sub.address.clone(),
                    language: sub.language.clone(),
                    urgent: false,
                    documents: docs.iter().map(|d| document_id(d)).collect(),
                    attempts: 1,
                    message_id: format!("<{}.bench@ekvik.example>", sub.id),
                    confirm_token: None,
                };
                let msg = l.composer.compose(&row)?;
                Ok((1, msg.formatted().len(), docs.len()))
            })
            .try_reduce(
                || (0usize, 0usize, 0usize),
                |x, y| Ok((x.0 + y.0, x.1 + y.1, x.2 + y.2)),
            )?;
        let secs = t.elapsed().as_secs_f64();
        println!(
            "compose ({round}): {messages} digests for {} subscribers ({} languages, {} topics), {:.1} documents and {:.1} KB each, in {secs:.2} s: {:.0} messages/s",
            subs.len(),
            l.site.config.site.languages.len(),
            l.site.config.site.topics.len(),
            documents as f64 / messages.max(1) as f64,
            bytes as f64 / messages.max(1) as f64 / 1000.0,
            messages as f64 / secs
        );
    }
    Ok(())
}

fn send(a: &Args) -> Result<(), String> {
    let l = load(a, Some(a.port))?;
    let Some(settings) = l.site.config.site.mail.clone() else {
        return Err("no mail: section".into());
    };
    let store_path = PathBuf::from(&settings.store);
    let conn = store::open(&store_path).map_err(|e| e.to_string())?;
    let t = Instant::now();
    conn.execute_batch("BEGIN").map_err(|e| e.to_string())?;
    for sub in subscribers(&l.site, a.subscribers) {
        store::import_confirmed(
            &conn,
            &sub.address,
            &sub.language,
            &sub.topics,
            sub.frequency,
            sub.consent_at,
            "bench",
        )
        .map_err(|e| e.to_string())?;
    }
    conn.execute_batch("COMMIT").map_err(|e| e.to_string())?;
    eprintln!(
        "stored {} subscribers in {:.2} s",
        a.subscribers,
        t.elapsed().as_secs_f64()
    );
    // The crisis notice in force: one message per subscriber, as `anslag publish` queues it.
    let &crisis = l
        .site
        .crisis
        .first()
        .ok_or("the site has no crisis notice in force")?;
    let doc_id = document_id(&l.site.documents[crisis]);
    let window = l.site.now - Duration::days(anslag::publish::DIGEST_WINDOW_DAYS);
    let candidates = anslag::mail::compose::digest_candidates(&l.site, window);
    let t = Instant::now();
    conn.execute_batch("BEGIN").map_err(|e| e.to_string())?;
    let mut queued = 0;
    for sub in store::confirmed(&conn).map_err(|e| e.to_string())? {
        let row = NewRow {
            message_key: "crisis:bench",
            kind: MessageKind::Crisis,
            subscriber: &sub,
            urgent: true,
            documents: std::slice::from_ref(&doc_id),
        };
        queued += usize::from(outbox::queue(&conn, &row, Utc::now()).map_err(|e| e.to_string())?);
        if a.digests {
            queued += queue_digest(&l.site, &candidates, &conn, &sub)?;
        }
    }
    conn.execute_batch("COMMIT").map_err(|e| e.to_string())?;
    drop(conn);
    eprintln!(
        "queued {queued} messages in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let mut opts = SendOptions::new(
        &settings,
        &a.site,
        anslag::site::clock::Clock::system(),
        chrono_tz::UTC,
    );
    opts.connections = a.connections;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    let (_stop, stop_rx) = tokio::sync::watch::channel(false);
    let report = runtime
        .block_on(send::run(
            &store_path,
            &settings,
            l.composer.clone(),
            opts,
            stop_rx,
        ))
        .map_err(|e| e.to_string())?;
    let secs = report.elapsed.as_secs_f64();
    println!(
        "send: {} messages to 127.0.0.1:{} over {} connections in {secs:.2} s: {:.0} messages/s (failed {}, unknown {}, to retry {})",
        report.sent,
        a.port,
        a.connections,
        report.sent as f64 / secs,
        report.failed,
        report.unknown,
        report.waiting
    );
    Ok(())
}

/// Queues the subscriber's digest of the documents new to them, if any, as `anslag publish`
/// does; returns how many rows were queued (0 or 1).
fn queue_digest(
    site: &Site,
    candidates: &[usize],
    conn: &rusqlite::Connection,
    sub: &Subscriber,
) -> Result<usize, String> {
    let docs: Vec<String> = digest_documents_among(site, candidates, sub, &|_, _| false)
        .iter()
        .map(|d| document_id(d))
        .collect();
    if docs.is_empty() {
        return Ok(0);
    }
    let row = NewRow {
        message_key: "digest:daily:2026-11-22",
        kind: MessageKind::Digest,
        subscriber: sub,
        urgent: false,
        documents: &docs,
    };
    Ok(usize::from(
        outbox::queue(conn, &row, Utc::now()).map_err(|e| e.to_string())?,
    ))
}
