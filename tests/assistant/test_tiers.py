"""Finding the tier row a question puts availability in, and what it pays."""

from __future__ import annotations

import pytest

from assistant.tiers import payment_of, row_has_upper_bound, threshold_in


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
    assert threshold_in("what if availability drops to 99.50%?") == "99.5"
    assert threshold_in("赔偿标准是什么") is None
    assert payment_of("低于99%但等于或高于95% 月度服务费的25%") == "25%"
