"""Routines written in the app, every version kept.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "authored_routines",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authored_routines")),
        sa.UniqueConstraint("key", "version", name=op.f("uq_authored_routines_key")),
    )
    op.create_index(op.f("ix_authored_routines_key"), "authored_routines", ["key"])


def downgrade() -> None:
    op.drop_index(op.f("ix_authored_routines_key"), table_name="authored_routines")
    op.drop_table("authored_routines")
