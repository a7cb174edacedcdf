"""A generated suite of credit questions over every computable SLA, checked against the engine.

Each case starts from structured inputs (an SLA, its metric/variant, a month, a fee and one
measurement) and a phrasing template written by someone outside the team
(``eval/datasets/credit_templates.json``: 77 templates in 11 families, zh and en, customer and
support-agent voice). The slots are filled with the inputs written the many ways people
write them (``1,440 分钟``, ``1.2万``, ``两千块``, a prepaid total, an annual fee, a list of
outages in mixed units, counts of 5-minute units, ticket ids and outage times as
distractors). The expected RESULT is the engine run on the structured inputs, so the suite
checks the reading, not the engine: ``reader`` (the figures read equal the inputs), ``route``
and ``exact`` (availability to 4 places, amount, deadline), and ``wrong_amount`` (a computed
answer whose amount differs: the failure that must not happen).

``python -m eval generated [--n 2400] [--seed 7]`` runs it in full; ``tests/eval`` runs a
sample.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from assistant.conversation import resolve
from assistant.credit import CreditStage
from assistant.router import decide
from calculators.credit import compute
from calculators.engine import InputError
from calculators.request import CreditRequest
from calculators.rules import Catalog, SlaRule, load_catalog
from index.products import ProductTable
from index.sla_rules.claims import EDITION
from index.stores.chunkstore import load_documents

TEMPLATES = Path(__file__).parent / "datasets" / "credit_templates.json"
TODAY = date(2026, 11, 26)
FEES = (Decimal(500), Decimal(680), Decimal(1200), Decimal(2000), Decimal(3000), Decimal(4500),
        Decimal(12000), Decimal(25000))
CN_DIGITS = "零一二三四五六七八九"
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MEASURE_FAMILIES = {  # which families fit an SLA measured this way
    "availability_pct": ("basic_downtime", "incidents", "availability", "units", "annual_fee",
                         "prepaid", "paid_fee", "distractors", "deadline_too", "no_fee"),
    "window_error_rate": ("availability", "requests", "paid_fee", "deadline_too", "no_fee"),
    "success_rate": ("requests", "availability", "deadline_too", "no_fee"),
}


@dataclass(frozen=True)
class GenCase:
    """One generated question with the inputs it was written from."""

    id: str
    family: str
    template: str
    lang: str
    question: str
    doc_line: int
    inputs: dict[str, Any]            # the CreditRequest fields
    fee: Decimal | None               # the monthly fee the question implies
    asks_edition: bool = False        # the SLA covers some editions and the question names none


@dataclass
class GenScores:
    cases: int = 0
    by_family: dict[str, Counter[str]] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)

    def add(self, case: GenCase, flags: dict[str, bool], detail: dict[str, Any]) -> None:
        self.cases += 1
        counter = self.by_family.setdefault(case.family, Counter())
        counter["n"] += 1
        for name, value in flags.items():
            counter[name] += int(value)
        if not flags["exact"]:
            self.failures.append({"id": case.id, "question": case.question, **detail})

    def rate(self, name: str, family: str | None = None) -> float:
        rows = [self.by_family[family]] if family else list(self.by_family.values())
        n = sum(r["n"] for r in rows)
        return sum(r[name] for r in rows) / n if n else 0.0

    def record(self) -> dict[str, Any]:
        return {"cases": self.cases,
                "overall": {k: round(self.rate(k), 4) for k in ("reader", "route", "exact",
                                                                 "wrong_amount")},
                "by_family": {f: {"n": c["n"], **{k: round(self.rate(k, f), 4) for k in (
                    "reader", "route", "exact", "wrong_amount")}}
                    for f, c in sorted(self.by_family.items())},
                "failures": self.failures[:200]}


def _grouped(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"


def _cn_number(value: int) -> str:
    """``2000`` -> ``两千``, ``12000`` -> ``一万两千``, ``680`` -> ``六百八十`` (to 99,999)."""
    if value == 0:
        return "零"
    units = ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"))
    out, rest, gap = "", value, False
    for size, word in units:
        digit, rest = divmod(rest, size)
        if digit:
            if gap and out:
                out += "零"
            out += ("两" if digit == 2 and size >= 1000 else CN_DIGITS[digit]) + word
            gap = False
        elif out:
            gap = True
    if rest:
        out += ("零" if gap and out else "") + CN_DIGITS[rest]
    return out.replace("一十", "十") if out.startswith("一十") else out


def fee_text(fee: Decimal, lang: str, rng: random.Random) -> str:
    whole = int(fee)
    if lang == "en":
        return rng.choice([f"{_grouped(fee)} CNY a month", f"CNY {_grouped(fee)}/month",
                           f"a monthly fee of {_grouped(fee)} RMB", f"¥{_grouped(fee)} per month"])
    forms = [f"月费 {_grouped(fee)} 元", f"每月 {whole} 块", f"月费¥{_grouped(fee)}",
             f"月费{_cn_number(whole)}元", f"每个月 {whole} 元"]
    if whole % 1000 == 0:
        forms.append(f"月费 {whole // 1000}千")
    if whole % 1000 == 0 and whole >= 10000:
        forms.append(f"每月{Decimal(whole) / 10000}万元")
    if whole >= 1000:
        forms.append(f"月费 {whole // 1000} {whole % 1000:03d} 元")
    return rng.choice(forms)


def month_text(month: str, lang: str, rng: random.Random) -> str:
    year, number = (int(x) for x in month.split("-"))
    if lang == "en":
        return rng.choice([f"{EN_MONTHS[number - 1]} {year}", f"in {EN_MONTHS[number - 1]} {year}",
                           f"{year}-{number:02d}"])
    return rng.choice([f"{year}年{number}月", f"{year}年{number}月份", f"{year}-{number:02d}",
                       f"{''.join(CN_DIGITS[int(d)] for d in str(year))}年{_cn_number(number)}月"])


def duration_text(seconds: int, lang: str, rng: random.Random) -> str:
    minutes, sec = divmod(seconds, 60)
    hours, mins = divmod(minutes, 60)
    if lang == "en":
        forms = [f"{_grouped(Decimal(minutes))} minutes"] if not sec else [f"{seconds} seconds"]
        if hours and not sec:
            forms.append(f"{hours}h{mins}m" if mins else f"{hours} hours")
            forms.append(f"{hours} hours {mins} minutes" if mins else f"{hours}h")
        if not hours and sec:
            forms.append(f"{minutes} min {sec} s" if minutes else f"{sec} seconds")
        return rng.choice(forms)
    forms = [f"{_grouped(Decimal(minutes))} 分钟"] if not sec else [f"{seconds} 秒"]
    if hours and not sec:
        forms.append(f"{hours}小时{mins}分" if mins else f"{hours}个小时")
        if mins == 30:
            forms.append(f"{_cn_number(hours)}个半小时")
    if sec and minutes:
        forms.append(f"{minutes}分{sec}秒")
    if not sec and minutes < 100:
        forms.append(f"{_cn_number(minutes)}分钟")
    return rng.choice(forms)


def _sep(lang: str) -> str:
    return "、" if lang == "zh" else ", "


SlotFill = Callable[[dict[str, Any], str, random.Random], str]


def fill_slots(family: str, inputs: dict[str, Any], fee: Decimal | None, lang: str,
               rng: random.Random) -> dict[str, str]:
    """The slot texts of one case, written from its structured inputs."""
    zh = lang == "zh"
    month = inputs["month"]
    slots = {"month": month_text(month, lang, rng)}
    if fee is not None:
        slots["fee"] = fee_text(fee, lang, rng)
        slots["fee_annual"] = (f"年费 {_grouped(fee * 12)} 元" if zh
                               else f"we pay {_grouped(fee * 12)} CNY a year")
        months = rng.choice((3, 6, 12))
        slots["fee_prepaid"] = (f"一次性预付了{months}个月共{fee * months:.0f}元" if zh
                                else f"prepaid {months} months for {_grouped(fee * months)} CNY")
        slots["fee_paid"] = (f"当月实付 {_grouped(fee)} 元" if zh
                             else f"actually paid {_grouped(fee)} CNY that month")
    if "downtime_minutes" in inputs:
        total = int(Decimal(inputs["downtime_minutes"]) * 60)
        said = duration_text(total, lang, rng)
        slots["downtime"] = rng.choice((f"累计不可用 {said}", f"一共挂了 {said}")) if zh \
            else f"down for {said} in total"
        count = int(Decimal(inputs["downtime_minutes"]) / 5)
        slots["units"] = (f"有 {count} 个 5 分钟统计周期不可用" if zh
                          else f"{count} five-minute intervals were bad")
    if "incidents_seconds" in inputs:
        parts = _sep(lang).join(duration_text(s, lang, rng) for s in inputs["incidents_seconds"])
        n = len(inputs["incidents_seconds"])
        slots["incidents"] = (f"断了{n}次，分别是 {parts}" if zh else
                              f"{n} outages: {parts}")
    if "availability_pct" in inputs:
        slots["availability"] = (f"可用性只有 {inputs['availability_pct']}%" if zh
                                 else f"uptime came in at {inputs['availability_pct']}%")
    if "total_requests" in inputs:
        total, failed = inputs["total_requests"], inputs["failed_requests"]
        slots["requests"] = (f"总共 {total:,} 次请求，失败 {failed} 次" if zh
                             else f"{total:,} requests, {failed} failed")
    day, hour = rng.randint(2, 27), rng.randint(0, 22)
    number = int(month.split("-")[1])
    slots["when"] = (f"{number}月{day}日 {hour:02d}:{rng.choice((5, 20, 40)):02d} 开始" if zh
                     else f"on the {day}th around {hour % 12 + 1}pm")
    slots["ticket"] = f"#{rng.randint(2024000000, 2024999999)}"
    return slots


def _measure(sla: SlaRule, table_measure: str) -> str:
    kind = sla.counting.kind if sla.counting is not None else ""
    if kind in ("window_error_rate", "success_rate"):
        return kind
    return "success_rate" if table_measure == "requests" else "availability_pct"


def _measurement(family: str, committed: Decimal, rng: random.Random) -> dict[str, Any]:
    """A measurement below the commitment (mostly), in the form the family writes."""
    gap = rng.choice((Decimal("0.01"), Decimal("0.05"), Decimal("0.3"), Decimal("1"),
                      Decimal("3"), Decimal("7")))
    target = max(Decimal("80"), committed - gap)
    if family in ("availability", "paid_fee") or (family == "no_fee" and rng.random() < 0.3):
        return {"availability_pct": str(target.quantize(Decimal("0.01")))}
    if family == "requests":
        total = rng.choice((100_000, 1_000_000, 2_500_000))
        failed = int(total * (100 - target) / 100) or 1
        return {"total_requests": total, "failed_requests": failed}
    minutes = int((100 - target) / 100 * 43200 / 5) * 5 or 5
    if family in ("incidents",) or (family in ("prepaid", "distractors", "deadline_too", "no_fee")
                                    and rng.random() < 0.5):
        parts = [minutes * 60 // 3 // 60 * 60, minutes * 60 // 3 // 60 * 60]
        parts.append(minutes * 60 - sum(parts))
        return {"incidents_seconds": [p for p in parts if p > 0]}
    return {"downtime_minutes": minutes}


def generate(catalog: Catalog, templates: Sequence[dict[str, Any]], n: int,
             seed: int = 7) -> list[GenCase]:
    """``n`` cases, cycling over every computable SLA and every template that fits it."""
    rng = random.Random(seed)
    slas = [s for s in catalog.slas if s.computable and s.tables]
    by_family: dict[str, list[dict[str, Any]]] = {}
    for t in templates:
        by_family.setdefault(t["family"], []).append(t)
    cases: list[GenCase] = []
    i = 0
    while len(cases) < n and slas:
        sla = slas[i % len(slas)]
        table = sla.tables[(i // len(slas)) % len(sla.tables)]
        i += 1
        if table.measure not in ("availability_pct", "requests") or table.committed is None:
            continue
        families = MEASURE_FAMILIES[_measure(sla, table.measure)]
        family = rng.choice(families)
        template = rng.choice(by_family[family])
        lang = template["lang"]
        fee = None if family == "no_fee" else rng.choice(FEES)
        month = f"{rng.choice((2024, 2025))}-{rng.randint(1, 12):02d}"
        inputs: dict[str, Any] = {"doc_line": sla.doc_line, "metric": table.metric,
                                  "variant": table.variant, "month": month,
                                  **_measurement(family, Decimal(table.committed), rng)}
        if fee is not None:  # an annual fee goes in as such: the SLA's own rule splits it
            inputs["annual_fee" if family == "annual_fee" else "monthly_fee"] = str(
                fee * 12 if family == "annual_fee" else fee)
        slots = fill_slots(family, inputs, fee, lang, rng)
        product = rng.choice(sla.aliases or (sla.product,))
        named = product + (f" {table.variant}" if table.variant else "")
        if len(sla.metrics()) > 1 and table.metric:
            named += f" {table.metric}"
        scope = sla.scope
        if scope and scope.covered and not any(w in named for w in scope.covered):
            named += f" {scope.covered[i % len(scope.covered)]}"  # 主机安全 旗舰版
        asks = bool(scope and scope.ask_when_unnamed and not scope.covered and not (
            fee is not None and set(scope.excluded) <= set(scope.free))
            and not set(EDITION.findall(named)) - set(scope.excluded))  # TSE: 单节点?
        slots["product"] = named
        try:
            question = template["text"].format(**slots)
        except KeyError:
            continue
        cases.append(GenCase(f"g{len(cases) + 1:04d}", family, template["id"], lang, question,
                             sla.doc_line, inputs, fee, asks))
    return cases


class CreditPath:
    """The assistant's calculator route alone (resolve -> decide -> credit stage): the same
    code as ``Assistant.ask`` on that route, without loading the retriever."""

    def __init__(self, index_dir: Path, catalog: Catalog, today: date = TODAY) -> None:
        documents = load_documents(index_dir)
        self.products = ProductTable.from_documents(documents)
        by_id = {d.id: d for d in documents}
        self.sla_products = {p.key for p in self.products.products
                             if any(by_id[d].kind == "sla" for d in p.doc_ids if d in by_id)}
        self.credit = CreditStage(catalog, by_id)
        self.today = today

    def ask(self, question: str) -> tuple[str, dict[str, Any] | None, Any]:
        resolved = resolve(question, [], self.products, self.today)
        decision = decide(resolved, self.sla_products)
        if decision.route != "calculator":
            return decision.route, None, resolved.query
        outcome = self.credit.run(resolved)
        route = "calculator" if outcome.result and not outcome.missing else "clarify"
        return route, outcome.result, resolved.query


def _expected(catalog: Catalog, case: GenCase) -> dict[str, Any] | None:
    sla = catalog.by_doc_line(case.doc_line)
    assert sla is not None
    try:
        return compute(sla, CreditRequest.model_validate(case.inputs)).to_dict()
    except InputError:
        return None


def _same(a: Any, b: Any, places: str) -> bool:
    if a is None or b is None:
        return a is None and b is None
    q = Decimal(places)
    return Decimal(str(a)).quantize(q) == Decimal(str(b)).quantize(q)


def score_case(path: CreditPath, catalog: Catalog, case: GenCase) -> tuple[dict[str, bool],
                                                                             dict[str, Any]]:
    expected = _expected(catalog, case)
    route, result, query = path.ask(case.question)
    reader = query.month == case.inputs["month"] and (
        case.fee is None or query.monthly_fee == case.fee) and not query.unclear
    if expected is None or case.asks_edition:  # a variant or edition to ask: clarify is right
        ok = route == "clarify"
        return {"reader": reader, "route": ok, "exact": ok, "wrong_amount": False}, {}
    r = result or {}
    exact = route == "calculator" and _same(r.get("availability_pct"),
                                            expected["availability_pct"], "0.0001") \
        and _same(r.get("credit_amount"), expected["credit_amount"], "0.01") \
        and (r.get("claim_window") or {}).get("deadline") == expected["claim_window"]["deadline"]
    wrong = route == "calculator" and not _same(r.get("credit_amount"),
                                                expected["credit_amount"], "0.01")
    detail = {"route": route, "got": {k: r.get(k) for k in ("availability_pct", "credit_amount")},
              "want": {k: expected.get(k) for k in ("availability_pct", "credit_amount")},
              "reading": [(u.text, u.role) for u in query.uses]}
    return {"reader": reader, "route": route == "calculator", "exact": exact,
            "wrong_amount": wrong}, detail


def load_templates() -> list[dict[str, Any]]:
    return list(json.loads(TEMPLATES.read_text(encoding="utf-8")))


def run_generated(index_dir: Path, n: int = 2400, seed: int = 7) -> GenScores:
    catalog = load_catalog()
    path = CreditPath(index_dir, catalog)
    scores = GenScores()
    for case in generate(catalog, load_templates(), n, seed):
        flags, detail = score_case(path, catalog, case)
        scores.add(case, flags, detail)
    return scores


