"""Engines and sessions for the practice log, with SQLite set up for a laptop app."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from turnout.adapters.db import errors
from turnout.adapters.private_files import PRIVATE_FILE, PRIVATE_FOLDER, tighten

# Long enough for another tab or process to finish a write; short enough to report a stuck lock.
BUSY_TIMEOUT_MS = 15_000
WRITE_INTENT = "turnout_writes"  # an execution option: this transaction will write
# SQLite gives its journal, -wal and -shm files the permissions of the database file.
_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def make_engine(url: str) -> Engine:
    """An engine for `url`. Raises StorageError if a SQLite file's folder cannot be made.

    SQLite gets its folder created (0700) and its file made private (0600, with its side
    files), write-ahead logging (readers never wait for the writer), foreign keys enforced, a
    busy timeout, and real transactions around reads and DDL.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # Connections kept open for the server's busy moments (opening one per request, past
        # the pool, cost a PostgreSQL process each time), and no ping before each use: a
        # request makes several short transactions, and a ping each doubled its round trips.
        # A connection the database dropped (a restart) fails one request; then it is renewed.
        return create_engine(parsed, pool_size=20, max_overflow=20, pool_recycle=1800)
    path = errors.sqlite_file(parsed)
    if path is not None:
        try:
            path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        except OSError as error:
            raise errors.unwritable(
                errors.describe(parsed), error.strerror or str(error)
            ) from error
        _make_private(path)
    engine = create_engine(parsed)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _make_private(path: Path) -> None:
    """Create the log's file 0600 before SQLite does (it would make it 0644), and take group
    and other access from one an older version left. Failures are SQLite's to report."""
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE))
    except OSError:
        return
    for suffix in _SIDE_FILES:
        tighten(path.with_name(path.name + suffix))


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to `engine`; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def without_foreign_keys(connection: Connection) -> Iterator[None]:
    """Suspend SQLite foreign keys on `connection`; use it before the transaction begins.

    Batch migrations copy, drop and rename tables; with enforcement on, dropping a parent
    table would fail or cascade half-way. The caller checks the links before committing.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    # The pragma is ignored inside a transaction, so it goes straight to the driver.
    raw: Any = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # sqlite3 itself skips BEGIN before SELECT and DDL; SQLAlchemy emits it instead (below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    # A unit of work that will write takes the write lock now (see SqlUnitOfWork.writing).
    writes = connection.get_execution_options().get(WRITE_INTENT, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
