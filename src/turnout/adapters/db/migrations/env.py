"""Alembic's entry point. turnout runs it from code (see schema.py) with a live connection.

For a developer's `alembic -c src/turnout/adapters/db/alembic.ini -x url=... <command>`,
the URL comes from `-x url=` or `sqlalchemy.url`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from turnout.adapters.db.engine import make_engine, without_foreign_keys
from turnout.adapters.db.migrate import ours
from turnout.adapters.db.tables import Base

target_metadata = Base.metadata


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url")
    url = url or context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("Pass the database with -x url=sqlite:///path/to/turnout.db")
    return url


def _run(connection: Connection) -> None:
    # Batch mode rebuilds a SQLite table for the changes SQLite's ALTER cannot make.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=ours,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    given: Connection | None = context.config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    engine = make_engine(_url())
    try:
        with engine.connect() as connection, without_foreign_keys(connection):
            _run(connection)
    finally:
        engine.dispose()


def _run_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _run_offline()
else:
    _run_online()
