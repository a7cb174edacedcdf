"""The claim checker: form -> calculators request -> card; bad input is a message saying what
to fix (the calculators' own); choices follow the SLA; the export (real catalog)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.web.claims import (
    ClaimForm,
    check_claim,
    claim_request,
    fix_message,
    measures_for,
    needed_inputs,
    parse_incidents,
    parse_number,
)
from assistant.web.claims_ui import (
    on_check,
    on_export,
    on_inputs,
    on_measure,
    on_metric,
    on_product,
)
from assistant.web.library import Library
from calculators.engine import InputError
from tests.assistant.web.fakes import TODAY

CVM = 1285  # doc_line of 云服务器服务等级协议


def cvm_form(**changes: object) -> ClaimForm:
    fields: dict[str, object] = {"doc_line": CVM, "metric": "单实例服务可用性", "month": "2024-03",
                                 "fee": 2000.0, "measure": "downtime", "downtime": 90.0}
    return ClaimForm(**(fields | changes))  # type: ignore[arg-type]


def test_only_the_chosen_measurement_is_sent() -> None:
    form = cvm_form(measure="incidents", incidents="45, 61 600", availability=99.0)
    assert claim_request(form) == {"doc_line": CVM, "metric": "单实例服务可用性",
                                   "month": "2024-03", "monthly_fee": 2000.0,
                                   "incidents_seconds": [45.0, 61.0, 600.0]}
    assert claim_request(cvm_form(measure="requests", total=1000.0, failed=3.0))[
        "failed_requests"] == 3


def test_eligible_claim_card(library: Library) -> None:
    checked = check_claim(cvm_form(), library, TODAY)
    assert checked.result is not None and checked.result["credit_amount"] == 200
    assert "符合赔偿条件" in checked.card and "99.7984%" in checked.card
    assert "200 元（月度服务费的 10%）" in checked.card
    assert "可以申请" in checked.card and "还有 10 天截止" in checked.card
    assert '<tr class="hit">' in checked.card and '<details class="cite">' in checked.card
    assert any("黑客攻击" in words for _, words in checked.exclusions)


def test_not_eligible_card(library: Library) -> None:
    checked = check_claim(cvm_form(downtime=5.0), library, TODAY)
    assert "不符合赔偿条件" in checked.card and "无需申请" in checked.card


@pytest.mark.parametrize(("changes", "words"), [
    ({"fee": -5.0}, ["请修改月度服务费（monthly_fee）", "must be ≥ 0"]),
    ({"month": "2024/3"}, ["请修改月份（month）", "YYYY-MM"]),
    ({"downtime": None}, ["give", "a measurement"]),
    ({"doc_line": None}, ["请先选择产品"]),
    ({"measure": "incidents", "incidents": "45, abc"}, ["故障时长请写成秒数"]),
    ({"downtime": 50000.0}, ["longer than the period"]),
])
def test_bad_input_says_what_to_fix(library: Library, changes: dict[str, object],
                                    words: list[str]) -> None:
    checked = check_claim(cvm_form(**changes), library, TODAY)
    assert checked.result is None
    assert 'class="msg error"' in checked.card
    assert all(w in checked.card for w in words), checked.card
    assert "Traceback" not in checked.card


def test_blank_boxes_are_not_given_and_non_numbers_are_named(library: Library) -> None:
    card, _, saved = on_check(library, TODAY, CVM, "单实例服务可用性", "", "2024-03", "2000",
                              "downtime", "", "", "", "", "", "", [])
    assert saved is None and "a measurement" in card       # blank is missing, not 0
    card = on_check(library, TODAY, CVM, "单实例服务可用性", "", "2024-03", "两千", "downtime",
                    "90", "", "", "", "", "", [])[0]
    assert "月度服务费请填写数字" in card


def test_helpers() -> None:
    assert parse_number(" 99.5% ", "可用性") == 99.5 and parse_number("", "x") is None
    assert parse_incidents("45，61、600") == [45.0, 61.0, 600.0]
    with pytest.raises(InputError):
        parse_incidents("1m")
    assert fix_message("monthly_fee: must be ≥ 0").startswith("请修改月度服务费（monthly_fee）：")


def test_measurements_follow_the_sla(library: Library) -> None:
    sms = next(s for s in library.catalog.slas if s.product == "短信")
    assert measures_for(sms, None)[0] == "requests"
    cvm = library.sla(CVM)
    assert cvm is not None and measures_for(cvm, "单实例服务可用性") == [
        "downtime", "incidents", "availability"]


def test_choosing_a_product_updates_metric_variant_and_measurement(library: Library) -> None:
    cos = next(s for s in library.catalog.slas if s.doc_id == "cos-sla")
    metric, variant, measure, _, hint = on_product(cos.doc_line, library)
    assert metric.value == "服务可用性" and "对象存储服务等级协议" in hint
    assert ("标准存储", "标准存储") in variant.choices
    assert measure.value == "downtime"
    assert on_metric(None, None, library)[0].choices == []
    visible = [u["visible"] for u in on_measure("availability")]
    assert visible == [False, False, True, False, False, False]


def test_product_picker_filters_by_alias(library: Library) -> None:
    labels = [c.label for c in library.product_choices()]
    assert any("CVM" in label and "云服务器服务等级协议" in label for label in labels)
    assert len(labels) == len(library.catalog.slas)


def test_export_markdown_and_json_with_ticked_exclusions(library: Library,
                                                         tmp_path: Path) -> None:
    card, ticks, saved = on_check(library, TODAY, CVM, "单实例服务可用性", "", "2024-03", "2,000",
                                  "downtime", "90", "", "", "", "", "", [])
    assert saved is not None and "符合赔偿条件" in card
    first = ticks.choices[0][1]
    markdown, text, files = on_export(saved, [first], TODAY, tmp_path)
    assert "# SLA 赔偿核对：《云服务器服务等级协议》" in markdown
    assert "- 赔偿：200 元（月度服务费的 10%）" in markdown
    assert "- [x] " in markdown and "- [ ] " in markdown
    record = json.loads(text)
    assert record["result"]["credit_amount"] == 200
    assert record["claim_status"]["state"] == "open"
    assert [e["checked"] for e in record["exclusions"]][:2] == [True, False]
    assert [Path(f).suffix for f in files] == [".md", ".json"]
    assert Path(files[0]).read_text(encoding="utf-8") == markdown
    assert on_export(None, [], TODAY)[0].startswith("先点击")


# --- the extra inputs some SLAs read: daily fee, unit price, order fee, service end -------

def sla_line(library: Library, title: str) -> int:
    return next(s.doc_line for s in library.catalog.slas if s.doc_title == title)


def test_cmq_old_sla_daily_fee_gives_the_per_minute_voucher(library: Library,
                                                             tmp_path: Path) -> None:
    # 消息队列 CMQ 服务等级协议 (old): a month is 30 days (2.1.1); an outage of 5 minutes or
    # less is not counted (2.1.7, 4470); minutes are rounded up (4.2: 1分01秒 按2分钟算);
    # 代金券金额 = 故障 Queue 每天费用 ÷ 24 ÷ 60 × 故障时间（分钟） × 100 (4513).
    # Outages of 400 s (6 min 40 s -> 7 min) and 200 s (≤ 5 min, not counted) = 7 minutes;
    # daily fee 28.8 元: 28.8 ÷ 24 ÷ 60 = 0.02 元 a minute × 7 × 100 = 14 元.
    cmq = sla_line(library, "消息队列 CMQ 服务等级协议")
    card, _, saved = on_check(library, TODAY, cmq, None, "", "2024-08", "", "incidents", "",
                              "400, 200", "", "", "", "", [], daily_fee="28.8")
    assert saved is not None, card
    assert saved["request"]["daily_fee"] == 28.8
    assert saved["result"]["credit_amount"] == 14
    assert saved["result"]["compensation"]["kind"] == "voucher_per_minute_formula"
    assert "14 元" in card and "× 7 分钟 × 100 = 14.00 元" in card
    markdown = on_export(saved, [], TODAY, tmp_path)[0]
    assert "- 其他输入：每日费用 28.8 元/天" in markdown


def test_sms_sla_with_unit_price_gives_a_message_count(library: Library) -> None:
    # 腾讯云短信服务等级协议: 服务可用性 = 1 − 明确失败数 / 有效数 (2.1, 44111):
    # 1 − 80 000 / 1 000 000 = 92%, in 低于95%但等于或高于90% -> 服务周期服务费用的10%所对应
    # 的短信条数 (3.1, 44216). 1000 元 × 10% = 100 元 ÷ 0.045 元/条 = 2222.2 -> 2222 条.
    sms = sla_line(library, "腾讯云短信服务等级协议")
    form = ClaimForm(sms, "服务可用性", None, "2024-03", 1000.0, "requests", total=1_000_000,
                     failed=80_000, unit_price=0.045)
    checked = check_claim(form, library, TODAY)
    assert checked.result is not None, checked.card
    assert checked.result["compensation"] == {"kind": "sms_count", "value": 2222,
                                              "unit": "条短信"}
    assert "2222 条短信" in checked.card and "请填写" not in checked.card


@pytest.mark.parametrize(("title", "changes", "words"), [
    ("消息队列 CMQ 服务等级协议", {"measure": "incidents", "incidents": "400", "fee": None},
     "请填写每日费用（daily_fee）：代金券金额需提供 daily_fee"),
    ("腾讯云短信服务等级协议", {"measure": "requests", "total": 1000.0, "failed": 80.0},
     "请填写单价（unit_price）"),
    ("腾讯云应急响应服务服务等级协议", {"measure": "events", "events": ["服务响应时长超时"],
                                        "fee": None}, "请填写订单实付金额（order_fee）"),
])
def test_a_missing_input_is_named(library: Library, title: str, changes: dict[str, object],
                                  words: str) -> None:
    form = cvm_form(**{"doc_line": sla_line(library, title), "metric": None} | changes)
    checked = check_claim(form, library, TODAY)
    assert checked.result is not None and checked.result["eligible"], checked.card
    assert words in checked.card
    assert '<div class="msg info">' in checked.card


@pytest.mark.parametrize(("changes", "words"), [
    ({"daily_fee": -1.0}, "请修改每日费用（daily_fee）：daily_fee: must be ≥ 0"),
    ({"service_end": "2024/05/10"}, "请修改服务结束日期（service_end）：service_end:"),
    ({"order_fee": -3.0}, "请修改订单实付金额（order_fee）"),
])
def test_a_malformed_input_is_named(library: Library, changes: dict[str, object],
                                    words: str) -> None:
    doc_line = sla_line(library, "消息队列 CMQ 服务等级协议" if "daily_fee" in changes
                        else "腾讯云应急响应服务服务等级协议")
    form = cvm_form(**{"doc_line": doc_line, "metric": None, "measure": "events",
                       "events": ["服务响应时长超时"]} | changes)
    checked = check_claim(form, library, TODAY)
    assert checked.result is None and words in checked.card, checked.card
    card = on_check(library, TODAY, CVM, "单实例服务可用性", "", "2024-03", "2000", "downtime",
                    "90", "", "", "", "", "", [], unit_price="abc")[0]
    assert "单价请填写数字" in card


def test_service_end_dates_the_claim_and_hidden_inputs_are_not_sent(library: Library) -> None:
    # 应急响应 3.2 (21863–21869): the claim opens after the 5th working day of the month after
    # the service ends and closes 60 natural days after it ends: 2024-05-10 + 60 = 2024-07-09.
    form = cvm_form(doc_line=sla_line(library, "腾讯云应急响应服务服务等级协议"), metric=None,
                    fee=None, measure="events", events=["服务响应时长超时"], order_fee=50000.0,
                    service_end="2024-05-10")
    checked = check_claim(form, library, TODAY)
    assert checked.result is not None, checked.card
    assert checked.result["credit_amount"] == 15000       # 服务费的30% of 50 000 元
    assert checked.result["claim_window"]["deadline"] == "2024-07-09"
    cvm = check_claim(cvm_form(daily_fee=10.0, unit_price=1.0, service_end="2024-03-01"),
                      library, TODAY)
    assert cvm.request is not None and not {"daily_fee", "unit_price", "service_end"} & set(
        cvm.request)


def test_the_extra_inputs_follow_the_sla(library: Library) -> None:
    def shown(doc_line: int | None) -> list[bool]:
        return [u["visible"] for u in on_inputs(doc_line, library)]

    assert shown(sla_line(library, "消息队列 CMQ 服务等级协议")) == [True, False, False, False]
    assert shown(sla_line(library, "消息队列 CMQ 版服务等级协议")) == [False] * 4
    assert shown(sla_line(library, "腾讯云应急响应服务服务等级协议")) == [False, False, True, True]
    assert shown(sla_line(library, "安全托管服务服务等级协议")) == [False, False, True, False]
    assert shown(CVM) == shown(None) == [False] * 4
    email = sla_line(library, "腾讯云邮件推送服务等级协议")
    assert shown(email) == [False, True, False, False]
    assert on_inputs(email, library)[1]["label"] == "单价（元/封邮件）"
    computable = [s for s in library.catalog.slas if s.computable]
    assert sum("unit_price" in needed_inputs(s) for s in computable) == 5
