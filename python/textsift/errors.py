"""Exceptions raised by textsift.

Every error textsift raises on purpose derives from :class:`TextsiftError`; the ones about wrong
types or bad values also derive from the built-in ``TypeError`` and ``ValueError``, so existing
``except ValueError`` code keeps working.
"""

from __future__ import annotations

__all__ = ["TextsiftError", "TextsiftTypeError", "TextsiftValueError", "TextsiftInternalError"]


class TextsiftError(Exception):
    """Base class of every textsift error."""


class TextsiftTypeError(TextsiftError, TypeError):
    """An argument has the wrong type (``None``, ``bytes``, a non-``str`` item in a batch…)."""


class TextsiftValueError(TextsiftError, ValueError):
    """An argument has the right type but a value textsift cannot use."""


class TextsiftInternalError(TextsiftError, RuntimeError):
    """A bug in textsift: a Rust panic caught before it reached Python. Please report it."""
