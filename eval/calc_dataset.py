"""Hand-computed SLA credit questions: typed models and a strict JSONL loader.

One question per line of ``eval/datasets/calc_questions.jsonl`` (UTF-8, ``ensure_ascii=False``).
Each line holds a natural-language question, the calculator inputs it implies (``params``, the
fields of ``python -m calculators credit --batch`` plus a few extras such as ``unit_price``),
and either the expected RESULT fields (``expected_route == "calculator"``) or the list of facts
the assistant must ask for (``expected_route == "clarify"``). ``working`` shows the arithmetic.

``load_calc_questions`` rejects anything malformed with a :class:`CalcDatasetError` that names
the file and the 1-based line number.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from eval.dataset import HistoryTurn, Strict, parse_records

DEFAULT_CALC_PATH = Path(__file__).resolve().parent / "datasets" / "calc_questions.jsonl"

Lang = Literal["zh", "en"]
Route = Literal["calculator", "clarify"]
Split = Literal["tune", "heldout"]
Missing = Literal["month", "measurement", "variant", "monthly_fee", "doc", "unit_price"]

LANGS: tuple[Lang, ...] = ("zh", "en")
ROUTES: tuple[Route, ...] = ("calculator", "clarify")
SPLITS: tuple[Split, ...] = ("tune", "heldout")

_DECIMAL = re.compile(r"^\d+(\.\d+)?$")
_PCT4 = re.compile(r"^\d{1,3}\.\d{4}$")
_MONEY = re.compile(r"^\d+\.\d{2}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^c\d{3}$")


class CalcDatasetError(ValueError):
    """A calculator question file that cannot be used: names the file and, where known, the line."""


def _check_decimal(value: str | None, pattern: re.Pattern[str], what: str) -> str | None:
    if value is None:
        return None
    if not pattern.match(value):
        raise ValueError(f"{what} must look like {pattern.pattern!r}, got {value!r}")
    try:
        Decimal(value)
    except InvalidOperation as exc:  # pragma: no cover - the pattern already excludes this
        raise ValueError(f"{what} is not a decimal: {value!r}") from exc
    return value


def _check_date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    if not _DATE.match(value):
        raise ValueError(f"{what} must be YYYY-MM-DD, got {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{what} is not a real date: {value!r}") from exc
    return value


class AlsoMetric(Strict):
    """A second metric of the same SLA that also failed (higher credit wins, e.g. CVM 3.1(5))."""

    metric: str = Field(min_length=1)
    availability_pct: str

    @field_validator("availability_pct")
    @classmethod
    def _pct(cls, v: str) -> str:
        _check_decimal(v, _DECIMAL, "also.availability_pct")
        return v


class CalcParams(Strict):
    """Calculator inputs implied by the question; null where the question does not say."""

    doc_line: int = Field(ge=1)
    doc_title: str = Field(min_length=1)
    metric: str | None = None
    variant: str | None = None
    month: str | None = None
    monthly_fee: str | None = None
    downtime_minutes: int | None = Field(default=None, ge=0)
    incidents_seconds: tuple[int, ...] | None = None
    availability_pct: str | None = None
    total_requests: int | None = Field(default=None, ge=1)
    failed_requests: int | None = Field(default=None, ge=0)
    # Extras for SLAs whose inputs go beyond the standard measurement.
    unit_price: str | None = None
    prepaid_fee: str | None = None
    prepaid_months: int | None = Field(default=None, ge=1)
    annual_fee: str | None = None
    daily_fee: str | None = None
    order_fee: str | None = None
    service_end: str | None = None
    event: str | None = None
    event_count: int | None = Field(default=None, ge=0)
    instances: int | None = Field(default=None, ge=1)  # SLAs counting over all instances' minutes
    also: AlsoMetric | None = None

    @field_validator("month")
    @classmethod
    def _month(cls, v: str | None) -> str | None:
        if v is not None and not _MONTH.match(v):
            raise ValueError(f"month must be YYYY-MM, got {v!r}")
        return v

    @field_validator(
        "monthly_fee", "availability_pct", "unit_price", "prepaid_fee", "annual_fee",
        "daily_fee", "order_fee",
    )
    @classmethod
    def _decimals(cls, v: str | None) -> str | None:
        return _check_decimal(v, _DECIMAL, "amount/percentage")

    @field_validator("service_end")
    @classmethod
    def _service_end(cls, v: str | None) -> str | None:
        return _check_date(v, "service_end")

    @field_validator("incidents_seconds")
    @classmethod
    def _incidents(cls, v: tuple[int, ...] | None) -> tuple[int, ...] | None:
        if v is not None and (not v or any(s < 0 for s in v)):
            raise ValueError("incidents_seconds must be a non-empty list of non-negative seconds")
        return v

    @model_validator(mode="after")
    def _one_measurement(self) -> CalcParams:
        given = [
            name for name in ("downtime_minutes", "incidents_seconds", "availability_pct",
                              "total_requests")
            if getattr(self, name) is not None
        ]
        if len(given) > 1:
            raise ValueError(f"at most one measurement may be given, got {given}")
        if (self.total_requests is None) != (self.failed_requests is None):
            raise ValueError("total_requests and failed_requests go together")
        if (self.total_requests is not None and self.failed_requests is not None
                and self.failed_requests > self.total_requests):
            raise ValueError("failed_requests exceeds total_requests")
        return self


class ExpectedResult(Strict):
    """The RESULT fields a correct calculator run must produce (null = cannot be determined)."""

    availability_pct: str | None
    eligible: bool
    credit_pct: str | None
    credit_amount: str | None
    claim_deadline: str | None
    claim_opens: str | None
    tier_row: str | None
    compensation_kind: str = Field(min_length=1)
    compensation_value: str | None = None
    compensation_unit: str | None = None

    @field_validator("availability_pct")
    @classmethod
    def _avail(cls, v: str | None) -> str | None:
        return _check_decimal(v, _PCT4, "availability_pct")

    @field_validator("credit_pct", "compensation_value")
    @classmethod
    def _pct(cls, v: str | None) -> str | None:
        return _check_decimal(v, _DECIMAL, "credit_pct/compensation_value")

    @field_validator("credit_amount")
    @classmethod
    def _money(cls, v: str | None) -> str | None:
        return _check_decimal(v, _MONEY, "credit_amount")

    @field_validator("claim_deadline", "claim_opens")
    @classmethod
    def _dates(cls, v: str | None) -> str | None:
        return _check_date(v, "claim date")

    @model_validator(mode="after")
    def _window_order(self) -> ExpectedResult:
        if self.claim_opens and self.claim_deadline and self.claim_opens > self.claim_deadline:
            raise ValueError("claim_opens is after claim_deadline")
        return self


class ExpectedClarify(Strict):
    """What the assistant must ask for before it can compute."""

    missing: tuple[Missing, ...] = Field(min_length=1)


class CalcQuestion(Strict):
    """One hand-computed calculator question."""

    id: str
    question: str = Field(min_length=1)
    history: tuple[HistoryTurn, ...] = ()
    lang: Lang
    expected_route: Route
    params: CalcParams
    expected: ExpectedResult | ExpectedClarify
    source_lines: tuple[int, ...] = Field(min_length=1)
    working: str = Field(min_length=1)
    rule_kind: str = Field(min_length=1)
    split: Split

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"id must look like c001, got {v!r}")
        return v

    @field_validator("source_lines")
    @classmethod
    def _lines(cls, v: tuple[int, ...]) -> tuple[int, ...]:
        if any(n < 1 for n in v):
            raise ValueError("source_lines are 1-based line numbers")
        return v

    @model_validator(mode="after")
    def _route_matches_expected(self) -> CalcQuestion:
        if self.expected_route == "clarify" and not isinstance(self.expected, ExpectedClarify):
            raise ValueError("a clarify question needs expected = {'missing': [...]}")
        if self.expected_route == "calculator" and not isinstance(self.expected, ExpectedResult):
            raise ValueError("a calculator question needs the expected RESULT fields")
        if any(n < self.params.doc_line for n in self.source_lines):
            raise ValueError("source_lines must not precede the document's title line")
        return self

    @property
    def is_clarify(self) -> bool:
        return isinstance(self.expected, ExpectedClarify)


def load_calc_questions(path: Path | str = DEFAULT_CALC_PATH) -> tuple[CalcQuestion, ...]:
    """Parse the JSONL file; raise :class:`CalcDatasetError` naming file and line on any defect."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise CalcDatasetError(f"{file}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise CalcDatasetError(f"{file}: not UTF-8 ({exc.reason})") from exc
    questions = parse_records(text.splitlines(), str(file), CalcQuestion, CalcDatasetError,
                              blank_lines=False)
    return tuple(questions)
