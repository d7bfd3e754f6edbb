// This node's HTTP API, and nothing else: every path is relative to the page's own origin.

export class ApiError extends Error {
  constructor(path, status, message) {
    super(message);
    this.path = path;
    this.status = status;
  }
}

async function answer(path, r) {
  if (r.status === 204) return null;
  const text = await r.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!r.ok) throw new ApiError(path, r.status, (body && body.error) || `${r.status} ${r.statusText}`);
  return body;
}

// A node started with --auth keys answers 401 without a key: the page asks for one once (a key with the
// read role; admin to silence and acknowledge), keeps it in this tab's sessionStorage only, and sends it as
// Authorization: Bearer. The page itself and its files need no key.
const KEY = 'harbinger.apiKey';
let asking = null;
let declined = false;

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

function withKey(headers) {
  const key = apiKey();
  return key ? {...headers, Authorization: `Bearer ${key}`} : headers;
}

/** Asks for a key once for every request refused at the same time; not again in this page once declined. */
function askForKey(reason) {
  if (declined) return Promise.resolve(false);
  if (!asking) {
    asking = new Promise((resolve) => setTimeout(() => {
      const key = window.prompt(`This Harbinger node asks for an API key (${reason}). Paste a key with the read role:`);
      if (key && key.trim()) sessionStorage.setItem(KEY, key.trim()); else declined = true;
      asking = null;
      resolve(!declined);
    }, 0));
  }
  return asking;
}

async function call(path, init) {
  const sent = apiKey();
  let r = await fetch(path, {...init, headers: withKey(init.headers)});
  if (r.status === 401) {
    let reason = 'no key';
    try { reason = (await r.clone().json()).error || reason; } catch { /* not JSON */ }
    // the key this request sent is refused (revoked?): forget it and ask for another; a request sent before
    // a key was given just tries again with the one given meanwhile
    if (sent && apiKey() === sent) sessionStorage.removeItem(KEY);
    if (apiKey() || await askForKey(reason)) r = await fetch(path, {...init, headers: withKey(init.headers)});
  }
  return answer(path, r);
}

export async function get(path) {
  return call(path, {headers: {Accept: 'application/json'}});
}

export async function send(method, path, body) {
  return call(path, {
    method,
    headers: {Accept: 'application/json', 'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export const seg = encodeURIComponent;
