"""Which products a question is about: named in it, or carried over from earlier turns.

"那赔多少？" after "CVM 的可用性承诺是多少？" is about CVM; "and for COS?" switches to COS.
A question naming no product, with no product in the history, links to none (search all).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from index.products import Product, ProductMatch, ProductTable
from index.retrieval.types import Turn

# Names too general to restrict a search to one document ("腾讯云账号欠费" is about the
# service agreement, not the account agreement): such a match only boosts.
WEAK_ALIASES = frozenset({"账号", "腾讯云账号", "Tencent Cloud account"})


@dataclass(frozen=True)
class Linked:
    products: tuple[Product, ...]
    source: Literal["question", "history", "none"]
    strong: bool = True  # False: boost the products' documents, do not restrict to them

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for p in self.products for d in p.doc_ids))


class ProductLinker:
    """Stage: (question, history) -> the products it names."""

    def __init__(self, table: ProductTable) -> None:
        self.table = table

    def run(self, question: str, history: Sequence[Turn] = ()) -> Linked:
        found = self.table.detect(question)
        earlier = self._from_history(history)
        # "那企业账号呢？" after "注销腾讯云账号…": 账号 is part of the earlier name, same topic
        if found and earlier and all(any(m.alias.lower() in e.alias.lower() for e in earlier)
                                     for m in found):
            found = []
        if found:
            return self._linked(found, "question")
        if earlier:
            return self._linked(earlier, "history")
        return Linked((), "none")

    def _from_history(self, history: Sequence[Turn]) -> list[ProductMatch]:
        for turn in reversed(history):
            if turn.role == "user":
                found = self.table.detect(turn.content)
                if found:
                    return found
        return []

    @staticmethod
    def _linked(found: list[ProductMatch],
                source: Literal["question", "history"]) -> Linked:
        strong = [m for m in found if m.alias not in WEAK_ALIASES]
        # "腾讯云账号注销冷静期": the strong name (账号注销) says what the weak one (账号) means
        return Linked(tuple(m.product for m in (strong or found)), source, bool(strong))
