"""The claim checker tab (for support agents): the form, the result card, the export.

Choices follow the chosen SLA: its metrics, the variants of the metric, the measurements it
counts by, the extra inputs its rule reads (daily fee, unit price, order fee, service end).
The callbacks are module functions over a ``Library`` so tests call them directly.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.web.calc_render import message_html
from assistant.web.claims import (
    MEASURES,
    ClaimForm,
    check_claim,
    events_for,
    measures_for,
    needed_inputs,
    parse_number,
    short,
    unit_price_label,
)
from assistant.web.export import summary_json, summary_markdown, summary_record
from assistant.web.guard import guarded, keep
from assistant.web.library import Library
from calculators.engine import InputError

MEASURE_ORDER = list(MEASURES)
ANY_VARIANT = "（不指定：各版本结果相同时自动）"


def on_product(doc_line: int | None, library: Library) -> tuple[Any, ...]:
    """A new SLA: its metrics, the first metric's variants and measurements, its events."""
    sla = library.sla(int(doc_line)) if doc_line is not None else None
    if sla is None:
        return (gr.Dropdown(choices=[], value=None), gr.Dropdown(choices=[], value=None),
                gr.Radio(), gr.CheckboxGroup(choices=[], value=[]), "")
    metrics = sla.metrics()
    metric = metrics[0] if metrics else None
    variant, measure = on_metric(doc_line, metric, library)
    hint = (f"**{sla.doc_title}**" + ("" if sla.computable else
                                      f"：不可计算（{sla.reason}）"))
    return (gr.Dropdown(choices=metrics, value=metric), variant, measure,
            gr.CheckboxGroup(choices=events_for(sla), value=[]), hint)


def on_metric(doc_line: int | None, metric: str | None, library: Library) -> tuple[Any, Any]:
    """The variants of the metric and the measurements it is counted by."""
    sla = library.sla(int(doc_line)) if doc_line is not None else None
    if sla is None:
        return gr.Dropdown(choices=[], value=None), gr.Radio()
    variants = list(dict.fromkeys(sla.variants(metric)))
    choices = [(ANY_VARIANT, "")] + [(v, v) for v in variants] if variants else [("—", "")]
    measures = measures_for(sla, metric) or ["downtime"]
    return (gr.Dropdown(choices=choices, value="", interactive=bool(variants)),
            gr.Radio(choices=[(MEASURES[m], m) for m in measures], value=measures[0]))


def on_inputs(doc_line: int | None, library: Library) -> tuple[Any, ...]:
    """Show the extra inputs the SLA's rule reads (daily fee, unit price, order fee, service
    end) and only those."""
    sla = library.sla(int(doc_line)) if doc_line is not None else None
    needs = needed_inputs(sla)
    return (gr.update(visible="daily_fee" in needs),
            gr.update(visible="unit_price" in needs, label=unit_price_label(sla)),
            gr.update(visible="order_fee" in needs), gr.update(visible="service_end" in needs))


def on_measure(measure: str) -> tuple[Any, ...]:
    """Show the inputs of the chosen measurement only."""
    shown = {m: m == measure for m in MEASURE_ORDER}
    return tuple(gr.update(visible=shown[m]) for m in MEASURE_ORDER)


def on_check(library: Library, today: date, doc_line: int | None, metric: str | None,
             variant: str | None, month: str, fee: str, measure: str, downtime: str,
             incidents: str, availability: str, total: str, failed: str, late: str,
             events: list[str] | None, daily_fee: str = "", unit_price: str = "",
             order_fee: str = "", service_end: str = "",
             ) -> tuple[str, Any, dict[str, Any] | None]:
    """Check one claim: the card, the exclusions checklist, what the export needs."""
    try:
        form = ClaimForm(doc_line, metric, variant, month or "",
                         parse_number(fee, "月度服务费"), measure or "downtime",
                         parse_number(downtime, "不可用分钟数"), incidents or "",
                         parse_number(availability, "可用性"), parse_number(total, "请求总数"),
                         parse_number(failed, "失败请求数"), parse_number(late, "超时响应次数"),
                         list(events or []), daily_fee=parse_number(daily_fee, "每日费用"),
                         unit_price=parse_number(unit_price, "单价"),
                         order_fee=parse_number(order_fee, "订单实付金额"),
                         service_end=service_end or "")
    except InputError as exc:
        return message_html(str(exc)), gr.CheckboxGroup(choices=[], value=[]), None
    checked = check_claim(form, library, today)
    choices = [(short(words), clause_id) for clause_id, words in checked.exclusions]
    saved = ({"request": checked.request, "result": checked.result,
              "exclusions": checked.exclusions} if checked.result is not None else None)
    return checked.card, gr.CheckboxGroup(choices=choices, value=[]), saved


def on_export(saved: dict[str, Any] | None, ticked: list[str] | None, today: date,
              folder: Path | None = None) -> tuple[str, str, list[str]]:
    """Markdown and JSON summaries, as copyable text and as two files to download."""
    if not saved:
        return "先点击“核对赔偿”，再导出。", "", []
    exclusions = [tuple(e) for e in saved["exclusions"]]
    record = summary_record(saved["request"], saved["result"], exclusions,  # type: ignore[arg-type]
                            list(ticked or []), today)
    markdown, text = summary_markdown(record), summary_json(record)
    out = folder or Path(tempfile.mkdtemp(prefix="claim-"))
    stem = f"claim-{saved['result'].get('doc_line')}-{saved['request'].get('month', '')}"
    (out / f"{stem}.md").write_text(markdown, encoding="utf-8")
    (out / f"{stem}.json").write_text(text, encoding="utf-8")
    return markdown, text, [str(out / f"{stem}.md"), str(out / f"{stem}.json")]


def claims_tab(library: Library, today: Callable[[], date]) -> None:
    """Lay out the claim checker inside the current ``gr.Blocks`` and wire its events."""
    gr.Markdown("为工单核对 SLA 赔偿：选择产品、指标和月份，填写月费与协议使用的测量值。")
    products = [(c.label, c.doc_line) for c in library.product_choices()]
    with gr.Row():
        with gr.Column(scale=2):
            product = gr.Dropdown(products, value=None, label="产品 / SLA（输入名称或别名筛选）",
                                  filterable=True, elem_id="claim-product")
            hint = gr.Markdown()
            with gr.Row():
                metric = gr.Dropdown([], label="指标", elem_id="claim-metric")
                variant = gr.Dropdown([], label="版本 / 存储类型", elem_id="claim-variant")
            with gr.Row():
                month = gr.Textbox(label="月份（YYYY-MM）", placeholder="2024-03",
                                   elem_id="claim-month")
                fee = gr.Textbox(label="月度服务费（元）", placeholder="2000", elem_id="claim-fee")
            with gr.Row():  # shown only for the SLAs whose rule reads them (on_inputs)
                daily_fee = gr.Textbox(label="每日费用（元/天）", placeholder="14.4", visible=False,
                                       info="代金券 = 每日费用 ÷ 24 ÷ 60 × 故障分钟数 × 倍数",
                                       elem_id="claim-daily-fee")
                unit_price = gr.Textbox(label="单价（元）", placeholder="0.045", visible=False,
                                        info="按条数/分钟数赔偿时，用于把服务费折算为数量",
                                        elem_id="claim-unit-price")
                order_fee = gr.Textbox(label="订单实付金额（元）", placeholder="50000",
                                       visible=False, info="一次性服务按订单实付金额的百分比赔偿",
                                       elem_id="claim-order-fee")
                service_end = gr.Textbox(label="服务结束日期（YYYY-MM-DD）",
                                         placeholder="2024-05-10", visible=False,
                                         info="申请期限从服务结束起算",
                                         elem_id="claim-service-end")
            measure = gr.Radio([(MEASURES[m], m) for m in ("downtime", "incidents",
                                                           "availability")],
                               value="downtime", label="测量方式（协议的计算口径）")
            downtime = gr.Textbox(label="不可用分钟数", placeholder="90", elem_id="claim-downtime")
            incidents = gr.Textbox(label="每次故障时长（秒，逗号分隔）", placeholder="45, 61, 600",
                                   visible=False)
            availability = gr.Textbox(label="可用性 %", placeholder="99.5", visible=False,
                                      elem_id="claim-availability")
            with gr.Row(visible=False) as requests:
                total = gr.Textbox(label="请求总数", placeholder="1000000")
                failed = gr.Textbox(label="失败请求数", placeholder="120")
            late = gr.Textbox(label="超时响应次数", placeholder="2", visible=False)
            events = gr.CheckboxGroup([], label="发生的事件", visible=False)
            check = gr.Button("核对赔偿", variant="primary", elem_id="claim-check")
        with gr.Column(scale=3):
            card = gr.HTML(message_html("选择产品并填写后点击“核对赔偿”。", "info"),
                           elem_id="claim-card")
            ticked = gr.CheckboxGroup([], label="免责情形核对：勾选已确认不适用的项",
                                      elem_id="claim-exclusions")
            export = gr.Button("导出摘要（Markdown / JSON）", elem_id="claim-export")
            files = gr.File(label="下载摘要文件", file_count="multiple", interactive=False,
                            visible=False, elem_id="claim-files")
            markdown = gr.Code(label="Markdown 摘要（可复制）", language="markdown",
                               visible=False, elem_id="claim-markdown")
            as_json = gr.Code(label="JSON 摘要（可复制）", language="json", visible=False,
                              elem_id="claim-json")
    saved = gr.State(None)

    def failed_check(words: str, *_: Any) -> tuple[str, Any, None]:
        return message_html(words), gr.CheckboxGroup(choices=[], value=[]), None

    @guarded(failed_check)
    def run_check(*values: Any) -> tuple[str, Any, dict[str, Any] | None]:
        return on_check(library, today(), *values)

    def shown(markdown_text: str, json_text: str, paths: list[str]) -> tuple[Any, Any, Any]:
        return (gr.Code(value=markdown_text, visible=True),
                gr.Code(value=json_text, visible=bool(json_text)),
                gr.File(value=paths or None, visible=bool(paths)))

    @guarded(lambda words, *_: shown(words, "", []))
    def run_export(state: dict[str, Any] | None, ticks: list[str]) -> tuple[Any, Any, Any]:
        return shown(*on_export(state, ticks, today()))

    @guarded(keep(5))
    def product_chosen(doc_line: int | None) -> tuple[Any, ...]:
        return on_product(doc_line, library)

    @guarded(keep(2))
    def metric_chosen(doc_line: int | None, name: str | None) -> tuple[Any, Any]:
        return on_metric(doc_line, name, library)

    private: dict[str, Any] = {"api_visibility": "private"}
    product.change(product_chosen, [product], [metric, variant, measure, events, hint],
                   **private)
    product.change(guarded(keep(4))(lambda doc_line: on_inputs(doc_line, library)), [product],
                   [daily_fee, unit_price, order_fee, service_end], **private)
    metric.input(metric_chosen, [product, metric], [variant, measure], **private)
    measure.change(guarded(keep(6))(on_measure), [measure],
                   [downtime, incidents, availability, requests, late, events], **private)
    form = [product, metric, variant, month, fee, measure, downtime, incidents, availability,
            total, failed, late, events, daily_fee, unit_price, order_fee, service_end]
    check.click(run_check, form, [card, ticked, saved], **private)
    export.click(run_export, [saved, ticked], [markdown, as_json, files], **private)
