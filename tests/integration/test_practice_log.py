"""The practice log on a real SQLite file and on PostgreSQL: what goes in comes out, one
transaction per block. PostgreSQL runs when TURNOUT_TEST_POSTGRES_URL names a database
that may be wiped (`.ci/run` starts one)."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from turnout.adapters.db.engine import session_factory
from turnout.adapters.db.migrate import prepare_database
from turnout.adapters.db.uow import SqlUnitOfWork
from turnout.domain.log import LoggedHold, PracticeSession, SessionStatus
from turnout.domain.plan import HoldRecord, HoldStatus

START = 1_767_225_600.123456  # 2026-01-01 00:00 UTC, with a fraction to keep
MS = 0.001


def a_session(session_id: str = "s-1", started_at: float = START) -> PracticeSession:
    return PracticeSession(
        id=session_id,
        routine_key="classic",
        routine_name="Classic turnout routine",
        exercise_numbers=(1, 3, 5),
        started_at=started_at,
        planned_holds=12,
        planned_seconds=840,
    )


def a_hold(started_at: float = START + 5, position: int = 2) -> HoldRecord:
    return HoldRecord(
        routine_key="classic",
        exercise_number=1,
        exercise_key="butterfly",
        exercise_name="Butterfly press",
        position=position,
        step_index=1,
        step_title="Press the left knee 1",
        repetition=1,
        side="left",
        planned_seconds=10,
        actual_seconds=9.876,
        started_at=started_at,
        ended_at=started_at + 10.25,
        status=HoldStatus.COMPLETED,
    )


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Engine]:
    engine = prepare_database(f"sqlite:///{tmp_path / 'log' / 'turnout.db'}")
    yield engine
    engine.dispose()


def save_sessions(uow: SqlUnitOfWork, *sessions: PracticeSession) -> None:
    for session in sessions:
        with uow:
            uow.practice.add_session(session)
            uow.commit()


def save_holds(uow: SqlUnitOfWork, session_id: str, *holds: HoldRecord) -> None:
    for hold in holds:
        with uow:
            uow.practice.add_hold(session_id, hold)
            uow.commit()


def test_a_session_comes_back_with_every_field(uow: SqlUnitOfWork) -> None:
    finished = replace(a_session(), status=SessionStatus.FINISHED, ended_at=START + 900.5)
    save_sessions(uow, finished)
    with uow:
        got = uow.practice.get_session("s-1")
    assert got is not None
    assert got.started_at == pytest.approx(finished.started_at, abs=MS)
    assert got.ended_at == pytest.approx(finished.ended_at, abs=MS)
    assert replace(got, started_at=finished.started_at, ended_at=finished.ended_at) == finished


@pytest.mark.parametrize("side", ["left", None])
def test_a_hold_comes_back_with_every_field(uow: SqlUnitOfWork, side: str | None) -> None:
    hold = replace(a_hold(), side=side)
    save_sessions(uow, a_session())
    save_holds(uow, "s-1", hold)
    with uow:
        [got] = uow.practice.session_holds("s-1")
        [logged] = uow.practice.holds()
    assert got.started_at == pytest.approx(hold.started_at, abs=MS)
    assert got.ended_at == pytest.approx(hold.ended_at, abs=MS)
    assert replace(got, started_at=hold.started_at, ended_at=hold.ended_at) == hold
    assert logged == LoggedHold("s-1", got)


def test_a_session_never_added_is_none(uow: SqlUnitOfWork) -> None:
    with uow:
        assert uow.practice.get_session("nope") is None


def test_times_do_not_depend_on_the_local_time_zone(
    uow: SqlUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_sessions(uow, a_session())
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    try:
        with uow:
            got = uow.practice.get_session("s-1")
    finally:
        monkeypatch.undo()
        time.tzset()
    assert got is not None
    assert got.started_at == pytest.approx(START, abs=MS)


def test_updating_a_session_records_how_it_ended(uow: SqlUnitOfWork) -> None:
    save_sessions(uow, a_session())
    with uow:
        uow.practice.update_session(
            replace(a_session(), status=SessionStatus.ABORTED, ended_at=START + 60)
        )
        uow.commit()
    with uow:
        got = uow.practice.get_session("s-1")
    assert got is not None
    assert got.status is SessionStatus.ABORTED
    assert got.ended_at == pytest.approx(START + 60, abs=MS)


def test_updating_a_session_never_added_is_an_error(uow: SqlUnitOfWork) -> None:
    with uow, pytest.raises(LookupError):
        uow.practice.update_session(a_session("ghost"))


def test_sessions_since_a_time_are_the_later_ones_oldest_first(uow: SqlUnitOfWork) -> None:
    save_sessions(
        uow, a_session("late", START + 200), a_session("early"), a_session("middle", START + 100)
    )
    with uow:
        everything = [s.id for s in uow.practice.sessions()]
        recent = [s.id for s in uow.practice.sessions(since=START + 100)]
    assert everything == ["early", "middle", "late"]
    assert recent == ["middle", "late"]


def test_holds_since_a_time_are_the_later_ones_oldest_first(uow: SqlUnitOfWork) -> None:
    save_sessions(uow, a_session("a"), a_session("b", START + 1000))
    save_holds(uow, "b", a_hold(START + 1010, position=0))
    save_holds(uow, "a", a_hold(START + 20, position=1), a_hold(START + 10, position=0))
    with uow:
        everything = [(h.session_id, h.record.position) for h in uow.practice.holds()]
        recent = [(h.session_id, h.record.position) for h in uow.practice.holds(START + 20)]
        only_a = [h.position for h in uow.practice.session_holds("a")]
    assert everything == [("a", 0), ("a", 1), ("b", 0)]
    assert recent == [("a", 1), ("b", 0)]
    assert only_a == [0, 1]


def test_the_latest_unfinished_session_is_the_most_recent_active_one(
    uow: SqlUnitOfWork,
) -> None:
    finished = replace(a_session("newest", START + 200), status=SessionStatus.FINISHED)
    save_sessions(uow, a_session("old"), a_session("newer", START + 100), finished)
    with uow:
        latest = uow.practice.latest_unfinished()
    assert latest is not None
    assert latest.id == "newer"


def test_there_is_no_unfinished_session_when_all_have_ended(uow: SqlUnitOfWork) -> None:
    save_sessions(uow, replace(a_session(), status=SessionStatus.FINISHED, ended_at=START + 1))
    with uow:
        assert uow.practice.latest_unfinished() is None


def test_a_hold_committed_alone_survives_a_later_rollback(uow: SqlUnitOfWork) -> None:
    save_sessions(uow, a_session())
    save_holds(uow, "s-1", a_hold(position=0))
    with uow:
        uow.practice.add_hold("s-1", a_hold(position=1))
        uow.rollback()
    with uow:
        assert [h.position for h in uow.practice.session_holds("s-1")] == [0]


def test_work_left_uncommitted_at_the_end_of_the_block_is_discarded(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.practice.add_session(a_session())
    with uow:
        assert uow.practice.sessions() == []


def test_a_session_and_its_first_hold_can_be_added_together(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.practice.add_hold("s-1", a_hold())
        uow.practice.add_session(a_session())
        uow.commit()
    with uow:
        assert len(uow.practice.session_holds("s-1")) == 1


def test_a_hold_for_an_unknown_session_is_refused(uow: SqlUnitOfWork) -> None:
    with uow, pytest.raises(IntegrityError):
        uow.practice.add_hold("ghost", a_hold())
        uow.commit()


def test_the_log_file_uses_write_ahead_logging(sqlite_database: Engine) -> None:
    with sqlite3.connect(str(sqlite_database.url.database)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_writer_waits_for_another_writer_instead_of_failing(sqlite_database: Engine) -> None:
    uow = SqlUnitOfWork(session_factory(sqlite_database))
    other = sqlite3.connect(
        str(sqlite_database.url.database), isolation_level=None, check_same_thread=False
    )
    other.execute("BEGIN IMMEDIATE")  # what another tab or process does while it writes
    releaser = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    releaser.start()
    try:
        save_sessions(uow, a_session())
    finally:
        releaser.join()
        other.close()
    with uow:
        assert uow.practice.get_session("s-1") is not None
