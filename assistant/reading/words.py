"""The words and units a credit question's figures come with, read by ``reader``.

Durations (``1小时20分``, ``5 min, 6 min``), request and failure counts, late responses,
fees said in their own words (单价, 每天费用, 订单实付), annual wording and an engagement's end.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.numbers import NUMBER, parse_number
from assistant.reading.scan import NumberUse

TOTAL_WORDS = re.compile(
    r"累计|总共|一共|合计|总计|加起来|加一起|in total|total(?:ly)?|altogether|cumulative|all in all"
    r"|\bin all\b(?!\s+[a-z])"
    r"|add(?:s|ed)? (?:(?:it|them|those|these|that|everything|all) )?up"
    r"|summ?(?:s|ed)? (?:it |them )?up",
    re.IGNORECASE)
UNIT_SECONDS = {"天": 86400, "日": 86400, "小时": 3600, "钟头": 3600, "分钟": 60, "分": 60, "秒": 1,
                "day": 86400, "days": 86400, "hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600,
                "h": 3600, "minute": 60, "minutes": 60, "min": 60, "mins": 60, "m": 60,
                "second": 1, "seconds": 1, "sec": 1, "secs": 1, "s": 1}
ZH_UNIT = r"(?:个)?\s*(?:小时|钟头)|分钟|分(?![之钱])|秒|天(?!内)"
EN_UNIT = r"(?:hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|days?)\b"
ZH_PART = rf"({NUMBER})\s*({ZH_UNIT})"
EN_PART = rf"(\d+(?:\.\d+)?)\s*({EN_UNIT})"
ANNUAL_RE = re.compile(r"(?<!半)(?<!0\.5)年费|年度服务费|年度费用|年度合同|年度合约|年付|每年|一年|包年|年包|年度套餐|按年"
                       r"|(?<!semi-)(?<!semi)annual|per year|a year|/年|(?<!half-)(?<!half)yearly"
                       r"|/\s*(?:year|yr)\b|per annum", re.IGNORECASE)
MEASURED_BY = re.compile(  # a figure a tool measured, not one believed or quoted
    r"面板|监控|控制台|仪表盘|拨测|探测|探针|日志|报表|统计|显示|算出|测得|APM|Datadog|Prometheus"
    r"|Grafana|console|dashboard|monitor|probe|synthetic|check\b|tool|logs?\b"
    r"|report|shows?|says|measured", re.I)
AVAILABILITY_WORDS = re.compile(r"可用性|可用率|成功率|availability|uptime|success rate|SLA|达到|只有"
                                r"|仅有|only", re.IGNORECASE)
REQUESTS_RE = re.compile(
    rf"({NUMBER})\s*(?:次|个|条|封)?\s*(?:有效)?(?:(?:API|HTTP|接口|api)\s*)?(?:请求|调用|短信|邮件|requests?|calls?"
    rf"|(?:valid )?(?:messages|emails|SMS)(?: sent)?)"
    rf"|(?:共|发送了?|发了|发出了?|(?:共|一共)?提交了?|发信请求|发送有效短信|总请求(?:数|次数|量)?|请求总(?:数|量|次数)"
    rf"|总调用(?:量|次数)?|调用(?:了|量|次数)?|请求(?:了|量|次数))\s*(?:共|为|是|有)?\s*({NUMBER})(?![\d.])\s*"
    rf"(?:次|条|封|个)?(?!\s*(?:分钟|小时|秒|天|%))"
    rf"|(?:发送|发了|发出|发到|发往)[^，,。；;\d]{{1,8}}?({NUMBER})\s*(?:条|封)"  # 发送到有效号码 N 条
    rf"|\btotal(?:_requests| requests| calls)?\s*(?:[=:：]|is|was|were|of)\s*({NUMBER})"  # total=
    rf"|\b(?:requests|calls|reqs?)\s*=\s*({NUMBER})(?!\d|[.,]\d)"  # requests=750000 failed=1500
    rf"|\b(?:requests|calls|reqs?)\s*[:：]?\s*({NUMBER})(?!\d|[.,]\d)"  # never 75000 of 750000
    rf"(?!\s*(?:次|个)?\s*(?:失败|failed|errors?))"
    rf"|\"total_requests\"\s*:\s*({NUMBER})|\bout of\s+({NUMBER})"  # JSON, 36 out of 12,000
    rf"|\bof\s+({NUMBER})\s*(?:api\s+)?(?:requests|calls)",
    re.IGNORECASE)
FAILED_AFTER_RE = re.compile(rf"(?:失败|出错|报错)\s*(?:了|请求)?\s*({NUMBER})\s*(?:次|个|条|封)")
FAILED_RE = re.compile(
    rf"(?:失败|出错|报错|错误|明确失败)\s*(?:了|请求)?\s*(?:一共|共|总共|合计)?\s*({NUMBER})\s*(?:次|个|条|封)?"
    rf"|({NUMBER})\s*(?:次|个|条|封)?\s*(?:请求|调用)?\s*(?:失败|出错|报错)"
    rf"|({NUMBER})\s*(?:of\s+them\s+)?(?:were\s+|are\s+|returned\s+)?(?:explicit\s+)?"
    rf"(?:failed|errors?|failures?)"
    rf"(?!\s*[=:：]\s*\d)|\berr(?:ors?)?\s*[=:：]\s*({NUMBER})"
    rf"|\"failed_requests\"\s*:\s*({NUMBER})"
    rf"|({NUMBER})\s*(?:次|个)?\s*(?:of\s+them\s+)?(?:returned|returning|got|were|with|返回了?)?\s*"
    rf"(?:HTTP\s*)?5(?:xx|XX)\b"  # 24k returned 5xx, 90k 5xx responses
    rf"|(?:返回\s*)?5(?:xx|XX)\s*(?:的|错误|响应)?\s*(?:请求)?\s*(?:有|共|一共|是|为)\s*({NUMBER})"  # 5xx 有 50 万次
    rf"|\bfail(?:ed|s|ures?)?(?:_requests| requests| calls)?\s*(?:[=:：]|is|was|were)?\s*"
    rf"({NUMBER})",
    re.IGNORECASE)


SPECIAL_FEES = {
    "unit_price": re.compile(
        rf"(?:刊例价|单价|单条价格|每条|每封|unit price"
        rf"|list price(?=[^.;,，。；]{{0,24}}?(?:per|/|each|每)(?!\s*(?:month|mo\b|月))))"
        rf"\D{{0,8}}({NUMBER})"
        rf"(?![\d.])(?!\s*(?:元|块|CNY)?\s*/\s*(?:台|个|实例|节点|instance|node|GB|TB|G\b|T\b))"
        rf"|({NUMBER})\s*(?:元|CNY)\s*(?:/|每|per)\s*(?:条|封|SMS|email|message)", re.I),
    "daily_fee": re.compile(
        rf"(?:每天费用|日费用|每日费用|日均(?:费用|消费|花费|扣费)|日租|日费|daily fee|daily rate|per day)"
        rf"\D{{0,6}}({NUMBER})"
        rf"|[¥￥]?\s*({NUMBER})\s*(?:元|块|CNY|RMB|yuan)?\s*(?:/\s*(?:天|day)|每天|一天|(?<![\d.])1\s*天(?!\s*(?:\d|内|后|以后|之后|以内))|per day|a day|1 day\b"
        rf"|(?:each|every) day|daily)"
        rf"|(?:每天|每日|按天|按日|(?<![\d.])1\s*天|日均|a day|per day|daily)\s*(?:是|为|大约)?\s*[¥￥]?\s*({NUMBER})\s*"
        rf"(?:元|块|CNY|RMB|yuan)",                               # 折算下来一天 200 块
        re.I),                                                     # ¥14.40 per day, 14.4 元/天
    "order_fee": re.compile(
        rf"(?:订单实付|订单金额|订单费用|order (?:fee|price|amount))\D{{0,6}}({NUMBER})", re.I),
}
REPEATED_RE = re.compile(
    rf"({NUMBER}|two|three|four|five)\s*(?:次|个|x|×)?\s*(?:more |other |further |additional )?"
    rf"(?:short |brief |small |quick |separate |distinct |different |individual )?"
    rf"(?:outages?|incidents?|times|occasions|interruptions?"
    rf"|flaps?|blips?|drops?|disruptions?|disconnects?|disconnections?|failures?|故障|中断|闪断|宕机)"
    rf"[^。.;；]*?(?:each|各|每次|per time|each time|per outage|apiece)"
    rf"|({NUMBER})\s*(?:次|回)[^，,。；;\d]{{0,6}}[，,。；;\s]*(?:每次|每回|各|都是|都)"  # 停了两次。每次半小时
    rf"|\b(twice|thrice)\b[^。.;；]*?\b(?:each|each time|both times|every time|apiece)\b"
    rf"|({NUMBER})\s*(?:个|家|处)\s*(?:机房|地域|区域|可用区|站点|园区|数据中心)\s*各(?:自)?\s*"  # 两个机房各断了
    rf"(?:断|挂|宕|停|掉|不可用|中断)", re.I)
EN_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twice": 2, "thrice": 3}
EVENT_COUNT_RE = re.compile(
    rf"超时(?:响应|回复)?了?\s*({NUMBER})\s*次|({NUMBER})\s*次\s*(?:超时|未按时)"
    rf"|({NUMBER})\s*late (?:responses|replies)", re.I)
EVENT_WORDS = re.compile(  # a breach an event-based SLA pays for (安全托管: 响应超时, 有效期超时)
    r"超时|未按时|逾期|(?:没有|未)在[^。；]{0,16}(?:时间|时限|期限)内|missed|\blate\b|overdue"
    r"|not (?:completed|delivered|done) (?:on time|within)", re.IGNORECASE)
END_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:结束|到期|终止)")


def duration_seconds(phrase: str) -> list[int]:
    """One duration phrase in seconds; a unit that does not get smaller starts a new outage
    (``5 min, 6 min`` -> [300, 360], ``1小时20分`` -> [4800]); a smaller unit that says the same
    length again adds nothing (``1天24小时`` -> [86400])."""
    out: list[int] = []
    seconds, last_unit = Decimal(0), 0
    for part in re.finditer(rf"{ZH_PART}|{EN_PART}", phrase, re.IGNORECASE):
        value = parse_number(part.group(1) or part.group(3))
        unit = UNIT_SECONDS[(part.group(2) or part.group(4)).replace("个", "").strip().lower()]
        if value is None:
            continue
        if last_unit and unit >= last_unit:
            out.append(int(seconds.to_integral_value()))
            seconds = Decimal(0)
        elif last_unit and value * unit == seconds:  # 一整天二十四小时: the day said again
            continue
        seconds, last_unit = seconds + value * unit, unit
    if seconds > 0:
        out.append(int(seconds.to_integral_value()))
    return out


OUTAGE_WORDS = re.compile(  # a service said to have failed
    r"断|宕机|挂掉|不可用|故障|中断|挂了|掉线|报错|失败|打不开|连不上|用不了|不稳定"
    r"|down\b|outage|unavailable|drop(?:ped|ping|s)?\b|crash|fail|errors?\b|unreachable"
    r"|flak|unstable|not working|broke|unusable|inaccessible|fell over|went down"
    r"|(?:could|can)(?:n'?t| ?not) (?:connect|access|use)"
    r"|无法使用|不能用|登不上|访问不了", re.IGNORECASE)


WORKED = re.compile(  # an item said to be fine: 都正常, 那行 3,200 不涉及, the firewall was fine
    r"(?<![不没未无])正常|没(?:有)?(?:出)?(?:问题|事|受影响|挂|断|出故障)|没出故障|不受影响|未受影响|无影响|不涉及"
    r"|都好|\b(?:was|were|stayed|remained) (?:fine|ok|okay|up|unaffected|healthy)\b"
    r"|\b(?:fine|normal|unaffected|not affected|healthy|no (?:issues?|problems?))\b", re.I)


def incident_seconds(use: NumberUse) -> int:
    """The seconds an incident phrase was read as (a range's length is in its note)."""
    said = re.match(r"(\d+) (分钟|秒)", use.note)
    if said:
        return int(said.group(1)) * (60 if said.group(2) == "分钟" else 1)
    return sum(duration_seconds(use.text))
