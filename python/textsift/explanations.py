"""Sentiment results that people read: explanations of VADER scores.

:meth:`textsift.Vader.explain` returns an :class:`Explanation`: the scores, and for every word what
it contributed and which rules changed it. In a notebook it renders as the text with each word
coloured by its valence (hover for the rules).

>>> import textsift as ts
>>> e = ts.Vader().explain("The food was not good!")
>>> [(w.text, w.valence) for w in e.words if w.valence]
[('good', -1.406)]
>>> [step.name for step in e.words[4].rules]
['lexicon', 'negation']
>>> e.words[4].rules[1].word
'not'
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, NamedTuple

__all__ = ["ExplainedWord", "Explanation", "RuleStep"]

_DESCRIPTIONS = {
    "lexicon": "lexicon valence",
    "no_before_sentiment": '"no" before a sentiment word counts as a negation',
    "negation": "negated (x -0.74)",
    "all_caps": "ALL CAPS emphasis (+/- 0.733)",
    "booster": "degree word",
    "never_so_this": '"never so/this" (x 1.25)',
    "idiom": "idiom",
    "least": '"least" (x -0.74)',
    "but": '"but" rule',
}


class RuleStep(NamedTuple):
    """One rule applied to a word: its ``name``, the ``word`` that triggered it (if any), the
    ``amount`` it added or the factor it applied (boosters, "but"), and the ``valence`` after."""

    name: str
    word: str | None
    amount: float | None
    valence: float

    def describe(self) -> str:
        """A readable sentence, e.g. ``negated (x -0.74) by 'not' -> -1.406``."""
        text = _DESCRIPTIONS.get(self.name, self.name)
        if self.word is not None:
            text += f" by {self.word!r}"
        if self.amount is not None:
            text += f" ({'x' if self.name == 'but' else '+'}{self.amount:g})"
        return f"{text} -> {self.valence:.4g}"


@dataclass(frozen=True)
class ExplainedWord:
    """One word as VADER read it: ``text[start:end]`` of the original text is where it came from
    (all the words of an emoji's description point at the emoji)."""

    text: str
    start: int
    end: int
    lexicon: float | None
    valence: float
    rules: tuple[RuleStep, ...]


@dataclass(frozen=True)
class Explanation:
    """Why a text got its VADER scores."""

    text: str
    scores: dict[str, float]
    words: tuple[ExplainedWord, ...]
    sum: float
    punctuation: float
    mode: str

    def __str__(self) -> str:
        lines = [f"{self.scores}  (sum of valences {self.sum:.4g}, punctuation {self.punctuation:+.3g})"]
        for w in self.words:
            if w.rules:
                lines.append(f"  {w.text!r}: {w.valence:+.4g}  " + "; ".join(s.describe() for s in w.rules))
        return "\n".join(lines)

    def _columns(self) -> dict[str, list[Any]]:
        return {
            "text": [w.text for w in self.words],
            "start": [w.start for w in self.words],
            "end": [w.end for w in self.words],
            "lexicon": [w.lexicon for w in self.words],
            "valence": [w.valence for w in self.words],
            "rules": ["; ".join(s.describe() for s in w.rules) for w in self.words],
        }

    def to_pandas(self) -> Any:
        """One row per word: ``text``, ``start``, ``end``, ``lexicon``, ``valence``, ``rules``."""
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]

        return pd.DataFrame(self._columns())

    def to_polars(self) -> Any:
        """:meth:`to_pandas` as a polars DataFrame (needs ``polars``)."""
        import polars as pl  # type: ignore[import-not-found,unused-ignore]

        return pl.DataFrame(self._columns(), strict=False)

    def _repr_html_(self) -> str:
        # Every piece of the text is escaped; nothing here runs script or loads anything.
        spans: dict[tuple[int, int], list[ExplainedWord]] = {}
        for w in self.words:
            spans.setdefault((w.start, w.end), []).append(w)
        parts = []
        at = 0
        for (start, end), group in sorted(spans.items()):
            if start < at:
                continue
            parts.append(html.escape(self.text[at:start]))
            valence = sum(w.valence for w in group)
            tip = "; ".join(f"{w.text}: {s.describe()}" for w in group for s in w.rules) or "neutral"
            parts.append(
                f'<span style="{_style(valence)}" title="{html.escape(tip, quote=True)}">'
                f"{html.escape(self.text[start:end])}</span>"
            )
            at = end
        parts.append(html.escape(self.text[at:]))
        s = self.scores
        table = " ".join(f"<b>{k}</b> {html.escape(format(v, 'g'))}" for k, v in s.items())
        return (
            '<div class="textsift-explanation">'
            f'<div style="line-height:1.8">{"".join(parts)}</div>'
            f'<div style="font-size:90%;color:#555">{table} &middot; VADER ({html.escape(self.mode)})</div>'
            "</div>"
        )


def _style(valence: float) -> str:
    if valence == 0:
        return "border-bottom:1px dotted #999"
    alpha = min(abs(valence) / 4.0, 1.0) * 0.7 + 0.15
    rgb = "0,150,70" if valence > 0 else "210,40,40"
    return f"background:rgba({rgb},{alpha:.2f});border-radius:3px;padding:0 2px"
