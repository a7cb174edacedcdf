"""The bootstrap interval: exact on degenerate samples, close to the normal one on a large
sample, deterministic, and it rejects bad arguments."""

from __future__ import annotations

import pytest

from eval.stats import bootstrap_ci, estimate


def test_constant_sample_has_a_zero_width_interval() -> None:
    assert bootstrap_ci([1.0, 1.0, 1.0]) == (1.0, 1.0)
    assert bootstrap_ci([0.0] * 5) == (0.0, 0.0)
    assert bootstrap_ci([]) == (0.0, 0.0)


def test_two_values_cover_the_whole_range() -> None:
    # resampling [0, 1] twice gives mean 0 with p = 1/4, 0.5 with 1/2, 1 with 1/4: both
    # 2.5 % tails fall on the extremes, so the interval is [0, 1]
    assert bootstrap_ci([0.0, 1.0]) == (0.0, 1.0)


def test_large_sample_is_close_to_the_normal_interval() -> None:
    # 50 of 100 passed: normal 95 % interval 0.5 ± 1.96 * sqrt(0.25 / 100) = [0.402, 0.598]
    low, high = bootstrap_ci([1.0] * 50 + [0.0] * 50)
    assert low == pytest.approx(0.402, abs=0.02)
    assert high == pytest.approx(0.598, abs=0.02)


def test_seeded_and_estimate_holds_the_mean() -> None:
    values = [1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0]
    assert bootstrap_ci(values) == bootstrap_ci(values)
    e = estimate([True, False, True, True, False, True, True])
    assert (e.n, e.mean) == (7, pytest.approx(5 / 7))
    assert e.low <= e.mean <= e.high
    assert e.record()["mean"] == 0.7143


@pytest.mark.parametrize("kwargs", [{"resamples": 0}, {"level": 1.0}, {"level": 0.0}])
def test_bad_arguments(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        bootstrap_ci([1.0, 0.0], **kwargs)  # type: ignore[arg-type]
