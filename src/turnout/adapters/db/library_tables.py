"""Routines written in the app, every version kept: a studio's library, or a dancer's own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from turnout.adapters.db.tables import Base, UtcDateTime


class AuthoredRoutineRow(Base):
    __tablename__ = "authored_routines"
    __table_args__ = (UniqueConstraint("key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None]  # an account id; none on a personal log
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
