"""Page numbers of every line agree with the footers that survived the PDF dump."""

from __future__ import annotations

import re
from collections import Counter

from index.layout import footer_page
from index.parser import Agreements


def test_every_surviving_footer_agrees_with_the_computed_page(agreements: Agreements) -> None:
    lines = agreements.corpus.lines
    footers = [(i + 1, page) for i, text in enumerate(lines) if (page := footer_page(text))]
    assert len(footers) == 39
    wrong = [(no, page, agreements.pages.page_of(no)) for no, page in footers
             if agreements.pages.page_of(no) != page]
    assert wrong == []


def test_pages_run_from_the_toc_tail_to_page_858_without_gaps(agreements: Agreements) -> None:
    pages = [page for _, page in agreements.pages.starts]
    assert pages == sorted(pages)
    assert pages[0] == 11 and pages[-1] == 858
    assert agreements.pages.page_of(len(agreements.corpus.lines)) == 858


def test_pages_have_a_printable_size(agreements: Agreements) -> None:
    """No page holds more lines than a printed page can (66 measured; 70 allowed)."""
    lines = agreements.corpus.lines
    size = Counter(agreements.pages.page_of(i + 1) for i, t in enumerate(lines) if t.strip())
    too_big = {page: n for page, n in size.items() if n > 70}
    assert too_big == {}


def test_most_pages_start_on_a_line_with_one_leading_space(agreements: Agreements) -> None:
    lines = agreements.corpus.lines
    starts = [no for no, _ in agreements.pages.starts]
    one_space = sum(bool(re.match(r"^ \S", lines[no - 1])) for no in starts)
    assert one_space / len(starts) > 0.9


def test_known_pages(agreements: Agreements) -> None:
    page_of = agreements.pages.page_of
    assert page_of(688) == 18  # footer 第18
    assert page_of(690) == 19  # the line after a footer starts the next page
    assert page_of(1520) + 1 == page_of(1593)  # a table split by a page break
    assert page_of(55361) + 1 == page_of(55400)  # a sentence wrapped across pages
