"""The dense store: chunk vectors in Chroma, one collection per embedder.

Embedded (``PersistentClient`` under ``data/index/chroma/``) by default; a Chroma server
(``chroma run``) when ``AGREEMENTS_CHROMA_URL`` is set. Ids are chunk ids, writes are
upserts, and ids no longer produced by the chunker are deleted, so a rebuild never
duplicates. Chroma's metadata dicts stay inside this module.

Search is exact: the ~9k vectors are read from Chroma once and compared with the query by
one matrix product (about a millisecond), so the same index content always gives the same
top-k. Chroma's HNSW graph is approximate and differs between two builds of the same
vectors, which changed answers after a rebuild.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

import numpy as np

from index.chunks import Chunk
from index.embedders import Vectors
from index.errors import UserError
from index.settings import IndexSettings

log = logging.getLogger(__name__)

BATCH = 2000


def collection_name(embedder: str) -> str:
    return f"chunks-{embedder}"


def chroma_client(settings: IndexSettings) -> Any:
    """A Chroma client for the settings: HTTP when ``chroma_url`` is set, else embedded."""
    import chromadb
    from chromadb.config import Settings

    chroma_settings = Settings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise UserError(f"AGREEMENTS_CHROMA_URL={settings.chroma_url!r} is not a URL; "
                            "use e.g. http://127.0.0.1:8001")
        try:
            return chromadb.HttpClient(host=url.hostname, port=url.port or 8000,
                                       ssl=url.scheme == "https", settings=chroma_settings)
        except Exception as exc:  # chromadb raises plain ValueError/ConnectionError here
            raise UserError(f"Cannot reach the Chroma server at {settings.chroma_url} ({exc}); "
                            "start it with `chroma run --path data/index/chroma-server "
                            "--port 8001` or unset AGREEMENTS_CHROMA_URL.") from exc
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def _metadata(chunk: Chunk) -> dict[str, str | int]:
    return {"doc_id": chunk.doc_id, "doc_line": chunk.doc_line, "product": chunk.product,
            "kind": chunk.kind, "section": chunk.section, "page": chunk.page}


class DenseStore:
    """Nearest chunks to a query vector, optionally only within some documents."""

    def __init__(self, collection: Any) -> None:
        self._collection = collection
        self._matrix: tuple[list[str], np.ndarray, np.ndarray] | None = None  # ids, unit
        # vectors, doc ids: read on the first search

    def warm_up(self) -> None:
        self._loaded()

    def _loaded(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        if self._matrix is None:
            got = self._collection.get(include=["embeddings", "metadatas"])
            order = np.argsort(np.asarray(got["ids"]))  # one order whatever Chroma returns
            ids = [got["ids"][i] for i in order]
            vectors = np.asarray(got["embeddings"], dtype=np.float32)[order] \
                if len(ids) else np.zeros((0, 1), dtype=np.float32)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            docs = np.asarray([(got["metadatas"][i] or {}).get("doc_id", "") for i in order])
            self._matrix = (ids, vectors / np.where(norms == 0, 1, norms), docs)
        return self._matrix

    @classmethod
    def open(cls, client: Any, embedder: str, create: bool = False) -> DenseStore:
        name = collection_name(embedder)
        if create:
            return cls(client.get_or_create_collection(
                name, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None))
        try:
            return cls(client.get_collection(name, embedding_function=None))
        except Exception as exc:  # NotFoundError in 1.x, ValueError in older clients
            raise UserError(f"No dense index for embedder {embedder!r}; run "
                            f"`python -m index build` (with AGREEMENTS_EMBEDDER={embedder}).") \
                from exc

    def count(self) -> int:
        return int(self._collection.count())

    def ids(self) -> set[str]:
        return set(self._collection.get(include=[])["ids"])

    def upsert(self, chunks: Sequence[Chunk], vectors: Vectors) -> None:
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        self._matrix = None
        for start in range(0, len(chunks), BATCH):
            part = chunks[start:start + BATCH]
            self._collection.upsert(
                ids=[c.id for c in part], embeddings=np.asarray(vectors[start:start + BATCH]),
                metadatas=[_metadata(c) for c in part])

    def prune(self, keep: set[str]) -> int:
        """Delete every id not in ``keep``; returns how many went."""
        self._matrix = None
        stale = sorted(self.ids() - keep)
        for start in range(0, len(stale), BATCH):
            self._collection.delete(ids=stale[start:start + BATCH])
        return len(stale)

    def search(self, vector: Vectors, k: int,
               doc_ids: Sequence[str] | None = None) -> list[tuple[str, float]]:
        """Top ``k`` (chunk id, cosine similarity), best first; ties by chunk id."""
        ids, vectors, docs = self._loaded()
        if not ids:
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        query = query / (np.linalg.norm(query) or 1.0)
        rows = np.flatnonzero(np.isin(docs, list(doc_ids))) if doc_ids is not None \
            else np.arange(len(ids))
        scores = vectors[rows] @ query
        best = np.argsort(-scores, kind="stable")[:k]  # rows are in id order: ties by id
        return [(ids[rows[i]], float(scores[i])) for i in best]
