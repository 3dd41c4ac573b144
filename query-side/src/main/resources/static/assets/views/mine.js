// 我的任务: a unit's workspace. The tasks it leads and supports, worst first; its member and liaison,
// with the two roster acts a unit does itself: propose a change of its member, file its liaison.

import {h} from '../dom.js';
import {t, fmtDate} from '../i18n.js';
import {get, query} from '../api.js';
import {app} from '../context.js';
import {actionForm, stableId} from '../forms.js';
import {pageHeader, section, facts, ragBadge, kpi} from '../ui.js';
import {taskTable} from './board.js';
import {changeLine, liaisonForm} from './roster.js';
import {reportStateBadge, roundLink} from './reporting.js';

const RANK = {RED: 0, AMBER: 1, GREEN: 2};
const byUrgency = (a, b) => (a.status === 'CLOSED') - (b.status === 'CLOSED') || RANK[a.rag] - RANK[b.rag]
  || String(a.dueDate).localeCompare(String(b.dueDate));

export const mine = {
  nav: 'mine',
  async load() {
    const code = app.me.unitCode;
    const cid = app.conference.conferenceId;
    const [unit, tasks, changes, rounds] = await Promise.all([
      get('/api/units/' + encodeURIComponent(code) + query({conferenceId: cid})),
      get('/api/tasks' + query({conferenceId: cid, unit: code, size: 500})),
      get(`/api/conferences/${encodeURIComponent(cid)}/member-changes` + query({unit: code})),
      get(`/api/conferences/${encodeURIComponent(cid)}/reporting-rounds` + query({unitCode: code, open: true})),
    ]);
    return {unit, tasks: tasks.items, changes: changes.items, rounds: rounds.items};
  },
  render({unit, tasks, changes, rounds}) {
    const code = unit.unitCode;
    const lead = tasks.filter(x => x.leadUnitCode === code).sort(byUrgency);
    const co = tasks.filter(x => x.leadUnitCode !== code).sort(byUrgency);
    const open = tasks.filter(x => x.status !== 'CLOSED');
    return h('div', null,
      pageHeader(t('mine.title'), h('p', {class: 'muted'}, t('mine.unit', {name: unit.name})), ragBadge(unit.rag)),
      h('div', {class: 'kpis'},
        kpi(t('board.lead'), String(open.filter(x => x.leadUnitCode === code).length)),
        kpi(t('board.co'), String(open.filter(x => x.leadUnitCode !== code).length)),
        kpi(t('board.overdue'), String(open.filter(x => x.rag === 'RED').length), open.some(x => x.rag === 'RED') ? 'red' : '')),
      rounds.length ? section(t('mine.reporting'), h('ul', {class: 'my-rounds'}, rounds.map(r => h('li', {'data-round': r.period},
        roundLink(r), ' ', reportStateBadge(r.unit.state), ' ',
        h('span', {class: 'muted'}, t('mine.reportingDue', {date: fmtDate(r.dueDate)})),
        r.unit.urgingCount ? h('strong', {class: 'urged-by'}, ' ' + t('board.reportingUrged', {n: r.unit.urgingCount})) : null,
        r.requirements ? h('p', {class: 'hint wrap'}, r.requirements) : null)))) : null,
      section(t('mine.lead'), taskTable(lead, code, t('mine.none'))),
      section(t('mine.co'), taskTable(co, code, t('mine.none'))),
      section(t('mine.unitInfo'),
        facts([
          [t('board.member'), unit.member ? `${unit.member.name}（${unit.member.title}）` : t('board.none')],
          [t('board.liaison'), unit.liaison ? `${unit.liaison.name}（${unit.liaison.title}，${unit.liaison.phone}）` : t('board.none')],
        ]),
        changes.length ? h('ul', {class: 'changes'}, changes.map(c => h('li', null,
          h('span', {class: 'status change-' + c.status.toLowerCase()}, t('change.' + c.status)), ' ', changeLine(c)))) : null,
        h('div', {class: 'action-row'},
          unit.member && !changes.some(c => c.status === 'PENDING') ? proposeChangeForm(unit) : null,
          liaisonForm(code))));
  },
};

/** 由所在单位提出: the unit proposes who replaces its member; the conference decides. */
function proposeChangeForm(unit) {
  const cid = encodeURIComponent(app.conference.conferenceId);
  return actionForm({
    id: 'propose-change-' + unit.unitCode,
    title: 'a.proposeChange',
    ok: 'ok.proposeChange',
    intro: h('p', null, t('f.outgoing') + t('sep') + unit.member.name + '（' + unit.member.title + '）'),
    fields: [
      {name: 'name', label: 'f.incomingName', required: true, maxLength: 50},
      {name: 'title', label: 'f.incomingTitle', required: true, maxLength: 200},
      {name: 'reason', label: 'f.reason', type: 'textarea', required: true, maxLength: 500, wide: true},
    ],
    request: (v, state) => ({path: `/api/conferences/${cid}/member-changes`, body: {
      changeId: stableId(state, 'change', 'c'), unitCode: unit.unitCode, outgoingPersonId: unit.member.personId,
      incoming: {personId: stableId(state, 'person', 'p'), name: v.name.trim(), title: v.title.trim()},
      reason: v.reason.trim()}}),
  });
}
