// The public JCM registry explorer: plain fetch against the registry's public API (same origin) and
// settlement's public feeds (another origin, allowed by its CORS settings; docs/explorer.md).
// Every text from the API reaches the page through textContent, never as markup.

import {API, EVENT_NAMES, byId, cell, el, getJson, HttpError, number, numericCell, status, svg, table, when} from './common.js';
import {applyLanguage, t} from './i18n.js';
import {loadPartners} from './partners.js';
import {loadReviewTimes} from './review-times.js';
import {offerProof, startProofs, withdrawProof} from './proof-view.js';

const MAX_PROJECT_PAGES = 20;
const MAX_HISTORY_PAGES = 20;
const RECENT_RETIREMENTS = 20;

/** What the Article 6 label of an instrument's units means. */
const LABELS = {
  NONE: 'units without Article 6.2 authorization',
  AUTHORIZED: 'authorized units (ITMOs)',
  CA_APPLIED: 'authorized units with the corresponding adjustment applied',
};

const partyNames = new Map();

// ------------------------------------------------------------------ small helpers

function party(code) {
  if (!code) {
    return '';
  }
  const name = partyNames.get(code);
  return name ? `${name} (${code})` : code;
}

// ------------------------------------------------------------------ totals

async function loadTotals() {
  const summary = await getJson(`${API}/reports/summary`);
  const body = byId('totals-body');
  body.replaceChildren();
  if (summary.rows.length === 0) {
    status('totals-status', 'No units have been issued yet.');
    return;
  }
  const all = {issued: 0, held: 0, retired: 0, cancelled: 0};
  const rows = summary.rows.map(row => {
    for (const key of Object.keys(all)) {
      all[key] += row[key];
    }
    return el('tr', {'data-party': row.hostParty, 'data-vintage': row.vintage},
      el('th', {scope: 'row'}, party(row.hostParty)),
      cell(String(row.vintage), {'data-key': 'vintage'}),
      numericCell(row.issued, 'issued'),
      numericCell(row.held, 'held'),
      numericCell(row.retired, 'retired'),
      numericCell(row.cancelled, 'cancelled'),
      el('td', {class: 'share'}, shareBar(row)));
  });
  const headers = ['Host Party', 'Vintage', {label: 'Issued', numeric: true}, {label: 'Held', numeric: true},
    {label: 'Retired', numeric: true}, {label: 'Cancelled', numeric: true}, {label: 'Held / retired / cancelled', cls: 'share'}];
  const sums = el('tr', {'data-party': 'ALL'},
    el('th', {scope: 'row'}, 'All'), cell(''),
    numericCell(all.issued, 'issued'), numericCell(all.held, 'held'), numericCell(all.retired, 'retired'),
    numericCell(all.cancelled, 'cancelled'), el('td', {class: 'share'}, shareBar(all)));
  body.append(table(`Units per host Party and vintage, as of ledger entry ${summary.asOfSeq}`, headers, rows,
    {id: 'totals-table', class: 'stack', 'data-as-of-seq': summary.asOfSeq}, [sums]), legend());
  status('totals-status', '');
}

/** A horizontal bar split into held, retired and cancelled; the numbers are in the row, so it is decoration. */
function shareBar(row) {
  const width = 120;
  const parts = [['held', row.held], ['retired', row.retired], ['cancelled', row.cancelled]];
  const total = parts.reduce((sum, [, value]) => sum + value, 0);
  const bar = svg('svg', {viewBox: `0 0 ${width} 12`, width, height: 12, 'aria-hidden': 'true', focusable: 'false'});
  let x = 0;
  for (const [kind, value] of parts) {
    if (total > 0 && value > 0) {
      const w = width * value / total;
      bar.append(svg('rect', {x: x.toFixed(2), y: 0, width: w.toFixed(2), height: 12, class: `fill-${kind}`}));
      x += w;
    }
  }
  return bar;
}

function legend() {
  return el('p', {class: 'legend share', 'aria-hidden': 'true'},
    ['held', 'retired', 'cancelled'].map(kind => el('span', {}, el('span', {class: `swatch fill-${kind}`}), kind)));
}

// ------------------------------------------------------------------ projects

async function loadProjects() {
  const projects = [];
  let after = null;
  for (let page = 0; page < MAX_PROJECT_PAGES; page++) {
    const list = await getJson(`${API}/projects?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    projects.push(...list.items);
    after = list.next;
    if (!after) {
      break;
    }
  }
  const body = byId('projects-body');
  body.replaceChildren();
  if (projects.length === 0) {
    status('projects-status', 'No project has been registered yet.');
    return;
  }
  for (const project of projects) {
    body.append(projectCard(project));
  }
  status('projects-status', after ? `The first ${projects.length} projects.` : '');
}

function projectCard(project) {
  const issued = project.issuances.reduce((sum, i) => sum + i.totalQuantity, 0);
  const titleId = `project-${project.id}`;
  return el('article', {class: 'card project', 'aria-labelledby': titleId, 'data-project': project.id},
    el('h3', {id: titleId}, `${project.id}: ${project.title}`),
    el('dl', {class: 'facts'},
      el('dt', {}, 'Host Party'), el('dd', {}, party(project.hostParty)),
      el('dt', {}, 'Registry'), el('dd', {}, project.registryId),
      el('dt', {}, 'Methodology'), el('dd', {}, project.methodologyId),
      el('dt', {}, 'Participants'), el('dd', {}, project.participants.map(p => p.name ?? p.organizationId ?? '').join(', ')),
      el('dt', {}, 'Issued'), el('dd', {}, `${number(issued)} t in ${project.issuances.length} issuance(s)`)),
    project.issuances.map(issuance => issuanceDetails(issuance, project.issuances.length <= 3)));
}

/** An issuance and its allocations; open from the start when the project has only a few. */
function issuanceDetails(issuance, open) {
  const rows = issuance.allocations.map(a => el('tr', {},
    el('th', {scope: 'row'}, unitLink(a.serial)),
    cell(a.registryId),
    numericCell(a.quantity, 'quantity'),
    cell(a.firstItmoId ? `${a.firstItmoId} … ${a.lastItmoId}` : 'none (no cooperative approach)')));
  return el('details', {class: 'issuance', 'data-issuance': issuance.id, open},
    el('summary', {}, `Issuance ${issuance.id}: ${number(issuance.totalQuantity)} t of vintage ${issuance.vintage}, `
      + `issued ${when(issuance.issuedAt)}`),
    el('p', {}, `Monitoring period ${issuance.monitoringPeriodStart} to ${issuance.monitoringPeriodEnd}`
      + (issuance.issuanceRequestId ? `, request ${issuance.issuanceRequestId}` : '') + '.'),
    el('div', {class: 'scroll'}, table(`Allocations of issuance ${issuance.id}`,
      ['Serial', 'Registry', {label: 'Quantity', numeric: true}, 'ITMO ids'], rows, {class: 'stack'})));
}

/** A link that looks the serial up in the unit search. */
function unitLink(serial) {
  return el('a', {href: `#unit=${encodeURIComponent(serial)}`}, serial);
}

// ------------------------------------------------------------------ units

function askedUnit() {
  const match = /^#unit=(.+)$/.exec(window.location.hash);
  if (!match) {
    return null;
  }
  try {
    return decodeURIComponent(match[1]).trim();
  } catch (ignored) {
    return null;
  }
}

async function showAskedUnit() {
  const query = askedUnit();
  if (!query) {
    return;
  }
  byId('unit-query').value = query;
  await lookUp(query);
}

async function lookUp(query) {
  const result = byId('unit-result');
  result.replaceChildren();
  withdrawProof();
  status('unit-status', `Looking up ${query}…`);
  let lookup;
  const history = [];
  try {
    let after = null;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const url = `${API}/units/${encodeURIComponent(query)}${after ? `?after=${encodeURIComponent(after)}` : ''}`;
      const answer = await getJson(url);
      lookup = lookup ?? answer;
      history.push(...answer.history);
      after = answer.next;
      if (!after) {
        break;
      }
    }
  } catch (error) {
    const text = error instanceof HttpError && error.status === 404 ? `No units named ${query} were issued.`
      : error instanceof HttpError && error.status === 400
        ? `${query} is neither a serial nor an ITMO id${error.detail ? `: ${error.detail}` : '.'}`
        : `The lookup failed: ${error.message}`;
    status('unit-status', text, 'error');
    return;
  }
  result.append(unitView(lookup, history));
  status('unit-status', `${history.length} event(s) touched the units of ${query}.`);
  offerProof(query, history.map(e => e.seq));
}

function unitView(lookup, history) {
  const blocks = lookup.blocks.map(b => el('tr', {},
    el('th', {scope: 'row'}, b.serial),
    cell(b.status), cell(b.label), cell(b.caState ?? ''), cell(b.firstTransferred ? 'yes' : 'no'),
    cell(b.holder ? `${b.holder.registryId} ${b.holder.accountType.toLowerCase()}` : ''),
    numericCell(b.quantity, 'quantity')));
  const events = history.map(e => el('tr', {'data-seq': e.seq, 'data-type': e.type},
    el('th', {scope: 'row'}, String(e.seq)),
    cell(EVENT_NAMES[e.type] ?? e.type, {class: 'event'}),
    cell(when(e.at)),
    cell(e.serials.join(', '), {class: 'serials'}),
    numericCell(e.quantity, 'quantity'),
    cell(holder(e.from)), cell(holder(e.to)),
    cell(details(e.details))));
  return el('div', {class: 'unit', id: 'unit-view', 'data-query': lookup.query},
    el('dl', {class: 'facts'},
      el('dt', {}, 'Host Party'), el('dd', {}, party(lookup.hostParty)),
      el('dt', {}, 'Project'), el('dd', {}, lookup.projectId),
      el('dt', {}, 'Vintage'), el('dd', {}, String(lookup.vintage)),
      el('dt', {}, 'Units'), el('dd', {}, `${number(lookup.firstUnit)} to ${number(lookup.lastUnit)}`
        + ` (${number(lookup.quantity)} issued)`)),
    el('div', {class: 'scroll'}, table(`Live blocks holding the units${lookup.moreBlocks ? ' (the first 1,000)' : ''}`,
      ['Serial', 'Status', 'Label', 'Corresponding adjustment', 'First transferred', 'Held in',
        {label: 'Quantity', numeric: true}], blocks, {id: 'unit-blocks', class: 'stack'})),
    el('div', {class: 'scroll'}, table('History, oldest first',
      ['Entry', 'Event', 'When', 'Serials', {label: 'Quantity', numeric: true}, 'From', 'To', 'Details'], events,
      {id: 'unit-history', class: 'stack'})));
}

function holder(view) {
  return view ? `${view.registryId} ${view.accountType.toLowerCase()}` : '';
}

function details(map) {
  if (!map) {
    return '';
  }
  const list = el('ul', {class: 'details'});
  for (const [key, value] of Object.entries(map)) {
    if (key === 'allocations' && Array.isArray(value)) {
      list.append(el('li', {}, `allocations: ${value.map(a => `${a.serial} (${a.registryId})`).join(', ')}`));
    } else if (value !== null && typeof value !== 'object') {
      list.append(el('li', {}, `${key}: ${value}`));
    }
  }
  return list;
}

// ------------------------------------------------------------------ retirements

/**
 * A retirement's beneficiary and how the registry knows it: a registered organization (its name and
 * id), or a name as the retiring organization stated it, which nobody verified.
 */
function beneficiaryText(r) {
  if (r.beneficiaryKind === 'ORGANIZATION') {
    return `${r.beneficiary ?? r.beneficiaryOrganizationId} (registered organization ${r.beneficiaryOrganizationId})`;
  }
  if (r.beneficiaryKind === 'STATED') {
    return `${r.beneficiary} (as stated by the retiring organization)`;
  }
  return '(not named)';
}

async function loadRetirements() {
  const recent = await getJson(`${API}/reports/retirements/recent?limit=${RECENT_RETIREMENTS}`);
  const body = byId('retirements-body');
  body.replaceChildren();
  if (recent.rows.length === 0) {
    status('retirements-status', 'No units have been retired yet.');
    return;
  }
  const rows = recent.rows.map(r => el('tr', {'data-seq': r.seq},
    el('th', {scope: 'row'}, r.date),
    cell(r.retiringOrganization ?? r.retiringOrganizationId ?? '', {class: 'retired-by'}),
    cell(beneficiaryText(r), {class: 'beneficiary'}),
    cell(unitLink(r.serial)),
    numericCell(r.quantity, 'quantity'),
    cell(r.purpose + (r.usingParty ? ` for ${r.usingParty}` : '') + (r.yearOfUse ? ` (${r.yearOfUse})` : '')),
    cell(r.correspondingAdjustment ?? '')));
  body.append(table(`The latest ${recent.limit} retirements, newest first`,
    ['Date (Japan)', 'Retired by', 'Beneficiary', 'Serial', {label: 'Quantity', numeric: true}, 'Purpose', 'Corresponding adjustment'],
    rows, {id: 'retirements-table', class: 'stack'}));
  status('retirements-status', '');
}

// ------------------------------------------------------------------ published uses (docs/disclosure.md)

async function loadPublished() {
  const published = await getJson(`${API}/publications?limit=20`);
  const body = byId('published-body');
  body.replaceChildren();
  if (published.items.length === 0) {
    status('published-status', 'No organization has published its uses of credits yet.');
    return;
  }
  const rows = published.items.map(p => el('tr', {'data-publication': p.id},
    el('th', {scope: 'row'}, p.organization.name),
    cell(String(p.fiscalYear)),
    cell(p.scope === 'STATEMENT' ? 'Statement and uses' : 'Uses'),
    cell(el('a', {href: p.uses}, 'uses')),
    cell(p.statement ? el('a', {href: `${p.statement}?format=html`}, 'statement') : ''),
    cell(p.publishedAt)));
  body.append(table('The newest publications of organizations: the anonymized uses of their credits, and statements',
    ['Organization', 'Fiscal year', 'Published', 'Uses', 'Statement', 'Published at'], rows, {id: 'published-table', class: 'stack'}));
  status('published-status', '');
}

// ------------------------------------------------------------------ prices

async function loadPrices(settlementUrl) {
  const body = byId('prices-body');
  body.replaceChildren();
  if (!settlementUrl) {
    status('prices-status', 'Price charts are off: this registry has no settlement service configured (jcm.explorer.settlement-url).');
    return;
  }
  const instruments = (await getJson(`${settlementUrl}/api/v1/instruments`)).items
    .filter(i => i.lastPrices && i.lastPrices.length > 0);
  if (instruments.length === 0) {
    status('prices-status', 'No priced trades have been settled yet.');
    return;
  }
  for (const instrument of instruments) {
    for (const last of instrument.lastPrices) {
      const bars = [];
      let after = null;
      do {
        const url = `${settlementUrl}/api/v1/feeds/ohlcv?instrument=${encodeURIComponent(instrument.instrument)}`
          + `&currency=${encodeURIComponent(last.currency)}&interval=1d&limit=1000`
          + (after ? `&after=${encodeURIComponent(after)}` : '');
        const page = await getJson(url);
        bars.push(...page.items);
        after = page.next;
      } while (after && bars.length < 5000);
      body.append(priceChart(instrument, last.currency, bars));
    }
  }
  status('prices-status', '');
}

/** A daily candlestick chart with volume bars under it, and the same data as a table for screen readers. */
function priceChart(instrument, currency, bars) {
  const width = 640;
  const height = 260;
  const left = 64;
  const right = 12;
  const top = 12;
  const priceHeight = 160;
  const volumeTop = top + priceHeight + 16;
  const volumeHeight = 48;
  const lows = bars.map(b => Number(b.low));
  const highs = bars.map(b => Number(b.high));
  let min = Math.min(...lows);
  let max = Math.max(...highs);
  // A margin above and below, so that the extremes do not touch the frame.
  const margin = max === min ? Math.max(1, max * 0.05) : (max - min) * 0.15;
  min = Math.max(0, min - margin);
  max += margin;
  const maxVolume = Math.max(...bars.map(b => b.volume), 1);
  const step = (width - left - right) / bars.length;
  const candle = Math.max(2, Math.min(24, step * 0.6));
  const y = price => top + (max - price) / (max - min) * priceHeight;
  const title = `${instrument.instrument} in ${currency}`;
  const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img',
    'aria-label': `Daily prices of ${title}: ${bars.length} day(s), last close ${bars[bars.length - 1].close} ${currency} per tonne`});
  chart.append(svg('title', {}, `Daily prices of ${title}`));
  for (const price of [max, (max + min) / 2, min]) {
    chart.append(svg('line', {x1: left, x2: width - right, y1: y(price), y2: y(price), class: 'grid'}),
      svg('text', {x: left - 6, y: y(price) + 4, class: 'axis', 'text-anchor': 'end'}, price.toFixed(2)));
  }
  chart.append(svg('text', {x: left - 6, y: volumeTop + volumeHeight, class: 'axis', 'text-anchor': 'end'}, 'volume'));
  bars.forEach((bar, i) => {
    const x = left + step * i + step / 2;
    const open = Number(bar.open);
    const close = Number(bar.close);
    const kind = close >= open ? 'up' : 'down';
    chart.append(svg('line', {x1: x, x2: x, y1: y(Number(bar.high)), y2: y(Number(bar.low)), class: `wick ${kind}`}));
    chart.append(svg('rect', {x: x - candle / 2, width: candle, y: y(Math.max(open, close)),
      height: Math.max(1, Math.abs(y(open) - y(close))), class: `candle ${kind}`}));
    const h = volumeHeight * bar.volume / maxVolume;
    chart.append(svg('rect', {x: x - candle / 2, width: candle, y: volumeTop + volumeHeight - h, height: h, class: 'volume'}));
    if (bars.length <= 8 || i === 0 || i === bars.length - 1) {
      chart.append(svg('text', {x, y: height - 4, class: 'axis', 'text-anchor': 'middle'}, bar.start.slice(0, 10)));
    }
  });
  const rows = bars.map(b => el('tr', {},
    el('th', {scope: 'row'}, b.start.slice(0, 10)),
    cell(b.open, {class: 'num'}), cell(b.high, {class: 'num'}), cell(b.low, {class: 'num'}), cell(b.close, {class: 'num'}),
    numericCell(b.volume, 'volume'), numericCell(b.tradeCount, 'trades')));
  const id = `chart-${instrument.instrument}-${currency}`;
  return el('figure', {class: 'card price', id, 'data-instrument': instrument.instrument, 'data-currency': currency},
    el('figcaption', {}, el('h3', {}, title),
      `${party(instrument.hostParty)}, vintage ${instrument.vintage}, ${LABELS[instrument.label] ?? instrument.label}. `
      + `Last price ${instrument.lastPrice ? `${instrument.lastPrice.pricePerTonne} ${instrument.lastPrice.currency}` : ''}.`),
    chart,
    el('details', {}, el('summary', {}, 'Daily figures'),
      el('div', {class: 'scroll'}, table(`Daily prices of ${title} per tonne`,
        ['Day (UTC)', {label: 'Open', numeric: true}, {label: 'High', numeric: true}, {label: 'Low', numeric: true},
          {label: 'Close', numeric: true}, {label: 'Volume (t)', numeric: true}, {label: 'Trades', numeric: true}], rows))));
}

// ------------------------------------------------------------------ ledger head

async function loadHead(settings) {
  const head = await getJson(`${API}/ledger/head`);
  byId('ledger-body').replaceChildren(
    el('dt', {}, 'Last entry'), el('dd', {id: 'head-seq', 'data-value': head.seq}, String(head.seq)),
    el('dt', {}, 'Its hash'), el('dd', {}, el('code', {id: 'head-hash', class: 'hash'}, head.hash)));
  status('ledger-status', '');
  byId('verifier-link').href = settings.verifierUrl;
  byId('hash-chain-link').href = settings.hashChainUrl;
  byId('verifier-command').textContent = `python3 verify-ledger.py ${window.location.origin}`;
}

// ------------------------------------------------------------------ start

async function section(statusId, load) {
  try {
    await load();
  } catch (error) {
    status(statusId, t('section.failed', error.message), 'error');
  }
}

async function loadParties() {
  try {
    for (const p of (await getJson(`${API}/parties`)).items) {
      partyNames.set(p.code, p.name);
    }
  } catch (ignored) {
    // Codes instead of names.
  }
}

async function start() {
  applyLanguage();
  byId('unit-form').addEventListener('submit', event => {
    event.preventDefault();
    const query = byId('unit-query').value.trim();
    if (!query) {
      return;
    }
    const hash = `#unit=${encodeURIComponent(query)}`;
    if (window.location.hash === hash) {
      lookUp(query);
    } else {
      window.location.hash = hash;
    }
  });
  window.addEventListener('hashchange', () => showAskedUnit().then(() => byId('units').scrollIntoView()));

  let settings = {settlementUrl: null, verifierUrl: 'verifier/verify-ledger.py', hashChainUrl: 'verifier/hash-chain.md'};
  try {
    settings = await getJson(`${API}/explorer/config`);
  } catch (ignored) {
    // The defaults: no price charts.
  }
  await loadParties();
  await Promise.all([
    section('totals-status', loadTotals),
    section('partners-status', loadPartners),
    section('cycle-status', loadReviewTimes),
    section('projects-status', loadProjects),
    section('retirements-status', loadRetirements),
    section('published-status', loadPublished),
    section('prices-status', () => loadPrices(settings.settlementUrl)),
    section('ledger-status', () => loadHead(settings)),
    section('unit-status', showAskedUnit),
    section('checkpoint-status', () => startProofs(settings)),
  ]);
  document.body.dataset.state = 'ready';
}

start();
