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


# Algorithms of textsift's current family that PyStemmer 3.1.0 does not list (newer Snowball
# releases added them); ``Stemmer`` takes them all the same.
_NOT_IN_PYSTEMMER = frozenset({"earlymodernenglish", "lovins", "ukrainian"})


def algorithms(aliases: bool = False) -> list[str]:
    """The algorithm names, as PyStemmer 3.1.0's ``Stemmer.algorithms()`` lists them (its
    ``aliases=True`` gives the same list). ``Stemmer`` also takes ISO 639-1 codes and the
    algorithms newer Snowball releases added (``ukrainian``...)."""
    del aliases  # accepted for compatibility, as PyStemmer does
    return sorted(set(_textsift.stem_languages("current")) - _NOT_IN_PYSTEMMER)


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
