"""Differential tests: textsift's NLTK-compatible modes against NLTK 3.10.4 itself.

Every input is compared token by token, on the sample corpus and on 24,000 generated texts that
mix every kind of token (URLs, phone numbers, entities, handles, emoji, emoticons, quotes,
contractions, Unicode whitespace…), for every option of each tokenizer.
"""

from __future__ import annotations

import itertools
import random

import pytest

import textsift as ts
from textgen import random_texts
from textsift.compat import nltk as compat

nltk_casual = pytest.importorskip("nltk.tokenize.casual")
nltk_tokenize = pytest.importorskip("nltk.tokenize")

TWEET_OPTIONS = [
    dict(zip(("preserve_case", "reduce_len", "strip_handles", "match_phone_numbers"), combo))
    for combo in itertools.product([True, False], repeat=4)
]
GENERATED = random_texts(24_000, seed=20261123)
SAMPLE = [row["text"] for row in ts.load_sample()]


def _report(mismatches: list[tuple[str, object, list[str], list[str]]], total: int) -> str:
    lines = [f"{len(mismatches)} of {total} inputs differ from NLTK; first ones:"]
    for text, opts, ours, theirs in mismatches[:5]:
        lines.append(f"  input {text!r} options {opts}\n    nltk {theirs}\n    ours {ours}")
    return "\n".join(lines)


def _compare_tweet(texts: list[str], per_text_options: int) -> None:
    rng = random.Random(7)
    mismatches = []
    total = 0
    for text in texts:
        for opts in [TWEET_OPTIONS[0], *rng.sample(TWEET_OPTIONS[1:], per_text_options - 1)]:
            theirs = nltk_casual.TweetTokenizer(**opts).tokenize(text)
            ours = ts.Tokenizer("tweet", **opts).tokenize(text)
            total += 1
            if ours != theirs:
                mismatches.append((text, opts, ours, theirs))
    assert not mismatches, _report(mismatches, total)


def test_tweet_sample_corpus_every_option() -> None:
    for opts in TWEET_OPTIONS:
        tok = ts.Tokenizer("tweet", **opts)
        ref = nltk_casual.TweetTokenizer(**opts)
        bad = [
            (t, opts, tok.tokenize(t), ref.tokenize(t)) for t in SAMPLE if tok.tokenize(t) != ref.tokenize(t)
        ]
        assert not bad, _report(bad, len(SAMPLE))


@pytest.mark.parametrize("chunk", range(4))
def test_tweet_generated(chunk: int) -> None:
    _compare_tweet(GENERATED[chunk::4], per_text_options=3)


@pytest.mark.parametrize("mode", ["treebank", "nltk"])
@pytest.mark.parametrize("convert_parentheses", [False, True])
def test_treebank_modes(mode: str, convert_parentheses: bool) -> None:
    ref = nltk_tokenize.TreebankWordTokenizer() if mode == "treebank" else nltk_tokenize.NLTKWordTokenizer()
    tok = ts.Tokenizer(mode, convert_parentheses=convert_parentheses)
    mismatches = []
    texts = SAMPLE + GENERATED
    for text in texts:
        theirs = ref.tokenize(text, convert_parentheses=convert_parentheses)
        ours = tok.tokenize(text)
        if ours != theirs:
            mismatches.append((text, {"convert_parentheses": convert_parentheses}, ours, theirs))
    assert not mismatches, _report(mismatches, len(texts))


def test_tweet_numeric_entities_parse_like_python_int() -> None:
    # NLTK decodes `&#...;` with Python's `int()`, which strips Unicode White_Space around the
    # digits but raises on U+001C..U+001F (which `str.isspace()` does count as space): every
    # space-like character, before, after and among the digits of each entity shape.
    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace()] + ["\u200b", "\ufeff", "_", "+", "-"]
    digits = ["65", "41", "0x41", "\u0663", "1_0"]
    texts = [
        f"a &{prefix}{left}{number}{right}; b"
        for prefix in ("#", "#x", "x", "")
        for number in digits
        for space in spaces
        for left, right in ((space, ""), ("", space), (space, space))
    ]
    tok, ref = ts.Tokenizer("tweet"), nltk_casual.TweetTokenizer()
    bad = [(t, {}, tok.tokenize(t), ref.tokenize(t)) for t in texts if tok.tokenize(t) != ref.tokenize(t)]
    assert not bad, _report(bad, len(texts))


def test_word_tokenize_preserve_line() -> None:
    for text in SAMPLE + GENERATED[:3000]:
        assert compat.word_tokenize(text, preserve_line=True) == nltk_tokenize.word_tokenize(
            text, preserve_line=True
        )


def test_compat_classes_match_nltk() -> None:
    for text in SAMPLE[:200] + GENERATED[:2000]:
        for opts in (TWEET_OPTIONS[0], TWEET_OPTIONS[-1], TWEET_OPTIONS[5]):
            assert compat.TweetTokenizer(**opts).tokenize(text) == nltk_casual.TweetTokenizer(
                **opts
            ).tokenize(text)
        assert compat.casual_tokenize(text) == nltk_casual.casual_tokenize(text)
        assert compat.TreebankWordTokenizer().tokenize(
            text
        ) == nltk_tokenize.TreebankWordTokenizer().tokenize(text)
        assert compat.NLTKWordTokenizer().tokenize(text) == nltk_tokenize.NLTKWordTokenizer().tokenize(text)


def test_span_tokenize_matches_nltk_where_nltk_succeeds() -> None:
    ref = nltk_tokenize.TreebankWordTokenizer()
    checked = 0
    for text in SAMPLE + GENERATED[:3000]:
        try:
            theirs = list(ref.span_tokenize(text))
        except ValueError:
            continue  # NLTK cannot align some texts; textsift still returns spans.
        checked += 1
        assert list(compat.TreebankWordTokenizer().span_tokenize(text)) == theirs, text
    assert checked > 1000


def test_tweet_options_mutable_like_nltk() -> None:
    tok = compat.TweetTokenizer()
    tok.preserve_case = False
    assert tok.tokenize("HELLO :D") == ["hello", ":D"]
