"""A studio's classes, members, guardians, consents and notes in the log's database.

Each call is its own transaction, through the account store's session handling.
"""

from __future__ import annotations

from sqlalchemy import Update, delete, select, update
from sqlalchemy.orm import Session

from turnout.adapters.db.account_store import SqlAccountStore
from turnout.adapters.db.class_tables import (
    ClassMemberRow,
    ClassRow,
    ClassTeacherRow,
    ConsentRow,
    GuardianRow,
    NoteRow,
)
from turnout.adapters.db.translate import to_datetime, to_epoch
from turnout.domain.classes import Consent, DanceClass, Member, Note, Share
from turnout.errors import ConflictError
from turnout.i18n import N_, _

CODE_TAKEN = N_("That join code is taken; try again for a new one.")


class SqlClassStore(SqlAccountStore):
    def add_class(self, name: str, code: str, routine_key: str, teacher: int, at: float) -> int:
        def write(db: Session) -> int:
            if db.scalar(select(ClassRow.id).where(ClassRow.code == code)) is not None:
                raise ConflictError(_(CODE_TAKEN))
            row = ClassRow(
                name=name, code=code, routine_key=routine_key, created_at=to_datetime(at)
            )
            db.add(row)
            db.flush()
            db.add(ClassTeacherRow(class_id=row.id, account_id=teacher, added_at=to_datetime(at)))
            return row.id

        return self._write(write)

    def dance_class(self, class_id: int) -> DanceClass | None:
        return self._read(lambda db: _class(db, db.get(ClassRow, class_id)))

    def by_code(self, code: str) -> DanceClass | None:
        query = select(ClassRow).where(ClassRow.code == code)
        return self._read(lambda db: _class(db, db.scalars(query).first()))

    def classes(self, teacher: int | None = None, member: int | None = None) -> list[DanceClass]:
        """Every class, or those `teacher` teaches, or those `member` joined."""
        query = select(ClassRow).order_by(ClassRow.id)
        if teacher is not None:
            query = query.join(ClassTeacherRow).where(ClassTeacherRow.account_id == teacher)
        if member is not None:
            query = query.join(ClassMemberRow).where(ClassMemberRow.account_id == member)
        return self._read(lambda db: [c for r in db.scalars(query) if (c := _class(db, r))])

    def set_code(self, class_id: int, code: str) -> None:
        self._write(lambda db: db.execute(_class_update(class_id).values(code=code)))

    def set_routine(self, class_id: int, routine_key: str) -> None:
        query = _class_update(class_id).values(routine_key=routine_key)
        self._write(lambda db: db.execute(query))

    def add_teacher(self, class_id: int, account_id: int, at: float) -> None:
        row = ClassTeacherRow(class_id=class_id, account_id=account_id, added_at=to_datetime(at))
        self._write(lambda db: _add_once(db, row, (class_id, account_id)))

    def join(self, class_id: int, account_id: int, share: Share, at: float) -> Member:
        def write(db: Session) -> ClassMemberRow:
            row = db.get(ClassMemberRow, (class_id, account_id))
            if row is None:
                row = ClassMemberRow(
                    class_id=class_id, account_id=account_id, joined_at=to_datetime(at)
                )
                _put_share(row, share)
                db.add(row)
            return row

        return _member(self._write(write))

    def leave(self, class_id: int, account_id: int) -> bool:
        query = delete(ClassMemberRow).where(
            ClassMemberRow.class_id == class_id, ClassMemberRow.account_id == account_id
        )
        return bool(getattr(self._write(lambda db: db.execute(query)), "rowcount", 0))

    def members(self, class_id: int | None = None, account_id: int | None = None) -> list[Member]:
        """The members of a class, or one account's memberships."""
        query = select(ClassMemberRow).order_by(ClassMemberRow.joined_at)
        if class_id is not None:
            query = query.where(ClassMemberRow.class_id == class_id)
        if account_id is not None:
            query = query.where(ClassMemberRow.account_id == account_id)
        return [_member(r) for r in self._read(lambda db: list(db.scalars(query)))]

    def set_share(self, class_id: int, account_id: int, share: Share) -> None:
        def write(db: Session) -> None:
            row = db.get(ClassMemberRow, (class_id, account_id))
            if row is not None:
                _put_share(row, share)

        self._write(write)

    def set_member_routine(self, class_id: int, account_id: int, routine_key: str | None) -> None:
        def write(db: Session) -> None:
            row = db.get(ClassMemberRow, (class_id, account_id))
            if row is not None:
                row.routine_key = routine_key

        self._write(write)

    def link_guardian(self, guardian_id: int, dancer_id: int, at: float) -> None:
        row = GuardianRow(guardian_id=guardian_id, dancer_id=dancer_id, linked_at=to_datetime(at))
        self._write(lambda db: _add_once(db, row, (guardian_id, dancer_id)))

    def guardianships(self, guardian: int | None = None, dancer: int | None = None) -> list[int]:
        """The dancers of `guardian`, or the guardians of `dancer` (account ids)."""
        if guardian is not None:
            query = select(GuardianRow.dancer_id).where(GuardianRow.guardian_id == guardian)
        else:
            query = select(GuardianRow.guardian_id).where(GuardianRow.dancer_id == dancer)
        return self._read(lambda db: sorted(db.scalars(query)))

    def add_consent(self, consent: Consent) -> None:
        row = ConsentRow(
            dancer_id=consent.dancer_id,
            guardian_id=consent.guardian_id,
            health=consent.health,
            sharing=consent.sharing,
            version=consent.version,
            at=to_datetime(consent.at),
        )
        self._write(lambda db: db.add(row))

    def consents(self, dancer_id: int) -> list[Consent]:
        """Every answer given for the dancer, oldest first."""
        query = select(ConsentRow).where(ConsentRow.dancer_id == dancer_id).order_by(ConsentRow.id)
        return [consent_of(r) for r in self._read(lambda db: list(db.scalars(query)))]

    def add_note(self, note: Note) -> None:
        row = NoteRow(
            class_id=note.class_id,
            dancer_id=note.dancer_id,
            teacher_id=note.teacher_id,
            text=note.text,
            at=to_datetime(note.at),
        )
        self._write(lambda db: db.add(row))

    def notes(self, class_id: int, dancer_id: int) -> list[Note]:
        query = select(NoteRow).where(NoteRow.class_id == class_id, NoteRow.dancer_id == dancer_id)
        rows = self._read(lambda db: list(db.scalars(query.order_by(NoteRow.id))))
        return [note_of(r) for r in rows]


def consent_of(row: ConsentRow) -> Consent:
    return Consent(
        row.dancer_id, row.guardian_id, row.health, row.sharing, row.version, to_epoch(row.at)
    )


def note_of(row: NoteRow) -> Note:
    return Note(row.class_id, row.dancer_id, row.teacher_id, row.text, to_epoch(row.at))


def _add_once(db: Session, row: ClassTeacherRow | GuardianRow, key: tuple[int, int]) -> None:
    """Add a link row unless the same link is there already (adding twice changes nothing)."""
    if db.get(type(row), key) is None:
        db.add(row)


def _class_update(class_id: int) -> Update:
    return update(ClassRow).where(ClassRow.id == class_id)


def _class(db: Session, row: ClassRow | None) -> DanceClass | None:
    if row is None:
        return None
    query = (
        select(ClassTeacherRow.account_id)
        .where(ClassTeacherRow.class_id == row.id)
        .order_by(ClassTeacherRow.added_at, ClassTeacherRow.account_id)
    )
    teachers = tuple(db.scalars(query))
    return DanceClass(
        row.id, row.name, row.code, row.routine_key, teachers, to_epoch(row.created_at)
    )


def _put_share(row: ClassMemberRow, share: Share) -> None:
    row.practice, row.measurements, row.flags = share.practice, share.measurements, share.flags


def _member(row: ClassMemberRow) -> Member:
    share = Share(row.practice, row.measurements, row.flags)
    return Member(row.class_id, row.account_id, share, to_epoch(row.joined_at), row.routine_key)
