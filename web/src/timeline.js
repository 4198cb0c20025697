// The dyad timeline: events per period for each QuadClass, and the mean
// Goldstein score on a second axis, drawn with uPlot.
import uPlot from 'uplot';
import { QUADS, periodTime } from './api.js';

const QUAD_COLOURS = { 1: '#4c9a6a', 2: '#1f6f43', 3: '#d08a2b', 4: '#b8322a' };

function chartOptions(width, onPick) {
  const quadSeries = [1, 2, 3, 4].map((q) => ({
    label: QUADS[q], scale: 'n', stroke: QUAD_COLOURS[q], width: 2,
    points: { show: true, size: 5 },
  }));
  return {
    width, height: 280,
    // Periods are calendar days in UTC; without this uPlot would label them
    // in the reader's time zone and a month could show as the previous day.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { drag: { x: false, y: false } },
    scales: { n: { range: (u, min, max) => [0, Math.max(1, max)] }, g: { range: [-10, 10] } },
    series: [
      { label: 'Period' },
      ...quadSeries,
      { label: 'Goldstein mean', scale: 'g', stroke: '#3b4cc0', width: 3, dash: [6, 4],
        points: { show: true, size: 6 }, value: (u, v) => (v == null ? '–' : v.toFixed(2)) },
    ],
    axes: [
      {},
      { scale: 'n', label: 'events', size: 50 },
      { scale: 'g', side: 1, label: 'Goldstein', grid: { show: false }, size: 50 },
    ],
    hooks: {
      ready: [(u) => {
        // A click picks the period under the cursor (uPlot snaps to the nearest).
        u.over.addEventListener('click', () => {
          if (u.cursor.idx != null) onPick(u.cursor.idx);
        });
      }],
    },
  };
}

export class Timeline {
  constructor(element, onPick) {
    this.element = element;
    this.onPick = onPick;
    this.plot = null;
    this.periods = [];
    new ResizeObserver(() => this.resize()).observe(element);
  }

  // `series` has every period in its span, the quiet ones with zero events
  // (fillPeriods): the lines drop to zero there instead of joining the
  // periods either side.  How many points and how many quiet ones are kept
  // on the element for tests and for whoever inspects the page.
  show(series) {
    this.periods = series.map((p) => p.period);
    this.element.dataset.points = String(series.length);
    this.element.dataset.quiet = String(series.filter((p) => p.events === 0).length);
    const data = [
      series.map((p) => periodTime(p.period)),
      ...[1, 2, 3, 4].map((q) => series.map((p) => p.quad[q] ?? 0)),
      series.map((p) => p.goldstein_mean),
    ];
    if (this.plot) this.plot.destroy();
    this.element.textContent = '';
    if (series.length === 0) {
      this.element.textContent = 'No dated events match.';
      this.plot = null;
      return;
    }
    const options = chartOptions(this.width(), (idx) => this.onPick(this.periods[idx]));
    this.plot = new uPlot(options, data, this.element);
  }

  width() {
    return Math.max(280, this.element.clientWidth || 600);
  }

  resize() {
    if (this.plot) this.plot.setSize({ width: this.width(), height: 280 });
  }
}
