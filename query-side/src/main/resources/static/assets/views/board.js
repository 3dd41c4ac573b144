// 成员单位工作台账: every unit with its RAG, open and overdue tasks and on-time rate; large figures
// that read from the back of a meeting room.

import {h, table} from '../dom.js';
import {t, fmtNumber, fmtRatio, fmtDay, fmtDateTime} from '../i18n.js';
import {get, query} from '../api.js';
import {app} from '../context.js';
import {ragBadge, pageHeader, kpi, unitLink, facts, section, statusBadge, taskLink, dueText, percentBar} from '../ui.js';
import {reportStateBadge, roundLink, periodText} from './reporting.js';
import {decisionText} from './roster.js';

/** 决定依据: the decision behind the unit's present duties (a later change of them, else its addition). */
const basis = u => (u.decisions && (u.decisions.dutiesUpdated || u.decisions.unitAdded)) || null;

export const board = {
  nav: 'board',
  async load() {
    const cid = app.conference.conferenceId;
    const [units, open] = await Promise.all([get('/api/units' + query({conferenceId: cid})),
      get('/api/conferences/' + encodeURIComponent(cid) + '/reporting-rounds' + query({open: true}))]);
    app.units = units.items;
    // the latest open reporting round, joined to the units by their code
    const latest = open.items[0];
    const round = latest ? await get('/api/conferences/' + encodeURIComponent(cid) + '/reporting-rounds/'
      + encodeURIComponent(latest.period)) : null;
    return {...units, round};
  },
  render(data) {
    const units = data.items;
    const round = data.round;
    const reportOf = code => (round ? round.units.find(u => u.unitCode === code) : null);
    const open = units.reduce((n, u) => n + u.tasks.open, 0);
    const overdue = units.reduce((n, u) => n + u.overdue, 0);
    const closed = units.reduce((n, u) => n + u.tasks.closed, 0);
    const onTime = units.reduce((n, u) => n + u.closedOnTime, 0);
    const rank = {RED: 0, AMBER: 1, GREEN: 2};
    const sorted = [...units].sort((a, b) => rank[a.rag] - rank[b.rag]);
    return h('div', {class: 'board'},
      pageHeader(t('board.title'), h('p', {class: 'legend'}, t('board.legend'))),
      h('div', {class: 'kpis'},
        kpi(t('board.units'), fmtNumber(units.length)),
        kpi(t('board.open'), fmtNumber(open)),
        kpi(t('board.overdue'), fmtNumber(overdue), overdue ? 'red' : ''),
        kpi(t('board.onTime'), closed ? fmtRatio(onTime / closed) : '—')),
      round ? reportingPanel(round) : null,
      h('ul', {class: 'unit-grid'}, sorted.map(u => h('li', {class: 'unit-card rag-' + u.rag.toLowerCase(),
        'data-unit': u.unitCode},
      h('div', {class: 'unit-card-head'}, h('h3', null, unitLink(u.unitCode, u.name)), ragBadge(u.rag)),
      h('div', {class: 'unit-figures'},
        figure(t('board.lead'), u.tasks.open),
        figure(t('board.overdue'), u.overdue, u.overdue ? 'red' : ''),
        figure(t('board.co'), u.tasks.asCoUnit),
        figure(t('board.onTime'), fmtRatio(u.onTimeClosureRate))),
      h('p', {class: 'unit-people'},
        t('board.member') + t('sep') + (u.member ? u.member.name : t('board.none')),
        h('br'),
        t('board.liaison') + t('sep') + (u.liaison ? u.liaison.name : t('board.none'))),
      h('p', {class: 'muted small'}, t('board.lastReport') + t('sep') + (u.lastReportAt ? fmtDateTime(u.lastReportAt) : t('board.none'))),
      reportOf(u.unitCode) ? h('p', {class: 'small unit-report'}, periodText(round.period) + t('sep'),
        reportStateBadge(reportOf(u.unitCode).state)) : null,
      h('p', {class: 'muted small decided-by'}, t('roster.col.decidedBy') + t('sep') + decisionText(basis(u))))
      )));
  },
};

/** 报送情况: the latest open round, and the units that have not reported in it (逾期未报送 first). */
function reportingPanel(round) {
  const missing = round.units.filter(u => u.state === 'OVERDUE' || u.state === 'NOT_REPORTED')
    .sort((a, b) => (a.state === 'OVERDUE' ? 0 : 1) - (b.state === 'OVERDUE' ? 0 : 1));
  return h('section', {class: 'panel reporting-panel', 'data-round': round.period},
    h('h3', null, roundLink(round), ' ', h('span', {class: 'muted small'}, t('board.reportingDue',
      {date: fmtDay(round.dueDate)}))),
    h('p', null, t('board.reportingCounts', {reported: fmtNumber(round.counts.reported + round.counts.reportedLate),
      expected: fmtNumber(round.counts.expected), missing: fmtNumber(missing.length)})),
    missing.length ? h('ul', {class: 'missing-units'}, missing.map(u => h('li', {'data-unit': u.unitCode},
      unitLink(u.unitCode, u.unitName), ' ', reportStateBadge(u.state),
      u.urgingCount ? h('span', {class: 'muted small'}, ' ' + t('board.reportingUrged', {n: u.urgingCount})) : null)))
      : h('p', {class: 'muted'}, t('board.reportingAllIn')));
}

function figure(label, value, cls) {
  return h('div', {class: 'figure ' + (cls || '')}, h('span', {class: 'figure-value'}, typeof value === 'number' ? fmtNumber(value) : value),
    h('span', {class: 'figure-label'}, label));
}

/** One unit: duties, member, liaison, counts and its tasks as lead or co-unit. */
export const unit = {
  nav: 'board',
  async load(route) {
    const code = route.params[0];
    const cid = app.conference.conferenceId;
    const [view, tasks] = await Promise.all([
      get('/api/units/' + encodeURIComponent(code) + query({conferenceId: cid})),
      get('/api/tasks' + query({conferenceId: cid, unit: code, size: 500})),
    ]);
    return {view, tasks};
  },
  render({view: u, tasks}) {
    return h('div', null,
      pageHeader(u.name, ragBadge(u.rag)),
      h('div', {class: 'cols'},
        section(t('unit.duties'), h('ol', {class: 'duties'}, (u.duties || []).map(d => h('li', null, d)))),
        section(null,
          facts([
            [t('board.member'), u.member ? `${u.member.name}（${u.member.title}）` : t('board.none')],
            [t('board.liaison'), u.liaison ? `${u.liaison.name}（${u.liaison.title}，${u.liaison.phone}）` : t('board.none')],
            [t('board.lastReport'), u.lastReportAt ? fmtDateTime(u.lastReportAt) : t('board.none')],
            [t('board.onTime'), fmtRatio(u.onTimeClosureRate)],
            [t('unit.decidedAdded'), decisionText(u.decisions && u.decisions.unitAdded)],
            u.decisions && u.decisions.dutiesUpdated ? [t('unit.decidedDuties'), decisionText(u.decisions.dutiesUpdated)] : null,
            u.decisions && u.decisions.unitRemoved ? [t('unit.decidedRemoved'), decisionText(u.decisions.unitRemoved)] : null,
          ].filter(Boolean)),
          h('p', null, t('unit.counts', u.tasks)))),
      section(t('unit.tasks'), taskTable(tasks.items, u.unitCode)));
  },
};

/** The task table of the list, the unit page and "my tasks". */
export function taskTable(rows, ownUnit, emptyText) {
  const columns = [
    {label: t('tasks.rag'), cell: r => ragBadge(r.rag, r.ragReason)},
    {label: t('tasks.col.title'), cell: r => taskLink(r.taskId, r.title), class: 'grow'},
    ownUnit ? {label: t('tasks.col.role'), cell: r => (r.leadUnitCode === ownUnit ? t('tasks.asLead') : t('tasks.asCo'))}
      : {label: t('tasks.col.lead'), cell: r => r.leadUnitName || app.unitName(r.leadUnitCode)},
    {label: t('tasks.col.status'), cell: r => statusBadge(r.status)},
    {label: t('tasks.col.due'), cell: r => dueText(r.dueDate, r.status)},
    {label: t('tasks.col.percent'), cell: r => percentBar(r.latestPercent)},
    {label: t('tasks.col.lastReport'), cell: r => fmtDay(r.lastReportAt)},
    {label: t('tasks.col.urgings'), cell: r => fmtNumber(r.urgings), class: 'num'},
  ];
  return table(columns, rows, {empty: emptyText || t('tasks.empty'), rowClass: r => 'rag-row-' + (r.rag || '').toLowerCase()});
}
