"""History and today's plan, shaped for the pages and the API."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from turnout import services
from turnout.domain.history import DaySummary, local_day
from turnout.domain.routine import Exercise
from turnout.web.deps import Web

WEEKS_SHOWN = 8


@dataclass(frozen=True)
class WeekTotal:
    week_start: date
    days_practised: int
    completed_holds: int
    planned_holds: int
    hold_minutes: float


@dataclass(frozen=True)
class PlanRow:
    """One exercise of today's plan and how much of it is done."""

    exercise: Exercise
    rounds_done: int
    holds_done: int

    @property
    def done(self) -> bool:
        return self.rounds_done >= 1


def history_data(web: Web, days: int | None = None) -> dict[str, Any]:
    now = web.now()
    found = services.history(web.uow, now, web.tz, days)
    today = local_day(now, web.tz)
    progress = services.progress(web.uow, web.routines())
    return {
        "today": today.isoformat(),
        "streak": found.streak,
        "days": [{**asdict(d), "day": d.day.isoformat()} for d in found.days],
        "exercises": [asdict(row) for row in progress],
        "weeks": [
            {**asdict(w), "week_start": w.week_start.isoformat()}
            for w in weekly_totals(found.days, today)
        ],
    }


def weekly_totals(days: list[DaySummary], today: date, weeks: int = WEEKS_SHOWN) -> list[WeekTotal]:
    """The last `weeks` weeks, Monday first, oldest first, empty weeks included."""
    this_monday = today - timedelta(days=today.weekday())
    starts = [this_monday - timedelta(weeks=n) for n in reversed(range(weeks))]
    return [
        _week(start, [d for d in days if start <= d.day < start + timedelta(7)]) for start in starts
    ]


def _week(start: date, days: list[DaySummary]) -> WeekTotal:
    return WeekTotal(
        week_start=start,
        days_practised=sum(1 for d in days if d.practised),
        completed_holds=sum(d.completed_holds for d in days),
        planned_holds=sum(d.planned_holds for d in days),
        hold_minutes=round(sum(d.hold_seconds for d in days) / 60, 1),
    )


def today_plan(web: Web, routine_key: str) -> list[PlanRow]:
    """Each exercise of the routine with the rounds completed since midnight."""
    routine = web.routine(routine_key)
    now = web.now()
    midnight = datetime.combine(local_day(now, web.tz), time(0), web.tz).timestamp()
    done = {
        row.exercise_number: row.completed_holds
        for row in services.progress(web.uow, {routine.key: routine}, since=midnight)
        if row.routine_key == routine.key
    }
    return [
        PlanRow(e, done.get(e.number, 0) // max(1, len(e.holds)), done.get(e.number, 0))
        for e in routine.exercises
    ]
