"""Reading the practice log for the sessions under way: the one left unfinished, one that may
be resumed, and one session's record and holds."""

from __future__ import annotations

from turnout.domain.log import PracticeSession
from turnout.domain.plan import HoldRecord
from turnout.ports import UnitOfWork
from turnout.services.leases import Owner

# How many unfinished sessions `turnout practice --resume` looks through for one it may take.
RESUMABLE_LOOKBACK = 10


def unfinished_session(uow: UnitOfWork) -> PracticeSession | None:
    """The most recent session still marked active, whoever runs it."""
    with uow:
        return uow.practice.latest_unfinished()


def resumable_session(uow: UnitOfWork, owner: Owner) -> PracticeSession | None:
    """The most recent unfinished session no other live process runs, if any."""
    with uow:
        for record in uow.practice.unfinished(RESUMABLE_LOOKBACK):
            if owner.rival(uow.practice.lease(record.id)) is None:
                return record
    return None


def session_holds(uow: UnitOfWork, session_id: str) -> list[HoldRecord]:
    with uow:
        return uow.practice.session_holds(session_id)


def session_record(uow: UnitOfWork, session_id: str) -> PracticeSession | None:
    """The logged session with this id, if there is one."""
    with uow:
        return uow.practice.get_session(session_id)
