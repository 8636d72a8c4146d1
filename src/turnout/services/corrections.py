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
from turnout.i18n import N_, _
from turnout.ports import UnitOfWork
from turnout.services.inputs import validated

LARGEST_ID = 2**31  # the integer id columns of SQLite and PostgreSQL alike
# Each kind of entry in lower case, as it fits inside a sentence.
NAMES = {
    Target.SESSION: N_("practice session"),
    # Translators: a hold of a stretch logged in the practice log (a noun).
    Target.HOLD: N_("hold"),
    # Translators: a turnout measurement (a noun).
    Target.MEASUREMENT: N_("reading"),
    Target.PAIN_CHECK: N_("pain check"),
}
# There is no such entry: {id} is the id asked for.
MISSING = {
    Target.SESSION: N_("No practice session with id '{id}' in your log."),
    Target.HOLD: N_("No hold with id '{id}' in your log."),
    Target.MEASUREMENT: N_("No reading with id '{id}' in your log."),
    Target.PAIN_CHECK: N_("No pain check with id '{id}' in your log."),
}


def entry_name(target: Target) -> str:
    """The kind of entry in lower case: "practice session"."""
    return _(NAMES[target])


def delete_entry(uow: UnitOfWork, target: Target, target_id: str, now: float) -> None:
    """Mark an entry deleted (an undo brings it back). Raises NotFoundError if there is no
    such entry, InputError for a session still under way."""
    with uow.writing():
        if target is Target.SESSION:
            session = uow.practice.get_session(target_id)
            if session is not None and session.status is SessionStatus.ACTIVE:
                raise InputError("session", _("This session is still under way; end it first."))
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
        raise NotFoundError(_(MISSING[target]).format(id=target_id))
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
            raise NotFoundError(_(MISSING[Target.HOLD]).format(id=hold_id))
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
