"""HTML of citations and clauses: escaped, quote marked, deep-linked (real agreements)."""

from __future__ import annotations

from assistant.answer import Answer, Citation
from assistant.web.library import Library, deep_link
from assistant.web.render import (
    anchor,
    answer_body,
    body_html,
    citation_html,
    citations_html,
    document_html,
    highlighted,
    split_steps,
)
from tests.assistant.web.fakes import credit_answer, penalty_citation


def test_quote_is_marked_ignoring_line_wrapping_and_text_is_escaped() -> None:
    assert highlighted("甲。乙<丙>。", "乙<丙>") == "甲。<mark>乙&lt;丙&gt;</mark>。"
    assert highlighted("第一行\n第二 行", "行第二行") == "第一<mark>行<br>第二 行</mark>"
    assert highlighted("<b>x</b>", "absent") == "&lt;b&gt;x&lt;/b&gt;"
    table = "存储类型 服务可用性\n低频存储 99.90%\n标准存储 99.99%"
    quote = "存储类型 服务可用性 标准存储 99.99%"  # a row quoted after its header
    assert "<mark>标准存储 99.99%</mark>" in highlighted(table, quote)


def test_citation_expands_to_the_clause_with_title_section_page_date_and_link(
        library: Library) -> None:
    html = citation_html(1, penalty_citation(library), library)
    assert html.startswith('<details class="cite">')
    assert "<b>[1]</b> 《腾讯云服务协议》3.2.4，第15页" in html
    assert "文档更新于 2023-12-29" in html
    assert ("<mark>如果您发生欠费，腾讯云有权每天按照您欠费金额的万分之五的标准向您收取违约金。"
            "</mark>") in html
    assert 'href="?doc=tencent-cloud-terms&amp;clause=tencent-cloud-terms%233.2.4"' in html
    assert "\n" not in html  # one HTML block: a chat bubble must not read it as Markdown


def test_calculator_citation_without_clause_id_finds_its_clause_by_line(
        library: Library) -> None:
    first = credit_answer().citations[0]
    assert first.clause_id == ""
    html = citations_html(credit_answer().citations, library)
    assert html.count('<details class="cite">') == len(credit_answer().citations)
    clause = library.cited_clause(first)
    assert clause is not None and clause.doc_id == "cvm-sla"
    assert deep_link("cvm-sla", clause.id).replace("&", "&amp;") in html
    assert "<mark>" in html


def test_answer_body_drops_the_plain_source_list() -> None:
    zh = Answer("答：万分之五[1]。\n\n出处：\n[1] 《x》", "answer")
    assert answer_body(zh) == "答：万分之五[1]。"
    assert answer_body(Answer("Answer: 99.99% [1].\n\nSources:\n[1] x", "answer")) == \
        "Answer: 99.99% [1]."


def test_calculator_steps_fold_under_their_heading() -> None:
    html = body_html(credit_answer())
    assert html.startswith('<div class="answer">可获赔 200 元（月度服务费的 10%）[1]。</div>')
    assert '<details class="steps"><summary>计算过程（1）</summary>' in html
    assert split_steps("Answer: x")[1:] == ("", "")


def test_document_reader_marks_the_target_clause_and_escapes_text(library: Library) -> None:
    doc = library.document("cvm-sla")
    assert doc is not None
    html = document_html(doc, "服务等级协议 SLA", target="cvm-sla#3.2")
    assert f'<section class="clause target" id="{anchor("cvm-sla#3.2")}"' in html
    assert html.count("clause target") == 1
    assert "最近更新 2024-01-23" in html and "第31页" in html
    assert anchor("cvm-sla#3.2") == "clause-cvm-sla-3-2"


def test_corpus_text_cannot_inject_html(library: Library) -> None:
    evil = Citation("<script>alert(1)</script>", 1, "1", 1, 1, 1, "<img src=x onerror=alert(1)>")
    html = citation_html(1, evil, library)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
