"""The main job, ``textsift report``'s work: :func:`textsift.build_report` on the sample posts
repeated to a batch, grouped by platform, with dates and the sample corpus's targets, on one
thread and on all cores. It has no peer; the rows show what a report of that many posts costs
and how much of the machine it uses (the CSV reading that the command adds is not timed)."""

from __future__ import annotations

from harness import Harness, Inputs

import textsift as ts
from textsift.cli import SAMPLE_TARGETS, parse_targets

CAP = "Report (the main job)"


def run(h: Harness, inputs: Inputs) -> None:
    print(f"\n== {CAP}", flush=True)
    rows = ts.load_sample()
    n = len(inputs.posts_x)
    # posts_x is the sample posts repeated in order: their platforms and dates repeat alike.
    groups = ([r["platform"] for r in rows] * (n // len(rows) + 1))[:n]
    dates = ([r["date"] for r in rows] * (n // len(rows) + 1))[:n]
    targets = parse_targets(SAMPLE_TARGETS)
    h.measure_threads(
        CAP,
        inputs.posts_x_name,
        "textsift `build_report` (groups, dates, targets)",
        lambda nt: ts.build_report(inputs.posts_x, groups, dates, targets, n_threads=nt),
        items=n,
        unit="posts",
        texts=inputs.posts_x,
    )
