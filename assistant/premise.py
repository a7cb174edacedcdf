"""A percentage the question states as a premise, checked against the answer's lead.

"The Agent Development Platform SLA promises 99.9% like most products, right?" is answered
"99.5% [1]": the lead then starts with a plain "No", so the user's figure is never read as
confirmed. An answer that states every figure anywhere is left as it is, never turned into
a "yes": the form of compensation or a condition may still differ from what the user believes.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.reading.normalize import normalize

CONFIRM = re.compile(
    r"\bright\s*\?|\bcorrect\s*\?|\bisn'?t (?:it|that)\b|\bis (?:that|this|it) (?:right|true|so)\b"
    r"|\bam i right\b|\bdoesn'?t it\b|对吧|对吗|对不对|是吗|是不是|没错吧|没错吗|是这样吗"
    r"|(?:是|为|有|赔)\s*\d+(?:\.\d+)?\s*[%％]\s*(?:吗|吧)", re.I)
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
LEAD = re.compile(r"(答：|Answer: )")


def _percents(text: str) -> set[Decimal]:
    return {Decimal(m.group(1)).normalize() for m in PERCENT.finditer(text)}


def confirms_quoted(question: str, quotes: list[str]) -> bool:
    """Whether the question asks to confirm a percentage that one of ``quotes`` states: the
    quotes then answer it, and a lead of their other figures would only mislead."""
    return bool(CONFIRM.search(question)) and bool(
        _percents(normalize(question)) & _percents(" ".join(quotes)))


def premise_checked(question: str, text: str, lang: str, measured: Decimal | None = None) -> str:
    """``text`` with "No" put before its lead when the question asks to confirm a percentage
    that the answer, lead and quotes, never states (``measured``, an availability the
    question reports, is the user's fact, not a premise about the agreement)."""
    if not CONFIRM.search(question):
        return text
    stated = _percents(normalize(question)) - ({measured.normalize()} if measured is not None
                                               else set())
    first, newline, rest = text.partition("\n")
    lead = LEAD.match(first)
    if not stated or lead is None or not _percents(first) or stated <= _percents(text):
        return text  # every stated figure is quoted (a lead may leave out a figure it echoes)
    no = "不对，协议写的是 " if lang == "zh" else "No — the agreement says "
    return f"{lead.group(1)}{no}{first[lead.end():]}{newline}{rest}"
