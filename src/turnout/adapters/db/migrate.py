"""Bringing the practice log's schema up to date, with Alembic run from code (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import DBAPIError

from turnout.adapters.db import errors
from turnout.adapters.db.engine import make_engine, without_foreign_keys
from turnout.errors import StorageError

MIGRATIONS = Path(__file__).parent / "migrations"
_VERSION_TABLE = "alembic_version"
QUEUE_PREFIX = "procrastinate_"


def prepare_database(url: str) -> Engine:
    """An engine on `url` with the schema upgraded to head. Raises StorageError.

    Refuses, without writing, a database from a newer turnout, a file that is not a database,
    and a database that holds someone else's tables.
    """
    engine = make_engine(url)
    try:
        # Entered in order: the pragma only takes effect before the transaction begins.
        with (
            engine.connect() as connection,
            without_foreign_keys(connection),
            connection.begin(),
        ):
            _upgrade(connection, errors.describe(url))
    except DBAPIError as error:
        engine.dispose()
        raise errors.from_dbapi(url, error) from error
    except StorageError:
        engine.dispose()
        raise
    return engine


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at; None if it was never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest schema revision this version of turnout knows."""
    head = _scripts().get_current_head()
    if head is None:
        raise RuntimeError(f"No migrations found in {MIGRATIONS}")
    return head


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config for our migrations; env.py runs them on `connection` when given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


def ours(name: str | None, kind: str, parents: object = None) -> bool:
    """Whether a table is turnout's, for Alembic's comparisons: procrastinate's queue shares a
    studio's PostgreSQL and keeps its own tables there (applied by migration 0011)."""
    return not (kind == "table" and (name or "").startswith(QUEUE_PREFIX))


def _upgrade(connection: Connection, where: str) -> None:
    revisions = MigrationContext.configure(connection).get_current_heads()
    known = {script.revision for script in _scripts().walk_revisions()}
    unknown = [revision for revision in revisions if revision not in known]
    if unknown:
        raise errors.newer(where, unknown[0])
    if not revisions and _tables(connection) - {_VERSION_TABLE}:
        raise errors.not_a_log(where, errors.NO_VERSION)
    command.upgrade(alembic_config(connection), "head")
    if (
        connection.dialect.name == "sqlite"
        and connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    ):
        raise errors.broken_links(where)


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())
