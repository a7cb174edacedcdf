"""Inputs beyond the basic measurement: no fee, variants that agree, several metrics (higher
credit wins), order/daily fees, events and counts, engagement ends; and the catalog fixes
behind them (variant and metric names as the SLA words them, per-table counting)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from calculators.__main__ import main
from calculators.batch import also_spec, credit_result
from calculators.engine import InputError
from calculators.rules import load_catalog

BY_LINE = {s.doc_line: s for s in load_catalog().slas}


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["credit", *args, "--json"]) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def test_no_fee_still_gives_tier_and_pct() -> None:
    r = credit_result({"doc_line": 1285, "metric": "单实例", "month": "2024-12",
                       "incidents_seconds": [30, 120, 2820]})
    assert r["eligible"] and r["credit_pct"] == 10 and r["credit_amount"] is None
    assert any("实际支付的服务费" in s for s in r["steps"])  # what to give, in the user's words


def test_nothing_due_is_zero_with_the_fee_and_null_without_it() -> None:
    """interfaces.md: ``credit_amount`` null when the fee is omitted, 0 where it was given."""
    month = {"doc_line": 1285, "metric": "单实例", "month": "2024-12", "incidents_seconds": [120]}
    r = credit_result(month)
    assert not r["eligible"] and r["credit_pct"] == 0 and r["credit_amount"] is None
    assert credit_result({**month, "monthly_fee": 2000})["credit_amount"] == 0


def test_variants_that_agree_are_computed_and_named() -> None:
    r = credit_result({"doc_line": 46078, "month": "2024-09", "monthly_fee": 1000,
                       "downtime_minutes": 30})
    assert r["credit_amount"] == 100 and r["variant"] is None
    assert "专业版、企业版、尊享版" in r["steps"][0]


def test_variants_that_differ_list_the_choices() -> None:
    with pytest.raises(InputError, match="variant.*域名化公网负载均衡 CLB 和网关负载均衡 GWLB"):
        credit_result({"doc_line": 10385, "month": "2024-03", "monthly_fee": 1000,
                       "downtime_minutes": 15})


def test_higher_of_across_metrics_cites_the_clause() -> None:
    r = credit_result({"doc_line": 1285, "metric": "单实例服务可用性", "month": "2024-08",
                       "monthly_fee": 800, "availability_pct": "99.2",
                       "measurements": [{"metric": "单地域多可用区服务可用性",
                                         "availability_pct": "98.5"}]})
    assert r["credit_amount"] == 200 and r["metric"] == "单地域多可用区服务可用性"
    assert sum("计算：测得" in s for s in r["steps"]) == 2
    assert any("较高者" in s for s in r["steps"])
    assert any("较高者" in c["text"] for c in r["citations"])


def test_cli_also_and_money_as_number(capsys: pytest.CaptureFixture[str]) -> None:
    r = cli_json(capsys, "--doc", "CVM", "--metric", "单实例", "--month", "2024-08", "--fee",
                 "1234.565", "--availability", "98.5",
                 "--also", "metric=单地域多可用区服务可用性;availability=99.2")
    assert r["credit_amount"] == 308.64          # 1234.565 × 25% = 308.64125 -> 308.64
    assert also_spec("metric=x;incidents=45 61;requests=10 2") == {
        "metric": "x", "incidents_seconds": [45.0, 61.0], "total_requests": 10,
        "failed_requests": 2}
    with pytest.raises(InputError, match="key=value"):
        also_spec("availability")


def test_order_fee_event_and_engagement_end(capsys: pytest.CaptureFixture[str]) -> None:
    r = cli_json(capsys, "--doc-line", "21775", "--metric", "服务响应时长", "--month", "2024-07",
                 "--event", "服务响应时长超时", "--order-fee", "20000", "--service-end",
                 "2024-07-12")
    assert r["credit_amount"] == 6000
    assert r["claim_window"] == {"opens": "2024-08-08", "deadline": "2024-09-10"}
    r = credit_result({"doc_line": 21444, "metric": "服务有效期及响应时长", "month": "2024-11",
                       "event": "服务有效期超时", "order_fee": "80000"})
    assert r["credit_amount"] == 8000


def test_event_count_and_daily_fee() -> None:
    r = credit_result({"doc_line": 22750, "metric": "重大漏洞超时响应次数", "month": "2024-06",
                       "monthly_fee": 2000, "event_count": 7})
    assert r["credit_pct"] == 25 and r["credit_amount"] == 500
    r = credit_result({"doc_line": 4433, "month": "2024-08", "incidents_seconds": [440],
                       "daily_fee": "14.4"})
    assert r["credit_amount"] == 8 and r["notes"]


def test_short_next_month_deadline_is_noted() -> None:
    r = credit_result({"doc_line": 57379, "month": "2025-01", "downtime_minutes": 120})
    assert r["claim_window"]["deadline"] == "2025-03-02"
    assert any("次月不足" in n for n in r["notes"])


def test_missing_month_and_measurement_named_together() -> None:
    with pytest.raises(InputError, match="month.*measurement"):
        credit_result({"doc_line": 1285, "metric": "单实例", "monthly_fee": 300})


def test_catalog_names_as_the_sla_words_them() -> None:
    assert BY_LINE[10385].variants() == ["域名化公网负载均衡 CLB 和网关负载均衡 GWLB",
                                         "非域名化公网负载均衡 CLB 和内网负载均衡 CLB"]
    assert BY_LINE[1607].metrics() == ["单实例服务可用性", "单地域多可用区服务可用性"]
    multi_az = BY_LINE[1607].tables[1]
    assert multi_az.header is not None and "单月度多可用区" in multi_az.header.text
    assert BY_LINE[8897].variants()[1] == "同一地域下多个可用性区域"
    cos_multi_az = BY_LINE[5831].tables[1]
    assert cos_multi_az.tiers[0].text.startswith("低于99.995%")
    assert cos_multi_az.tiers[0].source.text.startswith("标准存储（多 AZ）")


def test_counting_rules_per_table_and_csc() -> None:
    redis = BY_LINE[8897]
    assert redis.counting.ignore_up_to_seconds == 60
    exact = redis.tables[2].counting
    assert exact is not None and exact.rounding == "exact" and exact.ignore_up_to_seconds == 0
    assert BY_LINE[18904].counting.ignore_up_to_seconds == 60
    r = credit_result({"doc_line": 8897, "variant": "通过全球复制", "month": "2024-11",
                       "monthly_fee": 5000, "incidents_seconds": [20, 40]})
    assert Decimal(str(r["availability_pct"])).quantize(Decimal("0.0001")) == \
        Decimal("99.9977")


def test_window_error_rate_takes_whole_failed_windows() -> None:
    """EMR (23895): 45 minutes = 9 five-minute windows at 100% errors -> 1 − 9/8640."""
    r = credit_result({"doc_line": 23817, "month": "2024-06", "monthly_fee": "3000",
                       "downtime_minutes": 45})
    assert r["availability_pct"] == pytest.approx(99.895833) and r["credit_amount"] == 300
    with pytest.raises(InputError, match="multiple of 5"):
        credit_result({"doc_line": 23817, "month": "2024-06", "downtime_minutes": 43})
    outages = credit_result({"doc_line": 23817, "month": "2024-06", "monthly_fee": "3000",
                             "incidents_seconds": [1200, 1500]})  # 20 + 25 min of total failure
    assert outages["availability_pct"] == pytest.approx(99.895833)
    with pytest.raises(InputError, match="multiple of 5"):
        credit_result({"doc_line": 23817, "month": "2024-06", "incidents_seconds": [1260]})


def test_late_responses_stand_for_the_response_event() -> None:
    """安全攻防对抗 (22021, 22030): one late response -> 10%; none -> no credit; the claim
    opens after the 5th working day after the engagement ends (2024-06-30 -> 07-06)."""
    base = {"doc_line": 21949, "month": "2024-06", "order_fee": "20000",
            "service_end": "2024-06-30"}
    late = credit_result(base | {"late_responses": 1})
    assert late["credit_amount"] == 2000 and late["claim_window"]["opens"] == "2024-07-06"
    assert not credit_result(base | {"late_responses": 0})["eligible"]


def test_working_days_after_breach_deadline() -> None:
    """对等连接 (12316): 20 working days from the end of June 2024 -> 2024-07-26, noted."""
    r = credit_result({"doc_line": 12198, "variant": "白金", "month": "2024-06",
                       "availability_pct": "99.94"})
    assert r["claim_window"]["deadline"] == "2024-07-26"
    assert any("20 个工作日" in n for n in r["notes"])


def test_error_windows_average_the_five_minute_error_rates() -> None:
    # 人脸融合 (26099) averages 5-minute error rates: Nov 2024 has 8640 windows;
    # 10 at 100 % and 24 at 50 % -> 1 − 22 / 8640 = 99.7454 %, tier 10 %.
    r = credit_result({"doc_line": 26099, "month": "2024-11", "monthly_fee": 3000,
                       "error_windows": [{"count": 10, "error_pct": 100},
                                         {"count": 24, "error_pct": "50"}]})
    assert round(r["availability_pct"], 4) == 99.7454
    assert r["credit_amount"] == 300
    assert any("1 − 22 / 8640" in s for s in r["steps"])


def test_windows_over_the_slas_error_rate_are_unavailable() -> None:
    # 云函数 (3777, line 3800): ``单位时间内（5分钟为一个统计粒度）错误率超过5%，视为该单位时间的服务
    # 不可用``: 12 windows at 20 % are unavailable (60 minutes), 6 windows at 5 % are not.
    r = credit_result({"doc_line": 3777, "month": "2024-05", "monthly_fee": 2000,
                       "error_windows": [{"count": 12, "error_pct": 20},
                                         {"count": 6, "error_pct": 5}]})
    assert round(r["availability_pct"], 4) == 99.8656  # (44640 − 60) / 44640
    assert any("超过 5% 的窗口计为不可用，共 12 个" in s for s in r["steps"])


def test_runs_of_abnormal_windows_count_where_the_sla_counts_runs() -> None:
    # EO (13240, lines 13273 and 13275): a 5-minute window over 0.1 % is abnormal; two or more
    # in a row are unavailable. 10:05–10:10 (2) and 10:30–10:45 (4) count, 10:20 alone does not.
    rates = ["0.08", "0.35", "0.62", "0.09", "1.2", "0.1", "2.4", "3.1", "0.5", "0.6"]
    windows = [{"count": 1, "error_pct": r, "at": 5 * i} for i, r in enumerate(rates)]
    r = credit_result({"doc_line": 13240, "month": "2026-05", "monthly_fee": 4000,
                       "error_windows": windows})
    assert round(r["availability_pct"], 4) == 99.9328  # (44640 − 30) / 44640
    apart = [dict(w, at=w["at"] * 2) for w in windows]  # the same rates, none adjacent
    assert credit_result({"doc_line": 13240, "month": "2026-05", "monthly_fee": 4000,
                          "error_windows": apart})["availability_pct"] == 100
    with pytest.raises(InputError, match="own rule"):  # no starts: which are adjacent is unknown
        credit_result({"doc_line": 13240, "month": "2026-05", "monthly_fee": 4000,
                       "error_windows": [{"count": 6, "error_pct": "0.5"}]})


def test_whole_failure_windows_are_downtime_elsewhere_partial_rates_are_asked_for() -> None:
    # CVM (1285) says nothing of error-rate windows: 12 windows in which every request failed
    # are 60 minutes whatever the rule; a 20 % window is not decidable.
    whole = credit_result({"doc_line": 1285, "metric": "单实例服务可用性", "month": "2024-05",
                           "monthly_fee": 2000, "error_windows": [{"count": 12, "error_pct": 100}]})
    assert round(whole["availability_pct"], 4) == 99.8656
    with pytest.raises(InputError, match="downtime_minutes"):
        credit_result({"doc_line": 1285, "metric": "单实例服务可用性", "month": "2024-05",
                       "monthly_fee": 2000,
                       "error_windows": [{"count": 12, "error_pct": 20}]})


@pytest.mark.parametrize("bad", [
    [{"count": 9000, "error_pct": 100}],                 # more windows than June has
    [{"count": 3, "error_pct": 120}],                    # not a rate
    [{"count": 3, "error_pct": 100, "minutes": 3}],      # another window size
])
def test_bad_error_windows_say_what_to_fix(bad: list[dict[str, Any]]) -> None:
    with pytest.raises(InputError, match="error_windows|error_pct"):
        credit_result({"doc_line": 26099, "month": "2024-06", "monthly_fee": 3000,
                       "error_windows": bad})


def test_error_windows_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    r = cli_json(capsys, "--doc-line", "26099", "--month", "2024-11", "--fee", "3000",
                 "--error-windows", "10x100", "24x50")
    assert r["credit_amount"] == 300
    assert main(["credit", "--doc-line", "26099", "--month", "2024-11",
                 "--error-windows", "10y"]) == 2
    assert "COUNTxPCT" in capsys.readouterr().err


def test_request_minutes_are_the_denominator_where_the_sla_says_so() -> None:
    # 视频内容安全 (35455): 服务总分钟数 = minutes with valid requests; 40 of 25000 -> 99.84 %
    r = credit_result({"doc_line": 35455, "month": "2025-11", "monthly_fee": 10000,
                       "downtime_minutes": 40, "request_minutes": 25000})
    assert r["availability_pct"] == 99.84 and r["credit_amount"] == 1000
    with pytest.raises(InputError, match="request_minutes"):
        credit_result({"doc_line": 35455, "month": "2025-11", "downtime_minutes": 40})
    # a month-minutes SLA notes and ignores them
    cvm = credit_result({"doc_line": 1285, "metric": "单实例", "month": "2024-06",
                         "downtime_minutes": 90, "request_minutes": 20000})
    assert round(cvm["availability_pct"], 4) == 99.7917
    assert any("request_minutes" in n for n in cvm["notes"])


def test_fleet_slas_need_the_number_of_instances() -> None:
    # ECM (13875): 30 days × 1440 × 10 instances = 432000; 420 min -> 99.9028 %, no credit
    r = credit_result({"doc_line": 13875, "month": "2026-06", "monthly_fee": 8000,
                       "downtime_minutes": 420, "instances": 10})
    assert round(r["availability_pct"], 4) == 99.9028 and r["credit_amount"] == 0
    with pytest.raises(InputError, match="instances"):
        credit_result({"doc_line": 13875, "month": "2026-06", "downtime_minutes": 420})


@pytest.mark.parametrize(("doc_line", "start", "availability"), [
    (1285, "2025-03-17", 99.791667),   # CVM 1.2.7: 3月17日 to the month's end, 15 days
    (28263, "2025-03-17", 99.899194),  # 语音识别 28282: the whole calendar month
    (51893, "2025-03-17", 99.899194),  # 乐享 51912: 3-17 to 4-16, 31 days
])
def test_a_first_month_counts_as_the_agreements_own_example(doc_line: int, start: str,
                                                            availability: float) -> None:
    r = credit_result({"doc_line": doc_line, "metric": "单实例" if doc_line == 1285 else None,
                       "month": "2025-03", "monthly_fee": 620, "downtime_minutes": 45,
                       "service_start": start})
    assert round(r["availability_pct"], 6) == availability


def test_a_month_the_service_did_not_run_whole_is_no_service_period() -> None:
    # 微瓴 54312: 如不满一个自然月则不计为一个服务周期，也不计算服务可用性
    r = credit_result({"doc_line": 54293, "month": "2026-09", "monthly_fee": 3000,
                       "downtime_minutes": 180, "service_start": "2026-09-10"})
    assert r["availability_pct"] is None and not r["eligible"] and r["credit_amount"] == 0
    assert any("不满一个自然月" in s for s in r["steps"])
    whole = credit_result({"doc_line": 54293, "month": "2026-10", "monthly_fee": 3000,
                           "downtime_minutes": 180, "service_start": "2026-09-10"})
    assert whole["credit_amount"] == 300  # the next month is whole: 99.5968 % pays 10 %


def test_parts_with_thresholds_of_their_own() -> None:
    # 终端性能监控 43437–43443: the 控制台 counts an outage of exactly 5 minutes, the 接口 does not
    case = {"doc_line": 43406, "month": "2026-09", "monthly_fee": 2400,
            "incidents_seconds": [300, 15000, 300, 10800]}
    r = credit_result({**case, "incident_parts": ["控制台", "控制台", "接口", "接口"]})
    assert round(r["availability_pct"], 4) == 98.9931 and r["credit_amount"] == 240
    with pytest.raises(InputError, match="incident_parts"):
        credit_result(case)   # which part the 5-minute outages were in decides the tier
    assert credit_result({**case, "incidents_seconds": [15000, 10800]})["credit_amount"] == 0


def test_an_annual_fee_is_split_by_the_slas_own_rule(capsys: pytest.CaptureFixture[str]) -> None:
    # 腾讯电子签 52070: 年度服务费/365天*服务月度内实际使用的天数 -> 36500 / 365 × 30 = 3000
    esign = cli_json(capsys, "--doc-line", "52037", "--month", "2026-04", "--annual-fee", "36500",
                     "--downtime", "100")
    assert esign["credit_amount"] == 150
    assert any("÷ 365 天 × 30 天 = 3000.00" in s for s in esign["steps"])
    cvm = credit_result({"doc_line": 1285, "metric": "单实例", "month": "2024-03",
                         "annual_fee": 24000, "downtime_minutes": 90})
    assert cvm["credit_amount"] == 200  # ÷ 12 where the SLA says nothing else


def test_a_daily_price_times_the_days_billed_is_the_months_fee() -> None:
    # 腾讯电子签 52070 splits the year by day: 200 a day × 30 days of September = 6000
    esign = credit_result({"doc_line": 52037, "month": "2026-09", "daily_fee": 200,
                           "downtime_minutes": 1440})
    assert esign["credit_amount"] == 1200
    assert any("每日服务费 200 元 × 30 天 = 6000.00" in s for s in esign["steps"])
    cvm = credit_result({"doc_line": 1285, "metric": "单实例", "month": "2024-03",
                         "daily_fee": 200, "downtime_minutes": 90})
    # billed by the day (EIP ¥3.20/day): 31 days of March, the assumption said in the step
    assert cvm["credit_amount"] == 620
    step = next(s for s in cvm["steps"] if "每日服务费" in s)
    assert "200 元 × 31 天 = 6200.00" in step and "当月实付" in step
    started = credit_result({"doc_line": 1285, "metric": "单实例", "month": "2024-03",
                             "daily_fee": 200, "downtime_minutes": 90,
                             "service_start": "2024-03-22"})
    assert any("× 10 天 = 2000.00" in s for s in started["steps"])  # billed from the 22nd


def test_a_cluster_counted_over_all_its_instances_pays_on_all_their_minutes() -> None:
    # 高性能计算集群 2169: 所有实例的单实例服务月度总分钟数之和 is the month's minutes
    r = credit_result({"doc_line": 2144, "month": "2026-04", "instances": 8,
                       "incidents_seconds": [290, 300, 10800, 18620]})
    assert r["availability_pct"] == pytest.approx(99.857928)  # (345600 − 491) / 345600
    assert r["compensation"]["value"] == pytest.approx(290.8)  # 2 × 345600 × (99.9 − …)%


def test_an_sla_counting_peoples_usage_time_asks_for_its_availability() -> None:
    # 在线教育互动课堂 57529: 1 - 无法正常使用的所有人时长 / 所有人的使用时长, not the month's minutes
    line = next(s.doc_line for s in load_catalog().slas if "在线教育互动课堂" in s.doc_title)
    assert BY_LINE[line].counting.denominator == "usage_minutes"
    with pytest.raises(InputError, match="availability_pct"):
        credit_result({"doc_line": line, "month": "2026-10", "monthly_fee": 2640,
                       "downtime_minutes": 65})
    r = credit_result({"doc_line": line, "month": "2026-10", "monthly_fee": 2640,
                       "availability_pct": "97.5063"})  # 395 of 15,840 person-minutes
    assert r["credit_pct"] == 25 and r["credit_amount"] == 660
