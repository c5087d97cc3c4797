"""The ``textsift`` command.

    textsift report --sample                      # the main job on the bundled corpus
    textsift tokenize posts.csv --text-column body --mode social --format jsonl
    textsift sentences notes.txt

Exit status: 0 on success, 2 for bad arguments or unreadable input (one line on stderr), 1 for an
internal error, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from textsift import _textsift
from textsift._io import Document, InputError, atomic_write, read_documents
from textsift.datasets import sample_path
from textsift.errors import TextsiftError

MODES = ("social", "unicode", "tweet", "treebank", "nltk")

EPILOG_TOKENIZE = """examples:
  textsift tokenize --sample --format text | head
  textsift tokenize posts.csv --text-column body --mode tweet --format jsonl > tokens.jsonl
  echo "sooo good 😍 #fyp" | textsift tokenize - --format tsv
"""

EPILOG_REPORT = """examples:
  textsift report --sample
  textsift report posts.csv --text-column text --group-column platform --format json --out report.json
"""


def _add_input(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "data", nargs="?", help="input file (.txt, .csv, .tsv, .jsonl, optionally .gz) or - for stdin"
    )
    p.add_argument("--sample", action="store_true", help="use the bundled sample corpus")
    p.add_argument("--input-format", choices=("auto", "text", "csv", "tsv", "jsonl"), default="auto")
    p.add_argument("--text-column", default="text", help="column or field holding the text (default: text)")
    p.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="undecodable bytes: fail (default) or replace with U+FFFD",
    )
    p.add_argument("--limit", type=int, default=None, help="read at most this many documents")
    p.add_argument("--threads", type=int, default=None, help="worker threads (default: all cores)")
    p.add_argument("--out", help="write here (atomically) instead of standard output")


def _documents(args: argparse.Namespace) -> list[Document]:
    if args.sample and args.data:
        raise InputError("give either a file or --sample, not both")
    if args.sample:
        path, fmt = sample_path(), "csv"
    elif args.data:
        path, fmt = args.data, args.input_format
    else:
        raise InputError("no input: give a file, - for standard input, or --sample")
    docs: list[Document] = []
    for doc in read_documents(path, fmt, args.text_column, args.errors):
        if args.limit is not None and len(docs) >= args.limit:
            break
        docs.append(doc)
    return docs


def _emit(text: str, out: str | None) -> None:
    if out:
        atomic_write(out, text)
    else:
        sys.stdout.write(text)


def cmd_tokenize(args: argparse.Namespace) -> int:
    docs = _documents(args)
    tok = _textsift.Tokenizer(
        args.mode,
        preserve_case=not args.lowercase_tweet,
        reduce_len=args.reduce_len,
        strip_handles=args.strip_handles,
    )
    results = tok.tokens_batch([d.text for d in docs], n_threads=args.threads)
    lines: list[str] = []
    for row, tokens in enumerate(results):
        if args.format == "jsonl":
            lines.append(
                json.dumps(
                    {"row": row, "tokens": [t.text for t in tokens], "kinds": [t.kind for t in tokens]},
                    ensure_ascii=False,
                )
            )
        elif args.format == "tsv":
            lines.extend(
                f"{row}\t{i}\t{_tsv(t.text)}\t{t.kind}\t{t.start}\t{t.end}" for i, t in enumerate(tokens)
            )
        else:
            lines.append(" ".join(t.text for t in tokens))
    _emit("".join(line + "\n" for line in lines), args.out)
    return 0


def _tsv(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def cmd_sentences(args: argparse.Namespace) -> int:
    docs = _documents(args)
    results = _textsift.SentenceSplitter().split_batch([d.text for d in docs], n_threads=args.threads)
    lines = [
        json.dumps({"row": row, "sentences": sents}, ensure_ascii=False) for row, sents in enumerate(results)
    ]
    _emit("".join(line + "\n" for line in lines), args.out)
    return 0


def _summarise(docs: list[Document], group_column: str, top: int, threads: int | None) -> dict[str, Any]:
    tokens = _textsift.Tokenizer("social").tokens_batch([d.text for d in docs], n_threads=threads)
    groups: dict[str, dict[str, Any]] = {}
    for doc, toks in zip(docs, tokens):
        name = str(doc.fields.get(group_column, "all") or "(none)")
        g = groups.setdefault(
            name,
            {
                "posts": 0,
                "tokens": 0,
                "kinds": Counter(),
                "hashtag": Counter(),
                "mention": Counter(),
                "emoji": Counter(),
                "emoticon": Counter(),
                "domain": Counter(),
            },
        )
        g["posts"] += 1
        g["tokens"] += len(toks)
        for t in toks:
            g["kinds"][t.kind] += 1
            if t.kind in ("hashtag", "mention"):
                g[t.kind][t.text.lower()] += 1
            elif t.kind in ("emoji", "emoticon"):
                g[t.kind][t.text] += 1
            elif t.kind == "url":
                g["domain"][_domain(t.text)] += 1

    # Ties are broken by the item itself, so output never depends on input order.
    def ranked(c: Counter[str]) -> list[list[Any]]:
        return [[k, v] for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]

    return {
        "documents": len(docs),
        "group_column": group_column,
        "groups": {
            name: {
                "posts": g["posts"],
                "tokens_per_post": round(g["tokens"] / g["posts"], 2) if g["posts"] else 0.0,
                "token_kinds": dict(sorted(g["kinds"].items())),
                "top_hashtags": ranked(g["hashtag"]),
                "top_mentions": ranked(g["mention"]),
                "top_emoji": ranked(g["emoji"]),
                "top_emoticons": ranked(g["emoticon"]),
                "top_domains": ranked(g["domain"]),
            }
            for name, g in sorted(groups.items())
        },
    }


def _domain(url: str) -> str:
    rest = url.split("://", 1)[-1]
    host = rest.split("/", 1)[0].split("?", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


def _render_text(summary: dict[str, Any]) -> str:
    out = [f"textsift report: {summary['documents']} documents by {summary['group_column']}", ""]
    for name, g in summary["groups"].items():
        out.append(f"== {name}: {g['posts']} posts, {g['tokens_per_post']} tokens per post")
        kinds = ", ".join(f"{k} {v}" for k, v in g["token_kinds"].items())
        out.append(f"   token kinds: {kinds}")
        for label, key in (
            ("hashtags", "top_hashtags"),
            ("mentions", "top_mentions"),
            ("emoji", "top_emoji"),
            ("emoticons", "top_emoticons"),
            ("domains", "top_domains"),
        ):
            items = "  ".join(f"{k} ({v})" for k, v in g[key]) or "-"
            out.append(f"   top {label}: {items}")
        out.append("")
    return "\n".join(out)


def cmd_report(args: argparse.Namespace) -> int:
    docs = _documents(args)
    if args.sample and args.group_column is None:
        args.group_column = "platform"
    group = args.group_column or ""
    if group and docs and group not in docs[0].fields:
        raise InputError(
            f"no column {group!r} to group by; columns are {', '.join(map(repr, docs[0].fields))}"
        )
    summary = _summarise(docs, group or "(all)", args.top, args.threads)
    text = (
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
        if args.format == "json"
        else _render_text(summary)
    )
    _emit(text, args.out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textsift", description="Fast, faithful text analytics for social-media text."
    )
    parser.add_argument("--version", action="version", version=f"textsift {_textsift.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "tokenize",
        help="split documents into tokens",
        epilog=EPILOG_TOKENIZE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input(p)
    p.add_argument("--mode", choices=MODES, default="social")
    p.add_argument("--format", choices=("jsonl", "tsv", "text"), default="jsonl")
    p.add_argument("--lowercase-tweet", action="store_true", help="tweet mode: preserve_case=False")
    p.add_argument("--reduce-len", action="store_true", help="tweet mode: shorten character runs")
    p.add_argument("--strip-handles", action="store_true", help="tweet mode: remove @handles")
    p.set_defaults(func=cmd_tokenize)

    p = sub.add_parser("sentences", help="split documents into sentences (JSONL out)")
    _add_input(p)
    p.set_defaults(func=cmd_sentences)

    p = sub.add_parser(
        "report",
        help="compare groups of posts (the main job)",
        epilog=EPILOG_REPORT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input(p)
    p.add_argument(
        "--group-column", default=None, help="column to compare by (default for --sample: platform)"
    )
    p.add_argument("--top", type=int, default=8)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("textsift: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except TextsiftError as e:
        if isinstance(e, (TypeError, ValueError)):
            print(f"textsift: error: {e}", file=sys.stderr)
            return 2
        print(f"textsift: internal error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
