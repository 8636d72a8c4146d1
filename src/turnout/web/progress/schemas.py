"""What the measurements API takes and gives. Loose on purpose where the domain checks: an
impossible value gets the domain's message, which names the field."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from turnout.web.schema_base import StrictModel


class MeasurementIn(StrictModel):
    method: str | None = None
    side: str | None = None
    trials: list[float] = Field([], description="Three trials advised; the median is kept.")
    taken_on: date | None = None
    note: str = ""


class MeasurementOut(BaseModel):
    id: int | None
    quantity: str
    method: str
    method_label: str
    side: str
    trials: list[float]
    value: float
    error: float
    taken_on: date
    note: str
