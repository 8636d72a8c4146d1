"""One session's plan (the routine's steps, flattened) and the record a hold leaves behind."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum

from turnout.domain.routine import Exercise, Routine, Step, StepKind
from turnout.domain.values import frozen

# A rest between one exercise and the next: long enough to change position and fetch what
# the next one needs, short enough to keep warm. Never after the last exercise.
REST_BETWEEN_SECONDS = 30
# Makes the rest step that leads into `following` (its words are the caller's).
RestMaker = Callable[[Exercise], Step]


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
    def of(
        cls, routine: Routine, exercises: Sequence[int] | None = None, rest: RestMaker | None = None
    ) -> Plan:
        """The whole routine, or only the exercises with these 1-based numbers, in that order.

        With `rest`, a rest step follows each exercise but the last, unless the routine already
        rests there. It belongs to the exercise it follows (a Stop during it is about that
        one) and is never a hold, so the holds and seconds of holding planned stay the same."""
        chosen = [routine.exercise(n) for n in exercises] if exercises else list(routine.exercises)
        items = tuple(_items(chosen, rest))
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


def _items(chosen: list[Exercise], rest: RestMaker | None) -> Iterator[PlanItem]:
    for exercise, following in zip(chosen, [*chosen[1:], None], strict=True):
        yield from (PlanItem(exercise, index, step) for index, step in enumerate(exercise.steps))
        if rest is not None and following is not None and not _rests_between(exercise, following):
            yield PlanItem(exercise, len(exercise.steps), rest(following))


def _rests_between(exercise: Exercise, following: Exercise) -> bool:
    ends = exercise.steps[-1].kind if exercise.steps else None
    begins = following.steps[0].kind if following.steps else None
    return StepKind.REST in (ends, begins)


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
