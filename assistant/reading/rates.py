"""A month's fee said as an hourly rate with what it was charged for.

``¥3.20/hour, 720 hours billed``: the month's charge is the rate times the hours billed.
``0.45 元/实例·小时，20 个实例，整个 9 月都在跑``: each instance's month is the rate times the
month's hours, and the credit stage prices the fleet (all of them, where all were affected).
One instance all month keeps the day's price (the rate × 24), which the SLA's own rule turns
into the month's. The reading shows the product it took, so a wrong one is seen at a glance.
When the hours cannot be tied to the fleet (several instances and one number of hours: each,
or in all?) the charge is asked for instead.
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
    rf"(?:/|per|每|an?|一)\s*(?P<seat>{SEAT}\s*[·•\-\s]?\s*)?(?:小时|hours?|hr|h|时)\b"
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
    rf"(?:were\s+|was\s+)?(?:billed|charged|of usage|of use|计费|的费用|的用量)", re.I)
WHOLE_MONTH = re.compile(  # 整个 9 月都在跑, ran all month, 24/7 the whole month
    r"整个\s*(?:\d{1,2}\s*)?月(?:份)?\s*(?:都|一直)?\s*(?:在)?\s*(?:跑|运行|开着|用|开机|在线)"
    r"|全月(?:都)?\s*(?:在)?\s*(?:跑|运行|开着|开机|在线)|一整个月都在(?:跑|用)"
    r"|(?:ran|running|run|on|up|used)\s+(?:for\s+)?(?:the\s+)?(?:whole|entire|full|all)\s*(?:of\s+the\s+)?month"
    r"|(?:ran|running|run|on)\s+all\s+month|24\s*/\s*7", re.I)
MONTH_HOURS = re.compile(  # a month's hours beside an hourly rate: the hours billed (720 hours)
    r"(?<![\d.])(?P<a>672|696|720|744)\s*(?:个\s*)?(?:hours?|hrs?|小时|h\b)(?P<b>)", re.I)
SEATS = re.compile(rf"(?<![\d.])(\d+)\s*{SEAT}s?\b|(?<![\d.])(\d+)\s*{SEAT}", re.I)


@dataclass(frozen=True)
class HourlyCharge:
    """What the rate and its hours come to, and the spans to record (the rate as the fee,
    the hours billed as its quantity)."""

    fee: Decimal | None  # None: the month's charge is to be asked for
    note: str
    rate_span: tuple[int, int]
    hours_span: tuple[int, int] | None
    each: bool = False  # the charge of each of several instances


def hourly_charge(text: str, view: str, month: str | None) -> HourlyCharge | None:
    """The month's charge of an hourly rate said with what it was billed for, or ``None``
    when no hourly rate is said with hours billed or a whole month of running. ``view`` is
    ``text`` with the numbers read before masked."""
    rate = next((m for m in HOURLY.finditer(view) if not m.group("d")
                 or PRICED_BEFORE.search(text[:m.start()])), None)
    if rate is None:
        return None
    price = Decimal(rate.group("a") or rate.group("b") or rate.group("c") or rate.group("d"))
    per_seat = bool(rate.group("seat") or rate.group("seat_after") or rate.group("seat_first"))
    billed = next((m for m in BILLED_HOURS.finditer(view)
                   if not rate.start() <= m.start() < rate.end()), None) or next(
        (m for m in MONTH_HOURS.finditer(view) if not rate.start() <= m.start() < rate.end()), None)
    whole = WHOLE_MONTH.search(text)
    if billed is None and whole is None:
        return None
    seats = [m for m in SEATS.finditer(view) if not rate.start() <= m.start() < rate.end()]
    counts = {int(m.group(1) or m.group(2)) for m in seats}
    fleet = max(counts, default=1)
    span = rate.span()
    if len(counts) > 1 or fleet > 1 and (billed is not None or not per_seat):
        return HourlyCharge(None, HOURS_ASKED, span, None)  # each instance's hours, or all?
    if billed is None and fleet == 1:  # one instance all month: the day's price (× 24), which
        return None  # the SLA's own rule turns into the month's (CMQ uses it as it is)
    if billed is not None:
        hours = Decimal(billed.group("a") or billed.group("b"))
        fee = (price * hours).quantize(Decimal("0.01"))
        return HourlyCharge(fee, f"每小时 {plain(price)} 元 × {plain(hours)} 小时 = {plain(fee)} 元",
                            span, billed.span())
    if month is None:
        return HourlyCharge(None, HOURS_ASKED, span, None)
    year, number = int(month[:4]), int(month[5:7])
    hours = Decimal(calendar.monthrange(year, number)[1] * 24)
    fee = (price * hours).quantize(Decimal("0.01"))  # each instance's month: the credit
    note = f"每个实例每小时 {plain(price)} 元 × {plain(hours)} 小时（全月） = {plain(fee)} 元"
    return HourlyCharge(fee, note, span, None, each=True)  # stage prices the fleet


HOURS_ASKED = "an hourly price with the hours billed: what was the month's charge?"

__all__ = ["HOURS_ASKED", "HourlyCharge", "hourly_charge"]
