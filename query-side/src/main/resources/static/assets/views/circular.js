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

const issuedLink = (r) => h('a', {href: '#/circulars/' + encodeURIComponent(r.circularId)}, r.documentNo);

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

/** An issued circular laid out as the document: 督办事项通报, 文号, period, figures as issued, 表扬, 督促, 分送. */
export const issuedCircular = {
  nav: 'circular',
  async load(route) {
    return get('/api/circulars/issued/' + encodeURIComponent(route.params[0]));
  },
  render(d) {
    const paragraphs = (text) => (text || '').split(/\n+/).filter(p => p.trim())
      .map(p => h('p', {class: 'doc-text wrap'}, p));
    const part = (key, text) => (text && text.trim()
      ? h('section', {class: 'doc-part'}, h('h3', null, t(key)), ...paragraphs(text)) : null);
    return h('div', null,
      h('div', {class: 'buttons no-print'},
        h('a', {class: 'button secondary', href: '#/circular'}, t('circular.back')),
        h('button', {type: 'button', class: 'primary', onclick: () => window.print()}, t('circular.print'))),
      h('article', {class: 'document', 'data-circular': d.circularId},
        h('h2', {class: 'doc-title page-title', tabindex: '-1'}, t('circular.doc.title')),
        h('p', {class: 'doc-no'}, d.documentNo),
        h('p', {class: 'doc-period'}, t('circular.doc.period', {from: fmtDate(d.from), to: fmtDate(d.to)})),
        d.figures ? figuresTable(d.figures) : empty(t('circular.doc.noFigures')),
        d.figures && d.figures.overdue.length ? h('section', {class: 'doc-part'},
          h('h3', null, t('circular.overdue')), overdueTable(d.figures)) : null,
        part('circular.doc.commendation', d.commendation),
        part('circular.doc.urging', d.urging),
        h('p', {class: 'doc-issuer'}, t('circular.doc.issuer'), h('br'), fmtDate(d.issuedOn)),
        h('p', {class: 'doc-distribution'}, t('circular.doc.distribution', {to: (d.distribution || []).join('，')}))));
  },
};
