"""The log is the dancer's: deletions are marks, corrections keep what they replaced.

`deleted_at` on sessions, holds, pain checks and measurements says when the dancer deleted the
entry (empty for every row logged before this revision: nothing was deleted then), so an undo
can bring it back and exports can say so. `log_corrections` keeps one row per change: what,
which, when, and the value before and after.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MARKED = ("practice_sessions", "holds", "pain_checks", "measurements")


def upgrade() -> None:
    # Nullable columns: SQLite adds them in place, without rebuilding the tables.
    for table in _MARKED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "log_corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("target", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("before", sa.String(64), nullable=False),
        sa.Column("after", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_corrections")),
    )
    op.create_index(op.f("ix_log_corrections_target_id"), "log_corrections", ["target_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_log_corrections_target_id"), "log_corrections")
    op.drop_table("log_corrections")
    for table in reversed(_MARKED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("deleted_at")
