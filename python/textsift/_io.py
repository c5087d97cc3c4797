"""Reading documents for the command line: plain text, CSV and JSONL, optionally gzipped.

Every failure becomes an :class:`InputError` whose message names the file and the problem (and,
for undecodable bytes, the byte offset), so the CLI can print one line and exit with status 2.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from textsift.errors import TextsiftValueError

__all__ = ["Document", "InputError", "read_documents", "atomic_write"]


class InputError(TextsiftValueError):
    """An input file that cannot be read as asked."""


@dataclass
class Document:
    """One document: its text and the other fields of its row."""

    text: str
    fields: dict[str, Any] = field(default_factory=dict)


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    if path.endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            raise InputError(f"{path}: not a complete gzip file ({e})") from None
    return raw


def _decode(raw: bytes, path: str, errors: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8", errors="replace" if errors == "replace" else "strict")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{path}: invalid UTF-8 at byte offset {e.start} (byte 0x{raw[e.start]:02x}); "
            "pass --errors replace to substitute U+FFFD"
        ) from None


def _guess_format(path: str) -> str:
    name = path[:-3] if path.endswith(".gz") else path
    ext = os.path.splitext(name)[1].lower()
    return {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(ext, "text")


def read_documents(
    path: str,
    input_format: str = "auto",
    text_column: str = "text",
    errors: str = "strict",
) -> Iterator[Document]:
    """Yield the documents of ``path`` (``-`` for standard input)."""
    fmt = _guess_format(path) if input_format == "auto" else input_format
    content = _decode(_read_bytes(path), path, errors)
    if fmt == "text":
        for line in content.splitlines():
            yield Document(line)
    elif fmt in ("csv", "tsv"):
        reader = csv.DictReader(io.StringIO(content, newline=""), delimiter="," if fmt == "csv" else "\t")
        columns = reader.fieldnames or []
        if not columns:
            return
        if text_column not in columns:
            raise InputError(
                f"{path}: no column {text_column!r}; columns are {', '.join(map(repr, columns))}"
            )
        for n, row in enumerate(reader, start=2):
            if None in row:
                raise InputError(f"{path}: line {n} has more fields than the header")
            text = row.get(text_column)
            yield Document(
                text if text is not None else "", {k: v for k, v in row.items() if k != text_column}
            )
    elif fmt == "jsonl":
        for n, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}: line {n} is not valid JSON ({e.msg})") from None
            if not isinstance(obj, dict) or text_column not in obj:
                raise InputError(f"{path}: line {n} has no field {text_column!r}")
            text = obj[text_column]
            if text is not None and not isinstance(text, str):
                raise InputError(f"{path}: line {n}: field {text_column!r} is not a string")
            yield Document(text or "", {k: v for k, v in obj.items() if k != text_column})
    else:
        raise InputError(f"unknown input format {fmt!r}")


def atomic_write(path: str, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file, so a failure leaves no partial file."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".textsift-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
