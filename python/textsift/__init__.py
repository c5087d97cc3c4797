"""textsift: fast, faithful text analytics for what people write online.

>>> import textsift as ts
>>> ts.tokenize("Loving the new #Reels update 😍 @creator")
['Loving', 'the', 'new', '#Reels', 'update', '😍', '@creator']
>>> ts.tokenize("They'll buy it.", mode="treebank")
['They', "'ll", 'buy', 'it', '.']
>>> ts.sentences("Wait... what? No way!")
['Wait... what?', 'No way!']
>>> ts.sentiment("The new update is GREAT!!")
{'neg': 0.0, 'neu': 0.425, 'pos': 0.575, 'compound': 0.7519}
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import overload

from textsift import _textsift
from textsift._textsift import (
    Analyzer,
    Keyness,
    KeynessResult,
    Rake,
    RakeRanking,
    SentenceSplitter,
    Stemmer,
    TargetedSentiment,
    TextRank,
    TfidfVectorizer,
    Token,
    TokenArrays,
    Tokenizer,
    Vader,
    Yake,
    __version__,
    casefold,
    classify,
    default_threads,
    lowercase,
    nfkc,
    ngrams,
    porter_stem,
    porter_stem_words,
    reduce_elongation,
    split_hashtag,
    stem_languages,
    stopwords,
    strip_accents,
    wordpunct_tokenize,
)
from textsift.datasets import load_sample
from textsift.errors import TextsiftError, TextsiftInternalError, TextsiftTypeError, TextsiftValueError
from textsift.lexicons import Afinn, Lexicon
from textsift.report import Report, ReportBuilder, build_report
from textsift.results import Keyphrases

#: The kinds of token the tokenizer tells apart, in a fixed order: ``Token.kind`` is one of
#: them, ``TokenArrays.kinds`` holds indices into this tuple, and ``Analyzer(drop_kinds=...)``
#: takes them by name.
TOKEN_KINDS: tuple[str, ...] = tuple(_textsift.TOKEN_KINDS)

__all__ = [
    "Afinn",
    "Analyzer",
    "Keyness",
    "KeynessResult",
    "Keyphrases",
    "Lexicon",
    "Rake",
    "RakeRanking",
    "Report",
    "ReportBuilder",
    "SentenceSplitter",
    "Stemmer",
    "TargetedSentiment",
    "TextRank",
    "TextsiftError",
    "TextsiftInternalError",
    "TextsiftTypeError",
    "TextsiftValueError",
    "TfidfVectorizer",
    "TOKEN_KINDS",
    "Token",
    "TokenArrays",
    "Tokenizer",
    "Vader",
    "Yake",
    "__version__",
    "build_report",
    "casefold",
    "classify",
    "default_threads",
    "load_sample",
    "lowercase",
    "nfkc",
    "keywords",
    "ngrams",
    "porter_stem",
    "porter_stem_words",
    "reduce_elongation",
    "sentences",
    "sentiment",
    "split_hashtag",
    "stem",
    "stem_languages",
    "stopwords",
    "strip_accents",
    "tokenize",
    "tokens",
    "wordpunct_tokenize",
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


@lru_cache(maxsize=64)
def _stemmer(lang: str, algorithm: str) -> Stemmer:
    return Stemmer(lang, algorithm=algorithm)


@overload
def stem(word_or_words: str, lang: str = ..., algorithm: str = ...) -> str: ...  # type: ignore[overload-overlap]
@overload
def stem(word_or_words: Iterable[str], lang: str = ..., algorithm: str = ...) -> list[str]: ...
def stem(word_or_words: str | Iterable[str], lang: str = "en", algorithm: str = "current") -> str | list[str]:
    """Stem one word, or each word of an iterable (stemming each distinct word once).

    ``algorithm`` is ``"current"`` (today's Snowball, as PyStemmer), ``"classic"`` (the older
    Snowball algorithms) or ``"nltk"`` (NLTK's ``SnowballStemmer``, stem for stem). Lower-case
    words first.

    >>> stem("running")
    'run'
    >>> stem(["cats", "running"], lang="english", algorithm="classic")
    ['cat', 'run']
    >>> stem("educacion", lang="es", algorithm="nltk")
    'educ'
    """
    stemmer = _stemmer(lang, algorithm)
    if isinstance(word_or_words, str):
        return stemmer.stem(word_or_words)
    return stemmer.stem_words(word_or_words)


_VADER: Vader | None = None


def sentiment(text: str) -> dict[str, float]:
    """VADER's scores of ``text``: ``neg``, ``neu`` and ``pos`` shares and the ``compound`` score
    in [-1, 1], exactly as vaderSentiment 3.3.2's ``polarity_scores`` gives them.

    Score raw text: stopword removal or stemming first would drop the negations and boosters
    VADER reads. For many texts use ``Vader().score_batch(texts)`` (numpy arrays, all cores).

    >>> sentiment("not bad at all :)")
    {'neg': 0.0, 'neu': 0.339, 'pos': 0.661, 'compound': 0.705}
    """
    global _VADER
    if _VADER is None:
        _VADER = Vader()
    return _VADER.score(text)


@lru_cache(maxsize=16)
def _extractor(method: str, lang: str, n: int, top: int) -> Yake | Rake | TextRank:
    if method == "yake":
        # YAKE's deduplication stops at `top`, so the extractor is made for it.
        return Yake(lan=lang, top=top, n=n)
    if method == "rake":
        return Rake(stopwords=lang)
    if method == "textrank":
        return TextRank(stopwords=lang)
    raise TextsiftValueError(f"method must be 'yake', 'rake' or 'textrank', not {method!r}")


def keywords(text: str, method: str = "yake", top: int = 10, lang: str = "en", n: int = 3) -> Keyphrases:
    """The keyphrases of ``text`` as ``(phrase, score)``, best first (a :class:`Keyphrases`: a
    list that renders as a table in notebooks and has ``to_pandas()``).

    * ``"yake"`` (default): YAKE with the scores of the ``yake`` package 0.7.3 (lower is better),
      phrases of up to ``n`` words, the Stopwords ISO list of ``lang``.
    * ``"rake"``: RAKE with rake-nltk 1.0.6's scores (higher is better).
    * ``"textrank"``: TextRank word scores summed over phrases (higher is better).

    Use :class:`Yake`, :class:`Rake` or :class:`TextRank` for other settings and for batches.

    >>> keywords("Google is acquiring Kaggle, a platform for data science competitions.", top=2)
    [('data science competitions', 0.016559150827736194), ('acquiring Kaggle', 0.026233073037508336)]
    """
    if top < 0:
        raise TextsiftValueError(f"top must not be negative, not {top}")
    extractor = _extractor(method, lang, n, top if method == "yake" else 0)
    if isinstance(extractor, Yake):
        return extractor.extract(text)
    return extractor.extract(text, top=top)


# The pandas accessor (``Series.textsift``) is registered here only if pandas is already imported:
# ``import textsift`` must not pay for importing pandas. Otherwise ``import textsift.pandas``.
if "pandas" in sys.modules:
    from textsift import pandas as _pandas_accessor  # noqa: E402,F401
