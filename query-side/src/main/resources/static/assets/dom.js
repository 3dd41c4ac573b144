// Building the page from data without innerHTML: every text goes in as a text node, so nothing a
// user typed (a task title, a reason) can become markup.

/**
 * h('a', {href: '#/x', class: 'btn'}, 'text', child, [more, children])
 * Attributes: class, text (textContent), on<Event> handlers (onclick, oninput...), dataset via
 * data-*, boolean attributes (true adds, false/null/undefined omits), everything else setAttribute.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === false || value === null || value === undefined) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2), value);
      } else if (key === 'class') {
        el.className = value;
      } else if (key === 'text') {
        el.textContent = value;
      } else if (key === 'value' && ('value' in el)) {
        el.value = value;
      } else if (value === true) {
        el.setAttribute(key, '');
      } else {
        el.setAttribute(key, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A simple table: columns [{label, cell: row => node|string, class}], rows. */
export function table(columns, rows, {caption, empty, rowClass} = {}) {
  return h('div', {class: 'table-wrap'},
    h('table', null,
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, columns.map(c => h('th', {scope: 'col', class: c.class}, c.label)))),
      h('tbody', null, rows.length === 0
        ? h('tr', null, h('td', {colspan: columns.length, class: 'empty'}, empty || '—'))
        : rows.map(row => h('tr', {class: rowClass ? rowClass(row) : null},
          columns.map(c => h('td', {class: c.class}, c.cell(row))))))));
}

let toastTimer;

/** A short message that every action shows at once, also read out by screen readers. */
export function toast(message, kind = 'ok') {
  const box = document.getElementById('toast');
  if (!box) return;
  box.className = 'toast show ' + kind;
  box.textContent = message;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.className = 'toast'; }, 4000);
}

/** A random id part from the platform's generator (works on plain http too, unlike randomUUID). */
export function randomId(prefix) {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return prefix + '-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
