"""The product table: which agreements a question is about.

Built from the agreement titles (product part = title without ``腾讯云`` and the kind
words, e.g. ``云服务器`` for ``云服务器服务等级协议``) plus curated aliases in
``index/data/product_aliases.json`` (English names, abbreviations, everyday words). The same
table names products for retrieval (boost or filter by document) and for the credit
calculators' catalog.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pypinyin import Style, pinyin

from index.domain import Document
from index.slugs import product_part

GENERIC = {"sdk", "ai", "saas", "web", "js", "app", "lite", "pro", "ide", "api", "ios",
           "android", "v5", "tencent", "cloud", "tencentdb", "ip"}  # IP: an address, not 弹性公网 IP


COMMON_WORDS = {  # a product's name that is also a plain word after these (整个账号, 子账号)
    "账号": re.compile(r"(?:整个|主|子|同一个?|每个|各|该|这个|那个|多个|其他|单个|个人|企业|我们的?|我的|按|一个)$"),
}
EVENT_AFTER = {  # a product's name that names an event when these follow (a DDoS attack)
    "ddos": re.compile(r"\s*(?:attacks?|攻击|流量攻击|打了|flood)", re.I),
}


DROPPED_PREFIXES = ("腾讯云", "腾讯", "公有云")  # words users leave off a product's name
TOO_COMMON = ("服务", "云服务", "会议", "企业", " ")  # what is left would name something else too


@dataclass(frozen=True)
class Product:
    """A product with the documents about it and every name it goes by."""

    key: str
    doc_ids: tuple[str, ...]
    aliases: tuple[str, ...]
    has_sla: bool = False  # one of its documents is a service level agreement


@dataclass(frozen=True)
class ProductMatch:
    """A product named in a text: which alias, where."""

    product: Product
    alias: str
    start: int
    end: int


def product_key(title: str) -> str:
    """``腾讯云短信服务等级协议`` -> ``短信``; ``云服务器服务等级协议`` -> ``云服务器``."""
    return product_part(title).removeprefix("腾讯云").strip(" ·-") or title


_FAMILY_PREFIX = re.compile(r"^(?:腾讯云|腾讯)\s*")
_FAMILY_SUFFIX = re.compile(r"\s*(?:公有云|服务|版|产品|平台|软件许可及)$")


def _member_of(member: Product, family: Product, said: str) -> bool:
    """Whether ``member`` belongs to the family ``said`` names: its names hold the family's
    (TDMQ CMQ 版) or its key starts with the family's Chinese name (微服务引擎-弹性微服务)."""
    stem = re.match(r"[\u4e00-\u9fff]{3,}", family.key)
    return any(said.lower() in a.lower() for a in member.aliases) or bool(
        stem and member.key != family.key and member.key.startswith(stem.group(0)))


def family_key(key: str) -> str:
    """The name shared by a product's SLA and its terms: ``语音识别公有云`` and ``语音识别``
    -> ``语音识别``; ``消息队列 CMQ 版`` and ``消息队列 CMQ`` -> ``消息队列 CMQ``."""
    name = _FAMILY_PREFIX.sub("", key)
    while True:
        shorter = _FAMILY_SUFFIX.sub("", name)
        if shorter == name or len(shorter) < 2:
            return name.lower()
        name = shorter


WORDS_IN_LOWER_CASE = frozenset({  # short names that, in lower case, are words or names (ace, tim)
    "ACE", "CAR", "CAT", "TIM", "TMP", "NAT", "SES", "ESS", "MSS", "HAI", "TEM", "TEZ", "LEB",
    "SOE", "BMA", "AMS", "IMS", "TIW", "SMH", "CME", "EMS", "TSA", "TCA", "DSA", "CPM", "MPM",
    "IAI"})


def _alias_pattern(alias: str) -> re.Pattern[str]:
    """Latin aliases match whole words, also glued to Chinese or a date (``SCF2024年``,
    ``2025-07Hunyuan``, ``cos桶``); two-letter all-caps ones (IM, CI, EO) and three-letter ones
    that are words in lower case (ACE, CAT) match in capitals, or in any case where a Chinese
    character touches them; other three-letter ones (waf, cvm) in any case."""
    escaped = re.sub(r"(?<=[A-Za-z])(?:\\ |\\-)(?=[A-Za-z])", r"(?:[\\s-]*|\\s*&\\s*|\\s+and\\s+)",
                     re.escape(alias))  # site-builder is site builder, CODING DevOps is
    # CODING-DevOps, industrial energy edition is industrial & energy edition
    escaped = escaped.replace(r"\ ", r"\s*")
    if re.fullmatch(r"[A-Za-z0-9 .+-]+", alias):
        after = r"(?![A-Za-z])" if alias[-1].isalpha() else r"(?![A-Za-z0-9])"
        before = r"(?<![A-Za-z])" if alias[0].isalpha() else r"(?<![A-Za-z0-9])"
        word = rf"{before}{escaped}{after}"
        if alias.isupper() and (len(alias) <= 2 or alias in WORDS_IN_LOWER_CASE):
            glued = rf"(?<![A-Za-z0-9])(?i:{escaped})(?=\s?[\u4e00-\u9fff])" \
                    rf"|(?:(?<=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]\s))(?i:{escaped}){after}"
            return re.compile(f"{word}|{glued}")
        return re.compile(word, re.IGNORECASE)
    return re.compile(escaped, re.IGNORECASE)


EDITION_OF = re.compile(r"\b(?:the\s+)?([A-Za-z]+)\s+(edition|version|tier)\s+of\s+(?:the\s+)?"
                        r"([A-Za-z][\w-]*(?:\s+[A-Z][\w-]*)*)", re.I)
ID_AFTER = re.compile(r"[-_][A-Za-z0-9]*\d")  # a resource's or a ticket's id after a name


class ProductTable:
    """Products of the corpus and their names; ``detect`` finds them in a question."""

    def __init__(self, products: list[Product], terms: frozenset[str] = frozenset()) -> None:
        """``terms``: ids of the terms documents (an umbrella product shares only those)."""
        self.products = products
        self._by_doc = {doc_id: p for p in products for doc_id in p.doc_ids}
        names = [(alias, p) for p in products for alias in p.aliases]
        # longest names first, so 云数据库 MySQL wins over MySQL and 轻量应用服务器 over 服务器;
        # of products sharing a name (CA), the one whose own key it is
        names.sort(key=lambda item: (-len(item[0]), item[0] != item[1].key))
        self._patterns = [(alias, p, _alias_pattern(alias)) for alias, p in names]
        self._scopes: dict[str, tuple[str, ...]] = {}
        self._words: tuple[frozenset[str], dict[str, set[str]]] | None = None
        self._han: dict[str, tuple[str, ...]] | None = None
        for p in products:
            shared = [d for q in products if q is not p and len(q.key) >= 3
                      and p.key.startswith(q.key + " ") for d in q.doc_ids if d in terms]
            rules = [d for q in products if q is not p and len(p.key) >= 3
                     and q.key.startswith(p.key) and re.match(r"[\u4e00-\u9fff]", q.key[len(p.key):])
                     for d in q.doc_ids if d in terms]  # 腾讯会议应用市场运营规范: the market's rules
            rules += [d for q in products if q is not p and q.key.startswith(p.key + " ")
                      for d in q.doc_ids if d in terms]  # CA: CA 数字证书's contract
            if shared or rules:
                self._scopes[p.key] = tuple(dict.fromkeys([*p.doc_ids, *shared, *rules]))

    @classmethod
    def from_documents(cls, documents: tuple[Document, ...] | list[Document]) -> ProductTable:
        curated = json.loads(resources.files("index.data").joinpath(
            "product_aliases.json").read_text(encoding="utf-8"))
        # one product per family: a product's SLA, terms and rules go together, named by the
        # SLA's key (the calculators' catalog names SLAs by it)
        families: dict[str, list[Document]] = {}
        names = {product_key(doc.title) for doc in documents}
        for doc in documents:
            families.setdefault(family_key(product_key(doc.title)), []).append(doc)
        products = []
        for members in families.values():
            keys = list(dict.fromkeys(product_key(d.title) for d in members))
            key = next((product_key(d.title) for d in members if d.kind == "sla"), keys[0])
            doc_ids = [d.id for d in members]
            aliases = [key, *(k for k in keys if k != key),
                       *(a for k in keys for a in curated.get(k, []))]
            latin = re.findall(r"[A-Za-z][A-Za-z0-9.+-]*(?:\s[A-Z][A-Za-z0-9.+-]*)*", key)
            aliases += [w for w in latin if w.lower() not in GENERIC and len(w) >= 2]
            if key.startswith(("云数据库 ", "消息队列 ")):
                aliases.append(key.split(" ", 1)[1])
            if key.startswith("大模型") and len(key) >= 7:  # 视频创作引擎: users drop the 大模型
                aliases.append(key.removeprefix("大模型"))
            for prefix in DROPPED_PREFIXES:  # 腾讯健康药箱 -> 健康药箱, 公有云物联网开发平台
                rest = key.removeprefix(prefix)
                if rest != key and len(re.sub(r"（.*?）", "", rest)) >= 4 and rest not in names \
                        and not rest.startswith(TOO_COMMON):
                    aliases.append(rest)
            bare = re.sub(r"(?<!微)服务(?=（|$)", "", key)  # 物联网智能视频（行业版）: users drop the 服务
            if bare != key and len(re.sub(r"（.*?）", "", bare)) >= 4:
                aliases.append(bare)
            aliases += [re.sub(r"[（）]", "", a) for a in aliases  # 物联网智能视频服务行业版: the
                        if re.search(r"[\u4e00-\u9fff]（[\u4e00-\u9fff]{2,6}）$", a)]  # brackets dropped
            unique = list(dict.fromkeys(a.strip() for a in aliases if a.strip()))
            products.append(Product(key=key, doc_ids=tuple(doc_ids), aliases=tuple(unique),
                                    has_sla=any(d.kind == "sla" for d in members)))
        return cls(products, frozenset(d.id for d in documents if d.kind == "terms"))

    def respelt(self, text: str) -> str:
        """``cloud firewal SLA``: Latin words one letter off a word of a product's name (a letter
        missing, extra, wrong or two swapped) written as the name has them, when the text
        names no product and so corrected it names one; otherwise the text as it is."""
        vocabulary, deletions = self._spelling()
        out = text
        for match in reversed(list(re.finditer(r"[A-Za-z]{6,}", text))):
            word = match.group(0).lower()
            if word in vocabulary:
                continue
            near = set(deletions.get(word, ()))  # firewal: a letter missing
            for i in range(len(word)):
                shorter = word[:i] + word[i + 1:]
                near |= {shorter} & vocabulary  # firewalll: one too many
                near |= deletions.get(shorter, set())  # firewsll: one wrong
                swapped = word[:i] + word[i + 1:i + 2] + word[i:i + 1] + word[i + 2:]
                near |= {swapped} & vocabulary  # fierwall: two swapped
            if len(near) == 1:
                out = out[:match.start()] + near.pop() + out[match.end():]
        if out == text or self.detect(text):  # (detection only when a word was respelt: the
            return self._edition_of(self._sounded(text))  # question's own detection comes later)
        return out if self.detect(out) else self._edition_of(self._sounded(text))

    def _edition_of(self, text: str) -> str:
        """``the industry edition of IoT Video`` -> ``IoT Video industry edition``, when so
        written it names a product by a name longer than any read before."""
        for match in EDITION_OF.finditer(text):
            turned = f"{match.group(3)} {match.group(1)} {match.group(2)}"
            out = text[:match.start()] + turned + text[match.end():]
            before = max((len(m.alias) for m in self.detect(text)), default=0)
            if any(m.start == match.start() and len(m.alias) > before for m in self.detect(out)):
                return out
        return text

    def _sounded(self, text: str) -> str:
        """``容器按全服务`` -> ``容器安全服务``: a Chinese name of five characters or more typed
        with one character that is read the same (a pinyin input slip: 按/安, 漏/露), written
        as the name has it when so written it is read as that name; else the text as it is."""
        names = self._chinese_names()
        lengths = sorted({len(name) for group in names.values() for name in group}, reverse=True)
        named: list[tuple[int, int]] | None = None  # the names read as written, found once
        for run in re.finditer(r"[\u4e00-\u9fff]{5,}", text):
            for length in lengths:
                for at in range(run.start(), run.end() - length + 1):
                    name = _read_as(text[at:at + length], names)
                    if name is None:
                        continue
                    if named is None:
                        named = [(m.start, m.end) for m in self.detect(text)]
                    if any(at < end and start < at + length for start, end in named):
                        continue  # a name written right is never respelt into another
                    respelt = text[:at] + name + text[at + length:]
                    if any(m.start == at and m.alias == name for m in self.detect(respelt)):
                        return respelt
        return text

    def _chinese_names(self) -> dict[str, tuple[str, ...]]:
        """The Chinese names (five characters or more) with each character in turn left out
        (``容器?全服务``), mapped to the names they come from."""
        if self._han is None:
            near: dict[str, list[str]] = {}
            for p in self.products:
                for alias in p.aliases:
                    if re.fullmatch(r"[\u4e00-\u9fff]{5,}", alias):
                        for k in range(len(alias)):
                            near.setdefault(alias[:k] + "?" + alias[k + 1:], []).append(alias)
            self._han = {key: tuple(dict.fromkeys(v)) for key, v in near.items()}
        return self._han

    def _spelling(self) -> tuple[frozenset[str], dict[str, set[str]]]:
        """The words (6 letters or more) of the products' Latin names, and each word one letter
        shorter mapped to the words it comes from."""
        if self._words is None:
            words = frozenset(w.lower() for p in self.products for a in p.aliases
                              for w in re.findall(r"[A-Za-z]{6,}", a))
            deletions: dict[str, set[str]] = {}
            for word in words:
                for i in range(len(word)):
                    deletions.setdefault(word[:i] + word[i + 1:], set()).add(word)
            self._words = (words, deletions)
        return self._words

    def scope(self, product: Product) -> tuple[str, ...]:
        """The documents a question naming ``product`` is searched in: its own, then the terms
        of the umbrella products whose name starts its name (``云数据库服务条款`` covers
        ``云数据库 MySQL``), and the terms of the products named by its name and a word more
        (``腾讯会议应用市场运营规范`` and ``微搭低代码短信服务协议`` are read for 腾讯会议应用市场 and 微搭低代码)."""
        return self._scopes.get(product.key, product.doc_ids)

    def product_of(self, doc_id: str) -> Product | None:
        return self._by_doc.get(doc_id)

    def detect(self, text: str) -> list[ProductMatch]:
        """Products named in ``text``, longest names first, overlapping matches dropped, a
        name written right before another (``TDMQ RocketMQ``) read as part of it.

        >>> # table.detect("CVM 实例三月份断了 90 分钟") -> [ProductMatch(云服务器, alias='CVM', …)]
        """
        taken: list[tuple[int, int]] = []
        found: list[ProductMatch] = []
        for alias, product, pattern in self._patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                found.append(ProductMatch(product, alias, start, end))
        found = [m for m in found if not (m.alias in COMMON_WORDS and COMMON_WORDS[m.alias].search(
            text[max(0, m.start - 4):m.start]))]  # 按整个账号算: an account, not the account terms
        found = [m for m in found if not (m.alias.lower() in EVENT_AFTER and EVENT_AFTER[
            m.alias.lower()].match(text, m.end))]  # under a DDoS attack: not the product
        found = [m for m in found if not ID_AFTER.match(text, m.end) or not any(
            o.end <= m.start <= o.end + 12 for o in found if o is not m)]  # TKE 托管集群 cls-7h2k…:
        # the cluster's id after its product's name; ckafka-7f3a alone still names the product
        found = [m for m in found if not any(  # 服务性能测试 PTS: the acronym glosses the Chinese
            o.end <= m.start and re.fullmatch(r"\s?", text[o.end:m.start])  # name just before it
            and re.fullmatch(r"[A-Z]{2,6}", m.alias) and re.search(r"[\u4e00-\u9fff]$", o.alias)
            and o.product.key != m.product.key for o in found)]
        found.sort(key=lambda m: m.start)  # each product where it is first named ("the CLS
        found = [m for i, m in enumerate(found)  # (log service) SLA": at CLS, not in brackets)
                 if all(o.product.key != m.product.key for o in found[:i])]
        # "webify (CloudBase web hosting)": a name in brackets right after another explains it;
        # "Mobile APM Pro (终端性能监控 Pro)": unless the name before it was only part of what
        # the brackets explain (a word left between it and the bracket)
        explained = {i for i in range(1, len(found))
                     if re.fullmatch(r"[^（()）。，,.;；]{0,24}[（(][^（()）]*",
                                     text[found[i - 1].end:found[i].start])
                     and re.match(r"[^（()）]*[）)]", text[found[i].end:])}
        partial = {i - 1 for i in explained  # APM Pro: a name-like word (capitalised, an edition)
                   if re.fullmatch(r"[^（()）]*[（(][^（()）。，,.;；]*",  # (not CHC（广州，账号…）:
                                   text[found[i - 1].end:found[i].start])  # a clause, no name)
                   and (re.match(r"\s*(?:[A-Z]|[\u4e00-\u9fff]*版|edition|version)",
                               text[found[i - 1].end:found[i].start])
                   or found[i - 1].product.key in found[i].product.key
                   and re.match(r"\s*[A-Za-z]", text[found[i - 1].end:found[i].start])
                   or _name_word_before(text, found[i - 1].start))}  # Enterprise cloud disk (企业网盘)
        # image creation engine (大模型图像创作引擎): a word left, and the name in brackets the
        # longer one of which 图像创作 is a part
        found = [m for i, m in enumerate(found)
                 if i not in partial and (i not in explained or i - 1 in partial)]
        # "TDMQ RocketMQ" / "TDMQ 的 CMQ 版": a family name written right before a member's is
        # the member, when the member's names hold the family's (TDMQ CMQ 版); "GME voice
        # messages" names GME, whatever voice messages also name
        return [m for m, nxt in zip(found, [*found[1:], None])
                if nxt is None or not (re.fullmatch(r"\s?(?:的\s?)?", text[m.end:nxt.start])
                                       and _member_of(nxt.product, m.product, text[m.start:m.end]))]

    def resolve(self, name: str, limit: int = 5) -> list[Product]:
        """Products a user's name for one refers to: exact alias, then detection, then close
        spelling (``云服物器`` -> 云服务器). Empty when nothing is close."""
        wanted = name.strip().lower()
        exact = [p for p in self.products if wanted in (a.lower() for a in p.aliases)]
        if exact:
            return exact
        detected = [m.product for m in self.detect(name)]
        if detected:
            return detected
        names = {a.lower(): p for p in self.products for a in p.aliases}
        close = difflib.get_close_matches(wanted, list(names), n=limit, cutoff=0.6)
        return list(dict.fromkeys(names[c] for c in close))


@lru_cache(maxsize=4096)
def _readings(char: str) -> frozenset[str]:
    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def _read_as(window: str, names: dict[str, tuple[str, ...]]) -> str | None:
    """The name ``window`` is written as with one character that is read alike, if any."""
    for k in range(len(window)):
        for name in names.get(window[:k] + "?" + window[k + 1:], ()):
            if name[k] != window[k] and _read_alike(name[k], window[k]):
                return name
    return None


def _read_alike(a: str, b: str) -> bool:
    """Two characters with a reading in common, tones aside (按/安, 漏/露)."""
    return bool(_readings(a) & _readings(b))


NOT_NAME_WORDS = frozenset({
    "the", "our", "my", "your", "their", "its", "a", "an", "of", "for", "on", "in", "with", "use",
    "using", "uses", "used", "and", "or", "to", "from", "about", "by", "at", "is", "was", "are",
    "were", "we", "i", "they", "tencent", "cloud", "this", "that", "which", "what", "how", "does",
    "do", "did", "has", "have", "had", "into", "via", "under", "new", "old", "paid", "free"})


def _name_word_before(text: str, start: int) -> bool:
    """Whether the Latin name matched at ``start`` has a word of the same name before it
    (``Enterprise cloud disk (企业网盘)``: the brackets name the whole, not ``cloud disk``)."""
    word = re.search(r"(?<![\w'’])([A-Za-z][\w-]{2,})\s+$", text[max(0, start - 30):start])
    return word is not None and word.group(1).lower() not in NOT_NAME_WORDS
