"""Use cases for the dancer's own corrections to the log: delete and undo, a hold's status.

Every change is kept as a `Correction` (what, which, when, before and after), and a deleted
entry is only marked, so an undo brings it back whole and exports can say what happened.
"""

from __future__ import annotations

from turnout.domain.corrections import Action, Correction, HoldEntry, PainCheckEntry, Target
from turnout.domain.log import SessionStatus
from turnout.domain.plan import HoldStatus
from turnout.domain.validation import check_choice
from turnout.errors import InputError, NotFoundError
from turnout.ports import UnitOfWork
from turnout.services.inputs import validated

LARGEST_ID = 2**31  # the integer id columns of SQLite and PostgreSQL alike
NAMES = {
    Target.SESSION: "practice session",
    Target.HOLD: "hold",
    Target.MEASUREMENT: "reading",
    Target.PAIN_CHECK: "pain check",
}


def delete_entry(uow: UnitOfWork, target: Target, target_id: str, now: float) -> None:
    """Mark an entry deleted (an undo brings it back). Raises NotFoundError if there is no
    such entry, InputError for a session still under way."""
    with uow.writing():
        if target is Target.SESSION:
            session = uow.practice.get_session(target_id)
            if session is not None and session.status is SessionStatus.ACTIVE:
                raise InputError("session", "This session is still under way; end it first.")
        _mark(uow, target, target_id, now, Action.DELETED)
        uow.commit()


def restore_entry(uow: UnitOfWork, target: Target, target_id: str, now: float) -> None:
    """Undo a deletion. Raises NotFoundError if there is no such entry."""
    with uow.writing():
        _mark(uow, target, target_id, now, Action.RESTORED)
        uow.commit()


def _mark(uow: UnitOfWork, target: Target, target_id: str, now: float, action: Action) -> None:
    changed = uow.log.mark_deleted(target, target_id, now if action is Action.DELETED else None)
    if changed is None:
        raise NotFoundError(f"No {NAMES[target]} with id '{target_id}' in your log.")
    if changed:
        kept = "kept" if action is Action.DELETED else "deleted"
        after = "deleted" if action is Action.DELETED else "kept"
        uow.log.add_correction(Correction(target, target_id, action, now, kept, after))


def correct_hold_status(uow: UnitOfWork, hold_id: int, status: str, now: float) -> HoldEntry:
    """Set a hold's status to what really happened (completed or skipped); the status it
    replaced is kept. Raises NotFoundError, or InputError naming the allowed statuses."""
    chosen = validated(lambda: check_choice("status", HoldStatus, status))
    with uow.writing():
        # An id past what the column holds names no hold (and must not reach the driver).
        fits = 0 < hold_id < LARGEST_ID
        before = uow.practice.set_hold_status(hold_id, chosen) if fits else None
        if before is None:
            raise NotFoundError(f"No hold with id '{hold_id}' in your log.")
        if before is not chosen:
            uow.log.add_correction(
                Correction(Target.HOLD, str(hold_id), Action.STATUS, now, before, chosen)
            )
        uow.commit()
        entries = uow.practice.hold_entries(include_deleted=True)
    return next(e for e in entries if e.id == hold_id)


def pain_check_entries(uow: UnitOfWork) -> list[PainCheckEntry]:
    """Every pain check not deleted, oldest first, with its id (to delete one)."""
    with uow:
        return uow.safety.pain_check_entries()
