"""The learned number-role model and how the reader uses it (no corpus, no index)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.reading import roles
from assistant.reading.reader import read_query
from assistant.reading.roles import ROLES, RoleModel, features, model
from eval.roles import helper_examples

TODAY = date(2026, 11, 29)
DATASETS = Path(__file__).resolve().parents[3] / "eval" / "datasets"


def test_features_see_the_context_not_the_digits() -> None:
    """8折 and 9折, 1000 and 9000 after 原价: the same view, so the model learns the words."""
    assert features("原价1000，实付800", 2, 6) == features("原价9000，实付800", 2, 6)
    assert features("原价1000，实付800", 2, 6) != features("月费1000，实付800", 2, 6)


@pytest.mark.parametrize(("text", "number", "unit"), [
    ("3个租户2万多账号", "2万", "u:noun"),     # past 多, any Chinese word is a thing counted
    ("接了260路摄像头", "260", "u:noun"),
    ("about 4,000 devices", "4,000", "u:noun"),
    ("断了45分钟", "45", "u:time"),
    ("月费3000元", "3000", "u:money"),
    ("错误率30%左右", "30", "u:share"),
])
def test_the_word_after_a_number_is_classed_past_words_of_approximation(
        text: str, number: str, unit: str) -> None:
    start = text.index(number)
    assert unit in features(text, start, start + len(number))


def test_the_shipped_model_knows_every_role_and_fits_its_data() -> None:
    fitted = model()
    assert fitted is not None and sorted(fitted.classes) == sorted(ROLES)
    examples = [e for group in helper_examples(DATASETS / "number_roles_2.json") for e in group]
    right = sum(fitted.predict(t, s, e).role == role for t, s, e, role in examples)
    assert right / len(examples) >= 0.9  # a stale or damaged model file fails here


def _list_price_model(weight: float) -> RoleModel:
    """A one-feature model (a stand-in for the trained one): 原价 before a number says
    other money, as sure as ``weight`` makes it."""
    row = [weight if role == "other_money" else 0.0 for role in ROLES]
    return RoleModel(list(ROLES), [0.0] * len(ROLES), {"B2:原价": row})


@pytest.mark.parametrize(("weight", "role"), [(9.0, "money_other"), (1.0, "unclear")])
def test_a_number_no_pattern_reads_is_context_only_when_the_model_is_sure(
        monkeypatch: pytest.MonkeyPatch, weight: float, role: str) -> None:
    monkeypatch.setattr(roles, "model", lambda: _list_price_model(weight))
    query = read_query("CVM 10月断了 90 分钟，月费 800，原价1234", TODAY)
    assert query.monthly_fee == 800 and query.incidents_seconds == (5400,)
    assert [u.role for u in query.uses if u.text == "1234"] == [role]


def test_the_model_never_turns_a_number_into_an_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sure that a leftover number is a fee, the reader still asks: the model only demotes."""
    row = [9.0 if role == "fee" else 0.0 for role in ROLES]
    monkeypatch.setattr(roles, "model", lambda: RoleModel(list(ROLES), [0.0] * len(ROLES),
                                                          {"B2:原价": row}))
    query = read_query("CVM 10月断了 90 分钟，月费 800，原价1234", TODAY)
    assert [u.role for u in query.uses if u.text == "1234"] == ["unclear"]
