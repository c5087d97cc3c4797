"""afinn-compatible API (afinn 0.1), backed by textsift's Rust core.

Replace ``from afinn import Afinn`` with ``from textsift.compat.afinn import Afinn``: the scores
are the same on every input.

>>> from textsift.compat.afinn import Afinn
>>> afinn = Afinn()
>>> afinn.score("This is utterly excellent!")
3.0
>>> afinn.scores_with_pattern("some kind of idiot")
[0.0, -3.0]
>>> Afinn(emoticons=True).find_all("It is wonderful :)")
['wonderful', ':)']
"""

from __future__ import annotations

import re

from textsift._textsift import WordList
from textsift.errors import TextsiftValueError

__all__ = ["Afinn"]

_WORD = re.compile(r"\w+", flags=re.UNICODE)


class Afinn:
    """afinn's ``Afinn(language="en", emoticons=False, word_boundary=True)``."""

    def __init__(self, language: str = "en", emoticons: bool = False, word_boundary: bool = True) -> None:
        if language not in ("en", "da"):
            # afinn raises a KeyError for other languages.
            raise KeyError(language)
        if emoticons or word_boundary:
            self._core = WordList.afinn(language, emoticons)
        else:
            self._core = WordList.from_entries(WordList.afinn(language, False).entries(), None, False, False)
        self._dict: dict[str, float] = self._core.entries()

    def find_all(self, text: str, clean_whitespace: bool = True) -> list[str]:
        """The entries found in ``text`` (lower-cased), in order."""
        if not clean_whitespace:
            raise TextsiftValueError(
                "clean_whitespace=False is not supported; whitespace runs always count as one space"
            )
        return self._core.find_all(text)

    def split(self, text: str) -> list[str]:
        """The ``\\w+`` words of ``text``."""
        return _WORD.findall(text)

    def scores_with_pattern(self, text: str) -> list[float]:
        """The score of each entry found, in order."""
        return self._core.scores(text)

    def score_with_pattern(self, text: str) -> float:
        """The sum of the scores of the entries found."""
        return self._core.score(text)

    def score_with_wordlist(self, text: str) -> float:
        """The sum of the scores of the ``\\w+`` words of ``text`` (no phrases)."""
        return float(sum(self._dict.get(word.lower(), 0.0) for word in self.split(text)))

    score = score_with_pattern
    scores = scores_with_pattern
