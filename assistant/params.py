"""The typed figures of a credit question (what ``assistant.reading.read_query`` returns).

``CVM 三月份断了 5 次（45秒、61秒、1分59秒、10分钟、20分钟），月费 680 元`` ->
``CreditQuery(month="2026-03", monthly_fee=680, incidents_seconds=(45, 61, 119, 600, 1200))``
with ``uses`` saying where each number went. A follow-up's query is merged over the
earlier turn's (``merged_over``); a correction replaces the figure it names (``corrected``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from assistant.reading.normalize import plain
from assistant.reading.scan import NumberUse
from assistant.reading.words import incident_seconds

SHARE_ASKED = "a share of the bill: of what monthly fee?"
PARTLY_FAILING = "only part failing: did every request fail in those minutes?"
PARTLY_AVAILABLE = "partly working: the agreement counts a minute with any success as available"
VOLUME_ASKED = "how many requests in all: used only where the agreement counts requests"
VOLUME_AS_CONTEXT = "how many requests in all: the agreement counts unavailable time, not requests"
RATED_RANGE = "minutes at an error rate: which count depends on the agreement's threshold"
MAINTENANCE_ASKED = "announced maintenance: does the agreement exclude it?"
MAINTENANCE_EXCLUDED = "announced maintenance: the agreement excludes it"
INVALID_ASKED = "messages to invalid numbers: does the agreement leave them out?"
INVALID_LEFT_OUT = "messages to invalid numbers: the agreement counts valid numbers only"


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
    response_minutes: int | None = None  # from a request raised to its answer (告警 02:13，反馈 03:08)
    service_end: str | None = None
    event_described: bool = False
    fee_basis: str | None = field(default=None, compare=False)  # monthly|paid|annual|prepaid
    service_start: str | None = None      # YYYY-MM-DD, or --MM-DD when said without a year
    instance_minutes: tuple[Decimal, ...] = ()  # downtime said per instance, one each
    instance_outages: tuple[tuple[int, ...], ...] = ()  # each instance's outages, where listed
    uses: tuple[NumberUse, ...] = field(default=(), compare=False)
    carried: frozenset[str] = field(default=frozenset(), compare=False)
    corrections: tuple[tuple[int, int], ...] = ()  # (old, new) seconds: "是 8 分钟，不是 8 小时"
    month_bare: bool = field(default=False, compare=False)  # said without a year (三月份)
    months_named: tuple[str, ...] = field(default=(), compare=False)  # every month said with
    # its year (去年7月和8月: 2025-07, 2025-08), for a later turn's month said without one
    rough: bool = field(default=False, compare=False)  # an outage said roughly (大概5分钟左右)
    rough_seconds: tuple[int, ...] = field(default=(), compare=False)  # those outages' lengths
    annual_fee: Decimal | None = None  # a year's fee as said; the calculator splits it
    error_windows: tuple[tuple[int, Decimal, int], ...] = ()  # (count, error %, minutes)
    window_starts: tuple[int, ...] = ()  # a series' windows: each one's start in minutes
    error_rate_sum: tuple[Decimal, int] | None = None  # Σ windows' error rates, window minutes
    request_minutes: Decimal | None = None  # the minutes that had valid requests (内容安全)
    every_minute_requested: bool = False  # "there are requests every single minute of the month"
    instances: int | None = None  # how many instances (ECM, TEZ count over all of them)
    seats: int | None = None  # how many seats or terminals a price each is for (500 个终端)
    range_gaps: tuple[int, ...] = ()  # seconds between outages said as clock ranges, in order
    fee_items: int | None = None  # the fee is the sum over this many instances (3 台合计)
    fee_each: bool = False  # the fee is each instance's own (每台 120 元/月)
    instance_asked: int | None = None  # which of the instance_outages the fee and question name
    fee_sum: bool = False  # the fee is said as a sum (合计 4,500 / in total): maybe of several
    incident_rates: tuple[tuple[int, Decimal], ...] = ()  # (outage seconds, requests a minute)
    fee_share: Decimal | None = None  # 这个域名流量占 30%: the share of a fee said in another turn
    partly_working: tuple[tuple[int, int], ...] = ()  # (seconds, length of the outage holding
    # it, or 0): ranges where only part failed, asked about unless the SLA counts them available
    rated_ranges: tuple[tuple[int, Decimal, Decimal], ...] = ()  # (seconds, lowest and highest
    # error %): ranges said with their error rate, counted by the SLA's per-window threshold
    invalid_requests: int | None = None  # 其中 3,000 条是空号: left out where the SLA says so
    invalid_failed: bool = False  # those were counted among the failures said before them
    what_if_seconds: int | None = None  # 要是再多挂一个小时呢: the outage that much longer, asked apart

    def shared(self, fee: Decimal) -> CreditQuery:
        """This reading with its share of a fee (``流量占 30%``) applied to ``fee``."""
        assert self.fee_share is not None
        part = (fee * self.fee_share / 100).quantize(Decimal("0.01"))
        note = f"月费 {plain(fee)} 元 × {plain(self.fee_share)}% = {plain(part)} 元"
        return replace(self, monthly_fee=part, fee_note=note, fee_basis="monthly", fee_share=None,
                       annual_fee=None, uses=tuple(
                           replace(u, role="fee_share", note=note)
                           if u.role in ("unclear", "fee_share") and u.note in (SHARE_ASKED, "")
                           and "%" in u.text else u for u in self.uses))

    @property
    def unclear(self) -> tuple[NumberUse, ...]:
        """The numbers of the question the reading could not place (asked about, not used)."""
        return tuple(u for u in self.uses if u.role == "unclear")

    def fee_set_aside(self) -> CreditQuery | None:
        """When every number left unclear is about the fee (which amount, what a unit price
        came to, a voucher said in passing), this reading with those numbers set aside (and
        the fee as read, if one was): if the month pays no credit, which amount is the fee
        does not matter. Else None."""
        if not self.unclear or not all(_about_the_fee(u) for u in self.unclear):
            return None
        return replace(self, uses=tuple(replace(u, role="fee_unneeded", note="")
                                        if u.role == "unclear" else u for u in self.uses))

    def partly_set_aside(self) -> CreditQuery | None:
        """This reading with the ranges in which only part failed not counted (taken out of the
        outage said to hold them), for an SLA that counts a minute with any success as
        available; None when there are none or one cannot be taken out. Ranges said with an
        error rate below 100 % (``~30% of requests failed for half an hour``) are such ranges
        too; one whose rate reaches 100 % may hold whole failed minutes, so it stays asked."""
        if not self.partly_working and not self.rated_ranges \
                or any(high >= 100 for _, _, high in self.rated_ranges):
            return None
        incidents = list(self.incidents_seconds)
        for seconds, holder in self.partly_working:
            if holder:
                if holder not in incidents or seconds >= holder:
                    return None
                incidents[incidents.index(holder)] = holder - seconds
        uses = _settled(self.uses, PARTLY_FAILING, "not_counted", PARTLY_AVAILABLE)
        return replace(self, incidents_seconds=tuple(incidents), partly_working=(),
                       rated_ranges=(), uses=_settled(uses, RATED_RANGE, "not_counted",
                                                      PARTLY_AVAILABLE))

    def rated_counted(self, error_above: Decimal) -> CreditQuery | None:
        """This reading with each range said with its error rate counted whole where all its
        rates are above the SLA's per-minute threshold (``error_above`` %) and not at all where
        none is; None when there are none or a range's rates straddle the threshold."""
        if not self.rated_ranges or any(low <= error_above < high
                                        for _, low, high in self.rated_ranges):
            return None
        over = tuple(s for s, low, _ in self.rated_ranges if low > error_above)
        note = f"错误率超过 {plain(error_above)}% 的时段整段计入，其余不计"
        return replace(self, incidents_seconds=self.incidents_seconds + over, rated_ranges=(),
                       uses=_settled(self.uses, RATED_RANGE, "incident", note))

    def by_window_threshold(self, error_above: Decimal) -> CreditQuery | None:
        """This reading with its rated ranges and its statistics windows counted by the SLA's
        per-window threshold (:meth:`rated_counted`, then :meth:`windows_counted`); None when
        neither changes it."""
        rated = self.rated_counted(error_above) or self
        return rated.windows_counted(error_above) or (rated if rated is not self else None)

    def windows_counted(self, error_above: Decimal) -> CreditQuery | None:
        """This reading with its statistics windows (``18 号有一个 5 分钟粒度错误率 7%``) read
        as outages by the SLA's per-window threshold (``error_above`` %), beside the outages
        said as ranges or lengths on other days: a window above it is an outage of its length,
        one at or below it none. None when there are no outages beside them, or when windows
        above it are counted in more than one (whether they ran on from each other is not
        said, and the SLA's shortest counted outage may turn on it)."""
        windows = self.error_windows
        if not windows or not self.incidents_seconds or self.error_rate_sum \
                or any(count > 1 and rate > error_above for count, rate, _ in windows):
            return None
        starts = self.window_starts if len(self.window_starts) == len(windows) else ()
        if not starts and sum(rate > error_above for _, rate, _ in windows) > 1:
            return None  # 10:05 1.2%、10:10 2.0%: one outage or two, unless when each was is said
        over: list[int] = []  # a run of windows above it, one after another: one outage
        end = None
        for (_, rate, minutes), start in sorted(zip(windows, starts or range(len(windows))),
                                                key=lambda pair: pair[1]):
            if rate <= error_above:
                end = None
                continue
            if starts and end == start:
                over[-1] += minutes * 60
            else:
                over.append(minutes * 60)
            end = start + minutes if starts else None
        note = f"错误率超过 {plain(error_above)}% 的统计窗口计为一次不可用，其余不计"
        return replace(self, incidents_seconds=self.incidents_seconds + tuple(over),
                       error_windows=(), window_starts=(),
                       uses=tuple(replace(u, role="incident", note=note)
                                  if u.role == "error_windows" else u for u in self.uses))

    def volume_set_aside(self) -> CreditQuery | None:
        """This reading with request volumes said in passing (``日均调用 80 万次``, ``about 120M
        calls``) read as context, beside outages measured in time, for an SLA that counts
        unavailable time; None when there are none or no outage is measured in time."""
        if not any(u.note == VOLUME_ASKED for u in self.unclear) or not (
                self.incidents_seconds or self.downtime_minutes is not None
                or self.availability_pct is not None):
            return None
        return replace(self, uses=_settled(self.uses, VOLUME_ASKED, "count", VOLUME_AS_CONTEXT))

    def maintenance_set_aside(self) -> CreditQuery | None:
        """This reading without the outages said to be announced maintenance, for an SLA that
        excludes maintenance it announced; None when there are none."""
        if not any(u.note == MAINTENANCE_ASKED for u in self.unclear):
            return None
        return replace(self, uses=_settled(self.uses, MAINTENANCE_ASKED, "not_counted",
                                           MAINTENANCE_EXCLUDED))

    def cases_excluded(self, excluded: Mapping[int, str]) -> CreditQuery:
        """This reading without the outages (by their index in ``uses``) whose described case
        is one of the SLA's exclusion items, each shown with the item's words; this reading
        unchanged when one of them is not an outage it counts."""
        incidents = list(self.incidents_seconds)
        for at in excluded:
            if incident_seconds(self.uses[at]) not in incidents:
                return self
            incidents.remove(incident_seconds(self.uses[at]))
        uses = tuple(replace(u, role="excluded", note=excluded[i]) if i in excluded else u
                     for i, u in enumerate(self.uses))
        return replace(self, incidents_seconds=tuple(incidents), uses=uses)

    def invalid_left_out(self) -> CreditQuery | None:
        """This reading with the messages to invalid numbers taken out of the total, for an SLA
        counting only messages to valid numbers; None when none were said or no total was."""
        if self.invalid_requests is None or self.total_requests is None \
                or not 0 < self.invalid_requests < self.total_requests:
            return None
        failed = self.failed_requests
        if self.invalid_failed:  # 失败 42,000 条，其中 18,000 条是空号: not platform failures either
            if failed is None or self.invalid_requests > failed:
                return None
            failed -= self.invalid_requests
        return replace(self, total_requests=self.total_requests - self.invalid_requests,
                       failed_requests=failed, invalid_requests=None,
                       uses=_settled(self.uses, INVALID_ASKED, "not_counted", INVALID_LEFT_OUT))

    @property
    def has_measurement(self) -> bool:
        return bool(self.incidents_seconds or self.downtime_minutes is not None
                    or self.instance_minutes or self.error_windows or self.error_rate_sum
                    or self.availability_pct is not None or self.event_count is not None
                    or self.response_minutes is not None
                    or (self.total_requests is not None and self.failed_requests is not None))

    def corrected(self, earlier: CreditQuery) -> CreditQuery:
        """This turn's correction applied to the earlier turn's outages: "最后那次是 8 分钟，
        不是 8 小时" after (61 s, 60 s, 8 h) -> (61 s, 60 s, 8 min)."""
        if not self.corrections:
            return self
        if earlier.instance_minutes and not earlier.incidents_seconds:  # 那 3 台各自是 5 小时
            said = [m * 60 for m in earlier.instance_minutes]
            each = [Decimal(next((new for old, new in self.corrections if old == s), s)) / 60
                    for s in said]
            if each != list(earlier.instance_minutes):
                return replace(self, instance_minutes=tuple(each), instance_outages=(),
                               incidents_seconds=(), downtime_minutes=None)
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

    def _summed_back(self, earlier: CreditQuery) -> CreditQuery:
        """``应该合起来 70 分钟算，两个的月费 2,000`` after A 50 and B 20 minutes at 1,000 each:
        the earlier per-instance outages added up (and their fees), which an SLA counting
        each instance on its own never does; the earlier reading stands."""
        said = sum(self.incidents_seconds) / 60 if self.incidents_seconds else self.downtime_minutes
        if not earlier.instance_minutes or said is None \
                or Decimal(str(said)) != sum(earlier.instance_minutes):
            return self
        fee = self.monthly_fee
        if fee is not None and earlier.fee_each and earlier.monthly_fee is not None \
                and fee == earlier.monthly_fee * len(earlier.instance_minutes):
            fee = None  # each one's fee, added up
        if fee is not None:
            return self
        return replace(self, incidents_seconds=(), downtime_minutes=None, monthly_fee=None,
                       fee_basis=None, instance_minutes=earlier.instance_minutes,
                       instance_outages=earlier.instance_outages, fee_each=earlier.fee_each,
                       uses=tuple(replace(u, role="restated", note="the earlier outages added up")
                                  if u.role in ("incident", "downtime", "monthly_fee") else u
                                  for u in self.uses))

    def merged_over(self, earlier: CreditQuery, measurement: bool = True,
                    fee: bool = True) -> CreditQuery:
        """This turn's figures, with the ones it leaves out carried from an earlier turn
        (the earlier measurement too unless ``measurement`` is false, the fee unless ``fee``
        is false: another product's fee is not this one's)."""
        out = self.corrected(earlier)._summed_back(earlier)
        said = [m for m in (earlier.month, *earlier.months_named) if m]
        same = next((m for m in said if out.month and m[5:] == out.month[5:]), None)
        if out.month_bare and same:  # "10月份…" after "2025年10月…", "8月" after "去年7月和8月"
            out = replace(out, month=same)
        carried = set(self.carried)
        if out.fee_share is not None and out.monthly_fee is None and fee \
                and earlier.monthly_fee is not None:  # 查了，这个域名流量占 30%
            out = out.shared(earlier.monthly_fee)
            carried.add("monthly_fee")
        fees = ("monthly_fee", "fee_note", "fee_basis", "annual_fee", "unit_price", "daily_fee",
                "order_fee")
        for name in ("month", *fees, "service_end", "service_start", "request_minutes",
                     "instances"):
            if name in fees and not fee:
                continue
            if getattr(out, name) is None and getattr(earlier, name) is not None:
                out = replace(out, **{name: getattr(earlier, name)})
                carried.add(name)
                if name == "monthly_fee":  # "each instance is ¥600/month" / "合计 4,500"
                    out = replace(out, fee_each=earlier.fee_each, fee_sum=earlier.fee_sum,
                                  seats=earlier.seats)
        if measurement and not out.has_measurement and (earlier.has_measurement
                                                          or earlier.rated_ranges):
            out = replace(out, incidents_seconds=earlier.incidents_seconds,
                          rated_ranges=earlier.rated_ranges + out.rated_ranges,  # 还有一次：…
                          partly_working=earlier.partly_working + out.partly_working,
                          downtime_minutes=earlier.downtime_minutes,
                          availability_pct=earlier.availability_pct,
                          total_requests=earlier.total_requests,
                          failed_requests=out.failed_requests if out.failed_requests is not None
                          else earlier.failed_requests,  # "失败请求一共 3,456 次" adds to it
                          event_count=earlier.event_count,
                          response_minutes=earlier.response_minutes,
                          instance_minutes=earlier.instance_minutes,
                          instance_outages=earlier.instance_outages,
                          error_windows=earlier.error_windows,
                          window_starts=earlier.window_starts,
                          error_rate_sum=earlier.error_rate_sum)
            carried.add("measurement")
            still = tuple(u for u in earlier.unclear  # "6 月份的事" leaves the earlier doubts open
                          if not (out.monthly_fee is not None and _about_the_fee(u))
                          and not (out.month and u.note.startswith(("another month", "no such"))))
            out = replace(out, uses=out.uses + still)
        return replace(out, carried=frozenset(carried))


SEVERAL_AMOUNTS = "several amounts: which is the monthly fee?"
SHARED_FEE = "a sum over several items: what is the affected one's own fee?"
ANOTHER_FEE = "the fee of another product named there: what does this one cost?"
FEE_NOTES = (SEVERAL_AMOUNTS, ANOTHER_FEE, "a unit price: what did the month cost?",
             "a package bought in advance: what did this month cost?",
             SHARED_FEE,
             "a prepaid amount: over how many months?",
             "an amount in another currency: what was it in CNY?")
MONEY_NEAR = re.compile(r"元|块|[¥￥$]|CNY|RMB|券|费|fee|bill|账单|voucher|coupon|discount|折扣", re.I)


def _settled(uses: tuple[NumberUse, ...], asked: str, role: str, note: str
             ) -> tuple[NumberUse, ...]:
    """The uses left unclear with the note ``asked``, read as ``role`` after all."""
    return tuple(replace(u, role=role, note=note) if u.role == "unclear" and u.note == asked
                 else u for u in uses)


def _about_the_fee(use: NumberUse) -> bool:
    """An unclear number about money: which amount is the fee, or an amount in passing."""
    return use.note in FEE_NOTES or (use.note in ("not read", "a negative figure")
                                     and bool(MONEY_NEAR.search(use.around)))
