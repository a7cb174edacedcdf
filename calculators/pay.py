"""From a measured value to the compensation: tier lookup, voucher or other kind, cap.

Conventions of the RESULT: no credit -> ``credit_pct`` 0 for the kinds paid as a % (vouchers,
quantity credits), ``credit_amount`` 0 where a voucher fee was given, and no claim window.
Without the fee a voucher result still has eligibility, tier and %, with ``credit_amount``
null (as shared/docs/interfaces.md states) and a step saying which fee is needed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from calculators.engine import HUNDRED, InputError, in_tier, money, period_minutes, pick_tier
from calculators.engine import quantity as quantity_credit
from calculators.engine import voucher as voucher_credit
from calculators.request import CreditRequest
from calculators.result import Compensation, CreditResult
from calculators.rules import Tier, TierTable
from calculators.work import Work, finish

VOUCHERS = ("voucher_pct_of_monthly_fee", "voucher_pct_of_order_fee")
QUANTITY_KINDS = {"sms_count": "条短信", "voice_minutes": "分钟语音消息", "email_count": "封邮件",
                  "view_count": "次浏览"}
OTHER_KINDS = {"downtime_multiple_minutes": "倍超出标准的不可用分钟数（服务时长）",
               "vum_multiple": "倍不可用分钟内消耗的 VUM", "extension_days": "个自然日服务期限",
               "extension_months": "个月服务使用时间", "extension_pct_of_term": "% 年度服务时长"}
Paid = tuple[Decimal | None, Decimal | None, Compensation, bool]


def pay(w: Work, table: TierTable, req: CreditRequest, value: Decimal, year: int,
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
    comp = Compensation(table.compensation, None, table.unit)
    pct, amount, capped = None, None, False
    if tier is not None:
        w.cite(tier.source)
        w.steps.append(f"对应档位：{tier.text}")
        pct, amount, comp, capped = _compensate(w, table, tier, req, value, year, month)
    else:
        w.steps.append("没有对应的赔偿档位，无赔偿")
        w.cite(table.header or (table.tiers[0].source if table.tiers else None))
        if table.compensation in VOUCHERS or table.compensation in QUANTITY_KINDS:
            pct = Decimal(0)
        if table.compensation in VOUCHERS and _fee(table, req) is not None:
            amount = Decimal("0.00")
    return finish(w, table, value, eligible, pct, amount, comp, capped, tier, year, month,
                  req.service_end)


def _fee(table: TierTable, req: CreditRequest) -> Decimal | None:
    """The fee a % applies to: the order fee for one-off orders (else monthly_fee)."""
    if table.compensation == "voucher_pct_of_order_fee" and req.order_fee is not None:
        return Decimal(str(req.order_fee))
    return Decimal(str(req.monthly_fee)) if req.monthly_fee is not None else None


def _tier(w: Work, table: TierTable, req: CreditRequest, value: Decimal) -> Tier | None:
    if table.measure == "event":
        names = ", ".join(t.event or "" for t in table.tiers)
        events = req.events or _late_events(table, req)
        if not events and req.late_responses == 0:
            w.steps.append("服务响应均未超时（late_responses 0），未发生赔偿表所列事件")
            return None
        if not events:
            raise InputError(f"give event, one of: {names}.")
        rows = [t for t in table.tiers if t.event in events]
        if not rows:
            raise InputError(f"unknown event {events}; choose from {names}.")
        w.steps.append(f"发生：{'、'.join(events)}")
        if len(rows) > 1:
            w.notes.append("两种超时同时出现，协议未写明是否累加；按较高者计算")
        return max(rows, key=lambda t: t.value)
    rows = [t for t in table.tiers if in_tier(t, value)]
    if len(rows) > 1:
        w.notes.append("原文档位在此值重叠，按较高赔偿计算：" + " / ".join(t.text for t in rows))
    lowest = table.tiers[-1] if table.tiers else None
    if not rows and lowest is not None and lowest.lower is not None and value < lowest.lower:
        w.notes.append(f"测得值低于赔偿表最低档位下限 {lowest.lower}，协议未写明此时的赔偿；"
                       "本计算不给出赔偿额，请以腾讯云核定为准")
    return pick_tier(table, value)


def _late_events(table: TierTable, req: CreditRequest) -> list[str]:
    """Late responses stand for the table's one response event (``服务响应时长超时``)."""
    response = [t.event for t in table.tiers if t.event and "响应" in t.event]
    if req.late_responses and len(response) == 1:
        return [response[0]]
    return []


def _compensate(w: Work, table: TierTable, tier: Tier, req: CreditRequest, value: Decimal,
                year: int, month: int) -> Paid:
    kind = table.compensation
    fee = _fee(table, req)
    if kind in VOUCHERS:
        return _voucher(w, table, tier, fee, req)
    if kind in QUANTITY_KINDS:
        return _quantity(w, table, tier, fee, req)
    if kind == "downtime_multiple_minutes" and table.committed is not None:
        total = period_minutes(year, month, w.sla.period.kind)
        if w.sla.counting.denominator == "fleet_minutes" and req.instances:
            total *= req.instances  # 高性能计算集群: all instances' minutes, as the availability
        excess = Decimal(total) * (table.committed - value) / HUNDRED
        minutes = (excess * tier.value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        w.steps.append(f"超出标准的不可用分钟数 = {total} × ({table.committed}% − {value:.4f}%) = "
                       f"{excess:.2f}；赔偿 {tier.value} 倍 = {minutes} 分钟")
        return None, None, Compensation(kind, minutes, "分钟"), False
    w.steps.append(f"赔偿 {tier.value}{OTHER_KINDS.get(kind, table.unit)}")
    if w.sla.cap is not None and kind.startswith("extension"):
        w.cite(w.sla.cap.source)
        w.notes.append("协议的赔偿上限按服务费表述，未写明如何适用于延长服务时间；"
                       "本计算按赔偿表给出延长时间，不另设上限")
    return (tier.value if kind == "extension_pct_of_term" else None, None,
            Compensation(kind, tier.value, OTHER_KINDS.get(kind, table.unit)), False)


FEE_NEEDED = {"monthly_fee": "该服务当月实际支付的服务费", "order_fee": "订单实付金额"}  # what a step
# asks for, in the user's words (the claim form maps them back to its fields)


def _voucher(w: Work, table: TierTable, tier: Tier, fee: Decimal | None,
             req: CreditRequest) -> Paid:
    kind = table.compensation
    comp = Compensation(kind, tier.value, "%")
    w.cite(w.sla.fee_source)
    if w.sla.cap:
        w.cite(w.sla.cap.source)
    if fee is None:
        need = FEE_NEEDED["order_fee" if kind == "voucher_pct_of_order_fee" else "monthly_fee"]
        w.steps.append(f"赔偿为{table.fee_basis}的 {tier.value}%；未给出费用，金额需提供 {need} "
                       "才能计算")
        return tier.value, None, comp, False
    cap = w.sla.cap.pct if w.sla.cap else None
    amount, capped = voucher_credit(fee, tier.value, cap)
    basis = "订单实付金额" if req.order_fee is not None and kind.endswith("order_fee") \
        else table.fee_basis
    w.steps.append(f"赔偿 = {basis} {fee} 元 × {tier.value}% = "
                   f"{money(fee * tier.value / HUNDRED)} 元")
    if capped:
        w.steps.append(f"超过上限（{table.fee_basis}的 {cap}%），按 {amount} 元赔偿")
    return tier.value, amount, comp, capped


def _quantity(w: Work, table: TierTable, tier: Tier, fee: Decimal | None,
              req: CreditRequest) -> Paid:
    kind = table.compensation
    unit = QUANTITY_KINDS[kind]
    if fee is None:
        w.steps.append(f"赔偿为{table.fee_basis}的 {tier.value}% 所对应的{unit}数量；给出 "
                       "monthly_fee 和 unit_price 可折算为数量")
        return tier.value, None, Compensation(kind, None, unit), False
    words = f"{table.fee_basis} {fee} 元 × {tier.value}%"
    if req.unit_price is None:
        w.steps.append(f"赔偿 = {words} 所对应的数量（给出 unit_price 可折算为{unit}）")
        return tier.value, None, Compensation(kind, None, unit), False
    count = quantity_credit(fee, tier.value, Decimal(str(req.unit_price)))
    w.steps.append(f"赔偿 = {words} ÷ 单价 {req.unit_price} 元 ≈ {count} {unit}（四舍五入取整）")
    return tier.value, None, Compensation(kind, count, unit), False
