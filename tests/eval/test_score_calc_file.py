"""The aggregate scorer's judgement of one answer (no assistant needed)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.answer import Answer
from eval.score_calc_file import judge, main, score

ROW = {"expected_route": "calculator",
       "expected": {"availability_pct": "99.7984", "eligible": True, "credit_amount": "836.00",
                    "claim_deadline": "2026-12-30"}}
RIGHT = {"availability_pct": 99.798387, "eligible": True, "credit_amount": 836,
         "claim_window": {"deadline": "2026-12-30"}}


def test_an_exact_answer() -> None:
    assert judge(ROW, "calculator", RIGHT) == {"exact": True, "asked_back": False,
                                               "wrong_amount": False, "no_amount": False}


def test_a_hand_figure_truncated_or_rounded_half_up_agrees() -> None:
    """The question format lets the writer truncate or round half up the 4th decimal."""
    truncated = {**ROW, "expected": {**ROW["expected"], "availability_pct": "99.5138"}}
    assert judge(truncated, "calculator", {**RIGHT, "availability_pct": 99.513889})["exact"]
    assert not judge(truncated, "calculator", {**RIGHT, "availability_pct": 99.513989})["exact"]


def test_no_amount_stated_is_counted_apart_from_a_wrong_one() -> None:
    """A compensation in page views (credit_amount null) states no figure: not exact, not
    a wrong amount."""
    verdict = judge(ROW, "calculator", {**RIGHT, "credit_amount": None})
    assert verdict["no_amount"] and not verdict["wrong_amount"] and not verdict["exact"]


def test_a_wrong_amount_and_an_answer_asked_back() -> None:
    assert judge(ROW, "calculator", {**RIGHT, "credit_amount": 8360})["wrong_amount"]
    asked = judge(ROW, "clarify", None)
    assert asked["asked_back"] and not asked["exact"] and not asked["wrong_amount"]


def test_a_month_that_pays_nothing_needs_no_claim_window_and_a_credit_for_it_is_wrong() -> None:
    """The RESULT states no claim dates when nothing is due (interfaces.md), so a deadline
    the writer put on such a month is not compared; paying for it is a wrong amount."""
    row = {"expected_route": "calculator",
           "expected": {"availability_pct": "99.9507", "eligible": False, "credit_amount": None,
                        "claim_deadline": "2026-12-30"}}
    nothing = {"availability_pct": 99.950717, "eligible": False, "credit_amount": 0,
               "claim_window": {"deadline": None}}
    assert judge(row, "calculator", nothing)["exact"]
    paid = judge(row, "calculator", {"availability_pct": 3.128136, "eligible": True,
                                     "credit_amount": 45})
    assert paid["wrong_amount"] and not paid["exact"]


def test_a_clarify_question() -> None:
    row = {"expected_route": "clarify", "expected": {"missing": ["month"]}}
    assert judge(row, "calculator", RIGHT) == {"clarify_right": False, "computed_on_clarify": True}


def test_a_missing_file_is_a_usage_message(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(tmp_path / "none.jsonl")]) == 2
    assert "usage" in capsys.readouterr().err


class CrashingOnce:
    """A fake assistant (unit test): asks back every question but raises on the one
    containing "boom", as a reading bug would."""

    def ask(self, question: str, history: object = ()) -> Answer:
        if "boom" in question:
            raise ValueError("a reading bug")
        return Answer("which month?", "clarify", latency_ms=5.0)


def test_a_question_that_raises_is_counted_and_the_file_scored_to_its_end(tmp_path: Path) -> None:
    rows = [{**ROW, "question": q} for q in ("CVM 断了 90 分钟", "boom", "COS 断了 10 分钟")]
    path = tmp_path / "calc.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    totals = score(path, CrashingOnce())
    assert totals["crashed"] == 1 and totals["asked_back_instead"] == 2
    assert totals["questions"] == 3
