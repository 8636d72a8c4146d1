"""The schema of a routine file, as pydantic models whose field names are the domain's."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, model_validator

from turnout.domain.routine import Actor, Side, StepKind
from turnout.i18n import _

LONG_HOLD_SECONDS = 300
Text = Annotated[str, Field(min_length=1)]
Equipment = Literal[
    "partner", "ankle weights", "mirror", "wall", "resistance band", "rotation discs", "mat"
]
# "routine/exercise": where to find the exercise that can replace this one.
ExerciseRef = Annotated[str, Field(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")]


class SchemaModel(BaseModel):
    # strict: TOML is typed, so `seconds = "10"` is a mistake to report, not to coerce.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class StepModel(SchemaModel):
    kind: Annotated[StepKind, Field(strict=False)]
    title: Text
    cue: Text
    seconds: PositiveInt | None = None
    side: Annotated[Side | None, Field(strict=False)] = None
    actor: Annotated[Actor, Field(strict=False)] = Actor.DANCER
    partner_cue: Text | None = None
    check_in_every: PositiveInt | None = None
    lying: bool = False

    @model_validator(mode="after")
    def _timing_fits_kind(self) -> Self:
        if self.lying and self.kind is not StepKind.SETUP:
            # Translators: a problem in a routine file; the names in `backquotes` are keys of the
            # file and stay as they are. No full stop at the end: the message adds one.
            raise ValueError(_("`lying` is only for setup steps, which wait for the dancer"))
        if self.kind is StepKind.HOLD and self.seconds is None:
            raise ValueError(_("a hold needs `seconds`; add how long to hold, e.g. seconds = 30"))
        if self.kind is StepKind.SETUP and self.seconds is not None:
            raise ValueError(_("a setup step waits for the dancer, so remove its `seconds`"))
        if self.check_in_every is not None:
            self._check_in_fits()
        return self

    def _check_in_fits(self) -> None:
        long_hold = self.kind is StepKind.HOLD and (self.seconds or 0) >= LONG_HOLD_SECONDS
        if not long_hold:
            raise ValueError(
                _("`check_in_every` is only for holds of 300 seconds or more; remove it")
            )
        if (self.check_in_every or 0) >= (self.seconds or 0):
            raise ValueError(_("`check_in_every` must be shorter than the hold; lower it"))


class ExerciseModel(SchemaModel):
    key: Text
    name: Text
    summary: Text
    repetitions: PositiveInt
    equipment: list[Equipment] = []
    partner_role: Text | None = None
    frequency: Text | None = None
    sessions_per_day: Annotated[int, Field(ge=1, le=3)] = 1
    interpretation: Text | None = None
    cautions: list[Text] = []
    end_range: bool = False
    gentle_alternative: ExerciseRef | None = None
    strength_alternative: ExerciseRef | None = None
    figure: ExerciseRef | None = None  # a drawing that ships with turnout: "active/clamshell-band"
    setup: list[StepModel] = []
    cycle: Annotated[list[StepModel], Field(min_length=1)]
    between: list[StepModel] = []

    @model_validator(mode="after")
    def _partner_is_listed(self) -> Self:
        steps = (*self.setup, *self.cycle, *self.between)
        if any(s.actor is Actor.PARTNER for s in steps) and "partner" not in self.equipment:
            raise ValueError(_('a step is done by the partner; add "partner" to `equipment`'))
        return self


class RoutineModel(SchemaModel):
    key: Text
    name: Text
    description: Text
    source: str = ""
    tips: list[Text] = []
    warnings: list[Text] = []
    exercises: Annotated[list[ExerciseModel], Field(min_length=1)]
