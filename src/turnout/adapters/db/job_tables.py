"""Camera analyses done as jobs: the job (what was asked, how far it got, the result or what
went wrong) and, apart, the upload's bytes, which are deleted as soon as the job ends.

The bytes are in the database, not in a folder, because a worker on another machine measures
them; they never touch a world-readable place (the worker writes them to its private scratch
folder only while it reads them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from turnout.adapters.db.tables import Base, DancerColumn, UtcDateTime


class MeasureJobRow(DancerColumn, Base):
    __tablename__ = "measure_jobs"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(80))
    mode: Mapped[str] = mapped_column(String(16))
    feet_only: Mapped[bool]
    save: Mapped[bool]
    record: Mapped[bool]
    paper: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    attempts: Mapped[int]
    done: Mapped[int]
    total: Mapped[int | None]
    message: Mapped[str] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)  # the measurement's JSON, once done
    # Where the web kept the picture when asked to; "" while it is being kept.
    saved: Mapped[str | None] = mapped_column(String(200))


class MeasureUploadRow(DancerColumn, Base):
    __tablename__ = "measure_uploads"

    job_id: Mapped[int] = mapped_column(
        ForeignKey("measure_jobs.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)
