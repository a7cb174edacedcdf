"""The naive baseline: what a quick LangChain RAG tutorial builds.

The raw corpus text, cut by ``RecursiveCharacterTextSplitter(chunk_size=500,
chunk_overlap=50)``, embedded with the same embedder as the system under test, stored in
Chroma through ``langchain_chroma`` and searched by plain similarity. No clause structure,
no product linking, no BM25. Each piece is attributed to the document whose lines hold its
start, so the same metrics apply.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from eval.dataset import Question
from eval.retrieval import Found
from index.corpus import Corpus
from index.domain import Document
from index.embedders import Embedder
from index.stores.cache import EmbeddingCache


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
                 folder: Path) -> None:
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
        self.doc_line_of: dict[str, int] = {}
        ids = []
        for n, piece in enumerate(pieces):
            line_no = bisect.bisect_right(line_offsets, piece.metadata["start_index"])
            index = bisect.bisect_right(starts, line_no) - 1
            doc = documents[index] if index >= 0 else None
            in_doc = doc is not None and line_no <= doc.line_end
            ids.append(f"naive-{n}")
            self.doc_line_of[ids[-1]] = doc.doc_line if doc is not None and in_doc else 0
        cache = EmbeddingCache(folder / f"naive-{embedder.name}.npz", embedder.dim)
        self.store: Any = Chroma(
            collection_name=f"naive-{embedder.name}", persist_directory=str(folder / "chroma"),
            embedding_function=CachedEmbeddings(embedder, cache),
            collection_configuration={"hnsw": {"space": "cosine"}})
        if self.store._collection.count() != len(pieces):
            self.store.reset_collection()
            self.store.add_documents(pieces, ids=ids)
        self.embedder = embedder

    def search(self, question: Question, k: int = 10) -> list[Found]:
        results = self.store.similarity_search(question.question, k=k)
        return [Found(self.doc_line_of.get(doc.id or "", 0), doc.page_content)
                for doc in results]
