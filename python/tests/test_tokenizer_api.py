"""The Python API: offsets, kinds, batches, threads, pickling, normalisers and sentences."""

from __future__ import annotations

import copy
import pickle
import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textsift as ts
from textgen import random_texts

MODES = ["social", "unicode", "tweet", "treebank", "nltk"]
TEXTS = random_texts(600, seed=99) + [row["text"] for row in ts.load_sample()]


def test_social_kinds_and_offsets() -> None:
    text = "Loving it 👨‍👩‍👧 #TikTok @tt_fan $META https://x.io/a me@ex.com :-) 1,000 don't"
    toks = ts.tokens(text)
    assert [(t.text, t.kind) for t in toks] == [
        ("Loving", "word"),
        ("it", "word"),
        ("👨‍👩‍👧", "emoji"),
        ("#TikTok", "hashtag"),
        ("@tt_fan", "mention"),
        ("$META", "cashtag"),
        ("https://x.io/a", "url"),
        ("me@ex.com", "email"),
        (":-)", "emoticon"),
        ("1,000", "number"),
        ("don't", "word"),
    ]
    for t in toks:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("mode", MODES)
def test_offsets_are_python_indices(mode: str) -> None:
    tok = ts.Tokenizer(mode)
    for text in TEXTS:
        prev = 0
        for t in tok.tokens(text):
            assert 0 <= prev <= t.start <= t.end <= len(text)
            if mode in ("social", "unicode"):
                assert text[t.start : t.end] == t.text
            prev = t.end
        assert tok.spans(text) == [(t.start, t.end) for t in tok.tokens(text)]


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_hypothesis_spans_and_gaps(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        with pytest.raises(ts.TextsiftValueError):
            ts.tokens(text)
        return
    for mode in ("social", "unicode"):
        at = 0
        for t in ts.Tokenizer(mode).tokens(text):
            assert text[t.start : t.end] == t.text
            assert all(c.isspace() or c in "\u200b\u2060\ufeff" for c in text[at : t.start])
            at = t.end
        assert all(c.isspace() or c in "\u200b\u2060\ufeff" for c in text[at:])
    for mode in ("tweet", "treebank", "nltk"):
        prev = 0
        for t in ts.Tokenizer(mode).tokens(text):
            assert prev <= t.start <= t.end <= len(text)
            prev = t.end


@pytest.mark.parametrize("mode", MODES)
def test_batch_equals_single_calls_for_any_thread_count(mode: str) -> None:
    tok = ts.Tokenizer(mode)
    expected = [tok.tokenize(t) for t in TEXTS]
    for n in (1, 2, 3, None):
        assert tok.tokenize_batch(TEXTS, n_threads=n) == expected
    assert tok.tokens_batch(TEXTS[:50], n_threads=2) == [tok.tokens(t) for t in TEXTS[:50]]


@pytest.mark.parametrize("mode", MODES)
def test_long_texts_give_the_tokens_of_the_token_objects(mode: str) -> None:
    # Texts longer than 64 KB are tokenized without the GIL into distinct token texts and ids;
    # the token objects come from the other path. Generated edge cases and sample posts, joined
    # to sizes on both sides of the threshold, with options that rewrite tokens.
    options = {"tweet": {"preserve_case": False, "reduce_len": True}}.get(mode, {})
    tok = ts.Tokenizer(mode, **options)
    pieces = TEXTS + [row["text"] for row in ts.load_sample()]
    for size, seed in ((60_000, 1), (70_000, 2), (400_000, 3)):
        rng = random.Random(seed)
        text = ""
        while len(text.encode("utf-8")) < size:
            text += rng.choice(pieces) + rng.choice([" ", "\n", ". ", "\t"])
        words = tok.tokenize(text)
        assert words == [t.text for t in tok.tokens(text)]
        assert words == tok.tokenize_batch([text])[0]


def test_one_text_calls_share_the_strings_of_recent_words() -> None:
    # Short token texts come from a table of recent strings that every tokenizer and analyzer
    # share: equal words are one object, within a call and across calls. The table never changes
    # a result: other words take slots over, and a call that finds it busy makes new strings.
    tok = ts.Tokenizer("social")
    first = tok.tokenize("the cat and the hat")
    assert first == ["the", "cat", "and", "the", "hat"]
    assert first[0] is first[3]
    assert ts.Analyzer("social").terms("THE the") == ["THE", "the"]
    assert ts.Analyzer("social").terms("THE the")[1] is first[0]
    expected = [[t.text for t in tok.tokens(x)] for x in TEXTS]
    assert [tok.tokenize(x) for x in TEXTS] == expected
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(tok.tokenize, TEXTS * 4)) == expected * 4


def test_batch_with_rewritten_and_repeated_tokens_equals_single_calls() -> None:
    # Lower-cased tokens are new strings, not slices of the input, and every text appears twice:
    # the per-chunk deduplication of token texts must map each token back to its own text.
    tok = ts.Tokenizer("tweet", preserve_case=False)
    texts = TEXTS + TEXTS[::-1] + ["x" * 40 + " " + "y" * 16, "x" * 40]
    expected = [tok.tokenize(t) for t in texts]
    for n in (1, 2):
        assert tok.tokenize_batch(texts, n_threads=n) == expected


@pytest.mark.parametrize("mode", MODES)
def test_token_arrays_hold_the_batch_tokens(mode: str) -> None:
    # Every mode and option set that rewrites tokens, the sample corpus and generated edge cases,
    # each text twice and long enough for several rounds of chunks: the arrays give each text's
    # tokens, spans and kinds, whatever the number of threads.
    options = {"tweet": {"preserve_case": False, "reduce_len": True}}.get(mode, {})
    tok = ts.Tokenizer(mode, **options)
    texts = (TEXTS + TEXTS[::-1]) * 3
    expected = [[(t.text, t.start, t.end, t.kind) for t in tok.tokens(x)] for x in texts]
    for n in (1, 2, None):
        a = tok.tokenize_arrays(texts, n_threads=n)
        assert len(a) == len(texts) and a.n_tokens == sum(map(len, expected))
        assert a.indptr.dtype.name == "int64" and a.ids.dtype.name == "uint32"
        assert a.kinds.dtype.name == "uint8" and a.starts.dtype.name == a.ends.dtype.name == "int64"
        bounds, ids = a.indptr.tolist(), a.ids.tolist()
        starts, ends, kinds = a.starts.tolist(), a.ends.tolist(), a.kinds.tolist()
        got = [
            [(a.vocab[ids[k]], starts[k], ends[k], ts.TOKEN_KINDS[kinds[k]]) for k in range(lo, hi)]
            for lo, hi in zip(bounds, bounds[1:])
        ]
        assert got == expected
        # The vocabulary is the distinct token texts, each once, in order of first appearance.
        first_seen = list(dict.fromkeys(text for doc in expected for text, *_ in doc))
        assert a.vocab == first_seen
        assert a.to_lists() == tok.tokenize_batch(texts) == [[t for t, *_ in doc] for doc in expected]
        assert a[0] == a.to_lists()[0] and a[-1] == a.to_lists()[-1]


def test_token_arrays_edges() -> None:
    tok = ts.Tokenizer()
    empty = tok.tokenize_arrays([])
    assert len(empty) == 0 and empty.indptr.tolist() == [0] and empty.vocab == [] and empty.n_tokens == 0
    a = tok.tokenize_arrays(["", "ok ok", "   "])
    assert a.indptr.tolist() == [0, 0, 2, 2] and a.vocab == ["ok"] and a.ids.tolist() == [0, 0]
    assert a[0] == [] and a[1] == ["ok", "ok"] and a[-3] == []
    with pytest.raises(IndexError, match="out of range"):
        a[3]
    with pytest.raises(IndexError):
        a[-4]
    assert repr(a) == "TokenArrays(3 texts, 2 tokens, 1 distinct)"
    assert tok.tokenize_arrays(["a", None, "b"], on_missing="skip").to_lists() == [["a"], ["b"]]
    assert tok.tokenize_arrays(["a", None, "b"], on_missing="empty").to_lists() == [["a"], [], ["b"]]
    with pytest.raises(ts.TextsiftTypeError, match=r"texts\[1\]"):
        tok.tokenize_arrays(["a", None])
    # Python string indices: text[start:end] is the token, also after astral characters.
    text = "😂😂 naïve #ok"
    a = tok.tokenize_arrays([text])
    assert [text[s:e] for s, e in zip(a.starts.tolist(), a.ends.tolist())] == a[0]
    # Indexing reads the arrays as they are: changed in place, they give other tokens, and
    # bounds or ids that no longer fit are errors, not crashes.
    a = tok.tokenize_arrays(["so good", "good"])
    a.ids[0] = 1
    assert a[0] == ["good", "good"] and len(a) == 2 and a.n_tokens == 3
    a.ids[0] = 7
    with pytest.raises(IndexError):
        a[0]
    for bad in (-1, 99):
        a.indptr[1] = bad
        with pytest.raises(ts.TextsiftValueError, match="does not give a range"):
            a.to_lists()


def test_batch_accepts_any_iterable() -> None:
    tok = ts.Tokenizer()
    texts = ["a b", "c"]
    assert tok.tokenize_batch(tuple(texts)) == tok.tokenize_batch(iter(texts)) == [["a", "b"], ["c"]]
    np = pytest.importorskip("numpy")
    assert tok.tokenize_batch(np.array(texts, dtype=object)) == [["a", "b"], ["c"]]
    pd = pytest.importorskip("pandas")
    assert tok.tokenize_batch(pd.Series(texts)) == [["a", "b"], ["c"]]


def test_missing_values_in_batches() -> None:
    tok = ts.Tokenizer()
    with pytest.raises(ts.TextsiftTypeError, match=r"texts\[1\]"):
        tok.tokenize_batch(["a", None, "b"])
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        tok.tokenize_batch(["a", float("nan")])
    assert tok.tokenize_batch(["a", None, "b"], on_missing="skip") == [["a"], ["b"]]
    assert tok.tokenize_batch(["a", None, "b"], on_missing="empty") == [["a"], [], ["b"]]
    with pytest.raises(ts.TextsiftValueError):
        tok.tokenize_batch(["a"], on_missing="ignore")


@pytest.mark.parametrize("bad", [None, b"bytes", 3, 2.5, ["list"], object()])
def test_bad_single_inputs(bad: object) -> None:
    for mode in MODES:
        with pytest.raises(ts.TextsiftTypeError):
            ts.Tokenizer(mode).tokenize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ts.sentences(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["a string", b"bytes", 5, None, [1], [["nested"]]])
def test_bad_batches(bad: object) -> None:
    with pytest.raises(ts.TextsiftTypeError):
        ts.Tokenizer().tokenize_batch(bad)  # type: ignore[arg-type]


def test_bad_options() -> None:
    with pytest.raises(ts.TextsiftValueError, match="unknown tokenizer mode"):
        ts.Tokenizer("spacy")
    with pytest.raises(ts.TextsiftValueError):
        ts.Tokenizer().tokenize_batch(["x"], n_threads=0)
    with pytest.raises(ts.TextsiftValueError):
        ts.Analyzer(normalizers=["stem"])
    with pytest.raises(ts.TextsiftValueError):
        ts.Analyzer(drop_kinds=["noun"])
    with pytest.raises(ts.TextsiftValueError, match="min_len must be an integer >= 0, not -1"):
        ts.Analyzer(min_len=-1)


def test_lone_surrogates_are_a_clear_error() -> None:
    text = b"caf\xe9".decode("utf-8", "surrogateescape")
    with pytest.raises(ts.TextsiftValueError, match="surrogate"):
        ts.tokenize(text)
    with pytest.raises(ts.TextsiftValueError, match=r"texts\[0\]"):
        ts.Tokenizer().tokenize_batch([text])


@pytest.mark.parametrize(
    "text", ["", " ", "\n\t ", "\u200b", "\x00\x01", "‮right-to-left‬", "e\u0301\u0301\u0301"]
)
def test_edge_texts(text: str) -> None:
    for mode in MODES:
        for t in ts.Tokenizer(mode).tokens(text):
            assert 0 <= t.start <= t.end <= len(text)
    assert isinstance(ts.sentences(text), list)


def test_large_document() -> None:
    text = ("Loving the new #Reels update 😍 @creator https://x.io/a?b=1 don't stop!!! " * 200_000)[
        :10_000_000
    ]
    for mode in ("social", "unicode", "tweet"):
        n = len(ts.Tokenizer(mode).tokenize(text))
        assert n > 1_000_000


def test_pickle_copy_repr_eq() -> None:
    for tok in (
        ts.Tokenizer(),
        ts.Tokenizer("tweet", preserve_case=False, strip_handles=True),
        ts.Tokenizer("nltk", convert_parentheses=True),
    ):
        clone = pickle.loads(pickle.dumps(tok))
        assert clone == tok and copy.deepcopy(tok) == tok
        assert clone.tokenize("HELLO (@you) :D") == tok.tokenize("HELLO (@you) :D")
        assert repr(clone) == repr(tok) and repr(tok).startswith("Tokenizer(")
    assert repr(ts.Tokenizer("tweet", reduce_len=True)) == (
        "Tokenizer('tweet', preserve_case=True, reduce_len=True, strip_handles=False, match_phone_numbers=True)"
    )
    a = ts.Analyzer(ts.Tokenizer("tweet"), normalizers=["lowercase"], drop_kinds=["punctuation"], min_len=2)
    assert pickle.loads(pickle.dumps(a)) == a
    s = ts.SentenceSplitter(["approx"])
    assert pickle.loads(pickle.dumps(s)).split("It is approx. ten. Ok.") == ["It is approx. ten.", "Ok."]
    tok = ts.tokens("a #b")[1]
    assert pickle.loads(pickle.dumps(tok)) == tok and repr(tok) == "Token('#b', 2, 4, 'hashtag')"


def test_analyzer_pipeline() -> None:
    a = ts.Analyzer(
        "social", normalizers=["lowercase", "reduce_elongation", "placeholders"], drop_kinds=["punctuation"]
    )
    assert a.terms("SOOOO happy!!! @ana https://x.io 42") == ["soo", "happy", "<user>", "<url>", "<number>"]
    assert a.terms_batch(["A!", "b"], n_threads=2) == [["a"], ["b"]]
    assert [t.text for t in a.tokens("Hi @x")] == ["hi", "<user>"]


@pytest.mark.parametrize("n_threads", [1, 2])
def test_count_by_group_counts_what_terms_gives(n_threads: int) -> None:
    np = pytest.importorskip("numpy")
    a = ts.Analyzer("social", normalizers=["lowercase"], drop_kinds=["punctuation", "url"])
    rng = random.Random(3)
    texts = TEXTS * 3
    groups = [rng.choice([0, 1, 2, 9, 40]) for _ in texts]
    counts, lengths = a.count_by_group(texts, groups, n_threads=n_threads)
    # The same counts, groups and terms in order of first appearance, as counting the terms of
    # each text in input order.
    want: dict[int, dict[str, int]] = {}
    for text, g in zip(texts, groups):
        terms = want.setdefault(g, {})
        for t in a.terms(text):
            terms[t] = terms.get(t, 0) + 1
    assert [(g, list(c.items())) for g, c in counts.items()] == [
        (g, list(c.items())) for g, c in want.items()
    ]
    assert lengths.dtype == np.int64 and lengths.tolist() == [len(a.terms(t)) for t in texts]
    # Any sequence of ints, numpy arrays too; missing texts count nothing when allowed.
    assert a.count_by_group(["A b", None, "a"], np.array([1, 0, 1]), on_missing="empty")[0] == {
        1: {"a": 2, "b": 1},
        0: {},
    }
    assert a.count_by_group([], [])[0] == {}


@pytest.mark.parametrize(
    ("groups", "error", "message"),
    [
        ("ab", ts.TextsiftTypeError, "groups must be a sequence of ints, not a str"),
        ([0, 1.5], ts.TextsiftTypeError, "groups must be a sequence of ints >= 0, one per text"),
        (None, ts.TextsiftTypeError, "groups must be a sequence of ints >= 0, one per text"),
        ([0], ts.TextsiftValueError, "groups has 1 numbers but there are 2 texts"),
        ([0, -1], ts.TextsiftValueError, "groups must be ints >= 0, not -1"),
    ],
)
def test_count_by_group_bad_groups(groups: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        ts.Analyzer("social").count_by_group(["a", "b"], groups)  # type: ignore[arg-type]


def test_normalisers() -> None:
    assert ts.casefold("Straße") == "strasse" == "Straße".casefold()
    assert ts.lowercase("İSTANBUL") == "İSTANBUL".lower()
    assert ts.nfkc("ｆｕｌｌ①") == "full1"
    assert ts.strip_accents("Crème brûlée") == "Creme brulee"
    assert ts.reduce_elongation("soooo!!!!", max_run=1) == "so!"
    assert ts.split_hashtag("#TikTokMadeMeBuyIt2024") == ["Tik", "Tok", "Made", "Me", "Buy", "It", "2024"]
    assert ts.split_hashtag("#NYCMarathon") == ["NYC", "Marathon"]
    assert ts.split_hashtag("#summer_vibes") == ["summer", "vibes"]
    assert ts.ngrams(["a", "b", "c"], 2) == ["a b", "b c"]
    assert ts.classify("#x") == "hashtag"
    with pytest.raises(ts.TextsiftValueError):
        ts.ngrams(["a"], 0)
    with pytest.raises(ts.TextsiftValueError):
        ts.reduce_elongation("x", max_run=0)
    import unicodedata

    for text in TEXTS[:300]:
        assert ts.casefold(text) == text.casefold()
        assert ts.lowercase(text) == text.lower()
        assert ts.nfkc(text) == unicodedata.normalize("NFKC", text)


def test_sentences() -> None:
    assert ts.sentences("") == []
    text = "Mr. Smith paid $4.99 for it. Worth it! 👍 #deal"
    spans = ts.SentenceSplitter().spans(text)
    assert (
        [text[a:b] for a, b in spans]
        == ts.sentences(text)
        == ["Mr. Smith paid $4.99 for it.", "Worth it! 👍 #deal"]
    )
    assert ts.SentenceSplitter().split_batch([text, "a. B"], n_threads=2) == [ts.sentences(text), ["a.", "B"]]


def test_count_batch_is_numpy() -> None:
    np = pytest.importorskip("numpy")
    tok = ts.Tokenizer("social")
    counts = tok.count_batch(TEXTS, n_threads=2)
    assert isinstance(counts, np.ndarray) and counts.dtype == np.int64
    assert counts.tolist() == [len(tok.tokenize(t)) for t in TEXTS]


def test_100_mb_documents() -> None:
    # Many tokens: counted without building 20 million Python strings.
    text = "word " * 20_000_000
    assert len(text) == 100_000_000
    for mode in ("social", "unicode"):
        assert ts.Tokenizer(mode).count_batch([text]).tolist() == [20_000_000]
    # One 100 MB token.
    giant = "a" * 100_000_000
    for mode in ("social", "tweet", "unicode"):
        (token,) = ts.Tokenizer(mode).tokens(giant)
        assert (token.start, token.end, token.kind) == (0, 100_000_000, "word")


ADVERSARIAL = {
    "url_parens": "http://a" + ")" * 200_000,
    "ats": "@" * 200_000,
    "hashes": "#" * 200_000,
    "amps": "&#" * 100_000,
    "dotted": "a." * 100_000,
    "digits": "1" * 200_000,
    "domain_then_at": "a." * 50_000 + "com@",
    "ys": "y" * 200_000,
    "colons": "a:" * 100_000,
    "emoticons": ":-)" * 50_000,
    "quote_space": "' " * 100_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_stay_linear(name: str) -> None:
    # Each of these once took from seconds to minutes (quadratic paths, now removed); at linear
    # cost the whole test takes well under a second per mode.
    text = ADVERSARIAL[name]
    for mode in MODES:
        counts = ts.Tokenizer(mode).count_batch([text])
        assert counts[0] > 0
    assert ts.sentences(text)
    assert isinstance(ts.stem(text[:2000]), str)


def test_large_batches_pause_the_garbage_collector_and_restore_it() -> None:
    """A large batch builds its lists with Python's cyclic collector paused (no collection runs
    while it converts), and leaves the collector as it found it, also after an error."""
    import gc

    tok = ts.Tokenizer()
    texts = [f"word {i} and more" for i in range(20_000)]
    runs: list[str] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(phase)

    gc.callbacks.append(count)
    try:
        assert gc.isenabled()
        for n in (1, 2):
            # (Counted before any new list: the first one after the batch may set it off.)
            runs.clear()
            out = tok.tokenize_batch(texts, n_threads=n)
            during = len(runs)
            assert during == 0 and gc.isenabled()
            assert out[7] == ["word", "7", "and", "more"]
            runs.clear()
            sentences = ts.SentenceSplitter().split_batch(texts, n_threads=n)
            during = len(runs)
            assert during == 0 and gc.isenabled() and sentences[3] == ["word 3 and more"]
        # Small batches leave it alone: 20,000 new lists one at a time set it off.
        runs.clear()
        small = [tok.tokenize_batch(texts[i : i + 2]) for i in range(0, 20_000, 2)]
        assert runs and len(small) == 10_000
        with pytest.raises(ts.TextsiftTypeError, match=r"texts\[20000\]"):
            tok.tokenize_batch([*texts, 3])  # type: ignore[list-item]
        assert gc.isenabled()
        gc.disable()
        tok.tokenize_batch(texts)
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.callbacks.remove(count)
