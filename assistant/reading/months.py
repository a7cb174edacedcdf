"""The months a question names, each resolved against ``today``.

One pass over the text finds every month phrase, most specific first, so that the phrases
never overlap: ``2025年3月`` / ``25年3月`` / ``2025-03-17`` / ``March 2025`` (a year given),
``去年8月`` / ``今年二月`` / ``March last year`` (a year said relatively), ``上上个月`` / ``last
month`` (relative), ``这个月`` / ``当月`` / ``that month`` (the month being discussed), and a
bare ``三月份`` / ``March`` (the most recent such month that has begun).

:func:`resolve` then picks the month of the question: the first one named with its year;
a bare month with the same number, or ``当月``, restates it; any other month is a second
month the reader asks about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from assistant.numbers import CN_NUMBER, parse_number
from calculators.calendar import holiday_days

MONTHS_EN = {name: i + 1 for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")]) for name in names}
EN_NAMES = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
MONTH_NUMBER = rf"(\d{{1,2}}|{CN_NUMBER})"

Kind = Literal["dated", "relative", "this", "that", "bare", "day", "holiday"]


@dataclass(frozen=True)
class MonthMention:
    """One month phrase: its ``YYYY-MM`` (None when impossible, or for ``this``), where it
    is, and how it was said."""

    value: str | None
    start: int
    end: int
    kind: Kind


def _month(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1900 < year < 2200 else None


def recent_year(month: int, today: date) -> int:
    """The year of the most recent such month that has begun: in Nov 2026, 三月 is 2026-03."""
    return today.year if month <= today.month else today.year - 1


def _months_back(today: date, n: int) -> str | None:
    first = today.replace(day=1)
    for _ in range(n):
        first = (first - timedelta(days=1)).replace(day=1)
    return _month(first.year, first.month)


def _number(raw: str) -> int:
    value = parse_number(raw)
    return int(value) if value is not None else 0


CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def _year(raw: str) -> int:
    """``2025`` / ``二〇二五`` / ``25`` (20xx)."""
    year = int("".join(CN_DIGITS.get(c, c) for c in raw))
    return 2000 + year if year < 100 else year


HOLIDAY_WORDS = {  # the calendar's holiday names, as users say them
    "New Year's Day": r"元旦|New Year'?s Day",
    "Spring Festival": r"春节|过年|大年初[一二三四五六七1-7]|正月初[一二三四五六七八九十\d]|除夕|大年三十"
                       r"|Chinese New Year|Lunar New Year|Spring Festival",
    "Tomb-sweeping Day": r"清明节?|Qingming|Tomb[- ]sweeping Day",
    "Labour Day": r"劳动节|May Day|Labou?r Day",
    "Dragon Boat Festival": r"端午节?|Dragon Boat Festival",
    "Mid-autumn Festival": r"中秋节?|Mid-?autumn(?: Festival)?",
    "National Day": r"国庆节?|National Day",
}
HOLIDAY_NAMES = "|".join(HOLIDAY_WORDS.values())
EVENT_DAYS = {  # days on a fixed date, as users name the month by them: (month, day); 双十一 is
    r"Double Eleven|Singles'? Day": (11, 11),  # 11月11日 already (normalize), Double-11 "Double
    r"Double Twelve": (12, 12),                # Eleven"
    r"圣诞节?|Christmas": (12, 25),
}
EVENT_NAMES = "|".join(EVENT_DAYS)
RELATIVE_YEAR = {"去年": -1, "前年": -2, "今年": 0, "本年": 0, "last year": -1, "this year": 0}
# (pattern, how to resolve a match); the order is the order of precedence
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(first|1st|last|final) month of (?:the )?(last|previous|this|current) year\b"
                r"|(去年|今年)\s*(?:的)?\s*(?:(第\s*[一1]\s*个月)|最后\s*[一1]?\s*个月)", re.I),
     "year_end_month"),
    (re.compile(r"\b(first|1st|second|2nd|middle|third|3rd|last|final) month of (?:the )?"
                r"(?:Q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter)"
                r"(?:,?\s+(?:of\s+)?(this year|last year|(\d{4})))?", re.I), "quarter_month_en"),
    (re.compile(r"\b(first|1st|second|2nd|middle|third|3rd|last|final) month of (?:the )?"
                r"(?:(previous|last|this|current) quarter|(H1|H2|first half|second half))"
                r"(?:,?\s+(?:of\s+)?(this year|last year|(\d{4})))?", re.I), "period_month_en"),
    (re.compile(r"(?:(\d{4})\s*年|(今年|去年))?\s*(?:的)?\s*(?:(上个?|这个?|本)季度|(上半年|下半年))"
                r"\s*(?:的)?\s*(?:第\s*([一二三1-3])\s*个月|(最后)\s*[一1]?\s*个月)"), "period_month_zh"),
    (re.compile(r"(?:(\d{4})\s*年|(今年|去年))?\s*(?:的)?\s*第?([一二三四1-4])季度\s*(?:的)?\s*"
                r"(?:第\s*([一二三1-3])\s*个月|(最后)\s*[一1]?\s*个月)"), "quarter_month_zh"),
    (re.compile(rf"(\d{{4}}|[零〇一二三四五六七八九]{{4}})\s*年\s*(?:的)?\s*{MONTH_NUMBER}\s*月(?:份)?"),
     "year_month"),
    (re.compile(rf"(?<![\d.])([12]\d)\s*年\s*(?:的)?\s*{MONTH_NUMBER}\s*月(?:份)?"), "year_month"),
    (re.compile(r"(?<![\d./])(0?[1-9]|1[0-2])\s*/\s*((?:19|20)\d{2})(?![\d/])"), "month_year"),
    (re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*[-/]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?"
                r"(?![\d.]*\d)"), "iso"),
    (re.compile(r"(?<![\d.])(20[1-3]\d)\s*\.\s*(0?[1-9]|1[0-2])(?:\s*\.\s*(\d{1,2}))?"
                r"(?![\d.]*\d)"), "iso"),                                  # 2025.03, not 2,000.00
    (re.compile(r"(?:账期|账单月|计费月|billing month|bill month)\s*[:：]?\s*(20[1-3]\d)(0[1-9]|1[0-2])"
                r"(?!\d)", re.I), "iso"),                                    # 账期 202510
    (re.compile(rf"(去年|前年|今年|本年)\s*(?:的)?\s*(?:年初|年中|年底|年末|年尾|底|末|[春夏秋冬](?:天|季))?\s*(?:的)?\s*"
                rf"{MONTH_NUMBER}\s*月(?:份)?"), "relative_year"),  # 前年年底的十二月
    (re.compile(rf"\b({EN_NAMES})\.?\s*(?:of\s+)?(last year|this year)\b", re.I), "en_relative"),
    (re.compile(rf"(去年|今年)\s*(?:的)?\s*({EN_NAMES})\b\.?", re.I), "en_relative_first"),
    (re.compile(rf"\b(last year|this year)(?:'s)?\s*(?:in\s+)?({EN_NAMES})\b", re.I),
     "en_relative_first"),
    (re.compile(rf"\b({EN_NAMES})\.?\s*(?:of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s*)?,?\s*"
                rf"(?:'(\d{{2}})|(\d{{4}}))\b", re.I), "en_dated"),        # March 17, 2025
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?({EN_NAMES})\.?,?\s*"
                rf"(?:'(\d{{2}})|(\d{{4}}))\b", re.I), "en_dated"),        # 17 March 2025
    (re.compile(rf"\b(\d{{4}})\s*-?\s*({EN_NAMES})\b", re.I), "en_year_first"),
    (re.compile(r"上上上个?月|(?<![\d.])(?:3|三)\s*个月前(?:那个月|的那个月)?|three months ago"
                r"|(?<![\d.])3 months (?:ago|back)"),
     "back3"),
    (re.compile(r"去年(?:的)?(?:这个月|同月|同一个月|今月|本月)|(?:this|the same) month last year", re.I),
     "back12"),
    (re.compile(r"上上个?月|前两个月|(?<![\d.])(?:2|两)\s*个月前(?:那个月|的那个月)?|two months ago|(?<![\d.])2 months (?:ago|back)|the month before last"
                r"|the month (?:prior to|before) last month", re.I), "back2"),
    (re.compile(r"上个?月|last month|previous month|past month", re.I), "back1"),
    (re.compile(r"本月|这个月|这月|this month|the current month", re.I), "this"),
    (re.compile(r"当月|该月|同一?个?月|同一时段|同一时间段|那个月|that month|the same month|same month", re.I), "that"),
    (re.compile(rf"\b({EN_NAMES})\b\.?", re.I), "en_bare"),
    (re.compile(r"(去年|前年|今年)\s*(?:的)?\s*(1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\d/%]|\.\d)"),
     "relative_year"),                                                      # 去年 3/18
    (re.compile(r"(?<![\d/.:$¥#-])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\d/%]|\.\d)"
                r"(?!\s*(?:天|小时|个|台|次|of\b|的|days?\b|hours?\b|instances?\b|nodes?\b|servers?\b))",
                re.I), "day"),                                              # 9/14 23:40
    (re.compile(r"(?<![\d\-/.:：])(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d\-/:：]|\.\d)"),
     "day"),  # 10-03, on 10-30.
    (re.compile(rf"(?:((?:19|20)\d{{2}})\s*年?\s*|(去年|今年|前年)\s*(?:的)?\s*)?({HOLIDAY_NAMES})"
                r"(?:[^，,。；;\d]{0,4}?第\s*(\d{1,2})\s*天)?", re.I), "holiday"),  # 国庆第2天
    (re.compile(rf"(?:((?:19|20)\d{{2}})\s*年?\s*|(去年|今年|last year|this year)\s*(?:的|'s)?\s*"
                rf"(?:in |during )?(?:the )?)?({EVENT_NAMES})(?:\s+(last year|this year))?", re.I),
     "event"),  # 去年圣诞节, Singles' Day last year
    (re.compile(r"(?<![\d个次第.])(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?!度|费(?!用)|内|底|付)(?:份)?"),
     "bare"),
]


def month_mentions(text: str, today: date) -> list[MonthMention]:
    """Every month phrase of ``text``, in the order written, none overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[MonthMention] = []
    english = not re.search(r"[\u4e00-\u9fff]", text)
    for pattern, how in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if how == "day" and english and m.group(1) != m.group(2) \
                    and max(int(m.group(1)), int(m.group(2))) <= 12:
                continue  # 10/12 in English: October 12 or 10 December
            mention = _resolve_match(m, how, today)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(mention)
    return _years_shared(sorted(found, key=lambda x: x.start), text)


JOINED = re.compile(r"\s*(?:和|与|及|跟|、|,|，|and|&|or|到|至|-|–|~)\s*", re.I)


def _years_shared(mentions: list[MonthMention], text: str) -> list[MonthMention]:
    """``去年7月和8月`` / ``2025年7月、8月``: a bare month joined to a dated one is in its year."""
    out = list(mentions)
    for i in range(1, len(out)):
        before, bare = out[i - 1], out[i]
        if bare.kind == "bare" and bare.value and before.kind == "dated" and before.value \
                and JOINED.fullmatch(text[before.end:bare.start]):
            out[i] = replace(bare, value=before.value[:4] + bare.value[4:], kind="dated")
    return out


def _resolve_match(m: re.Match[str], how: str, today: date) -> MonthMention | None:
    span = (m.start(), m.end())
    if how == "year_month":
        return MonthMention(_month(_year(m.group(1)), _number(m.group(2))), *span, "dated")
    if how == "iso":
        return MonthMention(_month(int(m.group(1)), int(m.group(2))), *span, "dated")
    if how == "month_year":  # 01/2026, 7/2025
        return MonthMention(_month(int(m.group(2)), int(m.group(1))), *span, "dated")
    if how == "relative_year":
        year = today.year + RELATIVE_YEAR[m.group(1)]
        return MonthMention(_month(year, _number(m.group(2))), *span, "dated")
    if how in ("en_relative", "en_relative_first"):
        name, rel = (m.group(1), m.group(2)) if how == "en_relative" else (m.group(2), m.group(1))
        year = today.year + RELATIVE_YEAR[rel.lower()]
        return MonthMention(_month(year, MONTHS_EN[name.lower()]), *span, "dated")
    if how == "en_dated":
        return MonthMention(_month(_year(m.group(2) or m.group(3)), MONTHS_EN[m.group(1).lower()]),
                            *span, "dated")
    if how == "en_year_first":
        return MonthMention(_month(int(m.group(1)), MONTHS_EN[m.group(2).lower()]), *span,
                            "dated")
    if how == "day":
        number = int(m.group(1))
        return MonthMention(_month(recent_year(number, today), number), *span, "day")
    if how == "holiday":
        return _holiday(m, today)
    if how == "event":
        month, day = next(d for words, d in EVENT_DAYS.items() if re.fullmatch(words, m.group(3), re.I))
        relative = m.group(2) or m.group(4)
        year = int(m.group(1)) if m.group(1) else today.year + RELATIVE_YEAR[relative.lower()] \
            if relative else today.year if (month, day) <= (today.month, today.day) \
            else today.year - 1  # the latest one begun
        return MonthMention(_month(year, month), *span, "dated" if m.group(1) or relative
                            else "holiday")
    if how in ("quarter_month_en", "quarter_month_zh"):
        return _quarter_month(m, how, today)
    if how in ("period_month_en", "period_month_zh"):
        return _period_month(m, how, today)
    if how == "year_end_month":  # the last month of last year / 今年第一个月
        year = today.year - (1 if (m.group(2) or m.group(3)).lower() in ("last", "previous", "去年")
                             else 0)
        first = (m.group(1) or "").lower() in ("first", "1st") or bool(m.group(4))
        return MonthMention(_month(year, 1 if first else 12), *span, "dated")
    if how in ("back2", "back3", "back12"):
        return MonthMention(_months_back(today, int(how[4:])), *span, "relative")
    if how == "back1":
        return MonthMention(_months_back(today, 1), *span, "relative")
    if how == "this":
        return MonthMention(_month(today.year, today.month), *span, "this")
    if how == "that":
        return MonthMention(None, *span, "that")
    if how == "en_bare":
        if m.group(1).lower() in ("may", "mar", "jan", "jun", "dec") and m.group(1).islower():
            return None  # "we may", "jan" as a name: a lower-case short word is not a month
        number = MONTHS_EN[m.group(1).lower()]
        return MonthMention(_month(recent_year(number, today), number), *span, "bare")
    number = _number(m.group(1))
    if not 1 <= number <= 12:
        return None
    return MonthMention(_month(recent_year(number, today), number), *span, "bare")


QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "middle": 2, "third": 3,
                    "3rd": 3, "last": 3, "final": 3, "fourth": 4, "4th": 4, "最后": 3}


def _quarter_month(m: re.Match[str], how: str, today: date) -> MonthMention:
    """``the last month of Q3`` / ``the first month of the third quarter this year`` / ``今年三季度
    第一个月``: that month, in the year said, else the latest one begun."""
    def number(raw: str) -> int:
        return QUARTER_ORDINALS.get(raw.lower()) or CN_DIGITS_INT.get(raw) or int(raw)
    if how == "quarter_month_en":
        which, quarter = number(m.group(1)), number(m.group(2) or m.group(3))
        said = m.group(5) or (str(today.year + RELATIVE_YEAR[m.group(4).lower()])
                              if m.group(4) else None)
    else:
        which, quarter = number(m.group(4) or m.group(5)), number(m.group(3))
        said = m.group(1) or (str(today.year + RELATIVE_YEAR[m.group(2)]) if m.group(2) else None)
    month = (quarter - 1) * 3 + which
    year = int(said) if said else recent_year(month, today)
    return MonthMention(_month(year, month), m.start(), m.end(), "dated" if said else "bare")


HALF_WORDS = {"h1": 1, "first half": 1, "上半年": 1, "h2": 7, "second half": 7, "下半年": 7}


def _period_month(m: re.Match[str], how: str, today: date) -> MonthMention:
    """``the last month of the previous quarter`` / ``last month of H1 this year`` / ``上个季度
    最后一个月`` / ``下半年第一个月``: that month of the quarter or half said."""
    english = how == "period_month_en"
    ordinal = m.group(1) if english else (m.group(5) or m.group(6))
    quarter, half = (m.group(2), m.group(3)) if english else (m.group(3), m.group(4))
    year_word, said = (m.group(4), m.group(5)) if english else (m.group(2), m.group(1))
    last = ordinal.lower() in ("last", "final", "最后")
    which = QUARTER_ORDINALS.get(ordinal.lower()) or CN_DIGITS_INT.get(ordinal) or int(ordinal)
    if quarter:  # this quarter, or the one before it
        first = today.year * 12 + (today.month - 1) // 3 * 3
        first -= 3 if quarter.lower().startswith(("p", "l", "上")) else 0
        year, index = divmod(first + which - 1, 12)
        return MonthMention(_month(year, index + 1), m.start(), m.end(), "dated")
    month = HALF_WORDS[half.lower()] + (5 if last else which - 1)
    year = int(said) if said else (today.year + RELATIVE_YEAR[year_word.lower()] if year_word
                                   else recent_year(month, today))
    return MonthMention(_month(year, month), m.start(), m.end(),
                        "dated" if said or year_word else "bare")


CN_DIGITS_INT = {"一": 1, "二": 2, "三": 3, "四": 4}


AROUND = re.compile(r"\s*(?:前后|左右|附近)")  # 国庆前后: either side of it
AROUND_BEFORE = re.compile(r"\b(?:around|near|close to)\s+(?:the\s+)?$", re.I)
AROUND_DAYS = 7


def _holiday(m: re.Match[str], today: date) -> MonthMention | None:
    """``国庆第2天`` / ``中秋节`` / ``去年春节``: the month of that holiday's days off (the latest
    one begun when no year is said); None when they run over two months and no day is said."""
    name = next(n for n, words in HOLIDAY_WORDS.items() if re.fullmatch(words, m.group(3), re.I))
    said = int(m.group(1)) if m.group(1) else \
        today.year + RELATIVE_YEAR[m.group(2)] if m.group(2) else None
    days: tuple[date, ...] = ()
    for year in [said] if said else [today.year, today.year - 1]:
        days = holiday_days(name, year)
        if days and (said or days[0] <= today):
            break
    if not days:
        return None
    nth = int(m.group(4)) if m.group(4) else None
    if AROUND.match(m.string, m.end()) or AROUND_BEFORE.search(m.string[:m.start()]):
        days = (days[0] - timedelta(days=AROUND_DAYS), days[-1] + timedelta(days=AROUND_DAYS))
    if nth:
        day = days[0] + timedelta(days=nth - 1)
        months = {(day.year, day.month)}
    else:
        months = {(d.year, d.month) for d in days}
    if len(months) != 1:
        return None
    (year, month), = months
    return MonthMention(_month(year, month), m.start(), m.end(), "dated" if said else "holiday")


Verdict = Literal["month", "restated", "another", "date"]


ASKED_BEFORE = re.compile(
    r"(?:what I need(?: now)? is|this (?:one )?is (?:about|for)|I'm asking about|asking about"
    r"|only (?:about|for)|just (?:about|for)|credit for|refund for|compensation for"
    r"|what about|how about|只问|只算|问的是|要算的是|算的是|只看|现在问|说的是|要问的是"
    r"|先(?:帮我|给我)?算一?下?|(?:帮我|给我)算一?下?|先看一?下?|先问"
    r"|(?:let's |please )?(?:start with|calculate|compute|work out))\s*(?:the\s+)?$", re.I)
ASKED_AFTER = re.compile(r"^\s*(?:的|份)?\s*(?:这次|这回|这个|那次|那个)?\s*(?:能|可以|该|应该)?\s*(?:赔|补偿)"
                         r"(?:多少|几)|^\s*(?:的|份)?\s*呢")  # 8 月这次能赔多少


ASKING_SENTENCE = re.compile(r"(?:[^。；;!?！？\n.]|\.(?![\s)）\"'”]|$))*[?？]")  # a sentence that asks (18.5,
# lina@example.com: no sentence ends there)
CREDIT_ASKED = re.compile(r"赔|credit|compensat|refund|payout", re.I)
WINDOW_ASKED = re.compile(r"申请|提交|来得及|截止|还能|claim|file|apply|deadline|in time", re.I)


def _in_the_ask(mentions: list[MonthMention], text: str) -> list[MonthMention]:
    """The months named in the sentence that asks for the credit (``What credit should we expect
    for September?``, ``9月这台机器费用 1500，请问能赔多少？``) — never one asking when to claim
    (``11 月还能申请吗？`` names the month of the claim, not of the outage)."""
    for sentence in reversed(list(ASKING_SENTENCE.finditer(text))):
        said = sentence.group(0)
        if CREDIT_ASKED.search(said) and not WINDOW_ASKED.search(said):
            return [m for m in mentions if m.value and m.kind in ("dated", "relative", "bare")
                    and sentence.start() <= m.start < sentence.end()]
    return []


DAY_AFTER_MONTH = re.compile(r"\s*(?:(\d{1,2})\s*(?:[日号]|st\b|nd\b|rd\b|th\b)?(?![\d:：]))?")
RANGE_BETWEEN = re.compile(r"^[^。；;!?！？\n]{0,36}?(?:到|至|~|～|–|—|-|\buntil\b|\btill\b|\bto\b"
                           r"|\bthrough\b)[^。；;!?！？\n]{0,16}$", re.I)


def _next_month(value: str) -> str:
    year, month = int(value[:4]), int(value[5:7])
    return f"{year + month // 12}-{month % 12 + 1:02d}"


def crossing(mentions: list[MonthMention], text: str) -> list[tuple[MonthMention, MonthMention]]:
    """Pairs of dates that are one outage's start and end across a month's end (``10月31号晚上
    23:40 开始…一直到11月1号凌晨``, ``Oct 31 22:30 – Nov 1 02:00``): each month counts its part,
    so neither date alone is the question's month."""
    def day(m: MonthMention) -> bool:
        said = DAY_AFTER_MONTH.match(text, m.end)
        before = re.search(r"\b(?:3[01]|[12]\d|0?[1-9])\s+(?:of\s+)?$", text[:m.start])  # 30 Sep
        return bool(said and said.group(1)) or bool(before) or m.kind == "dated" and bool(
            re.search(r"\d{4}\D+\d{1,2}\D+\d{1,2}", text[m.start:m.end]))
    return [(a, b) for a, b in zip(mentions, mentions[1:])
            if a.value and b.value and b.value == _next_month(a.value) and day(a) and day(b)
            and RANGE_BETWEEN.search(text[a.end:b.start])]


def asked_month(mentions: list[MonthMention], text: str) -> MonthMention | None:
    """Of several months, the one the question asks about in so many words (``September had a
    hiccup too, but what I need now is October``, ``只问 10 月``); None when no one month is."""
    asked = [m for m in mentions if m.value and m.kind in ("dated", "relative", "bare") and (
        ASKED_BEFORE.search(text[max(0, m.start - 30):m.start])
        or ASKED_AFTER.search(text[m.end:m.end + 16]))] or _in_the_ask(mentions, text)
    values = {m.value for m in asked}
    others = [m for m in mentions if m.value and m.value not in values]
    if len(values) != 1 or not others or any(  # 9月30日 23:00 到 10月1日: an outage over both
            m.kind == "day" or (m.value or "")[5:] == (asked[0].value or "")[5:]
            or re.match(r"\s*\d{1,2}\s*(?:[日号]|st\b|nd\b|rd\b|th\b|(?!\d))", text[m.end:])
            for m in others):
        return None
    return asked[0]


APPOSED = re.compile(r"\s*(?:[（(]|[，,]?\s*(?:也就是|就是|即|i\.e\.|namely|that is)\s*)")


def named_over_relative(mentions: list[MonthMention], text: str) -> MonthMention | None:
    """``上個月（9月）…9/8…9 月帳單`` written on 11-26: a relative month the months named in
    figures all contradict, one of them said beside it, means the named month (the words were
    written from another day; the figures are what happened); None otherwise."""
    relative = [m for m in mentions if m.kind == "relative"]
    named = [m for m in mentions if m.kind in ("dated", "bare", "day") and m.value]
    if len(relative) != 1 or not named or len({m.value for m in named}) != 1 \
            or named[0].value == relative[0].value:
        return None
    return next((m for m in named if (said := APPOSED.match(text, relative[0].end))
                 and said.end() == m.start), None)


def resolve(mentions: list[MonthMention], prefer: MonthMention | None = None
            ) -> tuple[str | None, list[Verdict]]:
    """The question's month and, for each mention, whether it is that month, restates it or
    names another one.

    The first dated or relative month wins, else the first bare one, else ``这个月`` (the
    current month). ``当月`` / ``that month`` refer back and name no month on their own; a
    bare month with the chosen month's number restates it (``2025年10月…10月份这个集群…``).
    """
    chosen = prefer or next((m for m in mentions if m.kind in ("dated", "relative")), None) or next(
        (m for m in mentions if m.kind == "bare"), None) or next(
        (m for m in mentions if m.kind == "day"), None) or next(
        (m for m in mentions if m.kind == "holiday"), None) or next(
        (m for m in mentions if m.kind == "this"), None)
    if chosen is None:
        return None, ["restated"] * len(mentions)
    verdicts: list[Verdict] = []
    for m in mentions:
        if m is chosen:
            verdicts.append("month")
        elif m.kind in ("this", "that") or m.value == chosen.value:
            verdicts.append("restated")
        elif m.kind == "holiday":  # 4月断的，五一放假能申请吗: when to claim, not the month
            verdicts.append("date")
        elif m.kind in ("bare", "day") and chosen.value and m.value \
                and m.value[5:] == chosen.value[5:]:
            verdicts.append("restated")
        else:
            verdicts.append("another")
    return chosen.value, verdicts


DAY_PATTERNS = (re.compile(r"(\d{1,2})\s*[日号]"),
                re.compile(r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*(\d{1,2})"),
                re.compile(rf"(?:{EN_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I),
                re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{EN_NAMES})\b", re.I))


def day_value(text: str, today: date) -> str | None:
    """A date phrase as ``YYYY-MM-DD``, or ``--MM-DD`` when said without a year (it is read
    with the question's month): ``2025年10月20日`` / ``今年6月19号`` / ``2025-03-17`` /
    ``March 17, 2025`` / ``6月19号``."""
    slashed = re.search(r"(?<![\d/])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\d/])", text)
    if slashed and not re.search(r"\d{4}|年|月", text):  # 3/19: a day of the question's month
        return f"--{int(slashed.group(1)):02d}-{int(slashed.group(2)):02d}"
    mentions = month_mentions(text, today)
    day = next((m for m in (p.search(text) for p in DAY_PATTERNS) if m), None)
    if not mentions or day is None or mentions[0].value is None:
        return None
    number = int(day.group(1))
    if not 1 <= number <= 31:
        return None
    month = mentions[0].value
    return f"--{month[5:]}-{number:02d}" if mentions[0].kind == "bare" else f"{month}-{number:02d}"
