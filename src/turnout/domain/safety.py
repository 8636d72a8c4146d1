"""Screening -> adaptations: who should not do which stretch of a routine, and why, in plain words.

Rules (see docs/safety.md): under 18 or in a growth spurt, no loaded or partner-pressed passive
stretching; a known hip condition, no end-range passive hip stretches; hypermobility (Beighton 6
of 9 or more), strength and control instead of more passive range. The app coaches; it never
diagnoses, and a routine stays available unchanged to those it is safe for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from turnout.domain.routine import Actor, Exercise, Routine
from turnout.domain.validation import InvalidValueError, check_whole

ADULT_AGE = 18
HYPERMOBILE_FROM = 6  # of 9: the cut-off proposed for dancers, above the general 4-5
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

    @property
    def label(self) -> str:
        return REGION_LABELS[self]


REGION_LABELS = {
    Region.HIP_GROIN: "hip or groin",
    Region.KNEE: "knee",
    Region.FOOT_ANKLE: "foot or ankle",
    Region.LOW_BACK: "low back",
}

BEIGHTON_ITEMS = (
    ("little_finger_left", "Left little finger bends back past 90 degrees"),
    ("little_finger_right", "Right little finger bends back past 90 degrees"),
    ("thumb_left", "Left thumb folds down to touch the forearm"),
    ("thumb_right", "Right thumb folds down to touch the forearm"),
    ("elbow_left", "Left elbow straightens past a straight line (over 10 degrees)"),
    ("elbow_right", "Right elbow straightens past a straight line (over 10 degrees)"),
    ("knee_left", "Left knee straightens past a straight line (over 10 degrees)"),
    ("knee_right", "Right knee straightens past a straight line (over 10 degrees)"),
    ("palms_to_floor", "Palms flat on the floor with the knees straight"),
)


def beighton_score(answers: Mapping[str, bool]) -> int:
    """The Beighton score, 0 to 9: one point per item of the self-check that is a yes."""
    unknown = set(answers) - {key for key, _ in BEIGHTON_ITEMS}
    if unknown:
        raise InvalidValueError("beighton", f"unknown item {sorted(unknown)[0]!r}.")
    return sum(1 for key, _ in BEIGHTON_ITEMS if answers.get(key, False))


@dataclass(frozen=True)
class Profile:
    """What the dancer told the first-run screening. Private to the dancer; editable."""

    age: int
    growth_spurt: bool = False
    hip_conditions: frozenset[HipCondition] = frozenset()
    pain_now: frozenset[Region] = frozenset()
    beighton: int | None = None
    updated_at: float = 0.0

    def __post_init__(self) -> None:
        check_whole("age", self.age, 5, 100)
        if self.beighton is not None:
            check_whole("beighton", self.beighton, 0, 9)

    @property
    def hypermobile(self) -> bool:
        return self.beighton is not None and self.beighton >= HYPERMOBILE_FROM


class Alternative(StrEnum):
    SELF_CONTROLLED = "self-controlled"
    STRENGTH = "strength"


@dataclass(frozen=True)
class Adaptation:
    """One exercise of the routine that is replaced for this dancer, and why."""

    exercise: Exercise
    reasons: tuple[str, ...]
    instead: Alternative
    alternative: str | None  # "routine/exercise" key, from the routine file

    @property
    def because(self) -> str:
        return "; ".join(self.reasons)


@dataclass(frozen=True)
class Adaptations:
    routine: Routine
    replaced: tuple[Adaptation, ...] = ()
    notices: tuple[str, ...] = field(default=())

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
    """The exercises this dancer should swap, each with plain reasons; none without a profile."""
    if profile is None:
        return Adaptations(routine)
    replaced = tuple(
        a for a in (_adaptation(e, profile) for e in routine.exercises) if a is not None
    )
    return Adaptations(routine, replaced, _notices(profile))


def _adaptation(exercise: Exercise, profile: Profile) -> Adaptation | None:
    young = _young_reason(exercise, profile)
    range_reasons = _range_reasons(exercise, profile)
    if not young and not range_reasons:
        return None
    # Strength wins when range itself is the concern; else a self-controlled stretch will do.
    instead = Alternative.STRENGTH if range_reasons else Alternative.SELF_CONTROLLED
    alternative = exercise.strength_alternative if range_reasons else exercise.gentle_alternative
    return Adaptation(exercise, (*young, *range_reasons), instead, alternative)


def _young_reason(exercise: Exercise, profile: Profile) -> tuple[str, ...]:
    what = _what_is_forceful(exercise)
    if not what:
        return ()
    who = "you are under 18" if profile.age < ADULT_AGE else None
    if profile.growth_spurt:
        who = f"{who} and growing fast" if who else "you are in a growth spurt"
    if who is None:
        return ()
    verb = "are" if what.endswith("weights") or " and " in what else "is"
    return (f"because {who}, {what} {verb} replaced by a stretch you control yourself",)


def _what_is_forceful(exercise: Exercise) -> str:
    parts = [
        p
        for p, yes in (
            ("the ankle weights", is_loaded(exercise)),
            ("the partner pressing", is_partner_pressed(exercise)),
        )
        if yes
    ]
    return " and ".join(parts)


def _range_reasons(exercise: Exercise, profile: Profile) -> tuple[str, ...]:
    if not exercise.end_range:
        return ()
    reasons = []
    if profile.hip_conditions:
        names = ", ".join(sorted(c.value for c in profile.hip_conditions))
        reasons.append(
            f"because you told us about a hip condition ({names}), this end-range stretch of "
            "the hip is replaced by strengthening"
        )
    if profile.hypermobile:
        reasons.append(
            f"because your joints are very mobile (Beighton {profile.beighton} of 9), more "
            "passive range is replaced by strength and control"
        )
    return tuple(reasons)


def _notices(profile: Profile) -> tuple[str, ...]:
    notes = []
    if profile.pain_now:
        where = ", ".join(r.label for r in sorted(profile.pain_now))
        notes.append(
            f"You told us about pain now ({where}). Work gently, answer the pain check before "
            "and after each session, and see a dance physiotherapist if it lingers."
        )
    if profile.hip_conditions:
        notes.append(
            "With a known hip condition, ask your physiotherapist or doctor which of these "
            "exercises suit you; the app cannot examine you."
        )
    return tuple(notes)
