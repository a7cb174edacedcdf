"""Product names in a message, for the reader: which clause speaks of which product.

The names are the SLA catalog's products and aliases (``calculators/data/sla_catalog.json``),
so ``同一天 CDN 也挂了 40 分钟`` in a question about CVM is read as another product's outage.
"""

from __future__ import annotations

import re
from functools import cache

from calculators.rules import load_catalog
from index.products import EVENT_AFTER, GENERIC

SHORTEST = 2  # one-letter aliases name nothing on their own
ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{1,7}(?![A-Za-z0-9])")  # RDS, EC2: a product
NOT_A_PRODUCT = frozenset({  # capitals that name no product
    "CNY", "RMB", "USD", "HKD", "SLA", "API", "QPS", "TPS", "VUM", "GB", "TB", "MB", "ID", "IP",
    "OK", "AM", "PM", "UTC", "GMT", "CST", "DAU", "MAU", "CPU", "GPU", "RCA", "MTTR", "PS", "FYI",
    "ASAP", "TTL", "HTTP", "HTTPS", "URL", "UIN", "AZ", "CX"})


@cache
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern over every alias (longest first) and each alias's product."""
    owner: dict[str, str] = {}
    for sla in load_catalog().slas:
        for alias in (sla.product, *sla.aliases):
            if len(alias) >= SHORTEST and alias.lower() not in GENERIC:
                owner.setdefault(alias.lower(), sla.product)
    words = sorted(owner, key=len, reverse=True)
    pattern = re.compile("|".join(
        rf"(?<![A-Za-z0-9]){re.escape(w)}(?![A-Za-z0-9])" if w.isascii() else re.escape(w)
        for w in words), re.I)
    return pattern, owner


def products_said(text: str) -> list[tuple[int, int, str]]:
    """Each product name in ``text``: where it is and the product it names."""
    pattern, owner = _names()
    found = [(m.start(), m.end(), owner[m.group(0).lower()]) for m in pattern.finditer(text)
             if not ((event := EVENT_AFTER.get(m.group(0).lower())) and event.match(text, m.end()))]
    found += [(m.start(), m.end(), m.group(0)) for m in ACRONYM.finditer(text)
              if m.group(0) not in NOT_A_PRODUCT
              and not any(s <= m.start() < e for s, e, _ in found)]  # a name the table lacks
    return sorted(found)
