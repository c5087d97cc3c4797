"""YAKE benchmark: textsift against yake 0.7.3 (Python) and yake-rust (Rust), same texts, one run.

    python bench/bench_keywords.py [--repeats 3] [--out bench/results/keywords.md]

Texts: the first 1,000 and 50,000 words of the Inspec abstracts (../shared) joined, or of the
sample corpus repeated when ../shared is absent; and the Inspec collection as a batch. All
extractors get the same stopwords (Stopwords ISO English) and return the top 10.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import textsift as ts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import ROOT, best_time  # noqa: E402

INSPEC = ROOT.parent / "shared" / "data" / "keywords" / "Inspec" / "docsutf8"


def documents() -> list[str]:
    if INSPEC.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(INSPEC.glob("*.txt"))]
    return [row["text"] for row in ts.load_sample()] * 10


def rust_yake(text: str, stopwords: list[str], repeats: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        tp, sp = Path(tmp) / "text.txt", Path(tmp) / "stop.txt"
        tp.write_text(text, encoding="utf-8")
        sp.write_text("\n".join(stopwords), encoding="utf-8")
        cmd = [
            "cargo",
            "run",
            "--quiet",
            "--release",
            "-p",
            "textsift-keywords",
            "--example",
            "yake_throughput",
            "--",
        ]
        out = subprocess.run(
            [*cmd, str(tp), str(sp), str(repeats)], cwd=ROOT, capture_output=True, text=True, check=True
        )
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "keywords.md"))
    args = ap.parse_args()
    import yake

    docs = documents()
    words = " ".join(docs).split()
    stop = sorted(ts.stopwords("en", "iso"))
    ref = yake.KeywordExtractor(stopwords=set(stop), top=10)
    ours = ts.Yake(stopwords=stop, top=10)
    rows = []
    for label, size in (("1,000-word text", 1_000), ("50,000-word text", 50_000)):
        text = " ".join(words[:size])
        t_ref = best_time(lambda t=text: ref.extract_keywords(t), 1 if size > 10_000 else args.repeats)
        # Ours takes milliseconds: more runs cost little and keep the noise of a shared machine out.
        t_ours = best_time(lambda t=text: ours.extract(t), max(args.repeats, 15))
        rust = rust_yake(text, stop, max(args.repeats, 15))
        rows.append((label, t_ref, t_ours, rust["seconds"], rust["yake_rust_seconds"]))
        print(rows[-1], flush=True)
    t_ref = best_time(lambda: [ref.extract_keywords(d) for d in docs], 1)
    t_one = best_time(lambda: ours.extract_batch(docs, n_threads=1), args.repeats)
    t_all = best_time(lambda: ours.extract_batch(docs), args.repeats)
    n = len(docs)

    def ms(s: float) -> str:
        return f"{s * 1000:.1f} ms" if s < 10 else f"{s:.1f} s"

    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python {platform.python_version()}; "
        "top 10, Stopwords ISO English for every extractor; same keyphrases and scores as yake.",
        "",
        "| YAKE, one text | yake 0.7.3 | textsift (Python) | textsift (Rust) | yake-rust | vs yake | vs yake-rust |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *[
            f"| {label} | {ms(a)} | {ms(b)} | {ms(c)} | {ms(d)} | {a / b:.0f}x | {d / c:.1f}x |"
            for label, a, b, c, d in rows
        ],
        "",
        f"| YAKE, {n:,} documents | docs/s | vs yake |",
        "|---|---:|---:|",
        f"| yake 0.7.3 | {n / t_ref:,.0f} | 1.0x |",
        f"| textsift `extract_batch`, 1 thread | {n / t_one:,.0f} | {t_ref / t_one:.0f}x |",
        f"| textsift `extract_batch`, {os.cpu_count()} cores | {n / t_all:,.0f} | {t_ref / t_all:.0f}x |",
    ]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
