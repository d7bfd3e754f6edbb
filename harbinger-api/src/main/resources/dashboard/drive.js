// #/drive/{region}/{host}/{drive} and #/host/{region}/{host}.
import {get, seg} from './api.js';
import {h, replace, badge, risk, number, when, driveHref, hostHref, notice} from './dom.js';
import {riskChart, smartChart} from './charts.js';
import {judged, reasons, unavailable} from './fleet.js';
import {modelInfo} from './app.js';

function crumbs(...parts) {
  return h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '#/'}, 'Fleet'),
    parts.map(([label, href]) => [h('span', {class: 'sep', 'aria-hidden': 'true'}, '/'), href ? h('a', {href}, label) : h('span', {}, label)]));
}

export function driveView(main, [region, host, drive]) {
  const charts = {};
  const head = h('div', {class: 'drive-head'});
  const riskBox = h('div', {class: 'chart', id: 'risk-chart'});
  const smartBox = h('div', {class: 'chart', id: 'smart-chart'});
  const why = h('div', {id: 'drive-why'});
  replace(main, crumbs([region], [host, hostHref(region, host)], [drive]), head,
    h('div', {class: 'grid2'},
      h('section', {class: 'panel'}, h('h2', {}, 'Failure risk'), riskBox),
      h('section', {class: 'panel'}, h('h2', {}, 'SMART counters'), smartBox)),
    h('section', {class: 'panel'}, h('h2', {}, 'Why'), why));

  async function refresh() {
    let d;
    try {
      d = await get(`/api/v1/fleet/drives/${seg(region)}/${seg(host)}/${seg(drive)}`);
    } catch (e) {
      replace(head, h('h1', {}, drive), notice(e.status === 404 ? `No drive ${region}/${host}/${drive} is known.` : unavailable(e), 'error'));
      return;
    }
    const latest = d.latest || {};
    replace(head, h('h1', {}, drive, ' ', badge(latest.bucket)),
      h('dl', {class: 'facts'},
        fact(!latest.assessor || latest.assessor === 'model' ? 'failure probability' : 'judged by', judged(latest)),
        fact('model', d.driveModel || '–'), fact('host', h('a', {href: hostHref(region, host)}, host)), fact('region', region),
        fact('latest sample', when(latest.ts)), fact('scored by', latest.modelVersion || '–')));
    const m = await modelInfo();
    draw('risk', riskBox, d.risk || [], (el, rows) => riskChart(el, rows, {warning: m.warningThreshold, alert: m.alertThreshold}), 'No predictions in range.');
    draw('smart', smartBox, d.smart || [], smartChart, 'No SMART samples in range.');
    replace(why, reasons(latest.reasons, 10), contributions(latest.topFeatures || []));
  }

  /** A chart made once and redrawn only when the number of points changed. */
  function draw(key, box, rows, make, empty) {
    if (!rows.length) { if (charts[key]) charts[key].c.destroy(); charts[key] = null; replace(box, notice(empty)); return; }
    if (charts[key] && charts[key].n === rows.length) return;
    if (charts[key]) charts[key].c.destroy();
    box.replaceChildren();
    charts[key] = {n: rows.length, c: make(box, rows)};
  }

  return {refresh, dispose: () => Object.values(charts).forEach((c) => c && c.c.destroy())};
}

function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

function contributions(features) {
  if (!features.length) return null;
  const max = Math.max(...features.map((f) => Math.abs(f.contribution))) || 1;
  return h('table', {class: 'data contributions', id: 'contributions'},
    h('caption', {}, 'What the model weighed most (log-odds contribution)'),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Feature'), h('th', {scope: 'col', class: 'num'}, 'Value'), h('th', {scope: 'col', class: 'wide'}, 'Contribution'))),
    h('tbody', {}, features.map((f) => h('tr', {},
      h('td', {}, h('code', {}, f.feature)),
      h('td', {class: 'num'}, f.value == null || Number.isNaN(f.value) ? 'unknown' : number(f.value, 2)),
      h('td', {}, h('span', {class: 'contrib'},
        h('span', {class: `contrib-bar ${f.contribution >= 0 ? 'f-bad' : 'f-good'}`, style: `width:${Math.max(2, 100 * Math.abs(f.contribution) / max)}%`}),
        h('span', {class: 'contrib-num'}, (f.contribution >= 0 ? '+' : '') + f.contribution.toFixed(2))))))));
}

export function hostView(main, [region, host]) {
  const body = h('div', {});
  replace(main, crumbs([region], [host]), h('h1', {}, host), body);

  async function refresh() {
    let d;
    try {
      d = await get(`/api/v1/fleet/hosts/${seg(region)}/${seg(host)}`);
    } catch (e) {
      replace(body, notice(e.status === 404 ? `No host ${region}/${host} is known.` : unavailable(e), 'error'));
      return;
    }
    const drives = d.drives || [];
    replace(body, h('p', {class: 'muted'}, `${drives.length} drives · last seen ${when(d.lastSeen)}`),
      h('section', {class: 'panel'}, h('h2', {}, 'Drives'), h('table', {class: 'data', id: 'host-drives'},
        h('thead', {}, h('tr', {}, ['Drive', 'Model', 'Risk', 'Bucket', 'Why', 'As of'].map((c) => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, drives.map((x) => {
          const l = x.latest || {};
          return h('tr', {dataset: {drive: x.drive}},
            h('td', {}, h('a', {href: driveHref(region, host, x.drive)}, x.drive)), h('td', {class: 'muted'}, x.driveModel || '–'),
            h('td', {}, judged(l)), h('td', {}, badge(l.bucket)), h('td', {}, reasons(l.reasons)),
            h('td', {class: 'muted nowrap'}, when(l.ts)));
        })))),
      metrics(d.metrics || []));
  }
  return {refresh};
}

function metrics(list) {
  if (!list.length) return null;
  return h('section', {class: 'panel'}, h('h2', {}, 'Host metrics'), h('table', {class: 'data'},
    h('thead', {}, h('tr', {}, ['Measurement', 'Tags', 'Fields', 'At'].map((c) => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, list.map((m) => h('tr', {},
      h('td', {}, m.measurement),
      h('td', {class: 'muted'}, Object.entries(m.tags || {}).map(([k, v]) => `${k}=${v}`).join(' ')),
      h('td', {}, Object.entries(m.fields || {}).slice(0, 6).map(([k, v]) => `${k} ${typeof v === 'number' ? number(v, 2) : v}`).join(' · ')),
      h('td', {class: 'muted nowrap'}, when(m.ts)))))));
}

