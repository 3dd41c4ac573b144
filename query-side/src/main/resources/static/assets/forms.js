// Action forms: one per command a user may send. A form keeps what was typed across re-renders
// (live updates, a refresh after a conflict) and across errors; it validates in the browser first,
// then shows the server's problem details next to the field they concern, in the user's language.

import {h, toast, randomId} from './dom.js';
import {t, has, fieldMessage} from './i18n.js';
import {Problem, send} from './api.js';

/** formId → {values, ids, notice, errors, open, lastRequest, lastKey}; lives as long as the page. */
const states = new Map();

/** Set by the app: what happens after a command succeeded, or was refused as stale. */
export const hooks = {
  changed: () => {},
  stale: () => {},
  rerender: () => {},
};

export function formState(id) {
  if (!states.has(id)) states.set(id, {values: {}, ids: {}, errors: {}, notice: null, open: false});
  return states.get(id);
}

/** A client-chosen id that stays the same until the form succeeds, so a retry cannot create a twin. */
export function stableId(state, key, prefix) {
  if (!state.ids[key]) state.ids[key] = randomId(prefix);
  return state.ids[key];
}

/** Splits a textarea into its non-empty lines. */
export function lines(value) {
  return String(value || '').split(/\r?\n|[;；]/).map(s => s.trim()).filter(Boolean);
}

/** datetime-local (2026-03-10T09:00) as an instant in the conference's zone (+08:00). */
export function withOffset(local) {
  if (!local) return null;
  return (local.length === 16 ? local + ':00' : local) + '+08:00';
}

const validators = {
  required: (value) => (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)
    ? t(Array.isArray(value) ? 'v.atLeastOne' : 'v.required') : null),
};

function validateField(field, value, values) {
  if (field.required) {
    const missing = validators.required(typeof value === 'string' ? value.trim() : value);
    if (missing) return missing;
  }
  if (value === '' || value === undefined || value === null) return null;
  if (field.type === 'number') {
    const n = Number(value);
    if (!Number.isInteger(n)) return t('v.integer');
    if (field.min !== undefined && n < field.min) return t('v.min', {n: field.min});
    if (field.max !== undefined && n > field.max) return t('v.max', {n: field.max});
  }
  if ((field.type === 'date') && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return t('v.date');
  if (field.maxLength && String(value).length > field.maxLength) return t('v.maxLength', {n: field.maxLength});
  if (field.pattern && !field.pattern.test(String(value))) return t(field.patternMessage || 'v.format');
  return field.validate ? field.validate(value, values) : null;
}

function inputId(formId, name) {
  return (formId + '-' + name).replace(/[^A-Za-z0-9_-]/g, '_');
}

/** One input for a simple field; value in, value out through onChange. */
function control(formId, field, value, onChange, name = field.name) {
  const id = inputId(formId, name);
  const common = {id, name, 'aria-describedby': id + '-err' + (field.hint ? ' ' + id + '-hint' : ''),
    'aria-required': field.required ? 'true' : null, disabled: field.disabled};
  switch (field.type) {
    case 'textarea':
    case 'lines':
      return h('textarea', {...common, rows: field.rows || 3,
        placeholder: field.type === 'lines' ? t('form.linesHint') : null,
        oninput: e => onChange(e.target.value)}, value ?? '');
    case 'select':
      return h('select', {...common, onchange: e => onChange(e.target.value)},
        field.placeholder !== false ? h('option', {value: ''}, field.placeholder || '—') : null,
        field.options.map(o => h('option', {value: o.value, selected: String(value ?? '') === String(o.value)}, o.label)));
    case 'checkbox':
      return h('input', {...common, type: 'checkbox', checked: !!value, onchange: e => onChange(e.target.checked)});
    case 'checks':
      return h('div', {class: 'checks', role: 'group', id, 'aria-describedby': common['aria-describedby']},
        field.options.map(o => {
          const cid = id + '-' + o.value.replace(/[^A-Za-z0-9_-]/g, '_');
          return h('label', {class: 'check', for: cid},
            h('input', {type: 'checkbox', id: cid, name, value: o.value, disabled: field.disabled || o.disabled,
              checked: (value || []).includes(o.value), onchange: e => {
                const now = new Set(value || []);
                e.target.checked ? now.add(o.value) : now.delete(o.value);
                value = field.options.map(x => x.value).filter(v => now.has(v));
                onChange(value);
              }}), ' ', o.label);
        }));
    case 'radio':
      return h('div', {class: 'radios', role: 'radiogroup', id, 'aria-describedby': common['aria-describedby']},
        field.options.map(o => {
          const rid = id + '-' + String(o.value);
          return h('label', {class: 'check', for: rid},
            h('input', {type: 'radio', id: rid, name, value: o.value, checked: String(value) === String(o.value),
              onchange: () => onChange(o.value)}), ' ', o.label);
        }));
    default: {
      const type = {number: 'number', date: 'date', datetime: 'datetime-local', tel: 'tel'}[field.type] || 'text';
      return h('input', {...common, type, value: value ?? '', min: field.min, max: field.max,
        step: field.type === 'number' ? 1 : null, inputmode: field.type === 'number' ? 'numeric' : null,
        autocomplete: field.autocomplete || 'off', oninput: e => onChange(e.target.value)});
    }
  }
}

/**
 * A field with a length limit shows "n / limit" as the user types and turns red past it. There is no
 * maxlength attribute: the browser would cut pasted text silently (a 2,003-character title became 300);
 * the form refuses it instead, saying so (v.maxLength), and the user decides what to shorten.
 */
function lengthCounter(id, field, value) {
  if (!field.maxLength || !['text', 'textarea', 'lines', undefined].includes(field.type)) return null;
  const counter = h('p', {class: 'counter', id: id + '-count', 'aria-live': 'polite'});
  counter.update = v => {
    const n = String(v ?? '').length;
    counter.textContent = t('form.count', {n, max: field.maxLength});
    counter.classList.toggle('over', n > field.maxLength);
  };
  counter.update(value);
  return counter;
}

function fieldBox(formId, field, value, onChange, name = field.name, label = field.label) {
  const id = inputId(formId, name);
  const counter = lengthCounter(id, field, value);
  if (counter) {
    const inner = onChange;
    onChange = v => { counter.update(v); inner(v); };
  }
  const group = field.type === 'checks' || field.type === 'radio';
  const text = [t(label), field.required ? h('span', {class: 'req', 'aria-hidden': 'true'}, ' *') : null];
  return h('div', {class: 'field field-' + (field.type || 'text') + (field.wide ? ' wide' : ''), 'data-field': name},
    field.type === 'checkbox'
      ? h('label', {class: 'check', for: id}, control(formId, field, value, onChange, name), ' ', text)
      : [group ? h('span', {class: 'label', id: id + '-label'}, text) : h('label', {for: id}, text),
        control(formId, field, value, onChange, name)],
    field.hint ? h('p', {class: 'hint', id: id + '-hint'}, field.hint) : null,
    counter,
    h('p', {class: 'field-error', id: id + '-err'}));
}

/** Rows of sub-fields (tasks of a decision, attendance per unit): value is an array of objects. */
function rowsBox(formId, field, rows, onChange, rerender) {
  rows = rows || [];
  const box = h('fieldset', {class: 'rows wide', 'data-field': field.name},
    h('legend', null, t(field.label)),
    rows.map((row, i) => h('div', {class: 'row'},
      field.rowLabel ? h('p', {class: 'row-label'}, field.rowLabel(row, i)) : null,
      field.fields.filter(sub => !sub.visible || sub.visible(row)).map(sub => fieldBox(formId, sub, row[sub.name], v => {
        rows[i] = {...rows[i], [sub.name]: v};
        onChange(rows);
        if (sub.rerender) rerender();
      }, `${field.name}[${i}].${sub.name}`, sub.label)),
      field.fixed ? null : h('button', {type: 'button', class: 'link', onclick: () => {
        rows.splice(i, 1);
        onChange(rows);
        rerender();
      }}, t('form.removeRow')))),
    field.fixed ? null : h('button', {type: 'button', class: 'secondary', onclick: () => {
      rows.push(field.newRow ? field.newRow() : {});
      onChange(rows);
      rerender();
    }}, t('form.addRow')),
    h('p', {class: 'field-error', id: inputId(formId, field.name) + '-err'}));
  return box;
}

/** The message of a refusal: the rule's sentence in the user's language, else the server's detail. */
export function problemMessage(problem) {
  const body = problem.body || {};
  if (body.rule && has('rule.' + body.rule)) return t('rule.' + body.rule);
  if (problem.status === 403) return t('form.forbidden');
  if (problem.status === 0) return t('form.network');
  if (String(body.type || '').endsWith(':read-model-rebuilding')) return t('form.rebuilding');
  return body.detail ? t('form.server', {detail: body.detail}) : t('form.server', {detail: 'HTTP ' + problem.status});
}

/**
 * An action form.
 * spec: {id, title, submit, fields, request(values, state) → {method, path, body, ifMatch} (or a promise of it), ok, after(result),
 *        ruleFields: {RuleName: fieldName}, collapsible (default true), danger, intro,
 *        keepSent (after success the form shows what was sent, not its defaults)}
 */
export function actionForm(spec) {
  const state = formState(spec.id);
  if (!state.initialised) {
    state.open = !!spec.open;
    if (spec.defaults) state.values = {...spec.defaults(), ...state.values};
    state.initialised = true;
  }
  const values = state.values;
  const msg = h('div', {class: 'form-msg', role: 'alert', 'aria-live': 'assertive'});
  const fieldsBox = h('div', {class: 'fields'});
  const button = h('button', {type: 'submit', class: spec.danger ? 'danger' : 'primary'}, t(spec.submit || spec.title));
  const form = h('form', {novalidate: true, 'data-form': spec.id}, spec.intro || null, fieldsBox, msg,
    h('div', {class: 'buttons'}, button));

  function renderFields() {
    fieldsBox.replaceChildren();
    for (const field of spec.fields || []) {
      if (field.visible && !field.visible(values)) continue;
      if (field.type === 'rows') {
        fieldsBox.appendChild(rowsBox(spec.id, field, values[field.name], v => { values[field.name] = v; touched(); },
          renderFields));
      } else if (field.type === 'note') {
        fieldsBox.appendChild(h('p', {class: 'hint wide'}, typeof field.text === 'function' ? field.text(values) : field.text));
      } else {
        fieldsBox.appendChild(fieldBox(spec.id, field, values[field.name], v => {
          values[field.name] = v;
          touched(field.name);
          if (field.change) field.change(values);
          if (field.rerender) renderFields();
        }));
      }
    }
    showErrors();
  }

  function touched(name) {
    if (state.notice && state.notice.kind === 'ok') state.notice = null;
    if (name && state.errors[name]) {
      delete state.errors[name];
      showErrors();
    }
  }

  function showErrors() {
    for (const el of form.querySelectorAll('[data-field]')) {
      const error = state.errors[el.dataset.field];
      el.classList.toggle('invalid', !!error);
      const out = el.querySelector(':scope > .field-error');
      if (out) out.textContent = error || '';
      for (const input of el.querySelectorAll(':scope > input, :scope > select, :scope > textarea, :scope > label > input')) {
        if (error) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
      }
    }
    msg.className = 'form-msg' + (state.notice ? ' ' + state.notice.kind : '');
    msg.textContent = state.notice ? state.notice.text : '';
  }

  function validate() {
    const errors = {};
    for (const field of spec.fields || []) {
      if (field.visible && !field.visible(values)) continue;
      if (field.type === 'rows') {
        (values[field.name] || []).forEach((row, i) => {
          for (const sub of field.fields) {
            if (sub.visible && !sub.visible(row)) continue;
            const error = validateField(sub, row[sub.name], row);
            if (error) errors[`${field.name}[${i}].${sub.name}`] = error;
          }
        });
        if (field.required && !(values[field.name] || []).length) errors[field.name] = t('v.atLeastOne');
      } else if (field.type !== 'note') {
        const error = validateField(field, values[field.name], values);
        if (error) errors[field.name] = error;
      }
    }
    return errors;
  }

  /** Puts the server's answer where it belongs: next to its field when it names one, else on the form. */
  function showProblem(problem) {
    const body = problem.body || {};
    const errors = {};
    const known = new Set(Array.from(form.querySelectorAll('[data-field]'), el => el.dataset.field));
    const place = (field) => {
      if (!field) return null;
      if (known.has(field)) return field;
      const bare = field.replace(/\[\d+\]$/, '');
      if (known.has(bare)) return bare;
      const last = field.split('.').pop();
      return known.has(last) ? last : null;
    };
    const loose = [];
    for (const e of body.errors || []) {
      const at = place(e.field);
      if (at) errors[at] = fieldMessage(e.message); else loose.push(fieldMessage(e.message));
    }
    const ruleField = body.rule && spec.ruleFields ? place(spec.ruleFields[body.rule]) : null;
    if (ruleField) errors[ruleField] = problemMessage(problem);
    state.errors = errors;
    if (body.rule === 'ExpectedVersionIsCurrent') {
      state.notice = {kind: 'error', text: t('form.stale', {version: body.currentVersion ?? '?'})};
    } else if (Object.keys(errors).length && !loose.length && (ruleField || !body.rule)) {
      state.notice = {kind: 'error', text: t('form.invalid')};
    } else {
      state.notice = {kind: 'error', text: loose.length && !body.rule ? loose.join('；') : problemMessage(problem)};
    }
    showErrors();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.classList.contains('busy')) return;
    state.errors = validate();
    if (Object.keys(state.errors).length) {
      state.notice = {kind: 'error', text: t('form.invalid')};
      showErrors();
      const first = form.querySelector('.invalid input, .invalid select, .invalid textarea');
      if (first) first.focus();
      return;
    }
    const request = await spec.request(values, state); // a request may first read something (figures)
    const fingerprint = JSON.stringify(request);
    if (fingerprint !== state.lastRequest) {
      state.lastRequest = fingerprint;
      state.lastKey = randomId('k');
    }
    form.classList.add('busy');
    button.disabled = true;
    state.notice = {kind: 'busy', text: t('form.sending')};
    showErrors();
    try {
      const result = await send(request.method || 'POST', request.path, request.body,
        {ifMatch: request.ifMatch, idempotencyKey: state.lastKey});
      const text = t(spec.ok || 'form.done');
      // Done: the next use of this form starts afresh, with new ids.
      const sent = {...values};
      for (const key of Object.keys(values)) delete values[key];
      // A form that records a state (attendance) keeps what was sent: its defaults were read before the
      // save, and showing them again would have the next save overwrite the record with them.
      Object.assign(values, spec.keepSent ? sent : (spec.defaults ? spec.defaults() : {}));
      Object.assign(state, {ids: {}, errors: {}, notice: {kind: 'ok', text}, lastRequest: null, lastKey: null});
      renderFields();
      toast(text, 'ok');
      if (spec.after) spec.after(result, sent);
      hooks.changed(result, request);
    } catch (e) {
      const problem = e instanceof Problem ? e : new Problem(0, {detail: String(e && e.message)});
      if (problem.status === 401) return;
      // A rule's refusal (422) stored nothing and may not hold later (the minutes returned and signed again):
      // the same request sent again after it is a new attempt, with a new key, not a replay of the refusal.
      if (problem.status === 422) Object.assign(state, {lastRequest: null, lastKey: null});
      showProblem(problem);
      const first = form.querySelector('.invalid input, .invalid select, .invalid textarea');
      if (first) first.focus();
      toast(problem.body && problem.body.rule ? problemMessage(problem) : state.notice.text, 'error');
      if (problem.body && problem.body.rule === 'ExpectedVersionIsCurrent') {
        hooks.stale(problem, request);
      }
    } finally {
      form.classList.remove('busy');
      button.disabled = false;
      // The view was redrawn while we waited: draw it again so the new copy shows the outcome.
      if (!form.isConnected) hooks.rerender();
    }
  });

  renderFields();
  if (spec.collapsible === false) {
    return h('section', {class: 'action open' + (spec.danger ? ' danger' : ''), id: 'action-' + spec.id},
      h('h3', null, t(spec.title)), form);
  }
  const details = h('details', {class: 'action' + (spec.danger ? ' danger' : ''), id: 'action-' + spec.id,
    open: state.open || !!state.notice || Object.keys(state.errors).length > 0},
  h('summary', null, t(spec.title)), form);
  details.addEventListener('toggle', () => { formState(spec.id).open = details.open; });
  return details;
}
