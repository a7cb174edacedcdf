"""Domain types shared by the offline index and the online assistant.

Every object is a frozen dataclass: built once by a stage, never mutated.
Line numbers are 1-based lines of ``data/corpus/tencent-cloud-agreements.txt``;
pages are PDF page numbers (1-858).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DocKind = Literal["sla", "terms", "privacy", "guide", "other"]
DOC_KINDS: tuple[DocKind, ...] = ("sla", "terms", "privacy", "guide", "other")


@dataclass(frozen=True)
class Line:
    """One non-blank line of the corpus with the page it was printed on."""

    no: int
    text: str
    page: int


@dataclass(frozen=True)
class Table:
    """Rows of one table, each row a source line; rows split by a page break are rejoined."""

    rows: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join(row.text.strip() for row in self.rows)


@dataclass(frozen=True)
class Paragraph:
    """Body text of one paragraph: wrapped lines joined, page furniture removed."""

    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return join_wrapped([line.text for line in self.lines])


Block = Paragraph | Table


@dataclass(frozen=True)
class Clause:
    """One numbered (or preamble) section of a document with its text and provenance."""

    id: str
    doc_id: str
    section: str
    heading: str
    path: tuple[str, ...]
    blocks: tuple[Block, ...]
    heading_line: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Table))

    @property
    def lines(self) -> tuple[Line, ...]:
        out: list[Line] = []
        for block in self.blocks:
            out.extend(block.rows if isinstance(block, Table) else block.lines)
        return tuple(sorted(out, key=lambda line: line.no))

    @property
    def line_start(self) -> int:
        nos = [line.no for line in self.lines]
        if self.heading_line is not None:
            nos.append(self.heading_line)
        return min(nos)

    @property
    def line_end(self) -> int:
        nos = [line.no for line in self.lines]
        if self.heading_line is not None:
            nos.append(self.heading_line)
        return max(nos)

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted({line.page for line in self.lines}))

    @property
    def page(self) -> int:
        """The page the clause starts on (its first body line; the heading if it has no body)."""
        pages = self.pages
        return pages[0] if pages else 0

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)


@dataclass(frozen=True)
class Document:
    """One agreement: title line, metadata and its clauses in reading order."""

    id: str
    title: str
    kind: DocKind
    category: str
    updated_at: str
    effective_date: str | None
    doc_line: int
    line_end: int
    page_start: int
    page_end: int
    clauses: tuple[Clause, ...] = field(default=(), repr=False)
    links: tuple[tuple[int, str], ...] = field(default=(), repr=False)
    """(line, URL) of the bare URL lines in the document's range: the targets of the links in
    its text (a pointer document, ``详细信息，请参见 … 。``, is only a link)."""

    def clause(self, section: str) -> Clause | None:
        """The clause with this section number (``3.1``), id suffix or heading text."""
        wanted = section.strip()
        for clause in self.clauses:
            if wanted in (clause.section, clause.id.split("#", 1)[1], clause.heading):
                return clause
        return None


def join_wrapped(parts: list[str]) -> str:
    """Join lines wrapped by the PDF: no space between CJK text, one between Latin words.

    >>> join_wrapped(["六十（60）自", "然日内"])
    '六十（60）自然日内'
    >>> join_wrapped(["Cloud Virtual", "Machine"])
    'Cloud Virtual Machine'
    """
    out = ""
    for part in parts:
        piece = part.strip()
        if not piece:
            continue
        latin_end = out[-1:].isascii() and out[-1:].isalnum()
        if out and latin_end and piece[0].isascii() and piece[0].isalnum():
            out += " "
        out += piece
    return out
