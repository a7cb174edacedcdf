"""The HTTP API (named gradio endpoints): ``/ask`` and ``/credit``.

``ask(question, history)`` -> the answer record of ``python -m assistant ask --json`` (answer,
route, citations with a ``link`` into the agreements tab, calculation RESULT or null).
``credit(request)`` -> the calculators' RESULT (interfaces.md) for one request. Bad input is a
``gr.Error`` whose message says what to fix; nothing else of a failure leaves the server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from assistant.conversation import Turn
from assistant.web.chat import Asks
from assistant.web.guard import INTERNAL_ERROR, USER_ERRORS, log_failure
from assistant.web.library import Library, deep_link
from calculators.batch import credit_result


def refusal(words: str) -> gr.Error:
    """An error for the client whose words gradio must not print to the server's console:
    they can quote what the customer sent (``availability_pct: 'abc' is not a number``)."""
    return gr.Error(words, print_exception=False)


def parse_history(history: list[dict[str, str]] | None) -> list[Turn]:
    """``[{"role": "user"|"assistant", "content": "…"}]`` -> turns (a bad one is named)."""
    turns = []
    for number, item in enumerate(history or [], start=1):
        if not isinstance(item, dict) or item.get("role") not in ("user", "assistant") \
                or not isinstance(item.get("content"), str):
            raise refusal(f"history item {number}: give {{\"role\": \"user\" or "
                          "\"assistant\", \"content\": \"…\"}.")
        turns.append(Turn("user" if item["role"] == "user" else "assistant", item["content"]))
    return turns


def _guarded_call(fn: Callable[[], dict[str, Any]], where: str) -> dict[str, Any]:
    try:
        return fn()
    except gr.Error:
        raise
    except USER_ERRORS as exc:
        raise refusal(str(exc)) from None
    except Exception as exc:  # logged by type and frames; the client gets words
        log_failure(where, exc)
        raise refusal(INTERNAL_ERROR) from None


def make_ask(assistant: Asks, library: Library) -> Callable[..., dict[str, Any]]:
    def ask(question: str, history: list[dict[str, str]] | None = None) -> dict[str, Any]:
        """Answer a question about the Tencent Cloud agreements, with citations.

        Args:
            question: the question, Chinese or English (at most 2,000 characters).
            history: earlier turns, [{"role": "user"|"assistant", "content": "..."}].
        """
        def run() -> dict[str, Any]:
            answer = assistant.ask(question or "", parse_history(history))
            record = answer.record()
            for cited, out in zip(answer.citations, record["citations"]):
                clause = library.cited_clause(cited)
                doc = library.document_at(cited.doc_line)
                out["link"] = deep_link(doc.id, clause.id if clause else "") if doc else ""
            return record
        return _guarded_call(run, "api.ask")
    return ask


def credit(request: dict[str, Any]) -> dict[str, Any]:
    """Compute an SLA credit: the calculators' RESULT for one request (interfaces.md).

    Args:
        request: {"doc": product, alias or SLA title, "month": "YYYY-MM", "monthly_fee": 2000,
            one of "downtime_minutes" | "incidents_seconds" | "availability_pct" |
            "total_requests" + "failed_requests", optional "metric", "variant", "doc_line"}.
    """
    if not isinstance(request, dict):
        raise refusal('request: give a JSON object, e.g. {"doc": "CVM", "month": "2024-03", '
                      '"monthly_fee": 2000, "downtime_minutes": 90}.')
    return _guarded_call(lambda: credit_result(request), "api.credit")


def register_api(assistant: Asks, library: Library) -> None:
    """Add the named endpoints to the current ``gr.Blocks``."""
    gr.api(make_ask(assistant, library), api_name="ask")
    gr.api(credit, api_name="credit")
