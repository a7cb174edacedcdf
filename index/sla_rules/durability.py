"""Data-durability remedies written as prose: 100% of a fee when durability is missed.

CVM 3.1（4）(1521): ``如果某服务月度没有达到数据存储持久性标准…赔偿金额为相应未达标服务月度内
您就腾讯云云硬盘CBS 服务支付的相应月度服务费`` with the commitment 99.9999999% (1375);
CBS 3.1.3 (6361) the same for its own fee.
"""

from __future__ import annotations

import re
from decimal import Decimal

from calculators.rules import Tier, TierTable
from index.domain import Document
from index.sla_rules.commitments import Commitment
from index.sla_rules.sources import sentence_source, sentences


def durability_table(doc: Document, commitments: list[Commitment]) -> TierTable | None:
    commit = next((c for c in commitments if c.metric == "数据存储持久性"), None)
    if commit is None:
        return None
    for s in sentences(doc):
        text = s.text.replace(" ", "")
        if "持久性标准" not in text or "赔偿金额为" not in text:
            continue
        m = re.search(r"您就(.*?)支付的相应月度服务费", text)
        basis = (m.group(1) + "的月度服务费") if m else "月度服务费"
        src = sentence_source(s)
        tier = Tier(text=s.text.strip(), lower=None, lower_inclusive=False, upper=commit.value,
                    upper_inclusive=False, value=Decimal(100), source=src)
        return TierTable(metric="数据存储持久性", variant=None, measure="durability_pct",
                         committed=commit.value, committed_source=commit.source,
                         compensation="voucher_pct_of_monthly_fee", unit="%", fee_basis=basis,
                         header=None, tiers=(tier,),
                         notes=("未达到持久性承诺时赔偿该费用的100%（原文为赔偿金额等于该月度服务费）",))
    return None
