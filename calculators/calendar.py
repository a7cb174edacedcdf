"""Working days of mainland China (make-up workdays included) and claim-window dates.

"次月的第五（5）个工作日后" (CVM 3.2, lines 1527–1529) needs the official calendar: weekends
that are make-up workdays count, public holidays don't. The ``chinese_calendar`` package
holds it for 2004–2026; a date outside its range raises ``CalendarRangeError`` rather than
a guess.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar


class CalendarRangeError(ValueError):
    """The working-day calendar has no data for that year."""


def is_workday(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as exc:
        raise CalendarRangeError(
            f"No mainland China working-day calendar for {day.year} (the chinese-calendar "
            "package covers 2004–2026); give a month inside that range.") from exc


def month_end(year: int, month: int) -> date:
    return date(year, month, _stdlib_calendar.monthrange(year, month)[1])


def days_in_month(year: int, month: int) -> int:
    return _stdlib_calendar.monthrange(year, month)[1]


def nth_workday_after(day: date, n: int) -> date:
    """The Nth working day strictly after ``day``.

    >>> nth_workday_after(date(2024, 3, 31), 5)   # April 2024: Qingming 4–6, make-up Sun 7th
    datetime.date(2024, 4, 8)
    """
    current, seen = day, 0
    while seen < n:
        current += timedelta(days=1)
        if is_workday(current):
            seen += 1
    return current


@lru_cache(maxsize=64)
def holiday_days(name: str, year: int) -> tuple[date, ...]:
    """The days off of a holiday, by the package's English name (``"National Day"``, ``"Mid-autumn
    Festival"``), in ``year``; computed once per holiday and year:
    ``holiday_days("National Day", 2026)`` is Oct 1–7."""
    days = []
    current = date(year, 1, 1)
    while current.year == year:
        try:
            holiday, found = chinese_calendar.get_holiday_detail(current)
        except NotImplementedError:  # the package's way of saying it has no data for that year
            return ()  # no days, so no month: the reader asks for the month instead
        if holiday and found == name:
            days.append(current)
        current += timedelta(days=1)
    return tuple(days)


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (Mar 31 + 2 -> May 31); a month's
    last day gives that month's last day (Nov 30 + 2 -> Jan 31: "two months after the month
    ends" are the two calendar months that follow it)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = days_in_month(year, month)
    return date(year, month, last if day.day == days_in_month(day.year, day.month)
                else min(day.day, last))
