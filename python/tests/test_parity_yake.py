"""YAKE parity against yake 0.7.3 (given the same stopwords).

Compared: segtok's sentences and tokens as yake reads them, and the top-10 keyphrases with their
scores (equal to 1e-9 relative), on the Inspec abstracts in ../shared (skipped where absent), the
sample corpus and generated documents full of what segtok and YAKE treat specially
(abbreviations, initials, brackets, URLs, e-mails, HTML entities, contractions, numbers, units,
hyphens, capitals), under every deduplication function and several parameter sets.
"""

from __future__ import annotations

import pickle
import random
from pathlib import Path

import pytest

import textsift as ts
from textgen import random_texts
from textsift.compat import yake as compat_yake

yake = pytest.importorskip("yake")
yake_utils = pytest.importorskip("yake.data.utils")

INSPEC = Path(__file__).resolve().parents[3] / "shared" / "data" / "keywords" / "Inspec" / "docsutf8"
STOPWORDS = sorted(ts.stopwords("en", "iso"))

_PIECES = [
    "Dr. Smith",
    "e.g.",
    "U.S.",
    "J. K. Rowling",
    "(see Fig. 3)",
    "[1]",
    "http://example.com/a?b=1",
    "mail me at a.b@c.org",
    "&amp;",
    "&lt;3",
    "&nbsp;",
    "don't",
    "we're",
    "it's",
    "COVID-19",
    "state-of-the-art",
    "3.5%",
    "10:30",
    "H2O",
    "CO₂",
    "m²",
    "Mr. and Mrs. Jones",
    "et al.",
    "i.e.",
    "...",
    "?!",
    '"quoted"',
    "(brackets (nested))",
    "and",
    "of",
    "the",
    "The",
    "Google",
    "GOOGLE",
    "machine learning",
    "Machine Learning",
    "data",
    "science",
    "5 p.m.",
    "Jan. 5",
    "5. Jan",
    "v2.0",
    "naïve",
    "café",
    "Straße",
    "İstanbul",
    "A.-B. Smith",
    "by J. Doe",
    "— dash —",
    "x-ray",
    "e-mail",
    "self-driving cars",
    "deep neural networks",
    "neural network",
    "Networks",
    "analysis",
    "analyses",
    "New York",
    "new york",
    "ÉCOLE",
    "1,000",
    "(a)",
]


def generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(1, 70)):
            w = rng.choice(_PIECES)
            if rng.random() < 0.1:
                w += rng.choice([".", ",", ";", ":", "!", "?"])
            words.append(w)
        docs.append(
            rng.choice(["", "\t", "\n"]).join(
                [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])]
            )
        )
    return docs


def inspec(limit: int | None = None) -> list[str]:
    if not INSPEC.is_dir():
        return []
    paths = sorted(INSPEC.glob("*.txt"))[:limit]
    return [p.read_text(encoding="utf-8") for p in paths]


def corpus() -> list[str]:
    return (
        inspec() + [row["text"] for row in ts.load_sample()] + generated(1500, 1) + random_texts(800, seed=8)
    )


def test_sentences_and_tokens_are_segtoks() -> None:
    docs = corpus()
    bad = [
        d
        for d in docs
        if ts.Yake.sentences(d) != yake_utils.tokenize_sentences(yake_utils.pre_filter(d.replace("\n", " ")))
    ]
    assert not bad, f"{len(bad)} of {len(docs)} differ, e.g. {bad[:2]}"


def _compare(docs: list[str], **params: object) -> None:
    ref = yake.KeywordExtractor(stopwords=set(STOPWORDS), top=10, **params)
    ours = ts.Yake(stopwords=STOPWORDS, top=10, **params)  # type: ignore[arg-type]
    batch = ours.extract_batch(docs)
    bad = []
    for doc, got in zip(docs, batch, strict=True):
        want = [(k, float(s)) for k, s in ref.extract_keywords(doc)]
        same = [k for k, _ in got] == [k for k, _ in want] and all(
            abs(a - b) <= 1e-9 * abs(b) for (_, a), (_, b) in zip(got, want, strict=True)
        )
        if not same:
            bad.append((doc[:120], got[:3], want[:3]))
    assert not bad, f"{len(bad)} of {len(docs)} differ ({params}), e.g. {bad[:2]}"


def test_default_parameters_on_every_document() -> None:
    _compare(corpus())


@pytest.mark.parametrize(
    "params",
    [
        {"dedup_func": "levs"},
        {"dedup_func": "jaro"},
        {"dedup_func": "sequencematcher", "dedup_lim": 0.7},
        {"n": 1},
        {"n": 2, "window_size": 2},
        {"n": 4, "window_size": 3},
        {"dedup_lim": 1.0},
    ],
)
def test_other_parameters(params: dict[str, object]) -> None:
    _compare(inspec(300) + generated(400, 2) + random_texts(200, seed=4), **params)


def test_compat_and_api() -> None:
    docs = inspec(50) + generated(50, 3)
    ref = yake.KeywordExtractor(stopwords=set(STOPWORDS), top=5)
    compat = compat_yake.KeywordExtractor(stopwords=set(STOPWORDS), top=5)
    for d in docs:
        assert [k for k, _ in compat.extract_keywords(d)] == [k for k, _ in ref.extract_keywords(d)]
    assert compat.extract_keywords("") == [] and compat.extract_keywords(None) == []
    y = ts.Yake(top=5)
    one = y.extract_batch(docs, n_threads=1)
    assert one == y.extract_batch(docs, n_threads=4) == [y.extract(d) for d in docs]
    clone = pickle.loads(pickle.dumps(ts.Yake(n=2, top=4, stopwords=["the", "of"])))
    assert clone.extract(docs[0]) == ts.Yake(n=2, top=4, stopwords=["the", "of"]).extract(docs[0])
    assert ts.keywords(docs[0], top=3) == ts.Yake(top=3).extract(docs[0])


def test_compat_empty_stopwords_mean_the_default_list() -> None:
    # yake reads `stopwords or ...`: an empty collection is its default list (its own, AGPL);
    # the compat's default is textsift's (Stopwords ISO), so compare each side with its default.
    assert yake.KeywordExtractor(stopwords=set()).stopword_set == yake.KeywordExtractor().stopword_set
    default = compat_yake.KeywordExtractor()
    assert default.stopword_set == set(STOPWORDS)
    docs = generated(30, 5)
    for empty in (set(), [], ()):
        compat = compat_yake.KeywordExtractor(stopwords=empty)
        assert compat.stopword_set == default.stopword_set
        assert [compat.extract_keywords(d) for d in docs] == [default.extract_keywords(d) for d in docs]


@pytest.mark.parametrize("dedup_lim", [0.9, 1.0, 1.5])
@pytest.mark.parametrize("top", [0, -1, -3, 2.0, 2.5, None, 3, 10**30, float("inf")], ids=str)
def test_compat_top_of_every_kind(top: object, dedup_lim: float) -> None:
    # yake slices candidates[:top] without deduplication (a float there is a TypeError it catches:
    # []) and with it stops at len(kept) == top (never, for 0, negative or fractional top).
    docs = inspec(10) + generated(30, 6)
    ref = yake.KeywordExtractor(stopwords=set(STOPWORDS), top=top, dedup_lim=dedup_lim)
    compat = compat_yake.KeywordExtractor(stopwords=set(STOPWORDS), top=top, dedup_lim=dedup_lim)  # type: ignore[arg-type]
    for d in docs:
        ours, theirs = compat.extract_keywords(d), ref.extract_keywords(d)
        assert [k for k, _ in ours] == [k for k, _ in theirs], d
        assert [s for _, s in ours] == pytest.approx([s for _, s in theirs], rel=1e-9), d


def test_bad_input() -> None:
    y = ts.Yake()
    assert y.extract("") == []
    assert y.extract("   \n\t ") == []
    assert y.extract("!!! ... ???") == []
    assert y.extract("the of and to in") == []
    with pytest.raises(ts.TextsiftTypeError):
        y.extract(None)  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftValueError):
        ts.Yake(lan="xx-unknown")
    with pytest.raises(ts.TextsiftValueError):
        ts.Yake(n=0)
    with pytest.raises(ts.TextsiftTypeError):
        ts.Yake(stopwords="the")
    with pytest.raises(ts.TextsiftValueError):
        ts.keywords("text", method="tfidf-magic")
    big = " ".join(inspec(40) or generated(40, 5)) * 50
    assert len(y.extract(big)) == 20


def test_keywords_function_and_plots() -> None:
    text = "Google is acquiring Kaggle, a platform for data science competitions. Kaggle hosts data science."
    assert ts.keywords(text, top=3) == ts.Yake(top=3).extract(text)
    assert ts.keywords(text, method="rake", top=3) == ts.Rake(stopwords="en").extract(text, top=3)
    assert ts.keywords(text, method="textrank", top=3) == ts.TextRank(stopwords="en").extract(text, top=3)
    with pytest.raises(ts.TextsiftValueError):
        ts.keywords(text, top=-1)
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from textsift import plot

    result = ts.Keyness().compare(["great fun fun app", "fun app"], ["boring app ads ads", "ads"])
    ax = plot.keyness_bars(result, top=2, labels=("fans", "critics"))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "fun" in labels and "ads" in labels and len(labels) <= 4
    ax = plot.keyphrase_bars(ts.keywords(text, top=3), lower_is_better=True)
    assert len(ax.patches) == 3
    with pytest.raises(ts.TextsiftValueError):
        plot.keyness_bars(result, top=0)


def _best(fn, repeats: int = 3) -> float:  # type: ignore[no-untyped-def]
    import time

    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize(
    "unit", ["http://a.b/c ", "see http://x.com/a?b=1 now. ", "(x. y. ", "Dr. Smith. and e.g. ", "x@y.com "]
)
def test_time_grows_linearly(unit: str) -> None:
    """8x the text must not take anywhere near 64x the time (a ratio, not a wall time)."""
    y = ts.Yake()
    small, large = unit * (30_000 // len(unit)), unit * (240_000 // len(unit))
    ratio = _best(lambda: y.extract(large)) / max(_best(lambda: y.extract(small)), 1e-4)
    assert ratio < 30, f"{unit!r}: 8x the input took {ratio:.1f}x the time"
