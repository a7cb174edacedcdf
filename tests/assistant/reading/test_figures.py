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


@pytest.mark.parametrize(("text", "expected"), [
    # two neighbouring numerals are a range, asked about, never a length of 34 minutes
    ("TDMQ 上月断了4次 每次都是三四分钟 月费3000", {"incidents_seconds": (), "monthly_fee": 3000}),
    ("CVM 2025年3月 挂了两三个小时，月费 2000 元", {"incidents_seconds": ()}),
    ("CVM 2025年3月 挂了40分钟，月费两三千", {"monthly_fee": None, "incidents_seconds": (2400,)}),
    ("CVM 2025年3月 挂了三十四分钟，月费 2000 元", {"incidents_seconds": (2040,)}),
    # a number is never cut in two: 2,345.67 is the fee, not an id 2345 and a fee of 67
    ("Our CVM was down 90 minutes in March 2025. That month's invoice: 2,345.67 CNY paid.",
     {"monthly_fee": Decimal("2345.67")}),
    ("CVM 2025年3月 挂了 1 小时零 1 秒，月费 2000 元", {"incidents_seconds": (3601,)}),
    ("CVM 2025年3月 先挂了 45min，隔两天又挂了 1.5h，月费 2000 元",
     {"incidents_seconds": (2700, 5400)}),
    ("CVM 2025年3月 宕机两次；每次都是半小时，月费 2000 元", {"incidents_seconds": (1800, 1800)}),
    # the parts of a total that add up to it are the total's, said again
    ("CVM 2025年3月 累计不可用时长：1h + 30min + 15min = 1h45min，月费 2000 元",
     {"incidents_seconds": (6300,)}),
    ("CVM 2025年3月 挂了90分钟，预付 2 个季度共 11000", {"monthly_fee": Decimal("1833.33")}),
    ("电子签我们买的是年包，原价￥48,000，实际支付￥36,500（折后）。10月14号 09:20到11:05 用不了",
     {"annual_fee": Decimal(36500), "monthly_fee": Decimal("3041.67")}),
    # the customer's own losses and the SLA's quoted tiers are context, never inputs
    ("CVM 2025年3月 挂了 90 分钟，业务损失 5 万元（你们肯定不赔这个），月费 2000 元",
     {"monthly_fee": Decimal(2000)}),
    ("Our CVM was down 90 minutes in March 2025. We lost 50k CNY in sales. Fee 2000 CNY a month.",
     {"monthly_fee": Decimal(2000)}),
    ("Our CVM was down 90 minutes in March 2025 (you promise 99.9% uptime). Fee 2000 CNY a month.",
     {"availability_pct": None}),
    ("Availability was 98.5%. SLA tiers: <99.95% → 10%, <99% → 25%, <95% → 100%. Fee 2000 CNY.",
     {"availability_pct": Decimal("98.5")}),
    ("Down 90 min in March 2025. SLA tiers: <99.95% → 10%, <99% → 25%, <95% → 100%.",
     {"availability_pct": None, "incidents_seconds": (5400,)}),
    # failures as a ratio of the requests said, and successes with failures beside them
    ("COS March 2025: 400,000 requests, 1 in 200 failed.",
     {"total_requests": 400_000, "failed_requests": 2000}),
    ("COS 2025年3月 一共 2 万次请求，每 100 个就有 1 个失败",
     {"total_requests": 20_000, "failed_requests": 200}),
    ("COS 2025年3月 99,000 requests succeeded and 1,000 failed",
     {"total_requests": 100_000, "failed_requests": 1000}),
    ("COS 2025年3月 3,000 out of 600,000 requests failed",
     {"total_requests": 600_000, "failed_requests": 3000}),
    # of two months each with its outage, the one asked for; "两个月都是" is each month's fee
    ("7月不可用3小时左右，8月是50分钟，月费两个月都是5000。先帮我算8月的吧。",
     {"month": "2026-08", "incidents_seconds": (3000,), "monthly_fee": Decimal(5000)}),
    ("Grafana 2026-09 instance,start,end\na1,2026-09-05 10:00,2026-09-05 12:10,130min",
     {"incidents_seconds": (7800,)}),
    ("COS 2025年3月 共 40 万次请求，失败率 1/200", {"total_requests": 400_000, "failed_requests": 2000}),
    ("COS March 2025: 1M requests, failed 1 in 500.", {"failed_requests": 2000}),
    ("COS March 2025 a total of 72,000 requests; 360 returned errors.",
     {"total_requests": 72_000, "failed_requests": 360}),
    # an outage's length in milliseconds (a latency of a few hundred ms is no outage length)
    ("CVM 2025年3月 不可用 5400000 毫秒，月费 2000 元", {"incidents_seconds": (5400,)}),
    ("CVM March 2025 down for 180000 milliseconds, fee 2000", {"incidents_seconds": (180,)}),
    # a bulleted list of lengths is a list, not a range "20min - 1h"
    ("CVM 2025年3月 挂了三次：\n- 20min\n- 1h\n- 45s\n月费 2000",
     {"incidents_seconds": (1200, 3600, 45)}),
    # the day of another event (a contract, a ticket, a renewal) is no second month asked
    ("CVM 2025年3月 挂了 90 分钟，合同是 2024年1月1日签的，月费 2000 元",
     {"month": "2025-03", "incidents_seconds": (5400,)}),
    ("Our CVM was down 90 minutes in March 2025, I filed the ticket on April 2. Fee 2000.",
     {"month": "2025-03", "incidents_seconds": (5400,)}),
    # "ignore that" sets aside its own English sentence, not the ones before it
    ("Our CVM was down 90 minutes in March 2025. Fee 2000 CNY a month. Our COS bill is only "
     "300 CNY a month, ignore that.", {"monthly_fee": Decimal(2000), "incidents_seconds": (5400,)}),
    # a negative number after an identifier is a return code, not a negative figure
    ("SCF November 2025: down 70 minutes (5xx / InvokeResult -1). Fee ¥860.",
     {"incidents_seconds": (4200,), "monthly_fee": Decimal(860)}),
    ("响应时间 P99 350ms，CVM 2025年3月 挂了 90 分钟，月费 2000 元", {"incidents_seconds": (5400,)}),
    ("COS March 2025: failed 3,000 out of 1,500,000 requests.",
     {"total_requests": 1_500_000, "failed_requests": 3000}),
    # instances named by a letter, one down and one fine: the fee of the one down
    ("2025年6月的。A实例：6/3中断3分钟，6/17中断31分20秒。B实例整个6月都正常。A月费￥1,800，"
     "B月费￥2,600。能赔多少？", {"monthly_fee": Decimal(1800), "incidents_seconds": (180, 1880)}),
    # after the end sets: `between … and …` clock ranges, an h:mm said as one, maintenance
    # announced in the clause before its length, an attack above the protection bought
    ("RabbitMQ: On 2026-09-14 between 15:20 and 17:05 UTC every publish call failed. "
     "Bill ¥1,846.50.", {"incidents_seconds": (6300,)}),
    ("KMS March 2026: Total 2:35 on Mar 17 (h:mm), plus one 50-second blip on Mar 25.",
     {"incidents_seconds": (9300, 50)}),
    ("安全验证 2025年2月14日 19:59:30 到 2月15日 02:03:10 无法使用。2月10号还有一次是按提前通知做的"
     "升级维护，停了 1 个半小时。客户 2 月实付 4,500。", {"incidents_seconds": (21820,)}),
    ("DDoS 高防包 4 月份：4/12 被打了一个超过我们购买的防护峰值的大流量攻击，IP 被封堵了 3 个小时；"
     "另外 4/25 有 38 分钟是高防系统自己的问题。月费 9,800", {"incidents_seconds": (2280,)}),
    ("CFS August 2025: mount attempts all failed for 2:15 on Aug 6 and again for 0:40 on Aug 19.",
     {"incidents_seconds": (8100, 2400)}),
    # a fleet said with the kind of its instances between (4个CHC物理服务器机位, 10个计算节点)
    ("客户托管了4个CHC物理服务器机位，每个机位月费￥1,500。2026年7月其中一个机位停机150分钟，"
     "其余3个机位全月正常。", {"instances": 4}),
    ("高性能计算集群THCC，10个计算节点，2025年9月：A节点4分40秒，B节点6小时整，其他节点没事。",
     {"instances": 10}),
])
def test_every_number_is_read_in_its_own_role(text: str, expected: dict[str, object]) -> None:
    query = extract_query(text, TODAY)
    for name, value in expected.items():
        assert getattr(query, name) == value, name


def test_a_later_month_said_without_a_year_is_the_one_named_earlier_with_it() -> None:
    first = extract_query("健康药箱去年7月和8月都出过故障，能申请赔偿吗", TODAY)
    assert first.months_named == ("2025-07", "2025-08")
    later = extract_query("8月是50分钟，月费5000，先帮我算8月的", TODAY).merged_over(first)
    assert later.month == "2025-08"


def test_an_availability_the_dashboard_rounds_is_rough() -> None:
    """A rounded figure (``it only displays one decimal place``) is computed a little higher and
    lower like any rough one, so a tier's edge inside the rounding is asked about."""
    shown = extract_query("Smart triage: our dashboard shows 99.0% availability for October — it "
                          "only displays one decimal place. Fee is ¥6,000/month.", TODAY)
    assert shown.availability_pct == Decimal("99.0") and shown.rough
    assert not extract_query("Smart triage: availability was 99.0% in October. Fee ¥6,000/month.",
                             TODAY).rough


def test_rates_listed_without_a_label_the_reader_knows_are_asked_not_taken_as_rules() -> None:
    """Bucket rates pasted as a list (``2%, 7%, 38%, 61%…``) are asked about; the same count
    of percentages quoting the SLA's rule (``低于 99.95% 赔 10%，低于 99% 赔 25%``) stays context."""
    pasted = extract_query("SCF: Nov 18, buckets 13:00 through 13:55: 2%, 7%, 38%, 61%, 55%, 12%. "
                           "SCF cost us ¥1,236.50 in November.", TODAY)
    assert any(u.text.startswith("2%, 7%") for u in pasted.unclear)
    quoted = extract_query("CVM 2025年3月 挂了 90 分钟，SLA 里写的是低于 99.95% 赔 10%，低于 99% "
                           "赔 25%，月费 2000 元", TODAY)
    assert not quoted.unclear and quoted.incidents_seconds == (5400,)


def test_a_breach_asked_about_is_not_a_breach_said() -> None:
    assert not extract_query("11月3号 10:20 提的需求，14:30 回电话给了实施计划。这算超时吗？", TODAY
                             ).event_described
    assert extract_query("11月3号提的需求，响应超时了，能赔吗？", TODAY).event_described


def test_a_request_and_its_answer_said_after_their_clock_times_give_the_response_time() -> None:
    query = extract_query("安全托管服务，10 月实付 8,000。10/13 客户 10:20 打电话提需求，托管团队 15:40 "
                          "才回电给方案。这算不算超时？", TODAY)
    assert query.response_minutes == 320 and not query.event_described
