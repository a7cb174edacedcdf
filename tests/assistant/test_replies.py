"""The calculator answer's words (no model, no index)."""

from __future__ import annotations

from assistant.answer import Citation
from assistant.replies import clarify_text, credit_text, kind_words, unstated_text

PAGE_VIEWS = {"eligible": True, "availability_pct": 98.99, "committed_pct": 99,
              "credit_amount": None, "doc_title": "腾讯企点营销通服务等级协议", "metric": "服务可用性",
              "tier": "低于99%但等于或高于95% 服务月度的10%所对应的浏览次数。",
              "compensation": {"kind": "other", "value": None, "unit": "次浏览"}}


def test_a_compensation_without_a_figure_is_said_in_the_tiers_words() -> None:
    for lang in ("zh", "en"):
        text = credit_text(PAGE_VIEWS, (), lang)
        assert "None" not in text and "服务月度的10%所对应的浏览次数" in text.splitlines()[0]
    assert kind_words({"kind": "voucher_pct_of_monthly_fee", "value": 30, "unit": "%"}, "zh")


def test_a_figure_the_agreements_leave_unsaid_is_refused_with_what_they_do_say() -> None:
    nearest = Citation(doc_title="设计协作平台服务协议", doc_line=1, section="3.2.7", page=600,
                       line_start=1, line_end=1, text="用户如果长期不登录该账号，腾讯有权收回该账号。",
                       quote="用户如果长期不登录该账号，腾讯有权收回该账号。")
    zh = unstated_text(["length"], "zh", nearest)
    assert zh.startswith("协议没有写明具体的时长或天数") and "长期不登录" in zh and "3.2.7" in zh
    en = unstated_text(["price", "length"], "en", nearest)
    assert en.startswith("The agreements do not state a specific price or discount, "
                         "a specific length")


def test_a_clarify_gives_an_example_of_the_slas_own_kind() -> None:
    assert "CVM" in clarify_text(("measurement",), "en")
    response = clarify_text(("response_times",), "en")
    assert "when the request was raised" in response and "called back" in response
    assert "CVM" not in response


def test_minutes_of_service_paid_are_said_in_the_answers_language() -> None:
    comp = {"kind": "downtime_multiple_minutes", "value": "805.76", "unit": "分钟"}
    assert kind_words(comp, "en") == ("805.76 minutes (a multiple of the unavailable minutes "
                                      "beyond the standard)")
    assert kind_words(comp, "zh").startswith("805.76 分钟")
