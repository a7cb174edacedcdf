"""``python -m eval assistant``: the assistant's answers and credit questions on a dev split.

Runs the real pipeline in-process (the batch path of ``python -m assistant ask``) over
``eval/datasets/questions.jsonl`` and ``eval/datasets/calc_questions.jsonl`` and prints the
issue-5 figures: answers with all key facts and a citation holding the evidence, refusal
precision/recall, invented figures, calculator route accuracy and exact results
(availability to 4 decimals, amount, claim deadline), latency p50/p95.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any

from assistant.conversation import Turn
from assistant.pipeline import Assistant
from eval.answers import score_answers
from eval.calc_dataset import CalcQuestion, ExpectedResult, load_calc_questions
from eval.dataset import load_questions

TODAY = date(2026, 11, 26)  # questions say "this month", "三月份": fixed for repeatable scores


@dataclass(frozen=True)
class CalcScores:
    total: int
    route_ok: int
    calculator: int
    exact: int

    @property
    def route_accuracy(self) -> float:
        return self.route_ok / self.total if self.total else 0.0

    @property
    def exact_rate(self) -> float:
        return self.exact / self.calculator if self.calculator else 0.0


def agrees(value: Any, expected: Any, places: str) -> bool:
    """A computed figure against a hand-computed one, to ``places`` (``"0.0001"``): equal
    when the hand figure is the computed one rounded (half up or half even) or truncated,
    as the question format allows either; both missing also agrees."""
    if expected is None or value is None:
        return expected is None and value is None
    quantum = Decimal(places)
    computed = Decimal(str(value))
    return Decimal(str(expected)).quantize(quantum) in {
        computed.quantize(quantum, rounding) for rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN,
                                                               ROUND_DOWN)}


def calc_exact(q: CalcQuestion, result: dict[str, Any] | None) -> bool:
    """Availability (4 dp), eligibility, credit amount and claim deadline as computed by hand."""
    return isinstance(q.expected, ExpectedResult) and result_agrees(q.expected.model_dump(),
                                                                    result)


def result_agrees(expected: dict[str, Any], result: dict[str, Any] | None) -> bool:
    """A RESULT against the hand-computed fields of one question (a dataset line's
    ``expected``). A month that pays nothing has no claim window (the RESULT's dates are null
    then, as ``interfaces.md`` states), so a deadline written for it is not compared."""
    r = result or {}
    checks = [bool(r.get("eligible")) == bool(expected.get("eligible"))]
    if expected.get("availability_pct") is not None:
        checks.append(agrees(r.get("availability_pct"), expected["availability_pct"], "0.0001"))
    if expected.get("credit_amount") is not None:
        checks.append(agrees(r.get("credit_amount"), expected["credit_amount"], "0.01"))
    if expected.get("claim_deadline") is not None and expected.get("eligible"):
        checks.append((r.get("claim_window") or {}).get("deadline") == expected["claim_deadline"])
    return all(checks)


def score_calc(assistant: Assistant, questions: list[CalcQuestion]) -> CalcScores:
    route_ok = calculator = exact = 0
    for q in questions:
        answer = assistant.ask(q.question, [Turn(h.role, h.content) for h in q.history])
        route_ok += answer.route == q.expected_route
        if q.expected_route == "calculator":
            calculator += 1
            exact += answer.route == "calculator" and calc_exact(q, answer.calculation)
    return CalcScores(len(questions), route_ok, calculator, exact)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def run(assistant: Assistant, split: str) -> str:
    questions = [q for q in load_questions() if split == "all" or q.split == split]
    answers, latencies = [], []
    for q in questions:
        answer = assistant.ask(q.question, [Turn(h.role, h.content) for h in q.history])
        latencies.append(answer.latency_ms)
        answers.append(answer.record(q.id))
    s = score_answers(questions, answers)
    calc = [q for q in load_calc_questions() if split == "all" or q.split == split]
    c = score_calc(assistant, calc)
    return "\n".join([
        f"split: {split}",
        f"answers right (all key facts + citation with the evidence): {s.correct}/{s.answerable}"
        f" = {s.accuracy:.3f}  (target 0.85)",
        f"refusals: precision {s.refusal_precision:.2f}, recall {s.refusal_recall:.2f}"
        "  (targets 0.90)",
        f"answers with a figure absent from their citations: {s.invented}",
        f"credit questions: route {c.route_ok}/{c.total} = {c.route_accuracy:.3f} (target 0.95),"
        f" exact {c.exact}/{c.calculator} = {c.exact_rate:.3f} (target 0.90)",
        f"latency per question: p50 {_pct(latencies, 0.5):.0f} ms, p95 {_pct(latencies, 0.95):.0f}"
        " ms (targets 200 / 600)",
    ])
