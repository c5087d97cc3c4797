"""VADER benchmark: textsift against vaderSentiment 3.3.2, in one run, on the same texts.

    python bench/bench_sentiment.py [--repeats 5] [--out bench/results/sentiment.md]

The Rust rows come from `crates/textsift-sentiment/examples/vader_throughput.rs`, which also times
the `vader-parity` crate. Inputs: the sample corpus's posts repeated to 100,000 texts, and single long documents made of
those posts (vaderSentiment is quadratic in a text's length, so it runs on the shorter ones only).
vaderSentiment runs on a slice of the posts, scaled to texts/s.
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
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "sentiment.md"))
    args = ap.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    posts = [row["text"] for row in ts.load_sample()]
    texts = (posts * (100_000 // len(posts) + 1))[:100_000]
    peer = SentimentIntensityAnalyzer()
    ours = ts.Vader()

    rust = run_rust_example("textsift-sentiment", "vader_throughput", texts, max(args.repeats, 5))
    sl = texts[:3_000]
    t_peer = best_time(lambda: [peer.polarity_scores(t) for t in sl], 3) * len(texts) / len(sl)
    t_one = best_time(lambda: [ours.polarity_scores(t) for t in texts], args.repeats)
    t_batch1 = best_time(lambda: ours.score_batch(texts, n_threads=1), args.repeats)
    t_batch = best_time(lambda: ours.score_batch(texts), args.repeats)
    n = len(texts)
    peer_rate = n / t_peer
    rows = [
        ("vaderSentiment `polarity_scores` (loop)", peer_rate),
        ("textsift `Vader.polarity_scores` (loop)", n / t_one),
        ("textsift `Vader.score_batch`, 1 thread", n / t_batch1),
        (f"textsift `Vader.score_batch`, {os.cpu_count()} cores", n / t_batch),
        ("textsift Rust `Vader::polarity_scores`, 1 core", float(rust["texts_per_s"])),
        ("vader-parity crate (Rust), 1 core", float(rust["vader_parity_texts_per_s"])),
    ]
    for name, rate in rows:
        print(f"{name}: {rate:,.0f} texts/s ({rate / peer_rate:.1f}x)", flush=True)
    rust_ratio = float(rust["texts_per_s"]) / float(rust["vader_parity_texts_per_s"])

    long_rows = []
    for size in (10_000, 40_000, 1_000_000):
        doc = " ".join(posts * (size // 80 + 1))[:size]
        t_ts = best_time(lambda d=doc: ours.polarity_scores(d), args.repeats)
        t_vs = best_time(lambda d=doc: peer.polarity_scores(d), 1) if size <= 40_000 else None
        long_rows.append((size, t_vs, t_ts))
        print(f"document of {size:,} characters: vaderSentiment {t_vs} s, textsift {t_ts:.4f} s", flush=True)

    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"best of {args.repeats}; the sample corpus's posts repeated to {n:,} texts; same scores from both.",
        "",
        "| VADER | texts/s | vs vaderSentiment |",
        "|---|---:|---:|",
        *[f"| {name} | {rate:,.0f} | {rate / peer_rate:.1f}x |" for name, rate in rows],
        "",
        f"In Rust, textsift scores {rust_ratio:.1f}x as many texts per second as the `vader-parity` crate.",
        "",
        "| one document | vaderSentiment | textsift |",
        "|---|---:|---:|",
        *[
            f"| {size:,} characters | {'—' if t_vs is None else f'{t_vs:.3f} s'} | {t_ts * 1000:.1f} ms |"
            for size, t_vs, t_ts in long_rows
        ],
    ]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
