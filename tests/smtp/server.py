#!/usr/bin/env python3
"""A real SMTP server on loopback for anslag's tests (aiosmtpd).

Each accepted message is saved in --dir as NNNNNN.eml (the bytes received) beside NNNNNN.json
(envelope sender and recipients; "tls": the TLS version of the connection or null; "login": the
authenticated user or null), written under a temporary name and renamed, so a reader never
sees half a message. The server prints "PORT <n>" on stdout once it listens.

The file `sessions` in --dir holds the number of client connections that may still lead to a
saved message. Once a client has gone and it reads 0, every message of that client that the
server will ever keep is saved: a test waits for that instead of a while.

TLS and authentication:
  --tls-cert FILE --tls-key FILE  the server's certificate chain and key (PEM), for:
  --starttls         offer STARTTLS and refuse mail until the client has used it
  --implicit-tls     speak TLS from the first byte (as on port 465)
  --auth USER:PASS   offer AUTH PLAIN and LOGIN (only over TLS) and take mail only from a client
                     logged in as USER with PASS; a wrong login gets 535

Misbehaviour on request, to test the sender's state machine:
  --reject ADDR      550 at RCPT TO for ADDR (permanent failure)
  --defer ADDR       451 at RCPT TO for ADDR, the first time only (temporary failure)
  --defer-always ADDR  451 at RCPT TO for ADDR every time (a relay that keeps deferring)
  --drop-after ADDR  for ADDR, the first time: keep the message (as a server that accepted it
                     would) but close the connection before answering the final dot, so the
                     client cannot know it was accepted
  --drop-only-if TEXT  with --drop-after: drop only a message that contains TEXT (e.g. a
                     header), so that which of several messages is dropped does not depend on
                     the order they arrive in
  --delay SECONDS    wait this long before answering each final dot (a slow server)
"""

import argparse
import asyncio
import json
import os
import sys
import threading

import logging
import ssl
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, args):
        self.dir = args.dir
        self.reject = set(a.lower() for a in args.reject)
        self.defer = set(a.lower() for a in args.defer)
        self.defer_always = set(a.lower() for a in args.defer_always)
        self.drop_after = set(a.lower() for a in args.drop_after)
        self.delay = args.delay
        self.drop_only_if = args.drop_only_if.encode() if args.drop_only_if else None
        self.lock = threading.Lock()
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        a = address.lower()
        if a in self.reject:
            # As Postfix says it: the reply quotes the address.
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if a in self.defer_always:
            return "451 4.7.1 <%s>: Recipient address rejected: Try again later" % address
        if a in self.defer:
            self.defer.discard(a)
            return "450 4.2.0 <%s>: Recipient address rejected: Greylisted" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def save(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        base = os.path.join(self.dir, "%06d" % n)
        tls = server.transport.get_extra_info("ssl_object") if server.transport else None
        login = session.auth_data.login.decode() if session.authenticated else None
        with open(base + ".json.tmp", "w") as f:
            json.dump(
                {
                    "from": envelope.mail_from,
                    "to": envelope.rcpt_tos,
                    "tls": tls.version() if tls else None,
                    "login": login,
                },
                f,
            )
        os.rename(base + ".json.tmp", base + ".json")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".eml.tmp", base + ".eml")

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.save(server, session, envelope)
        dropped = [a for a in envelope.rcpt_tos if a.lower() in self.drop_after]
        content = envelope.original_content or envelope.content or b""
        if self.drop_only_if is not None and self.drop_only_if not in content:
            dropped = []
        if dropped:
            for a in dropped:
                self.drop_after.discard(a.lower())
            server.transport.abort()
            return "421 closing"
        return "250 OK: queued"


class Sessions:
    """The open client connections, counted in the file `sessions` of the folder. A connection
    stops counting when the client closes it (EOF) or it is lost: aiosmtpd then cancels its
    handler, so nothing more is saved from it. Used only from the server's event loop."""

    def __init__(self, dir):
        self.path = os.path.join(dir, "sessions")
        self.open = set()
        self.write()

    def opened(self, smtp):
        self.open.add(smtp)
        self.write()

    def ended(self, smtp):
        self.open.discard(smtp)
        self.write()

    def write(self):
        with open(self.path + ".tmp", "w") as f:
            f.write("%d\n" % len(self.open))
        os.rename(self.path + ".tmp", self.path)


class CountedSMTP(SMTP):
    """aiosmtpd's SMTP session, counted in Sessions. After STARTTLS, connection_made is called
    again for the same session: a set counts it once."""

    def __init__(self, sessions, *args, **kwargs):
        self.sessions = sessions
        super().__init__(*args, **kwargs)

    def connection_made(self, transport):
        super().connection_made(transport)
        self.sessions.opened(self)

    def eof_received(self):
        self.sessions.ended(self)
        return super().eof_received()

    def connection_lost(self, error):
        self.sessions.ended(self)
        super().connection_lost(error)


class Authenticator:
    def __init__(self, user_pass):
        user, _, password = user_pass.partition(":")
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == self.user
            and auth_data.password == self.password
        )
        # handled=False: aiosmtpd answers a failure with 535 itself.
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


class Server(Controller):
    def __init__(self, handler, args, tls_context, **kwargs):
        self.args = args
        self.tls_context = tls_context
        self.sessions = Sessions(args.dir)
        super().__init__(handler, **kwargs)

    def factory(self):
        options = {}
        if self.args.starttls:
            options.update(tls_context=self.tls_context, require_starttls=True)
        if self.args.auth:
            options.update(
                authenticator=Authenticator(self.args.auth),
                auth_required=True,
                # Over implicit TLS aiosmtpd does not know the connection is encrypted.
                auth_require_tls=not self.args.implicit_tls,
            )
        return CountedSMTP(
            self.sessions, self.handler, decode_data=False, enable_SMTPUTF8=True, **options
        )


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--reject", action="append", default=[])
    p.add_argument("--defer", action="append", default=[])
    p.add_argument("--defer-always", action="append", default=[])
    p.add_argument("--drop-after", action="append", default=[])
    p.add_argument("--delay", type=float, default=0.0)
    p.add_argument("--drop-only-if", default=None)
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    tls_mode = p.add_mutually_exclusive_group()
    tls_mode.add_argument("--starttls", action="store_true")
    tls_mode.add_argument("--implicit-tls", action="store_true")
    p.add_argument("--auth", default=None, help="USER:PASS")
    args = p.parse_args()
    # aiosmtpd warns that AUTH does not require TLS, which over implicit TLS it does not need
    # to, and that the login is read from a deprecated attribute (by aiosmtpd itself); with TLS,
    # it logs a traceback for each handshake the client refuses, which the tests provoke.
    quiet = logging.CRITICAL if args.tls_cert else logging.ERROR
    logging.getLogger("mail.log").setLevel(quiet)
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    warnings.filterwarnings("ignore", message="Session.login_data is deprecated")
    if (args.starttls or args.implicit_tls) and not (args.tls_cert and args.tls_key):
        p.error("--starttls and --implicit-tls need --tls-cert and --tls-key")
    tls_context = None
    if args.tls_cert:
        tls_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls_context.load_cert_chain(args.tls_cert, args.tls_key)
    os.makedirs(args.dir, exist_ok=True)
    port = args.port
    if port == 0:
        import socket

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
    controller = Server(
        Handler(args),
        args,
        tls_context,
        hostname="127.0.0.1",
        port=port,
        ssl_context=tls_context if args.implicit_tls else None,
    )
    controller.start()
    print("PORT %d" % port, flush=True)
    try:
        # Until the test closes our standard input or kills us.
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
