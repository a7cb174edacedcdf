"""HTML of answers, citations and clauses. Every piece of corpus or user text is escaped here.

Output is one line (no blank lines), so a chat bubble's Markdown renderer passes it through
as one HTML block instead of reading the corpus text as Markdown.
"""

from __future__ import annotations

import re
from html import escape

from assistant.answer import Answer, Citation
from assistant.web.library import Library, deep_link
from index.domain import Clause, Document, Table
from index.render import pages_label

SOURCES_RE = re.compile(r"\n\s*\n(出处：|Sources:)\n.*\Z", re.S)
STEPS_RE = re.compile(r"\n(计算过程：|Steps:)\n(.*)\Z", re.S)


def text_html(text: str) -> str:
    """Escaped text with its line breaks kept."""
    return escape(text).replace("\n", "<br>")


def _squeezed(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and where each kept character was."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def highlighted(text: str, quote: str) -> str:
    """``text`` escaped, with ``quote`` (the sentence an answer relies on) in ``<mark>``.

    The quote is looked up ignoring whitespace (the PDF wraps lines); a table row quoted
    after its header (``存储类型 服务可用性 标准存储 99.99%``) marks the row; not found, no mark.

    >>> highlighted("甲。乙<丙>。", "乙<丙>")
    '甲。<mark>乙&lt;丙&gt;</mark>。'
    """
    squeezed, where = _squeezed(text)
    needle, at = "", -1
    parts = quote.split()
    for first in range(len(parts)):  # a table row quoted with its header: mark the row
        needle = "".join(parts[first:])
        at = squeezed.find(needle) if len(needle) >= 4 else -1
        if at >= 0:
            break
    if at < 0:
        return text_html(text)
    start, end = where[at], where[at + len(needle) - 1] + 1
    return (text_html(text[:start]) + "<mark>" + text_html(text[start:end]) + "</mark>"
            + text_html(text[end:]))


def answer_body(answer: Answer) -> str:
    """The answer's words without the plain-text source list (citations are drawn below)."""
    return SOURCES_RE.sub("", answer.text).strip()


def split_steps(body: str) -> tuple[str, str, str]:
    """(lead, steps heading, numbered steps) of a calculator answer; steps empty otherwise."""
    match = STEPS_RE.search(body)
    if match is None:
        return body, "", ""
    return body[:match.start()], match.group(1).rstrip("：:"), match.group(2).strip()


def body_html(answer: Answer) -> str:
    """The answer's words; a calculator answer's steps folded under their heading."""
    lead, heading, steps = split_steps(answer_body(answer))
    css = "answer" if answer.route in ("answer", "calculator") else f"answer {answer.route}"
    html = f'<div class="{css}">{text_html(lead)}</div>'
    if steps:
        count = steps.count("\n") + 1
        html += (f'<details class="steps"><summary>{escape(heading)}（{count}）</summary>'
                 f'<div class="answer">{text_html(steps)}</div></details>')
    return html


def where_label(citation: Citation) -> str:
    where = " ".join(p for p in (citation.section, citation.heading) if p) or "前言"
    return f"{where}，第{citation.page}页"


def citation_html(number: int, citation: Citation, library: Library) -> str:
    """``[n]`` that expands to the cited clause with the supporting sentence marked."""
    clause = library.cited_clause(citation)
    doc = library.document_at(citation.doc_line)
    text = clause.text if clause is not None else citation.text
    quote = citation.quote or (citation.text if clause is not None else "")
    meta = [f"第{citation.page}页，第{citation.line_start}–{citation.line_end}行"]
    if doc is not None:
        meta.append(f"文档更新于 {escape(doc.updated_at[:10])}")
        link = deep_link(doc.id, clause.id if clause is not None else "")
        meta.append(f'<a href="{escape(link)}" target="_blank" rel="noopener">在协议库中打开</a>')
    heading = escape(clause.path_text if clause is not None and clause.path else
                     citation.heading)
    return ('<details class="cite">'
            f'<summary><b>[{number}]</b> 《{escape(citation.doc_title)}》'
            f'{escape(where_label(citation))}</summary>'
            f'<div class="cite-meta">{" · ".join(meta)}</div>'
            + (f'<div class="cite-path">{heading}</div>' if heading else "")
            + f'<blockquote class="cite-text">{highlighted(text, quote)}</blockquote>'
            '</details>')


def citations_html(citations: tuple[Citation, ...], library: Library, lang: str = "zh") -> str:
    if not citations:
        return ""
    items = "".join(citation_html(i, c, library) for i, c in enumerate(citations, start=1))
    head = "Sources (click to open the clause)" if lang == "en" else "出处（点击展开原文）"
    return f'<div class="cites"><div class="cites-head">{head}</div>{items}</div>'


def anchor(clause_id: str) -> str:
    """An HTML id for a clause: ``cvm-sla#3.1`` -> ``clause-cvm-sla-3-1``."""
    return "clause-" + re.sub(r"[^A-Za-z0-9_-]+", "-", clause_id).strip("-")


def clause_title(clause: Clause) -> str:
    """``3.2 赔偿申请时限``; ``前言`` for the preamble (named once)."""
    parts = dict.fromkeys(p for p in (clause.section, clause.heading) if p)
    return " ".join(parts) or "前言"


def clause_html(clause: Clause, target: bool = False) -> str:
    """One clause of the reader: section, heading, pages, then paragraphs and table rows."""
    parts = []
    for block in clause.blocks:
        if isinstance(block, Table):
            rows = "".join(f"<div>{escape(row.text.strip())}</div>" for row in block.rows)
            parts.append(f'<div class="tbl">{rows}</div>')
        else:
            parts.append(f"<p>{escape(block.text)}</p>")
    title = clause_title(clause)
    css = "clause target" if target else "clause"
    return (f'<section class="{css}" id="{anchor(clause.id)}" data-clause="{escape(clause.id)}">'
            f'<div class="clause-head"><b>{escape(title)}</b>'
            f'<span class="clause-meta">{pages_label(clause)} · '
            f'第{clause.line_start}–{clause.line_end}行</span></div>{"".join(parts)}</section>')


def document_html(doc: Document, kind_label: str, target: str = "") -> str:
    """A whole document: header, a table of contents, then every clause (``target`` marked)."""
    toc = "".join(f'<a href="#{anchor(c.id)}">{escape(clause_title(c))}</a>'
                  for c in doc.clauses if c.heading or not c.section.count("."))
    head = (f'<div class="doc-head"><h2>{escape(doc.title)}</h2>'
            f'<div class="doc-meta">{escape(doc.category or "—")} · {escape(kind_label)} · '
            f'最近更新 {escape(doc.updated_at)}'
            + (f" · 生效 {escape(doc.effective_date)}" if doc.effective_date else "")
            + f" · 第{doc.page_start}–{doc.page_end}页 · {len(doc.clauses)} 个条款</div></div>")
    body = "".join(clause_html(c, target=c.id == target) for c in doc.clauses)
    return f'<div class="doc">{head}<nav class="toc">{toc}</nav>{body}</div>'
