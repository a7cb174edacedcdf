"""Stage: corpus -> chunks -> BM25 + dense vectors in Chroma (``python -m index build``).

Idempotent: skipped when the corpus, the chunking code and the embedder are what the
manifest recorded; otherwise vectors come from the embedding cache where the text is
unchanged, Chroma gets upserts by chunk id and loses ids the chunker no longer makes.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from tqdm import tqdm

from index.chunks import Chunk, Chunker
from index.corpus import Corpus, load_corpus
from index.domain import Document
from index.embedders import Embedder
from index.parser import parse_corpus
from index.products import ProductTable
from index.settings import IndexSettings
from index.stores.cache import EmbeddingCache
from index.stores.chunkstore import save_chunks
from index.stores.dense import DenseStore, chroma_client
from index.stores.manifest import Manifest, chunking_code_hash, file_digests
from index.stores.sparse import SparseIndex
from index.stores.tokens import Tokenizer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildReport:
    skipped: bool
    chunks: int
    embedded: int
    pruned: int
    seconds: float
    embedder: str


def product_words(products: ProductTable) -> list[str]:
    """Every product name and alias, for the tokenizer's user dictionary."""
    return [alias for product in products.products for alias in product.aliases]


class IndexBuilder:
    """Builds every index under ``settings.index_dir`` for one embedder."""

    def __init__(self, settings: IndexSettings, embedder: Embedder, progress: bool = True,
                 corpus: Corpus | None = None, doc_filter: set[str] | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.progress = progress
        self.corpus = corpus
        self.doc_filter = doc_filter  # build on these document ids only (tests)

    def run(self, force: bool = False) -> BuildReport:
        started = time.perf_counter()
        corpus = self.corpus or load_corpus()
        wanted = Manifest(corpus_sha256=corpus.sha256, code_hash=self._code_hash())
        previous = Manifest.load(self.settings.manifest_file)
        same = previous is not None and previous.same_chunks(wanted) and self._files_exist()
        if same and not force and previous and self.embedder.name in previous.embedders:
            log.info("index is up to date (%s)", self.settings.index_dir)
            return BuildReport(True, previous.chunks, 0, 0, time.perf_counter() - started,
                               self.embedder.name)
        documents = [d for d in parse_corpus(corpus).documents
                     if self.doc_filter is None or d.id in self.doc_filter]
        products = ProductTable.from_documents(documents)
        chunks = Chunker(products).run(documents)
        if not same or force:
            self._write_sparse(chunks, documents, products)
        embedded, pruned = self._write_dense(chunks)
        kept = previous.embedders if (same and previous) else ()
        Manifest(corpus_sha256=wanted.corpus_sha256, code_hash=wanted.code_hash,
                 chunks=len(chunks), embedders=tuple(sorted({*kept, self.embedder.name})),
                 built_at=datetime.now(UTC).isoformat(timespec="seconds"),
                 files=file_digests(self.settings.index_dir, self._written()),
                 ).save(self.settings.manifest_file)
        return BuildReport(False, len(chunks), embedded, pruned,
                           time.perf_counter() - started, self.embedder.name)

    def _code_hash(self) -> str:
        scope = ",".join(sorted(self.doc_filter)) if self.doc_filter is not None else ""
        return chunking_code_hash() + (f"+{scope}" if scope else "")

    def _written(self) -> list[str]:
        """The chunk, document and BM25 files, relative to the index folder (checked when the
        index is loaded: a damaged one is named instead of read)."""
        root = self.settings.index_dir
        files = [self.settings.chunks_file, root / "documents.json",
                 *sorted(self.settings.bm25_dir.glob("*"))]
        return [f.relative_to(root).as_posix() for f in files
                if f.is_file() and f.is_relative_to(root)]

    def _files_exist(self) -> bool:
        return (self.settings.chunks_file.exists()
                and (self.settings.bm25_dir / "ids.json").exists())

    def _write_sparse(self, chunks: list[Chunk], documents: list[Document],
                      products: ProductTable) -> None:
        tokenizer = Tokenizer(product_words(products))
        tokens = [tokenizer.tokens(c.embed_text)
                  for c in tqdm(chunks, desc="BM25 tokens", disable=not self.progress)]
        SparseIndex.build([c.id for c in chunks], tokens).save(self.settings.bm25_dir)
        save_chunks(self.settings.chunks_file, chunks, documents)

    def _write_dense(self, chunks: list[Chunk]) -> tuple[int, int]:
        limit = self.embedder.max_chars
        texts = [c.embed_text[:limit] for c in chunks]
        cache = EmbeddingCache(self.settings.cache_file(self.embedder.name), self.embedder.dim)
        missing = len(cache.missing(texts))
        with tqdm(total=missing, desc=f"embedding ({self.embedder.name})", unit="chunk",
                  disable=not self.progress or not missing) as bar:
            vectors = cache.fill(texts, self.embedder.embed_passages, progress=bar.update)
        store = DenseStore.open(chroma_client(self.settings), self.embedder.name, create=True)
        store.upsert(chunks, vectors)
        pruned = store.prune({c.id for c in chunks})
        return missing, pruned
