"""A percentage stated as a premise is never left looking confirmed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.premise import confirms_quoted, premise_checked

QUOTE = "• “腾讯云提供的本服务可用性不低于99.5%” [1]"


def test_a_figure_the_answer_never_states_gets_a_plain_no() -> None:
    text = premise_checked("The SLA promises 99.9% like most products, right?",
                           f"Answer: 99.5% [1].\n{QUOTE}", "en")
    assert text.startswith("Answer: No — the agreement says 99.5% [1].")
    zh = premise_checked("这个 SLA 承诺是 99.9% 对吧？", f"答：99.5%[1]。\n{QUOTE}", "zh")
    assert zh.startswith("答：不对，协议写的是 99.5%[1]。")


@pytest.mark.parametrize(("question", "text"), [
    ("承诺是 99.5% 对吧？", f"答：99%、10%[1]。\n{QUOTE}"),  # the lead echoes none; the quote says it
    ("What's the commitment? 99.9%?", f"Answer: 99.5% [1].\n{QUOTE}"),  # not asked to confirm
    ("承诺是 99.9% 对吧？", f"根据协议[1]：\n{QUOTE}"),  # no lead figure to set against it
])
def test_no_no_where_the_premise_may_hold(question: str, text: str) -> None:
    assert premise_checked(question, text, "zh") == text


def test_a_measured_availability_is_the_users_fact_not_a_premise() -> None:
    text = "答：25%[1]。\n• “低于99%但等于或高于95% 月度服务费的25%” [1]"
    assert premise_checked("上个月可用性 97.3%，赔 25% 对吧？", text, "zh", Decimal("97.3")) == text


def test_a_confirmation_whose_figure_is_quoted_needs_no_figure_lead() -> None:
    row = "低于95% 月度服务费的100%"
    assert confirms_quoted("CVM 赔偿比例是100%吗？", [row])
    assert not confirms_quoted("CVM 赔偿比例是多少？", [row])  # nothing stated to confirm
    assert not confirms_quoted("CVM 赔偿比例是50%吗？", [row])  # stated, not quoted
