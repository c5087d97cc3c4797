"""yake-compatible API (yake 0.7.3), backed by textsift's Rust core.

Replace ``import yake; yake.KeywordExtractor(...)`` with
``from textsift.compat import yake; yake.KeywordExtractor(...)``: given the same stopwords, the
keyphrases, their order and their scores are the same.

>>> from textsift.compat import yake
>>> kw = yake.KeywordExtractor(top=3, stopwords={"the", "of", "and", "a", "is", "to", "in", "for"})
>>> [k for k, _ in kw.extract_keywords("Google is acquiring Kaggle, a platform for data science competitions.")]
['data science competitions', 'acquiring Kaggle', 'Google is acquiring']

Without ``stopwords`` (or with an empty collection, which yake reads the same way), textsift uses the Stopwords ISO list of ``lan`` (yake ships lists of its
own, under the AGPL, which textsift does not include), so pass the list you want compared.
Lemmatisation (``lemmatize=True``) is not supported.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import Any

from textsift._textsift import Yake
from textsift.errors import TextsiftValueError

__all__ = ["KeywordExtractor"]


class KeywordExtractor:
    """yake's ``KeywordExtractor``. ``top`` behaves as in yake: with deduplication
    (``dedup_lim < 1``) a ``top`` that is not a positive whole number (0, -1, 2.5, ``None``) gives
    every keyphrase; without it, the keyphrases are ``all[:top]`` (``[]`` for a float ``top``)."""

    def __init__(
        self,
        lan: str = "en",
        n: int = 3,
        dedup_lim: float = 0.9,
        dedup_func: str = "seqm",
        window_size: int = 1,
        top: float | None = 20,
        features: list[str] | None = None,
        stopwords: Iterable[str] | None = None,
        lemmatize: bool = False,
        **kwargs: object,
    ) -> None:
        if features is not None:
            raise TextsiftValueError("features= (a subset of YAKE's features) is not supported")
        if lemmatize:
            raise TextsiftValueError("lemmatize=True is not supported")
        self.config = {
            "lan": lan,
            "n": n,
            "dedup_lim": dedup_lim,
            "dedup_func": dedup_func,
            "window_size": window_size,
            "top": top,
            "features": features,
        }
        engine_top, self._slice = _top_rule(top, dedup_lim)
        self._top: Any = top
        self._yake = Yake(
            lan,
            n,
            dedup_lim,
            dedup_func,
            window_size,
            engine_top,
            # As in yake (`stopwords or ...`), an empty collection means the default list.
            set(stopwords) if stopwords else None,
        )
        self.stopword_set = set(self._yake.stopwords)

    def extract_keywords(self, text: str | None) -> list[tuple[str, float]]:
        """The keyphrases of ``text`` as ``(keyword, score)``, best (lowest score) first."""
        if not text:
            return []
        # yake returns a plain list; so does its drop-in.
        found = list(self._yake.extract(text))
        if self._slice:
            try:
                return found[: self._top]
            except TypeError:
                return []  # yake catches the slice's TypeError (a float top) and returns []
        return found


# More keyphrases than any text has: "all of them".
_ALL = 2**62


def _top_rule(top: Any, dedup_lim: float) -> tuple[int, bool]:
    """The ``top`` to ask the engine for, and whether to slice its answer with ``[:top]`` after,
    so that any ``top`` gives what yake 0.7.3 gives. Without deduplication (``dedup_lim >= 1``)
    yake returns ``candidates[:top]``; with it, it stops when ``len(kept) == top``, so a ``top``
    that is not a positive whole number (0, -1, 2.5, None) keeps every keyphrase."""
    if dedup_lim >= 1.0:
        if top is None:
            return _ALL, False
        try:
            k = operator.index(top)
        except TypeError:
            return _ALL, True  # the slice raises, as in yake
        return (min(k, _ALL), False) if k >= 0 else (_ALL, True)
    try:
        whole: int | None = operator.index(top)
    except TypeError:
        whole = int(top) if isinstance(top, float) and top.is_integer() else None
    return (min(whole, _ALL), False) if whole is not None and whole >= 1 else (_ALL, False)
