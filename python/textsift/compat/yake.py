"""yake-compatible API (yake 0.7.3), backed by textsift's Rust core.

Replace ``import yake; yake.KeywordExtractor(...)`` with
``from textsift.compat import yake; yake.KeywordExtractor(...)``: given the same stopwords, the
keyphrases, their order and their scores are the same.

>>> from textsift.compat import yake
>>> kw = yake.KeywordExtractor(top=3, stopwords={"the", "of", "and", "a", "is", "to", "in", "for"})
>>> [k for k, _ in kw.extract_keywords("Google is acquiring Kaggle, a platform for data science competitions.")]
['data science competitions', 'acquiring Kaggle', 'Google is acquiring']

Without ``stopwords``, textsift uses the Stopwords ISO list of ``lan`` (yake ships lists of its
own, under the AGPL, which textsift does not include), so pass the list you want compared.
Lemmatisation (``lemmatize=True``) is not supported.
"""

from __future__ import annotations

from collections.abc import Iterable

from textsift._textsift import Yake
from textsift.errors import TextsiftValueError

__all__ = ["KeywordExtractor"]


class KeywordExtractor:
    """yake's ``KeywordExtractor``."""

    def __init__(
        self,
        lan: str = "en",
        n: int = 3,
        dedup_lim: float = 0.9,
        dedup_func: str = "seqm",
        window_size: int = 1,
        top: int = 20,
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
        self._yake = Yake(
            lan, n, dedup_lim, dedup_func, window_size, top, None if stopwords is None else set(stopwords)
        )
        self.stopword_set = set(self._yake.stopwords)

    def extract_keywords(self, text: str | None) -> list[tuple[str, float]]:
        """The keyphrases of ``text`` as ``(keyword, score)``, best (lowest score) first."""
        if not text:
            return []
        # yake returns a plain list; so does its drop-in.
        return list(self._yake.extract(text))
