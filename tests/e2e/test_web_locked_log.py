"""Another process holds the SQLite log's write lock: reading pages and the API do not wait."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from tests.e2e.test_web_api import into_first_hold, state
from tests.fakes import FakeClock
from turnout.bootstrap import Container
from turnout.services.live import LiveSession
from turnout.web.app import create_app


@contextmanager
def write_locked(path: Path) -> Iterator[None]:
    """What `sqlite3 turnout.db 'BEGIN EXCLUSIVE; ...'` does from another process."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE held_by_another_process (x)")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def wait_until(condition: object) -> None:
    # No deadline worth asserting on: the loop only waits for the ticker to get going.
    for _ in range(2000):
        if callable(condition) and condition():
            return
        time.sleep(0.005)
    raise AssertionError("the ticker never reached the log")


def test_pages_and_reads_answer_while_the_ticker_waits_on_a_locked_log(
    container: Container, clock: FakeClock
) -> None:
    path = Path(container.settings.db_url.removeprefix("sqlite:///"))
    with TestClient(create_app(container), base_url="http://127.0.0.1") as client:
        hold = into_first_hold(client, clock)
        live: LiveSession = client.app.state.web.registry.get(hold["id"])  # type: ignore[attr-defined]
        with write_locked(path):
            clock.advance(10.5)  # the hold ends: the ticker must log it, and waits for the lock
            wait_until(live.lock.locked)
            answers = [client.get(url) for url in ("/api/history", "/", "/api/export/csv")]
            shown = state(client, hold["id"])
            # Every answer came while the ticker was still stuck on the write lock.
            assert live.lock.locked()
        assert [a.status_code for a in answers] == [200, 200, 200]
        assert answers[0].json()["days"][0]["completed_holds"] == 0  # the hold waits its turn
        assert shown["progress"]["holds_done"] == 0
        moved_on = hold["step"]["position"]
        wait_until(lambda: not live.lock.locked() and live.state.position > moved_on)
        after = client.get("/api/history").json()
    assert after["days"][0]["completed_holds"] == 1


def test_a_read_during_a_ticker_tick_waits_for_it_and_never_shows_a_past_deadline(
    client: TestClient, clock: FakeClock
) -> None:
    """The ticker holds a session for a moment while it logs a hold; a page asking then must
    see the session as it is now, not as it was before the tick (a race seen once in CI)."""
    hold = into_first_hold(client, clock)
    live: LiveSession = client.app.state.web.registry.get(hold["id"])  # type: ignore[attr-defined]
    taken, release = threading.Event(), threading.Event()

    def a_slow_tick() -> None:
        with live.lock:
            taken.set()
            release.wait(5)

    ticker = threading.Thread(target=a_slow_tick)
    ticker.start()
    taken.wait(5)
    clock.advance(10 + 5 + 3)  # the first hold and a rest are over: 3 s into the second hold
    threading.Timer(0.2, release.set).start()
    shown = state(client, hold["id"])
    ticker.join()
    assert shown["progress"]["holds_done"] == 1
    assert shown["step"]["position"] == hold["step"]["position"] + 2
