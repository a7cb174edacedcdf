"""The PNG plots of ``python -m eval run`` (matplotlib, Agg backend, no display needed):

- ``accuracy.png``: share of cases passed by kind and by language, 95 % bootstrap bars;
- ``latency.png``: the distribution of each stage's time (``Answer.stages_ms``) and the
  total, log scale;
- ``routes.png``: the confusion table of routes (expected rows, actual columns).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.metrics import ROUTES, STAGES


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def accuracy_plot(by: Mapping[str, Mapping[str, Mapping[str, Any]]], path: Path) -> None:
    plt = _pyplot()
    groups = [("kind", by["kind"]), ("language", by["lang"])]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4),
                             gridspec_kw={"width_ratios": [max(1, len(g)) for _, g in groups]})
    for ax, (title, entries) in zip(axes, groups):
        names = list(entries)
        means = [entries[n]["mean"] for n in names]
        errors = [[m - entries[n]["low"] for n, m in zip(names, means)],
                  [entries[n]["high"] - m for n, m in zip(names, means)]]
        ax.bar(names, means, yerr=errors, capsize=4, color="#4c72b0")
        for x, n in enumerate(names):
            ax.text(x, 0.02, f"n={entries[n]['n']}", ha="center", color="white", fontsize=8)
        ax.set_ylim(0, 1.05)
        ax.set_title(f"by {title}")
        ax.tick_params(axis="x", rotation=20)
    fig.suptitle("share of cases passed, 95% bootstrap interval")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def latency_plot(cases: Sequence[Mapping[str, Any]], path: Path) -> None:
    plt = _pyplot()
    series = {"total": [max(c["latency_ms"], 0.01) for c in cases]}
    for stage in STAGES:
        times = [max(c["stages_ms"][stage], 0.01) for c in cases if stage in c["stages_ms"]]
        if times:
            series[stage] = times
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.boxplot(list(series.values()), whis=(5, 95), showfliers=True)
    ax.set_xticks(range(1, len(series) + 1),
                  [f"{name}\nn={len(v)}" for name, v in series.items()])
    ax.set_yscale("log")
    ax.set_ylabel("ms (log scale)")
    ax.set_title("latency per stage (box: p25-p75, whiskers: p5-p95)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def routes_plot(routes: Mapping[str, Mapping[str, int]], path: Path) -> None:
    plt = _pyplot()
    expected = [r for r in ROUTES if r in routes]
    grid = [[routes[e].get(a, 0) for a in ROUTES] for e in expected]
    fig, ax = plt.subplots(figsize=(6, 1 + 0.7 * len(expected)))
    ax.imshow(grid, cmap="Blues")
    ax.set_xticks(range(len(ROUTES)), ROUTES)
    ax.set_yticks(range(len(expected)), expected)
    ax.set_xlabel("actual route")
    ax.set_ylabel("expected route")
    top = max((v for row in grid for v in row), default=0)
    for y, row in enumerate(grid):
        for x, value in enumerate(row):
            ax.text(x, y, str(value), ha="center", va="center",
                    color="white" if value > top / 2 else "black")
    ax.set_title("routes")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write_plots(report: Mapping[str, Any], folder: Path) -> list[str]:
    """Writes the three PNGs into ``folder``; returns their file names."""
    metrics = report["metrics"]
    accuracy_plot(metrics["accuracy_by"], folder / "accuracy.png")
    latency_plot(report["cases"], folder / "latency.png")
    routes_plot(metrics["routes"], folder / "routes.png")
    return ["accuracy.png", "latency.png", "routes.png"]
