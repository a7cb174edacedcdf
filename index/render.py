"""Plain-text and JSON views of documents and clauses for the CLI."""

from __future__ import annotations

from typing import Any

from index.domain import Clause, Document, Table


def document_record(doc: Document) -> dict[str, Any]:
    """The ``python -m index documents --json`` object of one document (interfaces.md)."""
    return {
        "id": doc.id,
        "title": doc.title,
        "kind": doc.kind,
        "category": doc.category,
        "updated_at": doc.updated_at,
        "doc_line": doc.doc_line,
        "line_end": doc.line_end,
        "page_start": doc.page_start,
        "page_end": doc.page_end,
        "clauses": len(doc.clauses),
        "effective_date": doc.effective_date,
    }


def clause_record(clause: Clause) -> dict[str, Any]:
    return {
        "id": clause.id,
        "section": clause.section,
        "heading": clause.heading,
        "path": list(clause.path),
        "page": clause.page,
        "pages": list(clause.pages),
        "line_start": clause.line_start,
        "line_end": clause.line_end,
        "text": clause.text,
        "tables": [[row.text.strip() for row in table.rows] for table in clause.tables],
    }


def pages_label(clause: Clause) -> str:
    pages = clause.pages
    if not pages:
        return "无正文"
    return f"第{pages[0]}页" if len(pages) == 1 else f"第{pages[0]}–{pages[-1]}页"


def document_line(doc: Document) -> str:
    return (f"{doc.id:<44} {doc.kind:<7} p.{doc.page_start}-{doc.page_end:<4} "
            f"L{doc.doc_line:<6} {doc.title}")


def clause_text(clause: Clause) -> str:
    """A clause as it is shown to a reader: path, page, lines, then text with tables as rows."""
    head = (f"[{clause.id}] {clause.path_text}\n"
            f"  {pages_label(clause)}，第{clause.line_start}–{clause.line_end}行")
    parts = []
    for block in clause.blocks:
        if isinstance(block, Table):
            parts.append("\n".join(f"  | {row.text.strip()}" for row in block.rows))
        else:
            parts.append(f"  {block.text}")
    return head + ("\n" + "\n".join(parts) if parts else "")


def document_text(doc: Document) -> str:
    head = (f"{doc.title}  ({doc.id})\n"
            f"类别：{doc.category or '—'}  类型：{doc.kind}  最近更新：{doc.updated_at}"
            + (f"  生效：{doc.effective_date}" if doc.effective_date else "")
            + f"\n第{doc.page_start}–{doc.page_end}页，第{doc.doc_line}–{doc.line_end}行，"
              f"{len(doc.clauses)} 个条款\n")
    return head + "\n\n".join(clause_text(clause) for clause in doc.clauses)
