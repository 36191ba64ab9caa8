// Proof in the browser (docs/explorer.md): the latest signed checkpoint for everyone, a unit's history
// proven with a token, and a retirement certificate, each checked here with Web Crypto (proof.js).
// The page shows the outcome in sentences and every fact from the bytes that were proven, as text.

import {API, EVENT_NAMES, byId, cell, el, getJson, HttpError, number, numericCell, status, table, when} from './common.js';
import * as proof from './proof.js';

const MAX_PROOF_PAGES = 50;
const MAX_CERTIFICATE_BYTES = 1024 * 1024;
const NO_ED25519 = 'this browser\'s Web Crypto has no Ed25519';

let settlementUrl = null;
let keysRead = null;
let offered = null;
/** Counts the presses of each button, so that only the latest press's outcome is shown. */
const runs = {prove: 0, certificate: 0};

// ------------------------------------------------------------------ start

/** Wires the forms, then checks the latest checkpoint. */
export async function startProofs(settings) {
  settlementUrl = settings.settlementUrl;
  byId('prove-form').addEventListener('submit', event => {
    event.preventDefault();
    proveHistory();
  });
  byId('prove-forget').addEventListener('click', () => {
    byId('prove-token').value = '';
    status('prove-status', 'The token is forgotten: this page no longer holds it.');
  });
  byId('certificate-form').addEventListener('submit', event => {
    event.preventDefault();
    checkCertificate(byId('certificate-json').value);
  });
  byId('certificate-file').addEventListener('change', () => readCertificateFile(byId('certificate-file').files[0]));
  await showCheckpoint();
}

/** The log's key from this registry and the witness's key from settlement, read once. */
function keys() {
  if (!keysRead) {
    keysRead = readKeys().catch(error => {
      keysRead = null;
      throw error;
    });
  }
  return keysRead;
}

async function readKeys() {
  const published = await getJson(`${API}/ledger/keys`);
  const log = await proof.parseVerifierKey(published.logKey, proof.ALGORITHMS.ED25519);
  if (!settlementUrl) {
    return {log, witness: null, witnessProblem: 'this page knows no witness (no settlement service is configured)'};
  }
  try {
    const answer = await getJson(`${settlementUrl}/api/v1/witness/key`);
    return {log, witness: await proof.parseVerifierKey(answer.verifierKey, proof.ALGORITHMS.COSIGNATURE)};
  } catch (error) {
    return {log, witness: null, witnessProblem: `the witness's key could not be read from ${settlementUrl}: ${error.message}`};
  }
}

function signer(key) {
  return `${key.name} (key id ${key.keyIdHex})`;
}

/**
 * The witness's cosignature of an opened checkpoint: a line of the witness key in the note, or else
 * the one in the witness's own copy of that checkpoint (settlement), each checked over this
 * checkpoint's text. Answers {outcome: verified | failed | absent | unknown | unchecked, text}.
 */
async function cosignedBy(opened, known) {
  if (!known.witness) {
    return {outcome: 'unknown', text: `not checked: ${known.witnessProblem}`};
  }
  const witness = signer(known.witness);
  try {
    let found = await proof.cosignatures(opened.note, opened.checkpoint, known.witness);
    let source = '';
    if (found.length === 0) {
      found = await witnessCopy(opened, known.witness);
      source = found.length > 0 ? ' (read from the witness)' : '';
    }
    const good = found.find(c => c.ok);
    if (good) {
      return {outcome: 'verified', text: `cosigned by ${witness} at ${when(good.at)}${source}`};
    }
    if (found.length > 0) {
      return {outcome: 'failed', text: `the cosignature by ${witness} does not verify (forged, or made for another checkpoint)`};
    }
    return {outcome: 'absent', text: `not cosigned yet by ${witness}: the witness cosigns a checkpoint once its own copy of the ledger reaches it`};
  } catch (error) {
    if (error instanceof proof.Ed25519Unsupported) {
      return {outcome: 'unchecked', text: `the cosignature by ${witness} was not checked: ${NO_ED25519}`};
    }
    throw error;
  }
}

/** The witness's own cosignatures of this tree size, or none when it has not cosigned it (or is unreachable). */
async function witnessCopy(opened, witness) {
  let answer;
  try {
    answer = await getJson(`${settlementUrl}/api/v1/witness/checkpoints/${opened.checkpoint.size}`);
  } catch (error) {
    return [];
  }
  try {
    return await proof.cosignatures(proof.parseNote(answer.note), opened.checkpoint, witness);
  } catch (error) {
    if (error instanceof proof.Refusal) {
      return [];
    }
    throw error;
  }
}

/** A verdict as text with a mark; the mark is decoration, the words carry the meaning. */
function verdict(outcome, text, id = null) {
  const mark = outcome === 'verified' ? '✓' : outcome === 'failed' ? '✗' : '–';
  return el('span', {class: 'verdict', id, 'data-outcome': outcome}, el('span', {'aria-hidden': 'true'}, `${mark} `), text);
}

function signatureVerdict(opened, logKey, id) {
  return opened.signatureChecked
    ? verdict('verified', `verified: signed by ${signer(logKey)}`, id)
    : verdict('unchecked', `not checked: ${NO_ED25519}`, id);
}

/**
 * The one-sentence outcome: verified (signature checked, cosignature not failed), partly verified
 * (no Ed25519 here) or could not verify. `what` says what was proven, e.g. "checkpoint 12".
 */
function summary(what, opened, logKey, cosigned) {
  if (cosigned.outcome === 'failed') {
    return {kind: 'error', text: `Could not verify: ${cosigned.text}.`};
  }
  if (!opened.signatureChecked) {
    return {kind: 'warning', text: `Partly verified in your browser: ${what}, but ${NO_ED25519}, so the checkpoint's `
        + `signature by ${signer(logKey)} was not checked.`};
  }
  const witness = cosigned.outcome === 'verified' ? `, ${cosigned.text}` : `; ${cosigned.text}`;
  return {kind: 'ok', text: `Verified in your browser: ${what}, signed by ${signer(logKey)}${witness}.`};
}

function failure(error) {
  if (error instanceof proof.Refusal || error instanceof HttpError) {
    return `Could not verify: ${error.message}.`;
  }
  return `Could not verify: ${error && error.message ? error.message : error}.`;
}

// ------------------------------------------------------------------ the latest checkpoint, for everyone

async function showCheckpoint() {
  const body = byId('checkpoint-body');
  body.replaceChildren();
  status('checkpoint-status', 'Checking the latest signed checkpoint in your browser…');
  let known;
  let latest;
  try {
    known = await keys();
    latest = await getJson(`${API}/ledger/checkpoints/latest`);
  } catch (error) {
    status('checkpoint-status', unavailable(error), 'error');
    return;
  }
  body.append(...keyFacts(known));
  let opened;
  try {
    opened = await proof.openCheckpoint(latest.note, known.log);
    if (latest.treeSize !== opened.checkpoint.size || latest.rootHash !== proof.toBase64(opened.checkpoint.root)) {
      throw new proof.Refusal('the tree size or root the registry lists differ from those its note signs');
    }
  } catch (error) {
    body.prepend(el('dt', {}, 'Log signature'), el('dd', {}, verdict('failed', error.message, 'checkpoint-signature')));
    status('checkpoint-status', failure(error), 'error');
    return;
  }
  const cosigned = await cosignedBy(opened, known);
  const size = opened.checkpoint.size;
  body.prepend(
    el('dt', {}, 'Checkpoint'), el('dd', {id: 'checkpoint-size', 'data-value': size}, `entries 1 to ${number(size)}`),
    el('dt', {}, 'Root hash'), el('dd', {}, el('code', {class: 'hash', id: 'checkpoint-root'}, proof.toBase64(opened.checkpoint.root))),
    el('dt', {}, 'Signed at'), el('dd', {}, when(latest.createdAt)),
    el('dt', {}, 'Log signature'), el('dd', {}, signatureVerdict(opened, known.log, 'checkpoint-signature')),
    el('dt', {}, 'Cosignature'), el('dd', {}, verdict(cosigned.outcome, cosigned.text, 'checkpoint-cosignature')));
  const outcome = summary(`checkpoint ${size}`, opened, known.log, cosigned);
  status('checkpoint-status', outcome.text, outcome.kind);
}

function unavailable(error) {
  if (error instanceof HttpError && error.code === 'checkpoints_disabled') {
    return 'This registry signs no checkpoints, so there is nothing to check here.';
  }
  if (error instanceof HttpError && error.code === 'checkpoint_not_found') {
    return 'No checkpoint has been signed yet: the registry signs one shortly after its ledger grows.';
  }
  return `Could not read the checkpoint: ${error.message}.`;
}

function keyFacts(known) {
  return [
    el('dt', {}, 'Log key'), el('dd', {}, el('code', {class: 'hash', id: 'log-key'}, known.log.text),
      el('br'), `Key id ${known.log.keyIdHex}. Compare it with the key the registry's operator publishes; this page read it from this registry.`),
    el('dt', {}, 'Witness key'), el('dd', {}, known.witness
      ? [el('code', {class: 'hash', id: 'witness-key'}, known.witness.text), el('br'),
        `Key id ${known.witness.keyIdHex}, read from the witness (settlement) at ${settlementUrl}.`]
      : known.witnessProblem),
  ];
}

// ------------------------------------------------------------------ a unit's history, with a token

/** Shows the "Prove this history" form for the unit on screen; `seqs` are the entries its public history lists. */
export function offerProof(query, seqs) {
  offered = {query, seqs};
  byId('prove-query').textContent = query;
  byId('prove-form').hidden = false;
}

/** Hides the form and any earlier proof (another unit is being looked up). */
export function withdrawProof() {
  offered = null;
  byId('prove-form').hidden = true;
  byId('prove-result').replaceChildren();
  status('prove-status', '');
}

/** A token as typed or pasted, without a leading "Bearer ". */
function bearer(text) {
  return text.trim().replace(/^Bearer\s+/i, '');
}

/** A URL of this registry's own origin: the only place the token is ever sent. */
function ownOrigin(path) {
  const url = new URL(path, window.location.origin);
  if (url.origin !== window.location.origin) {
    throw new Error('the token is sent to this registry only');
  }
  return url.href;
}

async function proveHistory() {
  const run = ++runs.prove;
  const asked = offered;
  const token = bearer(byId('prove-token').value);
  byId('prove-result').replaceChildren();
  if (!asked || !token) {
    status('prove-status', 'Enter a token first: the entries are not public.', 'error');
    return;
  }
  status('prove-status', `Reading the proof of ${asked.query} and checking it in your browser…`);
  try {
    const read = await readProof(asked.query, token);
    const known = await keys();
    const opened = await proof.openCheckpoint(read.note, known.log);
    const results = [];
    for (const item of read.items) {
      results.push(await checked(item, opened.checkpoint));
    }
    const cosigned = await cosignedBy(opened, known);
    if (offered !== asked || run !== runs.prove) {
      return;
    }
    byId('prove-result').append(entriesTable(results, opened.checkpoint.size), comparison(asked.seqs, results, opened.checkpoint.size));
    const outcome = historySummary(asked.query, read.complete, results, opened, known.log, cosigned);
    status('prove-status', outcome.text, outcome.kind);
  } catch (error) {
    if (offered === asked && run === runs.prove) {
      status('prove-status', failure(error), 'error');
    }
  }
}

/** Every page of the unit's proof; all pages must prove against the same signed note. */
async function readProof(query, token) {
  const items = [];
  let note = null;
  let after = null;
  for (let page = 0; page < MAX_PROOF_PAGES; page++) {
    const url = ownOrigin(`${API}/units/${encodeURIComponent(query)}/proof${after ? `?after=${encodeURIComponent(after)}` : ''}`);
    const answer = await getJson(url, {Authorization: `Bearer ${token}`});
    const pageNote = answer.checkpoint && answer.checkpoint.note;
    if (note !== null && pageNote !== note) {
      throw new proof.Refusal('the pages of the proof lead to different checkpoints');
    }
    note = pageNote;
    items.push(...(answer.items || []));
    after = answer.next;
    if (!after) {
      return {note, items, complete: true};
    }
  }
  return {note, items, complete: false};
}

async function checked(item, checkpoint) {
  try {
    return {ok: true, ...(await proof.checkEntry(item, checkpoint))};
  } catch (error) {
    if (!(error instanceof proof.Refusal)) {
      throw error;
    }
    return {ok: false, seq: item && item.seq, reason: error.message};
  }
}

function historySummary(query, complete, results, opened, logKey, cosigned) {
  const size = opened.checkpoint.size;
  const failed = results.filter(r => !r.ok);
  if (results.length === 0) {
    return {kind: 'error', text: `Could not verify: no entry of ${query} is covered by checkpoint ${size} yet; try again after the next checkpoint.`};
  }
  if (failed.length > 0) {
    return {kind: 'error', text: `Could not verify: ${failed[0].reason}. ${results.length - failed.length} of ${results.length}`
        + ' entries verified.'};
  }
  const more = complete ? '' : ' (the first pages only: the proof is longer than this page reads)';
  return summary(`these ${results.length} entries${more} are entries of checkpoint ${size}`, opened, logKey, cosigned);
}

function entriesTable(results, size) {
  const rows = results.map(r => {
    if (!r.ok) {
      return el('tr', {'data-seq': r.seq, 'data-outcome': 'failed'},
        el('th', {scope: 'row'}, String(r.seq)), cell(verdict('failed', r.reason)),
        cell(''), cell(''), cell(''), cell(''), cell(''), cell(''), cell(''));
    }
    const facts = eventFacts(r.event);
    return el('tr', {'data-seq': r.seq, 'data-outcome': 'verified', 'data-type': r.event.type},
      el('th', {scope: 'row'}, String(r.seq)), cell(verdict('verified', 'proven')),
      cell(facts.name, {class: 'event'}), cell(when(facts.at)), numericCell(facts.quantity, 'quantity'),
      cell(facts.units.join(', '), {class: 'serials'}), cell(facts.from), cell(facts.to), cell(factList(facts.others)));
  });
  return el('div', {class: 'scroll'}, table(`Entries proven against checkpoint ${size}, facts read from the proven bytes`,
    ['Entry', 'Check', 'Event', 'When', {label: 'Quantity', numeric: true}, 'Units', 'From account', 'To account',
      'Other facts'], rows, {id: 'proof-entries', class: 'stack'}));
}

/** How the public history on the page compares with the proven entries up to the checkpoint. */
function comparison(publicSeqs, results, size) {
  const proven = new Set(results.map(r => r.seq));
  const covered = publicSeqs.filter(s => s <= size);
  const later = publicSeqs.length - covered.length;
  const missing = covered.filter(s => !proven.has(s));
  const extra = [...proven].filter(s => !publicSeqs.includes(s));
  const newer = later > 0 ? ` Its ${later} newer entr${later === 1 ? 'y comes' : 'ies come'} with a later checkpoint.` : '';
  const text = missing.length === 0 && extra.length === 0
    ? `The public history above lists the same ${covered.length} entries up to checkpoint ${size}.${newer}`
    : `The public history above differs from the proven entries up to checkpoint ${size}:`
      + (missing.length > 0 ? ` it lists entries ${missing.join(', ')}, which the proof does not contain;` : '')
      + (extra.length > 0 ? ` the proof contains entries ${extra.join(', ')}, which it does not list;` : '')
      + ' the proven entries are what the log signed.' + newer;
  return el('p', {id: 'prove-compare', class: 'note'}, text);
}

// ------------------------------------------------------------------ an event's facts, from its bytes

function serial(projectId, vintage, first, last) {
  return `JCM-${projectId}-${vintage}-${first}-${last}`;
}

const SHOWN = new Set(['seq', 'type', 'at', 'quantity', 'totalQuantity', 'ranges', 'allocations', 'fromAccountId',
  'toAccountId', 'projectId', 'vintage']);

/** What an event states: its kind, time, quantity, units and accounts, and its other members. */
function eventFacts(event) {
  const ranges = Array.isArray(event.ranges) ? event.ranges.filter(r => r && typeof r === 'object') : [];
  const allocations = Array.isArray(event.allocations) ? event.allocations.filter(a => a && typeof a === 'object') : [];
  const units = [...ranges.map(r => serial(r.projectId, r.vintage, r.first, r.last)),
    ...allocations.map(a => serial(event.projectId, event.vintage, a.first, a.last))];
  const to = event.toAccountId ?? [...new Set(allocations.map(a => a.accountId))].join(', ');
  const others = Object.entries(event).filter(([name]) => !SHOWN.has(name) || (name === 'projectId' && units.length === 0)
    || (name === 'vintage' && units.length === 0));
  return {name: EVENT_NAMES[event.type] ?? String(event.type), at: typeof event.at === 'string' ? event.at : '',
    quantity: event.quantity ?? event.totalQuantity ?? null, units, from: event.fromAccountId ?? '', to: to ?? '', others};
}

function factList(entries) {
  return el('ul', {class: 'details'}, entries.map(([name, value]) => el('li', {}, `${name}: ${factValue(name, value)}`)));
}

function factValue(name, value) {
  if (name === 'actor' && value && typeof value === 'object') {
    return [value.role, value.subject, value.scope ? `for ${value.scope}` : null].filter(Boolean).join(' ');
  }
  return value !== null && typeof value === 'object' ? proof.canonicalJson(value) : String(value);
}

// ------------------------------------------------------------------ a retirement certificate

async function readCertificateFile(file) {
  if (!file) {
    return;
  }
  if (file.size > MAX_CERTIFICATE_BYTES) {
    status('certificate-status', `Could not verify: the file is larger than ${number(MAX_CERTIFICATE_BYTES)} bytes.`, 'error');
    return;
  }
  try {
    const text = proof.decodeUtf8(new Uint8Array(await file.arrayBuffer()), 'the file');
    byId('certificate-json').value = text;
    await checkCertificate(text);
  } catch (error) {
    status('certificate-status', failure(error), 'error');
  }
}

/** The certificate's JSON: the text itself, or the JSON embedded in a saved certificate page. */
function certificateJson(text) {
  const trimmed = text.trim();
  if (!trimmed.startsWith('<')) {
    return trimmed;
  }
  // Parsing does not run the page's scripts; only the embedded JSON's text is read.
  const page = new DOMParser().parseFromString(trimmed, 'text/html');
  const embedded = page.querySelector('script#certificate[type="application/json"]');
  if (!embedded) {
    throw new proof.Refusal('the page holds no embedded certificate (script#certificate)');
  }
  return embedded.textContent;
}

async function checkCertificate(text) {
  const run = ++runs.certificate;
  const result = byId('certificate-result');
  result.replaceChildren();
  if (!text.trim()) {
    status('certificate-status', 'Paste a certificate\'s JSON or choose its file first.', 'error');
    return;
  }
  status('certificate-status', 'Checking the certificate in your browser…');
  let certificate;
  try {
    certificate = proof.readCertificate(certificateJson(text));
  } catch (error) {
    status('certificate-status', failure(error), 'error');
    return;
  }
  let verified = false;
  let outcome;
  try {
    const known = await keys();
    const {opened} = await proof.verifyCertificate(certificate, known.log);
    const cosigned = await cosignedBy(opened, known);
    outcome = summary(`retirement seq ${certificate.seq} is entry ${certificate.seq} of checkpoint ${opened.checkpoint.size}`,
      opened, known.log, cosigned);
    verified = outcome.kind === 'ok';
  } catch (error) {
    outcome = {kind: 'error', text: failure(error)};
  }
  if (run !== runs.certificate) {
    return;
  }
  result.append(certificateFacts(certificate, verified));
  status('certificate-status', outcome.text, outcome.kind);
}

function certificateFacts(certificate, verified) {
  let event = null;
  try {
    event = JSON.parse(certificate.eventText);
  } catch (ignored) {
    // Not JSON: nothing to show; the verdict says why.
  }
  const heading = el('h3', {}, verified ? 'What the certificate\'s event states (verified)'
    : 'What the certificate\'s event states (not verified)');
  if (!event || typeof event !== 'object') {
    return el('div', {id: 'certificate-view', 'data-verified': String(verified)}, heading, el('p', {}, 'Its event is not a JSON object.'));
  }
  const facts = eventFacts(event);
  const rows = [
    ['Entry', String(certificate.seq)], ['Event', facts.name], ['When', when(facts.at)], ['Quantity', number(facts.quantity)],
    ['Units', facts.units.join(', ')], ['From account', facts.from],
    ...facts.others.map(([name, value]) => [name, factValue(name, value)]),
  ];
  return el('div', {id: 'certificate-view', 'data-verified': String(verified)}, heading,
    el('dl', {class: 'facts', id: 'certificate-facts'}, rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])));
}
