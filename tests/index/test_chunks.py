"""Chunks: one per clause, long clauses split at sentence ends, tables whole, stable ids."""

from __future__ import annotations

import pytest

from index.chunks import Chunk, Chunker
from index.parser import Agreements
from index.products import ProductTable


@pytest.fixture(scope="module")
def chunks(agreements: Agreements) -> list[Chunk]:
    return Chunker(ProductTable.from_documents(agreements.documents)).run(agreements.documents)


def test_every_clause_with_text_has_a_chunk_and_ids_are_unique(
        agreements: Agreements, chunks: list[Chunk]) -> None:
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids))
    with_text = {c.id for d in agreements.documents for c in d.clauses if c.text.strip()}
    assert with_text == {c.clause_id for c in chunks}


def test_chunking_is_deterministic(agreements: Agreements, chunks: list[Chunk]) -> None:
    again = Chunker(ProductTable.from_documents(agreements.documents)).run(agreements.documents)
    assert again == chunks


def test_chunk_carries_citation_fields_and_embed_text_starts_with_title_and_path(
        chunks: list[Chunk]) -> None:
    chunk = next(c for c in chunks if c.id == "cvm-sla#3.2~0")
    assert chunk.doc_title == "云服务器服务等级协议" and chunk.doc_line == 1285
    assert chunk.product == "云服务器" and chunk.kind == "sla" and chunk.section == "3.2"
    assert chunk.embed_text.startswith("云服务器服务等级协议 3. ")
    assert "赔偿申请时限" in chunk.embed_text.split("\n")[0]
    assert chunk.page > 0 and 1285 < chunk.line_start <= chunk.line_end


def test_tiny_clause_keeps_its_heading_path(chunks: list[Chunk]) -> None:
    chunk = next(c for c in chunks if c.id == "cvm-sla#1.2.1~0")
    assert chunk.text == "单位数量为1的云服务器实例。"
    assert "1.2.1 单实例" in chunk.embed_text and "云服务器服务等级协议" in chunk.embed_text


def test_long_clauses_are_split_at_sentence_ends_with_overlap(chunks: list[Chunk]) -> None:
    parts = [c for c in chunks if c.id.startswith("tencent-cloud-terms#5.4~")]
    assert len(parts) >= 2
    first, second = parts[0], parts[1]
    last_sentence = first.text.split("\n")[-1].split("；")[-2 if first.text.endswith("；")
                                                                  else -1]
    assert last_sentence and last_sentence in second.text  # overlap of one sentence
    assert all(p.text[-1] in "。；！？;!?：:）)" or "\n" in p.text for p in parts[:-1])


def test_tables_are_never_split(agreements: Agreements, chunks: list[Chunk]) -> None:
    by_clause: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_clause.setdefault(chunk.clause_id, []).append(chunk)
    for doc in agreements.documents[:80]:
        for clause in doc.clauses:
            for table in clause.tables:
                assert any(table.text in c.text for c in by_clause[clause.id]), clause.id


def test_bad_sizes_are_rejected(agreements: Agreements) -> None:
    with pytest.raises(ValueError, match="target_chars"):
        Chunker(ProductTable.from_documents(agreements.documents), max_chars=100,
                target_chars=400)
