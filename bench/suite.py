"""The benchmark suite: every textsift capability against its peers, in one process, on the same
inputs; prints as it goes and writes one markdown table per capability plus the targets table.

    python bench/suite.py [--quick] [--no-rust] [--only tokenize,stem,...] [--readme]
        [--out bench/results/suite.md]

Peers: NLTK (tokenizers, Punkt, SnowballStemmer), spaCy's tokenizer, HF tokenizers'
pre-tokenizer, PyStemmer, vaderSentiment 3.3.2 and the ``vader-parity`` crate, yake 0.7.3 and
``yake-rust``, rake-nltk, summa and scikit-learn's ``TfidfVectorizer``; a peer that is not
installed is skipped with a note. Rust rows come from the release-built examples
(``crates/*/examples/*_throughput.rs``), which also time the Rust peers. ``--quick`` runs on a
few MB in about two minutes; the default run (100 MB of social text, 1 MB and 50 MB documents)
takes 15 to 20 minutes on two cores. ``--readme`` replaces the table between the bench markers
of README.md. The CLI's 1 GB streaming memory comes from ``bench/results/cli_memory.md``
(``bench/bench_cli_memory.py``), which is not re-run here.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

# One BLAS thread, set before numpy is imported. After a matrix operation (scikit-learn, spaCy
# and numpy itself make some) OpenBLAS leaves its worker threads spinning for a while, and on two
# cores the spinning thread takes the core that the next two-thread run needs: Stemmer.stem_words
# on 2 threads right after a 300x300 matrix product ran no faster than on 1 (0.95x; 1.39x with
# one BLAS thread). No contender's timed call is a threaded BLAS operation.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import keywords, report, sentiment, stem, tfidf, tokenize  # noqa: E402
from harness import ROOT, Harness, Inputs, build_inputs, capability_table, header, targets_table  # noqa: E402

CASES = {
    "tokenize": tokenize.run,
    "stem": stem.run,
    "sentiment": sentiment.run,
    "keywords": keywords.run,
    "tfidf": tfidf.run,
    "report": report.run,
}
# Input sizes: social text (MB), the two long documents (MB), Zipf tokens, posts batch, abstracts.
SIZES = {
    "full": (100.0, 1.0, 50.0, 2_000_000, 100_000, None),
    "quick": (2.0, 0.2, 2.0, 200_000, 10_000, 400),
}
CLI_MEMORY = ROOT / "bench" / "results" / "cli_memory.md"


def cli_memory_target(h: Harness) -> None:
    """The streaming-memory target, read from bench_cli_memory.py's result file (a 1 GB run takes
    20 minutes, so the suite does not repeat it)."""
    if not CLI_MEMORY.exists():
        h.target(
            8,
            "CLI peak memory on a 1 GB file (streaming) < 500 MB",
            "not measured",
            None,
            "bench/results/cli_memory.md",
        )
        return
    peaks = [
        (int(m.group(2).replace(",", "")), m.group(1))
        for m in re.finditer(r"^\| `([^`]+)` \| ([\d,]+) MB \|", CLI_MEMORY.read_text(encoding="utf-8"), re.M)
        if "--sample" not in m.group(1)
    ]
    if peaks:
        peak, command = max(peaks)
        h.target(
            8,
            "CLI peak memory on a 1 GB file (streaming) < 500 MB",
            f"{peak} MB (`{command}`)",
            peak < 500,
            "read from bench/results/cli_memory.md (`bench/bench_cli_memory.py`), not re-run",
        )


def run_suite(h: Harness, inputs: Inputs, only: list[str] | None = None) -> str:
    """Run the cases on ``inputs`` and return the markdown (without the run's header)."""
    for name, case in CASES.items():
        if only is None or name in only:
            t0 = time.perf_counter()
            case(h, inputs)
            print(f"-- {name}: {time.perf_counter() - t0:.0f} s", flush=True)
    cli_memory_target(h)
    if h.rust:
        h.machine_scaling(21, inputs.posts_x)
    lines: list[str] = []
    capabilities = list(dict.fromkeys(r.capability for r in h.rows))
    for cap in capabilities:
        lines += capability_table(h, cap)
    lines += targets_table(h)
    return "\n".join(lines)


def replace_readme(text: str) -> None:
    readme = ROOT / "README.md"
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    body = readme.read_text(encoding="utf-8")
    head, rest = body.split(start, 1)
    tail = rest.split(end, 1)[1]
    tmp = readme.with_name("README.md.tmp")
    tmp.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")
    os.replace(tmp, readme)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a few MB of input, about two minutes")
    ap.add_argument("--no-rust", action="store_true", help="skip the Rust examples")
    ap.add_argument("--only", help=f"comma-separated cases among {', '.join(CASES)}")
    ap.add_argument("--readme", action="store_true", help="also replace the table in README.md")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "suite.md"))
    args = ap.parse_args()
    only = args.only.split(",") if args.only else None
    if only and set(only) - set(CASES):
        ap.error(f"unknown cases: {', '.join(sorted(set(only) - set(CASES)))}")
    t0 = time.perf_counter()
    h = Harness(
        quick=args.quick,
        rust=not args.no_rust,
        budget=0.5 if args.quick else 3.0,
        max_repeats=3 if args.quick else 7,
        max_turns=3 if args.quick else 25,
        peer_slice_mb=0.5 if args.quick else 4.0,
    )
    print("building inputs…", flush=True)
    inputs = build_inputs(*SIZES["quick" if args.quick else "full"])
    print(f"inputs built in {time.perf_counter() - t0:.1f} s", flush=True)
    body = run_suite(h, inputs, only)
    text = header(h, inputs, time.perf_counter() - t0) + "\n" + body
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    if args.readme:
        replace_readme(text)
    print()
    print(text)


if __name__ == "__main__":
    main()
