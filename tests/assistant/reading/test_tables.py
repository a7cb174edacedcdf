"""Pasted tables rewritten as the phrases the reader reads (no model, no index)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from assistant.reading.reader import read_query
from assistant.reading.tables import rows_as_phrases

TODAY = date(2026, 11, 29)

CSV = """TEM 8 月份应用实例异常了两次：
start,end,duration
2026-08-04 03:12:10,2026-08-04 03:15:00,00:02:50
2026-08-13 22:40:00,2026-08-13 22:58:00,00:18:00
8 月账单 1,024.37 元"""


def test_a_csv_of_incidents_is_read_row_by_row() -> None:
    assert "2026-08-13 22:40:00 到 2026-08-13 22:58:00" in rows_as_phrases(CSV)
    q = read_query(CSV, TODAY)
    assert q.incidents_seconds == (170, 1080) and q.month == "2026-08" and not q.unclear


def test_a_row_whose_length_column_disagrees_is_left_as_written() -> None:
    text = "start,end,duration\n2026-08-13 22:40:00,2026-08-13 22:58:00,00:28:00"
    assert rows_as_phrases(text) == text  # 18 or 28 minutes: the reader must not pick one


def test_a_column_of_window_error_rates_is_one_window_per_row() -> None:
    text = "5 分钟粒度的错误率：\n09:00 3.2%\n09:05 18%\n09:10 18%\n09:15 0.4%\n月费 1000"
    q = read_query(text, TODAY)
    assert q.error_windows == ((1, Decimal("3.2"), 5), (1, Decimal(18), 5), (1, Decimal(18), 5),
                               (1, Decimal("0.4"), 5))
    assert q.window_starts == (0, 5, 10, 15)


def test_rate_rows_without_an_error_rate_or_a_window_named_stay() -> None:
    text = "每天的可用率：\n09:00 99.2%\n09:05 98%\n09:10 97%"
    assert rows_as_phrases(text) == text
    assert read_query(text, TODAY).error_windows == ()  # rates of what: asked


def test_a_windows_failed_over_total_is_its_error_rate() -> None:
    q = read_query("5 分钟粒度数据：20:00 窗口 失败 1,200/总 1,500；20:05 窗口 1,500/1,500；之后正常。", TODAY)
    assert q.error_windows == ((1, Decimal(80), 5), (1, Decimal(100), 5)) and not q.unclear
    text = "CVM 10/12 14:00 断了 1/2 小时"  # no window named: left as written
    assert rows_as_phrases(text) == text


def test_rates_said_in_one_line_are_read_as_a_column() -> None:
    q = read_query("媒体处理 7 月 9 号转码报 5xx，监控 5 分钟一个点的错误率：10:00 0.3%，10:05 1.2%，"
                   "10:10 2.0%。当月消耗 6,500，赔多少？", TODAY)
    assert [(n, str(pct), m) for n, pct, m in q.error_windows] == [
        (1, "0.3", 5), (1, "1.2", 5), (1, "2.0", 5)]


def test_clock_columns_under_a_date_are_read_as_that_days_range() -> None:
    text = "date,start,end,note\n2026-10-05,02:10,02:14,\n2026-10-17,11:02,13:47,\n10月账单 5300 元"
    assert "2026-10-05 02:10-02:14" in rows_as_phrases(text)
    assert read_query(text, TODAY).incidents_seconds == (240, 9900)


def test_a_table_whose_last_row_runs_on_is_left_as_written() -> None:
    text = "开始,结束\n10:05:00,10:20:30\n23:58:00,00:03:30。月费 2000 元"
    assert rows_as_phrases(text) == text  # a row left unread: the reader must not drop it


def test_a_table_of_error_rates_and_window_counts_is_one_group_per_row() -> None:
    text = ("人脸识别 10 月 5 分钟粒度错误率统计如下：\n| 错误率 | 5分钟个数 |\n|---|---|\n| 100% | 40 |\n"
            "| 20% | 30 |\n| 5% | 12 |\n其余时段为 0。月费 6000")
    q = read_query(text, TODAY)
    assert q.error_windows == ((40, Decimal(100), 5), (30, Decimal(20), 5), (12, Decimal(5), 5))
    assert not q.incidents_seconds  # the header's "5分钟" is no outage


def test_a_two_column_table_of_something_else_is_left_as_written() -> None:
    text = "| 地域 | 实例数 |\n| 广州 | 4 |\n| 上海 | 2 |"
    assert rows_as_phrases(text) == text
