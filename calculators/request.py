"""A credit request as the batch interface gives it (shared/docs/interfaces.md), validated.

Beyond the listed fields (see ``calculators/README.md``): ``monthly_fee`` is optional (without
it the result has the credit % and ``credit_amount`` null); ``order_fee`` for SLAs paying a %
of a one-off order; ``daily_fee`` for CMQ's per-minute formula; ``unit_price`` for quantity
credits; ``event`` / ``events`` and ``event_count`` (= ``late_responses``) for the event- and
count-based security SLAs; ``service_end`` (YYYY-MM-DD) where the claim window runs from the
end of an engagement; ``measurements`` (or ``also``): more metrics measured in the same month,
each ``{metric, variant, one measurement}``, of which the higher credit is paid;
``error_windows``: ``[{count, error_pct, minutes, at}]``, statistics windows and their error
rates (the measurement of SLAs that average 5-minute error rates; for the others, windows
where every request failed count as unavailable minutes; ``at``, a window's start in minutes,
places windows given one by one for the SLAs counting runs of consecutive abnormal windows);
``request_minutes``: the minutes of the period that had valid requests, the denominator of
SLAs that count availability over those (内容安全); ``instances``: how many instances ran the whole month, for SLAs counting
over all instances' minutes (ECM, TEZ, 云托付物理服务器); ``service_start``: the day the service
opened, for a first month that began after the 1st (counted as the agreement's example says);
``annual_fee``: the fee of a year, turned into the month's fee by the SLA's own rule (÷ 12, or
÷ 365 × the days used) where ``monthly_fee`` is not given.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from calculators.engine import InputError

MEASUREMENTS = ("downtime_minutes", "incidents_seconds", "availability_pct", "requests",
                "error_windows")
MEASUREMENT_WORDS = ("downtime_minutes, incidents_seconds, availability_pct or "
                     "total_requests + failed_requests")


class Measurement(BaseModel):
    """One more metric measured in the same month (higher-of across metrics, CVM 3.1(5))."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str | None = None
    variant: str | None = None
    downtime_minutes: float | str | None = None
    incidents_seconds: list[float] | None = None
    availability_pct: float | str | None = None
    total_requests: int | None = None
    failed_requests: int | None = None


class ErrorWindows(BaseModel):
    """``count`` statistics windows of ``minutes`` each whose error rate was ``error_pct``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    count: int
    error_pct: float | str
    minutes: int = 5
    at: int | None = None  # one window's start in minutes from any origin: adjacent windows'
    # starts differ by ``minutes`` (a series read off a monitoring tool, for the SLAs that
    # count only runs of consecutive abnormal windows)

    @field_validator("count", "minutes")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 0:
            raise ValueError("must be ≥ 0")
        return value

    @field_validator("error_pct")
    @classmethod
    def _percent(cls, value: float | str) -> float | str:
        if not 0 <= float(value) <= 100:
            raise ValueError("must be between 0 and 100 (an error rate in %)")
        return value


class CreditRequest(BaseModel):
    """``{"id", "doc", "doc_line", "metric", "variant", "month", "monthly_fee", …}`` plus
    exactly one measurement (``late_responses`` / ``events`` for SLAs paying by those)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str | int | None = None
    doc: str | None = None
    doc_line: int | None = None
    metric: str | None = None
    variant: str | None = None
    month: str | None = None
    monthly_fee: float | str | None = None
    annual_fee: float | str | None = None
    downtime_minutes: float | str | None = None
    incidents_seconds: list[float] | None = None
    incident_parts: list[str | None] | None = None  # the part each outage was in (控制台, 接口)
    availability_pct: float | str | None = None
    total_requests: int | None = None
    failed_requests: int | None = None
    late_responses: int | None = None
    events: list[str] | None = None
    unit_price: float | str | None = None
    daily_fee: float | str | None = None
    order_fee: float | str | None = None
    service_end: date | None = None
    service_start: date | None = None
    measurements: tuple[Measurement, ...] | None = None
    error_windows: tuple[ErrorWindows, ...] | None = None
    request_minutes: float | str | None = None
    instances: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _aliases(cls, data: Any) -> Any:
        """``event`` -> ``events``, ``event_count`` -> ``late_responses``, ``also`` ->
        ``measurements`` (the single-object form the calc question set uses)."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if data.get("event") is not None and data.get("events") is None:
            data["events"] = [data["event"]]
        if data.get("event_count") is not None and data.get("late_responses") is None:
            data["late_responses"] = data["event_count"]
        also = data.pop("also", None)
        if also is not None and data.get("measurements") is None:
            data["measurements"] = also if isinstance(also, list) else [also]
        return data

    @field_validator("monthly_fee", "annual_fee", "daily_fee", "unit_price", "order_fee",
                     "downtime_minutes", "availability_pct", "request_minutes")
    @classmethod
    def _figure(cls, value: float | str | None) -> float | str | None:
        """A finite figure, not negative, not beyond any fee or length a month can have."""
        if value is not None:
            _finite(value)
        return value

    @field_validator("incidents_seconds")
    @classmethod
    def _lengths(cls, value: list[float] | None) -> list[float] | None:
        for seconds in value or []:
            _finite(seconds)
        return value

    @field_validator("availability_pct")
    @classmethod
    def _percent(cls, value: float | str | None) -> float | str | None:
        if value is not None and float(value) > 100:
            raise ValueError("must be a percentage from 0 to 100")
        return value

    @field_validator("late_responses")
    @classmethod
    def _count(cls, value: int | None) -> int | None:
        if value is not None and value < 0:
            raise ValueError("must be ≥ 0 (a number of late responses)")
        return value

    def measurement(self) -> str | None:
        """Which measurement was given; more than one is an ``InputError``."""
        given = [name for name, value in (
            ("downtime_minutes", self.downtime_minutes),
            ("incidents_seconds", self.incidents_seconds),
            ("availability_pct", self.availability_pct),
            ("requests", self.total_requests),  # failed_requests alone: what 验证码 pays on
            ("error_windows", self.error_windows or None)) if value is not None]
        if len(given) > 1:
            raise InputError(f"give exactly one measurement, not {' + '.join(given)}.")
        if given and given[0] == "requests" and self.failed_requests is None:
            raise InputError("give both total_requests and failed_requests.")
        return given[0] if given else None

    def has_measurement(self) -> bool:
        return (self.measurement() is not None or bool(self.events)
                or self.late_responses is not None)

    def with_measurement(self, extra: Measurement) -> CreditRequest:
        """This request for another metric: its metric, variant and measurement."""
        fields = extra.model_dump()
        fields["metric"] = extra.metric or self.metric
        fields["variant"] = extra.variant
        return self.model_copy(update=fields | {"measurements": None})


LARGEST = 1e12  # no fee (CNY), length or count of a month's credit case comes near


def _finite(value: float | str) -> None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("must be a finite number, not NaN or infinity")
    if number < 0:
        raise ValueError("must be ≥ 0")
    if number >= LARGEST:
        raise ValueError(f"{value} is too large for any fee or length of one month")


def parse_request(data: dict[str, object]) -> CreditRequest:
    try:
        return CreditRequest.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        message = str(err["msg"]).removeprefix("Value error, ")
        raise InputError(f"{field}: {message}; fix that field of the request.") from exc
