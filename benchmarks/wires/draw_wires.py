#!/usr/bin/env python3
"""Draws the stratified sample of real articles whose wire is labelled by hand (fixtures/wires).

Each corpus is cut into two strata by its text alone, never by the engine's answer, so that the sample measures the
engine rather than follows it:

  names-an-agency  the title or body names a wire agency: one of the default gazetteer's names or aliases of at least
                   four characters, or واس, as whole words (or the article's source is the Saudi Press Agency's own
                   site, `was`);
  names-none       every other article.

n articles are drawn at random from each stratum (60 and 25) with a fixed seed. Writes strata.json (the definition, the
stratum sizes and the sample sizes) and <corpus>.sample.jsonl (corpus, id, stratum). With --packets-dir it also writes
blinded reading packets (article text in a shuffled order, four packets), which contain article text and are kept
outside the repository.

    python3 benchmarks/wires/draw_wires.py [--data ../shared/data] [--out fixtures/wires] [--packets-dir DIR]

A held-out sample is drawn the same way from the articles no earlier sample holds, with another seed:

    python3 benchmarks/wires/draw_wires.py --seed 20261207 --exclude fixtures/wires --out fixtures/wires/holdout
"""
import argparse
import gzip
import json
import os
import random
import re

CORPORA = [("snn", "saudinewsnet.jsonl.gz"), ("ant", "ant-multisource.jsonl.gz")]
STRATA = [("names-an-agency", 60), ("names-none", 25)]
SEED = 20261206
GAZETTEER = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Syndicate", "Attribution", "WireGazetteer.Defaults.cs")


def agency_pattern():
    src = open(GAZETTEER, encoding="utf-8").read()
    aliases = set()
    for m in re.finditer(r'new\("([^"]+)", \[(.*?)\]\)', src, re.S):
        aliases.add(m.group(1))
        aliases.update(re.findall(r'"([^"]+)"', m.group(2)))
    aliases = {a for a in aliases if len(a) >= 4 or a == "واس"}
    letters = "A-Za-z\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u0400-\u04FF"
    names = "|".join(sorted(map(re.escape, aliases), key=len, reverse=True))
    return re.compile(r"(?<![%s])(%s)(?![%s])" % (letters, names, letters))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join("..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join("fixtures", "wires"))
    ap.add_argument("--packets-dir")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--exclude", action="append", default=[], help="a directory of earlier samples whose articles are not drawn again")
    ap.add_argument("--only", help="draw from this stratum alone (its n articles)")
    args = ap.parse_args()
    pattern = agency_pattern()
    rnd = random.Random(args.seed)
    excluded = set()
    for directory in args.exclude:
        for corpus, _ in CORPORA:
            with open(os.path.join(directory, corpus + ".sample.jsonl"), encoding="utf-8") as f:
                excluded.update(json.loads(line)["id"] for line in f if line.strip())
    strata_json = {
        "seed": args.seed,
        "definition": "names-an-agency: the title or body names a wire agency (a default gazetteer name or alias of at least "
        "four characters, or واس, as whole words), or the source is `was`; names-none: every other article"
        + ("; articles of the samples in %s left out" % ", ".join(args.exclude) if args.exclude else ""),
        "corpora": {},
    }
    sample = []
    articles = {}
    for corpus, name in CORPORA:
        members = {s: [] for s, _ in STRATA}
        with gzip.open(os.path.join(args.data, name), "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                text = (d.get("title") or "") + "\n" + (d.get("body") or "")
                s = "names-an-agency" if pattern.search(text) or d["source"] == "was" else "names-none"
                if d["id"] not in excluded:
                    members[s].append(d["id"])
                articles[d["id"]] = d
        strata_json["corpora"][corpus] = {"file": name, "strata": {}}
        for s, n in STRATA:
            if args.only and s != args.only:
                continue
            ids = sorted(members[s])
            strata_json["corpora"][corpus]["strata"][s] = {"population": len(ids), "sampled": n}
            for i in rnd.sample(ids, n):
                sample.append((corpus, s, i))
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "strata.json"), "w", encoding="utf-8") as f:
        json.dump(strata_json, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for corpus, _ in CORPORA:
        with open(os.path.join(args.out, corpus + ".sample.jsonl"), "w", encoding="utf-8") as f:
            for c, s, i in sample:
                if c == corpus:
                    f.write(json.dumps({"corpus": c, "id": i, "stratum": s}, ensure_ascii=False) + "\n")
    if args.packets_dir:
        order = sample[:]
        rnd.shuffle(order)
        os.makedirs(args.packets_dir, exist_ok=True)
        for p in range(4):
            part = order[p::4]
            with open(os.path.join(args.packets_dir, "packet%d.md" % (p + 1)), "w", encoding="utf-8") as f:
                f.write("# Packet %d: %d articles\n\n" % (p + 1, len(part)))
                for _, _, i in part:
                    d = articles[i]
                    b = d["body"] or ""
                    if len(b) > 4200:
                        b = b[:3200] + "\n[… %d characters left out …]\n" % (len(b) - 4000) + b[-800:]
                    f.write("## %s\nsource: %s\ntitle: %s\n\n%s\n\n---\n\n" % (i, d["source"], d.get("title") or "", b))


if __name__ == "__main__":
    main()
