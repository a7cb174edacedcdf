"""A learned reading of what a question wants: a credit worked out for a case described, or
anything else (a rule, a clause, a comparison, a refusal).

The router's rules (``router.py``) fit the phrasings they were written from; this model reads
the question's meaning instead: a logistic regression over the multilingual sentence vector of
the question (the index's own embedder), trained by ``python -m eval intent --train`` on every
dev question set (credit questions against QA questions, each written blind by a helper) and
kept as data in ``intent.json``. Left out one file at a time it routes 0.98 right where the
rules route 0.96 (``python -m eval intent``).

The router asks it at the two ends only, where it is almost never wrong: a question the rules
would compute that the model is sure asks no computation is answered from the clauses
(``we have 20 domains and only one missed 99.9% — is the credit on all their fees?``), and a
case with its facts that the rules would answer from the clauses, but the model is sure asks
for a credit, is computed (or asked about). Without the embedder it was trained with (tests
use a fake one) it says nothing.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.embedders import Embedder

MODEL = Path(__file__).with_name("intent.json")
SURE_COMPUTE = 0.98  # the model's probability that a credit is asked for a case: above, computed
SURE_OTHER = 0.02    # below, answered from the clauses


@dataclass(frozen=True)
class IntentModel:
    embedder: str         # the name of the embedder whose vectors it was trained on
    weights: np.ndarray   # one per vector dimension
    intercept: float

    def credit_probability(self, vector: np.ndarray) -> float:
        score = float(np.dot(self.weights, vector)) + self.intercept
        return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=1)
def model() -> IntentModel | None:
    """The trained model, or None before ``python -m eval intent --train`` has written it."""
    if not MODEL.exists():
        return None
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    return IntentModel(data["embedder"], np.asarray(data["weights"], dtype=np.float32),
                       float(data["intercept"]))


def credit_probability(embedder: Embedder | None, question: str) -> float | None:
    """How sure the model is that ``question`` asks for a credit worked out for a case; None
    without a model or with another embedder than the one it was trained on."""
    fitted = model()
    if fitted is None or embedder is None or getattr(embedder, "name", None) != fitted.embedder:
        return None
    return fitted.credit_probability(np.asarray(embedder.embed_query(question)))
