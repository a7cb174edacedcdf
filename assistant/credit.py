"""The calculator route: from a resolved question to the calculators' RESULT and its answer.

The figures come from the question (``assistant.params``), the SLA from the product named,
metric and variant from the words of the question matched against the SLA's own names.
All arithmetic is done by ``calculators``; this stage only asks and words the result.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from assistant.answer import Citation
from assistant.conversation import Resolved
from assistant.deployments import concepts
from assistant.params import CreditQuery
from assistant.reading.normalize import normalize, plain
from assistant.reading.reader import SUCCESS_RATE_NOTE
from assistant.reading.render import minutes_text
from assistant.reading.words import MEASURED_BY, duration_seconds
from assistant.replies import kind_words
from assistant.text import bigrams
from calculators.credit import compute
from calculators.engine import InputError, parse_month, period_minutes
from calculators.request import CreditRequest, parse_request
from calculators.result import Citation as CalculatorCitation
from calculators.result import CreditResult
from calculators.rules import Catalog, SlaRule
from calculators.single import parts_disagree
from calculators.tables import choose_table
from index.domain import Document
from index.products import Product
from index.sla_rules.claims import EDITION, SCOPE_NOT, SCOPE_ONLY

REFERENCE_MONTH = "2024-01"  # any month will do for a tier lookup from a measured availability
METRIC_HINTS = (
    (re.compile(r"多可用区|multi[- ]?az|multiple (availability )?zones", re.I), "多可用区"),
    (re.compile(r"持久性|durab|数据丢失|data loss", re.I), "持久性"),
    (re.compile(r"成功率|success rate", re.I), "成功率"),
)


@dataclass(frozen=True)
class CreditOutcome:
    """What the calculator route produced: a RESULT, what is missing to compute one, or both (the
    share of the fee computed, the fee asked for)."""

    result: dict[str, Any] | None
    citations: tuple[Citation, ...]
    missing: tuple[str, ...] = ()
    message: str = ""
    sla: SlaRule | None = None
    query: CreditQuery | None = None  # the reading as computed (the instances marked used)
    whole: bool = False  # the message is the whole question to ask (each option's outcome)
    stated: bool = True  # out of scope as the agreement says in words, not only by what it covers


VARIANT_WORDS = (
    (re.compile(r"\bplatinum\b", re.I), "白金"), (re.compile(r"\bgold\b", re.I), "金"),
    (re.compile(r"\bsilver\b", re.I), "银"),
    (re.compile(r"standard storage", re.I), "标准存储"),
    (re.compile(r"infrequent|standard[- ]ia", re.I), "低频存储"),
    (re.compile(r"archive", re.I), "归档存储"), (re.compile(r"\bcold\b", re.I), "冷存储"),
    (re.compile(r"multi[- ]?az|multiple (?:availability )?zones", re.I), "多AZ多可用区"),
    (re.compile(r"three[- ]node", re.I), "三节点"),
    (re.compile(r"(?:two|dual|double)[- ]node", re.I), "双节点"),
    (re.compile(r"single[- ]az|single (?:availability )?zone", re.I), "单可用区"),
    (re.compile(r"\b(?:two|2)[- ]?az\b|two (?:availability )?zones", re.I), "两可用区"),
    (re.compile(r"\b(?:three|3)[- ]?az\b|three (?:availability )?zones", re.I), "三可用区"),
    (re.compile(r"global(?:ly)? replicat", re.I), "全球复制"),
    (re.compile(r"enterprise edition", re.I), "企业版"),
    (re.compile(r"professional|pro edition", re.I), "专业版"),
    (re.compile(r"standard edition", re.I), "标准版"),
    (re.compile(r"basic edition", re.I), "基础版"),
    (re.compile(r"single[- ]node", re.I), "单节点"), (re.compile(r"multi[- ]node", re.I), "多节点"),
    (re.compile(r"high[- ]availability (?:edition|version|instance)|\bHA\b", re.I), "高可用版"),
    (re.compile(r"cluster edition", re.I), "集群版"), (re.compile(r"flagship|ultimate", re.I), "旗舰版"),
    (re.compile(r"free (?:edition|tier|version|plan)", re.I), "免费版"),
    (re.compile(r"personal edition", re.I), "个人版"), (re.compile(r"advanced edition", re.I), "高级版"),
    (re.compile(r"read[- ]write", re.I), "读写实例"), (re.compile(r"read[- ]only", re.I), "只读实例"),
    (re.compile(r"\banaly(?:tic|sis|tics) engine", re.I), "分析引擎"),
    (re.compile(r"public instance", re.I), "公共实例"), (re.compile(r"financ\w* edition", re.I), "金融版"),
    (re.compile(r"trial (?:edition|version|plan)", re.I), "体验版"),
)


OLD_VERSION = re.compile(r"老版本?|旧版|老的|旧的|old version|legacy|older", re.I)
SAME_REGION = re.compile(r"同(?:一)?地域|单个地域|(?<!跨)地域内|same region|within (?:one|a single|the) region"
                         r"|intra-region", re.I)


EVENT_WORDS_EN = (  # other words for the breach events of event-based SLAs
    (re.compile(r"respon|call(?:ed)? back|repl(?:y|ied)|回电|回复|答复|回应|才回|给方案", re.I), "响应时长"),
    (re.compile(r"complet|deliver|validity|deadline|contract period", re.I), "有效期"),
)


UNSURE = re.compile(r"不知道|不清楚|不确定|查不到|说不准|搞不清|哪种|哪一种|哪个|not sure|don'?t know"
                    r"|unsure|no idea|can'?t tell|which (?:one|kind|type)", re.I)


EDITION_UNSURE = re.compile(  # not sure which edition we bought / 不清楚买的是哪个版本
    r"(?:not sure|don'?t know|unsure|no idea|can'?t remember|不知道|不清楚|不确定|不记得|忘了)"
    r"[^。.;；?？]{0,30}?(?:edition|version|tier|版本|哪个版|什么版|哪一版|套餐|规格"
    r"|版\s*还是[^。.;；?？]{0,12}版)"  # 不记得当初开的是普通版还是 Pro 版
    r"|(?:edition|version|版本)[^。.;；]{0,20}?(?:not sure|unsure|不知道|不清楚|不确定)"
    r"|(?:好像|可能)是[^。.;；，,]{0,12}版[，,]?\s*(?:也|又)?(?:可能|或者)是[^。.;；]{0,12}版"  # 好像是Pro版，也可能是普通版
    r"|\b(?:maybe|might be|possibly) (?:the )?\w+ (?:edition|version)\b[^.;]{0,20}\bor\b", re.I)


def _variant_unsure(sla: SlaRule, metric: str | None, question: str) -> bool:
    """Whether the question names several variants and says it does not know which one it
    is (``读写实例、只读实例、只读分析引擎都有，具体是哪种查不到``), or says it does not know its
    edition where the agreement has several: asked, never one picked."""
    if len(sla.variants(metric)) > 1 and EDITION_UNSURE.search(question):
        return True
    named = {_norm(v) for v in _variants_named(sla.variants(metric), _norm(question),
                                               "/和及与、")}  # 读写实例和只读实例: either name
    apart = [v for v in named if not any(v != o and v in o for o in named)]
    return len(apart) > 1 and bool(UNSURE.search(question))


def _name_bigrams(name: str) -> set[str]:
    """A variant name's two-character runs inside its words: ``同一地域下单个可用区域部署`` has
    单个 but not 下单 (下 joins 地域 to 单个; a question's 下单页 says no deployment)."""
    return set().union(*(bigrams(word) for word in re.split(r"[的下与和及或在之]", name)))


def _norm(text: str) -> str:
    return re.sub(r"[\s（）()]", "", text).lower()


def _overlap(name: str, text: str) -> float:
    """Share of the name's characters (Chinese) found in the text."""
    chars = set(re.findall(r"[\u4e00-\u9fff]", name))
    return len(chars & set(text)) / len(chars) if chars else 0.0


PAID_UNIT = re.compile(r"(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])")  # a unit a credit is paid in (VUM)


def _said_roughly(incidents: Sequence[float], rough: Sequence[float]) -> list[bool]:
    """Which of the request's outages were said roughly (a length said once for several, 6 次
    每次大概 5 分钟, is each of them); all of them when none is found among them (lengths read
    again on the way: carried from a turn, split by month)."""
    said = set(rough)
    out = [seconds in said for seconds in incidents]
    return out if any(out) else [True] * len(incidents)


class CreditStage:
    """Stage: ``run(resolved)`` -> CreditOutcome. Pure apart from the catalog it is given."""

    def __init__(self, catalog: Catalog, documents: Mapping[str, Document],
                 covering: Mapping[str, str] | None = None) -> None:
        self.catalog = catalog
        self.documents = documents
        self.covering = dict(covering or {})  # a product without an SLA -> the SLA covering it
        names = {a.upper() for rule in catalog.slas for a in rule.aliases}
        said = [(unit, rule) for rule in catalog.slas for table in rule.tables
                for unit in PAID_UNIT.findall(" ".join(t.text for t in table.tiers))
                if unit not in names]  # COS in a tier row names a product, not what it pays in
        self.paid_in = {unit: rule for unit, rule in said  # VUM: the one SLA that pays in it
                        if len({r.doc_line for u, r in said if u == unit}) == 1}

    def sla_for(self, resolved: Resolved) -> SlaRule | None:
        """The SLA of the first product named; of a product with two (CMQ's old and new),
        the one the question's figures fit (:meth:`agreements_for`)."""
        slas = self.agreements_for(resolved)
        return slas[0] if slas else None

    def agreements_for(self, resolved: Resolved) -> list[SlaRule]:
        """The SLAs the question may be about: the first named product's, narrowed to the one
        whose own name is said (``TDMQ CMQ 版``; not one said only to be set aside), whose input
        a daily fee is (the old per-minute rule), or the oldest when an old version is said;
        several when nothing tells them apart. A unit only one SLA pays in (``18,000 VUM``)
        names that SLA."""
        units = [self.paid_in[u] for u in PAID_UNIT.findall(resolved.question) if u in self.paid_in]
        if len({r.doc_line for r in units}) == 1 and resolved.products:
            return units[:1]
        for product in resolved.products:
            docs = self._sla_documents(product)
            slas = [r for r in (self.catalog.by_doc_line(d.doc_line) for d in docs) if r]
            named = _title_said(resolved.question, slas) if len(slas) > 1 else None
            if named is not None:  # "TDMQ CMQ 版": the agreement whose own name is said
                return [named]
            if len(slas) > 1 and resolved.query.daily_fee is not None:
                per_minute = [r for r in slas if r.prose and r.prose.kind == "per_minute_voucher"]
                slas = per_minute or slas
            if len(slas) > 1 and OLD_VERSION.search(resolved.question):
                by_date = {d.doc_line: d.updated_at for d in docs}
                return sorted(slas, key=lambda r: by_date.get(r.doc_line, ""))[:1]
            if slas:
                return slas
        for product in resolved.products:  # VPN 网关: the VPN 连接 SLA counts per gateway
            doc = self.documents.get(self.covering.get(product.key, ""))
            rule = self.catalog.by_doc_line(doc.doc_line) if doc is not None else None
            if rule is not None:
                return [rule]
        return []

    def _editions(self, sla: SlaRule) -> list[SlaRule]:
        """Other editions' agreements of the product (``终端性能监控 Pro 服务等级协议`` beside
        ``终端性能监控服务等级协议``): titles that extend this one's name by an edition word."""
        stem = sla.doc_title.removesuffix("服务等级协议").strip()
        return [r for r in self.catalog.slas if r.doc_line != sla.doc_line and stem
                and re.fullmatch(rf"{re.escape(stem)}\s*(?:Pro|专业版|旗舰版|企业版|高级版|标准版)\s*"
                                 r"服务等级协议", r.doc_title)]

    def sla_of(self, product: Product) -> SlaRule | None:
        """The SLA of one product (its first, for a product with two), or None."""
        return next((r for r in (self.catalog.by_doc_line(d.doc_line)
                                 for d in self._sla_documents(product)) if r), None)

    def _sla_documents(self, product: Product) -> list[Document]:
        """The product's documents that are SLAs."""
        return [d for d in (self.documents.get(i) for i in product.doc_ids)
                if d is not None and d.kind == "sla"]

    @staticmethod
    def metric_for(sla: SlaRule, question: str, strict: bool = False) -> str | None:
        """The metric the question names; else the SLA's first (``None`` when ``strict``)."""
        metrics = sla.metrics()
        if len(metrics) <= 1:
            return metrics[0] if metrics else None
        for pattern, word in METRIC_HINTS:
            if pattern.search(question):
                match = next((m for m in metrics if word in m), None)
                if match:
                    return match
        return None if strict else metrics[0]

    @staticmethod
    def variant_for(sla: SlaRule, metric: str | None, question: str) -> str | None:
        """The variant the question names: by its name, its Latin words (GWLB), an English
        name (Gold -> 金) or, failing those, the most shared characters."""
        variants = sla.variants(metric)
        if not variants:
            return None
        asked = _norm(question)
        for english, chinese in VARIANT_WORDS:
            if english.search(question):
                asked += chinese
        named = _variants_named(variants, asked)
        if named:
            return max(named, key=len)
        wanted = concepts(question)
        if wanted:  # "单可用区" names 同一地域下单个可用区域部署; fewest unasked concepts wins
            score = {v: len(wanted & concepts(v)) * 10 - len(concepts(v) - wanted)
                     for v in variants}
            best = max(score.values())
            winners = [v for v, value in score.items() if value == best]
            if best > 0 and len(winners) == 1:
                return winners[0]
            if best > 0 and len({frozenset(concepts(v) & wanted) for v in winners}) > 1:
                return None  # 部署在两个可用区…客户按单可用区那张表算的: which is asked
        latin = [v for v in variants
                 if any(w.lower() in asked for w in re.findall(r"[A-Za-z]{2,}", v))]
        if len(latin) == 1:
            return latin[0]
        # failing those, the variant whose own two-character words (not the product's, not
        # another variant's, not 可用/实例 that every question has) the question uses most
        common = {"可用", "服务", "实例", "部署", "版本"} | bigrams(sla.doc_title)
        own = {v: _name_bigrams(v) - common - set().union(*(bigrams(o) for o in variants if o != v))
               for v in variants}
        hits = {v: sum(1 for b in words if b in asked) for v, words in own.items()}
        winners = [v for v, count in hits.items() if count]
        # one variant's words only: several variants' words (读写实例、只读实例还是分析引擎) ask
        return winners[0] if len(winners) == 1 else None

    @staticmethod
    def default_variant(sla: SlaRule, question: str) -> tuple[str | None, str, bool]:
        """A variant the agreement sets for the case asked (``同地域服务等级默认为金``), its
        words, and whether it is fixed whatever the customer chose."""
        default = sla.defaults[0] if sla.defaults and SAME_REGION.search(question) else None
        if default is None:
            return None, "", False
        return default.variant, f"{default.scope}默认为{default.variant}", default.fixed

    @staticmethod
    def event_for(sla: SlaRule, question: str) -> str | None:
        """The breach event the question describes (响应 -> 服务响应时长超时)."""
        events = [t.event for table in sla.tables for t in table.tiers if t.event]
        if not events:
            return None
        said = question + "".join(zh for en, zh in EVENT_WORDS_EN if en.search(question))
        scored = {e: _overlap(e, said) for e in events}
        best = max(scored.values())
        top = [e for e in events if scored[e] == best]
        return top[0] if len(set(top)) == 1 else None  # a tie: which breach is asked

    def request(self, resolved: Resolved, sla: SlaRule) -> CreditRequest:
        query = resolved.query
        said = [resolved.question, *resolved.earlier_questions[:1]] if _same_subject(resolved) \
            else [resolved.question]  # "And if it were 99.5%?" keeps "standard storage"
        metric = next((m for m in (self.metric_for(sla, t, strict=True) for t in said) if m),
                      self.metric_for(sla, resolved.question))
        turns = [said[0], " ".join(said), *said[1:]] if len(said) > 1 else said  # 三节点 … 没跨
        variant = None if _variant_unsure(sla, metric, said[0]) else next(
            (v for v in (self.variant_for(sla, metric, t) for t in turns) if v), None)
        default = self.default_variant(sla, " ".join(said))
        if variant is None or default[2]:  # 同地域默认为金，不可修改: not the 白金 they think
            variant = default[0] or variant
        data: dict[str, Any] = {
            "doc_line": sla.doc_line, "metric": metric, "variant": variant,
            "month": query.month or "",
            "monthly_fee": str(query.monthly_fee) if query.monthly_fee is not None else None}
        if query.fee_basis == "annual" and query.annual_fee is not None:  # split by the SLA
            data["monthly_fee"], data["annual_fee"] = None, str(query.annual_fee)
        for name in ("unit_price", "daily_fee", "order_fee"):
            value = getattr(query, name)
            if value is not None:
                data[name] = str(value)
        end = query.service_end or ""
        if end.startswith("--") and data["month"]:  # said without a year: on or after the month
            year = int(data["month"][:4]) + (end[2:4] < data["month"][5:7])
            end = f"{year}{end[1:]}"
        if end:
            data["service_end"] = end
        if query.request_minutes is not None:
            data["request_minutes"] = str(query.request_minutes)
        elif query.every_minute_requested and query.month and \
                sla.counting.denominator == "request_minutes":  # requests every minute: all of them
            data["request_minutes"] = period_minutes(*parse_month(query.month), sla.period.kind)
        start = query.service_start or ""
        if start.startswith("--") and data["month"]:  # said without a year: the month's year
            start = data["month"][:4] + start[1:]
        if start and start[:7] == data["month"]:
            data["service_start"] = start
        if query.instances is not None and _fleet(sla):
            data["instances"] = query.instances
        measures = {t.measure for t in sla.tables if metric is None or t.metric == metric}
        if "event" in measures:
            data["event"] = self.event_for(sla, resolved.question)
            return parse_request(data)
        if "late_responses" in measures and query.event_count is not None:
            data["late_responses"] = query.event_count
            return parse_request(data)
        if query.error_rate_sum is not None and not query.error_windows:
            if _counting_kind(sla, metric) == "window_error_rate":  # Σ rates = whole windows
                rates, minutes = query.error_rate_sum
                data["downtime_minutes"] = format((rates * minutes).normalize(), "f")
        elif query.error_windows:
            starts = query.window_starts or (None,) * len(query.error_windows)  # a series said
            data["error_windows"] = [{"count": n, "error_pct": str(pct), "minutes": minutes,
                                      "at": at}  # point by point: which windows are adjacent
                                     for (n, pct, minutes), at in zip(query.error_windows, starts)]
        elif query.incidents_seconds:
            data["incidents_seconds"] = list(query.incidents_seconds)
            data["incident_parts"] = _incident_parts(sla, query, normalize(resolved.question))
        elif query.downtime_minutes is not None:
            data["downtime_minutes"] = str(query.downtime_minutes)
        elif query.availability_pct is not None:
            data["availability_pct"] = str(query.availability_pct)
        elif query.total_requests is not None:
            data["total_requests"] = query.total_requests
            data["failed_requests"] = query.failed_requests
        if query.failed_requests is not None and "failed_requests" not in data \
                and sla.prose is not None and sla.prose.kind == "failed_requests_multiple":
            data["failed_requests"] = query.failed_requests  # 验证码: 赔偿次数 = 失败请求数 × 10
        return parse_request(data)

    def run(self, resolved: Resolved) -> CreditOutcome:
        slas = self.agreements_for(resolved)
        if not slas:
            return CreditOutcome(None, (), ("product",), "no SLA for the product named")
        if len(slas) == 1 and EDITION_UNSURE.search(resolved.question):  # not sure whether it is
            slas += self._editions(slas[0])  # 终端性能监控 or its Pro: each has its own agreement
            if len(slas) > 1:
                joiner = "或" if resolved.lang == "zh" else " or "
                return CreditOutcome(None, (), ("doc",),
                                     joiner.join(f"《{s.doc_title}》" for s in slas), slas[0])
        sla = slas[0]
        rules = {(s.prose.kind if s.prose else "", len(s.tables)) for s in slas}
        if len(rules) > 1:  # CMQ's old and new agreements pay differently: which one is asked
            joiner = "或" if resolved.lang == "zh" else " or "
            return CreditOutcome(None, (), ("doc",), joiner.join(f"《{s.doc_title}》" for s in slas),
                                 sla)
        query = resolved.query
        measured_otherwise = query.incidents_seconds or query.downtime_minutes is not None \
            or query.error_windows or query.instance_minutes or query.error_rate_sum
        said = " ".join((resolved.question, *resolved.earlier_questions))
        if sla.period.kind == "service_year" and not YEAR_TOLD.search(said):  # 智能创作: the
            # year's availability needs the whole year's downtime, not one month's
            return CreditOutcome(None, (), ("measurement",), _YEAR_ASK[resolved.lang], sla)
        if query.availability_pct is not None and not measured_otherwise \
                and _counting_kind(sla, None) != "success_rate" \
                and any(u.note == SUCCESS_RATE_NOTE for u in query.uses):
            return CreditOutcome(None, (), ("downtime",), _SUCCESS_RATE_ASK[resolved.lang], sla)
        if _fleet(sla) and query.fee_each and query.instances and query.monthly_fee is not None:
            resolved = _fee_of_all(resolved, query.instances)  # ECM 单价 380 元/台 × 4 台
        elif query.fee_each and (query.seats or 0) > 1 and query.monthly_fee is not None \
                and any(ALL_OF_THEM.search(t) for t in (resolved.question,
                                                        *resolved.earlier_questions)):
            resolved = _fee_of_all(resolved, query.seats or 0)  # 20 个实例 … 所有节点都连不上
        if resolved.query.instance_minutes and _fleet(sla):  # ECM: all instances' minutes
            query = resolved.query
            outages = tuple(s for each in query.instance_outages for s in each) \
                or tuple(int(m * 60) for m in query.instance_minutes)
            resolved = replace(resolved, query=replace(  # each instance's outage counted by rule
                query, instance_minutes=(), instance_outages=(), downtime_minutes=None,
                incidents_seconds=outages))
        if resolved.query.instance_minutes:
            return self._per_instance(resolved, sla)
        items = resolved.query.fee_items if not resolved.query.fee_each else None
        fee = resolved.query.monthly_fee
        if items and not _fleet(sla) and fee is not None and SAME_PRICE.search(resolved.question):
            each = (fee / items).quantize(Decimal("0.01"))  # 20 台共 16,000，价格都一样: 800 each
            note = f"{plain(fee)} 元 ÷ {items} 台 = 每台 {plain(each)} 元"
            resolved = replace(resolved, query=replace(
                resolved.query, monthly_fee=each, fee_items=None, fee_note=note,
                uses=tuple(replace(u, note=note) if u.role in ("monthly_fee", "fee_paid") else u
                           for u in resolved.query.uses)))
        elif resolved.query.fee_each and fee is not None \
                and (count := resolved.query.seats or 0) > 1 \
                and not _fleet(sla) and not resolved.query.instance_minutes \
                and not any(ONE_OF_THEM.search(t) for t in (resolved.question,
                                                           *resolved.earlier_questions[:1])):
            # 500 个终端，每个每月 30 块 / 20 seats at ¥79 each: all of them affected, or some?
            return CreditOutcome(None, (), ("monthly_fee",), _PRICE_EACH_ASK[resolved.lang].format(
                each=plain(fee), n=count, total=plain(fee * count)), sla)
        elif resolved.query.fee_each and fee is not None and not _fleet(sla) \
                and not resolved.query.instance_minutes and _count_taken_back(resolved.query) \
                and not any(ONE_OF_THEM.search(t) for t in (resolved.question,
                                                           *resolved.earlier_questions[:1])):
            # 3 instances (said, then corrected), each ¥1,200/month: how many were affected?
            return CreditOutcome(None, (), ("monthly_fee",), _EACH_COUNT_ASK[resolved.lang].format(
                each=plain(fee)), sla)
        elif items and not _fleet(sla):  # 3 台合计 4500: the SLA pays on the affected one's fee
            return CreditOutcome(None, (), ("monthly_fee",), _ITEMS_ASK[resolved.lang].format(
                items), sla)
        query = resolved.query
        if query.instances and query.instances > 1 and query.downtime_minutes is not None \
                and not query.incidents_seconds and not _fleet(sla) \
                and SUMMED.search(resolved.question) and not ONE_OF_THEM.search(
                    resolved.question):  # 3台加起来一共挂了12个小时: how it splits is not said
            return CreditOutcome(None, (), ("downtime",), _SPLIT_ASK[resolved.lang].format(
                query.instances), sla)
        scoped = self._scope(resolved, sla)
        if scoped is not None:
            return scoped
        few = _too_few_requests(resolved.query, sla.counting.min_requests_per_window)
        if few:  # 机器翻译: a minute counts only with at least 100 requests in it
            resolved = replace(resolved, query=replace(
                resolved.query, incidents_seconds=_without(resolved.query.incidents_seconds, few)))
        worked = "" if resolved.query.availability_pct is not None else \
            _part_that_worked(sla, resolved.question)  # an availability said is measured already
        if worked:  # 智能导诊: a minute counts only when the API and the console both fail
            resolved = replace(resolved, query=_without_worked(
                resolved.query, worked, normalize(resolved.question)))
        unsure = _part_unknown(sla, resolved.question)
        if unsure:  # "API 失败了 3 小时，控制台那会儿不知道能不能用": it decides whether they count
            return CreditOutcome(None, (), ("other_part",), _BOTH_ASK[resolved.lang].format(
                "、".join(sla.counting.all_of), unsure), sla)
        least = max(sla.counting.ignore_up_to_seconds, sla.counting.min_outage_minutes * 60)
        if least >= 180 and _total_of_several(resolved.query, resolved.question):
            return CreditOutcome(None, (), ("downtime",), _EACH_ASK[resolved.lang].format(
                least // 60), sla)  # 断了 5 次，一共 30 分钟: which of them count?
        runs = sla.counting.consecutive_windows
        if runs > 1 and _units_unplaced(resolved.query, resolved.question):  # EO: a 5-minute
            return CreditOutcome(None, (), ("downtime",), _RUNS_ASK[resolved.lang].format(
                runs, sla.counting.window_minutes), sla)  # point counts only 2 in a row
        if sla.counting.merge_gap_minutes and len(resolved.query.incidents_seconds) > 1:
            merged = _merged(resolved.query, sla.counting.merge_gap_minutes * 60)
            if merged is None:  # 代码签名证书: outages under 30 minutes apart are one
                return CreditOutcome(None, (), ("downtime",), _GAP_ASK[resolved.lang].format(
                    sla.counting.merge_gap_minutes), sla)
            resolved = replace(resolved, query=replace(resolved.query, incidents_seconds=merged))
        if sla.prose and sla.prose.kind == "failed_requests_multiple" \
                and resolved.query.failed_requests is None:  # 赔偿次数 = 失败请求数 × 10
            return CreditOutcome(None, (), ("failed_requests",), "", sla)
        window = sla.counting.bad_window  # 18 号有一个 5 分钟粒度错误率 7%, beside outages on
        counted = resolved.query.by_window_threshold(window.error_above) if window else None
        if counted is not None:  # other days: each window an outage or none, by its threshold
            resolved = replace(resolved, query=counted)
        apart = self._measures_apart(resolved, sla)
        if apart is not None:
            return apart
        breaches = _event_tiers(sla) if all(t.measure == "event" for t in sla.tables) else []
        if breaches and self.event_for(sla, resolved.question) is None:  # which: what each pays
            said = ("；" if resolved.lang == "zh" else "; ").join(
                f"{event}：{value}%" for event, value in breaches)
            return CreditOutcome(None, (), ("event",), _EVENT_ASK[resolved.lang].format(said), sla)
        try:
            request = self.request(resolved, sla)
            if resolved.query.error_rate_sum is not None and request.measurement() is None:
                return CreditOutcome(None, (), ("downtime",), _RATE_SUM_ASK[resolved.lang], sla)
            if _part_unplaced(sla, request):  # 控制台 counts exactly 5 minutes, 接口 does not
                names = "、".join(p.part for p in sla.counting.parts)
                return CreditOutcome(None, (), ("part",), _PART_ASK[resolved.lang].format(names),
                                     sla)
            undated = not request.month and request.measurement() in ("availability_pct",
                                                                      "requests")
            if undated and DEADLINE_ASKED.search(resolved.question):  # the window needs it
                return CreditOutcome(None, (), ("month",), "", sla)
            if undated:  # the tier does not depend on the month; the claim window does
                request = request.model_copy(update={"month": REFERENCE_MONTH})
            every_variant = request.variant is None and len(sla.variants(request.metric)) > 1
            if every_variant:
                request, which = _each_variant(sla, request, resolved.lang)
                if which:  # 读写实例 pays 15 %, 只读分析引擎 nothing: which one failed
                    return CreditOutcome(None, (), ("variant",), which, sla, whole=True)
            result = compute(sla, request)
            lower = _next_tier(sla, result, request) if NEXT_TIER.search(resolved.question) \
                and "measurement" in resolved.query.carried else None  # "and the next tier
            # down?": computed at that row's bound; "加上这次会不会掉到下一档" computes the outages
            if lower is not None:
                request, result = lower, compute(sla, lower)
            extra = resolved.query.what_if_seconds  # 要是再多挂一个小时呢: the longer outage apart
            longer = _longer(request, extra) if extra else None
            what_if = _what_if_note(result, compute(sla, longer), extra, resolved.lang) \
                if longer is not None and extra else None
            rough = self._rough(resolved, sla, request, result)
        except InputError as exc:
            return CreditOutcome(None, (), _missing_from(str(exc)),
                                 _engine_detail(str(exc), resolved.lang), sla)
        if rough:
            return CreditOutcome(None, (), ("downtime",), rough, sla)
        record = result.to_dict()
        ask: tuple[str, ...] = ("monthly_fee",) if _fee_needed(record, resolved) else \
            ("unit_price",) if _price_needed(record, request, resolved) else ()
        record["request"] = request.model_dump(mode="json", exclude_none=True)  # what was read
        if every_variant:  # no type said, and every type pays the same
            record["notes"] = [*record.get("notes", []), _SAME_FOR_ALL[resolved.lang]]
        variant, rule, _ = self.default_variant(sla, resolved.question)
        if variant and variant == request.variant:
            record["notes"] = [*record.get("notes", []), f"按协议“{rule}”取{variant}"]
        if lower is not None:
            record["notes"] = [*record.get("notes", []),
                               f"下一档：按该档的可用性 {lower.availability_pct:g}% 计算"]
        if what_if:
            record["notes"] = [*record.get("notes", []), what_if]
        if few:
            record["notes"] = [*record.get("notes", []), *(
                f"不可用 {minutes_text(Decimal(seconds) / 60, 'zh')}期间每分钟约 {plain(rate)} 次请求，少于协议要求的每分钟 "
                f"{sla.counting.min_requests_per_window} 次，不计入不可用分钟" for seconds, rate in few)]
        if worked:
            record["notes"] = [*record.get("notes", []), (
                f"协议要求{'与'.join(sla.counting.all_of)}同时不可用才计入不可用分钟；您说{worked}正常，"
                "故这段时间不计入")]
        if undated:
            record["claim_window"] = {"opens": None, "deadline": None}
            record["steps"] = [s for s in record.get("steps", []) if "申请" not in s]
            record["steps"].append("未给出月份：申请期限取决于未达标的月份，请按实际月份计算。")
        citations = tuple(Citation(**asdict(c)) for c in result.citations)
        query = resolved.query
        if request.instances is not None:
            query = replace(query, uses=tuple(replace(u, role="instance_count")
                                              if u.role == "instances" else u for u in query.uses))
        record["reading"] = [{"text": u.text, "role": u.role, "note": u.note} for u in query.uses]
        if ask:  # 能赔多少钱 with no fee: the share and its tier, and the fee asked for
            asked = _FEE_ASK if ask == ("monthly_fee",) else _PRICE_ASK
            return CreditOutcome(record, citations, ask, asked[resolved.lang], sla, query)
        return CreditOutcome(record, citations, sla=sla, query=query)

    def _measures_apart(self, resolved: Resolved, sla: SlaRule) -> CreditOutcome | None:
        """Two kinds of measurement in one question that lead to different availabilities
        (``APM 面板算出来可用性 99.80%，但…全失败的时间加起来只有 30 分钟``; windows' error rates on
        one day and an outage on another): the calculation takes one kind, so which counts is
        asked, never one dropped in silence. An availability that the outages give when rounded
        the way the user wrote it restates them; so do windows and outages on the same day."""
        query = resolved.query
        alone = {"windows": replace(query, incidents_seconds=(), downtime_minutes=None,
                                    availability_pct=None),
                 "outages": replace(query, error_windows=(), error_rate_sum=None,
                                    availability_pct=None),
                 "availability": replace(query, error_windows=(), error_rate_sum=None,
                                         incidents_seconds=(), downtime_minutes=None)}
        given = [kind for kind, present in (
            ("windows", bool(query.error_windows) or query.error_rate_sum is not None),
            ("outages", bool(query.incidents_seconds) or query.downtime_minutes is not None),
            ("availability", self._measured_availability(resolved))) if present]
        if len(given) < 2 or (given[:2] == ["windows", "outages"]
                              and self._same_day(resolved)):
            return None
        found: list[tuple[str, Decimal]] = []
        for kind in given:
            try:
                result = compute(sla, self.request(replace(resolved, query=alone[kind]), sla))
            except InputError:
                return None
            if result.availability_pct is None:
                return None
            found.append((kind, result.availability_pct))
        said = query.availability_pct
        if said is not None:
            places = max(0, -said.as_tuple().exponent)  # type: ignore[operator]
            found = [(kind, said if kind != "availability" and _rounds_to(a, said, places)
                      else a) for kind, a in found]
        if len({round(a, 2) for _, a in found}) == 1:
            return None
        lang = resolved.lang
        text = ("；" if lang == "zh" else "; ").join(
            _MEASURE_SAID[lang].format(MEASURE_WORDS[kind][lang], plain(round(a, 4)))
            for kind, a in found)
        return CreditOutcome(None, (), ("which_measure",), _APART_ASK[lang].format(text), sla)

    @staticmethod
    def _same_day(resolved: Resolved) -> bool:
        """Windows and an outage said on the same day, or with no day: one restates the other."""
        text = normalize(resolved.question)
        uses = resolved.query.uses
        days = {role: {_day_before(text, u.start) for u in uses if u.role == role}
                for role in ("error_windows", "incident")}
        said = resolved.question  # the reading turns "20:00 4%" rows into windows: the clocks
        points = [_minute(m) for m in CLOCK_POINT.finditer(said)]
        ranges = [(_minute(m), int(m.group(3)) * 60 + int(m.group(4)))
                  for m in CLOCK_RANGE.finditer(said)
                  if not UNITS_SAID.search(said, m.end(), m.end() + 30)]  # （8 个粒度都是 100%）
        if points and ranges and not any(start <= at <= end for at in points
                                         for start, end in ranges):
            return False  # 20:00 4%，20:01 8% … then 21:00 到 21:59: two times, not one restated
        return not all(days.values()) or None in days["error_windows"] | days["incident"] \
            or bool(days["error_windows"] & days["incident"])

    @staticmethod
    def _measured_availability(resolved: Resolved) -> bool:
        """An availability a tool measured (``APM 面板算出来可用性 99.80%``, ``our synthetic check
        says 99.46%``), not one the user believes or quotes (``客户认为约 99.7%``)."""
        return any(u.role == "availability" and MEASURED_BY.search(u.around)
                   for u in resolved.query.uses)

    def out_of_scope(self, resolved: Resolved) -> CreditOutcome | None:
        """The one named product's SLA does not cover the edition the question names (``单节点的
        nacos 有可用性承诺吗``): its scope clause, quoted; else None."""
        sla = self.sla_of(resolved.products[0]) if len(resolved.products) == 1 else None
        outcome = self._scope(resolved, sla) if sla is not None else None
        return outcome if outcome is not None and outcome.missing == ("out_of_scope",) else None

    @staticmethod
    def _scope(resolved: Resolved, sla: SlaRule) -> CreditOutcome | None:
        """An SLA that covers only some editions: a question naming only one it leaves out is
        told so with the clause; one naming none is asked which it is (a paying user is not on
        an edition the text calls free)."""
        scope = sla.scope
        if scope is None:
            return None
        said = " ".join([resolved.question, *resolved.earlier_questions[:1]]
                        if _same_subject(resolved) else [resolved.question])
        said += "".join(chinese for english, chinese in VARIANT_WORDS if english.search(said))
        for count in re.findall(r"(\d+)\s*(?:个)?\s*[- ]?(?:节点|nodes?\b)", said, re.I):
            said += {1: "单节点", 2: "双节点", 3: "三节点"}.get(int(count), "") + (
                "多节点" if int(count) > 1 else "")
        editions = set(EDITION.findall(said))
        if any(w in said for w in scope.covered) or (
                not scope.covered and editions - set(scope.excluded)):
            return None
        named = [w for w in scope.excluded if w.lower() in said.lower()] or (
            sorted(editions - set(scope.covered)) if scope.covered else [])
        worded = not scope.covered or SCOPE_NOT.search(scope.source.text) \
            or SCOPE_ONLY.search(scope.source.text)  # a list of what it leaves out is worded
        excluded = named if worded else []  # 单节点…不适用于本协议 / 仅适用于高可用版
        implied = [] if worded else named  # 高级版和专业版可用性不低于…: of 个人版 it says nothing
        if not excluded and not implied and not scope.ask_when_unnamed:  # 基础版 of a 仅适用于
            return None  # 高可用版 agreement: no commitment is given for it
        zh = resolved.lang == "zh"
        cite = Citation(**asdict(CalculatorCitation.of(sla, scope.source)))
        if excluded:
            text = (f"《{sla.doc_title}》不适用于{'、'.join(excluded)}：“{scope.source.text}”[1]"
                    if zh else f"《{sla.doc_title}》 does not cover {', '.join(excluded)}: "
                    f"“{scope.source.text}” [1]")
            return CreditOutcome(None, (cite,), ("out_of_scope",), text, sla)
        if implied:
            covered = "、".join(scope.covered)
            text = (f"《{sla.doc_title}》只适用于{covered}，没有给{'、'.join(implied)}任何承诺："
                    f"“{scope.source.text}”[1]" if zh else
                    f"《{sla.doc_title}》 covers only {', '.join(scope.covered)}; it sets no "
                    f"commitment for {', '.join(implied)}: “{scope.source.text}” [1]")
            return CreditOutcome(None, (cite,), ("out_of_scope",), text, sla, stated=False)
        paying = resolved.query.monthly_fee is not None or resolved.query.annual_fee is not None
        if not scope.covered and paying and set(scope.excluded) <= set(scope.free):
            return None
        options = "、".join(scope.covered) or f"非{'、'.join(scope.excluded)}"
        text = (f"本协议只覆盖部分版本（{options}），请告诉我您的实例是哪种"
                if zh else f"this agreement covers only some editions ({options}); which is yours")
        return CreditOutcome(None, (), ("variant",), text, sla)

    @staticmethod
    def _rough(resolved: Resolved, sla: SlaRule, request: CreditRequest,
               result: CreditResult) -> str:
        """Outages said roughly (``大概 5 分钟左右``) are computed 20 % shorter and longer as
        well (the exact ones beside them as said, so an SLA's shortest counted outage still
        applies to each); when that changes what is paid, the exact lengths are asked for."""
        if not resolved.query.rough or not (request.incidents_seconds
                                            or request.availability_pct is not None):
            return ""
        outcomes = {}
        rough = _said_roughly(request.incidents_seconds or (), resolved.query.rough_seconds)
        for factor in (0.8, 1.2):  # only the lengths said roughly (大概 3 分钟 beside 42 分钟)
            update: dict[str, object] = {"incidents_seconds": [
                s * factor if r else s for s, r in zip(request.incidents_seconds, rough)]} \
                if request.incidents_seconds \
                else {"availability_pct": str(100 - (100 - Decimal(str(
                    request.availability_pct))) * Decimal(str(factor)))}  # the share down ±20 %
            other = compute(sla, request.model_copy(update=update))
            outcomes[factor] = (other.eligible, other.credit_pct, other.tier)
        if all(o == (result.eligible, result.credit_pct, result.tier) for o in outcomes.values()):
            return ""
        if resolved.lang == "zh":  # a tier paid in service time or counts is named by its row
            paid = {f: ("不赔" if not o[0] else f"赔 {o[1]}%" if o[1] is not None
                        else f"按「{o[2]}」赔") for f, o in outcomes.items()}
            if not request.incidents_seconds:
                return (f"可用性是估计的，而赔偿取决于确切数值：不可用时间少 20% 则{paid[0.8]}，"
                        f"多 20% 则{paid[1.2]}；请给出确切的可用性或不可用时长。")
            return (f"中断时长是估计的，而赔偿取决于确切时长：短 20% 则{paid[0.8]}，长 20% 则"
                    f"{paid[1.2]}；请给出每次中断的确切时长。")
        paid = {f: ("nothing" if not o[0] else f"{o[1]}%" if o[1] is not None
                    else f"the tier “{o[2]}”") for f, o in outcomes.items()}
        if not request.incidents_seconds:
            return (f"the availability was given roughly and the credit depends on it: 20% less "
                    f"downtime pays {paid[0.8]}, 20% more pays {paid[1.2]}; give the exact "
                    "availability or downtime.")
        return (f"the outage lengths were given roughly and the credit depends on them: 20% "
                f"shorter pays {paid[0.8]}, 20% longer pays {paid[1.2]}; give each outage's exact "
                "length (downtime).")

    def _per_instance(self, resolved: Resolved, sla: SlaRule) -> CreditOutcome:
        """Downtime said per instance: each instance has its own availability and fee, so the
        outcome of each is shown, never a sum of downtimes. With each instance's own fee said
        (每台 120 元/月) each is computed and the one paying most is the result shown in full;
        otherwise the fee of each is asked for."""
        if resolved.query.fee_each and resolved.query.monthly_fee is not None:
            return self._each_instance(resolved)
        lines, paying, zh = [], [], resolved.lang == "zh"
        for i, minutes in enumerate(resolved.query.instance_minutes, start=1):
            query = _one_instance(resolved.query, i - 1)
            request = self.request(replace(resolved, query=query), sla)
            try:
                result = compute(sla, request)
            except InputError as exc:
                return CreditOutcome(None, (), _missing_from(str(exc)),
                                     _engine_detail(str(exc), resolved.lang), sla)
            pct = f"{result.availability_pct:.4f}%" if result.availability_pct is not None else "—"
            if zh:
                paid = f"赔 {result.credit_pct}%" if result.eligible else "不赔"
                lines.append(f"实例{i}：不可用 {minutes_text(minutes, 'zh')} → 可用性 {pct}，{paid}")
            else:
                paid = f"{result.credit_pct}% of its fee" if result.eligible else "nothing"
                lines.append(f"instance {i}: {minutes_text(minutes, 'en')} down → {pct}, {paid}")
            if result.eligible:
                paying.append(i - 1)
        asked = resolved.query.instance_asked
        one_fee = resolved.query.monthly_fee is not None and not resolved.query.fee_items \
            and not resolved.query.fee_sum  # not a sum over them
        if one_fee and (len(paying) == 1 or asked is not None):
            # one qualifies, or the fee is said of one named: the one fee said is that one's
            at = asked if asked is not None else paying[0]
            outcome = self.run(replace(resolved, query=_one_instance(resolved.query, at)))
            why = (f"按给出的月费计算实例{at + 1}：" if asked is not None
                   else "只有一个实例达到赔偿条件，按给出的月费计算：") if zh else (
                f"computed for instance {at + 1} on the fee given:" if asked is not None
                else "Only one qualifies; computed on the fee given:")
            message = ("按实例分别计算（每个实例单独核算可用性）：" + "；".join(lines) + "。" + why) \
                if zh else "Each instance is counted on its own: " + "; ".join(lines) + ". " + why
            return replace(outcome, message=message, query=resolved.query) \
                if outcome.result is not None else outcome
        message = ("按实例分别计算（每个实例单独核算可用性，不能把各实例的时长相加）："
                   + "；".join(lines) + "。请告诉我每个实例各自的月度服务费。") if zh else (
            "Each instance is counted on its own (its downtimes are never added up): "
            + "; ".join(lines) + ". Tell me each instance's own monthly fee.")
        return CreditOutcome(None, (), ("per_instance_fee",), message, sla, whole=True)


    def _each_instance(self, resolved: Resolved) -> CreditOutcome:
        outcomes = [self.run(replace(resolved, query=_one_instance(resolved.query, i)))
                    for i in range(len(resolved.query.instance_minutes))]
        if any(o.result is None for o in outcomes):
            return next(o for o in outcomes if o.result is None)
        zh = resolved.lang == "zh"
        lines = []
        for i, (minutes, o) in enumerate(zip(resolved.query.instance_minutes, outcomes), 1):
            r = o.result or {}
            pct = f"{r['availability_pct']:.4f}%" if r.get("availability_pct") is not None else "—"
            amount = r.get("credit_amount")
            owed = kind_words(r.get("compensation") or {}, resolved.lang) if amount is None \
                else (f"{amount} 元" if zh else f"{amount} CNY")  # a share, days or minutes
            paid = (f"赔 {owed}" if zh else owed) if r.get("eligible") else (
                "不赔" if zh else "nothing")
            lines.append(f"实例{i}：{minutes_text(minutes, 'zh')} → {pct}，{paid}" if zh
                         else f"instance {i}: {minutes_text(minutes, 'en')} → {pct}, {paid}")
        total = sum(Decimal(str((o.result or {}).get("credit_amount") or 0)) for o in outcomes)
        best = max(outcomes, key=lambda o: Decimal(str((o.result or {}).get("credit_amount") or 0)))
        message = ("按实例分别计算（每个实例单独核算，按各自的月费）：" + "；".join(lines)
                   + f"。合计 {total:.2f} 元。下面是赔得最多的那个实例的计算：") if zh else (
            "Each instance is counted on its own (its own availability and fee): "
            + "; ".join(lines) + f". Total {total:.2f} CNY. The instance paying most, in full:")
        return replace(best, message=message, query=resolved.query)


DEADLINE_ASKED = re.compile(
    r"最晚|截止|期限|哪天|什么时候(?:能|可以)?(?:申请|提)|申请时间|何时申请|deadline|by when|claim window"
    r"|when (?:can|should|do|must) (?:we|i) (?:file|claim|apply|submit)|when to (?:file|claim)"
    r"|(?:last|final|latest) (?:day|date)|(?:file|claim|apply|submit) by\b"
    r"|how long (?:do|have) (?:we|i)",
    re.I)
MONEY_ASKED = re.compile(r"多少钱|赔多少|赔偿多少|补偿多少|能赔几|多少代金券|金额|how much|what (?:credit|do we get)"
                         r"|what can we claim|credit\?|赔了?啥|能拿多少|拿回多少|\bamount\b|\bvouchers?\b",
                         re.I)
SHARE_ASKED = re.compile(r"百分之几|几成|比例|百分比|哪一?档|what percent|which tier|what share|what %|% credit"
                         r"|no billing|暂未提供费用|没有费用信息|费用信息", re.I)
_FEE_ASK = {"zh": "要算出赔偿金额，还需要这个月该服务的费用（实付金额）。",
            "en": "To give the amount, I need what the service cost that month (the amount paid)."}
_PRICE_ASK = {"zh": "要算出能补多少，还需要单条（单封）的刊例价（按量付费的单价）。",
              "en": "To give the count, I need the list price of one (the pay-as-you-go unit "
                    "price)."}
_ITEMS_ASK = {"zh": "给出的月费是 {} 个实例的合计；协议按单个实例计算，请给出出故障那一个自己的月费",
              "en": "the fee given is the sum over {} instances; the agreement counts each instance "
                    "on its own fee: give the affected one's monthly fee"}
SAME_PRICE = re.compile(r"same price|same (?:spec|size)[^.;。；]{0,20}price|(?:价格|单价|规格和价格)(?:都|也)?一样"
                        r"|同样(?:的)?价格|单价相同|每台(?:都)?一样", re.I)  # the sum split evenly
SUMMED = re.compile(r"加起来|合计|总共|加在一起|combined|altogether|between them|in total", re.I)
ONE_OF_THEM = re.compile(r"其中|这台|那台|其余|其他.{0,6}正常|one of (?:them|the)|only one|the others",
                         re.I)
ALL_OF_THEM = re.compile(r"所有(?:的)?(?:实例|节点|机器|服务器)|全部(?:的)?(?:实例|节点|机器|服务器)|(?:实例|节点)全(?:部)?(?:挂|断|宕)"
                         r"|业务全停|all (?:of )?(?:the |our )?(?:instances|nodes|servers|machines)"
                         r"|every (?:instance|node|server)", re.I)  # 所有节点都连不上: the whole fleet
_PRICE_EACH_ASK = {"zh": "您给的是单价（每个 {each} 元 × {n} 个 = {total} 元）；协议按出故障的服务当月实际支付的费用"
                         "计算：是这 {n} 个都受影响（按 {total} 元），还是只有其中几个？请说明",
             "en": "you gave a price each ({each} CNY × {n} = {total} CNY); the agreement pays "
                   "on what the affected service cost that month: were all {n} affected (then "
                   "{total} CNY), or only some of them?"}
_EACH_COUNT_ASK = {"zh": "您给的是每个实例的单价（{each} 元）；协议按出故障的服务当月实际支付的费用计算：一共几个实例受了影响？"
                        "请说明",
                  "en": "you gave a price per instance ({each} CNY); the agreement pays on what "
                        "the affected service cost that month: how many instances were affected?"}


def _count_taken_back(query: CreditQuery) -> bool:
    """Whether a number of instances was said and taken back (``2 instances… sorry, 3``): how
    many the price each is for is then not read with certainty."""
    return any(u.role == "instances" and any(c.role == "corrected" and c.start > u.start
                                             for c in query.uses) for u in query.uses)


_SPLIT_ASK = {"zh": "给出的不可用时长是 {} 个实例加起来的；协议按单个实例计算可用性，请给出出故障的每个实例各自不可用了多久",
              "en": "the downtime given is the total over {} instances; the agreement counts each "
                    "instance on its own: give how long each affected instance was unavailable"}
_SAME_FOR_ALL = {"zh": "未说明类型：协议各类型的结果相同", "en": "no type said: every type the "
                 "agreement names gives the same result"}
_VARIANT_ASK = {"zh": "协议对不同{}分别承诺，按您给的数据结果不同——出问题的是哪一种？\n{}",
                "en": "the agreement sets a different commitment per {}, and with your figures "
                      "they pay differently — which one failed?\n{}"}


def _each_variant(sla: SlaRule, request: CreditRequest, lang: str
                  ) -> tuple[CreditRequest, str]:
    """A request naming none of the SLA's variants, computed for each: when every variant
    pays the same, the request (with the first) and no question; else the request unchanged
    and the question naming each variant with what it would pay."""
    results = []
    for variant in sla.variants(request.metric):
        trial = request.model_copy(update={"variant": variant})
        try:
            results.append((variant, trial, compute(sla, trial)))
        except InputError:
            return request, ""
    paid = {(r.eligible, r.credit_pct, r.credit_amount) for _, _, r in results}
    if len(paid) == 1:
        return results[0][1], ""
    zh = lang == "zh"
    lines = []
    for variant, _, result in results:
        pct = f"{result.availability_pct:.4f}%" if result.availability_pct is not None else "—"
        amount = f"（{plain(result.credit_amount)} 元）" if zh and result.credit_amount else \
            f" (¥{plain(result.credit_amount)})" if result.credit_amount else ""
        paid_text = (f"赔 {result.credit_pct}%{amount}" if zh else
                     f"{result.credit_pct}% of the fee{amount}") if result.eligible else \
            ("不赔" if zh else "nothing")
        lines.append(f"• {variant}：可用性 {pct}，{paid_text}" if zh else
                     f"• {variant}: availability {pct} → {paid_text}")
    kind = "类型" if zh else "type"
    return request, _VARIANT_ASK[lang].format(kind, "\n".join(lines))


_EVENT_ASK = {"zh": "协议对不同的违约情形赔付不同（{}）：请说明是哪一种",
              "en": "the agreement pays differently for each breach ({}): say which one it was"}


def _event_tiers(sla: SlaRule) -> list[tuple[str, str]]:
    """The breach events an event-based SLA pays for, each with its share."""
    return [(t.event, str(t.value)) for table in sla.tables for t in table.tiers if t.event]


_PART_ASK = {"zh": "协议对{}的不可用分别规定了计入门槛，正好在门槛上的那次中断计法不同：请说明每次中断是哪一部分",
             "en": "the agreement sets its own threshold for each of {}, and an outage right at the "
                   "threshold counts differently: say which part each outage was in"}
MEASURE_WORDS = {"windows": {"zh": "按各统计窗口的错误率", "en": "from the windows' error rates"},
                 "outages": {"zh": "按中断时长", "en": "from the outage lengths"},
                 "availability": {"zh": "按您给的可用性", "en": "the availability you gave"}}
_MEASURE_SAID = {"zh": "{}：可用性 {}%", "en": "{}: availability {}%"}
_APART_ASK = {"zh": "您给的两类数据算出的可用性不一致（{}），一次只能按一类计算：请给出当月全部不可用时间的合计，"
                    "或确认以哪一类为准",
              "en": "the figures you gave lead to different availabilities ({}), and the "
                    "calculation takes one kind: give the month's total downtime, or say which "
                    "one counts"}


DAY_SAID = re.compile(r"(\d{1,2})\s*[号日]|(?<![\d:])\d{1,2}/(\d{1,2})(?![\d/:])"
                      r"|\b(?:on|the)\s+(\d{1,2})(?:st|nd|rd|th)\b"
                      r"|\b[A-Z][a-z]{2,8}\.?\s+(\d{1,2})\b")  # 7 月 21 号, 7/21, on the 21st, Oct 21


def _title_said(question: str, slas: list[SlaRule]) -> SlaRule | None:
    """Of one product's agreements (CMQ's ``消息队列 CMQ 版`` and ``消息队列 CMQ``), the one whose
    title's end the question says in words no other of the titles has (``CMQ 版``); None when
    what is said fits them all (``CMQ``); an English ``edition`` is ``版`` (``CMQ edition``)."""
    said = re.sub(r"\s", "", re.sub(r"\s*\b(?:edition|version)\b", "版", question, flags=re.I))
    cores = {s.doc_line: re.sub(r"\s", "", re.sub(r"服务等级协议$", "", s.doc_title)) for s in slas}
    named: list[SlaRule] = []
    set_aside: list[SlaRule] = []
    for sla in slas:
        core = cores[sla.doc_line]
        tail = next((core[-n:] for n in range(len(core), 1, -1) if core[-n:] in said), "")
        if tail and not any(tail in other for line, other in cores.items() if line != sla.doc_line):
            negated = NOT_THIS.search(said[max(0, said.index(tail) - 14):said.index(tail)])
            (set_aside if negated else named).append(sla)  # 不是 TDMQ 里的 CMQ 版: the other one
    if not named and len(set_aside) == 1 and len(slas) == 2:
        return next(s for s in slas if s is not set_aside[0])
    return named[0] if len(named) == 1 else None


NOT_THIS = re.compile(r"不是|并非|而非|not(?!h)|rather ?than", re.I)  # spaces taken out: "It'snotthe…"


def _rounds_to(exact: Decimal, said: Decimal, places: int) -> bool:
    """Whether ``said`` is ``exact`` rounded half up or truncated to ``places`` decimals."""
    step = Decimal(1).scaleb(-places)
    return said in (exact.quantize(step, ROUND_HALF_UP), exact.quantize(step, ROUND_DOWN))


CLOCK = r"(?<!\d)([01]?\d|2[0-3]):([0-5]\d)(?!\d)"
CLOCK_POINT = re.compile(rf"{CLOCK}\s*[:：|,，]?\s*\d+(?:\.\d+)?\s*[%％]")  # 20:01 8%
CLOCK_RANGE = re.compile(rf"{CLOCK}\s*(?:到|至|-|–|—|~|～|to)\s*{CLOCK}")  # 21:00 到 21:59
UNITS_SAID = re.compile(r"\d+\s*个?\s*(?:粒度|窗口|统计点|点|周期)|\d+\s*(?:windows|buckets|points)", re.I)


def _minute(match: re.Match[str]) -> int:
    return int(match.group(1)) * 60 + int(match.group(2))


def _day_before(text: str, at: int) -> str | None:
    """The day of the month said last before ``at`` (``7 月 21 号``, ``Oct 13``), if any."""
    found = list(DAY_SAID.finditer(text, 0, at))
    return next((g for g in found[-1].groups() if g), None) if found else None


_BOTH_ASK = {"zh": "协议只在{}同时不可用时才计入不可用时间：当时{}也不可用吗？",
             "en": "the agreement counts a minute only when {} all fail: was the {} down too?"}
_RATE_SUM_ASK = {
    "zh": "这份协议不按各统计窗口错误率的平均值计算可用性，错误率之和算不出它：请给出不可用的时长（或每次中断的起止时间）",
    "en": "this agreement does not average the windows' error rates, so their sum does not give "
          "its availability: how long was the service unavailable (or each outage's start and "
          "end)?"}
YEAR_TOLD = re.compile(  # the whole service year's downtime said, not one month's
    r"(?:这一?年|一年里|服务年度(?:里|内)?|全年|整年|this (?:service )?year|in the (?:service )?year"
    r"|over the (?:whole )?year)[^。；;.]{0,16}?(?:累计|一共|合计|总共|加起来|只有|就|in total|total"
    r"|altogether|only)|only (?:one|two) other outages?|no other outages?|就这(?:一|几)次", re.I)
_YEAR_ASK = {
    "zh": "这份协议按服务年度（开通日起的每 12 个月）计算可用性：请给出这个服务年度内全部不可用时间的合计，"
          "不只是这个月的",
    "en": "this agreement measures availability over the service year (each 12 months from the "
          "start date): please give the whole service year's downtime, not only this month's"}
_SUCCESS_RATE_ASK = {
    "zh": "这份协议的可用性按不可用时长计算，不是请求成功率：请给出不可用的时长（或每次中断的起止时间）",
    "en": "this agreement counts availability by the time the service was unavailable, not by a "
          "success rate: how long was it unavailable (or each outage's start and end)?"}
_EACH_ASK = {
    "zh": "协议只计入持续超过 {} 分钟的不可用，只有合计时长算不出哪些计入：请给出每次中断的时长（或起止时间）",
    "en": "the agreement counts only outages longer than {} minutes, so a total alone does not "
          "say which count: how long was each outage (or its start and end)?"}
_RUNS_ASK = {"zh": "协议只在连续 {} 个 {} 分钟统计点都超标时才计入不可用，只有统计点的个数算不出哪些计入："
                    "请给出连续超标的各段（起止时间或各段的点数）",
             "en": "the agreement counts a statistics point only when {} {}-minute points in a row "
                   "are over the threshold, so a count of points alone does not say which count: "
                   "give each run of points over it (its start and end, or how many in a row)"}
_GAP_ASK = {"zh": "协议把间隔少于 {} 分钟的相邻两次不可用算作一次：请给出每次中断的起止时间",
            "en": "the agreement counts outages less than {} minutes apart as one: give each "
                  "outage's start and end time"}


IN_A_ROW = re.compile(r"连续|连着|in a row|consecutive|back[- ]to[- ]back", re.I)
NOT_KNOWN_IN_A_ROW = re.compile(r"(?:没|未|不知道|不清楚|不确定)[^，,。；;]{0,8}(?:连续|连着)"
                                r"|(?:not sure|didn'?t check|don'?t know)[^,.;]{0,30}"
                                r"(?:in a row|consecutive)", re.I)


def _units_unplaced(query: CreditQuery, question: str) -> bool:
    """Statistics points said only as a count (``41 个 5 分钟统计点错误率超过了 0.1%``), none
    said to run on from another (``我没细看哪些是前后连着的``): the SLA counts only runs of them."""
    return any(u.role == "unit_count" for u in query.uses) and not query.incidents_seconds \
        and (not IN_A_ROW.search(question) or bool(NOT_KNOWN_IN_A_ROW.search(question)))


def _merged(query: CreditQuery, gap: int) -> tuple[int, ...] | None:
    """Outages less than ``gap`` seconds apart joined into one (their lengths added), from the
    gaps between the clock ranges said; None when how far apart they were is not known."""
    if len(query.range_gaps) != len(query.incidents_seconds) - 1:
        return None
    merged = [query.incidents_seconds[0]]
    for seconds, apart in zip(query.incidents_seconds[1:], query.range_gaps):
        if apart < gap:
            merged[-1] += seconds
        else:
            merged.append(seconds)
    return tuple(merged)


MINUTES_ROLES = {"downtime", "incident", "unit_count", "instance_downtime"}
CONSOLE = r"控制台|管理台|console"
PARTS = {"接口": r"接口|\bAPIs?\b", "控制台": CONSOLE, "管理台": CONSOLE}
PART_WORKED = (r"(?<![不没未无])(?:正常|可用(?![性率])|能用|没问题|没事|好好的)|kept working|was fine"
               r"|(?<!n't )(?<!not )worked|was up|stayed up|was available|was working|no issues?"
               r"|unaffected|was ok")
PART_FAILED = r"失败|(?<!可用)不可用|(?<!能)不能用|挂|故障|报错|fail|down|error|unavailable"  # not 能不能用


def _part_unplaced(sla: SlaRule, request: CreditRequest) -> bool:
    """An outage at a threshold the SLA's parts count differently, with no part said."""
    seconds = request.incidents_seconds or []
    parts = request.incident_parts or [None] * len(seconds)
    return bool(sla.counting.parts) and any(
        part is None and parts_disagree(sla.counting, Decimal(str(s)))
        for s, part in zip(seconds, parts, strict=False))


def _incident_parts(sla: SlaRule, query: CreditQuery, text: str) -> list[str | None] | None:
    """For an SLA whose parts count by thresholds of their own (终端性能监控), the part each
    outage was said of: the part named last before it in its sentence (``控制台故障两次，一次
    正好 5 分钟…；上报接口故障两次…``). None where that does not account for every outage (the
    stage then asks which part an outage at the threshold was in)."""
    if not sla.counting.parts:
        return None
    names = {p.part: PARTS.get(p.part, p.part) for p in sla.counting.parts}
    said: list[tuple[int, str | None]] = []
    for use in (u for u in query.uses if u.role == "incident"):
        sentence = text[:use.start]
        sentence = sentence[max(sentence.rfind(c) for c in "。；;!?！？\n") + 1:]
        named = [(m.end(), part) for part, pattern in names.items()
                 for m in re.finditer(pattern, sentence, re.I)]
        said += [(seconds, max(named)[1] if named else None)
                 for seconds in duration_seconds(use.text)]
    if sorted(s for s, _ in said) != sorted(query.incidents_seconds):
        return None
    parts = []
    for seconds in query.incidents_seconds:
        at = next(i for i, (s, _) in enumerate(said) if s == seconds)
        parts.append(said.pop(at)[1])
    return parts


PART_UNKNOWN = r"不知道|不清楚|没人(?:去)?看|没注意|没留意|不确定|didn'?t check|not sure|no idea|unknown"


def _too_few_requests(query: CreditQuery, least: int) -> tuple[tuple[int, Decimal], ...]:
    """The outages said with fewer requests a minute than the SLA counts (``01:00–03:00 at
    about 40 requests/min`` where a minute needs 100), each once."""
    if not least:
        return ()
    return tuple((seconds, rate) for seconds, rate in query.incident_rates
                 if rate < least and seconds in query.incidents_seconds)


def _without(outages: tuple[int, ...], gone: tuple[tuple[int, Decimal], ...]) -> tuple[int, ...]:
    left = list(outages)
    for seconds, _ in gone:
        if seconds in left:
            left.remove(seconds)
    return tuple(left)


def _one_instance(query: CreditQuery, i: int) -> CreditQuery:
    """The query for instance ``i`` alone: its own outages, each counted by the SLA's rules, or
    its downtime as said (``一台 600 分钟``)."""
    outages = query.instance_outages[i] if i < len(query.instance_outages) else ()
    return replace(query, instance_minutes=(), instance_outages=(), incidents_seconds=outages,
                   downtime_minutes=None if outages else query.instance_minutes[i])


def _price_needed(record: dict[str, Any], request: CreditRequest, resolved: Resolved) -> bool:
    """Whether a credit paid as a count (emails, messages) is asked for as a count, with the
    fee given but not the list price of one that turns the fee's share into a count."""
    compensation = record.get("compensation") or {}
    return bool(record.get("eligible")) and compensation.get("value") is None \
        and str(compensation.get("kind", "")).endswith("_count") and request.unit_price is None \
        and request.monthly_fee is not None and bool(COUNT_ASKED.search(resolved.question))


COUNT_ASKED = re.compile(r"多少|几[封条次个]|how many|how much", re.I)


def _fee_needed(record: dict[str, Any], resolved: Resolved) -> bool:
    """Whether the question asks for an amount of money that a share of the fee pays, with no
    fee said (a share asked for, or a credit in days or requests, is answered as it is)."""
    compensation = record.get("compensation") or {}
    if not record.get("eligible") or record.get("credit_amount") is not None \
            or not str(compensation.get("kind", "")).startswith("voucher_"):  # paid in money
        return False
    asked = [resolved.question, *resolved.earlier_questions[:1]] if resolved.is_follow_up \
        else [resolved.question]
    return any(MONEY_ASKED.search(q) for q in asked) and not SHARE_ASKED.search(resolved.question) \
        and not AMOUNT_WAIVED.search(resolved.question)


AMOUNT_WAIVED = re.compile(r"先不算钱|不用算(?:钱|金额)|不需要金额|金额先不"  # only the dates wanted
                           r"|(?:don't|do not|no) need the amount|not (?:asking|after) the amount",
                           re.I)


def _part_said(sla: SlaRule, question: str, state: str) -> str:
    """For an SLA that counts a minute only when all its parts fail, the part the question says
    is in ``state`` (PART_WORKED: ``the console kept working``; PART_UNKNOWN: ``控制台那会儿没人去
    看，不知道能不能用``), else ''."""
    for part in sla.counting.all_of:
        if re.search(_state_pattern(part, state), question, re.I):
            return part
    return ""


def _part_that_worked(sla: SlaRule, question: str) -> str:
    return _part_said(sla, question, PART_WORKED)


SEVERAL_OUTAGES = re.compile(
    r"好几次|几次|多次|数次|\b(?:several|multiple|a few|many)\s+(?:\w+\s+)?"
    r"(?:times|outages|disconnects|drops|incidents|interruptions|blips)"
    r"|\d+\s*(?:or\s+\d+\s+)?(?:\w+\s+)?(?:outages|disconnects|drops|incidents|interruptions|blips)\b",
    re.I)


def _total_of_several(query: CreditQuery, question: str) -> bool:
    """A total downtime said over several outages, none of them timed (``断了 5 次，一共 30
    分钟``, "9 or 10 short disconnects, 30 minutes all in all")."""
    if query.downtime_minutes is None or query.incidents_seconds \
            or any(u.role == "unit_count" for u in query.uses):
        return False
    counts = [int(n) for u in query.uses if u.role == "outage_count"
              for n in re.findall(r"\d+", u.text)[:1]]
    return max(counts, default=0) > 1 or bool(SEVERAL_OUTAGES.search(question))


def _part_unknown(sla: SlaRule, question: str) -> str:
    return _part_said(sla, question, PART_UNKNOWN)


def _state_pattern(part: str, state: str) -> str:
    """``part`` then its ``state`` in one clause, with no failure said between them (``API 和管理台
    全部失败（其余时间正常）`` says nothing of a part that worked)."""
    gap = rf"(?:(?!{PART_FAILED})[^，,。；;.!?（()）]){{0,24}}?"
    return rf"(?:{PARTS.get(part, part)}){gap}(?:{state})"


def _without_worked(query: CreditQuery, part: str, text: str) -> CreditQuery:
    """The outages said in a sentence where ``part`` kept working no longer count (``11 号 API
    挂了 2 小时，不过管理台是正常的；20 号一起挂了 40 分钟`` keeps the 40 minutes). ``text`` is
    the question as read (the uses' positions are in it)."""
    worked = [m.span() for m in re.finditer(r"[^。；;!?！？\n]+", text)
              if re.search(_state_pattern(part, PART_WORKED), m.group(0), re.I)]
    minutes = [u for u in query.uses if u.role in MINUTES_ROLES]
    gone = [u for u in minutes if any(a <= u.start < b for a, b in worked)] or minutes
    if len(gone) == len(minutes):  # said of the whole outage ("…2 hours; the console was fine")
        incidents: tuple[int, ...] = ()
        downtime: Decimal | None = Decimal(0)
    else:
        left = list(query.incidents_seconds)
        for use in gone:
            for seconds in duration_seconds(use.text):
                if seconds in left:
                    left.remove(seconds)
        incidents, downtime = tuple(left), query.downtime_minutes
    return replace(query, incidents_seconds=incidents, downtime_minutes=downtime,
                   uses=tuple(replace(u, role="not_counted") if u in gone else u
                              for u in query.uses))


def _same_subject(resolved: Resolved) -> bool:
    """Whether a follow-up asks about the earlier question's product, so the metric and
    variant said there still hold (``那 KeeWiDB 呢？`` after Tendis 多可用区 does not keep the
    Tendis variant); an answer to the assistant's own question (``好的 我翻了下监控：…``) goes
    on with the product its first turn named."""
    return bool(resolved.earlier_questions) and (
        resolved.same_product or not resolved.products)


def _variants_named(variants: list[str], asked: str, joins: str = "/") -> list[str]:
    """The variants the (normalised) question names, by their whole name or a part of it
    between ``joins`` (``云盘版/本地盘版``)."""
    return [v for v in variants
            if any(_named(_norm(alt), asked) for alt in (v, *re.split(f"[{joins}]", v)))]


def _named(variant: str, asked: str) -> bool:
    """Whether the question names the variant; a one-character name (金, 银) not as part of
    another word (实付金额, 银行, 代金券)."""
    if not variant:
        return False
    if len(variant) > 1:
        return variant in asked
    return bool(re.search(rf"(?<![代现押资租奖基税罚])"  # 代金券 / 现金: no variant named
                          rf"{re.escape(variant)}(?!额|融|钱|币|库|行|卡|条|属|券)", asked))


NEXT_TIER = re.compile(r"next tier|tier (?:down|below)|lower tier|下一档|再低一档|低一档|下一个档", re.I)


def _next_tier(sla: SlaRule, result: CreditResult, request: CreditRequest) -> CreditRequest | None:
    """The request moved to the row below the one ``result`` fell in: availability at that
    row's own bound (its lower one where it includes it), so the row and what it pays are
    the calculator's, as for any availability."""
    rows = list(choose_table(sla, request).tiers)
    at = next((i for i, row in enumerate(rows) if row.text == result.tier), None)
    if at is None or at + 1 >= len(rows):
        return None
    row = rows[at + 1]
    value = row.lower if row.lower is not None and row.lower_inclusive else (
        row.upper - Decimal("0.01") if row.upper is not None else None)
    if value is None:
        return None
    return request.model_copy(update={
        "availability_pct": float(value), "downtime_minutes": None, "incidents_seconds": None,
        "total_requests": None, "failed_requests": None, "error_windows": None})


def _longer(request: CreditRequest, seconds: int) -> CreditRequest | None:
    """The request with its outage ``seconds`` longer (the longest one, where several are
    said); None when it was measured otherwise (an availability said, requests)."""
    if request.incidents_seconds:
        outages = list(request.incidents_seconds)
        outages[outages.index(max(outages))] += seconds
        return request.model_copy(update={"incidents_seconds": outages})
    if request.downtime_minutes is not None:
        minutes = Decimal(str(request.downtime_minutes)) + Decimal(seconds) / 60
        return request.model_copy(update={"downtime_minutes": str(minutes)})
    return None


def _what_if_note(result: CreditResult, longer: CreditResult, seconds: int, lang: str) -> str:
    """``若再多 60 分钟：可用性 97.7778%，同一档，赔偿不变``: what the longer outage would pay."""
    zh = lang == "zh"
    extra = minutes_text(Decimal(seconds) / 60, lang)
    shown = longer.availability_pct
    said = f"{shown.quantize(Decimal('0.0001'), ROUND_HALF_UP)}%" if shown is not None else ""
    if not longer.eligible:
        pays = "不赔" if zh else "no credit"
    elif longer.tier == result.tier:
        pays = "同一档，赔偿不变" if zh else "the same tier, the same credit"
    else:
        value = longer.credit_pct if longer.credit_pct is not None else longer.compensation.value
        unit = "%" if longer.credit_pct is not None else f" {longer.compensation.unit}"
        amount = "" if longer.credit_amount is None else (
            f"（{plain(longer.credit_amount)} 元）" if zh else f" ({plain(longer.credit_amount)} CNY)")
        figure = "" if value is None else f"{plain(Decimal(str(value)))}{unit}{amount}"
        pays = (f"落入“{longer.tier}”，赔 {figure}" if zh else f"tier “{longer.tier}”: {figure}")
    if zh:
        return f"若再多 {extra}：" + (f"可用性 {said}，" if said else "") + pays
    return f"Had it been {extra} longer: " + (f"availability {said}, " if said else "") + pays


def _counting_kind(sla: SlaRule, metric: str | None) -> str:
    """How the SLA (or the metric's own table) counts: ``window_error_rate`` averages the
    windows' error rates."""
    table = next((t for t in sla.tables if t.metric == metric and t.counting), None)
    return (table.counting if table and table.counting else sla.counting).kind


def _fee_of_all(resolved: Resolved, count: int) -> Resolved:
    """The reading with a price each multiplied out: the fee of all ``count`` instances."""
    query = resolved.query
    each = query.monthly_fee or Decimal(0)
    total = each * count
    note = f"每台 {plain(each)} 元 × {count} 台 = {plain(total)} 元"
    if query.fee_note:  # 每个实例每小时 0.45 元 × 720 小时（全月） = 324 元；每台 324 元 × 20 台
        note = f"{query.fee_note}；{note}"
    return replace(resolved, query=replace(
        query, monthly_fee=total, fee_each=False, fee_note=note,
        uses=tuple(replace(u, note=note) if u.role == "monthly_fee" else u for u in query.uses)))


def _fleet(sla: SlaRule) -> bool:
    """Whether the SLA counts availability over all instances' minutes (ECM, TEZ)."""
    return sla.counting.denominator == "fleet_minutes"


FIELD_WORDS = {"downtime_minutes": "the unavailable minutes",
               "availability_pct": "the availability", "incidents_seconds": "each outage's length",
               "monthly_fee": "the monthly fee", "error_windows": "the windows' error rates",
               "total_requests": "the request count", "failed_requests": "the failed requests"}


ENGINE_ZH = (  # the calculators' messages a chat user meets, said in Chinese
    (re.compile(r"downtime (\S+) min is longer than the period \((\d+) min\)"),
     r"不可用 \1 分钟比整个服务周期（\2 分钟）还长：请核对不可用时长或月份"),
    (re.compile(r"(\S+) counts availability over all instances"),
     r"\1按所有实例的分钟数合计计算可用性：请告诉我当月一共有几台实例（instances）"),
    (re.compile(r"(\S+) counts availability over the people in a classroom"),
     r"\1按教室内所有人的使用时长计算可用性（1 − 无法正常使用的所有人时长 / 所有人的使用时长），不按月度分钟数："
     r"请给出可用性，或受影响的人时与总人时"),
    (re.compile(r"(\S+) decides by its own rule which windows are unavailable"),
     r"\1按自己的规则判定哪些统计窗口不可用：请给出不可用的分钟数或可用性"),
    (re.compile(r"(\S+) measures availability as the"),
     r"\1的可用性按协议自己的公式计算：请给出可用性（或请求总数与失败数）"),
    (re.compile(r"(\S+) does not measure by request counts"),
     r"\1不按请求数计算可用性：请给出不可用时长或可用性"),
    (re.compile(r"(\S+) pays (?:per outage minute|by outage length)"),
     r"\1按不可用时长赔偿：请给出每次中断的时长"),
)


def _engine_detail(message: str, lang: str) -> str:
    """A calculator's message to a chat user, in the question's language, with the request's
    field names said in words; a Chinese message the table has no words for is left out (the
    ask above it says what is missing)."""
    if lang == "zh":
        for pattern, words in ENGINE_ZH:
            found = pattern.search(message)
            if found:
                return found.expand(words)
        return ""
    for name, words in FIELD_WORDS.items():
        message = message.replace(name, words)
    return message


def _missing_from(message: str) -> tuple[str, ...]:
    """The input a calculator error asks for, in the router's words."""
    lowered = message.lower()
    if "longer than" in lowered or "downtime" in lowered:  # "downtime … longer than the month"
        return ("downtime",)
    for word, name in (("variant", "variant"), ("month", "month"), ("fee", "monthly_fee"),
                       ("measurement", "downtime"), ("metric", "metric")):
        if word in lowered:
            return (name,)
    return ()
