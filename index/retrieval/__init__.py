"""Online search over the built index: product linking, BM25 + dense, fusion, rerank."""

from index.retrieval.types import Hit, RetrievalConfig, Retriever, Turn

__all__ = ["Hit", "RetrievalConfig", "Retriever", "Turn"]
