"""Whether the quoted clauses say what was asked: the attribute, not just the product.

A near miss ("What is the P99 latency of 语音合成?", "SES 每天最多能发多少封", "GooseFS durability
nines") retrieves the right product's SLA and quotes its closest sentences, which state a
different attribute (the availability, the claim period). An answer rests on its quotes, so
when the question asks for an attribute of a measurable kind (a latency, a limit or quota, a
durability, a retention period, a price or discount, a bandwidth, a recovery objective) at
least one quoted sentence must speak of that kind; otherwise the agreements do not say, and
the assistant says so with the closest clause instead of an unrelated figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unsaid:
    """An attribute (or named rate) the question asks the value of that the quotes leave out."""

    name: str
    named: str  # how it is named, as a question or an agreement names it (QPS, 延迟, 错误率)
    value: str = r"\d"  # the figure that states it (毫秒 for a latency asked in ms)
    near: int = 20  # how many characters apart its name and its figure may be

    @property
    def statement(self) -> re.Pattern[str]:
        """A sentence stating it: named with its figure within a few characters (a cap on
        compensation, "不超过 12 个月的费用", is no QPS limit)."""
        return re.compile(rf"(?:{self.named}).{{0,{self.near}}}?(?:{self.value})"
                          rf"|(?:{self.value}).{{0,{self.near}}}?(?:{self.named})", re.I)

    @property
    def words(self) -> str:
        """The Chinese words it is named by, to search the agreements with."""
        return " ".join(re.findall(r"[\u4e00-\u9fff]{2,}", self.named))


@dataclass(frozen=True)
class Attribute:
    name: str
    asked: re.Pattern[str]   # how a question asks for it
    stated: re.Pattern[str]  # how an agreement states it
    figure: str = ""  # a figure of this form, where one is asked: 低延迟 does not state it
    figure_asked: re.Pattern[str] | None = None  # how a question asks for it (None: always)
    near: int = 20  # how far apart an agreement may state its name and its figure

    def unsaid(self, question: str, said: str) -> Unsaid | None:
        """What the question asks of this attribute, when ``said`` does not state it: its
        words, and for a figure asked, that figure near them."""
        if not self.asked.search(question):
            return None
        if self.figure and (self.figure_asked is None or self.figure_asked.search(question)):
            missing = Unsaid(self.name, self.stated.pattern, self.figure, self.near)
            return None if missing.statement.search(said) else missing
        return None if self.stated.search(said) else Unsaid(self.name, self.asked.pattern)


KEPT = r"(?:keep(?!\s+\w+ing\b)|kept|retain|stored|history)"  # not "keep failing": a condition
KEPT_ASKED = re.compile(rf"(?:how (?:many days|long)|days of)[^?？]{{0,60}}{KEPT}", re.I)  # in English
WHERE_KEPT = re.compile(r"(?:存|放|存储|保存|处理)(?:在|于)哪|where (?:is|are|will)[^?？]{0,60}"
                        r"(?:stored|kept|hosted|located|processed|handled)", re.I)  # data's place


TIME_ASKED = (r"多久|多长时间|几个?(?:工作日|自然日|小时|天|分钟)|多少(?:个)?(?:工作日|小时|天|分钟)"
              r"|how (?:long|soon|quickly)"
              r"|(?:within )?how many (?:working |business )?(?:hours|days|minutes)")
ACTIONS = (  # a time asked for one action (生效, 签发, 退款…): the quotes must time that action
    ("take_effect", r"生效|take effect|propagat", r"生效"),
    ("issue", r"签发|补发|重新签发|重发|\b(?:re)?issu", r"签发|补发|颁发|重新签发"),
    ("refund", r"退款|退费|退钱|到账|\brefund|money (?:is )?back", r"退款|退还|返还|退费"),
    ("arrive", r"送达|到达|arriv|\bdeliver", r"送达|到达"),
    ("review", r"审核|核实|\breview|\bverif", r"审核|核实"),
    ("handle", r"处理结果|处理完|给出处理", r"处理"),
    ("voucher", r"(?:vouchers?|credits?)\b[^?？]{0,40}\b(?:shows? up|arriv|lands?\b|appears?|(?:is|be|gets?)"
                r" (?:issued|credited|paid))|代金券[^？?]{0,12}(?:到账|发放|下发|发下来)|(?:到账|发放|下发)[^？?]{0,10}代金券",
     r"发放|到账|下发"),  # how soon a voucher arrives: no SLA times it
)
KEEPING = r"保存|保留|留存|\bkeep|\bkept|\bretain|\bstor(?:e|ed|age)"  # how long kept: a retention
TIMED = r"\d+(?:\.\d+)?\s*(?:个)?\s*(?:工作日|自然日|小时|天|日|分钟)|[一二三四五六七八九十百]+\s*[（(]?\d*[)）]?\s*(?:个)?" \
        r"\s*(?:工作日|自然日|小时|天|日|分钟)"


def _timed(name: str, said: str, stated: str) -> Attribute:
    """``改了记录以后最长多久才能生效`` / ``within how many hours … reissue it``: the time of that
    action must be stated (its word with a duration), not any figure of the clause."""
    asked = re.compile(rf"^(?![\s\S]*(?:{KEEPING}))[\s\S]*?(?:(?:{TIME_ASKED})[^?？。]{{0,60}}?"
                       rf"(?:{said})|(?:{said})[^?？。]{{0,30}}?(?:{TIME_ASKED}))", re.I)
    return Attribute(name, asked, re.compile(stated, re.I), figure=TIMED, near=40)


ATTRIBUTES = (
    Attribute("latency", re.compile(r"延迟|时延|响应速度|\blatency\b|(?<![A-Za-z])P\d{2}(?![A-Za-z\d])|毫秒|(?<![A-Za-z])\d*\s*ms(?![A-Za-z])",
                                    re.I),
              re.compile(r"延迟|时延|毫秒|\bms\b|latency", re.I),
              figure=r"\d+(?:\.\d+)?\s*(?:ms|毫秒|秒|s\b)",
              figure_asked=re.compile(r"(?:多少|几)\s*(?:毫秒|ms|秒)|milliseconds|(?<![A-Za-z])P\d{2}(?![A-Za-z\d])|\bms\b"
                                      r"|how (?:many|long|fast)|\d+\s*ms", re.I)),
    Attribute("limit", re.compile(r"(?<![A-Za-z])QPS(?![A-Za-z])|(?<![A-Za-z])TPS(?![A-Za-z])|并发数|限流|配额|发信额度|默认额度|调用上限|频率限制"
                                  r"|每(?:天|日|秒|分钟)最多|\bquota|rate limit|throttl"
                                  r"|最多(?:能|可以|可)?\s*(?:(?![赔补退偿])[\u4e00-\u9fff]){0,3}?\s*多少|上限是?多少"  # 最多能拉多少个
                                  r"|how many [\w-]+(?: [\w-]+)?\b[^?？]{0,60}\bat most\b"
                                  r"|免费(?:调用|使用)?(?:额度|次数)|送多少|free (?:quota|tier limit)"
                                  r"|max(?:imum)? (?:number|count)|concurrent|at most how many"
                                  r"|how many [\w-]+(?: [\w-]+)?\b[^?？]{0,40}\b(?:hold|host|support"
                                  r"|handle)\b[^?？]{0,30}\b(?:limit|cap|capacity)\b",  # users before the cap
                                  re.I),
              re.compile(r"QPS|TPS|并发|限流|配额|额度|上限|最多|不超过|quota|limit", re.I)),
    Attribute("rate_limit", re.compile(  # a rate or quota asked as a number: its figure said
        r"(?<![A-Za-z])(?:QPS|TPS)(?![A-Za-z])|并发|限流|频率限制|(?:发信|默认|调用)额度|每(?:天|日|秒|分钟)最多"
        r"|rate limit|\bquota|(?:how many|how much)[^?？]{0,20}\bfree\b", re.I),  # free tokens
              re.compile(r"QPS|TPS|并发|限流|频率|配额|额度|每秒|上限|最多|quota|limit|per second", re.I),
              figure=r"\d+(?:\.\d+)?\s*(?:万|千|k\b)?\s*(?:次|条|封|路|QPS|TPS|/\s*s\b|每秒|per second"
                     r"|requests|calls|messages|emails)",  # 超出 QPS 上限的请求不计入 states none
              figure_asked=re.compile(
                  r"(?:QPS|TPS|并发|频率|限流|额度|配额|上限)[^，,。？?]{0,8}?(?:是|为|有)?\s*(?:多少|几)"
                  r"|(?:多少|几)\s*(?:个)?\s*(?:QPS|TPS|次|封|条|并发)|具体是?多少|\bexact\b"
                  r"|what(?:'s| is) the (?:[\w-]+ )?(?:QPS|TPS|rate|limit|quota|cap)"
                  r"|how many (?:requests|calls|emails|messages|QPS)|how (?:many|much)[^?？]{0,20}\bfree\b",
                  re.I)),
    Attribute("iops", re.compile(r"(?<![A-Za-z])IOPS(?![A-Za-z])|读写性能|磁盘性能|读写速度", re.I),
              re.compile(r"IOPS|读写性能|读写速度", re.I)),  # a performance figure, not availability
    Attribute("private_deployment", re.compile(
        r"private[- ]cloud|on[- ]?prem(?:ise)?s?\b|self[- ]hosted"
        r"|私有云|私有化|本地部署|本地化部署|专有云|混合云|hybrid cloud", re.I),
              re.compile(r"私有云|私有化|本地部署|本地化部署|专有云|混合云|private|on-prem|hybrid",
                         re.I)),  # a deployment the agreement never names
    Attribute("delivery", re.compile(r"到达率|送达率|触达率|抵达率|delivery (?:rate|ratio)|arrival rate"
                                     r"|delivered (?:rate|ratio)", re.I),
              re.compile(r"到达率|送达率|触达率|抵达率|delivery", re.I)),  # 消息到达率: not availability
    Attribute("headcount", re.compile(r"(?:几|多少)\s*(?:个|名|位)\s*(?:工程师|人员?|技术人员|顾问|专家|讲师)"
                                      r"|how many (?:engineers|people|staff|consultants|experts)",
                                      re.I),
              re.compile(r"\d+\s*(?:名|位|个|人)|[一二两三四五六七八九十]+\s*(?:名|位)|\d+\s*"
                         r"(?:engineers|people|staff)", re.I)),
    Attribute("durability", re.compile(r"持久性|数据可靠性|durability|how many nines|几个\s*9", re.I),
              re.compile(r"持久性|可靠性|durability", re.I),
              figure=r"\d+(?:\.\d+)?\s*[%％]|个\s*9|nines",
              figure_asked=re.compile(r"(?:几|多少)\s*个?\s*9|nines|多少|figure"
                                      r"|what (?:is|'s) the", re.I)),
    Attribute("price", re.compile(r"价格|单价|多少钱一|收费标准|计费标准|\bpric(?:e|ing)\b|折扣|打折|优惠|几折"
                                  r"|(?:怎么|如何)收费|收费(?:是|为)?多少|(?<![赔偿补])多少钱(?!\s*(?:我们?)?\s*也?\s*(?:说不上|不知道|不清楚|不记得|记不清|搞不清))"
                                  r"|how much (?:does|do|will|would) [^?？]{0,40}\bcost\b|\bcosts? per\b"
                                  r"|促销|\bdiscount|\bpromo|分成|抽成|佣金|revenue[- ]share|commission",
                                  re.I),
              re.compile(r"价格|单价|收费|计费|刊例价|折扣|优惠|促销|分成|佣金|price|discount", re.I),
              figure=r"\d+(?:\.\d+)?\s*(?:元|块|CNY|RMB|yuan|折|[%％])|[¥￥$]\s*\d",  # 以刊例价为准:
              figure_asked=re.compile(r"多少钱|(?:价格|单价)是?多少|几折|(?:怎么|如何)收费|收费(?:是|为)?多少"
                                      r"|\bcost\b"  # no price stated
                                      r"|what (?:is the |'s the )?(?:[\w-]+ )?(?:unit )?price"
                                      r"|how much (?:is|does|do)", re.I)),
    Attribute("bandwidth", re.compile(r"带宽|bandwidth|吞吐量|throughput", re.I),
              re.compile(r"带宽|bandwidth|吞吐|Mbps|Gbps", re.I),
              figure=r"\d+(?:\.\d+)?\s*(?:[KMGT]b(?:ps|/s)|[KMGT]B/s|兆|M\b|G\b)",
              figure_asked=re.compile(r"(?:多少|多大)\s*(?:M|G|兆|Mbps|Gbps)|带宽(?:是|有)?多(?:少|大)"
                                      r"|how (?:much|many) (?:bandwidth|Mbps|Gbps)", re.I)),
    Attribute("retention", re.compile(r"保留多久|保存多久|留存多久|(?:保留|保存|留存)(?:多少|几)天|留存多长"
                                      rf"|{KEPT_ASKED.pattern}", re.I),
              re.compile(r"保留|保存|留存|暂存|存储期限|retain|retention|kept|删除", re.I)),
    Attribute("period", re.compile(  # a number of days or years asked: a period must be stated
        r"(?:保留|保存|留存)[^，,。？?]{0,8}(?:几|多少)\s*(?:个)?(?:天|年|月)"
        rf"|how many (?:days|years|months)[^?？]{{0,60}}{KEPT}", re.I),
              re.compile(r"保留|保存|留存|暂存|存储期限|retain|retention|kept|删除", re.I),
              figure=r"[\d一二三四五六七八九十百]+\s*[】\]）)]?\s*(?:个)?(?:天|日|月|年)"),  # 【10】日
    Attribute("crypto", re.compile(r"加密算法|密钥长度|\bcipher|encryption algorithm|key length"
                                   r"|which (?:encryption|algorithm)", re.I),
              re.compile(r"AES|RSA|SM[234]|国密|\d+\s*(?:位|bits?)\b|算法", re.I)),
    Attribute("seconds", re.compile(r"几秒|多少秒|how many seconds|within (?:how many|what) seconds",
                                    re.I),
              re.compile(r"\d+\s*(?:秒|seconds?)", re.I)),  # milliseconds: a latency
    Attribute("location", re.compile(rf"{WHERE_KEPT.pattern}|哪个(?:地域|区域|机房|数据中心|国家)"
                                     r"|which (?:region|data ?cent(?:er|re)|country)", re.I),
              re.compile(r"地域|区域|境内|境外|中国大陆|机房|数据中心|region|located|stored in", re.I)),
    Attribute("turnaround", re.compile(r"how (?:fast|quickly)|多快|turnaround|issuance[- ]time"
                                       r"|多久(?:能|会|可以)?(?:签发|开通|交付|处理完|完成|响应)"
                                       r"|响应(?:时间|时长)(?:是|为)?(?:多久|多长)|多少分钟(?:内|以内)?响应"
                                       r"|(?:what|how long|how fast)[^?？,]{0,30}(?:first |initial )?response time"
                                       r"|(?:first |initial )?response time (?:is|of) (?:what|how)"
                                       r"|respond within how"  # not "if it is blown"
                                       r"|commit\w* to (?:a|any) (?:\w+ )?response time"
                                       r"|响应时间(?:承诺|保证)|承诺[^，。？?]{0,6}响应时间",
                                       re.I),
              re.compile(r"\d+\s*(?:个)?(?:秒|分钟|小时|工作日|自然日|天|日)|立即|即时|实时|马上"
                         r"|immediately|within \d+", re.I)),
    Attribute("length", re.compile(  # 缓冲期是几天 / 具体几天: a number of days, months… asked
        r"(?<![好这那前后头])(?:几|多少)\s*个?\s*(?:天|日|工作日|自然日|周|星期|月|年|小时|钟头|分钟)"
        r"|how many (?:days|weeks|months|years|hours|minutes)", re.I),  # (多久 asks no figure)
              re.compile(r"[\d一二三四五六七八九十百两]+\s*[】\]）)]?\s*(?:个)?\s*(?:工作日|自然日|天|日|周|星期"
                         r"|月|年|小时|钟头|分钟|秒|days?|weeks?|months?|years?|hours?|minutes?)"
                         r"|立即|即时|实时|当日|当天|次日|immediately|same day"
                         r"|以[^，。；]{0,20}为准|另行约定|另有约定", re.I)),  # 以产品文档所示为准: said
    Attribute("recovery", re.compile(r"(?<![A-Za-z])RTO(?![A-Za-z])|(?<![A-Za-z])RPO(?![A-Za-z])|恢复时间目标|恢复点目标", re.I),
              re.compile(r"RTO|RPO|恢复时间|恢复点", re.I),
              figure=r"\d+\s*(?:秒|分钟|小时|min|hours?|seconds?)"),
    Attribute("overdue", re.compile(r"滞纳金|逾期(?:付款|缴费|支付|未付)|欠费(?:了|后|的话)?(?:会|要|怎么|多久|几天)"
                                    r"|late (?:fee|payment|charge)|overdue|past due", re.I),
              re.compile(r"欠费|逾期|滞纳|未(?:按时|按期|及时)?(?:支付|付款|缴纳|结清)|overdue", re.I)),
    Attribute("warranty", re.compile(r"保修|质保|warranty", re.I), re.compile(r"保修|质保|warranty", re.I)),
    Attribute("cash", re.compile(r"\bcash\b|现金|退现", re.I),  # credits are vouchers: cash only where
              re.compile(r"现金|折现|兑现", re.I)),  # a clause says so (代金券（非现金）)
    Attribute("window", re.compile(r"(?:维护窗口|维护时间)(?:是|在)?(?:什么时候|何时|哪天|几点)"
                                   r"|(?:什么时候|何时|哪天|几点)[^？?]{0,12}维护窗口"
                                   r"|(?:when|what time|what day|what(?:'s| is)(?: the)?(?: scheduled| planned)?)"
                                   r"[^?？]{0,30}maintenance window"
                                   r"|maintenance window[^?？,]{0,12}\b(?:when|what time|scheduled)"
                                   r"|which (?:week)?day[^?？]{0,30}maintenance|maintenance[^?？]{0,30}which (?:week)?day",
                                   re.I),
              re.compile(r"维护窗口|维护时间|maintenance window", re.I),
              figure=r"周[一二三四五六日天]|星期[一二三四五六日天]|\d{1,2}\s*[:：点]|\b(?:mon|tues|wednes|thurs|fri"
                     r"|satur|sun)day\b"),
    Attribute("contact", re.compile(r"电话号码|热线|客服电话|联系电话|邮箱地址|hotline|phone number"
                                    r"|(?:what|which) (?:phone|number|email)|email address", re.I),
              re.compile(r"\d{3,4}[-\s]?\d{3,4}[-\s]?\d{3,4}|\b95\d{3}\b|[\w.]+@[\w.]+", re.I)),
    *(_timed(name, said, stated) for name, said, stated in ACTIONS),
    Attribute("availability", re.compile(  # the commitment itself asked, not a claim about it
        r"(?:可用性|可用率)[^，,。？?]{0,6}多少|多少[^，,。？?]{0,4}(?:可用性|可用率)"
        r"|\bwhat(?:'s| is)?\s+(?:the\s+)?(?:availability|uptime)\b"
        r"|\b(?:availability|uptime)\s*(?:%|percent)", re.I),
              re.compile(r"\d\s*[%％]")),  # an SLA that commits no percentage does not say
)


ASKS_VALUE = re.compile(r"多少|多大|多高|多快|多久|(?<![前这那好])几(?![乎])|是什么|有什么|有多|哪个|哪里|\bwhat\b|\bwhich\b|\bwhere\b"
                        r"|有没有|是否有|有无|有\s*SLA\s*吗|is there an? SLA|\bseparate\b|单独的?(?:SLA|承诺|档位)"
                        r"|\b(?:does|do)\b[^?？]{0,40}\b(?:have|offer|give|include)\b"
                        r"|do (?:we|you|they|i) get any|is there (?:an?|any)\b"
                        r"|are there any"
                        r"|(?:guarantee|promise|commit to|specify|define|set)s?\s+(?:any|an?)\b"
                        r"|(?:保证|承诺|规定|约定)(?:了)?[^，,。？?]{0,12}吗"
                        r"|how (?:much|many|long"
                        r"|fast|high|big)|\bmaximum\b|\bmax\b|最多|上限", re.I)


RATES = {  # a rate a question names, and the words an agreement states it with
    "成功率": "成功率", "success rate": "成功率", "准确率": "准确率|准确度", "accuracy": "准确率|准确度",
    "识别率": "识别率|准确率", "丢包率": "丢包", "packet loss": "丢包", "错误率": "错误率|失败率",
    "error rate": "错误率|失败率|误差率", "失败率": "失败率|错误率", "failure rate": "失败率|错误率",
    "送达率": "送达率|到达率", "delivery rate": "送达率|到达率|成功率",
    "命中率": "命中率", "hit rate": "命中率", "召回率": "召回率"}
RATE_ASKED = re.compile("|".join(RATES), re.I)


def unsaid(question: str, quotes: list[str]) -> list[Unsaid]:
    """The attributes the question asks the value of that none of the quoted sentences states
    (``买了带宽能转售吗`` names bandwidth and asks no value of it); a rate the question names
    (``录制成功率的承诺是多少``) must be the rate the quotes state, not the availability."""
    said = " ".join(quotes)
    if not ASKS_VALUE.search(question):
        return []
    found = [missing for a in ATTRIBUTES if (missing := a.unsaid(question, said)) is not None]
    if any(u.name == "period" for u in found):  # 保存多少天: a retention period, said once
        found = [u for u in found if u.name != "length"]
    if any(u.name == "rate_limit" for u in found):  # QPS 上限是多少: one limit, its figure missing
        found = [u for u in found if u.name != "limit"]
    rate = RATE_ASKED.search(question)
    if rate and not re.search(RATES[rate.group(0).lower()], said, re.I):
        found.append(Unsaid("rate", RATES[rate.group(0).lower()]))
    counted = COUNT_ASKED.search(question)  # 至少有多少个拨测点: the quotes must name 拨测点
    if counted and counted.group(1) not in said:
        found.append(Unsaid("count", counted.group(1)))
    for measure in MEASURE_ASKED.finditer(question):  # 检出率 / 新建连接速率 / 最大并发连接数
        if measure.group(1)[-3:] not in said and not RATE_ASKED.search(measure.group(1)):
            found.append(Unsaid("measure", re.escape(measure.group(1)[-3:])))
    return found


MEASURE_ASKED = re.compile(  # a measure named in Chinese, beyond availability and the rates above
    r"(?<![可用赔偿比])([\u4e00-\u9fff]{1,5}(?:检出率|拦截率|误报率|速率|连接数|并发数|吞吐量|转化率))")


COUNTABLE = (r"点|节点|实例|地域|区域|可用区|机房|数据中心|副本|账号|域名|线路|坐席|通道|证书|用户|成员|设备|集群"
             r"|服务器|基站|端口|网关|主机")
COUNT_ASKED = re.compile(  # how many of a thing: the thing, as the question names it
    rf"(?:多少|几)\s*个\s*([\u4e00-\u9fff]{{0,4}}?(?:{COUNTABLE}))")


def unstated(question: str, quotes: list[str]) -> list[str]:
    """The names of :func:`unsaid`, and an edition the quotes' figures are not for."""
    figures = [part for quote in quotes for part in re.split(r"(?<=[。；;])", quote)
               if re.search(r"\d\s*[%％]", part)]
    return [u.name for u in unsaid(question, quotes)] + _edition_unsaid(question, " ".join(figures))


EDITION = re.compile(  # 专业版, 企业版: an edition; 哪些版本, 几个版本, 这个版本 ask about or point at one
    r"((?:(?![哪几各每这那些种]|什么|所有|不同|其[他它]|别的|任何)[\u4e00-\u9fff]){2,3})(?<!个)版")


EDITIONS_ASKED = re.compile(r"哪些版|哪个版|几个版|什么版|which (?:editions|versions|plans|tiers)"
                            r"|what (?:editions|versions)", re.I)


def _edition_unsaid(question: str, said: str) -> list[str]:
    """``腾讯云BI个人版的可用性承诺是多少`` quoted with ``高级版和专业版可用性不低于99.90%``: the
    quotes that hold a figure name other editions and never the one asked, so they do not
    answer for it."""
    asked = {m.group(1)[-2:] for m in EDITION.finditer(question)}
    named = {m.group(1)[-2:] for m in EDITION.finditer(said)}
    if not asked or not named or asked & named or EDITIONS_ASKED.search(question):
        return []  # (哪些版本有？: the quote naming the editions that have one answers that)
    return ["edition"]


EDITION_WORDS = {"professional": "专业", "pro": "专业", "standard": "标准", "flagship": "旗舰",
                 "ultimate": "旗舰", "enterprise": "企业", "business": "商业", "basic": "基础",
                 "personal": "个人", "premium": "高级", "advanced": "高级"}
EDITION_EN = re.compile(rf"\b({'|'.join(EDITION_WORDS)})\s+(?:edition|version|plan|tier)\b", re.I)
FIGURE_ASKED = re.compile(r"可用性|承诺|赔偿|赔得|赔多少|比例|availability|uptime|commit|guarantee"
                          r"|(?:what(?:'s| is) the|is there an?|any)\s+SLA\b"
                          r"|\bSLA\s+(?:for|in|of)\b"
                          r"|credit|compensat|payout", re.I)


QUALIFIERS = (  # a tier or deployment a question may ask the commitment of: (name, asked, stated)
    ("钻石", re.compile(r"钻石(?:级|版)?|\bdiamond\b", re.I), re.compile(r"钻石")),
    ("白金", re.compile(r"白金(?:级|版)?|\bplatinum\b", re.I), re.compile(r"白金")),
    ("铜", re.compile(r"铜(?:级|牌|版)|\bbronze\b", re.I), re.compile(r"铜")),
    ("多可用区", re.compile(r"多可用区|跨可用区|多\s*AZ\b|multi[- ]?(?:AZ|zone|availability[- ]zone)s?\b"
                        r"|cross[- ]?(?:AZ|zone)", re.I),
     re.compile(r"多可用区|多个可用(?:性)?区域|多\s*AZ|跨可用区|[两三]可用区|多地域")),
    ("私有化", re.compile(r"私有化(?:部署|版)?|本地(?:化)?部署|on-?prem(?:ise|ises)?\b|private[- ]deploy\w*"
                       r"|self-hosted|专有云", re.I),
     re.compile(r"私有化|本地(?:化)?部署|专有云")),
    ("GPU", re.compile(r"GPU\s*(?:型|版|实例)?|\bGPU\b", re.I), re.compile(r"GPU", re.I)),
    ("跨地域", re.compile(r"跨地域|多地域|异地(?:容灾|多活|灾备)|两个地域|cross[- ]region|multi[- ]region"
                       r"|geo[- ]?redundan", re.I),
     re.compile(r"跨地域|多地域|全球复制|异地")),
    ("境外", re.compile(r"新加坡|香港|海外|境外|国际站|\bSingapore\b|\bHong Kong\b|overseas"
                      r"|international (?:site|region)", re.I),  # a region the SLA never names
     re.compile(r"新加坡|香港(?![^。；]{0,16}法律)|海外|境外|国际|中国大陆以外|大陆地区以外|全球")),
)  # (不适用中国香港、中国澳门…法律: the governing-law clause names no region served)


def editions_named(text: str) -> frozenset[str]:
    """The editions a text names, as the agreements word them: ``专业版`` and ``Professional
    edition`` -> ``专业``; and the tiers and deployments of :data:`QUALIFIERS` it states
    (``白金``, ``多可用区``)."""
    return frozenset({m.group(1)[-2:] for m in EDITION.finditer(text)}
                     | {EDITION_WORDS[m.group(1).lower()] for m in EDITION_EN.finditer(text)}
                     | {name for name, _, stated in QUALIFIERS if stated.search(text)})


def edition_unknown(question: str, editions: frozenset[str]) -> list[str]:
    """``EventBridge 专业版的可用性承诺比标准版高吗`` about agreements that name no such edition
    (``editions``: every edition the product's documents name): the editions asked about that
    they do not have, as the question says them (``专业版``, ``Professional edition``). Their
    commitment or credit is not stated, whatever figure the service has."""
    if not FIGURE_ASKED.search(question):
        return []
    said = [m.group(0) for m in EDITION.finditer(question) if m.group(1)[-2:] not in editions]
    said += [m.group(0) for m in EDITION_EN.finditer(question)
             if EDITION_WORDS[m.group(1).lower()] not in editions]
    said += [m.group(0) for name, asked, _ in QUALIFIERS if name not in editions
             for m in asked.finditer(question)]  # 钻石级, single-region multi-AZ
    return list(dict.fromkeys(s[-3:] if re.match(r"[\u4e00-\u9fff]", s) else s for s in said))


BRACKETED = re.compile(r"[（(]\s*([^（）()，,。；;：:、\s][^（）()，,。；;：:、]{0,18}?)\s*[）)]")


def flat(text: str) -> str:
    """Text as names are compared: lower case, no spaces."""
    return re.sub(r"\s+", "", text).lower()


def unknown_names(question: str, corpus: str) -> list[str]:
    """The names a question gives in brackets (``cloud phone (云手机)``, ``腾讯位置服务（地图API）``)
    that no agreement mentions (``corpus``: every agreement's text, :func:`flat`): a product
    or component named only so is not covered, whatever another product's clauses say. A
    bracket holding a phrase (``(the Pulsar one)``), an id or a figure names nothing."""
    names = []
    for match in BRACKETED.finditer(question):
        name = match.group(1).strip()
        named = re.search(r"[\u4e00-\u9fff]", name) \
            or re.fullmatch(r"[A-Z][A-Za-z]{2,}(?:\s?[A-Z][A-Za-z]*)?", name)  # not (the Pulsar
        if named and flat(name) not in corpus:  # one), (cls-7f3k…), (99.9%)
            names.append(name)
    return names
