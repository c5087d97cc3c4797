"""Invariants that hold for any text (hypothesis), and time that grows linearly with the input.

For every text: offsets are valid Python indices in order; a batch has one result per input, in
order, equal to the one-text call, for 1 and N threads; configured objects pickle to equal ones;
scores are finite and ``compound`` is in [-1, 1]; a call leaves no state behind for the next.
"""

from __future__ import annotations

import math
import pickle
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textsift as ts

PIECES = [
    "don't",
    "#HashTag",
    "@user_1",
    "$TSLA",
    "https://x.io/a(b)c",
    "me@ex.com",
    ":-)",
    "<3",
    "&amp;",
    "👨‍👩‍👧",
    "👍🏽",
    "🇺🇸",
    "1️⃣",
    "e\u0301",
    "\u200d",
    "\ufe0f",
    "مرحبا",
    "\u202e",
    "...",
    "!!!",
    "soooooo",
    "NOT",
    "good",
    "bad",
    "very",
    "but",
    "Dr.",
    "3.14",
    "\n",
    " ",
    "\t",
    "\x00",
    "İ",
    "ß",
    "ﬁ",
]

# Any Unicode text but lone surrogates (a clear ValueError, tested in test_bad_input.py).
ANY_CHAR = st.characters(exclude_categories=("Cs",))
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=60),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(ANY_CHAR, max_size=4)), max_size=25).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
)
TEXTS = st.lists(TEXT, max_size=12)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MODES = ["social", "unicode", "tweet", "treebank", "nltk"]
TOKENIZERS = {m: ts.Tokenizer(m) for m in MODES}
VADER = ts.Vader()
VADER_CORRECTED = ts.Vader(mode="corrected")


@SETTINGS
@given(TEXT)
def test_offsets_are_valid_ordered_python_indices(text: str) -> None:
    for mode, tok in TOKENIZERS.items():
        end = 0
        tokens = tok.tokens(text)
        for t in tokens:
            assert end <= t.start <= t.end <= len(text), (mode, t)
            assert t.text
            if mode in ("social", "unicode"):
                assert text[t.start : t.end] == t.text
            end = t.end
        assert tok.spans(text) == [(t.start, t.end) for t in tokens]
        assert tok.tokenize(text) == [t.text for t in tokens]
    end = 0
    for start, stop in ts.SentenceSplitter().spans(text):
        assert end <= start < stop <= len(text)
        end = stop
    assert ts.sentences(text) == [text[s:e] for s, e in ts.SentenceSplitter().spans(text)]


def _check_scores(scores: dict[str, float]) -> None:
    assert all(math.isfinite(v) for v in scores.values())
    assert -1.0 <= scores["compound"] <= 1.0
    assert all(0.0 <= scores[k] <= 1.0 for k in ("neg", "neu", "pos"))


@SETTINGS
@given(TEXT)
def test_scores_are_finite_and_compound_bounded(text: str) -> None:
    for v in (VADER, VADER_CORRECTED):
        _check_scores(v.polarity_scores(text))
    assert math.isfinite(ts.Afinn(emoticons=True).score(text))
    for _, score in ts.Yake().extract(text) + ts.Rake().extract(text, top=None) + ts.TextRank().extract(text):
        assert math.isfinite(score)


# Batch call -> one-text call, for the same configured object.
def _vader_rows(texts: list[str], n: int) -> list[dict[str, float]]:
    b = VADER.score_batch(texts, n_threads=n)
    return [{k: float(b[k][i]) for k in ("neg", "neu", "pos", "compound")} for i in range(len(texts))]


def _array_tokens(a: ts.TokenArrays) -> list[list[tuple[str, int, int, str]]]:
    """Each text's tokens rebuilt from the arrays: text from the vocabulary, span, kind."""
    ids, starts, ends, kinds = a.ids.tolist(), a.starts.tolist(), a.ends.tolist(), a.kinds.tolist()
    bounds = a.indptr.tolist()
    return [
        [(a.vocab[ids[k]], starts[k], ends[k], ts.TOKEN_KINDS[kinds[k]]) for k in range(lo, hi)]
        for lo, hi in zip(bounds, bounds[1:])
    ]


_AFINN = ts.Afinn()
_ANALYZER = ts.Analyzer(normalizers=["lowercase"], stopwords="english", stem="english")
_YAKE, _RAKE, _TR = ts.Yake(), ts.Rake(), ts.TextRank()
_STEMMER = ts.Stemmer("english")

BATCHES: dict[str, tuple[Callable[[list[str], int], list[Any]], Callable[[str], Any]]] = {
    **{
        f"tokenize_batch({m})": (
            lambda xs, n, t=t: t.tokenize_batch(xs, n_threads=n),
            t.tokenize,
        )
        for m, t in TOKENIZERS.items()
    },
    "tokens_batch": (
        lambda xs, n: [
            [(t.text, t.start, t.end) for t in r] for r in TOKENIZERS["tweet"].tokens_batch(xs, n_threads=n)
        ],
        lambda x: [(t.text, t.start, t.end) for t in TOKENIZERS["tweet"].tokens(x)],
    ),
    **{
        f"tokenize_arrays({m})": (
            lambda xs, n, t=t: _array_tokens(t.tokenize_arrays(xs, n_threads=n)),
            lambda x, t=t: [(k.text, k.start, k.end, k.kind) for k in t.tokens(x)],
        )
        for m, t in TOKENIZERS.items()
    },
    "count_batch": (
        lambda xs, n: TOKENIZERS["social"].count_batch(xs, n_threads=n).tolist(),
        lambda x: len(TOKENIZERS["social"].tokenize(x)),
    ),
    "terms_batch": (lambda xs, n: _ANALYZER.terms_batch(xs, n_threads=n), _ANALYZER.terms),
    "split_batch": (lambda xs, n: ts.SentenceSplitter().split_batch(xs, n_threads=n), ts.sentences),
    "score_batch(vader)": (_vader_rows, VADER.polarity_scores),
    "score_batch(afinn)": (lambda xs, n: _AFINN.score_batch(xs, n_threads=n).tolist(), _AFINN.score),
    "extract_batch(yake)": (lambda xs, n: _YAKE.extract_batch(xs, n_threads=n), _YAKE.extract),
    "extract_batch(rake)": (lambda xs, n: _RAKE.extract_batch(xs, n_threads=n), _RAKE.extract),
    "extract_batch(textrank)": (lambda xs, n: _TR.extract_batch(xs, n_threads=n), _TR.extract),
    "stem_words": (lambda xs, n: _STEMMER.stem_words(xs, n_threads=n), _STEMMER.stem),
    "porter_stem_words": (lambda xs, n: ts.porter_stem_words(xs, n_threads=n), ts.porter_stem),
}


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_batch_equals_one_text_calls_for_any_threads(name: str) -> None:
    batch, one = BATCHES[name]

    @SETTINGS
    @given(TEXTS)
    def check(texts: list[str]) -> None:
        expected = [one(t) for t in texts]
        assert batch(texts, 1) == expected
        assert batch(texts, 4) == expected
        # Long batches are split into rounds and chunks: order survives that too.
        many = texts * 40
        assert batch(many, 3) == expected * 40

    check()


def _same(a: Any, b: Any, texts: list[str], calls: list[str]) -> None:
    assert repr(a) == repr(b)
    for call in calls:
        for t in texts:
            assert getattr(a, call)(t) == getattr(b, call)(t)


@SETTINGS
@given(TEXTS)
def test_pickling_round_trips_to_equal_objects(texts: list[str]) -> None:
    for obj in [*TOKENIZERS.values(), ts.Tokenizer("tweet", reduce_len=True, strip_handles=True), _ANALYZER]:
        clone = pickle.loads(pickle.dumps(obj))
        assert clone == obj
        for t in texts:
            assert clone.tokenize(t) == obj.tokenize(t) if hasattr(obj, "tokenize") else True
    ss = ts.SentenceSplitter(["approx"])
    assert pickle.loads(pickle.dumps(ss)) == ss
    assert pickle.loads(pickle.dumps(_STEMMER)) == _STEMMER
    _same(pickle.loads(pickle.dumps(VADER_CORRECTED)), VADER_CORRECTED, texts, ["polarity_scores"])
    _same(pickle.loads(pickle.dumps(_YAKE)), _YAKE, texts, ["extract"])
    _same(pickle.loads(pickle.dumps(_RAKE)), _RAKE, texts, ["extract"])
    _same(pickle.loads(pickle.dumps(_TR)), _TR, texts, ["extract"])
    fitted = ts.TfidfVectorizer().fit(["good app", "bad ads"] + texts)
    clone = pickle.loads(pickle.dumps(fitted))
    assert clone.vocabulary_ == fitted.vocabulary_
    assert (
        clone.transform(texts or [""]).toarray().tolist()
        == fitted.transform(texts or [""]).toarray().tolist()
    )
    k = ts.Keyness("log_likelihood")
    groups_a, groups_b = ["good app"] + texts, ["bad ads"] + texts
    assert pickle.loads(pickle.dumps(k)).compare(groups_a, groups_b) == k.compare(groups_a, groups_b)
    result = k.compare(groups_a, groups_b)
    assert pickle.loads(pickle.dumps(result)) == result


@SETTINGS
@given(TEXTS, TEXTS)
def test_no_state_leaks_between_calls(first: list[str], second: list[str]) -> None:
    # An object used on other texts first answers exactly as a fresh one.
    used, fresh = ts.Vader(), ts.Vader()
    for t in first:
        used.polarity_scores(t)
    assert [used.polarity_scores(t) for t in second] == [fresh.polarity_scores(t) for t in second]
    # NLTK's Arabic stemmer object carries state from word to word by design: stem_words starts
    # each call from the object's state, so calling it twice gives the same answer.
    snow = ts.Stemmer("arabic", algorithm="nltk")
    assert snow.stem_words(second) == snow.stem_words(second)
    v1 = ts.TfidfVectorizer()
    with_first = ["xx yy"] + first
    v1.fit(with_first)
    v1.fit(["aa bb"] + second)
    v2 = ts.TfidfVectorizer().fit(["aa bb"] + second)
    assert v1.vocabulary_ == v2.vocabulary_ and v1.idf_.tolist() == v2.idf_.tolist()


# -- time linear in input size ---------------------------------------------------------------------
# YAKE, TextRank, the tokenizers and VADER on a long document already have doubling tests
# (test_parity_yake.py, test_textrank.py, test_tokenizer_api.py, test_parity_vader.py); these
# cover the rest. Ratios of the best of three runs, never wall times.

UNIT = "Dr. Kim said the new app update is NOT good... 😡 #fail @support but ads are sooo bad! "


def _best_of_3(fn: Callable[[], Any]) -> float:
    best = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


LINEAR: dict[str, Callable[[int], Callable[[], Any]]] = {
    "vader": lambda n: lambda: VADER.polarity_scores(UNIT * n),
    "vader_batch": lambda n: lambda: VADER.score_batch([UNIT] * (20 * n), n_threads=1),
    "afinn": lambda n: lambda: _AFINN.score(UNIT * n),
    "rake": lambda n: lambda: _RAKE.extract(UNIT * n),
    "sentences": lambda n: lambda: ts.sentences(UNIT * n),
    "normalisers": lambda n: lambda: (ts.nfkc(UNIT * n), ts.casefold(UNIT * n), ts.strip_accents(UNIT * n)),
    "stem_words": lambda n: (
        lambda: ts.Stemmer("english").stem_words([f"running{i}" for i in range(200 * n)], n_threads=1)
    ),
    "tfidf": lambda n: (
        lambda: ts.TfidfVectorizer(n_threads=1).fit_transform([UNIT + str(i) for i in range(20 * n)])
    ),
    "keyness": lambda n: (
        lambda: ts.Keyness(n_threads=1).compare(
            [UNIT + str(i) for i in range(20 * n)], ["other words " + str(i) for i in range(20 * n)]
        )
    ),
    "targets": lambda n: lambda: ts.TargetedSentiment({"app": "app"}).score(UNIT * n),
}


@pytest.mark.parametrize("name", sorted(LINEAR))
def test_time_grows_linearly_with_input(name: str) -> None:
    make = LINEAR[name]
    small, large = make(100), make(800)
    small()  # warm up (lazy tables, thread pools)
    ratio = _best_of_3(large) / max(_best_of_3(small), 1e-4)
    # 8x the input: linear gives about 8x, quadratic 64x. Generous for a shared machine.
    assert ratio < 30, f"{name}: 8x the input took {ratio:.1f}x the time"
