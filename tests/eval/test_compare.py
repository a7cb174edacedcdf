"""`python -m eval compare`: fixed and broken cases, route changes, flipped checks, deltas."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval.__main__ import main
from eval.compare import ReportError, diff_reports, load_report, render
from eval.report import REPORT_VERSION


def case(cid: str, ok: bool, route: str = "answer", **flags: bool) -> dict[str, Any]:
    return {"id": cid, "set": "qa", "kind": "fact", "lang": "zh", "expected_route": "answer",
            "route": route, "ok": ok, "flags": flags, "values": {}, "latency_ms": 1.0,
            "stages_ms": {}}


def report(cases: list[dict[str, Any]], accuracy: float) -> dict[str, Any]:
    return {"version": REPORT_VERSION, "config": "default", "cases": cases,
            "metrics": {"answers": {"accuracy": accuracy, "invented": 0}}}


BEFORE = report([case("q1", False, facts=False), case("q2", True, facts=True),
                 case("q3", True, "answer", facts=True, doc_hit1=True),
                 case("q4", False, "refusal"), case("gone", True)], 0.6)
AFTER = report([case("q1", True, facts=True), case("q2", False, facts=False),
                case("q3", True, "answer", facts=True, doc_hit1=False),
                case("q4", False, "clarify"), case("new", True)], 0.5)


def test_diff_case_by_case() -> None:
    diff = diff_reports(BEFORE, AFTER)
    assert diff.fixed == ["q1 (fact, zh)"]
    assert diff.broken == ["q2 (fact, zh)"]
    assert diff.rerouted == ["q4 (fact, zh): refusal -> clarify"]
    assert diff.flipped == ["q3 (fact, zh): doc_hit1 True -> False"]
    assert (diff.only_a, diff.only_b) == (["qa:gone"], ["qa:new"])
    assert diff.metrics == [("answers.accuracy", 0.6, 0.5), ("answers.invented", 0.0, 0.0)]
    text = render(diff, "A", "B")
    assert "fixed (1): q1 (fact, zh)" in text and "broken (1): q2 (fact, zh)" in text
    assert "-0.100" in text


def test_cli_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(BEFORE), encoding="utf-8")
    b.write_text(json.dumps(AFTER), encoding="utf-8")
    assert main(["compare", str(a), str(b)]) == 0
    assert "broken (1): q2" in capsys.readouterr().out


def test_bad_reports_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(ReportError, match="not a report"):
        load_report(bad)
    bad.write_text(json.dumps({**BEFORE, "version": 0}), encoding="utf-8")
    with pytest.raises(ReportError, match="version"):
        load_report(bad)
    assert main(["compare", str(tmp_path / "missing.json"), str(bad)]) == 2
    assert "cannot read" in capsys.readouterr().err
