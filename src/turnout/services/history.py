"""Use cases for the practice log read back: days, streak, holds per exercise, export."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, time, tzinfo

from turnout.domain.corrections import Action, HoldEntry, Target
from turnout.domain.history import DaySummary, local_day, streak, summarize_days
from turnout.domain.log import LoggedHold, PracticeSession
from turnout.domain.outcome import Outcome
from turnout.domain.plan import HoldRecord
from turnout.domain.progress import ExerciseProgress, exercise_progress
from turnout.domain.routine import Exercise, Routine
from turnout.errors import TurnoutError
from turnout.i18n import _
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


@dataclass(frozen=True)
class SessionEntry:
    """One session as History lists it, with its holds (deleted holds left out)."""

    session: PracticeSession
    holds: list[HoldEntry]

    def count(self, kind: Outcome) -> int:
        return sum(1 for hold in self.holds if hold.outcome is kind)

    @property
    def held_seconds(self) -> float:
        return round(sum(hold.record.actual_seconds for hold in self.holds), 1)


@dataclass(frozen=True)
class SessionsPage:
    entries: list[SessionEntry]
    page: int
    pages: int


def sessions_page(uow: UnitOfWork, page: int = 1, per_page: int = 10) -> SessionsPage:
    """One page of sessions, newest first, each with its holds in order. A page past the last
    is empty (its number says how many there are)."""
    with uow:
        pages = max(1, -(-uow.practice.count_sessions() // per_page))
        found = uow.practice.recent_sessions(per_page, (page - 1) * per_page)
        holds = uow.practice.hold_entries([s.id for s in found]) if found else []
    by_session: dict[str, list[HoldEntry]] = {s.id: [] for s in found}
    for hold in holds:
        by_session[hold.session_id].append(hold)
    return SessionsPage([SessionEntry(s, by_session[s.id]) for s in found], page, pages)


# Columns an export adds to each hold: its id in the log, when it was deleted (empty while it
# counts), and the status it had before the dancer corrected it (empty if never corrected).
# Deleted holds stay in exports, marked, so nothing vanishes from them silently.
AUDIT_FIELDS = ("hold_id", "deleted_at", "status_was")


def export_holds(uow: UnitOfWork, fmt: str) -> str:
    """Every logged hold, oldest first, as CSV or JSON text, deleted ones marked."""
    with uow:
        entries = uow.practice.hold_entries(include_deleted=True)
        corrections = uow.log.corrections(Target.HOLD)
    first_status: dict[str, str] = {}
    for c in corrections:
        if c.action is Action.STATUS:
            first_status.setdefault(c.target_id, c.before)
    rows = [_export_row(entry, first_status.get(str(entry.id), "")) for entry in entries]
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    if fmt == "csv":
        return _csv(rows)
    raise TurnoutError(_("Unknown export format '{format}'; use csv or json.").format(format=fmt))


def _export_row(entry: HoldEntry, status_was: str) -> dict[str, object]:
    row = _hold_row(LoggedHold(entry.session_id, entry.record))
    gone = entry.deleted_at
    row.update(hold_id=entry.id, deleted_at="" if gone is None else _iso(gone))
    row["status_was"] = status_was
    return row


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
    fields = ["session_id", *(f.name for f in dataclasses.fields(HoldRecord)), *AUDIT_FIELDS]
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
