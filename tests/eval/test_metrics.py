"""From hand-made cases to the report's figures (every expected value worked out by hand)."""

from __future__ import annotations

import pytest

from eval.cases import Case
from eval.metrics import confusion, flatten, summarize


def qa(cid: str, ok: bool, route: str = "answer", expected: str = "answer", lang: str = "zh",
       rr: float = 1.0, latency: float = 10.0, **flags: bool) -> Case:
    values = {"rr10": rr, "char_precision": 0.5, "char_recall": 1.0} if expected == "answer" \
        else {}
    return Case(cid, "qa", "fact" if expected == "answer" else "unanswerable", lang, expected,
                route, ok, {"refused": route == "refusal", "invented": False, **flags}, values,
                latency, {"route": 1.0, "retrieve": latency / 2})


CASES = [
    qa("a", True, facts=True, citation=True, doc_hit5=True, evidence_hit5=True, latency=10),
    qa("b", False, facts=False, citation=True, doc_hit5=True, evidence_hit5=False, rr=0.5,
       latency=20, lang="en"),
    qa("c", False, route="refusal", facts=False, citation=False, doc_hit5=False,
       evidence_hit5=False, rr=0.0, latency=30),
    qa("d", True, route="refusal", expected="refusal", latency=40),
    qa("e", False, route="answer", expected="refusal", latency=50, lang="en"),
    Case("c1", "calc", "credit", "zh", "calculator", "calculator", True,
         {"route": True, "exact": True, "param_doc": True, "param_month": False,
          "params": False}, {}, 60.0, {"route": 1.0, "calculator": 2.0}),
]


def test_summary_figures() -> None:
    m = summarize(CASES)
    assert m["answers"]["n"] == 3
    assert m["answers"]["accuracy"] == pytest.approx(1 / 3, abs=1e-4)          # a only
    assert m["answers"]["facts"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["answers"]["citation"] == pytest.approx(2 / 3, abs=1e-4)
    # refused: c (answerable) and d (unanswerable) -> precision 1/2; of d and e, d -> 1/2
    assert m["refusals"] == {"n": 2, "precision": 0.5, "recall": 0.5}
    assert m["retrieval"]["doc_hit5"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["retrieval"]["evidence_hit5"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["retrieval"]["mrr10"] == pytest.approx(0.5)             # (1 + 0.5 + 0) / 3
    assert (m["retrieval"]["char_precision"], m["retrieval"]["char_recall"]) == (0.5, 1.0)
    calc = m["calculators"]
    assert (calc["route_accuracy"], calc["exact"], calc["params"]) == (1.0, 1.0, 0.0)
    assert calc["param_fields"]["doc"] == 1.0 and calc["param_fields"]["month"] == 0.0
    # total latencies 10..60: p50 = sorted[round(0.5 * 5)] = sorted[2] = 30 (nearest rank)
    assert m["latency_ms"]["total"] == {"n": 6, "p50": 30.0, "p95": 60.0}
    assert m["latency_ms"]["calculator"]["n"] == 1
    assert m["accuracy_by"]["lang"]["en"]["mean"] == 0.0             # b, e
    assert m["accuracy_by"]["lang"]["zh"]["mean"] == 0.75            # a, c, d, c1
    assert m["accuracy_by"]["kind"]["unanswerable"]["n"] == 2


def test_route_confusion() -> None:
    assert confusion(CASES) == {"answer": {"answer": 2, "refusal": 1},
                                "refusal": {"refusal": 1, "answer": 1},
                                "calculator": {"calculator": 1}}


def test_no_refusal_at_all_is_perfect_precision() -> None:
    m = summarize([qa("a", True, facts=True, citation=True)])
    assert m["refusals"]["precision"] == 1.0


def test_flatten() -> None:
    assert flatten({"answers": {"accuracy": 0.5, "n": 4}, "note": "x", "ok": True}) == {
        "answers.accuracy": 0.5, "answers.n": 4.0}
