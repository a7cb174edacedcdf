"""The question-intent model as shipped (``assistant/intent.json``)."""

from __future__ import annotations

import numpy as np

from assistant.intent import SURE_COMPUTE, SURE_OTHER, IntentModel, credit_probability, model
from tests.index.fakes import FakeEmbedder


def test_the_shipped_model_is_for_the_default_embedder_and_its_vectors() -> None:
    fitted = model()
    assert fitted is not None and fitted.embedder == "use" and fitted.weights.shape == (512,)
    assert 0 < SURE_OTHER < 0.5 < SURE_COMPUTE < 1


def test_another_embedder_gets_no_probability() -> None:
    """Vectors of another model (the tests' fake one) would read as noise: none is given."""
    assert credit_probability(FakeEmbedder(), "CVM 3月断了90分钟，月费2000，能赔多少？") is None
    assert credit_probability(None, "anything") is None


def test_the_probability_is_the_logistic_of_the_score() -> None:
    fitted = IntentModel("use", np.array([1.0, -2.0], dtype=np.float32), 0.5)
    assert abs(fitted.credit_probability(np.array([1.0, 0.0])) - 1 / (1 + np.exp(-1.5))) < 1e-6
    assert fitted.credit_probability(np.array([0.0, 10.0])) < 1e-6
