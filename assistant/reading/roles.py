"""A learned second reading of each number: what its context says it is.

The hand-written reader (``reader.py``) places a number by the pattern it matches. This model
places it by the words around it, learned from labelled messages that helpers wrote blind
(``eval/datasets/number_roles*.json``, ~1,500 messages, ~6,600 numbers). It is a multinomial
logistic regression over character and word n-grams of the number's left and right context
(digits masked, so 8折 and 9折 look alike), trained by ``python -m eval roles --train`` and
kept as data in ``number_roles.json``.

The reader asks it about one thing only, towards asking rather than guessing: a number no
pattern placed is context (a list price, a claimed credit, a quoted threshold, an id, a
count) when the model is sure of it (``SURE``); otherwise it stays unclear and is asked
about. The model never makes a number an input of the calculation.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL = Path(__file__).with_name("number_roles.json")
ROLES = ("fee", "other_money", "claimed", "rule", "outage", "measured", "date", "id", "count",
         "other")
INPUTS = frozenset({"fee", "outage", "measured"})  # what a credit is computed from
SURE = 0.9  # a guess the reader acts on
AS_CONTEXT = {"other_money": "money_other", "claimed": "claimed", "rule": "threshold",
              "date": "date", "id": "ticket", "count": "count", "other": "other"}
WINDOW = 14
WORD = re.compile(r"[A-Za-z]+|[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Guess:
    role: str
    probability: float


def features(text: str, start: int, end: int) -> list[str]:
    """The model's view of the number at ``text[start:end]``: its context, digits masked."""
    masked = re.sub(r"\d", "0", text)
    left = masked[max(0, start - WINDOW):start].lower()
    right = masked[end:end + WINDOW].lower()
    own = masked[start:end]
    out = [f"s:{re.sub('0+', '0', own)}", f"n:{min(len(text[start:end]), 6)}"]
    for k in (1, 2, 3, 4):
        out.append(f"L{k}:{left[-k:].strip()}")
        out.append(f"R{k}:{right[:k].strip()}")
    for i in range(len(left) - 1):
        out.append(f"l:{left[i:i + 2]}")
    for i in range(len(right) - 1):
        out.append(f"r:{right[i:i + 2]}")
    before = re.sub(r"[\s¥$￥:：,，=（(]+$", "", masked[max(0, start - 20):start].lower())
    after = re.sub(r"^[\s%％]+", "", masked[end:end + 20].lower())
    out += [f"B1:{before[-1:]}", f"B2:{before[-2:]}", f"B3:{before[-3:]}",
            f"A1:{after[:1]}", f"A2:{after[:2]}", f"A3:{after[:3]}"]
    words_left = WORD.findall(masked[max(0, start - 40):start].lower())[-4:]
    words_right = WORD.findall(masked[end:end + 40].lower())[:4]
    out += [f"lw:{w}" for w in words_left] + [f"rw:{w}" for w in words_right]
    clause = re.split(r"[。；;！!？?\n]", masked[:start])[-1][-40:] + " " + \
        re.split(r"[。；;！!？?\n]", masked[end:])[0][:40]
    out += [f"c:{w}" for w in set(WORD.findall(clause.lower()))]
    out.append(f"u:{_unit_class(right)}")
    return out


UNIT_CLASSES = (  # what kind of word follows a number, so an unseen noun still reads as a count
    ("time", re.compile(r"(?:秒|分|小时|钟|天|日|号|周|月|年|s\b|secs?\b|seconds?|mins?\b|minutes?"
                        r"|h\b|hrs?\b|hours?|days?|weeks?|months?|years?|[:：]\d|am\b|pm\b)")),
    ("money", re.compile(r"(?:元|块|万元|rmb|cny|yuan|usd|hkd|k\b|w\b)")),
    ("share", re.compile(r"(?:%|％|个点|percent|‰)")),
    ("event", re.compile(r"(?:次|requests?|calls?|errors?|times\b|failures?|checks?|probes?)")),
    ("noun", re.compile(r"(?:[a-z]{3,}|个|台|位|名|家|条|套|张|人|项|路)")),
)


APPROXIMATELY = re.compile(r"^[\s+＋]*(?:多|来|余|几|左右|上下|出头)?\s*")  # 2万多账号, 1200来号人


def _unit_class(right: str) -> str:
    """The class of the word right after a number, past a word of approximation (``340
    endpoints``, ``2万多账号``: a noun; any other Chinese word is one too)."""
    word = APPROXIMATELY.sub("", right, count=1)
    found = next((name for name, cue in UNIT_CLASSES if cue.match(word)), None)
    if found is None and re.match(r"[\u4e00-\u9fff]", word):
        return "noun"
    return found or "none"


class RoleModel:
    """The trained weights: ``predict`` gives the most likely role and its probability."""

    def __init__(self, classes: list[str], intercept: list[float],
                 weights: dict[str, list[float]]) -> None:
        self.classes = classes
        self.intercept = intercept
        self.weights = weights

    def predict(self, text: str, start: int, end: int) -> Guess:
        scores = list(self.intercept)
        for feature in set(features(text, start, end)):
            row = self.weights.get(feature)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        best = max(range(len(exp)), key=exp.__getitem__)
        return Guess(self.classes[best], exp[best] / sum(exp))


@lru_cache(maxsize=1)
def model() -> RoleModel | None:
    """The trained model, or None before ``python -m eval roles --train`` has written it."""
    if not MODEL.exists():
        return None
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    return RoleModel(data["classes"], data["intercept"], data["weights"])


def context_role(text: str, start: int, end: int) -> str | None:
    """The reader's context role for a number no pattern placed, when the model is sure it is
    context (原价 1000 -> ``money_other``, 应该能赔 1000 吧 -> ``claimed``); else None."""
    fitted = model()
    if fitted is None:
        return None
    guess = fitted.predict(text, start, end)
    return AS_CONTEXT.get(guess.role) if guess.probability >= SURE else None
