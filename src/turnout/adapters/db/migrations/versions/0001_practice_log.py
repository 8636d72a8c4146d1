"""The practice log: sessions and the holds logged in them.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _moment(name: str, *, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "practice_sessions",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("routine_key", sa.String(), nullable=False),
        sa.Column("routine_name", sa.String(), nullable=False),
        sa.Column("exercise_numbers", sa.String(), nullable=False),
        _moment("started_at"),
        _moment("ended_at", nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("planned_holds", sa.Integer(), nullable=False),
        sa.Column("planned_seconds", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_sessions")),
    )
    op.create_index(op.f("ix_practice_sessions_started_at"), "practice_sessions", ["started_at"])
    op.create_table(
        "holds",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(36), nullable=False),
        sa.Column("routine_key", sa.String(), nullable=False),
        sa.Column("exercise_number", sa.Integer(), nullable=False),
        sa.Column("exercise_key", sa.String(), nullable=False),
        sa.Column("exercise_name", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("step_index", sa.Integer(), nullable=False),
        sa.Column("step_title", sa.String(), nullable=False),
        sa.Column("repetition", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(16), nullable=True),
        sa.Column("planned_seconds", sa.Integer(), nullable=False),
        sa.Column("actual_seconds", sa.Float(), nullable=False),
        _moment("started_at"),
        _moment("ended_at"),
        sa.Column("status", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["practice_sessions.id"],
            name=op.f("fk_holds_session_id_practice_sessions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holds")),
    )
    op.create_index(op.f("ix_holds_session_id"), "holds", ["session_id"])
    op.create_index(op.f("ix_holds_started_at"), "holds", ["started_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_holds_started_at"), table_name="holds")
    op.drop_index(op.f("ix_holds_session_id"), table_name="holds")
    op.drop_table("holds")
    op.drop_index(op.f("ix_practice_sessions_started_at"), table_name="practice_sessions")
    op.drop_table("practice_sessions")
