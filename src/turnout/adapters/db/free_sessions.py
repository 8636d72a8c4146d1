"""The sweep of a studio's log for web sessions nobody runs, across dancers: those that look
free are then taken FOR UPDATE SKIP LOCKED in one transaction, so two servers sweeping at once
share them out instead of both claiming (SQLite, one writer at a time, ignores the clause)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from turnout.adapters.db.tables import SessionRow
from turnout.adapters.db.translate import lease_columns, to_datetime, to_lease
from turnout.domain.log import Lease, OwnerKind, SessionStatus


class SqlFreeSessions:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def versions(self, owner: str) -> dict[str, int]:
        query = select(SessionRow.id, SessionRow.run_version).where(
            SessionRow.owner == owner,
            SessionRow.status == SessionStatus.ACTIVE.value,
            SessionRow.run_state.is_not(None),
        )
        with self._sessions() as db:
            return {key: version or 0 for key, version in db.execute(query)}

    def take(
        self,
        lease: Lease,
        now: float,
        free: Callable[[Lease | None], bool],
        host: str,
        limit: int,
    ) -> list[tuple[int, str]]:
        may_be_free = or_(
            SessionRow.owner.is_(None),
            SessionRow.lease_until < to_datetime(now),
            SessionRow.owner.like(f"% %@{host}"),
        )
        where = (
            SessionRow.status == SessionStatus.ACTIVE.value,
            SessionRow.run_state.is_not(None),
            SessionRow.deleted_at.is_(None),
            or_(SessionRow.owner_kind.is_(None), SessionRow.owner_kind == OwnerKind.WEB.value),
            SessionRow.owner.is_distinct_from(lease.owner),
            may_be_free,
        )
        # First without locks: in a steady state nothing is free, and locking every session
        # of this machine's live servers each sweep would hold up their writes.
        with self._sessions() as db:
            seen = db.execute(select(SessionRow.id, *_LEASE).where(*where)).all()
        free_ids = [row[0] for row in seen if free(to_lease(row[1], row[2], row[3]))][:limit]
        if not free_ids:
            return []
        locked = (
            select(SessionRow.id, SessionRow.dancer_id, *_LEASE)
            .where(SessionRow.id.in_(free_ids), *where)
            .with_for_update(skip_locked=True)
        )
        taken: list[tuple[int, str]] = []
        with self._sessions() as db, db.begin():
            for session_id, dancer, owner, kind, until in db.execute(locked).all():
                if free(to_lease(owner, kind, until)):  # again: it may have changed meanwhile
                    db.execute(
                        update(SessionRow)
                        .where(SessionRow.id == session_id)
                        .values(**lease_columns(lease))
                        .execution_options(synchronize_session=False)
                    )
                    taken.append((dancer, session_id))
        return taken


_LEASE = (SessionRow.owner, SessionRow.owner_kind, SessionRow.lease_until)
