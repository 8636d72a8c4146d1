"""Use cases. The only module that drives ports; the CLI and the web both call these."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, tzinfo

from turnout.domain import session as engine
from turnout.domain.events import Event, HoldEnded, SessionEnded
from turnout.domain.history import DaySummary, local_day, streak, summarize_days
from turnout.domain.log import LoggedHold, PracticeSession, SessionStatus
from turnout.domain.plan import HoldRecord, Plan
from turnout.domain.progress import ExerciseProgress, exercise_progress
from turnout.domain.routine import Exercise, Routine, Step
from turnout.domain.session import SessionState
from turnout.ports import TurnoutError, UnitOfWork


class Practice:
    """A session under way: applies each action to the state machine and logs holds as they end."""

    def __init__(self, uow: UnitOfWork, record: PracticeSession, state: SessionState) -> None:
        self.uow, self.record, self.state = uow, record, state

    @property
    def id(self) -> str:
        return self.record.id

    def tick(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.tick(self.state, now), now)

    def ready(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.ready(self.state, now), now)

    def pause(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.pause(self.state, now), now)

    def resume(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.resume(self.state, now), now)

    def skip(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.skip(self.state, now), now)

    def back(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.back(self.state, now), now)

    def abort(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.abort(self.state, now), now)

    def _apply(self, result: engine.Result, now: float) -> tuple[Event, ...]:
        # Save first: if the log cannot be written the state stays put, and the next tick
        # derives the same hold again instead of losing it.
        state, events = result
        for event in events:
            if isinstance(event, HoldEnded):
                self._log_hold(event)
            elif isinstance(event, SessionEnded):
                self._close(event.finished, now)
        self.state = state
        return events

    def _log_hold(self, event: HoldEnded) -> None:
        with self.uow:
            self.uow.practice.add_hold(self.id, event.record)
            self.uow.commit()

    def _close(self, finished: bool, now: float) -> None:
        status = SessionStatus.FINISHED if finished else SessionStatus.ABORTED
        self.record = replace(self.record, status=status, ended_at=now)
        with self.uow:
            self.uow.practice.update_session(self.record)
            self.uow.commit()


def start_practice(
    uow: UnitOfWork,
    routine: Routine,
    now: float,
    exercises: Sequence[int] | None = None,
    get_ready_seconds: int = 5,
) -> tuple[Practice, tuple[Event, ...]]:
    """Open a new session in the log and start the state machine on it."""
    try:
        plan = Plan.of(routine, exercises)
    except KeyError as error:
        raise TurnoutError(f"Routine {error.args[0]}.") from None
    record = PracticeSession(
        id=uuid.uuid4().hex,
        routine_key=routine.key,
        routine_name=routine.name,
        exercise_numbers=plan.exercise_numbers,
        started_at=now,
        planned_holds=plan.hold_count,
        planned_seconds=plan.hold_seconds,
    )
    with uow:
        uow.practice.add_session(record)
        uow.commit()
    state, events = engine.start(plan, now, get_ready_seconds)
    return Practice(uow, record, state), events


def unfinished_session(uow: UnitOfWork) -> PracticeSession | None:
    with uow:
        return uow.practice.latest_unfinished()


def session_holds(uow: UnitOfWork, session_id: str) -> list[HoldRecord]:
    with uow:
        return uow.practice.session_holds(session_id)


def session_record(uow: UnitOfWork, session_id: str) -> PracticeSession | None:
    """The logged session with this id, if there is one."""
    with uow:
        return uow.practice.get_session(session_id)


def resume_practice(
    uow: UnitOfWork,
    routine: Routine,
    record: PracticeSession,
    now: float,
    get_ready_seconds: int = 5,
) -> tuple[Practice, tuple[Event, ...]]:
    """Pick an interrupted session up again at the step after its last logged hold."""
    if record.routine_key != routine.key:
        raise TurnoutError(
            f"Session {record.id[:8]} was of routine '{record.routine_key}', not "
            f"'{routine.key}'; resume it with --routine {record.routine_key}."
        )
    with uow:
        holds = uow.practice.session_holds(record.id)
    plan = Plan.of(routine, record.exercise_numbers)
    position = max((h.position for h in holds), default=-1) + 1
    state, events = engine.start(plan, now, get_ready_seconds, position=position, wait=True)
    return Practice(uow, record, state), events


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


def describe_routine(routine: Routine) -> dict[str, object]:
    """The routine as plain data, in a stable shape for `routine show --json` and the API."""
    return {
        "key": routine.key,
        "name": routine.name,
        "description": routine.description,
        "source": routine.source,
        "equipment": list(routine.equipment),
        "tips": list(routine.tips),
        "warnings": list(routine.warnings),
        "total_hold_seconds": routine.hold_seconds,
        "exercises": [_describe_exercise(exercise) for exercise in routine.exercises],
    }


def _describe_exercise(exercise: Exercise) -> dict[str, object]:
    return {
        "number": exercise.number,
        "key": exercise.key,
        "name": exercise.name,
        "summary": exercise.summary,
        "repetitions": exercise.repetitions,
        "equipment": list(exercise.equipment),
        "partner_role": exercise.partner_role,
        "frequency": exercise.frequency,
        "interpretation": exercise.interpretation,
        "cautions": list(exercise.cautions),
        "hold_count": len(exercise.holds),
        "hold_seconds": exercise.hold_seconds,
        "steps": [_describe_step(index, step) for index, step in enumerate(exercise.steps)],
    }


def _describe_step(index: int, step: Step) -> dict[str, object]:
    return {
        "index": index,
        "kind": step.kind.value,
        "title": step.title,
        "cue": step.cue,
        "seconds": step.seconds,
        "repetition": step.repetition or None,
        "side": step.side.value if step.side else None,
        "actor": step.actor.value,
        "partner_cue": step.partner_cue,
        "waits_for_ready": not step.is_timed,
    }
