"""The case a question describes, matched against its SLA's exclusion items (real corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.conversation import resolve
from assistant.credit import CreditStage
from assistant.exclusions import ExclusionMatcher, exclusion_answer
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
])
def test_no_exclusion_is_quoted_when_the_question_names_no_excluded_case(
        matcher: ExclusionMatcher, stage: CreditStage, table: ProductTable,
        question: str) -> None:
    assert exclusion_answer(resolve(question, [], table, TODAY), matcher, stage.sla_of) is None
