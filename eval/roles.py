"""Train and score the number-role model: ``python -m eval roles [--train]``.

The examples are ``eval/datasets/number_roles*.json``: messages helpers wrote blind, every
number labelled with its role (a fee, other money, a claimed credit, a rule quoted, an outage
time, a measurement, a date, an id, a count, other). The reader's own placements on the dev
questions are not examples: a model trained on them learned to agree with the patterns (it
caught none of the readings they got wrong), which is no second opinion.

The scores are on what the model never trained on: 5-fold cross-validation over the helpers'
messages (whole messages held out), and the phrasing files (``phrasings*.json``, written by
other helpers): each phrasing's numbers, read in its plain question, should get the role of
its kind (a duration is an outage, a fee is a fee, a distractor is not an input). ``sure``
counts guesses at or above the reader's threshold, ``sure_wrong`` the sure ones that are wrong:
those would change a reading.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from assistant.reading.normalize import normalize
from assistant.reading.roles import INPUTS, MODEL, ROLES, SURE, RoleModel, features
from assistant.reading.scan import NUMBER_RE
from eval.phrasings import load_phrasings, question

DATASETS = Path(__file__).parent / "datasets"
TODAY = date(2026, 11, 29)

KIND_ROLES = {"duration": "outage", "outages": "outage", "total": "outage", "fee": "fee",
              "month": "date", "availability": "measured", "requests": "measured"}

Example = tuple[str, int, int, str]  # (normalised text, start, end, role)


def helper_examples(path: Path) -> list[list[Example]]:
    """One list of examples per message; a label whose number cannot be found is skipped."""
    out = []
    for row in json.loads(path.read_text(encoding="utf-8")):
        text = normalize(row["text"])
        at, examples = 0, []
        for surface, role in row["numbers"]:
            if role not in ROLES:
                continue
            said = normalize(surface)
            found = text.find(said, at)
            if found < 0:
                continue
            for number in NUMBER_RE.finditer(said):
                examples.append((text, found + number.start(), found + number.end(), role))
            at = found + len(said)
        out.append(examples)
    return out


def helper_files() -> list[Path]:
    return sorted(DATASETS.glob("number_roles*.json"))


def _fit(groups: list[list[Example]]) -> RoleModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [e for group in groups for e in group]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(features(t, s, e), 1) for t, s, e, _ in rows])
    y = [role for *_, role in rows]
    fitted = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(x, y)
    classes = [str(c) for c in fitted.classes_]
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        column = [round(float(w), 2) for w in fitted.coef_[:, j]]
        if max(abs(w) for w in column) >= 0.05:
            weights[str(name)] = column
    return RoleModel(classes, [round(float(b), 3) for b in fitted.intercept_], weights)


def train() -> dict[str, Any]:
    groups = [g for path in helper_files() for g in helper_examples(path)]
    model = _fit(groups)
    MODEL.write_text(json.dumps({"classes": model.classes, "intercept": model.intercept,
                                 "weights": model.weights}, ensure_ascii=False,
                                separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    return {"examples": sum(map(len, groups)), "features": len(model.weights),
            "written": str(MODEL)}


def _tally(pairs: list[tuple[str, str, float]]) -> dict[str, Any]:
    """(gold, guess, probability) -> accuracy, and how often a sure guess is wrong."""
    sure = [(g, p) for g, p, prob in pairs if prob >= SURE]
    return {"n": len(pairs), "accuracy": round(sum(g == p for g, p, _ in pairs) / len(pairs), 3)
            if pairs else None, "sure": len(sure),
            "sure_wrong": sum(g != p for g, p in sure)}


def cross_validate(folds: int = 5) -> dict[str, Any]:
    groups = [g for path in helper_files() for g in helper_examples(path)]
    order = list(range(len(groups)))
    random.Random(7).shuffle(order)
    pairs: list[tuple[str, str, float]] = []
    for k in range(folds):
        held = {i for n, i in enumerate(order) if n % folds == k}
        model = _fit([g for i, g in enumerate(groups) if i not in held])
        for i in held:
            for text, start, end, role in groups[i]:
                guess = model.predict(text, start, end)
                pairs.append((role, guess.role, guess.probability))
    by_role = {role: _tally([p for p in pairs if p[0] == role]) for role in ROLES}
    return {"all": _tally(pairs), "by_role": by_role,
            "confusions": Counter(f"{g}->{p}" for g, p, prob in pairs
                                  if g != p and prob >= SURE).most_common(12)}


def phrasing_scores(model: RoleModel) -> dict[str, Any]:
    """Each phrasing's numbers in its plain question: an input kind should get its role; a
    distractor should get none of the input roles."""
    out: dict[str, Any] = {}
    for path in sorted(DATASETS.glob("phrasings*.json")):
        pairs = []
        for p in load_phrasings(path):
            text = normalize(question(p))
            said = normalize(p.text)
            at = text.find(said)
            if at < 0:
                continue
            for n in NUMBER_RE.finditer(said):
                guess = model.predict(text, at + n.start(), at + n.end())
                gold = KIND_ROLES.get(p.kind)
                if re.match(r"\s*(?:次|times?\b|x\b)", said[n.end():]) or said[:n.start()].endswith("第"):
                    gold = "count"  # 3次，分别是…: how many, not how long
                if gold is None:  # a distractor: right when the guess is not an input
                    gold = guess.role if guess.role not in INPUTS else "context"
                if p.kind == "month" and re.fullmatch(r"\d{4}", n.group(0)) is None \
                        and guess.role == "date":
                    gold = "date"
                pairs.append((gold, guess.role, guess.probability))
        out[path.name] = _tally(pairs)
    return out
