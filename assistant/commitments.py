"""Typed answers from the rule catalog: what each SLA named commits to, and what it pays at
the availability a question names.

"Media Intelligent Tagging vs ASR: what availability does each SLA promise?" / "CVM 的可用性承诺
是多少？" / "云联网金级和白金级分别承诺多少？": the catalog holds every SLA's commitment per metric and
variant with the line it was read from, so the answer is written from it, one line per product
(and per variant where the SLA has several), each citing its source. Sentence picking would
quote one side of a comparison, or a worked example; the catalog does neither.

It answers only the commitment asked, of products that have an SLA in the catalog, and only
when the question asks nothing else (a credit, a claim deadline, exclusions go elsewhere).
``tier_answer`` answers "if availability drops to 97%, what does each SLA pay?" / "低于95%赔多少？"
from the tier rows the same way: the row holding that availability, quoted and cited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from assistant.answer import Citation
from assistant.composer import Composition, citation
from assistant.conversation import Resolved
from assistant.reading.normalize import plain
from assistant.text import asked_figures, sentences, without_names
from assistant.tiers import Tier as Asked
from assistant.tiers import asks_for_payment, payment_of, tier_asked
from calculators.rules import SlaRule, Source, Tier, TierTable
from index.products import Product
from index.retrieval.types import Hit

COMMITMENT_ASKED = re.compile(
    r"承诺|保证|保障|可用性(?:标准|指标|要求)?\s*(?:是|为|有)?\s*(?:多少|几|多高)|SLA\s*(?:是|为|有)?\s*多少"
    r"|多少个?\s*9|(?:what|which) (?:availability|uptime|sla)|(?:availability|uptime) (?:does|do|is"
    r"|target|commitment|guarantee)|promis|commit|guarantee|how many nines", re.I)
OTHER_ASKED = re.compile(
    r"赔|补偿|代金券|申请|期限|多久|免责|不计入|不算|除外|怎么算|如何计算|计算方式|公式|credit|compensat"
    r"|voucher|refund|claim|deadline|exclu|how (?:is|are) .{0,30}(?:calculated|measured|computed)"
    r"|formula|[\d.]+\s*[%％]|多少分钟|多长时间|允许|how long|how many minutes|功能|日志|feature|\blogs?\b"
    r"|呢[？?]?\s*$|\?.+\?|不可用|视为|算作|unavailab|counted as|count as"
    r"|(?:is|are|be|get) (?:calculated|computed|measured|counted)|treated as", re.I)
LEVEL_SAID = re.compile(  # what a commitment answer states: a level of availability or durability
    r"可用|持久|SLA|服务等级|几个?9|多少个?9|稳定|(?:承诺|保证|保障)\S{0,3}(?:多少|几)|availab|uptime|durab"
    r"|nines|\bsla\b|service level", re.I)
FIGURE_TO_CONFIRM = re.compile(  # a commitment said by the user and asked to be confirmed
    r"(?:SLA|可用性|承诺|保证|availability|uptime|commit\w*|promise\w*|guarantee\w*)"
    r"[^，,。;；?？\d赔补]{0,12}?\d{2}(?:\.\d+)?\s*[%％][^，,。;；?？\d赔补]{0,8}?"
    r"(?:吗|对吧|对吗|是吧|没错吧|\bright\b|correct)"
    r"|^\s*(?:does|do|is|are)\b[^?？\d]{0,60}?\d{2}(?:\.\d+)?\s*%[^?？\d]{0,24}\?\s*$", re.I)
DURABILITY = re.compile(r"持久性|durab", re.I)
EDITION_SAID = re.compile(r"版|级|实例|集群|部署|可用区|存储|引擎|edition|tier|cluster|instance|zone|\baz\b"
                          r"|deploy|storage|engine", re.I)


def commitments_answer(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None]
                       ) -> Composition | None:
    """The commitment of each SLA product the question names, or None when the question asks
    something else or names no product with an SLA. ``sla_of`` gives a product's SLA."""
    question = resolved.question
    confirmed = FIGURE_TO_CONFIRM.search(question)  # "CVM 的 SLA 是 99.9% 对吧？": the real one
    rest = FIGURE_TO_CONFIRM.sub(" ", question)
    if not (COMMITMENT_ASKED.search(question) or confirmed) or OTHER_ASKED.search(rest) \
            or not LEVEL_SAID.search(question):  # "guarantee the accuracy of the results"
        return None
    slas = [sla_of(p) for p in resolved.products]
    if not slas or None in slas:  # a product without an SLA: one side of the answer missing
        return None
    unique = list({s.doc_line: s for s in slas if s is not None}.values())
    words = without_names(question, resolved.products)  # they say nothing of its editions
    asked = [_asked_tables(sla, words) for sla in unique]
    if not all(asked) or not all(_quotes_its_row(t) for tables in asked for t in tables):
        return None  # an SLA without its commitment read, or a row its quote does not name
    rows = [(sla, table) for sla, tables in zip(unique, asked) for table in tables]
    citations: list[Citation] = []
    lines = []
    for sla, table in rows:
        assert table.committed_source is not None and table.committed is not None
        lines.append((sla, table, _cite(citations, sla, table.committed_source)))
    return Composition(_text(lines, citations, resolved.lang), tuple(citations), 1.0)


SLA_ASKED = re.compile(rf"{COMMITMENT_ASKED.pattern}|SLA|服务等级|赔|补偿|代金券|credit|compensat"
                       r"|voucher|refund", re.I)


HOW_LONG = re.compile(r"how long|how many (?:\w+ )?(?:days|hours)|多久|多长时间|几天|多少天|几个工作日"
                      r"|期限", re.I)
NO_CREDIT_LEADS = {  # the catalog's reason kinds, as a lead says them
    "free product": ("免费产品，不提供任何 SLA 承诺", "no SLA commitment: it is a free product"),
    "no compensation": ("协议只约定了可用性标准，没有赔偿条款",
                        "the agreement commits a level but has no compensation clause"),
    "refund only": ("协议只约定退款，不发代金券", "refunds only, no service credits"),
    "device replacement only": ("只免费更换设备，没有赔偿", "free device replacement only, no credit"),
}


def pays_nothing(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None]) -> bool:
    """Whether the one product asked about has an SLA that states no compensation at all: what
    it pays is then something the agreements do not say (the answer quotes why)."""
    sla = sla_of(resolved.products[0]) if len(resolved.products) == 1 else None
    return sla is not None and not sla.computable and (sla.reason or "").startswith(
        "no compensation") and asks_for_payment(resolved.question)


def no_commitment_answer(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None]
                         ) -> Composition | None:
    """"高性能计算平台有SLA吗？可用性承诺多少？": an SLA that commits no level or pays no credit
    (a free product, refunds only) says so in a clause the catalog holds; that clause is the
    answer, not a refusal. Only for one product whose SLA the catalog marks so."""
    if len(resolved.products) != 1 or not SLA_ASKED.search(resolved.question) \
            or HOW_LONG.search(resolved.question):  # how long a refund takes: the clause's own
        return None
    sla = sla_of(resolved.products[0])
    if sla is None or sla.computable or sla.reason is None or sla.reason_source is None:
        return None
    free = sla.reason.startswith("free product")  # nothing committed: any SLA question
    stated = re.search(r"\d\s*[%％]", resolved.question)  # "promises 99.95%: what if it misses?"
    if not free and ((COMMITMENT_ASKED.search(resolved.question) and not stated)  # a level
                     or not asks_for_payment(resolved.question)):  # committed, no credit: only
        return None  # what it pays
    citations: list[Citation] = []
    n = _cite(citations, sla, sla.reason_source)
    kind = sla.reason.split(":")[0]
    zh_said, en_said = NO_CREDIT_LEADS.get(kind, (sla.reason, sla.reason))
    said = zh_said if resolved.lang == "zh" else en_said
    text = (f"答：{said}[{n}]。\n• 《{sla.doc_title}》：“{sla.reason_source.text}” [{n}]"
            if resolved.lang == "zh" else
            f"Answer: {said} [{n}]. The agreements are in Chinese; the clause is quoted below.\n"
            f"• 《{sla.doc_title}》: “{sla.reason_source.text}” [{n}]")
    return Composition(text, tuple(citations), 1.0)


BUDGET_ASKED = re.compile(  # the downtime a month may have and still meet the commitment
    r"(?:允许|可以|能|可)[^。；;?？]{0,10}(?:多少|几)\s*(?:分钟|个?小时)[^。；;?？]{0,12}(?:不可用|宕机|中断|故障|停机|挂)"
    r"|(?:不可用|宕机|中断|停机)[^。；;?？]{0,8}(?:多少|几)\s*(?:分钟|个?小时)[^。；;?？]{0,12}(?:达标|不违约|不赔|不算违约)"
    r"|how (?:much|many (?:minutes|hours) of) (?:downtime|unavailability|outage)[^?？]{0,50}"
    r"(?:allow|permit|before|still|meet|within|tolerat)|(?:downtime|error) budget", re.I)
MONTH_DAYS = re.compile(r"(28|29|30|31)\s*-?\s*(?:天|days?\b)", re.I)
WORKED_BUDGET = re.compile(  # 即可存在…= 4.32分钟的不可用时间 / = 432（分钟）的服务不可用时间
    r"\d+(?:\.\d+)?\s*[（(]?\s*分钟\s*[)）]?\s*的(?:服务)?不可用时间")


def budget_answer(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None],
                  hits: Sequence[Hit] = ()) -> Composition | None:
    """"云桌面一个月按30天算，单实例最多允许多少分钟不可用还能达标？": the minutes a month leaves
    at the one named product's commitment (days × 1,440 × (100 % − commitment)), worked out
    from the clause stating the commitment; a month of 30 and of 31 days when none is said.
    Only for an SLA counting unavailable minutes against the month's, and never where a clause
    found of its agreement works the example itself (30 do): that clause is quoted instead."""
    question = resolved.question
    if len(resolved.products) != 1 or not BUDGET_ASKED.search(question):
        return None
    sla = sla_of(resolved.products[0])
    tables = _asked_tables(sla, without_names(question, resolved.products)) if sla else []
    if sla is None or not tables or any(t.measure != "availability_pct" for t in tables) \
            or sla.counting is None or sla.counting.denominator != "period" \
            or sla.counting.kind != "per_minute" or sla.counting.source is None \
            or any(h.chunk.doc_id == sla.doc_id and WORKED_BUDGET.search(h.chunk.text)
                   for h in hits):  # minutes counted against the month's, by a rule the catalog
        return None  # read (never error rates)
    zh = resolved.lang == "zh"
    said = MONTH_DAYS.search(question)
    days = [int(said.group(1))] if said else [30, 31]
    citations: list[Citation] = []
    lines, quotes = [], []
    for table in tables:
        assert table.committed is not None and table.committed_source is not None
        n = _cite(citations, sla, table.committed_source)
        lines.append(_budget_line(table, days, n, zh, len(tables) > 1))
        quotes.append(f"• 《{sla.doc_title}》{'：' if zh else ': '}“{table.committed_source.text}” [{n}]")
    lead = ("答：" if zh else "Answer: ") + "\n".join(lines)
    note = [] if zh else ["The agreements are in Chinese; the clauses are quoted below."]
    return Composition("\n".join([lead, *note, *dict.fromkeys(quotes), "",
                                  *_sources(citations, zh)]), tuple(citations), 1.0)


def _budget_line(table: TierTable, days: list[int], n: int, zh: bool, named: bool) -> str:
    """One commitment's budget: ``可用性承诺 99%[1]，一个月最多可有 432 分钟不可用仍达标（…）``."""
    committed = table.committed or Decimal(0)
    sums = [(d, d * 1440, plain(Decimal(d * 1440) * (100 - committed) / 100)) for d in days]
    pct = plain(committed)
    which = (f"{table.variant or table.metric}：" if zh else f"{table.variant or table.metric}: ") \
        if named else ""
    if zh:
        worked = "；".join(f"{d} 天共 {m:,} 分钟 × (1 − {pct}%) = {b} 分钟" for d, m, b in sums)
        return (f"{which}可用性承诺 {pct}%[{n}]，一个月最多可有 {'或'.join(b for *_, b in sums)} "
                f"分钟不可用仍达标（{worked}；超过即低于承诺）。")
    worked = "; ".join(f"{d} days = {m:,} minutes × (1 − {pct}%) = {b} minutes" for d, m, b in sums)
    return (f"{which}the commitment is {pct}% [{n}], so a month may have at most "
            f"{' or '.join(b for *_, b in sums)} minutes unavailable and still meet it ({worked}; "
            "more falls below it).")


PERIOD_ASKED = re.compile(  # over what period availability is counted
    r"统计周期|考核周期|计算周期|核算周期|按月(?:还是|算|统计|计算)|按年(?:还是|算|统计|计算)|每月还是|服务月度(?:是|指|怎么)"
    r"|服务年度|(?:per|each|every) (?:calendar )?(?:month|year)\b.{0,30}\?|monthly or|yearly or"
    r"|(?:measurement|measuring|calculation|billing|statistical|what(?:'s| is) the) period"
    r"|measured (?:(?:per|each|every|over a) (?:calendar )?(?:month|year)|monthly|yearly|annually)"
    r"|calendar month", re.I)
ALSO_ASKED = re.compile(r"赔|补偿|代金券|免责|申请|credit|compensat|voucher|refund|claim|exclu", re.I)
PERIOD_WORDS = {  # the catalog's period kinds, as a lead says them
    "natural_month": ("按服务月度（自然月；开通当月从开通日起）", "per service month (a calendar "
                      "month; the first from the day the service starts)"),
    "whole_calendar_month": ("按自然月", "per calendar month"),
    "anniversary_month": ("按服务月度（从开通日起算的每一个月）", "per service month (each month "
                          "counted from the day the service started)"),
    "full_months_only": ("按完整的服务月度", "per full service month"),
    "service_year": ("按服务年度（从开通日起算的每一年）", "per service year (each year counted "
                     "from the day the service started)"),
    "thirty_days": ("按 30 天的周期", "per 30-day period"),
}


def period_answer(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None]
                  ) -> Composition | None:
    """"Is 智能创作 measured per month like most SLAs? What's the period?": the period the
    catalog read from the one named product's SLA, with the clause that defines it."""
    if len(resolved.products) != 1 or not PERIOD_ASKED.search(resolved.question) \
            or ALSO_ASKED.search(resolved.question):  # 代金券是不是唯一的赔偿方式？另外…按月还是按年
        return None  # two things asked: the clauses answer both
    sla = sla_of(resolved.products[0])
    words = PERIOD_WORDS.get(sla.period.kind) if sla is not None else None
    if sla is None or words is None or sla.period.source is None:
        return None
    citations: list[Citation] = []
    n = _cite(citations, sla, sla.period.source)
    quote = sla.period.source.text
    return Composition(
        f"答：{words[0]}计算可用性[{n}]。\n• 《{sla.doc_title}》：“{quote}” [{n}]"
        if resolved.lang == "zh" else
        f"Answer: availability is counted {words[1]} [{n}]. The agreements are in Chinese; the "
        f"clause is quoted below.\n• 《{sla.doc_title}》: “{quote}” [{n}]",
        tuple(citations), 1.0)


FORM_ASKED = re.compile(  # 是跟别的产品一样发代金券吧？ / cash or vouchers? / in what form?
    r"代金券[吗吧嘛]|发代金券|是代金券|给代金券|以什么(?:形式|方式)|什么形式|现金还是|赔现金|退现金"
    r"|in what form|what form|vouchers? or\b|\bcash or|or cash\b|in cash|as cash"
    r"|is it (?:a )?voucher"
    r"|paid (?:in|as|out as) (?:cash|vouchers?|credits?)", re.I)
PAID_FOR_MISSING = re.compile(r"赔|补偿|没达标|未达标|不达标|SLA|compensat|credit|pay(?:s|ing)? out|payout"
                              r"|miss(?:es|ed)?\b|fall(?:s)? short", re.I)  # credits, not payments
CASH_SAID = re.compile(r"现金|返现|折现|退钱|cash|money back|refund", re.I)
VOUCHER_SAID = re.compile(r"代金券|voucher|coupon", re.I)
FORMS = {  # the catalog's compensation kinds: as an answer names them (zh, en), and the word
    # an agreement states the form with
    "voucher_pct_of_monthly_fee": ("代金券（按月度服务费的比例）",
                                   "service vouchers (a share of the monthly fee)", "代金券"),
    "voucher_pct_of_order_fee": ("代金券（按订单实付金额的比例）",
                                 "service vouchers (a share of the order's price)", "代金券"),
    "extension_months": ("延长服务使用时间", "extra service time", "延长|服务时长|服务使用时间"),
    "extension_days": ("延长服务期限", "extra days of service", "延长|服务时长|服务使用时间"),
    "extension_pct_of_term": ("延长服务时长", "extra service time", "延长|服务时长|服务使用时间"),
    "sms_count": ("短信条数", "SMS messages", "短信"), "email_count": ("邮件封数", "e-mails", "邮件"),
    "voice_minutes": ("语音分钟数", "voice minutes", "语音"),
    "view_count": ("浏览量", "page views", "浏览量"),
    "vum_multiple": ("VUM（虚拟用户分钟数）", "VUM (virtual user minutes)", "VUM"),
    "downtime_multiple_minutes": ("按不可用分钟数的倍数补偿", "a multiple of the minutes unavailable", "倍"),
}


FORM_STATED = re.compile(r"赔偿(?:以|的)?[^。；]{0,24}形式实现|赔偿方式(?:为|是|：)|以[^。；]{0,16}(?:形式|方式)"
                         r"(?:进行)?(?:赔偿|补偿)")  # 赔偿以…代金券的形式实现


def _form_said(sla: SlaRule, word: str, hits: Sequence[Hit]) -> Citation | None:
    """The retrieved clause of ``sla`` that states the form its compensation takes
    (``赔偿以…代金券的形式实现``; ``获得服务期限延长（即…对应赔偿）``, ``word`` naming the form),
    quoting that sentence."""
    own = [(hit, s) for hit in hits if hit.chunk.doc_line == sla.doc_line
           for s in sentences(hit.chunk.text)]
    said = next(((h, s) for h, s in own if FORM_STATED.search(s)), None) or next(
        ((h, s) for h, s in own if word and re.search(word, s) and re.search(r"赔偿|补偿", s)
         and re.search(r"获得|形式|方式", s)), None)
    return citation(*said) if said else None


def form_answer(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None],
                hits: Sequence[Hit] = ()) -> Composition | None:
    """In what form each named product's SLA pays (``腾讯优码…是跟别的产品一样发代金券吧？`` ->
    服务使用时间, not vouchers; ``云开发短信和邮件推送…分别赔什么？`` -> each its own), from its
    compensation tables, citing the clause that states the form (when retrieved) and the first
    row: a premise of vouchers or cash that an agreement does not share is said to be wrong.
    None when the question asks no form, or a product has no SLA or pays in several forms."""
    if not resolved.products or not FORM_ASKED.search(resolved.question) \
            or not PAID_FOR_MISSING.search(resolved.question):  # 能用通用代金券吗: paying with one
        return None
    slas = [sla_of(p) for p in resolved.products]
    if any(s is None or len({t.compensation for t in s.tables}) != 1 or not s.tables[0].tiers
           for s in slas):
        return None
    zh = resolved.lang == "zh"
    citations: list[Citation] = []
    leads, body = [], []
    for sla in [s for s in slas if s is not None]:
        kind = sla.tables[0].compensation
        basis = sla.tables[0].fee_basis
        zh_form, en_form, word = FORMS.get(kind, (basis, basis, ""))
        form = zh_form if zh else en_form
        voucher = kind.startswith("voucher")
        wrong = (VOUCHER_SAID.search(resolved.question) and not voucher) or (
            CASH_SAID.search(resolved.question) and voucher)
        not_said = ("，不是代金券" if not voucher else "，不是现金") if zh else (
            ", not vouchers" if not voucher else ", not cash")
        stated = _form_said(sla, word, hits)  # （1）赔偿以腾讯云服务时长的形式实现: the rule first
        first = _add(citations, stated) if stated is not None else None
        row = sla.tables[0].tiers[0]
        n = _cite(citations, sla, row.source)
        said = f"{form}{not_said if wrong else ''}{'' if zh else ' '}[{first or n}]"
        leads.append(said if len(slas) == 1 else f"{_short(sla)}：{said}" if zh
                     else f"{_short(sla)}: {said}")
        quoted = [(stated.quote, first)] if stated is not None and first else []
        body += [f"• 《{sla.doc_title}》：“{text}” [{i}]" if zh
                 else f"• 《{sla.doc_title}》: “{text}” [{i}]" for text, i in [*quoted, (row.text, n)]]
    lead = (f"答：赔偿形式是{'；'.join(leads)}。" if zh
            else f"Answer: it pays in {'; '.join(leads)}.")
    return Composition("\n".join([lead, *body, "", *_sources(citations, zh)]),
                       tuple(citations), 1.0)


def _add(citations: list[Citation], citation: Citation) -> int:
    if citation not in citations:
        citations.append(citation)
    return citations.index(citation) + 1


SHORT_FOLLOW_UP = 40  # characters: a follow-up this short asks only of the figure it names


def tier_answer(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None]
                ) -> Composition | None:
    """What each SLA named pays at the availability the question names (or below the bound it
    names), from its tier rows; with its commitment too when that is asked. None when the
    question names no availability, asks no payment, or a product has no single table."""
    question = resolved.question
    asked = tier_asked(question)
    follows = resolved.is_follow_up and "deadline" not in asked_figures(question) \
        and len(question) <= SHORT_FOLLOW_UP  # "如果只有 97.5% 呢" after the commitment: what that
    # month pays
    if asked is None or not (asks_for_payment(question) or follows) or not resolved.products:
        return None
    tables = _one_table_each(resolved, sla_of)
    if tables is None:
        return None
    citations: list[Citation] = []
    lines = []
    for sla, table in tables:
        row = _row(table, asked)
        if row is None and not (asked[0] == "at" and table.committed is not None
                                and Decimal(asked[1]) >= table.committed):
            return None
        source = row.source if row else table.committed_source
        if source is None:
            return None
        n = _cite(citations, sla, source)
        committed = _cite(citations, sla, table.committed_source) \
            if COMMITMENT_ASKED.search(question) and table.committed_source else None
        lines.append((sla, table, row, n, committed))
    return Composition(_tier_text(lines, citations, resolved.lang), tuple(citations), 1.0)


MOST_ASKED = re.compile(r"最高|最多|最大|\bat most\b|\bmaximum\b|\bmax\b|the most\b|highest", re.I)
CAP_ASKED = re.compile(r"上限|封顶|总额|总共|累计|违约|责任|\bcap(?:ped)?\b|\btotal\b|damages|breach|liabilit"
                       r"|\bin all\b|years?|年", re.I)  # the liability cap, not the top tier
SAME_AGAIN = re.compile(r"也是?这样|一样吗|也一样|相同吗|呢[？?]?\s*$|\bsame\b|\btoo\b|as well|what about"
                        r"|how about|\band (?:for|the)\b", re.I)


def top_tier_answer(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None]
                    ) -> Composition | None:
    """The most each SLA named pays (``最高能赔多少？``, and ``那 X 也是这样吗？`` after it): its
    table's row with the largest compensation, quoted from the agreement. None when the most
    is not asked, a product has no single table, or its rows pay in different units."""
    asked = resolved.question
    if resolved.is_follow_up and not MOST_ASKED.search(asked) and SAME_AGAIN.search(asked) \
            and not asked_figures(asked):  # "X 也是这样吗？" asks the earlier question again
        asked = resolved.intent_text or asked
    if not MOST_ASKED.search(asked) or CAP_ASKED.search(asked) or not asks_for_payment(asked) \
            or not resolved.products or tier_asked(asked):
        return None
    tables = _one_table_each(resolved, sla_of)
    if tables is None:
        return None
    citations: list[Citation] = []
    lines: list[tuple[SlaRule, TierTable, Tier | None, int, int | None]] = []
    for sla, table in tables:
        top = max(table.tiers, key=lambda tier: tier.value)
        lines.append((sla, table, top, _cite(citations, sla, top.source), None))
    return Composition(_tier_text(lines, citations, resolved.lang), tuple(citations), 1.0)


TABLE_ASKED = re.compile(  # the whole table: 赔偿标准是怎样的 / what are the credit tiers
    r"赔偿标准|赔付标准|赔偿档位|赔付档位|赔偿阶梯|赔偿(?:比例|规则)(?:是|有)?(?:怎样|怎么样|什么|哪些|多少)"
    r"|\b(?:credit|compensation|payout|refund) (?:tiers|table|schedule|levels|rates|brackets)\b"
    r"|\b(?:tiers|levels|brackets) of (?:credit|compensation)\b", re.I)


def table_answer(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None]
                 ) -> Composition | None:
    """Every row of the tier table of each SLA named (``智能导诊 SLA 的赔偿标准是怎样的？``, and
    ``那智能预问诊呢？`` after it), each quoted from the agreement. None when the table is not
    asked, a row or a bound is (``tier_answer``), or a product has no single table."""
    asked = resolved.question
    if resolved.is_follow_up and SAME_AGAIN.search(asked) and not asked_figures(asked):
        asked = resolved.intent_text or asked  # "same for TBaaS?" asks the table again
    if not TABLE_ASKED.search(asked) or tier_asked(asked) or MOST_ASKED.search(asked) \
            or CAP_ASKED.search(asked) or not resolved.products:
        return None
    tables = _one_table_each(resolved, sla_of)
    if tables is None or any(not table.tiers for _, table in tables):
        return None
    zh = resolved.lang == "zh"
    citations: list[Citation] = []
    leads, body = [], []
    for sla, table in tables:
        rows = []
        for tier in table.tiers:
            n = _cite(citations, sla, tier.source)
            rows.append(f"{_plain_row(tier.text, zh)}[{n}]")
            body.append(f"• 《{sla.doc_title}》：“{tier.text}” [{n}]" if zh
                        else f"• 《{sla.doc_title}》: “{tier.text}” [{n}]")
        name = (f"{_short(sla)}：" if zh else f"{_short(sla)}: ") if len(tables) > 1 else ""
        leads.append(name + ("；".join(rows) if zh else "; ".join(rows)))
    lead = f"答：{'。'.join(leads)}。" if zh else f"Answer: {'. '.join(leads)}."
    return Composition("\n".join([lead, *body, "", *_sources(citations, zh)]),
                       tuple(citations), 1.0)


BOUNDS_EN = ((re.compile(r"低于\s*([\d.]+%)\s*(?:但|且|，)?\s*(?:等于或)?高于(?:或等于)?\s*([\d.]+%)"),
              r"below \1, at least \2"), (re.compile(r"低于\s*([\d.]+%)"), r"below \1"),
             (re.compile(r"(?:等于或)?高于(?:或等于)?\s*([\d.]+%)"), r"at least \1"))


def _plain_row(row: str, zh: bool = True) -> str:
    """A row as a lead says it: its bounds, then what it pays (``99.9% > Av ≥ 99.0%：10%``)."""
    paid = payment_of(row)
    if paid is None:
        return row
    bounds = re.sub(r"\s*(?:月度服务费的|赔偿)?\s*[\d.]+\s*%\s*$", "", row).strip()
    if not bounds or bounds == row:
        return row
    for pattern, words in () if zh else BOUNDS_EN:
        bounds = pattern.sub(words, bounds)
    return f"{bounds}：{paid}" if zh else f"{bounds}: {paid}"


def _one_table_each(resolved: Resolved, sla_of: Callable[[Product], SlaRule | None]
                    ) -> list[tuple[SlaRule, TierTable]] | None:
    """The one tier table of each SLA the question names (the edition or metric it names),
    or None when a product has no SLA or several tables and none is named: the sentence
    answer then says which."""
    slas = [sla_of(p) for p in resolved.products]
    if None in slas:
        return None
    words = without_names(resolved.question, resolved.products)
    unique = list({s.doc_line: s for s in slas if s is not None}.values())
    tables = [[t for t in _asked_tables(sla, words) if t.tiers] for sla in unique]
    if any(len(t) != 1 for t in tables):
        return None
    return [(sla, table) for sla, (table,) in zip(unique, tables)]


def _row(table: TierTable, asked: Asked) -> Tier | None:
    how, value = asked
    low, _, high = value.partition("-")  # "95-98": a range asked, whose top may be the row's
    v, top = Decimal(low), Decimal(high or low)  # exclusive upper bound (低于98%)
    for tier in table.tiers:
        if how == "below":
            if tier.upper == Decimal(value) and not tier.upper_inclusive:
                return tier
            continue
        above = tier.lower is None or v > tier.lower or (tier.lower_inclusive and v == tier.lower)
        below = tier.upper is None or top < tier.upper \
            or ((tier.upper_inclusive or top > v) and top == tier.upper)
        if above and below:
            return tier
    return None


def _cite(citations: list[Citation], sla: SlaRule, source: Source) -> int:
    return _add(citations, Citation(
        doc_title=sla.doc_title, doc_line=sla.doc_line, section=source.section, page=source.page,
        line_start=source.line_start, line_end=source.line_end, text=source.text,
        clause_id=source.clause, quote=source.text))


def _tier_text(lines: list[tuple[SlaRule, TierTable, Tier | None, int, int | None]],
               citations: list[Citation], lang: str) -> str:
    zh = lang == "zh"
    leads, body = [], []
    for sla, table, row, n, committed in lines:
        paid = (payment_of(row.text) or row.text) if row else ("不赔" if zh else "nothing")
        leads.append(f"{_short(sla)} {paid}[{n}]" if len(lines) > 1 else f"{paid}[{n}]")
        said = f"“{row.text}”" if row else (
            f"未低于承诺 {_as_written(table)}，不赔" if zh
            else f"not below the {_as_written(table)} commitment: no credit")
        promise = "" if committed is None else (
            f"；承诺 {_as_written(table)} [{committed}]" if zh
            else f"; commitment {_as_written(table)} [{committed}]")
        body.append(f"• 《{sla.doc_title}》：{said} [{n}]{promise}" if zh else
                    f"• 《{sla.doc_title}》: {said} [{n}]{promise}")
    lead = f"答：{'；'.join(leads)}。" if zh else f"Answer: {'; '.join(leads)}."
    sources = _sources(citations, zh)
    return "\n".join([lead, *body, "", *sources])


def _sources(citations: list[Citation], zh: bool) -> list[str]:
    return ["出处：" if zh else "Sources:"] + [
        f"[{i}] 《{c.doc_title}》{c.section}，第{c.page}页（第{c.line_start}–{c.line_end}行）" if zh
        else f"[{i}] 《{c.doc_title}》 §{c.section}, p. {c.page} (lines {c.line_start}–{c.line_end})"
        for i, c in enumerate(citations, 1)]


def _short(sla: SlaRule) -> str:
    return re.sub(r"^腾讯云\s*|\s*服务等级协议$", "", sla.doc_title)


def _quotes_its_row(table: TierTable) -> bool:
    """Whether the quoted line holds the row's own name as well as its figure (``白金 99.99%``),
    so the citation shows which edition the figure is for; ``99.99%`` alone does not."""
    if not table.variant or table.committed_source is None:
        return table.committed_source is not None
    text = _plain(table.committed_source.text)
    return any(_plain(name) in text for name in re.split(r"[/、,，]|和|及|与", table.variant)
               if name.strip())


def _asked_tables(sla: SlaRule, question: str) -> list[TierTable]:
    """The tables with a commitment, one per metric and variant; only the durability ones when
    durability is asked, only the others when it is not; only the variants the question names
    when it names any."""
    tables = [t for t in sla.tables if t.committed is not None and t.committed_source]
    durable = DURABILITY.search(question) is not None
    tables = [t for t in tables if bool(DURABILITY.search(t.metric)) == durable]
    said, rest = set(), _plain(question)
    names = sorted(((_plain(name), t.variant) for t in tables if t.variant
                    for name in re.split(r"[/、,，]|和|及|与", t.variant) if name.strip()),
                   key=lambda pair: len(pair[0]), reverse=True)
    for name, variant in names:  # a row's own name said (金级和白金级: both; 白金 is not also 金)
        if name in rest:
            said.add(variant)
            rest = rest.replace(name, " ")
    if not said:  # else the rows sharing most words with the question (内网负载均衡 → … CLB)
        scores = {t.variant: _overlap(_plain(question), _plain(t.variant))
                  for t in tables if t.variant}
        best = max(scores.values(), default=0)
        said = {v for v, score in scores.items() if best >= MIN_OVERLAP and score == best}
    named = [t for t in tables if t.variant in said]
    if not named and len(tables) > 1 and EDITION_SAID.search(question):
        return []  # an edition asked that the rows do not name in its words: not typed
    seen: dict[tuple[str, str | None], TierTable] = {}
    for table in named or tables:
        seen.setdefault((table.metric, table.variant), table)
    return list(seen.values())


MIN_OVERLAP = 2  # 金 alone is no edition named; 白金 / 铂金版 / 多az / 内网负载均衡 are


def _overlap(question: str, variant: str) -> int:
    """The longest run of characters the question and a variant name share (a 白金 row is
    named by 白金级, the 内网负载均衡 CLB row by 内网负载均衡)."""
    best = 0
    for i in range(len(variant)):
        for j in range(i + best + 1, len(variant) + 1):
            if variant[i:j] in question:
                best = j - i
            else:
                break
    return best


def _plain(text: str) -> str:
    return re.sub(r"[\s（）()]", "", text).lower()


def _as_written(table: TierTable) -> str:
    """The commitment as its source line writes it (``99.90%``, not ``99.9%``)."""
    assert table.committed is not None
    source = table.committed_source.text if table.committed_source else ""
    for said in re.findall(r"\d+(?:\.\d+)?\s*[%％]", source):
        if Decimal(re.sub(r"\s*[%％]", "", said)) == table.committed:
            return re.sub(r"\s*[%％]", "%", said)
    return f"{table.committed.normalize():f}%"


def _text(lines: list[tuple[SlaRule, TierTable, int]], citations: list[Citation],
          lang: str) -> str:
    zh = lang == "zh"
    body = []
    for sla, table, n in lines:
        what = table.metric + (f"（{table.variant}）" if table.variant else "")
        value = _as_written(table)
        body.append(f"• 《{sla.doc_title}》{what}：不低于 {value} [{n}]" if zh else
                    f"• 《{sla.doc_title}》 {what}: at least {value} [{n}]")
    first = lines[0]
    lead_value = _as_written(first[1])
    lead = (f"答：{lead_value}[{first[2]}]。" if len(lines) == 1 else "答：承诺分别如下。") if zh \
        else (f"Answer: {lead_value} [{first[2]}]." if len(lines) == 1 else
              "Answer: the commitments are below (the agreements are in Chinese).")
    sources = _sources(citations, zh)
    quotes = [f"• “{c.quote}” [{i}]" for i, c in enumerate(citations, 1)]
    return "\n".join([lead, *body, "", *quotes, "", *sources])
