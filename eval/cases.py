"""One assistant over the dev sets: a :class:`Case` per question with its pass/fail flags.

Questions (``questions.jsonl``): the answer is asked through ``Assistant.ask`` (the batch
path of ``python -m assistant ask``) and checked by :func:`eval.answers.check_answer`; the
assistant's retriever is searched once more with ``k=10`` for the retrieval metrics of
:mod:`eval.retrieval`; the citations are scored against the gold evidence character by
character (:mod:`eval.spans`). Credit questions (``calc_questions.jsonl``): route, exact
RESULT (:func:`eval.assistant_eval.calc_exact`) and extracted parameters (:mod:`eval.params`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.conversation import Turn
from assistant.pipeline import Assistant
from eval.answers import check_answer
from eval.assistant_eval import calc_exact
from eval.calc_dataset import CalcQuestion
from eval.dataset import Question
from eval.judge import Judge
from eval.params import compare_params, extracted_params
from eval.retrieval import Found, score
from eval.spans import CorpusText, char_precision_recall, cited_spans, gold_spans

RETRIEVAL_K = 10


@dataclass(frozen=True)
class Case:
    """The outcome of one question: what the report stores and ``compare`` diffs.

    ``set`` is ``qa`` (question set) or ``calc`` (credit questions); ``expected_route`` is
    ``answer`` / ``refusal`` for the question set. ``ok`` is the one pass flag per case;
    ``flags`` the checks behind it; ``values`` the graded scores (reciprocal rank, char
    precision/recall) where the case has them.
    """

    id: str
    set: str
    kind: str
    lang: str
    expected_route: str
    route: str
    ok: bool
    flags: dict[str, bool] = field(default_factory=dict)
    values: dict[str, float] = field(default_factory=dict)
    latency_ms: float = 0.0
    stages_ms: dict[str, float] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        out = asdict(self)
        out["latency_ms"] = round(self.latency_ms, 2)
        out["stages_ms"] = {k: round(v, 2) for k, v in self.stages_ms.items()}
        out["values"] = {k: round(v, 4) for k, v in self.values.items()}
        return out

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Case:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


Progress = Callable[[], None]


class CaseRunner:
    """Runs an assistant over question sets; the corpus text and document ends are shared."""

    def __init__(self, corpus: CorpusText, doc_ends: Mapping[int, int],
                 judge: Judge | None = None) -> None:
        self.corpus = corpus
        self.doc_ends = doc_ends
        self.judge = judge

    def question(self, assistant: Assistant, q: Question) -> Case:
        turns = [Turn(h.role, h.content) for h in q.history]
        answer = assistant.ask(q.question, turns)
        record = answer.record(q.id)
        check = check_answer(q, record)
        flags = {"refused": check.refused, "invented": check.invented}
        values: dict[str, float] = {}
        if self.judge is not None and answer.route == "answer":
            verdict = self.judge.faithful(q.question, record)
            if verdict is not None:
                flags["faithful"] = verdict
        if q.answerable:
            hits = assistant.retriever.run(q.question, turns, k=RETRIEVAL_K)
            found = score(q, [Found(h.chunk.doc_line, h.chunk.text) for h in hits], 0.0)
            flags |= {"facts": check.facts, "citation": check.citation,
                      "doc_hit1": found.doc_hit1, "doc_hit5": found.doc_hit5,
                      "evidence_hit5": found.evidence_hit5}
            values["rr10"] = found.rr10
            gold = gold_spans(self.corpus, q.gold, self.doc_ends)
            if gold is not None:
                cited = cited_spans(self.corpus, record["citations"])
                values["char_precision"], values["char_recall"] = char_precision_recall(
                    cited, gold)
        return Case(q.id, "qa", q.kind, q.lang, "answer" if q.answerable else "refusal",
                    answer.route, check.ok(q.answerable), flags, values, answer.latency_ms,
                    dict(answer.stages_ms))

    def calc_question(self, assistant: Assistant, q: CalcQuestion) -> Case:
        turns = [Turn(h.role, h.content) for h in q.history]
        answer = assistant.ask(q.question, turns)
        flags = {"route": answer.route == q.expected_route}
        if q.expected_route == "calculator":
            flags["exact"] = answer.route == "calculator" and calc_exact(q, answer.calculation)
            got = extracted_params(assistant, q, answer.calculation)
            params = compare_params(got, q.params.model_dump(mode="json"))
            flags |= {f"param_{name}": right for name, right in params.items()}
            flags["params"] = all(params.values())
        ok = flags["route"] and flags.get("exact", True)
        return Case(q.id, "calc", "credit", q.lang, q.expected_route, answer.route, ok, flags,
                    {}, answer.latency_ms, dict(answer.stages_ms))

    def run(self, assistant: Assistant, questions: Sequence[Question],
            calc: Sequence[CalcQuestion], progress: Progress | None = None) -> list[Case]:
        cases = []
        for q in questions:
            cases.append(self.question(assistant, q))
            if progress:
                progress()
        for c in calc:
            cases.append(self.calc_question(assistant, c))
            if progress:
                progress()
        return cases
