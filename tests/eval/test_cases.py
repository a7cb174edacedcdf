"""One case through a stub assistant: the flags and values the report stores."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.answer import Answer, Citation
from eval.calc_dataset import DEFAULT_CALC_PATH, load_calc_questions
from eval.cases import CaseRunner
from eval.dataset import Question
from eval.spans import CorpusText
from index.chunks import Chunk
from index.retrieval.types import Hit, Turn

# line 1 title, lines 2-3 the clause; "万分之五" sits at characters 12-16
LINES = ["腾讯云服务协议", "第一条 违约金为", "万分之五。", "其他"]
CLAUSE = Citation(doc_title="腾讯云服务协议", doc_line=1, section="1", page=1, line_start=2,
                  line_end=3, text="第一条 违约金为万分之五。", quote="违约金为万分之五。")


def chunk(doc_line: int, text: str) -> Chunk:
    return Chunk(id="c", clause_id="c", part=0, doc_id="d", doc_title="t", doc_line=doc_line,
                 product="", kind="terms", section="1", heading="", path=(), page=1,
                 line_start=2, line_end=3, text=text, embed_text=text)


class NoProducts:
    """Neither product table nor credit stage knows any product."""

    def detect(self, text: str) -> list[Any]:
        return []

    def sla_for(self, resolved: Any) -> None:
        return None


class Stub:
    """Answers every question with ``answer``; its retriever finds ``hits``."""

    def __init__(self, answer: Answer, hits: Sequence[Hit] = ()) -> None:
        self.answer = answer
        self.retriever = self
        self.hits = list(hits)
        self.products = self.credit = NoProducts()
        self.today = None

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        return self.answer

    def run(self, question: str, history: Sequence[Turn] = (), k: int = 5) -> list[Hit]:
        return self.hits[:k]


def question(**extra: Any) -> Question:
    base: dict[str, Any] = {
        "id": "q1", "question": "违约金？", "lang": "zh", "kind": "numeric", "split": "heldout",
        "gold": [{"doc_line": 1, "doc_title": "腾讯云服务协议", "section": "1",
                  "evidence": "万分之五"}], "key_facts": ["万分之五"], "answerable": True}
    return Question.model_validate(base | extra)


def runner() -> CaseRunner:
    return CaseRunner(CorpusText.from_lines(LINES), {1: 4})


def test_answered_question() -> None:
    answer = Answer("违约金为万分之五[1]。", "answer", (CLAUSE,), latency_ms=12.0,
                    stages_ms={"route": 1.0, "retrieve": 5.0})
    hits = [Hit(chunk(9, "万分之五"), 1.0), Hit(chunk(1, "违约金为万分之五"), 0.5)]
    case = runner().question(Stub(answer, hits), question())  # type: ignore[arg-type]
    assert case.ok and case.route == "answer" and case.expected_route == "answer"
    assert case.flags == {"refused": False, "invented": False, "facts": True,
                          "citation": True, "doc_hit1": False, "doc_hit5": True,
                          "evidence_hit5": True}
    # the gold doc's evidence is in the 2nd hit -> rr 0.5; quote 7-17 vs gold 12-16: 4/10, 1
    assert case.values == {"rr10": 0.5, "char_precision": 0.4, "char_recall": 1.0}
    assert case.stages_ms == {"route": 1.0, "retrieve": 5.0}


def test_unanswerable_question_must_be_refused() -> None:
    q = question(kind="unanswerable", gold=[], key_facts=[], answerable=False)
    refused = runner().question(Stub(Answer("协议没有规定。", "refusal")), q)  # type: ignore[arg-type]
    assert refused.ok and refused.expected_route == "refusal" and refused.values == {}
    answered = runner().question(Stub(Answer("是 3%。", "answer")), q)  # type: ignore[arg-type]
    assert not answered.ok and answered.flags["invented"]


def test_credit_question() -> None:
    q = load_calc_questions(DEFAULT_CALC_PATH)[0]  # c001: CVM, 2024-03, 680 CNY, 5 incidents
    p = q.params
    calculation = {"doc_line": 1285, "availability_pct": 99.923835, "eligible": True,
                   "credit_amount": 68,
                   "claim_window": {"opens": "2024-04-09", "deadline": "2024-05-30"},
                   "request": {"doc_line": 1285, "metric": p.metric, "month": p.month,
                               "monthly_fee": "680", "incidents_seconds": [45, 61, 119]}}
    answer = Answer("赔 68 元", "calculator", calculation=calculation)
    case = runner().calc_question(Stub(answer), q)  # type: ignore[arg-type]
    assert case.ok and case.kind == "credit"
    assert case.flags["route"] and case.flags["exact"]
    assert case.flags["param_month"] and not case.flags["param_measurement"]  # 3 of 5 incidents
    assert not case.flags["params"]
    # no calculation: the credit stage is asked what it would extract; no SLA -> nothing right
    wrong = runner().calc_question(Stub(Answer("?", "clarify")), q)  # type: ignore[arg-type]
    assert not wrong.ok and not wrong.flags["route"] and not wrong.flags["exact"]
    assert not wrong.flags["param_doc"] and not wrong.flags["params"]
