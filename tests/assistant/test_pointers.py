"""A document's own facts as the answer: its link and its last update (real corpus headers)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.conversation import Turn, resolve
from assistant.pointers import effective_lines, pointer_answer, titled
from index.chunks import Chunk
from index.domain import Document
from index.parser import Agreements
from index.products import ProductTable
from index.retrieval.types import Hit

TODAY = date(2026, 11, 29)


def hit_on(doc: Document) -> Hit:
    clause = doc.clauses[0]
    chunk = Chunk(id=f"{clause.id}:0", clause_id=clause.id, part=0, doc_id=doc.id,
                  doc_title=doc.title, doc_line=doc.doc_line, product="", kind=doc.kind,
                  section=clause.section, heading=clause.heading, path=(doc.title,),
                  page=doc.page_start, line_start=clause.line_start, line_end=clause.line_end,
                  text=clause.text, embed_text=clause.text)
    return Hit(chunk, 1.0)


@pytest.fixture(scope="module")
def table(agreements: Agreements) -> ProductTable:
    return ProductTable.from_documents(agreements.documents)


def test_a_link_question_is_answered_with_the_documents_url(agreements: Agreements,
                                                            table: ProductTable) -> None:
    doc = agreements.document("实时音视频 TRTC SDK 个人信息保护规则")
    resolved = resolve("Where can I read the TRTC SDK personal information protection rules?",
                       [], table, TODAY)
    answer = pointer_answer(resolved, [hit_on(doc)], {doc.id: doc})
    assert answer is not None
    assert "https://cloud.tencent.com/document/product/647/57574 [1]" in answer.text
    assert answer.citations[0].line_start == 16031  # the line the URL stands on


def test_an_update_question_is_answered_with_the_update_time(agreements: Agreements,
                                                             table: ProductTable) -> None:
    doc = agreements.document("云服务器服务等级协议")
    resolved = resolve("CVM SLA 最近更新时间是什么时候？", [], table, TODAY)
    answer = pointer_answer(resolved, [hit_on(doc)], {doc.id: doc})
    assert answer is not None and doc.updated_at in answer.text
    assert answer.citations[0].line_start == doc.doc_line + 1


def test_other_questions_and_long_documents_links_are_left_to_the_composer(
        agreements: Agreements, table: ProductTable) -> None:
    doc = agreements.document("云服务器服务等级协议")
    question = resolve("CVM 的可用性承诺是多少？", [], table, TODAY)
    assert pointer_answer(question, [hit_on(doc)], {doc.id: doc}) is None
    many = next(d for d in agreements.documents if len(d.links) > 3)
    link = resolve(f"{many.title}的链接是哪个？", [], table, TODAY)
    assert pointer_answer(link, [hit_on(many)], {many.id: many}) is None  # its text's links


@pytest.mark.parametrize(("question", "url"), [
    ("Need the link to the personal information protection rules for the TRTC call SDK "
     "(腾讯云视立方·音视频通话 SDK).", "1640/80198"),
    ("TAI oral evaluation SDK (智聆口语评测) personal info protection rules - link pls",
     "884/71808"),
    ("客户要腾讯云视立方直播SDK（基础版）的个人信息保护规则，麻烦给个链接我转给他", "454/71926"),
    ("HTTPDNS iOS SDK 的合规使用指南在哪", "e1850c303f7848a28d76528c8f3bec0d"),
    ("Link to the Traffic Anti-Fraud (TAF) product privacy policy?", "202409130003"),  # by product
    ("httpdns 安卓sdk合规使用指南 链接发我下", "caba6bc4f2f940329c015988e8884611"),
    ("天御验证码 JS 的个人信息保护规则在哪看 最近一次更新是什么时候", "2024-03-20"),  # the date asked
    ("Tencent Simultaneous Interpretation (腾讯同传) privacy guideline - link pls", "1399/54110"),
    ("Where can I find the RCE (风险识别) compliance usage guide?", "202506160002"),
    ("TAISDK personal information protection rules - where are they?", "1004/77415"),
    ("视立方的直播SDK个人信息保护规则在哪能看到啊，求链接", "454/61839"),  # not the 基础版 one
    ("实时互动教育版的sdk会收集学生哪些个人信息？哪里能查到", "1639/79924"),
])
def test_a_document_named_by_its_title_is_found_without_a_search_hit(
        agreements: Agreements, table: ProductTable, question: str, url: str) -> None:
    # no hit passed: the question names the document by most of its title's words
    documents = {d.id: d for d in agreements.documents}
    answer = pointer_answer(resolve(question, [], table, TODAY), [], documents)
    assert answer is not None and url in answer.text


def test_a_title_shared_by_several_documents_names_none(agreements: Agreements) -> None:
    documents = {d.id: d for d in agreements.documents}
    assert titled("个人信息保护规则的链接", documents) is None


def test_a_title_of_another_kind_is_not_the_one_asked_for(agreements: Agreements) -> None:
    # the HTTPDNS iOS compliance guide is not the HTTPDNS privacy rules asked for
    documents = {d.id: d for d in agreements.documents}
    found = titled("HTTPDNS iOS SDK 个人信息保护规则链接", documents)
    assert found is None or "合规使用指南" not in found.title


def test_a_follow_up_asks_for_another_documents_link(agreements: Agreements,
                                                     table: ProductTable) -> None:
    history = [Turn("user", "直播 SDK（视立方）的个人信息保护规则链接发我一下"),
               Turn("assistant", "见 https://cloud.tencent.com/document/product/454/61839 。")]
    documents = {d.id: d for d in agreements.documents}
    answer = pointer_answer(resolve("那短视频的呢", history, table, TODAY), [], documents)
    assert answer is not None and "584/38857" in answer.text  # the short-video SDK's rules


@pytest.mark.parametrize(("question", "titles"), [
    ("For the CloudBase (TCB) SDK, are the compliance guide and the privacy guide the same "
     "document? give me both links", ["腾讯云云开发 TCB SDK 合规指南", "腾讯云云开发 TCB SDK 隐私保护指引"]),
    ("虚拟形象 SDK 跟 多人音视频房间 SDK 的个人信息保护规则 链接一样不",
     ["腾讯云视立方·虚拟形象 SDK 个人信息保护规则", "腾讯云视立方·多人音视频房间 SDK 个人信息保护规则"]),
])
def test_two_documents_asked_at_once_are_each_given_with_their_link(
        agreements: Agreements, table: ProductTable, question: str, titles: list[str]) -> None:
    documents = {doc.id: doc for doc in agreements.documents}
    answer = pointer_answer(resolve(question, [], table, TODAY), [], documents)
    assert answer is not None and [c.doc_title for c in answer.citations] == titles
    assert all(agreements.document(t).links[0][1] in answer.text for t in titles)


def test_a_privacy_guide_asked_with_where_gets_its_link(agreements: Agreements,
                                                       table: ProductTable) -> None:
    documents = {doc.id: doc for doc in agreements.documents}
    resolved = resolve("Is there a privacy guide for Tencent simultaneous interpretation "
                       "(腾讯同传)? where?", [], table, TODAY)
    answer = pointer_answer(resolved, [], documents)
    doc = agreements.document("腾讯同传隐私保护指引")
    assert answer is not None and doc.links[0][1] in answer.text


def test_a_brand_prefix_does_not_hide_a_title_named_by_its_product(agreements: Agreements) -> None:
    documents = {doc.id: doc for doc in agreements.documents}
    found = titled("慧眼人脸核身基础版sdk 个人信息保护规则链接", documents)
    assert found is not None and found.title == "人脸核身基础版"  # not 直播 SDK （基础版）


def test_a_title_said_in_english_words_is_found_through_the_glossary(
        agreements: Agreements) -> None:
    """"VOD media upload SDK": 媒体上传 is the title's own word, said in English."""
    documents = {d.id: d for d in agreements.documents}
    found = titled("where can I read the personal info protection rules for the VOD media "
                   "upload SDK?", documents, ["云点播"])
    assert found is not None and found.title.startswith("云点播媒体上传 SDK")


def test_two_kinds_named_in_english_are_each_given_with_their_update(
        agreements: Agreements, table: ProductTable) -> None:
    # the glossary's near words for "privacy policy" (个人信息保护规则…) are no third kind asked
    docs = {d.id: d for d in agreements.documents}
    resolved = resolve("For RCE (风险识别), are the privacy policy and the data processing "
                       "agreement the same document? When were they last updated and where do I "
                       "read each one?", [], table, TODAY)
    answer = pointer_answer(resolved, [], docs)
    assert answer is not None and len(answer.citations) == 2
    assert "202506160001" in answer.text and "202506160003" in answer.text
    assert "2025-07-01 20:02:01" in answer.text


def test_a_title_that_is_only_a_kind_is_named_by_its_category(agreements: Agreements,
                                                                table: ProductTable) -> None:
    docs = {d.id: d for d in agreements.documents}
    resolved = resolve("教育版 SDK 的个人信息保护规则和第三方信息共享清单分别去哪看？实时互动-教育版", [],
                       table, TODAY)
    answer = pointer_answer(resolved, [], docs)
    assert answer is not None and "1639/79925" in answer.text  # 第三方信息共享清单 (16346)


@pytest.mark.parametrize(("question", "said"), [
    ("Is there a compliance usage guide for the traffic anti-fraud product (TAF)?",
     "rule/202409130002"),
    ("where's the privacy guide for the EdgeOne QUIC SDK and how recent is it", "2023-08-23"),
])
def test_asking_whether_a_document_exists_or_how_recent_it_is_gets_its_facts(
        agreements: Agreements, table: ProductTable, question: str, said: str) -> None:
    docs = {d.id: d for d in agreements.documents}
    answer = pointer_answer(resolve(question, [], table, TODAY), [], docs)
    assert answer is not None and said in answer.text


def test_when_an_agreement_takes_effect_is_its_own_sentence(agreements: Agreements,
                                                          table: ProductTable) -> None:
    doc = agreements.document("腾讯云 KeeWiDB 数据库服务等级协议")
    effective = effective_lines(agreements.corpus.lines, [doc])
    assert effective == {doc.id: ("本服务等级协议自【2025】年【07】月【28】日生效", 9302)}
    resolved = resolve("KeeWiDB 的 SLA 新协议是不是从 6 月 23 日开始生效？", [], table, TODAY)
    answer = pointer_answer(resolved, [hit_on(doc)], {doc.id: doc}, effective)
    assert answer is not None and "【2025】年【07】月【28】日生效" in answer.text
    assert answer.citations[0].line_start == 9302
    other = agreements.document("云服务器服务等级协议")  # a question on a change taking effect
    asked = resolve("CVM 改了安全组规则以后多久生效？", [], table, TODAY)  # asks no agreement's date
    assert pointer_answer(asked, [hit_on(other)], {other.id: other}, effective) is None
