"""Credits given in sentences, not tables: CMQ's per-minute formula and failed requests × N.

CMQ (消息队列 CMQ 4.2, 4470 and 4513–4515): outages of 5 minutes or less are not counted;
``按分钟计算故障时间…1分01秒，按2分钟算``; voucher = daily fee ÷ 24 ÷ 60 × outage minutes ×
100, at most the CMQ fee. The compensation clause (4 补偿, "适用于由腾讯云故障原因导致…不可正常
使用") pays per counted outage and does not require the month to fall below the 99.95%
commitment; the engine follows that reading and says so in a note. 14.4 元/天, one 7m20s
outage -> 8 minutes -> 14.4 ÷ 24 ÷ 60 × 8 × 100 = 8.00 元.
"""

from __future__ import annotations

from decimal import Decimal

from calculators.engine import InputError, availability, cmq_voucher, money, parse_month
from calculators.engine import period_minutes as minutes_of
from calculators.request import CreditRequest
from calculators.result import Compensation, CreditResult
from calculators.single import counted_minutes, measured_availability
from calculators.work import Work, finish


def prose_credit(sla_work: Work, req: CreditRequest) -> CreditResult:
    year, month = parse_month(req.month or "")
    prose = sla_work.sla.prose
    assert prose is not None
    if prose.kind == "per_minute_voucher":
        return _per_minute(sla_work, req, year, month)
    w = sla_work
    value = measured_availability(w, w.sla.counting, req, year, month)
    w.cite(prose.committed_source)
    eligible = prose.committed is not None and value < prose.committed
    w.cite(prose.source)
    comp = Compensation("request_count", None, "次")
    if eligible and req.failed_requests is not None:
        count = int(req.failed_requests) * int(prose.factor)
        w.steps.append(f"赔偿次数 = 失败请求 {req.failed_requests} × {prose.factor} = {count}")
        comp = Compensation("request_count", count, "次")
    elif not eligible:
        w.steps.append(f"未低于承诺值 {prose.committed}%，无赔偿")
    return finish(w, None, value, eligible, None, None, comp, False, None, year, month,
                  req.service_end)


def _per_minute(w: Work, req: CreditRequest, year: int, month: int) -> CreditResult:
    prose = w.sla.prose
    assert prose is not None
    if req.incidents_seconds is None and req.downtime_minutes is None:
        raise InputError(f"{w.sla.doc_title} pays per outage minute; give incidents_seconds "
                         "or downtime_minutes (a measurement).")
    minutes = counted_minutes(w, w.sla.counting, req)
    total = minutes_of(year, month, w.sla.period.kind)
    avail = availability(total, minutes)
    w.cite(prose.committed_source)
    w.steps.append(f"计入的故障时间共 {minutes:g} 分钟（月按 {total} 分钟计，可用性 {avail:.4f}%，"
                   f"承诺 {prose.committed}%）")
    reading = "补偿条款（4.2）按计入的故障时间计算，未写明以低于承诺可用性为前提；本计算按此理解"
    if prose.committed is not None and avail >= prose.committed:
        reading += (f"。若理解为仅在可用性低于 {prose.committed}% 时赔偿，本月 {avail:.4f}% "
                    "未低于承诺，则无赔偿")
    w.notes.append(reading)
    w.cite(prose.source)
    daily = Decimal(str(req.daily_fee)) if req.daily_fee is not None else (
        Decimal(str(req.monthly_fee)) / 30 if req.monthly_fee is not None else None)
    eligible = minutes > 0
    amount: Decimal | None = None
    capped = False
    if eligible and daily is None:
        w.steps.append("代金券金额需提供 daily_fee（故障 Queue 每天费用）或 monthly_fee")
    elif eligible and daily is not None:
        amount = cmq_voucher(daily, minutes, prose.factor)
        w.steps.append(f"代金券 = 每天费用 {money(daily)} 元 ÷ 24 ÷ 60 × {minutes:g} 分钟 × "
                       f"{prose.factor} = {amount} 元")
        if req.monthly_fee is not None and amount > Decimal(str(req.monthly_fee)):
            amount, capped = money(Decimal(str(req.monthly_fee))), True
            cap = prose.cap_text or "CMQ 服务的总费用"
            w.steps.append(f"超过上限（{cap}），按 {amount} 元赔偿")
    comp = Compensation("voucher_per_minute_formula", amount, "元")
    return finish(w, None, avail, eligible, None, amount, comp, capped, None, year, month,
                  req.service_end)  # the availability shown beside the per-minute voucher
