"""Tokenization: textsift's four word modes against NLTK's TweetTokenizer, TreebankWordTokenizer
and NLTKWordTokenizer, spaCy's blank('en') tokenizer and HF tokenizers' Whitespace pre-tokenizer;
and sentence splitting against NLTK's Punkt (``sent_tokenize``) when its data is installed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from harness import Harness, Inputs, mb, peer_available

import textsift as ts

CAP = "Tokenization"
SENT = "Sentence splitting"
# textsift mode -> the NLTK tokenizer it reproduces.
FAITHFUL = {
    "tweet": "NLTK TweetTokenizer",
    "treebank": "NLTK TreebankWordTokenizer",
    "nltk": "NLTK NLTKWordTokenizer",
}


def _peers() -> dict[str, Callable[[str], Any]]:
    peers: dict[str, Callable[[str], Any]] = {}
    if peer_available("nltk"):
        from nltk.tokenize import NLTKWordTokenizer, TreebankWordTokenizer, TweetTokenizer

        peers["NLTK TweetTokenizer"] = TweetTokenizer().tokenize
        peers["NLTK TreebankWordTokenizer"] = TreebankWordTokenizer().tokenize
        peers["NLTK NLTKWordTokenizer"] = NLTKWordTokenizer().tokenize
    if peer_available("spacy"):
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        peers["spaCy blank('en') tokenizer"] = lambda d: [t.text for t in tokenizer(d)]
    if peer_available("tokenizers"):
        from tokenizers.pre_tokenizers import Whitespace

        ws = Whitespace()
        peers["HF tokenizers Whitespace pre-tokenizer"] = ws.pre_tokenize_str
    return peers


def _slice(docs: list[str], max_mb: float) -> list[str]:
    out: list[str] = []
    size = 0.0
    for d in docs:
        if size >= max_mb * 1e6:
            break
        out.append(d)
        size += len(d.encode("utf-8"))
    return out


def run(h: Harness, inputs: Inputs) -> None:
    print(f"\n== {CAP}", flush=True)
    peers = _peers()
    missing = {"nltk", "spacy", "tokenizers"} - {
        m for m in ("nltk", "spacy", "tokenizers") if peer_available(m)
    }
    if missing:
        h.note(CAP, f"Not installed, skipped: {', '.join(sorted(missing))}.")
    corpora = [(inputs.posts_x_name, inputs.posts_x), (inputs.social_name, inputs.social)]
    for input_name, docs in corpora:
        n = len(docs)
        for mode in ("social", "tweet", "treebank", "nltk"):
            tok = ts.Tokenizer(mode)
            tok.tokenize(docs[0])
            vs = None if mode == "social" else [FAITHFUL[mode]]
            h.measure_threads(
                CAP,
                input_name,
                f"textsift {mode} `tokenize_batch`",
                lambda nt, tok=tok: tok.tokenize_batch(docs, n_threads=nt),
                items=n,
                unit="docs",
                texts=docs,
                vs=vs,
            )
        social = ts.Tokenizer("social")
        h.measure_threads(
            CAP,
            input_name,
            "textsift social `tokenize_arrays`",
            lambda nt: social.tokenize_arrays(docs, n_threads=nt),
            items=n,
            unit="docs",
            texts=docs,
        )
        h.measure_threads(
            CAP,
            input_name,
            "textsift social `count_batch`",
            lambda nt: social.count_batch(docs, n_threads=nt),
            items=n,
            unit="docs",
            texts=docs,
        )
        h.measure(
            CAP,
            input_name,
            "textsift social `tokenize` (one call per text)",
            lambda: [social.tokenize(d) for d in docs],
            items=n,
            unit="docs",
            texts=docs,
        )
        sl = docs if mb(docs) <= h.peer_slice_mb * 1.5 else _slice(docs, h.peer_slice_mb)
        note = "" if sl is docs else f"on the first {mb(sl):.0f} MB"
        for name, fn in peers.items():
            h.measure(
                CAP,
                input_name,
                name,
                lambda fn=fn: [fn(d) for d in sl],
                items=len(sl),
                unit="docs",
                texts=sl,
                peer=True,
                note=note,
                repeats=3,
            )
        h.measure(
            CAP,
            input_name,
            "Python `str.split` (reference)",
            lambda: [d.split() for d in docs],
            items=n,
            unit="docs",
            texts=docs,
        )
        check_slice = docs[:3000]
        for mode, peer_name in FAITHFUL.items():
            if peer_name in peers:
                fn = peers[peer_name]
                ours = ts.Tokenizer(mode).tokenize_batch(check_slice)
                diff = sum(1 for o, d in zip(ours, check_slice) if o != fn(d))
                h.check(
                    CAP,
                    f"{mode} mode = {peer_name}, {input_name}",
                    diff == 0,
                    f"{diff} of {len(check_slice):,} texts differ",
                )
        if h.rust:
            modes = None if docs is inputs.posts_x else "social"
            out, peak = h.rust_on_lines(
                "textsift-tokenize", "throughput", docs, "5", *([modes] if modes else [])
            )
            for mode, v in out.items():
                h.add(_rust_row(input_name, mode, v["mb_per_s"], mb(docs), n, peak))

    # One long document: one call, one thread.
    for input_name, doc in (
        (inputs.long_small_name, inputs.long_small),
        (inputs.long_big_name, inputs.long_big),
    ):
        big = doc is inputs.long_big
        for mode in ("social",) if big else ("social", "tweet", "treebank", "nltk"):
            tok = ts.Tokenizer(mode)
            h.measure(
                CAP,
                input_name,
                f"textsift {mode} `tokenize`",
                lambda tok=tok: tok.tokenize(doc),
                items=1,
                unit="docs",
                n_bytes=len(doc.encode("utf-8")),
                vs=None if mode == "social" else [FAITHFUL[mode]],
                repeats=3 if big else None,
            )
        if big:
            h.note(
                CAP,
                f"{input_name}: peers skipped (their rate on the {inputs.long_small_name} document applies; minutes each).",
            )
            continue
        for name, fn in peers.items():
            h.measure(
                CAP,
                input_name,
                name,
                lambda fn=fn: fn(doc),
                items=1,
                unit="docs",
                n_bytes=len(doc.encode("utf-8")),
                peer=True,
                repeats=2,
            )
        if h.rust:
            out, peak = h.rust_on_lines("textsift-tokenize", "throughput", [doc], "5", "social")
            h.add(_rust_row(input_name, "social", out["social"]["mb_per_s"], mb([doc]), 1, peak))

    # Every input the Rust example ran on; the target holds only if it holds on each of them.
    rust = [
        (r.input, r.mb_per_s) for r in h.rows if r.capability == CAP and r.name == "textsift social (Rust)"
    ]
    if rust:
        h.target(
            1,
            "tokenization (Rust, `social`) >= 300 MB/s per core",
            "; ".join(f"{v:.0f} MB/s on {name}" for name, v in rust if v is not None),
            all(v is not None and v >= 300 for _, v in rust),
            "`throughput` example, 1 core",
        )
    for name in (
        "textsift social `tokenize_batch`",
        "textsift social `tokenize_arrays`",
        "textsift social `count_batch`",
    ):
        h.scaling(20, CAP, inputs.social_name, name)
    sentences(h, inputs)


def _rust_row(input_name: str, mode: str, mb_per_s: float, size_mb: float, n: int, peak: float | None) -> Any:
    from harness import Row

    return Row(
        CAP,
        input_name,
        f"textsift {mode} (Rust)",
        mb_per_s / size_mb * n,
        "docs",
        mb_per_s,
        peak,
        vs=None if mode == "social" else [FAITHFUL[mode]] if mode in FAITHFUL else [],
        note="process peak",
    )


def sentences(h: Harness, inputs: Inputs) -> None:
    print(f"\n== {SENT}", flush=True)
    splitter = ts.SentenceSplitter()
    punkt: Callable[[str], Any] | None = None
    if peer_available("nltk"):
        import nltk

        try:
            nltk.data.find("tokenizers/punkt_tab/english/")
            punkt = nltk.sent_tokenize
        except LookupError:
            h.note(SENT, "NLTK's Punkt data (`punkt_tab`) is not installed here: `sent_tokenize` not timed.")
    for input_name, docs in ((inputs.posts_x_name, inputs.posts_x), (inputs.social_name, inputs.social)):
        h.measure_threads(
            SENT,
            input_name,
            "textsift `SentenceSplitter.split_batch`",
            lambda nt: splitter.split_batch(docs, n_threads=nt),
            items=len(docs),
            unit="docs",
            texts=docs,
        )
        if punkt is not None:
            sl = docs if mb(docs) <= h.peer_slice_mb * 1.5 else _slice(docs, h.peer_slice_mb)
            fn = punkt
            h.measure(
                SENT,
                input_name,
                "NLTK `sent_tokenize` (Punkt)",
                lambda: [fn(d) for d in sl],
                items=len(sl),
                unit="docs",
                texts=sl,
                peer=True,
                repeats=3,
                note="" if sl is docs else f"on the first {mb(sl):.0f} MB",
            )
    for input_name, doc in (
        (inputs.long_small_name, inputs.long_small),
        (inputs.long_big_name, inputs.long_big),
    ):
        h.measure(
            SENT,
            input_name,
            "textsift `SentenceSplitter.split`",
            lambda doc=doc: splitter.split(doc),
            items=1,
            unit="docs",
            n_bytes=len(doc.encode("utf-8")),
            repeats=3,
        )
        if punkt is not None and doc is inputs.long_small:
            fn = punkt
            h.measure(
                SENT,
                input_name,
                "NLTK `sent_tokenize` (Punkt)",
                lambda doc=doc: fn(doc),
                items=1,
                unit="docs",
                n_bytes=len(doc.encode("utf-8")),
                peer=True,
                repeats=2,
            )
    h.note(
        SENT,
        "Punkt is a trained model and textsift's splitter is rule-based: outputs are not expected to match, so there is no output check.",
    )
    h.scaling(20, SENT, inputs.social_name, "textsift `SentenceSplitter.split_batch`")
