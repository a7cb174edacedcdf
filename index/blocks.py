"""Where a page's displaced block begins: the headings, table headers, rows and labels the PDF
moved to the end of the page, told apart from headings printed in place."""

from __future__ import annotations

import re

from index.domain import Line
from index.layout import (
    display_width,
    ends_sentence,
    is_footer,
    is_full,
    is_heading,
    is_table_row,
    is_url,
)

MAX_GAP = 6  # lines of cell text allowed between two heading/table lines of a block
TABLE_HEADER_RE = re.compile(
    r"(服务可用性|可用性|赔偿|代金券|补偿|成功率|服务等级|存储类型|类型|等级|指标|时长|比例|金额|标准)")


def is_furniture(text: str) -> bool:
    return is_url(text) or is_footer(text) or not text.strip()


def is_tableish(text: str) -> bool:
    """A table row, a short cell with a percentage, or a table header line."""
    stripped = text.strip()
    if is_table_row(stripped):
        return True
    if ends_sentence(stripped) or display_width(stripped) > 90:
        return False
    if "%" in stripped and display_width(stripped) <= 40 and not re.search(r"[=×]", stripped):
        return True
    cells = stripped.split()
    if re.search(r"[=×，,、]", stripped):
        return False
    return (len(cells) >= 2 and display_width(stripped) <= 70
            and bool(TABLE_HEADER_RE.search(stripped)))


def split_block(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(body, displaced block) of one page's content lines.

    The block is the run at the end of the page made of headings and table lines, with
    at most ``MAX_GAP`` lines of cell text between them; lines after its last heading or
    table line belong to it only if they are short (cells, not wrapped body text).
    """
    start = len(lines)
    gap = 0
    for j in range(len(lines) - 1, -1, -1):
        text = lines[j].text
        if is_heading(text) and _printed_in_place(lines, j):
            break
        if is_heading(text) or is_tableish(text):
            start, gap = j, 0
        else:
            gap += 1
            if start == len(lines) and is_full(text):
                break  # wrapped body text at the very end: no block on this page
            if gap > MAX_GAP:
                break
    # a heading printed right after a wrapped, unfinished line cannot stand in its place:
    # the block starts there (the sentence goes on after the block, on the next page)
    for j in range(start - 1, 0, -1):
        if is_heading(lines[j].text) and is_full(lines[j - 1].text) \
                and not ends_sentence(lines[j - 1].text):
            start = j
            break
    return lines[:start], lines[start:]


def _printed_in_place(lines: list[Line], j: int) -> bool:
    """A heading that ends no run of headings and opens a wrapped body paragraph stands in
    its place (some documents print headings in place; displaced ones come in runs)."""
    if j == 0 or j + 1 >= len(lines):
        return False
    before, after = lines[j - 1].text, lines[j + 1].text
    body_before = not is_heading(before) and not is_tableish(before) and (
        ends_sentence(before) or not is_full(before))
    body_after = not is_heading(after) and not is_tableish(after) and is_full(after)
    return body_before and body_after
