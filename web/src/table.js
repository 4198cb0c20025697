// The event table: one row per event record, its sentence with the words
// that gave the source, the verb and the target highlighted.
import { ROOTS, QUADS } from './api.js';

// Where each part's words stand in the sentence, earliest first.  A part is
// looked up exactly, then ignoring case; parts that overlap one already
// placed (a target inside the source's words, say) are left unmarked.
export function highlightSpans(event) {
  const text = event.text || '';
  const lower = text.toLowerCase();
  const parts = [['src', event.source_text], ['verb', event.verb_text], ['tgt', event.target_text]];
  const spans = [];
  for (const [cls, words] of parts) {
    if (!words) continue;
    let at = text.indexOf(words);
    if (at < 0) at = lower.indexOf(words.toLowerCase());
    if (at < 0) continue;
    const end = at + words.length;
    if (spans.some((s) => at < s.end && s.start < end)) continue;
    spans.push({ cls, start: at, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

const LABELS = { src: 'source', verb: 'verb', tgt: 'target' };

function sentenceCell(event) {
  const cell = document.createElement('td');
  cell.className = 'sentence';
  const text = event.text || '';
  let at = 0;
  for (const span of highlightSpans(event)) {
    cell.append(text.slice(at, span.start));
    const mark = document.createElement('mark');
    mark.className = span.cls;
    mark.title = LABELS[span.cls];
    mark.textContent = text.slice(span.start, span.end);
    cell.append(mark);
    at = span.end;
  }
  cell.append(text.slice(at));
  return cell;
}

function cell(text, title) {
  const td = document.createElement('td');
  td.textContent = text;
  if (title) td.title = title;
  return td;
}

export function renderRows(tbody, events) {
  tbody.textContent = '';
  if (events.length === 0) {
    const row = tbody.insertRow();
    const td = cell('No events match.');
    td.colSpan = 5;
    row.append(td);
    return;
  }
  for (const e of events) {
    const row = document.createElement('tr');
    row.className = `quad${e.quad}`;
    row.append(
      cell(e.date ?? 'undated'),
      cell(`${e.source} → ${e.target}`),
      cell(`${e.code} ${ROOTS[e.root] ?? ''}`, `${QUADS[e.quad] ?? ''}; ${e.plover || ''}; ${e.pattern || ''}; ${e.doc}#${e.sent}`),
      cell(Number(e.goldstein).toFixed(1)),
      sentenceCell(e),
    );
    tbody.append(row);
  }
}
