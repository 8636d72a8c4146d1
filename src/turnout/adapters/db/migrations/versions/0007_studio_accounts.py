"""The studio's tables: the studio, accounts, signed-in sessions, sign-in attempts and
password-reset links.

A personal log gets them empty and stays personal; `turnout studio init` writes the studio row
and the first admin, who takes dancer 1 (the personal log's rows).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _when(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _account_key(table: str) -> sa.ForeignKeyConstraint:
    name = op.f(f"fk_{table}_account_id_accounts")
    return sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=name)


def upgrade() -> None:
    op.create_table(
        "studio",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        _when("created_at"),
        sa.Column("consent_age", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_studio")),
    )
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("dancer_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("born", sa.Date(), nullable=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        _when("created_at"),
        _when("disabled_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("dancer_id", name=op.f("uq_accounts_dancer_id")),
        sa.UniqueConstraint("email", name=op.f("uq_accounts_email")),
    )
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        _when("created_at"),
        _when("last_seen_at"),
        _when("expires_at"),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("agent", sa.String(120), nullable=False),
        _when("revoked_at", nullable=True),
        _account_key("auth_sessions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_auth_sessions_token_hash")),
    )
    op.create_index(op.f("ix_auth_sessions_account_id"), "auth_sessions", ["account_id"])
    op.create_table(
        "sign_ins",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(64), nullable=False),
        _when("at"),
        sa.Column("outcome", sa.String(16), nullable=False),
        _account_key("sign_ins"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_ins")),
    )
    for column in ("email", "account_id", "address", "at"):
        op.create_index(op.f(f"ix_sign_ins_{column}"), "sign_ins", [column])
    op.create_table(
        "password_resets",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        _when("expires_at"),
        _when("used_at", nullable=True),
        _account_key("password_resets"),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_password_resets")),
    )
    op.create_index(op.f("ix_password_resets_account_id"), "password_resets", ["account_id"])


def downgrade() -> None:
    for table in ("password_resets", "sign_ins", "auth_sessions", "accounts", "studio"):
        op.drop_table(table)
