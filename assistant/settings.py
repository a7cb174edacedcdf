"""Settings of the assistant, read from the environment in this one place.

| variable                     | default    | meaning                                       |
|------------------------------|------------|-----------------------------------------------|
| AGREEMENTS_GENERATOR         | none       | none / llama (bundled GGUF) / openai          |
| AGREEMENTS_OPENAI_BASE_URL   | (unset)    | an OpenAI-compatible endpoint (Ollama, vLLM)  |
| AGREEMENTS_OPENAI_MODEL      | (unset)    | the model name at that endpoint               |
| AGREEMENTS_MIN_SUPPORT       | 0.15       | evidence needed to answer rather than refuse  |
Retrieval settings (index dir, embedder, Chroma server) are ``index.settings.IndexSettings``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.settings import IndexSettings


class AssistantSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AGREEMENTS_", frozen=True, extra="ignore")

    generator: Literal["none", "llama", "openai"] = "none"
    openai_base_url: str | None = None
    openai_model: str | None = None
    min_support: float = Field(default=0.15, ge=0.0, le=1.0)
    # how many retrieved clauses an answer is composed from: on 8 dev QA sets, 8 answered more
    # right than 5 on 7 (up to +6 points) and the same on one; 12 lost on the hand-written ones
    clauses_read: int = Field(default=8, ge=1, le=50)
    index: IndexSettings = Field(default_factory=IndexSettings)
