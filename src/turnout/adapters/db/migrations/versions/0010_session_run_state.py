"""A live session's whole state in the log, so any web process can answer for it.

`run_state` is the state machine's state and the tail of its numbered feed of cues, as JSON
(services/run_state.py); `run_version` counts its writes, and every write names the version it
read, so two processes acting on one session never both land. Sessions of the terminal, and
those logged before this revision, have neither: they are resumed as before.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable columns: SQLite adds them in place, without rebuilding the table.
    with op.batch_alter_table("practice_sessions") as batch:
        batch.add_column(sa.Column("run_state", sa.Text(), nullable=True))
        batch.add_column(sa.Column("run_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("practice_sessions") as batch:
        batch.drop_column("run_version")
        batch.drop_column("run_state")
