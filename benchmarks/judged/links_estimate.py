#!/usr/bin/env python3
"""Estimates the share of SAME pairs among the links a change of the engine removes and adds, from a judged links sample.

Reads `<corpus>.links.jsonl` (the sampled links with their labels) and `<corpus>.strata.json` (each set's size, and
the pairs of it judged before with their labels, as `draw_links.py` writes them) from a directory such as
fixtures/judged/unequal, and prints one row per corpus and set: the links, the pairs judged before (and how many of
them SAME), the sample size, SAME in the sample, the estimated SAME share of the set and the Wilson 95% interval of the
sample alone. The estimate counts the pairs judged before as labelled and weighs the sample by what is left of its set:
(SAME judged before + SAME share of the sample x (links - judged before)) / links. Also prints how often the first two
readers agreed on SAME against not-SAME, and Cohen's kappa.

Usage:
    python3 benchmarks/judged/links_estimate.py fixtures/judged/unequal
"""
import json
import math
import os
import sys


def wilson(successes, n, z=1.96):
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    denominator = 1 + z * z / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / denominator, (centre + half) / denominator


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    first, second = [], []
    print('| corpus | set | links | judged before (SAME) | sampled | SAME in the sample | estimated SAME share (95% CI of the sample) |')
    print('|---|---|---:|---:|---:|---:|---|')
    for corpus in ('snn', 'ant'):
        strata_path = os.path.join(directory, corpus + '.strata.json')
        links_path = os.path.join(directory, corpus + '.links.jsonl')
        if not os.path.exists(strata_path) or not os.path.exists(links_path):
            continue
        strata = json.load(open(strata_path, encoding='utf-8'))['strata']
        rows = [json.loads(line) for line in open(links_path, encoding='utf-8') if line.strip()]
        for row in rows:
            readers = row['readers']
            first.append(readers[0] == 'same')
            second.append(readers[1] == 'same')
        for name in ('removed', 'added'):
            stratum = strata.get(name)
            if not stratum or stratum['links'] == 0:
                continue
            if 'judged before pairs' not in stratum:
                sys.exit(f'{strata_path}: the {name} set does not list its pairs judged before')
            before = stratum['judged before pairs']
            before_same = sum(p['label'] == 'same' for p in before)
            sample = [r for r in rows if r['stratum'] == name]
            same = sum(r['label'] == 'same' for r in sample)
            rest = stratum['links'] - len(before)
            estimate = (before_same + (same / len(sample) * rest if sample else 0)) / stratum['links']
            low, high = wilson(same, len(sample))
            print(f"| {corpus} | {name} | {stratum['links']} | {len(before)} ({before_same}) | {len(sample)} | {same} | "
                  f"{estimate:.2f} ({low:.2f}–{high:.2f}) |")
    n = len(first)
    if n:
        agree = sum(a == b for a, b in zip(first, second))
        pa, pb = sum(first) / n, sum(second) / n
        expected = pa * pb + (1 - pa) * (1 - pb)
        kappa = (agree / n - expected) / (1 - expected) if expected < 1 else 1.0
        print(f'\nreaders agreed on SAME against not-SAME for {agree} of {n} pairs (kappa {kappa:.2f})')


if __name__ == '__main__':
    main()
