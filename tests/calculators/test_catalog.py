"""The committed catalog: regenerated from the corpus it is identical; every tier row it
holds is at its cited line; every SLA has an entry; enough are computable."""

from __future__ import annotations

from pathlib import Path

from calculators.coverage import coverage
from calculators.rules import catalog_to_json, load_catalog
from index.parser import Agreements
from index.sla_rules.extract import extract_catalog

CATALOG = Path(__file__).resolve().parents[2] / "calculators/data/sla_catalog.json"


def test_regenerated_catalog_is_the_committed_one(agreements: Agreements) -> None:
    fresh = catalog_to_json(extract_catalog(agreements))
    assert fresh == CATALOG.read_text(encoding="utf-8"), (
        "calculators/data/sla_catalog.json differs from a fresh extraction; run "
        "`python -m calculators extract`, review the diff and commit it")


def test_every_sla_has_an_entry(agreements: Agreements) -> None:
    slas = {d.doc_line for d in agreements.documents if d.kind == "sla"}
    assert {s.doc_line for s in load_catalog().slas} == slas
    assert len(slas) == 227


def test_enough_computable() -> None:
    report = coverage(load_catalog())
    assert report["computable"] >= 215, f"{report['computable']} computable, need ≥ 215"
    for row in report["not_computable"]:
        assert row["reason"] and row["clause"], row


def test_every_tier_row_is_at_its_cited_lines(agreements: Agreements) -> None:
    lines = agreements.corpus.lines
    for sla in load_catalog().slas:
        for table in sla.tables:
            for tier in table.tiers:
                src = tier.source
                cited = "".join(lines[no - 1].strip()
                                for no in range(src.line_start, src.line_end + 1))
                first = lines[src.line_start - 1].strip()
                assert first and first.replace(" ", "") in cited.replace(" ", ""), (sla.doc_id, src)
                if table.measure != "durability_pct":
                    assert tier.text.split("\n")[0][:20] in cited, (sla.doc_id, tier.text, src)


def test_contradictions_are_recorded() -> None:
    by_line = {s.doc_line: s for s in load_catalog().slas}
    for doc_line in (44462, 21289):           # IM 99.99 vs 99.9; 机密计算 99.90 vs 99.95
        assert by_line[doc_line].notes and "矛盾" in by_line[doc_line].notes[0]


def test_variants_and_sources() -> None:
    by_line = {s.doc_line: s for s in load_catalog().slas}
    assert by_line[5831].variants()[:2] == ["标准存储", "标准存储（多 AZ）"]
    assert by_line[11575].variants() == ["白金", "金", "银"]
    assert len(by_line[8253].variants()) == 3
    cvm = by_line[1285]
    assert cvm.counting.ignore_up_to_seconds == 60 and cvm.higher_of is not None
    assert by_line[1607].counting.ignore_up_to_seconds == 300
    assert cvm.claim.opens_n == 5 and cvm.claim.deadline_n == 60
    assert all(s.exclusions for s in by_line.values() if s.computable)


def test_a_variant_the_text_fixes_is_kept_with_its_source() -> None:
    ccn = next(s for s in load_catalog().slas if s.doc_id == "ccn-sla")
    assert [(d.scope, d.variant) for d in ccn.defaults] == [("同地域", "金")]
    assert "同地域服务等级默认为金" in ccn.defaults[0].source.text
