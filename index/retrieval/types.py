"""Types of the retrieval seam: a conversation turn, a hit, the config, the protocol."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from index.chunks import Chunk
from index.settings import ProductMode


@dataclass(frozen=True)
class Turn:
    """One earlier message of the conversation."""

    role: Literal["user", "assistant"]
    content: str


@dataclass(frozen=True)
class Hit:
    """A chunk found for a question, with its fused score (higher is better)."""

    chunk: Chunk
    score: float

    def record(self) -> dict[str, Any]:
        """The hit as the JSON object of interfaces.md (plus ids for debugging)."""
        c = self.chunk
        return {"doc_title": c.doc_title, "doc_line": c.doc_line, "section": c.section,
                "page": c.page, "line_start": c.line_start, "line_end": c.line_end,
                "score": round(self.score, 6), "text": c.text, "id": c.id,
                "doc_id": c.doc_id, "product": c.product, "path": list(c.path)}


@dataclass(frozen=True)
class RetrievalConfig:
    """Which signals a search uses; the benchmark compares these."""

    dense: bool = True
    sparse: bool = True
    product_mode: ProductMode = "restrict"
    rerank: bool = True
    candidates: int = 50
    rrf_k: int = 60
    dense_weight: float = 1.0
    sparse_weight: float = 1.0
    # dense weight when a restricted question names several products (a comparison): the
    # question's embedding mixes both products' wording and pulls look-alike clauses into
    # each product's list; 0 searches such questions with BM25 alone (no query embedding)
    comparison_dense_weight: float = 0.0

    def __post_init__(self) -> None:
        if not (self.dense or self.sparse):
            raise ValueError("RetrievalConfig needs dense or sparse (or both) switched on")
        if self.candidates < 1:
            raise ValueError(f"candidates must be >= 1, got {self.candidates}")
        if min(self.dense_weight, self.sparse_weight, self.comparison_dense_weight) < 0:
            raise ValueError("fusion weights must be >= 0")


class Retriever(Protocol):
    """Anything that finds the chunks that answer a question."""

    def run(self, question: str, history: Sequence[Turn] = (), k: int = 5) -> list[Hit]: ...
