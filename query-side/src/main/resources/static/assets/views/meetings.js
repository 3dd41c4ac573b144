// 会议: the list, one meeting from convening to issued minutes, and the decision register
// (议定事项登记簿: meeting → minutes → matter → approval → tasks → closure).

import {h, table} from '../dom.js';
import {t, fmtDate, fmtDateTime, today} from '../i18n.js';
import {get, query, Problem} from '../api.js';
import {app} from '../context.js';
import {actionForm, formState, lines, stableId, withOffset} from '../forms.js';
import {pageHeader, section, facts, meetingLink, taskLink, statusBadge, empty, folded} from '../ui.js';

const seatLabel = s => `${s.name}（${t('seat.' + s.role)}，${s.title}）`;
const conveners = () => app.seats.filter(s => s.role === 'CONVENER' || s.role === 'DEPUTY_CONVENER');
const convener = () => app.seats.find(s => s.role === 'CONVENER');

export const meetings = {
  nav: 'meetings',
  async load() {
    return get('/api/meetings' + query({conferenceId: app.conference.conferenceId, size: 500}));
  },
  render(data) {
    const rows = [...data.items].sort((a, b) => String(b.scheduledAt).localeCompare(String(a.scheduledAt)));
    return h('div', null,
      pageHeader(t('meetings.title')),
      app.is('OFFICE') ? conveneForm() : null,
      table([
        {label: t('meetings.col.when'), cell: m => fmtDateTime(m.scheduledAt)},
        {label: t('meetings.col.topic'), cell: m => meetingLink(m.meetingId, m.topic), class: 'grow'},
        {label: t('meetings.col.kind'), cell: m => t('kind.' + m.kind)},
        {label: t('meetings.col.where'), cell: m => m.location},
        {label: t('meetings.col.convener'), cell: m => m.convenerName || m.convenedBy},
        {label: t('meetings.col.minutes'), cell: m => (m.cancelled ? t('meetings.cancelled') : t('minutes.' + m.minutesState))},
        {label: t('meetings.col.decisions'), cell: m => String(m.decisions), class: 'num'},
      ], rows, {empty: t('meetings.empty')}));
  },
};

/** 召开会议: kind, topic, time, place, the convener from the roster, participants and invited departments. */
function conveneForm() {
  const cid = app.conference.conferenceId;
  return actionForm({
    id: 'convene-meeting',
    title: 'a.convene',
    ok: 'ok.convene',
    defaults: () => ({kind: 'PLENARY', convenedBy: convener() ? convener().personId : '', participantUnits: []}),
    fields: [
      {name: 'kind', label: 'f.kind', type: 'radio', required: true, rerender: true,
        options: ['PLENARY', 'SPECIAL_TOPIC'].map(k => ({value: k, label: t('kind.' + k)})),
        change: v => {
          // Propose the seat the rule asks for; the office may still pick another.
          const want = v.kind === 'PLENARY' ? 'CONVENER' : 'DEPUTY_CONVENER';
          const seat = app.seats.find(s => s.role === want);
          if (seat) v.convenedBy = seat.personId;
        }},
      {name: 'topic', label: 'f.topic', required: true, maxLength: 300, wide: true},
      {name: 'scheduledAt', label: 'f.scheduledAt', type: 'datetime', required: true},
      {name: 'location', label: 'f.location', required: true, maxLength: 200},
      {name: 'convenedBy', label: 'f.convenedBy', type: 'select', required: true,
        options: conveners().map(s => ({value: s.personId, label: seatLabel(s)}))},
      {type: 'note', name: 'plenary-note', text: t('f.plenaryUnits'), visible: v => v.kind === 'PLENARY'},
      {name: 'participantUnits', label: 'f.participantUnits', type: 'checks', required: true, wide: true,
        options: app.unitOptions(), visible: v => v.kind === 'SPECIAL_TOPIC'},
      {name: 'invitedDepartments', label: 'f.invitedDepartments', type: 'lines', wide: true},
    ],
    ruleFields: {PlenaryConvenedByConvener: 'convenedBy', SpecialTopicConvenedByDeputyConvener: 'convenedBy',
      ParticipantsAreActiveMemberUnits: 'participantUnits', PlenaryIncludesEveryActiveUnit: 'participantUnits',
      InvitedDepartmentsAreNotMemberUnits: 'invitedDepartments', MeetingNotBeforeEstablishment: 'scheduledAt'},
    request: (v, state) => ({path: '/api/meetings', body: {
      meetingId: stableId(state, 'meeting', 'm'), conferenceId: cid, kind: v.kind, topic: v.topic.trim(),
      scheduledAt: withOffset(v.scheduledAt), location: v.location.trim(), convenedBy: v.convenedBy,
      participantUnits: v.kind === 'SPECIAL_TOPIC' ? v.participantUnits : [],
      invitedDepartments: lines(v.invitedDepartments)}}),
    after: (result) => { location.hash = '#/meetings/' + encodeURIComponent(result.body.id); },
  });
}

/**
 * The number to offer for signed minutes about to be issued: the next of the conference's latest series
 * (GET /api/minutes/next-number). Only an offer, which the office may change; none when nothing was issued
 * yet or the question fails.
 */
async function nextDocumentNo(m) {
  const current = (m.minutes || []).find(x => x.version === m.currentMinutesVersion);
  if (!app.is('OFFICE') || !current || current.state !== 'SIGNED') return null;
  try {
    return (await get('/api/minutes/next-number' + query({conferenceId: m.conferenceId}))).documentNumber;
  } catch (e) {
    return null;
  }
}

export const meeting = {
  nav: 'meetings',
  async load(route) {
    const id = route.params[0];
    for (let attempt = 0; ; attempt++) {
      try {
        const m = await get('/api/meetings/' + encodeURIComponent(id));
        return {...m, nextDocumentNo: await nextDocumentNo(m)};
      } catch (e) {
        if (!(e instanceof Problem && e.status === 404 && app.versions.has(id) && attempt < 15)) throw e;
        await new Promise(resolve => setTimeout(resolve, 300));
      }
    }
  },
  render(m) {
    const current = (m.minutes || []).find(x => x.version === m.currentMinutesVersion);
    const att = m.attendance;
    return h('div', {class: 'meeting-detail', 'data-meeting': m.meetingId},
      pageHeader(m.topic, h('span', {class: 'tag'}, t('kind.' + m.kind)),
        m.cancelled ? h('span', {class: 'tag red'}, t('meetings.cancelled'))
          : current ? h('span', {class: 'tag minutes-' + current.state.toLowerCase()}, t('minutes.' + current.state)) : null),
      m.cancelled ? h('p', {class: 'notice error'}, t('meeting.cancelledBecause', {reason: m.cancellationReason})) : null,
      h('div', {class: 'cols wide-left'},
        h('div', null,
          section(null, facts([
            [t('meetings.col.when'), fmtDateTime(m.scheduledAt)],
            [t('meetings.col.where'), m.location],
            [t('meetings.col.convener'), m.convenerName || m.convenedBy],
            [t('meeting.participants'), (m.participantUnits || []).map(u => u.name || u.unitCode).join('、') || '—'],
            [t('meeting.invited'), (m.invitedDepartments || []).join('、') || '—'],
          ])),
          section(t('meeting.attendance'), att ? facts([
            [t('meeting.present'), att.present.map(u => u.name || u.unitCode).join('、') || '—'],
            [t('meeting.absent'), att.absent.length ? att.absent.map(a => `${a.name || a.unitCode}（${a.reason}）`).join('、') : '—'],
            [t('meeting.standIn'), att.standIns.length
              ? att.standIns.map(s => `${app.unitName(s.unitCode)}：${s.name}（${s.title}）`).join('、') : '—'],
          ]) : empty(t('meeting.noAttendance'))),
          section(t('meeting.decisions'), (m.decisions || []).length
            ? h('ol', {class: 'decisions'}, m.decisions.map(d => h('li', {'data-decision': d.decisionId},
              h('div', {class: 'matter'}, d.major ? h('span', {class: 'tag amber'}, t('meeting.major')) : null, ' ', folded(d.matter)),
              h('p', {class: 'muted small'}, t('meeting.version', {n: d.minutesVersion}),
                d.approval ? ' · ' + t('approval.' + d.approval.state) : '',
                d.minutesDocumentNo ? ' · ' + d.minutesDocumentNo : ''),
              (d.tasks || []).length ? h('ul', {class: 'decision-tasks'}, d.tasks.map(task => h('li', null,
                // Tasks exist once the minutes are issued, and for a major matter once it is approved.
                d.issuedInVersion && (!d.major || (d.approval && d.approval.state === 'APPROVED'))
                  ? taskLink(task.taskId, task.title) : task.title, ' · ', app.unitName(task.leadUnitCode),
                (task.coUnitCodes || []).length ? '（' + task.coUnitCodes.map(c => app.unitName(c)).join('、') + '）' : '',
                ' · ', fmtDate(task.dueDate)))) : null)))
            : empty(t('meeting.noDecisions'))),
          section(t('meeting.minutes'), h('ol', {class: 'minutes'}, (m.minutes || []).map(x => h('li', null,
            h('strong', null, t('meeting.version', {n: x.version}) + ' · ' + t('minutes.' + x.state)),
            x.correctionReason ? h('p', {class: 'muted'}, x.correctionReason) : null,
            x.revisionReason ? h('p', {class: 'muted'}, t('meeting.revisionReason', {reason: x.revisionReason})) : null,
            x.signedOn ? h('p', null, t('meeting.signedBy', {name: x.signerName || x.signedBy, date: fmtDate(x.signedOn)})) : null,
            x.documentNo ? h('p', null, t('meeting.issued', {no: x.documentNo, date: fmtDate(x.issuedOn)})) : null,
            (x.distribution || []).length ? h('p', {class: 'muted'}, t('meeting.distribution') + t('sep') + x.distribution.join('、')) : null))))),
        h('aside', {class: 'actions-panel', 'aria-label': t('task.actions')},
          h('h3', null, t('task.actions')), meetingActions(m, current))));
  },
};

/** What the office records next, in the order the notice gives: attendance, matters, 签发, 印发, 报批. */
function meetingActions(m, current) {
  if (!app.is('OFFICE') || m.cancelled || !current) return h('p', {class: 'muted'}, t('task.noActions'));
  const id = m.meetingId;
  const path = '/api/meetings/' + encodeURIComponent(id);
  const forms = [];
  const form = (name, spec) => forms.push(actionForm({id: `meeting-${id}-${name}`, ...spec}));
  const draftDecisions = (m.decisions || []).filter(d => d.minutesVersion === current.version);
  const everSigned = (m.minutes || []).some(x => x.state !== 'DRAFT' || x.revisionReason);

  if (current.state === 'DRAFT') {
    if ((m.participantUnits || []).length) {
      form('attendance', {title: 'a.attendance', ok: 'ok.attendance', keepSent: true,
        defaults: () => ({rows: m.participantUnits.map(u => {
          const absent = m.attendance && m.attendance.absent.find(a => a.unitCode === u.unitCode);
          const standIn = m.attendance && m.attendance.standIns.find(s => s.unitCode === u.unitCode);
          return {unitCode: u.unitCode, present: absent ? 'no' : 'yes', reason: absent ? absent.reason : '',
            standInName: standIn ? standIn.name : '', standInTitle: standIn ? standIn.title : ''};
        })}),
        fields: [{name: 'rows', label: 'meeting.attendance', type: 'rows', fixed: true,
          rowLabel: row => app.unitName(row.unitCode),
          fields: [
            {name: 'present', label: 'f.present', type: 'select', required: true, placeholder: false, rerender: true,
              options: [{value: 'yes', label: t('meeting.present')}, {value: 'no', label: t('meeting.absent')}]},
            {name: 'reason', label: 'f.absentReason', required: true, maxLength: 300, visible: r => r.present === 'no'},
            {name: 'standInName', label: 'f.standInName', maxLength: 50, visible: r => r.present === 'yes'},
            {name: 'standInTitle', label: 'f.standInTitle', maxLength: 200, visible: r => r.present === 'yes',
              validate: (v, r) => (r.standInName && !v ? t('v.required') : null)},
          ]}],
        request: v => ({path: path + '/attendance', body: {
          present: v.rows.filter(r => r.present === 'yes').map(r => r.unitCode),
          absent: v.rows.filter(r => r.present === 'no').map(r => ({unitCode: r.unitCode, reason: r.reason.trim()})),
          standIns: v.rows.filter(r => r.present === 'yes' && r.standInName && r.standInName.trim())
            .map(r => ({unitCode: r.unitCode, name: r.standInName.trim(), title: (r.standInTitle || '').trim()}))}})});
    }
    form('decision', {title: 'a.decision', ok: 'ok.decision', open: draftDecisions.length === 0,
      defaults: () => ({major: false, tasks: [{coUnitCodes: []}]}),
      fields: [
        {name: 'matter', label: 'f.matter', type: 'textarea', required: true, maxLength: 2000, wide: true},
        {name: 'major', label: 'f.major', type: 'checkbox'},
        {name: 'tasks', label: 'f.tasks', type: 'rows', newRow: () => ({coUnitCodes: []}),
          fields: [
            {name: 'title', label: 'f.taskTitle', required: true, maxLength: 300, wide: true},
            {name: 'leadUnitCode', label: 'f.leadUnitCode', type: 'select', required: true, options: app.unitOptions()},
            {name: 'dueDate', label: 'f.dueDate', type: 'date', required: true},
            {name: 'coUnitCodes', label: 'f.coUnitCodes', type: 'checks', options: app.unitOptions(), wide: true,
              validate: (v, row) => ((v || []).includes(row.leadUnitCode) ? t('v.notLead') : null)},
          ]},
      ],
      ruleFields: {DecisionIdUnique: 'matter', DecisionsOnlyUntilMinutesSigned: 'matter',
        OneActiveLeadUnit: 'tasks', CoUnitsAreActiveMemberUnits: 'tasks'},
      request: (v, state) => ({path: path + '/decisions', body: {
        decisionId: stableId(state, 'decision', 'd'), matter: v.matter.trim(), major: !!v.major,
        tasks: (v.tasks || []).map((row, i) => ({taskId: stableId(state, 'task' + i, 't'), title: row.title.trim(),
          leadUnitCode: row.leadUnitCode, coUnitCodes: row.coUnitCodes || [], dueDate: row.dueDate}))}})});
    // 调整办结时限: a draft matter's tasks (before the minutes are signed, or after they were returned).
    for (const d of draftDecisions.filter(x => !x.issuedInVersion && (x.tasks || []).length)) {
      form('due-dates-' + d.decisionId, {title: 'a.dueDates', ok: 'ok.dueDates', keepSent: true,
        intro: h('div', {class: 'muted'}, folded(d.matter)),
        defaults: () => ({rows: d.tasks.map(task => ({taskId: task.taskId, title: task.title, dueDate: task.dueDate}))}),
        fields: [
          {name: 'rows', label: 'f.tasks', type: 'rows', fixed: true, rowLabel: row => row.title,
            fields: [{name: 'dueDate', label: 'f.dueDate', type: 'date', required: true}]},
          {name: 'reason', label: 'f.reason', type: 'textarea', required: true, maxLength: 500, wide: true},
        ],
        ruleFields: {DueDateNotBeforeAssignment: 'rows', DueDatesNameTheMattersTasks: 'rows'},
        request: v => ({path: `${path}/decisions/${encodeURIComponent(d.decisionId)}/due-dates`, body: {
          dueDates: v.rows.map(r => ({taskId: r.taskId, dueDate: r.dueDate})), reason: v.reason.trim()}})});
    }
    if (draftDecisions.length) {
      form('sign', {title: 'a.sign', ok: 'ok.sign',
        defaults: () => ({signedBy: convener() ? convener().personId : '', signedOn: today()}),
        intro: m.attendance ? null : h('p', {class: 'muted'}, t('meeting.signNeedsAttendance')),
        fields: [
          // 由召集人签发: the server refuses anyone else (OnlyTheConvenerSignsMinutes), so only the convener is offered.
          {name: 'signedBy', label: 'f.signedBy', type: 'select', required: true, placeholder: convener() ? false : undefined,
            options: convener() ? [{value: convener().personId, label: seatLabel(convener())}] : []},
          {name: 'signedOn', label: 'f.signedOn', type: 'date', required: true},
        ],
        ruleFields: {OnlyTheConvenerSignsMinutes: 'signedBy', SignedNotBeforeMeeting: 'signedOn'},
        request: v => ({path: path + '/minutes/signature', body: {signedBy: v.signedBy, signedOn: v.signedOn}})});
    }
    if (!everSigned) {
      form('cancel', {title: 'a.cancelMeeting', ok: 'ok.cancelMeeting', danger: true,
        fields: [{name: 'reason', label: 'f.reason', type: 'textarea', required: true, maxLength: 500, wide: true}],
        request: v => ({path: path + '/cancellation', body: {reason: v.reason.trim()}})});
    }
  }
  if (current.state === 'SIGNED') {
    // The form keeps its values between renders (and after use, its defaults of then): a number offered
    // since (a correction to issue, the series moved on) fills the field while it is empty or still holds
    // the number offered before; a number the office typed stays.
    const issueState = formState(`meeting-${id}-issue`);
    if (issueState.initialised && m.nextDocumentNo
        && (!issueState.values.documentNo || issueState.values.documentNo === issueState.offered)) {
      issueState.values.documentNo = m.nextDocumentNo;
    }
    if (m.nextDocumentNo) issueState.offered = m.nextDocumentNo;
    // Tasks of a major matter are assigned only once the approval is recorded: say so, never "assigned".
    const major = draftDecisions.filter(d => d.major).length;
    form('issue', {title: 'a.issue', open: true,
      ok: !major ? 'ok.issue' : major === draftDecisions.length ? 'ok.issueAllMajor' : 'ok.issueSomeMajor',
      defaults: () => ({issuedOn: today(), documentNo: m.nextDocumentNo || ''}),
      fields: [
        {name: 'documentNo', label: 'f.documentNo', required: true, maxLength: 100},
        {name: 'issuedOn', label: 'f.issuedOn', type: 'date', required: true},
        {name: 'distribution', label: 'f.distribution', type: 'lines', required: true, wide: true},
      ],
      ruleFields: {MinutesDocumentNumberUnique: 'documentNo', IssueSignedMinutesOnce: 'documentNo',
        IssuedNotBeforeSigned: 'issuedOn', DueDateNotBeforeAssignment: 'issuedOn'},
      request: v => ({path: path + '/minutes/issue', body: {documentNo: v.documentNo.trim(),
        distribution: lines(v.distribution), issuedOn: v.issuedOn}})});
    // A signed text that must change (a due date the issue would pass) goes back, and is signed again.
    form('return', {title: 'a.returnForRevision', ok: 'ok.returnForRevision',
      intro: h('p', {class: 'muted'}, t('meeting.returnIntro')),
      fields: [{name: 'reason', label: 'f.reason', type: 'textarea', required: true, maxLength: 500, wide: true}],
      request: v => ({path: path + '/minutes/revision', body: {reason: v.reason.trim()}})});
  }
  for (const d of m.decisions || []) {
    const state = d.approval && d.approval.state;
    if (state === 'PENDING_SUBMISSION' && d.issuedInVersion) {
      form('submit-' + d.decisionId, {title: 'a.submitApproval', ok: 'ok.submitApproval',
        intro: h('div', {class: 'muted'}, folded(d.matter)),
        defaults: () => ({submittedOn: today()}),
        fields: [
          {name: 'submittedTo', label: 'f.submittedTo', required: true, maxLength: 200},
          {name: 'documentNo', label: 'f.documentNo', required: true, maxLength: 100},
          {name: 'submittedOn', label: 'f.signedOn', type: 'date', required: true},
        ],
        request: v => ({path: `${path}/decisions/${encodeURIComponent(d.decisionId)}/approval-request`, body: {
          submittedTo: v.submittedTo.trim(), documentNo: v.documentNo.trim(), submittedOn: v.submittedOn}})});
    }
    if (state === 'SUBMITTED') {
      form('approval-' + d.decisionId, {title: 'a.recordApproval', ok: 'ok.recordApproval',
        intro: h('div', {class: 'muted'}, folded(d.matter)),
        defaults: () => ({decidedOn: today(), approver: d.approval.submittedTo || ''}),
        fields: [
          {name: 'approved', label: 'f.approved', type: 'radio', required: true,
            options: [{value: 'true', label: t('f.approvedYes')}, {value: 'false', label: t('f.approvedNo')}]},
          {name: 'approver', label: 'f.approver', required: true, maxLength: 200},
          {name: 'documentNo', label: 'f.documentNo', required: true, maxLength: 100},
          {name: 'decidedOn', label: 'f.decidedOn', type: 'date', required: true},
        ],
        request: v => ({path: `${path}/decisions/${encodeURIComponent(d.decisionId)}/approval`, body: {
          approved: v.approved === 'true', approver: v.approver.trim(), documentNo: v.documentNo.trim(),
          decidedOn: v.decidedOn}})});
    }
  }
  if (current.state === 'ISSUED') {
    form('correction', {title: 'a.correction', ok: 'ok.correction',
      fields: [{name: 'reason', label: 'f.reason', type: 'textarea', required: true, maxLength: 500, wide: true}],
      request: v => ({path: path + '/minutes/corrections', body: {reason: v.reason.trim()}})});
  }
  return forms.length ? forms : h('p', {class: 'muted'}, t('task.noActions'));
}

export const decisions = {
  nav: 'decisions',
  async load() {
    return get('/api/decisions' + query({conferenceId: app.conference.conferenceId, size: 500}));
  },
  render(data) {
    return h('div', null,
      pageHeader(t('decisions.title')),
      table([
        {label: t('decisions.col.meeting'), cell: d => [meetingLink(d.meetingId, d.meetingTopic),
          h('div', {class: 'muted small'}, t('kind.' + d.meetingKind) + ' · ' + fmtDate(d.meetingDate))]},
        {label: t('decisions.col.minutes'), cell: d => d.minutesDocumentNo
          ? [d.minutesDocumentNo, h('div', {class: 'muted small'}, fmtDate(d.minutesIssuedOn))] : '—'},
        {label: t('decisions.col.matter'), class: 'grow', cell: d => [d.major ? h('span', {class: 'tag amber'}, t('meeting.major')) : null,
          ' ', folded(d.matter)]},
        {label: t('decisions.col.approval'), cell: d => t('approval.' + d.approval)},
        {label: t('decisions.col.tasks'), cell: d => (d.tasks || []).length ? h('ul', {class: 'plain'}, d.tasks.map(task => h('li', null,
          task.status ? taskLink(task.taskId, task.title) : task.title, ' · ', task.leadUnitName || app.unitName(task.leadUnitCode), ' ',
          task.status ? statusBadge(task.status) : h('span', {class: 'muted'}, t('decisions.notAssigned'))))) : '—'},
        {label: t('decisions.col.closed'), cell: d => (d.allTasksClosed ? t('decisions.allClosed')
          : `${d.tasksClosed}/${(d.tasks || []).length}`), class: 'num'},
      ], data.items, {empty: t('decisions.empty')}));
  },
};
