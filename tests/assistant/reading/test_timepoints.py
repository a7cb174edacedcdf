"""An outage said by its start and its marked end (pure, no corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.reading.reader import read_query

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(("text", "seconds"), [
    ("9/14 23:40:20 机位发生无冗余故障停机，9/15 01:10:45 恢复。", 5425),   # dates with the times
    ("from 23:52 on Oct 3 until 00:31 on Oct 4 every call failed", 2340),
    ("晚上11:40挂的，第二天早上6:10才恢复", 23400),                        # the next day, said
    ("went down at 11:40pm, back at 6:10am", 23400),                        # over midnight
    ("10:00 挂了，11:30 恢复", 5400),
    ("下午3点开始打不开，5点半才好", 9000),
])
def test_a_start_and_its_end_make_one_outage(text: str, seconds: int) -> None:
    query = read_query(text, TODAY)
    assert query.incidents_seconds == (seconds,)
    assert not query.unclear


@pytest.mark.parametrize("text", [
    "11:40挂的，第二天早上6:10才恢复",      # 11:40 at night is 6.5 hours, in the morning 18.5
    "9/14 11:40 故障，9/15 01:10 恢复",     # 13.5 hours, or 1.5 if 11:40 was at night
    "10:00 挂了，2:30 恢复",                 # 4.5 hours, or 16.5 over night
])
def test_a_twelve_hour_start_that_changes_the_length_is_asked_about(text: str) -> None:
    query = read_query(text, TODAY)
    assert query.incidents_seconds == ()
    assert [u.note for u in query.unclear] == ["morning or evening?"]


def test_two_times_with_no_end_said_are_not_an_outage() -> None:
    """Two alert times without 恢复 / back / until between them stay dates."""
    query = read_query("告警 10:05 和 10:40 各发了一次", TODAY)
    assert query.incidents_seconds == ()


@pytest.mark.parametrize(("text", "seconds"), [
    ("从下午两点零五分到三点二十都打不开", 4500),        # 两点零五分 is 2:05, not 2.05 minutes
    ("从晚上11点40分挂到第二天凌晨1点10分", 5400),      # 40分 of 11点40分 is no length
    ("第一次晚上十一点挂到第二天早上六点", 25200),
    ("告警：10-03 23:40:00~10-04 01:10:00", 5400),     # an alert paste, dates between
    ("0:00到早上7点一直 down", 25200),                   # 7点一直: no minute 01
])
def test_clock_times_in_words_and_pastes(text: str, seconds: int) -> None:
    assert read_query(text, TODAY).incidents_seconds == (seconds,)


def test_two_point_five_hours_is_still_a_decimal() -> None:
    assert read_query("宕机两点五个小时", TODAY).incidents_seconds == (9000,)


def test_an_outage_over_a_months_end_counts_the_part_in_the_month_asked_about() -> None:
    """The SLAs count each month on its own: 21:30 on June 30 to 01:15 on July 1, for June, is
    150 minutes; with no month named apart from the outage's own dates, it is asked about."""
    q = read_query("The platform was down from 21:30 on June 30, 2025 until 01:15 on July 1. "
                   "June bill was ¥8,000. What credit do we get for June?", TODAY)
    assert q.month == "2025-06" and q.incidents_seconds == (9000,) and not q.unclear
    for text in ("9/30 23:00 开始故障，10/1 01:00 恢复",
                 "9月30日 23:00 开始故障，10月1日 01:00 恢复，问 10 月能赔多少"):
        assert [u.note for u in read_query(text, TODAY).unclear][0].startswith("another month")


@pytest.mark.parametrize(("text", "seconds"), [
    ("6/10 早上 8 点一直到 6/14 凌晨 2 点，接口全都不可用", (324000,)),   # the end's own date
    ("It started Sep 21 at 09:00 and only recovered Sep 22 at 10:00", (90000,)),
    ("[P1] resolve-fail START 2026-10-07 23:52:14 END 2026-10-08 00:05:29", (795,)),  # an alert
    ("告警开始时间：2026-10-03 23:40:00，恢复时间：2026-10-04 01:10:00", (5400,)),
    ("10-03 23:40 - 10-04 01:10 又挂了", (5400,)),
])
def test_an_outage_over_several_days_counts_every_day(text: str, seconds: tuple[int, ...]) -> None:
    query = read_query(text, TODAY)
    assert query.incidents_seconds == seconds
    assert query.service_start is None  # "it started …" is the outage, not the subscription


def test_a_bare_day_number_before_the_end_is_still_the_next_day() -> None:
    assert read_query("10/3 23:40 到 4 号 01:10 挂了", TODAY).incidents_seconds == (5400,)


@pytest.mark.parametrize("text", [
    "from Saturday Sep 12, 09:00 to Sunday Sep 13, 01:00 nothing succeeded",
    "9/12（周六）09:00 挂了，到 9/13（周日）01:00 才恢复",
])
def test_weekdays_beside_the_dates_and_a_leading_zero_clock(text: str) -> None:
    assert read_query(text, TODAY).incidents_seconds == (57600,)  # 09:00 is never 9 pm


@pytest.mark.parametrize(("text", "seconds"), [
    ("从周一早上9点挂到周三早上9点", (172800,)),                          # weekdays apart
    ("挂到第二天早上六点十分才好，前一天晚上十一点四十开始挂的", (23400,)),   # the end said first
    ("from 08:00 on the 3rd until 08:00 on the 5th", (172800,)),          # days of one month
    ("GME 11 月从 3 号早上 8 点一直到 4 号早上 9 点挂了", (90000,)),
])
def test_days_said_without_a_month_count_too(text: str, seconds: tuple[int, ...]) -> None:
    query = read_query(text, TODAY)
    assert query.incidents_seconds == seconds and not query.unclear


@pytest.mark.parametrize(("text", "seconds", "asked"), [
    ("CVM 10月3日 09:00 到 16:00（大概 8 小时）挂了", (25200,), True),   # said again, or more?
    ("CVM 10月3日 09:00 到 16:00 挂了，另外 5 号又挂了 2 小时", (25200, 7200), False),
    ("10/12 90秒，10/28 从 9:00 到 17:30 打不开", (30600, 90), False),  # another day: another one
])
def test_a_length_beside_a_range_of_another_length_is_asked(text: str,
                                                            seconds: tuple[int, ...],
                                                            asked: bool) -> None:
    query = read_query(text, TODAY)
    assert query.incidents_seconds == seconds and bool(query.unclear) == asked


@pytest.mark.parametrize(("text", "seconds"), [
    ("From our Grafana export of 5-minute error-rate buckets: every bucket from 22:10 through "
     "00:05 (Oct 15) was between 1% and 30%. October fee ¥2,360.", 7200),  # 24 buckets
    ("5-minute error-rate windows for CODING in November: every window from 10:00 through 11:25 "
     "was above 0.05%. ¥6,400 a month.", 5400),
    ("On Oct 18 from 22:47 through 23:59 (per-minute buckets, inclusive) every call failed. "
     "Fee ¥2,000.", 4380),
    ("Down from 10:00 through 11:25 on Nov 4. ¥6,400 a month.", 5100),  # no buckets: as said
])
def test_a_range_of_buckets_through_its_last_start_holds_that_bucket(text: str,
                                                                     seconds: int) -> None:
    assert read_query(text, TODAY).incidents_seconds == (seconds,)


def test_a_tickets_times_are_not_the_outages_start_or_end() -> None:
    q = read_query("查了日志，其实 14:05 就开始全部失败了，我们 14:20 才开的工单；15:10 就已经恢复了，关单是后来补的。",
                   TODAY)
    assert q.incidents_seconds == (3900,)  # 14:05 to 15:10, not from the ticket's 14:20


def test_a_range_at_full_packet_loss_is_an_outage_not_a_row_that_was_up() -> None:
    q = read_query("10月16号 15:20–15:55 100%丢包，10月30号 09:00–09:15 又是全丢。月费 520.80", TODAY)
    assert q.incidents_seconds == (2100, 900)
    assert read_query("10:15-10:20 100%\n10:20-10:25 100%", TODAY).incidents_seconds == ()


@pytest.mark.parametrize(("text", "seconds"), [
    ("傍晚六点差一刻断的，七点恢复", (4500,)),                 # 六点差一刻 is 5:45
    ("unreachable for 1 hour, 0 minutes and 28 seconds", (3628,)),  # one length, commas and all
    ("it was down 25 min — wait, no, 40 min", (2400,)),       # the first taken back
    ("two separate outages of an hour each", (3600, 3600)),
    ("we got 3 outage: 1 hour, 2 hour, 30 minute", (3600, 7200, 1800)),  # a list stays a list
])
def test_spoken_times_compound_lengths_and_corrections(text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(f"CVM 2025年3月 {text}，月费 2000", TODAY).incidents_seconds == seconds
