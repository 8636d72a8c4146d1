"""History shaped for the page and the API."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, tzinfo
from typing import Any

from turnout.domain.corrections import HoldEntry
from turnout.domain.history import local_day, weekly_totals
from turnout.domain.outcome import Outcome
from turnout.services import history
from turnout.web.deps import Web
from turnout.web.history.schemas import HoldOut, SessionOut, SessionsPageOut


def history_data(web: Web, days: int | None = None) -> dict[str, Any]:
    now = web.now()
    found = history.history(web.uow, now, web.tz, days)
    today = local_day(now, web.tz)
    progress = history.progress(web.uow, web.routines())
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


def sessions_out(found: history.SessionsPage, tz: tzinfo) -> SessionsPageOut:
    return SessionsPageOut(
        sessions=[_session(entry, tz) for entry in found.entries],
        page=found.page,
        pages=found.pages,
    )


def _session(entry: history.SessionEntry, tz: tzinfo) -> SessionOut:
    session = entry.session
    return SessionOut(
        id=session.id,
        routine_name=session.routine_name,
        started_at=_local(session.started_at, tz),
        status=session.status.value,
        planned_holds=session.planned_holds,
        completed=entry.count(Outcome.COMPLETED),
        cut_short=entry.count(Outcome.CUT_SHORT),
        skipped=entry.count(Outcome.SKIPPED),
        held_seconds=entry.held_seconds,
        holds=[hold_out(hold, tz) for hold in entry.holds],
    )


def hold_out(hold: HoldEntry, tz: tzinfo) -> HoldOut:
    record = hold.record
    return HoldOut(
        id=hold.id,
        exercise_number=record.exercise_number,
        exercise_name=record.exercise_name,
        step_title=record.step_title,
        side=record.side,
        status=record.status.value,
        outcome=hold.outcome.value,
        planned_seconds=record.planned_seconds,
        held_seconds=round(record.actual_seconds, 1),
        started_at=_local(record.started_at, tz),
    )


def _local(epoch: float, tz: tzinfo) -> str:
    return datetime.fromtimestamp(epoch, tz).isoformat(timespec="seconds")
