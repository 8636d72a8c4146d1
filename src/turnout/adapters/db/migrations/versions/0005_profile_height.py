"""The dancer's height, optional, in whole centimetres.

Measuring uses it to check that a foot outline found on the mat is about as long as a foot of
that height (about 15 % of it). A profile saved before this revision has none: the dancer was
never asked, so it stays empty until they give it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A nullable column: SQLite adds it in place, without rebuilding the table.
    with op.batch_alter_table("dancer_profile") as batch:
        batch.add_column(sa.Column("height_cm", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dancer_profile") as batch:
        batch.drop_column("height_cm")
