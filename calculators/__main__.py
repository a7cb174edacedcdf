"""Command line of the SLA calculators.

Examples:
  python -m calculators extract                 # regenerate calculators/data/sla_catalog.json
  python -m calculators extract --check         # exit 1 if the committed file differs
  python -m calculators products [--json]       # SLAs with metrics and variants
  python -m calculators coverage [--json]       # computable or not, counts per rule kind
  python -m calculators credit --doc CVM --metric 单实例 --month 2024-03 --fee 680 \\
      --incidents 45 61 119 600 1200 [--json]
  python -m calculators credit --doc 对象存储 --variant 标准存储 --month 2024-02 --fee 100 \\
      --availability 99.5
  python -m calculators credit --doc CVM --metric 单实例 --month 2024-08 --fee 800 \
      --availability 98.5 --also "metric=单地域多可用区服务可用性;availability=99.2"
  python -m calculators credit --doc 安全托管服务 --month 2024-05 --event 服务响应时长超时 \
      --order-fee 50000
  python -m calculators credit --doc 漏洞治理服务 --month 2024-10 --fee 3000 --event-count 4
  python -m calculators credit --doc CMQ --month 2024-08 --incidents 440 --daily-fee 14.4
  python -m calculators credit --batch IN.jsonl --out OUT.jsonl

Batch lines take the single-case options as fields (interfaces.md, calculators/README.md):
monthly_fee (optional), order_fee, daily_fee, unit_price, event, event_count, service_end,
measurements: [{"metric", "variant", one measurement}, ...].
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from calculators.batch import also_spec, batch_record, window_spec
from calculators.calendar import CalendarRangeError
from calculators.coverage import coverage, coverage_text
from calculators.credit import compute
from calculators.engine import InputError
from calculators.lookup import find_sla
from calculators.request import parse_request
from calculators.rules import CatalogError, catalog_to_json, load_catalog

CATALOG_PATH = Path(__file__).parent / "data" / "sla_catalog.json"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calculators", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="extract the SLA rule catalog from the corpus")
    ext.add_argument("--check", action="store_true", help="compare, don't write")
    for name in ("products", "coverage"):
        sub.add_parser(name).add_argument("--json", action="store_true")
    credit = sub.add_parser("credit", help="compute an SLA credit")
    credit.add_argument("--batch", type=Path, help="JSONL requests (interfaces.md)")
    credit.add_argument("--out", type=Path, help="JSONL results")
    credit.add_argument("--doc", help="SLA title, product name or alias (CVM, 对象存储 …)")
    credit.add_argument("--doc-line", type=int)
    credit.add_argument("--metric")
    credit.add_argument("--variant")
    credit.add_argument("--month", help="YYYY-MM")
    credit.add_argument("--fee", help="monthly fee in CNY (order fee for one-off services)")
    credit.add_argument("--annual-fee", help="annual fee in CNY, split by the SLA's own rule "
                                             "(÷ 12, or ÷ 365 × days) when --fee is not given")
    credit.add_argument("--downtime", help="downtime minutes, already counted")
    credit.add_argument("--incidents", nargs="+", type=float, help="outage lengths in seconds")
    credit.add_argument("--availability", help="availability in %%")
    credit.add_argument("--requests", nargs=2, type=int, metavar=("TOTAL", "FAILED"))
    credit.add_argument("--late-responses", "--event-count", dest="late_responses", type=int,
                        help="late responses in the month (count-based security SLAs)")
    credit.add_argument("--events", "--event", dest="events", nargs="+",
                        help="events that happened (服务响应时长超时 …)")
    credit.add_argument("--unit-price", help="list price of one SMS/email/minute (CNY)")
    credit.add_argument("--daily-fee", help="daily fee in CNY (CMQ; or a daily price where the "
                        "SLA splits the fee by day)")
    credit.add_argument("--order-fee", help="order fee in CNY (one-off services)")
    credit.add_argument("--service-end", help="YYYY-MM-DD the engagement ended")
    credit.add_argument("--error-windows", nargs="+", metavar="COUNTxPCT",
                        help="statistics windows and their error rate, e.g. 12x100 60x10 "
                             "(12 five-minute windows at 100%%, 60 at 10%%)")
    credit.add_argument("--also", action="append", default=[], metavar="SPEC",
                        help="another metric measured the same month, higher credit wins: "
                             "'metric=NAME;variant=V;availability=99.2' (or downtime=, "
                             "incidents='45 61', requests='TOTAL FAILED'); repeatable")
    credit.add_argument("--json", action="store_true")
    return parser


def _single(args: argparse.Namespace) -> dict[str, Any]:
    data: dict[str, Any] = {
        "doc": args.doc, "doc_line": args.doc_line, "metric": args.metric,
        "variant": args.variant, "month": args.month or "", "monthly_fee": args.fee,
        "annual_fee": args.annual_fee,
        "downtime_minutes": args.downtime, "incidents_seconds": args.incidents,
        "availability_pct": args.availability, "late_responses": args.late_responses,
        "events": args.events, "unit_price": args.unit_price, "daily_fee": args.daily_fee,
        "order_fee": args.order_fee, "service_end": args.service_end,
        "measurements": [also_spec(spec) for spec in args.also] or None,
        "error_windows": [window_spec(spec) for spec in args.error_windows or []] or None}
    if args.requests:
        data["total_requests"], data["failed_requests"] = args.requests
    req = parse_request({k: v for k, v in data.items() if v is not None})
    return compute(find_sla(load_catalog(), req.doc, req.doc_line), req).to_dict()


def cmd_credit(args: argparse.Namespace) -> None:
    if args.batch:
        if not args.out:
            raise InputError("--batch needs --out OUT.jsonl.")
        if not args.batch.is_file():
            raise InputError(f"no file {args.batch}; give a JSONL file of requests.")
        done = failed = 0
        with args.batch.open("rb") as src, args.out.open("w", encoding="utf-8") as out:
            for number, raw in enumerate(src, 1):  # a bad line gets an error line; the rest go on
                if not raw.strip():
                    continue
                record = batch_record(raw, f"{args.batch}:{number}")
                out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
                done, failed = done + 1, failed + (not record["ok"])
        print(f"wrote {args.out}: {done - failed} results, {failed} lines with errors "
              "(ok: false, with what to fix)", file=sys.stderr)
        return
    result = _single(args)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(summary(result))
        print("计算过程：")
        print("\n".join(f"  {n}. {step}" for n, step in enumerate(result["steps"], 1)))


def summary(result: dict[str, Any]) -> str:
    """The answer first, in words: the amount (or what the SLA pays instead) and the claim
    window, before the steps that show how."""
    pay = result["compensation"]
    value = f"{pay['value']:g}{pay['unit']}" if pay.get("value") is not None else ""
    if result["credit_amount"] is not None:
        amount = f"可获赔 {result['credit_amount']:.2f} 元" + (f"（{value}）" if value else "")
    else:
        amount = f"赔偿：{value}" if value else "赔偿：本协议不按金额赔付（见计算过程）"
    window = result.get("claim_window") or {}
    opens, deadline = window.get("opens"), window.get("deadline")
    claim = (f"申请：{opens} 起，最晚 {deadline}" if opens and deadline else
             f"申请：最晚 {deadline}" if deadline else "申请：协议未写明申请日期")
    return f"{amount}\n{claim}"


def cmd_extract(args: argparse.Namespace) -> int:
    from index.parser import parse_corpus
    from index.sla_rules.extract import extract_catalog

    text = catalog_to_json(extract_catalog(parse_corpus()))
    if args.check:
        same = CATALOG_PATH.is_file() and CATALOG_PATH.read_text(encoding="utf-8") == text
        print("catalog up to date" if same else "catalog differs; run `python -m calculators "
              "extract`", file=sys.stderr)
        return 0 if same else 1
    CATALOG_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {CATALOG_PATH}")
    return 0


def cmd_products(args: argparse.Namespace) -> None:
    rows: list[dict[str, Any]] = [
        {"doc_title": s.doc_title, "doc_line": s.doc_line, "product": s.product,
             "aliases": list(s.aliases), "computable": s.computable,
             "metrics": s.metrics(), "variants": s.variants()} for s in load_catalog().slas]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for r in rows:
        flag = "" if r["computable"] else "  [not computable]"
        variants = f"  variants: {' | '.join(r['variants'])}" if r["variants"] else ""
        print(f"L{r['doc_line']:<6} {r['doc_title']}  ({', '.join(r['aliases'][:4])})  "
              f"metrics: {', '.join(r['metrics'])}{variants}{flag}")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return cmd_extract(args)
        if args.command == "products":
            cmd_products(args)
        elif args.command == "coverage":
            report = coverage(load_catalog())
            print(json.dumps(report, ensure_ascii=False, indent=1) if args.json
                  else coverage_text(report))
        else:
            cmd_credit(args)
    except (InputError, CatalogError, CalendarRangeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
