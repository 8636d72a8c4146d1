"""Practice history: what was planned and done each day, and the streak of practice days."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo

from turnout.domain.log import LoggedHold, PracticeSession
from turnout.domain.plan import HoldStatus
from turnout.domain.values import frozen


@frozen
class DaySummary:
    day: date
    sessions: int
    planned_holds: int
    planned_seconds: int
    completed_holds: int
    skipped_holds: int
    hold_seconds: float

    @property
    def practised(self) -> bool:
        return self.completed_holds > 0


def local_day(timestamp: float, tz: tzinfo) -> date:
    return datetime.fromtimestamp(timestamp, tz).date()


def summarize_days(
    sessions: Iterable[PracticeSession], holds: Iterable[LoggedHold], tz: tzinfo
) -> list[DaySummary]:
    """One summary per day with a session, newest first. Days follow the dancer's time zone."""
    planned: dict[date, list[PracticeSession]] = defaultdict(list)
    for session in sessions:
        planned[local_day(session.started_at, tz)].append(session)
    done: dict[date, list[LoggedHold]] = defaultdict(list)
    for hold in holds:
        done[local_day(hold.record.started_at, tz)].append(hold)
    days = sorted(set(planned) | set(done), reverse=True)
    return [_summary(day, planned[day], done[day]) for day in days]


def _summary(day: date, sessions: list[PracticeSession], holds: list[LoggedHold]) -> DaySummary:
    completed = [h for h in holds if h.record.status is HoldStatus.COMPLETED]
    return DaySummary(
        day=day,
        sessions=len(sessions),
        planned_holds=sum(s.planned_holds for s in sessions),
        planned_seconds=sum(s.planned_seconds for s in sessions),
        completed_holds=len(completed),
        skipped_holds=len(holds) - len(completed),
        hold_seconds=round(sum(h.record.actual_seconds for h in holds), 1),
    )


def streak(practice_days: Iterable[date], today: date) -> int:
    """Consecutive practice days up to today; a day not yet practised today does not break it."""
    days = set(practice_days)
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


@frozen
class WeekTotal:
    week_start: date
    days_practised: int
    completed_holds: int
    planned_holds: int
    hold_minutes: float


def weekly_totals(days: list[DaySummary], today: date, weeks: int = 8) -> list[WeekTotal]:
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
