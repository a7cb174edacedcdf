"""Put displaced headings back in front of their bodies.

The PDF dump moves a page's headings to the end of that page. For each page we know the
body paragraphs in order and the headings in order; we choose, for every heading, the
paragraph its body starts at. Section numbers give hard-ish constraints (``1.3`` goes
after paragraph ``1.2.4`` and before paragraph ``1.3.1``); between them a small dynamic
programme scores each choice by how much the paragraph looks like the start of a section
and how much it shares words with the heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

Number = tuple[int, ...]

NO_BODY_HERE = -3.0  # a heading whose body starts on the next page
ORDER_VIOLATION = -12.0  # per numbered paragraph on the wrong side of a heading
MID_PARAGRAPH = -30.0  # a heading cannot start inside a paragraph
SHARED_SLOT = -8.0  # two unrelated headings before the same paragraph
PARENT_SLOT = 2.0  # a parent heading directly followed by its first child
FIRST_CHILD = 1.0  # a heading right before its first numbered sub-paragraph
COHESION = 3.0  # weight of a paragraph's overlap with the one before it
INTRO = 2.0  # a paragraph that introduces a list usually opens its section
PREAMBLE = -12.0  # the opening "为使用…请您务必审慎阅读" paragraphs precede all headings

PREAMBLE_RE = re.compile(r"^(为使用|欢迎您?使用)|充分阅读|审慎阅读|请您务必|除非您已")
LIST_RE = re.compile(r"^[（(]\s*\d{1,2}\s*[)）]")
DEFINITION_RE = re.compile(
    r"^(是指|指|系指|即|本服务|腾讯云|您|用户|服务可用性|赔偿|由以下原因|对于)")


@dataclass(frozen=True)
class Para:
    """What placement needs to know of one body paragraph."""

    text: str
    number: Number | None  # section number the paragraph itself starts with (3.2.4 …)
    continues: bool  # first paragraph of a page that carries on the previous page's sentence
    after_colon: bool  # the paragraph before it ended with a colon (a list follows)
    after_list: bool = False  # the paragraph before it is a list item (（2）…)
    intro: bool = False  # ends with a colon and a list or numbered sub-clause follows
    cohesion: float = 0.0  # share of its opening words found in the paragraph before it


@dataclass(frozen=True)
class Head:
    """A heading to place: its number (if any) and its title words."""

    number: Number | None
    title: str


def is_descendant(child: Number, parent: Number) -> bool:
    return len(child) > len(parent) and child[: len(parent)] == parent


@lru_cache(maxsize=65536)
def bigrams(text: str) -> frozenset[str]:
    chars = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)
    return frozenset(chars[i : i + 2] for i in range(len(chars) - 1))


def cohesion(text: str, before: str, common: frozenset[str] = frozenset()) -> float:
    """Share of the character bigrams opening ``text`` that the paragraph ``before`` has,
    leaving out ``common`` ones (words every paragraph of the page uses)."""
    grams = bigrams(text[:40]) - common
    if not grams or not before:
        return 0.0
    return len(grams & bigrams(before)) / len(grams)


def similarity(title: str, text: str) -> float:
    """Share of the heading's character bigrams found at the start of the paragraph."""
    grams = bigrams(title)
    if not grams:
        return 0.0
    return len(grams & bigrams(text[:60])) / len(grams)


def _start_score(head: Head, para: Para, first_page: bool) -> float:
    score = 0.0
    if para.continues:
        score += MID_PARAGRAPH
    if first_page and para.number is None and PREAMBLE_RE.search(para.text[:80]):
        score += PREAMBLE
    if (head.number is not None and para.number is not None
            and is_descendant(para.number, head.number)):
        score += FIRST_CHILD
    if re.match(r"^[（(]\s*1\s*[)）]", para.text) or DEFINITION_RE.match(para.text):
        score += 1.0
    elif re.match(r"^[（(]\s*([2-9]|\d\d)\s*[)）]", para.text):
        score -= 3.0
    if para.after_colon:
        score -= 2.0
    score -= COHESION * para.cohesion  # carrying on the paragraph before, not a new section
    if para.intro:
        score += INTRO  # "…获得赔偿：" introducing the list or sub-clauses after it
    if para.after_list and re.match(r"^[（(]\s*1\s*[)）]", para.text):
        score += 2.0  # a new list starts right after another one
    elif para.after_list and not LIST_RE.match(para.text) and para.cohesion < 0.15:
        score += 1.5  # a list ended and something else begins
    return score + 2.0 * similarity(head.title, para.text)


def _order_penalty(head: Head, numbered: list[tuple[int, Number, bool]], pos: int) -> float:
    """Penalty for numbered paragraphs and in-place headings on the wrong side of the heading.

    ``numbered`` holds (slot, number, is_heading); an in-place heading at the same slot
    as the placed one is ordered by number when the page is walked, so it never counts.
    """
    if head.number is None:
        return 0.0
    penalty = 0.0
    for k, number, is_anchor in numbered:
        if len(number) < 2 and len(head.number) >= 2 and not is_anchor:
            continue
        after_heading = number >= head.number  # children compare greater than parents
        wrong_side = (k < pos) if after_heading else (k > pos or k == pos and not is_anchor)
        if wrong_side:
            penalty += ORDER_VIOLATION
    return penalty


def place_headings(heads: list[Head], paras: list[Para], first_page: bool = False,
                   anchors: list[tuple[int, Number]] | None = None) -> list[int]:
    """For each heading (in order) the index of the paragraph its body starts at.

    ``len(paras)`` means the body is not on this page (it starts on the next one).
    Positions never decrease. ``anchors`` are headings printed in place: (slot, number).

    >>> heads = [Head((1, 3), "数据存储持久性"), Head((1, 4), "数据可销毁性")]
    >>> paras = [Para("1.2.8 …", (1, 2, 8), False, False), Para("1.3.1 …", (1, 3, 1), False, False),
    ...          Para("1.4.1 …", (1, 4, 1), False, False)]
    >>> place_headings(heads, paras)
    [1, 2]
    """
    m, n = len(heads), len(paras)
    if m == 0:
        return []
    slots = n + 1
    numbered = [(k, p.number, False) for k, p in enumerate(paras) if p.number is not None]
    numbered += [(k, number, True) for k, number in anchors or []]
    unary = [[_unary(heads[j], paras, numbered, k, first_page) for k in range(slots)]
             for j in range(m)]
    neg = float("-inf")
    best = [[neg] * slots for _ in range(m)]
    back = [[0] * slots for _ in range(m)]
    best[0] = list(unary[0])
    for j in range(1, m):
        related = heads[j - 1].number is not None and heads[j].number is not None and is_descendant(
            heads[j].number, heads[j - 1].number)  # type: ignore[arg-type]
        running, arg = neg, 0
        for k in range(slots):
            # previous heading strictly before k
            if k > 0 and best[j - 1][k - 1] > running:
                running, arg = best[j - 1][k - 1], k - 1
            same = best[j - 1][k] + (PARENT_SLOT if related else SHARED_SLOT)
            if k == n:
                same = best[j - 1][k]  # several headings may wait for the next page
            if same >= running:
                best[j][k], back[j][k] = same + unary[j][k], k
            else:
                best[j][k], back[j][k] = running + unary[j][k], arg
    k = max(range(slots), key=lambda s: best[m - 1][s])
    positions = [0] * m
    for j in range(m - 1, -1, -1):
        positions[j] = k
        k = back[j][k]
    return positions


def _unary(head: Head, paras: list[Para], numbered: list[tuple[int, Number, bool]], k: int,
           first_page: bool) -> float:
    base = NO_BODY_HERE if k == len(paras) else _start_score(head, paras[k], first_page)
    if head.number is not None and any(
            slot == k and is_anchor and is_descendant(number, head.number)
            for slot, number, is_anchor in numbered):
        base += PARENT_SLOT  # a parent heading right before its in-place child
    return base + _order_penalty(head, numbered, k)
