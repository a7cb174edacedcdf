"""The claim checker's logic: the form as a calculators request, the result card, the choices
that follow the chosen SLA. The credit itself is ``calculators.batch.credit_result``'s, so bad
input gets the calculators' own message (negative fee, malformed month, missing measurement).
"""

from __future__ import annotations

import re
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
from assistant.web.guard import USER_ERRORS
from assistant.web.library import Library
from assistant.web.render import citations_html
from calculators.batch import credit_result
from calculators.engine import InputError
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
               "total_requests": "请求总数", "failed_requests": "失败请求数"}


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


def claim_request(form: ClaimForm) -> dict[str, Any]:
    """The form as a ``calculators credit`` request; only the chosen measurement is sent."""
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


def to_citations(result: dict[str, Any]) -> tuple[Citation, ...]:
    """The RESULT's citations (interfaces.md CITATION) as the assistant's ``Citation``."""
    return tuple(Citation(c["doc_title"], c["doc_line"], c["section"], c["page"],
                          c["line_start"], c["line_end"], c["text"])
                 for c in result.get("citations") or [])


def result_card(result: dict[str, Any], library: Library, today: date) -> str:
    """Eligible or not, availability, tier, credit, the claim window against today, the tier
    table, the steps and the citations."""
    return (f'<div class="card">{verdict_html(result)}{window_html(result, today)}'
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
    try:
        request = claim_request(form)
        result = credit_result(request)
    except USER_ERRORS as exc:
        return Checked(message_html(fix_message(str(exc))))
    sla = library.sla(int(result["doc_line"]))
    exclusions = library.exclusions(sla) if sla else []
    return Checked(result_card(result, library, today), request, result, exclusions)


def short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
