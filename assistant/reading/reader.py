"""The one reading of a credit question: every number ends in a field, as context, or unclear.

``read_query(text, today)`` normalises the numbers (``assistant.reading.normalize``), then
runs the stages below in order over a :class:`~assistant.reading.scan.Scan`. Each stage
takes the phrases it recognises, so a later stage never reads them again:

    ids, codes, specs  工单 #20240612-8831, tcr-8h2k3m9x, 138 2671 0935, 报 500, 12 CUs,
                       100 requests every minute                               -> context
    dates and months   服务 2024年7月12日结束, 6月15日开通 (``months``: 24年12月, 去年3月,
                       上上个月, 2025-03-17, March 17 2025; a restated month read once)
    time ranges        14:05–15:35, 14:01:01 to 15:01:29                        -> outages
    error windows      12 个 5 分钟窗口错误率 100%，另外 60 个 10%; an average error rate
    statistics units   48个5分钟统计周期 (= 240 min), 6 次“连续两个 5 分钟统计点”
    request minutes    有效请求的分钟数共 20000 分钟，其中故障 30 分钟 (the calculator decides
                       whether the SLA counts over them)
    thresholds         听说超过5分钟才算, up to 21.6 min is allowed              -> context
    fees               实付 900 元, 预付12个月共6000元 (÷ 12), 年费 (the year's amount, split
                       by the SLA's rule), 当月实际消耗 over a package total
    percentages        可用性只有 99.2% (measured) vs 承诺 99.95% / 3% 的请求 (asked)
    requests, events   共 100 万次请求，失败 800 次; 超时响应了 4 次
    durations          per instance (fs-a 40 分钟，fs-b 10 分钟), a total, a list, a correction
                       (是 8 分钟，不是 8 小时), a rough figure (大概 5 分钟左右)
    counts             断了3次, 10 台实例 (the fleet, for SLAs counting over all instances)

A number no stage takes is ``unclear``: the router asks about it instead of guessing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from assistant.numbers import CN_DIGIT
from assistant.params import (
    INVALID_ASKED,
    MAINTENANCE_ASKED,
    PARTLY_FAILING,
    RATED_RANGE,
    SEVERAL_AMOUNTS,
    SHARE_ASKED,
    SHARED_FEE,
    VOLUME_ASKED,
    CreditQuery,
)
from assistant.reading.months import (
    EN_NAMES,
    MonthMention,
    asked_month,
    crossing,
    day_value,
    month_mentions,
    named_over_relative,
    resolve,
)
from assistant.reading.normalize import EN_WORD, MONTH_ABBR, PAUSE, TAKEN_BACK, normalize, plain
from assistant.reading.products import products_said
from assistant.reading.rates import HOURS_ASKED, hourly_charge
from assistant.reading.roles import context_role
from assistant.reading.scan import MASK, NUMBER_RE, NumberUse, Scan
from assistant.reading.series import CLOCK, rate_series
from assistant.reading.timepoints import (
    DAY_PART,
    NEXT_DAY_AFTER,
    ZONE_NEAR,
    day_said,
    on_24_hours,
    read_start_end,
)
from assistant.reading.timepoints import (
    NEXT_DAY as NEXT_DAY_WORDS,
)
from assistant.reading.words import (
    ANNUAL_RE,
    AVAILABILITY_WORDS,
    EN_COUNTS,
    END_DATE_RE,
    EVENT_COUNT_RE,
    EVENT_WORDS,
    FAILED_AFTER_RE,
    FAILED_RE,
    MEASURED_BY,
    REPEATED_RE,
    REQUESTS_RE,
    SPECIAL_FEES,
    TOTAL_WORDS,
    WORKED,
    duration_seconds,
    incident_seconds,
)

N = r"\d+(?:\.\d+)?"
LARGEST = Decimal("1e12")  # no fee, duration or count of a credit question comes near
MOST_OUTAGES = 100  # more "次" than this in a month are calls or requests, not outages
RATE_WORDS = r"错误率|失败率|error rate|failure rate|err_?rate|error_rate|fail(?:ure)?_rate"  # failed
BOUND_WORDS = r"超过|远超|超出|高于|大于|低于|不足|少于|above|over|exceed|more than|below|under|less than|>|<|≥|≤"
BOUND_AFTER_WORDS = r"以上|以下|or (?:more|above|higher)|and above|\+"
CORRECTION_WORDS = r"不是|并非|而不是|并不是|\bnot\b|\b(?:was|is|were)n't\b|instead of|rather than"
D_UNIT = r"(?:(?:个\s*)?小时|钟头|分钟|分(?![之钱])|秒|天(?!内)|days?\b|hours?|hrs?|h\b|minutes?|mins?|m\b|seconds?|secs?|s\b)"
DURATION = rf"{N}\s*{D_UNIT}(?:(?:\s+and\s+|\s*零?\s*){N}\s*{D_UNIT})*"  # 1 hour 20 min and 45 s; never
# across ", and" (two hours, two hours, and forty minutes: a list)

IDS = re.compile(
    r"(?:工单|单号|订单号|票号|ticket|case|order|invoice|ref|编号|账号|UIN|APPID)\s*(?:号|No\.?)?"
    r"\s*[#:：]?\s*#?\s*[A-Za-z]*[-_]?\d[\w-]*(?![\w-])(?![:：]\d)"  # never 工单：14:00
    r"|订单\s*[#:：]?\s*#?\s*(?:[A-Za-z]+[-_]?\d[\w-]*|\d{8,})(?![\w-])"  # 订单 15,000 is its fee
    r"|#\s*\d[\w-]*|\b(?:ins|lb|cdb|crs|disk|vpc|lhins|cmq|sg|eip)-\w+"
    r"|(?:RequestId|request[ _-]?id|trace[ _-]?id|请求\s*ID|requestid)[^\w\n]{0,8}[0-9a-f][0-9a-f-]{5,}"
    r"|\b(?=[0-9a-f-]*[a-f])(?=[0-9a-f-]*\d)[0-9a-f]{6,}(?:-[0-9a-f]{4,})+\b"  # 7f3e9a20-1c4b
    r"|\b[A-Za-z]+[-_][A-Za-z]*(?!(?:19|20)\d\d(?!\d))\d[\w-]*"         # csg-01, f-4x9k2m
    r"|\b[A-Za-z]+\d+[-_][A-Za-z\d]*[A-Za-z][A-Za-z\d]*\b"              # cloud1-7gxq
    r"|(?<!\d)1[3-9]\d[\s-]?[\d*]{4}[\s-]?\d{4}(?!\d)"  # a phone number, 138****6672
    r"|(?<![\d.])(?:[48]00|1[3-9]\d|0\d{2,3})[\s-]?(?=[\dxX*]*[xX*])[\dxX*]{3,4}[\s-]?[\dxX*]{3,4}(?![\d.])"  # 400-xxx-0520
    r"|(?<![\d.])0\d{2,3}[\s-]\d{3,4}[\s-]?\d{4}(?!\d)"                 # 0755-8613 2290
    r"|\b(?:PO|P\.O\.|purchase order|合同号?|contract)\s*(?:No\.?|#)?\s*[:：]?\s*\d[\d-]{3,}"
    r"|(?<=\d\.\d)(?::\d{2,5})\b|(?<=\d\.\d\d)(?::\d{2,5})\b"  # 10.0.3.17:8443, the port
    r"|(?<=\d\.\d\d\d)(?::\d{2,5})\b"
    r"|(?:版本|version|ver\.?|SDK)\s*v?\d+(?:\.\d+)+"  # SDK 7.2 版本
    r"|\bv?\d+(?:\.\d+)+\s*(?:版本|版(?![本费]))"
    r"|\b(?:job|task|cluster|app|project|account|customer|uin|appid|domain|instance|bucket)"
    r"(?:\s+(?:id|no\.?)?\s*[#:：]?\s*|\s*[#:：]\s*)\d{3,}\b(?!\s*%)"      # job 4471 (not bucket 100%)
    r"|(?<![\d.])\d{1,3}\.\d{1,3}\.(?:\d{1,3}|[x*]{1,3})\.(?:\d{1,3}|[x*]{1,3})(?:/\d{1,2})?"
    r"(?!\d|\.\d)"  # 10.0.3.17, also right after a Chinese word (挂在10.0.3.17那台: no \b there)
    r"|(?<![A-Za-z\d.])v?\d+\.\d+\.\d+(?!\d|\.\d)|\bv\d+(?:\.\d+)?\b"               # v2.3.1
    r"|(?:端口|port)\s*[:：#]?\s*\d+"                                                # port 8080
    r"|\+\d{1,3}[\s-]?\d{2,4}[\s-]?\d{3,4}[\s-]?\d{4}"                                # +86 138 …
    r"|\+\d{1,3}[\s-]?\d{3,4}[\s-]?\d{4}(?!\d)"                                      # +65 6123 4471
    r"|(?<![\d.,])\d{9,}(?![\d.]|\s*(?:元|块|次|条|requests|calls|CNY|RMB|yuan))", re.IGNORECASE)  # uin
CLAIMED_FIGURE = re.compile(  # the credit a user thinks they get: 是不是能拿 1500？/ 按 9000 找我们要
    r"(能拿|拿到|拿回|可以拿|可拿|赔我|能赔|要我们赔|应该赔|可获赔|能获得|can we get|we should get"
    r"|should(?:n'?t| not) it be|(?:is|was)n'?t it|would(?:n'?t| not) it be"
    r"|should(?:n'?t| not) (?:we|I) get|(?:I|we) expected|get back)"
    r"\s*[¥￥$]?\s*\d+(?:\.\d+)?\s*(?:元|块|CNY|RMB|yuan)?\s*(?:的)?\s*(?:代金券|vouchers?|credits?|赔偿|补偿)?"
    r"(?=\s*(?:[？?吗吧，,。!！”\"」]|$|找我们要))"
    r"|(按)\s*[¥￥]?\s*\d+(?:\.\d+)?\s*(?:元|块)?(?=\s*(?:找我们要|要我们赔))"
    r"|((?:赔|补偿|credit|compensation)\s*(?:了)?\s*\d+(?:\.\d+)?\s*[%％]\s*[，,]?\s*(?:也就是|就是|即|也即|=|that'?s|i\.e\.)"
    r")\s*[¥￥]?\s*\d+(?:\.\d+)?\s*(?:元|块|块钱|CNY|RMB|yuan)?", re.I)  # 赔 20%，也就是 200 块
CREDIT_RECEIVED_ASKED = ("a credit already received: for an outage of this same month? The month "
                         "is paid once, on all its downtime: how long was that outage?")
CREDIT_RECEIVED = re.compile(  # 已经拿过一次 200 元的赔偿 / we already got a ¥200 credit: context
    r"(?:拿过|拿到过|领过|领到过|获得过|收到过|赔过|得到过|已经?(?:拿到|收到|获得|领到)了?)\s*(?:[一1]\s*次|一张|了)?\s*"
    r"[¥￥]?\s*\d+(?:\.\d+)?\s*(?:元|块|CNY|RMB)?\s*(?:的)?\s*(?:赔偿|补偿|代金券|赔付)"
    r"|(?:already|previously) (?:got|received|been given|claimed) (?:a |an )?[¥￥$]?\s*\d+(?:\.\d+)?"
    r"\s*(?:CNY|RMB|yuan)?\s*(?:credit|voucher|compensation)", re.I)
LIST_LABEL = re.compile(r"(?:故障|事件|中断|问题|incident|outage|event|issue)\s*#?\d{1,2}"
                        r"(?=\s*[：:](?!\d{2}(?!\d|\s*(?:分|秒|小时|钟|min|sec|hour|h\b|s\b|m\b))))",
                        re.I)
NEGATIVE = re.compile(  # -5 元, 可用性 -5%: a sign after a space, a word or a colon, not a range
    r"(?:(?<=[ \t：:，,（(=])|^)[-−－]\d+(?:\.\d+)?|(?<=[\u4e00-\u9fff])[-−－]\s?\d+(?:\.\d+)?")
CODES = re.compile(  # HTTP statuses and error codes: 报 500, error 1007/1008, 返回 502
    r"(?:错误码|状态码|返回码|(?<![A-Za-z])(?:error code|error|code|HTTP))\s*[:：#]?\s*-?\d{3,5}"
    r"(?:\s*[/、,]\s*\d{3,5})*"
    r"(?!\.?\d)(?!\s*(?:次|个|条|requests|calls|times|errors|failures|元|%))"
    r"|(?:报|弹|彈|跳|返回|returns?|returned|returning|throws?)\s*(?:[45]\d\d|\d{4,5})(?:\s*[/、]\s*\d{3,5})*"
    r"(?!\.?\d)(?!\s*(?:元|块|CNY|RMB|yuan|分钟|minutes?|mins?|次|times))"
    r"|(?<![\d.])[45]\d\d(?=\s*(?:Bad Gateway|Internal|Service Unavailable|Gateway Timeout))"
    r"|\b(?:[a-z]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+(?:[A-Z][a-z]+)+|ret|errno|rc|exit code|status)"
    r"\s*[=:：]?\s*-\d{1,5}(?![\d.])"  # InvokeResult -1, ret=-2: a code
    r"|(?<![A-Za-z])(?:errors?|responses?|status(?:es)?)\s+(?:were|was|are|is)\s+(?:all\s+)?"
    r"[45]0\ds\b"
    r"|(?<![\d.])[45]0\ds(?=\s+(?:errors?|responses?|from|on|were|across)\b)"  # errors were 503s
    r"|(?:全是|都是?|全部|(?<![A-Za-z])(?:all|got|gave))\s*[45]\d\d(?:\s*[/、]\s*[45]\d\d)*(?![\d.\-/])"
    r"(?!\s*(?:次|个|条|元|%|块|CNY|requests|calls|times|errors|failures))"
    r"|\b[45]\d\d\s*(?=errors?\b|错误|状态|报错)"
    r"|(?:一直|持续|一直是|总是)\s*[45]0\d(?![\d.%])"  # 网站一直 502
    r"|(?<=with )[45]0\d(?=\s+(?:from|for|errors?|responses?|until|between)\b)"  # with 503 from
    r"|(?:导致的?|引起的?|caused)\s*[45]\d\d\b|\b[A-Za-z_]+Result\s*=\s*-?\d+"  # 签名错误导致的 403
    r"|(?:错误|错|参数|鉴权|签名|权限|认证|限流|超时)的\s*[45]\d\d(?![\d.])"  # 签名错误的 403、缺参数的 400
    r"|(?<![\d.])[45]\d\d(?=\s*(?:[、/和]\s*[45]\d\d\s*)*(?:都|也)?(?:当成|算成|算作|当作))"
    r"|(?<![\d.])\d{3,5}(?:\s*[/、]\s*\d{3,5})*\s*(?=错误码|error codes?\b)"  # 全是 1007/1008 错误码
    r"|\b[45]\d\d(?:\s*/\s*[45]\d\d)+s?\b"                              # 500/503s: two statuses
    r"|\b[45]0\ds(?=\s+(?:for|from|on|errors?|responses?)\b)"            # 502s for 15 minutes
    r"|(?:(?<=getting )|(?<=seeing )|(?<=throwing )|(?<=got )|(?<=saw )|(?<=lots of )|(?<=many )"
    r"|(?<=showed )|(?<=shows )|(?<=showing )|(?<=threw )|(?<=served )|(?<=serving )"
    r"|(?<=returned )|(?<=returning ))"
    r"[45]\d\ds?(?:\s*(?:and|or|,|/|和|、)\s*[45]\d\ds?)*\b"                  # kept getting 502s
    r"|(?<![\d.])[45]0\d(?=\s*了)"                                              # 全站 500 了
    r"|(?:(?<=大量)|(?<=大面积))\s*[45]0\d(?:\s*[/、]\s*[45]\d\d)*\b", re.IGNORECASE)  # 大量 503
SPECS = re.compile(r"\d+(?:\.\d+)?\s*(?:CUs?|vCPUs?|cores?|核|QPS|TPS|Mbps|Gbps|[KMGTP]i?B)\b"
                   r"|(?:QPS|TPS|并发数|并发量|concurrency|node count|节点数)[^，,。；;\d]{0,10}\d+"
                   r"|(?<![\d\-/.])\d+\s*(?:多|余|来号?|几)?\s*(?:个|名|位|路)?\s*(?:用户|客户|终端(?!性能)|账号"
                   r"|租户|摄像头|人(?!民币)|users?|customers?|devices?|accounts?|tenants?|cameras?"
                   r"|people)"  # not 2025-01终端性能监控 (a month glued to a product)
                   r"|(?<![\d\-/.])\d+\s*路(?=\s*[A-Za-z\u4e00-\u9fff])"  # 260路摄像头: channels
                   r"(?:\s*(?:were|was)?\s*(?:受影响|affected))?", re.IGNORECASE)  # 1200 users affected
RATES = re.compile(  # a load the user describes, not a count to compute with
    rf"({N})\s*(?:多)?\s*(?:次|个)?\s*(?:请求|调用|requests?|calls?)\s*(?:every|per|each|a|/)\s*"
    rf"(?:minute|min|second|sec|分钟|秒)"
    rf"|(?:每分钟|每秒|per minute|every minute)[^，,。；;\d]{{0,6}}({N})\s*(?:多)?\s*(?:次|个)?\s*"
    rf"(?:请求|调用|requests?|calls?)", re.IGNORECASE)
EVERY_MINUTE = re.compile(  # then the minutes with requests are all the month's minutes
    r"每(?:一)?分钟都有(?:请求|调用|流量)|(?:requests?|calls?|traffic)\s+(?:in\s+|during\s+)?every (?:single )?"
    r"minute|every (?:single )?minute (?:of the month )?(?:had|has|with) (?:requests|calls|traffic)",
    re.I)
MONTH_DAYS = r"(?:2[89]|3[01])"  # a month's length in days
MONTH_LENGTH = re.compile(  # 180 minutes in a 30-day month, 协议里写了30天可以有…, 按30天算: no outage
    rf"(?<![\d.]){MONTH_DAYS}\s*(?:天|-?\s*days?\b)(?=\s*(?:的|long)?\s*(?:月|months?\b)"
    rf"|\s*(?:可以|允许|最多|能有|only allows?|allows?))"
    rf"|(?<=% of ){MONTH_DAYS}\s*days\b|(?<=按)\s*{MONTH_DAYS}\s*天(?=\s*(?:算|计|的月))"
    rf"|(?<=一个月)\s*(?:有|是|按)?\s*{MONTH_DAYS}\s*天|(?<=本月|当月)\s*(?:共|有|是)?\s*{MONTH_DAYS}\s*天", re.I)
DAYS_BILLED = re.compile(r"(?:计费|billed(?: for)?|charged(?: for)?)\s*(?:了)?\s*(\d+\s*(?:天|days?))"
                         r"(?!\s*\d+\s*(?:个)?(?:小时|分钟|hours?|min))", re.I)  # not 1 天 2 小时
DAYS_IN_USE = re.compile(r"(\d+\s*(?:天|days?))(?!\s*\d+\s*(?:个)?(?:小时|分钟|hours?|min))"
                         r"\s*(?:都|全|全部|all|were all|was all)?\s*"
                         r"(?:没停过|没停|在用|在跑|开着|使用|in use|used|running|billed)"
                         r"|(?:只?(?<!可)用了|只?使用了|用了不到|used it for|only used it for|按|based on"
                         r"|(?:only )?(?:had|used|been (?:on|using)) (?:it|the service|them|this)"
                         r"(?: for)?(?: only)?|开通了?)\s*"
                         r"(\d+\s*(?:天|days?))(?!\s*\d+\s*(?:个)?(?:小时|分钟|hours?|min))"
                         r"(?:\s*(?:来)?(?:算|计算))?", re.I)
SELF_CORRECTED = re.compile(  # a figure the user takes back at once: "two hours no wait three"
    rf"((?:{DURATION})|{N}\s*(?:%|元|块|yuan|CNY|RMB)?)\s*[，,.—–…-]*\s*"
    rf"{PAUSE}"  # 8900……等下，我看错账单了，是 9800
    rf"(?:{TAKEN_BACK})\s*[，,:：]?(?=[^\d。；;!?！？\n]{{0,10}}\d)", re.I)
CORRECTED_BEFORE = re.compile(rf"(?:{CORRECTION_WORDS})\s*$", re.I)
CORRECTED = re.compile(rf"(?:{CORRECTION_WORDS})\s*({DURATION})", re.IGNORECASE)
SAID_THEN_CORRECTED = re.compile(  # 邮件里说停了 50 分钟，核对日志其实是 55 分钟 / we said 2 hours; it was
    rf"(?:说|提到|报的?是?|写的是|originally said|we said|first said|reported|mentioned)"
    rf"[^，,。；;\d]{{0,8}}?({DURATION})(?=[^。\n\d]{{0,30}}?(?:其实是|实际(?:上)?(?:为|是)|更正|应为|应该是"
    rf"|准确(?:地)?(?:说|讲)|后来[^，,。；;\d]{{0,8}}?是|日志(?:上|里|显示)?是|actually|in fact|turned out"
    rf"|after checking|corrected|correction)[^。\n\d]{{0,30}}?(?:{DURATION}|\d+(?:\.\d+)?))", re.I)
EXACT_AFTER = re.compile(  # an hour, well, 70 minutes to be exact
    rf"({DURATION})(?=\s*[,，]\s*(?:well|I mean|or rather)\s*[,，]?\s*{DURATION}\s*"
    rf"(?:to be (?:exact|precise)|exactly|precisely))", re.I)
ROUGH_THEN_EXACT = re.compile(  # 将近1小时（其实是 55 分钟） / 50 多分钟，精确 53 分钟: the rough one
    rf"((?:将近|接近|差不多|大约|大概|约|about|around|nearly|almost|over|roughly)\s*{DURATION}"
    rf"|{DURATION}\s*(?:多|左右|出头|上下|-ish|or so))"
    rf"(?=[^。\n\d]{{0,12}}?(?:其实是|实际(?:上)?是|准确(?:地)?(?:说|讲)?(?:是)?|精确(?:地)?(?:说|讲)?(?:是)?"
    rf"|确切(?:地)?(?:说|讲)?(?:是)?|具体是|日志上是|日志显示|actually|exactly|precisely"
    rf"|to be (?:exact|precise))\s*[:：]?\s*{DURATION})", re.I)
CORRECTED_BARE = re.compile(  # "it was 25 hours, not 2.5": the unit is the correction's
    rf"(?:{CORRECTION_WORDS})\s*({N})(?!\.?\d)(?!\s*(?:%|[元块万年月号日]|{D_UNIT}|CNY|RMB))", re.I)
NAMES = re.compile(
    r"\b(?!Q[1-4]\b)[A-Za-z]{1,4}\d+[A-Za-z\d]*(?![年\-/.\d])|\b\d+\.x\b"  # Q3 is a quarter
    r"|(?<![\d\-/.])(?![1-5]xx\b)\d+(?!(?:RMB|CNY|yuan|rmb|cny)\b)"  # 5xx: a status class, read
    r"(?!x\s*(?:outage|incident|failure|disconnect|drop|blip))"
    r"[A-Za-z]+\d*(?![A-Za-z])(?<!\d[smh])(?<!\dmin)"
    r"(?<!\d[ap]m)(?<!\d(?:st|nd|rd|th))"
    r"|\b(?:Redis|MySQL|MongoDB|Kafka|PostgreSQL|SQL ?Server|Elasticsearch|ES|TLS|SSL|HTTP|IPv)"
    r"\s*\d{1,2}(?:\.\d+)*(?!\d)(?!\s*(?:月|年|日|号|个|分|小时|天|%|元|块|次|min|hour|h\b|s\b))"
    r"|\d+核\d*G?|\d+G(?:B)?内存", re.IGNORECASE)
DISCOUNT = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?|(?<=打)[一二三四五六七八九])\s*折(?!合|算|前)")
ROUND_THE_CLOCK = re.compile(r"(?<![\d/])24\s*/\s*7(?![\d/])|(?:全天\s*)?24\s*小时(?:都|一直|不间断|全天)"
                             r"(?=[^，,。；;]{0,6}(?:流量|请求|在线|有人|运行|访问|调用|使用))"
                             r"|(?<!\d)(?:7\s*[x×*]\s*24|24\s*[x×*]\s*7)(?!\d)")
HOURS_OPEN = re.compile(  # 工作日 9:00-18:00 可联系, office hours 9:00-18:00: when someone answers
    r"(?:工作日|工作时间|营业时间|办公时间|上班时间|客服时间|值班时间|office hours|business hours"
    r"|working hours)\s*[:：]?\s*((?:\d{1,2}[:：]\d{2})\s*[-–~至到]\s*\d{1,2}[:：]\d{2})"
    r"|(\d{1,2}[:：]\d{2}\s*[-–~至到]\s*\d{1,2}[:：]\d{2})\s*(?:可|能|都可以)?(?:联系|找到|打电话|来电|在线"
    r"|reachable|available to (?:call|talk))", re.I)
MONTH_MINUTES = re.compile(  # 按 30×24×60 算: the month's minutes, the user's own arithmetic
    r"(?<![\d.])(?:28|29|30|31)\s*[x×*]\s*24\s*[x×*]\s*60(?:\s*=\s*\d+)?(?![\d.])")
PERIODS = re.compile(  # 4-6 月 (a prepaid span), 3 月底一次性预付 (when it was paid): not the month
    r"((?<![\d\-/.:：])\d{1,2}\s*[-–~～到至]\s*\d{1,2}\s*月(?![费度])"
    r"(?!份?(?:[的中里内]|断|宕|出|挂|故障|不可用)))"
    r"|(?<![\d\-/.])\d{1,2}\s*月\s*(?:底|初|末|中旬|上旬|下旬)?(?=\s*(?:份)?\s*(?:就|才)?\s*(?:一次性)?\s*"
    r"(?:预付|付了|买了|购买|续费|充值|开通|签约|签了))"
    r"|\d{4}-\d{1,2}-\d{1,2}\s*(?:至|到|~|～|–|—|to)\s*\d{4}-\d{1,2}-\d{1,2}")  # 服务期 A 至 B
YEAR_MONTH_SPAN = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*[-–~～到至]\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月")
BOUGHT = re.compile(r"买|购|订阅|续费|预付|年付|套餐|bought|purchased|prepaid|subscri|plan\b", re.I)
MONTH_SPAN = re.compile(
    rf"\b(?:{EN_NAMES})\.?\s*(?:–|—|-|to|through|~)\s*(?:{EN_NAMES})\b\.?", re.I)
PAID_IN = re.compile(  # bought a package back in July: when it was paid, not the outage's month
    rf"\b(?:bought|purchased|prepaid|renewed|subscribed|signed up)\b[^.;。；]{{0,40}}?\b(?:back )?"
    rf"in\s+((?:{EN_NAMES})\.?)(?!\s*\d)"
    r"|((?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]|\d{1,2}\s*月(?:份|初|底|中)?)\s*(?:的时候|那会儿?)?\s*"
    r"(?:就|[一1]\s*次性?|一口气)?\s*(?:买|购买|购入|预付|预充|续费|续了|充值"
    r"|(?<=[性气])\s*(?:交|付|缴))", re.I)  # 9 月 1 号一次性买了 6 个月, 9月初一次性交了
MONTHS_LISTED = re.compile(r"(?<=个月)\s*[（(]\s*\d{1,2}(?:\s*月?\s*[、,，和及~-]\s*\d{1,2})+\s*月份?\s*[)）]"
                           r"|(?<=季|度|年|元|块)\s*[（(]\s*\d{1,2}\s*月\s*(?:到|至|~|～|-|–)\s*\d{1,2}\s*月份?\s*[)）]")
# 一个季度 2970 块（9 月到 11 月）: the months a period's fee covers
NOTICED_ON = re.compile(  # 5月31日 就收到了维护通知: when the notice came, not the outage's month
    r"((?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])\s*(?:就|已经|已|提前)?\s*(?:收到|发|通知|公告)[^，,。；;\d]{0,10}?"
    r"(?:通知|公告|邮件|短信|notice)"
    rf"|\b(?:notified|got (?:a |the )?notice|received (?:a |the )?notice)\b"
    rf"[^.;。；]{{0,20}}?\bon\s+"
    rf"((?:{EN_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)", re.I)
MAIL_HEADER = re.compile(  # a forwarded mail's 日期：2026年11月3日 10:12 / Sent: … : when it was written
    r"(?:^[ \t>]*(?:日期|时间|Date|Sent|Received)|发送时间|发件时间|发送日期)[ \t]*[:：][ \t]*"
    r"((?:[\d年月日号/\-.:：]|T(?=\d)|[ ,]+(?=[\dA-Za-z星周])|at\b|星期.|周.|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|[AP]M\b)+)", re.I | re.M)
NEXT_DAY = r"(?:(?:次日|第2天|隔天|翌日|the next day|next day|\d{1,2}\s*[号日])\s*)?"  # 到次日 01:10
TIME_RANGE = re.compile(
    rf"(?:({DAY_PART})\s*)?(\d{{1,2}})[:：](\d{{2}})(?:[:：](\d{{2}}))?\s*(?:一直)?\s*"
    rf"(?:到|至|-|–|—|~|～|to|until|till)\s*"
    rf"{NEXT_DAY}({DAY_PART})?\s*(\d{{1,2}})[:：](\d{{2}})(?:[:：](\d{{2}}))?", re.I)
DAYS_AGO = re.compile(r"(\d+)\s*(?:days?|weeks?)\s+ago|(\d+)\s*(?:天|周|个星期|星期)(?:之)?前"
                      r"|yesterday|昨天|前天|今天|上周|上个?星期|last week|(?:earlier )?this week|today"
                      r"|本周|这周", re.I)
CLOCK_RANGE = re.compile(
    r"(?P<h1>\d{1,2})(?::(?P<m1>\d{2}))?\s*(?P<p1>am|pm|a\.m\.|p\.m\.)?\s*(?:to|until|till|-|–|—|~)\s*"
    r"(?P<h2>\d{1,2})(?::(?P<m2>\d{2}))?\s*(?P<p2>am|pm|a\.m\.|p\.m\.)(?![A-Za-z])"
    rf"|(?:(?P<q1>{DAY_PART})\s*)?(?P<z1>\d{{1,2}})\s*点\s*(?:(?P<y1>\d{{1,2}})(?!\d|\s*(?:次|个|天|号|日|小时|钟头|秒))\s*分?"
    r"|(?P<half1>半)|整)?"
    rf"\s*(?:一直)?\s*(?:到|至|-|–|~|～)\s*{NEXT_DAY}(?P<q2>{DAY_PART})?\s*(?P<z2>\d{{1,2}})\s*点"
    r"\s*(?:(?P<y2>\d{1,2})(?!\d|\s*(?:次|个|天|号|日|小时|钟头|秒))\s*分?|(?P<half2>半)|整)?", re.I)
DAY_IN_RANGE = re.compile(
    rf"(?:到|至|-|–|—|~|～|\bto|until|till)\s*(?:\d{{1,2}}\s*[-/月]\s*\d{{1,2}}\s*[日号]?"
    rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}|(?:{EN_NAMES})\.?\s+\d{{1,2}}(?!\d|:))", re.I)
BARE_DAY_IN_RANGE = re.compile(r"(?:到|至|-|–|—|~|～)\s*\d{1,2}\s*[日号]")
DAY_DATE = r"(?:(?:\d{4}|[12]\d|今年|去年|前年)\s*年?\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]" \
           r"|(?<![\d/])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\d/])" \
           r"|(?:上上个?月|上个?月|本月|这个?月)\s*的?\s*\d{1,2}\s*[日号]" \
           r"|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
EN_DAY = rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}" \
         rf"|(?:{EN_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?" \
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{EN_NAMES})\.?(?:,?\s*\d{{4}})?"
_SERVICE = r"(?:服务期|服务周期|服务时间|保障期|重保期|服务|service(?: period| window| term)?|engagement|coverage)"
SERVICE_SPAN = re.compile(
    rf"{_SERVICE}\s*(?:为|是|[:：])?\s*(?:from\s+|从)?(?:{DAY_DATE}|{EN_DAY})\s*(?:至|到|~|～|–|—|-|to"
    rf"|through|until)\s*(?P<end>{DAY_DATE}|{EN_DAY})(?!\s*(?:期间|之间|的时候)?\s*(?:都|一直|全部|又)?\s*"
    rf"(?:断|挂|宕|不可用|中断|故障|异常|连不上|打不开|was|were|went|had|down|outage|unavailable|fail))"
    rf"|(?:服务|service|engagement|project|重保|保障)[^。.;；\n\d]{{0,16}}?(?:closed|ended|finished"
    rf"|completed|wrapped up|结束|完成|到期)\s*(?:了)?\s*(?:on|于|在)?\s*[:：]?\s*"
    rf"(?P<end2>{DAY_DATE}|{EN_DAY})"
    rf"|(?:服务|service)[^。.;；\n\d]{{0,10}}?(?P<end3>{DAY_DATE})\s*(?:已经|就|已)?\s*(?:结束|到期|完成)",
    re.I)
START_RE = re.compile(
    rf"(?:从|自|于)?\s*({DAY_DATE})\s*(?:起|开始)?\s*(?:才|刚|新|就)?\s*(?:[一1]\s*次性?|一口气)?\s*"
    rf"(?:开通|开始使用|开始用|购买|新购|新买|新开|开的|买的|买了|订购|上线|启用|开始计费|创建|建(?:的|好)|接入|部署)"
    rf"|(?:created|(?:started|began)\s+(?:using|to use|with|on|paying|billing|our subscription)"
    rf"|(?:subscription|plan|contract|service|term) (?:started|began|start(?:ed)? on|starting"
    rf"|beginning|commencing|running from)"
    rf"|(?:start|activation|purchase|subscription) date (?:is|was)"  # the start date is Oct 16
    rf"|opened|subscribed|activated|bought|purchased|launched|went live"
    rf"|signed up|onboarded|provisioned|spun up|switched on|turned on|enabled)\b[^.;\d]{{0,80}}?"
    rf"({EN_DAY})", re.I)  # (a
# product named at length in between: signed up for Image Processing (smart crop + …) on Nov 5)
FULL_DATE = re.compile(
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}-\d{1,2}-\d{1,2}"
    r"|(?<![\d\-/.])(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d\-/.])"  # 09-03 (a day)
    r"|(?<![\d.])\d{1,2}\s*[日号](?!\d(?!次))"  # 26 号一次 (read 26 号1次)
    r"|(?<![\d/.:])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\d/]|\.\d)"  # 9/15
    r"|\b(?:on )?the \d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?:st|nd|rd|th)\b")
DAY_BEFORE_NAME = re.compile(rf"\b(?:3[01]|[12]\d|0?[1-9])(?=\s+(?:of\s+)?(?:{EN_NAMES})\b)",
                             re.I)  # 30 Sep (the month's name is read before the day is)
TIMES = re.compile(
    r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}\s*(?:am|pm)\b|\d{1,2}\s*点\s*\d{2}\s*分(?!钟)"
    r"|(?:早上|上午|下午|晚上|凌晨|中午)?\d{1,2}点"
    r"(?:半|\d{1,2}分?)?(?=\s*(?:左右|到|至|开始|起|多|的时候|-|~))", re.I)
UNIT_COUNTS = re.compile(  # a count, then the unit's size: never one number split in two
    rf"({N})(?:\s*(?:个|次)|\s+)\s*(?:完整的?)?\s*(?:“|\")?\s*(\d+)\s*分钟(?:的)?\s*(?:统计)?"
    rf"(?:周期|粒度|窗口|时间窗|单位|统计点|采样点|区间|时段|内|点"
    rf"|(?<=分钟)(?=\s*(?:是|都|全)?\s*(?:{RATE_WORDS}|丢包率|全部|都失败|全失败)))"  # 7个5分钟是丢包率100%的
    rf"|({N})\s+(?:of (?:the|those|our) )?(?:(?:more|other|further|additional|consecutive|straight|bad|failed|failing|full"
    rf"|back-to-back|back to back|errored|red)\s+){{0,2}}"
    rf"(\d+|one|three|five|ten)[- ]min(?:ute)?\s*"
    rf"(?:units|windows|intervals|periods|slots|buckets|(?:sampling |sample )?points"
    rf"|statistic\w* (?:periods|units|windows))"
    rf"|(\d+)\s*分钟(?:的)?\s*(?:统计)?(?:周期|粒度|窗口|时间窗|统计点|采样点|区间|时段)\s*"
    rf"(?:一共|总共|共计|合计|累计|共|有)\s*(?:有)?\s*({N})\s*个(?!\s*(?:小时|钟头|月))",  # 5 分钟窗口一共 14 个
    re.I)
MORE_UNITS = re.compile(  # after a count of units: "and 2 more on June 15", the same units again
    rf"\b({N})\s+more\b(?!\s*(?:min|hours?|h\b|sec|s\b|times|outages?|incidents?|instances?|days?"
    rf"|isolated|single|separate))", re.I)
UNIT_NOUN = (r"(?:统计)?(?:粒度|周期|窗口|时间窗|采样点|统计点|区间|口径)|(?<=个)点|(?<=个 )点|(?:sampling |sample )?points?"
             r"|buckets?|windows?|intervals?|slots?")
UNIT_SIZE = re.compile(  # 5 分钟统计粒度, 1个点1分钟, 按 5 分钟错误率, a 5-min bucket: a unit's length
    rf"({N}|one|five|ten)\s*[- ]?(?:分钟|min(?:ute)?s?)\s*(?:的|为|per|a|an)?\s*(?:1\s*个|one|each)?"
    rf"\s*(?:统计)?(?:{UNIT_NOUN}|点)"
    rf"|(?:1|每)\s*个?\s*(?:{UNIT_NOUN}|点)\s*(?:=|是|为|代表|就是|算)?\s*({N})\s*(?:分钟|min(?:ute)?s?)"
    rf"|按\s*({N})\s*分钟|(?<=按)(分)钟(?=看|统计|粒度|采样|监控)|(1)[- ]minute granularity"
    rf"|(1|5|10)[- ]min(?:ute)? (?:stats|statistics|data|resolution|granularity)\b"
    rf"|(?<![\d.])(?<!连续)(?<!连续 )(?<!持续)(?<!持续 )(1|5|10)\s*[- ]?(?:分钟|min(?:ute)?)\s*(?:的)?\s*"
    rf"(?:错误率|成功率|失败率|error rates?|success rates?|failure rates?)"
    rf"|(?<![\d.])(1|5|10)\s*分钟\s*(?:统计|采样|粒度)(?!\s*(?:到|了|才))"  # 10 月 5 分钟统计：
    rf"|每\s*(1|5|10)\s*分钟\s*(?:采|取|记录|统计|打)\s*(?:1|一)?\s*(?:次|个)?\s*(?:点|样|数据)?"  # 每 5 分钟采一次
    rf"|(?<=[（(])\s*(1|5|10)\s*(?:分钟|min(?:ute)?s?)\s*(?:一个|1\s*个|each)\s*(?=[)）])",  # 粒度（5分钟一个）
    re.I)
PROBE_EVERY = re.compile(  # 拨测每 5 分钟调一次 / our probe hits it once every 5 min: a probe's interval
    rf"(?:拨测|探测|探针|健康检查|心跳|监控)[^，,。；;\d]{{0,6}}每\s*({N}|分(?=钟))\s*分?钟[^，,。；;\d]{{0,12}}?[一1]\s*次"
    rf"|每\s*({N})\s*分钟[^，,。；;\d]{{0,4}}(?:拨测|探测|检测|健康检查|ping)[^，,。；;\d]{{0,8}}?[一1]\s*次"
    rf"|(?:probes?|checks?|pings?|monitors?)\b[^.,;\d]{{0,40}}?(?:once\s+)?every\s*"
    rf"({N}|one|five|ten|minute\b)\s*[- ]?(?:min(?:ute)?s?\b)?"
    rf"|every\s*({N}|one|five|ten)\s*[- ]?min(?:ute)?s?\b[^.,;\d]{{0,20}}?"
    rf"(?:probes?|checks?|pings?)\b",
    re.I)
PROBES_FAILED = re.compile(  # 连续 19 次拨测失败 / 31 failed probes / 拨测失败了 12 次: one interval each
    rf"({N})\s*(?:次|个)\s*(?:拨测|探测|检测|健康检查|心跳)?[^，,。；;\d]{{0,4}}?(?:失败|超时|报错|不通)"
    rf"|(?:拨测|探测|检测|健康检查|心跳)[^，,。；;\d]{{0,4}}?(?:失败|超时|不通)了?\s*({N})\s*次"
    rf"|({N})\s+(?:consecutive\s+|more\s+)?(?:failed|failing|unsuccessful)\s+(?:health\s+)?"
    rf"(?:probes?|checks?|pings?)\b"
    rf"|(?:probes?|checks?|pings?)\s+failed\s+({N})\s+times",
    re.I)
UNITS_COUNTED = re.compile(  # 36 个粒度 / 14 buckets over 5% / 粒度共 36 个 / 这样的分钟有 500 个
    rf"({N})\s*(?:多)?\s*(?:个|次)?\s*(?:完整的?|bad |failed |full |such )?(?:{UNIT_NOUN})"
    rf"|({N})\s*(?:多)?\s*个\s*(?:完整的?)?分钟"
    rf"|(?:{UNIT_NOUN}|(?<=[的些种样])(?:分钟|点))[^，,。；;\d%（(]{{0,10}}?"
    rf"(?:共|有|是|为|一共|总共|合计|累计|计|达)\s*({N})\s*(?:多)?\s*(?:个|次)(?!\s*(?:小时|钟头|月))"
    rf"|(?<=一共|总共|共计|合计|连续|共有)\s*({N})\s*个\s*(?:采样|统计|监控)?点(?![钟半\d])",  # 报错的一共 23 个点
    re.I)
PART_OF_UNITS = re.compile(r"(?<![\d.])(\d+)\s+(?:out\s+)?of\s+"
                           r"(?:the\s+|that\s+day'?s\s+|the\s+day'?s\s+|all\s+(?:the\s+)?)?$", re.I)
UNITS_EXCLUDED = re.compile(r"不算|不计|不符合|不满足|don'?t count|doesn'?t count|not count"
                            r"|excluded|ignore", re.I)
ALARM_SETTING = re.compile(r"(?:告警|报警)(?:策略|规则|条件|周期|设置|配置)|才(?:会)?触发|触发告警|通知"
                           r"|(?:alarm|alert(?:ing)?) (?:policy|rule|period|setting)|trigger|notif",
                           re.I)
MIXED = re.compile(r"\bmix(?:ed)? of (?:failures|errors|successes)|some (?:failed|succeeded)"
                   r"|有成功有失败|有失败有成功|部分失败|部分成功|只有\s*\d+\s*[~～\-–]\s*\d+\s*次失败"
                   r"|only \d+\s*[–-]\s*\d+ failures", re.I)  # 每分钟只有 1~4 次失败: a few
SUBSET_NEXT = re.compile(r"其中|of which|of those|including", re.I)
UNITS_ALONE = re.compile(r"孤立|单独|零散|不相邻|不连续|isolated|separate|never two in a row", re.I)
BOUND_PCT = re.compile(rf"(?:{BOUND_WORDS})\s*({N})\s*%|({N})\s*%\s*(?:{BOUND_AFTER_WORDS})", re.I)
WINDOW_GROUP = re.compile(
    rf"({N})\s*(?:个|次)?\s*(?:完整的?|consecutive |连续的?)?\s*(?:(\d+)\s*分钟(?:的)?\s*(?:统计)?"
    rf"|(\d+|one|three|five|ten)[- ]minute\s*(?:statistic\w*\s*)?)?"
    rf"(?:窗口|区间|单位|粒度|统计点|统计周期|周期|时间窗|时段|(?<=个)点|(?<=个\s)点|(?<=分钟)点|(?<=分钟\s)点"
    rf"|windows?|intervals?|units?|buckets?"
    rf"|slots?)", re.I)
RATE_PCT = re.compile(  # an error rate, not a threshold (错误率超过 5% counts bad windows)
    rf"(?:{RATE_WORDS}|errors?|failed|失败|报错)"
    rf"(?![^，,。；;\d%]{{0,12}}?(?:{BOUND_WORDS}))"
    rf"[^，,。；;\d%]{{0,12}}?({N})\s*%(?!\s*(?:{BOUND_AFTER_WORDS}))"
    rf"|({N})\s*%\s*(?:的)?\s*(?:{RATE_WORDS}|内部错误|(?:internal[- ])?errors?"
    rf"|failure|Inner ?Error|InternalError"
    rf"|(?:of (?:the |all )?(?:requests|calls)\s+)?(?:failing|failed|errored))", re.I)
MEAN_ERROR = re.compile(  # 平均每 5 分钟错误率 0.62%, 每 5 分钟错误率平均是 0.42%
    rf"(?:average|mean|平均)[^，,。；;%]{{0,30}}?(?:{RATE_WORDS})[^，,。；;\d%]{{0,12}}?({N})\s*%"
    rf"|(?:{RATE_WORDS})\s*(?:的)?\s*(?:平均值?|均值|on average|averaged?)[^，,。；;\d%]{{0,6}}?({N})\s*%",
    re.I)
BARE_PCT = re.compile(rf"({N})\s*%")
RATE_SUM = re.compile(  # 5 分钟错误率加起来是 36 / the sum of our 5-minute error rates is 120
    rf"(?:(\d+)\s*分钟)?\s*(?:{RATE_WORDS})\s*(?:统计|数据|数值)?\s*(?:之和|总和|的和|加起来|相加|加总|累加|求和)\s*"
    rf"(?:后|一共|总共)?\s*(?:是|为|=|：|:|共|有|得)?\s*({N})\s*(%)?"
    rf"|(?:sum|total) of (?:(?:our|the|all|all the|its)\s+)?(?:(\d+)[- ]min(?:ute)?s?\s+)?"
    rf"(?:{RATE_WORDS})s?\s*(?:for [a-z]+\s+)?(?:is|was|=|:|came to|comes to)\s*({N})\s*(%)?"
    rf"|(?:(\d+)[- ]min(?:ute)?\s+)?(?:{RATE_WORDS})s?\s+(?:add|adds|added|sum|summed)\s+up\s+"
    rf"to\s*({N})\s*(%)?", re.I)
RATE_FIRST = re.compile(  # 错误率 100% 的窗口有 48 个，50% 的有 24 个: the rate, then the count
    rf"({N})\s*%\s*的\s*(?:(?:(?:\d+\s*分钟)?\s*(?:{UNIT_NOUN}|点))?\s*(?:有|共|共有|一共|是|为)"
    rf"|(?:\d+\s*分钟)?\s*(?:{UNIT_NOUN}|点))\s*({N})\s*个")  # 错误率 100% 的 5 分钟窗口 96 个
RATE_RATIO = re.compile(
    rf"({N})\s*个?\s*(?:请求|requests?|calls?)[^，,。；;\d]{{0,8}}?({N})\s*个?\s*"
    rf"(?:返回|失败|报错|错误|errors?|failed)|({N})\s*(?:of|out of)\s*({N})\s*"
    rf"(?:requests?|calls?)", re.I)
ALL_FAILED = re.compile(
    r"全部(?:失败|错误|报错|返回|不可用|内部错误)|全挂|请求全部|都失败|全失败|全(?:部)?是[^，,。；;]{0,12}错误码?"
    r"|failed (?:completely|entirely|outright)|(?:completely|entirely|fully) failed"
    r"|所有[^，,。；;]{0,10}(?:请求|调用)都(?:返回|失败|报错)|every request (?:returned|failed|errored)"
    r"|all (?:requests |calls )?(?:failed|errored|errors?)|every (?:single )?(?:call|request)"
    r"[^,.;]{0,30}(?:fail|error)|total failure", re.I)
RUNS_RE = re.compile(
    rf"连续(?:两|2)个\s*(?:5\s*分钟)?[^，,。；;\d]{{0,12}}?(?:共|有|一共|总共|合计)\s*({N})\s*(?:次|段|回)"
    rf"|({N}|two|three|four|five|six)\s*(?:次\s*[“\"]?\s*连续(?:两|2)个\s*(?:5\s*分钟)?[^，,。；;]*?"
    rf"(?:统计点|统计单位|单位|窗口|周期|粒度|[^，,。；;]*)"
    rf"|(?:occurrences|runs|times) of two\s+consecutive[^,.;]*)"
    rf"(?:\s*[（(]\s*(?:每次|each)\s*(?:10|ten)\s*(?:分钟|minutes?)\s*[)）])?", re.I)
SAME_THING_FAILED = re.compile(
    rf"({N})\s*(?:次|个|条)?\s*(?P<thing>[A-Za-z]{{3,}}|[\u4e00-\u9fff]{{2}})"
    rf"[^。\n]{{0,80}}?({N})\s*(?:次|个|条)?\s*(?:of them\s*|of those\s*)?(?P=thing)\s*"
    rf"(?:failed|were failed|errored|失败|出错|报错)", re.I)
TOTAL_THEN_FAILED = re.compile(  # 一共发起了 200 次扫描，有 3 次新建任务失败: a total, then failures
    rf"(?:一共|总共|共计|共|累计)[^。\n\d]{{0,6}}({N})\s*次\s*(?P<thing>[\u4e00-\u9fff]{{2}})"
    rf"[^。\n\d]{{0,12}}?({N})\s*次[\u4e00-\u9fff]{{0,6}}?(?:失败|出错|报错)")
DENOMINATOR = re.compile(  # the minutes that had valid requests, said before or after
    rf"(?:有效|总|全部|统计|total|valid)[^，,。；;\d]{{0,12}}?({N})\s*(?:分钟|minutes?)"
    rf"|有效[^，,。；;\d]{{0,8}}?分钟数\s*(?:是|为|共|一共|有)?\s*({N})(?!\.?\d)(?!\s*(?:次|个|%))"
    rf"|({N})\s*(?:分钟|minutes?)\s*(?:that|which|with)?\s*(?:had|having|with)\s*(?:valid\s*)?"
    rf"(?:requests?|traffic|calls?)"
    rf"|(?:requests?|calls?|traffic)\s+in\s+({N})\s*(?:distinct |different |separate )?"
    rf"minutes?", re.I)
DENOMINATED = re.compile(  # the unavailable minutes among them
    rf"(?:其中|中有|里有|里面|of which|among them|with|of those|and|故障|不可用|失败)[^\d。；;]{{0,12}}?"
    rf"({N})\s*(?:of (?:those|them)\s*)?(?:分钟|minutes?)"
    rf"(?=[^。；;]{{0,16}}(?:不可用|故障|失败|unavailable|down|failed|outage))?"
    rf"|({N})\s*(?:of (?:those|them)\s*)?(?:分钟|minutes?)[^。；;\d]{{0,12}}?"
    rf"(?:不可用|故障|失败|unavailable|down|failed|outage)", re.I)
THRESHOLDS = re.compile(
    rf"(?:超过|大于|多于|不少于|至少|满|长于|不足|不到|未满|不满|不超过|少于|低于|短于|over|more than"
    rf"|longer than|at least"
    rf"|less than|under|exceed\w*|(?<!add )(?<!adds )(?<!added )up to|最多|最长|允许|可以有"
    rf"|only allows?|allows?(?: for)?|permits?)\s*(?:约|大约|~|about|roughly)?\s*({DURATION})"
    rf"\s*(?:以上|以内|以下)?"
    rf"|({DURATION})\s*(?:以上|以内|以下|or (?:more|longer|less))"
    rf"|\b\d+-(?:second|minute|hour)s?\s+(?:rule|threshold|limit|minimum|window rule)"
    rf"|{DURATION}\s*(?:之)?内(?=[^，,。；;\d]{{0,12}}(?:≥|>=|>|超过|大于|多于|至少|不少于)\s*\d)",  # 1分钟内
    re.I)  # 失败≥5次: the window of a count the agreement sets
SAME_AS_RANGE = "与起止时间相同"  # a length said again for the times given
FIGURE_CHECKED = re.compile(  # a colleague put the outage at 86 minutes — can you confirm?
    r"confirm|verify|double-?check|is (?:that|this|it) right|correct\?|colleague|核对|核实|确认"
    r"|对不对|对吗|是否正确|同事", re.I)
RANGE_DISAGREES = "a length said with a clock range that gives another: which is right?"
CLAIM_WINDOW = re.compile(  # claim within 60 days / 60 天内申请 / 申请期限 60 天: not an outage
    rf"(?:claim|apply|file|申请|索赔|提交)[^,.;，。；\d]{{0,16}}?(?:within|in)\s*({DURATION})"
    rf"|({DURATION})\s*(?:内|以内|之内)\s*(?:申请|提交|索赔|提出)"
    rf"|({DURATION})\s*的?\s*(?:期限|时限|申请期|索赔期|窗口期)"  # 申请有 60 天期限
    rf"|(?:期限|时限|申请期|索赔期)\s*(?:是|为|有|只有|仅)?\s*({DURATION})"
    r"|\b(\d+)[- ]days?\s+(?:window|deadline|limit|claim|period)"
    rf"|within\s*({DURATION})\s*(?:of|after|from)\s+(?:the\s+)?(?:end|close)\b", re.I)  # within 60
# days of the end of the month, per the SLA
_TERM = r"\(?\s*\d+(?:,\d{3})*(?:\.\d+)?\s*(?:个点|个|分钟|min(?:utes?)?|天|小时|h\b)?\s*\)?"
MINUTES_COUNTED = re.compile(r"[^，,。.;；\d]{0,12}?(?:minutes?|mins?\b|hours?|分钟|小时|钟头)", re.I)
OWN_MATH = re.compile(  # the user's arithmetic, its result too: (43200 − 490)/43200 ≈ 98.87%
    rf"{_TERM}(?:\s*[×xX*＊+＋−/÷]\s*{_TERM})+\s*(?:=|≈|约等于|约为|等于|→)\s*"
    rf"\d+(?:,\d{{3}})*(?:\.\d+)?\s*(?:[%％]|分钟|minutes?|mins?|个)?")
OWN_DIVISION = re.compile(rf"{_TERM}\s*(?:除以|÷|divided by)\s*{_TERM}", re.I)  # said in words
MONEY_MATH = re.compile(r"元|块|[¥￥$]|CNY|RMB|费|账单|消耗|席|bill|fee|cost|price|paid|spent", re.I)
MATH_CUE = re.compile(r"同事说|同事认为|客户(?:说|认为|觉得)|他们?说|我自己算|自己算|我算|按我算|算下来|我数了|数下来"
                      r"|自己按[^，,。；;]{0,8}算"
                      r"|colleague (?:says|said|insists|thinks)|my math|by my count|I count(?:ed)?"
                      r"|I (?:calculated|worked|figured)",
                      re.I)
OWN_SUBJECT = r"(?:自己|我们|我|客户|同事|他们?|\b(?:colleague|I|we|they|the customer)\b)"  # who worked
OWN_RESULT = re.compile(  # 客户自己按“不足1分钟按1分钟”算出来433分钟: their total, redone by the rule
    rf"(?:{OWN_SUBJECT}[^。；;!?！？\n]{{0,30}}?"
    rf"(?:算出来?|算得|算下来|得出|\b(?:calculated|computed|figured|worked out|came to))"
    rf"|\b(?:our|my|their|the customer's) (?:math|count|calculation|estimate|tally)\b)"
    rf"[^，,。；;\d]{{0,8}}?({DURATION})(?!\s*[\d¥￥])", re.I)  # 折算下来一天 200 块: a price
AVERAGED = re.compile(  # averaged over three instances it's only 40 minutes each: their division
    rf"(?:\baveraged? (?:over|across|out)\b[^.;。；]{{0,30}}?|\bon average\b[^.;。；]{{0,12}}?"
    rf"|平均(?:下来|每[台个])?[^，,。；;\d]{{0,6}}?)({DURATION})", re.I)
OWN_FIGURE = "your own arithmetic"
OWN_AVAILABILITY = re.compile(  # 客户自己按30天算的可用性是99.03%: their arithmetic
    rf"{OWN_SUBJECT}[^，,。；;!?！？\n]{{0,14}}?"
    r"(?:算|computed|calculated|worked out|figured)[^，,。；;!?！？\n\d]{0,12}?(\d+(?:\.\d+)?\s*[%％])",
    re.I)
CUED_AVAILABILITY = re.compile(  # By my count availability is about 99.27%: their arithmetic
    rf"(?:{MATH_CUE.pattern})[^，,。；;!?！？\n\d]{{0,30}}?(\d+(?:\.\d+)?\s*[%％])", re.I)
PCT_CORRECTED = re.compile(rf"({N}\s*[%％])\s*[？?]?\s*[，,。]?\s*(?:{TAKEN_BACK}|不是|不对|\bno\b|\bnope\b)"
                           rf"\s*[，,：:]?\s*"
                           rf"(?:是|应该是|it'?s|it was|is)?\s*(?={N}\s*[%％])", re.I)
WHAT_IF_LONGER = re.compile(  # 要是再多挂一个小时呢 / if it had run an hour longer: asked apart
    rf"(?:要是|如果|假如|假设|万一|若是?|倘若)[^。；;？?！!\d]{{0,12}}?(?:再|多)多?"
    rf"(?:[^。；;？?！!\d]{{0,4}}?1\s*次[^。；;？?！!\d]{{0,3}}?)?"  # 如果再出一次 30 分钟的故障
    rf"(?:挂|断|宕|停|中断|不可用|持续|拖|延长|长|久|坏|晚|迟)?了?\s*({DURATION})"
    rf"|\b(?:if|what if|suppose|had|would)\b[^.?!;。？！\d]{{0,50}}?(?:\b(?:another|an extra|one more)\s+)?"
    rf"({DURATION})\s+(?:longer|more)\b"
    rf"|\b(?:if|what if|suppose)\b[^.?!;。？！\d]{{0,50}}?\b(?:another|an extra|one more)\s+({DURATION})",
    re.I)
WHAT_IF = "a what-if: not counted, worked out apart"
WHAT_IF_COUNT = "a what-if count, not this month's"
WHAT_IF_MORE = re.compile(  # 如果再多超时两次呢 / what if there had been 2 more: not this month's count
    r"(?:要是|如果|假如|假设|万一|若是?|倘若)[^。；;？?！!\d]{0,12}?(?:再|多)多?[^。；;？?！!\d]{0,4}?(\d+)\s*次"
    r"|\b(?:if|what if|suppose)\b[^.?!;。？！\d]{0,40}?(\d+)\s+(?:more|extra|additional)\b", re.I)
NO_MORE_DOWN = re.compile(rf"({DURATION})[^，,。；;\d]{{0,4}}?(?:不再|没再|没有再|不会再)\s*(?:出|有|发生)?"
                          rf"\s*(?:问题|故障|中断)|(?<!\w)({DURATION})\s*(?:with no|without (?:any )?)"
                          r"\s*(?:more |further )?(?:outages?|issues|problems)", re.I)
EXACT_IDIOM = re.compile(r"(?:一|1)\s*(?:分钟|秒钟?|分)\s*(?:都|也)?\s*不(?:差|少|多)|分秒不差|to the minute"
                         r"|not (?:a|one|1) (?:minute|second) (?:less|more|off|short)", re.I)
SAID_AGAIN = re.compile(rf"({DURATION})\s*[，,.。]?\s*(?:就|就是|真的|整整|正好|确实|没错|yes|yeah|exactly|"
                        rf"I mean|really|just|only)\s*[，,]?\s*({DURATION})", re.I)
ONE_UNIT = re.compile(r"(?:\d+\s*(?:分钟|min(?:ute)?s?)\s*)?"  # 5 分钟为 1 个统计粒度: the 5 minutes too
                      r"(?:为|作为|算作?|计为|\bas|按\s*\d+\s*分钟)\s*((?:1|一)\s*个\s*(?:统计)?(?:粒度|周期|窗口|时间窗|点)"
                      r"|(?:one|a single) (?:window|bucket|unit|point|interval))", re.I)
SUBSET = re.compile(  # of which 30 minutes / 其中 15 个窗口: a part of a figure said before
    rf"(?:其中|当中|这其中|这里面|of (?:which|these|those|them|that)|among (?:them|these|those))"
    rf"\s*(?:有|的|就有|还有)?\s*({DURATION}|{N}\s*(?:个|次)?\s*(?:(?:5|五)\s*分钟)?\s*(?:窗口|粒度|点|统计周期"
    rf"|windows?|buckets?|points?|intervals?))", re.I)
OUTAGE_PART = re.compile(  # the first 11 minutes of that / 前 11 分钟 / 最后 10 分钟: a part of an outage
    rf"\b(?:the\s+)?(?:first|last|final|initial|opening)\s+({DURATION})"
    rf"(?=\s*(?:of\s+(?:that|it|this|those|the (?:outage|incident|window))|were|was))"
    rf"|(?:最初的?|开头的?|一开始的?|(?<![\d月号日])前|最后)\s*({DURATION})(?=\s*(?:是|都是|其实是|属于|算))",
    re.I)
QUOTED_RULE = re.compile(
    rf"连续\s*({DURATION})[^，,。；;\d]{{0,10}}?(?:才算|才计|才会被?计|才属于|才被)"
    rf"|(?:only counts?|counts? only|must last)[^,.;\d]{{0,20}}?({DURATION})", re.I)
PROMISED_BARE = re.compile(
    r"(?:承诺|保证|(?:SLA|协议|合同)\s*(?:里|上|中)?\s*(?:写的?|说的?|规定的?|是|为))[^，,。；;\d]{0,6}?"
    r"(?<![\d.])(9\d(?:\.\d+)?)(?![\d.%％])"
    r"|\b(?:promised?|guaranteed?|SLA (?:says|is|of)|agreement says)\s*(?:is|was|of)?\s*(9\d\.\d+)(?![\d%])",
    re.I)
COUNT_THRESHOLD_WORDS = re.compile(r"才|算|计入|不计|规定|协议|SLA|听说|据说|允许"
                                   r"|count|counted|rule|allowed|allowance|told|said", re.I)
PREPAY = (r"预付|预缴|预存|预充|季付|按季付?|quarterly|one shot|in one go|提前(?:付|交|支付|充|缴)|(?:一|1\s*)次性?(?:付|交|缴|支付|买|充|续)了?|prepaid|prepay(?:ment)?"
          r"|(?:一口气|一起|一块儿?)(?:付|交|充|缴|买|购买|订|续)了?|(?:交|缴|付)了(?=\s*\d+\s*个月的?(?:钱|费|服务费))"
          r"|paid upfront|paid up front|paid in advance|(?:paid|pay|paying) ahead")  # every reading
PREPAID = (  # (months, total), (total, months), (months, total), (total, months)
    re.compile(rf"(?:{PREPAY}|包|续费了?)[^。;；\d]{{0,12}}?({N})\s*(?:个)?[- ]?(?:月|months?|mos?\b)"
               rf"[^。;；\d]{{0,12}}?(?:[¥￥]|CNY|RMB)?\s*({N})(?!\s*(?:[-–~～到至]\s*\d|个?月|months?))"
               rf"\s*(?:元|块|CNY|RMB|yuan)?", re.I),
    re.compile(rf"[¥￥]?\s*({N})\s*(?:元|块|CNY|RMB|yuan)\s*(?:for|买了?|包了?|预付了?|covering|[（(])\s*"
               rf"(?:the\s+|a\s+|an\s+)?({N})\s*(?:个)?[- ]?(?:月|months?)", re.I),
    re.compile(rf"({N})\s*(?:个)?[- ]?(?:月|months?)\s*(?:{PREPAY}|at once|upfront|in advance)"
               rf"[^。;；.\d]{{0,16}}?[¥￥]?\s*({N})(?!\s*(?:个?月|months?))", re.I),
    re.compile(rf"(?:paid|prepaid|prepayment of|付了|预付了?)\s*[¥￥]?\s*({N})\s*(?:元|块|CNY|RMB|yuan)?\s*"
               rf"(?:upfront|up front|in advance)?\s*(?:for|covering)\s*(?:the\s+|a\s+|an\s+)?({N})\s*"
               rf"(?:个)?[- ]?(?:月|months?)", re.I),
)
PREPAID_MONTHS = re.compile(
    rf"(?:{PREPAY}|(?:\d次)?(?:买|购买|订购|续费|续|包)了|bought|purchased|subscribed)"
    rf"\s*(?:了|for|for the next)?\s*({N})\s*(?:(?:个)?[- ]?(?:月|months?)|(年|[- ]?years?))(?!\s*[-–])"
    rf"|({N})[- ](?:month|(year))s?\s+(?:prepayment|prepaid|upfront)"
    rf"|(?:{PREPAY}|(?:买|购买|订购|续费|续|包)了|bought|purchased)\s*(?:for\s+)?({N})\s*(?:个)?\s*"
    rf"(?:季度|quarters?)", re.I)  # prepaid one quarter: 3 months
PREPAID_SAID = re.compile(rf"{PREPAY}|充值|一次性|upfront|up front|in advance"
                          r"|\d\s*个\s*月(?:的)?\s*套餐|\d[- ]months?\s+(?:plan|package|subscription)",
                          re.I)  # 3 个月套餐 1,350 元: paid ahead for those months
PAID_WORDS = re.compile(r"实付|实际支付|实际付|实际消耗|实际扣费|实际花费|实际产生|产生费用|消费|付了"
                        r"|花了|花费|actually paid|paid|billed|consumed|consumption|spent|spend"
                        r"|burn(?:ed|t)|used up|drew down|drawn down"
                        r"|usage", re.I)
NOT_MONEY_AFTER = r"(?!\s*(?-i:(?!CNY|RMB)[A-Z]{2,})\b)"  # 36,000 VUM, 500 GB: a quantity, not money
COIN = r"块(?:钱)?(?=\s*(?:$|[，,。；;！!？?）)/每一的左多]|[A-Za-z]|1\s*个?\s*月|1\s*年))"  # 260块,
# 两千块一个月 (read as 块1个月); not 1块数据盘
MONEY = re.compile(
    rf"(?:[¥￥]|CNY|RMB)\s*({N})|({N})\s*(?:元|块钱|{COIN}|CNY|RMB|yuan|人民币|bucks?\b"
    rf"|(?:/|每|per |a |1\s*个|1\s*(?=年))(?:月|month|mo\b|年|year))"  # 1188 一年 (1188 1年)
    rf"|(?:月费|月度服务费|服务费|年费|费用|实付|实际消耗|消耗|账单|费|代金券|标价|订单(?:金额)?|合同(?:金额|额|价)"
    rf"|签约金额|contract (?:value|amount|price)"
    rf"|monthly fee|annual fee|fee|bill|charges?|monthly|月租|rental|rent"
    rf"|(?:cash )?paid for [^\d:：,，。]{{1,16}}[:：])"  # Cash paid for July: 2,500
    rf"(?:{MASK}+|[^\d。；;%，,]){{0,6}}({N})(?!\.?\d){NOT_MONEY_AFTER}(?!\s*(?:%|次|个|分钟|小时|秒|天|台|条|GB|TB))"
    rf"|(?:付了|付的是|花了?|花费|交了|支付了?|消费了?|消耗了?|充了|spent|spend|paid|pay(?:s|ing)?|costs?|costing"
    rf"|charged|(?<!\d)1\s*个月"
    rf"|每个月|每月|月付|包月|一共|总共|合计|共计|共|另计|另付|另算|另外算|另外计费|单独计费|另外"
    rf"|(?<![\d.])1\s*年[，,、:：\s]*|包年|年付|每年)"
    rf"\s*(?:的\s*[，,]\s*)?(?:(?:现金|实际|固定|大概|大约|差不多|基本上?|一般|通常)\s*)?"  # 每月现金付
    rf"(?:了|是|共|约|大约|都是|要交|要付|交|付|价格|的价格|价格是|was|is)?\s*"
    rf"({N})(?!\.?\d)"  # 年付的，21,600
    rf"{NOT_MONEY_AFTER}"
    rf"(?!\s*(?:天|小时|个|钟|分|秒|次|台|%|年|月|号|日|GB|TB"
    rf"|季|周|days?|hours?|min|times|instances|requests|calls|years?|months?|quarters?|weeks?))"
    rf"|({N})\s*(?:的)?\s*(?:prepaid\s+)?(?:package|bundle|套餐包|资源包)"  # a 50k package
    rf"|({N})\s*(?:every|each|per|a)\s+month\b|({N})\s*monthly\b"  # 1.2k every month, 3500 monthly
    rf"|(?:invoice|bill)[^\d。；;%]{{0,20}}?(?:was|is|came to|came in at|totall?ed|of)"
    rf"\s*[¥￥]?\s*({N})"
    rf"|(?:包年价|年价|annual subscription|yearly subscription|yuan)\s*(?:是|为|of)?\s*({N})"
    rf"|({N})\s*(?:元|块)?\s*(?:的)?\s*(?:代金券|优惠券|抵用券|vouchers?|coupons?)",  # 一张 200 的优惠券
    re.I)
SEVERAL_ITEMS = re.compile(  # resources an SLA pays for one by one (a fleet of instances aside)
    r"(?<![\d.])(?:[2-9]|[1-9]\d)\s*个\s*[^\d，,。；;]{0,10}?(?:文件系统|模块|应用|集群|域名|存储桶|桶|项目"
    r"|机位|站点|网站|频道|数据库|产品|IP|地址|证书|通道|隧道|线路|专线|网关|终端节点|队列|主题)"
    r"|\b(?:two|three|four|five|several|both|[2-9])\s+(?:\w+\s+)?(?:apps|applications|modules"
    r"|file ?systems|clusters|domains|buckets|projects|sites|databases|products|IPs|EIPs|addresses"
    r"|certificates|tunnels|gateways|lines|endpoints|queues|topics)\b"
    r"|(?:和|跟|与|及)[^，,。；;\d]{1,12}?(?:是)?一起(?:买|购买|开通|订购|付费)"  # KMS 和云加密机是一起买的
    r"|(?:bought|purchased|billed|paid) (?:together|as a bundle)|together with", re.I)
OUTAGE_SAID = re.compile(r"断|宕|挂|不可用|故障|失败|报错|出错|出问题|出了问题|异常|打不开|连不上|down\b|outage|unavailable"
                         r"|fail|error|unreachable|\b5xx", re.I)
LEFT_OUT = re.compile(r"没算进去|没算在内|不算在内|没有算进|没计入|不计入|未计入|已排除|排除在外|不包括在内"
                      r"|(?:not|weren't|wasn't|aren't) (?:counted|included)|excluded|left out",
                      re.I)
TRIED = re.compile(r"(?:重启|重试|刷新|重连|试|电话打|打电话|打|拨打?|催|联系|called|phoned|rang"
                   r"|restart(?:ed)?|retr(?:y|ied)|reboot(?:ed)?|refresh(?:ed)?)"
                   r"\s*(?:了|过)?\s*$", re.I)
SUPPORT_WAIT = re.compile(  # support took 3 hours to reply, on hold for 25 minutes: no outage
    r"(?:客服|工单|技术支持|售后|工程师|support|helpdesk|hotline|ticket)[^，,。；;.]{0,24}(?:回复|响应|答复|等了|提交|开了"
    r"|reply|replied|respond|on hold|open(?:ed)?|filed|submitted)|on hold"
    r"|(?:已经?|都)?(?:提交|报障|报修|提单)了?\s*\d", re.I)
STAFF_TIME = re.compile(  # the customer's people working around an outage, not the outage
    r"人工|手工|手动|加班|排查了|折腾|忙了|熬了|分拣|补录|返工|by hand|manual(?:ly)?|overtime"
    r"|现场|吊装|施工|停工|停产|产线|生产线|干等|on[- ]site|production line|sat idle"
    r"|spent|worked|working|firefight|troubleshoot", re.I)
ITEM_BREAK = re.compile(r"[。；;，,.!?！？]|\band\b|\bwhile\b|和|及|另外|而")
ITEM_STOPWORDS = frozenset(
    "month monthly fee fees pay paid pays cny rmb yuan for the is are and per a an they we our "
    "their its of each edition instance module service plan cost costs costing at on in was were "
    "had has have it that this with".split())
SEVERAL_INSTANCES = re.compile(
    r"(?<![\d.])([2-9]|[1-9]\d)\s*(?:台|个\s*(?:[A-Za-z][\w-]*\s*)?(?:实例|节点)|块(?:盘|云盘|硬盘|数据盘)?(?!钱)"
    r"|个机位)"
    r"|\b(two|three|four|five|six|both|several|[2-9]|[1-9]\d)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:instances|servers"
    r"|nodes|VMs|disks|machines|hosts)\b", re.I)
ONE_AND_OTHER = re.compile(r"\b(?:one|the other|another|the first|the second|the third)\b"
                           r"(?= (?:for|was|had|went|lasted|down|\d))", re.I)  # 1台/另1台: INSTANCE_MARK
HEADS_AFTER = re.compile(r"\s*(?:多|余)?\s*(?:DAU|MAU|(?:daily |monthly |active |concurrent )?(?:users?"
                         r"|players?|customers?|devices?|accounts?|employees?|people|members)\b|用户|玩家"
                         r"|人|名(?:用户|玩家|员工)?|位(?:用户|客户)?|个(?:用户|玩家|账号|设备))", re.I)
OTHER_METRIC = re.compile(r"\bratio\b|hit rate|\busage\b|utili[sz]ation|\bCPU\b|\bmemory\b|内存|命中"
                          r"|丢包|带宽|\bbandwidth\b|\bthroughput\b|\bscore\b|\bQPS\b|packet loss"
                          r"|load average", re.I)  # (not
# the load balancer's availability)
MEASURED_WORDS = re.compile(r"实际|报表|监控|控制台|actual|dashboard|console|report", re.I)
UNAVAILABILITY = re.compile(  # the share of the month down, said as a rate before the figure
    r"不可用(?:率|比例|占比|时间占比)|(?:downtime|outage) (?:rate|ratio|share|percentage)"
    r"|\bunavailability(?: rate)?\b[^,.;，。；\d]{0,12}$", re.I)
AVAILABILITY_SAID = re.compile(r"可用性|可用率|成功率|availability|uptime|success rate", re.I)
FELL_TO = re.compile(r"(?:fell|falls?|dropped|drops?|went down|goes down|dipped|dips?|掉到|降到|跌到|掉至|降至)"
                     r"\s*(?:to\s*)?(?:(?:only|like|about|around|roughly|approximately|大概|大约|约)\s*)?$",
                     re.I)  # "if it drops to like 98%": a hedge before the figure
FEE_EACH = re.compile(r"每台|单台|每个实例|每实例|每个节点|每个机位|每块盘|每块|/\s*台|/\s*(?:个)?(?:节点|实例)"
                      r"|\d+\s*(?:台|个实例|个节点|instances?|nodes?|servers?)\s*[×xX*]\s*[¥￥]?\s*(?:CNY\s*)?\d"
                      r"|/\s*(?:月|month|mo)\s+each\b|\beach (?:is|costs?|runs?|at)\s*[¥￥]?\s*(?:CNY\s*)?\d"
                      r"|\d\s*(?:元|块|CNY|RMB|yuan)\s+each\b"  # 3 nodes at 700 RMB each per month
                      r"|[¥￥$]\s*\d+(?:\.\d+)?\s+each\b|每个\s*(?:每月|每个月|一个月|月)?\s*[¥￥]?\s*\d"
                      r"|[一1]\s*台[^，,。；;]{0,12}?(?:月付|每月|月费|/月)"  # 一台 2 核 4G 月付 168
                      r"|/\s*(?:instance|node|server|machine)\b"
                      r"|(?:each|per) (?:instance|server|node"
                      r"|machine|disk|volume|cluster|bucket|domain|app|database|endpoint)|(?:都是|各是|各为|each (?:is|costs?))\s*[¥￥]?\s*\d+(?:\.\d+)?\s*"
                      r"(?:元|块|CNY)?\s*(?:/|一个|1\s*个|每个?|a|per)\s*(?:月|month)", re.I)
PARTIAL_OUTAGE = re.compile(
    r"部分用户|部分请求|部分调用|部分客户|一部分(?:用户|请求|客户)|有些用户|有的用户|个别用户|少数用户|时好时坏|间歇性"
    r"|some (?:of (?:our |the )?)?(?:users|requests|calls|customers)|a few (?:users|customers)"
    r"|partial(?:ly)? (?:outage|failure|down|unavailable|loaded|working|up)|intermittent|flaky"
    r"|(?:calls?|requests?|actions?|operations?|sends?|messages?|logins?|some|a few|half|the rest"
    r"|others|remaining)\b[^.。;；]{0,30}?(?:went|got) through"
    r"|\b\d{1,2}\s*%\s*of\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}(?:were|was)\s+(?:being\s+)?"
    r"(?:dropped|failing|failed|lost|rejected)"  # about 30% of device uplinks were being dropped
    r"|some (?:\w+ )?succeeded|most (?:\w+ )?failed|部分成功|有的成功|大部分失败"
    r"|有的(?:分钟|时段|时候|窗口)[^。；;]{0,12}?有的"  # 有的分钟失败很多，有的就一两次
    r"|some minutes[^.;]{0,30}?(?:others|other minutes)"
    r"|多数失败|时而成功|部分能(?:操作|用|访问)|部分可用|partly (?:working|up)|部分(?:操作|功能|接口)[^，,。；;]{0,4}成功"
    r"|大部分(?:员工|用户|同事|客户|设备|终端)|(?:几个|少数|个别|有些|有的)(?:员工|同事|用户|客户|设备|终端)"
    r"[^，,。；;]{0,8}(?:能|可以)(?:登|用|连|访问)|断断续续(?:能|可以)"  # 中间也有几个同事断断续续能登上去
    r"|partially (?:working|available|up)|\bstill work(?:ed|ing)\b|\bpart(?:ial)?ly succe\w+"
    r"|(?:不是|并非|并不是|没有)(?:所有|全部|每个|每一个?)(?:的)?(?:请求|调用|用户|操作|写入)?(?:都)?(?:失败|报错|不可用|出错)"
    r"|not (?:all|every)(?: (?:of )?(?:the |our )?[\w-]+)? (?:requests?|calls?|writes?|users?)?"
    r"\s*(?:failed|errored|were failing|was failing)"  # 不是所有请求都失败 / not all requests failed
    r"|(?:其[他余]|别的)(?:的)?(?:功能|模块|接口)(?:都|还)?(?:是)?(?:正常|好的|能用)"
    r"|[\u4e00-\u9fff]{2,}、[\u4e00-\u9fff]{2,}(?:这些|那些|等)(?:都|还)?(?:是)?(?:正常|好的|能用|没问题)"  # 电子卡、
    # 成员管理这些是好的: the product's other parts worked
    r"|other (?:features|functions|modules|APIs) (?:were |kept )?(?:fine|working|normal)"
    r"|\bonly (?:the )?[\w-]+(?: [\w-]+)? (?:was|were) (?:failing|down|broken)"
    r"|(?<![\d.])(?<!than )(?<!over )(?<!above )(?<!超过)(?<!高于)(?<!大于)(?<!> )(?<!>)"  # not a bound
    r"(?:[1-9]|[1-9]\d)(?:\.\d+)?\s*%\s*(?:of\s+|的\s*)?(?:the\s+|our\s+)?"
    r"(?:players|users|customers|devices|clients|玩家|用户|客户|设备)"  # about 4% of players, 70%的用户
    r"|(?:~|约|大约|about\s+)(?:[1-9]|[1-9]\d)(?:\.\d+)?\s*%\s*(?:的)?\s*(?:failures|errors|失败|报错)", re.I)
FULL_FAILURE = re.compile(r"全部失败|都失败|全部报错|完全(?:不可用|打不开|失败)|all (?:requests |calls )?failed"
                          r"|(?:一直|始终)(?:都)?(?:登不上|连不上|打不开|失败|报错|不可用|不通)"  # 一直登不上
                          r"|every (?:\w+ )?(?:request|call|login|send|attempt)s? (?:\w+ )?failed"
                          r"|completely (?:down|failed)", re.I)
MULTI_YEAR = re.compile(  # 三年套餐, a 2-year plan: a total no SLA reads as a month's fee
    r"(?<![\d.])(?:[2-9]|10)\s*(?:个)?(?:年|-?years?)\s*(?:的)?\s*(?:套餐|包|合同|订阅|服务期|plan|package"
    r"|bundle|subscription|contract|term)|包\s*(?:[2-9]|10)\s*年", re.I)
DRAWN_PACK = re.compile(r"资源包|流量包|套餐包|(?:resource|token|traffic|usage|credit|prepaid) pack", re.I)
USED_FROM = re.compile(r"consum\w*|\bused\b|burn\w*|实际消耗|消耗|用掉|用了", re.I)  # what was used
USED_AFTER = re.compile(r"\s*(?:元|块|CNY|RMB|yuan)?\s*(?:of (?:it|that|the package)\s+)?"
                        r"(?:was|were|got|has been|had been)?\s*(?:actually\s+)?"
                        r"(?:consumed|used|burned|drawn down)\b|\s*(?:元|块)?\s*(?:被)?(?:实际)?(?:消耗|用掉)", re.I)
PACKAGE = re.compile(r"套餐包|资源包|流量包|充值|预存|package|bundle|top[- ]?up|recharge", re.I)
AGGREGATE_FEE = re.compile(r"合计|总共|一共|共计|总计|加起来|套餐包|资源包|总消费|总费用|总额|总月费|总的月费"
                           r"|总账单|账单总|整个账号|全账号|整个账户|账户整个|账户总|所有域名|全部域名"
                           r"|in total|combined|altogether|\btotal\b"
                           r"|for (?:all|the) (?:\d+|two|three|four|five|six)\b"
                           r"|package|bundle|whole (?:bill|account)", re.I)
ANNUAL_WORDS = re.compile(rf"{ANNUAL_RE.pattern}|(?<![\d.])1\s*年(?!\s*\d{{1,2}}\s*月)|/年|12\s*个月|全年|整年"
                          r"|(?:for )?the (?:whole|full|entire) year|for the year"
                          r"|for (?:one|1|a) (?:whole |full )?year", re.I)
MONTHLY_LABEL = re.compile(r"月费|月度服务费|每月|每个月|包月|/月|/\s*month|/\s*mo\b|per month|a month|monthly"
                           r"|1\s*个月", re.I)
MONTHS_OWN = re.compile(r"实际|当月|月份|this month|that month|actual", re.I)  # the month's own charge
ANNUAL_PLAN = re.compile(r"(?:annual|yearly) (?:[a-z]+ )?(?:plan|subscription|contract|billing"
                         r"|price|fee|cost|licen[cs]e|payment|charge|bill|renewal|spend)"
                         r"|(?:one|1|a)[- ]year (?:plan|subscription|contract|package)"
                         r"|billed (?:annually|yearly)|年付|包年|年包|年度套餐|年度订阅|(?<![\d.])1\s*年期"
                         r"|(?:pre)?paid (?:for )?(?:one|1|a) (?:full |whole )?year\b", re.I)
SHARE_BEFORE = re.compile(RATE_WORDS, re.I)
SHARE_AFTER = re.compile(r"\s*(?:的)?\s*(?:请求|调用|用户|requests?|calls?|users?|customers?|of (?:the |our )?"
                         r"(?:requests|calls|users))", re.I)
ERROR_AFTER = re.compile(r"\s*(?:的)?\s*(?:errors?\b|error rate|失败|错误|报错)", re.I)  # 100% errors
LOSS = re.compile(r"损失|亏损|亏了|少赚|营收|销售额|\blost\b|\bloss(?:es)?\b|revenue|in sales\b"
                  r"|\bdamages\b", re.I)  # the customer's own losses: never the fee
CLAIMED = re.compile(r"赔|补偿|代金券|credit|compensat|refund|voucher|能拿|拿到|拿回", re.I)
VOUCHER_PART = re.compile(  # the part of a bill a voucher paid (the SLAs' fee leaves it out)
    r"(?<!不含)(?<!不包括)(?<!excluding )(?<!without )"
    r"(?<!多少)(?<!赔)(?<!偿)(?<!什么)(?<!啥)(?<!what )(?<!which )"  # 能赔多少代金券: the credit asked
    r"(?:代金券|优惠券|抵用券|抵扣|(?<=的)券|张券"
    r"|voucher|coupon)",
    re.I)
VOUCHER_USED = re.compile(r"(?:用了|使用了?|拿|抵扣?了?|抵掉|(?:was|were) (?:paid|covered|settled) (?:with|by)"
                          r"|used|applied|redeemed|knocked|took)[^，,。；;\d]{0,6}(?:\d|代金券|优惠券|voucher"
                          r"|coupon)|\d\s*off\s+with\s+(?:a\s+|our\s+)?(?:voucher|coupon)", re.I)
ADDED_VOUCHER = re.compile(r"另|额外|此外|plus|on top|additional|besides|\+", re.I)  # paid besides
BALANCE = re.compile(rf"{PACKAGE.pattern}|余额|没用完|未使用|剩余"  # money paid in, not a month's charge
                     r"|\b(?:prepaid|pre-paid|balance|unused|remaining|left over)\b", re.I)
USED_UP = re.compile(  # what the month drew on it
    r"(?<!没)(?:消耗|消费|用掉|用了)|\bused\b|consum|spent|burn", re.I)
BILLED_APART = re.compile(r"另计|另付|另外计费|单独计费|另外\s*[¥￥]?\s*\d|billed separately"
                          r"|charged separately|\banother\s+(?:[¥￥$]|CNY|RMB)\s*\d", re.I)  # 底层资源
# 另外 6 万, gateway bills are another ¥2200
UNRELATED = re.compile(  # 另外那台只读的 560 跟这次没关系, EIP 带宽另算 800, (¥50/mo) was fine
    r"没关系|无关|不相关|另算|另外算|单独算|(?<!算)不算(?!在内)|不用管|不用算|别算|不要算|不是这个(?:产品|服务)"
    r"|先不管|先不算|暂时不管|暂不考虑|不用考虑|先放一边|忽略|不用理|别管"
    r"|\bignore[ds]?\b|\bunrelated\b|not related|not involved|separately|irrelevant"
    r"|not this (?:product|service)"
    r"|(?:is|was|are|'s|that's|it's) (?:a )?separate\b"
    r"|(?:does not|doesn't) count", re.I)
UNRELATED_ASIDE = re.compile(  # the domain renewal (unrelated) was 69 yuan: said in brackets
    rf"[(（][^()（）\d]{{0,16}}(?:{UNRELATED.pattern})[^()（）\d]{{0,8}}[)）]", re.I)  # (holding no
# amount of its own: 2,800 块（另外还有 COS 归档 600 不算） sets aside the 600 only)
SPACED = re.compile(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fffA-Za-z\d])")  # 账单1200 EIP…
RECOVERED = re.compile(r"恢复|回到|back to|restored", re.I)  # 恢复正常: the outage's words
NOT_CLAIMED = re.compile(r"[^。；;\n\d]{0,8}?(?:不在(?:这次|本次|这个|此次)(?:申请|索赔|理赔)|不算在(?:这次|本次)"
                         r"|not (?:part of|in|included in) (?:this|the|our) claim)", re.I)
PCT_OFF = re.compile(  # list ¥2,400/mo, minus our 15% partner discount: the month's net fee
    r"\s*(?:/\s*(?:mo|month)\b|(?:a|per|/)\s*year\b)?[\s,，]*(?:minus|less|before)\s+(?:a |an |our |the )?"
    r"(\d{1,2}(?:\.\d+)?)\s*%\s*(?:\w+\s+)?(?:discount|off)\b", re.I)
LIST_PRICE = re.compile(r"原价|折前|标价|刊例价|官网价|list (?:price|quote)|quoted price|before (?:the )?discount",
                        re.I)
PERCENT = re.compile(rf"(-?{N})\s*[%％]")
NOT_MEASURED_BEFORE = re.compile(
    r"费|赔|credit|fee|承诺|commit|低于|高于|不足|超过|远超|超出|跌破|below|under|above|less than|at least|[≥≤]"
    r"|SLA|保证|guarantee|标准|档|tier|少于|不到|没达到|未达到|没有达到|未能达到", re.I)  # 没达到 99.95%: the
# commitment missed, not what was measured
NOT_MEASURED_AFTER = re.compile(  # 99.9% 的可用性承诺, your 99% line, 按 50% 赔: not measured
    r"\s*(?:的)?\s*(?:可用性|availability|uptime)?\s*(?:SLA|commitment|承诺|guarantee|保证|target|目标"
    r"|line\b|线)|\s*(?:的)?\s*(?:赔|补偿|代金券|credit|compensation|refund|voucher)"
    r"|\s*(?:以下|之下|or (?:less|lower|below)|and below)"  # 掉到 95% 以下: a tier's bound
    r"|\s*(?:的)?\s*(?:failed|failing|failures?|errors?|errored|失败|报错|出错|错误)"  # 100% failed: errors
    r"|\s*(?:of|的)\s*(?:the |your |our |its |a |one )?(?:monthly |month'?s |当月|月度)?(?:service )?"
    r"(?:fees?|bill|charges?|服务费|月费|费用)"  # pays 100% of the monthly fee: a credit, not measured
    rf"|\s*of {MONTH_DAYS} days\b", re.I)  # 99.9% of 31 days only allows 44.6 min: the rule
SETTING_BEFORE = re.compile(  # 超时阈值设的是 30 秒, health check interval is 30 seconds: a setting
    r"(?:阈值|超时|间隔|周期|粒度|频率|会话保持|保持时间|缓存|过期|健康检查|心跳|重试|保留|冷却|TTL|interval|timeout"
    r"|frequency"
    r"|threshold|health check|heartbeat|period|granularity|keep-?alive|retry|cache|expir|retention"
    r"|(?:kept|stored|retained|saved) (?:for|up to)|保存|提前|(?:notice|in advance) of"
    r"|又观察了?|继续观察了?|(?:kept|continued) (?:monitoring|watching)(?: it)? for"  # after recovery
    r"|cool-?down|RTO|RPO|target|reply within|respond within|response within|please wait|请等待"
    r"|请耐心等待|sleep|backup window|maintenance window|备份窗口|维护窗口|备份时间|维护时间"
    r"|(?<![\w])for:)"  # an alert rule's "for: 5m": how long before it fires
    r"[^，,。；;()（）\d]{0,18}$", re.I)
TIMED_OUT = re.compile(r"超时了?|过期了?|timeouts\s*(?:for)?|expired\s*(?:for)?", re.I)  # or a setting
TIMEOUT_SETTING = re.compile(r"(?:会话|连接|链接|回源|请求|session|connection)\s*$", re.I)
STOPPED = re.compile(r"停止|停了|没(?:有)?(?:执行|跑)|\bstopped\b|\bfailed\b|\bdidn'?t run\b", re.I)
SCHEDULE = re.compile(r"备份|维护|巡检|定时任务|cron|backup|maintenance|scheduled job", re.I)
LATE_NOTICE = re.compile(  # maintenance announced late: excluded only where the SLA's notice was given
    r"才(?:发|通知|公告)|临时(?:通知|公告)|没(?:有)?(?:提前)?通知|只提前"
    r"|only (?:announced|notified|told)|short notice|without (?:notice|warning)"
    r"|(?:notice|announced)[^.;]{0,20}\b(?:only|just) \d+ (?:days?|hours?)", re.I)
LATE_NOTICE_ASKED = ("maintenance announced late or not at all (the agreement requires notice in "
                     "advance): does it still exclude those minutes?")
SETTING_AFTER = re.compile(  # sleep 10s between retries, 02:00-04:00 daily: a setting or a schedule
    r"\s*(?:between (?:retries|attempts|checks|requests)|per (?:retry|attempt)|daily\b|every day"
    r"|(?:'s )?notice\b|in advance\b"
    r"|each day|nightly|every night|每天|每晚|每日"
    r"|\s*(?:之|以)?内\s*(?:给|回复|答复|响应|处理|联系|反馈|出结论|告知|到账|发放|审核)"  # 48 小时内给结论
    r"|\s*to (?:respond|reply|answer|get back|review))", re.I)
GAP_BEFORE = re.compile(r"(?:隔了?|间隔了?|相隔|中间隔|过了|after (?:a gap of|another)|gap of"
                        r"|back (?:up )?for|恢复了|好了|正常了)\s*$", re.I)
GAP_AFTER = re.compile(r"\s*(?:后|以后|之后)\s*(?:又|再|再次|第二次)|\s*(?:later|apart)\b", re.I)
DELAY_BEFORE = re.compile(r"(?:延迟|延时|晚了|latency|delay(?:ed)?|waited|等了)[^，,。；;()（）\d]{0,8}$", re.I)
TICKET_WAITED = re.compile(
    r"(?:ticket|工单|客服|support)[^，,。.;；:：\d]{0,24}(?:\bsat\b|waited|unanswer\w*|pending"
    r"|no (?:reply|response|answer)|没人(?:回|理|处理|跟进)|没(?:有)?回复|未回复|晾了)[^，,。.;；:：\d]{0,12}$",
    re.I)
PEOPLE_WAITED = re.compile(r"(?:客人|顾客|客户|用户|玩家|学员|乘客|customers?|users?|players?|people|guests?)"
                           r"[^，,。；;\d]{0,6}(?:等了|waited)", re.I)
DELAY_AFTER = re.compile(r"\s*(?:late\b|too late|later than|delay|才(?:发|收到|告警|通知|响应))", re.I)
INSTANCE_MARK = re.compile(
    r"(?:其中|另外|另)?(?:一|1|另1|第\d+|每)\s*(?:台|个实例|个节点|块(?:盘|云盘|硬盘|数据盘)?(?!钱))|实例\s*[A-Z\d]\b|[A-Z]\s*实例"
    r"|(?:其中|另外|另)?\s*\d+\s*(?:台|个实例|个节点)\s*各(?:自)?"  # 3 台各自宕机 2 小时: three of them
    r"|(?:集群|文件系统|应用|域名|桶|cluster|file system|app|application|domain|bucket)\s*[A-Z\d]\b"
    r"|\b[A-Z]\s*(?:集群|应用|节点)|\b[a-z]{2,}-(?:[a-z]|\d{1,3}|[a-z]\d{1,2})\b"
    r"|\b[a-z]{2,}-(?=[a-z0-9]*\d)[a-z0-9]{4,}\b"                          # disk-3xk9a1
    r"|(?:instance|server|node|VM|machine)\s*(?:#\s*)?(?:(?-i:[A-Z])|\d)\b"  # node B, not nodes
    r"|(?:one|the other|another|first|second|third) (?:instance|server|node|VM|machine)", re.I)
AFFECTED_BEFORE = re.compile(r"其中|另|(?<![只仅共总们])有\s*$|one of|another", re.I)  # 我们有 12 台: all
REST_BEFORE = re.compile(r"(?:其他|其余|剩下|剩余|the other|the rest of the|the remaining)\s*(?:的)?\s*$",
                         re.I)  # 其他 19 台都正常: the rest of the fleet, not the fleet
AFFECTED_AFTER = re.compile(r"^[^，,。；;]{0,6}?(?:断|宕|挂|不可用|故障|连不上|出问题|失联|掉线|离线|down|fail"
                            r"|unreachable|offline"
                            r"|went|had an? outage|were affected|was affected)"
                            r"|^\s*(?:had|has|suffered|saw|hit)\b[^,.;，。；]{0,24}?(?:fail|outage|fault"
                            r"|error|crash)", re.I)  # one slot had a non-redundant failure
OUTAGE_COUNT = re.compile(
    rf"({N})\s*(?:次|回|起)(?!性|买|付|购|充|续)(?:故障|中断|宕机|断|异常|不可用)?"
    rf"|(?:断|挂|宕机?|故障|中断)了?\s*({N})\s*(?:次|回)"
    rf"|({N})\s*(?:outages|incidents|times|disruptions|interruptions)\b", re.I)
INSTANCE_COUNT = re.compile(
    rf"({N})\s*(?:台|个实例|个节点|个集群|个桶|个域名|个(?:托管)?机位|个终端|个账号|个席位|个坐席"
    rf"|个\s*[A-Za-z\u4e00-\u9fff]{{1,8}}?(?:机位|节点|实例)(?![\u4e00-\u9fff]{{0,2}}(?:费|价))"  # 4个CHC物理服务器机位
    rf"|(?:(?!(?:of|in|for|and|or|with|per|each)\b)[A-Za-z][\w-]*\s+){{0,2}}"  # 20 CHC hosting
    rf"(?:instances?\b"
    rf"|servers?\b|nodes?\b|VMs?\b|machines?\b|terminals|seats|licen[cs]es|(?:rack )?slots?\b"
    rf"|clusters?\b|buckets|domains))"  # hosting slots: up to two words between
    r"|\b(?:one|a single|single|just one|only one)\s+(?:rack slot|slot|instance|server|node|VM"
    r"|machine|cluster)\b", re.I)


def read_query(text: str, today: date, disowned: frozenset[int] = frozenset(),
               month_hint: str | None = None,
               others: frozenset[Decimal] = frozenset()) -> CreditQuery:
    """The typed reading of one message; ``query.uses`` accounts for each of its numbers.
    ``disowned``: days whose outage a later message says was not the provider's doing;
    ``month_hint``: the month a later message asks about, for an outage across a month's end
    said with no other month (its part in that month counts); ``others``: amounts that are
    another product's (the product linker found them said with its name)."""
    scan = Scan(normalize(text))
    priced = _priced_quantity(scan) + _invoice(scan) + _tax_pair(scan)  # before ids: "2000 GB"
    engaged_until = _service_span(scan, today)  # before ids and spans: 2026-09-28 至 2026-10-11
    _context_ids(scan)
    for match in scan.finditer(PERIODS):
        scan.take(match.start(), match.end(), "period" if match.group(1) else "date")
    for match in scan.finditer(MONTH_SPAN):  # a plan covering Feb–Apr: months paid for
        scan.take(match.start(), match.end(), "period")
    for match in scan.finditer(YEAR_MONTH_SPAN):  # 一次性买了一年（2026 年 3 月到 2027 年 2 月）
        if BOUGHT.search(scan.text[slice(*_sentence(scan.text, match.start()))]):
            scan.take(match.start(), match.end(), "period", "the months paid for")
    for match in scan.finditer(MONTHS_LISTED):  # 交了3个月（9、10、11月）的钱: the months paid for
        scan.take(match.start(), match.end(), "period", "the months paid for")
    for match in scan.finditer(PAID_IN):
        said = 1 if match.group(1) else 2
        if said == 2 and re.search(r"[日号]", match.group(2)) and re.search(r"买|购", match.group(0)):
            continue  # 10月20号买的: the day the service started (START_RE), not only when it was paid
        scan.take(match.start(said), match.end(said), "date", "when it was paid")
    for match in scan.finditer(MAIL_HEADER):
        scan.take(match.start(1), match.end(1), "date", "when the mail was sent")
    for match in scan.finditer(NOTICED_ON):
        said = 1 if match.group(1) else 2
        scan.take(match.start(said), match.end(said), "date", "when a notice came")
    for match in [*scan.finditer(DAYS_IN_USE), *scan.finditer(DAYS_BILLED)]:  # 整个月 30 天没停过,
        said = 1 if match.group(1) else 2  # 共计费 30 天, 只用了 19 天: no outage
        scan.take(match.start(said), match.end(said), "period", "days billed")
    for match in scan.finditer(MONTH_LENGTH):
        scan.take(match.start(), match.end(), "period", "the month's length")
    _other_products_aside(scan)
    _demanded(scan)
    for match in scan.finditer(SET_ASIDE):  # 上海那台也断过 10 分钟，那个先不管: not asked about
        before = scan.text[:match.start()]
        begin = _period_sentence(scan.text, match.start())[0]
        words = re.sub(r"[\s，,]*(?:那个|这个|那台|这台|that one|that|this|it)?[\s，,]*"
                       r"(?:but|and|so|但是?|不过)?[\s，,]*$", "", scan.text[begin:match.start()],
                       flags=re.I)
        upto = begin + len(words)
        begin += max(words.rfind(c) for c in "，,(（") + 1  # the clause said just before
        first = NUMBER_RE.search(scan.view, begin, upto)
        if first:
            scan.take(first.start(), upto, "set_aside")
    for match in scan.finditer(SELF_CORRECTED):  # 断了四十分钟 不对 是四十五分钟: the first is taken back
        taken, said_at = match.group(1), match.start(1)
        pieces = duration_seconds(taken)
        if len(pieces) > 1:  # 分别十分钟 二十分钟 不对 是二十五分钟: only the last one
            said_at += next((k for k in range(len(taken) - 1, 0, -1) if not taken[k - 1].isalnum()
                             and duration_seconds(taken[k:]) == pieces[-1:]), 0)
        scan.take(said_at, match.end(1), "corrected", "taken back by what follows")
    _late_corrections(scan)
    for match in scan.finditer(OWN_MATH):  # my math: 430 + 2 + 2 = 434: recomputed, not read
        if MONEY_MATH.search(scan.text[max(0, match.start() - 12):match.end() + 2]):
            continue  # 座席 20 席 × 150 = 3,000: the bill's own sum, read as money
        parts = _lengths_added(scan.text[match.start():match.end() + 12])
        if parts:  # 累计 1h + 30min + 15min = 1h45min: the total, as its parts add up to it
            scan.take(match.start(), match.start() + parts, "restated", "the parts of the total")
            continue
        begin, stop = _sentence(scan.text, match.start())
        cue = MATH_CUE.search(scan.text, begin, match.start())  # 同事说应该按 … = 120 分钟，除以
        upto = stop if cue else match.end()  # 一天 1440 分钟算: the whole method is theirs
        found = NUMBER_RE.finditer(scan.view, cue.end() if cue else match.start(), upto)
        for number in list(found):
            scan.take(number.start(), number.end(), "own_math")
    for match in scan.finditer(OWN_DIVISION):  # 25 分钟除以 44640 已经低于 99.95%: their working
        for number in list(NUMBER_RE.finditer(scan.view, match.start(), match.end())):
            scan.take(number.start(), number.end(), "own_math")  # redone by the SLA's rule
    for cue in scan.finditer(MATH_CUE):  # By my math 150 min out of 43,200 is 99.65%: their
        stop = _sentence(scan.text, cue.start())[1]  # working, redone by the agreement's rule
        if re.search(r"\bout of\b|÷|除以|\d\s*[×*]\s*\d|\d\s*/\s*\(?\s*\d{3,}",
                     scan.text[cue.end():stop]):  # (a rate alone is said; 9/17 is a date)
            for number in list(NUMBER_RE.finditer(scan.view, cue.end(), stop)):
                scan.take(number.start(), number.end(), "own_math")
    for match in scan.finditer(OWN_RESULT):  # beside the lengths it was worked out from
        beside = [d for d in re.finditer(DURATION, scan.view, re.I)
                  if not match.start(1) <= d.start() < match.end(1)]
        if beside:
            scan.take(match.start(1), match.end(1), "own_math", OWN_FIGURE)
    for match in scan.finditer(AVERAGED):
        scan.take(match.start(1), match.end(1), "own_math", OWN_FIGURE)
    for match in scan.finditer(PCT_CORRECTED):  # 可用性 99.95%？不是，是 99.59%: the first taken back
        scan.take(match.start(1), match.end(1), "corrected", "taken back by what follows")
    what_if = None
    for match in scan.finditer(WHAT_IF_LONGER):  # 要是再多挂一个小时会不会不一样: the outage as said,
        said = next(i for i in (1, 2, 3) if match.group(i))  # and the longer one answered apart
        seconds = duration_seconds(match.group(said))
        if len(seconds) == 1 and what_if is None:
            what_if = seconds[0]
            scan.take(match.start(said), match.end(said), "what_if", WHAT_IF)
    for match in scan.finditer(WHAT_IF_MORE):
        said = 1 if match.group(1) else 2
        scan.take(match.start(said), match.end(said), "what_if", WHAT_IF_COUNT)
    for match in scan.finditer(NO_MORE_DOWN):  # 假设月底这两天不再出问题: days with no outage
        said = 1 if match.group(1) else 2
        scan.take(match.start(said), match.end(said), "not_counted", "days said to have no outage")
    for match in [*scan.finditer(ROUGH_THEN_EXACT), *scan.finditer(EXACT_AFTER)]:  # 50 多分钟，
        # 精确 53 分钟 / an hour, well, 70 minutes to be exact: the exact one stands
        scan.take(match.start(1), match.end(1), "restated", "a rough figure, said exactly after")
    for match in scan.finditer(EXACT_IDIOM):  # 100 分钟，一分钟不差: "exactly", not a minute more
        scan.take(match.start(), match.end(), "restated", "a way of saying exactly")
    for match in scan.finditer(SAID_AGAIN):  # 一分半，就一分半: the same length said twice
        if duration_seconds(match.group(1)) == duration_seconds(match.group(2)):
            scan.take(match.start(2), match.end(2), "restated", "the same length said again")
    runs = _window_runs(scan)  # 有 6 次是连续 2 个 5 分钟都超的: six outages of 10 minutes
    probed = _probes_failed(scan)
    for match in scan.finditer(ONE_UNIT):  # 按 5 分钟为 1 个统计粒度: what a unit is, not a count
        scan.take(match.start(), match.end(1), "unit_size", "what one unit is")
    for match in scan.finditer(SUBSET):  # 断了 90 分钟，其中 30 分钟是维护: part of it, not more
        scan.take(match.start(1), match.end(1), "unclear",
                  "part of what was said before: inside it or on top of it?")
    own_parts = _parts_on_own_side(scan)
    end, start = _engagement_dates(scan, today)
    end = end or engaged_until
    relative = _days_ago(scan, today)
    month, month_bare, hinted, named = _month(scan, today, start, month_hint)
    month = month or (end[:7] if end else None) or relative
    series, starts = rate_series(scan)  # 14:00 3%, 14:05 7%, …: windows, before any range
    for cue in scan.finditer(MATH_CUE) if series else ():  # by my count 7 bad windows = 35 min:
        full_stop = SENTENCE_END.search(scan.text, cue.end())  # the user's reading of the series,
        stop = full_stop.start() if full_stop else len(scan.text)  # redone by the SLA's rule
        for number in list(NUMBER_RE.finditer(scan.view, cue.end(), stop)):
            scan.take(number.start(), number.end(), "own_math")
    spans: list[tuple[int, int, int]] = []
    incidents: list[int] = _time_ranges(scan, spans)
    split: list[int] = []  # whole lengths of ranges over a month's end (their part counts)
    incidents += read_start_end(scan, today, spans, month, hinted, split) + runs
    incidents = _own_ranges(scan, incidents)
    incidents = _quiet_ranges(scan, incidents)
    incidents, partly = _partial_ranges(scan, incidents, spans)
    incidents, rated = _rated_ranges(scan, incidents, spans)
    incidents = _said_twice(scan, spans, _said_in_parts(scan, spans, incidents))
    incidents = _joined(scan, spans, incidents)
    incidents = _without_parts(scan, spans, incidents, own_parts)
    incidents += _each_day(scan)
    rates = _request_rates(scan)
    range_gaps = _gaps(scan.text, spans)
    _dates(scan)
    rate_sum = _rate_sum(scan)
    apart = _error_windows(scan, series[0][2] if series else None) \
        or _rate_first_windows(scan)  # after a series: 14:30 到 15:25 这 12 个点都是 50%
    error_windows = series + apart if series or apart else _mean_error_rate(scan, month)
    units = _unit_counts(scan)
    downtime = _whole_month_aside(scan, units if probed is None else probed + (units or 0), month)
    incidents = _when_of_units(scan, spans, incidents, downtime)
    size = error_windows[0][2] if error_windows else 0
    if size and downtime is not None and downtime % size == 0:  # 36 windows down, 12 at 50%
        error_windows = ((int(downtime / size), Decimal(100), size), *error_windows)
        downtime = None
    request_minutes, denominated = _denominator(scan)
    shared = _share_failed(scan)
    _thresholds(scan, bool(incidents))
    for match in scan.finditer(LENGTH_RANGE):  # 每次 2-5 分钟 / between 2 and 5 minutes
        scan.take(match.start(), match.end(), "unclear", "a range of lengths: how long exactly?")
    for match in scan.finditer(FEE_RANGE):  # 月费两三千 (2000到3000): which amount?
        scan.take(match.start(1), match.end(), "unclear", "a range of amounts: how much exactly?")
    charged, daily = _hourly_charge(scan, month)
    priced += charged
    extra = _special_fees(scan)
    if daily is not None:
        extra["daily_fee"] = daily
    share = _fee_share(scan)
    fee, note, basis, annual = _fee(scan, priced, others)
    if (fee is not None or annual is not None) and _bundle_share_unknown(scan):
        fee = annual = None
    for use in [u for u in scan.uses if u.role == "voucher" and note and "代金券" in note
                and fee is not None and amount_said(u) == fee]:  # so we paid 3,000 in cash: the
        scan.mark(use, "restated", "the fee said again")  # fee net of the voucher, said again
    if share is not None and fee is None:  # 这个域名流量占 30%: of what fee, unless said before
        scan.mark(share.use, "unclear", SHARE_ASKED)
    availability = _percent(scan)
    for match in [*OWN_AVAILABILITY.finditer(scan.text), *CUED_AVAILABILITY.finditer(scan.text)] \
            if availability is not None else ():
        stated = [u for u in scan.uses if u.role == "availability" and u.start == match.start(1)]
        if stated and not re.search(r"控制台|后台|监控|面板|报表|console|dashboard|monitor|panel|APM",
                                    match.group(0), re.I):  # 客户自己按30天算的可用性是99.03%
            scan.mark(stated[0], "availability", OWN_FIGURE)
    invalid, invalid_failed = _invalid_numbers(scan)  # 其中 3,000 条是空号: the SLA's to leave out
    total, failed = shared if shared[0] is not None else _requests(scan)
    events = _event_count(scan)
    per_instance = _instances(scan)
    corrections = _corrections(scan)
    wholes = [incident_seconds(u) for u in scan.uses if u.note.endswith(WHOLE_SAID_IN_PARTS)] \
        + split  # 22:00–02:00，整整 4 小时
    durations, said_total, rough = _durations(  # a rated range's length said again is no outage
        scan, downtime, incidents + wholes + [seconds for seconds, _, _ in rated])
    rated = _rated_lengths(scan, rated)
    if downtime is not None and (durations or said_total is not None):  # units were counted
        scan.relabel({"incident", "downtime"}, "below_unit", "not a whole statistics unit")
        durations, said_total = [], None
    if said_total is not None and incidents and downtime is None:
        _beside_outages(scan, incidents, said_total)
        said_total = None
    if said_total is not None:
        downtime = (downtime or Decimal(0)) + said_total
    if denominated is not None:
        downtime = (downtime or Decimal(0)) + denominated
    incidents = _repeated(scan, incidents + durations)
    responded = _response_minutes(scan) if not incidents and downtime is None else None
    incidents = _windows_said_as_length(scan, error_windows, incidents)
    incidents = _disowned(scan, incidents, disowned | disowned_days(scan.text))
    if incidents and downtime is not None:  # 01:00–04:15 down, and 6 more five-minute windows
        for use in [u for u in scan.uses if u.role == "unit_count" and UNITS_MORE.search(
                scan.text[max(0, u.start - 16):u.end])]:  # failed: the request holds one
            scan.mark(use, "unclear", UNITS_BESIDE)  # measurement; how they add is asked (units
            # said without "more" restate the outages timed, and the outages are computed)
    used = [u for u in scan.uses if u.role == "incident" and incident_seconds(u) > 31 * 86400
            and not OUTAGE_SAID.search(scan.text[max(0, u.start - 8):u.start])]
    for use in used:  # about 1.9M minutes (of calls): longer than any month, and said of no outage
        scan.mark(use, "count", "longer than any month: minutes used, not an outage")
        if incident_seconds(use) in incidents:  # (a length too large to read was never one)
            incidents.remove(incident_seconds(use))
    instance_outages: tuple[tuple[int, ...], ...] = ()
    if not per_instance and downtime is None:  # ins-a1 失效 50 秒；ins-c3 09:00 到 10:00 失效
        instance_outages = _grouped_by_instance(scan)
        per_instance = tuple(Decimal(sum(o)) / 60 for o in instance_outages)
        incidents = [] if per_instance else incidents
    instances = _counts(scan)
    started = [u for u in scan.uses if u.role == "service_start"
               and ONE_MORE.search(_around(scan.text, u.start, u.end, SENTENCE_BREAKS))]
    if start and instances is not None and instances > 1 and started:  # 10 instances … they
        for use in started:  # also launched ecm-k on Jun 20: one instance's start, or the
            scan.mark(use, "unclear", FLEET_START_ASKED)  # service's?
        start = None
    if downtime is None and not per_instance:
        _lengths_missing(scan, len(incidents))
    fee_items = _fee_items(scan)
    amounts = {_decimal(figure.group(0)) for u in scan.uses  # 实付 4,200，这 4,200 里还有 500…
               if (figure := re.search(r"\d+(?:\.\d+)?", u.text)) and u.role in (
                   "fee_item_other", "fee_other", "money_other", "bill_line", "monthly_fee",
                   "fee_paid")}
    lengths = {Decimal(n) for u in scan.uses if u.role in ("incident", "downtime")
               for n in re.findall(r"\d+(?:\.\d+)?", u.text)}
    for match in scan.leftover():  # a small bare count (zone 3, 副本数 3, 4 isolated) is context
        after = re.split(r"[。；;)）\n]", scan.text[match.end():match.end() + 30])[0]
        if LEFT_OUT.search(after):  # 另外 3,000 条是空号，没算进去
            scan.take(match.start(), match.end(), "not_counted", "said not to count")
            continue
        if fee is not None and said_apart(scan.text, match.start(), match.end()):
            scan.take(match.start(), match.end(), "money_other", "said to be unrelated")
            continue  # 另外我们 CVM 那边 1.2 万跟这个没关系
        if scan.view[max(0, match.start() - 2):match.start()] == MASK + ".":  # 15:05.5: a tail
            scan.take(match.start() - 1, match.end(), "unclear", "not read")
            continue
        value = _decimal(match.group(0))
        whole = value is not None and value == value.to_integral_value()
        if value is not None and fee is not None and value in (fee, annual):  # 按月摊就是 415
            scan.take(match.start(), match.end(), "restated", "the fee said again")
            continue
        if value is not None and value >= 100 and value in amounts:  # 要求按 5,180 全额赔
            scan.take(match.start(), match.end(), "restated", "an amount said again")
            continue
        if whole and re.fullmatch(r"20[0-3]\d", match.group(0)):  # 2025全年, in use since 2023 (no
            # cloud bill is dated 1980: such a number left over is an amount to ask about)
            scan.take(match.start(), match.end(), "date")
            continue
        small = whole and value is not None and 0 <= value <= 20
        near = UNIT_NEAR.match(scan.view, match.end()) if small and not re.search(
            r"(?:same|those|these|both|这|那|上述|同样的?)\s*$",  # "same two windows": said before
            scan.text[max(0, match.start() - 8):match.start()], re.I) else None
        if near:  # 3个多小时, 2 long hours: a figure with its unit that no stage could read
            scan.take(match.start(), near.end(), "unclear", "not read")
            continue
        if small:
            scan.take(match.start(), match.end(), "count")
            continue
        if HEADS_AFTER.match(scan.text, match.end()):  # ~1.2M DAU, 3.2 万人在线: people, a count
            scan.take(match.start(), match.end(), "count")
            continue
        if value is not None and value in lengths:  # 约 95 分钟（一开始说 100，后来查日志是 95）
            scan.take(match.start(), match.end(), "restated", "the same length said again")
            continue
        if VOLUME_AFTER.match(scan.text, match.end()) and value is not None and value > 1000:
            scan.take(match.start(), match.end(), "unclear", VOLUME_ASKED)  # about 120M calls
            continue
        attached = OUTAGE_SAID.search(scan.text[max(0, match.start() - 6):match.start()])
        context = None if attached else context_role(scan.text, match.start(), match.end())
        if context == "count" and MINUTES_COUNTED.match(scan.text, match.end()):
            context = None  # in 20 of those minutes: a length, never a count set aside
        if context == "money_other" and fee is None:  # 包月价 2,380，其中 200 是代金券: with no
            context = None  # fee read, an amount the model sets aside may be the fee: asked
        if re.match(r"\s*VUM", scan.text[match.end():], re.I):  # 18,000 VUM: what a load-test
            scan.take(match.start(), match.end(), "vum")  # SLA pays back a multiple of
            continue  # (the tier's multiple is the answer; the VUM stay the user's to multiply)
        scan.take(match.start(), match.end(), context or "unclear", "" if context else "not read")
    for match in scan.finditer(WORDS_BEFORE_UNIT):  # 好几个小时, a couple of hours: never dropped
        on_days = re.search(r"\bon\s*$", scan.text[:match.start()], re.I) \
            and re.search(r"days?$", match.group(0), re.I)  # on a few other days: when, not how long
        if on_days:
            scan.take(match.start(), match.end(), "date", "days, not a length")
        else:
            scan.take(match.start(), match.end(), "unclear", "not read")
    for match in scan.finditer(VAGUE_SPAN):  # 整个下午, all night: an outage with no length
        before = scan.text[max(0, match.start() - 12):match.start()]
        after = scan.text[match.end():match.end() + 12]
        ranged = re.match(r"[\s(（:：,，]*(?:\d|从|from\b)", after)  # 整个下午 14:00-18:00
        counted = re.match(r"[^，,。；;]*?(?:\d+|几)\s*次", after)  # 一晚上断了 3 次, each timed
        if (OUTAGE_SAID.search(before) or OUTAGE_SAID.match(after.lstrip(" 都也一直全是还")))\
                and not ranged and not counted and not series:  # a series times it
            scan.take(match.start(), match.end(), "unclear", "how long: from when to when?")
    rates += _request_rates(scan)  # loads said with the lengths read since
    _listed_points(scan)
    uses = scan.ordered()
    fee_use = next((u for u in uses if u.role in ("monthly_fee", "fee_paid", "fee_annual",
                                                  "fee_prepaid")), None)
    said_with_fee = "" if fee_use is None else \
        _around(scan.text, fee_use.start, fee_use.end, SENTENCE_BREAKS)  # 每台 120 元/月, not
    # 其中 3 台…每台都断了 4 个小时 … 10 台一共 ¥8,000
    query = CreditQuery(
        month=month, monthly_fee=fee, fee_note=note, fee_basis=basis,
        incidents_seconds=tuple(incidents), downtime_minutes=downtime,
        availability_pct=availability, total_requests=total, failed_requests=failed,
        unit_price=extra.get("unit_price"), daily_fee=extra.get("daily_fee"),
        order_fee=extra.get("order_fee"), event_count=events, service_end=end,
        response_minutes=responded,
        service_start=start, instance_minutes=per_instance, instance_outages=instance_outages,
        event_described=_event_said(scan.text), uses=uses,
        error_windows=error_windows, error_rate_sum=rate_sum, request_minutes=request_minutes,
        window_starts=starts if error_windows == series else (),
        every_minute_requested=bool(EVERY_MINUTE.search(scan.text)),
        instances=instances,
        seats=instances if any(p.each and p.value == fee for p in priced) else
        _seats(uses) if fee is not None and FEE_EACH.search(said_with_fee) else None,
        month_bare=month_bare, annual_fee=annual,
        months_named=named,
        rough=bool(rough) or not incidents and downtime is None and _availability_rough(scan),
        rough_seconds=rough,
        corrections=corrections, range_gaps=range_gaps, fee_items=fee_items,
        incident_rates=rates, rated_ranges=rated,
        partly_working=tuple(partly) + tuple((0, 0) for u in uses if u.note == PARTLY_FAILING
                                             and (re.search(UNIT_NOUN, u.text, re.I)  # windows
                                                  or _partial_alone(scan.text, u, uses))),
        invalid_requests=invalid, invalid_failed=invalid_failed,
        fee_each=any(p.each and p.value == fee for p in priced)
        or fee is not None and bool(FEE_EACH.search(said_with_fee))
        and not _a_product(fee, instances, scan.text),  # 8 nodes at 250 each, so 2000: the sum
        instance_asked=_instance_asked(scan, next(
            (u for u in uses if u.role in ("monthly_fee", "fee_paid")), None))
        if instance_outages else None,
        fee_sum=fee is not None and any(_said_as_sum(scan.text, u) for u in uses
                                        if u.role in ("monthly_fee", "fee_paid")),
        fee_share=share.value if share is not None else None, what_if_seconds=what_if)
    return query.shared(fee) if share is not None and fee is not None else query  # 占账单的 30%


FEE_SHARE = re.compile(  # 这个域名流量占 30% / 占账单的 30% / is 30% of the bill
    rf"(?:(?:这个|该|此|这)[^，,。；;\d]{{0,10}}?(?:\d{{1,2}}\s*月)?\s*(?:流量|用量|使用量)|费用|账单|消耗)"
    rf"\s*(?:的)?\s*(?:占比|占了|占)\s*(?:总|整个|整张|全部)?(?:账单|费用|流量|用量)?\s*(?:的)?\s*({N})\s*[%％]"
    rf"|占\s*(?:总|整个|整张|全部)?(?:账单|费用)\s*(?:的)?\s*({N})\s*[%％]"
    rf"|(?:is|was|are|were|accounts? for|makes? up|comes? to|represents?|carried|carries|took"
    rf"|takes|had|has|used|uses)\s+(?:about\s+|roughly\s+|around\s+)?({N})\s*%"
    rf"\s*of (?:the |our |total |overall |this month'?s |all )*(?:bill|spend|charges|fees?|invoice"
    rf"|traffic|usage|bandwidth)",
    re.I)


@dataclass(frozen=True)
class _Share:
    value: Decimal
    use: NumberUse


def _fee_share(scan: Scan) -> _Share | None:
    """A share of the bill said for the item that failed (``这个域名 9 月流量占 30%``): the fee
    is that share of the monthly fee (the SLAs that pay per domain or per item split the bill
    by usage); two shares are asked about."""
    found = list(scan.finditer(FEE_SHARE))
    if len(found) != 1:
        for match in found:
            scan.take(*match.span(), "unclear", SHARE_ASKED)
        return None
    match = found[0]
    group = next(i for i in (1, 2, 3) if match.group(i))
    value = _decimal(match.group(group))
    if value is None or not 0 < value <= 100:
        scan.take(match.start(group), match.end(group), "unclear", SHARE_ASKED)
        return None
    return _Share(value, scan.take(match.start(group), match.end(group) + 1, "fee_share"))


def amount_said(use: NumberUse) -> Decimal:
    """The amount a number said (``4,200.00`` -> 4200, ``paid 3000`` -> 3000); 0 for what is no
    amount (an IP address such as 10.0.3.17, a version 2.3.1)."""
    said = re.findall(r"\d+(?:\.\d+)*", use.text.replace(",", ""))  # 1个月 300: the amount is last
    last = said[-1] if said else ""
    return Decimal(last) if re.fullmatch(r"\d+(?:\.\d+)?", last) else Decimal(0)


def _decimal(raw: str) -> Decimal | None:
    """A figure, or None for what no figure of a question can be (1e309, 30 digits)."""
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() and abs(value) < LARGEST else None


ZONE_SAID = re.compile(r"(?:UTC|GMT)\s*(?:[+-]\s*\d{1,4})?|北京时间|\bCST\b|\bJST\b|\bSGT\b", re.I)
UTC_OFFSET = re.compile(r"\(?\s*(?:UTC|GMT)\s*[+-]\s*\d{1,4}(?::\d{2})?\s*\)?", re.I)


THINGS_COUNTED = re.compile(  # 640 路摄像头, 每天 8000 来张, 30 家门店: a count of things, by the measure
    rf"(?<![\d.:：])({N})\s*(?:来|多|余)?\s*"  # word Chinese counts them with (not 条/次/个: messages,
    r"(?:路|张|份(?!额)|篇|家|间(?!隔)|名(?![字称单])|位(?![数置])|辆|幅|部(?!分)|支(?![持付])|颗|栋|座"
    r"|户|床|人(?!次|民币))"  # requests, units)
    r"(?![\u4e00-\u9fff]{0,3}(?:分钟|小时|钟头|元|块钱))")


def _context_ids(scan: Scan) -> None:
    for match in scan.finditer(IDS):  # first: an id may hold what looks like 8e7 or -5
        counted = re.search(r"(?:请求|调用|次数|总数|总量|requests?|calls?|total)\s*(?:数|量)?"
                            r"\s*[:：=为是]?\s*$", scan.text[max(0, match.start() - 10):match.start()],
                            re.I)
        if counted and match.group(0).isdigit():  # 总请求 1.2 亿 (120000000): a count, no id
            continue
        scan.take(match.start(), match.end(), "ticket")
    for match in scan.finditer(THINGS_COUNTED):
        scan.take(match.start(), match.end(), "count")
    for match in scan.finditer(LIST_LABEL):  # 故障1：7分钟；故障2：13分钟 (no 2：13 o'clock)
        scan.take(match.start(), match.end(), "ordinal")
    for match in scan.finditer(CLAIMED_FIGURE):
        scan.take(match.start(), match.end(), "claimed")
    for match in scan.finditer(CREDIT_RECEIVED):
        scan.take(match.start(), match.end(), "unclear", CREDIT_RECEIVED_ASKED)
    for match in scan.finditer(re.compile(r"\d+(?:\.\d+)?[eE][+-]?\d+")):
        scan.take(match.start(), match.end(), "unclear", "write the number in full")
    for match in scan.finditer(CODES):  # 返回码 -1002 is a code, not a negative figure
        scan.take(match.start(), match.end(), "code")
    for match in scan.finditer(NEGATIVE):
        scan.take(match.start(), match.end(), "unclear", "a negative figure")
    for match in scan.finditer(DISCOUNT):  # 月费打了8折后实付960: a discount, not an amount
        scan.take(match.start(1), match.end(1), "other", "a discount")
    for match in scan.finditer(ROUND_THE_CLOCK):  # traffic is 24/7, 7×24 小时在线
        scan.take(match.start(), match.end(), "other", "around the clock")
    for match in scan.finditer(HOURS_OPEN):
        said = 1 if match.group(1) else 2
        scan.take(match.start(said), match.end(said), "other", "the hours someone can be reached")
    for match in scan.finditer(MONTH_MINUTES):
        scan.take(match.start(), match.end(), "period", "the month's minutes")
    for match in scan.finditer(UTC_OFFSET):  # (UTC+0800), UTC-5: which clock a time is on
        scan.take(match.start(), match.end(), "other", "a time zone")
    for match in scan.finditer(SPECS):
        scan.take(match.start(), match.end(), "name")
    for match in scan.finditer(RATES):
        scan.take(match.start(), match.end(), "threshold")
    for match in scan.finditer(NAMES):
        if not re.fullmatch(rf"{N}\s*{D_UNIT}", match.group(0), re.I) \
                and not re.fullmatch(r"H[12]", match.group(0), re.I):  # H1: a half year
            scan.take(match.start(), match.end(), "name")


def _service_span(scan: Scan, today: date) -> str | None:
    """The last day of an engagement said as its span or its end (服务期 2026-09-28 至
    2026-10-11, Service closed 2026-11-20, 整个服务11月20号已经结束了): SLAs of one-off services
    count the claim window from it. ``YYYY-MM-DD``, or ``--MM-DD`` said without a year."""
    for match in scan.finditer(SERVICE_SPAN):
        end = day_value(match.group("end") or match.group("end2") or match.group("end3"), today)
        if end:
            scan.take(match.start(), match.end(), "service_end", "the service's last day")
            return end
    return None


def _engagement_dates(scan: Scan, today: date) -> tuple[str | None, str | None]:
    end = None
    match = END_DATE_RE.search(scan.view)
    if match:
        year, month, day = (int(g) for g in match.groups())
        end = f"{year:04d}-{month:02d}-{day:02d}"
        scan.take(match.start(), match.end(), "service_end")
    start = None
    match = START_RE.search(scan.view)
    if match:
        start = day_value(match.group(1) or match.group(2), today)
        if start:
            scan.take(match.start(), match.end(), "service_start")
    return end, start


def _days_ago(scan: Scan, today: date) -> str | None:
    """``2 days ago``, ``3天前``, ``昨天``, ``last week``: a date, and the month it falls in (used
    when no month is said)."""
    month = None
    for match in scan.finditer(DAYS_AGO):
        raw = match.group(1) or match.group(2)
        word = match.group(0).lower()
        days = (int(raw) * (7 if re.search(r"week|周|星期", word) else 1) if raw else
                1 if word in ("yesterday", "昨天") else 2 if word == "前天" else
                7 if re.search(r"week|周", word) else 0)
        month = month or (today - timedelta(days=days)).strftime("%Y-%m")
        scan.take(match.start(), match.end(), "date")
    return month


TODAY_BEFORE = re.compile(r"(?:今天|今日|现在|today)\s*(?:is|'s|是|已经|已是|都)?\s*(?:已经|是)?\s*"
                          r"(?:\d{4}\s*年\s*)?$|\(\s*today is\s*$", re.I)


def _month(scan: Scan, today: date, start: str | None, hint: str | None = None
           ) -> tuple[str | None, bool, bool, tuple[str, ...]]:
    """The question's month; a restatement of it is read once, another month is asked about.
    A month said without a year after a dated start (``2025年3月19日开始用的，3月份…``) is in
    that year. An outage's dates across a month's end name no month on their own: the month
    said apart from them is the question's (the other date is where the outage runs), else
    ``hint`` when it is one of the two, else the first (the other is asked about). Also says
    whether the month was said without a year, whether it came from ``hint``, and every month
    said with its year (for a later turn's month said without one)."""
    mentions = month_mentions(scan.view, today)
    named = tuple(dict.fromkeys(m.value for m in mentions
                                if m.value and m.kind in ("dated", "relative")))
    for m in [m for m in mentions if CORRECTED_BEFORE.search(scan.view[max(0, m.start - 5):m.start])]:
        scan.take(m.start, m.end, "corrected")  # "是二月份的，不是三月": the month it replaces
        mentions.remove(m)
    for m in [m for m in mentions if TODAY_BEFORE.search(scan.text[max(0, m.start - 14):m.start])]:
        english = scan.text[m.start].isascii() and scan.text[m.start].isalpha()
        scan.take(m.start, _with_day(scan, m.end, english), "date", "today")  # 今天已经 11 月 29 号了
        mentions.remove(m)
    for m in [m for m in mentions if len(mentions) > 1 and (  # 8 台是 10 月以前就开的: a point
            SINCE_AFTER.match(scan.text, m.end) or SINCE_BEFORE.search(scan.text[:m.start]))]:
        scan.take(m.start, m.end, "date", "a point of reference, not the month asked")  # of time
        mentions.remove(m)
    for m in [m for m in mentions if len(mentions) > 1 and (  # （9月那部分后面再说）/ (May they
            MONTH_SET_ASIDE.match(scan.text, m.end))]:  # will do separately): not the month asked
        scan.take(m.start, m.end, "date", "a month set aside for later, not the month asked")
        mentions.remove(m)
    for m in [m for m in mentions if len(mentions) > 1 and m.kind in ("dated", "day", "bare")]:
        end = _another_event(scan, m)  # 合同是 2024年1月1日签的, I filed the ticket on April 2
        if end is not None:
            scan.take(m.start, end, "date", "the day of another event")
            mentions.remove(m)
    timing = CLAIM_TIMING.search(scan.text)  # without it, the day of a ticket about the outage
    for m in [m for m in mentions if timing and (
            CLAIM_FILED_AFTER.match(scan.text, m.end)
            or CLAIM_FILED_BEFORE.search(scan.text[max(0, m.start - 30):m.start]))]:
        english = scan.text[m.start].isascii() and scan.text[m.start].isalpha()  # Sep 1
        scan.take(m.start, _with_day(scan, m.end, english), "date", CLAIM_FILED)
        mentions.remove(m)  # 当时我们4月8号就提了工单 / 工单是10月30号才提交的: when, not the month
    if start and start[0].isdigit():
        mentions = [replace(m, value=f"{start[:4]}{m.value[4:]}")
                    if m.kind in ("bare", "day") and m.value
                    else m for m in mentions]
    asked = asked_month(mentions, scan.text)
    pairs = crossing(mentions, scan.text)
    inside = [m for pair in pairs for m in pair]
    prefer, hinted = asked, False
    meant = None if asked else named_over_relative(mentions, scan.text)
    if meant is not None:  # 上個月（9月）: the named month, the relative word restating it
        mentions = [replace(m, value=meant.value) if m.kind == "relative" else m for m in mentions]
    if asked is None and pairs:
        outside = [m for m in mentions if m not in inside and m.value]
        prefer = next((m for m in outside if m.kind in ("dated", "relative", "bare")), None)
        if prefer is None and hint is not None:
            prefer = next((m for m in inside if m.value and m.value[5:] == hint[5:]), None)
            hinted = prefer is not None
    value, verdicts = resolve(mentions, prefer)
    runs_into = {id(b if a.value == value else a) for a, b in pairs
                 if prefer is not None and value in (a.value, b.value)}
    verdicts = ["date" if v == "another" and id(m) in runs_into else v
                for m, v in zip(mentions, verdicts)]
    if asked is not None:  # "September had a 20-minute hiccup too, but I need October"
        _other_months_set_aside(scan, [m for m, v in zip(mentions, verdicts) if v == "another"],
                                [m for m, v in zip(mentions, verdicts) if v != "another"])
    for mention, verdict in zip(mentions, verdicts):
        end = _with_day(scan, mention.end,  # "Feb 10": a day after a bare English month
                        mention.kind == "bare" and scan.text[mention.start].isalpha()
                        and scan.text[mention.start].isascii())
        if mention.value is None and mention.kind != "that":
            scan.take(mention.start, end, "unclear", "no such month: write it as YYYY-MM")
            value = None if verdict == "month" else value
        elif verdict == "another" and (asked is not None or _owned_amount(scan, mention, end)):
            scan.take(mention.start, end, "set_aside", "another month's")
        elif verdict == "another":
            scan.take(mention.start, end, "unclear", f"another month: {mention.value}")
        elif verdict == "date":
            scan.take(mention.start, end, "date")
        else:
            scan.take(mention.start, end, "month", "" if verdict == "month" else "restated")
    chosen = [m for m, v in zip(mentions, verdicts) if v == "month"]
    if chosen and value:
        value = _shifted(scan, chosen[0], value)
    return value, bool(chosen) and chosen[0].kind in ("bare", "day", "holiday"), hinted, named


EVENT_AFTER = re.compile(  # a day followed by what happened on it that is no outage
    r"\s*(?:\d{1,2}\s*[日号])?\s*(?:才|就|已经)?\s*(?:提的工单|提交的工单|签的|签订的?|签约|续的费|续费的?"
    r"|发现的|才发现|生效|收到的?|赔过|已经赔)")
EVENT_BEFORE = re.compile(
    r"(?:filed|opened|submitted|raised)\s+(?:a |the |our |my )?(?:ticket|claim)\s+(?:on|in)\s*$"
    r"|(?:signed|renew(?:s|ed)?|noticed|effective|compensated|since)\s+(?:on|in|from)?\s*$"
    r"|(?:合同|协议|SLA)\s*(?:是|于|在)?\s*$|生效日期\s*[:：]?\s*$", re.I)


def _another_event(scan: Scan, mention: MonthMention) -> int | None:
    """Where a date ends (its day too) when it is the day of another event than an outage (a
    contract signed, a ticket filed, a renewal, when it was noticed, a credit already paid)."""
    english = scan.text[mention.start].isascii() and scan.text[mention.start].isalpha()
    end = _with_day(scan, mention.end, english)
    said = EVENT_AFTER.match(scan.text, end) or EVENT_AFTER.match(scan.text, mention.end) \
        or EVENT_BEFORE.search(scan.text[max(0, mention.start - 40):mention.start])
    return end if said else None


SINCE_AFTER = re.compile(r"\s*份?\s*(?:以前|之前|以来|前就|起就|开始就|以后就|之后就"
                         r"|(?:就|才|起)?\s*(?:开始(?:用|使用|计费)|开通|上线|启用|接入))")  # 3月就开始用了
SINCE_BEFORE = re.compile(r"\b(?:ever )?since\s*$", re.I)
CLAIM_FILED = "the day a claim was filed"
ONE_MORE = re.compile(r"\b(?:also|another|one more|a new|an extra|added)\b|\b[a-z]{2,}-[a-z0-9]+\b"
                      r"|又|另(?:外)?(?:一|开)|新增|新开|加了|再开", re.I)  # one more instance
FLEET_START_ASKED = "a start date beside several instances: of one of them, or of the service?"
CLAIM_TIMING = re.compile(r"申请|索赔|算数|还算|来得及|最早|最晚|截止|期限|过期|in time|too (?:late|early)"
                          r"|deadline|window|still (?:count|valid|ok)", re.I)
CLAIM_FILED_AFTER = re.compile(
    r"\s*(?:\d{1,2}\s*[日号])?\s*(?:就|才|已经|已|刚)?\s*(?:提了?|提交了?|申请了?|发起了?|递交了?|报了?|开了?)"
    r"(?:的)?\s*(?:工单|申请|索赔|赔偿申请|单子)|\s*(?:\d{1,2}\s*[日号])?\s*(?:才|就)?(?:提交|提)的"
    r"|\s*\d{0,2}(?:st|nd|rd|th)?\s*(?:,?\s*\d{4})?\s*(?:when|that) (?:we|I|they)"
    r" (?:filed|submitted)")
CLAIM_FILED_BEFORE = re.compile(
    r"(?:工单|申请|索赔)[^。；;，,\d]{0,6}?(?:是|在|于)\s*$"
    r"|(?:filed|submitted|opened|raised|sent)\s+(?:a |the |our |my )?(?:ticket|claim|request)"
    r"\s+(?:on|in)\s*$", re.I)
MONTH_SET_ASIDE = re.compile(
    r"\s*份?\s*(?:的)?\s*(?:那部分|那段|那一段|部分|那边|那次)?[^。；;，,)）\d]{0,6}?"
    r"(?:后面再说|以后再说|回头再说|再说|另外算|另算|单独算|单独申请|先不算|先不管)"
    r"|[^.;,()\d]{0,20}?\b(?:separately|later on|another time)\b", re.I)
MONTH_AFTER = re.compile(r"^[^。；;.!?！？\n]{0,24}?(?:的|之)?(下\s*[一1]?\s*个月|次月|后\s*[一1]\s*个月)"
                         r"|^[^.;!?\n]{0,40}?\b(the month after(?: that| it)?|a month later)\b",
                         re.I)
MONTH_BEFORE = re.compile(r"(\bthe month (?:before|prior to)|上\s*[一1]\s*个月的?|前\s*[一1]\s*个月的?)\s*$",
                          re.I)


def _shifted(scan: Scan, mention: MonthMention, value: str) -> str:
    """``6 月份上线的，出问题是上线后的下一个月`` / ``the month before October``: the month said
    is where the counting starts, the outage's month is the one next to it."""
    after = MONTH_AFTER.search(scan.text[mention.end:])
    before = MONTH_BEFORE.search(scan.text[max(0, mention.start - 24):mention.start])
    if bool(after) == bool(before):
        return value
    year, month = (int(part) for part in value.split("-"))
    month += 1 if after else -1
    year, month = (year + 1, 1) if month > 12 else (year - 1, 12) if month < 1 else (year, month)
    shift, base = (after, mention.end) if after else (before, max(0, mention.start - 24))
    assert shift is not None
    said = next(i for i in (1, 2) if shift.lastindex and i <= shift.lastindex and shift.group(i))
    scan.take(base + shift.start(said), base + shift.end(said), "other",
              "the month next to the one said")
    return f"{year:04d}-{month:02d}"


OWNED_BEFORE = re.compile(  # "(the ¥9,120 is October's)", "9120 那是10月的": an amount of that month
    rf"(?:[¥￥]|CNY|RMB)?\s*({N})\s*(?:元|块|CNY|RMB|yuan)?\s*(?:is|was|are|were|=|是|为|属于|算)\s*"
    rf"(?:for\s+|the\s+|那个?|那是)?\s*$", re.I)
OWNED_AFTER = re.compile(r"^\s*(?:'s|’s|的|份的)(?!\s*(?:\w|[\u4e00-\u9fff]))", re.I)


def _owned_amount(scan: Scan, mention: MonthMention, end: int) -> bool:
    """Whether another month than the question's is named only as the month an amount is of
    (``the ¥9,120 is October's``); if so, the amount is set aside with it."""
    before = scan.view[max(0, mention.start - 24):mention.start]
    owned = OWNED_BEFORE.search(before)
    if owned is None or not OWNED_AFTER.match(scan.view[end:]):
        return False
    base = max(0, mention.start - 24)
    scan.take(base + owned.start(1), base + owned.end(1), "set_aside", "another month's")
    return True


def _other_months_set_aside(scan: Scan, others: list[MonthMention],
                            asked: list[MonthMention]) -> None:
    """The figures of a clause about another month than the one asked (and about no mention of
    the asked one) are that month's, not this one's."""
    for clause in re.finditer(r"(?:[^，,。；;!?！？\n()（）.]|\.(?=\d))+", scan.text):  # (In August
        inside = range(clause.start(), clause.end())  # we also had ~20 min.): that month's too
        if any(m.start in inside for m in others) and not any(m.start in inside for m in asked):
            for number in NUMBER_RE.finditer(scan.view, clause.start(), clause.end()):
                if not any(m.start <= number.start() < m.end for m in others):
                    scan.take(number.start(), number.end(), "set_aside", "another month's")


def _with_day(scan: Scan, end: int, english: bool = False) -> int:
    """``6月12日`` / ``Feb 10``: the day belongs to the month phrase it follows."""
    pattern = (r"\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[–—-]\s*\d{1,2}(?:st|nd|rd|th)?)?\b"  # Aug 1–31
               r"(?![:：.]\d|\s*(?:min|hour|h\b|s\b|sec|day|%|元|CNY|RMB|yuan|k\b))"
               if english else r"\s*\d{1,2}\s*[日号]")
    day = re.match(pattern, scan.view[end:], re.I)
    return end + (day.end() if day else 0)


def _twelve_hours_on(start: int, end: int, period: str | None) -> int:
    """Hours to add to the end of a range said on a 12-hour clock without am/pm, whose end
    hour is before its start (``11:30 to 1:15``, ``十一点到一点``): 12, as the range runs past
    noon or past midnight alike; 0 where a period is said or an hour shows a 24-hour clock."""
    return 12 if period is None and end < start <= 12 else 0


UNITS_BESIDE = "statistics units counted beside outages timed: inside those outages, or more?"
LATE_CORRECTION = re.compile(  # …另外还有 40 分钟。哦不对，刚才看错行了，是 2 小时 17 分钟
    rf"(?:{TAKEN_BACK})\s*[，,:：]?\s*(?:是|应该是|其实是|实际是|it'?s|it was)?\s*({DURATION})", re.I)
LATE_ASKED = "a correction said apart from the figure it replaces: which one does it replace?"


def _late_corrections(scan: Scan) -> None:
    """A sentence that opens by taking a figure back and says a length (``哦不对，刚才看错行了，
    是 2 小时 17 分钟``): with one length said earlier, that one is taken back; with several,
    which one is asked."""
    for match in scan.finditer(LATE_CORRECTION):
        if any(u.role == "corrected" and 0 <= match.start() - u.end <= 8 for u in scan.uses) \
                or not re.search(rf"(?:^|[{SENTENCE_BREAKS}.])$", re.sub(
                    rf"(?:{TAKEN_BACK}|[，,\s—–-])+$", "", scan.text[:match.start()], flags=re.I)):
            continue  # 二十分钟 不对 是二十五分钟: taken back already; "second one, sorry, 55
            # minutes": a slip corrected as it is said, not a figure of an earlier sentence
        earlier = list(re.finditer(DURATION, scan.view[:match.start()], re.I))
        if len(earlier) == 1:
            scan.take(*earlier[0].span(), "corrected", "taken back by what follows")
        elif earlier:
            scan.take(*match.span(1), "unclear", LATE_ASKED)


def _clock_ranges(scan: Scan) -> list[int]:
    """``2am to 5:30am``, ``11 to 2pm``, ``下午2点到3点半``: ranges said on a 12-hour clock."""
    out = []
    for match in scan.finditer(CLOCK_RANGE):
        if _day_between(scan, match):
            continue
        g = match.groupdict()
        zh = g["h1"] is None
        h1, m1 = int(g["h1"] or g["z1"]), int(g["m1"] or g["y1"] or (30 if g["half1"] else 0))
        h2, m2 = int(g["h2"] or g["z2"]), int(g["m2"] or g["y2"] or (30 if g["half2"] else 0))
        if max(m1, m2) > 59 or max(h1, h2) > 24 or (max(h1, h2) > 12 and not zh):
            continue
        if zh and max(h1, h2) > 12 and not (g["q1"] or g["q2"]):  # 18点整到20点15分: 24-hour
            seconds = _across((h1 * 60 + m1) * 60, (h2 * 60 + m2) * 60, _next_day(scan, match))
            out.append(seconds)
            scan.take(match.start(), match.end(), "incident", f"{seconds // 60} 分钟")
            continue
        if max(h1, h2) > 12:
            continue
        p2 = g["p2"] if not zh else (g["q2"] or g["q1"])
        p1 = (g["p1"] or p2) if not zh else g["q1"]
        if zh:  # 上午11点到12点半: noon; 晚上11点到12点: midnight
            start, end = on_24_hours(h1, p1), on_24_hours(h2, p2)
            end += _twelve_hours_on(start, end, p1 or p2)  # 十一点到一点: two hours
        else:
            start = h1 % 12 + (12 if _afternoon(p1) else 0)
            end = h2 % 12 + (12 if _afternoon(p2) else 0)
        if not zh and g["p1"] is None and start * 60 + m1 > end * 60 + m2:
            start -= 12 if start >= 12 else 0  # "11 to 2pm": 11 am
        seconds = _across((start * 60 + m1) * 60, (end * 60 + m2) * 60, _next_day(scan, match))
        out.append(seconds)
        scan.take(match.start(), match.end(), "incident", f"{seconds // 60} 分钟")
    return out


UNTIL = re.compile(r"\b(?:until|till|to)\b|到|至", re.I)


def _next_day(scan: Scan, match: re.Match[str]) -> bool:
    """A range whose end is said to be on the next day (``到次日 8 点``, ``until 08:00 the
    next day``)."""
    return bool(NEXT_DAY_WORDS.search(match.group(0)) or NEXT_DAY_AFTER.match(scan.text, match.end())
                and UNTIL.search(match.group(0)))  # (01:00–01:30 the next day: both on that day)


def _across(start: int, end: int, next_day: bool) -> int:
    """Seconds from ``start`` to ``end`` (seconds into a day): past midnight when the end is
    earlier; a whole day more when the end is said to be on the next day and is not earlier
    (06:00 到次日 08:00: 26 hours)."""
    return (end - start) % 86400 + (86400 if next_day and end >= start else 0)


RANGE_SEPARATOR = r"(?:-|–|~|～|到|至|to|or|或)"
LENGTH_RANGE = re.compile(
    rf"(?:between\s+)({N})\s*(?:{D_UNIT})?\s*and\s*({N})\s*{D_UNIT}"
    rf"|(?<![\d:：.\-/])({N})\s*(?:{D_UNIT})?[ \t]*{RANGE_SEPARATOR}\s*({N})\s*{D_UNIT}"
    rf"(?!\s*(?:后|以后|之后|later|after))", re.I)


FEE_RANGE = re.compile(rf"(?:费|价|花了?|付了?|交了?|fee|cost|paid|bill)\D{{0,6}}?({N})\s*(?:元|块)?\s*"
                       rf"{RANGE_SEPARATOR}\s*{N}(?![\d.])", re.I)


PER_MINUTE_RATE = re.compile(rf"({N}).*?(?:min(?:ute)?|分钟)|(?:每分钟|per minute|every minute)\D*({N})", re.I)


def _request_rates(scan: Scan) -> tuple[tuple[int, Decimal], ...]:
    """``09:00–09:40 at about 3,000 requests/min, and 01:00–03:00 at about 40 requests/min``:
    each load said per minute (read as context by ``RATES``) with the outage said before it in
    its clause (an SLA may count only minutes with enough requests). A load said before the
    outage it belongs to was read is paired on the next call."""
    out = []
    outages = [u for u in scan.uses if u.role == "incident"]
    for use in [u for u in scan.uses if u.role == "threshold" and RATES.fullmatch(u.text)]:
        said = PER_MINUTE_RATE.search(use.text)
        before = [u for u in outages if u.end <= use.start and not re.search(
            r"[。；;\n]|\band\b|，另|,\s*another", scan.text[u.end:use.start])]
        seconds = incident_seconds(before[-1]) if before else 0
        value = _decimal(said.group(1) or said.group(2)) if said else None
        if not seconds or value is None:
            continue
        scan.mark(use, "request_rate", f"每分钟约 {plain(value)} 次请求")
        out.append((seconds, value))
    return tuple(out)


def _ranges_where(scan: Scan, incidents: list[int], said: Callable[[NumberUse], bool],
                  role: str, note: str) -> list[int]:
    """The incidents left once each time range for which ``said`` holds is read in ``role``."""
    left = list(incidents)
    for use in [u for u in scan.uses if u.role == "incident"]:
        seconds = incident_seconds(use)
        if seconds in left and said(use):
            scan.mark(use, role, note)
            left.remove(seconds)
    return left


def _own_ranges(scan: Scan, incidents: list[int]) -> list[int]:
    """``10:00 ~ 10:40 部分请求鉴权失败（客户 AK 过期）`` / ``10:00-10:40 是我们自己改错了配置``: a time
    range the customer's own side caused is not counted (every SLA excludes it), as a length
    said so is not (see ``_durations``); one said to be announced maintenance (``26号凌晨2点到2点
    40是你们提前发了公告的升级维护``) is asked about, as such a length is."""
    left = _ranges_where(scan, incidents, lambda u: _own_fault(_around(scan.text, u.start, u.end)),
                         "not_counted", "caused on your side")
    return _ranges_where(scan, left, lambda u: bool(MAINTENANCE_SAID.search(
        _around(scan.text, u.start, u.end))), "unclear", MAINTENANCE_ASKED)


QUIET = re.compile(  # part of the outage with next to no requests: SLAs counting requests skip it
    r"(?:traffic|requests?|calls?)[^.;。；]{0,40}?\b(?:basically|almost|nearly|practically)\s+"
    r"(?:nil|none|zero|nothing)|\b(?:0|zero) or (?:1|one) requests?\b"
    r"|(?:流量|请求|调用)[^。；;]{0,12}?(?:几乎|基本(?:上)?)(?:为零|是零|没有|为0|是0)"
    r"|(?:0|零)\s*(?:或|到|~|～|-|–)\s*(?:1|一)\s*(?:个|次|条)?\s*(?:请求|调用)"
    r"|(?:1|一)\s*个\s*(?:请求|调用)\s*都没(?:有|发)"
    r"|\bno requests (?:at all|were sent|came in)|\bdidn'?t send (?:any )?requests", re.I)


def _quiet_ranges(scan: Scan, incidents: list[int]) -> list[int]:
    """``…08:00 every request failed. Our traffic between 01:00 and 07:00 is basically nil: each
    5-minute slot had 0 or 1 request``: the outage's minutes without requests count or not by
    the agreement's rule (some leave out windows with fewer than 2 requests), so the outage is
    asked about, never computed whole."""
    if not QUIET.search(scan.text):
        return incidents
    return _ranges_where(scan, incidents, lambda u: bool(re.search(r"\d[:：]\d", u.text)),
                         "unclear", WITHOUT_REQUESTS)


WITHIN_ANOTHER = re.compile(  # 刚开始的20分钟…之后就完全不行了: a part of another outage, not one of its own
    r"刚开始|开始的|开头|最初|前\s*\d|最后|其中|期间|之后|然后|后来|中间"
    r"|\b(?:first|last|then|during|of it|of that|after that|before that)\b", re.I)


def _partial_alone(text: str, use: NumberUse, uses: tuple[NumberUse, ...]) -> bool:
    """Whether a length said to have only partly failed stands alone (``On the 17th there
    were ~12 min where some messages failed``): its sentence holds no other outage and does
    not place it within one, so no outage's length includes it."""
    if re.search(r"\d[:：]\d", use.text):  # a range: :func:`_partial_ranges` placed it
        return False
    left, right = clause_span(text, use.start, use.end, SENTENCE_BREAKS)
    return not WITHIN_ANOTHER.search(text[left:right]) and not any(
        u.role in ("incident", "downtime") and left <= u.start < right for u in uses)


def _partial_ranges(scan: Scan, incidents: list[int], spans: list[tuple[int, int, int]]
                    ) -> tuple[list[int], list[tuple[int, int]]]:
    """``flaky from 14:00 to 17:00 — some calls went through``: a time range in which only part
    failed is asked about, as a length said so is (see ``_durations``). A range whose own
    clause says everything failed (``23:40 到 01:10 一直登不上，但中间 00:20~00:30 有部分同事能登进去``)
    is not one. Each partial range is returned with the length of the outage said to hold it
    (0 if none), so an SLA that counts such minutes as available can take it out."""
    left, partly = list(incidents), []
    for use in [u for u in scan.uses if u.role == "incident"]:
        seconds = incident_seconds(use)
        clause = _around(scan.text, use.start, use.end)
        sentence = _around(scan.text, use.start, use.end, SENTENCE_BREAKS)
        if seconds not in left or not PARTIAL_OUTAGE.search(
                clause if FULL_FAILURE.search(clause) else sentence) \
                or _partial_elsewhere(sentence, clause) or _own_fault(clause):
            continue  # (a range the customer caused is not counted at all: no doubt to ask)
        scan.mark(use, "unclear", PARTLY_FAILING)
        left.remove(seconds)
        own = next((span for span in spans if span[0] == use.start), None)
        holder = next((span for span in spans if own and span is not own
                       and _inside(own[1:], span[1:])), None)
        partly.append((seconds, (holder[2] - holder[1]) % 86400 if holder else 0))
    return left, partly


def _rated_ranges(scan: Scan, incidents: list[int], spans: list[tuple[int, int, int]]
                  ) -> tuple[list[int], tuple[tuple[int, Decimal, Decimal], ...]]:
    """Time ranges said with the error rate they ran at (``09:00 到 09:39 每分钟错误率在 6%~30% 之间，
    09:40 到 09:50 降到 3% 左右``, ``success rate between 97% and 98.5% every minute``): each one's
    length and its lowest and highest error rate, asked about (which minutes count depends on
    the SLA's own threshold); a range at 100 % errors stays an outage. Ranges said one minute
    apart list per-minute points, so each holds its last minute."""
    if not (LOSS_OR_RATE.search(scan.text) or SUCCESS_RATE.search(scan.text)):
        return incidents, ()
    left, rated = list(incidents), []
    for use in [u for u in scan.uses if u.role == "incident" and re.match(r"\d+ 分钟", u.note)]:
        begin, stop = clause_span(scan.text, use.start, use.end)
        following = clause_span(scan.text, stop + 1, stop + 1)[1] if stop < len(scan.text) \
            and scan.text[stop] in "，," else stop
        if not LOSS_OR_RATE.search(scan.text, begin, stop) and (LOSS_OR_RATE.search(
                scan.text, stop, following) or DIPPED.search(scan.text, stop, following)) \
                and not DURATION_RE.search(scan.view, stop, following):
            stop = following  # 20:00–22:00 丢包严重，监控上丢包率在 30%~100% 之间: its rate said next
        if WINDOWS_COUNTED.search(scan.text, begin, stop):  # 这 18 个点错误率 100%: windows
            continue
        pcts = [m for m in BARE_PCT.finditer(scan.view, use.end, stop) if not (  # 超过 5%, below
            BOUND_BEFORE.search(scan.text[max(use.end, m.start() - 12):m.start()])  # your 99%
            or BOUND_AFTER.match(scan.text, m.end()) and not _worse_than(scan, m, begin, stop)
            or NOT_MEASURED_AFTER.match(scan.text, m.end()))]
        seconds = incident_seconds(use)
        if not pcts or seconds not in left:
            continue
        values = [v for v in (_decimal(m.group(1)) for m in pcts) if v is not None and v <= 100]
        success = _success_named(scan.text[:stop])  # the rate named last before these figures
        errors = sorted(100 - v if success else v for v in values)
        if not errors or errors[0] == 100:
            continue
        left.remove(seconds)
        span = next(((s, e) for where, s, e in spans if where == use.start), None)
        within = next((u for u in scan.uses if u.role == "incident" and span and u is not use
                       for where, s, e in spans if where == u.start and _inside(span, (s, e))
                       and not DATE_BETWEEN.search(scan.text, min(u.end, use.end),
                                                   max(u.start, use.start))), None)
        if within is not None:  # 22:10 到 23:30 全报 5xx，22:10 到 23:25 每个点错误率 2% 以上: the same
            scan.mark(use, "restated", "the same outage, said with its error rate")
            spans[:] = [s for s in spans if s[0] != use.start]
            continue
        seconds += _last_point(scan, use, stop)
        scan.mark(use, "unclear", RATED_RANGE)
        for m in pcts:
            scan.take(m.start(), m.end(), "other_metric", "the error rate in that range")
        rated.append((seconds, errors[0], errors[-1]))
    if not rated:
        return left, ()
    starts = sorted((span[1], span[2]) for span in spans)
    listed = any(b[0] - a[1] == 60 for a, b in zip(starts, starts[1:]))  # 09:39 … 09:40
    return left, tuple((seconds + (60 if listed else 0), low, high) for seconds, low, high in rated)


DIPPED = re.compile(r"\b(?:dipped|dropped|fell|sank|sat)\b[^,.;，。；\d]{0,12}\d+(?:\.\d+)?\s*%"
                    r"|(?:掉到|降到|跌到|跌至|降至|只有)\s*\d+(?:\.\d+)?\s*[%％]", re.I)
DATE_BETWEEN = re.compile(rf"\d\s*[日号]|\d+\s*月\s*\d+|\b(?:on|{EN_NAMES})\.?\s+\d", re.I)
EACH_POINT = re.compile(r"每一?分钟|每个\s*(\d+)\s*分钟|every (?:single )?minute|each minute"
                        r"|(?:every|each) (\d+)[- ]min"
                        r"|(every|each) (?:single )?(?:window|point|bucket)"
                        r"|(每个)(?:统计)?(?:点|窗口|粒度)", re.I)
UNIT_SAID = re.compile(r"(\d+)\s*(?:-|\s)?(?:min(?:ute)?s?\b|分钟)\s*(?:一个点|的?点|粒度|窗口|统计|error|window"
                       r"|bucket|granularit|export|data|points?)", re.I)


def _last_point(scan: Scan, use: NumberUse, stop: int) -> int:
    """Seconds to add to a range of statistics points whose end is the last bad point, not
    when it ended (``21:00 到 21:59 每一分钟都在 40% 以上``; ``22:10 到 23:25 每个 5 分钟点…，23:30
    那个点恢复了``): one point's length; else 0."""
    each = EACH_POINT.search(scan.text, use.start, stop)
    ends = re.findall(r"(\d{1,2})[:：](\d{2})", use.text)
    if each is None or len(ends) < 2:
        return 0
    said = UNIT_SAID.search(scan.text) if each.group(3) or each.group(4) else None
    if (each.group(3) or each.group(4)) and said is None:
        return 0  # every window: of a length not said
    size = int(each.group(1) or each.group(2) or (said.group(1) if said else 1))
    hour, minute = int(ends[-1][0]), int(ends[-1][1])
    after = (hour * 60 + minute + size) % 1440
    recovered = re.search(rf"0?{after // 60}[:：]{after % 60:02d}\s*(?:那个点|这个点|那一分钟)?\s*"
                          r"(?:就|才|已经|已)?(?:恢复|正常|好了|recovered|was back|back)", scan.text[stop:])
    hour_end = size == 1 and minute == 59 or size > 1 and (minute + size) % 60 == 0
    return size * 60 if recovered or hour_end else 0


WORSE_AFTER = re.compile(r"\s*(?:以上|or (?:more|above|higher)|and above|\+)", re.I)
BETTER_AFTER = re.compile(r"\s*(?:以下|or (?:less|lower|below)|and below)", re.I)
RULE_SAID = re.compile(r"算|视为|计为|认定|标准|阈值|协议|SLA|count(?:s|ed)? as|considered|threshold",
                       re.I)


def _worse_than(scan: Scan, pct: re.Match[str], begin: int, stop: int) -> bool:
    """``15:20 到 17:35 错误率 30% 以上`` / ``success rate 95% or lower``: a range measured at
    that rate or worse (its error rate at least that), not a rule quoted (``错误率 5% 以上算不可用``)."""
    if RULE_SAID.search(scan.text, begin, stop):
        return False
    worse = BETTER_AFTER if _success_named(scan.text[:pct.start()]) else WORSE_AFTER
    return bool(worse.match(scan.text, pct.end()))


def _success_named(before: str) -> bool:
    """Whether the rate named last in ``before`` is a success rate (its figures count up)."""
    named = list(re.finditer(f"{RATE_WORDS}|{SUCCESS_RATE.pattern}", before, re.I))
    return bool(named) and bool(SUCCESS_RATE.fullmatch(named[-1].group(0)))


WINDOWS_COUNTED = re.compile(r"\d+\s*个\s*(?:\d+\s*分钟)?\s*(?:统计)?(?:点|周期|窗口|粒度)"
                             r"|\d+\s+(?:\w+[- ])?(?:windows|points|buckets|intervals)", re.I)


def _inside(part: tuple[int, int], whole: tuple[int, int]) -> bool:
    """Whether the clock range ``part`` (start, end seconds of a day) lies within ``whole``,
    either of them possibly running past midnight."""
    start, end = whole[0], whole[1] + (86400 if whole[1] <= whole[0] else 0)
    a, b = part[0], part[1] + (86400 if part[1] <= part[0] else 0)
    return any(start <= a + shift and b + shift <= end for shift in (0, 86400))



def _when_of_units(scan: Scan, spans: list[tuple[int, int, int]], incidents: list[int],
                   downtime: Decimal | None) -> list[int]:
    """``36 consecutive 5-min windows at 100% (Jun 10 02:00–04:59)``: a clock range in brackets
    right after the counted units, as long as they are, says when they were; it is not one more
    outage."""
    if downtime is None:
        return incidents
    counted = [u for u in scan.uses if u.role == "unit_count"]
    left = list(incidents)
    for where, start, end in spans:
        length = (end - start) % 86400
        use = next((u for u in scan.uses if u.start == where and u.role == "incident"), None)
        bracket = scan.text.rfind("(", 0, where), scan.text.rfind("（", 0, where)
        opened = max(bracket)
        if use is None or length not in left or abs(length - downtime * 60) >= 300 or opened < 0 \
                or not any(0 <= opened - u.end <= 40 for u in counted):
            continue
        scan.mark(use, "restated", "when those units were")
        left.remove(length)
    return left


DAY_ALONE = re.compile(r"(?<![\d.:])(?:3[01]|[12]\d|0?[1-9])\s*[日号]")


WINDOW_RUNS = re.compile(  # 6 次是连续 2 个 5 分钟都超 / 3 次只是单个 5 分钟超标
    r"(\d+)\s*次[^，,。；;\d]{0,6}?(?:连续\s*(\d+)|单|1)\s*个\s*(\d+)\s*分钟(?:的?(?:统计)?(?:周期|窗口|粒度|点))?")


def _window_runs(scan: Scan) -> list[int]:
    """Outages said as a count of runs of statistics windows (``有 6 次是连续 2 个 5 分钟都超的``,
    ``6 次“连续两个 5 分钟统计点…”``):
    each run one outage of its windows' length, so the SLA's own rules for runs (two
    windows in a row, a shortest outage) see each run whole."""
    out = []
    for match in scan.finditer(RUNS_RE):  # 连续两个 5 分钟都异常的一共 5 次: five of 10 minutes
        word = (match.group(1) or match.group(2)).lower()
        runs = Decimal(EN_COUNTS[word]) if word in EN_COUNTS else _decimal(word)
        if runs is not None and 0 < runs <= MOST_OUTAGES:
            out += [600] * int(runs)
            scan.take(match.start(), match.end(), "incident", f"{plain(runs)} × 10 分钟")
    for match in scan.finditer(WINDOW_RUNS):
        times, run, size = int(match.group(1)), int(match.group(2) or 1), int(match.group(3))
        if 0 < times <= MOST_OUTAGES and 0 < run <= 288:
            out += [run * size * 60] * times
            scan.take(match.start(), match.end(), "incident",
                      f"{times} × {run * size} 分钟")
    return out


def _day_between(scan: Scan, match: re.Match[str]) -> bool:
    """``早上 8 点一直到 6/14 凌晨 2 点``: a calendar day said before the end time makes the
    outage days long; the start/end reader counts them (a bare ``4 号`` stays the next day)."""
    said = scan.text[match.start():match.end()]
    before = scan.text[max(0, match.start() - 8):match.start()]
    clause = scan.text[_sentence(scan.text, match.start())[0]:match.start()]
    return bool(DAY_IN_RANGE.search(said)) or bool(  # 3 号早上 8 点一直到 5 号早上 9 点
        BARE_DAY_IN_RANGE.search(said) and (re.search(r"\d\s*[日号]\s*(?:的)?\s*$", before)
                                            or DAY_ALONE.search(clause)))  # 22 号那次，从早上
    # 6 点一直到 23 号晚上 10 点: the start's day said earlier in the sentence


def _gaps(text: str, spans: list[tuple[int, int, int]]) -> tuple[int, ...]:
    """Seconds between consecutive clock ranges (``10:00–10:04 …，10:20–10:23`` -> (960,)); a
    day (86400) when a date is said between two of them (``10/9 14:02-14:10 … 10/21 9:30-9:33``)
    or the next starts earlier in the day."""
    spans = sorted(spans)
    return tuple(86400 if FULL_DATE.search(text[at:nxt]) or start < end else start - end
                 for (at, _, end), (nxt, start, _) in zip(spans, spans[1:]))


def _afternoon(period: str | None) -> bool:
    """``pm`` / ``p.m.`` / ``下午`` / ``晚上``."""
    return bool(period) and str(period).lower().startswith(("p", "下", "晚"))


def _unit_minutes(match: re.Match[str] | None) -> Decimal | None:
    """The minutes of a statistics unit a ``UNIT_SIZE`` match names (``5 分钟粒度`` -> 5,
    ``按分钟`` -> 1, ``one-minute`` -> 1)."""
    raw = next((g for g in match.groups() if g), None) if match else None
    if raw is None:
        return None
    words = {"one": Decimal(1), "five": Decimal(5), "ten": Decimal(10), "分": Decimal(1),
             "minute": Decimal(1)}
    return words.get(raw.lower()) or _decimal(raw)


def _said_of(text: str, start: int, end: int) -> str:
    """What is said of ``text[start:end]``: its clause and the clauses after it in its sentence
    up to one with a number of its own (``①11月14日01:00–02:30，说是维护，但通知11月12日才发``:
    the first two clauses)."""
    left, right = clause_span(text, start, end)
    stop = clause_span(text, start, end, SENTENCE_BREAKS)[1]
    while right < stop:
        nxt = clause_span(text, right + 1, right + 1)[1]
        if re.search(r"\d", text[right + 1:nxt]):
            break
        right = nxt
    return text[left:right]


USE_HOURS_BEFORE = re.compile(r"(?:每天|每日|工作日|平时|every day|daily|on weekdays)\s*(?:的|from)?\s*$", re.I)
USE_HOURS_AFTER = re.compile(r"\s*(?:之间|期间)?\s*(?:才|会)?\s*(?:送审|发请求|有请求|有流量|调用|使用|营业|上班"
                             r"|(?:we )?(?:send|use|run|call)\b)", re.I)  # the hours of use


def _time_ranges(scan: Scan, spans: list[tuple[int, int, int]]) -> list[int]:
    """``14:05 到 15:35`` -> one outage of 90 minutes (over midnight: the next day);
    ``14:01:01 to 15:01:29`` -> 3628 s. ``spans`` gets (where, start, end seconds) of each."""
    out = _clock_ranges(scan)
    for match in scan.finditer(TIME_RANGE):
        if _day_between(scan, match):
            continue
        clause = _around(scan.text, match.start(), match.end())
        state = scan.text[match.end():match.end() + 10].lstrip(" :：|")
        row = scan.text[match.end():].split("\n", 1)[0]  # 08:02 → 08:39 恢复  全部失败: it failed
        if RUNNING.match(state) and not OUTAGE_SAID.search(row):  # 10:15-10:20 正常: it worked
            scan.take(match.start(), match.end(), "date", "running normally")
            continue
        sentence = _around(scan.text, match.start(), match.end(), SENTENCE_BREAKS)
        said = _said_of(scan.text, match.start(), match.end())  # 01:00–02:30，说是维护，…
        scheduled = SCHEDULE.search(said) and not OUTAGE_SAID.search(said) \
            and not STOPPED.search(sentence)
        if scheduled and LATE_NOTICE.search(sentence):  # 维护…14号才发的通知: maybe not excluded
            scan.take(match.start(), match.end(), "unclear", LATE_NOTICE_ASKED)
            continue
        if scheduled or (SETTING_BEFORE.search(scan.text[max(0, match.start() - 24):match.start()])
                         and not OUTAGE_SAID.match(state)):
            scan.take(match.start(), match.end(), "date", "a schedule, not an outage")
            continue  # backup window is 02:00-04:00 / 每天 02:00-04:00 备份
        if re.search(NO_REQUESTS, sentence, re.I) and not OUTAGE_SAID.search(clause):
            scan.take(match.start(), match.end(), "unclear", WITHOUT_REQUESTS)  # 10:00 到 10:30
            continue  # 流量切走了，一个请求都没往平台发: whether those minutes count is the SLA's
        if USE_HOURS_BEFORE.search(scan.text[max(0, match.start() - 12):match.start()]) \
                and USE_HOURS_AFTER.match(scan.text, match.end()):  # 只在每天 8:00-20:00 送审
            scan.take(match.start(), match.end(), "date", "when the service is used, not an outage")
            continue
        if SETTING_AFTER.match(scan.text, match.end()):  # down 10:00-11:00 daily: how many days?
            scan.take(match.start(), match.end(), "unclear", "every day: on how many days?")
            continue
        zones = ZONE_SAID.findall(scan.text[match.start():match.end() + 10])
        if len({re.sub(r"\s", "", z).upper() for z in zones}) > 1:  # 18:00 (UTC+8) 到 10:40 (UTC)
            scan.take(match.start(), match.end(), "unclear",
                      "start and end in different time zones: which clock?")
            continue
        said_next = _next_day(scan, match)  # 到次日 / until … the next day
        next_day = said_next or re.search(r"\d\s*[号日]", match.group(0))  # (到 5 号: a day said)
        p1, p2 = match.group(1), match.group(5) or (None if next_day else match.group(1))
        h1, m1, s1, h2, m2, s2 = (int(match.group(i) or 0) for i in (2, 3, 4, 6, 7, 8))
        h1, h2 = on_24_hours(h1, p1), on_24_hours(h2, p2)  # 晚上11:40到次日早上6:10
        h2 += 0 if next_day else _twelve_hours_on(h1, h2, p1 or p2)  # 11:30 to 1:15: lunch
        seconds = _across(h1 * 3600 + m1 * 60 + s1, h2 * 3600 + m2 * 60 + s2, said_next)
        spans.append((match.start(), h1 * 3600 + m1 * 60 + s1, h2 * 3600 + m2 * 60 + s2))
        out.append(seconds)
        note = f"{seconds // 60} 分钟" if seconds % 60 == 0 else f"{seconds} 秒"
        scan.take(match.start(), match.end(), "incident", note)
    return out


SOURCE_PREFERRED = re.compile(
    r"按(?:后台|监控|日志|我们的|我方)[^，,。；;]{0,6}(?:算|计算|为准)|以(?:后台|监控|日志)[^，,。；;]{0,6}为准"
    r"|(?:per|according to|based on) (?:the |our )?(?:backend|logs|monitoring)", re.I)
SOURCE_WORDS = re.compile(r"后台|监控|日志|backend|monitoring|logs", re.I)
ANOTHER_OUTAGE = re.compile(r"又|再|另|次日|第二天|again|another|then|later|next day", re.I)


def _joined(scan: Scan, spans: list[tuple[int, int, int]], incidents: list[int]) -> list[int]:
    """Ranges that run on from each other (``10:00-10:05 不可用，10:05-10:10 不可用``) are one
    outage: an SLA that ignores short outages must see its whole length."""
    runs: list[list[tuple[int, int, int]]] = []
    for span in sorted(spans):
        last = runs[-1][-1] if runs else None
        if last is not None and last[2] == span[1] and not (
                ANOTHER_OUTAGE.search(scan.text[last[0]:span[0]])
                or re.search(r"\d\s*[日号]", scan.text[last[0]:span[0]])):
            runs[-1].append(span)
        else:
            runs.append([span])
    for run in (r for r in runs if len(r) > 1):
        uses = [next((u for u in scan.uses if u.start == at and u.role == "incident"), None)
                for at, _, _ in run]
        if None in uses:
            continue
        lengths = [incident_seconds(u) for u in uses if u is not None]
        if any(n not in incidents for n in lengths):
            continue
        for n in lengths:
            incidents.remove(n)
        total = sum(lengths)
        incidents.append(total)
        for use in uses[1:]:
            assert use is not None
            scan.mark(use, "restated", "runs on from the range before it")
        first = uses[0]
        assert first is not None
        scan.mark(first, "incident", f"{total // 60} 分钟（连续的 {len(run)} 段）")
    return incidents


POINTS_AROUND = re.compile(
    r"(?:每个|每一个|every|each)\s*(\d+)\s*(?:分钟|-?\s*min(?:ute)?s?)\s*(?:的)?\s*(?:统计)?"
    r"(?:点|粒度|points?|windows?|buckets?|intervals?)", re.I)


def _points_of(text: str, start: int, end: int) -> int:
    """The size in minutes of the statistics points a time range names by their starts (``every
    5-minute point from 08:40 through 09:55``, ``22:10到23:25每个5分钟点``), else 0: the
    range then covers one more point than its clock times say."""
    said = POINTS_AROUND.search(text[max(0, start - 28):start]) \
        or POINTS_AROUND.match(text[end:end + 24].lstrip())
    return int(said.group(1)) if said else 0


WHOLE_SAID_IN_PARTS = "the whole outage, said again by its parts"
WITHOUT_REQUESTS = ("minutes at a partial error rate or without requests: how many count as "
                    "unavailable under the agreement?")


EACH_MINUTE = re.compile(r"每分钟|每一分钟|都在|之间|every minute|each minute|per minute|between", re.I)


def _rated_lengths(scan: Scan, ranges: tuple[tuple[int, Decimal, Decimal], ...]
                   ) -> tuple[tuple[int, Decimal, Decimal], ...]:
    """A length said with the error rate it ran at (``10 月 9 日有 30 分钟失败率 0.008%``,
    ``失败率 2% 持续了 30 分钟``), like a time range with its rate: which of its minutes count is
    the SLA's per-minute threshold's to say, so it waits for that, never guessed. A length
    restating one of the rated ``ranges`` in its sentence is read once (``20:00–20:39 这 40
    分钟``: its last minute included). Returns ``ranges`` with these added."""
    out = list(ranges)
    for use in [u for u in scan.uses if u.role == "unclear" and u.note == WITHOUT_REQUESTS]:
        seconds = duration_seconds(use.text)
        begin, stop = clause_span(scan.text, use.start, use.end)
        clause = scan.text[begin:stop]
        if len(seconds) != 1 or NOT_COUNTED.search(clause) \
                or re.search(r"成功率|success|没有?请求|no requests", clause, re.I) \
                or seconds[0] > 6 * 3600 and not EACH_MINUTE.search(clause):
            continue  # 一整天错误率 8%: a day's average says nothing of its minutes
        left, right = clause_span(scan.text, use.start, use.end, SENTENCE_BREAKS)
        same = [i for i, r in enumerate(out) if abs(r[0] - seconds[0]) <= 60]
        if same and any(u.note == RATED_RANGE and left <= u.start < right for u in scan.uses):
            out[same[0]] = (max(seconds[0], out[same[0]][0]), *out[same[0]][1:])
            scan.mark(use, "restated", SAME_AS_RANGE)
            continue
        rates = [u for u in scan.uses if u.role in ("threshold", "other_metric")
                 and begin <= u.start < stop and u.text.endswith("%")]
        values = sorted(v for v in (_decimal(u.text.rstrip("%")) for u in rates) if v is not None)
        if not 1 <= len(rates) <= 2 or len(values) != len(rates) or values[-1] >= 100 or any(
                BOUND_BEFORE.search(scan.text[max(begin, u.start - 12):u.start]) for u in rates):
            continue  # 错误率超过 5% 的有 30 分钟: a bound, those minutes are counted already
        scan.mark(use, "unclear", RATED_RANGE)
        for rate in rates:  # 2%–4% 之间: its lowest and highest
            scan.mark(rate, "other_metric", "the error rate in that range")
        out.append((seconds[0], values[0], values[-1]))
    return tuple(out)


def _said_in_parts(scan: Scan, spans: list[tuple[int, int, int]],
                   incidents: list[int]) -> list[int]:
    """A time range followed by ranges that cut it into parts (``70 straight minutes,
    13:20–14:30. … 13:20–13:45 were 502s from their own upstream, 13:45–14:30 every call
    failed inside the gateway``): the whole is said again by its parts, so only the parts
    count, and a part the customer's own side caused is left out."""
    left = list(incidents)
    for at, start, end in spans:
        after = sorted((s, e, a) for a, s, e in spans if a > at and start <= s < e <= end)
        tiles = [after[0]] if after and after[0][0] == start else []
        for part in after[1:]:
            if tiles and part[0] == tiles[-1][1]:
                tiles.append(part)
        whole = next((u for u in scan.uses if u.start == at and u.role == "incident"), None)
        if len(tiles) < 2 or tiles[-1][1] != end or whole is None \
                or incident_seconds(whole) not in left:
            continue
        left.remove(incident_seconds(whole))  # its length kept in the note: 70 minutes restates it
        scan.mark(whole, "restated", f"{incident_seconds(whole) // 60} 分钟，{WHOLE_SAID_IN_PARTS}")
        for _, _, a in tiles:
            piece = next((u for u in scan.uses if u.start == a and u.role == "incident"), None)
            if piece is None or incident_seconds(piece) not in left:
                continue
            said = _around(scan.text, a, piece.end)
            if _own_fault(said):
                left.remove(incident_seconds(piece))
                scan.mark(piece, "not_counted", "caused on your side")
            elif NOT_COUNTED.search(said) or re.search(r"没有任何(?:请求|调用|流量)", said):
                # 02:00–05:00 本来就没有任何请求: whether those minutes count is the SLA's rule
                left.remove(incident_seconds(piece))
                scan.mark(piece, "unclear", WITHOUT_REQUESTS)
    return left


def _said_twice(scan: Scan, spans: list[tuple[int, int, int]], incidents: list[int]) -> list[int]:
    """Two time ranges of one day that overlap (the customer's 23:40–01:10 and the backend's
    23:43–01:06) are one outage said twice, never two: the one the question says to go by is
    kept (``按后台记录算``), else both are asked about."""
    timed = sorted(spans)
    for (a, s1, e1), (b, s2, e2) in zip(timed, timed[1:]):
        end1, end2 = e1 + (86400 if e1 <= s1 else 0), e2 + (86400 if e2 <= s2 else 0)
        uses = [next((u for u in scan.uses if u.start == at and u.role == "incident"), None)
                for at in (a, b)]
        later = uses[1]
        if uses[0] is None or later is None:
            continue
        day1, day2 = day_said(scan.text, a, uses[0].end), day_said(scan.text, b, later.end)
        same_day = day1[1] == day2[1] and 0 in (day1[0], day2[0], day1[0] - day2[0]) \
            if day1 and day2 else not ANOTHER_OUTAGE.search(scan.text[a:b])  # 11/18 … 11/19 …
        if end1 - s1 == end2 - s2 and not ANOTHER_OUTAGE.search(scan.text[a:b]) \
                and ZONE_NEAR.search(scan.text[a:b + 40]) and incident_seconds(later) in incidents:
            incidents.remove(incident_seconds(later))  # UTC 15:40–17:10（北京时间 23:40–01:10）
            scan.mark(later, "restated", "the same outage in another time zone")
            continue
        if not same_day or max(s1, s2) >= min(end1, end2):
            continue
        lengths = [end - begin + _points_of(scan.text, at, stop) * 60 for at, begin, end, stop
                   in ((a, s1, end1, uses[0].end), (b, s2, end2, later.end))]
        if lengths[0] == lengths[1] and incident_seconds(later) in incidents:  # 22:10 到 23:30 挂了，
            incidents.remove(incident_seconds(later))  # 22:10 到 23:25 每个 5 分钟点都超了: one outage
            scan.mark(later, "restated", "the same outage, counted by its statistics points")
            continue
        sources = [bool(SOURCE_WORDS.search(_around(scan.text, at, at + 1, SENTENCE_BREAKS)))
                   for at in (a, b)]
        keep = sources.index(True) if SOURCE_PREFERRED.search(scan.text) and sum(sources) == 1 \
            else None
        for i, use in enumerate(uses):
            if use is None or i == keep:
                continue
            if incident_seconds(use) in incidents:
                incidents.remove(incident_seconds(use))
            scan.mark(use, "restated" if keep is not None else "unclear",
                      "the same outage, by the other account" if keep is not None
                      else "two times for one outage: which one counts?")
    return incidents


EACH_DAY = re.compile(
    rf"({N})\s*天(?:里|内|时间)?\s*[，,]?\s*(?:每天|每一天)(?:都|各|大概|大约|约|差不多|有|是)*\s*"
    rf"(?:断了?|挂了?|宕了?|不可用|连不上|中断了?|出问题)?\s*(?:大概|大约|约)?\s*({DURATION})", re.I)


def _whole_month_aside(scan: Scan, counted: Decimal | None, month: str | None) -> Decimal | None:
    """``10 月一共 8928 个 5 分钟统计点，有 27 个…``: units that add up to the whole month are
    the month's count of units (the formula's denominator), never time it was down."""
    if counted is None or month is None:
        return counted
    year, number = (int(part) for part in month.split("-"))
    if counted != calendar.monthrange(year, number)[1] * 1440:
        return counted
    scan.relabel({"unit_count"}, "total_units", "all of the month's statistics units")
    return None


def _each_day(scan: Scan) -> list[int]:
    """``有两天，每天断了 480 分钟`` -> two outages of 480 minutes (never a 2-day outage)."""
    out: list[int] = []
    for match in scan.finditer(EACH_DAY):
        days, lengths = _decimal(match.group(1)), duration_seconds(match.group(2))
        if days is None or days != days.to_integral_value() or not 0 < days <= 31 \
                or len(lengths) != 1:
            continue
        each = f"{lengths[0] // 60} 分钟" if lengths[0] % 60 == 0 else f"{lengths[0]} 秒"
        note = f"{int(days)} 天 × 每天 {each}"
        scan.take(match.start(1), match.end(1), "outage_count", note)
        scan.take(match.start(2), match.end(2), "incident", note)
        out += lengths * int(days)
    return out


RUNNING = re.compile(r"正常|恢复|OK\b|ok\b|up\b|normal|healthy|100\s*%(?!\s*(?:的)?\s*(?:丢包|失败|错误|报错|超时|不可用"
                     r"|(?:packet )?loss|errors?|fail|failed|failures?|timeouts?|down|5xx))", re.I)


LISTED_TIMES = re.compile(r"\d{1,2}:\d{2}(?:\s*[、,，/]\s*\d{1,2}:\d{2})+")
POINTS_LISTED = "statistical points listed by their times: which count?"


def _listed_points(scan: Scan) -> None:
    """``5 分钟错误率异常点：11/08 09:15、09:20 … 20:00、20:05、20:10、20:15``: in a message about
    statistical units, clock times listed one after another are points that failed, not when
    something was said; never dropped as dates, they are asked about (which count, by the
    SLA's rule of consecutive points, is the agreement's)."""
    if not any(u.role in ("unit_size", "unit_count") for u in scan.uses):
        return
    for listed in LISTED_TIMES.finditer(scan.text):
        rest = scan.text[listed.end():_around_end(scan.text, listed.end())]
        if re.search(r"\d\s*[%％]", rest):  # 16:00、16:05 三个点分别是 60%、30%: read with their
            continue  # rates
        times = len(re.findall(r"\d{1,2}:\d{2}", listed.group(0)))
        counted = any(u.role in ("unit_count", "error_windows") and 0 <= u.start - listed.end() <= 6
                      and u.note.startswith(f"{times} ×") for u in scan.uses) \
            and not any(u.role == "incident" for u in scan.uses)  # (the units the only outage)
        for use in [u for u in scan.uses
                    if u.role == "date" and listed.start() <= u.start < listed.end()]:
            if counted:  # 14:05、14:10、14:15、14:20 四个桶全部失败: when those units were
                scan.mark(use, "restated", "when those units were")
            else:
                scan.mark(use, "unclear", POINTS_LISTED)


def _dates(scan: Scan) -> None:
    for pattern in (FULL_DATE, TIMES):
        for match in scan.finditer(pattern):
            scan.take(match.start(), match.end(), "date")
    for match in DAY_BEFORE_NAME.finditer(scan.text):
        if MASK not in scan.view[match.start():match.end()]:
            scan.take(match.start(), match.end(), "date")
    for match in scan.finditer(re.compile(r"\d{4}\s*年(?!\s*\d{1,2}\s*月)")):
        scan.take(match.start(), match.end(), "date")


RATE_WORDS_RE = re.compile(RATE_WORDS, re.I)
DURATION_RE = re.compile(DURATION, re.I)
LOSS_OR_RATE = re.compile(rf"{RATE_WORDS}|丢包率|packet loss", re.I)  # a range's rate of failures


def _error_windows(scan: Scan, size: int | None = None) -> tuple[tuple[int, Decimal, int], ...]:
    """Statistics windows said with their error rate, as (count, error %, minutes):
    ``12 个 5 分钟区间全部返回 Inner Error`` -> (12, 100, 5); ``另外 60 个窗口错误率 10%`` ->
    (60, 10, 5) (a window's size carries to the next group); ``每个窗口都是 2000 个请求里有
    500 个返回错误`` -> 25 %. Windows said without a rate are left to the unit counts. ``size``:
    the windows' minutes a series of rates said before (its bare % are rates too)."""
    found: list[tuple[re.Match[str], int, Decimal, int, tuple[int, int] | None]] = []
    words = {"one": 1, "three": 3, "five": 5, "ten": 10}
    groups = list(scan.finditer(WINDOW_GROUP))
    rated = size is not None  # once one group (or a series) names an error rate, a bare % of
    # the next one is one too
    for i, match in enumerate(groups):
        count = _decimal(match.group(1))
        raw = (match.group(2) or match.group(3) or "").lower()
        size = int(words.get(raw, raw)) if raw else size
        said = re.split(r"[。；;\n]", scan.text[:match.start()])[-1]  # 5 分钟粒度错误率，有 12 个统计点 100%
        if size is None and (unit := _unit_minutes(UNIT_SIZE.search(said))):
            size = int(unit) or None
        rated = rated or bool(RATE_WORDS_RE.search(said))
        if count is None or size is None or count != count.to_integral_value():
            continue
        stop = groups[i + 1].start() if i + 1 < len(groups) else len(scan.view)
        clause = re.split(r"[。；;\n]|另外|另有|and another|plus|其[余他]|everything else",
                          scan.view[match.end():stop], maxsplit=1)[0]
        listed = list(re.finditer(rf"({N})\s*%", clause))
        if count > 1 and len(listed) == count and re.search(r"分别|respectively", clause):
            for each in listed:  # 三个点分别是 60%、30%、10%: one window at each rate
                found.append((match, 1, Decimal(each.group(1)), size,
                              (match.end() + each.start(), match.end() + each.end())))
            rated = True
            continue
        pct: Decimal | None = None
        span = None
        rate = RATE_PCT.search(clause) or (BARE_PCT.search(clause) if rated else None)
        ratio = RATE_RATIO.search(clause)
        if rate:
            pct = _decimal(next(g for g in rate.groups() if g))
            span = (match.end() + rate.start(), match.end() + rate.end())
            rated = True
        elif ratio:
            a, b = _decimal(ratio.group(1) or ratio.group(4)), _decimal(ratio.group(2) or
                                                                        ratio.group(3))
            if a and b is not None and b <= a:
                pct = (b / a * 100).quantize(Decimal("0.0001"))
                span = (match.end() + ratio.start(), match.end() + ratio.end())
                rated = True
        elif ALL_FAILED.search(scan.text, match.end(), match.end() + len(clause)):  # as said:
            pct, rated = Decimal(100), True  # 都返回 500 (read as a code) is every request failing
        if pct is not None and 0 <= pct <= 100:
            found.append((match, int(count), pct, size, span))
    taken: set[int] = set()
    for group, n, rate_pct, minutes, rate_span in found:
        note = f"{n} × {minutes} 分钟，错误率 {plain(rate_pct)}%"
        if group.start() not in taken:
            scan.take(group.start(), group.end(), "error_windows", note)
            taken.add(group.start())
        if rate_span:
            scan.take(*rate_span, "error_windows", note)
    return tuple((count, pct, minutes) for _, count, pct, minutes, _ in found)


def _rate_first_windows(scan: Scan) -> tuple[tuple[int, Decimal, int], ...]:
    """Windows said rate first, after their size: ``5 分钟错误率 100% 的窗口有 48 个，50% 的有
    24 个`` -> (48, 100, 5), (24, 50, 5)."""
    found = []
    for match in scan.finditer(RATE_FIRST):
        said = re.split(r"[。；;\n]", scan.text[:match.start()])[-1]
        if re.search(rf"(?:{BOUND_WORDS})\s*$", said, re.I):  # 超过 5% 的点一共 75 个: a threshold
            return ()
        size = _unit_minutes(UNIT_SIZE.search(said) or UNIT_SIZE.search(match.group(0)))
        pct, count = _decimal(match.group(1)), _decimal(match.group(2))
        if size is None or pct is None or count is None or not 0 <= pct <= 100 \
                or count != count.to_integral_value():
            return ()
        found.append((match, int(count), pct, int(size)))
    for said_at, n, rate, minutes in found:
        scan.take(said_at.start(), said_at.end(), "error_windows",
                  f"{n} × {minutes} 分钟，错误率 {plain(rate)}%")
    return tuple((n, rate, minutes) for _, n, rate, minutes in found)


def _rate_sum(scan: Scan) -> tuple[Decimal, int] | None:
    """The sum of the windows' error rates, as a fraction, and the windows' minutes:
    ``所有 5 分钟错误率加起来是 36（也就是 3600%）`` -> (36, 5); ``the sum of our 5-minute error
    rates is 120 (i.e. 12,000%)`` -> (120, 5). Only an SLA that averages its windows' error
    rates counts by it (the credit stage asks otherwise)."""
    match = next(scan.finditer(RATE_SUM), None)
    if match is None:
        return None
    size_raw, raw, pct = next((match.group(i), match.group(i + 1), match.group(i + 2))
                              for i in (1, 4, 7) if match.group(i + 1))
    value = _decimal(raw)
    if value is None:
        return None
    value = value / 100 if pct else value
    said = re.split(r"[。；;\n]", scan.text[:match.start()])[-1]
    said_size = _decimal(size_raw) if size_raw else _unit_minutes(
        UNIT_SIZE.search(said + match.group(0)))
    size = int(said_size or 5)  # the 5-minute windows every averaging SLA counts, unless said
    scan.take(match.start(), match.end(), "error_windows",
              f"{size} 分钟错误率之和 {plain(value)}")
    again = re.match(rf"\s*[（(]\s*(?:也就是|即|i\.?e\.?,?|that is|=)?\s*({N})\s*%",
                     scan.view[match.end():])
    if again and _decimal(again.group(1)) == value * 100:
        scan.take(match.end() + again.start(1), match.end() + again.end(), "restated")
    return value, size


def _mean_error_rate(scan: Scan, month: str | None) -> tuple[tuple[int, Decimal, int], ...]:
    """``an average 5-minute error rate of 0.62%`` over a known month: every 5-minute window
    of the month at that rate (the calculator decides what the SLA makes of it)."""
    match = MEAN_ERROR.search(scan.view)
    said = 1 if match and match.group(1) else 2
    value = _decimal(match.group(said)) if match else None
    if match is None or value is None or month is None or not 0 <= value <= 100:
        return ()
    if value >= 90 and AVAILABILITY_WORDS.search(_around(scan.text, match.start(), match.end())):
        return ()  # 可用性报表（按每5分钟错误率平均算的）是99.12%: the availability it gives
    year, mon = (int(x) for x in month.split("-"))
    windows = calendar.monthrange(year, mon)[1] * 288
    scan.take(match.start(said), match.end(), "error_windows",
              f"平均错误率 {plain(value)}%：{windows} 个 5 分钟窗口")
    return ((windows, value, 5),)


def _unit_counts(scan: Scan) -> Decimal | None:
    """Counts of the SLA's statistics units as downtime minutes: ``9 个完整的五分钟`` -> 45."""
    total: Decimal | None = None
    words = {"one": 1, "three": 3, "five": 5, "ten": 10}
    for match in scan.finditer(UNIT_COUNTS):
        count = _decimal(match.group(1) or match.group(3) or match.group(6))
        size_raw = (match.group(2) or match.group(4) or match.group(5)).lower()
        size = Decimal(words[size_raw]) if size_raw in words else _decimal(size_raw)
        if count is None or size is None:
            continue
        failed = _part_of_units(scan, match, size)
        if failed is not None:
            total = (total or Decimal(0)) + failed
            continue
        total = (total or Decimal(0)) + count * size
        scan.take(match.start(), match.end(), "unit_count", f"{count} × {size} 分钟")
        sentence_end = SENTENCE_END.search(scan.text, match.end())
        stop = sentence_end.start() if sentence_end else len(scan.text)
        for more in [m for m in scan.finditer(MORE_UNITS)  # … and 2 more on June 15: those units
                     if match.end() <= m.start() < stop]:
            extra = _decimal(more.group(1))
            if extra is not None:
                total += extra * size
                scan.take(more.start(), more.end(), "unit_count", f"{extra} × {size} 分钟")
    counted = _units_said_apart(scan)
    return total if counted is None else (total or Decimal(0)) + counted


def _part_of_units(scan: Scan, units: re.Match[str], size: Decimal) -> Decimal | None:
    """``36 of that day's 288 five-minute slots``: the units said are the whole, the count
    before them the failed part; its minutes (36 × 5), or None when no part is said."""
    lead = max(0, units.start() - 30)
    part = PART_OF_UNITS.search(scan.view[lead:units.start()])
    if part is None:
        return None
    failed = Decimal(part.group(1))
    scan.take(lead + part.start(1), lead + part.end(1), "unit_count",
              f"{plain(failed)} × {plain(size)} 分钟")
    scan.take(units.start(), units.end(), "total_units", "all of the units it is part of")
    return failed * size


def _probes_failed(scan: Scan) -> Decimal | None:
    """Failed probes counted with the probe's interval (``拨测每 5 分钟一次 … 连续 19 次拨测失败``,
    ``31 failed probes`` beside ``once every 5 min``): each failed probe one interval down, so
    19 × 5 = 95 minutes, shown as that product. With no interval said, or two different ones,
    the counts are left to the other readings (a count of outages, or asked about)."""
    sizes = {_unit_minutes(m) for m in PROBE_EVERY.finditer(scan.view)}
    counts = [m for m in scan.finditer(PROBES_FAILED)  # 告警策略是连续 3 个点失败才通知: a setting
              if not ALARM_SETTING.search(_around(scan.text, m.start(), m.end()))]
    if len(sizes) != 1 or not counts or None in sizes:
        return None
    size = sizes.pop()
    assert size is not None
    for match in PROBE_EVERY.finditer(scan.view):
        group = next(i for i, g in enumerate(match.groups(), 1) if g)
        scan.take(match.start(group), match.end(group), "unit_size", "拨测间隔")
    total = Decimal(0)
    for match in counts:
        group = next(i for i, g in enumerate(match.groups(), 1) if g)
        count = _decimal(match.group(group)) or Decimal(0)
        total += count * size
        scan.take(match.start(group), match.end(group), "unit_count",
                  f"{plain(count)} 次失败拨测 × {plain(size)} 分钟")
    return total


def _units_said_apart(scan: Scan) -> Decimal | None:
    """Counts of units whose length is said elsewhere in the question (``5 分钟统计粒度内请求
    全部返回错误的粒度共 36 个`` -> 180; ``不可用采样点是 52 个（1个点1分钟）`` -> 52), or minutes
    counted one by one (``这样的分钟有 500 个``). A count the user says does not count (``这些我
    知道不算``) or whose rate is under the question's threshold (``another 9 buckets at around 3%``
    beside ``>5% counts as down``) is context; isolated units (``单独 1 个粒度``) are asked about,
    since SLAs that count runs of units leave them out."""
    size: Decimal | None = None
    for match in scan.finditer(UNIT_SIZE):
        size = _unit_minutes(match)
        scan.take(match.start(), match.end(), "unit_size")
    counts = list(scan.finditer(UNITS_COUNTED))
    threshold: Decimal | None = None
    for bound in (scan.finditer(BOUND_PCT) if counts else ()):  # >5% errors counts as down
        near = scan.text[max(0, bound.start() - 16):bound.end() + 12]
        value = _decimal(next(g for g in bound.groups() if g))
        if value is not None and re.search(rf"{RATE_WORDS}|errors?|错误|失败|报错|5xx", near, re.I):
            threshold = max(threshold or value, value)
            scan.take(bound.start(), bound.end(), "threshold")
    total: Decimal | None = None
    values = [_decimal(next((g for g in m.groups() if g), "0")) or Decimal(0) for m in counts]
    if len(counts) >= 3 and values[0] == sum(values[1:]) and SUBSET_NEXT.search(
            scan.text, counts[0].end(), counts[1].start()):  # 一共 412 个，其中 268 个…剩下 144 个
        scan.take(counts[0].start(), counts[0].end(), "restated", "the total of the parts after it")
        counts = counts[1:]
    for i, match in enumerate(counts):
        minutes = match.group(2) is not None or (
            match.group(3) is not None and match.group(0).lstrip().startswith("分钟"))
        unit = Decimal(1) if minutes else size
        count = _decimal(next((g for g in match.groups() if g), "0"))
        if count is None or unit is None:
            continue
        stop = counts[i + 1].start() if i + 1 < len(counts) else len(scan.view)
        clause = re.split(r"[。；;\n]|\.(?!\d)|另外|另有|此外|还有|\bplus\b|\band another\b",
                          scan.view[match.end():stop], maxsplit=1)[0]
        around = scan.view[max(0, match.start() - 12):match.start()] + match.group(0) + clause
        rate = BARE_PCT.search(clause)
        failed = _part_of_units(scan, match, unit)
        if failed is not None:
            total = (total or Decimal(0)) + failed
            continue
        if UNITS_EXCLUDED.search(clause):
            scan.take(match.start(), match.end(), "not_counted")
        elif ALARM_SETTING.search(around):  # 告警策略是连续 2 个周期才触发
            scan.take(match.start(), match.end(), "threshold", "a setting, not an outage")
        elif UNITS_ALONE.search(around):
            scan.take(match.start(), match.end(), "unclear", "isolated units: does the SLA count them?")
        elif PARTIAL_OUTAGE.search(clause) or MIXED.search(clause):  # 9 windows with a mix
            scan.take(match.start(), match.end(), "unclear", PARTLY_FAILING)  # of failures…
        elif (rate and not BOUND_PCT.search(clause) and threshold is not None
              and (_decimal(rate.group(1)) or Decimal(0)) <= threshold):
            scan.take(match.start(), match.end(), "not_counted", f"≤ {plain(threshold)}%")
            scan.take(match.end() + rate.start(), match.end() + rate.end(), "not_counted")
        elif rate and not BOUND_PCT.search(clause) and threshold is None:
            continue  # units at an error rate, no threshold said: left to the rates' reading
        else:
            total = (total or Decimal(0)) + count * unit
            scan.take(match.start(), match.end(), "unit_count", f"{plain(count)} × {plain(unit)} 分钟")
            said = BOUND_PCT.search(clause)
            if said:
                scan.take(match.end() + said.start(), match.end() + said.end(), "threshold")
    return total


def _denominator(scan: Scan) -> tuple[Decimal | None, Decimal | None]:
    """``有效请求的分钟数共 20000 分钟，其中故障 30 分钟`` / ``25,000 minutes that had valid
    requests, and 40 of those minutes were unavailable`` -> (20000, 30): the minutes counted
    over and the downtime among them. Whether the SLA counts over those minutes or the whole
    month is the calculator's to say."""
    whole = DENOMINATOR.search(scan.view)
    if not whole:
        return None, None
    rest = re.split(r"[。；;\n]", scan.view[whole.end():], maxsplit=1)[0]
    part = DENOMINATED.search(rest)
    total = _decimal(next(g for g in whole.groups() if g))
    down = _decimal(part.group(1) or part.group(2)) if part else None
    if total is None or total <= 0 or (down is not None and down > total):
        return None, None
    if part is None or down is None:  # "有效请求的分钟数是 18000" (the downtime said before)
        if not re.search(r"有效|valid|requests?", whole.group(0), re.I):
            return None, None
        scan.take(whole.start(), whole.end(), "denominator", f"有效请求的分钟数 {plain(total)}")
        return total, None
    scan.take(whole.start(), whole.end(), "denominator", f"有效请求的分钟数 {plain(total)}")
    scan.take(whole.end() + part.start(), whole.end() + part.end(), "downtime")
    return total, down


def _thresholds(scan: Scan, ranged: bool) -> None:
    """A duration said as a bound (``超过5分钟才算``, ``每次都持续了10分钟以上``), as the SLA's
    rule quoted (``连续 10 分钟不可用才算``) or as the claim window (``claim within 60 days``) is
    context."""
    for match in scan.finditer(CLAIM_WINDOW):
        group = next(i for i, said in enumerate(match.groups(), 1) if said)
        scan.take(match.start(group), match.end(group), "threshold", "the claim window")
    for match in scan.finditer(PROMISED_BARE):  # 协议写的九十九点九: the promise, without its %
        said = 1 if match.group(1) else 2
        scan.take(match.start(said), match.end(said), "threshold")
    for match in scan.finditer(QUOTED_RULE):
        group = 1 if match.group(1) else 2
        scan.take(match.start(group), match.end(group), "threshold")
    for match in scan.finditer(THRESHOLDS):
        window = scan.text[max(0, match.start() - 8):match.end() + 8]
        if COUNT_THRESHOLD_WORDS.search(window) or match.group(0).endswith("内") or re.search(
                r"每次|each|every|几次|多次|一些|若干|several|a few|some|multiple", window, re.I):
            scan.take(match.start(), match.end(), "threshold")
        elif match.group(1):  # 断了超过 90 分钟: a bound, not a length; beside lengths, a comment
            others = [m for m in re.finditer(DURATION, scan.view, re.I)
                      if not match.start() <= m.start() < match.end()]
            if others or ranged:
                scan.take(match.start(), match.end(), "threshold")
            elif OUTAGE_SAID.search(scan.text[max(0, match.start() - 14):match.start()]):
                scan.take(match.start(), match.end(), "unclear",
                          "more or less than that: how long?")


DEMANDED = re.compile(  # 客户要求按‘全天不可用’算一整天 / insists we count it as a full day
    r"(?:要求|坚持|非要|主张|坚称|一口咬定)\s*(?:要)?\s*(?:按|按照|以|当作?|算作?|算成|算)"
    r"|\b(?:insists?|insisting|demands?|demanding|wants?|is asking|asks?|expects?)\s+"
    r"(?:that\s+)?(?:us|you|we|Tencent(?: Cloud)?)?\s*(?:to\s+)?(?:should\s+)?"
    r"(?:count|treat|credit|compensate|pay|calculate|bill)\b", re.I)


REFUND_DEMANDED = re.compile(  # 要求退两个月的钱，也就是 6000 / wants a cash refund of ¥5,000
    r"(?:要求|坚持|非要|一定要)\s*(?:我们|你们|腾讯云?)?\s*(?:退|赔|补偿|返还|全额|报销)"
    r"|\b(?:wants?|demands?|demanding|asks? for|asking for|requests?|requesting|expects?)\s+"
    r"(?:us to\s+|you to\s+)?(?:a\s+)?(?:full\s+|cash\s+)?(?:refund|cash|compensation|money back"
    r"|reimburse|pay (?:back|for))", re.I)
LOSS = re.compile(  # 影响了大约 25 万的订单 / lost around ¥80k in sales: a business loss
    rf"({N})\s*(?:元|块钱?)?\s*(?:的)?\s*(?:订单|营业额|营收|销售额|流水|GMV|收入|交易额|损失|生意)"
    rf"|(?:损失|亏损|亏了|少赚了?|营业额|销售额|流水|GMV)[^，,。；;\d]{{0,6}}?[¥￥]?\s*({N})"
    rf"|\blost\s+(?:about|around|roughly|approximately|over|~)?\s*(?:[¥￥]|CNY|RMB)\s*({N})"
    rf"|(?:[¥￥]|CNY|RMB)?\s*({N})\s*(?:CNY|RMB|yuan)?\s+(?:in|of|worth of)\s+(?:lost\s+)?"
    rf"(?:sales|orders|revenue|business|income|GMV|transactions)", re.I)


RESTATED_AFTER = re.compile(r"\s*(?:也就是|即|就是|合计|共|i\.e\.|that is|that's|which is)", re.I)


def _demanded(scan: Scan) -> None:
    """What the customer demands (a length to be counted, a refund) and what the outage cost
    their business are their claim, not a measured outage or the service's fee."""
    for cue in scan.finditer(DEMANDED):
        stop = clause_span(scan.text, cue.start(), cue.end())[1]
        for length in list(re.finditer(DURATION, scan.view[:stop], re.I)):
            if length.start() >= cue.end():
                scan.take(length.start(), length.end(), "demanded")
    for cue in scan.finditer(REFUND_DEMANDED):
        stop = clause_span(scan.text, cue.start(), cue.end())[1]
        while RESTATED_AFTER.match(scan.text, stop + 1):  # 要求退两个月的钱，也就是 6000
            stop = clause_span(scan.text, stop + 1, stop + 1)[1]
        for number in list(NUMBER_RE.finditer(scan.view, cue.end(), stop)):
            if not re.match(rf"{DURATION}|{N}\s*[%％]", scan.view[number.start():], re.I):
                scan.take(number.start(), number.end(), "claimed")  # a length or a rate: not money
    for match in scan.finditer(LOSS):
        said = next(i for i in range(1, 5) if match.group(i))
        scan.take(match.start(said), match.end(said), "money_other", "a business loss")


def _special_fees(scan: Scan) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for name, pattern in SPECIAL_FEES.items():
        match = pattern.search(scan.view)
        if match:
            value = _decimal(next(g for g in match.groups() if g))
            if value is not None:
                found[name] = value
                scan.take(match.start(), match.end(), name)
    return found


def _hourly_charge(scan: Scan, month: str | None) -> tuple[list[_Fee], Decimal | None]:
    """An hourly rate: with the hours billed or a month of running, the month's charge; with
    no hours, the day's price (unless a daily fee is said too); hours of something else, asked."""
    fleets = {int(n) for m in scan.finditer(INSTANCE_COUNT)
              if (n := _decimal(m.group(1) or "1")) is not None and n == n.to_integral_value()}
    charge = hourly_charge(scan.text, scan.view, month, fleets)
    if charge is None or charge.daily is not None and SPECIAL_FEES["daily_fee"].search(scan.view):
        return [], None
    if charge.daily is not None:  # 0.12 CNY/hour, all month
        scan.take(*charge.rate_span, "daily_fee", charge.note)
        return [], charge.daily
    if charge.fee is None:
        scan.take(*charge.rate_span, "unclear", HOURS_ASKED)
        return [], None
    if charge.hours_span is not None:
        scan.take(*charge.hours_span, "quantity", "计费小时数")
    scan.take(*charge.rate_span, "monthly_fee", charge.note)
    return [_Fee(charge.fee, charge.note, "monthly", *charge.rate_span, each=charge.each)], None


@dataclass(frozen=True)
class _Fee:
    """One amount of money the question names, and how it was said."""

    value: Decimal       # per month (a prepaid total or an annual fee already divided)
    note: str | None
    basis: str           # monthly | paid | annual | prepaid | claimed | voucher | list_price
    start: int
    end: int
    aggregate: bool = False  # 合计 / 套餐包 / in total: the sum over items or months
    annual: Decimal | None = None  # the year's amount of an annual fee
    package: bool = False  # a package bought in advance (套餐包): never the month's fee itself
    drawn: bool = False  # a resource pack used up over months: part of each month's charge
    each: bool = False  # the charge of each of several instances (0.45 元/实例·小时, all month)

    @property
    def role(self) -> str:
        return {"annual": "fee_annual", "paid": "fee_paid",
                "prepaid": "fee_prepaid"}.get(self.basis, "monthly_fee")


def _fee(scan: Scan, priced: list[_Fee], others: frozenset[Decimal] = frozenset()
         ) -> tuple[Decimal | None, str | None, str | None, Decimal | None]:
    """The monthly fee, how it was said (monthly, paid, annual ÷ 12, prepaid ÷ N) and, for an
    annual fee, the year's amount (the calculator turns it by the SLA's own rule).

    Of several amounts, one that month's actual charge (实际消耗 4200) wins over a prepaid
    or annual total, and an item's own fee over a sum (三个应用合计 8000); any other mix is
    asked about.
    """
    _foreign_amounts(scan)
    within = _voucher_within(scan)
    fees: list[_Fee] = _prepaid_fees(scan) + priced + _fee_sum(scan)
    fees += [f for f in _bill_list(scan)
             if not any(f.start < g.end and g.start < f.end for g in fees)]
    months_paid = _prepaid_months(scan) if not fees else None
    yearly_list: int | None = None  # where a year's list price ended: its discounted price follows
    several = len(list(scan.finditer(MONEY))) > 1
    for match in scan.finditer(MONEY):
        if any(match.start() < f.end and f.start < match.end() for f in fees):
            continue
        value = _decimal(next(g for g in match.groups() if g))
        if value is None:
            continue
        before = scan.text[max(0, match.start() - 12):match.start()]
        clause = re.split(r"[。；;，,!?！？\n]", scan.text[match.end():], maxsplit=1)[0]
        near = (before[-10:] + match.group(0) + clause[:20]).replace("包年包月", "")
        aggregate = bool(AGGREGATE_FEE.search(before[-10:] + match.group(0) + re.split(
            r"\bout of\b|[¥￥$]?\d", clause[:20])[0]))  # ¥5,200 out of ¥11,000 total: the second

        label = re.split(r"[，,。；;？?！!]", scan.text[max(0, match.start() - 24):match.start()])[-1]
        monthly_said = MONTHLY_LABEL.search((label + match.group(0) + clause[:9])
                                            .replace("包年包月", ""))  # 包年包月 1.2w/年: a year's
        used = bool(USED_FROM.search(label + match.group(0))  # 10 月实际消耗了 6,800 / (prepaid
                    or USED_AFTER.match(scan.text, match.end()))  # ¥26,000 of it was consumed
        package = not monthly_said and not used and bool(  # packs used) was: not the package
            PACKAGE.search(before[-10:] + match.group(0) + clause[:6]) or PACKAGE.search(label))
        own = re.split(r"[，,()（）。;；?？]", clause[:40])[0]  # this amount's own words after it
        drawn = not monthly_said and not used and bool(  # prepaid resource packages worth ¥120,000
            DRAWN_PACK.search(before[-10:] + match.group(0) + own) or DRAWN_PACK.search(label))
        said_before = re.split(r"[，,。；;？?！!]", before[-6:])[-1]  # 应赔 10%，月费 2600: not claimed
        around = (re.split(r"[，,(（。.;；?？]", before[-10:])[-1] + match.group(0)
                  + re.split(r"[，,()（）。.;；?？]|[¥￥$]?\d", clause[:24])[0])  # this amount's own
        # words, to the next amount (paid ¥3,380 and a ¥500 coupon: the coupon is the 500)
        if RATE_AFTER.match(scan.text, match.end()) or RATE_BEFORE.search(before):  # 每 GB 0.8 元
            scan.take(*match.span(), "unclear", "a unit price: what did the month cost?")
            continue
        if LOSS.search(re.split(r"[()（）]|\.\s", label)[-1] + match.group(0)
                       + re.split(r"\.\s", own)[0]):  # 业务损失
            # 5 万元, lost 50k in sales: the customer's loss
            fees.append(_Fee(value, None, "apart", *match.span()))
        elif CLAIMED.search(said_before) and not re.search(r"费|fee", said_before, re.I):
            fees.append(_Fee(value, None, "claimed", *match.span()))
        elif VOUCHER_PART.search(around):  # 另抵扣代金券 5000, (+ ¥500 voucher)
            fees.append(_Fee(value, None, "voucher", *match.span()))
        elif BILLED_APART.search(before[-8:] + match.group(0)) or NOT_CLAIMED.match(
                scan.text, match.end()) or several and said_apart(scan.text, *match.span()):
            fees.append(_Fee(value, None, "apart", *match.span()))  # CVM/CBS 另计 9,000; 每月
            # 300，不在这次申请里; 另外那台的 560 跟这次没关系: not this one's fee
        elif LIST_PRICE.search(re.split(r"\d", _clause_before(scan.text, match.start()))[-1]
                               + around):  # 月费原价 1 万，打了 8 折后实付 8000
            fees.append(_Fee(value, None, "list_price", *match.span()))
            begun = _sentence(scan.text, match.start())[0]  # 买的是年包，原价 4.8 万: the year's
            yearly = ANNUAL_WORDS.search(scan.text[begun:match.start()] + near)
            yearly_list = match.end() if yearly and not monthly_said else None
        elif yearly_list is not None and not monthly_said and re.fullmatch(
                r"[^。；;!?！？\n]*?(?:折|优惠|discount|off|活动|促销|实际|实付|actually)[^。；;!?！？\n]*",
                scan.text[yearly_list:match.start()], re.I):  # 年费原价 1980，打 6 折实付 1188
            monthly = (value / 12).quantize(Decimal("0.01"))
            fees.append(_Fee(monthly, f"年费 {value} 元 ÷ 12 = 每月 {monthly} 元", "annual",
                             *match.span(), aggregate, value))
        elif not monthly_said and not MONTHS_OWN.search(near) \
                and (span := _months_in_sentence(scan, match.start())):  # 共 6 个月，5,400 元
            sentence = scan.text[slice(*_sentence(scan.text, match.start()))]
            if PREPAID_SAID.search(sentence) or PREPAID_MONTHS.search(sentence) \
                    or SPAN_PAID.search(sentence) or (AGGREGATE_FEE.search(near) and span >= 24
                                                      and not MULTI_YEAR.search(sentence)):
                # 两年一共 50000: a total over years paid; 三年套餐 is asked (a package's month)
                monthly = (value / span).quantize(Decimal("0.01"))
                fees.append(_Fee(monthly, f"预付 {value} 元 ÷ {span} 个月 = 每月 {monthly} 元",
                                 "prepaid", *match.span()))
            else:
                scan.take(*match.span(), "unclear", "a prepaid amount: over how many months?")
        elif not monthly_said and (ANNUAL_WORDS.search(near) or (ANNUAL_PLAN.search(
                scan.text.replace("包年包月", "")) and not MONTHS_OWN.search(near))):
            monthly = (value / 12).quantize(Decimal("0.01"))
            fees.append(_Fee(monthly, f"年费 {value} 元 ÷ 12 = 每月 {monthly} 元", "annual",
                             *match.span(), aggregate, value))
        elif PAID_WORDS.search(_clause_before(scan.text, match.start()) + match.group(0)) \
                and not package:
            fees.append(_Fee(value, None, "paid", *match.span(), aggregate, drawn=drawn))
        else:
            fees.append(_Fee(value, None, "monthly", *match.span(), aggregate,
                             package=package or drawn, drawn=drawn))
    fees += [replace(f, basis="apart") if said_apart(scan.text, f.start, f.end) else f
             for f in _parallel_amounts(scan, fees)]
    fees = [replace(f, basis="apart") if f.value in others and f.basis in ("monthly", "paid")
            else f for f in fees]  # ¥30k/month on CVM, said of another product
    if len(fees) > 1:
        fees = _worked_out(scan.text, [_by_own_words(scan.text, f) for f in fees])
    not_fees = {"claimed": "claimed", "voucher": "voucher", "list_price": "fee_other",
                "apart": "money_other"}
    for fee in fees:
        if fee.basis in not_fees:
            _record_fee(scan, fee, not_fees[fee.basis])
    chosen = _added_charge(scan, _exact_over_rough(scan, [f for f in fees
                                                          if f.basis not in not_fees]))
    if not chosen:
        return _list_less_vouchers(scan, fees)
    if months_paid and len(chosen) == 1 and chosen[0].basis in ("paid", "monthly") and not (
            MONTHLY_LABEL.search(scan.text[max(0, chosen[0].start - 8):chosen[0].end + 6])
            or re.search(r"当月|this month|that month", scan.text, re.I)
            or MONTH_OWN_CHARGE.search(
                scan.text[max(0, chosen[0].start - 20):chosen[0].start + 8])):
        fee = chosen[0]  # 一次性预付了 3 个月…实付 2700: the total of those months
        monthly = (fee.value / months_paid).quantize(Decimal("0.01"))
        chosen = [_Fee(monthly, f"预付 {fee.value} 元 ÷ {months_paid} 个月 = 每月 {monthly} 元",
                       "prepaid", fee.start, fee.end)]
    drawn = any(f.drawn for f in chosen) and all(f.basis == "monthly" for f in chosen
                                                 if not f.drawn)  # a token pack drawn down
    # beside ¥300/month: the month's charge holds both, and how much of the pack is not said
    vouchers = [f for f in fees if f.basis == "voucher"]
    settled = None if drawn else _bill_settled(scan, chosen, vouchers, within) \
        or _month_in_parts(scan.text, chosen)
    within = Decimal(0) if settled is not None else within  # the amount paid is net of it already
    picked = None if drawn else settled or _pick_fee(chosen)
    by_item = None if drawn or picked else _affected_items_fee(scan, chosen)
    pick = picked or by_item
    if pick is not None and pick.basis in ("paid", "monthly") and not months_paid \
            and _prepaid_without_months(scan, pick):
        scan.take(pick.start, pick.end, "unclear", "a prepaid amount: over how many months?")
        return None, None, None, None
    if pick is not None and (INCLUDES_OTHER.match(scan.text, pick.end) or BILLED_TOGETHER.search(
            scan.text[slice(*_sentence(scan.text, pick.start))])  # 2 万（含转码、录制）
                             or PART_OF_IT.match(scan.text, pick.end)):
        scan.take(pick.start, pick.end, "unclear",
                  "a fee that includes other items: what is this service's own fee?")
        return None, None, None, None
    if pick is not None and pick.basis in ("paid", "monthly") and MULTI_YEAR.search(scan.text) \
            and not MONTHLY_LABEL.search(scan.text[max(0, pick.start - 8):pick.end + 6]):
        scan.take(pick.start, pick.end, "unclear",  # 买的是三年套餐，一共 2980
                  "a package over several years: what does one month cost?")
        return None, None, None, None
    if pick is not None and pick.aggregate and SEVERAL_ITEMS.search(scan.text):
        for fee in chosen:  # 三个文件系统合计 4500: the affected one's own fee is not said
            _record_fee(scan, fee, "unclear",
                      SHARED_FEE)
        return None, None, None, None
    for fee in chosen:
        if pick is None:
            _record_fee(scan, fee, "unclear",
                      "a package bought in advance: what did this month cost?"
                      if all(f.package for f in chosen) or drawn else
                      SEVERAL_AMOUNTS)
        elif fee.value == pick.value:
            _record_fee(scan, fee, fee.role, fee.note or "")
        else:
            other = "bill_line" if settled else "fee_item_other" if by_item and not fee.aggregate \
                else "fee_other"
            _record_fee(scan, fee, other, fee.note or "")
    if pick is None:
        return None, None, None, None
    if pick.basis == "monthly":  # 订单 15,000，用了 3,000 代金券: the voucher paid part of it
        within += sum((f.value for f in fees if f.basis == "voucher" and f.start > pick.end
                       and VOUCHER_USED.search(scan.text[max(0, f.start - 8):f.end + 8])
                       and not ADDED_VOUCHER.search(scan.text[pick.end:f.end + 8])), Decimal(0))
    if within and pick.basis in ("monthly", "paid") and within < pick.value:
        return *net_of_vouchers(pick.value, within), pick.basis, pick.annual
    discount = next((u for u in scan.uses if u.note == "a discount" and u.start >= pick.end
                     and re.fullmatch(r"\s*(?:元|块)?\s*(?:后|再)?\s*(?:[，,]?\s*(?:客户|我们|他们|公司"
                                      r"|合同里|合同上|合同)?\s*(?:有|享受|享|拿到|能|给了?)?\s*)?打?了?\s*",
                                      scan.text[pick.end:u.start])), None)  # 每月 2000，客户有 9 折
    off = PCT_OFF.match(scan.text, pick.end)
    if (discount is not None or off) and pick.basis == "annual" and pick.annual and len(chosen) == 1:
        tenths = Decimal(CN_DIGIT.get(discount.text, discount.text)) if discount else \
            10 - Decimal(off.group(1)) / 10 if off else Decimal(10)  # 年费 12 万，有 85 折
        tenths = tenths / 10 if tenths > 10 else tenths  # 85 折 is 8.5 tenths
        year = (pick.annual * tenths / 10).quantize(Decimal("0.01"))
        if off:
            scan.take(off.start(1), off.end(1), "other", "a discount")
        return (year / 12).quantize(Decimal("0.01")), \
            f"年费 {plain(pick.annual)} 元 × {plain(tenths)} 折 = {plain(year)} 元", "annual", year
    if (discount is not None or off) and pick.basis == "monthly" and len(chosen) == 1:
        tenths = Decimal(CN_DIGIT.get(discount.text, discount.text)) if discount else \
            10 - Decimal(off.group(1)) / 10 if off else Decimal(10)  # 月费按 2500 元打八折收
        net = (pick.value * tenths / 10).quantize(Decimal("0.01"))
        if off:
            scan.take(off.start(1), off.end(1), "other", "a discount")
        return net, f"月费 {plain(pick.value)} 元 × {plain(tenths)} 折 = {plain(net)} 元", "paid", \
            pick.annual
    return pick.value, pick.note, pick.basis, pick.annual


AMOUNT = rf"[¥￥]?\s*{N}(?!\s*(?:{D_UNIT}|%|次|个|台|GB|TB))\s*(?:元|块|CNY|RMB|yuan)?"
FEE_SUM = re.compile(  # 套餐费 89 元 + 超额按量 31 元: one bill in parts
    rf"{AMOUNT}(?:\s*(?:\+|＋|加上?|plus)(?!\s*(?:人|个|位|名|家|users?|people|customers?))"
    rf"\s*[^\d+＋。；;\n]{{0,32}}?{AMOUNT})+", re.I)  # never 3,000+ 人


AFFECTED = re.compile(r"\baffected\b|受影响|受到影响|出问题的是", re.I)  # which item failed
BILL_LIST = re.compile(  # bill breakdown: key management 800, Cloud HSM 12,000, Secrets Manager 300
    r"(?:bill|账单|breakdown|明细|费用)[^:：\n。]{0,30}[:：]\s*"
    rf"((?:[A-Za-z\u4e00-\u9fff][^\d,，;；。:：\n]{{1,30}}?\s*[¥￥]?\s*{N}\s*(?:元|CNY|RMB)?"
    r"\s*(?:[,，;；、]|and|和)\s*)+[A-Za-z\u4e00-\u9fff][^\d,，;；。:：\n]{1,30}?\s*[¥￥]?\s*"
    rf"{N}\s*(?:元|CNY|RMB)?)", re.I)


def _bill_list(scan: Scan) -> list[_Fee]:
    """``Their Sep bill breakdown: key management 800, Cloud HSM 12,000, Secrets Manager 300``:
    each line an amount of its own item (the affected item's is the fee, see
    ``_affected_items_fee``)."""
    out = []
    for match in scan.finditer(BILL_LIST):
        for amount in re.finditer(N, match.group(1)):
            value = _decimal(amount.group(0))
            if value is not None:
                at = match.start(1) + amount.start()
                label = re.split(r"[,，;；、]", match.group(1)[:amount.start()])[-1]  # 合计 5,180
                out.append(_Fee(value, None, "monthly", at, at + len(amount.group(0)),
                                bool(AGGREGATE_FEE.search(label))))
    return out


def _fee_sum(scan: Scan) -> list[_Fee]:
    """A month's bill said as parts added up (``套餐费 89 元 + 超额按量 31 元``): their sum, each
    part read. Parts labelled with product names (``COS 2300 + CVM 6400``) are not summed: the
    SLA pays on the failed product's own fee."""
    out = []
    for match in scan.finditer(FEE_SUM):
        said = scan.text[max(0, match.start() - 30):match.end()]
        if re.search(r"\b[A-Z]{2,6}\b", match.group(0)) or not re.search(
                r"[¥￥元块]|CNY|RMB|yuan|费|账单|bill|fee|cost|spend|paid", said, re.I):
            continue
        parts = list(re.finditer(N, match.group(0)))
        values = [v for v in (_decimal(m.group(0)) for m in parts) if v is not None]
        if len(values) < 2 or len(values) < len(parts):
            continue
        total = sum(values, Decimal(0))
        note = " + ".join(plain(v) for v in values) + f" = {plain(total)} 元"
        first = match.start() + parts[0].start()
        for part in parts[1:]:
            scan.take(match.start() + part.start(), match.start() + part.end(), "restated",
                      "a part of the fee")
        scan.take(first, match.start() + parts[0].end(), "monthly_fee", note)
        out.append(_Fee(total, note, "monthly", first, match.start() + parts[0].end()))
    return out


VOUCHER_WITHIN = re.compile(
    rf"(?:其中|(?<=[，,])\s*(?:不过|但是?)?\s*(?:里面|里头|当中)|of which|including"
    rf"|(?:这|那)\s*[¥￥]?\s*{N}\s*(?:元|块)?\s*(?:里面?|里头|中|当中)\s*(?:还)?)"
    rf"\s*(?:有)?\s*[¥￥]?\s*({N})\s*(?:元|块|CNY|RMB|yuan)?\s*(?:是|was|were)?\s*"
    rf"(?:用|拿|由|paid (?:with|by|in)|covered by|in)?\s*(?:a |an )?(?:代金券|优惠券|vouchers?|coupons?)"
    rf"|(?:[¥￥]\s*)?(?<![\d.])({N})\s*(?:CNY|RMB)?\s*of (?:that|it|this)\s*(?:(?:was|were|is|are)\s*)?"
    rf"(?:settled|paid|covered)\s*(?:with|by|in)\s*(?:a |an )?(?:vouchers?|coupons?|credits?)"
    rf"|其中\s*(?:用|拿)?\s*(?:代金券|优惠券|抵用券|折扣|优惠|减免)[^\d，,。；;]{{0,6}}?(?:抵扣?|减免?|扣)了?"
    rf"\s*[¥￥]?\s*({N})",  # 费用 6,000，其中折扣优惠抵了 1,000: what was paid is 5,000
    re.I)  # ¥2,000 of that was settled with a voucher


def _list_less_vouchers(scan: Scan, fees: list[_Fee]
                        ) -> tuple[Decimal | None, str | None, str | None, Decimal | None]:
    """``List price ¥20,000/month but we paid ¥1,500 of that with a coupon``: with no other
    amount, the one list price less the vouchers said to have paid part of it is what the
    month cost; else no fee."""
    listed = [f for f in fees if f.basis == "list_price"]
    vouchers = [f for f in fees if f.basis == "voucher"
                and not ADDED_VOUCHER.search(scan.text[max(0, f.start - 12):f.end + 12])]
    within = sum((v.value for v in vouchers), Decimal(0))
    if len(listed) != 1 or not vouchers or not 0 < within < listed[0].value \
            or any(v.start < listed[0].end for v in vouchers):
        return None, None, None, None
    net, note = net_of_vouchers(listed[0].value, within)
    _record_fee(scan, listed[0], "monthly_fee", note)
    return net, note, "paid", None


def net_of_vouchers(fee: Decimal, within: Decimal) -> tuple[Decimal, str]:
    """月费 3600，其中 600 是代金券抵的: the SLAs' fee leaves the voucher's part out."""
    net = fee - within
    return net, f"月费 {plain(fee)} 元 − 代金券抵扣 {plain(within)} 元 = {plain(net)} 元"


def _voucher_within(scan: Scan) -> Decimal:
    """The part of the fee said a voucher paid (``月费 3,600，其中 600 是拿代金券抵的``): the SLAs'
    monthly fee leaves it out."""
    total = Decimal(0)
    for match in scan.finditer(VOUCHER_WITHIN):
        said = next(i for i in (1, 2, 3) if match.group(i))
        value = _decimal(match.group(said))
        if value is not None:
            total += value
            scan.take(match.start(said), match.end(said), "voucher")
    return total


RATE_AFTER = re.compile(r"\s*(?:元|块|CNY|RMB|yuan)?\s*(?:/|per\b|每|a\b)\s*(?:天|日|day\b|GB|TB|GiB|TiB|小时|hour|hr|h\b"
                        r"|万次|千次|次|request|call|分钟|minute|核|vCPU|core|Mbps)", re.I)
RATE_BEFORE = re.compile(r"(?:(?:每|per|a|an)\s*(?:天|日|day|GB|TB|GiB|TiB|MB|小时|hour|hr|万次|千次|次"
                         r"|request|call|分钟|minute|核|vCPU|core|Mbps|条)|daily (?:fee|rate|charge|price)"
                         r"|日(?:费|租))\s*(?:是|为|收费?|费用?|要|costs?|is)?\s*$", re.I)  # 每日收费 100
QUANTITY_UNIT = (r"TiB|TB|GiB|GB|PB|vCPUs?|cores?|核|licen[cs]es?|seats?|坐席|个?账号|accounts?|路|个?站点"
                 r"|sites?|CUs?|用户|users?|成员|members?")
COUNTER = r"(?:个|名|位)?\s*"  # 10 个坐席, 每个用户
PER_MONTH = r"(?:\s*[-/·]?\s*(?:月|month|mo)\b)?"
NOT_PER_HOUR = r"(?!\s*[-/·]?\s*(?:小时|天|日|hour|day|h\b))"
PER_UNIT_MONTH = r"(?:每个?月|/月|[一1]\s*个月|per month|a month|monthly)"
COUNT_SAID = r"(?:×|x|\*|乘以?|共|一共|total(?: of)?|for|fixed at|at|就是|有)"
PRICED_QUANTITY = re.compile(  # 40 TiB at ¥180 per TiB-month / 单价 180 元/TB/月，共 40 TB
    rf"(?P<n>\d+(?:\.\d+)?)\s*{COUNTER}(?P<u>{QUANTITY_UNIT})(?![A-Za-z])[^。；;\n]{{0,40}}?"
    rf"(?:\bat\b|@|单价|按|每|[,，×xX*])\s*[¥￥]?\s*(?P<p>\d+(?:\.\d+)?)\s*(?:元|CNY|RMB|yuan)?\s*"
    rf"(?:/|per|每)\s*(?:{QUANTITY_UNIT}){PER_MONTH}{NOT_PER_HOUR}"  # seats … per seat
    rf"|[¥￥]?\s*(?P<p2>\d+(?:\.\d+)?)\s*(?:元|CNY|RMB|yuan)?\s*(?:/|per|每)\s*(?P<u2>{QUANTITY_UNIT})"
    rf"{PER_MONTH}{NOT_PER_HOUR}[^。；;\n\d]{{0,16}}?"
    rf"{COUNT_SAID}\s*(?P<n2>\d+(?:\.\d+)?)\s*{COUNTER}(?P=u2)s?(?![A-Za-z])"
    rf"|(?P<n3>\d+(?:\.\d+)?)\s*{COUNTER}(?P<u3>{QUANTITY_UNIT})(?![A-Za-z])[^。；;\n\d]{{0,12}}?"
    rf"每\s*{COUNTER}(?P=u3)\s*{PER_UNIT_MONTH}\s*(?:是|为)?\s*[¥￥]?\s*(?P<p3>\d+(?:\.\d+)?)"
    rf"(?!\s*(?:小时|天|日|分钟))"  # 12 CU，每 CU 每月 180
    rf"|每\s*{COUNTER}(?P<u4>{QUANTITY_UNIT})\s*{PER_UNIT_MONTH}\s*(?:是|为)?\s*[¥￥]?\s*"
    rf"(?P<p4>\d+(?:\.\d+)?)\s*(?:元|块|CNY|RMB|yuan)?[^。；;\n\d]{{0,16}}?"  # 每个用户一个月 30 元，
    rf"{COUNT_SAID}\s*(?P<n4>\d+(?:\.\d+)?)\s*{COUNTER}(?P=u4)s?(?![A-Za-z])"  # 固定就是 50 个用户
    rf"|(?<![\d.])(?P<n5>\d{{1,3}})\s*[x×*]\s*[¥￥]?\s*(?P<p5>\d+(?:\.\d+)?)\s*(?:元|CNY|RMB|yuan)?\s*"
    rf"(?:/|per|每)\s*(?:月|month|mo)\b"  # 4 x 600 CNY/month
    rf"|(?P<n6>\d+(?:\.\d+)?)\s*{COUNTER}(?P<u6>{QUANTITY_UNIT})(?![A-Za-z])[^。；;\n\d]{{0,12}}?"
    rf"每\s*{COUNTER}(?P=u6)\s*(?:是|为)?\s*[¥￥]?\s*(?P<p6>\d+(?:\.\d+)?)\s*(?:元|块|CNY|RMB|yuan)?\s*"
    rf"(?:/|每|per)\s*(?:个)?\s*(?:月|month|mo)\b",  # 10 路，每路 150 元/月
    re.I)


COUNT_GROUPS = ("n", "n2", "n3", "n4", "n5", "n6")
PRICE_GROUPS = ("p", "p2", "p3", "p4", "p5", "p6")


CASH = r"(?:[¥￥$]|CNY|RMB)?\s*"
INVOICE = re.compile(  # Net 9,433.96 / VAT 6% 566.04 / Total 10,000.00 · 不含税 … 税额 … 价税合计 …
    rf"(?:net(?: amount)?|subtotal|amount (?:excl\.?|excluding|before) (?:VAT|tax)|pre-tax"
    rf"|不含税(?:金额|价)?|税前(?:金额)?)\s*[:：=]?\s*{CASH}({N})(?!\d|\.\d|%)[^\d\n]{{0,12}}?"
    rf"(?:VAT|GST|tax|税额|增值税|税金)(?:\s*\(?\s*{N}\s*%\s*\)?)?\s*[:：=]?\s*{CASH}({N})(?!\d|\.\d|%)"
    rf"[^\d\n]{{0,12}}?(?:grand total|total|amount due|gross|价税合计|含税(?:金额|合计|总额)?|合计|总计)"
    rf"\s*[:：=]?\s*{CASH}({N})(?!\d|\.\d|%)", re.I)


TAX_IN = (r"(?:含|包含|including|incl\.?|inc\.?)\s*(?:(\d+(?:\.\d+)?)\s*%\s*(?:的)?)?\s*"
          r"(?:增值税|税|VAT|GST|tax)")
TAX_OUT = (r"(?:不含税|未税|税前|excl\.?|excluding|ex\.?|before|pre-?)\s*(?:VAT|GST|tax)?\s*"
           r"(?:金额|价|的话|amount|net)?|net(?: of (?:VAT|tax))?")
TAX_PAIR = re.compile(  # 3,180 元（含 6% 增值税，不含税 3,000 元）: what was paid, and the same before tax
    rf"{CASH}({N})(?!\d|\.\d|%)\s*(?:元|块|CNY|RMB|yuan)?\s*[（(]?\s*{TAX_IN}\s*[，,；;/、]?\s*"
    rf"(?:{TAX_OUT})\s*(?:为|是|[:：=])?\s*{CASH}({N})(?!\d|\.\d|%)"
    rf"|(?:{TAX_OUT})\s*(?:为|是|[:：=])?\s*{CASH}({N})(?!\d|\.\d|%)\s*(?:元|块|CNY|RMB|yuan)?\s*"
    rf"[（(，,；;/、]?\s*{TAX_IN}\s*(?:金额|价|合计|总额)?\s*(?:为|是|[:：=])?\s*{CASH}({N})(?!\d|\.\d|%)",
    re.I)


def _tax_pair(scan: Scan) -> list[_Fee]:
    """One charge said with tax and without (3,180 元，含 6% 增值税；不含税 3,000 元): what was
    paid is the amount with tax; the other is the same charge before tax. Two amounts that
    are no such pair (the one with tax not the larger, or more than 17 % apart) are asked about."""
    out = []
    for match in scan.finditer(TAX_PAIR):
        first = match.group(1) is not None
        total_at, rate_at, net_at = (1, 2, 3) if first else (6, 5, 4)
        total, net = _decimal(match.group(total_at)), _decimal(match.group(net_at))
        if total is None or net is None or not net < total <= net * Decimal("1.17"):
            for at in (total_at, net_at):
                scan.take(*match.span(at), "unclear", "with tax and without: which was paid?")
            continue
        note = f"含税 {plain(total)} 元（不含税 {plain(net)} 元）"
        scan.take(*match.span(net_at), "restated", "the same charge before tax")
        if match.group(rate_at):
            scan.take(*match.span(rate_at), "restated", "the tax rate")
        scan.take(*match.span(total_at), "fee_paid", note)
        out.append(_Fee(total, note, "paid", *match.span(total_at)))
    return out


def _invoice(scan: Scan) -> list[_Fee]:
    """An invoice said as its lines, net + tax = total: what was paid is the total (the SLAs'
    fee is the month's charge), the net and the tax read as its parts; lines that do not add
    up are asked about."""
    out = []
    for match in scan.finditer(INVOICE):
        net, tax, total = (_decimal(match.group(i)) for i in (1, 2, 3))
        spans = [match.span(i) for i in (1, 2, 3)]
        if net is None or tax is None or total is None or abs(net + tax - total) > Decimal("0.01"):
            for span in spans:
                scan.take(*span, "unclear", "invoice lines that do not add up: what was paid?")
            continue
        note = f"{plain(net)} + 税 {plain(tax)} = {plain(total)} 元（实付含税）"
        for span in spans[:2]:
            scan.take(*span, "restated", "a line of the invoice")
        scan.take(*spans[2], "fee_paid", note)
        out.append(_Fee(total, note, "paid", *spans[2]))
    return out


def _priced_quantity(scan: Scan) -> list[_Fee]:
    """A month's fee said as a quantity at a monthly unit price (``40 TiB provisioned at ¥180
    per TiB-month``): the product of the two, both numbers read."""
    out = []
    for match in scan.finditer(PRICED_QUANTITY):
        n, price = (_decimal(next(match.group(k) for k in keys if match.group(k)))
                    for keys in (COUNT_GROUPS, PRICE_GROUPS))
        if n is None or price is None or n * price >= LARGEST:  # 30 digits: no figure of a bill
            continue
        unit = next((" " + match.group(k) for k in ("u", "u2", "u3", "u4", "u6")
                     if match.group(k)), "")
        fee = (n * price).quantize(Decimal("0.01"))
        note = f"{plain(n)}{unit} × {plain(price)} 元 = {plain(fee)} 元"
        for name in COUNT_GROUPS:
            if match.group(name):
                scan.take(match.start(name), match.end(name), "quantity", "数量")
        price_at = next(name for name in PRICE_GROUPS if match.group(name))
        out.append(_Fee(fee, note, "monthly", match.start(price_at), match.end(price_at)))
        scan.take(match.start(price_at), match.end(price_at), "monthly_fee", note)
    for match in scan.finditer(FEE_EQUATION):  # 20 个席位 × 79 元/月 = 1,580: the total is the
        n, price, total = (_decimal(match.group(k)) for k in (1, 2, 3))  # month's bill, when
        if n is None or price is None or total is None or n * price != total:  # it adds up
            continue
        note = f"{plain(n)} × {plain(price)} 元 = {plain(total)} 元"
        scan.take(match.start(1), match.end(1), "quantity", "数量")
        scan.take(match.start(2), match.end(2), "restated", "单价，已乘入合计")
        out.append(_Fee(total, note, "monthly", match.start(3), match.end(3)))
        scan.take(match.start(3), match.end(3), "monthly_fee", note)
    return out


FEE_EQUATION = re.compile(  # a count times a price each, equal to the total said after it
    rf"(?<![\d.])({N})\s*(?:个|台|套|席|位)?[^\d×xX*＊=＝，,。；;]{{0,6}}?\s*[×xX*＊]\s*[¥￥]?\s*({N})\s*"
    rf"(?:元|块|CNY|RMB)?\s*(?:/\s*(?:月|个|台|席|位|seat|month|mo)|每月|一个月)?\s*[=＝]\s*[¥￥]?\s*"
    rf"({N})(?![\d.])", re.I)
FOREIGN = re.compile(rf"(?:US\$|HK\$|S\$|\$|USD|EUR|€|HKD|SGD|JPY)\s*({N})"
                     rf"|({N})\s*(?:USD|US dollars?|dollars?|美元|美金|EUR|euros?|欧元|港币|港元|HKD|SGD|日元)", re.I)


def _foreign_amounts(scan: Scan) -> None:
    """``USD 210, which came to CNY 1,512``: an amount in another currency is never the fee
    (the vouchers are in CNY); alone, the CNY amount is asked for."""
    found = list(scan.finditer(FOREIGN))
    if not found:
        return
    view = scan.view
    for match in found:
        view = view[:match.start()] + MASK * (match.end() - match.start()) + view[match.end():]
    cny = bool(MONEY.search(view))
    for match in found:
        if cny:
            scan.take(*match.span(), "money_other", "another currency")
        else:
            scan.take(*match.span(), "unclear",
                      "an amount in another currency: what was it in CNY?")


def _record_fee(scan: Scan, fee: _Fee, role: str, note: str = "") -> None:
    """Record an amount in ``role``; one read already (a priced quantity's price) is re-read."""
    taken = next((u for u in scan.uses if (u.start, u.end) == (fee.start, fee.end)), None)
    if taken is not None:
        scan.mark(taken, role, note or taken.note)
    else:
        scan.take(fee.start, fee.end, role, note)


MONTH_OWN_CHARGE = re.compile(  # 7月实际消耗 3,200 / October's bill was: that month's own charge
    rf"\d{{1,2}}\s*月份?[^，,。；;\d]{{0,8}}?(?:实际)?(?:消耗|消费|扣费|费用|账单|实付|花了|用了)"
    rf"|(?:{EN_NAMES})(?:'s)?\s+(?:actual\s+)?(?:bill|charge|spend|usage|consumption|cost)", re.I)


def _prepaid_without_months(scan: Scan, fee: _Fee) -> bool:
    """``we prepaid ¥9,000`` with no months and no monthly label: not a month's fee."""
    near = scan.text[max(0, fee.start - 12):fee.end + 12]
    return bool(PREPAID_SAID.search(near)) and not MONTHLY_LABEL.search(near) \
        and not MONTHS_OWN.search(near)


SPAN_PAID = re.compile(r"(?:个月|年|months?|years?)\s*(?:的)?\s*(?:一共|总共)?\s*(?:付了?|交了?|缴了?"
                       r"|paid)", re.I)  # 6个月付了18000 paid ahead (花了 9000 over them: spent)
SPAN_MONTHS = re.compile(r"(\d+)\s*(?:个\s*月|[- ]?months?\b)"
                         r"|(?<![\d.])([2-9]|10|two|three|four|five)\s*(?:个)?\s*(?:年|[- ]?years?\b)"
                         r"(?!\s*\d{1,2}\s*月)",
                         re.I)  # 两年一共 50000, a two-year plan: 24 months
EN_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
PERIOD_NAMED = re.compile(  # a bill's or a prepayment's period by its name: how many months
    r"(?<![A-Za-z0-9])(?:Q[1-4]|[1-4]Q)(?![A-Za-z0-9])|第?[一二三四1-4]\s*季度"
    r"|\b(?:first|second|third|fourth|1st|2nd|3rd|4th|last|this|next) quarter\b"  # 3
    r"|(?<![A-Za-z0-9])H[12](?![A-Za-z0-9])|[上下]半年|\b(?:first|second) half\b"  # 6
    r"|(?<![\d.])(\d{1,2})\s*(?:月\s*)?(?:[-–~～到至]|to)\s*(?:次年)?\s*(\d{1,2})\s*月"  # 10-12月
    rf"|\b{EN_MONTH}\s*(?:[-–~～]|to|through|thru|until|till)\s*{EN_MONTH}(?![a-z])", re.I)


def _named_period_months(said: re.Match[str]) -> int:
    """The months a ``PERIOD_NAMED`` match covers: a quarter 3, a half-year 6, a range its count."""
    first, last = said.group(1) or said.group(3), said.group(2) or said.group(4)
    if first is None:
        return 6 if re.search(r"半|half|H", said.group(0), re.I) else 3
    if first.isdigit():
        a, b = int(first), int(last)
    else:
        a, b = (MONTH_ABBR.index(m[:3].lower()) + 1 for m in (first, last))
    return (b - a) % 12 + 1 if 1 <= a <= 12 and 1 <= b <= 12 else 0


PERIOD_SENTENCE = re.compile(r"(?:[^。；;!?！？\n.]|\.(?=\d))+")  # English sentences too ('.' not in 2.5)


def _period_sentence(text: str, at: int) -> tuple[int, int]:
    """Where the sentence around ``at`` begins and ends, an English one ending at its period."""
    return next((m.span() for m in PERIOD_SENTENCE.finditer(text) if m.start() <= at < m.end()),
                (at, at))


def _sentence(text: str, at: int) -> tuple[int, int]:
    """Where the sentence around ``at`` begins and ends."""
    begin = max(text.rfind(c, 0, at) for c in "。；;!?！？\n") + 1
    ends = [i for i in (text.find(c, at) for c in "。；;!?！？\n") if i >= 0]
    return begin, min(ends, default=len(text))


def _months_in_sentence(scan: Scan, at: int) -> int | None:
    """A span of more than one month in the amount's sentence (``10 月到次年 3 月共 6 个月，
    5,400 元``, ``4-6 月共 3 个月花了 9000``): the amount is for all of them, not the month's."""
    begin, end = _sentence(scan.text, at)
    for said in SPAN_MONTHS.finditer(scan.text, begin, end):
        months = int(said.group(1)) if said.group(1) else \
            int(EN_COUNTS.get(said.group(2).lower(), said.group(2))) * 12
        if 1 < months <= 60 and not re.search(
                r"(?:前|过去|最近|last|past|for the)\s*$", scan.text[max(0, said.start() - 6):said.start()],
                re.I):
            return months
    for said in PERIOD_NAMED.finditer(scan.text, begin, end):  # Q4（10-12 月）一次性预付 9000
        if 1 < (months := _named_period_months(said)) <= 12:
            return months
    return None


NET_OF = re.compile(r"[^。；;.]{0,12}?(?:less|minus|after|discount|voucher|coupon|减|扣|优惠|代金券|折)",
                    re.I)
QUARTER = r"每个?季度|[一1]\s*个\s*季度|季度|按季|季付|quarterly|(?:a|per|each|every) quarter"
HALF_YEAR = (r"每(?:半|0\.5\s*)年|半年|0\.5\s*年|semi-?annual(?:ly)?|half-?year(?:ly)?"
             r"|every half[- ]year|every (?:six|6) months")  # 半年 reads 0.5年 by then
PERIOD_FEE = re.compile(  # 每季度 6000 / 半年费 6600 / 5,400 CNY a quarter: a period's prepayment
    rf"(?P<p>{QUARTER}|{HALF_YEAR})[^。；;\d]{{0,16}}?[¥￥]?\s*(?<![A-Za-z])(?P<n>{N})(?!\.?\d)"
    rf"(?!\s*(?:个?月|months?|个?季|quarters?|%|次|天|小时|分钟|[、/]\s*\d))"  # not 9、10、11 (months
    rf"|[¥￥]?\s*(?P<n2>{N})\s*(?:元|块|CNY|RMB|yuan)?\s*(?:/\s*季度?|(?P<p2>{QUARTER}|{HALF_YEAR}))",
    re.I)


def _prepaid_fees(scan: Scan) -> list[_Fee]:
    fees: list[_Fee] = []
    for match in scan.finditer(PERIOD_FEE):
        if NET_OF.match(scan.text, match.end()):  # 12,000 yuan less a 1,200 voucher: the bill
            continue  # readings net it
        paid = _decimal(match.group("n") or match.group("n2"))
        said = match.group("p") or match.group("p2") or "季"
        span = Decimal(6 if re.fullmatch(HALF_YEAR, said, re.I) else 3)
        count = re.search(r"(?<![\d.])(\d{1,2})\s*个?\s*$", scan.text[:match.start()])
        if count and said.startswith("季"):  # 预付 2 个季度共 11000: six months
            span *= int(count.group(1))
        if paid:
            fees.append(_spread(paid, span, match))
    for pattern in PREPAID:
        for match in scan.finditer(pattern):
            a, b = _decimal(match.group(1)), _decimal(match.group(2))
            months, total = (a, b) if pattern in (PREPAID[0], PREPAID[2]) else (b, a)
            if months and total and 0 < months <= 60 and not any(
                    match.start() < f.end and f.start < match.end() for f in fees):
                fees.append(_spread(total, months, match))
    return fees


def _spread(total: Decimal, months: Decimal, match: re.Match[str]) -> _Fee:
    """A prepayment said at ``match``, as the fee of each month it covers."""
    monthly = (total / months).quantize(Decimal("0.01"))
    return _Fee(monthly, f"预付 {total} 元 ÷ {months} 个月 = 每月 {monthly} 元", "prepaid",
                *match.span())


PARALLEL = re.compile(  # 员工版月费 6,000，公众版 4,000 / 12,480 元（文本内容安全那行 3,200 不涉及）
    rf"\s*(?:元|块)?\s*[，,、；;（(]\s*(?:和|及|and\s)?\s*(?P<label>[^\d，,。；;()（）\n]{{2,16}}?)\s*"
    rf"[¥￥]?\s*(?P<n>{N})(?![\d.%/:：]|\s*(?:{D_UNIT}|[月日号年点时次个台路]|GB|TB|x|×))", re.I)


PARTS_OF = re.compile(r"\s*(?:其中|of which|including)", re.I)
PRICE_WORDS = re.compile(r"原价|折|税|优惠|抵扣|代金券|实付|应付|合计|总|list|tax|discount|voucher|net|gross|total"
                         r"|before|after", re.I)  # the same fee said another way


def _parallel_amounts(scan: Scan, fees: list[_Fee]) -> list[_Fee]:
    """A bare number said right after an item's fee, for another item (``员工版月费 6,000，公众版
    4,000``): an amount of the same kind, so the affected item's fee can be picked."""
    out: list[_Fee] = []
    queue = list(fees)
    while queue:  # a found amount may have its own parallel after it (A 5,000、B 3,200)
        fee = queue.pop(0)
        match = PARALLEL.match(scan.view, fee.end)
        if match is None or fee.basis not in ("monthly", "paid") or (
                fee.aggregate and not PARTS_OF.match(match.group("label"))):
            continue  # 账单一共 8,200，其中云点播 5,000、云直播 3,200: the parts of a total
        value, label = _decimal(match.group("n")), match.group("label")
        said = label + re.split(r"[，,。；;)）]", scan.text[match.end():])[0]
        if value is None or value < 10 or not _item_words(label) or OUTAGE_SAID.search(label) \
                or PRICE_WORDS.search(said) or AGGREGATE_FEE.search(label) \
                or any(f.start < match.end("n") and match.start("n") < f.end for f in fees + out):
            continue
        out.append(_Fee(value, None, "monthly", match.start("n"), match.end("n")))
        queue.append(out[-1])
    return out


ADDED = re.compile(r"\+|＋|\bplus\b|另加|外加", re.I)


def _affected_items_fee(scan: Scan, fees: list[_Fee]) -> _Fee | None:
    """Amounts each said for their own item (``1,000 CNY/month for KMS and 5,000 CNY/month for
    Cloud HSM``, ``员工版月费 3000，公众版 5000``): the one item the outage is said of. An item
    said to be fine (``KMS 和凭据管理都正常``, ``文本内容安全那行 3,200 不涉及``, ``the firewall was
    fine``) is not it: the only one left is; else the one whose words the outage's clauses
    share, when the others are two items or other products (COS, CVM)."""
    parts = [f for f in fees if not f.aggregate]
    if len(parts) < len(fees) and all(f.value == sum(p.value for p in parts)  # 一共 1 万 of
                                      for f in fees if f.aggregate):         # 6,000 + 4,000
        fees = parts
    fees = [f for f in fees if f.value]  # 云监控 0.00: a line that cost nothing
    if len(fees) < 2 or any(f.basis not in ("monthly", "paid") or f.aggregate for f in fees):
        return None
    failed: set[str] = set()
    fine: set[str] = set()
    only: set[str] = set()
    fine_fees: set[int] = set()  # 语音合成那行 2,000 不涉及: said fine in its own clause
    for sentence in PERIOD_SENTENCE.finditer(scan.text):
        outage = any(p.search(sentence.group(0))
                     for p in (OUTAGE_SAID, AFFECTED, CODES, FULL_FAILURE))
        for clause in re.finditer(r"[^，,（）()]+", sentence.group(0)):
            at = sentence.start() + clause.start()
            held = {i for i, f in enumerate(fees) if at <= f.start < at + len(clause.group(0))}
            if WORKED.search(clause.group(0)) and OTHERS.search(clause.group(0)):
                continue  # 客户别的域名都没事: not the one asked about, whatever its words
            if WORKED.search(clause.group(0)):
                fine |= _item_words(clause.group(0))
                fine_fees |= held
            elif outage and not held:
                failed |= _item_words(clause.group(0))
                if ONLY.search(clause.group(0)):
                    only |= _item_words(clause.group(0))
    said = [_item_words(_fee_label(scan, fee)) for fee in fees]
    labels = [words - set().union(*(other for j, other in enumerate(said) if j != i))
              for i, words in enumerate(said)]  # the words only this item's label has
    left = [i for i, words in enumerate(labels)
            if i not in fine_fees and (not words & fine or words & failed)]
    if len(left) == 1:
        return fees[left[0]]
    said_failed = [i for i, words in enumerate(labels) if words & only]
    if len(said_failed) == 1:  # only OCR was affected / 只有云加密机出了问题
        return fees[said_failed[0]]
    ordered = sorted(fees, key=lambda f: f.start)
    if any(ADDED.search(scan.text[a.end:b.start]) for a, b in zip(ordered, ordered[1:])):
        return None  # capacity ¥3,000 + license & support ¥1,200: parts of one charge, maybe
    codes = [set(PRODUCT_CODE.findall(_fee_label(scan, fee))) - {w.upper() for w in failed}
             for fee in fees]
    shared = [len(words & failed) for words in labels]
    if len(fees) > 2 and not all(codes[i] for i, n in enumerate(shared) if not n):
        return None  # 图片处理 3,200、文档预览 800: lines of one product? Not the reader's to say
    best = max(shared)
    return fees[shared.index(best)] if best and shared.count(best) == 1 else None


OTHERS = re.compile(r"别的|其他|其它|其余|另外几|\bother\b|the rest", re.I)
PRODUCT_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![A-Za-z])")  # COS ¥2,300, CVM 节点 28,000
ONLY = re.compile(r"只有|仅有|仅|只是|\bonly\b", re.I)

def _fee_label(scan: Scan, fee: _Fee) -> str:
    """The words naming an amount's item: those right before it back to the last break or
    number, and those right after it up to the next."""
    breaks = rf"{ITEM_BREAK.pattern}|、|(?<![A-Za-z\d-])\d+(?![A-Za-z-])"  # ckafka-b2: a name
    before = re.split(breaks, scan.text[max(0, fee.start - 30):fee.start])[-1]
    after = re.split(breaks, scan.text[fee.end:fee.end + 30])[0]
    return f"{before} {after}"


def _item_words(text: str) -> set[str]:
    """The words that name an item: Latin words and Chinese character pairs, without the
    words every fee or outage phrase has (月费, pay, edition …)."""
    latin = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", text)} - ITEM_STOPWORDS
    latin |= {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z\d]*(?:-[A-Za-z\d]+)+|[A-Za-z]+\d[A-Za-z\d]*",
                                            text)}  # ckafka-b2, ins-7k2p, db01: an item's own id
    latin |= {w.lower() for w in re.findall(r"(?<![A-Za-z\d])[A-Z](?![A-Za-z\d])", text)}  # A实例
    pairs = {run[i:i + 2] for run in re.findall(r"[\u4e00-\u9fff]{2,}", text)
             for i in range(len(run) - 1)}
    return latin | {p for p in pairs if not re.search(r"[费月元付钱赔断挂了的是为每个次分钟小时天]", p)}


BUNDLE = re.compile(r"bundle|package deal|suite|套餐|打包|组合包|整包|全家桶", re.I)
SHARE_UNKNOWN = re.compile(
    r"(?:don'?t|do not|doesn'?t|not) (?:\w+ )?(?:know|sure)|no idea|unsure|unclear"
    r"|不知道|不清楚|不确定|说不清|没法拆|拆不出", re.I)
BUNDLE_ASKED = "the price of a bundle: what was this service's own share of it?"


def _bundle_share_unknown(scan: Scan) -> bool:
    """A fee said as a bundle's price whose share for this service the user says they do not
    know (``¥48,000 a year for the whole bundle, I don't know what share is the honeypot``):
    asked for, never the bundle's price taken as the service's."""
    fees = [u for u in scan.uses if u.role in ("monthly_fee", "fee_annual", "fee_paid")]
    bundled = [u for u in fees if BUNDLE.search(_own_words(scan.text, u.start, u.end))
               or BUNDLE.search(_clause_before(scan.text, u.start))]
    if not bundled or not SHARE_UNKNOWN.search(scan.text):
        return False
    for use in bundled:
        scan.mark(use, "unclear", BUNDLE_ASKED)
    return True


def _said_as_sum(text: str, fee: NumberUse) -> bool:
    """Whether a fee's own words say it is a sum (``3 台月费合计 4,500``, ``for all 20 instances``)."""
    return bool(AGGREGATE_FEE.search(_own_words(text, fee.start, fee.end)))


def _fee_items(scan: Scan) -> int | None:
    """How many instances a fee said as their sum covers (``3 台月费合计 4,500``), so an SLA that
    counts per instance can ask for the affected one's fee (a fleet SLA takes the sum)."""
    fee = next((u for u in scan.uses if u.role in ("monthly_fee", "fee_paid")), None)
    sentence = _around(scan.text, fee.start, fee.end, SENTENCE_BREAKS) if fee else ""
    many = SEVERAL_INSTANCES.search(sentence) or SEVERAL_INSTANCES.search(scan.text)  # its own
    if fee is None or many is None or not _said_as_sum(scan.text, fee):
        return None  # 员工版月费 6,000，公众版 4,000。客户要求按两个合计: that one's own
    said = many.group(1) or many.group(2)
    count = _decimal(said) if said.isdigit() else Decimal(EN_COUNTS.get(said.lower(), 2))
    return int(count) if count is not None and count >= 2 else None


def _prepaid_months(scan: Scan) -> Decimal | None:
    """``一次性预付了 3 个月`` / ``prepaid for 6 months`` said apart from its amount: the months
    that amount covers."""
    match = PREPAID_MONTHS.search(scan.view)
    if match is None:
        return None
    said = _decimal(match.group(1) or match.group(3) or match.group(5))
    years = bool(match.group(2) or match.group(4))
    months = said * 12 if said is not None and years else said
    months = said * 3 if said is not None and match.group(5) else months
    if months is None or not 1 < months <= 60 or (years and said == 1):  # 买了一年: an annual fee
        return None
    scan.take(match.start(next(i for i in (1, 3, 5) if match.group(i))), match.end(), "period")
    return months


def _clause_before(text: str, at: int) -> str:
    """The words of the clause that ``at`` ends, at most 40 characters back."""
    return re.split(r"[，,。；;!?！？\n]", text[max(0, at - 40):at])[-1]


def _bill_settled(scan: Scan, fees: list[_Fee], vouchers: list[_Fee],
                  within: Decimal = Decimal(0)) -> _Fee | None:
    """A bill whose lines add up: ``存储容量费 1,800 / 折扣 -180 / 代金券抵扣 -200 / 实付 1,420``,
    ``月费 ¥5,000，我们付了 ¥4,000 现金，另外 ¥1,000 是优惠券``. The amount paid is the charges
    less the negative lines and the vouchers said beside them, so it is the month's fee and the
    negative lines are its parts."""
    paid = [f for f in fees if f.basis == "paid"]
    negatives = [u for u in scan.uses if u.note == "a negative figure"]
    apart = [v.value for v in vouchers  # a voucher said as a negative line is counted once
             if not any(u.start < v.end and v.start < u.end for u in negatives)] \
        + ([within] if within else [])  # 账单4380，其中500是代金券抵扣，实付3880
    if len(paid) != 1 or len(fees) < 2 or not (negatives or apart):
        return None
    lines = sum((_decimal(re.sub(r"[^\d.-]", "", u.text)) or Decimal(0) for u in negatives),
                Decimal(0)) - sum(apart, Decimal(0))
    charges = sum((f.value for f in fees if f is not paid[0]), Decimal(0))
    if lines >= 0 or abs(charges + lines - paid[0].value) > Decimal("0.01"):
        return None
    for use in negatives:
        scan.mark(use, "bill_line", "")
    return paid[0]


PART_OF_MONTH = re.compile(  # 380 CNY for Oct 1–15 … 720 for the rest of the month / 前半月 …
    r"for (?:the )?(?:rest|remainder|first half|second half|last \d+ days) of (?:the|that) month"
    r"|for [A-Za-z]{3,9}\.?\s*\d{1,2}\s*[-–~]\s*\d{1,2}\b|(?:from|after|since) the \d{1,2}(?:st|nd|rd|th)"
    r"|[前后上下]半(?:个)?月|剩下的?(?:半个月|日子|天数?)|\d{1,2}\s*[-–~到至]\s*\d{1,2}\s*[号日]"
    r"|\d{1,2}\s*[号日]\s*(?:起|以后|之后|开始)"
    r"|(?:变更|升级|降配|调整|变配|扩容|缩容|改配置)(?:之)?[前后]"  # 变更前 900，变更后 1500
    r"|(?:before|after) (?:the |our |that )?(?:spec |plan )?"
    r"(?:change|upgrade|downgrade|switch|resize)"
    r"|(?<=\d) after\b", re.I)


def _month_in_parts(text: str, fees: list[_Fee]) -> _Fee | None:
    """A month billed in parts, each amount said for its part of the month (``380 CNY for Oct
    1–15 …, then paid 720 CNY for the rest of the month``, ``前半月 300，后半月升级后 600``): the
    month's fee is their sum."""
    parts = [f for f in fees if not f.aggregate and PART_OF_MONTH.search(_around(text, f.start,
                                                                                f.end))]
    said = [f for f in fees if f not in parts]  # the sum said too: ¥900 before, ¥1,500 after,
    total = sum((f.value for f in parts), Decimal(0))  # ¥2,400 in total
    if len(parts) < 2 or any(f.basis not in ("monthly", "paid") for f in parts) \
            or len(said) > 1 or said and (said[0].value != total or not said[0].aggregate):
        return None
    note = " + ".join(plain(f.value) for f in parts) + f" = {plain(total)} 元（当月分段计费合计）"
    return _Fee(total, note, "monthly", parts[0].start, parts[0].end)


BILLED_TOGETHER = re.compile(  # COS 和数据万象是合在一起的，一共 5000，没拆开: not this one's fee
    r"合在一起|合并(?:计费|开票|结算|在一起)|打包(?:计费|在一起)|没(?:有)?(?:拆|分开|单独列)|未(?:拆分|单列)"
    r"|不能拆|拆不开|\b(?:combined|bundled|lumped)\b|not (?:split|broken (?:out|down)|itemi[sz]ed)",
    re.I)
PART_OF_IT = re.compile(  # 8.6 万，日志服务只是其中一部分 / ¥86,000; CLS was only part of it
    r"[^。.\n]{0,30}?(?:只是其中(?:的)?一部分|(?:is|was|are|were) (?:only |just )?(?:a |one )?part of"
    r" (?:it|that|this|the (?:total|bill)))", re.I)
INCLUDES_OTHER = re.compile(  # ¥20,000 (including the CDN fees), 22,000，里面包含 COS 和 CLB 的费用
    r"\s*(?:元|块|CNY|RMB)?\s*(?:[（(]|[，,]\s*(?:里面|其中|这里面|which|that)?\s*)?\s*"
    r"(?:含|包含|包括|including|incl\.?|includes)(?![a-z])(?!\.?\s*(?:税|稅|tax|VAT|增值税|\d))"
    r"[^。；;)）\n]{0,24}?(?:费|fees?\b|charges?\b|costs?\b|bills?\b"
    r"|(?-i:\b(?!VAT|GST|CNY|RMB|USD)[A-Z]{2,5}\b))", re.I)


def said_apart(text: str, start: int, end: int) -> bool:
    """Whether an amount (or a product's name) is said to be for something unrelated or that
    was fine (``另外那台只读的 560 跟这次没关系``, ``EIP 带宽另算 800``, ``(¥50/mo) was fine``)."""
    words = _own_words(text, start, end)
    aside = UNRELATED_ASIDE.search(text[slice(*clause_span(text, start, end))])  # (unrelated)
    return bool(UNRELATED.search(words) or aside
                or (WORKED.search(words) and not RECOVERED.search(words)))


BARE_AMOUNT = re.compile(r"/?\s*\b(?:mo|month)\b|/?\s*月|元|块|[¥￥$]|CNY|RMB|[\s\d.,/]", re.I)


def _own_words(text: str, start: int, end: int) -> str:
    """The words ``text[start:end]`` is said with: its clause, cut at brackets and at the end
    of a sentence, and in a phone-typed run without commas (``NAT账单1200 EIP带宽另算800``) at
    the spaces between its parts. Alone in brackets, it brings the words after them
    (``(¥50/mo) was fine``); ending them, the clause before it (``(… billed separately, ¥140)``)."""
    left, right = clause_span(text, start, end, OWN_BREAKS)
    if re.search(r"[\u4e00-\u9fff]", text[max(0, start - 2):end + 2]):
        gaps = list(SPACED.finditer(text, left, start))
        left = gaps[-1].end() if gaps else left
        gap = SPACED.search(text, end, right)
        right = gap.start() if gap else right
    words = text[left:right]
    if text[right:right + 1] in ("，", ","):  # 9,900 一个月，不算: a short verdict after it is its own
        tail = text[right + 1:clause_span(text, right + 1, right + 1, OWN_BREAKS)[1]]
        words += f" {tail}" if len(tail.strip()) <= 8 and not re.search(r"\d", tail) else ""
    if text[right:right + 1] not in (")", "）") or BARE_AMOUNT.sub("", words):
        return words
    after = text[right + 1:clause_span(text, right + 1, right + 1)[1]]
    opened = text[left - 1:left] in ("(", "（")
    before = "" if opened else text[clause_span(text, left - 1, left - 1, OWN_BREAKS)[0]:left]
    return f"{before} {words} {after}"


def _by_own_words(text: str, fee: _Fee) -> _Fee:
    """One of several amounts placed again by the words it is said with: a voucher or coupon
    (``另用了一张 200 的优惠券``), an item said to be apart (``GPU 服务器 9,900 一个月，不算``) or a
    balance paid in advance (``We prepaid ¥20,000 of balance``, ``没用完的预充值 5,000``) is not
    the month's charge, whatever the pattern that found it first made of it."""
    if fee.basis not in ("monthly", "paid"):
        return fee
    words = _own_words(text, fee.start, fee.end)
    at = words.find(text[fee.start:fee.end])
    if at >= 0:  # ¥5,000 cash plus a ¥500 voucher: the words up to the next amount are its own
        words = re.split(r"\d", words[:at])[-1] + words[at:at + fee.end - fee.start] \
            + re.split(r"\d", words[at + fee.end - fee.start:])[0]
    if VOUCHER_PART.search(words):
        return replace(fee, basis="voucher")
    if said_apart(text, fee.start, fee.end):
        return replace(fee, basis="apart")
    if BALANCE.search(words) and not (MONTHLY_LABEL.search(words) or MONTHS_OWN.search(words)
                                      or USED_UP.search(words)):
        return replace(fee, package=True)
    return fee


SEATS_SAID = re.compile(rf"(\d+)\s*{COUNTER}(?:{QUANTITY_UNIT}|人)(?![A-Za-z])"
                        r"|(?:用户数|人数|席位数|坐席数|账号数|number of (?:users|seats|accounts))"
                        r"\s*[:：为是]?\s*(\d+)", re.I)


def _a_product(fee: Decimal, count: int | None, text: str) -> bool:
    """Whether ``fee`` is ``count`` times an amount the message says (the fleet's sum)."""
    if count is None or count < 2:
        return False
    return any(value is not None and value * count == fee
               for m in NUMBER_RE.finditer(text) if (value := _decimal(m.group(0))) != fee)


def _worked_out(text: str, fees: list[_Fee]) -> list[_Fee]:
    """Amounts the message relates by arithmetic: one that is a percentage said before it, in
    its sentence, of another amount (``10% of the whole bill (¥7,800) = ¥780``) is the user's
    own arithmetic of a credit, not a fee; one that times a count of seats, users or a
    quantity said in the message makes another (``用户数 100，每人每月 20 元，月费合计 2000``) is
    the price of one, and the product the bill. (Instances are not counted here: an SLA that
    pays per instance pays from one instance's fee.)"""
    counts = {value for m in SEATS_SAID.finditer(text)
              if (value := _decimal(m.group(1) or m.group(2))) is not None and value >= 2}
    out = []
    for fee in fees:
        start, _ = _sentence(text, fee.start)
        said = text[start:fee.start]
        shares = {_decimal(m.group(1)) for m in re.finditer(rf"({N})\s*[%％]", said)}
        worked = any(other.value * share / 100 == fee.value for other in fees if other is not fee
                     for share in shares if share)
        unit = any(fee.value * count == other.value for other in fees if other is not fee
                   for count in counts if count not in (fee.value, other.value))
        out.append(replace(fee, basis="claimed") if worked else
                   replace(fee, basis="list_price") if unit else fee)
    return out


ADDED_CHARGE = re.compile(r"(?:超额|超出|超量)[^，,。；;\d]{0,6}?(?:又|另)?(?:扣|收|付|计费)了?|又(?:扣|收|付)了"
                          r"|(?:超额|超出|超量)[^，,。；;\d不免]{0,10}$"  # 另外有超出套餐的按量(费用 420)
                          r"|额外(?:扣|收|付)了?|(?:overage|extra usage|on top)[^,.;\d]{0,12}?$", re.I)


def _added_charge(scan: Scan, fees: list[_Fee]) -> list[_Fee]:
    """``专业版套餐 299/月，当月超额按量又扣了 121``: a plan's monthly price and the overage the
    month added are the month's charge together (299 + 121)."""
    if len(fees) != 2 or any(f.basis not in ("monthly", "paid") or f.package for f in fees):
        return fees
    first, added = sorted(fees, key=lambda f: f.start)
    said = scan.text[max(first.end, added.start - 14):added.start]
    if not ADDED_CHARGE.search(said):
        return fees
    total = first.value + added.value
    note = f"{plain(first.value)} 元 + {plain(added.value)} 元 = {plain(total)} 元"
    _record_fee(scan, added, "bill_line", "")
    return [replace(first, value=total, note=note)]


ROUGH_WORDS = r"about|around|roughly|约|大约|大概|将近|差不多"  # a figure said roughly
ROUGH_AMOUNT = re.compile(rf"(?:{ROUGH_WORDS}|左右|上下|来块|多块|approx|~|≈)", re.I)


def _availability_rough(scan: Scan) -> bool:
    """An availability said roughly (``around 99.9%``, ``99.9% 左右``): computed a little higher
    and lower as well, like a rough length."""
    return any(ROUGH_AMOUNT.search(scan.text[max(0, u.start - 12):u.start])
               or ROUGH_AFTER.match(scan.text, u.end)
               or ROUNDED_SHOWN.search(scan.text[slice(*_period_sentence(scan.text, u.start))])
               for u in scan.uses if u.role == "availability")


ROUNDED_SHOWN = re.compile(  # the dashboard rounds it: "only displays one decimal place"
    r"(?:only )?(?:displays?|shows?) (?:only )?(?:one|1|two|2) decimals?(?: places?)?|rounded|四舍五入"
    r"|只(?:显示|保留)(?:到)?(?:一|1|两|2)位小数|(?:保留|精确到)(?:一|1)位小数", re.I)


def _exact_over_rough(scan: Scan, fees: list[_Fee]) -> list[_Fee]:
    """``这个月花了大概两千，账单上是 1,987.30``: an amount said roughly beside one said exactly
    that it rounds (within 10 %) is the same amount; the exact one stands."""
    if len(fees) != 2:
        return fees
    rough = [f for f in fees if ROUGH_AMOUNT.search(
        scan.text[max(0, f.start - 6):f.end + 3])]
    if len(rough) != 1:
        return fees
    exact = next(f for f in fees if f is not rough[0])
    if exact.value and abs(rough[0].value - exact.value) <= exact.value / 10:
        _record_fee(scan, rough[0], "restated", "a rough amount, said exactly after")
        return [exact]
    return fees


def _pick_fee(fees: list[_Fee]) -> _Fee | None:
    """The monthly fee among several amounts, or None when which one is not certain."""
    if all(f.package for f in fees):  # "买了个 10 万的套餐包": what was this month's charge?
        return None
    fees = [f for f in fees if not f.package] or fees
    if len({f.value for f in fees}) == 1:  # said twice: the monthly figure as said wins
        return next((f for f in fees if f.basis in ("monthly", "paid")), fees[0])
    paid = [f for f in fees if f.basis == "paid" and not f.aggregate]
    if len({f.value for f in paid}) == 1 and all(
            f.basis in ("prepaid", "annual") or f.aggregate for f in fees if f not in paid):
        return paid[0]
    single = [f for f in fees if not f.aggregate]
    if len({f.value for f in single}) == 1 and len(single) < len(fees):
        return single[0]
    return None


LONGER_SPAN = re.compile(r"今年|全年|一年|整年|年度|本年|去年|半年|季度|上半年|下半年|这几个月|近几个月"
                         r"|this year|last year|the year|yearly|annual|quarter|past \d+ months"
                         r"|year to date|ytd", re.I)
SHORTER_SPAN = re.compile(  # 这两个小时的成功率 98.7%: a rate over the outage's window, not the month
    r"(?:这|那)\s*(?:[两几\d]+\s*个?)?\s*(?:小时|钟头|分钟|段时间|段)\s*(?:的|里|内|中)"
    r"|(?:故障|中断|异常)\s*期间|during (?:th(?:e|ose|at) )?(?:\w+ )?(?:hours?|minutes?|window|outage)"
    r"|in th(?:at|ose) (?:\w+ )?(?:hours?|minutes?|window)", re.I)


ROWS_OF_PERCENTS = re.compile(r"[^\n]*(?:\n[^\n%]{0,30}[|:：,\t]\s*-?\d+(?:\.\d+)?\s*%[^\n]*)+")


def _around_end(text: str, at: int) -> int:
    """Where the sentence holding ``at`` ends."""
    found = re.search(r"[。；;!?！？\n]", text[at:])
    return at + found.start() if found else len(text)


TIERS_SAID = re.compile(r"\btiers?\b|档位|赔偿标准|赔偿比例|赔付比例|→|=>|->", re.I)


LENGTHS_ADDED = re.compile(rf"\s*((?:{DURATION}\s*[+＋]\s*)+{DURATION})\s*(=|等于)\s*({DURATION})", re.I)


def _lengths_added(text: str) -> int | None:
    """Where the parts of ``1h + 30min + 15min = 1h45min`` end, when they add up to the total."""
    added = LENGTHS_ADDED.match(text)
    if not added:
        return None
    parts = [s for term in re.split(r"[+＋]", added.group(1)) for s in duration_seconds(term)]
    if sum(parts) != sum(duration_seconds(added.group(3))) or len(parts) < 2:
        return None
    return added.end(1)


def _event_said(text: str) -> bool:
    """Whether the text says a breach happened (``响应超时了``), not only asks whether what it
    describes is one (``这算超时吗？``, ``is that late?``): asking leaves it for the figures."""
    return any(not re.search(r"(?:算|算不算|是不是|是否|有没有|\b(?:is|was) (?:that|this|it))\s*$",
                             text[max(0, m.start() - 10):m.start()], re.I)
               and not re.match(r"\s*了?\s*(?:吗|么|嘛|没有?|\?|？)", text[m.end():])
               for m in EVENT_WORDS.finditer(text))


def _tiers_quoted(scan: Scan) -> None:
    """A sentence that lists the SLA's tiers (``SLA tiers: <99.95% → 10%, <99% → 25%``) quotes
    the rule: none of its percentages was measured."""
    for match in scan.finditer(TIERS_SAID):
        found = list(PERCENT.finditer(scan.view, *_period_sentence(scan.text, match.start())))
        if len(found) >= 3:
            for m in found:
                scan.take(m.start(), m.end(), "threshold", "the SLA's tiers, quoted")


RULE_WORDS = re.compile(rf"{NOT_MEASURED_BEFORE.pattern}|以下|以上|补偿|compensat|promise|discount|折"
                        r"|off\b", re.I)  # a rule quoted, or prices
RATES_NAMED = re.compile(  # rates the other readers place: named, or said as ranges (1% and 30%)
    r"错误率|失败率|成功率|丢包|error|fail|success|loss|[%％]\s*(?:-|–|~|～|到|至|and|to)\s*\d", re.I)
RATES_ASKED = ("rates over time: rates of what, in windows of how many minutes? Give the "
               "unavailable minutes instead")


def _rates_listed(scan: Scan) -> None:
    """Four or more percentages listed in a sentence that names no availability and no tier
    (``buckets 13:00 through 13:55: 2%, 7%, 38%, 61%…``) are rates over time the series reader
    did not place: asked about, never taken for quoted thresholds."""
    for sentence in PERIOD_SENTENCE.finditer(scan.view):
        found = list(PERCENT.finditer(scan.view, sentence.start(), sentence.end()))
        words = scan.text[sentence.start():sentence.end()]
        if len(found) >= 4 and not TIERS_SAID.search(words) \
                and not AVAILABILITY_SAID.search(words) and not RULE_WORDS.search(words) \
                and not RATES_NAMED.search(words):
            scan.take(found[0].start(), found[-1].end(), "unclear", RATES_ASKED)


COMPARED_MONTH = re.compile(r"前\s*(?:一|1)?\s*个?月|上\s*(?:一|1)\s*个月|上上个?月|the (?:previous|prior|preceding) month"
                            r"|the month before|对比|作对比|比较一下|for comparison|to compare", re.I)


def _percent(scan: Scan) -> Decimal | None:
    """A measured availability; a commitment, threshold or credit share is context."""
    measured: Decimal | None = None
    listed = 0  # where a list of per-point availabilities ends
    _tiers_quoted(scan)
    _rates_listed(scan)
    for match in scan.finditer(PERCENT):
        value = _decimal(match.group(1))
        share = MONTH_SHARE.match(scan.text, match.end())
        if share and value is not None and 0 < value < 100 and OUTAGE_SAID.search(
                _around(scan.text, match.start(), share.end(), SENTENCE_BREAKS)):
            measured = 100 - value  # down 0.3% of October: the month was 99.7% available
            scan.take(match.start(), share.end(), "availability",
                      f"share of the month down: {plain(value)}%")
            continue
        clause = _clause_before(scan.text, match.start())
        if value is not None and 0 < value < 100 and UNAVAILABILITY.search(clause):
            measured = 100 - value  # 不可用率 0.3% / unavailability of 0.3%: 99.7% available
            scan.take(match.start(), match.end(), "availability",
                      f"share of the month down: {plain(value)}%")
            continue
        if COMPARED_MONTH.search(_around(scan.text, match.start(), match.end())):
            scan.take(match.start(), match.end(), "other", "another month's, to compare")
            continue  # （对比一下，前一个月可用率是 99.99%）
        if OTHER_METRIC.search(clause) and not AVAILABILITY_SAID.search(clause):
            scan.take(match.start(), match.end(), "other_metric")  # 丢包率一度达到 35%
            continue
        before = scan.text[max(0, match.start() - 8):match.start()]
        fell = FELL_TO.search(scan.text[max(0, match.start() - 24):match.start()]) and not \
            OTHER_METRIC.search(_clause_before(scan.text, match.start()))  # "what if it fell to
        # 97%?": a percentage that falls (not "cache hit ratio dropped to 40%")
        quoted = re.search(  # SLA 可用性是 99.9%, the SLA promises at least 99.9%
            r"(?:SLA|承诺|commitment)[^，,。；;\d]{0,12}$|(?:target|目标)(?! group)[^，,。；;\d]{0,24}$"
            r"|\b(?:you|they|tencent)\s+(?:promise|guarantee|commit)\w*(?: to)?[^,.;\d]{0,12}$"
            r"|(?:threshold|阈值|达标线|要求|KPI|internal (?:requirement|target|goal))[^，,。；;\d]{0,12}$"
            r"|(?:SLA|agreement|协议|合同)\s*(?:里|上|中)?\s*"
            r"(?:写|说|规定|承诺|says|states|promises|guarantees)[^，,。；;\d]{0,20}$|"
            r"(?:at least|不低于|至少)\s*$|(?:miss(?:es|ed)?|fails? to (?:meet|reach|hit)|(?:does|did)(?:n't| not)"
            r" (?:meet|reach|hit))\s*(?:the|its|their|our)?\s*$",
            scan.text[max(0, match.start() - 40):match.start()], re.I)
        if quoted and MEASURED_WORDS.search(quoted.group(0)):  # SLA 报表上写的实际可用性 99.85%:
            quoted = None  # measured, not the SLA's promise
        if value is None or NOT_MEASURED_BEFORE.search(before) or quoted or not (
                AVAILABILITY_WORDS.search(scan.text) or fell) \
                or NOT_MEASURED_AFTER.match(scan.text, match.end()):
            scan.take(match.start(), match.end(), "threshold" if value is not None
                      and 0 <= value <= 100 else "unclear")
            continue
        if not 0 <= value <= 100:
            scan.take(match.start(), match.end(), "unclear",
                      "availability must be between 0 and 100")
            continue
        rows = ROWS_OF_PERCENTS.match(scan.text, match.end())  # 9/10 | 25.0% / 9/11 | 50.0% …
        if match.start() < listed or rows or re.match(r"\s*[,，、;；|]\s*-?\d+(?:\.\d+)?\s*%",
                                                      scan.text[match.end():]):
            listed = max(listed, rows.end() if rows else _around_end(scan.text, match.end()))
            scan.take(match.start(), match.end(), "unclear",  # one per point, to the sentence end
                      "availabilities one per point: how long was it down in all?")
            continue
        after = scan.text[match.end():match.end() + 16]
        lead = _around(scan.text, match.start(), match.end())
        lead = lead[:max(0, lead.find(match.group(0)))][-24:]
        bound = re.search(r"(?:more than|over|above|超过|高于|大于)\s*$",
                          scan.text[max(0, match.start() - 12):match.start()], re.I)
        if SHARE_AFTER.match(after) and bound:  # more than 5% of requests: the condition
            scan.take(match.start(), match.end(), "threshold")
            continue
        if SHARE_BEFORE.search(lead) or SHARE_AFTER.match(after) or (
                ERROR_AFTER.match(after) and not AVAILABILITY_WORDS.search(lead)):  # 3% 的请求返回错误
            scan.take(match.start(), match.end(), "unclear",
                      "a share of requests or users, not the availability")
            continue
        if value < 50 and not AVAILABILITY_WORDS.search(lead) and not fell:  # 没到 0.1%: a share
            scan.take(match.start(), match.end(), "other_metric")
            continue
        clause = re.split(r"[，,。；;]", scan.view[max(0, match.start() - 24):match.start()])[-1]
        if LONGER_SPAN.search(clause):  # 今年整体 99.7%: the SLAs count each month on its own
            scan.take(match.start(), match.end(), "unclear",
                      "availability over more than a month: what was the month's?")
            continue
        if SHORTER_SPAN.search(clause):
            scan.take(match.start(), match.end(), "unclear",
                      "a rate over part of the month: what was the month's?")
            continue
        if measured is not None and value != measured and PER_AGREEMENT.search(
                _around(scan.text, match.start(), match.end())):
            scan.relabel({"availability"}, "other_metric", "not counted by the agreement's rule")
            measured = value  # 按协议口径重算是 99.12%: the figure the agreement's rule gives
            scan.take(match.start(), match.end(), "availability", "by the agreement's rule")
            continue
        if measured is not None and value != measured:  # another metric's figure, shown,
            two = MEASURED_BY.search(clause)  # or a second tool's measurement of it
            scan.take(match.start(), match.end(), "unclear" if two else "other_metric",
                      "two availabilities: which one counts?" if two else "")
            continue
        measured = value
        said = re.split(r"[，,。；;\n]", scan.text[max(0, match.start() - 60):match.start()])[-1]
        success = SUCCESS_RATE.search(said) and not re.search(
            r"可用性|可用率|availability|uptime", said, re.I)
        scan.take(match.start(), match.end(), "availability", SUCCESS_RATE_NOTE if success else "")
    return measured


SUCCESS_RATE = re.compile(r"成功率|success rate", re.I)
PER_AGREEMENT = re.compile(r"按(?:协议|SLA|合同)的?(?:口径|定义|算法|公式|规则)|(?:协议|SLA)口径|重算|重新(?:算|计算)"
                           r"|recalculat|recomput|per the (?:agreement|SLA)|by the SLA'?s?"
                           r" (?:definition|formula|rules?)", re.I)
MONTH_SHARE = re.compile(rf"\s*(?:的时间|的时长|of (?:the |that |this )?(?:month|time)\b|of (?:{EN_NAMES})\b)",
                         re.I)  # 0.5% 的时间不可用 / unreachable for 0.3% of October
SUCCESS_RATE_NOTE = "a success rate"  # the availability only where the SLA counts requests


INVALID_NUMBERS = re.compile(  # 其中 3,000 条是空号/停机号, 1,200 of them went to invalid numbers
    rf"其中\s*({N})\s*(?:条|个|次)?\s*(?:是|为)?\s*(?:发(?:给|到|往)了?)?\s*(?:空号|停机|关机|无效号码|错号|非有效号码)"
    rf"|({N})\s*(?:of (?:them|those|these) )?(?:were |went )?(?:sent )?to (?:invalid|non-existent|"
    rf"dead|unreachable|disconnected) numbers", re.I)


def _invalid_numbers(scan: Scan) -> tuple[int | None, bool]:
    """Messages said to have gone to invalid numbers (空号、停机): asked about, as the SMS and
    voice SLAs count only messages to valid numbers (the assistant settles it by the SLA); and
    whether they are part of the failures said just before (``失败 42,000 条，其中 18,000 条是
    发到空号``) or only of the total (``共提交 12 万条，其中 3,000 条是空号``)."""
    found = list(scan.finditer(INVALID_NUMBERS))
    if len(found) != 1:
        return None, False
    group = 1 if found[0].group(1) else 2
    value = _decimal(found[0].group(group))
    if value is None or value != value.to_integral_value():
        return None, False
    before = re.split(r"\d+", scan.text[max(0, found[0].start() - 24):found[0].start()].rstrip(
        " ，,"))  # the words of the count it is part of
    of_failed = len(before) > 1 and bool(FAILED_WORD.search(before[-2] + before[-1])) or \
        bool(FAILED_WORD.search(before[-1]))
    scan.take(found[0].start(group), found[0].end(group), "unclear", INVALID_ASKED)
    return int(value), of_failed


FAIL_SHARE = re.compile(  # 其中 2% 失败, 失败率 3.2%, 3% of our 1.2M requests failed
    rf"(?:失败率|错误率|出错率|失败占比?|失败了|出错了|报错了|failure rate|error rate|\bfailed)"
    rf"\s*(?:为|是|达到?|of|was|at)?\s*"
    rf"(?P<a>{N})\s*[%％](?!\s*(?:{BOUND_AFTER_WORDS}))"
    rf"|(?P<b>{N})\s*[%％]\s*(?:的(?:请求|调用))?\s*(?:失败|出错|报错)"
    rf"|(?P<c>{N})\s*%\s+(?:of\s+(?:[\w.]+\s+){{0,5}}?)?(?:failed|errored|returned errors?)"
    rf"|(?P<d>{N})\s*%\s*(?:failure|error) rate"
    rf"|(?:成功率|success rate)\s*(?:为|是|达到?|of|was|at)?\s*(?P<ok>{N})\s*[%％]", re.I)
WINDOW_WORDS = re.compile(r"窗口|统计周期|统计点|粒度|分钟|minutes?|windows?|buckets?|intervals?", re.I)


def _share_failed(scan: Scan) -> tuple[int | None, int | None]:
    """A request total and the share of it that failed (``请求总数 120 万，其中 2% 失败``,
    ``800k requests with a 2.5% failure rate``, ``成功率 99.4%``): the failed count is the share
    of the total, when that is a whole number. Rates said of windows or minutes are the
    windows' (read elsewhere)."""
    for sentence in SENTENCE_RUN.finditer(scan.view):
        text = sentence.group(0)
        shares, totals = list(FAIL_SHARE.finditer(text)), list(REQUESTS_RE.finditer(text))
        if len(shares) != 1 or len(totals) != 1 or WINDOW_WORDS.search(text) \
                or BOUND_BEFORE.search(text[max(0, shares[0].start() - 6):shares[0].start()]):
            continue
        share, said = shares[0], totals[0]
        if any(not (m.start() < share.end() and share.start() < m.end()) for m in
               (*FAILED_AFTER_RE.finditer(text), *LONE_FAILED.finditer(text))):
            continue  # 失败了 3 万次，失败率 2.5%: the count said is the count
        total = _decimal(next(g for g in said.groups() if g))
        key = next(k for k in ("a", "b", "c", "d", "ok") if share.group(k))
        pct = _decimal(share.group(key))
        if total is None or pct is None or not 0 <= pct <= 100:
            continue
        failed = total * (100 - pct if key == "ok" else pct) / 100
        if failed != failed.to_integral_value() or total != total.to_integral_value():
            continue
        base = sentence.start()
        scan.take(base + said.start(), base + said.end(), "total_requests")
        scan.take(base + share.start(), base + share.end(), "failed_requests",
                  f"{plain(total)} × {plain(pct)}%")
        return int(total), int(failed)
    return None, None


def _requests(scan: Scan) -> tuple[int | None, int | None]:
    pair = _total_and_failed(scan)
    alone = LONE_FAILED.search(scan.view) if pair == (None, None) else None
    failed = _decimal(alone.group(1) or alone.group(2)) if alone else None
    if alone and failed is not None:  # 那次故障里失败请求一共 3,456 次 (the total not needed)
        scan.take(alone.start(), alone.end(), "failed_requests")
        return None, int(failed)
    return pair


SUCCEEDED = re.compile(rf"(?:成功(?:了|的请求)?|succeeded|success(?:ful)?(?: requests| calls)?)\s*[=:：]?\s*"
                       rf"({N})\s*(?:次|个)?"
                       rf"|({N})\s*(?:requests?|calls?)?\s*(?:succeeded|were successful"
                       rf"|went through)", re.I)  # 99,000 requests succeeded and 1,000 failed


def _succeeded_and_failed(scan: Scan) -> tuple[int | None, int | None]:
    """``成功 99,000 次，失败 1,000 次`` / ``succeeded 49,500, failed 500``: the total is both."""
    ok = next(scan.finditer(SUCCEEDED), None)
    bad = next((m for m in scan.finditer(FAILED_RE) if ok and m.start() >= ok.end()), None)
    good = _decimal(ok.group(1) or ok.group(2)) if ok else None
    failed = _decimal(next(g for g in bad.groups() if g)) if bad else None
    if ok is None or bad is None or good is None or failed is None:
        return None, None
    total = int(good + failed)
    scan.take(ok.start(), ok.end(), "total_requests", f"成功 {plain(good)} + 失败 {plain(failed)}")
    scan.take(bad.start(), bad.end(), "failed_requests")
    return total, int(failed)


def _total_and_failed(scan: Scan) -> tuple[int | None, int | None]:
    total_match = next(scan.finditer(REQUESTS_RE), None)
    said = next(scan.finditer(SUCCEEDED), None)
    if said and (total_match is None or said.group(2)):
        return _succeeded_and_failed(scan)
    if total_match is None:
        same = _same_thing_failed(scan)
        return same if same[0] is not None else _request_pair(scan)
    total = _decimal(next(g for g in total_match.groups() if g))
    view = scan.view
    failed_match = None
    for pattern in (FAILED_AFTER_RE, FAILED_RE):
        for match in pattern.finditer(view):
            if match.start() >= total_match.end() or match.end() <= total_match.start():
                failed_match = match
                break
        if failed_match:
            break
    if total is None or failed_match is None:
        return _request_pair(scan)
    failed = _decimal(next(g for g in failed_match.groups() if g))
    if failed is None or failed > total:
        return _request_pair(scan)
    scan.take(total_match.start(), total_match.end(), "total_requests")
    scan.take(failed_match.start(), failed_match.end(), "failed_requests")
    return int(total), int(failed)


LONE_FAILED = re.compile(
    rf"失败(?:的)?(?:请求|调用)(?:数|次数)?\s*(?:一共|共|总共|合计|累计)?\s*(?:是|为|有)?\s*({N})\s*(?:次|个)?"
    rf"|({N})\s*(?:次|个)?\s*(?:(?:failed|unsuccessful)\s+(?:[a-z]+\s+)?(?:requests|calls|verifications"
    rf"|attempts)|requests? failed|calls? failed)", re.I)
REQUEST_WORD = re.compile(r"请求|调用|短信|requests?|reqs?\b|calls?|invocations?|queries|SMS|messages",
                          re.I)
PART_OF = re.compile(r"\s*(?:of|out of)\s", re.I)  # 1.4k of 200k calls failed
FAILED_WORD = re.compile(r"失败|出错|报错|failed|failures?|fail(?:s|ing)?\b|errors?|errored", re.I)
TOTAL_WORD = re.compile(r"总|共|total|out of|of the|of\s*$", re.I)


def _request_pair(scan: Scan) -> tuple[int | None, int | None]:
    """Request counts said in any order and form (``1.4k of 200k calls failed``, ``请求数：
    100000，失败数：200``, ``failed: 350 / total: 50,000``): in a sentence about requests, the
    number the failure words sit next to is the failed count, the larger other one the total."""
    for sentence in SENTENCE_RUN.finditer(scan.view):
        if not (REQUEST_WORD.search(sentence.group(0)) and FAILED_WORD.search(sentence.group(0))) \
                or re.search(r"每\s*(?:\d+|[一二两三四五六七八九十百千万]+)\s*(?:次|个|条)",
                             sentence.group(0)):  # 每一千次失败四次: a rate, not a count
            continue
        numbers = [m for m in NUMBER_RE.finditer(sentence.group(0))
                   if m.group(0).replace(".", "").isdigit()]
        roles = {}
        for m in numbers:
            near_before = sentence.group(0)[max(0, m.start() - 8):m.start()]
            near_after = sentence.group(0)[m.end():m.end() + 14]
            clause = re.split(r"[，,/]", sentence.group(0)[max(0, m.start() - 20):m.start()])[-1]
            said_before = FAILED_WORD.search(clause)
            failed_after = re.match(r"\s*(?:次|个|条)?\s*(?:failed|fail(?:ed|ing|s)?)\b", near_after, re.I)
            if re.match(rf"\s*{D_UNIT}", near_after, re.I):  # 失败了大概 3 个小时: how long
                roles[m] = ""
                continue
            roles[m] = "failed" if said_before or PART_OF.match(near_after) or failed_after \
                else "total" if (REQUEST_WORD.search(near_before + near_after)
                                 or TOTAL_WORD.search(near_before)
                                 or re.match(r"\s*total\b", near_after, re.I)) else ""
        if not any(r == "failed" for r in roles.values()):  # 3000 次请求失败: the failure after
            for m in numbers:
                if re.match(r"\s*(?:次|个|条)?\s*(?:请求|调用|calls?|requests?)?\s*(?:都|全)?\s*"
                            r"(?:失败|failed|errors?)", sentence.group(0)[m.end():], re.I):
                    roles[m] = "failed"
        failed_n = [m for m in numbers if roles[m] == "failed"]
        total_n = [m for m in numbers if roles[m] == "total"]
        if len(failed_n) != 1 or len(total_n) != 1:
            continue
        total, failed = _decimal(total_n[0].group(0)), _decimal(failed_n[0].group(0))
        if total is None or failed is None or not 0 <= failed < total:
            continue
        base = sentence.start()
        scan.take(base + total_n[0].start(), base + total_n[0].end(), "total_requests")
        scan.take(base + failed_n[0].start(), base + failed_n[0].end(), "failed_requests")
        return int(total), int(failed)
    return None, None


def _same_thing_failed(scan: Scan) -> tuple[int | None, int | None]:
    """A count of anything and how many of the same failed (``2,000 scans … 36 scans failed``,
    ``共 640 次扫描，其中 3 次扫描失败``): a request count by whatever name the SLA counts."""
    for match in [*scan.finditer(SAME_THING_FAILED), *scan.finditer(TOTAL_THEN_FAILED)]:
        total, failed = _decimal(match.group(1)), _decimal(match.group(3))
        if total is None or failed is None or failed > total or total != int(total):
            continue
        scan.take(match.start(1), match.end("thing"), "total_requests")
        scan.take(match.start(3), match.end(), "failed_requests")
        return int(total), int(failed)
    return None, None


RAISED = re.compile(r"告警|报警|提出|提交|报障|工单|求助|联系|呼叫|打电话|raised|reported|opened|alert|called|paged"
                    r"|submitted|escalated", re.I)
ANSWERED = re.compile(r"响应|反馈|回电|回复|答复|接单|到场|responded|replied|answered|called back|got back"
                      r"|acknowledged|picked up", re.I)
CLOCK_ONLY = re.compile(CLOCK)
RESPONSE_WITHIN = "answered within the time you quoted: was the agreement's response time missed?"


def _response_minutes(scan: Scan) -> int | None:
    """A request and the time it was answered, said as two clock times (``告警时间 02:13 …
    电话反馈是 03:08``, ``ticket opened 09:10, they responded at 10:02``): the minutes between,
    the measure of an SLA on response time."""
    times = [u for u in scan.uses if u.role == "date" and CLOCK_ONLY.fullmatch(u.text.strip())]
    for first, second in zip(times, times[1:]):
        before1 = scan.text[max(0, first.start - 16):first.start]
        before2 = scan.text[max(0, second.start - 16):second.start]
        after1 = re.split(r"[，,。；;]", scan.text[first.end:first.end + 12])[0]  # 10:20 打电话提需求,
        after2 = re.split(r"[，,。；;]", scan.text[second.end:second.end + 12])[0]  # 15:40 才回电
        if not ((RAISED.search(before1) or RAISED.search(after1))
                and (ANSWERED.search(before2) or ANSWERED.search(after2))
                and not ANSWERED.search(before1 + after1)):
            continue
        (h1, m1), (h2, m2) = (map(int, re.split(r"[:：]", u.text.strip())) for u in (first, second))
        minutes = (h2 * 60 + m2 - h1 * 60 - m1) % 1440
        limits = [sum(duration_seconds(u.text)) / 60 for u in scan.uses
                  if u.role == "threshold" and duration_seconds(u.text)]
        within = any(minutes <= limit for limit in limits)  # 40 分钟内响应, answered in 27
        for use in (first, second):
            scan.mark(use, "unclear" if within else "response", RESPONSE_WITHIN if within
                      else f"{minutes} 分钟")
        return None if within else minutes
    return None


def _event_count(scan: Scan) -> int | None:
    """Late responses (``超时响应了 4 次``). Counts said in a rule the user quotes (``超时 3 次以上``)
    are thresholds; several counts (``漏洞预警超时 3 次，风险响应超时 2 次``) are asked about: one
    kind, or their sum, is the SLA's to say."""
    said = []
    for match in scan.finditer(EVENT_COUNT_RE):
        if BOUND_AFTER.match(scan.text, match.end()):
            scan.take(match.start(), match.end(), "threshold")
        else:
            said.append(match)
    value = _decimal(next(g for g in said[0].groups() if g)) if len(said) == 1 else None
    for match in said:
        scan.take(match.start(), match.end(), "event_count" if value is not None else "unclear",
                  "" if value is not None else "several counts: which one, or their sum?")
    return int(value) if value is not None else None


def _seats(uses: tuple[NumberUse, ...]) -> int | None:
    """How many seats, terminals or users a price each is for (``500个终端，每个每月30块``): said
    once, the count the price multiplies."""
    said = {int(m.group(1)) for u in uses if u.role in ("name", "instances") and (m := re.match(
        r"(\d+)\s*(?:个|名|位)?\s*(?:终端|用户|账号|席位|坐席|terminals?|seats?|users?|licen[cs]es)$",
        u.text, re.I))}
    return said.pop() if len(said) == 1 else None


def _instances(scan: Scan) -> tuple[Decimal, ...]:
    """Downtime said per instance (``一台 600 分钟，另一台 200 分钟``): one figure each."""
    marks = list(scan.finditer(INSTANCE_MARK))
    if len(marks) < 2:
        return ()
    out: list[Decimal] = []
    spans: list[tuple[int, int, Decimal]] = []
    for i, mark in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(scan.view)
        segment = scan.view[mark.end():stop]
        found = re.search(DURATION, segment, re.I)
        if not found:
            continue
        seconds = duration_seconds(found.group(0))
        many = re.search(r"(\d+)\s*(?:台|个实例|个节点)\s*各", mark.group(0)) or (
            re.search(r"(\d+)\s*(?:台|个实例|个节点)[^。；;\d]{0,30}$", scan.text[:mark.start()])
            if mark.group(0).startswith("每") else None)  # 其中 3 台…不通，每台都断了 4 个小时
        if seconds:
            minutes = Decimal(sum(seconds)) / 60
            out += [minutes] * (int(many.group(1)) if many else 1)
            spans.append((mark.end() + found.start(), mark.end() + found.end(), minutes))
    if len(out) < 2:
        return ()
    for start, end, minutes in spans:
        scan.take(start, end, "instance_downtime", f"{plain(minutes)} 分钟")
    return tuple(out)


def _grouped_by_instance(scan: Scan) -> tuple[tuple[int, ...], ...]:
    """Outages said after the instance they hit (``ins-a1 失效 50 秒；ins-b2 失效 20 分钟；
    ins-c3 09:00:00 到 10:00:30 失效``): each instance's outages in seconds, when every outage
    follows a mark and at least two instances have one."""
    marks = list(INSTANCE_MARK.finditer(scan.text))
    groups = [m for m in SEVERAL_INSTANCES.finditer(scan.text)  # took two nodes offline from
              if AFFECTED_AFTER.match(scan.text[m.end():])]  # 09:20 to 15:40: each of the two
    if SEVERAL_INSTANCES.search(scan.text):  # 2 of our instances: one for 600 min, the other …
        marks = sorted([*marks, *ONE_AND_OTHER.finditer(scan.text), *groups],
                       key=lambda m: m.start())
    outages = [u for u in scan.uses if u.role == "incident"]
    if len(marks) < 2 or not outages or min(u.start for u in outages) < marks[0].start():
        return ()
    each: dict[int, list[int]] = {}
    for use in outages:
        owner = max(i for i, m in enumerate(marks) if m.start() <= use.start)
        lengths = duration_seconds(use.text) if not re.match(r"\d+ (?:分钟|秒)", use.note) \
            else [incident_seconds(use)]  # a range's length is in its note; a list, one by one
        each.setdefault(owner, []).extend(lengths)
    if len(each) < 2:
        return ()
    for use in outages:
        scan.mark(use, "instance_downtime", use.note)
    return tuple(tuple(each[i]) for i in sorted(each)
                 for _ in range(_group_size(marks[i]) if marks[i] in groups else 1))


def _group_size(mark: re.Match[str]) -> int:
    """How many instances a ``SEVERAL_INSTANCES`` match names (``two nodes``, ``3 台``)."""
    said = (mark.group(1) or mark.group(2) or "").lower()
    return int(EN_COUNTS.get(said) or _decimal(said) or 1)


def _instance_asked(scan: Scan, fee: NumberUse | None) -> int | None:
    """``cfs-a1 … cfs-b2 … cfs-c3 … 先问 cfs-a1，它 10 月费用 2,150 元``: the instance named
    again, with no outage of its own, in the sentence that says the fee: the one the fee and
    the question are about (its place among the instances with outages)."""
    if fee is None:
        return None
    marks = list(INSTANCE_MARK.finditer(scan.text))
    owners = sorted({max(i for i, m in enumerate(marks) if m.start() <= u.start)
                     for u in scan.uses if u.role == "instance_downtime"
                     and any(m.start() <= u.start for m in marks)})
    sentence = _around(scan.text, fee.start, fee.end, SENTENCE_BREAKS)
    again = [m for i, m in enumerate(marks) if i not in owners and m.group(0) in sentence
             and m.start() < fee.start]
    named = [k for k, i in enumerate(owners)
             if again and marks[i].group(0).lower() == again[-1].group(0).lower()]
    return named[0] if len(named) == 1 else None


def _parts_on_own_side(scan: Scan) -> list[tuple[NumberUse, int]]:
    """Parts of an outage said apart (``the first 11 minutes of that were our own backend``):
    a part the customer caused is taken out of the outage it belongs to; any other part is
    asked about (inside the outage or on top of it?)."""
    parts = []
    for match in scan.finditer(OUTAGE_PART):
        said = 1 if match.group(1) else 2
        sentence = _around(scan.text, match.start(), match.end(), SENTENCE_BREAKS)
        if _own_fault(sentence):
            use = scan.take(match.start(said), match.end(said), "not_counted",
                            "part of the outage before, caused on your side")
            parts.append((use, sum(duration_seconds(match.group(said)))))
        else:
            scan.take(match.start(said), match.end(said), "unclear",
                      "part of what was said before: inside it or on top of it?")
    return parts


def _without_parts(scan: Scan, spans: list[tuple[int, int, int]], incidents: list[int],
                   parts: list[tuple[NumberUse, int]]) -> list[int]:
    """Each own-side part taken out of the clock range said just before it (09:12–10:03, the
    first 11 minutes ours: 40 minutes); a part with no range before it is asked about."""
    left = list(incidents)
    for use, seconds in parts:
        before = [span for span in spans if span[0] < use.start]
        length = (before[-1][2] - before[-1][1]) % 86400 if before else None
        if length is None or length not in left or seconds >= length:
            scan.mark(use, "unclear", "part of what was said before: inside it or on top of it?")
            continue
        left[left.index(length)] = length - seconds
    return left


def _windows_said_as_length(scan: Scan, windows: tuple[tuple[int, Decimal, int], ...],
                            incidents: list[int]) -> list[int]:
    """The span of the windows said again as a length (``有一个小时一直报错…那一小时 12 个点都是
    20%``: the hour is the 12 windows) is not an outage besides them."""
    span = sum(n * minutes * 60 for n, _, minutes in windows)
    said = [u for u in scan.uses if u.role in ("incident", "unclear") and not re.match(
        r"\d+ (?:分钟|秒)", u.note) and sum(duration_seconds(u.text)) == span]  # not a clock range
    if not span or span not in incidents or not said:  # (a range says when the windows were)
        return incidents
    for use in said:
        scan.mark(use, "restated", "the windows' span said as a length")
    return [s for s in incidents if s != span]


OUTAGE_BY_DAY = re.compile(  # 25号那次 / the one on the 25th / the Nov 25 outage
    r"(\d{1,2})\s*(?:号|日)\s*(?:的|那天的?)?\s*(?:那|这)\s*(?:一)?\s*(?:次|回|个)"
    r"|\bthe (?:one|outage|incident|drop) on (?:\w+ )?(?:the )?(\d{1,2})(?:st|nd|rd|th)?\b"
    r"|\bthe (?:[A-Z][a-z]{2,8}\.? )?(\d{1,2})(?:st|nd|rd|th)? (?:one|outage|incident)\b", re.I)
NOT_YOURS = re.compile(r"(?:跟|和|与)你们(?:没|无)关|不怪你们|不是你们的?(?:问题|锅|责任)"
                       r"|(?:不|别|不用)(?:算|计)(?:进去|在内|入)?(?=[，,。；;!?！？]|$)"
                       r"|not (?:on )?your (?:side|end|fault)|nothing to do with (?:you|your)"
                       r"|(?:does|do)n'?t count|leave (?:it|that one) out", re.I)


def disowned_days(text: str) -> frozenset[int]:
    """Days whose outage ``text`` says was the customer's own doing or does not count
    (``25号那次我想起来是我们自己点了滚动发布，跟你们没关系``)."""
    days = set()
    for match in OUTAGE_BY_DAY.finditer(text):
        sentence = _around(text, match.start(), match.end(), SENTENCE_BREAKS)
        if _own_fault(sentence) or NOT_YOURS.search(sentence):
            days.add(int(next(g for g in match.groups() if g)))
    return frozenset(days)


def _disowned(scan: Scan, incidents: list[int], days: frozenset[int]) -> list[int]:
    """The outage of each disowned day, when exactly one outage is said on that day, is
    taken out (an SLA never counts what the customer caused)."""
    left = list(incidents)
    for day in days:
        those = [u for u in scan.uses if u.role == "incident"
                 and (said := day_said(scan.text, u.start, u.end)) and said[1] == day]
        if len(those) == 1 and incident_seconds(those[0]) in left:
            left.remove(incident_seconds(those[0]))
            scan.mark(those[0], "not_counted", "said not to count: caused on your side")
    return left


def _corrections(scan: Scan) -> tuple[tuple[int, int], ...]:
    """``是 4 小时 40 分钟，不是 40 分钟`` / ``25 hours, not 25 minutes``: the figure corrected
    is context, paired (old, new seconds) with the nearest other duration of its sentence, so
    a follow-up replaces that figure of the earlier turn."""
    pairs = []
    for match in [*scan.finditer(CORRECTED), *scan.finditer(CORRECTED_BARE),
                  *scan.finditer(SAID_THEN_CORRECTED)]:
        scan.take(match.start(1), match.end(1), "corrected")
        sentence = re.split(r"[。；;!?！？\n]", scan.view)
        start = 0
        for part in sentence:
            if start <= match.start() <= start + len(part):
                new = [m for m in re.finditer(DURATION, part, re.I)]
                unit = re.findall(D_UNIT, new[0].group(0), re.I) if len(new) == 1 else []
                said = match.group(1) if re.search(D_UNIT, match.group(1), re.I) else (
                    f"{match.group(1)} {unit[0]}" if len(unit) == 1 else "")  # "25 hours, not 2.5"
                old = duration_seconds(said)
                ranged = [u for u in scan.uses if u.role == "incident"
                          and start <= u.start <= start + len(part)]
                if len(old) == 1 and len(new) == 1:
                    value = duration_seconds(new[0].group(0))
                    if len(value) == 1:
                        pairs.append((old[0], value[0]))
                elif len(old) == 1 and not new and len(ranged) == 1:  # 是 16:00 到 17:35，不是 59 秒
                    pairs.append((old[0], incident_seconds(ranged[0])))
                break
            start += len(part) + 1
    return tuple(pairs)


WORDS_BEFORE_UNIT = re.compile(  # a number in words left unread right before a length or amount
    rf"(?<![每这那哪某同第任前头后])(?:好几|几十|十几|[一二两三四五六七八九十百千万半]+)\s*个?\s*(?:多|来|余|整)?\s*个?\s*(?:小时|钟头|分钟|天|元|块钱)"
    rf"|\b(?:{EN_WORD}|a couple of|couple of|a few|several|a dozen|dozens of|half a)"
    rf"\s+(?:\w+\s+)?(?:hours?|minutes?|days?|yuan)\b", re.I)
VAGUE_SPAN = re.compile(  # a part of a day said as the outage's length: how long was it?
    r"(?:整个|一整个|大半个|整|一)(?:下午|上午|晚上|早上|夜里|白天|夜)|整晚|整夜|通宵|大半天|半天(?![内之])"
    r"|\b(?:the (?:whole|entire)|all(?: of)? the|all|most of the)"
    r" (?:afternoon|morning|evening|night|day shift)\b|\bovernight\b", re.I)
SET_ASIDE = re.compile(
    r"(?:先|暂时?|暂且)(?:不管|不算|不考虑|不问|放一边)|不用管|不用算|不管它|不算在内|另说|另外再说"
    r"|单独(?:算|处理|提|申请)|不是这次(?:要)?(?:问|申请|算)|不在这次|不(?:使|用|需要?)(?:理|管)|别管"
    r"|\b(?:ignore (?:that|it|this)|(?:I'm |we're )?not asking about (?:that|it|this)"
    r"|leave (?:that|it|this) (?:aside|out)|set (?:that|it|this) aside"
    r"|separate (?:issue|matter|ticket|case|claim)|(?:that's |that is )?a different (?:ticket|issue|case)"
    r"|not part of (?:this|the) (?:claim|ticket|question))", re.I)
ALSO = re.compile(r"也|同时|同一天|同一时间|\balso\b|\btoo\b|\bas well\b", re.I)


def _other_products_aside(scan: Scan) -> None:
    """``CVM 挂了 90 分钟，同一天 CDN 也挂了 40 分钟``: a clause that says another product was
    *also* down holds that product's outage, not one of the asked product's; the product asked
    is the first one named. A product named again later (the one asked about) is not set aside."""
    said = products_said(scan.text)
    if len(said) < 2:
        return
    asked = said[0][2]
    for start, end, product in said[1:]:
        if product == asked or sum(p == product for *_, p in said) > 1:
            continue
        begin, stop = _period_sentence(scan.text, start)
        begin = max([begin] + [scan.text.rfind(c, begin, start) + 1 for c in CLAUSE_BREAKS + "(（"])
        stop = min([stop] + [i for i in (scan.text.find(c, end, stop) for c in CLAUSE_BREAKS + ")）")
                             if i >= 0])
        for length in re.finditer(DURATION, scan.view[begin:stop], re.I):
            at, to = begin + length.start(), begin + length.end()
            near = at - end <= NEAR_NAME if at >= end else start - to <= NEAR_NAME
            if near and ALSO.search(scan.text, max(begin, min(start, at) - 4), max(end, to) + 12):
                scan.take(at, to, "set_aside", "another product's outage")


NEAR_NAME = 30  # characters between another product's name and the length said of it
UNIT_NEAR = re.compile(  # a unit one or two words after a number: a figure, not a bare count
    r" *(?:[^\s\d，,。；;!?！？]{1,2} *)?(?:[A-Za-z]+ +)?(?:个 *)?"  # never across a masked read
    r"(?:小时|钟头|分钟|天|元|块钱|hours?\b|days?\b|minutes?\b|mins?\b|yuan\b"
    r"|窗口|粒度|统计点|采样点|windows?\b|buckets?\b|intervals?\b)", re.I)  # 20 such windows
BOUND_BEFORE = re.compile(BOUND_WORDS, re.I)
UNIT_SIZE_AFTER = re.compile(
    r"\s*(?:的|一个|1\s*个|为一个|为1个|一次)?\s*(?:统计点|统计周期|统计粒度|粒度|统计单位|采样点|(?:sampling )?points?"
    r"|errors?[- ]rates?|success[- ]rates?|fail(?:ure)?[- ]rates?|granularit|windows?|intervals?"
    r"|buckets?|statistic"
    r"|probes?|checks?|polls?|pings?|samples?|探测|拨测|检测)", re.I)  # per our 1-minute probes
NOT_ADDING_UP = "does not add up to the outages listed"  # a total beside its outages
ALTERNATIVE = re.compile(  # 20 来分钟，也可能有半小时 / 20 minutes, or maybe 30
    r"[^。；;!?！？\n\d]{0,6}?(?:也可能|也许|或者|或是|要么|还是|可能是|\bor (?:maybe |possibly |perhaps )?"
    r"|\bmaybe even )[^。；;!?！？\n\d]{0,6}", re.I)
ADDITIVE = re.compile(r"另外|另有|此外|还有|plus|in addition|and (?:also |another )|separate", re.I)
UNITS_MORE = re.compile(rf"{ADDITIVE.pattern}|\b(?:more|other|additional|another|further)\b|又有",
                        re.I)  # 6 more five-minute windows: units on top of what was said
BOUND_AFTER = re.compile(rf"\s*(?:{BOUND_AFTER_WORDS})", re.I)
ERROR_WORDS = re.compile(rf"{RATE_WORDS}|报错|失败|超时|errors?\b|\b[45]xx\b|\b50[0-4]s?\b|fail(?:ed|ures?|ing)?\b"
                         r"|time[ds]? ?out", re.I)  # a sentence about failing requests
EXACT_NEXT = re.compile(r"\s*(?:多|余|左右|来|不到)?\s*[，,：:（(]?\s*(?:精确|准确|具体|确切)?\s*(?:地说|来说)?"
                        r"\s*(?:是|为)?\s*")  # 十分钟不到，9 分 40 秒: the rough length said exactly
ROUGH_AFTER = re.compile(r"\s*(?:多|余|左右|上下|来|不到|or so|-ish)")
ROUGH_BEFORE = re.compile(rf"(?:{ROUGH_WORDS}|over|more than)\s*$", re.I)


def _partial_elsewhere(sentence: str, clause: str) -> bool:
    """Whether the words of a partial outage in ``sentence`` belong to another outage's clause
    (``three times: Oct 3 04:10–04:28, Oct 17 22:51–23:18, and Oct 25 a 40-min stretch where
    roughly half the messages still got through``: only the last one is partial)."""
    if PARTIAL_OUTAGE.search(clause):
        return False
    others = [c for c in re.split(f"[{re.escape(CLAUSE_BREAKS)}]", sentence)
              if c.strip() and c.strip() not in clause]
    return any(PARTIAL_OUTAGE.search(c) and re.search(DURATION, c, re.I) for c in others)


def _own_fault(text: str) -> bool:
    """Whether the text says the customer's own side caused it, not denied (``nothing to do with
    our own fault-injection experiments``, ``不是我们自己改错了``)."""
    return bool(_own_fault_cues(text, 0, len(text)))


def _own_fault_cues(text: str, left: int, right: int) -> list[int]:
    """Where in ``text[left:right]`` words say the customer's own side caused it, not denied."""
    return [m.start() for m in OWN_FAULT.finditer(text, left, right)
            if not DENIED_BEFORE.search(text[max(0, m.start() - 24):m.start()])]


def _nearest_own_fault(text: str, start: int, end: int) -> bool:
    """Whether the length at ``text[start:end]`` is the one its sentence's own-fault words are
    about: of several lengths in one sentence, the nearest to those words (``挂了2小时，后来我们
    自己手贱重建，又黑了半小时，这个算我们的``: only the half hour)."""
    left, right = clause_span(text, start, end, SENTENCE_BREAKS)
    lengths = [m.span() for m in re.finditer(DURATION, text[left:right], re.I)]
    if len(lengths) < 2:
        return True
    cues = [at - left for at in _own_fault_cues(text, left, right)]
    sentence = text[left:right]

    def clause(at: int) -> int:
        return sum(sentence[:at].count(c) for c in CLAUSE_BREAKS)

    def nearest(cue: int) -> tuple[int, int]:  # its own clause, else the one after, else before
        gap = {s: clause(s[0]) - clause(cue) for s in lengths}
        return min(lengths, key=lambda s: (gap[s] < 0, abs(gap[s]), abs(s[0] - cue)))
    return any(nearest(cue)[0] == start - left for cue in cues)


DENIED_BEFORE = re.compile(r"(?:nothing to do with|not|n't|never|不是|并非)"
                           r"(?:\s*(?:caused|triggered|due|related|because)\s*(?:by|to|of)?)?"
                           r"\s*(?:我们|我方|客户|他们|用户)?\s*$",  # 都不是我们自己注入故障造成的
                           re.I)
OWN_FAULT = re.compile(  # the customer's own doing: every SLA's exclusions leave it out
    r"自己[^，,。；;说讲认觉]{0,6}?(?:改错|配错|删|误操作|误删|搞错|弄错|操作失误|改了|停了|关了|注入)"
    r"|自己把|我们(?:误操作|改错|配错|删错)"
    r"|我们自己的?(?:后端|源站|服务器?|程序|代码|发布|发版|部署)|我们(?:发版|发布|上线)(?:出了?问题|有问题|搞砸)"
    r"|(?:our|their|the customer'?s) own (?:mistake|fault(?![- ]?inject)|misconfig|change|error"
    r"|backend|origin"
    r"|server"
    r"|code|deploy|upstream|app|application|service)"
    r"|in our (?:office|data ?cent(?:er|re)|branch|building)"
    r"|超(?:过|出)了?(?:我们|客户|他们)?(?:购买|买|所购)的?[^，,。；;]{0,8}(?:防护|峰值|规格|带宽)"  # an attack
    r"|(?:bigger|larger|more|greater) than (?:the |our |their )?(?:protection|bandwidth|capacity"
    r"|spec)[^,.;]{0,24}(?:bought|purchased)"
    r"|exceed\w* (?:the |our |their )?(?:purchased|bought)"  # above the protection bought
    r"|our (?:office|local) (?:network|power|ISP)"
    r"|(?:我们|他们|客户|用户)(?:这边|那边|自己)的?(?:机房|网络|设备|路由器|电源|运营商)"
    r"(?:坏|断|挂|故障|出了?问题|停电|掉电|断电)"  # an agent says 他们 of the customer
    r"|(?:客户|用户|我们|他们)(?:自己)?(?:现场|本地|机房|办公室|门店)的?[^，,。；;\d]{0,12}?(?:坏了|故障|停电|掉电|断电)"
    r"|(?:我们|我方|客户|他们)(?:自己|的?运维|的?同事|的?开发)[^，,。；;\d]{0,12}?(?:重启|关机|关停|停机|下线|卸载)"
    r"(?![^，,。；;]{0,10}(?:没用|无效|不管用|没效果))"  # 我们自己在控制台点了重启 (not a fix tried)
    r"|(?:我们|我方|客户|他们)[^，,。；;\d]{0,8}把[^，,。；;\d]{0,16}(?:关机|关停|停机|下线|卸载|删)了"
    r"|(?:on|at) (?:the )?(?:customer'?s|our|their) (?:site|premises)\b"  # a device on site
    r"|bad deploy|we (?:misconfigured|broke|deleted|mis-?set|pushed a bad)"
    r"|\bwe (?:rebooted|restarted|shut|stopped|powered off|turned off|took)\b"  # our reboot, not a fix
    r"(?![^,.;，。；]{0,30}(?:didn't|did not|no use|not help|still|again))"  # tried to no avail
    r"|自己[^，,。；;说讲认觉]{0,6}?(?:做|搞)?变更"  # 我们自己做变更停的
    r"|(?:that|this|it) (?:one )?was (?:on )?us\b|\bour (?:fault|bad)\b(?![- ]?inject)"
    r"|(?:'s|is|was|are|were)\s+(?:all\s+|entirely\s+|totally\s+)?on us\b"  # that's on us
    r"|our own [a-z-]+ (?:box|machine|server|host|cluster|network|laptop)"
    r"|算(?:是)?我们(?:自己)?的(?:问题|责任|锅)?(?=[，,。；;！!）)]|$)|我们的锅|怪我们"
    r"|手贱|手滑|误点|(?:客户|用户|我们|我方)自己的[^，,。；;\d]{0,12}?(?:被|导致|引起|造成|问题|故障|原因)"
    r"|pushed a (?:wrong|bad|broken)"
    r"|是我们自己(?:的问题|的原因|搞的|弄的)|(?:是|属于)我们这边的问题|怪我们自己"
    r"|customer'?s own (?:mistake|fault|change|error)"
    r"|(?:客户|我们|用户|自己)的?\s*(?:AK|SK|密钥|证书|token|凭证|账号|签名)[^，,。；;）)]{0,6}?(?:过期|失效|配错|填错"
    r"|错误|被禁用|欠费)|(?:our|their|the customer'?s) (?:own )?(?:AK|SK|(?:access |API )?keys?"
    r"|credentials?|tokens?|certificates?) (?:had |has )?"
    r"(?:expired|been revoked|(?:was|were) wrong)"
    r"|超(?:了|出了?)?[^，,。；;]{0,8}?(?:购买|买)的?[^，,。；;]{0,6}?规格|进(?:了)?沙箱"  # over the spec bought
    r"|(?:blew through|exceed(?:ed|ing)?|went over|ran over) (?:the |our |its )?"
    r"(?:per-device |device )?"
    r"(?:QPS|rate)(?: limit)?|超(?:过|出|了)[^，,。；;]{0,8}?(?:QPS|频率)(?:上限|限制)?|触发(?:了)?限流"
    r"|exceeded (?:the |our )?(?:purchased|bought) (?:spec|plan|quota)|(?:sent|put) (?:in|into) "
    r"(?:the )?sandbox", re.I)
MAINTENANCE_SAID = re.compile(
    r"(?:提前|预先|事先)(?:发了?|发布了?|通知了?|公告了?)[^。；;，,]{0,12}维护|计划内?的?(?:系统)?维护"
    r"|(?<![不非没])(?:是|为|属于|算)(?:系统|平台|腾讯云的?|官方的?)?(?:维护|升级)(?!人员)"  # 另外 20 分钟是维护
    r"|(?:announced|scheduled|planned|pre-announced|notified) maintenance"
    r"|(?:was|were) (?:(?:a|for|during|due to)\s+)?(?:scheduled |planned )?maintenance"
    r"|(?:maintenance|upgrade|update) (?:that )?(?:we|they|you|tencent) (?:had )?(?:announced|notified)"
    r"|announced (?:upgrade|update)", re.I)
NO_REQUESTS = (r"没(?:有)?(?:往[^，,。；;\d]{0,6})?(?:发|请求|调用|流量)|无请求"
               r"|(?:no|zero) (?:requests?|traffic|calls?)"
               r"(?!\s*(?:in\b|out\b|through\b|could\b|got\b|went\b|reached\b|passed\b))"  # no
               r"|did(?:n't| not) send")  # traffic in or out: connectivity lost, the outage itself
NOT_COUNTED = re.compile(rf"{NO_REQUESTS}"
                         r"|每分钟[^，,。；;]{0,4}?(?:只|仅|才|不到)|(?:only|just|fewer than|under)"
                         r"\s*\d+\s*(?:requests?|calls?)\s*(?:per|a|each|every)\s*minute"
                         r"|(?<!不是)(?<!并非)维护(?:期间|时间|窗口)|(?<!not )(?:planned |scheduled )?"
                         r"maintenance (?:window|period)", re.I)
PLURAL = re.compile(r"\b(?:outages|incidents|disruptions|interruptions|failures|blips)\b", re.I)
SPOKEN_OF = re.compile(r"\s*(?:is|was|equals|works out (?:to|at)|makes|=|≈|就是|是|等于|相当于|占)"
                       r"(?![^，,。；;.!?！？]{0,12}(?:again|another|又|再|另))", re.I)  # what it is
REFERRED_BEFORE = re.compile(r"\b(?:during|in|of|for|from|after|with)\s+the\s*$", re.I)  # during
REFERRED_AFTER = re.compile(r"[- ]?(?:long\s+)?(?:one|outage|incident|blip|drop|episode)\b",  # the
                            re.I)  # 20-minute one: an outage said before, referred to
RESTATE_BEFORE = re.compile(
    r"(?:即|也就是|相当于|合计|共计|折合|算下来(?:是)?|准确(?:地)?说(?:是)?|i\.e\.,?|that is|that's"
    r"|which is|=|≈)\s*(?:总共|累计|共)?\s*$"
    r"|(?:\bMTT[RD]|\bTTR|恢复(?:时长|耗时|用时)|修复(?:时长|耗时)|time to (?:recover|restore|repair"
    r"|resolve)|recovery time)\s*(?:is|was|为|是)?\s*[:：=]?\s*(?:约|~|≈|about)?\s*$",  # RCA: 25min,
    re.I)  # MTTR 25min: the outage's own length again
TOTAL_BEFORE = re.compile(rf"(?:{TOTAL_WORDS.pattern})[^，,。；;\d]{{0,8}}$", re.I)
TOTAL_AFTER = re.compile(r"^\s*(?:of (?:unavailability|downtime|outages?)\s*)?"
                         r"(?:in total|total|altogether|combined|in all\b(?!\s+[a-z])|总共|累计)", re.I)


def _beside_a_range(scan: Scan, start: int, end: int) -> bool:
    """Whether a length is said right beside a clock range of another length, with nothing
    saying it is another outage (``09:00 to 16:00 (8 hours)``): counting both could double the
    outage, taking one could drop one, so it is asked."""
    for use in scan.uses:
        if use.role != "incident" or not re.match(r"\d+ (?:分钟|秒)", use.note):
            continue
        gap = scan.text[use.end:start] if use.end <= start else scan.text[end:use.start]
        if len(gap) <= 12 and not re.search(
                r"[。；;]|又|另|再|还有|以及|后来|然后|接着|and|plus|again|another|then|later|each|各"
                r"|\bone\b|一次|第[一二三四五六1-6]次|\b(?:first|second|third)\b"  # one of 59 s, one from…
                r"|\d\s*[/月日号-]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d",
                gap, re.I):  # a day said between: another outage
            return True
    return False


def _range_in_sentence(scan: Scan, start: int, end: int) -> bool:
    """Whether a clock range is read in the same sentence as a length, nothing between them
    saying another outage (``died for two days: from Oct 3 08:00 to Oct 5 14:30``): a length
    within one of its own units of that range is the range said roundly."""
    left, right = clause_span(scan.text, start, end, SENTENCE_BREAKS)
    return any(use.role == "incident" and left <= use.start < right and not re.search(
        r"又|另|再|还有|以及|后来|然后|接着|plus|again|another|then|later|\balso\b|each|各|一次",
        scan.text[min(end, use.end):max(start, use.start)], re.I) for use in scan.uses)


RANGE_IN_BRACKETS = re.compile(r"^[-\s]*(?:long\s+)?(?:outage|downtime|down|断网|宕机|中断|不可用)?"
                               r"\s*[（(]\s*(?:from|从)?\s*$", re.I)
LENGTH_OF_RANGE = re.compile(r"^\s*[，,]?\s*(?:整整|一共|共计?|总共|足足|前后|total(?:ly)?|exactly|straight"
                             r"|in all)\s*(?:了|是|of|for)?\s*$", re.I)


def _said_as_the_range(scan: Scan, start: int, end: int) -> bool:
    """Whether a length is said as the length of a clock range right beside it (``a 20-hour
    outage (from 06:00 …)``, ``从 10 号早上 8 点到 11 号晚上 12 点，整整 40 个小时``)."""
    for use in scan.uses:
        if use.role != "incident" or not re.search(r"\d\s*[:：]\s*\d|点", use.text):
            continue  # a clock range, not a length
        stop = max([use.end] + [u.end for u in scan.uses if u.note == "the end of that outage"
                                and use.end <= u.start <= use.end + 24])  # its end said apart
        if use.start >= end and RANGE_IN_BRACKETS.match(scan.text[end:use.start]) \
                or stop <= start and LENGTH_OF_RANGE.match(scan.text[stop:start]):
            return True
    return False


def _roughly(text: str, start: int, end: int, listed: int) -> bool:
    """A length said roughly (``40 多分钟``, ``大概 8 个小时``, ``不到 1 小时``) that the
    ``listed`` seconds fit: ``多`` reaches up to the next round figure of its unit (40 多分钟:
    40–50 minutes; 1 个多小时: 1–2 hours), ``不到`` as far down, ``大概`` 10 % either way."""
    said = text[start:end]
    seconds = sum(duration_seconds(said))
    after = ROUGH_AFTER.match(text, end)
    before = ROUGH_BEFORE.search(text[max(0, start - 8):start])
    if not seconds or not (after or before):
        return False
    number = re.search(r"\d+", said)
    unit = _last_unit(said)
    step = unit * (10 if number and int(number.group(0)) % 10 == 0 else 1)
    word = after.group(0).strip() if after else ""
    if word in ("多", "余", "来"):
        return seconds <= listed < seconds + step
    if word == "不到":
        return seconds - step <= listed < seconds
    return abs(listed - seconds) <= max(60, seconds // 10)


def _last_unit(phrase: str) -> int:
    """Seconds in the smallest unit a length is said in (``29 分`` -> 60)."""
    units = re.findall(D_UNIT, phrase, re.I)
    return min((duration_seconds(f"1 {u}") or [1])[0] for u in units) if units else 1


def _durations(scan: Scan, counted: Decimal | None, ranges: list[int]
               ) -> tuple[list[int], Decimal | None, tuple[int, ...]]:
    """Separate outages in seconds, in the order written, and a total said as one
    (``累计不可用 1小时20分``, ``90 mins in total``) in minutes. A duration restating the
    others (``即 240 分钟``) or a time range of the same length (``3600 秒（14:05–15:05）``)
    is read once, and an exact restatement replaces a rough figure (``4天多，算下来是4天10小时``);
    ``two outages of 4 hours each`` repeats one. A duration said with a partial error rate
    (``30 minutes at ~8% errors``) or as minutes that do not count (``40分钟没发请求``) is
    asked about: whether they are unavailable minutes is the SLA's rule, not the reader's.
    Also says whether a rough figure (``大概 5 分钟左右``) was kept as an outage."""
    unmatched = list(ranges)
    restated: tuple[int, int] | None = None  # where the last restated length ended, its seconds
    parts: list[tuple[re.Match[str], list[int], str]] = []
    view = scan.view
    found = list(re.finditer(DURATION, view, re.I))
    for i, match in enumerate(found):
        before, after = view[:match.start()], view[match.end():]
        upto = found[i + 1].start() if i + 1 < len(found) else len(view)
        following = re.split(r"[。；;!?！？\n]", scan.text[match.end():upto], maxsplit=1)[0]
        setting = SETTING_BEFORE.search(before[-30:])
        if setting and TIMED_OUT.fullmatch(setting.group(0).strip()) \
                and not TIMEOUT_SETTING.search(before[-30:][:setting.start()]) \
                and min(duration_seconds(match.group(0)) or [0]) >= 60:  # 接口超时 8 分钟: how
            scan.take(match.start(), match.end(), "unclear",  # long calls timed out, or a
                      "a setting, or how long it lasted?")  # setting (超时 15s)?
            continue
        if setting or SETTING_AFTER.match(after):
            scan.take(match.start(), match.end(), "threshold", "a setting, not an outage")
            continue
        lasted = re.search(r"\b(?:for|lasting|lasted)\s*$", before[-10:], re.I)  # again for 80
        # min later: how long, said before when
        if GAP_BEFORE.search(before[-12:]) or GAP_AFTER.match(after) and not lasted:  # 恢复后隔了
            # 20 分钟又…
            single = len(duration_seconds(match.group(0))) == 1
            scan.take(match.start(), match.end(), "date" if single else "unclear",
                      "the time between two outages" if single else
                      "outages, or the time between them?")
            continue
        if SUPPORT_WAIT.search(_own_words(scan.text, match.start(), match.end())):
            scan.take(match.start(), match.end(), "other", "how long support took, not an outage")
            continue
        if TICKET_WAITED.search(before[-48:]):  # our ticket sat unanswered for two days
            scan.take(match.start(), match.end(), "other",
                      "how long a ticket waited, not an outage")
            continue
        if DELAY_BEFORE.search(before[-16:]) or DELAY_AFTER.match(after):  # 告警延迟了 3 分钟
            if ranges and PEOPLE_WAITED.search(before[-16:]):  # 排队的客人等了十几分钟
                scan.take(match.start(), match.end(), "other", "how long people waited")
            else:
                scan.take(match.start(), match.end(), "unclear",
                          "a delay, or how long it was down?")
            continue
        if before.rstrip().endswith("第") or (  # 第2天 (the next day) is no length, nor
                re.fullmatch(r"1\s*天", match.group(0)) and before[-1:] in tuple("有那这同某哪")
                and not re.search(r"(?:挂|断|宕|停|卡)了?\s*$", before[:-1])):  # not 挂了有一天
            scan.take(match.start(), match.end(), "date")  # 有一天 / 同一天 (one day, that day)
            continue
        seconds = duration_seconds(match.group(0))
        if PLURAL.search(before[-40:]):  # "outages of 2 h 30 m and 45 s": two of them
            seconds = [s for part in re.split(r"\s*,?\s*\band\b\s*", match.group(0))
                       for s in duration_seconds(part)]
        if not seconds:
            continue
        if len(seconds) == 1 and seconds[0] in unmatched:  # the length of a range said
            unmatched.remove(seconds[0])
            scan.take(match.start(), match.end(), "restated", SAME_AS_RANGE)
            restated = (match.end(), seconds[0])
            continue
        if len(seconds) == 1 and restated and seconds[0] == restated[1] and not re.search(
                r"[。；;]|又|另|再|again|another|then|later|\band\b",
                view[restated[0]:match.start()], re.I) and match.start() - restated[0] <= 40:
            scan.take(match.start(), match.end(), "restated", SAME_AS_RANGE)  # 480 min — 8 hours
            continue
        rough_said = bool(ROUGH_AFTER.match(after) or ROUGH_BEFORE.search(before[-8:]))
        checked = len(ranges) == 1 and bool(FIGURE_CHECKED.search(  # a colleague's 86 minutes
            _around(scan.text, match.start(), match.end(), SENTENCE_BREAKS)))  # for 85:40, checked
        if len(seconds) == 1 \
                and (rough_said or checked
                     or _range_in_sentence(scan, match.start(), match.end())) \
                and any(abs(r - seconds[0]) < _last_unit(match.group(0))
                        / (1 if rough_said or checked else 2)
                        for r in ranges):  # a range said roundly: to the nearest unit
            scan.take(match.start(), match.end(), "restated", "与起止时间大致相同")  # 29 分多钟
            continue
        if len(seconds) == 1 and _said_as_the_range(scan, match.start(), match.end()):
            scan.take(match.start(), match.end(), "unclear", RANGE_DISAGREES)  # a 20-hour outage
            continue  # (from 06:00 to 02:00 the next day) read as another: never both added
        if SPAN_OF_COUNT.match(after) or SPAN_BEFORE.search(before[-10:]) and \
                re.search(r"\d+\s*times", following):  # 1天挂了3次: when they happened
            scan.take(match.start(), match.end(), "date", "a span in which outages happened")
            continue
        if UNIT_SIZE_AFTER.match(after) or re.search(r"(?:每|every|per|each)\s*$", before[-6:],
                                                     re.I):  # 5分钟一个统计点: a unit's size
            scan.take(match.start(), match.end(), "unit_size")
            continue
        clause = _around(scan.text, match.start(), match.end())
        sentence = _around(scan.text, match.start(), match.end(), SENTENCE_BREAKS)
        if PARTIAL_OUTAGE.search(sentence) and not FULL_FAILURE.search(clause) \
                and not _partial_elsewhere(sentence, clause):  # 部分用户打不开，
            # 持续了 60 分钟: not every request failed
            if counted is not None or FULL_FAILURE.search(sentence):  # beside the minutes where
                # all failed (…部分能操作的，真正全部失败的只有 70 分钟): said not to count
                scan.take(match.start(), match.end(), "not_counted")
            else:
                scan.take(match.start(), match.end(), "unclear", PARTLY_FAILING)
            continue
        if _own_fault(sentence) and _nearest_own_fault(scan.text, match.start(), match.end()):
            # 我们自己把 SSO 配置改错了，20 分钟登不上: excluded
            scan.take(match.start(), match.end(), "not_counted", "caused on your side")
            continue
        if MAINTENANCE_SAID.search(clause) or MAINTENANCE_SAID.search(sentence) and len(
                re.findall(DURATION, sentence, re.I)) == 1:  # 30分钟是提前发了公告的系统维护: the SLA's
            scan.take(match.start(), match.end(), "unclear", MAINTENANCE_ASKED)  # to exclude
            continue
        if _partial_rate(clause, sentence) or NOT_COUNTED.search(clause) \
                or NOT_COUNTED.search(following):
            scan.take(match.start(), match.end(), "unclear", WITHOUT_REQUESTS)
            continue
        if ranges and STAFF_TIME.search(clause) and not OUTAGE_SAID.search(clause):
            scan.take(match.start(), match.end(), "other",  # 09:00–17:00 挂了…只能人工分拣了一整天
                      "how long your team worked around it, not an outage")
            continue
        if len(seconds) == 1 and _beside_a_range(scan, match.start(), match.end()):
            scan.take(match.start(), match.end(), "unclear",  # 09:00–16:00（大概 8 小时）
                      "the time range said again, or another outage?")
            continue
        kind = ("restated" if RESTATE_BEFORE.search(before[-14:]) else
                "again" if parts and _said_again(view, parts[-1][0], parts[-1][1], match, seconds)
                else "spoken" if (SPOKEN_OF.match(after) or REFERRED_BEFORE.search(before[-12:])
                                  and REFERRED_AFTER.match(after))
                and any(s == seconds for _, s, _ in parts)
                else
                "total" if TOTAL_BEFORE.search(before[-20:]) or TOTAL_AFTER.search(after)
                else "rough" if ROUGH_AFTER.match(after) or ROUGH_BEFORE.search(before[-8:])
                else "incident")
        parts.append((match, seconds, kind))
    for i, ((loose, was, kind), (then, said, nxt)) in enumerate(zip(parts, parts[1:])):
        if kind != "rough" or nxt != "incident" or len(was) != 1 or len(said) != 1 \
                or not EXACT_NEXT.fullmatch(view[loose.end():then.start()]) \
                or abs(was[0] - said[0]) >= _last_unit(loose.group(0)):
            continue
        parts[i] = (loose, was, "context")  # 十分钟不到，9 分 40 秒: said exactly right after
    for i, ((one, _, kind), (other, _, nxt)) in enumerate(zip(parts, parts[1:])):
        if kind in ("incident", "rough") and nxt in ("incident", "rough") \
                and ALTERNATIVE.fullmatch(view[one.end():other.start()]):
            parts[i] = (one, parts[i][1], "alternative")  # 大概 20 来分钟，也可能有半小时: one
            parts[i + 1] = (other, parts[i + 1][1], "alternative")  # outage, its length unsure
    exact = [p for p in parts if p[2] == "restated"]
    if len(exact) == 1 and parts and all(k in ("rough", "restated") for _, _, k in parts) \
            and not (ranges and sum(exact[0][1]) == sum(ranges)):  # 8 段…合计 80 分钟: the runs'
        # total said again, not an outage of its own
        parts = [(m, s, "context" if k == "rough" else "incident") for m, s, k in parts]
    rough = tuple(s for _, seconds, k in parts if k == "rough" for s in seconds)
    parts = [(m, s, "incident" if k == "rough" else k) for m, s, k in parts]
    incidents = [s for _, seconds, kind in parts if kind == "incident" for s in seconds]
    said_totals = [sum(s) for _, s, k in parts if k == "total"]
    added_after = any(k == "total" and ADDITIVE.search(view, m.end()) for m, _, k in parts)
    if incidents and said_totals and added_after and sum(incidents) not in said_totals:
        # "累计 95 分钟；另外还有 3 次 15 秒的卡顿": the total is one more outage, not a sum (an
        # "另外" before it, "…另外 28 号是维护。我们自己加起来 44 分钟", adds nothing to it)
        parts = [(m, s, "incident" if k == "total" else k) for m, s, k in parts]
        incidents = [s for _, seconds, kind in parts if kind == "incident" for s in seconds]
    totals = [sum(seconds) for _, seconds, kind in parts if kind == "total"]
    total: Decimal | None = None
    if len(totals) == 1 and not incidents:
        total = Decimal(totals[0]) / 60
    for match, seconds, kind in parts:
        value = sum(seconds)
        if kind == "context":
            scan.take(match.start(), match.end(), "restated", "a rough figure, said exactly after")
        elif kind == "again":
            scan.take(match.start(), match.end(), "restated", "the same length in another unit")
        elif kind == "spoken":  # 7 h 12 min in total… 7h12m is exactly 1% / during the 20-minute
            # one: the same outage, talked about
            scan.take(match.start(), match.end(), "restated", "the same length, talked about")
        elif kind == "alternative":
            scan.take(match.start(), match.end(), "unclear", "one length or the other: which?")
        elif kind == "restated" or (kind == "total" and incidents):
            same = value in (sum(incidents), sum(ranges)) or any(
                t is not None and value == t * 60 for t in (total, counted)) \
                or _roughly(scan.text, match.start(), match.end(), sum(incidents))  # 合计也就
            # 四十多分钟 beside outages of 44 minutes
            begin, _ = _sentence(scan.text, match.start())
            if not same and MATH_CUE.search(scan.text, begin, match.start()):
                scan.take(match.start(), match.end(), "own_math", OWN_FIGURE)  # 我算了下加起来
                continue  # 才 19 分多钟: their sum of the outages listed, redone by the rule
            scan.take(match.start(), match.end(), "restated" if same else "unclear",
                      "" if same else NOT_ADDING_UP)
        elif kind == "total":
            scan.take(match.start(), match.end(), "downtime" if total is not None else "unclear")
        else:
            scan.take(match.start(), match.end(), "incident")
    return incidents, total, rough


def _beside_outages(scan: Scan, incidents: list[int], total: Decimal) -> None:
    """A total said beside outages read from their clock times (``08:02 → 08:39 …
    合计不可用：100 分钟``): the same length said again (to the minute) is read once; another
    one is asked about. The calculation takes the outages, so a total that disagrees with
    them is never dropped in silence."""
    same = abs(total - Decimal(sum(incidents)) / 60) < 1
    for use in [u for u in scan.uses if u.role == "downtime"]:
        fits = same or _roughly(scan.text, use.start, use.end, sum(incidents))
        begin, _ = _sentence(scan.text, use.start)
        if not fits and MATH_CUE.search(scan.text, begin, use.start):  # 我算了下一共挂了 380 分钟:
            scan.mark(use, "own_math", OWN_FIGURE)  # their sum, redone by the agreement's rule
            continue
        scan.mark(use, "restated" if fits else "unclear", "" if fits else NOT_ADDING_UP)


def _repeated(scan: Scan, incidents: list[int]) -> list[int]:
    """One length said for several outages: ``3 outages of 10 minutes each``, ``两次，都是从晚上
    11 点到第二天凌晨 1 点半``, ``6/20、6/25 又各断了 1 小时`` (a length or a time range)."""
    repeated = REPEATED_RE.search(scan.view) or EACH_OF_LENGTH.search(scan.view)
    if repeated and TRIED.search(scan.text[max(0, repeated.start() - 8):repeated.start()]):
        repeated = None  # 重启了 5 次都没用: what the user tried, not outages
    days = DAYS_EACH.search(scan.text)
    if days and not repeated and len(incidents) == 1:  # 6/20、6/25 又各断了 1 小时
        times = len(re.findall(ONE_DAY, days.group(1), re.I))
        incidents = incidents * times
        for use in [u for u in scan.uses if u.role == "incident" and u.start >= days.start()]:
            scan.mark(use, "incident", f"{days.group(1)} 各一次 × {times}")
    inside = [u for u in scan.uses if u.role == "incident" and repeated
              and repeated.start() <= u.start <= repeated.end() + 4] if len(incidents) > 1 else []
    each = incident_seconds(inside[0]) if len(inside) == 1 else 0  # 3 outages of 10 minutes each,
    if repeated and (len(incidents) == 1 or (each and incidents.count(each) == 1)):  # then 1 h
        group = next(i for i, g in enumerate(repeated.groups(), 1) if g)
        word = repeated.group(group).lower()
        times = EN_COUNTS.get(word) or int(_decimal(word) or 1)
        at = incidents.index(each) if each else 0
        incidents = incidents[:at] + incidents[at:at + 1] * times + incidents[at + 1:]
        scan.take(repeated.start(group), repeated.end(group), "outage_count", f"× {times}")
    return incidents


ONE_DAY = rf"(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*[日号]" \
          rf"|(?<![\d/])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\d/])" \
          rf"|(?:{EN_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\bthe \d{{1,2}}(?:st|nd|rd|th)\b"
DAYS_EACH = re.compile(  # 6/20、6/25 又各断了 1 小时 / on Oct 3 and Oct 9, an hour each
    rf"((?:(?:{ONE_DAY})\s*(?:、|,|，|和|与|及|以及|and|&)\s*)+(?:{ONE_DAY}))"
    rf"[^。；;.!?\n]{{0,30}}?(?:各|each|apiece)", re.I)
EACH_OF_LENGTH = re.compile(  # three 20-minute outages / 3次20分钟的中断: the length read, masked
    rf"\b({N}|two|three|four|five|six)\s+(?:separate\s+|distinct\s+|different\s+)?{MASK}+\s*"
    rf"(?:outages|incidents|periods|windows|interruptions|disruptions|drops|blips|stretches)\b"
    rf"|({N})\s*(?:次|段|回)\s*{MASK}+\s*的?\s*(?:中断|故障|宕机|断网|不可用|异常)", re.I)


SPAN_OF_COUNT = re.compile(  # 1天挂了3次, 2小时内断了两次: the span outages fell in, not a length
    r"\s*(?:之?内|里|中|当中)?\s*(?:就|又|连续|一共|共|先后)?\s*"
    r"(?:挂|断|宕|掉|重启|故障|中断|出(?:了)?(?:问题|故障))[了过]?\s*\d+\s*(?:次|回)")
SPAN_BEFORE = re.compile(r"\b(?:in|within|over)\s*(?:the\s+)?(?:same\s+)?$", re.I)


CONFIRMED = re.compile(r"\s*(?:对|没错|确实|确认|整整|整|属实|核对|核实|yes\b|yep\b|exactly|indeed|just\b"
                       r"|confirm|that'?s right|correct\b)", re.I)
ANOTHER_SAID = re.compile(r"[。；;]|另|又|再|次|第|each|another|second|then|later|plus|also",
                          re.I)  # words between two lengths that make the second another outage


def _said_again(view: str, prev: re.Match[str], prev_seconds: list[int], match: re.Match[str],
                seconds: list[int]) -> bool:
    """``3 full days …, 72 hours straight``: the same length right after, in another unit."""
    between = view[prev.end():match.start()]
    units = {re.sub(r"[\d.\s]", "", m.group(0)).lower() for m in (prev, match)}
    if re.fullmatch(r"\s*[（(]\s*(?:即|也就是|合|i\.e\.,?|=)?\s*", between):  # 1天（24小时）
        return sum(prev_seconds) == sum(seconds)
    if OUTAGE_COUNT.search(view[:match.start()]):  # "3 outages: 7 h 18 min, 438 min, …": a list
        return False
    if sum(prev_seconds) == sum(seconds) and not ANOTHER_SAID.search(between) and (
            CONFIRMED.search(between) or CONFIRMED.match(view[match.end():match.end() + 8])
            or re.search(CORRECTION_WORDS, between, re.I)):  # 4 分钟，对，4 分钟 / 是 70 分钟没错
        return True
    if 0 < sum(prev_seconds) - sum(seconds) < 60 and not ANOTHER_SAID.search(between) \
            and POINTED_AT.search(view[max(0, match.start() - 6):match.start()]):
        return True  # 7 minutes 1 second … Is a 7-minute blip enough?: that outage, rounded
    return sum(prev_seconds) == sum(seconds) and len(units) == 2 and len(between) <= 40 \
        and not ANOTHER_SAID.search(between) and not re.search(r"\band\b", between, re.I)


POINTED_AT = re.compile(r"(?:\b(?:a|an|this|that|the)|这|那|这次|那次)\s*$", re.I)  # a length pointed at


PAYOUT_NEAR = re.compile(r"赔|补偿|返还|代金券|credit|compensat|payout|refund|tier|档", re.I)


def _partial_rate(clause: str, sentence: str) -> bool:
    """Whether the clause gives an error rate below 100 % (not a threshold such as 错误率超过5%,
    which marks the minutes as counted), in a sentence about errors, or a success rate above
    0 % (成功率在 40% 左右: some requests succeeded)."""
    success = bool(re.search(r"成功率|success rate", clause, re.I))  # 90 分钟成功率在 40% 左右
    if not (ERROR_WORDS.search(sentence) or success):
        return False
    for m in BARE_PCT.finditer(clause):
        value = _decimal(m.group(1))
        whole = success and value == 0  # 成功率 0%: every request failed
        if value is not None and value < 100 and not whole and not BOUND_BEFORE.search(
                clause[max(0, m.start() - 10):m.start()]) and not BOUND_AFTER.match(
                clause[m.end():]) and not PAYOUT_NEAR.search(
                clause[max(0, m.start() - 6):m.end() + 6]):  # 是不是只能赔个25%: a tier's payout
            return True
    return False


LISTED = re.compile(r"[:：]|(?:一|1)\s*次|\bone\b|\bfirst\b", re.I)  # lengths listed one by one
CLAUSE_BREAKS = "，,。；;\n"
SENTENCE_END = re.compile(r"[。；;!?！？\n]|\.(?=\s)")
SENTENCE_BREAKS = "。；;!?！？\n"
SENTENCE_RUN = re.compile(f"[^{SENTENCE_BREAKS}]+")  # a sentence's text, breaks left out
OWN_BREAKS = CLAUSE_BREAKS + "!?！？()（）"  # an amount's own words end at brackets too


def _around(text: str, start: int, end: int, breaks: str = CLAUSE_BREAKS) -> str:
    """The clause (or, with SENTENCE_BREAKS, the sentence) around ``text[start:end]``."""
    return text[slice(*clause_span(text, start, end, breaks))]


def clause_span(text: str, start: int, end: int, breaks: str = CLAUSE_BREAKS) -> tuple[int, int]:
    """Where the clause around ``text[start:end]`` begins and where the break ending it is."""
    pattern = f"[{re.escape(breaks)}]|\\.(?=\\s)|[?!](?=\\s)"  # an English sentence ends at ". "
    left = max((m.start() for m in re.finditer(pattern, text[:start])), default=-1)
    right = next((m.start() + end for m in re.finditer(pattern, text[end:])), len(text))
    return left + 1, right


VOLUME_NEAR = re.compile(r"调用|请求|calls?\b|requests?\b|invocations?\b", re.I)
VOLUME_AFTER = re.compile(r"\s*(?:次\s*)?(?:(?:API|api)\s*)?(?:调用|请求|calls?\b|requests?\b|invocations?\b)"
                          r"(?!\s*(?:失败|failed|fail|errored|错误|报错|were lost))", re.I)


def _lengths_missing(scan: Scan, lengths: int) -> None:
    """``断了 2 次，一次 20 分钟`` and nothing more: a count followed by a list (``一次…``, after a
    colon) of fewer lengths than it says, so the total is not known. The count is
    asked about; a count said with one length for all (``× N``) or with a total is not."""
    for use in list(scan.uses):
        number = re.search(r"\d+", use.text) if use.role == "outage_count" and not use.note \
            else None
        if number is None or scan.text[max(0, use.start - 2):use.start].strip().endswith("第"):
            continue
        right = min((j for j in (scan.text.find(c, use.end) for c in "。!?！？\n") if j >= 0),
                    default=len(scan.text))
        listed = LISTED.search(scan.text[use.end:right])
        if listed and 0 < lengths < int(number.group(0)) <= MOST_OUTAGES:
            scan.mark(use, "unclear", "more outages than lengths: how long was each?")


def _counts(scan: Scan) -> int | None:
    """How many outages or instances: context that the reading shows; the number of
    instances, said once, is an input of SLAs counting over all instances' minutes."""
    for match in scan.finditer(OUTAGE_COUNT):
        value = _decimal(next(g for g in match.groups() if g))
        if value is not None and value > MOST_OUTAGES:  # 80000 次: calls, not outages
            scan.take(match.start(), match.end(), "unclear", VOLUME_ASKED if VOLUME_NEAR.search(
                scan.text[max(0, match.start() - 6):match.end() + 6]) else "a count of what?")
        else:
            scan.take(match.start(), match.end(), "outage_count")
    counts = set()
    for match in scan.finditer(INSTANCE_COUNT):
        scan.take(match.start(), match.end(), "instances")
        before = scan.text[max(0, match.start() - 4):match.start()]
        after = scan.text[match.end():match.end() + 10]
        rest = REST_BEFORE.search(scan.text[max(0, match.start() - 16):match.start()])
        if not (AFFECTED_BEFORE.search(before) or AFFECTED_AFTER.search(after) or rest):
            counts.add(_decimal(match.group(1) or "1"))  # the fleet, not the instances that failed
    for match in scan.finditer(re.compile(r"\d+\s*(?:个月|months?\b)", re.I)):
        scan.take(match.start(), match.end(), "period")
    for match in scan.finditer(re.compile(r"第\s*\d+")):
        scan.take(match.start(), match.end(), "ordinal")
    if len(counts) > 1:  # 一台 … 月付 168，一共 15 台: one is the unit priced, not a fleet
        counts.discard(Decimal(1))
    value = counts.pop() if len(counts) == 1 else None
    return int(value) if value is not None and value == value.to_integral_value() else None


__all__ = ["CLAIM_FILED", "NUMBER_RE", "read_query"]
