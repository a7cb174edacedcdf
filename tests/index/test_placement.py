"""Placing displaced headings in front of their bodies, on small hand-made pages."""

from __future__ import annotations

from index.placement import Head, Para, place_headings, similarity


def para(text: str, number: tuple[int, ...] | None = None, continues: bool = False) -> Para:
    return Para(text=text, number=number, continues=continues, after_colon=False)


def test_numbered_paragraphs_pin_their_parent_headings() -> None:
    heads = [Head((1, 3), "数据存储持久性"), Head((1, 4), "数据可销毁性")]
    paras = [para("1.2.8 …", (1, 2, 8)), para("1.3.1 …", (1, 3, 1)), para("1.4.1 …", (1, 4, 1))]
    assert place_headings(heads, paras) == [1, 2]


def test_an_unnumbered_section_between_numbered_ones() -> None:
    """CVM 1.7.5 … 1.8 (unnumbered body) … 1.9.1: 1.8 goes to the paragraph in between."""
    heads = [Head((1, 8), "数据可审查性"), Head((1, 9), "服务功能性")]
    paras = [para("1.7.5 除应当地法律法规…", (1, 7, 5)),
             para("根据现有法律法规要求，为了配合政府监管部门的监管…"),
             para("1.9.1 腾讯云云服务器为用户提供…", (1, 9, 1))]
    assert place_headings(heads, paras) == [1, 2]


def test_parent_and_child_share_the_first_paragraph() -> None:
    heads = [Head((1,), "术语和定义"), Head((1, 1), "腾讯云云服务器服务（CVM）"),
             Head((1, 2), "单实例")]
    paras = [para("为使用腾讯云云服务器服务（以下简称“本服务”），您应当阅读并遵守…"),
             para("是指腾讯云为您在云中提供可扩展的计算服务…"),
             para("单位数量为1的云服务器实例。")]
    assert place_headings(heads, paras, first_page=True) == [1, 1, 2]


def test_a_heading_never_starts_inside_a_sentence_from_the_previous_page() -> None:
    heads = [Head((3, 2), "赔偿申请时限")]
    paras = [para("然日内未提出赔偿申请…", continues=True), para("（1）如某服务月度没有达到…")]
    assert place_headings(heads, paras) == [1]


def test_in_place_headings_order_the_displaced_ones() -> None:
    heads = [Head((1,), "术语和定义"), Head((3,), "赔偿方案")]
    paras = [para("服务可用性 = …"), para("腾讯云提供的本服务可用性不低于99.9%"),
             para("对于本服务，如服务可用性低于标准…")]
    # 2.1 printed in place before paragraph 0, 3.1 before paragraph 2
    assert place_headings(heads, paras, anchors=[(0, (2, 1)), (2, (3, 1))]) == [0, 2]


def test_similarity_reads_the_start_of_the_paragraph() -> None:
    assert similarity("赔偿标准", "对于本服务，若服务可用性低于标准，您有权获得赔偿") > 0.5
    assert similarity("数据私密性", "单位数量为1的云服务器实例。") == 0
