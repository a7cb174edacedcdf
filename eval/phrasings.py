"""How the reader takes one fact said many ways: ``python -m eval phrasings``.

``eval/datasets/phrasings.json`` holds phrasings a helper wrote blind (without the code): one
fact each (a duration, several outages, a total, a fee with its basis, a month, an
availability, request counts, or a distractor to ignore) with its exact value. Each is put
into a plain question whose other facts are said one fixed way, read with
``assistant.reading.reader.read_query``, and scored on that fact only:

- ``exact``: the reading holds the value (a duration as one outage or as the total; a yearly
  fee as the year's amount or its twelfth; a prepayment spread over its months);
- ``asked``: the reading marks a number unclear, or leaves the fact out altogether (the
  assistant then asks for the month or the measurement, or says the amount needs the fee);
- ``wrong``: anything else — a value read differently.

A distractor is exact when the rest of the question reads as it does without it. No index,
no model: the suite runs in a few seconds.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from assistant.params import CreditQuery
from assistant.reading.reader import read_query

PHRASINGS = Path(__file__).parent / "datasets" / "phrasings.json"
TODAY = date(2026, 11, 29)  # the date the phrasings were written against ("上个月" = 2026-10)

# the other facts of each question, said one plain way; {} is where the phrasing goes
CARRIERS = {
    "zh": {"duration": "CVM 2025年3月 挂了 {}，月费 2000 元，能赔多少？",
           "outages": "CVM 2025年3月 断了：{}。月费 2000 元，能赔多少？",
           "total": "CVM 2025年3月 {}，月费 2000 元，能赔多少？",
           "fee": "CVM 2025年3月 挂了 90 分钟，{}，能赔多少？",
           "month": "CVM {} 挂了 90 分钟，月费 2000 元，能赔多少？",
           "availability": "CVM 2025年3月 {}，月费 2000 元，能赔多少？",
           "requests": "短信 2025年3月 {}，月费 2000 元，能赔多少？",
           "distractor": "CVM 2025年3月 挂了 90 分钟，{}，月费 2000 元，能赔多少？"},
    "en": {"duration": "Our CVM was down {} in March 2025. Fee 2000 CNY a month. Credit?",
           "outages": "Our CVM in March 2025: {}. Fee 2000 CNY a month. Credit?",
           "total": "Our CVM in March 2025: {}. Fee 2000 CNY a month. Credit?",
           "fee": "Our CVM was down 90 minutes in March 2025; {}. Credit?",
           "month": "Our CVM was down 90 minutes {}. Fee 2000 CNY a month. Credit?",
           "availability": "Our CVM in March 2025: {}. Fee 2000 CNY a month. Credit?",
           "requests": "SMS in March 2025: {}. Fee 2000 CNY a month. Credit?",
           "distractor": "Our CVM was down 90 minutes in March 2025 ({}). Fee 2000 CNY a month. "
                         "Credit?"},
}
VERDICTS = ("exact", "asked", "wrong")


@dataclass(frozen=True)
class Phrasing:
    kind: str
    lang: str
    text: str
    value: Any


def load_phrasings(path: Path = PHRASINGS) -> list[Phrasing]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [Phrasing(r["kind"], r["lang"], r["text"], r.get("value")) for r in rows
            if r.get("kind") in CARRIERS["zh"] and r.get("lang") in CARRIERS]


def question(p: Phrasing) -> str:
    return CARRIERS[p.lang][p.kind].format(p.text)


def _money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _holds(p: Phrasing, q: CreditQuery) -> bool:
    """Whether the reading holds the phrasing's value."""
    seconds = list(q.incidents_seconds)
    minutes = q.downtime_minutes
    if p.kind == "duration":
        return seconds == [int(p.value)] or (not seconds and minutes is not None
                                             and minutes * 60 == int(p.value))
    if p.kind == "outages":
        listed = sorted(int(s) for s in p.value)
        return sorted(seconds) == listed or _per_instance(q) == listed
    if p.kind == "total":
        said = Decimal(str(p.value))
        return (minutes == said and not seconds) or (minutes is None and sum(seconds) == said * 60)
    if p.kind == "fee":
        return _fee_holds(p.value, q)
    if p.kind == "month":
        return q.month == p.value
    if p.kind == "availability":
        return q.availability_pct == Decimal(str(p.value))
    if p.kind == "requests":
        return (q.total_requests, q.failed_requests) == (p.value["total"], p.value["failed"])
    return False


def _per_instance(q: CreditQuery) -> list[int]:
    """Outages said one per instance, in seconds, as the typed reading keeps them: each
    instance's own downtime (ins-a1 15 分钟，ins-b2 25 分钟), or N instances each down for one
    length (3 台各自 2 小时)."""
    if q.instance_minutes:
        return sorted(int(m * 60) for m in q.instance_minutes)
    counts = [int(n) for u in q.uses if u.role == "instances"
              for n in re.findall(r"\d+", u.text)[:1]]
    if len(q.incidents_seconds) == 1 and (q.instances or len(counts) == 1):
        return [q.incidents_seconds[0]] * (q.instances or counts[0])
    return []


def _fee_holds(value: dict[str, Any], q: CreditQuery) -> bool:
    fee = q.monthly_fee
    if fee is not None and q.fee_each and q.instances:  # 500 元/台 × 4 台: read as each one's
        fee = fee * q.instances                          # fee and the count, whose total it is
    if "monthly" in value:
        return fee is not None and _money(fee) == _money(value["monthly"])
    if "paid_this_month" in value:
        return fee is not None and _money(fee) == _money(value["paid_this_month"])
    if "annual" in value:
        year = _money(value["annual"])
        return (q.annual_fee is not None and _money(q.annual_fee) == year) or (
            fee is not None and _money(fee) == _money(year / 12))
    if "prepaid_total" in value:
        spread = _money(Decimal(str(value["prepaid_total"])) / int(value["months"]))
        return fee is not None and _money(fee) == spread
    return False


BASE = {"zh": "CVM 2025年3月 挂了 90 分钟，月费 2000 元，能赔多少？",
        "en": "Our CVM was down 90 minutes in March 2025. Fee 2000 CNY a month. Credit?"}


def _figures(q: CreditQuery) -> tuple[object, ...]:
    return (q.month, q.monthly_fee, q.incidents_seconds, q.downtime_minutes,
            q.availability_pct, q.total_requests, q.failed_requests)


def verdict(p: Phrasing) -> str:
    q = read_query(question(p), TODAY)
    if p.kind == "distractor":
        same = _figures(q) == _figures(read_query(BASE[p.lang], TODAY))
        return "exact" if same and not q.unclear else "asked" if q.unclear else "wrong"
    if _holds(p, q):
        return "exact"
    return "asked" if q.unclear or _absent(p, q) else "wrong"


def _absent(p: Phrasing, q: CreditQuery) -> bool:
    """The fact left out of the reading altogether: the assistant asks for it (a month, a
    measurement) or says the amount needs it (a fee) — never a figure of its own."""
    if p.kind == "month":
        return q.month is None
    if p.kind == "fee":
        return q.monthly_fee is None and q.annual_fee is None
    return not q.has_measurement


def run_phrasings(phrasings: list[Phrasing]) -> dict[str, Any]:
    """Rates per kind and overall, with the phrasings read wrong (to read, on a dev file)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: list[dict[str, Any]] = []
    for p in phrasings:
        v = verdict(p)
        counts[p.kind][v] += 1
        counts["all"][v] += 1
        if v == "wrong":
            wrong.append({"kind": p.kind, "lang": p.lang, "text": p.text, "value": p.value})
    rates = {kind: {"n": sum(c.values()), **{v: round(c[v] / max(1, sum(c.values())), 3)
                                             for v in VERDICTS}}
             for kind, c in sorted(counts.items())}
    return {"phrasings": len(phrasings), "by_kind": rates, "wrong": wrong}
