"""RAKE parity against rake-nltk 1.0.6: the same ranked phrases, in the same order (ties
included), with the same float scores, and the same word degrees and frequencies.

rake-nltk cannot download NLTK data here, so the reference is built as
``rake_nltk.Rake(stopwords=<NLTK's English list from textsift>, sentence_tokenizer=textsift.sentences)``:
the stopwords are the list rake-nltk would load, and both sides split sentences with textsift's
splitter (rake-nltk's default, Punkt, needs a download). Nothing else is replaced: the reference
tokenizes words with NLTK's own ``wordpunct_tokenize`` and lower-cases with ``str.lower()``, and
its punctuation set is its default ``string.punctuation``.

Corpora: the bundled sample (each post, and all posts as one document), the Inspec abstracts
when ``shared/data/keywords/Inspec`` is present, and generated documents that stress the
tokenizer (punctuation runs, marks, digits, underscores, odd whitespace, case mappings), ties
and repeats.
"""

from __future__ import annotations

import math
import pickle
import random
import string
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

import textsift as ts
from textgen import CONTRACTIONS, FOREIGN, NUMBERS, WORDS, random_texts
from textsift.compat.rake_nltk import Metric as CompatMetric
from textsift.compat.rake_nltk import Rake as CompatRake

rake_nltk = pytest.importorskip("rake_nltk")
nltk_tokenize = pytest.importorskip("nltk.tokenize")

STOPWORDS = set(ts.stopwords("en"))
INSPEC = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "keywords" / "Inspec" / "docsutf8"

_STOP_LIST = sorted(STOPWORDS)
_CONTENT = (
    WORDS
    + FOREIGN
    + CONTRACTIONS
    + NUMBERS
    + [
        "keyword",
        "extraction",
        "graph",
        "linear",
        "systems",
        "neural",
        "network",
        "e\u0301te\u0301",
        "snake_case",
        "x2",
        "İSTANBUL",
        "ΣΟΦΙΑΣ",
        "Ǆ",
        "ﬁ",
        "ß",
    ]
)
_PUNCT = [
    ",",
    ".",
    "!",
    "?",
    "?!",
    "),",
    "(",
    "--",
    "...",
    "'",
    '"',
    ";",
    ":",
    "—",
    "…",
    "«",
    "»",
    "#",
    "@",
    "-",
]
_SPACES = [" ", " ", " ", " ", "  ", "\n", "\t", "\u00a0", "\x1c", "\u3000", "\u2028", ""]


def _document(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 60)):
        r = rng.random()
        if r < 0.35:
            piece = rng.choice(_STOP_LIST)
        elif r < 0.8:
            piece = rng.choice(_CONTENT)
        else:
            piece = rng.choice(_PUNCT)
        if rng.random() < 0.1:
            piece = piece.upper()
        elif rng.random() < 0.15:
            piece = piece.capitalize()
        parts.append(piece + rng.choice(_SPACES))
    return "".join(parts)


def generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [_document(rng) for _ in range(n)]


def sample_texts() -> list[str]:
    return [row["text"] for row in ts.load_sample()]


def inspec_texts() -> list[str]:
    if not INSPEC.is_dir():
        pytest.skip(f"Inspec abstracts not found at {INSPEC}")
    return [p.read_text(encoding="utf-8") for p in sorted(INSPEC.glob("*.txt"))]


def reference(**kwargs: Any) -> Any:
    kwargs.setdefault("sentence_tokenizer", ts.sentences)
    return rake_nltk.Rake(stopwords=STOPWORDS, **kwargs)


def _ref_result(
    ref: Any, text: str
) -> tuple[list[tuple[float, str]], list[tuple[str, int]], list[tuple[str, int]]]:
    ref.extract_keywords_from_text(text)
    freq = list(ref.get_word_frequency_distribution().items())
    degrees = dict(ref.get_word_degrees())
    return ref.get_ranked_phrases_with_scores(), freq, [(w, degrees[w]) for w, _ in freq]


def _compare(ours: ts.Rake, ref: Any, texts: list[str]) -> int:
    bad = []
    for text in texts:
        ranking = ours.ranking(text)
        got = (ranking.rank_list(), ranking.frequencies(), ranking.degrees())
        want = _ref_result(ref, text)
        assert ranking.ranked_phrases() == [p for _, p in want[0]]
        assert len(ranking) == len(want[0])
        if got != want:
            bad.append((text, got[0][:5], want[0][:5]))
        # extract() is the ranking without repeats.
        distinct = list(dict.fromkeys(p for _, p in want[0]))
        scores = dict((p, s) for s, p in want[0])
        if ours.extract(text, top=None) != [(p, scores[p]) for p in distinct]:
            bad.append((text, "extract", None))
    assert not bad, f"{len(bad)} of {len(texts)} differ, e.g. {bad[:2]}"
    return len(texts)


def test_sample_corpus() -> None:
    texts = sample_texts()
    assert len(texts) >= 500
    _compare(ts.Rake(), reference(), texts + ["\n".join(texts), " ".join(texts)])


def test_inspec_abstracts() -> None:
    texts = inspec_texts()
    assert _compare(ts.Rake(), reference(), texts) == 2000


def test_generated_documents() -> None:
    _compare(ts.Rake(), reference(), generated(3000, seed=1) + random_texts(1000, seed=2))


@pytest.mark.parametrize("metric", ["DEGREE_TO_FREQUENCY_RATIO", "WORD_DEGREE", "WORD_FREQUENCY"])
@pytest.mark.parametrize(
    ("min_length", "max_length", "repeats"),
    [(1, 100000, True), (1, 100000, False), (2, 3, True), (1, 1, False), (3, 2, True)],
)
def test_options(metric: str, min_length: int, max_length: int, repeats: bool) -> None:
    ref = reference(
        ranking_metric=rake_nltk.Metric[metric],
        min_length=min_length,
        max_length=max_length,
        include_repeated_phrases=repeats,
    )
    ours = ts.Rake(
        metric=metric, min_length=min_length, max_length=max_length, include_repeated_phrases=repeats
    )
    seed = len(metric) * 1000 + min_length * 100 + max_length % 97 + repeats
    _compare(ours, ref, generated(300, seed=seed))


def test_custom_punctuation_and_stopwords() -> None:
    # Multi-character entries, and stopwords that are not lower-case (never matched, as in rake-nltk).
    punct = {"--", "),", "...", "?!", ",", "."}
    stop = {"the", "and", "The", "graph", "of"}
    ref = rake_nltk.Rake(stopwords=stop, punctuations=punct, sentence_tokenizer=ts.sentences)
    _compare(ts.Rake(stopwords=stop, punctuations=punct), ref, generated(1000, seed=7))


def test_whole_text_as_one_sentence() -> None:
    ref = reference(sentence_tokenizer=lambda text: [text])
    _compare(ts.Rake(sentences="whole"), ref, generated(500, seed=8) + sample_texts()[:200])


def test_wordpunct_matches_nltk() -> None:
    texts = generated(2000, seed=3) + random_texts(2000, seed=4) + sample_texts()
    bad = [t for t in texts if ts.wordpunct_tokenize(t) != nltk_tokenize.wordpunct_tokenize(t)]
    assert not bad, bad[:3]


def test_wordpunct_character_classes() -> None:
    # Every code point the interpreter's Unicode tables assign, between two letters: a word
    # character joins them, a space splits them, anything else is a token of its own. (NLTK's
    # `regex` module may know newer characters than those tables; they are left out.)
    chars = [chr(cp) for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) not in ("Cn", "Cs")]
    assert len(chars) > 140_000
    text = " ".join(f"x{c}x" for c in chars)
    assert ts.wordpunct_tokenize(text) == nltk_tokenize.wordpunct_tokenize(text)


def test_min_frequency() -> None:
    text = "Solar power plants. Wind farms and solar power plants. Wind farms, grid storage."
    assert ts.Rake(min_frequency=2).extract(text, top=None) == [
        ("solar power plants", 9.0),
        ("wind farms", 4.0),
    ]
    # Word statistics, and so scores, are those of the full ranking.
    assert ts.Rake().extract(text, top=None)[:2] == [("solar power plants", 9.0), ("wind farms", 4.0)]


# The compat layer.


def _compat_result(r: Any) -> tuple[Any, ...]:
    return (
        r.get_ranked_phrases(),
        r.get_ranked_phrases_with_scores(),
        list(r.get_word_frequency_distribution().items()),
        list(r.get_word_degrees().items()),
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"ranking_metric": "WORD_DEGREE"},
        {"ranking_metric": "WORD_FREQUENCY", "include_repeated_phrases": False},
        {"min_length": 2, "max_length": 4},
        {"punctuations": {"--", "),", "."}},
        {"stopwords": {"the", "a", "of"}},
        {"min_length": -3, "max_length": -1},
    ],
    ids=str,
)
def test_compat_matches_rake_nltk(kwargs: dict[str, Any]) -> None:
    metric = kwargs.pop("ranking_metric", None)
    ref_kwargs = dict(kwargs)
    ours_kwargs = dict(kwargs)
    if metric is not None:
        ref_kwargs["ranking_metric"] = rake_nltk.Metric[metric]
        ours_kwargs["ranking_metric"] = CompatMetric[metric]
    ref_kwargs.setdefault("stopwords", STOPWORDS)
    ref = rake_nltk.Rake(sentence_tokenizer=ts.sentences, **ref_kwargs)
    ours = CompatRake(**ours_kwargs)
    bad = []
    for text in generated(400, seed=11) + sample_texts()[:100]:
        ref.extract_keywords_from_text(text)
        ours.extract_keywords_from_text(text)
        if _compat_result(ours) != _compat_result(ref):
            bad.append(text)
    assert not bad, f"{len(bad)} differ, e.g. {bad[:2]}"


def test_compat_sentences_and_custom_tokenizers() -> None:
    sentences = ["Red apples, are good in flavour", "Red apples?! and apples", "", "  "]
    for word_tokenizer in (None, str.split, lambda s: s.replace(",", " , ").split()):
        ref = rake_nltk.Rake(stopwords=STOPWORDS, word_tokenizer=word_tokenizer)
        ours = CompatRake(word_tokenizer=word_tokenizer)
        ref.extract_keywords_from_sentences(sentences)
        ours.extract_keywords_from_sentences(sentences)
        assert _compat_result(ours) == _compat_result(ref)
    # A user-supplied sentence tokenizer is called as rake-nltk calls it.
    calls: list[str] = []

    def splitter(text: str) -> list[str]:
        calls.append(text)
        return text.split(";")

    ref = rake_nltk.Rake(stopwords=STOPWORDS, sentence_tokenizer=splitter)
    ours = CompatRake(sentence_tokenizer=splitter)
    for text in generated(200, seed=12):
        ref.extract_keywords_from_text(text)
        ours.extract_keywords_from_text(text)
        assert _compat_result(ours) == _compat_result(ref)
    assert len(calls) == 400


def test_compat_getters_before_extraction_raise_like_rake_nltk() -> None:
    for r in (CompatRake(), reference()):
        for getter in ("get_ranked_phrases", "get_ranked_phrases_with_scores", "get_word_degrees"):
            with pytest.raises(AttributeError):
                getattr(r, getter)()
        with pytest.raises(AttributeError):
            r.get_word_frequency_distribution()


def test_compat_accepts_rake_nltk_metric_and_defaults() -> None:
    r = CompatRake(ranking_metric=rake_nltk.Metric.WORD_DEGREE)
    assert r.metric is CompatMetric.WORD_DEGREE
    assert CompatRake(ranking_metric="nonsense").metric is CompatMetric.DEGREE_TO_FREQUENCY_RATIO  # type: ignore[arg-type]
    # Empty collections mean the defaults, as in rake-nltk.
    r = CompatRake(stopwords=set(), punctuations=set())
    assert r.stopwords == STOPWORDS and r.punctuations == set(string.punctuation)
    assert r.to_ignore == STOPWORDS | set(string.punctuation)
    r.extract_keywords_from_text("")
    assert r.get_ranked_phrases() == [] and r.get_word_degrees() == {}
    assert isinstance(r.get_word_frequency_distribution(), Counter)
    assert isinstance(r.get_word_degrees(), defaultdict)


def test_compat_attribute_changes_take_effect() -> None:
    text = "Solar power plants store energy. Wind farms need grid storage."
    ours, ref = CompatRake(), reference()
    for r in (ours, ref):
        r.max_length = 2
        r.metric = type(r.metric).WORD_DEGREE
        r.extract_keywords_from_text(text)
    assert _compat_result(ours) == _compat_result(ref)
    assert "solar power plants" not in ours.get_ranked_phrases()


def test_compat_sees_an_in_place_edit_of_to_ignore_that_keeps_its_size() -> None:
    # Discard one word, add another: same set object, same size, different stopwords.
    text = "Solar power plants store energy. Wind farms need grid storage and solar power."
    ours, ref = CompatRake(), reference()
    for r in (ours, ref):
        r.extract_keywords_from_text(text)
        r.to_ignore.discard("and")
        r.to_ignore.add("solar")
        r.extract_keywords_from_text(text)
    assert ours.get_ranked_phrases() == [
        "wind farms need grid storage and",
        "power plants store energy",
        "power",
    ]
    assert _compat_result(ours) == _compat_result(ref)


@pytest.mark.parametrize(
    ("min_length", "max_length"),
    [
        (1.5, 100000),
        (2.0, 3.5),
        (1, math.inf),
        (-math.inf, math.inf),
        (0.5, 1.0),
        (1, 0.5),
        (math.inf, math.inf),
        (3, 2),
        (math.nan, 3),
        (1, math.nan),
        (-2.5, 2**70),
    ],
    ids=str,
)
def test_compat_fractional_and_infinite_lengths(min_length: float, max_length: float) -> None:
    # rake-nltk compares min_length <= len(phrase) <= max_length as Python does.
    ref = reference(min_length=min_length, max_length=max_length)
    ours = CompatRake(min_length=min_length, max_length=max_length)  # type: ignore[arg-type]
    for text in generated(100, seed=13):
        ref.extract_keywords_from_text(text)
        ours.extract_keywords_from_text(text)
        assert _compat_result(ours) == _compat_result(ref), text


# textsift.Rake: arguments, pickling, batches.


def test_rake_arguments() -> None:
    assert ts.Rake("english").stopwords == ts.stopwords("en")
    assert ts.Rake("de").stopwords == ts.stopwords("german")
    assert ts.Rake(["x", "y"]).stopwords == {"x", "y"}
    assert ts.Rake(metric=rake_nltk.Metric.WORD_FREQUENCY).metric == "WORD_FREQUENCY"
    assert ts.Rake(metric="word_degree").metric == "WORD_DEGREE"
    with pytest.raises(ts.TextsiftValueError, match="no nltk stopword list"):
        ts.Rake("klingon")
    with pytest.raises(ts.TextsiftValueError, match="metric"):
        ts.Rake(metric="tfidf")
    with pytest.raises(ts.TextsiftValueError, match="min_frequency"):
        ts.Rake(min_frequency=0)
    with pytest.raises(ts.TextsiftValueError, match="max_length"):
        ts.Rake(max_length=-1)
    with pytest.raises(ts.TextsiftValueError, match="sentences"):
        ts.Rake(sentences="paragraphs")
    with pytest.raises(ts.TextsiftTypeError):
        ts.Rake(stopwords=[1, 2])  # type: ignore[list-item]
    with pytest.raises(ts.TextsiftTypeError):
        ts.Rake(metric=3)
    with pytest.raises(ts.TextsiftTypeError):
        ts.Rake().extract(None)  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftTypeError):
        ts.Rake().extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftValueError, match="top"):
        ts.Rake().extract("text", top=-1)
    assert ts.Rake().extract("", top=10) == []
    assert ts.Rake().extract("the of and , .", top=10) == []
    assert ts.Rake().extract("one two. three", top=0) == []


def test_rake_pickle_and_repr() -> None:
    r = ts.Rake(["x", "y"], punctuations=["--"], metric="WORD_DEGREE", max_length=3, min_frequency=2)
    back = pickle.loads(pickle.dumps(r))
    assert repr(back) == repr(r)
    assert (back.stopwords, back.punctuations, back.metric, back.max_length, back.min_frequency) == (
        {"x", "y"},
        {"--"},
        "WORD_DEGREE",
        3,
        2,
    )
    text = "alpha beta -- alpha beta x gamma. alpha beta"
    assert back.extract(text) == r.extract(text)
    assert "WORD_DEGREE" in repr(r)


def test_rake_batch() -> None:
    texts = sample_texts()[:300] + generated(300, seed=5)
    rake = ts.Rake()
    one = [rake.extract(t, top=5) for t in texts]
    assert rake.extract_batch(texts, top=5) == one
    assert rake.extract_batch(texts, top=5, n_threads=1) == one
    assert rake.extract_batch(tuple(texts), top=5, n_threads=3) == one
    with pytest.raises(ts.TextsiftTypeError, match=r"texts\[1\]"):
        rake.extract_batch(["a", None])
    assert rake.extract_batch(["solar power", None], on_missing="empty") == [[("solar power", 4.0)], []]
    assert rake.extract_batch(["solar power", None], on_missing="skip") == [[("solar power", 4.0)]]
    with pytest.raises(ts.TextsiftTypeError):
        rake.extract_batch("not a list")
