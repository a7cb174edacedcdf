"""Follow-up resolution: what a question means given the conversation before it.

"那如果没达到，赔多少？" carries the product, month and figures of earlier user turns;
"and for COS?" switches the product and keeps the rest. Only the user's own turns are read:
an assistant's answer may name many products and must not steer the next question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from assistant.answerability import flat
from assistant.params import ANOTHER_FEE, SEVERAL_AMOUNTS, SHARED_FEE, CreditQuery
from assistant.reading.normalize import normalize, plain
from assistant.reading.products import ACRONYM, NOT_A_PRODUCT
from assistant.reading.reader import (
    OWN_FIGURE,
    SAME_AS_RANGE,
    UNRELATED,
    amount_said,
    clause_span,
    disowned_days,
    net_of_vouchers,
    read_query,
    said_apart,
)
from assistant.reading.scan import NumberUse
from assistant.reading.words import OUTAGE_WORDS, WORKED, duration_seconds
from assistant.text import bigrams, without_names
from assistant.tiers import BELOW_AFTER, BOUND_VALUE
from index.products import Product, ProductMatch, ProductTable
from index.retrieval.types import Turn

__all__ = ["Lang", "Resolved", "Turn", "language", "resolve"]

Lang = Literal["zh", "en"]

FOLLOW_UP_RE = re.compile(
    r"^(那|那么|那如果|如果|还有|再|另外|and\b|what about|how about|and for|what if|then\b)"
    r"|^(?:ok(?:ay)?|got it|thanks|好的?|嗯|明白)[,，.!\s]*(?:and|so|那|那么)\b"  # ok and the flagship…
    r"|^(它|这个|该|其|it\b|its\b|that\b)|(呢[？?]?$)"
    r"|(?:那边|这边)?也是[^，,。？?]{0,12}吗[？?]?$|(?:the same|as well|too)\s*\?$"  # …那边也是千分之一吗
    r"|\bsame\s+(?:\w+\s+){0,3}?(?:there|too|as well|here)?\s*\?|(?:也|还)?(?:一样|相同)吗"  # same number?
    r"|^(?:is it |are they |and )?(?:the )?same\s+(?:for|with|as|goes for|applies to|thing|deal|rules?)\b"
    r"|呢[？?]",  # same for HAI? / 那智能预问诊呢？一样吗
    re.IGNORECASE)
CORRECTION = re.compile(  # a correction asks the question before again, of what it names
    r"\b(?:I meant|wrong product|my bad|actually (?:it'?s|it was|the|our|we|I))\b|说错了|我是说|我指的是"
    r"|其实是", re.IGNORECASE)
NOT_THAT = r"(?:不是|并非|not|ratherthan|insteadof)[^，,。；;]{0,8}?"  # as flat() writes it


def _renamed(question: str, before: list[ProductMatch]) -> bool:
    """A correction that names the service again, saying it is not the one named before
    (``其实是 TDSQL-C MySQL 版……不是云数据库MySQL``): the same service, with its figures. One
    that says another service failed (``其实是API网关那层挂了，函数本身没问题``) is not."""
    said = flat(question)
    return bool(CORRECTION.search(question)) and any(
        re.search(NOT_THAT + re.escape(flat(m.alias)), said) for m in before)


OWN_QUESTION = re.compile(r"[?？]|吗|多少|多久|怎么|如何|什么|哪|\b(?:how|what|when|which|why|is|are|"
                          r"does|do|can)\b", re.I)
ASKS_CREDIT = re.compile(r"能赔|赔多少|赔吗|还赔|赔偿多少|how much|credit\b|compensat", re.I)
ASKS_WINDOW = re.compile(r"来得及|还能申请|最晚|最早哪天|截止|什么时候(?:能|可以)?申请|in time\b|too late|deadline"
                         r"|claim window|earliest (?:date|day|point|time)|last (?:date|day) to"
                         r"|when (?:can|should|do) (?:i|we) (?:file|claim|apply)", re.I)
SAME_TIME = re.compile(r"同一时段|同一时间|同时|同样|same time|same period|as well|also", re.I)
ONE_MORE = re.compile(r"漏了|还有一次|还有一回|另外还有一次|再加上|加上这[个次]|忘了说|忘记说|\bforgot\b"
                      r"|(?:也|又)(?:挂|断|宕|卡死|不可用|连不上|登不上|中断|出问题)[了过]?(?:一次|一回)"
                      r"|went down again|(?:was|were) down again"
                      r"|(?:one|two|three|\d) more (?:\w+ )?"
                      r"(?:outages?|incidents?|times?|ones?|blips?)"
                      r"|there (?:was|were) also|还有(?:两|三|几|\d)次"
                      r"|another (?:outage|incident) (?:too|as well)", re.I)  # one more outage
ANOTHER_INSTANCE = re.compile(  # 另外 ckafka-9pqz 那个实例也断了 / another instance was down too
    r"另外[^。！？!?]{0,30}?(?:实例|机器|服务器|节点|集群)[^。！？!?]{0,10}?也"
    r"|另一(?:台|个)(?:实例|机器|服务器|节点|集群)?[^。！？!?]{0,10}?也"
    r"|(?:another|the other|a second) (?:instance|server|node|machine|cluster|VM)\b", re.I)
ONLY_THIS = re.compile(r"就这一次|只有这一次|只这一次|就那一次|the only one|only (?:this|that) one"
                       r"|no other|nothing else", re.I)  # 10月就这一次: the same outage, no other
STILL_WORKED = re.compile(r"(?:都|还|也)能用|可以用|能正常|kept working|still worked|were working", re.I)
OTHERS_ASKED = re.compile(  # the assistant asking for the month's other outages
    r"其他(?:时间|时候|日子)?(?:还)?有(?:没有)?[^。？?]{0,8}(?:不可用|中断|故障|断|挂)"
    r"|还有(?:别的|其他)[^。？?]{0,8}(?:不可用|中断|故障|异常)"
    r"|any other\s+(?:[\w-]+\s+){0,2}?(?:outages?|downtime|incidents?|interruptions?)"
    r"|other (?:outages|downtime|incidents|interruptions) (?:that|in)",
    re.I)
MORE_THAN_BEFORE = re.compile(r"又多|多挂|多断|多出|额外|另外又|on top of|an extra|additional|longer",
                              re.I)
PUSHBACK = re.compile(r"不对|不是应该|搞错|算错|弄错|确定吗|你确定|核对|复核|再算|重新算|are you sure|can'?t be right"
                      r"|(?:is|was)n'?t (?:that|this|it) wrong|recheck|re-check|double[- ]check|"
                      r"should(?:n'?t| not) it be|I(?:'m| am) (?:pretty )?sure|I read that"
                      r"|\bredo\b|recalculate|recompute|re-?run|try again|重算|重新计算|再核"
                      r"|(?:同事|别人|朋友|客服)(?:跟我)?说|应该赔|不是说|my colleague (?:said|says)"
                      r"|I was told|someone told me", re.I)
SAME_OUTAGE = re.compile(r"同一时段|同一时间|同一晚|同一天|同时|同样的?(?:时间|时长)|时间一样"
                         r"|\bsame (?:window|time|period|day|night)\b|the same (?:\d+ )?(?:time|period"
                         r"|outage|hours?|minutes?|window|night|day)|exactly the same", re.I)
SAME_FEE = re.compile(r"月费(?:也)?一样|费用(?:也)?一样|同样的(?:月费|费用|价格)|价格(?:也)?一样|月费也是"
                      r"|same (?:monthly )?(?:fee|price|bill)|(?:fee|price|bill) is the same"
                      r"|(?:买|用|开通)的(?:其实|实际上)是|其实(?:买|用)的是|actually (?:it's|it is|we (?:have|use|bought))",
                      re.I)  # 我们买的其实是 X Pro 版: the product corrected, the bill the same
THRESHOLD_RE = re.compile(  # "那要是低于95%呢？", "and if it drops below 98?", "掉到95%以下": a tier
    rf"(?:低于|高于|不足|不到|跌破|below|under|less than|above)\s*{BOUND_VALUE}|{BELOW_AFTER}", re.I)

ASSERTED_BELOW = re.compile(r"已经\s*(?:低于|不到|不足|跌破|掉到)|\balready (?:below|under|less than)", re.I)


OWN_ASK = re.compile(  # a follow-up that asks a whole question of its own
    r"^\s*(?:ok\W*|okay\W*|and\s+|so\s+|but\s+)*(?:can|could|may|is|are|does|do|did|will|would"
    r"|should|what(?:'?s)?|how|when|where|who|which|why)\b|吗|能否|可否|可以|是否|多少|多久|多长|几|什么|怎么|哪"
    r"|啥|咋|有没有|要不要|需不需要", re.I)  # 申请的时候要提供啥？
WHOLE_ASK = 10  # Chinese characters (or twice as many Latin words) a question of its own holds
NARROWS = re.compile(r"也|同样|一样|那边|这边|呢|\balso\b|\btoo\b|\bsame\b|as well|\binstead\b",
                     re.I)  # 媒体智能标签那边也是千分之一吗: the question before, asked again of another


def _asks_whole(question: str) -> bool:
    """A follow-up that asks a whole new question (``那服务到期或者欠费停服以后，我们的数据会怎么
    处理？``), not one that only narrows the last (``那 COS 呢？``, ``如果只有 97% 呢``): searched by
    its own words, the product carried, not the earlier question's."""
    han = len(re.findall(r"[\u4e00-\u9fff]", question))
    words = len(re.findall(r"[A-Za-z]{3,}", question))
    return bool(OWN_ASK.search(question)) and not NARROWS.search(question) \
        and (han >= WHOLE_ASK or words >= 2 * WHOLE_ASK)


@dataclass(frozen=True)
class Resolved:
    """A question with what the conversation tells about it."""

    question: str
    lang: Lang
    products: tuple[Product, ...]
    query: CreditQuery
    is_follow_up: bool
    carried_product: bool
    earlier_questions: tuple[str, ...] = ()

    intent_text: str = ""
    same_product: bool = False  # the product is the one the user's turn before named (or carried)
    another_month: bool = False  # "ok and August?" after July's credit: July's outage not carried
    credit_offered: bool = False  # the assistant's last turn asked for the figures of a credit
    set_aside: tuple[Product, ...] = ()  # named as a cause, not asked about (the TI-ONE SLA's COS)
    caused_by: tuple[Product, ...] = ()  # of those, the ones said to have caused the outage

    @property
    def search_text(self) -> str:
        """What to search for: the question (without a product named only as the cause), with
        the product it carries named and, for a follow-up, the earlier question it continues
        ("那 COS 呢？" after "CVM 的承诺？")."""
        if not self.is_follow_up:
            return without_names(self.question, self.set_aside) if self.set_aside \
                else self.question
        product = self.products[0].key if self.products and (
            self.carried_product or self.products[0].key not in self.question) else ""
        return " ".join(p for p in (product, self.intent_text or self.question) if p)


def language(text: str) -> Lang:
    """``zh`` when the text has Chinese characters beyond quoted names, else ``en``."""
    han = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]+", text))
    return "zh" if han >= 2 and han >= latin else "en"


def _late_responses(query: CreditQuery) -> CreditQuery:
    """A bare count answering a question about late responses is their number."""
    counts = [u for u in query.uses if u.role == "outage_count"]
    number = re.search(r"\d+", counts[0].text) if len(counts) == 1 else None
    return replace(query, event_count=int(number.group(0))) if number else query


def _adds_to(question: str, query: CreditQuery, same_product: bool) -> bool:
    """A statement about the product of the turn before that gives no measurement of its own
    (``客户是两条物理专线接到同一个接入点``, ``我们是包年授权，一年 7.2 万``) adds to that turn; a
    question of its own (``MySQL 的赔偿申请最晚多久提？``) does not, unless it asks the credit again
    (``…其实接的是同一个接入点。这样还能赔吗？``)."""
    if query.has_measurement:
        return False
    gives = query.monthly_fee is not None and ASKS_WINDOW.search(question)  # "CLS was ¥7,340
    # for September. Am I still in time?": the fee asked for, and that claim's window
    if OWN_QUESTION.search(question) and not ASKS_CREDIT.search(question) and not gives:
        return False
    return same_product


def _another_instance(question: str, query: CreditQuery, earlier_users: list[str],
                      today: date) -> CreditQuery:
    """``另外同一时间 ckafka-9pqz 那个实例也断了，只断了4分钟`` after the first instance's outage:
    each instance's outage is its own (an SLA counting per instance never adds them up), so
    the two turns are read as the one message they make, instance by instance."""
    if not ANOTHER_INSTANCE.search(question) or not query.has_measurement:
        return query
    joined = read_query(f"{earlier_users[0]}。{question}", today)
    return joined if joined.instance_minutes else query


def _on_top(query: CreditQuery, earlier: list[CreditQuery], answered: bool = False) -> CreditQuery:
    """``同一时段也挂了，不过这边又多挂了 6 个小时`` after a 9-hour outage: the earlier outage and
    the extra time both count (9 + 6 hours); with no earlier outage to add to, one length is
    asked about, and several (``4分50秒、3小时12分、还有一次正好5分钟``) are this turn's own list."""
    before = next((q for q in earlier if q.incidents_seconds or q.downtime_minutes), None)
    extra = query.incidents_seconds or ((int(query.downtime_minutes * 60),)
                                        if query.downtime_minutes is not None else ())
    if before is None and len(extra) > 1:
        return query
    if before is None or not extra:
        return replace(query, uses=tuple(
            replace(u, role="unclear", note="on top of the earlier outage?")
            if u.role in ("incident", "downtime") else u for u in query.uses))
    base = before.incidents_seconds or (int((before.downtime_minutes or 0) * 60),)
    if answered:  # "any other outages?" answered, or the first outage corrected ("Nov 13 from
        # 12:30 to 23:30, so 11 hours, not 10. There was also…"): said again, it is not another
        extra = tuple(s for s in extra if s not in base) or extra
    return replace(query, incidents_seconds=(*base, *extra), downtime_minutes=None,
                   uses=tuple(replace(u, note="on top of the earlier outage")
                              if u.role in ("incident", "downtime") else u for u in query.uses))


def _added_up(users: list[str], queries: list[CreditQuery], history: list[Turn]
              ) -> list[CreditQuery]:
    """Earlier messages (newest first) read on top of the ones before them where they add an
    outage: ``还有一次三分钟就恢复了`` after ``断了两个半钟头`` holds both, as the question would."""
    asked = [i > 0 and history[i - 1].role == "assistant"
             and bool(OTHERS_ASKED.search(history[i - 1].content))
             for i, turn in enumerate(history) if turn.role == "user"][::-1]
    if len(asked) != len(queries):
        return queries
    out = list(queries)
    for i in range(len(out) - 2, -1, -1):  # the oldest first, so each holds all before it
        adds = bool(ONE_MORE.search(users[i])) or asked[i] and not ONLY_THIS.search(users[i])
        older = any(q.incidents_seconds or q.downtime_minutes is not None for q in out[i + 1:])
        if adds and older and out[i].has_measurement:
            out[i] = _on_top(out[i], out[i + 1:], asked[i])
    return out


MONTH_FIXED = re.compile(r"不是|说错|搞错|写错|记错|其实|应该是|更正|不好意思|抱歉|sorry|actually|I meant|"
                         r"\bnot\b|typo|oops|my bad|\bwait\b|(?:^|[，,\s])是\s*\d{1,2}\s*月|it was", re.I)


def _another_month(question: str, query: CreditQuery, earlier: list[CreditQuery],
                   history: list[Turn]) -> bool:
    """``ok and August? 20 such windows`` after July's outage: another month's question, so
    July's outage is not August's (it is asked for); ``不是 7 月，是 8 月`` fixes the month and
    keeps the outage, and so do "the same outage" and a month the assistant asked for."""
    if _answers(question, history):
        return False
    before = next((q.month for q in earlier if q.month), None)
    if query.month is None or before is None:
        return False
    moved = query.month[5:] != before[5:] if query.month_bare else query.month != before
    return moved and not MONTH_FIXED.search(question) and not SAME_OUTAGE.search(question)


def _follows_up(question: str, query: CreditQuery, history: list[Turn], named: bool,
                same_product: bool) -> bool:
    """Whether a question builds on the turns before it: it names no product, starts as a
    follow-up (那…呢, and for…), adds to the same product, answers the assistant's question,
    disputes or asks to redo, or says the outage was the same (another product, same time)."""
    return (not named or bool(FOLLOW_UP_RE.search(question.strip()))
            or bool(CORRECTION.search(question))
            or _adds_to(question, query, same_product)
            or (same_product and (_answers(question, history) or bool(PUSHBACK.search(question))
                                  or bool(WHERE_SAID.search(question))
                                  or bool(ONE_MORE.search(question))  # "Two more small ones"
                                  or _others_asked(history)))
            or bool(SAME_OUTAGE.search(question)))


CREDIT_OFFERED = re.compile(r"赔|补偿|估算|核算|代金券|credit|compensat|estimate"  # or a fee asked:
                            r"|月费|费用|账单|花了|付了|\bspen[dt]\b|\bfees?\b|\bbill(?:ed)?\b", re.I)  # to compute


def _others_asked(history: list[Turn]) -> bool:
    """Whether the assistant's last turn asked for the month's other outages."""
    return bool(history) and history[-1].role == "assistant" \
        and bool(OTHERS_ASKED.search(history[-1].content))


def _answers(question: str, history: list[Turn]) -> bool:
    """A message that only gives figures (``ckafka-a1: 12 min, ckafka-b2: 3 min``), right after
    the assistant asked for them, answers that question."""
    last = history[-1] if history else None
    asked = last is not None and last.role == "assistant" and bool(re.search(
        r"[?？]|请(?:提供|告诉|补充|给出|确认)|please (?:provide|tell|share|send|give|confirm)",
        last.content, re.I))  # 请提供 11 月各窗口的失败情况: a request is a question too
    return asked and not OWN_QUESTION.search(question)


NEGATED = re.compile(r"(?:(?<!是)不是|并非|而非|\bnot\b|\binstead of\b|\brather than\b)\s*(?:the\s+)?$",
                     re.I)  # 是不是 X 的问题 asks, it does not negate


DESCRIBING = re.compile(r"-(?:backed|based|hosted|fronted|powered|facing)\b", re.I)  # a name as an
# attribute of what is talked about ("one of our CLB-backed hosts"), not the product asked


def _not_negated(matches: list[ProductMatch], question: str) -> list[ProductMatch]:
    """``挂的其实是 CMQ 版的集群，不是 RabbitMQ``: a product said not to be the one is not asked
    about (unless no other product is named)."""
    kept = [m for m in matches if not NEGATED.search(question[max(0, m.start - 12):m.start])]
    if len(kept) > 1:  # EIP 带宽另算 800, our CDN is another ¥1,100 (unrelated): not the one asked
        first = [m for m in kept if not said_apart(question, m.start, m.end)
                 and not _clause_unrelated(question, m, matches)
                 and not DESCRIBING.match(question, m.end)] or kept  # our CLB-backed hosts
        kept = [m for m in first if not _set_aside(question, m)] or first
    return kept or matches


def _set_aside(question: str, match: ProductMatch) -> bool:
    """Whether a later naming of the product sets it aside (``一台CVM重启…CVM和云硬盘先不管，我就
    问公网IP``: the second naming of CVM says it is not the one asked); of the products its first
    naming left, only when another one stays."""
    return any(said_apart(question, said.start(), said.end())
               for name in _names(match) for said in re.finditer(_naming(name), question, re.I))


def _naming(name: str) -> str:
    """A product's name as a pattern: a Latin one whole, never inside an id (``tcr-a``)."""
    return rf"(?<![A-Za-z0-9-]){re.escape(name)}(?![A-Za-z0-9-])" if name.isascii() \
        else re.escape(name)


USED_FOR = re.compile(r"\s*(?:for|用于|用来做?|来做|做)\s*$", re.I)
JOINED = re.compile(r"\s*(?:\+|和|及|与|and|&|/|、|,|，)\s*$", re.I)


EITHER_UNSURE = re.compile(  # the customer did not say which of two products it was
    r"(?:没说|没讲|没有说|不知道|不清楚|不确定|分不清|搞不清|不记得|记不清|忘了)[^。；;!?！？]{0,30}还是"
    r"|(?:not sure|don'?t know|didn'?t say|unclear|can'?t tell)\b[^.;!?]{0,40}\b(?:whether|if)\b"
    r"[^.;!?]{0,40}\bor\b", re.I)


AGREEMENT_AFTER = re.compile(r"\s*(?:的\s*)?(?:SLA|服务等级协议|服务协议|服务条款|协议|条款|terms|agreement)",
                             re.I)
SIDE_BY_SIDE = re.compile(r"\bvs\.?\b|versus|compar|对比|比较|相比|分别|\beach\b|\bboth\b|还是|一样|\bsame\b"
                          r"|\b(?:SLAs|agreements)\b", re.I)
JOINED_NAMES = re.compile(r"\s*(?:和|与|及|、|跟|&|,|，|/|and|or)\s*", re.I)


def _agreement_named(named: tuple[Product, ...], matches: list[ProductMatch],
                     question: str) -> tuple[Product, ...]:
    """``TI-ONE 上训练任务失败，原因是底下用的 COS 出问题了，能按 TI-ONE 的 SLA 赔吗？``: of several
    products, the one whose agreement the question names is the one asked about (not when
    products are compared or listed together: ``the CHDFS (cloud HDFS) and GooseFSx SLAs``)."""
    said = {m.product.key: m.product for m in matches if any(
        AGREEMENT_AFTER.match(question, at.end()) for alias in _names(m)
        for at in re.finditer(re.escape(alias), question, re.I))}
    if len(named) < 2 or len(said) != 1 or SIDE_BY_SIDE.search(question) or any(
            JOINED_NAMES.fullmatch(re.sub(r"[（(][^()（）]*[)）]", "", question[a.end:b.start]))
            for a, b in zip(matches, matches[1:])):
        return named
    return tuple(said.values())


def _features_dropped(matches: list[ProductMatch], question: str) -> list[ProductMatch]:
    """``We use GME for voice messages + speech-to-text``: names said right after another
    product's name and "for" are what that product is used for, not products asked about."""
    kept: list[ProductMatch] = []
    feature, last = False, None
    for m in matches:
        before = question[last.end:m.start] if last else ""
        feature = bool(kept) and len(before) <= 16 and (
            bool(USED_FOR.fullmatch(before)) or feature and bool(JOINED.fullmatch(before)))
        if not feature:
            kept.append(m)
        last = m
    return kept


def _named_apart(question: str, match: ProductMatch) -> bool:
    """Whether a product is named, with its amount, as something set aside (``同一张单上还有
    云服务器 2,300/月，那个别算进去``)."""
    amount = OWN_AMOUNT.match(question, match.end)
    return said_apart(question, match.start, amount.end() if amount else match.end) \
        or _named_aside(match, question)  # they also pay about ¥2,000 for SMS


def _clause_unrelated(question: str, match: ProductMatch, matches: list[ProductMatch]) -> bool:
    """``另外我们 CVM 那边 1.2 万跟这个没关系``: the clause naming only this product says it is
    unrelated, and says no outage."""
    left, right = clause_span(question, match.start, match.end)
    clause = question[left:right]
    alone = all(o is match or not left <= o.start < right for o in matches)
    return alone and bool(UNRELATED.search(clause)) and not OUTAGE_WORDS.search(clause)


def _names_inside_dropped(matches: list[ProductMatch], query: CreditQuery,
                         question: str) -> list[ProductMatch]:
    """``云开发短信 … 发到有效号码的短信 200000 条``: with one outage measured, a product named by a
    word inside another product's name said in the question is that product, said again; one
    named as an edition of another (``MySQL 云数据库 …/云盘版实例``) is that edition."""
    if not query.has_measurement:
        return matches
    return [m for m in matches if not any(
        o.product.key != m.product.key and (m.alias.lower() in o.alias.lower()
                                            or question[m.end:m.end + 1] == "版")
        for o in matches)]


BULLET_BEFORE = re.compile(r"(?:^|\n)\s*[-•·*]\s*$")


def _bill_line(question: str, match: ProductMatch) -> bool:
    """Whether a product is named as a line of a bill (``WAF Enterprise ........ 3,980.00``,
    ``- 云服务器 CVM 1,200``): its name, then its amount."""
    amount_after = re.match(r"\s*[¥￥$]?\s*\d", question[match.end:])
    bulleted = BULLET_BEFORE.search(question[max(0, match.start - 6):match.start])
    listed = BILL_HEADER.search(question[:match.start])  # 费用的话：图片处理 1,900，图片审核 2,600
    return bool(BILL_LINE.match(question, match.end) or (amount_after and (bulleted or listed)))


def _one_of_bill_lines(question: str, match: ProductMatch) -> bool:
    """Whether a product is named as one line of a bill listing several (``费用的话：图片处理
    1,900，图片审核 2,600``), not as the one product a bill is for (``费用的话：COS 1,200``)."""
    header = BILL_HEADER.search(question[:match.start])
    if header is None or not _bill_line(question, match):
        return False
    end = next((i for i in range(match.end, len(question)) if question[i] in "。；;\n"),
               len(question))
    return len(re.findall(r"\d[\d,]*(?:\.\d+)?", question[header.start():end])) >= 2


BILL_HEADER = re.compile(r"(?:费用|账单|明细|\bbill|\bcharges|\bfees)[^。；;\n]{0,12}[:：][^。；;\n]*$",
                         re.I)


BILL_LINE = re.compile(r"(?:/[A-Za-z]+)*\s*(?:(?:fee|费用?|月费|账单|产品费|另计|另付)\s*[:：]?\s*"
                       r"(?:[¥￥$]|CNY|RMB)?|[¥￥$]|CNY|RMB"  # CVM/CBS 另计 9,000
                       r"|(?:\s+[A-Za-z][\w-]*){0,2}\s*(?:[.·…]{3,}|[:：|])\s*(?:[¥￥$]|CNY|RMB)?)"
                       r"\s*\d", re.I)  # WAF Enterprise ........ 3,980.00
BILL_ROW = re.compile(  # a pasted bill's row: "CLB ................... 200.00", "CLB | 200.00"
    r"^[^\n\d]*?[A-Za-z\u4e00-\u9fff][^\n]*?(?:[.·…]{3,}|[:：|])\s*(?:[¥￥$]|CNY|RMB)?\s*"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:元|CNY|RMB)?\s*$", re.M | re.I)
def _named_as_subject(match: ProductMatch, question: str) -> list[int]:
    """Where a product is named as itself, not as the tool its figures were read from
    (``From our Grafana export``, ``October outages from Grafana:``)."""
    english = re.search(r"([A-Za-z][A-Za-z ]+?)\s*[（(]\s*$", question[:match.start])
    words = (english.group(1) if english else match.alias).split()  # Imaging Platform (数智…)
    short = " ".join(words[-2:]) if len(words) >= 3 else ""
    spots = [m.span() for m in _mentions(match, question)]
    spots = (spots or [(match.start, match.end)]) + (
        [m.span() for m in re.finditer(re.escape(short), question, re.I)] if short else [])
    return [at for at, end in spots if not TOOL_AFTER.match(question, end)  # every time it is
            and not TOOL_BEFORE.search(question[max(0, at - 20):at])]  # named, not only the first


TOOL_BEFORE = re.compile(  # outages from Grafana:, 根据 Grafana 的数据: where figures were read
    r"(?:\b(?:from|per|according to|via)\s+(?:our|my|the|their|your)?|根据|从|据)\s*$", re.I)
TOOL_AFTER = re.compile(  # Grafana export / our Grafana 5-min error-rate buckets: a tool
    r"\s*(?:'s\s+)?(?:[\d\s-]*(?:min(?:ute)?s?|seconds?)?[\s-]*(?:error|success|latency|5xx)?"
    r"[\s-]*(?:rates?)?\s*)?(?:exports?|dashboards?|panels?|alerts?|alarms?|charts?|buckets?"
    r"|graphs?|metrics|probes?|checks?|监控|告警|看板|大盘|面板|截图|报表|导出|探测|拨测)", re.I)


def _outage_subject(matches: list[ProductMatch], question: str,
                    query: CreditQuery) -> list[ProductMatch]:
    """With one outage measured and several products named, the one said to have failed
    (``Our CODING workspace fell over … From our Grafana export``; ``bill: Imaging Platform
    ¥18,000, COS ¥2,300 … The imaging platform's APIs were down``); all of them when that does
    not single one out."""
    measured = query.has_measurement or bool(query.rated_ranges or query.partly_working)
    if measured and matches and not any(_named_as_subject(m, question) for m in matches):
        return []  # "October outages from Grafana: 50 s, …": the tool read, not what failed
    if not measured or len({m.product.key for m in matches}) < 2:
        return matches
    billed = _fee_clause_products(matches, question, query.monthly_fee)
    hosts = {m.product.key for m in matches if _hosts_another(m, matches, question)}
    hosted = [m for m in matches if m.product.key not in hosts]
    if hosts and len({m.product.key for m in hosted}) == 1 \
            and {m.product.key for m in billed} == {hosted[0].product.key}:  # CVM 上的公网 IP 断了…
        return hosted  # 这个公网IP每月90块: the IP billed on its own, not its host
    if any(m.product.has_sla for m in matches) and all(m.product.has_sla for m in billed):
        matches = [m for m in matches if m.product.has_sla]  # 我们几个账号都一样: a word of a
        if len({m.product.key for m in matches}) < 2:  # product with no SLA is not what failed,
            return matches  # unless its fee is said with the other's (一起扣的，合计 8,000)
    clauses = [c for c in re.finditer(r"[^。；;!?！？\n]+?(?:\.(?=\s)|$|(?=[。；;!?！？\n]))", question)]
    failed = [c.span() for c in clauses if OUTAGE_WORDS.search(c.group(0))]
    fine = [c.span() for c in re.finditer(r"(?:[^，,。；;!?！？\n.]|[,.](?=\d))+", question)
            if WORKED.search(c.group(0))]

    owner = _fee_owner(matches, question, query)
    if owner:
        return owner
    kept = [m for m in matches if not _named_aside(m, question)]  # 另外我们还有 40 台 CVM 每台 300
    if kept and len({m.product.key for m in kept}) == 1 and len(kept) < len(matches):
        return kept
    used = [m for m in matches if _named_as_subject(m, question)]  # "our Grafana 5-min
    # buckets": named as a tool only
    if used and len({m.product.key for m in used}) == 1 and len(used) < len(matches):
        return used
    outside = [m for m in matches if not _in_brackets(question, m.start, m.end)]  # (agent on …)
    if outside and len({m.product.key for m in outside}) == 1 and len(outside) < len(matches) \
            and any(m.product.key != outside[0].product.key for m in matches):
        return outside
    worked = {m.product.key for m in matches if any(a <= m.start < b for a, b in fine)}
    subject = [m for m in matches if any(a <= at < b for at in _named_as_subject(m, question)
                                         for a, b in failed)
               and m.product.key not in worked and not _named_as_agent(m, question)
               and not _named_as_target(m, question)]
    if len({m.product.key for m in subject}) == 1:
        return subject
    others = [m for m in matches if m.product.key not in worked]  # 同账单上的 MySQL 没出问题
    if worked and len({m.product.key for m in others}) == 1:
        return others
    asked = [m for m in matches if _named_in_ask(m, question)]
    if len({m.product.key for m in asked}) == 1:  # …OrcaTerm 这个月付了 99 元，CVM 那边 1,100。
        return asked  # OrcaTerm 能赔多少？: the product the credit is asked for
    billed = [m for m in billed if m.product.key not in worked] \
        if len({m.product.key for m in billed}) == 1 else []  # 一起扣的，合计 8,000: of both
    if len({m.product.key for m in billed}) == 1 and not any(
            _named_as_cause(m, question) for m in matches if m.product != billed[0].product):
        return billed  # 客户的拨测…调图像理解…11 月图像理解费用 2,750 元: the fee is the failed
    # product's, and the sentence saying it names it; unless another product is said to have
    # caused the outage (底层 EMR 集群挂了): whether the SLA counts that is asked
    # "EMR in ap-shanghai … Bill: EMR fee ¥6,000, CVM ¥40,000 and CBS ¥3,500 for the nodes": the
    # products named only as lines of a bill are not the one the question is about
    named_apart = [m for m in matches if not _bill_line(question, m)]
    return named_apart if len({m.product.key for m in named_apart}) == 1 else matches


HOST_BETWEEN = re.compile(  # CVM 上自带的那个普通公网IP / the public IP on our CVM
    r"\s*上\s*(?:自带|绑定|挂载|挂|附带|配套|默认|带)?\s*的?\s*(?:那个|这个|那块|那张)?\s*(?:普通的?)?\s*"
    r"|\s+(?:on|attached to) (?:our|the|my|their|that) ", re.I)


def _hosts_another(match: ProductMatch, matches: list[ProductMatch], question: str) -> bool:
    """Whether a product is named only as where another one sits (``CVM 上的公网 IP``, ``the
    public IP on our CVM``): the other is what failed."""
    for other in matches:
        if other.product.key == match.product.key:
            continue
        first, second = (match, other) if match.start < other.start else (other, match)
        between = question[first.end:second.start]
        on = " on " in f" {between} " or "attached to" in between
        if HOST_BETWEEN.fullmatch(between) and (first is match) != on:
            return True
    return False


ASIDE_BEFORE = re.compile(  # 另外我们还有 40 台 CVM / they also pay about ¥2,000 for SMS
    r"(?:另外|此外|另有|还有|\balso\b|besides|plus|apart from)(?:[^，,。；;!?！？\n]|(?<=\d),(?=\d)){0,30}?$",
    re.I)


def _named_aside(match: ProductMatch, question: str) -> bool:
    """A product brought in beside the one asked about (``另外我们还有 40 台 CVM 每台一个月 300``),
    its clause saying nothing failed."""
    clause = next((c.group(0) for c in CLAUSE.finditer(question)
                   if c.start() <= match.start < c.end()), "")
    return bool(ASIDE_BEFORE.search(question[max(0, match.start - 36):match.start])) \
        and not OUTAGE_WORDS.search(clause)


ASKED_FOR = re.compile(r"能赔|赔多少|赔偿多少|赔付多少|补偿多少|可以赔|能补偿|的赔付|的赔偿(?!标准)|credit for"
                       r"|compensation for"
                       r"|how much (?:credit|compensation|do we get|can we get)"
                       r"|what (?:do|can) we get", re.I)


ONLY_FOR = re.compile(r"(?:\bjust|\bonly|只算|先算|只问|先问|只看)\s*(?:for\s+|about\s+)?(?:the\s+)?$", re.I)


def _named_in_ask(match: ProductMatch, question: str) -> bool:
    """Whether the product is named in the clause asking for the credit (``WeData 能赔多少？``,
    ``how much credit for OrcaTerm?``) or as the only one asked (``so just TDSQL-C for now``)."""
    return any(ASKED_FOR.search(c.group(0)) and _said_in(match, c.group(0))
               for c in CLAUSE.finditer(question)) or any(
        ONLY_FOR.search(question[max(0, said.start() - 12):said.start()])
        for said in _mentions(match, question))


CAUSE = re.compile(r"因为|由于|导致|引起|造成|原因是|caused|due to|\bbecause\b|triggered", re.I)


def _named_as_cause(match: ProductMatch, question: str) -> bool:
    """Whether a product is named as what caused the outage (``因为底层 EMR 集群挂了``,
    ``CLB 接口异常导致…``, ``caused by a CLB failure``)."""
    return any(CAUSE.search(question[max(0, said.start() - 12):said.end() + 12])
               for said in _mentions(match, question))


def _named_as_agent(match: ProductMatch, question: str) -> bool:
    """Whether a product's name is said as the one that did it: in the passive (``被 DDoS 打进
    黑洞``, ``hit by a DDoS``: the attack, not that product failing), or as the cause of the
    outage (``底层 EMR 集群挂了导致…``, ``因为底层 EMR 集群挂了``, ``caused by a CLB failure``),
    never as what it caused (``…导致 WeData 任务跑不了``)."""
    return any(AGENT_BEFORE.search(question[max(0, said.start() - 12):said.start()])
               or CAUSE_NEXT.match(question, said.end())
               or CAUSE_BEFORE.search(question[max(0, said.start() - 14):said.start()])
               for said in _mentions(match, question))


def _named_as_target(match: ProductMatch, question: str) -> bool:
    """Whether a product is named only as what could not be reached (``SSH 代理连不上 CVM``,
    ``can't connect to our CVMs``): the failing service is the one reaching for it."""
    said = _mentions(match, question)
    return bool(said) and all(REACH_BEFORE.search(question[max(0, m.start() - 10):m.start()])
                              for m in said)


REACH_BEFORE = re.compile(r"(?:连不上|连不到|连不通|访问不了|访问不到|到不了|ping\s*不通|can'?t (?:reach|connect to|access)"
                          r"|cannot (?:reach|connect to|access)|unable to (?:reach|connect to|access))"
                          r"\s*(?:到|the|our|their)?\s*$", re.I)
CAUSE_NEXT = re.compile(r"[^，,。；;!?！？\n]{0,12}?(?:导致|引起|造成|引发|\bcaused\b|\btriggered\b|\bled to\b)",
                        re.I)  # 底层 EMR 集群挂了导致: the name before what it caused
CAUSE_BEFORE = re.compile(r"(?:因为|由于|原因是|是因为|due to|because of|caused by|triggered by)"
                          r"[^，,。；;!?！？\n]{0,10}$", re.I)  # 因为底层 EMR: the name after the cause


AGENT_BEFORE = re.compile(  # 被 DDoS 打进黑洞 / hit by a DDoS: the one that did it, in the passive
    r"(?:被|遭到?|遭受了?)\s*(?:了|一次|一波|大规模的?)?\s*$|\b(?:hit|attacked|taken down|knocked out) by"
    r"(?: an?| the)?\s*$", re.I)


def _fee_clause_products(matches: list[ProductMatch], question: str,
                         fee: Decimal | None) -> list[ProductMatch]:
    """The products named in the sentence that says the fee the reading took; a product named
    there with another amount of its own (…还有个 CLB 一个月 180) is not the fee's."""
    sentence = _sentence_saying(question, fee) if fee is not None else None
    return [m for m in matches if _said_in(m, sentence) and _own_amounts(sentence, m) <= {fee}] \
        if sentence else []


def _products_in_sentence(matches: list[ProductMatch], question: str,
                          amount: Decimal) -> list[ProductMatch]:
    """The products named in the sentence that says ``amount`` (``我们是包月 2,600 元``: none)."""
    sentence = _sentence_saying(question, amount)
    return [m for m in matches if _said_in(m, sentence)] if sentence else []


def _sentence_saying(question: str, amount: Decimal) -> str | None:
    """The first sentence of ``question`` that says ``amount``."""
    for sentence in SENTENCE.finditer(question):
        amounts = [Decimal(a.replace(",", "")) for a in re.findall(
            r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?", sentence.group(0))]
        if amount in amounts:
            return sentence.group(0)
    return None


def _own_amounts(sentence: str, match: ProductMatch) -> set[Decimal]:
    """The amounts said right after each naming of a product in a sentence (``CLB 一个月
    180``)."""
    return {Decimal(said.group(1).replace(",", "")) for alias in _names(match)
            for named in re.finditer(re.escape(alias), sentence, re.I)
            if (said := NAMED_AMOUNT.match(sentence, named.end()))}


SENTENCE = re.compile(r"(?:[^。；;!?！？\n.]|\.(?!\s))+")  # a sentence, Chinese or English
CLAUSE = re.compile(r"(?:[^，,。；;!?！？\n.]|\.(?!\s))+")  # a clause: a sentence cut at commas too


def _names(match: ProductMatch) -> set[str]:
    """Every name of the matched product, the one matched first."""
    return {match.alias, *match.product.aliases}


def _mentions(match: ProductMatch, text: str) -> list[re.Match[str]]:
    """Where ``text`` names the matched product, by any of its names."""
    return [said for alias in _names(match) for said in re.finditer(re.escape(alias), text, re.I)]


def _said_in(match: ProductMatch, text: str) -> bool:
    """Whether ``text`` names the matched product by any of its names (spaces aside: 公网IP is
    公网 IP)."""
    said = re.sub(r"\s+", "", text.lower())
    return any(re.sub(r"\s+", "", alias.lower()) in said for alias in _names(match))


def _in_brackets(text: str, at: int, end: int) -> bool:
    """Whether the name at ``at``–``end`` is inside a bracketed aside (``（审计 agent 装在那台 MySQL
    上）``); a bracket saying what a fee includes (``2 万（含转码、录制）``) is no aside, nor one
    that only holds the name (``Mobile APM Pro (终端性能监控 Pro)``: what the words before it are)."""
    before = text[:at]
    opened = max(before.rfind("("), before.rfind("（"))
    gloss = not text[opened + 1:at].strip() and re.match(r"\s*[)）]", text[end:])
    return before.count("(") + before.count("（") > before.count(")") + before.count("）") \
        and not gloss and not re.match(r"\s*(?:含|包含|包括|including|incl)", text[opened + 1:], re.I)


NAMED_AMOUNT = re.compile(  # Oceanus 11月账单 6,400 元: the first amount after a name (past a month)
    r"(?:[^\d，,。；;、\n]|\d{1,2}\s*月份?){0,24}?(?:[¥￥$]|CNY|RMB)?\s*"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.])"
    r"(?!\s*(?:年|月|日|号|分|小时|钟|秒|天|次|个|台|%|％|min|hour|sec|day|times\b|h\b|m\b|s\b))",
    re.I)  # 断了 5 小时, 2025年: a length or a date, never an amount


def _fee_owner(matches: list[ProductMatch], question: str,
               query: CreditQuery) -> list[ProductMatch]:
    """``'Cloud Security Center – Ultimate' ¥9,800 and 'Cloud Firewall' ¥5,000 … (the firewall
    was fine)``: when the reading took one item's amount as the fee over the others' (the item
    said to have failed), the product whose line that amount is."""
    if query.monthly_fee is None or not any(u.role == "fee_item_other" for u in query.uses):
        return []
    owner = [m for m in matches for said in re.finditer(re.escape(m.alias), question, re.I)
             if (line := NAMED_AMOUNT.match(question, said.end()))
             and Decimal(line.group(1).replace(",", "")) == query.monthly_fee]
    return owner if len({m.product.key for m in owner}) == 1 else []


SWITCHED_TO = re.compile(  # 那魔法引擎呢？ / what about Magic Engine?: a product asked about in turn
    r"^\s*(?:那么?|换成|改成)?\s*([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9 ]{1,15}?)\s*(?:的)?呢"
    r"|\b(?:what|how) about\s+(?:the\s+|our\s+)?([A-Za-z][\w -]{1,30}?)\s*(?:[?,.;]|$)", re.I)
PRODUCT_WORDS = re.compile(r"引擎|服务|平台|数据库|存储|网关|系统|助手|中心|engine|service|platform"
                           r"|database|gateway|storage", re.I)


MEDIA = {"audio": "音频", "video": "视频", "image": "图片", "picture": "图片", "text": "文本",
         "voice": "语音", "音频": "音频", "视频": "视频", "图片": "图片", "图像": "图片", "文本": "文本",
         "语音": "语音"}
MEDIUM_WORDS = {medium: tuple(w for w, m in MEDIA.items() if m == medium and not w.isascii())
                for medium in set(MEDIA.values())}  # how product names write each medium
SIBLING_ASKED = re.compile(
    r"\b(?:the|for the|about the)\s+(audio|video|image|picture|text|voice)\s+(?:[a-z]+\s+)?"
    r"(?:one|version|side)\b"  # the video one, the video creation one
    r"|(?:那|那么)?\s*(音频|视频|图片|图像|文本|语音)(?:的|那个|那边)?\s*呢", re.I)


def _sibling(question: str, before: Product, products: ProductTable) -> tuple[Product, ...]:
    """``and for the audio one?`` after 文本内容安全: the product of the same family whose name
    has the medium asked for in place of the earlier one's (音频内容安全; the video creation
    one after 大模型图像创作引擎: 大模型视频创作引擎)."""
    asked = SIBLING_ASKED.search(question)
    if asked is None:
        return ()
    medium = MEDIA[(asked.group(1) or asked.group(2)).lower()]
    keys = {p.key: p for p in products.products}
    for other, words in MEDIUM_WORDS.items():
        for word in words if other != medium else ():
            if word in before.key:
                found = [keys[k] for new in MEDIUM_WORDS[medium]
                         if (k := before.key.replace(word, new)) in keys]
                return tuple(found[:1])
    return ()


def _only_compared(question: str, match: ProductMatch) -> bool:
    """The product is named as a comparison (``MySQL 那些``, ``像 CVM 一样``, ``like CVM``), not as
    the subject of the question."""
    after = question[match.end:match.end + 6].lstrip()
    before = question[max(0, match.start - 6):match.start].rstrip()
    return bool(re.match(r"(?:那些|那种|那样|之类|一样|它们|they|those|do\b|does\b)", after, re.I)
                or re.search(r"(?:像|跟|和|与|比|like|unlike|than)$", before, re.I))


def _told_apart(question: str, found: tuple[Product, ...]) -> tuple[Product, ...]:
    """``那分类这个赔多少？`` after a turn naming 医疗报告结构化 SaaS and 医疗报告分类 SaaS: the
    one whose name has a word (two CJK characters, or a Latin word) that the question says and
    no other product named there has. All of them when no word or several products' words are."""
    if len(found) < 2:
        return found
    words = {p.key: _name_words(p.key) for p in found}
    told = [p for p in found
            if any(w in question.lower() for w in words[p.key]
                   - set().union(*(words[o.key] for o in found if o.key != p.key)))]
    return (told[0],) if len(told) == 1 else found


def _name_words(key: str) -> set[str]:
    return bigrams(key) | {w.lower() for w in re.findall(r"[A-Za-z]{3,}", key)}


def _other_than_answered(named: tuple[Product, ...], history: list[Turn],
                         products: ProductTable) -> bool:
    """The product picked now is not the one the last answer was about: its fee is not that
    product's fee."""
    answers = [t.content for t in history if t.role == "assistant"]
    if len(named) != 1 or not answers:
        return False
    answered = {m.product.key for m in products.detect(answers[-1])}
    return bool(answered) and named[0].key not in answered


def _names_an_unknown_product(question: str) -> bool:
    """``那魔法引擎呢？`` after a question about another product: a product the table does not
    know is asked about, so the earlier one is not carried over (an edition or tier is)."""
    switched = SWITCHED_TO.search(question)
    name = (switched.group(1) or switched.group(2) or "") if switched else ""
    return bool(PRODUCT_WORDS.search(name)) and not re.search(
        r"版|级|档|edition|tier|^(?:如果|要是|假如|是|换成)", name, re.I)  # 那如果是只读分析引擎呢: an edition


WHERE_SAID = re.compile(  # a follow-up asking for the clause behind the last answer
    r"where does it say|where is (?:that|it) (?:said|written|stated)|which (?:section|clause)"
    r"|what does (?:the|that) (?:agreement|sla|clause) (?:actually )?say|why(?: not)?\s*\??$|^why\b"
    r"|哪一?条|哪里(?:写|规定|说)|出处|依据|根据是什么|为什么|凭什么|原文", re.I)
FIGURE = r"\d{1,2}:\d{2}(?::\d{2})?|\d+(?:\.\d+)?"  # a clock time whole (00:05), or a number
SWAPPED = (  # (new, old): "it's 480 sample points, not 95" / 是 480 个，不是 95 个 / 不是 95 是 480
    re.compile(rf"(?<![\w.:])({FIGURE})(?!\d|\.\d|:\d)[^,，。;；\d]{{0,24}}?[,，]?\s*"
               rf"(?:not|instead of)\s+"
               rf"({FIGURE})(?!\d|\.\d|:\d)", re.I),
    re.compile(rf"是\s*({FIGURE})[^，,。；;\d]{{0,8}}?[，,]?\s*(?:而)?不是\s*({FIGURE})"),
)
SWAPPED_OLD_FIRST = re.compile(
    rf"不是\s*({FIGURE})[^，,。；;\d]{{0,8}}?[，,]?\s*(?:而)?是\s*({FIGURE})")


def _figure_swapped(question: str, query: CreditQuery, earlier_users: list[str],
                    today: date) -> tuple[list[str], CreditQuery]:
    """``they recounted and it's 480 sample points, not 95``: the earlier message read again
    with 95 replaced by 480 (whatever 95 was there: a count of units, a length, a fee), and
    480 marked as read there. Only when the old figure is said exactly once before. A clock
    time corrected (``back at 00:05, not 00:35``) takes with it the length said from the old
    times (``so an hour and three quarters``)."""
    pairs = [(m.group(1), m.group(2)) for pattern in SWAPPED for m in pattern.finditer(question)]
    pairs += [(m.group(2), m.group(1)) for m in SWAPPED_OLD_FIRST.finditer(question)]
    if len(pairs) != 1 or not earlier_users:
        return earlier_users, query
    new, old = pairs[0]
    if new == old:  # 是 8 分钟，不是 8 小时: a unit corrected (CreditQuery.corrected)
        return earlier_users, query
    clock = ":" in old
    text = normalize(earlier_users[0]) if clock else earlier_users[0]
    said = list(re.finditer(rf"(?<![\d.,:]){re.escape(old)}(?![\d.,]|:\d)", text))
    if len(said) != 1:
        return earlier_users, query
    edits = [(said[0].start(), said[0].end(), new)]
    if clock:
        edits += [(u.start, u.end, "") for u in read_query(earlier_users[0], today).uses
                  if u.note == SAME_AS_RANGE and u.start >= said[0].end()]
    for start, end, put in sorted(edits, reverse=True):
        text = text[:start] + put + text[end:]
    digits = re.sub(r"[^\d.]", "", new)
    uses = tuple(replace(u, role="restated", note=f"read in place of {old} in the earlier message")
                 if u.role == "unclear" and re.sub(r"[^\d.]", "", u.text) == digits else u
                 for u in query.uses)
    return [text, *earlier_users[1:]], replace(query, uses=uses)


ORDINALS = {"一": 0, "1": 0, "二": 1, "2": 1, "三": 2, "3": 2, "四": 3, "4": 3, "first": 0,
            "second": 1, "third": 2, "fourth": 3}
OUTAGE_FIXED = re.compile(  # 第一次其实是7小时11分 / 那次“2小时6分”其实是整整8小时 / the first one was 3h
    r"(?:第\s*([一二三四1-4])\s*次|[“\"]([^”\"]{1,16})[”\"]|the (first|second|third|fourth) "
    r"(?:one|outage|incident))\s*(?:其实|实际上|实际|应该)?\s*(?:是|为|was|is|lasted)\s*(?:整整)?"
    r"\s*([^，,。；;！!？?\n]{1,24}?)\s*(?:呢|吧|啊)?(?=[，,。；;！!？?\n]|$)", re.I)


STILL_DOWN = re.compile(  # 从 10:20 开始…现在还没好 / down since 10:20 and still not back
    r"(?:从|自|since|from)\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?[^。.!！?？]*?"
    r"(?:还没好|还没恢复|没恢复|仍未恢复|还在|现在还|到现在|至今|still|ongoing|not (?:back|recovered))",
    re.I)
BACK_AT = re.compile(  # 11:47:30 才通 / 恢复于 11:47 / back up at 11:47
    r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*(?:才|就|终于)?\s*(?:通|恢复|好|正常|back|came back|recovered"
    r"|was restored)"
    r"|(?:恢复|通|好|back(?: up)?|recovered|restored)\s*(?:于|在|at)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?",
    re.I)


def _outage_closed(question: str, query: CreditQuery, earlier_users: list[str]) -> CreditQuery:
    """``从 10:20 开始全挂，现在还没好`` and then ``11:47:30 才通``: the outage said open before ends
    at the time said now (87 min 30 s), when this turn says no length of its own."""
    back = BACK_AT.search(question)
    open_ = STILL_DOWN.search(earlier_users[0]) if earlier_users else None
    if back is None or open_ is None or query.has_measurement:
        return query
    end = [int(g or 0) for g in (back.groups()[:3] if back.group(1) else back.groups()[3:])]
    start = [int(g or 0) for g in open_.groups()]
    seconds = ((end[0] - start[0]) * 3600 + (end[1] - start[1]) * 60 + end[2] - start[2]) % 86400
    if not seconds:
        return query
    note = f"{open_.group(1)}:{open_.group(2)}（上文）至此：{seconds // 60} 分钟"
    uses = tuple(replace(u, role="incident", note=note)
                 if u.start <= back.start() < u.end or back.start() <= u.start < back.end() else u
                 for u in query.uses)
    return replace(query, incidents_seconds=(seconds,), uses=uses)


def _outage_fixed(question: str, query: CreditQuery, earlier_users: list[str],
                  today: date) -> tuple[list[str], CreditQuery]:
    """``第一次其实是7小时11分，其他两次不变`` / ``那次“2小时6分”其实是整整8小时``: one outage of
    the earlier message corrected, the others kept: the earlier message is read again with
    that outage's words replaced, and this turn's length marked as read there."""
    fixed = OUTAGE_FIXED.search(question)
    if fixed is None or not earlier_users or not (
            duration_seconds(normalize(fixed.group(4)))
            or read_query(fixed.group(4), today).incidents_seconds):  # 14:01:01 到 14:41:01
        return earlier_users, query
    said = normalize(earlier_users[0])
    if fixed.group(2):  # the old length quoted
        old = normalize(fixed.group(2))
        if said.count(old) != 1:
            return earlier_users, query
        start, end = said.index(old), said.index(old) + len(old)
    else:
        earlier = sorted(read_query(earlier_users[0], today).uses, key=lambda u: u.start)
        outages = [u for u in earlier if u.role == "incident"]
        at = ORDINALS[(fixed.group(1) or fixed.group(3)).lower()]
        if at >= len(outages):
            return earlier_users, query
        start, end = outages[at].start, outages[at].end
        ends = [u for u in earlier if u.note == "the end of that outage" and u.start >= end
                and (at + 1 == len(outages) or u.start < outages[at + 1].start)]
        end = ends[0].end if ends else end  # 14:01:01 到 14:19:30: its end said apart
    redone = said[:start] + normalize(fixed.group(4)) + said[end:]
    uses = tuple(replace(u, role="restated", note="read in place of the earlier outage")
                 if u.role == "incident" else u for u in query.uses)
    return [redone, *earlier_users[1:]], replace(query, incidents_seconds=(), uses=uses)


REFERRED = re.compile(r"(?:那|这)\s*一?\s*次\s*$|(?:那|这)\s*个\s*$|\b(?:that|the)\s*$", re.I)


def _outage_referred(query: CreditQuery, earlier: CreditQuery) -> CreditQuery:
    """``另外，那次 17 分钟的是你们半夜升级导致的`` after outages of 4, 5, 17 and 26 minutes: an
    outage said before, named again to say more about it, is no new outage; the earlier
    outages stand (carried as the measurement)."""
    said = [u for u in query.uses if u.role == "incident"]
    if not said or len(said) != len(query.incidents_seconds) or query.downtime_minutes \
            or not set(query.incidents_seconds) <= set(earlier.incidents_seconds) \
            or not all(REFERRED.search(u.around[:u.around.find(u.text)]) for u in said):
        return query
    return replace(query, incidents_seconds=(), uses=tuple(
        replace(u, role="restated", note="an outage said before, named again")
        if u in said else u for u in query.uses))


def _fee_of_subject(query: CreditQuery, question: str, matches: list[ProductMatch],
                    subject: tuple[Product, ...]) -> CreditQuery:
    """``bill lines: TCSS ¥2,000, Cloud Workload Protection ¥1,500, total ¥3,500`` about TCSS:
    the line of the one product the question is about is its monthly fee; the other lines
    and their total are other amounts. Nothing changes unless every number left unclear is
    one of those amounts and exactly one of them is the subject's line."""
    rows = {Decimal(m.group(1).replace(",", "")) for m in BILL_ROW.finditer(question)}
    asked = [u for u in query.unclear if u.note == SEVERAL_AMOUNTS
             or (u.note == "not read" and amount_said(u) in rows)]
    own = _own_bill(query, question, matches, subject, asked)
    if own is not None:
        return own
    if len(subject) != 1 or query.monthly_fee is not None or len(asked) < 2 \
            or len(asked) != len(query.unclear) \
            or all(m.product.key == subject[0].key for m in matches):  # one product's bill
        return query  # (账单 4,380，其中 500 是代金券，实付 3,880): no other product's line
    ends = [m.end for m in matches if m.product.key == subject[0].key] + _name_ends(
        question, subject[0])  # each time it is named: WeData 4,000
    for end in list(ends):  # Container security (TCSS) … TCSS ¥2,000: the user's own short name
        short = re.match(r"\s*[（(]\s*([A-Za-z][\w-]{1,15})\s*[)）]", question[end:])
        name = rf"\b{re.escape(short.group(1))}\b" if short else None
        ends += [found.end() for found in re.finditer(name, question)] if name else []
    lines = [re.match(r"[\d,]+(?:\.\d+)?", question[line.end() - 1:])
             for end in ends if (line := BILL_LINE.match(question, end))]
    amounts = {Decimal(a.group(0).replace(",", "")) for a in lines if a}
    said = {u: amount_said(u) for u in asked}
    if not amounts:  # OrcaTerm 这个月付了 99 元，CVM 那边 1,100: the amount said after its name
        amounts = {Decimal(line.group(1).replace(",", "")) for end in ends
                   if (line := NAMED_AMOUNT.match(question, end))} & set(said.values())
    mine = [u for u in asked if said[u] in amounts]
    if len(amounts) != 1 or len(mine) != 1:
        return query
    fee = mine[0]
    uses = tuple(replace(u, role="monthly_fee", note=f"{subject[0].key} 的账单行") if u is fee
                 else replace(u, role="money_other", note="another line of the bill")
                 if u in said else u for u in query.uses)
    return replace(query, monthly_fee=said[fee], fee_basis="monthly", uses=uses)


def _name_ends(question: str, product: Product) -> list[int]:
    """Where each mention of one of the product's names ends in the question."""
    return [found.end() for alias in product.aliases for found in
            re.finditer(rf"(?<![A-Za-z]){re.escape(alias)}(?![A-Za-z])", question, re.I)]


OWN_BILL = re.compile(r"\s*(?:的)?\s*(?:相关的?)?\s*(?:\d{1,2}\s*月份?\s*)?(?:账单|费用|bill|charges)\s*(?:明细)?\s*[:：]",
                      re.I)


def _own_bill(query: CreditQuery, question: str, matches: list[ProductMatch],
              subject: tuple[Product, ...], asked: list[NumberUse]) -> CreditQuery | None:
    """``10 月 COS 账单：存储容量 2,100，外网下行流量 1,350，请求费 150`` about COS: a bill headed
    by the asked product's name whose lines name no other product is its own charges, and its
    month's fee their sum (see :func:`_own_bill_lines`); None when there is no such bill."""
    if len(subject) != 1 or query.monthly_fee is not None or len(asked) < 2:
        return None
    for at in _name_ends(question, subject[0]):
        header = OWN_BILL.match(question, at)
        if header is None:
            continue
        end = next((i for i in range(header.end(), len(question)) if question[i] in "。；;\n"),
                   len(question))
        said = {Decimal(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?",
                                                               question[header.end():end])}
        lines = [u for u in asked if amount_said(u) in said]
        others = [o for o in matches if header.end() <= o.start < end]
        theirs = {u for u in asked if u not in lines and any(  # 账单里另外还有 COS 400、CLB 200
            m.product.key != subject[0].key and m.alias in (u.around or "") for m in matches)}
        if lines and len(lines) + len(theirs) == len(asked) and not others:
            return _own_bill_lines(query, lines, theirs)
    return None


def _fee_shared(query: CreditQuery, question: str, matches: list[ProductMatch],
                subject: tuple[Product, ...]) -> CreditQuery:
    """``CODING 和云原生构建是一起扣的，合计 8,000/月`` about CODING: a fee said as a sum in a
    sentence naming another product too is not the asked one's own fee; it is asked for."""
    if not query.fee_sum or len(subject) != 1:
        return query
    billed = {m.product.key for m in _fee_clause_products(matches, question, query.monthly_fee)}
    if not billed - {subject[0].key}:
        return query
    return replace(query, monthly_fee=None, uses=tuple(
        replace(u, role="unclear", note=SHARED_FEE) if u.role == "monthly_fee" else u
        for u in query.uses))


def _fee_of_another(query: CreditQuery, question: str, products: ProductTable,
                    subject: tuple[Product, ...]) -> CreditQuery:
    """``云硬盘…完全读写不了。CVM 本身月费 1,200`` about the cloud disk: a fee said right after
    another product's name, in a sentence that never names the one asked about, is that
    product's; this one's is asked."""
    fee = query.monthly_fee
    sentence = _sentence_saying(question, fee) if fee is not None and len(subject) == 1 else None
    if sentence is None:
        return query
    names = {a.lower() for a in subject[0].aliases} | {subject[0].key.lower()}
    owners = [m for m in products.detect(sentence) if fee in _own_amounts(sentence, m)
              and not any(m.alias.lower() in name for name in names)  # 短信 of 云开发短信
              and not re.search(rf"[（(]\s*{re.escape(m.alias)}\s*[)）]", question, re.I)]  # CSS
    # value-added services (transcoding): the name in brackets says what is asked about
    if not owners or any(name in sentence.lower() for name in names):
        return query
    return replace(query, monthly_fee=None, fee_basis=None, fee_note=None, uses=tuple(
        replace(u, role="unclear", note=ANOTHER_FEE)
        if u.role in ("monthly_fee", "fee_paid", "fee_annual", "fee_prepaid") else u
        for u in query.uses))


AMOUNT_FOR = re.compile(r"([\d,]+(?:\.\d+)?)\s*([kK万w])?\s*(?:元|块|CNY|RMB|yuan)?\s*"
                        r"(?:/\s*(?:month|mo)|per month|a month|monthly|every month)?"
                        r"\s*(?:on|for)\s*"
                        r"(?:the\s+|their\s+|our\s+)?$", re.I)


def _scaled_amount(found: re.Match[str]) -> Decimal:
    """``30k`` -> 30000, ``1.2万`` -> 12000."""
    value = Decimal(found.group(1).replace(",", ""))
    return value * (10000 if found.group(2) in ("万", "w") else 1000 if found.group(2) else 1)


OWN_AMOUNT = re.compile(  # CVM 1,100 / RDS 每月 2000 / CDN 那边花了 4,100: that product's amount
    r"\s*(?:的)?\s*(?:[:：]|费用?|月费|fee|bill|(?:那边|那块|这边)?\s*(?:每台|每个|each)?\s*"
    r"(?:每月|每个月|月付|一个月|1\s*个月|花了|付了"
    r"|is|costs?|was|runs? (?:us|about)?)\s*(?:约|大概|大约|about|around|~)?)?\s*(?:[¥￥$]|CNY|RMB)?\s*"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.])", re.I)


NOT_THE_FEE = frozenset({"fee_other", "fee_item_other", "money_other", "claimed", "voucher"})


FEE_QUESTION = re.compile(r"费用|月费|多少钱|付了?多少|支付|实付|账单|消费|how much (?:did|do|does) .{0,30}"
                          r"(?:pay|cost)|\bfee\b|\bcost\b|\bpaid\b|\bbill\b|\bspend\b", re.I)
PLAIN_AMOUNT = re.compile(r"[\d,]+(?:\.\d+)?")
WITHIN_SAID = re.compile(r"其中|里面|当中|of which|of (?:that|it|this)|including", re.I)


def _fee_answered(question: str, query: CreditQuery, history: list[Turn]) -> CreditQuery:
    """``2,680。哦对，25号那次…`` right after the assistant asked what the service cost: the
    answer's one amount that nothing else reads is that fee."""
    last = history[-1] if history else None
    asked = " ".join(re.findall(r"[^。！!?？\n]*[?？]", last.content)) \
        if last is not None and last.role == "assistant" else ""
    bare = [u for u in query.unclear if u.note == "not read" and PLAIN_AMOUNT.fullmatch(u.text)]
    if query.monthly_fee is not None or not FEE_QUESTION.search(asked) or len(bare) != 1 \
            or len(query.unclear) != 1 or amount_said(bare[0]) <= 0:
        return query
    uses = tuple(replace(u, role="monthly_fee", note="the fee asked for") if u is bare[0] else u
                 for u in query.uses)
    within = sum((amount_said(u) for u in query.uses if u.role == "voucher" and u.start > bare[0].start
                  and WITHIN_SAID.search(u.around)), Decimal(0))  # 8,800，其中 800 是代金券抵的
    if 0 < within < amount_said(bare[0]):
        fee, note = net_of_vouchers(amount_said(bare[0]), within)
        return replace(query, monthly_fee=fee, fee_note=note, fee_basis="monthly", uses=uses)
    return replace(query, monthly_fee=amount_said(bare[0]), fee_basis="monthly", uses=uses)


def _fee_said_before(query: CreditQuery, earlier: list[CreditQuery]) -> CreditQuery:
    """``she says it should be 10% of the whole ¥6,000`` after ``¥2,000/month each, ¥6,000
    total on the bill``: an amount the earlier turn said and did not read as the fee keeps that
    reading, and the earlier fee stands."""
    before = next((q for q in earlier if q.monthly_fee is not None), None)
    if query.monthly_fee is None or before is None or query.monthly_fee == before.monthly_fee:
        return query
    apart = {amount_said(u) for u in before.uses if u.role in NOT_THE_FEE}
    if query.monthly_fee not in apart:
        return query
    uses = tuple(replace(u, role="restated", note="said before, not the fee")
                 if u.role.startswith(("monthly_fee", "fee_")) and amount_said(u) == query.monthly_fee
                 else u for u in query.uses)
    return replace(query, monthly_fee=None, fee_basis=None, fee_note=None, uses=uses)


def _other_products_amounts(query: CreditQuery, question: str, matches: list[ProductMatch],
                            subject: tuple[Product, ...], today: date) -> CreditQuery:
    """``同账单上的云数据库 MySQL 4,200 没出问题``: an amount said right after another product
    than the one the question is about is that product's, not a number to ask about; of the
    amounts left, the reader picks the fee again (a prepaid pack beside what the month used)."""
    if len(subject) != 1 or not query.unclear:
        return query
    theirs = {Decimal(found.group(1).replace(",", "")) for m in matches
              if m.product.key != subject[0].key and (found := OWN_AMOUNT.match(question, m.end))}
    own = {alias.lower() for alias in subject[0].aliases}
    theirs |= {Decimal(found.group(1).replace(",", "")) for name in ACRONYM.finditer(question)
               if name.group(0).lower() not in own and name.group(0) not in NOT_A_PRODUCT
               and (found := OWN_AMOUNT.match(question, name.end()))}  # 另外 RDS 每月 2000: a
    # product (of this cloud or another) the table does not know, with its own amount
    theirs |= {_scaled_amount(found) for m in matches if m.product.key != subject[0].key
               and (found := AMOUNT_FOR.search(question[max(0, m.start - 40):m.start]))}
    # (they also spend roughly ¥30k/month on CVM)
    moved = {u for u in query.unclear if u.note in ("not read", SEVERAL_AMOUNTS)
             and amount_said(u) in theirs}
    if not moved:
        return query
    left = [u for u in query.unclear if u not in moved]
    if len(left) > 1 and all(u.note == SEVERAL_AMOUNTS for u in left):
        again = read_query(question, today, others=frozenset(amount_said(u) for u in moved))
        if again.monthly_fee is not None and again.fee_basis == "paid":  # what the month
            return again  # actually cost, beside a pack bought ahead: never a guess between lines
        lines = _own_bill_lines(query, left, moved)
        if lines is not None:
            return lines
    fee = left[0] if len(left) == 1 and left[0].note == SEVERAL_AMOUNTS and (subject[0] in {
        m.product for m in _fee_clause_products(matches, question, amount_said(left[0]))}
        or not _products_in_sentence(matches, question, amount_said(left[0]))) else None
    # (合计 27,900 beside other products' lines only: no fee of the asked one)
    uses = tuple(replace(u, role="money_other", note="another product's amount") if u in moved
                 else replace(u, role="monthly_fee", note="") if u is fee else u
                 for u in query.uses)  # Oceanus 账单 6,400（另外 CKafka 2,100、COS 340 不算）: the
    return replace(query, uses=uses) if fee is None else replace(  # one amount left is its fee
        query, uses=uses, monthly_fee=amount_said(fee), fee_basis="monthly")


OWN_LINE_SET_APART = re.compile(r"合计|总计|一共|共计|整个|整张|全部|\btotal\b|没出问题|没受影响|未受影响|正常|没事"
                                r"|\bfine\b|not affected|unaffected|worked", re.I)


def _own_bill_lines(query: CreditQuery, lines: list[NumberUse],
                    theirs: set[NumberUse]) -> CreditQuery | None:
    """``10 月账单：tokens 资源包消耗 1,800，知识库容量 200，另外我们的 CVM 500`` about the agent
    platform: with the other products' lines set apart, the lines left are this service's own
    charges, and its month's fee is their sum (1,800 + 200); None when a line is a total or is
    said not to have failed (增值服务没出问题: which lines count is asked)."""
    if any(OWN_LINE_SET_APART.search(u.around or u.text) for u in lines):
        return None
    amounts = [amount_said(u) for u in lines]
    if not all(amounts):
        return None
    total = sum(amounts, Decimal(0))
    note = " + ".join(plain(a) for a in amounts) + f" = {plain(total)} 元（本服务的各项账单行）"
    uses = tuple(replace(u, role="money_other", note="another product's amount") if u in theirs
                 else replace(u, role="monthly_fee", note="") if u in lines else u
                 for u in query.uses)
    return replace(query, uses=uses, monthly_fee=total, fee_basis="monthly", fee_note=note)


EDITION_ONLY = re.compile(  # "那铂金版呢", "and the Pro edition?": another edition, nothing else
    r"^\s*(?:那|那么|那如果是|如果是|换成|and|what about|how about)?\s*(?:the\s+)?"
    r"(?P<edition>[\w.\- ]{0,12}?(?:版|级|edition|tier))\s*(?:的)?\s*(?:呢)?\s*[？?]?\s*$", re.I)
EDITION_SAID = re.compile(r"(?:基础|标准|专业|高级|企业|旗舰|铂金|白金|黄金|金|银|铜|个人|免费|商业|入门|尊享|独享|共享"
                          r"|社区|开发|体验|增强)(?:版|级)|\b\w+ (?:edition|tier)\b", re.I)


def _edition_swapped(question: str, history: list[Turn]) -> str:
    """``那铂金版呢`` after ``RocketMQ 5.x 专业版集群的可用性承诺是多少？``: the earlier question
    asked again of the other edition (``RocketMQ 5.x 铂金版集群的可用性承诺是多少？``), so it is
    answered whole; any other question is kept as it is."""
    asked = EDITION_ONLY.match(question)
    earlier = next((t.content for t in reversed(history) if t.role == "user"), None)
    said = EDITION_SAID.search(earlier) if asked and earlier else None
    if said is None or earlier is None or asked is None:
        return question
    return earlier[:said.start()] + asked.group("edition").strip() + earlier[said.end():]


def resolve(question: str, history: list[Turn], products: ProductTable, today: date) -> Resolved:
    """Resolve a question against the user's earlier turns (most recent first)."""
    question = _edition_swapped(question, history)
    query = read_query(question, today)
    detected = products.detect(question)
    matches = _features_dropped(
        _not_negated(_names_inside_dropped(detected, query, question), question), question)
    named = tuple(m.product for m in _outage_subject(matches, question, query))
    asked = _agreement_named(named, matches, question)
    set_aside = tuple(dict.fromkeys(m.product for m in matches if m.product not in asked
                                    and m.product in named and _named_as_cause(m, question)))
    causes = tuple(dict.fromkeys(m.product for m in matches if _named_as_agent(m, question)))
    if not any(p not in causes for p in asked):
        causes = ()
    set_aside = tuple(dict.fromkeys(set_aside + causes))
    asked = tuple(p for p in asked if p not in causes)  # EIP 被
    # DDoS 打进黑洞 / 底层 EMR 挂了导致 WeData…: the outage of the product they hit
    named = asked  # (a product named as the cause is left out of what is searched for too)
    if len({m.product.key for m in matches}) == 2 and EITHER_UNSURE.search(question):
        named = tuple(dict.fromkeys(m.product for m in matches))  # 没说是云点播还是媒体处理:
        # either agreement may be the one: asked, never picked
    earlier_users = [t.content for t in reversed(history) if t.role == "user"]
    if earlier_users and named and PUSHBACK.search(question) \
            and all(_only_compared(question, m) for m in matches):
        named = ()  # "不对吧，MySQL 那些都是 99.95%…": another product as the yardstick of a dispute
    if earlier_users and named and query.uses and all(_named_apart(question, m) for m in matches):
        named = ()  # 同一张单上还有云服务器 2,300/月，那个别算进去: the earlier turn's product stands
    before_named = products.detect(earlier_users[0]) if earlier_users else []
    before_keys = {m.product.key for m in before_named}
    if before_keys and named and all(_one_of_bill_lines(question, m)
                                     and m.product.key not in before_keys
                                     for m in matches if m.product in named):
        named = ()  # 费用的话：图片处理 1,900，图片审核 2,600 after 数据万象's outage: lines of its
        # bill; the earlier product stands
    if before_keys and before_keys < {p.key for p in named} and not query.has_measurement \
            and _answers(question, history):  # "EMR ¥5,200, CVM ¥18,000": the bill asked for
        named = tuple(p for p in named if p.key in before_keys)
    if named and before_named and _answers(question, history) \
            and not any(p.has_sla for p in named) \
            and (query.has_measurement or query.monthly_fee is not None) \
            and any(m.product.has_sla for m in before_named):  # 钱是集团主账号代付的，11 月
        named = tuple(dict.fromkeys(m.product for m in before_named))  # 14,200 元: the figures
        # asked for, the account that paid them no product of the question
    query = _other_products_amounts(_fee_of_subject(query, question, matches, named), question,
                                    detected, named, today)  # COS 340 不算在里面: COS's, said apart
    query = _fee_of_another(_fee_shared(query, question, matches, named), question, products,
                            named)
    same_product = bool(named) and bool(before_keys) and {p.key for p in named} <= before_keys
    follow_up = bool(earlier_users) and _follows_up(question, query, history, bool(named),
                                                    same_product)
    carried = told_apart = False
    if earlier_users and not named and before_named:  # "and for the audio one?" after 文本内容安全
        named = _sibling(question, before_named[0].product, products)
    if earlier_users and not named and not _names_an_unknown_product(question):
        for text in earlier_users:
            found = tuple(m.product for m in products.detect(text))
            if found:
                named, carried = _told_apart(question, found), True
                told_apart = len(named) < len(found)
                break
    threshold = bool(THRESHOLD_RE.search(question)) and not PUSHBACK.search(question) \
        and not ASSERTED_BELOW.search(question)  # "已经低于 99.95% 了" says the month's figure
    # "那要是低于95%呢？" asks about a tier; "不对吧，低于99.95%不是赔25%吗" disputes the figure
    that_month = not follow_up and query.month is None and any(  # "同一个月" / "that month"
        u.role == "month" for u in query.uses)
    swapped = False  # an earlier figure corrected here: that outage is said again in this turn
    if follow_up and not query.corrections:  # "3h25m, not 3 hours" is read as a correction
        before_swap = earlier_users
        earlier_users, query = _figure_swapped(question, query, earlier_users, today)
        swapped = earlier_users is not before_swap
        earlier_users, query = _outage_fixed(question, query, earlier_users, today)
        query = _outage_closed(question, query, earlier_users)
        query = _another_instance(question, query, earlier_users, today)
    disowned = disowned_days(normalize(question))  # 25号那次…跟你们没关系
    earlier_queries = _added_up(
        earlier_users, [read_query(text, today, disowned, query.month) for text in earlier_users],
        history) if follow_up or that_month else []
    if follow_up and query.availability_pct is None and not threshold \
            and not WHERE_SAID.search(question):  # "这个25%是协议哪一条写的": the answer's own figure
        bare = re.findall(r"(\d{1,3}(?:\.\d+)?)\s*[%％]", question)
        loose = [u for u in query.unclear if re.fullmatch(r"\d{2,3}(?:\.\d+)?", u.text)
                 and 50 <= Decimal(u.text) <= 100]  # "and at 99.2?": the % left out
        earlier_rate = earlier_queries[0].availability_pct is not None
        if not bare and len(loose) == 1 == len(query.unclear) and earlier_rate:
            bare = [loose[0].text]
            query = replace(query, uses=tuple(replace(u, role="availability", note="")
                                              if u is loose[0] else u for u in query.uses))
        if len(bare) == 1 and earlier_rate:
            query = replace(query, availability_pct=Decimal(bare[0]))  # "and if it were 99.5%?"
    if follow_up and any(u.note == OWN_FIGURE for u in query.uses) and any(
            q.incidents_seconds or q.downtime_minutes is not None for q in earlier_queries[:1]):
        query = replace(query, availability_pct=None, uses=tuple(  # "按30天算的可用性是99.03%，
            replace(u, role="own_math") if u.note == OWN_FIGURE else u for u in query.uses))
        # 对吗": their check of the outage said before, recomputed from that outage
    another_month = follow_up and _another_month(question, query, earlier_queries, history)
    if follow_up and earlier_queries:
        query = _outage_referred(query, earlier_queries[0])
    if follow_up:
        query = _fee_said_before(_fee_answered(question, query, history), earlier_queries)
        if not query.has_measurement and any(q.event_described for q in earlier_queries[:1]):
            query = _late_responses(query)  # "查了，一共 7 次" after "超时响应了好几次"
        switched = bool(named) and not carried and bool(before_keys) \
            and not {p.key for p in named} & before_keys  # "那 iOA 呢？" after 容器安全
        switched = switched or (told_apart and _other_than_answered(named, history, products))
        switched = switched and not _renamed(question, before_named)  # "其实是 TDSQL-C，不是
        # 云数据库 MySQL": the same service and its fee, named right
        for earlier_query in earlier_queries:
            query = query.merged_over(earlier_query,
                                      measurement=not (threshold and not query.has_measurement)
                                      and not another_month,
                                      fee=not switched or bool(SAME_FEE.search(question)))
    if that_month:
        month = next((q.month for q in earlier_queries if q.month), None)
        query = replace(query, month=month, carried=query.carried | {"month"}) if month else query
    asked_others = _others_asked(history) and not ONLY_THIS.search(question) \
        and not WORKED.search(question) \
        and not STILL_WORKED.search(question)  # 10月其他时间还有…吗？ answered with another outage
    if earlier_users and (SAME_TIME.search(question) and MORE_THAN_BEFORE.search(question)
                          or follow_up and (ONE_MORE.search(question) or asked_others)
                          and query.has_measurement and "measurement" not in query.carried):
        query = _on_top(query, earlier_queries, asked_others or swapped)  # 同一时段也挂了，又多挂了 6 个小时: 9 + 6;
        # 我漏了，27号晚上还有一次，50分钟: the earlier outage and this one
    intent = question
    if follow_up and earlier_users:
        before = without_names(earlier_users[0], (m.product for m in before_named))  # the old
        own = " ".join(part for part in re.split(r"(?<=[.。;；!！])\s*|\s+[—–-]+\s+", question)
                       if not CORRECTION.search(part)) or question  # "actually it was on
        intent = own if _asks_whole(own) else f"{' '.join(before.split())} {own}"  # Grafana,
        # not Prometheus": no ask
        said = [t.content for t in history if t.role == "assistant"]
        if said and WHERE_SAID.search(question):  # "where does it say that?": what was said
            claim = re.split(r"\n(?:出处|Sources)[:：]", said[-1])[0]
            intent = f"{' '.join(claim.split())[:300]} {intent}"
    return Resolved(question=question, lang=language(question), products=named, query=query,
                    is_follow_up=follow_up, carried_product=carried,
                    earlier_questions=tuple(earlier_users), intent_text=intent,
                    same_product=same_product or carried,
                    another_month=another_month and not query.has_measurement,
                    credit_offered=_answers(question, history) and bool(CREDIT_OFFERED.search(
                        history[-1].content)), set_aside=set_aside,
                    caused_by=causes)
