"""Finding the tier row a question puts availability in, and what it pays."""

from __future__ import annotations

import pytest

from assistant.tiers import payment_of, row_fits, row_has_upper_bound, threshold_in, tier_asked


@pytest.mark.parametrize(("row", "below_95"), [
    ("低于95% 月度服务费的100%", True),
    ("低于95.0% 月度服务费的100%", True),
    ("95.00% >  服务可用性 月度服务费的100%", True),
    ("服务可用性 ＜ 95% 月度服务费的50%", True),
    ("低于99%但等于或高于95% 月度服务费的25%", False),
    ("99% > Av ≥ 95% 月度服务费的25%", False),
])
def test_row_below_a_bound(row: str, below_95: bool) -> None:
    assert row_has_upper_bound(row, "95") is below_95


def test_threshold_and_payment() -> None:
    assert threshold_in("可用性低于95%时分别赔多少？") == "95"
    assert threshold_in("what if availability drops to 99.50%?") is None  # a value, not a bound
    assert threshold_in("如果月可用性掉到95%以下，最多各赔多少") == "95"
    assert threshold_in("赔偿标准是什么") is None
    assert payment_of("低于99%但等于或高于95% 月度服务费的25%") == "25%"


@pytest.mark.parametrize(("question", "tier"), [
    ("what if availability drops to 99.50%?", ("at", "99.5")),
    ("如果某个月可用性都是98%，赔偿比例一样吗", ("at", "98")),
    ("And at 99.2%?", ("at", "99.2")),
    ("Same month, 98.5% availability on both. What credit does each SLA give?", ("at", "98.5")),
    ("Is the 99.95% availability commitment the same for both?", None),  # the promise, no row
    ("低于95%赔多少？", ("below", "95")),
    ("可用性掉到95%以下的话赔多少？", ("below", "95")),     # below it, not at it
    ("and if it drops below 98?", ("below", "98")),         # the % left out in a follow-up
    ("if it was down for less than 30 minutes?", None),      # a length, not a tier
    ("可用性都是99.95%吗？没达标在99%~99.95%之间各赔多少？", ("between", "99-99.95")),  # a range
    ("丢包率在 30%~100% 之间波动", None),  # a rate measured, not the availability
    ("and the payout if it lands between 95 and 98%?", ("between", "95-98")),
    ("Sales told us the SLA guarantees 99.95% availability. Is that right?", None),  # a promise
])
def test_the_tier_a_question_asks_about(question: str, tier: tuple[str, str] | None) -> None:
    assert tier_asked(question) == tier


@pytest.mark.parametrize(("row", "holds_97"), [
    ("低于98.0% 月度服务费的50%", True),
    ("低于99%但等于或高于95% 本服务月度总服务费的25%", True),
    ("低于99.9%但等于或高于98.5% 月度服务费的10%", False),
    ("99% > Av ≥ 97% 月度服务费的25%", True),
    ("服务月度的服务可用性 赔偿代金券金额", False),
])
def test_the_row_holding_an_availability(row: str, holds_97: bool) -> None:
    assert row_fits(row, ("at", "97")) is holds_97
