"""The practice log repository on a SQLAlchemy Session; rows never leave this module."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from turnout.adapters.db.tables import HoldRow, SessionRow
from turnout.adapters.db.translate import (
    fill_session_row,
    hold_row,
    session_row,
    to_datetime,
    to_record,
    to_session,
)
from turnout.domain.log import LoggedHold, PracticeSession, SessionStatus
from turnout.domain.plan import HoldRecord


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
        query = select(SessionRow).order_by(SessionRow.started_at, SessionRow.id)
        if since is not None:
            query = query.where(SessionRow.started_at >= to_datetime(since))
        return [to_session(row) for row in self._db.scalars(query)]

    def holds(self, since: float | None = None) -> list[LoggedHold]:
        """Holds started at or after `since`, oldest first."""
        query = _holds_in_order()
        if since is not None:
            query = query.where(HoldRow.started_at >= to_datetime(since))
        return [LoggedHold(row.session_id, to_record(row)) for row in self._db.scalars(query)]

    def session_holds(self, session_id: str) -> list[HoldRecord]:
        """One session's holds, in the order they started."""
        query = _holds_in_order().where(HoldRow.session_id == session_id)
        return [to_record(row) for row in self._db.scalars(query)]

    def latest_unfinished(self) -> PracticeSession | None:
        """The most recent session still marked active (a crash or a kill left it open)."""
        query = (
            select(SessionRow)
            .where(SessionRow.status == SessionStatus.ACTIVE.value)
            .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
            .limit(1)
        )
        row = self._db.scalars(query).first()
        return None if row is None else to_session(row)


def _holds_in_order() -> Select[HoldRow]:
    # Insertion order breaks ties between holds logged with the same start time.
    return select(HoldRow).order_by(HoldRow.started_at, HoldRow.id)
