"""One owner per live session: the lease of the process running a session.

`owner` names one run of one process ("<token> <pid>@<host>"), `owner_kind` says whether it
is the web app or the terminal, `lease_until` when the lease lapses unless renewed. Sessions
logged before this revision have none: nobody runs them, so any process may resume them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("owner", "owner_kind", "lease_until")


def upgrade() -> None:
    # Nullable columns: SQLite adds them in place, without rebuilding the table.
    with op.batch_alter_table("practice_sessions") as batch:
        batch.add_column(sa.Column("owner", sa.String(128), nullable=True))
        batch.add_column(sa.Column("owner_kind", sa.String(8), nullable=True))
        batch.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("practice_sessions") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
