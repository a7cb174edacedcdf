"""Small statistics for the report: mean with a 95 % bootstrap interval, percentiles."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from eval.retrieval import percentile

__all__ = ["Estimate", "bootstrap_ci", "estimate", "percentile"]


@dataclass(frozen=True)
class Estimate:
    """A share with its 95 % percentile-bootstrap interval over ``n`` cases."""

    n: int
    mean: float
    low: float
    high: float

    def record(self) -> dict[str, float | int]:
        return {"n": self.n, "mean": round(self.mean, 4), "low": round(self.low, 4),
                "high": round(self.high, 4)}


def bootstrap_ci(values: Sequence[float], resamples: int = 2000, level: float = 0.95,
                 seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``values`` (seeded: same input, same
    interval). Every value equal gives a zero-width interval at that value.

    >>> bootstrap_ci([1.0, 1.0, 1.0])
    (1.0, 1.0)
    """
    if not values:
        return 0.0, 0.0
    if resamples < 1:
        raise ValueError(f"resamples must be >= 1, got {resamples}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    rng = random.Random(seed)
    n = len(values)
    means = sorted(sum(rng.choices(values, k=n)) / n for _ in range(resamples))
    tail = (1 - level) / 2
    low = means[int(tail * (resamples - 1))]
    high = means[int(round((1 - tail) * (resamples - 1)))]
    return low, high


def estimate(flags: Sequence[bool | float], resamples: int = 2000) -> Estimate:
    """Mean of ``flags`` (True = 1) with its 95 % bootstrap interval."""
    values = [float(f) for f in flags]
    mean = sum(values) / len(values) if values else 0.0
    low, high = bootstrap_ci(values, resamples)
    return Estimate(len(values), mean, low, high)
