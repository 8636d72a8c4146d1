"""Routines written in the app in the log's database, every version kept."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from turnout.adapters.db.account_store import SqlAccountStore
from turnout.adapters.db.library_tables import AuthoredRoutineRow
from turnout.adapters.db.translate import to_datetime, to_epoch
from turnout.domain.library import AuthoredRoutine


class SqlRoutineLibrary(SqlAccountStore):
    """The routine library; it shares the account store's transaction handling."""

    def add(self, key: str, text: str, author_id: int | None, at: float) -> AuthoredRoutine:
        def write(db: Session) -> AuthoredRoutineRow:
            latest = db.scalar(
                select(func.max(AuthoredRoutineRow.version)).where(AuthoredRoutineRow.key == key)
            )
            row = AuthoredRoutineRow(
                key=key,
                version=(latest or 0) + 1,
                text=text,
                author_id=author_id,
                created_at=to_datetime(at),
            )
            db.add(row)
            db.flush()
            return row

        return _authored(self._write(write))

    def get(self, key: str, version: int | None = None) -> AuthoredRoutine | None:
        query = select(AuthoredRoutineRow).where(AuthoredRoutineRow.key == key)
        if version is not None:
            query = query.where(AuthoredRoutineRow.version == version)
        query = query.order_by(AuthoredRoutineRow.version.desc()).limit(1)
        row = self._read(lambda db: db.scalars(query).first())
        return _authored(row) if row is not None else None

    def versions(self, key: str) -> list[AuthoredRoutine]:
        query = (
            select(AuthoredRoutineRow)
            .where(AuthoredRoutineRow.key == key)
            .order_by(AuthoredRoutineRow.version)
        )
        return [_authored(r) for r in self._read(lambda db: list(db.scalars(query)))]

    def keys(self) -> list[str]:
        query = select(AuthoredRoutineRow.key).distinct().order_by(AuthoredRoutineRow.key)
        return self._read(lambda db: list(db.scalars(query)))


def _authored(row: AuthoredRoutineRow) -> AuthoredRoutine:
    return AuthoredRoutine(row.key, row.version, row.text, row.author_id, to_epoch(row.created_at))
