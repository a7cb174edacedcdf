"""The one reading of a credit question: every number ends in a field, as context, or unclear.

``read_query(text, today)`` normalises the numbers (``assistant.reading.normalize``), then
runs the stages below in order over a :class:`~assistant.reading.scan.Scan`. Each stage
takes the phrases it recognises, so a later stage never reads them again:

    ids and names      工单 #20240612-8831, ins-abc123, Redis 4.0, GN7      -> context
    dates and times    服务 2024年7月12日结束, 6月15日开通, 6月12日 14:05–15:35, 2024年6月
    statistics units   48个5分钟统计周期 (= 240 min), 即240分钟 restated   -> downtime
    the SLA's own      有效分钟数共 20000 分钟，其中故障 30 分钟              -> availability
      denominator
    thresholds         听说超过5分钟才算, 每次都持续了10分钟以上            -> context
    fees               实付 900 元, 预付12个月共6000元 (÷ 12), 年费 (÷ 12), 月费
    percentages        可用性只有 99.2% (measured) vs 承诺 99.95% / 低于95% (context)
    requests, events   共 100 万次请求，失败 800 次; 超时响应 4 次
    durations          per instance (一台 600 分钟，另一台 200 分钟), a total, or a list
    counts             断了3次, 2台实例                                       -> context

A number no stage takes is ``unclear``: the router asks about it instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from assistant.params import (
    ANNUAL_RE,
    AVAILABILITY_WORDS,
    EN_COUNTS,
    END_DATE_RE,
    EVENT_COUNT_RE,
    EVENT_WORDS,
    FAILED_AFTER_RE,
    FAILED_RE,
    REPEATED_RE,
    REQUESTS_RE,
    SPECIAL_FEES,
    TOTAL_WORDS,
    CreditQuery,
    duration_seconds,
    month_match,
)
from assistant.reading.normalize import plain, normalize
from assistant.reading.scan import NUMBER_RE, NumberUse, Scan

N = r"\d+(?:\.\d+)?"
D_UNIT = r"(?:(?:个\s*)?小时|钟头|分钟|分(?![之钱])|秒|天(?!内)|hours?|hrs?|h\b|minutes?|mins?|m\b|seconds?|secs?|s\b)"
DURATION = rf"{N}\s*{D_UNIT}(?:\s*{N}\s*{D_UNIT})*"

IDS = re.compile(
    r"(?:工单|单号|订单号?|票号|ticket|case|order|invoice|ref|编号|账号|UIN|APPID)\s*(?:号|No\.?)?"
    r"\s*[#:：]?\s*#?\s*[A-Za-z]*[-_]?\d[\w-]*"
    r"|#\s*\d[\w-]*|\b(?:ins|lb|cdb|crs|disk|vpc|lhins|cmq|sg|eip)-\w+"
    r"|\b\d{1,3}(?:\.\d{1,3}){3}\b", re.IGNORECASE)
NAMES = re.compile(
    r"\b[A-Za-z]{1,4}\d+[A-Za-z\d]*(?![年\-/.\d])|\b\d+\.x\b|\d+[A-Za-z]+\d*(?![A-Za-z])(?<!\d[smh])(?<!\dmin)"
    r"|(?:Redis|MySQL|MongoDB|Kafka|PostgreSQL|SQL ?Server|Elasticsearch|ES|TLS|SSL|HTTP|IPv)"
    r"\s*\d+(?:\.\d+)*|\d+核\d*G?|\d+G(?:B)?内存", re.IGNORECASE)
UNIT_WORDS = r"(?:CNY|RMB|min|mins|minutes?|hours?|hrs?|secs?|seconds?|days?|months?|years?" \
             r"|requests?|calls?|failed|errors?|outages?|incidents?|times|instances?|servers?" \
             r"|nodes?|units?|windows?|intervals?|late|k|am|pm|th|st|nd|rd|s|h|m)"
TIME_RANGE = re.compile(
    r"(\d{1,2})[:：](\d{2})\s*(?:到|至|-|–|—|~|～|to|until|till)\s*(\d{1,2})[:：](\d{2})", re.I)
START_RE = re.compile(
    r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?:才|刚)?\s*"
    r"(?:开通|开始使用|购买|上线|启用|开始计费|创建)", re.I)
FULL_DATE = re.compile(
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}-\d{1,2}-\d{1,2}"
    r"|\b(?:on )?the \d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?:st|nd|rd|th)\b")
TIMES = re.compile(
    r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}\s*(?:am|pm)\b|(?:早上|上午|下午|晚上|凌晨|中午)?\d{1,2}点"
    r"(?:半|\d{1,2}分?)?(?=\s*(?:左右|到|至|开始|起|多|的时候|-|~))", re.I)
UNIT_COUNTS = re.compile(
    rf"({N})\s*(?:个|次)?\s*(?:完整的?)?\s*(?:“|\")?\s*(\d+)\s*分钟(?:的)?\s*(?:统计)?"
    rf"(?:周期|粒度|窗口|时间窗|单位|统计点|区间|时段|内)"
    rf"|({N})\s*(?:bad |failed |full )?(\d+|one|three|five|ten)[- ]minute\s*"
    rf"(?:units|windows|intervals|periods|slots|buckets|statistic\w* (?:periods|units|windows))",
    re.I)
RUNS_RE = re.compile(
    rf"({N}|two|three|four|five|six)\s*(?:次\s*[“\"]?\s*连续(?:两|2)个\s*5\s*分钟[^，,。；;]*"
    rf"|(?:occurrences|runs|times) of two\s+consecutive[^,.;]*)", re.I)
RESTATED = re.compile(
    rf"(?:即|也就是|相当于|合计|共计|折合|i\.e\.,?|that is|that's|which is|=|≈)\s*(?:总共|累计|共)?"
    rf"\s*({DURATION})", re.I)
DENOMINATOR = re.compile(
    rf"(?:有效|总|全部|统计|total|valid)[^，,。；;\d]{{0,12}}?({N})\s*(分钟|minutes?)"
    rf"[^。；;\d]{{0,10}}?(?:其中|中有|里有|里面|of which|among them|with)[^\d。；;]{{0,10}}?"
    rf"({N})\s*(分钟|minutes?)", re.I)
THRESHOLDS = re.compile(
    rf"(?:超过|大于|多于|不少于|至少|满|长于|不足|少于|低于|短于|over|more than|longer than|at least"
    rf"|less than|under|exceed\w*)\s*({DURATION})\s*(?:以上|以内|以下)?"
    rf"|({DURATION})\s*(?:以上|以内|以下|or (?:more|longer|less))", re.I)
COUNT_THRESHOLD_WORDS = re.compile(r"才|算|计入|不计|规定|协议|SLA|听说|据说|count|counted|rule", re.I)
PREPAID = (
    re.compile(rf"(?:预付|预缴|预存|prepaid|prepay|paid upfront|paid up front|一次性(?:付|交|支付|买|充)了?"
               rf"|包)[^。;；\d]{{0,12}}?({N})\s*(?:个)?(?:月|months?)[^。;；\d]{{0,12}}?"
               rf"[¥￥]?\s*({N})\s*(?:元|块|CNY|RMB|yuan)?", re.I),
    re.compile(rf"[¥￥]?\s*({N})\s*(?:元|块|CNY|RMB|yuan)\s*(?:for|买了?|包了?|预付了?|covering)\s*"
               rf"({N})\s*(?:个)?(?:月|months?)", re.I),
)
PAID_WORDS = re.compile(r"实付|实际支付|实际付|实际消耗|实际扣费|实际花费|actually paid|paid|billed|消费",
                        re.I)
MONEY = re.compile(
    rf"(?:[¥￥]|CNY|RMB)\s*({N})|({N})\s*(?:元|块钱|块|CNY|RMB|yuan|人民币|(?:/|每|per |a )(?:月|month))"
    rf"|(?:月费|月度服务费|服务费|年费|费用|monthly fee|annual fee|fee|bill)[^\d。；;]{{0,6}}({N})",
    re.I)
CLAIMED = re.compile(r"赔|补偿|代金券|credit|compensat|refund|voucher", re.I)
PERCENT = re.compile(rf"(-?{N})\s*[%％]")
NOT_MEASURED_BEFORE = re.compile(
    r"费|赔|credit|fee|承诺|commit|低于|高于|不足|超过|跌破|below|under|above|less than|at least"
    r"|SLA|保证|guarantee|标准|档|tier|少于|不到", re.I)
INSTANCE_MARK = re.compile(
    r"(?:其中|另外|另)?(?:一|1|另1|第\d+|每)\s*(?:台|个实例|个节点)|实例\s*[A-Z\d]\b|[A-Z]\s*实例"
    r"|(?:instance|server|node|VM|machine)\s*(?:#\s*)?[A-Z\d]\b"
    r"|(?:one|the other|another|first|second|third) (?:instance|server|node|VM|machine)", re.I)
OUTAGE_COUNT = re.compile(
    rf"({N})\s*(?:次|回|起)(?:故障|中断|宕机|断|异常|不可用)?|(?:断|挂|宕机?|故障|中断)了?\s*({N})\s*(?:次|回)"
    rf"|({N})\s*(?:outages|incidents|times|disruptions|interruptions)\b", re.I)
INSTANCE_COUNT = re.compile(
    rf"({N})\s*(?:台|个实例|个节点|个集群|个桶|个域名|instances|servers|nodes|VMs|machines"
    rf"|clusters|buckets|domains)", re.I)


def read_query(text: str, today: date) -> CreditQuery:
    """The typed reading of one message; ``query.uses`` accounts for each of its numbers."""
    scan = Scan(normalize(text))
    _context_ids(scan)
    end, start = _engagement_dates(scan)
    month = _month(scan, today)
    incidents: list[int] = []
    incidents += _time_ranges(scan)
    _dates(scan)
    downtime = _unit_counts(scan)
    availability = _denominator(scan)
    _thresholds(scan)
    extra = _special_fees(scan)
    fee, note, basis = _fee(scan)
    measured = _percent(scan)
    if availability is None:
        availability = measured
    total, failed = _requests(scan)
    events = _event_count(scan)
    per_instance = _instances(scan)
    durations, said_total = _durations(scan, downtime)
    if downtime is not None and (durations or said_total is not None):  # units were counted
        scan.relabel({"incident", "downtime"}, "below_unit", "not a whole statistics unit")
        durations, said_total = [], None
    if said_total is not None:
        downtime = (downtime or Decimal(0)) + said_total
    incidents += durations
    _counts(scan)
    for match in scan.leftover():  # a small bare count (zone 3, 副本数 3, 4 isolated) is context
        value = _decimal(match.group(0))
        small = value is not None and value == value.to_integral_value() and 0 <= value <= 20
        scan.take(match.start(), match.end(), "count" if small else "unclear",
                  "" if small else "not read")
    uses = scan.ordered()
    return CreditQuery(
        month=month, monthly_fee=fee, fee_note=note, fee_basis=basis,
        incidents_seconds=tuple(incidents), downtime_minutes=downtime,
        availability_pct=availability, total_requests=total, failed_requests=failed,
        unit_price=extra.get("unit_price"), daily_fee=extra.get("daily_fee"),
        order_fee=extra.get("order_fee"), event_count=events, service_end=end,
        service_start=start, instance_minutes=per_instance,
        event_described=bool(EVENT_WORDS.search(scan.text)), uses=uses)


def _decimal(raw: str) -> Decimal | None:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _context_ids(scan: Scan) -> None:
    for match in scan.finditer(re.compile(r"\d+(?:\.\d+)?[eE][+-]?\d+")):
        scan.take(match.start(), match.end(), "unclear", "write the number in full")
    for match in scan.finditer(IDS):
        scan.take(match.start(), match.end(), "ticket")
    for match in scan.finditer(NAMES):
        if not re.fullmatch(rf"{N}\s*{D_UNIT}", match.group(0), re.I):
            scan.take(match.start(), match.end(), "name")


def _engagement_dates(scan: Scan) -> tuple[str | None, str | None]:
    end = None
    match = END_DATE_RE.search(scan.view)
    if match:
        year, month, day = (int(g) for g in match.groups())
        end = f"{year:04d}-{month:02d}-{day:02d}"
        scan.take(match.start(), match.end(), "service_end")
    start = None
    match = START_RE.search(scan.view)
    if match and match.group(1):
        start = f"{int(match.group(1)):04d}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"
        scan.take(match.start(), match.end(), "service_start")
    elif match:  # the month of a year-less start date is read with the question's month
        start = f"--{int(match.group(2)):02d}-{int(match.group(3)):02d}"
        scan.take(match.start(), match.end(), "service_start")
    return end, start


def _month(scan: Scan, today: date) -> str | None:
    found = month_match(scan.view, today)
    if found is None:
        day = re.search(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*\d{1,2}\s*[日号]", scan.view)
        if day is None:
            return None
        number = int(day.group(2))
        year = int(day.group(1)) if day.group(1) else (
            today.year if number <= today.month else today.year - 1)
        scan.take(day.start(), day.end(), "month", "date")
        return f"{year:04d}-{number:02d}" if 1 <= number <= 12 else None
    value, start, end = found
    scan.take(start, _with_day(scan, end), "month")
    for other in iter(lambda: month_match(scan.view, today), None):  # a second month named
        o_value, o_start, o_end = other
        scan.take(o_start, _with_day(scan, o_end), "month" if o_value == value else "unclear",
                  "" if o_value == value else f"another month: {o_value}")
    return value


def _with_day(scan: Scan, end: int) -> int:
    """``6月12日``: the day belongs to the month phrase it follows."""
    day = re.match(r"\s*\d{1,2}\s*[日号]", scan.view[end:])
    return end + (day.end() if day else 0)


def _time_ranges(scan: Scan) -> list[int]:
    """``14:05 到 15:35`` -> one outage of 90 minutes (over midnight: the next day)."""
    out = []
    for match in scan.finditer(TIME_RANGE):
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        minutes = (h2 * 60 + m2 - h1 * 60 - m1) % (24 * 60)
        out.append(minutes * 60)
        scan.take(match.start(), match.end(), "incident", f"{minutes} 分钟")
    return out


def _dates(scan: Scan) -> None:
    for pattern in (FULL_DATE, TIMES):
        for match in scan.finditer(pattern):
            scan.take(match.start(), match.end(), "date")
    for match in scan.finditer(re.compile(r"\d{4}\s*年(?!\s*\d{1,2}\s*月)")):
        scan.take(match.start(), match.end(), "date")


def _unit_counts(scan: Scan) -> Decimal | None:
    """Counts of the SLA's statistics units as downtime minutes: ``9 个完整的五分钟`` -> 45;
    ``6 次“连续两个 5 分钟统计点…”`` -> 60 (each run of two bad windows counts 10 minutes)."""
    total: Decimal | None = None
    for match in scan.finditer(RUNS_RE):
        word = match.group(1).lower()
        runs = Decimal(EN_COUNTS[word]) if word in EN_COUNTS else _decimal(word)
        if runs is not None:
            total = (total or Decimal(0)) + runs * 10
            scan.take(match.start(), match.end(), "unit_count", f"{runs} × 10 分钟")
    words = {"one": 1, "three": 3, "five": 5, "ten": 10}
    for match in scan.finditer(UNIT_COUNTS):
        count = _decimal(match.group(1) or match.group(3))
        size_raw = (match.group(2) or match.group(4)).lower()
        size = Decimal(words[size_raw]) if size_raw in words else _decimal(size_raw)
        if count is None or size is None:
            continue
        total = (total or Decimal(0)) + count * size
        scan.take(match.start(), match.end(), "unit_count", f"{count} × {size} 分钟")
    return total


def _denominator(scan: Scan) -> Decimal | None:
    """``有效分钟数共 20000 分钟，其中故障 30 分钟`` -> (20000 − 30) / 20000 = 99.85 %."""
    match = DENOMINATOR.search(scan.view)
    if not match:
        return None
    whole, part = _decimal(match.group(1)), _decimal(match.group(3))
    if whole is None or part is None or whole <= 0 or part > whole:
        return None
    pct = (whole - part) / whole * 100
    scan.take(match.start(1), match.end(2), "denominator")
    scan.take(match.start(3), match.end(4), "availability",
              f"({whole} − {part}) / {whole} = {pct.quantize(Decimal('0.0001'))}%")
    return pct


def _thresholds(scan: Scan) -> None:
    """A duration said as a bound (``超过5分钟才算``, ``每次都持续了10分钟以上``) is context."""
    for match in scan.finditer(THRESHOLDS):
        window = scan.text[max(0, match.start() - 8):match.end() + 8]
        if COUNT_THRESHOLD_WORDS.search(window) or re.search(r"每次|each|every", window, re.I):
            scan.take(match.start(), match.end(), "threshold")


def _special_fees(scan: Scan) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for name, pattern in SPECIAL_FEES.items():
        match = pattern.search(scan.view)
        if match:
            value = _decimal(next(g for g in match.groups() if g))
            if value is not None:
                found[name] = value
                scan.take(match.start(), match.end(), name)
    return found


def _fee(scan: Scan) -> tuple[Decimal | None, str | None, str | None]:
    """The monthly fee and how it was said: monthly, paid, annual (÷ 12) or prepaid (÷ N)."""
    for pattern in PREPAID:
        match = pattern.search(scan.view)
        if match:
            a, b = _decimal(match.group(1)), _decimal(match.group(2))
            months, total = (a, b) if pattern is PREPAID[0] else (b, a)
            if months and total and 0 < months <= 60:
                monthly = (total / months).quantize(Decimal("0.01"))
                note = f"预付 {total} 元 ÷ {months} 个月 = 每月 {monthly} 元"
                scan.take(match.start(), match.end(), "fee_prepaid", note)
                return monthly, note, "prepaid"
    fees: list[tuple[Decimal, str | None, str, re.Match[str]]] = []
    for match in scan.finditer(MONEY):
        value = _decimal(next(g for g in match.groups() if g))
        if value is None:
            continue
        before = scan.text[max(0, match.start() - 12):match.start()]
        clause = re.split(r"[。；;，,!?！？\n]", scan.text[match.end():], maxsplit=1)[0]
        window = scan.text[max(0, match.start() - 16):match.end()] + clause
        annual_plan = re.search(r"annual plan|yearly billing|billed (?:annually|yearly)|年付|包年",
                                scan.text, re.I)
        if CLAIMED.search(before[-6:]) and not re.search(r"费|fee", before[-6:], re.I):
            fees.append((value, None, "claimed", match))
        elif ANNUAL_RE.search(window) or annual_plan:
            monthly = (value / 12).quantize(Decimal("0.01"))
            fees.append((monthly, f"年费 {value} 元 ÷ 12 = 每月 {monthly} 元", "annual", match))
        elif PAID_WORDS.search(before):
            fees.append((value, None, "paid", match))
        else:
            fees.append((value, None, "monthly", match))
    chosen = [f for f in fees if f[2] != "claimed"]
    for value, _, _, match in (f for f in fees if f[2] == "claimed"):
        scan.take(match.start(), match.end(), "claimed")
    if not chosen:
        return None, None, None
    values = {f[0] for f in chosen}
    for value, note, basis, match in chosen:
        role = {"annual": "fee_annual", "paid": "fee_paid"}.get(basis, "monthly_fee")
        scan.take(match.start(), match.end(), role if len(values) == 1 else "unclear",
                  note or ("" if len(values) == 1 else "several amounts: which is the monthly fee?"))
    if len(values) > 1:
        return None, None, None
    value, note, basis, _ = chosen[0]
    return value, note, basis


def _percent(scan: Scan) -> Decimal | None:
    """A measured availability; a commitment, threshold or credit share is context."""
    measured: Decimal | None = None
    for match in scan.finditer(PERCENT):
        value = _decimal(match.group(1))
        before = scan.text[max(0, match.start() - 8):match.start()]
        if value is None or NOT_MEASURED_BEFORE.search(before) or not AVAILABILITY_WORDS.search(
                scan.text):
            scan.take(match.start(), match.end(), "threshold" if value is not None
                      and 0 <= value <= 100 else "unclear")
            continue
        if not 0 <= value <= 100:
            scan.take(match.start(), match.end(), "unclear",
                      "availability must be between 0 and 100")
            continue
        if measured is not None and value != measured:  # another metric's figure, shown
            scan.take(match.start(), match.end(), "other_metric")
            continue
        measured = value
        scan.take(match.start(), match.end(), "availability")
    return measured


def _requests(scan: Scan) -> tuple[int | None, int | None]:
    total_match = next(scan.finditer(REQUESTS_RE), None)
    if total_match is None:
        return None, None
    total = _decimal(total_match.group(1) or total_match.group(2))
    view = scan.view
    failed_match = None
    for pattern in (FAILED_AFTER_RE, FAILED_RE):
        for match in pattern.finditer(view):
            if match.start() >= total_match.end() or match.end() <= total_match.start():
                failed_match = match
                break
        if failed_match:
            break
    if total is None or failed_match is None:
        return None, None
    failed = _decimal(next(g for g in failed_match.groups() if g))
    if failed is None or failed > total:
        return None, None
    scan.take(total_match.start(), total_match.end(), "total_requests")
    scan.take(failed_match.start(), failed_match.end(), "failed_requests")
    return int(total), int(failed)


def _event_count(scan: Scan) -> int | None:
    match = EVENT_COUNT_RE.search(scan.view)
    if not match:
        return None
    value = _decimal(next(g for g in match.groups() if g))
    if value is None:
        return None
    scan.take(match.start(), match.end(), "event_count")
    return int(value)


def _instances(scan: Scan) -> tuple[Decimal, ...]:
    """Downtime said per instance (``一台 600 分钟，另一台 200 分钟``): one figure each."""
    marks = list(scan.finditer(INSTANCE_MARK))
    if len(marks) < 2:
        return ()
    out: list[Decimal] = []
    spans: list[tuple[int, int, Decimal]] = []
    for i, mark in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(scan.view)
        segment = scan.view[mark.end():stop]
        found = re.search(DURATION, segment, re.I)
        if not found:
            continue
        seconds = duration_seconds(found.group(0))
        if seconds:
            minutes = Decimal(sum(seconds)) / 60
            out.append(minutes)
            spans.append((mark.end() + found.start(), mark.end() + found.end(), minutes))
    if len(out) < 2:
        return ()
    for start, end, minutes in spans:
        scan.take(start, end, "instance_downtime", f"{plain(minutes)} 分钟")
    return tuple(out)


RESTATE_BEFORE = re.compile(
    r"(?:即|也就是|相当于|合计|共计|折合|i\.e\.,?|that is|that's|which is|=|≈)\s*(?:总共|累计|共)?\s*$",
    re.I)
TOTAL_BEFORE = re.compile(rf"(?:{TOTAL_WORDS.pattern})[^，,。；;\d]{{0,8}}$", re.I)
TOTAL_AFTER = re.compile(r"^\s*(?:in total|total|altogether|combined|总共|累计)", re.I)


def _durations(scan: Scan, counted: Decimal | None) -> tuple[list[int], Decimal | None]:
    """Separate outages in seconds, in the order written, and a total said as one
    (``累计不可用 1小时20分``, ``90 mins in total``) in minutes. A duration restating the
    others (``即 240 分钟``) is read once; ``two outages of 4 hours each`` repeats one."""
    parts: list[tuple[re.Match[str], list[int], str]] = []
    view = scan.view
    for match in re.finditer(DURATION, view, re.I):
        seconds = duration_seconds(match.group(0))
        if not seconds:
            continue
        before, after = view[:match.start()], view[match.end():]
        kind = ("restated" if RESTATE_BEFORE.search(before[-14:]) else
                "total" if TOTAL_BEFORE.search(before[-14:]) or TOTAL_AFTER.search(after)
                else "incident")
        parts.append((match, seconds, kind))
    incidents = [s for _, seconds, kind in parts if kind == "incident" for s in seconds]
    totals = [sum(seconds) for _, seconds, kind in parts if kind == "total"]
    total: Decimal | None = None
    if len(totals) == 1 and not incidents:
        total = Decimal(totals[0]) / 60
    for match, seconds, kind in parts:
        value = sum(seconds)
        if kind == "restated" or (kind == "total" and incidents):
            same = value == sum(incidents) or any(
                t is not None and value == t * 60 for t in (total, counted))
            scan.take(match.start(), match.end(), "restated" if same else "unclear",
                      "" if same else "does not add up to the outages listed")
        elif kind == "total":
            scan.take(match.start(), match.end(), "downtime" if total is not None else "unclear")
        else:
            scan.take(match.start(), match.end(), "incident")
    repeated = REPEATED_RE.search(scan.view)
    if repeated and len(incidents) == 1:
        word = repeated.group(1).lower()
        times = EN_COUNTS.get(word) or int(_decimal(word) or 1)
        incidents = incidents * times
        scan.take(repeated.start(1), repeated.end(1), "outage_count", f"× {times}")
    return incidents, total


def _counts(scan: Scan) -> None:
    """How many outages or instances: context that the reading shows but does not compute."""
    for match in scan.finditer(OUTAGE_COUNT):
        scan.take(match.start(), match.end(), "outage_count")
    for match in scan.finditer(INSTANCE_COUNT):
        scan.take(match.start(), match.end(), "instances")
    for match in scan.finditer(re.compile(r"\d+\s*(?:个月|months?\b)", re.I)):
        scan.take(match.start(), match.end(), "period")
    for match in scan.finditer(re.compile(r"第\s*\d+")):
        scan.take(match.start(), match.end(), "ordinal")


def unclear(uses: tuple[NumberUse, ...]) -> tuple[NumberUse, ...]:
    return tuple(u for u in uses if u.role == "unclear")


__all__ = ["NUMBER_RE", "read_query", "unclear"]
