"""Reading documents for the command line, in a stream: plain text, CSV/TSV, JSONL and Parquet,
optionally gzipped, from a file or standard input; and writing output files atomically.

Input is read line by line (Parquet batch by batch), so memory does not grow with the file. Every
failure becomes an :class:`InputError` whose message names the file and the problem (the line,
and for undecodable bytes the byte offset), so the CLI can print one line and exit with status 2.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gzip
import io
import json
import os
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from textsift.errors import TextsiftValueError

__all__ = ["Document", "DocumentSource", "InputError", "read_documents", "atomic_write", "atomic_output"]

FORMATS = ("auto", "text", "csv", "tsv", "jsonl", "parquet")


class InputError(TextsiftValueError):
    """An input file that cannot be read as asked."""


@dataclass
class Document:
    """One document: its text and the other fields of its row."""

    text: str
    fields: dict[str, Any] = field(default_factory=dict)


def guess_format(path: str) -> str:
    """The input format from the file name (``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``,
    ``.parquet``, each optionally ``.gz``); plain text otherwise."""
    name = path[:-3] if path.endswith(".gz") else path
    ext = os.path.splitext(name)[1].lower()
    return {
        ".csv": "csv",
        ".tsv": "tsv",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".parquet": "parquet",
        ".pq": "parquet",
    }.get(ext, "text")


class _Counting(io.RawIOBase):
    """Counts the (compressed) bytes read, for the progress bar."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self.raw.read(len(b))
        n = len(data)
        b[:n] = data
        self.count += n
        return n


class DocumentSource:
    """The documents of one input, read lazily; iterate it once.

    ``path`` is a file or ``-`` (standard input). ``keep`` names the fields besides the text to
    keep in :attr:`Document.fields` (``None``: all); ``require`` the columns that must exist.
    :meth:`progress` is the share of the input read so far (``None`` when unknown).
    """

    def __init__(
        self,
        path: str,
        input_format: str = "auto",
        text_column: str = "text",
        errors: str = "strict",
        *,
        encoding: str = "utf-8",
        keep: Iterable[str] | None = None,
        require: Iterable[str] = (),
    ) -> None:
        if input_format not in FORMATS:
            raise InputError(f"unknown input format {input_format!r}")
        try:
            codecs.lookup(encoding)
        except (LookupError, UnicodeError):  # UnicodeError: a name with lone surrogates
            raise InputError(f"unknown encoding {encoding!r}") from None
        try:
            b"\n".decode(encoding)
        except LookupError:
            # rot13, hex, base64, zlib_codec...: codecs that bytes.decode refuses.
            raise InputError(
                f"encoding {encoding!r} is not a text encoding (it does not turn bytes into text)"
            ) from None
        except UnicodeError:
            pass  # a text encoding in which a lone newline is not valid (utf-16...)
        self.path = path
        self.format = guess_format(path) if input_format == "auto" else input_format
        self.text_column = text_column
        self.errors = errors
        self.encoding = encoding
        self.keep = None if keep is None else frozenset(keep)
        self.require = [c for c in require if c]
        self.total: int | None = None
        self._counter: _Counting | None = None
        self._file: IO[bytes] | None = None
        if path != "-":
            if os.path.isdir(path):
                raise InputError(f"{path}: is a directory, not a file")
            try:
                self._file = open(path, "rb")  # noqa: SIM115 (closed by close())
            except FileNotFoundError:
                raise InputError(f"{path}: no such file") from None
            except PermissionError:
                raise InputError(f"{path}: permission denied") from None
            except OSError as e:
                raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
            with contextlib.suppress(OSError):
                self.total = os.fstat(self._file.fileno()).st_size

    def progress(self) -> float | None:
        if not self.total or self._counter is None:
            return None
        return min(1.0, self._counter.count / self.total)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> DocumentSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _binary(self) -> io.BufferedIOBase:
        raw: IO[bytes] = self._file if self._file is not None else sys.stdin.buffer
        self._counter = _Counting(raw)
        buffered = io.BufferedReader(self._counter, buffer_size=1 << 20)
        # Gzip by name or by its magic bytes (so `zcat`-less pipes and misnamed files work too).
        if self.path.endswith(".gz") or buffered.peek(2)[:2] == b"\x1f\x8b":
            return gzip.GzipFile(fileobj=buffered, mode="rb")
        return buffered

    def _lines(self) -> Iterator[tuple[int, str]]:
        """``(line number, decoded line with its newline)``; decoding errors name line and byte."""
        stream = self._binary()
        strict = self.errors == "strict"
        offset = 0
        n = 0
        try:
            for raw in stream:
                n += 1
                if (
                    n == 1
                    and raw.startswith(codecs.BOM_UTF8)
                    and self.encoding.replace("_", "-").lower()
                    in (
                        "utf-8",
                        "utf8",
                        "utf-8-sig",
                    )
                ):
                    raw = raw[3:]
                    offset += 3
                try:
                    line = raw.decode(self.encoding, "strict" if strict else "replace")
                except UnicodeDecodeError as e:
                    raise InputError(
                        f"{self.path}: line {n}: invalid {self.encoding.upper()} at byte offset "
                        f"{offset + e.start} (byte 0x{raw[e.start]:02x}); "
                        "pass --errors replace to substitute U+FFFD, or --encoding"
                    ) from None
                except UnicodeError as e:
                    # Codecs such as idna, punycode or undefined raise a plain UnicodeError.
                    raise InputError(
                        f"{self.path}: line {n}: cannot decode as {self.encoding}: {e}"
                    ) from None
                offset += len(raw)
                yield n, line
        except (EOFError, gzip.BadGzipFile, zlib.error) as e:
            raise InputError(f"{self.path}: not a complete gzip file ({e or 'truncated'})") from None
        except OSError as e:
            raise InputError(f"{self.path}: cannot read: {e.strerror or e}") from None

    def __iter__(self) -> Iterator[Document]:
        if self.format == "text":
            return self._text()
        if self.format in ("csv", "tsv"):
            return self._csv()
        if self.format == "jsonl":
            return self._jsonl()
        return self._parquet()

    def _text(self) -> Iterator[Document]:
        if self.require:
            raise InputError(
                f"{self.path}: plain text has no column {self.require[0]!r}; use CSV, JSONL or Parquet"
            )
        for _, line in self._lines():
            yield Document(line.rstrip("\r\n"))

    def _fields(self, row: dict[str, Any]) -> dict[str, Any]:
        if self.keep is None:
            return {k: v for k, v in row.items() if k != self.text_column}
        return {k: row.get(k) for k in self.keep}

    def _check_columns(self, columns: list[str]) -> None:
        for name in [self.text_column, *self.require]:
            if name not in columns:
                shown = ", ".join(map(repr, columns[:20])) + (", ..." if len(columns) > 20 else "")
                raise InputError(f"{self.path}: no column {name!r}; columns are {shown}")

    def _csv(self) -> Iterator[Document]:
        lines = self._lines()
        numbered = (line for _, line in lines)
        reader = csv.reader(numbered, delimiter="," if self.format == "csv" else "\t")
        try:
            header = next(reader, None)
            if header is None:
                return
            self._check_columns(header)
            width = len(header)
            text_at = header.index(self.text_column)
            wanted = [
                (i, name)
                for i, name in enumerate(header)
                if i != text_at and (self.keep is None or name in self.keep)
            ]
            for row in reader:
                if not row:
                    continue
                if len(row) != width:
                    more = "more" if len(row) > width else "fewer"
                    raise InputError(
                        f"{self.path}: line {reader.line_num} has {more} fields than the header "
                        f"({len(row)}, not {width})"
                    )
                yield Document(row[text_at], {name: row[i] for i, name in wanted})
        except csv.Error as e:
            raise InputError(f"{self.path}: line {reader.line_num}: bad CSV ({e})") from None

    def _jsonl(self) -> Iterator[Document]:
        for n, line in self._lines():
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{self.path}: line {n} is not valid JSON ({e.msg})") from None
            except ValueError:
                # int() refuses more than sys.get_int_max_str_digits() (4300) digits.
                raise InputError(
                    f"{self.path}: line {n} has an integer with too many digits to read"
                ) from None
            except RecursionError:
                raise InputError(f"{self.path}: line {n} is nested too deeply to read as JSON") from None
            if not isinstance(obj, dict) or self.text_column not in obj:
                raise InputError(f"{self.path}: line {n} has no field {self.text_column!r}")
            for name in self.require:
                if name not in obj:
                    raise InputError(f"{self.path}: line {n} has no field {name!r}")
            text = obj[self.text_column]
            if text is not None and not isinstance(text, str):
                raise InputError(f"{self.path}: line {n}: field {self.text_column!r} is not a string")
            yield Document(text or "", self._fields(obj))

    def _parquet(self) -> Iterator[Document]:
        try:
            import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError:
            raise InputError("reading Parquet needs pyarrow: pip install pyarrow") from None
        source: Any = self._file if self._file is not None else io.BytesIO(sys.stdin.buffer.read())
        try:
            pf = pq.ParquetFile(source)
            columns = list(pf.schema_arrow.names)
            self._check_columns(columns)
            wanted = [self.text_column] + [
                c for c in columns if c != self.text_column and (self.keep is None or c in self.keep)
            ]
            row_number = 0
            for batch in pf.iter_batches(batch_size=10_000, columns=wanted):
                for row in batch.to_pylist():
                    row_number += 1
                    text = row[self.text_column]
                    if text is not None and not isinstance(text, str):
                        raise InputError(
                            f"{self.path}: row {row_number}: column {self.text_column!r} is not a string"
                        )
                    yield Document(text or "", self._fields(row))
                if self._counter is not None and self._file is not None:
                    self._counter.count = self._file.tell()
        except InputError:
            raise
        except Exception as e:  # pyarrow raises its own error types for damaged files
            raise InputError(f"{self.path}: not a readable Parquet file ({e})") from None


def read_documents(
    path: str,
    input_format: str = "auto",
    text_column: str = "text",
    errors: str = "strict",
    **options: Any,
) -> Iterator[Document]:
    """Yield the documents of ``path`` (``-`` for standard input); see :class:`DocumentSource`."""
    with DocumentSource(path, input_format, text_column, errors, **options) as source:
        yield from source


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when the block ends without an exception
    (written to a temporary file in the same directory, then renamed)."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".textsift-", dir=directory)
    except FileNotFoundError:
        raise InputError(f"{path}: the directory does not exist") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
        # mkstemp makes the file private (0600); give it the usual mode for new files.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        try:
            os.replace(tmp, path)
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(path: str, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file, so a failure leaves no partial file."""
    with atomic_output(path) as f:
        f.write(data)
