"""HTML of a calculation: the verdict, the SLA's tier table with the matched row, the claim
window against today's date, the steps and the exclusions. Figures come from the RESULT and
the catalog only; nothing here computes a credit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any, Literal

from assistant.replies import kind_words
from assistant.steps_en import step_en
from assistant.web.library import Library, find_table
from assistant.web.render import text_html

WindowState = Literal["not_yet", "open", "expired", "unknown", "none"]


@dataclass(frozen=True)
class ClaimStatus:
    """Where ``today`` stands against a RESULT's claim window, in words."""

    state: WindowState
    text: str
    days: int | None = None


STATUS_WORDS = {  # the claim window against today, in the reader's language
    "zh": {"none": "无需申请：本月未低于承诺，没有可申请的赔偿。", "span": "{opens} 起，最晚 {deadline}",
           "not_yet": "尚未开放：{span}；今天 {today}，还有 {days} 天开放。",
           "unknown": "申请期：{span}；协议未写明截止日期，今天 {today}。",
           "expired": "已过期：截止日 {deadline}，今天 {today}，已过 {days} 天。",
           "open": "可以申请：{span}；今天 {today}，还有 {days} 天截止。"},
    "en": {"none": "Nothing to claim: the month was not below the commitment.",
           "span": "from {opens}, no later than {deadline}",
           "not_yet": "Not open yet: {span}; today is {today}, it opens in {days} days.",
           "unknown": "Claim window: {span}; the agreement states no deadline; today is {today}.",
           "expired": "Expired: the deadline was {deadline}; today is {today}, {days} days late.",
           "open": "Open: {span}; today is {today}, {days} days left."},
}
LABELS = {
    "zh": {"window": "申请期", "tiers": "赔偿档位表", "source": "出处", "tier_head": "档位（协议原文）",
           "committed": "承诺 {v}%", "hit": "命中：{v}", "no_hit": "未落入任何赔偿档位",
           "exclusions": "免责情形（{n} 条，这些原因造成的不可用不予赔偿）", "where": "{section}，第{page}页"},
    "en": {"window": "Claim window", "tiers": "Compensation tiers", "source": "Source",
           "tier_head": "Tier (as the agreement states it)", "committed": "commitment {v}%",
           "hit": "matched: {v}", "no_hit": "no compensation tier matched",
           "exclusions": "Exclusions ({n}: unavailability from these causes is not compensated)",
           "where": "§{section}, p. {page}"},
}


def claim_status(result: dict[str, Any], today: date, lang: str = "zh") -> ClaimStatus:
    """``open`` (closes in N days), ``not_yet``, ``expired``, ``unknown`` (no deadline stated)
    or ``none`` (nothing to claim)."""
    words = STATUS_WORDS["en" if lang == "en" else "zh"]
    if not result.get("eligible"):
        return ClaimStatus("none", words["none"])
    window = result.get("claim_window") or {}
    opens = date.fromisoformat(window["opens"]) if window.get("opens") else None
    deadline = date.fromisoformat(window["deadline"]) if window.get("deadline") else None
    span = words["span"].format(opens=opens or "—", deadline=deadline or "—")
    if opens is not None and today < opens:
        days = (opens - today).days
        return ClaimStatus("not_yet", words["not_yet"].format(span=span, today=today, days=days),
                           days)
    if deadline is None:
        return ClaimStatus("unknown", words["unknown"].format(span=span, today=today))
    days = (deadline - today).days
    if days < 0:
        return ClaimStatus("expired", words["expired"].format(deadline=deadline, today=today,
                                                              days=-days), -days)
    return ClaimStatus("open", words["open"].format(span=span, today=today, days=days), days)


def _pct(value: Any) -> str:
    return "—" if value is None else f"{value}%"


def credit_words(result: dict[str, Any]) -> str:
    """``200 元（月度服务费的 10%）``, or the compensation in its own unit."""
    comp = result.get("compensation") or {}
    if not result.get("eligible"):  # with the reason where a rule pays nothing (免费产品 …)
        why = (result.get("notes") or [""])[0] if comp.get("kind") == "none" or \
            result.get("availability_pct") is None else ""
        return f"无赔偿（{why}）" if why else "无赔偿"
    amount, pct = result.get("credit_amount"), result.get("credit_pct")
    if amount is not None:
        return f"{amount} 元" + (f"（月度服务费的 {pct}%）" if pct is not None else "")
    order = "order_fee" in str(comp.get("kind"))
    if comp.get("unit") == "%" and pct is not None:
        return (f"订单服务费的 {pct}%（填写订单实付金额即可算出金额）" if order
                else f"月度服务费的 {pct}%（填写月费即可算出金额）")
    if comp.get("value") is None:  # the amount needs an input the card above asks for
        tier = result.get("tier")
        return f"按档位「{tier}」赔偿，金额待补充输入后算出" if tier else "金额待补充输入后算出"
    return kind_words(comp, "zh")


def tier_table_html(result: dict[str, Any], library: Library, opened: bool = True,
                    lang: str = "zh") -> str:
    """The SLA's compensation table for the RESULT's metric, the matched row highlighted."""
    words = LABELS["en" if lang == "en" else "zh"]
    sla = library.sla(int(result.get("doc_line") or 0))
    table = find_table(sla, result.get("metric"), result.get("variant")) if sla else None
    if table is None or not table.tiers:
        return ""
    matched = (result.get("tier") or "").strip()
    rows = []
    for tier in table.tiers:
        hit = bool(matched) and (tier.text.strip() == matched or matched in tier.text)
        where = words["where"].format(section=tier.source.section, page=tier.source.page)
        rows.append(f'<tr class="{"hit" if hit else ""}"><td>{"▶ " if hit else ""}'
                    f"{escape(tier.text)}</td><td>{escape(where)}</td></tr>")
    title = escape(table.metric + (f"（{table.variant}）" if table.variant else ""))
    head = escape(table.header.text) if table.header else words["tier_head"]
    committed = words["committed"].format(v=table.committed) if table.committed is not None else ""
    found = words["hit"].format(v=escape(matched)) if matched else words["no_hit"]
    return (f'<details class="tiers"{" open" if opened else ""}><summary class="tiers-title">'
            f"{words['tiers']}：{title} {committed}（{found}）</summary>"
            f'<table><thead><tr><th>{head}</th><th>{words["source"]}</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></details>')


def steps_html(result: dict[str, Any], lang: str = "zh") -> str:
    en = lang == "en"
    steps = "".join(f"<li>{text_html(step_en(str(s)) if en else str(s))}</li>"
                    for s in result.get("steps") or [])
    notes = "".join(f"<li>{text_html(str(n))}</li>" for n in result.get("notes") or [])
    title, noted = ("Steps", "Notes") if en else ("计算过程", "说明")
    out = f'<details class="steps" open><summary>{title}</summary><ol>{steps}</ol></details>'
    return out + (f'<div class="notes"><b>{noted}</b><ul>{notes}</ul></div>' if notes else "")


def exclusions_html(result: dict[str, Any], library: Library, lang: str = "zh") -> str:
    sla = library.sla(int(result.get("doc_line") or 0))
    items = library.exclusions(sla) if sla else []
    if not items:
        return ""
    lis = "".join(f"<li>☐ {text_html(words)}</li>" for _, words in items)
    summary = LABELS["en" if lang == "en" else "zh"]["exclusions"].format(n=len(items))
    return f'<details class="exclusions"><summary>{summary}</summary><ul>{lis}</ul></details>'


def window_html(result: dict[str, Any], today: date, lang: str = "zh") -> str:
    status = claim_status(result, today, lang)
    label = LABELS["en" if lang == "en" else "zh"]["window"]
    return f'<div class="window {status.state}">{label} · {escape(status.text)}</div>'


def calculation_html(result: dict[str, Any], library: Library, today: date,
                     lang: str = "zh") -> str:
    """What a calculator answer in the chat adds: claim window, tier table, exclusions, in
    the answer's language (the agreement's own words stay Chinese)."""
    return (f'<div class="calc">{window_html(result, today, lang)}'
            f"{tier_table_html(result, library, opened=False, lang=lang)}"
            f"{exclusions_html(result, library, lang)}</div>")


def verdict_html(result: dict[str, Any]) -> str:
    """The top of the claim checker's card: eligible or not, availability, tier, credit."""
    ok = bool(result.get("eligible"))
    badge = ('<span class="badge yes">✔ 符合赔偿条件</span>' if ok
             else '<span class="badge no">✘ 不符合赔偿条件</span>')
    metric = str(result.get("metric") or "") + (f"（{result['variant']}）"
                                                 if result.get("variant") else "")
    availability = result.get("availability_pct")
    shown = f"{availability:.4f}%" if isinstance(availability, int | float) else "—"
    rows = [("协议", f"《{result.get('doc_title')}》"), ("指标", metric),
            ("可用性", f"{shown}（承诺 {_pct(result.get('committed_pct'))}）"),
            ("档位", str(result.get("tier") or "—")), ("赔偿", credit_words(result))]
    if result.get("cap_applied"):
        rows.append(("上限", "已按赔偿上限封顶"))
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<div class="verdict">{badge}<table class="facts">{cells}</table></div>'


def message_html(text: str, kind: str = "error") -> str:
    """A message box (what to fix, or a notice)."""
    return f'<div class="msg {escape(kind)}">{text_html(text)}</div>'
