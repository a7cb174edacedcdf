"""report.json / report.md / plots from a small hand-made report, and the run's CLI guards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval.__main__ import main
from eval.cases import Case
from eval.metrics import summarize
from eval.report import markdown, summary_rows, text_table
from eval.run import parse_list, write_report

CASES = [
    Case("q1", "qa", "fact", "zh", "answer", "answer", True,
         {"facts": True, "citation": True, "refused": False, "invented": False},
         {"rr10": 1.0, "char_precision": 0.25, "char_recall": 1.0}, 12.0,
         {"route": 1.0, "retrieve": 5.0, "compose": 6.0}),
    Case("q2", "qa", "unanswerable", "en", "refusal", "answer", False,
         {"refused": False, "invented": True}, {}, 20.0, {"route": 1.0, "retrieve": 9.0}),
    Case("c001", "calc", "credit", "zh", "calculator", "calculator", True,
         {"route": True, "exact": True, "params": True}, {}, 3.0,
         {"route": 2.0, "calculator": 1.0}),
]


def report() -> dict[str, Any]:
    cases = [c.record() for c in CASES]
    baseline = summarize(CASES[:1])
    return {"version": 1, "config": "default", "split": "heldout", "n_questions": 2,
            "n_calc": 1, "wall_s": 3.0, "peak_rss_mb": 100, "metrics": summarize(CASES),
            "baselines": {"bm25": {"metrics": baseline, "wall_s": 1.0}}, "judge": {},
            "cases": cases}


def test_summary_table_shows_baseline_deltas() -> None:
    header, rows = summary_rows(report())
    assert header == ["metric", "default", "bm25 (Δ vs default)"]
    by_label = {row[0]: row for row in rows}
    # default: q1 refused? no; q2 answered an unanswerable question -> recall 0, bm25 has none
    assert by_label["refusal recall"][1:] == ["0.000", "1.000 (+1.000)"]
    assert by_label["answers with a figure absent from citations/calculation"][1:] == [
        "1", "0 (-1)"]
    assert "refusal recall" in text_table(header, rows)


def test_markdown_and_files(tmp_path: Path) -> None:
    data = report()
    text = markdown(data)
    assert "| kind fact | 1.000 [1.000, 1.000] n=1 |" in text
    assert "- q2 (unanswerable, en): route answer" in text
    written = write_report(data, tmp_path)
    assert sorted(p.name for p in written) == sorted(
        ["report.json", "report.md", "accuracy.png", "latency.png", "routes.png"])
    assert all(p.stat().st_size > 0 for p in written)
    stored = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert Case.from_record(stored["cases"][0]) == Case.from_record(CASES[0].record())


def test_parse_list() -> None:
    assert parse_list("bm25, naive") == ("bm25", "naive")
    assert parse_list("none") == () and parse_list("") == ()


def test_run_guards(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--split", "tune", "--write-gate"]) == 2
    assert "--write-gate" in capsys.readouterr().err
    assert main(["run", "--baselines", "bm25,nope"]) == 2
    assert "Unknown configuration 'nope'" in capsys.readouterr().err
