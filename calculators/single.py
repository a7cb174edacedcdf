"""One table, one measurement: count it, find the tier, pay, date the claim.

``table_credit(sla, table, req)`` is pure; every figure in the result is a step with the
clause it came from. Choosing the table, variants that agree and higher-of across metrics
are ``calculators.credit``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from calculators.engine import (
    InputError,
    availability,
    count_incident,
    days_in_month,
    parse_month,
    period_minutes,
    success_rate,
)
from calculators.pay import VOUCHERS, pay
from calculators.request import MEASUREMENT_WORDS, CreditRequest, ErrorWindows
from calculators.result import Compensation, CreditResult
from calculators.rules import BadWindow, Counting, SlaRule, TierTable
from calculators.work import Work, finish


def table_credit(sla: SlaRule, table: TierTable, req: CreditRequest) -> CreditResult:
    """The credit for one case under one table (raises ``InputError`` naming what to fix)."""
    year, month = parse_month(req.month or "")
    work = Work(sla, [], [], [])
    if _partial_month_not_counted(work, req, year, month):
        fee = req.monthly_fee is not None and table.compensation in VOUCHERS
        return finish(work, table, None, False, Decimal(0), Decimal("0.00") if fee else None,
                      Compensation(table.compensation, None, table.unit), False, None, year, month)
    counting = table.counting or sla.counting
    value = _measure(work, table, counting, req, year, month)
    return pay(work, table, _monthly_fee(work, req, year, month), value, year, month)


def _monthly_fee(w: Work, req: CreditRequest, year: int, month: int) -> CreditRequest:
    """An annual fee as the month's fee, by the SLA's own rule (÷ 12, or ÷ 365 × the days
    used, 腾讯电子签 52070); without one, ÷ 12. A daily price times the days billed in the
    month is the month's fee (under the per-day rule that is the SLA's own reckoning)."""
    rule = w.sla.annual_fee
    per_day = rule is not None and rule.split == "per_day"
    if req.monthly_fee is not None or (req.annual_fee is None and req.daily_fee is None):
        return req
    start = req.service_start
    first = start.day if start and (start.year, start.month) == (year, month) else 1
    days = days_in_month(year, month) - first + 1
    if req.annual_fee is None:  # a daily price (¥3.20/day): the month's fee is its billed days
        daily = Decimal(str(req.daily_fee))
        fee = (daily * days).quantize(Decimal("0.01"))
        w.steps.append(f"月度服务费 = 每日服务费 {daily.normalize():f} 元 × {days} 天 = {fee} 元"
                       + ("" if per_day else "（按当月每天计费；若有未计费的日子，请给出当月实付金额）"))
        if rule is not None:
            w.cite(rule.source)
        return req.model_copy(update={"monthly_fee": str(fee)})
    annual = Decimal(str(req.annual_fee))
    if per_day:
        fee = (annual / 365 * days).quantize(Decimal("0.01"))
        w.steps.append(f"月度服务费 = 年度服务费 {annual:f} 元 ÷ 365 天 × {days} 天 = {fee} 元")
    else:
        fee = (annual / 12).quantize(Decimal("0.01"))
        w.steps.append(f"月度服务费 = 年度服务费 {annual:f} 元 ÷ 12 = {fee} 元")
    if rule is not None:
        w.cite(rule.source)
    return req.model_copy(update={"monthly_fee": str(fee)})


def _measure(w: Work, table: TierTable, c: Counting, req: CreditRequest, year: int,
             month: int) -> Decimal:
    sla = w.sla
    if table.measure == "event":
        return Decimal(0)
    if table.measure == "late_responses":
        if req.late_responses is None:
            raise InputError(f"{sla.doc_title} pays by late responses; give event_count "
                             "(late_responses).")
        w.steps.append(f"服务月度内{table.metric} {req.late_responses} 次")
        return Decimal(req.late_responses)
    if table.measure == "outage_minutes":
        if not req.incidents_seconds:
            raise InputError(f"{sla.doc_title} pays by outage length; give incidents_seconds.")
        long = [Decimal(str(s)) / 60 for s in req.incidents_seconds if Decimal(str(s)) > 300]
        total = sum(long, Decimal(0))
        w.steps.append(f"超过5分钟的持续不可用共 {len(long)} 次，累计 {total:.2f} 分钟")
        w.cite(c.source)
        return total
    if table.measure == "durability_pct":
        if req.availability_pct is None:
            raise InputError("give the measured durability as availability_pct for this metric.")
        return Decimal(str(req.availability_pct))
    return measured_availability(w, c, req, year, month)


def measured_availability(w: Work, c: Counting, req: CreditRequest, year: int,
                          month: int) -> Decimal:
    """Availability in % from whichever measurement was given, under counting rule ``c``."""
    total = period_minutes(year, month, w.sla.period.kind)
    kind = req.measurement()
    if kind is None:
        raise InputError(f"give a measurement: {MEASUREMENT_WORDS}.")
    if kind == "availability_pct":
        value = Decimal(str(req.availability_pct))
        if not 0 <= value <= 100:
            raise InputError("availability_pct must be between 0 and 100.")
        w.steps.append(f"服务可用性（已按协议计算）为 {value}%")
        return value
    if kind == "error_windows":
        return window_availability(w, c, req, year, month, total)
    if kind == "requests":
        if c.kind not in ("success_rate", "window_error_rate") and w.sla.prose is None:
            raise InputError(f"{w.sla.doc_title} does not measure by request counts; give "
                             "downtime_minutes, incidents_seconds or availability_pct.")
        value = success_rate(int(req.total_requests or 0), int(req.failed_requests or 0))
        w.steps.append(f"服务可用性 = 1 − {req.failed_requests} / {req.total_requests} = "
                       f"{value:.4f}%")
        if c.kind == "window_error_rate":
            w.notes.append("协议按每5分钟错误率的平均值计算可用性；此处按请求与失败在各5分钟内"
                           "均匀分布计算，此时两者相等，分布不均时请给出 availability_pct")
        w.cite(c.source)
        return value
    if c.kind == "window_error_rate" and kind in ("downtime_minutes", "incidents_seconds"):
        return failed_windows(w, c, req, total)
    if c.kind in ("success_rate", "window_error_rate"):
        what = "request success rate" if c.kind == "success_rate" else \
            "mean of 5-minute error rates"
        raise InputError(f"{w.sla.doc_title} measures availability as the {what}; give "
                         "availability_pct (or total_requests + failed_requests"
                         f"{', or downtime_minutes' if c.kind == 'window_error_rate' else ''}).")
    started = _first_month(w, req, year, month)
    if started is not None:
        total = started
    elif c.denominator != "request_minutes":
        w.steps.append(_period_words(w, year, month, total))
    total = _denominator(w, c, req, total)
    down = counted_minutes(w, c, req)
    value = availability(total, down)
    w.steps.append(f"服务可用性 = ({total} − {down}) / {total} × 100% = {value:.4f}%")
    return value


def _partial_month_not_counted(w: Work, req: CreditRequest, year: int, month: int) -> bool:
    """A month the service opened or ended inside, under an SLA that counts only whole months
    (``如不满一个自然月则不计为一个服务周期，也不计算服务可用性``, 微瓴 54312)."""
    if w.sla.period.kind != "full_months_only":
        return False
    start, end = req.service_start, req.service_end
    if start is not None and (start.year, start.month) == (year, month) and start.day > 1:
        day, what = start, "开通"
    elif end is not None and (end.year, end.month) == (year, month) \
            and end.day < days_in_month(year, month):
        day, what = end, "终止"
    else:
        return False
    w.cite(w.sla.period.source)
    w.notes.append(f"服务于 {day.isoformat()} {what}，{month} 月不满一个自然月：协议规定不计为"
                   "一个服务周期，也不计算服务可用性")
    w.steps.append(w.notes[-1])
    return True


def _first_month(w: Work, req: CreditRequest, year: int, month: int) -> int | None:
    """The minutes of a first service month that began after the 1st, as the agreement's own
    example counts it (``find_period``): from the opening day to the month's end (CVM 1.2.7:
    开通之日为3月17日 … 第1个服务月度是指3月17日到3月31日); month by month from the opening
    day (乐享: 4月17日到5月16日); or the whole calendar month (语音识别: 3月1日到3月31日)."""
    start = req.service_start
    if start is None or (start.year, start.month) != (year, month) or start.day == 1:
        return None
    kind = w.sla.period.kind
    w.cite(w.sla.period.source)
    if kind == "whole_calendar_month":
        w.notes.append(f"{start.month}月{start.day}日开通：协议的首个服务月度为完整自然月，按整月计算")
        return None
    if kind == "natural_month":
        days = days_in_month(year, month) - start.day + 1
        w.steps.append(f"服务 {month} 月 {start.day} 日开通：首个服务月度为 {month}月{start.day}日至"
                       f"月末，共 {days} 天 = {days * 1440} 分钟")
        return days * 1440
    if kind == "anniversary_month":
        nxt = date(year + month // 12, month % 12 + 1, 1)
        end = nxt.replace(day=min(start.day, days_in_month(nxt.year, nxt.month)))
        days = (end - start).days
        w.steps.append(f"服务月度自开通日起按月计：{start.isoformat()} 至 "
                       f"{(end - timedelta(days=1)).isoformat()}，共 {days} 天 = {days * 1440} 分钟")
        return days * 1440
    return None


def _denominator(w: Work, c: Counting, req: CreditRequest, total: int) -> int:
    """The minutes availability is counted over: the period's; for SLAs counting over the
    minutes that had valid requests, those (``request_minutes``); for SLAs counting over all
    instances, the period's times the instances (``instances``); for SLAs counting people's
    usage time, none of these: the availability is asked for. Asked for when missing."""
    title = w.sla.doc_title
    if c.denominator == "fleet_minutes":
        if req.instances is None:
            raise InputError(f"{title} counts availability over all instances (月度分钟数 × "
                             "实例总数); give instances (how many ran the whole month) with the "
                             "downtime, or availability_pct.")
        if req.instances < 1:
            raise InputError("instances must be at least 1.")
        w.steps.append(f"服务月度总分钟数 = {total} 分钟 × {req.instances} 个实例 = "
                       f"{total * req.instances} 分钟")
        w.cite(c.source)
        return total * req.instances
    if c.denominator == "usage_minutes":
        raise InputError(f"{title} counts availability over the people in a classroom (1 − 无法正常"
                         "使用的所有人时长 / 所有人的使用时长), not over the month's minutes; give "
                         "availability_pct (worked from those person-minutes).")
    if c.denominator != "request_minutes":
        if req.request_minutes is not None:
            w.notes.append("该协议按服务周期的全部分钟数计算可用性，未使用 request_minutes")
        return total
    if req.request_minutes is None:
        raise InputError(f"{title} counts availability over the minutes that had valid "
                         "requests (服务总分钟数), not the whole month; give request_minutes (the "
                         "minutes with valid requests) with the downtime, or availability_pct.")
    minutes = Decimal(str(req.request_minutes))
    if not 0 < minutes <= total or minutes != minutes.to_integral_value():
        raise InputError(f"request_minutes must be a whole number of minutes between 1 and "
                         f"{total} (the minutes of the period).")
    w.steps.append(f"服务总分钟数 = 服务周期内收到有效请求的分钟数 = {minutes:f} 分钟")
    w.cite(c.source)
    return int(minutes)


def window_availability(w: Work, c: Counting, req: CreditRequest, year: int, month: int,
                        total: int) -> Decimal:
    """Availability from statistics windows and their error rates.

    An SLA averaging 5-minute error rates (EMR 23895: ``1 − Σ每5分钟错误率 / 服务月度内总的5分钟
    个数``): June 2024 has 8640 windows; 12 at 100% and 60 at 10% -> 1 − 18 / 8640 = 99.7917%.
    An SLA saying when a window is unavailable (``bad_window``, Web 应用托管 37289: error rate
    over 5 % in a 5-minute window): 12 windows at 100 %, 6 at 8 %, 10 at 2 % -> 18 windows, 90
    minutes. Any other SLA: a window where every request failed is unavailable whatever its
    threshold, so whole-failure windows count as downtime; partial error rates need the SLA's own
    per-window rule, which only the user's console applies (asked for).
    """
    groups = req.error_windows or ()
    size = c.window_minutes or groups[0].minutes
    if any(g.minutes != size for g in groups):
        raise InputError(f"{w.sla.doc_title} counts {size}-minute windows; give error_windows "
                         f"of {size} minutes, downtime_minutes or availability_pct.")
    windows = total // size
    bad = sum(g.count for g in groups)
    if bad > windows:
        raise InputError(f"{bad} windows of {size} minutes are more than the period has "
                         f"({windows}); check error_windows.")
    said = "、".join(f"{g.count} 个 {size} 分钟窗口错误率 {g.error_pct}%" for g in groups)
    if c.kind == "window_error_rate":
        rates = sum((g.count * Decimal(str(g.error_pct)) / 100 for g in groups), Decimal(0))
        value = (Decimal(1) - rates / Decimal(windows)) * 100
        w.steps.append(f"协议按每{size}分钟错误率的平均值计算：{said}，其余为0%；"
                       f"1 − {rates.normalize():f} / {windows} = {value:.4f}%")
        w.cite(c.source)
        return value
    rule = c.bad_window
    timed = all(g.at is not None and g.count == 1 for g in groups)
    if rule is not None and rule.minutes == size and c.consecutive_windows and timed:
        return _runs_of_abnormal(w, c, rule, groups, year, month, total)
    if rule is not None and rule.minutes == size and not c.consecutive_windows:
        bad = sum(g.count for g in groups if Decimal(str(g.error_pct)) > rule.error_above)
        return _windows_down(w, c, (year, month, total), Decimal(bad * size),
                             f"{said}：错误率超过 {rule.error_above}% 的窗口计为不可用，共 {bad} 个")
    if c.consecutive_windows or any(Decimal(str(g.error_pct)) != 100 for g in groups):
        raise InputError(f"{w.sla.doc_title} decides by its own rule which windows are "
                         "unavailable; give downtime_minutes (the unavailable minutes) or "
                         "availability_pct.")
    return _windows_down(w, c, (year, month, total), Decimal(bad * size),
                         f"{said}：全部请求失败的窗口计为不可用")


def _windows_down(w: Work, c: Counting, period: tuple[int, int, int], down: Decimal,
                  counted: str) -> Decimal:
    """The availability of ``down`` minutes of unavailable windows, with the steps saying which
    windows were ``counted``."""
    year, month, total = period
    w.steps.append(_period_words(w, year, month, total))
    w.steps.append(f"{counted}，{down} 分钟")
    value = availability(total, down)
    w.steps.append(f"服务可用性 = ({total} − {down}) / {total} × 100% = {value:.4f}%")
    w.cite(c.source)
    return value


def _runs_of_abnormal(w: Work, c: Counting, rule: BadWindow, groups: Sequence[ErrorWindows],
                      year: int, month: int, total: int) -> Decimal:
    """Windows said one by one with their start, for an SLA counting only runs of abnormal
    windows (EO 13273: 错误率大于0.1%，视为该单位时间异常，连续两个单位时间出现异常，则此10分钟算为不可用):
    every abnormal window in a run of at least ``consecutive_windows`` adjacent ones counts whole;
    a lone abnormal window does not. 10:05 0.35 %, 10:10 0.62 %, 10:20 1.2 %, 10:30–10:45 over
    0.1 % -> 2 + 4 windows, 30 minutes."""
    size, least = rule.minutes, c.consecutive_windows
    bad = sorted(int(g.at) for g in groups
                 if g.at is not None and Decimal(str(g.error_pct)) > rule.error_above)
    runs: list[list[int]] = []
    for start in bad:
        if runs and start - runs[-1][-1] == size:
            runs[-1].append(start)
        else:
            runs.append([start])
    counted = sum(len(run) for run in runs if len(run) >= least)
    return _windows_down(w, c, (year, month, total), Decimal(counted * size),
                         f"错误率超过 {rule.error_above}% 的 {size} 分钟单位时间为异常，共 {len(bad)} 个；"
                         f"连续 {least} 个及以上异常的计入不可用：{counted} 个")


def failed_windows(w: Work, c: Counting, req: CreditRequest, total: int) -> Decimal:
    """Availability from downtime (or outages of total failure, added up) read as whole
    5-minute windows failing 100%, the rest 0%.

    The mean of the 5-minute error rates (EMR 23895: ``1 − Σ每5分钟错误率 / 服务月度内总的5分钟
    个数``) is then (1 − bad windows / windows): June 2024 has 8640 windows; 45 minutes = 9
    windows -> 1 − 9/8640 = 99.8958%, the same as (43200 − 45) / 43200.
    """
    window = c.window_minutes or 5
    down = Decimal(str(req.downtime_minutes)) if req.incidents_seconds is None else \
        Decimal(str(sum(req.incidents_seconds))) / 60  # outages of total failure, added up
    if down < 0 or down % window:
        raise InputError(f"{w.sla.doc_title} counts whole {window}-minute windows; give "
                         f"downtime_minutes as a multiple of {window}, or availability_pct.")
    windows, bad = total // window, int(down // window)
    if bad > windows:
        raise InputError(f"downtime {down} min is longer than the period ({total} min).")
    value = (Decimal(1) - Decimal(bad) / Decimal(windows)) * 100
    w.steps.append(f"协议按每{window}分钟错误率的平均值计算；{down} 分钟按 {bad} 个错误率为100%的"
                   f"{window}分钟单位计（其余为0%）：1 − {bad} / {windows} = {value:.4f}%")
    w.cite(c.source)
    return value


def counted_minutes(w: Work, c: Counting, req: CreditRequest) -> Decimal:
    """Downtime minutes: as given, or the incidents counted under the SLA's rule."""
    if req.incidents_seconds is None:
        return Decimal(str(req.downtime_minutes or 0))
    down = Decimal(0)
    parts = req.incident_parts or [None] * len(req.incidents_seconds)
    for seconds, part in zip(req.incidents_seconds, parts, strict=False):
        rule, said = _part_rule(c, Decimal(str(seconds)), part)
        counted = count_incident(Decimal(str(seconds)), rule)
        w.steps.append(f"故障 {seconds:g} 秒{said}：{counted.why}，计 {counted.minutes:g} 分钟")
        down += counted.minutes
    w.cite(c.source)
    return down


def parts_disagree(c: Counting, seconds: Decimal) -> bool:
    """Whether the parts' own thresholds count an outage of ``seconds`` differently."""
    return len({count_incident(seconds, r).minutes for r in _part_rules(c).values()}) > 1


def _part_rules(c: Counting) -> dict[str, Counting]:
    return {p.part: replace(c, ignore_up_to_seconds=p.ignore_up_to_seconds,
                            min_outage_minutes=p.min_outage_minutes) for p in c.parts}


def _part_rule(c: Counting, seconds: Decimal, part: str | None) -> tuple[Counting, str]:
    """The counting rule of the part an outage was in, where the parts' thresholds differ;
    an outage the parts would count differently, with no part given, is asked about."""
    if not c.parts:
        return c, ""
    rules = _part_rules(c)
    if part in rules:
        return rules[part], f"（{part}）"
    if parts_disagree(c, seconds):
        raise InputError(f"an outage of {seconds:g} s counts for one part and not another "
                         f"({'、'.join(rules)} have their own thresholds); give incident_parts, "
                         "the part each outage was in.")
    return c, ""


def _period_words(w: Work, year: int, month: int, total: int) -> str:
    w.cite(w.sla.period.source)
    if w.sla.period.kind == "thirty_days":
        return f"协议中的“月”按30个自然日计，共 {total} 分钟"
    if w.sla.period.kind == "service_year":
        return f"{year}年服务年度共 {total // 1440} 天，{total} 分钟"
    return f"{year}年{month}月共 {total // 1440} 天，{total} 分钟"
