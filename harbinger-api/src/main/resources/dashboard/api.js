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

export async function get(path) {
  return answer(path, await fetch(path, {headers: {Accept: 'application/json'}}));
}

export async function send(method, path, body) {
  const r = await fetch(path, {
    method,
    headers: {Accept: 'application/json', 'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answer(path, r);
}

export const seg = encodeURIComponent;
