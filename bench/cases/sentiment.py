"""VADER: textsift against vaderSentiment 3.3.2 through Python, and against the ``vader-parity``
crate in Rust (the ``vader_throughput`` example times both)."""

from __future__ import annotations

from harness import Harness, Inputs, Row, peer_available

import textsift as ts

CAP = "VADER sentiment"
PEER_SLICE = 3_000
# vaderSentiment's rules rescan the words before each word: quadratic in a text's length.
PEER_MAX_CHARS = 40_000


def run(h: Harness, inputs: Inputs) -> None:
    print(f"\n== {CAP}", flush=True)
    ours = ts.Vader()
    peer = None
    if peer_available("vaderSentiment"):
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        peer = SentimentIntensityAnalyzer()
    else:
        h.note(CAP, "vaderSentiment not installed: skipped.")
    posts_name = inputs.posts_x_name
    for input_name, texts in ((posts_name, inputs.posts_x), (inputs.social_name, inputs.social)):
        n = len(texts)
        if peer is not None:
            sl = texts[:PEER_SLICE]
            diff = sum(1 for t in sl if ours.polarity_scores(t) != peer.polarity_scores(t))
            h.check(
                CAP,
                f"textsift = vaderSentiment, {input_name}",
                diff == 0,
                f"{diff} of {len(sl):,} texts differ (all four scores)",
            )
            p = peer
            h.measure(
                CAP,
                input_name,
                "vaderSentiment `polarity_scores` (loop)",
                lambda: [p.polarity_scores(t) for t in sl],
                items=len(sl),
                unit="texts",
                texts=sl,
                peer=True,
                repeats=3,
                note=f"on the first {len(sl):,} texts",
            )
        h.measure(
            CAP,
            input_name,
            "textsift `Vader.polarity_scores` (loop)",
            lambda t=texts: [ours.polarity_scores(x) for x in t],
            items=n,
            unit="texts",
            texts=texts,
            repeats=3,
        )
        h.measure_threads(
            CAP,
            input_name,
            "textsift `Vader.score_batch`",
            lambda nt, t=texts: ours.score_batch(t, n_threads=nt),
            items=n,
            unit="texts",
            texts=texts,
        )
        if h.rust:
            out, peak = h.rust_on_lines(
                "textsift-sentiment", "vader_throughput", texts, "3" if texts is inputs.posts_x else "2"
            )
            ours_rust = Row(
                CAP,
                input_name,
                "textsift `Vader::polarity_scores` (Rust)",
                float(out["texts_per_s"]),
                "texts",
                float(out["mb_per_s"]),
                peak,
                note="process peak",
            )
            parity = Row(
                CAP,
                input_name,
                "`vader-parity` crate (Rust)",
                float(out["vader_parity_texts_per_s"]),
                "texts",
                float(out["vader_parity_mb_per_s"]),
                None,
                peer=True,
            )
            h.add(ours_rust)
            h.add(parity)
    for input_name, doc in (
        (inputs.long_small_name, inputs.long_small),
        (inputs.long_big_name, inputs.long_big),
    ):
        h.measure(
            CAP,
            input_name,
            "textsift `Vader.polarity_scores`",
            lambda doc=doc: ours.polarity_scores(doc),
            items=1,
            unit="texts",
            n_bytes=len(doc.encode("utf-8")),
            repeats=3,
        )
    if peer is not None:
        doc = inputs.long_small[:PEER_MAX_CHARS]
        name = f"one {len(doc):,}-character text"
        p = peer
        h.measure(
            CAP,
            name,
            "vaderSentiment `polarity_scores`",
            lambda: p.polarity_scores(doc),
            items=1,
            unit="texts",
            n_bytes=len(doc.encode("utf-8")),
            peer=True,
            repeats=1,
        )
        h.measure(
            CAP,
            name,
            "textsift `Vader.polarity_scores`",
            lambda: ours.polarity_scores(doc),
            items=1,
            unit="texts",
            n_bytes=len(doc.encode("utf-8")),
        )
        same = ours.polarity_scores(doc) == peer.polarity_scores(doc)
        h.check(CAP, f"textsift = vaderSentiment, {name}", same, "all four scores")
        h.note(
            CAP,
            f"vaderSentiment is quadratic in a text's length: it is timed on one {len(doc):,}-character text and "
            f"skipped on the {inputs.long_small_name} and {inputs.long_big_name} documents (minutes to hours).",
        )
    r = h.ratio(
        h.find(CAP, posts_name, "textsift `Vader::polarity_scores` (Rust)"),
        h.find(CAP, posts_name, "`vader-parity` crate (Rust)"),
    )
    if r is not None:
        h.target(
            2,
            "VADER in Rust >= 3.5x `vader-parity`",
            f"{r:.1f}x on {posts_name}",
            r >= 3.5,
            "`vader_throughput` example",
        )
    r = h.ratio(
        h.find(CAP, posts_name, "textsift `Vader.score_batch`", "1"),
        h.find(CAP, posts_name, "vaderSentiment `polarity_scores` (loop)"),
    )
    if r is not None:
        h.target(
            3,
            "VADER through Python, 1 thread >= 30x vaderSentiment",
            f"{r:.1f}x on {posts_name}",
            r >= 30,
            "`Vader.score_batch(n_threads=1)`",
        )
    h.scaling(20, CAP, inputs.social_name, "textsift `Vader.score_batch`")
