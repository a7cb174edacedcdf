"""The real thing on a few documents: USE model, persistent Chroma, BM25, linking, rerank."""

from __future__ import annotations

import pytest

from index.embedders import build_embedder
from index.retrieval.factory import build_retriever
from index.retrieval.hybrid import HybridRetriever
from index.retrieval.types import Turn
from index.settings import IndexSettings
from index.stores.builder import IndexBuilder

pytestmark = pytest.mark.integration

DOCS = {"cvm-sla", "cos-sla", "clb-sla", "cbs-sla", "tencent-cloud-terms",
        "account-cancellation-terms", "privacy-policy"}


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> HybridRetriever:
    settings = IndexSettings(index_dir=tmp_path_factory.mktemp("use-index"), embedder="use")
    IndexBuilder(settings, build_embedder("use"), progress=False, doc_filter=DOCS).run()
    return build_retriever(settings)


def _top(retriever: HybridRetriever, question: str, history: list[Turn] | None = None,
         k: int = 5) -> list[str]:
    return [h.chunk.clause_id for h in retriever.run(question, history or [], k=k)]


@pytest.mark.parametrize(("question", "clause"), [
    ("云服务器的单实例可用性承诺是多少？", "cvm-sla#2.2"),
    ("What availability does CVM commit to?", "cvm-sla#2.2"),
    ("COS 标准存储可用性低于99%赔多少", "cos-sla#3.1"),
    ("How long do I have to claim a COS credit?", "cos-sla#3.2"),
    ("欠费了违约金每天怎么算", "tencent-cloud-terms#3.2.4"),
    ("企业账号注销冷静期多长", "account-cancellation-terms#2.4"),
])
def test_the_answering_clause_is_in_the_top_5(retriever: HybridRetriever, question: str,
                                              clause: str) -> None:
    assert clause in _top(retriever, question), question


def test_follow_up_in_another_language_keeps_the_product(retriever: HybridRetriever) -> None:
    history = [Turn("user", "CBS 云硬盘的可用性承诺是多少？"), Turn("assistant", "99.975%")]
    top = _top(retriever, "And how much is the compensation?", history)
    assert top and all(c.startswith("cbs-sla#") for c in top)
    assert "cbs-sla#3.1" in top
