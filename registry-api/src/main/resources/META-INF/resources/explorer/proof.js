// The transparency log's checks, in the visitor's browser, with Web Crypto only (docs/explorer.md,
// "Proof in the browser"). No page markup here: functions that take bytes and text and answer
// values, or throw a Refusal that says, in a sentence, why something does not verify.
//
// Every format is docs/transparency-log.md byte for byte: RFC 9162 hashing and inclusion proofs,
// C2SP signed notes, tlog-checkpoint, tlog-cosignature v1 and the key strings of Go's sumdb/note.
// The Java reference is ledger-core's org.jcm.ledger.proof, the Python one docs/verify-ledger.py.

const ALG_ED25519 = 0x01;
const ALG_COSIGNATURE = 0x04;
const EM_DASH = '\u2014';
const MAX_SIGNATURES = 100;
const MAX_SIZE = (1n << 63n) - 1n;
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', {fatal: true});

/** Something does not verify: the message says what, as a sentence fragment a page can show. */
export class Refusal extends Error {
}

/** The browser cannot check an Ed25519 signature (no Web Crypto Ed25519). */
export class Ed25519Unsupported extends Error {
  constructor() {
    super('this browser\'s Web Crypto has no Ed25519');
  }
}

// ------------------------------------------------------------------ bytes

/** Strict standard base64 with padding and zero trailing bits (one spelling per value), or a Refusal. */
export function fromBase64(text, what) {
  if (typeof text !== 'string'
    || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw new Refusal(`${what} is not base64`);
  }
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, c => c.charCodeAt(0));
  if (toBase64(bytes) !== text) {
    throw new Refusal(`${what} is not base64 in its one canonical spelling`);
  }
  return bytes;
}

export function toBase64(bytes) {
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary);
}

export function toHex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function equalBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function uint32(bytes, at) {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function uint64(bytes, at) {
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    value = (value << 8n) | BigInt(bytes[at + i]);
  }
  return value;
}

/** The key id as the API and the key strings show it: 8 lowercase hex digits. */
export function keyIdHex(keyId) {
  return keyId.toString(16).padStart(8, '0');
}

// ------------------------------------------------------------------ SHA-256 and the Merkle tree (RFC 9162 2.1)

function subtle() {
  if (!globalThis.crypto || !globalThis.crypto.subtle) {
    throw new Refusal('this page has no Web Crypto (browsers offer it only to pages served over HTTPS or from'
      + ' localhost), so nothing can be checked here');
  }
  return globalThis.crypto.subtle;
}

export async function sha256(bytes) {
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}

/** RFC 9162 leaf hash: SHA-256(0x00 || leaf). The ledger's leaf is an event's canonical JSON, UTF-8. */
export async function leafHash(leaf) {
  return sha256(concat(Uint8Array.of(0), typeof leaf === 'string' ? utf8.encode(leaf) : leaf));
}

/** RFC 9162 node hash: SHA-256(0x01 || left || right). */
export async function nodeHash(left, right) {
  return sha256(concat(Uint8Array.of(1), left, right));
}

/**
 * RFC 9162 section 2.1.3.2: true when `proof` (32-byte hashes, from the leaf's sibling up) shows that
 * leaf `index` of the tree of `size` leaves has hash `leaf` and the tree has root `root`. Refuses
 * (false, never throws) an index at or beyond the size, a proof of the wrong length and a hash that
 * is not 32 bytes. Sizes are numbers below 2^53.
 */
export async function verifyInclusion(leaf, index, size, proof, root) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size
    || leaf.length !== 32 || root.length !== 32 || proof.some(p => p.length !== 32)) {
    return false;
  }
  // BigInt keeps the bit operations right above 2^31.
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) {
      return false;
    }
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equalBytes(r, root);
}

// ------------------------------------------------------------------ RFC 8785 canonical JSON

/**
 * The RFC 8785 (JCS) form of a parsed JSON value: members sorted by UTF-16 code units, numbers and
 * strings as ECMAScript's JSON.stringify writes them, which is what JCS specifies.
 */
export function canonicalJson(value) {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Refusal('a number is not finite');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const names = Object.keys(value).sort();
  return `{${names.map(name => `${JSON.stringify(name)}:${canonicalJson(value[name])}`).join(',')}}`;
}

/**
 * Parses a ledger event's JSON and checks that the text is its canonical form, so that the text is
 * the exact leaf the tree hashed (a duplicate member or an integer beyond 2^53 fails this too).
 */
export function parseCanonicalEvent(text, what) {
  let event;
  try {
    event = JSON.parse(text);
  } catch (error) {
    throw new Refusal(`${what} is not JSON`);
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new Refusal(`${what} is not a JSON object`);
  }
  if (canonicalJson(event) !== text) {
    throw new Refusal(`${what} is not in canonical (RFC 8785) form, so it is not the signed leaf`);
  }
  return event;
}

// ------------------------------------------------------------------ keys (sumdb/note key strings)

/** True for a key name: non-empty, no Unicode space, no '+', no control character. */
function validName(name) {
  return typeof name === 'string' && name.length > 0 && validText(name) && !/[+\s\u0085]|\p{Z}/u.test(name);
}

/** Well-formed Unicode (no lone surrogate, so it has a UTF-8 form) without control characters other than newline. */
function validText(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) {
      return false;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) {
        return false;
      }
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * Parses a verifier key string `<name>+<key id, 8 hex>+<base64(algorithm || 32-byte public key)>` of
 * the expected algorithm (0x01 log key, 0x04 witness key) and checks its key id against the key.
 * Answers {name, keyId, keyIdHex, algorithm, publicKey, text}.
 */
export async function parseVerifierKey(text, algorithm) {
  const kind = algorithm === ALG_ED25519 ? 'a log key (Ed25519, 0x01)' : 'a witness key (cosignature v1, 0x04)';
  const first = typeof text === 'string' ? text.indexOf('+') : -1;
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) {
    throw new Refusal(`${JSON.stringify(String(text))} is not a verifier key (name+key id+key)`);
  }
  const name = text.slice(0, first);
  const id = text.slice(first + 1, second);
  if (!validName(name) || !/^[0-9a-f]{8}$/.test(id)) {
    throw new Refusal(`${JSON.stringify(text)} is not a verifier key: bad name or key id`);
  }
  const raw = fromBase64(text.slice(second + 1), `the key in ${JSON.stringify(text)}`);
  if (raw.length !== 33 || raw[0] !== algorithm) {
    throw new Refusal(`${JSON.stringify(text)} is not ${kind}`);
  }
  const keyId = uint32(await sha256(concat(utf8.encode(name), Uint8Array.of(0x0a), raw)), 0);
  if (keyIdHex(keyId) !== id) {
    throw new Refusal(`the key id ${id} of ${JSON.stringify(text)} does not match its key`);
  }
  return {name, keyId, keyIdHex: id, algorithm, publicKey: raw.slice(1), text};
}

// ------------------------------------------------------------------ Ed25519 through Web Crypto

/** RFC 8032 section 7.1, TEST 1: public key and the signature of the empty message. */
const RFC8032_TEST1 = {
  key: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  signature: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
};

function fromHex(hex) {
  return Uint8Array.from(hex.match(/../g), h => parseInt(h, 16));
}

let ed25519Support = null;

/**
 * True when this browser's Web Crypto verifies Ed25519, checked once on RFC 8032's first test
 * vector (a browser that imports the key but gets the vector wrong counts as without Ed25519).
 */
export function ed25519Supported() {
  if (ed25519Support === null) {
    ed25519Support = (async () => {
      try {
        return await ed25519Verify(fromHex(RFC8032_TEST1.key), new Uint8Array(0), fromHex(RFC8032_TEST1.signature));
      } catch (error) {
        return false;
      }
    })();
  }
  return ed25519Support;
}

/** The Ed25519 verdict of Web Crypto; throws Ed25519Unsupported when the browser has none. */
async function ed25519Verify(publicKey, message, signature) {
  let key;
  try {
    key = await subtle().importKey('raw', publicKey, {name: 'Ed25519'}, false, ['verify']);
  } catch (error) {
    if (error instanceof Refusal) {
      throw error;
    }
    if (error && error.name === 'DataError') {
      return false;
    }
    throw new Ed25519Unsupported();
  }
  try {
    return await subtle().verify({name: 'Ed25519'}, key, signature, message);
  } catch (error) {
    throw new Ed25519Unsupported();
  }
}

async function verifySignature(publicKey, message, signature) {
  if (signature.length !== 64) {
    return false;
  }
  if (!(await ed25519Supported())) {
    throw new Ed25519Unsupported();
  }
  return ed25519Verify(publicKey, message, signature);
}

// ------------------------------------------------------------------ signed notes, checkpoints, cosignatures

/**
 * Splits a C2SP signed note into its text (up to and including the newline before the last blank
 * line) and its signature lines [{name, keyId, bytes (after the key id), line}]. Checks the form
 * only, no signature.
 */
export function parseNote(note) {
  if (typeof note !== 'string' || !validText(note)) {
    throw new Refusal('the note is not text without control characters other than newline');
  }
  const split = note.lastIndexOf('\n\n');
  if (split < 0) {
    throw new Refusal('the note has no blank line between its text and its signatures');
  }
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) {
    throw new Refusal('the note does not end with signature lines, each ending in a newline');
  }
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) {
    throw new Refusal(`the note has more than ${MAX_SIGNATURES} signature lines`);
  }
  const signatures = lines.map(line => {
    const space = line.indexOf(' ', 2);
    const name = space < 0 ? '' : line.slice(2, space);
    if (!line.startsWith(`${EM_DASH} `) || !validName(name)) {
      throw new Refusal(`malformed signature line ${JSON.stringify(line)}`);
    }
    const bytes = fromBase64(line.slice(space + 1), `the signature of ${name}`);
    if (bytes.length < 5) {
      throw new Refusal(`the signature line of ${name} is shorter than a key id and one byte`);
    }
    return {name, keyId: uint32(bytes, 0), bytes: bytes.slice(4), line};
  });
  return {text, signatures};
}

/** Parses a tlog-checkpoint text strictly: `<origin>\n<size>\n<base64 root>\n`, nothing else. */
export function parseCheckpoint(text) {
  if (!text.endsWith('\n')) {
    throw new Refusal('the checkpoint does not end with a newline');
  }
  const lines = text.slice(0, -1).split('\n');
  if (lines.length !== 3) {
    throw new Refusal(`a checkpoint has exactly three lines (origin, tree size, root hash), this one has ${lines.length}`);
  }
  const [origin, size, root] = lines;
  if (!validName(origin)) {
    throw new Refusal(`the checkpoint's origin ${JSON.stringify(origin)} is not a valid log name`);
  }
  if (!/^(0|[1-9][0-9]{0,18})$/.test(size) || BigInt(size) > MAX_SIZE) {
    throw new Refusal(`the checkpoint's tree size ${JSON.stringify(size)} is not a plain decimal number`);
  }
  const rootHash = fromBase64(root, 'the checkpoint\'s root hash');
  if (rootHash.length !== 32) {
    throw new Refusal(`the checkpoint's root hash has ${rootHash.length} bytes, not 32`);
  }
  if (BigInt(size) > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Refusal(`the checkpoint's tree size ${size} is beyond what this page computes with`);
  }
  return {text, origin, size: Number(size), root: rootHash};
}

/**
 * Opens a signed checkpoint note with the log's key: every line of that key must verify and at least
 * one must be there; the origin must be the key's name; the size must not be 0. Lines of other keys
 * (cosignatures) are ignored here. With `ed25519` false (no Ed25519 in this browser) the signature
 * is not checked and `signatureChecked` says so. Answers {checkpoint, note, signatureChecked}.
 */
export async function openCheckpoint(noteText, logKey) {
  const note = parseNote(noteText);
  const checkpoint = parseCheckpoint(note.text);
  const mine = note.signatures.filter(s => s.name === logKey.name && s.keyId === logKey.keyId);
  const signer = `${logKey.name} (key id ${logKey.keyIdHex})`;
  if (mine.length === 0) {
    throw new Refusal(`the checkpoint carries no signature by the log key ${signer}`);
  }
  if (checkpoint.origin !== logKey.name) {
    throw new Refusal(`the checkpoint's origin ${checkpoint.origin} is not the name of the log key ${logKey.name}`);
  }
  if (checkpoint.size === 0) {
    throw new Refusal('a checkpoint of size 0 is never signed');
  }
  let signatureChecked = true;
  for (const signature of mine) {
    try {
      if (!(await verifySignature(logKey.publicKey, utf8.encode(note.text), signature.bytes))) {
        throw new Refusal(`the signature by ${signer} does not verify: the checkpoint or its signature was altered`);
      }
    } catch (error) {
      if (!(error instanceof Ed25519Unsupported)) {
        throw error;
      }
      signatureChecked = false;
    }
  }
  return {checkpoint, note, signatureChecked};
}

/** What a tlog-cosignature/v1 signs: `cosignature/v1\ntime <timestamp>\n` and the checkpoint text. */
export function cosignatureMessage(checkpointText, timestamp) {
  return utf8.encode(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

/**
 * The note's cosignatures by the witness key, each checked over the checkpoint's text:
 * [{timestamp (seconds, a number), at (ISO time), ok}]. Empty when the witness did not cosign.
 * Throws Ed25519Unsupported when a line exists but the browser cannot check it.
 */
export async function cosignatures(note, checkpoint, witnessKey) {
  const found = [];
  for (const signature of note.signatures) {
    if (signature.name !== witnessKey.name || signature.keyId !== witnessKey.keyId) {
      continue;
    }
    const bytes = signature.bytes;
    const timestamp = bytes.length === 72 ? uint64(bytes, 0) : -1n;
    const ok = timestamp >= 0n && timestamp <= MAX_SIZE
      && await verifySignature(witnessKey.publicKey, cosignatureMessage(checkpoint.text, timestamp), bytes.slice(8));
    const seconds = Number(timestamp);
    found.push({timestamp: seconds, at: ok ? new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z') : null, ok});
  }
  return found;
}

// ------------------------------------------------------------------ a unit's proof, and a certificate

/**
 * Checks one entry of a unit's proof against an opened checkpoint: the event is canonical JSON, its
 * own seq is the item's, the leaf index is seq - 1, and the inclusion proof leads from SHA-256(0x00 ||
 * event bytes) to the checkpoint's root. Answers {seq, event} or throws a Refusal naming the entry.
 */
export async function checkEntry(item, checkpoint) {
  const seq = item && item.seq;
  if (!Number.isSafeInteger(seq) || seq < 1 || typeof item.eventJson !== 'string' || !Array.isArray(item.hashes)) {
    throw new Refusal('an entry of the proof lacks its seq, event or hashes');
  }
  const event = parseCanonicalEvent(item.eventJson, `the event of entry ${seq}`);
  if (event.seq !== seq) {
    throw new Refusal(`entry ${seq}'s event says it is entry ${event.seq}`);
  }
  if (item.leafIndex !== seq - 1) {
    throw new Refusal(`entry ${seq} is given as leaf ${item.leafIndex}, not leaf ${seq - 1}`);
  }
  if (seq > checkpoint.size) {
    throw new Refusal(`entry ${seq} is beyond checkpoint ${checkpoint.size}`);
  }
  const proof = item.hashes.map(h => fromBase64(h, `a proof hash of entry ${seq}`));
  if (!(await verifyInclusion(await leafHash(item.eventJson), seq - 1, checkpoint.size, proof, checkpoint.root))) {
    throw new Refusal(`the inclusion proof of entry ${seq} does not lead to the root of checkpoint ${checkpoint.size}:`
      + ' the event or its proof was altered');
  }
  return {seq, event};
}

/**
 * Reads a retirement certificate's members (docs/hash-chain.md, "Retirement certificates"): event
 * (canonical JSON string), seq, checkpoint (the signed note, or an object with a note member) and
 * inclusion (base64 hashes). Others are ignored. Answers {event, eventText, seq, note, inclusion}.
 */
export function readCertificate(text) {
  let certificate;
  try {
    certificate = JSON.parse(text);
  } catch (error) {
    throw new Refusal('the certificate is not JSON');
  }
  if (certificate === null || typeof certificate !== 'object' || Array.isArray(certificate)) {
    throw new Refusal('the certificate is not a JSON object');
  }
  let note = certificate.checkpoint;
  if (note !== null && typeof note === 'object' && typeof note.note === 'string') {
    note = note.note;
  }
  const {event: eventText, seq, inclusion} = certificate;
  if (typeof eventText !== 'string' || !Number.isSafeInteger(seq) || typeof note !== 'string'
    || !Array.isArray(inclusion) || inclusion.some(h => typeof h !== 'string')) {
    throw new Refusal('a certificate needs "event" (a string), "seq" (an integer), "checkpoint" (the signed note)'
      + ' and "inclusion" (a list of base64 hashes)');
  }
  return {eventText, seq, note, inclusion};
}

/**
 * Verifies a retirement certificate as `verify-ledger.py certificate` does: the checkpoint's
 * signature by the log key, the event canonical, its seq the certificate's, a CreditsRetired, and
 * its inclusion proof leading to the checkpoint's root. Answers {event, opened} or throws a Refusal.
 */
export async function verifyCertificate(certificate, logKey) {
  const opened = await openCheckpoint(certificate.note, logKey);
  const event = parseCanonicalEvent(certificate.eventText, 'the certificate\'s event');
  if (event.seq !== certificate.seq) {
    throw new Refusal(`the certificate's seq ${certificate.seq} is not its event's seq ${event.seq}`);
  }
  if (event.type !== 'CreditsRetired') {
    throw new Refusal(`the certificate's event is a ${event.type}, not a retirement (CreditsRetired)`);
  }
  const item = {seq: certificate.seq, leafIndex: certificate.seq - 1, eventJson: certificate.eventText,
    hashes: certificate.inclusion};
  await checkEntry(item, opened.checkpoint);
  return {event, opened};
}

/** Decodes UTF-8 bytes strictly (a file chosen by the visitor). */
export function decodeUtf8(bytes, what) {
  try {
    return strictUtf8.decode(bytes);
  } catch (error) {
    throw new Refusal(`${what} is not UTF-8 text`);
  }
}

export const ALGORITHMS = Object.freeze({ED25519: ALG_ED25519, COSIGNATURE: ALG_COSIGNATURE});
