"""The unit of work: one Session, one transaction per `with` block."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from turnout.adapters.db import errors
from turnout.adapters.db.engine import WRITE_INTENT
from turnout.adapters.db.log_repository import SqlLogRepository
from turnout.adapters.db.practice_repository import SqlPracticeRepository
from turnout.adapters.db.safety_repository import SqlMeasurementRepository, SqlSafetyRepository
from turnout.adapters.db.scope import scope_to_dancer
from turnout.ports import (
    LogRepository,
    MeasurementRepository,
    PracticeRepository,
    SafetyRepository,
)


class SqlUnitOfWork:
    """`with uow: ...; uow.commit()` is one transaction; leaving the block discards the rest.
    It sees one dancer's rows only (1, a personal log's dancer, unless told)."""

    practice: PracticeRepository
    safety: SafetyRepository
    measurements: MeasurementRepository
    log: LogRepository

    def __init__(self, session_factory: sessionmaker[Session], dancer: int = 1) -> None:
        self._session_factory, self.dancer = session_factory, dancer
        self._session: Session | None = None
        self._writes = False

    def writing(self) -> Self:
        """Mark the next block as one that writes: it takes the write lock as it begins.

        On SQLite a transaction that has read cannot take the lock once another connection has
        written ("database is locked" at once, whatever the busy timeout); taken first, it
        waits its turn instead. Reading blocks do not ask, so they never wait for a writer."""
        self._writes = True
        return self

    def __enter__(self) -> Self:
        self._session = scope_to_dancer(self._session_factory(), self.dancer)
        if self._writes:
            self._begin_writing(self._session)
        self.practice = SqlPracticeRepository(self._session)
        self.safety = SqlSafetyRepository(self._session, self.dancer)
        self.measurements = SqlMeasurementRepository(self._session)
        self.log = SqlLogRepository(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed, and give the connection back. A constraint the
        block broke (at commit or at an autoflush) leaves as a ConflictError that says so."""
        session = self._open()
        try:
            session.rollback()
        finally:
            session.close()
            self._session, self._writes = None, False
        if isinstance(exc, IntegrityError):
            raise errors.from_integrity(exc) from exc

    def commit(self) -> None:
        """Make this block's work permanent. Raises StorageError if the log cannot be written."""
        session = self._open()
        try:
            session.commit()
        except OperationalError as error:
            # A lock held past the busy timeout, a full disk or a read-only file.
            session.rollback()
            raise errors.from_dbapi(session.get_bind().engine.url, error) from error

    def rollback(self) -> None:
        self._open().rollback()

    def _begin_writing(self, session: Session) -> None:
        try:
            session.connection(execution_options={WRITE_INTENT: True})
        except OperationalError as error:  # the lock stayed taken past the busy timeout
            session.close()
            self._session, self._writes = None, False
            raise errors.from_dbapi(session.get_bind().engine.url, error) from error

    def _open(self) -> Session:
        if self._session is None:
            raise RuntimeError("Use the unit of work inside a `with` block")
        return self._session
