// The "Project cycle" section: how long each review step of the JCM project cycle takes, from
// GET /api/v1/statistics/review-times (public): per step, host partner and year of the decision,
// the number decided, the median and 90th-percentile days and the reviews still open, for public
// (government-financed) and private JCM apart or together. Slow reviews are what the partners'
// companies complain of, so they are shown to everyone. Text is inserted as text.

import {API, byId, cell, el, getJson, HttpError, status, table} from './common.js';
import {t} from './i18n.js';

export const FINANCING = ['ALL', 'GOVERNMENT_FINANCED', 'PRIVATE'];

function days(value) {
  return value === null || value === undefined ? '' : Number(value).toFixed(1);
}

function row(r) {
  return el('tr', {'data-step': r.step, 'data-party': r.party, 'data-year': r.year},
    el('th', {scope: 'row'}, t(`step.${r.step}`) === `step.${r.step}` ? r.step : t(`step.${r.step}`)),
    cell(r.party, {'data-key': 'party'}),
    cell(String(r.year), {'data-key': 'year'}),
    cell(String(r.decided ?? 0), {class: 'num', 'data-key': 'decided'}),
    cell(days(r.medianDays), {class: 'num', 'data-key': 'medianDays'}),
    cell(days(r.p90Days), {class: 'num', 'data-key': 'p90Days'}),
    cell(String(r.open ?? 0), {class: 'num', 'data-key': 'open'}));
}

/** Rows by year (latest first), then partner and step as the answer orders them. */
function byYear(a, b) {
  return b.year - a.year || String(a.party).localeCompare(String(b.party));
}

async function show(financing) {
  const body = byId('cycle-body');
  body.replaceChildren();
  status('cycle-status', t('cycle.loading'));
  let rows;
  try {
    rows = (await getJson(`${API}/statistics/review-times?financing=${encodeURIComponent(financing)}`)).rows ?? [];
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      body.dataset.state = 'unavailable';
      status('cycle-status', t('cycle.unavailable'));
      return;
    }
    throw error;
  }
  if (rows.length === 0) {
    body.dataset.state = 'empty';
    status('cycle-status', t('cycle.empty'));
    return;
  }
  body.dataset.state = 'rows';
  body.append(table(t('cycle.caption', rows.length, t(`cycle.${financing}`)),
    [t('cycle.step'), t('cycle.party'), t('cycle.year'), {label: t('cycle.decided'), numeric: true},
      {label: t('cycle.median'), numeric: true}, {label: t('cycle.p90'), numeric: true}, {label: t('cycle.open'), numeric: true}],
    [...rows].sort(byYear).map(row), {id: 'cycle-table', 'data-financing': financing}));
  status('cycle-status', '');
}

/** Builds the financing choice and shows all JCM first; a change of choice reads the endpoint again. */
export async function loadReviewTimes() {
  const select = byId('cycle-financing');
  select.replaceChildren(...FINANCING.map(f => el('option', {value: f}, t(`cycle.${f}`))));
  select.addEventListener('change', () => show(select.value).catch(error => status('cycle-status',
    t('section.failed', error.message), 'error')));
  await show(select.value || 'ALL');
}
