"""How an SLA counts unavailability: per minute with its outage rounding and thresholds,
success rate from request counts, mean of 5-minute error rates, or bad unit windows.

Wordings (corpus-notes.md, "How downtime and availability are counted"): CVM
``不超过1分钟的，不计入…超过1分钟但不足2分钟的按2分钟计算`` (1314–1318); 裸金属 the same at
5 minutes (1636–1640); ``不足60秒的按1分钟计算`` (partial minutes rounded up);
``如果低于3分钟，则不计入`` (minimum outage); ``该五分钟计入不可用时间`` (whole windows);
``连续两个单位时间出现异常，则此10分钟算为不可用`` (CDN, EO); ``间隔少于30分钟的，视为一次``;
云安全中心 ``不超过1分钟的），不属于服务不可用`` (18933–18935). A commitment may count its own
way (Redis global replication, 8946–8948: ``按照实际发生的不可用时长计算，即使…小于1分钟``):
``exact_counting`` gives that table's rule.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from calculators.rules import BadWindow, Counting, PartCounting, Source
from index.domain import Document
from index.sla_rules.sources import Sentence, sentence_source, sentences

CN = {"一": 1, "二": 2, "两": 2, "三": 3, "五": 5, "十": 10}


def _int(text: str) -> int:
    return int(text) if text.isdigit() else CN.get(text, 0)


NUM = r"(\d+|[一二两三五十])\s*"
IGNORE = [re.compile(rf"不超过\s*{NUM}分钟(?:的)?[^。]{{0,12}}(?:不计入|不属于服务不可用)"),
          re.compile(rf"在\s*{NUM}分钟以下[^。]{{0,40}}不计入"),
          re.compile(rf"{NUM}分钟\s*以下[，,]?\s*不计入"),
          re.compile(rf"小于等于\s*{NUM}分钟[^。]{{0,12}}不计入"),
          re.compile(rf"在\s*{NUM}分钟以内[（(]含"),
          re.compile(rf"{NUM}分钟\s*[（(]含[）)]\s*以[下内][^。]{{0,12}}不计入")]  # 终端性能监控 Pro 43691
# the text's own explanation in brackets decides whether the bound itself counts (43437, 42857):
# ``在5分钟以下（即…低于5分钟的，不包含5分钟），不计入`` -> an outage of 5 minutes counts
BOUND_COUNTS = re.compile(rf"(?:低于|不超过)\s*{NUM}分钟的?[，,]\s*不包含(?:\s*{NUM}分钟)?[）)]")
MINIMUM = [re.compile(rf"低于\s*{NUM}分钟[^。]{{0,16}}不计入"),
           re.compile(rf"连续超过\s*{NUM}分钟[^。]{{0,16}}计入"),
           re.compile(rf"持续\s*{NUM}分钟及以上"),
           re.compile(rf"未持续\s*{NUM}分钟[^。]{{0,10}}不计入"),
           re.compile(rf"少于\s*{NUM}分钟[^。]{{0,16}}不计入"),
           re.compile(rf"持续\s*{NUM}分钟以上[^。]{{0,12}}(?:计入|计该时长)"),
           re.compile(rf"在\s*{NUM}分钟以[内下][，,]?\s*(?:则)?不属于服务不可用"),
           re.compile(rf"低于连续\s*{NUM}分钟不计入"),
           re.compile(rf"连续\s*{NUM}分钟以上不可用的[，,]?\s*计为一次故障事件")]  # 内容安全 35127
MINIMUM_SECONDS = re.compile(r"未持续\s*(\d+)\s*秒[^。]{0,10}不计入")
UNDER_SECONDS = re.compile(r"在\s*(\d+)\s*秒以内[^。]{0,6}不属于服务不可用")  # 机密计算 21322: shorter
# than that is never unavailable
EXCESS = re.compile(r"超过\s*\d+\s*分钟的阈值部分计入")
CEIL = re.compile(r"不足\s*60\s*秒的(?:部分)?按\s*1\s*分钟|小于\s*1\s*分钟的按\s*1\s*分钟|向上取整"
                  r"|不足\s*(\d+)\s*分钟的按\s*\1\s*分钟|超出部分小于1分钟的部分按1分钟")
FLOOR = re.compile(r"超过1分钟但不足2分钟的按1分钟|低于1分钟的部分不计入")
WINDOW = re.compile(r"(?:该|此)\s*(?:五|5)\s*分钟计入不可用"
                    r"|每\s*(\d+)\s*分钟为一个(?:单位时间|统计)|以\s*(\d+)\s*分钟为一个单位"
                    r"|每(一)分钟视为一个采样点"
                    r"|某[^。]{0,8}分钟[^。]*?该\s*([一二三五十])?\s*[（(]?(\d*)[)）]?\s*分钟"
                    r"(?:时间定义为服务不可用|才计入)")
PAIR = re.compile(r"连续两个单位时间")
ABNORMAL = re.compile(  # EO 13273: 错误率（…）大于0.1%，则视为该单位时间异常 (two in a row are down)
    r"错误率\s*(?:[（(][^）)]{0,60}[）)])?\s*(?:大于|超过|高于)\s*(\d+(?:\.\d+)?)\s*%[^。]{0,20}?"
    r"视为该?单位时间(?:服务)?异常")
MERGE = re.compile(rf"间隔少于\s*{NUM}分钟")
MEAN_RATE = re.compile(r"(?:错误率|失败率)\s*(?:之和|总和)|Σ\s*每\s*5\s*分钟(?:失败|错误)率")
WINDOW_TOTAL = re.compile(r"5\s*分钟总个数\s*=\s*12\s*[x×*]\s*24")  # that formula's denominator
REQUESTS = re.compile(r"服务可用性\s*=\s*1?\s*-?\s*[（(]?[^。]{0,40}"
                      r"(?:失败数|失败请求数|成功次数|成功请求数|失败次数|不可用次数)")
UNIT_BAD = re.compile(r"单位时间[^。]{0,30}(?:成功率|错误率)[^。]{0,8}(?:低于|高于|大于)[^。]{0,30}"
                      r"(?:视为|计为)[^。]{0,12}不可用")
REQUEST_MINUTES = re.compile(r"服务总分钟数[:：]?服务周期内服务端接收到有效(?:服务)?请求的分钟数")
USAGE_MINUTES = re.compile(r"无法正常使用的所有人时长\s*/\s*[^。]{0,12}所有人的使用时长")  # person-time
FLEET_MINUTES = re.compile(r"×\s*实例总数|所有[^。]{0,30}(?:机位|实例)的(?:单实例)?服务月度总分钟数之和")
ALL_OF = re.compile(r"只有在[^。；]*?(?:接口|API)[^。；]*?(?:且|或)[^。；]*?(控制台|管理台)[^。；]*?才计入")
BAD_WINDOW = re.compile(  # （5分钟为一个统计粒度）错误率超过5% / （每5分钟为一个单位时间）进房成功率低于99%
    r"[（(]每?(\d*)分钟为一个(?:统计粒度|单位时间)[）)]\s*[^。，,]{0,12}?"
    r"(?:(?:错误率|失败率)\s*(?:超过|大于|高于)\s*(\d+(?:\.\d+)?)|成功率\s*(?:低于|小于)\s*(\d+(?:\.\d+)?))\s*%"
    r"[^。]{0,12}视为[^。]{0,10}不可用")
BAD_MINUTE = re.compile(  # 内容安全 35127: 服务在1分钟内的失败率大于0.01%的，计为该分钟内服务不可用
    r"在\s*(\d+)\s*分钟内的?(?:失败率|错误率)\s*(?:大于|超过|高于)\s*(\d+(?:\.\d+)?)\s*%[^。]{0,6}?"
    r"(?:计为|视为)[^。]{0,10}不可用")
ANY_SUCCESS_AVAILABLE = re.compile(  # 部分功能或服务部分成功时，则视为该分钟内的本服务是可用的
    r"部分[\u4e00-\u9fff]{0,8}?(?:成功|功能)[^。；]{0,60}?(?:视为|认为|算作|属于)[^。；]{0,20}?(?<!不)可用"
    r"|部分[\u4e00-\u9fff]{0,8}?(?:成功|功能)[^。；]{0,60}?不计入"  # 部分登录尝试成功的
    r"|仅部分返回[\u4e00-\u9fff]{0,6}错误[^。；]{0,60}?(?:视为|认为|算作)[^。；]{0,20}?(?<!不)可用")  # 请求仅部分
# 返回内部错误…则视为该分钟内的本服务均是可用的
MAINTENANCE_EXCLUDED = re.compile(  # maintenance announced before it, or routine, is no outage
    r"(?:预先|提前|事先)通知[^。；]{0,12}(?:系统)?维护|日常系统维护时间")
VALID_NUMBERS_ONLY = re.compile(r"发送至非有效号码的[^。；]{0,12}不计入")  # 短信, 语音消息
MIN_REQUESTS = re.compile(r"(?:有效总请求数|有效总请求数或有效任务数)\s*小于\s*(\d+)"
                          r"|该分钟内至少请求\s*(\d+)\s*次")


def find_counting(doc: Document) -> Counting:
    """The counting rule of a document (per-minute with no rounding rule found = exact)."""
    counting = Counting(kind="per_minute", rounding="exact")
    main: Sentence | None = None
    for sentence in sentences(doc):
        text = sentence.text.replace(" ", "")
        if sentence.clause.section.startswith(("3", "4", "5", "6")) and \
                "赔偿" in sentence.clause.path_text and re.search(r"%|赔偿", text):
            continue  # a displaced counting paragraph (HTTPDNS 46298) is still read
        found = _apply(counting, text)
        if found != counting:
            main = main or sentence
            counting = found
    if counting.kind == "per_minute":  # 日志服务 7049: the formula itself is an image, its
        for sentence in sentences(doc):  # denominator (12 x 24 x the month's days) is text
            if WINDOW_TOTAL.search(sentence.text.replace(" ", "")):
                counting = replace(counting, kind="window_error_rate", window_minutes=5)
                main = sentence
                break
    if counting.consecutive_windows and counting.bad_window is None:  # when one is abnormal,
        for sentence in sentences(doc):  # said in its own sentence (EO 13273) or with the pair
            m = ABNORMAL.search(sentence.text.replace(" ", ""))
            if m:
                counting = replace(counting, bad_window=BadWindow(5, Decimal(m.group(1))))
                break
    if main is not None:
        counting = replace(counting, source=sentence_source(main))
    said = " ".join(sentence.text.replace(" ", "") for sentence in sentences(doc))
    return replace(counting, parts=_part_thresholds(doc),  # what the reading's doubts turn on
                   any_success_available=bool(ANY_SUCCESS_AVAILABLE.search(said)),
                   maintenance_excluded=bool(MAINTENANCE_EXCLUDED.search(said)),
                   valid_numbers_only=bool(VALID_NUMBERS_ONLY.search(said)))


PART_COUNTED = re.compile(r"计入(控制台|管理台|接口)不可用(?:分钟数|时间)")


def _part_thresholds(doc: Document) -> tuple[PartCounting, ...]:
    """Thresholds said for one part each (``…不计入控制台不可用分钟数`` / ``…不计入接口不可用分钟数``,
    终端性能监控 43437–43443), kept only where the parts differ."""
    found: dict[str, PartCounting] = {}
    for sentence in sentences(doc):
        text = sentence.text.replace(" ", "")
        part = PART_COUNTED.search(text)
        rule = _apply(Counting(kind="per_minute", rounding="exact"), text)
        if part and (rule.ignore_up_to_seconds or rule.min_outage_minutes):
            found.setdefault(part.group(1), PartCounting(
                part.group(1), rule.ignore_up_to_seconds, rule.min_outage_minutes))
    thresholds = {(p.ignore_up_to_seconds, p.min_outage_minutes) for p in found.values()}
    return tuple(found.values()) if len(found) > 1 and len(thresholds) > 1 else ()


def _apply(c: Counting, text: str) -> Counting:
    if MEAN_RATE.search(text) and c.kind == "per_minute":
        c = replace(c, kind="window_error_rate", window_minutes=5, rounding="exact")
    elif REQUESTS.search(text) and c.kind == "per_minute":
        c = replace(c, kind="success_rate", rounding="exact")
    if UNIT_BAD.search(text) and c.kind == "per_minute":
        window = 5 if re.search(r"5分钟|五分钟", text) else 1
        c = replace(c, kind="unit_windows", window_minutes=window)
    bound = BOUND_COUNTS.search(text)
    if bound and not c.ignore_up_to_seconds and not c.min_outage_minutes:
        c = replace(c, min_outage_minutes=_int(bound.group(1)))
    for pattern in IGNORE:
        m = pattern.search(text)
        if m and not c.ignore_up_to_seconds and not bound:
            c = replace(c, ignore_up_to_seconds=_int(m.group(1)) * 60)
    for pattern in MINIMUM:
        m = pattern.search(text)
        if m and not c.min_outage_minutes and not c.ignore_up_to_seconds:
            c = replace(c, min_outage_minutes=_int(m.group(1)))
    m = UNDER_SECONDS.search(text)
    if m and not c.min_outage_minutes and not c.ignore_up_to_seconds:
        c = replace(c, ignore_up_to_seconds=int(m.group(1)) - 1)
    m = MINIMUM_SECONDS.search(text)
    if m and not c.min_outage_minutes and not c.ignore_up_to_seconds:
        c = replace(c, min_outage_minutes=max(1, int(m.group(1)) // 60))
    if EXCESS.search(text):
        c = replace(c, excess_only=True)
    if FLOOR.search(text):
        c = replace(c, rounding="floor_minute")
    elif CEIL.search(text) and c.rounding == "exact":
        c = replace(c, rounding="ceil_minute")
    m = WINDOW.search(text)
    if m and not c.window_minutes:
        c = replace(c, window_minutes=_window(m))
    if PAIR.search(text):
        c = replace(c, consecutive_windows=2, window_minutes=5)
    m = MERGE.search(text)
    if m:
        c = replace(c, merge_gap_minutes=_int(m.group(1)))
    if REQUEST_MINUTES.search(text):
        c = replace(c, denominator="request_minutes")
    elif FLEET_MINUTES.search(text):
        c = replace(c, denominator="fleet_minutes")
    elif USAGE_MINUTES.search(text):  # 1 - 无法正常使用的所有人时长 / 所有人的使用时长
        c = replace(c, denominator="usage_minutes")
    m = MIN_REQUESTS.search(text)
    if m:
        c = replace(c, min_requests_per_window=int(m.group(1) or m.group(2)))
    m = ALL_OF.search(text)
    if m:
        c = replace(c, all_of=("接口", m.group(1)))
    m = BAD_WINDOW.search(text)
    if m and c.bad_window is None:
        above = Decimal(m.group(2)) if m.group(2) else 100 - Decimal(m.group(3))  # success < 99 %
        c = replace(c, bad_window=BadWindow(int(m.group(1) or 1), above))
    m = BAD_MINUTE.search(text)
    if m and c.bad_window is None:
        c = replace(c, bad_window=BadWindow(int(m.group(1)), Decimal(m.group(2))))
    return c


def _window(m: re.Match[str]) -> int:
    """Minutes of the whole unit a WINDOW match names (``该三（3）分钟`` -> 3, ``该分钟`` -> 1)."""
    digits = next((g for g in m.groups() if g and g.isdigit()), None)
    if digits:
        return int(digits)
    words = [g for g in m.groups() if g]
    return _int(words[0]) if words else (5 if "五" in m.group(0) or "5" in m.group(0) else 1)


ACTUAL = re.compile(r"按照?实际发生的不可用时长计算")


def exact_counting(base: Counting, source: Source) -> Counting:
    """The document's rule without thresholds or rounding: outages count by actual length."""
    return replace(base, ignore_up_to_seconds=0, min_outage_minutes=0, rounding="exact",
                   window_minutes=0, consecutive_windows=0, source=source)
