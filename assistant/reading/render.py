"""The reading shown back before an amount, so a misread figure is seen at a glance.

``按您给的：2024年6月；不可用累计 240 分钟（48个5分钟统计周期）；月度服务费 500 元（预付 6000 元 ÷ 12
个月 = 每月 500.00 元）。未计入计算：工单 #8831（编号）。`` Every figure comes from the typed
query; nothing here reads the question text.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.params import VOLUME_ASKED, CreditQuery
from assistant.reading.normalize import plain

CONTEXT_WORDS = {
    "zh": {"ticket": "编号", "name": "产品名称/规格", "date": "日期或时间", "threshold": "协议阈值或档位",
           "restated": "重复提到的同一数值", "outage_end": "故障结束时间", "outage_count": "次数", "instances": "实例数", "claimed": "您提到的赔偿", "demanded": "要求按此计算的时长，并非实测", "voucher": "代金券抵扣的部分（不计入月费）",
           "below_unit": "不足一个统计周期", "ordinal": "序号",
           "period": "时长（月数）", "count": "数量", "other_metric": "另一项指标",
           "fee_other": "未采用的金额（预付总额或合计）", "corrected": "已更正的数值",
           "fee_item_other": "另一项（未出故障的产品、实例或账单行）的金额",
           "code": "错误码", "unit_size": "统计周期长度", "not_counted": "按协议或按您所说不计入的部分",
           "money_other": "另一笔金额（不是本服务的月费）", "other": "其他数值",
           "fee_unneeded": "费用：本月不满足赔偿条件，用不到月费",
           "bill_line": "账单明细，实付金额已含其增减",
           "set_aside": "您说先不算的部分",
           "what_if": "假设多出的时长，另算见说明",
           "total_units": "统计点总数",
           "own_math": "您自己的算式（已按协议重新计算）",
           "vum": "不可用期间消耗的 VUM（赔偿为其相应倍数，见档位）",
           "response": "提出请求或响应的时间",
           "excluded": "协议写明不计入的情形"},
    "en": {"ticket": "an id", "name": "a product name or spec", "date": "a date or time",
           "threshold": "a threshold or tier", "restated": "the same figure restated",
           "outage_end": "when that outage ended",
           "outage_count": "a count", "instances": "the number of instances",
           "claimed": "the credit you mentioned", "demanded": "a length asked to be counted (not measured)", "voucher": "the part a voucher paid (not in the fee)", "below_unit": "less than a statistics unit",
           "ordinal": "an ordinal",
           "period": "a number of months", "count": "a count",
           "other_metric": "another metric",
           "fee_other": "an amount not used (a prepaid total or a sum)",
           "fee_item_other":
               "another item's amount (a product, instance or bill line that did not fail)",
           "corrected": "the figure you corrected", "code": "an error code",
           "unit_size": "a statistics unit's length",
           "not_counted": "a part that does not count (by the agreement or as you said)",
           "money_other": "another amount (not this service's monthly fee)",
           "other": "another figure",
           "fee_unneeded": "the fee (no credit is due this month, so it is not needed)",
           "bill_line": "a line of the bill, netted in the amount paid",
           "set_aside": "what you set aside",
           "what_if": "the extra length you asked about, worked out in the notes",
           "total_units": "the total count of units",
           "own_math": "your own arithmetic (recomputed by the agreement's rule)",
           "vum": "VUM used while unavailable (the credit is the tier's multiple of it)",
           "response": "when the request was raised or answered",
           "excluded": "a case the agreement says does not count"},
}

NOTE_ROLES = {"the end of that outage": "outage_end"}  # a restated time that is an outage's end


def _seconds(value: int, lang: str) -> str:
    """``90 分钟``, ``55 秒``, ``3 小时 2 分 10 秒`` / ``90 min``, ``55 s``, ``3 h 2 min 10 s``."""
    hours, rest = divmod(value, 3600)
    minutes, seconds = divmod(rest, 60)
    if not seconds:
        return f"{value // 60} 分钟" if lang == "zh" else f"{value // 60} min"
    if value < 60:
        return f"{value} 秒" if lang == "zh" else f"{value} s"
    names = ("小时", "分", "秒") if lang == "zh" else ("h", "min", "s")
    parts = [(hours, names[0]), (minutes, names[1]), (seconds, names[2])]
    return " ".join(f"{n} {name}" for n, name in parts if n or name == names[1])


def minutes_text(value: Decimal, lang: str) -> str:
    """``90 分钟`` / ``90 min``; 50 s said as 0.8333… minutes is ``50 秒``."""
    if value != value.quantize(Decimal("0.01")):  # 50 s said as 0.8333… minutes
        return _seconds(int(value * 60), lang) if value * 60 == int(value * 60) \
            else f"{plain(value.quantize(Decimal('0.01')))} {'分钟' if lang == 'zh' else 'min'}"
    return f"{plain(value)} 分钟" if lang == "zh" else f"{plain(value)} min"


def _month(value: str, lang: str) -> str:
    year, month = value.split("-")
    return f"{year}年{int(month)}月" if lang == "zh" else f"{year}-{month}"


NOTES_EN = tuple((re.compile(pattern), template) for pattern, template in (
    (r"预付 (\S+) 元 ÷ (\S+) 个月 = 每月 (\S+) 元", r"prepaid \1 CNY ÷ \2 months = \3 CNY a month"),
    (r"年费 (\S+) 元 ÷ 12 = 每月 (\S+) 元", r"annual fee \1 CNY ÷ 12 = \2 CNY a month"),
    (r"月费 (\S+) 元 − 代金券抵扣 (\S+) 元 = (\S+) 元", r"fee \1 CNY − \2 CNY paid by voucher = \3 CNY"),
    (r"每台 (\S+) 元 × (\S+) 台 = (\S+) 元", r"\1 CNY each × \2 instances = \3 CNY"),
    (r"含税 (\S+) 元（不含税 (\S+) 元）", r"\1 CNY with tax (\2 CNY before tax)"),
    (r"月费 (\S+) 元 × (\S+) 折 = (\S+) 元", r"fee \1 CNY at a \2/10 discount = \3 CNY"),
    (r"(\S+ \S+) × (\S+) 元 = (\S+) 元", r"\1 × \2 CNY = \3 CNY"),
    (r"(\S+) 次失败拨测 × (\S+) 分钟", r"\1 failed probes × \2 min"),
    (r"(\S+) × (\S+) 分钟", r"\1 × \2 min"),
))


def _note_en(note: str) -> str:
    """A fee or count note in English: ``预付 6000 元 ÷ 12 个月 = 每月 500.00 元`` -> ``prepaid
    6000 CNY ÷ 12 months = 500.00 CNY a month``, ``36 × 5 分钟`` -> ``36 × 5 min``."""
    for pattern, template in NOTES_EN:
        if pattern.fullmatch(note):
            return pattern.sub(template, note)
    return note


def _downtime_text(query: CreditQuery, lang: str) -> str:
    """``不可用累计 50 分钟（5 × 10 分钟）``: the minutes, with the units they were counted from."""
    assert query.downtime_minutes is not None
    zh = lang == "zh"
    text = (f"不可用累计 {minutes_text(query.downtime_minutes, lang)}" if zh
            else f"{minutes_text(query.downtime_minutes, lang)} unavailable in total")
    units = [u.note for u in query.uses if u.role == "unit_count" and u.note]
    if units:
        text += f"（{'、'.join(units)}）" if zh else f" ({'; '.join(map(_note_en, units))})"
    return text


def reading_parts(query: CreditQuery, lang: str) -> list[str]:
    """The figures the calculation uses, each said once, marked when carried from before."""
    zh = lang == "zh"
    earlier = "（沿用上文）" if zh else " (from earlier)"
    notes = {u.role: u.note for u in query.uses if u.note}
    parts: list[str] = []
    if query.month:
        parts.append(_month(query.month, lang) + (earlier if "month" in query.carried else ""))
    measured = ""
    if query.instance_minutes:
        each = "、".join(minutes_text(m, lang) for m in query.instance_minutes)
        measured = f"各实例不可用 {each}" if zh else f"downtime per instance: {each}"
    elif query.error_windows:
        measured = _windows_text(query.error_windows, zh)
    elif query.error_rate_sum is not None:
        rates, m = query.error_rate_sum
        measured = (f"各 {m} 分钟窗口错误率之和 {plain(rates)}（{plain(rates * 100)}%）" if zh
                    else f"{m}-minute error rates summing to {plain(rates)} "
                         f"({plain(rates * 100)}%)")
    elif query.incidents_seconds:
        each = ("、" if zh else ", ").join(_seconds(s, lang) for s in query.incidents_seconds)
        n = len(query.incidents_seconds)
        measured = f"中断 {n} 次：{each}" if zh else f"{n} outage{'s' * (n > 1)}: {each}"
    elif query.downtime_minutes is not None:
        measured = _downtime_text(query, lang)
    elif query.availability_pct is not None:
        measured = (f"可用性 {plain(query.availability_pct.quantize(Decimal('0.0001')))}%"
                    if zh else
                    f"availability {plain(query.availability_pct.quantize(Decimal('0.0001')))}%")
        if "availability" in notes:
            said = _note(notes["availability"], lang)
            measured += f"（{said}）" if zh else f" ({said})"
    elif query.total_requests is not None:
        measured = (f"请求 {query.total_requests} 次，失败 {query.failed_requests} 次" if zh
                    else f"{query.total_requests} requests, {query.failed_requests} failed")
    elif query.event_count is not None:
        measured = f"超时 {query.event_count} 次" if zh else f"{query.event_count} late responses"
    elif query.response_minutes is not None:
        measured = (f"从提出请求到响应 {query.response_minutes} 分钟" if zh
                    else f"{query.response_minutes} min from the request to the response")
    if measured:
        parts.append(measured + (earlier if "measurement" in query.carried else ""))
    if query.fee_basis == "annual" and query.annual_fee is not None:
        parts.append((f"年费 {plain(query.annual_fee)} 元（按协议折算为月度服务费，见计算过程）" if zh
                      else f"annual fee {plain(query.annual_fee)} CNY (turned into the month's fee "
                      "by the agreement's rule; see the steps)")
                     + (earlier if "monthly_fee" in query.carried else ""))
    elif query.monthly_fee is not None:
        fee = (f"月度服务费 {plain(query.monthly_fee)} 元" if zh
               else f"monthly fee {plain(query.monthly_fee)} CNY")
        if query.fee_note:
            fee += f"（{query.fee_note}）" if zh else f" ({_note_en(query.fee_note)})"
        elif query.fee_basis == "paid":
            fee += "（当月实付）" if zh else " (paid that month)"
        parts.append(fee + (earlier if "monthly_fee" in query.carried else ""))
    for name, zh_word, en_word in (("unit_price", "单价", "unit price"),
                                   ("daily_fee", "每日费用", "daily fee"),
                                   ("order_fee", "订单费用", "order fee")):
        value = getattr(query, name)
        if value is not None:
            parts.append(f"{zh_word} {plain(value)} 元" if zh else f"{en_word} {plain(value)} CNY")
    if query.instances is not None and any(u.role == "instance_count" for u in query.uses):
        parts.append(f"实例 {query.instances} 个（按全部实例的分钟数计算）" if zh
                     else f"{query.instances} instances (counted over all their minutes)")
    if query.request_minutes is not None:
        parts.append(f"有效请求的分钟数 {plain(query.request_minutes)} 分钟" if zh
                     else f"{plain(query.request_minutes)} minutes with valid requests")
    if query.service_start:
        parts.append(f"开通日 {query.service_start.lstrip('-')}" if zh
                     else f"service start {query.service_start.lstrip('-')}")
    if query.service_end:
        parts.append(f"服务结束 {query.service_end}" if zh else f"service end {query.service_end}")
    return parts


def reading_text(query: CreditQuery, lang: str) -> str:
    """One line: what was read, then the numbers recognised as context (not computed)."""
    parts = reading_parts(query, lang)
    if not parts:
        return ""
    words = CONTEXT_WORDS["zh" if lang == "zh" else "en"]
    zh = lang == "zh"
    context = []
    for u in query.uses:
        if u.role not in words:
            continue
        said = words[NOTE_ROLES.get(u.note, u.role)]
        if u.role == "excluded":  # the exclusion item's own words
            said += f"：“{u.note}”" if zh else f": “{u.note}”"
        context.append(f"{u.text}（{said}）" if zh else f"{u.text} ({said})")
    if lang == "zh":
        text = "按您给的：" + "；".join(parts) + "。"
        return text + (f"未计入计算：{'；'.join(context)}。" if context else "")
    text = "As read: " + "; ".join(parts) + "."
    return text + (f" Not used in the calculation: {'; '.join(context)}." if context else "")


def _windows_text(windows: tuple[tuple[int, Decimal, int], ...], zh: bool) -> str:
    """Windows said one by one (a series read off a tool) run together, in the order said;
    counted groups each: ``7 个 5 分钟窗口，错误率依次为 3.2%、18%…；8 个 5 分钟窗口错误率 100%``."""
    parts: list[str] = []
    k = 0
    while k < len(windows):
        n, pct, m = windows[k]
        run = [windows[j][1] for j in range(k, len(windows))
               if all(w[0] == 1 and w[2] == m for w in windows[k:j + 1])]
        if len(run) >= 3:
            listed = ("、" if zh else ", ").join(f"{plain(r)}%" for r in run)
            parts.append(f"{len(run)} 个 {m} 分钟窗口，错误率依次为 {listed}" if zh
                         else f"{len(run)} {m}-minute windows with error rates {listed}")
            k += len(run)
            continue
        parts.append(f"{n} 个 {m} 分钟窗口错误率 {plain(pct)}%" if zh
                     else f"{n} {m}-minute window{'s' * (n > 1)} at {plain(pct)}% errors")
        k += 1
    each = ("；" if zh else "; ").join(parts)
    return f"{each}（其余为 0%）" if zh else f"{each} (the rest at 0%)"


NOTES_ZH = {  # the reader's notes on unclear numbers, as a Chinese reader reads them
    VOLUME_ASKED: "请求总数：只在协议按请求数计算时有用，那时还需要失败的请求数",
    "maintenance announced late or not at all (the agreement requires notice in advance): does "
    "it still exclude those minutes?": "这次维护通知得晚（或没通知），而协议要求提前通知：这段时间还算免责吗？",
    "a credit already received: for an outage of this same month? The month is paid once, on "
    "all its downtime: how long was that outage?": "这是已经拿到的赔偿：是同一个月另一次故障的吗？协议按整月的不可用时长"
                                                   "只赔一次，那次故障持续了多久？",
    "a negative figure": "负数",
    "two times for one outage: which one counts?": "两个时间段重叠，是同一次故障吗？按哪一段算？",
    "how long: from when to when?": "具体从几点到几点？",
    "a success rate": "请求成功率",
    "share of the month down": "当月不可用时间占比",
    "write the number in full": "请写出完整数字",
    "no such month: write it as YYYY-MM": "没有这个月份，请写成如 2024年3月",
    "several amounts: which is the monthly fee?": "有几个金额，哪个是月度服务费？",
    "a share of requests or users, not the availability": "这是请求或用户的占比，不是可用性",
    "availability must be between 0 and 100": "可用性应在 0 到 100 之间",
    "does not add up to the outages listed": "与所列各次中断的合计不一致",
    "statistical points listed by their times: which count?": "按时间列出的统计点：哪些计入不可用？",
    "one length or the other: which?": "两个时长说的是同一次中断，以哪个为准？",
    "invoice lines that do not add up: what was paid?": "发票各行金额对不上，实际支付的是多少？",
    "another month": "另一个月份",
    "a package bought in advance: what did this month cost?": "这是预先购买的套餐包总额，当月实际费用是多少？",
    "a sum over several items: what is the affected one's own fee?": "这是几项合计的费用，出故障的那一项自己的月费是多少？",
    "the fee of another product named there: what does this one cost?":
        "这是同一句里另一个产品的费用，出故障的这项服务自己的月费是多少？",
    "a fee that includes other items: what is this service's own fee?":
        "这笔费用还包含其他项目，这项服务自己的月费是多少？",
    "isolated units: does the SLA count them?": "这些是零散的单个统计周期，协议是否计入？",
    "a count of what?": "这是什么的次数？",
    "availability over more than a month: what was the month's?": "这是一个月以上的整体可用性；协议按每个月单独核算，哪个月、当月的可用性是多少？",
    "a rate over part of the month: what was the month's?": "这是故障那一段时间内的成功率，不是整月的可用性；当月可用性是多少，或当月不可用时长合计多少？",
    "a length said with a clock range that gives another: which is right?": "这个时长和同一句里的起止时间算出来的不一样；实际不可用时长是多少？",
    "a correction said apart from the figure it replaces: which one does it replace?":
        "这是对前面哪个时长的更正？",
    "statistics units counted beside outages timed: inside those outages, or more?":
        "这些统计周期是前面那几次中断里的，还是另外多出来的？",
    "with tax and without: which was paid?": "这两个金额一个含税、一个不含税，但对不上（含税额应略高于不含税额）；当月实际支付的服务费是多少？",
    "on top of the earlier outage?": "这是在上一轮所说的那次中断之外又多出的时长，还是一共这么长？",
    "several counts: which one, or their sum?": "有几个次数，按哪一个算，还是合计？",
    "more outages than lengths: how long was each?": "次数多于给出的时长：其余几次各多长？",
    "a prepaid amount: over how many months?": "这是预付的金额，覆盖几个月？（协议按月分摊）",
    "a delay, or how long it was down?": "这是延迟时间，还是不可用的时长？",
    "availabilities one per point: how long was it down in all?": "这是每个统计点各自的可用率：一共不可用了多长时间？",
    "a range of lengths: how long exactly?": "这是一个范围，具体多长？",
    "a range of amounts: how much exactly?": "这是一个金额范围，具体是多少？",
    "a start date beside several instances: of one of them, or of the service?":
        "有多台实例时给的开通日期：是其中一台的，还是整个服务的？",
    "an hourly price with the hours billed: what was the month's charge?":
        "按小时计价并给了计费小时数：这个月实际扣费多少？",
    "rates over time with points left out: how many minutes were unavailable?":
        "按时间列出的比率中间有省略：一共有多少分钟不可用？",
    "rates over time: rates of what, in windows of how many minutes? Give the unavailable "
    "minutes instead": "按时间列出的比率：是错误率还是成功率？每个点代表几分钟？也可以直接告诉我不可用分钟数",
    "two availabilities: which one counts?": "给了两个可用性，以哪个为准？",
    "a setting, or how long it lasted?": "这是一个设置值，还是持续了这么久？",
    "part of what was said before: inside it or on top of it?": "这是前面所说的一部分，还是另外多出来的？",
    "a unit price: what did the month cost?": "这是单价，当月实际费用是多少？",
    "an amount in another currency: what was it in CNY?": "这是外币金额，折合人民币是多少？",
    "every day: on how many days?": "每天都有：一共多少天？",
    "more or less than that: how long?": "比这多还是少？具体多长？",
    "morning or evening?": "是上午还是晚上？",
    "only part failing: did every request fail in those minutes?": "只是部分失败：这段时间内是否所有请求都失败？",
    "minutes at an error rate: which count depends on the agreement's threshold":
        "这段时间的错误率：其中哪些分钟算不可用取决于协议的阈值，请给出不可用的分钟数",
    "announced maintenance: does the agreement exclude it?": "这是提前通知的维护：协议是否将其排除在外？",
    "messages to invalid numbers: does the agreement leave them out?": "发往空号等非有效号码的条数：协议是否不计入？",
    "messages to invalid numbers: the agreement counts valid numbers only": "发往非有效号码：协议只计发往有效号码的条数",
    "announced maintenance: the agreement excludes it": "提前通知的系统维护：协议不计入不可用时间",
    "partly working: the agreement counts a minute with any success as available":
        "部分成功：协议规定某分钟内有任何成功即视为可用，不计入",
    "start and end in different time zones: which clock?": "开始和结束时间用的是不同时区：各按哪个时区？",
    "the same outage, by the other account": "同一次故障的另一种记录",
    "the time between two outages": "两次故障之间的间隔",
    "the time range said again, or another outage?": "这是把同一时间段又说了一遍，还是另一次中断？",
    "outages, or the time between them?": "这是中断时长，还是两次中断之间的间隔？",
    "minutes at a partial error rate or without requests: how many count as unavailable under "
    "the agreement?": "这段时间只有部分请求出错或没有请求，按协议其中多少分钟算不可用？",
}


def _note(note: str, lang: str) -> str:
    if lang != "zh":
        return note
    head, sep, tail = note.partition(": ")
    if note in NOTES_ZH:
        return NOTES_ZH[note]
    return f"{NOTES_ZH[head]}：{tail}" if sep and head in NOTES_ZH else note


def unclear_text(query: CreditQuery, lang: str) -> str:
    """The question about numbers the reading could not place: the reader's own question for
    each where it has one (``“整个下午”：具体从几点到几点？``), else what the number is."""
    asked = [u for u in query.unclear if u.note and u.note.endswith("?")]
    if asked and len(asked) == len(query.unclear):
        notes = list(dict.fromkeys(_note(u.note, lang) for u in asked))
        texts = dict.fromkeys(f"“{u.text}”" for u in asked)  # 0%,0%,0%: each said once
        said = ("、" if lang == "zh" else ", ").join(texts)
        if lang == "zh":
            return f"为避免算错，我先确认：{said}——{' '.join(notes)}请补充后再问。"
        return f"To avoid a wrong figure, one thing first: {said} — {' '.join(notes)} " \
               "Please say so and ask again."
    items = [f"“{u.text}”" + (f"（{_note(u.note, lang)}）" if u.note and u.note != "not read"
                             else "")
             for u in query.unclear]
    if lang == "zh":
        return ("为避免算错，我先确认：" + "、".join(items)
                + " 指的是什么（不可用时长、月费、可用性、请求数，还是别的）？请改写后再问。")
    return ("To avoid a wrong figure, please tell me what " + ", ".join(items)
            + " refers to (downtime, the monthly fee, availability, request counts, or "
            "something else), and ask again.")
