//! Limits on who may post how often.
//!
//! - Per client address: a token bucket of `rate_per_minute` form posts (refilled evenly over
//!   the minute, a whole minute's worth at once at most), kept in memory. IPv6 clients are
//!   counted per /64, since one household or phone gets a whole /64. The client address is the
//!   connection's peer, or, when the peer is a trusted reverse proxy, the last address in
//!   `X-Forwarded-For` that is not itself a trusted proxy.
//! - Per target address: at most `emails_per_address` confirmation or link emails in 24 hours,
//!   counted in the outbox (see the routes); over it, nothing is sent and the answer stays the
//!   same, so that the form cannot be used to flood someone's inbox.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;

/// An IP address or a range of them (`10.0.0.0/8`, `fd00::/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    addr: IpAddr,
    prefix: u8,
}

impl IpRange {
    /// Parses `ADDRESS` or `ADDRESS/PREFIX`; `None` if it is neither.
    pub fn parse(s: &str) -> Option<IpRange> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a.parse::<IpAddr>().ok()?, Some(p.parse::<u8>().ok()?)),
            None => (s.parse::<IpAddr>().ok()?, None),
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(IpRange { addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4 address mapped into IPv6 (`::ffff:1.2.3.4`) as the IPv4 address it is.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// The address of the client behind a request: the peer, or what trusted proxies say.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpRange]) -> IpAddr {
    let peer = canonical(peer);
    let is_trusted = |ip: IpAddr| trusted.iter().any(|r| r.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    // Each proxy appends the address it got the request from; walk back from the nearest,
    // skipping our own proxies. Anything a client wrote itself is further left and not read.
    let mut client = peer;
    let hops = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    for hop in hops.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            break;
        };
        client = canonical(ip);
        if !is_trusted(client) {
            break;
        }
    }
    client
}

/// One entry of `X-Forwarded-For`: an address, possibly `[v6]:port` or `v4:port`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Some(rest) = hop.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    hop.rsplit_once(':')?.0.parse().ok()
}

/// What rate limits count: the address, or for IPv6 its /64.
fn bucket_key(ip: IpAddr) -> IpAddr {
    match canonical(ip) {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & (u128::MAX << 64);
            IpAddr::V6(Ipv6Addr::from(bits))
        }
        v4 => v4,
    }
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Form posts per client, as a token bucket per address (or /64) kept in memory.
pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

/// Buckets kept before full ones are forgotten.
const MAX_BUCKETS: usize = 100_000;

impl RateLimiter {
    /// `per_minute` posts a minute per client; 0 turns the limit off.
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    pub fn enabled(&self) -> bool {
        self.per_minute > 0
    }

    /// Takes one post for `client` at `now`: `Ok` if allowed, else how long until the next one
    /// would be.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_BUCKETS {
            // Forget the clients whose bucket has filled up again: they lose nothing.
            buckets.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.at).as_secs_f64() * per_second < capacity
            });
        }
        let b = buckets.entry(bucket_key(client)).or_insert(Bucket {
            tokens: capacity,
            at: now,
        });
        let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + elapsed * per_second).min(capacity);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - b.tokens) / per_second))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ranges_match_what_they_cover() {
        let r = IpRange::parse("10.1.0.0/16").unwrap();
        assert!(r.contains(ip("10.1.200.3")));
        assert!(!r.contains(ip("10.2.0.1")));
        assert!(r.contains(ip("::ffff:10.1.0.9")), "mapped IPv4");
        assert!(IpRange::parse("::1").unwrap().contains(ip("::1")));
        assert!(IpRange::parse("0.0.0.0/0").unwrap().contains(ip("8.8.8.8")));
        assert!(IpRange::parse("fd00::/8").unwrap().contains(ip("fd12::1")));
        for bad in ["", "10.0.0.0/33", "x", "::/129", "1.2.3.4/"] {
            assert_eq!(IpRange::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let trusted = [IpRange::parse("127.0.0.1").unwrap()];
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 203.0.113.7"),
        );
        // From the proxy: the nearest address it saw.
        assert_eq!(
            client_address(ip("127.0.0.1"), &h, &trusted),
            ip("203.0.113.7")
        );
        // From anyone else: the header is the client's own words.
        assert_eq!(
            client_address(ip("198.51.100.1"), &h, &trusted),
            ip("198.51.100.1")
        );
        // Several proxies of ours in a row are skipped.
        let trusted = [
            IpRange::parse("127.0.0.1").unwrap(),
            IpRange::parse("10.0.0.0/8").unwrap(),
        ];
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, [2001:db8::1]:4711, 10.0.0.2"),
        );
        assert_eq!(
            client_address(ip("127.0.0.1"), &h, &trusted),
            ip("2001:db8::1")
        );
        // Garbage stops the walk at the last good address.
        h.insert("x-forwarded-for", HeaderValue::from_static("junk"));
        assert_eq!(
            client_address(ip("127.0.0.1"), &h, &trusted),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn buckets_refill_over_the_minute_and_ipv6_counts_per_64() {
        let limiter = RateLimiter::new(3);
        let t0 = Instant::now();
        let a = ip("203.0.113.1");
        for _ in 0..3 {
            assert!(limiter.check(a, t0).is_ok());
        }
        let wait = limiter.check(a, t0).unwrap_err();
        assert!(wait <= Duration::from_secs(20) && wait > Duration::from_secs(19));
        assert!(
            limiter.check(ip("203.0.113.2"), t0).is_ok(),
            "another client"
        );
        assert!(limiter.check(a, t0 + Duration::from_secs(20)).is_ok());
        let v6 = RateLimiter::new(1);
        assert!(v6.check(ip("2001:db8:1:2::1"), t0).is_ok());
        assert!(v6.check(ip("2001:db8:1:2::ffff"), t0).is_err());
        assert!(v6.check(ip("2001:db8:1:3::1"), t0).is_ok());
        assert!(RateLimiter::new(0).check(a, t0).is_ok());
    }
}
