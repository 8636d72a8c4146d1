"""Use cases for measurements over time and the plan as reminders; one short function each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from turnout.domain.calendar import Reminder, ics
from turnout.domain.compensation import Compensated, compensated
from turnout.domain.measurement import (
    METHODS,
    Change,
    Measurement,
    Method,
    Quantity,
    Side,
    change,
    measurement,
    series,
)
from turnout.domain.routine import Routine
from turnout.domain.safety import Adaptations
from turnout.ports import UnitOfWork
from turnout.safety_services import validated


def add_measurement(
    uow: UnitOfWork,
    method: str | None,
    side: str | None,
    trials: Sequence[float],
    taken_on: date | None,
    today: date,
    note: str = "",
) -> Measurement:
    """Validate and save one measuring session (three trials advised; the median is kept)."""
    reading = validated(lambda: measurement(method, side, trials, taken_on, today, note))
    with uow:
        uow.measurements.add(reading)
        uow.commit()
    return reading


def measurements(uow: UnitOfWork) -> list[Measurement]:
    with uow:
        return uow.measurements.all()


def plan_calendar(
    routine: Routine,
    adapted: Adaptations,
    first_day: date,
    practice_at: time,
    second_at: time,
    stamp: datetime,
) -> str:
    """The plan as an .ics file: daily practice, and the second daily wall straddle if kept."""
    names = [e.name for e in routine.exercises if e.number in adapted.safe_numbers]
    minutes = max(10, round(routine.hold_seconds / 60))
    events = [
        Reminder(
            f"practice-{routine.key}@turnout",
            f"Turnout practice: {routine.name}",
            "Today: " + ", ".join(names) + ". Pain check first; stop at sharp pain.",
            first_day,
            practice_at,
            minutes,
        )
    ]
    twice = [
        e
        for e in routine.exercises
        if e.number in adapted.safe_numbers and (e.frequency or "").endswith("twice a day")
    ]
    events += [
        Reminder(
            f"second-{e.key}@turnout",
            f"{e.name}: second time today",
            f"{e.name} is planned {e.frequency}. Skip it if the first one left any pain.",
            first_day,
            second_at,
            max(5, round(e.hold_seconds / 60) + 2),
        )
        for e in twice
    ]
    return ics(events, stamp)


@dataclass(frozen=True)
class Trend:
    """One method and side over time: never mixed with another method."""

    method: Method
    side: Side
    readings: list[Measurement]

    @property
    def label(self) -> str:
        where = "both feet" if self.side is Side.BOTH else f"{self.side.value} hip"
        return f"{METHODS[self.method].label}, {where}"

    @property
    def quantity(self) -> Quantity:
        return METHODS[self.method].quantity

    @property
    def latest_change(self) -> Change | None:
        found = self.readings
        return change(found[-2], found[-1]) if len(found) > 1 else None

    @property
    def overall_change(self) -> Change | None:
        found = self.readings
        return change(found[0], found[-1]) if len(found) > 2 else None


@dataclass(frozen=True)
class Report:
    trends: list[Trend]
    compensated: dict[Method, list[Compensated]]


def report(uow: UnitOfWork) -> Report:
    """Every trend line, and compensated turnout wherever hips and feet were measured close."""
    readings = measurements(uow)
    lines = [Trend(method, side, found) for (method, side), found in series(readings).items()]
    return Report(lines, compensated(readings))
