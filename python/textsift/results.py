"""Result types that people look at in notebooks: keyphrase lists.

:meth:`textsift.Yake.extract`, :meth:`textsift.Rake.extract`, :meth:`textsift.TextRank.extract`
and :func:`textsift.keywords` return :class:`Keyphrases`: a ``list`` of ``(phrase, score)``
tuples (equal to, and usable as, the plain list other libraries return) that also renders as an
HTML table in a notebook and converts to a pandas or polars DataFrame. Keyness tables are
:class:`textsift.KeynessResult` (``to_pandas()``, ``to_polars()``, an HTML table).

>>> import textsift as ts
>>> kp = ts.Rake().extract("Red apples are good in flavour. Red apples are cheap.")
>>> kp
[('red apples', 4.0), ('good', 1.0), ('flavour', 1.0), ('cheap', 1.0)]
>>> kp == [('red apples', 4.0), ('good', 1.0), ('flavour', 1.0), ('cheap', 1.0)], kp.method
(True, 'rake')
>>> kp.to_pandas().columns.tolist()  # doctest: +SKIP
['phrase', 'score']
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

__all__ = ["Keyphrases"]

_LOWER_IS_BETTER = frozenset({"yake"})
_NAMES = {"yake": "YAKE", "rake": "RAKE", "textrank": "TextRank"}


class Keyphrases(list[tuple[str, float]]):
    """``(phrase, score)`` pairs, best first, from the extractor named by ``method``
    (``"yake"``: lower scores are better; ``"rake"``, ``"textrank"``: higher are better).

    A plain ``list`` in every other respect: it compares equal to a list of the same pairs,
    and slicing or copying gives a plain list.
    """

    method: str

    def __init__(self, pairs: Iterable[tuple[str, float]] = (), method: str = "") -> None:
        super().__init__(pairs)
        self.method = method

    @property
    def lower_is_better(self) -> bool:
        """Whether lower scores are better (YAKE)."""
        return self.method in _LOWER_IS_BETTER

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (list(self), self.method))

    def to_pandas(self) -> Any:
        """A DataFrame with columns ``phrase`` and ``score``, best first."""
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]

        return pd.DataFrame(
            {"phrase": [p for p, _ in self], "score": [float(s) for _, s in self]},
            columns=["phrase", "score"],
        )

    def to_polars(self) -> Any:
        """A polars DataFrame with columns ``phrase`` and ``score`` (needs ``polars``)."""
        import polars as pl  # type: ignore[import-not-found,unused-ignore]

        return pl.DataFrame(
            {"phrase": [p for p, _ in self], "score": [float(s) for _, s in self]},
            schema={"phrase": pl.Utf8, "score": pl.Float64},
        )

    def _repr_html_(self) -> str:
        # Phrases are user text: every one is escaped.
        name = _NAMES.get(self.method, self.method or "keyphrases")
        order = "lower is better" if self.lower_is_better else "higher is better"
        rows = "".join(
            f"<tr><td>{i}</td><td>{html.escape(str(p))}</td><td>{float(s):.4g}</td></tr>"
            for i, (p, s) in enumerate(self, start=1)
        )
        return (
            '<table class="textsift-keyphrases">'
            f"<caption>{html.escape(name)} keyphrases ({order})</caption>"
            "<thead><tr><th>#</th><th>phrase</th><th>score</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )


def frame_polars(rows: list[dict[str, Any]], columns: list[str]) -> Any:
    """A polars DataFrame of dict ``rows`` with ``columns`` in that order (for result types of
    the compiled core)."""
    import polars as pl  # type: ignore[import-not-found,unused-ignore]

    return pl.DataFrame({c: [r[c] for r in rows] for c in columns}, strict=False)
