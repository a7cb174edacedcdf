"""Extraction of SLA rules from the parsed clauses: row shapes, payouts, counting, claims."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators.rules import BadWindow
from index.parser import Agreements
from index.sla_rules.claims import find_claim_window, find_period, find_scope
from index.sla_rules.commitments import find_commitments
from index.sla_rules.counting import find_counting
from index.sla_rules.rows import parse_bounds, parse_payout
from index.sla_rules.tables import find_tables


@pytest.mark.parametrize(("text", "bounds"), [
    ("低于99.975%但等于或高于99% 月度服务费的10%", ("99", True, "99.975", False)),
    ("低于95% 月度服务费的100%", (None, False, "95", False)),
    ("99.99% ＞ 服务可用性 ≥ 99.95% 月度服务费的10%", ("99.95", True, "99.99", False)),
    ("99.95% ＞ 服务可用性 ≥ 99.50 % 月度服务费的30%", ("99.50", True, "99.95", False)),
    ("99.00% > 服务可用性 月度服务费的100%", (None, False, "99.00", False)),
    ("99.5% ≤ 服务可用性 ＜ 99.9% 月度服务费的10%", ("99.5", True, "99.9", False)),
    ("≤ 95% 月度服务费的100%", (None, False, "95", True)),
    ("a < 95% 月度服务费的100%", (None, False, "95", False)),
    ("高级版 99.9%＞Av ≥ 99% 月度服务费的10%", ("99", True, "99.9", False)),
])
def test_row_shapes(text: str, bounds: tuple) -> None:  # type: ignore[type-arg]
    b = parse_bounds(text)
    assert b is not None
    got = (None if b.lower is None else str(b.lower), b.lower_inclusive, str(b.upper),
           b.upper_inclusive)
    assert got == bounds


@pytest.mark.parametrize(("rest", "kind", "value"), [
    ("月度服务费的10%", "voucher_pct_of_monthly_fee", "10"),
    ("10%", "voucher_pct_of_monthly_fee", "10"),
    ("服务费的50%", "voucher_pct_of_order_fee", "50"),
    ("2倍超出服务可用性标准的不可用分钟数", "downtime_multiple_minutes", "2"),
    ("额外三个月的服务使用时间", "extension_months", "3"),
    ("15个自然日", "extension_days", "15"),
    ("年度服务时长的25%", "extension_pct_of_term", "25"),
    ("服务周期服务费用的10%所对应的短信条数。", "sms_count", "10"),
    ("邮件推送服务次数 = 月度服务费用的30% / 按量付费模式的单封邮件 刊例价 ，四舍五入取整",
     "email_count", "30"),
    ("1.5*服务月度内不可用分钟数内的消耗 VUM", "vum_multiple", "1.5"),
])
def test_payouts(rest: str, kind: str, value: str) -> None:
    payout = parse_payout(rest)
    assert payout is not None and (payout.kind, payout.value) == (kind, Decimal(value))


def test_tables_with_labels_and_page_breaks(agreements: Agreements) -> None:
    cvm, _ = find_tables(agreements.document("1285"))
    assert [len(t.rows) for t in cvm] == [3, 3]
    assert cvm[1].rows[1][0].no == 1593           # row split off by the page break
    ccn, _ = find_tables(agreements.document("11575"))
    assert [t.label for t in ccn] == ["白金", "金", "银"]


def test_commitments(agreements: Agreements) -> None:
    values = [str(c.value) for c in find_commitments(agreements.document("8253"))]
    assert values == ["99.99", "99.97", "99.97", "99.95", "99.95"]


def test_counting_and_claims(agreements: Agreements) -> None:
    assert find_counting(agreements.document("1607")).ignore_up_to_seconds == 300
    assert find_counting(agreements.document("13422")).consecutive_windows == 2
    assert find_counting(agreements.document("44070")).kind == "success_rate"
    assert find_counting(agreements.document("25862")).kind == "window_error_rate"
    cls = find_counting(agreements.document("7011"))  # the formula is an image; its denominator
    assert (cls.kind, cls.window_minutes) == ("window_error_rate", 5)  # 12 x 24 x days is text
    assert find_counting(agreements.document("21151")).merge_gap_minutes == 30
    assert find_claim_window(agreements.document("14409")).opens_n == 3
    assert find_claim_window(agreements.document("12198")).deadline == "working_days_after_breach"


def test_commitment_names_as_written(agreements: Agreements) -> None:
    redis = find_commitments(agreements.document("8897"))
    assert [c.name for c in redis] == ["同一地域下单个可用区域部署", "同一地域下多个可用性区域",
                                       "通过全球复制部署到腾讯云多地域下多个可用性区域的缓存"]
    assert [c.exact_seconds for c in redis] == [False, False, True]     # 8946–8948
    clb = find_commitments(agreements.document("10385"))   # header 10527 is not a label
    assert [c.name for c in clb] == ["域名化公网负载均衡 CLB 和网关负载均衡 GWLB",
                                     "非域名化公网负载均衡 CLB 和内网负载均衡 CLB"]


def test_counting_csc_under_a_minute(agreements: Agreements) -> None:
    assert find_counting(agreements.document("18904")).ignore_up_to_seconds == 60  # 18933
    assert find_counting(agreements.document("21289")).ignore_up_to_seconds == 19  # 20秒以内:
    # 机密计算 21322, shorter than 20 s is never unavailable


def test_short_outage_wordings(agreements: Agreements) -> None:
    """Thresholds, whole units and excess-only counting as each SLA words them."""
    def rule(doc_line: str) -> tuple[int, int, int, str, bool]:
        c = find_counting(agreements.document(doc_line))
        return (c.ignore_up_to_seconds, c.min_outage_minutes, c.window_minutes, c.rounding,
                c.excess_only)
    assert rule("6576")[1] == 1           # 未持续60秒，则不计入 (6607–6609)
    assert rule("9507")[1] == 5           # 失败状态持续5分钟以上…计入 (9556)
    assert rule("13875")[1] == 5          # 持续5分钟以上或更长时间，计该时长 (13896)
    assert rule("52695")[1] == 1          # 在1分钟以内，不属于服务不可用 (52720)
    assert rule("41695")[0] == 300        # 在5分钟以内（含5分钟）(41728–41730)
    assert rule("15018")[1] == 10         # 低于连续10分钟不计入 (15039–15041)
    assert rule("24868")[2] == 3          # 该三（3）分钟才计入 (24895)
    assert rule("23670")[2] == 1          # 每一分钟视为一个采样点 (23691)
    assert rule("38041")[2:4] == (1, "floor_minute")   # 低于1分钟的部分不计入 (38076)
    assert rule("18562")[1::3] == (5, True)            # 超过5分钟的阈值部分计入 (18601)
    assert rule("46239")[3] == "ceil_minute"           # displaced into 3. 赔偿方案 (46298)
    assert rule("43650")[0] == 300        # 在5分钟（含）以下，不计入 (43691)
    assert rule("42824")[:2] == (0, 5)    # 不超过5分钟的，不包含5分钟: 5 minutes count (42857)


def test_period_and_engagement_claims(agreements: Agreements) -> None:
    assert find_period(agreements.document("56059")).kind == "natural_month"   # 56108
    assert find_period(agreements.document("57120")).kind == "natural_month"   # 57128
    redteam = find_claim_window(agreements.document("21949"))                  # 22030–22036
    assert (redteam.opens, redteam.deadline) == ("after_working_day_after_engagement",
                                                 "natural_days_after_engagement")
    assert find_claim_window(agreements.document("21775")).opens == "after_engagement"


def test_the_editions_an_sla_covers(agreements: Agreements) -> None:
    sqlserver = find_scope(agreements.document("8488"))        # 仅适用于…双节点…和多节点实例
    assert sqlserver is not None and sqlserver.excluded == ()
    assert {"双节点", "多节点"} <= set(sqlserver.covered)
    tse = find_scope(agreements.document("5132"))              # 单节点的实例不适用于本协议
    assert tse is not None and (tse.covered, tse.excluded, tse.free) == ((), ("单节点",), ())
    cwp = find_scope(agreements.document("19742"))             # 基础版属于免费功能（不承诺SLA）
    assert cwp is not None and cwp.covered == ("专业版", "旗舰版") and cwp.free == ("基础版",)
    bi = find_scope(agreements.document("25428"))              # 本服务高级版和专业版…不低于99.90%
    assert bi is not None and (bi.covered, bi.excluded) == (("高级版", "专业版"), ("个人版",))
    gaap = find_scope(agreements.document("12730"))            # 其他③ / / / / / (12801, 12808)
    assert gaap is not None and not gaap.ask_when_unnamed and not gaap.covered
    assert {"美国中部达拉斯", "Dallas", "悉尼"} <= set(gaap.excluded) and "德国" not in gaap.excluded
    assert find_scope(agreements.document("1285")) is None     # CVM covers every instance
    assert find_scope(agreements.document("3442")) is None     # 免费的个人版 only described


def test_parts_counted_by_thresholds_of_their_own(agreements: Agreements) -> None:
    parts = find_counting(agreements.document("43406")).parts       # 43437–43443
    assert {(p.part, p.ignore_up_to_seconds, p.min_outage_minutes) for p in parts} == {
        ("控制台", 0, 5), ("接口", 300, 0)}
    assert find_counting(agreements.document("43650")).parts == ()  # the same rule for both


def test_parts_that_must_all_fail(agreements: Agreements) -> None:
    assert find_counting(agreements.document("54781")).all_of == ("接口", "控制台")  # 54826
    assert find_counting(agreements.document("1285")).all_of == ()


def test_the_rules_a_readings_doubts_turn_on(agreements: Agreements) -> None:
    orcaterm = find_counting(agreements.document("39875"))  # 部分成功时…视为该分钟内的本服务是可用的
    assert orcaterm.any_success_available and orcaterm.maintenance_excluded
    cvm = find_counting(agreements.document("1285"))  # its 常规维护 is another agreement's
    assert not cvm.any_success_available and not cvm.maintenance_excluded
    assert find_counting(agreements.document("44668")).valid_numbers_only  # 语音消息: valid numbers
    assert not cvm.valid_numbers_only
    im = find_counting(agreements.document("44462"))  # 全部或部分消息发送尝试成功的…视为…可用
    assert im.any_success_available


def test_when_a_statistics_window_is_unavailable(agreements: Agreements) -> None:
    # 37289: ``单位时间内（5分钟为一个统计粒度）错误率超过5%，视为该单位时间的服务不可用``
    assert find_counting(agreements.document("37258")).bad_window == BadWindow(5, Decimal("5"))
    assert find_counting(agreements.document("14409")).bad_window == BadWindow(5, Decimal("0.05"))
    assert find_counting(agreements.document("37399")).bad_window == BadWindow(1, Decimal("5"))
    assert find_counting(agreements.document("1285")).bad_window is None
    # （每5分钟为一个单位时间）白板进房成功率低于99%: a success rate below 99 % is errors above 1 %
    assert find_counting(agreements.document("56950")).bad_window == BadWindow(5, Decimal("1"))
    assert find_counting(agreements.document("45402")).bad_window == BadWindow(1, Decimal("1"))
    # 内容安全 35127: 服务在1分钟内的失败率大于0.01%的，计为该分钟内服务不可用。服务连续1分钟以上不可用的，
    # 计为一次故障事件: a minute over 0.01 %, and no outage under a minute
    text = find_counting(agreements.document("35092"))
    assert text.bad_window == BadWindow(1, Decimal("0.01")) and text.min_outage_minutes == 1
    # EO 13273, said apart from its pair rule: 错误率（…）大于0.1%，则视为该单位时间异常
    eo = find_counting(agreements.document("13240"))
    assert eo.consecutive_windows == 2 and eo.bad_window == BadWindow(5, Decimal("0.1"))
