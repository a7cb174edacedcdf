"""The chat callbacks, with a fake assistant (``conftest.FakeAssistant``): streaming, citations,
follow-up history, refusals, errors as words, clearing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from assistant.answer import Answer
from assistant.conversation import Turn
from assistant.web.chat import clear, make_respond, partial_answers, to_turns
from assistant.web.guard import INTERNAL_ERROR
from assistant.web.library import Library
from tests.assistant.web.fakes import TODAY, FakeAssistant


def run(fake: FakeAssistant, library: Library, question: str, messages: list | None = None,
        turns: list | None = None) -> list:
    respond = make_respond(fake, library, lambda: TODAY)
    return list(respond(question, messages or [], turns or []))


def test_answer_streams_then_shows_citations(fake: FakeAssistant, library: Library) -> None:
    steps = run(fake, library, "腾讯云服务协议里，欠费的违约金怎么算？")
    first_messages, _, box = steps[0]
    assert box == ""                                   # the textbox is cleared at once
    assert first_messages[0]["role"] == "user" and "违约金" in first_messages[0]["content"]
    assert "正在查找" in first_messages[1]["content"]
    assert len(steps) >= 3                             # thinking, words, final
    messages, turns, _ = steps[-1]
    final = messages[-1]["content"]
    assert "答：万分之五[1]。" in final and "出处：\n" not in final
    assert '<details class="cite">' in final and "<mark>" in final
    assert turns[0] == {"role": "user", "content": "腾讯云服务协议里，欠费的违约金怎么算？"}
    assert turns[1]["role"] == "assistant" and turns[1]["content"].startswith("答：万分之五")


def test_calculator_answer_shows_window_tier_table_and_exclusions(
        fake: FakeAssistant, library: Library) -> None:
    final = run(fake, library, "CVM 2024年3月断了90分钟，月费2000元，能赔多少？")[-1][0][-1]
    assert "可获赔 200 元" in final["content"]
    assert "可以申请" in final["content"] and "还有 10 天截止" in final["content"]
    assert '<tr class="hit">' in final["content"] and "免责情形" in final["content"]


def test_follow_up_passes_the_history_as_turns(fake: FakeAssistant, library: Library) -> None:
    messages, turns, _ = run(fake, library, "CVM 断了 90 分钟，月费 2000 元，能赔多少？")[-1]
    run(fake, library, "那 COS 呢？", messages, turns)
    question, history = fake.calls[-1]
    assert question == "那 COS 呢？"
    assert history[0] == Turn("user", "CVM 断了 90 分钟，月费 2000 元，能赔多少？")
    assert history[1].role == "assistant" and "200 元" in history[1].content


def test_too_long_question_shows_the_assistants_message(fake: FakeAssistant,
                                                        library: Library) -> None:
    final = run(fake, library, "长" * 2001)[-1][0][-1]["content"]
    assert "问题太长" in final and "answer clarify" in final


def test_user_text_is_escaped(fake: FakeAssistant, library: Library) -> None:
    user = run(fake, library, "<img src=x onerror=alert(1)> 违约金")[-1][0][0]["content"]
    assert "<img" not in user and "&lt;img" in user


def test_failure_is_words_not_a_trace_and_the_question_is_not_logged(
        fake: FakeAssistant, library: Library, caplog: pytest.LogCaptureFixture) -> None:
    messages, turns, _ = run(fake, library, "boom 客户手机号 13800000000")[-1]
    assert INTERNAL_ERROR in messages[-1]["content"]
    assert "Traceback" not in messages[-1]["content"] and turns == []
    assert "RuntimeError" in caplog.text and "13800000000" not in caplog.text


def test_empty_question_does_nothing(fake: FakeAssistant, library: Library) -> None:
    assert run(fake, library, "   ") == [([], [], "")]
    assert fake.calls == []


def test_clear_and_helpers() -> None:
    assert clear() == ([], [], "")
    assert to_turns([{"role": "assistant", "content": "a"}]) == [Turn("assistant", "a")]
    assert list(partial_answers("a\nb"))[-1] == '<div class="answer">a<br>b</div>'



class DraftingAssistant(FakeAssistant):
    """Unit-test fake with a language model: words first, then the checked answer."""

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[str | Answer]:
        yield from ("按欠费金额的", "万分之五收取")
        yield self.ask(question, history)


def test_a_models_words_show_as_they_come_then_the_checked_answer(library: Library) -> None:
    steps = run(DraftingAssistant(library), library, "腾讯云服务协议里，欠费的违约金怎么算？")
    bubbles = [messages[-1]["content"] for messages, _, _ in steps]
    assert bubbles[1] == '<div class="answer muted">按欠费金额的</div>'  # the first piece
    assert bubbles[2] == '<div class="answer muted">按欠费金额的万分之五收取</div>'
    assert len(bubbles) == 4  # thinking, two drafts, the final answer (no line-by-line replay)
    assert "答：万分之五[1]。" in bubbles[-1] and '<details class="cite">' in bubbles[-1]
