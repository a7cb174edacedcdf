"""The calculator stage's reading of an SLA's metric and variant from the question's words
(real catalog and product table; no index needed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from assistant.answer import Citation
from assistant.conversation import Turn, resolve
from assistant.credit import CreditStage
from assistant.deployments import concepts
from assistant.reading.reader import read_query
from index.products import ProductTable

TODAY = date(2026, 11, 26)


def variant(stage: CreditStage, table: ProductTable, question: str,
            history: list[Turn] | None = None) -> str | None:
    resolved = resolve(question, history or [], table, TODAY)
    sla = stage.sla_for(resolved)
    assert sla is not None
    return stage.request(resolved, sla).variant


@pytest.mark.parametrize(("question", "expected"), [
    ("弹性缓存 Redis 单可用区实例 2024年12月断了 55 秒，月费 600 元，能赔吗？",
     "同一地域下单个可用区域部署"),
    ("Redis multi-AZ with 2+ replicas: availability was 99.97% this month. Credit?",
     "同一地域下多个可用性区域"),          # not the global variant, which is multi-AZ too
    ("专线双线单接入点，这个月可用性92%，赔多少？", "双线单接入点场景"),
    ("云数据库 MySQL 实例 2025年7月不可用 20 分钟，月费 800 元，赔多少？", None),  # ask which
    ("云联网在广州同一地域内 2024年10月不可用 3 小时，月费 2000 元，赔多少？", "金"),  # 默认为金
    ("云联网 2024年10月不可用 3 小时，月费 2000 元，赔多少？", None),
    ("云联网在上海地域内两个 VPC 之间 5 月断了 40 分钟，我们选的是白金，月费 3000。", "金"),  # 不可修改
    ("Direct Connect: two lines, both landing at the same Tencent access point; 90% this month.",
     "双线单接入点场景"),
    ("Redis 实例部署在上海两个可用区，一主两副本，9 月断了 30 分钟，月费 2000。", "同一地域下多个可用性区域"),
    ("Redis 部署在上海两个可用区，9 月断了 30 分钟，月费 2000，客户按单可用区那张表算的，对吗？", None),  # which?
])
def test_variant_from_the_question(stage: CreditStage, table: ProductTable, question: str,
                                   expected: str | None) -> None:
    assert variant(stage, table, question) == expected


def test_follow_up_keeps_the_variant_named_before(stage: CreditStage, table: ProductTable
                                                  ) -> None:
    history = [Turn("user", "COS standard storage availability was 94% this month, credit?")]
    assert variant(stage, table, "And if it were 99.5% instead?", history) == "标准存储"


def test_a_follow_up_about_another_product_does_not_keep_the_variant(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "Tendis 多可用区部署上个月断了 30 分钟，月费 2000，能赔多少？"),
               Turn("assistant", "多个可用区部署的 Tendis 承诺 99.99%……")]
    assert variant(stage, table, "那 KeeWiDB 呢？同一时间也断了 30 分钟，月费 1500。", history) is None


def test_concepts() -> None:
    assert concepts("同一地域下单个可用区域部署") == {"single_az"}
    assert concepts("通过全球复制部署到腾讯云多地域下多个可用性区域的缓存") == {"global",
                                                                              "multi_az"}
    assert concepts("三节点多可用区") == {"three_node", "multi_az"}


def test_an_outage_asked_about_as_longer_is_worked_out_apart(stage: CreditStage,
                                                             table: ProductTable) -> None:
    question = ("CVM 11 月 17 号早上 7 点到晚上 10 点全挂了，月费 2 万，赔多少？要是再多挂 40 个小时会不会不一样？")
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is not None
    assert outcome.result["availability_pct"] == pytest.approx(97.916667)  # 15 hours, as said
    assert any(n.startswith("若再多 2400 分钟：可用性 92.3611%，落入“低于95%") and "（" in n
               for n in outcome.result["notes"])  # another tier, with what it would pay


def test_points_counted_without_their_runs_are_asked_where_only_runs_count(
        stage: CreditStage, table: ProductTable) -> None:
    # EO counts a 5-minute point only when 2 in a row are over its threshold
    said = "EdgeOne 站点这个月有 41 个 5 分钟统计点错误率超过了 0.1%，{}。站点这个月 2,300 元。能赔多少？"
    unplaced = stage.run(resolve(said.format("我没细看哪些是前后连着的"), [], table, TODAY))
    assert unplaced.result is None and unplaced.missing == ("downtime",)
    assert "连续 2 个 5 分钟" in unplaced.message
    runs = stage.run(resolve(said.format("都是连续超标的"), [], table, TODAY))
    assert runs.result is not None


def test_same_region_default_is_stated_in_the_result(stage: CreditStage, table: ProductTable
                                                     ) -> None:
    question = "云联网在广州同一地域内 2024年10月不可用 3 小时，该地域内月费 2000 元，赔多少？"
    resolved = resolve(question, [], table, TODAY)
    outcome = stage.run(resolved)
    assert outcome.result is not None
    assert outcome.result["credit_amount"] == 300.0  # 金: 99.5968% -> 15%
    assert any("同地域默认为金" in n for n in outcome.result["notes"])


@pytest.mark.parametrize(("question", "event"), [
    ("Managed security service (安全托管): contract fee 50,000 CNY. In May 2024 the team missed"
     " the agreed response time. Credit?", "服务响应时长超时"),
    ("安全托管服务 2024年11月没有在合同约定的时间内完成服务内容（有效期超时），服务费 8 万元",
     "服务有效期超时"),
])
def test_the_breach_event_from_chinese_or_english(stage: CreditStage, table: ProductTable,
                                                 question: str, event: str) -> None:
    resolved = resolve(question, [], table, TODAY)
    sla = stage.sla_for(resolved)
    assert sla is not None and stage.request(resolved, sla).events == [event]


def test_an_engagement_end_said_without_a_year_is_in_the_months_year_or_after(
        stage: CreditStage, table: ProductTable) -> None:
    """The claim window of a one-off service counts from its last day (应急响应 3.2)."""
    question = ("应急响应服务 2024年12月28号晚上 21:00 报障，次日 02:30 才回电话给方案，整个服务1月5号已经结束了。"
                "订单实付 20,000。")
    resolved = resolve(question, [], table, TODAY)
    sla = stage.sla_for(resolved)
    assert sla is not None and str(stage.request(resolved, sla).service_end) == "2025-01-05"


def test_a_product_named_as_an_attribute_is_not_the_one_asked(table: ProductTable) -> None:
    resolved = resolve("We had the 重保 (important-period security guarantee) service in October; "
                       "on Oct 1 the console raised a severe alert on one of our CLB-backed "
                       "hosts and the team phoned us 68 minutes later. Is that a breach?", [],
                       table, TODAY)
    assert [p.key for p in resolved.products] == ["重要时期安全保障服务"]


def test_a_price_per_seat_is_asked_whether_every_seat_was_affected(
        stage: CreditStage, table: ProductTable) -> None:
    """Seats share one service: the agreement pays on what the affected service cost, so a
    price each is never taken as the month's fee."""
    history = [Turn("user", "Our team couldn't reach the Tencent Cloud AI code assistant at all on "
                            "Oct 12 from 10:00 to 13:00. Does that qualify for a credit?"),
               Turn("assistant", "It may. What did you pay for the code assistant for October?")]
    outcome = stage.run(resolve("We're on the monthly plan, 20 seats at ¥79 each, no coupons.",
                                history, table, TODAY))
    assert outcome.result is None and outcome.missing == ("monthly_fee",)
    assert "1580" in outcome.message


def test_of_two_slas_the_one_the_figures_fit(stage: CreditStage, table: ProductTable) -> None:
    question = "消息队列 CMQ 后付费，故障队列每天费用 14.4 元，2024年8月故障 7 分 20 秒，能赔多少？"
    daily = resolve(question, [], table, TODAY)
    old = stage.sla_for(daily)
    assert old is not None and old.prose is not None and old.prose.kind == "per_minute_voucher"
    plain = stage.sla_for(resolve("消息队列 CMQ 2024年8月断了 90 分钟，月费 500 元，赔多少？", [],
                                  table, TODAY))
    assert plain is not None and plain.doc_line != old.doc_line


def test_a_word_of_the_question_that_is_not_the_variants_picks_none(
        stage: CreditStage, table: ProductTable) -> None:
    # "赔多少" shares 多 with 多可用区部署; only a variant's own words choose it
    assert variant(stage, table, "ES 集群 2025年9月 不可用 30 分钟，月费 4000，赔多少？") is None
    assert variant(stage, table, "ES AI 搜索增强版 2025年9月 不可用 30 分钟，月费 4000") == \
        "Elasticsearch Service AI 搜索增强版（多可用区部署）"


def test_fleet_slas_count_over_all_instances(stage: CreditStage, table: ProductTable) -> None:
    # TEZ (14023): 月度分钟数 × 实例总数; the 4-minute outage is under its 5-minute threshold
    resolved = resolve("边缘可用区 TEZ，我们 10 台实例 2026年8月 整月都在跑，其中 1 台断了 3 小时，"
                       "另 1 台断了 4 分钟，总月费 8,000，能赔吗？", [], table, TODAY)
    outcome = stage.run(resolved)
    assert outcome.result is not None
    assert round(outcome.result["availability_pct"], 4) == 99.9597
    assert outcome.result["credit_amount"] == 0
    assert outcome.query is not None
    assert any(u.role == "instance_count" for u in outcome.query.uses)


def test_a_fleet_sla_without_the_number_of_instances_asks_for_it(
        stage: CreditStage, table: ProductTable) -> None:
    outcome = stage.run(resolve("ECM 上个月有一台实例宕机5个小时，ECM月费一共5000，赔多少？", [],
                                table, TODAY))
    assert outcome.result is None and "几台实例" in outcome.message  # said in the question's language
    english = stage.run(resolve("ECM: one instance was down 5 hours last month, ECM fee 5000 in "
                                "total. Credit?", [], table, TODAY))
    assert english.result is None and "instances" in english.message


def test_rough_outage_lengths_that_decide_the_tier_are_asked_for(
        stage: CreditStage, table: ProductTable) -> None:
    # Grafana counts outages over 5 minutes only: "about 5 minutes" six times may pay or not
    outcome = stage.run(resolve("上个月我们的 grafana 实例断了 6 次，每次大概 5 分钟左右吧，月费 600，"
                                "能赔多少？", [], table, TODAY))
    assert outcome.result is None and outcome.missing == ("downtime",)
    assert "确切时长" in outcome.message
    # a rough figure far from any threshold is computed
    outcome = stage.run(resolve("CVM 2024年3月断了大概 90 分钟，月费 2000，赔多少", [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 200
    # a rough blip under Grafana's 5 minutes beside an exact outage: only the blip is varied,
    # and it never counts either way
    outcome = stage.run(resolve("上个月 grafana 实例断了 42 分钟，另外大概 3 分钟左右也卡了一下，月费 600，"
                                "能赔多少？", [], table, TODAY))
    assert outcome.result is not None, outcome.message


def test_a_rough_availability_at_a_tier_s_edge_is_asked_for(stage: CreditStage,
                                                            table: ProductTable) -> None:
    outcome = stage.run(resolve("CVM 2024年3月可用性大概 99% 左右，月费 2000，赔多少", [], table,
                                TODAY))  # the 99% tier bound: just above or below it
    assert outcome.result is None and "确切的可用性" in outcome.message
    outcome = stage.run(resolve("CVM 2024年3月可用性大概 97% 左右，月费 2000，赔多少", [], table,
                                TODAY))  # well inside one tier
    assert outcome.result is not None


def test_a_one_character_variant_is_not_read_inside_a_word(stage: CreditStage,
                                                           table: ProductTable) -> None:
    # 对等连接 has 白金 / 金 / 银: 实付金额 does not name 金
    assert variant(stage, table, "客户 peering connection 银，2025年11月当月实付 4,500 元，可用性只有 "
                                 "98.70%。请以实付金额为基数计算赔偿。") == "银"
    assert variant(stage, table, "对等连接白金 2024年3月 可用性 98%，月费 100") == "白金"


@pytest.mark.parametrize(("question", "missing"), [
    ("our TencentDB for SQL Server instance was down 45 minutes in Oct 2026, fee 1,100 CNY",
     ("variant",)),                                     # covered only for 双节点 and 多节点
    ("SQL Server 双节点实例 2026年10月不可用 45 分钟，月费 1100", ()),
    ("TSE nacos 上个月挂了 40 分钟，月费 900", ("variant",)),     # 单节点 is not covered
    ("TSE nacos 单节点实例上个月挂了 40 分钟，月费 900", ("out_of_scope",)),
    ("云解析 DNS 2025年3月 不可用 50 分钟，月费 300", ()),         # a paying user: not 免费版
    ("Cloud Workload Protection flagship edition, Oct 2026: agents down 3 h, fee 2000", ()),
    ("物联网开发平台 2025年12月 全部失败累计 3 个小时，月费 5000", ("variant",)),  # 公共实例 only
    ("全球应用加速 上海到 Dallas 的通道 2026年9月 丢包 2 小时，月费 6500", ("out_of_scope",)),  # 其他③
    ("全球应用加速 上海到法兰克福 2026年9月 丢包 2 小时，月费 6500", ()),  # a region not named: computed
    ("物联网开发平台公共实例 2025年12月 全部失败累计 3 个小时，月费 5000", ()),
])
def test_an_sla_covering_some_editions_asks_or_says_it_does_not_cover(
        stage: CreditStage, table: ProductTable, question: str, missing: tuple[str, ...]) -> None:
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.missing == missing
    if missing == ("out_of_scope",):
        assert outcome.citations and "不适用" in outcome.message


def test_an_edition_named_in_a_follow_up_answers_the_scope_question(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "Our TSE nacos instance was down 55 minutes in September 2026, "
                            "fee 2,400 CNY. Credit?"),
               Turn("assistant", "This agreement covers only some editions; which is yours?")]
    outcome = stage.run(resolve("3 nodes, standard edition.", history, table, TODAY))
    assert outcome.result is not None and outcome.missing == ()


def test_an_sla_paying_by_failed_requests_asks_for_them(stage: CreditStage,
                                                         table: ProductTable) -> None:
    # 验证码: 赔偿次数 = 故障事件中的失败请求次数 × 10 (17152)
    outcome = stage.run(resolve("验证码服务 2026年9月有 25 分钟不可用，能赔多少？", [], table, TODAY))
    assert outcome.missing == ("failed_requests",)


def test_a_minute_counts_only_when_every_part_the_sla_names_failed(
        stage: CreditStage, table: ProductTable) -> None:
    # 智能导诊 54826: 只有在您连续调用服务接口失败，且一分钟内控制台功能连续不可用情况下…才计入
    said = "智能导诊 2026年10月 只有 API 挂了 2 小时，控制台一直正常，月费 2000，能赔吗？"
    outcome = stage.run(resolve(said, [], table, TODAY))
    assert outcome.result is not None and outcome.result["eligible"] is False
    for both_failed in ("智能导诊 2026年10月 接口和控制台都挂了 2 小时，月费 2000",
                        "智能导诊 2026年10月 接口和控制台同时不可用 2 小时，月费 2000",
                        "智能导诊 2026年10月 接口和控制台都不能用，共 2 小时，月费 2000"):
        both = stage.run(resolve(both_failed, [], table, TODAY))
        assert both.result is not None and both.result["eligible"] is True, both_failed


def test_an_availability_read_off_the_console_is_not_the_console_working(
        stage: CreditStage, table: ProductTable) -> None:
    said = "智能导诊 2026年8月 按控制台上显示的可用性 97% 来算，月费 10000，能赔多少？"
    outcome = stage.run(resolve(said, [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 5000  # 98 > 97: 50 %


def test_series_of_rates_counted_by_the_slas_own_window_rule(stage: CreditStage,
                                                               table: ProductTable) -> None:
    # 云函数 3800: 单位时间内（5分钟为一个统计粒度）错误率超过5%，视为该单位时间的服务不可用; the
    # Grafana the numbers come from is a tool, not the product asked about
    said = ("SCF function, February 2026. Our Grafana 5-min error-rate buckets: 14:00 3%, "
            "14:05 7%, 14:10 22%, 14:15 41%, 14:20 38%, 14:25 12%, 14:30 6%, 14:35 5%. "
            "Everything else was clean. Feb bill ¥2,300. Credit?")
    outcome = stage.run(resolve(said, [], table, TODAY))
    assert outcome.result is not None and outcome.sla is not None
    assert outcome.sla.doc_line == 3777
    availability = Decimal(str(outcome.result["availability_pct"]))
    assert round(availability, 4) == Decimal("99.9256")  # 7, 22, 41, 38, 12, 6 %: 30 minutes
    assert outcome.result["credit_amount"] == 230


def test_outages_close_together_are_one_where_the_sla_says_so(stage: CreditStage,
                                                               table: ProductTable) -> None:
    # 代码签名证书 21210: 相邻的两次不可用间隔少于30分钟的，视为一次不可用
    said = "代码签名证书 2026年3月12日 10:00–10:04 不可用，10:20–10:23 又不可用，月费 400"
    outcome = stage.run(resolve(said, [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 40  # 7 min > 5
    apart = "代码签名证书 2026年3月12日 10:00–10:04 不可用，11:20–11:23 又不可用，月费 400"
    assert stage.run(resolve(apart, [], table, TODAY)).result["credit_amount"] == 0  # type: ignore[index]
    unknown = stage.run(resolve("代码签名证书 2026年3月 不可用两次：4 分钟、3 分钟，月费 400", [], table,
                                TODAY))
    assert unknown.missing == ("downtime",) and "30 分钟" in unknown.message


def test_a_claim_deadline_asked_without_a_month_asks_the_month(stage: CreditStage,
                                                                table: ProductTable) -> None:
    asked = stage.run(resolve("CVM 可用性只有 99.2%，月费 3000，赔多少，最晚哪天申请？", [], table, TODAY))
    assert asked.missing == ("month",)
    tier_only = stage.run(resolve("CVM 可用性只有 99.2%，月费 3000，赔多少？", [], table, TODAY))
    assert tier_only.result is not None  # the tier does not depend on the month


def test_only_the_outage_in_the_sentence_where_a_part_worked_is_left_out(
        stage: CreditStage, table: ProductTable) -> None:
    # 觅影开放实验平台 36820: 推送API或管理台页面推送的所有信息尝试均失败 … 才计入
    said = ("觅影开放实验平台 2026年10月 11 号推送 API 挂了 2 个小时，不过管理台推送是正常的；20 号 API 和"
            "管理台一起挂了 40 分钟。月费 6,000")
    outcome = stage.run(resolve(said, [], table, TODAY))
    assert outcome.result is not None
    assert round(outcome.result["availability_pct"], 4) == 99.9104  # only the 40 minutes


def test_outages_for_an_sla_averaging_window_error_rates_are_windows_at_100_percent(
        stage: CreditStage, table: ProductTable) -> None:
    # 人脸融合 averages 5-minute error rates; 45 hours of total failure in July 2026
    outcome = stage.run(resolve("人脸融合 2026年7月 全挂了 45 小时，所有请求都报错，月费 3000", [], table,
                                TODAY))
    assert outcome.result is not None
    assert round(outcome.result["availability_pct"], 4) == 93.9516


def test_a_fee_summed_over_instances_is_asked_per_instance_unless_the_sla_counts_the_fleet(
        stage: CreditStage, table: ProductTable) -> None:
    summed = stage.run(resolve("云硬盘 3 块盘月费合计 900，2026年10月 其中一块断了 2 小时", [], table,
                               TODAY))
    assert summed.missing == ("monthly_fee",) and "3 个实例的合计" in summed.message
    fleet = stage.run(resolve("ECM 10 台实例 2026年10月 一台宕机 5 小时，10 台月费合计 8000", [], table,
                              TODAY))
    assert fleet.result is not None  # ECM counts over all instances' minutes and fees


def test_the_reply_says_why_an_outage_did_not_count(stage: CreditStage,
                                                      table: ProductTable) -> None:
    from assistant.replies import credit_text
    said = "智能导诊 2026年10月 只有 API 挂了 2 小时，控制台一直正常，月费 2000，能赔吗？"
    outcome = stage.run(resolve(said, [], table, TODAY))
    assert outcome.result is not None
    assert "同时不可用才计入" in credit_text(outcome.result, outcome.citations, "zh")


def test_both_parts_failing_is_not_a_part_that_worked(stage: CreditStage,
                                                     table: ProductTable) -> None:
    # "（其余时间正常）" is the rest of the month, not the console
    said = ("医疗报告分类 SaaS 10 月 20 日 08:00–12:30 推送 API 和管理台全部失败（其余时间正常）。"
            "10 月账单实付 1,060.00 元")
    outcome = stage.run(resolve(said, [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 106


def test_the_product_said_to_have_failed_is_the_one_computed(stage: CreditStage,
                                                             table: ProductTable) -> None:
    bill = ("Our October bill: Digital Medical Imaging Platform (数智医疗影像平台) ¥18,000, COS ¥2,300, "
            "CVM ¥6,400. The imaging platform's APIs were completely down from 19:40 on Oct 27 "
            "until 02:10 the next morning. What credit do we get?")
    outcome = stage.run(resolve(bill, [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 1800
    tool = resolve("Our CODING workspace fell over on Oct 14 for 2 hours; from our Grafana "
                   "export the error rate was 30%. October cost ¥2,360. Credit?", [], table, TODAY)
    assert [p.key for p in tool.products] == ["CODING"]
    both = resolve("CVM 和 CBS 10月都挂了 90 分钟，月费 100", [], table, TODAY)
    assert len(both.products) == 2  # both failed: asked which, never one picked
    only_tool = resolve("Our database, HA edition: October outages from Grafana: 50 s, 12 m 34 s. "
                        "We pay ¥2,200 a month.", [], table, TODAY)
    assert only_tool.products == ()  # the tool the figures came from is not what failed: ask


def test_the_product_whose_bill_line_is_the_affected_items_is_computed(
        stage: CreditStage, table: ProductTable) -> None:
    said = ("9 月账单：TKE 服务费 1,500，CVM 节点 20,000，CBS 3,000。TKE 集群 9/8 10:00–11:30 所有 API "
            "都返回 500，其余正常。赔多少？")
    resolved = resolve(said, [], table, TODAY)
    assert len(resolved.products) == 1 and resolved.query.monthly_fee == 1500
    outcome = stage.run(resolved)
    assert outcome.result is not None and outcome.result["credit_amount"] == 150
    fine = resolve("Sep invoice: 'Cloud Load Balancer' ¥2,000 and 'Cloud Firewall' ¥5,000. The "
                   "load balancer dropped every request for 50 min on Sep 9 (the firewall was "
                   "fine).",
                   [], table, TODAY)
    assert [p.key for p in fine.products] == ["负载均衡"] and fine.query.monthly_fee == 2000


def test_a_message_of_figures_answering_the_assistant_follows_up(stage: CreditStage,
                                                                 table: ProductTable) -> None:
    history = [Turn("user", "CKafka incident on Oct 20, about an hour across our three "
                            "instances. Each instance is ¥600/month. What's the total credit?"),
               Turn("assistant", "CKafka counts each instance on its own. Could you give me the "
                                 "unreachable time for each of the three instances?")]
    resolved = resolve("ckafka-a1: 12 min, ckafka-b2: 3 min, ckafka-c3: 47 min", history, table,
                       TODAY)
    assert resolved.is_follow_up and resolved.query.fee_each
    outcome = stage.run(resolved)
    assert outcome.result is not None and outcome.result["credit_amount"] == 60


def test_an_edition_named_in_english_answers_the_scope_question(stage: CreditStage,
                                                                table: ProductTable) -> None:
    # SQL Server's SLA covers 双节点 and 多节点 only: "Dual-node." is the answer to which
    outcome = stage.run(resolve("SQL Server dual-node instance down 6m40s in October, fee "
                                "¥3,600. Credit?", [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 540


def test_another_product_down_the_same_time_carries_the_month(stage: CreditStage,
                                                              table: ProductTable) -> None:
    history = [Turn("user", "Our 声音工坊 TTS API returned InternalError nonstop for 30 hours in "
                            "September, 900 CNY/month. Credit?"),
               Turn("assistant", "30 hours = 1,800 minutes: availability 95.83%, 20% → 180 CNY.")]
    resolved = resolve("OK. Our NLP API was down for exactly the same 30 hours, also 900 "
                       "CNY/month. Same 20% there, right?", history, table, TODAY)
    assert resolved.is_follow_up and resolved.query.month == "2026-09"


def test_an_outage_with_fewer_requests_a_minute_than_the_sla_counts_is_left_out(
        stage: CreditStage, table: ProductTable) -> None:
    # 机器翻译 counts a minute only when at least 100 requests in it all failed
    outcome = stage.run(resolve(
        "Machine Translation: 09:00–09:40 on Sep 14 at about 3,000 requests/min, and 01:00–03:00 "
        "on Sep 15 at about 40 requests/min, every request failed. September bill ¥2,000.",
        [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 0
    assert any("少于协议要求的每分钟 100 次" in n for n in outcome.result["notes"])


def test_a_failed_request_count_added_later_is_what_captcha_pays_on(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "验证码 2025年6月18号晚上 20:03 到 20:15 挂了，这 12 分钟每分钟错误率都在 2% 以上。"
                            "能赔吗？赔多少？"),
               Turn("assistant", "赔偿按失败请求数的 10 倍计算，请提供失败请求数。")]
    outcome = stage.run(resolve("查到了，那次故障里失败请求一共 3,456 次。", history, table, TODAY))
    assert outcome.result is not None
    assert outcome.result["compensation"] == {"kind": "request_count", "value": 34560, "unit": "次"}


def test_of_several_instances_only_one_qualifies_and_its_fee_is_given(
        stage: CreditStage, table: ProductTable) -> None:
    outcome = stage.run(resolve(
        "TCMG instance grafana-7k2p9x (¥1,200/mo) couldn't render any dashboards for 6h on "
        "2026-04-14. The second instance grafana-m3q1 only had a 3-min blip that day. Credit?",
        [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 120
    assert "Only one qualifies" in outcome.message


def test_each_instances_outages_are_counted_one_by_one_by_the_rules(
        stage: CreditStage, table: ProductTable) -> None:
    # 裸金属: an outage of 5 minutes or less does not count, the rest round up per outage
    outcome = stage.run(resolve(
        "CBM: 3 bare-metal instances, each ¥6,800/mo. Oct 2026 unreachable events: cbm-01ab: "
        "5m00s, 38m20s, 6m30s; cbm-02cd: 4m10s; cbm-03ef: 5m01s twice. Credit?", [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 680
    assert outcome.result["availability_pct"] == pytest.approx(99.896953, abs=1e-6)  # 46 min


def test_a_fee_each_is_not_asked_again_as_a_sum(stage: CreditStage, table: ProductTable
                                                ) -> None:
    history = [Turn("user", "SD-WAN 接入上个月北京 Edge 10/17 晚上 21:40 一直到第二天 00:40 才恢复，能赔多少？"),
               Turn("assistant", "北京这台 Edge 实例 10 月的月度服务费是多少？")]
    outcome = stage.run(resolve("三台 Edge 都是 300 一个月，10 月账单上一共 900。", history, table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 30


def test_a_fleet_sla_pays_on_the_price_of_each_instance_times_their_number(
        stage: CreditStage, table: ProductTable) -> None:
    outcome = stage.run(resolve("ECM 客户9月4台实例整月在用，单价380元/台/月。故障记录：ecm-01 从9月3日23:40到"
                                "9月4日03:10不通；ecm-02 不通4分钟；ecm-03 不通50分钟；ecm-04 正常。算下赔付。",
                                [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 152  # 10% of 1,520


def test_products_named_only_as_bill_lines_are_not_the_subject(table: ProductTable) -> None:
    resolved = resolve("EMR in ap-shanghai: July 2024 API stats, 24 five-minute intervals where "
                       "every valid request got 500/503. Bill for July: EMR fee ¥6,000, CVM "
                       "¥40,000 and CBS ¥3,500 for the nodes. What credit?", [], table, TODAY)
    assert [p.key for p in resolved.products] == ["弹性 MapReduce"]


def test_a_redo_with_the_fee_corrected_keeps_the_outage(stage: CreditStage,
                                                        table: ProductTable) -> None:
    history = [Turn("user", "OrcaTerm web terminal was completely unusable for 3h20m on Oct 9. "
                            "we pay about ¥600 a month for it. credit?"),
               Turn("assistant", "200 unavailable minutes → availability 99.552%, 10% → ¥60.")]
    outcome = stage.run(resolve("oh wait, finance says October's actual OrcaTerm charge was "
                                "¥1,450 after the upgrade, not 600. redo?", history, table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 145


def test_outages_of_parts_with_their_own_thresholds(stage: CreditStage, table: ProductTable
                                                    ) -> None:
    outcome = stage.run(resolve("终端性能监控 2026年9月：控制台故障两次，一次正好 5 分钟，一次 4 小时 10 分；"
                                "上报接口故障两次，一次正好 5 分钟，一次 3 小时。月费 2,400", [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 240  # 5+250+180
    unsaid = stage.run(resolve("终端性能监控 2026年9月 挂了正好 5 分钟，月费 2400", [], table, TODAY))
    assert unsaid.result is None and unsaid.missing == ("part",)


def test_a_part_whose_state_the_user_does_not_know_is_asked(stage: CreditStage,
                                                            table: ProductTable) -> None:
    # 医疗内容平台 counts a minute only when the API and the console both fail
    outcome = stage.run(resolve("医疗内容平台 2026年10月 API 调用失败了 3 个小时，控制台那会儿没人去看，"
                                "不知道能不能用。月费 5000", [], table, TODAY))
    assert outcome.result is None and outcome.missing == ("other_part",)


def test_a_part_whose_state_is_asked_as_a_question_is_unknown(stage: CreditStage,
                                                              table: ProductTable) -> None:
    # "控制台那边当时能不能用我们没注意": 能不能用 asks, it does not say the console failed
    outcome = stage.run(resolve("智能导诊 10 月 15 号接口调用一直报错，从早上 9 点到 11 点半，控制台那边当时"
                                "能不能用我们没注意。月费 5,000，能赔吗？", [], table, TODAY))
    assert outcome.result is None and outcome.missing == ("other_part",)


def test_a_total_over_several_outages_is_asked_where_short_ones_do_not_count(
        stage: CreditStage, table: ProductTable) -> None:
    # MQTT counts only outages longer than 5 minutes: a total says nothing of which count
    for question in ("消息队列 MQTT 2026年10月断了5次，一共30分钟，月费1500",
                     "TDMQ for MQTT kept dropping in Oct 2026: 9 or 10 short disconnects, all in "
                     "all about 30 minutes. We pay ¥1,500/month."):
        outcome = stage.run(resolve(question, [], table, TODAY))
        assert outcome.result is None and outcome.missing == ("downtime",), question
    one = stage.run(resolve("消息队列 MQTT 2026年10月累计不可用30分钟，月费1500", [], table, TODAY))
    assert one.result is not None and one.result["credit_amount"] == 150
    no_threshold = stage.run(resolve("云服务器 2026年10月断了5次，一共30分钟，月费1500", [], table, TODAY))
    assert no_threshold.result is not None


def test_a_success_rate_is_the_availability_only_where_the_sla_counts_requests(
        stage: CreditStage, table: ProductTable) -> None:
    whiteboard = stage.run(resolve("互动白板 2026年10月进房成功率月平均 98.7%，月费 2600，赔多少？",
                                   [], table, TODAY))
    assert whiteboard.result is None and whiteboard.missing == ("downtime",)
    sms = stage.run(resolve("腾讯云短信 2026年10月发送成功率 94%，月费 2000，赔多少？", [], table, TODAY))
    assert sms.result is not None and sms.result["availability_pct"] == 94


def test_words_of_several_variants_ask_which(stage: CreditStage, table: ProductTable) -> None:
    assert variant(stage, table, "TDSQL-C MySQL 版 2026年9月全部失败 10 分钟，月费 6,000。客户没说是"
                                 "读写实例、只读实例还是只读分析引擎，赔付怎么算？") is None
    assert variant(stage, table, "TDSQL-C MySQL 版只读分析引擎 2026年9月全部失败 10 分钟，"
                                 "月费 6,000") == "只读分析引擎和分析集群"


@pytest.mark.parametrize(("kind", "zh", "en"), [
    ("voucher_pct_of_monthly_fee", "可获赔月度服务费的 30%（代金券）", "30% of the monthly fee, in vouchers"),
    ("extension_days", "可获赔延长服务期 30 天", "a 30-day extension of the service"),
])
def test_a_credit_without_an_amount_is_said_in_words_not_engine_names(
        kind: str, zh: str, en: str) -> None:
    from assistant.replies import credit_text

    result = {"doc_title": "X服务等级协议", "metric": "服务可用性", "eligible": True,
              "availability_pct": 94, "committed_pct": 99.9, "credit_amount": None,
              "credit_pct": None, "compensation": {"kind": kind, "value": 30, "unit": "%"},
              "claim_window": {}, "steps": []}
    assert zh in credit_text(result, (), "zh") and kind not in credit_text(result, (), "zh")
    assert en in credit_text(result, (), "en") and kind not in credit_text(result, (), "en")


def test_an_english_no_credit_lead_quotes_the_agreements_reason_as_such() -> None:
    from assistant.replies import credit_text

    result = {"doc_title": "X服务等级协议", "metric": "服务可用性", "eligible": False,
              "availability_pct": None, "committed_pct": None, "credit_amount": 0,
              "credit_pct": 0, "compensation": {"kind": "none", "value": None, "unit": None},
              "notes": ["本服务为免费服务，不适用赔偿"], "claim_window": {}, "steps": []}
    cited = Citation(doc_title="X服务等级协议", doc_line=1, section="3", page=1, line_start=2,
                     line_end=2, text="3. 本服务为免费服务，不适用赔偿。")
    lead = credit_text(result, (cited,), "en").splitlines()[0]
    assert lead.startswith("《X服务等级协议》 gives no credit") and "(in Chinese): “本服务为免费服务" in lead


def test_a_no_credit_reason_the_agreement_does_not_word_is_never_quoted() -> None:
    from assistant.replies import credit_text

    result = {"doc_title": "云顾问服务等级协议", "metric": "服务可用性", "eligible": False,
              "availability_pct": None, "committed_pct": None, "credit_amount": 0,
              "credit_pct": 0, "compensation": {"kind": "none", "value": None, "unit": None},
              "notes": ["无赔偿条款"], "claim_window": {}, "steps": []}
    cited = Citation(doc_title="云顾问服务等级协议", doc_line=1, section="2.2", page=1,
                     line_start=2, line_end=2, text="腾讯云提供的本服务可用性不低于99.95%。")
    for lang in ("en", "zh"):  # the catalog's own summary, not the agreement's words
        lead = credit_text(result, (cited,), lang).splitlines()[0]
        assert "无赔偿条款" not in lead and "“" not in lead


def test_the_bill_line_of_the_product_that_failed_is_its_fee(stage: CreditStage,
                                                             table: ProductTable) -> None:
    # the user's own short name in brackets labels its line; the other lines and their total
    # are other amounts, never asked about
    question = ("Container security (TCSS) console and agents were dead from 23:40 on the 3rd to "
                "01:10 on the 4th, this October. Our October bill lines: TCSS ¥2,000, Cloud "
                "Workload Protection ¥1,500, total ¥3,500. How much credit do we get?")
    resolved = resolve(question, [], table, TODAY)
    assert resolved.query.monthly_fee == 2000 and not resolved.query.unclear
    outcome = stage.run(resolved)
    assert outcome.result is not None and outcome.result["credit_amount"] == 200
    # the lines alone, with no line of the product: still asked which one is the fee
    lines = resolve("容器安全服务 10 月挂了 90 分钟。账单：A ¥2,000，B ¥1,500", [], table, TODAY)
    assert lines.query.monthly_fee is None and lines.query.unclear


def test_a_bill_answering_the_fee_question_keeps_the_product(stage: CreditStage,
                                                             table: ProductTable) -> None:
    history = [Turn("user", "Our EMR cluster threw HTTP 500s in June. 5-minute error rates: 12 "
                            "windows at 100%, 6 windows at 50%. What credit can we get?"),
               Turn("assistant", "EMR averages the 5-minute error rates. What was your June EMR "
                                 "charge?")]
    resolved = resolve("June bill: EMR ¥5,200, CVM ¥18,000, CBS ¥2,300.", history, table, TODAY)
    assert [p.key for p in resolved.products] == ["弹性 MapReduce"] and resolved.is_follow_up
    outcome = stage.run(resolved)
    assert outcome.result is not None and outcome.result["credit_amount"] == 520


def test_a_sum_of_error_rates_counts_only_where_the_sla_averages_them(
        stage: CreditStage, table: ProductTable) -> None:
    mean = stage.run(resolve("人像变换 9 月份 5 分钟错误率加起来是 36（也就是 3600%），月费 1,500，能赔多少？",
                             [], table, TODAY))
    assert mean.result is not None and round(mean.result["availability_pct"], 4) == 99.5833
    other = stage.run(resolve("CVM 9 月份 5 分钟错误率加起来是 36，月费 1,500，能赔多少？", [], table,
                              TODAY))
    assert other.result is None and "错误率之和算不出" in other.message


def test_a_product_asked_about_in_turn_that_no_agreement_names_is_not_the_earlier_one(
        table: ProductTable) -> None:
    history = [Turn("user", "大模型图像创作引擎 8 月份 5 分钟错误率加起来是 50，月费 3000，能赔多少？"),
               Turn("assistant", "可用性 = 1 − 50/8,928 = 99.4400% → 300 元代金券。")]
    unknown = resolve("那魔法引擎呢？同一个月，5 分钟错误率加起来是 450。", history, table, TODAY)
    assert unknown.products == ()  # asked which product, never computed for the earlier one
    tier = resolve("那专业版服务呢？", history, table, TODAY)  # an edition keeps the product
    assert [p.key for p in tier.products] == ["大模型图像创作引擎"]
    switched = resolve("那视频创作引擎呢？同一个月，5 分钟错误率加起来是 450。", history, table, TODAY)
    assert [p.key for p in switched.products] == ["大模型视频创作引擎"]
    assert switched.query.monthly_fee is None  # another product's fee is not carried


def test_a_figure_swapped_in_a_follow_up_is_read_in_the_earlier_message(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "Anti-DDoS Advanced (高防IP). Customer says 95 one-minute sample points "
                            "were unavailable in June 2026. Monthly fee ¥6,000. What credit?"),
               Turn("assistant", "(43,200 − 95)/43,200 = 99.7801% → ¥600 voucher.")]
    resolved = resolve("They recounted and it's 480 sample points, not 95. Please redo it.",
                       history, table, TODAY)
    assert resolved.is_follow_up and not resolved.query.unclear
    outcome = stage.run(resolved)
    assert outcome.result is not None and outcome.result["credit_amount"] == 1500


def test_a_sentence_of_another_language_ends_at_its_full_stop(stage: CreditStage,
                                                              table: ProductTable) -> None:
    # the commitment quoted in the next sentence is no error rate of the outage's minutes
    question = ("The NLP API was down 18 hours in total in April — every call returned "
                "InternalError. You guys promise 99.9%, right? So that should land in the 25% "
                "tier. We pay ¥900/month.")
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 0


def test_minutes_said_partly_working_beside_minutes_of_total_failure(table: ProductTable) -> None:
    history = [Turn("user", "云托管 5 月份有一个半小时 API 和控制台操作都失败，月费 1,200，能赔多少？"),
               Turn("assistant", "90 分钟，可用性 99.7984% → 120 元代金券。")]
    resolved = resolve("中间其实有 20 分钟控制台是部分能操作的，真正全部失败的只有 70 分钟。", history,
                       table, TODAY)
    assert resolved.query.incidents_seconds == (4200,)


def test_requests_every_minute_make_the_whole_month_the_minutes_counted_over(
        stage: CreditStage, table: ProductTable) -> None:
    # 文本内容安全 counts over the minutes that had valid requests (服务总分钟数)
    question = ("Text moderation (文本内容安全) had an outage on 2026-06-11 from 09:20 to 12:25. Our "
                "traffic is 24/7: there are requests every single minute of the month. June fee "
                "was ¥7,500. Credit?")
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is not None and round(outcome.result["availability_pct"], 4) == 99.5718


def test_a_follow_up_asking_for_the_same_familys_other_medium(table: ProductTable) -> None:
    history = [Turn("user", "For Text Moderation (文本内容安全), when does a minute count as down?"),
               Turn("assistant", "If the failure rate within that minute is above 0.01%.")]
    resolved = resolve("and for the audio one?", history, table, TODAY)
    assert [p.key for p in resolved.products] == ["音频内容安全"]
    assert resolved.search_text.startswith("音频内容安全")  # searched there, not in the earlier one
    assert resolve("那视频的呢", history, table, TODAY).products[0].key == "视频内容安全"


def test_a_follow_up_naming_the_other_medium_by_two_words(table: ProductTable) -> None:
    history = [Turn("user", "What availability does the LLM image creation engine (大模型图像创作引擎) "
                            "SLA commit to?"),
               Turn("assistant", "At least 99.5% per service month.")]  # 图像: the engine's 图片
    resolved = resolve("and the video creation one?", history, table, TODAY)
    assert [p.key for p in resolved.products] == ["大模型视频创作引擎"]


def test_an_outage_named_again_to_say_more_about_it_keeps_the_earlier_outages(
        table: ProductTable) -> None:
    history = [Turn("user", "我们 TDMQ Pulsar 版的集群上个月有好几次生产消费全部失败，记录是：10/05 4 分钟，"
                            "10/11 正好 5 分钟，10/17 17 分钟，10/29 26 分钟。能申请赔偿吗？"),
               Turn("assistant", "可以核算。请问 10 月实际支付的费用是多少？其中有没有代金券抵扣？")]
    resolved = resolve("10 月一共扣了 8,800，其中 800 是代金券抵的。另外那次 17 分钟的是你们半夜做升级导致的，"
                       "事先没收到任何通知。", history, table, TODAY)
    assert resolved.query.incidents_seconds == (240, 300, 1020, 1560)  # not the 17 minutes alone
    assert resolved.query.monthly_fee == 8000  # the amount asked for, less the voucher's part


def test_a_bare_figure_in_a_follow_up_is_an_availability_only_after_one(
        table: ProductTable) -> None:
    history = [Turn("user", "What's the uptime commitment for Tencent Cloud AI Code Assistant?"),
               Turn("assistant", "At least 99.9% availability per service month.")]
    resolved = resolve("ok so September: 58 of the 1,440 probes on Sep 9 failed and 3 more "
                       "full-failure minutes on Sep 10. 20 seats at ¥79/seat/month. Credit?",
                       history, table, TODAY)
    assert resolved.query.availability_pct is None
    assert "58" in [u.text for u in resolved.query.unclear]  # asked, never silently a rate


@pytest.mark.parametrize(("said", "fix", "outages"), [
    ("应用云渲染并发包6月不可用三次：7小时20分、1分50秒、50秒。并发包月费6,000，赔多少？",
     "我看错了，第一次其实是7小时11分，其他两次不变，那还赔吗？", (25860, 110, 50)),
    ("GME 语音8月三次故障：3分钟、48分钟、2小时6分。月费打了8折后实付960，赔多少？",
     "更正一下：那次“2小时6分”其实是整整8小时，我看错了。其他两次不变，重新算下？",
     (180, 2880, 28800)),
    ("混沌演练平台10月有三次不可用：14:01:01 到 14:19:30；一次59秒；还有一次 09:00:00 到 09:02:00。月费实付3000。",
     "那如果第一次其实是 14:01:01 到 14:41:01 呢？也就是整整40分钟，其他两次不变。", (2400, 120, 59)),
])
def test_one_outage_corrected_keeps_the_others(table: ProductTable, said: str, fix: str,
                                               outages: tuple[int, ...]) -> None:
    history = [Turn("user", said), Turn("assistant", "……赔 300 元代金券。")]
    resolved = resolve(fix, history, table, TODAY)
    assert resolved.query.incidents_seconds == outages and not resolved.query.unclear
    assert resolved.query.monthly_fee is not None  # the fee said before is kept too


def test_a_total_over_several_instances_is_asked_to_be_split(stage: CreditStage,
                                                             table: ProductTable) -> None:
    outcome = stage.run(resolve("云桌面3台，2月份加起来一共挂了12个小时，每台月费300，能赔多少？", [],
                                table, TODAY))
    assert outcome.result is None and "各自不可用了多久" in outcome.message
    one = stage.run(resolve("我们有6个GooseFSx实例，其中 gfsx-3 这台9月份累计连不上10个小时，这台9月的费用"
                            "是2,400，其余5台都正常。能赔多少？", [], table, TODAY))
    assert one.result is not None  # one instance's own total


def test_the_next_tier_down_is_computed_at_that_rows_bound(stage: CreditStage,
                                                           table: ProductTable) -> None:
    history = [Turn("user", "What's the voucher credit if our GooseFSx instance only hit 99.5% "
                            "availability this month?"),
               Turn("assistant", "99.9% > Av ≥ 99.0% earns a voucher worth 10% of the fee.")]
    outcome = stage.run(resolve("and the next tier down?", history, table, TODAY))
    assert outcome.result is not None and outcome.result["credit_pct"] == 20
    assert outcome.result["tier"].startswith("99.0% > Av")
    assert any("下一档" in note for note in outcome.result["notes"])


def test_a_colleagues_claim_after_an_answer_is_a_dispute_recomputed(stage: CreditStage,
                                                                      table: ProductTable) -> None:
    history = [Turn("user", "轻量数据库 3 月份连不上 3 分 05 秒，我们买的是半年包 1,800 元，能赔多少？"),
               Turn("assistant", "计 4 分钟，可用性 99.9910%，不低于承诺的 99.99%，不在赔偿范围内。")]
    resolved = resolve("可我同事说轻量数据库只要挂了就赔 15%，半年包摊下来每月 300，应该赔 45 吧？", history,
                       table, TODAY)
    assert resolved.is_follow_up
    outcome = stage.run(resolved)
    assert outcome.result is not None and outcome.result["credit_amount"] == 0  # not the 15 %


def test_a_range_said_with_its_success_rate_is_not_an_outage_by_itself(stage: CreditStage,
                                                                       table: ProductTable) -> None:
    cvm = resolve("云服务器 2026年7月14日 10:00 到 11:45 每分钟成功率都在 97% 左右，月费 6800", [], table,
                  TODAY)
    assert cvm.query.rated_ranges == ((6300, Decimal(3), Decimal(3)),)  # an error rate of 3 %
    assert stage.run(cvm).result is None  # CVM counts a minute only when every attempt failed


def test_a_pasted_bill_with_dot_leaders_gives_the_line_of_the_product_asked(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "WAF was down from 23:40 on the 3rd to 01:10 on the 4th (June). How much "
                            "credit?"),
               Turn("assistant", "That is 90 minutes. What do you pay for WAF per month?")]
    question = ("here's the June bill:\nWAF Enterprise ........ 3,980.00\nCLB ................... "
                "200.00\nCVM S5 x2 ............. 800.00\nTotal ................. 4,980.00")
    resolved = resolve(question, history, table, TODAY)
    assert resolved.query.monthly_fee == Decimal("3980") and not resolved.query.unclear
    outcome = stage.run(resolved)
    assert outcome.result is not None and outcome.result["credit_amount"] == 398


def test_a_product_said_to_have_worked_is_not_the_subject_and_its_amount_is_not_asked(
        stage: CreditStage, table: ProductTable) -> None:
    question = ("客户只买了数据安全网关（CASB），3 月 17 日 09:20–11:35 所有连到网关的连接都失败，"
                "同账单上的云数据库 MySQL 4,200 没出问题。网关这块月费 2,500。帮算下赔付。")
    resolved = resolve(question, [], table, TODAY)
    assert [p.key for p in resolved.products] == ["数据安全治理中心"]
    assert resolved.query.monthly_fee == 2500 and not resolved.query.unclear
    english = resolve("Our CLB was down 2 hours in October; CVM was fine. CLB fee 3000 a month. "
                      "Credit?", [], table, TODAY)
    assert [p.key for p in english.products] == ["负载均衡"]


def test_the_month_asked_after_an_earlier_month_already_claimed() -> None:
    q = read_query("DBS 的备份计划，7 月断了 3 个小时，已经申请过了；8 月又出了三次：4 分 30 秒、"
                   "6 分 01 秒、43 分钟。月费还是 880。8 月这次能赔多少？", TODAY)
    assert q.month == "2026-08" and q.incidents_seconds == (270, 361, 2580) and not q.unclear


def test_another_product_the_same_window_carries_the_month(table: ProductTable) -> None:
    history = [Turn("user", "Our Secrets Manager (凭据管理系统) module had InternalError on every "
                            "request for 50 minutes in September. Module fee is 400/month. Credit?"),
               Turn("assistant", "September 2026: 50 minutes down -> 99.8842%, 25% of the module "
                                 "fee = 100 CNY.")]
    resolved = resolve("Same window, the KMS module itself was also returning InternalError on "
                       "every request, but only for 8 minutes (08:02–08:10). KMS module bill is "
                       "600/month. What about that one?", history, table, TODAY)
    assert [p.key for p in resolved.products] == ["密钥管理系统"]
    assert resolved.query.month == "2026-09" and resolved.query.monthly_fee == 600


def test_windows_of_one_day_and_an_outage_of_another_are_counted_by_the_slas_threshold(
        stage: CreditStage, table: ProductTable) -> None:
    """MPS: a 5-minute window over 0.5 % is unavailable, and only 10 minutes in a row count:
    10:05–10:15 (three windows in a row, 15 minutes) and 02:00–04:10 (130) are; nothing is
    dropped in silence."""
    question = ("媒体处理 7 月 9 号上午转码老报 5xx，监控 5 分钟一个点的错误率：10:00 0.3%，10:05 1.2%，"
                "10:10 2.0%，10:15 0.8%，10:20 0.4%；另外 7 月 21 号凌晨 02:00 到 04:10 整段错误率 100%。"
                "当月消耗 6,500，赔多少？")
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is not None
    assert outcome.result["availability_pct"] == pytest.approx(99.675090)  # 145 of 44640
    apart = stage.run(resolve(question.replace("10:10 2.0%", "10:10 0.2%"), [], table, TODAY))
    assert apart.result is not None  # 10:05 and 10:15 alone: each 5 minutes, too short to count
    assert apart.result["availability_pct"] == pytest.approx(99.708781)  # 130 of 44640


def test_a_correction_of_the_instances_each_outage_keeps_the_other_instances(
        table: ProductTable) -> None:
    history = [Turn("user", "客户 12 台 THCC（高性能计算集群）实例，4 月份有 3 台各自宕机 2 小时，另有 1 台断了 "
                            "4 分 30 秒。单台月费 6,800。是否达到赔偿标准？"),
               Turn("assistant", "按所有计算节点合并计算：可用性 99.9306%，未低于 99.9%。")]
    resolved = resolve("更正一下：那 3 台各自宕机是 5 个小时，不是 2 小时，其他不变。这样能赔吗？",
                       history, table, TODAY)
    assert resolved.query.instance_minutes == (300, 300, 300, Decimal("4.5"))
    assert resolved.query.month == "2026-04" and resolved.query.instances == 12


def test_a_follow_up_availability_said_without_its_percent_sign(table: ProductTable) -> None:
    history = [Turn("user", "LCIC availability was 99.6% this month, what's the payout?"),
               Turn("assistant", "Below 99.9% but at or above 99.5%: a voucher for 10% of the fee.")]
    resolved = resolve("and at 99.2?", history, table, TODAY)
    assert resolved.query.availability_pct == Decimal("99.2") and not resolved.query.unclear


def test_a_one_character_variant_is_not_read_inside_daijinquan(stage: CreditStage,
                                                               table: ProductTable) -> None:
    """代金券 holds 金 (gold): the silver line said is the variant."""
    question = "客户使用云联网 CCN 银（月费¥1,200），2024年11月累计不可用 25小时10分，请核算赔偿代金券金额。"
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 360


@pytest.mark.parametrize(("question", "asked"), [
    # a tool's availability and the outage minutes lead to different availabilities: asked
    ("品牌经营管家（企业经营）10 月：我们 APM 面板算出来可用性 99.80%，但运维手工记录里推送 API 和管理台推送全失败的"
     "时间加起来只有 30 分钟。月费 2,000，按哪个算？能赔多少？", True),
    # the same month said both ways, rounded as the user wrote it: they agree, computed
    ("CVM 2026年10月单实例断了 43 分钟，控制台显示可用性 99.90%，月费 2000，赔多少？", False),
    # an availability the customer believes, not one a tool measured: the outages count
    ("工单：CVM 2026年4月断了 4 分钟，客户认为可用性约 99.7% 不达标，月费 8000，请核实", False),
])
def test_a_measured_availability_that_disagrees_with_the_outages_is_asked(
        stage: CreditStage, table: ProductTable, question: str, asked: bool) -> None:
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert (outcome.missing == ("which_measure",)) is asked
    assert (outcome.result is None) is asked


def test_two_tools_availabilities_are_asked_not_the_first_taken() -> None:
    q = read_query("OCR — for October 2026 our Datadog synthetic check says availability was 99.46%, "
                   "but our in-house probe says 99.62%. We spent ¥5,000 on OCR. Credit?", TODAY)
    assert [u.text for u in q.unclear] == ["99.62%"]


def test_a_breach_the_question_does_not_tell_apart_is_asked_with_what_each_pays(
        stage: CreditStage, table: ProductTable) -> None:
    outcome = stage.run(resolve("安全托管服务 10 月超时了，实付 8000，赔多少", [], table, TODAY))
    assert outcome.result is None and outcome.missing == ("event",)
    assert "10%" in outcome.message and "50%" in outcome.message


def test_a_late_call_back_is_the_response_time_breach(stage: CreditStage,
                                                      table: ProductTable) -> None:
    outcome = stage.run(resolve(
        "安全托管服务，客户按月购买，10 月实付现金 8,000（另外用了 1,000 代金券）。10/13 10:15 控制台出了告警，"
        "客户 10:20 打电话提需求，托管团队 15:40 才回电给方案。能赔多少？", [], table, TODAY))
    assert outcome.result is not None and Decimal(outcome.result["credit_amount"]) == 4000


DLC_JULY = [Turn("user", "DLC (data lake compute) — in July 2026 we had 100 five-minute windows where "
                         "every request failed. Monthly fee ¥9,000. Credit?"),
            Turn("assistant", "DLC counts unavailability in whole 5-minute units: 100 × 5 = 500 "
                              "minutes. July has 44,640 minutes …")]


def test_a_follow_up_about_another_month_does_not_reuse_the_earlier_outage(
        table: ProductTable) -> None:
    resolved = resolve("ok and August? 20 such windows in August, same ¥9,000 fee.", DLC_JULY,
                       table, TODAY)
    assert resolved.another_month and not resolved.query.has_measurement
    assert resolved.query.month == "2026-08" and resolved.query.monthly_fee == 9000


@pytest.mark.parametrize("question", ["不好意思，是8月", "sorry, it was August, not July"])
def test_a_month_corrected_keeps_the_outage(table: ProductTable, question: str) -> None:
    history = [Turn("user", "CVM 2026年7月 断了 90 分钟，月费 2000，赔多少？"),
               Turn("assistant", "可获赔 200 元。")]
    resolved = resolve(question, history, table, TODAY)
    assert resolved.query.month == "2026-08" and resolved.query.incidents_seconds == (5400,)


def test_the_month_the_assistant_asked_for_keeps_the_outage(table: ProductTable) -> None:
    history = [Turn("user", "我的 CVM 单实例上个月累计断了 2 小时，月费 260 元，能赔多少？"),
               Turn("assistant", "请问是哪一年哪个月的故障？服务月度的天数和申请时限都取决于月份。")]
    resolved = resolve("2024年3月", history, table, TODAY)
    assert resolved.query.month == "2024-03" and resolved.query.has_measurement


def test_an_amount_the_earlier_turn_said_was_not_the_fee_stays_so(table: ProductTable) -> None:
    """A colleague's figure "10% of the whole ¥6,000" after ¥2,000 each, ¥6,000 on the bill."""
    history = [Turn("user", "We run three HAI GPU instances (¥2,000/month each, ¥6,000 total on the "
                            "bill). In October 2026 one of them was unreachable for 90 minutes."),
               Turn("assistant", "HAI availability is counted per instance … ¥200 in vouchers.")]
    resolved = resolve("My colleague insists it should be 10% of the whole ¥6,000. Also the Oct 18 "
                       "blip was actually 7 minutes. What's the right number now?", history, table,
                       TODAY)
    assert resolved.query.monthly_fee == 2000


def test_a_fall_below_a_bound_is_a_tier_question_not_that_availability(
        table: ProductTable) -> None:
    """掉到95%以下 is the row below 95%, never the row holding 95% (which pays less)."""
    resolved = resolve("大模型图像创作引擎可用性掉到95%以下的话赔多少？", [], table, TODAY)
    assert resolved.query.availability_pct is None


@pytest.mark.parametrize(("earlier", "question", "asked"), [
    ("TDMQ RocketMQ 5.x 专业版集群的可用性承诺是多少？", "那铂金版呢",
     "TDMQ RocketMQ 5.x 铂金版集群的可用性承诺是多少？"),
    ("What does the CKafka Pro edition commit to?", "and the standard edition?",
     "What does the CKafka standard edition commit to?"),
    ("云联网金级承诺多少？", "那白金级呢", "云联网白金级承诺多少？"),
])
def test_another_edition_asked_alone_asks_the_earlier_question_of_it(
        table: ProductTable, earlier: str, question: str, asked: str) -> None:
    history = [Turn("user", earlier), Turn("assistant", "99.95% [1]")]
    assert resolve(question, history, table, TODAY).question == asked


@pytest.mark.parametrize(("question", "doc_line"), [
    ("TDMQ CMQ 版 6 月份断了 1 小时，按天扣费，每天 20 块，能赔多少？", 4052),  # named: the 版 agreement
    ("老版的 CMQ 队列 9月断了 1 小时，每天费用 12 元，能赔多少", 4433),         # the old one said
    ("CMQ 6月断了 1 小时，月费 600，能赔多少？", 4052),                          # either: the first
])
def test_of_a_products_two_agreements_the_one_whose_name_is_said(
        stage: CreditStage, table: ProductTable, question: str, doc_line: int) -> None:
    sla = stage.sla_for(resolve(question, [], table, TODAY))
    assert sla is not None and sla.doc_line == doc_line


def test_windows_listed_with_clock_times_and_a_range_at_another_time_are_counted_together(
        stage: CreditStage, table: ProductTable) -> None:
    # 云开发: a minute over 5 % is unavailable: 10:01 and 10:02, and 11:00–11:30 (30 minutes)
    said = ("云开发 9 月 12 号出问题。1 分钟粒度错误率：10:00 5%，10:01 30%，10:02 50%，10:03 2%；然后 11:00 到 "
            "11:30 每一分钟都在 60% 以上，之后正常。月费 299。能赔多少？")
    outcome = stage.run(resolve(said, [], table, TODAY))
    assert outcome.result is not None
    assert outcome.result["availability_pct"] == pytest.approx(99.925926)  # 32 of 43200


@pytest.mark.parametrize("answer", ["没有跨可用区，节点都在同一个可用区。月费 3,000，赔多少？",
                                    "No, every node is in Beijing Zone 6. Fee is 3,000 CNY."])
def test_a_variant_is_read_from_the_answer_and_the_question_together(
        stage: CreditStage, table: ProductTable, answer: str) -> None:
    # 三节点 from the first turn and one zone from the answer: 三节点单可用区, not 多可用区
    history = [Turn("user", "云数据库 MySQL 三节点实例，12 号断了 25 分钟，能赔吗？"),
               Turn("assistant", "三节点多可用区为 99.99%，三节点单可用区为 99.97%。是跨可用区部署的吗？")]
    assert variant(stage, table, answer, history) == "双节点多可用区/三节点单可用区"


def test_a_clock_time_corrected_takes_the_length_said_from_it_along(table: ProductTable) -> None:
    history = [Turn("user", "Our cloud disk was unreachable from 21:40 on May 6 until 01:10 on "
                            "May 7, so three and a half hours. It cost 900 CNY for May."),
               Turn("assistant", "Noted: 21:40 to 01:10, 900 CNY.")]
    resolved = resolve("Sorry, it actually came back at 00:20, not 01:10. Credit now?", history,
                       table, TODAY)
    assert resolved.query.incidents_seconds == (9600,)  # not 21:40 to 05:20, nor plus 3.5 hours


def test_another_instance_down_in_a_later_turn_is_counted_on_its_own(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "CKafka 实例 ckafka-ab12 这个月 9 号 03:00 到 03:50 连不上。"),
               Turn("assistant", "请问该实例 11 月实付多少？")]
    resolved = resolve("这个实例付了 3,000。另外 ckafka-cd34 那个实例也断了，只断了 3 分钟，一共赔多少？",
                       history, table, TODAY)
    assert resolved.query.instance_minutes == (Decimal(50), Decimal(3))  # never 3 min alone
    outcome = stage.run(resolved)  # the short one pays nothing whatever its fee
    assert outcome.result is not None and outcome.result["credit_amount"] == 300


def test_the_fee_said_of_one_named_instance_computes_that_one(
        stage: CreditStage, table: ProductTable) -> None:
    question = ("CFS 三个文件系统 10 月 8 号同一次故障：fs-q1 断了两个小时；fs-q2 断了 40 分钟；fs-q3 断了 30 秒。"
                "先算 fs-q1，它 10 月费用 1,000 元。")
    resolved = resolve(question, [], table, TODAY)
    assert resolved.query.instance_asked == 0
    outcome = stage.run(resolved)
    assert outcome.result is not None and outcome.result["credit_amount"] == 150
    summed = resolve(question.replace("先算 fs-q1，它 10 月费用", "三个合计"), [], table, TODAY)
    assert stage.run(summed).result is None  # a sum over them is no one's own fee


def test_a_bare_amount_answering_the_fee_question_is_the_fee(table: ProductTable) -> None:
    history = [Turn("user", "弹性微服务这个月 11月3日 10:00-10:50 应用实例全部异常。"),
               Turn("assistant", "了解。请问 11 月该服务实际支付的费用是多少？")]
    resolved = resolve("3,150。能赔多少", history, table, TODAY)
    assert resolved.query.monthly_fee == Decimal(3150) and not resolved.query.unclear
    asked_length = [Turn("user", history[0].content), Turn("assistant", "每次持续多久？")]
    assert resolve("3,150。能赔多少", asked_length, table, TODAY).query.monthly_fee is None


def test_an_outage_disowned_by_its_day_in_a_later_turn_is_left_out(table: ProductTable) -> None:
    history = [Turn("user", "弹性微服务这个月：11月4日 09:00-09:30 应用异常；11月21日 14:00-14:20 又不行了。"),
               Turn("assistant", "请问 11 月该服务实际支付的费用是多少？")]
    resolved = resolve("2,000。对了，21号那次是我们自己发版搞的，跟你们没关系。赔多少？", history, table,
                       TODAY)
    assert resolved.query.incidents_seconds == (1800,)


def test_a_product_said_in_a_clause_of_its_own_to_be_unrelated_is_not_asked_about(
        table: ProductTable) -> None:
    question = "CMQ 本月账单 3,000 元，12号断了 18 分钟，另外我们 CVM 那边 1.2 万跟这个没关系。赔多少？"
    assert [p.key for p in resolve(question, [], table, TODAY).products] == ["消息队列 CMQ 版"]


def test_a_voucher_amount_asked_without_the_fee_it_needs_asks_for_the_fee(
        stage: CreditStage, table: ProductTable) -> None:
    # the legacy CMQ SLA pays per outage minute from the queue's daily fee
    question = ("Legacy CMQ queue (the old one, not TDMQ) was unreachable on Nov 18 for 40 "
                "minutes. What voucher amount should we expect?")
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] is None
    assert outcome.missing == ("monthly_fee",)


def test_a_fee_for_all_instances_at_the_same_price_is_split_for_the_one_that_failed(
        stage: CreditStage, table: ProductTable) -> None:
    question = ("Cloud gaming instance cgi-1 was down 10 hours on Oct 9; the other 19 instances "
                "were fine. We pay ¥16,000 a month for all 20 instances, same spec, same price "
                "each.")
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is not None and outcome.result["request"]["monthly_fee"] == "800.00"
    summed = stage.run(resolve(question.replace(", same spec, same price each", ""), [], table,
                               TODAY))
    assert summed.result is None  # the affected one's own fee is asked for


def test_a_price_each_for_many_seats_asks_whether_all_were_affected(
        stage: CreditStage, table: ProductTable) -> None:
    outcome = stage.run(resolve("iOA零信任 10月12号 09:05 到 10:20 全部连不上。我们 500 个终端，每个每月 30 块。"
                                "能赔多少？", [], table, TODAY))
    assert outcome.result is None and "15000" in outcome.message


def test_another_outage_given_when_the_assistant_asked_for_others_adds_to_the_first(
        table: ProductTable) -> None:
    history = [Turn("user", "安全验证服务 10月20号 13:00 到 13:40 用不了。"),
               Turn("assistant", "了解。10月其他时间还有不可用的情况吗？10月实际支付的费用是多少？")]
    more = resolve("10月9号还断了 5 分钟，其他没有了。10月实付 5,000。", history, table, TODAY)
    assert sorted(more.query.incidents_seconds) == [300, 2400]
    only = resolve("10月就这一次，断了 40 分钟。10月实付 5,000。", history, table, TODAY)
    assert only.query.incidents_seconds == (2400,)


def test_of_two_products_the_one_whose_fee_is_said_is_asked_about(table: ProductTable) -> None:
    question = ("客户的拨测每 5 分钟调一次图像理解，11月22日连续 19 次拨测失败。11 月图像理解费用 2,750 元。"
                "能赔多少？")
    assert [p.key for p in resolve(question, [], table, TODAY).products] == ["图像理解"]
    caused = ("WeData 11/10 持续 40 分钟连不上；11/19 因为底层 EMR 集群挂了 3 小时任务跑不了。WeData 月费 3,000。"
              "能赔多少？")
    resolved = resolve(caused, [], table, TODAY)  # another product's doing: the product it hit,
    assert [p.key for p in resolved.products] == ["数据开发治理平台 WeData"]  # the cause set apart
    assert [p.key for p in resolved.caused_by] == ["弹性 MapReduce"]  # (left out by the item
    # naming it, or asked)


def test_a_word_of_a_product_name_in_the_figures_asked_for_keeps_the_product(
        table: ProductTable) -> None:
    history = [Turn("user", "文生图那个（大模型图像创作引擎）11月老是报内部错误"),
               Turn("assistant", "可以先按 SLA 帮您估算。请提供 11 月的不可用时长，以及 11 月该服务的费用。")]
    resolved = resolve("11月3日 10:00 到 11:30 全部失败。钱是集团主账号统一代付的，11 月是 14,200 元。", history,
                       table, TODAY)
    assert [p.key for p in resolved.products] == ["大模型图像创作引擎"] and resolved.credit_offered


@pytest.mark.parametrize("said", ["哦对了，25 号下午 16:00–16:40 也挂了一次。",
                                  "Also it went down again on the 25th, 16:00 to 16:40."])
def test_one_more_outage_said_in_a_later_turn_adds_to_the_first(table: ProductTable,
                                                                said: str) -> None:
    history = [Turn("user", "觅影开放实验平台，11月11号上午 09:30 到 12:45 平台完全登不上。"),
               Turn("assistant", "收到。请问 11 月实际支付多少？")]
    resolved = resolve(f"包月 4202 元。{said}", history, table, TODAY)
    assert sorted(resolved.query.incidents_seconds) == [2400, 11700]


def test_an_outage_across_a_month_end_counts_the_part_in_the_month_asked_later(
        table: ProductTable) -> None:
    history = [Turn("user", "Serverless HBase 10月31号晚上 23:40 开始连不上，一直到11月1号凌晨 01:10 才恢复。"),
               Turn("assistant", "这次故障跨了两个服务月度，需要分月计算。请问11月还有没有其他连不上的时段？费用是多少？")]
    resolved = resolve("11月12号下午又断了一次，14:05 到 14:30。11月账单 HBase 是 2,480 块。先算11月的", history,
                       table, TODAY)
    assert sorted(resolved.query.incidents_seconds) == [1500, 4200]


def test_the_product_named_where_the_credit_is_asked_with_its_own_amount(
        table: ProductTable) -> None:
    question = ("我同时在用 CVM 和遨驰终端 OrcaTerm。11 月 9 日 15:20–17:30 OrcaTerm 网页终端完全连不上，"
                "本地 SSH 直连 CVM 是好的。OrcaTerm 这个月付了 99 元，CVM 那边 1,100。OrcaTerm 能赔多少？")
    resolved = resolve(question, [], table, TODAY)
    assert [p.key for p in resolved.products] == ["遨驰终端 OrcaTerm"]
    assert resolved.query.monthly_fee == Decimal(99) and not resolved.query.unclear


def test_a_sum_billed_for_two_products_is_not_the_failed_ones_own_fee(
        table: ProductTable) -> None:
    question = ("我们账单上 CODING 和云原生构建是一起扣的，合计 8,000/月。CODING 10 月代码仓库推不上去，"
                "统计不可用 3 小时。能赔多少？")
    resolved = resolve(question, [], table, TODAY)
    assert [p.key for p in resolved.products] == ["CODING"]
    assert resolved.query.monthly_fee is None and resolved.query.unclear


def test_a_word_of_a_product_without_an_sla_is_not_what_failed(table: ProductTable) -> None:
    question = ("WeData、EMR、DLC 我们都在用。11月19号 14:10 到 15:05 WeData 控制台和 API 都连不上（我们几个账号"
                "都一样），EMR 和 DLC 本身是好的。11月账单：WeData 4,000，EMR 9,000，DLC 2,000。WeData 能赔多少？")
    resolved = resolve(question, [], table, TODAY)
    assert [p.key for p in resolved.products] == ["数据开发治理平台 WeData"]
    assert resolved.query.monthly_fee == Decimal(4000)


def test_the_amount_left_beside_the_asked_product_once_the_others_are_theirs_is_its_fee(
        table: ProductTable) -> None:
    question = ("流计算 Oceanus 11月3日 14:00 到 14:36 连集群的连接全部失败。Oceanus 11月账单 6,400 元"
                "（另外 CKafka 2,100、COS 340 不算在里面）。能补多少？")
    resolved = resolve(question, [], table, TODAY)
    assert resolved.query.monthly_fee == Decimal(6400) and not resolved.query.unclear
    total_only = ("大模型安全网关 11 月 9 日 13:20 到 14:55 请求全部失败。整个账号 11 月的费用：CVM 18,600、"
                  "CLB 2,400、云数据库 6,900，合计 27,900。能赔多少？")
    assert resolve(total_only, [], table, TODAY).query.monthly_fee is None  # no line of its own


def test_just_one_product_asked_for_now_is_the_one(table: ProductTable) -> None:
    question = ("TDSQL-C for MySQL had 7 min of total downtime in October 2026, connections "
                "refused the whole time. Monthly ¥2,000. Our Redis also hiccuped but I don't have "
                "numbers for that yet, so just TDSQL-C for now — what's the credit?")
    assert [p.key for p in resolve(question, [], table, TODAY).products] == ["TDSQL-C MySQL 版"]


def test_a_product_named_only_to_be_set_aside_does_not_replace_the_one_asked(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "我们的 Tendis 数据库 10 月连不上，能赔吗？"),
               Turn("assistant", "请提供不可用的起止时间和当月费用。")]
    resolved = resolve("10 月 3 日 09:00 到 10:10 连不上。月费 2,700，同一张单上还有云服务器 1,800/月，"
                       "那个别算进去。", history, table, TODAY)
    sla = stage.sla_for(resolved)
    assert sla is not None and "Tendis" in sla.doc_title
    assert resolved.query.monthly_fee == 2700


def test_a_variant_left_unsaid_is_asked_with_what_each_would_pay(stage: CreditStage,
                                                                  table: ProductTable) -> None:
    outcome = stage.run(resolve("云数据库 Redis 2026年10月断了 40 分钟，月费 3,980，能赔多少？", [],
                                table, TODAY))
    assert outcome.result is None and outcome.missing == ("variant",) and outcome.whole
    assert "单个可用区" in outcome.message and "多个可用性区域" in outcome.message
    assert "398" in outcome.message and "1194" in outcome.message  # 10 % and 30 % of 3,980


def test_a_variant_left_unsaid_that_changes_nothing_is_not_asked(stage: CreditStage,
                                                                 table: ProductTable) -> None:
    outcome = stage.run(resolve("TDSQL-C MySQL 版 2026年10月断了 1 分钟，月费 3,980，能赔多少？", [],
                                table, TODAY))
    assert outcome.result is not None and not outcome.result["eligible"]  # no variant pays


def test_several_variants_named_with_the_user_unsure_which_are_asked(stage: CreditStage,
                                                                     table: ProductTable) -> None:
    history = [Turn("user", "TDSQL-C MySQL 版的实例 10 月断了 18 分钟，能赔吗？"),
               Turn("assistant", "请问该实例 10 月的费用是多少？")]
    resolved = resolve("月费 9,000。我们读写实例、只读实例、只读分析引擎都有，出问题的是哪种我查不到。",
                       history, table, TODAY)
    sla = stage.sla_for(resolved)
    assert sla is not None and stage.request(resolved, sla).variant is None


def test_two_agreements_of_one_product_that_pay_differently_are_asked_about(
        stage: CreditStage, table: ProductTable) -> None:
    """CMQ has an old agreement (a per-minute voucher from the daily fee) and a new one (tiers
    of the monthly fee): with nothing in the question telling them apart, which one is asked;
    an agreement named only to be set aside (不是 TDMQ 里的 CMQ 版) points at the other."""
    asked = stage.run(resolve("我们的 CMQ 队列 11/6 下午挂了25分钟，生产消费全失败，每月大概花900块。"
                              "按 SLA 怎么赔？", [], table, TODAY))
    assert asked.result is None and asked.missing == ("doc",)
    assert "消息队列 CMQ 版服务等级协议" in asked.message and "消息队列 CMQ 服务等级协议" in asked.message
    old = stage.agreements_for(resolve(
        "我们还在用老的 CMQ 队列（后付费那种，不是 TDMQ 里的 CMQ 版）。11 月 18 号有个队列完全访问不了，"
        "从14:03:00到14:15:20。这个队列每天费用28.8元。能补多少代金券？", [], table, TODAY))
    assert len(old) == 1 and old[0].prose is not None
    assert old[0].prose.kind == "per_minute_voucher"


def test_an_outage_corrected_and_said_again_is_not_added_to_itself(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "One of our cloud gaming instances went dark this month — players "
                            "couldn't connect over UDP at all. I think it was about 10 hours."),
               Turn("assistant", "Sorry about that. Do you have the exact start and end times, "
                                 "and what does that instance cost per month?")]
    resolved = resolve("Checked the logs: Nov 13 from 12:30 to 23:30, so 11 hours, not 10. There "
                       "was also a 1 min 1 s drop on Nov 20. The instance is ¥3,600/month. What "
                       "do we get?", history, table, TODAY)
    assert sorted(resolved.query.incidents_seconds) == [61, 39600]


def test_an_english_instance_type_names_its_variant(stage: CreditStage,
                                                    table: ProductTable) -> None:
    history = [Turn("user", "Hi, our TDSQL-C MySQL cluster dropped all connections a few times "
                            "this month. Is that covered by the SLA?"),
               Turn("assistant", "It may be. Could you list each outage with its exact duration, "
                                 "say which instance type was affected, and tell me what you pay?")]
    resolved = resolve("From our proxy logs: Nov 4 — 2 min 10 s; Nov 9 — 55 s; Nov 17 — 4 min 5 s. "
                       "It's the read-write instance. We prepaid 3 months (Oct–Dec) for ¥8,100 in "
                       "one go, all cash, no coupons.", history, table, TODAY)
    outcome = stage.run(resolved)
    assert outcome.result is not None and outcome.result["credit_amount"] == 405


def test_outages_given_when_asked_for_any_other_problems_are_added(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "实时互动教育版（低代码互动课堂）昨晚学生一直进不了教室，从 19:00 一直到 23:05。"),
               Turn("assistant", "请问那段时间课堂进房成功率大概是多少？本月还有其他异常吗？另外本月的实际消耗费用是多少？")]
    resolved = resolve("那段时间进房成功率只有 95% 左右。另外 11 月 3 号上午 10:15–10:20 也有过一次，成功率 98%。"
                       "我们买的是预付费套餐包 3 万，本月实际消耗 6 千。能赔多少？", history, table, TODAY)
    assert sorted(resolved.query.incidents_seconds) == [300, 14700]


@pytest.mark.parametrize("question", [
    "智能创作上个月（10月）挂了差不多6个小时，在线剪辑和云导播都用不了，我们每个月付 2000，这种能赔多少？",
    "智能创作（在线剪辑那个）6 月 12 号整整挂了 10 个小时。我们是按年买的，2025 年 3 月开通，年费 2.4 万。这次能赔多少？",
])
def test_a_service_year_sla_asks_for_the_years_downtime_not_one_months(
        stage: CreditStage, table: ProductTable, question: str) -> None:
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is None and outcome.missing == ("measurement",)
    assert "服务年度" in outcome.message


def test_an_outage_carried_from_the_earlier_turn_is_not_added_to_itself(
        stage: CreditStage, table: ProductTable) -> None:
    """Asked for any other outages, the customer names only an announced maintenance: the
    earlier outage is the month's one outage, counted once."""
    history = [Turn("user", "TAPD 这个月10号下午需求和缺陷模块一直报 500，从 14:00 到 16:30，整个公司都用不了。"),
               Turn("assistant", "了解。请问本月还有其他不可用的时段吗？另外你们 TAPD 的费用是怎么付的？")]
    resolved = resolve("还有11月22日晚上 22:00–23:00 你们提前发了公告的维护。费用是年付，30 个人一年 24,000，"
                       "1月1号开通的。", history, table, TODAY)
    assert resolved.query.incidents_seconds == (9000,)


@pytest.mark.parametrize(("question", "fee"), [
    ("云加密机 10月断了 5 小时，我们这个实例每月现金付 12000，另外 RDS 每月 2000，能赔多少",
     Decimal(12000)),                       # a product the table does not know, with its own amount
    ("Threat intelligence cloud lookups (IoC / IP reputation) failed 2026-10-03 14:05 to 16:20. "
     "They're on a prepaid resource pack of ¥50,000 but only ¥8,400 was actually consumed in "
     "October; they also spend roughly ¥30k/month on CVM. What credit?", Decimal(8400)),
    ("云硬盘那块数据盘（disk-9k2m0q，挂在 CVM 上的 1TB 高性能云硬盘）10/17 凌晨 2:00 到 3:10 完全读写不了。"
     "CVM 本身月费 1,200，我们同地域还有个 CLB 一个月 180。按 SLA 能赔多少钱？", None),  # CVM's fee
])
def test_other_products_amounts_are_theirs_and_never_the_fee(
        table: ProductTable, question: str, fee: Decimal | None) -> None:
    assert resolve(question, [], table, TODAY).query.monthly_fee == fee


@pytest.mark.parametrize("question", [
    "工单里腾讯云那边已经回复了，说 9 月这台堡垒机核算下来的可用性是 98.7%。我们是包月 2,600 元，没用优惠券。"
    "另外我们还有 40 台 CVM 每台一个月 300。那能赔多少？",
])
def test_a_product_brought_in_beside_the_one_asked_is_not_asked_about(
        table: ProductTable, question: str) -> None:
    history = [Turn("user", "运维安全中心（堡垒机）9 月份协议代理出过好几次问题，运维同学怎么都连不上 CVM。"),
               Turn("assistant", "请问您是否有 9 月可用性数据？另外堡垒机每月的费用是多少？")]
    resolved = resolve(question, history, table, TODAY)
    assert [p.key for p in resolved.products] == ["运维安全中心（堡垒机）"]
    assert resolved.query.monthly_fee == Decimal(2600)


def test_an_aside_product_in_a_later_turn_keeps_the_earlier_one(table: ProductTable) -> None:
    history = [Turn("user", "Customer case: they have the Digital Identity Management Platform, "
                            "the Employee and the Consumer edition, as separate instances."),
               Turn("assistant", "Which instance was affected, when, and what does it cost?")]
    resolved = resolve("Only the Consumer instance: its console was unusable on 2026-10-07 from "
                       "19:20:00 to 20:05:40. It is ¥8,000/month, all cash; they also pay about "
                       "¥2,000 for SMS. What credit applies?", history, table, TODAY)
    assert "短信" not in [p.key for p in resolved.products]


def test_more_outages_answering_the_ask_for_others_are_added(table: ProductTable) -> None:
    history = [Turn("user", "Our SaaS WAF started returning 502s on its own on 2026-10-14 from "
                            "10:03:20 to 10:29:45. Can we claim?"),
               Turn("assistant", "Possibly. I also need to know whether there were other incidents "
                                 "in October and what you pay per month for WAF.")]
    resolved = resolve("Two more small ones: on 2026-10-20 a 40-second blip, and on 2026-10-21 "
                       "from 03:00:00 to 03:00:59. The WAF enterprise plan is ¥3,280/month. Our CVM "
                       "bill is ~¥9k but that's separate. So what's the credit?", history, table,
                       TODAY)
    assert sorted(resolved.query.incidents_seconds) == [40, 59, 1585]
    assert resolved.query.monthly_fee == Decimal(3280)


def test_what_a_product_is_used_for_names_no_other_product(table: ProductTable) -> None:
    resolved = resolve("We use GME for voice messages + speech-to-text in our game. How long does "
                       "Tencent keep the audio the SDK uploads?", [], table, TODAY)
    assert [p.key for p in resolved.products] == ["游戏多媒体引擎 GME"]


def test_a_unit_only_one_sla_pays_in_names_that_sla(stage: CreditStage,
                                                    table: ProductTable) -> None:
    resolved = resolve("压测服务 7 月份压测任务发不起来：7/15 一次 12 分 10 秒，7/28 一次整整 1 小时 5 分。那两段时间里"
                       "我们的压测任务一共消耗了 18,000 VUM。按 SLA 能补多少 VUM？", [], table, TODAY)
    rule = stage.sla_for(resolved)
    assert rule is not None and rule.doc_title == "腾讯云服务性能测试服务等级协议"


def test_a_product_set_aside_for_now_is_not_asked_about(table: ProductTable) -> None:
    resolved = resolve("身份证识别（OCR）9月12号下午15:20到16:00整段全挂过。我们9月OCR花了5600，同时CDN那边也出了问题"
                       "花了不少钱，CDN先不管。能赔多少？", [], table, TODAY)
    assert [p.key for p in resolved.products] == ["文字识别"]


@pytest.mark.parametrize(("question", "fee"), [
    ("客户用的是智能体开发平台，10月8号API全部返回内部错误持续了4个半小时。客户10月在本服务上的费用：tokens资源包6,000、"
     "知识库容量1,000；另外COS 1,500、云函数SCF 300。赔偿怎么算？", Decimal(7000)),  # its own lines summed
    ("云直播 5 月 9 日有 18 个 5 分钟统计点失败率 100%。5 月账单：基础服务流量费 6,800 元，转码+录制这些增值服务 "
     "2,100 元（增值服务没出问题），另外 CVM 900。能赔多少？", Decimal(6800)),  # a line said fine is left out
])
def test_a_services_own_bill_lines_beside_other_products_are_its_fee(
        table: ProductTable, question: str, fee: Decimal | None) -> None:
    assert resolve(question, [], table, TODAY).query.monthly_fee == fee


def test_products_named_as_lines_of_a_pasted_bill_are_not_asked_about(table: ProductTable) -> None:
    resolved = resolve("智能体开发平台 6 月 10 号 API 从上午 9 点到下午 2 点所有请求都返回内部错误。6 月账单是这样的：\n"
                       "- 智能体开发平台 tokens 资源包 3,000\n- 知识库容量 500\n- 云服务器 CVM 1,200\n"
                       "- 对象存储 COS 80\n赔多少？", [], table, TODAY)
    assert [p.key for p in resolved.products] == ["智能体开发平台"]


def test_earlier_per_instance_outages_added_up_by_the_user_stay_per_instance(
        stage: CreditStage, table: ProductTable) -> None:
    """``应该合起来 70 分钟算，两个的月费 2,000`` after A 50 and B 20 minutes at 1,000 each: the SLA
    counts each instance on its own; the earlier reading stands (A pays 10 %, B nothing)."""
    history = [Turn("user", "账号风控平台两个实例，10 月 A 实例控制台所有操作失败 50 分钟，B 实例 20 分钟，"
                            "每个实例月费 1,000，赔多少？"),
               Turn("assistant", "A：可用性约 99.8880%，赔该实例月度服务费的 10% = 100 元；B 达标，不赔。")]
    outcome = stage.run(resolve("不对吧，两个实例是同一个服务，应该合起来 70 分钟算，两个的月费 2,000，"
                                "赔 10% 是 200 才对。", history, table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 100


def test_a_bill_headed_by_the_product_is_its_own_lines_summed(
        stage: CreditStage, table: ProductTable) -> None:
    """``10 月 COS 账单：存储容量 2,100，外网下行流量 1,350，请求费 150``: COS's own charges, its
    month's fee their sum (the SLA's fee is the product's whole monthly bill)."""
    resolved = resolve("COS 10 月低频存储（多 AZ）可用性 99.91%。我们账号 10 月 COS 账单：存储容量 2,100，"
                       "外网下行流量 1,350，请求费 150。能赔多少？", [], table, TODAY)
    assert resolved.query.monthly_fee == 3600 and not resolved.query.unclear


def test_products_named_as_lines_of_a_bill_leave_the_earlier_product_asked(
        table: ProductTable) -> None:
    history = [Turn("user", "数据万象上个礼拜图片处理接口大面积 5xx，能要赔偿吗？"),
               Turn("assistant", "请提供本月的可用性以及本月数据万象的费用明细。")]
    resolved = resolve("本月可用性是 98.72%。费用的话：图片处理 1,900，图片审核 2,600，另外还有 COS 存储 "
                       "3,000（这个应该不算吧？）。", history, table, TODAY)
    assert [p.key for p in resolved.products] == ["数据万象"]  # 图片审核 is a line of its bill
    switched = resolve("那 COS 呢？费用的话：COS 1,200", history, table, TODAY)
    assert [p.key for p in switched.products] == ["对象存储"]  # one product's own bill: asked


def test_a_products_own_bill_lines_are_summed_with_other_products_lines_set_apart(
        table: ProductTable) -> None:
    q = resolve("TI-ONE 11 月平台不可访问 4 次：4 分钟、18 分钟、45 分钟、4 分 30 秒。11 月 TI-ONE 相关费用：训练任务"
                "后付费 8,800，在线服务包月 3,000；账单里另外还有 COS 400、CLB 200。能赔多少？", [], table,
                TODAY).query
    assert q.monthly_fee == Decimal("11800") and not q.unclear


def test_an_edition_the_customer_is_not_sure_of_is_asked_never_one_picked(
        stage: CreditStage, table: ProductTable) -> None:
    """终端性能监控 and its Pro edition have agreements of their own that commit differently;
    a customer not sure which one was bought is asked, and one who says it is not asked."""
    unsure = stage.run(resolve(
        "We use terminal performance monitoring (终端性能监控), honestly not sure which edition. "
        "In October it was down 3 hours; we paid ¥2,500 for October. Credit?", [], table, TODAY))
    assert unsure.result is None and unsure.missing == ("doc",)
    assert "终端性能监控 Pro 服务等级协议" in unsure.message
    unsure = stage.run(resolve("终端性能监控不记得当初开的是普通版还是 Pro 版了。上个月控制台整整 3 个小时打不开，"
                               "月费 2000。", [], table, TODAY))
    assert unsure.result is None and unsure.missing == ("doc",)
    sure = stage.run(resolve("终端性能监控 10 月断了 3 小时，10 月付了 2500 元，能赔多少？", [], table, TODAY))
    assert sure.missing != ("doc",)


@pytest.mark.parametrize(("question", "edition"), [
    ("为了省钱我在 TSE 上开了个单节点的 nacos，这个有可用性承诺吗？", "单节点"),  # excluded by name
    ("does the TencentDB SLA cover single-node / basic edition instances?", "基础版"),  # not the
])                                                                                  # one covered
def test_an_edition_the_agreement_does_not_cover_gets_its_scope_clause(
        stage: CreditStage, table: ProductTable, question: str, edition: str) -> None:
    scoped = stage.out_of_scope(resolve(question, [], table, TODAY))
    assert scoped is not None and edition in scoped.message and scoped.citations
    assert stage.out_of_scope(resolve("TSE nacos 三节点的可用性承诺是多少？", [], table, TODAY)) is None


def test_an_edition_the_agreement_only_leaves_out_by_what_it_covers_is_not_said_excluded(
        stage: CreditStage, table: ProductTable) -> None:
    """BI's clause commits 高级版 and 专业版 and says nothing of 个人版: the answer says it sets no
    commitment for it (a refusal with the clause), not that the agreement excludes it."""
    scoped = stage.out_of_scope(resolve("腾讯云BI个人版的SLA可用性承诺是多少？", [], table, TODAY))
    assert scoped is not None and not scoped.stated and "没有给个人版任何承诺" in scoped.message
    worded = stage.out_of_scope(resolve("TSE 单节点的 nacos 有可用性承诺吗？", [], table, TODAY))
    assert worded is not None and worded.stated


def test_a_credit_paid_as_a_count_asks_the_unit_price_when_a_count_is_asked(
        stage: CreditStage, table: ProductTable) -> None:
    outcome = stage.run(resolve("邮件推送 10 月发信请求 40 万次，失败了 1 万次，10 月消费 800 元，能补多少封邮件？",
                                [], table, TODAY))
    assert outcome.result is not None and outcome.missing == ("unit_price",)
    assert "刊例价" in outcome.message


def test_an_edition_said_as_maybe_one_maybe_the_other_is_asked(stage: CreditStage,
                                                                 table: ProductTable) -> None:
    outcome = stage.run(resolve("我们App接的是终端性能监控，好像是Pro版，也可能是普通版，我记不清了。10月接口连续挂了"
                                "2个小时，10月费用1500。能赔吗？", [], table, TODAY))
    assert outcome.result is None


def test_a_product_named_right_keeps_the_fee_another_product_failing_does_not(
        table: ProductTable) -> None:
    first = [Turn("user", "云数据库MySQL 9月有一次连不上 20 分钟，包年 12000，能赔多少"),
             Turn("assistant", "云数据库 MySQL 的可用性承诺按架构不同，请问是哪种架构？")]
    renamed = resolve("我看错了，其实是 TDSQL-C MySQL 版的读写实例，不是云数据库MySQL", first, table, TODAY)
    assert renamed.query.annual_fee == Decimal(12000)  # the same instance, named right
    other = [Turn("user", "云函数上个月账单 2000，10月有一段时间调用全部失败，能赔吗"),
             Turn("assistant", "请问失败持续了多久？")]
    moved = resolve("查了下其实是API网关那层挂了，10月19号晚上9点到10点所有请求都失败，函数本身没问题",
                    other, table, TODAY)
    assert moved.query.monthly_fee is None  # the 2,000 was the functions' bill



def test_an_outage_added_in_an_earlier_message_counts_with_the_one_before_it(
        stage: CreditStage, table: ProductTable) -> None:
    history = [Turn("user", "云服务器 CVM 上个月断了两个半钟头，10 月 15 号下午的事"),
               Turn("assistant", "了解。10 月还有其他中断吗？当月 CVM 的费用是多少？"),
               Turn("user", "还有一次 20 分钟。费用一千块"),
               Turn("assistant", "收到，我来核算。")]
    outcome = stage.run(resolve("能赔多少？", history, table, TODAY))
    assert outcome.result is not None  # 150 + 20 min of 44,640: 99.619% -> 10%
    assert outcome.result["availability_pct"] == pytest.approx(99.6192, abs=1e-4)
    assert outcome.result["credit_amount"] == 100


def test_a_price_per_instance_hour_for_a_fleet_all_affected_is_the_fleets_fee(
        stage: CreditStage, table: ProductTable) -> None:
    question = ("腾讯微服务平台 TSF 9月25号注册中心挂了，所有节点都连不上，从 10:42 到 12:00。费用按实例时长算，"
                "20 个实例，0.45 元/实例·小时，整个 9 月都在跑。能赔多少？")
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is not None and outcome.result["credit_amount"] == 648  # 10% of 6,480


def test_a_price_per_instance_hour_for_some_of_a_fleet_is_asked(
        stage: CreditStage, table: ProductTable) -> None:
    question = ("云服务器 CVM 9 月 3 号断了 3 小时，20 个实例，0.45 元/实例·小时，整个 9 月都在跑。能赔多少？")
    outcome = stage.run(resolve(question, [], table, TODAY))
    assert outcome.result is None and outcome.missing == ("monthly_fee",)
