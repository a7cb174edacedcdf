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
from index.domain import Clause, Document, Line
from index.sla_rules.counting import ACTUAL
from index.sla_rules.rows import normalize
from index.sla_rules.sources import Sentence, doc_lines, sentence_source, sentences, source_of

COMMIT = re.compile(r"(?:不低于?|不少于|承诺值?为?|达到)\s*(\d+(?:\.\d+)?)\s*%")
ROW = re.compile(r"^(?P<label>[^\d%]{1,30}?)\s+(?P<value>\d+(?:\.\d+)?)\s*%$")
LEAD = ("腾讯云提供的", "腾讯云提供", "本服务提供的", "本服务的", "本服务", "提供的", "对于",
        "针对", "其中", "特别地", "属于", "承诺", "服务可用性", "可用性", "在")
TRAIL = ("的情况下", "情形的", "服务可用性", "可用性", "业务", "套餐服务", "服务", "的", "在", "下",
         "为", "是")
COLUMNS = re.compile(r"^(产品类型|存储类型|服务类型|实例类型|套餐等级|服务等级)\s"
                     r"|\s(示例说明|说明)$")


@dataclass(frozen=True)
class Commitment:
    name: str
    value: Decimal
    source: Source
    metric: str
    exact_seconds: bool = False


def _trim(part: str) -> str:
    """Drop the framing words around a name, keeping its own words (``多个可用性区域``)."""
    changed = True
    while changed:
        changed = False
        part = part.strip(" ")
        for word in LEAD:
            if part.startswith(word):
                part, changed = part[len(word):], True
        for word in TRAIL:
            if part.endswith(word):
                part, changed = part[:-len(word)], True
    return part


def _name(phrase: str) -> str:
    """What a commitment covers, in the sentence's words.

    ``通过全球复制部署到腾讯云多地域下多个可用性区域的缓存服务，并且…的情况下，可用性不低于`` ->
    ``通过全球复制部署到腾讯云多地域下多个可用性区域的缓存`` (Redis, 8946).
    """
    phrase = re.sub(r"^[（(]\d+[)）]", "", phrase)
    parts = [_trim(p) for p in re.split(r"[，,：:；。]", phrase)]
    parts = [p for p in parts if p and not re.search(r"[=×/]", p)
             and not p.startswith(("并且", "且", "在此"))]
    return parts[-1] if parts else ""


def _full_label(labels: list[str], candidates: list[str]) -> str:
    """Labels a table cell split over lines, or the one line elsewhere that names them all.

    CLB (10585–10589): ``非域名化公网负载均衡`` / ``CLB`` / ``内网负载均衡 CLB`` are one cell;
    line 10546 says it in one piece: ``非域名化公网负载均衡 CLB 和内网负载均衡 CLB``.
    """
    for line in candidates:
        flat, at = line.replace(" ", ""), 0
        for part in labels:
            found = flat.find(part.replace(" ", ""), at)
            if found < 0 or (at == 0 and found > 0):
                break
            at = found + len(part.replace(" ", ""))
        else:
            if len(labels) > 1 and len(line) > len("/".join(labels)) - 2:
                return line
    return "/".join(labels)


def find_commitments(doc: Document) -> list[Commitment]:
    """Every committed percentage with the phrase that names what it covers."""
    found: list[Commitment] = []
    for sentence in sentences(doc):
        found.extend(_from_sentence(sentence))
    labels: list[str] = []
    rows = list(doc_lines(doc))
    texts = [normalize(line.text) for _, line, _ in rows]
    whole = [t for t in texts if _is_label(t) and re.search(r"\s(和|及|与)\s?", t)]
    for clause, line, _ in rows:
        text = normalize(line.text)
        m = ROW.match(text)
        bare = re.fullmatch(r"(\d+(?:\.\d+)?)%", text)
        if m and not re.search(r"赔偿|低于|高于|服务费", text):
            label = m.group("label").strip()
            found.append(Commitment(label, Decimal(m.group("value")),
                                    source_of(clause, [line], line.text.strip()), "服务可用性"))
        elif bare:
            named = labels or _labels_before(line.no, rows)
            if named:
                found.append(Commitment(_full_label(named, whole), Decimal(bare.group(1)),
                                        source_of(clause, [line], text), "服务可用性"))
        if _is_label(text):
            labels.append(text)
        else:
            labels = []
    return [c for c in found if c.value < 100 or "不低于100" in c.source.text.replace(" ", "")]


def _is_label(text: str) -> bool:
    """A short cell naming a product or edition (not a column header like ``产品类型 …``)."""
    return (len(text) <= 30 and not re.search(r"[%。，：:]", text)
            and not COLUMNS.search(text))


def _labels_before(no: int, rows: list[tuple[Clause, Line, bool]]) -> list[str]:
    """Label lines printed right above line ``no`` in the file, where the parser moved them
    to another clause (CLB: 10576/10578 above 10579 ``99.99%`` land in 4.7)."""
    by_no = {line.no: normalize(line.text) for _, line, _ in rows}
    labels: list[str] = []
    for before in sorted((n for n in by_no if n < no), reverse=True)[:4]:
        if not _is_label(by_no[before]):
            break
        labels.insert(0, by_no[before])
    return labels


def _from_sentence(sentence: Sentence) -> list[Commitment]:
    text = normalize(sentence.text)
    if "赔偿" in text.split("不低于")[0] and "不低于" in text:
        return []
    if any(w in text for w in ("持久性", "赔偿代金券", "低于标准", "成功率低于", "则视为")):
        if "持久性" not in text:
            return []
    out = []
    matches = list(COMMIT.finditer(text))
    for i, m in enumerate(matches):
        before = text[:m.start()]
        if "×" in before[-6:] or "=" in before[-6:]:
            continue
        metric = "数据存储持久性" if "持久性" in before else _metric(before)
        name = _name(before)
        tail = text[m.end():matches[i + 1].start() if i + 1 < len(matches) else len(text)]
        out.append(Commitment(name, Decimal(m.group(1)), sentence_source(sentence), metric,
                              exact_seconds=bool(ACTUAL.search(tail))))
    return out


def _metric(before: str) -> str:
    m = re.search(r"([\u4e00-\u9fffA-Za-z ]{0,12}(?:可用性|成功率))\s*$", before)
    return m.group(1).strip() if m else "服务可用性"
