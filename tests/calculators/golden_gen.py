"""How tests/calculators/golden_cases.jsonl was made (run once, then reviewed and committed).

Boundary cases: for each chosen SLA table, the expected credit is computed here from the
corpus lines themselves (percentages read off the row text with a plain regex, money by
hand arithmetic), not from the engine: exactly at the commitment, just below it, exactly at
a lower bound, just below a lower bound. Special cases (worked examples of the agreements,
incident rounding, quantity credits, extensions, prose rules, events, counts) are written
out by hand below with the lines they come from.

    .venv/bin/python tests/calculators/golden_gen.py > tests/calculators/golden_cases.jsonl

Only the first 224 lines come from here: the cases after them were written independently from
the agreement text (with ``working`` and ``reading``); keep them when regenerating.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINES = (ROOT / "data/corpus/tencent-cloud-agreements.txt").read_text(encoding="utf-8").split("\n")
CATALOG = json.loads((ROOT / "calculators/data/sla_catalog.json").read_text(encoding="utf-8"))
FEES = ["1000", "680", "1234.56", "99.9", "250"]
MONTHS = ["2024-03", "2024-02", "2023-02", "2024-04", "2025-06"]
BOUNDARY_SLAS = 46


def cents(x: Decimal) -> str:
    return str(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def pcts(no: int) -> list[Decimal]:
    return [Decimal(n) for n in re.findall(r"(\d+(?:\.\d+)?)\s*%", LINES[no - 1])]


def boundary_cases() -> list[dict]:
    cases = []
    picked = [s for s in CATALOG["slas"] if s["computable"] and any(
        t["compensation"] == "voucher_pct_of_monthly_fee" and t["measure"] == "availability_pct"
        and not t["notes"] for t in s["tables"]) and s["counting"]["kind"] == "per_minute"]
    step = max(1, len(picked) // BOUNDARY_SLAS)
    for i, sla in enumerate(picked[::step][:BOUNDARY_SLAS]):
        table = next(t for t in sla["tables"] if t["compensation"] == "voucher_pct_of_monthly_fee"
                     and t["measure"] == "availability_pct" and not t["notes"])
        first = table["tiers"][0]["source"]["line_start"]
        nums = pcts(first)          # 低于X%但等于或高于Y% …Z%  or  X% > Av ≥ Y% …Z%
        src = table["committed_source"]
        commit_lines = list(range(src["line_start"], src["line_end"] + 1))
        committed = Decimal(table["committed"])
        fee, month = Decimal(FEES[i % 5]), MONTHS[i % 5]
        base = {"doc": sla["doc_title"], "doc_line": sla["doc_line"], "metric": table["metric"],
                "variant": table["variant"], "month": month, "monthly_fee": str(fee)}
        upper, lower, pay = (nums[0], nums[1], nums[-1]) if len(nums) >= 3 else (nums[0], None,
                                                                                  nums[-1])
        if "≤" in LINES[first - 1] and len(nums) >= 3:   # Y% ≤ a < X%
            upper, lower = nums[1], nums[0]
        cases.append(base | {"id": f"{sla['doc_id']}-at-commitment",
                             "availability_pct": str(committed),
                             "expect": {"eligible": False, "credit_amount": "0.00"},
                             "source_lines": commit_lines, "numbers": [str(table["committed"])],
                             "kind": "exactly at the commitment"})
        just = committed - Decimal("0.001")
        cases.append(base | {"id": f"{sla['doc_id']}-just-below", "availability_pct": str(just),
                             "expect": {"eligible": True, "credit_pct": str(pay),
                                        "credit_amount": cents(fee * pay / 100)},
                             "source_lines": [*commit_lines, first],
                             "numbers": [str(upper).rstrip("0").rstrip("."), f"{pay}%"],
                             "kind": "just below the commitment"})
        if lower is not None and len(table["tiers"]) > 1:
            second = table["tiers"][1]["source"]["line_start"]
            pay2 = pcts(second)[-1]
            cases.append(base | {"id": f"{sla['doc_id']}-at-lower-bound",
                                 "availability_pct": str(lower),
                                 "expect": {"eligible": True, "credit_pct": str(pay),
                                            "credit_amount": cents(fee * pay / 100)},
                                 "source_lines": [first], "numbers": [f"{lower}%", f"{pay}%"],
                                 "kind": "exactly at a lower bound (inclusive)"})
            below = lower - Decimal("0.01")
            cases.append(base | {"id": f"{sla['doc_id']}-below-lower-bound",
                                 "availability_pct": str(below),
                                 "expect": {"eligible": True, "credit_pct": str(pay2),
                                            "credit_amount": cents(fee * pay2 / 100)},
                                 "source_lines": [first, second], "numbers": [f"{pay2}%"],
                                 "kind": "just below a lower bound"})
    return cases


SPECIAL = [
    # worked examples given by the agreements
    {"id": "cvm-example-30-day-month", "doc_line": 1285, "metric": "单实例", "month": "2024-04",
     "monthly_fee": "100", "downtime_minutes": "10.8", "expect": {"eligible": False,
     "availability_pct": 99.975}, "source_lines": [1468, 1470, 1472],
     "numbers": ["43189.2", "43200", "10.8", "99.975%"], "kind": "worked example"},
    {"id": "cvm-example-multi-az", "doc_line": 1285, "metric": "单地域多可用区", "month": "2024-04",
     "monthly_fee": "100", "downtime_minutes": "2.16", "expect": {"eligible": False,
     "availability_pct": 99.995}, "source_lines": [1474, 1476, 1478],
     "numbers": ["43197.84", "2.16", "99.995%"], "kind": "worked example"},
    {"id": "clb-example-99.99", "doc_line": 10385, "variant": "99.99", "month": "2024-06",
     "monthly_fee": "100", "downtime_minutes": "4.32", "expect": {"eligible": False},
     "source_lines": [10581, 10583], "numbers": ["43195.68", "4.32"], "kind": "worked example"},
    {"id": "clb-example-99.95", "doc_line": 10385, "variant": "99.95", "month": "2024-06",
     "monthly_fee": "100", "downtime_minutes": "21.6", "expect": {"eligible": False},
     "source_lines": [10592, 10594], "numbers": ["43178.4", "21.6"], "kind": "worked example"},
    {"id": "clb-example-99.95-one-more-minute", "doc_line": 10385, "variant": "99.95",
     "month": "2024-06", "monthly_fee": "100", "downtime_minutes": "22.6",
     "expect": {"eligible": True, "credit_pct": "10", "credit_amount": "10.00"},
     "source_lines": [10594, 10610], "numbers": ["21.6", "10%"], "kind": "worked example"},
    {"id": "cmq-example-30-days", "doc_line": 4433, "month": "2024-02", "monthly_fee": "300",
     "downtime_minutes": "21.6", "expect": {"eligible": True, "credit_amount": "15.00",
     "has_notes": True}, "source_lines": [4466, 4468, 4513],
     "numbers": ["43178.4", "21.6", "× 100"],
     "kind": "worked example (CMQ month = 30 days); 4.2 pays per counted fault minute (the "
             "reading the engine notes), 300/30 ÷ 24 ÷ 60 × 21.6 × 100"},
    # incident rounding
    {"id": "cvm-incidents-issue-example", "doc_line": 1285, "metric": "单实例",
     "month": "2024-03", "monthly_fee": "680", "incidents_seconds": [45, 61, 119, 600, 1200],
     "expect": {"eligible": True, "credit_pct": "10", "credit_amount": "68.00",
                "claim_opens": "2024-04-09", "claim_deadline": "2024-05-30"},
     "source_lines": [1316, 1318, 1512, 1527, 1533], "numbers": ["2分钟", "1分01秒", "10%"],
     "kind": "incident rounding: 45 s ignored, 61/119 s = 2 min; total 34 of 44640 min"},
    {"id": "bm-incidents-5-minute", "doc_line": 1607, "metric": "单实例", "month": "2024-03",
     "monthly_fee": "1000", "incidents_seconds": [300, 301, 3000],
     "expect": {"eligible": True, "credit_pct": "10", "credit_amount": "100.00"},
     "source_lines": [1638, 1640, 1748], "numbers": ["6分钟", "5分01秒", "10%"],
     "kind": "incident rounding at 5 min: 300 s ignored, 301 s = 6 min, 3000 s = 50; 56 min"},
    {"id": "cvm-leap-february", "doc_line": 1285, "metric": "单实例", "month": "2024-02",
     "monthly_fee": "500", "downtime_minutes": "10.44", "expect": {"eligible": False,
     "availability_pct": 99.975}, "source_lines": [1308, 1468], "numbers": ["99.975%"],
     "kind": "Feb 2024 (leap): 41760 min × 0.025% = 10.44 allowed"},
    {"id": "cvm-common-february", "doc_line": 1285, "metric": "单实例", "month": "2023-02",
     "monthly_fee": "500", "downtime_minutes": "10.44",
     "expect": {"eligible": True, "credit_pct": "10", "credit_amount": "50.00"},
     "source_lines": [1308, 1468, 1512], "numbers": ["99.975%", "10%"],
     "kind": "Feb 2023: 40320 min; 10.44 min -> 99.97411% < 99.975%"},
    {"id": "cvm-durability", "doc_line": 1285, "metric": "数据存储持久性", "month": "2024-05",
     "monthly_fee": "200", "availability_pct": "99.9999", "expect": {"eligible": True,
     "credit_pct": "100", "credit_amount": "200.00"}, "source_lines": [1375, 1521],
     "numbers": ["99.9999999%"], "kind": "100% of the CBS fee for broken durability"},
    # variants
    {"id": "cos-standard", "doc_line": 5831, "variant": "标准存储", "month": "2024-02",
     "monthly_fee": "300", "availability_pct": "99.95", "expect": {"eligible": True,
     "credit_pct": "10", "credit_amount": "30.00"}, "source_lines": [5964, 5966],
     "numbers": ["99.99%", "10%"], "kind": "variant label on its own line"},
    {"id": "cos-infrequent-at-commitment", "doc_line": 5831, "variant": "低频存储",
     "month": "2024-02", "monthly_fee": "300", "availability_pct": "99.90",
     "expect": {"eligible": False}, "source_lines": [5937], "numbers": ["99.90%"],
     "kind": "exactly at the commitment"},
    {"id": "cos-infrequent-below", "doc_line": 5831, "variant": "低频存储", "month": "2024-02",
     "monthly_fee": "300", "availability_pct": "99.85", "expect": {"eligible": True,
     "credit_pct": "30", "credit_amount": "90.00"}, "source_lines": [6026],
     "numbers": ["99.90%", "30%"], "kind": "variant"},
    {"id": "ccn-platinum", "doc_line": 11575, "variant": "白金", "month": "2024-03",
     "monthly_fee": "1000", "availability_pct": "99.96", "expect": {"eligible": True,
     "credit_pct": "15", "credit_amount": "150.00"}, "source_lines": [11694, 11696],
     "numbers": ["99.99%", "15%"], "kind": "variant"},
    {"id": "ccn-platinum-spaced-bound", "doc_line": 11575, "variant": "白金",
     "month": "2024-03", "monthly_fee": "1000", "availability_pct": "99.50",
     "expect": {"eligible": True, "credit_pct": "30", "credit_amount": "300.00"},
     "source_lines": [11698], "numbers": ["99.50 %", "30%"],
     "kind": "exactly at a bound written with a space"},
    {"id": "ccn-gold-not-eligible", "doc_line": 11575, "variant": "金", "month": "2024-03",
     "monthly_fee": "1000", "availability_pct": "99.96", "expect": {"eligible": False},
     "source_lines": [11640], "numbers": ["99.95%"], "kind": "variant"},
    {"id": "ccn-silver", "doc_line": 11575, "variant": "银", "month": "2024-03",
     "monthly_fee": "1000", "availability_pct": "94", "expect": {"eligible": True,
     "credit_pct": "100", "credit_amount": "1000.00"}, "source_lines": [11716],
     "numbers": ["95.00%", "100%"], "kind": "variant, lowest tier"},
    {"id": "mysql-three-node-multi-az", "doc_line": 8253, "variant": "三节点多可用区",
     "month": "2024-03", "monthly_fee": "800", "availability_pct": "99.98",
     "expect": {"eligible": True, "credit_pct": "15", "credit_amount": "120.00"},
     "source_lines": [8383, 8385], "numbers": ["99.99%", "15%"], "kind": "node layout"},
    {"id": "mysql-two-node-single-az", "doc_line": 8253, "variant": "双节点单可用区",
     "month": "2024-03", "monthly_fee": "800", "availability_pct": "99.98",
     "expect": {"eligible": False}, "source_lines": [8399, 8401], "numbers": ["99.95%"],
     "kind": "node layout"},
    # quantity credits
    {"id": "sms-quantity", "doc_line": 44070, "month": "2024-03", "monthly_fee": "500",
     "total_requests": 1000, "failed_requests": 60, "unit_price": "0.045",
     "expect": {"eligible": True, "credit_pct": "10", "compensation_value": 1111},
     "source_lines": [44111, 44216], "numbers": ["10%", "短信条数"],
     "kind": "quantity credit: 500 × 10% ÷ 0.045 = 1111.1 -> 1111"},
    {"id": "ses-quantity", "doc_line": 45016, "month": "2024-03", "monthly_fee": "100",
     "total_requests": 100, "failed_requests": 2, "unit_price": "0.0019",
     "expect": {"eligible": True, "credit_pct": "10", "compensation_value": 5263},
     "source_lines": [45095], "numbers": ["10%", "四舍五入取整"],
     "kind": "quantity credit rounded half up: 10 ÷ 0.0019 = 5263.16"},
    # extensions and other kinds
    {"id": "youma-months", "doc_line": 18364, "month": "2024-03", "monthly_fee": "100",
     "availability_pct": "94", "expect": {"eligible": True, "compensation_value": 2},
     "source_lines": [18513], "numbers": ["二个月"], "kind": "extension in months"},
    {"id": "silixuanpin-days", "doc_line": 57379, "month": "2024-03", "monthly_fee": "100",
     "availability_pct": "98", "expect": {"eligible": True, "compensation_value": 6,
     "claim_deadline": "2024-04-30"}, "source_lines": [57446, 57418],
     "numbers": ["6个自然日", "30"], "kind": "extension in days; deadline 30th day of next month"},
    {"id": "weida-term-pct", "doc_line": 39221, "month": "2024-03", "monthly_fee": "100",
     "availability_pct": "92", "expect": {"eligible": True, "compensation_value": 25},
     "source_lines": [39353], "numbers": ["25%"], "kind": "extension as % of the term"},
    {"id": "thpc-downtime-multiple", "doc_line": 2144, "month": "2024-04", "monthly_fee": "100",
     "availability_pct": "98.5", "expect": {"eligible": True, "compensation_value": 3024},
     "source_lines": [2284], "numbers": ["5倍"],
     "kind": "April: 43200 × (99.9% − 98.5%) = 604.8 min beyond the standard; × 5 = 3024"},
    # prose rules
    {"id": "cmq-per-minute-formula", "doc_line": 4433, "month": "2024-03", "daily_fee": "14.4",
     "monthly_fee": "432", "incidents_seconds": [240, 301, 3540],
     "expect": {"eligible": True, "credit_amount": "65.00"}, "source_lines": [4470, 4513],
     "numbers": ["5分钟", "100"],
     "kind": "240 s ignored, 301 s = 6, 3540 s = 59 -> 65 min; 14.4/24/60 × 65 × 100 = 65.00"},
    {"id": "cmq-formula-capped", "doc_line": 4433, "month": "2024-03", "daily_fee": "14.4",
     "monthly_fee": "50", "downtime_minutes": "65",
     "expect": {"eligible": True, "credit_amount": "50.00", "cap_applied": True},
     "source_lines": [4513, 4515], "numbers": ["总费用"], "kind": "cap"},
    {"id": "captcha-failed-x10", "doc_line": 17076, "month": "2024-03",
     "total_requests": 100000, "failed_requests": 100,
     "expect": {"eligible": True, "compensation_value": 1000,
                "claim_deadline": "2024-05-31"},
     "source_lines": [17150, 17152], "numbers": ["10"], "kind": "failed requests × 10"},
    # events and counts
    {"id": "managed-security-response-timeout", "doc_line": 21444, "month": "2024-03",
     "monthly_fee": "10000", "events": ["服务响应时长超时"],
     "expect": {"eligible": True, "credit_pct": "50", "credit_amount": "5000.00"},
     "source_lines": [21586], "numbers": ["50%"], "kind": "% of a one-off order fee"},
    {"id": "exposure-late-3", "doc_line": 22529, "month": "2024-03", "monthly_fee": "1000",
     "late_responses": 3, "expect": {"eligible": False}, "source_lines": [22686],
     "numbers": ["3次<"], "kind": "count bound exclusive"},
    {"id": "exposure-late-5", "doc_line": 22529, "month": "2024-03", "monthly_fee": "1000",
     "late_responses": 5, "expect": {"eligible": True, "credit_pct": "5",
     "credit_amount": "50.00"}, "source_lines": [22686], "numbers": ["<=5次", "5%"],
     "kind": "count bound inclusive"},
    {"id": "vuln-late-7", "doc_line": 22750, "month": "2024-03", "monthly_fee": "1000",
     "late_responses": 7, "expect": {"eligible": True, "credit_pct": "25",
     "credit_amount": "250.00"}, "source_lines": [22898], "numbers": ["≥ 7次", "25%"],
     "kind": "count"},
    {"id": "code-signing-duration", "doc_line": 21151, "month": "2024-03", "monthly_fee": "1000",
     "incidents_seconds": [200, 400, 7000], "expect": {"eligible": True, "credit_pct": "25",
     "credit_amount": "250.00"}, "source_lines": [21274, 21276, 21277],
     "numbers": ["2小时", "25%"], "kind": "outages > 5 min add up to 123.3 min > 2 h"},
    # contradictions, overlaps, gaps
    {"id": "im-contradiction", "doc_line": 44462, "month": "2024-03", "monthly_fee": "1000",
     "availability_pct": "99.95", "expect": {"eligible": False, "credit_amount": "0.00",
     "has_notes": True}, "source_lines": [44507, 44622], "numbers": ["99.99%", "99.9%"],
     "kind": "commits 99.99 but the table starts at 99.9: below the commitment, no row"},
    {"id": "confidential-contradiction", "doc_line": 21289, "month": "2024-03",
     "monthly_fee": "1000", "availability_pct": "99.92", "expect": {"eligible": True,
     "credit_pct": "10", "credit_amount": "100.00", "has_notes": True},
     "source_lines": [21334, 21429], "numbers": ["99.90%", "99.95%"],
     "kind": "commits 99.90 but the table starts at 99.95: the row applies, noted"},
    {"id": "grafana-overlap-95", "doc_line": 41997, "month": "2024-03", "monthly_fee": "1000",
     "availability_pct": "95", "expect": {"eligible": True, "credit_pct": "100",
     "credit_amount": "1000.00", "has_notes": True}, "source_lines": [42136, 42138],
     "numbers": ["≤ 95%", "100%"], "kind": "upper bound inclusive overlaps the row above"},
    {"id": "csc-below-lowest-row", "doc_line": 18904, "month": "2024-03", "monthly_fee": "1000",
     "availability_pct": "85", "expect": {"eligible": False, "credit_amount": "0.00"},
     "source_lines": [19045], "numbers": ["90%"], "kind": "no row below 90%"},
    # claim windows
    {"id": "vod-third-working-day", "doc_line": 14409, "month": "2024-09", "monthly_fee": "100",
     "availability_pct": "99.5", "expect": {"eligible": True, "credit_pct": "10",
     "credit_amount": "10.00", "claim_opens": "2024-10-11", "claim_deadline": "2024-11-29"},
     "source_lines": [14500, 14564], "numbers": ["第三（3）", "10%"],
     "kind": "3rd working day after the National Day holiday (Oct 8, 9, 10 -> opens Oct 11)"},
    {"id": "cvm-october-makeup-day", "doc_line": 1285, "metric": "单实例", "month": "2024-09",
     "monthly_fee": "100", "availability_pct": "99.9", "expect": {"eligible": True,
     "claim_opens": "2024-10-13", "claim_deadline": "2024-11-29"},
     "source_lines": [1527, 1533], "numbers": ["第五（5）个工作日", "六十（60）"],
     "kind": "5th working day of Oct 2024 is Sat Oct 12 (make-up workday)"},
]


def main() -> None:
    cases = boundary_cases() + SPECIAL
    for case in cases:
        sys.stdout.write(json.dumps(case, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
