"""The ``.textsift`` accessor of pandas ``Series``: textsift on a column, results aligned to its index.

>>> import pandas as pd
>>> import textsift.pandas  # registers the accessor (see below)
>>> s = pd.Series(["great app!", None, "slow and buggy"], index=["a", "b", "c"])
>>> s.textsift.sentiment(on_missing="skip")["compound"].tolist()
[0.6588, nan, 0.0]
>>> s.textsift.tokenize(on_missing="skip").loc["c"]
['slow', 'and', 'buggy']

**Registration.** ``import textsift`` never imports pandas. It registers the accessor when pandas
is already imported at that moment; otherwise ``import textsift.pandas`` (as above) registers it.
Either way, registering twice is harmless.

**Missing values** (``None``, ``NaN``, ``pd.NA``) follow textsift's batch rule: by default they
raise :class:`textsift.TextsiftTypeError` naming the index label; ``on_missing="skip"`` gives a
missing result (``NaN`` scores, ``None`` lists) for those rows, and ``on_missing="empty"`` treats
them as empty text. Every method returns a ``Series`` or ``DataFrame`` with the index of the
input, and runs the batch API of the configured object (GIL released, all cores).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd  # type: ignore[import-untyped,unused-ignore]

from textsift._textsift import (
    Analyzer,
    SentenceSplitter,
    Stemmer,
    TargetedSentiment,
    Tokenizer,
    Vader,
    Yake,
)
from textsift.errors import TextsiftTypeError, TextsiftValueError
from textsift.lexicons import Afinn

__all__ = ["TextsiftSeriesAccessor", "register"]

_POLICIES = ("raise", "skip", "empty")


class TextsiftSeriesAccessor:
    """``series.textsift``: sentiment, keywords, tokens, sentences, terms and stems of a column."""

    def __init__(self, series: pd.Series) -> None:
        self._s = series

    # -- missing values ---------------------------------------------------------------------
    def _texts(self, on_missing: str) -> tuple[list[Any], npt.NDArray[Any]]:
        """The values to score (missing ones replaced by "" when allowed) and the mask of the
        non-missing rows."""
        if on_missing not in _POLICIES:
            raise TextsiftValueError(f"on_missing must be 'raise', 'skip' or 'empty', not {on_missing!r}")
        present = ~np.asarray(self._s.isna(), dtype=bool)
        if on_missing == "raise" and not present.all():
            at = int(np.flatnonzero(~present)[0])
            raise TextsiftTypeError(
                f"the value at index {self._s.index[at]!r} (row {at}) is missing; "
                "pass on_missing='skip' or 'empty' to allow it"
            )
        values = self._s.to_numpy(dtype=object)
        if on_missing == "skip":
            return list(values[present]), present
        return [v if ok else "" for v, ok in zip(values, present)], present

    def _objects(
        self, results: list[Any], present: npt.NDArray[np.bool_], on_missing: str, name: str
    ) -> pd.Series:
        """A Series of per-row results; skipped rows get ``None``."""
        # Filled one by one: assigning a list of equal-length lists at once would make numpy
        # build a 2-D array.
        out = np.empty(len(self._s), dtype=object)
        rows = np.flatnonzero(present) if on_missing == "skip" else range(len(self._s))
        for k, r in zip(rows, results):
            out[k] = r
        return pd.Series(out, index=self._s.index, name=name)

    def _numbers(
        self, columns: dict[str, npt.NDArray[Any]], present: npt.NDArray[np.bool_], on_missing: str
    ) -> pd.DataFrame:
        """A DataFrame of numeric columns; skipped rows get ``NaN``."""
        if on_missing == "skip":
            full: dict[str, npt.NDArray[Any]] = {}
            for k, v in columns.items():
                col = np.full(len(self._s), np.nan)
                col[present] = v
                full[k] = col
            columns = full
        return pd.DataFrame(columns, index=self._s.index)

    # -- sentiment ----------------------------------------------------------------------------
    def sentiment(
        self,
        analyzer: Vader | Afinn | None = None,
        *,
        n_threads: int | None = None,
        on_missing: str = "raise",
    ) -> pd.DataFrame | pd.Series:
        """VADER's ``neg``, ``neu``, ``pos`` and ``compound`` per row (a DataFrame), with
        ``Vader()`` or the given :class:`textsift.Vader`; with a :class:`textsift.Afinn`, its
        scores (a Series named ``afinn``)."""
        texts, present = self._texts(on_missing)
        if isinstance(analyzer, Afinn):
            scores = analyzer.score_batch(texts, n_threads=n_threads)
            return self._numbers({"afinn": scores}, present, on_missing)["afinn"]
        vader = analyzer if analyzer is not None else _vader()
        if not isinstance(vader, Vader):
            raise TextsiftTypeError(f"analyzer must be a Vader or Afinn, not {type(analyzer).__name__}")
        return self._numbers(vader.score_batch(texts, n_threads=n_threads), present, on_missing)

    def targeted_sentiment(
        self,
        targets: TargetedSentiment | dict[str, Any],
        *,
        n_threads: int | None = None,
        on_missing: str = "raise",
    ) -> pd.DataFrame:
        """The compound sentiment toward each target per row (``NaN`` where a row does not
        mention it): one column per target. ``targets`` is a :class:`textsift.TargetedSentiment`
        or the mapping of target names to aliases it takes."""
        ts_ = targets if isinstance(targets, TargetedSentiment) else TargetedSentiment(targets)
        texts, present = self._texts(on_missing)
        result = ts_.score_batch(texts, n_threads=n_threads)
        compound = np.asarray(result["compound"], dtype=float).reshape(len(texts), len(result["targets"]))
        columns = {name: compound[:, j] for j, name in enumerate(result["targets"])}
        return self._numbers(columns, present, on_missing)

    # -- keywords -----------------------------------------------------------------------------
    def keywords(
        self,
        method: str = "yake",
        top: int = 10,
        lang: str = "en",
        n: int = 3,
        *,
        n_threads: int | None = None,
        on_missing: str = "raise",
    ) -> pd.Series:
        """The keyphrases of each row as a list of ``(phrase, score)`` (see
        :func:`textsift.keywords` for the methods)."""
        from textsift import _extractor

        if top < 0:
            raise TextsiftValueError(f"top must not be negative, not {top}")
        texts, present = self._texts(on_missing)
        extractor = _extractor(method, lang, n, top if method == "yake" else 0)
        if isinstance(extractor, Yake):
            results = extractor.extract_batch(texts, n_threads=n_threads)
        else:
            results = extractor.extract_batch(texts, top, n_threads=n_threads)
        return self._objects(results, present, on_missing, "keywords")

    # -- tokens, sentences, terms, stems --------------------------------------------------------
    def tokenize(
        self,
        mode: str = "social",
        *,
        n_threads: int | None = None,
        on_missing: str = "raise",
        **options: bool,
    ) -> pd.Series:
        """The tokens of each row (a list of str), as :func:`textsift.tokenize`."""
        texts, present = self._texts(on_missing)
        results = Tokenizer(mode, **options).tokenize_batch(texts, n_threads=n_threads)
        return self._objects(results, present, on_missing, "tokens")

    def count_tokens(
        self,
        mode: str = "social",
        *,
        n_threads: int | None = None,
        on_missing: str = "raise",
        **options: bool,
    ) -> pd.Series:
        """The number of tokens of each row (``NaN`` for skipped rows)."""
        texts, present = self._texts(on_missing)
        counts = Tokenizer(mode, **options).count_batch(texts, n_threads=n_threads)
        return self._numbers({"tokens": counts}, present, on_missing)["tokens"]

    def sentences(self, *, n_threads: int | None = None, on_missing: str = "raise") -> pd.Series:
        """The sentences of each row (a list of str), as :func:`textsift.sentences`."""
        texts, present = self._texts(on_missing)
        results = SentenceSplitter().split_batch(texts, n_threads=n_threads)
        return self._objects(results, present, on_missing, "sentences")

    def terms(
        self,
        analyzer: Analyzer | None = None,
        *,
        n_threads: int | None = None,
        on_missing: str = "raise",
    ) -> pd.Series:
        """The terms of each row after an :class:`textsift.Analyzer` pipeline (default:
        lower-cased words and hashtags, punctuation dropped, English stopwords dropped, stemmed)."""
        if analyzer is None:
            analyzer = _default_analyzer()
        texts, present = self._texts(on_missing)
        results = analyzer.terms_batch(texts, n_threads=n_threads)
        return self._objects(results, present, on_missing, "terms")

    def stem(
        self,
        lang: str = "en",
        algorithm: str = "current",
        *,
        n_threads: int | None = None,
        on_missing: str = "raise",
    ) -> pd.Series:
        """The stem of each row, a single word (as :func:`textsift.stem`); explode lists of
        tokens first to stem them (``s.textsift.tokenize().explode().textsift.stem()``)."""
        texts, present = self._texts(on_missing)
        stems = Stemmer(lang, algorithm=algorithm).stem_words(texts, n_threads=n_threads)
        out = self._objects(stems, present, on_missing, self._s.name)
        if on_missing == "skip":
            out[~present] = self._s[~present]
        return out


@lru_cache(maxsize=1)
def _vader() -> Vader:
    return Vader()


def _default_analyzer() -> Analyzer:
    return Analyzer(
        "social",
        normalizers=["lowercase"],
        drop_kinds=["punctuation"],
        stopwords="en",
        stem="en",
    )


def register() -> None:
    """Registers ``Series.textsift`` (done on import of this module; calling it again is a no-op)."""
    if "textsift" in getattr(pd.Series, "_accessors", set()):
        return
    pd.api.extensions.register_series_accessor("textsift")(TextsiftSeriesAccessor)


register()
