"""HTML and inline SVG for :class:`textsift.report.Report`.

Self-contained on purpose: no script, no web font, no image or stylesheet from the network, so a
report can be mailed or opened offline. Every string that came from the data (group names, terms,
keyphrases, target names, dates) goes through :func:`esc`; numbers are formatted by us.
"""

from __future__ import annotations

import html
from typing import Any

# Colour-blind-safe palette (Okabe-Ito), cycled over groups.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
NEG, NEU, POS = "#D55E00", "#BBBBBB", "#009E73"

CSS = """
.ts-report{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#222;max-width:1100px}
.ts-report h1{font-size:1.5em}.ts-report h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
.ts-report h3{font-size:1em;margin:.8em 0 .3em}
.ts-report table{border-collapse:collapse;font-size:90%}
.ts-report td,.ts-report th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}
.ts-report td.n{text-align:right;font-variant-numeric:tabular-nums}
.ts-report .grid{display:flex;flex-wrap:wrap;gap:18px}
.ts-report .card{flex:1 1 320px;min-width:280px}
.ts-report .muted{color:#666;font-size:90%}
.ts-report svg text{font-size:11px;fill:#333}
"""


def esc(value: Any) -> str:
    """Escape for HTML text and (double- or single-quoted) attribute values."""
    return html.escape(str(value), quote=True)


def _color(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _svg(width: int, height: int, body: list[str], label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(label)}">'
        f"<title>{esc(label)}</title>{''.join(body)}</svg>"
    )


def histogram_svg(counts: list[int], edges: list[float], color: str, label: str) -> str:
    """Bars of the compound-score histogram; bins below -0.05 red, above +0.05 green."""
    w, h, pad = 300, 120, 20
    top = max(counts) if counts and max(counts) > 0 else 1
    bw = (w - 2 * pad) / max(1, len(counts))
    body = [f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="#999"/>']
    for i, c in enumerate(counts):
        bh = (h - 2 * pad) * c / top
        mid = (edges[i] + edges[i + 1]) / 2
        fill = NEG if mid <= -0.05 else POS if mid >= 0.05 else NEU
        body.append(
            f'<rect x="{pad + i * bw:.1f}" y="{h - pad - bh:.1f}" width="{bw - 1:.1f}" height="{bh:.1f}" '
            f'fill="{fill}"><title>{edges[i]:+.1f} to {edges[i + 1]:+.1f}: {c} posts</title></rect>'
        )
    body.append(f'<text x="{pad}" y="{h - 5}">-1</text>')
    body.append(f'<text x="{w / 2 - 3:.0f}" y="{h - 5}">0</text>')
    body.append(f'<text x="{w - pad - 8}" y="{h - 5}">+1</text>')
    body.append(f'<text x="{pad}" y="12" style="fill:{color}">{esc(label)}</text>')
    return _svg(w, h, body, f"Sentiment histogram: {label}")


def shares_svg(groups: dict[str, dict[str, Any]]) -> str:
    """One stacked bar per group: negative, neutral and positive shares."""
    names = list(groups)
    label_w, bar_w, row_h = 170, 420, 24
    h = row_h * len(names) + 30
    body = []
    for i, name in enumerate(names):
        s = groups[name]["sentiment"]
        y = 5 + i * row_h
        body.append(f'<text x="0" y="{y + 15}">{esc(_clip(name, 26))}</text>')
        x = float(label_w)
        for key, fill in (("negative", NEG), ("neutral", NEU), ("positive", POS)):
            width = bar_w * (s[key] or 0.0)
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row_h - 6}" fill="{fill}">'
                f"<title>{esc(name)}: {key} {s[key]:.1%}</title></rect>"
            )
            if width > 28:
                body.append(f'<text x="{x + 3:.1f}" y="{y + 13}">{s[key]:.0%}</text>')
            x += width
    y = 5 + len(names) * row_h + 12
    for j, (key, fill) in enumerate((("negative", NEG), ("neutral", NEU), ("positive", POS))):
        body.append(f'<rect x="{label_w + j * 90}" y="{y - 9}" width="10" height="10" fill="{fill}"/>')
        body.append(f'<text x="{label_w + j * 90 + 14}" y="{y}">{key}</text>')
    return _svg(label_w + bar_w + 10, h, body, "Sentiment shares per group")


def timeline_svg(data: dict[str, Any]) -> str:
    """Mean compound per period, one line per group."""
    periods: list[str] = data["periods"]
    groups = data["groups"]
    w, h, left, right, top, bottom = 760, 260, 40, 150, 10, 40
    pw, ph = w - left - right, h - top - bottom
    index = {p: i for i, p in enumerate(periods)}
    span = max(1, len(periods) - 1)

    def x(p: str) -> float:
        return left + pw * index[p] / span

    def y(v: float) -> float:
        return top + ph * (1 - v) / 2

    body = []
    for v in (-1.0, -0.5, 0.0, 0.5, 1.0):
        body.append(
            f'<line x1="{left}" y1="{y(v):.1f}" x2="{left + pw}" y2="{y(v):.1f}" '
            f'stroke="{"#999" if v == 0 else "#eee"}"/>'
        )
        body.append(f'<text x="2" y="{y(v) + 4:.1f}">{v:+.1f}</text>')
    step = max(1, len(periods) // 6)
    for p in periods[::step]:
        body.append(f'<text x="{x(p) - 28:.1f}" y="{h - bottom + 16}">{esc(p)}</text>')
    for i, (name, g) in enumerate(groups.items()):
        pts = [(x(p), y(m), p, n, m) for p, n, m in g["over_time"] if p in index]
        if not pts:
            continue
        color = _color(i)
        if len(pts) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py, *_ in pts)
            body.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="1.5"/>')
        for px, py, p, n, m in pts:
            body.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="2.5" fill="{color}">'
                f"<title>{esc(name)}, {esc(p)}: {m:+.3f} over {n} posts</title></circle>"
            )
        ly = top + 14 + i * 16
        body.append(f'<rect x="{left + pw + 12}" y="{ly - 9}" width="10" height="10" fill="{color}"/>')
        body.append(f'<text x="{left + pw + 26}" y="{ly}">{esc(_clip(name, 18))}</text>')
    return _svg(w, h, body, f"Mean sentiment per {data['granularity']} and group")


def hbars_svg(items: list[tuple[str, float, str]], color: str, label: str) -> str:
    """Horizontal bars: (label, value, tooltip), values >= 0."""
    label_w, bar_w, row_h = 150, 160, 18
    top = max((v for _, v, _ in items), default=1.0) or 1.0
    body = []
    for i, (text, value, tip) in enumerate(items):
        y = 4 + i * row_h
        width = bar_w * value / top
        body.append(f'<text x="0" y="{y + 11}">{esc(_clip(text, 24))}</text>')
        body.append(
            f'<rect x="{label_w}" y="{y}" width="{width:.1f}" height="{row_h - 5}" fill="{color}">'
            f"<title>{esc(tip)}</title></rect>"
        )
    return _svg(label_w + bar_w + 10, 8 + row_h * max(1, len(items)), body, label)


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def render_body(data: dict[str, Any]) -> str:
    """The report as an HTML fragment (for notebooks and inside :func:`render_page`)."""
    groups: dict[str, dict[str, Any]] = data["groups"]
    by = data["group_column"] or "group"
    parts = [f"<style>{CSS}</style>", '<div class="ts-report">']
    parts.append(
        f"<p>{data['documents']} documents in {len(groups)} groups (by <b>{esc(by)}</b>). "
        "Sentiment is VADER's compound score (positive at +0.05 and above, negative at -0.05 and "
        "below).</p>"
    )
    if data["approximate"]:
        parts.append(
            '<p class="muted">Term counts are approximate: rare terms were dropped to bound memory.</p>'
        )

    # Overview table.
    parts.append('<h2 id="overview">Overview</h2><table><tr><th>group</th><th>posts</th><th>mean</th>')
    parts.append("<th>positive</th><th>neutral</th><th>negative</th></tr>")
    for name, g in groups.items():
        s = g["sentiment"]
        mean = f"{s['mean']:+.3f}" if s["mean"] is not None else "-"
        parts.append(
            f'<tr data-group="{esc(name)}"><td>{esc(name)}</td><td class="n">{g["posts"]}</td>'
            f'<td class="n">{mean}</td><td class="n">{s["positive"]:.1%}</td>'
            f'<td class="n">{s["neutral"]:.1%}</td><td class="n">{s["negative"]:.1%}</td></tr>'
        )
    parts.append("</table>")

    parts.append('<section data-chart="sentiment-distribution"><h2>Sentiment distribution per group</h2>')
    parts.append(shares_svg(groups))
    parts.append('<div class="grid">')
    for i, (name, g) in enumerate(groups.items()):
        parts.append(
            '<div class="card">'
            + histogram_svg(g["sentiment"]["histogram"], data["histogram_edges"], _color(i), name)
            + "</div>"
        )
    parts.append("</div></section>")

    if data["granularity"]:
        parts.append(
            f'<section data-chart="sentiment-over-time"><h2>Sentiment over time (per {esc(data["granularity"])})</h2>'
        )
        parts.append(timeline_svg(data))
        if data["undated"]:
            parts.append(
                f'<p class="muted">{data["undated"]} posts without a readable date are left out.</p>'
            )
        parts.append("</section>")

    if any(g["distinctive_terms"] for g in groups.values()):
        parts.append(
            '<section data-chart="keyness"><h2>Distinctive terms (each group against the others)</h2>'
            '<p class="muted">Log-odds ratio with an informative Dirichlet prior (z-score).</p><div class="grid">'
        )
        for i, (name, g) in enumerate(groups.items()):
            items = [
                (
                    t["term"],
                    t["score"],
                    f"{t['term']}: z={t['score']:.2f}, {t['count']} here, {t['count_rest']} in the rest",
                )
                for t in g["distinctive_terms"]
            ]
            parts.append(
                f'<div class="card"><h3>{esc(name)}</h3>'
                + hbars_svg(items, _color(i), f"Distinctive terms: {name}")
                + "</div>"
            )
        parts.append("</div></section>")

    parts.append(
        '<section data-chart="keyphrases"><h2>Top keyphrases</h2>'
        '<p class="muted">YAKE on each group\'s posts (a random sample of them for large groups); '
        'longer bars rank higher.</p><div class="grid">'
    )
    for i, (name, g) in enumerate(groups.items()):
        n = len(g["keyphrases"])
        items = [
            (p, float(n - r), f"{p}: rank {r + 1}, YAKE score {s:.4g}")
            for r, (p, s) in enumerate(g["keyphrases"])
        ]
        parts.append(
            f'<div class="card"><h3>{esc(name)}</h3>'
            + hbars_svg(items, _color(i), f"Top keyphrases: {name}")
            + f'<p class="muted">from {g["keyphrase_posts"]} of {g["posts"]} posts</p></div>'
        )
    parts.append("</div></section>")

    if data["targets"]:
        parts.append(
            '<section data-chart="targets"><h2>Sentiment toward targets</h2><table><tr><th>group</th>'
        )
        parts.append("".join(f"<th>{esc(t)}</th>" for t in data["targets"]) + "</tr>")
        for name, g in groups.items():
            cells = "".join(
                f'<td class="n">{t["compound"]:+.3f} <span class="muted">({t["documents"]})</span></td>'
                if t["documents"]
                else '<td class="n">-</td>'
                for t in g["targets"]
            )
            parts.append(f"<tr><td>{esc(name)}</td>{cells}</tr>")
        parts.append("</table></section>")

    parts.append('<h2>Hashtags, mentions and emoji</h2><div class="grid">')
    for name, g in groups.items():
        rows = []
        for label, key in (
            ("hashtags", "top_hashtags"),
            ("mentions", "top_mentions"),
            ("emoji", "top_emoji"),
        ):
            listed = ", ".join(f"{esc(k)} ({v})" for k, v in g[key]) or "-"
            rows.append(f"<tr><th>{label}</th><td>{listed}</td></tr>")
        parts.append(f'<div class="card"><h3>{esc(name)}</h3><table>{"".join(rows)}</table></div>')
    parts.append("</div></div>")
    return "".join(parts)


def render_page(data: dict[str, Any], title: str) -> str:
    """A whole HTML document around :func:`render_body`."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # No network, no script: the page cannot load or run anything.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{esc(title)}</title></head><body>"
        f'<h1 class="ts-report">{esc(title)}</h1>'
        f"{render_body(data)}</body></html>\n"
    )
