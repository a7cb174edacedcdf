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
    assert q.error_windows == ((1, Decimal("2.5"), 5), (1, Decimal("2.5"), 5),
                               (1, Decimal("0.5"), 5))
    assert q.window_starts == (0, 5, 10)  # the step between the points: 5-minute windows


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


def test_each_window_keeps_its_start_across_midnight_and_series_stay_apart() -> None:
    q = read_query("EO 5 分钟错误率：23:50 0.5%，23:55 0.6%，00:00 0.7%；另一次 10:00 0.5%，10:05 0.5%，"
                   "10:10 0.5%，月费 4000", TODAY)
    starts = q.window_starts
    assert starts[:3] == (0, 5, 10) and starts[3:] == (starts[3], starts[3] + 5, starts[3] + 10)
    assert starts[3] - starts[2] > 5  # the second series is never adjacent to the first


def test_a_series_with_points_left_out_is_asked_about() -> None:
    q = read_query("EO 1 月每 5 分钟错误率：20:00 2.1% | 20:05 3.4% | 20:10 2.8% | ... | 20:55 1.2%，"
                   "月费 1180", TODAY)
    assert q.error_windows == ()
    assert any(u.role == "unclear" and "left out" in u.note for u in q.uses)


def test_the_users_own_count_of_the_series_is_recomputed() -> None:
    q = read_query("EO May 2026, 5-min error rates: 10:00 0.08%, 10:05 0.35%, 10:10 0.62%. By my "
                   "count that's 2 bad windows = 10 minutes down. Fee ¥4,000", TODAY)
    assert q.monthly_fee == Decimal(4000) and q.downtime_minutes is None
    assert {u.text for u in q.uses if u.role == "own_math"} == {"2", "10"}


def test_one_rate_said_for_several_points_and_rows_with_their_date() -> None:
    q = read_query("TSF 10 月 5-min error-rate export:\n10-05 09:00, 09:05, 09:10 -> 100% each\n"
                   "10-05 09:15 -> 40%\n10-05 09:20 -> 20%\nFee ¥3,000", TODAY)
    assert q.error_windows == ((1, Decimal(100), 5), (1, Decimal(100), 5), (1, Decimal(100), 5),
                               (1, Decimal(40), 5), (1, Decimal(20), 5))
    assert q.availability_pct is None  # "100% each" is no month's availability
