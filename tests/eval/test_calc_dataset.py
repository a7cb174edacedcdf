"""The hand-computed calculator questions load, meet their minimums, match the corpus."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from eval.calc_dataset import (
    DEFAULT_CALC_PATH,
    CalcDatasetError,
    CalcQuestion,
    ExpectedClarify,
    ExpectedResult,
    load_calc_questions,
)
from index.parser import Agreements


@pytest.fixture(scope="module")
def questions() -> tuple[CalcQuestion, ...]:
    return load_calc_questions(DEFAULT_CALC_PATH)


def results(questions: tuple[CalcQuestion, ...]) -> list[tuple[CalcQuestion, ExpectedResult]]:
    return [(q, q.expected) for q in questions if isinstance(q.expected, ExpectedResult)]


# --- minimums ------------------------------------------------------------------------------


def test_size_and_coverage(questions: tuple[CalcQuestion, ...]) -> None:
    assert len(questions) >= 70
    assert len({q.params.doc_line for q in questions}) >= 28
    langs = Counter(q.lang for q in questions)
    assert langs["en"] >= 20 and langs["zh"] >= 20
    assert sum(q.params.incidents_seconds is not None for q in questions) >= 8
    assert sum(q.params.incidents_seconds is not None for q in questions if q.lang == "en") >= 8
    assert sum(q.params.total_requests is not None for q in questions) >= 5
    assert sum(q.expected_route == "clarify" for q in questions) >= 8


def test_split_is_about_forty_percent_heldout_in_every_stratum(
        questions: tuple[CalcQuestion, ...]) -> None:
    heldout = sum(q.split == "heldout" for q in questions)
    assert 0.35 <= heldout / len(questions) <= 0.45
    for lang in ("zh", "en"):
        for route in ("calculator", "clarify"):
            stratum = [q for q in questions if q.lang == lang and q.expected_route == route]
            assert stratum, (lang, route)
            assert any(q.split == "heldout" for q in stratum), (lang, route)
            assert any(q.split == "tune" for q in stratum), (lang, route)


def test_ids_are_sorted_and_unique(questions: tuple[CalcQuestion, ...]) -> None:
    ids = [q.id for q in questions]
    assert ids == sorted(set(ids))


# --- internal consistency --------------------------------------------------------------------


def test_clarify_cases_name_what_is_missing(questions: tuple[CalcQuestion, ...]) -> None:
    for q in questions:
        if isinstance(q.expected, ExpectedClarify):
            if "month" in q.expected.missing:
                assert q.params.month is None, q.id
            if "variant" in q.expected.missing:
                assert q.params.variant is None, q.id


def test_credit_amount_is_fee_times_percentage(questions: tuple[CalcQuestion, ...]) -> None:
    for q, exp in results(questions):
        if exp.compensation_kind != "voucher_pct_of_monthly_fee" or exp.credit_amount is None:
            continue
        assert q.params.monthly_fee is not None and exp.credit_pct is not None, q.id
        fee = Decimal(q.params.monthly_fee)
        amount = (fee * Decimal(exp.credit_pct) / 100).quantize(Decimal("0.01"))
        assert Decimal(exp.credit_amount) == min(amount, fee), q.id


def test_ineligible_cases_have_no_tier_and_no_window(questions: tuple[CalcQuestion, ...]) -> None:
    for q, exp in results(questions):
        if not exp.eligible:
            assert exp.tier_row is None and exp.claim_opens is None, q.id
            assert exp.claim_deadline is None, q.id
        else:
            assert exp.tier_row is not None or exp.compensation_kind.startswith("voucher_per"), q.id


def test_standard_deadline_is_sixty_days_after_month_end(
        questions: tuple[CalcQuestion, ...]) -> None:
    from calendar import monthrange
    from datetime import date, timedelta

    for q, exp in results(questions):
        if exp.claim_deadline is None or q.params.month is None or q.params.service_end:
            continue
        if exp.compensation_kind == "extension_days":  # 四力选品: by the 30th of the next month
            continue
        year, month = (int(x) for x in q.params.month.split("-"))
        end = date(year, month, monthrange(year, month)[1])
        assert exp.claim_deadline == (end + timedelta(days=60)).isoformat(), q.id


def test_availability_from_request_counts(questions: tuple[CalcQuestion, ...]) -> None:
    for q, exp in results(questions):
        total, failed = q.params.total_requests, q.params.failed_requests
        if total is None or failed is None:
            continue
        value = ((1 - Decimal(failed) / Decimal(total)) * 100).quantize(Decimal("0.0001"))
        assert exp.availability_pct == str(value), q.id


# --- anchored in the corpus ------------------------------------------------------------------


def test_documents_and_source_lines_exist(
        questions: tuple[CalcQuestion, ...], agreements: Agreements) -> None:
    for q in questions:
        doc = agreements.document(str(q.params.doc_line))
        assert doc.doc_line == q.params.doc_line, q.id
        assert doc.title == q.params.doc_title, q.id
        assert doc.kind == "sla", q.id
        for n in q.source_lines:
            assert doc.doc_line <= n <= doc.line_end, (q.id, n)
            assert agreements.corpus.line(n).strip(), (q.id, n)


def test_tier_rows_occur_verbatim_in_their_document(
        questions: tuple[CalcQuestion, ...], agreements: Agreements) -> None:
    for q, exp in results(questions):
        if exp.tier_row is None:
            continue
        doc = agreements.document(str(q.params.doc_line))
        lines = (agreements.corpus.line(n) for n in range(doc.doc_line, doc.line_end + 1))
        assert any(exp.tier_row in line for line in lines), (q.id, exp.tier_row)


# --- the loader rejects malformed input with the line number ---------------------------------


def _good_line() -> dict[str, object]:
    first = DEFAULT_CALC_PATH.read_text(encoding="utf-8").splitlines()[0]
    data = json.loads(first)
    assert isinstance(data, dict)
    return data


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _dump(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False)


def test_bad_json_names_the_line(tmp_path: Path) -> None:
    good = _dump(_good_line())
    file = _write(tmp_path / "q.jsonl", [good, "{not json"])
    with pytest.raises(CalcDatasetError, match=r"q\.jsonl:2: invalid JSON"):
        load_calc_questions(file)


def test_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    good = _dump(_good_line())
    file = _write(tmp_path / "q.jsonl", [good, good])
    with pytest.raises(CalcDatasetError, match=r":2: duplicate id 'c001' \(first on line 1\)"):
        load_calc_questions(file)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("claim_deadline", "2024-02-30", "not a real date"),
    ("claim_opens", "2024/04/09", "YYYY-MM-DD"),
    ("availability_pct", "99.92", "availability_pct"),
    ("credit_amount", "68", "credit_amount"),
    ("credit_pct", "ten", "credit_pct"),
])
def test_bad_expected_values_name_the_line(
        tmp_path: Path, field: str, value: str, message: str) -> None:
    good = _good_line()
    bad = dict(good)
    expected = dict(good["expected"])  # type: ignore[call-overload]
    expected[field] = value
    bad["expected"] = expected
    bad["id"] = "c999"
    file = _write(tmp_path / "q.jsonl", [_dump(good), _dump(good | {"id": "c998"}), _dump(bad)])
    with pytest.raises(CalcDatasetError, match=rf"q\.jsonl:3: .*{message}"):
        load_calc_questions(file)


def test_bad_params_name_the_line(tmp_path: Path) -> None:
    good = _good_line()
    params = dict(good["params"])  # type: ignore[call-overload]
    params["month"] = "2024-13"
    file = _write(tmp_path / "q.jsonl", [_dump(good | {"params": params})])
    with pytest.raises(CalcDatasetError, match=r"q\.jsonl:1: params\.month"):
        load_calc_questions(file)
    params["month"] = "2024-03"
    params["monthly_fee"] = "6,80"
    file = _write(tmp_path / "q.jsonl", [_dump(good | {"params": params})])
    with pytest.raises(CalcDatasetError, match=r"q\.jsonl:1: params\.monthly_fee"):
        load_calc_questions(file)


def test_route_must_match_expected(tmp_path: Path) -> None:
    good = _good_line()
    file = _write(tmp_path / "q.jsonl", [_dump(good | {"expected_route": "clarify"})])
    with pytest.raises(CalcDatasetError, match=r"q\.jsonl:1: .*clarify question"):
        load_calc_questions(file)


def test_blank_line_and_missing_file(tmp_path: Path) -> None:
    good = _dump(_good_line())
    file = _write(tmp_path / "q.jsonl", [good, "", good])
    with pytest.raises(CalcDatasetError, match=r"q\.jsonl:2: blank line"):
        load_calc_questions(file)
    with pytest.raises(CalcDatasetError, match="cannot read"):
        load_calc_questions(tmp_path / "absent.jsonl")
