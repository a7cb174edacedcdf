"""The eval gate: thresholds on the figures of a held-back run, kept in ``eval/gate.json``.

``tests/eval/test_gate.py`` runs the default assistant on the held-back sets and fails with
every metric below (or above) its threshold, actual vs required. To re-set the thresholds
from a fresh run (after a change that legitimately moves the figures):

    python -m eval run --baselines none --write-gate     # default config, held-back split

which writes each gated rate's current value minus a margin (0.03, or one case of the
metric's sample where that is more: the held-back set has only 12 unanswerable questions)
and each count's current value (``answers.invented`` must not rise) into ``eval/gate.json``.
Review the diff before committing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from eval.metrics import flatten

GATE_FILE = Path(__file__).resolve().parent / "gate.json"
# (metric, "min" | "max", the figure that counts its cases): what the gate holds.
GATED: tuple[tuple[str, str, str], ...] = (
    ("answers.accuracy", "min", "answers.n"),
    ("answers.facts", "min", "answers.n"),
    ("answers.citation", "min", "answers.n"),
    ("answers.invented", "max", ""),
    ("refusals.precision", "min", "refusals.n"),
    ("refusals.recall", "min", "refusals.n"),
    ("retrieval.doc_hit5", "min", "retrieval.n"),
    ("retrieval.evidence_hit5", "min", "retrieval.n"),
    ("retrieval.mrr10", "min", "retrieval.n"),
    ("retrieval.char_recall", "min", "retrieval.char_n"),
    ("calculators.route_accuracy", "min", "calculators.n"),
    ("calculators.exact", "min", "calculators.n_calculator"),
    ("calculators.params", "min", "calculators.n_calculator"),
)
RATE_MARGIN = 0.03


class GateError(ValueError):
    """A gate file that cannot be used."""


def load_gate(path: Path = GATE_FILE) -> dict[str, dict[str, float]]:
    """``{"metric": {"min": x} | {"max": x}}`` from the gate file's ``thresholds``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GateError(f"{path}: cannot read the gate ({exc}); restore it from git or "
                        "re-create it with `python -m eval run --write-gate`.") from exc
    thresholds = data.get("thresholds")
    if not isinstance(thresholds, dict) or not thresholds:
        raise GateError(f"{path}: no 'thresholds' object")
    for name, bound in thresholds.items():
        if not (isinstance(bound, dict) and len(bound) == 1 and set(bound) <= {"min", "max"}):
            raise GateError(f"{path}: threshold {name!r} must be {{'min': x}} or {{'max': x}}")
    return thresholds


def check_gate(metrics: Mapping[str, Any], thresholds: Mapping[str, Mapping[str, float]]
               ) -> list[str]:
    """One line per metric that misses its threshold: ``name: actual A, required >= R``.

    >>> check_gate({"answers": {"accuracy": 0.5}}, {"answers.accuracy": {"min": 0.7}})
    ['answers.accuracy: actual 0.500, required >= 0.700']
    """
    flat = flatten(metrics)
    failures = []
    for name, bound in thresholds.items():
        actual = flat.get(name)
        if actual is None:
            failures.append(f"{name}: missing from the run, required {bound}")
        elif "min" in bound and actual < bound["min"]:
            failures.append(f"{name}: actual {actual:.3f}, required >= {bound['min']:.3f}")
        elif "max" in bound and actual > bound["max"]:
            failures.append(f"{name}: actual {actual:.3f}, required <= {bound['max']:.3f}")
    return failures


def thresholds_from(metrics: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """Current figures with the margin: a rate minus ``max(RATE_MARGIN, 1 / n)`` floored to
    2 decimals; a count as it is.

    >>> thresholds_from({"answers": {"accuracy": 0.7281, "n": 100}})["answers.accuracy"]
    {'min': 0.69}
    """
    flat = flatten(metrics)
    out: dict[str, dict[str, float]] = {}
    for name, direction, count in GATED:
        if name not in flat:
            continue
        if direction == "max":
            out[name] = {"max": flat[name]}
            continue
        n = flat.get(count, 0.0)
        margin = max(RATE_MARGIN, 1 / n if n else 0.0)
        out[name] = {"min": max(0.0, math.floor((flat[name] - margin) * 100 + 1e-9) / 100)}
    return out


def write_gate(metrics: Mapping[str, Any], source: str, path: Path = GATE_FILE) -> None:
    how = (f"Set on {date.today().isoformat()} from {source}: each rate is the run's value "
           f"minus {RATE_MARGIN} (or one case of its sample, if more) floored to 2 decimals; "
           "each count is the run's value. Re-set with `python -m eval run --baselines none "
           "--write-gate` (default config, held-back split) and review the diff.")
    rows = [f'  "{name}": {json.dumps(bound)}' for name, bound in thresholds_from(metrics).items()]
    text = ("{\n" + f' "how": {json.dumps(how, ensure_ascii=False)},\n'
            ' "config": "default",\n "split": "heldout",\n "thresholds": {\n'
            + ",\n".join(rows) + "\n }\n}\n")
    path.write_text(text, encoding="utf-8")
