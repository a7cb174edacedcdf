"""An hourly rate with what it was billed for: the month's charge, shown, or asked for."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.reading.rates import HourlyCharge, hourly_charge


def charge(text: str, month: str | None = "2026-09",
           fleets: frozenset[int] = frozenset()) -> HourlyCharge | None:
    return hourly_charge(text, text, month, set(fleets))


@pytest.mark.parametrize(("text", "fee"), [
    ("pay-as-you-go at ¥3.20/hour, 720 hours billed in September", "2304.00"),
    ("¥0.86 per instance-hour, billed 744 hours in October", "639.84"),
    ("按量计费 1.5 元/小时，计费 300 小时", "450.00"),
    ("billed hourly at ¥0.50/h — 720 hours in September, so ¥360", "360.00"),
])
def test_the_rate_times_the_hours_billed(text: str, fee: str) -> None:
    found = charge(text)
    assert found is not None and found.fee == Decimal(fee) and found.hours_span is not None
    assert found.note.endswith(f"= {Decimal(fee).normalize():f} 元")


def test_a_fleet_that_ran_all_month_is_priced_per_instance() -> None:
    found = charge("20 个实例，0.45 元/实例·小时，整个 9 月都在跑", fleets=frozenset({20}))
    assert found is not None and found.each and found.fee == Decimal("324.00")  # × 720 h


def test_one_instance_all_month_keeps_the_days_price() -> None:
    found = charge("The pod runs 24/7 and is billed at ¥0.12/hour")
    assert found is not None and found.fee is None and found.daily == Decimal("2.88")


@pytest.mark.parametrize(("text", "fleets"), [
    ("3 台，每台 0.5 元/小时，计费 720 小时", {3}),        # each instance's hours, or all three's?
    ("2 个实例，¥1/hour, ran all month", {2}),             # a rate for the fleet or for each?
    ("其中 1 台断了，1.2 元/实例·小时，整个月都在跑，共 3 台", {1, 3}),  # two counts: which is the fleet?
    ("¥1.5/hour, down 300 hours", set()),                  # hours of what?
])
def test_hours_that_cannot_be_tied_to_the_fleet_are_asked(text: str, fleets: set[int]) -> None:
    found = charge(text, fleets=frozenset(fleets))
    assert found is not None and found.fee is None and found.daily is None


def test_a_rate_with_no_hours_is_left_to_the_days_price() -> None:
    found = charge("¥3.20/hour, down 26 minutes")
    assert found is not None and found.fee is None and found.daily == Decimal("76.80")


def test_a_month_of_running_without_the_month_is_asked() -> None:
    found = charge("20 个实例，0.45 元/实例·小时，整个月都在跑", None, frozenset({20}))
    assert found is not None and found.fee is None and found.daily is None
