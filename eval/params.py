"""Parameter extraction of the credit questions: what the assistant read from the question
(document, metric, variant, month, monthly fee, the one measurement) against ``params`` of
``eval/datasets/calc_questions.jsonl``.

What the assistant extracted is the calculator request it builds: ``calculation["request"]``
when the RESULT carries it, otherwise the credit stage's own ``request(resolved, sla)`` for
the question (the same calls the pipeline makes, so it is scored whatever the route).
A field is compared only where the dataset states it (not null); ``doc`` always. Two
equivalences: one outage of M minutes may be read as ``downtime_minutes`` M or as
``incidents_seconds`` [60·M]; a variant matches when one name contains the other (the
catalog and the dataset word some variants differently: ``…可用性区域`` / ``…可用性区域的缓存``).

    >>> compare_params({"doc_line": 1285, "month": "2024-03", "downtime_minutes": 90},
    ...                {"doc_line": 1285, "month": "2024-03", "downtime_minutes": "90.0"})
    {'doc': True, 'month': True, 'measurement': True}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from assistant.conversation import Turn, resolve
from assistant.pipeline import Assistant
from eval.calc_dataset import CalcQuestion

FIELDS: tuple[str, ...] = ("doc", "metric", "variant", "month", "monthly_fee", "measurement")
MEASUREMENTS: tuple[str, ...] = ("downtime_minutes", "incidents_seconds", "availability_pct",
                                 "total_requests", "failed_requests")


def _number(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)).normalize() if value is not None else None
    except InvalidOperation:
        return None


def _same_number(got: Any, expected: Any) -> bool:
    if isinstance(expected, (list, tuple)):
        return (isinstance(got, (list, tuple)) and len(got) == len(expected)
                and all(_same_number(g, e) for g, e in zip(got, expected)))
    return _number(got) is not None and _number(got) == _number(expected)


def _one_outage(params: Mapping[str, Any]) -> Mapping[str, Any]:
    """``downtime_minutes`` M as ``incidents_seconds`` [60·M] (other measurements as given)."""
    minutes = _number(params.get("downtime_minutes"))
    if minutes is None:
        return params
    return {**params, "downtime_minutes": None, "incidents_seconds": [minutes * 60]}


def _same_variant(got: Any, expected: str) -> bool:
    a, b = re.sub(r"\s", "", str(got or "")), re.sub(r"\s", "", expected)
    return bool(a) and (a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a)))


def compare_params(got: Mapping[str, Any], expected: Mapping[str, Any]) -> dict[str, bool]:
    """Field -> extracted right, for the fields ``expected`` states."""
    checks = {"doc": got.get("doc_line") == expected.get("doc_line")}
    for name in ("metric", "month"):
        if expected.get(name) is not None:
            checks[name] = (got.get(name) or None) == expected[name]
    if expected.get("variant") is not None:
        checks["variant"] = _same_variant(got.get("variant"), expected["variant"])
    if expected.get("monthly_fee") is not None:
        checks["monthly_fee"] = _same_number(got.get("monthly_fee"), expected["monthly_fee"])
    if any(expected.get(name) is not None for name in MEASUREMENTS):
        want, have = _one_outage(expected), _one_outage(got)
        checks["measurement"] = all(_same_number(have.get(n), want[n]) for n in MEASUREMENTS
                                    if want.get(n) is not None)
    return checks


def extracted_params(assistant: Assistant, q: CalcQuestion,
                     calculation: Mapping[str, Any] | None) -> dict[str, Any]:
    """The calculator request the assistant made (or would make) for ``q``; ``{}`` when it
    finds no SLA for the question."""
    request = (calculation or {}).get("request")
    if isinstance(request, Mapping):
        return dict(request)
    history = [Turn(h.role, h.content) for h in q.history]
    resolved = resolve(q.question.strip(), history, assistant.products,
                       assistant.today or date.today())
    sla = assistant.credit.sla_for(resolved)
    if sla is None:
        return {}
    return assistant.credit.request(resolved, sla).model_dump(mode="json")
