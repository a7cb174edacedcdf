"""What the assistant returns: an answer with its route, citations and calculation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from calculators.result import Citation as CalculatorCitation

Route = Literal["answer", "calculator", "clarify", "refusal"]


@dataclass(frozen=True)
class Citation(CalculatorCitation):
    """A cited clause (interfaces.md CITATION, as the calculators cite their rules) and the
    sentence of it the answer relies on."""

    clause_id: str = ""
    heading: str = ""
    quote: str = ""

    @property
    def label(self) -> str:
        """``《云服务器服务等级协议》3.2 赔偿申请时限，第31页``."""
        where = " ".join(p for p in (self.section, self.heading) if p) or "前言"
        return f"《{self.doc_title}》{where}，第{self.page}页"

    def record(self) -> dict[str, Any]:
        return {"doc_title": self.doc_title, "doc_line": self.doc_line, "section": self.section,
                "page": self.page, "line_start": self.line_start, "line_end": self.line_end,
                "text": self.text, "clause_id": self.clause_id, "heading": self.heading,
                "quote": self.quote}


@dataclass(frozen=True)
class Answer:
    """One reply. ``calculation`` is the calculators' RESULT when the route is calculator."""

    text: str
    route: Route
    citations: tuple[Citation, ...] = ()
    calculation: dict[str, Any] | None = None
    lang: Literal["zh", "en"] = "zh"
    missing: tuple[str, ...] = ()
    reason: str = ""
    latency_ms: float = 0.0
    stages_ms: dict[str, float] = field(default_factory=dict)

    def record(self, question_id: object = None) -> dict[str, Any]:
        """The ``python -m assistant ask --batch`` output object (interfaces.md)."""
        out: dict[str, Any] = {
            "answer": self.text, "route": self.route,
            "citations": [c.record() for c in self.citations],
            "calculation": self.calculation, "latency_ms": round(self.latency_ms, 1),
            "lang": self.lang, "missing": list(self.missing), "reason": self.reason,
            "stages_ms": {k: round(v, 2) for k, v in self.stages_ms.items()}}
        return {"id": question_id, **out} if question_id is not None else out
