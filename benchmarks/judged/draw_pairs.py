#!/usr/bin/env python3
"""Draws a stratified sample of real cross-source article pairs for human judgement.

Usage (from the repository root; the corpora are read from SYNDICATE_DATA, else from
the nearest shared/data beside the repository or a parent, as the CLI finds it):
    /usr/bin/python3 benchmarks/judged/draw_pairs.py \
        --clusters-dir /path/to/cluster-files [--packets-dir /path/to/packets]

--clusters-dir holds <corpusFile stem>.cluster.jsonl, the engine's clustering of each
corpus (one JSON line per article with at least "id" and "cluster"), taken from the
engine *before* it is tuned on the judged pairs, so that the sample measures the
engine rather than follows it.

For each corpus the script
1. builds the frame: every unordered cross-source pair (different "source") that the
   engine puts in one cluster, plus every cross-source pair published at most 7 days
   apart whose word-3-shingle containment is >= 0.10 or whose space-free character
   5-gram containment is >= 0.30 (containment = |A n B| / min(|A|, |B|));
2. gives each frame pair one stratum (first match wins, see assign_strata);
3. draws a simple random sample without replacement in each stratum;
4. writes fixtures/judged/<corpus>.frame.tsv.gz, <corpus>.strata.json and
   <corpus>.sample.jsonl (ids and numbers only, never article text).
With --packets-dir it also writes blinded labelling packets (article text, no
stratum, no engine decision, no similarity) and their keys outside the repository.

Text: title and body joined by a newline, normalized simply: Unicode NFC, Arabic
harakat, superscript alef and Quranic marks removed, tatweel removed, alef forms
(U+0622 U+0623 U+0625 U+0671) -> U+0627, alef maqsura -> yeh, teh marbuta -> heh,
every character that is not a letter, digit or mark becomes a space, lowercase.
Word 3-shingles are over the whitespace tokens of that text; character 5-grams are
over the same text with all whitespace removed. Shingles are hashed to 64 bits
(xxh64 of the tokens; a polynomial hash of the code points for 5-grams); both
measures are computed exactly on the full shingle sets.

Candidate generation (for speed, and part of the frame definition): an inverted index on
shingle hashes, ignoring shingles that occur in more than 50 documents (boilerplate,
share widgets, stock phrases) and, for character 5-grams, keeping only the 1/8 of
5-grams whose hash is 0 mod 8. A pair becomes a candidate when it shares at least 2
such word 3-shingles or at least 2 such sampled 5-grams. A pair whose whole overlap
is made of shingles found in more than 50 documents is therefore not in the frame.
"""

import argparse
import datetime
import gzip
import json
import os
import random
import sys
import time
import unicodedata

import numpy as np
import xxhash

SEED = 20151101
MAX_GAP_SECONDS = 7 * 24 * 3600
MAX_DOCUMENT_FREQUENCY = 50
CHAR_SAMPLE_MODULUS = 8
MIN_SHARED_CANDIDATE = 2
WORD3_CONTAINMENT_MIN = 0.10
CHAR5_CONTAINMENT_MIN = 0.30
LARGE_CLUSTER = 11

CORPORA = [
    # name, corpus file, sample size per stratum
    ("snn", "saudinewsnet.jsonl.gz",
     {"linked-small": 60, "linked-large": 60, "baseline": 100,
      "band-high": 30, "band-mid": 30, "band-low": 30}),
    ("ant", "ant-multisource.jsonl.gz",
     {"linked-small": 25, "linked-large": 15, "baseline": 40,
      "band-high": 10, "band-mid": 10, "band-low": 10}),
]

STRATUM_ORDER = ["linked-small", "linked-large", "baseline", "band-high", "band-mid", "band-low"]

PACKETS = 6
BODY_LIMIT = 3500

INSTRUCTIONS = """Label each pair SAME, RELATED or DIFFERENT, with a one-line reason (English).
SAME: one story from one source text: a reprint, an edited, trimmed or partial reprint, or a rewrite of the same wire copy or press release (same facts, same figures, same quotes, much shared wording or clearly paraphrased from one text). A story carried inside a roundup or compilation also counts as SAME.
RELATED: the same event or topic written independently (different wording and different selection of facts), or a follow-up / later development of the story.
DIFFERENT: different events. Instances of a template series (weather bulletins of different days, the 4th vs the 5th relief flight, condolence cables to different heads of state, different executions, different match reports) are DIFFERENT even when most wording is shared: look at numbers, names, places and dates.
Write one line per pair:  <pair number>\\t<SAME|RELATED|DIFFERENT>\\t<reason>"""

# ---------------------------------------------------------------- normalization

_FOLD = {0x0640: None, 0x0622: 0x0627, 0x0623: 0x0627, 0x0625: 0x0627, 0x0671: 0x0627,
         0x0649: 0x064A, 0x0629: 0x0647}
for _cp in list(range(0x064B, 0x0660)) + [0x0670] + list(range(0x06D6, 0x06EE)):
    _FOLD[_cp] = None


def _build_separator_table():
    # Every BMP character that is not a letter, digit or mark becomes a space.
    table = {}
    for cp in range(0x10000):
        cat = unicodedata.category(chr(cp))
        if cat[0] not in "LNM" and cp not in _FOLD:
            table[cp] = 0x20
    return table


_SEPARATORS = _build_separator_table()


def normalize(text):
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_FOLD).translate(_SEPARATORS)
    return text.lower()


def word3_shingles(normalized):
    tokens = normalized.split()
    if len(tokens) < 3:
        # Too short for a 3-shingle: the whole text is one shingle.
        tokens = tokens + [""] * (3 - len(tokens)) if tokens else []
    hashes = [xxhash.xxh64_intdigest(" ".join(tokens[i:i + 3]).encode("utf-8"))
              for i in range(len(tokens) - 2)]
    return np.unique(np.array(hashes, dtype=np.uint64))


_P = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime; any odd multiplier works


def char5_grams(normalized):
    compact = "".join(normalized.split())
    if len(compact) < 5:
        compact = compact + "\0" * (5 - len(compact)) if compact else ""
    if not compact:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(compact.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - 4
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(5):
            h = h * _P + codes[k:k + n] + np.uint64(1)
        # Mix the high bits down so that the mod-8 sample is not decided by the last letter.
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return np.unique(h)


# ---------------------------------------------------------------- corpus


def parse_time(value):
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def load_corpus(path):
    articles = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            articles.append(a)
    return articles


def load_clusters(path):
    clusters = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            clusters[r["id"]] = r["cluster"]
    return clusters


# ---------------------------------------------------------------- candidates


def candidate_counts(doc_sets, sources, times, sample_modulus):
    """Pairs (i < j, cross-source, <= 7 days apart) sharing >= MIN_SHARED_CANDIDATE indexed shingles."""
    hashes = []
    docs = []
    for i, s in enumerate(doc_sets):
        if sample_modulus > 1:
            s = s[s % np.uint64(sample_modulus) == 0]
        hashes.append(s)
        docs.append(np.full(len(s), i, dtype=np.int64))
    h = np.concatenate(hashes)
    d = np.concatenate(docs)
    order = np.lexsort((d, h))
    h = h[order]
    d = d[order]
    # Group ids and document frequencies.
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    sizes = np.diff(np.r_[starts, len(h)])
    keep_group = (sizes >= 2) & (sizes <= MAX_DOCUMENT_FREQUENCY)
    group_of = np.repeat(np.arange(len(starts)), sizes)
    keep = keep_group[group_of]
    g = group_of[keep]
    d = d[keep]
    n = len(doc_sets)
    found = []
    for k in range(1, MAX_DOCUMENT_FREQUENCY):
        if k >= len(g):
            break
        same = g[k:] == g[:-k]
        if not same.any():
            break
        a = d[:-k][same]
        b = d[k:][same]
        ok = (sources[a] != sources[b]) & (np.abs(times[a] - times[b]) <= MAX_GAP_SECONDS)
        a = a[ok]
        b = b[ok]
        lo = np.minimum(a, b)
        hi = np.maximum(a, b)
        found.append(lo * n + hi)
    if not found:
        return np.zeros(0, dtype=np.int64)
    keys, counts = np.unique(np.concatenate(found), return_counts=True)
    return keys[counts >= MIN_SHARED_CANDIDATE]


def intersection_size(x, y):
    if len(x) > len(y):
        x, y = y, x
    if len(x) == 0:
        return 0
    pos = np.searchsorted(y, x)
    pos[pos == len(y)] = 0
    return int(np.count_nonzero(y[pos] == x))


# ---------------------------------------------------------------- frame and strata


def build_frame(name, articles, clusters):
    t0 = time.time()
    n = len(articles)
    ids = [a["id"] for a in articles]
    source_names = sorted({a["source"] for a in articles})
    source_index = {s: i for i, s in enumerate(source_names)}
    sources = np.array([source_index[a["source"]] for a in articles], dtype=np.int64)
    times = np.array([parse_time(a["published"]) for a in articles], dtype=np.float64)
    cluster = np.array([clusters[i] for i in ids], dtype=np.int64)

    words = []
    chars = []
    for a in articles:
        text = normalize(a["title"] + "\n" + a["body"])
        words.append(word3_shingles(text))
        chars.append(char5_grams(text))
    t1 = time.time()
    print(f"[{name}] shingled {n} articles in {t1 - t0:.1f}s", file=sys.stderr)

    # Engine-linked cross-source pairs, whatever their time gap.
    members = {}
    for i, c in enumerate(cluster):
        members.setdefault(int(c), []).append(i)
    cluster_size = {c: len(m) for c, m in members.items()}
    linked = []
    for c, m in members.items():
        for x in range(len(m)):
            for y in range(x + 1, len(m)):
                i, j = m[x], m[y]
                if sources[i] != sources[j]:
                    linked.append(min(i, j) * n + max(i, j))
    linked = np.array(sorted(linked), dtype=np.int64)

    word_candidates = candidate_counts(words, sources, times, 1)
    char_candidates = candidate_counts(chars, sources, times, CHAR_SAMPLE_MODULUS)
    candidates = np.union1d(np.union1d(word_candidates, char_candidates), linked)
    t2 = time.time()
    print(f"[{name}] {len(linked)} linked, {len(word_candidates)} word and "
          f"{len(char_candidates)} char candidates, {len(candidates)} in all ({t2 - t1:.1f}s)",
          file=sys.stderr)

    linked_set = set(linked.tolist())
    frame = []
    for key in candidates.tolist():
        i, j = divmod(key, n)
        wi = intersection_size(words[i], words[j])
        w_min = min(len(words[i]), len(words[j]))
        w_union = len(words[i]) + len(words[j]) - wi
        c3 = wi / w_min if w_min else 0.0
        j3 = wi / w_union if w_union else 0.0
        ci = intersection_size(chars[i], chars[j])
        c_min = min(len(chars[i]), len(chars[j]))
        c5 = ci / c_min if c_min else 0.0
        is_linked = key in linked_set
        if not is_linked and c3 < WORD3_CONTAINMENT_MIN and c5 < CHAR5_CONTAINMENT_MIN:
            continue
        a, b = ids[i], ids[j]
        if b < a:
            a, b = b, a
        frame.append({"a": a, "b": b, "linked": is_linked,
                      "clusterSize": cluster_size[int(cluster[i])] if is_linked else 0,
                      "j3": j3, "c3": c3, "c5": c5})
    t3 = time.time()
    print(f"[{name}] frame {len(frame)} pairs ({t3 - t2:.1f}s)", file=sys.stderr)
    return frame


def assign_strata(frame):
    rest = []
    for p in frame:
        if p["linked"]:
            p["stratum"] = "linked-small" if p["clusterSize"] < LARGE_CLUSTER else "linked-large"
        elif p["j3"] >= 0.2 or p["c3"] >= 0.3 or p["c5"] >= 0.5:
            p["stratum"] = "baseline"
        else:
            rest.append(p)
    overlap = np.array(sorted(max(p["c3"], p["c5"]) for p in rest))
    # Tertiles of max(c3, c5) over the unlinked, below-baseline pairs, rounded to 0.01.
    low_cut = round(float(np.quantile(overlap, 1 / 3)), 2) if len(overlap) else 0.0
    high_cut = round(float(np.quantile(overlap, 2 / 3)), 2) if len(overlap) else 0.0
    for p in rest:
        m = max(p["c3"], p["c5"])
        p["stratum"] = "band-high" if m >= high_cut else "band-mid" if m >= low_cut else "band-low"
    return low_cut, high_cut


def definitions(low_cut, high_cut):
    frame_rule = ("cross-source pair (different source) in the frame: linked by the engine, or "
                  "published <= 7 days apart with word-3 containment >= 0.10 or char-5 containment "
                  ">= 0.30; candidates found through an inverted index that ignores shingles in more "
                  f"than {MAX_DOCUMENT_FREQUENCY} documents (char 5-grams sampled 1 in "
                  f"{CHAR_SAMPLE_MODULUS} by hash) and needs >= {MIN_SHARED_CANDIDATE} shared indexed "
                  "shingles")
    band = "not linked, not baseline, m = max(word-3 containment, char-5 containment)"
    return {
        "linked-small": "engine puts both in one cluster of <= 10 articles",
        "linked-large": "engine puts both in one cluster of >= 11 articles",
        "baseline": ("not linked; word-3 Jaccard >= 0.2 or word-3 containment >= 0.3 or "
                     "char-5 containment >= 0.5"),
        "band-high": f"{band} >= {high_cut:.2f} (upper tertile)",
        "band-mid": f"{band} in [{low_cut:.2f}, {high_cut:.2f}) (middle tertile)",
        "band-low": f"{band} < {low_cut:.2f} (lower tertile)",
        "_frame": frame_rule,
    }


def draw(frame, sizes, seed):
    rng = random.Random(seed)
    sample = []
    for stratum in STRATUM_ORDER:
        members = sorted((p for p in frame if p["stratum"] == stratum), key=lambda p: (p["a"], p["b"]))
        k = min(sizes[stratum], len(members))
        sample.extend(members[i] for i in sorted(rng.sample(range(len(members)), k)))
    return sample


# ---------------------------------------------------------------- packets


def shorten(body):
    """The body cut at BODY_LIMIT characters, one paragraph per line of the original.

    Lines are separated by a blank line so that a Markdown viewer keeps them apart,
    and a line opening with a Markdown marker is escaped so that it shows as text.
    """
    rest = len(body) - BODY_LIMIT
    if rest > 0:
        body = body[:BODY_LIMIT]
    paragraphs = []
    for line in body.split("\n"):
        line = line.strip()
        if line:
            if line[0] in "#>*-+|=`":
                line = "\\" + line
            paragraphs.append(line)
    if rest > 0:
        paragraphs.append(f"[… {rest} more characters]")
    return "\n\n".join(paragraphs)


def write_packets(packets_dir, sampled, articles_by_id, seed):
    os.makedirs(packets_dir, exist_ok=True)
    pairs = list(sampled)
    random.Random(seed + 1).shuffle(pairs)
    per = -(-len(pairs) // PACKETS)
    for k in range(PACKETS):
        chunk = pairs[k * per:(k + 1) * per]
        first = k * per + 1
        lines = [f"# Labelling packet {k + 1} of {PACKETS}: pairs {first} to {first + len(chunk) - 1}", "",
                 "```", INSTRUCTIONS, "```", ""]
        keys = []
        for offset, (corpus, p) in enumerate(chunk):
            number = first + offset
            lines.append(f"## Pair {number}")
            lines.append("")
            for side, article_id in (("A", p["a"]), ("B", p["b"])):
                a = articles_by_id[corpus][article_id]
                lines.append(f"### {number}{side}: {a['source']}, {a['published']}")
                lines.append("")
                lines.append(f"**{' '.join(a['title'].split())}**")
                lines.append("")
                lines.append(shorten(a["body"].strip()))
                lines.append("")
            lines.append("---")
            lines.append("")
            keys.append({"pair": number, "corpus": corpus, "a": p["a"], "b": p["b"], "stratum": p["stratum"]})
        with open(os.path.join(packets_dir, f"packet-{k + 1}.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        with open(os.path.join(packets_dir, f"packet-{k + 1}.keys.jsonl"), "w", encoding="utf-8") as f:
            for r in keys:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- main


def find_shared_data(start):
    directory = start
    while True:
        candidate = os.path.join(directory, "shared", "data")
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return os.path.join(start, "..", "shared", "data")
        directory = parent


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", default=os.environ.get("SYNDICATE_DATA") or find_shared_data(root),
                        help="directory of the corpora; default: SYNDICATE_DATA, else the nearest "
                             "shared/data in the repository root or a parent")
    parser.add_argument("--clusters-dir", required=True)
    parser.add_argument("--out-dir", default=os.path.join(root, "fixtures", "judged"))
    parser.add_argument("--packets-dir")
    args = parser.parse_args()

    start = time.time()
    os.makedirs(args.out_dir, exist_ok=True)
    all_sampled = []
    articles_by_id = {}
    for corpus_number, (name, corpus_file, sizes) in enumerate(CORPORA):
        articles = load_corpus(os.path.join(args.data_dir, corpus_file))
        stem = corpus_file[:-len(".jsonl.gz")]
        clusters = load_clusters(os.path.join(args.clusters_dir, stem + ".cluster.jsonl"))
        frame = build_frame(name, articles, clusters)
        low_cut, high_cut = assign_strata(frame)
        frame.sort(key=lambda p: (p["a"], p["b"]))
        seed = SEED + corpus_number
        sample = draw(frame, sizes, seed)

        with gzip.GzipFile(os.path.join(args.out_dir, f"{name}.frame.tsv.gz"), "wb", mtime=0) as f:
            for p in frame:
                f.write(f"{p['a']}\t{p['b']}\t{p['stratum']}\n".encode("utf-8"))
        defs = definitions(low_cut, high_cut)
        strata = {}
        for s in STRATUM_ORDER:
            strata[s] = {"definition": defs[s],
                         "pairs": sum(1 for p in frame if p["stratum"] == s),
                         "sampled": sum(1 for p in sample if p["stratum"] == s)}
        meta = {"corpus": name, "corpusFile": corpus_file, "frame": f"{name}.frame.tsv.gz",
                "frameDefinition": defs["_frame"], "seed": seed, "strata": strata}
        with open(os.path.join(args.out_dir, f"{name}.strata.json"), "w", encoding="utf-8") as f:
            json.dump(meta, f, indent=2, ensure_ascii=False)
            f.write("\n")
        with open(os.path.join(args.out_dir, f"{name}.sample.jsonl"), "w", encoding="utf-8") as f:
            for p in sample:
                f.write(json.dumps({"corpus": name, "a": p["a"], "b": p["b"], "stratum": p["stratum"]}) + "\n")
        for s in STRATUM_ORDER:
            print(f"[{name}] {s}: {strata[s]['pairs']} pairs, {strata[s]['sampled']} sampled", file=sys.stderr)
        all_sampled.extend((name, p) for p in sample)
        if args.packets_dir:
            articles_by_id[name] = {a["id"]: a for a in articles}

    if args.packets_dir:
        write_packets(args.packets_dir, all_sampled, articles_by_id, SEED)
    print(f"done in {time.time() - start:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
