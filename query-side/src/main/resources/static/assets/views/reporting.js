// 工作情况报送: the rounds the office opens (季度、半年、年度), who has reported in each and who has not;
// the office opens, urges (催报) and closes a round, a unit submits its own report while the round is open.

import {h, table} from '../dom.js';
import {t, fmtDate, fmtDateTime, fmtNumber, today} from '../i18n.js';
import {get, query} from '../api.js';
import {app} from '../context.js';
import {actionForm} from '../forms.js';
import {pageHeader, section, facts, unitLink, empty, folded} from '../ui.js';

const cidPath = () => '/api/conferences/' + encodeURIComponent(app.conference.conferenceId) + '/reporting-rounds';

export const STATE_CLASS = {REPORTED: 'green', REPORTED_LATE: 'amber', NOT_REPORTED: 'none', OVERDUE: 'red'};

/** 已报送 / 逾期报送 / 未报送 / 逾期未报送, coloured and spelled out. */
export function reportStateBadge(state) {
  return h('span', {class: 'report-state rs-' + (STATE_CLASS[state] || 'none'), 'data-state': state},
    t('reportState.' + state));
}

const QUARTER = {1: 'period.q1', 2: 'period.q2', 3: 'period.q3', 4: 'period.q4'};
const HALF = {1: 'period.h1', 2: 'period.h2'};

/** 2026-Q1 as 2026年第一季度 (Q1 2026), 2026-H1 as 2026年上半年, 2026 as 2026年度. */
export function periodText(period) {
  const m = /^(\d{4})(?:-([QH])([1-4]))?$/.exec(period || '');
  if (!m) return period || '';
  if (!m[2]) return t('period.year', {year: m[1]});
  return m[2] === 'Q' ? t('period.quarter', {year: m[1], quarter: t(QUARTER[m[3]])})
    : t('period.half', {year: m[1], half: t(HALF[m[3]])});
}

/** The round's name: its period and what it collects. */
export const roundName = (r) => periodText(r.period) + t('reporting.kindSep') + t('reportKind.' + r.kind);

export const roundLink = (r) => h('a', {href: '#/reporting/' + encodeURIComponent(r.period)}, roundName(r));

const openState = (r) => (r.open ? t('reporting.open') : t('reporting.closedOn', {date: fmtDate(r.closedOn)}));

const PERIOD_HINT = {QUARTERLY: '2026-Q1', HALF_YEAR: '2026-H1', ANNUAL: '2026'};
const PERIOD_FORMAT = {QUARTERLY: /^\d{4}-Q[1-4]$/, HALF_YEAR: /^\d{4}-H[12]$/, ANNUAL: /^\d{4}$/};

/** 发起报送: kind, period, due date, the units expected (all active member units unless some are ticked). */
function openForm() {
  return actionForm({id: 'reporting-open', title: 'a.openRound', ok: 'ok.openRound',
    defaults: () => ({kind: 'QUARTERLY'}),
    fields: [
      {name: 'kind', label: 'f.reportKind', type: 'select', required: true, placeholder: false, rerender: true,
        options: ['QUARTERLY', 'HALF_YEAR', 'ANNUAL'].map(k => ({value: k, label: t('reportKind.' + k)}))},
      {name: 'period', label: 'f.reportPeriod', required: true, maxLength: 7,
        hint: t('reporting.periodHint'),
        validate: (v, values) => (PERIOD_FORMAT[values.kind] && !PERIOD_FORMAT[values.kind].test(v.trim())
          ? t('reporting.periodFormat', {example: PERIOD_HINT[values.kind]}) : null)},
      {name: 'dueDate', label: 'f.reportDue', type: 'date', required: true,
        validate: v => (v < today() ? t('v.notBefore', {date: fmtDate(today())}) : null)},
      {name: 'expectedUnits', label: 'f.expectedUnits', type: 'checks', wide: true, options: app.unitOptions(),
        hint: t('reporting.expectedHint')},
      {name: 'requirements', label: 'f.requirements', type: 'textarea', maxLength: 4000, wide: true},
    ],
    ruleFields: {ReportingPeriodMatchesItsKind: 'period', ReportingRoundOpenedOnce: 'period',
      ReportingDueDateNotBeforeOpening: 'dueDate', ReportingRoundCollectsFromMemberUnits: 'expectedUnits'},
    request: (v) => ({path: cidPath(), body: {kind: v.kind, period: v.period.trim(), dueDate: v.dueDate,
      expectedUnits: v.expectedUnits && v.expectedUnits.length ? v.expectedUnits : null,
      requirements: (v.requirements || '').trim()}})});
}

export const rounds = {
  nav: 'reporting',
  async load() {
    return get(cidPath());
  },
  render(data) {
    return h('div', null,
      pageHeader(t('reporting.title'), h('p', {class: 'muted'}, t('reporting.intro'))),
      app.is('OFFICE') ? openForm() : null,
      section(t('reporting.rounds'), table([
        {label: t('reporting.col.round'), cell: roundLink, class: 'grow'},
        {label: t('f.reportDue'), cell: r => fmtDate(r.dueDate)},
        {label: t('reporting.col.state'), cell: openState},
        {label: t('reporting.col.reported'), cell: r => t('reporting.reportedOf', {n: fmtNumber(r.counts.reported
          + r.counts.reportedLate), of: fmtNumber(r.counts.expected)}), class: 'num'},
        {label: t('reporting.col.missing'), cell: r => fmtNumber(r.counts.notReported + r.counts.overdue), class: 'num'},
      ], data.items, {empty: t('reporting.none'), rowClass: r => (r.open ? null : 'muted')})));
  },
};

function urgeForm(round) {
  const missing = round.units.filter(u => u.state === 'NOT_REPORTED' || u.state === 'OVERDUE');
  if (!missing.length) return null;
  return actionForm({id: 'reporting-urge-' + round.period, title: 'a.urgeReport', ok: 'ok.urgeReport',
    defaults: () => ({message: t('reporting.defaultUrging', {label: roundName(round),
      due: fmtDate(round.dueDate)})}),
    fields: [
      {name: 'unitCode', label: 'f.unit', type: 'select', required: true,
        options: missing.map(u => ({value: u.unitCode, label: u.unitName}))},
      {name: 'message', label: 'f.urgeMessage', type: 'textarea', required: true, maxLength: 1000, wide: true},
    ],
    ruleFields: {UrgeOnlyUnitsThatHaveNotReported: 'unitCode'},
    request: (v) => ({path: cidPath() + '/' + encodeURIComponent(round.period) + '/urgings',
      body: {unitCode: v.unitCode, message: v.message.trim()}})});
}

function addUnitForm(round) {
  const expected = new Set(round.units.map(u => u.unitCode));
  const others = app.unitOptions().filter(o => !expected.has(o.value));
  if (!others.length) return null;
  return actionForm({id: 'reporting-add-' + round.period, title: 'a.addExpectedUnit', ok: 'ok.addExpectedUnit',
    fields: [{name: 'unitCode', label: 'f.unit', type: 'select', required: true, options: others}],
    ruleFields: {ReportingRoundCollectsFromMemberUnits: 'unitCode'},
    request: (v) => ({path: cidPath() + '/' + encodeURIComponent(round.period) + '/expected-units',
      body: {unitCode: v.unitCode}})});
}

function closeForm(round) {
  return actionForm({id: 'reporting-close-' + round.period, title: 'a.closeRound', ok: 'ok.closeRound', danger: true,
    intro: h('p', {class: 'hint'}, t('reporting.closeIntro')),
    fields: [],
    request: () => ({path: cidPath() + '/' + encodeURIComponent(round.period) + '/closure', body: {}})});
}

function submitForm(round, own) {
  return actionForm({id: 'reporting-submit-' + round.period, title: own.submissions.length ? 'a.resubmitReport'
    : 'a.submitReport', ok: 'ok.submitReport', open: !own.submissions.length,
    intro: round.requirements ? h('p', {class: 'hint wrap'}, round.requirements) : null,
    fields: [
      {name: 'text', label: 'f.reportText', type: 'textarea', required: true, maxLength: 8000, wide: true, rows: 8},
      {name: 'documentRef', label: 'f.documentRef', maxLength: 300},
    ],
    ruleFields: {ReportingRoundIsOpen: 'text', OnlyExpectedUnitsReport: 'text'},
    request: (v) => ({path: cidPath() + '/' + encodeURIComponent(round.period) + '/reports',
      body: {text: v.text.trim(), documentRef: (v.documentRef || '').trim() || null}})});
}

/** What a unit sent (latest first, the earlier ones marked as superseded) and the urgings it received. */
export function unitHistory(u) {
  const submissions = [...u.submissions].reverse();
  return h('div', {class: 'report-history'},
    submissions.length ? h('ol', {class: 'submissions', reversed: true}, submissions.map((s, i) => h('li', null,
      h('div', {class: 'when'}, fmtDateTime(s.submittedAt), s.late ? h('span', {class: 'report-state rs-amber'},
        t('reportState.REPORTED_LATE')) : null, i > 0 ? h('span', {class: 'muted'}, ' · ' + t('reporting.superseded')) : null),
      s.documentRef ? h('div', {class: 'muted'}, t('f.documentRef') + t('sep') + s.documentRef) : null,
      folded(s.text)))) : null,
    u.urgings.length ? h('ul', {class: 'urgings'}, u.urgings.map(g => h('li', null,
      h('span', {class: 'when'}, fmtDateTime(g.urgedAt)), ' ',
      h('strong', null, t('reporting.urgedBy', {role: t('role.' + (g.urgedByRole || 'SYSTEM')), who: g.urgedBy || ''})),
      t('sep'), g.message))) : null);
}

export const round = {
  nav: 'reporting',
  async load(route) {
    return get(cidPath() + '/' + encodeURIComponent(route.params[0]));
  },
  render(r) {
    const own = app.is('UNIT') ? r.units.find(u => u.unitCode === app.me.unitCode) : null;
    return h('div', {'data-round': r.period},
      pageHeader(roundName(r),
        h('p', {class: 'muted'}, openState(r))),
      section(null, facts([
        [t('f.reportKind'), t('reportKind.' + r.kind)],
        [t('f.reportPeriod'), periodText(r.period)],
        [t('f.reportDue'), fmtDate(r.dueDate)],
        [t('reporting.openedOn'), fmtDate(r.openedOn)],
        [t('f.requirements'), r.requirements ? h('span', {class: 'wrap'}, r.requirements) : '—'],
        [t('reporting.counts'), t('reporting.countsText', r.counts)],
      ])),
      own ? section(t('reporting.mine'), h('p', null, reportStateBadge(own.state)), unitHistory(own),
        r.open ? submitForm(r, own) : empty(t('reporting.closedNoMore'))) : null,
      app.is('OFFICE') && r.open ? h('div', {class: 'action-row'}, urgeForm(r), addUnitForm(r), closeForm(r)) : null,
      section(t('reporting.units'), table([
        {label: t('f.unit'), cell: u => unitLink(u.unitCode, u.unitName), class: 'grow'},
        {label: t('reporting.col.state'), cell: u => reportStateBadge(u.state)},
        {label: t('reporting.col.firstReported'), cell: u => (u.firstReportedAt ? fmtDateTime(u.firstReportedAt) : '—')},
        {label: t('reporting.col.submissions'), cell: u => fmtNumber(u.submissions.length), class: 'num'},
        {label: t('reporting.col.urgings'), cell: u => fmtNumber(u.urgingCount), class: 'num'},
        {label: t('reporting.col.latest'), cell: u => (u.submissions.length || u.urgings.length ? unitHistory(u) : '—')},
      ], r.units, {rowClass: u => 'report-row-' + u.state.toLowerCase()})));
  },
};
