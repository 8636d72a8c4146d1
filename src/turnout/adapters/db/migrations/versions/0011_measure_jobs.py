"""Camera analyses as jobs: `measure_jobs` (what was asked, progress, the result or what went
wrong) and `measure_uploads` (the upload's bytes, only while its job lasts).

On PostgreSQL the jobs run on procrastinate, whose queue lives in the same database: its
schema is applied here, once (only when its tables are absent), so `turnout db upgrade` and
the migration on start prepare everything a worker needs. A later procrastinate that changes
its schema comes with a turnout migration that applies procrastinate's own SQL migrations.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

QUEUE_TABLES = ("events", "periodic_defers", "jobs", "workers")
QUEUE_TYPES = ("job_status", "job_event_type", "job_to_defer_v1")


def upgrade() -> None:
    _create_jobs()
    _create_uploads()
    if op.get_bind().dialect.name == "postgresql":
        _apply_queue_schema()


def _create_jobs() -> None:
    op.create_table(
        "measure_jobs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("feet_only", sa.Boolean(), nullable=False),
        sa.Column("save", sa.Boolean(), nullable=False),
        sa.Column("record", sa.Boolean(), nullable=False),
        sa.Column("paper", sa.String(8), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("saved", sa.String(200), nullable=True),
        sa.Column("dancer_id", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_jobs")),
    )
    for column in ("status", "created_at", "dancer_id"):
        op.create_index(op.f(f"ix_measure_jobs_{column}"), "measure_jobs", [column])


def _create_uploads() -> None:
    op.create_table(
        "measure_uploads",
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("dancer_id", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["measure_jobs.id"],
            name=op.f("fk_measure_uploads_job_id_measure_jobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("job_id", name=op.f("pk_measure_uploads")),
    )
    op.create_index(op.f("ix_measure_uploads_dancer_id"), "measure_uploads", ["dancer_id"])


def _apply_queue_schema() -> None:
    from procrastinate.schema import SchemaManager

    bind = op.get_bind()
    if bind.exec_driver_sql("SELECT to_regclass('procrastinate_jobs')").scalar() is not None:
        return
    # Straight to the driver, without parameters: the schema's text has % signs of its own.
    bind.connection.driver_connection.execute(SchemaManager.get_schema())  # type: ignore[union-attr]


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _drop_queue_schema()
    op.drop_index(op.f("ix_measure_uploads_dancer_id"), table_name="measure_uploads")
    op.drop_table("measure_uploads")
    for column in ("dancer_id", "created_at", "status"):
        op.drop_index(op.f(f"ix_measure_jobs_{column}"), table_name="measure_jobs")
    op.drop_table("measure_jobs")


def _drop_queue_schema() -> None:
    bind = op.get_bind()
    functions = bind.execute(
        sa.text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p"
            " JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE n.nspname = current_schema() AND starts_with(p.proname, :prefix)"
        ),
        {"prefix": "procrastinate_"},
    ).scalars()
    for signature in list(functions):
        op.execute(f"DROP FUNCTION IF EXISTS {signature} CASCADE")
    for table in QUEUE_TABLES:
        op.execute(f"DROP TABLE IF EXISTS procrastinate_{table} CASCADE")
    for kind in QUEUE_TYPES:
        op.execute(f"DROP TYPE IF EXISTS procrastinate_{kind} CASCADE")
