"""Aggregate-only scorer for a credit question file: prints no question text, so a sealed
blind set can be scored once without anyone reading it.

    python -m eval.score_calc_file eval/datasets/sealed/calc_blind_next.jsonl

Prints one JSON object: how many calculator questions were answered exactly (availability,
credit amount and claim deadline as expected), how many were asked back instead, how many
stated a wrong amount, how many computed but stated no amount where one was expected (a
compensation in another kind, or no fee), how many clarify questions were asked back, how many
questions raised an error instead of an answer (counted, never hidden: the file is still scored
to its end), and latency.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from assistant.answer import Answer
from assistant.conversation import Turn
from assistant.factory import build_assistant
from eval.assistant_eval import TODAY, agrees, result_agrees


class Asker(Protocol):
    def ask(self, question: str, history: Sequence[Turn] = ...) -> Answer: ...


def judge(row: dict[str, Any], route: str, calculation: dict[str, Any] | None) -> dict[str, bool]:
    """What one answer did with one question: exact, asked back, wrong amount, clarify right."""
    expected = row["expected"]
    if row["expected_route"] != "calculator":
        return {"clarify_right": route == "clarify", "computed_on_clarify": route == "calculator"}
    c = calculation or {}
    amount = expected.get("credit_amount")
    computed = route == "calculator" and amount is not None
    paid_for_nothing = route == "calculator" and expected.get("eligible") is False \
        and c.get("eligible") is True and not agrees(c.get("credit_amount") or "0", "0", "0.01")
    return {"exact": route == "calculator" and result_agrees(expected, c),
            "asked_back": route == "clarify",
            "wrong_amount": paid_for_nothing or computed and c.get("credit_amount") is not None
            and not agrees(c.get("credit_amount"), amount, "0.01"),
            "no_amount": computed and c.get("credit_amount") is None}


def score(path: Path, assistant: Asker | None = None) -> dict[str, Any]:
    assistant = assistant or build_assistant(today=TODAY)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    totals: dict[str, int] = {}
    latencies = []
    for row in rows:
        history = [Turn(h["role"], h["content"]) for h in row.get("history", [])]
        try:
            answer = assistant.ask(row["question"], history)
        except Exception:  # noqa: BLE001 - a crash is a result to count, not a reason to stop
            totals["crashed"] = totals.get("crashed", 0) + 1
            continue
        latencies.append(answer.latency_ms)
        for name, value in judge(row, answer.route, answer.calculation).items():
            totals[name] = totals.get(name, 0) + int(value)
    calc = sum(r["expected_route"] == "calculator" for r in rows)
    latencies.sort()
    return {"file": str(path), "questions": len(rows), "calculator_expected": calc,
            "exact": totals.get("exact", 0),
            "exact_rate": round(totals.get("exact", 0) / calc, 3) if calc else None,
            "asked_back_instead": totals.get("asked_back", 0),
            "wrong_amount": totals.get("wrong_amount", 0),
            "wrong_amount_rate": round(totals.get("wrong_amount", 0) / len(rows), 3),
            "no_amount_stated": totals.get("no_amount", 0),
            "clarify_expected": len(rows) - calc,
            "clarify_right": totals.get("clarify_right", 0),
            "computed_when_clarify_expected": totals.get("computed_on_clarify", 0),
            "crashed": totals.get("crashed", 0),
            "p50_ms": round(latencies[len(latencies) // 2]) if latencies else None,
            "p95_ms": round(latencies[int(len(latencies) * 0.95)]) if latencies else None}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        print("usage: python -m eval.score_calc_file FILE.jsonl", file=sys.stderr)
        return 2
    print(json.dumps(score(Path(argv[0])), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
