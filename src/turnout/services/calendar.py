"""The plan as calendar reminders (.ics): daily practice and any second daily session."""

from __future__ import annotations

from datetime import date, datetime, time

from turnout.domain.calendar import Reminder, ics
from turnout.domain.routine import Exercise, Routine
from turnout.domain.safety import Adaptations
from turnout.i18n import _


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
    # Translators: a calendar event's title; turnout is the ballet term (and the app's name).
    summary = _("Turnout practice: {routine}").format(routine=routine.name)
    # Translators: a calendar event's text; {exercises} lists the exercises' names.
    text = _("Today: {exercises}. Pain check first; stop at sharp pain.")
    return Reminder(
        f"practice-{routine.key}@turnout",
        summary,
        text.format(exercises=", ".join(e.name for e in kept)),
        first_day,
        at,
        max(10, round(routine.hold_seconds / 60)),
    )


def _second(exercise: Exercise, first_day: date, at: time) -> Reminder:
    # Translators: a calendar event's title; {exercise} is an exercise's name.
    summary = _("{exercise}: second time today").format(exercise=exercise.name)
    # Translators: a calendar event's text; {frequency} is how often the routine says to do
    # it ("twice a day").
    text = _("{exercise} is planned {frequency}. Skip it if the first one left any pain.")
    return Reminder(
        f"second-{exercise.key}@turnout",
        summary,
        text.format(exercise=exercise.name, frequency=exercise.frequency),
        first_day,
        at,
        max(5, round(exercise.hold_seconds / 60) + 2),
    )
