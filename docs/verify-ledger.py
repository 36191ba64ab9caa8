#!/usr/bin/env python3
"""Verify the JCM ledger hash chain, and its signed checkpoints, independently of the registry's own code.

Checks, for every entry {seq, prevHash, hash, event} in order:
  seq      is the previous seq plus 1, starting at 1 (and equals event.seq when the event has one);
  prevHash is the previous entry's hash, or 64 zeros for seq 1;
  hash     is SHA-256(bytes(prevHash) || UTF-8(JCS(event))), JCS being RFC 8785.

With --key (the log's verifier key, or the environment variable JCM_LOG_KEY) it also checks the
registry's latest signed checkpoint (C2SP tlog-checkpoint, Ed25519):
  the checkpoint's signature verifies with the key and its origin is the key's name;
  the ledger holds every entry 1..N of the checkpoint's tree size N (fewer: truncated);
  the RFC 9162 Merkle root over the canonical events 1..N equals the signed root;
  --witness-key: at least one cosignature (C2SP tlog-cosignature v1) verifies with a witness key;
  --since FILE: a checkpoint saved earlier is still the root of the first M entries, and the
    registry's consistency proof from M to N verifies.

Usage:
  verify-ledger.py https://registry.example.org        pages GET /api/v1/ledger/events
  verify-ledger.py --file page1.json [--file page2.json]  pages saved to files, in order
  verify-ledger.py URL --key VKEY [--witness-key WKEY] [--since old.note] [--save new.note]
  verify-ledger.py --file page.json --key VKEY --checkpoint cp.note     offline
  verify-ledger.py certificate retirement.json --key VKEY [--witness-key WKEY]
  verify-ledger.py --self-test

A page is a JSON array of entries or an object whose "items" holds them (with "next" as the
cursor of the following page). The events endpoint needs the auditor or operator role: put the
bearer token in the environment variable JCM_TOKEN. Checkpoints and proofs are public.

Exit status: 0 the chain (and each checkpoint check asked for) is intact, 1 it is broken,
2 the ledger, a checkpoint or a key could not be read.
Standard library only; Ed25519 verification is implemented below (RFC 8032 section 5.1.7).
"""
import argparse
import base64
import binascii
import hashlib
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone

MAX_SAFE_INTEGER = 2**53 - 1
ZERO_HASH = "0" * 64
HEX_HASH = re.compile(r"[0-9a-f]{64}")
ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class Broken(Exception):
    """The chain breaks at one entry."""


class Refused(Exception):
    """A signed checkpoint, a proof or a certificate does not verify: the ledger is not what was signed."""


# ---------------------------------------------------------------------------------------------
# RFC 8785 canonical JSON (the bytes the chain and the Merkle tree hash)
# ---------------------------------------------------------------------------------------------

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
    """json object hook: a member name given twice makes the JSON ambiguous, so it is refused."""
    names = [name for name, _ in pairs]
    if len(names) != len(set(names)):
        raise ValueError("duplicate member name in an object")
    return dict(pairs)


def refuse_constant(name):
    """json hook: NaN and Infinity are not JSON."""
    raise ValueError(f"{name} is not JSON")


def parse(text):
    """Parses JSON strictly: no duplicate member names, no NaN or Infinity."""
    return json.loads(text, object_pairs_hook=refuse_duplicates, parse_constant=refuse_constant)


# ---------------------------------------------------------------------------------------------
# Ed25519 signature verification (RFC 8032 section 5.1.7), with Python integers
# ---------------------------------------------------------------------------------------------

ED_P = 2**255 - 19
ED_L = 2**252 + 27742317777372353535851937790883648493
ED_D = -121665 * pow(121666, ED_P - 2, ED_P) % ED_P
ED_SQRT_M1 = pow(2, (ED_P - 1) // 4, ED_P)
ED_IDENTITY = (0, 1, 1, 0)


def ed_add(a, b):
    """Adds two points in extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, xy = T/Z (RFC 8032 5.1.4)."""
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    e1 = (y1 - x1) * (y2 - x2) % ED_P
    e2 = (y1 + x1) * (y2 + x2) % ED_P
    c = 2 * t1 * t2 * ED_D % ED_P
    d = 2 * z1 * z2 % ED_P
    e, f, g, h = e2 - e1, d - c, d + c, e2 + e1
    return (e * f % ED_P, g * h % ED_P, f * g % ED_P, e * h % ED_P)


def ed_multiply(scalar, point):
    """[scalar]point by double-and-add. Verification handles public data only, so timing does not matter."""
    result = ED_IDENTITY
    while scalar > 0:
        if scalar & 1:
            result = ed_add(result, point)
        point = ed_add(point, point)
        scalar >>= 1
    return result


def ed_recover_x(y, sign):
    """The x with x^2 = (y^2 - 1) / (d y^2 + 1) and the given low bit, or None (RFC 8032 5.1.3)."""
    if y >= ED_P:
        return None
    x2 = (y * y - 1) * pow(ED_D * y * y + 1, ED_P - 2, ED_P) % ED_P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (ED_P + 3) // 8, ED_P)
    if (x * x - x2) % ED_P:
        x = x * ED_SQRT_M1 % ED_P
    if (x * x - x2) % ED_P:
        return None
    return ED_P - x if (x & 1) != sign else x


def ed_decode(data):
    """Decodes a 32-byte point encoding, or returns None when it is not a canonical point of the curve."""
    if len(data) != 32:
        return None
    number = int.from_bytes(data, "little")
    y, sign = number & ((1 << 255) - 1), number >> 255
    x = ed_recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % ED_P)


def ed_encode(point):
    """Encodes a point as 32 bytes: y little-endian with the low bit of x in the top bit."""
    x, y, z, _ = point
    z_inverse = pow(z, ED_P - 2, ED_P)
    x, y = x * z_inverse % ED_P, y * z_inverse % ED_P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


ED_BASE = ed_decode((4 * pow(5, ED_P - 2, ED_P) % ED_P).to_bytes(32, "little"))


def ed25519_verify(public_key, message, signature):
    """True when signature (64 bytes) is public_key's (32 bytes) Ed25519 signature of message.

    RFC 8032 5.1.7: S must be below L (non-canonical S is refused), A must decode, and
    [S]B = R + [k]A with k = SHA-512(R || A || M) mod L. The equation is checked as
    encode([S]B - [k]A) == R, which also refuses any R that is not a canonical point encoding.
    """
    if len(public_key) != 32 or len(signature) != 64:
        return False
    a = ed_decode(public_key)
    if a is None:
        return False
    r, s = signature[:32], int.from_bytes(signature[32:], "little")
    if s >= ED_L:
        return False
    k = int.from_bytes(hashlib.sha512(r + public_key + message).digest(), "little") % ED_L
    minus_a = (-a[0] % ED_P, a[1], a[2], -a[3] % ED_P)
    return ed_encode(ed_add(ed_multiply(s, ED_BASE), ed_multiply(k, minus_a))) == r


# ---------------------------------------------------------------------------------------------
# Signed notes, keys, checkpoints and cosignatures (C2SP signed-note, tlog-checkpoint, tlog-cosignature)
# ---------------------------------------------------------------------------------------------

ALG_ED25519 = 0x01
ALG_COSIGNATURE = 0x04
EM_DASH = "\u2014"


class NoteKey:
    """A verifier key string `name+hexkeyid+base64(alg || 32-byte Ed25519 public key)`."""

    def __init__(self, text, algorithm):
        parts = text.strip().split("+", 2)
        if len(parts) != 3:
            raise ValueError(f"a verifier key is name+keyid+key, got {text!r}")
        name, key_id, encoded = parts
        if not valid_name(name) or not re.fullmatch(r"[0-9a-f]{8}", key_id):
            raise ValueError(f"a verifier key needs a name without spaces or '+' and an 8-hex-digit key id: {text!r}")
        raw = b64decode(encoded, f"the key in {text!r}")
        if len(raw) != 33 or raw[0] != algorithm:
            kind = "an Ed25519 log key (0x01)" if algorithm == ALG_ED25519 else "a cosignature key (0x04)"
            raise ValueError(f"{text!r} is not {kind}: it holds {len(raw)} bytes starting with 0x{raw[:1].hex() or '--'}")
        if key_id_of(name, raw) != int(key_id, 16):
            raise ValueError(f"the key id {key_id} of {text!r} is not SHA-256(name || 0x0A || key)[:4]")
        self.name, self.key_id, self.algorithm, self.public_key = name, int(key_id, 16), algorithm, raw[1:]

    def describe(self):
        """How the messages name this key: its name and key id."""
        return f"{self.name} (key {self.key_id:08x})"


def valid_name(name):
    """A key or signer name: not empty, no whitespace, no '+' (as golang.org/x/mod/sumdb/note has it)."""
    return bool(name) and not any(c.isspace() for c in name) and "+" not in name


def key_id_of(name, algorithm_and_key):
    """The key id: the first 4 bytes, big-endian, of SHA-256(name || 0x0A || algorithm byte || public key)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8") + b"\n" + algorithm_and_key).digest()[:4], "big")


def b64decode(text, what):
    """Strict standard base64 (with padding), or a ValueError naming what was being decoded."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as e:
        raise ValueError(f"{what} is not base64: {e}")


def parse_note(text):
    """Splits a signed note into (text, [(name, key id, signature bytes after the key id, line)]).

    The text is everything up to and including the newline before the last blank line; every
    line after it must be `— <name> <base64(4-byte key id || signature)>`. As in the Go note
    package, the note must be UTF-8 without control characters other than newline.
    """
    if any(c < " " and c != "\n" for c in text):
        raise Refused("the note holds a control character")
    split = text.rfind("\n\n")
    if split < 0 or not text.endswith("\n"):
        raise Refused("the note has no signature block (a blank line, then signature lines)")
    body, block = text[:split + 1], text[split + 2:]
    signatures = []
    for line in block[:-1].split("\n"):
        name, _, encoded = line[len(EM_DASH) + 1:].partition(" ")
        if not line.startswith(EM_DASH + " ") or not valid_name(name) or not encoded:
            raise Refused(f"malformed signature line {line!r}")
        try:
            raw = b64decode(encoded, "a signature")
        except ValueError as e:
            raise Refused(str(e))
        if len(raw) < 5:
            raise Refused(f"the signature line {line!r} is too short")
        signatures.append((name, int.from_bytes(raw[:4], "big"), raw[4:], line))
    if len(signatures) > 100:
        raise Refused("the note carries more than 100 signatures")
    return body, signatures


def verify_note(text, key):
    """Returns the note's text after checking that a signature by `key` verifies over it.

    Lines of other keys are ignored; a note without a line of this key, or whose line for it
    does not verify, is refused.
    """
    body, signatures = parse_note(text)
    mine = [s for s in signatures if s[0] == key.name and s[1] == key.key_id]
    if not mine:
        raise Refused(f"the checkpoint carries no signature by {key.describe()}")
    for _, _, signature, _ in mine:
        if not ed25519_verify(key.public_key, body.encode("utf-8"), signature):
            raise Refused(f"the signature by {key.describe()} does not verify: the checkpoint or its signature was altered")
    return body


class Checkpoint:
    """A tlog-checkpoint text: `<origin>\\n<tree size>\\n<base64 root hash>\\n`, nothing else."""

    def __init__(self, text):
        lines = text.split("\n")
        if len(lines) != 4 or lines[3] != "":
            raise Refused(f"a checkpoint is exactly three lines (origin, size, root), got {text!r}")
        origin, size, root = lines[:3]
        if not origin or not re.fullmatch(r"0|[1-9][0-9]{0,18}", size):
            raise Refused(f"the checkpoint's origin is empty or its size {size!r} is not a plain decimal")
        try:
            self.root = b64decode(root, "the checkpoint's root hash")
        except ValueError as e:
            raise Refused(str(e))
        if len(self.root) != 32:
            raise Refused(f"the checkpoint's root hash has {len(self.root)} bytes, not 32")
        self.text, self.origin, self.size = text, origin, int(size)


def cosignature_message(checkpoint_text, timestamp):
    """What a tlog-cosignature/v1 signs: `cosignature/v1\\ntime <timestamp>\\n` + the checkpoint text."""
    return f"cosignature/v1\ntime {timestamp}\n{checkpoint_text}".encode("utf-8")


def verify_cosignatures(note_text, checkpoint, witness_keys):
    """Returns ([(witness key, timestamp)] that verify, [problems]) for the note's lines of the given keys."""
    _, signatures = parse_note(note_text)
    verified, problems = [], []
    for key in witness_keys:
        lines = [s for s in signatures if s[0] == key.name and s[1] == key.key_id]
        if not lines:
            problems.append(f"no cosignature by {key.describe()}")
        for _, _, raw, _ in lines:
            timestamp = int.from_bytes(raw[:8], "big")
            if len(raw) == 72 and ed25519_verify(key.public_key, cosignature_message(checkpoint.text, timestamp), raw[8:]):
                verified.append((key, timestamp))
            else:
                problems.append(f"the cosignature by {key.describe()} does not verify (forged or for another checkpoint)")
    return verified, problems


def check_signed_checkpoint(note_text, key, witness_keys):
    """Verifies a checkpoint note: the log's signature, its origin, and (if asked) a witness's cosignature.

    Returns (Checkpoint, "signed by <name> (key <id>)", "" or "; cosigned by <witness> at <time>, ...")
    or raises Refused.
    """
    checkpoint = Checkpoint(verify_note(note_text, key))
    if checkpoint.origin != key.name:
        raise Refused(f"the checkpoint's origin {checkpoint.origin!r} is not the key's name {key.name!r}")
    if checkpoint.size == 0:
        raise Refused("a checkpoint of size 0 is never signed")
    signed, cosigned = f"signed by {key.describe()}", ""
    if witness_keys:
        verified, problems = verify_cosignatures(note_text, checkpoint, witness_keys)
        if not verified:
            raise Refused(f"checkpoint {checkpoint.size}: no cosignature verifies: " + "; ".join(problems))
        cosigned = "; cosigned by " + ", ".join(
            f"{k.name} at {datetime.fromtimestamp(t, timezone.utc):%Y-%m-%dT%H:%M:%SZ}" for k, t in verified)
    return checkpoint, signed, cosigned


# ---------------------------------------------------------------------------------------------
# RFC 9162 Merkle tree: hashing, roots, inclusion and consistency proofs
# ---------------------------------------------------------------------------------------------

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(leaf):
    """RFC 9162 2.1.1: SHA-256(0x00 || leaf). The ledger's leaf is an event's canonical bytes."""
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left, right):
    """RFC 9162 2.1.1: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


class TreeBuilder:
    """The root of the tree over leaf hashes appended one at a time, keeping only the right edge."""

    def __init__(self):
        self.size = 0
        self.edge = []  # (height, hash) of the complete subtrees, left to right, heights decreasing

    def append(self, hash_of_leaf):
        """Adds the next leaf hash, merging complete subtrees of equal height."""
        height, node = 0, hash_of_leaf
        while self.edge and self.edge[-1][0] == height:
            node = node_hash(self.edge.pop()[1], node)
            height += 1
        self.edge.append((height, node))
        self.size += 1

    def root(self):
        """RFC 9162 MTH of the leaves so far: the subtrees folded from right to left."""
        if not self.edge:
            return EMPTY_ROOT
        node = self.edge[-1][1]
        for _, left in reversed(self.edge[:-1]):
            node = node_hash(left, node)
        return node


def root_of(leaf_hashes):
    """The RFC 9162 root of a list of leaf hashes."""
    builder = TreeBuilder()
    for h in leaf_hashes:
        builder.append(h)
    return builder.root()


def verify_inclusion(hash_of_leaf, index, size, proof, root):
    """RFC 9162 2.1.3.2: True when proof shows leaf `index` of the tree of `size` leaves has this hash."""
    if index < 0 or index >= size:
        return False
    fn, sn, r = index, size - 1, hash_of_leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_root, second_root, proof):
    """RFC 9162 2.1.4.2: True when proof shows the tree of `first` leaves is a prefix of the one of `second`.

    Equal sizes need an empty proof and equal roots; the empty tree is a prefix of every tree.
    """
    if first < 0 or first > second:
        return False
    if first == second:
        return not proof and first_root == second_root
    if first == 0:
        return not proof
    if not proof:
        return False
    path = ([first_root] if first & (first - 1) == 0 else []) + list(proof)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == first_root and sr == second_root and sn == 0


# ---------------------------------------------------------------------------------------------
# The hash chain, page by page, feeding the Merkle tree
# ---------------------------------------------------------------------------------------------

def check(entry, last_seq, last_hash):
    """Returns the entry's hash if it follows (last_seq, last_hash), else raises Broken."""
    hash_hex, _ = check_entry(entry, last_seq, last_hash)
    return hash_hex


def check_entry(entry, last_seq, last_hash):
    """Returns (the entry's hash, its canonical event bytes) if it follows (last_seq, last_hash), else raises Broken."""
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
    return stored_hash, canonical


def entries_of(page):
    """Returns (entries, cursor): cursor is where the next page starts, or None after the last page."""
    if isinstance(page, dict) and isinstance(page.get("items"), list):
        return page["items"], page.get("next")
    if isinstance(page, list):
        # A bare array carries no cursor: continue after its last seq until a page comes back empty.
        return page, (page[-1]["seq"] if page else None)
    raise ValueError("a page must be a JSON array of entries or an object with an 'items' array")


def pages_from_files(paths):
    """Yields the entries of each saved page, in the order given."""
    for path in paths:
        yield entries_of(parse(read_text(path)))[0]


def read_text(path):
    """A UTF-8 file's text, as it is (newlines untranslated, so a saved note keeps its exact bytes)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def api_get(base_url, path, query=None, token=None):
    """GETs base_url + path as JSON; an HTTP error becomes an OSError naming the problem's code."""
    url = base_url.rstrip("/") + path + ("?" + urllib.parse.urlencode(query) if query else "")
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return parse(response.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace")
        code = re.search(r'"code"\s*:\s*"([^"]*)"', detail)
        raise OSError(f"GET {url}: HTTP {e.code}" + (f" {code.group(1)}" if code else ""))


def pages_from_api(base_url, limit):
    """Yields the entries of each page of GET /api/v1/ledger/events, following the cursor."""
    token = os.environ.get("JCM_TOKEN")
    query = {"limit": limit}
    while True:
        entries, cursor = entries_of(api_get(base_url, "/api/v1/ledger/events", query, token))
        yield entries
        if not entries or cursor is None:
            return
        query = {"after": cursor, "limit": limit}


class Walk:
    """What reading the chain found: the head, and the Merkle roots at the sizes asked for."""

    def __init__(self, sizes):
        self.last_seq, self.last_hash = 0, ZERO_HASH
        self.tree = TreeBuilder()
        self.wanted = set(size for size in sizes if size)
        self.roots = {}

    def add(self, entry):
        """Checks the next entry against the chain and adds its canonical event as the next leaf."""
        self.last_hash, canonical = check_entry(entry, self.last_seq, self.last_hash)
        self.last_seq = entry["seq"]
        if self.wanted and self.tree.size < max(self.wanted):
            self.tree.append(leaf_hash(canonical))
            if self.tree.size in self.wanted:
                self.roots[self.tree.size] = self.tree.root()


# ---------------------------------------------------------------------------------------------
# Checkpoint checks against the chain
# ---------------------------------------------------------------------------------------------

def load_checkpoint_note(text):
    """The note of a saved checkpoint: the note itself, or the JSON the checkpoint endpoint returns."""
    if text.lstrip().startswith("{"):
        return note_of(parse(text))
    return text


def note_of(body):
    """The signed note in a checkpoint endpoint's JSON, with the cosignature lines listed beside it."""
    note = body.get("note") if isinstance(body, dict) else None
    if not isinstance(note, str):
        raise ValueError("the checkpoint response has no 'note'")
    extra = [c.get("line") for c in body.get("cosignatures") or [] if isinstance(c, dict)]
    for line in extra:
        if isinstance(line, str) and line and line + "\n" not in note:
            note += line.rstrip("\n") + "\n"
    return note


def check_root(walk, checkpoint, label):
    """Raises Refused unless the ledger holds entries 1..size and their root is the checkpoint's."""
    size = checkpoint.size
    if walk.last_seq < size:
        missing = f"seq {walk.last_seq + 1}" + (f"..{size}" if size > walk.last_seq + 1 else "")
        raise Refused(f"truncated: the {label} covers {size} entries, the ledger has {walk.last_seq} ({missing} missing)")
    computed = walk.roots[size]
    if computed != checkpoint.root:
        raise Refused(f"the {label}'s root for entries 1..{size} is {b64(checkpoint.root)}, the entries give "
                      f"{b64(computed)}: an entry up to seq {size} differs from what was signed")


def check_consistency(base_url, old, new):
    """Fetches the registry's consistency proof from the old checkpoint to the new one and verifies it."""
    body = api_get(base_url, "/api/v1/ledger/proofs/consistency", {"from": old.size, "to": new.size})
    if body.get("from") != old.size or body.get("to") != new.size:
        raise Refused(f"the consistency proof is for {body.get('from')}..{body.get('to')}, not {old.size}..{new.size}")
    proof = [b64decode(h, "a proof hash") for h in body.get("hashes") or []]
    if not verify_consistency(old.size, new.size, old.root, new.root, proof):
        raise Refused(f"the registry's consistency proof from checkpoint {old.size} to {new.size} does not verify")


def b64(data):
    """Standard base64 text of bytes."""
    return base64.b64encode(data).decode("ascii")


def run_ledger(args):
    """The default command: the chain, then (with --key) the latest checkpoint and the saved one."""
    key = NoteKey(args.key, ALG_ED25519) if args.key else None
    witness_keys = [NoteKey(k, ALG_COSIGNATURE) for k in args.witness_key]
    note = latest = since = None
    if key:
        if args.checkpoint:
            note = load_checkpoint_note(read_text(args.checkpoint))
        else:
            note = note_of(api_get(args.base_url, "/api/v1/ledger/checkpoints/latest"))
        latest, signed, cosigned = check_signed_checkpoint(note, key, witness_keys)
        if args.since:
            since, _, _ = check_signed_checkpoint(load_checkpoint_note(read_text(args.since)), key, [])
            if since.size > latest.size:
                raise Refused(f"the saved checkpoint covers {since.size} entries, more than the latest one ({latest.size}): "
                              "the log was rolled back")

    walk = Walk([latest.size if latest else 0, since.size if since else 0])
    pages = pages_from_files(args.file) if args.file else pages_from_api(args.base_url, args.limit)
    try:
        for entries in pages:
            for entry in entries:
                walk.add(entry)
    except Broken as broken:
        print(f"BROKEN after {walk.last_seq} good entries: {broken}")
        return 1
    print(f"OK: chain intact through seq {walk.last_seq}, head hash {walk.last_hash}")
    if not latest:
        return 0

    check_root(walk, latest, "checkpoint")
    print(f"OK: checkpoint {latest.size} {signed}, root matches entries 1..{latest.size}{cosigned}")
    if since:
        check_root(walk, since, "saved checkpoint")
        how = "both roots match the same entries"
        if not args.file and since.size < latest.size:
            check_consistency(args.base_url, since, latest)
            how = f"the registry's consistency proof {since.size} -> {latest.size} verifies"
        print(f"OK: saved checkpoint {since.size} {signed}, root still matches entries 1..{since.size}; {how}")
    if args.save:
        with open(args.save, "w", encoding="utf-8", newline="") as f:
            f.write(note)
        print(f"saved checkpoint {latest.size} to {args.save}")
    return 0


# ---------------------------------------------------------------------------------------------
# Retirement certificates, offline
# ---------------------------------------------------------------------------------------------

def run_certificate(args):
    """Verifies a retirement certificate offline: the checkpoint's signature and the event's inclusion proof."""
    key = NoteKey(args.key, ALG_ED25519)
    witness_keys = [NoteKey(k, ALG_COSIGNATURE) for k in args.witness_key]
    certificate = parse(read_text(args.certificate))
    if not isinstance(certificate, dict):
        raise ValueError("a certificate is a JSON object")
    event_text, seq, note, inclusion = (certificate.get(k) for k in ("event", "seq", "checkpoint", "inclusion"))
    if isinstance(note, dict):
        note = note_of(note)
    if not isinstance(event_text, str) or type(seq) is not int or not isinstance(note, str) or not isinstance(inclusion, list):
        raise ValueError("a certificate needs 'event' (a string), 'seq' (an integer), 'checkpoint' (the signed note) "
                         "and 'inclusion' (a list of base64 hashes)")
    event = parse(event_text)
    print(describe_retirement(seq, event))
    checkpoint, signed, cosigned = check_signed_checkpoint(note, key, witness_keys)
    if jcs(event) != event_text:
        raise Refused("the certificate's event is not in canonical (RFC 8785) form, so it is not the signed leaf")
    if not isinstance(event, dict) or event.get("seq") != seq:
        raise Refused(f"the certificate's seq {seq} is not its event's seq")
    if event.get("type") != "CreditsRetired":
        raise Refused(f"the certificate's event is a {event.get('type')}, not a retirement (CreditsRetired)")
    proof = [b64decode(h, "an inclusion hash") for h in inclusion]
    if not verify_inclusion(leaf_hash(event_text.encode("utf-8")), seq - 1, checkpoint.size, proof, checkpoint.root):
        raise Refused(f"the inclusion proof of seq {seq} does not lead to checkpoint {checkpoint.size}'s root: "
                      "the event or the proof was altered")
    print(f"OK: retirement seq {seq} is entry {seq} of checkpoint {checkpoint.size} {signed}, "
          f"the inclusion proof verifies{cosigned}")
    return 0


def describe_retirement(seq, event):
    """One line saying what a retirement event records: units, quantity, purpose, beneficiary, who retired."""
    if not isinstance(event, dict):
        return f"The certificate states: seq {seq}, but its event is not an object"
    serials = [f"JCM-{r.get('projectId')}-{r.get('vintage')}-{r.get('first')}-{r.get('last')}"
               for r in event.get("ranges") or [] if isinstance(r, dict)]
    actor = event.get("actor") if isinstance(event.get("actor"), dict) else {}
    if actor.get("role") == "account-holder":
        retired_by = f"retiring organization {actor.get('scope')} (account {event.get('fromAccountId')})"
    else:
        retired_by = f"retired by {actor.get('role')} {actor.get('subject')} from account {event.get('fromAccountId')}"
    if "beneficiaryOrganizationId" in event:
        beneficiary = f"organization {event.get('beneficiaryOrganizationId')} (registered)"
    else:
        beneficiary = event.get("beneficiary", "(none recorded)")
    return (f"The certificate states: seq {seq}, {event.get('type')} at {event.get('at')}: {event.get('quantity')} units "
            f"{', '.join(serials) or '(no ranges)'}; purpose {event.get('purpose')}; beneficiary {beneficiary}; {retired_by}")


# ---------------------------------------------------------------------------------------------
# Self-test: published vectors and naive proofs
# ---------------------------------------------------------------------------------------------

RFC8032_VECTORS = [  # RFC 8032 section 7.1: (name, public key, message, signature), hex
    ("TEST 1", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    ("TEST 2", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ("TEST 3", "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
    ("TEST SHA(abc)", "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
     "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"),
]

# golang.org/x/mod/sumdb/note, example_test.go (ExampleOpen) and note_test.go.
GO_NOTE_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_NOTE = ("If you think cryptography is the answer to your problem,\n"
           "then you don't know what your problem is.\n"
           "\n"
           "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
GO_BAD_KEYS = ["PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
               "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"]

# The RFC 6962 reference implementation's tree vectors (leaves, roots of sizes 1..8, proofs).
CT_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
CT_ROOTS = ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"]
CT_INCLUSION_0_OF_8 = ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                       "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                       "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]
CT_CONSISTENCY_6_TO_8 = ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                         "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                         "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]

# A checkpoint over the eight CT leaves, signed and cosigned with keys made by OpenSSL from the seeds
# SHA-256("jcm self-test log key") and SHA-256("jcm self-test witness key").
SELF_TEST_LOG_KEY = "jcm.local/ledger+9565dd1b+AePsAthdmr6yZKldfXk8OwmM9VvvQ+98DtRMHablYYJo"
SELF_TEST_WITNESS_KEY = "jcm.local/witness+1a6740d4+BI47BfbsU5tsctiLOnrCJzvr3h7etQLG2qEIqmlpyipr"
SELF_TEST_CHECKPOINT = (
    "jcm.local/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n"
    "\u2014 jcm.local/ledger lWXdGzXe/IY12OvXuNzscpQRvjmyiVjr3D9S8Wyw1VeljsJDrMkHkBjPWLPo5aMGumLaG9FABcKiIe8J2jNFilSOaAY=\n"
    "\u2014 jcm.local/witness GmdA1AAAAABlU/EAN0qNMjxofKPA1bEEMuWPq8LzbTc88VYqa3zIDrL1E0AihpWfLXgotLp0MbXNSB5NaI6DDTqGwX82ozPWiNF3AA==\n")


def naive_root(hashes):
    """RFC 9162 2.1.1 MTH by its recursive definition, over leaf hashes."""
    if len(hashes) == 1:
        return hashes[0]
    k = 1 << (len(hashes) - 1).bit_length() - 1
    return node_hash(naive_root(hashes[:k]), naive_root(hashes[k:]))


def naive_inclusion(index, hashes):
    """RFC 9162 2.1.3.1 PATH(m, D[n]) by its recursive definition."""
    if len(hashes) == 1:
        return []
    k = 1 << (len(hashes) - 1).bit_length() - 1
    if index < k:
        return naive_inclusion(index, hashes[:k]) + [naive_root(hashes[k:])]
    return naive_inclusion(index - k, hashes[k:]) + [naive_root(hashes[:k])]


def naive_consistency(m, hashes, complete=True):
    """RFC 9162 2.1.4.1 SUBPROOF(m, D[n], b) by its recursive definition."""
    if m == len(hashes):
        return [] if complete else [naive_root(hashes)]
    k = 1 << (len(hashes) - 1).bit_length() - 1
    if m <= k:
        return naive_consistency(m, hashes[:k], complete) + [naive_root(hashes[k:])]
    return naive_consistency(m - k, hashes[k:], False) + [naive_root(hashes[:k])]


def altered(data, bit=0):
    """data with one bit flipped."""
    return bytes([data[0] ^ (1 << bit)]) + data[1:] if data else b"\x01"


def self_test_ed25519(check_that):
    """RFC 8032 7.1 vectors verify; altered messages, signatures, keys and non-canonical S do not."""
    for name, public, message, signature in RFC8032_VECTORS:
        a, m, s = bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)
        check_that(f"Ed25519 {name} verifies", ed25519_verify(a, m, s))
        check_that(f"Ed25519 {name} with an altered message is refused", not ed25519_verify(a, altered(m), s))
        check_that(f"Ed25519 {name} with an altered R is refused", not ed25519_verify(a, m, altered(s)))
        check_that(f"Ed25519 {name} with an altered S is refused", not ed25519_verify(a, m, s[:32] + altered(s[32:])))
        non_canonical = s[:32] + (int.from_bytes(s[32:], "little") + ED_L).to_bytes(32, "little")
        check_that(f"Ed25519 {name} with S + L (non-canonical) is refused", not ed25519_verify(a, m, non_canonical))
        check_that(f"Ed25519 {name} with another key is refused", not ed25519_verify(altered(a, 1), m, s))


def self_test_notes(check_that):
    """The Go note package's vector, its bad keys, and a checkpoint with a cosignature."""
    key = NoteKey(GO_NOTE_KEY, ALG_ED25519)
    check_that("Go note key id is c74f20a3", key.name == "PeterNeumann" and key.key_id == 0xc74f20a3)
    check_that("Go note vector verifies", verify_note(GO_NOTE, key).startswith("If you think cryptography"))
    check_that("Go note with altered text is refused", refuses(lambda: verify_note(GO_NOTE.replace("answer", "Answer"), key)))
    for bad in GO_BAD_KEYS:
        check_that(f"Go bad key {bad[:22]}... is refused", refuses(lambda: NoteKey(bad, ALG_ED25519)))
    log, witness = NoteKey(SELF_TEST_LOG_KEY, ALG_ED25519), NoteKey(SELF_TEST_WITNESS_KEY, ALG_COSIGNATURE)
    checkpoint, _, cosigned = check_signed_checkpoint(SELF_TEST_CHECKPOINT, log, [witness])
    check_that("self-test checkpoint verifies with its cosignature",
               checkpoint.size == 8 and checkpoint.root.hex() == CT_ROOTS[7] and "jcm.local/witness at 2023-11-14" in cosigned)
    other_root = SELF_TEST_CHECKPOINT.replace("Xcna", "Ycna")
    check_that("checkpoint with an altered root is refused", refuses(lambda: check_signed_checkpoint(other_root, log, [])))
    forged = SELF_TEST_CHECKPOINT.replace("GmdA1AAAAABlU/EA", "GmdA1AAAAABlU/EB")
    check_that("checkpoint with a forged cosignature is refused", refuses(lambda: check_signed_checkpoint(forged, log, [witness])))
    check_that("a log key is refused as a witness key", refuses(lambda: NoteKey(SELF_TEST_LOG_KEY, ALG_COSIGNATURE)))
    check_that("a checkpoint with an extra line is refused", refuses(lambda: Checkpoint("o\n8\n" + CT_ROOTS[0] + "\nx\n")))
    check_that("a checkpoint size with a leading zero is refused", refuses(lambda: Checkpoint("o\n08\n" + b64(EMPTY_ROOT) + "\n")))


def self_test_merkle(check_that):
    """The CT reference roots and proofs, and every naive proof of trees up to 17 leaves, verify; altered ones do not."""
    leaves = [leaf_hash(bytes.fromhex(leaf)) for leaf in CT_LEAVES]
    check_that("empty root is SHA-256('')", root_of([]).hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    check_that("CT roots of sizes 1..8", all(root_of(leaves[:n]).hex() == CT_ROOTS[n - 1] for n in range(1, 9)))
    roots = [bytes.fromhex(r) for r in CT_ROOTS]
    check_that("CT inclusion proof of leaf 0 in 8", verify_inclusion(
        leaves[0], 0, 8, [bytes.fromhex(h) for h in CT_INCLUSION_0_OF_8], roots[7]))
    check_that("CT consistency proof 6 -> 8", verify_consistency(
        6, 8, roots[5], roots[7], [bytes.fromhex(h) for h in CT_CONSISTENCY_6_TO_8]))
    hashes = [leaf_hash(b"leaf %d" % i) for i in range(17)]
    failures = []
    for n in range(1, 18):
        root = root_of(hashes[:n])
        if root != naive_root(hashes[:n]):
            failures.append(f"root {n}")
        for i in range(n):
            proof = naive_inclusion(i, hashes[:n])
            if not verify_inclusion(hashes[i], i, n, proof, root) or any(
                    verify_inclusion(hashes[i], i, n, proof[:j] + [altered(proof[j])] + proof[j + 1:], root) for j in range(len(proof))) \
                    or verify_inclusion(altered(hashes[i]), i, n, proof, root) or verify_inclusion(hashes[i], i + 1, n, proof, root):
                failures.append(f"inclusion {i} of {n}")
        for m in range(1, n + 1):
            proof, old = naive_consistency(m, hashes[:n]), root_of(hashes[:m])
            if not verify_consistency(m, n, old, root, proof) or any(
                    verify_consistency(m, n, old, root, proof[:j] + [altered(proof[j])] + proof[j + 1:]) for j in range(len(proof))) \
                    or (m < n and verify_consistency(m, n, altered(old), root, proof)):
                failures.append(f"consistency {m} -> {n}")
    check_that("naive proofs for every tree up to 17 leaves verify, altered ones fail" + (f" ({failures})" if failures else ""),
               not failures)


def refuses(action):
    """True when action raises Refused or ValueError."""
    try:
        action()
    except (Refused, ValueError):
        return True
    return False


def run_self_test():
    """Runs the built-in vectors; prints one line per check and returns the exit status."""
    failed = []

    def check_that(name, passed):
        print(("ok     " if passed else "FAILED ") + name)
        if not passed:
            failed.append(name)

    for part in (self_test_ed25519, self_test_notes, self_test_merkle):
        try:
            part(check_that)
        except (Refused, ValueError) as e:
            check_that(f"{part.__name__} ran without error: {e}", False)
    print(f"self-test: {len(failed)} failed" if failed else "OK: self-test passed")
    return 1 if failed else 0


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------

def add_key_options(parser):
    """The options that name the keys to trust."""
    parser.add_argument("--key", metavar="VKEY", default=os.environ.get("JCM_LOG_KEY"),
                        help="the log's verifier key name+keyid+base64 (default: $JCM_LOG_KEY)")
    parser.add_argument("--witness-key", metavar="VKEY", action="append", default=[],
                        help="a witness's cosignature verifier key (repeatable); one cosignature must verify")


def parse_arguments(argv):
    """Parses the command line of the ledger command or of `certificate FILE`."""
    if argv[:1] == ["certificate"]:
        parser = argparse.ArgumentParser(prog="verify-ledger.py certificate",
                                         description="Verify a retirement certificate offline.")
        parser.add_argument("certificate", help="the certificate's JSON file")
        add_key_options(parser)
        args = parser.parse_args(argv[1:])
        if not args.key:
            parser.error("a certificate is verified against the log's key: give --key or set JCM_LOG_KEY")
        args.command, args.self_test = run_certificate, False
        return args
    parser = argparse.ArgumentParser(description="Verify the JCM ledger hash chain and its signed checkpoints.")
    parser.add_argument("base_url", nargs="?", help="registry base URL, e.g. https://registry.example.org")
    parser.add_argument("--file", metavar="PAGE", action="append", default=[], help="a saved page of entries (repeatable, in order)")
    parser.add_argument("--limit", metavar="N", type=int, default=1000, help="entries per API page (at most 1000)")
    add_key_options(parser)
    parser.add_argument("--checkpoint", metavar="FILE", help="offline: a saved checkpoint (note or endpoint JSON) instead of the latest")
    parser.add_argument("--since", metavar="FILE", help="a checkpoint saved earlier: it must still match the first entries")
    parser.add_argument("--save", metavar="FILE", help="write the verified latest checkpoint's note to this file")
    parser.add_argument("--self-test", action="store_true", help="run the built-in test vectors and exit")
    args = parser.parse_args(argv)
    args.command = run_ledger
    if args.self_test:
        return args
    if bool(args.base_url) == bool(args.file):
        parser.error("give either a base URL or one or more --file pages")
    if not args.key and (args.witness_key or args.since or args.save or args.checkpoint):
        parser.error("--witness-key, --since, --save and --checkpoint need the log's key: give --key or set JCM_LOG_KEY")
    if args.file and args.key and not args.checkpoint:
        parser.error("offline (--file) checks against a checkpoint need --checkpoint FILE")
    if args.base_url and args.checkpoint:
        parser.error("--checkpoint is for offline checks (--file); online the latest checkpoint is fetched")
    return args


def main(argv=None):
    """Runs the command; prints BROKEN or ERROR lines and maps them to exit status 1 or 2."""
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return run_self_test()
    try:
        return args.command(args)
    except Refused as refused:
        print(f"BROKEN: {refused}")
        return 1
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        print(f"ERROR: could not read the ledger, a checkpoint or a key: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
