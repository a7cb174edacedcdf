"""Claim window, service period, fee definition, cap, higher-of and exclusion clauses.

Standard claim window (208 SLAs, e.g. 1527–1533): opens ``次月的第五（5）个工作日后``, deadline
``结束后六十（60）个自然日``. Variants: 3rd working day (14500, 15108); counted from the end
of an engagement, in the next month (应急响应 21863 ``服务结束后的次月的第五（5）个工作日后``)
or right after it (安全攻防对抗 22030 ``相应服务结束后的第五（5）个工作日后``, deadline
``服务周期结束后六十（60）个自然日``); ``两（2）个月内`` (17025, 17162); ``20个工作日内``
after the breach (12316); ``次月的第（30）个自然日内`` (57418).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from calculators.rules import (
    AnnualFee,
    Cap,
    ClaimWindow,
    DefaultVariant,
    PeriodKind,
    Scope,
    ServicePeriod,
    Source,
)
from index.domain import Document
from index.sla_rules.sources import clause_source, sentence_source, sentences

CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
      "十": 10, "二十": 20, "三十": 30, "六十": 60}


def _n(cn: str | None, digits: str | None) -> int:
    if digits:
        return int(digits)
    return CN.get(cn or "", 0)


OPENS = re.compile(r"第\s*([一二三四五六七八九十]*)\s*[（(]?\s*(\d*)\s*[）)]?\s*个工作日后")
NATURAL = re.compile(r"(?:结束后|之后)\s*([一二三四五六七八九十]*)\s*[（(]?\s*(\d*)\s*[）)]?"
                     r"\s*个?自然日")
MONTHS = re.compile(r"结束后\s*([一二两三])\s*[（(]?(\d*)[）)]?\s*个月内")
DAY_NEXT = re.compile(r"次月的第\s*[（(]?(\d+)[）)]?\s*个自然日内")
BREACH = re.compile(r"发生后的\s*(\d+)\s*个工作日内")


def find_claim_window(doc: Document) -> ClaimWindow:
    opens: tuple[str, int] = ("none", 0)
    deadline: tuple[str, int] = ("none", 0)
    source: Source | None = None
    for s in sentences(doc):
        text = s.text.replace(" ", "")
        if not re.search(r"申请|提出|通知客户经理", text):
            continue
        engagement = "服务结束后" in text or opens[0].endswith("after_engagement") \
            and "服务周期结束后" in text
        m = OPENS.search(text)
        if m and opens[0] == "none":
            n = _n(m.group(1), m.group(2))
            kind = ("after_engagement" if engagement and "次月" in text else
                    "after_working_day_after_engagement" if engagement else
                    "after_working_day_next_month" if ("次月" in text or "每个自然月" in text)
                    else "after_working_day_after_period")
            opens, source = (kind, n), source or sentence_source(s)
        m = NATURAL.search(text)
        if m and deadline[0] == "none" and ("最晚" in text or "不应超过" in text):
            kind = "natural_days_after_engagement" if engagement else "natural_days_after_period"
            deadline = (kind, _n(m.group(1), m.group(2)))
            source = source or sentence_source(s)
        m = MONTHS.search(text)
        if m and deadline[0] == "none":
            deadline, source = ("months_after_period", _n(m.group(1), m.group(2))), \
                source or sentence_source(s)
        m = DAY_NEXT.search(text)
        if m and deadline[0] == "none":
            deadline, source = ("day_of_next_month", int(m.group(1))), sentence_source(s)
        m = BREACH.search(text)
        if m and deadline[0] == "none":
            deadline, source = ("working_days_after_breach", int(m.group(1))), sentence_source(s)
    return ClaimWindow(opens=opens[0], opens_n=opens[1], deadline=deadline[0],  # type: ignore[arg-type]
                       deadline_n=deadline[1], source=source)


MONTHLY = re.compile(r"服务可用性按(?:照)?(?:每个)?"
                     r"(?:服务年度内所包含的各个自然月度|服务月度)单独核算")


FIRST_MONTH = re.compile(
    r"第1个服务月度(?:是)?指(\d{1,2})月(\d{1,2})日(?:到|至)(\d{1,2})月(\d{1,2})日")


PARTIAL_NOT_COUNTED = re.compile(r"不满一个自然月[^。]{0,4}不计为一个服务周期")  # 微瓴 54312


def find_period(doc: Document) -> ServicePeriod:
    """The period availability is counted over, and how a service opened mid-month counts
    its first month, from the agreement's own example (开通之日为3月17日): ``第1个服务月度是指
    3月17日到3月31日`` (from the opening day), ``3月1日到3月31日`` (the whole calendar month,
    语音识别 28282), ``4月17日到5月16日`` (month by month from the opening day, 乐享 51912).

    ``如不满一个自然月则不计为一个服务周期，也不计算服务可用性`` (微瓴 54312): a month the service
    did not run whole has no availability and pays nothing.

    A service year defined next to ``服务可用性按服务月度单独核算`` (腾讯健康药箱 56108) or
    ``按服务年度内所包含的各个自然月度单独核算`` (智慧零售增长平台 Lite 版 57128) still counts
    availability per natural month.
    """
    monthly = next((s for s in sentences(doc) if MONTHLY.search(s.text.replace(" ", ""))), None)
    for s in sentences(doc):
        text = s.text.replace(" ", "")
        if PARTIAL_NOT_COUNTED.search(text):
            return ServicePeriod("full_months_only", sentence_source(s))
        if "均指30个自然日" in text or "月”均指30" in text:
            return ServicePeriod("thirty_days", sentence_source(s))
        if monthly is None and (re.search(r"服务年度(?:是指|指)", text)
                                or "服务年度的服务可用性" in text):
            return ServicePeriod("service_year", sentence_source(s))
    for s in sentences(doc):
        text = s.text.replace(" ", "")
        first = FIRST_MONTH.search(text)
        if first and "服务月度" in text:  # the agreement's own example of a first month
            m1, d1, m2, _ = (int(g) for g in first.groups())
            kind: PeriodKind = ("whole_calendar_month" if d1 == 1 else
                                "anniversary_month" if m2 != m1 else "natural_month")
            return ServicePeriod(kind, sentence_source(s))
        if re.search(r"服务月度(?:是指|指)?[^。]{0,40}(?:自然月|日历月)", text) \
                or "服务月度" in text and "3月17日" in text:
            return ServicePeriod("natural_month", sentence_source(s))
        if re.search(r"(?:开通|购买)之日起[^。]{0,30}(?:每一个月|每个月|一个月)", text):
            return ServicePeriod("anniversary_month", sentence_source(s))
    return ServicePeriod("natural_month", None)


ANNUAL_SPLIT = re.compile(r"月度服务费等于单个年度服务费(?:/365天|除以12)")


def find_annual_fee(doc: Document) -> AnnualFee | None:
    """How the SLA turns an annual fee into the month's fee, where it says so."""
    for s in sentences(doc):
        m = ANNUAL_SPLIT.search(s.text.replace(" ", ""))
        if m:
            return AnnualFee("per_day" if "365" in m.group(0) else "twelfths",
                             sentence_source(s))
    return None


def find_fee(doc: Document) -> Source | None:
    for clause in doc.clauses:
        if re.search(r"(?:月度|年度|日度)?(?:平台)?服务费", clause.heading) and \
                "赔偿" not in clause.heading:
            return clause_source(clause)
    for s in sentences(doc):
        if re.search(r"服务费用?(?:是指|指|：)", s.text) or \
                "所支付的" in s.text and "总额" in s.text:
            return sentence_source(s)
    return None


CAP = re.compile(r"赔偿(?:总额|金额)?[^。]{0,12}不(?:超过|高于)[^。]{0,40}(?:服务费|费用)"
                 r"(?:总额)?(?:的\s*(\d+)\s*%)?")


def find_cap(doc: Document) -> Cap | None:
    fallback: Cap | None = None
    for s in sentences(doc):
        text = s.text.replace(" ", "")
        m = CAP.search(text)
        if not m:
            continue
        in_remedy = "赔偿" in s.clause.path_text or s.clause.section.startswith("3")
        cap = Cap(Decimal(m.group(1) or 100), sentence_source(s))
        if in_remedy and "过往12个月" not in text and "违约赔偿总额" not in text:
            return cap
        fallback = fallback or (cap if m.group(1) else None)
    return fallback


def find_higher_of(doc: Document) -> Source | None:
    for s in sentences(doc):
        if re.search(r"较高者|孰高|较高的", s.text):
            return sentence_source(s)
    return None


def find_exclusions(doc: Document) -> tuple[str, ...]:
    """Clause ids of the exclusion section (免责条款 / 适用例外) and its children."""
    out = [c.id for c in doc.clauses
           if any(w in c.path_text for w in ("免责", "例外", "不适用"))]
    if not out:
        out = [c.id for c in doc.clauses
               if re.search(r"无须?向您承担责任|无需向您承担责任|不属于服务不可用的计算范畴|免责",
                            c.text) or c.heading in ("适用范围", "补偿范围")]
    return tuple(out)


DEFAULT_RE = re.compile(
    r"(同地域|同一地域|单个地域)[^。，,]{0,8}默认为([\u4e00-\u9fff]{1,4}?)(?=[，。,；]|$)"
    r"(?:[，,]\s*(不可|不能|无法)(?:修改|更改|变更|调整))?")


def find_default_variants(doc: Document, variants: Sequence[str]) -> tuple[DefaultVariant, ...]:
    """Variants the text fixes for a case (``同地域服务等级默认为金，不可修改``)."""
    out = []
    for sentence in sentences(doc):
        for match in DEFAULT_RE.finditer(sentence.text):
            if match.group(2) in variants:
                out.append(DefaultVariant(match.group(1), match.group(2),
                                          sentence_source(sentence), bool(match.group(3))))
    return tuple(out)


EDITION = re.compile(  # the words agreements use for editions and deployments
    r"(?:单|双|三|多)节点|(?:高可用|金融|云盘|集群|基础|专业|旗舰|个人|高级|标准|企业|体验|免费|入门|尊享)版")
SCOPE_ONLY = re.compile(r"仅适用于|仅针对|只适用于")
SCOPE_NOT = re.compile(r"不适用|不承诺|不提供任何服务可用性|不属于赔偿范围")
COMMITTED = re.compile(r"(?:可用性|承诺)[^。；，,]{0,8}不低于")


def find_scope(doc: Document) -> Scope | None:
    """The editions the SLA covers and those it leaves out, from its applicability sentences
    (``本协议仅适用于…`` / ``…的实例不适用于本协议`` / ``基础版属于免费功能（不承诺SLA）``)."""
    covered: list[str] = []
    excluded: list[str] = []
    free: list[str] = []
    source = None
    for s in sentences(doc):
        if not (SCOPE_ONLY.search(s.text) or SCOPE_NOT.search(s.text)) or not EDITION.search(
                s.text):
            continue
        for part in re.split(r"[，,]", s.text):
            words = EDITION.findall(part)
            if SCOPE_NOT.search(part):
                excluded += words
                free += words if "免费" in s.text else []
            elif SCOPE_ONLY.search(s.text) or re.search(r"承诺|不低于", part):
                covered += words
        source = source or sentence_source(s)
    if source is None:
        return _committed_editions(doc) or _uncommitted_regions(doc)
    covered = [w for w in dict.fromkeys(covered) if w not in excluded]
    if not (covered or excluded):
        return None
    return Scope(tuple(covered), tuple(dict.fromkeys(excluded)), source,
                 tuple(dict.fromkeys(free)))


def _committed_editions(doc: Document) -> Scope | None:
    """``本服务高级版和专业版可用性不低于99.90%`` where the agreement also names an edition
    with no commitment (腾讯云 BI 个人版, 智能全局流量管理 体验版): only the committed ones."""
    covered: list[str] = []
    named: list[str] = []
    source = None
    for s in sentences(doc):
        words = EDITION.findall(s.text)
        named += words
        if words and COMMITTED.search(s.text):
            covered += [w for part in re.split(r"[，,]", s.text) if COMMITTED.search(part)
                        for w in EDITION.findall(part)]
            source = source or sentence_source(s)
    left_out = [w for w in dict.fromkeys(named) if w not in covered]
    if source is None or not covered or not left_out:
        return None
    return Scope(tuple(dict.fromkeys(covered)), tuple(left_out), source)


NO_COMMITMENT = re.compile(r"([^\s/]+?)([①②③④⑤⑥⑦⑧⑨])(?:\s*/){3,}")   # 其他③ / / / / /
REGION_NAMES = json.loads((Path(__file__).parents[1] / "data" / "region_names.json").read_text(
    encoding="utf-8"))


def _uncommitted_regions(doc: Document) -> Scope | None:
    """A commitment matrix whose row for a group of regions is all ``/`` (全球应用加速 12801:
    ``其他③ / / / / /``), the group's members in its footnote (``③其他：中国台湾、…美国中部达拉斯…``):
    those regions have no commitment. Only a question naming one is told so (with the other
    names users write for them, ``index/data/region_names.json``)."""
    text = " ".join(s.text for s in sentences(doc))
    row = NO_COMMITMENT.search(text)
    if row is None:
        return None
    label, marker = row.group(1), row.group(2)
    for s in sentences(doc):
        note = re.match(rf"{marker}\s*{re.escape(label)}[：:](.+?)。?$", s.text.strip())
        if note:
            members = [m.strip() for m in note.group(1).split("、") if m.strip()]
            names = [n for m in members for n in (m, *REGION_NAMES.get(m, []))]
            return Scope((), tuple(dict.fromkeys(names)), sentence_source(s),
                         ask_when_unnamed=False)
    return None
