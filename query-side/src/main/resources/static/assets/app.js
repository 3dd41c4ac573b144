// The dashboard: who is signed in, the navigation, the client-side routes (#/board, #/tasks/t-1,
// ...), and keeping the current view up to date without a reload and without losing what a user
// is typing: a view is drawn again only when its data changed, and its forms keep their state.

import {h, fill, toast} from './dom.js';
import {t, lang, setLang, translateStatic, fmtDateTime} from './i18n.js';
import {get, csrfToken, Problem} from './api.js';
import {app} from './context.js';
import {hooks, problemMessage} from './forms.js';
import {startLive} from './live.js';
import {board, unit} from './views/board.js';
import {tasks, task} from './views/tasks.js';
import {meetings, meeting, decisions} from './views/meetings.js';
import {roster} from './views/roster.js';
import {circular, issuedCircular} from './views/circular.js';
import {mine} from './views/mine.js';
import {rounds, round} from './views/reporting.js';
import {audit, admin} from './views/audit.js';

const ROUTES = [
  [/^\/board$/, board],
  [/^\/mine$/, mine],
  [/^\/units\/([^/]+)$/, unit],
  [/^\/tasks$/, tasks],
  [/^\/tasks\/([^/]+)$/, task],
  [/^\/meetings$/, meetings],
  [/^\/meetings\/([^/]+)$/, meeting],
  [/^\/decisions$/, decisions],
  [/^\/roster$/, roster],
  [/^\/circular$/, circular],
  [/^\/circulars\/([^/]+)$/, issuedCircular],
  [/^\/reporting$/, rounds],
  [/^\/reporting\/([^/]+)$/, round],
  [/^\/audit$/, audit],
  [/^\/admin$/, admin],
];

const main = document.getElementById('main');
let current = {key: null, json: null, view: null, route: null};
let sequence = 0;
let laterTimer = null;

function parseRoute() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, search] = hash.split('?');
  const routeQuery = Object.fromEntries(new URLSearchParams(search || ''));
  for (const [pattern, view] of ROUTES) {
    const m = pattern.exec(path);
    if (m) return {path, key: hash, view, params: m.slice(1).map(decodeURIComponent), query: routeQuery};
  }
  return {path, key: hash, view: null, params: [], query: routeQuery};
}

function home() {
  return app.is('UNIT') ? '#/mine' : '#/board';
}

/**
 * Shows the route. When it is the route already shown, draws again only if the data changed
 * (or force), keeping focus and scroll; answers whether anything was drawn.
 */
async function show({force = false} = {}) {
  const route = parseRoute();
  if (route.path === '/' || route.path === '') {
    location.replace(home());
    return false;
  }
  const fresh = route.key !== current.key;
  const mySequence = ++sequence;
  if (fresh) {
    current = {key: route.key, json: null, view: route.view, route};
    highlightNav(route.view);
    fill(main, h('p', {class: 'loading'}, t('app.loading')));
  }
  if (!route.view) {
    fill(main, h('p', {class: 'empty'}, t('app.notFound')));
    return true;
  }
  let data;
  try {
    data = await route.view.load(route);
  } catch (e) {
    if (mySequence !== sequence) return false;
    if (!fresh && !force) return false; // a failed background refresh leaves the screen as it is
    fill(main, h('div', {class: 'notice error'},
      e instanceof Problem && e.status === 404 ? t('app.notFound') : t('app.failed', {detail: problemMessage(e instanceof Problem ? e : new Problem(0, {}))}),
      ' ', h('button', {type: 'button', class: 'secondary', onclick: () => show({force: true})}, t('app.retry'))));
    return true;
  }
  if (mySequence !== sequence) return false;
  const json = JSON.stringify(data);
  if (!fresh && !force && json === current.json) {
    scheduleLater(route.view, data);
    return false;
  }
  current.json = json;
  const focused = document.activeElement && document.activeElement !== document.body ? document.activeElement.id : null;
  const selection = focused && 'selectionStart' in document.activeElement
    ? [document.activeElement.selectionStart, document.activeElement.selectionEnd] : null;
  const scroll = window.scrollY;
  fill(main, route.view.render(data, route));
  stamp();
  if (fresh) {
    window.scrollTo(0, 0);
    const title = main.querySelector('.page-title');
    if (title) title.focus({preventScroll: true});
  } else {
    window.scrollTo(0, scroll);
    const again = focused && document.getElementById(focused);
    if (again) {
      again.focus({preventScroll: true});
      if (selection) {
        try { again.setSelectionRange(...selection); } catch (ignored) { /* not a text field */ }
      }
    }
  }
  scheduleLater(route.view, data);
  return true;
}

/** Some views ask to be looked at again soon (a replay running). */
function scheduleLater(view, data) {
  clearTimeout(laterTimer);
  const every = view.refreshEvery ? view.refreshEvery(data) : null;
  if (every) laterTimer = setTimeout(() => refresh(), every);
}

function stamp() {
  const out = document.getElementById('updated');
  if (out) out.textContent = t('app.updatedAt', {time: fmtDateTime(new Date().toISOString())});
}

/** Someone is in a field of the view: drawing it again now would break an input method's composition. */
function typing() {
  const el = document.activeElement;
  return !!el && main.contains(el) && el.matches('input, textarea, select');
}

let deferred = false;

/** A background look: never while a form is being sent, and not under the cursor of someone typing. */
async function refresh() {
  if (document.querySelector('[data-form].busy')) return false;
  if (typing()) {
    deferred = true;
    return false;
  }
  return show();
}

main.addEventListener('focusout', () => {
  if (deferred) {
    deferred = false;
    setTimeout(() => refresh(), 0);
  }
});

/** After a command: look until the read model shows its effect (it follows within moments). */
async function refreshUntilChanged() {
  for (let i = 0; i < 15; i++) {
    await new Promise(resolve => setTimeout(resolve, i < 5 ? 200 : 500));
    if (await show()) return;
  }
}

function aggregateOf(request, result) {
  const m = /^\/api\/(tasks|meetings)\/([^/?]+)/.exec(request.path);
  if (m) return decodeURIComponent(m[2]);
  return result && result.body && result.body.id;
}

hooks.changed = (result, request) => {
  const id = aggregateOf(request, result);
  if (id && result.version !== null && result.version !== undefined) app.versions.set(id, result.version);
  if (request.path.startsWith('/api/conferences')) {
    app.loadShared().catch(() => {});
  }
  refreshUntilChanged();
};

hooks.stale = (problem, request) => {
  const id = aggregateOf(request, null);
  if (id && problem.body.currentVersion !== undefined) app.versions.set(id, Number(problem.body.currentVersion));
  refreshUntilChanged();
};

hooks.rerender = () => show({force: true});

function navItems() {
  return [
    ['board', '#/board', true],
    ['mine', '#/mine', app.is('UNIT')],
    ['tasks', '#/tasks', true],
    ['meetings', '#/meetings', true],
    ['decisions', '#/decisions', true],
    ['roster', '#/roster', true],
    ['circular', '#/circular', true],
    ['reporting', '#/reporting', true],
    ['audit', '#/audit', app.features.audit],
    ['admin', '#/admin', app.features.admin],
  ].filter(item => item[2]);
}

function renderChrome() {
  translateStatic();
  document.title = t('app.title');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('app.nav'));
  fill(nav, h('ul', null, navItems().map(([key, href]) => h('li', null,
    h('a', {href, 'data-nav': key}, t('nav.' + key))))));
  const me = app.me;
  // Demo users are named after their role or unit: say each thing once.
  const unitName = me.role === 'UNIT' && me.unitCode ? app.unitName(me.unitCode) : null;
  fill(document.getElementById('user'),
    h('strong', null, me.displayName), ' ',
    t('role.' + me.role) !== me.displayName ? h('span', {class: 'role'}, t('role.' + me.role)) : null,
    unitName && unitName !== me.displayName ? h('span', {class: 'muted'}, ' · ' + unitName) : null);
  document.getElementById('conference-name').textContent = app.conference
    ? app.conference.name + ' · ' + app.conference.documentNo : '';
  document.getElementById('lang').textContent = t('app.lang');
  liveLabel();
  document.getElementById('projector').textContent = document.body.classList.contains('projector')
    ? t('app.projectorOff') : t('app.projector');
  highlightNav(current.view);
}

function liveLabel() {
  const live = document.getElementById('live');
  const mode = live.dataset.mode;
  live.textContent = mode ? t({stream: 'live.stream', feed: 'live.feed', poll: 'live.poll'}[mode]) : '';
  live.title = t('live.title');
}

function highlightNav(view) {
  for (const a of document.querySelectorAll('#nav a')) {
    const active = view && a.dataset.nav === view.nav;
    a.classList.toggle('active', !!active);
    if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

function wireChrome() {
  document.getElementById('lang').addEventListener('click', () => {
    setLang(lang === 'zh' ? 'en' : 'zh');
    renderChrome();
    show({force: true});
  });
  document.getElementById('projector').addEventListener('click', () => {
    const on = document.body.classList.toggle('projector');
    localStorage.setItem('ledger.projector', on ? '1' : '');
    renderChrome();
  });
  if (localStorage.getItem('ledger.projector')) document.body.classList.add('projector');
  const logout = document.getElementById('logout');
  logout.addEventListener('submit', async (event) => {
    // The sign-out is a POST with the CSRF token of this session, put in at the last moment.
    if (logout.elements._csrf.value) return;
    event.preventDefault();
    logout.elements._csrf.value = await csrfToken() || '';
    logout.submit();
  });
  window.addEventListener('hashchange', () => show());
}

async function start() {
  setLang(lang);
  translateStatic();
  try {
    app.me = await get('/api/me');
    await app.loadShared();
    await app.probeFeatures();
  } catch (e) {
    if (e instanceof Problem && e.status === 401) return;
    fill(main, h('div', {class: 'notice error'}, t('app.failed', {detail: e.message}), ' ',
      h('button', {type: 'button', class: 'secondary', onclick: () => location.reload()}, t('app.retry'))));
    return;
  }
  wireChrome();
  renderChrome();
  document.body.dataset.role = app.me.role;
  await show();
  startLive({
    onChange: () => refresh(),
    onMode: (mode) => {
      document.getElementById('live').dataset.mode = mode;
      liveLabel();
    },
  });
}

window.addEventListener('error', (e) => toast(String(e.message), 'error'));
start();
