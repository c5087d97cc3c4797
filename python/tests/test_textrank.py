"""TextRank: hand-computed scores, determinism across thread counts, linear growth, bad input."""

from __future__ import annotations

import pickle
import random
import time

import pytest

import textsift as ts
from textgen import random_texts

_VOCAB = [f"term{i}" for i in range(5000)]
_STOP = sorted(ts.stopwords("en"))


def _long_text(words: int, seed: int) -> str:
    """Sentences of random terms and stopwords: the vocabulary keeps growing with the length."""
    rng = random.Random(seed)
    out = []
    for i in range(words):
        out.append(rng.choice(_STOP) if rng.random() < 0.4 else rng.choice(_VOCAB))
        if i % 17 == 16:
            out[-1] += "."
    return " ".join(out)


def _docs() -> list[str]:
    return [row["text"] for row in ts.load_sample()] + random_texts(300, seed=21)


def test_path_graph_by_hand() -> None:
    # a - b - c: S(a) = S(c) = 0.15 + 0.85 S(b) / 2 and S(b) = 0.15 + 0.85 (S(a) + S(c)).
    tr = ts.TextRank(stopwords=[], tolerance=1e-12, max_iterations=1000, ratio=1.0)
    sa = (0.15 + 0.85 * 0.15 / 2) / (1 - 0.85 * 0.85)
    sb = 0.15 + 0.85 * 2 * sa
    scores = dict(tr.word_scores("alpha beta gamma"))
    assert scores == pytest.approx({"alpha": sa, "beta": sb, "gamma": sa}, abs=1e-9)
    [(phrase, score)] = tr.extract("alpha beta gamma")
    assert phrase == "alpha beta gamma" and score == pytest.approx(2 * sa + sb, abs=1e-9)
    mean = ts.TextRank(stopwords=[], tolerance=1e-12, ratio=1.0, phrase_score="mean")
    assert mean.extract("alpha beta gamma")[0][1] == pytest.approx((2 * sa + sb) / 3, abs=1e-9)


def test_selection_merging_and_ties() -> None:
    text = "Neural networks learn graph structure. Graph neural networks learn graph structure too."
    tr = ts.TextRank(top_vertices=3)
    words = tr.word_scores(text)
    # graph has four neighbours; networks and learn two each, with weight 2 on every edge.
    assert [w for w, _ in words] == ["graph", "networks", "learn", "neural", "structure"]
    assert [s for _, s in words] == sorted((s for _, s in words), reverse=True)
    phrases = tr.extract(text, top=None)
    # The three selected words merge where they are adjacent; "graph" also stands alone.
    assert [p for p, _ in phrases] == ["networks learn graph", "graph"]
    score = dict(words)
    # Summed in word order.
    assert phrases[0][1] == sum([score["networks"], score["learn"], score["graph"]])
    assert phrases[1][1] == words[0][1]
    # Isolated words (stopwords between them) tie at 1 - d; the first to occur wins.
    tied = ts.TextRank(ratio=1.0).extract("zeta and alpha. beta of the gamma")
    assert [p for p, _ in tied] == ["zeta", "alpha", "beta", "gamma"]
    assert {s for _, s in tied} == {1 - 0.85}
    # Punctuation takes no position: a pair on either side of a comma is linked, and ties at 1.
    pair = ts.TextRank(ratio=1.0).extract("zeta, alpha")
    assert pair == [("zeta", 1.0), ("alpha", 1.0)]


def test_determinism_across_threads() -> None:
    docs = _docs() + [_long_text(3000, seed=s) for s in range(20)]
    tr = ts.TextRank()
    one = tr.extract_batch(docs, top=10, n_threads=1)
    assert one == [tr.extract(d) for d in docs]
    assert tr.extract_batch(docs, top=10, n_threads=4) == one
    assert tr.extract_batch(docs, top=10) == one
    assert tr.extract_batch(iter(docs), top=10, n_threads=2) == one


def test_linear_growth() -> None:
    tr = ts.TextRank()
    small, large = _long_text(20_000, seed=1), _long_text(160_000, seed=2)
    s_small, s_large = tr.stats(small), tr.stats(large)
    # Stopwords such as "don't" are three wordpunct tokens, two of them words.
    assert s_large["words"] >= 160_000
    for s in (s_small, s_large):
        # Window 2: at most one edge per pair of neighbouring words.
        assert s["edges"] <= s["words"]
        assert s["iterations"] <= tr.max_iterations

    def best_of_3(text: str) -> float:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            tr.extract(text)
            times.append(time.perf_counter() - t0)
        return min(times)

    best_of_3(small)
    ratio = best_of_3(large) / best_of_3(small)
    # 8x the text: linear time gives about 8x; quadratic would give 64x. Generous for shared CI.
    assert ratio < 30, ratio


def test_bad_input() -> None:
    tr = ts.TextRank()
    assert tr.extract("") == []
    assert tr.extract("   \n\t ") == []
    assert tr.extract("1 2 3 !!! ... 42") == []
    assert tr.extract("and the of it, is. Was to be!") == []
    assert tr.word_scores("") == []
    assert tr.stats("") == {"words": 0, "vertices": 0, "edges": 0, "iterations": 0, "converged": True}
    with pytest.raises(ts.TextsiftTypeError, match="not None"):
        tr.extract(None)  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftTypeError, match="bytes"):
        tr.extract(b"graph ranking")  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftTypeError):
        tr.extract(42)  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftValueError, match="top"):
        tr.extract("graph ranking", top=-1)
    assert tr.extract("graph ranking", top=0) == []
    with pytest.raises(ts.TextsiftValueError, match="klingon"):
        ts.TextRank("klingon")
    with pytest.raises(ts.TextsiftTypeError):
        ts.TextRank([1, 2])  # type: ignore[list-item]
    for kwargs, message in [
        ({"window": 1}, "window"),
        ({"window": 10**12}, "window"),
        ({"max_iterations": 10**9}, "max_iterations"),
        ({"damping": 1.0}, "damping"),
        ({"damping": float("nan")}, "damping"),
        ({"tolerance": 0.0}, "tolerance"),
        ({"max_iterations": 0}, "max_iterations"),
        ({"ratio": 0.0}, "ratio"),
        ({"ratio": 1.5}, "ratio"),
        ({"top_vertices": 0}, "top_vertices"),
        ({"phrase_score": "max"}, "phrase score"),
        ({"sentences": "paragraphs"}, "sentences"),
        ({"min_word_length": -1}, "min_word_length"),
    ]:
        with pytest.raises(ts.TextsiftValueError, match=message):
            ts.TextRank(**kwargs)  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftTypeError, match=r"texts\[2\]"):
        tr.extract_batch(["graph ranking", "x", None])
    assert tr.extract_batch(["graph ranking", None], on_missing="empty")[1] == []
    assert len(tr.extract_batch(["graph ranking", None], on_missing="skip")) == 1


def test_languages_and_stopwords() -> None:
    text = "Нейронные сети и графы. Графы и нейронные сети в анализе текста."
    ru = ts.TextRank("ru", ratio=1.0)
    words = [w for w, _ in ru.word_scores(text)]
    assert "и" not in words and "в" not in words and "графы" in words
    assert ts.TextRank(["graph"]).stopwords == {"graph"}
    assert "graph" not in dict(ts.TextRank(["graph"]).word_scores("graph ranking graph theory"))


def test_pickle_repr_and_properties() -> None:
    tr = ts.TextRank(["x"], window=3, damping=0.8, tolerance=1e-6, top_vertices=7, phrase_score="mean")
    back = pickle.loads(pickle.dumps(tr))
    assert repr(back) == repr(tr)
    assert (back.window, back.damping, back.tolerance, back.top_vertices, back.phrase_score) == (
        3,
        0.8,
        1e-6,
        7,
        "mean",
    )
    text = _long_text(500, seed=3)
    assert back.extract(text) == tr.extract(text)
    default = ts.TextRank()
    assert default.ratio == pytest.approx(1 / 3) and default.top_vertices is None
    assert "ratio=" in repr(default)
    assert pickle.loads(pickle.dumps(default)).extract(text) == default.extract(text)
