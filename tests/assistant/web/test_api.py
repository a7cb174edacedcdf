"""The API functions behind ``/ask`` and ``/credit`` (fake assistant, real calculators)."""

from __future__ import annotations

import gradio as gr
import pytest

from assistant.web.api import credit, make_ask, parse_history
from assistant.web.library import Library
from tests.assistant.web.fakes import CVM_CASE, FakeAssistant


def test_ask_returns_answer_citations_and_links(fake: FakeAssistant, library: Library) -> None:
    record = make_ask(fake, library)("腾讯云服务协议里，欠费的违约金怎么算？")
    assert record["route"] == "answer" and record["answer"].startswith("答：万分之五")
    cite = record["citations"][0]
    assert cite["section"] == "3.2.4" and cite["quote"].startswith("如果您发生欠费")
    assert cite["link"] == "?doc=tencent-cloud-terms&clause=tencent-cloud-terms%233.2.4"
    assert record["calculation"] is None


def test_ask_passes_history_and_returns_the_calculation(fake: FakeAssistant,
                                                        library: Library) -> None:
    ask = make_ask(fake, library)
    record = ask("能赔多少？", [{"role": "user", "content": "CVM 断了 90 分钟"}])
    assert record["calculation"]["credit_amount"] == 200
    assert fake.calls[-1][1][0].content == "CVM 断了 90 分钟"
    with pytest.raises(gr.Error, match="history item 1"):
        parse_history([{"role": "bot", "content": "x"}])


def test_ask_failure_is_words(fake: FakeAssistant, library: Library) -> None:
    with pytest.raises(gr.Error, match="内部错误"):
        make_ask(fake, library)("boom")


def test_credit_returns_the_result_or_says_what_to_fix() -> None:
    result = credit(CVM_CASE)
    assert result["credit_amount"] == 200 and result["claim_window"]["deadline"] == "2024-05-30"
    with pytest.raises(gr.Error, match="YYYY-MM"):
        credit({**CVM_CASE, "month": "March"})
    with pytest.raises(gr.Error, match="JSON object"):
        credit("CVM")  # type: ignore[arg-type]


@pytest.mark.parametrize(("change", "words"), [
    ({"availability_pct": "abc"}, "availability_pct: 'abc' is not a number"),
    ({"monthly_fee": float("nan")}, "monthly_fee: must be a finite number"),
    ({"downtime_minutes": 1e309}, "downtime_minutes: must be a finite number"),
    ({"month": "0000-01"}, "1990–2100"),
])
def test_bad_credit_input_says_what_to_fix_and_is_not_printed_on_the_server(
        change: dict[str, object], words: str) -> None:
    with pytest.raises(gr.Error) as raised:
        credit({**CVM_CASE, **change})
    assert words in str(raised.value)
    assert raised.value.print_exception is False  # gradio would print what the customer sent
