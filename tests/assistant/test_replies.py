"""The calculator answer's words (no model, no index)."""

from __future__ import annotations

from assistant.replies import credit_text, kind_words

PAGE_VIEWS = {"eligible": True, "availability_pct": 98.99, "committed_pct": 99,
              "credit_amount": None, "doc_title": "腾讯企点营销通服务等级协议", "metric": "服务可用性",
              "tier": "低于99%但等于或高于95% 服务月度的10%所对应的浏览次数。",
              "compensation": {"kind": "other", "value": None, "unit": "次浏览"}}


def test_a_compensation_without_a_figure_is_said_in_the_tiers_words() -> None:
    for lang in ("zh", "en"):
        text = credit_text(PAGE_VIEWS, (), lang)
        assert "None" not in text and "服务月度的10%所对应的浏览次数" in text.splitlines()[0]
    assert kind_words({"kind": "voucher_pct_of_monthly_fee", "value": 30, "unit": "%"}, "zh")
