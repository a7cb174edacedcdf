"""An outage said by its start and its end, with words between them.

``9/14 23:40:20 机位故障停机，9/15 01:10:45 恢复`` / ``went down at 11:40pm, back at 6:10am`` /
``11:40 on Oct 3 until 00:31 on Oct 4``: two clock times that no range pattern joins, the
second one marked as the end (恢复, back, until …). The length comes from the two times and
the days said with them (a date, 次日 / the next day), or over midnight when the end is the
earlier time. A start said on a 12-hour clock with no part of the day, ending the next day,
could be morning or evening: it is asked about, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from assistant.reading.months import MONTHS_EN
from assistant.reading.scan import Scan

WEEKDAY = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?"
           r"|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天])")
DAY_PART = r"凌晨|早上|上午|中午|下午|傍晚|晚上|夜里|半夜"
POINT = re.compile(
    rf"(?:(?P<part>{DAY_PART})\s*)?(?P<h>\d{{1,2}})(?:[:：](?P<m>\d{{2}})(?:[:：](?P<s>\d{{2}}))?"
    rf"(?:\s*(?P<ap>[ap]\.?m\.?)(?![a-z]))?|\s*(?P<ap2>[ap]\.?m\.?)(?![a-z])|\s*点\s*(?:(?P<zm>\d{{1,2}})(?!\d|\s*(?:个)?(?:小时|钟头|天|秒))\s*分?"
    rf"|(?P<half>半))?)",
    re.I)
DATE_SAID = r"(?:\d{1,2}\s*[-/月]\s*\d{1,2}\s*[日号]?|\d{1,2}\s*[日号]|the \d{1,2}(?:st|nd|rd|th)" \
            r"|\d{4}-\d{1,2}-\d{1,2}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)"
NEXT_DAY = re.compile(r"次日|第(?:2|二)天|隔天|翌日|(?:the )?next (?:day|morning)|following (?:day|morning)",
                      re.I)
NEXT_DAY_AFTER = re.compile(  # 06:00 until 08:00 the next day / 早上6点到8点（次日）
    r"\s*(?:[（(]\s*)?(?:(?:on\s+|of\s+)?the\s+(?:next|following)\s+(?:day|morning|evening|night)\b"
    r"|次日|第2天|隔天|翌日)", re.I)
END_BEFORE = re.compile(rf"(?:(?:到|至|~|～|→|->|=>|(?<=[^\d\n])[-–—]|until|till|to|through)"
                        rf"\s*(?:the\s+)?"
                        rf"|(?:back|restored|recovered|fixed|up again|resolved|ended)\s+(?:on\s+)?"
                        rf"|(?:\bEND(?:ED)?|\bend(?:ed)?\s*(?:time|at)?|结束(?:时间)?|恢复(?:时间)?"
                        rf"|recovery time|resolved at|cleared(?: at)?)\s*[:：=]?\s*"
                        rf"|\[(?:RESOLVED|RECOVERED|OK|CLEARED|恢复)\]\s*(?:[^\s\d][^\s]*\s+)?)"  # alert pairs
                        rf"(?:(?:{NEXT_DAY.pattern})\s*)?(?:{WEEKDAY},?\s*)?(?:{DATE_SAID}\s*)?"
                        rf"(?:[（(]\s*{WEEKDAY}\s*[)）]\s*)?(?:at\s+|@\s*)?$", re.I)
END_AFTER = re.compile(r"^\s*[\]】]?\s*(?:才|就|终于|总算|左右|the same day)?\s*(?:已经|已)?\s*"
                       r"(?:恢复|好(?![几多像些])|修好|结束|正常|回来|解决|(?:was |were |got |came )?(?:back|restored|recovered|resolved|fixed"
                       r"|up))", re.I)
DAY_BEFORE = re.compile(
    r"(?:(?:\d{4}\s*[-/.年]\s*)?(?P<m1>1[0-2]|0?[1-9])\s*(?:/|月|-|\.)\s*(?P<d1>3[01]|[12]\d|0?[1-9])"
    r"\s*[日号]?[T\s]?(?:[（(]\s*" + WEEKDAY + r"\s*[)）])?"
    r"|(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)\s*(?:的|at|@)?\s*$")
DAY_AFTER = re.compile(  # on Oct 31 / on 31 Oct / on Sat 31 Oct
    r"^\s*(?:on\s+)?(?:" + WEEKDAY + r",?\s+)?"
    r"(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon3>[A-Za-z]{3,9}))\b")
DAY_ALONE_BEFORE = re.compile(r"(?<![\d/\-.月])(3[01]|[12]\d|0?[1-9])\s*[日号]\s*(?:的)?\s*$"
                              r"|\bthe (\d{1,2})(?:st|nd|rd|th),?\s*(?:at\s+)?$", re.I)
DAY_ALONE_AFTER = re.compile(r"\s*on the (\d{1,2})(?:st|nd|rd|th)\b", re.I)
START_AFTER = re.compile(r"\s*(?:就|才)?\s*(?:开始|起|挂的|断的|宕的|出的问题|出问题)|\s*(?:it )?(?:went down|started"
                         r"|began|broke)", re.I)
LONGEST = 31 * 86400


@dataclass(frozen=True)
class _Point:
    start: int
    end: int
    seconds: int            # seconds after midnight
    day: tuple[int, int] | None  # (month, day) said with it
    next_day: bool
    twelve_hour: bool       # 11:40 with no part of the day and no am/pm: morning or evening?
    weekday: int | None = None  # 周一早上9点 / Monday 9am: 0 (Monday) … 6


def on_24_hours(hour: int, part: str | None) -> int:
    """``晚上 11`` -> 23, ``凌晨 12`` -> 0, ``上午 12`` -> 12; an hour said with no part of the day, or past 12, as is."""
    if part is None or hour > 12 or hour == 0:  # 晚上11点半到0点10分: 0 点 is midnight
        return hour
    if part == "中午":
        return hour + 12 if hour < 6 else hour
    if hour == 12 and part in ("上午", "早上"):  # 上午 9:00 到 12:20: the end is noon
        return 12
    if hour == 12 and part in ("晚上", "夜里", "半夜"):  # 晚上12点 is midnight
        return 0
    if part in ("夜里", "半夜"):  # 夜里11点 is 23:00, 夜里2点 is 02:00
        return hour % 12 + (12 if hour >= 6 else 0)
    return hour % 12 + (12 if part in ("下午", "傍晚", "晚上") else 0)


def day_said(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(month, day) said with a time: ``9/14 23:40``, ``10-03 23:40``, ``Oct 3 23:52``,
    ``23:52 on Oct 3``, ``00:31 on 4 October``."""
    before = DAY_BEFORE.search(text[max(0, start - 14):start])
    if before and before.group("m1"):
        return int(before.group("m1")), int(before.group("d1"))
    after = DAY_AFTER.match(text[end:end + 16])
    for match, mon, day in ((before, "mon", "d2"), (after, "mon", "d2"), (after, "mon3", "d3")):
        name = (match.group(mon) or "").lower() if match and match.group(day) else ""
        if match and name in MONTHS_EN:
            return MONTHS_EN[name], int(match.group(day))
    alone = DAY_ALONE_BEFORE.search(text[max(0, start - 16):start]) \
        or DAY_ALONE_AFTER.match(text[end:end + 16])
    if not alone:
        return None
    return 0, int(next(g for g in alone.groups() if g))  # 3 号 / on the 5th: the month unsaid


WEEKDAY_BEFORE = re.compile(
    r"(?:周|星期|礼拜)([一二三四五六日天])[^，,。；;\d]{0,6}$"
    r"|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*(?:morning|afternoon|evening|night|at)?\s*$",
    re.I)
WEEKDAYS_ZH = "一二三四五六日"
WEEKDAYS_EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday(before: str) -> int | None:
    """The weekday said right before a time (``周三早上``, ``Sat 09:00``), 0 for Monday."""
    said = WEEKDAY_BEFORE.search(before)
    if not said:
        return None
    if said.group(1):
        return WEEKDAYS_ZH.index(said.group(1).replace("天", "日"))
    return WEEKDAYS_EN.index(said.group(2).lower())


TICKET_AFTER = re.compile(  # 14:20 才开的工单: when a ticket was opened, no outage's start or end
    r"\s*(?:才|就)?\s*(?:(?:开|提|建|关|结|提交)(?:了|的)?\s*(?:工单|单)|开单|关单|报障|提单)")
TICKET_BEFORE = re.compile(r"(?:工单[^，,。；;\d]{0,4}|ticket (?:was )?(?:opened|closed|raised|filed"
                           r"|created)(?: at)?\s*)$", re.I)  # 工单是 14:20 开的, ticket opened at 14:20


def _points(scan: Scan) -> list[_Point]:
    view, text, out = scan.view, scan.text, []
    for match in POINT.finditer(view):
        if text[max(0, match.start() - 1):match.start()] == "+" \
                or re.search(r"(?:UTC|GMT)\s*[+-]\s*$", text[max(0, match.start() - 5):
                                                               match.start()]):
            continue  # 02:10:00+08:00 / UTC+8: a time zone's offset, no time of day
        if TICKET_AFTER.match(text, match.end()) \
                or TICKET_BEFORE.search(text[max(0, match.start() - 24):match.start()]):
            continue
        g = match.groupdict()
        hour = int(g["h"])
        minute = int(g["m"] or g["zm"] or (30 if g["half"] else 0))
        if g["m"] is None and g["zm"] is None and not g["half"] and not (g["ap"] or g["ap2"]) \
                and "点" not in match.group(0):
            continue
        if hour > 24 or minute > 59:
            continue
        ap = (g["ap"] or g["ap2"] or "").lower()
        if ap:
            hour = hour % 12 + (12 if ap.startswith("p") else 0)
        else:
            hour = on_24_hours(hour, g["part"])
        seconds = (86400 if hour == 24 and not minute else hour % 24 * 3600) + minute * 60 \
            + int(g["s"] or 0)  # 11月4日 24:00: that day's end
        twelve = not ap and g["part"] is None and g["s"] is None and 1 <= int(g["h"]) <= 12 \
            and not g["h"].startswith("0")  # 09:00 is a 24-hour clock
        next_day = bool(NEXT_DAY.search(text[max(0, match.start() - 10):match.start()])
                        or NEXT_DAY_AFTER.match(text, match.end())  # to 08:00 the following day
                        and re.search(r"\b(?:until|till|to)\s*$|(?:到|至)\s*$",
                                      text[max(0, match.start() - 8):match.start()], re.I))
        out.append(_Point(match.start(), match.end(), seconds,
                          day_said(text, match.start(), match.end()), next_day, twelve,
                          _weekday(text[max(0, match.start() - 12):match.start()])))
    return out


def _is_end(text: str, point: _Point) -> bool:
    return bool(END_BEFORE.search(text[max(0, point.start - 44):point.start])
                or END_AFTER.match(text[point.end:point.end + 12]))


def _length(first: _Point, second: _Point, year: int) -> int | None:
    if first.day and second.day and 0 in (first.day[0], second.day[0]):  # 3 号 … 5 号
        month = max(first.day[0], second.day[0]) or 1  # one month said for both, or none
        first = replace(first, day=(month, first.day[1]))
        second = replace(second, day=(month, second.day[1]))
    if first.day and second.day:
        days = (date(year + (second.day < first.day), *second.day) - date(year, *first.day)).days \
            if all(1 <= d[1] <= 31 for d in (first.day, second.day)) else None
        if days is None:
            return None
    elif second.next_day:
        days = 1
    elif first.weekday is not None and second.weekday is not None:  # 周一 9 点到周三 9 点
        days = (second.weekday - first.weekday) % 7
    else:
        days = 1 if second.seconds <= first.seconds else 0
    seconds = days * 86400 + second.seconds - first.seconds
    return seconds if 0 < seconds <= LONGEST else None


def _same_half(first: _Point, second: _Point) -> _Point:
    """``下午3点开始…5点半才好``: an end said on a 12-hour clock after an afternoon start, later
    that afternoon, is in the afternoon too."""
    if second.twelve_hour and not second.next_day and first.seconds >= 12 * 3600 \
            and second.seconds < 12 * 3600 < second.seconds + 12 * 3600 > first.seconds \
            and not (first.day and second.day and first.day != second.day):
        return replace(second, seconds=second.seconds + 12 * 3600, next_day=False,
                       twelve_hour=False)
    return second


def _could_be_shorter(first: _Point, second: _Point, year: int) -> bool:
    """Whether reading a 12-hour time as afternoon gives an outage of 12 hours or less."""
    for a, b in ((first, second), (second, first)):
        if a.twelve_hour and a.seconds < 12 * 3600:
            later = replace(a, seconds=a.seconds + 12 * 3600, twelve_hour=False)
            pair = (later, b) if a is first else (b, later)
            other = _length(*pair, year)
            if other is not None and other <= 12 * 3600:
                return True
    return False


def _month_said_apart(scan: Scan, first: _Point, second: _Point) -> bool:
    """Whether the question names its month apart from the outage's own dates (``June bill``,
    ``for June``) and names no other month: only then is the part in that month the answer."""
    def apart(start: int) -> bool:  # not a date said with the two times (a sentence apart)
        between = scan.text[min(start, first.start):max(start, second.end)]
        return not first.start - 16 <= start <= second.end + 16 \
            or bool(re.search(r"[。；;\n]|\.\s", between))
    said = [u for u in scan.uses if u.role == "month" and (
        apart(u.start) or not DAY_OF.search(u.text))]  # 3月能赔多少: a month, not the outage's day
    other = [u for u in scan.uses if u.role == "unclear" and u.note.startswith("another month")
             and apart(u.start)]
    return bool(said) and not other


DAY_OF = re.compile(r"\d\s*[号日]|\d{1,2}(?:st|nd|rd|th)?\s*$|^\s*\d{1,2}\b|\d[-/]\d", re.I)  # 31号, March 31


def _month_end_dates(scan: Scan, first: _Point, second: _Point) -> None:
    for use in [u for u in scan.uses if u.role == "unclear" and u.note.startswith("another month")
                and first.start - 16 <= u.start <= second.end + 16]:
        scan.mark(use, "date", "the outage runs into that month")


def _in_month(first: _Point, second: _Point, month: str | None, year: int) -> int | None:
    """The seconds of an outage over a month's end that fall in ``month`` (``YYYY-MM``, the
    question's month): ``21:30 on June 30 until 01:15 on July 1``, for June, is 150 minutes.
    None when the outage stays in one month or the question's month is neither."""
    if not (first.day and second.day and month) or first.day[0] == second.day[0] \
            or 0 in (first.day[0], second.day[0]):
        return None
    said_year, said_month = int(month[:4]), int(month[5:7])
    start_year = said_year if said_month == first.day[0] \
        else said_year - (second.day[0] < first.day[0])
    start = datetime(start_year, *first.day) + timedelta(seconds=first.seconds)
    end = datetime(start_year + (second.day[0] < first.day[0]), *second.day) \
        + timedelta(seconds=second.seconds)
    boundary = datetime(end.year, end.month, 1)
    if said_month == first.day[0]:
        return int((boundary - start).total_seconds())
    if said_month == second.day[0]:
        return int((end - boundary).total_seconds())
    return None


BUCKETS_NAMED = re.compile(  # every bucket from 22:10 through 00:05: the buckets by their starts
    r"(?:every|each|all(?: the)?)\s+(?:(\d+)[- ]?min(?:ute)?\s+|(per[- ]minute|1[- ]minute)\s+)?"
    r"(?:buckets?|windows?|points?|intervals?|samples?)\s*$", re.I)
BUCKETS_AFTER = re.compile(r"[^.;。；\n]{0,8}?(?:(\d+)[- ]?min(?:ute)?|(per[- ]minute|1[- ]minute))"
                           r"\s+(?:buckets?|windows?|points?|intervals?)\s*,?\s*inclusive", re.I)
BUCKET_SIZE = re.compile(
    r"(\d+)[- ]?min(?:ute)?s?\s+(?:[\w-]+\s+){0,2}?(?:buckets?|windows?|points?|intervals?)", re.I)


def _last_bucket(text: str, first: _Point, second: _Point) -> int:
    """The seconds of the bucket a range ends on, when the range names buckets by their starts
    and says its end is included (``every bucket from 22:10 through 00:05``, ``22:47 through
    23:59 (per-minute buckets, inclusive)``): the last bucket is one more; else 0."""
    if not re.search(r"\bthrough\b|\bthru\b", text[first.end:second.start], re.I):
        return 0
    said = BUCKETS_NAMED.search(text[max(0, first.start - 40):first.start].replace(" from ", " ")
                                .rstrip()) or BUCKETS_AFTER.match(text, second.end)
    if said is None:
        return 0
    if said.group(2):
        return 60
    sizes = {int(m.group(1)) for m in BUCKET_SIZE.finditer(text)}
    size = int(said.group(1)) if said.group(1) else sizes.pop() if len(sizes) == 1 else 0
    return size * 60


ZONE_NEAR = re.compile(r"\b(UTC|GMT)\b|(北京时间|Beijing(?: time)?|东八区|\bCST\b)|(东京时间|\bJST\b)"
                       r"|(新加坡时间|\bSGT\b)|(当地时间|local time)", re.I)  # one group per clock


ZONE_MINUTES = ("0", "480", "540", "480", "local")  # ZONE_NEAR's groups, as offsets from UTC
OFFSET_AFTER = re.compile(r"\s*\(?\s*(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?\)?(?![\d:])|Z\b")


def _zone(text: str, point: _Point) -> str | None:
    """The time zone said right beside a time (``UTC 16:10``, ``23:40 Beijing time``,
    ``02:10:00+08:00``, ``17:50:00Z``) as its offset from UTC in minutes, or None."""
    offset = OFFSET_AFTER.match(text, point.end)
    if offset:
        sign, hours, minutes = offset.groups()
        return "0" if sign is None else str(
            (1 if sign == "+" else -1) * (int(hours) * 60 + int(minutes or 0)))
    for piece in (text[max(0, point.start - 6):point.start], text[point.end:point.end + 14]):
        found = ZONE_NEAR.search(piece)
        if found:
            return ZONE_MINUTES[next(i for i, g in enumerate(found.groups()) if g)]
    return None


def _line_start(text: str, point: _Point) -> bool:
    """Whether a time point opens a line (a pasted timeline's entry)."""
    return bool(re.search(r"(?:^|\n)[\s•*\-–>\[【]*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[T\s]*)?$",
                          text[:point.start]))  # [2026-10-03 02:14:05] …: a log line


DAY_EARLIER = re.compile(r"(?:(?<!\d)(1[0-2]|0?[1-9])\s*月\s*)?(?<![\d.:])(3[01]|[12]\d|0?[1-9])\s*[日号]")


def _day_earlier(text: str, point: _Point, points: list[_Point]) -> tuple[int, int] | None:
    """The day said last before ``point`` in its sentence, with no other time between them
    (``22 号那次最严重，从早上 6 点``): the day of a start said without its own."""
    begin = max([0, *(p.end for p in points if p.end <= point.start),
                 *(text.rfind(c, 0, point.start) + 1 for c in "。；;!?！？\n")])
    found = list(DAY_EARLIER.finditer(text, begin, point.start))
    if not found:
        return None
    month, day = found[-1].groups()
    return int(month or 0), int(day)


def _length_note(seconds: int) -> str:
    return f"{seconds // 60} 分钟" if seconds % 60 == 0 else f"{seconds} 秒"


def read_start_end(scan: Scan, today: date, spans: list[tuple[int, int, int]],
                   month: str | None = None, month_known: bool = False,
                   wholes: list[int] | None = None) -> list[int]:
    """Outages said as a start and a marked end; each start is taken as the incident, each
    end as its restatement. ``spans`` gets (where, start, end seconds) of each; ``wholes`` the
    whole length of each one over a month's end whose part is counted (a length said for the
    whole, ``22:00–02:00，整整 4 小时``, is that outage again). An outage over
    a month's end counts the part in the question's month (the SLAs count each month), when
    that month is said apart from the outage's dates or ``month_known`` (from a later turn)."""
    points, out = _points(scan), []
    i = 0
    while i + 1 < len(points):
        first, second = points[i], points[i + 1]
        run = i
        if _is_end(scan.text, first) and not _is_end(scan.text, second) \
                and START_AFTER.match(scan.text, second.end):  # 挂到次日6点10分才好，前一天晚上11点40开始
            first, second = second, first
        elif _is_end(scan.text, first) or not _is_end(scan.text, second):
            i += 1
            continue
        # a status timeline (14:02 Investigating / 14:35 Identified / 15:20 Monitoring /
        while run > 0 and first is points[i] and _line_start(scan.text, points[run]) \
                and _line_start(scan.text, points[run - 1]) \
                and not _is_end(scan.text, points[run - 1]) \
                and points[run - 1].day == first.day:  # 15:47 Resolved): the outage runs from
            run -= 1  # its first entry
        if run < i:
            for entry in points[run + 1:i + 1]:
                scan.take(entry.start, entry.end, "date", "an entry of the timeline")
            first = points[run]
        if second.day and first.day is None:  # 22 号那次最严重，从早上 6 点一直到 23 号晚上 10 点
            first = replace(first, day=_day_earlier(scan.text, first, points))
        second = _same_half(first, second)
        next_day = first.day is not None and second.day is None and second.next_day
        if first.day is not None and next_day:  # 23:40 on March 31 until 00:20 the next day:
            after = datetime(today.year, *first.day) + timedelta(days=1)  # no month to ask
            second = replace(second, day=(after.month, after.day))
        try:
            seconds = _length(first, second, today.year)
        except ValueError:  # 2/30
            seconds = None
        if seconds is None:
            i += 2
            continue
        seconds += _last_bucket(scan.text, first, second)
        zones = {_zone(scan.text, p) for p in (first, second)} - {None}
        if len(zones) > 1:  # 北京时间 23:40 开始，UTC 16:10 恢复: which clock?
            scan.take(first.start, first.end, "unclear",
                      "start and end in different time zones: which clock?")
            scan.take(second.start, second.end, "restated", "the end of that outage")
        elif seconds > 12 * 3600 and _could_be_shorter(first, second, today.year):
            scan.take(first.start, first.end, "unclear", "morning or evening?")  # 11:40 挂的
            scan.take(second.start, second.end, "restated", "the end of that outage")
        else:
            part = _in_month(first, second, month, today.year)  # never the whole in one month
            note = _length_note(part if part is not None else seconds)
            note += "（起止时间）" if part is None else \
                f"（起止时间，共 {_length_note(seconds)}，只计 {month} 内的部分）"
            if part is not None and (month_known or next_day
                                     or _month_said_apart(scan, first, second)):
                _month_end_dates(scan, first, second)  # the other month's date is where the
                # outage ends, not a month (else which month is asked stays a question)
            if part is not None:
                if wholes is not None:
                    wholes.append(seconds)
                seconds = part
            scan.take(first.start, first.end, "incident", note)
            scan.take(second.start, second.end, "restated", "the end of that outage")
            spans.append((first.start, first.seconds, second.seconds))
            out.append(seconds)
        i += 2
    return out
