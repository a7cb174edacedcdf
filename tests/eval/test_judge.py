"""The optional faithfulness judge, with a scripted generator (no model, no server)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eval.judge import Judge, build_judge

ANSWER = {"answer": "违约金为每日万分之五[1]。", "route": "answer",
          "citations": [{"text": "腾讯云有权每天按照您欠费金额的万分之五的标准向您收取违约金。"}],
          "calculation": None}


class Scripted:
    def __init__(self, *pieces: str) -> None:
        self.pieces = pieces
        self.seen: list[list[dict[str, str]]] = []

    def warm_up(self) -> None:
        pass

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
        self.seen.append(messages)
        yield from self.pieces


@pytest.mark.parametrize(("pieces", "verdict"), [
    (("YE", "S"), True), ((" No, the 3% is not in the passages.",), False),
    (("maybe",), None)])
def test_verdicts(pieces: tuple[str, ...], verdict: bool | None) -> None:
    generator = Scripted(*pieces)
    assert Judge(generator).faithful("违约金怎么算？", ANSWER) is verdict
    prompt = generator.seen[0][0]["content"]
    assert "[1] 腾讯云有权每天按照您欠费金额的万分之五" in prompt and "违约金怎么算？" in prompt


def test_no_generator_configured_means_no_judge(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGREEMENTS_GENERATOR", "none")
    assert build_judge() is None
