// 通报: a period's figures per lead unit, the overdue tasks, and the files to print (CSV, Excel);
// the office issues the circular of the period shown (印发通报), and every issued circular reads as the
// document it is, with its figures as issued, ready to print.

import {h, table} from '../dom.js';
import {t, fmtDate, fmtNumber, today} from '../i18n.js';
import {get, query} from '../api.js';
import {app} from '../context.js';
import {actionForm, lines, stableId} from '../forms.js';
import {pageHeader, section, taskLink, empty} from '../ui.js';

/** The statistics table of a circular, computed today or as issued. */
function figuresTable(c) {
  const n = v => fmtNumber(v);
  const columns = [
    {label: t('circular.col.unit'), cell: r => r.unitName || r.unitCode, class: 'grow'},
    {label: t('circular.col.assigned'), cell: r => n(r.assigned), class: 'num'},
    {label: t('circular.col.closed'), cell: r => n(r.closed), class: 'num'},
    {label: t('circular.col.closedOnTime'), cell: r => n(r.closedOnTime), class: 'num'},
    {label: t('circular.col.open'), cell: r => n(r.open), class: 'num'},
    {label: t('circular.col.overdue'), cell: r => n(r.overdue), class: 'num'},
    {label: t('circular.col.reports'), cell: r => n(r.reports), class: 'num'},
    {label: t('circular.col.urgings'), cell: r => n(r.urgings), class: 'num'},
  ];
  const rows = [...c.units, {...c.totals, unitName: t('circular.totals'), total: true}];
  return table(columns, rows, {rowClass: r => (r.total ? 'totals' : null)});
}

function overdueTable(c) {
  return c.overdue.length ? table([
    {label: t('tasks.col.title'), cell: r => taskLink(r.taskId, r.title), class: 'grow'},
    {label: t('tasks.col.lead'), cell: r => r.leadUnitName || r.leadUnitCode},
    {label: t('tasks.col.due'), cell: r => fmtDate(r.dueDate)},
    {label: t('circular.col.overdue'), cell: r => t('circular.overdueDays', {n: r.overdueWorkingDays})},
    {label: t('tasks.col.status'), cell: r => t('status.' + r.status)},
  ], c.overdue) : empty(t('circular.noOverdue'));
}

const issuedLink = (r) => [h('a', {href: '#/circulars/' + encodeURIComponent(r.circularId)}, r.documentNo),
  r.correctedOn ? [' ', h('span', {class: 'tag amber'}, t('circular.corrected')),
    h('span', {class: 'muted small'}, ' ' + t('circular.correctedOn', {date: fmtDate(r.correctedOn)}))] : null];

/**
 * 印发通报: the office issues the circular of the period shown above, with the figures shown: they become
 * part of the document and of its event (docs/adr/0014).
 */
function issueForm(c) {
  return actionForm({id: 'circular-issue', title: 'a.issueCircular', ok: 'ok.issueCircular',
    intro: h('p', {class: 'hint'}, t('circular.issueIntro', {from: fmtDate(c.from), to: fmtDate(c.to)})),
    defaults: () => ({issuedOn: today(), distribution: t('circular.defaultDistribution')}),
    fields: [
      {name: 'documentNo', label: 'f.documentNo', required: true, maxLength: 100},
      {name: 'issuedOn', label: 'f.issuedOn', type: 'date', required: true},
      {name: 'distribution', label: 'f.distribution', type: 'lines', required: true, wide: true},
      {name: 'commendation', label: 'f.commendation', type: 'textarea', maxLength: 4000, wide: true},
      {name: 'urging', label: 'f.urging', type: 'textarea', maxLength: 4000, wide: true},
    ],
    ruleFields: {CircularDocumentNumberUnique: 'documentNo', CircularIssuedAfterItsPeriod: 'issuedOn',
      CircularHasADistribution: 'distribution', CircularTextsBounded: 'urging'},
    request: (v, state) => ({path: '/api/circulars/issued', body: {
      circularId: stableId(state, 'circular', 'c'), conferenceId: app.conference.conferenceId,
      from: c.from, to: c.to, documentNo: v.documentNo.trim(), distribution: lines(v.distribution),
      commendation: (v.commendation || '').trim(), urging: (v.urging || '').trim(), issuedOn: v.issuedOn,
      figures: {conferenceId: c.conferenceId, from: c.from, to: c.to, asOf: c.asOf, units: c.units, totals: c.totals,
        overdue: c.overdue}}})});
}

export const circular = {
  nav: 'circular',
  async load(route) {
    const q = route.query;
    const cid = app.conference.conferenceId;
    const [c, issued] = await Promise.all([
      get('/api/circulars' + query({conferenceId: cid, from: q.from, to: q.to})),
      get('/api/circulars/issued' + query({conferenceId: cid}))]);
    return {...c, issued: issued.items};
  },
  render(c) {
    const params = {conferenceId: app.conference.conferenceId, from: c.from, to: c.to};
    const picker = h('form', {class: 'filters', role: 'search'},
      h('div', {class: 'field'}, h('label', {for: 'circular-from'}, t('circular.from')),
        h('input', {id: 'circular-from', name: 'from', type: 'date', value: c.from, required: true})),
      h('div', {class: 'field'}, h('label', {for: 'circular-to'}, t('circular.to')),
        h('input', {id: 'circular-to', name: 'to', type: 'date', value: c.to, required: true})),
      h('div', {class: 'buttons'},
        h('button', {type: 'submit', class: 'primary'}, t('circular.show')),
        h('a', {class: 'button secondary', href: 'api/circulars' + query({...params, format: 'csv'}), download: ''}, t('circular.csv')),
        h('a', {class: 'button secondary', href: 'api/circulars' + query({...params, format: 'xlsx'}), download: ''}, t('circular.xlsx'))));
    picker.addEventListener('submit', (e) => {
      e.preventDefault();
      const from = picker.elements.from.value;
      const to = picker.elements.to.value;
      if (from && to && from > to) {
        picker.elements.from.setCustomValidity(t('v.notBefore', {date: ''}));
        picker.reportValidity();
        return;
      }
      location.hash = '#/circular' + query({from, to});
    });
    return h('div', null,
      pageHeader(t('circular.title'), h('p', {class: 'muted'}, t('circular.period', {from: fmtDate(c.from), to: fmtDate(c.to),
        asOf: fmtDate(c.asOf)}))),
      picker,
      figuresTable(c),
      section(t('circular.overdue'), overdueTable(c)),
      app.is('OFFICE') ? issueForm(c) : null,
      section(t('circular.issuedList'), c.issued.length ? table([
        {label: t('f.documentNo'), cell: issuedLink, class: 'grow'},
        {label: t('circular.col.period'), cell: r => t('circular.periodShort', {from: fmtDate(r.from), to: fmtDate(r.to)})},
        {label: t('f.issuedOn'), cell: r => fmtDate(r.issuedOn)},
      ], c.issued) : empty(t('circular.noneIssued'))));
  },
};

/**
 * 更正通报: an issued circular is not edited; the office issues a correction giving it in full as it now reads,
 * with the reason. The figures stay those shown, or are taken again from the ledger for the circular's period.
 */
function correctionForm(d, shown) {
  return actionForm({id: 'circular-correct-' + d.circularId, title: 'a.correctCircular', ok: 'ok.correctCircular',
    intro: h('p', {class: 'hint'}, t('circular.correctIntro')),
    defaults: () => ({correctedOn: today(), distribution: (shown.distribution || []).join('\n'),
      commendation: shown.commendation || '', urging: shown.urging || '', refigure: false}),
    fields: [
      {name: 'reason', label: 'f.correctionReason', type: 'textarea', required: true, maxLength: 500, wide: true},
      {name: 'correctedOn', label: 'f.correctedOn', type: 'date', required: true},
      {name: 'distribution', label: 'f.distribution', type: 'lines', required: true, wide: true},
      {name: 'commendation', label: 'f.commendation', type: 'textarea', maxLength: 4000, wide: true},
      {name: 'urging', label: 'f.urging', type: 'textarea', maxLength: 4000, wide: true},
      {name: 'refigure', label: 'f.refigure', type: 'checkbox'},
    ],
    ruleFields: {CircularCorrectedOnOrAfterItsIssue: 'correctedOn', CircularCorrectionSaysWhyAndWhat: 'reason',
      CircularHasADistribution: 'distribution', CircularTextsBounded: 'urging', CircularCarriesItsFigures: 'refigure'},
    request: async v => {
      let figures = shown.figures;
      if (v.refigure) {
        const c = await get('/api/circulars' + query({conferenceId: d.conferenceId, from: d.from, to: d.to}));
        figures = {conferenceId: c.conferenceId, from: c.from, to: c.to, asOf: c.asOf, units: c.units,
          totals: c.totals, overdue: c.overdue};
      }
      return {path: `/api/circulars/issued/${encodeURIComponent(d.circularId)}/corrections`, body: {
        reason: v.reason.trim(), correctedOn: v.correctedOn, distribution: lines(v.distribution),
        commendation: (v.commendation || '').trim(), urging: (v.urging || '').trim(), figures}};
    }});
}

/**
 * An issued circular laid out as the document: 督办事项通报, 文号, period, figures, 表扬, 督促, 分送. A corrected
 * circular reads as last corrected, marked 已更正; the original (原件) and every correction stay a click away
 * ({@code ?correction=0} is the original, {@code ?correction=n} the n-th correction).
 */
export const issuedCircular = {
  nav: 'circular',
  async load(route) {
    const d = await get('/api/circulars/issued/' + encodeURIComponent(route.params[0]));
    const corrections = d.corrections || [];
    const asked = route.query.correction;
    const n = asked === undefined || asked === null || asked === '' ? corrections.length : Number(asked);
    return {...d, shown: n > 0 && n <= corrections.length ? corrections[n - 1] : null, showing: n};
  },
  render(d) {
    const corrections = d.corrections || [];
    const shown = d.shown || d;
    const href = n => '#/circulars/' + encodeURIComponent(d.circularId) + '?correction=' + n;
    const which = (n, label) => (n === d.showing ? h('strong', null, label) : h('a', {href: href(n)}, label));
    const paragraphs = (text) => (text || '').split(/\n+/).filter(p => p.trim())
      .map(p => h('p', {class: 'doc-text wrap'}, p));
    const part = (key, text) => (text && text.trim()
      ? h('section', {class: 'doc-part'}, h('h3', null, t(key)), ...paragraphs(text)) : null);
    return h('div', null,
      h('div', {class: 'buttons no-print'},
        h('a', {class: 'button secondary', href: '#/circular'}, t('circular.back')),
        h('button', {type: 'button', class: 'primary', onclick: () => window.print()}, t('circular.print'))),
      corrections.length ? h('nav', {class: 'corrections no-print', 'aria-label': t('circular.corrections')},
        h('span', {class: 'tag amber'}, t('circular.corrected')), ' ',
        which(0, t('circular.original', {date: fmtDate(d.issuedOn)})),
        ...corrections.map(c => [' · ', which(c.correction, t('circular.correctionN', {n: c.correction,
          date: fmtDate(c.correctedOn)}))])) : null,
      h('article', {class: 'document', 'data-circular': d.circularId, 'data-correction': String(d.showing || 0)},
        h('h2', {class: 'doc-title page-title', tabindex: '-1'}, t('circular.doc.title')),
        h('p', {class: 'doc-no'}, d.documentNo),
        d.shown ? h('p', {class: 'doc-correction'}, t('circular.correctionN', {n: d.shown.correction,
          date: fmtDate(d.shown.correctedOn)}) + t('sep') + t('circular.correctionReason', {reason: d.shown.reason})) : null,
        h('p', {class: 'doc-period'}, t('circular.doc.period', {from: fmtDate(d.from), to: fmtDate(d.to)})),
        shown.figures ? figuresTable(shown.figures) : empty(t('circular.doc.noFigures')),
        shown.figures && shown.figures.overdue.length ? h('section', {class: 'doc-part'},
          h('h3', null, t('circular.overdue')), overdueTable(shown.figures)) : null,
        part('circular.doc.commendation', shown.commendation),
        part('circular.doc.urging', shown.urging),
        h('p', {class: 'doc-issuer'}, t('circular.doc.issuer'), h('br'),
          fmtDate(d.shown ? d.shown.correctedOn : d.issuedOn)),
        h('p', {class: 'doc-distribution'}, t('circular.doc.distribution', {to: (shown.distribution || []).join('，')}))),
      app.is('OFFICE') && d.showing === corrections.length
        ? h('div', {class: 'no-print'}, correctionForm(d, shown)) : null);
  },
};
