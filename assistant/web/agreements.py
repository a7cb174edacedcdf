"""The agreements tab: filter documents by category and kind, search titles, read one clause
by clause with its pages. ``?doc=<doc id>&clause=<clause id>`` opens a document at a clause
(citations link there); ``open_from_query`` reads those on page load."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import gradio as gr

from assistant.web.calc_render import message_html
from assistant.web.guard import guarded, keep
from assistant.web.library import KIND_LABELS, Library, top_category
from assistant.web.render import document_html
from index.domain import Document

ALL = "全部"
AGREEMENTS_TAB = "agreements"
CHAT_TAB = "chat"
SCROLL_JS = """() => {
  const go = (tries) => {
    const el = document.querySelector('#doc-view .clause.target');
    if (el) { el.scrollIntoView({block: 'start'}); return; }
    if (tries > 0) setTimeout(() => go(tries - 1), 150);
  };
  go(20);
}"""


def doc_label(doc: Document) -> str:
    return f"{doc.title} · {KIND_LABELS.get(doc.kind, doc.kind)} · {doc.updated_at[:10]}"


def filter_documents(library: Library, category: str | None, kind: str | None,
                     search: str | None) -> list[Document]:
    """Documents of that top-level category and kind whose title (or id) holds the search."""
    words = (search or "").strip().lower().split()
    found = []
    for doc in library.documents:
        if category and category != ALL and top_category(doc) != category:
            continue
        if kind and kind != ALL and doc.kind != kind:
            continue
        haystack = f"{doc.title} {doc.id} {doc.category}".lower()
        if all(w in haystack for w in words):
            found.append(doc)
    return found


def on_filter(library: Library, category: str | None, kind: str | None,
              search: str | None) -> tuple[Any, str]:
    docs = filter_documents(library, category, kind, search)
    choices = [(doc_label(d), d.id) for d in docs]
    return gr.Dropdown(choices=choices, value=None), f"共 {len(docs)} 份文档"


def view(library: Library, doc_id: str | None, clause_key: str = "") -> str:
    """The document's HTML, the clause ``clause_key`` marked; a message if there is none."""
    if not doc_id:
        return message_html("在上方选择一份文档阅读。", "info")
    doc = library.document(doc_id)
    if doc is None:
        return message_html(f"没有 id 为 {doc_id!r} 的文档；请在列表中选择。")
    clause = library.clause(doc, clause_key) if clause_key else None
    html = document_html(doc, KIND_LABELS.get(doc.kind, doc.kind), clause.id if clause else "")
    if clause_key and clause is None:
        html = message_html(f"{doc.title} 没有条款 {clause_key!r}；显示全文。") + html
    return html


def open_from_query(library: Library, params: Mapping[str, str]) -> tuple[Any, Any, str]:
    """Page load: ``?doc=…&clause=…`` selects the agreements tab and opens the document."""
    doc_id = (params.get("doc") or "").strip()
    if not doc_id:
        return gr.Tabs(), gr.Dropdown(), view(library, None)
    doc = library.document(doc_id)
    picker = gr.Dropdown(choices=[(doc_label(doc), doc.id)], value=doc.id) if doc else \
        gr.Dropdown()
    return (gr.Tabs(selected=AGREEMENTS_TAB), picker,
            view(library, doc_id, (params.get("clause") or "").strip()))


def agreements_tab(library: Library) -> tuple[Any, Any]:
    """Lay out the tab; returns (document picker, viewer) for the page-load deep link."""
    kinds = [(ALL, ALL)] + [(label, kind) for kind, label in KIND_LABELS.items()]
    with gr.Row():
        category = gr.Dropdown([ALL, *library.categories()], value=ALL, label="类别",
                               scale=2)
        kind = gr.Dropdown(kinds, value=ALL, label="类型", scale=2)
        search = gr.Textbox(label="搜索标题", placeholder="例如：云服务器、COS、隐私", scale=3,
                            elem_id="doc-search")
    all_docs = [(doc_label(d), d.id) for d in library.documents]
    with gr.Row():
        picker = gr.Dropdown(all_docs, value=None, label="文档（可输入筛选）", scale=5,
                             elem_id="doc-picker")
        count = gr.Markdown(f"共 {len(all_docs)} 份文档")
    viewer = gr.HTML(view(library, None), elem_id="doc-view")
    @guarded(keep(2))
    def filtered(category: str | None, kind: str | None, search: str | None) -> tuple[Any, str]:
        return on_filter(library, category, kind, search)

    @guarded(lambda words, *_: message_html(words))
    def opened(doc_id: str | None) -> str:
        return view(library, doc_id)

    private: dict[str, Any] = {"api_visibility": "private"}
    for box in (category, kind, search):
        box.change(filtered, [category, kind, search], [picker, count], **private)
    picker.input(opened, [picker], [viewer], **private)
    return picker, viewer

