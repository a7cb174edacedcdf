"""The figures of a credit question, read from Chinese or English text.

``CVM 三月份断了 5 次（45秒、61秒、1分59秒、10分钟、20分钟），月费 680 元`` ->
month 2024-03 (the most recent March), incidents (45, 61, 119, 600, 1200) s, fee 680.
Everything here is pure: ``today`` is passed in, so "上个月" and "三月份" are testable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from assistant.numbers import CN_NUMBER, NUMBER, parse_number
from assistant.reading.months import month_mentions, resolve
from assistant.reading.scan import NumberUse

TOTAL_WORDS = re.compile(
    r"累计|总共|一共|合计|总计|加起来|in total|total(?:ly)?|altogether|cumulative", re.IGNORECASE)
UNIT_SECONDS = {"天": 86400, "日": 86400, "小时": 3600, "钟头": 3600, "分钟": 60, "分": 60, "秒": 1,
                "day": 86400, "days": 86400, "hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600,
                "h": 3600, "minute": 60, "minutes": 60, "min": 60, "mins": 60, "m": 60,
                "second": 1, "seconds": 1, "sec": 1, "secs": 1, "s": 1}
ZH_UNIT = r"(?:个)?\s*(?:小时|钟头)|分钟|分(?![之钱])|秒|天(?!内)"
EN_UNIT = r"(?:hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|days?)\b"
ZH_PART = rf"({NUMBER})\s*({ZH_UNIT})"
EN_PART = rf"(\d+(?:\.\d+)?)\s*({EN_UNIT})"
DURATION_RE = re.compile(rf"(?:{ZH_PART}\s*)+|(?:{EN_PART}[\s,]*(?:and\s+)?)+", re.IGNORECASE)
FEE_WORD_RE = re.compile(
    rf"(?:月费|月度服务费|年费|monthly fee|annual fee|fee)\D{{0,6}}({NUMBER})", re.IGNORECASE)
MONEY_UNIT = r"(?:元|块钱|块|CNY|RMB|yuan|人民币)"
MONEY_RE = re.compile(
    rf"(?:[¥￥]|CNY|RMB)\s*({NUMBER})|({NUMBER})\s*{MONEY_UNIT}", re.IGNORECASE)
ANNUAL_RE = re.compile(r"年费|每年|一年|包年|annual|per year|a year|/年|yearly", re.IGNORECASE)
PERCENT_RE = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*[%％]")
AVAILABILITY_WORDS = re.compile(r"可用性|可用率|availability|uptime|SLA|达到|只有|仅有|only",
                                re.IGNORECASE)
REQUESTS_RE = re.compile(
    rf"({NUMBER})\s*(?:次|个|条|封)?\s*(?:有效)?(?:请求|调用|短信|邮件|requests?|calls?"
    rf"|(?:valid )?(?:messages|emails|SMS)(?: sent)?)"
    rf"|(?:共|发送|发信请求|发送有效短信)\s*({NUMBER})\s*(?:次|条|封)", re.IGNORECASE)
FAILED_AFTER_RE = re.compile(rf"(?:失败|出错|报错)\s*(?:了|请求)?\s*({NUMBER})\s*(?:次|个|条|封)")
FAILED_RE = re.compile(
    rf"(?:失败|出错|报错|错误|明确失败)\s*(?:了|请求)?\s*({NUMBER})\s*(?:次|个|条|封)?"
    rf"|({NUMBER})\s*(?:次|个)?\s*(?:请求|调用)?\s*(?:失败|出错|报错)"
    rf"|({NUMBER})\s*(?:of\s+them\s+)?(?:explicit\s+)?(?:failed|errors?|failures?)",
    re.IGNORECASE)


SPECIAL_FEES = {
    "unit_price": re.compile(
        rf"(?:刊例价|单价|单条价格|每条|每封|list price|unit price)\D{{0,8}}({NUMBER})"
        rf"|({NUMBER})\s*(?:元|CNY)\s*(?:/|每|per)\s*(?:条|封|SMS|email|message)", re.I),
    "daily_fee": re.compile(
        rf"(?:每天费用|日费用|每日费用|daily fee|per day)\D{{0,6}}({NUMBER})", re.I),
    "order_fee": re.compile(
        rf"(?:订单实付|订单金额|订单费用|order (?:fee|price|amount))\D{{0,6}}({NUMBER})", re.I),
}
PREPAID_RE = re.compile(
    rf"(?:预付|prepaid|paid)[^。;；\n]*?(?:for|共)\s*({NUMBER})\s*(?:个月|months)", re.I)
REPEATED_RE = re.compile(
    rf"({NUMBER}|two|three|four|five)\s*(?:次|个)?\s*(?:outages|incidents|故障|中断)"
    rf"[^。.;；]*?(?:each|各|每次)", re.I)
EN_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
WINDOW_RUNS_RE = re.compile(
    rf"({NUMBER}|two|three|four|five|six)\s*(?:次\s*[“\"]?\s*连续两个"
    rf"|(?:occurrences|runs|times) of two\s+consecutive)", re.I)
WINDOWS_RE = re.compile(
    rf"({NUMBER})\s*个?\s*(?:完整的?)?\s*(?:5|五)\s*分钟(?:统计点|单位|时间窗|窗口|内|周期)"
    rf"|({NUMBER})\s*(?:five-minute|5-minute)\s*(?:units|windows|intervals|periods)", re.I)
EVENT_COUNT_RE = re.compile(
    rf"超时(?:响应|回复)?\s*({NUMBER})\s*次|({NUMBER})\s*次\s*(?:超时|未按时)"
    rf"|({NUMBER})\s*late (?:responses|replies)", re.I)
EVENT_WORDS = re.compile(  # a breach an event-based SLA pays for (安全托管: 响应超时, 有效期超时)
    r"超时|未按时|逾期|(?:没有|未)在[^。；]{0,16}(?:时间|时限|期限)内|missed|\blate\b|overdue"
    r"|not (?:completed|delivered|done) (?:on time|within)", re.IGNORECASE)
END_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:结束|到期|终止)")


@dataclass(frozen=True)
class CreditQuery:
    """What a question says about one month of service. ``None``/empty = not stated."""

    month: str | None = None
    monthly_fee: Decimal | None = None
    fee_note: str | None = None
    incidents_seconds: tuple[int, ...] = ()
    downtime_minutes: Decimal | None = None
    availability_pct: Decimal | None = None
    total_requests: int | None = None
    failed_requests: int | None = None
    unit_price: Decimal | None = None
    daily_fee: Decimal | None = None
    order_fee: Decimal | None = None
    event_count: int | None = None
    service_end: str | None = None
    event_described: bool = False
    fee_basis: str | None = field(default=None, compare=False)  # monthly|paid|annual|prepaid
    service_start: str | None = None      # YYYY-MM-DD, or --MM-DD when said without a year
    instance_minutes: tuple[Decimal, ...] = ()  # downtime said per instance, one each
    uses: tuple[NumberUse, ...] = field(default=(), compare=False)
    carried: frozenset[str] = field(default=frozenset(), compare=False)
    corrections: tuple[tuple[int, int], ...] = ()  # (old, new) seconds: "是 8 分钟，不是 8 小时"
    error_windows: tuple[tuple[int, Decimal, int], ...] = ()  # (count, error %, minutes)
    request_minutes: Decimal | None = None  # the minutes that had valid requests (内容安全)
    instances: int | None = None  # how many instances (ECM, TEZ count over all of them)

    @property
    def unclear(self) -> tuple[NumberUse, ...]:
        """The numbers of the question the reading could not place (asked about, not used)."""
        return tuple(u for u in self.uses if u.role == "unclear")

    @property
    def has_measurement(self) -> bool:
        return bool(self.incidents_seconds or self.downtime_minutes is not None
                    or self.instance_minutes or self.error_windows
                    or self.availability_pct is not None or self.event_count is not None
                    or (self.total_requests is not None and self.failed_requests is not None))

    def corrected(self, earlier: CreditQuery) -> CreditQuery:
        """This turn's correction applied to the earlier turn's outages: "最后那次是 8 分钟，
        不是 8 小时" after (61 s, 60 s, 8 h) -> (61 s, 60 s, 8 min)."""
        if not self.corrections:
            return self
        outages = list(earlier.incidents_seconds)
        if not outages and earlier.downtime_minutes is not None:
            outages = [int(earlier.downtime_minutes * 60)]
        fixed = list(outages)
        for old, new in self.corrections:
            if old in fixed:
                fixed[fixed.index(old)] = new
        if fixed == outages:
            return self
        return replace(self, incidents_seconds=tuple(fixed), downtime_minutes=None)

    def merged_over(self, earlier: CreditQuery, measurement: bool = True) -> CreditQuery:
        """This turn's figures, with the ones it leaves out carried from an earlier turn
        (the earlier measurement too unless ``measurement`` is false)."""
        out = self.corrected(earlier)
        carried = set(self.carried)
        for name in ("month", "monthly_fee", "fee_note", "fee_basis", "unit_price", "daily_fee",
                     "order_fee", "service_end", "service_start", "request_minutes",
                     "instances"):
            if getattr(out, name) is None and getattr(earlier, name) is not None:
                out = replace(out, **{name: getattr(earlier, name)})
                carried.add(name)
        if measurement and not out.has_measurement and earlier.has_measurement:
            out = replace(out, incidents_seconds=earlier.incidents_seconds,
                          downtime_minutes=earlier.downtime_minutes,
                          availability_pct=earlier.availability_pct,
                          total_requests=earlier.total_requests,
                          failed_requests=earlier.failed_requests,
                          event_count=earlier.event_count,
                          instance_minutes=earlier.instance_minutes,
                          error_windows=earlier.error_windows)
            carried.add("measurement")
        return replace(out, carried=frozenset(carried))


def extract_fees(text: str) -> tuple[dict[str, Decimal], str]:
    """Unit price, daily fee and one-off order fee, each said in its own words, and the text
    without them (so the monthly fee is not confused with them)."""
    found: dict[str, Decimal] = {}
    rest = text
    for name, pattern in SPECIAL_FEES.items():
        match = pattern.search(rest)
        if match:
            value = parse_number(next(g for g in match.groups() if g))
            if value is not None:
                found[name] = value
                rest = rest[:match.start()] + " " + rest[match.end():]
    return found, rest


def extract_windows(text: str) -> Decimal | None:
    """Bad statistics windows as downtime minutes: ``6 次“连续两个 5 分钟统计点…”`` -> 60,
    ``18 five-minute units`` -> 90 (each run of two bad windows counts 10 minutes)."""
    match = WINDOW_RUNS_RE.search(text)
    if match:
        word = match.group(1).lower()
        runs = Decimal(EN_COUNTS[word]) if word in EN_COUNTS else parse_number(word)
        return runs * 10 if runs is not None else None
    match = WINDOWS_RE.search(text)
    if match:
        count = parse_number(match.group(1) or match.group(2))
        return count * 5 if count is not None else None
    return None


def extract_event_count(text: str) -> int | None:
    """How many late responses / breaches: ``重大漏洞超时响应 4 次``, ``7 late responses``."""
    match = EVENT_COUNT_RE.search(text)
    if not match:
        return None
    value = parse_number(next(g for g in match.groups() if g))
    return int(value) if value is not None else None


def extract_end_date(text: str) -> str | None:
    """The day an engagement ended: ``服务 2024年7月12日结束`` -> 2024-07-12."""
    match = END_DATE_RE.search(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def extract_month(text: str, today: date) -> str | None:
    """``2024年3月``, ``2024-03``, ``March 2024``, ``三月份`` (most recent), ``上个月``."""
    return resolve(month_mentions(text, today))[0]


def extract_fee(text: str) -> tuple[Decimal | None, str | None]:
    """The monthly fee; an annual fee is divided by 12 and says so."""
    match = MONEY_RE.search(text)
    if not match:
        match = re.search(FEE_WORD_RE, text)
        if not match:
            return None, None
    amount = parse_number(next(g for g in match.groups() if g))
    if amount is None:
        return None, None
    window = text[max(0, match.start() - 16):match.end() + 4]  # "annual fee 24,000 CNY"
    if ANNUAL_RE.search(window):
        monthly = (amount / 12).quantize(Decimal("0.01"))
        return monthly, f"年费 {amount} 元 ÷ 12 = 每月 {monthly} 元"
    return amount, None


def extract_durations(text: str) -> list[int]:
    """Outage durations in seconds, in the order written: ``1分59秒`` -> 119, ``90 minutes``
    -> 5400, ``一个半小时`` -> 5400. Percentages, dates and counts are not durations."""
    cleaned = re.sub(r"\d+(?:\.\d+)?\s*[%％]|\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*[日号]", " ", text)
    cleaned = re.sub(rf"({CN_NUMBER})个半(小时|钟头)", lambda m: f"{m.group(1)}点五{m.group(2)}",
                     cleaned)
    cleaned = re.sub(r"半(小时|钟头)", r"零点五\1", cleaned)
    return [s for match in DURATION_RE.finditer(cleaned) for s in duration_seconds(match.group(0))]


def duration_seconds(phrase: str) -> list[int]:
    """One duration phrase in seconds; a unit that does not get smaller starts a new outage
    (``5 min, 6 min`` -> [300, 360], ``1小时20分`` -> [4800])."""
    out: list[int] = []
    seconds, last_unit = Decimal(0), 0
    for part in re.finditer(rf"{ZH_PART}|{EN_PART}", phrase, re.IGNORECASE):
        value = parse_number(part.group(1) or part.group(3))
        unit = UNIT_SECONDS[(part.group(2) or part.group(4)).replace("个", "").strip().lower()]
        if value is None:
            continue
        if last_unit and unit >= last_unit:
            out.append(int(seconds.to_integral_value()))
            seconds = Decimal(0)
        seconds, last_unit = seconds + value * unit, unit
    if seconds > 0:
        out.append(int(seconds.to_integral_value()))
    return out


def extract_availability(text: str) -> Decimal | None:
    """A measured availability: ``可用性只有 99.2%``, ``availability was 99.2%``."""
    if not AVAILABILITY_WORDS.search(text):
        return None
    for match in PERCENT_RE.finditer(text):
        before = text[max(0, match.start() - 6):match.start()]
        if re.search(r"费|赔|credit|fee|承诺|commit|低于|高于|不足|超过|跌破|below|under|above"
                     r"|less than"
                     r"|at least", before, re.IGNORECASE):
            continue  # a fee share, a commitment or a threshold, not a measurement
        value = Decimal(match.group(1))
        if 0 <= value <= 100:
            return value
    return None


def extract_requests(text: str) -> tuple[int | None, int | None]:
    """(total, failed) request counts: ``共 1,000,000 次请求，失败 800 次``."""
    total = next((parse_number(m.group(1) or m.group(2)) for m in REQUESTS_RE.finditer(text)),
                 None)
    failures = [parse_number(m.group(1)) for m in FAILED_AFTER_RE.finditer(text)]
    failures += [parse_number(next(g for g in m.groups() if g))
                 for m in FAILED_RE.finditer(text)]
    # "共 1,000,000 次请求失败 800 次": the total reads as failed too; take another number
    failed = next((f for f in failures if f is not None and f != total), None)
    if total is None or failed is None:
        return None, None
    return int(total), int(failed)
