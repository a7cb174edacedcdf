"""Reciprocal rank fusion: score(d) = sum over rankings of weight / (k + rank(d))."""

from __future__ import annotations

from collections.abc import Sequence


def rrf(rankings: Sequence[Sequence[str]], k: int = 60,
        weights: Sequence[float] | None = None) -> dict[str, float]:
    """Fused scores of every id in any ranking (rank 1 = best).

    >>> sorted(rrf([["a", "b"], ["b", "c"]], k=1).items())
    [('a', 0.5), ('b', 0.8333333333333333), ('c', 0.3333333333333333)]
    """
    weights = weights or [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError(f"{len(rankings)} rankings but {len(weights)} weights")
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def interleave(rankings: Sequence[Sequence[str]]) -> list[str]:
    """Round-robin merge without duplicates (one list per product of a comparison).

    >>> interleave([["a", "b", "c"], ["x", "a"]])
    ['a', 'x', 'b', 'c']
    """
    out: list[str] = []
    seen: set[str] = set()
    for position in range(max((len(r) for r in rankings), default=0)):
        for ranking in rankings:
            if position < len(ranking) and ranking[position] not in seen:
                seen.add(ranking[position])
                out.append(ranking[position])
    return out
