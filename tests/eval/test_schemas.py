"""The JSON schemas in eval/schemas/ document the dev-set formats: every dataset line
validates, and the schema and the loader agree on hand-made good and bad records."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from eval.calc_dataset import DEFAULT_CALC_PATH, CalcDatasetError, CalcQuestion
from eval.dataset import DEFAULT_PATH, DatasetError, Question, parse_questions, parse_records

SCHEMAS = Path(__file__).resolve().parents[2] / "eval" / "schemas"


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize(("schema", "dataset"), [
    ("question.schema.json", DEFAULT_PATH), ("calc_question.schema.json", DEFAULT_CALC_PATH)])
def test_every_dataset_line_validates(schema: str, dataset: Path) -> None:
    check = validator(schema)
    bad = []
    for number, line in enumerate(dataset.read_text(encoding="utf-8").splitlines(), start=1):
        errors = list(check.iter_errors(json.loads(line)))
        if errors:
            bad.append(f"{dataset.name}:{number}: {errors[0].message}")
    assert not bad, "\n".join(bad[:20])


QUESTION: dict[str, Any] = {
    "id": "q1", "question": "违约金怎么算？", "history": [], "lang": "zh", "kind": "numeric",
    "gold": [{"doc_line": 200, "doc_title": "腾讯云服务协议", "section": "3.2.4",
              "evidence": "万分之五"}], "key_facts": ["万分之五"], "answerable": True,
    "split": "tune"}
UNANSWERABLE = {**QUESTION, "kind": "unanswerable", "gold": [], "key_facts": [],
                "answerable": False}
FOLLOWUP = {**QUESTION, "kind": "followup",
            "history": [{"role": "user", "content": "CVM 呢？"},
                        {"role": "assistant", "content": "……"}]}


def changed(base: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """``base`` with ``path`` (``gold.0.doc_line``) set to ``value`` (``...`` deletes it)."""
    record = copy.deepcopy(base)
    *parents, last = path.split(".")
    target: Any = record
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return record


BAD_QUESTIONS = [
    changed(QUESTION, "lang", "fr"), changed(QUESTION, "kind", "opinion"),
    changed(QUESTION, "extra", 1), changed(QUESTION, "answerable", ...),
    changed(QUESTION, "gold", []), changed(QUESTION, "key_facts", []),
    changed(QUESTION, "key_facts", ["  "]), changed(QUESTION, "gold.0.doc_line", 0),
    changed(QUESTION, "gold.0.evidence", ""), changed(QUESTION, "split", "test"),
    changed(QUESTION, "kind", "unanswerable"), changed(UNANSWERABLE, "kind", "fact"),
    changed(UNANSWERABLE, "key_facts", ["x"]), changed(QUESTION, "kind", "followup"),
    changed(QUESTION, "kind", "comparison"), changed(FOLLOWUP, "history.0.role", "system"),
    changed(QUESTION, "id", ""),
]


def schema_accepts(name: str, record: dict[str, Any]) -> bool:
    return validator(name).is_valid(record)


def loader_accepts(model: type[Any], error: type[ValueError], record: dict[str, Any]) -> bool:
    try:
        parse_records([json.dumps(record, ensure_ascii=False)], "<t>", model, error)
    except error:
        return False
    return True


@pytest.mark.parametrize("record", [QUESTION, UNANSWERABLE, FOLLOWUP])
def test_good_questions_pass_both(record: dict[str, Any]) -> None:
    assert schema_accepts("question.schema.json", record)
    assert loader_accepts(Question, DatasetError, record)


@pytest.mark.parametrize("record", BAD_QUESTIONS)
def test_bad_questions_fail_both(record: dict[str, Any]) -> None:
    assert not schema_accepts("question.schema.json", record)
    assert not loader_accepts(Question, DatasetError, record)


def test_loader_names_the_line() -> None:
    lines = [json.dumps(QUESTION), json.dumps(changed(QUESTION, "lang", "fr"))]
    with pytest.raises(DatasetError, match=r"<q>:2: lang"):
        parse_questions(lines, "<q>")


CALC: dict[str, Any] = json.loads(DEFAULT_CALC_PATH.read_text(encoding="utf-8").splitlines()[0])
CLARIFY = {**CALC, "expected_route": "clarify", "expected": {"missing": ["month"]}}

BAD_CALC = [
    changed(CALC, "id", "q001"), changed(CALC, "expected_route", "answer"),
    changed(CALC, "params.month", "2024-13"), changed(CALC, "params.monthly_fee", "-5"),
    changed(CALC, "params.downtime_minutes", 30),            # a second measurement
    changed(CALC, "params.total_requests", 100),             # without failed_requests
    changed(CALC, "expected.availability_pct", "99.92"),     # 4 decimals required
    changed(CALC, "expected.credit_amount", "68"),           # 2 decimals required
    changed(CALC, "expected.claim_deadline", "30/05/2024"),
    changed(CALC, "expected", {"missing": ["month"]}),        # calculator route, clarify body
    changed(CLARIFY, "expected", CALC["expected"]),           # clarify route, RESULT body
    changed(CLARIFY, "expected.missing", []), changed(CLARIFY, "expected.missing", ["colour"]),
    changed(CALC, "source_lines", []), changed(CALC, "params.unknown", 1),
]


@pytest.mark.parametrize("record", [CALC, CLARIFY])
def test_good_calc_questions_pass_both(record: dict[str, Any]) -> None:
    assert schema_accepts("calc_question.schema.json", record)
    assert loader_accepts(CalcQuestion, CalcDatasetError, record)


@pytest.mark.parametrize("record", BAD_CALC)
def test_bad_calc_questions_fail_both(record: dict[str, Any]) -> None:
    assert not schema_accepts("calc_question.schema.json", record)
    assert not loader_accepts(CalcQuestion, CalcDatasetError, record)
