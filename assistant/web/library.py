"""What the pages look things up in: the parsed agreements and the SLA rule catalog.

Pure lookups, built once by ``app.py``: a document by id or title line, the clause a citation
points at, the SLA rule of a document, the product picker's choices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from assistant.answer import Citation
from calculators.rules import Catalog, SlaRule, TierTable
from index.domain import Clause, Document

KIND_LABELS = {"sla": "服务等级协议 SLA", "terms": "服务条款", "privacy": "隐私政策",
               "guide": "规则与指引", "other": "其他"}


@dataclass(frozen=True)
class ProductChoice:
    """One entry of the claim checker's product picker."""

    label: str
    doc_line: int


def deep_link(doc_id: str, clause_id: str = "") -> str:
    """``?doc=cvm-sla&clause=cvm-sla%233.1``: opens the agreements tab at that clause."""
    query = {"doc": doc_id, **({"clause": clause_id} if clause_id else {})}
    return "?" + urlencode(query)


class Library:
    """The documents (with clauses) and the catalog, indexed for the pages."""

    def __init__(self, documents: Sequence[Document], catalog: Catalog) -> None:
        self.documents = tuple(documents)
        self.catalog = catalog
        self._by_id = {d.id: d for d in self.documents}
        self._by_line = {d.doc_line: d for d in self.documents}
        self._clauses = {c.id: c for d in self.documents for c in d.clauses}

    def document(self, doc_id: str) -> Document | None:
        return self._by_id.get(doc_id.strip())

    def document_at(self, doc_line: int) -> Document | None:
        return self._by_line.get(doc_line)

    def clause(self, doc: Document, key: str) -> Clause | None:
        """A clause of ``doc`` by full id (``cvm-sla#3.1``), id suffix or section number."""
        key = key.strip()
        found = self._clauses.get(key)
        if found is not None and found.doc_id == doc.id:
            return found
        return doc.clause(key.split("#", 1)[-1]) if key else None

    def cited_clause(self, citation: Citation) -> Clause | None:
        """The clause a citation points at: by its id, else the one holding its first line."""
        if citation.clause_id and citation.clause_id in self._clauses:
            return self._clauses[citation.clause_id]
        doc = self.document_at(citation.doc_line)
        if doc is None:
            return None
        for clause in doc.clauses:
            if clause.lines and clause.line_start <= citation.line_start <= clause.line_end:
                return clause
        return None

    def sla(self, doc_line: int) -> SlaRule | None:
        return self.catalog.by_doc_line(doc_line)

    def product_choices(self) -> list[ProductChoice]:
        """Every SLA, labelled with its product and aliases so typing any of them filters."""
        choices = []
        for sla in sorted(self.catalog.slas, key=lambda s: s.product):
            aliases = [a for a in dict.fromkeys(sla.aliases) if a != sla.product][:5]
            names = f"（{' / '.join(aliases)}）" if aliases else ""
            flag = "" if sla.computable else " — 不可计算"
            choices.append(ProductChoice(f"{sla.product}{names} · {sla.doc_title}{flag}",
                                         sla.doc_line))
        return choices

    def categories(self) -> list[str]:
        """Top-level categories (``计算``, ``安全``…), in first-seen order."""
        return list(dict.fromkeys(top_category(d) for d in self.documents if d.category))

    def exclusions(self, sla: SlaRule) -> list[tuple[str, str]]:
        """(clause id, words) of each exclusion clause the SLA lists."""
        doc = self.document(sla.doc_id)
        out = []
        for clause_id in sla.exclusions:
            clause = self.clause(doc, clause_id) if doc else None
            words = clause.text if clause else clause_id
            if clause and clause.heading and not words.startswith(clause.heading):
                words = f"{clause.heading}：{words}"
            out.append((clause_id, words))
        return out


def top_category(doc: Document) -> str:
    return doc.category.split(">", 1)[0].strip()


def find_table(sla: SlaRule, metric: str | None, variant: str | None) -> TierTable | None:
    """The tier table a RESULT was computed with (the first of the metric if no variant)."""
    tables = [t for t in sla.tables if t.metric == metric] or list(sla.tables)
    if variant:
        tables = [t for t in tables if t.variant == variant] or tables
    return tables[0] if tables else None
