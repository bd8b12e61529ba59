#!/usr/bin/env python3
"""Fits the rewrite score of Syndicate's pair verifier (PairVerifier.RewriteScore) on real labelled pairs.

Training pairs, labelled SAME (1) or not (0):
  * the judged SaudiNewsNet and ANT pairs in fixtures/judged (SAME vs RELATED/DIFFERENT), each weighted by its
    stratum's N_h / n_h, normalised to mean 1, so that the sample stands for its frame;
  * COUNTER's development half: every newspaper text with its agency text (wd and pd are SAME, nd is not), weight 1;
  * random cross-source pairs of the three corpora published near each other that share almost no word 3-shingles
    (containment < 0.1), weight 1: the model must also say no to unrelated copies of similar length.

Signals, computed exactly on a simple normalisation (the engine estimates them from sketches): cc, the share of the
shorter text's space-free character 5-grams found in the longer; lr, shorter over longer length in word tokens;
ln, log(1 + shorter length); num, the share of the smaller set of numbers also in the other text minus 1/2 (0 when
either has none). Weighted logistic regression (Newton's method, L2 0.01). Prints the weights and, with 5-fold
cross-validation, the weighted pairwise precision and recall over the judged frames and COUNTER's link rates.

Usage: python3 benchmarks/verifier/fit.py [--data ../shared/data] [--samples . holdout holdout2]
       (stdlib and numpy; about a minute)
"""
import argparse, gzip, json, math, os, random, re, unicodedata
from datetime import datetime

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIACRITICS = re.compile('[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]')
DIGITS = str.maketrans('٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789')
NUMBER = re.compile(r'\d+(?:[.,]\d+)?')


def tokens(text):
    t = DIACRITICS.sub('', unicodedata.normalize('NFKC', text).translate(DIGITS))
    t = re.sub('[أإآٱ]', 'ا', t).replace('ى', 'ي').replace('ة', 'ه')
    return re.sub(r'[^\w\s]', ' ', t.lower()).split()


def grams(toks, n=5):
    s = ''.join(toks)
    return {s[i:i + n] for i in range(max(1, len(s) - n + 1))}


def shingles(toks, k=3):
    return {tuple(toks[i:i + k]) for i in range(max(1, len(toks) - k + 1))}


def signals(a, b):
    ta, tb = tokens(a), tokens(b)
    ga, gb = grams(ta), grams(tb)
    na = set(NUMBER.findall(unicodedata.normalize('NFKC', a).translate(DIGITS)))
    nb = set(NUMBER.findall(unicodedata.normalize('NFKC', b).translate(DIGITS)))
    shorter, longer = min(len(ta), len(tb)), max(len(ta), len(tb))
    m = min(len(na), len(nb))
    return [len(ga & gb) / max(1, min(len(ga), len(gb))),
            shorter / max(1, longer),
            math.log(1 + shorter),
            (len(na & nb) / m - 0.5) if m else 0.0]


def read(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def time(s):
    try:
        return datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
    except (AttributeError, ValueError):
        return None


def fit(x, y, w, l2=1e-2, rounds=60):
    x = np.c_[np.ones(len(x)), x]
    beta = np.zeros(x.shape[1])
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-x @ beta))
        hessian = x.T @ (x * (w * p * (1 - p))[:, None]) + l2 * np.eye(len(beta))
        beta += np.linalg.solve(hessian, x.T @ (w * (y - p)) - l2 * beta)
    return beta


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    parser.add_argument('--samples', nargs='+', default=['.'],
                        help='judged samples under fixtures/judged to pool (. is the first; holdout, holdout2, ...)')
    parser.add_argument('--score', nargs=5, type=float, metavar=('BIAS', 'CC', 'LR', 'LN', 'NUM'),
                        help='also score these fixed weights (the engine\'s, say) on the same pairs, without fitting')
    args = parser.parse_args()
    data = args.data
    rows = []  # (signals, label, weight, kind)

    judged = {'snn': 'saudinewsnet.jsonl.gz', 'ant': 'ant-multisource.jsonl.gz'}
    weights = []
    for corpus, file in judged.items():
        # Samples of one frame pool into one stratified sample: a stratum's weight is its frame size over the pairs
        # sampled from it in all of them.
        pairs, sampled, frame = [], {}, {}
        for sample in args.samples:
            directory = os.path.join(ROOT, 'fixtures', 'judged', sample)
            pairs += read(os.path.join(directory, corpus + '.pairs.jsonl'))
            for name, h in json.load(open(os.path.join(directory, corpus + '.strata.json')))['strata'].items():
                sampled[name] = sampled.get(name, 0) + h['sampled']
                frame[name] = h['pairs']
        need = {p['a'] for p in pairs} | {p['b'] for p in pairs}
        docs = {d['id']: d for d in read(os.path.join(data, file)) if d['id'] in need}
        for p in pairs:
            weights.append(frame[p['stratum']] / sampled[p['stratum']])
            rows.append((signals(docs[p['a']]['body'], docs[p['b']]['body']), p['label'] == 'same', weights[-1], 'judged'))
    mean = sum(weights) / len(weights)
    rows = [(s, y, w / mean, k) for s, y, w, k in rows]

    counter = {d['id']: d for d in read(os.path.join(data, 'counter-urdu-dev', 'corpus.jsonl.gz'))}
    for g in read(os.path.join(data, 'counter-urdu-dev', 'gold.jsonl')):
        if g['kind'] != 'source':
            rows.append((signals(counter[g['link']]['body'], counter[g['id']]['body']), g['kind'] != 'nd', 1.0, g['kind']))

    rng = random.Random(11)
    for file, n in [('saudinewsnet.jsonl.gz', 700), ('ant-multisource.jsonl.gz', 500), ('counter-urdu-dev/corpus.jsonl.gz', 500)]:
        docs = sorted((d for d in read(os.path.join(data, file)) if len(d['body']) > 200), key=lambda d: d['published'] or '')
        for _ in range(n):
            i = rng.randrange(len(docs))
            j = min(len(docs) - 1, max(0, i + rng.randint(-300, 300)))
            a, b = docs[i], docs[j]
            if a['id'] == b['id'] or a['source'] == b['source']:
                continue
            sa, sb = shingles(tokens(a['body'])), shingles(tokens(b['body']))
            if len(sa & sb) / max(1, min(len(sa), len(sb))) > 0.1:
                continue
            rows.append((signals(a['body'], b['body']), False, 1.0, 'random'))

    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows], float)
    w = np.array([r[2] for r in rows])
    kind = np.array([r[3] for r in rows])
    beta = fit(x, y, w)
    names = ['bias', 'character containment', 'length ratio', 'log length', 'numbers agreement']
    print('weights:', ', '.join(f'{n} {b:.3f}' for n, b in zip(names, beta)))

    folds = np.random.default_rng(5).integers(0, 5, len(rows))
    p = np.zeros(len(rows))
    for f in range(5):
        b = fit(x[folds != f], y[folds != f], w[folds != f])
        p[folds == f] = 1 / (1 + np.exp(-(np.c_[np.ones((folds == f).sum()), x[folds == f]] @ b)))
    judged_rows = kind == 'judged'
    report(p, y, w, kind, judged_rows, 'score alone, cross-validated')
    if args.score:
        fixed = 1 / (1 + np.exp(-(np.c_[np.ones(len(rows)), x] @ np.array(args.score))))
        report(fixed, y, w, kind, judged_rows, 'score alone, fixed weights ' + ' '.join(str(v) for v in args.score))


def report(p, y, w, kind, judged_rows, what):
    for t in (0.5, 0.6, 0.7, 0.8):
        link = p >= t
        tp = np.sum(w * (link & (y == 1) & judged_rows))
        fp = np.sum(w * (link & (y == 0) & judged_rows))
        fn = np.sum(w * (~link & (y == 1) & judged_rows))
        rates = ' '.join(f'{k} {np.mean(link[kind == k]):.3f}' for k in ('wd', 'pd', 'nd'))
        print(f'threshold {t}: judged pairs P {tp / (tp + fp):.3f} R {tp / (tp + fn):.3f} ({what}); COUNTER {rates}')


if __name__ == '__main__':
    main()
