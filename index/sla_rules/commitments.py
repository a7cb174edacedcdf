"""Committed values of an SLA (``服务可用性不低于99.975%``) and which table each belongs to.

Commitments are read from sentences (``对于读写实例和只读实例，本服务提供的可用性不低于99.99%``)
and from commitment tables (``标准存储 99.99%``, ``白金 99.99%``). A compensation table gets the
commitment named by its variant label, else the one whose value is the table's top bound
(Redis 9018/9026/9034, CLB, TDSQL-C: same headers, no labels), else the only one. Where the
top bound and the commitment differ (IM 99.99% vs 99.9%; 机密计算 99.90% vs 99.95%) both are
kept and the table carries a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from calculators.rules import Source
from index.domain import Document
from index.sla_rules.rows import normalize
from index.sla_rules.sources import Sentence, doc_lines, sentence_source, sentences, source_of

COMMIT = re.compile(r"(?:不低于?|不少于|承诺值?为?|达到)\s*(\d+(?:\.\d+)?)\s*%")
ROW = re.compile(r"^(?P<label>[^\d%]{1,30}?)\s+(?P<value>\d+(?:\.\d+)?)\s*%$")
STRIP = ("腾讯云提供的", "腾讯云提供", "本服务提供的", "本服务的", "本服务", "提供的", "对于",
         "针对",
         "其中", "特别地", "属于", "情形的", "的情况下", "承诺", "服务可用性", "可用性", "业务",
         "套餐服务", "服务")


@dataclass(frozen=True)
class Commitment:
    name: str
    value: Decimal
    source: Source
    metric: str


def _name(phrase: str) -> str:
    phrase = re.sub(r"^[（(]\d+[)）]", "", phrase)
    for word in STRIP:
        phrase = phrase.replace(word, "")
    parts = [p.strip(" 的在下为是") for p in re.split(r"[，,：:；。]", phrase)]
    parts = [p for p in parts if p and not re.search(r"[=×/]", p)
             and not p.startswith(("并且", "且", "在此"))]
    return parts[-1] if parts else ""


def find_commitments(doc: Document) -> list[Commitment]:
    """Every committed percentage with the phrase that names what it covers."""
    found: list[Commitment] = []
    for sentence in sentences(doc):
        found.extend(_from_sentence(sentence))
    labels: list[str] = []
    for clause, line, _ in doc_lines(doc):
        text = normalize(line.text)
        m = ROW.match(text)
        bare = re.fullmatch(r"(\d+(?:\.\d+)?)%", text)
        if m and not re.search(r"赔偿|低于|高于|服务费", text):
            label = m.group("label").strip()
            found.append(Commitment(label, Decimal(m.group("value")),
                                    source_of(clause, [line], line.text.strip()), "服务可用性"))
        elif bare and labels:
            found.append(Commitment("/".join(labels), Decimal(bare.group(1)),
                                    source_of(clause, [line], text), "服务可用性"))
        if len(text) <= 30 and not re.search(r"[%。，：:]", text):
            labels.append(text)
        else:
            labels = []
    return [c for c in found if c.value < 100 or "不低于100" in c.source.text.replace(" ", "")]


def _from_sentence(sentence: Sentence) -> list[Commitment]:
    text = normalize(sentence.text)
    if "赔偿" in text.split("不低于")[0] and "不低于" in text:
        return []
    if any(w in text for w in ("持久性", "赔偿代金券", "低于标准", "成功率低于", "则视为")):
        if "持久性" not in text:
            return []
    out = []
    for m in COMMIT.finditer(text):
        before = text[:m.start()]
        if "×" in before[-6:] or "=" in before[-6:]:
            continue
        metric = "数据存储持久性" if "持久性" in before else _metric(before)
        name = _name(before)
        out.append(Commitment(name, Decimal(m.group(1)), sentence_source(sentence), metric))
    return out


def _metric(before: str) -> str:
    m = re.search(r"([\u4e00-\u9fffA-Za-z ]{0,12}(?:可用性|成功率))\s*$", before)
    return m.group(1).strip() if m else "服务可用性"
