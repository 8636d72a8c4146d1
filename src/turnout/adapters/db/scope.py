"""One dancer's rows: a unit of work's Session sees, changes and adds only those.

The filter sits on the Session, not in each query, so no repository method can forget it: every
ORM SELECT, UPDATE and DELETE (and `Session.get`) gets `dancer_id = ?` for each scoped table it
touches, and every row added is stamped with the dancer. A row of another dancer is then
exactly like a missing one. The profile's row id is the dancer id itself.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, with_loader_criteria

from turnout.adapters.db.tables import DancerColumn, ProfileRow


def scope_to_dancer(session: Session, dancer: int) -> Session:
    """`session`, from now on limited to `dancer`'s rows."""

    @event.listens_for(session, "do_orm_execute")
    def _only_theirs(state: ORMExecuteState) -> None:
        if state.is_select or state.is_update or state.is_delete:
            state.statement = state.statement.options(
                with_loader_criteria(
                    DancerColumn, lambda row: row.dancer_id == dancer, include_aliases=True
                ),
                with_loader_criteria(ProfileRow, ProfileRow.id == dancer),
            )

    @event.listens_for(session, "before_flush")
    def _stamp(db: Session, flush: UOWTransaction, instances: Any) -> None:
        for row in db.new:
            if isinstance(row, DancerColumn):
                row.dancer_id = dancer
            elif isinstance(row, ProfileRow):
                row.id = dancer

    return session
