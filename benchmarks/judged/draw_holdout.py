#!/usr/bin/env python3
"""Draws a held-out stratified sample of judged-pair candidates, apart from the first sample.

Usage (from the repository root; the corpora are read as draw_pairs.py reads them):
    /usr/bin/python3 benchmarks/judged/draw_holdout.py [--name holdout] [--seed 20261206] [--packets-dir DIR]

The first sample (fixtures/judged/<corpus>.sample.jsonl) is what the engine's defaults were
tuned on. This script draws another one from the same frame (fixtures/judged/<corpus>.frame.tsv.gz,
the same strata), leaving out every pair of the first and of every earlier held-out sample
(fixtures/judged/*/<corpus>.sample.jsonl), with a seed of its own, and writes
fixtures/judged/<name>/<corpus>.strata.json and <corpus>.sample.jsonl (ids only). Its labels
measure the engine on pairs nobody tuned it on. A held-out sample stays one until a default is
chosen with its pairs in view; a later one is then drawn (`holdout` at seed 20261206, then
`holdout2` at seed 20261207, `holdout3` at seed 20261208).

Each stratum is sampled uniformly without replacement from the frame pairs not in the first
sample. The strata file keeps the whole frame's sizes N_h, so that `syndicate eval` checks the
pairs against the frame; a stratum's weight is N_h / n_h as for the first sample (the pairs left
out are at most 6% of a stratum, so the held-out sample estimates the same frame).

With --packets-dir it also writes blinded labelling packets as draw_pairs.py does.
"""

import argparse
import gzip
import json
import os
import random
import sys

import draw_pairs

SEED = 20261206
PACKETS = 3
CORPORA = [
    ("snn", "saudinewsnet.jsonl.gz",
     {"linked-small": 20, "linked-large": 30, "baseline": 50, "band-high": 20, "band-mid": 10, "band-low": 10}),
    ("ant", "ant-multisource.jsonl.gz",
     {"linked-small": 15, "linked-large": 0, "baseline": 25, "band-high": 10, "band-mid": 5, "band-low": 5}),
]


def read_frame(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [dict(zip(("a", "b", "stratum"), line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", default=os.environ.get("SYNDICATE_DATA") or draw_pairs.find_shared_data(root))
    parser.add_argument("--judged-dir", default=os.path.join(root, "fixtures", "judged"))
    parser.add_argument("--name", default="holdout")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--packets-dir")
    args = parser.parse_args()

    out_dir = os.path.join(args.judged_dir, args.name)
    os.makedirs(out_dir, exist_ok=True)
    all_sampled = []
    articles_by_id = {}
    for corpus_number, (name, corpus_file, sizes) in enumerate(CORPORA):
        frame = read_frame(os.path.join(args.judged_dir, f"{name}.frame.tsv.gz"))
        earlier = [os.path.join(args.judged_dir, f"{name}.sample.jsonl")] + sorted(
            os.path.join(args.judged_dir, d, f"{name}.sample.jsonl") for d in os.listdir(args.judged_dir)
            if d != args.name and os.path.isfile(os.path.join(args.judged_dir, d, f"{name}.sample.jsonl")))
        first = set()
        for path in earlier:
            with open(path, encoding="utf-8") as f:
                first |= {(r["a"], r["b"]) for r in map(json.loads, f)}
        with open(os.path.join(args.judged_dir, f"{name}.strata.json"), encoding="utf-8") as f:
            meta = json.load(f)
        rng = random.Random(args.seed + corpus_number)
        sample = []
        for stratum in draw_pairs.STRATUM_ORDER:
            pool = [p for p in frame if p["stratum"] == stratum and (p["a"], p["b"]) not in first]
            sample.extend(rng.sample(pool, min(sizes[stratum], len(pool))))

        strata = {s: {"definition": d["definition"], "pairs": d["pairs"],
                      "sampled": sum(1 for p in sample if p["stratum"] == s)}
                  for s, d in meta["strata"].items()}
        held = {"corpus": name, "corpusFile": corpus_file, "frame": f"../{name}.frame.tsv.gz",
                "frameDefinition": meta["frameDefinition"], "seed": args.seed + corpus_number,
                "heldOutFrom": [os.path.relpath(p, out_dir) for p in earlier], "strata": strata}
        with open(os.path.join(out_dir, f"{name}.strata.json"), "w", encoding="utf-8") as f:
            json.dump(held, f, indent=2, ensure_ascii=False)
            f.write("\n")
        with open(os.path.join(out_dir, f"{name}.sample.jsonl"), "w", encoding="utf-8") as f:
            for p in sample:
                f.write(json.dumps({"corpus": name, "a": p["a"], "b": p["b"], "stratum": p["stratum"]}) + "\n")
        for s in draw_pairs.STRATUM_ORDER:
            print(f"[{name}] {s}: {strata[s]['pairs']} frame pairs, {strata[s]['sampled']} held out", file=sys.stderr)
        all_sampled.extend((name, p) for p in sample)
        if args.packets_dir:
            articles_by_id[name] = {a["id"]: a for a in draw_pairs.load_corpus(os.path.join(args.data_dir, corpus_file))}

    if args.packets_dir:
        draw_pairs.PACKETS = PACKETS
        draw_pairs.write_packets(args.packets_dir, all_sampled, articles_by_id, args.seed)


if __name__ == "__main__":
    main()
