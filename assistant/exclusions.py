"""Whether a case the question describes is one of its SLA's exclusions.

"客户 VPN 断了 2 小时，原来是他们自己 IPsec 配错了，能赔吗？" / "我们自己把源库删了导致备份失败，
能算不可用吗？": the answer is an exclusion item of that product's SLA (``4.7 由于您的…错误操作
（如删除源数据库）…引起的``), not its counting formula or a request for the month. The catalog
knows each SLA's exclusion clauses; each item is scored by the words it shares with the case,
a word counting more the fewer items of all SLAs use it, so the catch-all ("非腾讯云原因…")
never outranks the item that names the case. Only a clear best item is quoted, as what the
agreement excludes (the user judges whether the case is that one), and cited.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from assistant.composer import Composition, citation
from assistant.conversation import Resolved
from assistant.params import CreditQuery
from assistant.reading.normalize import normalize
from assistant.reading.reader import CLAUSE_BREAKS, SENTENCE_BREAKS, clause_span
from assistant.text import bigrams
from calculators.rules import SlaRule
from index.chunks import Chunk
from index.embedders import Embedder
from index.products import Product
from index.retrieval.hybrid import load_glossary
from index.retrieval.types import Hit

ELIGIBILITY_ASKED = re.compile(
    r"能赔|能不能赔|赔不赔|可以赔|能否赔|能申请|能不能申请|可以申请|能走|算不算|能算|能不能算|算(?:是)?(?:SLA|不可用)"
    r"|是不是免责|免责吗|属于免责|在免责(?:里|范围|条款里)|赔偿吗|索赔|qualif|eligible|entitled|covered|count(?:s|ed)? (?:as|toward|against)"
    r"|does (?:that|this|it|those|these|either) (?:time |downtime |failures? )?(?:still )?count"
    r"|claimable"
    r"|can (?:we|they|i|he|she) (?:still )?(?:claim|get)|still get|(?:still )?owe"
    r"|still counts?|计入|有\s*SLA\s*保障|受\s*SLA\s*保障|在\s*SLA\s*(?:范围|保障)"
    r"|get (?:a |any )?credit|does the .{0,40}SLA\b.{0,60}?\b(?:apply|cover)"
    r"|appl(?:y|ies) to (?:us|me|them)"
    r"|(?:还)?适用吗|还算数吗", re.I)
CAUSE_SAID = re.compile(  # the question says why it failed: a case to hold against the items
    r"因为|由于|原因|导致|造成|引起|是我们|我们自己|客户自己|自己的|自建|本地|攻击|DDoS|黑洞|超出|超过了|超了|没报备|未报备"
    r"|没提前|未提前|免费|配置|配成|误删|删了|调整|升级|重启|维护|只有|只建|只部署|仅|被打|被释放|测试"
    r"|caused|because|due to|turned out|our own|their own|on-prem|attack|config|free|deleted"
    r"|upgrad|maintenance|load test|wifi|home network|without (?:telling|notice)|only (?:one|two|a single)"
    r"|restart|reboot|spike|surge|overload"
    r"|single|just (?:one|two)", re.I)
AMOUNT_ASKED = re.compile(r"多少|how much|how many|how long|多久|(?:延长|赔|补|送|给)几\s*(?:天|个|次|成)",
                          re.I)  # the tier, not a case (能申请延长几天服务期？)
MIN_SCORE = 8.0  # the shared words' weight an item needs: two or three words no other item uses
ALONE_SCORE = 12.0  # and with no cause said, the item's words must carry the question alone
# "what counts as the fee?": a definition asked, not whether a case is excluded
WH_ASKED = re.compile(
    r"\b(?:what|which|how|when)\b|怎么|怎样|什么|哪些|哪个|哪天|如何", re.I)
WHEN_CLAUSE = re.compile(r"\bwhen\b[^,?，]{0,40},", re.I)  # "When stuff broke, can they claim?"
MARGIN = 1.5     # and it must outweigh the next item by this much
LEAST_SHARED = 3.0  # a weaker match (one rare word) is taken when meaning picks the same item
MEANING_MARGIN = 0.08  # by this much more cosine than the next item
CASE_COS, CASE_MARGIN = 0.27, 0.06  # one case of several, named by meaning (measured on dev)
SLA_SAID = re.compile(  # what is asked is the SLA's (a refund of unused packages is not)
    r"赔|补偿|代金券|SLA|可用|计入|免责|服务等级|不达标|credit|compensat|downtime|outage|availab|uptime"
    r"|\bcount", re.I)
GLOSSARY = load_glossary()


class ExclusionMatcher:
    """Every SLA's exclusion items (built once, in the factory) and the weight of each word."""

    def __init__(self, items: dict[str, list[Chunk]], embedder: Embedder | None = None,
                 scope: dict[str, list[tuple[Chunk, str]]] | None = None) -> None:
        self.items = items  # doc_id -> its exclusion items' chunks
        self.scope = scope or {}  # doc_id -> what its scope leaves out (不包括数据恢复任务), each
        # with the chunk saying it
        said = [c.text for chunks in items.values() for c in chunks] \
            + [text for pairs in self.scope.values() for _, text in pairs]
        documents = Counter(g for text in said for g in bigrams(text))
        total = len(said) or 1
        self.weight = {g: math.log(total / n) for g, n in documents.items()}
        self.embedder = embedder  # to confirm a weaker word match by meaning

    @classmethod
    def from_chunks(cls, chunks: Iterable[Chunk], slas: Iterable[SlaRule],
                    embedder: Embedder | None = None) -> ExclusionMatcher:
        slas = list(slas)
        wanted = {c: s.doc_id for s in slas for c in _items(s.exclusions)}
        covered = {s.doc_id for s in slas}
        items: dict[str, list[Chunk]] = {}
        scope: dict[str, list[tuple[Chunk, str]]] = {}
        for chunk in chunks:
            if chunk.clause_id in wanted and chunk.part == 0:
                items.setdefault(wanted[chunk.clause_id], []).append(chunk)
            elif chunk.doc_id in covered:
                scope.setdefault(chunk.doc_id, []).extend(
                    (chunk, m.group(0)) for m in LEFT_OUT.finditer(chunk.text))
        return cls(items, embedder, scope)

    def naming(self, sla: SlaRule, causes: Sequence[Product], case: str
               ) -> tuple[Chunk, str] | None:
        """The one item of ``sla`` that names a product ``case`` says caused the outage
        (``底层 EMR 挂了导致…`` -> ``4.8 因非本产品本身导致的…例如底层引擎（如 EMR、DLC）不可用``);
        None when the case names none of them or several items do."""
        names = [a for p in causes for a in p.aliases if len(a) >= 2 and a.lower() in case.lower()]
        found = [(c, text) for c in self.items.get(sla.doc_id, []) for text in inline_items(c.text)
                 if any(_names(text, a) for a in names) and not _opposed(case, text)]
        return found[0] if len(found) == 1 else None

    def left_out(self, sla: SlaRule, case: str) -> tuple[Chunk, str] | None:
        """What the SLA's scope says it does not cover (``不包括数据恢复任务``), when ``case``
        names it by words few other items use (``我们做数据恢复任务也失败了``); else None."""
        said = bigrams(case) - bigrams(sla.doc_title)
        scored = sorted(((sum(self.weight.get(g, 0.0) for g in said & bigrams(text)), chunk, text)
                         for chunk, text in self.scope.get(sla.doc_id, [])),
                        key=lambda x: -x[0])
        if not scored or scored[0][0] < MIN_SCORE \
                or len(scored) > 1 and scored[0][0] < MARGIN * scored[1][0]:
            return None
        return scored[0][1], scored[0][2]

    def best(self, sla: SlaRule, case: str, least: float = MIN_SCORE) -> tuple[Chunk, str] | None:
        """The one item of ``sla`` that names the case, with its text, or None when none
        stands out. The product's own name (its title's words) says nothing of the case; a
        clause that lists its items inline (``4.4 由以下原因…：（1）…（2）…``) is as many items."""
        terms = " ".join(t for en, words in GLOSSARY if en.search(case) for t in words)
        said = bigrams(f"{case} {terms}")
        said -= bigrams(sla.doc_title)
        scored = sorted(((sum(self.weight.get(g, 0.0) for g in said & bigrams(text)), i, c, text)
                         for i, (c, text) in enumerate(
                             (c, text) for c in self.items.get(sla.doc_id, [])
                             for text in inline_items(c.text))),
                        key=lambda x: (-x[0], x[1]))
        scored = [x for x in scored if not _opposed(case, x[3])]
        if not scored or len(scored) > 1 and scored[0][0] < MARGIN * scored[1][0]:
            return None
        if scored[0][0] < least and not (scored[0][0] >= LEAST_SHARED
                                         and self._meant(case, [x[3] for x in scored]) == 0):
            return None
        return scored[0][2], scored[0][3]

    def named(self, sla: SlaRule, case: str, least: float) -> tuple[Chunk, str] | None:
        """The item naming one case of several, by its words or else, in another language than
        the items' (``time spent force-restarting instances``), clearly by meaning."""
        found = self.best(sla, case, least)
        if found is not None:
            return found
        items = [(c, text) for c in self.items.get(sla.doc_id, []) for text in inline_items(c.text)
                 if not _opposed(case, text)]
        nearest = self._meant(case, [t for _, t in items], CASE_MARGIN, CASE_COS)
        return None if nearest is None else items[nearest]

    def _meant(self, case: str, texts: list[str], margin: float = MEANING_MARGIN,
               least: float = -1.0) -> int | None:
        """The item ``case`` is nearest in meaning to, when it is clearly nearer than any other
        (``企业网盘因为欠费被停了几天`` -> 4.9 由于欠费导致本服务暂停): a word match too weak alone is
        taken when meaning picks the same item; ``margin`` over the next, at ``least`` cosine.
        None without an embedder or a clear nearest."""
        if self.embedder is None or len(texts) < 2:
            return None
        cos = self.embedder.embed_passages(texts) @ self.embedder.embed_query(case)  # normalized
        first, second = np.argsort(-cos)[:2]
        return int(first) if cos[first] - cos[second] >= margin and cos[first] >= least else None


NOTICE = re.compile(r"通知|公告|告知|notice|notif|announc", re.I)
NOTICE_DENIED = re.compile(r"(?:没|未|不|无)(?:有|经)?(?:预先|提前|事先)?(?:通知|公告|告知)"
                           r"|without (?:any )?(?:prior |advance )?(?:notice|warning)"
                           r"|no (?:prior |advance )?(?:notice|warning)|unannounced"
                           r"|(?:not|never) (?:announced|notified)", re.I)


def _opposed(case: str, item: str) -> bool:
    """An item that says the opposite of the case about notice (``腾讯云预先通知的系统维护`` for
    ``没提前通知就做维护``): unannounced maintenance is unavailable time, never excluded."""
    return bool(NOTICE.search(case) and NOTICE.search(item)) \
        and bool(NOTICE_DENIED.search(case)) != bool(NOTICE_DENIED.search(item))


INLINE_ITEM = re.compile(r"[（(]\s*\d{1,2}\s*[）)]")


def inline_items(text: str) -> list[str]:
    """The items a clause lists inline, each on its own (``（6）用户大规模流量突发增长…``), or
    the clause whole when it lists none."""
    marks = list(INLINE_ITEM.finditer(text))
    if len(marks) < 3:
        return [" ".join(text.split())]
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [" ".join(text[m.start():end].split()) for m, end in zip(marks, ends)]


def exclusion_answer(resolved: Resolved, matcher: ExclusionMatcher | None,
                     sla_of: Callable[[Product], SlaRule | None],
                     cause_required: bool = True) -> Composition | None:
    """The exclusion item of the one product's SLA that names the case the question
    describes, or None when the question asks no eligibility or no item stands out.
    ``cause_required``: the question must also say why it failed (a credit question about to be
    asked back for its figures); a question that asks nothing else rests on the item alone."""
    question = resolved.question
    if matcher is None or len(resolved.products) != 1 or not ELIGIBILITY_ASKED.search(question) \
            or not SLA_SAID.search(question) or AMOUNT_ASKED.search(question) \
            or WH_ASKED.search(WHEN_CLAUSE.sub("", question)):
        return None
    least = MIN_SCORE
    if not CAUSE_SAID.search(question):
        if cause_required:
            return None
        least = ALONE_SCORE
    sla = sla_of(resolved.products[0])
    if sla is None:
        return None
    cases = _cases(matcher, sla, question, least)
    if len(cases) > 1:  # (a) an undisclosed HBase bug and (b) force restarts: an item each
        cited = tuple(citation(Hit(chunk=chunk, score=0.0), quote) for chunk, quote in cases)
        return Composition(_texts([q for _, q in cases], sla, resolved.lang), cited, 1.0)
    found = matcher.best(sla, question, least)
    if found is None:
        return None
    chunk, quote = found
    cited = (citation(Hit(chunk=chunk, score=0.0), quote),)
    return Composition(_text(quote, sla, resolved.lang), cited, 1.0)


CASES_APART = re.compile(  # where a question describes another case: (a) … (b) …, 另一次…
    r"[（(]\s*(?:[a-dA-D]|[1-4]|[一二三四])\s*[）)]|\band also\b|\banother time\b|\bthe other time\b"
    r"|\bonce\b|\bplus\b|；|;|另外|另一次|还有一次|一次是|还有就是|以及", re.I)


def _cases(matcher: ExclusionMatcher, sla: SlaRule, question: str,
           least: float) -> list[tuple[Chunk, str]]:
    """The items naming each case of a question that describes several (``failed once
    because of a Kubernetes bug, and another time because they hit their VPC quota``), in
    order, when each case names its own item; else none."""
    parts = [p for p in CASES_APART.split(question) if len(p.strip()) >= 6]
    if len(parts) < 2:
        return []
    found = [matcher.named(sla, part, least) for part in parts]
    items = [f for f in found if f is not None]
    if len(items) < 2 or len({q for _, q in items}) < len(items):
        return []
    return items


def _items(exclusions: Sequence[str]) -> set[str]:
    """The exclusion clauses that are items, not the heading above them (``#4`` of ``#4.3``)."""
    return {c for c in exclusions if not any(o.startswith(c + ".") for o in exclusions)}


def _texts(quotes: list[str], sla: SlaRule, lang: str) -> str:
    lines = "\n".join(f"• “{q}” [{i}]" for i, q in enumerate(quotes, 1))
    if lang == "zh":
        return (f"《{sla.doc_title}》的免责条款中有这几条：\n{lines}\n"
                "属于这些情形的不可用时间不计入服务不可用时间，也不在赔偿范围内。")
    return (f"《{sla.doc_title}》 lists these exclusions (the agreements are in Chinese; the "
            f"clauses are quoted below):\n{lines}\nDowntime in such cases does not count as "
            "unavailability and is not compensated.")


def _text(quote: str, sla: SlaRule, lang: str) -> str:
    if lang == "zh":
        return (f"《{sla.doc_title}》的免责条款中有这一条[1]：\n• “{quote}” [1]\n"
                "属于这种情形的不可用时间不计入服务不可用时间，也不在赔偿范围内。")
    return (f"《{sla.doc_title}》 lists this exclusion [1] (the agreements are in Chinese; the "
            f"clause is quoted below):\n• “{quote}” [1]\nDowntime in such a case does not "
            "count as unavailability and is not compensated.")


def cases_excluded(matcher: ExclusionMatcher | None, sla: SlaRule, query: CreditQuery,
                   question: str, causes: Sequence[Product] = ()) -> CreditQuery:
    """The reading without the outages whose own sentence describes a case one of the SLA's
    exclusion items names (``第一次 10/05 被 DDoS 打进黑洞，断了 2小时10分；第二次…网关故障``: the
    EIP SLA leaves blackhole time out). Only an outage said alone in its sentence, with a cause
    said there (or naming what the SLA's scope leaves out), and only while another outage
    stays counted: a single outage's case is the eligibility question that
    :func:`exclusion_answer` answers."""
    if matcher is None or "measurement" in query.carried:
        return query
    text = normalize(question)
    incidents = [(i, u) for i, u in enumerate(query.uses) if u.role == "incident"]
    excluded: dict[int, str] = {}
    for i, use in incidents:
        begin, end = clause_span(text, use.start, use.end, SENTENCE_BREAKS + "：:")  # (a list's
        sentence = text[begin:end]  # colon too)
        if sum(begin <= u.start < end for _, u in incidents) != 1 or DENIED.search(sentence):
            continue  # （付费版，不是免费额度）/ 不是我们注入的故障: the case said not to be one
        own = text[slice(*clause_span(text, use.start, use.end, CLAUSE_BREAKS + "：:"))]
        found = matcher.naming(sla, causes, sentence) or matcher.best(sla, sentence) \
            if CAUSE_SAID.search(sentence) \
            else matcher.left_out(sla, own)  # what failed, in the outage's own clause
        if found is not None:
            excluded[i] = _short(found[1])
    if not excluded or len(excluded) == len(incidents):
        return query
    return query.cases_excluded(excluded)


DENIED = re.compile(r"不是|并非|而非|不属于|不算|没有|\bnot\b|n't\b|\bnor\b|\bno\b", re.I)
def _names(text: str, alias: str) -> bool:
    """Whether ``text`` says the name ``alias`` (a Latin one as a whole word)."""
    if alias.isascii():
        return re.search(rf"(?<![A-Za-z]){re.escape(alias)}(?![A-Za-z])", text, re.I) is not None
    return alias in text


LEFT_OUT = re.compile(r"(?:不包括|不包含|不适用于)[^。；;，,]{2,30}")  # a scope's own exception
def _short(item: str, most: int = 60) -> str:
    """An exclusion item as quoted in the reading: its words, cut at ``most`` characters."""
    words = re.sub(r"^\s*[（(]?\s*\d{1,2}\s*[）)]\s*|^\s*\d+(?:\.\d+)*\s*", "", item).strip()
    return words if len(words) <= most else words[:most].rstrip("，,、；; ") + "…"


def caused_ask(resolved: Resolved, sla: SlaRule) -> str:
    """The question back when another product is said to have caused (part of) the outage and
    no exclusion item of the SLA names that case: which minutes were the product's own."""
    others = "、".join(p.key for p in resolved.caused_by)
    if resolved.lang == "zh":
        return (f"您提到不可用是由{others}引起的：《{sla.doc_title}》是否计入其他产品引起的不可用，要看"
                "协议的免责条款。请分别说明每次中断的时长和原因，或只给出本服务自身故障的时长。")
    return (f"You say {others} caused (part of) the outage; whether 《{sla.doc_title}》 counts "
            "downtime another product caused depends on its exclusions. Please give each outage's "
            "length and cause, or only the minutes the service itself failed.")
