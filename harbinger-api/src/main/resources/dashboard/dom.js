// Small DOM helpers: every text goes in as a text node (labels come from the fleet, never as HTML).

/** h('td', {class: 'x', onclick: fn}, 'text', child, [more]) */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const BUCKETS = ['good', 'warning', 'bad', 'unknown'];

export function badge(bucket) {
  const b = BUCKETS.includes(bucket) ? bucket : 'unknown';
  return h('span', {class: `badge b-${b}`}, b);
}

export function percent(p) {
  if (p === null || p === undefined || Number.isNaN(p)) return '–';
  const v = p * 100;
  return (v >= 10 ? v.toFixed(0) : v.toFixed(1)) + '%';
}

/** A probability as a number and a small bar, coloured by bucket. */
export function risk(p, bucket) {
  return h('span', {class: 'risk'},
    h('span', {class: 'risk-bar', 'aria-hidden': 'true'},
      h('span', {class: `risk-fill f-${bucket || 'unknown'}`, style: `width:${Math.max(2, Math.min(100, (p || 0) * 100))}%`})),
    h('span', {class: 'risk-num'}, percent(p)));
}

export function number(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return Number(n).toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: 0});
}

/** 2026-12-01 14:05 UTC, or the day alone at midnight. */
export function when(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = d.toISOString();
  return s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : s.slice(0, 16).replace('T', ' ') + ' UTC';
}

export function driveHref(region, host, drive) {
  return `#/drive/${encodeURIComponent(region)}/${encodeURIComponent(host)}/${encodeURIComponent(drive)}`;
}

export function hostHref(region, host) {
  return `#/host/${encodeURIComponent(region)}/${encodeURIComponent(host)}`;
}

export function notice(text, kind = 'info') {
  return h('p', {class: `notice n-${kind}`, role: kind === 'error' ? 'alert' : 'status'}, text);
}
