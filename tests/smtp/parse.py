#!/usr/bin/env python3
"""Reads email messages with Python's own MIME parser (the `email` package) and prints what the
tests check, as JSON: one object for a message on standard input, or a list for files named as
arguments."""

import email
import email.policy
import json
import sys


def parse(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [repr(d) for d in msg.defects]
    parts = []
    for p in msg.walk():
        defects += [repr(d) for d in p.defects]
        if p.is_multipart():
            continue
        parts.append({
            "type": p.get_content_type(),
            "charset": p.get_content_charset(),
            "body": p.get_content(),
        })
    headers = {}
    for k, v in msg.items():
        headers.setdefault(k.lower(), []).append(str(v))
    return {"headers": headers, "type": msg.get_content_type(), "defects": defects, "parts": parts}


if len(sys.argv) > 1:
    out = []
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            out.append(parse(f.read()))
    print(json.dumps(out))
else:
    print(json.dumps(parse(sys.stdin.buffer.read())))
