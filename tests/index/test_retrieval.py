"""Build, search, fusion and product linking on a small index (real corpus, fake embedder)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from index.embedders import Vectors
from index.errors import UserError
from index.parser import Agreements
from index.products import ProductTable
from index.retrieval.factory import build_retriever
from index.retrieval.fusion import interleave, rrf
from index.retrieval.hybrid import HybridRetriever
from index.retrieval.lc_retriever import AgreementsRetriever
from index.retrieval.linking import ProductLinker
from index.retrieval.types import RetrievalConfig, Turn
from index.settings import IndexSettings
from index.stores.builder import IndexBuilder
from index.stores.dense import DenseStore, chroma_client
from tests.index.fakes import FakeEmbedder

DOCS = {"cvm-sla", "cos-sla", "clb-sla", "tencent-cloud-terms", "account-cancellation-terms"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> IndexSettings:
    settings = IndexSettings(index_dir=tmp_path_factory.mktemp("index"), embedder="fake")
    report = IndexBuilder(settings, FakeEmbedder(), progress=False, doc_filter=DOCS).run()
    assert not report.skipped and report.chunks > 100
    return settings


@pytest.fixture(scope="module")
def retriever(built: IndexSettings) -> HybridRetriever:
    return build_retriever(built, embedder=FakeEmbedder())


def test_second_build_does_no_work_and_forced_rebuild_never_duplicates(
        built: IndexSettings) -> None:
    fake = FakeEmbedder()
    again = IndexBuilder(built, fake, progress=False, doc_filter=DOCS).run()
    assert again.skipped and fake.calls == 0
    store = DenseStore.open(chroma_client(built), "fake")
    before = store.count()
    forced = IndexBuilder(built, fake, progress=False, doc_filter=DOCS).run(force=True)
    assert not forced.skipped and forced.embedded == 0  # vectors came from the cache
    assert store.count() == before == forced.chunks


def test_build_prunes_chunks_that_no_longer_exist(tmp_path: Path) -> None:
    settings = IndexSettings(index_dir=tmp_path, embedder="fake")
    IndexBuilder(settings, FakeEmbedder(), progress=False, doc_filter={"cvm-sla", "clb-sla"}).run()
    report = IndexBuilder(settings, FakeEmbedder(), progress=False, doc_filter={"cvm-sla"}).run()
    store = DenseStore.open(chroma_client(settings), "fake")
    assert report.pruned > 0 and store.count() == report.chunks
    assert all(i.startswith("cvm-sla#") for i in store.ids())


def test_product_named_in_the_question_restricts_the_search(retriever: HybridRetriever) -> None:
    hits = retriever.run("COS 的赔偿标准是什么？", k=5)
    assert hits and all(h.chunk.doc_id == "cos-sla" for h in hits)
    assert any(h.chunk.section == "3.1" for h in hits)


def test_follow_up_carries_the_product_and_a_new_name_switches_it(
        retriever: HybridRetriever) -> None:
    history = [Turn("user", "CVM 的可用性承诺是多少？"), Turn("assistant", "99.975%")]
    assert {h.chunk.doc_id for h in retriever.run("那赔多少？", history)} == {"cvm-sla"}
    assert {h.chunk.doc_id for h in retriever.run("and for COS?", history)} == {"cos-sla"}


def test_comparison_interleaves_both_products(retriever: HybridRetriever) -> None:
    hits = retriever.run("云服务器和对象存储的赔偿标准分别是什么", k=4)
    assert {h.chunk.doc_id for h in hits[:2]} == {"cvm-sla", "cos-sla"}


class CountingEmbedder(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.queries = 0

    def embed_query(self, text: str) -> Vectors:
        self.queries += 1
        return super().embed_query(text)


def test_comparison_gives_each_product_its_own_clause_without_the_dense_list(
        built: IndexSettings) -> None:
    embedder = CountingEmbedder()
    retriever = build_retriever(built, embedder=embedder, warm_up=False)
    assert retriever.config.comparison_dense_weight == 0.0
    hits = retriever.run("云服务器和对象存储的可用性承诺分别是多少？", k=5)
    assert embedder.queries == 0  # BM25 alone inside each product's documents
    assert [h.chunk.doc_id for h in hits[:4]] == ["cvm-sla", "cos-sla"] * 2  # interleaved
    assert {(h.chunk.doc_id, h.chunk.section) for h in hits} >= {("cvm-sla", "2.2"),
                                                                  ("cos-sla", "2.2")}
    retriever.run("云服务器的可用性承诺是多少？", k=5)
    assert embedder.queries == 1  # a single product keeps the dense list
    retriever.config = dataclasses.replace(retriever.config, comparison_dense_weight=1.0)
    retriever.run("云服务器和对象存储的可用性承诺分别是多少？", k=5)
    assert embedder.queries == 2
    with pytest.raises(ValueError, match=">= 0"):
        RetrievalConfig(comparison_dense_weight=-1.0)


def test_question_naming_no_product_searches_everything(retriever: HybridRetriever) -> None:
    hits = retriever.run("欠费违约金每天按多少收取", k=5)
    assert "tencent-cloud-terms" in {h.chunk.doc_id for h in hits}  # BM25 finds 3.2.4


def test_weak_name_only_boosts(agreements: Agreements) -> None:
    linker = ProductLinker(ProductTable.from_documents(agreements.documents))
    linked = linker.run("腾讯云账号欠费了怎么办")
    assert linked.products and not linked.strong
    refined = linker.run("那企业账号呢？", [Turn("user", "注销腾讯云账号要等冷静期吗？")])
    assert [p.key for p in refined.products] == ["账号注销"] and refined.source == "history"


def test_bad_arguments_are_named(retriever: HybridRetriever) -> None:
    with pytest.raises(ValueError, match="question is empty"):
        retriever.run("   ")
    with pytest.raises(ValueError, match="k must be"):
        retriever.run("COS", k=0)
    with pytest.raises(ValueError, match="dense or sparse"):
        RetrievalConfig(dense=False, sparse=False)


def test_missing_index_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="python -m index build"):
        build_retriever(IndexSettings(index_dir=tmp_path), warm_up=False)


def test_langchain_retriever_returns_documents_with_citation_metadata(
        retriever: HybridRetriever) -> None:
    lc = AgreementsRetriever(retriever=retriever, k=3)
    docs = lc.invoke("那赔多少？", history=[{"role": "user", "content": "CVM 可用性承诺"}])
    assert len(docs) == 3 and all(d.metadata["doc_line"] == 1285 for d in docs)
    assert {"doc_title", "section", "page", "line_start", "line_end", "score"} <= set(
        docs[0].metadata)
    assert docs[0].page_content


def test_fusion_helpers() -> None:
    scores = rrf([["a", "b"], ["b", "c"]], k=1)
    assert max(scores, key=scores.__getitem__) == "b"
    assert interleave([["a", "b"], ["c", "a", "d"]]) == ["a", "c", "b", "d"]
    with pytest.raises(ValueError):
        rrf([["a"]], weights=[1.0, 2.0])


def test_a_strong_name_wins_over_a_weak_one_it_overlaps(agreements: Agreements) -> None:
    linker = ProductLinker(ProductTable.from_documents(agreements.documents))
    linked = linker.run("腾讯云账号注销冷静期里还能登录控制台吗？")
    assert [p.key for p in linked.products] == ["账号注销"] and linked.strong


def test_a_general_question_prefers_the_general_agreements(
        retriever: HybridRetriever) -> None:
    assert retriever.prior is not None
    assert retriever.prior.applies("合同纠纷由哪个法院管辖？")
    assert not retriever.prior.applies("可用性低于99%赔多少？")
    assert {"tencent-cloud-terms", "account-cancellation-terms"} <= retriever.prior.general
    hits = retriever.run("合同纠纷由哪个法院管辖？", k=3)
    assert {h.chunk.doc_id for h in hits} <= retriever.prior.general  # not an SLA


def test_english_words_reach_bm25_through_the_glossary(retriever: HybridRetriever) -> None:
    tokens = retriever.query_tokens("What is the liability cap under force majeure?")
    assert {"不可抗力", "上限"} <= set(tokens)
    tokens = set(retriever.query_tokens("Our app got demoted. Who do we contact to object?"))
    assert {"异议", "联系"} <= tokens
    assert "异议" not in set(retriever.query_tokens("How many objects can a COS bucket hold?"))


def test_naming_the_kind_of_agreement_searches_that_kind(tmp_path: Path) -> None:
    settings = IndexSettings(index_dir=tmp_path, embedder="fake")
    IndexBuilder(settings, FakeEmbedder(), progress=False,
                 doc_filter={"hunyuan-sla", "hunyuan-terms"}).run()
    retriever = build_retriever(settings, embedder=FakeEmbedder())
    terms = retriever.run("混元大模型的服务条款里，腾讯云最多赔多少？", k=5)
    assert terms and all(h.chunk.doc_id == "hunyuan-terms" for h in terms)
    sla = retriever.run("混元大模型的 SLA 里可用性承诺是多少？", k=5)
    assert sla and all(h.chunk.doc_id == "hunyuan-sla" for h in sla)
    both = {h.chunk.doc_id for h in retriever.run("混元大模型不可用了怎么办？", k=10)}
    assert both <= {"hunyuan-sla", "hunyuan-terms"}


def test_a_damaged_or_stale_index_is_named_instead_of_read(tmp_path: Path) -> None:
    from index.retrieval.factory import StaleIndexError
    from index.stores.manifest import Manifest

    settings = IndexSettings(index_dir=tmp_path, embedder="fake")
    IndexBuilder(settings, FakeEmbedder(), progress=False, doc_filter={"cvm-sla"}).run()
    build_retriever(settings, embedder=FakeEmbedder(), warm_up=False)  # as built: loads
    chunks = settings.chunks_file.read_bytes()
    settings.chunks_file.write_bytes(chunks[: len(chunks) // 2])  # half a file, as a full disk
    with pytest.raises(StaleIndexError, match="chunks.jsonl"):
        build_retriever(settings, embedder=FakeEmbedder(), warm_up=False)
    settings.chunks_file.write_bytes(chunks)
    manifest = Manifest.load(settings.manifest_file)
    assert manifest is not None
    dataclasses.replace(manifest, corpus_sha256="0" * 64).save(settings.manifest_file)
    with pytest.raises(StaleIndexError, match="another version of the corpus"):
        build_retriever(settings, embedder=FakeEmbedder(), warm_up=False)


class _Collection:
    """A stand-in for a Chroma collection (fake: only ``get``), holding four unit vectors."""

    def get(self, include: list[str]) -> dict[str, list]:
        return {"ids": ["d", "b", "a", "c"],
                "embeddings": [[0.0, 1.0], [1.0, 0.0], [1.0, 0.0], [0.6, 0.8]],
                "metadatas": [{"doc_id": "y"}, {"doc_id": "x"}, {"doc_id": "x"}, {"doc_id": "y"}]}


def test_dense_search_is_exact_with_ties_broken_by_id_and_scoped_by_document() -> None:
    store = DenseStore(_Collection())
    assert [i for i, _ in store.search([2.0, 0.0], k=3)] == ["a", "b", "c"]  # a, b tie: by id
    assert [i for i, _ in store.search([0.0, 1.0], k=2, doc_ids=["y"])] == ["d", "c"]
    assert store.search([1.0, 0.0], k=1)[0][1] == pytest.approx(1.0)


def test_a_named_products_search_gets_the_terms_prior_unless_sla_metrics_are_asked(
        retriever: HybridRetriever, monkeypatch: pytest.MonkeyPatch) -> None:
    """A product with an SLA and terms (VPN 网关): what its agent collects or what the customer
    must not do is in the terms, so its own documents are searched with the terms bonus; an
    availability or credit question is searched without it."""
    given: list[object] = []
    search = retriever._search

    def spy(*args: object, **kwargs: object) -> list[tuple[str, float]]:
        given.append(kwargs.get("prior"))
        return search(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(retriever, "_search", spy)
    retriever.run("CVM 的客户不得从事哪些行为？", k=1)
    assert retriever.prior is not None and given and given[-1] is retriever.prior
    retriever.run("CVM 可用性低于99%赔多少？", k=1)
    assert given[-1] is None
