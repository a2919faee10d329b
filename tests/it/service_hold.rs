//! The subscription service against slow and idle clients (issue 17, point 4): the real
//! `anslag subscriptions serve` on loopback, held by thousands of half-sent requests from this
//! process, still answers `/health` and a real subscription within a second; headers, bodies
//! and idle connections that take too long are closed; connections over the cap wait.
//!
//! The test process holds 2 000 sockets at once: it needs `ulimit -n` above about 2 100 (CI's
//! is 20 000). The service is started with a soft limit of 1 024 open files, the usual default
//! (systemd's too), which it must raise itself.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::smtp::SmtpServer;
use crate::common::*;
use crate::subscriptions::{SERVICE_URL, Service, mail_dir, post_form, site, stored};

/// The example site with `mail.service` set to `settings` (YAML lines at its indentation).
fn site_with(smtp_port: u16, settings: &str) -> TestSite {
    let site = site(smtp_port);
    site.edit(
        "site.yaml",
        "  digest_time: \"07:00\"",
        &format!("  service:\n{settings}  digest_time: \"07:00\""),
    );
    site
}

/// The service, run with a soft limit of 1 024 open files.
fn start_limited(site: &TestSite) -> Service {
    let mut cmd = Command::new("prlimit");
    cmd.arg("--nofile=1024:")
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_anslag"));
    Service::start_with(site, &[("ANSLAG_NOW", NOW)], cmd)
}

fn address(service: &Service) -> String {
    service.base.trim_start_matches("http://").to_owned()
}

/// Opens a connection and sends the start of a request that never ends.
fn half_sent(addr: &str, part: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).expect("connect to the service");
    s.write_all(part.as_bytes()).unwrap();
    s
}

const HALF_HEADERS: &str =
    "POST /subscribe HTTP/1.1\r\nHost: prenumeration.ekvik.example\r\nContent-Ty";
const HALF_BODY: &str = "POST /subscribe HTTP/1.1\r\nHost: prenumeration.ekvik.example\r\n\
    Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\naddress=a";

/// Whether the service still holds the connection: nothing to read, and not closed.
fn held(s: &TcpStream) -> bool {
    s.set_nonblocking(true).unwrap();
    let mut buf = [0u8; 64];
    let r = (&*s).read(&mut buf);
    s.set_nonblocking(false).unwrap();
    matches!(r, Err(e) if e.kind() == ErrorKind::WouldBlock)
}

/// Reads until the service closes the connection, for `limit` at most; what it sent, or `None`
/// if it was still open.
fn until_closed(mut s: TcpStream, limit: Duration) -> Option<String> {
    let deadline = Instant::now() + limit;
    s.set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 1024];
    while Instant::now() < deadline {
        match s.read(&mut buf) {
            Ok(0) => return Some(String::from_utf8_lossy(&got).into_owned()),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return Some(String::from_utf8_lossy(&got).into_owned()),
        }
    }
    None
}

#[test]
fn two_thousand_half_sent_requests_do_not_stop_health_or_a_subscription() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    // Long timeouts: every connection is still held while the service is asked.
    let site = site_with(
        server.port,
        "    header_timeout: 300\n    body_timeout: 300\n    idle_timeout: 300\n",
    );
    let service = start_limited(&site);
    let addr = address(&service);
    let holders: Vec<TcpStream> = (0..2000)
        .map(|i| half_sent(&addr, if i % 2 == 0 { HALF_HEADERS } else { HALF_BODY }))
        .collect();

    let quick = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    let started = Instant::now();
    let health = quick
        .get(service.url("/health"))
        .send()
        .expect("/health answers within a second");
    assert_eq!(health.status().as_u16(), 200);
    assert!(started.elapsed() < Duration::from_secs(1));

    let started = Instant::now();
    let r = post_form(
        &service.url("/subscribe"),
        &[
            ("address", "held@example.net"),
            ("language", "sv"),
            ("topic", "hamnskolan"),
            ("frequency", "immediate"),
            ("ui", "sv"),
            ("website", ""),
        ],
        &[("origin", SERVICE_URL)],
    );
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "the subscription took {:?}",
        started.elapsed()
    );
    assert_eq!(stored(&site, "held@example.net").unwrap().0, "pending");

    // They were all held at once, none dropped to make room.
    let open = holders.iter().filter(|s| held(s)).count();
    assert_eq!(open, 2000, "connections the service still holds");
    drop(holders);
}

#[test]
fn slow_headers_and_bodies_and_idle_connections_are_closed() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site_with(
        server.port,
        "    header_timeout: 1\n    body_timeout: 1\n    idle_timeout: 300\n",
    );
    let service = Service::start(&site, &[("ANSLAG_NOW", NOW)]);
    let addr = address(&service);

    let body = half_sent(&addr, HALF_BODY);
    let answer =
        until_closed(body, Duration::from_secs(10)).expect("a body that never arrives is closed");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("connection: close"),
        "{answer}"
    );
    assert!(stored(&site, "a").is_none());

    let headers = half_sent(&addr, HALF_HEADERS);
    assert!(
        until_closed(headers, Duration::from_secs(10)).is_some(),
        "headers that never end are closed"
    );

    // A kept-alive connection after its answer, and one that never sends anything.
    let kept = half_sent(
        &addr,
        "GET /health HTTP/1.1\r\nHost: prenumeration.ekvik.example\r\n\r\n",
    );
    let answer = until_closed(kept, Duration::from_secs(10)).expect("an idle connection is closed");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let silent = TcpStream::connect(&addr).unwrap();
    assert!(until_closed(silent, Duration::from_secs(10)).is_some());
}

#[test]
fn a_connection_on_which_nothing_moves_is_closed_after_the_idle_timeout() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site_with(
        server.port,
        "    header_timeout: 300\n    body_timeout: 300\n    idle_timeout: 1\n",
    );
    let service = Service::start(&site, &[("ANSLAG_NOW", NOW)]);
    let addr = address(&service);
    for part in [HALF_HEADERS, HALF_BODY] {
        let s = half_sent(&addr, part);
        assert!(
            until_closed(s, Duration::from_secs(10)).is_some(),
            "an idle connection with {part:?} is closed"
        );
    }
}

#[test]
fn connections_over_the_cap_wait_for_one_to_close() {
    let probe = TestSite::example();
    let server = SmtpServer::start(&mail_dir(&probe), &[]);
    let site = site_with(
        server.port,
        "    header_timeout: 300\n    idle_timeout: 300\n    max_connections: 20\n",
    );
    let service = Service::start(&site, &[("ANSLAG_NOW", NOW)]);
    let addr = address(&service);
    let mut holders: Vec<TcpStream> = (0..20).map(|_| half_sent(&addr, HALF_HEADERS)).collect();
    let quick = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    assert!(
        quick.get(service.url("/health")).send().is_err(),
        "a 21st connection is not served while 20 are held"
    );
    holders.pop();
    let health = quick
        .get(service.url("/health"))
        .send()
        .expect("served once one closed");
    assert_eq!(health.status().as_u16(), 200);
    assert!(
        service.log().contains("20 connections at once"),
        "{}",
        service.log()
    );
}
