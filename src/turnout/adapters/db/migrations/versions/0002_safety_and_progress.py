"""Safety and progress: the dancer's screening profile, pain checks, stops, measurements.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_REGIONS = ("hip_groin", "knee", "foot_ankle", "low_back")


def _moment(name: str) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _session_link(table: str, *, nullable: bool) -> tuple[sa.Column[str], sa.ForeignKeyConstraint]:
    return (
        sa.Column("session_id", sa.String(36), nullable=nullable),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["practice_sessions.id"],
            name=op.f(f"fk_{table}_session_id_practice_sessions"),
        ),
    )


def upgrade() -> None:
    op.create_table(
        "dancer_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=False),
        sa.Column("growth_spurt", sa.Boolean(), nullable=False),
        sa.Column("hip_conditions", sa.String(), nullable=False),
        sa.Column("pain_now", sa.String(), nullable=False),
        sa.Column("beighton", sa.Integer(), nullable=True),
        _moment("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dancer_profile")),
    )
    op.create_table(
        "pain_checks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *_session_link("pain_checks", nullable=True),
        sa.Column("moment", sa.String(8), nullable=False),
        _moment("taken_at"),
        *(sa.Column(region, sa.Integer(), nullable=False) for region in _REGIONS),
        sa.Column("soreness", sa.Integer(), nullable=True),
        sa.Column("wakes_at_night", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pain_checks")),
    )
    op.create_index(op.f("ix_pain_checks_session_id"), "pain_checks", ["session_id"])
    op.create_index(op.f("ix_pain_checks_taken_at"), "pain_checks", ["taken_at"])
    op.create_table(
        "stop_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *_session_link("stop_events", nullable=False),
        sa.Column("routine_key", sa.String(), nullable=False),
        sa.Column("exercise_number", sa.Integer(), nullable=False),
        sa.Column("exercise_key", sa.String(), nullable=False),
        sa.Column("exercise_name", sa.String(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        _moment("at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stop_events")),
    )
    op.create_index(op.f("ix_stop_events_session_id"), "stop_events", ["session_id"])
    op.create_index(op.f("ix_stop_events_at"), "stop_events", ["at"])
    op.create_table(
        "measurements",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("quantity", sa.String(32), nullable=False),
        sa.Column("method", sa.String(32), nullable=False),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("trials", sa.String(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurements")),
    )
    op.create_index(op.f("ix_measurements_taken_on"), "measurements", ["taken_on"])


def downgrade() -> None:
    op.drop_index(op.f("ix_measurements_taken_on"), table_name="measurements")
    op.drop_table("measurements")
    op.drop_index(op.f("ix_stop_events_at"), table_name="stop_events")
    op.drop_index(op.f("ix_stop_events_session_id"), table_name="stop_events")
    op.drop_table("stop_events")
    op.drop_index(op.f("ix_pain_checks_taken_at"), table_name="pain_checks")
    op.drop_index(op.f("ix_pain_checks_session_id"), table_name="pain_checks")
    op.drop_table("pain_checks")
    op.drop_table("dancer_profile")
