"""A scripted fake assistant for the web tests (no index, no model).

``FakeAssistant`` returns canned ``Answer`` objects whose citations and calculation are real
(real clauses, the real calculators), so what the pages render is what the real assistant
would give them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from assistant.answer import Answer, Citation
from assistant.conversation import Turn
from assistant.web.library import Library
from calculators.batch import credit_result

TODAY = date(2024, 5, 20)  # inside the CVM March 2024 claim window (2024-04-09 .. 2024-05-30)
CVM_CASE = {"doc": "CVM", "metric": "单实例服务可用性", "month": "2024-03", "monthly_fee": 2000,
            "downtime_minutes": 90}


def penalty_citation(library: Library) -> Citation:
    doc = next(d for d in library.documents if d.id == "tencent-cloud-terms")
    clause = doc.clause("3.2.4")
    assert clause is not None
    return Citation(doc.title, doc.doc_line, clause.section, clause.page, clause.line_start,
                    clause.line_end, clause.text, clause.id, clause.heading,
                    quote="如果您发生欠费，腾讯云有权每天按照您欠费金额的万分之五的标准向您收取违约金。")


def credit_answer() -> Answer:
    result = credit_result(CVM_CASE)
    citations = tuple(Citation(c["doc_title"], c["doc_line"], c["section"], c["page"],
                               c["line_start"], c["line_end"], c["text"])
                      for c in result["citations"])
    text = ("可获赔 200 元（月度服务费的 10%）[1]。\n计算过程：\n1. 第一步\n\n"
            "出处：\n[1] 《云服务器》")
    return Answer(text, "calculator", citations, result)


class FakeAssistant:
    """Scripted answers by keyword; remembers every question and the history it was given."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.calls: list[tuple[str, list[Turn]]] = []

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        self.calls.append((question, list(history)))
        if "boom" in question:
            raise RuntimeError(f"internal failure while handling {question}")
        if len(question) > 2000:
            return Answer("问题太长，请控制在 2000 字以内。", "clarify",
                          missing=("shorter_question",))
        if "赔" in question:
            return credit_answer()
        if "违约金" in question:
            return Answer("答：万分之五[1]。\n\n出处：\n[1] 《腾讯云服务协议》3.2.4", "answer",
                          (penalty_citation(self.library),))
        return Answer("协议中没有找到相关内容。", "refusal", reason="not_found")
