"""Paired bootstrap intervals for metric differences between two runs of the same set.

A change of ±0.01 on 90 items is noise more often than progress. Each resample draws the set's
items with replacement, the same draw for both runs (paired), and recomputes each metric from
its per-item parts (numerator and denominator, so ratios such as must-mention coverage and
turn success are pooled as the metric itself is). The 2.5th and 97.5th percentiles of the
differences give the 95% interval.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

RESAMPLES = 2000  # enough for stable 2.5/97.5 percentiles at two decimals
SEED = 20261207  # fixed: the same report gives the same interval
_MEANS = (
    "instrument_hit_at_3", "instrument_recall_at_5", "misfit_at_3", "passage_hit_at_5",
    "passage_mrr_at_10", "citation_precision", "abstention_accuracy", "false_abstention_rate",
    "language_match", "conversation_success",
)
POOLED = {"must_mention_coverage": ("mentions_found", "mentions_total"),
          "turn_success": ("turns_ok", "turns_checked")}


def _parts(row: Mapping[str, Any], metric: str) -> tuple[float, float]:
    if metric in POOLED:
        num, den = POOLED[metric]
        return float(row.get(num) or 0), float(row.get(den) or 0)
    value = row.get(metric)
    return (0.0, 0.0) if value is None else (float(value), 1.0)


def _value(parts: Sequence[tuple[float, float]], draw: Sequence[int]) -> float | None:
    num = sum(parts[i][0] for i in draw)
    den = sum(parts[i][1] for i in draw)
    return num / den if den else None


def paired_interval(
    base: Sequence[Mapping[str, Any]], other: Sequence[Mapping[str, Any]], metric: str,
    resamples: int = RESAMPLES, seed: int = SEED,
) -> tuple[float, float, float] | None:
    """(difference other - base, low, high) for one metric, or None where it does not apply.
    Rows are matched by item id."""
    by_id = {r["id"]: r for r in other}
    pairs = [(r, by_id[r["id"]]) for r in base if r["id"] in by_id]
    a = [_parts(x, metric) for x, _ in pairs]
    b = [_parts(y, metric) for _, y in pairs]
    everything = range(len(pairs))
    va, vb = _value(a, everything), _value(b, everything)
    if va is None or vb is None:
        return None
    rng = random.Random(seed)
    diffs = []
    for _ in range(resamples):
        draw = [rng.randrange(len(pairs)) for _ in everything]
        da, db = _value(a, draw), _value(b, draw)
        if da is not None and db is not None:
            diffs.append(db - da)
    diffs.sort()
    low = diffs[int(0.025 * (len(diffs) - 1))]
    high = diffs[int(0.975 * (len(diffs) - 1))]
    return vb - va, low, high


def differences(
    reports: Mapping[str, Mapping[str, Any]], base: str
) -> dict[str, dict[str, tuple[float, float, float]]]:
    """Configuration -> metric -> (difference from `base`, 95% low, 95% high)."""
    out: dict[str, dict[str, tuple[float, float, float]]] = {}
    for name, report in reports.items():
        if name == base:
            continue
        out[name] = {}
        for metric in (*_MEANS, *POOLED):
            found = paired_interval(reports[base]["items"], report["items"], metric)
            if found is not None:
                out[name][metric] = found
    return out


def interval_table(reports: Mapping[str, Mapping[str, Any]], base: str) -> str:
    """One line per configuration and metric: the difference and its 95% interval."""
    lines = [f"Differences from {base} (paired bootstrap, {RESAMPLES} resamples, 95% interval):"]
    for name, metrics in differences(reports, base).items():
        for metric, (diff, low, high) in metrics.items():
            mark = "" if low <= 0 <= high else "  *"
            lines.append(f"  {name:<14} {metric:<24} {diff:+.3f}  [{low:+.3f}, {high:+.3f}]{mark}")
    lines.append("  (* the interval excludes 0)")
    return "\n".join(lines)
