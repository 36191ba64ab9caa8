#!/usr/bin/env python3
"""Verify the JCM ledger hash chain independently of the registry's own code.

Checks, for every entry {seq, prevHash, hash, event} in order:
  seq      is the previous seq plus 1, starting at 1 (and equals event.seq when the event has one);
  prevHash is the previous entry's hash, or 64 zeros for seq 1;
  hash     is SHA-256(bytes(prevHash) || UTF-8(JCS(event))), JCS being RFC 8785.

Usage:
  verify-ledger.py https://registry.example.org        pages GET /api/v1/ledger/events
  verify-ledger.py --file page1.json [--file page2.json]  pages saved to files, in order

A page is a JSON array of entries or an object whose "items" holds them (with "next" as the
cursor of the following page). The endpoint needs the auditor or operator role: put the bearer
token in the environment variable JCM_TOKEN.

Exit status: 0 the chain is intact, 1 it is broken, 2 the ledger could not be read.
Standard library only.
"""
import argparse
import hashlib
import json
import os
import re
import sys
import urllib.parse
import urllib.request

MAX_SAFE_INTEGER = 2**53 - 1
ZERO_HASH = "0" * 64
HEX_HASH = re.compile(r"[0-9a-f]{64}")
ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class Broken(Exception):
    """The chain breaks at one entry."""


def jcs(value):
    """RFC 8785 canonical JSON for the ledger's values: objects, arrays, strings, integers, booleans, null."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise ValueError(f"integer {value} is outside +/-(2^53-1)")
        return str(value)
    if isinstance(value, str):
        return jcs_string(value)
    if isinstance(value, list):
        return "[" + ",".join(jcs(element) for element in value) + "]"
    if isinstance(value, dict):
        # RFC 8785 sorts by UTF-16 code units, not code points; comparing UTF-16BE bytes does that.
        names = sorted(value, key=lambda name: name.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(jcs_string(name) + ":" + jcs(value[name]) for name in names) + "}"
    raise ValueError(f"{type(value).__name__} {value!r} has no canonical form here; decimals travel as strings")


def jcs_string(text):
    """Escapes a string as ECMAScript JSON.stringify does: quote, backslash and control characters only."""
    return '"' + "".join(ESCAPES.get(c) or (f"\\u{ord(c):04x}" if c < " " else c) for c in text) + '"'


def refuse_duplicates(pairs):
    names = [name for name, _ in pairs]
    if len(names) != len(set(names)):
        raise ValueError("duplicate member name in an object")
    return dict(pairs)


def refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


def parse(text):
    return json.loads(text, object_pairs_hook=refuse_duplicates, parse_constant=refuse_constant)


def check(entry, last_seq, last_hash):
    """Returns the entry's hash if it follows (last_seq, last_hash), else raises Broken."""
    seq, prev_hash, stored_hash, event = (entry.get(k) for k in ("seq", "prevHash", "hash", "event"))
    if type(seq) is not int or seq != last_seq + 1:
        raise Broken(f"seq {seq}: sequence gap, expected seq {last_seq + 1}")
    if isinstance(event, dict) and "seq" in event and event["seq"] != seq:
        raise Broken(f"seq {seq}: the entry's seq differs from its event's seq {event['seq']}")
    for name, value in (("prevHash", prev_hash), ("hash", stored_hash)):
        if not isinstance(value, str) or not HEX_HASH.fullmatch(value):
            raise Broken(f"seq {seq}: {name} is not 64 lowercase hex characters: {value!r}")
    if prev_hash != last_hash:
        raise Broken(f"seq {seq}: prevHash mismatch, expected {last_hash}, found {prev_hash}")
    try:
        canonical = jcs(event).encode("utf-8")
    except (ValueError, UnicodeEncodeError) as e:
        raise Broken(f"seq {seq}: the event cannot be canonicalized: {e}")
    computed = hashlib.sha256(bytes.fromhex(prev_hash) + canonical).hexdigest()
    if computed != stored_hash:
        raise Broken(f"seq {seq}: hash mismatch, computed {computed}, stored {stored_hash}")
    return stored_hash


def entries_of(page):
    """Returns (entries, cursor): cursor is where the next page starts, or None after the last page."""
    if isinstance(page, dict) and isinstance(page.get("items"), list):
        return page["items"], page.get("next")
    if isinstance(page, list):
        # A bare array carries no cursor: continue after its last seq until a page comes back empty.
        return page, (page[-1]["seq"] if page else None)
    raise ValueError("a page must be a JSON array of entries or an object with an 'items' array")


def pages_from_files(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            yield entries_of(parse(f.read()))[0]


def pages_from_api(base_url, limit):
    token = os.environ.get("JCM_TOKEN")
    query = {"limit": limit}
    while True:
        url = base_url.rstrip("/") + "/api/v1/ledger/events?" + urllib.parse.urlencode(query)
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        if token:
            request.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(request, timeout=60) as response:
            entries, cursor = entries_of(parse(response.read().decode("utf-8")))
        yield entries
        if not entries or cursor is None:
            return
        query = {"after": cursor, "limit": limit}


def main():
    parser = argparse.ArgumentParser(description="Verify the JCM ledger hash chain.")
    parser.add_argument("base_url", nargs="?", help="registry base URL, e.g. https://registry.example.org")
    parser.add_argument("--file", action="append", default=[], help="a saved page of entries (repeatable, in order)")
    parser.add_argument("--limit", type=int, default=1000, help="entries per API page (at most 1000)")
    args = parser.parse_args()
    if bool(args.base_url) == bool(args.file):
        parser.error("give either a base URL or one or more --file pages")

    last_seq, last_hash = 0, ZERO_HASH
    try:
        pages = pages_from_files(args.file) if args.file else pages_from_api(args.base_url, args.limit)
        for entries in pages:
            for entry in entries:
                last_hash = check(entry, last_seq, last_hash)
                last_seq = entry["seq"]
    except Broken as broken:
        print(f"BROKEN after {last_seq} good entries: {broken}")
        return 1
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        print(f"ERROR: could not read the ledger: {e}", file=sys.stderr)
        return 2
    print(f"OK: chain intact through seq {last_seq}, head hash {last_hash}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
