"""Printing and writing eval reports: a text table, Markdown, JSON and a PNG chart."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from eval.intervals import interval_table
from eval.runner import METRICS

SHORT = {
    "instrument_hit_at_3": "inst@3", "instrument_recall_at_5": "instR@5", "misfit_at_3": "misfit@3",
    "turn_success": "turn", "conversation_success": "conv",
    "passage_hit_at_5": "pass@5", "passage_mrr_at_10": "MRR@10", "citation_precision": "citeP",
    "must_mention_coverage": "mention", "abstention_accuracy": "abstain",
    "false_abstention_rate": "falseAbst", "language_match": "lang",
    "latency_ms_p50": "p50 ms", "latency_ms_p95": "p95 ms",
}


def _cell(value: float | None, name: str) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if name.startswith("latency") else f"{value:.3f}"


def table(rows: Mapping[str, Mapping[str, float | None]], markdown: bool = False) -> str:
    """One row per configuration (or per type), one column per metric."""
    header = ["", *(SHORT[m] for m in METRICS)]
    lines = [[name, *(_cell(metrics.get(m), m) for m in METRICS)] for name, metrics in rows.items()]
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.rjust(w) if i else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in [header, *lines]
    )


def markdown_report(reports: Mapping[str, Mapping[str, Any]], set_path: str, command: str) -> str:
    default = reports.get("hybrid") or next(iter(reports.values()))
    parts = [
        "# Eval report", "",
        f"Set: `{set_path}`, {default['n']} questions. Produced by `{command}`.", "",
        "## Configurations", "", table({k: r["metrics"] for k, r in reports.items()}, True), "",
        "## Default configuration by question type", "",
        table(default["by_type"], True), "",
        "## Differences from the default, with 95% intervals", "", "```",
        interval_table(reports, "hybrid" if "hybrid" in reports else next(iter(reports))),
        "```", "",
        "Configurations: " + "; ".join(
            f"**{k}** = {', '.join(f'{a}: {b}' for a, b in r['config'].items() if a != 'name')}"
            for k, r in reports.items()
        ),
        "",
    ]
    return "\n".join(parts)


def chart(reports: Mapping[str, Mapping[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [m for m in METRICS if not m.startswith("latency")]
    fig, ax = plt.subplots(figsize=(11, 4.5))
    width = 0.8 / max(len(reports), 1)
    for i, (config, report) in enumerate(reports.items()):
        values = [report["metrics"].get(m) or 0.0 for m in names]
        ax.bar([x + i * width for x in range(len(names))], values, width, label=config)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(names))])
    ax.set_xticklabels([SHORT[m] for m in names])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score (0..1)")
    ax.set_title("Eval by configuration")
    ax.legend(fontsize=8, ncol=len(reports))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_reports(
    reports: Mapping[str, Mapping[str, Any]], folder: Path, set_path: str, command: str
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    md, js, png = folder / "latest.md", folder / "latest.json", folder / "latest.png"
    md.write_text(markdown_report(reports, set_path, command), encoding="utf-8")
    js.write_text(json.dumps(reports, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    chart(reports, png)
    return [md, js, png]
