// The "Partners" section: the JCM partner countries in the order they joined (the date their
// partnership document was signed), with their Paris Agreement status and how many UNFCCC sectoral
// scopes their agreement covers, and the candidates apart. Read from GET /api/v1/parties, which the
// operator keeps up to date while the system runs (docs/project-cycle.md). Text is inserted as text.

import {API, byId, cell, el, getJson, status, table} from './common.js';
import {t} from './i18n.js';

/** Partners by signing date (those without one, from older ledgers, last), then by name. */
function joinedOrder(a, b) {
  const x = a.signingDate ?? '9999-12-31';
  const y = b.signingDate ?? '9999-12-31';
  return x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
}

function paris(p) {
  return p.parisAgreementParty ? t('partners.party') : t('partners.notParty');
}

function partnerRow(p) {
  const scopes = p.sectoralScopes ?? [];
  return el('tr', {'data-code': p.code},
    el('th', {scope: 'row'}, `${p.name} (${p.code})`),
    cell(p.signingDate ?? t('partners.notRecorded'), {'data-key': 'signingDate'}),
    cell(paris(p), {'data-key': 'paris'}),
    cell(String(scopes.length), {class: 'num', 'data-key': 'scopes', title: scopes.join(', ')}),
    cell(p.cooperativeApproachId ?? ''));
}

function candidateRow(p) {
  return el('tr', {'data-code': p.code},
    el('th', {scope: 'row'}, `${p.name} (${p.code})`),
    cell(paris(p), {'data-key': 'paris'}));
}

export async function loadPartners() {
  const parties = (await getJson(`${API}/parties`)).items;
  const partners = parties.filter(p => p.jcmStatus === 'PARTNER').sort(joinedOrder);
  const candidates = parties.filter(p => p.jcmStatus === 'CANDIDATE').sort((a, b) => a.name.localeCompare(b.name));
  byId('partners-body').replaceChildren(
    table(t('partners.caption', partners.length),
      [t('partners.partner'), t('partners.joined'), t('partners.paris'), {label: t('partners.scopes'), numeric: true},
        t('partners.approach')],
      partners.map(partnerRow), {id: 'partners-table'}),
    el('h3', {}, t('partners.candidates')),
    el('p', {class: 'note'}, t('partners.candidatesNote')),
    table(t('partners.candidatesCaption', candidates.length), [t('partners.candidate'), t('partners.paris')],
      candidates.map(candidateRow),
      {id: 'candidates-table'}));
  status('partners-status', '');
}
