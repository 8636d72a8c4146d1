"""The routine library on a real log (SQLite and PostgreSQL): versions numbered per key, the
latest by default, every version kept; and the routine source that loads them by version."""

from __future__ import annotations

from sqlalchemy import Engine

from turnout.adapters.db.engine import session_factory
from turnout.adapters.db.library_store import SqlRoutineLibrary
from turnout.adapters.routines.files import CachedRoutineSource, FileRoutineSource
from turnout.adapters.routines.library import LibraryRoutineSource
from turnout.services.starter import STARTER


def test_versions_are_numbered_per_key_and_every_one_is_kept(database: Engine) -> None:
    library = SqlRoutineLibrary(session_factory(database))
    assert library.get("warm-up") is None and library.keys() == []
    library.add("warm-up", "one", 7, 100.0)
    library.add("cool-down", "other", None, 101.0)
    second = library.add("warm-up", "two", 7, 102.0)
    assert (second.version, second.author_id, second.created_at) == (2, 7, 102.0)
    assert library.get("warm-up").text == "two"  # type: ignore[union-attr]
    assert library.get("warm-up", 1).text == "one"  # type: ignore[union-attr]
    assert library.get("warm-up", 3) is None
    assert [v.version for v in library.versions("warm-up")] == [1, 2]
    assert library.keys() == ["cool-down", "warm-up"]


def test_the_routine_source_loads_the_latest_or_a_named_version(database: Engine) -> None:
    library = SqlRoutineLibrary(session_factory(database))
    source = LibraryRoutineSource(CachedRoutineSource(FileRoutineSource()), lambda: library)
    library.add("my-warm-up", STARTER, None, 1.0)
    library.add("my-warm-up", STARTER.replace("seconds = 20", "seconds = 25"), None, 2.0)
    assert source.names() == ["active", "classic", "my-warm-up"]
    assert source.load("my-warm-up").key == "my-warm-up@2"
    first = source.load("my-warm-up@1")
    assert first.key == "my-warm-up@1" and first.exercises[0].holds[0].seconds == 20
    assert source.load("classic").key == "classic"
