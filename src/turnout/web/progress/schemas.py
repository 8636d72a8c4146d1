"""What the measurements API takes and gives. Loose on purpose where the domain checks: an
impossible value gets the domain's message, which names the field."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from turnout.web.schema_base import StrictModel


class MeasurementIn(StrictModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"method": "turnout_discs", "side": "both", "trials": [121, 124, 122]}]
        }
    )

    method: str | None = None
    side: str | None = None
    trials: list[float] = Field([], description="Three trials advised; the median is kept.")
    taken_on: date | None = Field(None, strict=False, description="YYYY-MM-DD; today if left out.")
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
