"""One compensation-table row read as written: its bounds and what it pays.

Row shapes of the corpus (see shared/docs/corpus-notes.md, "Compensation tables"):
``低于99.975%但等于或高于99% 月度服务费的10%`` (lower bound inclusive, upper exclusive),
``99.99% ＞ 服务可用性 ≥ 99.95% 月度服务费的10%``, ``99.5% ≤ 服务可用性 ＜ 99.9%``,
``≤ 95% 月度服务费的100%`` (upper bound inclusive), ``a < 95%``; a variant label may lead
the row (``标准存储（多 AZ） 低于99.995%…``, ``高级版 99.9%＞Av ≥ 99%``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

NUM = r"(\d+(?:\.\d+)?)\s*%"
SUBJECT = r"(?:服务可用性|Av|a)"
CN_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}


@dataclass(frozen=True)
class Bounds:
    label: str
    lower: Decimal | None
    lower_inclusive: bool
    upper: Decimal | None
    upper_inclusive: bool
    rest: str


@dataclass(frozen=True)
class Payout:
    kind: str
    value: Decimal
    unit: str
    fee_basis: str


def normalize(text: str) -> str:
    """Full-width comparison signs to ASCII, spaces collapsed (``99.50 %`` -> ``99.50%``)."""
    text = text.replace("＞", ">").replace("＜", "<").replace("％", "%")
    text = re.sub(r"\s+", " ", text.strip())
    return re.sub(r"(\d)\s+%", r"\1%", text)


_SHAPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(?P<label>[^\d%]*?)\s*低于\s*{NUM}\s*但等于或高于\s*{NUM}\s*(?P<rest>.*)$"),
     "below_but_at_least"),
    (re.compile(rf"^(?P<label>[^\d%]*?)\s*低于\s*{NUM}\s*(?P<rest>.*)$"), "below"),
    (re.compile(rf"^(?P<label>[^\d%]*?)\s*{NUM}\s*>\s*{SUBJECT}\s*≥\s*{NUM}\s*(?P<rest>.*)$"),
     "gt_ge"),
    (re.compile(rf"^(?P<label>[^\d%]*?)\s*{NUM}\s*>\s*{SUBJECT}\s+(?P<rest>[^≥]*)$"), "gt"),
    (re.compile(rf"^(?P<label>[^\d%]*?)\s*{NUM}\s*≤\s*{SUBJECT}\s*<\s*{NUM}\s*(?P<rest>.*)$"),
     "le_lt"),
    (re.compile(rf"^(?P<label>)\s*{SUBJECT}\s*<\s*{NUM}\s*(?P<rest>.*)$"), "lt"),
    (re.compile(rf"^(?P<label>)≤\s*{NUM}\s*(?P<rest>.*)$"), "le"),
]


def parse_bounds(text: str) -> Bounds | None:
    """Bounds of an availability row, exactly as written.

    >>> b = parse_bounds("低于99.975%但等于或高于99% 月度服务费的10%")
    >>> (b.lower, b.lower_inclusive, b.upper, b.upper_inclusive, b.rest)
    (Decimal('99'), True, Decimal('99.975'), False, '月度服务费的10%')
    >>> parse_bounds("≤ 95% 月度服务费的100%").upper_inclusive
    True
    """
    line = normalize(text)
    for pattern, shape in _SHAPES:
        m = pattern.match(line)
        if not m:
            continue
        label, rest = m.group("label").strip(), m.group("rest").strip()
        if len(label) > 20 or any(w in label for w in ("。", "，", "如", "不低于")):
            return None
        nums = [Decimal(g) for g in m.groups()[1:-1]]
        if shape == "below_but_at_least":
            return Bounds(label, nums[1], True, nums[0], False, rest)
        if shape == "gt_ge":
            return Bounds(label, nums[1], True, nums[0], False, rest)
        if shape == "le_lt":
            return Bounds(label, nums[0], True, nums[1], False, rest)
        if shape == "le":
            return Bounds(label, None, False, nums[0], True, rest)
        return Bounds(label, None, False, nums[0], False, rest)
    return None


def _number(text: str) -> Decimal | None:
    m = re.search(r"(\d+(?:\.\d+)?)", text)
    if m:
        return Decimal(m.group(1))
    for cn, value in CN_NUMBERS.items():
        if cn in text:
            return Decimal(value)
    return None


def parse_payout(rest: str, header: str = "") -> Payout | None:
    """What a row pays, from the words after its bounds (and the table header).

    >>> p = parse_payout("COS 月度总服务费的10%")
    >>> (p.kind, p.value, p.fee_basis)
    ('voucher_pct_of_monthly_fee', Decimal('10'), 'COS 月度总服务费')
    >>> parse_payout("额外二个月的服务使用时间").value
    Decimal('2')
    """
    rest = normalize(rest).rstrip("。")
    if not rest:
        return None
    if "所对应的" in rest or "邮件推送服务次数" in rest:
        kind = ("sms_count" if "短信" in rest else "voice_minutes" if "语音" in rest
                else "email_count" if "邮件" in rest else "view_count")
        pct = re.search(NUM, rest)
        basis = "月度服务费用" if "月度服务费" in rest else "服务周期服务费用"
        return Payout(kind, Decimal(pct.group(1)), "%", basis) if pct else None
    if "倍超出服务可用性标准的不可用分钟数" in rest:
        value = _number(rest)
        return Payout("downtime_multiple_minutes", value, "×", "超出标准的不可用分钟数") \
            if value else None
    if "VUM" in rest:
        m = re.match(r"(\d+(?:\.\d+)?)\s*\*", rest)
        return Payout("vum_multiple", Decimal(m.group(1)) if m else Decimal(1), "×",
                      "不可用分钟数内消耗的 VUM")
    if "服务使用时间" in rest and "月" in rest:
        value = _number(rest)
        return Payout("extension_months", value, "月", "服务使用时间") if value else None
    if re.fullmatch(r"\d+\s*个自然日", rest):
        return Payout("extension_days", Decimal(re.match(r"\d+", rest).group()), "天",  # type: ignore[union-attr]
                      "服务期限")
    if "服务时长的" in rest:
        pct = re.search(NUM, rest)
        return Payout("extension_pct_of_term", Decimal(pct.group(1)), "%", rest.split("的")[0]) \
            if pct else None
    m = re.fullmatch(rf"(.*?)的?\s*{NUM}", rest)
    if m and ("服务费" in m.group(1) or not m.group(1)):
        basis = m.group(1).strip() or "月度服务费"
        kind = "voucher_pct_of_order_fee" if basis == "服务费" else "voucher_pct_of_monthly_fee"
        return Payout(kind, Decimal(m.group(2)), "%", basis)
    return None
