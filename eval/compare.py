"""``python -m eval compare A/report.json B/report.json``: what changed from A to B.

Case by case (matched on set and id): **fixed** (failed in A, passes in B), **broken**
(passed in A, fails in B), route changes, and checks that flipped while the case's pass
flag stayed; then every headline metric with its delta, and cases found in one run only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.metrics import HEADLINE, flatten
from eval.report import REPORT_VERSION


class ReportError(ValueError):
    """A report file that cannot be compared."""


def load_report(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReportError(f"{path}: cannot read ({exc.strerror or exc}); give the "
                          "report.json written by `python -m eval run --out DIR`.") from exc
    except json.JSONDecodeError as exc:
        raise ReportError(f"{path}: not JSON ({exc.msg})") from exc
    if not isinstance(data, dict) or "cases" not in data or "metrics" not in data:
        raise ReportError(f"{path}: not a report of `python -m eval run` (no cases/metrics)")
    if data.get("version") != REPORT_VERSION:
        raise ReportError(f"{path}: report version {data.get('version')!r}, this code reads "
                          f"{REPORT_VERSION}; re-run `python -m eval run`.")
    return data


@dataclass
class Diff:
    fixed: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    rerouted: list[str] = field(default_factory=list)
    flipped: list[str] = field(default_factory=list)
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    metrics: list[tuple[str, float, float]] = field(default_factory=list)


def _key(case: Mapping[str, Any]) -> str:
    return f"{case['set']}:{case['id']}"


def diff_reports(a: Mapping[str, Any], b: Mapping[str, Any]) -> Diff:
    before = {_key(c): c for c in a["cases"]}
    after = {_key(c): c for c in b["cases"]}
    diff = Diff(only_a=sorted(set(before) - set(after)), only_b=sorted(set(after) - set(before)))
    for key in sorted(set(before) & set(after)):
        old, new = before[key], after[key]
        label = f"{old['id']} ({old['kind']}, {old['lang']})"
        if old["ok"] != new["ok"]:
            (diff.fixed if new["ok"] else diff.broken).append(label)
        if old["route"] != new["route"]:
            diff.rerouted.append(f"{label}: {old['route']} -> {new['route']}")
        if old["ok"] == new["ok"]:
            changed = [f"{flag} {old['flags'][flag]} -> {value}"
                       for flag, value in new["flags"].items()
                       if flag in old["flags"] and old["flags"][flag] != value]
            if changed:
                diff.flipped.append(f"{label}: " + ", ".join(changed))
    flat_a, flat_b = flatten(a["metrics"]), flatten(b["metrics"])
    diff.metrics = [(name, flat_a[name], flat_b[name]) for name, _, _ in HEADLINE
                    if name in flat_a and name in flat_b]
    return diff


def render(diff: Diff, a: str, b: str) -> str:
    lines = [f"A = {a}", f"B = {b}", "",
             f"fixed ({len(diff.fixed)}): " + (", ".join(diff.fixed) or "none"),
             f"broken ({len(diff.broken)}): " + (", ".join(diff.broken) or "none")]
    for title, items in (("route changed", diff.rerouted), ("checks flipped", diff.flipped),
                         ("only in A", diff.only_a), ("only in B", diff.only_b)):
        if items:
            lines += ["", f"{title} ({len(items)}):", *[f"  {item}" for item in items]]
    labels = {name: label for name, label, _ in HEADLINE}
    lines += ["", f"{'metric':<58} {'A':>9} {'B':>9} {'B - A':>9}"]
    for name, old, new in diff.metrics:
        places = 0 if name.startswith("latency_ms") else 3
        lines.append(f"{labels[name]:<58} {old:>9.{places}f} {new:>9.{places}f} "
                     f"{new - old:>+9.{places}f}")
    return "\n".join(lines)


def compare_files(a: Path, b: Path) -> str:
    return render(diff_reports(load_report(a), load_report(b)), str(a), str(b))
