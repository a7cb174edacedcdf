"""The calculator's steps in English, for answers to English questions.

The engine writes its steps in Chinese, in the agreements' own terms (``2026年9月共 30 天，43200
分钟``, ``承诺值 99.95%；低于承诺``). An English answer shows the common ones in English; a quoted
tier row or rule stays as the agreement words it, inside quotes. A step no pattern knows is
shown as written, never dropped.
"""

from __future__ import annotations

import re

from calculators.pay import FEE_NEEDED

_N = r"[\d.,]+"
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), t) for p, t in (
    (rf"^(\d{{4}})年(\d{{1,2}})月共 ({_N}) 天，({_N}) 分钟$", r"\1-\2 has \3 days, \4 minutes"),
    (rf"^(\d{{4}})年服务年度共 ({_N}) 天，({_N}) 分钟$", r"service year \1: \2 days, \3 minutes"),
    (rf"^协议中的“月”按30个自然日计，共 ({_N}) 分钟$",
     r"the agreement counts a month as 30 days: \1 minutes"),
    (rf"^服务可用性 = \(({_N}) − ({_N})\) / ({_N}) × 100% = ({_N})%$",
     r"availability = (\1 − \2) / \3 × 100% = \4%"),
    (rf"^承诺值 ({_N})%；低于承诺$", r"commitment \1%: below it"),
    (rf"^承诺值 ({_N})%；不低于承诺$", r"commitment \1%: not below it"),
    (r"^对应档位：(.+)$", r"tier: “\1”"),
    (rf"^下一档：按该档的可用性 ({_N})% 计算$", r"the next tier down, computed at availability \1%"),
    (r"^没有对应的赔偿档位，无赔偿$", "no tier applies: no credit"),
    (r"^未达到赔偿条件，无需申请赔偿$", "not eligible: nothing to claim"),
    (r"^申请时间：(\S+) 起，最晚 (\S+)$", r"claim from \1, no later than \2"),
    (rf"^赔偿 = 月度服务费 ({_N}) 元 × ({_N})% = ({_N}) 元$",
     r"credit = monthly fee \1 CNY × \2% = \3 CNY"),
    (rf"^赔偿 = (.+?) ({_N}) 元 × ({_N})% = ({_N}) 元$", r"credit = “\1” \2 CNY × \3% = \4 CNY"),
    (rf"^故障 ({_N}) 秒(.*?)：(.+)，计 ({_N}) 分钟$", r"outage of \1 s\2: “\3”, counted as \4 min"),
    (rf"^月度服务费 = 每日服务费 ({_N}) 元 × ({_N}) 天 = ({_N}) 元(.*)$",
     r"monthly fee = daily fee \1 CNY × \2 days = \3 CNY\4"),
    (rf"^月度服务费 = 年度服务费 ({_N}) 元 ÷ 12 = ({_N}) 元$",
     r"monthly fee = annual fee \1 CNY ÷ 12 = \2 CNY"),
    (rf"^月度服务费 = 年度服务费 ({_N}) 元 ÷ 365 天 × ({_N}) 天 = ({_N}) 元$",
     r"monthly fee = annual fee \1 CNY ÷ 365 days × \2 days = \3 CNY"),
    (rf"^服务可用性（已按协议计算）为 ({_N})%$", r"availability (as measured under the agreement): \1%"),
    (rf"^服务可用性 = 1 − ({_N}) / ({_N}) = (.+)$", r"availability = 1 − \1 / \2 = \3"),
    (rf"^赔偿次数 = 失败请求 ({_N}) × ({_N}) = ({_N})$",
     r"credit in requests = failed requests \1 × \2 = \3"),
    (rf"^未低于承诺值 ({_N})%，无赔偿$", r"not below the commitment \1%: no credit"),
    (rf"^赔偿为(.+?)的 ({_N})%；未给出费用，金额需提供 {FEE_NEEDED['monthly_fee']} 才能计算$",
     r"credit = \2% of “\1”; no fee given: the amount needs what the service cost that month"),
    (rf"^赔偿为(.+?)的 ({_N})%；未给出费用，金额需提供 {FEE_NEEDED['order_fee']} 才能计算$",
     r"credit = \2% of “\1”; no fee given: the amount needs what the order cost"),
    (r"^未给出月份：申请期限取决于未达标的月份，请按实际月份计算。$",
     "no month given: the claim window depends on the month that missed the commitment"),
))
NOTES = {
    "（按当月每天计费；若有未计费的日子，请给出当月实付金额）":
        " (billed every day of the month; if some days were not billed, give what the month cost)",
}


def step_en(step: str) -> str:
    """One engine step in English where its form is known, else as written."""
    for pattern, template in PATTERNS:
        if pattern.match(step):
            out = pattern.sub(template, step)
            for zh, en in NOTES.items():
                out = out.replace(zh, en)
            return out
    return step
