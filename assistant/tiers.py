"""Reading tier rows the way a question asks about them.

"低于95%赔多少？" / "below 95%" names the row whose upper bound is 95%
(``低于95% 月度服务费的100%``, ``95% > Av``, ``Av ＜ 95%``), and what it pays is the row's
last percentage. No arithmetic: the row is quoted as written.
"""

from __future__ import annotations

import re

from assistant.text import normalise_numbers

THRESHOLD_RE = re.compile(
    r"(?:低于|不足|跌破|掉到|below|under|less than|drops? to|fell to|只有)"
    r"\s*(\d{1,3}(?:\.\d+)?)\s*[%％]", re.IGNORECASE)
PAY_RE = re.compile(r"赔|补偿|代金券|pay|credit|compensat|voucher|refund", re.IGNORECASE)
PERCENT_RE = re.compile(r"\d+(?:\.\d+)?%")


def threshold_in(question: str) -> str | None:
    """The availability a question puts a row at: ``低于95%赔多少`` -> ``95``."""
    match = THRESHOLD_RE.search(question)
    return normalise_numbers(match.group(1) + "%")[:-1] if match else None


def row_has_upper_bound(row: str, bound: str) -> bool:
    """The row starts below ``bound``: ``低于95% …``, ``95% > Av …``, ``Av ＜ 95% …``."""
    text = normalise_numbers(row.replace("＜", "<").replace("＞", ">").replace(" ", ""))
    return bool(re.search(rf"(?:^|[^\d.])低于{re.escape(bound)}%(?!但?等于)", text)
                or re.match(rf"(?:[^\d]*\s)?{re.escape(bound)}%>", text)
                or re.search(rf"<{re.escape(bound)}%", text))


def asks_for_payment(question: str) -> bool:
    return bool(PAY_RE.search(question))


def payment_of(row: str) -> str | None:
    """What a tier row pays: its last percentage (``…月度服务费的100%`` -> ``100%``)."""
    found = PERCENT_RE.findall(normalise_numbers(row.replace(" ", "")))
    return found[-1] if found else None
