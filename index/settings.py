"""Settings of the index and the retriever, read from the environment in this one place.

| variable                | default    | meaning                                            |
|-------------------------|------------|----------------------------------------------------|
| AGREEMENTS_INDEX_DIR    | data/index | where `python -m index build` writes               |
| AGREEMENTS_EMBEDDER     | use        | use (Apache-2.0), e5 (MIT), m3e (non-commercial)   |
| AGREEMENTS_CHROMA_URL   | (unset)    | a `chroma run` server, e.g. http://127.0.0.1:8001  |
| AGREEMENTS_K            | 5          | hits returned by default                           |
| AGREEMENTS_PRODUCT_MODE | restrict   | restrict / boost / off: how a named product counts |
| AGREEMENTS_RERANK       | true       | section-cue rerank on or off                       |
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.corpus import PROJECT_ROOT

ProductMode = Literal["restrict", "boost", "off"]


class IndexSettings(BaseSettings):
    """Where the index lives and how search behaves; ``IndexSettings()`` reads the env."""

    model_config = SettingsConfigDict(env_prefix="AGREEMENTS_", frozen=True, extra="ignore")

    index_dir: Path = PROJECT_ROOT / "data" / "index"
    embedder: str = "use"
    chroma_url: str | None = None
    k: int = Field(default=5, ge=1, le=100)
    product_mode: ProductMode = "restrict"
    rerank: bool = True

    @property
    def chroma_dir(self) -> Path:
        return self.index_dir / "chroma"

    @property
    def bm25_dir(self) -> Path:
        return self.index_dir / "bm25"

    @property
    def chunks_file(self) -> Path:
        return self.index_dir / "chunks.jsonl"

    @property
    def manifest_file(self) -> Path:
        return self.index_dir / "manifest.json"

    def cache_file(self, embedder: str) -> Path:
        return self.index_dir / "cache" / f"{embedder}.npz"
