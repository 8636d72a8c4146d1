"""Per-exercise progress: holds planned by the sessions against holds done."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from turnout.domain.log import LoggedHold, PracticeSession
from turnout.domain.plan import HoldStatus
from turnout.domain.routine import Routine
from turnout.domain.values import frozen


@frozen
class ExerciseProgress:
    routine_key: str
    exercise_number: int
    exercise_name: str
    planned_holds: int = 0
    completed_holds: int = 0
    skipped_holds: int = 0
    hold_seconds: float = 0.0


Key = tuple[str, int]


def exercise_progress(
    sessions: Iterable[PracticeSession],
    holds: Iterable[LoggedHold],
    routines: Mapping[str, Routine],
) -> list[ExerciseProgress]:
    """One row per exercise that was planned or done, in routine and exercise order.

    Planned holds come from each session's exercises in its routine; a session of a routine
    that is no longer known plans nothing, but its logged holds still count as done.
    """
    rows: dict[Key, ExerciseProgress] = {}
    for session in sessions:
        _add_planned(rows, session, routines.get(session.routine_key))
    for hold in holds:
        _add_done(rows, hold)
    return [rows[key] for key in sorted(rows)]


def _add_planned(
    rows: dict[Key, ExerciseProgress], session: PracticeSession, routine: Routine | None
) -> None:
    if routine is None:
        return
    for exercise in routine.exercises:
        if exercise.number in session.exercise_numbers:
            key = (routine.key, exercise.number)
            row = rows.get(key) or ExerciseProgress(routine.key, exercise.number, exercise.name)
            rows[key] = _plus(row, planned_holds=len(exercise.holds))


def _add_done(rows: dict[Key, ExerciseProgress], hold: LoggedHold) -> None:
    record = hold.record
    key = (record.routine_key, record.exercise_number)
    row = rows.get(key) or ExerciseProgress(*key, record.exercise_name)
    done = record.status is HoldStatus.COMPLETED
    rows[key] = _plus(
        row,
        completed_holds=1 if done else 0,
        skipped_holds=0 if done else 1,
        hold_seconds=record.actual_seconds,
    )


def _plus(row: ExerciseProgress, **more: float) -> ExerciseProgress:
    return ExerciseProgress(
        row.routine_key,
        row.exercise_number,
        row.exercise_name,
        row.planned_holds + int(more.get("planned_holds", 0)),
        row.completed_holds + int(more.get("completed_holds", 0)),
        row.skipped_holds + int(more.get("skipped_holds", 0)),
        round(row.hold_seconds + more.get("hold_seconds", 0.0), 3),
    )
