"""The record of one computation (steps, sources, notes) and how it becomes a RESULT."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calculators.engine import claim_dates
from calculators.result import Citation, Compensation, CreditResult
from calculators.rules import SlaRule, Source, Tier, TierTable


@dataclass
class Work:
    """What a computation has said so far: steps, the sources it used, notes."""

    sla: SlaRule
    steps: list[str]
    sources: list[Source]
    notes: list[str]

    def cite(self, source: Source | None) -> None:
        if source is not None and source not in self.sources:
            self.sources.append(source)


def finish(w: Work, table: TierTable | None, value: Decimal | None, eligible: bool,
           pct: Decimal | None, amount: Decimal | None, comp: Compensation, capped: bool,
           tier: Tier | None, year: int, month: int, service_end: date | None = None,
           show_value: bool = True) -> CreditResult:
    """The result; the claim window only where there is something to claim."""
    opens: date | None = None
    deadline: date | None = None
    if eligible:
        opens, deadline = claim_window(w, year, month, service_end)
    else:
        w.steps.append("未达到赔偿条件，无需申请赔偿")
    w.notes.extend(n for n in w.sla.notes if n not in w.notes)
    measured = value if show_value and (table is None or table.measure in (
        "availability_pct", "durability_pct")) else None
    return CreditResult(
        doc_title=w.sla.doc_title, doc_line=w.sla.doc_line,
        metric=table.metric if table else "服务可用性", variant=table.variant if table else None,
        availability_pct=measured,
        committed_pct=table.committed if table else (
            w.sla.prose.committed if w.sla.prose else None),
        eligible=eligible, credit_pct=pct, credit_amount=amount, compensation=comp,
        cap_applied=capped, claim_opens=opens, claim_deadline=deadline,
        steps=tuple(w.steps), citations=tuple(Citation.of(w.sla, s) for s in w.sources),
        tier=tier.text if tier else None, notes=tuple(w.notes))


def claim_window(w: Work, year: int, month: int,
                 service_end: date | None) -> tuple[date | None, date | None]:
    claim = w.sla.claim
    opens, deadline = claim_dates(claim, year, month, w.sla.period.kind, service_end)
    unknown = claim.opens not in ("none", "") and bool(claim.opens_n) and opens is None
    if claim.source is not None:
        w.cite(claim.source)
        start = (f"次月第 {claim.opens_n} 个工作日后（该年节假日安排未收录）" if unknown
                 else opens or "协议未写明起始")
        if opens or deadline:
            w.steps.append(f"申请时间：{start} 起，最晚 {deadline or '协议未写明'}")
    if unknown:
        w.notes.append(f"申请开放日未算出：需按次月第 {claim.opens_n} 个工作日之后计算，"
                       "而该年的法定节假日安排不在 chinese-calendar 的范围内（2004–2026）；"
                       "请按国务院公布的安排确认。截止日按自然日计算，不受影响")
    if claim.deadline == "day_of_next_month" and deadline is not None \
            and deadline.month != (month % 12) + 1:
        w.notes.append(f"次月不足 {claim.deadline_n} 天：“次月的第（{claim.deadline_n}）个自然日”"
                       f"按次月1日起数第 {claim.deadline_n} 个自然日计，即 {deadline}")
    if claim.deadline == "working_days_after_breach":
        w.notes.append(f"申请期限为不达标发生后 {claim.deadline_n} 个工作日内；此处按服务月度"
                       "结束时确认不达标计算，若更早已确认不达标，应从该日起算")
    if claim.opens in ("after_engagement", "after_working_day_after_engagement") \
            or claim.deadline == "natural_days_after_engagement":
        w.notes.append("申请时间按服务结束日计算" if service_end else
                       "申请时间按服务结束计算；未给出 service_end，按该服务月度末计算")
    return opens, deadline
