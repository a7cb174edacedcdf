"""One factory builds the assistant from settings; heavy things load here, never on import."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from assistant.answerability import editions_named, flat
from assistant.composer import LIST_INTRO, ExtractiveComposer
from assistant.credit import (
    CreditStage,
)
from assistant.exclusions import ExclusionMatcher
from assistant.generator import build_generator
from assistant.grounded import GroundedGenerator
from assistant.pipeline import Assistant
from assistant.pointers import effective_lines
from assistant.settings import AssistantSettings
from assistant.text import QUESTION_TERMS, WordWeights
from calculators.rules import load_catalog
from index.chunks import Chunk
from index.corpus import load_corpus
from index.domain import Document
from index.embedders import Embedder
from index.products import ProductTable
from index.retrieval.factory import build_retriever
from index.retrieval.hybrid import load_glossary
from index.stores.builder import product_words
from index.stores.chunkstore import load_documents
from index.stores.tokens import Tokenizer


def build_assistant(settings: AssistantSettings | None = None, today: date | None = None,
                    embedder: Embedder | None = None) -> Assistant:
    """The assistant over the built index (``python -m index build``), models warmed up.

    ``embedder`` replaces the configured model (tests pass a fake one).
    """
    settings = settings or AssistantSettings()
    index = settings.index
    retriever = build_retriever(index, embedder=embedder) if embedder else build_retriever(index)
    documents = load_documents(index.index_dir)
    products = ProductTable.from_documents(documents)
    by_id = {doc.id: doc for doc in documents}
    sla_products = {p.key for p in products.products
                    if any(by_id[d].kind == "sla" for d in p.doc_ids if d in by_id)}
    weights = WordWeights(chunk.text for chunk in retriever.chunks.values())  # loaded once
    covering = _covering_slas(products, sla_products, retriever.chunks.values(), by_id)
    sla_products |= set(covering)
    tokenizer = Tokenizer([*product_words(products), *QUESTION_TERMS])
    tokenizer.warm_up()
    composer = ExtractiveComposer(weights, tokenizer, load_glossary(),
                                  min_support=settings.min_support, embedder=retriever.embedder,
                                  hits_read=settings.clauses_read)
    catalog = load_catalog()
    credit = CreditStage(catalog, by_id, covering)
    exclusions = ExclusionMatcher.from_chunks(retriever.chunks.values(), catalog.slas,
                                              retriever.embedder)
    generator = build_generator(settings)
    grounded = None
    if generator is not None:
        generator.warm_up()  # a missing model or server is a clear error at start-up
        grounded = GroundedGenerator(generator)
    editions: dict[str, frozenset[str]] = {}
    for chunk in retriever.chunks.values():  # the editions each document names (专业版…)
        named = editions_named(chunk.text)
        editions[chunk.doc_id] = editions.get(chunk.doc_id, frozenset()) | named
    return Assistant(retriever, composer, credit, products, sla_products,
                     k=max(index.k, settings.clauses_read), today=today,
                     grounded=grounded, documents=by_id, editions=editions,
                     exclusions=exclusions,
                     corpus=flat(" ".join(c.text for c in retriever.chunks.values())),
                     effective=effective_lines(load_corpus().lines, documents),
                     items=listed_items(retriever.chunks.values()))


def _covering_slas(products: ProductTable, sla_products: set[str], chunks: Iterable[Chunk],
                   by_id: dict[str, Document]) -> dict[str, str]:
    """Products without an SLA of their own that exactly one SLA names as what it covers
    (``VPN 网关``: the VPN 连接 SLA counts availability per VPN 网关 instance), to that SLA's
    document id. A name found in fewer than two clauses of an SLA, or in several SLAs, links
    nothing."""
    def squeeze(text: str) -> str:
        return re.sub(r"\s+", "", text).lower()
    sla_texts: dict[str, list[str]] = {}
    for chunk in chunks:
        if by_id.get(chunk.doc_id) is not None and by_id[chunk.doc_id].kind == "sla":
            sla_texts.setdefault(chunk.doc_id, []).append(squeeze(chunk.text))
    covering = {}
    for product in products.products:
        if product.key in sla_products:
            continue
        name = squeeze(product.key)
        hits = [doc for doc, texts in sla_texts.items() if sum(name in t for t in texts) >= 2]
        if len(hits) == 1:
            covering[product.key] = hits[0]
    return covering


def listed_items(chunks: Iterable[Chunk], most: int = 8) -> dict[str, list[Chunk]]:
    """Clause id -> the first chunks of the clauses one level below it, in order, for each
    clause that introduces a list (``5.1 在以下情况下…：`` -> ``5.1.1 …`` … ``5.1.5 …``), at most
    ``most``."""
    chunks = list(chunks)
    last: dict[str, Chunk] = {}
    for c in chunks:
        if c.section and c.section != "preamble" and (
                c.clause_id not in last or c.part > last[c.clause_id].part):
            last[c.clause_id] = c
    firsts: dict[str, list[Chunk]] = {}
    for c in chunks:
        if c.part == 0 and c.clause_id in last:
            firsts.setdefault(c.doc_id, []).append(c)
    out: dict[str, list[Chunk]] = {}
    for clause, end in last.items():
        if not LIST_INTRO.search(end.text):
            continue
        below = sorted((k for k in firsts.get(end.doc_id, []) if k.section.startswith(end.section + ".")
                        and k.section.count(".") == end.section.count(".") + 1),
                       key=lambda k: [int(n) for n in re.findall(r"\d+", k.section)])
        if below:
            out[clause] = below[:most]
    return out
