"""The studio's classes: teachers, members and what each shares, guardians, consents and
teachers' notes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _when(name: str) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _int(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=False)


def _key(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    name = op.f(f"fk_{table}_{column}_{target}")
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=name)


def _pair(table: str, first: str, second: str, first_target: str) -> None:
    """A table keyed by (first, second), both references, the second indexed."""
    op.create_table(
        table,
        _int(first),
        _int(second),
        *_extra(table),
        _key(table, first, first_target),
        _key(table, second, "accounts"),
        sa.PrimaryKeyConstraint(first, second, name=op.f(f"pk_{table}")),
    )
    op.create_index(op.f(f"ix_{table}_{second}"), table, [second])


def _extra(table: str) -> list[sa.Column[Any]]:
    if table == "class_teachers":
        return [_when("added_at")]
    if table == "guardians":
        return [_when("linked_at")]
    shares: list[sa.Column[Any]] = [
        sa.Column(n, sa.Boolean(), nullable=False) for n in ("practice", "measurements", "flags")
    ]
    # The teacher's routine for this dancer in this class, when it differs from the class's.
    override = sa.Column("routine_key", sa.String(80), nullable=True)
    return [*shares, _when("joined_at"), override]


def upgrade() -> None:
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("routine_key", sa.String(80), nullable=False),
        _when("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classes")),
        sa.UniqueConstraint("code", name=op.f("uq_classes_code")),
    )
    _pair("class_teachers", "class_id", "account_id", "classes")
    _pair("class_members", "class_id", "account_id", "classes")
    _pair("guardians", "guardian_id", "dancer_id", "accounts")
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _int("dancer_id"),
        _int("guardian_id"),
        sa.Column("health", sa.Boolean(), nullable=False),
        sa.Column("sharing", sa.Boolean(), nullable=False),
        sa.Column("version", sa.String(16), nullable=False),
        _when("at"),
        _key("consents", "dancer_id", "accounts"),
        _key("consents", "guardian_id", "accounts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    op.create_index(op.f("ix_consents_dancer_id"), "consents", ["dancer_id"])
    op.create_table(
        "teacher_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _int("class_id"),
        _int("dancer_id"),
        _int("teacher_id"),
        sa.Column("text", sa.String(2000), nullable=False),
        _when("at"),
        _key("teacher_notes", "class_id", "classes"),
        _key("teacher_notes", "dancer_id", "accounts"),
        _key("teacher_notes", "teacher_id", "accounts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teacher_notes")),
    )
    op.create_index(op.f("ix_teacher_notes_class_id"), "teacher_notes", ["class_id"])


def downgrade() -> None:
    for table in (
        "teacher_notes",
        "consents",
        "guardians",
        "class_members",
        "class_teachers",
        "classes",
    ):
        op.drop_table(table)
