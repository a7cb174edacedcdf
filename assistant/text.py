"""Sentences, weighted keyword overlap and the figures a sentence states.

Scoring is by character bigrams weighted by how rare they are in the corpus (an IDF
computed once from the indexed chunks), so "六十（60）个自然日" outweighs "服务".
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from index.products import Product

SENTENCE_END = re.compile(r"(?<=[。；！？!?])|\n")
# words questions use that jieba would cut into single characters
RESPECTIVELY = re.compile(r"分别|各自|各是|各为|区别|差别|有何不同|有什么不同|respectively|each of"
                          r"|differen|compare", re.IGNORECASE)  # one figure per item asked
QUESTION_TERMS = ("最晚", "最迟", "多久", "冷静期", "违约金", "工作日", "自然日", "标准存储",
                  "低频存储", "归档存储", "深度归档", "多可用区", "单实例", "免责", "赔偿申请",
                  "申请时限", "单可用区", "单节点", "双节点", "三节点")
QUESTION_WORDS = frozenset("""什么 怎么 多少 如何 哪些 哪个 是否 可以 能否 没有 我们 你们
    时候 哪天 几天 一下 请问 协议 腾讯 腾讯云 条款 规定 里面 哪里 怎样
    怎么样 为什么 需要 应该 还是 那么 如果 时间 问题 情况 规则 这个 那个 一个 说 吗 呢 please tell
    me about does do did when where who whose there any under agreement agreements clause
    tencent cloud say says said""".split())


def simplified(text: str) -> str:
    """The text in simplified characters (醫療報告 -> 医疗报告): the agreements and the product
    names are simplified, and so must a question in traditional characters be to match them.
    Simplified text comes back unchanged (not one of the corpus's 58,050 lines changes)."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return text
    return str(_t2s().convert(text)).translate(VARIANTS)


VARIANTS = str.maketrans({"帐": "账"})  # 帐单 (帳單 in OpenCC's t2s): the agreements write 账单


@functools.cache
def _t2s() -> Any:
    import opencc  # the OpenCC tables (Apache-2.0), loaded on the first Chinese question

    return opencc.OpenCC("t2s")


JOINED_CLAUSES = 90  # a sentence this short is quoted whole, not cut at its "；"


def sentences(text: str) -> list[str]:
    """Sentences and table rows of a clause text, in order, stripped. A table label on a
    line of its own (``RocketMQ 5.x 专业版集群``, ``白金``) is kept with the figures under it."""
    parts = [clause.strip() for line in text.split("\n")
             for sentence in re.split(r"(?<=[。！？!?])", line)
             for clause in ([sentence] if len(sentence.strip()) <= JOINED_CLAUSES
                            else re.split(r"(?<=；)", sentence))]
    out: list[str] = []
    for part in (p for p in parts if p):
        if out and _is_label(out[-1]) and re.search(r"\d\s*[%％]", part) and len(part) <= 80:
            out[-1] = f"{out[-1]} {part}"
        elif out and re.search(r"[=＝×+＋\-－（(，,、]$", out[-1]):  # a line broken mid-sentence
            out[-1] = f"{out[-1]} {part}"
        elif out and _wrapped(out[-1], part):  # prose wrapped inside a table cell
            out[-1] = f"{out[-1]}{part}"
        else:
            out.append(part)
    return [p for p in out if len(p) >= 2]


def _wrapped(line: str, after: str) -> bool:
    """``…应在半小时之内`` + ``响应。``: a prose line cut at the cell's width, not a row end."""
    return (len(line) >= 20 and bool(re.search(r"[\u4e00-\u9fff]$", line))
            and "，" in line and "%" not in line and "%" not in after
            and not re.match(r"[（(]?[\d一二三四五六七八九十]+[)）.、]|[•·]|第", after))


def _is_label(line: str) -> bool:
    return len(line) <= 30 and not re.search(r"[。；，：%％]", line)


def normalise_numbers(text: str) -> str:
    """``95.0%`` -> ``95%``, ``99.50 %`` -> ``99.5%``: the same figure written two ways."""
    text = re.sub(r"(\d)\s+%", r"\1%", text)
    text = re.sub(r"(\d+\.\d*?)0+(?=%|\D|$)", r"\1", text)
    return re.sub(r"(\d+)\.(?=%|\D|$)", r"\1", text)


class WordWeights:
    """Inverse document frequency of words over the indexed passages, computed on demand
    (a word is counted in a passage when it occurs in it as a substring) and cached."""

    def __init__(self, passages: Iterable[str]) -> None:
        self.passages = [p.lower() for p in passages]
        self._idf: dict[str, float] = {}

    def idf(self, word: str) -> float:
        if word not in self._idf:
            df = sum(1 for p in self.passages if word in p)
            self._idf[word] = math.log((len(self.passages) + 1) / (df + 1)) + 1.0
        return self._idf[word]


def keywords(tokens: Iterable[str]) -> list[str]:
    """Content words of a question's tokens (function and question words dropped)."""
    out = [normalise_numbers(t.lower()) for t in tokens if len(t) >= 2 or re.match(r"\d", t)]
    return list(dict.fromkeys(t for t in out if t not in QUESTION_WORDS))


# question words and the words the agreements use for them
SYNONYMS: dict[str, tuple[str, ...]] = {
    "承诺": ("不低于", "承诺"), "标准": ("不低于", "标准"), "保证": ("不低于",),
    "最晚": ("不应超过", "最晚", "之内", "以内"), "最迟": ("不应超过", "最晚"),
    "多久": ("日", "天", "个月"), "赔多少": ("赔偿", "服务费的"), "赔偿": ("赔偿", "代金券"),
    "违约金": ("违约金", "滞纳金"), "退款": ("退款", "退还", "退费"), "注销": ("注销",),
    "最多": ("不超过", "最高", "上限"), "上限": ("不超过", "上限", "最高"),
    "不可用": ("不可用", "故障"), "宕机": ("不可用", "故障"), "断了": ("不可用",),
}


NEGATIONS = "非不无未"


def _occurs(word: str, text: str) -> bool:
    """``word`` in ``text`` other than negated: ``域名化`` is not in ``非域名化公网``."""
    start = text.find(word)
    while start >= 0:
        if start == 0 or text[start - 1] not in NEGATIONS or word[0] in NEGATIONS:
            return True
        start = text.find(word, start + 1)
    return False


Alternatives = Mapping[str, tuple[str, ...]]


def _present(word: str, text: str, alts: Alternatives = MappingProxyType({})) -> bool:
    return _occurs(word, text) or any(alt in text for alt in SYNONYMS.get(word, ())) \
        or any(alt in text for alt in alts.get(word, ()))


def present_words(words: list[str], text: str, alts: Alternatives = MappingProxyType({})
                  ) -> set[str]:
    """The words (or their synonyms) a text holds."""
    lowered = normalise_numbers(text.lower())
    return {w for w in words if _present(w, lowered, alts)}


def coverage(words: list[str], text: str, weights: WordWeights, context: str = "",
             emphasis: frozenset[str] = frozenset(),
             alts: Alternatives = MappingProxyType({})) -> float:
    """IDF-weighted share of ``words`` that occur in ``text`` (0–1); a word found only in
    ``context`` (the clause's heading path) counts half; ``emphasis`` words count double
    (a follow-up's own words outweigh the earlier question's); ``alts`` are other words
    that count as a word (the glossary's Chinese terms for one English word)."""
    def weight(word: str) -> float:
        return weights.idf(word) * (2.0 if word in emphasis else 1.0)

    total = sum(weight(w) for w in words)
    if total == 0:
        return 0.0
    lowered, around = normalise_numbers(text.lower()), context.lower()
    found = 0.0
    for word in words:
        if _present(word, lowered, alts):
            found += weight(word)
        elif around and _present(word, around, alts):
            found += 0.5 * weight(word)
    return found / total


# The figures a sentence states, by what a question asks for.
DURATION = (r"(?<![\d.])(?=[一二三四五六七八九十百零两\d（(])[一二三四五六七八九十百零两]*[（(]?\d*(?:\.\d+)?[）)]?"
            r"\s*(?:个)?\s*(?:自然日|工作日|个月|日|天|小时|分钟)"
            r"|(?<![\d.])(?:\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个)?\s*(?:年|周|星期)(?![\d月度])")
FIGURES = {
    "deadline": re.compile(DURATION),
    "percent": re.compile(r"\d+(?:\.\d+)?\s*[%％]|[万千]分之[一二三四五六七八九十\d]+"
                          r"|\d+(?:\.\d+)?‰"),
    "money": re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?\s*元"),
}
ASKS = {
    "deadline": re.compile(r"多久|几天|多少天|多长时间|期限|时限|最晚|最迟|之内|以内|几个工作日|多短"
                           r"|冷静期|how long|how short|how soon|how quickly|how many days|deadline"
                           r"|within|time limit|latest|截止|截至|最早|(?:什么时候|何时|哪天)(?:才)?(?:可以|能)(?:开始)?(?:申请|提)|(?:^|[,;?]\s*|\b(?:and|so|but|ok|okay)\s+)when\b"
                           r"|\b(?:by|until) when\b", re.I),
    "percent": re.compile(r"百分之|比例|%|可用性|承诺|赔多少|赔偿多少|标准是多少"
                          r"|违约金|percent|rate|how much|commit|\bavailability|\buptime|late fee"
                          r"|penalt", re.I),
    "money": re.compile(r"多少钱|金额|元|amount|CNY|yuan", re.I),
}


HOW_COMPUTED = re.compile(r"怎么算|如何计算|怎么计算|按\S{1,6}算|计算方式|how is .{0,30}"
                          r"(?:calculated|computed|measured)", re.I)
WHETHER_COUNTED = re.compile(  # "is availability even calculated for a partial month?": yes or no
    r"(?:^|[.?!:;]\s+)(?:is|are|does|do)\s+[^?.]{0,60}?\b(?:calculated|counted|computed|measured"
    r"|included|covered|apply|applies|count|counts)\b[^?.]*\?"
    r"|(?:是否|会不会|算不算)(?:计算|计入|统计|适用|包含|包括)", re.I)
ASKS_NUMBER = re.compile(r"多少|几|百分之|比例|how much|how many|what percent", re.I)
WHY_ASKED = re.compile(r"\bwhy\b|为什么|为啥|凭什么|怎么会", re.I)  # a reason asked: no figure leads


def asked_figures(question: str) -> list[str]:
    """Which kinds of figure the question asks for, most specific first (none for "按桶算
    还是怎么算？": a question about how something is computed asks for the rule)."""
    if (HOW_COMPUTED.search(question) or WHETHER_COUNTED.search(question)
            or WHY_ASKED.search(question)) and not ASKS_NUMBER.search(question):
        return []
    return [kind for kind in ("deadline", "percent", "money") if ASKS[kind].search(question)]


def figures(sentence: str, kinds: list[str]) -> list[str]:
    """The figures of the asked kinds a sentence states, in order."""
    found: list[str] = []
    for kind in kinds:
        for match in FIGURES[kind].finditer(sentence):
            if re.search(r"[×*/xX]\s*$", sentence[:match.start()]):
                continue  # the "× 100%" of a formula is not an answer
            found.append(match.group(0).strip())
    return list(dict.fromkeys(found))


def without_names(text: str, products: Iterable[Product]) -> str:
    """``text`` with every name of ``products`` taken out, longest first (a product's own
    names say nothing of what is asked about it)."""
    for product in products:
        for alias in sorted(product.aliases, key=len, reverse=True):
            text = re.sub(re.escape(alias), " ", text, flags=re.IGNORECASE)
    return text


def bigrams(text: str) -> set[str]:
    """The two-character runs of a text's Chinese words."""
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {run[i:i + 2] for run in runs for i in range(len(run) - 1)}


PART_BREAK = re.compile(  # where a question asking two things starts its second one
    r"(?<=[？?])\s*(?=\S)"
    r"|[，,；;。.]\s*(?=(?:另外|此外|还有|以及|同时|顺便问一?下|再问一?下)[^，,。]{4,})"
    r"|[，,；;]?\s+(?=(?:and|also|plus),?\s+(?:what|how|when|where|who|which|whether|is|are|can|could"
    r"|do|does|did|will|would|should|if)\b)"
    r"|[.;]\s+(?=(?:also|second(?:ly)?|and)\b)", re.I)


def question_parts(question: str) -> list[str]:
    """The questions a message asks (``how far ahead must we ask, and what counts as a burst?``
    -> two; ``备案要多久？另外费用谁出？`` -> two); one part when it asks one thing. Parts too short
    to ask anything on their own (``ok?``) stay with the part before."""
    parts: list[str] = []
    for piece in PART_BREAK.split(question):
        piece = piece.strip()
        if not piece:
            continue
        if parts and len(re.findall(r"[\u4e00-\u9fff]|[A-Za-z]+", piece)) < 4:
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts
