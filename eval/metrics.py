"""From per-case outcomes to the report's figures.

``summarize(cases)`` returns a nested dict (JSON-ready); ``flatten`` turns it into dotted
names (``answers.accuracy``, ``latency_ms.total.p95``) for the gate and ``compare``.
Conventions: retrieval and char metrics over answerable questions; ``answers.accuracy``
over answerable questions (all key facts + a citation holding the evidence + not refused);
refusal precision/recall of the ``refusal`` route on the question set; credit exact and
parameters over the questions whose expected route is ``calculator``. ``accuracy_by`` is
each case's ``ok`` (unanswerable: refused; credit: route right and, if computed, exact).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from eval.cases import Case
from eval.params import FIELDS
from eval.stats import estimate, percentile

ROUTES: tuple[str, ...] = ("answer", "calculator", "clarify", "refusal")
STAGES: tuple[str, ...] = ("route", "retrieve", "compose", "calculator", "generate")


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return round(sum(items) / len(items), 4) if items else 0.0


def _share(cases: Sequence[Case], flag: str) -> float:
    return _mean(float(c.flags.get(flag, False)) for c in cases)


def _latency(cases: Sequence[Case]) -> dict[str, dict[str, float]]:
    out = {"total": _p(c.latency_ms for c in cases)}
    for stage in STAGES:
        times = [c.stages_ms[stage] for c in cases if stage in c.stages_ms]
        if times:
            out[stage] = _p(times)
    return out


def _p(values: Iterable[float]) -> dict[str, float]:
    items = list(values)
    return {"n": len(items), "p50": round(percentile(items, 50), 2),
            "p95": round(percentile(items, 95), 2)}


def _by(cases: Sequence[Case], key: Callable[[Case], str]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(key(case), []).append(case)
    return {name: estimate([c.ok for c in group]).record()
            for name, group in sorted(groups.items())}


def confusion(cases: Sequence[Case]) -> dict[str, dict[str, int]]:
    """expected route -> actual route -> count."""
    table: dict[str, dict[str, int]] = {}
    for case in cases:
        row = table.setdefault(case.expected_route, {})
        row[case.route] = row.get(case.route, 0) + 1
    return table


def summarize(cases: Sequence[Case]) -> dict[str, Any]:
    qa = [c for c in cases if c.set == "qa"]
    answerable = [c for c in qa if c.expected_route == "answer"]
    refused = [c for c in qa if c.route == "refusal"]
    unanswerable = [c for c in qa if c.expected_route == "refusal"]
    calc = [c for c in cases if c.set == "calc"]
    computed = [c for c in calc if c.expected_route == "calculator"]
    spans = [c for c in answerable if "char_precision" in c.values]
    judged = [c for c in qa if "faithful" in c.flags]
    return {
        "retrieval": {
            "n": len(answerable), "doc_hit1": _share(answerable, "doc_hit1"),
            "doc_hit5": _share(answerable, "doc_hit5"),
            "evidence_hit5": _share(answerable, "evidence_hit5"),
            "mrr10": _mean(c.values.get("rr10", 0.0) for c in answerable),
            "char_n": len(spans),
            "char_precision": _mean(c.values["char_precision"] for c in spans),
            "char_recall": _mean(c.values["char_recall"] for c in spans)},
        "answers": {
            "n": len(answerable), "accuracy": _mean(float(c.ok) for c in answerable),
            "facts": _share(answerable, "facts"), "citation": _share(answerable, "citation"),
            "invented": sum(c.flags.get("invented", False) for c in qa),
            "invented_rate": _share(qa, "invented"),
            "judged": len(judged), "faithful": _share(judged, "faithful")},
        "refusals": {
            "n": len(unanswerable),
            "precision": _mean(float(c.expected_route == "refusal") for c in refused)
            if refused else 1.0,
            "recall": _mean(float(c.route == "refusal") for c in unanswerable)
            if unanswerable else 1.0},
        "calculators": {
            "n": len(calc), "route_accuracy": _share(calc, "route"),
            "n_calculator": len(computed), "exact": _share(computed, "exact"),
            "params": _share(computed, "params"),
            "param_fields": {name: _share([c for c in computed if f"param_{name}" in c.flags],
                                          f"param_{name}") for name in FIELDS}},
        "latency_ms": _latency(cases),
        "accuracy_by": {"kind": _by(cases, lambda c: c.kind),
                        "lang": _by(cases, lambda c: c.lang),
                        "all": estimate([c.ok for c in cases]).record()},
        "routes": confusion(cases),
    }


# The figures every report table, the gate and `compare` show, with the direction of good.
HEADLINE: tuple[tuple[str, str, bool], ...] = (
    # (dotted name, label, higher is better)
    ("answers.accuracy", "answers right (key facts + evidence cited)", True),
    ("answers.facts", "answers with every key fact", True),
    ("answers.citation", "answers citing the evidence", True),
    ("answers.invented", "answers with a figure absent from citations/calculation", False),
    ("refusals.precision", "refusal precision", True),
    ("refusals.recall", "refusal recall", True),
    ("retrieval.doc_hit5", "document hit@5", True),
    ("retrieval.evidence_hit5", "evidence hit@5", True),
    ("retrieval.mrr10", "MRR@10", True),
    ("retrieval.char_precision", "cited characters: precision", True),
    ("retrieval.char_recall", "cited characters: recall", True),
    ("calculators.route_accuracy", "credit questions: route right", True),
    ("calculators.exact", "credit questions: exact availability/credit/deadline", True),
    ("calculators.params", "credit questions: every parameter extracted right", True),
    ("latency_ms.total.p50", "latency p50 (ms)", False),
    ("latency_ms.total.p95", "latency p95 (ms)", False),
)


def flatten(metrics: Mapping[str, Any], prefix: str = "") -> dict[str, float]:
    """``{"a": {"b": 1}}`` -> ``{"a.b": 1.0}`` (numbers only).

    >>> flatten({"answers": {"accuracy": 0.5, "n": 4}, "note": "x"})
    {'answers.accuracy': 0.5, 'answers.n': 4.0}
    """
    flat: dict[str, float] = {}
    for key, value in metrics.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat |= flatten(value, name + ".")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            flat[name] = float(value)
    return flat
