"""Where a rule was read: ``Source`` objects from clauses, lines and sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from calculators.rules import Source
from index.domain import Clause, Document, Line, Table


@dataclass(frozen=True)
class Sentence:
    """A sentence of a clause with the source lines it was printed on."""

    clause: Clause
    text: str
    lines: tuple[Line, ...]


def source_of(clause: Clause, lines: Sequence[Line], text: str | None = None) -> Source:
    """The source of ``lines`` of ``clause``; ``text`` defaults to the lines joined."""
    if not lines:
        lines = clause.lines
    nos = [line.no for line in lines] or [clause.line_start]
    page = min(lines, key=lambda line: line.no).page if lines else clause.page
    words = text if text is not None else "".join(line.text.strip() for line in lines)
    return Source(clause=clause.id, section=clause.section, page=page,
                  line_start=min(nos), line_end=max(nos), text=words)


def clause_source(clause: Clause) -> Source:
    return source_of(clause, clause.lines, clause.text)


def sentence_source(sentence: Sentence) -> Source:
    return source_of(sentence.clause, sentence.lines, sentence.text)


def doc_lines(doc: Document) -> Iterator[tuple[Clause, Line, bool]]:
    """Every line of the document in reading order: (clause, line, is a table row)."""
    for clause in doc.clauses:
        for block in clause.blocks:
            rows = block.rows if isinstance(block, Table) else block.lines
            for line in rows:
                yield clause, line, isinstance(block, Table)


def sentences(doc: Document) -> Iterator[Sentence]:
    """Sentences (split at 。；and line-initial numbering) of every paragraph and table line."""
    for clause in doc.clauses:
        for block in clause.blocks:
            rows = block.rows if isinstance(block, Table) else block.lines
            yield from _split(clause, rows)


def _split(clause: Clause, lines: Sequence[Line]) -> Iterator[Sentence]:
    buffer = ""
    owners: list[Line] = []
    for line in lines:
        text = line.text.strip()
        if buffer and re.match(r"^(（\d+）|\(\d+\)|\d+(\.\d+)+\s)", text):
            yield Sentence(clause, buffer, tuple(owners))
            buffer, owners = "", []
        for piece in re.split(r"(?<=[。；])", text):
            if not piece:
                continue
            buffer += piece
            if line not in owners:
                owners.append(line)
            if piece.endswith(("。", "；")):
                yield Sentence(clause, buffer, tuple(owners))
                buffer, owners = "", []
    if buffer:
        yield Sentence(clause, buffer, tuple(owners))
