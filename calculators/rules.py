"""The SLA rule catalog: typed rule objects and the loading/validation of its data file.

``calculators/data/sla_catalog.json`` is generated from the parsed agreements by
``python -m calculators extract`` and committed after review. Every element carries the
``Source`` it was read from (clause id, page, source lines, the words as written), so each
figure a calculator uses can be cited. Loading validates the file (pydantic over these
dataclasses) and checks the tables: rows sorted from best to worst, no gaps or overlaps
except the ones the text itself has (those are listed in the table's ``notes``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import TypeAdapter, ValidationError

CATALOG_FILE = "sla_catalog.json"

Measure = Literal["availability_pct", "durability_pct", "event", "late_responses",
                  "outage_minutes"]
CompensationKind = Literal[
    "voucher_pct_of_monthly_fee", "voucher_pct_of_order_fee", "voucher_per_minute_formula",
    "downtime_multiple_minutes", "vum_multiple", "extension_days", "extension_months",
    "extension_pct_of_term", "sms_count", "voice_minutes", "email_count", "view_count",
    "request_count"]
CountingKind = Literal["per_minute", "success_rate", "window_error_rate", "unit_windows"]
Rounding = Literal["ceil_minute", "floor_minute", "exact"]
Denominator = Literal["period", "request_minutes", "fleet_minutes", "usage_minutes"]
PeriodKind = Literal["natural_month", "whole_calendar_month", "anniversary_month",
                     "thirty_days", "service_year", "full_months_only"]
OpensKind = Literal["after_working_day_next_month", "after_working_day_after_period",
                    "after_engagement", "after_working_day_after_engagement", "none"]
DeadlineKind = Literal["natural_days_after_period", "months_after_period",
                       "day_of_next_month", "working_days_after_breach",
                       "natural_days_after_engagement", "none"]


class CatalogError(ValueError):
    """The rule file is missing or invalid; regenerate it with `python -m calculators extract`."""


@dataclass(frozen=True)
class Source:
    """Where a rule was read: clause id, its section, page and lines, and the words as written."""

    clause: str
    section: str
    page: int
    line_start: int
    line_end: int
    text: str


@dataclass(frozen=True)
class Tier:
    """One row of a compensation table; bounds as written (None = open end).

    ``value`` is the compensation in the table's unit: 10 for 月度服务费的10%, 2 for
    2倍…不可用分钟数, 1 for 额外一个月的服务使用时间, 3 for 3个自然日.
    """

    text: str
    lower: Decimal | None
    lower_inclusive: bool
    upper: Decimal | None
    upper_inclusive: bool
    value: Decimal
    source: Source
    event: str | None = None


@dataclass(frozen=True)
class TierTable:
    """The compensation table of one metric (and variant) with the commitment it belongs to.

    ``counting`` overrides the SLA's counting rule for this table only (Redis global
    replication counts outages by their actual length, 8946–8948).
    """

    metric: str
    variant: str | None
    measure: Measure
    committed: Decimal | None
    committed_source: Source | None
    compensation: CompensationKind
    unit: str
    fee_basis: str
    header: Source | None
    tiers: tuple[Tier, ...]
    notes: tuple[str, ...] = ()
    counting: Counting | None = None


@dataclass(frozen=True)
class Counting:
    """How unavailable time (or the metric) is counted.

    ``per_minute``: incidents in minutes; an incident of at most ``ignore_up_to_seconds``
    does not count, one shorter than ``min_outage_minutes`` neither; the rest is rounded by
    ``rounding``; ``window_minutes`` > 0 counts whole windows; ``consecutive_windows`` = 2
    counts only runs of two bad windows (as 10 minutes); incidents less than
    ``merge_gap_minutes`` apart are one. ``excess_only``: only the part of an outage beyond
    ``min_outage_minutes`` counts (ACE 18601–18603: ``加固功能整体失效持续影响6分钟，则计入服务
    不可用分钟数为1分钟``). ``denominator`` ``request_minutes``: availability is over the
    minutes that had valid requests, not the whole period (内容安全 35127: ``服务总分钟数：服务
    周期内服务端接收到有效服务请求的分钟数之和``); ``fleet_minutes``: over the minutes of all
    instances (ECM 13892: ``月度内总天数 × 24（小时）× 60（分钟）× 实例总数``). ``all_of``: the parts
    that must all be unavailable in a minute for it to count (智能导诊 54826: ``只有在您连续调用服务
    接口失败，且一分钟内控制台功能连续不可用情况下``); the engine counts the minutes it is given, the
    assistant does not give it minutes when the user says one of the parts worked.
    """

    kind: CountingKind
    ignore_up_to_seconds: int = 0
    min_outage_minutes: int = 0
    rounding: Rounding = "ceil_minute"
    window_minutes: int = 0
    consecutive_windows: int = 0
    merge_gap_minutes: int = 0
    min_requests_per_window: int = 0
    excess_only: bool = False
    denominator: Denominator = "period"
    source: Source | None = None
    all_of: tuple[str, ...] = ()  # parts that must all fail for a minute to count (接口, 控制台)
    parts: tuple[PartCounting, ...] = ()  # parts with thresholds of their own, where they differ
    bad_window: BadWindow | None = None  # when a statistics window is unavailable
    any_success_available: bool = False  # 部分成功时…视为该分钟内的本服务是可用的
    maintenance_excluded: bool = False  # 腾讯云预先通知您后进行系统维护所引起的 / 日常系统维护时间
    valid_numbers_only: bool = False  # 发送至非有效号码的短信不计入发送短信有效数


@dataclass(frozen=True)
class BadWindow:
    """A statistics window is unavailable when its error rate is above ``error_above`` %
    (Web 应用托管 37289: ``单位时间内（5分钟为一个统计粒度）错误率超过5%，视为该单位时间的服务不
    可用``). The engine applies it to windows the user counted with their error rates; an
    outage given in minutes is still counted by ``kind`` (where a window starts is unknown)."""

    minutes: int
    error_above: Decimal


@dataclass(frozen=True)
class PartCounting:
    """One part of the service counted by its own threshold, where the parts' thresholds
    differ (终端性能监控 43437–43443: the 控制台 counts an outage of exactly 5 minutes, the 接口
    does not)."""

    part: str
    ignore_up_to_seconds: int = 0
    min_outage_minutes: int = 0


@dataclass(frozen=True)
class ServicePeriod:
    kind: PeriodKind
    source: Source | None = None


@dataclass(frozen=True)
class ClaimWindow:
    """When a claim may be filed: opens after the Nth working day; deadline N days/months."""

    opens: OpensKind
    opens_n: int
    deadline: DeadlineKind
    deadline_n: int
    source: Source | None = None


@dataclass(frozen=True)
class Cap:
    """Credit per period at most ``pct`` % of the fee (100 = that period's fee)."""

    pct: Decimal
    source: Source | None = None


@dataclass(frozen=True)
class ProseRule:
    """A rule given in sentences rather than a table.

    ``per_minute_voucher`` (CMQ): voucher = daily fee ÷ 24 ÷ 60 × outage minutes × factor;
    ``failed_requests_multiple``: credit = failed requests × factor, in requests.
    """

    kind: Literal["per_minute_voucher", "failed_requests_multiple"]
    factor: Decimal
    source: Source
    cap_text: str = ""
    committed: Decimal | None = None
    committed_source: Source | None = None


@dataclass(frozen=True)
class DefaultVariant:
    """A variant the agreement sets for a case: ``同地域服务等级默认为金`` -> (同地域, 金);
    ``fixed`` when the text says it cannot be changed (``不可修改``): then it holds whatever
    variant the customer thinks they chose."""

    scope: str
    variant: str
    source: Source
    fixed: bool = False


@dataclass(frozen=True)
class Scope:
    """The editions or deployments an SLA covers when it covers only some, in its own words:
    ``本协议仅适用于云数据库 SQL Server 的双节点（原高可用版和集群版）和多节点实例`` -> covered
    (双节点, 高可用版, 集群版, 多节点); ``单节点的实例不适用于本协议`` -> excluded (单节点). A question
    naming none of them is asked which it is (unless it pays a fee and the only ones left out
    are free); one naming only an excluded one is told the SLA does not cover it."""

    covered: tuple[str, ...]
    excluded: tuple[str, ...]
    source: Source
    free: tuple[str, ...] = ()  # excluded editions the text calls free (a paying user has not)
    ask_when_unnamed: bool = True  # False: only a question naming an excluded one is told so


@dataclass(frozen=True)
class AnnualFee:
    """The SLA's own rule for the monthly fee of a service bought by the year: ``twelfths``
    (``月度服务费等于单个年度服务费除以12``, 18405) or ``per_day`` (腾讯电子签 52070: ``年度服务费
    /365天*服务月度内实际使用的天数``). Without one, an annual fee is divided by 12."""

    split: Literal["twelfths", "per_day"]
    source: Source | None = None


@dataclass(frozen=True)
class SlaRule:
    """Everything one SLA says about computing a credit, or why nothing can be computed."""

    doc_id: str
    doc_title: str
    doc_line: int
    product: str
    aliases: tuple[str, ...]
    computable: bool
    reason: str | None
    reason_source: Source | None
    tables: tuple[TierTable, ...]
    counting: Counting
    period: ServicePeriod
    fee_source: Source | None
    cap: Cap | None
    higher_of: Source | None
    prose: ProseRule | None
    claim: ClaimWindow
    exclusions: tuple[str, ...]
    notes: tuple[str, ...] = ()
    rule_kinds: tuple[str, ...] = field(default=())
    defaults: tuple[DefaultVariant, ...] = ()
    annual_fee: AnnualFee | None = None  # how an annual fee becomes the month's fee
    scope: Scope | None = None  # the editions it covers, when it covers only some

    def metrics(self) -> list[str]:
        return list(dict.fromkeys(t.metric for t in self.tables))

    def variants(self, metric: str | None = None) -> list[str]:
        return [t.variant for t in self.tables
                if t.variant and (metric is None or t.metric == metric)]


@dataclass(frozen=True)
class Catalog:
    version: int
    corpus_sha256: str
    slas: tuple[SlaRule, ...]

    def by_doc_line(self, doc_line: int) -> SlaRule | None:
        return next((s for s in self.slas if s.doc_line == doc_line), None)


_ADAPTER = TypeAdapter(Catalog)


def check_table(table: TierTable) -> list[str]:
    """Problems of one table: rows not ordered best to worst, gaps or overlaps not noted."""
    problems: list[str] = []
    if table.measure not in ("availability_pct", "durability_pct"):
        return problems
    uppers = [t.upper for t in table.tiers]
    known = {u for u in uppers if u is not None}
    if sorted(known, reverse=True) != [u for u in uppers if u is not None]:
        problems.append(f"{table.metric}/{table.variant}: rows not ordered by upper bound")
    for above, below in zip(table.tiers, table.tiers[1:]):
        if above.lower != below.upper:
            note = f"gap or overlap between {above.text!r} and {below.text!r}"
            if not any("间断" in n or "重叠" in n for n in table.notes):
                problems.append(f"{table.metric}/{table.variant}: {note}")
    return problems


def catalog_from_json(text: str) -> Catalog:
    """Validate a catalog given as JSON text (raises ``CatalogError`` naming the problem)."""
    try:
        catalog = _ADAPTER.validate_json(text)
    except ValidationError as exc:
        raise CatalogError(f"Invalid SLA catalog: {exc.errors()[0]}. Regenerate it with "
                           "`python -m calculators extract`.") from exc
    problems = [p for sla in catalog.slas for t in sla.tables for p in check_table(t)]
    if problems:
        raise CatalogError(f"Invalid SLA catalog: {problems[0]}")
    return catalog


def catalog_to_json(catalog: Catalog) -> str:
    data = _ADAPTER.dump_python(catalog, mode="json")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@cache
def load_catalog() -> Catalog:
    """The committed catalog (``calculators/data/sla_catalog.json``), validated once."""
    path = resources.files("calculators.data").joinpath(CATALOG_FILE)
    if not path.is_file():
        raise CatalogError(f"No SLA catalog at calculators/data/{CATALOG_FILE}; run "
                           "`python -m calculators extract`.")
    return catalog_from_json(path.read_text(encoding="utf-8"))
