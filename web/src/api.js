// The dashboard's view of annals serve's JSON API (doc/api.md) and of the
// page's state, which lives in the URL's query string so a view can be shared.

export const ROOTS = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate',
  '04': 'Consult', '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation',
  '07': 'Provide aid', '08': 'Yield', '09': 'Investigate', '10': 'Demand',
  '11': 'Disapprove', '12': 'Reject', '13': 'Threaten', '14': 'Protest',
  '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault',
  '19': 'Fight', '20': 'Use unconventional mass violence',
};

export const QUADS = {
  1: 'Verbal cooperation', 2: 'Material cooperation', 3: 'Verbal conflict', 4: 'Material conflict',
};

// Filters the user sets in the form; they apply to all three views.
export const FILTER_KEYS = ['source', 'target', 'both', 'from', 'to', 'root', 'quad', 'text', 'interval'];
// Narrowings picked on the chart or the graph; they apply to the event table only.
export const PICK_KEYS = ['pfrom', 'pto', 'psource', 'ptarget', 'pactor', 'offset'];

export function readState(search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of [...FILTER_KEYS, ...PICK_KEYS]) {
    const value = params.get(key);
    if (value !== null && value !== '') state[key] = value;
  }
  return state;
}

export function writeState(state) {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, ...PICK_KEYS]) {
    if (state[key] !== undefined && state[key] !== '') params.set(key, state[key]);
  }
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

// The API's filter parameters for the chart and the graph.  "Both
// directions" becomes the API's dyad filter, which needs both actors.
export function filterParams(state) {
  const params = new URLSearchParams();
  if (state.both && state.source && state.target) {
    params.set('dyad', `${state.source},${state.target}`);
  } else {
    if (state.source) params.set('source', state.source);
    if (state.target) params.set('target', state.target);
  }
  for (const key of ['from', 'to', 'root', 'quad', 'text']) {
    if (state[key]) params.set(key, state[key]);
  }
  return params;
}

// The event table's parameters: the filters, narrowed by what was picked.
// A picked dyad or actor comes from the graph drawn under the filters, so it
// is at least as specific as them and replaces them.
export function tableParams(state) {
  const params = filterParams(state);
  if (state.psource && state.ptarget) {
    params.delete('dyad');
    params.set('source', state.psource);
    params.set('target', state.ptarget);
  } else if (state.pactor) {
    params.set('actor', state.pactor);
  }
  if (state.pfrom && (!state.from || state.pfrom > state.from)) params.set('from', state.pfrom);
  if (state.pto && (!state.to || state.pto < state.to)) params.set('to', state.pto);
  return params;
}

export class ApiError extends Error {}

export async function getJson(path, params) {
  const query = params && params.toString();
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`${path}: the server answered ${response.status} without JSON`);
  }
  if (!response.ok) {
    const which = body && body.parameter ? ` (${body.parameter})` : '';
    throw new ApiError(`${body && body.error ? body.error : response.statusText}${which}`);
  }
  return body;
}

// The first and last day of a period as the series names it: 2020-05-01
// (day), the Monday 2020-04-27 (week), 2020-05 (month), 2020 (year).
export function periodRange(period, interval) {
  const iso = (d) => d.toISOString().slice(0, 10);
  if (interval === 'year') return [`${period}-01-01`, `${period}-12-31`];
  if (interval === 'month') {
    const [y, m] = period.split('-').map(Number);
    return [`${period}-01`, iso(new Date(Date.UTC(y, m, 0)))];
  }
  if (interval === 'week') {
    const start = new Date(`${period}T00:00:00Z`);
    return [period, iso(new Date(start.getTime() + 6 * 86400000))];
  }
  return [period, period];
}

// Seconds since 1970 of a period's first day, for the chart's x axis.
export function periodTime(period) {
  const parts = period.split('-').map(Number);
  return Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1) / 1000;
}

// The period after `period` in the series' naming (see periodRange).
export function nextPeriod(period, interval) {
  const parts = period.split('-').map(Number);
  if (interval === 'year') return String(parts[0] + 1);
  if (interval === 'month') {
    const d = new Date(Date.UTC(parts[0], parts[1], 1));
    return d.toISOString().slice(0, 7);
  }
  const d = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + (interval === 'week' ? 7 : 1)));
  return d.toISOString().slice(0, 10);
}

// At most this many periods are filled in (ten years of days is 3,653).
const FILL_MAX = 20000;

// The series with every period between its first and last, the ones the
// API left out (no matching events) as zero counts and no Goldstein mean,
// so that the chart shows a quiet stretch as quiet instead of drawing a
// line straight across it.  Returns the series as it is when the span is
// too long to fill.
export function fillPeriods(series, interval) {
  if (series.length < 2) return series;
  const byPeriod = new Map(series.map((p) => [p.period, p]));
  const last = series[series.length - 1].period;
  const filled = [];
  for (let p = series[0].period; p <= last; p = nextPeriod(p, interval)) {
    if (filled.length >= FILL_MAX) return series;
    filled.push(byPeriod.get(p) ?? {
      period: p, events: 0, mentions: 0, goldstein_sum: 0, goldstein_mean: null,
      quad: { 1: 0, 2: 0, 3: 0, 4: 0 },
    });
  }
  return filled;
}
