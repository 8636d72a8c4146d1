"""One session's plan (the routine's steps, flattened) and the record a hold leaves behind."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from turnout.domain.routine import Exercise, Routine, Step
from turnout.domain.values import frozen


@frozen
class PlanItem:
    exercise: Exercise
    index: int
    step: Step


@frozen
class Plan:
    routine_key: str
    routine_name: str
    exercise_numbers: tuple[int, ...]
    items: tuple[PlanItem, ...]

    @classmethod
    def of(cls, routine: Routine, exercises: Sequence[int] | None = None) -> Plan:
        """The whole routine, or only the exercises with these 1-based numbers, in that order."""
        chosen = [routine.exercise(n) for n in exercises] if exercises else routine.exercises
        items = tuple(
            PlanItem(exercise, index, step)
            for exercise in chosen
            for index, step in enumerate(exercise.steps)
        )
        numbers = tuple(exercise.number for exercise in chosen)
        return cls(routine.key, routine.name, numbers, items)

    @property
    def hold_count(self) -> int:
        return sum(1 for item in self.items if item.step.is_hold)

    @property
    def hold_seconds(self) -> int:
        return sum(item.step.seconds or 0 for item in self.items if item.step.is_hold)

    @property
    def timed_seconds(self) -> int:
        return sum(item.step.seconds or 0 for item in self.items)

    def timed_seconds_before(self, position: int) -> int:
        return sum(item.step.seconds or 0 for item in self.items[:position])


class HoldStatus(StrEnum):
    COMPLETED = "completed"
    SKIPPED = "skipped"


@frozen
class HoldRecord:
    """A hold as it happened. Times are seconds since the Unix epoch (UTC)."""

    routine_key: str
    exercise_number: int
    exercise_key: str
    exercise_name: str
    position: int
    step_index: int
    step_title: str
    repetition: int
    side: str | None
    planned_seconds: int
    actual_seconds: float
    started_at: float
    ended_at: float
    status: HoldStatus


def hold_record(
    plan: Plan, position: int, started_at: float, ended_at: float, active: float, done: bool
) -> HoldRecord:
    item = plan.items[position]
    return HoldRecord(
        routine_key=plan.routine_key,
        exercise_number=item.exercise.number,
        exercise_key=item.exercise.key,
        exercise_name=item.exercise.name,
        position=position,
        step_index=item.index,
        step_title=item.step.title,
        repetition=item.step.repetition,
        side=item.step.side.value if item.step.side else None,
        planned_seconds=item.step.seconds or 0,
        actual_seconds=round(max(active, 0.0), 3),
        started_at=started_at,
        ended_at=ended_at,
        status=HoldStatus.COMPLETED if done else HoldStatus.SKIPPED,
    )
