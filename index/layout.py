"""What each raw line of the PDF dump is: page furniture, heading, table row or body text.

The dump keeps every printed line followed by a blank line. Page furniture (footers,
bare URLs) is never content. Headings and table rows are recognised by shape only; where
they stand (in place or displaced to the end of the page) is decided by ``clauses``.
"""

from __future__ import annotations

import re
from functools import lru_cache

FULL_LINE_WIDTH = 122
"""Display width (CJK = 2) from which a line is taken to be wrapped, not ended.

A printed line holds about 66 CJK characters (width 126-134); measured on the corpus.
"""

URL_RE = re.compile(r"^\s*https?://\S+\s*$")
FOOTER_BRAND = "政策与规范"
FOOTER_RE = re.compile(r"版权所有：腾讯云计算（北京）有限责任公司\s*第\s*(\d+)\s*共\s*858\s*页")
UPDATED_RE = re.compile(r"^最近更新时间：(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})")

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}

SECTION_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(\.?)(?=\s|[\u4e00-\u9fff（“《A-Za-z])\s*(.*)$")
ARTICLE_RE = re.compile(r"^第([一二三四五六七八九十百零两]+)条\s*(.*)$")
CHAPTER_RE = re.compile(r"^第([一二三四五六七八九十百零两]+)章\s*(.*)$")
CN_ITEM_RE = re.compile(r"^([一二三四五六七八九十]+)、\s*(.*)$")
LIST_ITEM_RE = re.compile(r"^(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}[)）]|[①-⑳]|[a-z][.)]\s)")
AMOUNT_RE = re.compile(  # "30天", "99.9 %", "5个工作日", "1.5 TB": amounts, not section numbers
    r"^\d+(?:\.\d+)?(?:\s*[%％]|年|月(?!度)|日|元|个|天|小时|分钟|秒|次|倍|\s*(?:[GMTK]B|[GM]bps)\b)")
SENTENCE_END = "。；！？：;:!?"
TIER_RE = re.compile(
    r"(低于|高于|不足|以下|以上|[<>＜＞≤≥]|小于|大于|超过).{0,40}?\d|\d+(?:\.\d+)?\s*%.{0,30}?"
    r"(服务费|代金券|的\d|赔偿|时长|延长|补偿|额度|条数|分钟|个月|天)"
)


WIDE_RE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def display_width(text: str) -> int:
    """Printed width: CJK and full-width characters count 2, others 1.

    >>> display_width("CVM 实例")
    8
    """
    return len(text) + len(WIDE_RE.findall(text))


def chinese_number(text: str) -> int:
    """Value of a Chinese numeral up to 999: ``十二`` -> 12, ``二十`` -> 20, ``一百零五`` -> 105."""
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CN_DIGITS[ch]
    return total + current


def is_url(text: str) -> bool:
    return bool(URL_RE.match(text))


def is_footer(text: str) -> bool:
    stripped = text.strip()
    return stripped == FOOTER_BRAND or bool(FOOTER_RE.search(stripped))


def footer_page(text: str) -> int | None:
    match = FOOTER_RE.search(text)
    return int(match.group(1)) if match else None


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and (stripped[-1] in SENTENCE_END or stripped.endswith(("。）", "。)")))


def is_full(text: str) -> bool:
    """True when the line runs to the right margin, i.e. the paragraph goes on."""
    return display_width(text.strip()) >= FULL_LINE_WIDTH


@lru_cache(maxsize=65536)
def section_number(text: str) -> tuple[tuple[int, ...], str, str] | None:
    """The section number a line starts with, as (number, label, rest).

    ``3.2.4 您可以…`` -> ((3, 2, 4), '3.2.4', '您可以…');
    ``第三条 服务`` -> ((3,), '第三条', '服务');
    ``二、账号`` -> ((2,), '二、', '账号').  Years and amounts (``2024年``) are not numbers.
    """
    stripped = text.strip()
    match = SECTION_RE.match(stripped)
    bare = match and not match.group(2) and "." not in match.group(1)
    if bare and not re.match(r"^\d+\s", stripped):
        match = None  # "3条约定…", "5个工作日": a number in a sentence, not a section
    if match and not AMOUNT_RE.match(stripped):
        label = match.group(1)
        parts = tuple(int(p) for p in label.split("."))
        if all(0 < p < 100 for p in parts):
            return parts, label, match.group(3).strip()
    for pattern, suffix in ((ARTICLE_RE, "条"), (CHAPTER_RE, "章")):
        match = pattern.match(stripped)
        if match:
            return (chinese_number(match.group(1)),), f"第{match.group(1)}{suffix}", match.group(2)
    match = CN_ITEM_RE.match(stripped)
    if match:
        return (chinese_number(match.group(1)),), f"{match.group(1)}、", match.group(2).strip()
    return None


@lru_cache(maxsize=65536)
def is_heading(text: str) -> bool:
    """A section heading: a number and a short title with no sentence punctuation.

    ``3.1 赔偿标准`` and ``第一条 通则`` are headings; ``5.1 任何腾讯云所属设备…引起的。`` is a
    numbered paragraph.
    """
    stripped = text.strip()
    parsed = section_number(stripped)
    if parsed is None:
        return False
    _, _, title = parsed
    if not title or ends_sentence(title) or title.endswith(("，", "、", ",")):
        return False
    if re.search(r"[，。；]", re.sub(r"（[^）]*）|\([^)]*\)", "", title)):
        return False
    return display_width(stripped) < 90


@lru_cache(maxsize=65536)
def is_table_row(text: str) -> bool:
    """A row of a compensation or tier table: a bound and a compensation on one short line."""
    stripped = text.strip()
    if display_width(stripped) > 110 or ends_sentence(stripped):
        return False
    return bool(TIER_RE.search(stripped)) and "%" in stripped or bool(
        re.match(r"^[\d.\s%]+$", stripped) and "%" in stripped
    )


def is_list_item(text: str) -> bool:
    return bool(LIST_ITEM_RE.match(text.strip()))
