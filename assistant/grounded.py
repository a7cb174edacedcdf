"""Fluent answers from a language model, kept only when they pass the post-check.

    composition = composer.run(resolved, hits)                 # extractive, cited
    fluent = grounded.run(resolved, composition, calculation)  # None -> keep composition

The model sees only the numbered clauses the composer cited (label and text) and, on the
calculator route, the calculator RESULT; it must answer from them with ``[n]`` markers.
``assistant.postcheck`` rejects an answer that cites nothing, cites a clause it was not
given or states a number the cited clauses and the RESULT do not hold.

``stream()`` is for a UI: it yields ``Token`` pieces to show live, then exactly one
``Final`` whose text replaces them (the checked answer, or the extractive one).
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from assistant.composer import Composition
from assistant.conversation import Lang, Resolved
from assistant.generator import Generator, GeneratorError, Messages
from assistant.postcheck import Verdict, check

log = logging.getLogger(__name__)

SECTION_RE = re.compile(r"^\[(system|user|calculation)\]\s*$", re.MULTILINE)
SOURCES_HEADS = ("\n出处：\n", "\nSources:\n")
# a sources list the model adds on its own is dropped: ours is appended
MODEL_SOURCES_RE = re.compile(r"\n\s*(?:\*\*)?(?:出处|来源|参考|引用|Sources?|References?)"
                              r"(?:\*\*)?\s*[:：].*\Z", re.DOTALL | re.IGNORECASE)
RESULT_FIELDS = ("doc_title", "metric", "variant", "availability_pct", "committed_pct",
                 "eligible", "credit_pct", "credit_amount", "compensation", "cap_applied",
                 "claim_window")


@dataclass(frozen=True)
class Prompt:
    system: str
    user: str
    calculation: str


@cache
def load_prompt(lang: Lang) -> Prompt:
    """``assistant/prompts/answer_{lang}.txt``: ``[system]``, ``[user]``, ``[calculation]``."""
    text = resources.files("assistant.prompts").joinpath(f"answer_{lang}.txt").read_text("utf-8")
    parts = SECTION_RE.split(text)
    sections = {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}
    missing = {"system", "user", "calculation"} - sections.keys()
    if missing:
        raise ValueError(f"prompt answer_{lang}.txt lacks the sections {sorted(missing)}")
    return Prompt(sections["system"].strip(), sections["user"], sections["calculation"])


@dataclass(frozen=True)
class Token:
    """A piece of the model's reply, to show while it is written."""

    text: str


@dataclass(frozen=True)
class Final:
    """The answer to show in place of the tokens: the generated one when it passed the
    post-check (``generated``), else the extractive composition it was given."""

    composition: Composition
    generated: bool
    verdict: Verdict | None
    raw: str
    elapsed_ms: float = 0.0
    pieces: int = 0

    @property
    def text(self) -> str:
        return self.composition.text

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.verdict.reasons if self.verdict else ()


StreamEvent = Token | Final


class GroundedGenerator:
    """Stage: (resolved question, extractive composition[, RESULT]) -> checked fluent answer.

    ``max_clause_chars`` bounds each clause shown to the model (around its quoted sentence):
    prompt reading dominates the time on a CPU (~900 tokens took 30 s on a busy 2-core box).
    ``keep_quotes`` keeps the composer's quoted sentences under the generated answer: the
    post-check catches invented figures and citations, not a misread clause.
    """

    def __init__(self, generator: Generator, max_clause_chars: int = 600,
                 keep_quotes: bool = True) -> None:
        if max_clause_chars < 100:
            raise ValueError(f"max_clause_chars must be at least 100, got {max_clause_chars}")
        self.generator = generator
        self.max_clause_chars = max_clause_chars
        self.keep_quotes = keep_quotes

    def warm_up(self) -> None:
        self.generator.warm_up()

    def messages(self, resolved: Resolved, composition: Composition,
                 calculation: Mapping[str, Any] | None = None) -> Messages:
        prompt = load_prompt(resolved.lang)
        clauses = "\n\n".join(f"[{i}] {source}"
                              for i, source in enumerate(self.sources(composition), start=1))
        result = ""
        if calculation:
            shown = {k: calculation[k] for k in RESULT_FIELDS if k in calculation}
            result = prompt.calculation.format(result=json.dumps(shown, ensure_ascii=False)) + "\n"
        question = resolved.question
        if resolved.is_follow_up and resolved.earlier_questions:
            question = f"{resolved.earlier_questions[-1]} → {question}"
        user = prompt.user.format(clauses=clauses, calculation=result, question=question)
        return [{"role": "system", "content": prompt.system}, {"role": "user", "content": user}]

    def sources(self, composition: Composition) -> list[str]:
        """Clause ``[i]`` as the model sees it (and the post-check reads it): label, text."""
        return [f"{c.label}\n{self._excerpt(c.text, c.quote)}" for c in composition.citations]

    def _excerpt(self, text: str, quote: str) -> str:
        text = text.strip()
        limit = self.max_clause_chars
        if len(text) <= limit:
            return text
        at = text.find(quote[:40]) if quote else -1
        start = max(0, min(at - limit // 4, len(text) - limit)) if at >= 0 else 0
        return ("…" if start else "") + text[start:start + limit] + "…"

    def stream(self, resolved: Resolved, composition: Composition,
               calculation: Mapping[str, Any] | None = None) -> Iterator[StreamEvent]:
        """``Token``s as the model writes, then one ``Final`` (checked, or the fallback)."""
        start = time.perf_counter()
        if not composition.citations:
            yield Final(composition, False, Verdict(False, ("no clauses to cite",)), "")
            return
        messages = self.messages(resolved, composition, calculation)
        pieces: list[str] = []
        try:
            for piece in self.generator.stream(messages):
                pieces.append(piece)
                yield Token(piece)
        except GeneratorError as exc:
            log.warning("generator failed, keeping the extractive answer: %s", exc)
            elapsed = (time.perf_counter() - start) * 1000
            yield Final(composition, False, Verdict(False, (f"generator error: {exc}",)),
                        "".join(pieces), elapsed, len(pieces))
            return
        raw = "".join(pieces)
        body = MODEL_SOURCES_RE.sub("", raw.strip()).strip()
        sources = self.sources(composition)
        verdict = check(body, sources, calculation)
        elapsed = (time.perf_counter() - start) * 1000
        if not verdict.ok:
            log.info("generated answer rejected (%s); keeping the extractive answer",
                     "; ".join(verdict.reasons))
            yield Final(composition, False, verdict, raw, elapsed, len(pieces))
            return
        text = f"{body}\n\n{self._evidence(composition, resolved.lang)}"
        kept = Composition(text, composition.citations, composition.support)
        log.debug("generated answer kept, citing %s of %d clauses", verdict.cited,
                  len(composition.citations))
        yield Final(kept, True, verdict, raw, elapsed, len(pieces))

    def run(self, resolved: Resolved, composition: Composition,
            calculation: Mapping[str, Any] | None = None) -> Composition | None:
        """The checked generated answer, or ``None``: keep the extractive ``composition``."""
        final: Final | None = None
        for event in self.stream(resolved, composition, calculation):
            if isinstance(event, Final):
                final = event
        return final.composition if final is not None and final.generated else None

    def _evidence(self, composition: Composition, lang: Lang) -> str:
        """What follows the generated answer: with ``keep_quotes``, the composition without
        its lead line (the quoted sentences or calculator facts, then the sources, so that a
        reader can check every sentence); else only the numbered sources."""
        if self.keep_quotes:
            _, _, rest = composition.text.partition("\n")
            if rest.strip():
                return rest.strip("\n")
        return self._sources_block(composition, lang)

    @staticmethod
    def _sources_block(composition: Composition, lang: Lang) -> str:
        """The composer's numbered sources list (same numbers), or one built from labels."""
        for head in SOURCES_HEADS:
            at = composition.text.rfind(head)
            if at >= 0:
                return composition.text[at + 1:]
        head = "出处：" if lang == "zh" else "Sources:"
        return "\n".join([head, *(f"[{i}] {c.label}"
                                  for i, c in enumerate(composition.citations, start=1))])
