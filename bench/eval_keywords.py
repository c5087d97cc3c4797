"""F1@10 on Inspec for every keyword extractor and its reference package, in one run.

    python bench/eval_keywords.py [--out bench/results/keywords_f1.md]

Protocol (../shared/data/keywords/README.md): the top 10 extracted keyphrases against the gold
ones, both lower-cased and Porter-stemmed word by word, exact match; precision, recall and F1 per
document, averaged over the documents. Extractors that are not installed are left out.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

import textsift as ts

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "keywords" / "Inspec"


def normalise(phrase: str) -> str:
    return " ".join(ts.porter_stem(w) for w in re.findall(r"\w+", phrase.lower()))


def f1_at_10(
    extract: Callable[[str], list[str]], docs: list[tuple[str, set[str]]]
) -> tuple[float, float, float]:
    p_sum = r_sum = f_sum = 0.0
    for text, gold in docs:
        found = []
        for phrase in extract(text)[:10]:
            n = normalise(phrase)
            if n and n not in found:
                found.append(n)
        hits = len(set(found) & gold)
        p = hits / len(found) if found else 0.0
        r = hits / len(gold) if gold else 0.0
        p_sum += p
        r_sum += r
        f_sum += 2 * p * r / (p + r) if p + r else 0.0
    n = len(docs)
    return p_sum / n, r_sum / n, f_sum / n


def load() -> list[tuple[str, set[str]]]:
    docs = []
    for path in sorted((DATA / "docsutf8").glob("*.txt")):
        key = DATA / "keys" / (path.stem + ".key")
        if not key.exists():
            continue
        gold = {
            normalise(line.strip()) for line in key.read_text(encoding="utf-8").splitlines() if line.strip()
        }
        docs.append((path.read_text(encoding="utf-8"), gold - {""}))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "keywords_f1.md"))
    args = ap.parse_args()
    docs = load()
    if not docs:
        print(f"no Inspec data under {DATA}: nothing to evaluate")
        return
    stop = sorted(ts.stopwords("en", "iso"))
    extractors: list[tuple[str, Callable[[str], list[str]]]] = []
    yake_ts = ts.Yake(stopwords=stop, top=10)
    extractors.append(("textsift Yake", lambda t: [k for k, _ in yake_ts.extract(t)]))
    try:
        import yake

        ref = yake.KeywordExtractor(stopwords=set(stop), top=10)
        extractors.append(("yake 0.7.3", lambda t: [k for k, _ in ref.extract_keywords(t)]))
    except ImportError:
        pass
    for name in ("Rake", "TextRank"):
        cls = getattr(ts, name, None)
        if cls is not None:
            obj = cls()
            extractors.append((f"textsift {name}", lambda t, o=obj: [k for k, _ in o.extract(t, top=10)]))
    rows = []
    for name, fn in extractors:
        t0 = time.perf_counter()
        p, r, f = f1_at_10(fn, docs)
        rows.append((name, p, r, f, time.perf_counter() - t0))
        print(rows[-1], flush=True)
    lines = [
        f"F1@10 on Inspec ({len(docs):,} documents), measured {time.strftime('%Y-%m-%d')} with "
        "`bench/eval_keywords.py`; Stopwords ISO English where an extractor takes stopwords.",
        "",
        "| extractor | P@10 | R@10 | F1@10 | seconds |",
        "|---|---:|---:|---:|---:|",
        *[f"| {n} | {p:.3f} | {r:.3f} | {f:.3f} | {s:.1f} |" for n, p, r, f, s in rows],
    ]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
