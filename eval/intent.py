"""Train and score the question-intent model (``assistant/intent.py``).

Examples are every dev question: the credit question files (``calc_*.jsonl``: a credit to work
out, or to ask about before working it out) against the QA files (``questions*.jsonl``: rules,
clauses, comparisons, refusals). Each file was written by one helper, so the model is scored
leaving out one file at a time, and beside it the rules' routing of the same questions.

    python -m eval intent            # leave-one-file-out figures
    python -m eval intent --train    # refit on every file and write assistant/intent.json
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from assistant.intent import MODEL, SURE_COMPUTE, SURE_OTHER
from index.embedders import Embedder

DATASETS = Path(__file__).parent / "datasets"
C = 4.0  # the regularisation chosen on the leave-one-file-out score (1, 4 and 16 tried)


@dataclass(frozen=True)
class Example:
    file: str
    question: str
    history: tuple[tuple[str, str], ...]
    credit: bool


def examples(root: Path = DATASETS) -> list[Example]:
    out = []
    for pattern, credit in (("calc_*.jsonl", True), ("questions*.jsonl", False)):
        for path in sorted(root.glob(pattern)):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    history = tuple((t["role"], t["content"]) for t in row.get("history") or [])
                    out.append(Example(path.stem, row["question"], history, credit))
    return out


def vectors(embedder: Embedder, rows: Sequence[Example]) -> np.ndarray:
    return np.vstack([embedder.embed_query(r.question) for r in rows])


def _fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=2000).fit(x, y)


def train(embedder: Embedder, x: np.ndarray | None = None) -> dict[str, Any]:
    """Fit on every example (``x``: their vectors, when already computed) and write the model."""
    rows = examples()
    x = vectors(embedder, rows) if x is None else x
    y = np.array([r.credit for r in rows])
    fitted = _fit(x, y)
    MODEL.write_text(json.dumps({
        "embedder": embedder.name, "intercept": round(float(fitted.intercept_[0]), 5),
        "weights": [round(float(w), 5) for w in fitted.coef_[0]],
        "trained_on": len(rows)}), encoding="utf-8")
    return {"trained_on": len(rows), "credit": int(y.sum()), "written": str(MODEL)}


def cross_validate(embedder: Embedder, routes: Sequence[str] | None = None,
                   x: np.ndarray | None = None) -> dict[str, Any]:
    """Leave-one-file-out: the model's accuracy, and where the router would use it (``routes``,
    the rules' route of each example, when given): how often the two ends are right."""
    rows = examples()
    x = vectors(embedder, rows) if x is None else x
    y = np.array([r.credit for r in rows])
    files = np.array([r.file for r in rows])
    p = np.zeros(len(rows))
    for name in sorted(set(files)):
        held = files == name
        p[held] = _fit(x[~held], y[~held]).predict_proba(x[held])[:, 1]
    record: dict[str, Any] = {"examples": len(rows), "files": len(set(files)),
                              "accuracy": round(float(((p > 0.5) == y).mean()), 4)}
    if routes is not None:
        rule = np.array([r in ("calculator", "clarify") for r in routes])
        veto, add = rule & (p < SURE_OTHER), ~rule & (p > SURE_COMPUTE)
        record |= {"rules_accuracy": round(float((rule == y).mean()), 4),
                   "sure_other_of_rules_credit": [int(veto.sum()), int((~y[veto]).sum())],
                   "sure_credit_of_rules_other": [int(add.sum()), int(y[add].sum())]}
    return record


def rule_routes(today: date) -> list[str]:
    """The rules' route of every example (before the model), in ``examples()`` order."""
    from assistant.conversation import Turn, resolve
    from assistant.factory import build_assistant
    from assistant.router import decide

    assistant = build_assistant(today=today)
    return [decide(resolve(r.question, [Turn(a, b) for a, b in r.history],  # type: ignore[arg-type]
                           assistant.products, today), assistant.sla_products).route
            for r in examples()]
