"""A PostgreSQL database for tests, named by TURNOUT_TEST_POSTGRES_URL; skipped when absent."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text


def postgres_url() -> str:
    url = os.environ.get("TURNOUT_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("TURNOUT_TEST_POSTGRES_URL is not set; .ci/run should start PostgreSQL")
        pytest.skip("no PostgreSQL: set TURNOUT_TEST_POSTGRES_URL to a database that may be wiped")
    return url


def wipe(url: str) -> None:
    """Drop everything in the public schema, so each test starts from an empty database."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
