"""Numbers rewritten one way before they are read: Arabic digits, no separators, no magnitudes.

``月费2 000元`` -> ``月费2000元``, ``1,440 分钟`` -> ``1440 分钟``, ``1.2万元`` -> ``12000元``,
``两千块`` -> ``2000块``, ``3千`` -> ``3000``, ``一个半小时`` -> ``1.5小时``,
``百分之九十九点九`` -> ``99.9%``, ``1.2M requests`` -> ``1200000 requests``. Words that only
contain a numeral character (一共, 一次性, 统一) are left alone. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.numbers import CN_DIGIT, chinese_to_int, parse_number
from assistant.reading.tables import rows_as_phrases

TRADITIONAL = str.maketrans(  # numerals and units in traditional characters (掛了兩個小時), Cantonese 咗
    "兩個鐘時萬億點預繳總計間過咗斷線費價鐘請敗數裡裏蚊俾畀嘅冇唔喺嗰啲佢哋閾設頭",
    "两个钟时万亿点预缴总计间过了断线费价钟请败数里里元付付的没不在那些他们阈设头")  # 冇…哋: Cantonese
LENGTH_WORDS = re.compile(r"时长|持续(?:时间)?|不可用时间|故障时间|durations?|downtime|lasted|outage of"
                          r"|[（(]\s*(?:时:分:秒|h:m:s|hh:mm:ss|h:mm|hh:mm|时:分)\s*[）)]", re.I)  # 01:12:30（时:分:秒）
HMS = re.compile(r"(?<![\d:])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])")


def _hms_lengths(text: str) -> str:
    """``时长 00:42:30`` / ``01:20:00 of downtime``: an h:mm:ss said as a length, not a clock time."""
    def sentence(m: re.Match[str]) -> str:
        part = m.group(0)
        if not (LENGTH_WORDS.search(part) or re.search(r"\d:\d\d:\d\d\s+of\s+downtime", part, re.I)):
            return part
        def length(t: re.Match[str]) -> str:
            if re.search(r"(?:from|to|until|从|到|至|[-–~～])\s*$", part[:t.start()], re.I) or \
                    re.match(r"\s*(?:to|until|till|到|至|[-–~～])", part[t.end():], re.I):
                return t.group(0)  # a clock time of a range (09:12:00 to 09:12:59)
            return f"{int(t.group(1))}h {int(t.group(2))}m {int(t.group(3))}s"
        if HM_LABEL.search(part):  # Total 2:35 on Mar 17 (h:mm): a length in hours and minutes
            part = HM.sub(lambda t: f"{int(t.group(1))}h {int(t.group(2))}m", part)
        return HMS.sub(length, part)
    return re.sub(r"[^。；;!?！？\n]+", sentence, text)


HM_LABEL = re.compile(r"[（(]\s*(?:h:mm|hh:mm|h:m|时:分)\s*[）)]", re.I)
HM = re.compile(r"(?<![\d:])(\d{1,3}):([0-5]\d)(?![\d:])(?!\s*(?:to|until|till|到|至|[-–~～])\s*\d)")


FULL_WIDTH = str.maketrans(  # full-width digits, letters and the signs numbers carry
    "０１２３４５６７８９％．／＋－" + "".join(chr(0xFF21 + i) + chr(0xFF41 + i) for i in range(26)),
    "0123456789%./+-" + "".join(chr(0x41 + i) + chr(0x61 + i) for i in range(26)))
CN_NUM_CHARS = "零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿"
# a Chinese numeral followed by one of these is a number (三次, 两台, 五分钟, 十二月)
CN_FOLLOWERS = r"多|余|个|次|回|台|小时|钟头|分|秒|天|日|号|月|年|元|块|毛|角|条|封|周|倍|%|点|位|张|笔|项|万|千"
# words in which a numeral character is not a number
NOT_NUMBERS = ("一共", "一次性", "一次付", "一次交", "一次缴", "统一", "一般", "一样", "之一", "一下", "一直", "一些", "一点点",
               "唯一", "万一", "千万", "一旦", "一起", "一部分", "一定", "一切", "一致",
               "一并", "一律", "一方", "一经", "一同", "一向", "进一步", "一时", "一台台", "一次次",
               "一个个", "哪一分钟", "哪一天", "这一项", "那一项", "这一行", "那一行", "一个月内", "一月一次", "三天两头", "一会", "一边", "一面", "一侧", "一家",
               "第一时间", "同一", "前一天", "头一天", "后一天", "一多半", "一天到晚", "一开始", "一样", "每一", "任一", "一手", "一口气",
               *(f"{week}{day}" for week in ("周", "星期", "礼拜") for day in "一二三四五六日天"))
SOME_DAY = re.compile(  # which day it was (上个月有一天整个下午, 那一天), never how long
    r"(?<=[某那这哪])一整?天|一天(?=[里内中]|之内|当中)|(?:(?<=^有)|(?<=[，,。；;！!？?\s月份周期里候号日]有))一天(?![半多零又]|左右|之久|时间|了)")
MAGNITUDE = {"万": Decimal(10_000), "千": Decimal(1000), "k": Decimal(1000), "K": Decimal(1000),
             "M": Decimal(1_000_000), "million": Decimal(1_000_000),
             "百万": Decimal(1_000_000), "千万": Decimal(10_000_000), "亿": Decimal(100_000_000)}


HMS_WORDS = re.compile(  # 2时30分50秒 in a list of lengths (after a colon, a comma or 时长), never 10日14时30分
    r"(?:(?<=^)|(?<=[：:、，,；;（(])|(?<=时长)|(?<=持续)|(?<=共)|(?<=用时))\s*(\d{1,3})\s*[时時]\s*(\d{1,2})\s*分\s*"
    r"(\d{1,2})\s*秒(?!\s*(?:到|至|开始|起|[-–~～]))")


MIXED_ID = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+[-_][A-Za-z0-9_-]*\d[A-Za-z][A-Za-z0-9_-]*")


def plain(value: Decimal) -> str:
    """``Decimal('6E+2')`` -> ``600``, ``Decimal('1.50')`` -> ``1.5``."""
    return format(value.normalize(), "f")


def _cn_run(match: re.Match[str]) -> str:
    run = match.group(1)
    frac = (match.group(2) if match.re.groups >= 2 else None) or ""
    if not any(ch in CN_DIGIT for ch in run) and not run.startswith(("十", "拾")):  # 十万 is one
        return match.group(0)  # a bare magnitude (the 万 of "8 万元") is read with its digits
    try:
        value = Decimal(chinese_to_int(run))
        if frac:
            value += Decimal("0." + "".join(str(CN_DIGIT[ch]) for ch in frac))
    except (ValueError, KeyError):
        return match.group(0)
    return plain(value)


CN_CLOCK_DIGITS = "零〇一二两三四五六七八九十"
CN_CLOCK = re.compile(
    rf"(?P<from>从|到|至|由)?(?P<part>凌晨|早上|上午|中午|下午|傍晚|晚上|夜里|半夜)?\s*"
    rf"(?P<h>[{CN_CLOCK_DIGITS}]{{1,3}}|\d{{1,2}})点(?:(?P<whole>整)|(?P<half>半)"
    rf"|(?P<m>[{CN_CLOCK_DIGITS}]{{1,3}}|\d{{1,2}})(?P<fen>分(?!钟))?)?")
CLOCK_NEXT = re.compile(r"\s*(?:到|至|开始|起|挂|断|宕|才|恢复|好|左右|的时候|[，,。；;]|$)")


NEIGHBOURS = re.compile(  # two neighbouring numerals said together are a range: 两三个小时, 十七八天
    r"(?<![零〇一二两三四五六七八九十百千万亿\d.])(十)?([一二两三四五六七八])([二三四五六七八九])"
    r"([百千万]?)(?:(?=\s*(?:个|分|小时|钟|天|秒|次|台|块|元|h|min))"
    r"|(?<=[百千万])(?![零〇一二两三四五六七八九十]))")


def _neighbours(match: re.Match[str]) -> str:
    tens, low, high, magnitude = match.groups()
    first, second = CN_DIGIT[low], CN_DIGIT[high]
    if second != first + 1 and (first, second) != (3, 5):
        return match.group(0)
    scale = {"": 1, "百": 100, "千": 1000, "万": 10000}[magnitude]
    base = 10 if tens else 0
    return f"{(base + first) * scale}到{(base + second) * scale}"


FAILED_RATIO = re.compile(  # a failure rate said as a ratio, read as the percentage it is
    r"\b(?P<part>\d+|one)\s+(?:in|out of every)\s+(?:every\s+)?(?P<whole>\d+)"
    r"(?=\s*(?:requests?|calls?)?\s*(?:failed|errored|were errors|returned errors))"
    r"|每\s*(?P<whole2>\d+)\s*(?:个|次|条)?\s*(?:请求|调用)?\s*(?:里|中|里面)?\s*就?\s*有\s*"
    r"(?P<part2>\d+)\s*(?:个|次|条)?\s*(?=失败|出错|报错)"
    r"|(?:(?<=失败率)|(?<=错误率)|(?<=failure rate)|(?<=error rate)|(?<=failed))"  # 失败率 1/200
    r"\s*(?:是|为|of)?\s*"  # failed 1 in 500
    r"(?P<part3>\d+)\s*(?:/|in)\s*(?P<whole3>\d+)(?![\d/])", re.I)


MILLISECONDS = re.compile(r"(?<![\d.])(\d{5,})\s*(?:毫秒|ms\b|milliseconds?\b|millisecs?\b)", re.I)


def _in_seconds(match: re.Match[str]) -> str:
    """An outage's length in milliseconds (a minute or more: never a latency) in seconds."""
    value = Decimal(match.group(1))
    if value < 60000:
        return match.group(0)
    return f"{plain(value / 1000)} 秒" if re.search(r"毫秒", match.group(0)) \
        else f"{plain(value / 1000)} seconds"


def _failed_ratio(match: re.Match[str]) -> str:
    part = Decimal(1 if (match.group("part") or "").lower() == "one"
                   else match.group("part") or match.group("part2") or match.group("part3"))
    whole = Decimal(match.group("whole") or match.group("whole2") or match.group("whole3"))
    if not 0 < part <= whole:
        return match.group(0)
    pct = part * 100 / whole
    if pct != pct.quantize(Decimal("0.0001")):
        return match.group(0)  # 1 in 3: no exact percentage, left to be asked about
    return f" {plain(pct)}% " if match.group("part3") else f"{plain(pct)}% "


def _minutes_before(hour: int, short: str) -> str:
    """``6点差一刻`` / ``7点差5分``: the time that many minutes before the hour, as h:mm."""
    minutes = 15 if short == "一刻" else int(re.sub(r"\D", "", short))
    if not 0 < minutes < 60 or not 1 <= hour <= 24:
        return f"{hour}点差{short}"
    return f"{hour - 1}:{60 - minutes:02d}"


def _clock(match: re.Match[str]) -> str:
    """``两点零五分`` -> ``2点05分``, ``晚上十一点四十`` -> ``晚上11点40``: a time of day, never
    the decimal 2.05; a ``点`` with a unit after it (``两点五小时``) is left to the numbers."""
    g = match.groupdict()
    ends = CLOCK_NEXT.match(match.string, match.end()) is not None  # 3点开始, 3点二十，
    clock = g["part"] or g["from"] or g["whole"] or g["half"] or g["fen"] or (
        ends and (g["m"] is None or len(g["m"]) >= 2))
    rest = ""
    if g["m"] and not g["m"].isdigit() and len(g["m"]) == 1 and not g["fen"]:
        rest, g["m"] = g["m"], None  # 7点一直: 一 starts the next word, not a minute
    elif g["m"] and g["m"].endswith("一") and len(g["m"]) > 1 and not g["fen"] \
            and match.string[match.end():match.end() + 1] in tuple("直共起样下定般些"):
        rest, g["m"] = "一", g["m"][:-1]  # 十一点四十一直: 40 minutes, then 一直
    hour = chinese_to_int(g["h"]) if not g["h"].isdigit() else int(g["h"])
    minute = None if g["m"] is None else chinese_to_int(g["m"]) if not g["m"].isdigit() \
        else int(g["m"])
    if not clock or hour > 24 or (minute is not None and minute > 59):
        return match.group(0)
    tail = "整" if g["whole"] else "半" if g["half"] else "" if minute is None \
        else f"{minute:02d}" + (g["fen"] or "")
    return f"{g['from'] or ''}{g['part'] or ''}{hour}点{tail}{rest}"


TAKEN_BACK = (r"不对|(?:哦|噢|啊)不对|哦不|噢不|啊不|不不|不好意思|我?(?:说|记|搞|写|看)错了"
              r"|(?:刚才)?我?(?:看|记|填|算)错[^，,。；;\d]{1,4}?了(?=\s*[，,]?\s*(?:是|应该是|其实是|实际是))"
              r"|口误|更正一下|更正|no,? wait"  # 我看错账单了，是 9800: what follows replaces it
              r"|no,? sorry|wait,? no"
              r"|(?:sorry,?\s*)?(?:i mean|i correct|let me correct|correcting)|sorry|correction"
              r"|oops|scratch that|my (?:mistake|bad)")  # a figure the user takes back at once (the reader's too)
PAUSE = r"(?:(?:等下|等等|等一下|稍等|hold on|wait)\s*[，,]?\s*)?"  # 8900……等下，我看错账单了
_TAKEN_BACK_SAID = (rf"\s*(?:…+|\.{{2,}}|—+)?\s*[，,]?\s*{PAUSE}"
                    rf"(?:{TAKEN_BACK})\s*[，,]?\s*(?:是|应该是|it'?s|it was)?\s*")  # (X，不是 Y
# keeps X)
FEE_TAKEN_BACK = re.compile(  # 月费 2000 不对 是 2500: the label goes with the figure that stands
    r"(月费|年费|月租|包年价|月付|年付|包月|包年|每月|每年|实付|monthly fee|annual fee|monthly|fee"
    r"|(?:yearly|annual|monthly) price)\s*(?:是|为|[:：]|is|was)?\s*"
    r"[\d.,一二两三四五六七八九十百千万kK]+\s*(?:元|块|CNY|RMB|yuan)?"
    rf"{_TAKEN_BACK_SAID}(?=[\d一二两三四五六七八九十])", re.I)
COUNT_TAKEN_BACK = re.compile(  # 报错 700 次，不对，是 770 次: the count that stands takes the place
    rf"(?<![\d.])\d+(?:\.\d+)?\s*(次|个|条)(?={_TAKEN_BACK_SAID}\d+(?:\.\d+)?\s*\1)"
    rf"{_TAKEN_BACK_SAID}", re.I)
_MONTH_SAID = (r"(?:(?:今年|去年|\d{4}\s*年)?\s*\d{1,2}\s*月份?|上{1,3}个?月|本月|这个月"
               r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?)")
MONTH_TAKEN_BACK = re.compile(  # 8月份，不对，是9月份 / in June, sorry, July: the month that stands
    rf"(?<![\d\w]){_MONTH_SAID}(?={_TAKEN_BACK_SAID}{_MONTH_SAID}(?!\s*\d{{1,2}}\s*[日号]))"
    rf"{_TAKEN_BACK_SAID}", re.I)
UNIT_LEFT_OFF = re.compile(  # 300 minutes, I mean 310: the unit said once goes with the correction
    rf"(?<![\d.])\d+(?:\.\d+)?\s*(minutes?|mins?|hours?|hrs?|seconds?|secs?|分钟|小时|秒|次)"
    rf"{_TAKEN_BACK_SAID}(\d+(?:\.\d+)?)(?!\d|\.\d|\s*[A-Za-z\u4e00-\u9fff%％:：])", re.I)
ORDINAL_BARE = re.compile(  # the first lasted 22 minutes and the second 38 / 第一次 22 分钟，第二次 38
    r"(?:\b(?:the\s+)?(?:second|third|fourth|other|next|last|latter)"
    r"(?:\s+(?:one|outage|incident|time"
    r"|blip))?\s*(?:was|lasted|took)?\s*|第[二三四五2-5]次\s*(?:是|断了|挂了|持续了?)?\s*|另一次\s*(?:是)?\s*)"
    r"(\d+(?:\.\d+)?)(?!\d|\.\d|\s*[A-Za-z\u4e00-\u9fff%％:：/])", re.I)
LENGTH_UNIT = re.compile(r"\d\s*(minutes?|mins?|hours?|hrs?|seconds?|secs?|分钟|小时|秒)", re.I)


def _unit_before(text: str, match: re.Match[str]) -> str:
    """An ordinal outage's bare length with the unit the sentence gave the one before it."""
    begin = max(text.rfind(c, 0, match.start()) for c in "。；;!?！？\n") + 1
    units = LENGTH_UNIT.findall(text, begin, match.start())
    return f"{match.group(0)} {units[-1]}" if units else match.group(0)


QUARTER = re.compile(r"季付|按季度?付|(?:for|per) a quarter(?! of)(?![- ]hour)"
                     r"|(?:per|every|each) quarter(?! of)(?![- ]hour)", re.I)


LABEL_AFTER = re.compile(  # 1.8 万是一次性付的一整年的钱 / 18000 is what we paid for the whole year
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:元|块钱?|CNY|RMB|yuan)?\s*(?:是|为|就是|其实是|is|was)\s*"
    r"(?:what we (?:paid|pay) |the amount |our )?(?:一次性)?(?:付|交|缴)?的?\s*"
    r"(一整年的钱|整年的钱|全年的钱|一年的钱|一年的费用|年费|全年费用|月费|一个月的钱|每个月的钱"
    r"|for the (?:whole|full|entire) year|for a (?:whole |full )?year|per year|the annual fee"
    r"|an annual fee|per month|the monthly fee|for one month)", re.I)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_RANGE = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+(\d{1,2}:\d{2})\s*(?:–|—|-|~|to|until|till)\s*"
    r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+(\d{1,2}:\d{2})", re.I)


def _weekday_range(match: re.Match[str]) -> str:
    """A range between two weekdays: the next day's end said as such; other spans are left."""
    first, last = (WEEKDAYS.index(match.group(i).lower()) for i in (1, 3))
    if (last - first) % 7 == 1:
        return f"{match.group(2)} to next day {match.group(4)}"
    if last == first:
        return f"{match.group(2)}–{match.group(4)}"
    return match.group(0)


_FIELD_NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)"
LABEL_UNIT = re.compile(  # a form's field with its unit in brackets: 时长（分钟）：95, Downtime (min): 20, 40
    r"[（(]\s*(分钟|小时|小時|秒|天|min(?:ute)?s?|hours?|hrs?|h|secs?|seconds?|days?|%|％"
    r"|(?:元|CNY|RMB)(?:\s*/\s*(?:月|month|mo))?)\s*[）)]"
    rf"\s*(?:[:：]|分别为|分别是|为|是|=)\s*({_FIELD_NUMBER}(?:\s*(?:[、,，/]|和|and)\s*{_FIELD_NUMBER})*)"
    r"(?!\d|\.\d|:)", re.I)


def _label_unit(match: re.Match[str]) -> str:
    """The field's unit after each of its numbers: ``（分钟）：35、50`` -> ``：35分钟、50分钟``."""
    unit = match.group(1)
    glue = "" if re.match(r"[\u4e00-\u9fff%％]", unit) else " "
    numbers = re.sub(_FIELD_NUMBER, lambda m: f"{m.group(0)}{glue}{unit}", match.group(2))
    return f"：{numbers}"


BANDWIDTH = re.compile(r"带宽|bandwidth|线路|专线|链路|\blink\b|\bline\b", re.I)


def _bandwidth(text: str, match: re.Match[str]) -> bool:
    """``带宽包 50M``, ``200M 专线``: megabits a second, not a million."""
    return bool(BANDWIDTH.search(text[max(0, match.start() - 6):match.start()])
                or BANDWIDTH.match(text[match.end():match.end() + 12].lstrip()))


def _slashed_date(match: re.Match[str]) -> str:
    """``25/03/2026`` (day first) or ``03/25/2026`` (month first) -> ``2026-03-25`` when one of
    the two can only be a day; ``03/04/2026`` stays as said (which is the month?)."""
    first, second, year = int(match.group(1)), int(match.group(2)), match.group(3)
    day, month = (first, second) if first > 12 >= second else (second, first) \
        if second > 12 >= first else (0, 0)
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month and day <= 31 else match.group(0)


SLASHED_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(20\d{2})(?![\d/])")
MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
NAMED_DATE = re.compile(  # Jan 20, 2025 8:00 PM / 20 January 2025 20:00 -> 2025-01-20 …
    r"\b(?:(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d1>\d{1,2})"
    r"(?:st|nd|rd|th)?,?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|oct|nov|dec)[a-z]*\.?,?)\s+(?P<y>20\d{2})\b(?![-/]\d)"
    r"(?=,?\s*(?:at\s+)?\d{1,2}(?::\d{2}|\s*[ap]\.?m\b))", re.I)  # before a clock time


def _named_date(match: re.Match[str]) -> str:
    month = MONTH_ABBR.index((match.group("m1") or match.group("m2")).lower()) + 1
    day = int(match.group("d1") or match.group("d2"))
    return f"{match.group('y')}-{month:02d}-{day:02d}" if 1 <= day <= 31 else match.group(0)


def _yuan(match: re.Match[str]) -> str:
    """``14 块 4 毛 5 分`` -> ``14.45元``: yuan, jiao and fen as one amount."""
    yuan, jiao, fen = (Decimal(g or 0) for g in match.groups())
    return f"{plain(yuan + jiao / 10 + fen / 100)}元"


YUAN_JIAO = re.compile(r"(?<![\d.])(\d+)\s*(?:块|元)\s*(\d)\s*(?:毛|角)(?:\s*(\d)\s*分)?(?:钱)?")  # 十四块四毛
QUARTERS_AFTER_HOURS = re.compile(r"(小时|钟头)\s*(?:零|又)?\s*([1-3一两二三])\s*刻(?!钟)")
YEARS_AND_MONTHS = re.compile(r"(?<![\d.])(\d{1,2})\s*年\s*(\d{1,2})\s*个\s*月")  # 1年3个月: 15
# months (a date says no 个)


def normalize(text: str) -> str:
    """The question with every number written in Arabic digits (see the module docstring)."""
    text = re.sub(r"代[今进]券|代金卷", "代金券", text)  # the typos users make of 代金券
    text = re.sub(r"民[國国]\s*(\d{2,3})\s*年", lambda m: f"{int(m.group(1)) + 1911}年",
                  text)  # 民國114年3月: the Republic of China calendar's year 114 is 2025
    text = rows_as_phrases(FEE_TAKEN_BACK.sub(r"\1 ", text))
    text = re.sub(r"(?<=[那这])个(?=(?:点|粒度|窗口)\s*(?:的)?\s*(?:错误率)?\s*(?:是|为)?\s*\d+(?:\.\d+)?\s*%)",
                  "1 个", text)  # 10:50 那个点 35%: one window
    text = re.sub(r"[一二两三四五六七八九十]+\s*[（(]\s*(\d+)\s*[)）]", r"\1", text)  # 两(2)次: said twice
    text = re.sub(r"(?<=分)\s*零\s*(?=[\d一二两三四五六七八九十]+\s*秒)", " ", text)  # 20 分零 30 秒
    text = re.sub(r"(?<=\d:\d\d)(:\d\d)?\s*(?:\+(\d\d):?(\d\d)|Z\b)",  # 02:10:00+08:00, 17:50Z:
                  lambda m: f"{m.group(1) or ''} (UTC"  # the offset in words
                  + (f"+{m.group(2)}{m.group(3)})" if m.group(2) else ")"), text)
    text = HMS_WORDS.sub(r"\1小时\2分\3秒", text)  # 不可用 5 次：58秒、2时30分50秒: lengths, not clock times
    text = re.sub(r"(?<![小钟])[时時](?=整|[零〇一二两三四五六七八九十\d]+分|半|\s*[至到])", "点", text)  # 四时三十分
    text = re.sub(r"(?<![分\d])半[个個]?[钟鐘](?![头頭])", "半小时", text)                       # 半个钟 (Cantonese)
    text = re.sub(r"成[个個][钟鐘](?![头頭])", "1小时", text)  # 停咗成个钟: a whole hour (Cantonese)
    text = re.sub(r"朝(?:头|頭)?早", "早上", re.sub(r"晏(?:昼|晝)", "下午", text))  # Cantonese parts of the day
    text = re.sub(r"(?<=成功率|失败率|错误率|报错率|失敗率|錯誤率)([^，,。；;\d]{0,6}?)([一二三四五六七八九])\s*成(?![功本为])",
                  lambda m: f"{m.group(1)}{int(CN_DIGIT[m.group(2)]) * 10}%", text)  # 成功率只有六成
    text = re.sub(r"(?<=[钟鐘]|头|頭)\s*(零|又)?\s*([一二两兩三四五六七八九十\d]|1[01]|十一)\s*[个個]字",  # 一个钟零两个字
                  lambda m: f"{m.group(1) or ''}{int(parse_number(m.group(2).replace('兩', '两')) or 0) * 5}分钟",
                  text)  # (Cantonese: 字 is five minutes)
    text = re.sub(r"\btwenty[- ]twenty[- ]?(one|two|three|four|five|six|seven|eight|nine)?\b",
                  lambda m: "202" + str(["", "one", "two", "three", "four", "five", "six", "seven",
                                         "eight", "nine"].index((m.group(1) or "").lower())),
                  text, flags=re.I)                                 # twenty twenty five
    text = re.sub(r"\b(an?|one) hour and half\b", r"\1 hour and a half", text, flags=re.I)  # and half
    text = re.sub(r"\b([1-5])\s*/\s*([2-6])\s+of\s+an?\s+hour\b",  # 3/4 of an hour: 45 minutes
                  lambda m: f"{60 * int(m.group(1)) // int(m.group(2))} minutes"
                  if 60 * int(m.group(1)) % int(m.group(2)) == 0 else m.group(0), text, flags=re.I)
    text = re.sub(r"(?<=\d)'(?=\d{3}(?!\d))", "", text)  # 24'000: a thousands separator
    text = re.sub(r"(\d+|\b(?:an?|one|two|three|four|five|six))\s*(?:hours?|hrs?)\s+(?:and\s+)?"
                  r"(\d{1,2}(?!\.?\d)|ten|twenty|thirty|forty|fifty)"
                  r"(?=\s*(?:$|[,.;，。]|no\b|and\b|or\b|in\b|on\b|last\b|this\b))",
                  lambda m: f"{'1' if m.group(1).lower() in ('a', 'an') else m.group(1)} hours "
                            f"{m.group(2)} minutes", text, flags=re.I)  # two hours ten, an hour and ten
    text = QUARTER.sub(lambda m: "预付 3 个月" if m.group(0)[0] in "季按" else "for 3 months", text)
    text = re.sub(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))", ",", text)  # ２，８００: a separator
    text = re.sub(r"俩(?=\s*(?:个|小时|钟头|天|分钟|次|回|台|月))", "两", text)  # 俩小时 (spoken)
    text = re.sub(r"仨(?=\s*(?:个|小时|钟头|天|分钟|次|回|台|月))", "三", text)  # 仨回 (spoken)
    text = re.sub(r"(\d{1,2}:\d{2}(?::\d{2})?)\s*(?:→|->|=>|⟶|➝)\s*(?=\d{1,2}:\d{2})",
                  r"\1 to ", text)  # 告警持续：00:35:00 → 01:05:00 is a range, never two lengths
    text = LABEL_UNIT.sub(_label_unit, text)  # 时长（分钟）：95 -> 时长：95分钟
    text = re.sub(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?(?!\d)",
                  r"\1 \2", text)  # an alert's 2026-09-14T23:48:00+08:00: a date and a time
    out = _hms_lengths(text.translate(FULL_WIDTH).translate(TRADITIONAL))
    out = CN_CLOCK.sub(_clock, out)  # 两点零五分 is 2:05, before 点 can be read as a decimal point
    out = re.sub(r"(?<![\d:])(\d{1,2})\s*点\s*差\s*(一刻|\d{1,2}\s*分)",  # 六点差一刻 is 5:45
                 lambda m: _minutes_before(int(m.group(1)), m.group(2)), out)
    out = re.sub(r"(\d+\s*(?:hours?|hrs?))\s*,\s*(?=\d+\s*(?:minutes?|mins?),?\s*and\s*\d+\s*"
                 r"(?:seconds?|secs?)\b)", r"\1 ", out, flags=re.I)  # 1 hour, 0 minutes and 28 s
    out = re.sub(r"\+\d{1,3}[\s-]?\d{2,4}[\s-]?\d{3,4}[\s-]?\d{4}",           # +86 138 0013 8000
                 lambda m: re.sub(r"\s", "-", m.group(0)), out)
    out = re.sub(r"(?<![^\s\u4e00-\u9fff])½", "0.5",                      # 2 ½ hours, ½ 小时
                 re.sub(r"(?<![A-Za-z\d#])(\d+)\s*½", r"\1.5", out))
    out = re.sub(r"(?<=[付买包续])(了)?半年", r"\1 6个月", out)            # 预付半年 -> 6 months
    out = re.sub(r"(?<![\d.一两二三四五六七八九十])半年(?=\s*(?:的)?\s*(?:一共|总共|合计|共|付|交|缴|费|预付))",
                 "6个月", out)                                            # 半年付了一万八 -> 6 months
    out = re.sub(r"\b(?:a|one) quarter'?s\b(?!\s+of\s+an?\s+hour)", "3 months'", out,
                 flags=re.I)                                            # a quarter's prepayment
    out = re.sub(r"(?<![\d.])([2-5两二三四五])\s*年(?=\s*(?:一起|一次性|一口气|一次)\s*(?:付|交|缴|买|续))",
                 lambda m: f"{int(CN_DIGIT.get(m.group(1), m.group(1))) * 12}个月",
                 out)  # 两年一起付了 48000 -> 24 months
    out = re.sub(r"(?<=[付买包续])(了)?(?:一个)?季度?(?!度)", r"\1 3个月", out)  # 季付 -> 3 months
    out = re.sub(r"\bfor a quarter\b(?!\s+of\s+an?\s+hour)(?![- ]hour)", "for 3 months", out,
                 flags=re.I)
    out = re.sub(r"\bfor (?:a )?half(?: a)? year\b", "for 6 months", out, flags=re.I)  # prepaid
    out = WEEKDAY_RANGE.sub(_weekday_range, out)  # Tue 20:00–Wed 01:00 -> 20:00–next day 01:00
    out = re.sub(r"((?<!不)可用性|(?<!不)可用率|(?<![A-Za-z])availability|uptime)"  # not unavailability
                 r"(\s*(?:只有|仅有|仅|为|是|达到|was|is|of|:|：)?\s*)(\d{2}(?:\.\d+)?)"
                 r"(?![\d.]|\s*(?:%|分|小时|秒|天|min|hour|sec|day|[hms]\b))", r"\1\2\3%", out,
                 flags=re.I)  # 可用率 99.85, not unavailability: 87 minutes
    out = re.sub(r"(?<=\d)\s+,\s+(?=\d{3}\b)", ",", out)           # ¥ 2 , 000 -> 2,000
    out = re.sub(r"(?<![:：]\d\d)(?<=\d),(?=\d{3}(?!\d))", "", out)  # 1,440 -> 1440 (not 12:10,130min)
    out = re.sub(r"(?<![\d.\-/:A-Za-z])(\d{1,3})((?: \d{3})+)(?![\d.%])",  # 2 000 -> 2000
                 lambda m: m.group(1) + m.group(2).replace(" ", ""), out)
    out = re.sub(r"百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二两三四五六七八九]+))?",
                 lambda m: _cn_run(m) + "%", out)
    out = re.sub(r"百分之\s*(\d+(?:\.\d+)?)", r"\1%", out)             # 百分之98.6 -> 98.6%
    out = FRACTION_ZH.sub(_fraction, FRACTION_EN.sub(_fraction, out))  # 三分之一天 -> 480 分钟
    out = DAY_SHARE.sub(_day_share, out)                 # 每天三分之一的时间 -> 每天 480 分钟
    out = re.sub(r"(\d+(?:\.\d+)?)\s+(thousand|million)\b", lambda m: plain(
        Decimal(m.group(1)) * (1000 if m.group(2).lower() == "thousand" else 1_000_000)), out,
        flags=re.I)                                    # 80 thousand requests
    out = SLASHED_DATE.sub(_slashed_date, out)             # 25/03/2026 -> 2026-03-25
    out = re.sub(r"(?<=\d)-(yuan|CNY|RMB|dollars?)-(a|per)-(month|year)\b", r" \1 \2 \3", out,
                 flags=re.I)                                       # a 990-yuan-a-month plan
    out = re.sub(r"(?<![\w-])(?:包月|每月|月)单价", "月费", out)          # 月单价 860: the month's price
    out = NAMED_DATE.sub(_named_date, out)                 # Jan 20, 2025 -> 2025-01-20
    out = _english_numbers(out)                        # two thousand yuan, an hour and a half
    out = re.sub(r"(\d+(?:\.\d+)?)\s*(?:percent|per cent|pct)\b", r"\1%", out, flags=re.I)
    protected: dict[str, str] = {}
    for i, token in enumerate(dict.fromkeys(MIXED_ID.findall(out))):  # tcr-8h2k3m9x stays
        protected[f"\x02i{i}\x03"] = token
        out = out.replace(token, f"\x02i{i}\x03")
    out = re.sub(r"双(十一|十二)", lambda m: "11月11日" if m.group(1) == "十一" else "12月12日",
                 out)                                                  # 双十一: a day of November
    out = re.sub(r"(\d+\s*个\s*\d+\s*分钟)(?=\s*(?:[）)，,。；;]|$))", r"\1窗口", out)  # （刚好 8 个 5
    # 分钟）: eight 5-minute units
    if re.search(r"分钟\s*(?:的)?\s*桶", out):  # 5 分钟桶 … 四个桶: statistics windows (a COS 桶
        out = re.sub(r"(?<=[钟个那这])\s*桶", "窗口", out)  # is a bucket of storage)
    out = re.sub(r"\bDouble[- ]?(11|12)\b", lambda m: "Double Eleven" if m.group(1) == "11"
                 else "Double Twelve", out, flags=re.I)  # Double-11: a name, never an id
    out = re.sub(r"(?<=点)\s*([一三])刻(?!钟)", lambda m: "15分" if m.group(1) == "一" else "45分",
                 out)                                                  # 三点一刻: 3:15
    out = re.sub(r"(?<![零〇一二两三四五六七八九十百千万\d])(五一|十一)(?=\s*(?:放假|假期|长假|小长假|黄金周|期间"
                 r"|节|那|前后|当天|第|前|后))",
                 lambda m: "劳动节" if m.group(1) == "五一" else "国庆节", out)  # 五一放假: a holiday, not 51
    out = re.sub(r"(小时|钟头)十分(?![钟之])", r"\1十分钟", out)  # 两小时十分: ten minutes
    out = re.sub(r"(?<![零〇一二两三四五六七八九百千万\d])十分(?!钟)", "\x02v\x03", out)  # 十分 = very
    protected["\x02v\x03"] = "十分"
    out = re.sub(r"(?<![零〇一二两三四五六七八九十百千万亿])([一二两三四五六七八九][千][万])",  # 九千万次: a
                 lambda m: plain(Decimal(chinese_to_int(m.group(1)))), out)  # number, not 千万 (must)
    out = re.sub(r"(?<![零〇一二两三四五六七八九十百千万亿])([一二两三四五六七八九十百千]+万一[千百十]"
                 r"[零〇一二两三四五六七八九十百]*)",  # 两万一千六: a number, not 万一 (in case)
                 lambda m: plain(Decimal(chinese_to_int(m.group(1)))), out)
    for i, word in enumerate(sorted(NOT_NUMBERS, key=len, reverse=True)):
        if word in out:
            key = f"\x02{i}\x03"
            protected[key] = word
            out = out.replace(word, key)
    out = re.sub(r"(?<=\d)\s+\.\s+(?=\d+\s*(?:h|hr|hours?|小时|分钟|min|天|days?|k|K|万|千)\b)", ".", out,
                 flags=re.I)                                       # 1 . 5 h -> 1.5 h
    out = re.sub(r"\b(\d{1,2})\.(\d{2})\s*([ap]\.?m\.?)", r"\1:\2\3", out, flags=re.I)  # 9.15am
    out = re.sub(r"(hours?|hrs?|小时|钟头)\s*(?:又|零)\s*(?=[\d一二两三四五六七八九十]+\s*分)", r"\1",
                 out)                                                  # 2个小时又15分钟
    out = re.sub(r"(?<=\d)\s*h\s*(\d{2})\b(?!\s*(?:min|m\b|分|s\b|秒))", r"h\1min", out)  # 1h05
    out = re.sub(r"(hours?|hrs?|小时)\s+(?:plus|and|又|加)\s+(?=\d+\s*(?:min|分))", r"\1 ", out,
                 flags=re.I)                                       # 2 hours plus 10 minutes
    out = re.sub(r"大上个?月", "上上个月", re.sub(r"舊年|旧年", "去年", out))  # Cantonese / spoken
    out = SOME_DAY.sub("某天", out)                                    # 上个月有一天整个下午: a day, not a length
    out = re.sub(r"(?<=[天时头分])\s*零\s*(?=[\d一二两三四五六七八九十])", " ", out)  # 1天零3小时
    out = re.sub(r"(?<=[零〇一二两三四五六七八九十百千万])一个(?=月|小时|钟头)", " 一个", out)  # 两千五一个月
    out = re.sub(r"(?<=[一二两三四五六七八九十\d])\s*整(?=天|个?小时)", "", out)   # 2整天 -> 2天
    out = re.sub(r"(?<![\d一二两三四五六七八九十])([一二两三1-3])刻钟",
                 lambda m: f"{15 * (CN_DIGIT.get(m.group(1)) or int(m.group(1)))}分钟", out)  # 三刻钟
    out = re.sub(r"(?<![零〇一二两三四五六七八九十百千万亿\d])([一二两三四五六七八])([二三四五六七八九])十"
                 r"(?![零〇一二两三四五六七八九])", lambda m: f"约{CN_DIGIT[m.group(2)]}0", out)  # 二三十 -> 约30
    out = re.sub(r"(?<![零〇一二两三四五六七八九十百千万亿\d])十几(?=[个次分小天台条块秒])", "约15", out)
    out = NEIGHBOURS.sub(_neighbours, out)  # 三四分钟 = 3到4分钟, never 34 分钟
    out = re.sub(r"(?<=费)\s*(?:这)?[两俩2三3]\s*个月\s*(?=都)", "每月", out)  # 月费两个月都是 5000
    out = re.sub(r"([零〇一二两三四五六七八九十百千万亿]{1,3})个半(?=小时|钟头|月|天)",
                 lambda m: plain(Decimal(chinese_to_int(m.group(1))) + Decimal("0.5")), out)
    out = re.sub(r"(\d+)个半(?=小时|钟头|月|天)", lambda m: m.group(1) + ".5", out)
    out = re.sub(r"(?<![\d一二两三四五六七八九十个])半(?=个?(?:小时|钟头))", "0.5", out)
    out = re.sub(r"0\.5个(?=小时|钟头)", "0.5", out)
    out = re.sub(rf"(?<![\d.{CN_NUM_CHARS}])([{CN_NUM_CHARS}]+)点([零〇一二两三四五六七八九]+)(?![{CN_NUM_CHARS}])",
                 lambda m: _cn_run(m) if chinese_to_int(m.group(1)) >= 25 else m.group(0),
                 out)  # 承诺九十九点九五吗: a decimal no clock has (上午十点二十 stays a time)
    cn = rf"(?<![\d.{CN_NUM_CHARS}])([{CN_NUM_CHARS}]+)(?:点([零〇一二两三四五六七八九]+))?"
    out = re.sub(rf"{cn}(?![{CN_NUM_CHARS}])(?=(?:{CN_FOLLOWERS})|[/／，,。；;、）)\s]|$)", _cn_run,
                 out)  # a whole run: 两千五/月 is 2500, never 2000五
    out = re.sub(rf"(?:(?<![{CN_NUM_CHARS}\w])|(?<=费|租|价))([{CN_NUM_CHARS}]{{2,}})"
                 rf"(?![{CN_NUM_CHARS}])",  # 月费三千二能赔多少 (said without a pause)
                 lambda m: _cn_run(m) if _multi_numeral(m.group(1)) else m.group(0), out)
    out = re.sub(r"(?<![\d.])(\d{1,4})\s*万\s*(\d)\s*千(?:\s*(\d)\s*百)?",  # 1万2千(5百)
                 lambda m: str(int(m.group(1)) * 10000 + int(m.group(2)) * 1000
                               + int(m.group(3) or 0) * 100), out)
    out = re.sub(r"(?<![\d.])(\d{1,3})\s*(万|千)\s*(\d)(?!\s*[\d.%万千百])"  # 2千8 = 2800, 1万2 = 12000
                 r"(?!\s*(?:个|小时|分|天|次|台|月|年|秒|元|块|%))",
                 lambda m: plain((Decimal(m.group(1)) + Decimal(m.group(3)) / 10)
                                 * MAGNITUDE[m.group(2)]), out)
    out = re.sub(r"(\d+(?:\.\d+)?)\s*(亿|千万|百万|万|千|k|K|M\b|million\b)(?![A-Za-z])",
                 lambda m: f"{m.group(1)}Mbps" if m.group(2) == "M" and _bandwidth(out, m)
                 else plain(Decimal(m.group(1)) * MAGNITUDE[m.group(2)]), out)
    out = re.sub(r"(\d+(?:\.\d+)?)\s*(百万|万|千)", lambda m: plain(
        Decimal(m.group(1)) * MAGNITUDE[m.group(2)]), out)
    if re.search(r"[\u4e00-\u9fff]", out):                          # 1.2w -> 12000 (万)
        out = re.sub(r"(\d+(?:\.\d+)?)\s*[wW](?![A-Za-z])",
                     lambda m: plain(Decimal(m.group(1)) * 10_000), out)
    out = re.sub(r"(?<=fee )(\d+(?:\.\d+)?)\s*[wW](?![A-Za-z])|(\d+(?:\.\d+)?)\s*[wW]"
                 r"(?=\s*(?:a|per|/)\s*(?:month|mo|year|yr)\b|\s*(?:yuan|CNY|RMB)\b)",
                 lambda m: plain(Decimal(m.group(1) or m.group(2)) * 10_000), out,
                 flags=re.I)  # fee 1.2w, 1.5w a month: 万 in English too
    out = re.sub(r"(?<![\d.])(\d+)\s*(个?小时|钟头|天|分钟)半", r"\1.5\2", out)  # 2天半, 3小时半
    out = re.sub(r"(?<![\d.])(\d+)\s*个半(小时|钟头)", r"\1.5\2", out)  # 2 个半小时
    out = re.sub(r"(?<![\d.:点])(\d+)\s*分半(?!钟?\s*\d)", r"\1.5分钟", out)        # 1分半
    out = re.sub(r"(?<![\w.])(\d+)d(?=\s*\d+\s*h\b)", r"\1 day ", out)          # 1d 12h
    out = re.sub(r"(?<![\d.])(\d+)\s*个?\s*(多|来|余)\s*个?\s*(小时|钟头|天|分钟)", r"\1\3\2",
                 out)                                                  # 3个多小时 -> 3小时多 (rough)
    out = re.sub(r"(?<=\d)(h|hrs?|mins?|m)(?=\d)", r"\1 ", out)       # 1h20m -> 1h 20m
    out = re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)\s+(?:full|whole|entire|straight|solid|complete)\s+"
                 r"(?=(?:days?|hours?|minutes?)\b)", r"exactly \1 ", out,
                 flags=re.I)  # 2 full days -> exactly 2 days (said again, if after the same)
    out = re.sub(r"(?<=\d)\s*个钟(?:头)?", "小时", out)                # 3个钟 -> 3小时
    out = re.sub(r"(?<=\d)-(?=(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\b(?!\s*(?:windows?|"
                 r"intervals?|units?|periods?|slots?|buckets?|statistic|granularit|threshold|rule)))",
                 " ", out)                                             # 59-second -> 59 second
    out = re.sub(r"千分之\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:‰|per mille|permille)",
                 lambda m: plain(Decimal(m.group(1) or m.group(2)) / 10) + "%",
                 out, flags=re.I)                                  # 千分之二, 1.5‰ -> 0.2%, 0.15%
    out = FAILED_RATIO.sub(_failed_ratio, out)                  # 1 in 200 failed -> 0.5% failed
    out = re.sub(r"\b(for|lasted)\s+(\d{1,2}):([0-5]\d)(?![\d:])(?!\s*(?:[ap]\.?m\b|to\b|until|till|[-–~]))"
                 r"(?=\s*(?:on\b|and\b|,|\.|$))",
                 lambda m: f"{m.group(1)} {int(m.group(2))}h {int(m.group(3))}m", out,
                 flags=re.I)                                     # failed for 2:15 on Aug 6
    out = re.sub(r"\bbetween\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)\s+and\s+"
                 r"(?=\d{1,2}:\d{2})", r"from \1 to ", out, flags=re.I)  # between 15:20 and 17:05
    out = MILLISECONDS.sub(_in_seconds, out)                    # 5400000 毫秒 -> 5400 秒
    out = YUAN_JIAO.sub(_yuan, out)                            # 14 块 4 毛 -> 14.4元
    out = YEARS_AND_MONTHS.sub(lambda m: f"{int(m.group(1)) * 12 + int(m.group(2))}个月", out)
    out = QUARTERS_AFTER_HOURS.sub(  # 1 小时 1 刻, 1小时零一刻, 2小时三刻: quarters of an hour
        lambda m: f"{m.group(1)} {15 * (CN_DIGIT.get(m.group(2)) or int(m.group(2)))}分钟", out)
    out = SHARED_UNIT.sub(_unit_each, out)                      # 20, 35 and 50 min -> each
    for key, word in protected.items():
        out = out.replace(key, word)
    out = COUNT_TAKEN_BACK.sub("", MONTH_TAKEN_BACK.sub("", out))  # 报错 700 次，不对，是 770 次
    out = UNIT_LEFT_OFF.sub(lambda m: f"{m.group(0)} {m.group(1)}", out)  # 300 minutes, I mean 310
    out = ORDINAL_BARE.sub(lambda m: _unit_before(out, m), out)  # 22 minutes and the second 38
    return LABEL_AFTER.sub(lambda m: ("月费" if re.search(r"月|month", m.group(2), re.I) else "年费")
                           + f" {m.group(1)}", out)


EN_ONES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
EN_TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
EN_WORD = "|".join([*EN_TENS, *sorted(EN_ONES, key=len, reverse=True), "hundred", "thousand"])
ONES_BEFORE_TENS = re.compile(  # a one before a tens word is never its number (91 is ninety-one)
    rf"((?:{'|'.join(sorted(EN_ONES, key=len, reverse=True))})\s+)(?:{'|'.join(EN_TENS)})\b", re.I)
EN_RUN = re.compile(rf"\b(?:{EN_WORD})(?:[\s-]+(?:and\s+)?(?:{EN_WORD}))*\b", re.I)
EN_UNIT_AFTER = re.compile(
    r"\s*(?:and a half\s+|and (?:a|three) quarters?\s+|(?:full|whole|entire|solid|straight)\s+)?"
    r"(?:hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|thousand"
    r"|times|outages|incidents|instances|servers|nodes|windows|buckets|intervals|requests|calls"
    r"|yuan|CNY|RMB|bucks|dollars|percent|%|k\b|failed|errors?|failures?|were failed)", re.I)
TIME_UNIT = r"(?:hours?|minutes?|days?)"
EN_LIST_AFTER = re.compile(  # "fifteen, thirty and forty-five minutes": a member of a list with a unit
    rf"\s*(?:,|\band\b|\bor\b)\s*(?:(?:{EN_WORD}|\d+)[\s,-]*(?:and\s+|or\s+)?)+"
    r"(?:hours?|minutes?|mins?|seconds?|secs?|days?)\b", re.I)


def _english_value(run: str) -> int:
    """``twenty-five`` -> 25, ``two thousand`` -> 2000."""
    total, current = 0, 0
    for word in re.findall(r"[a-z]+", run.lower()):
        if word in EN_ONES:
            current += EN_ONES[word]
        elif word in EN_TENS:
            current += EN_TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
    return total + current


def _english_numbers(text: str) -> str:
    """English number words before a unit or a count as digits (``two thousand yuan`` -> ``2000
    yuan``, ``twenty-five minutes``); ``half an hour`` -> ``0.5 hour``, ``2 and a half hours``
    -> ``2.5 hours``, ``an hour`` -> ``1 hour``. "one" alone (``one of them``) stays a word."""
    def run(match: re.Match[str]) -> str:
        words = match.group(0)
        lead = ONES_BEFORE_TENS.match(words)  # "second one ninety minutes": one, then 90
        said_first = lead.group(1) if lead else ""
        words = words[len(said_first):]
        joined = re.search(r"\s+and\s+", words)
        if joined and not re.search(r"(?:hundred|thousand)\s+and\s+", words, re.I):
            head = words[:joined.start()]  # "thirty and forty-five minutes": two numbers; the
            said = EN_LIST_AFTER.match(text, match.start() + len(said_first) + joined.start())
            return said_first + (str(_english_value(head)) if said else head) \
                + words[joined.start():]  # (the tail: next pass)
        after = text[match.end():match.end() + 30]
        before = text[max(0, match.start() - 12):match.start()]
        money = re.search(r"(?:fee|pay|paid|cost|costs|spend|spent|bill|¥|￥|\$)\W*(?:is|was|of|about)?\s*$",
                          before, re.I)
        if not (EN_UNIT_AFTER.match(after) or money or EN_LIST_AFTER.match(after)):
            return match.group(0)
        return said_first + str(_english_value(words))

    text = re.sub(r"\b(?:(three)|an?|one) quarters? of an hour\b|\b(an?|one) quarter[- ]hour\b",
                  lambda m: "45 minutes" if m.group(1) else "15 minutes", text, flags=re.I)
    text = re.sub(r"\ban? hour and a quarter\b", "75 minutes", text, flags=re.I)
    text = re.sub(r"(?<=\bfrom )(noon|midnight)\b(?=\s*(?:to|until|till|-|–)\s*\d)"
                  r"|(?<=\bto )(noon|midnight)\b|(?<=\buntil )(noon|midnight)\b"
                  r"|(?:(?<=[ap]m[-–~])|(?<=\d[-–~]))(noon|midnight)\b",  # 11pm-midnight
                  lambda m: "12:00" if (m.group(0).lower() == "noon") else "24:00", text,
                  flags=re.I)
    text = re.sub(r"\ban?\s+(?:full|whole|entire)\s+(day|hour|minute)\s+and\s+a\s+half\b",
                  r"1.5 \1s", text, flags=re.I)  # a full day and a half
    text = re.sub(r"\b(?:an?|(another|one more))\s+(?:full|whole|good)?\s*half[- ]hour\b",
                  lambda m: f"{m.group(1) or ''} 0.5 hour".lstrip(), text,
                  flags=re.I)  # another half hour -> another 0.5 hour
    text = re.sub(r"\ban?\s+(?:full|whole|entire)\s+(day|hour)\b", r"1 \1", text, flags=re.I)
    text = re.sub(r"\ban?\s+(hour|minute|day)\s+and\s+a\s+half\b", r"1.5 \1s", text,
                  flags=re.I)
    text = re.sub(r"\btwice\b", "2 times", text, flags=re.I)
    text = re.sub(r"\b(\d+(?:\.\d+)?)\s+(more|additional|further|other|extra)\s+"
                  r"((?:[\w-]+\s+){1,2}?)(minutes?|hours?|seconds?)\b", r"\1 \4 \2 \3", text,
                  flags=re.I)
    # 3 more full-failure minutes -> 3 minutes more full-failure
    text = re.sub(rf"\b({EN_RUN.pattern[2:-2]})\s+point((?:\s+(?:zero|one|two|three|four|five|six"
                  r"|seven|eight|nine))+)\b", _point, text, flags=re.I)  # ninety-nine point nine
    for _ in range(2):  # a list's last member is read on the second pass
        text = EN_RUN.sub(run, text)
    text = re.sub(r"(\d+)\s+and a half\s+(hours?|days?|minutes?)", lambda m: f"{m.group(1)}.5 "
                  f"{m.group(2)}", text, flags=re.I)
    text = re.sub(r"(\d+)\s+(hours?|days?|minutes?)\s+and a half\b", lambda m: f"{m.group(1)}.5 "
                  f"{m.group(2)}", text, flags=re.I)  # two days and a half
    text = re.sub(r"\bhalf a year\b", "6 months", text, flags=re.I)  # paid half a year in advance
    text = re.sub(r"(?<=\d)(\s*|-)yr(s?)\b", r"\1year\2", text, flags=re.I)  # prepaid 1 yr
    text = re.sub(r"\b(prepaid|paid(?: for)?|bought)\s+([2-9]|10)\s+years\b",
                  lambda m: f"{m.group(1)} {int(m.group(2)) * 12} months", text,
                  flags=re.I)  # prepaid two years, 48k in total: 24 months
    text = re.sub(r"(\d+)\s+and (a|three) quarters?\s+(hours?|days?)\b", lambda m: plain(
        Decimal(m.group(1)) + Decimal("0.25" if m.group(2) == "a" else "0.75")) + f" {m.group(3)}",
        text, flags=re.I)  # four and a quarter hours
    text = re.sub(r"(\d+)\s+and a half\s+(?:thousand|1000)\b", lambda m: plain(
        (Decimal(m.group(1)) + Decimal("0.5")) * 1000), text, flags=re.I)  # one and a half thousand
    text = re.sub(r"(\d+\s*(?:hours?|hrs?)),(\s*\d+\s*(?:minutes?|mins?)),?"
                  r"(\s+and\s+\d+\s*(?:seconds?|secs?)\b)", r"\1\2\3", text,
                  flags=re.I)  # 1 hour, 12 minutes and 30 seconds
    text = re.sub(r"(\d+(?:\.\d+)?\s*(?:hours?|hrs?|minutes?|mins?))\s+and\s+(\d+(?:\.\d+)?\s*"
                  r"(?:hours?|hrs?|minutes?|mins?)\s+)respectively\b", r"\1; \2", text,
                  flags=re.I)  # of 6 hours and 30 minutes respectively: two lengths
    text = re.sub(r"(\d+(?:\.\d+)?)\s+grand\b", lambda m: plain(Decimal(m.group(1)) * 1000), text,
                  flags=re.I)  # two grand
    text = re.sub(rf"(?<!and )\b(?:half an?|a half)\s+({TIME_UNIT[3:-1]})\b", r"0.5 \1", text,
                  flags=re.I)
    text = re.sub(r"\b(a|one)\s+((?:separate|further|second|another|short)\s+)?quarter[- ]hour"
                  r"(?:-long)?\b", r"\1 \g<2>15-minute", text, flags=re.I)  # a separate
    # quarter-hour one
    if not re.search(r"\d{1,2}:\d{2}", text):  # an hour-long outage; beside a clock range, a
        text = re.sub(r"(?<![\w-])an?\s+(hour|minute)-long"  # name for it
                      r"(?=\s+(?:outage|disruption|downtime|incident|interruption|blip|break))",
                      r"1 \1", text, flags=re.I)
    text = re.sub(r"(?<![\w-])(?<!per )(?<!each )(?<!every )(?<!once )(?<!twice )an?\s+"
                  r"(hour|minute|day)\b(?!\s*(?:ago|later|before|after)|-long)", r"1 \1", text,
                  flags=re.I)
    text = re.sub(r"(\d+)\s+(hours?)\s+and\s+a\s+half\b", lambda m: f"{m.group(1)}.5 {m.group(2)}",
                  text, flags=re.I)
    text = re.sub(r"(\d+)\s+(hours?)\s+and\s+(a|three)\s+quarters?\b",  # 3 hours and a quarter
                  lambda m: f"{m.group(1)}.{'25' if m.group(3).lower() == 'a' else '75'} "
                            f"{m.group(2)}", text, flags=re.I)
    return text


DAY_SHARE = re.compile(r"(?P<each>每天|每一天)(?P<pre>[^，,。；;\d]{0,6}?)(?P<den>[二两三四五六八\d])\s*分之\s*"
                       r"(?P<num>[一二两三四五\d])\s*(?:的)?\s*时间")


def _day_share(m: re.Match[str]) -> str:
    """``每天大概三分之一的时间`` -> ``每天大概 480 分钟`` (a share of each day's 1,440 minutes)."""
    den = CN_DIGIT.get(m.group("den")) or int(m.group("den"))
    num = CN_DIGIT.get(m.group("num")) or int(m.group("num"))
    minutes = Decimal(1440) * num / den
    if minutes != minutes.to_integral_value() or not 0 < num < den:
        return m.group(0)
    return f"{m.group('each')}{m.group('pre')} {int(minutes)} 分钟"


FRACTION_ZH = re.compile(r"(?P<den>[二两三四五六八\d])\s*分之\s*(?P<num>[一二两三四五\d])\s*(?:个)?\s*"
                         r"(?P<unit>天|小时|钟头)")
FRACTION_EN = re.compile(r"\b(?P<num>an?|one|two|three)[\s-]+(?P<den>thirds?|quarters?|fourths?)"
                         r"\s+of\s+(?:an?|the|that)\s+(?P<unit>day|hour)\b", re.I)
FRACTION_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "third": 3, "quarter": 4,
                  "fourth": 4, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "八": 8}


def _fraction(match: re.Match[str]) -> str:
    """``三分之一天`` / ``a third of the day`` -> ``480 分钟``: a fraction of a day or an hour, in
    whole minutes (else left as said, and read as unclear)."""
    num, den = (FRACTION_WORDS.get(match.group(k).lower().rstrip("s"),
                                   int(match.group(k)) if match.group(k).isdigit() else 0)
                for k in ("num", "den"))
    unit = 1440 if match.group("unit").lower() in ("天", "day") else 60
    if not den or num >= den or unit * num % den:
        return match.group(0)
    minutes = unit * num // den
    return f"{minutes} 分钟" if re.match(r"[一-龥\d]", match.group(0)) else f"{minutes} minutes"


def _point(match: re.Match[str]) -> str:
    """``ninety-nine point nine five`` -> ``99.95``."""
    whole = _english_value(match.group(1))
    digits = "".join(str(EN_ONES[w.lower()]) for w in match.group(2).split())
    return f"{whole}.{digits}"


SHARED_UNIT = re.compile(
    r"(?<![\d.:/\-])(?!(?:19|20)\d\d\b)(\d+(?:\.\d+)?)"   # a year is never in the list
    r"((?:\s*(?:,|，|、|\band\b|\bor\b|和|及)\s*\d+(?:\.\d+)?)+)"
    r"\s*(分钟|秒|小时|minutes?|mins?|seconds?|secs?|hours?|hrs?)(?![A-Za-z])", re.I)


ORDINALS = re.compile(r"(?:(?<=^)|(?<=[：:\s]))1\s*、[^、]+?\s2\s*、")  # 1、… 2、…: a numbered list
DAY_OF_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.I)


def _unit_each(match: re.Match[str]) -> str:
    """``20, 35 and 50 min`` -> ``20 min, 35 min and 50 min``: a list sharing its last unit."""
    unit = match.group(3)
    if DAY_OF_MONTH_BEFORE.search(match.string[max(0, match.start() - 12):match.start()]):
        return match.group(0)  # "on Oct 9, 1 hour each": the 9 is a day
    item_start = match.string[max(0, match.start() - 1):match.start()] in ("", "：", ":", " ")
    if item_start and ORDINALS.search(match.string):  # 两次：1、一个钟头 2、仨小时: numbered items,
        return match.group(0)  # each its own length
    return re.sub(r"\d+(?:\.\d+)?", lambda m: f"{m.group(0)} {unit}",
                  match.group(1) + match.group(2))


def _multi_numeral(run: str) -> bool:
    """``二十``, ``三百``, ``二〇二四``: more than one numeral character and a real number."""
    try:
        chinese_to_int(run)
    except ValueError:
        return False
    return len(run) >= 2 and not set(run) <= {"一"}
