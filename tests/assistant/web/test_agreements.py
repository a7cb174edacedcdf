"""The agreements tab: filters, reading a document, the ``?doc=&clause=`` deep link."""

from __future__ import annotations

from assistant.web.agreements import (
    AGREEMENTS_TAB,
    filter_documents,
    on_filter,
    open_from_query,
    view,
)
from assistant.web.library import Library


def test_filter_by_category_kind_and_title(library: Library) -> None:
    slas = filter_documents(library, "全部", "sla", "")
    assert len(slas) == 227
    found = filter_documents(library, "计算", "sla", "云服务器")
    assert "cvm-sla" in [d.id for d in found]
    assert all(d.kind == "sla" and d.category.startswith("计算") for d in found)
    assert filter_documents(library, None, None, "no such title zzz") == []
    picker, count = on_filter(library, "全部", "privacy", "")
    assert count == f"共 {len(picker.choices)} 份文档" and len(picker.choices) == 42


def test_deep_link_opens_the_document_at_the_clause(library: Library) -> None:
    tabs, picker, html = open_from_query(library, {"doc": "cvm-sla", "clause": "cvm-sla#3.2"})
    assert tabs.selected == AGREEMENTS_TAB and picker.value == "cvm-sla"
    assert 'class="clause target" id="clause-cvm-sla-3-2"' in html
    by_section = open_from_query(library, {"doc": "cvm-sla", "clause": "3.2"})[2]
    assert 'class="clause target" id="clause-cvm-sla-3-2"' in by_section


def test_no_query_or_unknown_ids_are_messages(library: Library) -> None:
    tabs, _, html = open_from_query(library, {})
    assert tabs.selected is None and "选择一份文档" in html
    assert "没有 id 为" in open_from_query(library, {"doc": "nope"})[2]
    missing = view(library, "cvm-sla", "99.9")
    assert "没有条款" in missing and "clause target" not in missing
