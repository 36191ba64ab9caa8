// What the explorer's modules share: building elements (every text from an API goes in as text,
// never as markup), status lines, formats, and reading JSON with the answer's problem code.

import {language} from './i18n.js';

export const API = '/api/v1';
const SVG = 'http://www.w3.org/2000/svg';

export const EVENT_NAMES = {
  CreditsIssued: 'Issuance',
  CreditsTransferred: 'Transfer',
  CreditsRetired: 'Retirement',
  CreditsCancelled: 'Cancellation',
  UnitsAuthorized: 'Authorization',
  AuthorizationAmended: 'Authorization amended',
  AuthorizationRevoked: 'Authorization revoked',
  FirstTransferRecorded: 'First transfer',
  CorrespondingAdjustmentApplied: 'Corresponding adjustment',
};

const integer = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});

/** An element with attributes (null and false left out) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
}

export function byId(id) {
  return document.getElementById(id);
}

export function number(value) {
  return value === null || value === undefined ? '' : integer.format(value);
}

export function when(at) {
  return at ? at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC') : '';
}

/** A table with a caption, column headers and rows of cells (strings, nodes or {text, attrs} objects). */
export function table(caption, headers, rows, attributes = {}, footer = []) {
  // Each cell carries its column's name, which narrow screens show next to it (explorer.css).
  const labels = headers.map(h => h.label ?? h);
  for (const row of [...rows, ...footer]) {
    [...row.children].forEach((c, i) => c.setAttribute('data-label', labels[i] ?? ''));
  }
  return el('table', attributes,
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {scope: 'col', class: h.cls ?? (h.numeric ? 'num' : null)}, h.label ?? h)))),
    el('tbody', {}, rows),
    footer.length > 0 ? el('tfoot', {}, footer) : null);
}

export function cell(content, attributes = {}) {
  return el('td', attributes, content);
}

export function numericCell(value, key) {
  return el('td', {class: 'num', 'data-key': key, 'data-value': value}, number(value));
}

/** An answer that is not 2xx: its status and, from a problem+json body, its code and detail. */
export class HttpError extends Error {
  constructor(status, code, detail) {
    super(`${detail ?? 'the request failed'} (HTTP ${status}${code ? `, ${code}` : ''})`);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

/**
 * GETs JSON in the reader's language (Accept-Language: problem titles and details follow it);
 * `headers` are added to the request (the proof sends its token this way, same origin only).
 */
export async function getJson(url, headers = {}) {
  const response = await fetch(url, {headers: {Accept: 'application/json', 'Accept-Language': language(), ...headers}});
  if (!response.ok) {
    let code = null;
    let detail = null;
    try {
      const problem = await response.json();
      code = typeof problem.code === 'string' ? problem.code : null;
      detail = problem.detail || problem.title || null;
    } catch (ignored) {
      // Not problem+json: the status says enough.
    }
    throw new HttpError(response.status, code, detail);
  }
  return response.json();
}

export function status(id, text, kind = 'info') {
  const node = byId(id);
  node.textContent = text;
  node.dataset.kind = kind;
  node.hidden = !text;
}
