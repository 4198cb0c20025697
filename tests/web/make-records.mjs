// Event records for the dashboard's browser test: India and Pakistan over a
// year, with China and the United States beside them, in the schema of
// conventions.md.  Written by the test rather than kept as a file so the
// sentences and the highlighted words stay next to each other.
const EVENTS = [
  ['2024-01-15', 'IND', 'PAK', '111', '11', 3, -2.0, 'DISAPPROVE', 'India', 'Pakistan', 'criticised', 'India criticised Pakistan over the border incident.'],
  ['2024-02-03', 'PAKGOV', 'IND', '036', '03', 1, 4.0, 'COOPERATE', 'Pakistan government', 'India', 'offered to meet', 'The Pakistan government offered to meet India for talks.'],
  ['2024-02-20', 'IND', 'PAK', '042', '04', 1, 1.9, 'CONSULT', 'Indian diplomats', 'Islamabad', 'visited', 'Indian diplomats visited Islamabad on Tuesday.'],
  ['2024-03-11', 'PAKMIL', 'IND', '190', '19', 4, -10.0, 'FIGHT', 'Pakistani troops', 'Indian positions', 'shelled', 'Pakistani troops shelled Indian positions along the Line of Control.'],
  ['2024-03-12', 'INDMIL', 'PAK', '190', '19', 4, -10.0, 'FIGHT', 'Indian army', 'Pakistani posts', 'fired on', 'The Indian army fired on Pakistani posts in reply.'],
  ['2024-04-02', 'USA', 'IND', '042', '04', 1, 1.9, 'CONSULT', 'The US envoy', 'New Delhi', 'travelled to', 'The US envoy travelled to New Delhi to calm tensions.'],
  ['2024-04-05', 'CHN', 'PAK', '057', '05', 1, 8.0, 'AGREE', 'China', 'Pakistan', 'signed', 'China signed a trade agreement with Pakistan.'],
  ['2024-05-18', 'IND', 'PAK', '057', '05', 1, 8.0, 'AGREE', 'India', 'Pakistan', 'signed', 'India and Pakistan signed a ceasefire accord, and India welcomed it.'],
  ['2024-06-09', 'PAK', 'IND', '111', '11', 3, -2.0, 'DISAPPROVE', 'Pakistan', 'India', 'accused', 'Pakistan accused India of breaking the accord.'],
  ['2024-07-21', 'USA', 'PAK', '111', '11', 3, -2.0, 'DISAPPROVE', 'Washington', 'Pakistan', 'criticised', 'Washington criticised Pakistan over militant camps.'],
];

export function records() {
  return EVENTS.map(([date, source, target, code, root, quad, goldstein, plover, st, tt, vt, text], i) => ({
    doc: `test-${String(i + 1).padStart(2, '0')}`, sent: 0, date, source, target, code, root, quad, goldstein,
    plover, source_text: st, target_text: tt, verb_text: vt, pattern: 'test:1', text,
  }));
}

export function recordsJsonl() {
  return records().map((r) => JSON.stringify(r)).join('\n') + '\n';
}
