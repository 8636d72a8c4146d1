"""`turnout practice` in a real process of its own, and the web server started while it runs:
the server shows the terminal's session read-only and never adopts, drives or ends it; once the
terminal is killed the session is offered for resuming, and `turnout practice --resume` takes it
up with the server still running."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from tests.e2e.conftest import LiveServer
from tests.e2e.test_cli import BUTTERFLY_HOLDS

T = TypeVar("T")
# The terminal's clock: fast enough to log holds within the test, slow enough that exercise 1
# (about 130 s of steps) is still going after everything below has been checked.
TERMINAL_SCALE = 4


def turnout_process(folder: Path, scale: float, *args: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "TURNOUT_DATA_DIR": str(folder),
        "TURNOUT_DATABASE_URL": f"sqlite:///{folder}/t.db",  # where LiveServer looks
        "TURNOUT_TIME_SCALE": str(scale),
        "TURNOUT_GET_READY_SECONDS": "0",
        "TURNOUT_VOICE": "false",
    }
    command = [sys.executable, "-c", "from turnout.cli.main import run; run()", *args]
    return subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def eventually(found: Callable[[], T | None], seconds: float = 20.0) -> T:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = found()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("it never happened")


def rows(folder: Path, query: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(folder / "t.db") as db:
        return db.execute(query).fetchall()


def rows_once_there(folder: Path, query: str) -> list[tuple[Any, ...]]:
    """`rows`, or none while the terminal is still creating the log."""
    try:
        return rows(folder, query) if (folder / "t.db").exists() else []
    except sqlite3.OperationalError:
        return []


def holds_of(folder: Path, session_id: str) -> list[int]:
    found = rows(
        folder, f"SELECT position FROM holds WHERE session_id = '{session_id}' ORDER BY id"
    )
    return [position for (position,) in found]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def terminal(folder: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """The terminal practising exercise 1, past its setup step; and its session's id."""
    process = turnout_process(folder, TERMINAL_SCALE, "practice", "-e", "1", "--no-voice")
    assert process.stdin is not None
    process.stdin.write("\n")  # ready: the first hold begins
    process.stdin.flush()
    query = "SELECT id FROM practice_sessions WHERE owner_kind = 'cli' AND status = 'active'"
    try:
        (session_id,) = eventually(lambda: rows_once_there(folder, query))[0]
        yield process, session_id
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def test_the_web_server_leaves_the_terminal_session_alone_and_resume_works_after(
    folder: Path, terminal: tuple[subprocess.Popen[str], str]
) -> None:
    process, session_id = terminal
    with LiveServer(folder) as server, httpx.Client(base_url=server.url, timeout=10) as web:
        shown = web.get("/api/sessions/current").json()
        assert shown["id"] == session_id
        assert (shown["read_only"], shown["owner"], shown["allowed"]) == (True, "terminal", [])
        today = web.get("/").text
        assert "Practising in the terminal" in today
        assert f'data-end-session="{session_id}"' not in today

        for path, body in [
            ("actions", {"action": "pause"}),
            ("actions", {"action": "abort"}),
            ("stop", {"reason": "sharp_pain"}),
            ("skip-exercise", None),
        ]:
            refused = web.post(f"/api/sessions/{session_id}/{path}", json=body)
            assert refused.status_code == 409, refused.text
            assert "in the terminal" in refused.json()["detail"]

        started = web.post("/api/sessions", json={"exercises": [2]})
        assert started.status_code == 201 and started.json()["id"] != session_id
        logged = len(holds_of(folder, session_id))
        eventually(lambda: len(holds_of(folder, session_id)) > logged)  # the terminal goes on
        assert rows(folder, f"SELECT status FROM practice_sessions WHERE id = '{session_id}'") == [
            ("active",)
        ]

        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        before_crash = holds_of(folder, session_id)
        offered = web.get(f"/api/sessions/{session_id}").json()
        assert (offered["read_only"], offered["owner"]) == (False, None)
        assert "ready" in offered["allowed"]

        # With the server still running (and still running its own session), the terminal
        # resumes its session: the server neither adopted nor ended it.
        resumed = turnout_process(folder, 200, "practice", "--resume", "--no-voice")
        out, err = resumed.communicate("\n", timeout=60)
        assert resumed.returncode == 0, out + err
        assert f"{len(before_crash)} holds already saved" in " ".join(out.split())
        assert "Completed 9 of 9 holds" in " ".join(out.split())
        assert holds_of(folder, session_id) == BUTTERFLY_HOLDS
        assert rows(
            folder, f"SELECT status, owner FROM practice_sessions WHERE id = '{session_id}'"
        ) == [("finished", None)]
        assert web.get(f"/api/sessions/{session_id}").json()["phase"] == "finished"


def test_once_the_terminal_is_gone_the_today_page_offers_to_resume_its_session(
    folder: Path, terminal: tuple[subprocess.Popen[str], str]
) -> None:
    process, session_id = terminal
    with LiveServer(folder) as server, httpx.Client(base_url=server.url, timeout=10) as web:
        assert "Practising in the terminal" in web.get("/").text
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        today = web.get("/").text
        assert "Practising in the terminal" not in today
        assert f'href="/practice/{session_id}"' in today and "Resume" in today
        shown = web.get(f"/api/sessions/{session_id}").json()
        taken = web.post(
            f"/api/sessions/{session_id}/actions",
            json={"action": "ready", "position": shown["step"]["position"]},
        )
        assert taken.status_code == 200, taken.text
        assert taken.json()["read_only"] is False and taken.json()["phase"] in (
            "get_ready",
            "running",
        )
        assert rows(
            folder, f"SELECT owner_kind FROM practice_sessions WHERE id = '{session_id}'"
        ) == [("web",)]
