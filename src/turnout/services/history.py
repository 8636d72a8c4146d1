"""Use cases for the practice log read back: days, streak, holds per exercise, export."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, time, tzinfo

from turnout.domain.history import DaySummary, local_day, streak, summarize_days
from turnout.domain.log import LoggedHold
from turnout.domain.plan import HoldRecord
from turnout.domain.progress import ExerciseProgress, exercise_progress
from turnout.domain.routine import Exercise, Routine
from turnout.errors import TurnoutError
from turnout.ports import UnitOfWork


@dataclass(frozen=True)
class History:
    days: list[DaySummary]
    streak: int


def history(uow: UnitOfWork, now: float, tz: tzinfo, days: int | None = None) -> History:
    """Per-day planned and done, and the current streak (counted over the whole log)."""
    with uow:
        sessions = uow.practice.sessions()
        holds = uow.practice.holds()
    summaries = summarize_days(sessions, holds, tz)
    today = local_day(now, tz)
    current = streak((s.day for s in summaries if s.practised), today)
    if days is not None:
        summaries = [s for s in summaries if (today - s.day).days < days]
    return History(summaries, current)


def progress(
    uow: UnitOfWork, routines: Mapping[str, Routine], since: float | None = None
) -> list[ExerciseProgress]:
    """Holds planned against holds done per exercise, for sessions started at or after `since`."""
    with uow:
        sessions = uow.practice.sessions(since)
        holds = uow.practice.holds(since)
    return exercise_progress(sessions, holds, routines)


def export_holds(uow: UnitOfWork, fmt: str) -> str:
    """Every logged hold, oldest first, as CSV or JSON text."""
    with uow:
        holds = uow.practice.holds()
    rows = [_hold_row(hold) for hold in holds]
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    if fmt == "csv":
        return _csv(rows)
    raise TurnoutError(f"Unknown export format '{fmt}'; use csv or json.")


def _hold_row(hold: LoggedHold) -> dict[str, object]:
    row: dict[str, object] = {"session_id": hold.session_id, **asdict(hold.record)}
    for key in ("started_at", "ended_at"):
        row[key] = _iso(hold.record.started_at if key == "started_at" else hold.record.ended_at)
    row["status"] = hold.record.status.value
    return row


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="milliseconds")


def _csv(rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    fields = ["session_id", *(f.name for f in dataclasses.fields(HoldRecord))]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@dataclass(frozen=True)
class PlanRow:
    """One exercise of today's plan and how much of it is done."""

    exercise: Exercise
    rounds_done: int
    holds_done: int

    @property
    def done(self) -> bool:
        return self.rounds_done >= 1


def today_plan(uow: UnitOfWork, routine: Routine, now: float, tz: tzinfo) -> list[PlanRow]:
    """Each exercise of the routine with the rounds completed since midnight."""
    midnight = datetime.combine(local_day(now, tz), time(0), tz).timestamp()
    done = {
        row.exercise_number: row.completed_holds
        for row in progress(uow, {routine.key: routine}, since=midnight)
        if row.routine_key == routine.key
    }
    return [
        PlanRow(e, done.get(e.number, 0) // max(1, len(e.holds)), done.get(e.number, 0))
        for e in routine.exercises
    ]
