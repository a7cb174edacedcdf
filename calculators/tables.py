"""Which table of an SLA a request means: by metric, variant and the measurement given."""

from __future__ import annotations

from calculators.engine import InputError
from calculators.request import CreditRequest
from calculators.rules import SlaRule, TierTable


def _norm(text: str) -> str:
    return text.replace(" ", "").replace("（", "(").replace("）", ")").lower()


def _matches(name: str | None, wanted: str) -> bool:
    if not name:
        return False
    a, b = _norm(name), _norm(wanted)
    return a == b or b in a or any(b == part for part in a.split("/"))


def choose_table(sla: SlaRule, req: CreditRequest) -> TierTable:
    """The table a request is about; a missing or unknown variant lists the choices."""
    tables = list(sla.tables)
    if req.events:
        tables = [t for t in tables if t.measure == "event"]
    elif req.late_responses is not None:
        tables = [t for t in tables if t.measure == "late_responses"]
    else:
        tables = [t for t in tables if t.measure not in ("event", "late_responses")] or tables
    if req.metric:
        chosen = [t for t in tables if _matches(t.metric, req.metric)]
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
    if len(tables) > 1:
        raise InputError(f"{sla.doc_title} has several variants; give variant, one of: "
                         f"{', '.join(str(t.variant) for t in tables)}.")
    if not tables:
        raise InputError(f"{sla.doc_title} has no table for that measurement.")
    return tables[0]
