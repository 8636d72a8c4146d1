"""The practice log's schema: created from nothing, upgraded in place, never lost."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from tests.integration.postgres import postgres_url, wipe
from turnout.adapters.db.engine import make_engine, session_factory
from turnout.adapters.db.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    ours,
    prepare_database,
)
from turnout.adapters.db.tables import Base
from turnout.adapters.db.uow import SqlUnitOfWork
from turnout.domain.safety import HipCondition
from turnout.errors import StorageError

SESSION = (
    "INSERT INTO practice_sessions (id, routine_key, routine_name, exercise_numbers, started_at,"
    " status, planned_holds, planned_seconds)"
    " VALUES ('s-1', 'classic', 'Classic', '1,2', '2026-01-01 00:00:00.000000', 'active', 3, 90)"
)


PROFILE = text(
    "INSERT INTO dancer_profile (id, age, growth_spurt, hip_conditions, pain_now, beighton,"
    " updated_at) VALUES (1, 15, :yes, 'dysplasia', '', 7, '2026-01-01 00:00:00.000000')"
).bindparams(yes=True)


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def make_log(path: Path) -> None:
    """A practice log at head holding one session, written the way an older run left it."""
    prepare_database(url_of(path)).dispose()
    with sqlite3.connect(path) as raw:
        raw.execute(SESSION)


def contents(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(path) as raw:
        schema = raw.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        sessions = raw.execute("SELECT * FROM practice_sessions").fetchall()
    return schema, sessions


def test_an_empty_database_gets_both_tables_at_the_newest_schema(tmp_path: Path) -> None:
    engine = prepare_database(url_of(tmp_path / "new" / "turnout.db"))
    tables = set(inspect(engine).get_table_names())
    revision = current_revision(engine)
    engine.dispose()
    assert {"practice_sessions", "holds"} <= tables
    assert revision == head_revision()


def test_a_database_never_migrated_has_no_revision(tmp_path: Path) -> None:
    engine = make_engine(url_of(tmp_path / "turnout.db"))
    assert current_revision(engine) is None
    engine.dispose()


def test_the_migrations_build_exactly_the_tables_the_rows_describe(tmp_path: Path) -> None:
    engine = prepare_database(url_of(tmp_path / "turnout.db"))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_preparing_a_database_twice_changes_nothing_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "turnout.db"
    make_log(path)
    before = contents(path)
    prepare_database(url_of(path)).dispose()
    assert contents(path) == before


def test_the_migrations_can_be_undone_and_redone(tmp_path: Path) -> None:
    engine = prepare_database(url_of(tmp_path / "turnout.db"))
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert current_revision(engine) is None
    assert "holds" not in inspect(engine).get_table_names()
    engine.dispose()
    engine = prepare_database(url_of(tmp_path / "turnout.db"))
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_database_from_a_newer_turnout_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "turnout.db"
    make_log(path)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = contents(path)
    with pytest.raises(StorageError, match="newer version of turnout") as refused:
        prepare_database(url_of(path))
    assert "9999_from_the_future" in str(refused.value)
    assert contents(path) == before


def test_a_file_that_is_not_a_database_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Plié, tendu, dégagé.\n" * 200)
    with pytest.raises(StorageError, match="not a turnout practice log") as refused:
        prepare_database(url_of(path))
    assert str(path) in str(refused.value)
    assert path.read_text() == "Plié, tendu, dégagé.\n" * 200


def test_a_database_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StorageError, match="not a turnout practice log"):
        prepare_database(url_of(path))
    with sqlite3.connect(path) as raw:
        tables = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    assert tables == [("recipes",)]


def test_a_folder_that_cannot_be_written_gives_an_actionable_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):
        pytest.skip("this user can write anywhere (root), so the folder is not locked")
    with pytest.raises(StorageError, match="TURNOUT_DATABASE_URL") as refused:
        prepare_database(url_of(locked / "turnout.db"))
    assert str(locked / "turnout.db") in str(refused.value)


def test_a_folder_that_cannot_be_created_gives_an_actionable_error(tmp_path: Path) -> None:
    # A regular file where a folder should be stops even root.
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    with pytest.raises(StorageError, match="TURNOUT_DATABASE_URL") as refused:
        prepare_database(url_of(blocker / "logs" / "turnout.db"))
    message = str(refused.value)
    assert "\n" not in message
    assert str(blocker / "logs" / "turnout.db") in message


def test_an_in_memory_database_is_prepared_too() -> None:
    engine = prepare_database("sqlite://")
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_folder_given_as_the_log_file_gives_an_actionable_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="Cannot open the practice log") as refused:
        prepare_database(url_of(tmp_path))
    assert "TURNOUT_DATABASE_URL" in str(refused.value)


def test_postgresql_gets_the_same_schema_and_refuses_a_newer_one() -> None:
    url = postgres_url()
    wipe(url)
    engine = prepare_database(url)
    assert current_revision(engine) == head_revision()
    assert {"practice_sessions", "holds"} <= set(inspect(engine).get_table_names())
    with engine.begin() as connection:
        # procrastinate's queue keeps its own tables beside ours (migration 0011 applies them).
        context = MigrationContext.configure(connection, opts={"include_name": ours})
        assert compare_metadata(context, Base.metadata) == []
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StorageError, match="newer version of turnout"):
        prepare_database(url)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_profile_from_before_heights_upgrades_with_no_height_and_keeps_its_answers(
    tmp_path: Path, kind: str
) -> None:
    url = url_of(tmp_path / "turnout.db") if kind == "sqlite" else postgres_url()
    if kind == "postgresql":
        wipe(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0004")
        connection.execute(PROFILE)
    engine.dispose()
    engine = prepare_database(url)
    with SqlUnitOfWork(session_factory(engine)) as uow:
        found = uow.safety.get_profile()
    assert found is not None and found.height_cm is None
    assert (found.age, found.growth_spurt, found.beighton) == (15, True, 7)
    assert found.hip_conditions == {HipCondition.DYSPLASIA}
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0004")
        assert connection.execute(text("SELECT age FROM dancer_profile")).all() == [(15,)]
    columns = {c["name"] for c in inspect(engine).get_columns("dancer_profile")}
    engine.dispose()
    assert "height_cm" not in columns


def test_postgresql_gets_the_queues_schema_once_and_loses_it_when_undone() -> None:
    url = postgres_url()
    wipe(url)
    prepare_database(url).dispose()
    engine = prepare_database(url)  # a second time: the queue's schema is not applied again
    assert {"procrastinate_jobs", "measure_jobs"} <= set(inspect(engine).get_table_names())
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0010")
    tables = set(inspect(engine).get_table_names())
    assert not {name for name in tables if name.startswith(("procrastinate_", "measure_"))}
    engine.dispose()
    engine = prepare_database(url)
    assert "procrastinate_jobs" in inspect(engine).get_table_names()
    engine.dispose()
