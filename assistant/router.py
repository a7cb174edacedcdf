"""Which way a question goes: calculator, clarify, answer or refusal.

Rules, not a model: a question about a concrete outage or a measured availability/success
rate of an SLA product goes to the calculator (or to ``clarify`` when the one figure it
cannot do without is missing); questions about other clouds, prices and legal strategy are
refused before retrieval; everything else is answered from the clauses (and refused there
when nothing relevant passes the threshold).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from assistant.conversation import ASKS_WINDOW, WHERE_SAID, Resolved
from assistant.intent import SURE_COMPUTE, SURE_OTHER
from assistant.reading.words import OUTAGE_WORDS
from assistant.text import RESPECTIVELY
from assistant.tiers import tier_asked

HYPOTHETICAL = re.compile(r"\bif\b|\bwhat if\b|如果|要是|假如|假设|若是|万一", re.I)  # a tier asked of,
# not a month measured

AVAILABILITY_NAMED = re.compile(r"可用性|可用率|availability|uptime", re.I)

Route = Literal["answer", "calculator", "clarify", "refusal"]

CREDIT_INTENT = re.compile(
    r"赔多少|赔偿多少|能赔|可以赔|怎么赔|赔付|赔吗|补偿|补多少|代金券(?:是)?多少|能拿到|赔偿金额|多少赔偿|能得到"
    r"|延长多少|能延长|送多少|返还多少|补几天|补多少天|how many .* (?:back|get)|extension|extend"
    r"|how much (?:credit|compensation|refund)|credit|compensat|reimburs|payout"
    r"|(?:what|how much|how many) (?:do|would|will|can|should|could) (?:i|we|they) get"
    r"|退[我们你他给回]{0,3}多少|能退钱|赔钱|赔几|how much (?:\w+ )?(?:back|refund)"  # 能退我们多少钱
    r"|能陪|陪多少|陪偿",  # 陪: a common typo of 赔
    re.IGNORECASE)
OTHER_CLOUDS = re.compile(
    r"阿里云|华为云|百度智能云|百度云|天翼云|京东云|金山云|声网|七牛云?|又拍云|网易云信|融云|即构"
    r"|\b(?:AWS|Amazon|Azure|Google Cloud|GCP|Alibaba|Aliyun|Huawei Cloud|Baidu (?:AI )?Cloud"
    r"|JD Cloud|Kingsoft Cloud|Tianyi Cloud|UCloud|Oracle Cloud|IBM Cloud|S3|EC2|Spanner|BigQuery"
    r"|Agora|Twilio|Vonage|Cloudflare|Akamai|Fastly|DigitalOcean|Linode|Vultr|Hetzner|Snowflake"
    r"|MongoDB Atlas|OpenAI)\b", re.IGNORECASE)  # other
# providers of what Tencent Cloud sells (RTC, CDN, messaging): the agreements say nothing of them
PRICE = re.compile(
    r"多少钱|价格(?:是)?多少|什么价|售价|报价|单价|收费标准是多少|怎么收费|打几折|折扣多少"
    r"|最便宜|哪个便宜|更便宜|cheapest|cheaper|least expensive"
    r"|price|pricing|how much does .* (?:cost|charge)|charges? per|cost per|per GB|discount"
    r"|how much (?:is|are) [^?？]{0,40}\b(?:per|a|each) (?:year|month|day|hour|certificate|licen[cs]e"
    r"|seat|user|instance)\b|多少钱一年|一年多少钱|一个月多少钱",
    re.IGNORECASE)
PRICE_CHANGE = re.compile(
    r"涨价|调价|提价|价格调整|调整(?:价格|收费|计费)|变更(?:价格|收费)|(?:rais|increas|chang|adjust)\w*"
    r" (?:the |their |its |our )?(?:price|pricing|fee|rate)s?|price (?:increase|change|adjustment|rise"
    r"|hike)s?|how much (?:advance )?notice|advance notice|提前多久通知|提前.{0,4}通知", re.I)
NOT_IN_AGREEMENTS = re.compile(  # facts agreements never hold: certificates, quotas, how-tos…
    r"SOC ?[12]|ISO ?\d{4,5}|GDPR|HIPAA|PCI[- ]DSS|等保|等级保护测评|证书编号|最多能开"
    r"|(?:怎么|如何|怎样)\S{0,10}(?:配置|设置|安装|部署|搭建)|配置教程|\bOracle\b"
    r"|how (?:do|can|to) (?:i |we )?(?:configure|set up|install|deploy)"
    r"|实际(?:测得|测量)?的?可用性|历史可用性|actual(?:ly)? measured|measured availability"
    r"|客服.*(?:几分钟|多久).*接|接起电话|手续费率|每\s*GB|单价"
    r"|几个可用区|多少个可用区|有货|库存|in stock|股票|stock (?:code|ticker|price)|年终奖"
    r"|员工(?:人数|数量|总数)|多少(?:个|名)?员工"  # facts about the company, not our staff's network
    r"|比特币|bitcoin|crypto ?currenc"
    r"|\b(?:Tencent|they|you)(?: Cloud)?(?:'re| are| is)? (?:\w+ )?"
    r"(?:planning|plans?|going|intend\w*) to (?:raise|bump|increase|lower|reduce|change|cut|improve"
    r"|upgrade|update|revise|launch|add|drop|discontinue|offer|introduce)\b|\broadmap\b|(?:腾讯云?|你们|官方)(?:有没有|是否|会不会)?(?:计划|打算)"
    r"|(?:以后|将来|未来|明年)会不会|(?:以后|将来|未来)(?:会|能)(?:提高|上调|调整|改)"  # future plans
    r"|(?<!免费)配额(?!内|以内|之内)|(?<!free )quota(?! (?:only|runs out))",  # whether the SLA
    re.IGNORECASE)  # applies within a free quota is an agreement's word
COVERAGE_ASKED = re.compile(  # whether a failure counts under the SLA: the exclusions say
    r"claimable|\bclaim\b|count(?:s|ed)? (?:toward|against|as)|covered|exclu\w+|免责|能不能赔|能赔吗"
    r"|可以赔|可以申请|算不算|计不计入|计入不可用|属于.{0,8}(?:不可用|免责|赔偿)", re.I)
UNKNOWN_SERVICE = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?:服务|产品)(?:有|的)?\s*(?:SLA|可用性|服务等级)")
FUTURE_PRODUCT = re.compile(  # a product or edition not launched yet: no agreement covers it
    r"\bupcoming\b|\bwhen (?:it|they) (?:launch|launches|ships?|is released|goes live)\b"
    r"|\b(?:not yet|yet to be) (?:launched|released|available)\b|\bon (?:the|your) roadmap\b"
    r"|\bfuture (?:products?|editions?|versions?|services?|releases?|features?|offerings?)\b"
    r"|即将(?:推出|上线|发布)|(?:之后|之後|以后|以後|未来|将|將|计划|計劃)(?:会|會)?(?:推出|上线|上線|发布|發佈)"
    r"|还没(?:推出|上线|发布)|還沒(?:推出|上線|發佈)", re.I)
LEGAL_ADVICE = re.compile(
    r"起诉|打官司|官司|律师|胜诉|诉讼策略|法律意见|合同无效|违法吗|\bsue\b|lawsuit|lawyer|legal advice|"
    r"win in court|\b(?:un)?enforceab\w*|should (?:we|i) (?:sign|negotiate)|negotiate (?:it|this|that)"
    r" down|是否(?:合法)?有效|可执行性|要不要签|该不该签|能不能谈", re.IGNORECASE)  # whether to sign

JURISDICTION = re.compile(  # where a dispute goes is in the agreements; how to win it is not
    r"哪个?法院|哪里的法院|管辖|适用(?:的)?法律|适用哪[里的个]?(?:的)?法律|(?:去|在)哪里?打官司|仲裁|which court"
    r"|jurisdiction|governing law|which (?:country|country's|place's) law"
    r"|where (?:to|do we|would we) sue|争议(?:在哪|怎么|如何)?(?:里|儿)?解决|争议解决|纠纷(?:怎么|如何)解决"
    r"|\bdisputes? (?:are |is )?(?:resolved|settled)|引用哪几?条|which clauses?\b",
    re.IGNORECASE)


COMPARISON = re.compile(rf"{RESPECTIVELY.pattern}|各|都|一样|相比|比较|哪个|还是|each|both|versus"
                        r"|\bvs\.?\b|same as|which", re.I)  # a question about two products
COMPARED = re.compile(rf"{RESPECTIVELY.pattern}|各|一样|相比|比较|each|versus|\bvs\.?\b|same as",
                      re.I)  # with one outage measured: 都挂了 / which line? is not a comparison


@dataclass(frozen=True)
class Decision:
    route: Route
    reason: str
    missing: tuple[str, ...] = ()


ALSO_ASKED = re.compile(  # "怎么收费？出问题按哪个SLA？": a price and what the agreements say
    r"SLA|服务等级|协议|条款|agreement|terms", re.I)
PROCESS_ASKED = re.compile(  # the claim itself asked about, not what it pays
    r"what (?:evidence|info(?:rmation)?|documents?|details|proof|materials?)\b"
    r"|which (?:documents?|information|details|evidence)|do (?:i|we) need to (?:give|provide|include"
    r"|submit|attach)|what (?:should|do|must) (?:i|we) (?:save|keep|include|submit|provide|prepare)"
    r"|how (?:do|can|should) (?:i|we) (?:actually )?(?:file|claim|apply|submit)|how is (?:the )?"
    r"(?:compensation|credit) (?:given|paid|issued|delivered)|in what form|cash,? (?:or )?vouchers?"
    r"|vouchers?\b[^?？]{0,30}\bor (?:something|anything) else|还是(?:别的|其他)(?:形式|方式)"
    r"|需要(?:提供|准备|保留|提交)什么|要(?:提供|准备|保留|留|提交)(?:哪些|什么)|什么(?:材料|证据|凭证)"
    r"|(?:怎么|如何|怎样)(?:申请|提交|索赔|提出)|以什么(?:形式|方式)(?:赔|补偿)|现金还是代金券", re.I)
AMOUNT_ASKED = re.compile(r"多少|几[天个次%％]|how much|how many|what (?:credit|amount|percentage|tier)"
                          r"|赔吗|能赔|能不能赔|can (?:we|i) (?:get|claim)|eligible|qualify|算不算", re.I)
RECOMPUTE = re.compile(r"重新算|再算一[下遍次]|重算|按这个算|recalculat|recompute|redo the (?:math|calc)"
                       r"|run (?:it|the numbers) again", re.I)
DEADLINE_ONLY = re.compile(r"申请|期限|截止|最晚|deadline|claim by|when (?:can|should|must|do)", re.I)


def _sure(credit_p: Callable[[], float | None], below: float = -1.0, above: float = 2.0) -> bool:
    p = credit_p()
    return p is not None and (p < below or p > above)


def decide(resolved: Resolved, sla_products: set[str],
           credit_p: Callable[[], float | None] | None = None) -> Decision:
    """Route a resolved question. ``sla_products`` are the product keys that have an SLA;
    ``credit_p`` gives the intent model's probability that a credit is asked for a case
    (``intent.py``), asked only where the rules' reading could be overruled."""
    text = resolved.question
    if OTHER_CLOUDS.search(text):  # also "那阿里云的呢？" after a question about CVM
        return Decision("refusal", "other_cloud")
    if FUTURE_PRODUCT.search(text) and not resolved.query.has_measurement:
        return Decision("refusal", "future")
    if LEGAL_ADVICE.search(text) and not JURISDICTION.search(text):
        return Decision("refusal", "legal_advice")
    if PRICE.search(text) and not re.search(r"赔|补|违约|credit|compens|back", text, re.I) \
            and not resolved.query.has_measurement and not ALSO_ASKED.search(text) \
            and not PRICE_CHANGE.search(text):  # what the terms say of a price change is theirs
        return Decision("refusal", "price")
    if NOT_IN_AGREEMENTS.search(text) and not resolved.query.has_measurement \
            and not COVERAGE_ASKED.search(text):  # hit their quota: is that failure claimable?
        return Decision("refusal", "not_in_agreements")
    unknown = UNKNOWN_SERVICE.search(text)
    if unknown and not resolved.products and unknown.group(1) not in ("云", "腾讯云", "本"):
        return Decision("refusal", "not_covered")
    query = resolved.query
    if resolved.is_follow_up and WHERE_SAID.search(text) and "measurement" in query.carried \
            and not RECOMPUTE.search(text):  # "这个25%是协议哪一条写的？": the clause behind it
        return Decision("answer", "rule_question")
    asked_before = resolved.is_follow_up and any(
        CREDIT_INTENT.search(q) for q in resolved.earlier_questions[:1]) or resolved.credit_offered
    # "In May 2024 the team missed the agreed response time": a breach on a given month/fee
    event_case = query.event_described and (query.month is not None
                                            or query.monthly_fee is not None)
    measured = query.has_measurement or bool(query.rated_ranges or query.partly_working)
    credit_intent = bool(CREDIT_INTENT.search(text)) or (
        (measured or event_case) and (
            query.monthly_fee is not None or asked_before
            or bool(re.search(r"赔|补偿|代金券|credit|compensat|voucher", text, re.IGNORECASE)))) \
        or (resolved.credit_offered and (bool(query.unclear) or query.monthly_fee is not None)) \
        or (measured and bool(ASKS_WINDOW.search(text))) \
        or (resolved.is_follow_up and bool(RECOMPUTE.search(text)))  # 10/22 那次是我们自己的问题，重新算
    # the figures we asked for to estimate a credit, given back
    if credit_p is not None and not resolved.is_follow_up:  # the model, sure, overrules
        if credit_intent and _sure(credit_p, below=SURE_OTHER):  # a rule asked with figures
            credit_intent = False
        elif not credit_intent and (measured or event_case) and _sure(credit_p, above=SURE_COMPUTE):
            credit_intent = True  # a case with its facts, asked in words the rules do not know
    another_month = resolved.another_month and not DEADLINE_ONLY.search(text)
    if not credit_intent and not another_month:
        return Decision("answer", "question")
    # "missed its SLA in March: when can I file?" — the claim clause's rule, no figures needed
    said_here = measured and not ("measurement" in query.carried and query.month is None)
    window_only = bool(ASKS_WINDOW.search(text)) and not said_here and not query.unclear \
        and query.monthly_fee is None  # 如果只有 98% 呢 … 最晚啥时候得提申请: no month, the rule
    if (PROCESS_ASKED.search(text) or window_only) and not AMOUNT_ASKED.search(text):  # what
        return Decision("answer", "claim_process")  # evidence to keep, how a credit is paid
    sla = [p for p in resolved.products if p.key in sla_products]
    if len(sla) >= 2 and not resolved.carried_product:  # "CFS 和 CBS 各赔多少？" compares rules
        if measured and not COMPARED.search(text):  # one outage, two products
            return Decision("clarify", "two_products", ("product",))
        return Decision("answer", "comparison")
    asks_amount = re.search(r"多少|几|金额|how much|how many|what (?:credit|amount)", text,
                            re.IGNORECASE) or (query.monthly_fee is not None
                                               and CREDIT_INTENT.search(text))  # 按 SLA 赔付
    rate_only = query.availability_pct is not None and query.month is None \
        and not (query.incidents_seconds or query.total_requests
                 or query.downtime_minutes is not None)  # "if it drops to 98%": no month measured
    unmeasured = asks_amount and not (query.has_measurement or event_case or query.unclear
                                      or another_month)
    ranged = tier_asked(text)  # "赔多少 if it lands between 95 and 98%": a range measures no month
    if sla and ranged and ranged[0] == "between" and query.monthly_fee is None \
            and (HYPOTHETICAL.search(text) or AVAILABILITY_NAMED.search(text)) \
            and not (query.incidents_seconds or query.total_requests
                     or query.downtime_minutes is not None):
        return Decision("answer", "rule_question")
    if sla and (rate_only or unmeasured) and HYPOTHETICAL.search(text) and tier_asked(text) \
            and query.monthly_fee is None:  # "how much if it drops to 98%?": the tier's row
        return Decision("answer", "rule_question")
    if query.has_measurement or (event_case and sla) or (query.unclear and sla):
        if not sla:
            return Decision("clarify", "no_product", ("product",))
        if query.unclear:  # a number the reading could not place: ask, never guess
            return Decision("clarify", "unclear_number", ("unclear",))
        needs_month = bool(query.incidents_seconds) or query.downtime_minutes is not None
        if needs_month and query.month is None:
            return Decision("clarify", "no_month", ("month",))
        return Decision("calculator", "measurement")
    if sla and another_month:  # July's outage is not August's: ask for it
        return Decision("clarify", "no_measurement", ("downtime",))
    if sla and asks_amount and OUTAGE_WORDS.search(text):
        missing = ("downtime",) if query.month else ("month", "downtime")
        return Decision("clarify", "no_measurement", missing)
    if sla and asks_amount and (query.monthly_fee is not None or query.order_fee is not None) \
            and CREDIT_INTENT.search(text):  # 错误率有 3%，月费 2 万，能赔多少: what was measured?
        return Decision("clarify", "no_measurement", ("measurement",))
    if sla and asks_amount and query.month and re.search(
            r"不达标|未达标|没达标|没有达到|未达到|missed the SLA"
            r"|below (?:the )?(?:SLA|commitment)",
            text, re.IGNORECASE):  # a month that missed the SLA: by how much?
        return Decision("clarify", "no_measurement", ("measurement",))
    return Decision("answer", "rule_question")
