"""The naive baseline behind the Retriever seam: pieces attributed to documents by line,
the Chroma collection built once and reused (fake embedder, temporary folder)."""

from __future__ import annotations

from pathlib import Path

from eval.baselines import NaiveBaseline, NaiveRetriever
from index.corpus import Corpus
from index.domain import Document
from tests.index.fakes import FakeEmbedder

# ~40 lines of ~30 characters: two documents, so the 500-character pieces cross between them
CVM = [f"云服务器第{i}条：赔偿申请时限为六十日，逾期不予受理。" for i in range(20)]
COS = [f"对象存储第{i}条：可用性不低于百分之九十九点九。" for i in range(20)]
LINES = ["前言", "云服务器服务等级协议", *CVM, "对象存储服务等级协议", *COS]


def document(doc_id: str, title: str, first: int, last: int, page: int) -> Document:
    return Document(id=doc_id, title=title, kind="sla", category="", updated_at="",
                    effective_date=None, doc_line=first, line_end=last, page_start=page,
                    page_end=page)


DOCS = (document("cvm", "云服务器服务等级协议", 2, 22, 3),
        document("cos", "对象存储服务等级协议", 23, 43, 7))


def test_pieces_are_attributed_and_the_collection_is_reused(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "corpus.txt", "0" * 64, tuple(LINES))
    embedder = FakeEmbedder()
    naive = NaiveBaseline(corpus, DOCS, embedder, tmp_path / "naive")
    chunks = list(naive.chunks.values())
    assert len(chunks) >= 3
    first = chunks[0]
    assert (first.line_start, first.doc_line) == (1, 0)  # starts on the preface line
    for c in chunks[1:]:
        doc = next(d for d in DOCS if d.doc_line <= c.line_start <= d.line_end)
        assert (c.doc_line, c.doc_title, c.page) == (doc.doc_line, doc.title, doc.page_start)
        assert c.line_start <= c.line_end
        assert c.text.startswith(LINES[c.line_start - 1][:5])
    hits = NaiveRetriever(naive).run("对象存储可用性百分之九十九点九", k=2)
    assert len(hits) == 2 and hits[0].chunk.doc_line == 23
    assert hits[0].score >= hits[1].score
    embedded = embedder.embedded
    NaiveBaseline(corpus, DOCS, embedder, tmp_path / "naive")  # same pieces: nothing new
    assert embedder.embedded == embedded
