"""Rates read off a monitoring tool point by point (``14:00 3%, 14:05 7%, …``): one window per
point, success rates turned into error rates, a size said or stepped; our own examples."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from assistant.reading.reader import read_query

TODAY = date(2026, 11, 29)


def test_error_rates_by_the_five_minutes_are_windows_not_an_outage() -> None:
    q = read_query("SCF 2 月，5-min error-rate buckets: 14:00 3%, 14:05 7%, 14:10 22%, 14:15 5%. "
                   "Fee ¥2,300", TODAY)
    assert q.error_windows == ((1, Decimal(3), 5), (1, Decimal(7), 5), (1, Decimal(22), 5),
                               (1, Decimal(5), 5))
    assert q.incidents_seconds == () and q.downtime_minutes is None  # "5-min" is no outage
    assert {u.role for u in q.uses if "14:" in u.text} == {"error_windows"}


def test_success_rates_become_error_rates_and_a_repeated_rate_is_counted() -> None:
    q = read_query("白板 9 月进房成功率：19:00 97.5%，19:05 97.5%，19:10 99.5%，月费 5600", TODAY)
    assert q.error_windows == ((2, Decimal("2.5"), 5), (1, Decimal("0.5"), 5))  # step: 5 minutes


def test_rates_of_nothing_said_are_asked_about() -> None:
    q = read_query("3 月 CVM：10:00 30%，10:05 40%，10:10 20%，月费 2000", TODAY)
    assert q.error_windows == ()
    assert any(u.role == "unclear" and "rates over time" in u.note for u in q.uses)


def test_two_points_are_two_facts_not_a_series() -> None:
    q = read_query("3 月错误率 10:00 30%，10:05 40%，月费 2000", TODAY)
    assert q.error_windows == ()


def test_an_hour_said_beside_its_windows_is_not_another_outage() -> None:
    q = read_query("图像处理 4 月有一个小时一直报错，错误率稳定在 20%（我们每 5 分钟采一次，那一小时 12 个点"
                   "都是 20%），月费 1,500", TODAY)
    assert q.error_windows == ((12, Decimal(20), 5),) and q.incidents_seconds == ()
