"""The words of calculator, clarify and refusal replies, in Chinese and English.

Every figure shown comes from the calculators' RESULT or a quoted clause; nothing here
computes.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from assistant.answer import Citation
from assistant.answerability import flat
from assistant.steps_en import step_en

TEMPLATES = json.loads(resources.files("assistant.templates").joinpath("replies.json")
                       .read_text(encoding="utf-8"))


def sources(citations: tuple[Citation, ...], lang: str) -> list[str]:
    head = "出处：" if lang == "zh" else "Sources:"
    lines = [head]
    for i, c in enumerate(citations, start=1):
        where = f"{c.section} {c.heading}".strip() or "前言"
        if lang == "zh":
            lines.append(f"[{i}] 《{c.doc_title}》{where}，第{c.page}页"
                         f"（第{c.line_start}–{c.line_end}行）")
        else:
            lines.append(f"[{i}] 《{c.doc_title}》 §{where}, p. {c.page} "
                         f"(lines {c.line_start}–{c.line_end})")
    return lines


def _pct(value: Any) -> str:
    return "—" if value is None else f"{value}%"


KIND_WORDS = {  # a compensation as users read it, never the engine's name for it
    "voucher_pct_of_monthly_fee": ("月度服务费的 {v}%（代金券）", "{v}% of the monthly fee, in vouchers"),
    "voucher_pct_of_order_fee": ("订单费用的 {v}%（代金券）", "{v}% of the order fee, in vouchers"),
    "extension_days": ("延长服务期 {v} 天", "a {v}-day extension of the service"),
    "extension_months": ("延长服务期 {v} 个月", "a {v}-month extension of the service"),
    "sms_count": ("{v} 条短信", "{v} SMS messages"),
    "email_count": ("{v} 封邮件", "{v} emails"),
    "request_count": ("{v} 次请求", "{v} requests"),
    "voucher_per_minute_formula": ("按协议公式计算的代金券", "vouchers by the agreement's formula"),
    "downtime_multiple_minutes": ("{v} 分钟（超出标准的不可用分钟数的倍数）",
                                  "{v} minutes (a multiple of the unavailable minutes beyond the "
                                  "standard)"),
}


def kind_words(comp: dict[str, Any], lang: str, tier: str = "") -> str:
    """A compensation in words: ``月度服务费的 30%（代金券）``, ``a 30-day extension``; where the
    agreement states no figure (``服务月度的10%所对应的浏览次数``), the tier's own words."""
    if comp.get("value") is None:
        said = tier.split(" ", 1)[-1].rstrip("。. ") if tier else ""
        return (f"：{said}（按协议该档的约定）" if said else "：按协议该档的约定") if lang == "zh" \
            else (f": {said} (as that tier of the agreement says)" if said
                  else ": as that tier of the agreement says")
    zh, en = KIND_WORDS.get(str(comp.get("kind")), ("{v} {u}", "{v} {u}"))
    return (zh if lang == "zh" else en).format(v=comp.get("value"), u=comp.get("unit", "")).strip()


def filed_text(window: dict[str, Any], filed: str, lang: str) -> str:
    """Whether a claim filed on ``filed`` (YYYY-MM-DD) is in the claim window."""
    opens, deadline = window.get("opens"), window.get("deadline")
    if opens and filed < opens:
        return (f"{filed} 提交早于申请期，{opens} 起才能申请" if lang == "zh"
                else f"a claim filed on {filed} is too early: claims open on {opens}")
    if deadline and filed > deadline:
        return (f"{filed} 提交已过申请期（最晚 {deadline}）" if lang == "zh"
                else f"a claim filed on {filed} is too late: the last day was {deadline}")
    return (f"{filed} 提交在申请期内" if lang == "zh"
            else f"a claim filed on {filed} is within the claim window")


def credit_text(result: dict[str, Any], citations: tuple[Citation, ...], lang: str,
                reading: str = "", filed: str | None = None) -> str:
    """A calculator answer: what was read from the question, the credit, then tier, claim
    window (and whether a claim filed on ``filed`` is in it), steps and sources."""
    comp = result.get("compensation") or {}
    window = result.get("claim_window") or {}
    amount = result.get("credit_amount")
    ref = "[1]" if citations else ""
    why = (result.get("notes") or [""])[0]  # a rule that pays nothing whatever the figures
    quoted = bool(why) and any(flat(why) in flat(c.quote or c.text) for c in citations)
    if lang == "zh":
        if comp.get("kind") == "none":
            lead = f"《{result.get('doc_title')}》不提供代金券赔偿{ref}：{why}。" if quoted else \
                f"《{result.get('doc_title')}》不提供代金券赔偿{ref}：协议没有规定未达承诺时的赔偿。"
        elif not result.get("eligible") and result.get("availability_pct") is None:
            lead = f"不符合赔偿条件{ref}：{why}。"
        elif not result.get("eligible"):
            lead = (f"不符合赔偿条件：可用性 {_pct(result.get('availability_pct'))} 未低于承诺 "
                    f"{_pct(result.get('committed_pct'))}{ref}。")
        elif amount is not None and result.get("credit_pct") is not None:
            lead = (f"可获赔 {amount} 元（月度服务费的 {result.get('credit_pct')}%，以代金券形式）"
                    f"{ref}。")
        elif amount is not None:
            lead = f"可获赔 {amount} 元（以代金券形式）{ref}。"
        else:
            needs_fee = str(comp.get("kind", "")).startswith("voucher")
            lead = (f"可获赔{kind_words(comp, 'zh', result.get('tier') or '')}{ref}"
                    + ("；金额需按月度服务费计算。" if needs_fee else "。"))
        lines = [lead, f"• 文档：《{result.get('doc_title')}》，指标：{result.get('metric')}"
                       + (f"，{result.get('variant')}" if result.get("variant") else "")]
        lines.append(f"• 可用性：{_pct(result.get('availability_pct'))}（承诺 "
                     f"{_pct(result.get('committed_pct'))}）")
        if result.get("tier"):
            lines.append(f"• 适用档位：{result['tier']}")
        if result.get("cap_applied"):
            lines.append("• 已按赔偿上限（不超过当月服务费）封顶")
        if window.get("opens") or window.get("deadline"):
            lines.append(f"• 申请时间：{window.get('opens') or '—'} 起，最晚 "
                         f"{window.get('deadline') or '—'}"
                         + (f"（{filed_text(window, filed, lang)}）" if filed else ""))
        if result.get("notes"):
            lines.append(f"• 说明：{'；'.join(result['notes'])}")
        lines.append("计算过程：")
    else:
        if comp.get("kind") == "none":  # the reason is the agreement's own words: quoted
            lead = (f"《{result.get('doc_title')}》 gives no credit {ref}. The agreement says "
                    f"(in Chinese): “{why}”." if quoted else
                    f"《{result.get('doc_title')}》 gives no credit {ref}: the agreement states no "
                    "compensation for missing its commitment.")
        elif not result.get("eligible") and result.get("availability_pct") is None:
            lead = f"No credit is due {ref}. The reason, as the agreement states it: “{why}”."
        elif not result.get("eligible"):
            lead = (f"No credit is due: availability {_pct(result.get('availability_pct'))} is "
                    f"not below the commitment {_pct(result.get('committed_pct'))} {ref}.")
        elif amount is not None and result.get("credit_pct") is not None:
            lead = (f"Credit: {amount} CNY in vouchers ({result.get('credit_pct')}% of the "
                    f"monthly fee) {ref}.")
        elif amount is not None:
            lead = f"Credit: {amount} CNY in vouchers {ref}."
        else:
            needs_fee = str(comp.get("kind", "")).startswith("voucher")
            owed = kind_words(comp, "en", result.get("tier") or "")
            lead = (f"Credit{owed if comp.get('value') is None else ': ' + owed} {ref}"
                    + ("; the amount needs the monthly fee." if needs_fee else "."))
        lines = [lead, f"• Agreement: 《{result.get('doc_title')}》, "
                       f"metric: {result.get('metric')}"
                       + (f", {result.get('variant')}" if result.get("variant") else "")]
        lines.append(f"• Availability: {_pct(result.get('availability_pct'))} (commitment "
                     f"{_pct(result.get('committed_pct'))})")
        if result.get("tier"):
            lines.append(f"• Tier: {result['tier']}")
        if window.get("opens") or window.get("deadline"):
            lines.append(f"• Claim: from {window.get('opens') or '—'}, no later than "
                         f"{window.get('deadline') or '—'}"
                         + (f" ({filed_text(window, filed, lang)})" if filed else ""))
        if result.get("notes"):
            notes = [step_en(str(note)) for note in result["notes"]]  # quoted rules stay as written
            lines.append(f"• Notes: {'; '.join(notes)}")
        lines.append("Steps:")
    shown = [step_en(str(s)) if lang == "en" else str(s) for s in result.get("steps") or []]
    lines += [f"{i}. {step}" for i, step in enumerate(shown, start=1)]
    head = [reading] if reading else []
    return "\n".join([*head, *lines, "", *sources(citations, lang)])


def clarify_text(missing: tuple[str, ...], lang: str, detail: str = "") -> str:
    """Ask for exactly what is missing, with an example of a complete question."""
    words = TEMPLATES["missing"][lang]
    joiner = "、" if lang == "zh" else "; "
    fallback = "更多信息" if lang == "zh" else "more details"
    asks = joiner.join(words.get(m, m) for m in missing) or fallback
    example = "clarify_response" if {"response_times", "late_count"} & set(missing) else "clarify"
    text = TEMPLATES[example][lang].format(asks=asks)  # an example of the SLA's own kind
    if not detail:
        return text
    return f"{text}\n（{detail}）" if lang == "zh" else f"{text}\n({detail})"


def unstated_text(names: list[str], lang: str, nearest: Citation) -> str:
    """The refusal for a question whose asked figure (``names``, from the answerability check)
    the closest clause leaves unsaid: that the agreements do not state it, and what that
    clause does say, quoted, with where it is."""
    words = TEMPLATES["unsaid"][lang]
    what = ("、" if lang == "zh" else ", ").join(dict.fromkeys(
        words.get(n, "这一点" if lang == "zh" else "that") for n in names))
    quote = nearest.quote if len(nearest.quote) <= 160 else f"{nearest.quote[:158]}…"
    return refusal_text("not_stated", lang, nearest, what=what, quote=quote)


def deployment_note(lang: str, **said: str) -> str:
    """The line before an answer whose clauses are about another deployment than the one
    the user has (``注意：这些条款写的是双节点，没有写单节点的情形。``)."""
    return str(TEMPLATES["deployment_note"][lang].format(**said))


def refusal_text(reason: str, lang: str, nearest: Citation | None = None, **said: str) -> str:
    """The refusal for ``reason``, its blanks filled from ``said`` (the edition asked about)."""
    refusals = TEMPLATES["refusal"][lang]
    text = refusals.get(reason, refusals["not_found"]).format(**said)
    if nearest is not None:
        if lang == "zh":
            text += (f"\n最相关的协议：《{nearest.doc_title}》{nearest.section}"
                     f"（第{nearest.page}页）。")
        else:
            section = f" §{nearest.section}" if nearest.section else ""
            text += f"\nThe nearest agreement: 《{nearest.doc_title}》{section} (p. {nearest.page})."
    return text
