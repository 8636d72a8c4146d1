"""Rows to domain objects and back: epoch seconds become aware UTC datetimes in the tables."""

from __future__ import annotations

from datetime import UTC, datetime

from turnout.adapters.db.tables import HoldRow, SessionRow
from turnout.domain.log import PracticeSession, SessionStatus
from turnout.domain.plan import HoldRecord, HoldStatus


def to_datetime(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, tz=UTC)


def to_epoch(moment: datetime) -> float:
    # A naive value can only have come from a store that dropped the offset we wrote: UTC.
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.timestamp()


def session_row(session: PracticeSession) -> SessionRow:
    row = SessionRow(id=session.id)
    fill_session_row(row, session)
    return row


def fill_session_row(row: SessionRow, session: PracticeSession) -> None:
    row.routine_key = session.routine_key
    row.routine_name = session.routine_name
    row.exercise_numbers = ",".join(str(number) for number in session.exercise_numbers)
    row.started_at = to_datetime(session.started_at)
    row.ended_at = None if session.ended_at is None else to_datetime(session.ended_at)
    row.status = session.status.value
    row.planned_holds = session.planned_holds
    row.planned_seconds = session.planned_seconds


def to_session(row: SessionRow) -> PracticeSession:
    return PracticeSession(
        id=row.id,
        routine_key=row.routine_key,
        routine_name=row.routine_name,
        exercise_numbers=tuple(int(n) for n in row.exercise_numbers.split(",") if n),
        started_at=to_epoch(row.started_at),
        planned_holds=row.planned_holds,
        planned_seconds=row.planned_seconds,
        status=SessionStatus(row.status),
        ended_at=None if row.ended_at is None else to_epoch(row.ended_at),
    )


def hold_row(session_id: str, record: HoldRecord) -> HoldRow:
    return HoldRow(
        session_id=session_id,
        routine_key=record.routine_key,
        exercise_number=record.exercise_number,
        exercise_key=record.exercise_key,
        exercise_name=record.exercise_name,
        position=record.position,
        step_index=record.step_index,
        step_title=record.step_title,
        repetition=record.repetition,
        side=record.side,
        planned_seconds=record.planned_seconds,
        actual_seconds=record.actual_seconds,
        started_at=to_datetime(record.started_at),
        ended_at=to_datetime(record.ended_at),
        status=record.status.value,
    )


def to_record(row: HoldRow) -> HoldRecord:
    return HoldRecord(
        routine_key=row.routine_key,
        exercise_number=row.exercise_number,
        exercise_key=row.exercise_key,
        exercise_name=row.exercise_name,
        position=row.position,
        step_index=row.step_index,
        step_title=row.step_title,
        repetition=row.repetition,
        side=row.side,
        planned_seconds=row.planned_seconds,
        actual_seconds=row.actual_seconds,
        started_at=to_epoch(row.started_at),
        ended_at=to_epoch(row.ended_at),
        status=HoldStatus(row.status),
    )
