"""The data folder is private: 0700, every file in it 0600, made so and tightened on start;
the scratch files of a process killed mid-upload are removed when the app starts again."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import settings_for
from tests.e2e.test_web_measure import MAT, FakeVisionKit, app_with, dancer, jpeg, post
from turnout import bootstrap
from turnout.bootstrap import Container


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask (files 0644) before the test; whatever it was, back after it."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_the_data_folder_is_made_0700_and_the_umask_077(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "new" / "turnout"
    bootstrap.build(settings_for(data))
    assert mode(data) == 0o700
    assert os.umask(0o077) == 0o077  # set by build, so every later file is private


def test_the_log_and_kept_pictures_are_0600_even_under_an_open_umask(
    tmp_path: Path, open_umask: None
) -> None:
    container = bootstrap.build(settings_for(tmp_path))
    os.umask(0o022)  # as if something had opened it again: our own writers still ask for 0600
    with app_with(container, FakeVisionKit([dancer()], mat=MAT)) as client:
        result = post(client, jpeg(), save="true", record="true").json()
    kept = tmp_path / result["saved"]
    log = tmp_path / "t.db"
    private = [log, kept, kept.with_suffix(".json")]
    private += [side for side in (tmp_path / "t.db-wal", tmp_path / "t.db-shm") if side.exists()]
    assert len(private) >= 4  # the log runs in WAL mode: its side files are there too
    assert {path.name: mode(path) for path in private} == {path.name: 0o600 for path in private}
    assert mode(kept.parent) == 0o700


def test_the_preferences_are_written_0600(container: Container) -> None:
    with app_with(container, FakeVisionKit([dancer()])) as client:
        assert client.put("/api/settings", json={"voice_speed": 1.2}).status_code == 200
    assert mode(container.settings.data_dir / "web-preferences.json") == 0o600


def test_files_an_older_version_left_open_are_tightened_on_start(tmp_path: Path) -> None:
    data = tmp_path / "turnout"
    (data / "measurements").mkdir(parents=True)
    old = {
        data / "turnout.db": 0o644,
        data / "web-preferences.json": 0o644,
        data / "measurements" / "20240101-first-position-abc123.png": 0o644,
        data / "backup.sh": 0o755,
    }
    for path, was in old.items():
        path.write_bytes(b"x")
        path.chmod(was)
    data.chmod(0o755)
    (data / "measurements").chmod(0o755)
    bootstrap.build(settings_for(data))
    assert mode(data) == 0o700 and mode(data / "measurements") == 0o700
    assert [mode(path) for path in old] == [0o600, 0o600, 0o600, 0o700]  # the owner keeps x


def test_scratch_left_by_a_killed_process_is_emptied_on_start(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    dead = scratch / "999999999" / "upload-x"  # no such process
    dead.mkdir(parents=True)
    (dead / "me.jpg").write_bytes(b"a dancer's photo")
    (scratch / "stray.jpg").write_bytes(b"left by an older version")
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as other:
        running = scratch / str(other.pid) / "upload-y"
        running.mkdir(parents=True)
        try:
            container = bootstrap.build(settings_for(tmp_path))
            assert sorted(p.name for p in scratch.iterdir()) == [str(other.pid)]
            assert running.is_dir()  # a running server's upload is left alone
        finally:
            other.kill()
    assert container.scratch() == scratch / str(os.getpid())
    assert mode(container.scratch()) == 0o700 and mode(scratch) == 0o700
