"""Numbers as people write them in Chinese and English questions.

``两千`` -> 2000, ``1.2万`` -> 12000, ``3,000`` -> 3000, ``一个半`` -> 1.5. Pure functions
over strings; no I/O.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3,
            "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8,
            "捌": 8, "九": 9, "玖": 9}
CN_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}

CN_NUMBER = r"[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿]+"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# an Arabic or Chinese number, optionally followed by 万 (1.2万)
NUMBER = rf"(?:{ARABIC}\s*万?|{CN_NUMBER}(?:点[零〇一二两三四五六七八九]+)?|半)"


def chinese_to_int(text: str) -> int:
    """``两千五百`` -> 2500, ``两千五`` -> 2500, ``十二`` -> 12, ``三万五千`` -> 35000,
    ``二〇二四`` -> 2024."""
    if all(ch in CN_DIGIT for ch in text) and len(text) > 1:
        return int("".join(str(CN_DIGIT[ch]) for ch in text))  # 二〇二四
    total, section, digit, last_unit = 0, 0, 0, 0
    for ch in text:
        if ch in CN_DIGIT:
            digit = CN_DIGIT[ch]
        elif ch in CN_UNIT:
            section += (digit or 1) * CN_UNIT[ch]
            digit, last_unit = 0, CN_UNIT[ch]
        elif ch in CN_BIG:
            total += (section + digit) * CN_BIG[ch]
            section, digit, last_unit = 0, 0, CN_BIG[ch]
        else:
            raise ValueError(f"not a Chinese number: {text!r}")
    if digit and last_unit >= 100 and len(text) >= 2 and text[-2] not in CN_DIGIT:
        digit *= last_unit // 10  # 两千五 = 2500, 三万五 = 35000, 一百五 = 150
    return total + section + digit


def parse_number(text: str) -> Decimal | None:
    """A number written either way: ``680``, ``3,000``, ``1.2万``, ``两千``, ``三点五``, ``半``."""
    raw = text.strip().replace("，", ",")
    if not raw:
        return None
    if raw == "半":
        return Decimal("0.5")
    multiplier = Decimal(1)
    if raw.endswith("万") and re.match(r"^\d", raw):
        raw, multiplier = raw[:-1].strip(), Decimal(10_000)
    if re.fullmatch(ARABIC, raw):
        try:
            return Decimal(raw.replace(",", "")) * multiplier
        except InvalidOperation:
            return None
    whole, _, frac = raw.partition("点")
    try:
        value = Decimal(chinese_to_int(whole)) if whole else Decimal(0)
        if frac:
            value += Decimal("0." + "".join(str(CN_DIGIT[ch]) for ch in frac))
    except (ValueError, KeyError):
        return None
    return value
