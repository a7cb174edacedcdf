"""Line shapes: section numbers, headings, table rows, widths, wrapped-line joining."""

from __future__ import annotations

import pytest

from index.domain import join_wrapped
from index.layout import (
    chinese_number,
    display_width,
    ends_sentence,
    footer_page,
    is_heading,
    is_table_row,
    section_number,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("3.2.4 您可以通过腾讯云账号查询", ((3, 2, 4), "3.2.4", "您可以通过腾讯云账号查询")),
    ("1. 术语和定义", ((1,), "1", "术语和定义")),
    ("第十二条 通知和送达", ((12,), "第十二条", "通知和送达")),
    ("二、账号注销的流程", ((2,), "二、", "账号注销的流程")),
    ("4 补偿", ((4,), "4", "补偿")),
    ("1.3 TEE 节点", ((1, 3), "1.3", "TEE 节点")),
])
def test_section_numbers(text: str, expected: tuple[tuple[int, ...], str, str]) -> None:
    assert section_number(text) == expected


@pytest.mark.parametrize("text", [
    "3条约定获得赔偿。", "5个工作日内", "2024年02月01日生效", "99.9% > Av ≥ 99.0%", "30天 × 24小时",
    "1.5 TB 的存储",
])
def test_numbers_in_sentences_are_not_sections(text: str) -> None:
    assert section_number(text) is None


@pytest.mark.parametrize(("text", "heading"), [
    ("3.1 赔偿标准", True),
    ("1.1 腾讯云云服务器服务（Cloud Virtual Machine，CVM）", True),
    ("第一条 通则", True),
    ("3.2  赔偿申请时限", True),
    ("5.1 任何腾讯云所属设备以外的网络、设备故障或配置调整引起的。", False),
    ("2.3 如果您需要注销腾讯云服务账号，您的账号需同时满足以下条件：", False),
    ("服务月度的服务可用性 赔偿代金券金额", False),
])
def test_headings(text: str, heading: bool) -> None:
    assert is_heading(text) is heading


@pytest.mark.parametrize(("text", "row"), [
    ("低于99.975%但等于或高于99% 月度服务费的10%", True),
    ("99.95% ＞ 服务可用性 ≥ 99.50 % 月度服务费的30%", True),
    ("99.5% ≤ 服务可用性 ＜ 99.9% 月度服务费的10%", True),
    ("低于95% 月度服务费的100%", True),
    ("腾讯云提供的本服务可用性不低于99.9%，如未达到上述可用性标准。", False),
])
def test_tier_rows(text: str, row: bool) -> None:
    assert is_table_row(text) is row


def test_widths_and_sentence_ends() -> None:
    assert display_width("CVM 实例") == 8
    assert display_width("　") == 2  # full-width space
    assert ends_sentence("不计入服务不可用时间。")
    assert ends_sentence("您的账号需同时满足以下条件：")
    assert not ends_sentence("您可以根据本协议第")


def test_chinese_numbers_and_footers() -> None:
    numerals = ("三", "十", "十二", "二十", "一百零五")
    assert [chinese_number(t) for t in numerals] == [3, 10, 12, 20, 105]
    assert footer_page("版权所有：腾讯云计算（北京）有限责任公司 第18 共858页") == 18
    assert footer_page("政策与规范") is None


def test_join_wrapped_lines() -> None:
    assert join_wrapped(["六十（60）自", "然日内"]) == "六十（60）自然日内"
    assert join_wrapped(["Cloud Virtual", "Machine"]) == "Cloud Virtual Machine"
    assert join_wrapped(["云硬盘", "CBS 服务"]) == "云硬盘CBS 服务"
