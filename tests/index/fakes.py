"""Deterministic fakes for unit tests (no model, no network)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from index.embedders import Vectors


class FakeEmbedder:
    """Hashes character bigrams into ``dim`` buckets: texts sharing words get close vectors,
    the same text always gets the same vector."""

    name = "fake"
    dim = 64
    licence = "test only"
    max_chars = 256

    def __init__(self) -> None:
        self.calls = 0
        self.embedded = 0

    def warm_up(self) -> None:
        return None

    def _vector(self, text: str) -> Vectors:
        vector = np.zeros(self.dim, dtype=np.float32)
        for a, b in zip(text, text[1:] + " "):
            digest = hashlib.md5(f"{a}{b}".encode()).digest()
            vector[digest[0] % self.dim] += 1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector + 1.0 / np.sqrt(self.dim)

    def embed_passages(self, texts: Sequence[str]) -> Vectors:
        self.calls += 1
        self.embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])

    def embed_query(self, text: str) -> Vectors:
        return self._vector(text)
