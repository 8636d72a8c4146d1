"""A routine as data: exercises made of steps, each timed or waiting for the dancer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from enum import StrEnum

from turnout.domain.values import frozen
from turnout.domain.words import N_


class StepKind(StrEnum):
    SETUP = "setup"
    HOLD = "hold"
    RELEASE = "release"
    REST = "rest"
    SWITCH_SIDE = "switch_side"


class Actor(StrEnum):
    DANCER = "dancer"
    PARTNER = "partner"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


@frozen
class Step:
    """One thing to do. `seconds` is None for an untimed step that waits for "ready"."""

    kind: StepKind
    title: str
    cue: str
    seconds: int | None = None
    repetition: int = 0
    side: Side | None = None
    actor: Actor = Actor.DANCER
    partner_cue: str | None = None
    check_in_every: int | None = None
    # An untimed setup step done lying down (legs in the air, say): a player may start it by
    # itself after a spoken countdown, so nobody has to reach for the screen.
    lying: bool = False

    @property
    def is_timed(self) -> bool:
        return self.seconds is not None

    @property
    def is_hold(self) -> bool:
        return self.kind is StepKind.HOLD


@frozen
class Exercise:
    number: int
    key: str
    name: str
    summary: str
    steps: tuple[Step, ...]
    repetitions: int = 1
    equipment: tuple[str, ...] = ()
    partner_role: str | None = None
    frequency: str | None = None  # as the source says it, for people
    sessions_per_day: int = 1  # the same, for the calendar: 2 adds a second daily reminder
    interpretation: str | None = None
    cautions: tuple[str, ...] = ()
    # Safety metadata: an end-range passive hip stretch, and "routine/exercise" keys of a
    # stretch the dancer controls alone and of a strengthening exercise that can replace it.
    end_range: bool = False
    gentle_alternative: str | None = None
    strength_alternative: str | None = None
    figure: str | None = None  # "routine/exercise" of the drawing to show, if not its own

    @property
    def holds(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.is_hold)

    @property
    def hold_seconds(self) -> int:
        return sum(step.seconds or 0 for step in self.holds)


@frozen
class Routine:
    key: str
    name: str
    description: str
    exercises: tuple[Exercise, ...]
    source: str = ""
    tips: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def hold_seconds(self) -> int:
        return sum(exercise.hold_seconds for exercise in self.exercises)

    @property
    def equipment(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for ex in self.exercises for e in ex.equipment))

    def exercise(self, number: int) -> Exercise:
        """The exercise with this 1-based number; KeyError names the valid range."""
        for exercise in self.exercises:
            if exercise.number == number:
                return exercise
        raise NoSuchExerciseError(self.key, number, len(self.exercises))


class NoSuchExerciseError(KeyError):
    """A routine has no exercise of that number. Its message (`args[0]`) is English; a
    translation fills `template`, translated, with `values`."""

    # Translators: {routine} is a routine's key; {last} the number of its last exercise.
    template = N_("{routine} has no exercise {number}; choose 1 to {last}")

    def __init__(self, routine: str, number: int, last: int) -> None:
        self.values = {"routine": routine, "number": str(number), "last": str(last)}
        super().__init__(self.template.format(**self.values))


def expand_steps(
    setup: Iterable[Step], cycle: Iterable[Step], between: Iterable[Step], repetitions: int
) -> tuple[Step, ...]:
    """Setup once, then the cycle `repetitions` times with `between` steps separating them."""
    cycle, between = tuple(cycle), tuple(between)
    return (*setup, *_repeat(cycle, between, repetitions))


def _repeat(cycle: tuple[Step, ...], between: tuple[Step, ...], times: int) -> Iterator[Step]:
    for index in range(1, times + 1):
        if index > 1:
            yield from (_numbered(step, index - 1) for step in between)
        yield from (_numbered(step, index) for step in cycle)


def _numbered(step: Step, repetition: int) -> Step:
    return replace(
        step,
        repetition=repetition,
        title=step.title.replace("{rep}", str(repetition)),
        cue=step.cue.replace("{rep}", str(repetition)),
    )
