"""Stemming benchmark: textsift against PyStemmer and NLTK, in one run, on the same words.

    python bench/bench_stem.py [--repeats 5] [--out bench/results/stem.md]

Two word lists: *real text* (every word token of the sample corpus, lower-cased, repeated to about
1 million tokens, so words repeat as they do in real text) and *unique words* (Snowball's English
vocabulary from ../shared when present, else the corpus's distinct words). English, the current
Snowball algorithm for textsift and PyStemmer; NLTK's SnowballStemmer('english') on a 50,000-word
slice (it is too slow for the whole list; best of at most 3 runs), scaled to words/s.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import textsift as ts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import ROOT, best_time, run_rust_example  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "stem.md"))
    args = ap.parse_args()

    import Stemmer as PyStemmer
    from nltk.stem.snowball import SnowballStemmer

    tokens = [t.text.lower() for row in ts.load_sample() for t in ts.tokens(row["text"]) if t.kind == "word"]
    real = (tokens * (1_000_000 // len(tokens) + 1))[:1_000_000]
    voc = ROOT.parent / "shared" / "data" / "snowball" / "english" / "voc.txt"
    unique = voc.read_text(encoding="utf-8").split() if voc.exists() else sorted(set(tokens))

    ours = ts.Stemmer("english")
    peer = PyStemmer.Stemmer("english")
    nltk = SnowballStemmer("english")
    rows = []
    for name, words in (("real text (corpus tokens)", real), ("unique words", unique)):
        rust = run_rust_example("textsift-stem", "stem_throughput", words, max(args.repeats, 5))
        t_ours1 = best_time(lambda w=words: ours.stem_words(w, n_threads=1), args.repeats)
        t_ours = best_time(lambda w=words: ours.stem_words(w), args.repeats)
        t_peer = best_time(lambda w=words: peer.stemWords(w), args.repeats)
        sl = words[:50_000]
        t_nltk = (
            best_time(lambda sl=sl: [nltk.stem(w) for w in sl], min(args.repeats, 3)) * len(words) / len(sl)
        )
        n = len(words)
        rows.append((name, n, rust, n / t_ours1, n / t_ours, n / t_peer, n / t_nltk))
        print(name, rows[-1], flush=True)

    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"best of {args.repeats}; English, one process, the same words for every stemmer.",
        "",
        "| words | count | Rust, no cache | Rust, cache | Python 1 thread | Python all cores | PyStemmer stemWords "
        "| NLTK SnowballStemmer | vs PyStemmer (1 thread) | vs NLTK (1 thread) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, n, rust, o1, o, p, k in rows:
        lines.append(
            f"| {name} | {n:,} | {rust['words_per_s'] / 1e6:.1f} M/s | {rust['cached_words_per_s'] / 1e6:.1f} M/s "
            f"| {o1 / 1e6:.2f} M/s | {o / 1e6:.2f} M/s | {p / 1e6:.2f} M/s | {k / 1e6:.3f} M/s | {o1 / p:.1f}x | {o1 / k:.0f}x |"
        )
    text = "\n".join(lines) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
