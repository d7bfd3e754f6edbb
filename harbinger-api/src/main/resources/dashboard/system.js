// The strip under the header: what the node itself is doing, from /api/v1/system/events every 2 s.
import {apiKey, get} from './api.js';
import {h, replace, number} from './dom.js';

function stat(label, id, value, unit, title) {
  return h('div', {class: 'stat', title},
    h('span', {class: 'stat-label'}, label),
    h('span', {class: 'stat-value', id, 'data-metric': id}, value),
    unit ? h('span', {class: 'stat-unit'}, unit) : null);
}

const ms = (v) => (v == null ? '–' : v < 10 ? v.toFixed(1) : number(v));

function duration(s) {
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.floor(s / 60)} min`;
  if (s < 172800) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86400)} d`;
}

function render(el, s) {
  const lag = (n) => h('span', {class: n > 10000 ? 'lag-bad' : n > 1000 ? 'lag-warn' : ''}, number(n));
  replace(el,
    stat('ingest', 'sys-ingest-points', number(s.ingest.pointsPerSecond, 1), 'points/s', 'points acknowledged per second'),
    stat('requests', 'sys-ingest-requests', number(s.ingest.requestsPerSecond, 1), '/s', 'ingest requests answered per second'),
    stat('ack p50 / p99', 'sys-ack', `${ms(s.ingest.ackLatencyMs.p50)} / ${ms(s.ingest.ackLatencyMs.p99)}`, 'ms',
      'time from a parsed request to its Kafka acknowledgement'),
    stat('rejected', 'sys-rejected', number(s.ingest.rejectedPerSecond, 1), '/s', 'items refused per second'),
    stat('processor lag', 'sys-processor-lag', lag(s.processor.lagRecords), 'records', 'samples-topic records not processed yet'),
    stat('processed', 'sys-processor-points', number(s.processor.pointsPerSecond, 1), 'points/s', 'points the processor handled per second'),
    ...s.loaders.map((l) => stat(`${l.name.replace(/-loader$/, "")} sink lag`, `sys-loader-${l.name}`, lag(l.lagRecords), `records · ${number(l.rowsPerSecond, 1)} rows/s`,
      `the ${l.name} loader into PostgreSQL`)),
    ...section('cache', s.cache), ...section('alerts', s.alerts),
    stat('up', 'sys-uptime', duration(s.uptimeSeconds), null, `rates over the last ${Math.round(s.windowSeconds)} s`));
  el.dataset.at = s.at;
}

function section(name, figures) {
  if (!figures) return [];
  return Object.entries(figures).slice(0, 3).map(([k, v]) => stat(`${name} ${k}`, `sys-${name}-${k}`, number(v, 1), null, null));
}

// EventSource cannot send a key: with one (a node started with --auth keys) the strip polls instead.
function follow(el, show) {
  const events = new EventSource('/api/v1/system/events');
  events.addEventListener('system', (e) => show(JSON.parse(e.data)));
  events.addEventListener('open', () => el.classList.remove('stale'));
  events.addEventListener('error', () => el.classList.add('stale')); // EventSource reconnects by itself
}

function poll(el, show) {
  setInterval(() => get('/api/v1/system').then((s) => { el.classList.remove('stale'); show(s); })
    .catch(() => el.classList.add('stale')), 2000);
}

export function startSystemPanel(el) {
  const show = (s) => render(el, s);
  get('/api/v1/system').then(show).catch(() => {}).finally(() => (apiKey() ? poll : follow)(el, show));
}
