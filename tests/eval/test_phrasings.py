"""The phrasing suite's scoring, on hand-made phrasings (the blind file is scored by the CLI)."""

from __future__ import annotations

import pytest

from eval.phrasings import Phrasing, load_phrasings, question, run_phrasings, verdict


def test_each_kind_is_put_in_a_plain_question_and_scored_on_its_fact() -> None:
    assert question(Phrasing("fee", "zh", "月费 2k", {"monthly": "2000"})).count("月费") == 1
    assert verdict(Phrasing("duration", "zh", "两个半小时", 9000)) == "exact"
    assert verdict(Phrasing("fee", "zh", "一次性预付了3个月共6000元",
                            {"prepaid_total": "6000", "months": 3})) == "exact"
    assert verdict(Phrasing("fee", "en", "we pay 24,000 CNY a year", {"annual": "24000"})) \
        == "exact"
    assert verdict(Phrasing("month", "en", "last month", "2026-10")) == "exact"
    assert verdict(Phrasing("distractor", "zh", "工单 #20250312", None)) == "exact"


def test_a_value_read_differently_is_wrong_and_an_unread_one_asked() -> None:
    assert verdict(Phrasing("duration", "zh", "两个半小时", 5400)) == "wrong"
    assert verdict(Phrasing("duration", "en", "a couple of hours", 7200)) == "asked"
    record = run_phrasings([Phrasing("duration", "zh", "两个半小时", 5400),
                            Phrasing("month", "zh", "上个月", "2026-10")])
    assert record["by_kind"]["all"] == {"n": 2, "exact": 0.5, "asked": 0.0, "wrong": 0.5}
    assert record["wrong"] == [{"kind": "duration", "lang": "zh", "text": "两个半小时",
                                "value": 5400}]


def test_the_phrasing_file_is_read_wrong_at_most_once_in_a_hundred() -> None:
    # a dev gate: the blind file scored 0.053 wrong the first time it was read (see its README)
    record = run_phrasings(load_phrasings())
    assert record["phrasings"] >= 400
    assert record["by_kind"]["all"]["wrong"] <= 0.01, record["wrong"]


@pytest.mark.parametrize("name", [
    "phrasings_2.json",  # scored 0.038 wrong the first time it was read
    "phrasings_3.json",  # scored 0.048 wrong the first time it was read
    "phrasings_4.json",  # 0.046
    "phrasings_5.json",  # 0.047
    "phrasings_6.json",  # 0.033
    "phrasings_7.json",  # 0.045
    "phrasings_8.json",  # 0.032
    "phrasings_9.json",  # 0.022
    "phrasings_10.json",  # 0.079 (0.045 once per-instance outages were scored as read)
    "phrasings_11.json",  # 0.029
    "phrasings_12.json",  # 0.033
    "phrasings_14.json",  # 0.023
    "phrasings_15.json",  # 0.018
    "phrasings_16.json",  # 0.016
])
def test_the_later_phrasing_files_are_read_wrong_at_most_once_in_a_hundred(name: str) -> None:
    # dev gates: each was a blind file before its failures were read
    from pathlib import Path
    record = run_phrasings(load_phrasings(Path("eval/datasets") / name))
    assert record["phrasings"] >= 390 and record["by_kind"]["all"]["wrong"] <= 0.01, \
        record["wrong"]
