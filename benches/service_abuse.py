#!/usr/bin/env python3
"""Drives the subscription service with valid and malformed requests at once, for a bounded time
(issue 9, "Service under abuse"). Run by benches/service-abuse.sh, which starts the service.

Checks, and prints as one summary line each:
- the service never stops answering (/health after every phase and at the end);
- no confirmed subscription is lost (the subscribers confirmed before are confirmed after);
- memory stays bounded (peak resident memory of the service, sampled every 0.2 s);
- the per-client rate limit holds (a client over its limit gets 429);
- the per-address limit holds (no address gets more confirmation emails queued than allowed).
Exits 1 if any check fails."""

import argparse
import http.client
import os
import random
import socket
import sqlite3
import string
import sys
import threading
import time
import urllib.parse


def post(base, path, body, headers=None, timeout=10):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    h = {"Content-Type": "application/x-www-form-urlencoded", "Origin": base}
    h.update(headers or {})
    try:
        c.request("POST", u.path.rstrip("/") + path, body=body, headers=h)
        r = c.getresponse()
        r.read()
        return r.status
    except Exception as e:  # a refused or reset connection counts as an error, not a crash
        return type(e).__name__
    finally:
        c.close()


def get(base, path, timeout=10):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        c.request("GET", u.path.rstrip("/") + path)
        r = c.getresponse()
        r.read()
        return r.status
    except Exception as e:
        return type(e).__name__
    finally:
        c.close()


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def rand_text(n):
    return "".join(random.choice(string.printable) for _ in range(n))


MALFORMED = [
    lambda: ("/subscribe", b"address=" + b"a" * 300 + b"%40x.example"),                 # too long
    lambda: ("/subscribe", b"address=a%40b.example%0D%0ABcc%3A+all%40x.example"),      # header injection
    lambda: ("/subscribe", os.urandom(random.randint(1, 4096))),                        # garbage
    lambda: ("/subscribe", b"address=" + b"x" * 200_000),                               # oversized body
    lambda: ("/subscribe", b"address=%ZZ%%&&&==&language=" + os.urandom(50)),          # bad encoding
    lambda: ("/subscribe", b"address=a%40b.example&language=xx&topics=nope&frequency=hourly"),
    lambda: ("/subscribe", b"address=bot%40b.example&website=http%3A%2F%2Fspam.example"),  # honeypot
    lambda: ("/unsubscribe/" + rand_text(40).replace("/", "_").replace("?", "_").replace("#", "_"),
             b"List-Unsubscribe=One-Click"),                                             # forged token
    lambda: ("/confirm/AAAAAAAAAAE." + "A" * 43, b""),                                   # forged token
    lambda: ("/preferences/" + "%00" * 50, b"language=sv"),
]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--store", required=True)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--workers", type=int, default=16)
    p.add_argument("--emails-per-address", type=int, default=3)
    a = p.parse_args()

    db = sqlite3.connect(a.store, timeout=30)
    confirmed_before = set(r[0] for r in db.execute(
        "SELECT address FROM subscribers WHERE status = 'confirmed'"))

    stop = time.time() + a.seconds
    counts = {}
    lock = threading.Lock()
    peak = [0]

    def count(kind, status):
        with lock:
            counts.setdefault(kind, {}).setdefault(status, 0)
            counts[kind][status] += 1

    def valid(i):
        n = 0
        while time.time() < stop:
            n += 1
            body = urllib.parse.urlencode({"address": "crowd%d-%d@load.example" % (i, n),
                                           "language": random.choice(["sv", "en", "ar", "so"])})
            # Each valid worker poses as its own client (the service trusts X-Forwarded-For from
            # loopback), so that the crowd is not one client over its limit.
            count("valid", post(a.base, "/subscribe", body,
                                {"X-Forwarded-For": "10.1.%d.%d" % (i, n % 250)}))

    def malformed(i):
        while time.time() < stop:
            path, body = random.choice(MALFORMED)()
            count("malformed", post(a.base, path, body,
                                    {"X-Forwarded-For": "10.2.%d.%d" % (i, random.randint(0, 250))}))

    def target_flood():
        # One victim address, from many clients: the per-address limit must hold.
        n = 0
        while time.time() < stop:
            n += 1
            count("victim", post(a.base, "/subscribe", "address=victim%40load.example",
                                 {"X-Forwarded-For": "10.3.%d.%d" % (n // 250, n % 250)}))

    def one_client_flood():
        # One client over its limit must get 429.
        while time.time() < stop:
            count("one-client", post(a.base, "/subscribe",
                                     "address=flood%d%%40load.example" % random.randint(0, 10**9),
                                     {"X-Forwarded-For": "10.9.9.9"}))

    def slow_clients():
        # Connections that send half a request and wait: they must not starve the others.
        u = urllib.parse.urlsplit(a.base)
        socks = []
        while time.time() < stop:
            try:
                s = socket.create_connection((u.hostname, u.port), timeout=5)
                s.sendall(b"POST /subscribe HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\naddr")
                socks.append(s)
                if len(socks) > 200:
                    socks.pop(0).close()
            except OSError:
                count("slow", "refused")
            time.sleep(0.05)
        for s in socks:
            s.close()

    def sample():
        while time.time() < stop + 1:
            r = rss_kb(a.pid)
            if r:
                peak[0] = max(peak[0], r)
            time.sleep(0.2)

    start_rss = rss_kb(a.pid) or 0
    threads = [threading.Thread(target=valid, args=(i,)) for i in range(a.workers // 2)]
    threads += [threading.Thread(target=malformed, args=(i,)) for i in range(a.workers // 2)]
    threads += [threading.Thread(target=f) for f in (target_flood, one_client_flood, slow_clients, sample)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    ok = True
    health = get(a.base, "/health")
    alive = health == 200
    ok &= alive
    print("alive: /health answers %s after %.0f s of abuse" % (health, a.seconds))
    total = sum(sum(v.values()) for v in counts.values())
    for kind in sorted(counts):
        print("requests %-11s %s" % (kind, dict(sorted(counts[kind].items(), key=str))))
    print("requests in all: %d (%.0f/s)" % (total, total / a.seconds))
    crashes = sum(n for k in counts.values() for s, n in k.items() if s == 500)
    print("server errors (500): %d" % crashes)
    ok &= crashes == 0

    confirmed_after = set(r[0] for r in db.execute(
        "SELECT address FROM subscribers WHERE status = 'confirmed'"))
    lost = confirmed_before - confirmed_after
    print("confirmed subscriptions: %d before, %d after, lost %d" % (
        len(confirmed_before), len(confirmed_after & confirmed_before), len(lost)))
    ok &= not lost

    print("memory: %d MB at start, %d MB at peak" % (start_rss // 1024, peak[0] // 1024))
    ok &= peak[0] < 512 * 1024

    limited = counts.get("one-client", {}).get(429, 0)
    print("rate limit: one client got %d answers 429 of %d" % (
        limited, sum(counts.get("one-client", {}).values())))
    ok &= limited > 0

    emails = db.execute(
        "SELECT count(*) FROM outbox WHERE kind = 'confirm' AND address = 'victim@load.example'"
    ).fetchone()[0]
    print("per-address limit: %d confirmation emails queued for the flooded address (limit %d)" % (
        emails, a.emails_per_address))
    ok &= emails <= a.emails_per_address
    print("RESULT %s" % ("pass" if ok else "FAIL"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
