"""Retrieval metrics over the dev question set, for any searcher.

Per answerable question (unanswerable ones are left out of every hit metric):
- doc hit@1: the first hit is from a gold document;
- doc hit@5: every gold document has a hit in the top 5 (comparisons need all of theirs);
- evidence hit@5: every gold evidence string (whitespace removed) is inside the text of a
  top-5 hit from its gold document;
- MRR@10: 1 / rank of the first top-10 hit holding a gold evidence (0 if none);
- latency: wall time of one warm search (p50 / p95 over all questions, unanswerable too).
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eval.dataset import Question
from index.settings import IndexSettings

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Found:
    """What a searcher returned for one question, reduced to what the metrics read."""

    doc_line: int
    text: str


Search = Callable[[Question], Sequence[Found]]


@dataclass(frozen=True)
class Outcome:
    question: Question
    doc_hit1: bool
    doc_hit5: bool
    evidence_hit5: bool
    rr10: float
    latency_ms: float


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def _holds(found: Found, doc_line: int, evidence: str) -> bool:
    return found.doc_line == doc_line and evidence in squash(found.text)


def score(question: Question, found: Sequence[Found], latency_ms: float) -> Outcome:
    gold_docs = set(question.doc_lines)
    top5 = found[:5]
    evidence = [(g.doc_line, squash(g.evidence)) for g in question.gold]
    first = next((rank for rank, f in enumerate(found[:10], start=1)
                  if any(_holds(f, line, ev) for line, ev in evidence)), None)
    return Outcome(
        question=question,
        doc_hit1=bool(found) and found[0].doc_line in gold_docs,
        doc_hit5=bool(gold_docs) and gold_docs <= {f.doc_line for f in top5},
        evidence_hit5=bool(evidence) and all(any(_holds(f, line, ev) for f in top5)
                                             for line, ev in evidence),
        rr10=1.0 / first if first else 0.0,
        latency_ms=latency_ms)


def run(search: Search, questions: Sequence[Question]) -> list[Outcome]:
    """Score ``search`` on every question, timing each call (the caller warms it up)."""
    outcomes = []
    for question in questions:
        started = time.perf_counter()
        found = list(search(question))
        outcomes.append(score(question, found, (time.perf_counter() - started) * 1000))
    return outcomes


@dataclass(frozen=True)
class Summary:
    n: int
    doc_hit1: float
    doc_hit5: float
    evidence_hit5: float
    mrr10: float
    p50_ms: float
    p95_ms: float


def percentile(values: Sequence[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summarize(outcomes: Sequence[Outcome]) -> Summary:
    scored = [o for o in outcomes if o.question.answerable]
    latencies = [o.latency_ms for o in outcomes]

    def mean(values: list[float]) -> float:
        return statistics.fmean(values) if values else 0.0

    return Summary(
        n=len(scored),
        doc_hit1=mean([float(o.doc_hit1) for o in scored]),
        doc_hit5=mean([float(o.doc_hit5) for o in scored]),
        evidence_hit5=mean([float(o.evidence_hit5) for o in scored]),
        mrr10=mean([o.rr10 for o in scored]),
        p50_ms=percentile(latencies, 50), p95_ms=percentile(latencies, 95))


def by(outcomes: Sequence[Outcome], key: Callable[[Question], str]) -> dict[str, Summary]:
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(key(outcome.question), []).append(outcome)
    return {name: summarize(group) for name, group in sorted(groups.items())}


# --- the benchmark: every configuration on one question split ------------------------------

CONFIGS: tuple[tuple[str, str, dict[str, object]], ...] = (
    # (row name, embedder, RetrievalConfig fields)
    ("BM25 only", "use", {"dense": False, "product_mode": "off", "rerank": False}),
    ("dense {e} only", "*", {"sparse": False, "product_mode": "off", "rerank": False}),
    ("hybrid ({e})", "*", {"product_mode": "off", "rerank": False}),
    ("hybrid + products, boost ({e})", "use", {"product_mode": "boost", "rerank": False}),
    ("hybrid + products ({e})", "*", {"product_mode": "restrict", "rerank": False}),
    ("hybrid + products + rerank ({e})", "*", {"product_mode": "restrict", "rerank": True}),
    ("BM25 + products + rerank", "use", {"dense": False, "product_mode": "restrict"}),
)


class Benchmark:
    """Builds what is missing and runs every configuration on the same questions."""

    def __init__(self, questions: Sequence[Question], embedders: Sequence[str],
                 baseline: bool = True) -> None:
        if not questions:
            raise ValueError("the benchmark needs at least one question")
        self.questions = list(questions)
        self.embedders = list(embedders)
        self.baseline = baseline

    def run(self) -> list[tuple[str, list[Outcome]]]:
        """(row name, outcomes) for every configuration, naive baseline last."""
        rows: list[tuple[str, list[Outcome]]] = []
        for name, embedder, fields in CONFIGS:
            for e in (self.embedders if embedder == "*" else [embedder]):
                rows.append((name.format(e=e), self._run_config(e, fields)))
                print(f"{rows[-1][0]}: {summarize(rows[-1][1])}", flush=True)
        if self.baseline:
            rows.append(("naive LangChain 500/50 + USE + Chroma", self._run_naive("use")))
        return rows

    def _settings(self, embedder: str) -> IndexSettings:
        return IndexSettings().model_copy(update={"embedder": embedder})

    def _run_config(self, embedder: str, fields: dict[str, object]) -> list[Outcome]:
        from index.embedders import build_embedder
        from index.retrieval.factory import build_retriever
        from index.retrieval.types import RetrievalConfig, Turn
        from index.stores.builder import IndexBuilder

        settings = self._settings(embedder)
        IndexBuilder(settings, build_embedder(embedder)).run()
        retriever = build_retriever(settings, RetrievalConfig(**fields))  # type: ignore[arg-type]

        def search(q: Question) -> list[Found]:
            turns = [Turn(t.role, t.content) for t in q.history]
            return [Found(h.chunk.doc_line, h.chunk.text)
                    for h in retriever.run(q.question, turns, k=10)]

        search(self.questions[0])  # warm
        return run(search, self.questions)

    def _run_naive(self, embedder: str) -> list[Outcome]:
        from eval.baselines import NaiveBaseline
        from index.embedders import build_embedder
        from index.parser import parse_corpus

        agreements = parse_corpus()
        settings = self._settings(embedder)
        naive = NaiveBaseline(agreements.corpus, agreements.documents,
                              build_embedder(embedder), settings.index_dir / "naive")
        naive.search(self.questions[0])
        return run(naive.search, self.questions)
