"""Clauses -> chunks: the units the dense and sparse indexes store and search returns.

One chunk per clause. A clause longer than ``max_chars`` is split at sentence ends (。；！？
and line ends) into parts of about ``target_chars`` that overlap by one sentence; tables are
never split. Clauses without text (bare headings) give no chunk; their heading lives on in
the path of every clause below them. Ids are the clause id plus ``~n`` for the part number
(``cvm-sla#3.1~0``), so they are stable across rebuilds and upserts replace, not duplicate.

The text a chunk embeds starts with the document title and the heading path, so a tiny
clause (``单位数量为1的云服务器实例。``) still says which product and which definition it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.domain import Clause, DocKind, Document, Line, Table
from index.products import ProductTable

SENTENCE_END = re.compile(r"(?<=[。；！？;!?])|\n")


@dataclass(frozen=True)
class Chunk:
    """One searchable piece of a clause, with everything a citation needs."""

    id: str
    clause_id: str
    part: int
    doc_id: str
    doc_title: str
    doc_line: int
    product: str
    kind: DocKind
    section: str
    heading: str
    path: tuple[str, ...]
    page: int
    line_start: int
    line_end: int
    text: str
    embed_text: str

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)


@dataclass(frozen=True)
class _Unit:
    """A sentence group of a paragraph, or a whole table, with its source lines."""

    text: str
    lines: tuple[Line, ...]
    block: int
    table: bool = False


def _units(clause: Clause) -> list[_Unit]:
    units: list[_Unit] = []
    for n, block in enumerate(clause.blocks):
        if isinstance(block, Table):
            units.append(_Unit(block.text, block.rows, n, table=True))
            continue
        for sentence in SENTENCE_END.split(block.text):
            if sentence.strip():
                units.append(_Unit(sentence.strip(), block.lines, n))
    return units


def _pack(units: Sequence[_Unit], target: int) -> list[list[_Unit]]:
    """Group units into parts of about ``target`` chars; each part after the first starts
    with the previous part's last sentence (overlap), unless that was a table or long."""
    parts: list[list[_Unit]] = []
    current: list[_Unit] = []
    size = fresh = 0
    for unit in units:
        if fresh and size + len(unit.text) > target:
            parts.append(current)
            last = current[-1]
            current = [last] if not last.table and len(last.text) < target // 2 else []
            size, fresh = sum(len(u.text) for u in current), 0
        current.append(unit)
        size += len(unit.text)
        fresh += 1
    if fresh:
        parts.append(current)
    return parts


def _join(units: Sequence[_Unit]) -> str:
    out = ""
    for before, unit in zip([None, *units], units):
        if before is not None:
            latin = unit.text[:1].isalnum() and unit.text[:1].isascii() and out[-1:].isascii()
            out += "\n" if unit.block != before.block else (" " if latin else "")
        out += unit.text
    return out


class Chunker:
    """Stage: documents -> chunks. ``run`` is deterministic (same input, same ids and text)."""

    def __init__(self, products: ProductTable, max_chars: int = 600,
                 target_chars: int = 400) -> None:
        if target_chars <= 0 or max_chars < target_chars:
            raise ValueError("Chunker needs 0 < target_chars <= max_chars, "
                             f"got target_chars={target_chars}, max_chars={max_chars}")
        self.products = products
        self.max_chars = max_chars
        self.target_chars = target_chars

    def run(self, documents: Iterable[Document]) -> list[Chunk]:
        chunks: list[Chunk] = []
        for doc in documents:
            product = self.products.product_of(doc.id)
            key = product.key if product else ""
            for clause in doc.clauses:
                chunks.extend(self.chunk_clause(doc, clause, key))
        return chunks

    def chunk_clause(self, doc: Document, clause: Clause, product: str = "") -> list[Chunk]:
        text = clause.text.strip()
        if not text:
            return []
        if len(text) <= self.max_chars:
            groups: list[tuple[str, tuple[Line, ...]]] = [(text, clause.lines)]
        else:
            groups = [(_join(part), tuple(line for unit in part for line in unit.lines))
                      for part in _pack(_units(clause), self.target_chars)]
        header = f"{doc.title} {clause.path_text}".strip()
        chunks = []
        for n, (part_text, lines) in enumerate(groups):
            nos = [line.no for line in lines] or [clause.line_start]
            if n == 0 and clause.heading_line is not None:
                nos.append(clause.heading_line)
            chunks.append(Chunk(
                id=f"{clause.id}~{n}", clause_id=clause.id, part=n, doc_id=doc.id,
                doc_title=doc.title, doc_line=doc.doc_line, product=product, kind=doc.kind,
                section=clause.section, heading=clause.heading, path=clause.path,
                page=min((line.page for line in lines), default=clause.page),
                line_start=min(nos), line_end=max(nos), text=part_text,
                embed_text=f"{header}\n{part_text}"))
        return chunks
