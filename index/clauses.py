"""Turn one document's lines into clauses: headings matched to bodies, tables kept as rows.

Per page: drop furniture (footers, bare URLs); split the page into its body and the
displaced block at its end (headings, table headers, rows and labels the PDF moved
there); group body lines into paragraphs; place the displaced headings in front of their
bodies (``placement``); then walk the page in reading order, opening a clause at every
heading and at every numbered paragraph (``3.2.4 …``). Table rows follow the heading
they were displaced with; rows at the top of a page's block continue the table the
previous page broke off.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import groupby

from index.blocks import is_furniture, is_tableish, split_block
from index.domain import Block, Clause, Line, Paragraph, Table
from index.layout import (
    display_width,
    ends_sentence,
    is_full,
    is_heading,
    is_list_item,
    is_table_row,
    section_number,
)
from index.placement import (
    LIST_RE,
    Head,
    Para,
    bigrams,
    cohesion,
    is_descendant,
    place_headings,
)


def paragraph_number(text: str) -> tuple[tuple[int, ...], str] | None:
    """The clause number a body paragraph opens with: ``3.2.4``, ``5.1``, ``第五条``.

    Single numbers (``1. …``) are list items inside a clause, not clauses.
    """
    parsed = section_number(text)
    if parsed is None:
        return None
    number, label, rest = parsed
    if not rest:
        return None
    if label.startswith("第") or len(number) >= 2:
        return number, label.rstrip(".")
    return None


def starts_paragraph(prev: Line, line: Line) -> bool:
    prev_text = prev.text.strip()
    return (ends_sentence(prev_text) or not is_full(prev_text)
            or section_number(line.text) is not None
            or is_list_item(line.text) or line.text.startswith("  "))


@dataclass
class _Para:
    lines: list[Line]


def paragraphs(body: list[Line], carry: Line | None) -> tuple[list[_Para], bool]:
    """Body lines grouped into paragraphs, and whether the first continues ``carry``.

    ``carry`` is the last body line of the previous page of the same document.
    """
    paras: list[_Para] = []
    for line in body:
        if paras and not is_table_row(line.text) and not is_table_row(paras[-1].lines[-1].text) \
                and not starts_paragraph(paras[-1].lines[-1], line):
            paras[-1].lines.append(line)
        else:
            paras.append(_Para([line]))
    continues = bool(paras) and carry is not None and not is_table_row(carry.text) \
        and not starts_paragraph(carry, paras[0].lines[0])
    return paras, continues


@dataclass
class _Clause:
    section: str
    heading: str
    number: tuple[int, ...] | None
    heading_line: int | None
    path: tuple[str, ...]
    blocks: list[list[Line] | tuple[str, list[Line]]] = field(default_factory=list)

    def add_paragraph(self, lines: list[Line], joins_last: bool) -> None:
        """Add a paragraph; one that carries on a sentence from the previous page joins the
        clause's last paragraph even when a table was printed in between."""
        paragraphs = [b for b in self.blocks if isinstance(b, list)]
        if joins_last and paragraphs:
            paragraphs[-1].extend(lines)
        else:
            self.blocks.append(list(lines))

    def add_rows(self, rows: list[Line], continue_table: bool) -> None:
        tables = [b for b in self.blocks if isinstance(b, tuple)]
        if continue_table and tables:
            tables[-1][1].extend(rows)
        else:
            self.blocks.append(("table", list(rows)))


class ClauseBuilder:
    """Collects clauses page by page for one document."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.clauses: list[_Clause] = [_Clause("", "前言", None, None, ("前言",))]
        self.stack: list[_Clause] = []

    @property
    def current(self) -> _Clause:
        return self.clauses[-1]

    def open(self, number: tuple[int, ...], label: str, heading: str, line: int | None,
             printed: str = "") -> None:
        """Open a clause; ``printed`` is the heading as the document prints it (``3. 赔偿方案``)."""
        while self.stack and not (self.stack[-1].number is not None
                                  and is_descendant(number, self.stack[-1].number)):
            self.stack.pop()
        title = " ".join(printed.split()) or label
        path = (*self.stack[-1].path, title) if self.stack else (title,)
        clause = _Clause(label, heading, number, line, path)
        self.clauses.append(clause)
        self.stack.append(clause)

    def continue_table(self, rows: list[Line]) -> None:
        """Rows printed at the top of a page's block: tier rows go on the table the previous
        page broke off (the last one ending in a tier row); a header starts a new table."""
        if is_table_row(rows[0].text):
            for clause in reversed(self.clauses[-4:]):
                tables = [b for b in clause.blocks if isinstance(b, tuple)]
                last = tables[-1][1] if tables else []
                if last and (is_table_row(last[-1].text)
                             or not any(is_table_row(r.text) for r in last)):  # header only
                    clause.add_rows(rows, continue_table=True)
                    return
        self.current.add_rows(rows, continue_table=False)

    def build(self) -> list[Clause]:
        out: list[Clause] = []
        used: dict[str, int] = {}
        for c in self.clauses:
            if not c.blocks and c.heading_line is None:
                continue  # an empty preamble
            key = c.section or "preamble"
            used[key] = used.get(key, 0) + 1
            suffix = key if used[key] == 1 else f"{key}~{used[key]}"
            blocks: list[Block] = [
                Table(tuple(b[1])) if isinstance(b, tuple) else Paragraph(tuple(b))
                for b in c.blocks]
            out.append(Clause(
                id=f"{self.doc_id}#{suffix}", doc_id=self.doc_id, section=c.section,
                heading=c.heading, path=c.path, blocks=tuple(blocks), heading_line=c.heading_line))
        return out


def _float_prose(heads: list[tuple[Line, list[Line]]], paras: list[_Para]) -> dict[int, list[Line]]:
    """Move displaced prose back under the paragraph that announced it.

    Some pages move a list (``若您逾期付款超过15天…``) into the displaced block with the
    headings. When the lines after a block heading hold no table line at all and a body
    paragraph of the page ends with a colon that nothing follows, they are put back after
    that paragraph. Returns {paragraph index: lines} and empties the heading's rows.
    """
    open_colons = [k for k, p in enumerate(paras)
                   if p.lines[-1].text.rstrip().endswith(("：", ":"))
                   and (k + 1 == len(paras) or not is_list_item(paras[k + 1].lines[0].text))]
    moved: dict[int, list[Line]] = {}
    for _, rows in heads:
        if not open_colons or not rows or any(is_tableish(r.text) for r in rows):
            continue
        if not any(display_width(r.text.strip()) > 40 for r in rows):
            continue  # short labels, not prose
        moved.setdefault(open_colons.pop(0), []).extend(rows)
        rows.clear()
    return moved


def _heading_parts(text: str) -> tuple[tuple[int, ...], str, str]:
    parsed = section_number(text)
    assert parsed is not None
    number, label, rest = parsed
    return number, label.rstrip("."), rest.strip()


def build_clauses(doc_id: str, lines: list[Line]) -> list[Clause]:
    """All clauses of one document from its content lines (title and date lines excluded)."""
    builder = ClauseBuilder(doc_id)
    carry: Line | None = None
    first_page = True
    content = [line for line in lines if not is_furniture(line.text)]
    for _, page_iter in groupby(content, key=lambda line: line.page):
        page_lines = list(page_iter)
        body, block = split_block(page_lines)
        _build_page(builder, body, block, carry, first_page)
        body_text = [line for line in body if not is_heading(line.text)]
        if body_text:
            carry = body_text[-1]
        first_page = False
    return builder.build()


@dataclass
class _Page:
    """One page of a document, split for placement."""

    slots: list[_Para]  # body paragraphs in reading order
    inline: dict[int, list[Line]]  # headings printed in place, by the paragraph slot they precede
    lead_rows: list[Line]  # block lines before its first heading: the previous table goes on
    heads: list[tuple[Line, list[Line]]]  # block headings with the table lines after each
    continues: bool  # the first paragraph carries on the previous page's sentence


def _layout(body: list[Line], block: list[Line], carry: Line | None) -> _Page:
    slots: list[_Para] = []
    inline: dict[int, list[Line]] = {}
    chunk: list[Line] = []
    for line in [*body, None]:
        if line is None or is_heading(line.text):
            slots.extend(paragraphs(chunk, None)[0])
            chunk = []
            if line is not None:
                inline.setdefault(len(slots), []).append(line)
        else:
            chunk.append(line)
    continues = (bool(slots) and 0 not in inline and carry is not None
                 and not is_table_row(carry.text) and not is_table_row(slots[0].lines[0].text)
                 and not starts_paragraph(carry, slots[0].lines[0]))
    lead_rows: list[Line] = []
    heads: list[tuple[Line, list[Line]]] = []
    for line in block:
        if is_heading(line.text):
            heads.append((line, []))
        elif heads:
            heads[-1][1].append(line)
        else:
            lead_rows.append(line)
    return _Page(slots, inline, lead_rows, heads, continues)


def _para_infos(page: _Page, carry: Line | None) -> list[Para]:
    infos = []
    prev_text = carry.text if carry else ""
    prev_is_list = False
    for k, para in enumerate(page.slots):
        text = "".join(line.text.strip() for line in para.lines)
        num = paragraph_number(text)
        infos.append(Para(text=text, number=num[0] if num else None,
                          continues=k == 0 and page.continues,
                          after_colon=prev_text.rstrip().endswith(("：", ":")),
                          after_list=prev_is_list))
        prev_text = para.lines[-1].text
        prev_is_list = bool(LIST_RE.match(text))
    common = _common_bigrams([info.text for info in infos])
    for k in range(1, len(infos)):
        infos[k] = replace(infos[k], cohesion=cohesion(infos[k].text, infos[k - 1].text, common))
    for k in range(len(infos) - 1):
        following = infos[k + 1]
        if infos[k].text.rstrip().endswith(("：", ":")) and (
                LIST_RE.match(following.text) or following.number is not None):
            infos[k] = replace(infos[k], intro=True)
    return infos


Placed = tuple[Line, list[Line]]  # a block heading with the table lines printed after it


def _common_bigrams(texts: list[str]) -> frozenset[str]:
    """Bigrams in a third or more of a page's paragraphs (服务, 腾讯…): no evidence of cohesion."""
    counts: dict[str, int] = {}
    for text in texts:
        for gram in bigrams(text):
            counts[gram] = counts.get(gram, 0) + 1
    return frozenset(g for g, n in counts.items() if n * 3 >= len(texts) and n >= 2)


def _slot_order(free: list[Placed], inline: list[Line]) -> list[Placed]:
    """Headings before one paragraph in reading order: a placed heading goes before the
    first in-place heading whose number is greater than its own."""
    out: list[tuple[Line, list[Line]]] = [(line, []) for line in inline]
    for head in free:
        number = _heading_parts(head[0].text)[0]
        at = next((i for i, (line, _) in enumerate(out)
                   if line in inline and _heading_parts(line.text)[0] > number), len(out))
        out.insert(at, head)
    return out


def _build_page(builder: ClauseBuilder, body: list[Line], block: list[Line], carry: Line | None,
                first_page: bool) -> None:
    page = _layout(body, block, carry)
    floating = _float_prose(page.heads, page.slots)
    anchors = [(k, _heading_parts(line.text)[0])
               for k, lines in page.inline.items() for line in lines]
    heads = [Head(number=_heading_parts(h.text)[0], title=_heading_parts(h.text)[2])
             for h, _ in page.heads]
    positions = place_headings(heads, _para_infos(page, carry), first_page=first_page,
                               anchors=anchors)
    placed: dict[int, list[tuple[Line, list[Line]]]] = {}
    for j, pos in enumerate(positions):
        placed.setdefault(pos, []).append(page.heads[j])

    if page.lead_rows:
        builder.continue_table(page.lead_rows)
    pending: list[Line] = []

    def flush() -> None:
        nonlocal pending
        if pending:
            builder.current.add_rows(pending, continue_table=False)
            pending = []

    for k in range(len(page.slots) + 1):
        heading_events = _slot_order(placed.get(k, []), page.inline.get(k, []))
        for line, rows in heading_events:
            flush()
            number, label, title = _heading_parts(line.text)
            builder.open(number, label, title, line.no, printed=line.text)
            pending = list(rows)
        if k == len(page.slots):
            break
        para = page.slots[k]
        joins = k == 0 and page.continues and not heading_events
        num = paragraph_number("".join(line.text.strip() for line in para.lines))
        if num and not joins:
            flush()
            builder.open(num[0], num[1], "", None)
        if all(is_table_row(line.text) for line in para.lines):
            builder.current.add_rows(para.lines, continue_table=False)
        else:
            builder.current.add_paragraph(para.lines, joins_last=joins)
        if k in floating:
            builder.current.add_paragraph(floating[k], joins_last=False)
    flush()
