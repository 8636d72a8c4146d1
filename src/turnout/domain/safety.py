"""Screening -> adaptations: who should not do which stretch of a routine, and why (as codes).

Rules (see docs/safety.md): under 18 or in a growth spurt, no loaded or partner-pressed passive
stretching; a known hip condition, no end-range passive hip stretches; hypermobility (Beighton 6
of 9 or more), strength and control instead of more passive range. The app coaches; it never
diagnoses, and a routine stays available unchanged to those it is safe for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from enum import StrEnum

from turnout.domain.routine import Actor, Exercise, Routine
from turnout.domain.validation import InvalidValueError, check_whole
from turnout.domain.values import frozen
from turnout.domain.words import N_

ADULT_AGE = 18
HYPERMOBILE_FROM = 6  # of 9: the cut-off proposed for dancers, above the general 4-5
HEIGHT_CM = (90, 230)  # standing height a profile may give, in whole centimetres
LOADS = ("ankle weights",)


class HipCondition(StrEnum):
    DYSPLASIA = "dysplasia"
    IMPINGEMENT = "impingement"
    LABRAL_TEAR = "labral tear"
    SURGERY = "hip surgery"


class Region(StrEnum):
    HIP_GROIN = "hip_groin"
    KNEE = "knee"
    FOOT_ANKLE = "foot_ankle"
    LOW_BACK = "low_back"


# The nine items of the Beighton self-check, in the order they are asked.
BEIGHTON_ITEMS = (
    "little_finger_left",
    "little_finger_right",
    "thumb_left",
    "thumb_right",
    "elbow_left",
    "elbow_right",
    "knee_left",
    "knee_right",
    "palms_to_floor",
)


def beighton_score(answers: Mapping[str, bool]) -> int:
    """The Beighton score, 0 to 9: one point per item of the self-check that is a yes."""
    unknown = set(answers) - set(BEIGHTON_ITEMS)
    if unknown:
        first = repr(sorted(unknown)[0])
        # Translators: {item} is the name of a self-check item as it was sent.
        raise InvalidValueError("beighton", N_("unknown item {item}."), item=first)
    return sum(1 for key in BEIGHTON_ITEMS if answers.get(key, False))


@frozen
class Profile:
    """What the dancer told the first-run screening. Private to the dancer; editable."""

    age: int
    growth_spurt: bool = False
    hip_conditions: frozenset[HipCondition] = frozenset()
    pain_now: frozenset[Region] = frozenset()
    beighton: int | None = None
    updated_at: float = 0.0
    # Optional: measuring checks that a foot outline is about 15 % of this long.
    height_cm: int | None = None

    def __post_init__(self) -> None:
        check_whole("age", self.age, 5, 100)
        if self.beighton is not None:
            check_whole("beighton", self.beighton, 0, 9)
        if self.height_cm is not None:
            check_whole("height_cm", self.height_cm, *HEIGHT_CM)

    @property
    def hypermobile(self) -> bool:
        return self.beighton is not None and self.beighton >= HYPERMOBILE_FROM


class Alternative(StrEnum):
    SELF_CONTROLLED = "self-controlled"
    STRENGTH = "strength"


class Why(StrEnum):
    YOUNG = "young"  # under 18 or in a growth spurt: no loaded or partner-pressed stretching
    HIP_CONDITION = "hip_condition"  # no end-range passive hip stretches
    HYPERMOBILE = "hypermobile"  # strength and control instead of more passive range


class Force(StrEnum):
    """What makes a passive stretch forceful, in the order a reason names them."""

    WEIGHTS = "weights"
    PARTNER = "partner"


@frozen
class Reason:
    """Why an exercise is replaced: a code and the facts behind it, from the profile."""

    why: Why
    age: int
    growth_spurt: bool = False
    forces: tuple[Force, ...] = ()  # YOUNG: what the exercise does that is forceful
    hip_conditions: frozenset[HipCondition] = frozenset()  # HIP_CONDITION
    beighton: int | None = None  # HYPERMOBILE

    @property
    def minor(self) -> bool:
        return self.age < ADULT_AGE


class Notice(StrEnum):
    """Something the dancer should know about the whole routine, not one exercise."""

    PAIN_NOW = "pain_now"
    HIP_CONDITION = "hip_condition"


@frozen
class Adaptation:
    """One exercise of the routine that is replaced for this dancer, and why."""

    exercise: Exercise
    reasons: tuple[Reason, ...]
    instead: Alternative
    alternative: str | None  # "routine/exercise" key, from the routine file


@frozen
class Adaptations:
    routine: Routine
    replaced: tuple[Adaptation, ...] = ()
    notices: tuple[Notice, ...] = field(default=())
    pain_now: tuple[Region, ...] = ()  # where it hurts now, for the PAIN_NOW notice

    @property
    def safe_numbers(self) -> tuple[int, ...]:
        gone = {a.exercise.number for a in self.replaced}
        return tuple(e.number for e in self.routine.exercises if e.number not in gone)

    def for_exercise(self, number: int) -> Adaptation | None:
        return next((a for a in self.replaced if a.exercise.number == number), None)


def is_loaded(exercise: Exercise) -> bool:
    return any(load in exercise.equipment for load in LOADS)


def is_partner_pressed(exercise: Exercise) -> bool:
    return any(step.actor is Actor.PARTNER for step in exercise.steps)


def adapt(routine: Routine, profile: Profile | None) -> Adaptations:
    """The exercises this dancer should swap, each with its reasons; none without a profile."""
    if profile is None:
        return Adaptations(routine)
    replaced = tuple(
        a for a in (_adaptation(e, profile) for e in routine.exercises) if a is not None
    )
    return Adaptations(routine, replaced, _notices(profile), tuple(sorted(profile.pain_now)))


def _adaptation(exercise: Exercise, profile: Profile) -> Adaptation | None:
    young = _young_reason(exercise, profile)
    range_reasons = _range_reasons(exercise, profile)
    if not young and not range_reasons:
        return None
    # Strength wins when range itself is the concern; else a self-controlled stretch will do.
    instead = Alternative.STRENGTH if range_reasons else Alternative.SELF_CONTROLLED
    alternative = exercise.strength_alternative if range_reasons else exercise.gentle_alternative
    return Adaptation(exercise, (*young, *range_reasons), instead, alternative)


def _young_reason(exercise: Exercise, profile: Profile) -> tuple[Reason, ...]:
    forces = _forces(exercise)
    if not forces or (profile.age >= ADULT_AGE and not profile.growth_spurt):
        return ()
    return (Reason(Why.YOUNG, profile.age, profile.growth_spurt, forces),)


def _forces(exercise: Exercise) -> tuple[Force, ...]:
    found = ((Force.WEIGHTS, is_loaded(exercise)), (Force.PARTNER, is_partner_pressed(exercise)))
    return tuple(force for force, yes in found if yes)


def _range_reasons(exercise: Exercise, profile: Profile) -> tuple[Reason, ...]:
    if not exercise.end_range:
        return ()
    age, reasons = profile.age, []
    if profile.hip_conditions:
        reasons.append(Reason(Why.HIP_CONDITION, age, hip_conditions=profile.hip_conditions))
    if profile.hypermobile:
        reasons.append(Reason(Why.HYPERMOBILE, age, beighton=profile.beighton))
    return tuple(reasons)


def _notices(profile: Profile) -> tuple[Notice, ...]:
    found = ((Notice.PAIN_NOW, profile.pain_now), (Notice.HIP_CONDITION, profile.hip_conditions))
    return tuple(notice for notice, yes in found if yes)
