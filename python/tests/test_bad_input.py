"""The bad-input matrix: every public function and method, fed what the internet sends.

Wrong types get a ``TextsiftTypeError`` (a ``TypeError``) whose message names the problem, bad
values (lone surrogates) a ``TextsiftValueError``; strange but valid text (empty, whitespace,
control characters, right-to-left, combining marks, every kind of emoji sequence) gets the same
answer as the batch call and the invariants of its kind. A Rust panic never reaches Python: it is a
``TextsiftInternalError`` asking for a bug report. Huge inputs (a 100 MB string, 10 million tiny
strings) give the right answer, and Ctrl-C stops a long batch.
"""

from __future__ import annotations

import gc
import math
import pickle
import random
import signal
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import textsift as ts
from textsift import _textsift

# -- the inputs -----------------------------------------------------------------------------------

SURROGATE = b"caf\xe9 ok".decode("utf-8", "surrogateescape")  # 'caf\udce9 ok'

WRONG_TYPES: dict[str, tuple[Any, tuple[str, ...]]] = {
    # name: (value, what the message must name: one of these)
    "none": (None, ("None", "missing")),
    "nan": (float("nan"), ("float", "NaN")),
    "bytes": (b"good", ("bytes",)),
    "int": (42, ("int",)),
    "nested_list": (["good", ["bad"]], ("list",)),
}

VALID_TEXTS: dict[str, str] = {
    "empty": "",
    "whitespace": " \t\n\r\u00a0\u2003\u3000 ",
    "control": "good\x00bad\x01\x07\x1b[31mred\x7f\x85\u200b\u2028end",
    "rtl": "مرحبا بالعالم! هذا رائع :) שלום עולם \u202eevil\u202c #חדשות @משתמש",
    "combining": "e\u0301e\u0301 n\u0303o Z\u0351\u0307\u0308a\u0324l\u0326g\u0317o\u0330 a\u20dd \u0915\u094d\u0937",
    "emoji_basic": "love it 😍😍 and 👍 ok ❤ ❤️",
    "emoji_modifier": "👍🏽 👋🏿 🧑🏻‍💻",
    "emoji_zwj": "👨‍👩‍👧‍👦 🏳️‍🌈 🧑‍🤝‍🧑 👁️‍🗨️",
    "emoji_flags": "🇺🇸🇫🇷 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🇦",
    "emoji_keycap": "1️⃣ #️⃣ *️⃣ 9⃣",
    "emoji_presentation": "☺ ☺️ ✈︎ ✈️ ©️ ™",
    "emoji_lone_parts": "\u200d\ufe0f\U0001f3fb \U000e0067 \u20e3",
    "mixed": "Dr. Kim said: I'm NOT happy... 😡!!! https://x.io/a(b) #fail @support $TSLA",
}


# -- the entry points -----------------------------------------------------------------------------


def _targets() -> ts.TargetedSentiment:
    return ts.TargetedSentiment({"app": ["app", "update"], "ads": "ads"})


# One-text entry points: name -> (call, batch counterpart or None). The batch counterpart takes a
# list and returns one result per text, which must equal the one-text call.
ONE: dict[str, tuple[Callable[[Any], Any], Callable[[list[Any]], Any] | None]] = {}


def _one(name: str, call: Callable[[Any], Any], batch: Callable[[list[Any]], Any] | None = None) -> None:
    ONE[name] = (call, batch)


for _mode in ("social", "unicode", "tweet", "treebank", "nltk"):
    _tok = ts.Tokenizer(_mode)
    _one(f"Tokenizer({_mode}).tokenize", _tok.tokenize, _tok.tokenize_batch)
    _one(
        f"Tokenizer({_mode}).tokens",
        lambda t, _tok=_tok: [(x.text, x.start, x.end, x.kind) for x in _tok.tokens(t)],
        lambda ts_, _tok=_tok: [
            [(x.text, x.start, x.end, x.kind) for x in r] for r in _tok.tokens_batch(ts_)
        ],
    )
    _one(f"Tokenizer({_mode}).spans", _tok.spans)
_one("tokenize", ts.tokenize)
_one("tokens", lambda t: [(x.text, x.start, x.end) for x in ts.tokens(t)])
_an = ts.Analyzer(normalizers=["lowercase"], stopwords="english", stem="english")
_one("Analyzer.terms", _an.terms, _an.terms_batch)
_one("Analyzer.tokens", lambda t: [(x.text, x.start, x.end) for x in _an.tokens(t)])
_ss = ts.SentenceSplitter()
_one("SentenceSplitter.split", _ss.split, _ss.split_batch)
_one("SentenceSplitter.spans", _ss.spans)
_one("sentences", ts.sentences)
for _fn in (ts.casefold, ts.lowercase, ts.nfkc, ts.strip_accents, ts.reduce_elongation, ts.split_hashtag):
    _one(_fn.__name__, _fn)
_one("classify", ts.classify)
_stemmer = ts.Stemmer("english")
_one("Stemmer.stem", _stemmer.stem, _stemmer.stem_words)
_snow = _textsift.NltkSnowball("english", False)
_one("NltkSnowball.stem", _snow.stem, _snow.stem_words)
_one("porter_stem", ts.porter_stem, ts.porter_stem_words)
_one("stem", ts.stem, lambda ws: ts.stem(ws))
_vader = ts.Vader()
_one(
    "Vader.polarity_scores",
    _vader.polarity_scores,
    lambda xs: [{k: float(v[i]) for k, v in _vader.score_batch(xs).items()} for i in range(len(xs))],
)
_one("Vader.score", _vader.score)
_one("Vader.explain", lambda t: repr(_vader.explain(t)))
_one("sentiment", ts.sentiment)
_afinn = ts.Afinn(emoticons=True)
_one("Afinn.score", _afinn.score, lambda xs: [float(x) for x in _afinn.score_batch(xs)])
_one("Afinn.scores", _afinn.scores)
_one("Afinn.find_all", _afinn.find_all)
_one("Afinn.matches", _afinn.matches)
_lex = ts.Lexicon({"good": 2.0, "not bad": 1.0, "😡": -3.0}, base="vader")
_one("Lexicon.score", _lex.score, lambda xs: [float(x) for x in _lex.score_batch(xs)])
_ts = _targets()


def _targets_one(text: str) -> dict[str, tuple[int, float | None]]:
    return {t: (r["mentions"], r["compound"]) for t, r in _ts.score(text).items()}


def _targets_batch(texts: list[str]) -> list[dict[str, tuple[int, float | None]]]:
    r = _ts.score_batch(texts)
    return [
        {
            t: (
                int(r["mentions"][i][j]),
                None if math.isnan(r["compound"][i][j]) else float(r["compound"][i][j]),
            )
            for j, t in enumerate(r["targets"])
        }
        for i in range(len(texts))
    ]


_one("TargetedSentiment.score", _targets_one, _targets_batch)
_yake = ts.Yake()
_one("Yake.extract", _yake.extract, _yake.extract_batch)
_one("Yake.sentences", ts.Yake.sentences)
_rake = ts.Rake()
_one("Rake.extract", _rake.extract, _rake.extract_batch)
_one("Rake.ranking", lambda t: _rake.ranking(t).rank_list())
_tr = ts.TextRank()
_one("TextRank.extract", _tr.extract, _tr.extract_batch)
_one("TextRank.word_scores", _tr.word_scores)
_one("TextRank.stats", _tr.stats)
_one("wordpunct_tokenize", ts.wordpunct_tokenize)
for _method in ("yake", "rake", "textrank"):
    _one(f"keywords({_method})", lambda t, m=_method: ts.keywords(t, method=m))
_tfidf = ts.TfidfVectorizer().fit(["good app", "bad ads", "app ads 😍"])
_one("TfidfVectorizer.transform", lambda t: _tfidf.transform([t]).toarray().tolist())


# Batch entry points: name -> call taking the iterable of texts.
def _keyness_compare(texts: Any) -> Any:
    return ts.Keyness().compare(texts, ["some reference text", "more of it"])


def _keyness_groups(texts: Any) -> Any:
    return ts.Keyness().one_vs_rest(texts, ["a"] * len(texts) if isinstance(texts, list) else ["a"])


BATCH: dict[str, Callable[[Any], Any]] = {
    "Tokenizer.tokenize_batch": ts.Tokenizer().tokenize_batch,
    "Tokenizer.tokens_batch": ts.Tokenizer("tweet").tokens_batch,
    "Tokenizer.count_batch": ts.Tokenizer().count_batch,
    "Tokenizer.tokenize_arrays": ts.Tokenizer().tokenize_arrays,
    "Analyzer.terms_batch": _an.terms_batch,
    "SentenceSplitter.split_batch": _ss.split_batch,
    "Stemmer.stem_words": _stemmer.stem_words,
    "NltkSnowball.stem_words": _snow.stem_words,
    "porter_stem_words": ts.porter_stem_words,
    "Vader.score_batch": _vader.score_batch,
    "Afinn.score_batch": _afinn.score_batch,
    "Lexicon.score_batch": _lex.score_batch,
    "TargetedSentiment.score_batch": _ts.score_batch,
    "Yake.extract_batch": _yake.extract_batch,
    "Rake.extract_batch": _rake.extract_batch,
    "Rake.ranking_from_sentences": _rake.ranking_from_sentences,
    "TextRank.extract_batch": _tr.extract_batch,
    "TfidfVectorizer.fit": lambda xs: ts.TfidfVectorizer().fit(xs),
    "TfidfVectorizer.fit_transform": lambda xs: ts.TfidfVectorizer().fit_transform(xs),
    "TfidfVectorizer.transform": _tfidf.transform,
    "Keyness.compare": _keyness_compare,
    "Keyness.one_vs_rest": _keyness_groups,
    "ngrams": ts.ngrams,
}


# -- one-text entry points ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(WRONG_TYPES))
@pytest.mark.parametrize("name", sorted(ONE))
def test_wrong_type_is_a_clear_type_error(name: str, kind: str) -> None:
    call, _ = ONE[name]
    value, named = WRONG_TYPES[kind]
    with pytest.raises(ts.TextsiftTypeError) as info:
        call(value)
    assert isinstance(info.value, TypeError) and isinstance(info.value, ts.TextsiftError)
    assert any(n in str(info.value) for n in named), f"{name}({kind}): {info.value}"


@pytest.mark.parametrize("name", sorted(ONE))
def test_lone_surrogate_is_a_clear_value_error(name: str) -> None:
    call, _ = ONE[name]
    with pytest.raises(ts.TextsiftValueError, match="surrogate"):
        call(SURROGATE)


def _check_invariants(name: str, text: str, result: Any) -> None:
    """What must hold of every result of its kind, whatever the text."""
    if name.endswith(".spans"):
        ends = [0]
        for start, end in result:
            assert ends[-1] <= start <= end <= len(text), (name, result)
            ends.append(end)
    if name.startswith("Tokenizer(") and name.endswith(".tokens"):
        for tok, start, end, _kind in result:
            assert 0 <= start <= end <= len(text) and tok
            if "(social)" in name or "(unicode)" in name:
                assert text[start:end] == tok
    if name in ("Vader.polarity_scores", "Vader.score", "sentiment"):
        assert all(math.isfinite(v) for v in result.values())
        assert -1.0 <= result["compound"] <= 1.0
    if name in (
        "Yake.extract",
        "Rake.extract",
        "TextRank.extract",
        "TextRank.word_scores",
    ) or name.startswith("keywords("):
        assert all(math.isfinite(score) for _, score in result)
    if name in ("Afinn.score", "Lexicon.score"):
        assert math.isfinite(result)


@pytest.mark.parametrize("kind", sorted(VALID_TEXTS))
@pytest.mark.parametrize("name", sorted(ONE))
def test_strange_valid_text_gets_the_batch_answer(name: str, kind: str) -> None:
    call, batch = ONE[name]
    text = VALID_TEXTS[kind]
    result = call(text)
    _check_invariants(name, text, result)
    if batch is not None:
        assert batch([text, "padding text", text]) == [result, batch(["padding text"])[0], result]
    # Calls leave no state behind: the same call gives the same answer.
    assert call(text) == result


def test_empty_and_blank_texts_give_empty_answers() -> None:
    for text in ("", " \t\n "):
        assert ts.tokenize(text) == [] and ts.sentences(text) == [] and ts.keywords(text) == []
        assert ts.sentiment(text) == {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        assert ts.Afinn().score(text) == 0.0 and ts.Rake().extract(text) == []
        assert ts.TextRank().extract(text) == [] and ts.Yake.sentences(text) == []


# -- batch entry points ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(WRONG_TYPES))
@pytest.mark.parametrize("name", sorted(BATCH))
def test_wrong_item_in_a_batch_names_its_index(name: str, kind: str) -> None:
    value, named = WRONG_TYPES[kind]
    with pytest.raises(ts.TextsiftTypeError) as info:
        BATCH[name](["good text", value, "more"])
    message = str(info.value)
    assert "[1]" in message, f"{name}: {message}"
    assert any(n in message for n in named), f"{name}: {message}"


@pytest.mark.parametrize("name", sorted(BATCH))
def test_lone_surrogate_in_a_batch_names_its_index(name: str) -> None:
    with pytest.raises(ts.TextsiftValueError, match=r"\[1\].*surrogate"):
        BATCH[name](["good text", SURROGATE])


@pytest.mark.parametrize("value", ["a single str", b"bytes", 42, None])
@pytest.mark.parametrize("name", sorted(BATCH))
def test_a_batch_must_be_an_iterable_of_str(name: str, value: Any) -> None:
    with pytest.raises(ts.TextsiftTypeError) as info:
        BATCH[name](value)
    assert type(value).__name__ in str(info.value) or "single str" in str(info.value), str(info.value)


NEEDS_A_CORPUS = {
    "TfidfVectorizer.fit",
    "TfidfVectorizer.fit_transform",
    "Keyness.compare",
    "Keyness.one_vs_rest",
}
EMPTY_BATCH_LENGTH_ZERO = sorted(set(BATCH) - NEEDS_A_CORPUS)


@pytest.mark.parametrize("name", EMPTY_BATCH_LENGTH_ZERO)
def test_empty_batch_gives_an_empty_result(name: str) -> None:
    result = BATCH[name]([])
    if name == "TargetedSentiment.score_batch":
        assert result["mentions"].shape == (0, 2) and result["compound"].shape == (0, 2)
    elif isinstance(result, dict):  # score_batch: a dict of arrays
        assert all(len(v) == 0 for v in result.values())
    elif hasattr(result, "shape"):
        assert result.shape[0] == 0
    elif hasattr(result, "rank_list"):
        assert result.rank_list() == []
    else:
        assert len(result) == 0


def test_empty_batch_where_a_corpus_is_needed() -> None:
    # scikit-learn raises ValueError for an empty vocabulary; so do we.
    for fit in (ts.TfidfVectorizer().fit, ts.TfidfVectorizer().fit_transform):
        with pytest.raises(ts.TextsiftValueError, match="vocabulary"):
            fit([])
    with pytest.raises(ts.TextsiftValueError):
        ts.Keyness().compare([], [])


@pytest.mark.parametrize("name", ["Vader.score_batch", "Tokenizer.count_batch", "TfidfVectorizer.transform"])
def test_missing_values_can_be_allowed(name: str) -> None:
    call = BATCH[name]
    skipped = (
        call(["good", None, float("nan"), "bad"], on_missing="skip")
        if name != "TfidfVectorizer.transform"
        else None
    )
    if skipped is not None:
        expected = call(["good", "bad"])
        if isinstance(expected, dict):
            assert {k: v.tolist() for k, v in skipped.items()} == {k: v.tolist() for k, v in expected.items()}
        else:
            assert skipped.tolist() == expected.tolist()
    with pytest.raises(ts.TextsiftValueError, match="on_missing"):
        _vader.score_batch(["x"], on_missing="ignore")


def test_nested_lists_and_generators() -> None:
    # Any iterable of str is a batch: tuples, generators, numpy object arrays.
    np = pytest.importorskip("numpy")
    texts = ["good app", "bad ads", ""]
    expected = _vader.score_batch(texts)["compound"].tolist()
    for form in (tuple(texts), (t for t in texts), np.array(texts, dtype=object)):
        assert _vader.score_batch(form)["compound"].tolist() == expected
    with pytest.raises(ts.TextsiftTypeError, match=r"texts\[0\].*list"):
        _vader.score_batch([texts])


# Large batches: those that read their texts while earlier rounds are processed (count_batch,
# the score_batch calls; a round is about 4 MB) and pipelined ones (chunks of up to 256 texts).
STREAMED: dict[str, Callable[..., Any]] = {
    "Tokenizer.tokenize_batch": lambda xs, **kw: ts.Tokenizer().tokenize_batch(xs, **kw),
    "Tokenizer.tokenize_arrays": lambda xs, **kw: ts.Tokenizer("tweet").tokenize_arrays(xs, **kw).to_lists(),
    "Analyzer.terms_batch": lambda xs, **kw: _an.terms_batch(xs, **kw),
    "SentenceSplitter.split_batch": lambda xs, **kw: _ss.split_batch(xs, **kw),
    "Tokenizer.count_batch": lambda xs, **kw: ts.Tokenizer().count_batch(xs, **kw).tolist(),
    "Vader.score_batch": lambda xs, **kw: _vader.score_batch(xs, **kw)["compound"].tolist(),
    "Afinn.score_batch": lambda xs, **kw: _afinn.score_batch(xs, **kw).tolist(),
    "Lexicon.score_batch": lambda xs, **kw: _lex.score_batch(xs, **kw).tolist(),
    # NaN (a target not mentioned) as None, so that equal answers compare equal.
    "TargetedSentiment.score_batch": lambda xs, **kw: [
        [None if math.isnan(v) else v for v in row] for row in _ts.score_batch(xs, **kw)["compound"].tolist()
    ],
}


def _many_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = ["good", "bad", "app", "love", "hate", ":)", "😍", "not", "very", "ads", "#fyp"]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(n)]


@pytest.mark.parametrize("n_threads", [1, 2])
@pytest.mark.parametrize("name", sorted(STREAMED))
def test_streamed_batches_over_many_rounds(name: str, n_threads: int) -> None:
    call = STREAMED[name]
    texts = _many_texts(150_000, seed=len(name) + n_threads)
    whole = call(texts, n_threads=n_threads)
    assert len(whole) == len(texts)
    assert [call([texts[k]])[0] for k in range(0, len(texts), 1_499)] == whole[::1_499]
    # The same answers in pieces, from a generator, and with missing values skipped or emptied.
    pieces = [x for k in range(0, len(texts), 40_001) for x in call(texts[k : k + 40_001])]
    assert pieces == whole
    assert call((t for t in texts), n_threads=n_threads) == whole
    gaps = [None if k % 9_973 == 0 else t for k, t in enumerate(texts)]
    kept = [t for t in gaps if t is not None]
    assert call(gaps, n_threads=n_threads, on_missing="skip") == call(kept)
    emptied = call(gaps, n_threads=n_threads, on_missing="empty")
    assert emptied == call(["" if t is None else t for t in gaps])


@pytest.mark.parametrize("n_threads", [1, 2])
@pytest.mark.parametrize("name", sorted(STREAMED))
def test_streamed_batch_errors_name_late_items(name: str, n_threads: int) -> None:
    call = STREAMED[name]
    texts: list[Any] = _many_texts(130_000, seed=7)
    texts[123_457] = 42
    with pytest.raises(ts.TextsiftTypeError, match=r"texts\[123457\].*int"):
        call(texts, n_threads=n_threads)
    texts[123_457] = None
    with pytest.raises(ts.TextsiftTypeError, match=r"texts\[123457\].*missing"):
        call(texts, n_threads=n_threads)

    def failing() -> Iterator[str]:
        yield from texts[:110_000]
        raise RuntimeError("the source broke late")

    with pytest.raises(RuntimeError, match="the source broke late"):
        call(failing(), n_threads=n_threads)
    # Nothing is left behind: the next batch gives its answers.
    assert call(["good", "bad"], n_threads=n_threads) == call(["good"]) + call(["bad"])


# Batches whose answers compare with ==, for the thread-count and length checks below.
COMPARABLE: dict[str, Callable[..., Any]] = {
    **STREAMED,
    "Stemmer.stem_words": lambda xs, **kw: _stemmer.stem_words(xs, **kw),
    "porter_stem_words": lambda xs, **kw: ts.porter_stem_words(xs, **kw),
    "Yake.extract_batch": lambda xs, **kw: [list(k) for k in _yake.extract_batch(xs, **kw)],
    "Rake.extract_batch": lambda xs, **kw: [list(k) for k in _rake.extract_batch(xs, **kw)],
}


@pytest.mark.parametrize("name", sorted(COMPARABLE))
def test_a_huge_thread_count_is_capped(name: str) -> None:
    # n_threads=10**6 would start a million threads and run into the system's limit (a Rust
    # panic, before the cap): textsift uses at most a few threads per core.
    call = COMPARABLE[name]
    texts = _many_texts(3_000, seed=11)
    assert call(texts, n_threads=10**6) == call(texts, n_threads=1)


class _LyingLength:
    """An iterable whose __len__ claims far more items than it yields."""

    def __init__(self, items: list[str]) -> None:
        self.items = items

    def __len__(self) -> int:
        return 2**62

    def __iter__(self) -> Iterator[str]:
        return iter(self.items)


@pytest.mark.parametrize("name", sorted(COMPARABLE))
def test_a_wrong_len_reserves_no_memory(name: str) -> None:
    # A capacity of 2**62 items would fail at once ("capacity overflow", a panic before the fix).
    call = COMPARABLE[name]
    texts = _many_texts(500, seed=12)
    assert call(_LyingLength(texts)) == call(texts)


# Word lists have no on_missing: a missing word is an error there.
@pytest.mark.parametrize("name", sorted(set(COMPARABLE) - {"Stemmer.stem_words", "porter_stem_words"}))
def test_pandas_missing_markers_are_missing(name: str) -> None:
    # A column of pandas' `string` dtype holds pd.NA where a value is missing; pd.NaT comes from
    # datetime-like columns. Both are missing values like None and NaN, not wrong types.
    pd = pytest.importorskip("pandas")
    call = COMPARABLE[name]
    texts = ["good app", "bad ads", "meh"]
    with_gaps = [texts[0], pd.NA, texts[1], pd.NaT, texts[2]]
    assert call(with_gaps, on_missing="skip") == call(texts)
    assert call(pd.Series(with_gaps[:3], dtype="string"), on_missing="empty") == call(
        [texts[0], "", texts[1]]
    )
    with pytest.raises(ts.TextsiftTypeError, match=r"texts\[1\] is missing"):
        call(with_gaps)


# -- panics ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["gil", "detached", "batch", "stream"])
def test_a_rust_panic_becomes_an_internal_error(where: str) -> None:
    with pytest.raises(ts.TextsiftInternalError) as info:
        _textsift._panic_for_tests(where)
    err = info.value
    assert isinstance(err, ts.TextsiftError) and isinstance(err, RuntimeError)
    message = str(err)
    assert f"deliberate panic for tests ({where})" in message
    assert "bug" in message and "report" in message
    # The worker pool survives: batches still work and still agree with one-text calls.
    texts = ["good", "bad", "meh"] * 100
    assert _vader.score_batch(texts, n_threads=2)["compound"].tolist() == [
        _vader.polarity_scores(t)["compound"] for t in texts
    ]


def test_panic_helper_rejects_unknown_places() -> None:
    with pytest.raises(ts.TextsiftValueError, match="where_"):
        _textsift._panic_for_tests("nowhere")


# -- huge inputs ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hundred_mb() -> str:
    text = "good " * 20_000_000
    assert len(text) == 100_000_000
    return text


@pytest.fixture(scope="module")
def ten_million() -> list[str]:
    return ["good", "bad :(", "", "x"] * 2_500_000


@pytest.mark.parametrize("piece", [".", "!?", ",", ";", "\u2026", "\u2014", "(", ". ", "!\n"])
def test_two_megabytes_of_punctuation(piece: str) -> None:
    # YAKE's word splitter once re-read its whole span for every position it tried: a span with
    # no space (2 MB of dots) took minutes. Punctuation makes no keyphrase; a text of n ". "
    # pieces is n - 1 sentences ("." alone ends none), one without spaces is one sentence.
    reps = 2_000_000 // len(piece.encode())
    text = piece * reps
    yake = ts.Yake()
    assert yake.extract(text) == []
    assert len(yake.sentences(text)) == (reps - 1 if piece[-1].isspace() else 1)


def test_100_mb_string(hundred_mb: str) -> None:
    # Each answer is known exactly: AFINN's "good" is 3; NFKC and case mapping leave ASCII as is;
    # TF-IDF sees one term; a 100 MB "word" is longer than any stemmer looks at.
    assert ts.Afinn().score(hundred_mb) == 3.0 * 20_000_000
    assert ts.nfkc(hundred_mb) == hundred_mb and ts.casefold(hundred_mb) == hundred_mb
    assert ts.Tokenizer().count_batch([hundred_mb]).tolist() == [20_000_000]
    # One long text is tokenized into shared strings: twenty million tokens, one object.
    words = ts.Tokenizer().tokenize(hundred_mb)
    assert len(words) == 20_000_000 and words[0] == "good" and words[-1] is words[0]
    del words
    m = ts.TfidfVectorizer().fit_transform([hundred_mb, "bad"])
    assert m.shape == (2, 2) and m.toarray().tolist() == [[0.0, 1.0], [1.0, 0.0]]
    word = "a" * 100_000_000
    assert ts.stem(word) == word
    scores = ts.sentiment(hundred_mb)
    assert 0.99 <= scores["compound"] <= 1.0 and scores["pos"] == 1.0


def test_ten_million_tiny_strings(ten_million: list[str]) -> None:
    np = pytest.importorskip("numpy")
    unit = ten_million[:4]
    counts = ts.Tokenizer().count_batch(ten_million)
    assert counts.shape == (10_000_000,)
    assert np.array_equal(counts, np.tile([len(ts.tokenize(t)) for t in unit], 2_500_000))
    compound = _vader.score_batch(ten_million)["compound"]
    assert compound.shape == (10_000_000,)
    assert np.array_equal(compound, np.tile([_vader.polarity_scores(t)["compound"] for t in unit], 2_500_000))
    stems = ts.porter_stem_words(ten_million)
    assert len(stems) == 10_000_000 and stems[:4] == [ts.porter_stem(t) for t in unit]
    assert stems[-4:] == stems[:4]


# -- Ctrl-C ---------------------------------------------------------------------------------------

INTERRUPTIBLE: dict[str, Callable[[list[str]], Any]] = {
    "Vader.score_batch": lambda xs: _vader.score_batch(xs, n_threads=2),
    "Tokenizer.tokenize_batch": lambda xs: ts.Tokenizer().tokenize_batch(xs, n_threads=2),
    "porter_stem_words": lambda xs: ts.porter_stem_words([x + str(i % 100_000) for i, x in enumerate(xs)]),
    "TfidfVectorizer.transform": lambda xs: _tfidf.transform(xs),
    "TfidfVectorizer(analyzer).fit": lambda xs: ts.TfidfVectorizer(analyzer=_an, n_threads=2).fit(xs),
    "TfidfVectorizer.fit": lambda xs: ts.TfidfVectorizer(n_threads=2).fit(xs),
}


@pytest.fixture
def interrupt_after() -> Iterator[Callable[[float], None]]:
    """Schedules Ctrl-C's effect: a kernel timer raises SIGALRM, whose handler is Python's Ctrl-C
    handler (``KeyboardInterrupt``). A signal is flagged by the kernel with no need for the GIL,
    as a real Ctrl-C is; a Python thread calling ``interrupt_main`` instead needs the GIL first
    and, on a loaded machine, may not get it before a batch that releases it only between rounds
    has ended. (SIGINT itself cannot be timed, and a shell starting the run in the background
    hands SIGINT down ignored.)"""
    if not hasattr(signal, "setitimer"):
        pytest.skip("needs signal.setitimer")
    previous = signal.signal(signal.SIGALRM, signal.default_int_handler)
    yield lambda seconds: signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(INTERRUPTIBLE))
def test_ctrl_c_stops_a_long_batch(
    name: str, ten_million: list[str], interrupt_after: Callable[[float], None]
) -> None:
    call = INTERRUPTIBLE[name]
    texts = [t + " day" for t in ten_million[:2_000_000]]
    # What a tenth of the batch costs, and the whole batch: the interrupt comes after about a
    # twentieth, and the call must stop well before it would have ended. (Against the whole
    # batch's time rather than ten tenths: reading and releasing two million strings costs a
    # fixed few tens of milliseconds that a fast call's tenth does not cover on a loaded machine.)
    call(texts[:10])  # one-time costs (imports, thread pools) out of the timings
    # No garbage collection while timing: a full collection among the objects earlier tests left
    # can take seconds, and a tenth timed with one in it scheduled the interrupt after the whole
    # batch had ended. Nor while the signal is pending: a collection that runs a finalizer lets
    # CPython raise the KeyboardInterrupt inside the finalizer, where it is printed and dropped,
    # whatever the library does.
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        call(texts[:200_000])
        tenth = time.perf_counter() - t0
        t0 = time.perf_counter()
        call(texts)
        whole = time.perf_counter() - t0
        # A tenth timed in a slow moment must not push the interrupt past the batch either.
        interrupt_after(min(tenth, whole / 10) / 2)
        t0 = time.perf_counter()
        with pytest.raises(KeyboardInterrupt):
            call(texts)
            # Reached only if the batch ran to the end before the interrupt was seen.
            time.sleep(5)
        stopped_after = time.perf_counter() - t0
    finally:
        gc.enable()
    assert stopped_after < 0.5 * whole, (
        f"stopped after {stopped_after:.2f}s; the whole batch takes {whole:.2f}s"
    )
    # The interpreter and the worker pool are fine afterwards.
    assert call(["good day", "bad day"]) is not None
    assert _vader.score_batch(["good", "bad"])["compound"].tolist() == [
        _vader.polarity_scores("good")["compound"],
        _vader.polarity_scores("bad")["compound"],
    ]


def test_pickled_objects_survive_bad_input() -> None:
    # A configured object that raised on bad input is unchanged and still pickles to an equal one.
    tok = ts.Tokenizer("tweet", reduce_len=True)
    with pytest.raises(ts.TextsiftTypeError):
        tok.tokenize(None)  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(tok)) == tok


def _iter_items() -> Iterator[str]:
    yield "good"
    raise RuntimeError("the source broke")


def test_an_iterable_that_fails_passes_its_error_through() -> None:
    with pytest.raises(RuntimeError, match="the source broke"):
        _vader.score_batch(_iter_items())
