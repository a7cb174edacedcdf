"""The batch path of ``python -m calculators credit``: one JSON request -> one JSON line.

Request fields are those of interfaces.md plus the extensions in ``calculators/README.md``;
``also_spec`` reads the CLI's ``--also`` into a ``measurements`` entry.
"""

from __future__ import annotations

import json
from typing import Any

from calculators.calendar import CalendarRangeError
from calculators.credit import compute
from calculators.engine import InputError
from calculators.lookup import find_sla
from calculators.request import parse_request
from calculators.rules import load_catalog

ALSO_KEYS = {"metric": "metric", "variant": "variant", "availability": "availability_pct",
             "downtime": "downtime_minutes", "incidents": "incidents_seconds",
             "requests": "requests"}


def also_spec(spec: str) -> dict[str, Any]:
    """``metric=单地域多可用区服务可用性;availability=99.2`` -> a ``measurements`` entry."""
    out: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        key, sep, value = part.partition("=")
        if not sep or key.strip() not in ALSO_KEYS:
            raise InputError(f"--also {spec!r}: write key=value pairs separated by ';' with keys "
                             f"{', '.join(ALSO_KEYS)}.")
        name, value = ALSO_KEYS[key.strip()], value.strip()
        try:
            if name == "incidents_seconds":
                out[name] = [float(v) for v in value.split()]
            elif name == "requests":
                out["total_requests"], out["failed_requests"] = (int(v) for v in value.split())
            else:
                out[name] = value
        except ValueError as exc:
            raise InputError(f"--also {spec!r}: {key} needs numbers ({exc}).") from exc
    return out


def window_spec(spec: str) -> dict[str, Any]:
    """``12x100`` (or ``12x100x5``) -> ``{"count": 12, "error_pct": "100", "minutes": 5}``."""
    parts = spec.lower().replace("%", "").split("x")
    try:
        count, pct = int(parts[0]), parts[1].strip()
        float(pct)
        minutes = int(parts[2]) if len(parts) > 2 else 5
    except (ValueError, IndexError) as exc:
        raise InputError(f"--error-windows {spec!r}: write COUNTxPCT, e.g. 12x100 for 12 "
                         "windows at 100% errors (add xMINUTES for windows other than 5).") \
            from exc
    return {"count": count, "error_pct": pct, "minutes": minutes}


def credit_result(data: dict[str, Any]) -> dict[str, Any]:
    """One batch request -> its RESULT dict (raises ``InputError`` naming what to fix)."""
    req = parse_request(data)
    sla = find_sla(load_catalog(), req.doc, req.doc_line)
    return compute(sla, req).to_dict()


def credit_record(data: dict[str, Any]) -> dict[str, Any]:
    """One batch line in, one batch line out (errors become ``ok: false``)."""
    try:
        return {"id": data.get("id"), "ok": True, "result": credit_result(data)}
    except (InputError, CalendarRangeError) as exc:
        return {"id": data.get("id"), "ok": False, "error": str(exc)}


def batch_record(raw: bytes, where: str) -> dict[str, Any]:
    """One raw batch line -> its output line; a line that is not UTF-8 JSON of one request
    object gets ``ok: false`` saying so, like any other bad request."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return {"id": None, "ok": False, "error": f"{where} is not UTF-8 text; save the file "
                "as UTF-8."}
    except json.JSONDecodeError as exc:
        return {"id": None, "ok": False, "error": f"{where} is not JSON ({exc.msg})."}
    if not isinstance(data, dict):
        return {"id": None, "ok": False, "error": f"{where} is not a JSON object of request "
                "fields (e.g. {\"doc\": \"CVM\", \"month\": \"2024-03\", ...})."}
    return credit_record(data)
