"""A month's fee said as an hourly rate with what it was charged for.

``¥3.20/hour, 720 hours billed``: the month's charge is the rate times the hours billed.
``0.45 元/实例·小时，20 个实例，整个 9 月都在跑``: each instance's month is the rate times the
month's hours, and the credit stage prices the fleet (all of them, where all were affected).
A rate with no hours said is the day's price (the rate × 24), which the SLA's own rule turns
into the month's (CMQ uses it as it is). The reading shows the product it took, so a wrong one
is seen at a glance. When the hours cannot be tied to the fleet (several instances and one
number of hours: each, or in all?) or hours are said that are not the hours billed, the
month's charge is asked for instead.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal

from assistant.reading.normalize import plain

N = r"\d+(?:\.\d+)?"
SEAT = r"(?:个\s*)?(?:实例|台|节点|instance|node|server|VM)"
HOURLY = re.compile(  # ¥0.86 per instance-hour, 0.45 元/实例·小时, 3.2 元/小时/台, ¥3.20/hour
    rf"(?:[¥￥]\s*(?P<a>{N})\s*(?:元|块|CNY|RMB|yuan)?|(?P<b>{N})\s*(?:元|块|CNY|RMB|yuan))\s*"
    rf"(?:/|per|每|an?|一|1\s*个?)\s*(?P<seat>{SEAT}\s*[·•\-\s]?\s*)?(?:小时|hours?|hr|h|时)\b"
    rf"(?P<seat_after>\s*(?:/|每|per)\s*{SEAT})?"
    rf"|(?:每(?P<seat_first>{SEAT})?每?小时|hourly|per hour)\s*(?:是|为|价格|fee|price)?\s*[¥￥]?\s*"
    rf"(?P<c>{N})\s*(?:元|块|CNY|RMB|yuan)"
    rf"|(?<![\d.])(?P<d>{N})\s*(?:/|每|一|1\s*个?|per|an?)\s*(?:小时|hour|hr)\b", re.I)  # 按量的 1.96一小时
PRICED_BEFORE = re.compile(r"(?:按量|按小时|价格|单价|计费|收费|费用|price|rate|billed|pay-as-you-go)"
                           r"[^，,。；;\n]{0,12}$", re.I)  # a bare number per hour is a price only here
BILLED_HOURS = re.compile(  # 720 hours billed, billed 744 hours, 计费 720 小时, 跑了 720 个小时
    rf"(?:billed|charged|计费|计费时长|用了|跑了|运行了?|使用了?)\s*(?:for\s*)?(?:了\s*)?(?:共\s*)?"
    rf"(?P<a>{N})\s*(?:个\s*)?(?:instance[- ]hours|hours?|hrs?|小时|实例小时)"
    rf"|(?P<b>{N})\s*(?:个\s*)?(?:instance[- ]hours|hours?|hrs?|小时|实例小时)\s*"
    rf"(?:were\s+|was\s+)?(?:billed|charged|of usage|of use|计费|的费用|的用量)"
    rf"|(?<![\d.])(?P<c>672|696|720|744)\s*(?:个\s*)?(?:hours?|hrs?|小时|h\b)", re.I)  # a month's hours
HOURS_SAID = re.compile(r"(?<![\d.])(?:[2-9]\d|\d{3,})\s*(?:个\s*)?(?:hours?|hrs?|小时)")  # 300 hours
WHOLE_MONTH = re.compile(  # 整个 9 月都在跑, ran all month, 24/7 the whole month
    r"整个\s*(?:\d{1,2}\s*)?月(?:份)?\s*(?:都|一直)?\s*(?:在)?\s*(?:跑|运行|开着|用|开机|在线)"
    r"|全月(?:都)?\s*(?:在)?\s*(?:跑|运行|开着|开机|在线)|一整个月都在(?:跑|用)"
    r"|(?:ran|running|run|on|up|used)\s+(?:for\s+)?(?:the\s+)?(?:whole|entire|full|all)\s*(?:of\s+the\s+)?month"
    r"|(?:ran|running|run|on)\s+all\s+month|24\s*/\s*7", re.I)


@dataclass(frozen=True)
class HourlyCharge:
    """What the rate and its hours come to, and the spans to record (the rate as the fee,
    the hours billed as its quantity). ``fee`` and ``daily`` both None: asked for."""

    fee: Decimal | None  # the month's fee (each instance's, where ``each``)
    note: str
    rate_span: tuple[int, int]
    hours_span: tuple[int, int] | None = None
    each: bool = False  # the charge of each of several instances
    daily: Decimal | None = None  # no hours said: the day's price


def hourly_charge(text: str, view: str, month: str | None,
                  fleets: set[int]) -> HourlyCharge | None:
    """What an hourly rate said in ``text`` comes to, or ``None`` when none is said. ``view``
    is ``text`` with the numbers read before masked; ``fleets``: the instance counts said."""
    rate = next((m for m in HOURLY.finditer(view) if not m.group("d")
                 or PRICED_BEFORE.search(text[:m.start()])), None)
    if rate is None:
        return None
    price = Decimal(rate.group("a") or rate.group("b") or rate.group("c") or rate.group("d"))
    per_seat = bool(rate.group("seat") or rate.group("seat_after") or rate.group("seat_first"))
    span = rate.span()
    outside = [m for m in (*BILLED_HOURS.finditer(view), *HOURS_SAID.finditer(view))
               if not rate.start() <= m.start() < rate.end()]
    billed = next((m for m in outside if m.re is BILLED_HOURS), None)
    fleet = max(fleets, default=1)
    if billed is None and not WHOLE_MONTH.search(text):
        if outside:  # 20 yuan an hour, 300 hours: hours of what? The month's charge is asked
            return HourlyCharge(None, HOURS_ASKED, span)
        if per_seat or rate.group("d"):  # left to the reading of fees
            return None
        return HourlyCharge(None, f"每小时 {plain(price)} 元 × 24 = 每天 {plain(price * 24)} 元",
                            span, daily=price * 24)
    if len(fleets) > 1 or fleet > 1 and (billed is not None or not per_seat):
        return HourlyCharge(None, HOURS_ASKED, span)  # each instance's hours, or all of them?
    if billed is not None:
        hours = Decimal(next(g for g in billed.groups() if g))
        fee = (price * hours).quantize(Decimal("0.01"))
        return HourlyCharge(fee, f"每小时 {plain(price)} 元 × {plain(hours)} 小时 = {plain(fee)} 元",
                            span, billed.span())
    if fleet == 1:  # one instance all month: the day's price, which the SLA's rule turns
        return HourlyCharge(None, f"每小时 {plain(price)} 元 × 24 = 每天 {plain(price * 24)} 元",
                            span, daily=price * 24)  # into the month's (CMQ uses it as it is)
    if month is None:
        return HourlyCharge(None, HOURS_ASKED, span)
    year, number = int(month[:4]), int(month[5:7])
    hours = Decimal(calendar.monthrange(year, number)[1] * 24)
    fee = (price * hours).quantize(Decimal("0.01"))  # each instance's month: the credit
    note = f"每个实例每小时 {plain(price)} 元 × {plain(hours)} 小时（全月） = {plain(fee)} 元"
    return HourlyCharge(fee, note, span, each=True)  # stage prices the fleet


HOURS_ASKED = "an hourly price with the hours billed: what was the month's charge?"

__all__ = ["HOURS_ASKED", "HourlyCharge", "hourly_charge"]
