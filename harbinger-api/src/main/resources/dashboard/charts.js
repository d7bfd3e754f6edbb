// uPlot charts (served from its webjar by this node): a risk line, SMART counters, a histogram.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

export const COLORS = {
  good: '#3fb950', warning: '#d29922', bad: '#f85149', unknown: '#8b949e',
  line: '#58a6ff', grid: '#30363d', text: '#c9d1d9',
  series: ['#58a6ff', '#f85149', '#d29922', '#bc8cff', '#3fb950', '#ff7b72', '#79c0ff'],
};

const axis = (extra = {}) => ({stroke: COLORS.text, grid: {stroke: COLORS.grid, width: 1}, ticks: {stroke: COLORS.grid}, ...extra});

function size(el, height) {
  return {width: Math.max(320, el.clientWidth || 600), height};
}

/** Keeps a chart as wide as its box. */
function follow(el, chart, height) {
  const ro = new ResizeObserver(() => chart.setSize(size(el, height)));
  ro.observe(el);
  return {chart, update: (data) => chart.setData(data), destroy: () => { ro.disconnect(); chart.destroy(); }};
}

const seconds = (iso) => Date.parse(iso) / 1000;

/** 0.002 -> 0.2%, 0.35 -> 35% */
function pct(v) {
  const p = v * 100;
  return `${p === 0 ? 0 : p < 1 ? p.toFixed(1) : p < 10 ? p.toFixed(1).replace(/\.0$/, '') : Math.round(p)}%`;
}

/** Failure probability over time, with the model's warning and alert thresholds as dashed lines. */
export function riskChart(el, risk, thresholds = {}) {
  const height = 240;
  const xs = risk.map((r) => seconds(r.ts));
  const ys = risk.map((r) => r.probability);
  const levels = [['warning', thresholds.warning], ['bad', thresholds.alert]].filter(([, v]) => typeof v === 'number');
  const opts = {
    ...size(el, height),
    legend: {show: true},
    cursor: {points: {size: 6}},
    // up to a little above the highest probability or threshold: a drive at 3% is not a flat line under a 100% ceiling
    scales: {x: {time: true}, y: {range: () => [0, Math.min(1, Math.max(0.05, ...ys, ...levels.map(([, v]) => v)) * 1.2)]}},
    axes: [axis(), axis({values: (u, vals) => vals.map(pct)})],
    series: [
      {label: 'time'},
      {label: 'failure probability', stroke: COLORS.line, width: 2, fill: 'rgba(88,166,255,0.12)',
        points: {show: xs.length < 60, size: 5}, value: (u, v) => v == null ? '–' : `${(v * 100).toFixed(1)}%`},
      ...levels.map(([bucket, v]) => ({label: `${bucket} from`, stroke: COLORS[bucket], width: 1, dash: [6, 4],
        points: {show: false}, value: () => pct(v)})),
    ],
  };
  const data = [xs, ys, ...levels.map(([, v]) => xs.map(() => v))];
  return follow(el, new uPlot(opts, data, el), height);
}

/** SMART counters that move before a failure (5, 187, 188, 197, 198) over time; temperature on its own axis. */
export function smartChart(el, smart) {
  const height = 240;
  const wanted = ['5', '187', '188', '197', '198'];
  const names = {5: 'reallocated', 187: 'uncorrectable', 188: 'cmd timeout', 197: 'pending', 198: 'offline uncorr.'};
  const colour = {5: '#58a6ff', 197: '#d29922', 187: '#f85149', 188: '#bc8cff', 198: '#39c5cf'};
  const value = (s, a) => (s.attributes ? s.attributes[a] : null);
  // the counters that were ever above 0; a drive with none shows 5 and 197 flat at 0 (healthy, not missing)
  const moved = wanted.filter((a) => smart.some((s) => value(s, a) > 0));
  const present = moved.length ? moved : wanted.filter((a) => (a === '5' || a === '197') && smart.some((s) => value(s, a) != null));
  const xs = smart.map((s) => seconds(s.ts));
  // SMART 194's raw value is the temperature in °C where a drive reports it; else the sample's own temperature
  const celsius = (s) => {
    const t194 = value(s, '194');
    return t194 != null && t194 > 0 && t194 < 100 ? t194 : s.temperatureC > 0 ? s.temperatureC : null;
  };
  const hasTemp = smart.some((s) => celsius(s) != null);
  const series = [{label: 'time'}];
  const data = [xs];
  present.forEach((a) => {
    series.push({label: `${a} ${names[a]}`, stroke: colour[a], width: 2, scale: 'n',
      points: {show: xs.length < 60, size: 4}});
    data.push(smart.map((s) => s.attributes[a] ?? null));
  });
  if (hasTemp) {
    series.push({label: '°C', stroke: COLORS.unknown, width: 1, dash: [3, 3], scale: 't', points: {show: false}});
    data.push(smart.map(celsius));
  }
  const opts = {
    ...size(el, height),
    scales: {x: {time: true}, n: {range: (u, min, max) => [0, Math.max(1, max * 1.1)]}, t: {range: [0, 80]}},
    axes: [axis(), axis({scale: 'n'}), ...(hasTemp ? [axis({scale: 't', side: 1, grid: {show: false}, values: (u, v) => v.map((x) => `${x}°`)})] : [])],
    series,
  };
  return follow(el, new uPlot(opts, data, el), height);
}

/** Drives per probability bin; counts on a log axis so the few risky drives stay visible beside the many healthy ones. */
export function histogramChart(el, bins, thresholds = {}) {
  const height = 200;
  const data = () => [bins.map((b) => (b.from + b.to) / 2), bins.map((b) => (b.drives > 0 ? b.drives : null))];
  // a bin wholly below the warning threshold is good, wholly above the alert one bad, one across them neutral
  const colour = (b) => (b.to <= (thresholds.warning ?? 0) ? COLORS.good : b.from >= (thresholds.alert ?? 1) ? COLORS.bad
    : b.from >= (thresholds.warning ?? 1) ? COLORS.warning : COLORS.line);
  const opts = {
    ...size(el, height),
    legend: {show: false},
    cursor: {show: true, points: {show: false}},
    scales: {x: {time: false, range: [0, 1]}, y: {distr: 3, range: (u, min, max) => [0.6, Math.max(10, (max || 1) * 2)]}},
    axes: [axis({values: (u, v) => v.map((x) => `${Math.round(x * 100)}%`)}),
      axis({grid: {show: false}, values: (u, v) => v.map((x) => (Number.isInteger(Math.log10(x)) ? String(x) : ''))})],
    series: [{label: 'probability'}, {label: 'drives', fill: COLORS.line, stroke: COLORS.line,
      paths: uPlot.paths.bars({size: [0.9, 60], align: 0}), points: {show: false}}],
    hooks: {
      // each bar in its bucket's colour: draw over the default fill
      draw: [(u) => {
        const ctx = u.ctx;
        const [xs, ys] = [u.data[0], u.data[1]];
        const w = Math.max(2, (u.valToPos(bins[0].to, 'x', true) - u.valToPos(bins[0].from, 'x', true)) * 0.9);
        ctx.save();
        for (let i = 0; i < xs.length; i++) {
          if (ys[i] == null) continue;
          const x = u.valToPos(xs[i], 'x', true);
          const y = u.valToPos(ys[i], 'y', true);
          const y0 = u.valToPos(u.scales.y.min, 'y', true);
          ctx.fillStyle = colour(bins[i]);
          ctx.fillRect(x - w / 2, y, w, y0 - y);
        }
        ctx.restore();
      }],
    },
  };
  const handle = follow(el, new uPlot(opts, data(), el), height);
  return {...handle, update: (next) => { bins = next; handle.chart.setData(data()); }};
}
