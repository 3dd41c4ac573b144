// 督办事项: the list with its filters, one task in full, and what the signed-in user may do on it.

import {h} from '../dom.js';
import {t, fmtDate, fmtDateTime, today} from '../i18n.js';
import {get, query, Problem} from '../api.js';
import {app} from '../context.js';
import {actionForm, lines, stableId} from '../forms.js';
import {ragBadge, statusBadge, pageHeader, section, facts, percentBar, dueText, unitLink, meetingLink, empty} from '../ui.js';
import {taskTable} from './board.js';

const STATUSES = ['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETION_SUBMITTED', 'CLOSED'];
const RAGS = ['RED', 'AMBER', 'GREEN'];

export const tasks = {
  nav: 'tasks',
  async load(route) {
    const q = route.query;
    return get('/api/tasks' + query({conferenceId: app.conference.conferenceId, unit: q.unit, status: q.status,
      rag: q.rag, dueBefore: q.dueBefore, size: 500}));
  },
  render(data, route) {
    return h('div', null,
      pageHeader(t('tasks.title'), h('p', {class: 'muted'}, t('tasks.total', {n: data.total}))),
      app.is('OFFICE') ? assignForm() : null,
      filterForm(route.query),
      taskTable(data.items));
  },
};

function filterForm(q) {
  const select = (name, label, options) => h('div', {class: 'field'},
    h('label', {for: 'filter-' + name}, t(label)),
    h('select', {id: 'filter-' + name, name},
      h('option', {value: ''}, t('tasks.any')),
      options.map(o => h('option', {value: o.value, selected: q[name] === o.value}, o.label))));
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': t('tasks.filter')},
    select('unit', 'tasks.unit', app.unitOptions()),
    select('status', 'tasks.status', STATUSES.map(s => ({value: s, label: t('status.' + s)}))),
    select('rag', 'tasks.rag', RAGS.map(r => ({value: r, label: t('rag.' + r)}))),
    h('div', {class: 'field'}, h('label', {for: 'filter-dueBefore'}, t('tasks.dueBefore')),
      h('input', {id: 'filter-dueBefore', name: 'dueBefore', type: 'date', value: q.dueBefore || ''})),
    h('div', {class: 'buttons'},
      h('button', {type: 'submit', class: 'primary'}, t('tasks.apply')),
      h('a', {href: '#/tasks', class: 'button secondary'}, t('tasks.clear')),
      exportLink(q, 'csv', 'tasks.exportCsv'),
      exportLink(q, 'xlsx', 'tasks.exportXlsx')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) params.set(key, value);
    const s = params.toString();
    location.hash = '#/tasks' + (s ? '?' + s : '');
  });
  return form;
}

/** 督办台账: the tasks the list shows (the filters applied, not the edits not yet applied) as a file. */
function exportLink(q, format, label) {
  const params = {conferenceId: app.conference.conferenceId, unit: q.unit, status: q.status, rag: q.rag,
    dueBefore: q.dueBefore, format};
  return h('a', {class: 'button secondary', href: 'api/tasks/export' + query(params), download: '',
    'data-export': format}, t(label));
}

/** 直接交办: the office assigns a task on a direct instruction. */
function assignForm() {
  const cid = app.conference.conferenceId;
  return actionForm({
    id: 'assign-task',
    title: 'a.assign',
    ok: 'ok.assign',
    defaults: () => ({coUnitCodes: []}),
    fields: [
      {name: 'title', label: 'f.title', required: true, maxLength: 300, wide: true},
      {name: 'leadUnitCode', label: 'f.leadUnitCode', type: 'select', required: true, options: app.unitOptions(), rerender: true},
      {name: 'dueDate', label: 'f.dueDate', type: 'date', required: true,
        validate: v => (v < today() ? t('v.notBefore', {date: fmtDate(today())}) : null)},
      {name: 'coUnitCodes', label: 'f.coUnitCodes', type: 'checks', options: app.unitOptions(), wide: true,
        validate: (v, all) => ((v || []).includes(all.leadUnitCode) ? t('v.notLead') : null)},
      {name: 'source', label: 'f.source', required: true, maxLength: 300, wide: true},
    ],
    ruleFields: {OneActiveLeadUnit: 'leadUnitCode', CoUnitsAreActiveMemberUnits: 'coUnitCodes',
      DueDateNotBeforeAssignment: 'dueDate'},
    request: (v, state) => ({path: '/api/tasks', body: {taskId: stableId(state, 'task', 't'), conferenceId: cid,
      title: v.title.trim(), leadUnitCode: v.leadUnitCode, coUnitCodes: v.coUnitCodes || [], dueDate: v.dueDate,
      source: v.source.trim()}}),
    after: (result) => { location.hash = '#/tasks/' + encodeURIComponent(result.body.id); },
  });
}

export const task = {
  nav: 'tasks',
  async load(route) {
    const id = route.params[0];
    // A task we just created may not be in the read model yet: give the projection a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        return await get('/api/tasks/' + encodeURIComponent(id));
      } catch (e) {
        if (!(e instanceof Problem && e.status === 404 && app.versions.has(id) && attempt < 15)) throw e;
        await new Promise(resolve => setTimeout(resolve, 300));
      }
    }
  },
  render(task) {
    const source = task.source || {};
    const co = task.coUnits || [];
    return h('div', {class: 'task-detail', 'data-task': task.taskId},
      pageHeader(task.title, ragBadge(task.rag, task.ragReason), statusBadge(task.status)),
      // Working days in a year without the State Council's arrangement are counted Monday to Friday: say so.
      (task.uncoveredCalendarYears || []).length ? h('p', {class: 'notice warn', 'data-calendar-warning': ''},
        t('task.calendarUncovered', {years: task.uncoveredCalendarYears.map(y => y + t('year.suffix')).join('、')})) : null,
      h('div', {class: 'cols wide-left'},
        h('div', null,
          section(null, facts([
            [t('task.source'), source.kind === 'DECISION'
              ? [t('source.DECISION') + t('sep'), meetingLink(source.meetingId, source.minutesDocumentNo || source.meetingId)]
              : [t('source.DIRECT_INSTRUCTION') + t('sep'), source.reference || '—']],
            [t('task.lead'), unitLink(task.lead.unitCode, task.lead.name)],
            [t('task.co'), co.length ? co.map((u, i) => [i ? '、' : '', unitLink(u.unitCode, u.name)]) : '—'],
            [t('task.assignedOn'), fmtDate(task.assignedOn)],
            [t('task.acknowledgedOn'), task.acknowledgedWithFirstReport
              ? [fmtDate(task.acknowledgedOn), ' ', h('span', {class: 'muted', 'data-ack': 'first-report'},
                t('task.ackWithFirstReport'))]
              : fmtDate(task.acknowledgedOn)],
            [t('task.due'), dueText(task.dueDate, task.status)],
            task.originalDueDate && task.originalDueDate !== task.dueDate ? [t('task.originalDue'), fmtDate(task.originalDueDate)] : null,
            [t('task.version'), String(task.version)],
          ])),
          section(t('task.percents'), (task.latestPercents || []).length
            ? h('ul', {class: 'percents'}, task.latestPercents.map(p => h('li', null,
              h('span', {class: 'percent-unit'}, p.unitName || p.unitCode), percentBar(p.percentComplete),
              h('span', {class: 'muted small'}, fmtDateTime(p.reportedAt)))))
            : empty(t('task.noProgress'))),
          section(t('task.progress'), (task.progress || []).length
            ? h('ol', {class: 'timeline', reversed: true}, [...task.progress].reverse().map(p => h('li', {'data-kind': 'progress'},
              h('div', {class: 'when'}, fmtDateTime(p.reportedAt)),
              h('div', null, h('strong', null, (p.unitName || p.unitCode) + ' · ' + p.percentComplete + '%'), h('p', null, p.summary)))))
            : empty(t('task.noProgress'))),
          section(t('task.urgings'), (task.urgings || []).length
            ? h('ol', {class: 'timeline'}, task.urgings.map(u => h('li', null,
              h('div', {class: 'when'}, fmtDateTime(u.urgedAt)), h('div', null,
                u.urgedByRole ? h('strong', {class: 'urged-by'}, t('task.urgedBy', {role: t('role.' + u.urgedByRole),
                  who: u.urgedBy || ''})) : null,
                h('p', null, u.note)))))
            : empty(t('task.noUrgings'))),
          section(t('task.extensions'), (task.extensions || []).length
            ? h('ol', {class: 'timeline'}, task.extensions.map(x => h('li', null,
              h('div', {class: 'when'}, fmtDate(x.requestedOn)),
              h('div', null, h('span', {class: 'status ext-' + x.state.toLowerCase()}, t('ext.' + x.state)), ' ',
                t('task.extensionLine', {from: fmtDate(x.currentDueDate), to: fmtDate(x.newDueDate), reason: x.reason ?? t('reason.withheld')}),
                x.decisionNote ? h('p', {class: 'muted'}, x.decisionNote + (x.decidedOn ? '（' + fmtDate(x.decidedOn) + '）' : '')) : null))))
            : empty(t('task.noExtensions'))),
          task.completion ? section(t('task.completion'),
            h('p', null, task.completion.summary),
            (task.completion.evidence || []).length
              ? [h('h4', null, t('task.evidence')), h('ul', null, task.completion.evidence.map(e => h('li', null, e)))] : null,
            h('p', {class: 'muted'}, fmtDate(task.completion.submittedOn))) : null,
          (task.returns || []).length ? section(t('task.returns'), h('ol', {class: 'timeline'}, task.returns.map(r => h('li', null,
            h('div', {class: 'when'}, fmtDate(r.returnedOn)), h('div', null, r.reason))))) : null,
          task.closure ? section(t('task.closure'), h('p', null, fmtDate(task.closure.closedOn) + ' · '
            + t(task.closure.onTime ? 'task.closedOnTime' : 'task.closedLate') + (task.closure.note ? ' · ' + task.closure.note : ''))) : null),
        h('aside', {class: 'actions-panel', 'aria-label': t('task.actions')},
          h('h3', null, t('task.actions')), taskActions(task))));
  },
};

/** The forms the signed-in user may use on this task now: the rules of docs/rules.md, mirrored. */
function taskActions(task) {
  const me = app.me;
  const id = task.taskId;
  const path = '/api/tasks/' + encodeURIComponent(id);
  const version = () => app.versionOf(id, task.version);
  const closed = task.status === 'CLOSED';
  const awaiting = task.status === 'COMPLETION_SUBMITTED';
  const pending = (task.extensions || []).find(x => x.state === 'PENDING');
  const forms = [];
  const form = (name, spec) => forms.push(actionForm({id: `task-${id}-${name}`, ...spec}));

  if (me.role === 'UNIT') {
    const lead = task.lead.unitCode === me.unitCode;
    const co = (task.coUnits || []).some(u => u.unitCode === me.unitCode);
    const mine = (task.latestPercents || []).find(p => p.unitCode === me.unitCode);
    if (lead && task.status === 'ASSIGNED') {
      form('ack', {title: 'a.acknowledge', ok: 'ok.acknowledge', collapsible: false, fields: [],
        request: () => ({path: path + '/acknowledgement', body: {}, ifMatch: version()})});
    }
    if ((lead || co) && !closed && !awaiting) {
      form('progress', {title: 'a.progress', ok: 'ok.progress', open: true,
        defaults: () => ({percentComplete: mine ? String(mine.percentComplete) : ''}),
        fields: [
          {name: 'percentComplete', label: 'f.percentComplete', type: 'number', required: true, min: 0, max: 100,
            hint: mine ? t('f.lastPercent', {n: mine.percentComplete}) : null},
          {name: 'summary', label: 'f.summary', type: 'textarea', required: true, maxLength: 2000, wide: true},
        ],
        ruleFields: {ProgressNeverGoesDown: 'percentComplete'},
        request: v => ({path: path + '/progress', ifMatch: version(),
          body: {unitCode: me.unitCode, percentComplete: Number(v.percentComplete), summary: v.summary.trim()}})});
    }
    if (lead && !closed && !awaiting && !pending) {
      if (today() > task.dueDate) {
        forms.push(h('p', {class: 'hint'}, t('task.pastDue')));
      } else {
        form('extension', {title: 'a.extension', ok: 'ok.extension',
          fields: [
            {name: 'newDueDate', label: 'f.newDueDate', type: 'date', required: true,
              validate: v => (v <= task.dueDate ? t('v.after', {date: fmtDate(task.dueDate)}) : null)},
            {name: 'reason', label: 'f.reason', type: 'textarea', required: true, maxLength: 1000, wide: true},
          ],
          ruleFields: {ExtensionMovesDueDateLater: 'newDueDate', ExtensionRequestedBeforeDueDate: 'newDueDate'},
          request: (v, state) => ({path: path + '/extension-requests', ifMatch: version(),
            body: {requestId: stableId(state, 'request', 'x'), newDueDate: v.newDueDate, reason: v.reason.trim()}})});
      }
    }
    if (lead && !closed && !awaiting) {
      // Completion means 100 % (CompletionMeansOneHundredPercent): the lead unit reports it first.
      const full = mine && mine.percentComplete === 100;
      form('completion', {title: 'a.completion', ok: 'ok.completion',
        intro: h('p', {class: full ? 'muted' : 'hint'}, full ? t('task.completionMeansFull')
          : t('task.completionNeedsFull', {n: mine ? mine.percentComplete : 0})),
        fields: [
          {name: 'summary', label: 'f.completionSummary', type: 'textarea', required: true, maxLength: 4000, wide: true},
          {name: 'evidence', label: 'f.evidence', type: 'lines', wide: true,
            validate: v => (lines(v).some(line => line.length > 1000) ? t('v.maxLength', {n: 1000}) : null)},
        ],
        request: v => ({path: path + '/completion', ifMatch: version(),
          body: {summary: v.summary.trim(), evidence: lines(v.evidence)}})});
    }
  }

  if (me.role === 'OFFICE') {
    if (pending) {
      form('grant-' + pending.requestId, {title: 'a.grant', ok: 'ok.grant',
        intro: h('p', null, t('task.extensionLine', {from: fmtDate(pending.currentDueDate), to: fmtDate(pending.newDueDate),
          reason: pending.reason})),
        fields: [{name: 'note', label: 'f.note', type: 'textarea', maxLength: 1000, wide: true}],
        request: v => ({path: `${path}/extension-requests/${encodeURIComponent(pending.requestId)}/grant`, ifMatch: version(),
          body: {note: (v.note || '').trim() || null}})});
      form('deny-' + pending.requestId, {title: 'a.deny', ok: 'ok.deny', danger: true,
        fields: [{name: 'reason', label: 'f.reason', type: 'textarea', required: true, maxLength: 1000, wide: true}],
        request: v => ({path: `${path}/extension-requests/${encodeURIComponent(pending.requestId)}/denial`, ifMatch: version(),
          body: {reason: v.reason.trim()}})});
    }
    if (awaiting) {
      const leadPercent = (task.latestPercents || []).find(p => p.unitCode === task.lead.unitCode);
      const leadFull = leadPercent && leadPercent.percentComplete === 100;
      form('close', {title: 'a.close', ok: 'ok.close',
        intro: leadFull ? null : h('p', {class: 'hint'},
          t('task.closeNeedsFull', {n: leadPercent ? leadPercent.percentComplete : 0})),
        fields: [{name: 'note', label: 'f.note', type: 'textarea', maxLength: 1000, wide: true}],
        request: v => ({path: path + '/closure', ifMatch: version(), body: {note: (v.note || '').trim() || null}})});
      form('return', {title: 'a.return', ok: 'ok.return', danger: true,
        fields: [{name: 'reason', label: 'f.reason', type: 'textarea', required: true, maxLength: 1000, wide: true}],
        request: v => ({path: path + '/return', ifMatch: version(), body: {reason: v.reason.trim()}})});
    }
    if (!closed) {
      form('urge', {title: 'a.urge', ok: 'ok.urge',
        fields: [{name: 'note', label: 'f.note', type: 'textarea', required: true, maxLength: 1000, wide: true}],
        request: v => ({path: path + '/urgings', ifMatch: version(), body: {note: v.note.trim()}})});
    }
  }
  return forms.length ? forms : h('p', {class: 'muted'}, t('task.noActions'));
}
