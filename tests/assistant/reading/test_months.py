"""Months named in a question, resolved against today (pure, no corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.reading.months import day_value, month_mentions, resolve
from assistant.reading.reader import read_query

TODAY = date(2026, 11, 29)


def month_of(text: str) -> str | None:
    return resolve(month_mentions(text, TODAY))[0]


@pytest.mark.parametrize(("text", "month"), [
    ("24年12月出了三次故障", "2024-12"),            # a two-digit year
    ("25年7月19日 09:30-14:30", "2025-07"),
    ("去年11月合规结果查不了", "2025-11"),           # relative years
    ("前年年底的十二月", "2024-12"),                   # the year, then where in it
    ("去年年中的6月", "2025-06"),
    ("去年秋天的 9 月", "2025-09"),
    ("前年3月", "2024-03"),
    ("今年二月 整整用不了", "2026-02"),
    ("上上个月 挂了一个半小时", "2026-09"),          # not last month
    ("the month before last", "2026-09"),
    ("上个月", "2026-10"),
    ("on 2025-11-03 it was down", "2025-11"),       # an ISO date, its day included
    ("2025/7/14 宕机", "2025-07"),
    ("March 17, 2025", "2025-03"),                  # not the year 2017
    ("17 March 2025", "2025-03"),
    ("in Sept '25", "2025-09"),
    ("March last year", "2025-03"),
    ("三月份", "2026-03"),
    ("十二月", "2025-12"),
    ("这个月", "2026-11"),
    ("当月实际消耗 3000", None),                     # 当月 refers back; alone it names none
    ("may I ask", None),
    ("月度服务费", None),
    ("9/14 23:40:20 停机，9/15 01:10:45 恢复", "2026-09"),  # a slashed day names its month
    ("10/12 14:01:01 至 15:01:29", "2026-10"),
    ("去年 3/18 14:20 到 16:35 中断", "2025-03"),     # a slashed day in a relative year
    ("outage on 10/12 from 2pm", None),              # English 10/12: October 12 or 10 December
    ("outage on 10/25 from 2pm", "2026-10"),         # 25 is no month
    ("3/5 instances were down", None),               # a share of instances, not March 5
    ("国庆第二天晚上 8 点", "2026-10"),               # holidays by the official calendar
    ("中秋节当天晚上", "2026-09"),                    # 2026: Sep 25–27
    ("去年中秋节", "2025-10"),                        # 2025: Oct 6
    ("春节期间", "2026-02"),
    ("去年端午", None),                               # 2025: May 31 – Jun 2, two months
    ("国庆前后那几天", None),                          # around it: late September or October
    ("around the National Day holiday", None),
    ("国庆那几天", "2026-10"),                         # the days of the holiday themselves
])
def test_the_month_of_a_question(text: str, month: str | None) -> None:
    assert month_of(text) == month


def test_a_bare_month_with_the_same_number_restates_the_dated_one() -> None:
    text = "2025年10月20日新购；10 月份这个集群实际产生费用 1200；10月28日 连不上"
    value, verdicts = resolve(month_mentions(text, TODAY))
    assert value == "2025-10"
    assert verdicts == ["month", "restated", "restated"]


def test_this_month_after_a_dated_month_refers_to_it() -> None:
    value, verdicts = resolve(month_mentions("2025年4月打不开，这个月能赔多少", TODAY))
    assert (value, verdicts) == ("2025-04", ["month", "restated"])


def test_another_month_is_reported_as_such() -> None:
    value, verdicts = resolve(month_mentions("2025年3月开通，2025年6月断了", TODAY))
    assert (value, verdicts) == ("2025-03", ["month", "another"])


@pytest.mark.parametrize(("text", "day"), [
    ("2025年10月20日", "2025-10-20"), ("今年6月19号", "2026-06-19"), ("2025-03-17", "2025-03-17"),
    ("March 17, 2025", "2025-03-17"), ("6月19号", "--06-19"), ("6月", None),
])
def test_day_values(text: str, day: str | None) -> None:
    assert day_value(text, TODAY) == day


def test_a_holiday_that_is_not_the_month_is_a_date() -> None:
    """"4月断的…五一放假能申请吗": the holiday says when to claim, not another month."""
    mentions = month_mentions("4 月份出了三次连不上。劳动节放假那阵能提申请吗？", TODAY)
    assert resolve(mentions) == ("2026-04", ["month", "date"])


def test_a_day_in_another_month_is_another_month() -> None:
    """An outage from 9/30 to 10/1 runs over two months: asked about, not split."""
    assert resolve(month_mentions("9/30 23:00 开始故障，10/1 01:00 恢复", TODAY))[1] \
        == ["month", "another"]


@pytest.mark.parametrize(("text", "month"), [
    ("It was the first month of Q3 this year.", "2026-07"),
    ("down 3 full days in the last month of Q3", "2026-09"),   # never "last month" (2026-10)
    ("今年三季度第一个月断了2小时", "2026-07"),
    ("去年第四季度最后一个月", "2025-12"),
])
def test_a_month_named_by_its_quarter(text: str, month: str) -> None:
    assert read_query(text, TODAY).month == month


def test_the_month_asked_with_what_about_and_ne() -> None:
    q = read_query("in June every push failed for 30 min, in July for 2 hours, and in August for "
                   "50 minutes. ¥1,500 a month. June and July are filed — what about August?",
                   TODAY)
    assert q.month == "2026-08" and q.incidents_seconds == (3000,) and not q.unclear
    q = read_query("CVM 9月断了20分钟，10月断了3小时，月费2000，10月呢？", TODAY)
    assert q.month == "2026-10" and q.incidents_seconds == (10800,)


@pytest.mark.parametrize(("text", "month"), [
    ("last month of the previous quarter", "2026-09"),
    ("the first month of this quarter", "2026-10"),
    ("the last month of H1 this year", "2026-06"),
    ("the last month of the second half of 2025", "2025-12"),
    ("上个季度最后一个月", "2026-09"),
    ("今年上半年的最后一个月", "2026-06"),
    ("本季度第二个月", "2026-11"),
])
def test_a_month_of_this_or_the_previous_quarter_or_a_half_year(text: str, month: str) -> None:
    q = read_query(f"CVM {text} 挂了 90 分钟，月费 2000 元，能赔多少？", TODAY)
    assert q.month == month


@pytest.mark.parametrize(("said", "month"), [
    ("我们 6 月份上线的，出问题是上线后的下一个月", "2026-07"),
    ("续费是 9 月，故障发生在续费的下个月", "2026-10"),
    ("we migrated in May, and the outage was the month after that", "2026-06"),
    ("the month before October，", "2026-09"),
    ("10 月份", "2026-10"),
])
def test_the_month_next_to_the_one_said(said: str, month: str) -> None:
    assert read_query(f"CVM {said}断了 90 分钟，月费 2000 元", TODAY).month == month


@pytest.mark.parametrize(("question", "month", "outages"), [
    ("Two domains on CDN. On Sept 3 img threw 5xx for eight hours, 09:00 to 17:00. (In August we "
     "also had ~20 min of errors but never claimed.) What credit should we expect for September?",
     "2026-09", (28800,)),
    ("9/08 断了 3 分钟，9/19 断了 52 分钟。8月份也断过4个小时，不过那个月已经过了申请期了。"
     "9月这台机器费用 1500，请问能赔多少？", "2026-09", (180, 3120)),
])
def test_the_month_in_the_sentence_asking_for_the_credit_is_the_one_asked(
        question: str, month: str, outages: tuple[int, ...]) -> None:
    q = read_query(question, TODAY)
    assert q.month == month and q.incidents_seconds == outages


def test_a_month_asked_as_when_to_claim_is_not_the_outages_month() -> None:
    q = read_query("10月断了 90 分钟，月费 2000。11月还能申请赔偿吗？", TODAY)
    assert q.month == "2026-10" and q.incidents_seconds == (5400,)
