"""The practice log repository on a SQLAlchemy Session; rows never leave this module."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, Select, func, or_, select, update
from sqlalchemy.orm import Session

from turnout.adapters.db.tables import HoldRow, SessionRow
from turnout.adapters.db.translate import (
    fill_session_row,
    hold_row,
    lease_columns,
    session_row,
    to_datetime,
    to_epoch,
    to_lease,
    to_record,
    to_session,
)
from turnout.domain.corrections import HoldEntry
from turnout.domain.log import Lease, LoggedHold, PracticeSession, SessionStatus
from turnout.domain.plan import HoldRecord, HoldStatus


class SqlPracticeRepository:
    """Sessions and holds in SQL tables. The caller's unit of work owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._db = session

    def add_session(self, session: PracticeSession) -> None:
        self._db.add(session_row(session))

    def get_session(self, session_id: str) -> PracticeSession | None:
        row = self._db.get(SessionRow, session_id)
        return None if row is None else to_session(row)

    def update_session(self, session: PracticeSession) -> None:
        """Overwrite a stored session. Raises LookupError if it was never added."""
        row = self._db.get(SessionRow, session.id)
        if row is None:
            raise LookupError(f"No practice session {session.id!r} to update")
        fill_session_row(row, session)

    def add_hold(self, session_id: str, record: HoldRecord) -> None:
        self._db.add(hold_row(session_id, record))

    def sessions(self, since: float | None = None) -> list[PracticeSession]:
        """Sessions started at or after `since`, oldest first."""
        query = _kept_sessions().order_by(SessionRow.started_at, SessionRow.id)
        if since is not None:
            query = query.where(SessionRow.started_at >= to_datetime(since))
        return [to_session(row) for row in self._db.scalars(query)]

    def holds(self, since: float | None = None) -> list[LoggedHold]:
        """Holds started at or after `since`, oldest first, leaving out deleted ones."""
        query = _holds_in_order().where(
            HoldRow.deleted_at.is_(None), SessionRow.deleted_at.is_(None)
        )
        if since is not None:
            query = query.where(HoldRow.started_at >= to_datetime(since))
        return [LoggedHold(row.session_id, to_record(row)) for row in self._db.scalars(query)]

    def session_holds(self, session_id: str) -> list[HoldRecord]:
        """One session's holds, in the order they started, deleted or not: the live session
        counts its place in the plan from them."""
        query = _holds_in_order().where(HoldRow.session_id == session_id)
        return [to_record(row) for row in self._db.scalars(query)]

    def latest_unfinished(self) -> PracticeSession | None:
        """The most recent session still marked active (a crash or a kill left it open)."""
        found = self.unfinished(1)
        return found[0] if found else None

    def unfinished(self, limit: int) -> list[PracticeSession]:
        """The `limit` most recent sessions still marked active, newest first."""
        query = (
            select(SessionRow)
            .where(SessionRow.status == SessionStatus.ACTIVE.value, SessionRow.deleted_at.is_(None))
            .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
            .limit(limit)
        )
        return [to_session(row) for row in self._db.scalars(query)]

    def recent_sessions(self, limit: int, offset: int = 0) -> list[PracticeSession]:
        """Sessions not deleted, newest first: `limit` of them after skipping `offset`."""
        query = _kept_sessions().order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        return [to_session(row) for row in self._db.scalars(query.limit(limit).offset(offset))]

    def count_sessions(self) -> int:
        query = select(func.count()).select_from(SessionRow).where(SessionRow.deleted_at.is_(None))
        return int(self._db.scalar(query) or 0)

    def hold_entries(
        self, session_ids: list[str] | None = None, include_deleted: bool = False
    ) -> list[HoldEntry]:
        """Holds with their ids, oldest first: of these sessions, or all; deleted ones too
        when asked, each with when it (or its session) was deleted."""
        query = _holds_in_order().add_columns(SessionRow.deleted_at)
        if session_ids is not None:
            query = query.where(HoldRow.session_id.in_(session_ids))
        if not include_deleted:
            query = query.where(HoldRow.deleted_at.is_(None), SessionRow.deleted_at.is_(None))
        return [_entry(row, gone) for row, gone in self._db.execute(query)]

    def set_hold_status(self, hold_id: int, status: HoldStatus) -> HoldStatus | None:
        """Correct a hold's status; the status it had, or None if there is no such hold."""
        row = self._db.get(HoldRow, hold_id)
        if row is None or row.deleted_at is not None:
            return None
        before, row.status = HoldStatus(row.status), status.value
        return before

    def lease(self, session_id: str) -> Lease | None:
        """Who runs the session and until when, read afresh (never from the identity map)."""
        columns = (SessionRow.owner, SessionRow.owner_kind, SessionRow.lease_until)
        found = self._db.execute(select(*columns).where(SessionRow.id == session_id)).first()
        return None if found is None else to_lease(*found)

    def claim(
        self, session_id: str, lease: Lease, now: float, replacing: str | None = None
    ) -> bool:
        """Give an active session to `lease`'s owner if it is free at `now`. One UPDATE whose
        WHERE decides, so two processes claiming at once cannot both win."""
        free = [
            SessionRow.owner.is_(None),
            SessionRow.owner == lease.owner,
            SessionRow.lease_until < to_datetime(now),
        ]
        if replacing is not None:
            free.append(SessionRow.owner == replacing)
        active = SessionRow.status == SessionStatus.ACTIVE.value
        return self._set_lease(session_id, lease_columns(lease), active, or_(*free))

    def renew(self, session_id: str, lease: Lease) -> bool:
        """Extend the lease its owner holds; False if the session is no longer that owner's."""
        return self._set_lease(session_id, lease_columns(lease), SessionRow.owner == lease.owner)

    def release(self, session_id: str, owner: str) -> None:
        """Clear `owner`'s lease on the session, if it still holds it."""
        cleared = {"owner": None, "owner_kind": None, "lease_until": None}
        self._set_lease(session_id, cleared, SessionRow.owner == owner)

    def run(self, session_id: str) -> tuple[str, int] | None:
        columns = (SessionRow.run_state, SessionRow.run_version)
        found = self._db.execute(select(*columns).where(SessionRow.id == session_id)).first()
        if found is None or found[0] is None:
            return None
        return found[0], found[1] or 0

    def save_run(self, session_id: str, run: str, version: int, lease: Lease | None = None) -> bool:
        seen = SessionRow.run_version.is_(None) if version == 0 else None
        same = or_(SessionRow.run_version == version, *(() if seen is None else (seen,)))
        values: dict[str, Any] = {"run_state": run, "run_version": version + 1}
        if lease is None:
            return self._set_lease(session_id, values, same)
        values.update(lease_columns(lease))
        return self._set_lease(session_id, values, same, SessionRow.owner == lease.owner)

    def _set_lease(
        self, session_id: str, values: dict[str, Any], *where: ColumnElement[bool]
    ) -> bool:
        statement = (
            update(SessionRow)
            .where(SessionRow.id == session_id, *where)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        result = cast(CursorResult[Any], self._db.execute(statement))
        return result.rowcount == 1


def _holds_in_order() -> Select[HoldRow]:
    # Insertion order breaks ties between holds logged with the same start time.
    return select(HoldRow).join(SessionRow).order_by(HoldRow.started_at, HoldRow.id)


def _kept_sessions() -> Select[SessionRow]:
    return select(SessionRow).where(SessionRow.deleted_at.is_(None))


def _entry(row: HoldRow, session_deleted: datetime | None) -> HoldEntry:
    gone = row.deleted_at or session_deleted
    return HoldEntry(
        row.id, row.session_id, to_record(row), None if gone is None else to_epoch(gone)
    )
