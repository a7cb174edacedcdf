"""Retrieval metrics: hits need the gold document, evidence needs document and text."""

from __future__ import annotations

from eval.dataset import Question
from eval.retrieval import Found, percentile, score, summarize


def _question(**extra: object) -> Question:
    base: dict[str, object] = {
        "id": "t1", "question": "CVM 赔多少", "lang": "zh", "kind": "numeric",
        "gold": [{"doc_line": 1285, "doc_title": "云服务器服务等级协议", "section": "3.1",
                  "evidence": "月度服务费的10%"}],
        "key_facts": ["10%"], "answerable": True, "split": "heldout"}
    return Question.model_validate(base | extra)


def test_evidence_must_come_from_the_gold_document_whitespace_ignored() -> None:
    q = _question()
    same_text_other_doc = Found(5831, "低于99.95% 月度服务费的10%")
    right = Found(1285, "低于99.975% 月度服务费\n的 10%")
    outcome = score(q, [same_text_other_doc, right], latency_ms=3.0)
    assert not outcome.doc_hit1 and outcome.doc_hit5 and outcome.evidence_hit5
    assert outcome.rr10 == 0.5


def test_comparison_needs_every_gold_document() -> None:
    q = _question(kind="comparison", gold=[
        {"doc_line": 1285, "doc_title": "a", "section": "3.1", "evidence": "10%"},
        {"doc_line": 5831, "doc_title": "b", "section": "3.1", "evidence": "25%"}])
    outcome = score(q, [Found(1285, "10%")], 1.0)
    assert not outcome.doc_hit5 and not outcome.evidence_hit5 and outcome.rr10 == 1.0


def test_unanswerable_questions_count_for_latency_only() -> None:
    unanswerable = Question.model_validate({
        "id": "u", "question": "AWS 的 SLA?", "lang": "zh", "kind": "unanswerable",
        "answerable": False, "split": "heldout"})
    outcomes = [score(_question(), [Found(1285, "月度服务费的10%")], 10.0),
                score(unanswerable, [Found(1, "x")], 30.0)]
    summary = summarize(outcomes)
    assert summary.n == 1 and summary.evidence_hit5 == 1.0 and summary.p95_ms == 30.0
    assert percentile([1.0, 2.0, 3.0], 50) == 2.0 and percentile([], 50) == 0.0
