"""Rows to domain objects and back: epoch seconds become aware UTC datetimes in the tables."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from turnout.adapters.db.tables import HoldRow, SessionRow
from turnout.domain.log import Lease, OwnerKind, PracticeSession, SessionStatus
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


def to_lease(owner: str | None, kind: str | None, until: datetime | None) -> Lease | None:
    if owner is None or kind is None or until is None:
        return None
    return Lease(owner, OwnerKind(kind), to_epoch(until))


def lease_columns(lease: Lease) -> dict[str, Any]:
    return {
        "owner": lease.owner,
        "owner_kind": lease.kind.value,
        "lease_until": to_datetime(lease.until),
    }


# Columns that hold the same value under the same name in the row and the domain object.
EXERCISE_FIELDS = ("routine_key", "exercise_number", "exercise_key", "exercise_name")
HOLD_FIELDS = (
    *EXERCISE_FIELDS,
    *("position", "step_index", "step_title", "repetition", "side"),
    *("planned_seconds", "actual_seconds"),
)


def same_named(source: object, names: tuple[str, ...]) -> dict[str, Any]:
    """The attributes `names` of `source`, to pass on as keyword arguments."""
    return {name: getattr(source, name) for name in names}


def hold_row(session_id: str, record: HoldRecord) -> HoldRow:
    return HoldRow(
        session_id=session_id,
        **same_named(record, HOLD_FIELDS),
        started_at=to_datetime(record.started_at),
        ended_at=to_datetime(record.ended_at),
        status=record.status.value,
    )


def to_record(row: HoldRow) -> HoldRecord:
    return HoldRecord(
        **same_named(row, HOLD_FIELDS),
        started_at=to_epoch(row.started_at),
        ended_at=to_epoch(row.ended_at),
        status=HoldStatus(row.status),
    )
