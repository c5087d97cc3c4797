"""Keyphrases: YAKE against yake 0.7.3 (Python) and the ``yake-rust`` crate (Rust), RAKE against
rake-nltk 1.0.6, TextRank against summa. Same texts, same stopwords, top 10."""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import Harness, Inputs, Row, mb, peer_available

import textsift as ts

YAKE, RAKE, TEXTRANK = "YAKE", "RAKE", "TextRank"
# summa solves a dense eigenvector problem: cubic in the vocabulary (82 s at 50,000 words).
SUMMA_WORDS = 5_000
SUMMA_WORDS_QUICK = 2_000
SUMMA_DOCS = 200
# How long a textsift turn against yake lasts (see `_peer_turns`).
OURS_TURN_SECONDS = 1.0


def _words(text: str) -> int:
    return len(text.split())


def _same_keyphrases(ours: Any, theirs: list[tuple[str, float]]) -> bool:
    ours = list(ours)
    return len(ours) == len(theirs) and all(
        a[0] == b[0] and math.isclose(a[1], b[1], rel_tol=1e-9, abs_tol=0) for a, b in zip(ours, theirs)
    )


def run(h: Harness, inputs: Inputs) -> None:
    yake_case(h, inputs)
    rake_case(h, inputs)
    textrank_case(h, inputs)


def _peer_turns(
    h: Harness, peer: Callable[[], object], ours: Callable[[], object]
) -> tuple[tuple[float, float | None], tuple[float, float | None]]:
    """yake and textsift timed in turns, best of two turns each: yake takes 5-20 s a run, and
    one run of it against textsift's best of many let a slow spell of the shared machine
    decide the ratio (0.16-0.24 MB/s for the same yake run on the long document).

    A yake run is itself a mean over seconds of the machine's time; a textsift turn is made
    the same: as many calls as fill about a second, timed together (their mean is the turn's
    time). One call on the 1 MB document takes 50-180 ms on the same shared machine from one
    call to the next, and the call right after a yake run starts with the caches that run left."""
    t0 = time.perf_counter()
    ours()
    calls = max(1, math.ceil(OURS_TURN_SECONDS / max(time.perf_counter() - t0, 1e-6)))

    def ours_turn() -> None:
        for _ in range(calls):
            ours()

    peer_timed, (turn, peak) = h.time_interleaved([peer, ours_turn], repeats=2)
    return peer_timed, (turn / calls, peak)


def yake_case(h: Harness, inputs: Inputs) -> None:
    print(f"\n== {YAKE}", flush=True)
    stop = inputs.stopwords_iso
    ours = ts.Yake(stopwords=stop, top=10)
    ref = None
    if peer_available("yake"):
        import yake

        ref = yake.KeywordExtractor(stopwords=set(stop), top=10)
    else:
        h.note(YAKE, "yake not installed: skipped.")
    docs, docs_name = inputs.abstracts, inputs.abstracts_name
    n_words = sum(map(_words, docs))
    ours_loop, ours_timed = (lambda: [ours.extract(d) for d in docs]), None
    if ref is not None:
        r = ref
        sl = docs[:200]
        diff = sum(1 for d in sl if not _same_keyphrases(ours.extract(d), r.extract_keywords(d)))
        h.check(
            YAKE,
            f"textsift = yake, {docs_name}",
            diff == 0,
            f"{diff} of {len(sl):,} documents differ (phrases, order, scores)",
        )
        peer_loop = lambda r=ref: [r.extract_keywords(d) for d in docs]  # noqa: E731
        peer_timed, ours_timed = _peer_turns(h, peer_loop, ours_loop)
        h.measure(
            YAKE,
            docs_name,
            "yake `extract_keywords` (loop)",
            peer_loop,
            items=len(docs),
            unit="docs",
            texts=docs,
            peer=True,
            timed=peer_timed,
        )
    h.measure(
        YAKE,
        docs_name,
        "textsift `Yake.extract` (loop)",
        ours_loop,
        items=len(docs),
        unit="docs",
        texts=docs,
        timed=ours_timed,
    )
    h.measure_threads(
        YAKE,
        docs_name,
        "textsift `Yake.extract_batch`",
        lambda nt: ours.extract_batch(docs, n_threads=nt),
        items=len(docs),
        unit="docs",
        texts=docs,
    )
    del n_words
    long_name, doc = inputs.long_small_name, inputs.long_small
    words = _words(doc)
    ours_long, ours_timed = (lambda: ours.extract(doc)), None
    if ref is not None:
        r = ref
        h.check(
            YAKE,
            f"textsift = yake, {long_name}",
            _same_keyphrases(ours.extract(doc), r.extract_keywords(doc)),
            "top 10 phrases and scores",
        )
        peer_long = lambda r=ref: r.extract_keywords(doc)  # noqa: E731
        peer_timed, ours_timed = _peer_turns(h, peer_long, ours_long)
        h.measure(
            YAKE,
            long_name,
            "yake `extract_keywords`",
            peer_long,
            items=words,
            unit="words",
            texts=[doc],
            peer=True,
            timed=peer_timed,
        )
    h.measure(
        YAKE,
        long_name,
        "textsift `Yake.extract`",
        ours_long,
        items=words,
        unit="words",
        texts=[doc],
        timed=ours_timed,
    )
    if h.rust:
        with tempfile.TemporaryDirectory() as tmp:
            tp, sp = Path(tmp) / "text.txt", Path(tmp) / "stop.txt"
            tp.write_text(doc, encoding="utf-8")
            sp.write_text("\n".join(stop), encoding="utf-8")
            out, peak = h.rust_example("textsift-keywords", "yake_throughput", [str(tp), str(sp), "3"])
        size = mb([doc])
        h.add(
            Row(
                YAKE,
                long_name,
                "textsift `Yake::extract` (Rust)",
                words / out["seconds"],
                "words",
                size / out["seconds"],
                peak,
                vs=["yake-rust (Rust)"],
                note="process peak, both",
            )
        )
        h.add(
            Row(
                YAKE,
                long_name,
                "yake-rust (Rust)",
                words / out["yake_rust_seconds"],
                "words",
                size / out["yake_rust_seconds"],
                None,
                peer=True,
            )
        )
    big_name, big = inputs.long_big_name, inputs.long_big
    h.measure(
        YAKE,
        big_name,
        "textsift `Yake.extract`",
        lambda: ours.extract(big),
        items=_words(big),
        unit="words",
        texts=[big],
        repeats=2,
    )
    h.note(YAKE, f"{big_name}: yake and yake-rust skipped (at their {long_name} rates, minutes each).")
    r = h.ratio(
        h.find(YAKE, long_name, "textsift `Yake.extract`"), h.find(YAKE, long_name, "yake `extract_keywords`")
    )
    r2 = h.ratio(
        h.find(YAKE, docs_name, "textsift `Yake.extract_batch`", "1"),
        h.find(YAKE, docs_name, "yake `extract_keywords` (loop)"),
    )
    if r is not None and r2 is not None:
        h.target(
            4,
            "YAKE >= 100x yake",
            f"{r:.0f}x on {long_name}; {r2:.0f}x on {docs_name} (1 thread)",
            min(r, r2) >= 100,
            "Python, 1 thread",
        )
    r = h.ratio(
        h.find(YAKE, long_name, "textsift `Yake::extract` (Rust)"),
        h.find(YAKE, long_name, "yake-rust (Rust)"),
    )
    if r is not None:
        h.target(4, "YAKE >= 5x yake-rust", f"{r:.1f}x on {long_name}", r >= 5, "`yake_throughput` example")
    h.scaling(20, YAKE, docs_name, "textsift `Yake.extract_batch`")


def rake_case(h: Harness, inputs: Inputs) -> None:
    print(f"\n== {RAKE}", flush=True)
    ours = ts.Rake()
    docs, docs_name = inputs.abstracts, inputs.abstracts_name
    n_words = sum(map(_words, docs))
    peer_rank = None
    if peer_available("rake_nltk"):
        import rake_nltk

        # rake-nltk gets NLTK's English stopwords (from textsift: it cannot download them here)
        # and textsift's sentences, so both compute the same ranking.
        peer = rake_nltk.Rake(stopwords=set(ts.stopwords("en")), sentence_tokenizer=ts.sentences)

        def peer_rank(text: str) -> list[tuple[float, str]]:
            peer.extract_keywords_from_text(text)
            result: list[tuple[float, str]] = peer.get_ranked_phrases_with_scores()
            return result

        diff = sum(1 for d in docs if ours.ranking(d).rank_list() != peer_rank(d))
        h.check(
            RAKE,
            f"textsift ranking = rake-nltk, {docs_name}",
            diff == 0,
            f"{diff} of {len(docs):,} documents differ (phrases, order, scores)",
        )
        pr = peer_rank
        h.measure(
            RAKE,
            docs_name,
            "rake-nltk (loop)",
            lambda: [pr(d) for d in docs],
            items=n_words,
            unit="words",
            texts=docs,
            peer=True,
            repeats=3,
        )
    else:
        h.note(RAKE, "rake-nltk not installed: skipped.")
    h.measure(
        RAKE,
        docs_name,
        "textsift `Rake.ranking().rank_list()` (loop)",
        lambda: [ours.ranking(d).rank_list() for d in docs],
        items=n_words,
        unit="words",
        texts=docs,
    )
    h.measure_threads(
        RAKE,
        docs_name,
        "textsift `Rake.extract_batch`",
        lambda nt: ours.extract_batch(docs, n_threads=nt),
        items=n_words,
        unit="words",
        texts=docs,
    )
    for input_name, doc in (
        (inputs.long_small_name, inputs.long_small),
        (inputs.long_big_name, inputs.long_big),
    ):
        words = _words(doc)
        big = doc is inputs.long_big
        if peer_rank is not None and not big:
            pr = peer_rank
            h.check(
                RAKE,
                f"textsift ranking = rake-nltk, {input_name}",
                ours.ranking(doc).rank_list() == pr(doc),
                "whole ranking",
            )
            h.measure(
                RAKE,
                input_name,
                "rake-nltk",
                lambda doc=doc: pr(doc),
                items=words,
                unit="words",
                texts=[doc],
                peer=True,
                repeats=2,
            )
        h.measure(
            RAKE,
            input_name,
            "textsift `Rake.extract`",
            lambda doc=doc: ours.extract(doc),
            items=words,
            unit="words",
            texts=[doc],
            repeats=2 if big else None,
        )
    h.note(RAKE, f"{inputs.long_big_name}: rake-nltk skipped (its {inputs.long_small_name} rate applies).")
    h.scaling(20, RAKE, docs_name, "textsift `Rake.extract_batch`")


def textrank_case(h: Harness, inputs: Inputs) -> None:
    print(f"\n== {TEXTRANK}", flush=True)
    ours = ts.TextRank()
    summa = None
    if peer_available("summa"):
        from summa import keywords as summa_kw

        summa = summa_kw.keywords
    else:
        h.note(TEXTRANK, "summa not installed: skipped.")
    docs, docs_name = inputs.abstracts, inputs.abstracts_name
    n_words = sum(map(_words, docs))
    if summa is not None:
        sl = docs[:SUMMA_DOCS]
        s = summa
        h.measure(
            TEXTRANK,
            docs_name,
            "summa `keywords(split=True)` (loop)",
            lambda: [s(d, split=True) for d in sl],
            items=sum(map(_words, sl)),
            unit="words",
            texts=sl,
            peer=True,
            repeats=1,
            note=f"on the first {len(sl)} documents",
        )
    h.measure_threads(
        TEXTRANK,
        docs_name,
        "textsift `TextRank.extract_batch`",
        lambda nt: ours.extract_batch(docs, n_threads=nt),
        items=n_words,
        unit="words",
        texts=docs,
    )
    all_words = inputs.long_small.split()
    n_short = SUMMA_WORDS_QUICK if h.quick else SUMMA_WORDS
    short = " ".join(all_words[:n_short])
    short_name = f"one {n_short:,}-word text"
    if summa is not None:
        s = summa
        h.measure(
            TEXTRANK,
            short_name,
            "summa `keywords(split=True)`",
            lambda: s(short, split=True),
            items=n_short,
            unit="words",
            texts=[short],
            peer=True,
            repeats=1,
        )
    h.measure(
        TEXTRANK,
        short_name,
        "textsift `TextRank.extract`",
        lambda: ours.extract(short),
        items=n_short,
        unit="words",
        texts=[short],
    )
    for input_name, doc in (
        (inputs.long_small_name, inputs.long_small),
        (inputs.long_big_name, inputs.long_big),
    ):
        h.measure(
            TEXTRANK,
            input_name,
            "textsift `TextRank.extract`",
            lambda doc=doc: ours.extract(doc),
            items=_words(doc),
            unit="words",
            texts=[doc],
            repeats=2,
        )
    h.note(
        TEXTRANK,
        f"summa builds a dense matrix and solves an eigenvector problem (cubic in the vocabulary: 82 s on 50,000 words), "
        f"so it runs on a {n_short:,}-word text and {SUMMA_DOCS} abstracts only. The two rank different candidate "
        "sets (summa stems with Snowball, keeps its own stopwords): this compares time to a top-10 list, not outputs.",
    )
    h.scaling(20, TEXTRANK, docs_name, "textsift `TextRank.extract_batch`")
