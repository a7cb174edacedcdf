"""Tables pasted into a question, rewritten as the sentences the reader reads.

Users paste what their tools export: a CSV of incidents with a header (``start,end,duration``),
or a column of per-window error rates (``09:05 18%``). Each row becomes the phrase a user
would have typed for it, so one reader handles both:

``start,end,duration`` / ``2026-08-13 22:40:00,2026-08-13 22:58:00,00:18:00``
-> ``2026-08-13 22:40:00 到 2026-08-13 22:58:00`` (``date,start,end`` / ``2026-10-05,02:10,02:14``
-> ``2026-10-05 02:10-02:14``; the duration column, when it is the
same length, is read as that row's restatement and dropped; when it is not, the row is left as
written and the reader asks);

``20:00 窗口 失败 1,200/总 1,500`` under a named window -> ``1 个 5 分钟窗口错误率 80%``;

``错误率：10:00 0.3%，10:05 1.2%，10:10 2.0%`` in one line -> one ``HH:MM rate%`` row each, as a
column pasted from a tool would be (``reading/series.py`` reads such rows as windows).
"""

from __future__ import annotations

import re
from datetime import datetime

CELL_SPLIT = re.compile(r"\s*[,\t|，]\s*")
START_HEAD = re.compile(r"^(?:start(?:_?time|ed)?|begin|from|开始(?:时间)?|起始(?:时间)?|故障开始(?:时间)?"
                        r"|发生时间)$", re.I)
END_HEAD = re.compile(r"^(?:end(?:_?time|ed)?|until|to|recovered|resolved|结束(?:时间)?|恢复(?:时间)?"
                      r"|故障结束(?:时间)?)$", re.I)
LENGTH_HEAD = re.compile(r"^(?:duration|length|时长|持续(?:时间|时长)?|故障时长)$", re.I)
STAMP = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
CLOCK_LENGTH = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def rows_as_phrases(text: str) -> str:
    """``text`` with each pasted table rewritten (see the module docstring)."""
    return _window_ratios(_rate_counts(_incident_rows(_rates_in_a_line(text))))


RATE_HEAD = re.compile(r"^(?:错误率|失败率|报错率|error[ _]?rate|failure[ _]?rate)(?:\s*[(（]?%[)）]?)?$", re.I)
COUNT_HEAD = re.compile(r"^(?:(\d+)\s*(?:分钟|min(?:ute)?s?)[ _]?)?(?:的)?(?:窗口|统计点|点|粒度|周期|windows?|points?"
                        r"|buckets?)?\s*(?:个数|数量|数|次数|count|#)$", re.I)
RATE_CELL = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")
COUNT_CELL = re.compile(r"^\d+$")


def _rule(cell: str) -> bool:
    """A cell of a Markdown table's header rule (``---``, ``:-:``)."""
    return set(cell) <= set("-: ")


def _rate_counts(text: str) -> str:
    """``| 错误率 | 5分钟个数 |`` / ``| 100% | 40 |``: each row -> ``40 个 5 分钟窗口错误率 100%``
    (the window's length from the header, else from the text); a row that is not a rate and a
    count ends the table."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        head = [c for c in _cells(line) if c and not _rule(c)]
        if len(head) != 2 or not RATE_HEAD.match(head[0]) \
                or not (counted := COUNT_HEAD.match(head[1])):
            continue
        said = WINDOW_SIZE.search(text)  # the window's length in the header, else in the text
        size = counted.group(1) or (next((g for g in said.groups() if g), None) if said else None)
        if size is None:
            continue
        lines[i] = ""  # the header: its window length is in each row now
        for j in range(i + 1, len(lines)):
            cells = [c for c in _cells(lines[j]) if c]
            if cells and all(_rule(c) for c in cells):
                lines[j] = ""  # |---|---|: the header's rule
                continue
            if len(cells) != 2 or not RATE_CELL.match(cells[0]) or not COUNT_CELL.match(cells[1]):
                break
            lines[j] = f"{cells[1]} 个 {size} 分钟窗口错误率 {cells[0].replace(' ', '')}；"
    return "\n".join(lines)


RATE_ITEM = r"\d{1,2}:\d{2}(?::\d{2})?\s*[:：]?\s*\d+(?:\.\d+)?\s*%"
RATES_IN_A_LINE = re.compile(rf"(?:{RATE_ITEM}\s*[，,;；|、]\s*){{2,}}{RATE_ITEM}")


def _rates_in_a_line(text: str) -> str:
    """``错误率：10:00 0.3%，10:05 1.2%，10:10 2.0%`` said in one line: one row each, as a
    column pasted from a tool would be."""
    return RATES_IN_A_LINE.sub(
        lambda m: "\n" + "\n".join(re.findall(RATE_ITEM, m.group(0))) + "\n", text)


WINDOW_RATIO = re.compile(r"(?<=\d:\d\d)(?P<head>\s*(?:的)?\s*(?:窗口|粒度|点|window|bucket)?\s*[:：]?\s*)"
                          r"(?:失败|failed|errors?)?\s*(?P<f>\d[\d,]*)\s*/\s*(?:总|total)?\s*(?P<t>\d[\d,]*)",
                          re.I)


def _window_ratios(text: str) -> str:
    """``5 分钟粒度：20:00 窗口 失败 1,200/总 1,500；20:05 窗口 1,500/1,500`` -> one window at 80 %,
    one at 100 % (each ratio after a window's clock time, under words that name the window)."""
    size = WINDOW_SIZE.search(text)
    found = list(WINDOW_RATIO.finditer(text))
    if size is None or not found or not (len(found) >= 2 or re.search(r"失败|failed|error", text, re.I)):
        return text
    minutes = next(g for g in size.groups() if g)

    def window(m: re.Match[str]) -> str:
        failed, total = (int(m.group(k).replace(",", "")) for k in ("f", "t"))
        if not 0 <= failed <= total or total == 0:
            return m.group(0)
        rate = f"{failed / total * 100:.4f}".rstrip("0").rstrip(".")
        return f"{m.group('head')} 1 个 {minutes} 分钟窗口错误率 {rate}%"
    return WINDOW_RATIO.sub(window, text)


def _cells(line: str) -> list[str]:
    return CELL_SPLIT.split(line.strip().strip("|").strip())


def _incident_rows(text: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        head = _cells(line)
        starts = [k for k, c in enumerate(head) if START_HEAD.match(c)]
        ends = [k for k, c in enumerate(head) if END_HEAD.match(c)]
        if len(starts) != 1 or len(ends) != 1:
            continue
        lengths = [k for k, c in enumerate(head) if LENGTH_HEAD.match(c)]
        rows: dict[int, str] = {}
        for j in range(i + 1, len(lines)):
            cells = _cells(lines[j])
            phrase = None if len(cells) != len(head) else \
                _row_phrase(cells, starts[0], ends[0], lengths[0] if lengths else None)
            if phrase is None and ROW_START.match(lines[j]):  # a row left unread (one running
                rows = {}  # into the sentence after it): the table stays as written, the reader asks
            if phrase is None:
                break
            rows[j] = phrase
        for j, phrase in rows.items():
            lines[j] = phrase
    return "\n".join(lines)


ROW_START = re.compile(r"^\s*\|?\s*\d{1,4}[-/:.]\d")  # a line that opens like a row of times or dates


def _row_phrase(cells: list[str], start: int, end: int, length: int | None) -> str | None:
    """``a 到 b`` and the row's other cells (``date a-b`` when they are clock times of that
    date), or None when the row is not two times or its length column says another length than
    they do."""
    first, second = STAMP.match(cells[start]), STAMP.match(cells[end])
    clocks = CLOCK_LENGTH.match(cells[start]), CLOCK_LENGTH.match(cells[end])
    rest = [c for k, c in enumerate(cells) if k not in (start, end, length) and c]
    if clocks[0] and clocks[1]:  # date,start,end: 2026-10-05,02:10,02:14 -> 2026-10-05 02:10-02:14
        seconds = float((_clock_seconds(clocks[1]) - _clock_seconds(clocks[0])) % 86400)
        phrase = [*rest[:1], f"{cells[start]}-{cells[end]}", *rest[1:]]
    elif first is not None and second is not None:
        seconds = (_stamp(second) - _stamp(first)).total_seconds()
        phrase = [f"{cells[start]} 到 {cells[end]}", *rest]
    else:
        return None
    if length is not None:
        said = CLOCK_LENGTH.match(cells[length])
        if said is None or _clock_seconds(said) != seconds:
            return None
    return " ".join(phrase)


def _stamp(match: re.Match[str]) -> datetime:
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
    return datetime(year, month, day, hour, minute, second)


def _clock_seconds(match: re.Match[str]) -> int:
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


WINDOW_SIZE = re.compile(r"(\d+)\s*(?:分钟|min(?:ute)?s?)\s*(?:的)?[- ]?(?:粒度|窗口|统计|一个点|resolution"
                         r"|windows?|buckets?|intervals?)|每\s*(\d+)\s*分钟", re.I)
