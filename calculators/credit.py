"""One credit case: which table(s), variants that agree, higher-of across metrics.

``compute(sla, request)`` is pure: the rule comes from the catalog, the request from the
caller; every figure in the result is a step with the clause it came from.

- No variant given where the SLA has several: every variant is computed; if they all give
  the same result (eligibility, credit, compensation) it is returned with a step naming the
  variants that agree (DNS, 30 minutes in 2024-09: 专业版/企业版/尊享版 all 10%); otherwise
  the error lists the choices and what each would give.
- Several measurements (``measurements``): each metric is computed and the higher credit is
  paid (CVM 3.1(5), line 1525: ``则以其中赔偿额较高者为准``), with a step for each.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from calculators.engine import InputError, parse_month
from calculators.prose import prose_credit
from calculators.request import MEASUREMENT_WORDS, CreditRequest
from calculators.result import Citation, Compensation, CreditResult
from calculators.rules import SlaRule
from calculators.single import measured_availability, table_credit
from calculators.tables import candidate_tables
from calculators.work import Work, finish


def compute(sla: SlaRule, req: CreditRequest) -> CreditResult:
    """The credit for one case under ``sla`` (raises ``InputError`` naming what to fix)."""
    if not sla.computable:
        return no_credit(sla, req)
    _require(req)
    if sla.prose is not None and not sla.tables:
        return prose_credit(Work(sla, [], [], []), req)
    main = _one(sla, req)
    if not req.measurements:
        return main
    others = [_one(sla, req.with_measurement(m)) for m in req.measurements]
    return higher_of(sla, [main, *others])


def no_credit(sla: SlaRule, req: CreditRequest) -> CreditResult:
    """An SLA that pays no credit (a free product, no compensation clause, refunds or a device
    replacement only): no credit, the reason cited, and the case's availability under the
    SLA's counting where a month and a length of downtime are given."""
    w = Work(sla, [], [], [])
    month = parse_month(req.month) if req.month and req.month.strip() else None
    value = None
    if month is not None and req.measurement() in ("downtime_minutes", "incidents_seconds",
                                                   "availability_pct"):
        value = measured_availability(w, sla.counting, req, *month)
    reason = re.search(r"\((.+)\)\s*$", sla.reason or "")
    w.notes.append(reason.group(1) if reason else str(sla.reason))
    w.steps.append(f"本协议不提供代金券赔偿：{w.notes[-1]}")
    if sla.reason_source is not None:
        w.cite(sla.reason_source)
    amount = Decimal("0.00") if req.monthly_fee is not None else None
    return finish(w, None, value, False, Decimal(0), amount, Compensation("none", None, ""),
                  False, None, *(month or (1970, 1)))


def _require(req: CreditRequest) -> None:
    """Month and measurement, both named at once when both are missing."""
    missing = []
    if not (req.month or "").strip():
        missing.append("month (YYYY-MM)")
    if not req.has_measurement():
        missing.append(f"a measurement ({MEASUREMENT_WORDS}; event or event_count for SLAs "
                       "paying by those)")
    if missing:
        raise InputError(f"give {' and '.join(missing)}.")


def _key(r: CreditResult) -> tuple[object, ...]:
    return (r.eligible, r.credit_pct, r.credit_amount, r.compensation.kind,
            r.compensation.value, r.cap_applied, r.claim_opens, r.claim_deadline)


def _one(sla: SlaRule, req: CreditRequest) -> CreditResult:
    tables = candidate_tables(sla, req)
    results = [table_credit(sla, t, req) for t in tables]
    if len({_key(r) for r in results}) == 1:
        return results[0] if len(results) == 1 else _agreed(results)
    outcomes = "; ".join(f"{r.variant} → {_words(r)}" for r in results)
    raise InputError(f"{sla.doc_title} has several variants; give variant, one of: "
                     f"{', '.join(str(r.variant) for r in results)} (they differ: {outcomes}).")


def _words(r: CreditResult) -> str:
    if not r.eligible:
        return "no credit"
    if r.credit_amount is not None:
        return f"{r.credit_amount} CNY"
    if r.credit_pct is not None:
        return f"{r.credit_pct}%"
    return f"{r.compensation.value} {r.compensation.unit}"


def _agreed(results: list[CreditResult]) -> CreditResult:
    first = results[0]
    names = "、".join(str(r.variant) for r in results)
    step = (f"未指明版本；{names} 的计算结果相同（{_words(first)}），以下按 {first.variant} "
            "的赔偿表列示")
    note = f"结果与版本无关：{names} 均得出相同结果"
    return replace(first, variant=None, steps=(step, *first.steps),
                   notes=(*first.notes, note))


def _rank(r: CreditResult) -> tuple[Decimal, Decimal, Decimal]:
    value = r.compensation.value
    return (r.credit_amount if r.credit_amount is not None else Decimal(-1),
            r.credit_pct if r.credit_pct is not None else Decimal(-1),
            Decimal(value) if value is not None else Decimal(-1))


def higher_of(sla: SlaRule, results: list[CreditResult]) -> CreditResult:
    """The higher credit of several metrics measured in the same month, with every one shown."""
    best = max(results, key=_rank)          # max keeps the first of equals
    steps: list[str] = []
    for r in results:
        what = f"{r.metric}{f'（{r.variant}）' if r.variant else ''}"
        value = f"{r.availability_pct:.4f}%" if r.availability_pct is not None else "—"
        paid = "赔偿 " + _words(r) if r.eligible else "无赔偿"
        steps.append(f"按{what}计算：测得 {value}，{paid}")
    citations = list(best.citations)
    for r in results:
        citations += [c for c in r.citations if c not in citations]
    notes = list(best.notes)
    if sla.higher_of is not None:
        citations.append(Citation.of(sla, sla.higher_of))
        steps.append(f"多项指标同时未达标时以赔偿额较高者为准（{sla.higher_of.section}）："
                     f"按{best.metric}赔偿 {_words(best)}")
    else:
        notes.append("协议未写明多项指标同时未达标时如何赔偿；此处按较高者列示，不累加")
        steps.append(f"取较高者：按{best.metric}赔偿 {_words(best)}")
    steps += [f"（{best.metric}）{s}" for s in best.steps]
    return replace(best, steps=tuple(steps), citations=tuple(dict.fromkeys(citations)),
                   notes=tuple(notes))
