"""The practice log's tables, as SQLAlchemy rows. Only the repository sees these classes.

A column whose type follows from its annotation alone (`Mapped[int]` is an INTEGER, NOT NULL
unless `| None`) declares nothing more; `mapped_column` is there for lengths, keys, indexes,
floats and times.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Named constraints let Alembic's batch mode rebuild SQLite tables, and keep the names
# in the migrations equal to the names these classes would create.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime in and out, whatever the database keeps.

    SQLite stores no offset and hands back naive values; reading those with the local time
    zone would shift every time by the machine's offset, so they are labelled UTC here.
    """

    impl = DateTime
    cache_ok = True

    def __init__(self) -> None:
        super().__init__(timezone=True)

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UtcDateTime needs an aware datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DancerColumn:
    """Whose row it is: a log holds the rows of every dancer of a studio (one on a personal
    log, dancer 1). A unit of work sees one dancer's rows only (adapters/db/scope.py)."""

    dancer_id: Mapped[int] = mapped_column(index=True, server_default="1")


class SessionRow(DancerColumn, Base):
    __tablename__ = "practice_sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    routine_key: Mapped[str]
    routine_name: Mapped[str]
    exercise_numbers: Mapped[str]
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16))
    planned_holds: Mapped[int]
    planned_seconds: Mapped[int]
    # The lease of the process running the session live: "<token> <pid>@<host>", its kind
    # ("web", "cli") and until when; all empty when nobody runs it (see services/leases.py).
    owner: Mapped[str | None] = mapped_column(String(128))
    owner_kind: Mapped[str | None] = mapped_column(String(8))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # A web session's state and its cues' tail, as JSON, and how many times it was written
    # (see services/run_state.py); empty for the terminal's sessions.
    run_state: Mapped[str | None] = mapped_column(Text)
    run_version: Mapped[int | None]
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # see DeletedColumn


class ExerciseColumns:
    """Which exercise of which routine a row is about; copied, so renaming a routine's
    exercise later never rewrites what was done."""

    routine_key: Mapped[str]
    exercise_number: Mapped[int]
    exercise_key: Mapped[str]
    exercise_name: Mapped[str]


class DeletedColumn:
    """When the dancer deleted the entry; NULL while it counts. Reads leave marked rows out,
    an undo clears the mark, and backups and exports keep them with the mark."""

    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class HoldRow(ExerciseColumns, DeletedColumn, DancerColumn, Base):
    __tablename__ = "holds"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("practice_sessions.id"), index=True)
    position: Mapped[int]
    step_index: Mapped[int]
    step_title: Mapped[str]
    repetition: Mapped[int]
    side: Mapped[str | None] = mapped_column(String(16))
    planned_seconds: Mapped[int]
    actual_seconds: Mapped[float] = mapped_column(Float)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ended_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16))

    # Unused for loading; it tells the flush to insert a session before holds that refer to it.
    session: Mapped[SessionRow] = relationship(lazy="raise")


class ProfileRow(Base):
    """A dancer's screening answers: one row per dancer, whose id is the dancer id."""

    __tablename__ = "dancer_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    age: Mapped[int]
    growth_spurt: Mapped[bool]
    hip_conditions: Mapped[str]
    pain_now: Mapped[str]
    beighton: Mapped[int | None]
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    height_cm: Mapped[int | None]


class PainCheckRow(DeletedColumn, DancerColumn, Base):
    __tablename__ = "pain_checks"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("practice_sessions.id"), index=True)
    moment: Mapped[str] = mapped_column(String(8))
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    hip_groin: Mapped[int]
    knee: Mapped[int]
    foot_ankle: Mapped[int]
    low_back: Mapped[int]
    soreness: Mapped[int | None]
    wakes_at_night: Mapped[bool]

    session: Mapped[SessionRow | None] = relationship(lazy="raise")


class StopRow(ExerciseColumns, DancerColumn, Base):
    __tablename__ = "stop_events"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("practice_sessions.id"), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)

    session: Mapped[SessionRow] = relationship(lazy="raise")


class MeasurementRow(DeletedColumn, DancerColumn, Base):
    __tablename__ = "measurements"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    quantity: Mapped[str] = mapped_column(String(32))
    method: Mapped[str] = mapped_column(String(32))
    side: Mapped[str] = mapped_column(String(8))
    value: Mapped[float] = mapped_column(Float)
    trials: Mapped[str]  # "48,50.5,47": the median is `value`
    taken_on: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str]


class CorrectionRow(DancerColumn, Base):
    """One change the dancer made to the log, with the value it replaced."""

    __tablename__ = "log_corrections"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    target: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    before: Mapped[str] = mapped_column(String(64))
    after: Mapped[str] = mapped_column(String(64))


# The studio's tables live in a module of their own; importing it here puts them in the same
# metadata, which migrations and the schema check compare against.
from turnout.adapters.db import account_tables as _account_tables  # noqa: E402, F401
from turnout.adapters.db import class_tables as _class_tables  # noqa: E402, F401
from turnout.adapters.db import job_tables as _job_tables  # noqa: E402, F401
from turnout.adapters.db import library_tables as _library_tables  # noqa: E402, F401
