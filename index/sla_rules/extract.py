"""Build the SLA rule catalog from the parsed agreements (``python -m calculators extract``).

One ``SlaRule`` per SLA document (by ``doc_line``): its tables matched to commitments,
counting rule, service period, fee definition, cap, higher-of clause, prose rule, claim
window and exclusion clauses, each with its source; SLAs with nothing to compute carry the
reason and the clause to cite.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from decimal import Decimal

from calculators.rules import Catalog, Counting, Scope, SlaRule, TierTable
from index.domain import Document
from index.parser import Agreements
from index.products import ProductTable
from index.sla_rules.claims import (
    find_annual_fee,
    find_cap,
    find_claim_window,
    find_default_variants,
    find_exclusions,
    find_fee,
    find_higher_of,
    find_period,
    find_scope,
)
from index.sla_rules.commitments import Commitment, find_commitments
from index.sla_rules.counting import exact_counting, find_counting
from index.sla_rules.durability import durability_table
from index.sla_rules.sources import doc_lines
from index.sla_rules.special import (
    count_metric,
    count_tiers,
    duration_tiers,
    event_metric,
    event_tiers,
    not_computable_reason,
    prose_rule,
)
from index.sla_rules.tables import RawTable, find_tables

CATALOG_VERSION = 1
UNITS = {"voucher_pct_of_monthly_fee": "%", "voucher_pct_of_order_fee": "%",
         "downtime_multiple_minutes": "倍", "vum_multiple": "倍", "extension_days": "天",
         "extension_months": "月", "extension_pct_of_term": "%"}


def metric_of(header: str | None) -> str:
    if not header:
        return "服务可用性"
    text = re.sub(r"^(存储类型|服务等级|产品版本|服务类型|实例类型|套餐等级|QOS)\s*", "", header)
    m = re.search(r"(?:服务月度|服务年度|计费月度|服务周期)?的?\s*(\S*?(?:可用性|成功率))", text)
    return m.group(1) if m else "服务可用性"


def _match(raw: RawTable, commitments: list[Commitment], used: set[int]) -> Commitment | None:
    avail = [c for c in commitments if c.metric != "数据存储持久性"]
    free = [c for c in avail if id(c) not in used]
    top = raw.rows[0][1].upper
    if raw.label:
        named = [c for c in free if c.name and (c.name == raw.label or c.name in raw.label
                                                 or raw.label in c.name)]
        if named:
            return named[0]
    same = [c for c in free if c.value == top]
    if same:
        return same[0]
    values = {c.value for c in avail}
    if len(values) == 1:
        return avail[0]
    return None


def defined_metrics(doc: Document) -> list[str]:
    """Metric names the SLA defines or commits to (``单地域多可用区服务可用性 =`` 1702)."""
    names: list[str] = []
    for _, line, _ in doc_lines(doc):
        names += re.findall(r"([\u4e00-\u9fff]{2,14}(?:可用性|成功率))\s*[=＝：:]", line.text)
    names += [c.metric for c in find_commitments(doc)]
    return list(dict.fromkeys(names))


def fix_typo(metric: str, defined: list[str]) -> str:
    """A header's metric that differs from a defined one by a typo takes the defined name.

    裸金属 header 1754 ``单月度多可用区服务可用性`` vs its definition 1702
    ``单地域多可用区服务可用性``.
    """
    if metric in defined:
        return metric
    close = [d for d in defined if len(d) == len(metric)
             and difflib.SequenceMatcher(None, d, metric).ratio() >= 0.8]
    return close[0] if len(close) == 1 else metric


def build_tables(doc: Document, counting: Counting) -> list[TierTable]:
    raws, clause_of = find_tables(doc)
    commitments = find_commitments(doc)
    headed = [metric_of(r.header.text if r.header else None) for r in raws]
    defined = defined_metrics(doc)
    metrics = [fix_typo(m, defined) for m in headed]
    used: set[int] = set()
    tables: list[TierTable] = []
    for i, (raw, metric) in enumerate(zip(raws, metrics)):
        commit = _match(raw, commitments, used)
        if commit is not None:
            used.add(id(commit))
        top = raw.rows[0][1].upper
        notes: list[str] = []
        committed = commit.value if commit else top
        if commit is None:
            notes.append(f"承诺值未单独写明，取赔偿表首行上限 {top}%")
        elif top is not None and commit.value != top:
            notes.append(f"文本矛盾：承诺 {commit.value}%（第{commit.source.line_start}行），"
                         f"赔偿表首行上限为 {top}%（第{raw.rows[0][0].no}行）；两者均保留")
        if metrics[i] != headed[i]:
            notes.append(f"表头写作“{headed[i]}”，按协议定义称“{metrics[i]}”")
        variant = raw.label
        if variant is None and metrics.count(metric) > 1:
            variant = (commit.name if commit and commit.name else f"承诺{committed}%")
        payout = raw.rows[0][2]
        tiers = raw.tiers(clause_of)
        notes += _shape_notes(tiers)
        tables.append(TierTable(
            metric=metric, variant=variant, measure="availability_pct", committed=committed,
            committed_source=commit.source if commit else None,
            compensation=payout.kind, unit=UNITS.get(payout.kind, "%"),  # type: ignore[arg-type]
            fee_basis=payout.fee_basis, header=raw.header, tiers=tiers, notes=tuple(notes),
            counting=exact_counting(counting, commit.source)
            if commit and commit.exact_seconds else None))
    return tables


def _shape_notes(tiers: tuple) -> list[str]:  # type: ignore[type-arg]
    notes = []
    for above, below in zip(tiers, tiers[1:]):
        if above.lower != below.upper:
            notes.append(f"表中间断或重叠：{above.text!r} 与 {below.text!r}")
        elif above.lower_inclusive and below.upper_inclusive:
            notes.append(f"表中重叠：{above.lower}% 同时属于 {above.text!r} 与 {below.text!r}")
    if tiers and tiers[-1].lower is not None:
        notes.append(f"表中无低于 {tiers[-1].lower}% 的档位")
    return notes


def special_tables(doc: Document) -> list[TierTable]:
    out = []
    events = event_tiers(doc)
    if events:
        out.append(TierTable(event_metric(events), None, "event", None, None,
                             "voucher_pct_of_order_fee", "%", "服务费（订单实付金额）", None,
                             tuple(events),
                             ("两种超时同时出现时协议未写明是否累加，按较高者计算",)))
    counts = count_tiers(doc)
    if counts:
        out.append(TierTable(count_metric(counts), None, "late_responses", None, None,
                             "voucher_pct_of_monthly_fee", "%", "月度服务费", None,
                             tuple(counts)))
    durations = duration_tiers(doc)
    if durations:
        out.append(TierTable("持续不可用时间", None, "outage_minutes", None, None,
                             "voucher_pct_of_monthly_fee", "%", "月度服务费", None,
                             tuple(durations)))
    return out


def extract_sla(doc: Document, products: ProductTable) -> SlaRule:
    product = products.product_of(doc.id)
    counting = find_counting(doc)
    tables = build_tables(doc, counting)
    durability = durability_table(doc, find_commitments(doc))
    if durability is not None:
        tables.append(durability)
    tables += special_tables(doc)
    prose = prose_rule(doc)
    if prose is not None:
        commit = next((c for c in find_commitments(doc) if c.metric != "数据存储持久性"), None)
        if commit is not None:
            prose = replace(prose, committed=commit.value, committed_source=commit.source)
    computable = bool(tables) or prose is not None
    reason, reason_source = (None, None) if computable else not_computable_reason(doc)
    rule = SlaRule(
        doc_id=doc.id, doc_title=doc.title, doc_line=doc.doc_line,
        product=product.key if product else doc.title,
        aliases=product.aliases if product else (), computable=computable, reason=reason,
        reason_source=reason_source, tables=tuple(tables), counting=counting,
        period=find_period(doc), fee_source=find_fee(doc), cap=find_cap(doc),
        higher_of=find_higher_of(doc) if len(tables) > 1 else None, prose=prose,
        claim=find_claim_window(doc), exclusions=find_exclusions(doc),
        notes=tuple(n for t in tables for n in t.notes if n.startswith("文本矛盾")),
        defaults=find_default_variants(doc, [t.variant for t in tables if t.variant]),
        annual_fee=find_annual_fee(doc), scope=find_scope(doc) or _only_variant(tables))
    return replace(rule, rule_kinds=rule_kinds(rule))


def _only_variant(tables: list[TierTable]) -> Scope | None:
    """A compensation table that lists one named instance type only (物联网开发平台 53987:
    ``实例类型 … 公共实例``) covers that type: a question naming none is asked which it is."""
    variants = {t.variant for t in tables}
    header = tables[0].header if tables else None
    if len(variants) != 1 or None in variants or header is None:
        return None
    return Scope(covered=(str(tables[0].variant),), excluded=(), source=header)


def rule_kinds(rule: SlaRule) -> tuple[str, ...]:
    kinds: list[str] = []
    for t in rule.tables:
        kinds += [f"measure:{t.measure}", f"compensation:{t.compensation}"]
        kinds += ["bounds:upper_inclusive"] if any(x.upper_inclusive for x in t.tiers) else []
    c = rule.counting
    kinds.append(f"counting:{c.kind}")
    kinds += [f"rounding:{c.rounding}"] if c.kind == "per_minute" else []
    kinds += ["ignore_short_outages"] if c.ignore_up_to_seconds else []
    kinds += ["minimum_outage"] if c.min_outage_minutes else []
    kinds += ["whole_windows"] if c.window_minutes and c.kind == "per_minute" else []
    kinds += ["consecutive_windows"] if c.consecutive_windows else []
    kinds += ["merge_outages"] if c.merge_gap_minutes else []
    kinds += ["min_requests_per_window"] if c.min_requests_per_window else []
    kinds += [f"cap:{rule.cap.pct}%"] if rule.cap else []
    kinds += ["higher_of"] if rule.higher_of else []
    kinds += [f"prose:{rule.prose.kind}"] if rule.prose else []
    kinds += ["variants"] if any(t.variant for t in rule.tables) else []
    kinds += ["contradiction"] if rule.notes else []
    kinds.append(f"period:{rule.period.kind}")
    kinds.append(f"claim:{rule.claim.opens}/{rule.claim.deadline}")
    return tuple(dict.fromkeys(kinds))


def extract_catalog(agreements: Agreements) -> Catalog:
    products = ProductTable.from_documents(agreements.documents)
    slas = tuple(extract_sla(doc, products) for doc in agreements.documents
                 if doc.kind == "sla")
    return Catalog(version=CATALOG_VERSION, corpus_sha256=agreements.corpus.sha256,
                   slas=slas)


__all__ = ["extract_catalog", "extract_sla", "Decimal"]
