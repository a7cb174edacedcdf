"""A content-addressed cache of passage vectors, one file per embedder.

Keys are sha1 digests of the exact text embedded, so a rebuild after a chunking change only
embeds the texts that changed, and switching the default embedder back and forth is free.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from index.embedders import Vectors

log = logging.getLogger(__name__)


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors by text digest, loaded from and saved to ``path`` (an ``.npz`` file)."""

    def __init__(self, path: Path, dim: int) -> None:
        self.path = path
        self.dim = dim
        self._vectors: dict[str, Vectors] = {}
        if path.exists():
            with np.load(path) as data:
                keys, vectors = data["keys"], data["vectors"]
            if vectors.ndim == 2 and vectors.shape[1] == dim:
                self._vectors = {str(k): v for k, v in zip(keys, vectors)}
            else:
                log.warning("ignoring %s: vectors of the wrong shape %s", path, vectors.shape)

    def __len__(self) -> int:
        return len(self._vectors)

    def missing(self, texts: Sequence[str]) -> list[str]:
        """The distinct texts not in the cache, in first-seen order."""
        return list(dict.fromkeys(t for t in texts if text_key(t) not in self._vectors))

    def add(self, texts: Sequence[str], vectors: Vectors) -> None:
        for text, vector in zip(texts, vectors):
            self._vectors[text_key(text)] = np.asarray(vector, dtype=np.float32)

    def get(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vectors[text_key(t)] for t in texts])

    def fill(self, texts: Sequence[str], embed: Callable[[Sequence[str]], Vectors],
             batch_size: int = 32, progress: Callable[[int], None] | None = None,
             save_every: int = 1024) -> Vectors:
        """Vectors of ``texts``, embedding the missing ones in batches (shortest first, so a
        batch pads little) and saving every ``save_every`` new vectors (resumable)."""
        todo = sorted(self.missing(texts), key=len)
        done_since_save = 0
        for start in range(0, len(todo), batch_size):
            batch = todo[start:start + batch_size]
            self.add(batch, embed(batch))
            done_since_save += len(batch)
            if progress:
                progress(len(batch))
            if done_since_save >= save_every:
                self.save()
                done_since_save = 0
        if todo:
            self.save()
        return self.get(texts)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self._vectors), dtype="U40")
        vectors = (np.stack(list(self._vectors.values())) if self._vectors
                   else np.zeros((0, self.dim), dtype=np.float32))
        tmp = self.path.with_name(self.path.name + ".tmp.npz")
        np.savez(tmp, keys=keys, vectors=vectors)
        tmp.replace(self.path)
