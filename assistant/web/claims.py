"""The claim checker's logic: the form as a calculators request, the result card, the choices
that follow the chosen SLA. The credit itself is ``calculators.batch.credit_result``'s, so bad
input gets the calculators' own message (negative fee, malformed month, missing measurement).

Some SLAs read one more input (``calculators/README.md``): ``daily_fee`` (CMQ's per-minute
voucher), ``unit_price`` (credits paid in messages), ``order_fee`` (one-off services),
``service_end`` (claim window counted from the end of the service); ``needed_inputs`` says
which, the form shows only those, and where the calculators ask for one left blank the card
says so with the calculators' own words.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.answer import Citation
from assistant.web.calc_render import (
    message_html,
    steps_html,
    tier_table_html,
    verdict_html,
    window_html,
)
from assistant.web.export import INPUT_WORDS
from assistant.web.guard import USER_ERRORS
from assistant.web.library import Library
from assistant.web.render import citations_html
from calculators.batch import credit_result
from calculators.engine import InputError
from calculators.pay import FEE_NEEDED, QUANTITY_KINDS
from calculators.rules import SlaRule, TierTable

MEASURES = {
    "downtime": "不可用分钟数（已按协议计数）",
    "incidents": "故障列表（每次时长，秒）",
    "availability": "可用性 %（已按协议计算）",
    "requests": "请求总数 + 失败请求数",
    "late": "超时响应次数",
    "events": "发生的事件",
}
FIELD_WORDS = {"monthly_fee": "月度服务费", "month": "月份", "downtime_minutes": "不可用分钟数",
               "incidents_seconds": "故障时长", "availability_pct": "可用性",
               "total_requests": "请求总数", "failed_requests": "失败请求数",
               **{name: words for name, (words, _) in INPUT_WORDS.items()}}
EXTRA_INPUTS = tuple(INPUT_WORDS)   # daily_fee, unit_price, order_fee, service_end


def needed_inputs(sla: SlaRule | None) -> list[str]:
    """The extra inputs the SLA's rule reads, where the calculators read them: ``daily_fee``
    for a per-minute voucher given in prose (``credit.compute`` -> ``prose._per_minute``),
    ``unit_price`` for quantity credits and ``order_fee`` for a % of the order
    (``pay._quantity``, ``pay._fee``), ``service_end`` for a claim window counted from the
    end of the service (``engine.claim_dates``)."""
    if sla is None:
        return []
    kinds = {t.compensation for t in sla.tables}
    claim = sla.claim
    needs = {"daily_fee": (sla.prose is not None and not sla.tables
                           and sla.prose.kind == "per_minute_voucher"),
             "unit_price": bool(kinds & set(QUANTITY_KINDS)),
             "order_fee": "voucher_pct_of_order_fee" in kinds,
             "service_end": (claim.opens == "after_engagement"
                             or claim.deadline == "natural_days_after_engagement")}
    return [name for name in EXTRA_INPUTS if needs[name]]


def unit_price_label(sla: SlaRule | None) -> str:
    """``单价（元/条短信）``: the unit the SLA's quantity credit is paid in."""
    units = [QUANTITY_KINDS[t.compensation] for t in (sla.tables if sla else ())
             if t.compensation in QUANTITY_KINDS]
    return f"单价（元/{units[0]}）" if units else "单价（元）"


def measures_for(sla: SlaRule, metric: str | None) -> list[str]:
    """The measurements the SLA counts this metric by (first = the usual one)."""
    if sla.prose is not None and not sla.tables:
        return (["incidents", "downtime"] if sla.prose.kind == "per_minute_voucher"
                else ["requests", "availability"])
    tables = [t for t in sla.tables if t.metric == metric] or list(sla.tables)
    return list(dict.fromkeys(m for t in tables for m in _table_measures(sla, t)))


def _table_measures(sla: SlaRule, table: TierTable) -> list[str]:
    if table.measure == "event":
        return ["events"]
    if table.measure == "late_responses":
        return ["late"]
    if table.measure == "outage_minutes":
        return ["incidents"]
    if table.measure == "durability_pct":
        return ["availability"]
    counting = (table.counting or sla.counting).kind
    if counting == "success_rate":
        return ["requests", "availability"]
    if counting == "window_error_rate":
        return ["availability"]
    return ["downtime", "incidents", "availability"]


def events_for(sla: SlaRule) -> list[str]:
    return list(dict.fromkeys(t.event for table in sla.tables for t in table.tiers if t.event))


@dataclass(frozen=True)
class ClaimForm:
    """What the support agent typed, as the form holds it."""

    doc_line: int | None
    metric: str | None = None
    variant: str | None = None
    month: str = ""
    fee: float | None = None
    measure: str = "downtime"
    downtime: float | None = None
    incidents: str = ""
    availability: float | None = None
    total: float | None = None
    failed: float | None = None
    late: float | None = None
    events: list[str] = field(default_factory=list)
    daily_fee: float | None = None
    unit_price: float | None = None
    order_fee: float | None = None
    service_end: str = ""


def parse_incidents(text: str) -> list[float]:
    """``45, 61 600`` -> [45.0, 61.0, 600.0] (seconds)."""
    parts = [p for p in re.split(r"[\s,，、;；]+", text.strip()) if p]
    try:
        return [float(p) for p in parts]
    except ValueError:
        raise InputError("故障时长请写成秒数，用逗号或空格分隔，例如：45, 61, 600。") from None


def parse_number(text: str | float | None, label: str) -> float | None:
    """A number typed in a text box (blank = not given): ``"2,000"`` -> 2000.0."""
    if text is None or isinstance(text, int | float):
        return text
    cleaned = text.strip().replace(",", "").replace("，", "").removesuffix("%").strip()
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise InputError(f"{label}请填写数字，例如 2000；现在是 {text.strip()!r}。") from None


def claim_request(form: ClaimForm, inputs: Collection[str] | None = None) -> dict[str, Any]:
    """The form as a ``calculators credit`` request; only the chosen measurement is sent, and
    of the extra inputs only ``inputs`` (those the SLA reads; ``None``: all that are given)."""
    if form.doc_line is None:
        raise InputError("请先选择产品（SLA）：在“产品”框里输入名称或别名筛选，"
                         "例如 CVM、对象存储。")
    data: dict[str, Any] = {"doc_line": int(form.doc_line), "metric": form.metric or None,
                            "variant": form.variant or None, "month": (form.month or "").strip(),
                            "monthly_fee": form.fee}
    if form.measure == "downtime":
        data["downtime_minutes"] = form.downtime
    elif form.measure == "incidents" and form.incidents.strip():
        data["incidents_seconds"] = parse_incidents(form.incidents)
    elif form.measure == "availability":
        data["availability_pct"] = form.availability
    elif form.measure == "requests":
        data["total_requests"] = _count(form.total, "请求总数")
        data["failed_requests"] = _count(form.failed, "失败请求数")
    elif form.measure == "late":
        data["late_responses"] = _count(form.late, "超时响应次数")
    elif form.measure == "events" and form.events:
        data["events"] = list(form.events)
    extras = {"daily_fee": form.daily_fee, "unit_price": form.unit_price,
              "order_fee": form.order_fee, "service_end": form.service_end.strip() or None}
    data |= {k: v for k, v in extras.items() if inputs is None or k in inputs}
    return {k: v for k, v in data.items() if v is not None}


def _count(value: float | None, name: str) -> int | None:
    if value is None:
        return None
    if value != int(value):
        raise InputError(f"{name}应为整数，现在是 {value}。")
    return int(value)


def fix_message(error: str) -> str:
    """The calculators' message, prefixed with what it means on this form."""
    named = [f"{words}（{name}）" for name, words in FIELD_WORDS.items()
             if re.search(rf"\b{name}\b", error)]
    where = f"请修改{'、'.join(named[:2])}" if named else "请修改输入"
    return f"{where}：{error}"


def asked_for(request: dict[str, Any], result: dict[str, Any],
              inputs: Collection[str]) -> list[str]:
    """Where the calculators ask for one of ``inputs`` (or the monthly fee) the form left
    blank: what to fill in, in their words (``代金券金额需提供 daily_fee…``)."""
    said = [str(s) for s in [*(result.get("steps") or []), *(result.get("notes") or [])]]
    out: list[str] = []
    for name in [*inputs, "monthly_fee"]:
        asked = [s for s in said if re.search(rf"\b{name}\b", s)
                 or name in FEE_NEEDED and f"提供 {FEE_NEEDED[name]}" in s]
        if name not in request and asked:
            out.append(f"请填写{FIELD_WORDS[name]}（{name}）：{asked[0]}")
            said.remove(asked[0])       # one step asking for two inputs is said once
    return out


def to_citations(result: dict[str, Any]) -> tuple[Citation, ...]:
    """The RESULT's citations (interfaces.md CITATION) as the assistant's ``Citation``."""
    return tuple(Citation(c["doc_title"], c["doc_line"], c["section"], c["page"],
                          c["line_start"], c["line_end"], c["text"])
                 for c in result.get("citations") or [])


def result_card(result: dict[str, Any], library: Library, today: date,
                asked: Collection[str] = ()) -> str:
    """Eligible or not, availability, tier, credit, the claim window against today, the tier
    table, the steps and the citations; first, any input the calculators asked for."""
    wanted = "".join(message_html(words, "info") for words in asked)
    return (f'<div class="card">{wanted}{verdict_html(result)}{window_html(result, today)}'
            f"{tier_table_html(result, library)}{steps_html(result)}"
            f"{citations_html(to_citations(result), library)}</div>")


@dataclass(frozen=True)
class Checked:
    """One check: the request sent, the RESULT, the exclusions to tick, the card to show."""

    card: str
    request: dict[str, Any] | None = None
    result: dict[str, Any] | None = None
    exclusions: list[tuple[str, str]] = field(default_factory=list)


def check_claim(form: ClaimForm, library: Library, today: date) -> Checked:
    """Run the calculators on the form; a bad value is a message saying what to fix."""
    chosen = library.sla(int(form.doc_line)) if form.doc_line is not None else None
    inputs = needed_inputs(chosen) if chosen else None
    try:
        request = claim_request(form, inputs)
        result = credit_result(request)
    except USER_ERRORS as exc:
        return Checked(message_html(fix_message(str(exc))))
    sla = library.sla(int(result["doc_line"]))
    exclusions = library.exclusions(sla) if sla else []
    asked = asked_for(request, result, needed_inputs(sla))
    return Checked(result_card(result, library, today, asked), request, result, exclusions)


def short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
