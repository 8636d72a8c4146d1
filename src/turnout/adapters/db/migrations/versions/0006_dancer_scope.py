"""Whose row it is: a dancer id on every table of the practice log.

A studio's log holds the rows of all its dancers; a personal log has one dancer, 1, so every row
written before this revision becomes dancer 1's. The profile needs no column: its row id is the
dancer id (the one row so far has id 1).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "practice_sessions",
    "holds",
    "pain_checks",
    "stop_events",
    "measurements",
    "log_corrections",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("dancer_id", sa.Integer(), nullable=False, server_default="1")
            )
            batch.create_index(op.f(f"ix_{table}_dancer_id"), ["dancer_id"])


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(op.f(f"ix_{table}_dancer_id"))
            batch.drop_column("dancer_id")
