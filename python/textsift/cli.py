"""The ``textsift`` command.

    textsift report --sample                      # the main job on the bundled corpus
    textsift sentiment posts.csv --text-column body > scores.jsonl
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
  textsift report posts.csv --group-column platform --targets "TikTok=tiktok,#tiktok;Reels=reels,instagram reels"
"""

EPILOG_SENTIMENT = """examples:
  textsift sentiment --sample | head -3
  textsift sentiment posts.csv --text-column body --method afinn --out scores.jsonl
  echo "not bad at all :)" | textsift sentiment -
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


def _sentiment_summary(compound: list[float]) -> dict[str, Any]:
    n = len(compound)
    if n == 0:
        return {"mean": None, "positive": 0.0, "neutral": 0.0, "negative": 0.0}
    return {
        "mean": round(sum(compound) / n, 4),
        "positive": round(sum(c >= 0.05 for c in compound) / n, 4),
        "neutral": round(sum(-0.05 < c < 0.05 for c in compound) / n, 4),
        "negative": round(sum(c <= -0.05 for c in compound) / n, 4),
    }


def _summarise(
    docs: list[Document],
    group_column: str,
    top: int,
    threads: int | None,
    targets: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    texts = [d.text for d in docs]
    tokens = _textsift.Tokenizer("social").tokens_batch(texts, n_threads=threads)
    compound = _textsift.Vader().score_batch(texts, n_threads=threads)["compound"].tolist()
    names = [str(doc.fields.get(group_column, "all") or "(none)") for doc in docs]
    by_group: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        by_group.setdefault(name, []).append(i)
    targeted = _textsift.TargetedSentiment(targets) if targets else None
    groups: dict[str, dict[str, Any]] = {}
    for toks, name in zip(tokens, names):
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

    def target_rows(name: str) -> list[dict[str, Any]]:
        if targeted is None:
            return []
        rows = targeted.summarize([texts[i] for i in by_group[name]], n_threads=threads)
        for row in rows:
            for key in ("compound", "positive", "neutral", "negative"):
                if row[key] is not None:
                    row[key] = round(row[key], 4)
        return rows

    return {
        "documents": len(docs),
        "group_column": group_column,
        "groups": {
            name: {
                "posts": g["posts"],
                "sentiment": _sentiment_summary([compound[i] for i in by_group[name]]),
                "targets": target_rows(name),
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
        s = g["sentiment"]
        if s["mean"] is not None:
            out.append(
                f"   sentiment (VADER compound): mean {s['mean']:+.3f}; positive {s['positive']:.0%}, "
                f"neutral {s['neutral']:.0%}, negative {s['negative']:.0%}"
            )
        for t in g["targets"]:
            if t["documents"]:
                out.append(
                    f"   toward {t['target']}: {t['compound']:+.3f} over {t['documents']} posts "
                    f"({t['positive']:.0%} positive, {t['negative']:.0%} negative)"
                )
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
    spec = args.targets or (SAMPLE_TARGETS if args.sample else None)
    targets = parse_targets(spec) if spec else None
    summary = _summarise(docs, group or "(all)", args.top, args.threads, targets)
    text = (
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
        if args.format == "json"
        else _render_text(summary)
    )
    _emit(text, args.out)
    return 0


def cmd_sentiment(args: argparse.Namespace) -> int:
    docs = _documents(args)
    texts = [d.text for d in docs]
    if args.method == "afinn":
        scores = _textsift.WordList.afinn("en", False).score_batch(texts, n_threads=args.threads).tolist()
        lines = [json.dumps({"row": row, "afinn": s}) for row, s in enumerate(scores)]
    else:
        vader = _textsift.Vader(mode="corrected" if args.corrected else "faithful")
        batch = vader.score_batch(texts, n_threads=args.threads)
        cols = {k: batch[k].tolist() for k in ("neg", "neu", "pos", "compound")}
        lines = [json.dumps({"row": row, **{k: cols[k][row] for k in cols}}) for row in range(len(docs))]
    _emit("".join(line + "\n" for line in lines), args.out)
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
    p.add_argument(
        "--targets",
        default=None,
        help='sentiment toward targets, e.g. "TikTok=tiktok,#tiktok;Reels=reels,instagram reels" '
        "(default for --sample: its brands)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "sentiment",
        help="score each document's sentiment (JSONL out)",
        epilog=EPILOG_SENTIMENT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input(p)
    p.add_argument("--method", choices=("vader", "afinn"), default="vader")
    p.add_argument("--corrected", action="store_true", help="VADER with the documented 3.3.2 bugs fixed")
    p.set_defaults(func=cmd_sentiment)
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
