// The actor network: who acts on whom, drawn with cytoscape.js.  Edges are
// dyads (source to target), their width the number of events and their
// colour the mean Goldstein score.
import cytoscape from 'cytoscape';

// Red for hostile (-10), grey for neutral, green for cooperative (+10).
export function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, (g ?? 0) / 10));
  const mix = (a, b, f) => Math.round(a + (b - a) * f);
  const grey = [150, 150, 150];
  const end = t < 0 ? [190, 40, 40] : [30, 130, 70];
  const f = Math.abs(t) ** 0.6;
  return `rgb(${mix(grey[0], end[0], f)},${mix(grey[1], end[1], f)},${mix(grey[2], end[2], f)})`;
}

const STYLE = [
  { selector: 'node', style: {
    'background-color': '#34495e', label: 'data(id)', color: '#1b2631', 'font-size': 11,
    'text-valign': 'bottom', 'text-margin-y': 4, width: 'data(size)', height: 'data(size)' } },
  { selector: 'edge', style: {
    width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
    'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
  { selector: '.picked', style: { 'overlay-color': '#f1c40f', 'overlay-opacity': 0.35, 'overlay-padding': 4 } },
];

export class Network {
  constructor(element, onPickEdge, onPickNode) {
    this.cy = cytoscape({ container: element, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 4 });
    this.cy.on('tap', 'edge', (e) => onPickEdge(e.target.data('source'), e.target.data('target')));
    this.cy.on('tap', 'node', (e) => onPickNode(e.target.id()));
  }

  show(graph, picked) {
    const maxEvents = Math.max(1, ...graph.edges.map((e) => e.events));
    const maxNode = Math.max(1, ...graph.nodes.map((n) => n.events));
    const elements = [
      ...graph.nodes.map((n) => ({ data: { id: n.id, size: 14 + 26 * Math.sqrt(n.events / maxNode) } })),
      ...graph.edges.map((e) => ({ data: {
        id: `${e.source}>${e.target}`, source: e.source, target: e.target,
        width: 1.5 + 8 * Math.sqrt(e.events / maxEvents), colour: goldsteinColour(e.goldstein_mean) } })),
    ];
    this.cy.elements().remove();
    this.cy.add(elements);
    this.mark(picked);
    const layout = graph.nodes.length <= 6 ? { name: 'circle' } : { name: 'cose', animate: false, randomize: false };
    this.cy.layout({ ...layout, padding: 30 }).run();
    this.cy.resize();
    this.cy.fit(undefined, 30);
  }

  mark(picked) {
    this.cy.elements().removeClass('picked');
    if (picked) this.cy.getElementById(picked).addClass('picked');
  }
}
