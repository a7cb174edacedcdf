"""One table, one measurement: count it, find the tier, pay, date the claim.

``table_credit(sla, table, req)`` is pure; every figure in the result is a step with the
clause it came from. Choosing the table, variants that agree and higher-of across metrics
are ``calculators.credit``'s.
"""

from __future__ import annotations

from decimal import Decimal

from calculators.engine import (
    InputError,
    availability,
    count_incident,
    parse_month,
    period_minutes,
    success_rate,
)
from calculators.pay import pay
from calculators.request import MEASUREMENT_WORDS, CreditRequest
from calculators.result import CreditResult
from calculators.rules import Counting, SlaRule, TierTable
from calculators.work import Work


def table_credit(sla: SlaRule, table: TierTable, req: CreditRequest) -> CreditResult:
    """The credit for one case under one table (raises ``InputError`` naming what to fix)."""
    year, month = parse_month(req.month or "")
    work = Work(sla, [], [], [])
    counting = table.counting or sla.counting
    value = _measure(work, table, counting, req, year, month)
    return pay(work, table, req, value, year, month)


def _measure(w: Work, table: TierTable, c: Counting, req: CreditRequest, year: int,
             month: int) -> Decimal:
    sla = w.sla
    if table.measure == "event":
        return Decimal(0)
    if table.measure == "late_responses":
        if req.late_responses is None:
            raise InputError(f"{sla.doc_title} pays by late responses; give event_count "
                             "(late_responses).")
        w.steps.append(f"服务月度内{table.metric} {req.late_responses} 次")
        return Decimal(req.late_responses)
    if table.measure == "outage_minutes":
        if not req.incidents_seconds:
            raise InputError(f"{sla.doc_title} pays by outage length; give incidents_seconds.")
        long = [Decimal(str(s)) / 60 for s in req.incidents_seconds if Decimal(str(s)) > 300]
        total = sum(long, Decimal(0))
        w.steps.append(f"超过5分钟的持续不可用共 {len(long)} 次，累计 {total:.2f} 分钟")
        w.cite(c.source)
        return total
    if table.measure == "durability_pct":
        if req.availability_pct is None:
            raise InputError("give the measured durability as availability_pct for this metric.")
        return Decimal(str(req.availability_pct))
    return measured_availability(w, c, req, year, month)


def measured_availability(w: Work, c: Counting, req: CreditRequest, year: int,
                          month: int) -> Decimal:
    """Availability in % from whichever measurement was given, under counting rule ``c``."""
    total = period_minutes(year, month, w.sla.period.kind)
    kind = req.measurement()
    if kind is None:
        raise InputError(f"give a measurement: {MEASUREMENT_WORDS}.")
    if kind == "availability_pct":
        value = Decimal(str(req.availability_pct))
        if not 0 <= value <= 100:
            raise InputError("availability_pct must be between 0 and 100.")
        w.steps.append(f"服务可用性（已按协议计算）为 {value}%")
        return value
    if kind == "requests":
        if c.kind not in ("success_rate",) and w.sla.prose is None:
            raise InputError(f"{w.sla.doc_title} does not measure by request counts; give "
                             "downtime_minutes, incidents_seconds or availability_pct.")
        value = success_rate(int(req.total_requests or 0), int(req.failed_requests or 0))
        w.steps.append(f"服务可用性 = 1 − {req.failed_requests} / {req.total_requests} = "
                       f"{value:.4f}%")
        w.cite(c.source)
        return value
    if c.kind in ("success_rate", "window_error_rate"):
        what = "request success rate" if c.kind == "success_rate" else \
            "mean of 5-minute error rates"
        raise InputError(f"{w.sla.doc_title} measures availability as the {what}; give "
                         "availability_pct (or total_requests + failed_requests).")
    w.steps.append(_period_words(w, year, month, total))
    down = counted_minutes(w, c, req)
    value = availability(total, down)
    w.steps.append(f"服务可用性 = ({total} − {down}) / {total} × 100% = {value:.4f}%")
    return value


def counted_minutes(w: Work, c: Counting, req: CreditRequest) -> Decimal:
    """Downtime minutes: as given, or the incidents counted under the SLA's rule."""
    if req.incidents_seconds is None:
        return Decimal(str(req.downtime_minutes or 0))
    down = Decimal(0)
    for seconds in req.incidents_seconds:
        counted = count_incident(Decimal(str(seconds)), c)
        w.steps.append(f"故障 {seconds:g} 秒：{counted.why}，计 {counted.minutes:g} 分钟")
        down += counted.minutes
    w.cite(c.source)
    return down


def _period_words(w: Work, year: int, month: int, total: int) -> str:
    w.cite(w.sla.period.source)
    if w.sla.period.kind == "thirty_days":
        return f"协议中的“月”按30个自然日计，共 {total} 分钟"
    if w.sla.period.kind == "service_year":
        return f"{year}年服务年度共 {total // 1440} 天，{total} 分钟"
    return f"{year}年{month}月共 {total // 1440} 天，{total} 分钟"
