#!/usr/bin/env python3
"""Scores a verb dictionary on the PLOVER gold-standard records (the CAMEO codebook's
example sentences), the development set of data/dict/cameo.verbs.

    python3 data/dict/score_gsr.py [--annals BUILD/annals] [--verbs FILE]
                                   [--gsr ../shared/data/plover/PLOVER_GSR_CAMEO.txt]
                                   [--part all|dev|held] [-v]

Every record's sentence is coded with `annals code`; an event counts as right when its CAMEO
root belongs to the record's event type.  The records carry PLOVER types of 2016 (version
0.5b1), not CAMEO codes, so the comparison is by root:

    AGREE 03, CONSULT 04, SUPPORT 05, COOPERATE 06, AID 07, CONCEDE and RETREAT 08,
    INVESTIGATE 09, DEMAND 10, DISAPPROVE 11, REJECT 12, THREATEN 13, PROTEST 14,
    MOBILIZE 15, SANCTION 16, COERCE 17 (and 191/192, which PLOVER counts as coercion),
    ASSAULT 18 and 20, FIGHT 19 and 20.

Reported: recall (records with at least one right event), precision (right events among all
events coded from the records' sentences; several records share a sentence, so an event
right for any record of its sentence counts as right) and the same per type.  The data
stay in ../shared: this script reads them and copies nothing.

`--part` splits the set so that tuning on it stays honest: the distinct sentences are taken in
the order they first appear in the file and every fifth (the 5th, 10th, ...) is `held` out;
the rest are `dev`.  Look at `-v` output of the dev part only; report both.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOTS = {
    'AGREE': {'03'}, 'CONSULT': {'04'}, 'SUPPORT': {'05'}, 'COOPERATE': {'06'},
    'AID': {'07'}, 'CONCEDE': {'08'}, 'RETREAT': {'08'}, 'INVESTIGATE': {'09'},
    'DEMAND': {'10'}, 'DISAPPROVE': {'11'}, 'REJECT': {'12'}, 'THREATEN': {'13'},
    'PROTEST': {'14'}, 'MOBILIZE': {'15'}, 'SANCTION': {'16'},
    'COERCE': {'17', '191', '192'}, 'ASSAULT': {'18', '20'}, 'FIGHT': {'19', '20'},
}


def right(event_type, code):
    """Whether the CAMEO code belongs to the PLOVER type of a record."""
    allowed = ROOTS[event_type]
    return code[:2] in allowed or code[:3] in allowed


def in_part(index, part):
    """Whether the sentence at this position (0-based, order of first appearance) is in part."""
    held = index % 5 == 4
    return part == 'all' or (part == 'held') == held


def load_records(path):
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    return [r for r in data if r.get('text') and r.get('event') in ROOTS]


def code_sentences(annals, verbs, texts):
    """Codes each distinct text as one document; returns {doc id: [event, ...]}."""
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, 'gsr.jsonl')
        with open(docs, 'w', encoding='utf-8') as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({'id': 'g%d' % i, 'text': t.strip(), 'date': '2000-01-01'}) + '\n')
        cmd = [annals, 'code', '-q']
        if verbs:
            cmd += ['--verbs', verbs]
        cmd.append(docs)
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit('annals code failed (%d): %s' % (run.returncode, run.stderr.strip()))
    events = collections.defaultdict(list)
    for line in run.stdout.splitlines():
        if line.strip():
            e = json.loads(line)
            events[e['doc']].append(e)
    return events


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--annals', default='annals', help='the annals program (default: on PATH)')
    ap.add_argument('--verbs', help='verb dictionary to use instead of the built-in one')
    ap.add_argument('--gsr', default=os.path.join(top, '..', 'shared', 'data', 'plover',
                                                  'PLOVER_GSR_CAMEO.txt'))
    ap.add_argument('--part', choices=('all', 'dev', 'held'), default='all',
                    help='all records, or the dev part or the held-out fifth (default: all)')
    ap.add_argument('-v', '--verbose', action='store_true', help='list every record')
    a = ap.parse_args()
    if not os.path.exists(a.gsr):
        print('skipped: %s not found' % a.gsr)
        return 77
    recs = load_records(a.gsr)
    order = {}
    for r in recs:
        order.setdefault(r['text'].strip(), len(order))
    recs = [r for r in recs if in_part(order[r['text'].strip()], a.part)]
    texts = sorted({r['text'].strip() for r in recs})
    doc_of = {t: 'g%d' % i for i, t in enumerate(texts)}
    events = code_sentences(a.annals, a.verbs, texts)

    found = collections.Counter()
    total = collections.Counter()
    for r in recs:
        evs = events.get(doc_of[r['text'].strip()], [])
        ok = any(right(r['event'], e['code']) for e in evs)
        total[r['event']] += 1
        found[r['event']] += ok
        if a.verbose:
            got = ' '.join('%s:%s>%s@%s' % (e['code'], e['source'], e['target'], e['pattern'])
                           for e in evs) or '-'
            print('%s %s %-10s %s | %s' % ('+' if ok else '-', r['id'][13:], r['event'],
                                            got, r['text'].strip()[:90]))
    types_of = collections.defaultdict(set)
    for r in recs:
        types_of[doc_of[r['text'].strip()]].add(r['event'])
    n_events = n_right = 0
    for doc, evs in events.items():
        for e in evs:
            n_events += 1
            n_right += any(right(t, e['code']) for t in types_of[doc])
    n = sum(total.values())
    k = sum(found.values())
    print('records %d, recall %d/%d = %.1f%%' % (n, k, n, 100.0 * k / n))
    if n_events:
        print('events %d, precision %d/%d = %.1f%%' % (n_events, n_right, n_events,
                                                        100.0 * n_right / n_events))
    for t in sorted(total):
        print('  %-12s %3d/%3d' % (t, found[t], total[t]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
