"""The studio's store with what data rights need: everything about one account, to hand it
over, and to forget it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from turnout.adapters.db.account_tables import (
    AccountRow,
    AuthSessionRow,
    PasswordResetRow,
    SignInRow,
)
from turnout.adapters.db.class_store import SqlClassStore, consent_of, note_of
from turnout.adapters.db.class_tables import (
    ClassMemberRow,
    ClassTeacherRow,
    ConsentRow,
    GuardianRow,
    NoteRow,
)
from turnout.domain.classes import Consent, Note


class SqlStudioStore(SqlClassStore):
    def notes_about(self, dancer_id: int) -> list[Note]:
        query = select(NoteRow).where(NoteRow.dancer_id == dancer_id).order_by(NoteRow.id)
        return [note_of(r) for r in self._read(lambda db: list(db.scalars(query)))]

    def consents_by(self, guardian_id: int) -> list[Consent]:
        query = select(ConsentRow).where(ConsentRow.guardian_id == guardian_id)
        rows = self._read(lambda db: list(db.scalars(query.order_by(ConsentRow.id))))
        return [consent_of(r) for r in rows]

    def forget(self, account_id: int) -> dict[str, int]:
        """Delete the account and every row about it outside the practice log, in one
        transaction: memberships, teaching, guardianships, consents, notes, sessions, reset
        links and its sign-in record. How many rows went, by table."""

        def write(db: Session) -> dict[str, int]:
            email = db.scalar(select(AccountRow.email).where(AccountRow.id == account_id))
            counts = {}
            for name, table, where in _about(account_id, email or ""):
                counts[name] = getattr(db.execute(delete(table).where(where)), "rowcount", 0)
            return counts

        return self._write(write)


def _about(account_id: int, email: str) -> list[tuple[str, Any, Any]]:
    """Each table with rows about an account, and which rows; the account itself last."""
    return [
        ("class_members", ClassMemberRow, ClassMemberRow.account_id == account_id),
        ("class_teachers", ClassTeacherRow, ClassTeacherRow.account_id == account_id),
        ("guardians", GuardianRow, or_(GuardianRow.guardian_id == account_id,
                                        GuardianRow.dancer_id == account_id)),
        ("consents", ConsentRow, or_(ConsentRow.guardian_id == account_id,
                                      ConsentRow.dancer_id == account_id)),
        ("teacher_notes", NoteRow, or_(NoteRow.dancer_id == account_id,
                                        NoteRow.teacher_id == account_id)),
        ("auth_sessions", AuthSessionRow, AuthSessionRow.account_id == account_id),
        ("password_resets", PasswordResetRow, PasswordResetRow.account_id == account_id),
        ("sign_ins", SignInRow, or_(SignInRow.account_id == account_id, SignInRow.email == email)),
        ("accounts", AccountRow, AccountRow.id == account_id),
    ]  # fmt: skip
