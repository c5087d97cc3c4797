"""The bundled sample corpus: short posts and comments about short-video platforms and brands.

Written for textsift (no third-party text). Each row has ``id``, ``platform`` (``TikTok``,
``YouTube Shorts`` or ``Instagram Reels``), ``date`` (ISO) and ``text``.
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from typing import Any

__all__ = ["load_sample", "sample_path"]


def sample_path() -> str:
    """The file system path of the bundled CSV."""
    return str(resources.files("textsift").joinpath("data").joinpath("sample_posts.csv"))


def load_sample(as_frame: bool = False) -> Any:
    """The sample corpus as a list of dicts, or a pandas DataFrame with ``as_frame=True``.

    >>> rows = load_sample()
    >>> len(rows) >= 500 and set(rows[0]) == {"id", "platform", "date", "text"}
    True
    """
    data = (
        resources.files("textsift").joinpath("data").joinpath("sample_posts.csv").read_text(encoding="utf-8")
    )
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    if as_frame:
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]

        frame = pd.DataFrame(rows)
        frame["id"] = frame["id"].astype(int)
        frame["date"] = pd.to_datetime(frame["date"])
        return frame
    return rows
