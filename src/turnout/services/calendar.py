"""The plan as calendar reminders (.ics): daily practice and any second daily session."""

from __future__ import annotations

from datetime import date, datetime, time

from turnout.domain.calendar import Reminder, ics
from turnout.domain.routine import Exercise, Routine
from turnout.domain.safety import Adaptations


def plan_calendar(
    routine: Routine,
    adapted: Adaptations,
    first_day: date,
    practice_at: time,
    second_at: time,
    stamp: datetime,
) -> str:
    """The plan as an .ics file: daily practice, and a second daily session of any exercise
    planned twice a day (the wall straddle), if the dancer's adaptations keep it."""
    kept = [e for e in routine.exercises if e.number in adapted.safe_numbers]
    events = [_daily(routine, kept, first_day, practice_at)]
    events += [_second(e, first_day, second_at) for e in kept if e.sessions_per_day > 1]
    return ics(events, stamp)


def _daily(routine: Routine, kept: list[Exercise], first_day: date, at: time) -> Reminder:
    return Reminder(
        f"practice-{routine.key}@turnout",
        f"Turnout practice: {routine.name}",
        "Today: " + ", ".join(e.name for e in kept) + ". Pain check first; stop at sharp pain.",
        first_day,
        at,
        max(10, round(routine.hold_seconds / 60)),
    )


def _second(exercise: Exercise, first_day: date, at: time) -> Reminder:
    return Reminder(
        f"second-{exercise.key}@turnout",
        f"{exercise.name}: second time today",
        f"{exercise.name} is planned {exercise.frequency}. Skip it if the first one left any pain.",
        first_day,
        at,
        max(5, round(exercise.hold_seconds / 60) + 2),
    )
