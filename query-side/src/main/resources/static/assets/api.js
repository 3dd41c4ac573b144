// The HTTP API as the dashboard uses it: same origin, the session cookie, the CSRF token from the
// XSRF-TOKEN cookie on writes, RFC 9457 problem details turned into a Problem error.

/** An answer that is not 2xx: status and the problem details (type, detail, errors, rule, ...). */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || ('HTTP ' + status));
    this.status = status;
    this.body = body || {};
  }

  get rule() { return this.body.rule; }
}

/** Relative URLs: the dashboard lives at "/" (or under a proxy's prefix) and the API beside it. */
function url(path) {
  return path.startsWith('/') ? path.slice(1) : path;
}

export function cookie(name) {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** The session's CSRF token; asking /api/me makes the server issue one when the cookie is gone. */
export async function csrfToken() {
  let token = cookie('XSRF-TOKEN');
  if (!token) {
    await get('/api/me');
    token = cookie('XSRF-TOKEN');
  }
  return token;
}

async function answer(response) {
  if (response.status === 401) {
    // The session ended (or was never there): sign in again, then come back here.
    location.href = 'login?expired';
    throw new Problem(401, {detail: 'signed out'});
  }
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (type.includes('json')) {
    body = await response.json();
  } else if (response.status !== 204) {
    const text = await response.text();
    body = text ? {detail: text} : null;
  }
  if (!response.ok) {
    throw new Problem(response.status, body);
  }
  return body;
}

export async function get(path) {
  const response = await fetch(url(path), {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  return answer(response);
}

/** GET that answers null instead of failing when the route does not exist (404) or is not allowed (403). */
export async function probe(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e instanceof Problem && (e.status === 404 || e.status === 403 || e.status === 405)) return null;
    throw e;
  }
}

/**
 * A command: JSON body, CSRF header, optional If-Match (the version the user read) and
 * Idempotency-Key (a retry of the same submission changes nothing). Answers {body, etag, version}.
 */
export async function send(method, path, body, {ifMatch, idempotencyKey} = {}) {
  const headers = {Accept: 'application/json', 'Content-Type': 'application/json'};
  const token = await csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = '"' + ifMatch + '"';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetch(url(path), {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  const etag = response.headers.get('ETag');
  const result = await answer(response);
  const match = etag && /^(?:W\/)?"?(\d+)"?$/.exec(etag);
  return {body: result, etag, version: match ? Number(match[1]) : null};
}

export const post = (path, body, options) => send('POST', path, body, options);
export const put = (path, body, options) => send('PUT', path, body, options);

/** Query strings without empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') q.set(key, value);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
