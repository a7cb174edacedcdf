"""The claim summary a support agent attaches to a ticket: Markdown to read, JSON to file.

Both hold the same facts: the request, the RESULT, the claim window against the day of the
check and the exclusions with the ones the agent ticked as checked.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from assistant.web.calc_render import claim_status, credit_words

MEASUREMENT_WORDS = {"downtime_minutes": "不可用分钟数", "incidents_seconds": "故障时长（秒）",
                     "availability_pct": "可用性 %", "total_requests": "请求总数",
                     "failed_requests": "失败请求数", "late_responses": "超时响应次数",
                     "events": "事件"}
# the inputs only some SLAs read (calculators/README.md): their words and unit
INPUT_WORDS = {"daily_fee": ("每日费用", " 元/天"), "unit_price": ("单价", " 元"),
               "order_fee": ("订单实付金额", " 元"), "service_end": ("服务结束日期", "")}


def summary_record(request: dict[str, Any], result: dict[str, Any],
                   exclusions: list[tuple[str, str]], checked: list[str],
                   today: date) -> dict[str, Any]:
    """The JSON summary: ``{"checked_on", "request", "result", "claim_status", "exclusions"}``."""
    status = claim_status(result, today)
    return {"checked_on": today.isoformat(), "request": request, "result": result,
            "claim_status": {"state": status.state, "days": status.days, "text": status.text},
            "exclusions": [{"clause": clause_id, "text": words, "checked": clause_id in checked}
                           for clause_id, words in exclusions]}


def summary_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1)


def summary_markdown(record: dict[str, Any]) -> str:
    """The Markdown summary of a ``summary_record``."""
    request, result = record["request"], record["result"]
    metric = str(result.get("metric") or "") + (f"（{result['variant']}）"
                                                 if result.get("variant") else "")
    measured = "; ".join(f"{words} {_value(request[key])}"
                         for key, words in MEASUREMENT_WORDS.items() if key in request)
    fee = request.get("monthly_fee")
    inputs = "；".join(f"{words} {request[key]}{unit}"
                      for key, (words, unit) in INPUT_WORDS.items() if key in request)
    lines = [f"# SLA 赔偿核对：《{result.get('doc_title')}》", "",
             f"- 核对日期：{record['checked_on']}",
             f"- 指标：{metric}",
             f"- 月份：{request.get('month', '—')}",
             f"- 月度服务费：{'—' if fee is None else f'{fee} 元'}",
             *([f"- 其他输入：{inputs}"] if inputs else []),
             f"- 测量：{measured or '—'}",
             f"- 可用性：{result.get('availability_pct')}%（承诺 {result.get('committed_pct')}%）",
             f"- 结论：{'符合赔偿条件' if result.get('eligible') else '不符合赔偿条件'}",
             f"- 档位：{result.get('tier') or '—'}",
             f"- 赔偿：{credit_words(result)}",
             f"- 申请期：{record['claim_status']['text']}", "", "## 免责情形核对", ""]
    lines += [f"- [{'x' if e['checked'] else ' '}] {_one_line(e['text'])}"
              for e in record["exclusions"]] or ["- （本协议未列出）"]
    lines += ["", "## 计算过程", ""]
    lines += [f"{i}. {step}" for i, step in enumerate(result.get("steps") or [], start=1)]
    lines += ["", "## 出处", ""]
    lines += [f"[{i}] 《{c['doc_title']}》{c['section']}，第{c['page']}页"
              f"（第{c['line_start']}–{c['line_end']}行）"
              for i, c in enumerate(result.get("citations") or [], start=1)]
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    return "、".join(str(v) for v in value) if isinstance(value, list) else str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())
