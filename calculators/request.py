"""A credit request as the batch interface gives it (shared/docs/interfaces.md), validated."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from calculators.engine import InputError

MEASUREMENTS = ("downtime_minutes", "incidents_seconds", "availability_pct", "requests")


class CreditRequest(BaseModel):
    """``{"id", "doc", "doc_line", "metric", "variant", "month", "monthly_fee", …}`` plus
    exactly one measurement (``late_responses`` / ``events`` for SLAs paying by those)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str | int | None = None
    doc: str | None = None
    doc_line: int | None = None
    metric: str | None = None
    variant: str | None = None
    month: str
    monthly_fee: float | str | None = None
    downtime_minutes: float | str | None = None
    incidents_seconds: list[float] | None = None
    availability_pct: float | str | None = None
    total_requests: int | None = None
    failed_requests: int | None = None
    late_responses: int | None = None
    events: list[str] | None = None
    unit_price: float | str | None = None
    daily_fee: float | str | None = None

    @field_validator("monthly_fee", "daily_fee", "unit_price")
    @classmethod
    def _not_negative(cls, value: float | str | None) -> float | str | None:
        if value is not None and float(value) < 0:
            raise ValueError("must be ≥ 0")
        return value

    def measurement(self) -> str | None:
        """Which measurement was given; more than one is an ``InputError``."""
        given = [name for name, value in (
            ("downtime_minutes", self.downtime_minutes),
            ("incidents_seconds", self.incidents_seconds),
            ("availability_pct", self.availability_pct),
            ("requests", self.total_requests if self.total_requests is not None
             else self.failed_requests)) if value is not None]
        if len(given) > 1:
            raise InputError(f"give exactly one measurement, not {' + '.join(given)}.")
        if given and given[0] == "requests" and (self.total_requests is None
                                                  or self.failed_requests is None):
            raise InputError("give both total_requests and failed_requests.")
        return given[0] if given else None


def parse_request(data: dict[str, object]) -> CreditRequest:
    try:
        return CreditRequest.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise InputError(f"{field}: {err['msg']}; fix that field of the request.") from exc
