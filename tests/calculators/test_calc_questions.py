"""The independent hand-computed question set (eval/datasets/calc_questions.jsonl) through the
batch path: params -> batch request -> RESULT, compared field by field.

Computable questions must agree exactly on availability_pct (4 dp), eligible, credit_pct,
credit_amount, claim_opens, claim_deadline and tier_row (when given); clarify questions must
raise the calculators' ``InputError`` naming each missing input. Questions whose expected
figures rest on a reading the SLA text leaves open are listed in ``AMBIGUOUS`` with the
reason; they must still agree, and the result must say which reading it took (a note).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from calculators.batch import credit_result
from calculators.engine import InputError
from eval.calc_dataset import CalcQuestion, ExpectedClarify, ExpectedResult, load_calc_questions

QUESTIONS = load_calc_questions()
COMPUTABLE = [q for q in QUESTIONS if not q.is_clarify]
CLARIFY = [q for q in QUESTIONS if q.is_clarify]
REQUIRED_AGREEMENT = Decimal("0.95")
MISSING_WORDS = {"month": "month", "measurement": "measurement", "variant": "variant",
                 "monthly_fee": "monthly_fee", "doc": "doc", "unit_price": "unit_price"}

AMBIGUOUS = {
    "c071": "CMQ 4.2 pays per counted fault minute, or only when the month is below 99.95%? "
            "The engine pays per fault (as the set does) and notes the other reading.",
    "c066": "腾讯优码 caps credits at the fee but pays in months of service: the engine gives "
            "the table's extension and notes that the cap is not applied to it.",
    "c067": "腾讯优码 cap vs an extension in months (as c066).",
}


def to_request(q: CalcQuestion) -> dict[str, Any]:
    """The batch line for a question: its params as batch fields (``also`` -> measurements)."""
    data = q.params.model_dump(exclude_none=True)
    data.pop("doc_title", None)
    also = data.pop("also", None)
    if also is not None:
        data["measurements"] = [also]
    return {"id": q.id, **data}


def _fixed(value: Any, places: int) -> str | None:
    if value is None:
        return None
    return str(Decimal(str(value)).quantize(Decimal(1).scaleb(-places)))


def differences(q: CalcQuestion) -> dict[str, tuple[Any, Any]]:
    """Field -> (expected, got) for every field that disagrees ({} = agreement)."""
    assert isinstance(q.expected, ExpectedResult)
    e = q.expected
    try:
        r = credit_result(to_request(q))
    except InputError as exc:
        return {"error": (None, str(exc))}
    got: dict[str, Any] = {
           "availability_pct": _fixed(r["availability_pct"], 4), "eligible": r["eligible"],
           "credit_pct": None if r["credit_pct"] is None else Decimal(str(r["credit_pct"])),
           "credit_amount": _fixed(r["credit_amount"], 2),
           "claim_opens": r["claim_window"]["opens"],
           "claim_deadline": r["claim_window"]["deadline"], "tier_row": r["tier"]}
    want: dict[str, Any] = {"availability_pct": e.availability_pct, "eligible": e.eligible,
            "credit_pct": None if e.credit_pct is None else Decimal(e.credit_pct),
            "credit_amount": e.credit_amount, "claim_opens": e.claim_opens,
            "claim_deadline": e.claim_deadline, "tier_row": e.tier_row}
    if e.tier_row is None and e.eligible:
        del want["tier_row"]
    if e.compensation_value is not None:
        got["compensation_value"] = Decimal(str(r["compensation"]["value"]))
        want["compensation_value"] = Decimal(e.compensation_value)
    if q.id in AMBIGUOUS and not r["notes"]:
        got["notes"], want["notes"] = [], ["a note on the reading taken"]
    return {k: (want[k], got.get(k)) for k in want if want[k] != got.get(k)}


@pytest.mark.parametrize("q", COMPUTABLE, ids=[q.id for q in COMPUTABLE])
def test_computable_question(q: CalcQuestion) -> None:
    diffs = differences(q)
    why = f" (ambiguous: {AMBIGUOUS[q.id]})" if q.id in AMBIGUOUS else ""
    assert not diffs, f"{q.id}{why}: expected vs got {diffs}\n{q.working}"


@pytest.mark.parametrize("q", CLARIFY, ids=[q.id for q in CLARIFY])
def test_clarify_question(q: CalcQuestion) -> None:
    assert isinstance(q.expected, ExpectedClarify)
    with pytest.raises(InputError) as caught:
        credit_result(to_request(q))
    message = str(caught.value)
    for missing in q.expected.missing:
        assert MISSING_WORDS[missing] in message, f"{q.id}: {missing!r} not named in {message!r}"


def test_agreement_rate() -> None:
    agree = {q.id for q in COMPUTABLE if not differences(q)}
    for split in ("all", "heldout"):
        group = [q for q in COMPUTABLE if split == "all" or q.split == split]
        rate = Decimal(len([q for q in group if q.id in agree])) / Decimal(len(group))
        assert rate >= REQUIRED_AGREEMENT, (
            f"{split}: agreement {rate:.3f} ({len(agree & {q.id for q in group})}/{len(group)}), "
            f"required ≥ {REQUIRED_AGREEMENT}")


def test_the_set_is_what_the_findings_were_about() -> None:
    assert len(QUESTIONS) == 85 and len(COMPUTABLE) == 75
    assert set(AMBIGUOUS) <= {q.id for q in COMPUTABLE}
