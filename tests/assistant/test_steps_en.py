"""The calculator's steps in English (pure)."""

from __future__ import annotations

import pytest

from assistant.steps_en import step_en


@pytest.mark.parametrize(("zh", "en"), [
    ("2026年10月共 31 天，44640 分钟", "2026-10 has 31 days, 44640 minutes"),
    ("服务可用性 = (44640 − 120) / 44640 × 100% = 99.7312%",
     "availability = (44640 − 120) / 44640 × 100% = 99.7312%"),
    ("承诺值 99.975%；低于承诺", "commitment 99.975%: below it"),
    ("对应档位：低于99.975%但等于或高于99% 月度服务费的10%",
     "tier: “低于99.975%但等于或高于99% 月度服务费的10%”"),           # the row quoted as written
    ("赔偿 = 月度服务费 3000 元 × 10% = 300.00 元", "credit = monthly fee 3000 CNY × 10% = 300.00 CNY"),
    ("申请时间：2026-11-07 起，最晚 2026-12-30", "claim from 2026-11-07, no later than 2026-12-30"),
    ("故障 7200 秒：不足1分钟的部分按1分钟，计 120 分钟",
     "outage of 7200 s: “不足1分钟的部分按1分钟”, counted as 120 min"),
    ("月度服务费 = 每日服务费 3.2 元 × 31 天 = 99.20 元（按当月每天计费；若有未计费的日子，请给出当月实付金额）",
     "monthly fee = daily fee 3.2 CNY × 31 days = 99.20 CNY (billed every day of the month; "
     "if some days were not billed, give what the month cost)"),
])
def test_known_steps_read_in_english(zh: str, en: str) -> None:
    assert step_en(zh) == en


def test_an_unknown_step_is_shown_as_written() -> None:
    assert step_en("协议按每5分钟错误率的平均值计算") == "协议按每5分钟错误率的平均值计算"
