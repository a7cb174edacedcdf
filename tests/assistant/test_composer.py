"""The composer's choice of sentences (real clause text; no index needed)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.composer import (
    ExtractiveComposer,
    Pick,
    _asked,
    _asked_head,
    _echoed,
    _keeping,
    _tier_named,
    _window_side,
)
from assistant.conversation import Turn, resolve
from assistant.text import sentences
from index.chunks import Chunk
from index.parser import Agreements
from index.products import ProductTable
from index.retrieval.types import Hit


def _picks(agreements: Agreements, title: str, said: str) -> list[Pick]:
    """Every sentence of the clause of ``title`` that says ``said``, as picks of one hit."""
    doc = agreements.document(title)
    clause = next(c for c in doc.clauses if said in c.text)
    chunk = Chunk(id=f"{clause.id}:0", clause_id=clause.id, part=0, doc_id=doc.id,
                  doc_title=doc.title, doc_line=doc.doc_line, product="", kind=doc.kind,
                  section=clause.section, heading=clause.heading, path=(doc.title,),
                  page=doc.page_start, line_start=clause.line_start, line_end=clause.line_end,
                  text=clause.text, embed_text=clause.text)
    hit = Hit(chunk, 1.0)
    return [Pick(s, hit, 0, i, 0.5) for i, s in enumerate(sentences(clause.text))]


def test_a_sentence_ending_in_a_colon_brings_the_items_it_introduces(
        agreements: Agreements) -> None:
    picks = _picks(agreements, "腾讯云品牌经营管家企业经营服务等级协议", "下列信息一同提供")
    intro = next(p for p in picks if p.sentence.endswith("："))
    chosen = ExtractiveComposer._with_list_items([intro], picks)
    assert [p.sentence[:3] for p in chosen[1:]] == ["（1）", "（2）", "（3）"]
    assert ExtractiveComposer._with_list_items(picks[-1:], picks) == picks[-1:]  # no colon, no items


def test_a_sentence_naming_the_following_materials_brings_them(agreements: Agreements) -> None:
    # 腾讯云可能要求您提供以下材料，您需配合提供。 then （1）… （3）…: no colon, still a list's intro
    picks = _picks(agreements, "腾讯云数据仓库 TCHouse-D 服务等级协议", "提供以下材料")
    intro = next(p for p in picks if "以下材料" in p.sentence)
    chosen = ExtractiveComposer._with_list_items([intro], picks)
    assert [p.sentence[:3] for p in chosen[1:]] == ["（1）", "（2）", "（3）"]


def test_an_item_of_a_numbered_list_brings_the_other_items(agreements: Agreements) -> None:
    """"What info do I have to include?" answered by one item of the claim's list: the
    numbering runs on before and after it, so the whole list is the answer."""
    picks = _picks(agreements, "腾讯云品牌经营管家企业经营服务等级协议", "下列信息一同提供")
    second = next(p for p in picks if p.sentence.startswith("（2）"))
    chosen = ExtractiveComposer._with_other_items([second], picks)
    assert sorted(p.sentence[:3] for p in chosen) == ["（1）", "（2）", "（3）"]
    intro = next(p for p in picks if p.sentence.endswith("："))
    assert ExtractiveComposer._with_other_items([intro], picks) == [intro]  # no item, no list


def test_a_rule_is_quoted_with_the_condition_it_hangs_on(agreements: Agreements) -> None:
    picks = _picks(agreements, "边缘安全加速平台 EO 服务等级协议", "仅限于您自身业务使用")
    resale = next(p for p in picks if "转售" in p.sentence)  # 如您…将本服务通过转售…: its rule
    chosen = ExtractiveComposer._with_conditions([resale], picks)  # is the sentence before
    assert any("仅限于您自身业务使用" in p.sentence for p in chosen)
    opener = next(p for p in picks if "仅限于您自身业务使用" in p.sentence)  # and the other way
    assert any("转售" in p.sentence for p in ExtractiveComposer._with_conditions([opener], picks))


def test_a_follow_up_with_a_question_of_its_own_is_led_by_that_question(
        agreements: Agreements) -> None:
    table = ProductTable.from_documents(agreements.documents)
    history = [Turn("user", "CVM 的赔偿申请期限是多久？"),
               Turn("assistant", "月度结束后 60 日内。")]
    own = resolve("can we file it through a ticket instead?", history, table, date(2026, 11, 26))
    assert own.is_follow_up and _asked(own) == own.question  # asks no duration: no 60 日 lead
    narrow = resolve("那 COS 呢？", history, table, date(2026, 11, 26))
    assert _asked(narrow) == narrow.intent_text  # the earlier question, asked of COS
    said = resolve("申请的时候要提供啥？", history, table, date(2026, 11, 26))
    assert _asked(said) == said.question  # 啥 asks a question of its own, as 什么 does


def test_labelled_lines_after_a_colon_are_its_items(agreements: Agreements) -> None:
    # 其数据存储持久性分别为： then 对象存储：99.9999999999%（12个9） / 块存储：… on lines of their own
    picks = _picks(agreements, "Serverless 容器服务服务等级协议", "持久性分别为")
    intro = next(p for p in picks if p.sentence.endswith("："))
    items = ExtractiveComposer._with_list_items([intro], picks)[1:]
    assert items and items[0].sentence.startswith("对象存储：99.9999999999%")


@pytest.mark.parametrize(("figure", "question", "echoed"), [
    ("99.95%", "Does that time count against the etcd 99.95% availability?", True),
    ("99.95%", "etcd 的 99.95 ％ 可用性，重启时间算不算？", True),
    ("10%", "如果可用性掉到 99.5%，赔多少？", False),      # the figure the question asks for
    ("5%", "可用性掉到 95% 赔多少？", False),              # 5% is not said: 95% is
    ("60 个自然日", "申请期限是多久？", False),
])
def test_a_lead_never_repeats_the_figure_the_question_states(
        figure: str, question: str, echoed: bool) -> None:
    assert _echoed(figure, question) is echoed


@pytest.mark.parametrize(("question", "row"), [
    ("What availability does the Gold QoS tier of VPC peering connections promise?", "金"),
    ("对等连接白金级的可用性是多少？", "白金"),
    ("对等连接承诺多少可用性？", None),                   # no tier named
    ("白金和金各是多少？", None),                        # two: each row is asked
])
def test_the_tier_a_question_names_is_matched_as_a_table_row_states_it(
        question: str, row: str | None) -> None:
    named = _tier_named(question)
    if row is None:
        assert named is None
        return
    assert named is not None and named.search(f"{row} 99.50%（3.6h）")
    assert row == "白金" or not named.search("白金 99.95%（0.36h）")  # gold is not in platinum


def test_a_short_sentence_opening_a_clause_brings_the_rule_that_follows(
        agreements: Agreements) -> None:
    picks = _picks(agreements, "腾讯云服务协议", "数据保留期内")
    opener = next(p for p in picks if p.sentence.startswith("6.3"))
    chosen = ExtractiveComposer._with_clause_rest([opener], picks)
    assert any("数据保留期满腾讯云可删除用户业务数据" in p.sentence for p in chosen)
    assert ExtractiveComposer._with_clause_rest(picks[1:2], picks) == picks[1:2]  # no clause opened


def test_the_lead_is_the_figure_of_what_the_duration_asked_hangs_on() -> None:
    assert _asked_head("CA 数字证书服务合同里，相关信息至少要保存多久？") == "保存"
    assert _asked_head("申请期限是几天？") == "期限"
    assert _asked_head("How long do you keep it?") is None
    claim = "在未达标的相应服务月度结束后的六十（60）日内提出赔偿申请"
    assert not _keeping("How long do you keep my data?", claim)  # a claim window keeps nothing
    assert _keeping("How long do you keep my data?", "腾讯云将仅在所必需的期间内保留您的数据")
    assert _keeping("How long is the claim window?", claim)


def test_two_agreements_lists_sharing_an_items_text_are_each_quoted_whole(
        agreements: Agreements) -> None:
    """Homework correction and medical report structuring both list ``（2）您的业务不可用具体时间段，
    精确到分钟。``: each list's item is its own, so a comparison quotes both lists whole."""
    homework = _picks(agreements, "腾讯云作业批改服务等级协议", "下列信息一同提供")
    medical = _picks(agreements, "医疗报告结构化 SaaS 服务等级协议", "下列信息一同提供")
    medical = [Pick(p.sentence, p.hit, 1, p.position, p.support) for p in medical]
    intros = [next(p for p in picks if p.sentence.endswith("：")) for picks in (homework, medical)]
    chosen = ExtractiveComposer._with_list_items(intros, homework + medical)
    items = [p for p in chosen if p.sentence.startswith("（2）")]
    assert len(items) == 2 and items[0].hit is not items[1].hit


@pytest.mark.parametrize(("question", "side"), [
    ("ok and whats the latest I can file the claim?", "end"),
    ("CVM 赔偿申请的截止时间", "end"),
    ("how long do we have to claim?", "end"),
    ("最早什么时候能申请？", "start"),
    ("how soon can I file a COS claim", "start"),
    ("赔偿申请期限是多久？", None),  # the window as a whole
])
def test_the_side_of_a_claim_window_asked(question: str, side: str | None) -> None:
    found = _window_side(question)
    opening = "次月的第五（5）个工作日后，仅通过工单系统提出赔偿申请"
    closing = "在未达标的相应服务月度结束后的六十（60）自然日内提出"
    if side is None:
        assert found is None
    else:
        assert found is not None and bool(found.search(closing)) == (side == "end")
        assert bool(found.search(opening)) == (side == "start")
