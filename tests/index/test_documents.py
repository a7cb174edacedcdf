"""All 360 documents, with the corpus' own titles, kinds, dates and readable ids."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from index.documents import document_kind, effective_date
from index.errors import NotFoundError
from index.parser import Agreements


def corpus_titles(lines: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, title) of every line right above 最近更新时间, read straight off the text."""
    content = [i + 1 for i, text in enumerate(lines) if text.strip()]
    return [(prev, lines[prev - 1].strip()) for prev, no in zip(content, content[1:])
            if lines[no - 1].startswith("最近更新时间：")]


def test_exactly_the_360_documents_of_the_corpus(agreements: Agreements) -> None:
    expected = corpus_titles(agreements.corpus.lines)
    assert len(expected) == 360
    assert [(d.doc_line, d.title) for d in agreements.documents] == expected


def test_table_of_contents_head_is_not_a_document(agreements: Agreements) -> None:
    first = agreements.documents[0]
    assert (first.title, first.doc_line) == ("腾讯云服务协议", 200)


def test_documents_tile_the_corpus_in_order(agreements: Agreements) -> None:
    docs = agreements.documents
    for before, after in zip(docs, docs[1:]):
        assert before.doc_line < before.line_end < after.doc_line
        assert before.page_start <= before.page_end <= after.page_start
    last_content_line = max(i + 1 for i, t in enumerate(agreements.corpus.lines) if t.strip())
    assert docs[-1].line_end == last_content_line


def test_kinds(agreements: Agreements) -> None:
    kinds = Counter(d.kind for d in agreements.documents)
    assert kinds["sla"] == 227
    assert set(kinds) <= {"sla", "terms", "privacy", "guide", "other"}
    assert document_kind("云服务器服务等级协议") == "sla"
    assert document_kind("腾讯云即时通信 IM SDK 隐私保护指引") == "privacy"
    assert document_kind("COS V5 SDK 合规使用指南") == "guide"
    assert document_kind("腾讯云服务协议") == "terms"


def test_ids_are_unique_readable_slugs(agreements: Agreements) -> None:
    ids = [d.id for d in agreements.documents]
    assert len(set(ids)) == 360
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*(~\d+)?", i) for i in ids)
    by_title = {d.title: d.id for d in agreements.documents}
    assert by_title["云服务器服务等级协议"] == "cvm-sla"
    assert by_title["对象存储服务等级协议"] == "cos-sla"
    assert by_title["腾讯云服务协议"] == "tencent-cloud-terms"
    assert by_title["消息队列 CKafka 服务等级协议"] == "ckafka-sla"


def test_the_two_enterprise_drive_slas_get_distinct_ids(agreements: Agreements) -> None:
    drives = [d for d in agreements.documents if d.title == "企业网盘服务等级协议"]
    assert [d.doc_line for d in drives] == [6877, 51762]
    assert len({d.id for d in drives}) == 2
    assert agreements.document("51762").id == drives[1].id


def test_metadata_of_the_cvm_sla(agreements: Agreements) -> None:
    cvm = agreements.document("cvm-sla")
    assert cvm.title == "云服务器服务等级协议"
    assert cvm.doc_line == 1285
    assert cvm.category == "计算"
    assert cvm.updated_at == "2024-01-23 11:49:11"
    assert cvm.effective_date == "2024-02-01"
    assert (cvm.page_start, cvm.page_end) == (agreements.pages.page_of(1285),
                                              agreements.pages.page_of(1603))


def test_every_document_has_an_update_time_and_category(agreements: Agreements) -> None:
    for doc in agreements.documents:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", doc.updated_at), doc.id
        assert doc.category, doc.id


def test_effective_date_parsing() -> None:
    assert effective_date("本云服务器服务等级协议自2024年02月01日生效。") == "2024-02-01"
    assert effective_date("本协议自 2023 年 5 月 1 日起正式生效") == "2023-05-01"
    assert effective_date("本协议即在您与腾讯云之间产生法律效力") is None


def test_unknown_document_says_how_to_list_them(agreements: Agreements) -> None:
    with pytest.raises(NotFoundError, match="python -m index documents"):
        agreements.document("no-such-doc")


def test_a_documents_links_are_the_bare_urls_in_its_range(agreements: Agreements) -> None:
    """The PDF's URL lines are no clause text, but they are where a pointer document
    (``详细信息，请参见 …。``) points: each document keeps the ones in its line range."""
    trtc = agreements.document("实时音视频 TRTC SDK 个人信息保护规则")
    assert trtc.links == ((16031, "https://cloud.tencent.com/document/product/647/57574"),)
    for doc in agreements.documents:
        assert all(doc.doc_line <= line <= doc.line_end and url.startswith("http")
                   for line, url in doc.links)
