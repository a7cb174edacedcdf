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
    parse_incidents,
    parse_number,
)
from assistant.web.claims_ui import on_check, on_export, on_measure, on_metric, on_product
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
