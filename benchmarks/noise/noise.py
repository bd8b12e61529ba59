#!/usr/bin/env python3
"""Robustness to noise: each of N real articles gets one copy under another source with one kind of noise, and the
copy should join its original's story.

    benchmarks/noise/noise.py write ../shared/data/saudinewsnet.jsonl.gz /tmp/noise   # writes corpus.jsonl, gold.json
    syndicate cluster /tmp/noise/corpus.jsonl --format jsonl > /tmp/noise/out.jsonl
    benchmarks/noise/noise.py score /tmp/noise

Deterministic (seeded); standard library only. The kinds are what scraping and reprinting do to a text: markup,
entities and respacing, line breaks lost or doubled, diacritics, tatweel, zero-width joiners, presentation forms,
Persian letter forms, digits of another script, an outlet's header and footer, a byline and a timestamp over the
story, a photo credit, a related-story link (another article's headline) or an advertisement slot inside it, cuts, a
swapped or dropped paragraph, one word in ten replaced, copies whose UTF-8 was read as Windows-1256, Windows-1252 or
Latin-1 on the way (mojibake), and copies published hours or days later. `score` counts the copies that join their
original's story, and those among them that are exact duplicates of it (the noise cleaned away entirely).
"""
import datetime
import gzip
import json
import os
import random
import re
import sys
from collections import Counter

AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PRESENTATION = {"ا": "\ufe8d", "ل": "\ufedd", "م": "\ufee1", "ن": "\ufee5", "ه": "\ufee9"}


def paragraphs(text):
    return [p for p in text.split("\n") if p.strip()]


def misdecoded(page):
    """UTF-8 bytes read as a single-byte code page; Windows-1252's undefined bytes become Latin-1 controls, as the
    WHATWG decoder of browsers leaves them."""
    def change(t):
        out = []
        for b in t.encode("utf-8"):
            try:
                out.append(bytes([b]).decode(page))
            except UnicodeDecodeError:
                out.append(chr(b))
        return "".join(out)
    return change


def kinds(rng, headlines):
    def tashkeel(t):
        return "".join(c + ("\u064e" if rng.random() < 0.15 and "\u0621" <= c <= "\u064a" else "") for c in t)

    def tatweel(t):
        return re.sub(r"([\u0628-\u064a])(?=[\u0628-\u064a])", lambda m: m.group(1) + ("\u0640" if rng.random() < 0.08 else ""), t)

    def zero_width(t):
        return "".join(c + ("\u200c" if rng.random() < 0.05 else "") for c in t)

    def presentation(t):
        return "".join(PRESENTATION[c] if c in PRESENTATION and rng.random() < 0.5 else c for c in t)

    def spaces(t):
        return re.sub(r" ", lambda m: rng.choice([" ", "  ", "\u00a0", " \t"]), t)

    def word_swap(t):
        words = t.split(" ")
        fillers = ["كما", "ايضا", "قد", "التي", "الذي", "وقال", "من"]
        return " ".join(rng.choice(fillers) if rng.random() < 0.1 else w for w in words)

    def drop_middle(t):
        ps = paragraphs(t)
        if len(ps) > 3:
            del ps[len(ps) // 2]
        return "\n".join(ps)

    def swap(t):
        ps = paragraphs(t)
        if len(ps) > 3:
            ps[1], ps[2] = ps[2], ps[1]
        return "\n".join(ps)

    def inside(line):
        def change(t):
            ps = paragraphs(t)
            return "\n".join(ps[:1] + [line() if callable(line) else line] + ps[1:])
        return change

    def byline_timestamp(t):
        # Each article its own writer and time, as on a real site: a recurring line would be learned as the outlet's.
        name = rng.choice(["محمد", "أحمد", "سارة", "علي", "منى", "خالد"]) + " " + rng.choice(["العمري", "الحربي", "حسن", "إبراهيم", "السيد", "الزهراني"])
        stamp = f"{rng.randint(1, 28):02d} ديسمبر 2020 - {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        return f"كتب - {name}:\nآخر تحديث: {stamp}\n" + t

    def trim(t):
        ps = paragraphs(t)
        return "\n".join(ps[: max(1, int(len(ps) * 0.7))])

    same = lambda t: t  # noqa: E731
    # name: (text change, hours later)
    return {
        "html": (lambda t: "".join("<p>" + p.replace('"', "&quot;") + "</p>" for p in t.split("\n")), 0),
        "spaces": (spaces, 0),
        "one-line": (lambda t: " ".join(t.split("\n")), 0),
        "crlf": (lambda t: t.replace("\n", "\r\n"), 0),
        "diacritics": (tashkeel, 0),
        "tatweel": (tatweel, 0),
        "zero-width": (zero_width, 0),
        "presentation-forms": (presentation, 0),
        "persian-letters": (lambda t: t.replace("ي", "ی").replace("ك", "ک"), 0),
        "indic-digits": (lambda t: "".join(AR_DIGITS[int(c)] if "0" <= c <= "9" else c for c in t), 0),
        "mojibake-1256": (misdecoded("cp1256"), 0),
        "mojibake-1252": (misdecoded("cp1252"), 0),
        "mojibake-latin-1": (misdecoded("latin-1"), 0),
        "header": (lambda t: "الرياض - واس\n" + t, 0),
        "footer": (lambda t: t + "\nلمزيد من الأخبار تابعونا على تويتر وفيسبوك\nجميع الحقوق محفوظة ©", 0),
        "byline-timestamp": (byline_timestamp, 0),
        "photo-credit": (lambda t: "صورة أرشيفية (" + rng.choice(["رويترز", "أ ف ب", "الأناضول", "Getty"]) + ")\n" + t, 0),
        "related-link": (inside(lambda: "اقرأ أيضا: " + rng.choice(headlines)), 0),
        "advertisement": (inside("إعلان"), 0),
        "trim-30%": (trim, 1),
        "drop-middle": (drop_middle, 1),
        "swap-paragraphs": (swap, 2),
        "replace-10%-words": (word_swap, 3),
        "6-hours-later": (same, 6),
        "30-hours-later-cut": (drop_middle, 30),
        "50-hours-later": (same, 50),
        "50-hours-later-cut": (drop_middle, 50),
    }


def write(corpus, out, count=3000, seed=20261207):
    rng = random.Random(seed)
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    rng.shuffle(articles)
    articles = [a for a in articles if a.get("body") and len(a["body"]) > 400 and a.get("published")]
    headlines = [a["title"] for a in articles[count:count + 500] if a.get("title")] or ["عنوان خبر آخر"]
    articles = articles[:count]
    table = kinds(rng, headlines)
    names = list(table)
    os.makedirs(out, exist_ok=True)
    gold = {}
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
        for i, a in enumerate(articles):
            name = names[i % len(names)]
            change, hours = table[name]
            published = datetime.datetime.fromisoformat(a["published"].replace("Z", "+00:00")) + datetime.timedelta(hours=hours)
            copy = dict(a, id=a["id"] + "~" + name, source="noisy-outlet", body=change(a["body"]), published=published.isoformat())
            gold[copy["id"]] = [a["id"], name]
            f.write(json.dumps(copy, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f)


def score(out):
    gold = json.load(open(os.path.join(out, "gold.json"), encoding="utf-8"))
    cluster, relation = {}, {}
    for line in open(os.path.join(out, "out.jsonl"), encoding="utf-8"):
        row = json.loads(line)
        cluster[row["id"]] = row["cluster"]
        relation[row["id"]] = row.get("relation")
    total, missed, duplicates, examples = Counter(), Counter(), Counter(), {}
    for copy, (original, name) in gold.items():
        total[name] += 1
        if cluster.get(copy) is None or cluster.get(copy) != cluster.get(original):
            missed[name] += 1
            examples.setdefault(name, []).append(copy)
        elif relation.get(copy) == "duplicate":
            duplicates[name] += 1
    print("| noise | copies | joined their original | of them duplicates | missed, e.g. |")
    print("|---|---:|---:|---:|---|")
    for name in total:
        print(f"| {name} | {total[name]} | {total[name] - missed[name]} | {duplicates[name]} | {', '.join('`' + e + '`' for e in examples.get(name, [])[:2])} |")
    print(f"| all | {sum(total.values())} | {sum(total.values()) - sum(missed.values())} | {sum(duplicates.values())} | |")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "score":
        score(sys.argv[2])
    else:
        sys.exit(__doc__)
