"""Compensation tables of an SLA: headers, variant labels and tier rows grouped into tables.

Rows are source lines (the parser keeps one row per line and rejoins rows a page break
split off), read in clause/block order so displaced rows follow their table. A table starts
at a header (``服务月度的服务可用性 赔偿代金券金额``), at a variant label on its own line
(``标准存储``, ``白金``, ``三节点多可用区``) or at a row whose upper bound is not below the
previous row's (the next table began without a header).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from calculators.rules import Source, Tier
from index.domain import Clause, Document, Line
from index.sla_rules.rows import Bounds, Payout, normalize, parse_bounds, parse_payout
from index.sla_rules.sources import doc_lines, source_of

HEADER = re.compile(r"(赔偿|赔付|延长|赠送).{0,12}$|^(服务等级|QOS|存储类型|产品类型|实例类型"
                    r"|套餐等级|服务类型|服务可用性\s|服务月度|计费月度|服务周期|服务年度)")
NOT_LABEL = ("说明", "注意", "注：", "服务可用性", "赔偿")


@dataclass
class RawTable:
    clause: Clause
    header: Source | None
    label: str | None
    label_line: Line | None = None
    rows: list[tuple[Line, Bounds, Payout]] = field(default_factory=list)
    lead: str = ""

    @property
    def top(self) -> float | None:
        upper = self.rows[0][1].upper if self.rows else None
        return float(upper) if upper is not None else None

    def tiers(self, clause_of: dict[int, Clause]) -> tuple[Tier, ...]:
        out = []
        for line, bounds, payout in self.rows:
            src = source_of(clause_of[line.no], [line], line.text.strip())
            text = _without_label(line.text.strip(), bounds.label)
            out.append(Tier(text=text, lower=bounds.lower,
                            lower_inclusive=bounds.lower_inclusive, upper=bounds.upper,
                            upper_inclusive=bounds.upper_inclusive, value=payout.value,
                            source=src))
        return tuple(out)


def _without_label(text: str, label: str) -> str:
    """The row without the variant label printed in front of it (the Source keeps it):
    ``标准存储（多 AZ） 低于99.995%…`` (COS 5972) -> ``低于99.995%…``."""
    if not label:
        return text
    pattern = r"\s*".join(re.escape(ch) for ch in label.replace(" ", ""))
    m = re.match(pattern, text)
    return text[m.end():].strip() if m else text


def is_header(text: str) -> bool:
    line = normalize(text)
    return (len(line) <= 40 and "%" not in line and bool(HEADER.search(line))
            and any(w in line for w in ("赔偿", "赔付", "延长", "赠送", "可用性")))


def is_label(text: str) -> bool:
    line = normalize(text)
    return (0 < len(line) <= 30 and not re.search(r"[%。，：:；]|^\d+(\.\d+)*\s", line)
            and not line.startswith(NOT_LABEL) and not is_header(line)
            and not line.startswith("http"))


def find_tables(doc: Document) -> tuple[list[RawTable], dict[int, Clause]]:
    """Tier tables of a document by availability %, in reading order."""
    tables: list[RawTable] = []
    clause_of: dict[int, Clause] = {}
    current: RawTable | None = None
    header: tuple[Source, str] | None = None
    pending_label: tuple[str, Line] | None = None
    previous = ""
    for clause, line, _ in doc_lines(doc):
        clause_of[line.no] = clause
        text = line.text.strip()
        if is_header(text):
            header = (source_of(clause, [line], text), previous)
            current, pending_label = None, None
            previous = text
            continue
        bounds = parse_bounds(text)
        payout = parse_payout(bounds.rest, header[0].text if header else "") if bounds else None
        if bounds and payout:
            label = bounds.label or (pending_label[0] if pending_label else None)
            restart = (current is None or bool(bounds.label and bounds.label != current.label)
                       or _restarts(current, bounds) or bool(pending_label))
            if restart and not bounds.label and not pending_label and current is None \
                    and tables and _continues(tables[-1], bounds):
                current = tables[-1]
            elif restart:
                current = RawTable(clause, header[0] if header else None, label,
                                   pending_label[1] if pending_label else None,
                                   lead=header[1] if header else "")
                tables.append(current)
            assert current is not None
            current.rows.append((line, bounds, payout))
            pending_label = None
        elif header and is_label(text):
            if pending_label and current is None:
                pending_label = (pending_label[0] + "/" + normalize(text), pending_label[1])
            else:
                pending_label = (normalize(text), line)
            current = None
        elif current is not None and not is_label(text):
            current = None if len(text) > 40 else current
        previous = text
    return [t for t in tables if t.rows], clause_of


def _continues(table: RawTable, bounds: Bounds) -> bool:
    last = table.rows[-1][1]
    return last.lower is not None and bounds.upper == last.lower


def _restarts(table: RawTable, bounds: Bounds) -> bool:
    last = table.rows[-1][1]
    if bounds.upper is None or last.upper is None:
        return last.upper is None and bounds.upper is not None
    return bounds.upper >= last.upper
