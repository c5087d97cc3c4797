"""NLTK-compatible tokenizers and stemmers (NLTK 3.10.4), backed by textsift's Rust core.

Replace ``from nltk.tokenize import TweetTokenizer`` with
``from textsift.compat.nltk import TweetTokenizer``: the tokens are the same, many times faster.

>>> from textsift.compat.nltk import TweetTokenizer
>>> TweetTokenizer(strip_handles=True, reduce_len=True).tokenize("@remy: This is waaaaayyyy too much!!!!!!")
[':', 'This', 'is', 'waaayyy', 'too', 'much', '!', '!', '!']

Differences from NLTK, by design:

* ``word_tokenize(..., preserve_line=False)`` splits sentences with textsift's rule-based
  splitter instead of NLTK's Punkt model (which needs a data download); with
  ``preserve_line=True`` the tokens are NLTK's.
* A numeric HTML entity that names a lone surrogate (``&#55296;``) becomes U+FFFD, because the
  Rust core cannot hold surrogates.
* There is no 5-second regex timeout: every step is linear in the input.
* The stemmers return words longer than 1 KiB (UTF-8) unchanged.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator

from textsift import _textsift
from textsift.errors import TextsiftValueError

__all__ = [
    "NLTKWordTokenizer",
    "PorterStemmer",
    "SnowballStemmer",
    "TreebankWordTokenizer",
    "TweetTokenizer",
    "casual_tokenize",
    "word_tokenize",
]


class TweetTokenizer:
    """NLTK's ``TweetTokenizer``: same arguments, same tokens."""

    def __init__(
        self,
        preserve_case: bool = True,
        reduce_len: bool = False,
        strip_handles: bool = False,
        match_phone_numbers: bool = True,
    ) -> None:
        self.preserve_case = preserve_case
        self.reduce_len = reduce_len
        self.strip_handles = strip_handles
        self.match_phone_numbers = match_phone_numbers

    def _core(self) -> _textsift.Tokenizer:
        # Built per call from the public attributes, which NLTK users sometimes change in place.
        return _textsift.Tokenizer(
            "tweet",
            preserve_case=bool(self.preserve_case),
            reduce_len=bool(self.reduce_len),
            strip_handles=bool(self.strip_handles),
            match_phone_numbers=bool(self.match_phone_numbers),
        )

    def tokenize(self, text: str) -> list[str]:
        """Tokenize a tweet."""
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return self._core().tokenize(text)

    def tokenize_sents(self, strings: list[str]) -> list[list[str]]:
        """Tokenize several texts (in parallel)."""
        return self._core().tokenize_batch(list(strings))

    def __repr__(self) -> str:
        return (
            f"TweetTokenizer(preserve_case={self.preserve_case}, reduce_len={self.reduce_len}, "
            f"strip_handles={self.strip_handles}, match_phone_numbers={self.match_phone_numbers})"
        )


def casual_tokenize(
    text: str,
    preserve_case: bool = True,
    reduce_len: bool = False,
    strip_handles: bool = False,
    match_phone_numbers: bool = True,
) -> list[str]:
    """NLTK's ``casual_tokenize``."""
    return TweetTokenizer(preserve_case, reduce_len, strip_handles, match_phone_numbers).tokenize(text)


class _Treebank:
    _mode = "treebank"

    def tokenize(self, text: str, convert_parentheses: bool = False, return_str: bool = False) -> list[str]:
        """Tokenize ``text`` as NLTK does."""
        if return_str:
            warnings.warn(
                "Parameter 'return_str' has been deprecated and should no longer be used.",
                category=DeprecationWarning,
                stacklevel=2,
            )
        return _textsift.Tokenizer(self._mode, convert_parentheses=convert_parentheses).tokenize(text)

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        """``(start, end)`` spans of the tokens in ``text``."""
        yield from _textsift.Tokenizer(self._mode).spans(text)

    def tokenize_sents(self, strings: list[str]) -> list[list[str]]:
        """Tokenize several texts (in parallel)."""
        return _textsift.Tokenizer(self._mode).tokenize_batch(list(strings))

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class TreebankWordTokenizer(_Treebank):
    """NLTK's ``TreebankWordTokenizer``: same tokens."""

    _mode = "treebank"


class NLTKWordTokenizer(_Treebank):
    """NLTK's ``NLTKWordTokenizer`` (the tokenizer behind ``word_tokenize``): same tokens."""

    _mode = "nltk"


def word_tokenize(text: str, language: str = "english", preserve_line: bool = False) -> list[str]:
    """NLTK's ``word_tokenize``.

    With ``preserve_line=True`` the tokens are NLTK's exactly. Otherwise the text is first split
    into sentences with textsift's rule-based splitter (NLTK uses its Punkt model there).
    """
    if language != "english" and not preserve_line:
        raise TextsiftValueError("only English sentence splitting is available; pass preserve_line=True")
    tok = _textsift.Tokenizer("nltk")
    if preserve_line:
        return tok.tokenize(text)
    return [t for sent in _textsift.SentenceSplitter().split(text) for t in tok.tokenize(sent)]


class SnowballStemmer:
    """NLTK's ``SnowballStemmer(language, ignore_stopwords=False)``: NLTK's stems for every
    language it offers, many times faster.

    NLTK runs its own Python versions of the Snowball algorithms, which part from Snowball in
    many corners (and its own light stemmer for Arabic); textsift follows NLTK's code paths, so
    the stems are NLTK's, deviations included: Russian stemmed in a Latin transliteration
    (``"воюет"`` gives ``"вои^"``), Italian ``"accoglienza"`` giving ``"accoglit"``, and so on.
    Words are lower-cased with ``str.lower`` first, except in Arabic and Russian, as in NLTK.
    ``"porter"`` is NLTK's ``PorterStemmer`` in its default ``NLTK_EXTENSIONS`` mode.

    Like NLTK's, the Arabic stemmer remembers between calls that a word lost a verb suffix, and
    stems later words differently from then on: keep one object per text stream, as with NLTK.

    With ``ignore_stopwords=True`` NLTK's stopword list for the language is used (embedded: no
    download needed), checked as NLTK checks it; NLTK has no list for ``"porter"`` and raises
    ``ValueError``, and so does this class.

    >>> SnowballStemmer("spanish").stem("Educacion")
    'educ'
    """

    languages = tuple(_textsift.stem_languages("nltk"))

    def __init__(self, language: str, ignore_stopwords: bool = False) -> None:
        if language not in self.languages:
            raise TextsiftValueError(f"The language '{language}' is not supported.")
        self._core = _textsift.NltkSnowball(language, ignore_stopwords)
        self.stopwords: frozenset[str] = self._core.stopwords

    def stem(self, token: str) -> str:
        """Stem one word as NLTK does (lower-cased first, except in Arabic and Russian)."""
        return self._core.stem(token)

    def stem_words(self, words: Iterable[str]) -> list[str]:
        """Stem many words in order, as repeated calls to :meth:`stem` would (textsift extension:
        the stemming runs without the GIL, each distinct word stemmed once)."""
        return self._core.stem_words(words)

    def __repr__(self) -> str:
        return f"<SnowballStemmer({self._core.language!r})>"


class PorterStemmer:
    """NLTK's ``PorterStemmer(mode=NLTK_EXTENSIONS)`` in all three modes: ``NLTK_EXTENSIONS``
    (NLTK's default), ``MARTIN_EXTENSIONS`` and ``ORIGINAL_ALGORITHM``."""

    NLTK_EXTENSIONS = "NLTK_EXTENSIONS"
    MARTIN_EXTENSIONS = "MARTIN_EXTENSIONS"
    ORIGINAL_ALGORITHM = "ORIGINAL_ALGORITHM"

    def __init__(self, mode: str = NLTK_EXTENSIONS) -> None:
        if mode not in (self.NLTK_EXTENSIONS, self.MARTIN_EXTENSIONS, self.ORIGINAL_ALGORITHM):
            raise TextsiftValueError(
                "Mode must be one of PorterStemmer.NLTK_EXTENSIONS, "
                "PorterStemmer.MARTIN_EXTENSIONS, or PorterStemmer.ORIGINAL_ALGORITHM"
            )
        self.mode = mode

    def stem(self, word: str, to_lowercase: bool = True) -> str:
        """Stem one word, lower-casing it first unless ``to_lowercase=False``."""
        return _textsift.porter_stem(word, self.mode, to_lowercase)

    def stem_words(self, words: Iterable[str], to_lowercase: bool = True) -> list[str]:
        """Stem many words (textsift extension: each distinct word once, in parallel)."""
        return _textsift.porter_stem_words(words, self.mode, to_lowercase)

    def __repr__(self) -> str:
        return "<PorterStemmer>"
