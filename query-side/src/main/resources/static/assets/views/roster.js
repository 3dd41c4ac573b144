// 成员名单 on any date, member changes (成员调整) with the office's decision, and liaison filing (联络员备案).

import {h, table} from '../dom.js';
import {t, fmtDate, today} from '../i18n.js';
import {get, query} from '../api.js';
import {app} from '../context.js';
import {actionForm} from '../forms.js';
import {pageHeader, section, unitLink, empty} from '../ui.js';

export const roster = {
  nav: 'roster',
  async load(route) {
    const cid = encodeURIComponent(app.conference.conferenceId);
    const asOf = route.query.asOf || today();
    const [view, changes, matters] = await Promise.all([
      get(`/api/conferences/${cid}/roster` + query({asOf})),
      get(`/api/conferences/${cid}/member-changes`),
      app.is('OFFICE') ? issuedMatters() : [],
    ]);
    issued = matters;
    return {view, changes: changes.items, asOf};
  },
  render({view, changes, asOf}) {
    const picker = h('form', {class: 'filters', role: 'search'},
      h('div', {class: 'field'}, h('label', {for: 'roster-asOf'}, t('roster.asOf')),
        h('input', {id: 'roster-asOf', name: 'asOf', type: 'date', value: asOf, required: true})),
      h('div', {class: 'buttons'}, h('button', {type: 'submit', class: 'primary'}, t('roster.show'))));
    picker.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = picker.elements.asOf.value;
      if (value) location.hash = '#/roster?asOf=' + value;
    });
    return h('div', null,
      pageHeader(t('roster.title'), h('p', {class: 'muted'}, fmtDate(asOf))),
      picker,
      section(t('roster.seats'), table([
        {label: t('roster.col.role'), cell: s => t('seat.' + s.role)},
        {label: t('roster.col.name'), cell: s => s.name},
        {label: t('roster.col.title'), cell: s => s.title, class: 'grow'},
        {label: t('roster.col.unit'), cell: s => (s.unitCode ? unitLink(s.unitCode, s.unitName) : '—')},
        {label: t('roster.col.since'), cell: s => fmtDate(s.from)},
        {label: t('roster.col.decidedBy'), cell: s => decisionText(s.decidedBy), class: 'decided-by'},
      ], view.seats, {empty: t('roster.none')})),
      section(t('roster.director'), view.officeDirector
        ? h('p', null, view.officeDirector.name + '（' + t('roster.col.since') + ' ' + fmtDate(view.officeDirector.from) + '）',
          view.officeDirector.decidedBy ? h('span', {class: 'muted small'}, ' · ' + decisionText(view.officeDirector.decidedBy)) : null)
        : empty(t('roster.none'))),
      section(t('roster.liaisons'), table([
        {label: t('roster.col.unit'), cell: l => unitLink(l.unitCode, l.unitName)},
        {label: t('roster.col.name'), cell: l => l.name},
        {label: t('roster.col.title'), cell: l => l.title, class: 'grow'},
        {label: t('roster.col.phone'), cell: l => l.phone},
        {label: t('roster.col.since'), cell: l => fmtDate(l.from)},
      ], view.liaisons, {empty: t('roster.none')})),
      section(t('roster.changes'), changes.length ? h('ul', {class: 'changes'}, changes.map(c => h('li', {'data-change': c.changeId},
        h('span', {class: 'status change-' + c.status.toLowerCase()}, t('change.' + c.status)), ' ',
        changeLine(c), h('span', {class: 'muted small'}, ' · ' + t('roster.proposedOn') + ' ' + fmtDate(c.proposedOn)),
        c.decisionReason ? h('p', {class: 'muted'}, c.decisionReason) : null,
        c.decidedBy ? h('p', {class: 'muted decided-by'}, t('roster.col.decidedBy') + '：' + decisionText(c.decidedBy)) : null,
        app.is('OFFICE') && c.status === 'PENDING' ? decideForms(c) : null))) : empty(t('roster.noChanges'))),
      app.is('OFFICE') ? successionForm(view) : null,
      app.is('OFFICE') ? liaisonForm(null) : null);
  },
};

/**
 * 换届: the office records that the convener's or a deputy convener's seat passes to another person, as the
 * conference decided. A member's seat changes through the member change its unit proposes, not here.
 */
function successionForm(view) {
  const convening = view.seats.filter(s => s.role === 'CONVENER' || s.role === 'DEPUTY_CONVENER');
  if (!convening.length) return null;
  const director = view.officeDirector && view.officeDirector.personId;
  const cid = encodeURIComponent(app.conference.conferenceId);
  return actionForm({id: 'succession', title: 'a.succession', ok: 'ok.succession',
    defaults: () => ({effectiveOn: today(), decisionKind: 'MINUTES'}),
    fields: [
      {name: 'outgoing', label: 'f.outgoingSeat', type: 'select', required: true, rerender: true,
        options: convening.map(s => ({value: s.personId, label: `${s.name}（${t('seat.' + s.role)}，${s.title}）`}))},
      {name: 'incomingPersonId', label: 'f.incomingPersonId', required: true, maxLength: 64,
        pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, patternMessage: 'v.personId'},
      {name: 'incomingName', label: 'f.incomingName', required: true, maxLength: 50},
      {name: 'incomingTitle', label: 'f.incomingTitle', required: true, maxLength: 200},
      {name: 'effectiveOn', label: 'f.effectiveOn', type: 'date', required: true},
      {name: 'officeDirector', label: 'f.officeDirectorAfter', type: 'select',
        options: [{value: 'TO_INCOMING', label: t('officeDirector.TO_INCOMING')}, {value: 'VACATE', label: t('officeDirector.VACATE')}],
        validate: (v, values) => (values.outgoing === director && !v ? t('v.required') : null)},
      ...decisionFields(),
    ],
    ruleFields: {OfficeDirectorIsSeated: 'officeDirector', SuccessionOfConveningSeats: 'outgoing', KnownSeat: 'outgoing',
      OneSeatPerPerson: 'incomingPersonId', NotBeforeEstablishment: 'effectiveOn', ...decisionRuleFields},
    request: v => ({path: `/api/conferences/${cid}/seats/${encodeURIComponent(v.outgoing)}/succession`, body: {
      incoming: {personId: v.incomingPersonId.trim(), name: v.incomingName.trim(), title: v.incomingTitle.trim()},
      effectiveOn: v.effectiveOn, officeDirector: v.officeDirector || null, decidedBy: decidedBy(v)}})});
}

export function changeLine(c) {
  return t('roster.change', {unit: c.unitName || c.unitCode, outgoing: c.outgoingName || c.outgoingPersonId,
    incoming: c.incoming.name, title: c.incoming.title, reason: c.reason ?? t('reason.withheld')});
}

/**
 * The agreed matters of issued minutes (议定事项台账, GET /api/decisions): the matters a roster change may cite.
 * Latest minutes first; none when the register cannot be read (the form then says there is nothing to pick).
 */
let issued = [];
export async function issuedMatters() {
  try {
    const register = await get('/api/decisions' + query({conferenceId: app.conference.conferenceId, size: 500}));
    return register.items.filter(d => d.minutesDocumentNo)
      .sort((a, b) => String(b.minutesIssuedOn).localeCompare(String(a.minutesIssuedOn)));
  } catch (e) {
    return [];
  }
}

const matterKey = d => d.meetingId + '/' + d.decisionId;
const short = text => (text.length > 40 ? text.slice(0, 40) + '…' : text);

/** 联席会议确定: how the conference decided a roster change, in one line; '—' when none is on record. */
export function decisionText(d) {
  if (!d || !d.kind) return t('decision.none');
  if (d.kind === 'MINUTES') {
    // A link recorded before the matter was named (no decisionId) stays as it was recorded: the minutes only.
    return d.decisionId ? t('decision.MINUTES', {minutes: d.reference || d.meetingId, decision: d.decisionId})
      : t('decision.MINUTESOnly', {minutes: d.reference || d.meetingId});
  }
  return t('decision.' + d.kind) + '：' + d.reference + (d.decidedOn ? '（' + fmtDate(d.decidedOn) + '）' : '');
}

/** The fields of a decision (decidedBy) in an office form, and the request body they make. */
const decisionFields = () => [
  {name: 'decisionKind', label: 'f.decisionKind', type: 'select', required: true, rerender: true,
    options: ['MINUTES', 'MEETING', 'CIRCULATION', 'DOCUMENT', 'OTHER'].map(k => ({value: k, label: t('decisionKind.' + k)}))},
  // 会议议定: pick the agreed matter from the issued minutes; their number and date complete the link.
  {name: 'matter', label: 'f.issuedMatter', type: 'select', required: true, wide: true,
    visible: v => v.decisionKind === 'MINUTES', hint: issued.length ? t('f.decisionLinkHint') : t('f.noIssuedMatters'),
    options: issued.map(d => ({value: matterKey(d),
      label: `${d.minutesDocumentNo} · ${short(d.matter)}（${d.meetingTopic || d.meetingId}）`}))},
  {name: 'reference', label: 'f.decisionReference', maxLength: 200, visible: v => v.decisionKind !== 'MINUTES'},
  {name: 'decidedOn', label: 'f.decisionDate', type: 'date', visible: v => v.decisionKind !== 'MINUTES'},
];

function decidedBy(v) {
  if (v.decisionKind === 'MINUTES') {
    const [meetingId, decisionId] = (v.matter || '').split('/');
    return {kind: 'MINUTES', meetingId: meetingId || null, decisionId: decisionId || null, reference: null, decidedOn: null};
  }
  return {kind: v.decisionKind || null, meetingId: null, decisionId: null,
    reference: (v.reference || '').trim() || null, decidedOn: v.decidedOn || null};
}

const decisionRuleFields = {ConferenceDecidesRosterChanges: 'decisionKind', DecisionInIssuedMinutes: 'matter'};

/** 联席会议确定: the office records the conference's answer to a pending change. */
function decideForms(c) {
  const path = `/api/conferences/${encodeURIComponent(app.conference.conferenceId)}/member-changes/${encodeURIComponent(c.changeId)}`;
  return h('div', {class: 'inline-actions'},
    actionForm({id: 'change-' + c.changeId + '-confirm', title: 'a.confirmChange', ok: 'ok.confirmChange',
      defaults: () => ({effectiveOn: today(), decisionKind: 'MINUTES'}),
      fields: [{name: 'effectiveOn', label: 'f.effectiveOn', type: 'date', required: true}, ...decisionFields()],
      ruleFields: {NotBeforeEstablishment: 'effectiveOn', ...decisionRuleFields},
      request: v => ({path: path + '/confirmation', body: {effectiveOn: v.effectiveOn, decidedBy: decidedBy(v)}})}),
    actionForm({id: 'change-' + c.changeId + '-reject', title: 'a.rejectChange', ok: 'ok.rejectChange', danger: true,
      fields: [{name: 'reason', label: 'f.reason', type: 'textarea', required: true, maxLength: 500, wide: true}],
      request: v => ({path: path + '/rejection', body: {reason: v.reason.trim()}})}));
}

/** 联络员备案: a unit files its own liaison; the office records a filing for any unit. */
export function liaisonForm(unitCode) {
  const cid = encodeURIComponent(app.conference.conferenceId);
  return actionForm({
    id: 'liaison-' + (unitCode || 'any'),
    title: 'a.fileLiaison',
    ok: 'ok.fileLiaison',
    defaults: () => ({unitCode: unitCode || ''}),
    fields: [
      unitCode ? null : {name: 'unitCode', label: 'f.unit', type: 'select', required: true, options: app.unitOptions()},
      {name: 'name', label: 'f.name', required: true, maxLength: 50},
      {name: 'title', label: 'f.jobTitle', required: true, maxLength: 200},
      {name: 'phone', label: 'f.phone', type: 'tel', required: true, maxLength: 30, pattern: /^[0-9+() -]{3,30}$/,
        patternMessage: 'v.phone'},
      {name: 'effectiveOn', label: 'f.effectiveOn', type: 'date'},
      // The office corrects a record older than a unit may date its own filing only with a written reason.
      app.is('OFFICE') ? {name: 'reason', label: 'f.reason', type: 'textarea', maxLength: 500, wide: true} : null,
    ].filter(Boolean),
    ruleFields: {LiaisonOfActiveUnit: 'unitCode', KnownUnit: 'unitCode', NotBeforeEstablishment: 'effectiveOn',
      LiaisonFilingWindow: 'effectiveOn', LiaisonHistoryInOrder: 'effectiveOn'},
    request: v => ({method: 'PUT', path: `/api/conferences/${cid}/units/${encodeURIComponent(unitCode || v.unitCode)}/liaison`,
      body: {name: v.name.trim(), title: v.title.trim(), phone: v.phone.trim(), effectiveOn: v.effectiveOn || null,
        reason: (v.reason || '').trim() || null}}),
  });
}
