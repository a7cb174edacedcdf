"""The eval gate: the default assistant on the held-back sets, with the real built index,
must reach the thresholds of eval/gate.json. One run feeds every metric (module fixture).
The gate rules themselves are checked on hand-made figures first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval.gate import (
    GATE_FILE,
    GATED,
    GateError,
    check_gate,
    load_gate,
    thresholds_from,
    write_gate,
)

FIGURES = {"answers": {"n": 100, "accuracy": 0.7281, "invented": 0},
           "refusals": {"n": 12, "precision": 0.92, "recall": 1.0},
           "retrieval": {"n": 100, "mrr10": 0.92}}


def test_check_gate_states_actual_and_required_for_every_miss() -> None:
    thresholds: dict[str, dict[str, float]] = {
        "answers.accuracy": {"min": 0.75}, "answers.invented": {"max": 0},
        "refusals.recall": {"min": 0.9}, "calculators.exact": {"min": 0.5}}
    assert check_gate({**FIGURES, "answers": {"accuracy": 0.7281, "invented": 2}},
                      thresholds) == [
        "answers.accuracy: actual 0.728, required >= 0.750",
        "answers.invented: actual 2.000, required <= 0.000",
        "calculators.exact: missing from the run, required {'min': 0.5}"]
    assert check_gate(FIGURES, {"answers.accuracy": {"min": 0.7281}}) == []


def test_thresholds_are_the_figures_with_a_margin(tmp_path: Path) -> None:
    # n = 100: 0.7281 - 0.03 = 0.6981 -> 0.69; 0.92 - 0.03 = 0.89 (no float drift to 0.88)
    # n = 12: one case is 1/12 = 0.0833 > 0.03: 0.92 - 0.0833 -> 0.83, 1 - 0.0833 -> 0.91
    # counts stay as they are: 0 invented answers
    assert thresholds_from(FIGURES) == {
        "answers.accuracy": {"min": 0.69}, "answers.invented": {"max": 0.0},
        "refusals.precision": {"min": 0.83}, "refusals.recall": {"min": 0.91},
        "retrieval.mrr10": {"min": 0.89}}
    path = tmp_path / "gate.json"
    write_gate(FIGURES, "a test", path)
    assert load_gate(path) == thresholds_from(FIGURES)
    assert "a test" in json.loads(path.read_text(encoding="utf-8"))["how"]


def test_bad_gate_file(tmp_path: Path) -> None:
    path = tmp_path / "gate.json"
    path.write_text('{"thresholds": {"answers.accuracy": {"above": 1}}}', encoding="utf-8")
    with pytest.raises(GateError, match="answers.accuracy"):
        load_gate(path)
    with pytest.raises(GateError, match="write-gate"):
        load_gate(tmp_path / "missing.json")


def test_committed_gate_covers_every_gated_metric() -> None:
    assert set(load_gate(GATE_FILE)) == {name for name, _, _ in GATED}


@pytest.fixture(scope="module")
def heldout_metrics() -> dict[str, Any]:
    from eval.run import RunOptions, run_eval
    from index.settings import IndexSettings
    from index.stores.manifest import Manifest

    settings = IndexSettings()
    if Manifest.load(settings.manifest_file) is None:
        pytest.fail(f"No built index at {settings.index_dir}: the eval gate needs it; "
                    "run `make index` (or `.venv/bin/python -m index build`).")
    report = run_eval(RunOptions(split="heldout", config="default", baselines=(),
                                 progress=False))
    return report["metrics"]


@pytest.mark.integration
def test_eval_gate(heldout_metrics: dict[str, Any]) -> None:
    failures = check_gate(heldout_metrics, load_gate())
    assert not failures, ("held-back figures below the gate (eval/gate.json):\n  "
                          + "\n  ".join(failures))
