"""Word-list sentiment: AFINN, and lexicons of your own.

A word-list score is the sum of the valences of the entries a text contains. Entries may be
phrases ("can't stand", "fed up"); at each position the longest entry wins, and entries start and
end at word boundaries. Text is lower-cased first. AFINN scores equal those of the ``afinn``
package (0.1) exactly.

>>> import textsift as ts
>>> ts.Afinn().score("This is utterly excellent!")
3.0
>>> mine = ts.Lexicon({"slay": 2.0, "mid": -1.0, "no cap": 0.5})
>>> mine.matches("That fit? SLAY. The food was mid, no cap.")
[('slay', 2.0), ('mid', -1.0), ('no cap', 0.5)]
>>> mine.score_batch(["slay", "mid mid", ""]).tolist()
[2.0, -2.0, 0.0]

A lexicon can extend a built-in one, and VADER can use it:

>>> vibes = ts.Lexicon({"rizz": 2.4}, base="vader")
>>> ts.Vader(lexicon=vibes).polarity_scores("he has rizz")["compound"]
0.5267
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from textsift._textsift import Vader, WordList
from textsift.errors import TextsiftValueError

__all__ = ["Afinn", "Lexicon"]


class _WordListScorer:
    _core: WordList

    def score(self, text: str) -> float:
        """The sum of the valences of the entries in ``text``."""
        return self._core.score(text)

    def scores(self, text: str) -> list[float]:
        """The valence of each matched entry, in order."""
        return self._core.scores(text)

    def find_all(self, text: str) -> list[str]:
        """The matched entries, in order (lower-cased, as matched)."""
        return self._core.find_all(text)

    def matches(self, text: str) -> list[tuple[str, float]]:
        """``(entry, valence)`` for each match, in order."""
        return self._core.matches(text)

    def score_batch(
        self, texts: Iterable[str | None], *, n_threads: int | None = None, on_missing: str = "raise"
    ) -> Any:
        """:meth:`score` of every text as a numpy array (GIL released, all cores, input order)."""
        return self._core.score_batch(texts, n_threads=n_threads, on_missing=on_missing)


class Afinn(_WordListScorer):
    """AFINN word-list sentiment: ``language`` ``"en"`` (AFINN-165) or ``"da"`` (AFINN-da-32),
    with AFINN's emoticons if ``emoticons``. The AFINN lists are Finn Årup Nielsen's (Open
    Database License), as the ``afinn`` package ships them."""

    def __init__(self, language: str = "en", emoticons: bool = False) -> None:
        self._core = WordList.afinn(language, emoticons)
        self.language = language
        self.emoticons = emoticons

    def __repr__(self) -> str:
        return f"Afinn(language={self.language!r}, emoticons={self.emoticons})"


def _read_text(path: str | os.PathLike[str]) -> str:
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise TextsiftValueError(
            f"{os.fspath(path)}: line {line} is not valid UTF-8 (byte {e.start})"
        ) from None


class Lexicon(_WordListScorer, Mapping[str, float]):
    """A word list of your own (a read-only mapping of entry to valence), scored by summing.

    ``entries`` is a mapping of words or phrases to valences; ``base`` starts from a built-in
    list (``"vader"``, ``"afinn"`` or ``"afinn-da"``) that ``entries`` extend and override. Keys are
    lower-cased. Use :meth:`from_file` for TSV, CSV and JSON files.
    """

    def __init__(
        self,
        entries: Mapping[str, float] | None = None,
        *,
        base: str | None = None,
        word_boundary: bool = True,
    ) -> None:
        self._core = WordList.from_entries(entries, base, word_boundary, True)
        self._entries: dict[str, float] = self._core.entries()
        # What a pickle needs: the entries given and the name of the base, not the merged list
        # (a lexicon on top of VADER's ships a few entries, not 7,500).
        self._args = (None if entries is None else dict(entries), base, word_boundary)

    def __reduce__(self) -> tuple[Any, ...]:
        entries, base, word_boundary = self._args
        return (_lexicon, (entries, base, word_boundary))

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        base: str | None = None,
        word_boundary: bool = True,
    ) -> Lexicon:
        """Read entries from a file: ``word<TAB>valence`` lines (``.tsv``, ``.txt``; VADER's and
        AFINN's files are such), ``word,valence`` rows (``.csv``) or a JSON object or list of pairs
        (``.json``); ``format`` overrides the extension. A header line is allowed. A broken line is
        a ``ValueError`` naming the file and the line.
        """
        name = os.fspath(path)
        fmt = format or (
            "csv" if name.lower().endswith(".csv") else "json" if name.lower().endswith(".json") else "tsv"
        )
        text = _read_text(path)
        try:
            entries = WordList.parse_entries(text, fmt)
        except TextsiftValueError as e:
            raise TextsiftValueError(f"{name}: {e}") from None
        return cls(entries, base=base, word_boundary=word_boundary)

    def __getitem__(self, key: str) -> float:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"Lexicon({len(self)} entries)"


def _lexicon(entries: Mapping[str, float] | None, base: str | None, word_boundary: bool) -> Lexicon:
    return Lexicon(entries, base=base, word_boundary=word_boundary)


def _patched(table: Any, changed: Mapping[str, Any], removed: Iterable[str]) -> dict[str, Any] | None:
    """``table()`` (one of VADER's own tables) with ``changed`` set and ``removed`` deleted, or
    ``None`` when there is no change."""
    if not changed and not removed:
        return None
    out: dict[str, Any] = table()
    out.update(changed)
    for key in removed:
        del out[key]
    return out


def _vader_from_changes(
    changed: dict[str, float],
    removed: list[str],
    emoji_changed: dict[str, str],
    emoji_removed: list[str],
    summation: str | None,
    mode: str,
) -> Vader:
    """Rebuilds a pickled :class:`textsift.Vader` from its differences to VADER's own lexicon and
    emoji table (what ``Vader.__reduce__`` ships instead of the whole tables)."""
    base = Vader()
    lexicon = _patched(base.lexicon, changed, removed)
    emoji = _patched(base.emoji, emoji_changed, emoji_removed)
    if lexicon is None and emoji is None:
        # Tables equal to VADER's own, however they were given.
        lexicon = base.lexicon()
    return Vader(lexicon, emoji, summation, mode)
