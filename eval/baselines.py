"""The naive baseline: what a quick LangChain RAG tutorial builds.

The raw corpus text, cut by ``RecursiveCharacterTextSplitter(chunk_size=500,
chunk_overlap=50)``, embedded with the same embedder as the system under test, stored in
Chroma through ``langchain_chroma`` and searched by plain similarity. No clause structure,
no product linking, no BM25. Each piece is attributed to the document whose lines hold its
start, so the same metrics apply.

``NaiveRetriever`` puts the same search behind the assistant's ``Retriever`` seam, so
``python -m eval run`` can compose it with the assistant's own router, composer and
calculators (the ``naive`` configuration). The Chroma collection is built once, in
``data/index/naive/`` (2-4 minutes of embedding on 2 busy cores), and reused while its piece
count matches.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from eval.dataset import Question
from eval.retrieval import Found
from index.chunks import Chunk
from index.corpus import Corpus
from index.domain import Document
from index.embedders import Embedder
from index.pages import PageMap
from index.retrieval.types import Hit, Turn
from index.stores.cache import EmbeddingCache

# Chroma's defaults (ef 100, several insert threads) build a slightly different graph each
# time: the same vectors gave evidence hit@5 0.233 and 0.262 on the held-back questions. A
# wide search over a graph built by one thread makes the baseline repeatable (~2,800 pieces).
HNSW: dict[str, Any] = {"space": "cosine", "ef_construction": 400, "ef_search": 400,
                        "num_threads": 1}


class CachedEmbeddings(Embeddings):
    """LangChain's ``Embeddings`` over one of our embedders, vectors cached on disk."""

    def __init__(self, embedder: Embedder, cache: EmbeddingCache) -> None:
        self.embedder = embedder
        self.cache = cache

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.cache.fill(texts, self.embedder.embed_passages).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text).tolist()


class NaiveBaseline:
    """Splitter 500/50 over the raw text + embedder + Chroma (persisted in ``folder``)."""

    def __init__(self, corpus: Corpus, documents: Sequence[Document], embedder: Embedder,
                 folder: Path, pages: PageMap | None = None) -> None:
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        text = "\n".join(corpus.lines)
        splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50,
                                                  add_start_index=True)
        pieces = splitter.create_documents([text])
        line_offsets = [0]
        for line in corpus.lines:
            line_offsets.append(line_offsets[-1] + len(line) + 1)
        starts = [d.doc_line for d in documents]
        self.chunks: dict[str, Chunk] = {}
        for n, piece in enumerate(pieces):
            first = piece.metadata["start_index"]
            line_no = bisect.bisect_right(line_offsets, first)
            last_no = bisect.bisect_right(line_offsets, first + len(piece.page_content) - 1)
            index = bisect.bisect_right(starts, line_no) - 1
            doc = documents[index] if index >= 0 else None
            if doc is not None and line_no > doc.line_end:
                doc = None
            page = pages.page_of(line_no) if pages else (doc.page_start if doc else 0)
            self.chunks[f"naive-{n}"] = _chunk(f"naive-{n}", doc, page, line_no, last_no,
                                               piece.page_content)
        self.doc_line_of = {key: chunk.doc_line for key, chunk in self.chunks.items()}
        cache = EmbeddingCache(folder / f"naive-{embedder.name}.npz", embedder.dim)
        config: Any = {"hnsw": HNSW}  # chromadb's CreateCollectionConfiguration
        self.store: Any = Chroma(
            collection_name=f"naive-{embedder.name}-{HNSW['ef_search']}",
            persist_directory=str(folder / "chroma"),
            embedding_function=CachedEmbeddings(embedder, cache),
            collection_configuration=config)
        if self.store._collection.count() != len(pieces):
            self.store.reset_collection()
            self.store.add_documents(pieces, ids=list(self.chunks))
        self.embedder = embedder

    def search(self, question: Question, k: int = 10) -> list[Found]:
        return [Found(h.chunk.doc_line, h.chunk.text) for h in self.hits(question.question, k)]

    def hits(self, query: str, k: int) -> list[Hit]:
        """Plain similarity search; the score is 1 − cosine distance."""
        results = self.store.similarity_search_with_score(query, k=k)
        return [Hit(self.chunks[doc.id], 1.0 - float(distance))
                for doc, distance in results if doc.id in self.chunks]


def _chunk(key: str, doc: Document | None, page: int, first: int, last: int,
           text: str) -> Chunk:
    return Chunk(id=key, clause_id=key, part=0, doc_id=doc.id if doc else "",
                 doc_title=doc.title if doc else "", doc_line=doc.doc_line if doc else 0,
                 product="", kind=doc.kind if doc else "other", section="", heading="",
                 path=(), page=page, line_start=first, line_end=max(first, last), text=text,
                 embed_text=text)


class NaiveRetriever:
    """The naive baseline behind the ``Retriever`` protocol: the question alone is
    searched (a tutorial RAG keeps no conversation), the history is ignored."""

    def __init__(self, baseline: NaiveBaseline) -> None:
        self.baseline = baseline
        self.embedder = baseline.embedder

    def run(self, question: str, history: Sequence[Turn] = (), k: int = 5) -> list[Hit]:
        return self.baseline.hits(question, k)
