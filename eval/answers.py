"""Scores of the assistant's answers on the dev question set (issue 5 targets).

- answered right: an answerable question got an answer (not a refusal) that contains every
  key fact (after normalising full-/half-width characters and spaces) and cites a passage
  of a gold document that holds the gold evidence;
- refusals: precision and recall of the ``refusal`` route on the unanswerable questions;
- invented figures: numbers in an answer that appear in none of its cited passages (nor in
  the calculator's RESULT).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from eval.dataset import Question

NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def normalise(text: str) -> str:
    """NFKC (full-width → half-width), no whitespace, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def invented_numbers(answer: dict[str, Any]) -> list[str]:
    """Numbers the answer states that its citations and calculation do not contain.

    Citation markers ([1]), line/page numbers of the source list and list numbering are
    the answer's own furniture and are ignored.
    """
    if answer.get("route") == "clarify":
        return []  # a request for input: its worked example and the calculators' per-variant
        # figures are not claims about the agreements
    text = answer.get("answer", "")
    body = re.split(r"\n(?:出处：|Sources:|最相关的协议|The nearest agreement)", text)[0]
    body = re.sub(r"「[^」]*」|\"[^\"]*\"", "", body)  # worked examples in clarify replies
    body = re.sub(r"《[^》]*》", "", body)  # a document's name (《COS V5 SDK 合规使用指南》) is no figure
    body = re.sub(r"\[\d+\]|^\d+\.\s", "", body, flags=re.M)
    support = " ".join(c.get("text", "") for c in answer.get("citations", []))
    if answer.get("calculation"):
        support += " " + str(answer["calculation"])
    # numbers as the lines give them ("…/19677" and "7.1 腾讯云…" on the next line) and with
    # spaces removed (a figure wrapped across a line break)
    allowed = (set(NUMBER_RE.findall(unicodedata.normalize("NFKC", support)))
               | set(NUMBER_RE.findall(normalise(support))))
    allowed |= {_plain(n) for n in allowed}  # 180.00 in the calculation is the 180 said
    invented = []
    for number in NUMBER_RE.findall(normalise(body)):
        if number not in allowed and _plain(number) not in allowed:
            invented.append(number)
    return invented


def _plain(number: str) -> str:
    """``180.00`` -> ``180``, ``99.50`` -> ``99.5``; a whole number as it is."""
    return number.rstrip("0").rstrip(".") if "." in number else number


@dataclass(frozen=True)
class AnswerCheck:
    """One answer against its question (the per-case flags of the report).

    ``ok``: an answerable question got an answer with every key fact and a citation of a gold
    document holding the gold evidence; an unanswerable one was refused.
    """

    refused: bool
    facts: bool
    citation: bool
    invented: bool

    def ok(self, answerable: bool) -> bool:
        if not answerable:
            return self.refused
        return self.facts and self.citation and not self.refused


def check_answer(q: Question, answer: dict[str, Any]) -> AnswerCheck:
    """Key facts (after :func:`normalise`), the evidence in a cited passage of its gold
    document, the refusal route, figures absent from the citations and calculation."""
    refused = answer["route"] == "refusal"
    invented = bool(invented_numbers(answer))
    if not q.answerable:
        return AnswerCheck(refused, facts=False, citation=False, invented=invented)
    text = normalise(answer["answer"])
    facts = all(normalise(f) in text for f in q.key_facts)
    citations = answer.get("citations", [])
    evidence_ok = any(normalise(g.evidence) in normalise(c.get("text", ""))
                      for g in q.gold for c in citations if c.get("doc_line") == g.doc_line)
    return AnswerCheck(refused, facts, evidence_ok, invented)


@dataclass
class AnswerScores:
    total: int = 0
    answerable: int = 0
    correct: int = 0
    facts_ok: int = 0
    citation_ok: int = 0
    refusal_tp: int = 0
    refusal_fp: int = 0
    refusal_fn: int = 0
    invented: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.answerable if self.answerable else 0.0

    @property
    def refusal_precision(self) -> float:
        flagged = self.refusal_tp + self.refusal_fp
        return self.refusal_tp / flagged if flagged else 1.0

    @property
    def refusal_recall(self) -> float:
        wanted = self.refusal_tp + self.refusal_fn
        return self.refusal_tp / wanted if wanted else 1.0


def score_answers(questions: Sequence[Question], answers: Iterable[dict[str, Any]]
                  ) -> AnswerScores:
    by_id = {str(a["id"]): a for a in answers}
    scores = AnswerScores()
    for q in questions:
        answer = by_id.get(str(q.id))
        if answer is None:
            continue
        scores.total += 1
        check = check_answer(q, answer)
        scores.invented += check.invented
        if not q.answerable:
            if check.refused:
                scores.refusal_tp += 1
            else:
                scores.refusal_fn += 1
                scores.failures.append(f"{q.id} should refuse: {q.question}")
            continue
        scores.answerable += 1
        scores.refusal_fp += check.refused
        scores.facts_ok += check.facts
        scores.citation_ok += check.citation
        if check.ok(q.answerable):
            scores.correct += 1
        else:
            why = "refused" if check.refused else ("facts" if not check.facts else "citation")
            scores.failures.append(f"{q.id} [{why}] {q.question}")
    return scores
