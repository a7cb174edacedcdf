"""Page numbers for every corpus line, from page starts calibrated on the surviving footers.

A page usually starts on a line with exactly one leading space. Such lines also occur
inside pages (indented list items), and some pages start otherwise: after a footer, right
after the bare-URL block that ends the previous page, or on the category lines above a
document title. The 39 surviving footers (``第N 共858页``) fix the page number at their
lines; between two footers exactly the right number of page starts is kept, the least
likely candidates dropped first. Where a stretch has fewer starts than pages (a page
that printed no text), the missing pages are counted just before the footer's page.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from index.layout import ends_sentence, footer_page, is_footer, is_url, section_number

log = logging.getLogger(__name__)

LAST_PAGE = 858
ONE_SPACE = re.compile(r"^ \S")
UPDATED_PREFIX = "最近更新时间"

# how sure we are that a candidate really starts a page
AFTER_FOOTER, DOC_START, AFTER_URLS, AFTER_SHORT, AFTER_BODY = 5, 4, 3, 2, 1


@dataclass(frozen=True)
class PageMap:
    """First line of every page with its number; the page of any line."""

    starts: tuple[tuple[int, int], ...]
    footers: tuple[tuple[int, int], ...]

    def page_of(self, line_no: int) -> int:
        index = bisect.bisect_right(self.starts, line_no, key=lambda start: start[0]) - 1
        return self.starts[max(index, 0)][1]

    def mismatches(self) -> list[tuple[int, int, int]]:
        """Footers whose printed page differs from the computed one: (line, printed, computed)."""
        return [(no, page, self.page_of(no)) for no, page in self.footers
                if self.page_of(no) != page]


def content_lines(lines: tuple[str, ...]) -> list[int]:
    """1-based numbers of the non-blank lines."""
    return [i + 1 for i, text in enumerate(lines) if text.strip()]


def is_category_line(text: str) -> bool:
    """A product-category line printed above a document title (`` 计算``, ``容器``)."""
    stripped = text.strip()
    return (0 < len(stripped) <= 24 and not ends_sentence(stripped) and not is_url(stripped)
            and not is_footer(stripped) and section_number(stripped) is None
            and not re.search(r"[%，。；（）()]", stripped))


def document_starts(lines: tuple[str, ...], content: list[int]) -> list[tuple[int, int]]:
    """(first category line or title line, title line) of every document.

    A title is the line right above ``最近更新时间``; up to three category lines may stand
    above it, the first of them starting the page.
    """
    out = []
    for k, no in enumerate(content):
        if k == 0 or not lines[no - 1].startswith(UPDATED_PREFIX):
            continue
        title_k = k - 1
        first_k = title_k
        while (first_k - 1 >= 0 and title_k - first_k < 3
               and is_category_line(lines[content[first_k - 1] - 1])
               and not ONE_SPACE.match(lines[content[first_k] - 1])):
            first_k -= 1
        out.append((content[first_k], content[title_k]))
    return out


def _candidates(lines: tuple[str, ...]) -> dict[int, int]:
    """Candidate page-start lines (1-based) with their confidence."""
    content = content_lines(lines)
    found: dict[int, int] = {}
    for prev, no in zip([0, *content], content):
        text, before = lines[no - 1], lines[prev - 1] if prev else ""
        if is_footer(text):
            continue
        if prev and footer_page(before) is not None:
            found[no] = AFTER_FOOTER
        elif prev and is_url(before) and not is_url(text):
            found[no] = AFTER_URLS
        elif ONE_SPACE.match(text) and not ONE_SPACE.match(before):
            short = not ends_sentence(before) and len(before.strip()) <= 30
            found[no] = AFTER_SHORT if (short or not prev) else AFTER_BODY
    before_of = dict(zip(content[1:], content))
    for first, title in document_starts(lines, content):
        # an indented last line of the previous document is not a page of its own
        if found.get(before_of.get(first, 0), AFTER_URLS) <= AFTER_SHORT:
            del found[before_of[first]]
        for no in range(first + 1, title + 1):
            if found.get(no, 0) < AFTER_FOOTER:
                found.pop(no, None)
        found[first] = max(found.get(first, 0), DOC_START)
    return found


MAX_PAGE_LINES = 70  # a printed page holds at most ~66 lines (measured)


def _select(cands: list[tuple[int, int]], need: int, end: int, count: list[int]) -> list[int]:
    """Keep ``need`` candidates: drop the least sure first, the one making the smallest page
    among equals; then split any page too long to be printed by swapping in a dropped
    candidate inside it for the weakest kept one whose removal leaves a printable page.

    ``count[no]`` is the number of content lines before line ``no``.
    """
    kept = sorted(cands)

    def sizes(starts: list[tuple[int, int]]) -> list[int]:
        bounds = [no for no, _ in starts] + [end]
        return [count[b] - count[a] for a, b in zip(bounds, bounds[1:])]

    while len(kept) > need:
        size = sizes(kept)
        # index 0 is the start right after the segment's footer (or the file's first line)
        worst = min(range(1, len(kept)), key=lambda i: (kept[i][1], size[i - 1] + size[i]))
        del kept[worst]
    dropped = sorted(set(cands) - set(kept))
    for _ in range(len(dropped)):
        size = sizes(kept)
        long_pages = [i for i, n in enumerate(size) if n > MAX_PAGE_LINES]
        if not long_pages:
            break
        i = long_pages[0]
        page_end = kept[i + 1][0] if i + 1 < len(kept) else end
        inside = [c for c in dropped if kept[i][0] < c[0] < page_end]
        removable = [j for j in range(1, len(kept))
                     if j not in (i, i + 1) and size[j - 1] + size[j] <= MAX_PAGE_LINES]
        if not inside or not removable:
            break
        middle = (count[kept[i][0]] + count[page_end]) / 2
        add = min(inside, key=lambda c: (-c[1], abs(count[c[0]] - middle)))
        drop = min(removable, key=lambda j: (kept[j][1], size[j - 1] + size[j]))
        dropped.remove(add)
        dropped.append(kept[drop])
        del kept[drop]
        kept = sorted([*kept, add])
    return [no for no, _ in kept]


def build_page_map(lines: tuple[str, ...]) -> PageMap:
    """Compute the page of every line of the corpus."""
    cands = _candidates(lines)
    count = [0] * (len(lines) + 2)
    for no in range(1, len(lines) + 2):
        count[no] = count[no - 1] + (1 if no >= 2 and lines[no - 2].strip() else 0)
    footers = tuple((i + 1, page) for i, text in enumerate(lines)
                    if (page := footer_page(text)) is not None)
    if not footers:
        starts = sorted(cands)
        return PageMap(starts=tuple((no, i + 1) for i, no in enumerate(starts)), footers=())
    first_footer_line, first_footer_page = footers[0]
    # before the first footer every candidate is taken; that fixes the page of line 1
    head = sorted(no for no in cands if no <= first_footer_line)
    if not head or head[0] != 1:
        head.insert(0, 1)
    page = first_footer_page - len(head) + 1
    numbered = [(no, page + i) for i, no in enumerate(head)]
    bounds = [*footers, (len(lines) + 1, LAST_PAGE)]
    for (line_a, page_a), (line_b, page_b) in zip(bounds, bounds[1:]):
        seg = [(no, conf) for no, conf in cands.items() if line_a < no <= line_b]
        need = page_b - page_a
        kept = _select(seg, need, line_b, count)
        pages = list(range(page_a + 1, page_a + 1 + len(kept)))
        if len(kept) < need:
            log.debug("%d page(s) without text before line %d", need - len(kept), line_b)
            if pages:
                pages[-1] = page_b
        numbered.extend(zip(kept, pages))
    return PageMap(starts=tuple(numbered), footers=footers)
