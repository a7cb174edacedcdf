"""Reading tier rows the way a question asks about them.

"低于95%赔多少？" / "below 95%" names the row whose upper bound is 95%
(``低于95% 月度服务费的100%``, ``95% > Av``, ``Av ＜ 95%``), and what it pays is the row's
last percentage. No arithmetic: the row is quoted as written.
"""

from __future__ import annotations

import re

from assistant.text import normalise_numbers

BOUND_VALUE = (r"(\d{1,3}(?:\.\d+)?)(?:\s*[%％]|(?![\d.])"  # 95%, or "below 98" with the % left
               r"(?!\s*(?:分|小时|钟|秒|天|个|次|元|块|min|hour|sec|day|m\b|h\b|s\b|d\b)))")  # not a length
BELOW_AFTER = r"(\d{1,3}(?:\.\d+)?)\s*[%％]\s*(?:以下|or (?:below|lower|less)|and below)"  # 95% 以下
THRESHOLD_RE = re.compile(rf"(?:低于|不足|跌破|below|under|less than)\s*{BOUND_VALUE}|{BELOW_AFTER}",
                          re.IGNORECASE)
BARE_PCT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*[%％]")
VALUE_RE = re.compile(  # "if availability drops to 97%", "可用性都是98%": the row holding that value
    r"(?:drops? to|dropped to|falls? to|fell to|掉到|降到|跌到|只有|仅有)"
    r"\s*(?:(?:like|about|around|roughly|大概|大约|约)\s*)?(\d{1,3}(?:\.\d+)?)\s*[%％]"
    r"|(?:可用性|可用率|availability|uptime)[^%％\d。，,;；]{0,12}?(\d{1,3}(?:\.\d+)?)\s*[%％]"
    r"|(\d{1,3}(?:\.\d+)?)\s*[%％]\s*(?:monthly\s+)?(?:availability|uptime)\b"  # 98.5% availability
    r"(?!\s*(?:commitment|target|guarantee|SLA|promise|standard|line))",  # on both: what it pays
    re.IGNORECASE)
PROMISED = re.compile(r"(?:guarantee[sd]?|promise[sd]?|commit(?:s|ted)?(?: to)?|承诺|保证|保障|号称|宣称)"
                      r"[^%％\d。.;；]{0,16}$", re.I)
RANGE_RE = re.compile(  # "between 95 and 98%", "95%到98%之间", "介于95%与98%": the row spanning both
    r"(?:between|介于|在)\s*(\d{1,3}(?:\.\d+)?)\s*[%％]?\s*(?:and|to|到|至|与|和|~|～|-|–|—)\s*"
    r"(\d{1,3}(?:\.\d+)?)\s*[%％]\s*(?:之间|之内|以内)?"
    r"|(\d{1,3}(?:\.\d+)?)\s*[%％]?\s*(?:到|至|~|～|-|–|—)\s*(\d{1,3}(?:\.\d+)?)\s*[%％]\s*之间", re.I)
Tier = tuple[str, str]  # ("below", "95"): the row ending at 95%; ("at", "97"): the row holding 97%;
# ("between", "95-98"): the row spanning 95% to 98%
PAY_RE = re.compile(r"赔|补偿|代金券|pay|credit|compensat|voucher|refund|get (?:back|paid)|money back",
                    re.IGNORECASE)
PERCENT_RE = re.compile(r"\d+(?:\.\d+)?%")


def threshold_in(question: str) -> str | None:
    """The availability a question puts a row at: ``低于95%赔多少`` -> ``95``."""
    match = THRESHOLD_RE.search(question)
    bound = next((g for g in match.groups() if g), None) if match else None
    return normalise_numbers(bound + "%")[:-1] if bound else None


def tier_asked(question: str) -> Tier | None:
    """Which tier row a question asks about: ``低于95%赔多少`` -> ("below", "95"); ``if monthly
    availability drops to 97%`` / ``可用性都是98%`` -> ("at", "97") / ("at", "98")."""
    bound = threshold_in(question)
    if bound:
        return ("below", bound)
    span = span_asked(question)  # 95%到98%之间: the row spanning both
    if span:
        return span
    said = {normalise_numbers(p + "%") for p in BARE_PCT.findall(question)}
    if len(said) > 1:  # 99.95% 吗…赔多少: several values, not one
        return None
    match = VALUE_RE.search(question)
    if match and PROMISED.search(question[max(0, match.start() - 24):match.start()]):
        match = None  # "sales said it guarantees 99.95% availability": a commitment, not a month
    value = next((g for g in match.groups() if g), None) if match else None
    bare = BARE_PCT.search(question)
    if value is None and bare and re.search(r"(?:如果|假如|要是|若|if|at|到|是)\s*$",
                                            question[max(0, bare.start() - 8):bare.start()], re.I):
        value = bare.group(1)  # "And at 99.2%?" / "那如果是 97% 呢"
    return ("at", normalise_numbers(value + "%")[:-1]) if value else None


OTHER_RATE = re.compile(r"丢包|错误|失败|成功|延迟|时延|error|loss|fail|success|latenc", re.I)


def span_asked(question: str) -> Tier | None:
    """The range a question puts availability in (``between 95 and 98%`` -> ("between",
    "95-98")), or None."""
    match = RANGE_RE.search(question)
    if match is None or OTHER_RATE.search(question[max(0, match.start() - 30):match.start()]):
        return None  # 丢包率在 30%~100% 之间: a rate measured, not the availability
    ends = sorted((normalise_numbers(g + "%")[:-1] for g in match.groups() if g), key=float)
    return ("between", "-".join(ends)) if float(ends[0]) < float(ends[1]) <= 100 else None


def span_of(tier: Tier) -> tuple[float, float]:
    """The availability a tier asked covers, lowest and highest (one value for "at")."""
    low, _, high = tier[1].partition("-")
    return float(low), float(high or low)


def row_fits(row: str, tier: Tier) -> bool:
    """The row is the one ``tier`` names: its upper bound for "below", its range for "at"."""
    how, value = tier
    if how == "below":
        return row_has_upper_bound(row, value)
    text = normalise_numbers(row.replace("＜", "<").replace("＞", ">").replace("≥", ">=")
                             .replace(" ", ""))
    upper = re.search(r"(?:低于|<)(\d+(?:\.\d+)?)%|(\d+(?:\.\d+)?)%>", text)
    lower = re.search(r"(?:等于或高于|高于或等于|不低于|>=)(\d+(?:\.\d+)?)%|(\d+(?:\.\d+)?)%<=", text)
    if upper is None:
        return False
    high = float(next(g for g in upper.groups() if g))
    low = float(next(g for g in lower.groups() if g)) if lower else float("-inf")
    least, most = span_of(tier)
    return low <= least and (most < high or (most == high and least < most))


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
