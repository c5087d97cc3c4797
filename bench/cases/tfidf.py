"""TF-IDF: textsift's ``TfidfVectorizer`` against scikit-learn's, ``fit`` then ``transform`` of
the same documents: on the same tokens (pre-tokenized lists) and on raw text (scikit-learn's
default token pattern on both sides). Both sides must give the same matrix before timing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from harness import NOT_WORDS, Harness, Inputs, Row, mb, peer_available

import textsift as ts

CAP = "TF-IDF"
WORDS = ts.Analyzer(
    "social",
    normalizers=["lowercase"],
    drop_kinds=NOT_WORDS,
)
ZIPF_DOC_WORDS = 50


def same_tokens(doc: list[str]) -> list[str]:
    return doc


def fit_transform(vectorizer: Any, docs: list[Any]) -> Any:
    vectorizer.fit(docs)
    return vectorizer.transform(docs)


def same_matrix(ours: Any, theirs: Any) -> bool:
    import numpy as np

    if ours.shape != theirs.shape:
        return False
    ours, theirs = ours.copy(), theirs.copy()
    ours.sort_indices()
    theirs.sort_indices()
    return bool(
        np.array_equal(ours.indices, theirs.indices)
        and np.array_equal(ours.indptr, theirs.indptr)
        and np.allclose(ours.data, theirs.data, rtol=1e-12, atol=0)
    )


def run(h: Harness, inputs: Inputs) -> None:
    print(f"\n== {CAP}", flush=True)
    if not peer_available("sklearn"):
        h.note(CAP, "scikit-learn not installed: skipped.")
        return
    from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf

    zipf = inputs.zipf
    zipf_docs = [zipf[i : i + ZIPF_DOC_WORDS] for i in range(0, len(zipf), ZIPF_DOC_WORDS)]
    posts_name = inputs.posts_x_name
    corpora: list[tuple[str, list[str] | None, list[list[str]]]] = [
        (posts_name, inputs.posts_x, WORDS.terms_batch(inputs.posts_x)),
        (inputs.abstracts_name, inputs.abstracts, WORDS.terms_batch(inputs.abstracts)),
        (f"Zipf tokens in {len(zipf_docs):,} documents", None, zipf_docs),
    ]
    for input_name, texts, tokens in corpora:
        n_tokens = sum(map(len, tokens))
        ways: list[tuple[str, list[Any], Callable[[], Any], Callable[[int | None], Any]]] = [
            (
                "same tokens",
                tokens,
                lambda: SkTfidf(tokenizer=same_tokens, token_pattern=None, lowercase=False),
                lambda n: ts.TfidfVectorizer(analyzer="pretokenized", lowercase=False, n_threads=n),
            )
        ]
        if texts is not None:
            ways.append(("raw text", texts, lambda: SkTfidf(), lambda n: ts.TfidfVectorizer(n_threads=n)))
        for way, docs, theirs, ours in ways:
            name = f"{input_name}, {way}"
            same = same_matrix(fit_transform(ours(None), docs), fit_transform(theirs(), docs))
            h.check(CAP, f"textsift = scikit-learn, {name}", same, "the whole matrix")
            n_bytes = (
                int(mb(texts) * 1e6)
                if way == "raw text" and texts is not None
                else sum(len(t) + 1 for d in tokens for t in d)
            )
            # scikit-learn is timed in turns with textsift's runs (the ratio target compares them).
            h.measure_threads(
                CAP,
                name,
                "textsift `TfidfVectorizer` fit+transform",
                lambda nt, d=docs, f=ours: fit_transform(f(nt), d),
                items=len(docs),
                unit="docs",
                n_bytes=n_bytes,
                peer=(
                    "scikit-learn `TfidfVectorizer` fit+transform",
                    lambda d=docs, f=theirs: fit_transform(f(), d),
                ),
            )
        del n_tokens
        if h.rust and texts is not None:
            out, peak = h.rust_on_lines("textsift-keywords", "tfidf_throughput", texts, "5")
            h.add(
                Row(
                    CAP,
                    f"{input_name}, raw text",
                    "textsift `TfidfVectorizer` fit+transform (Rust)",
                    len(texts) / out["raw_s"],
                    "docs",
                    mb(texts) / out["raw_s"],
                    peak,
                    note="process peak",
                )
            )
    measured = []
    met = True
    for input_name, _, _ in corpora:
        name = f"{input_name}, same tokens"
        r = h.ratio(
            h.find(CAP, name, "textsift `TfidfVectorizer` fit+transform", "1"),
            h.find(CAP, name, "scikit-learn `TfidfVectorizer` fit+transform"),
        )
        if r is not None:
            measured.append(f"{r:.1f}x on {input_name}")
            met = met and r >= 5
    if measured:
        h.target(
            7,
            "TF-IDF fit+transform >= 5x scikit-learn on the same tokens",
            "; ".join(measured),
            met,
            "1 thread, pre-tokenized lists",
        )
    h.scaling(20, CAP, f"{posts_name}, raw text", "textsift `TfidfVectorizer` fit+transform")
