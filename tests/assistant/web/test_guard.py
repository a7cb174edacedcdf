"""Callbacks never raise to the page; the log gets the failure's type, not the user's words."""

from __future__ import annotations

from collections.abc import Iterator

import gradio as gr
import pytest

from assistant.web.guard import INTERNAL_ERROR, guarded, keep
from calculators.engine import InputError


def shown(words: str, *args: object) -> str:
    return f"shown: {words}"


def test_user_errors_keep_their_message_others_become_words(
        caplog: pytest.LogCaptureFixture) -> None:
    @guarded(shown)
    def check(value: str) -> str:
        if value == "bad":
            raise InputError("month 'bad' is not YYYY-MM; write it like 2024-03.")
        raise KeyError(f"customer secret {value}")

    assert check("bad") == "shown: month 'bad' is not YYYY-MM; write it like 2024-03."
    assert check("13800000000") == f"shown: {INTERNAL_ERROR}"
    assert "KeyError" in caplog.text and "13800000000" not in caplog.text


def test_generators_are_guarded_too(caplog: pytest.LogCaptureFixture) -> None:
    @guarded(lambda words, *args: f"{args[0]}: {words}")
    def stream(question: str) -> Iterator[str]:
        yield "thinking"
        raise RuntimeError(question)

    assert list(stream("my private question")) == ["thinking",
                                                   f"my private question: {INTERNAL_ERROR}"]
    assert "RuntimeError" in caplog.text and "private" not in caplog.text


def test_choice_updates_that_fail_leave_the_outputs_alone() -> None:
    @guarded(keep(2))
    def choices(value: str) -> tuple[str, str]:
        raise ValueError(value)

    assert [type(x) for x in choices("x")] == [type(gr.skip())] * 2
