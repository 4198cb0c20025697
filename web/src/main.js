// The annals dashboard: reads the state from the URL, fetches the series, the
// graph and a page of events from annals serve, and keeps the URL in step
// with every change so the view can be shared or bookmarked.
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { ROOTS, QUADS, FILTER_KEYS, readState, writeState, filterParams, tableParams,
  getJson, periodRange, fillPeriods } from './api.js';
import { Timeline } from './timeline.js';
import { Network } from './network.js';
import { renderRows } from './table.js';

const PAGE = 50;
const $ = (id) => document.getElementById(id);
let state = readState(location.search);
let timeline;
let network;

function setStatus(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

function fillSelects() {
  for (const [code, name] of Object.entries(ROOTS)) $('f-root').add(new Option(`${code} ${name}`, code));
  for (const [q, name] of Object.entries(QUADS)) $('f-quad').add(new Option(`${q} ${name}`, q));
}

function stateToForm() {
  const form = $('filters');
  for (const key of FILTER_KEYS) {
    const input = form.elements[key];
    if (input.type === 'checkbox') input.checked = state[key] === '1';
    else input.value = state[key] ?? (key === 'interval' ? 'month' : '');
  }
}

function formToState() {
  const form = $('filters');
  const next = {};
  for (const key of FILTER_KEYS) {
    const input = form.elements[key];
    const value = input.type === 'checkbox' ? (input.checked ? '1' : '') : input.value.trim();
    if (value) next[key] = ['source', 'target'].includes(key) ? value.toUpperCase() : value;
  }
  if (next.interval === 'month') delete next.interval;
  return next;
}

// Changing a filter or a pick pushes a history entry; Back returns to the
// previous view.
function go(next, { redraw = true } = {}) {
  state = next;
  history.pushState(null, '', writeState(state));
  return redraw ? loadAll() : loadTable();
}

function describePicks() {
  const box = $('narrowing');
  box.textContent = '';
  const chips = [];
  if (state.pfrom) chips.push([`${state.pfrom} to ${state.pto}`, ['pfrom', 'pto']]);
  if (state.psource) chips.push([`${state.psource} → ${state.ptarget}`, ['psource', 'ptarget']]);
  if (state.pactor) chips.push([`actor ${state.pactor}`, ['pactor']]);
  if (chips.length === 0) return;
  box.append('Listing only: ');
  for (const [label, keys] of chips) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chip';
    button.textContent = `${label} ✕`;
    button.setAttribute('aria-label', `Stop narrowing to ${label}`);
    button.addEventListener('click', () => {
      const next = { ...state };
      for (const k of [...keys, 'offset']) delete next[k];
      go(next, { redraw: false });
    });
    box.append(button);
  }
}

async function loadTable() {
  describePicks();
  const params = tableParams(state);
  const offset = Number(state.offset || 0);
  params.set('limit', PAGE);
  if (offset) params.set('offset', offset);
  try {
    const page = await getJson('api/events', params);
    renderRows($('events').tBodies[0], page.events);
    $('prev').disabled = offset === 0;
    $('next').disabled = page.next_offset == null;
    $('next').dataset.offset = page.next_offset ?? '';
    const shown = page.events.length;
    $('page-info').textContent = shown ? `events ${offset + 1}–${offset + shown}` : '';
    network.mark(state.psource ? `${state.psource}>${state.ptarget}` : state.pactor);
    $('dyad-pick').value = state.psource ? `${state.psource}>${state.ptarget}` : '';
  } catch (err) {
    setStatus(`Events: ${err.message}`, true);
  }
}

function fillPickers(series, graph) {
  const periods = $('period-pick');
  periods.length = 1;
  for (const p of series) periods.add(new Option(`${p.period} (${p.events} events)`, p.period));
  const dyads = $('dyad-pick');
  dyads.length = 1;
  for (const e of graph.edges) dyads.add(new Option(`${e.source} → ${e.target} (${e.events})`, `${e.source}>${e.target}`));
  const codes = $('actor-codes');
  codes.textContent = '';
  for (const n of graph.nodes) codes.append(new Option(n.id));
  const interval = state.interval || 'month';
  const picked = series.find((p) => periodRange(p.period, interval)[0] === state.pfrom);
  periods.value = picked ? picked.period : '';
}

async function loadAll() {
  setStatus('Loading…');
  stateToForm();
  const params = filterParams(state);
  const seriesParams = new URLSearchParams(params);
  seriesParams.set('interval', state.interval || 'month');
  try {
    const [series, graph] = await Promise.all([
      getJson('api/series', seriesParams), getJson('api/graph', params)]);
    timeline.show(fillPeriods(series.series, state.interval || 'month'));
    network.show(graph, null);
    fillPickers(series.series, graph);
    const total = series.series.reduce((n, p) => n + p.events, 0);
    setStatus(`${total} dated events in ${series.series.length} periods; ${graph.edges.length} dyads in the network.`);
  } catch (err) {
    setStatus(err.message, true);
  }
  await loadTable();
}

function pickPeriod(period) {
  const next = { ...state };
  delete next.offset;
  if (period) [next.pfrom, next.pto] = periodRange(period, state.interval || 'month');
  else { delete next.pfrom; delete next.pto; }
  go(next, { redraw: false });
}

function pickDyad(source, target) {
  const next = { ...state, psource: source, ptarget: target };
  delete next.pactor;
  delete next.offset;
  go(next, { redraw: false });
}

function pickActor(actor) {
  const next = { ...state, pactor: actor };
  delete next.psource;
  delete next.ptarget;
  delete next.offset;
  go(next, { redraw: false });
}

function wire() {
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    go(formToState());
  });
  $('reset').addEventListener('click', () => go({}));
  $('period-pick').addEventListener('change', (e) => pickPeriod(e.target.value));
  $('dyad-pick').addEventListener('change', (e) => {
    if (e.target.value) pickDyad(...e.target.value.split('>'));
    else {
      const next = { ...state };
      delete next.psource; delete next.ptarget; delete next.offset;
      go(next, { redraw: false });
    }
  });
  $('prev').addEventListener('click', () => {
    go({ ...state, offset: String(Math.max(0, Number(state.offset || 0) - PAGE)) }, { redraw: false });
  });
  $('next').addEventListener('click', () => {
    go({ ...state, offset: $('next').dataset.offset }, { redraw: false });
  });
  window.addEventListener('popstate', () => {
    state = readState(location.search);
    loadAll();
  });
}

fillSelects();
timeline = new Timeline($('chart'), pickPeriod);
network = new Network($('graph'), pickDyad, pickActor);
wire();
loadAll();
