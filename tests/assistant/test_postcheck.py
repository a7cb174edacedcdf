"""The post-check of generated answers: pure functions, no model."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.postcheck import check, figures, markers, mention_values

CLAUSE_1 = ("《云服务器服务等级协议》3.2 赔偿申请时限，第31页\n用户应在每个自然月结束后六十（60）"
            "个自然日内提出赔偿申请，逾期视为放弃。")
CLAUSE_2 = ("《云服务器服务等级协议》4 赔偿标准，第32页\n月度服务可用性低于99.95%但等于或高于99%，"
            "赔偿月度服务费的10%；违约金按日万分之五计算。")


def values(text: str) -> list[set[Decimal]]:
    return [set(v) for _, v in figures(text)]


def test_markers_in_every_form() -> None:
    assert markers("见[1]，另见[2, 3]、［4］与[2]") == [1, 2, 3, 4]
    assert markers("没有标注") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("六十日", Decimal(60)),
    ("60日", Decimal(60)),
    ("９５．０％", Decimal(95)),
    ("95%", Decimal("0.95")),
    ("万分之五", Decimal("0.0005")),
    ("0.05%", Decimal("0.0005")),
    ("百分之十", Decimal(10)),
    ("1.2万元", Decimal(12000)),
    ("一万二千元", Decimal(12000)),
    ("九十九点九五", Decimal("99.95")),
    ("3,000 元", Decimal(3000)),
])
def test_a_figure_is_read_by_value_whichever_way_it_is_written(text: str,
                                                                expected: Decimal) -> None:
    assert expected in mention_values(text)


@pytest.mark.parametrize("text", [
    "一般情况下由第三方负责，双方一致同意", "统一适用，进一步说明", "IPv6、S3 与 RocketMQ 5.x",
    "见[1][2]", "1. 先提交工单\n2. 再等待处理", "一个月内", "百度与千兆网络"])
def test_words_names_markers_and_list_numbers_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_dates_are_read_as_their_numbers() -> None:
    assert values("2024-05-30") == [{Decimal(2024)}, {Decimal(5)}, {Decimal(30)}]


def test_a_faithful_answer_passes() -> None:
    answer = ("应在每个自然月结束后60个自然日内申请赔偿[1]。可用性低于99.95%但不低于99%时，"
              "赔偿月度服务费的百分之十[2]。")
    verdict = check(answer, [CLAUSE_1, CLAUSE_2])
    assert verdict.ok, verdict.reasons
    assert verdict.cited == (1, 2)


def test_an_english_answer_with_converted_figures_passes() -> None:
    answer = ("Claims are due within 60 natural days after the month ends [1]; "
              "the penalty is 0.05% per day [2] (“万分之五”).")
    assert check(answer, [CLAUSE_1, CLAUSE_2]).ok


def test_an_invented_number_is_rejected() -> None:
    verdict = check("应在30个自然日内申请赔偿[1]。", [CLAUSE_1, CLAUSE_2])
    assert not verdict.ok
    assert "30" in verdict.reasons[0]


def test_an_invented_chinese_numeral_is_rejected() -> None:
    verdict = check("应在九十个自然日内申请赔偿[1]。", [CLAUSE_1])
    assert not verdict.ok and "九十" in verdict.reasons[0]
    assert not check("违约金按日万分之三计算[2]。", [CLAUSE_1, CLAUSE_2]).ok


def test_a_number_from_a_clause_it_does_not_cite_is_rejected() -> None:
    # 10% is in clause 2, but the sentence cites only clause 1
    assert not check("赔偿月度服务费的10%[1]。", [CLAUSE_1, CLAUSE_2]).ok


def test_an_answer_citing_nothing_is_rejected() -> None:
    verdict = check("应在六十个自然日内申请赔偿。", [CLAUSE_1])
    assert not verdict.ok and verdict.reasons == ("cites no clause",)


def test_citing_a_clause_it_was_not_given_is_rejected() -> None:
    verdict = check("应在六十个自然日内申请赔偿[3]。", [CLAUSE_1, CLAUSE_2])
    assert not verdict.ok
    assert any("[3]" in r for r in verdict.reasons)


def test_figures_of_the_calculator_result_are_allowed() -> None:
    result = {"credit_pct": 10, "credit_amount": 68.0, "availability_pct": 99.8958,
              "claim_window": {"opens": "2024-04-01", "deadline": "2024-05-30"}}
    answer = "可获赔68.0元，即月费的10%，最晚于2024年5月30日前申请[1]。"
    assert check(answer, [CLAUSE_1], result).ok
    assert not check("可获赔70元[1]。", [CLAUSE_1], result).ok


def test_english_number_words_and_months_are_checked() -> None:
    assert check("Claims are due within sixty days [1].", [CLAUSE_1]).ok
    assert not check("Claims are due within ninety days [1].", [CLAUSE_1]).ok
    result = {"claim_window": {"opens": "2024-07-06", "deadline": "2024-08-29"}}
    assert check("File from July 6 to August 29, 2024 [1].", [CLAUSE_1], result).ok
    assert not check("File by September 29, 2024 [1].", [CLAUSE_1], result).ok
    assert figures("We may ship in March.") == []
