"""Credit parameters the assistant extracted against the dataset's params."""

from __future__ import annotations

from eval.params import compare_params

EXPECTED = {"doc_line": 1285, "doc_title": "云服务器服务等级协议", "metric": "单实例服务可用性",
            "variant": None, "month": "2024-03", "monthly_fee": "680",
            "incidents_seconds": [45, 61, 119], "downtime_minutes": None}


def test_all_stated_fields_right() -> None:
    got = {"doc_line": 1285, "metric": "单实例服务可用性", "variant": "金", "month": "2024-03",
           "monthly_fee": 680.0, "incidents_seconds": [45.0, 61.0, 119.0]}
    # variant is not stated in the question, so it is not compared
    assert compare_params(got, EXPECTED) == {"doc": True, "metric": True, "month": True,
                                             "monthly_fee": True, "measurement": True}


def test_wrong_fields_are_named() -> None:
    got = {"doc_line": 1607, "metric": "单实例服务可用性", "month": "",
           "monthly_fee": "68", "incidents_seconds": [45, 61]}
    assert compare_params(got, EXPECTED) == {"doc": False, "metric": True, "month": False,
                                             "monthly_fee": False, "measurement": False}
    assert compare_params({}, EXPECTED)["doc"] is False


def test_one_outage_in_minutes_or_seconds_and_variant_wording() -> None:
    expected = {"doc_line": 6198, "downtime_minutes": 45, "variant": "多个可用性区域"}
    got = {"doc_line": 6198, "incidents_seconds": [2700], "variant": "多个可用性区域的缓存"}
    assert compare_params(got, expected) == {"doc": True, "variant": True, "measurement": True}
    two_outages = {"doc_line": 6198, "incidents_seconds": [1350, 1350], "variant": "单可用区"}
    assert compare_params(two_outages, expected) == {"doc": True, "variant": False,
                                                     "measurement": False}


def test_requests_compare_both_counts() -> None:
    expected = {"doc_line": 1, "total_requests": 1000, "failed_requests": 3}
    assert compare_params({"doc_line": 1, "total_requests": 1000, "failed_requests": 3},
                          expected)["measurement"] is True
    assert compare_params({"doc_line": 1, "total_requests": 1000, "failed_requests": 30},
                          expected)["measurement"] is False
