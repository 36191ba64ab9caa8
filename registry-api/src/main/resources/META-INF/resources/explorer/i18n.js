// The explorer's languages, Japanese and English. The choice is the reader's: a switch in the
// header stores it in localStorage (only when the reader switches) and reloads the page; without a
// stored choice the browser's preferred language decides (Japanese when it prefers Japanese,
// English otherwise). API calls send it as Accept-Language, so problem titles and details come in
// the same language (docs/problems.md); the explorer's own labels come from the tables below.

export const LANGUAGES = ['ja', 'en'];
export const STORAGE_KEY = 'jcm.explorer.lang';

const TEXTS = {
  en: {
    'title': 'JCM registry explorer',
    'tagline': 'Public data of the Joint Crediting Mechanism registry, read live from its API. No sign-in needed.',
    'nav.label': 'Sections',
    'nav.totals': 'Totals',
    'nav.partners': 'Partners',
    'nav.cycle': 'Project cycle',
    'nav.units': 'Find units',
    'nav.projects': 'Projects',
    'nav.retirements': 'Retirements',
    'nav.published': 'Published uses',
    'nav.prices': 'Prices',
    'nav.ledger': 'Ledger head',
    'nav.checkpoint': 'Signed checkpoint',
    'nav.certificate': 'Check a certificate',
    'language.label': 'Language',
    'totals.title': 'Totals per host Party and vintage',
    'partners.title': 'Partner countries',
    'partners.note': 'The countries Japan runs the JCM with, and when each joined: the date its partnership document was signed. Sectoral scopes are the UNFCCC scopes its agreement covers (hover for their numbers).',
    'partners.caption': n => `${n} partner countries, in the order they joined`,
    'partners.partner': 'Partner',
    'partners.joined': 'Joined (signing date)',
    'partners.paris': 'Paris Agreement',
    'partners.scopes': 'Sectoral scopes',
    'partners.approach': 'Cooperative approach',
    'partners.notRecorded': 'not recorded',
    'partners.party': 'Party',
    'partners.notParty': 'not a Party',
    'partners.candidates': 'Candidates',
    'partners.candidatesNote': 'Countries in consultation: they become partners when the operator records their signed partnership document.',
    'partners.candidatesCaption': n => `${n} candidate countries`,
    'partners.candidate': 'Candidate',
    'cycle.title': 'Project cycle: how long reviews take',
    'cycle.note': 'Days from the submission of each step of the JCM project cycle to the reviewer\'s decision, per host partner and year of the decision: the median and the 90th percentile. A review of a project with two hosts counts for each. Open reviews are those still waiting for a decision.',
    'cycle.financing': 'Financing',
    'cycle.ALL': 'Public and private JCM',
    'cycle.GOVERNMENT_FINANCED': 'Public (government-financed) JCM',
    'cycle.PRIVATE': 'Private JCM',
    'cycle.loading': 'Loading review times…',
    'cycle.caption': (n, financing) => `${n} rows: ${financing}`,
    'cycle.step': 'Step',
    'cycle.party': 'Partner',
    'cycle.year': 'Year',
    'cycle.decided': 'Decided',
    'cycle.median': 'Median (days)',
    'cycle.p90': '90th percentile (days)',
    'cycle.open': 'Open',
    'cycle.empty': 'No review of this kind has been decided yet.',
    'cycle.unavailable': 'Review times are not available from this registry yet.',
    'step.PROJECT_IDEA': 'Project Idea Note (host confirmation)',
    'step.VALIDATION': 'Validation',
    'step.REGISTRATION': 'Registration by the Joint Committee',
    'step.VERIFICATION': 'Verification',
    'step.ISSUANCE_DECISION': 'Issuance decision',
    'units.title': 'Find units',
    'projects.title': 'Projects and their issuances',
    'retirements.title': 'Recent retirements',
    'published.title': 'What organizations published',
    'prices.title': 'Prices per instrument',
    'ledger.title': 'Ledger head',
    'checkpoint.title': 'Signed checkpoint, checked in your browser',
    'certificate.title': 'Check a retirement certificate',
    'section.failed': message => `Could not load this section: ${message}`,
  },
  ja: {
    'title': 'JCM 登録簿エクスプローラー',
    'tagline': '二国間クレジット制度（JCM）登録簿の公開データを API から直接表示します。ログインは不要です。',
    'nav.label': 'セクション',
    'nav.totals': '合計',
    'nav.partners': 'パートナー国',
    'nav.cycle': 'プロジェクトサイクル',
    'nav.units': 'ユニット検索',
    'nav.projects': 'プロジェクト',
    'nav.retirements': '償却',
    'nav.published': '公開された使用',
    'nav.prices': '価格',
    'nav.ledger': '台帳の先頭',
    'nav.checkpoint': '署名付きチェックポイント',
    'nav.certificate': '証明書の確認',
    'language.label': '言語',
    'totals.title': 'ホスト国とビンテージごとの合計',
    'partners.title': 'パートナー国',
    'partners.note': '日本が JCM を実施している国と、それぞれの参加日（パートナーシップ文書の署名日）です。セクトラルスコープは協定が対象とする UNFCCC のスコープです（番号はマウスを重ねると表示されます）。',
    'partners.caption': n => `パートナー国 ${n} か国（参加順）`,
    'partners.partner': 'パートナー国',
    'partners.joined': '参加日（署名日）',
    'partners.paris': 'パリ協定',
    'partners.scopes': 'セクトラルスコープ',
    'partners.approach': '協力的アプローチ',
    'partners.notRecorded': '記録なし',
    'partners.party': '締約国',
    'partners.notParty': '非締約国',
    'partners.candidates': '候補国',
    'partners.candidatesNote': '協議中の国です。署名済みのパートナーシップ文書を運用者が記録するとパートナー国になります。',
    'partners.candidatesCaption': n => `候補国 ${n} か国`,
    'partners.candidate': '候補国',
    'cycle.title': 'プロジェクトサイクル：審査にかかる日数',
    'cycle.note': 'JCM プロジェクトサイクルの各段階の提出から審査者の決定までの日数を、ホスト国と決定の年ごとに中央値と 90 パーセンタイルで示します。ホスト国が二つのプロジェクトの審査は、それぞれの国で数えます。未決は決定を待っている審査です。',
    'cycle.financing': '資金',
    'cycle.ALL': '公的 JCM と民間 JCM',
    'cycle.GOVERNMENT_FINANCED': '公的（政府資金）JCM',
    'cycle.PRIVATE': '民間 JCM',
    'cycle.loading': '審査日数を読み込んでいます…',
    'cycle.caption': (n, financing) => `${n} 行：${financing}`,
    'cycle.step': '段階',
    'cycle.party': 'パートナー国',
    'cycle.year': '年',
    'cycle.decided': '決定数',
    'cycle.median': '中央値（日）',
    'cycle.p90': '90 パーセンタイル（日）',
    'cycle.open': '未決',
    'cycle.empty': 'この種類の審査はまだ決定されていません。',
    'cycle.unavailable': 'この登録簿では審査日数をまだ提供していません。',
    'step.PROJECT_IDEA': 'プロジェクト・アイデア・ノート（ホスト国の確認）',
    'step.VALIDATION': '妥当性確認',
    'step.REGISTRATION': '合同委員会による登録',
    'step.VERIFICATION': '検証',
    'step.ISSUANCE_DECISION': '発行の決定',
    'units.title': 'ユニット検索',
    'projects.title': 'プロジェクトと発行',
    'retirements.title': '最近の償却',
    'published.title': '組織が公開した情報',
    'prices.title': '銘柄ごとの価格',
    'ledger.title': '台帳の先頭',
    'checkpoint.title': '署名付きチェックポイント（ブラウザーで確認）',
    'certificate.title': '償却証明書の確認',
    'section.failed': message => `このセクションを読み込めませんでした：${message}`,
  },
};

function stored() {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch (ignored) {
    return null;
  }
}

/** The language in use: the stored choice, else the browser's preference (ja or en). */
export function language() {
  const chosen = stored();
  if (LANGUAGES.includes(chosen)) {
    return chosen;
  }
  const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return preferred.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The label `key` in the language in use; a function label is called with `args`. */
export function t(key, ...args) {
  const text = TEXTS[language()][key] ?? TEXTS.en[key] ?? key;
  return typeof text === 'function' ? text(...args) : text;
}

/** Translates the page's static labels (elements with data-i18n) and marks the switch's current language. */
export function applyLanguage() {
  const lang = language();
  document.documentElement.lang = lang;
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of document.querySelectorAll('[data-i18n-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  }
  for (const button of document.querySelectorAll('#language-switch button[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    button.addEventListener('click', () => choose(button.dataset.lang));
  }
}

/** Stores the reader's choice and shows the page again in that language. */
export function choose(lang) {
  if (!LANGUAGES.includes(lang) || lang === language()) {
    return;
  }
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch (ignored) {
    // Storage refused (a private window): the choice lasts for this page only.
  }
  window.location.reload();
}
