"""The pure engine: worked examples, dates, rounding, and properties (hypothesis)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.calendar import CalendarRangeError, holiday_days, nth_workday_after
from calculators.credit import compute
from calculators.engine import (
    InputError,
    availability,
    claim_dates,
    count_incident,
    money,
    parse_month,
    period_minutes,
    pick_tier,
    quantity,
    voucher,
)
from calculators.request import CreditRequest
from calculators.rules import ClaimWindow, Counting, load_catalog

AVAIL_TABLES = [t for s in load_catalog().slas for t in s.tables
                if t.measure == "availability_pct"]
STANDARD = ClaimWindow("after_working_day_next_month", 5, "natural_days_after_period", 60)


def test_cvm_worked_example() -> None:
    # 2.2 (1468–1472): 30 × 24 × 60 × 99.975% = 43189.2 min; 10.8 min allowed
    minutes = period_minutes(2024, 4)
    assert minutes == 43200
    assert Decimal(minutes) * Decimal("99.975") / 100 == Decimal("43189.2")
    assert availability(minutes, Decimal("10.8")) == Decimal("99.975")


def test_month_minutes_leap_years() -> None:
    assert period_minutes(2024, 2) == 29 * 1440
    assert period_minutes(2023, 2) == 28 * 1440
    assert period_minutes(2100, 2) == 28 * 1440
    assert period_minutes(2000, 2) == 29 * 1440
    assert period_minutes(2024, 2, "thirty_days") == 43200


def test_incident_rounding() -> None:
    cvm = Counting("per_minute", ignore_up_to_seconds=60, rounding="ceil_minute")
    assert [count_incident(Decimal(s), cvm).minutes for s in (60, 61, 119, 120, 121)] == \
        [0, 2, 2, 2, 3]
    minimum = Counting("per_minute", min_outage_minutes=5, rounding="ceil_minute")
    assert [count_incident(Decimal(s), minimum).minutes for s in (299, 300)] == [0, 5]
    pair = Counting("per_minute", window_minutes=5, consecutive_windows=2)
    assert [count_incident(Decimal(s), pair).minutes for s in (540, 600, 900)] == [0, 10, 15]
    floor = Counting("per_minute", rounding="floor_minute")
    assert count_incident(Decimal(61), floor).minutes == 1


def test_claim_dates_working_days() -> None:
    assert claim_dates(STANDARD, 2024, 3) == (date(2024, 4, 9), date(2024, 5, 30))
    # Oct 2024: holiday 1–7, Sat 12th is a make-up workday -> 5th working day is Oct 12
    assert nth_workday_after(date(2024, 9, 30), 5) == date(2024, 10, 12)
    # Feb 2024: Spring Festival 10–17, Sun 4th and Sun 18th make-up workdays
    assert nth_workday_after(date(2024, 1, 31), 5) == date(2024, 2, 6)
    months = ClaimWindow("after_working_day_next_month", 5, "months_after_period", 2)
    assert claim_dates(months, 2024, 3)[1] == date(2024, 5, 31)
    assert claim_dates(months, 2026, 11)[1] == date(2027, 1, 31)  # the two months after it, whole


def test_a_year_without_a_published_calendar_leaves_the_opening_date_open() -> None:
    with pytest.raises(CalendarRangeError, match="2027"):
        nth_workday_after(date(2026, 12, 31), 5)
    # December 2026: the deadline is natural days (Dec 31 + 60 = Mar 1, 2027); the opening
    # date needs the 2027 holidays, which chinese-calendar does not hold: left open, not guessed
    assert claim_dates(STANDARD, 2026, 12) == (None, date(2027, 3, 1))
    cvm = load_catalog().by_doc_line(1285)
    assert cvm is not None
    result = compute(cvm, CreditRequest.model_validate(
        {"doc_line": 1285, "metric": "单实例服务可用性", "month": "2026-12", "monthly_fee": "100",
         "downtime_minutes": "90"}))
    assert result.claim_opens is None and result.claim_deadline == date(2027, 3, 1)
    assert result.credit_amount == Decimal("10.00")
    assert any("节假日" in note for note in result.notes)


def test_bad_inputs() -> None:
    for bad in ("2024-13", "2024/03", "24-03", "march"):
        with pytest.raises(InputError):
            parse_month(bad)
    with pytest.raises(InputError, match="longer than the period"):
        availability(43200, Decimal(43201))
    with pytest.raises(InputError):
        voucher(Decimal(-1), Decimal(10), Decimal(100))


def test_money_and_quantity() -> None:
    assert money(Decimal("0.005")) == Decimal("0.01")
    assert quantity(Decimal(100), Decimal(10), Decimal("0.0019")) == 5263
    assert voucher(Decimal(200), Decimal(150), Decimal(100)) == (Decimal("200.00"), True)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(AVAIL_TABLES),
       st.decimals(min_value=0, max_value=100, places=4),
       st.decimals(min_value=0, max_value=100, places=4))
def test_credit_never_rises_with_availability(table, a, b) -> None:  # type: ignore[no-untyped-def]
    low, high = min(a, b), max(a, b)
    t_low, t_high = pick_tier(table, low), pick_tier(table, high)
    v_low = t_low.value if t_low else Decimal(0)
    v_high = t_high.value if t_high else Decimal(0)
    if t_low is None and table.tiers[-1].lower is not None and low < table.tiers[-1].lower:
        return                      # below the lowest row the text gives no credit (云安全中心)
    assert v_high <= v_low


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(AVAIL_TABLES), st.decimals(min_value=0, max_value=100, places=3),
       st.decimals(min_value=0, max_value=100000, places=2))
def test_credit_never_exceeds_cap(table, value, fee) -> None:  # type: ignore[no-untyped-def]
    tier = pick_tier(table, value)
    if tier is None or table.compensation != "voucher_pct_of_monthly_fee":
        return
    amount, _ = voucher(fee, tier.value, Decimal(100))
    assert amount <= money(fee)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2004, max_value=2026), st.integers(min_value=1, max_value=12),
       st.decimals(min_value=0, max_value=50000, places=2))
def test_availability_in_range(year, month, down) -> None:  # type: ignore[no-untyped-def]
    total = period_minutes(year, month)
    if down > total:
        with pytest.raises(InputError):
            availability(total, down)
        return
    assert 0 <= availability(total, down) <= 100


def test_the_working_day_calendar_covers_this_year_or_the_next() -> None:
    """A claim window opens on the Nth working day of the next month: the calendar package
    must know this year or the next (chinese-calendar 1.11.0 has 2026, not 2027; holidays 0.108
    has no 2027 mainland schedule either). When both are missing, update the package."""
    from calculators.calendar import is_workday

    covered = []
    for year in (date.today().year, date.today().year + 1):
        try:
            is_workday(date(year, 6, 1))
            covered.append(year)
        except CalendarRangeError:
            pass
    assert covered, "update chinese-calendar: it knows neither this year nor the next"


def test_a_holidays_days_off_and_a_year_the_calendar_lacks() -> None:
    assert holiday_days("National Day", 2026) == tuple(date(2026, 10, d) for d in range(1, 8))
    assert holiday_days("National Day", 2099) == ()  # no data: the reader asks for the month
