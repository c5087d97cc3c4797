"""vaderSentiment-compatible API (vaderSentiment 3.3.2), backed by textsift's Rust core.

Replace ``from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer`` with
``from textsift.compat.vader import SentimentIntensityAnalyzer``: the scores are the same, to the
last digit, on every input whose characters both sides' Unicode tables know alike (Python 3.11's
``str.isupper()`` follows Unicode 14, and six characters changed case after it: see "Unicode
versions" in the README).

>>> from textsift.compat.vader import SentimentIntensityAnalyzer
>>> analyzer = SentimentIntensityAnalyzer()
>>> analyzer.polarity_scores("VADER is smart, handsome, and funny!")
{'neg': 0.0, 'neu': 0.248, 'pos': 0.752, 'compound': 0.8439}

As with vaderSentiment, ``analyzer.lexicon`` and ``analyzer.emojis`` are dicts that can be
changed in place; the next call scores with the changed tables. One analyzer's table may be
given to another (``b.lexicon = a.lexicon``): both then see each change. A plain ``dict``
assigned to either attribute is copied into one that records its changes, so change it through
the attribute afterwards: a change made through another name for the dict you assigned is not
seen (vaderSentiment keeps that dict itself).

>>> analyzer.lexicon["rizz"] = 2.0
>>> analyzer.polarity_scores("he has rizz")["compound"]
0.4588
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from textsift._textsift import Vader

__all__ = ["SentimentIntensityAnalyzer"]

_DEFAULT_LEXICON = "vader_lexicon.txt"
_DEFAULT_EMOJI = "emoji_utf8_lexicon.txt"

_V = TypeVar("_V")


class _TrackedDict(dict[str, _V]):
    """A dict that counts its changes, so that each analyzer using it (one table may serve
    several) rebuilds its tables only when the count has moved since it last built them."""

    version = 0

    def _mark(name: str) -> Callable[..., Any]:  # type: ignore[misc]
        method = getattr(dict, name)

        def wrapper(self: _TrackedDict[Any], *args: Any, **kwargs: Any) -> Any:
            self.version += 1
            return method(self, *args, **kwargs)

        wrapper.__name__ = name
        return wrapper

    __setitem__ = _mark("__setitem__")
    __delitem__ = _mark("__delitem__")
    __ior__ = _mark("__ior__")
    update = _mark("update")
    pop = _mark("pop")
    popitem = _mark("popitem")
    clear = _mark("clear")
    setdefault = _mark("setdefault")
    del _mark


def _read(path: str) -> str:
    # vaderSentiment reads its files as UTF-8 without newline translation.
    return Path(path).read_bytes().decode("utf-8")


class SentimentIntensityAnalyzer:
    """vaderSentiment 3.3.2's ``SentimentIntensityAnalyzer``.

    ``lexicon_file`` and ``emoji_lexicon`` keep their defaults for VADER's own tables (embedded);
    any other value is the path of a file in VADER's format.
    """

    def __init__(self, lexicon_file: str = _DEFAULT_LEXICON, emoji_lexicon: str = _DEFAULT_EMOJI) -> None:
        lexicon_text = None if lexicon_file == _DEFAULT_LEXICON else _read(lexicon_file)
        emoji_text = None if emoji_lexicon == _DEFAULT_EMOJI else _read(emoji_lexicon)
        # `is not None`, not truthiness: an empty file is an empty table, as in vaderSentiment.
        self._vader = (
            Vader.from_vader_text(lexicon_text, emoji_text)
            if lexicon_text is not None or emoji_text is not None
            else Vader()
        )
        self._lexicon: _TrackedDict[float] = _TrackedDict(self._vader.lexicon())
        self._emojis: _TrackedDict[str] = _TrackedDict(self._vader.emoji())
        self._built = self._tables_state()

    @property
    def lexicon(self) -> dict[str, float]:
        """Word to valence; change it in place or assign a new dict."""
        return self._lexicon

    @lexicon.setter
    def lexicon(self, value: dict[str, float]) -> None:
        self._lexicon = value if isinstance(value, _TrackedDict) else _TrackedDict(value)

    @property
    def emojis(self) -> dict[str, str]:
        """Emoji to description; change it in place or assign a new dict."""
        return self._emojis

    @emojis.setter
    def emojis(self, value: dict[str, str]) -> None:
        self._emojis = value if isinstance(value, _TrackedDict) else _TrackedDict(value)

    def _tables_state(self) -> tuple[int, int, int, int]:
        # Which table objects, at which change counts: a new object or a moved count rebuilds.
        return (id(self._lexicon), self._lexicon.version, id(self._emojis), self._emojis.version)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``{"neg", "neu", "pos", "compound"}`` of ``text``."""
        state = self._tables_state()
        if state != self._built:
            self._vader = Vader(dict(self._lexicon), dict(self._emojis))
            self._built = state
        return self._vader.polarity_scores(text)
