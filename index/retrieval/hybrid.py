"""The hybrid retriever: product linking, BM25 + dense candidates, RRF, section-cue rerank.

    hits = retriever.run("CVM 的可用性承诺是多少？")
    hits = retriever.run("那赔多少？", history=[Turn("user", "CVM 的可用性承诺是多少？")])

With products named (in the question or, for a follow-up, in earlier user turns) the search
is restricted to their documents (``product_mode="restrict"``; one list per product,
interleaved, when a question compares several, searched with ``comparison_dense_weight``)
or boosted (``"boost"``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np

from index.chunks import Chunk
from index.embedders import Embedder, Vectors
from index.products import Product
from index.retrieval.fusion import interleave, rrf
from index.retrieval.linking import ProductLinker
from index.retrieval.prior import DocumentPrior
from index.retrieval.rerank import SectionCueReranker
from index.retrieval.types import Hit, RetrievalConfig, Turn
from index.stores.dense import DenseStore
from index.stores.sparse import SparseIndex
from index.stores.tokens import Tokenizer

KIND_CUES = {  # the kind of agreement a question names
    "terms": re.compile(r"服务条款|合同|terms of service|service terms|\bterms\b|\bcontract\b",
                        re.IGNORECASE),
    "sla": re.compile(r"服务等级协议|\bSLA\b|service level", re.IGNORECASE),
}


@cache  # one read shared by the retriever, the composer, pointers and exclusions
def load_glossary() -> list[tuple[re.Pattern[str], list[str]]]:
    raw = json.loads(resources.files("index.retrieval").joinpath("glossary.json")
                     .read_text(encoding="utf-8"))
    return [(re.compile(rf"\b(?:{key})(?:s|es|ed|d|ing)?\b", re.IGNORECASE), terms)  # restarted
            for key, terms in raw.items() if not key.startswith("_")]


class HybridRetriever:
    """Implements :class:`index.retrieval.Retriever` over the stores of one built index."""

    def __init__(self, chunks: Sequence[Chunk], sparse: SparseIndex, dense: DenseStore | None,
                 embedder: Embedder | None, tokenizer: Tokenizer, linker: ProductLinker,
                 config: RetrievalConfig | None = None, rerank_bonus: float = 0.01,
                 prior: DocumentPrior | None = None) -> None:
        self.config = config or RetrievalConfig()
        if self.config.dense and (dense is None or embedder is None):
            raise ValueError("a dense config needs a dense store and an embedder")
        if tuple(c.id for c in chunks) != sparse.ids:
            raise ValueError("chunks and BM25 index differ; run `python -m index build`")
        self.chunks = {c.id: c for c in chunks}
        self.sparse, self.dense, self.embedder = sparse, dense, embedder
        self.tokenizer, self.linker = tokenizer, linker
        self.reranker = SectionCueReranker(rerank_bonus)
        self.prior = prior
        self.glossary = load_glossary()
        self._rows: dict[str, list[int]] = {}
        for row, chunk in enumerate(chunks):
            self._rows.setdefault(chunk.doc_id, []).append(row)
        self._paths = {c.id: f"{c.path_text} {c.heading}" for c in chunks}
        self._titles = {c.doc_id: c.doc_title for c in chunks}
        self._kinds = {c.doc_id: c.kind for c in chunks}
        self._names: dict[str, frozenset[str]] = {}

    def warm_up(self) -> None:
        self.tokenizer.warm_up()
        if self.config.dense and self.embedder is not None:
            self.embedder.warm_up()
            self.embedder.embed_query("warm up")
        if self.config.dense and self.dense is not None:
            self.dense.warm_up()  # the vectors read now, not on a user's first question

    def run(self, question: str, history: Sequence[Turn] = (), k: int = 5) -> list[Hit]:
        question = question.strip()
        if not question:
            raise ValueError("question is empty; ask something, e.g. 云服务器的可用性承诺是多少？")
        if k < 1:
            raise ValueError(f"k must be >= 1, got {k}")
        linked = self.linker.run(question, history)
        mode = self.config.product_mode
        if mode == "restrict" and not linked.strong:
            mode = "boost"
        text = self.query_text(question, history)
        tokens = self.query_tokens(text)
        if mode == "restrict" and linked.products:
            # a comparison: one list per product, each from that product's own documents
            compare = len(linked.products) > 1 and self.config.sparse  # dense-only keeps its
            weight = (self.config.comparison_dense_weight if compare
                      else self.config.dense_weight)
            vector = self._vector(text) if weight > 0 else None
            # inside a product's documents its own name says nothing: search without it
            named = frozenset(t for p in linked.products for t in self._name_tokens(p))
            topic = [t for t in tokens if t not in named] or tokens
            # a product's terms before its SLA for what no SLA measures (what its agent collects)
            prior = self.prior if self.prior is not None and self.prior.applies(question) else None
            groups = [self._search(topic, vector, question,
                                   self._of_kind(question, self.linker.table.scope(p)),
                                   prior=prior, dense_weight=weight)
                      for p in linked.products]
            merged = interleave([[cid for cid, _ in g] for g in groups])
            scores = {cid: s for g in groups for cid, s in g}
            ranked = [(cid, scores[cid]) for cid in merged]
            if not ranked:  # the product's documents had nothing: search everything
                ranked = self._search(tokens, self._vector(text), question, None)
        else:
            boost = frozenset(linked.doc_ids) if mode == "boost" else frozenset()
            prior = self._general(question, bool(linked.products))
            ranked = self._search(tokens, self._vector(text), question, None, boost, prior)
        return [self._hit(cid, score) for cid, score in ranked[:k]]

    def _of_kind(self, question: str, doc_ids: Sequence[str]) -> Sequence[str]:
        """A product's documents of the kind the question names ("混元的服务条款里…" reads
        the terms, not the SLA), or all of them when it names none or the product has none."""
        for kind, cue in KIND_CUES.items():
            if cue.search(question):
                chosen = [d for d in doc_ids if self._kinds.get(d) == kind]
                return chosen or doc_ids
        return doc_ids

    def _vector(self, text: str) -> Vectors | None:
        """The query embedding, if the config searches the dense store."""
        if self.config.dense and self.embedder is not None:
            return self.embedder.embed_query(text)
        return None

    def _name_tokens(self, product: Product) -> frozenset[str]:
        """Tokens of the product's names and of its documents' titles."""
        if product.key not in self._names:
            names = [*product.aliases, *(self._titles.get(d, "") for d in product.doc_ids)]
            self._names[product.key] = frozenset(self.tokenizer.tokens(" ".join(names)))
        return self._names[product.key]

    @staticmethod
    def query_text(question: str, history: Sequence[Turn]) -> str:
        """The question, and for a follow-up also the user's previous question."""
        previous = next((t.content for t in reversed(history) if t.role == "user"), "")
        return f"{question} {previous}".strip() if previous else question

    def query_tokens(self, question: str) -> list[str]:
        extra = [t for pattern, terms in self.glossary if pattern.search(question) for t in terms]
        return self.tokenizer.tokens(" ".join([question, *extra]))

    def _general(self, question: str, named: bool) -> DocumentPrior | None:
        """The prior for a question naming no product (see :mod:`index.retrieval.prior`)."""
        if named or self.prior is None or self.config.product_mode == "off":
            return None
        return self.prior if self.prior.applies(question) else None

    def _rankings(self, tokens: list[str], vector: Vectors | None,
                  doc_ids: Sequence[str] | None,
                  dense_weight: float) -> tuple[list[list[str]], list[float]]:
        """BM25 and dense candidate lists, among ``doc_ids`` if given."""
        n = self.config.candidates
        rankings, weights = [], []
        if self.config.sparse:
            rows = (np.array([r for d in doc_ids for r in self._rows.get(d, [])], dtype=int)
                    if doc_ids is not None else None)
            if rows is None or len(rows):
                found = self.sparse.search(tokens, n, rows)
                rankings.append([self.sparse.ids[row] for row, _ in found])
                weights.append(self.config.sparse_weight)
        if vector is not None and self.dense is not None:
            known = [d for d in doc_ids if d in self._rows] if doc_ids is not None else None
            if known is None or known:
                rankings.append([cid for cid, _ in self.dense.search(vector, n, known)])
                weights.append(dense_weight)
        return rankings, weights

    def _search(self, tokens: list[str], vector: Vectors | None, question: str,
                doc_ids: Sequence[str] | None, boost: frozenset[str] = frozenset(),
                prior: DocumentPrior | None = None,
                dense_weight: float | None = None) -> list[tuple[str, float]]:
        weight = self.config.dense_weight if dense_weight is None else dense_weight
        rankings, weights = self._rankings(tokens, vector, doc_ids, weight)
        scores = rrf(rankings, k=self.config.rrf_k, weights=weights)
        if boost:
            bonus = 1.0 / (self.config.rrf_k + 1)
            scores = {cid: s + (bonus if self.chunks[cid].doc_id in boost else 0.0)
                      for cid, s in scores.items()}
        if prior is not None:
            scores = {cid: s + prior.bonus(self.chunks[cid].doc_id) for cid, s in scores.items()}
        if self.config.rerank:
            scores = self.reranker.run(question, scores, self._paths)
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))

    def _hit(self, cid: str, score: float) -> Hit:
        return Hit(chunk=self.chunks[cid], score=score)
