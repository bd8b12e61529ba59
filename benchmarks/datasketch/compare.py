#!/usr/bin/env python3
"""Whole-run comparison of `syndicate cluster` with datasketch on the same file, one core each.

Both sides read the same JSON Lines file (gzip or not) and write one line per article with its cluster:
  * syndicate: the native executable (`dotnet publish src/Syndicate.Cli -c Release -r linux-x64`), run as
    `syndicate cluster FILE --format jsonl --out OUT`;
  * datasketch: MinHash.bulk over each body's word 3-shingles (128 permutations), MinHashLSH at threshold 0.5,
    one query per article and union-find over the answers, the usual datasketch deduplication recipe.
Each is run under `taskset -c 0` (one core), alternately, and the median wall time of the repetitions is reported
with the ratio. Datasketch runs from a source checkout named by the environment variable DATASKETCH_SRC (it needs
Debian's python3-numpy and python3-scipy); without it the comparison is skipped with a message.

Usage: DATASKETCH_SRC=/path/to/datasketch /usr/bin/python3 benchmarks/datasketch/compare.py \
           [--input ../shared/data/saudinewsnet.jsonl.gz] [--syndicate PATH] [--repeat 3] [--out results.md]
"""
import argparse, os, platform, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_BINARY = os.path.join(ROOT, 'src', 'Syndicate.Cli', 'bin', 'Release', 'net10.0', 'linux-x64', 'publish', 'syndicate')

# The datasketch side, run in a child process so that its start-up (interpreter, numpy, scipy) is timed as
# syndicate's is.
DATASKETCH_RUN = r'''
import gzip, json, sys
sys.path.insert(0, sys.argv[1])
from datasketch import MinHash, MinHashLSH

path, out = sys.argv[2], sys.argv[3]
opener = gzip.open if path.endswith('.gz') else open
ids, shingle_sets = [], []
with opener(path, 'rt', encoding='utf-8') as f:
    for line in f:
        if not line.strip():
            continue
        record = json.loads(line)
        words = (record.get('body') or '').split()
        ids.append(record['id'])
        shingle_sets.append([' '.join(words[i:i + 3]).encode('utf-8') for i in range(max(1, len(words) - 2))])

sketches = MinHash.bulk(shingle_sets, num_perm=128)
lsh = MinHashLSH(threshold=0.5, num_perm=128)
parent = list(range(len(ids)))

def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x

for i, m in enumerate(sketches):
    for j in lsh.query(m):
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    lsh.insert(i, m)

with open(out, 'w', encoding='utf-8') as f:
    for i, article in enumerate(ids):
        f.write(json.dumps({'id': article, 'cluster': find(i)}) + '\n')
'''


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def clusters(path):
    import json
    with open(path, encoding='utf-8') as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return len(rows), len({r['cluster'] for r in rows})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--input', default=os.path.join(ROOT, '..', 'shared', 'data', 'saudinewsnet.jsonl.gz'))
    parser.add_argument('--syndicate', default=DEFAULT_BINARY, help='the published syndicate executable')
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--out', help='also write the Markdown table here')
    args = parser.parse_args()

    source = os.environ.get('DATASKETCH_SRC')
    if not source or not os.path.isfile(os.path.join(source, 'datasketch', '__init__.py')):
        print('skipped: set DATASKETCH_SRC to a datasketch source checkout to run the comparison')
        return 0
    for path, what in ((args.input, 'input'), (args.syndicate, 'syndicate executable')):
        if not os.path.isfile(path):
            print(f'compare.py: {what} not found: {path}', file=sys.stderr)
            if what == 'syndicate executable':
                print('publish it with: dotnet publish src/Syndicate.Cli -c Release -r linux-x64', file=sys.stderr)
            return 2
    pin = ['taskset', '-c', '0'] if shutil.which('taskset') else []

    with tempfile.TemporaryDirectory() as work:
        script = os.path.join(work, 'datasketch_run.py')
        with open(script, 'w', encoding='utf-8') as f:
            f.write(DATASKETCH_RUN)
        ours_out, theirs_out = os.path.join(work, 'syndicate.jsonl'), os.path.join(work, 'datasketch.jsonl')
        ours_cmd = pin + [args.syndicate, 'cluster', args.input, '--format', 'jsonl', '--out', ours_out, '--verbosity', 'quiet']
        theirs_cmd = pin + [sys.executable, script, source, args.input, theirs_out]
        ours, theirs = [], []
        for run in range(args.repeat):
            ours.append(timed(ours_cmd))
            theirs.append(timed(theirs_cmd))
            print(f'run {run + 1}: syndicate {ours[-1]:.2f} s, datasketch {theirs[-1]:.2f} s', file=sys.stderr)
        (ours_n, ours_c), (theirs_n, theirs_c) = clusters(ours_out), clusters(theirs_out)

    o, t = statistics.median(ours), statistics.median(theirs)
    lines = [
        f'Input: {os.path.basename(args.input)}, {ours_n:,} articles (datasketch read {theirs_n:,}); one core (`taskset -c 0`), '
        f'median of {args.repeat} alternating runs; {platform.machine()}, {os.cpu_count()} logical cores, Python {platform.python_version()}.',
        '',
        '| tool | wall s | clusters |',
        '|---|---:|---:|',
        f'| syndicate cluster (native) | {o:.2f} | {ours_c:,} |',
        f'| datasketch MinHash.bulk + MinHashLSH (128, 0.5) | {t:.2f} | {theirs_c:,} |',
        '',
        f'syndicate is **{t / o:.1f}×** faster on the whole run.',
    ]
    print('\n'.join(lines))
    if args.out:
        with open(args.out, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
