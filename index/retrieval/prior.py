"""Document prior for questions that name no product.

"合同纠纷在哪个法院打官司？" or "Who owns the data I upload?" names no product; its answer is
in the general agreements (腾讯云服务协议, 账号协议, 账号注销协议, the customer-data FAQ),
not in the look-alike boilerplate of some product's SLA. Such a question gets a bonus on the
general agreements and a smaller one on terms documents, unless it asks about SLA metrics
(availability, compensation, vouchers), whose answers live in SLAs. Measured by
`python -m eval retrieval` on the held-back questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from index.domain import Document

GENERAL_CATEGORY = "腾讯云产品相关协议"
GENERAL_TITLES = frozenset({"腾讯云客户数据常见问题"})

SLA_METRICS = re.compile(
    r"可用性|SLA|服务等级|赔偿|赔付|赔多少|代金券|不可用|故障|成功率|错误率|持久性|"
    r"availab|uptime|compensat|credit|voucher|outage|downtime|durab|success rate|error rate",
    re.IGNORECASE)


def general_documents(documents: Iterable[Document]) -> frozenset[str]:
    """Ids of the agreements that hold for every product."""
    return frozenset(d.id for d in documents
                     if d.category.startswith(GENERAL_CATEGORY) or d.title in GENERAL_TITLES)


@dataclass(frozen=True)
class DocumentPrior:
    """Stage: (question, fused scores) -> scores with the general/terms bonus added."""

    general: frozenset[str]
    kinds: Mapping[str, str]  # doc id -> kind
    general_bonus: float = 0.02
    terms_bonus: float = 0.003

    def applies(self, question: str) -> bool:
        return bool(self.general) and not SLA_METRICS.search(question)

    def bonus(self, doc_id: str) -> float:
        if doc_id in self.general:
            return self.general_bonus
        return self.terms_bonus if self.kinds.get(doc_id) == "terms" else 0.0
