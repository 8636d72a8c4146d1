"""Fixtures for the integration tests: the practice log on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.integration.postgres import postgres_url, wipe
from turnout.adapters.db.engine import session_factory
from turnout.adapters.db.migrate import prepare_database
from turnout.adapters.db.uow import SqlUnitOfWork


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated log on a real SQLite file, then on PostgreSQL (skipped when not set up)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'log' / 'turnout.db'}"
    else:
        url = postgres_url()
        wipe(url)
    engine = prepare_database(url)
    yield engine
    engine.dispose()


@pytest.fixture
def uow(database: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(session_factory(database))
