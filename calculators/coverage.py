"""The coverage report: which SLAs are computable, why not, and how often each rule kind
occurs."""

from __future__ import annotations

from collections import Counter
from typing import Any

from calculators.rules import Catalog


def coverage(catalog: Catalog) -> dict[str, Any]:
    slas = catalog.slas
    kinds = Counter(k for s in slas for k in s.rule_kinds)
    return {
        "slas": len(slas),
        "computable": sum(s.computable for s in slas),
        "not_computable": [{"doc_title": s.doc_title, "doc_line": s.doc_line,
                            "reason": s.reason,
                            "clause": s.reason_source.clause if s.reason_source else None}
                           for s in slas if not s.computable],
        "contradictions": [{"doc_title": s.doc_title, "doc_line": s.doc_line, "notes": s.notes}
                           for s in slas if s.notes],
        "tables": sum(len(s.tables) for s in slas),
        "tier_rows": sum(len(t.tiers) for s in slas for t in s.tables),
        "rule_kinds": dict(sorted(kinds.items())),
    }


def coverage_text(report: dict[str, Any]) -> str:
    lines = [f"SLAs: {report['slas']}  computable: {report['computable']}  "
             f"tables: {report['tables']}  tier rows: {report['tier_rows']}",
             "Not computable:"]
    lines += [f"  L{r['doc_line']} {r['doc_title']}: {r['reason']} [{r['clause']}]"
              for r in report["not_computable"]]
    lines.append("Contradictory text (both values kept):")
    lines += [f"  L{r['doc_line']} {r['doc_title']}: {'; '.join(r['notes'])}"
              for r in report["contradictions"]]
    lines.append("Rule kinds (SLAs):")
    lines += [f"  {k}: {v}" for k, v in report["rule_kinds"].items()]
    return "\n".join(lines)
