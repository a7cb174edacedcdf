"""BM25 over jieba tokens (bm25s), persisted under ``data/index/bm25/``."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.errors import UserError

log = logging.getLogger(__name__)


class SparseIndex:
    """BM25 scores of tokenized chunks; rows are positions in the chunk list it was built on."""

    def __init__(self, bm25: object, ids: Sequence[str]) -> None:
        self._bm25 = bm25
        self.ids = tuple(ids)

    @classmethod
    def build(cls, ids: Sequence[str], tokens: Sequence[list[str]]) -> SparseIndex:
        import bm25s

        if len(ids) != len(tokens):
            raise ValueError(f"{len(ids)} ids but {len(tokens)} token lists")
        bm25 = bm25s.BM25()
        bm25.index([t or [""] for t in tokens], show_progress=False)
        return cls(bm25, ids)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._bm25.save(str(folder))  # type: ignore[attr-defined]
        (folder / "ids.json").write_text(json.dumps(list(self.ids)), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> SparseIndex:
        import bm25s

        if not (folder / "ids.json").exists():
            raise UserError(f"No BM25 index at {folder}; run `python -m index build`.")
        ids = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
        return cls(bm25s.BM25.load(str(folder)), ids)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every row for a tokenized query (zeros when no token is known)."""
        known = [t for t in tokens if t in self._bm25.vocab_dict]  # type: ignore[attr-defined]
        if not known:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known),  # type: ignore[attr-defined]
                          dtype=np.float32)

    def search(self, tokens: list[str], k: int,
               rows: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Top ``k`` (row, score) pairs with a positive score, only among ``rows`` if given."""
        scores = self.scores(tokens)
        if rows is not None:
            masked = np.full_like(scores, -1.0)
            masked[rows] = scores[rows]
            scores = masked
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k] if k else np.array([], dtype=int)
        ranked = sorted(top.tolist(), key=lambda row: (-scores[row], row))
        return [(row, float(scores[row])) for row in ranked if scores[row] > 0]
