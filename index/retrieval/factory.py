"""One factory wires a retriever from a built index: ``build_retriever(settings)``."""

from __future__ import annotations

from index.embedders import Embedder
from index.errors import UserError
from index.products import ProductTable
from index.retrieval.hybrid import HybridRetriever
from index.retrieval.linking import ProductLinker
from index.retrieval.prior import DocumentPrior, general_documents
from index.retrieval.types import RetrievalConfig
from index.settings import IndexSettings
from index.stores.builder import product_words
from index.stores.chunkstore import load_chunks, load_documents
from index.stores.dense import DenseStore, chroma_client
from index.stores.manifest import Manifest, chunking_code_hash
from index.stores.sparse import SparseIndex
from index.stores.tokens import Tokenizer


class IndexMissingError(UserError):
    """No built index where the settings point."""


class StaleIndexError(UserError):
    """The index was built from another corpus or indexing code, or a file of it changed."""


def _check_current(settings: IndexSettings, manifest: Manifest) -> None:
    """Refuse an index that would answer from old text: built from another version of the
    corpus or of the indexing code, or with a file changed since (a truncated copy, a disk
    error). The corpus itself is checked against SHA256SUMS on the way."""
    from index.corpus import load_corpus

    if load_corpus().sha256 != manifest.corpus_sha256 \
            or manifest.code_hash.split("+", 1)[0] != chunking_code_hash():
        raise StaleIndexError(
            f"The index at {settings.index_dir} was built from another version of the corpus or "
            "of the indexing code; run `python -m index build` (or `make index`) to update it.")
    damaged = manifest.damaged(settings.index_dir)
    if damaged is not None:
        raise StaleIndexError(
            f"The index at {settings.index_dir} is damaged ({damaged} is not as it was built); "
            "run `python -m index build --force` to rebuild it.")


def default_config(settings: IndexSettings) -> RetrievalConfig:
    return RetrievalConfig(product_mode=settings.product_mode, rerank=settings.rerank)


def build_retriever(settings: IndexSettings | None = None,
                    config: RetrievalConfig | None = None, warm_up: bool = True,
                    embedder: Embedder | None = None) -> HybridRetriever:
    """The retriever over the index in ``settings.index_dir``, models loaded if ``warm_up``.
    ``embedder`` replaces the one named by the settings (tests pass a fake)."""
    from index.embedders import build_embedder

    settings = settings or IndexSettings()
    config = config or default_config(settings)
    manifest = Manifest.load(settings.manifest_file)
    if manifest is None:
        raise IndexMissingError(f"No index at {settings.index_dir}; run `python -m index build`.")
    name = embedder.name if embedder is not None else settings.embedder
    if config.dense and name not in manifest.embedders:
        built = ", ".join(manifest.embedders) or "none"
        raise IndexMissingError(
            f"The index at {settings.index_dir} has no vectors for embedder {name!r} "
            f"(built: {built}); run `AGREEMENTS_EMBEDDER={name} python -m index build`.")
    _check_current(settings, manifest)
    chunks = load_chunks(settings.chunks_file)
    documents = load_documents(settings.index_dir)
    products = ProductTable.from_documents(documents)
    prior = DocumentPrior(general_documents(documents), {d.id: d.kind for d in documents})
    if config.dense and embedder is None:
        embedder = build_embedder(settings.embedder)
    dense = (DenseStore.open(chroma_client(settings), name)
             if config.dense else None)
    retriever = HybridRetriever(
        chunks, SparseIndex.load(settings.bm25_dir), dense, embedder,
        Tokenizer(product_words(products)), ProductLinker(products), config, prior=prior)
    if warm_up:
        retriever.warm_up()
    return retriever
