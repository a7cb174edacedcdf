"""The figures of whole credit questions and of their phrases (pure, no corpus needed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from assistant.numbers import chinese_to_int, parse_number
from assistant.params import CreditQuery
from assistant.reading.months import month_mentions, resolve
from assistant.reading.reader import read_query as extract_query

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(("text", "value"), [
    ("680", "680"), ("3,000", "3000"), ("1.2万", "12000"), ("两千", "2000"), ("两千五百", "2500"),
    ("三万五千", "35000"), ("十二", "12"), ("三点五", "3.5"), ("半", "0.5"), ("一百零五", "105"),
])
def test_numbers(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


def test_not_a_number() -> None:
    assert parse_number("abc") is None
    assert chinese_to_int("二〇二四") == 2024


@pytest.mark.parametrize(("text", "month"), [
    ("2024年3月断了", "2024-03"), ("二〇二四年三月", "2024-03"), ("2024-02 down", "2024-02"),
    ("in March 2024", "2024-03"), ("in March", "2026-03"), ("三月份断了", "2026-03"),
    ("十二月份", "2025-12"), ("上个月", "2026-10"), ("last month", "2026-10"),
    ("这个月", "2026-11"), ("6个月的服务", None), ("月度服务费", None), ("may I ask", None),
])
def test_months(text: str, month: str | None) -> None:
    assert resolve(month_mentions(text, TODAY))[0] == month


def test_last_month_in_january_is_december_of_last_year() -> None:
    assert resolve(month_mentions("上个月", date(2027, 1, 5)))[0] == "2026-12"


@pytest.mark.parametrize(("text", "seconds"), [
    ("断了 5 次（45秒、61秒、1分59秒、10分钟、20分钟）", [45, 61, 119, 600, 1200]),
    ("断了 90 分钟", [5400]), ("1小时20分", [4800]), ("一个半小时", [5400]), ("半小时", [1800]),
    ("down for 90 minutes", [5400]), ("1 hour 20 minutes and 45 seconds", [4845]),
    ("1.5 hours", [5400]), ("2h", [7200]),
    ("outages of 5 min, 6 min and 45 min", [300, 360, 2700]),  # same unit again: a new outage
    ("两次：1小时、30分钟", [3600, 1800]),
    ("可用性 99.95%，2024年3月17日", []), ("每5个工作日", []),
])
def test_durations(text: str, seconds: list[int]) -> None:
    query = extract_query(text, TODAY)
    assert list(query.incidents_seconds) == seconds or (
        len(seconds) == 1 and query.downtime_minutes == Decimal(seconds[0]) / 60)


@pytest.mark.parametrize(("text", "fee", "note"), [
    ("月费 680 元", "680", None), ("月费两千元", "2000", None), ("3,000 CNY a month", "3000", None),
    ("¥1,200", "1200", None), ("年费 24000", "2000.00", "年费 24000 元 ÷ 12 = 每月 2000.00 元"),
    ("没有费用信息", None, None),
])
def test_fees(text: str, fee: str | None, note: str | None) -> None:
    query = extract_query(text, TODAY)
    assert query.monthly_fee == (Decimal(fee) if fee else None)
    assert query.fee_note == note


@pytest.mark.parametrize(("text", "counts"), [
    ("共 1,000,000 次请求，失败 800 次", (1_000_000, 800)),
    ("100万次调用，其中 1200 次失败", (1_000_000, 1200)),
    ("1000000 requests, 800 failed", (1_000_000, 800)),
    ("失败了", (None, None)),
])
def test_request_counts(text: str, counts: tuple[int | None, int | None]) -> None:
    query = extract_query(text, TODAY)
    assert (query.total_requests, query.failed_requests) == counts


def test_a_whole_question() -> None:
    query = extract_query("CVM 单实例 2024年3月断了 5 次（45秒、61秒、1分59秒、10分钟、20分钟），"
                          "月费 680 元，赔多少？最晚哪天申请？", TODAY)
    assert query == CreditQuery(month="2024-03", monthly_fee=Decimal(680),
                                incidents_seconds=(45, 61, 119, 600, 1200))
    assert query.has_measurement


def test_total_downtime_is_not_an_incident_list() -> None:
    query = extract_query("MySQL 这个月累计不可用 1小时20分", TODAY)
    assert query.downtime_minutes == Decimal(80) and query.incidents_seconds == ()


def test_measured_availability_but_not_a_commitment() -> None:
    assert extract_query("COS 上个月可用性只有 99.2%", TODAY).availability_pct == Decimal("99.2")
    assert extract_query("CVM 承诺 99.975% 吗", TODAY).availability_pct is None


def test_a_follow_up_keeps_earlier_figures() -> None:
    first = extract_query("CVM 2024年3月断了 90 分钟", TODAY)
    follow = extract_query("月费 2000 元的话赔多少？", TODAY).merged_over(first)
    assert follow.month == "2024-03" and follow.incidents_seconds == (5400,)
    assert follow.monthly_fee == Decimal(2000)


@pytest.mark.parametrize(("text", "expected"), [
    ("SMS, November 2024: 2,000,000 valid messages sent, 220,000 explicit failures. "
     "Fee 90,000 CNY; list price 0.045 CNY per SMS.",
     {"total_requests": 2_000_000, "failed_requests": 220_000, "unit_price": Decimal("0.045"),
      "monthly_fee": Decimal(90000)}),
    ("邮件推送 2024年12月共 1,000,000 次请求失败 800 次，月费 5000 元",
     {"total_requests": 1_000_000, "failed_requests": 800, "monthly_fee": Decimal(5000)}),
    ("CDN 2024年7月有 6 次“连续两个 5 分钟统计点错误率超过 0.05%”，月费 2000 元",
     {"downtime_minutes": None, "incidents_seconds": (600,) * 6}),  # six runs of 10 minutes
    ("TRTC, August 2024: the success rate was below 99% in 18 five-minute units.",
     {"downtime_minutes": Decimal(90)}),
    ("消息队列 CMQ 故障队列每天费用 14.4 元，2024年8月故障 7 分 20 秒",
     {"daily_fee": Decimal("14.4"), "incidents_seconds": (440,), "monthly_fee": None}),
    ("应急响应服务在线订单实付 20000 元，服务 2024年7月12日结束",
     {"order_fee": Decimal(20000), "service_end": "2024-07-12", "monthly_fee": None}),
    ("漏洞治理服务年费 36000 元，2024年10月重大漏洞超时响应 4 次",
     {"event_count": 4, "monthly_fee": Decimal("3000.00")}),
    ("We prepaid 6,000 CNY for 12 months. In July 2024 it had two outages of 4 hours each.",
     {"monthly_fee": Decimal("500.00"), "incidents_seconds": (14400, 14400)}),
])
def test_figures_of_other_kinds_of_sla(text: str, expected: dict[str, object]) -> None:
    query = extract_query(text, TODAY)
    for name, value in expected.items():
        assert getattr(query, name) == value, name


def test_dropped_to_is_a_measurement_but_below_is_a_threshold() -> None:
    assert extract_query("短信可用性掉到88%，怎么赔？", TODAY).availability_pct == Decimal("88")
    assert extract_query("可用性低于95%赔多少？", TODAY).availability_pct is None


def test_whole_five_minute_windows_are_downtime() -> None:
    query = extract_query("一次通信全部失败持续 4 分钟（未满五分钟），另有 9 个完整的五分钟内丢包率"
                          " 100%", TODAY)
    assert query.downtime_minutes == Decimal(45) and query.incidents_seconds == ()


def test_an_english_annual_fee_is_divided_by_twelve() -> None:
    query = extract_query("Vulnerability management service, annual fee 24,000 CNY: 7 late "
                          "responses in June 2024. Credit?", TODAY)
    assert query.monthly_fee == Decimal("2000.00") and query.event_count == 7


def test_a_breach_event_is_recognised() -> None:
    assert extract_query("In May 2024 the team missed the agreed response time", TODAY
                         ).event_described
    assert extract_query("没有在合同约定的时间内完成服务内容", TODAY).event_described
    assert not extract_query("CVM 断了 90 分钟", TODAY).event_described
