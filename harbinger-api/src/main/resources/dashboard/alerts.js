// #/alerts : the alerts the engine holds (acknowledge, silence), the silences (expire), a silence form
// whose matchers start from the chosen alert's labels.
import {get, send, seg} from './api.js';
import {h, replace, badge, percent, when, driveHref, hostHref, notice} from './dom.js';
import {unavailable} from './fleet.js';

const DURATIONS = ['1h', '2h', '4h', '12h', '1d', '3d', '7d'];
const MATCHED_LABELS = ['region', 'host', 'drive', 'alertname'];
const OPS = ['=', '!=', '=~', '!~'];

function me() {
  return localStorage.getItem('harbinger.user') || 'ops';
}

export function alertsView(main) {
  const state = {filter: 'active'};
  const alertsBox = h('div', {id: 'alerts-box'});
  const silencesBox = h('div', {id: 'silences-box'});
  const formBox = h('section', {class: 'panel', id: 'silence-panel', 'aria-labelledby': 'h-silence'});
  const message = h('div', {id: 'alerts-message', 'aria-live': 'polite'});
  const filter = h('select', {id: 'alert-state', 'aria-label': 'Which alerts', onchange: (e) => { state.filter = e.target.value; refresh(); }},
    ['active', 'firing', 'pending', 'acknowledged', 'resolved', 'all'].map((s) => h('option', {value: s}, s)));
  const user = h('input', {id: 'user', value: me(), size: 10, 'aria-label': 'Your name (for acks and silences)',
    onchange: (e) => localStorage.setItem('harbinger.user', e.target.value.trim() || 'ops')});
  replace(main, h('div', {class: 'toolbar'}, h('h1', {}, 'Alerts'), filter, h('label', {}, 'you ', user)), message,
    h('section', {class: 'panel'}, alertsBox), formBox,
    h('section', {class: 'panel'}, h('h2', {}, 'Active silences'), silencesBox));
  silenceForm(formBox, null, done);

  function say(text, kind) { replace(message, notice(text, kind)); }

  async function done(text) { say(text, 'good'); await refresh(); }

  async function refresh() {
    const [alerts, silences] = await Promise.all([
      get(`/api/v1/alerts?state=${seg(state.filter)}&limit=200`).catch((e) => e),
      get('/api/v1/silences?state=active').catch((e) => e),
    ]);
    if (alerts instanceof Error) replace(alertsBox, notice(unavailable(alerts), 'error'));
    else renderAlerts(alerts.items || []);
    if (silences instanceof Error) replace(silencesBox, notice(unavailable(silences), 'error'));
    else renderSilences(Array.isArray(silences) ? silences : silences.items || []);
  }

  function renderAlerts(items) {
    if (!items.length) { replace(alertsBox, notice(`No ${state.filter} alert.`, 'good')); return; }
    replace(alertsBox, h('table', {class: 'data', id: 'alerts'},
      h('thead', {}, h('tr', {}, ['State', 'Alert', 'Target', 'Risk', 'Since', 'Handled', ''].map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, items.map((a) => {
        const l = a.labels || {};
        return h('tr', {dataset: {alert: a.id, drive: `${l.region}/${l.host}/${l.drive}`, state: a.state}},
          h('td', {}, h('span', {class: `badge s-${a.state}`}, a.state), l.severity ? h('span', {class: 'muted small'}, ` ${l.severity}`) : null),
          h('td', {}, h('div', {}, l.alertname || a.rule), h('div', {class: 'muted small'}, (a.annotations || {}).summary || '')),
          h('td', {}, target(l)),
          h('td', {}, a.lastProbability == null ? '–' : h('span', {}, percent(a.lastProbability), ' ', l.bucket ? badge(l.bucket) : null)),
          h('td', {class: 'nowrap muted'}, when(a.firedAt || a.activeAt)),
          h('td', {}, handled(a)),
          h('td', {class: 'actions'},
            a.acknowledged || a.state === 'resolved' ? null : h('button', {type: 'button', class: 'ack', onclick: () => ack(a)}, 'Acknowledge'),
            h('button', {type: 'button', class: 'secondary silence', onclick: () => { silenceForm(formBox, a, done); formBox.scrollIntoView({block: 'start'}); }}, 'Silence…')));
      }))));
  }

  async function ack(a) {
    try {
      await send('POST', `/api/v1/alerts/${seg(a.id)}/ack`, {by: me(), comment: 'acknowledged in the dashboard'});
      await done(`Acknowledged ${(a.labels || {}).drive || a.id}.`);
    } catch (e) { say(`Acknowledge failed: ${e.message}`, 'error'); }
  }

  function renderSilences(items) {
    if (!items.length) { replace(silencesBox, notice('No active silence.')); return; }
    replace(silencesBox, h('table', {class: 'data', id: 'silences'},
      h('thead', {}, h('tr', {}, ['Matches', 'Until', 'By', 'Comment', ''].map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, items.map((s) => h('tr', {dataset: {silence: s.id}},
        h('td', {}, (s.matchers || []).map((m) => h('code', {class: 'matcher'}, `${m.name}${m.op || '='}${JSON.stringify(m.value)}`))),
        h('td', {class: 'nowrap'}, when(s.endsAt)), h('td', {}, s.createdBy || '–'), h('td', {class: 'muted'}, s.comment || ''),
        h('td', {}, h('button', {type: 'button', class: 'secondary', onclick: () => expire(s)}, 'Expire')))))));
  }

  async function expire(s) {
    try {
      await send('DELETE', `/api/v1/silences/${seg(s.id)}`);
      await done('Silence expired.');
    } catch (e) { say(`Expire failed: ${e.message}`, 'error'); }
  }

  return {refresh};
}

function target(l) {
  if (l.region && l.host && l.drive) return h('span', {}, h('a', {href: driveHref(l.region, l.host, l.drive)}, l.drive),
    h('span', {class: 'muted small'}, ' on '), h('a', {href: hostHref(l.region, l.host)}, l.host), h('span', {class: 'muted small'}, ` · ${l.region}`));
  return h('span', {}, Object.entries(l).filter(([k]) => !['alertname', 'severity', 'bucket'].includes(k)).map(([k, v]) => `${k}=${v}`).join(' '));
}

function handled(a) {
  const parts = [];
  if (a.acknowledged) parts.push(h('div', {class: 'small'}, `acked by ${a.acknowledged.by}`, h('span', {class: 'muted'}, ` ${when(a.acknowledged.at)}`)));
  if (a.silencedBy && a.silencedBy.length) parts.push(h('div', {class: 'small t-unknown silenced'}, 'silenced'));
  return parts.length ? parts : h('span', {class: 'muted'}, '–');
}

/** The silence form; for an alert, one matcher per identifying label, otherwise one empty matcher. */
function silenceForm(box, alert, done) {
  const labels = (alert && alert.labels) || {};
  const initial = alert ? MATCHED_LABELS.filter((k) => labels[k] != null).map((k) => ({name: k, op: '=', value: labels[k]})) : [{name: 'host', op: '=', value: ''}];
  const rows = h('div', {class: 'matchers', id: 'silence-matchers'});
  const addRow = (m) => rows.append(h('div', {class: 'matcher-row'},
    h('input', {name: 'name', value: m.name, 'aria-label': 'label', size: 10, required: true}),
    h('select', {name: 'op', 'aria-label': 'operator'}, OPS.map((o) => h('option', {value: o, selected: o === m.op}, o))),
    h('input', {name: 'value', value: m.value, 'aria-label': 'value', size: 18, required: true}),
    h('button', {type: 'button', class: 'secondary', 'aria-label': 'remove matcher', onclick: (e) => e.target.closest('.matcher-row').remove()}, '×')));
  initial.forEach(addRow);
  const status = h('div', {'aria-live': 'polite'});
  const form = h('form', {id: 'silence-form', onsubmit: submit},
    rows,
    h('button', {type: 'button', class: 'secondary', onclick: () => addRow({name: '', op: '=', value: ''})}, '+ matcher'),
    h('div', {class: 'form-line'},
      h('label', {}, 'for ', h('select', {name: 'duration', id: 'silence-duration'}, DURATIONS.map((d) => h('option', {value: d, selected: d === '2h'}, d)))),
      h('label', {class: 'grow'}, 'comment ', h('input', {name: 'comment', id: 'silence-comment', value: alert ? `silenced from the dashboard: ${labels.drive || alert.id}` : ''})),
      h('button', {type: 'submit', id: 'silence-submit'}, 'Create silence')),
    status);
  replace(box, h('h2', {id: 'h-silence'}, alert ? `Silence ${labels.drive || labels.host || alert.id}` : 'New silence'), form);

  async function submit(e) {
    e.preventDefault();
    const matchers = [...rows.querySelectorAll('.matcher-row')].map((r) => ({
      name: r.querySelector('[name=name]').value.trim(), op: r.querySelector('[name=op]').value, value: r.querySelector('[name=value]').value,
    })).filter((m) => m.name);
    if (!matchers.length) { replace(status, notice('A silence needs at least one matcher.', 'error')); return; }
    try {
      const s = await send('POST', '/api/v1/silences', {matchers, duration: form.elements.duration.value, createdBy: me(), comment: form.elements.comment.value});
      silenceForm(box, null, done);
      await done(`Silence ${s.id} created for ${form.elements.duration.value}.`);
    } catch (err) {
      replace(status, notice(`The silence was refused: ${err.message}`, 'error'));
    }
  }
}
