"""Golden cases: the agreements' own worked examples and hand-computed boundary cases.

Each case names the corpus lines it was computed from; the test checks those lines really
contain the numbers, then that the calculator gives the expected figures. The first cases come
from ``golden_gen.py``; the rest were written by hand from the agreement text by writers who
never saw the extractor (each with ``working`` and, where the text needed one, a ``reading``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from calculators.credit import compute
from calculators.lookup import find_sla
from calculators.request import parse_request
from calculators.rules import load_catalog

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "golden_cases.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
CORPUS = Path(__file__).resolve().parents[2] / "data/corpus/tencent-cloud-agreements.txt"
LINES = CORPUS.read_text(encoding="utf-8").split("\n")


def test_enough_cases_over_enough_slas() -> None:
    assert len(CASES) >= 945, f"{len(CASES)} golden cases, need ≥ 945"
    slas = {c["doc_line"] for c in CASES}
    assert len(slas) >= 218, f"golden cases cover {len(slas)} SLAs, need ≥ 218"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_cited_lines_contain_the_numbers(case: dict) -> None:
    text = " ".join(LINES[no - 1] for no in case["source_lines"]).replace(" ", "")
    for number in case["numbers"]:
        assert number.replace(" ", "") in text, f"{number!r} not in lines {case['source_lines']}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case: dict) -> None:
    req = parse_request({k: v for k, v in case.items() if v is not None})
    result = compute(find_sla(load_catalog(), None, case["doc_line"]), req).to_dict()
    expect = case["expect"]
    assert result["eligible"] == expect["eligible"], result["steps"]
    if "credit_amount" in expect:
        got = result["credit_amount"]
        want = expect["credit_amount"]
        assert (None if got is None else Decimal(str(got))) == \
            (None if want is None else Decimal(want)), result["steps"]
    if "credit_pct" in expect:
        assert Decimal(str(result["credit_pct"])) == Decimal(expect["credit_pct"])
    if "compensation_value" in expect:
        assert result["compensation"]["value"] == expect["compensation_value"], result["steps"]
    if "availability_pct" in expect:
        assert result["availability_pct"] == pytest.approx(expect["availability_pct"])
    for key in ("opens", "deadline"):
        if f"claim_{key}" in expect:
            assert result["claim_window"][key] == expect[f"claim_{key}"]
    if expect.get("cap_applied"):
        assert result["cap_applied"]
    if expect.get("has_notes"):
        assert result["notes"]
    assert result["citations"], "every result cites the rules it used"
