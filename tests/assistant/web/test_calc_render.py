"""The calculation HTML: claim window against today, tier table with the matched row."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.web.calc_render import (
    calculation_html,
    claim_status,
    credit_words,
    tier_table_html,
    verdict_html,
)
from assistant.web.library import Library
from calculators.batch import credit_result
from tests.assistant.web.fakes import CVM_CASE

RESULT = credit_result(CVM_CASE)


@pytest.mark.parametrize(("today", "state", "words"), [
    (date(2024, 4, 1), "not_yet", "还有 8 天开放"),
    (date(2024, 5, 20), "open", "还有 10 天截止"),
    (date(2024, 5, 30), "open", "还有 0 天截止"),
    (date(2024, 6, 2), "expired", "已过 3 天"),
])
def test_claim_window_against_today(today: date, state: str, words: str) -> None:
    status = claim_status(RESULT, today)
    assert (status.state, words in status.text) == (state, True), status.text


def test_no_credit_means_nothing_to_claim() -> None:
    result = credit_result({**CVM_CASE, "downtime_minutes": 1})
    assert claim_status(result, date(2024, 5, 1)).state == "none"
    assert credit_words(result) == "无赔偿"
    assert "不符合赔偿条件" in verdict_html(result)
    free = credit_result({"doc_line": 2498, "month": "2026-10", "downtime_minutes": 180})
    assert credit_words(free) == "无赔偿（免费产品，不提供任何 SLA 承诺）"   # the reason, not a tier


def test_tier_table_highlights_the_matched_row(library: Library) -> None:
    html = tier_table_html(RESULT, library)
    assert RESULT["tier"] == "低于99.975%但等于或高于99% 月度服务费的10%"
    hit = html.split('<tr class="hit">')[1].split("</tr>")[0]
    assert "低于99.975%但等于或高于99% 月度服务费的10%" in hit
    assert html.count('class="hit"') == 1
    assert "低于95% 月度服务费的100%" in html


def test_chat_calculation_shows_window_table_and_exclusions(library: Library) -> None:
    html = calculation_html(RESULT, library, date(2024, 5, 20))
    assert "可以申请" in html and "2024-05-30" in html
    assert "赔偿档位表" in html
    assert "免责条款" in html and "5.2 客户的应用程序受到黑客攻击而引起的。" in html
    assert credit_words(RESULT) == "200 元（月度服务费的 10%）"


def test_an_english_answers_calculation_is_labelled_in_english(library: Library) -> None:
    html = calculation_html(RESULT, library, date(2024, 5, 20), "en")
    assert "Claim window · Open: from" in html and "10 days left" in html
    assert "Compensation tiers" in html and "Exclusions (" in html
    assert not any(word in html for word in ("申请期", "赔偿档位表", "免责情形", "可以申请"))
    assert "低于95% 月度服务费的100%" in html  # the agreement's own words stay as written


def test_credit_words_without_an_amount_say_what_is_pending() -> None:
    pending = {"eligible": True, "credit_amount": None, "credit_pct": None,
               "tier": "低于99.95% 赔偿", "compensation": {"kind": "voucher_per_minute_formula",
                                                         "value": None, "unit": None}}
    assert credit_words(pending) == "按档位「低于99.95% 赔偿」赔偿，金额待补充输入后算出"
    assert "None" not in credit_words({**pending, "tier": None})
    order = {"eligible": True, "credit_amount": None, "credit_pct": 50,
             "compensation": {"kind": "voucher_pct_of_order_fee", "value": 50, "unit": "%"}}
    assert credit_words(order).startswith("订单服务费的 50%")
