#!/usr/bin/env python3
"""Draws a sample of the cross-source links a change of the engine removes and adds, to be judged by hand.

Given each corpus's clustering before and after a change (`syndicate cluster CORPUS --format jsonl`, one line per
article with `id`, `cluster` and `source`), the links of a clustering are its pairs of articles from different
sources in one cluster. The pairs linked before and not after are the change's removed links, the others its added
links; each set is sampled uniformly without replacement (the pairs sorted, then `random.Random(seed)`), leaving out
pairs judged already in fixtures/judged. Writes `<corpus>.sample.jsonl` (corpus, a, b, stratum: removed or added) and
`<corpus>.strata.json` (each set's size and sample size, and the pairs of it judged before with their labels) into
--out, and with --packets-dir blinded reading packets
(both texts, no stratum), which hold article text and stay outside the repository.

Usage:
    python3 benchmarks/judged/draw_links.py --before DIR --after DIR --out fixtures/judged/floor \\
        --sizes snn:40:20,ant:40:5 --seed 20261210 [--packets-dir DIR]
DIR holds saudinewsnet.jsonl and ant-multisource.jsonl, the two clusterings.
"""
import argparse, glob, gzip, itertools, json, os, random
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = {'snn': 'saudinewsnet', 'ant': 'ant-multisource'}


def links(path):
    """Cross-source pairs in one cluster, and each article with every member of a story it carries (`carries`)."""
    clusters = defaultdict(list)
    carriers = []
    for line in open(path, encoding='utf-8'):
        d = json.loads(line)
        clusters[d['cluster']].append((d['id'], d['source']))
        for carried in d.get('carries') or []:
            carriers.append((d['id'], d['source'], carried))
    result = set()
    for members in clusters.values():
        for (a, sa), (b, sb) in itertools.combinations(members, 2):
            if sa != sb:
                result.add((a, b) if a < b else (b, a))
    for a, sa, carried in carriers:
        for b, sb in clusters.get(carried, []):
            if sa != sb:
                result.add((a, b) if a < b else (b, a))
    return result


def judged():
    """Every pair of the judged samples (fixtures/judged/**/*.pairs.jsonl), with its label."""
    seen = {}
    for path in sorted(glob.glob(os.path.join(ROOT, 'fixtures/judged/**/*.pairs.jsonl'), recursive=True)):
        for line in open(path, encoding='utf-8'):
            d = json.loads(line)
            seen[tuple(sorted((d['a'], d['b'])))] = d['label']
    return seen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--before', required=True)
    parser.add_argument('--after', required=True)
    parser.add_argument('--out', required=True)
    parser.add_argument('--sizes', required=True, help='corpus:removed:added,...')
    parser.add_argument('--seed', type=int, required=True)
    parser.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    parser.add_argument('--packets-dir')
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    done = judged()
    packets = []
    for spec in args.sizes.split(','):
        corpus, n_removed, n_added = spec.split(':')
        name = CORPORA[corpus]
        before = links(os.path.join(args.before, name + '.jsonl'))
        after = links(os.path.join(args.after, name + '.jsonl'))
        sets = {'removed': sorted(before - after), 'added': sorted(after - before)}
        rng = random.Random(args.seed)
        strata, sample = {}, []
        for stratum, wanted in (('removed', int(n_removed)), ('added', int(n_added))):
            frame = [p for p in sets[stratum] if p not in done]
            drawn = sorted(rng.sample(frame, min(wanted, len(frame))))
            before_judged = [{'a': a, 'b': b, 'label': done[(a, b)]} for a, b in sets[stratum] if (a, b) in done]
            strata[stratum] = {'links': len(sets[stratum]), 'judged before': len(before_judged), 'sampled': len(drawn),
                               'judged before pairs': before_judged}
            sample += [{'corpus': corpus, 'a': a, 'b': b, 'stratum': stratum} for a, b in drawn]
        with open(os.path.join(args.out, corpus + '.strata.json'), 'w', encoding='utf-8') as f:
            json.dump({'corpus': corpus, 'corpusFile': name + '.jsonl.gz', 'seed': args.seed, 'strata': strata}, f, indent=2)
            f.write('\n')
        with open(os.path.join(args.out, corpus + '.sample.jsonl'), 'w', encoding='utf-8') as f:
            for row in sample:
                f.write(json.dumps(row, ensure_ascii=False) + '\n')
        packets += [(name, row) for row in sample]

    if args.packets_dir:
        os.makedirs(args.packets_dir, exist_ok=True)
        wanted = {row['a'] for _, row in packets} | {row['b'] for _, row in packets}
        texts = {}
        for name in sorted({n for n, _ in packets}):
            with gzip.open(os.path.join(args.data, name + '.jsonl.gz'), 'rt', encoding='utf-8') as f:
                for line in f:
                    d = json.loads(line)
                    if d['id'] in wanted:
                        texts[d['id']] = d
        order = sorted(range(len(packets)), key=lambda i: random.Random(args.seed + i).random())
        with open(os.path.join(args.packets_dir, 'pairs.txt'), 'w', encoding='utf-8') as out, \
                open(os.path.join(args.packets_dir, 'key.jsonl'), 'w', encoding='utf-8') as key:
            for number, i in enumerate(order, 1):
                row = packets[i][1]
                key.write(json.dumps({'pair': number, 'corpus': row['corpus'], 'a': row['a'], 'b': row['b']}) + '\n')
                out.write(f'=== PAIR {number} ===\n')
                for side, article_id in (('A', row['a']), ('B', row['b'])):
                    d = texts[article_id]
                    out.write(f'--- {side}: {d["source"]}, published {d.get("published")}\n{d.get("title") or ""}\n{d["body"]}\n')
                out.write('\n')


if __name__ == '__main__':
    main()
