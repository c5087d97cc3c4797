"""PyStemmer-compatible API (PyStemmer 3.x), backed by textsift's Rust core.

Replace ``import Stemmer`` with ``from textsift.compat import pystemmer as Stemmer``: the
algorithms are the same current Snowball ones, so the stems are the same.

>>> from textsift.compat import pystemmer as Stemmer
>>> Stemmer.Stemmer("english").stemWords(["running", "cats"])
['run', 'cat']
"""

from __future__ import annotations

from collections.abc import Iterable

from textsift import _textsift

__all__ = ["Stemmer", "algorithms", "version"]


def algorithms(aliases: bool = False) -> list[str]:
    """The algorithm names, as ``Stemmer.algorithms()`` lists them."""
    names = list(_textsift.stem_languages("current"))
    if aliases:
        names += ["en", "de", "fr", "es", "it", "nl", "pt", "ru", "sv", "da", "fi", "hu", "no", "ro", "tr"]
    return sorted(names)


def version() -> str:
    """The version of textsift providing this API."""
    return _textsift.__version__


class Stemmer:
    """PyStemmer's ``Stemmer.Stemmer(algorithm, maxCacheSize=10000)``.

    ``maxCacheSize`` is accepted for compatibility; textsift caches per call instead.
    """

    def __init__(self, algorithm: str, maxCacheSize: int = 10000) -> None:  # noqa: N803
        self._stemmer = _textsift.Stemmer(algorithm, algorithm="current")
        self.maxCacheSize = maxCacheSize

    def stemWord(self, word: str) -> str:  # noqa: N802
        """Stem one word."""
        return self._stemmer.stem(word)

    def stemWords(self, words: Iterable[str]) -> list[str]:  # noqa: N802
        """Stem a sequence of words."""
        return self._stemmer.stem_words(words)
