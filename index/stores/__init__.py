"""Persistent stores under ``data/index/``: chunks, embeddings cache, Chroma, BM25, manifest."""
