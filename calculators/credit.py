"""One credit case: pick the table, count the measurement, find the tier, pay, date the claim.

``compute(sla, request)`` is pure: the rule comes from the catalog, the request from the
caller; every figure in the result is a step with the clause it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calculators.engine import (
    HUNDRED,
    InputError,
    availability,
    claim_dates,
    cmq_voucher,
    count_incident,
    in_tier,
    money,
    parse_month,
    period_minutes,
    pick_tier,
    quantity,
    success_rate,
    voucher,
)
from calculators.request import CreditRequest
from calculators.result import Citation, Compensation, CreditResult
from calculators.rules import SlaRule, Source, Tier, TierTable
from calculators.tables import choose_table

QUANTITY_KINDS = {"sms_count": "条短信", "voice_minutes": "分钟语音消息", "email_count": "封邮件",
                  "view_count": "次浏览"}
OTHER_KINDS = {"downtime_multiple_minutes": "倍超出标准的不可用分钟数（服务时长）",
               "vum_multiple": "倍不可用分钟内消耗的 VUM", "extension_days": "个自然日服务期限",
               "extension_months": "个月服务使用时间", "extension_pct_of_term": "% 年度服务时长"}


@dataclass
class _Work:
    sla: SlaRule
    steps: list[str]
    sources: list[Source]
    notes: list[str]

    def cite(self, source: Source | None) -> None:
        if source is not None and source not in self.sources:
            self.sources.append(source)


def compute(sla: SlaRule, req: CreditRequest) -> CreditResult:
    """The credit for one case under ``sla`` (raises ``InputError`` naming what to fix)."""
    if not sla.computable:
        where = f"（{sla.reason_source.clause}）" if sla.reason_source else ""
        raise InputError(f"{sla.doc_title} offers no computable credit: {sla.reason}{where}.")
    year, month = parse_month(req.month)
    work = _Work(sla, [], [], [])
    if sla.prose is not None and not sla.tables:
        return _prose(work, req, year, month)
    table = choose_table(sla, req)
    value = _measure(work, table, req, year, month)
    return _pay(work, table, req, value, year, month)


def _measure(w: _Work, table: TierTable, req: CreditRequest, year: int, month: int) -> Decimal:
    c, sla = w.sla.counting, w.sla
    if table.measure == "event":
        return Decimal(0)
    if table.measure == "late_responses":
        if req.late_responses is None:
            raise InputError(f"{sla.doc_title} pays by late responses; give late_responses.")
        w.steps.append(f"服务月度内超时响应 {req.late_responses} 次")
        return Decimal(req.late_responses)
    if table.measure == "outage_minutes":
        if not req.incidents_seconds:
            raise InputError(f"{sla.doc_title} pays by outage length; give incidents_seconds.")
        long = [Decimal(s) / 60 for s in req.incidents_seconds if Decimal(s) > 300]
        total = sum(long, Decimal(0))
        w.steps.append(f"超过5分钟的持续不可用共 {len(long)} 次，累计 {total:.2f} 分钟")
        w.cite(c.source)
        return total
    if table.measure == "durability_pct":
        if req.availability_pct is None:
            raise InputError("give the measured durability as availability_pct for this metric.")
        return Decimal(str(req.availability_pct))
    return _availability(w, req, year, month)


def _availability(w: _Work, req: CreditRequest, year: int, month: int) -> Decimal:
    c = w.sla.counting
    total = period_minutes(year, month, w.sla.period.kind)
    kind = req.measurement()
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
    if kind == "incidents_seconds":
        down = Decimal(0)
        for seconds in req.incidents_seconds or []:
            counted = count_incident(Decimal(str(seconds)), c)
            w.steps.append(f"故障 {seconds} 秒：{counted.why}，计 {counted.minutes} 分钟")
            down += counted.minutes
        w.cite(c.source)
    else:
        down = Decimal(str(req.downtime_minutes))
    value = availability(total, down)
    w.steps.append(f"服务可用性 = ({total} − {down}) / {total} × 100% = {value:.4f}%")
    return value


def _period_words(w: _Work, year: int, month: int, total: int) -> str:
    w.cite(w.sla.period.source)
    if w.sla.period.kind == "thirty_days":
        return f"协议中的“月”按30个自然日计，共 {total} 分钟"
    if w.sla.period.kind == "service_year":
        return f"{year}年服务年度共 {total // 1440} 天，{total} 分钟"
    return f"{year}年{month}月共 {total // 1440} 天，{total} 分钟"


def _pay(w: _Work, table: TierTable, req: CreditRequest, value: Decimal, year: int,
         month: int) -> CreditResult:
    tier = _tier(w, table, req, value)
    committed = table.committed
    eligible = tier is not None
    if table.measure in ("availability_pct", "durability_pct") and committed is not None:
        w.cite(table.committed_source)
        below = value < committed
        w.steps.append(f"承诺值 {committed}%；{'低于' if below else '不低于'}承诺")
        if below != eligible:
            w.notes.append("承诺值与赔偿表不一致：" + "；".join(table.notes))
    fee = Decimal(str(req.monthly_fee)) if req.monthly_fee is not None else None
    comp = Compensation(table.compensation, None, table.unit)
    pct, amount, capped = None, None, False
    if tier is not None:
        w.cite(tier.source)
        w.steps.append(f"对应档位：{tier.text}")
        pct, amount, comp, capped = _compensate(w, table, tier, req, fee, value, year, month)
    else:
        w.steps.append("没有对应的赔偿档位，无赔偿")
    return _finish(w, table, value, eligible, pct, amount, comp, capped, tier, year, month)


def _tier(w: _Work, table: TierTable, req: CreditRequest, value: Decimal) -> Tier | None:
    if table.measure == "event":
        events = req.events or []
        if not events:
            raise InputError(f"give events, one or more of: "
                             f"{', '.join(t.event or '' for t in table.tiers)}.")
        rows = [t for t in table.tiers if t.event in events]
        if not rows:
            raise InputError(f"unknown event {events}; choose from "
                             f"{', '.join(t.event or '' for t in table.tiers)}.")
        w.steps.append(f"发生：{'、'.join(events)}")
        return max(rows, key=lambda t: t.value)
    rows = [t for t in table.tiers if in_tier(t, value)]
    if len(rows) > 1:
        w.notes.append("原文档位在此值重叠，按较高赔偿计算：" + " / ".join(t.text for t in rows))
    return pick_tier(table, value)


def _compensate(w: _Work, table: TierTable, tier: Tier, req: CreditRequest,
                fee: Decimal | None, value: Decimal, year: int, month: int
                ) -> tuple[Decimal | None, Decimal | None, Compensation, bool]:
    kind = table.compensation
    if kind in ("voucher_pct_of_monthly_fee", "voucher_pct_of_order_fee"):
        if fee is None:
            raise InputError("give monthly_fee (CNY actually paid; for one-off services the "
                             "order fee).")
        cap = w.sla.cap.pct if w.sla.cap else None
        amount, capped = voucher(fee, tier.value, cap)
        w.cite(w.sla.fee_source)
        w.steps.append(f"赔偿 = {table.fee_basis} {fee} 元 × {tier.value}% = "
                       f"{money(fee * tier.value / HUNDRED)} 元")
        if capped and w.sla.cap:
            w.cite(w.sla.cap.source)
            w.steps.append(f"超过上限（{table.fee_basis}的 {cap}%），按 {amount} 元赔偿")
        elif w.sla.cap:
            w.cite(w.sla.cap.source)
        return tier.value, amount, Compensation(kind + "", tier.value, "%"), capped
    if kind in QUANTITY_KINDS:
        if fee is None:
            raise InputError("give monthly_fee (the fee of the service period).")
        words = f"{table.fee_basis} {fee} 元 × {tier.value}%"
        if req.unit_price is None:
            w.steps.append(f"赔偿 = {words} 所对应的数量（给出 unit_price 可折算为"
                           f"{QUANTITY_KINDS[kind]}）")
            return tier.value, None, Compensation(kind, None, QUANTITY_KINDS[kind]), False
        count = quantity(fee, tier.value, Decimal(str(req.unit_price)))
        w.steps.append(f"赔偿 = {words} ÷ 单价 {req.unit_price} 元 ≈ {count} {QUANTITY_KINDS[kind]}"
                       "（四舍五入取整）")
        return tier.value, None, Compensation(kind, count, QUANTITY_KINDS[kind]), False
    if kind == "downtime_multiple_minutes" and table.committed is not None:
        total = period_minutes(year, month, w.sla.period.kind)
        excess = Decimal(total) * (table.committed - value) / HUNDRED
        minutes = (excess * tier.value).quantize(Decimal("0.01"))
        w.steps.append(f"超出标准的不可用分钟数 = {total} × ({table.committed}% − {value:.4f}%) = "
                       f"{excess:.2f}；赔偿 {tier.value} 倍 = {minutes} 分钟")
        return None, None, Compensation(kind, minutes, "分钟"), False
    w.steps.append(f"赔偿 {tier.value}{OTHER_KINDS.get(kind, table.unit)}")
    return (tier.value if kind == "extension_pct_of_term" else None, None,
            Compensation(kind, tier.value, OTHER_KINDS.get(kind, table.unit)), False)


def _finish(w: _Work, table: TierTable | None, value: Decimal | None, eligible: bool,
            pct: Decimal | None, amount: Decimal | None, comp: Compensation, capped: bool,
            tier: Tier | None, year: int, month: int) -> CreditResult:
    opens, deadline = claim_dates(w.sla.claim, year, month, w.sla.period.kind)
    if w.sla.claim.source is not None:
        w.cite(w.sla.claim.source)
        if opens or deadline:
            w.steps.append(f"申请时间：{opens or '协议未写明起始'} 起，"
                           f"最晚 {deadline or '协议未写明'}")
    if w.sla.claim.deadline == "working_days_after_breach":
        w.notes.append(f"申请期限为不达标发生后 {w.sla.claim.deadline_n} 个工作日内，"
                       "需按发生日计算")
    if w.sla.claim.opens == "after_engagement":
        w.notes.append("申请时间按服务结束所在月份计算")
    w.notes.extend(n for n in w.sla.notes if n not in w.notes)
    return CreditResult(
        doc_title=w.sla.doc_title, doc_line=w.sla.doc_line,
        metric=table.metric if table else "服务可用性", variant=table.variant if table else None,
        availability_pct=value if table is None or table.measure in (
            "availability_pct", "durability_pct") else None,
        committed_pct=table.committed if table else (
            w.sla.prose.committed if w.sla.prose else None),
        eligible=eligible, credit_pct=pct, credit_amount=amount, compensation=comp,
        cap_applied=capped, claim_opens=opens, claim_deadline=deadline,
        steps=tuple(w.steps), citations=tuple(Citation.of(w.sla, s) for s in w.sources),
        tier=tier.text if tier else None, notes=tuple(w.notes))


def _prose(w: _Work, req: CreditRequest, year: int, month: int) -> CreditResult:
    prose = w.sla.prose
    assert prose is not None
    value = _availability(w, req, year, month) if req.measurement() else None
    w.cite(prose.committed_source)
    eligible = value is not None and prose.committed is not None and value < prose.committed
    w.cite(prose.source)
    comp = Compensation("request_count", None, "次")
    amount, capped = None, False
    if prose.kind == "failed_requests_multiple":
        if eligible and req.failed_requests is not None:
            count = int(req.failed_requests) * int(prose.factor)
            w.steps.append(f"赔偿次数 = 失败请求 {req.failed_requests} × {prose.factor} = {count}")
            comp = Compensation("request_count", count, "次")
    else:
        minutes = Decimal(str(req.downtime_minutes or 0))
        if req.incidents_seconds:
            minutes = sum((count_incident(Decimal(str(s)), w.sla.counting).minutes
                           for s in req.incidents_seconds), Decimal(0))
        daily = Decimal(str(req.daily_fee)) if req.daily_fee is not None else (
            Decimal(str(req.monthly_fee)) / 30 if req.monthly_fee is not None else None)
        if daily is None:
            raise InputError("give daily_fee (the failed queue's fee per day) or monthly_fee.")
        if eligible:
            amount = cmq_voucher(daily, minutes, prose.factor)
            w.steps.append(f"代金券 = 每天费用 {money(daily)} 元 ÷ 24 ÷ 60 × {minutes} 分钟 × "
                           f"{prose.factor} = {amount} 元")
            if req.monthly_fee is not None and amount > Decimal(str(req.monthly_fee)):
                amount, capped = money(Decimal(str(req.monthly_fee))), True
                w.steps.append(f"超过上限（{prose.cap_text}），按 {amount} 元赔偿")
        comp = Compensation("voucher_per_minute_formula", amount, "元")
    if not eligible:
        w.steps.append(f"未低于承诺值 {prose.committed}%，无赔偿")
    return _finish(w, None, value, eligible, None, amount, comp, capped, None, year, month)
