#!/usr/bin/env python3
"""A real SMTP server on loopback for anslag's tests (aiosmtpd).

Each accepted message is saved in --dir as NNNNNN.eml (the bytes received) beside NNNNNN.json
(envelope sender and recipients), written under a temporary name and renamed, so a reader never
sees half a message. The server prints "PORT <n>" on stdout once it listens.

Misbehaviour on request, to test the sender's state machine:
  --reject ADDR      550 at RCPT TO for ADDR (permanent failure)
  --defer ADDR       451 at RCPT TO for ADDR, the first time only (temporary failure)
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

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP


class Handler:
    def __init__(self, args):
        self.dir = args.dir
        self.reject = set(a.lower() for a in args.reject)
        self.defer = set(a.lower() for a in args.defer)
        self.drop_after = set(a.lower() for a in args.drop_after)
        self.delay = args.delay
        self.drop_only_if = args.drop_only_if.encode() if args.drop_only_if else None
        self.lock = threading.Lock()
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        a = address.lower()
        if a in self.reject:
            return "550 5.1.1 No such user here"
        if a in self.defer:
            self.defer.discard(a)
            return "451 4.7.1 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def save(self, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        base = os.path.join(self.dir, "%06d" % n)
        with open(base + ".json.tmp", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        os.rename(base + ".json.tmp", base + ".json")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".eml.tmp", base + ".eml")

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.save(envelope)
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


class Server(Controller):
    def factory(self):
        return SMTP(self.handler, decode_data=False, enable_SMTPUTF8=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--reject", action="append", default=[])
    p.add_argument("--defer", action="append", default=[])
    p.add_argument("--drop-after", action="append", default=[])
    p.add_argument("--delay", type=float, default=0.0)
    p.add_argument("--drop-only-if", default=None)
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    port = args.port
    if port == 0:
        import socket

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
    controller = Server(Handler(args), hostname="127.0.0.1", port=port)
    controller.start()
    print("PORT %d" % port, flush=True)
    try:
        # Until the test closes our standard input or kills us.
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
