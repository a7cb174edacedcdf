"""A series of rates read off a monitoring tool: one clock time and one percentage per
statistics window (``14:00 3%, 14:05 7%, 14:10 22%`` / ``19:00 97.2%，19:05 96.8%``).

Each point is one window; what the SLA makes of it (error rate over 5 % in a 5-minute window is
unavailable, or the mean of the windows' error rates) is the calculator's. The reading only says
which windows had which error rate: success rates become error rates (100 − success), the
window's size is the one said (``5-min buckets``, ``每 5 分钟采一次``) or else the step between the
points. Rates of what, or windows of what size, left unsaid: the series is marked unclear and the
user is asked.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from assistant.reading.scan import Scan

N = r"\d+(?:\.\d+)?"
CLOCK = r"(?<![\d:])(?:[01]?\d|2[0-3])[:：][0-5]\d(?![:：]?\d)"
ARROW = r"(?:->|=>|[-–—=→:：])"
POINT = re.compile(  # 14:05 7% / 14:05 — 7% / 14:05 错误率 7% / 14:05: 7% / 13:40 -> 50%
    rf"({CLOCK})(?:\s*{ARROW}\s*|\s*)"
    rf"(?:(?:错误率|失败率|成功率|error(?: rate)?|success(?: rate)?|rate|err_?rate|error_rate"
    rf"|fail(?:ure)?_rate|success_rate)\s*[:：=]?\s*)?"
    rf"({N})\s*[%％]", re.I)
SHARED = re.compile(  # 13:00, 13:05, 13:10 -> 100% each / 13:00、13:05、13:10 都是 100%
    rf"((?:{CLOCK}\s*[,，、]\s*(?:and\s+|和)?)+{CLOCK})\s*"
    rf"(?:{ARROW}\s*)?(?:(都是|均为|全是|都|均|各)\s*)?({N})\s*[%％]\s*(each|apiece|all)?", re.I)
BETWEEN = re.compile(  # what may separate two points: a row's date too (…\n10-05 13:45 -> 30%)
    r"[\s,，;；、|/]*(?:and\s+|以及|和|及)?(?:(?<=\n)\d{1,2}[-/]\d{1,2}\s+)?")
ELIDED = re.compile(r"[\s,，;；、|/]*(?:\.{2,}|…+|etc\.?|等等?)[\s,，;；、|/]*")  # points left out
SUCCESS = re.compile(r"成功率|成功|success|succeeded|join rate|pass rate", re.I)
ERROR = re.compile(r"错误率|失败率|报错|错误|error|fail|5xx|timeouts?|超时", re.I)
SIZE_SAID = re.compile(
    rf"每\s*({N})\s*分钟|({N})\s*[- ]?(?:分钟|min(?:ute)?s?)\s*[^\d,，。.;；:：]{{0,20}}?"
    rf"(?:错误率|失败率|成功率|粒度|窗口|采样|采集|统计|点|一采|error|success|fail|buckets?|"
    rf"windows?|intervals?|points?|samples?|granularity|resolution|data|stats|rates?|panel)"
    rf"|(每分钟|per[- ]minute|minute[- ]by[- ]minute|1分钟粒度)", re.I)
FEWEST = 3  # two points are two facts; three in a row are a series


Series = tuple[tuple[tuple[int, Decimal, int], ...], tuple[int, ...]]
APART = 100_000  # minutes between two series' origins: never adjacent


class Point(NamedTuple):
    """One window of a series: where it is said, its clock minute, its rate."""
    start: int
    end: int
    minute: int
    rate: Decimal


def _points(scan: Scan) -> list[Point]:
    """Every (clock, rate) point said, in order; a rate said once for several clocks
    (``13:00, 13:05, 13:10 -> 100% each``) is each one's."""
    shared = [m for m in scan.finditer(SHARED) if m.group(2) or m.group(4)]
    out = [Point(c.start() + m.start(1), c.end() + m.start(1), _minute(c.group(0)),
                 Decimal(m.group(3)))
           for m in shared for c in re.finditer(CLOCK, m.group(1))]
    out = [p._replace(end=m.end()) if p.end == m.end(1) else p
           for m in shared for p in out if m.start() <= p.start < m.end()]
    inside = [(m.start(), m.end()) for m in shared]
    out += [Point(p.start(), p.end(), _minute(p.group(1)), Decimal(p.group(2)))
            for p in scan.finditer(POINT) if not any(a <= p.start() < b for a, b in inside)]
    return sorted(out)


def _minute(clock: str) -> int:
    hours, minutes = re.split(r"[:：]", clock)
    return int(hours) * 60 + int(minutes)


def rate_series(scan: Scan) -> Series:
    """Windows read off series of (clock time, rate) points: one (1, error %, minutes) per
    point in the order said, and each window's start in minutes (adjacent windows' starts differ
    by their minutes; two series are never adjacent); ((), ()) when the text holds none."""
    runs: list[list[Point]] = []
    elided: set[int] = set()  # runs with points left out (20:10 2.8% | ... | 20:55 1.2%)
    for point in _points(scan):
        gap = scan.view[runs[-1][-1].end:point.start] if runs else ""
        if runs and (BETWEEN.fullmatch(gap) or ELIDED.fullmatch(gap)):
            runs[-1].append(point)
            if ELIDED.fullmatch(gap):
                elided.add(len(runs) - 1)
        else:
            runs.append([point])
    for i in sorted(elided, reverse=True):
        scan.take(runs[i][0].start, runs[i][-1].end, "unclear",
                  "rates over time with points left out: how many minutes were unavailable?")
        del runs[i]
    found: list[tuple[int, Decimal, int]] = []
    starts: list[int] = []
    for run in runs:
        windows = _windows(scan, run) if len(run) >= FEWEST else []
        if windows:
            origin = (starts[-1] // APART + 1) * APART if starts else 0
            starts += [origin + at for at in _starts(run)]
            found += windows
    return tuple(found), tuple(starts)


def _starts(run: list[Point]) -> list[int]:
    """Each point's minutes after the first, across midnight (23:55, 00:00 -> 0, 5)."""
    out = [0]
    for before, now in zip(run, run[1:]):
        out.append(out[-1] + (now.minute - before.minute) % 1440)
    return out


def _windows(scan: Scan, run: list[Point]) -> list[tuple[int, Decimal, int]]:
    start, end = run[0].start, run[-1].end
    begin = max(0, start - 160)
    before = scan.text[begin:start]
    said = SIZE_SAID.search(scan.view, begin, start) or SIZE_SAID.search(scan.view, end, end + 40)
    size = _size(said, run)
    success, error = bool(SUCCESS.search(before)), bool(ERROR.search(before))
    if size is None or success == error:
        scan.take(start, end, "unclear", "rates over time: rates of what, in windows of how many "
                                         "minutes? Give the unavailable minutes instead")
        return []
    rates = [p.rate for p in run]
    if any(r > 100 for r in rates):
        return []
    errors = [Decimal(100) - r if success else r for r in rates]
    note = f"{len(run)} × {size} 分钟，{'成功率' if success else '错误率'}逐点"
    scan.take(start, end, "error_windows", note)
    if said:
        scan.take(said.start(), said.end(), "unit_size", "the windows' length")
    return [(1, e, size) for e in errors]


def _size(said: re.Match[str] | None, run: list[Point]) -> int | None:
    """The window's minutes: said (``5-min buckets``, ``每 5 分钟``) or the points' one step."""
    if said:
        raw = said.group(1) or said.group(2)
        value = Decimal(raw) if raw else Decimal(1)
        return int(value) if value == value.to_integral_value() and 0 < value <= 60 else None
    steps = {(b.minute - a.minute) % 1440 for a, b in zip(run, run[1:])}
    return steps.pop() if len(steps) == 1 and 0 < min(steps) <= 60 else None
