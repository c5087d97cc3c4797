"""textsift: fast, faithful text analytics for what people write online.

>>> import textsift as ts
>>> ts.tokenize("Loving the new #Reels update 😍 @creator")
['Loving', 'the', 'new', '#Reels', 'update', '😍', '@creator']
>>> ts.tokenize("They'll buy it.", mode="treebank")
['They', "'ll", 'buy', 'it', '.']
>>> ts.sentences("Wait... what? No way!")
['Wait... what?', 'No way!']
"""

from __future__ import annotations

from functools import lru_cache

from textsift._textsift import (
    Analyzer,
    SentenceSplitter,
    Token,
    Tokenizer,
    __version__,
    casefold,
    classify,
    default_threads,
    lowercase,
    nfkc,
    ngrams,
    reduce_elongation,
    split_hashtag,
    strip_accents,
)
from textsift.datasets import load_sample
from textsift.errors import TextsiftError, TextsiftInternalError, TextsiftTypeError, TextsiftValueError

__all__ = [
    "Analyzer",
    "SentenceSplitter",
    "TextsiftError",
    "TextsiftInternalError",
    "TextsiftTypeError",
    "TextsiftValueError",
    "Token",
    "Tokenizer",
    "__version__",
    "casefold",
    "classify",
    "default_threads",
    "load_sample",
    "lowercase",
    "nfkc",
    "ngrams",
    "reduce_elongation",
    "sentences",
    "split_hashtag",
    "strip_accents",
    "tokenize",
    "tokens",
]


@lru_cache(maxsize=64)
def _tokenizer(mode: str, options: tuple[tuple[str, bool], ...]) -> Tokenizer:
    return Tokenizer(mode, **dict(options))


def tokenize(text: str, mode: str = "social", **options: bool) -> list[str]:
    """Split ``text`` into token strings.

    ``mode`` is one of ``"social"`` (default), ``"unicode"``, ``"tweet"``, ``"treebank"`` or
    ``"nltk"``; ``options`` are the :class:`Tokenizer` options of that mode.

    >>> tokenize("soooo good!!! :D", mode="tweet", reduce_len=True)
    ['sooo', 'good', '!', '!', '!', ':D']
    """
    return _tokenizer(mode, tuple(sorted(options.items()))).tokenize(text)


def tokens(text: str, mode: str = "social", **options: bool) -> list[Token]:
    """Like :func:`tokenize`, but :class:`Token` objects with ``text[start:end]`` offsets and kinds.

    >>> [(t.text, t.start, t.end, t.kind) for t in tokens("hi 👋🏽 #fyp")]
    [('hi', 0, 2, 'word'), ('👋🏽', 3, 5, 'emoji'), ('#fyp', 6, 10, 'hashtag')]
    """
    return _tokenizer(mode, tuple(sorted(options.items()))).tokens(text)


_SPLITTER = SentenceSplitter()


def sentences(text: str) -> list[str]:
    """Split ``text`` into sentences (abbreviations, initials, decimals, ellipses, quotes and
    trailing emoji or hashtags handled).

    >>> sentences("Mr. Smith paid $4.99 for it. Worth it! 👍 #deal")
    ['Mr. Smith paid $4.99 for it.', 'Worth it! 👍 #deal']
    """
    return _SPLITTER.split(text)
