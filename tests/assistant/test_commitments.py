"""Commitments answered from the rule catalog (real catalog and product table; no index)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from assistant.commitments import (
    budget_answer,
    commitments_answer,
    form_answer,
    no_commitment_answer,
    period_answer,
    table_answer,
    tier_answer,
    top_tier_answer,
)
from assistant.composer import Composition
from assistant.conversation import Turn, resolve
from assistant.credit import CreditStage
from index.products import ProductTable

TODAY = date(2026, 11, 29)


def answer(question: str, stage: CreditStage, table: ProductTable,
           typed: Callable[..., Composition | None] = commitments_answer) -> str | None:
    composed = typed(resolve(question, [], table, TODAY), stage.sla_of)
    return None if composed is None else composed.text


def test_both_sides_of_a_comparison_each_with_its_source(stage: CreditStage,
                                                         table: ProductTable) -> None:
    text = answer("Media Intelligent Tagging (媒体智能标签) vs ASR (语音识别公有云): what availability "
                  "does each SLA promise?", stage, table)
    assert text is not None and "99.5% [1]" in text and "99.9% [2]" in text


@pytest.mark.parametrize(("question", "said", "unsaid"), [
    ("云联网金级和白金级分别承诺多少？", ["99.99%", "99.95%"], []),
    ("云联网白金级承诺多少？", ["99.99%"], ["99.95%"]),     # 白金 is not also 金
    ("云联网金级承诺多少？", ["99.95%"], ["99.99%"]),
])
def test_the_editions_named_are_the_rows_answered(stage: CreditStage, table: ProductTable,
                                                  question: str, said: list[str],
                                                  unsaid: list[str]) -> None:
    text = answer(question, stage, table)
    assert text is not None
    assert all(s in text for s in said) and not any(u in text for u in unsaid)


@pytest.mark.parametrize("question", [
    "COS 承诺的可用性是多少，低于多少赔偿？",             # a credit asked too
    "API 网关的日志功能有SLA保障吗？",                    # a feature, not the product
    "对等连接和云联网的白金级可用性承诺各是多少？",          # one side's commitment not read
    "RocketMQ 5.x 铂金版集群的可用性承诺是多少？",         # the quoted line does not name the row
    "域名化公网的CLB可用性承诺是多少？30天里允许多少分钟不可用？",
    "CVM 如果可用性只有 99% 赔多少？",                    # a tier asked, not a figure to confirm
])
def test_questions_asking_more_or_other_are_left_to_the_clauses(
        stage: CreditStage, table: ProductTable, question: str) -> None:
    assert answer(question, stage, table) is None


@pytest.mark.parametrize(("question", "real"), [("云联网白金级的 SLA 是 99.9% 对吧？", "99.99%"),
                                              ("Does the CVM SLA promise 99.9%?", "99.975%")])
def test_a_commitment_said_to_be_confirmed_is_answered_with_the_real_one(
        stage: CreditStage, table: ProductTable, question: str, real: str) -> None:
    text = answer(question, stage, table)
    assert text is not None and real in text


def test_the_commitment_is_written_as_its_source_writes_it(stage: CreditStage,
                                                           table: ProductTable) -> None:
    text = answer("机密计算平台承诺的可用性是多少？", stage, table)
    assert text is not None and text.startswith("答：99.90%[1]")  # the line says 99.90%


def tiers(question: str, stage: CreditStage, table: ProductTable) -> str | None:
    return answer(question, stage, table, tier_answer)


def test_what_each_sla_pays_at_the_availability_asked(stage: CreditStage,
                                                      table: ProductTable) -> None:
    text = tiers("Cloud Automated Testing (云拨测) vs IoT Enable (物联使能): if monthly availability "
                 "drops to 97%, what does each SLA pay out?", stage, table)
    assert text is not None and text.startswith("Answer: 云拨测 50%[1]; 物联使能 25%[2].")
    assert "“低于98.0% 月度服务费的50%” [1]" in text  # the row holding 97%, not the first row


def test_the_commitment_too_when_it_is_asked_and_nothing_below_it(stage: CreditStage,
                                                                  table: ProductTable) -> None:
    text = tiers("乐享和腾讯云CA的SLA，如果某个月可用性都是98%，赔偿比例一样吗？两者承诺的可用性又分别是多少",
                 stage, table)
    assert text is not None and "承诺 99.7%" in text and "承诺 99.9%" in text
    assert text.startswith("答：腾讯乐享 SaaS 10%[1]；CA 10%[3]。")
    above = tiers("云拨测可用性 99.95% 能赔多少？", stage, table)
    assert above is not None and "不赔" in above
    assert tiers("CVM 低于95%赔多少？", stage, table) is None  # two metrics, neither named


@pytest.mark.parametrize(("question", "said"), [
    ("高性能计算平台有SLA吗？可用性承诺多少，达不到的话怎么赔？", "不提供任何 SLA"),  # a free product
    ("注册集群能赔代金券吗？", "没有赔偿条款"),                              # a level, no credit
    ("Does Cloud Data Migration pay credits if the device fails?", "no credit"),
])
def test_an_sla_that_commits_or_pays_nothing_says_so_from_its_clause(
        stage: CreditStage, table: ProductTable, question: str, said: str) -> None:
    text = answer(question, stage, table, no_commitment_answer)
    assert text is not None and said in text and "[1]" in text


def test_a_level_committed_without_credit_is_still_answered_as_that_level(
        stage: CreditStage, table: ProductTable) -> None:
    assert answer("注册集群的可用性承诺是多少？", stage, table, no_commitment_answer) is None


def test_the_most_a_month_pays_is_the_top_row(stage: CreditStage, table: ProductTable) -> None:
    text = answer("声音工坊音色定制可用性不达标，最高能赔多少？", stage, table, top_tier_answer)
    assert text is not None and text.startswith("答：50%") and "低于95%" in text


@pytest.mark.parametrize("question", [
    "邮件推送服务出了问题，腾讯云赔偿总额上限是多少？",                  # the liability cap
    "If Tencent breaches the medical imaging platform (数智医疗影像平台) SLA, what's the max they'd pay?",
])
def test_a_cap_on_all_damages_is_not_the_top_row(stage: CreditStage, table: ProductTable,
                                                 question: str) -> None:
    assert answer(question, stage, table, top_tier_answer) is None


def test_a_guarantee_of_something_else_is_no_commitment(stage: CreditStage,
                                                        table: ProductTable) -> None:
    assert answer("Does Tencent guarantee the accuracy of software composition analysis (软件成分分析) "
                  "results?", stage, table) is None


@pytest.mark.parametrize(("question", "lead"), [
    ("腾讯优码SLA要是没达标，是跟别的产品一样发代金券吧？", "答：赔偿形式是延长服务使用时间，不是代金券[1]。"),
    ("CVM 的 SLA 赔偿是现金还是代金券？", "答：赔偿形式是代金券（按月度服务费的比例），不是现金[1]。"),
    ("In what form does the COS SLA pay out?",
     "Answer: it pays in service vouchers (a share of the monthly fee) [1]."),
])
def test_the_form_a_credit_takes_is_the_catalogs_and_a_wrong_premise_is_said(
        stage: CreditStage, table: ProductTable, question: str, lead: str) -> None:
    text = answer(question, stage, table, form_answer)
    assert text is not None and text.startswith(lead + "\n")  # a tier row cited (no hits here)
    assert answer("CVM 赔偿比例是多少？", stage, table, form_answer) is None  # no form asked
    assert answer("云开发短信能用通用代金券吗？", stage, table, form_answer) is None  # paying with one


def test_the_form_each_of_two_slas_pays_in_is_said_for_each(stage: CreditStage,
                                                           table: ProductTable) -> None:
    text = answer("云开发短信和邮件推送这两个SLA，不达标的时候赔的都是代金券吗？分别赔什么？", stage, table,
                  form_answer)
    assert text is not None and text.startswith("答：赔偿形式是云开发短信：短信条数，不是代金券[1]；邮件推送：")


@pytest.mark.parametrize(("question", "said"), [
    ("Is the 智能创作 (Intelligent Creation) availability measured per month like most Tencent "
     "Cloud SLAs? What's the period?", "per service year"),
    ("CVM 的可用性是按月还是按年统计的？", "按服务月度"),
])
def test_the_period_availability_is_counted_over_comes_from_the_catalog(
        stage: CreditStage, table: ProductTable, question: str, said: str) -> None:
    text = answer(question, stage, table, period_answer)
    assert text is not None and said in text and "[1]" in text
    assert answer("CVM 的可用性承诺是多少？", stage, table, period_answer) is None


def test_the_whole_tier_table_is_every_row_quoted(stage: CreditStage, table: ProductTable) -> None:
    text = answer("智能导诊 SLA 的赔偿标准是怎样的？", stage, table, table_answer)
    assert text is not None and text.startswith("答：99.9% > Av ≥ 99.0%：10%[1]")
    assert "20%" in text and "50%" in text and "100%[4]" in text


def test_same_for_another_product_asks_that_products_table(stage: CreditStage,
                                                           table: ProductTable) -> None:
    history = [Turn("user", "What are the iOA SLA credit tiers?"),
               Turn("assistant", "iOA commits to 99.9%. Below 99.9% but at least 99%: 10%…")]
    composed = table_answer(resolve("same for TBaaS?", history, table, TODAY), stage.sla_of)
    assert composed is not None and "区块链服务平台 TBaaS" in composed.citations[0].doc_title
    assert composed.text.startswith("Answer: below 99.9%, at least 99%: 10%[1]")
    assert "below 95%: 100%[3]" in composed.text


@pytest.mark.parametrize("question", [
    "智能导诊可用性 97% 赔多少？",              # a row asked: tier_answer's
    "智能导诊 SLA 最高能赔多少？",              # the top row: top_tier_answer's
])
def test_a_row_asked_is_not_the_whole_table(stage: CreditStage, table: ProductTable,
                                             question: str) -> None:
    assert answer(question, stage, table, table_answer) is None


@pytest.mark.parametrize(("question", "said"), [
    ("云桌面一个月按30天算，单实例最多允许多少分钟不可用还能达标？", ["432 分钟", "99%[1]"]),
    ("How much downtime per month does the CVM SLA allow?", ["10.8 or 11.16 minutes",
                                                            "2.16 or 2.232 minutes"]),
])
def test_the_downtime_a_month_allows_is_worked_from_the_commitment(
        stage: CreditStage, table: ProductTable, question: str, said: list[str]) -> None:
    text = answer(question, stage, table, budget_answer)
    assert text is not None and all(s in text for s in said)


def test_no_downtime_budget_for_an_sla_counted_by_error_rates(stage: CreditStage,
                                                              table: ProductTable) -> None:
    assert answer("对象存储每个月允许多少分钟不可用不算违约？", stage, table, budget_answer) is None
