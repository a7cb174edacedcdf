"""The case a question describes, matched against its SLA's exclusion items (real corpus)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from assistant.conversation import resolve
from assistant.credit import CreditStage
from assistant.exclusions import (
    ExclusionMatcher,
    _opposed,
    cases_excluded,
    exclusion_answer,
    inline_items,
)
from index.chunks import Chunker
from index.parser import Agreements
from index.products import ProductTable

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def matcher(agreements: Agreements, stage: CreditStage) -> ExclusionMatcher:
    chunks = Chunker(ProductTable.from_documents(agreements.documents)).run(agreements.documents)
    return ExclusionMatcher.from_chunks(chunks, stage.catalog.slas)


@pytest.mark.parametrize(("question", "item"), [
    ("竞价实例因为出价低被释放了，能按CVM的SLA索赔吗？", "竞价"),
    ("客户ES集群只建了两个节点，出现脑裂导致服务不可用，要求按SLA赔偿，这个能赔吗？", "脑裂"),
    ("Agent here - customer's VPN tunnel dropped for 2 hours, turned out their on-prem side had "
     "a wrong IPsec config. Do they qualify for VPN SLA credit?", "配置错误"),
    ("We only use Image Understanding within the free quota. Does the SLA's availability "
     "promise and compensation still apply to us?", "免费额度"),
    # the case in English words that are inflected or the glossary's own (upstream → 开源社区)
    ("We force-restarted our managed etcd instance and it was unreachable for ~8 minutes. "
     "Does that time count against the etcd availability?", "强制重启"),
    ("If TDMQ for RabbitMQ goes down because of a bug in upstream open-source RabbitMQ itself, "
     "does Tencent still owe SLA compensation?", "开源社区"),
])
def test_the_exclusion_that_names_the_case_is_quoted_not_the_catch_all(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable, question: str,
        item: str) -> None:
    composed = exclusion_answer(resolve(question, [], table, TODAY), matcher, stage.sla_of)
    assert composed is not None and item in composed.citations[0].quote
    assert "非腾讯云原因" not in composed.citations[0].quote


@pytest.mark.parametrize("question", [
    "CVM 3月断了 90 分钟，月费 2000，能赔吗？",        # no case an exclusion names
    "云数据库 MySQL 的免责条款有哪些？",                # no eligibility of a case asked
    "数据库备份服务的可用性承诺是多少？",
    # a definition asked ("what counts as"), not whether a case is excluded
    "We bought a TCHouse-P cluster on Oct 20 and prepaid several months. For SLA compensation, "
    "what counts as October's monthly service fee?",
    "私有连接的终端节点怎样才算“不可用”？偶尔丢几个包算不算",
])
def test_no_exclusion_is_quoted_when_the_question_names_no_excluded_case(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable,
        question: str) -> None:
    assert exclusion_answer(resolve(question, [], table, TODAY), matcher, stage.sla_of) is None


def test_an_item_of_a_clause_that_lists_its_items_inline_is_quoted_alone(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable) -> None:
    """``4.4 由以下原因…：（1）…（6）用户大规模流量突发增长…`` is one clause of 14 items: the item
    that names the case is the quote, not the whole list; and a question that says no cause
    but names the case in words no other item uses rests on that item."""
    question = ("Our cameras in Singapore push to the Intelligent Viewdata Computing platform "
                "and a lot of requests fail. Do those failures count toward the availability SLA?")
    composed = exclusion_answer(resolve(question, [], table, TODAY), matcher, stage.sla_of,
                                cause_required=False)
    assert composed is not None
    quote = composed.citations[0].quote
    assert "非中国大陆" in quote and "（1）" not in quote and "(1)" not in quote
    assert exclusion_answer(resolve(question, [], table, TODAY), matcher, stage.sla_of) is None


def test_inline_items_split_at_their_numbers_and_a_plain_clause_stays_whole() -> None:
    listed = "4.4 由以下原因导致：（1）用户自身故障。（2）用户疏忽。(3) 黑客攻击。"
    assert inline_items(listed) == ["（1）用户自身故障。", "（2）用户疏忽。", "(3) 黑客攻击。"]
    assert inline_items("4.9 实例在操作中需要重启、强制重启而花费的时间。") == [
        "4.9 实例在操作中需要重启、强制重启而花费的时间。"]


def test_a_refund_of_what_was_bought_is_no_question_of_the_slas_exclusions(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable) -> None:
    question = ("SES email push: if they freeze my account over a violation, can I get a refund "
                "for the packages I haven't used yet?")
    assert exclusion_answer(resolve(question, [], table, TODAY), matcher, stage.sla_of,
                            cause_required=False) is None


def test_a_question_asking_how_many_days_it_pays_is_no_exclusion_case(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable) -> None:
    question = "四力选品推荐如果某个月可用性低于95%，能申请延长几天服务期？"  # 4.8 names 延长服务期限 too
    assert exclusion_answer(resolve(question, [], table, TODAY), matcher, stage.sla_of,
                            cause_required=False) is None


class _ByWord:
    """A fake embedder (unit test only): texts holding the word point one way, others another."""

    def __init__(self, word: str) -> None:
        self.word = word

    def _vector(self, text: str) -> np.ndarray:
        return np.array([1.0, 0.1]) if self.word in text else np.array([0.1, 1.0])

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.array([self._vector(t) for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


def test_a_weak_word_match_is_taken_when_meaning_picks_the_same_item(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable) -> None:
    """企业网盘's 4.9 shares one rare word (欠费) with the case: too little alone, enough when
    the item is also clearly the nearest in meaning; never when meaning points elsewhere."""
    question = "企业网盘因为欠费被停了几天，停服这段时间能算进不可用时间去申请赔偿吗？"
    resolved = resolve(question, [], table, TODAY)
    assert exclusion_answer(resolved, matcher, stage.sla_of) is None
    meant = ExclusionMatcher(matcher.items, _ByWord("欠费"))  # type: ignore[arg-type]
    found = exclusion_answer(resolved, meant, stage.sla_of)
    assert found is not None and "由于欠费导致本服务暂停" in found.text
    elsewhere = ExclusionMatcher(matcher.items, _ByWord("自然灾害"))  # type: ignore[arg-type]
    assert exclusion_answer(resolved, elsewhere, stage.sla_of) is None


class _Nearest(_ByWord):
    """A fake embedder (unit test only): each text points along the first of ``words`` it
    holds, so a case is nearest the item that shares its word."""

    def __init__(self, *words: str) -> None:
        super().__init__(words[0])
        self.words = words

    def _vector(self, text: str) -> np.ndarray:
        out = np.zeros(len(self.words) + 1)
        out[next((i for i, w in enumerate(self.words) if w in text), len(self.words))] = 1.0
        return out


def test_each_case_of_a_question_that_describes_several_gets_its_own_item(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable) -> None:
    """Two cases, (a) and (b), in English words the items do not share: each is matched by
    meaning, and both items are quoted and cited; one case alone quotes at most one item."""
    question = ("EMR Serverless HBase customer had downtime from (a) an undisclosed Bug in the "
                "underlying HBase and (b) time spent force-restarting instances. Does either "
                "count toward the SLA?")
    meant = ExclusionMatcher(matcher.items, _Nearest("Bug", "强制重启"))  # type: ignore[arg-type]
    resolved = resolve(question.replace("force-restarting", "强制重启"), [], table, TODAY)
    found = exclusion_answer(resolved, meant, stage.sla_of)
    assert found is not None and len(found.citations) == 2
    assert "Bug" in found.citations[0].quote and "强制重启" in found.citations[1].quote
    single = resolve("EMR Serverless HBase customer had downtime from an undisclosed Bug in the "
                     "underlying HBase. Does it count toward the SLA?", [], table, TODAY)
    alone = exclusion_answer(single, meant, stage.sla_of)
    assert alone is None or len(alone.citations) == 1


def test_an_item_saying_the_opposite_about_notice_is_not_the_case() -> None:
    announced = "4.1 腾讯云预先通知的进行系统维护，如割接、升级等计划内停机时间。"
    assert _opposed("如果腾讯云没提前通知就做维护，这段时间算不算不可用？", announced)
    assert _opposed("maintenance done without any notice — does it count?", announced)
    assert not _opposed("提前通知过的维护算不算不可用？", announced)
    assert not _opposed("我们自己误删了数据", announced)  # no notice said either way


def _excluded(question: str, matcher: ExclusionMatcher, stage: CreditStage,
              table: ProductTable) -> tuple[tuple[int, ...], list[str]]:
    resolved = resolve(question, [], table, TODAY)
    sla = stage.sla_for(resolved)
    assert sla is not None
    query = cases_excluded(matcher, sla, resolved.query, resolved.question)
    return query.incidents_seconds, [u.note for u in query.uses if u.role == "excluded"]


def test_an_outage_whose_own_sentence_names_an_excluded_case_is_left_out(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable) -> None:
    left, why = _excluded(
        "客户的 EIP 10月份两次不通。第一次 10/05 被 DDoS 打进黑洞，断了 2小时10分；第二次 10/19 是我们出口"
        "网关故障，出方向全部丢包 95 分钟。年费 3600 元，赔多少？", matcher, stage, table)
    assert left == (5700,) and "黑洞" in why[0]  # the EIP SLA's item, quoted in the reading


def test_what_the_slas_scope_leaves_out_is_left_out(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable) -> None:
    left, why = _excluded(
        "DBS 备份计划十月：10/17 增量备份失败 47分20秒；10/23 全量备份卡死 1小时12分。另外 10/25 我们做数据恢复"
        "任务也失败了 2 小时。月费 1000，赔多少？", matcher, stage, table)
    assert left == (2840, 4320) and why == ["不包括数据恢复任务"]


@pytest.mark.parametrize("question", [
    # the case said NOT to be the excluded one
    "风险识别 RCE（付费版，不是免费额度）9月两次故障：9/10 14:01:01 到 15:01:29；9/23 又一次 40 分 10 秒。"
    "9 月费用 6000，赔多少？",
    # a single outage: whether it is excluded is the eligibility question, not silently dropped
    "客户的 EIP 10/05 被 DDoS 打进黑洞，断了 2小时10分。年费 3600 元，赔多少？",
])
def test_no_outage_is_left_out_when_the_case_is_denied_or_alone(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable, question: str) -> None:
    resolved = resolve(question, [], table, TODAY)
    left, why = _excluded(question, matcher, stage, table)
    assert left == resolved.query.incidents_seconds and not why


def test_the_item_naming_the_product_said_to_have_caused_it_leaves_that_outage_out(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable) -> None:
    resolved = resolve("WeData 10 月 26 号凌晨 03:15 到 05:40 所有账号都登不上、连接全失败；另外 10 月 12 号有 "
                       "2 个小时是底层 EMR 挂了导致 WeData 任务跑不了。WeData 10 月费用 1.4 万。", [], table, TODAY)
    assert [p.key for p in resolved.caused_by] == ["弹性 MapReduce"]
    sla = stage.sla_for(resolved)
    assert sla is not None
    query = cases_excluded(matcher, sla, resolved.query, resolved.question, resolved.caused_by)
    assert query.incidents_seconds == (8700,)
    assert any("EMR" in u.note for u in query.uses if u.role == "excluded")
