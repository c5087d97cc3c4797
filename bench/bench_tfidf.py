"""TF-IDF benchmark: textsift's ``TfidfVectorizer`` against scikit-learn's, in one run, on the
same documents; each timing is ``fit`` followed by ``transform``.

    python bench/bench_tfidf.py [--repeats 5] [--out bench/results/tfidf.md]

Inputs: the sample corpus's posts repeated to 20,000 texts, and the Inspec abstracts (2,000
longer documents) when they are present next to the repository. Three ways in:

* same tokens: each document is a list of tokens (the social analyzer's words), given to
  scikit-learn as its tokenizer's output and to textsift with ``analyzer="pretokenized"``;
* textsift's ``Analyzer`` on raw text, and scikit-learn with that analyzer's ``terms`` as its
  tokenizer (the same tokens; tokenising is timed on both sides);
* raw text with scikit-learn's default token pattern on both sides.

Before timing, the script checks that both sides give the same matrix. The Rust rows come from
``crates/textsift-keywords/examples/tfidf_throughput.rs`` (raw text, one core).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf

import textsift as ts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import ROOT, best_time, run_rust_example  # noqa: E402

INSPEC = ROOT.parent / "shared" / "data" / "keywords" / "Inspec" / "docsutf8"
WORDS = ts.Analyzer(
    "social",
    normalizers=["lowercase"],
    drop_kinds=[
        "number",
        "hashtag",
        "mention",
        "cashtag",
        "url",
        "email",
        "emoji",
        "emoticon",
        "punctuation",
        "symbol",
    ],
)


def same_tokens(doc: list[str]) -> list[str]:
    return doc


def fit_transform_separately(vectorizer: Any, docs: list[Any]) -> Any:
    vectorizer.fit(docs)
    return vectorizer.transform(docs)


def check_same(ours: Any, theirs: Any) -> None:
    assert ours.shape == theirs.shape, (ours.shape, theirs.shape)
    ours, theirs = ours.copy(), theirs.copy()
    ours.sort_indices()
    theirs.sort_indices()
    assert np.array_equal(ours.indices, theirs.indices) and np.array_equal(ours.indptr, theirs.indptr)
    assert np.allclose(ours.data, theirs.data, rtol=1e-12, atol=0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "tfidf.md"))
    args = ap.parse_args()

    posts = [row["text"] for row in ts.load_sample()]
    corpora = {"posts": (posts * (20_000 // len(posts) + 1))[:20_000]}
    if INSPEC.is_dir():
        corpora["Inspec"] = [p.read_text(encoding="utf-8") for p in sorted(INSPEC.glob("*.txt"))]
    settings: list[tuple[str, dict[str, Any]]] = [
        ("defaults", {}),
        ("`ngram_range=(1, 2), min_df=2`", {"ngram_range": (1, 2), "min_df": 2}),
    ]
    cores = os.cpu_count() or 1

    rows = []
    for corpus, texts in corpora.items():
        tokens = WORDS.terms_batch(texts)
        n_tokens = sum(map(len, tokens))
        for label, params in settings:
            cases: list[tuple[str, list[Any], Callable[[], Any], Callable[[int | None], Any]]] = [
                (
                    "same tokens (lists)",
                    tokens,
                    lambda p=params: SkTfidf(tokenizer=same_tokens, token_pattern=None, lowercase=False, **p),
                    lambda n, p=params: ts.TfidfVectorizer(
                        analyzer="pretokenized", lowercase=False, n_threads=n, **p
                    ),
                ),
                (
                    "Analyzer on raw text",
                    texts,
                    lambda p=params: SkTfidf(tokenizer=WORDS.terms, token_pattern=None, lowercase=False, **p),
                    lambda n, p=params: ts.TfidfVectorizer(analyzer=WORDS, lowercase=False, n_threads=n, **p),
                ),
                (
                    "raw text, default token pattern",
                    texts,
                    lambda p=params: SkTfidf(**p),
                    lambda n, p=params: ts.TfidfVectorizer(n_threads=n, **p),
                ),
            ]
            for way, docs, theirs, ours in cases:
                check_same(
                    fit_transform_separately(ours(None), docs), fit_transform_separately(theirs(), docs)
                )
                t_sk = best_time(
                    lambda d=docs, f=theirs: fit_transform_separately(f(), d), max(2, args.repeats // 2)
                )
                t_one = best_time(lambda d=docs, f=ours: fit_transform_separately(f(1), d), args.repeats)
                t_all = best_time(lambda d=docs, f=ours: fit_transform_separately(f(None), d), args.repeats)
                rows.append((corpus, len(docs), n_tokens, way, label, t_sk, t_one, t_all))
                print(
                    f"{corpus} | {way} | {label}: scikit-learn {t_sk * 1000:.0f} ms, textsift 1 thread "
                    f"{t_one * 1000:.0f} ms ({t_sk / t_one:.1f}x), {cores} cores {t_all * 1000:.0f} ms "
                    f"({t_sk / t_all:.1f}x)",
                    flush=True,
                )

    # The example reads one document per line; line breaks inside documents separate tokens as
    # spaces do under the token pattern.
    rust = {
        name: run_rust_example(
            "textsift-keywords", "tfidf_throughput", [" ".join(t.splitlines()) for t in texts], 5
        )
        for name, texts in corpora.items()
    }

    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {cores} cores, Python {platform.python_version()}, "
        f"scikit-learn {__import__('sklearn').__version__}; fit then transform of the same documents, "
        f"best of {args.repeats} (scikit-learn: best of {max(2, args.repeats // 2)}). Both sides give the same "
        "matrix (checked before timing). posts: the sample corpus repeated to 20,000 texts; Inspec: 2,000 abstracts.",
        "",
        "| corpus | input | parameters | scikit-learn | textsift, 1 thread | "
        f"textsift, {cores} cores | speed-up |",
        "|---|---|---|---:|---:|---:|---:|",
        *[
            f"| {corpus} ({n_docs:,} docs, {n_tok:,} tokens) | {way} | {label} | {t_sk * 1000:.0f} ms | "
            f"{t_one * 1000:.0f} ms ({t_sk / t_one:.1f}x) | {t_all * 1000:.0f} ms | **{t_sk / t_all:.1f}x** |"
            for corpus, n_docs, n_tok, way, label, t_sk, t_one, t_all in rows
        ],
        "",
        "The Rust core alone (one core, `examples/tfidf_throughput.rs`, defaults): "
        + "; ".join(
            f"{name}: {r['raw_s'] * 1000:.0f} ms on raw text, {r['pretokenized_s'] * 1000:.0f} ms on tokens"
            for name, r in rust.items()
        )
        + ".",
    ]
    out = Path(args.out)
    tmp = out.with_suffix(".md.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(out)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
