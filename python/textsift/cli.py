"""The ``textsift`` command: argument parsing, reading input and writing output only; the work
is done by the library (:mod:`textsift.report`, :class:`textsift.Vader`, ...).

Input is read and processed in chunks (``--chunk-size`` documents), so memory stays bounded on
files of any size; ``--out`` files are written to a temporary name and renamed at the end, so an
error or Ctrl-C never leaves a partial file.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from typing import IO, Any

from textsift import _textsift
from textsift._io import FORMATS, Document, DocumentSource, InputError, atomic_output
from textsift.datasets import sample_path
from textsift.errors import TextsiftError
from textsift.report import MISSING_GROUP, UNGROUPED, GroupTerms, ReportBuilder

MODES = ("social", "unicode", "tweet", "treebank", "nltk")

DESCRIPTION = """Fast, faithful text analytics for social-media text.

Every subcommand reads a plain-text file (one document per line), CSV, TSV, JSONL or Parquet
(with pyarrow installed), gzipped or not, from a path or from standard input (-), or the bundled
sample corpus (--sample). Run `textsift SUBCOMMAND --help` for its options and examples.
"""

EPILOG_MAIN = """examples:
  textsift report --sample                                  # the main job, on the bundled corpus
  textsift report posts.csv --group-column platform --date-column date --out report.html
  textsift sentiment posts.jsonl --out scores.jsonl

exit status:
  0    success
  1    internal error (a bug: please report it)
  2    bad arguments or unreadable input (one line on standard error names the problem)
  130  interrupted (Ctrl-C); no partial output file is left behind
"""

EPILOG_TOKENIZE = """examples:
  textsift tokenize --sample --format text | head
  textsift tokenize posts.csv --text-column body --mode tweet --format jsonl > tokens.jsonl
  echo "sooo good 😍 #fyp" | textsift tokenize - --format tsv
"""

EPILOG_SENTENCES = """examples:
  textsift sentences notes.txt
  textsift sentences posts.csv --text-column body --out sentences.jsonl
"""

EPILOG_STEM = """examples:
  echo "the cats were running" | textsift stem -                 # cat were run
  textsift stem posts.csv --lang en --algorithm nltk --stopwords --format jsonl
"""

EPILOG_SENTIMENT = """examples:
  textsift sentiment --sample | head -3
  textsift sentiment posts.csv --text-column body --id-column id --format csv --out scores.csv
  textsift sentiment posts.csv --method afinn --out scores.jsonl
  echo "not bad at all :)" | textsift sentiment -
"""

EPILOG_KEYWORDS = """examples:
  textsift keywords --sample --top 3 | head
  textsift keywords articles.jsonl --method rake --top 10 --out keywords.jsonl
"""

EPILOG_KEYNESS = """examples:
  textsift keyness --sample --group-column platform --top 10
  textsift keyness posts.csv --group-column brand --method log_likelihood --format csv --out keyness.csv
"""

EPILOG_REPORT = """examples:
  textsift report --sample
  textsift report --sample --out report.html
  textsift report posts.csv --text-column text --group-column platform --date-column date --out report.html
  textsift report posts.parquet --group-column platform --targets "TikTok=tiktok,#tiktok;Reels=reels,instagram reels"
  textsift report posts.jsonl.gz --group-column platform --format json --out report.json

The report shows per group: size, VADER sentiment (mean, shares, histogram), sentiment over time
(with --date-column; per day, week or month by the date span), the most distinctive terms
against the other groups (keyness), the top keyphrases (YAKE on the group's posts; a random
sample of 20,000 for larger groups), sentiment toward each --targets entry, and top hashtags,
mentions and emoji. The terminal summary is printed unless --quiet; --out writes HTML (a
self-contained page with charts), JSON or the text summary, by --format or the file's extension.
"""

# The bundled corpus's fictional brands, for `report --sample`.
SAMPLE_TARGETS = (
    "Kestrel=kestrel;VoltRush=voltrush;Orbix=orbix;Lumelle=lumelle;BunHaus=bunhaus;Threadly=threadly"
)


def parse_targets(spec: str) -> dict[str, list[str]]:
    """``"TikTok=tiktok,#tiktok;Reels=reels,instagram reels"`` as ``{name: aliases}``; a target
    without ``=`` is its own alias."""
    targets: dict[str, list[str]] = {}
    for part in spec.split(";"):
        if not part.strip():
            continue
        name, _, aliases = part.partition("=")
        name = name.strip()
        found = [a.strip() for a in (aliases or name).split(",") if a.strip()]
        if not name or not found:
            raise InputError(f"bad target {part!r}; expected NAME=alias,alias")
        targets[name] = found
    if not targets:
        raise InputError("--targets names no target")
    return targets


# The largest count an option takes: the Rust side reads counts (top, threads...) as a C long.
MAX_COUNT = 2**63 - 1


def _positive(value: str) -> int:
    digits = value.strip().lstrip("+")
    if digits.isdigit() and len(digits.lstrip("0")) > len(str(MAX_COUNT)):
        # Checked before int(), which refuses more than 4300 digits with a ValueError.
        raise argparse.ArgumentTypeError(f"must be at most {MAX_COUNT}, not a {len(digits)}-digit number")
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value[:40]!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    if n > MAX_COUNT:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_COUNT}, not {n}")
    return n


def _language(value: str) -> str:
    # Command-line arguments carry undecodable bytes as lone surrogates, which Rust cannot take.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(f"not a language code: {value!r}") from None
    return value


def _add_input(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "data",
        nargs="?",
        help="input file (.txt, .csv, .tsv, .jsonl, .parquet; optionally .gz) or - for standard input",
    )
    p.add_argument("--sample", action="store_true", help="use the bundled sample corpus")
    p.add_argument("--input-format", choices=FORMATS, default="auto", help="default: from the file extension")
    p.add_argument("--text-column", default="text", help="column or field holding the text (default: text)")
    p.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    p.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="undecodable bytes: fail naming the line (default) or replace with U+FFFD",
    )
    p.add_argument("--limit", type=_positive, default=None, help="read at most this many documents")
    p.add_argument("--threads", type=_positive, default=None, help="worker threads (default: all cores)")
    p.add_argument(
        "--chunk-size", type=_positive, default=10_000, help="documents processed at a time (default: 10000)"
    )
    p.add_argument("--out", help="write here (atomically) instead of standard output")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no terminal summary")


class Progress:
    """A one-line progress bar on standard error, shown only on a terminal and without --quiet."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.shown = False
        self.last = 0.0
        self.start = time.monotonic()

    def update(self, fraction: float | None, docs: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2 or now - self.start < 1.0:
            return
        self.last = now
        if fraction is None:
            line = f"textsift: {docs:,} documents"
        else:
            filled = int(fraction * 30)
            line = f"textsift: [{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%} {docs:,} documents"
        sys.stderr.write("\r" + line + "\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


def _source(
    args: argparse.Namespace, keep: Sequence[str] = (), require: Sequence[str] = ()
) -> DocumentSource:
    if args.sample and args.data:
        raise InputError("give either a file or --sample, not both")
    if args.sample:
        path, fmt = sample_path(), "csv"
    elif args.data:
        path, fmt = args.data, args.input_format
    else:
        raise InputError("no input: give a file, - for standard input, or --sample")
    return DocumentSource(
        path,
        fmt,
        args.text_column,
        args.errors,
        encoding=args.encoding,
        keep=[k for k in keep if k],
        require=require,
    )


def _chunks(
    args: argparse.Namespace, keep: Sequence[str] = (), require: Sequence[str] = ()
) -> Iterator[list[Document]]:
    """The input's documents in chunks of ``--chunk-size``; an input without any is an error."""
    progress = Progress(sys.stderr.isatty() and not args.quiet)
    total = 0
    try:
        with _source(args, keep, require) as source:
            chunk: list[Document] = []
            for doc in source:
                if args.limit is not None and total >= args.limit:
                    break
                chunk.append(doc)
                total += 1
                if len(chunk) >= args.chunk_size:
                    yield chunk
                    chunk = []
                    progress.update(source.progress(), total)
            if chunk:
                yield chunk
            if total == 0:
                raise InputError(f"{source.path}: no documents (the input is empty)")
    finally:
        progress.close()


@contextlib.contextmanager
def _output(args: argparse.Namespace) -> Iterator[IO[str]]:
    if args.out:
        with atomic_output(args.out) as f:
            yield f
    else:
        yield sys.stdout


def _tsv(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula: text starting with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return gets a leading apostrophe (OWASP's advice). Numbers
    are left alone."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _jsonl(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def cmd_tokenize(args: argparse.Namespace) -> int:
    tok = _textsift.Tokenizer(
        args.mode,
        preserve_case=not args.lowercase_tweet,
        reduce_len=args.reduce_len,
        strip_handles=args.strip_handles,
    )
    row = 0
    with _output(args) as out:
        for chunk in _chunks(args):
            results = tok.tokens_batch([d.text for d in chunk], n_threads=args.threads)
            for tokens in results:
                if args.format == "jsonl":
                    out.write(
                        _jsonl(
                            {
                                "row": row,
                                "tokens": [t.text for t in tokens],
                                "kinds": [t.kind for t in tokens],
                            }
                        )
                    )
                elif args.format == "tsv":
                    out.writelines(
                        f"{row}\t{i}\t{_tsv(t.text)}\t{t.kind}\t{t.start}\t{t.end}\n"
                        for i, t in enumerate(tokens)
                    )
                else:
                    out.write(" ".join(t.text for t in tokens) + "\n")
                row += 1
    return 0


def cmd_sentences(args: argparse.Namespace) -> int:
    splitter = _textsift.SentenceSplitter()
    row = 0
    with _output(args) as out:
        for chunk in _chunks(args):
            for sents in splitter.split_batch([d.text for d in chunk], n_threads=args.threads):
                out.write(_jsonl({"row": row, "sentences": sents}))
                row += 1
    return 0


def cmd_stem(args: argparse.Namespace) -> int:
    analyzer = _textsift.Analyzer(
        "social",
        normalizers=["lowercase"],
        drop_kinds=[] if args.keep_all else ["punctuation", "symbol", "url", "email", "emoji", "emoticon"],
        stopwords=args.lang if args.stopwords else None,
        stem=_textsift.Stemmer(args.lang, algorithm=args.algorithm),
    )
    row = 0
    with _output(args) as out:
        for chunk in _chunks(args):
            for terms in analyzer.terms_batch([d.text for d in chunk], n_threads=args.threads):
                out.write(
                    _jsonl({"row": row, "stems": terms}) if args.format == "jsonl" else " ".join(terms) + "\n"
                )
                row += 1
    return 0


def cmd_sentiment(args: argparse.Namespace) -> int:
    if args.method == "afinn":
        columns = ["afinn"]
        afinn = _textsift.WordList.afinn("en", False)
    else:
        columns = ["neg", "neu", "pos", "compound"]
        vader = _textsift.Vader(mode="corrected" if args.corrected else "faithful")
    head = ["row"] + ([args.id_column] if args.id_column else [])
    row = 0
    with _output(args) as out:
        writer = csv.writer(out, lineterminator="\n") if args.format == "csv" else None
        if writer is not None:
            writer.writerow([spreadsheet_safe(c) for c in head + columns])
        for chunk in _chunks(args, keep=[args.id_column], require=[args.id_column]):
            texts = [d.text for d in chunk]
            if args.method == "afinn":
                values = {"afinn": afinn.score_batch(texts, n_threads=args.threads).tolist()}
            else:
                batch = vader.score_batch(texts, n_threads=args.threads)
                values = {k: batch[k].tolist() for k in columns}
            cols = [values[k] for k in columns]
            if writer is not None:
                for i, doc in enumerate(chunk):
                    id_cell = [spreadsheet_safe(doc.fields.get(args.id_column))] if args.id_column else []
                    writer.writerow([row + i, *id_cell, *(c[i] for c in cols)])
            else:
                # json.dumps per row costs more than scoring; scores are finite floats, whose
                # repr is their JSON form, so only the id goes through json.
                scores_fmt = "".join(f', "{k}": %r' for k in columns) + "}\n"
                for i, doc in enumerate(chunk):
                    ident = (
                        f", {json.dumps(args.id_column)}: {json.dumps(doc.fields.get(args.id_column), ensure_ascii=False)}"
                        if args.id_column
                        else ""
                    )
                    out.write(f'{{"row": {row + i}{ident}' + scores_fmt % tuple(c[i] for c in cols))
            row += len(chunk)
    return 0


def cmd_keywords(args: argparse.Namespace) -> int:
    extractor: Any
    if args.method == "yake":
        extractor = _textsift.Yake(lan=args.lang, n=args.ngram, top=args.top)
    elif args.method == "rake":
        extractor = _textsift.Rake(stopwords=args.lang)
    else:
        extractor = _textsift.TextRank(stopwords=args.lang)
    row = 0
    with _output(args) as out:
        for chunk in _chunks(args):
            texts = [d.text for d in chunk]
            if args.method == "yake":
                results = extractor.extract_batch(texts, n_threads=args.threads)
            else:
                results = extractor.extract_batch(texts, args.top, n_threads=args.threads)
            for phrases in results:
                out.write(_jsonl({"row": row, "keywords": [[p, s] for p, s in phrases]}))
                row += 1
    return 0


def _group_names(chunk: list[Document], column: str | None) -> list[str]:
    if not column:
        return [UNGROUPED] * len(chunk)
    names = []
    for d in chunk:
        value = d.fields.get(column)
        names.append(MISSING_GROUP if value is None or value == "" else str(value))
    return names


def cmd_keyness(args: argparse.Namespace) -> int:
    group = args.group_column or ("platform" if args.sample else None)
    if not group:
        raise InputError("keyness needs --group-column (the column whose groups are compared)")
    counter = GroupTerms(n_threads=args.threads)
    for chunk in _chunks(args, keep=[group], require=[group]):
        counter.add([d.text for d in chunk], _group_names(chunk, group))
    if len(counter.counts) < 2:
        raise InputError(
            f"keyness needs at least two groups in column {group!r}, found {len(counter.counts)}"
        )
    rows = counter.one_vs_rest(args.method, top=args.top).to_list()
    columns = ["group", "term", "count", "count_rest", "score", "p_value"]
    with _output(args) as out:
        if args.format == "json":
            out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "csv":
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(columns)
            for r in rows:
                writer.writerow([spreadsheet_safe(r.get(c)) for c in columns])
        else:
            current = None
            for r in rows:
                if r["group"] != current:
                    out.write(("\n" if current is not None else "") + f"== {r['group']}\n")
                    current = r["group"]
                out.write(
                    f"   {r['term']:<24} {r['score']:+9.3f}  {r['count']:>8} here  {r['count_rest']:>8} rest\n"
                )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    group = args.group_column or ("platform" if args.sample else None)
    date = args.date_column or ("date" if args.sample else None)
    spec = args.targets or (SAMPLE_TARGETS if args.sample else None)
    targets = parse_targets(spec) if spec else None
    fmt = args.format
    if fmt is None:
        ext = os.path.splitext(args.out or "")[1].lower()
        fmt = "html" if ext in (".html", ".htm") else "json" if ext == ".json" else "text"
    if fmt == "html" and not args.out:
        raise InputError("--format html needs --out FILE.html")
    builder = ReportBuilder(
        targets=targets,
        top=args.top,
        group_column=group,
        date_column=date,
        keyphrase_sample=args.keyphrase_sample,
        n_threads=args.threads,
    )
    for chunk in _chunks(args, keep=[group or "", date or ""], require=[group or "", date or ""]):
        builder.add(
            [d.text for d in chunk],
            _group_names(chunk, group) if group else None,
            [d.fields.get(date) for d in chunk] if date else None,
        )
    report = builder.finish()
    text = str(report)
    if args.out:
        title = f"textsift report: {os.path.basename(args.data) if args.data else 'sample corpus'}"
        with atomic_output(args.out) as f:
            f.write(
                report.to_html(title) if fmt == "html" else report.to_json() + "\n" if fmt == "json" else text
            )
        if not args.quiet:
            sys.stdout.write(text + f"\nwrote {args.out}\n")
    else:
        sys.stdout.write(report.to_json() + "\n" if fmt == "json" else text)
        if fmt == "text" and not args.quiet and sys.stderr.isatty():
            print("textsift: add --out report.html for the HTML report with charts", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textsift",
        description=DESCRIPTION,
        epilog=EPILOG_MAIN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"textsift {_textsift.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help: str, epilog: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help,
            description=help,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _add_input(p)
        return p

    p = add(
        "report",
        "compare groups of posts: sentiment, keyness, keyphrases, targets (the main job)",
        EPILOG_REPORT,
    )
    p.add_argument(
        "--group-column", default=None, help="column to compare by (default for --sample: platform)"
    )
    p.add_argument(
        "--date-column",
        default=None,
        help="ISO dates or timestamps, for sentiment over time (--sample: date)",
    )
    p.add_argument(
        "--targets",
        default=None,
        help='sentiment toward targets, e.g. "TikTok=tiktok,#tiktok;Reels=reels,instagram reels" '
        "(default for --sample: its brands)",
    )
    p.add_argument(
        "--top", type=_positive, default=10, help="terms, keyphrases and tags per group (default: 10)"
    )
    p.add_argument(
        "--keyphrase-sample",
        type=_positive,
        default=20_000,
        help="posts per group for keyphrases (default: 20000)",
    )
    p.add_argument(
        "--format", choices=("text", "json", "html"), default=None, help="default: from --out's extension"
    )
    p.set_defaults(func=cmd_report)

    p = add("tokenize", "split documents into tokens", EPILOG_TOKENIZE)
    p.add_argument("--mode", choices=MODES, default="social")
    p.add_argument("--format", choices=("jsonl", "tsv", "text"), default="jsonl")
    p.add_argument("--lowercase-tweet", action="store_true", help="tweet mode: preserve_case=False")
    p.add_argument("--reduce-len", action="store_true", help="tweet mode: shorten character runs")
    p.add_argument("--strip-handles", action="store_true", help="tweet mode: remove @handles")
    p.set_defaults(func=cmd_tokenize)

    p = add("sentences", "split documents into sentences (JSONL out)", EPILOG_SENTENCES)
    p.set_defaults(func=cmd_sentences)

    p = add("stem", "lower-case, tokenize and stem each document's words", EPILOG_STEM)
    p.add_argument("--lang", type=_language, default="en", help="Snowball language (default: en)")
    p.add_argument("--algorithm", choices=("current", "classic", "nltk"), default="current")
    p.add_argument("--stopwords", action="store_true", help="drop the language's stopwords (NLTK's list)")
    p.add_argument("--keep-all", action="store_true", help="keep punctuation, emoji, URLs...")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    p.set_defaults(func=cmd_stem)

    p = add("sentiment", "score each document's sentiment (JSONL or CSV out)", EPILOG_SENTIMENT)
    p.add_argument("--method", choices=("vader", "afinn"), default="vader")
    p.add_argument("--corrected", action="store_true", help="VADER with the documented 3.3.2 bugs fixed")
    p.add_argument("--id-column", default=None, help="copy this column into the output")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.set_defaults(func=cmd_sentiment)

    p = add("keywords", "keyphrases of each document (JSONL out)", EPILOG_KEYWORDS)
    p.add_argument("--method", choices=("yake", "rake", "textrank"), default="yake")
    p.add_argument("--top", type=_positive, default=10)
    p.add_argument("--lang", type=_language, default="en", help="stopword language (default: en)")
    p.add_argument("--ngram", type=_positive, default=3, help="YAKE: longest phrase in words (default: 3)")
    p.set_defaults(func=cmd_keywords)

    p = add("keyness", "the terms that set each group apart from the others", EPILOG_KEYNESS)
    p.add_argument(
        "--group-column", default=None, help="column to compare by (default for --sample: platform)"
    )
    p.add_argument(
        "--method", choices=("log_odds", "log_likelihood", "chi_square", "log_ratio"), default="log_odds"
    )
    p.add_argument("--top", type=_positive, default=20, help="terms per group (default: 20)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.set_defaults(func=cmd_keyness)
    return parser


def _one_line(message: object) -> str:
    return " ".join(str(message).split())


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("textsift: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): not an error. Silence the flush at exit.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0
    except TextsiftError as e:
        if isinstance(e, (TypeError, ValueError)):
            print(f"textsift: error: {_one_line(e)}", file=sys.stderr)
            return 2
        print(f"textsift: internal error: {_one_line(e)}", file=sys.stderr)
        return 1
    except OSError as e:
        # Output that cannot be written (disk full, permission denied on --out...).
        print(f"textsift: error: {_one_line(e)}", file=sys.stderr)
        return 2
    except Exception as e:
        if os.environ.get("TEXTSIFT_DEBUG"):
            raise
        print(f"textsift: internal error: {type(e).__name__}: {_one_line(e)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
