// #/ : fleet health by region, risk distribution, the at-risk drives with their reasons.
import {get, ApiError} from './api.js';
import {h, replace, badge, risk, number, when, driveHref, hostHref, notice, BUCKETS} from './dom.js';
import {histogramChart} from './charts.js';
import {modelInfo} from './app.js';

const PAGE = 50;

export function fleetView(main) {
  const state = {region: null, rows: [], cursor: null, chart: null, loaded: PAGE};
  const cards = h('section', {class: 'cards', 'aria-label': 'Fleet totals'});
  const regions = h('div', {class: 'regions', id: 'regions'});
  const histBox = h('div', {class: 'chart', id: 'risk-histogram'});
  const atRiskTitle = h('h2', {}, 'At-risk drives');
  const atRisk = h('div', {id: 'at-risk-box'});
  const more = h('button', {type: 'button', class: 'secondary', hidden: true, onclick: () => loadMore()}, 'Show more');
  replace(main,
    h('h1', {class: 'sr-only'}, 'Fleet'),
    cards,
    h('div', {class: 'grid2'},
      h('section', {class: 'panel', 'aria-labelledby': 'h-regions'}, h('h2', {id: 'h-regions'}, 'Health by region'), regions),
      h('section', {class: 'panel', 'aria-labelledby': 'h-hist'}, h('h2', {id: 'h-hist'}, 'Risk distribution'),
        h('p', {class: 'hint'}, 'Drives by latest failure probability (log scale).'), histBox)),
    h('section', {class: 'panel'}, atRiskTitle, atRisk, more));

  async function refresh() {
    const [summary, page] = await Promise.all([
      get('/api/v1/fleet/summary?days=14').catch((e) => e),
      atRiskPage(null, Math.min(1000, Math.max(PAGE, state.rows.length))).catch((e) => e),
    ]);
    if (summary instanceof Error) {
      replace(cards, notice(unavailable(summary), 'error'));
      replace(regions, notice('Unavailable.'));
      if (state.chart) state.chart.destroy();
      state.chart = null;
      replace(histBox, notice('Unavailable.'));
    } else {
      document.getElementById('as-of').textContent = summary.asOf ? `data as of ${when(summary.asOf)}` : '';
      renderCards(summary);
      renderRegions(summary);
      await renderHistogram(summary.riskHistogram || []);
    }
    if (page instanceof Error) {
      replace(atRisk, notice(unavailable(page), 'error'));
    } else {
      state.rows = page.items;
      state.cursor = page.nextCursor;
      renderAtRisk();
    }
  }

  function atRiskPage(cursor, limit) {
    const q = new URLSearchParams({bucket: 'bad,warning', limit: String(limit)});
    if (state.region) q.set('region', state.region);
    if (cursor) q.set('cursor', cursor);
    return get(`/api/v1/fleet/at-risk?${q}`);
  }

  async function loadMore() {
    const page = await atRiskPage(state.cursor, PAGE);
    state.rows = state.rows.concat(page.items);
    state.cursor = page.nextCursor;
    renderAtRisk();
  }

  function renderCards(s) {
    const t = s.total || {drives: 0, buckets: {}, alertsOpen: 0};
    const card = (label, value, cls, id) => h('div', {class: `card ${cls || ''}`, id},
      h('span', {class: 'card-value'}, number(value)), h('span', {class: 'card-label'}, label));
    replace(cards,
      card('drives', t.drives, '', 'card-drives'),
      ...BUCKETS.map((b) => card(b, (t.buckets || {})[b] || 0, `c-${b}`, `card-${b}`)),
      h('a', {href: '#/alerts', class: 'card-link'}, card('alerts open', t.alertsOpen || 0, t.alertsOpen ? 'c-bad' : '', 'card-alerts')));
  }

  function renderRegions(s) {
    const list = s.regions || [];
    if (!list.length) { replace(regions, notice('No drive has reported yet.')); return; }
    replace(regions, h('table', {class: 'regions-table'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Region'), h('th', {scope: 'col'}, 'Drives'),
        h('th', {scope: 'col', class: 'wide'}, 'Buckets'), h('th', {scope: 'col'}, 'Alerts'))),
      h('tbody', {}, list.map((r) => h('tr', {class: state.region === r.region ? 'selected' : '', dataset: {region: r.region}},
        h('td', {}, h('button', {type: 'button', class: 'link', title: 'show only this region\'s drives below',
          'aria-pressed': String(state.region === r.region), onclick: () => toggleRegion(r.region)}, r.region)),
        h('td', {class: 'num'}, number(r.drives)),
        h('td', {}, bucketBar(r.buckets || {}, r.drives)),
        h('td', {class: 'num'}, r.alertsOpen ? h('span', {class: 't-bad'}, number(r.alertsOpen)) : '0'))))));
  }

  function toggleRegion(region) {
    state.region = state.region === region ? null : region;
    state.rows = [];
    refresh();
  }

  async function renderHistogram(bins) {
    if (!bins.length) { replace(histBox, notice('No predictions yet.')); state.chart = null; return; }
    const m = await modelInfo();
    const thresholds = {warning: m.warningThreshold, alert: m.alertThreshold};
    if (state.chart) state.chart.update(bins);
    else { histBox.replaceChildren(); state.chart = histogramChart(histBox, bins, thresholds); }
  }

  function renderAtRisk() {
    atRiskTitle.textContent = state.region ? `At-risk drives in ${state.region}` : 'At-risk drives';
    more.hidden = !state.cursor;
    if (!state.rows.length) { replace(atRisk, notice('No drive at risk. Every drive reports low failure probability.', 'good')); return; }
    replace(atRisk, h('table', {id: 'at-risk', class: 'data'},
      h('caption', {class: 'sr-only'}, 'Drives whose latest prediction is bad or warning, most at risk first'),
      h('thead', {}, h('tr', {},
        ['Drive', 'Host', 'Region', 'Model', 'Risk', 'Bucket', 'Why', 'As of'].map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, state.rows.map((r) => h('tr', {dataset: {drive: `${r.region}/${r.host}/${r.drive}`, bucket: r.bucket}},
        h('td', {}, h('a', {href: driveHref(r.region, r.host, r.drive)}, r.drive)),
        h('td', {}, h('a', {href: hostHref(r.region, r.host)}, r.host)),
        h('td', {}, r.region),
        h('td', {class: 'muted'}, r.driveModel || '–'),
        h('td', {}, judged(r)),
        h('td', {}, badge(r.bucket)),
        h('td', {}, reasons(r.reasons)),
        h('td', {class: 'muted nowrap'}, when(r.ts)))))));
  }

  return {refresh, dispose: () => { if (state.chart) state.chart.destroy(); }};
}

/** What judged a drive for a person: the rules for drives the model was not trained on give no probability. */
const RULES = {'nvme-health-log': 'NVMe health log', 'scsi-health-log': 'SCSI health log', 'smart-counters': 'SMART counters'};

/** The model's risk, or the rule that judged the drive. */
export function judged(p) {
  return !p.assessor || p.assessor === 'model' ? risk(p.probability, p.bucket) : h('span', {class: 'muted'}, RULES[p.assessor] || p.assessor);
}

export function reasons(list, max = 2) {
  if (!list || !list.length) return h('span', {class: 'muted'}, '–');
  const shown = list.slice(0, max);
  return h('ul', {class: 'reasons'}, shown.map((r) => h('li', {}, r)),
    list.length > max ? h('li', {class: 'muted', title: list.slice(max).join('\n')}, `+${list.length - max} more`) : null);
}

export function bucketBar(buckets, total) {
  const sum = total || BUCKETS.reduce((a, b) => a + (buckets[b] || 0), 0) || 1;
  const label = BUCKETS.map((b) => `${b} ${buckets[b] || 0}`).join(', ');
  return h('div', {class: 'bucket-line'},
    h('div', {class: 'bucket-bar', role: 'img', 'aria-label': label, title: label},
      BUCKETS.filter((b) => buckets[b]).map((b) => h('span', {class: `seg f-${b}`, style: `flex-grow:${buckets[b]};min-width:${Math.max(3, 100 * buckets[b] / sum)}px`}))),
    h('span', {class: 'bucket-counts'}, BUCKETS.filter((b) => b === 'good' || buckets[b]).map((b) =>
      h('span', {class: `t-${b}`}, `${number(buckets[b] || 0)} ${b}`))));
}

export function unavailable(e) {
  if (e instanceof ApiError && e.status === 404) return `This node does not serve ${e.path.split('?')[0]}.`;
  if (e instanceof ApiError && e.status === 503) return `Storage is not answering right now (${e.message}); retrying.`;
  return `Could not load: ${e.message}`;
}
