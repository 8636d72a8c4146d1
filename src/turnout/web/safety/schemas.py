"""What the safety API takes and gives. Loose on purpose where the domain checks:
an impossible value gets the domain's message, which names the field."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from turnout.domain.safety import HEIGHT_CM
from turnout.web.schema_base import StrictModel

HEIGHT = (
    f"Standing height in whole centimetres, {HEIGHT_CM[0]}-{HEIGHT_CM[1]}; optional (null: not "
    "given). Measuring uses it to check that a foot outline found on the mat is foot-sized."
)


class ProfileIn(StrictModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"age": 14, "hip_conditions": [], "beighton": 3, "height_cm": 158}]
        }
    )

    age: int
    growth_spurt: bool = False
    hip_conditions: list[str] = Field([], max_length=4)
    pain_now: list[str] = Field([], max_length=4)
    beighton: int | None = Field(None, description="0-9; or send beighton_items instead.")
    beighton_items: dict[str, bool] | None = Field(
        None, description="The nine yes/no items of the guided self-check."
    )
    height_cm: int | None = Field(None, description=HEIGHT, examples=[158])


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
    height_cm: int | None = Field(description=HEIGHT, examples=[158])


class AdaptationsOut(BaseModel):
    routine: str
    safe_exercises: list[int]
    replaced: list[AdaptationOut]
    notices: list[str]


class PainCheckIn(StrictModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"moment": "before", "scores": {"knee": 1, "hip_groin": 0}}]
        }
    )

    moment: Literal["before", "after"]
    scores: dict[str, int] = Field(description="0-10 for hip_groin, knee, foot_ankle, low_back.")
    soreness: int | None = None
    wakes_at_night: bool = False
    session_id: str | None = Field(None, max_length=36)
