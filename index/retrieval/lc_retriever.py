"""The retriever as a LangChain ``BaseRetriever``, for the assistant's LangChain edge.

    retriever = AgreementsRetriever(retriever=build_retriever(), k=5)
    docs = retriever.invoke("CVM 的可用性承诺是多少？")
    docs = retriever.invoke("那赔多少？", history=[{"role": "user", "content": "CVM …"}])

Each LangChain ``Document`` carries the chunk text and the citation fields of interfaces.md
in its metadata; typed objects stay on our side of this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.retrieval.types import Hit, Retriever, Turn


def to_document(hit: Hit) -> LCDocument:
    record = hit.record()
    text = record.pop("text")
    return LCDocument(page_content=text, id=hit.chunk.id, metadata=record)


def to_turns(history: Sequence[Turn | dict[str, str]] | None) -> tuple[Turn, ...]:
    turns = []
    for turn in history or ():
        if isinstance(turn, Turn):
            turns.append(turn)
        else:
            if turn.get("role") == "assistant":
                turns.append(Turn("assistant", str(turn.get("content", ""))))
            else:
                turns.append(Turn("user", str(turn.get("content", ""))))
    return tuple(turns)


class AgreementsRetriever(BaseRetriever):
    """LangChain face of any :class:`index.retrieval.Retriever` (usually the hybrid one)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Any  # a Retriever; Any because pydantic cannot validate a Protocol
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                history: Sequence[Turn | dict[str, str]] | None = None,
                                **_: Any) -> list[LCDocument]:
        inner: Retriever = self.retriever
        return [to_document(hit) for hit in inner.run(query, to_turns(history), k=self.k)]
