// Small pieces the views share: RAG and status badges, links, headings, key figures, progress bars.

import {h} from './dom.js';
import {t, fmtDate, daysBetween, today} from './i18n.js';

const RAG_CLASS = {RED: 'red', AMBER: 'amber', GREEN: 'green'};

/** 红灯 / 黄灯 / 绿灯, coloured and spelled out (colour alone tells nothing to a colour-blind reader). */
export function ragBadge(rag, reason) {
  if (!rag) return h('span', {class: 'rag none'}, '—');
  return h('span', {class: 'rag ' + RAG_CLASS[rag], title: reason ? t('ragReason.' + reason) : null},
    h('span', {class: 'dot', 'aria-hidden': 'true'}), t('rag.' + rag),
    reason && reason !== 'ON_TRACK' && reason !== 'CLOSED' ? h('span', {class: 'reason'}, t('ragReason.' + reason)) : null);
}

export function statusBadge(status) {
  return status ? h('span', {class: 'status s-' + status.toLowerCase()}, t('status.' + status)) : h('span', null, '—');
}

export function unitLink(code, name) {
  return h('a', {href: '#/units/' + encodeURIComponent(code)}, name || code);
}

export function taskLink(id, title) {
  return h('a', {href: '#/tasks/' + encodeURIComponent(id), class: 'task-link'}, title || id);
}

export function meetingLink(id, topic) {
  return h('a', {href: '#/meetings/' + encodeURIComponent(id)}, topic || id);
}

export function pageHeader(title, ...extra) {
  return h('div', {class: 'page-head'}, h('h2', {tabindex: '-1', class: 'page-title'}, title), ...extra);
}

export function section(title, ...children) {
  return h('section', {class: 'panel'}, title ? h('h3', null, title) : null, ...children);
}

export function kpi(label, value, cls) {
  return h('div', {class: 'kpi ' + (cls || '')}, h('div', {class: 'kpi-value'}, value), h('div', {class: 'kpi-label'}, label));
}

export function percentBar(n) {
  if (n === null || n === undefined) return h('span', {class: 'muted'}, '—');
  return h('span', {class: 'bar', role: 'img', 'aria-label': n + '%'},
    h('span', {class: 'bar-fill', style: 'width:' + Math.max(0, Math.min(100, n)) + '%'}), h('span', {class: 'bar-text'}, n + '%'));
}

/** The due date with how far away it is: 2026年6月30日 · 剩 12 天. */
export function dueText(due, status) {
  if (!due) return '—';
  const left = daysBetween(today(), due);
  let note = null;
  if (status !== 'CLOSED') {
    note = left > 0 ? t('tasks.daysLeft', {n: left}) : left === 0 ? t('tasks.dueToday') : t('tasks.daysLate', {n: -left});
  }
  return h('span', {class: 'due' + (status !== 'CLOSED' && left < 0 ? ' late' : '')}, fmtDate(due),
    note ? h('span', {class: 'muted'}, ' · ' + note) : null);
}

/** label: value pairs. */
export function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.filter(Boolean).map(([label, value]) => [h('dt', null, label), h('dd', null, value ?? '—')]));
}

/**
 * A long text (a matter of up to 2,000 characters) folded to its opening words, the rest a click away,
 * so that one matter does not push the meeting or the register off the screen; short texts as they are.
 * Either way it wraps, even a run without spaces.
 */
export function folded(text, opening = 120) {
  const whole = String(text ?? '');
  if (whole.length <= opening + 40) return h('span', {class: 'wrap'}, whole);
  return h('details', {class: 'fold'},
    h('summary', null, h('span', {class: 'opening'}, whole.slice(0, opening) + '…'),
      h('span', {class: 'more', 'data-more': t('fold.more'), 'data-less': t('fold.less')})),
    h('p', {class: 'wrap'}, whole));
}

export function empty(text) {
  return h('p', {class: 'empty'}, text);
}
