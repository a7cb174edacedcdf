"""Sentence splitting, number normalisation, figures and weighted coverage."""

from __future__ import annotations

import pytest

from assistant.text import (
    WordWeights,
    asked_figures,
    coverage,
    figures,
    keywords,
    normalise_numbers,
    present_words,
    question_parts,
    sentences,
    simplified,
)


def test_sentences_keep_table_labels_with_their_figures() -> None:
    text = ("对于本服务，如下：\nRocketMQ 5.x 专业版集群\n99.95%\n白金\n"
            "99.99% ＞ 服务可用性 ≥ 99.95% 月度服务费的15%")
    assert sentences(text) == ["对于本服务，如下：", "RocketMQ 5.x 专业版集群 99.95%",
                               "白金 99.99% ＞ 服务可用性 ≥ 99.95% 月度服务费的15%"]
    assert sentences("第一句。第二句；第三句") == ["第一句。", "第二句；第三句"]  # short: whole
    long_one = "发现数据安全缺陷、漏洞等风险时，将立即采取补救措施" * 3 + "；发生数据安全事件时，将立即采取处置措施。"
    assert len(sentences(long_one)) == 2  # a long sentence is cut at its "；"


def test_the_same_figure_written_two_ways() -> None:
    written = normalise_numbers("低于95.0% 月度服务费的100%，99.50 %")
    assert written == "低于95% 月度服务费的100%，99.5%"


def test_figures_of_the_kind_asked() -> None:
    assert asked_figures("最晚多久申请？") == ["deadline"]
    assert "percent" in asked_figures("可用性承诺是多少？")
    sentence = "您最晚提出赔偿申请的时间不应超过未达标的相应服务月度结束后六十（60）个自然日。"
    assert figures(sentence, ["deadline"]) == ["六十（60）个自然日"]
    formula = "可用性 =（总分钟数 - 不可用分钟数）/ 总分钟数 × 100%"
    assert figures(formula, ["percent"]) == []  # "× 100%" is a formula, not an answer
    assert figures("服务可用性 =（1 - 不可用分钟数 / 分钟总数）x 100%", ["percent"]) == []
    assert asked_figures("Then why did support say our 4-minute outage doesn't count?") == []
    assert figures("按欠费金额的万分之五收取违约金", ["percent"]) == ["万分之五"]
    assert figures("保存期限为数字证书失效后5年", ["deadline"]) == ["5年"]  # years and weeks too
    assert figures("两周内处理", ["deadline"]) == ["两周"]
    assert figures("2026年10月的账单", ["deadline"]) == []             # a date, no period


def test_coverage_weighs_rare_words_and_synonyms() -> None:
    weights = WordWeights(["服务可用性不低于99.975%", "赔偿申请时限六十自然日", "服务协议",
                           "服务费用", "服务月度"])
    words = keywords(["可用性", "承诺", "的", "什么"])
    assert words == ["可用性", "承诺"]
    # 承诺 is worded 不低于 in the agreements
    assert coverage(words, "腾讯云提供的本服务可用性不低于99.975%", weights) == 1.0
    assert coverage(words, "赔偿申请时限", weights) == 0.0
    assert 0 < coverage(words, "赔偿", weights, context="2.2 服务可用性") < 1


def test_a_negated_word_is_not_the_word() -> None:
    weights = WordWeights(["域名化公网负载均衡 99.99%", "非域名化公网负载均衡 99.95%"])
    words = ["域名化"]
    assert coverage(words, "非域名化公网负载均衡 99.95%", weights) == 0.0
    assert coverage(words, "域名化公网负载均衡 99.99%", weights) == 1.0
    assert present_words(["不计入"], "免费任务不计入不可用分钟数") == {"不计入"}


def test_follow_up_words_count_double() -> None:
    weights = WordWeights(["三节点多可用区", "双节点单可用区", "其他"])
    words = ["三节点", "双节点"]
    plain = coverage(words, "双节点单可用区", weights)
    assert coverage(words, "双节点单可用区", weights, emphasis=frozenset({"双节点"})) > plain


def test_how_it_is_computed_asks_for_no_figure() -> None:
    assert asked_figures("COS 的可用性是按桶算还是怎么算？") == []
    assert "percent" in asked_figures("COS 的可用性怎么算，承诺是多少？")


def test_a_line_broken_mid_formula_stays_one_sentence() -> None:
    text = ("假设当月为30天，单实例服务周期可用时间应为30天 × 24小时 × 60分钟 × 99.99% =\n"
            "43195.68分钟，即可存在43200 - 43195.68 = 4.32分钟的不可用时间。\n下一句。")
    assert sentences(text)[0].endswith("= 4.32分钟的不可用时间。")
    assert sentences(text)[1] == "下一句。"


def test_prose_wrapped_inside_a_table_cell_is_one_sentence() -> None:
    cell = "在接到故障反馈后，现场服务时间内立即响应，如果是非现场服务时间或节假日，应在半小时之内"
    text = (f"一级故障\n{cell}\n响应。\n"
            "低于99.9%但等于或高于99% 月度服务费的10%\n低于99% 月度服务费的25%")
    rows = ["低于99.9%但等于或高于99% 月度服务费的10%", "低于99% 月度服务费的25%"]
    assert sentences(text) == ["一级故障", f"{cell}响应。", *rows]


def test_traditional_characters_are_read_as_simplified_and_simplified_text_is_kept() -> None:
    assert simplified("醫療報告結構化 月費 1,800 元，請問可以賠多少？") == \
        "医疗报告结构化 月费 1,800 元，请问可以赔多少？"
    said = "云服务器 CVM 三月份断了 90 分钟，著作权人以后再申请，后台记录为准"
    assert simplified(said) == said and simplified("plain English") == "plain English"


@pytest.mark.parametrize(("question", "parts"), [
    ("备案要多久？另外费用谁出？", 2),
    ("how far ahead must we ask for escort, and what counts as a large burst?", 2),
    ("Two things: is the hardware covered, and does it apply during a trial?", 2),
    ("CVM 的赔偿标准是什么？", 1),
    ("What is the CVM SLA? ok?", 1),                       # too short to ask on its own
    ("我们在上海和广州都有实例，赔偿比例是多少？", 1),
])
def test_a_message_asking_several_things_is_cut_into_its_questions(question: str,
                                                                    parts: int) -> None:
    assert len(question_parts(question)) == parts


def test_a_figure_is_never_the_tail_of_a_decimal() -> None:
    # 43195.68分钟 is no 68分钟: a lead read from it would state a figure the clause never says
    said = "可用时间应为30 × 24小时 × 60分钟 × 99.99% = 43195.68分钟，即存在 4.32分钟的不可用时间。"
    assert figures(said, ["deadline"]) == ["43195.68分钟", "4.32分钟"]  # read whole (× 24小时 is
    # a formula's)
    assert figures("请在60个自然日内申请", ["deadline"]) == ["60个自然日"]


def test_a_variant_character_is_read_as_the_agreements_write_it() -> None:
    assert simplified("4月帳單是4,800，其中800是用代金券抵扣的") == "4月账单是4,800，其中800是用代金券抵扣的"
    assert simplified("4月帐单是4,800") == "4月账单是4,800"
