"""Split the corpus into documents: title, category path, kind, dates and line range.

A document starts at its title, the line right above ``最近更新时间``. The 1-3 category
lines above a title (`` 容器与中间件`` / ``容器``) give its category path; a document
without them stays in the category of the one before it. Lines before the first title
are the tail of the PDF's table of contents and belong to no document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from index.domain import DocKind
from index.layout import UPDATED_RE
from index.pages import content_lines, document_starts

EFFECTIVE_RE = re.compile(
    r"自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起\s*)?(?:正式\s*)?生效")


# The PDF's top-level product categories. A page start shows only the categories that
# change there, so a lone sub-category line is placed under the current top level.
TOP_CATEGORIES = frozenset({
    "腾讯云产品相关协议", "计算", "容器与中间件", "存储", "数据库", "网络", "CDN 与边缘",
    "视频服务", "安全", "大数据", "人工智能与机器学习", "腾讯大模型", "AI 应用产品",
    "AI 平台产品", "开发与运维", "云通信与企业服务", "行业应用", "解决方案", "管理与支持",
})


@dataclass(frozen=True)
class DocumentSpan:
    """Where a document lies in the corpus, before its clauses are parsed."""

    title: str
    kind: DocKind
    category: str
    updated_at: str
    category_line: int
    doc_line: int
    line_end: int


def document_kind(title: str) -> DocKind:
    """``sla`` for 服务等级协议, ``privacy`` for privacy rules, ``guide`` for guides, ``terms``
    for agreements, terms and rules, ``other`` for the rest."""
    if "服务等级协议" in title:
        return "sla"
    if re.search(r"隐私|个人信息保护", title):
        return "privacy"
    if re.search(r"指南|常见问题|说明|清单", title):
        return "guide"
    if re.search(r"协议|条款|合同|规则|规范", title):
        return "terms"
    return "other"


def effective_date(text: str) -> str | None:
    """The date a document says it takes effect from: ``自2024年02月01日生效`` -> ``2024-02-01``."""
    match = EFFECTIVE_RE.search(re.sub(r"\s+", "", text))
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def split_documents(lines: tuple[str, ...]) -> list[DocumentSpan]:
    """All documents of the corpus in order."""
    content = content_lines(lines)
    starts = document_starts(lines, content)
    groups = [[lines[no - 1].strip() for no in content if first <= no < title]
              for first, title in starts]
    spans: list[DocumentSpan] = []
    path: list[str] = []
    for k, ((first, title_line), cats) in enumerate(zip(starts, groups)):
        if cats:
            if cats[0] in TOP_CATEGORIES or not path:
                path = cats
            else:
                path = [path[0], *cats]
        next_first = starts[k + 1][0] if k + 1 < len(starts) else len(lines) + 1
        last = content[bisect.bisect_left(content, next_first) - 1]
        title = lines[title_line - 1].strip()
        updated = UPDATED_RE.match(lines[title_line].strip() or lines[title_line + 1].strip())
        spans.append(DocumentSpan(
            title=title,
            kind=document_kind(title),
            category=" > ".join(path),
            updated_at=updated.group(1) if updated else "",
            category_line=first,
            doc_line=title_line,
            line_end=last,
        ))
    return spans
