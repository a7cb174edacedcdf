"""Named configurations of the assistant that ``python -m eval run --config NAME`` scores.

| name      | what answers                                                                |
|-----------|-----------------------------------------------------------------------------|
| default   | the assistant as shipped (``build_assistant()``; ``AGREEMENTS_*`` settings)  |
| bm25      | baseline: same router, composer and calculators over BM25 alone (no dense   |
|           | vectors, no product linking, no rerank)                                     |
| naive     | baseline: same router, composer and calculators over the naive LangChain    |
|           | RAG (``RecursiveCharacterTextSplitter`` 500/50 + USE + Chroma similarity)    |
| e5, m3e   | the default pipeline with another embedder (its vectors must be built:       |
|           | ``AGREEMENTS_EMBEDDER=e5 python -m index build``)                            |

The baselines swap only the retriever: they are the default assistant's stages with another
``Retriever`` behind the same seam, so the deltas measure retrieval alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.pipeline import Assistant
from index.errors import UserError
from index.retrieval.types import Retriever

CONFIGS: dict[str, str] = {
    "default": "the assistant as shipped (hybrid BM25 + dense + products + rerank)",
    "bm25": "BM25 only, same router, composer and calculators",
    "naive": "naive LangChain 500/50 + USE + Chroma, same router, composer and calculators",
    "e5": "default pipeline with the e5 embedder",
    "m3e": "default pipeline with the m3e embedder",
}
BASELINES: tuple[str, ...] = ("bm25", "naive")


class UnknownConfigError(UserError):
    """A configuration name not in :data:`CONFIGS`."""


def check_name(name: str) -> str:
    if name not in CONFIGS:
        raise UnknownConfigError(f"Unknown configuration {name!r}; choose one of "
                                 f"{', '.join(CONFIGS)} (see `python -m eval run --help`).")
    return name


def with_retriever(base: Assistant, retriever: Retriever) -> Assistant:
    """``base`` with another retriever; every other stage is shared."""
    return Assistant(retriever, base.composer, base.credit, base.products, base.sla_products,
                     k=base.k, today=base.today, grounded=base.grounded)


def build_config(name: str, today: date, default: Callable[[], Assistant]) -> Assistant:
    """The assistant of configuration ``name``; ``default()`` gives the shipped assistant
    (the caller caches it, so the baselines reuse its loaded models)."""
    check_name(name)
    if name == "default":
        return default()
    if name in ("e5", "m3e"):
        from assistant.factory import build_assistant
        from assistant.settings import AssistantSettings
        from index.settings import IndexSettings

        return build_assistant(AssistantSettings(index=IndexSettings(embedder=name)),
                               today=today)
    base = default()
    if name == "bm25":
        from index.retrieval.factory import build_retriever
        from index.retrieval.types import RetrievalConfig
        from index.settings import IndexSettings

        config = RetrievalConfig(dense=False, product_mode="off", rerank=False)
        return with_retriever(base, build_retriever(IndexSettings(), config))
    return with_retriever(base, naive_retriever(base))


def naive_retriever(base: Assistant) -> Retriever:
    """The naive baseline over the USE embedder the default assistant already loaded."""
    from eval.baselines import NaiveBaseline, NaiveRetriever
    from index.embedders import build_embedder
    from index.parser import parse_corpus
    from index.settings import IndexSettings

    settings = IndexSettings()
    agreements = parse_corpus()
    loaded = getattr(base.retriever, "embedder", None)
    embedder = loaded if loaded is not None and loaded.name == "use" else build_embedder("use")
    return NaiveRetriever(NaiveBaseline(agreements.corpus, agreements.documents, embedder,
                                        settings.index_dir / "naive", agreements.pages))
