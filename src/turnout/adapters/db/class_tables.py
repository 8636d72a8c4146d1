"""The studio's classes: teachers, members with what each shares, guardians, consents and
teachers' notes. Empty in a personal log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from turnout.adapters.db.tables import Base, UtcDateTime

_ACCOUNT = "accounts.id"
_CLASS = "classes.id"


class ClassRow(Base):
    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(80))
    code: Mapped[str] = mapped_column(String(16), unique=True)
    routine_key: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ClassTeacherRow(Base):
    __tablename__ = "class_teachers"

    class_id: Mapped[int] = mapped_column(ForeignKey(_CLASS), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey(_ACCOUNT), primary_key=True, index=True)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ClassMemberRow(Base):
    __tablename__ = "class_members"

    class_id: Mapped[int] = mapped_column(ForeignKey(_CLASS), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey(_ACCOUNT), primary_key=True, index=True)
    practice: Mapped[bool]
    measurements: Mapped[bool]
    flags: Mapped[bool]
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime)
    routine_key: Mapped[str | None] = mapped_column(String(80))  # the teacher's override


class GuardianRow(Base):
    __tablename__ = "guardians"

    guardian_id: Mapped[int] = mapped_column(ForeignKey(_ACCOUNT), primary_key=True)
    dancer_id: Mapped[int] = mapped_column(ForeignKey(_ACCOUNT), primary_key=True, index=True)
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ConsentRow(Base):
    """Every answer a guardian gave, kept: the latest counts, the rest is the record."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    dancer_id: Mapped[int] = mapped_column(ForeignKey(_ACCOUNT), index=True)
    guardian_id: Mapped[int] = mapped_column(ForeignKey(_ACCOUNT))
    health: Mapped[bool]
    sharing: Mapped[bool]
    version: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class NoteRow(Base):
    __tablename__ = "teacher_notes"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    class_id: Mapped[int] = mapped_column(ForeignKey(_CLASS), index=True)
    dancer_id: Mapped[int] = mapped_column(ForeignKey(_ACCOUNT))
    teacher_id: Mapped[int] = mapped_column(ForeignKey(_ACCOUNT))
    text: Mapped[str] = mapped_column(String(2000))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
