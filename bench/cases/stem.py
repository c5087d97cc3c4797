"""Stemming (English, Snowball's current algorithm): textsift against PyStemmer's ``stemWords``
and NLTK's ``SnowballStemmer``, on real text (Zipf-distributed tokens: words repeat) and on
unique words."""

from __future__ import annotations

from collections.abc import Callable

from harness import Harness, Inputs, Row, peer_available

import textsift as ts

CAP = "Stemming"
NLTK_SLICE = 50_000


def run(h: Harness, inputs: Inputs) -> None:
    print(f"\n== {CAP}", flush=True)
    ours = ts.Stemmer("english")
    have_pystemmer = peer_available("Stemmer")
    have_nltk = peer_available("nltk")
    for name in ("PyStemmer",) * (not have_pystemmer) + ("nltk",) * (not have_nltk):
        h.note(CAP, f"{name} not installed: skipped.")
    real_name, unique_name = "Zipf tokens (real text)", "unique words"
    for input_name, words in ((real_name, inputs.zipf), (unique_name, inputs.unique)):
        n = len(words)
        n_bytes = sum(len(w.encode("utf-8")) for w in words)
        # PyStemmer is timed in turns with textsift's runs (the ratio targets compare the two).
        pystemmer: tuple[str, Callable[[], object]] | None = None
        if have_pystemmer:
            import Stemmer as PyStemmer

            peer = PyStemmer.Stemmer("english")
            diff = sum(1 for a, b in zip(ours.stem_words(words), peer.stemWords(words)) if a != b)
            h.check(CAP, f"textsift = PyStemmer, {input_name}", diff == 0, f"{diff} of {n:,} words differ")
            pystemmer = ("PyStemmer `stemWords`", lambda p=peer, w=words: p.stemWords(w))
        if have_nltk:
            from nltk.stem.snowball import SnowballStemmer

            nltk = SnowballStemmer("english")
            sl = words[:NLTK_SLICE]
            h.measure(
                CAP,
                input_name,
                "NLTK `SnowballStemmer`",
                lambda sl=sl: [nltk.stem(w) for w in sl],
                items=len(sl),
                unit="words",
                n_bytes=sum(len(w.encode("utf-8")) for w in sl),
                peer=True,
                repeats=3,
                note=f"on the first {len(sl):,} words" if len(sl) < n else "",
            )
        h.measure_threads(
            CAP,
            input_name,
            "textsift `Stemmer.stem_words`",
            lambda nt, w=words: ours.stem_words(w, n_threads=nt),
            items=n,
            unit="words",
            n_bytes=n_bytes,
            peer=pystemmer,
        )
        if h.rust:
            out, peak = h.rust_on_lines("textsift-stem", "stem_throughput", words, "5")
            for label, key in (
                ("textsift `Stemmer::stem` (Rust)", "words_per_s"),
                ("textsift `StemCache` (Rust)", "cached_words_per_s"),
            ):
                rate = float(out[key])
                h.add(
                    Row(
                        CAP,
                        input_name,
                        label,
                        rate,
                        "words",
                        rate * n_bytes / n / 1e6,
                        peak,
                        note="process peak",
                    )
                )
    for order, input_name, goal in ((5, real_name, 2.0), (6, unique_name, 1.0)):
        r = h.ratio(
            h.find(CAP, input_name, "textsift `Stemmer.stem_words`", "1"),
            h.find(CAP, input_name, "PyStemmer `stemWords`"),
        )
        if r is not None:
            h.target(
                order,
                f"stemming through Python >= {goal:g}x PyStemmer `stemWords` on {input_name}",
                f"{r:.1f}x (1 thread)",
                r >= goal,
                "`Stemmer.stem_words(n_threads=1)`",
            )
    h.scaling(20, CAP, unique_name, "textsift `Stemmer.stem_words`")
