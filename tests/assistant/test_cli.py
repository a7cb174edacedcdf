"""The ``python -m assistant`` command line: batch input errors, the chat loop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.__main__ import chat, main, read_batch
from assistant.answer import Answer
from assistant.conversation import Turn
from index.errors import UserError


def test_batch_lines_are_validated_with_their_line_number(tmp_path: Path) -> None:
    good = tmp_path / "in.jsonl"
    good.write_text('{"id": 1, "question": "CVM 的承诺？"}\n\n'
                    '{"id": "b", "question": "那 COS 呢？", "history": '
                    '[{"role": "user", "content": "CVM 的承诺？"}]}\n', encoding="utf-8")
    questions = read_batch(good)
    assert [q.id for q in questions] == [1, "b"]
    assert list(questions[1].turns()) == [Turn("user", "CVM 的承诺？")]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "question": "ok"}\n{"id": 2, "history": []}\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"bad.jsonl line 2: question"):
        read_batch(bad)
    role = tmp_path / "role.jsonl"
    role.write_text('{"id": 1, "question": "q", "history": [{"role": "bot", "content": "x"}]}\n',
                    encoding="utf-8")
    with pytest.raises(UserError, match="line 1"):
        read_batch(role)


def test_a_batch_line_is_ended_by_a_newline_only_and_must_be_utf8(tmp_path: Path) -> None:
    """U+2028 inside a question (valid JSON written with ensure_ascii=False) stays inside it;
    bytes that are not UTF-8 are named by their line, never a traceback."""
    separated = tmp_path / "sep.jsonl"
    separated.write_text('{"id": 1, "question": "CVM\u2028的承诺\u0085是多少？"}\n', encoding="utf-8")
    assert [q.question for q in read_batch(separated)] == ["CVM\u2028的承诺\u0085是多少？"]
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b'{"id": 1, "question": "ok"}\n\xff\xfe\n')
    with pytest.raises(UserError, match="line 2 is not UTF-8"):
        read_batch(binary)


def test_missing_batch_file_exits_2_with_a_message(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ask", "--batch", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "o")])
    assert code == 2
    assert "Cannot read" in capsys.readouterr().err


class ScriptedAssistant:
    """A fake assistant that records the history it was given (unit test only)."""

    def __init__(self) -> None:
        self.seen: list[list[Turn]] = []

    def stream(self, question: str, history: list[Turn]) -> Iterator[str | Answer]:
        self.seen.append(list(history))
        if question.startswith("draft"):
            yield from ("模型", "草稿")
        yield Answer(f"echo {question}", "answer")


def test_chat_remembers_the_conversation_and_resets() -> None:
    fake = ScriptedAssistant()
    script = iter(["CVM 的承诺？", "那 COS 呢？", "/reset", "第三个问题", "/quit"])
    out: list[str] = []
    chat(fake, lambda _: next(script), out.append)  # type: ignore[arg-type]
    assert "echo 那 COS 呢？" in out
    assert [len(h) for h in fake.seen] == [0, 2, 0]


def test_a_line_that_is_not_utf8_is_named_and_the_chat_goes_on() -> None:
    """Bytes the terminal could not decode reach Python as surrogates: said, never a crash."""
    fake = ScriptedAssistant()
    script = iter(["CVM \udcff\udcfe 的承诺？", "CVM 的承诺？", "/quit"])
    out: list[str] = []
    chat(fake, lambda _: next(script), out.append)  # type: ignore[arg-type]
    assert any("UTF-8" in line for line in out) and "echo CVM 的承诺？" in out
    assert [len(h) for h in fake.seen] == [0]  # the bad line was never asked


def test_chat_shows_a_models_words_then_the_checked_answer() -> None:
    script = iter(["draft question", "/quit"])
    out: list[str] = []
    pieces: list[str] = []
    fake = ScriptedAssistant()
    chat(fake, lambda _: next(script), out.append, pieces.append)  # type: ignore[arg-type]
    assert "".join(pieces).endswith("模型草稿") and "核对" in pieces[0]
    assert out[-1] == "echo draft question"  # the checked answer is the last word
