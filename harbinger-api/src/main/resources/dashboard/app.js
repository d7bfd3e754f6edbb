// The dashboard: hash-routed views over this node's API, refreshed every few seconds; the system strip
// follows /api/v1/system/events (server-sent events).
import {get} from './api.js';
import {h, replace, notice} from './dom.js';
import {startSystemPanel} from './system.js';
import {fleetView} from './fleet.js';
import {driveView, hostView} from './drive.js';
import {alertsView} from './alerts.js';

const REFRESH_MS = 5000;

const routes = [
  {name: 'fleet', pattern: /^#?\/?$/, view: fleetView},
  {name: 'fleet', pattern: /^#\/drive\/([^/]+)\/([^/]+)\/([^/]+)$/, view: driveView},
  {name: 'fleet', pattern: /^#\/host\/([^/]+)\/([^/]+)$/, view: hostView},
  {name: 'alerts', pattern: /^#\/alerts$/, view: alertsView},
];

let model = null;
/** The model in force (thresholds for the charts), asked once. */
export async function modelInfo() {
  if (!model) model = get('/api/v1/model').catch(() => ({}));
  return model;
}

let current = null;
let timer = null;

async function route() {
  const hash = location.hash || '#/';
  const match = routes.map((r) => ({r, m: hash.match(r.pattern)})).find((x) => x.m);
  if (current && current.dispose) current.dispose();
  current = null;
  clearInterval(timer);
  const main = document.getElementById('view');
  main.dataset.state = 'loading';
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', !!match && a.dataset.nav === match.r.name));
  if (!match) {
    replace(main, h('h1', {}, 'Nothing here'), notice(`No view for ${hash}.`), h('a', {href: '#/'}, 'Back to the fleet'));
    main.dataset.state = 'ready';
    return;
  }
  const params = match.m.slice(1).map(decodeURIComponent);
  const view = match.r.view(main, params);
  current = view;
  await refresh(view, main);
  timer = setInterval(() => refresh(view, main), REFRESH_MS);
}

async function refresh(view, main) {
  if (current !== view) return;
  try {
    await view.refresh();
    if (current === view) main.dataset.state = 'ready';
  } catch (e) {
    console.warn('refresh failed', e);
    if (current === view) main.dataset.state = 'error';
  }
}

window.addEventListener('hashchange', route);
startSystemPanel(document.getElementById('system'));
route();
