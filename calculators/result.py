"""The RESULT and CITATION objects of shared/docs/interfaces.md.

Numbers are JSON numbers: ``availability_pct`` to 6 decimals, ``credit_amount`` in CNY with
at most 2 decimals (``68`` or ``123.46``; rounded once, half up, by ``engine.money``). A
string form of amounts is not used; a reader wanting ``"68.00"`` formats the number.
``credit_amount`` is null where the SLA pays in another kind or no fee was given, 0 where a
fee was given and nothing is due; ``claim_window`` dates are null where there is nothing to
claim or the SLA states no date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from calculators.rules import SlaRule, Source


@dataclass(frozen=True)
class Citation:
    doc_title: str
    doc_line: int
    section: str
    page: int
    line_start: int
    line_end: int
    text: str

    @classmethod
    def of(cls, sla: SlaRule, source: Source) -> Citation:
        return cls(sla.doc_title, sla.doc_line, source.section, source.page, source.line_start,
                   source.line_end, source.text)


@dataclass(frozen=True)
class Compensation:
    kind: str
    value: Decimal | int | None
    unit: str


@dataclass(frozen=True)
class CreditResult:
    """A computed credit with the steps in plain words and every rule it used."""

    doc_title: str
    doc_line: int
    metric: str
    variant: str | None
    availability_pct: Decimal | None
    committed_pct: Decimal | None
    eligible: bool
    credit_pct: Decimal | None
    credit_amount: Decimal | None
    compensation: Compensation
    cap_applied: bool
    claim_opens: date | None
    claim_deadline: date | None
    steps: tuple[str, ...]
    citations: tuple[Citation, ...]
    tier: str | None = None
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready RESULT: availability to ≥ 4 decimals, amounts to the fen, dates ISO."""
        return {
            "doc_title": self.doc_title, "doc_line": self.doc_line, "metric": self.metric,
            "variant": self.variant,
            "availability_pct": _num(self.availability_pct, 6),
            "committed_pct": _num(self.committed_pct),
            "eligible": self.eligible, "credit_pct": _num(self.credit_pct),
            "credit_amount": _num(self.credit_amount, 2),
            "compensation": {"kind": self.compensation.kind,
                             "value": _num(self.compensation.value),
                             "unit": self.compensation.unit},
            "cap_applied": self.cap_applied,
            "claim_window": {"opens": _day(self.claim_opens),
                             "deadline": _day(self.claim_deadline)},
            "tier": self.tier, "notes": list(self.notes), "steps": list(self.steps),
            "citations": [c.__dict__ for c in self.citations],
        }


def _num(value: Decimal | int | None, places: int | None = None) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if places is not None:
        value = round(value, places)
    return int(value) if value == value.to_integral_value() else float(value)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None
