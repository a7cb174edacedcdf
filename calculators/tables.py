"""Which table of an SLA a request means: by metric, variant and the measurement given."""

from __future__ import annotations

import re

from calculators.engine import InputError
from calculators.request import CreditRequest
from calculators.rules import SlaRule, TierTable


def _norm(text: str) -> str:
    return text.replace(" ", "").replace("（", "(").replace("）", ")").lower()


def _matches(name: str | None, wanted: str) -> bool:
    """``wanted`` names ``name``: equal, contained, one of its ``/`` parts, or every one of its
    own ``及/和/与/、`` parts contained in a part of ``name``.

    >>> _matches("服务有效期/服务响应时长", "服务有效期及响应时长")
    True
    """
    if not name:
        return False
    a, b = _norm(name), _norm(wanted)
    if a == b or b in a or any(b == part for part in a.split("/")):
        return True
    pieces = [p for p in re.split(r"及|和|与|、", b) if len(p) >= 2]
    return len(pieces) > 1 and all(any(p in part for part in a.split("/")) for p in pieces)


def _by_measure(sla: SlaRule, req: CreditRequest) -> list[TierTable]:
    tables = list(sla.tables)
    if req.events:
        return [t for t in tables if t.measure == "event"] or tables
    if req.late_responses is not None:
        return [t for t in tables if t.measure == "late_responses"] or tables
    return [t for t in tables if t.measure not in ("event", "late_responses")] or tables


def candidate_tables(sla: SlaRule, req: CreditRequest) -> list[TierTable]:
    """The tables a request may mean: one, or several variants of one metric when no variant
    was given. An unknown metric or variant lists the choices."""
    tables = _by_measure(sla, req)
    if req.metric:
        chosen = [t for t in tables if _matches(t.metric, req.metric)]
        if not chosen and len(tables) == 1 and tables[0].measure in ("event", "late_responses"):
            chosen = tables            # the only table of its kind, whatever it is called
        if not chosen:
            raise InputError(f"{sla.doc_title} has no metric {req.metric!r}; choose one of: "
                             f"{', '.join(dict.fromkeys(t.metric for t in tables))}.")
        tables = chosen
    elif len({t.metric for t in tables}) > 1:
        tables = [t for t in tables if t.measure != "durability_pct"] or tables
        if len({t.metric for t in tables}) > 1 and not req.variant:
            raise InputError(f"{sla.doc_title} has several metrics; give metric, one of: "
                             f"{', '.join(dict.fromkeys(t.metric for t in tables))}.")
    if req.variant:
        exact = [t for t in tables if t.variant and _norm(t.variant) == _norm(req.variant)]
        chosen = exact or [t for t in tables if _matches(t.variant, req.variant)
                  or (t.committed is not None and req.variant.rstrip("%") == str(t.committed))]
        if not chosen:
            raise InputError(f"{sla.doc_title} has no variant {req.variant!r}; choose one of: "
                             f"{', '.join(str(t.variant) for t in tables)}.")
        tables = chosen
    if not tables:
        raise InputError(f"{sla.doc_title} has no table for that measurement.")
    return tables


def choose_table(sla: SlaRule, req: CreditRequest) -> TierTable:
    """The one table a request is about; several variants -> ``InputError`` with the choices."""
    tables = candidate_tables(sla, req)
    if len(tables) > 1:
        raise InputError(f"{sla.doc_title} has several variants; give variant, one of: "
                         f"{', '.join(str(t.variant) for t in tables)}.")
    return tables[0]
