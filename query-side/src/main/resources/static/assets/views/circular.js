// 通报: a period's figures per lead unit, the overdue tasks, and the files to print (CSV, Excel).

import {h, table} from '../dom.js';
import {t, fmtDate, fmtNumber} from '../i18n.js';
import {get, query} from '../api.js';
import {app} from '../context.js';
import {pageHeader, section, taskLink, empty} from '../ui.js';

export const circular = {
  nav: 'circular',
  async load(route) {
    const q = route.query;
    return get('/api/circulars' + query({conferenceId: app.conference.conferenceId, from: q.from, to: q.to}));
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
    return h('div', null,
      pageHeader(t('circular.title'), h('p', {class: 'muted'}, t('circular.period', {from: fmtDate(c.from), to: fmtDate(c.to),
        asOf: fmtDate(c.asOf)}))),
      picker,
      table(columns, rows, {rowClass: r => (r.total ? 'totals' : null)}),
      section(t('circular.overdue'), c.overdue.length ? table([
        {label: t('tasks.col.title'), cell: r => taskLink(r.taskId, r.title), class: 'grow'},
        {label: t('tasks.col.lead'), cell: r => r.leadUnitName || r.leadUnitCode},
        {label: t('tasks.col.due'), cell: r => fmtDate(r.dueDate)},
        {label: t('circular.col.overdue'), cell: r => t('circular.overdueDays', {n: r.overdueWorkingDays})},
        {label: t('tasks.col.status'), cell: r => t('status.' + r.status)},
      ], c.overdue) : empty(t('circular.noOverdue'))));
  },
};
