"""What the safety and progress API takes and gives. Loose on purpose where the domain checks:
an impossible value gets the domain's message, which names the field."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProfileIn(_Strict):
    age: int
    growth_spurt: bool = False
    hip_conditions: list[str] = Field([], max_length=4)
    pain_now: list[str] = Field([], max_length=4)
    beighton: int | None = Field(None, description="0-9; or send beighton_items instead.")
    beighton_items: dict[str, bool] | None = Field(
        None, description="The nine yes/no items of the guided self-check."
    )


class AdaptationOut(BaseModel):
    exercise_number: int
    exercise_name: str
    because: str
    instead: str
    alternative: str | None
    alternative_name: str | None


class ProfileOut(BaseModel):
    age: int
    growth_spurt: bool
    hip_conditions: list[str]
    pain_now: list[str]
    beighton: int | None
    hypermobile: bool


class AdaptationsOut(BaseModel):
    routine: str
    safe_exercises: list[int]
    replaced: list[AdaptationOut]
    notices: list[str]


class PainCheckIn(_Strict):
    moment: Literal["before", "after"]
    scores: dict[str, int] = Field(description="0-10 for hip_groin, knee, foot_ankle, low_back.")
    soreness: int | None = None
    wakes_at_night: bool = False
    session_id: str | None = Field(None, max_length=36)


class StopIn(_Strict):
    reason: str = Field(
        description="sharp_pain, clicking_with_pain, numbness, giving_way, soreness or other."
    )


class StopOut(BaseModel):
    reason: str
    label: str
    ends_exercise: bool
    explanation: str


class MeasurementIn(_Strict):
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
