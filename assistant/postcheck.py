"""The post-check of a generated answer: every figure from a cited clause or the calculator.

A generated answer is kept only when it cites at least one clause with ``[n]``, cites no
clause it was not given, and states no number that its cited clauses (or the calculator
RESULT) do not. Numbers are compared by value, whichever way they are written:

    figures("六十（60）个自然日内，按万分之五计")
    -> [("六十", {60}), ("60", {60}), ("万分之五", {0.0005, 0.05})]
    figures("赔偿 10%") -> [("10%", {10, 0.1})]

so ``六十日`` matches ``60日``, ``95.0%`` matches ``95%``, ``０.０５％`` matches ``万分之五``.
Pure functions over strings; no I/O.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from assistant.numbers import parse_number

MARKER_RE = re.compile(r"\[(\d+(?:\s*[,，、]\s*\d+)*)\]")
CN = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
CN_RUN = rf"[{CN}]+(?:点[零〇一二两三四五六七八九]+)?"
ARABIC_RUN = r"\d+(?:,\d{3})*(?:\.\d+)?"
RATIO = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10_000)}
# "百分之五", "万分之五", "5%", "1.2万", "六十", "99.95"; digits glued to Latin letters
# (IPv6, S3, 5.x) are names, not figures
NUMBER_RE = re.compile(
    rf"(?P<ratio>[百千万])分之(?P<rnum>{ARABIC_RUN}|{CN_RUN})"
    rf"|(?<![A-Za-z\d.])(?P<arabic>{ARABIC_RUN})(?![A-Za-z\d]|\.[A-Za-z])"
    rf"(?P<wan>\s*[万亿](?![分之]))?(?P<pct>\s*%)?"
    rf"|(?P<cn>{CN_RUN})(?P<cnpct>\s*%)?")
# words written with numeral characters that state no figure
NOT_FIGURES = ("一般", "一旦", "一致", "统一", "唯一", "一些", "一切", "一定", "一起", "一律",
               "一并", "一经", "一方", "双方", "之一", "进一步", "第三方", "万一", "千万", "十分",
               "一直", "逐一", "一一", "两者", "同一", "一体", "一时", "一下", "一样",
               "一项", "一方面", "百分百", "三方")
# one character that is mostly part of a word (一个, 百度, 千兆, 零售), not a figure
LONE_NOT_FIGURES = frozenset("一零〇百千万亿佰仟")
# English number words and month names state figures too ("within sixty days", "by July 6");
# "one" is as often a pronoun as a figure, like a lone 一
EN_WORDS = {w: Decimal(i) for i, w in enumerate(
    "zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split()) if w != "_"}
EN_WORDS |= {"thirty": Decimal(30), "forty": Decimal(40), "fifty": Decimal(50),
             "sixty": Decimal(60), "seventy": Decimal(70), "eighty": Decimal(80),
             "ninety": Decimal(90), "hundred": Decimal(100)}
MONTHS = {m: Decimal(i) for i, m in enumerate(
    "january february march april may june july august september october november "
    "december".split(), start=1)}
MONTHS |= {m[:3]: v for m, v in MONTHS.items()}
del MONTHS["may"]  # "may" is mostly the verb
EN_WORD_RE = re.compile(r"\b(" + "|".join(sorted({*EN_WORDS, *MONTHS}, key=len, reverse=True))
                        + r")\b", re.IGNORECASE)
LIST_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[.、)）](?!\d)",
                          re.MULTILINE)


@dataclass(frozen=True)
class Verdict:
    """Whether a generated answer may be shown; ``reasons`` say why not."""

    ok: bool
    reasons: tuple[str, ...] = ()
    cited: tuple[int, ...] = ()


def normalise(text: str) -> str:
    """Full-width forms to ASCII (``９５．０％`` -> ``95.0%``), thousands commas kept."""
    return unicodedata.normalize("NFKC", text)


def markers(text: str) -> list[int]:
    """The clause numbers an answer cites: ``见[1]、[2, 3]`` -> ``[1, 2, 3]``."""
    found: list[int] = []
    for m in MARKER_RE.finditer(normalise(text)):
        found.extend(int(n) for n in re.split(r"\s*[,，、]\s*", m.group(1)))
    return list(dict.fromkeys(found))


def _value(raw: str) -> Decimal | None:
    raw = raw.replace(",", "")
    if re.fullmatch(ARABIC_RUN.replace(",", ""), raw):
        try:
            return Decimal(raw)
        except InvalidOperation:
            return None
    return parse_number(raw)


def figures(text: str) -> list[tuple[str, frozenset[Decimal]]]:
    """Each number the text states, with the values it may stand for.

    ``10%`` -> {10, 0.1}; ``万分之五`` -> {0.0005, 0.05 (as a percentage)}; ``1.2万`` ->
    {12000, 1.2}; ``六十`` -> {60}. Citation markers, list numbering and words such as
    ``一般``, ``第三方`` are not figures; a lone ``一`` (一次, 一个月) is not counted either.
    English number words count (``sixty`` -> {60}), and a month name followed by a day
    (``July 6`` -> {7}, {6}).
    Values compare as ``Decimal`` (``Decimal("95.0") == Decimal("95")``).
    """
    text = MARKER_RE.sub(" ", normalise(text))
    text = LIST_ITEM_RE.sub(" ", text)
    for word in sorted(NOT_FIGURES, key=len, reverse=True):
        text = text.replace(word, " " * len(word))
    out: list[tuple[str, frozenset[Decimal]]] = []
    for m in NUMBER_RE.finditer(text):
        values: set[Decimal] = set()
        if m.group("ratio"):
            base = _value(m.group("rnum"))
            if base is None:
                continue
            fraction = base / RATIO[m.group("ratio")]
            values = {fraction, fraction * 100}
        elif m.group("arabic"):
            base = _value(m.group("arabic"))
            if base is None:
                continue
            values = {base}
            wan = (m.group("wan") or "").strip()
            if wan:
                values.add(base * (10_000 if wan == "万" else 100_000_000))
            if m.group("pct"):
                values.add(base / 100)
        else:
            raw = m.group("cn")
            if raw in LONE_NOT_FIGURES:
                continue
            base = _value(raw)
            if base is None:
                continue
            values = {base}
            if m.group("cnpct"):
                values.add(base / 100)
        out.append((m.group(0).strip(), frozenset(values)))
    for m in EN_WORD_RE.finditer(text):
        word = m.group(1).lower()
        if word in MONTHS and not re.match(r"\s*\d", text[m.end():]):
            continue  # "mar", "jun" as words; a month counts when a day follows it
        out.append((m.group(1), frozenset({EN_WORDS[word] if word in EN_WORDS else MONTHS[word]})))
    return out


def mention_values(text: str) -> frozenset[Decimal]:
    """Every value any number in the text may stand for."""
    return frozenset(v for _, values in figures(text) for v in values)


def _flatten(value: Any) -> str:
    if isinstance(value, Mapping):
        return " ".join(_flatten(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(_flatten(v) for v in value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return ""
    return json.dumps(value) if not isinstance(value, Decimal) else str(value)


def result_text(calculation: Mapping[str, Any] | None) -> str:
    """The calculator RESULT's values as text (its figures are allowed in the answer)."""
    return _flatten(calculation) if calculation else ""


def check(text: str, sources: Sequence[str],
          calculation: Mapping[str, Any] | None = None) -> Verdict:
    """Judge a generated answer against the numbered sources it was given.

    ``sources[i]`` is clause ``[i + 1]`` (its label and text). Rejects an answer that cites
    nothing, cites a clause number it was not given, or states a number found neither in
    the clauses it cites nor in the calculator RESULT.
    """
    cited = markers(text)
    reasons: list[str] = []
    if not text.strip():
        reasons.append("empty answer")
    if not cited:
        reasons.append("cites no clause")
    unknown = [n for n in cited if not 1 <= n <= len(sources)]
    if unknown:
        reasons.append(f"cites clauses it was not given: {unknown}")
    # with nothing cited, the figures are still checked against every clause given, so
    # that the reasons name an invented one
    read = [n for n in cited if 1 <= n <= len(sources)] or range(1, len(sources) + 1)
    allowed = mention_values(" ".join(sources[n - 1] for n in read))
    allowed |= mention_values(result_text(calculation))
    invented = [raw for raw, values in figures(text) if not values & allowed]
    if invented:
        reasons.append(f"numbers not in the cited clauses: {list(dict.fromkeys(invented))}")
    return Verdict(not reasons, tuple(reasons), tuple(cited))
