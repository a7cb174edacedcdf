"""SLAs whose remedy is not an availability table: event tables (security services, % of
the order fee), counts of late responses, an outage-duration table, prose formulas, and
the reasons an SLA offers nothing to compute.

- Events: ``服务响应时长超时 服务费的50%`` (21444…).
- Counts: ``服务月度内，3次<本服务的服务超时响应次数<=5次 月度服务费的5%`` (22686),
  ``3次 ≤ 重大漏洞超时响应次数 < 5次`` (22894).
- Duration: 代码签名证书 ``一次持续不可用时间，超过5分钟…超过2小时但小于等于10小时`` (21267–21282).
- Prose: CMQ ``代金券金额 = 故障 Queue 每天费用 ÷ 24 ÷ 60 × 故障时间 × 100`` (4513–4515);
  流量反欺诈/验证码 ``失败请求数 × 10`` (17021, 17152).
"""

from __future__ import annotations

import re
from decimal import Decimal

from calculators.rules import ProseRule, Source, Tier
from index.domain import Document
from index.sla_rules.rows import normalize
from index.sla_rules.sources import doc_lines, sentence_source, sentences, source_of

EVENT = re.compile(r"^(服务有效期超时|服务响应时长超时)\s*服务费的\s*(\d+)%$")
COUNT = re.compile(r"(?:(\d+)\s*次\s*(<|≤|<=)\s*)?[^\d<≤>≥]*?(?:超时响应次数)"
                   r"\s*(<=|<|≤|>|≥)\s*(\d+)\s*次\s*(.*?的)\s*(\d+)%$")


def event_tiers(doc: Document) -> list[Tier]:
    out = []
    for clause, line, _ in doc_lines(doc):
        m = EVENT.match(normalize(line.text))
        if m:
            out.append(Tier(text=line.text.strip(), lower=None, lower_inclusive=False, upper=None,
                            upper_inclusive=False, value=Decimal(m.group(2)),
                            source=source_of(clause, [line], line.text.strip()),
                            event=m.group(1)))
    return out


def count_tiers(doc: Document) -> list[Tier]:
    """Late-response counts; bounds are counts (lower/upper) with inclusivity as written."""
    out = []
    for clause, line, _ in doc_lines(doc):
        text = normalize(line.text).replace("＜", "<")
        m = COUNT.search(text)
        if not m:
            continue
        low, low_op, op, bound, _, pct = m.groups()
        lower, lower_inc, upper, upper_inc = None, False, None, False
        if low:
            lower, lower_inc = Decimal(low), low_op in ("≤", "<=")
        if op in ("<", "<="):
            upper, upper_inc = Decimal(bound), op == "<="
        else:
            lower, lower_inc = Decimal(bound), op == "≥"
        out.append(Tier(text=line.text.strip(), lower=lower, lower_inclusive=lower_inc,
                        upper=upper, upper_inclusive=upper_inc, value=Decimal(pct),
                        source=source_of(clause, [line], line.text.strip())))
    return out


def duration_tiers(doc: Document) -> list[Tier]:
    """Outage-duration rows (minutes); a row spans 2–3 source lines."""
    lines = [(c, line) for c, line, _ in doc_lines(doc)]
    out = []
    for i, (clause, line) in enumerate(lines):
        text = line.text.strip()
        if not text.startswith("单个服务月度内一次持续不可用时间"):
            continue
        group = [ln for _, ln in lines[i:i + 3]]
        joined = "".join(ln.text.strip() for ln in group)
        pct = re.search(r"月度服务费的(\d+)%", joined)
        if not pct:
            continue
        bounds: tuple[Decimal, bool, Decimal | None, bool]
        if "超过10小时" in text:
            bounds = (Decimal(600), False, None, False)
        elif "超过2小时但小于等于10小时" in text:
            bounds = (Decimal(120), False, Decimal(600), True)
        else:
            bounds = (Decimal(5), False, Decimal(120), True)
        out.append(Tier(joined, bounds[0], bounds[1], bounds[2], bounds[3], Decimal(pct.group(1)),
                        source_of(clause, group, joined)))
    return out


def prose_rule(doc: Document) -> ProseRule | None:
    for s in sentences(doc):
        text = s.text.replace(" ", "")
        m = re.search(r"每天费用÷24÷60×故障时间[^×]*×(\d+)", text)
        if m:
            cap = re.search(r"不超过([^。]*?总费用)", text)
            return ProseRule("per_minute_voucher", Decimal(m.group(1)), sentence_source(s),
                             cap.group(1) if cap else "")
        m = re.search(r"失败请求(?:数|次数)(?:的)?(?:×|\*)?(\d+)(?:倍)?", text) or \
            re.search(r"失败请求次数的(\d+)倍", text)
        if m and "赔偿" in text:
            cap = re.search(r"赔偿次数上限为([^）)]*)", text)
            return ProseRule("failed_requests_multiple", Decimal(m.group(1)), sentence_source(s),
                             cap.group(1) if cap else "")
    return None


REASONS = [
    (r"免费产品[^。]*不提供任何\s*SLA",
     "free product: no SLA commitment (免费产品，不提供任何 SLA 承诺)"),
    (r"退款", "refund only: the SLA grants refunds, not credits (仅退款)"),
    (r"免费更换硬件设\s*备|更换硬件", "device replacement only: no credit (仅免费更换设备)"),
]


def not_computable_reason(doc: Document) -> tuple[str, Source | None]:
    for pattern, reason in REASONS:
        for s in sentences(doc):
            if re.search(pattern, s.text.replace("\n", "")):
                return reason, sentence_source(s)
    for s in sentences(doc):
        if re.search(r"不低于\s*\d", s.text):
            return ("no compensation: the SLA commits a level but states no compensation "
                    "(无赔偿条款)"), sentence_source(s)
    return "no compensation clause (无赔偿条款)", None


def count_metric(tiers: list[Tier]) -> str:
    """The counted thing as the rows word it: ``重大漏洞超时响应次数`` (22894), else
    ``服务超时响应次数`` (22686 ``本服务的服务超时响应次数``)."""
    m = re.search(r"([\u4e00-\u9fff]*超时响应次数)", normalize(tiers[0].text)) if tiers else None
    name = m.group(1) if m else "服务超时响应次数"
    return name.removeprefix("服务月度内").removeprefix("本服务的")


def event_metric(tiers: list[Tier]) -> str:
    """The events' subjects: ``服务有效期/服务响应时长`` (安全托管 21584–21586)."""
    return "/".join(dict.fromkeys((t.event or "").removesuffix("超时") for t in tiers))
