// 审计 and 运维: the audit trail with its integrity check, and the projections with their replays.
// Both APIs are built beside the dashboard; they are read defensively and the views stay hidden
// where the role may not read them or the API does not answer.

import {h, table, fill, toast} from '../dom.js';
import {t, fmtDateTime, fmtNumber} from '../i18n.js';
import {get, query, probe, Problem} from '../api.js';
import {app} from '../context.js';
import {actionForm} from '../forms.js';
import {pageHeader, empty} from '../ui.js';

const PAGE = 50;
const simpleName = type => String(type || '').split('.').pop();

export const audit = {
  nav: 'audit',
  async load(route) {
    const q = route.query;
    const page = Number(q.page || 0);
    const data = await probe('/api/audit' + query({aggregateId: q.aggregateId, actor: q.actor, type: q.type, from: q.from,
      to: q.to, page, size: PAGE}));
    return {data, page, q};
  },
  render({data, page, q}) {
    if (!data) return h('div', null, pageHeader(t('audit.title')), empty(t('audit.unavailable')));
    const items = data.items || [];
    const total = data.total ?? items.length;
    const input = (name, label, type = 'text') => h('div', {class: 'field'},
      h('label', {for: 'audit-' + name}, t(label)),
      h('input', {id: 'audit-' + name, name, type, value: q[name] || ''}));
    const filters = h('form', {class: 'filters', role: 'search'},
      input('aggregateId', 'audit.aggregateId'), input('actor', 'audit.actor'), input('type', 'audit.type'),
      input('from', 'audit.from', 'date'), input('to', 'audit.to', 'date'),
      h('div', {class: 'buttons'}, h('button', {type: 'submit', class: 'primary'}, t('audit.search'))));
    filters.addEventListener('submit', (e) => {
      e.preventDefault();
      const params = {};
      for (const [key, value] of new FormData(filters)) if (value) params[key] = value;
      location.hash = '#/audit' + query(params);
    });
    const result = h('div', {class: 'verify-result', role: 'status', 'aria-live': 'polite'});
    const verify = h('button', {type: 'button', class: 'secondary', onclick: () => runVerify(verify, result)}, t('audit.verify'));
    const go = (p) => '#/audit' + query({...q, page: p || null});
    return h('div', null,
      pageHeader(t('audit.title'), verify),
      result,
      filters,
      table([
        {label: t('audit.col.position'), cell: e => fmtNumber(e.position), class: 'num'},
        {label: t('audit.col.time'), cell: e => fmtDateTime(e.timestamp)},
        {label: t('audit.col.type'), cell: e => simpleName(e.type)},
        {label: t('audit.col.aggregate'), cell: e => [simpleName(e.aggregateType), ' ',
          h('code', null, e.aggregateId || '—'), e.sequenceNumber !== null && e.sequenceNumber !== undefined ? ' #' + e.sequenceNumber : '']},
        {label: t('audit.col.actor'), cell: e => [e.actor || '—', e.actorRole ? h('div', {class: 'muted small'},
          (app.unitName(e.actorUnit) || '') + ' ' + (t('role.' + e.actorRole))) : null]},
        {label: t('audit.col.reason'), cell: e => e.reason || '', class: 'grow'},
      ], items, {empty: t('audit.empty')}),
      h('nav', {class: 'pager'},
        page > 0 ? h('a', {href: go(page - 1), class: 'button secondary'}, t('audit.prev')) : null,
        h('span', null, t('audit.page', {page: page + 1, total: fmtNumber(total)})),
        (page + 1) * PAGE < total ? h('a', {href: go(page + 1), class: 'button secondary'}, t('audit.next')) : null));
  },
};

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
