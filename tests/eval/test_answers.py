"""Scoring of assistant answers: key facts, citations, refusals, invented figures."""

from __future__ import annotations

from typing import Any

from eval.answers import invented_numbers, normalise, score_answers
from eval.dataset import Gold, Question


def question(qid: str, answerable: bool = True) -> Question:
    gold = (Gold(doc_line=200, doc_title="腾讯云服务协议", section="3.2.4",
                 evidence="欠费金额的万分之五"),) if answerable else ()
    return Question(id=qid, question="违约金怎么算？", history=(), lang="zh",
                    kind="numeric" if answerable else "unanswerable", gold=gold,
                    key_facts=("万分之五",) if answerable else (), answerable=answerable,
                    split="heldout")


CLAUSE: dict[str, Any] = {
    "doc_title": "腾讯云服务协议", "doc_line": 200, "section": "3.2.4", "page": 15,
    "line_start": 323, "line_end": 327,
    "text": "腾讯云有权每天按照您欠费金额的万分之五的标准向您收取违约金。"}


def test_right_answer_wrong_citation_refusal() -> None:
    answers: list[dict[str, Any]] = [
        {"id": "a", "route": "answer", "answer": "答：万分之五[1]。", "citations": [CLAUSE]},
        {"id": "b", "route": "answer", "answer": "答：万分之五。", "citations": []},
        {"id": "c", "route": "refusal", "answer": "协议没有规定。", "citations": []},
        {"id": "d", "route": "refusal", "answer": "协议没有规定。", "citations": []},
    ]
    scores = score_answers([question("a"), question("b"), question("c"),
                            question("d", answerable=False)], answers)
    assert (scores.answerable, scores.correct) == (3, 1)
    assert scores.refusal_tp == 1 and scores.refusal_fp == 1
    assert scores.refusal_precision == 0.5 and scores.refusal_recall == 1.0


def test_invented_figures() -> None:
    faithful = {"route": "answer", "citations": [CLAUSE],
                "answer": "答：万分之五[1]。\n\n出处：\n[1] 第15页（第323–327行）"}
    assert invented_numbers(faithful) == []
    invented = {"route": "answer", "answer": "违约金每天 3%[1]。", "citations": [CLAUSE]}
    assert invented_numbers(invented) == ["3"]
    assert normalise("９９．９５ ％") == "99.95%"
    named = {"route": "answer", "citations": [CLAUSE],
             "answer": "Answer: 《COS V5 SDK 合规使用指南》 万分之五 [1]."}
    assert invented_numbers(named) == []  # the 5 of a document's name is no figure
    computed = {"route": "calculator", "citations": [], "calculation": {"downtime": "180.00"},
                "answer": "As read: an outage of 180 min."}
    assert invented_numbers(computed) == []  # 180.00 in the calculation is the 180 said
    assert invented_numbers({**computed, "calculation": {"downtime": "1"}}) == ["180"]
    assert invented_numbers({**computed, "answer": "100 min", "calculation": {"x": "1"}}) == ["100"]


def test_numbers_of_adjacent_lines_are_not_glued_together() -> None:
    clause = {**CLAUSE, "text": "详见 https://cloud.tencent.com/document/product/301/19677\n"
                                "7.1 腾讯云有权修改本条款，并提前 30 日通知。"}
    answer = {"route": "answer", "citations": [clause],
              "answer": "答：提前 30 日[1]。\n• “7.1 腾讯云有权修改本条款” [1]"}
    assert invented_numbers(answer) == []
    assert invented_numbers({**answer, "answer": "答：提前 60 日[1]。"}) == ["60"]
