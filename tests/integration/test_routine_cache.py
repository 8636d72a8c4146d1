"""Built-in routines are read and validated once per process; a file given by path is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from turnout.adapters.routines.files import BUILTIN_DIR, CachedRoutineSource, FileRoutineSource
from turnout.domain.routine import Routine
from turnout.errors import RoutineError, RoutineNotFoundError


class CountingSource(FileRoutineSource):
    def __init__(self, builtin_dir: Path | None = None) -> None:
        super().__init__(builtin_dir)
        self.loads: list[str] = []

    def load(self, name_or_path: str) -> Routine:
        self.loads.append(name_or_path)
        return super().load(name_or_path)


def test_a_built_in_routine_is_read_once_however_often_it_is_asked_for() -> None:
    inner = CountingSource()
    routines = CachedRoutineSource(inner)
    first, again = routines.load("classic"), routines.load("classic")
    assert first is again and inner.loads == ["classic"]
    assert routines.names() == ["active", "classic"]


def test_a_routine_file_given_by_path_is_read_every_time(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_bytes((BUILTIN_DIR / "classic.toml").read_bytes())
    inner = CountingSource()
    routines = CachedRoutineSource(inner)
    routines.load(str(mine))
    mine.write_text(mine.read_text().replace('name = "', 'name = "Edited ', 1))
    assert routines.load(str(mine)).name.startswith("Edited ")
    assert inner.loads == [str(mine), str(mine)]


def test_a_broken_built_in_fails_the_same_way_every_time(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text("key = [", encoding="utf-8")
    routines = CachedRoutineSource(CountingSource(tmp_path))
    with pytest.raises(RoutineError) as first:
        routines.load("broken")
    with pytest.raises(RoutineError) as second:
        routines.load("broken")
    assert str(first.value) == str(second.value) and "not valid TOML" in str(first.value)


def test_an_unknown_name_is_not_found() -> None:
    with pytest.raises(RoutineNotFoundError, match="swan-lake"):
        CachedRoutineSource(FileRoutineSource()).load("swan-lake")
