"""Optional LLM-judged faithfulness (``python -m eval run --judge``); off by default and
never part of the gate.

ragas is not a dependency; this is the one question of its faithfulness metric, asked of
the generator configured for the assistant (``AGREEMENTS_GENERATOR=openai`` with
``AGREEMENTS_OPENAI_BASE_URL`` / ``AGREEMENTS_OPENAI_MODEL``, or ``llama``): "is every claim
of this answer supported by these passages?" for each answer the assistant gave (refusals
and clarifications are not judged). With no generator configured the run says it skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from assistant.generator import Generator

PROMPT = (
    "You check answers about Tencent Cloud agreements. Below are the cited passages and an "
    "answer. Reply with one word: YES if every statement and every figure of the answer is "
    "supported by the passages, NO otherwise.\n\nPassages:\n{passages}\n\nQuestion: "
    "{question}\n\nAnswer:\n{answer}\n\nEvery statement supported (YES/NO)?")
MAX_PASSAGE_CHARS = 1500


def build_judge() -> Judge | None:
    """The judge over the configured generator, or None when none is configured."""
    from assistant.generator import build_generator
    from assistant.settings import AssistantSettings

    generator = build_generator(AssistantSettings())
    if generator is None:
        return None
    generator.warm_up()
    return Judge(generator)


class Judge:
    """``faithful(question, answer_record) -> True | False | None`` (None: unclear reply)."""

    def __init__(self, generator: Generator) -> None:
        self.generator = generator

    def messages(self, question: str, answer: Mapping[str, Any]) -> list[dict[str, str]]:
        passages = "\n".join(f"[{n}] {str(c.get('text', ''))[:MAX_PASSAGE_CHARS]}"
                             for n, c in enumerate(answer.get("citations", []), start=1))
        if answer.get("calculation"):
            passages += f"\n[calculator] {answer['calculation']}"
        return [{"role": "user", "content": PROMPT.format(
            passages=passages or "(none)", question=question, answer=answer["answer"])}]

    def faithful(self, question: str, answer: Mapping[str, Any]) -> bool | None:
        reply = "".join(self.generator.stream(self.messages(question, answer))).strip()
        verdict = re.match(r"\W*(yes|no)\b", reply, re.IGNORECASE)
        return verdict.group(1).lower() == "yes" if verdict else None
