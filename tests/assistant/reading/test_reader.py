"""The reading of whole credit questions: every number in a field, as context, or unclear.

Written from the kinds of phrasing users' questions showed (our own examples).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant.params import CreditQuery
from assistant.reading.normalize import normalize
from assistant.reading.reader import read_query
from assistant.reading.render import reading_text, unclear_text
from assistant.reading.scan import NumberUse

TODAY = date(2026, 11, 29)


def roles(query: CreditQuery) -> dict[str, str]:
    return {u.text: u.role for u in query.uses}


def test_ids_codes_and_specs_are_context() -> None:
    q = read_query("存储网关 csg-01 2025年7月 不可用 3 次：50秒、45分钟、20分钟；job 4471，12 CUs，"
                   "接口报 500，IP 43.136.x.x；当月费用 900", TODAY)
    assert not q.unclear
    assert q.incidents_seconds == (50, 2700, 1200)
    assert q.monthly_fee == Decimal(900)
    r = roles(q)
    assert r["csg-01"] == r["job 4471"] == r["43.136.x.x"] == "ticket"
    assert r["报 500"] == "code" and r["12 CUs"] == "name"


@pytest.mark.parametrize("said", [
    "联系人王工（138****6672），座机 0755-8613 2290，工作日 9:00-18:00 可联系",
    "APAC desk +65 6123 4471, PO 4500-2231, endpoint 10.0.3.17:8443",
    "IM SDK 7.2 版本，网站一直 502，requests failed with 503 from the gateway",
    "我们自己按 30×24×60 算了一下",
])
def test_phones_orders_ports_versions_codes_and_hours_are_context(said: str) -> None:
    q = read_query(f"CVM 2025年7月断了 90 分钟，{said}。月费 900 元", TODAY)
    assert q.incidents_seconds == (5400,) and q.monthly_fee == Decimal(900) and not q.unclear


def test_a_load_rate_is_not_a_request_count() -> None:
    q = read_query("Machine translation: 3 hours 20 minutes of total failure in Sept 2025 "
                   "(well over 100 requests every minute). Fee 20k CNY.", TODAY)
    assert q.incidents_seconds == (12000,) and q.total_requests is None and not q.unclear


def test_a_time_range_and_its_length_are_one_outage() -> None:
    q = read_query("EIP 2025-07-14 had packets dropped for 3,600 seconds (14:05–15:05). "
                   "Fee 90 CNY.", TODAY)
    assert q.incidents_seconds == (3600,)


def test_a_hyphenated_duration_is_a_duration_but_a_window_size_is_not() -> None:
    q = read_query("In Nov 2024 we had a 59-second blip and a 3-hour outage. Fee 1,000 CNY.", TODAY)
    assert q.incidents_seconds == (59, 10800) and not q.unclear


def test_a_quoted_allowance_is_a_threshold() -> None:
    q = read_query("Down for 21 minutes in April 2025, fee 1,500 CNY/month. Someone told me up to "
                   "21.6 min is allowed.", TODAY)
    assert q.incidents_seconds == (1260,)
    assert roles(q)["up to 21.6 min"] == "threshold"


def test_a_correction_names_the_figure_it_replaces() -> None:
    q = read_query("抱歉，最后那次是 8 分钟，不是 8 小时。", TODAY)
    assert q.incidents_seconds == (480,) and q.corrections == ((28800, 480),)
    earlier = read_query("云游戏 2026年4月 掉线三次：1分01秒、60秒整、8小时；月费 3000", TODAY)
    merged = q.merged_over(earlier)
    assert merged.incidents_seconds == (61, 60, 480)
    assert merged.month == "2026-04" and merged.monthly_fee == Decimal(3000)


def test_a_correction_of_a_total() -> None:
    earlier = read_query("服务网格 2025年12月 不可用 25 分钟，月费 3600", TODAY)
    merged = read_query("Sorry, it was 25 hours, not 25 minutes.", TODAY).merged_over(earlier)
    assert merged.incidents_seconds == (90000,)


def test_this_months_actual_charge_wins_over_a_prepaid_total() -> None:
    q = read_query("一次性付了 3 个月 ¥9,000；10 月份这个集群实际产生费用 1,200；2025年10月 连不上 "
                   "50 分钟", TODAY)
    assert (q.monthly_fee, q.fee_basis) == (Decimal(1200), "paid")
    assert roles(q)["一次性付了 3 个月 ¥9000"] == "fee_other"


def test_an_items_own_fee_wins_over_a_sum() -> None:
    q = read_query("2025年9月应用A 不可用 50 分钟。应用A 9月费用3,000元，三个应用合计8,000元。", TODAY)
    assert q.monthly_fee == Decimal(3000)


def test_two_plain_fees_are_asked_about() -> None:
    q = read_query("2025年9月 不可用 50 分钟，月费 3000 元，另一个账号月费 5000 元", TODAY)
    assert q.monthly_fee is None and len(q.unclear) == 2


def test_fee_words_users_type() -> None:
    assert read_query("今年二月 用不了3个钟，团队版一个月2580", TODAY).monthly_fee == Decimal(2580)
    q = read_query("上个月断了 30 分钟，包年包月加按量一共1.2万", TODAY)
    assert (q.monthly_fee, q.fee_basis) == (Decimal(12000), "monthly")  # 包年包月 is not annual
    q = read_query("一次性买了一年的，付了3,600。去年11月断了 1 小时", TODAY)
    assert (q.monthly_fee, q.fee_basis) == (Decimal(300), "annual")


def test_a_mid_month_start_in_words_users_type() -> None:
    q = read_query("We created our TKE cluster on 2025-03-17. In March 2025 the API server was "
                   "unreachable for 45 minutes. March charges were 620 CNY.", TODAY)
    assert (q.service_start, q.month, q.monthly_fee) == ("2025-03-17", "2025-03", Decimal(620))
    q = read_query("我们是2025年3月19日开始用的，3月份失败的时间一共25分钟。3月费用3,000", TODAY)
    assert (q.service_start, q.month) == ("2025-03-19", "2025-03")
    assert q.downtime_minutes == 25 and q.monthly_fee == Decimal(3000)


def test_runs_of_two_bad_windows_are_outages_of_ten_minutes() -> None:
    q = read_query("CDN 2025年1月出现 45 次连续两个异常统计点（每次 10 分钟），月费 4000 元", TODAY)
    assert q.incidents_seconds == (600,) * 45 and q.downtime_minutes is None


def test_windows_with_error_rates_are_one_measurement() -> None:
    q = read_query("Image creation in Aug 2025: 6 five-minute windows had a 100% Inner Error rate "
                   "and 30 windows had a 20% error rate; everything else was clean. We paid "
                   "CNY 7,800 that month.", TODAY)
    assert q.error_windows == ((6, Decimal(100), 5), (30, Decimal(20), 5))
    assert q.downtime_minutes is None and not q.unclear
    q = read_query("人像变换 2025年10月：有12个5分钟窗口，每个窗口都是2,000个请求里有500个返回 Inner "
                   "Error，其他时间都正常。月费5,000", TODAY)
    assert q.error_windows == ((12, Decimal(25), 5),)
    q = read_query("云直播 2025年11月，有 36 个 5 分钟统计点全挂，另外 60 个统计点 10%，其余都是 0", TODAY)
    assert q.error_windows == ((36, Decimal(100), 5), (60, Decimal(10), 5))


def test_windows_above_a_threshold_are_counted_units_not_rates() -> None:
    q = read_query("SCF, May 2024: 12 five-minute windows with an error rate above 5%. Fee 2,000 "
                   "CNY.", TODAY)
    assert q.error_windows == () and q.downtime_minutes == 60


def test_the_fleet_is_told_from_the_instances_that_failed() -> None:
    q = read_query("我们一共10台实例（都是整月在用的），6月有一台宕了7个小时", TODAY)
    assert q.instances == 10
    assert read_query("ECM 上个月有一台实例宕机5个小时", TODAY).instances is None
    q = read_query("TEZ: 4 instances ran the whole of Feb 2026. Instance A was down 30 h, "
                   "instance B 12 h.", TODAY)
    assert (q.instances, q.instance_minutes) == (4, (Decimal(1800), Decimal(720)))


def test_named_resources_each_with_a_downtime_are_per_instance() -> None:
    q = read_query("CFS 有两个文件系统，fs-a 挂了 40 分钟，fs-b 挂了 10 分钟，2025年11月", TODAY)
    assert q.instance_minutes == (Decimal(40), Decimal(10))
    q = read_query("cluster A was unreachable for 60 min and cluster B for 20 min", TODAY)
    assert q.instance_minutes == (Decimal(60), Decimal(20))
    q = read_query("for 30 minutes our server-side error rate was ~8%", TODAY)
    assert q.instance_minutes == () and [u.text for u in q.unclear] == ["30 minutes"]


def test_the_minutes_with_requests_and_the_downtime_among_them() -> None:
    q = read_query("Video content moderation, Nov 2025: the console shows 25,000 minutes that "
                   "had valid requests, and 40 of those minutes were unavailable.", TODAY)
    assert (q.request_minutes, q.downtime_minutes) == (Decimal(25000), Decimal(40))
    q = read_query("查了控制台，10月份有有效请求的分钟数是 18,000。", TODAY)
    assert q.request_minutes == Decimal(18000) and not q.unclear


def test_a_share_of_requests_is_not_the_availability() -> None:
    q = read_query("语音合成上个月有大约3%的请求返回 InternalError，月费2000，按SLA能赔多少？", TODAY)
    assert q.availability_pct is None and [u.text for u in q.unclear] == ["3%"]


def test_a_number_glued_to_a_unit_size_is_not_split_in_two() -> None:
    q = read_query("in Sep 2026 users could not open documents during three separate 20-minute "
                   "periods. Fee 1,500 CNY.", TODAY)
    assert q.downtime_minutes is None  # not "2 units of 0 minutes"


@pytest.mark.parametrize(("text", "unclear", "zh_note"), [
    ("CVM 2024年3月 月费 -5 元，断了 90 分钟", "-5", "负数"),
    ("CVM 2024年3月可用性 -5%，月费 2000", "-5", "负数"),
    ("CVM 2024年3月断了 1e309 分钟，月费 2000", "1e309", "请写出完整数字"),
    ("CVM 2024-13 断了 90 分钟，月费 2000", "2024-13", "没有这个月份"),
])
def test_bad_figures_are_asked_about_in_the_users_language(text: str, unclear: str,
                                                            zh_note: str) -> None:
    q = read_query(text, TODAY)
    assert [u.text for u in q.unclear] == [unclear]
    assert zh_note in unclear_text(q, "zh")


def test_a_time_range_is_not_a_negative_number() -> None:
    q = read_query("CVM 2024年3月 14:05-15:05 断了，月费 2000", TODAY)
    assert q.incidents_seconds == (3600,) and not q.unclear


def test_a_dash_between_words_and_a_version_next_to_a_year() -> None:
    q = read_query("quick question - 25,000 CNY a month for SD-WAN, and in April 2024 5 five-minute "
                   "intervals were bad.", TODAY)
    assert q.monthly_fee == Decimal(25000) and not q.unclear
    q = read_query("TencentDB for MongoDB 2024-02 uptime came in at 92.95%", TODAY)
    assert (q.month, q.availability_pct) == ("2024-02", Decimal("92.95")) and not q.unclear
    assert read_query("Redis 4.0 实例 2024年6月断了 10 分钟", TODAY).month == "2024-06"


def test_minutes_that_may_not_count_are_asked_about() -> None:
    q = read_query("Weda, June 2024: for 30 minutes our server-side error rate was ~8% every "
                   "minute, and for another 15 minutes it hovered around 3%. We pay 3,980/month.",
                   TODAY)
    assert [u.text for u in q.unclear] == ["30 minutes", "15 minutes"]
    q = read_query("语音合成 今年4月15日 02:00-04:00 全挂了，但凌晨那会儿有40分钟我们压根没发请求。", TODAY)
    assert q.incidents_seconds == (7200,) and [u.text for u in q.unclear] == ["40分钟"]
    q = read_query("TAPD: In June 2026, error rate was above 5% for 95 minutes in total.", TODAY)
    assert q.downtime_minutes == 95 and not q.unclear  # above a threshold: counted minutes


def test_an_exact_figure_replaces_a_rough_one() -> None:
    q = read_query("智能预问诊 去年4月挂了4天多，算下来是4天10小时，月费2600", TODAY)
    assert q.incidents_seconds == (381600,) and not q.unclear
    q = read_query("outages of 30 s, exactly 2 min, and 47 min", TODAY)
    assert q.incidents_seconds == (30, 120, 2820)


@pytest.mark.parametrize(("text", "incidents", "fee"), [
    # an id whose letters look like units, a day after an English month
    ("our TCR instance tcr-8h2k3m9x was unusable for 2h15m on Feb 10 and then another 50 min on "
     "Feb 22, 2026. We pay 4,800 CNY a month.", (8100, 3000), "4800"),
    # M/D dates, a one-letter id, a time range
    ("云 HDFS 文件系统 f-4x9k2m 在 2026年9月 失败三次：9/3 02:10 闪断约40秒；9/15 14:05~14:57；"
     "9/27 凌晨持续 1小时8分。月费 6,500", (3120, 40, 4080), "6500"),
    # a phone number
    ("客户 王工（138 2671 0935）反馈：2025年9月 9/2 2小时、9/11 3小时。月费 5000。",
     (7200, 10800), "5000"),
    # time ranges with seconds, restated
    ("Sept 2025: outage 1 from 09:12:00 to 09:12:59 (59 s), outage 2 from 14:01:01 to 15:01:29. "
     "Fee 3,980 CNY/month.", (59, 3628), "3980"),
    # 1.2w, 两千五
    ("2026年3月断了三次：50 秒、1 分 30 秒、还有一次整整 8 小时。并发包月费 1.2w", (50, 90, 28800),
     "12000"),
    ("容器安全 2026年5月 两次：40秒 和 2h15m。实付两千五/月。", (40, 8100), "2500"),
])
def test_figures_users_type_around_the_numbers_that_count(text: str, incidents: tuple[int, ...],
                                                          fee: str) -> None:
    q = read_query(text, TODAY)
    assert sorted(q.incidents_seconds) == sorted(incidents) and q.monthly_fee == Decimal(fee)
    assert not q.unclear


@pytest.mark.parametrize(("text", "fee", "basis"), [
    ("what if we're on the yearly plan — we paid 19,440 upfront for 12 months?", "1620.00",
     "prepaid"),
    ("we paid 10,800 for the whole year.", "900.00", "annual"),  # annual_fee 10800 too
    ("We bought a 50k prepaid package but only consumed ¥6,800 of it in July.", "6800", "paid"),
    ("证书年费 4,800，月度服务费按 400 算。", "400", "monthly"),  # the monthly label wins
    ("该集群 4 月实际消耗 9,600，账号下 TCHouse-P 总消费 2.6w。", "9600", "paid"),
])
def test_which_amount_is_the_monthly_fee(text: str, fee: str, basis: str) -> None:
    q = read_query(text, TODAY)
    assert (q.monthly_fee, q.fee_basis) == (Decimal(fee), basis)


def test_an_annual_fee_keeps_the_years_amount_for_the_calculator() -> None:
    q = read_query("腾讯电子签 年费 36,500（按年买的）。4月份断了 100 分钟", TODAY)
    assert (q.fee_basis, q.annual_fee) == ("annual", Decimal(36500))


def test_a_units_length_is_not_an_outage() -> None:
    q = read_query("全站加速 2026年5月 的监控（5分钟一个统计点），5/19 21:00 到 21:55 全挂了，"
                   "月度服务费 3,200 元", TODAY)
    assert q.incidents_seconds == (3300,) and not q.unclear
    q = read_query("the console shows our availability for August 2026 as 99.62% (their average of "
                   "the 5-minute error rates). We prepaid 36,000 CNY for a 12-month package.", TODAY)
    assert (q.availability_pct, q.monthly_fee) == (Decimal("99.62"), Decimal("3000.00"))


def test_a_total_and_a_separate_outage_are_two_outages() -> None:
    q = read_query("2024年2月 因 TEE 节点离线导致服务不可用，累计 95 分钟；另外还有 1 次控制台 15 秒的卡顿。",
                   TODAY)
    assert sorted(q.incidents_seconds) == [15, 5700] and not q.unclear


def test_the_month_a_correction_replaces_is_not_asked_about() -> None:
    q = read_query("等下，同事说那次故障其实是二月份的，不是三月。", TODAY)
    assert q.month == "2026-02" and not q.unclear


def test_an_average_error_rate_is_every_window_of_the_month_at_that_rate() -> None:
    q = read_query("For August 2026 our OCR calls had an average 5-minute error rate of 0.62%.",
                   TODAY)
    assert q.error_windows == ((31 * 288, Decimal("0.62"), 5),)
    q = read_query("August 2026: the error rate of our calls was 0.62%, fee 3000", TODAY)
    assert q.availability_pct is None  # an error rate is never read as the availability


PIECES = ["2024年", "3月", "13月", "去年", "上上个月", "-5", "1e309", "1.2w", "两千五", "百分之", "%",
          "99.9%", "分钟", "小时", "元", "/月", "年费", "预付", "12个月", "一共", "实付", "9/31",
          "14:05-15:05", "23:59:59~00:00:01", "tcr-8h2k3m9x", "138 2671 0935", "另外", "不是",
          "大概", "左右", "个5分钟窗口", "错误率", "全挂", "有效请求的分钟数", "其中1台", "fs-a",
          "Feb 30", "2025-02-30", "9" * 30, "每次", "3次", "average error rate", "of those"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14), st.text(max_size=12))
@example(["tcr-8h2k3m9x", "9" * 30, "/月"], "")  # 9 x 999…/月: a count × a price too large to read
@example(["1.2w", "9" * 30, "分钟"], "")  # a length too large to read, said as minutes used
@example(["1.2w", "分钟", "2024年", "其中1台", "其中1台", "14:05-15:05"], "")  # an outage read before
# the instance marks, though listed after them
def test_any_mix_of_figures_is_read_without_error_and_every_number_placed(
        pieces: list[str], noise: str) -> None:
    query = read_query(" ".join(pieces) + noise, TODAY)
    placed = set()
    for use in query.uses:
        placed |= set(range(use.start, use.end))
    text = normalize(" ".join(pieces) + noise)
    for match in re.finditer(r"\d+(?:\.\d+)?", text):
        assert set(range(match.start(), match.end())) <= placed, (text, match.group(0))


def test_a_package_total_alone_is_not_the_monthly_fee() -> None:
    q = read_query("LCIC 2025年12月 有 30 个 5 分钟统计点进房成功率低于99%，我们去年一次性买了个 10 万的套餐包",
                   TODAY)
    assert q.monthly_fee is None
    assert "当月实际费用" in unclear_text(q, "zh")


def test_an_english_reading_says_its_fee_note_in_english() -> None:
    from assistant.reading.render import reading_text
    q = read_query("Nov 2024: down 90 minutes. We prepaid 6 months for 18,000 CNY.", TODAY)
    assert "prepaid 18000 CNY ÷ 6 months = 3000.00 CNY a month" in reading_text(q, "en")
    q = read_query("ECM: 10 instances all month; in June 2026 one was down 7 hours. ECM cost 8000 "
                   "in total that month.", TODAY)
    assert (q.monthly_fee, q.instances) == (Decimal(8000), 10)


@pytest.mark.parametrize(("text", "minutes"), [
    # the unit's length said in one place, the count in another
    ("TSF 2026年4月：按 1 分钟统计粒度，全部请求失败的粒度一共 75 个，月费 1,000", 75),
    ("告警平台十月份的不可用统计点是 40 个（每个点 5 分钟），月费 600", 200),
    ("CLS, May 2026: the SLA counts 5-minute windows; 12 windows had every write fail. Fee 900.",
     60),
    # minutes counted one by one
    ("API 网关 2026年3月 所有调用都报错的分钟一共有 90 个，月费 2000", 90),
    # a count the user rules out, and units under the stated threshold
    ("文字识别 6 月：失败率超过 5% 的分钟有 30 个，另外还有 12 个分钟失败率 2%，这些不算。月费 800", 30),
    ("SMS 2026-05: a 5-min window with >1% errors is down. 8 windows over 1%, 20 windows at "
     "about 0.5%. Fee 3,000 CNY.", 40),
])
def test_units_counted_apart_from_their_length(text: str, minutes: int) -> None:
    q = read_query(text, TODAY)
    assert q.downtime_minutes == minutes and not q.incidents_seconds and not q.unclear


def test_isolated_units_are_asked_about_and_hours_are_not_units() -> None:
    q = read_query("点播 2026年8月 错误率 >0.05% 的 5 分钟粒度：连续 6 个的一段，另有 3 次单独 1 个粒度，"
                   "月费 5000", TODAY)
    assert q.unclear
    q = read_query("NLP 上个月所有请求都报错的分钟加起来有 20 个小时，月费 2000", TODAY)
    assert q.downtime_minutes == 1200 and not q.unclear  # a total of 20 hours


def test_runs_said_with_their_count_after() -> None:
    q = read_query("CDN 2026/9 连续两个 5 分钟都异常的一共 4 次，月费 3000", TODAY)
    assert q.incidents_seconds == (600,) * 4


@pytest.mark.parametrize(("text", "fee", "basis"), [
    ("我们是按年买的授权，1年 9.6 万。", "8000.00", "annual"),
    ("一次性买了一年，4.8万", "4000.00", "annual"),
    ("5 月初一次性预付了 6 个月（5-10 月），实付 4,200。", "700.00", "prepaid"),
    ("单块盘月费 300，有一块数据盘挂了 2 小时", "300", "monthly"),
])
def test_fees_said_apart_from_their_period(text: str, fee: str, basis: str) -> None:
    q = read_query(text, TODAY)
    assert (q.monthly_fee, q.fee_basis) == (Decimal(fee), basis)
    assert q.month is None  # 5-10 月 and 5 月初 say when it was paid, not the month asked


def test_a_quantity_with_its_own_unit_is_never_money() -> None:
    q = read_query("压测 8 月断了 2 小时，期间一共消耗了 50,000 VUM。", TODAY)
    assert q.monthly_fee is None


def test_a_sum_over_several_resources_asks_for_the_affected_ones_fee() -> None:
    q = read_query("我们 4 个应用合计月费 8000，其中应用 C 2026年6月 可用性 98%", TODAY)
    assert q.monthly_fee is None and q.unclear
    q = read_query("we run three clusters, 9,000 CNY a month in total; one was down 3 h in May 2026",
                   TODAY)
    assert q.monthly_fee is None and q.unclear


@pytest.mark.parametrize(("text", "pair"), [
    ("sorry — it was 14 hours, not 1.4", (5040, 50400)),
    ("是 90 分钟，不是 9", (540, 5400)),
])
def test_a_correction_of_a_bare_figure_takes_the_new_figures_unit(text: str,
                                                                   pair: tuple[int, int]) -> None:
    assert read_query(text, TODAY).corrections == (pair,)


def test_days_and_counts_of_the_same_thing() -> None:
    q = read_query("Jan 2026: down 1 day 2 hours in one go, fee 1000", TODAY)
    assert q.incidents_seconds == (93600,)
    q = read_query("Billing month Mar 1–31 2026: 500 jobs submitted, 20 jobs failed on your side. "
                   "Fee 2,000 CNY.", TODAY)
    assert (q.total_requests, q.failed_requests, q.month) == (500, 20, "2026-03")
    assert not q.unclear
    q = read_query("2026年2月有几次不到 1 分钟的抖动，另外整分钟失败的加起来 50 分钟", TODAY)
    assert q.incidents_seconds == (3000,) or q.downtime_minutes == 50


@pytest.mark.parametrize(("text", "fee"), [
    ("The gold plan costs ¥4,000/month and the silver plan ¥1,500/month; in Aug 2026 our silver "
     "plan cluster was unavailable for 3 hours.", "1500"),
    ("数据库审计 月费 2000，日志审计 月费 800。2026年5月 日志审计 挂了 2 小时。", "800"),
])
def test_of_amounts_each_said_for_its_own_item_the_affected_ones(text: str, fee: str) -> None:
    q = read_query(text, TODAY)
    assert q.monthly_fee == Decimal(fee) and not q.unclear


@pytest.mark.parametrize(("text", "fee"), [
    ("9月账单：日志服务 CLS 500、云审计 6,000、配置审计 300。9/3 云审计所有查询都报错，持续 40 分钟，"
     "CLS 和配置审计都正常。", "6000"),
    ("Our bill has 'Web App Firewall' ¥4,000 and 'DDoS Pro' ¥9,000. WAF blocked every request "
     "for 50 min on Sep 9 (DDoS Pro was fine).", "4000"),
    ("专业版月费 3,000，旗舰版 5,000。9 月专业版挂了 2 小时，旗舰版没问题。", "3000"),
    ("9 月账单“语音识别”那行 7,000 元（语音合成那行 2,000 不涉及），故障 30 分钟。", "7000"),
    ("Sep bill = TTS ¥1,200.00 + ASR ¥300.00 + COS ¥50.00; only TTS was affected, 45 min down.",
     "1200.00"),
])
def test_of_items_each_with_its_amount_the_others_said_fine_leave_the_failed_ones(
        text: str, fee: str) -> None:
    q = read_query(text, TODAY)
    assert q.monthly_fee == Decimal(fee) and not q.unclear
    assert all(u.role == "fee_item_other" for u in q.uses
               if u.role.startswith("fee") and _amount_of(u) != Decimal(fee))


def _amount_of(use: NumberUse) -> Decimal:
    return Decimal(re.sub(r"[^\d.]", "", use.text))


def test_lines_that_may_be_one_products_are_asked_about_not_picked() -> None:
    q = read_query("9月账单：图片处理 3,200、文档预览 800、COS 5,000。COS 没出问题。图片处理 9 月挂了 1 小时。",
                   TODAY)  # 文档预览 may be billed under the same product's SLA
    assert q.monthly_fee is None and q.unclear


def test_the_same_fee_said_before_a_discount_is_not_another_items() -> None:
    q = read_query("月费 1,600（原价 2,000，八折），9 月断了 1 小时", TODAY)
    assert q.monthly_fee == Decimal(1600)


def test_amounts_for_items_the_outage_does_not_name_are_asked_about() -> None:
    assert read_query("CVM 月费 1000，COS 月费 3000，2026年10月断了 40 分钟", TODAY).unclear


def test_a_list_of_figures_sharing_one_unit() -> None:
    q = read_query("We pay 12k a year for CDN. Last month: 3 outages of 20, 35 and 50 min.", TODAY)
    assert q.incidents_seconds == (1200, 2100, 3000) and q.annual_fee == Decimal(12000)
    q = read_query("云硬盘 2026年3月 断了三次：10、20、30 分钟，月费 500", TODAY)
    assert q.incidents_seconds == (600, 1200, 1800) and not q.unclear


def test_a_count_word_is_not_money_and_a_version_is_not_a_month() -> None:
    q = read_query("云硬盘 8月 有两块盘，一块断了 600 分钟，另一块 200 分钟，每块月费 300", TODAY)
    assert q.instance_minutes == (Decimal(600), Decimal(200)) and q.monthly_fee == Decimal(300)
    assert read_query("Redis 9月不可用 45 分钟，月费 600", TODAY).month == "2026-09"


@pytest.mark.parametrize(("text", "incidents", "fee"), [
    ("Our CVM went down for two and a half hours in October; fee three thousand yuan a month.",
     (9000,), "3000"),
    ("CVM was down for an hour and 15 minutes in October, fee 2,000 CNY", (4500,), "2000"),
    ("CVM down for half an hour in October, fee 2000", (1800,), "2000"),
    ("lighthouse was unreachable from 1am to 3:30am on Oct 3rd; we pay 60 bucks a month",
     (9000,), "60"),
    ("CLB 10月5日 下午2点到3点半 连不上，月费 800", (5400,), "800"),
])
def test_english_number_words_and_clock_ranges(text: str, incidents: tuple[int, ...],
                                               fee: str) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == incidents and q.monthly_fee == Decimal(fee)
    assert q.month == "2026-10" and not q.unclear


def test_days_ago_says_the_month_and_percent_in_words_is_a_percentage() -> None:
    assert read_query("CVM was down 50 min earlier this week, fee 1000", TODAY).month == "2026-11"
    q = read_query("CVM went down 3 days ago for 50 min, fee 1000/month", TODAY)
    assert q.month == "2026-11" and q.incidents_seconds == (3000,)
    q = read_query("COS availability was 99.2 percent in August, bill 5k", TODAY)
    assert q.availability_pct == Decimal("99.2") and q.monthly_fee == Decimal(5000)
    assert read_query("CVM 10月份的账单 800，断了 1 小时", TODAY).monthly_fee == Decimal(800)


@pytest.mark.parametrize(("text", "total", "failed"), [
    ("短信 2026年9月 发了 120 万条，其中 2.4 万条失败，月费 8000", 1200000, 24000),
    ("日志服务 2026年6月 总请求 50 万次，失败 1500 次，月费 1000", 500000, 1500),
    ("人脸核身 10月 调用 80000 次，失败 400 次", 80000, 400),
])
def test_request_counts_said_the_ways_users_say_them(text: str, total: int, failed: int) -> None:
    q = read_query(text, TODAY)
    assert (q.total_requests, q.failed_requests) == (total, failed) and not q.unclear


def test_a_success_rate_is_measured_and_thousands_of_times_are_not_outages() -> None:
    assert read_query("API 网关 10 月 成功率只有 99.2%，月费 1500", TODAY).availability_pct == \
        Decimal("99.2")
    assert read_query("CVM 10 月 重试了 3000 次都失败，月费 800", TODAY).unclear


def test_minutes_with_few_requests_are_asked_about() -> None:
    q = read_query("机器翻译 2026年8月 有 30 分钟请求全部失败，另外还有 10 分钟也全失败，但那几分钟每分钟只有"
                   "十几次请求；月费 5000", TODAY)
    assert q.incidents_seconds == (1800,) and [u.text for u in q.unclear] == ["10 分钟"]


@pytest.mark.parametrize(("text", "month", "fee"), [
    ("人脸识别 9月份 有 6 个 5 分钟区间错误率 100%。我们 8 月一次性买了 3 个月，付了 1.2 万。", "2026-09",
     "4000.00"),
    ("TCHouse-C 9 月 16 号新买的，包年一次性付了 3.24 万；9 月 23 号连不上 30 分钟。9 月份实际消耗 1,350 元。",
     "2026-09", "1350"),
    ("重保服务 服务期 2026-09-28 至 2026-10-11，实付 8 万，10 月 2 日响应超时", "2026-10", "80000"),
    ("CMQ 9月 两次故障：09-03 10:00-10:05、09-17 21:12-21:30，每个月大概花 2600", "2026-09", "2600"),
])
def test_when_it_was_bought_and_a_months_own_charge(text: str, month: str, fee: str) -> None:
    q = read_query(text, TODAY)
    assert (q.month, q.monthly_fee) == (month, Decimal(fee)) and not q.unclear


def test_messages_sent_to_valid_numbers_are_the_request_count() -> None:
    q = read_query("语音消息 10 月发送到有效号码 120,000 条，其中明确失败 8,400 条，月费 4500", TODAY)
    assert (q.total_requests, q.failed_requests) == (120000, 8400) and not q.unclear


def test_approximate_numbers_in_words_are_rough_figures() -> None:
    q = read_query("CVM 2026年10月断了二三十分钟，月费 2000", TODAY)
    assert q.incidents_seconds == (1800,) and q.rough  # the upper end, checked ±20 %
    assert read_query("CVM 2026年10月断了十几分钟，月费 2000", TODAY).rough
    assert read_query("CVM 2026年10月断了二十三分钟，月费 2000", TODAY).incidents_seconds == (1380,)


@pytest.mark.parametrize(("text", "incidents"), [
    ("那上个月我们挂了两天半，月费680", (216000,)),              # N天半: a half after the unit
    ("CVM 2026年10月挂了3小时半，月费680", (12600,)),
    ("CVM Oct 2026 was down 2 full days, fee 680", (172800,)),   # a word between number and unit
    ("CVM 2026年10月挂了2整天，月费680", (172800,)),
    ("CVM had three 20-minute outages in Oct 2026, fee 680", (1200, 1200, 1200)),
    ("CVM 2026年10月有3次20分钟的中断，月费680", (1200, 1200, 1200)),
])
def test_durations_said_with_words_around_the_unit(text: str, incidents: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == incidents and not q.unclear


def test_more_than_and_a_number_word_next_to_a_unit_are_never_dropped() -> None:
    q = read_query("CVM 2026年10月挂了3个多小时，月费2000", TODAY)
    assert q.incidents_seconds == (10800,) and q.rough           # 3个多小时: about 3 hours
    assert read_query("CVM 2026年10月挂了二十多分钟，月费2000", TODAY).rough
    q = read_query("CVM Oct 2026 down for 2 long hours, fee 2000 yuan", TODAY)
    assert [u.text for u in q.unclear] == ["2 long hours"]        # asked, not a bare count


def test_more_outages_than_lengths_asks_for_the_others() -> None:
    q = read_query("CVM 2026年9月有2次中断，一次20分钟，月费1500", TODAY)
    assert [u.text for u in q.unclear] == ["2次中断"]
    assert not read_query("CVM 9月断了2次：一次20分钟，一次5分钟，月费1500", TODAY).unclear
    assert not read_query("CVM 9月断了3次，加起来 90 分钟，月费1500", TODAY).unclear


def test_a_start_day_in_a_relative_month_and_the_same_month_as_before() -> None:
    q = read_query("软件成分分析上个月20号才开通的，开通后故障一次3小时20分钟。10月份实付1,980", TODAY)
    assert (q.service_start, q.month) == ("2026-10-20", "2026-10")
    q = read_query("云托管那边同一个月也出了事：全部失败 95 分钟，月费 1,200", TODAY)
    assert roles(q)["同一个月"] == "month" and q.month is None   # carried from the turn before


@pytest.mark.parametrize(("text", "fee", "basis"), [
    ("称应赔 10%，月费 2,600。DBS 9月挂了 2 小时", "2600", "monthly"),   # the claim ends at the comma
    ("我们1次买了 6 个月一共 5400 元，DBS 2024年11月挂了40分钟", "900.00", "prepaid"),
    ("CVM 年度服务费 12000，3月可用性 99.7%", "1000.00", "annual"),
    ("CVM 3月挂了 2 小时，充值了 5000 元，这个月实际消耗 1200", "1200", "paid"),
])
def test_fees_said_with_their_basis(text: str, fee: str, basis: str) -> None:
    q = read_query(text, TODAY)
    assert (q.monthly_fee, q.fee_basis) == (Decimal(fee), basis) and not q.unclear


@pytest.mark.parametrize(("text", "asked"), [
    ("we prepaid ¥9,000 for it. In Jan 2026 every call failed for 6 hours. Credit?", "¥9000"),
    ("CVM 3月挂了 2 小时，充值了 5000 元", "5000 元"),
    ("健康药箱年付 1.8 万。今年我们自己算的整体可用性是 99.7%，能赔多少？", "99.7%"),
])
def test_amounts_and_figures_over_an_unknown_span_are_asked_about(text: str, asked: str) -> None:
    q = read_query(text, TODAY)
    assert asked in [u.text for u in q.unclear]
    assert q.monthly_fee is None or q.availability_pct is None


def test_the_same_length_said_again_in_another_unit_is_one_outage() -> None:
    q = read_query("TCSS was broken for 3 full days in September 2025, 72 hours straight. "
                   "We pay 1,500 CNY a month.", TODAY)
    assert q.incidents_seconds == (259200,) and q.month == "2025-09"   # the year is no length
    assert read_query("CVM 3月挂了两次：20分钟，20分钟，月费2000", TODAY).incidents_seconds \
        == (1200, 1200)                                                  # two outages, one length


def test_a_span_the_outages_fell_in_is_not_their_length() -> None:
    q = read_query("CVM 2026年10月一天挂了3次，每次20分钟，月费2000", TODAY)
    assert q.incidents_seconds == (1200, 1200, 1200)
    q = read_query("In Oct 2026, within 1 day our CVM went down 3 times, 20 minutes each. Fee 2000",
                   TODAY)
    assert q.incidents_seconds == (1200, 1200, 1200)
    assert read_query("CVM 2026年10月挂了一整天，月费2000", TODAY).incidents_seconds == (86400,)


@pytest.mark.parametrize("text", ["CVM 2026年10月挂了好几个小时，月费2000",
                                  "CVM Oct 2026 was down a couple of hours, fee 2000"])
def test_a_vague_length_in_words_is_asked_about(text: str) -> None:
    q = read_query(text, TODAY)
    assert q.unclear and not q.incidents_seconds


def test_question_words_are_not_vague_lengths() -> None:
    q = read_query("轻量数据库上个月连不上两次，一次 55 秒，一次 18分20秒，月费 199，能赔几块钱？", TODAY)
    assert not q.unclear and q.incidents_seconds == (55, 1100)
    assert not read_query("这 70 分钟里每一分钟的请求全是 InternalError", TODAY).unclear


def test_ids_holding_digit_runs_and_status_pairs_are_context() -> None:
    q = read_query("2026年6月：chc-9f8e7d6c 不可用 45 秒，月费 1,800 元", TODAY)
    assert not q.unclear and q.incidents_seconds == (45,)      # 8e7 inside an id is no figure
    assert read_query("CVM 月费1e3元，3月挂了2小时", TODAY).unclear   # outside one it is asked
    q = read_query("CVM Sept 2026: 500/503s for 150 minutes, fee 2400", TODAY)
    assert q.incidents_seconds == (9000,) and not q.unclear    # 503s is a status, not seconds


@pytest.mark.parametrize(("text", "incidents"), [
    ("CVM 2025年3月 从晚上11点40到第二天凌晨1点10分挂了，月费2000", (5400,)),   # over midnight
    ("CVM 2025年3月 从23:30一直到次日00:15挂了，月费2000", (2700,)),
    ("CVM 2025年3月 挂了三刻钟，月费2000", (2700,)),
    ("CVM was down three quarters of an hour in March 2025, fee 2000", (2700,)),
    ("CVM 2025年3月 挂了1分半，月费2000", (90,)),
    ("CVM was down a minute and a half in March 2025, fee 2000", (90,)),
    ("CVM 2025年3月 挂了一天零一个小时，月费2000", (90000,)),
    ("CVM was down 1d 12h in March 2025, fee 2000", (129600,)),
    ("CVM was down a full day in March 2025, fee 2000", (86400,)),
    ("CVM 2025年3月 断了三回，每回20分钟，月费2000", (1200, 1200, 1200)),
    ("CVM in March 2025 went down twice, 40 minutes each, fee 2000", (2400, 2400)),
])
def test_lengths_users_say_in_their_own_words(text: str, incidents: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == incidents and not q.unclear


@pytest.mark.parametrize(("text", "fee"), [
    ("CVM 2025年3月挂了90分钟，两千五一个月", "2500"),
    ("CVM 2025年3月挂了90分钟，每月 2000RMB", "2000"),
    ("CVM 2025年3月挂了90分钟，包了两年，一共 4.8 万", "2000.00"),      # spread over 24 months
    ("CVM down 90 minutes in March 2025; a 3-year prepayment of 108,000 yuan", "3000.00"),
    ("CVM down 90 minutes in March 2025; yearly plan, 12,000 yuan", "1000.00"),
])
def test_fees_users_say_in_their_own_words(text: str, fee: str) -> None:
    assert read_query(text, TODAY).monthly_fee == Decimal(fee)


@pytest.mark.parametrize(("text", "month"), [
    ("CVM 2025年的7月 挂了90分钟", "2025-07"), ("CVM down 90 minutes 01/2026", "2026-01"),
    ("CVM down 90 minutes 7/2025", "2025-07")])
def test_months_users_say_in_their_own_words(text: str, month: str) -> None:
    assert read_query(text, TODAY).month == month


@pytest.mark.parametrize("aside", ["我们的超时阈值设的是 30 秒", "our health check interval is 30 seconds",
                                   "we kept getting 502s", "per the 99.9% SLA commitment"])
def test_settings_statuses_and_commitments_are_not_measurements(aside: str) -> None:
    q = read_query(f"CVM was down 90 minutes in March 2025 ({aside}), fee 2000", TODAY)
    assert q.incidents_seconds == (5400,) and q.availability_pct is None and not q.unclear


def test_an_availability_said_in_english_words() -> None:
    q = read_query("CVM in March 2025: ninety-nine point nine five percent uptime, fee 2000", TODAY)
    assert q.availability_pct == Decimal("99.95")


@pytest.mark.parametrize(("text", "total", "failed"), [
    ("短信 2025年3月 20w 请求失败 1400，月费 2000", 200000, 1400),
    ("SMS in March 2025: 1.4k of 200k calls failed. Fee 2000", 200000, 1400),
    ("SMS in March 2025: failed: 350 / total: 50,000. Fee 2000", 50000, 350),
    ("SMS in March 2025: 3,000 out of 600,000 requests failed. Fee 2000", 600000, 3000),
    ("短信 2025年3月 请求数：１０００００，失败数：２００，月费 2000", 100000, 200),
])
def test_request_counts_in_any_order_and_form(text: str, total: int, failed: int) -> None:
    q = read_query(text, TODAY)
    assert (q.total_requests, q.failed_requests) == (total, failed) and not q.unclear


@pytest.mark.parametrize("aside", ["我的 uin 是 100012345678", "客户端版本 v2.3.1", "有 1200 个用户受影响",
                                   "端口 8080", "call me at +86 138 0013 8000"])
def test_ids_versions_ports_phones_and_people_are_context(aside: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{aside}，月费 2000 元", TODAY)
    assert q.incidents_seconds == (5400,) and q.monthly_fee == 2000 and not q.unclear


@pytest.mark.parametrize(("text", "fee"), [
    ("CVM 2025年3月挂了90分钟，包月 4800", "4800"), ("CVM 2025年3月挂了90分钟，每个月要交 1万", "10000"),
    ("CVM 2025年3月挂了90分钟，月费是 2,000.00", "2000.00"),
    ("CVM 2025年3月挂了90分钟，预付半年 12000", "2000.00"),
])
def test_more_fee_forms(text: str, fee: str) -> None:
    assert read_query(text, TODAY).monthly_fee == Decimal(fee)


def test_an_availability_without_its_percent_sign_and_a_billing_month() -> None:
    assert read_query("CVM 2025年3月 可用率 99.85，月费 2000", TODAY).availability_pct == Decimal("99.85")
    assert read_query("CVM 账期 202510 挂了 90 分钟，月费 2000", TODAY).month == "2025-10"
    assert read_query("CVM 2025年3月 凌晨3点整到早上7点整挂了，月费2000", TODAY).incidents_seconds == (14400,)


@pytest.mark.parametrize(("text", "incidents"), [
    ("CVM 2025年3月 故障持续时间：00:42:30，月费2000", (2550,)),          # h:mm:ss as a length
    ("CVM had 2 outages in March 2025, durations 00:35:00 and 01:05:00, fee 2000", (2100, 3900)),
    ("WAF Sept 2025: outage 1 from 09:12:00 to 09:12:59, outage 2 lasted 3h20m, fee 3980",
     (59, 12000)),                                                       # clock times of a range
    ("CVM 2025年3月 掛了兩個小時，月费2000", (7200,)),                    # traditional characters
    ("CVM 2025年3月 18点整到20点15分不可用，月费2000", (8100,)),            # a 24-hour clock
    ("CVM 2025年3月 挂了一个钟头零一刻钟，月费2000", (4500,)),
    ("CVM in March 2025: three outages of fifteen, thirty and forty-five minutes, fee 2000",
     (900, 1800, 2700)),
    ("CVM 2025年3月 故障1：7分钟；故障2：13分钟；故障3：1小时。月费2000", (420, 780, 3600)),
    ("CVM 2025年3月 共5次闪断，每次30秒，月费2000", (30,) * 5),
    ("CVM in March 2025: 4 interruptions of 15 min each, fee 2000", (900,) * 4),
])
def test_more_lengths_users_say(text: str, incidents: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == incidents


def test_more_months_fees_requests_and_asides() -> None:
    assert read_query("CVM 去年 Nov 挂了90分钟", TODAY).month == "2025-11"
    assert read_query("CVM down 90 minutes in May of 2025", TODAY).month == "2025-05"
    assert read_query("CVM down 90 minutes 3 months back", TODAY).month == "2026-08"
    assert read_query("CVM down 90 minutes in March 2025, ¥60,000/year", TODAY).monthly_fee \
        == Decimal("5000.00")
    q = read_query("SMS in March 2025: 80 thousand requests with 400 failing. Fee 2000", TODAY)
    assert (q.total_requests, q.failed_requests) == (80000, 400)
    for aside in ("返回码 -1002", "QPS 上限 5000", "子网 10.0.1.0/24", "lots of 502s and 503s"):
        q = read_query(f"CVM 2025年3月 挂了 90 分钟，{aside}，月费 2000 元", TODAY)
        assert q.incidents_seconds == (5400,) and not q.unclear, aside


def test_blind_2911e_wrong_amount_readings() -> None:
    q = read_query("图像理解 2025/11：控制台导出 5 分钟粒度错误率，有 12 个统计点 100%、6 个统计点 40%，其余均为 0。"
                   "月费 5,000", TODAY)                     # rates of windows, not an availability
    assert q.error_windows == ((12, Decimal(100), 5), (6, Decimal(40), 5)) and q.availability_pct is None
    q = read_query("CMQ outage on Aug 12 2025 lasted 12 min 30 s; that queue costs about ¥14.40 per day",
                   TODAY)
    assert q.daily_fee == Decimal("14.40") and q.monthly_fee is None
    assert read_query("客户是 3/19 才开通的，3/19 之前没在用。", TODAY).service_start == "--03-19"


@pytest.mark.parametrize(("text", "fee"), [
    ("Account Connector Jul 2025: 3 outages: 59s, 4m10s, 1h02m30s. Cash paid for July ¥2,400 "
     "(another ¥600 covered by voucher).", "2400"),                   # a voucher's part is no fee
    ("设备安全 2026年5月 挂了1小时。May fee ¥3,000 cash (+ ¥500 voucher)", "3000"),
    ("实付现金 45,000，另抵扣代金券 5,000，2025年7月挂了1小时", "45000"),
    ("2026年10月挂了3小时，月费原价 1 万，打了 8 折后实付 8000", "8000"),   # the price before a discount
    ("CKafka 2025/6 断了 38 分钟，月费 3000（不含代金券），客户自己算的是 25%", "3000"),
    ("品牌经营管家 2025年9月 挂了 10 个钟，月费 3000，是不是能拿 1500？", "3000"),  # the user's own figure
])
def test_voucher_parts_list_prices_and_claimed_amounts_are_not_the_fee(text: str, fee: str) -> None:
    q = read_query(text, TODAY)
    assert q.monthly_fee == Decimal(fee) and not q.unclear


@pytest.mark.parametrize(("text", "fee"), [
    ("人脸试妆 11月5号挂了 55 分钟，我们这个月实付现金 2500，有张 300 的优惠券另算", "2500"),  # a coupon
    ("网关 11月2日 全部失败 49 分钟，11月网关实付现金 1,650，另用了一张200的优惠券。能赔多少？", "1650"),
    ("AI生图 9月挂了 4 小时，9月按量费用 6,780。我们另外还有个 GPU 服务器 9,900 一个月，不算。", "6780"),
    ("CODING down 90 min in November. We prepaid ¥20,000 of balance; November actual consumption "
     "was ¥6,400.", "6400"),                                          # a balance paid in advance
    ("语音消息 10月挂了 2 小时，实际消耗语音消息费用 2,400（账户里还有没用完的预充值 5,000）", "2400"),
    ("TCCC July 2026 down 105 min. We bought a 50k prepaid package but only consumed ¥6,800 of "
     "it in July.", "6800"),                                          # what the month drew on it
    ("Chaos platform down 130 min in August 2026. We paid ¥5,000 cash for August plus a ¥500 "
     "voucher on top.", "5000"),                                      # the voucher's own words only
    ("Sep 2025 invoice: 'Cloud Load Balancer' ¥2,000 and 'Cloud Firewall' ¥5,000. The load "
     "balancer dropped every request for 50 min (the firewall was fine).", "2000"),  # no balance
])
def test_an_amount_said_as_a_coupon_a_balance_or_apart_is_not_the_fee(text: str, fee: str) -> None:
    q = read_query(text, TODAY)
    assert q.monthly_fee == Decimal(fee) and not q.unclear


@pytest.mark.parametrize(("text", "fee"), [
    ("CDB down 45 min in October 2026. We prepaid 1 year for this instance: ¥26,400.", "2200.00"),
    ("Our CVM was down 90 minutes in March 2025; prepaid one quarter, 9,000 yuan.", "3000.00"),
])
def test_a_prepaid_year_or_quarter_said_in_english_is_spread_over_its_months(text: str,
                                                                              fee: str) -> None:
    assert read_query(text, TODAY).monthly_fee == Decimal(fee)


def test_a_range_that_partly_worked_inside_an_outage_is_asked_with_its_holder() -> None:
    q = read_query("OrcaTerm 10月25号 23:40 到 26号 01:10 一直登不上，但中间 00:20~00:30 有部分同事能登进去"
                   "（部分成功）。月费 880", TODAY)
    assert q.incidents_seconds == (5400,) and q.partly_working == ((600, 5400),)
    assert [u.text for u in q.unclear] == ["00:20~00:30"]  # the outage itself is not in doubt
    counted = q.partly_set_aside()
    assert counted is not None and counted.incidents_seconds == (4800,) and not counted.unclear
    alone = read_query("Oct 14: 01:10–02:25 every login failed. 03:00–03:20 about half of the "
                       "sends went through. ¥18,000", TODAY)
    assert alone.partly_working == ((1200, 0),)
    assert alone.partly_set_aside().incidents_seconds == (4500,)  # type: ignore[union-attr]
    other_doubt = read_query("Oct 14: 01:10–02:25 every login failed. 03:00–03:20 about half of "
                             "the sends went through. ¥18,000 or ¥3,000", TODAY)
    settled = other_doubt.partly_set_aside()
    assert settled is not None and settled.unclear  # the other number in doubt is still asked


@pytest.mark.parametrize(("text", "rated"), [
    ("11月6号 09:00 到 09:39 每分钟错误率在 6%~30% 之间，09:40 到 09:50 降到 3% 左右。月费 3999",
     ((2400, "6", "30"), (660, "3", "3"))),           # one minute apart: per-minute points
    ("Nov 16 09:00–12:29 success rate between 97% and 98.5% every minute. ¥26k",
     ((12540, "1.5", "3"),)),                         # a success rate is 100 % less its errors
    ("on 2026-07-14 from 10:00 to 11:45 every single minute had a call success rate around 97% "
     "(below your 99% line). ¥6,800", ((6300, "3", "3"),)),  # the 99 % is the line, not a rate
])
def test_a_range_said_with_its_error_rate_is_kept_with_that_rate(
        text: str, rated: tuple[tuple[int, str, str], ...]) -> None:
    q = read_query(text, TODAY)
    assert q.rated_ranges == tuple((s, Decimal(lo), Decimal(hi)) for s, lo, hi in rated)
    assert not q.incidents_seconds  # which minutes count is the SLA's threshold's to say


@pytest.mark.parametrize("text", [
    "不好意思我刚才看错了，其实是 3 个半小时，10:00 到 13:30 都是错误率超过 5%。",  # over the line
    "9/05 10:00–11:30 这 18 个点错误率 100%，11:30–12:30 这 12 个点 50%。按月付 8,800",  # windows
    "2026年5月 10:00 到 11:00 全部失败，错误率 100%，月费 800",
])
def test_a_range_said_over_a_threshold_at_full_failure_or_as_windows_is_not_a_rated_range(
        text: str) -> None:
    assert read_query(text, TODAY).rated_ranges == ()


@pytest.mark.parametrize(("text", "total", "failed"), [
    ("10 月共发送 1,200,000 条，失败 42,000 条，其中 18,000 条是发到空号/停机/关机号码的，其余失败都是平台侧。",
     1182000, 24000),                                   # part of the failures: out of both
    ("语音消息 10月共发送 41,200 条，其中 1,200 条是空号；其余里面因腾讯云原因明确失败 4,600 条。", 40000, 4600),
])
def test_messages_to_invalid_numbers_are_asked_then_left_out_of_what_they_were_part_of(
        text: str, total: int, failed: int) -> None:
    q = read_query(text, TODAY)
    assert [u.note for u in q.unclear] == [
        "messages to invalid numbers: does the agreement leave them out?"]
    settled = q.invalid_left_out()
    assert settled is not None and not settled.unclear
    assert (settled.total_requests, settled.failed_requests) == (total, failed)


def test_announced_maintenance_is_asked_about_not_added() -> None:
    q = read_query("10月共有三段异常：65分钟、40分钟；还有一段30分钟是我们提前发了公告的日常系统维护。月费 6000",
                   TODAY)
    assert q.incidents_seconds == (3900, 2400)
    assert [u.note for u in q.unclear] == ["announced maintenance: does the agreement exclude it?"]
    settled = q.maintenance_set_aside()
    assert settled is not None and not settled.unclear


def test_a_rounded_length_pointed_back_at_is_the_same_outage() -> None:
    q = read_query("Private DNS failed for 7 minutes 1 second on Oct 8. October fee ¥660. Is a "
                   "7-minute blip enough for a credit?", TODAY)
    assert q.incidents_seconds == (421,)


def test_our_math_beside_the_outages_is_recomputed_not_added() -> None:
    q = read_query("October outages: 50 s, 1 m 01 s, 12 m 34 s, 30 m 30 s. ¥2,200 a month. Our "
                   "math: ~44.9 min total → 15%.", TODAY)
    assert q.incidents_seconds == (50, 61, 754, 1830) and not q.unclear


def test_more_blind_2911e_forms() -> None:
    q = read_query("机密计算平台 2025年7月 TEE 节点离线了三回：7月3号 02:10-02:45，7月15号夜里 23:50 "
                   "一直到16号 00:20，还有一次只掉了15秒。月费六千", TODAY)
    assert q.incidents_seconds == (2100, 1800, 15) and not q.unclear
    assert read_query("乐享 今年 2/10 全站 500 了 2h15m", TODAY).incidents_seconds == (8100,)
    q = read_query("Code signing, Sep 2025: two 3-minute outages, under the 5-minute rule? ¥1,200 a "
                   "month", TODAY)
    assert not q.unclear
    q = read_query("Device Security May 2026: 14:01:01 to 15:01:29 had errors. An hour-long outage "
                   "must be worth something", TODAY)
    assert q.incidents_seconds == (3628,)                              # an hour-long: the same one


@pytest.mark.parametrize(("text", "seconds"), [
    ("CVM 2025年3月 晚上11:40到次日早上6:10挂了，月费2000", 23400),   # not 18.5 hours
    ("CVM 2025年3月 下午2:00到4:30挂了，月费2000", 9000),
    ("CVM 2025年3月 晚上23:55到次日00:05挂了，月费2000", 600),
    ("CVM 2025年3月 晚上11:40到12:10挂了，月费2000", 1800),
    ("CVM 2025年3月 14:05-15:20 挂了，月费2000", 4500),
])
def test_clock_ranges_with_a_part_of_the_day(text: str, seconds: int) -> None:
    assert read_query(text, TODAY).incidents_seconds == (seconds,)


def test_several_late_response_counts_are_asked_and_a_quoted_rule_is_a_threshold() -> None:
    q = read_query("漏洞治理 2026年9月：漏洞预警超时 3 次，风险响应超时 2 次。客户说协议写的“超时 3 次以上赔 25%”，"
                   "按 9000 找我们要。年付 3.6 万", TODAY)
    assert q.event_count is None and [u.text for u in q.unclear] == ["超时 3 次", "超时 2 次"]
    assert roles(q)["按 9000"] == "claimed"


def test_a_bound_is_never_a_length() -> None:
    """超过 N 分钟 beside the outages is a comment on them (the SLA's allowance quoted); alone,
    about the outage, it is a lower bound: asked about, never computed as the length."""
    q = read_query("9 月失效了三次：20 分钟、30 分钟，还有一次 4 分钟。加起来 54 分钟，超过 43.2 分钟了吧？"
                   "月费 2 万", TODAY)
    assert q.incidents_seconds == (1200, 1800, 240) and not q.unclear
    q = read_query("CVM 10月断了超过 90 分钟，月费 2000", TODAY)
    assert q.incidents_seconds == () and [u.text for u in q.unclear] == ["超过 90 分钟"]
    q = read_query("In October the failure minutes add up to 5h10m. Fee ¥15,000.", TODAY)
    assert q.incidents_seconds == (18600,) or q.downtime_minutes == 310


def test_prepayments_said_other_ways() -> None:
    for text in ("挂了 90 分钟，提前付了四个月的钱，总共一万六", "down 90 minutes; prepayment of ¥16,000 covering 4 months"):
        assert read_query(text, TODAY).monthly_fee == 4000


def test_a_length_restated_in_brackets_is_read_once() -> None:
    q = read_query("一次挂了一天（24小时），另一次挂了六个小时", TODAY)
    assert q.incidents_seconds == (86400, 21600)
    assert read_query("两次都是一刻钟", TODAY).incidents_seconds == (900, 900)


def test_a_daily_price_said_as_one_day_is_no_outage() -> None:
    q = read_query("按年买的，折算下来一天 200 块。9 月 18 号晚上 22:30 到第二天凌晨 2 点完全用不了", TODAY)
    assert q.daily_fee == 200 and q.monthly_fee is None and q.incidents_seconds == (12600,)


def test_a_package_over_several_years_is_not_a_monthly_fee() -> None:
    q = read_query("10 月登不上整整 1 个小时。我们当时买的是三年套餐，一共 2,980 元", TODAY)
    assert q.monthly_fee is None and [u.text for u in q.unclear] == ["一共 2980"]


def test_an_outage_of_some_users_only_is_asked_about() -> None:
    q = read_query("10 月 15 号有部分用户打不开文档，持续了 60 分钟，月费 3,000", TODAY)
    assert q.incidents_seconds == () and [u.text for u in q.unclear] == ["60 分钟"]


def test_a_figure_right_after_an_outage_word_is_never_set_aside() -> None:
    """不可用 120 has lost its unit: asked about, whatever the role model makes of it."""
    q = read_query("10/12 实例 cdb-7q2w9e 不可用 120，月费 2,000（工单 20261013-00221）", TODAY)
    assert [u.text for u in q.unclear] == ["120"]


def test_a_bill_over_several_items_is_not_the_affected_ones_fee() -> None:
    q = read_query("ECDN 下有 5 个加速域名，其中 1 个 7 月不可用 120 分钟，客户 7 月 ECDN 总账单 3 万", TODAY)
    assert q.monthly_fee is None and [u.text for u in q.unclear] == ["账单 30000"]


@pytest.mark.parametrize(("said", "role"), [
    ("告警统计周期 5 分钟", "threshold"), ("监控粒度 1 分钟", "threshold"), ("回源超时 15s", "threshold"),
    ("会话保持 1800 秒", "threshold"), ("keepalive 75s", "threshold"),
    ("metrics granularity 60s", "threshold"),
    ("SLA 里写的是连续 10 分钟不可用才算", "threshold"),       # the SLA's rule, quoted
    ("告警延迟了 3 分钟才发出来", "unclear"),                     # a delay: asked, never dropped
    ("the alert fired 3 minutes late", "unclear"),
    ("接口超时 8 分钟", "unclear"),             # calls timing out for 8 minutes, or a setting?
    ("API timeouts for 8 min", "unclear"),
    ("connection timeout 60s", "threshold"),   # a setting
    ("session timeout 30 min", "threshold"),
])
def test_a_length_of_a_setting_or_a_delay_is_not_the_outage(said: str, role: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{said}，月费 2000 元", TODAY)
    assert q.incidents_seconds == (5400,)
    assert [u.role for u in q.uses if u.role in ("threshold", "unclear")] == [role]


def test_a_run_of_hours_is_still_an_outage_when_no_rule_is_quoted() -> None:
    q = read_query("断了两次，连续 3 小时连不上，另一次 20 分钟", TODAY)
    assert q.incidents_seconds == (10800, 1200)


def test_outages_said_after_their_instances_are_grouped_per_instance() -> None:
    """ins-a1 … 50 秒；ins-b2 … 20 分钟；ins-c3 09:00:00 到 10:00:30: three instances, never one
    summed outage; 每台 120 元/月 is each one's own fee."""
    q = read_query("每台 120 元/月。10 月有 3 台受影响：ins-a1 安全功能失效 50 秒；ins-b2 失效 20 分钟；"
                   "ins-c3 10/12 09:00:00 到 10:00:30 失效。", TODAY)
    assert q.incidents_seconds == () and q.fee_each
    assert [round(m, 2) for m in q.instance_minutes] == [Decimal("0.83"), 20, Decimal("60.5")]
    q = read_query("Two of our CVM instances went down in March 2024: one for 600 minutes, "
                   "the other for 200 minutes.", TODAY)
    assert q.instance_minutes == (600, 200)
    q = read_query("CVM 3月断了两次，一次 600 分钟，另一次 200 分钟", TODAY)  # one instance, two outages
    assert q.incidents_seconds == (36000, 12000) and q.instance_minutes == ()


def test_a_percentage_that_falls_is_an_availability() -> None:
    assert read_query("what if it fell to 97%?", TODAY).availability_pct == 97
    assert read_query("we want 25% back", TODAY).availability_pct is None


@pytest.mark.parametrize(("text", "seconds"), [
    ("腾讯云 CA 上个月有一天整个下午都用不了，月费 8,000", ()),       # which day, not a day long
    ("上周有一天 CVM 挂了 2 小时，月费 100", (7200,)),
    ("那一天挂了 3 小时", (10800,)),
    ("CVM 挂了有一天，月费 100", (86400,)),                          # 挂了有一天: a day long
])
def test_some_day_is_a_date_and_not_a_length(text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == seconds


@pytest.mark.parametrize(("text", "seconds"), [
    ("9 月 23 号那天有三分之一天都用不了", (28800,)),
    ("CVM was down for a third of the day on Oct 3", (28800,)),
    ("down for two-thirds of an hour", (2400,)),
])
def test_a_fraction_of_a_day_or_an_hour_is_its_minutes(text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == seconds


@pytest.mark.parametrize(("text", "seconds"), [
    ("后来 6/20、6/25 又各断了 1 小时", (3600, 3600)),
    ("CVM went down on Oct 3 and Oct 9, an hour each", (3600, 3600)),
    ("3号和5号各断了40分钟", (2400, 2400)),
])
def test_one_length_said_for_each_of_several_days(text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == seconds


def test_a_length_said_wrong_before_is_replaced() -> None:
    q = read_query("the Sep 21 one wasn't 2h10m. It started Sep 21 at 09:00 and only recovered "
                   "Sep 22 at 10:00, so 25 hours.", TODAY)
    assert q.incidents_seconds == (90000,) and q.corrections == ((7800, 90000),)


@pytest.mark.parametrize(("text", "fee"), [
    ("40 TiB provisioned at ¥180 per TiB-month, that's all we pay", Decimal("7200")),
    ("CFS 单价 0.35 元/GB/月，共 2000 GB", Decimal("700")),
])
def test_a_quantity_at_a_monthly_unit_price_is_the_months_fee(text: str, fee: Decimal) -> None:
    q = read_query(f"10 月挂了 2 小时，{text}", TODAY)
    assert q.monthly_fee == fee and not q.unclear


def test_a_price_per_hour_or_per_gb_is_never_the_months_fee() -> None:
    q = read_query("CFS 0.35 元/GB/小时 × 2000 GB，10月挂了 2 小时", TODAY)
    assert q.monthly_fee is None and [u.note for u in q.unclear] == [
        "a unit price: what did the month cost?"]


def test_a_credit_a_colleague_expects_is_context() -> None:
    q = read_query("同事说 10 月连不上 90 分钟，月费 1.2 万，应该能拿 2400 代金券。他算得对吗？", TODAY)
    assert q.monthly_fee == 12000 and not q.unclear
    assert roles(q)["能拿 2400 代金券"] == "claimed"


def test_an_amount_in_another_currency_is_never_the_fee() -> None:
    q = read_query("billed in USD - $150/month, which shows up as CNY 1,068 on our invoice", TODAY)
    assert q.monthly_fee == 1068 and roles(q)["$150"] == "money_other"
    alone = read_query("CVM down 2 hours in October, we pay $300 a month", TODAY)
    assert alone.monthly_fee is None and [u.text for u in alone.unclear] == ["$300"]


def test_a_rough_length_of_a_clock_range_is_its_restatement() -> None:
    q = read_query("11 月 10 日（周二）09:20:10–09:50:05 全部不可用。说 SLA 可用性是 99.9%，29 分多钟"
                   "没到 0.1%，以为不赔？月费 1,200", TODAY)
    assert q.incidents_seconds == (1795,) and q.monthly_fee == 1200 and not q.unclear
    assert q.availability_pct is None  # 0.1% is a share of the month, not an availability


@pytest.mark.parametrize("text", [
    "CVM 10月挂了好几次，每次 2-5 分钟，月费 100",
    "CVM 10月挂了 3 到 5 分钟，月费 100",
    "around ten blips in October, each somewhere between 2 and 5 minutes. Monthly fee ¥5,200",
])
def test_a_range_of_lengths_is_asked_about(text: str) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == () and [u.note for u in q.unclear] == [
        "a range of lengths: how long exactly?"]


def test_some_calls_going_through_is_a_partial_outage() -> None:
    q = read_query("IoT Enable was flaky on Oct 8 from 14:00 to 17:00 — some API calls went "
                   "through, most failed. Monthly fee ¥12,000", TODAY)
    assert q.incidents_seconds == () and q.unclear


def test_windows_all_down_beside_windows_partly_down_are_both_counted() -> None:
    q = read_query("June 2026: 36 consecutive 5-min windows at 100% failed reports (Jun 10 "
                   "02:00–04:59), plus 12 windows at 50% failure later that morning", TODAY)
    assert q.error_windows == ((36, Decimal(100), 5), (12, Decimal(50), 5))
    assert q.incidents_seconds == () and q.downtime_minutes is None  # the range says when


@pytest.mark.parametrize(("text", "fee"), [
    ("CVM 10月挂了2小时，月费 3600 元，其中 600 元是代金券抵扣的", Decimal(3000)),   # inside the fee
    ("月费是 3,600，不过其中 600 是拿代金券抵的。10月挂了2小时", Decimal(3000)),
    ("CVM 10月挂了2小时，月费 3600（另抵扣代金券 600）", Decimal(3600)),          # besides it
    ("TSF 9月挂了45分钟，9月TSF费用6,000，其中折扣优惠抵了1,000", Decimal(5000)),    # a discount
])
def test_the_part_of_the_fee_a_voucher_paid_is_left_out(text: str, fee: Decimal) -> None:
    q = read_query(text, TODAY)
    assert q.monthly_fee == fee and not q.unclear


def test_got_through_a_reseller_is_no_partial_outage() -> None:
    q = read_query("We're using the free cert we got through Tencent Cloud. In October their OCSP "
                   "service was down for 25 minutes. The SSL SLA promises 99.99%", TODAY)
    assert q.incidents_seconds == (1500,) and q.availability_pct is None


def test_an_hourly_price_is_a_days_price() -> None:
    q = read_query("the endpoint is billed 0.12 CNY/hour; down 45 minutes in October", TODAY)
    assert q.daily_fee == Decimal("2.88") and q.monthly_fee is None and not q.unclear


@pytest.mark.parametrize(("text", "seconds"), [
    ("3 月 12 日 10:00 开始不可用 3 分钟，恢复后隔了 20 分钟又不可用 4 分钟", (180, 240)),
    ("CVM 挂了 5 分钟，10 分钟后又挂了 3 分钟", (300, 180)),
])
def test_the_time_between_outages_is_no_outage(text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == seconds


def test_the_monthly_share_of_an_annual_fee_said_again_is_the_same_fee() -> None:
    q = read_query("代码签名证书（EV，一年 4,980，按月摊就是 415）3 月份不可用 7 分钟", TODAY)
    assert q.monthly_fee == 415 and not q.unclear


@pytest.mark.parametrize(("text", "fee"), [
    ("11 月套餐费 89 元 + 超额按量 31 元，挂了 2 小时", Decimal(120)),
    ("Sep bill for CI: image processing 3,100 + media processing 5,400 + content moderation "
     "1,500, availability 98.87%", Decimal(10000)),
])
def test_a_bill_said_in_parts_added_up_is_the_fee(text: str, fee: Decimal) -> None:
    assert read_query(text, TODAY).monthly_fee == fee


def test_parts_of_a_bill_named_by_product_are_not_added_up() -> None:
    q = read_query("bill COS ¥2,300 + CVM ¥6,400, COS down 2h in Oct", TODAY)
    assert q.monthly_fee is None and q.unclear


@pytest.mark.parametrize("text", [
    "云开发网关 4 月 21 号 21:03:10 到 21:47:00 所有请求都 502，每天 5 块钱",
    "客户云开发环境 cloud1-7gxq 11 月挂了 40 分钟，月费 89 元",
    "We're on prepaid: bought a 12,000 CNY package back in July; September cost 2,400 CNY, "
    "down 2 hours",
])
def test_codes_ids_and_the_month_something_was_paid_are_context(text: str) -> None:
    q = read_query(text, TODAY)
    assert not q.unclear and q.has_measurement


def test_a_fee_each_said_with_all_of_them() -> None:
    q = read_query("三台 Edge 都是 300 一个月，10 月账单上一共 900。", TODAY)
    assert q.monthly_fee == 300 and q.fee_each


@pytest.mark.parametrize(("said", "seconds"), [
    ("宕机 2 . 5 h", 9000), ("can't access for 2 hours plus 10 minutes", 7800),
    ("the service down from 9.15am until 11am", 6300),
])
def test_spoken_and_spaced_forms_of_a_length(said: str, seconds: int) -> None:
    assert read_query(f"CVM 10月 {said}，月费 100", TODAY).incidents_seconds == (seconds,)


@pytest.mark.parametrize("said", ["日志保留 7 天", "弹性伸缩冷却时间 300 秒", "RTO target is 4 hours",
                                  "we waited 2 days for a reply from support"])
def test_settings_and_waits_are_not_the_outage(said: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{said}，月费 2000 元", TODAY)
    assert q.incidents_seconds == (5400,)


def test_a_subscription_start_and_an_annual_list_price_are_not_the_outage_month_or_fee() -> None:
    q = read_query("TAPD — we pay ¥28,800 a year (subscription started Jan 1, 2026). On Wed Oct 21 "
                   "every module was throwing 500s, 1 pm to 6 pm.", TODAY)
    assert (q.month, q.monthly_fee, q.incidents_seconds) == ("2026-10", 2400, (18000,))
    q = read_query("CloudPages，原价 1,188/年，活动价实付 588/年。8 月网站打不开 12 分钟", TODAY)
    assert q.monthly_fee == 49 and not q.unclear


def test_more_than_a_share_of_requests_failing_is_the_condition_not_a_measure() -> None:
    q = read_query("broken (more than 5% of requests returning 5xx in every 5-minute window) "
                   "from 23:40 on Aug 3 to 01:10 on Aug 4; we pay ¥1,000 a month", TODAY)
    assert q.incidents_seconds == (5400,) and not q.unclear


def test_a_load_said_per_minute_goes_with_the_outage_before_it() -> None:
    q = read_query("09:00–09:40 on Sep 14 at about 3,000 requests/min, and 01:00–03:00 on Sep 15 "
                   "at about 40 requests/min", TODAY)
    assert q.incident_rates == ((2400, Decimal(3000)), (7200, Decimal(40)))
    q = read_query("机器翻译 9 月挂了 40 分钟，每分钟大概 50 次请求，月费 2000", TODAY)
    assert q.incident_rates == ((2400, Decimal(50)),) and q.incidents_seconds == (2400,)


def test_points_counted_after_their_size_are_units() -> None:
    q = read_query("11 月到目前为止，1 分钟粒度错误率超过 5% 的点一共 75 个，其他时间正常。", TODAY)
    assert q.downtime_minutes == 75 and not q.unclear


def test_windows_said_with_a_five_minute_error_rate() -> None:
    q = read_query("微瓴同业开放平台客户9月份的5分钟错误率：10个窗口100%，6个窗口35%，4个窗口12%，其余窗口都是0。"
                   "客户9月周期服务费7,500元", TODAY)
    assert q.error_windows == ((10, Decimal(100), 5), (6, Decimal(35), 5), (4, Decimal(12), 5))
    q = read_query("音频内容安全有一次连续 25 分钟失败率超过 0.01% 的故障", TODAY)
    assert q.incidents_seconds == (1500,)  # 25 minutes at that rate is the outage, not a unit


def test_a_months_own_charge_beside_a_prepaid_span_is_not_divided() -> None:
    q = read_query("IM 是6月1号开通的，一次买了三个月。7月份挂了 2 小时。7月实际消耗3,200元", TODAY)
    assert q.monthly_fee == 3200


def test_a_length_said_twice_beside_its_clock_range_counts_once() -> None:
    q = read_query("unreachable for exactly a third of a day on Feb 11 — 8 straight hours, "
                   "09:00 to 17:00", TODAY)
    assert q.incidents_seconds == (28800,)


def test_units_of_five_minutes_said_as_points() -> None:
    q = read_query("7月份监控里有7个5分钟点丢包率100%，另外还有一段大概3分钟丢包100%但没满5分钟", TODAY)
    assert q.downtime_minutes == 35


@pytest.mark.parametrize(("text", "check"), [
    ("our logs show 3,480 failed verification requests in that window", "failed"),
    ("We prepaid a 3-month plan for ¥4,500 covering Feb–Apr; availability was 99.12% in "
     "February 2026", "month"),
    ("5分钟统计点里请求全部报错的一共23个点，其余正常。6月实际消耗2,300元", "units"),
])
def test_counts_spans_and_points_in_other_words(text: str, check: str) -> None:
    q = read_query(text, TODAY)
    assert not q.unclear
    assert {"failed": q.failed_requests == 3480, "month": q.month == "2026-02",
            "units": q.downtime_minutes == 115}[check]


def test_a_clock_time_before_a_day_range_is_not_a_prepaid_span() -> None:
    q = read_query("ecm-01 从9月3日23:40到9月4日03:10不通；ecm-02 不通4分钟；单价380元/台/月", TODAY)
    assert q.instance_minutes == (210, 4) and q.monthly_fee == 380 and q.fee_each


def test_a_year_glued_to_a_product_name_is_no_error_code() -> None:
    q = read_query("web application firewall2024-11挂了，累计不可用 40 分钟，我们月费 2,000 元", TODAY)
    assert q.month == "2024-11" and not q.unclear


@pytest.mark.parametrize(("text", "seconds"), [
    ("3 月 18 号上午 9:00 到 12:20，所有操作都失败", 12000),     # 12:20 is noon, not 00:20
    ("上午11点到12点半挂了", 5400),
    ("晚上11点到12点挂了", 3600),
])
def test_a_morning_range_ending_at_twelve_ends_at_noon(text: str, seconds: int) -> None:
    assert read_query(text, TODAY).incidents_seconds == (seconds,)


def test_windows_said_rate_first() -> None:
    q = read_query("7 月份 5 分钟错误率 100% 的窗口有 48 个，50% 的有 24 个，其余正常。月费 1.2 万", TODAY)
    assert q.error_windows == ((48, Decimal(100), 5), (24, Decimal(50), 5)) and not q.unclear
    q = read_query("1 分钟粒度错误率超过 5% 的点一共 75 个", TODAY)  # a threshold, then a count
    assert q.downtime_minutes == 75 and not q.error_windows


@pytest.mark.parametrize("text", [
    "10 月所有 5 分钟错误率加起来是 36（也就是 3600%）",
    "the sum of our 5-minute error rates is 36 (i.e. 3,600%)",
    "5-min error rates add up to 3600%",
])
def test_a_sum_of_error_rates(text: str) -> None:
    q = read_query(text, TODAY)
    assert q.error_rate_sum == (Decimal(36), 5) and q.has_measurement and not q.unclear


@pytest.mark.parametrize(("text", "minutes"), [
    ("所有连接都失败的 5 分钟窗口一共 14 个（告警周期 5 分钟，每 30 分钟重复通知一次）", 70),
    ("我们监控按分钟看，整分钟里请求全部失败的一共 38 个点", 38),
    ("监控是 3 分钟一个点，连续 20 个点全部连不上。告警策略是连续 2 个周期才触发", 60),
])
def test_units_counted_with_their_size_said_first_and_alarm_settings_apart(
        text: str, minutes: int) -> None:
    q = read_query(text, TODAY)
    assert q.downtime_minutes == minutes and not q.unclear


def test_a_price_per_capacity_unit_times_the_units() -> None:
    q = read_query("集群 12 CU，每 CU 每月 180。2 月挂了 1 小时", TODAY)
    assert q.monthly_fee == 2160 and not q.unclear


@pytest.mark.parametrize(("text", "check"), [
    ("而且一天里挂了 2 个小时，不是应该按那一整天都不可用来算吗？", "day"),
    ("Our traffic is 24/7. Down 09:20 to 12:25 on June 11, fee ¥7,500", "clock"),
    ("sum of error rates is 120, but 15 of those windows were 100% errors. fee ¥20,000", "pct"),
])
def test_words_that_are_not_outages_or_availability(text: str, check: str) -> None:
    q = read_query(text, TODAY)
    assert {"day": q.incidents_seconds == (7200,),
            "clock": q.incidents_seconds == (11100,) and not q.unclear,
            "pct": q.availability_pct is None}[check]


@pytest.mark.parametrize(("text", "seconds"), [
    ("断了四十分钟 不对 是四十五分钟", (2700,)),                 # a figure taken back at once
    ("down two hours no wait three hours", (10800,)),
    ("It was outage for 1 hour 15 minutes, sorry I correct, 1 hour 25 minutes", (5100,)),
    ("三次 分别十分钟 二十分钟 不对 是二十五分钟 和一个钟头", (600, 1500, 3600)),
    ("俩小时十五分钟", (8100,)),
    ("斷線了整整兩個小時又十五分鐘", (8100,)),
    ("累計停機時間共計兩小時十分", (7800,)),
    ("一整天二十四小时都连不上", (86400,)),                      # the day said again in hours
    ("下午三点一刻到四点三刻", (5400,)),
    ("两次：一次从晚上十一点半到零点十分，另一次从早上七点到七点四十五", (2400, 2700)),
    ("挂了两次 一次晚上十点到十一点 一次第二天早上七点到七点半", (3600, 1800)),
    ("first outage 11:00–11:50, second 16:30–18:00", (3000, 5400)),
    ("故障1：7分钟；故障2：13分钟", (420, 780)),                  # a list label, not 2:13
    ("two outages: one 45 min, the other 1h05", (2700, 3900)),
    ("2x outage, 1h each", (3600, 3600)),
    ("3 outages of 10 minutes each, then a fourth lasting an hour", (600, 600, 600, 3600)),
])
def test_lengths_said_in_speech_and_corrected(text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == seconds


@pytest.mark.parametrize(("text", "fee"), [
    ("一口气交了 3 个月的钱 一共 7500", "2500"),
    ("we pay 4 months one shot, total 10k RMB", "2500"),
    ("季付 6,300 元（三个月）", "2100"),
    ("一次過預繳咗四個月，總共八千", "2000"),
    ("每个月扣 ２，８００ 元", "2800"),
    ("The monthly cost is ¥ 2 , 000", "2000"),
    ("paid 30,000 for one year", "2500"),
    ("one year plan, paid 9,600 once", "800"),
    ("the yearly price is eighteen thousand yuan", "1500"),
])
def test_fees_said_over_months_or_a_year(text: str, fee: str) -> None:
    assert read_query(text, TODAY).monthly_fee == Decimal(fee)


@pytest.mark.parametrize("text", [
    "拨测频率我们选的是 5 分钟",
    "backup window is 02:00-04:00 daily",
    "sleep 10s between retries",
    "> > previous reply: please wait 24 hours for our engineers",
    "日租 80 元，整个月 30 天没停过，都是按天扣的",
])
def test_schedules_settings_and_billed_days_are_not_outages(text: str) -> None:
    assert not read_query(text, TODAY).has_measurement


def test_a_daily_range_without_a_schedule_is_asked_about() -> None:
    q = read_query("3月 down 10:00-11:00 daily", TODAY)
    assert not q.incidents_seconds and q.unclear


@pytest.mark.parametrize(("text", "month"), [
    ("去年的这个月", "2025-11"), ("this month last year", "2025-11"), ("前年双十一那个月", "2024-11"),
])
def test_months_said_relative_to_this_one(text: str, month: str) -> None:
    assert read_query(text, TODAY).month == month


def test_a_resource_pack_drawn_down_beside_a_monthly_charge_is_asked_about() -> None:
    q = read_query("Our app returned internal errors for 4h10m on Oct 8. We bought a ¥6,000 token "
                   "resource pack back in September that we're still drawing down, and we pay "
                   "¥300/month for knowledge-base capacity.", TODAY)
    assert q.monthly_fee is None and len(q.unclear) == 2
    q = read_query("2026年6月 有 20 个 5 分钟单位不可用，当月实际消耗 ¥6,000（之前一次买的套餐包共 5 万）", TODAY)
    assert q.monthly_fee == 6000  # the month's own charge, the pack said apart


def test_a_fee_for_two_things_bought_together_is_asked_about() -> None:
    q = read_query("上个月 KMS 断了 15 分钟。我们 KMS 和云加密机是一起买的，每月合计 8,000。", TODAY)
    assert q.monthly_fee is None and q.unclear


def test_an_alert_pair_firing_then_resolved() -> None:
    q = read_query("[FIRING] waf-prod-gz  5xx_ratio > 50%  started 2026-08-14 13:02:15 CST (eval "
                   "interval 60s)\n[RESOLVED] waf-prod-gz  2026-08-14 17:48:40 CST\nfee ¥3,000",
                   TODAY)
    assert q.incidents_seconds == (17185,) and q.month == "2026-08"


def test_requests_every_minute_are_said() -> None:
    assert read_query("Our traffic is 24/7: there are requests every single minute of the month",
                      TODAY).every_minute_requested
    assert not read_query("每分钟大概 50 次请求", TODAY).every_minute_requested


def test_a_discount_is_no_amount() -> None:
    q = read_query("月费打了8折后实付960，8月断了 48 分钟", TODAY)
    assert q.monthly_fee == 960 and not q.unclear


@pytest.mark.parametrize(("text", "total", "failed"), [
    ("total=250000 failed=1250", 250000, 1250),
    ("succeeded 49,500, failed 500", 50000, 500),                # the total is both
    ("成功 99,000 次，失败 1,000 次", 100000, 1000),
    ("總請求量 80,000，失敗 400", 80000, 400),
    ("requests 360k, fail 1.8k", 360000, 1800),
    ('{"total_requests": 800000, "failed_requests": 4000}', 800000, 4000),
    ("36 failed out of 12,000 API calls", 12000, 36),
    ("out of 300,000 requests, 9,000 were failed", 300000, 9000),
    ("req=120000 err=600", 120000, 600),
])
def test_request_counts_in_labels_pastes_and_successes(text: str, total: int,
                                                       failed: int) -> None:
    q = read_query(text, TODAY)
    assert (q.total_requests, q.failed_requests) == (total, failed) and not q.unclear


@pytest.mark.parametrize(("text", "fee"), [
    ("月费 2000 不对 是 2500", "2500"),        # the label goes with the figure that stands
    ("年费两万 哦不 两万四", "2000"),
    ("monthly 2000 no sorry 2200", "2200"),
    ("季付 4500", "1500"),
    ("monthly 1.8k", "1800"),
    ("月租是一千二百八十八", "1288"),
    ("月租2千8", "2800"),
    ("1.2k every month", "1200"),
    ("yuan 3500 monthly", "3500"),
    ("this month's invoice came to 1,725.60", "1725.60"),
    ("annual subscription 18k", "1500"),
    ("一次过畀咗三个月嘅钱，共六千蚊", "2000"),
    ("每個月俾 2000 蚊", "2000"),
])
def test_fees_in_more_words(text: str, fee: str) -> None:
    assert read_query(text, TODAY).monthly_fee == Decimal(fee)


def test_a_quarter_of_an_hour_is_no_quarter_of_a_year() -> None:
    assert read_query("service was dead for a quarter of an hour", TODAY).incidents_seconds == (900,)


def test_an_amount_billed_apart_is_another_items() -> None:
    q = read_query("9 月 EMR 产品费 2,600，集群用的 CVM/CBS 另计 9,000。18 个 5 分钟粒度全部失败", TODAY)
    assert q.monthly_fee == 2600 and not q.unclear


def test_a_bill_breakdown_of_bare_amounts_gives_the_affected_items_fee() -> None:
    q = read_query("Only the key management module was affected. Their Sep bill breakdown: key "
                   "management 800, Cloud HSM 12,000, Secrets Manager 300.", TODAY)
    assert q.monthly_fee == 800 and not q.unclear
    q = read_query("Sep bill breakdown: key management 800, Cloud HSM 12,000. Down 25 min.", TODAY)
    assert q.monthly_fee is None and q.unclear  # which item failed is not said: asked


@pytest.mark.parametrize(("text", "seconds"), [
    ("從凌晨零時整至凌晨四時三十分止", (16200,)),          # 时 as the hour of a clock time
    ("Our CVM was down two hours ten no wait two hours twenty in March", (8400,)),
    ("两(2)次，各四十分钟", (2400, 2400)),                    # a count said twice
    ("三次，分別係十分鐘、十五分鐘同埋半個鐘", (600, 900, 1800)),  # 半个钟: half an hour
    ("掉线一分半钟", (90,)),
    ("four short blips of 30 seconds each", (30, 30, 30, 30)),
])
def test_lengths_in_more_voices(text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == seconds


def test_counts_of_people_and_last_times_credit_are_not_fees() -> None:
    q = read_query("CVM 2025年3月 挂了 90 分钟，受影响用户 3,000+ 人，月费 2000 元", TODAY)
    assert q.monthly_fee == 2000  # never 3,000 + 2,000
    q = read_query("CVM 2025年3月 挂了 90 分钟，上次故障赔了 15% 代金券，月费 2000 元", TODAY)
    assert q.monthly_fee == 2000  # the voucher word of another clause labels nothing here
    assert read_query("twenty twenty five november", TODAY).month == "2025-11"
    assert read_query("3 . 5k RMB/month", TODAY).monthly_fee == 3500


@pytest.mark.parametrize("text", [
    "家医助手10月21号整个下午都挂了，另外10月3号挂了2小时，月费6000",
    "Family Doctor Assistant was down the whole afternoon on Oct 21, plus 2 hours on Oct 3.",
    "CVM 上周挂了一晚上 月费2000",
])
def test_an_outage_said_as_a_part_of_a_day_is_asked(text: str) -> None:
    # never dropped (the other outage alone would pay less) nor guessed (12:00–18:00?)
    assert any(u.note == "how long: from when to when?" for u in read_query(text, TODAY).unclear)


@pytest.mark.parametrize(("text", "seconds"), [
    ("CVM 10月3号整个下午 14:00-18:00 都断了", (14400,)),  # the afternoon's times are said
    ("CVM 一晚上断了3次，每次10分钟", (600, 600, 600)),    # the night is when, each is timed
])
def test_a_part_of_a_day_with_its_times_is_no_question(text: str, seconds: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == seconds and not q.unclear


def test_a_bill_whose_lines_add_up_to_the_amount_paid_gives_that_amount() -> None:
    q = read_query("CFS 2026年8月断了 170 分钟。账单：存储容量费 1,800.00\n折扣 -180.00\n代金券抵扣 -200.00\n"
                   "实付（含税）1,420.00", TODAY)
    assert q.monthly_fee == 1420 and not q.unclear
    assert sorted(u.text for u in q.uses if u.role == "bill_line") == ["-180.00", "-200.00",
                                                                      "费 1800.00"]
    odd = read_query("CFS 2026年8月断了 170 分钟。账单：存储容量费 1,800.00\n折扣 -180.00\n实付 1,500.00", TODAY)
    assert odd.monthly_fee is None and odd.unclear  # 1800 − 180 ≠ 1500: asked


def test_an_outage_the_user_sets_aside_is_not_counted() -> None:
    q = read_query("轻量服务器广州那台 10 月 2 号断了 48 分钟。上海那台 10 月也断过 10 分钟，那个先不管，只问广州这台。",
                   TODAY)
    assert q.incidents_seconds == (2880,) and not q.unclear
    q = read_query("CVM in Oct down 30 min; the Shanghai one was down 10 min too but ignore that.",
                   TODAY)
    assert q.incidents_seconds == (1800,)


def test_the_month_asked_in_so_many_words_wins_and_the_others_outages_stay_out() -> None:
    q = read_query("September had a 20-minute hiccup too, but what I need now is October. "
                   "On Oct 31 from 20:10 to 23:55 nothing worked. Fee ¥700/month.", TODAY)
    assert q.month == "2026-10" and q.incidents_seconds == (13500,) and not q.unclear
    both = read_query("September had a 20-minute hiccup, October a 3-hour one. Fee ¥700/month.",
                      TODAY)
    assert both.unclear  # no month asked in words: which one?


def test_a_price_per_hour_with_the_currency_before_it_is_the_days_price() -> None:
    q = read_query("The pod runs 24/7 and is billed at ¥0.12/hour, down 20 min in September 2026",
                   TODAY)
    assert q.daily_fee == Decimal("2.88") and not q.unclear
    assert read_query("我是年付的，1188 一年。10 月断了 48 分钟", TODAY).annual_fee == 1188


def test_codes_and_points_of_an_export_are_read() -> None:
    q = read_query("CLS 10 月 5 分钟粒度：共 24 个点 5xx 错误率 100%，另有 4 个点是签名错误导致的 403，不算。"
                   "只算 InvokeResult=-1", TODAY)
    assert q.error_windows[0] == (24, Decimal(100), 5) and not q.unclear


def test_windows_listed_one_rate_each_are_one_window_each() -> None:
    q = read_query("按 5 分钟粒度看：14:00 到 15:55 这 24 个点错误率都是 100%，后面三个点分别是 60%、30%、10%", TODAY)
    assert q.error_windows == ((24, Decimal(100), 5), (1, Decimal(60), 5), (1, Decimal(30), 5),
                               (1, Decimal(10), 5))
    q = read_query("5 分钟错误率：9/8 10:00 起连续 10 个点 100%，10:50 那个点 35%", TODAY)
    assert q.error_windows == ((10, Decimal(100), 5), (1, Decimal(35), 5))


@pytest.mark.parametrize(("text", "fee"), [
    ("月费按 2500 元打八折收", Decimal("2000.00")),          # the fee after the discount is paid
    ("续费 3 个月 一共 4500", Decimal("1500.00")),            # a renewal over months is prepaid
    ("Prepaid: 6 mo, total CNY 12,600", Decimal("2100.00")),
    ("月费 2500 元，听说有 8 折活动", Decimal(2500)),           # a discount said apart is not applied
])
def test_fees_after_a_discount_or_over_a_renewal(text: str, fee: Decimal) -> None:
    assert read_query(f"CVM 上个月断了 90 分钟，{text}", TODAY).monthly_fee == fee


def test_export_rows_settings_and_quarters() -> None:
    q = read_query("5分钟粒度导出：10:00-10:05 不可用，10:05-10:10 不可用，10:15-10:20 正常", TODAY)
    assert q.incidents_seconds == (600,)  # rows that run on are one outage; the row up is none
    assert read_query("down 90 minutes, cooldown between alerts: 1 hour", TODAY).incidents_seconds \
        == (5400,)
    assert read_query("outage of three hours and a quarter", TODAY).incidents_seconds == (11700,)


@pytest.mark.parametrize(("text", "seconds"), [
    ("上个月有两天，每天断了 480 分钟", (28800, 28800)),              # never a 2-day outage
    ("GooseFS 上个月有两天，每天大概三分之一的时间连不上", (28800, 28800)),  # a share of each day
    ("是 9 月份的事，而且一共是五天，每天大概三分之一的时间连不上", (28800,) * 5),
])
def test_days_each_with_an_outage_are_that_many_outages(text: str, seconds: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == seconds and q.downtime_minutes is None


def test_a_product_name_ending_in_code_is_no_error_code() -> None:
    assert read_query("结果lowcode2024年6月份一共挂了 40 分钟", TODAY).month == "2024-06"


def test_one_outage_said_twice_is_never_counted_twice() -> None:
    q = read_query("转客户原话：『10月27号晚上 23:40 到 28号凌晨 01:10，RabbitMQ 收发都不行』\n我这边查后台监控："
                   "全部失败是从 27 日 23:43 开始，28 日 01:06 恢复。10 月消费 2,680 元。按后台记录算，赔多少？",
                   TODAY)
    assert q.incidents_seconds == (4980,) and not q.unclear  # the backend's, as asked
    q = read_query("CVM 10月3号 14:00-15:00 断了，客户说是 14:10-15:20，月费2000", TODAY)
    assert q.incidents_seconds == () and len(q.unclear) == 2  # which account: asked
    q = read_query("CVM 10月3号 14:00-15:00 断了，10月5号 14:30-15:30 又断了", TODAY)
    assert q.incidents_seconds == (3600, 3600)  # two days: two outages


def test_fees_per_instance_said_as_a_product() -> None:
    for text in ("4 台 × 600 元/月", "3 instances x CNY 800/month each"):
        q = read_query(f"CVM 2025年3月 挂了 90 分钟，{text}", TODAY)
        assert q.fee_each and (q.monthly_fee or 0) * (q.instances or 0) in (2400,)


@pytest.mark.parametrize(("text", "seconds"), [
    ("three: two hours, two hours, and forty minutes", (7200, 7200, 2400)),  # a list, not 2h40m
    ("first one was forty five minutes second one was an hour and ten", (2700, 4200)),
    ("two separate outages of 3 hours and 1.5 hours", (10800, 5400)),
    ("down 2 hours and 10 minutes", (7800,)),
])
def test_lists_of_lengths_and_spoken_hours(text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == seconds


def test_the_months_count_of_units_is_never_downtime() -> None:
    q = read_query("我们按 5 分钟统计口径看了下，10 月一共 8928 个 5 分钟统计点，有 27 个点里请求全是 1007/1008 "
                   "错误码，其余点正常。月费3200", TODAY)
    assert q.downtime_minutes is None and q.error_windows == ((27, Decimal(100), 5),)
    assert not q.unclear and not q.incidents_seconds
    q = read_query("APM Nov 2025. Per-5-min failure rates: 18 consecutive windows at 100%, then 4 "
                   "windows at 25%, everything else 0.", TODAY)
    assert q.error_windows == ((18, Decimal(100), 5), (4, Decimal(25), 5))


def test_several_instances_each_down_as_long() -> None:
    q = read_query("集群共 20 台实例（每台月费 8,000），2026年4月 其中 3 台各自宕机 2 小时，另有 1 台断了 4 分钟。",
                   TODAY)
    assert q.instance_minutes == (120, 120, 120, 4)


def test_a_share_of_the_month_down_and_seats_at_a_price() -> None:
    q = read_query("unreachable for exactly 0.3% of October. We have 50 seats at ¥79 per seat "
                   "per month.", TODAY)
    assert q.availability_pct == Decimal("99.7") and q.monthly_fee == Decimal("3950.00")
    assert read_query("CVM 10月有 0.5% 的时间不可用", TODAY).availability_pct == Decimal("99.5")
    assert read_query("CVM 10月 0.5% 的请求失败", TODAY).availability_pct is None  # requests


def test_an_outage_that_hit_a_share_of_users_is_asked() -> None:
    q = read_query("GME March 2026: Mar 4, 19:00-21:00: about 4% of players couldn't use voice chat; "
                   "Mar 12, 22:10-22:35: about 30% of players failed to join. Fee 2000", TODAY)
    assert q.incidents_seconds == () and len(q.unclear) == 2  # never counted as full outages
    q = read_query("GME June 2026: more than 5% of our players couldn't use voice chat for a total of "
                   "52 hours. Fee 10k CNY/month.", TODAY)
    assert q.downtime_minutes == 3120 and not q.unclear  # the SLA's own bound, quoted


def test_every_question_the_reader_asks_has_chinese_words() -> None:
    """Each note the reading package attaches to an unclear number is shown to the user; a
    Chinese answer must not carry the English working note."""
    import re
    from pathlib import Path

    from assistant.reading.render import NOTES_ZH
    source = "".join(p.read_text(encoding="utf-8")
                     for p in Path("assistant/reading").glob("*.py"))
    notes = {"".join(re.findall(r'"([^"]*)"', m.group(1)))
             for m in re.finditer(r'"unclear",\s*((?:"[^"]*"\s*)+)', source)}
    untranslated = sorted(n for n in notes - {"", "not read"}
                          if n not in NOTES_ZH and n.partition(": ")[0] not in NOTES_ZH)
    assert not untranslated


@pytest.mark.parametrize(("text", "seconds"), [
    ("CVM 3月断了：其实就四分钟，对，4 分钟，200 个门店也没太受影响。月费 2000", (240,)),
    ("CVM 3月：我同事说的是 70 分钟，我看了日志，是 70 分钟没错。月费 2000", (4200,)),
    ("CVM in March: colleague said 70 min, I checked the logs and yes it was 70 minutes. Fee 2000",
     (4200,)),
    ("CVM 3月：2.25 小时！整整 2.25 小时不能用。月费 2000", (8100,)),
    ("CVM 3月：两小时四十分，不是四十分钟，是两小时四十分。月费 2000", (9600,)),
    ("CVM 3月断了 20 分钟，又断了 20 分钟，月费 2000", (1200, 1200)),  # twice, not restated
    ("CVM in March: 80 min — no wait, 85 min. Fee 2000", (5100,)),
    ("CVM 3月 UTC 15:40 挂，UTC 17:10 恢复（北京时间就是 23:40 到次日 01:10）。月费 2000", (5400,)),
    ("CVM in March: outage from 01:00 UTC to 03:30 UTC (09:00–11:30 Beijing). Fee 2000", (9000,)),
    ("CVM 3月：两次，都是从晚上 11 点到第二天凌晨 1 点半。月费 2000", (9000, 9000)),
    ("CVM in March: twice, 45 minutes each time, 3 days apart. Fee 2000", (2700, 2700)),
    ("CVM in March: first from Monday 11pm to Tuesday 1am, second from noon to 12:30 on Friday. "
     "Fee 2000", (1800, 7200)),
    ("CVM in March: zone 3 down for a quarter hour, zone 4 for half an hour. Fee 2000",
     (900, 1800)),
    ("CVM 3月：广州三区断了一刻钟，广州四区断了两刻钟。月费 2000", (900, 1800)),
    ("CVM in March 2025: down 90 minutes; logs are kept for 7 days. Fee 2000", (5400,)),
])
def test_one_outage_said_twice_is_read_once_and_repeats_are_counted(
        text: str, seconds: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)
    assert sorted(q.incidents_seconds) == sorted(seconds) and not q.unclear


def test_a_start_and_an_end_in_different_time_zones_are_asked_about() -> None:
    q = read_query("CVM 3月 北京时间 23:40 开始不可用，UTC 16:10 才恢复。月费 2000", TODAY)
    assert not q.incidents_seconds and [u.text for u in q.unclear] == ["23:40"]
    assert "不同时区" in unclear_text(q, "zh")


@pytest.mark.parametrize(("text", "fee"), [
    ("一共 10 个坐席，每个坐席每月 150 元", "1500"),
    ("按用户收费，每个用户一个月 30 元，我们固定就是 50 个用户", "1500"),
    ("每个 seat 每月 200 元，一共 12 个 seat", "2400"),
    ("20 个用户，每用户每月 49.9 元", "998"),
    ("10 seats, 150 yuan per seat monthly", "1500"),
    ("we pay per user, 30 RMB/user/month, fixed at 50 users", "1500"),
    ("月费三千二能赔多少", "3200"),
    ("月费 1 万 2 千", "12000"),
    ("月费1万2千", "12000"),
])
def test_a_fee_per_seat_or_user_times_the_count_and_spoken_amounts(text: str, fee: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{text}，能赔多少？", TODAY)
    assert q.monthly_fee == Decimal(fee) and not q.unclear


def test_a_year_said_as_ten_thousand_and_two() -> None:
    q = read_query("CVM 2025年3月 挂了 90 分钟，一年交 1 万 2，能赔多少？", TODAY)
    assert q.annual_fee == Decimal(12000)


def test_the_interval_of_the_probes_is_no_outage_and_part_working_minutes_are_asked() -> None:
    q = read_query("IoT Enable, June 2026: per our 1-minute probes there were 47 minutes where every "
                   "API call AND every console action failed; another 12 minutes where the API "
                   "failed but the console partially loaded. Monthly fee ¥4,800.", TODAY)
    assert q.incidents_seconds == (2820,) and [u.text for u in q.unclear] == ["12 minutes"]


@pytest.mark.parametrize(("text", "annual", "monthly"), [
    ("不对，1.8 万是一次性付的一整年的钱，不是月费", "18000", "1500.00"),
    ("18000 is what we paid for the whole year, not per month", "18000", "1500.00"),
    ("CVM 3月挂了 90 分钟，2000 是月费", None, "2000"),
])
def test_a_fee_labelled_after_its_amount(text: str, annual: str | None, monthly: str) -> None:
    q = read_query(text, TODAY)
    assert q.annual_fee == (Decimal(annual) if annual else None)
    assert q.monthly_fee == Decimal(monthly) and not q.unclear


def test_a_range_restated_in_full_minutes_and_days_said_as_when() -> None:
    q = read_query("LLM security gateway: on Jan 14 every API request failed from 13:02 to 13:40 — "
                   "38 full minutes. On a few other days some requests failed here and there, but "
                   "never a whole minute. We pay 5k/month.", TODAY)
    assert q.incidents_seconds == (2280,) and not q.unclear
    assert [u.text for u in read_query("CVM was down for a few days in March, fee 2000",
                                       TODAY).unclear] == ["a few days"]  # a length: asked


def test_a_total_of_one_thing_and_failures_named_another_way() -> None:
    q = read_query("漏洞扫描 8/1–8/31 这个计费月度一共发起了 200 次扫描，有 3 次新建任务失败但扫描次数照扣了。"
                   "月费 1,500，赔多少？", TODAY)
    assert (q.total_requests, q.failed_requests) == (200, 3) and not q.unclear


@pytest.mark.parametrize(("text", "fee"), [
    ("4 x 600 CNY/month", "2400"),
    ("paid 12k for half a year in advance", "2000"),
])
def test_items_times_a_monthly_price_and_half_a_year_prepaid(text: str, fee: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{text}，能赔多少？", TODAY)
    assert q.monthly_fee == Decimal(fee) and not q.unclear


def test_a_daily_price_and_the_days_billed_are_no_monthly_fee_and_no_outage() -> None:
    q = read_query("CVM 2025年3月 挂了 90 分钟，按天 100 元计费，当月共计费 30 天，能赔多少？", TODAY)
    assert q.incidents_seconds == (5400,) and q.monthly_fee is None
    assert q.daily_fee == Decimal(100)


def test_a_range_from_one_weekday_to_the_next_crosses_midnight() -> None:
    q = read_query("CVM in March 2025: down Tue 20:00–Wed 01:00, then again Fri 10:00–11:00. "
                   "Fee 2000", TODAY)
    assert sorted(q.incidents_seconds) == [3600, 18000]


def test_availabilities_listed_one_per_point_are_asked_about() -> None:
    q = read_query("CVM 2025年3月：监控导出（每5分钟一个点）：可用率 0%,0%,0%,0%，下一个点恢复 100%。"
                   "月费 2000 元", TODAY)
    assert q.availability_pct is None and q.unclear
    assert unclear_text(q, "zh").count("“0%”") == 1 and "每个统计点" in unclear_text(q, "zh")


def test_a_yearly_price_beside_baonian_baoyue_and_a_notice_period() -> None:
    q = read_query("RayData Web 高级版，10月14日 23:40 到 15日 01:10 页面完全打不开。我们是包年包月 1.2w/年，"
                   "这次能赔多少？", TODAY)
    assert q.annual_fee == Decimal(12000) and q.monthly_fee == Decimal("1000.00")
    q = read_query("账号连接器 10 月：10/20 01:00–03:00 你们做系统维护，只提前 3 天发了通知，这两个小时 SSO "
                   "全部登不上。月费 800。", TODAY)
    assert q.incidents_seconds == (7200,)


def test_a_table_of_daily_availabilities_is_asked_about_not_taken_as_the_months() -> None:
    q = read_query("NLP 技术服务 9 月控制台每日可用率：\n日期 | 可用率\n9/10 | 25.0%\n9/11 | 50.0%\n"
                   "9/12 | 62.5%\n其他日期 | 100%\n都是 InternalError。9 月账单 2,680。", TODAY)
    assert q.availability_pct is None and len(q.unclear) == 4


@pytest.mark.parametrize(("text", "seconds"), [
    ("CVM 2025年3月 断了：告警持续：00:35:00 → 01:05:00。月费 2000 元", (1800,)),
    ("CVM 2025年3月 断了：嗯，就是停了三个钟头，整三个钟头。月费 2000 元", (10800,)),
    ("CVM March 2025: down 45 seconds. Just 45 seconds, but it killed our batch job. Fee 2000",
     (45,)),
    ("CVM 2025年3月 挂了 90 分钟，恢复后又观察了 2 小时才确认稳定，月费 2000", (5400,)),
    ("CVM March 2025: down 90 minutes; we kept monitoring for 2 hours after recovery. Fee 2000",
     (5400,)),
])
def test_arrow_ranges_restatements_and_watching_after_recovery(text: str,
                                                               seconds: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == seconds and not q.unclear


def test_once_paid_for_six_months_each_said_after_the_price_and_each_in_the_next_sentence(
        ) -> None:
    q = read_query("CVM 2025年3月 挂了 90 分钟，预付费，一次付了 6 个月，共 9000 元，能赔多少？", TODAY)
    assert q.monthly_fee == Decimal("1500.00") and q.incidents_seconds == (5400,)
    q = read_query("Our CVM was down 90 minutes in March 2025. 3 nodes at 700 RMB each per month.",
                   TODAY)
    assert q.monthly_fee == Decimal(700) and q.fee_each
    q = read_query("CVM 2025年3月 断了：停了两次。每次半小时。月费 2000 元", TODAY)
    assert q.incidents_seconds == (1800, 1800)


def test_minutes_the_customer_caused_are_not_counted_but_what_they_said_is_read() -> None:
    q = read_query("账号连接器 10 月：10/25 14:00:00–14:00:50 登录失败了一下；另外 10/26 我们自己把 SSO "
                   "配置改错了，20 分钟登不上。月费 800。", TODAY)
    assert q.incidents_seconds == (50,)
    assert any(u.role == "not_counted" and u.text == "20 分钟" for u in q.uses)
    q = read_query("机器翻译 6 月 9 日 01:20–02:06 接口请求全部失败，共 46 分钟；客户自己说其中有 7 分钟每分钟"
                   "只有几十次请求。月费 2,000。", TODAY)
    assert not any(u.role == "not_counted" and "7 分钟" in u.text for u in q.uses)


@pytest.mark.parametrize(("said", "seconds"), [
    ("挂了一分半，就一分半", (90,)),                        # the same length said again
    ("断了刚好100分钟，一分钟不差", (6000,)),                # "not a minute off" is no minute
    ("down exactly 100 minutes, not a minute less", (6000,)),
    ("挂了6分钟零30秒", (390,)),                           # 零 joins the parts of one length
    ("it was down a full day and a half", (129600,)),
    ("emails stuck for a full half hour", (1800,)),
    ("从半夜十二点 一直到 凌晨四点半 都是挂的", (16200,)),     # 半夜十二点 is midnight
    ("从晚上十一点四十一直挂到第二天早上六点十分", (23400,)),   # 四十, then 一直
    ("502s for 15 minutes, then 504s for another 20 minutes", (900, 1200)),  # statuses
])
def test_lengths_said_the_ways_people_say_them(said: str, seconds: tuple[int, ...]) -> None:
    q = read_query(f"CVM 2025年3月 {said}，月费 2000 元", TODAY)
    assert q.incidents_seconds == seconds and not q.unclear


@pytest.mark.parametrize("quoted", [
    "your agreement says we can claim within 60 days right",
    "per the SLA, below 99.95% but at least 99% is a 10% credit",
    "the SLA promises at least 99.9% monthly availability",
    "SLA里写的是按5分钟为一个统计粒度",
])
def test_the_agreements_own_figures_quoted_back_are_not_measurements(quoted: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{quoted}，月费 2000 元", TODAY)
    assert q.incidents_seconds == (5400,) and q.availability_pct is None and not q.unclear
    assert q.downtime_minutes is None and not q.error_windows


@pytest.mark.parametrize("text", [
    "CVM 10月断了 90 分钟，其中 30 分钟是我们自己重启导致的，月费 2000",
    "CVM in October: down 90 minutes, of which 30 minutes were planned maintenance, fee 2000",
    "数智人 10 月：有 100 个 5 分钟窗口错误率 100%，其中 15 个窗口里我们只发了 1 个请求。月费 6,000",
])
def test_a_part_of_a_figure_said_before_is_asked_never_added(text: str) -> None:
    q = read_query(text, TODAY)
    assert len(q.unclear) == 1 and q.unclear[0].note.startswith("part of what was said before")


@pytest.mark.parametrize(("text", "fee"), [
    ("DBbrain 10 月初一次性付了 10 月到次年 3 月共 6 个月，5,400 元。10/3 故障 4分40秒", "900.00"),
    ("我们1次买了 6 个月一共 5400 元，DBS 2024年11月挂了40分钟", "900.00"),
])
def test_an_amount_said_with_a_span_of_months_is_spread_over_them(text: str, fee: str) -> None:
    q = read_query(text, TODAY)
    assert (q.monthly_fee, q.fee_basis) == (Decimal(fee), "prepaid")


@pytest.mark.parametrize(("said", "fee"), [
    ("两年一共 50000 元", "2083.33"),                     # a total over years
    ("半年付了一万八", "3000.00"),                        # half a year paid
    ("two-year prepaid plan, 50,000 CNY total", "2083.33"),
    ("we paid 108,000 yuan for three years up front", "3000.00"),
    ("a quarter's prepayment of 6,000 CNY", "2000.00"),
])
def test_a_total_over_years_half_a_year_or_a_quarter_is_spread_over_its_months(
        said: str, fee: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{said}，能赔多少？", TODAY)
    assert (q.monthly_fee, q.fee_basis) == (Decimal(fee), "prepaid")


def test_the_agreements_target_is_not_the_measured_availability() -> None:
    q = read_query("CVM down 90 minutes in March 2025; the availability target in the agreement is "
                   "99.9%. Fee 2000 CNY a month.", TODAY)
    assert q.availability_pct is None and q.incidents_seconds == (5400,)
    q = read_query("TMS: the SLA dashboard shows 99.42% availability last month. ¥2,000 monthly",
                   TODAY)
    assert q.availability_pct == Decimal("99.42")  # a dashboard's reading is measured


def test_a_daily_average_beside_the_months_total_and_an_unrelated_amount() -> None:
    q = read_query("CVM 2025年3月 挂了 90 分钟，日均费用 100 元，本月 30 天合计 3000 元，能赔多少？", TODAY)
    assert q.monthly_fee == 3000 and q.incidents_seconds == (5400,)  # 30 天 is the month's
    q = read_query("Our CVM was down 90 minutes in March 2025; the domain renewal (unrelated) was "
                   "69 yuan. Fee 2000 CNY a month. Credit?", TODAY)
    assert q.monthly_fee == 2000


def test_an_amount_beside_a_span_of_months_not_said_prepaid_is_asked() -> None:
    q = read_query("我们4-6月共3个月花了 9000 元，5月断了 2 小时", TODAY)
    assert q.monthly_fee is None and [u.text for u in q.unclear] == ["花了 9000"]


def test_a_start_said_far_from_its_date_is_the_service_start() -> None:
    q = read_query("We created a TCHouse-D cluster (cdwdoris-8hs2) on Oct 12, 2026. On Oct 25 it "
                   "refused every connection for 40 minutes. October fee ¥1,600.", TODAY)
    assert q.service_start == "2026-10-12"


@pytest.mark.parametrize(("text", "incidents"), [
    ("CAR April 2026: outages Apr 7 13:00-20:10, Apr 15 1m50s. My math: 430 + 2 = 432 minutes, "
     "so below 99% → 5%, right? Fee 6,000 CNY.", (25800, 110)),
    ("10 月 20 号挂了 1 小时 15 分钟。我自己算了下 (43200 − 75)/43200 ≈ 99.83%，是不是该赔 10%？月费 4202 元",
     (4500,)),
])
def test_the_users_own_arithmetic_is_recomputed_not_read(text: str,
                                                         incidents: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == incidents and q.availability_pct is None and not q.unclear
    assert any(u.role == "own_math" for u in q.uses)


def test_a_colleagues_whole_method_is_theirs() -> None:
    """除以一天 1440 分钟 is part of the method, never a one-day outage."""
    q = read_query("同事说应该按 24 个点 × 5 分钟 = 120 分钟，除以一天 1440 分钟算，可用性只有 91.67%，要赔 25%？",
                   TODAY)
    assert not q.has_measurement and not q.unclear


def test_minutes_said_as_how_the_statistics_are_kept_are_a_unit() -> None:
    q = read_query("作业批改 10 月 5 分钟统计：10/14 20:00–22:00 这 24 个点错误率都是 100%，月费 3000", TODAY)
    assert q.error_windows == ((24, Decimal(100), 5),) and q.incidents_seconds == (7200,)


def test_a_bills_own_sum_is_money_not_the_users_arithmetic() -> None:
    q = read_query("TCCC 10 月 10/15 挂了 90 分钟。10 月实际消耗：座席 20 席 × 150 = 3,000，通话费 1,200。", TODAY)
    assert not any(u.role == "own_math" for u in q.uses) and q.monthly_fee != 1200


def test_an_availability_taken_back_is_replaced_by_the_one_after() -> None:
    q = read_query("CVM 2025年3月 可用性 99.95%？不是，是 99.59%，月费 2000 元", TODAY)
    assert q.availability_pct == Decimal("99.59") and not q.unclear


def test_a_price_per_unit_said_before_the_amount_is_never_the_monthly_fee() -> None:
    q = read_query("COS 2025年3月 断了 90 分钟，每 GB 0.8 元，本月合计 240 元", TODAY)
    assert q.monthly_fee != Decimal("0.8")


def test_how_long_a_certificate_was_expired_is_asked_not_dropped_as_a_setting() -> None:
    q = read_query("CVM 2025年3月 证书过期 40 分钟，月费 2000 元", TODAY)
    assert [u.text for u in q.unclear] == ["40 分钟"]


@pytest.mark.parametrize(("said", "incidents", "fee"), [
    ("时长（分钟）：95", (5700,), "2000"),
    ("两次中断，时长（分钟）分别为 35、50", (2100, 3000), "2000"),
    ("Downtime per incident (min): 20, 40, 60.", (1200, 2400, 3600), "2000"),
])
def test_a_forms_field_with_its_unit_in_brackets(said: str, incidents: tuple[int, ...],
                                                 fee: str) -> None:
    q = read_query(f"CVM 2025年3月 {said}，月费 2000", TODAY)
    assert q.incidents_seconds == incidents and q.monthly_fee == Decimal(fee) and not q.unclear


def test_a_fee_field_in_yuan_keeps_its_thousands() -> None:
    q = read_query("CVM 2025年3月 费用（元）：2,000，断了 1 小时", TODAY)
    assert q.monthly_fee == Decimal(2000)


@pytest.mark.parametrize(("said", "total", "failed"), [
    ("总请求 1.2 亿，失败 36 万", 120_000_000, 360_000),    # 亿 is a magnitude, the count no id
    ("请求一共1亿次，失败了5万次", 100_000_000, 50_000),
])
def test_request_counts_in_hundreds_of_millions(said: str, total: int, failed: int) -> None:
    q = read_query(f"COS 2025年3月 {said}，月费 2000", TODAY)
    assert (q.total_requests, q.failed_requests) == (total, failed) and not q.unclear


@pytest.mark.parametrize("said", ["5k/mo", "2500 bucks a month", "monthly rental 2500",
                                  "this month's spend was 2500", "fee (CNY/month): 2500"])
def test_monthly_fees_in_the_words_people_use(said: str) -> None:
    q = read_query(f"CVM March 2025 down 90 min, {said}", TODAY)
    assert q.monthly_fee == (5000 if said.startswith("5k") else 2500) and not q.unclear


def test_an_alert_paste_with_iso_times_is_one_outage_and_its_for_clause_a_setting() -> None:
    q = read_query("[FIRING:1] MeshPolicyPushFailed (severity=critical, for: 5m, repeat_interval: 4h)\n"
                   "startsAt: 2026-09-14T23:48:00+08:00\n[RESOLVED] endsAt: 2026-09-15T00:31:00+08:00"
                   "\nMesh costs us ¥2,000/month", TODAY)
    assert q.incidents_seconds == (2580,) and q.month == "2026-09" and not q.unclear


def test_lengths_said_in_hours_minutes_and_seconds_with_shi() -> None:
    q = read_query("8 月中断 3 次：45秒、1时05分20秒、2时0分9秒，月费 800", TODAY)
    assert q.incidents_seconds == (45, 3920, 7209) and not q.unclear
    q = read_query("8月3日 14时30分 到 15时10分 不可用，月费 800", TODAY)
    assert q.incidents_seconds == (2400,)  # clock times of a range stay clock times


def test_a_count_at_a_price_each_a_month_said_after_it() -> None:
    q = read_query("直播推流 8 路，每路 200 元/月。9 月断了 40 分钟", TODAY)
    assert q.monthly_fee == Decimal(1600) and not q.unclear


def test_the_months_own_charge_is_not_spread_over_a_prepaid_span() -> None:
    q = read_query("9 月这个实例实际扣费 900 元（一次交了 6 个月，9 月只算 9/10 起的），9/20 断了 1 小时",
                   TODAY)
    assert q.monthly_fee == Decimal(900)


@pytest.mark.parametrize(("text", "month", "fee", "seconds"), [
    ("一个钟零三个字，9 月，月费 800", "2026-09", "800", (4500,)),       # Cantonese: 字 = 5 minutes
    ("three days and a half down in September, fee 800", "2026-09", "800", (302400,)),
    ("September 10pm-midnight down, monthly bill: three grand", "2026-09", "3000", (7200,)),
    ("we pay 9k every quarter, paid ahead. Down 1 hour in September", "2026-09", "3000.00",
     (3600,)),
    ("三年一次性付了 36000，9 月断了 1 小时", "2026-09", "1000.00", (3600,)),
    ("the first month of last year, down 1 hour, fee 800", "2025-01", "800", (3600,)),
    ("今年的最后一个月断了 1 小时，月费 800", "2026-12", "800", (3600,)),
])
def test_spoken_lengths_fees_and_months(text: str, month: str, fee: str,
                                        seconds: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)
    assert (q.month, q.monthly_fee, q.incidents_seconds) == (month, Decimal(fee), seconds)


def test_a_units_length_said_with_an_is_not_a_count() -> None:
    q = read_query("协议里写的是按 5 分钟一个统计粒度。9 月断了 1 小时，月费 800", TODAY)
    assert q.incidents_seconds == (3600,) and q.downtime_minutes is None


def test_lengths_are_shown_back_in_hours_minutes_and_seconds() -> None:
    q = read_query("9 月断了三次：55 秒、1 分 30 秒、3 小时 2 分 10 秒，月费 800", TODAY)
    shown = reading_text(q, "zh")
    assert "55 秒、1 分 30 秒、3 小时 2 分 10 秒" in shown
    assert "3 h 2 min 10 s" in reading_text(q, "en")


def test_parts_of_a_total_each_with_its_item_and_a_line_that_cost_nothing() -> None:
    q = read_query("10 月账单一共 7,000，其中云点播 4,000、云直播 3,000。点播 10/3 大量 5xx 持续 1 小时。",
                   TODAY)
    assert q.monthly_fee == Decimal(4000) and not q.unclear
    q = read_query("9 月账单：云防火墙 3,000.00；主机安全 1,000.00；云监控 0.00；合计 4,000.00。9/7 云防火墙"
                   "全部连接失败 1 小时，主机安全一直正常。客户要求按 4,000 赔。", TODAY)
    assert q.monthly_fee == Decimal("3000.00") and not q.unclear  # 4,000 said again: the total


@pytest.mark.parametrize("text", [
    "Live streaming was at 99.5% in September; we paid ¥20,000 (including the CDN fees).",
    "9 月账单上“训练平台及相关”一共 22,000 元，里面包含 COS 和 CLB 的费用。训练平台断了 2 个半小时。",
])
def test_a_fee_that_includes_other_items_is_asked_about(text: str) -> None:
    q = read_query(text, TODAY)
    assert q.monthly_fee is None and q.unclear


@pytest.mark.parametrize("text", ["9 月月费 1,060 元（含税），断了 1 小时", "Sep bill ¥1,060 incl. VAT, down 1 h",
                                  "9 月每个月 1,060，包含了 2G 的带宽，断了 1 小时"])
def test_a_fee_with_tax_or_its_own_features_included_is_the_fee(text: str) -> None:
    assert read_query(text, TODAY).monthly_fee == Decimal(1060)


def test_days_said_to_have_no_outage_and_part_working_operations_are_not_outages() -> None:
    q = read_query("9 月后台断了 3 个小时，月费 800。（假设月底这三天不再出问题）", TODAY)
    assert q.incidents_seconds == (10800,) and not q.unclear
    q = read_query("9/3 01:00 到 02:00 所有操作都失败；9/8 09:00–15:00 控制台有部分操作能成功、部分失败。月费 800",
                   TODAY)
    assert q.incidents_seconds == (3600,) and len(q.unclear) == 1  # the part-working hours asked


def test_a_share_of_the_bill_said_for_the_failed_item_is_that_share_of_the_fee() -> None:
    q = read_query("这个域名占账单的 25%，月费 8,000，9 月断了 3 小时", TODAY)
    assert q.monthly_fee == Decimal("2000.00") and not q.unclear
    q = read_query("This domain is 40% of the bill; fee ¥5,000; down 2 hours in September", TODAY)
    assert q.monthly_fee == Decimal("2000.00")
    alone = read_query("查了，这个域名 9 月流量占 30%。", TODAY)
    assert alone.monthly_fee is None and alone.fee_share == Decimal(30)
    merged = alone.merged_over(read_query("CDN 域名 9 月断了 3 小时，月费 10,000", TODAY))
    assert merged.monthly_fee == Decimal("3000.00") and not merged.unclear


def test_more_minutes_said_with_words_between_are_minutes() -> None:
    q = read_query("Down 40 minutes on Sep 9 and 3 more full-failure minutes on Sep 10, fee 800",
                   TODAY)
    assert q.incidents_seconds == (2400, 180) and not q.unclear


def test_days_of_use_a_claimed_credit_and_a_count_times_a_price_each() -> None:
    q = read_query("9 月 12 号才开通，9/20 断了 1 小时（没有哪一分钟是零请求）。9 月服务费 1,800。我们只用了 19 天，"
                   "是不是要按 19 天算？", TODAY)
    assert q.incidents_seconds == (3600,) and not q.unclear
    q = read_query("同事说应该赔 20%，也就是 200 块。9 月断了 2 小时，月费 1,000", TODAY)
    assert q.monthly_fee == Decimal(1000)
    q = read_query("9 月断了 2 小时。费用：20 个坐席 × 150 元/坐席/月", TODAY)
    assert q.monthly_fee == Decimal(3000)


@pytest.mark.parametrize(("text", "seconds"), [
    ("我上封邮件里说停了 40 分钟，今天核对日志，其实是 45 分钟，以这个为准。9 月，月费 800", (2700,)),
    ("We first said 3 hours; after checking logs it was 3 hours 10 minutes. September, fee 800",
     (11400,)),
    ("工单：09:00-09:20 一次，11:00-11:05 又一次。9 月，月费 800", (1200, 300)),
    ("第一次停咗半个钟，第二次停咗成个钟。9 月，月费 800", (1800, 3600)),
])
def test_a_figure_said_before_and_corrected_and_clock_times_after_a_label(
        text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == seconds


def test_a_part_of_an_outage_the_customer_caused_is_taken_out_of_it() -> None:
    q = read_query("API Gateway failed on every request from 09:12 to 10:03 on Nov 3. To be "
                   "fair, the first 11 minutes of that were our own backend (a bad deploy). "
                   "Fee ¥900", TODAY)
    assert q.incidents_seconds == (2400,)  # 51 − 11 minutes, never 51 + 11
    q = read_query("11 月 3 号 09:12 到 10:03 全部失败，前 11 分钟是我们自己的后端挂了，月费 900", TODAY)
    assert q.incidents_seconds == (2400,)


def test_a_part_of_an_outage_said_with_no_cause_is_asked_about() -> None:
    q = read_query("11 月 3 号 09:12 到 10:03 全部失败，the first 11 minutes of that were slow. 月费 900",
                   TODAY)
    assert any(u.role == "unclear" and u.text.startswith("11") for u in q.uses)


def test_the_discounted_price_of_a_year_is_a_year() -> None:
    q = read_query("建站付费版，年费原价 1,980，活动打 6 折实付 1,188。2 月断了 25 分钟", TODAY)
    assert q.monthly_fee == Decimal("99.00") and q.annual_fee == Decimal(1188)
    q = read_query("Annual list price ¥12,000, we got 20% off and paid ¥9,600. Down 3 hours "
                   "in May", TODAY)
    assert q.monthly_fee == Decimal("800.00") and q.unit_price is None


def test_a_fee_billed_together_with_another_product_is_asked_about() -> None:
    q = read_query("10 月可用性 98.7%。发票上 COS 和数据万象是合在一起的，一共 5,000 块，没拆开", TODAY)
    assert q.monthly_fee is None
    assert any(u.role == "unclear" and "5000" in u.text for u in q.uses)


def test_how_long_staff_worked_around_it_is_no_outage() -> None:
    q = read_query("9 月 8 号早上 8 点到下午 5 点推送全部失败，只能人工分拣了一整天。月费 6,000", TODAY)
    assert q.incidents_seconds == (32400,)


def test_a_unit_said_with_its_length_is_no_outage() -> None:
    q = read_query("CVM 3 月挂了 90 分钟，协议里写 5 分钟为一个统计粒度，月费 2000 元", TODAY)
    assert q.incidents_seconds == (5400,)


def test_outages_of_one_length_said_with_spoken_counts() -> None:
    assert read_query("3 月断了仨回，每回 5 分钟，月费 2000", TODAY).incidents_seconds == (300,) * 3
    assert read_query("March: four short drops, 2 minutes apiece. Fee 2000", TODAY) \
        .incidents_seconds == (120,) * 4
    assert read_query("3 月两个机房各断了 35 分钟，月费 2000", TODAY).incidents_seconds == (2100,) * 2


def test_the_rest_of_a_fleet_said_fine_is_not_the_fleet() -> None:
    q = read_query("托管机位一共 20 个机位，3 月其中 1 台从 8 日 22:00 不通到 10 日 04:00，其他 19 台都正常", TODAY)
    assert q.instances == 20


def test_the_line_of_the_item_said_to_fail_by_its_id_is_the_fee() -> None:
    q = read_query("September invoice: ckafka-a1 ¥1,500, ckafka-b2 ¥2,200, ckafka-c3 ¥3,100. Only "
                   "ckafka-b2 had the outage, unreachable for 47 minutes. The other two were fine.",
                   TODAY)
    assert q.monthly_fee == Decimal(2200)


def test_the_day_a_notice_came_is_not_the_outages_month() -> None:
    q = read_query("10号那次是 5月31日 就收到了维护通知邮件；18号那次没有任何通知。", TODAY)
    assert q.month is None
    assert any(u.text == "5月31日" and u.note == "when a notice came" for u in q.uses)


def test_windows_named_by_their_minutes_and_a_status_said_as_many() -> None:
    q = read_query("CNB 9 月构建接口大量 503。客户导出的 5 分钟错误率：9/16 10:00–11:55 共 24 个 5 分钟点错误率"
                   "都是 100%；另有 6 个点错误率 0.04%；其余全部为 0。9 月费用 3,200", TODAY)
    assert (24, Decimal(100), 5) in q.error_windows and (6, Decimal("0.04"), 5) in q.error_windows
    assert not any(u.role == "unclear" for u in q.uses)  # 503: a status code


def test_a_number_said_not_to_count_is_set_aside() -> None:
    q = read_query("10 月有效号码一共发了 120,000 条，明确失败 9,000 条（另外还有 3,000 条是空号/关机的，没算进去）。"
                   "实际消耗 6,000 元", TODAY)
    assert (q.total_requests, q.failed_requests) == (120000, 9000)
    assert any(u.text == "3000" and u.role == "not_counted" for u in q.uses)


def test_outages_listed_one_by_one_are_each_read() -> None:
    q = read_query("SSO down three times in September: one blip of 59 seconds, one from "
                   "14:01:01 to 15:01:29 on the 10th, and one lasting 33 min 10 s on the 24th. "
                   "¥3,000/month", TODAY)
    assert sorted(q.incidents_seconds) == [59, 1990, 3628]


def test_a_rough_length_said_exactly_after_is_read_once() -> None:
    assert read_query("CLB 3 月挂了将近一个钟（其实是 55 分钟），月费 2000", TODAY).incidents_seconds == (3300,)
    assert read_query("VPN 3 月断了 50 多分钟，精确 53 分钟，月费 2000", TODAY).incidents_seconds == (3180,)


def test_a_discount_after_the_fee_is_applied_and_one_before_it_was_already() -> None:
    q = read_query("CVM 3 月挂了 90 分钟，每月 2000，客户有 9 折", TODAY)
    assert q.monthly_fee == Decimal("1800.00")
    q = read_query("CVM down 90 minutes in March; list ¥2,400/mo, minus our 15% partner discount",
                   TODAY)
    assert q.monthly_fee == Decimal("2040.00")
    q = read_query("CVM down 90 minutes in March; the month cost us 1,920 CNY after the 20% "
                   "discount", TODAY)
    assert q.monthly_fee == Decimal(1920)


def test_an_amount_said_not_to_be_in_this_claim_is_another_products() -> None:
    q = read_query("CVM 3 月挂了 90 分钟，另外那台 CVM 每月 300 块，不在这次申请里，月费 2000 元", TODAY)
    assert q.monthly_fee == Decimal(2000)


def test_the_part_of_a_bill_a_voucher_settled_is_left_out_of_the_fee() -> None:
    q = read_query("October: down 41 minutes. The October invoice for the platform was "
                   "¥12,000, but ¥2,000 of that was settled with a voucher.", TODAY)
    assert q.monthly_fee == Decimal(10000)


def test_minutes_at_a_partial_success_rate_are_asked_about() -> None:
    q = read_query("移动推送10月：成功率0%的有52分钟，另外有90分钟成功率在40%左右。月费 4000", TODAY)
    assert q.incidents_seconds == (3120,)
    assert any(u.text == "90分钟" and u.role == "unclear" for u in q.uses)


def test_a_month_length_and_the_allowance_quoted_from_the_agreement_are_no_outages() -> None:
    q = read_query("公网IP 10月19号 23:40 到 00:02 出方向全丢，每月45块，你们协议里写了30天可以有21.6分钟"
                   "不可用，我们这次22分钟，超了吧", TODAY)
    assert q.incidents_seconds == (1320,)
    q = read_query("3 hours down on Oct 20, fee ¥2000/mo. 180 minutes in a 30-day month is way "
                   "below 99.9%, and 99.9% of 31 days only allows ~44.6 min", TODAY)
    assert q.incidents_seconds == (10800,) and q.availability_pct is None


def test_the_users_own_total_is_redone_from_the_outages() -> None:
    q = read_query("11月：11/7 整6小时，11/15 1小时11分，另有一次45秒。客户自己按“不足1分钟按1分钟”算出来433分钟，"
                   "费用18000", TODAY)
    assert q.incidents_seconds == (21600, 4260, 45)
    assert roles(q)["433分钟"] == "own_math"
    assert read_query("我自己算出来一共断了433分钟，月费100", TODAY).downtime_minutes == 433
    assert read_query("按年买的，折算下来一天 200 块。9 月 18 号 22:30 到次日 2:00 用不了",
                      TODAY).daily_fee == 200


def test_an_amount_said_to_be_unrelated_or_fine_is_not_the_fee() -> None:
    assert read_query("10月断了20分钟。这台每月1180块，另外那台只读的560跟这次没关系", TODAY
                      ).monthly_fee == 1180
    assert read_query("NAT网关11月断了248分钟 NAT这个月账单1200 EIP带宽另算800 赔多少", TODAY
                      ).monthly_fee == 1200
    assert read_query("down 2 hours on Nov 14. I pay ¥89 a month. my Lighthouse server "
                      "(¥50/mo) was fine", TODAY).monthly_fee == 89
    assert read_query("Down 225 minutes in November. The backup plan costs us ¥860 a month (the "
                      "restore job was billed separately, ¥140).", TODAY).monthly_fee == 860
    q = read_query("Ticket 77310: in January 2026 the employee edition was down for 95 minutes; "
                   "the public edition had no issues. Employee edition is ¥3,000/month, public "
                   "edition ¥5,000/month.", TODAY)
    assert q.monthly_fee == 3000


def test_ranges_on_different_days_are_two_outages_and_one_by_its_points_is_one() -> None:
    q = read_query("11月 11/18 20:00-23:40；11/19 19:30-21:15 连不上，月费2860", TODAY)
    assert q.incidents_seconds == (13200, 6300)
    q = read_query("10月26号 22:10 到 23:30 点歌全报5xx，22:10到23:25每个5分钟点错误率都在2%以上", TODAY)
    assert q.incidents_seconds == (4800,)


def test_a_range_on_a_twelve_hour_clock_runs_past_noon_or_midnight() -> None:
    assert read_query("the whole lunch rush, basically 11:30 to 1:15", TODAY
                      ).incidents_seconds == (6300,)
    assert read_query("整个午市（十一点到一点）都断了", TODAY).incidents_seconds == (7200,)
    assert read_query("23:40 到 01:10 断了", TODAY).incidents_seconds == (5400,)


def test_what_the_user_tried_and_how_long_support_took_are_no_outages() -> None:
    for said in ("重启了 5 次都没用", "support took 3 hours to reply",
                 "I was on hold for 25 minutes with support", "排队的客人等了十几分钟"):
        q = read_query(f"CVM 3 月 14:00-15:30 断了，月费 2000 元。{said}", TODAY)
        assert q.incidents_seconds == (5400,), said
    assert read_query("another half hour on Oct 25", TODAY).incidents_seconds == (1800,)
    assert read_query("the page showed 500s the whole time, down 21:47:00 to 23:52:30", TODAY
                      ).incidents_seconds == (7530,)


@pytest.mark.parametrize("text", ["申请有 60 天期限", "申请期限是 60 天", "there's a 60-day window to claim"])
def test_the_claim_window_is_no_outage(text: str) -> None:
    query = read_query(f"9月23号 20:00 到 24号 7:30 完全连不上，月费 5,600 元。听说{text}，还来得及吗？",
                       TODAY)
    assert query.incidents_seconds == (41400,)


@pytest.mark.parametrize(("said", "left"), [
    ("8号那次是我们自己误删了配置，不算。", (1800,)),
    ("The one on the 8th was our own bad deploy, so leave that one out.", (1800,)),
    ("8号那次不算严重。", (1800, 600)),  # not serious, still counted
])
def test_an_outage_named_by_its_day_and_said_to_be_ours_is_left_out(
        said: str, left: tuple[int, ...]) -> None:
    query = read_query(f"11月3日 10:00-10:30 全部失败；11月8日 14:00-14:10 又失败。月费 900 元。{said}", TODAY)
    assert query.incidents_seconds == left


def test_when_a_package_was_bought_is_no_outage_month() -> None:
    query = read_query("这个月断了两次，6分钟和25分钟。9 月 1 号一次性买了 6 个月，付了 10,800。", TODAY)
    assert query.month == "2026-11" and query.monthly_fee == Decimal(1800)  # never September
    english = read_query("Down 40 min on Nov 9. We prepaid 12 months back in March: 36,000 CNY.",
                         TODAY)
    assert english.month == "2026-11" and english.monthly_fee == Decimal(3000)


def test_an_amount_said_to_be_unrelated_is_not_asked_about() -> None:
    query = read_query("CMQ 本月账单 3,000 元，11月12号 14:02 到 14:20 全部报错，另外我们 CVM 那边 1.2 万跟这个没关系。",
                       TODAY)
    assert query.monthly_fee == Decimal(3000) and not query.unclear


@pytest.mark.parametrize(("said", "seconds"), [
    ("服务不可用了 1 天 2 小时", (93600,)),              # not a day billed and two hours
    ("went down for 2 hours, came back for 20 minutes, then went down again for 40 minutes",
     (7200, 2400)),                                      # the 20 minutes it was back up
    ("断了 90 分钟，工单 #8812345 已经提交三天了", (5400,)),  # how long the ticket is open
])
def test_lengths_that_are_no_outage(said: str, seconds: tuple[int, ...]) -> None:
    assert read_query(f"CVM 2025年3月 {said}，月费 2000 元", TODAY).incidents_seconds == seconds


@pytest.mark.parametrize("said", ["CLB 实例每个 200 一个月，我们有 12 台", "8 instances at ¥200 each per month",
                                  "一台 2 核 4G 月付 200，一共 12 台"])
def test_a_price_each_is_read_with_the_count_it_multiplies(said: str) -> None:
    query = read_query(f"CVM 2025年3月断了 90 分钟，{said}", TODAY)
    assert query.monthly_fee == Decimal(200) and query.fee_each and query.instances in (8, 12)


def test_key_value_request_counts_are_read_whole() -> None:
    query = read_query("CVM March 2025. requests=750000 failed=1500 Fee 2000", TODAY)
    assert (query.total_requests, query.failed_requests) == (750000, 1500)


def test_the_availability_recomputed_by_the_agreements_rule_is_the_one_counted() -> None:
    query = read_query("CLS 11 月客户自己算出来可用性 98.2%，把签名错误的 403、缺参数的 400 都当成失败请求了。"
                       "我们按协议口径重算是 99.12%。费用 5,200 元。", TODAY)
    assert query.availability_pct == Decimal("99.12") and not query.unclear


def test_a_voucher_inside_the_amount_paid_after_a_list_price_and_a_discount() -> None:
    query = read_query("TSF 10 月断了 50 分钟。10 月标价 8,000，打 7 折实付 5,600，这 5,600 里还有 600 是用代金券抵的。",
                       TODAY)
    assert query.monthly_fee == Decimal(5000) and not query.unclear


def test_a_total_over_several_addresses_is_no_ones_own_fee() -> None:
    query = read_query("账号下 12 个公网 IP，11 月 3 日其中 1 个丢包 70 分钟。公网 IP 总费用 6,000 元。", TODAY)
    assert query.monthly_fee is None and query.unclear


@pytest.mark.parametrize(("said", "fee"), [
    ("订单 15,000，用了 3,000 代金券", 12000),      # the voucher paid part of the order
    ("月费 3000，另外还用了 500 代金券", 3000),     # paid besides the fee said
    ("实付 2400，用了 600 代金券", 2400),           # the amount paid is already net
])
def test_a_voucher_used_on_a_fee_said_gross_is_left_out_of_it(said: str, fee: int) -> None:
    assert read_query(f"CVM 2025年3月断了 90 分钟，{said}", TODAY).monthly_fee == Decimal(fee)


def test_a_range_cut_into_parts_counts_its_parts_and_leaves_out_the_customers_own() -> None:
    query = read_query("API 网关 11 月 6 日 70 分钟调用全失败，13:20–14:30。我们查了：13:20–13:45 是他们"
                       "我们自己的源站挂了返回 502，13:45–14:30 是网关本身全部失败。月费 1,980 元。", TODAY)
    assert query.incidents_seconds == (2700,)
    english = read_query("Edge lost the tunnel on 2026-03-09 from 09:10 to 11:25: 09:10-09:50 "
                         "the box was dead (PSU failure in our office), 09:50 to 11:25 it could "
                         "not reach your POP. 2,000 CNY/month.", TODAY)
    assert english.incidents_seconds == (5700,)


@pytest.mark.parametrize("said", ["11 月已经拿过一次 200 元的赔偿了", "we already got a ¥200 credit for it"])
def test_a_credit_already_received_is_asked_about_never_read_as_the_fee(said: str) -> None:
    query = read_query(f"COS 2026年11月断了 6 小时，{said}，月费 2000 元", TODAY)
    assert query.monthly_fee == Decimal(2000) and [u.text for u in query.unclear] != []


def test_maintenance_announced_late_is_asked_about_not_set_aside() -> None:
    query = read_query("10月17号00:00-01:30你们做了升级维护，这次维护是10月14号才发的通知；10月26号 14:00-14:15 "
                       "全部失败。10月实际消耗 12,500 元。", TODAY)
    assert [u.text for u in query.unclear] == ["00:00-01:30"] and query.incidents_seconds == (900,)
    on_time = read_query("10月17号00:00-01:30 是你们提前一周公告的升级维护；10月26号 14:00-14:15 全部失败。"
                         "10月实际消耗 12,500 元。", TODAY)
    assert not on_time.unclear


@pytest.mark.parametrize(("said", "minutes"), [
    ("我们的拨测每 5 分钟调一次，9 月 3 日连续 12 次拨测失败", 60),
    ("探测每分钟一次，连续 35 次失败", 35),
    ("Our health check pings it every minute; 42 failed checks on Sep 3", 42),
    ("The probe runs once every 5 min: 10 failed probes on Sep 3, then 4 more failed probes "
     "on Sep 9", 70),
])
def test_failed_probes_count_one_probe_interval_each(said: str, minutes: int) -> None:
    query = read_query(f"2026年9月 {said}。月费 800 元", TODAY)
    assert query.downtime_minutes == minutes and not query.unclear
    assert "×" in reading_text(query, "zh")


def test_an_alarm_setting_in_probes_is_no_failure_count() -> None:
    query = read_query("2026年9月 探测每分钟调一次，96 个一分钟采样点全部错误，告警策略是连续 3 个点失败才通知。"
                       "月费 800 元", TODAY)
    assert query.downtime_minutes == 96


def test_a_length_said_roundly_before_its_range_is_that_range() -> None:
    query = read_query("NLP died for two days: from Oct 3 08:00 to Oct 5 14:30 every request "
                       "failed. October charge ¥800.", TODAY)
    assert query.incidents_seconds == (196200,)
    two = read_query("CVM was down for two hours on Oct 2, and then from Oct 3 08:00 to Oct 3 "
                     "10:30. October fee ¥800.", TODAY)
    assert sorted(two.incidents_seconds) == [7200, 9000]


@pytest.mark.parametrize(("said", "seconds"), [
    ("Oct 31 22:30 – Nov 1 02:00: requests failing. November spend ¥4,480, November credit?",
     7200),
    ("10月31号晚上 23:40 开始连不上，一直到11月1号凌晨 01:10 才恢复。10月费用 2000 元", 1200),
])
def test_an_outage_across_a_month_end_counts_its_part_in_the_month_said_apart(
        said: str, seconds: int) -> None:
    query = read_query(said, TODAY)
    assert query.incidents_seconds == (seconds,) and not query.unclear


def test_an_outage_across_a_month_end_with_no_month_said_apart_is_asked_or_hinted() -> None:
    said = "10月31号晚上 23:40 开始连不上，一直到11月1号凌晨 01:10 才恢复。"
    assert read_query(said, TODAY).unclear  # which month's part?
    hinted = read_query(said, TODAY, month_hint="2026-11")
    assert hinted.month == "2026-11" and hinted.incidents_seconds == (4200,)


def test_a_voucher_said_to_be_inside_the_bill_is_left_out() -> None:
    query = read_query("CVM 11月12号 14:05 到 14:30 断了。11月账单 2,480 块，不过里面有 300 是代金券抵的", TODAY)
    assert query.monthly_fee == Decimal(2180) and not query.unclear


@pytest.mark.parametrize(("said", "low", "high"), [
    ("10 月 9 日有 30 分钟失败率 0.008%，别的时间 0", "0.008", "0.008"),
    ("10 月 9 日失败率 2% 持续了 30 分钟", "2", "2"),
    ("另外还有大概 30 分钟错误率在 2%–4% 之间晃", "2", "4"),
])
def test_a_length_at_an_error_rate_waits_for_the_slas_threshold(said: str, low: str,
                                                                 high: str) -> None:
    query = read_query(f"音频内容安全 2026年10月 {said}。10 月 7,700 元", TODAY)
    assert query.rated_ranges == ((1800, Decimal(low), Decimal(high)),)
    counted = query.rated_counted(Decimal("0.01"))
    assert counted is not None and counted.incidents_seconds == (
        () if Decimal(low) <= Decimal("0.01") else (1800,))


def test_a_length_of_minutes_over_a_bound_is_counted_not_rated() -> None:
    query = read_query("云开发 2026年11 月：错误率超过 5% 的一共 38 分钟。月费 260", TODAY)
    assert query.downtime_minutes == 38 and not query.rated_ranges


def test_one_feature_failing_while_the_others_worked_is_asked_about() -> None:
    query = read_query("微卡 2026年2月 2/20 只是电子卡发卡接口报错了一个小时，别的功能都正常。月费 1500", TODAY)
    assert query.unclear and not query.incidents_seconds


def test_a_loss_rate_said_in_the_next_clause_rates_the_range() -> None:
    query = read_query("NAT 网关 10/12 20:00–22:00 丢包严重，监控上丢包率在 30%~100% 之间波动。月费 1,200", TODAY)
    assert query.rated_ranges == ((7200, Decimal(30), Decimal(100)),)


def test_some_day_before_an_outage_is_when_not_how_long() -> None:
    query = read_query("推荐服务有一天一直拿不到结果，从早上 8 点到晚上 8 点", TODAY)
    assert query.incidents_seconds == (43200,) and not query.unclear


@pytest.mark.parametrize(("said", "fee"), [
    ("20 个席位 × 79 元/月 = 1,580", 1580),
    ("3 台 x 400 = 1200 元", 1200),
    ("20 个席位 × 79 元/月 = 1,600", None),   # does not add up: asked
])
def test_a_count_times_a_price_equal_to_its_total_is_the_fee(said: str, fee: int | None) -> None:
    query = read_query(f"代码助手 2026年10月 12 日 13:40 到 15:00 全部失败。{said}。", TODAY)
    if fee is None:
        assert query.unclear
    else:
        assert query.monthly_fee == Decimal(fee) and not query.unclear


def test_windows_with_a_mix_of_failures_and_successes_are_not_counted_as_down() -> None:
    query = read_query("Oceanus October 2026: 3-minute windows. 23 windows where every connect "
                       "failed, and 9 windows with a mix of failures and successes. Bill ¥19,200.",
                       TODAY)
    assert query.downtime_minutes == 69 and query.partly_working and query.unclear


def test_a_coupon_inside_the_bill_is_left_out_of_the_fee() -> None:
    query = read_query("CVM October 2026 down 90 minutes. October bill was ¥23.4k, of which ¥4.2k "
                       "was covered by a coupon.", TODAY)
    assert query.monthly_fee == Decimal(19200)


@pytest.mark.parametrize(("said", "seconds"), [
    ("不可用开始 02:10:00+08:00，结束 03:25:00+08:00", (4500,)),       # one offset: the length stands
    ("down 10:00+08:00 to 10:35+08:00, then again 06:00Z to 06:20Z", (2100, 1200)),
    ("宕了十分钟不到，9 分 40 秒", (580,)),                               # rough, then exact
    ("挂掉 20 分零 30 秒", (1230,)),
])
def test_offsets_rough_then_exact_and_zero_between_units(said: str,
                                                         seconds: tuple[int, ...]) -> None:
    query = read_query(f"CVM 2026年3月{said}，月费 2000", TODAY)
    assert sorted(query.incidents_seconds) == sorted(seconds) and not query.unclear


@pytest.mark.parametrize("said", ["start 01:00:00+08:00, end 17:50:00Z",
                                  "从 18:00:00 (UTC+8) 到 10:40:00 (UTC)"])
def test_a_start_and_an_end_on_two_clocks_are_asked_about(said: str) -> None:
    query = read_query(f"CVM 2026年3月 {said}，月费 2000", TODAY)
    assert query.unclear and not query.incidents_seconds


@pytest.mark.parametrize("said", ["客服电话打了 3 次都没人接", "we called support 3 times, nobody answered"])
def test_calls_to_support_are_no_count_of_outages(said: str) -> None:
    assert read_query(f"CVM 2026年3月 挂了 90 分钟，{said}，月费 2000 元", TODAY).incidents_seconds == (5400,)


def test_a_total_of_units_then_its_parts_is_counted_once() -> None:
    query = read_query("RUM 2026年10 月：出现过失败的分钟一共 412 个，其中 268 个分钟里全部失败，剩下 144 个分钟每分钟"
                       "只有 1~4 次失败。10 月费用 960 元。", TODAY)
    assert query.downtime_minutes == 268 and query.unclear  # the 144 partly failing: asked


def test_a_fault_of_the_customers_own_said_not_to_be_it_is_no_exclusion() -> None:
    query = read_query("Chaos platform, October 2026: it returned 5xx for 14 min 30 s on Oct 14 "
                       "(nothing to do with our own fault-injection experiments). We paid ¥2,400.",
                       TODAY)
    assert query.incidents_seconds == (870,)


@pytest.mark.parametrize("said", ["今天已经 11 月 29 号了，9 月的还来得及提吗？", "(today is Nov 29) Still in time?"])
def test_todays_date_said_is_no_other_month(said: str) -> None:
    query = read_query(f"CVM 2026年9月断了 90 分钟，月费 2000。{said}", TODAY)
    assert query.month == "2026-09" and not query.unclear


def test_a_row_that_recovered_at_its_end_but_failed_is_an_outage() -> None:
    query = read_query("CLB 2026年10月导出：\n10-03 09:10 → 09:40 恢复   全部失败\n"
                       "10-08 20:00 → 20:05   正常\n月费 3000", TODAY)
    assert query.incidents_seconds == (1800,)  # the 正常 row stays a row that worked


@pytest.mark.parametrize("total, asked", [("合计不可用：95 分钟", True), ("合计不可用：45 分钟", False)])
def test_a_total_beside_clock_ranges_must_add_up_or_is_asked(total: str, asked: bool) -> None:
    query = read_query(f"CDN 2026年10月：10-03 09:10 到 09:40 中断，10-09 14:00 到 14:15 中断。{total}。"
                       "月费 3000", TODAY)
    assert query.incidents_seconds == (1800, 900)
    assert bool(query.unclear) is asked and query.downtime_minutes is None


@pytest.mark.parametrize("said", ["我们自己加起来 52 分钟", "my colleague added it up as 52 minutes"])
def test_the_users_own_sum_after_an_aside_is_no_further_outage(said: str) -> None:
    query = read_query(f"TDSQL 2026年10月断了 3 次：10 分钟、15 分钟、12 分钟，另外 10/20 有个提前通知的维护。"
                       f"{said}。月费 2000", TODAY)
    assert query.incidents_seconds == (600, 900, 720) and query.unclear


def test_a_share_of_another_amount_worked_out_is_no_fee() -> None:
    query = read_query("Only one of our 4 Redis nodes failed in October, 40 minutes. The "
                       "customer wants 15% of the whole bill (¥8,000 for all four) = ¥1,200. "
                       "That node's own fee is ¥2,000.", TODAY)
    assert query.monthly_fee == 2000
    assert any(u.role == "claimed" and "1200" in u.text for u in query.uses)


@pytest.mark.parametrize("label, fee", [("log storage & support add-on", 3300),
                                        ("an add-on for managed log storage and support", None)])
def test_amounts_added_together_for_one_charge_are_its_fee_or_asked(label: str,
                                                                    fee: int | None) -> None:
    query = read_query("Cloud Firewall cluster down Oct 3 from 08:00 to 09:30. October charges: "
                       f"base ¥2,500 + {label} ¥800. Credit?", TODAY)
    assert query.monthly_fee == fee and bool(query.unclear) is (fee is None)


def test_minutes_in_which_no_request_was_sent_are_asked_about() -> None:
    query = read_query("11 月 12 号 14:00 到 14:20 我们把流量切走了，一个请求都没往平台发。费用 3000", TODAY)
    assert query.incidents_seconds == () and query.unclear


@pytest.mark.parametrize("said", ["大概 20 来分钟，也可能有半小时", "about 20 minutes, or maybe 30 minutes"])
def test_two_lengths_said_as_alternatives_of_one_outage_are_asked(said: str) -> None:
    query = read_query(f"KeeWiDB 2026年10月27号晚上连不上，{said}。月费 5,200", TODAY)
    assert query.unclear and sum(query.incidents_seconds) < 1800  # never 20 + 30 minutes


@pytest.mark.parametrize("said", [
    "我们 10 月整个腾讯云账单 8.6 万，CLS 只是其中一部分，具体没拆",
    "our whole Tencent Cloud bill was ¥86,000; CLS was only part of it"])
def test_a_whole_account_bill_the_product_is_part_of_is_not_its_fee(said: str) -> None:
    query = read_query(f"CLS 2026年10月可用性 98.97%。{said}。", TODAY)
    assert query.monthly_fee is None and query.unclear


def test_a_bill_for_several_queues_is_no_fee_of_the_one_that_failed() -> None:
    query = read_query("CMQ 10/08 有个队列故障了 42 分钟。10 月 CMQ 总账单 3,100 元，一共 14 个队列在用。", TODAY)
    assert query.monthly_fee is None and query.unclear


@pytest.mark.parametrize("invoice, fee", [
    ("Invoice: Net 4,716.98 / VAT 6% 283.02 / Total 5,000.00.", 5000),
    ("发票：不含税金额 4716.98，税额 283.02，价税合计 5000.00。", 5000),
    ("Net 4,000 / VAT 240 / Total 4,300.", None)])  # lines that do not add up: asked
def test_an_invoice_said_as_its_lines_is_paid_in_total(invoice: str, fee: int | None) -> None:
    query = read_query(f"CVM 2026年9月断了 90 分钟。{invoice}能赔多少？", TODAY)
    assert query.monthly_fee == fee and bool(query.unclear) is (fee is None)


@pytest.mark.parametrize("day", ["30 Sep", "Wed 30 Sep"])
def test_an_outage_from_a_day_before_the_months_name_into_the_next_month(day: str) -> None:
    query = read_query(f"CLB was down from 23:10 on {day} until 01:40 on 1 Oct. Fee 2000. "
                       "September credit?", TODAY)
    assert query.month.endswith("-09") and query.incidents_seconds == (3000,)  # Sep's 50 min
    assert not query.unclear


def test_a_years_price_paid_ahead_with_its_months_named_is_divided_not_set_aside() -> None:
    query = read_query("MongoDB 10 月断了 40 分钟。我们是年付的，24,000 一次性买了一年（2026 年 3 月到 "
                       "2027 年 2 月）。10 月能赔多少？", TODAY)
    assert query.month == "2026-10" and query.monthly_fee == 2000 and query.incidents_seconds


def test_the_cash_paid_when_it_is_the_fee_less_a_voucher_said_beside() -> None:
    query = read_query("CLB 10 月 10/14 从 15:20 到 16:07 完全打不开。月费 ¥5,000，我们付了 ¥4,000 现金，"
                       "另外 ¥1,000 是优惠券。", TODAY)
    assert query.monthly_fee == 4000 and not query.unclear


@pytest.mark.parametrize("said", ["Oct 27, 25 min — that one was us, we pushed a wrong config",
                                  "10/27 又断了 25 分钟，那次是我们自己的问题"])
def test_an_outage_the_customer_owns_is_not_counted(said: str) -> None:
    query = read_query(f"VPN gateway October: Oct 8 11:20–12:02 down. {said}. Fee 1,000 CNY.", TODAY)
    assert query.incidents_seconds == (2520,)


@pytest.mark.parametrize(("bill", "fee"), [
    ("买的是 3 个月套餐 1,350 元（9–11 月）", 450),  # a plan of several months: divided by them
    ("we're on a 3-month plan, ¥1,350", 450),
    ("380 CNY for Sep 1–15, then we upgraded and paid 720 CNY for the rest of the month", 1100),
    ("前半月 380 元，16 号起升级后 720 元", 1100)])  # a month billed in parts: their sum
def test_a_plan_over_months_is_divided_and_a_month_in_parts_added(bill: str, fee: int) -> None:
    query = read_query(f"TDSQL 2026年9月 18 号 10:20 到 10:29 连不上。{bill}。能赔多少？", TODAY)
    assert query.monthly_fee == fee and not query.unclear


def test_several_instances_down_each_as_long_are_each_counted() -> None:
    query = read_query("ECM 10 台实例，10月18号其中 3 台完全不通，每台都断了 4 个小时；10/25 有一台断了 4 分钟。"
                       "10 台一共 ¥8,000。", TODAY)
    assert query.instance_minutes == (240, 240, 240, 4) and query.monthly_fee == 8000
    assert not query.fee_each  # the sum over the ten, not each one's


@pytest.mark.parametrize("arrow", [" to ", " → "])
def test_a_bulleted_list_of_iso_ranges_is_read_one_outage_per_line(arrow: str) -> None:
    query = read_query("WAF timeline:\n"
                       f"- 2026-10-05T20:14:00+08:00{arrow}2026-10-05T20:51:30+08:00\n"
                       f"- 2026-10-06T01:02:10+08:00{arrow}2026-10-06T01:02:55+08:00\n"
                       "Fee ¥3,000.", TODAY)
    assert query.incidents_seconds == (2250, 45)


@pytest.mark.parametrize("bill", [
    "¥3,880, of which we paid ¥3,380 and a ¥500 coupon covered the rest",
    "¥3,880, but ¥500 of that is covered by a coupon"])
def test_the_part_a_coupon_covered_is_left_out_of_the_fee(bill: str) -> None:
    query = read_query(f"WAF was down on 2026-10-05 from 20:14 to 20:51. October charge: {bill}.",
                       TODAY)
    assert query.monthly_fee == 3380 and not query.unclear


@pytest.mark.parametrize("said", ["挂在10.0.3.17那台网关后面", "版本2.3.1升级后", "EIP 129.226.x.x."])
def test_an_ip_address_or_a_version_after_a_chinese_word_is_no_figure(said: str) -> None:
    query = read_query(f"{said}，10月断了30分钟，月费900", TODAY)
    assert query.incidents_seconds == (1800,) and query.monthly_fee == 900 and not query.unclear


@pytest.mark.parametrize("said", ["the server return 500 for all request",
                                  "every call got 502 Bad Gateway", "接口全部报 500/503"])
def test_a_status_code_is_no_figure(said: str) -> None:
    query = read_query(f"October: {said}, 37 min on Oct 6. Fee ¥9,996 a month.", TODAY)
    assert query.incidents_seconds == (2220,) and query.monthly_fee == 9996 and not query.unclear


@pytest.mark.parametrize(("bill", "fee"), [
    ("10月份发票金额3,180元（含6%增值税，不含税3,000元）", 3180),
    ("月费不含税 2,000 元，含税 2,120 元", 2120)])
def test_a_charge_with_tax_and_without_is_the_amount_with_tax(bill: str, fee: int) -> None:
    query = read_query(f"堡垒机 10月14日09:15至10:05 连不上。{bill}。", TODAY)
    assert query.monthly_fee == fee and not query.unclear
    assert "不含税" in (query.fee_note or "")


def test_amounts_with_tax_and_without_that_are_no_pair_are_asked() -> None:
    query = read_query("堡垒机 10月14日09:15至10:05 连不上。月费不含税 2,000 元，含税 3,120 元。", TODAY)
    assert query.monthly_fee is None and len(query.unclear) == 2


@pytest.mark.parametrize(("said", "start"), [
    ("我10月20号买了个集群，一次性付了3个月9,000", "--10-20"),
    ("Sorry, I mixed it up — the start date is Oct 16, not Oct 15.", "--10-16")])
def test_the_day_a_service_was_bought_starts_its_first_month(said: str, start: str) -> None:
    query = read_query(f"{said} 10月份断了42分钟。", TODAY)
    assert query.service_start == start


def test_a_prepaid_total_with_its_months_listed_is_divided_and_the_outage_month_kept() -> None:
    query = read_query("人脸融合我们9月初一次性交了3个月（9、10、11月）的钱，一共7,500。10月份断了 150 分钟。",
                       TODAY)
    assert query.month == "2026-10" and query.monthly_fee == 2500 and not query.unclear


def test_a_rate_over_the_outage_window_is_not_the_months_availability() -> None:
    query = read_query("云联络中心 10 月 14 号 14:00–16:00 外呼大面积失败，这两个小时的整体通话成功率我们算下来是 98.7%。"
                       "10 月消费 9,800。", TODAY)
    assert query.availability_pct is None
    assert any(u.text == "98.7%" for u in query.unclear)


def test_minutes_with_zero_requests_are_asked_about() -> None:
    query = read_query("TTS gave InternalError on Oct 11 from 01:00 to 03:00, but logs show only "
                       "20 minutes in that window had any request, other minutes had zero "
                       "request. We pay 880 RMB a month.", TODAY)
    assert query.unclear


@pytest.mark.parametrize(("said", "end"), [
    ("重保服务订单服务期 2026-09-28 至 2026-10-11，实付 8 万。", "2026-10-11"),
    ("Service closed 2026-11-20.", "2026-11-20"),
    ("The engagement closed on Oct 20.", "--10-20"),
    ("整个服务11月20号已经结束了。", "--11-20")])
def test_the_last_day_of_an_engagement_is_read(said: str, end: str) -> None:
    query = read_query(f"{said} 10月2日 02:13 告警，03:08 才响应。", TODAY)
    assert query.service_end == end


def test_an_outage_over_days_is_no_service_period() -> None:
    query = read_query("服务从10月3号到10月5号中断了，月费900", TODAY)
    assert query.service_end is None


def test_a_range_to_a_time_the_next_day_is_the_length_said_with_it() -> None:
    query = read_query("Oct 14: a 20-hour outage (from 06:00 to 02:00 the next day), no "
                       "connection succeeded. 月费 3,600。", TODAY)
    assert query.incidents_seconds == (72000,) and not query.unclear  # 06:00 to 02:00: 20 hours


@pytest.mark.parametrize("said", [
    "这个月从10号早上8点到11号晚上12点，整整40个小时全部报错。"])
def test_a_length_said_as_a_ranges_own_is_never_added_to_it(said: str) -> None:
    """When the range is read as another length than the one said with it, it is asked
    about; the two are never summed."""
    query = read_query(f"{said} 月费 3,600。", TODAY)
    assert len(query.incidents_seconds) <= 1 and query.unclear


def test_a_length_after_a_range_and_its_own_length_is_another_outage() -> None:
    query = read_query("10月27号13:00到16:00整整3个小时用不了，29号还有4分半打不开。10月实付2,000。", TODAY)
    assert query.incidents_seconds == (10800, 270) and not query.unclear


def test_a_fee_labelled_monthly_beside_an_annual_subscription_is_monthly() -> None:
    query = read_query("Their annual subscription started Mar 1, 2026. On Oct 20 nobody could join "
                       "from 09:00 to 11:30. Their monthly service fee is ¥2,000.", TODAY)
    assert query.monthly_fee == 2000 and query.fee_basis == "monthly"


def test_an_outage_said_for_a_share_of_users_is_asked() -> None:
    query = read_query("文档 SDK 11月：4号有35分钟大约70%的用户打不开任何文档；20号有8分钟所有人都打不开。每月4,000。",
                       TODAY)
    assert any(u.text == "35分钟" for u in query.unclear) and query.incidents_seconds == (480,)


def test_a_units_length_in_brackets_after_its_name_counts_the_units() -> None:
    query = read_query("后台显示10月共有18个统计粒度（5分钟一个）错误率超过5%，其余时间正常。10月付了1,200元。",
                       TODAY)
    assert query.downtime_minutes == 90 and not query.unclear


def test_minutes_that_failed_unevenly_are_asked() -> None:
    query = read_query("RUM 11月有一段大概 90 分钟上报接口一直在报错，有的分钟失败很多，有的就一两次。11月费用1,500。",
                       TODAY)
    assert query.unclear and not query.incidents_seconds


def test_a_count_of_minutes_inside_an_outage_is_never_set_aside_as_a_count() -> None:
    """``in 20 of those minutes we sent fewer than 100 requests``: minutes, so not a count of
    things the model may set aside; it is read or asked about."""
    q = read_query("Translation failed from 01:05 to 02:20 on April 14. In 20 of those minutes "
                   "we sent fewer than 100 requests. April bill: ¥1,200.", TODAY)
    assert all(u.role != "count" for u in q.uses if u.text == "20")


@pytest.mark.parametrize(("text", "seconds"), [
    ("CVM 10月挂了2次：45分钟，45分钟，月费 2000", (2700, 2700)),           # two outages listed
    ("CVM outages: 1h, 1h, 30m. Fee 2000/month, October", (3600, 3600, 1800)),
])
def test_equal_lengths_in_a_list_are_each_an_outage(text: str, seconds: tuple[int, ...]) -> None:
    assert read_query(text, TODAY).incidents_seconds == seconds


def test_a_fee_said_as_a_label_is_the_fee() -> None:
    q = read_query("TDMQ MQTT down 40 min in July. Cash paid for July: 2,500. credit?", TODAY)
    assert q.monthly_fee == Decimal(2500) and not q.unclear


def test_a_contract_total_is_asked_about_never_taken_as_a_months_fee() -> None:
    """合同总价 may be a year's, the whole term's or paid in instalments: asked, not guessed."""
    q = read_query("四力Plus增长平台去年6月开通的，买了一年，合同总价3.6万。今年2月挂了30小时。能赔多少", TODAY)
    assert q.monthly_fee is None and q.unclear


@pytest.mark.parametrize("text", [
    "GooseFSx 3 compute clusters, ~1.2 PB. down 25 min on Nov 15. November charge ¥2,280",
    "账号连接器10月断了12分钟，3个租户2万多账号，10月账单4800",
    "乐享企业版，1200来号人在用，月费7000。11月挂了90分钟",
    "接了260路GB28181摄像头，10月挂了40分钟，月费1040",
])
def test_sizes_and_counts_of_people_accounts_or_channels_are_no_inputs(text: str) -> None:
    q = read_query(text, TODAY)
    assert not q.unclear and len(q.incidents_seconds) == 1 and q.monthly_fee is not None


def test_a_users_own_sum_that_the_rule_would_not_give_is_theirs_not_another_total() -> None:
    """The SLA rounds each outage up: their sum of the lengths listed is their arithmetic,
    redone by the rule, never a reason to ask."""
    q = read_query("KeeWiDB 这个月断了四次：8分10秒、6分01秒、5分30秒，还有一次 50 秒。实例费用 3,300/月。"
                   "我算了下加起来才 19 分多钟，是不是够不上赔偿？", TODAY)
    assert q.incidents_seconds == (490, 361, 330, 50) and not q.unclear
    assert any(u.role == "own_math" for u in q.uses)
    listed = read_query("CVM 10月断了3次：10分钟、20分钟、5分钟，一共40分钟，月费1000", TODAY)
    assert listed.unclear  # a total that disagrees, said as a fact: asked


def test_a_day_before_a_count_of_outages_is_a_date() -> None:
    q = read_query("CVM 本月 18号挂了8小时；26号一次50秒，月费 1000", TODAY)
    assert q.incidents_seconds == (28800, 50) and not q.unclear


def test_a_service_spun_up_mid_month_starts_its_first_month_that_day() -> None:
    q = read_query("We only spun up our GooseFSx instance on Nov 12. It refused every connection "
                   "for 25 min on Nov 15. November's charge is ¥2,280.", TODAY)
    assert q.service_start is not None and q.service_start.endswith("11-12")


def test_a_contract_total_with_no_term_is_no_months_fee() -> None:
    q = read_query("AI临床助手SaaS版，合同总价36万，分期付款。9月份有8个小时接口和控制台都不可用。能赔多少？", TODAY)
    assert q.monthly_fee is None


def test_a_fault_the_customer_injected_is_their_own() -> None:
    q = read_query("混沌演练平台10月：10/05 14:02:10到14:49:20 全返回5xx；10/24 他们自己注入了一个网络丢包故障，"
                   "业务挂了2小时。月费现金2,000。", TODAY)
    assert 7200 not in q.incidents_seconds


def test_statistical_points_listed_by_their_times_are_asked_never_dropped_as_dates() -> None:
    q = read_query("EdgeOne 本月 5 分钟错误率异常点（>0.1% 的都列了）：\n11/08 09:15、09:20\n11/08 20:00、20:05、"
                   "20:10、20:15\n11/21 03:00–03:35（连续 8 个点）\n该站点本月费用 3,500 元。", TODAY)
    asked = [u.text for u in q.unclear]
    assert "09:15" in asked and "20:15" in asked


def test_a_partial_outage_said_in_its_own_clause_leaves_the_others_in_the_sentence_whole() -> None:
    q = read_query("IoT Explorer: last month our devices couldn't report anything three times: "
                   "Oct 3 04:10–04:28, Oct 17 22:51–23:18, and Oct 25 there was a 40-min stretch "
                   "where roughly half the messages still got through. We paid 1,250.", TODAY)
    assert 1080 in q.incidents_seconds and 1620 in q.incidents_seconds
    assert [u.text for u in q.unclear if "part" in u.note] == ["40 min"]


@pytest.mark.parametrize(("said", "fits"), [
    ("合计也就四十多分钟", True),          # 40 多: 40–50 minutes, the outages' 44 min in it
    ("加起来大概 45 分钟", True),          # about: within 10 %
    ("合计也就三十多分钟", False),          # 30–40: not the 44 listed
])
def test_a_rough_total_beside_the_outages_it_rounds_is_read_once(said: str, fits: bool) -> None:
    q = read_query(f"RCE 10月两次故障：10月12日 09:14:20～09:36:30，10月20日 23:40:10 一直到21日 00:02:15。"
                   f"账单 23,600 元。{said}，能赔多少？", TODAY)
    assert q.incidents_seconds == (1330, 1325)
    assert bool(q.unclear) is not fits


@pytest.mark.parametrize(("text", "fee"), [
    ("CLS 上个月断了 50 分钟。我们每月现金付 9000。", "9000"),
    ("GME 9月断了 50 分钟，每个月固定 1.2万 左右（现金付的，没用券）。", "12000"),
    ("EMR 10月断了 2 小时，产品费 22,000（不含底层资源，底层资源另外 6 万）。", "22000"),
    ("CVM 10月断了 2 小时，这个月花了大概两千，账单上是 1,987.30。", "1987.30"),
    ("ARC Sept down 45 min. Each instance lists at ¥4,500/month; we knocked ¥1,000 off with a "
     "voucher and paid the rest in cash.", "3500.00"),
])
def test_a_fee_said_with_a_few_words_between_is_read(text: str, fee: str) -> None:
    assert read_query(text, TODAY).monthly_fee == Decimal(fee)


@pytest.mark.parametrize(("text", "total", "failed"), [
    ("CVM 3月 一共 2.5 亿次请求，5xx 有 50 万次", 250_000_000, 500_000),
    ("CVM 3月 一共九千万次请求，返回 5xx 的有 18 万", 90_000_000, 180_000),
    ("CVM in March: 1.2M requests, of which 24k returned 5xx.", 1_200_000, 24_000),
    ("CVM in March: 4.5M API calls, 90k 5xx responses.", 4_500_000, 90_000),
    ("CVM 3月 十万次请求里有两千次失败", 100_000, 2_000),
    ("CVM 3月 总共 7 万次请求，报错 700 次，不对，是 770 次", 70_000, 770),
])
def test_requests_and_5xx_failures_are_read(text: str, total: int, failed: int) -> None:
    q = read_query(text, TODAY)
    assert (q.total_requests, q.failed_requests) == (total, failed)


@pytest.mark.parametrize(("text", "month"), [
    ("CVM 8月份，不对，是9月份 挂了 90 分钟", "2026-09"),
    ("CVM 2026年10月，不是9月 挂了 90 分钟", "2026-10"),      # 不是 keeps what was said first
    ("CVM 上个月，哦不对，是上上个月 挂了 90 分钟", "2026-09"),
    ("CVM 上上上个月 挂了 90 分钟", "2026-08"),
    ("Our CVM was down 90 minutes in June, sorry, July", "2026-07"),
])
def test_a_month_taken_back_gives_way_to_the_one_that_stands(text: str, month: str) -> None:
    assert read_query(text, TODAY).month == month


@pytest.mark.parametrize(("text", "seconds"), [
    ("CVM 3月 挂了 四十五分钟，我记错了，是五十五分钟", (3300,)),
    ("CVM down for an hour, well, 70 minutes to be exact, in March", (4200,)),
    ("CVM in March: combined downtime was 300 minutes, I mean 310.", (18600,)),
    ("CVM in March: the first outage lasted 22 minutes and the second 38.", (1320, 2280)),
    ("CVM 3月 第一次 22 分钟，第二次 38，月费 3000", (1320, 2280)),
    ("CVM in March: down for 40 min early in the month and again for 80 min later.", (2400, 4800)),
    ("CVM in March: an hour-long outage followed a week later by a 20-minute one.", (3600, 1200)),
    ("CVM 3月 中断约 95 分钟（一开始说 100 分钟，后来查日志是 95）", (5700,)),
])
def test_lengths_corrected_restated_or_said_by_order_are_read_once(
        text: str, seconds: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == seconds and not q.unclear


@pytest.mark.parametrize("aside", [
    "errors were 503s",
    "the SLA threshold is 99.9%",
    "within 60 days of the end of the month, per the SLA",
    "cache hit ratio dropped to 40%",
    "the game has ~1.2M DAU",
])
def test_figures_beside_an_outage_that_are_not_inputs_change_nothing(aside: str) -> None:
    q = read_query(f"Our CVM was down 90 minutes in March 2025 ({aside}). Fee 2000 CNY a month.",
                   TODAY)
    assert q.incidents_seconds == (5400,) and q.availability_pct is None and not q.unclear


def test_unavailability_in_minutes_is_no_availability() -> None:
    q = read_query("Our CVM in March 2025: cumulative unavailability: 87 minutes. Fee 2000 CNY.",
                   TODAY)
    assert q.availability_pct is None
    assert q.downtime_minutes == 87 or q.incidents_seconds == (5220,)


def test_a_status_page_timeline_runs_from_its_first_entry_to_resolved() -> None:
    q = read_query("SOE incident on Oct 20, from your status page:\n14:02 Investigating - "
                   "errors for all requests\n14:35 Identified - upstream issue\n15:20 Monitoring - "
                   "fix deployed\n15:47 Resolved\nOur October bill for it is ¥6,840.", TODAY)
    assert q.incidents_seconds == (6300,)


def test_a_hedged_fall_to_a_rate_is_the_availability_asked_about() -> None:
    assert read_query("if OCR drops to like 98%, how much do i get back?", TODAY) \
        .availability_pct == Decimal("98")


def test_all_requests_returning_a_status_fail_the_windows_said() -> None:
    q = read_query("EMR 10 月份按 5 分钟统计单位看，API 有 30 个单位是所有请求都返回 500。", TODAY)
    assert q.error_windows == ((30, Decimal(100), 5),)


def test_another_products_amount_said_to_the_reader_is_set_apart() -> None:
    text = ("Threat intel lookups failed 2026-10-03 14:05 to 16:20. Prepaid pack of ¥50,000 but only "
            "¥8,400 was actually consumed in October; they also spend roughly ¥30k/month on CVM.")
    assert read_query(text, TODAY).monthly_fee is None  # three amounts: asked
    assert read_query(text, TODAY, others=frozenset({Decimal(30000)})).monthly_fee == Decimal(8400)


def test_vum_used_while_down_is_what_the_credit_multiplies_never_asked() -> None:
    q = read_query("服务性能测试 8 月份发不起压测任务：一次 2小时13分10秒，一次 14小时58分。后两段时间里我们的压测"
                   "任务一共消耗了 36,000 VUM。这个怎么赔？", TODAY)
    assert roles(q)["36000"] == "vum" and not q.unclear


@pytest.mark.parametrize(("text", "fee"), [
    ("WAF 10月断了 2 小时。WAF企业版10月账单4380，其中500是代金券抵扣，实付3880。", "3880"),  # adds up
    ("CVM 10月断了 2 小时。我们是专业版套餐 299/月，当月超额按量又扣了 121。", "420"),  # plan + overage
    ("CVM 10月断了 2 小时。账单 9000，其中 2000 是用代今券抵的。", "7000"),  # a typo of 代金券
])
def test_a_month_charged_in_lines_is_read_as_its_whole(text: str, fee: str) -> None:
    assert read_query(text, TODAY).monthly_fee == Decimal(fee)


@pytest.mark.parametrize("text", [
    "Started Nov 16. Nov 20 09:00 to 14:00 every login failed. ¥600. Since we've only had it 15 "
    "days I make it 300/21,600 → 98.61%, so 20%?",
    "Activated Oct 20; Oct 25 13:00 to 17:00 all requests failed. Customer insists that since "
    "they only had the service for 12 days, availability is 1 − 240/(12×1440) ≈ 98.6%.",
])
def test_days_the_service_was_had_are_no_outage(text: str) -> None:
    q = read_query(text, TODAY)
    assert len(q.incidents_seconds) == 1 and q.incidents_seconds[0] in (14400, 18000)


def test_a_sign_up_date_said_after_a_long_product_name_starts_the_service() -> None:
    q = read_query("We signed up for Image Processing (smart crop + image quality assessment) on "
                   "Nov 5, 2026. On Nov 12 every request failed from 09:00 to 12:00.", TODAY)
    assert q.service_start is not None and q.service_start.endswith("11-05")


def test_outages_said_not_to_be_the_customers_doing_count() -> None:
    q = read_query("Chaos engineering platform outages this month (platform-side, not caused by "
                   "our fault injections): 59 s, 45 s, 25 min 1 s. We paid ¥2,500 for November.",
                   TODAY)
    assert q.incidents_seconds == (59, 45, 1501)


def test_the_users_own_total_beside_clock_ranges_is_their_arithmetic() -> None:
    q = read_query("OCR 9月30号晚上22:30开始报错，一直到10月1号凌晨4点10分才好，另外9月12号下午15:20到16:00"
                   "也全挂过。9月OCR花了5600。我算了下9月一共挂了380分钟。", TODAY, month_hint="2026-09")
    assert not q.unclear and "own_math" in roles(q).values()


def test_an_amount_said_to_be_another_months_is_set_aside_with_that_month() -> None:
    q = read_query("All of those windows were in September, not October. Our September IM bill "
                   "was ¥8,460 (the ¥9,120 is October's).", TODAY)
    assert q.month == "2026-09" and q.monthly_fee == Decimal("8460") and not q.unclear
    assert roles(q)["9120"] == "set_aside" and roles(q)["October"] == "set_aside"
    zh = read_query("9月断了90分钟，9月账单 3000（4200 是10月的），赔多少", TODAY)
    assert zh.monthly_fee == Decimal("3000") and not zh.unclear


def test_a_list_quote_beside_what_was_paid_for_the_year_is_not_the_fee() -> None:
    q = read_query("correction from finance: ¥36,000 was the list quote; after the discount we "
                   "actually paid ¥21,600 for the year. Use that.", TODAY)
    assert q.monthly_fee == Decimal("1800.00") and q.annual_fee == Decimal("21600")


def test_things_counted_by_their_measure_word_are_context() -> None:
    q = read_query("物联网视频我们接了 640 路，每天 8000 来张单据，10 月可用性 99.87%，月费 1.8 万", TODAY)
    assert roles(q)["640 路"] == "count" and roles(q)["8000 来张"] == "count"
    assert q.availability_pct == Decimal("99.87") and not q.unclear
    timed = read_query("10月14日09:15至10:05所有运维账号都连不上，月费 3000", TODAY)
    assert timed.incidents_seconds == (3000,)  # 10:05所有: a time, then 所有 (all)
    sms = read_query("发了5万条短信，失败300条", TODAY)  # 条 counts messages: the requests
    assert (sms.total_requests, sms.failed_requests) == (50000, 300)


def test_a_range_the_customer_caused_is_not_counted() -> None:
    q = read_query("10月5日 10:00-10:40 是我们自己改错了配置导致的，10月8日 14:00-15:00 全部失败，月费 6400",
                   TODAY)
    assert q.incidents_seconds == (3600,) and roles(q)["10:00-10:40"] == "not_counted"
    key = read_query("10-24 10:00 ~ 10:40 部分请求鉴权失败（客户 AK 过期）；10-12 14:00 ~ 15:00 全部失败",
                     TODAY)
    assert key.incidents_seconds == (3600,) and not key.unclear  # no partial doubt to ask


def test_log_lines_with_a_failure_and_a_recovery_are_one_outage() -> None:
    q = read_query("[2026-10-03 02:14:05] resolve FAIL vpc-8k2x9q\n"
                   "[2026-10-03 02:39:15] recovered\n"
                   "10 月费用 1,860 元", TODAY)
    assert q.incidents_seconds == (1510,) and q.month == "2026-10"


def test_a_mean_error_rate_said_after_the_rate_is_read() -> None:
    q = read_query("平台导出的 10 月每 5 分钟错误率平均是 0.42%，周期服务费 12,000。赔多少？", TODAY)
    assert q.error_windows == ((8928, Decimal("0.42"), 5),) and not q.unclear


def test_a_partial_length_alone_in_its_sentence_stands_apart_from_the_outages() -> None:
    alone = read_query("Full-failure windows: 02:10–03:25 on the 3rd. On the 17th there were ~12 "
                       "min where some messages failed but most still went through.", TODAY)
    assert alone.partly_working == ((0, 0),)
    inside = read_query("1月20号晚上22:30开始出问题，一直到21号凌晨3:15才恢复。刚开始的20分钟控制台偶尔还能打开、"
                        "API也有部分成功，之后就完全不行了。", TODAY)
    assert inside.partly_working == ()  # the first 20 minutes of that outage: asked about


def test_a_term_starting_on_a_day_is_the_service_start_and_a_month_rate_is_monthly() -> None:
    q = read_query("we bought a 12-month term starting 1 March 2026. October availability "
                   "99.8263%. We pay ¥1,560 a month.", TODAY)
    assert q.service_start == "2026-03-01" and q.month == "2026-10"
    assert q.monthly_fee == Decimal("1560") and not q.unclear


def test_one_rack_slot_is_a_fleet_of_one() -> None:
    assert read_query("Customer has one rack slot on CHC. October outage 2 hours, fee 3200",
                      TODAY).instances == 1
    assert read_query("ECM: one instance was down 5 hours last month, fee 5000", TODAY
                      ).instances is None  # the one that failed, not the fleet


def test_a_year_of_the_republic_of_china_calendar_is_converted() -> None:
    assert read_query("CVM 民國114年3月 挂了 90 分钟，月费 2000 元", TODAY).month == "2025-03"


def test_a_share_of_requests_dropped_is_a_partial_failure_and_a_rate_limit_blown_is_own() -> None:
    q = read_query("Nov 6, 13:00 to 15:00: about 30% of device uplinks were being dropped, the "
                   "rest got through fine. Then on Nov 19 everything was dead for 18 minutes "
                   "straight.",
                   TODAY)
    assert q.incidents_seconds == (1080,) and roles(q)["13:00 to 15:00"] == "unclear"
    own = read_query("all failing for 3h10m on 9/17. Separately about 40 minutes on 9/23 where a "
                     "batch of our devices blew through the per-device QPS limit.", TODAY)
    assert own.incidents_seconds == (11400,) and roles(own)["40 minutes"] == "not_counted"


def test_an_outage_with_a_stretch_of_next_to_no_requests_is_asked() -> None:
    q = read_query("Video synthesis broke from Oct 12 20:00 to Oct 13 08:00, every request failed. "
                   "Our traffic between 01:00 and 07:00 is basically nil: each 5-minute slot had "
                   "0 or 1 request. October bill ¥20,000.", TODAY)
    assert q.incidents_seconds == () and q.unclear  # how SLAs count empty windows differs


@pytest.mark.parametrize("said", [
    "实时互动工业能源版 11 月 17 号早上 7 点到晚上 10 点全挂了，月费 2 万，赔多少？要是再多挂一个小时会不会不一样？",
    "GAAP had 100% packet loss for 15 hours on Nov 17, ¥20,000/month. Credit, and would it be any "
    "different if the outage had run an hour longer?",
    "CVM 11月17号断了 15 个小时，月费 20000，如果再晚一个小时恢复呢？",
])
def test_an_outage_asked_about_as_longer_is_a_what_if_not_more_downtime(said: str) -> None:
    q = read_query(said, TODAY)
    assert q.incidents_seconds == (54000,) and q.what_if_seconds == 3600
    assert "what_if" in roles(q).values() and not q.unclear


def test_a_count_asked_about_as_more_is_not_this_months_count() -> None:
    q = read_query("暴露面管理服务月费 16,000。如果再多超时两次呢？", TODAY)
    assert q.event_count is None and roles(q)["2"] == "what_if"
    assert read_query("CVM 11月断了 90 分钟，月费 2000，如果再出一次 30 分钟的故障呢", TODAY
                      ).incidents_seconds == (5400,)  # 30 分钟 is the what-if, not an outage


@pytest.mark.parametrize("said", [
    "Cloud Gaming: on Nov 20 it was unreachable over UDP from 06:00 until 08:00 the next day.",
    "11月20号早上6点一直到第二天早上8点都连不上",
    "down from 06:00 on Nov 20 to 08:00 the following day",
    "20号 06:00 到次日 08:00 都不可用",
])
def test_an_end_on_the_next_day_adds_a_day(said: str) -> None:
    assert read_query(said, TODAY).incidents_seconds == (93600,)  # 26 hours, not 2


def test_a_range_past_midnight_said_the_next_morning_is_not_a_day_longer() -> None:
    assert read_query("Nov 20 it was down from 22:00 to 01:00 the next morning", TODAY
                      ).incidents_seconds == (10800,)
    assert read_query("down twice: 22:00–23:10, then 01:00–01:30 the next day", TODAY
                      ).incidents_seconds == (4200, 1800)  # the whole range on the next day


def test_the_start_day_said_earlier_in_the_sentence_makes_a_range_days_long() -> None:
    q = read_query("应用云渲染 11 月：6 号有一次 50 秒，22 号那次最严重，从早上 6 点一直到 23 号晚上 10 点都连不上，"
                   "整整 40 个小时。月费 9900", TODAY)
    assert sorted(q.incidents_seconds) == [50, 144000] and not q.unclear  # 40 h restates it


def test_runs_of_statistics_windows_counted_are_outages_of_their_length() -> None:
    q = read_query("按 5 分钟粒度，错误率超过 0.05% 的情况里，有 6 次是连续两个 5 分钟都超的，另外还有 3 次只是单个 "
                   "5 分钟超标", TODAY)
    assert sorted(q.incidents_seconds) == [300] * 3 + [600] * 6


def test_a_list_price_less_the_coupon_that_paid_part_of_it_is_the_fee() -> None:
    q = read_query("every call failed for 590 minutes on Nov 13. List price ¥20,000/month but we "
                   "paid ¥1,500 of that with a coupon.", TODAY)
    assert q.monthly_fee == Decimal("18500") and q.unit_price is None


def test_a_request_volume_said_in_passing_is_asked_unless_the_sla_settles_it() -> None:
    q = read_query("RCE: Nov 10 from 14:01:01 to 15:02:29 over 1% errors. ¥15,000/month plan "
                   "(about 120M calls).", TODAY)
    assert [u.text for u in q.unclear] == ["120000000"]
    settled = q.volume_set_aside()
    assert settled is not None and not settled.unclear  # an SLA counting minutes: context
    assert read_query("CVM 断了 2 小时，月费 2000", TODAY).volume_set_aside() is None


def test_a_range_at_an_error_rate_or_worse_is_rated_and_one_restated_is_not_counted_twice(
        ) -> None:
    q = read_query("10/08 下午 15:20 到 17:35 基本全是 5xx，错误率 30% 以上。月费 1000", TODAY)
    assert q.rated_ranges == ((8100, Decimal(30), Decimal(30)),)
    rule = read_query("10/08 下午 15:20 到 17:35 出问题，协议说错误率 5% 以上算不可用。月费 1000", TODAY)
    assert rule.rated_ranges == ()  # a rule quoted, not the range's rate
    twice = read_query("10月26号晚上 22:10 到 23:30 全报5xx，22:10到23:25每个5分钟点错误率都在2%以上，23:30"
                       "那个点恢复了。月费 5200", TODAY)
    assert twice.incidents_seconds == (4800,) and twice.rated_ranges == ()


def test_the_last_point_of_a_range_of_points_counts_whole() -> None:
    q = read_query("微搭 11月6号 21:00 到 21:59 每一分钟错误率都在 40% 以上。月费 299", TODAY)
    assert q.rated_ranges == ((3600, Decimal(40), Decimal(40)),)  # 60 points, not 59 minutes


def test_statistics_windows_beside_outages_are_counted_by_the_slas_threshold() -> None:
    q = read_query("11 月 2 号 00:00 到 11 月 5 号 06:00 错误率一直在 20% 以上；另外 18 号有一个 5 分钟的粒度错误率 7%，"
                   "前后都正常。月费 1999", TODAY)
    rated = q.rated_counted(Decimal(5))  # (as the pipeline settles them: the range by its rate,
    assert rated is not None  # then the windows beside it)
    counted = rated.windows_counted(Decimal(5))
    assert counted is not None and sorted(counted.incidents_seconds) == [300, 280800]  # 7 % > 5 %
    assert counted.error_windows == ()
    none = rated.windows_counted(Decimal(10))
    assert none is not None and none.incidents_seconds == (280800,)
    series = read_query("7 月 9 号监控 5 分钟一个点的错误率：10:00 0.3%，10:05 1.2%，10:10 2.0%，10:15 0.8%，"
                        "10:20 0.4%；另外 7 月 21 号 02:00 到 04:10 不可用。月费 6500", TODAY)
    runs = series.windows_counted(Decimal("0.5"))
    assert runs is not None and 900 in runs.incidents_seconds  # three windows in a row: one
    assert read_query("CVM 断了 2 小时，月费 2000", TODAY).windows_counted(Decimal(1)) is None


def test_a_bandwidth_in_megabits_is_not_a_million() -> None:
    assert normalize("带宽包 50M 的那台") == "带宽包 50Mbps 的那台"
    assert normalize("about 120M calls") == "about 120000000 calls"


def test_a_month_said_as_a_point_of_reference_is_not_the_month_asked() -> None:
    q = read_query("这个月 ECM 跑了 10 台，其中 8 台是 10 月以前就开的；ecm-a1 在 11/06 断网 3 分钟。总共付了 "
                   "15,240 元", TODAY)
    assert q.month == "2026-11" and roles(q)["10 月"] == "date"


def test_what_a_prepaid_package_burned_is_the_fee_and_minutes_used_are_no_outage() -> None:
    q = read_query("We bought a ¥50,000 TRTC prepaid package back in August. In November we "
                   "actually burned ¥7,320 of it (about 1.9M minutes).", TODAY)
    assert q.monthly_fee == Decimal("7320") and q.incidents_seconds == ()
    assert roles(q)["1900000 minutes"] == "count"  # longer than any month
    bought = read_query("We bought prepaid resource packages worth ¥120,000 in August that we're "
                        "still drawing down. Oct 12 from 01:00 to 11:00 everything failed.", TODAY)
    assert bought.monthly_fee is None and bought.unclear  # what did October cost?
    drawn = read_query("9 月买了 ¥20,000 的预付费套餐包，10 月实际消耗了 6.8 千。能赔多少？", TODAY)
    assert drawn.monthly_fee == Decimal("6800")  # what the package gave in October


def test_an_items_share_out_of_a_total_is_the_items_fee() -> None:
    q = read_query("Karaoke Lite shows 98.9% for November. Its share of the November bill is "
                   "¥5,200 out of ¥11,000 total, the other two apps were fine.", TODAY)
    assert q.monthly_fee == Decimal("5200") and not q.unclear


def test_a_length_after_failure_words_is_no_count_of_failed_requests() -> None:
    q = read_query("接口 12 号下午大面积失败了大概 3 个小时，这个月大概 9,000 块，日均调用 80 万次左右", TODAY)
    assert q.failed_requests is None and q.total_requests is None


def test_a_part_of_the_fee_a_voucher_covered_is_left_out_and_the_cash_paid_is_the_fee() -> None:
    q = read_query("3,500 RMB/month, but this month 500 of that was covered by a voucher so we "
                   "paid 3,000 in cash. Down 61 minutes on Oct 15.", TODAY)
    assert q.monthly_fee == Decimal("3000") and not q.unclear
    assert roles(q)["500"] == "voucher" and roles(q)["paid 3000"] == "restated"


def test_a_day_that_ends_at_24_00_is_a_whole_day() -> None:
    q = read_query("11月3日 00:00 到 11月4日 24:00 整整两天接口全部返回 Inner Error，每月 20,000", TODAY)
    assert q.incidents_seconds == (172800,) and not q.unclear


def test_a_plans_price_and_the_overage_the_month_added_are_the_fee() -> None:
    q = read_query("超过 5% 的分钟一共 41 个。客户买的是云开发套餐 1280/月，10 月另外有超出套餐的按量费用 420。",
                   TODAY)
    assert q.monthly_fee == Decimal("1700")
    assert read_query("套餐 1280/月，超出部分不计费，另有 420 是 CDN 的。", TODAY).monthly_fee != Decimal(
        "1700")  # 不计费: nothing added


def test_a_stretch_with_zero_to_one_request_said_in_chinese_is_asked() -> None:
    q = read_query("故障从 11月7日 20:00 一直到 11月8日 18:30，期间所有有效请求都失败；其中凌晨 02:00–03:40 这 20 "
                   "个点我们只有 0～1 个请求。11 月服务费 30,000。", TODAY)
    assert q.unclear and q.incidents_seconds == ()  # how SLAs count empty windows differs


def test_most_staff_locked_out_while_a_few_got_in_is_a_partial_failure() -> None:
    q = read_query("11月20号下午1点到3点，我们大部分员工的客户端都登不上，一直报服务端错误，但中间也有几个同事断断续续能登上去。"
                   "每个月 6000", TODAY)
    assert q.unclear and q.incidents_seconds == ()  # did every request fail in those minutes?


def test_a_range_over_a_months_end_said_again_as_a_whole_is_read_once() -> None:
    for said in ("LeXiang failed from 22:00 on Oct 31 to 02:00 on Nov 1. Four hours! Fee 5000 a "
                 "month. October credit?",
                 "乐享 10月31日22:00到11月1日02:00全挂了，整整4个小时。10月能赔多少？月费5000"):
        q = read_query(said, TODAY)
        assert q.month == "2026-10" and q.incidents_seconds == (7200,) and not q.unclear


@pytest.mark.parametrize("said, daily", [
    ("按小时计费，1.5元一小时，11月整月都开着", Decimal("36")),  # 一 read as 1 by then
    ("instance at ¥2 an hour, on all month", Decimal("48")),
    ("实例50元一天，整月开着", Decimal("50")),
])
def test_a_price_per_hour_or_day_is_a_rate_never_the_monthly_fee_or_an_outage(
        said: str, daily: Decimal) -> None:
    q = read_query(f"Grafana 11月挂了2小时，{said}，能赔多少？", TODAY)
    assert q.monthly_fee is None and q.daily_fee == daily
    assert q.incidents_seconds == (7200,)


def test_an_hourly_price_with_the_hours_billed_is_asked_not_spread_over_the_month() -> None:
    q = read_query("CVM 2025年3月 挂了 90 分钟，charged ¥0.6 an hour, 500 hours this month，能赔多少？",
                   TODAY)
    assert q.unclear and q.monthly_fee is None and q.daily_fee is None


def test_an_annual_licence_is_a_years_fee() -> None:
    q = read_query("CVM was down 2 hours in October. Our annual license is ¥60,000.", TODAY)
    assert q.annual_fee == Decimal(60000) and q.monthly_fee == Decimal(5000)


@pytest.mark.parametrize("said, counted", [
    ("CVM 11月挂了2小时，后来我们自己手贱点了一次重建实例，又黑了半小时，这个算我们的。月费1000", (7200,)),
    ("CVM was down 145 min in October; our own build box was also down ~2h that month but "
     "that's on us. Fee 3960 a month.", (8700,)),
    ("CVM 11月断了 40 分钟，另外有 20 分钟是我们自己改错配置导致的，月费 1000", (2400,)),
])
def test_of_several_lengths_only_the_one_said_to_be_the_customers_own_is_left_out(
        said: str, counted: tuple[int, ...]) -> None:
    q = read_query(said, TODAY)
    assert q.incidents_seconds == counted and not q.unclear


def test_maintenance_said_in_the_clause_after_a_range_and_announced_late_is_asked() -> None:
    q = read_query("账号连接器 11月：①11月14日01:00:00–02:30:00，说是维护，但通知11月12日才发；"
                   "②11月25日16:40:30–16:41:15。11月实付3,000元。", TODAY)
    assert [u.text for u in q.unclear] == ["01:00:00–02:30:00"]


def test_a_window_with_a_count_bound_is_the_rule_and_a_number_is_never_split() -> None:
    q = read_query("RUM 10月：一分钟内API调用失败≥5次的分钟一共260分钟，每天15元", TODAY)
    assert q.downtime_minutes == 260 and q.total_requests is None and not q.incidents_seconds


def test_the_month_use_began_is_not_the_month_asked_nor_an_availability_an_error_rate() -> None:
    q = read_query("微瓴同业开放平台，我们园区项目从今年3月就开始用了，平台给的11月可用性报表（按每5分钟错误率"
                   "平均算的）是99.12%。11月服务费6000。能赔多少？", TODAY)
    assert q.month == "2026-11" and not q.error_windows


@pytest.mark.parametrize("said, month", [
    ("智能导诊8月31号晚上22:30开始全挂，一直到9月1号凌晨3:10才恢复。客户只想先把8月份的单子算清楚（9月那部分后面再说），"
     "8月的月度服务费是6800元。", "2026-08"),
    ("All API calls failed from 2026-04-30 23:20 until 2026-05-01 01:45. They are claiming only "
     "for April for now (May they will do separately). April fee was 9,000 RMB.", "2026-04"),
    ("云原生 etcd 从5月31号23:32开始连不上，一直到6月1号00:40才恢复。我们要报的是6月份的（5月那段另外算），"
     "6月的费用是2400元。", "2026-06"),
])
def test_a_month_set_aside_for_later_is_not_asked_about(said: str, month: str) -> None:
    q = read_query(said, TODAY)
    assert q.month == month and not q.unclear and len(q.incidents_seconds) == 1


def test_the_day_a_claim_was_filed_is_no_month() -> None:
    q = read_query("TDMQ 8月断了 3 小时，月费 15600。工单是10月30号才提交的，那还算数吗？", TODAY)
    assert q.month == "2026-08" and not q.unclear
    assert [u.note for u in q.uses if u.text == "10月30号"] == ["the day a claim was filed"]


@pytest.mark.parametrize("said", ["about 260 RMB each day", "260 元 every day", "260 CNY daily"])
def test_a_fee_each_day_is_a_daily_fee(said: str) -> None:
    q = read_query(f"CVM was down 47 min in June 2026. We pay {said} for it.", TODAY)
    assert q.daily_fee == Decimal(260) and q.monthly_fee is None


def test_a_fleet_counted_with_words_between_and_not_all_failing_said_as_a_partial() -> None:
    q = read_query("customer has 20 CHC hosting slots under one account. In April 2026 one slot "
                   "had a non-redundant failure and was down 14 hours. Each slot is 2,300/month.",
                   TODAY)
    assert q.instances == 20
    q = read_query("CLS 10月写入报 500，大概持续了两个小时，但不是所有请求都失败。月费 9000。", TODAY)
    assert not q.has_measurement  # not every request failed: no outage minutes to count


@pytest.mark.parametrize("said, monthly", [
    ("每季度 6000 元", "2000"), ("一个季度交 3000 元整", "1000"), ("We pay 5,400 CNY a quarter", "1800"),
    ("每半年 4.8 万元", "8000"), ("Billed semi-annually at 9,000 CNY", "1500"),
    ("Half-yearly fee of exactly 20,000 CNY", "3333.33"),  # not a year's fee
])
def test_a_fee_per_quarter_or_half_year_is_spread_over_its_months(said: str, monthly: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{said}，能赔多少？", TODAY)
    assert q.monthly_fee == Decimal(monthly) and q.annual_fee is None and not q.unclear


@pytest.mark.parametrize("said, total, failed", [
    ("总请求 50 万，其中 3% 失败", 500000, 15000), ("共 40000 个请求，错误率 2.5%", 40000, 1000),
    ("API 调用 300 万次，失败占 1%", 3000000, 30000), ("总请求 80 万，成功率 99.5%", 800000, 4000),
    ("2% of our 600,000 requests failed", 600000, 12000),
    ("900k requests with a 0.5% failure rate", 900000, 4500),
])
def test_a_failed_share_of_a_request_total_is_the_failed_count(said: str, total: int,
                                                                failed: int) -> None:
    q = read_query(f"短信 2025年3月 {said}，月费 2000 元，能赔多少？", TODAY)
    assert (q.total_requests, q.failed_requests) == (total, failed) and not q.unclear


def test_a_failed_count_said_beside_its_share_is_the_count_said() -> None:
    q = read_query("设备安全9月一共120万次请求，失败了3万次，失败率2.5%，月费4000。", TODAY)
    assert (q.total_requests, q.failed_requests) == (1200000, 30000)


@pytest.mark.parametrize("said, seconds", [
    ("one hour, ten minutes and five seconds", [4205]), ("three and a quarter hours", [11700]),
    ("two full days", [172800]), ("two outages of 4 hours and 20 minutes respectively",
                                  [14400, 1200]),
    ("5 hours, five whole hours", [18000]),  # said again, not a second outage
])
def test_lengths_in_english_words(said: str, seconds: list[int]) -> None:
    q = read_query(f"Our CVM was down {said} in March 2025. Fee 2000 CNY a month. Credit?", TODAY)
    assert list(q.incidents_seconds) == seconds


@pytest.mark.parametrize("said, monthly", [
    ("one and a half thousand yuan a month", "1500"), ("2.4w a month", "24000"),
])
def test_fees_in_english_words_and_w(said: str, monthly: str) -> None:
    q = read_query(f"Our CVM was down 90 minutes in March 2025; {said}. Credit?", TODAY)
    assert q.monthly_fee == Decimal(monthly)


def test_a_total_said_in_all_after_its_parts_is_no_more_outage() -> None:
    q = read_query("Our CVM in March 2025: 15, 25 and 50 minutes, 90 minutes in all. Fee 2000 CNY "
                   "a month. Credit?", TODAY)
    assert sorted(q.incidents_seconds) == [900, 1500, 3000]


@pytest.mark.parametrize("said, month", [
    ("on 28/02/2026", "2026-02"), ("on 02/28/2026", "2026-02"), ("from Mar 3, 2026 9:00 PM to "
                                                                  "Mar 4, 2026 1:00 AM", "2026-03"),
])
def test_dates_day_first_month_first_and_named(said: str, month: str) -> None:
    q = read_query(f"Our CVM was down {said}. Fee 2000 CNY a month. Credit?", TODAY)
    assert q.month == month


def test_a_slashed_date_either_way_is_not_guessed() -> None:
    assert normalize("on 03/04/2026") == "on 03/04/2026"  # March 4 or 3 April?


def test_chinese_numbers_with_wan_yi_and_a_clock_beside_a_length() -> None:
    q = read_query("实例包年 一年两万一千六 三月十号早上八点到晚上九点 十三个钟头 都连不上", TODAY)
    assert q.annual_fee == Decimal(21600) and list(q.incidents_seconds) == [46800]


def test_units_counted_by_their_size_alone() -> None:
    q = read_query("私有连接 今年2月 有9个五分钟丢包率100%，付了800", TODAY)
    assert q.downtime_minutes == 45 and not q.incidents_seconds


@pytest.mark.parametrize("said", ["丢包率一度到了 40%", "CPU 使用率 92%", "text moderation (TMS) at "
                                                                     "99.42% availability"])
def test_another_metric_is_no_availability_and_moderation_is_no_ratio(said: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{said}，月费 2000 元，能赔多少？", TODAY)
    expected = Decimal("99.42") if "TMS" in said else None
    assert q.availability_pct == expected


def test_a_promised_reply_time_is_no_outage() -> None:
    q = read_query("CVM 3月 挂了 90 分钟，客服说 24 小时内回复，月费 2000", TODAY)
    assert list(q.incidents_seconds) == [5400]


def test_the_credit_asked_in_vouchers_is_no_voucher_paid() -> None:
    q = read_query("实例是包年买的 一年一万二 这种情况能赔多少代金券", TODAY)
    assert q.annual_fee == Decimal(12000)


def test_an_availability_said_roughly_is_rough() -> None:
    assert read_query("CVM 上个月可用性大概 99.9% 左右，月费 2000", TODAY).rough
    assert not read_query("CVM 上个月可用性 99.9%，月费 2000", TODAY).rough


def test_a_bundle_price_whose_share_is_unknown_is_asked() -> None:
    q = read_query("CWP was down 2 hours in May. It came in a security bundle, ¥36,000 a year for "
                   "the bundle; not sure how much of it is CWP.", TODAY)
    assert q.monthly_fee is None and q.annual_fee is None and q.unclear


def test_a_colleague_s_rounded_figure_for_a_range_is_the_same_outage() -> None:
    q = read_query("RCE failed from 10:05:20 to 10:50:50 on 9 May 2026, bill ¥5,000. A colleague "
                   "put the outage at 46 minutes, can you confirm?", TODAY)
    assert len(q.incidents_seconds) == 1


def test_the_minutes_from_a_request_to_its_response() -> None:
    q = read_query("重保服务实付 5 万。告警时间 14:05，团队电话反馈是 15:20，协议写的 40 分钟内响应。", TODAY)
    assert q.response_minutes == 75 and q.has_measurement
    q = read_query("重保服务实付 5 万。告警时间 14:05，团队电话反馈是 14:30，协议写的 40 分钟内响应。", TODAY)
    assert q.response_minutes is None and q.unclear  # answered in time: asked, never paid


@pytest.mark.parametrize("said", [
    "the May bill shows ¥700 before the upgrade and ¥1,100 after — ¥1,800 in total",
    "5月账单升级前 700，升级后 1100，合计 1800", "5月账单升级前 700，升级后 1100"])
def test_a_month_billed_before_and_after_a_change_is_their_sum(said: str) -> None:
    q = read_query(f"CLB 5月3号 21:00 到 22:30 不可用。{said}。", TODAY)
    assert q.monthly_fee == Decimal(1800) and not q.unclear


def test_a_device_failing_on_the_customer_s_site_does_not_count() -> None:
    q = read_query("SD-WAN 6月：2号云端不可用 40 分钟；15号客户现场的设备电源坏了，断了2个小时。月费 3000。", TODAY)
    assert list(q.incidents_seconds) == [2400]


@pytest.mark.parametrize("said, monthly", [
    ("on a 750-yuan-a-month plan", "750"), ("we paid half a year in advance, 12,000 CNY", "2000"),
    ("prepaid two years, 36k in total", "1500"), ("月单价 640 元", "640"),
])
def test_fees_said_by_the_plan_and_by_prepaid_years(said: str, monthly: str) -> None:
    q = read_query(f"Our CVM was down 90 minutes in March 2025; {said}. Credit?", TODAY)
    assert q.monthly_fee == Decimal(monthly) and not q.unclear


def test_an_actual_availability_in_an_sla_report_is_measured() -> None:
    q = read_query("CVM 2025年3月 SLA 报表上写的实际可用性 99.7%，月费 2000 元，能赔多少？", TODAY)
    assert q.availability_pct == Decimal("99.7")


def test_an_h_m_s_labelled_as_such_is_a_length() -> None:
    q = read_query("CVM 2025年3月 挂了 00:45:10（时:分:秒），月费 2000 元，能赔多少？", TODAY)
    assert list(q.incidents_seconds) == [2710]


@pytest.mark.parametrize("said", ["our ticket sat unanswered for two days",
                                  "工单晾了三天没人回复"])
def test_how_long_a_ticket_waited_is_no_outage(said: str) -> None:
    q = read_query(f"CVM down 2 hours in March 2026, {said}, fee 2000 a month", TODAY)
    assert list(q.incidents_seconds) == [7200]


def test_windows_with_their_failure_share_said_after_the_percent() -> None:
    q = read_query("APM in October: 9 five-minute windows at 100% failed and 3 windows at 60% "
                   "failed, then 2 windows failed completely. Fee ¥4,000.", TODAY)
    assert q.error_windows == ((9, Decimal(100), 5), (3, Decimal(60), 5), (2, Decimal(100), 5))


@pytest.mark.parametrize("said", [
    "CVM 3月31号晚上11点40开始挂，到4月1号凌晨0点20恢复，月费2000，3月能赔多少",
    "CVM was down from 23:40 on March 31 until 00:20 the next day, fee 2000. March credit?",
    "CVM 3月31号晚上11点40开始挂，第二天凌晨0点20恢复，月费2000"])
def test_only_the_asked_month_s_part_of_an_outage_over_its_end_counts(said: str) -> None:
    q = read_query(said, TODAY)
    assert q.month == "2026-03" and list(q.incidents_seconds) == [1200] and not q.unclear


@pytest.mark.parametrize("said, failed", [
    ("总请求 1,000,000，失败率 2.5‰", 2500), ("一共４０万次请求，失败了千分之三", 1200),
    ("600,000 requests with a 1.5 per mille failure rate", 900)])
def test_a_failed_share_per_mille(said: str, failed: int) -> None:
    q = read_query(f"短信 2025年3月 {said}，月费 2000 元，能赔多少？", TODAY)
    assert q.failed_requests == failed


def test_failures_per_so_many_requests_are_a_rate_not_a_count() -> None:
    q = read_query("短信 3月 每一千次请求失败两次，总量三百万次，月费 2000", TODAY)
    assert q.failed_requests is None


def test_a_voucher_said_as_part_of_it_without_a_verb_is_left_out() -> None:
    q = read_query("Prometheus in October was down 50 minutes. The bill was ¥1,800, ¥300 of it "
                   "covered by a voucher.", TODAY)
    assert q.monthly_fee == Decimal(1500)


def test_a_stretch_inside_an_outage_with_no_requests_sent_is_asked() -> None:
    q = read_query("10月14号晚上21:40开始接口全是InternalError，一直到15号早上6点10分才恢复。中间凌晨2点到"
                   "4点我们的任务停了，那两个小时一个请求都没发。月费 3000。", TODAY)
    assert q.unclear and sum(q.incidents_seconds) <= 510 * 60


def test_a_pasted_series_of_rates_labelled_err_rate() -> None:
    q = read_query("人脸试妆7月（5分钟粒度错误率，其他统计点都是0）：\n2025-07-19 14:00  err_rate=100%\n"
                   "2025-07-19 14:05  err_rate=62.5%\n2025-07-19 14:10  err_rate=0%\n实付1800。", TODAY)
    assert q.availability_pct is None
    assert [(n, pct) for n, pct, _ in q.error_windows] == [(1, Decimal(100)), (1, Decimal("62.5")),
                                                          (1, Decimal(0))]


@pytest.mark.parametrize("said", [
    "VPN gateway down 7 h 12 min in total in September, plus one 40-second flap. Fee ¥500/month. "
    "7h12m is exactly 1% of a 30-day month, so which band?",
    "PTS in June 2025 had two outages: 60 min 28 s and exactly 7 h 12 min. We burned 60,000 VUM "
    "during the 7 h 12 min one. Credit?",
])
def test_a_length_talked_about_again_is_not_another_outage(said: str) -> None:
    q = read_query(said, TODAY)
    assert q.incidents_seconds.count(25920) == 1


def test_failing_windows_counted_with_more_of_them_after() -> None:
    q = read_query("PrivateLink in June: 7 back-to-back failing 5-minute windows on June 9 and "
                   "2 more on June 15, plus a 3-minute blip. The June bill was ¥486. Any credit?",
                   TODAY)
    assert q.downtime_minutes == 45


def test_runs_of_two_windows_are_outages_and_their_total_is_said_again() -> None:
    q = read_query("EO 7月连续两个5分钟都异常的一共5次，另外还有3次只异常了一个5分钟就恢复了。月费4800。", TODAY)
    assert q.incidents_seconds.count(600) == 5 and q.downtime_minutes is None
    q = read_query("CDN 3月份连续两个5分钟窗口错误率超标的一共8段，合计80分钟。月费2000，能赔多少？", TODAY)
    assert q.incidents_seconds == (600,) * 8


def test_half_a_year_bought_at_once_is_spread_over_its_months() -> None:
    q = read_query("智绘9月从13:00到21:00都用不了。我们是一次买了半年的，5400。", TODAY)
    assert q.monthly_fee == Decimal("900.00")


def test_the_part_of_a_package_consumed_that_month_is_its_fee() -> None:
    q = read_query("TRTC in September: Sept 8 from 19:00 to 21:15 down. We bought a ¥100,000 prepaid "
                   "package but only ¥26,000 of it was consumed in September.", TODAY)
    assert q.monthly_fee == Decimal(26000)


def test_an_outage_an_agent_says_the_customer_caused_is_left_out() -> None:
    q = read_query("SD-WAN 4月两段中断：云端接入点故障断了40个小时；另一段3个小时，是他们自己机房停电。"
                   "月费1980。", TODAY)
    assert q.incidents_seconds == (144000,)


@pytest.mark.parametrize("aside", ["（对比一下，前一个月可用率是 99.99%）", "技术支持 15 分钟就响应了",
                                   "SLA 写的是 99.9%，比我们内部要求的 99.99% 低"])
def test_figures_beside_the_outage_that_measure_nothing_of_it(aside: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{aside}，月费 2000 元，能赔多少？", TODAY)
    assert q.incidents_seconds == (5400,) and q.availability_pct is None and not q.unclear


def test_a_service_created_mid_month_starts_its_month_then() -> None:
    q = read_query("客户的NAT网关是9月6号新建的。9月份断了12分40秒。费用1,050元。", TODAY)
    assert q.service_start == "--09-06"  # the year is the month's


def test_numbered_items_each_say_their_own_length() -> None:
    q = read_query("CVM 2025年3月 挂了两次：1、一个钟头 2、仨小时，月费 2000 元", TODAY)
    assert q.incidents_seconds == (3600, 10800)
    q = read_query("CVM 2025年3月 断了三次：1、2、3小时，月费 2000 元", TODAY)  # one unit for all three
    assert q.incidents_seconds == (3600, 7200, 10800)


@pytest.mark.parametrize("own", ["8/15 我们自己在控制台点了重启，断了 3 分钟",
                                 "4/16 我们运维把装 agent 的那台 CVM 关机了 3 分钟"])
def test_an_outage_the_customers_own_team_caused_is_left_out(own: str) -> None:
    q = read_query(f"云数据库 2026年8月：8/9 断了 2 小时；{own}。月费 1800。", TODAY)
    assert q.incidents_seconds == (7200,)
    tried = read_query("云数据库 2026年8月断了 2 小时，我们自己重启了好几次都没用。月费 1800。", TODAY)
    assert tried.incidents_seconds == (7200,)  # a fix tried, not a second outage


@pytest.mark.parametrize("said", ["26号凌晨2点到2点40是你们提前发了公告的升级维护",
                                  "May 26 02:00-02:40 was the upgrade you announced a week before"])
def test_a_time_range_said_to_be_announced_maintenance_is_asked(said: str) -> None:
    q = read_query(f"CKafka 2026年10月20号 09:02到09:06 断了一下；{said}。月费3200", TODAY)
    assert q.incidents_seconds == (240,) and q.unclear


@pytest.mark.parametrize(("text", "seconds"), [
    ("企业网盘 2026 年 2 月，从 2 月 16 号 0 点到 18 号 0 点一直全挂。月费 1350", (172800,)),
    ("智能导诊从 6 月 2 号 0 点到 6 号 0 点，整整 4 天用不了。6 月服务费 3200", (345600,)),
    ("MCM 由 10 月 28 号朝早 8 点一直死到 10 月 30 号朝早 8 点。月费 9000", (172800,)),  # Cantonese 朝早
])
def test_a_range_over_days_said_with_its_hours(text: str, seconds: tuple[int, ...]) -> None:
    q = read_query(text, TODAY)  # 0 点 of the start day is not the day before the end's 0 点
    assert q.incidents_seconds == seconds and not q.unclear


def test_an_rcas_time_to_recover_is_the_outage_said_again() -> None:
    q = read_query("RCA：11/03 推送 API 全失败 25min，MTTR 25min，其余正常。月费 5000。", TODAY)
    assert q.incidents_seconds == (1500,) and not q.unclear
    q = read_query("CVM RCA: hard down 02:00–08:00 on Jul 14 2025, every 5-min bucket 100% failed. "
                   "MTTR 6h. Jul bill ¥4,500.", TODAY)
    assert q.incidents_seconds == (21600,) and q.availability_pct is None  # 100% failed: errors


def test_own_fault_denied_with_its_subject_leaves_every_outage_in() -> None:
    q = read_query("CFG 6 月当机了三次，3725 秒、59 秒和 1201 秒，都不是我们自己注入故障造成的。月费 2400",
                   TODAY)
    assert q.incidents_seconds == (3725, 59, 1201)


@pytest.mark.parametrize("text", ["8 月实付是 8900……等下，我看错账单了，是 9800。",
                                  "8 月月费是 8900，不对，是 9800。"])
def test_a_fee_taken_back_after_a_pause(text: str) -> None:
    assert read_query(f"CVM 8 月挂了 50 分钟。{text}", TODAY).monthly_fee == Decimal("9800")


def test_a_quarters_fee_and_the_months_it_covers() -> None:
    q = read_query("CVM 11 月挂了 26 分钟。这个套餐是按季度买的，一个季度 2970 块（9 月到 11 月）。", TODAY)
    assert q.monthly_fee == Decimal("990.00") and q.month == "2026-11" and not q.unclear


@pytest.mark.parametrize("partly", ["大约 3 个小时推送成功率只有六成左右",
                                    "~30 min on Mar 19 where API calls partly succeeded"])
def test_a_partly_working_stretch_is_asked_not_counted(partly: str) -> None:
    q = read_query(f"CVM 2025年3月 全部失败 50 分钟；另外 {partly}。月费 2000", TODAY)
    assert q.incidents_seconds == (3000,) and q.unclear


def test_an_http_status_a_page_pops_up_is_a_code() -> None:
    q = read_query("腾讯乐享 2025 年 9 月有 3 个钟错误率超过 5%（成日弹 500）。月费 4000", TODAY)
    assert q.incidents_seconds == (10800,) and not q.unclear


def test_a_correction_said_apart_from_its_figure() -> None:
    q = read_query("TAPD 10 月错误率超过 5% 的一共 2 小时 7 分钟。哦不对，刚才看错行了，是 2 小时 17 分钟。月费 3000",
                   TODAY)
    assert q.incidents_seconds == (8220,) and not q.unclear  # the one length said before
    q = read_query("TAPD 10 月错误率超过 5% 的一共 2 小时 7 分钟，另外有 40 分钟报错。哦不对，刚才看错行了，"
                   "是 2 小时 17 分钟。月费 3000", TODAY)
    assert q.unclear  # two lengths before it: which one it replaces is asked, never both added
    q = read_query("Our CVM was down 2 hours on Mar 3. Sorry, my mistake — no wait, it was 3 hours. "
                   "Fee 2000 CNY.", TODAY)
    assert q.incidents_seconds == (10800,)


def test_a_range_said_of_several_nodes_is_each_ones() -> None:
    q = read_query("THCC in October: we run 8 compute nodes. A fabric fault took two nodes offline from "
                   "09:20 to 15:40, and a third node blipped for 4 minutes.", TODAY)
    assert q.instance_outages == ((22800,), (22800,), (240,))


def test_more_outages_of_one_length_each() -> None:
    q = read_query("CVM in March 2025: 70 minutes, plus three more outages of roughly ten minutes "
                   "each. Fee 2000 CNY.", TODAY)
    assert q.incidents_seconds == (4200, 600, 600, 600)
    q = read_query("CVM in March 2025: on four occasions, each lasting 15 minutes. Fee 2000 CNY.", TODAY)
    assert q.incidents_seconds == (900, 900, 900, 900)


def test_an_average_the_user_worked_out_is_no_outage() -> None:
    q = read_query("grafana-prod-2 Oct 13 08:20 to 10:20 down. prod-2 is ¥1,200/month. Averaged over "
                   "three instances it's only 40 minutes each, so are we even below 99.95%?", TODAY)
    assert q.incidents_seconds == (7200,) and not q.instance_minutes


@pytest.mark.parametrize(("said", "monthly"), [
    ("客户Q4（10-12月）一次性预付 ¥9,000", "3000.00"),           # a quarter by its name and months
    ("We're billed quarterly: the Q3 (Jul–Sep) bill was ¥7,200", "2400.00"),  # never the 3 of Q3
    ("上半年一次性预付 12000", "2000.00"),
    ("实例是三年一起买的，43200元", "1200.00"),
    ("一年零三个月一起买的，总共 15000", "1000.00"),              # 15 months, not 3
])
def test_a_prepaid_period_said_by_its_name_spreads_the_amount(said: str, monthly: str) -> None:
    q = read_query(f"CVM 2026年10月 挂了 90 分钟，{said}，能赔多少？", TODAY)
    assert q.monthly_fee == Decimal(monthly) and q.fee_basis == "prepaid"


@pytest.mark.parametrize("said", ["Cx prepaid 1 yr, ¥19,800.", "开通的是 1 年期套餐，一次性付了 19800"])
def test_a_one_year_term_is_an_annual_fee(said: str) -> None:
    q = read_query(f"CVM was down 90 minutes in October 2026. {said} Credit?", TODAY)
    assert q.fee_basis == "annual" and q.annual_fee == Decimal(19800)


def test_a_forwarded_mails_date_is_not_the_month() -> None:
    q = read_query("---- 转发的邮件 ----\n日期：2026年11月3日 10:12\n主题：故障\n10月21日 09:10 到 17:40 "
                   "完全打不开。\n----\n帮忙算下10月能赔多少，月费 3000", TODAY)
    assert q.month == "2026-10" and roles(q)["2026年11月3日 10:12"] == "date"


@pytest.mark.parametrize("said", [
    "同一天 CDN 也挂了 40 分钟",
    "数据库 MySQL 那边也卡了 25 分钟 不过那个不是这次要问的",
    "our CDN was also out 40 min that day",
    "RDS 那边也挂了四十分钟",
])
def test_another_products_outage_said_beside_is_set_aside(said: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{said}，月费 2000 元，能赔多少？", TODAY)
    assert q.incidents_seconds == (5400,) and not q.unclear


def test_the_same_product_down_again_adds() -> None:
    q = read_query("CVM 2025年3月 挂了 90 分钟，后来 CVM 也挂了 40 分钟，月费 2000 元，能赔多少？", TODAY)
    assert q.incidents_seconds == (5400, 2400)


def test_an_unavailability_rate_is_the_month_down() -> None:
    q = read_query("CVM 2025年3月 不可用率 0.3%，月费 2000 元，能赔多少？", TODAY)
    assert q.availability_pct == Decimal("99.7")


@pytest.mark.parametrize(("said", "year"), [("年費 12 萬，有 85 折優惠", "102000.00"),
                                            ("年费 5 万 合同里给了 7 折", "35000.00"),
                                            ("20,000 a year before a 10% discount", "18000.00")])
def test_a_discount_on_an_annual_fee_is_the_year_paid(said: str, year: str) -> None:
    q = read_query(f"CVM 2025年3月 挂了 90 分钟，{said}，能赔多少？", TODAY)
    assert q.annual_fee == Decimal(year) and q.fee_basis == "annual"


def test_a_daily_fee_is_asked_about_not_taken_as_the_months() -> None:
    q = read_query("CVM 2025年3月 挂了 90 分钟，每日收費 100 蚊，能赔多少？", TODAY)
    assert q.monthly_fee is None and q.unclear


def test_no_traffic_in_or_out_is_the_outage_and_our_reboot_is_ours() -> None:
    q = read_query("CVM in October 2026: host network failure, no TCP/UDP in or out, 12 minutes; "
                   "later we rebooted it from the console for a kernel patch, 6 minutes. "
                   "Fee 2000 CNY a month. Credit?", TODAY)
    assert q.incidents_seconds == (720,)


@pytest.mark.parametrize(("said", "seconds"), [
    ("1 小时 1 刻", 4500), ("一小时零一刻", 4500), ("两小时三刻", 9900),  # quarters after hours
])
def test_quarters_of_an_hour_after_the_hours_add_to_them(said: str, seconds: int) -> None:
    q = read_query(f"CVM 2025年3月 挂了 {said}，月费 2000 元，能赔多少？", TODAY)
    assert sum(q.incidents_seconds) == seconds


def test_a_ones_word_before_a_tens_word_is_not_one_number() -> None:
    q = read_query("Our CVM in March 2025: first outage an hour, second one ninety minutes. "
                   "Fee 2000 CNY a month. Credit?", TODAY)
    assert q.incidents_seconds == (3600, 5400)


def test_a_ranges_length_said_again_after_its_error_rate_is_read_once() -> None:
    q = read_query("ECDN 10/26 14:20-17:00 连接超时，错误率 0.3%，持续 2小时40分，月费 6800 元，能赔多少？",
                   TODAY)
    assert q.rated_ranges == ((9600, Decimal("0.3"), Decimal("0.3")),)
    assert not q.incidents_seconds and roles(q)["2小时40分"] == "restated"


@pytest.mark.parametrize("question", [
    "MPS 10/17 有一个小时 5xx 比例在 0.4% 左右，10 月花了 9000 元，能赔多少？",
    "Our MPS had a full hour where the 5xx rate sat around 0.4% in October. Spend ¥9,000. Credit?",
])
def test_an_outage_said_with_a_failure_share_is_asked_by_the_slas_threshold(question: str) -> None:
    q = read_query(question, TODAY)  # 5xx, 失败, timeouts: a sentence about failing requests
    assert q.rated_ranges == ((3600, Decimal("0.4"), Decimal("0.4")),) and not q.incidents_seconds


def test_a_tier_payout_beside_an_outage_is_no_error_rate() -> None:
    q = read_query("NAT网关 11月8号 02:13到06:21 出入方向全丢包 支付回调全部失败 另外11月15号还有一次47秒 "
                   "月费1200 是不是只能赔个25%", TODAY)
    assert q.incidents_seconds == (14880, 47) and not q.rated_ranges


def test_a_division_said_in_words_is_the_users_own_arithmetic() -> None:
    q = read_query("WeData 10 月断了 20 分钟，25 分钟除以 44640 已经低于 99.95% 了，月费 8800", TODAY)
    assert q.incidents_seconds == (1200,)
    assert roles(q)["44640"] == "own_math"


def test_buckets_listed_by_time_and_counted_are_those_units() -> None:
    q = read_query("WeData 10月9号 14:00 那个 5 分钟桶部分连接成功，14:05、14:10、14:15、14:20 四个桶全部失败，"
                   "14:25 那个桶又有成功的。月费 8800，能赔多少", TODAY)
    assert q.error_windows == ((4, Decimal(100), 5),) and not q.unclear


def test_a_relative_month_with_the_named_month_beside_it_means_the_named_one() -> None:
    q = read_query("上个月（9月）CVM 断了 90 分钟，9/8 那天，月费 2000，能赔多少", TODAY)
    assert q.month == "2026-09" and not q.unclear
    other = read_query("上个月 CVM 断了 90 分钟，9月也断了一次，月费 2000，能赔多少", TODAY)
    assert other.month == "2026-10"  # another month said apart stays another month


def test_a_month_named_by_a_shopping_day() -> None:
    q = read_query("last year in the Double-11 month RayData was down 10:00 to 13:30 on the 12th, "
                   "fee 2980, credit?", TODAY)
    assert q.month == "2025-11" and q.incidents_seconds == (12600,)


def test_an_availability_the_user_worked_out_is_their_own_figure() -> None:
    q = read_query("By my count availability is about 99.27%, fee 3,600 CNY. Credit?", TODAY)
    assert any(u.note == "your own arithmetic" for u in q.uses if u.role == "availability")


def test_maintenance_said_not_to_be_the_cause_is_no_maintenance() -> None:
    q = read_query("TCHouse-P 10/26 集群连接全部失败 3 小时 10 分钟（不是扩容、不是维护窗口、不是欠费）。月费 3600",
                   TODAY)
    assert q.incidents_seconds == (11400,) and not q.unclear



@pytest.mark.parametrize(("text", "fee"), [
    ("CMQ 后付费 每天费用 14 块 4 毛, 8月断了38分钟", None),  # the day's price, read whole
    ("月费三百二十块五毛，10月断了一小时", Decimal("320.5")),
    ("月费 99 元 9 角 5 分，10月断了一小时", Decimal("99.95")),
])
def test_yuan_with_jiao_and_fen_is_one_amount(text: str, fee: Decimal | None) -> None:
    q = read_query(text, TODAY)
    assert q.monthly_fee == fee and not q.unclear
    assert fee is not None or q.daily_fee == Decimal("14.4")


def test_a_chinese_decimal_no_clock_has_is_a_number_and_clock_times_stay_times() -> None:
    assert normalize("你们不是承诺九十九点九五吗") == "你们不是承诺99.95吗"
    assert "10点20" in normalize("上午十点二十到十二点半")


@pytest.mark.parametrize("text", [
    "健康药箱 10 月 20 号上午10点到12点半用不了，月费4000块。协议写的九十九点九，能赔多少？",
    "健康药箱 10 月 20 号上午10点到12点半用不了，月费4000块。你们不是承诺九十九点九五吗？",
])
def test_the_promise_quoted_without_its_percent_sign_is_the_rule(text: str) -> None:
    q = read_query(text, TODAY)
    assert "threshold" in roles(q).values() and not q.unclear and q.monthly_fee == 4000


@pytest.mark.parametrize(("text", "demand"), [
    ("客户反馈 2025 年 12 月 22 日 09:10 至 17:20 不可用，月费 12,000 元。客户要求按‘全天不可用’算一整天。",
     "1天"),
    ("The customer insists we count it as a full day of downtime. Outage 09:10-17:20 on Oct 3, "
     "fee 3000", "1 day"),
    ("客户坚持按 24 小时算，实际 10 月 3 号断了 09:10 到 17:20，月费 2000", "24 小时"),
])
def test_a_length_the_customer_demands_is_no_outage(text: str, demand: str) -> None:
    q = read_query(text, TODAY)
    assert q.incidents_seconds == (29400,) and roles(q)[demand] == "demanded"


def test_a_refund_demanded_and_a_business_loss_are_not_the_fee() -> None:
    q = read_query("智能预问诊 9 月 3 号到 6 号整整四天完全用不了。我们医院 9 月就付了 3000。要求退两个月的钱，"
                   "也就是 6000，直接打到医院账户。客户说影响了大约 25 万的订单。", TODAY)
    assert q.monthly_fee == 3000 and not q.unclear
    assert roles(q)["6000"] == "claimed" and roles(q)["250000"] == "money_other"
    q = read_query("We lost roughly ¥40,000 in sales that week, CVM down 68 min in Oct 2026, "
                   "fee 640", TODAY)
    assert q.monthly_fee == 640 and roles(q)["40000"] == "money_other"


def test_a_demand_for_credit_leaves_the_fee_said_after_it() -> None:
    q = read_query("云 HDFS 10/22 晚上 40 分钟连不上，客户要求赔偿，该文件系统10月费用 ¥1,250。", TODAY)
    assert q.monthly_fee == 1250


def test_a_masked_hotline_number_is_an_id() -> None:
    q = read_query("10 月 8 日 14:20–16:05 全部失败，每月费用 1600，客服电话 400-xxx-0520 打不通。", TODAY)
    assert roles(q)["400-xxx-0520"] == "ticket" and q.monthly_fee == 1600 and not q.unclear


@pytest.mark.parametrize(("text", "fee", "hours"), [
    ("CKafka pay-as-you-go at ¥3.20/hour, 720 hours billed in September 2026, down 26 min",
     Decimal("2304.00"), "720 hours billed"),
    ("TKE billed hourly at ¥0.50/h — 720 hours in September 2026, so ¥360. down 47 min",
     Decimal("360.00"), "720 hours"),
])
def test_an_hourly_rate_with_the_hours_billed_is_the_months_fee(text: str, fee: Decimal,
                                                                  hours: str) -> None:
    q = read_query(text, TODAY)
    assert q.monthly_fee == fee and roles(q)[hours] == "quantity"
    assert all(s < 3600 for s in q.incidents_seconds)  # the hours billed are no outage
