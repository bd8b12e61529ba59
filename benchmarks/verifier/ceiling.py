#!/usr/bin/env python3
"""How far surface signals can take the verifier on the judged pairs the engine misses.

For every judged pair of fixtures/judged (all samples), reads `syndicate explain -f json` of the two articles on their
corpus (cached in --cache), and the pairs `syndicate eval --judged fixtures/judged` lists as missed SAME or linked
non-SAME (its text output, --eval). Then, over the pairs the engine leaves unlinked, the verifier rejects, and that are
within the 36-hour template gap (where rewrites may be linked), it fits classifiers on every surface signal `explain`
reports, plus exact verbatim-overlap signals computed here on the cleaned texts (word 5- and 8-gram containment, the
longest shared run of words), with repeated 5-fold cross-validation. Each pair a classifier accepts is counted as
linked on top of the engine's links, and recall and precision are estimated with the strata weights, as `eval` does.

The answer is an upper bound on what any rule over these signals adds to the verifier, before the clustering (one
story per article, the chaining guard) takes its share.

Usage (Debian's python3-numpy and python3-sklearn; about ten minutes for the explain cache on two cores):
    syndicate eval --judged fixtures/judged > /tmp/judged.txt
    /usr/bin/python3 benchmarks/verifier/ceiling.py --eval /tmp/judged.txt --cache /tmp/explain --data ../shared/data
"""
import argparse, glob, json, os, re, subprocess
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = {'snn': 'saudinewsnet.jsonl.gz', 'ant': 'ant-multisource.jsonl.gz'}
SIGNALS = ['cont', 'car', 'cc', 'score', 'head', 'lead', 'shorter', 'run', 'c8', 'c5']


def judged_pairs():
    pairs = {}
    for path in sorted(glob.glob(os.path.join(ROOT, 'fixtures/judged/**/*.pairs.jsonl'), recursive=True)):
        for line in open(path, encoding='utf-8'):
            d = json.loads(line)
            pairs[(d['a'], d['b'])] = d
    return pairs


def read_eval(path):
    """The strata sizes, and the missed SAME and linked non-SAME pairs, from eval --judged's text output."""
    sizes, missed, wrong, corpus, mode = {}, set(), set(), None, None
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if m := re.match(r'judged pairs\s+(\w+):', line):
            corpus = m.group(1)
        if m := re.match(r'  (\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$', line):
            sizes[(corpus, m.group(1))] = (int(m.group(2)), int(m.group(3)))
        if 'SAME pairs not linked' in line:
            mode = missed
        elif 'non-SAME pairs linked' in line:
            mode = wrong
        elif line.startswith('    ') and mode is not None:
            a, b = line.split()[:2]
            mode.add((a, b))
        elif not line.startswith('    '):
            mode = None
    return sizes, missed, wrong


def explain(pair, d, cache, data, cli):
    out = os.path.join(cache, f'{pair[0]}.{pair[1]}.json')
    if not os.path.exists(out) or os.path.getsize(out) == 0:
        text = subprocess.run(cli + ['explain', os.path.join(data, CORPORA[d['corpus']]), '-a', pair[0], '-b', pair[1], '-f', 'json'],
                              capture_output=True, text=True, check=True).stdout
        with open(out, 'w', encoding='utf-8') as f:
            f.write(text)
    return json.load(open(out, encoding='utf-8'))


def words(text):
    text = re.sub('[\u064B-\u065F\u0670\u0640]', '', text)
    text = re.sub('[أإآٱ]', 'ا', text).replace('ى', 'ي').replace('ة', 'ه')
    return re.sub(r'[^\w\s]', ' ', text.lower()).split()


def longest_run(a, b):
    where = {}
    for j, w in enumerate(b):
        where.setdefault(w, []).append(j)
    best, previous = 0, {}
    for w in a:
        current = {}
        for j in where.get(w, ()):
            current[j] = previous.get(j - 1, 0) + 1
            best = max(best, current[j])
        previous = current
    return best


def gram_containment(a, b, n):
    ga = {' '.join(a[i:i + n]) for i in range(len(a) - n + 1)}
    gb = {' '.join(b[i:i + n]) for i in range(len(b) - n + 1)}
    return len(ga & gb) / max(1, min(len(ga), len(gb)))


def signals(e):
    lead = e['lead']
    a, b = words(e['first']['cleanedText']), words(e['second']['cleanedText'])
    return {
        'cont': e['containment']['estimate'], 'car': lead.get('carriedContainment') or 0,
        'cc': lead.get('characterContainment') or 0, 'score': (e['rewriteScore'] or {}).get('score', 0),
        'head': lead.get('headContainment') or 0, 'lead': lead.get('containment') or 0,
        'shorter': min(e['first']['shingles'], e['second']['shingles']),
        'run': longest_run(a, b), 'c8': gram_containment(a, b, 8), 'c5': gram_containment(a, b, 5),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--eval', required=True, help='the text output of syndicate eval --judged fixtures/judged')
    parser.add_argument('--cache', required=True, help='a directory for the explain outputs')
    parser.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    parser.add_argument('--cli', default=f'dotnet {ROOT}/src/Syndicate.Cli/bin/Release/net10.0/Syndicate.Cli.dll')
    args = parser.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    pairs = judged_pairs()
    sizes, missed, wrong = read_eval(args.eval)
    with ThreadPoolExecutor(2) as pool:
        explained = dict(zip(pairs, pool.map(lambda k: explain(k, pairs[k], args.cache, args.data, args.cli.split()), pairs)))

    def weight(d):
        n_all, n = sizes[(d['corpus'], d['stratum'])]
        return n_all / n

    def linked(k, d):
        return (k not in missed) if d['label'] == 'same' else (k in wrong)

    open_pairs = [k for k, d in pairs.items()
                  if not linked(k, d) and explained[k]['relation'] == 'original' and (explained[k]['time']['hoursApart'] or 0) <= 36]
    x = np.array([[signals(explained[k])[s] for s in SIGNALS] for k in open_pairs])
    y = np.array([pairs[k]['label'] == 'same' for k in open_pairs])
    w = np.array([weight(pairs[k]) for k in open_pairs])
    print(f'{len(open_pairs)} unlinked pairs the verifier rejects within the gap: {int(y.sum())} SAME, {int((~y).sum())} not')

    def estimate(extra):
        result = {}
        for corpus in CORPORA:
            tp = same = link = 0.0
            for k, d in pairs.items():
                if d['corpus'] != corpus:
                    continue
                is_linked = linked(k, d) or extra.get(k, False)
                is_same = d['label'] == 'same'
                same += weight(d) * is_same
                link += weight(d) * is_linked
                tp += weight(d) * (is_same and is_linked)
            result[corpus] = (tp / same, tp / link)
        return result

    def show(name, accepted):
        r = estimate(dict(zip(open_pairs, accepted)))
        print(f'{name:34} ' + '  '.join(f'{c} R {r[c][0]:.3f} P {r[c][1]:.3f}' for c in CORPORA)
              + f'   SAME added {int((accepted & y).sum())}, not SAME {int((accepted & ~y).sum())}')

    show('the engine', np.zeros(len(y), dtype=bool))
    show('every SAME pair among them', y.copy())
    for name, model in (('logistic', lambda: LogisticRegression(max_iter=2000)),
                        ('boosted trees, depth 2', lambda: GradientBoostingClassifier(max_depth=2, n_estimators=100, random_state=0))):
        p = np.zeros(len(y))
        for seed in range(5):
            for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(x, y):
                m = model()
                m.fit(x[train], y[train], sample_weight=w[train])
                p[test] += m.predict_proba(x[test])[:, 1] / 5
        for threshold in (0.5, 0.7, 0.8, 0.9):
            show(f'{name}, p >= {threshold}', p >= threshold)


if __name__ == '__main__':
    main()
