"""Pure SLA arithmetic over catalog rules: month minutes, downtime from incidents,
availability, tier lookup, credits with caps, quantity credits and claim-window dates.

Money is ``Decimal`` throughout and is rounded once, by ``money`` (see its docstring for the
clause behind the rule); nothing else rounds an amount. Worked example (CVM 2.2,
lines 1468–1472): a 30-day month has 43200 minutes; 43200 × 99.975% = 43189.2 minutes
available, so 10.8 minutes of downtime are allowed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from calculators.calendar import (
    CalendarRangeError,
    add_months,
    days_in_month,
    month_end,
    nth_workday_after,
)
from calculators.rules import ClaimWindow, Counting, Tier, TierTable

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


class InputError(ValueError):
    """Bad input to a calculator; the message says which value to fix and how."""


def money(amount: Decimal) -> Decimal:
    """CNY to the fen (0.01), half up (四舍五入): the one rounding rule for amounts.

    The SLAs pay vouchers in CNY (e.g. CVM 3.1, 1510–1516: ``月度服务费的10%``) and state no
    rounding of their own for voucher amounts; the only rounding any of them states for a
    compensation is ``四舍五入取整`` (邮件推送 3.1, line 45095), so amounts are rounded the same
    way, 四舍五入, to the smallest CNY unit. Results carry the amount as a JSON number with
    at most 2 decimals (``68`` or ``123.46``), never as a string.

    >>> money(Decimal("68.005")), money(Decimal("0.004"))
    (Decimal('68.01'), Decimal('0.00'))
    """
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_month(text: str) -> tuple[int, int]:
    """``2024-03`` -> (2024, 3); anything else is an ``InputError``."""
    parts = text.strip().split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise InputError(f"month {text!r} is not YYYY-MM; write it like 2024-03.")
    year, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12:
        raise InputError(f"month {text!r} has no month {month}; use 01–12.")
    if not 1990 <= year <= 2100:
        raise InputError(f"month {text!r}: the year {year} is outside 1990–2100; check it.")
    return year, month


def period_minutes(year: int, month: int, period: str = "natural_month") -> int:
    """Minutes of the service period: days × 24 × 60 (CVM 1.2.2, line 1308).

    CMQ's month is always 30 days (4442); a service year counts every day of that year.

    >>> period_minutes(2024, 2), period_minutes(2023, 2), period_minutes(2024, 3, "thirty_days")
    (41760, 40320, 43200)
    """
    if period == "thirty_days":
        return 30 * 1440
    if period == "service_year":
        return (366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365) * 1440
    return days_in_month(year, month) * 1440


@dataclass(frozen=True)
class CountedIncident:
    seconds: Decimal
    minutes: Decimal
    why: str


def count_incident(seconds: Decimal, rule: Counting) -> CountedIncident:
    """Minutes one outage counts for under the SLA's rule.

    CVM (1314–1318): ≤ 60 s ignored, 61 s -> 2 min. 裸金属: ≤ 300 s ignored, 301 s -> 6 min.
    ACE (18601–18603): under 5 min ignored, ``持续影响6分钟，则计入…1分钟``. Whole units
    (Oceanus 24895, ``该三（3）分钟才计入``): a 120 s outage fills no 3-minute unit.

    >>> cvm = Counting("per_minute", ignore_up_to_seconds=60)
    >>> [count_incident(Decimal(s), cvm).minutes for s in (45, 61, 119, 600)]
    [Decimal('0'), Decimal('2'), Decimal('2'), Decimal('10')]
    >>> ace = Counting("per_minute", min_outage_minutes=5, rounding="exact", excess_only=True)
    >>> [count_incident(Decimal(s), ace).minutes for s in (240, 360)]
    [Decimal('0'), Decimal('1')]
    >>> oceanus = Counting("per_minute", window_minutes=3)
    >>> [count_incident(Decimal(s), oceanus).minutes for s in (120, 2520)]
    [Decimal('0'), Decimal('42')]
    """
    if seconds < 0:
        raise InputError("incidents_seconds must be ≥ 0; give each outage's length in seconds.")
    if rule.ignore_up_to_seconds and seconds <= rule.ignore_up_to_seconds:
        return CountedIncident(seconds, Decimal(0),
                               f"不超过{rule.ignore_up_to_seconds}秒，不计入")
    if rule.min_outage_minutes and seconds < rule.min_outage_minutes * 60:
        return CountedIncident(seconds, Decimal(0), f"低于{rule.min_outage_minutes}分钟，不计入")
    if rule.excess_only and rule.min_outage_minutes:
        excess = seconds - rule.min_outage_minutes * 60
        return CountedIncident(seconds, excess / 60,
                               f"仅超过{rule.min_outage_minutes}分钟阈值的部分计入")
    if rule.window_minutes:
        windows = int(seconds // (rule.window_minutes * 60))
        if rule.consecutive_windows and windows < rule.consecutive_windows:
            return CountedIncident(seconds, Decimal(0),
                                   f"不足连续{rule.consecutive_windows}个单位时间，不计入")
        return CountedIncident(seconds, Decimal(windows * rule.window_minutes),
                               f"完整的{rule.window_minutes}分钟单位时间 {windows} 个")
    if rule.rounding == "ceil_minute":
        return CountedIncident(seconds, Decimal(math.ceil(seconds / 60)), "不足1分钟的部分按1分钟")
    if rule.rounding == "floor_minute":
        return CountedIncident(seconds, Decimal(int(seconds // 60)), "不足1分钟的部分不计")
    return CountedIncident(seconds, seconds / 60, "按实际时长")


def availability(total_minutes: int, down_minutes: Decimal) -> Decimal:
    """(total − down) / total × 100 (CVM 2.1, line 1462)."""
    if down_minutes < 0:
        raise InputError("downtime_minutes must be ≥ 0.")
    if down_minutes > total_minutes:
        raise InputError(f"downtime {down_minutes} min is longer than the period "
                         f"({total_minutes} min); check downtime_minutes or the month.")
    return (Decimal(total_minutes) - down_minutes) / Decimal(total_minutes) * HUNDRED


def success_rate(total: int, failed: int) -> Decimal:
    """1 − failed / total, in % (短信 44111, 邮件推送 45059)."""
    if total <= 0 or failed < 0 or failed > total:
        raise InputError("total_requests must be > 0 and 0 ≤ failed_requests ≤ total_requests.")
    return (Decimal(1) - Decimal(failed) / Decimal(total)) * HUNDRED


def in_tier(tier: Tier, value: Decimal) -> bool:
    if tier.lower is not None and (value < tier.lower or
                                   (value == tier.lower and not tier.lower_inclusive)):
        return False
    if tier.upper is not None and (value > tier.upper or
                                   (value == tier.upper and not tier.upper_inclusive)):
        return False
    return True


def matching_tiers(table: TierTable, value: Decimal) -> list[Tier]:
    """Every row whose bounds hold ``value`` (two where the text overlaps, e.g. ``≤ 95%``)."""
    return [t for t in table.tiers if in_tier(t, value)]


def pick_tier(table: TierTable, value: Decimal) -> Tier | None:
    """The row that applies; where rows overlap the higher compensation (text ambiguous)."""
    rows = matching_tiers(table, value)
    return max(rows, key=lambda t: t.value) if rows else None


def voucher(fee: Decimal, pct: Decimal, cap_pct: Decimal | None) -> tuple[Decimal, bool]:
    """fee × pct, capped at fee × cap_pct; returns (amount, cap applied)."""
    if fee < 0:
        raise InputError("monthly_fee must be ≥ 0 (CNY actually paid for that month).")
    amount = fee * pct / HUNDRED
    if cap_pct is not None and amount > fee * cap_pct / HUNDRED:
        return money(fee * cap_pct / HUNDRED), True
    return money(amount), False


def quantity(fee: Decimal, pct: Decimal, unit_price: Decimal) -> int:
    """% of the fee ÷ unit price, rounded half up (邮件推送 45095 ``四舍五入取整``)."""
    if unit_price <= 0:
        raise InputError("unit_price must be > 0 (the list price of one SMS/email/minute).")
    return int((fee * pct / HUNDRED / unit_price).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def cmq_voucher(daily_fee: Decimal, minutes: Decimal, factor: Decimal) -> Decimal:
    """CMQ (4513–4515): daily fee ÷ 24 ÷ 60 × outage minutes × 100."""
    return money(daily_fee / 24 / 60 * minutes * factor)


def claim_dates(rule: ClaimWindow, year: int, month: int, period: str = "natural_month",
                service_end: date | None = None) -> tuple[date | None, date | None]:
    """(opens, deadline) of the claim for a period ending with that month (or year).

    Windows counted from the end of an engagement (应急响应 3.2, 21863–21869: after the 5th
    working day of the month after the service ends; 60 natural days after it ends) use
    ``service_end`` where given, else the end of the month.

    安全攻防对抗 (22030): after the 5th working day after the engagement itself ends.
    对等连接 (12316, ``不达标发生后的20个工作日内``): a monthly availability misses its mark
    when the month ends, so the 20 working days count from the month's end (June 2024 ->
    2024-07-26); ``work.claim_window`` notes that a breach known earlier runs from then.

    Standard (1527–1533), March 2024: opens after the 5th working day of April (Apr 8), so
    from Apr 9; deadline 60 natural days after Mar 31 = May 30.

    >>> claim_dates(ClaimWindow("after_working_day_next_month", 5,
    ...                         "natural_days_after_period", 60), 2024, 3)
    (datetime.date(2024, 4, 9), datetime.date(2024, 5, 30))
    """
    end = date(year, 12, 31) if period == "service_year" else month_end(year, month)
    opens_from = end
    if service_end is not None and rule.opens == "after_engagement":
        opens_from = month_end(service_end.year, service_end.month)
    elif service_end is not None and rule.opens == "after_working_day_after_engagement":
        opens_from = service_end
    opens = None
    if rule.opens != "none" and rule.opens_n:
        try:
            opens = nth_workday_after(opens_from, rule.opens_n) + timedelta(days=1)
        except CalendarRangeError:
            opens = None  # that year's holidays are not published yet: no guessed date
    deadline = None
    if rule.deadline == "natural_days_after_engagement" and service_end is not None:
        deadline = service_end + timedelta(days=rule.deadline_n)
    elif rule.deadline in ("natural_days_after_period", "natural_days_after_engagement"):
        deadline = end + timedelta(days=rule.deadline_n)
    elif rule.deadline == "months_after_period":
        deadline = add_months(end, rule.deadline_n)
    elif rule.deadline == "day_of_next_month":
        deadline = end + timedelta(days=rule.deadline_n)
    elif rule.deadline == "working_days_after_breach":
        try:
            deadline = nth_workday_after(end, rule.deadline_n)
        except CalendarRangeError:
            deadline = None
    return opens, deadline
