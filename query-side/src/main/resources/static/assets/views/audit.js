// 审计 and 运维: the audit trail with its integrity check, and the projections with their replays.
// Both APIs are built beside the dashboard; they are read defensively and the views stay hidden
// where the role may not read them or the API does not answer.

import {h, table, fill, toast} from '../dom.js';
import {t, has, lang, fmtDateTime, fmtNumber} from '../i18n.js';
import {get, query, probe, Problem} from '../api.js';
import {app} from '../context.js';
import {actionForm, problemMessage} from '../forms.js';
import {pageHeader, empty} from '../ui.js';

const PAGE = 50;
const FILTERS = ['aggregateId', 'actor', 'type', 'from', 'to'];
const simpleName = type => String(type || '').split('.').pop();
/** The seed loader's reason ("seed: 青政办函〔2021〕138号", SeedConferenceLoader) as a reader says it. */
const SEED = /^seed:\s*/;

/** The last page the trail answered, kept so that a refused filter leaves the results where they were. */
let lastGood = null;

export const audit = {
  nav: 'audit',
  async load(route) {
    const q = route.query;
    const page = Number(q.page || 0);
    try {
      const data = await get('/api/audit' + query({aggregateId: q.aggregateId, actor: q.actor, type: q.type, from: q.from,
        to: q.to, page, size: PAGE}));
      lastGood = {data, page, q};
      return {data, page, q};
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      // A refusal is said as one, not as a missing feature; a filter the server cannot take is said
      // beside the filters, and the page stays as it was.
      if (e.status === 403) return {refused: true};
      if (e.status === 404 || e.status === 405) return {unavailable: true};
      if (e.status === 400) {
        return {q, page, filterError: filterError(e), previous: lastGood ? lastGood.data : null};
      }
      throw e;
    }
  },
  render({data, page, q, refused, unavailable, filterError: error, previous}) {
    if (refused) return h('div', null, pageHeader(t('audit.title')), h('p', {class: 'notice error', role: 'alert'}, t('audit.forbidden')));
    if (unavailable) return h('div', null, pageHeader(t('audit.title')), empty(t('audit.unavailable')));
    const shown = data || previous || {items: [], total: 0};
    const items = shown.items || [];
    const total = shown.total ?? items.length;
    const wrong = new Set(error ? error.fields : []);
    const input = (name, label, type = 'text', hint = null) => h('div', {class: 'field' + (wrong.has(name) ? ' invalid' : '')},
      h('label', {for: 'audit-' + name}, t(label)),
      h('input', {id: 'audit-' + name, name, type, value: q[name] || '', placeholder: hint,
        'aria-invalid': wrong.has(name) ? 'true' : null, 'aria-describedby': error ? 'audit-filter-error' : null}));
    const filters = h('form', {class: 'filters', role: 'search'},
      input('aggregateId', 'audit.aggregateId'), input('actor', 'audit.actor'), input('type', 'audit.type', 'text', t('audit.typeHint')),
      input('from', 'audit.from', 'date'), input('to', 'audit.to', 'date'),
      h('div', {class: 'buttons'}, h('button', {type: 'submit', class: 'primary'}, t('audit.search'))),
      h('p', {id: 'audit-filter-error', class: 'form-msg' + (error ? ' error' : ''), role: 'alert'}, error ? error.text : null));
    filters.addEventListener('submit', (e) => {
      e.preventDefault();
      const params = {};
      for (const [key, value] of new FormData(filters)) if (String(value).trim()) params[key] = String(value).trim();
      location.hash = '#/audit' + query(params);
    });
    const result = h('div', {class: 'verify-result', role: 'status', 'aria-live': 'polite'});
    const verify = h('button', {type: 'button', class: 'secondary', onclick: () => runVerify(verify, result)}, t('audit.verify'));
    const go = (p) => '#/audit' + query({...q, page: p || null});
    return h('div', null,
      pageHeader(t('audit.title'), verify),
      result,
      filters,
      error && previous ? h('p', {class: 'muted small'}, t('audit.previousResults')) : null,
      table([
        {label: t('audit.col.position'), cell: e => fmtNumber(e.position), class: 'num'},
        {label: t('audit.col.time'), cell: e => fmtDateTime(e.timestamp)},
        {label: t('audit.col.type'), cell: e => typeName(e)},
        {label: t('audit.col.aggregate'), cell: e => [aggregateName(e), ' ',
          h('code', null, e.aggregateId || '—'), e.sequenceNumber !== null && e.sequenceNumber !== undefined ? ' #' + e.sequenceNumber : '']},
        {label: t('audit.col.actor'), cell: e => [e.actor || '—', e.actorRole ? h('div', {class: 'muted small'},
          (app.unitName(e.actorUnit) || '') + ' ' + roleName(e)) : null]},
        {label: t('audit.col.reason'), cell: e => reason(e.reason), class: 'grow'},
      ], items, {empty: t('audit.empty')}),
      error ? null : h('nav', {class: 'pager'},
        page > 0 ? h('a', {href: go(page - 1), class: 'button secondary'}, t('audit.prev')) : null,
        h('span', null, t('audit.page', {page: page + 1, total: fmtNumber(total)})),
        (page + 1) * PAGE < total ? h('a', {href: go(page + 1), class: 'button secondary'}, t('audit.next')) : null));
  },
};

/** A 400 of the trail: which filters it names and what to tell the user, in the page's words where we have them. */
function filterError(problem) {
  const fields = ((problem.body && problem.body.errors) || []).map(e => e.field).filter(f => FILTERS.includes(f));
  const known = fields.filter(f => has('audit.bad.' + f));
  return {fields, text: known.length ? known.map(f => t('audit.bad.' + f)).join(' ') : problemMessage(problem)};
}

/** The event in Chinese (任务催办) from the trail's typeZh; in English, or for a type the server cannot name, its class. */
function typeName(e) {
  const name = lang === 'zh' && e.typeZh ? e.typeZh : simpleName(e.type);
  return h('span', {title: simpleName(e.type)}, name);
}

function aggregateName(e) {
  return lang === 'zh' && e.aggregateTypeZh ? e.aggregateTypeZh : simpleName(e.aggregateType);
}

function roleName(e) {
  return has('role.' + e.actorRole) ? t('role.' + e.actorRole) : (e.actorRoleZh || e.actorRole);
}

/** The recorded reason; the seed loader's "seed:" prefix is said as 初始数据导入, the recorded text kept as the tooltip. */
function reason(text) {
  if (!text) return '';
  return SEED.test(text) ? h('span', {title: text}, t('audit.seedReason', {detail: text.replace(SEED, '')})) : text;
}

async function runVerify(button, out) {
  button.disabled = true;
  fill(out, t('audit.verifying'));
  out.className = 'verify-result busy';
  try {
    const report = await get('/api/audit/verify');
    const first = report.firstDiscrepancy || (report.discrepancies || [])[0];
    const ok = report.ok !== false && !first;
    out.className = 'verify-result ' + (ok ? 'ok' : 'error');
    fill(out, ok ? t('audit.ok', {n: fmtNumber(report.eventsChecked ?? 0)})
      : t('audit.bad', {n: fmtNumber(report.discrepancyCount ?? 1), position: first ? first.position : '?',
        detail: first ? (first.detail || first.kind) : ''}),
    report.notYetRecorded ? h('span', {class: 'muted'}, ' ' + t('audit.pendingTrail', {n: report.notYetRecorded})) : null);
  } catch (e) {
    out.className = 'verify-result error';
    fill(out, e instanceof Problem ? (e.body.detail || e.message) : t('form.network'));
  } finally {
    button.disabled = false;
  }
}

/** A projection's figures, whatever names the operations API gives them. */
function projection(p) {
  const replay = p.replay || {};
  let progress = p.replayProgress ?? p.progress ?? replay.progress ?? replay.percent ?? null;
  if (typeof progress === 'number' && progress <= 1) progress = progress * 100;
  const replaying = Boolean(p.replaying ?? replay.running ?? replay.active ?? (/replay/i.test(String(p.state || p.status || ''))));
  const dead = p.deadLetters ?? p.deadLetterCount ?? p.deadLettered ?? null;
  return {
    name: p.name || p.processingGroup || p.processor || p.projection || '?',
    position: p.position ?? p.tokenPosition ?? p.currentPosition ?? null,
    lag: p.lag ?? p.behind ?? null,
    replaying,
    progress: typeof progress === 'number' ? Math.round(progress) : null,
    deadLetters: Array.isArray(dead) ? dead.length : dead,
    state: p.state || p.status || null,
  };
}

export const admin = {
  nav: 'admin',
  async load() {
    const data = await probe('/api/admin/projections');
    if (!data) return null;
    const list = Array.isArray(data) ? data : data.items || data.projections || data.processors || [];
    return list.map(projection);
  },
  refreshEvery: (rows) => (rows && rows.some(p => p.replaying) ? 2000 : null),
  render(rows) {
    if (!rows) return h('div', null, pageHeader(t('admin.title')), empty(t('admin.unavailable')));
    return h('div', null,
      pageHeader(t('admin.title')),
      table([
        {label: t('admin.col.name'), cell: p => h('code', null, p.name)},
        {label: t('admin.col.position'), cell: p => fmtNumber(p.position), class: 'num'},
        {label: t('admin.col.lag'), cell: p => fmtNumber(p.lag), class: 'num'},
        {label: t('admin.col.state'), cell: p => (p.replaying ? t('admin.replaying') : (p.state || t('admin.idle')))},
        {label: t('admin.col.replay'), class: 'grow', cell: p => (p.progress === null ? '—'
          : h('span', {class: 'replay'}, h('progress', {max: 100, value: p.progress, 'aria-label': t('admin.col.replay')},
            p.progress + '%'), ' ', p.progress + '%'))},
        {label: t('admin.col.deadLetters'), cell: p => fmtNumber(p.deadLetters), class: 'num'},
        app.is('ADMIN') ? {label: '', cell: p => actionForm({id: 'replay-' + p.name, title: 'admin.replay', submit: 'admin.replay',
          ok: 'form.done', danger: true, intro: h('p', null, t('admin.replayConfirm', {name: p.name})), fields: [],
          request: () => ({path: '/api/admin/projections/' + encodeURIComponent(p.name) + '/replay', body: {}}),
          after: () => toast(t('admin.replayStarted', {name: p.name}))})} : null,
      ].filter(Boolean), rows));
  },
};
