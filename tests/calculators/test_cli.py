"""The calculators CLI: products, coverage, credit single case and batch, exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculators.__main__ import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_products_and_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "products", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 227
    cos = next(r for r in rows if r["doc_line"] == 5831)
    assert "标准存储" in cos["variants"] and "COS" in cos["aliases"]
    code, out, _ = run(capsys, "coverage", "--json")
    assert code == 0 and json.loads(out)["computable"] >= 215


def test_credit_in_words_leads_with_the_amount_and_the_claim_window(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "credit", "--doc", "CVM", "--metric", "单实例", "--month",
                       "2024-03", "--fee", "680", "--incidents", "45", "61", "119", "600", "1200")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "可获赔 68.00 元（10%）"
    assert lines[1] == "申请：2024-04-09 起，最晚 2024-05-30"
    assert "{" not in out  # no raw dicts


def test_credit_single_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "credit", "--doc", "CVM", "--metric", "单实例", "--month",
                       "2024-03", "--fee", "680", "--incidents", "45", "61", "119", "600",
                       "1200", "--json")
    result = json.loads(out)
    assert code == 0
    assert result["credit_amount"] == 68 and result["credit_pct"] == 10
    assert result["claim_window"] == {"opens": "2024-04-09", "deadline": "2024-05-30"}
    assert result["steps"][0] == "2024年3月共 31 天，44640 分钟"
    assert {c["section"] for c in result["citations"]} >= {"2.2", "3.1", "3.2"}
    assert set(result) >= {"doc_title", "doc_line", "metric", "variant", "availability_pct",
                           "committed_pct", "eligible", "credit_pct", "credit_amount",
                           "compensation", "cap_applied", "claim_window", "steps", "citations"}


@pytest.mark.parametrize(("args", "message"), [
    (["--doc", "云服物器", "--month", "2024-03", "--fee", "1", "--downtime", "1"], "several"),
    (["--doc", "不存在的产品XYZ", "--month", "2024-03", "--fee", "1", "--downtime", "1"],
     "closest"),
    (["--doc", "COS", "--month", "2024-03", "--fee", "1", "--availability", "99"], "variant"),
    (["--doc", "CVM", "--metric", "单实例", "--month", "2024-02", "--fee", "1",
      "--downtime", "50000"], "longer than"),
    (["--doc", "CVM", "--metric", "单实例", "--month", "2024-03", "--fee", "-5",
      "--downtime", "1"], "monthly_fee"),
    (["--doc", "CVM", "--metric", "单实例", "--month", "2024-3x", "--fee", "5",
      "--downtime", "1"], "YYYY-MM"),
    (["--doc", "短信", "--month", "2024-03", "--fee", "5", "--downtime", "1"],
     "success rate"),
    (["--doc", "CVM", "--metric", "单实例", "--month", "2024-03", "--fee", "nan",
      "--downtime", "1"], "finite"),                       # no decimal traceback
    (["--doc", "CVM", "--metric", "单实例", "--month", "2024-03", "--fee", "1e27",
      "--downtime", "1"], "too large"),
    (["--doc", "CVM", "--metric", "单实例", "--month", "0000-01", "--fee", "5",
      "--downtime", "1"], "1990"),
    (["--doc", "CVM", "--metric", "单实例", "--month", "2024-03", "--fee", "5",
      "--incidents", "inf"], "finite"),
    (["--doc", "CVM", "--metric", "单实例", "--month", "2024-03", "--daily-fee", "nan",
      "--downtime", "1"], "daily_fee"),
    (["--doc", "CVM", "--metric", "单实例", "--month", "2024-03", "--fee", "5",
      "--availability", "120"], "0 to 100"),
])
def test_bad_input_exits_2(capsys: pytest.CaptureFixture[str], args: list[str],
                           message: str) -> None:
    code, _, err = run(capsys, "credit", *args)
    assert code == 2 and message in err and err.count("\n") == 1


def test_batch_every_measurement_kind(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    requests = [
        {"id": "a", "doc": "云服务器", "metric": "单实例", "month": "2024-03",
         "monthly_fee": 100, "downtime_minutes": 30},
        {"id": "b", "doc": "CVM", "metric": "单实例", "month": "2024-03", "monthly_fee": 100,
         "incidents_seconds": [61, 600]},
        {"id": "c", "doc": "对象存储", "variant": "标准存储", "month": "2024-02",
         "monthly_fee": 100, "availability_pct": 99.5},
        {"id": "d", "doc": "腾讯云短信服务等级协议", "month": "2024-03", "monthly_fee": 100,
         "total_requests": 100, "failed_requests": 8},
        {"id": "e", "doc": "CVM", "month": "2024-03", "monthly_fee": 100,
         "downtime_minutes": 30},
        {"id": "f", "doc_line": 2498, "month": "2024-03", "availability_pct": 90},
    ]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in requests),
                   encoding="utf-8")
    code, _, _ = run(capsys, "credit", "--batch", str(src), "--out", str(out))
    rows = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert code == 0
    assert [rows[k]["ok"] for k in "abcd"] == [True] * 4
    assert rows["c"]["result"]["credit_pct"] == 30 and rows["d"]["result"]["eligible"]
    assert not rows["e"]["ok"] and "metric" in rows["e"]["error"]
    free = rows["f"]["result"]   # a free product: no credit, the reason cited
    assert rows["f"]["ok"] and not free["eligible"] and free["compensation"]["kind"] == "none"
    assert free["notes"] == ["免费产品，不提供任何 SLA 承诺"] and free["citations"]


def test_a_bad_batch_line_gets_an_error_line_and_the_rest_go_on(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = json.dumps({"id": "g", "doc": "CVM", "metric": "单实例", "month": "2024-03",
                       "monthly_fee": 100, "downtime_minutes": 30}, ensure_ascii=False)
    lines = [good.encode(), b'{"id": "n", "doc": "CVM", "month": "2024-03", '
             b'"downtime_minutes": NaN}', b"null", b"[1, 2]", b"{not json", b"\xff\xfe{}",
             good.replace('"g"', '"h"').encode()]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    code, _, err = run(capsys, "credit", "--batch", str(src), "--out", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and "2 results, 5 lines with errors" in err
    assert [r["ok"] for r in records] == [True, False, False, False, False, False, True]
    assert [r["id"] for r in records if r["ok"]] == ["g", "h"]
    assert "finite" in records[1]["error"] and "UTF-8" in records[5]["error"]
