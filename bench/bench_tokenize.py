"""Tokenizer benchmark: textsift against NLTK, spaCy and HF tokenizers, in one run, same corpus.

    python bench/bench_tokenize.py [--mb 4] [--repeats 3] [--out bench/results/tokenize.md]

The corpus is the bundled sample corpus plus generated social-media text (see
python/tests/textgen.py), one document per line, about ``--mb`` MB of UTF-8. Every tokenizer gets
the same documents; times are the best of ``--repeats`` runs. Throughput is MB/s of input; ratios
are against each peer measured in this same run (the machines are shared and noisy, so only ratios
from one run are comparable). Rust numbers come from the `throughput` example of
textsift-tokenize, built in release mode.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python" / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from timing import best_time, run_rust_example  # noqa: E402

import textsift as ts  # noqa: E402
from textgen import random_text  # noqa: E402


def build_corpus(mb: float, generated_share: float) -> list[str]:
    """Posts from the sample corpus, and a share of generated edge-case text (URLs, entities,
    phone numbers, rare Unicode…), one document a line."""
    rng = random.Random(2026)
    sample = [row["text"].replace("\n", " ") for row in ts.load_sample()]
    docs: list[str] = []
    size = 0
    while size < mb * 1e6:
        use_generated = rng.random() < generated_share
        doc = random_text(rng).replace("\n", " ").replace("\r", " ") if use_generated else rng.choice(sample)
        doc = doc.replace("\x1c", " ").replace("\x85", " ").replace("\u2028", " ").replace("\u2029", " ")
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def rust_throughput(docs: list[str], repeats: int) -> dict[str, float]:
    out = run_rust_example("textsift-tokenize", "throughput", docs, max(repeats, 3))
    return {mode: v["mb_per_s"] for mode, v in out.items()}


def run(corpus_name: str, docs: list[str], repeats: int, with_rust: bool) -> tuple[str, dict[str, float]]:
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    results: dict[str, float] = {}
    print(f"\n## {corpus_name}: {len(docs):,} documents, {mb:.1f} MB", flush=True)
    # Rust first, in a fresh process, before this process has started any worker threads.
    rust = rust_throughput(docs, max(repeats, 10)) if with_rust else {}

    def measure(name: str, fn: Callable[[], object]) -> None:
        seconds = best_time(fn, repeats)
        results[name] = mb / seconds
        print(f"{name:<48} {results[name]:9.2f} MB/s", flush=True)

    for mode in ("social", "tweet", "treebank", "nltk"):
        tok = ts.Tokenizer(mode)
        tok.tokenize(docs[0])
        measure(f"textsift {mode} (Python, 1 thread)", lambda tok=tok: tok.tokenize_batch(docs, n_threads=1))
        measure(f"textsift {mode} (Python, all cores)", lambda tok=tok: tok.tokenize_batch(docs))
    social = ts.Tokenizer("social")
    measure("textsift social (Python, one call per text)", lambda: [social.tokenize(d) for d in docs])
    measure("textsift social count_batch (Python, 1 thread)", lambda: social.count_batch(docs, n_threads=1))
    measure("textsift social count_batch (Python, all cores)", lambda: social.count_batch(docs))

    from nltk.tokenize import NLTKWordTokenizer, TreebankWordTokenizer, TweetTokenizer

    tweet, treebank, nltk_word = TweetTokenizer(), TreebankWordTokenizer(), NLTKWordTokenizer()
    measure("NLTK TweetTokenizer", lambda: [tweet.tokenize(d) for d in docs])
    measure("NLTK TreebankWordTokenizer", lambda: [treebank.tokenize(d) for d in docs])
    measure("NLTK NLTKWordTokenizer", lambda: [nltk_word.tokenize(d) for d in docs])
    try:
        import spacy

        nlp = spacy.blank("en")
        measure("spaCy blank('en') tokenizer", lambda: [[t.text for t in nlp.tokenizer(d)] for d in docs])
    except ImportError:
        print("spaCy not installed: skipped")
    try:
        from tokenizers.pre_tokenizers import Whitespace

        ws = Whitespace()
        measure("HF tokenizers Whitespace pre-tokenizer", lambda: [ws.pre_tokenize_str(d) for d in docs])
    except ImportError:
        print("tokenizers not installed: skipped")
    measure("Python str.split (reference)", lambda: [d.split() for d in docs])

    for mode, v in rust.items():
        results[f"textsift {mode} (Rust, 1 core)"] = v
        print(f"{'textsift ' + mode + ' (Rust, 1 core)':<48} {v:9.2f} MB/s")

    def ratio(a: str, b: str) -> str:
        return f"{results[a] / results[b]:.1f}x" if a in results and b in results else "n/a"

    rows = [
        (
            "social (Python, 1 thread) vs NLTK TweetTokenizer",
            "textsift social (Python, 1 thread)",
            "NLTK TweetTokenizer",
        ),
        (
            "social (Python, 1 thread) vs spaCy",
            "textsift social (Python, 1 thread)",
            "spaCy blank('en') tokenizer",
        ),
        (
            "social (Python, 1 thread) vs HF Whitespace",
            "textsift social (Python, 1 thread)",
            "HF tokenizers Whitespace pre-tokenizer",
        ),
        (
            "tweet (Python, 1 thread) vs NLTK TweetTokenizer",
            "textsift tweet (Python, 1 thread)",
            "NLTK TweetTokenizer",
        ),
        (
            "treebank (Python, 1 thread) vs NLTK Treebank",
            "textsift treebank (Python, 1 thread)",
            "NLTK TreebankWordTokenizer",
        ),
        (
            "nltk (Python, 1 thread) vs NLTKWordTokenizer",
            "textsift nltk (Python, 1 thread)",
            "NLTK NLTKWordTokenizer",
        ),
        (
            "social lists: all cores vs 1 thread",
            "textsift social (Python, all cores)",
            "textsift social (Python, 1 thread)",
        ),
        (
            "social counts: all cores vs 1 thread",
            "textsift social count_batch (Python, all cores)",
            "textsift social count_batch (Python, 1 thread)",
        ),
        (
            "tweet: all cores vs 1 thread",
            "textsift tweet (Python, all cores)",
            "textsift tweet (Python, 1 thread)",
        ),
        (
            "treebank: all cores vs 1 thread",
            "textsift treebank (Python, all cores)",
            "textsift treebank (Python, 1 thread)",
        ),
    ]
    lines = [
        f"### {corpus_name}: {len(docs):,} documents, {mb:.1f} MB",
        "",
        "| tokenizer | MB/s |",
        "|---|---:|",
        *[f"| {name} | {v:.2f} |" for name, v in results.items()],
        "",
        "| comparison | ratio |",
        "|---|---:|",
        *[f"| {label} | {ratio(a, b)} |" for label, a, b in rows],
        "",
    ]
    return "\n".join(lines), results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "tokenize.md"))
    ap.add_argument("--no-rust", action="store_true")
    ap.add_argument("--readme", action="store_true", help="also replace the table in README.md")
    args = ap.parse_args()
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"best of {args.repeats} runs; every row of a table ran in the same process on the same documents.\n"
    )
    tables = [header]
    for name, share in (
        ("Social posts (the sample corpus)", 0.0),
        ("Mixed: half posts, half generated edge cases", 0.5),
    ):
        table, _ = run(name, build_corpus(args.mb, share), args.repeats, not args.no_rust)
        tables.append(table)
    text = "\n".join(tables)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    if args.readme:
        readme = ROOT / "README.md"
        start, end = "<!-- bench:start -->", "<!-- bench:end -->"
        body = readme.read_text(encoding="utf-8")
        head, rest = body.split(start, 1)
        tail = rest.split(end, 1)[1]
        readme.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")
    print()
    print(text)


if __name__ == "__main__":
    main()
